//! Watching a library folder, so that articles added, changed or removed show up without
//! pressing `r`.

use super::scan::is_article;
use notify::event::{EventKind, ModifyKind};
use notify::{RecursiveMode, Watcher};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::mpsc;
use std::time::{SystemTime, UNIX_EPOCH};

/// How long the folder must stay quiet after a change before a rescan: saving, unpacking
/// or syncing many files comes as a burst of events.
pub const SETTLE_MS: u64 = 400;

/// A watch on a library folder; dropping it stops watching.
#[derive(Debug)]
pub struct Watch {
    /// When the last relevant change was seen, in ms since the epoch; 0 when none is pending.
    last_change: Arc<AtomicU64>,
    /// Dropped with the watch, which ends the thread that owns the watcher.
    _stop: mpsc::Sender<()>,
}

impl Watch {
    /// Starts watching `root` and everything below it. The watches are set up on their own
    /// thread: one per folder, which in a large library takes longer than a first frame.
    pub fn start(root: PathBuf) -> Self {
        let last_change = Arc::new(AtomicU64::new(0));
        let (stop, stopped) = mpsc::channel::<()>();
        let seen = Arc::clone(&last_change);
        let watched = root.clone();
        let spawned = std::thread::Builder::new()
            .name("library-watch".into())
            .spawn(move || {
                let on_event = move |res: notify::Result<notify::Event>| {
                    if let Ok(event) = res
                        && matters(&event, &watched)
                    {
                        seen.store(now_ms().max(1), Ordering::Relaxed);
                    }
                };
                // Without a watcher (no inotify, too many folders) `r` still rescans.
                let Ok(mut watcher) = notify::recommended_watcher(on_event) else {
                    return;
                };
                if watcher.watch(&root, RecursiveMode::Recursive).is_err() {
                    return;
                }
                // Keep the watcher until the `Watch` is dropped.
                let _ = stopped.recv();
            });
        drop(spawned);
        Watch {
            last_change,
            _stop: stop,
        }
    }

    /// True, once, when something changed and the folder has been quiet for `SETTLE_MS`.
    pub fn settled_change(&self) -> bool {
        let last = self.last_change.load(Ordering::Relaxed);
        if last == 0 || now_ms().saturating_sub(last) < SETTLE_MS {
            return false;
        }
        // A change that lands between the load and here is kept for the next call.
        self.last_change
            .compare_exchange(last, 0, Ordering::Relaxed, Ordering::Relaxed)
            .is_ok()
    }
}

/// Whether an event can change the list: an article or folder created, removed, renamed
/// or written, outside hidden folders. Reads (the scan's own) and attribute changes cannot.
fn matters(event: &notify::Event, root: &Path) -> bool {
    let kind = matches!(
        event.kind,
        EventKind::Create(_)
            | EventKind::Remove(_)
            | EventKind::Modify(ModifyKind::Data(_) | ModifyKind::Name(_) | ModifyKind::Any)
    );
    kind && event.paths.iter().any(|p| {
        let rel = p.strip_prefix(root).unwrap_or(p);
        let hidden = rel
            .components()
            .any(|c| c.as_os_str().as_encoded_bytes().starts_with(b"."));
        // A folder's own event carries no extension; a folder renamed in or out matters.
        !hidden && (is_article(p) || p.extension().is_none())
    })
}

fn now_ms() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_millis() as u64)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::{Duration, Instant};

    /// Polls until `settled_change` reports, or gives up after a few seconds.
    fn notices(w: &Watch) -> bool {
        let until = Instant::now() + Duration::from_secs(5);
        while Instant::now() < until {
            if w.settled_change() {
                return true;
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        false
    }

    #[test]
    fn an_article_added_is_noticed_once_and_hidden_or_other_files_are_not() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir(dir.path().join(".git")).unwrap();
        let w = Watch::start(dir.path().to_path_buf());
        // Give the watch thread time to set up before anything changes.
        std::thread::sleep(Duration::from_millis(300));
        std::fs::write(dir.path().join(".git/index.txt"), "x").unwrap();
        std::fs::write(dir.path().join("photo.png"), "x").unwrap();
        std::thread::sleep(Duration::from_millis(SETTLE_MS + 200));
        assert!(
            !w.settled_change(),
            "hidden and non-article files are ignored"
        );
        std::fs::write(dir.path().join("new.md"), "# New\n\nText.").unwrap();
        assert!(notices(&w), "a new article is noticed");
        assert!(!w.settled_change(), "and reported once");
    }
}
