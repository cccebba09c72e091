//! Finding articles in a folder: a walk that skips hidden folders, survives symlink loops
//! and unreadable folders, and reports every file it leaves out.

use super::entry::Meta;
use crate::parse::{self, LoadError};
use std::collections::HashSet;
use std::fs::{self, Metadata};
use std::path::{Path, PathBuf};
use std::time::UNIX_EPOCH;

/// File extensions the library lists (compared without case).
pub const EXTENSIONS: &[&str] = &["txt", "text", "md", "markdown", "html", "htm", "epub"];

/// A file the walk found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Found {
    /// Where it is.
    pub path: PathBuf,
    /// Size in bytes.
    pub size: u64,
    /// Modification time in nanoseconds since the epoch.
    pub mtime: u64,
}

/// A file or folder left out, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Skipped {
    /// What was left out.
    pub path: PathBuf,
    /// Why, in a few words.
    pub reason: String,
}

/// Is this a file name the library lists?
pub fn is_article(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| EXTENSIONS.iter().any(|x| x.eq_ignore_ascii_case(e)))
}

/// Modification time of a file in nanoseconds since the epoch (0 when unknown).
pub fn mtime_of(meta: &Metadata) -> u64 {
    meta.modified()
        .ok()
        .and_then(|t| t.duration_since(UNIX_EPOCH).ok())
        .map_or(0, |d| d.as_nanos() as u64)
}

/// Identity of a folder, so a folder reached twice (a symlink loop) is walked once.
#[cfg(unix)]
type DirId = (u64, u64);

#[cfg(unix)]
fn dir_id(_path: &Path, meta: &Metadata) -> DirId {
    use std::os::unix::fs::MetadataExt;
    (meta.dev(), meta.ino())
}

#[cfg(not(unix))]
type DirId = PathBuf;

#[cfg(not(unix))]
fn dir_id(path: &Path, _meta: &Metadata) -> DirId {
    fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf())
}

/// Walks `root` for articles, sorted by path (byte order), with everything it had to leave out.
pub fn walk(root: &Path) -> (Vec<Found>, Vec<Skipped>) {
    let mut found = Vec::new();
    let mut skipped = Vec::new();
    let mut seen = HashSet::new();
    let mut stack = vec![root.to_path_buf()];
    while let Some(dir) = stack.pop() {
        let meta = match fs::metadata(&dir) {
            Ok(m) => m,
            Err(e) => {
                skipped.push(Skipped {
                    path: dir,
                    reason: format!("cannot read folder: {}", crate::errors::words(&e)),
                });
                continue;
            }
        };
        if !seen.insert(dir_id(&dir, &meta)) {
            skipped.push(Skipped {
                path: dir,
                reason: "symlink loop (folder already scanned)".into(),
            });
            continue;
        }
        let items = match fs::read_dir(&dir) {
            Ok(items) => items,
            Err(e) => {
                skipped.push(Skipped {
                    path: dir,
                    reason: format!("cannot read folder: {}", crate::errors::words(&e)),
                });
                continue;
            }
        };
        for item in items {
            let Ok(item) = item else { continue };
            let path = item.path();
            let Ok(kind) = item.file_type() else { continue };
            if item.file_name().as_encoded_bytes().starts_with(b".") {
                // Left out, and said so: a reader looking for an article should learn why.
                let reason = if kind.is_dir() {
                    "hidden folder (not scanned)"
                } else if is_article(&path) {
                    "hidden file"
                } else {
                    continue;
                };
                skipped.push(Skipped {
                    path,
                    reason: reason.into(),
                });
                continue;
            }
            // Only a symlink needs a second stat: for anything else the entry's own type is right.
            let (is_dir, meta) = if kind.is_symlink() {
                match fs::metadata(&path) {
                    Ok(m) => (m.is_dir(), Some(m)),
                    Err(_) if is_article(&path) => {
                        skipped.push(Skipped {
                            path,
                            reason: "broken symlink".into(),
                        });
                        continue;
                    }
                    Err(_) => continue,
                }
            } else {
                (kind.is_dir(), None)
            };
            if is_dir {
                stack.push(path);
                continue;
            }
            if !is_article(&path) {
                continue;
            }
            match meta.map_or_else(|| item.metadata(), Ok) {
                Ok(m) if !m.is_file() => skipped.push(Skipped {
                    path,
                    reason: "not a regular file".into(),
                }),
                Ok(m) if m.len() > parse::max_bytes(&path) => skipped.push(Skipped {
                    path,
                    reason: format!("too large ({} MB)", m.len() >> 20),
                }),
                Ok(m) => found.push(Found {
                    path,
                    size: m.len(),
                    mtime: mtime_of(&m),
                }),
                Err(e) => skipped.push(Skipped {
                    path,
                    reason: format!("cannot read: {}", crate::errors::words(&e)),
                }),
            }
        }
    }
    // By the paths' bytes: comparing `Path`s component by component took a warm search of
    // 10,000 files longer than reading their cached text.
    fn bytes(p: &Path) -> &[u8] {
        p.as_os_str().as_encoded_bytes()
    }
    found.sort_by(|a, b| bytes(&a.path).cmp(bytes(&b.path)));
    skipped.sort_by(|a, b| bytes(&a.path).cmp(bytes(&b.path)));
    (found, skipped)
}

