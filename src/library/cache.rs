//! The metadata cache: one file per library folder in the XDG cache dir, keyed by
//! (path, size, mtime), so a warm start reads no article.
//!
//! The file is postcard, not JSON: a 10,000-article library caches some 10 MB of titles,
//! summaries and first lines, which JSON took 65 ms to read, half the budget for a warm
//! start's first frame. It is read borrowing from the file's bytes: each preview stays a
//! slice of them (most of the file, never copied), and the strings are copied once each.
//! Its layout (`cache_head`) lets the first screen be read from a small head.

use super::cache_head::{self, HEAD, Key, Sections};
use super::entry::{Entry, Meta, Packed, ProgressMap, State};
use super::order::{self, SortOrder};
use serde::{Deserialize, Serialize};
use std::cell::OnceCell;
use std::collections::HashMap;
use std::ffi::OsString;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};

/// Bumped whenever the cached fields or the layout change, so an old file is ignored,
/// not misread. It leads the file, read on its own before anything else.
pub(crate) const VERSION: u32 = 3;

/// One cached file: its path relative to the library, size, modification time, state.
pub(crate) type Rec = (PathBuf, u64, u64, State);

/// The cache folder (`$XDG_CACHE_HOME/lectern` on Linux), if the platform has one.
pub fn default_dir() -> Option<PathBuf> {
    directories::ProjectDirs::from("", "", "lectern").map(|d| d.cache_dir().to_path_buf())
}

/// The cache file for a library folder: named by a stable hash of its canonical path.
pub fn file_for(cache_dir: &Path, root: &Path) -> PathBuf {
    let root = std::fs::canonicalize(root).unwrap_or_else(|_| root.to_path_buf());
    // FNV-1a: std's hasher may change between releases, which would orphan every cache file.
    let hash = root
        .as_os_str()
        .as_encoded_bytes()
        .iter()
        .fold(0xcbf29ce484222325u64, |h, b| {
            (h ^ u64::from(*b)).wrapping_mul(0x100000001b3)
        });
    cache_dir.join(format!("library-{hash:016x}.bin"))
}

/// A temporary file beside `file` to write its new contents in, unique per process and
/// per write: an old scan still finishing may save alongside a rescan, and a search in the
/// reader alongside one on the command line.
pub(crate) fn temp_beside(file: &Path) -> PathBuf {
    static WRITES: AtomicUsize = AtomicUsize::new(0);
    file.with_file_name(format!(
        ".{}.{}-{}.tmp",
        file.file_name().unwrap_or_default().to_string_lossy(),
        std::process::id(),
        WRITES.fetch_add(1, Ordering::Relaxed)
    ))
}

/// A path as text when it is UTF-8, raw bytes otherwise.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub(crate) enum StoredPath {
    Text(String),
    Bytes(Vec<u8>),
}

impl StoredPath {
    pub(crate) fn from_path(p: &Path) -> Self {
        match p.to_str() {
            Some(s) => StoredPath::Text(s.to_string()),
            None => StoredPath::Bytes(p.as_os_str().as_encoded_bytes().to_vec()),
        }
    }

    pub(crate) fn into_path(self) -> PathBuf {
        match self {
            StoredPath::Text(s) => PathBuf::from(s),
            StoredPath::Bytes(b) => PathBuf::from(os_from_bytes(b)),
        }
    }
}

#[cfg(unix)]
fn os_from_bytes(b: Vec<u8>) -> OsString {
    use std::os::unix::ffi::OsStringExt;
    OsString::from_vec(b)
}

#[cfg(not(unix))]
fn os_from_bytes(b: Vec<u8>) -> OsString {
    OsString::from(String::from_utf8_lossy(&b).into_owned())
}

#[derive(Debug, Serialize)]
struct Record {
    path: StoredPath,
    size: u64,
    mtime: u64,
    state: State,
}

/// A `Record` as read, borrowing from the file: the same fields in the same order.
#[derive(Deserialize)]
pub(crate) struct RecordRef<'a> {
    #[serde(borrow)]
    path: PathRef<'a>,
    size: u64,
    mtime: u64,
    #[serde(borrow)]
    state: StateRef<'a>,
}

