//! The state file on disk: reading with migration, moving a damaged file aside, and
//! atomic replacement (temp file, fsync, rename, fsync of the directory).

use super::StoreError;
use super::model::{LAST_TIME, State, VERSION};
use serde_json::Value;
use std::fs::File;
use std::io::{ErrorKind, Write};
use std::path::{Path, PathBuf};

/// What was found at the state path.
pub(crate) enum Found {
    /// No file yet.
    Missing,
    /// A file of this or an older schema, upgraded.
    Current(State),
    /// A file from a newer Lectern, with whatever of it this version understands.
    Newer(u32, Option<State>),
    /// Not a state file: the reason.
    Damaged(String),
}

/// Reads and upgrades the state file; only I/O failures other than "missing" are errors.
pub(crate) fn read(path: &Path) -> Result<Found, StoreError> {
    let bytes = match std::fs::read(path) {
        Ok(b) => b,
        Err(e) if e.kind() == ErrorKind::NotFound => return Ok(Found::Missing),
        Err(source) => {
            return Err(StoreError::Read {
                path: path.to_path_buf(),
                source,
            });
        }
    };
    // A file of this schema is read straight into the state: through a tree of values
    // first it took twice as long, and 1,000 highlights make a state of 1 MB. Any other
    // (older, newer, damaged) is read the long way, which says what is wrong with it.
    // serde_json skips what the state has no field for unread: from bytes without checking
    // that they are UTF-8, and without decoding escapes, so a lone surrogate (`\udc00`),
    // which the long way refuses, would pass. Lectern writes no `\u` escape but for
    // control characters, so a file with a surrogate's goes the long way.
    if let Ok(text) = std::str::from_utf8(&bytes)
        && !escapes_a_surrogate(text)
        && let Ok(mut state) = serde_json::from_str::<State>(text)
        && state.version == VERSION
    {
        clamp_times(&mut state);
        return Ok(Found::Current(state));
    }
    let value: Value = match serde_json::from_slice(&bytes) {
        Ok(v) => v,
        Err(e) => return Ok(Found::Damaged(e.to_string())),
    };
    match version_of(&value) {
        Some(v) if v > u64::from(VERSION) => {
            let shown = u32::try_from(v).unwrap_or(u32::MAX);
            Ok(Found::Newer(shown, serde_json::from_value(value).ok()))
        }
        _ => Ok(match migrate(value) {
            Ok(state) => Found::Current(state),
            Err(e) => Found::Damaged(e.to_string()),
        }),
    }
}

/// Whether `text` holds a `\uD800`–`\uDFFF` escape (or what looks like one after an
/// escaped backslash, which only sends the file the long way).
fn escapes_a_surrogate(text: &str) -> bool {
    text.match_indices("\\u").any(|(i, _)| {
        let mut hex = text[i + 2..].chars();
        matches!(hex.next(), Some('d' | 'D'))
            && hex
                .next()
                .is_some_and(|c| matches!(c, '8'..='9' | 'a'..='f' | 'A'..='F'))
    })
}

fn version_of(value: &Value) -> Option<u64> {
    match value.get("version") {
        None => Some(0),
        Some(v) => v.as_u64(),
    }
}

/// Upgrades a parsed state file of any known schema version to the current one.
///
/// Version 0 is the unversioned draft format: one `position` per article given as a
/// body block index and byte offset, with no bookmarks.
pub fn migrate(mut value: Value) -> Result<State, StoreError> {
    let invalid = |what: &str| StoreError::Invalid(what.to_string());
    let version = version_of(&value).ok_or_else(|| invalid("the version is not a number"))?;
    if version == 0 {
        value = v0_to_v1(value).ok_or_else(|| invalid("not a version 0 state file"))?;
    } else if version != u64::from(VERSION) {
        return Err(StoreError::Invalid(format!(
            "unknown schema version {version}"
        )));
    }
    let mut state: State =
        serde_json::from_value(value).map_err(|e| StoreError::Invalid(e.to_string()))?;
    clamp_times(&mut state);
    Ok(state)
}

/// What a time past `LAST_TIME` is read as: far below it, so the edits stamped after it
/// (never past `LAST_TIME`) are later, and read back as they were saved.
const FAR_TIME: u64 = LAST_TIME / 2;

/// Reads times past `LAST_TIME` as `FAR_TIME`, so that an edit still wins the merge
/// instead of tying with the file or running past the end of the clock. Every process
/// reads the same file the same way, so merges still agree.
fn clamp_times(state: &mut State) {
    let clamp = |t: &mut u64| {
        if *t > LAST_TIME {
            *t = FAR_TIME;
        }
    };
    for a in state.articles.values_mut() {
        clamp(&mut a.opened);
        if let Some(p) = &mut a.position {
            clamp(&mut p.updated);
        }
        if let Some(f) = &mut a.finished {
            clamp(&mut f.at);
        }
        for b in a.bookmarks.values_mut() {
            clamp(&mut b.created);
            clamp(&mut b.updated);
        }
    }
}

