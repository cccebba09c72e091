//! `lectern search` as a script uses it: one line per match in path order, JSON lines,
//! counts, grep's exit statuses, the text cache in the XDG cache folder.

mod common;
use common::run_with;
use serde_json::Value;
use std::ffi::OsStr;
use std::path::{Path, PathBuf};

fn scratch(name: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR"))
        .join("cli-search")
        .join(name);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(dir.join("lib/sub")).unwrap();
    let lib = dir.join("lib");
    std::fs::write(
        lib.join("sub/ferry.txt"),
        "Ferry trial ends early\n\nby Kofi Mensah\n\nThe ferry trial ended after one \
         engine failed.\n\nA second ferry is due in May.\n",
    )
    .unwrap();
    std::fs::write(
        lib.join("café.md"),
        "# Café notes\n\nThe ferry café reopened[^1].\n\n[^1]: It had shut for a ferry strike.\n",
    )
    .unwrap();
    std::fs::write(lib.join("other.txt"), "Other\n\nNothing to see.\n").unwrap();
    dir
}

fn search(dir: &Path, args: &[&str], env: &[(&str, &str)]) -> (i32, String, String) {
    let cache = dir.join("cache");
    let mut all: Vec<&OsStr> = vec![OsStr::new("search")];
    all.extend(args.iter().map(OsStr::new));
    let mut vars = vec![("XDG_CACHE_HOME", cache.to_str().unwrap())];
    vars.extend_from_slice(env);
    let out = run_with(&all, None, &vars);
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    )
}

#[test]
fn one_line_per_match_in_path_order_and_grep_exit_statuses() {
    let dir = scratch("lines");
    let lib = dir.join("lib");
    let lib_s = lib.to_str().unwrap();
    let (code, out, err) = search(&dir, &["ferry", lib_s], &[]);
    assert_eq!((code, err.as_str()), (0, ""));
    let lines: Vec<Vec<&str>> = out.lines().map(|l| l.split('\t').collect()).collect();
    let files: Vec<&str> = lines
        .iter()
        .map(|l| l[0].rsplit('/').next().unwrap())
        .collect();
    assert_eq!(
        files,
        ["café.md", "café.md", "ferry.txt", "ferry.txt", "ferry.txt"],
        "{out}"
    );
    assert_eq!(lines[1][1], "Café notes");
    assert_eq!(lines[1][2], "It had shut for a ferry strike.", "the note");
    assert!(!out.contains('\x1b'), "no styles on a pipe");
    // Written once, read after.
    let cache_dir = dir.join("cache/lectern");
    let cached: Vec<_> = std::fs::read_dir(&cache_dir).unwrap().collect();
    assert_eq!(cached.len(), 1);
    assert_eq!(search(&dir, &["ferry", lib_s], &[]).1, out);

    let (code, out, _) = search(&dir, &["glacier", lib_s], &[]);
    assert_eq!((code, out.as_str()), (1, ""), "nothing matched");
    let (code, _, err) = search(&dir, &["(ferry", lib_s], &[]);
    assert_eq!(code, 2);
    assert_eq!(err.trim(), "lectern: bad pattern: unclosed group");
    let (code, _, err) = search(&dir, &["ferry", "/nonexistent/folder"], &[]);
    assert_eq!(code, 2);
    assert!(err.starts_with("lectern: "), "{err}");
}

#[test]
fn smart_case_and_diacritics_on_the_command_line() {
    let dir = scratch("smart");
    let lib = dir.join("lib");
    let lib_s = lib.to_str().unwrap();
    let count = |pattern: &str| search(&dir, &["-c", pattern, lib_s], &[]).1;
    assert!(
        count("cafe").contains("café.md\t2\tCafé notes"),
        "{}",
        count("cafe")
    );
    assert!(count("Cafe").contains("café.md\t1\t"), "{}", count("Cafe"));
    assert!(count("café").contains("café.md\t2\t"));
    assert_eq!(count("cafè"), "");
}

#[test]
fn json_lines_say_path_title_anchor_snippet_and_match() {
    let dir = scratch("json");
    let lib = dir.join("lib");
    let (code, out, _) = search(&dir, &["--json", "second \\w+", lib.to_str().unwrap()], &[]);
    assert_eq!(code, 0);
    let v: Value = serde_json::from_str(out.trim()).unwrap();
    assert!(v["path"].as_str().unwrap().ends_with("sub/ferry.txt"));
    assert_eq!(v["title"], "Ferry trial ends early");
    assert_eq!(v["match"], "second ferry");
    assert_eq!(v["snippet"], "A second ferry is due in May.");
    assert_eq!(v["anchor"]["part"], "body");
    assert_eq!(v["anchor"]["offset"], 2);
    let (_, counts, _) = search(&dir, &["--json", "-c", "ferry", lib.to_str().unwrap()], &[]);
    let n: Vec<Value> = counts
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(n.len(), 2);
    assert_eq!(n[1]["count"], 3);
}

#[test]
fn the_match_is_marked_when_colours_are_forced() {
    let dir = scratch("styled");
    let lib = dir.join("lib");
    let (_, out, _) = search(
        &dir,
        &["engine", lib.to_str().unwrap()],
        &[("CLICOLOR_FORCE", "1")],
    );
    assert!(out.contains("\x1b[1;31mengine\x1b[0m"), "{out:?}");
}
