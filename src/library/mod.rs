//! The library: the articles in a folder, their metadata (cached), sort orders and filter.
//!
//! A scan runs on its own threads and reports through a channel, so a view can show the
//! list at once and fill it in as files are read.

pub mod cache;
pub mod cache_head;
pub mod entry;
pub mod filter;
pub mod glimpse;
pub mod order;
pub mod scan;
pub mod text_cache;
pub mod watch;

use crate::parse;
use crate::samples::SAMPLES;
use cache::Cache;
use entry::{Entry, Meta, State};
use scan::Skipped;
use std::panic::{self, AssertUnwindSafe};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc::{self, Receiver, Sender};
use std::thread;

/// What a running scan reports, in this order: `Listed` once, `Read` per file read, `Done`.
#[derive(Debug)]
pub enum Event {
    /// Every file found, with cached metadata filled in and the rest pending. A warm start
    /// sends it twice: first what the cache knows, at once, then what the walk found.
    Listed {
        /// The files, sorted by path.
        entries: Vec<Entry>,
        /// Files and folders the walk left out.
        skipped: Vec<Skipped>,
    },
    /// The walk found exactly what the cache listed; these are the files it left out.
    Unchanged(Vec<Skipped>),
    /// The entry at this index (in the last `Listed` order) has been read.
    Read(usize, State),
    /// All files read and the cache written.
    Done,
}

/// Starts scanning `root` on worker threads; `cache_file` (if any) is read first and rewritten
/// when anything changed.
pub fn start(root: PathBuf, cache_file: Option<PathBuf>) -> Receiver<Event> {
    let (tx, rx) = mpsc::channel();
    let spawned = thread::Builder::new()
        .name("library-scan".into())
        .spawn(move || run(&root, cache_file.as_deref(), &tx));
    if spawned.is_err() {
        // No thread, no scan: an empty library is still a working screen.
        let (tx, rx) = mpsc::channel();
        let _ = tx.send(Event::Listed {
            entries: Vec::new(),
            skipped: Vec::new(),
        });
        let _ = tx.send(Event::Done);
        return rx;
    }
    rx
}

/// Scans `root` to the end: the entries (read or failed) and what was left out.
pub fn scan_blocking(root: &Path, cache_file: Option<PathBuf>) -> (Vec<Entry>, Vec<Skipped>) {
    let mut entries = Vec::new();
    let mut skipped = Vec::new();
    for event in start(root.to_path_buf(), cache_file) {
        match event {
            Event::Listed {
                entries: e,
                skipped: s,
            } => (entries, skipped) = (e, s),
            Event::Unchanged(s) => skipped = s,
            Event::Read(i, state) => entries[i].state = state,
            Event::Done => break,
        }
    }
    (entries, skipped)
}

/// The bundled samples as entries, parsed in memory: their paths are bare file names.
/// Parsed once: the text is built in, and parsing all seven took an eighth of the `app`
/// fuzz target's time, which opens the sample library afresh for every input.
pub fn samples() -> Vec<Entry> {
    static ENTRIES: std::sync::OnceLock<Vec<Entry>> = std::sync::OnceLock::new();
    ENTRIES.get_or_init(parse_samples).clone()
}

fn parse_samples() -> Vec<Entry> {
    SAMPLES
        .iter()
        .map(|(name, text)| {
            let state =
                match parse::parse_bytes(text.as_bytes(), parse::format_for(Path::new(name))) {
                    Ok(article) => State::Ready(Meta::from_article(&article).into()),
                    Err(e) => State::Failed(e.to_string()),
                };
            Entry {
                path: PathBuf::from(name),
                size: text.len() as u64,
                mtime: 0,
                state,
            }
        })
        .collect()
}

fn relative(root: &Path, path: &Path) -> PathBuf {
    path.strip_prefix(root).unwrap_or(path).to_path_buf()
}