fn v0_to_v1(value: Value) -> Option<Value> {
    let mut articles = serde_json::Map::new();
    for (key, old) in value.get("articles")?.as_object()? {
        let mut new = serde_json::json!({
            "fingerprint": key,
            "path": old.get("path")?.as_str()?,
            "title": old.get("title").and_then(Value::as_str).unwrap_or(""),
            "opened": old.get("opened").and_then(Value::as_u64).unwrap_or(0),
        });
        if let Some(p) = old.get("position") {
            new["position"] = serde_json::json!({
                "at": {
                    "anchor": { "part": "body", "i": p.get("block")?.as_u64()?, "offset": p.get("offset")?.as_u64()? },
                    "snippet": p.get("snippet").and_then(Value::as_str).unwrap_or(""),
                    "fraction": p.get("fraction").and_then(Value::as_f64).unwrap_or(0.0),
                },
                "updated": old.get("opened").and_then(Value::as_u64).unwrap_or(0),
            });
        }
        articles.insert(key.clone(), new);
    }
    Some(serde_json::json!({ "version": 1, "articles": articles }))
}

/// Renames a damaged file to `state.json.corrupt-<ms>` next to it, never over another.
pub(crate) fn move_aside(path: &Path, now: u64) -> std::io::Result<PathBuf> {
    let name = path
        .file_name()
        .map_or("state.json".into(), |n| n.to_string_lossy().into_owned());
    for n in 0u32.. {
        let suffix = if n == 0 {
            String::new()
        } else {
            format!("-{n}")
        };
        let aside = path.with_file_name(format!("{name}.corrupt-{now}{suffix}"));
        if !aside.exists() {
            std::fs::rename(path, &aside)?;
            return Ok(aside);
        }
    }
    unreachable!("some suffix is free")
}

/// Replaces `path` with `bytes` so that a reader sees the old file or the new one,
/// never a mix, even if the process dies or the disk fills up part way.
pub(crate) fn write_atomic(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let dir = path.parent().unwrap_or(Path::new("."));
    let temp = temp_path(path);
    let written = File::create(&temp).and_then(|mut f| {
        f.write_all(bytes)?;
        f.sync_all()
    });
    if let Err(e) = written.and_then(|()| std::fs::rename(&temp, path)) {
        // Only a file we made is removed; a directory in the way is left for the user.
        if temp.is_file() {
            let _ = std::fs::remove_file(&temp);
        }
        return Err(e);
    }
    // The rename is only durable once the directory entry is on disk.
    File::open(dir)?.sync_all()
}

/// The temp file's path: fixed, because writers hold the lock, and a crashed writer's
/// leftover is simply overwritten by the next.
pub(crate) fn temp_path(path: &Path) -> PathBuf {
    let name = path
        .file_name()
        .map_or("state.json".into(), |n| n.to_string_lossy().into_owned());
    path.with_file_name(format!("{name}.tmp"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::layout::{Anchor, Part};
    use crate::store::{Fingerprint, Spot, Store};

    /// What `read` finds, as the long way (a tree of values, then `migrate`) reads it.
    fn both_ways(path: &Path) -> (State, State) {
        let Ok(Found::Current(straight)) = read(path) else {
            panic!("a current state file");
        };
        let bytes = std::fs::read(path).unwrap();
        let long = migrate(serde_json::from_slice(&bytes).unwrap()).unwrap();
        (straight, long)
    }

    #[test]
    fn a_file_of_this_schema_reads_as_the_long_way_reads_it() {
        let dir = tempfile::tempdir().unwrap();
        let mut s = Store::open(dir.path()).unwrap();
        let fp = Fingerprint::of_texts(["an article"]);
        s.article(&fp, Path::new("/a.txt"), "A");
        let spot = |i| Spot {
            anchor: Anchor {
                part: Part::Body { i },
                offset: 3,
            },
            snippet: "the words there".into(),
            fraction: 0.1 * i as f64,
        };
        s.set_position(&fp, spot(2)).unwrap();
        s.add_bookmark(&fp, "one", spot(1)).unwrap();
        s.save().unwrap();
        // A time past the end of the clock is read as the long way reads it, too.
        let mut v: Value = serde_json::from_slice(&std::fs::read(s.path()).unwrap()).unwrap();
        for a in v["articles"].as_object_mut().unwrap().values_mut() {
            a["opened"] = u64::MAX.into();
        }
        let json = serde_json::to_string(&v).unwrap();
        std::fs::write(s.path(), &json).unwrap();
        let (straight, long) = both_ways(&s.path());
        assert_eq!(straight, long);
        assert_eq!(straight.articles.values().next().unwrap().opened, FAR_TIME);
        // A key given twice is an error to the straight way: the long way reads it.
        let twice = json.replacen("\"version\":1", "\"version\":1,\"version\":1", 1);
        assert_ne!(twice, json);
        std::fs::write(s.path(), &twice).unwrap();
        let (straight, long) = both_ways(&s.path());
        assert_eq!(straight, long);
    }

    #[test]
    fn a_file_with_bytes_that_are_not_text_is_damaged_even_where_nothing_is_read() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("state.json");
        // An unknown key's string is skipped unread by the straight way.
        let mut bytes = b"{\"version\": 1, \"articles\": {}, \"later\": \"a".to_vec();
        bytes.push(0xdc);
        bytes.extend_from_slice(b"b\"}");
        std::fs::write(&path, &bytes).unwrap();
        assert!(matches!(read(&path), Ok(Found::Damaged(_))));
    }

    #[test]
    fn a_lone_surrogate_escape_where_nothing_is_read_is_damaged_as_the_long_way_says() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("state.json");
        let text = r#"{"version": 1, "articles": {}, "later": {"x\udc00": 1}}"#;
        std::fs::write(&path, text).unwrap();
        assert!(serde_json::from_str::<Value>(text).is_err());
        assert!(matches!(read(&path), Ok(Found::Damaged(_))));
    }
}
