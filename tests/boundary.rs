//! The core has no terminal in it: outside `src/tui/` no code names ratatui or crossterm.
//! (Comments may: the width rules say whose buffer they match.)

use std::path::{Path, PathBuf};

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// The code of a line, without a `//` comment (a `//` inside a string is rare enough in
/// this crate that a false alarm would be read and fixed, not missed).
fn code(line: &str) -> &str {
    line.find("//").map_or(line, |i| &line[..i])
}

#[test]
fn no_terminal_crate_outside_the_terminal_layer() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let tui = src.join("tui");
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    let mut found = Vec::new();
    for f in files.iter().filter(|f| !f.starts_with(&tui)) {
        let text = std::fs::read_to_string(f).unwrap();
        for (i, line) in text.lines().enumerate() {
            let c = code(line);
            if c.contains("ratatui") || c.contains("crossterm") {
                found.push(format!("{}:{}: {}", f.display(), i + 1, line.trim()));
            }
        }
    }
    assert!(files.len() > 50, "found the sources: {}", files.len());
    assert!(
        found.is_empty(),
        "terminal code outside src/tui/:\n{}",
        found.join("\n")
    );
}

#[test]
fn the_check_sees_a_use_but_not_a_comment() {
    assert!(code("use ratatui::Frame;").contains("ratatui"));
    assert!(!code("    // as ratatui's buffer places them").contains("ratatui"));
}