fn run(root: &Path, cache_file: Option<&Path>, tx: &Sender<Event>) {
    let old = cache_file.map(Cache::load).unwrap_or_default();
    // A warm start shows what the cache knows at once; walking 10,000 files takes longer
    // than the first frame may, and rarely changes anything.
    let listed_cache = !old.is_empty();
    if listed_cache
        && tx
            .send(Event::Listed {
                entries: old.entries(root),
                skipped: Vec::new(),
            })
            .is_err()
    {
        return;
    }
    let (found, skipped) = scan::walk(root);
    let mut todo = Vec::new();
    let mut entries: Vec<Entry> = found
        .into_iter()
        .enumerate()
        .map(|(i, f)| {
            let state = match old.get(&relative(root, &f.path), f.size, f.mtime) {
                Some(s) => s.clone(),
                None => {
                    todo.push(i);
                    State::Pending
                }
            };
            Entry {
                path: f.path,
                size: f.size,
                mtime: f.mtime,
                state,
            }
        })
        .collect();
    let changed = !todo.is_empty() || old.len() != entries.len();
    drop(old);
    // Unchanged: every file found is cached as it is, and nothing cached is gone.
    let event = if listed_cache && !changed {
        Event::Unchanged(skipped)
    } else {
        Event::Listed {
            entries: entries.clone(),
            skipped,
        }
    };
    if tx.send(event).is_err() {
        return;
    }
    for (i, state) in read_all(&entries, &todo, tx) {
        entries[i].state = state;
    }
    if changed && let Some(file) = cache_file {
        let mut cache = Cache::default();
        for e in entries {
            cache.put(relative(root, &e.path), e.size, e.mtime, e.state);
        }
        // A cache that cannot be written only costs the next start some time.
        let _ = cache.save(file);
    }
    let _ = tx.send(Event::Done);
}

/// Reads the entries at `todo` on one thread per core, sending each result as it comes.
fn read_all(entries: &[Entry], todo: &[usize], tx: &Sender<Event>) -> Vec<(usize, State)> {
    let threads = thread::available_parallelism()
        .map_or(2, |n| n.get())
        .min(todo.len().max(1));
    let next = AtomicUsize::new(0);
    thread::scope(|s| {
        let workers: Vec<_> = (0..threads)
            .map(|_| {
                s.spawn(|| {
                    let mut out = Vec::new();
                    while let Some(&i) = todo.get(next.fetch_add(1, Ordering::Relaxed)) {
                        let state = read_one(&entries[i].path);
                        if tx.send(Event::Read(i, state.clone())).is_err() {
                            break;
                        }
                        out.push((i, state));
                    }
                    out
                })
            })
            .collect();
        workers
            .into_iter()
            .filter_map(|w| w.join().ok())
            .flatten()
            .collect()
    })
}