/// Reads and parses one article for its metadata; the error is a short reason.
pub fn read_meta(path: &Path) -> Result<Meta, String> {
    match parse::load(path) {
        Ok(article) => Ok(Meta::from_article(&article)),
        Err(LoadError::Decode(_, e)) => Err(e.to_string()),
        Err(LoadError::Unreadable(_, e)) => {
            Err(format!("cannot read: {}", crate::errors::words(&e)))
        }
        Err(LoadError::NotFound(_)) => Err("removed while scanning".into()),
        Err(LoadError::IsDir(_)) => Err("is a folder".into()),
        Err(LoadError::NotRegular(_)) => Err("not a regular file".into()),
        Err(LoadError::TooLarge(_, mb, _)) => Err(format!("too large ({mb} MB)")),
        Err(LoadError::Epub(_, e)) => Err(e.to_string()),
        // Only streams fail these ways, never a file.
        Err(
            e
            @ (LoadError::TooLargeStream(..) | LoadError::Terminal(_) | LoadError::EmptyStream(_)),
        ) => Err(e.to_string()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn write(dir: &Path, name: &str, text: &[u8]) {
        let p = dir.join(name);
        fs::create_dir_all(p.parent().unwrap()).unwrap();
        fs::write(p, text).unwrap();
    }

    fn names(found: &[Found], root: &Path) -> Vec<String> {
        found
            .iter()
            .map(|f| {
                f.path
                    .strip_prefix(root)
                    .unwrap()
                    .to_string_lossy()
                    .into_owned()
            })
            .collect()
    }

    #[test]
    fn finds_articles_recursively_and_skips_hidden_and_other_files() {
        let t = tempfile::tempdir().unwrap();
        let root = t.path();
        write(root, "a.txt", b"A");
        write(root, "sub/b.MD", b"B");
        write(root, "sub/deeper/c.htm", b"C");
        write(root, ".hidden/d.txt", b"D");
        write(root, "sub/.e.txt", b"E");
        write(root, "image.png", b"\x89PNG");
        let (found, skipped) = walk(root);
        assert_eq!(
            names(&found, root),
            ["a.txt", "sub/b.MD", "sub/deeper/c.htm"]
        );
        let why: Vec<(String, &str)> = skipped
            .iter()
            .map(|s| {
                let rel = s.path.strip_prefix(root).unwrap();
                (rel.to_string_lossy().into_owned(), s.reason.as_str())
            })
            .collect();
        assert_eq!(
            why,
            [
                (".hidden".to_string(), "hidden folder (not scanned)"),
                ("sub/.e.txt".to_string(), "hidden file")
            ],
            "counted, with the reason; the image is not an article at all"
        );
    }

    #[cfg(unix)]
    #[test]
    fn survives_a_symlink_loop_and_reports_it() {
        let t = tempfile::tempdir().unwrap();
        let root = t.path();
        write(root, "sub/a.txt", b"A");
        std::os::unix::fs::symlink(root, root.join("sub/loop")).unwrap();
        std::os::unix::fs::symlink(root.join("nowhere.txt"), root.join("dangling.txt")).unwrap();
        let (found, skipped) = walk(root);
        assert_eq!(names(&found, root), ["sub/a.txt"]);
        let reasons: Vec<&str> = skipped.iter().map(|s| s.reason.as_str()).collect();
        assert!(
            reasons.iter().any(|r| r.contains("symlink loop")),
            "{reasons:?}"
        );
        assert!(reasons.contains(&"broken symlink"), "{reasons:?}");
    }

    #[cfg(unix)]
    #[test]
    fn lists_non_utf8_file_names() {
        use std::ffi::OsStr;
        use std::os::unix::ffi::OsStrExt;
        let t = tempfile::tempdir().unwrap();
        let name = OsStr::from_bytes(b"caf\xe9.txt");
        fs::write(t.path().join(name), "Caf\u{e9} notes\n\nSome text.").unwrap();
        let (found, _) = walk(t.path());
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].path.file_name(), Some(name));
        assert!(read_meta(&found[0].path).is_ok());
    }

    #[test]
    fn binary_and_empty_files_fail_with_a_reason() {
        let t = tempfile::tempdir().unwrap();
        write(t.path(), "bin.txt", &[0, 1, 2, 3, 0, 0, 0xff, 0xfe, 0, 7]);
        write(t.path(), "empty.md", b"  \n");
        assert!(
            read_meta(&t.path().join("bin.txt"))
                .unwrap_err()
                .contains("binary")
        );
        assert!(
            read_meta(&t.path().join("empty.md"))
                .unwrap_err()
                .contains("empty")
        );
    }
}
