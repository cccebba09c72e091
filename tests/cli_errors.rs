//! Errors as less and cargo say them: `lectern: WHAT: WHY` on one line, the OS's reason in
//! words, each cause said once; exit status 1 on an error.

mod common;

use std::ffi::OsStr;
use std::path::{Path, PathBuf};
use std::process::Output;

fn scratch(name: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR"))
        .join("cli_errors")
        .join(name);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn run(args: &[&OsStr], env: &[(&str, &str)]) -> Output {
    common::run_with(args, None, env)
}

/// The one line of stderr, checked for the things errors must never say.
fn error_line(out: &Output, status: i32) -> String {
    let err = String::from_utf8_lossy(&out.stderr).into_owned();
    assert_eq!(out.status.code(), Some(status), "{err}");
    assert_eq!(err.lines().count(), 1, "one line: {err:?}");
    assert!(err.starts_with("lectern: "), "{err:?}");
    for never in ["os error", "error: error", "reader stopped", "Error"] {
        assert!(!err.contains(never), "{err:?} says {never:?}");
    }
    err.trim_end().to_string()
}

#[test]
fn a_missing_article_is_named_with_no_such_file() {
    let out = run(&["/nonexistent".as_ref()], &[]);
    assert_eq!(error_line(&out, 1), "lectern: /nonexistent: no such file");
}

#[test]
fn a_missing_or_wrong_folder_is_said_so() {
    let dir = scratch("folders");
    let file = dir.join("note.txt");
    std::fs::write(&file, "A note\n\nText.\n").unwrap();
    let missing = dir.join("nonexist");
    let out = run(&["list".as_ref(), missing.as_os_str()], &[]);
    let want = format!("lectern: {}: no such folder", missing.display());
    assert_eq!(error_line(&out, 1), want);
    let out = run(&["list".as_ref(), file.as_os_str()], &[]);
    let want = format!("lectern: {}: not a folder", file.display());
    assert_eq!(error_line(&out, 1), want);
    // `search` exits as grep does: 2 on an error.
    let out = run(&["search".as_ref(), "x".as_ref(), missing.as_os_str()], &[]);
    assert!(error_line(&out, 2).ends_with("no such folder"));
}

#[test]
fn os_errors_are_words_said_once() {
    let dir = scratch("os");
    let file = dir.join("plain.txt");
    std::fs::write(&file, "A note\n\nText.\n").unwrap();
    // Tests run as root, so a path through a regular file gives the real OS error.
    let through = file.join("child.txt");
    let out = run(&["render".as_ref(), through.as_os_str()], &[]);
    let line = error_line(&out, 1);
    assert!(line.ends_with(": cannot read: not a directory"), "{line}");
    let out = run(&["list".as_ref(), through.as_os_str()], &[]);
    assert!(error_line(&out, 1).ends_with(": not a directory"));
    // A state directory that cannot be made: the store's error names its cause once.
    let data = file.to_str().unwrap();
    let out = run(&["bookmarks".as_ref()], &[("XDG_DATA_HOME", data)]);
    let line = error_line(&out, 1);
    assert!(line.contains("state directory"), "{line}");
    assert_eq!(line.matches("not a directory").count(), 1, "{line}");
}