/// A `StoredPath` as read.
#[derive(Deserialize)]
enum PathRef<'a> {
    Text(&'a str),
    Bytes(&'a [u8]),
}

/// A `State` as read.
#[derive(Deserialize)]
enum StateRef<'a> {
    Pending,
    Ready(#[serde(borrow)] MetaRef<'a>),
    Failed(&'a str),
}

/// A `Meta` as read; the preview is where its bytes are in the file.
#[derive(Deserialize)]
struct MetaRef<'a> {
    title: Option<&'a str>,
    #[serde(borrow)]
    authors: Vec<&'a str>,
    date: Option<&'a str>,
    date_iso: Option<&'a str>,
    site: Option<&'a str>,
    words: usize,
    preview: &'a [u8],
}

impl RecordRef<'_> {
    /// The record, its preview shared with the file's bytes `file`.
    pub(crate) fn own(self, file: &Arc<Vec<u8>>) -> Rec {
        let path = match self.path {
            PathRef::Text(s) => PathBuf::from(s),
            PathRef::Bytes(b) => PathBuf::from(os_from_bytes(b.to_vec())),
        };
        let state = match self.state {
            StateRef::Pending => State::Pending,
            StateRef::Failed(why) => State::Failed(why.to_string()),
            StateRef::Ready(m) => {
                let at = (m.preview.as_ptr() as usize).saturating_sub(file.as_ptr() as usize);
                let owned = |s: Option<&str>| s.map(str::to_string);
                State::Ready(Arc::new(Meta {
                    title: owned(m.title),
                    authors: m.authors.into_iter().map(str::to_string).collect(),
                    date: owned(m.date),
                    date_iso: owned(m.date_iso),
                    site: owned(m.site),
                    words: m.words,
                    preview: Packed::shared(file, at..at + m.preview.len()),
                }))
            }
        };
        (path, self.size, self.mtime, state)
    }
}

/// What was known about each file of one library, by path relative to the library folder.
#[derive(Debug, Default)]
pub struct Cache {
    /// In the order they were put, which is the walk's: a warm start lists them as they are.
    records: Vec<Rec>,
    /// Index into `records` by the path's bytes, which hash far quicker than a `Path`;
    /// built when first asked, after a warm start has listed what the cache knows.
    by_path: OnceCell<HashMap<OsString, usize>>,
}

impl Cache {
    /// Loads a cache file; a missing, unreadable, corrupt or outdated one is an empty cache.
    pub fn load(file: &Path) -> Self {
        let Ok(bytes) = std::fs::read(file) else {
            return Cache::default();
        };
        let bytes = Arc::new(bytes);
        let Some(sections) = Sections::parse(&bytes, bytes.len(), VERSION) else {
            return Cache::default();
        };
        let mut rest = &bytes[sections.body];
        let mut records = Vec::with_capacity(sections.records.min(rest.len()));
        for _ in 0..sections.records {
            let Ok((record, after)) = postcard::take_from_bytes::<RecordRef>(rest) else {
                return Cache::default();
            };
            rest = after;
            let record = record.own(&bytes);
            // Never saved; only a damaged file would hold one.
            if record.3 != State::Pending {
                records.push(record);
            }
        }
        Cache {
            records,
            by_path: OnceCell::new(),
        }
    }

    fn index(&self) -> &HashMap<OsString, usize> {
        self.by_path.get_or_init(|| {
            self.records
                .iter()
                .enumerate()
                .map(|(i, r)| (r.0.as_os_str().to_os_string(), i))
                .collect()
        })
    }

    /// The cached state of `rel`, if the file has not changed size or time since.
    pub fn get(&self, rel: &Path, size: u64, mtime: u64) -> Option<&State> {
        let (_, s, m, state) = &self.records[*self.index().get(rel.as_os_str())?];
        (*s == size && *m == mtime).then_some(state)
    }

    /// Records what is known about `rel`; a pending state is not worth keeping.
    pub fn put(&mut self, rel: PathBuf, size: u64, mtime: u64, state: State) {
        if state == State::Pending {
            return;
        }
        self.index();
        let n = self.records.len();
        let Some(index) = self.by_path.get_mut() else {
            return;
        };
        match index.get(rel.as_os_str()) {
            Some(&i) => self.records[i] = (rel, size, mtime, state),
            None => {
                index.insert(rel.as_os_str().to_os_string(), n);
                self.records.push((rel, size, mtime, state));
            }
        }
    }

    /// The cached files as entries under `root`, in the order they were put.
    pub fn entries(&self, root: &Path) -> Vec<Entry> {
        self.records
            .iter()
            .map(|(rel, size, mtime, state)| Entry {
                path: root.join(rel),
                size: *size,
                mtime: *mtime,
                state: state.clone(),
            })
            .collect()
    }

