//! The metadata cache: one file per library folder in the XDG cache dir, keyed by
//! (path, size, mtime), so a warm start reads no article.
//!
//! The file is postcard, not JSON: a 10,000-article library caches some 11 MB of titles,
//! summaries and first lines, which JSON took 65 ms to read, half the budget for a warm
//! start's first frame.

use super::entry::{Entry, State};
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use std::ffi::OsString;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};

/// Bumped whenever the cached fields change, so an old file is ignored, not misread.
/// It leads the file, read on its own before anything else.
const VERSION: u32 = 2;

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

#[derive(Debug, Serialize, Deserialize)]
struct Record {
    path: StoredPath,
    size: u64,
    mtime: u64,
    state: State,
}

/// What was known about each file of one library, by path relative to the library folder.
#[derive(Debug, Default)]
pub struct Cache {
    /// In the order they were put, which is the walk's: a warm start lists them as they are.
    records: Vec<(PathBuf, u64, u64, State)>,
    /// Index into `records` by the path's bytes, which hash far quicker than a `Path`.
    by_path: HashMap<OsString, usize>,
}

impl Cache {
    /// Loads a cache file; a missing, unreadable, corrupt or outdated one is an empty cache.
    pub fn load(file: &Path) -> Self {
        let Ok(bytes) = std::fs::read(file) else {
            return Cache::default();
        };
        let records = match postcard::take_from_bytes::<u32>(&bytes) {
            Ok((VERSION, rest)) => postcard::from_bytes::<Vec<Record>>(rest),
            _ => return Cache::default(),
        };
        let mut cache = Cache::default();
        for r in records.unwrap_or_default() {
            cache.put(r.path.into_path(), r.size, r.mtime, r.state);
        }
        cache
    }

    /// The cached state of `rel`, if the file has not changed size or time since.
    pub fn get(&self, rel: &Path, size: u64, mtime: u64) -> Option<&State> {
        let (_, s, m, state) = &self.records[*self.by_path.get(rel.as_os_str())?];
        (*s == size && *m == mtime).then_some(state)
    }

    /// Records what is known about `rel`; a pending state is not worth keeping.
    pub fn put(&mut self, rel: PathBuf, size: u64, mtime: u64, state: State) {
        if state == State::Pending {
            return;
        }
        match self.by_path.get(rel.as_os_str()) {
            Some(&i) => self.records[i] = (rel, size, mtime, state),
            None => {
                self.by_path
                    .insert(rel.as_os_str().to_os_string(), self.records.len());
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
        let mut bytes = postcard::to_stdvec(&VERSION).map_err(std::io::Error::other)?;
        bytes.extend(postcard::to_stdvec(&records).map_err(std::io::Error::other)?);
        // Unique per process and per save: an old scan still finishing may save alongside a rescan.
        static SAVES: AtomicUsize = AtomicUsize::new(0);
        let tmp = dir.join(format!(
            ".{}.{}-{}.tmp",
            file.file_name().unwrap_or_default().to_string_lossy(),
            std::process::id(),
            SAVES.fetch_add(1, Ordering::Relaxed)
        ));
        let mut out = std::fs::File::create(&tmp)?;
        out.write_all(&bytes)?;
        out.sync_all()?;
        std::fs::rename(&tmp, file)?;
        // The JSON cache of earlier versions would otherwise stay behind for good.
        let _ = std::fs::remove_file(file.with_extension("json"));
        Ok(())
    }
}