/// One file's state; a parser panic becomes a failed entry instead of a stalled scan.
fn read_one(path: &Path) -> State {
    match panic::catch_unwind(AssertUnwindSafe(|| scan::read_meta(path))) {
        Ok(Ok(meta)) => State::Ready(meta.into()),
        Ok(Err(reason)) => State::Failed(reason),
        Err(_) => State::Failed("the parser failed on this file".into()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::fs;
    use std::time::{Duration, SystemTime};

    fn library() -> (tempfile::TempDir, tempfile::TempDir) {
        let lib = tempfile::tempdir().unwrap();
        fs::write(
            lib.path().join("one.txt"),
            "The First\n\nBody of the first article.",
        )
        .unwrap();
        fs::write(
            lib.path().join("two.md"),
            "The Second\n\nBody of the second.",
        )
        .unwrap();
        fs::write(
            lib.path().join("junk.txt"),
            [0u8, 159, 146, 150, 0, 0, 1, 2, 3],
        )
        .unwrap();
        (lib, tempfile::tempdir().unwrap())
    }

    /// Scans and reports (number of files read from disk, titles or failures by file name).
    fn scan(lib: &Path, cache: &Path) -> (usize, Vec<(String, String)>) {
        let file = cache::file_for(cache, lib);
        let mut reads = 0;
        let mut entries = Vec::new();
        for event in start(lib.to_path_buf(), Some(file)) {
            match event {
                Event::Listed { entries: e, .. } => entries = e,
                Event::Unchanged(_) => {}
                Event::Read(i, s) => {
                    reads += 1;
                    entries[i].state = s;
                }
                Event::Done => break,
            }
        }
        let shown = entries
            .iter()
            .map(|e| {
                let what = match &e.state {
                    State::Failed(r) => format!("failed: {r}"),
                    _ => e.title().into_owned(),
                };
                (e.file_name().into_owned(), what)
            })
            .collect();
        (reads, shown)
    }

    fn touch(path: &Path) {
        let later = SystemTime::now() + Duration::from_secs(5);
        fs::File::options()
            .write(true)
            .open(path)
            .unwrap()
            .set_modified(later)
            .unwrap();
    }

    #[test]
    fn a_warm_scan_reads_nothing_and_a_touched_file_is_read_again() {
        let (lib, cache) = library();
        let (reads, cold) = scan(lib.path(), cache.path());
        assert_eq!(reads, 3);
        assert!(
            cold.iter()
                .any(|(f, w)| f == "junk.txt" && w.contains("binary")),
            "{cold:?}"
        );
        let (reads, warm) = scan(lib.path(), cache.path());
        assert_eq!((reads, &warm), (0, &cold));

        touch(&lib.path().join("one.txt"));
        assert_eq!(scan(lib.path(), cache.path()).0, 1);
        assert_eq!(scan(lib.path(), cache.path()).0, 0);
    }

    /// The kinds of event a scan sends, in order, with the entry counts of listings.
    fn events(lib: &Path, cache: &Path) -> Vec<String> {
        start(lib.to_path_buf(), Some(cache::file_for(cache, lib)))
            .into_iter()
            .map(|e| match e {
                Event::Listed { entries, .. } => format!("listed {}", entries.len()),
                Event::Unchanged(_) => "unchanged".into(),
                Event::Read(..) => "read".into(),
                Event::Done => "done".into(),
            })
            .collect()
    }

    #[test]
    fn a_warm_scan_lists_the_cache_first_then_confirms_or_corrects_it() {
        let (lib, cache) = library();
        assert_eq!(
            events(lib.path(), cache.path()),
            ["listed 3", "read", "read", "read", "done"]
        );
        assert_eq!(
            events(lib.path(), cache.path()),
            ["listed 3", "unchanged", "done"]
        );
        fs::write(lib.path().join("three.txt"), "Third\n\nA new one.").unwrap();
        assert_eq!(
            events(lib.path(), cache.path()),
            ["listed 3", "listed 4", "read", "done"]
        );
    }

    #[test]
    fn rename_and_delete_are_noticed() {
        let (lib, cache) = library();
        scan(lib.path(), cache.path());
        fs::rename(lib.path().join("two.md"), lib.path().join("deux.md")).unwrap();
        fs::remove_file(lib.path().join("junk.txt")).unwrap();
        let (reads, shown) = scan(lib.path(), cache.path());
        assert_eq!(reads, 1);
        let names: Vec<&str> = shown.iter().map(|(f, _)| f.as_str()).collect();
        assert_eq!(names, ["deux.md", "one.txt"]);
        assert_eq!(scan(lib.path(), cache.path()).0, 0);
    }

    #[test]
    fn a_corrupt_cache_is_a_cold_start() {
        let (lib, cache) = library();
        scan(lib.path(), cache.path());
        fs::write(cache::file_for(cache.path(), lib.path()), "{ not json").unwrap();
        assert_eq!(scan(lib.path(), cache.path()).0, 3);
    }

    #[cfg(unix)]
    #[test]
    fn non_utf8_names_survive_the_cache() {
        use std::os::unix::ffi::OsStrExt;
        let (lib, cache) = library();
        let name = std::ffi::OsStr::from_bytes(b"r\xe9sum\xe9.txt");
        fs::write(lib.path().join(name), "Latin-1 Name\n\nText.").unwrap();
        assert_eq!(scan(lib.path(), cache.path()).0, 4);
        assert_eq!(scan(lib.path(), cache.path()).0, 0);
    }

    #[test]
    fn samples_are_all_readable() {
        let s = samples();
        assert_eq!(s.len(), SAMPLES.len());
        assert!(s.iter().all(|e| e.meta().is_some_and(|m| m.words > 0)));
    }
}