    /// Number of files cached.
    pub fn len(&self) -> usize {
        self.records.len()
    }

    /// True when nothing is cached.
    pub fn is_empty(&self) -> bool {
        self.records.is_empty()
    }

    /// Writes the cache atomically: a reader sees the old file or the new one, never half.
    pub fn save(&self, file: &Path) -> std::io::Result<()> {
        let dir = file.parent().unwrap_or(Path::new("."));
        std::fs::create_dir_all(dir)?;
        let bytes = self.encode().map_err(std::io::Error::other)?;
        let tmp = temp_beside(file);
        let mut out = std::fs::File::create(&tmp)?;
        out.write_all(&bytes)?;
        out.sync_all()?;
        std::fs::rename(&tmp, file)?;
        // The JSON cache of earlier versions would otherwise stay behind for good.
        let _ = std::fs::remove_file(file.with_extension("json"));
        Ok(())
    }

    /// The whole file: the head (the first rows in title order, and the failed), the
    /// index and the body, as `cache_head` lays them out.
    fn encode(&self) -> postcard::Result<Vec<u8>> {
        let records: Vec<Record> = self
            .records
            .iter()
            .map(|(p, size, mtime, state)| Record {
                path: StoredPath::from_path(p),
                size: *size,
                mtime: *mtime,
                state: state.clone(),
            })
            .collect();
        let mut body = Vec::new();
        let mut spans = Vec::with_capacity(records.len());
        for r in &records {
            let at = body.len();
            body = postcard::to_extend(r, body)?;
            spans.push(at..body.len());
        }
        // The order a list shows unread articles in: the paths being relative to the
        // same folder, they compare as the listed ones do.
        let by_title = order::sorted(
            &self.entries(Path::new("")),
            &ProgressMap::new(),
            SortOrder::Recent,
        );
        let failed = (0..records.len()).filter(|&i| matches!(records[i].state, State::Failed(_)));
        let head: Vec<&Record> = by_title
            .iter()
            .take(HEAD)
            .copied()
            .chain(failed)
            .map(|i| &records[i])
            .collect();
        let mut index: Vec<(Key, usize, usize)> = by_title
            .iter()
            .map(|&i| {
                let path = self.records[i].0.as_os_str().as_encoded_bytes();
                (Key(path), spans[i].start, spans[i].len())
            })
            .collect();
        index.sort_unstable_by(|a, b| a.0.0.cmp(b.0.0));
        Ok(cache_head::join(
            VERSION,
            &postcard::to_stdvec(&head)?,
            &postcard::to_stdvec(&index)?,
            &body,
            by_title.len(),
            records.len(),
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::library::entry::Preview;

    #[test]
    fn what_is_saved_is_read_back_with_its_preview() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("library.bin");
        let meta = Meta {
            title: Some("Harbour thaw".into()),
            authors: vec!["Ana Ruiz".into(), "Tom Niet".into()],
            date: Some("2 March 2024".into()),
            date_iso: Some("2024-03-02".into()),
            site: None,
            words: 1800,
            preview: Packed::pack(&Preview {
                summary: Some("The ice went out early.".into()),
                sources: vec!["Port Authority".into()],
                first_lines: vec!["First line.".into(), "Second line.".into()],
            }),
        };
        let mut cache = Cache::default();
        cache.put("a.txt".into(), 10, 20, State::Ready(Arc::new(meta.clone())));
        cache.put("b.txt".into(), 1, 2, State::Failed("binary".into()));
        cache.put("c.txt".into(), 1, 2, State::Pending);
        cache.put("a.txt".into(), 11, 21, State::Ready(Arc::new(meta.clone())));
        cache.save(&file).unwrap();
        let back = Cache::load(&file);
        assert_eq!(back.len(), 2);
        assert_eq!(back.get(Path::new("a.txt"), 10, 20), None, "replaced");
        let Some(State::Ready(m)) = back.get(Path::new("a.txt"), 11, 21) else {
            panic!("a.txt is cached");
        };
        assert_eq!(**m, meta);
        assert_eq!(m.preview.unpack().first_lines.len(), 2);
        assert_eq!(
            back.get(Path::new("b.txt"), 1, 2),
            Some(&State::Failed("binary".into()))
        );
        let entries = back.entries(Path::new("/lib"));
        assert_eq!(entries[0].path, Path::new("/lib/a.txt"));
    }
}
