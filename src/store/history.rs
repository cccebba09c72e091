//! The article search's history, kept in a small file beside the state (`searches`,
//! one pattern a line, oldest first), so a bad or missing file never touches the state.

use super::file::write_atomic;
use std::path::{Path, PathBuf};

/// The history file in the state's directory.
pub fn file_in(dir: &Path) -> PathBuf {
    dir.join("searches")
}

/// The patterns saved in `path`, oldest first; none when the file is missing or unreadable.
pub fn load(path: &Path) -> Vec<String> {
    std::fs::read_to_string(path)
        .map(|s| {
            s.lines()
                .filter(|l| !l.is_empty())
                .map(str::to_string)
                .collect()
        })
        .unwrap_or_default()
}

/// Adds `pattern` as the newest in `path` (read again first, so another window's
/// patterns stay), keeping the newest `keep`, and returns what the file now holds.
pub fn add(path: &Path, pattern: &str, keep: usize) -> std::io::Result<Vec<String>> {
    // A line is a pattern: a line break typed into one cannot be kept.
    let pattern = pattern.replace(['\n', '\r'], " ");
    let mut all = load(path);
    all.retain(|p| *p != pattern);
    all.push(pattern);
    let over = all.len().saturating_sub(keep);
    all.drain(..over);
    let mut text = all.join("\n");
    text.push('\n');
    write_atomic(path, text.as_bytes())?;
    Ok(all)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn patterns_are_kept_newest_last_once_each() {
        let dir = std::env::temp_dir().join(format!("lectern-searches-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let f = file_in(&dir);
        assert!(load(&f).is_empty(), "no file yet");
        add(&f, "river", 3).unwrap();
        add(&f, "dam\nwall", 3).unwrap();
        add(&f, "river", 3).unwrap();
        assert_eq!(load(&f), ["dam wall", "river"]);
        add(&f, "a", 3).unwrap();
        assert_eq!(add(&f, "b", 3).unwrap(), ["river", "a", "b"]);
        std::fs::remove_dir_all(&dir).ok();
    }
}
