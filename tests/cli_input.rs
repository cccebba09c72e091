//! Input from anywhere and output to anything: `-` and pipes on standard input, and
//! `lectern FILE` printing instead of taking the screen when output is not a terminal.

mod common;

use common::run_with;
use std::ffi::OsStr;
use std::path::{Path, PathBuf};
use std::process::Output;

fn asset(rel: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(rel)
}

fn args<'a>(a: &'a [&'a str]) -> Vec<&'a OsStr> {
    a.iter().map(OsStr::new).collect()
}

/// An empty configuration and state, so the user's own library never shows up.
fn home(name: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR"))
        .join("cli-input")
        .join(name);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn env_for(home: &Path) -> Vec<(&'static str, String)> {
    ["XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME"]
        .iter()
        .map(|k| (*k, home.join(k).display().to_string()))
        .collect()
}

fn run_in(home: &Path, a: &[&str], stdin: Option<&[u8]>) -> Output {
    let env = env_for(home);
    let env: Vec<(&str, &str)> = env.iter().map(|(k, v)| (*k, v.as_str())).collect();
    run_with(&args(a), stdin, &env)
}

fn ok_stdout(out: &Output) -> String {
    assert!(
        out.status.success(),
        "failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout.clone()).unwrap()
}

/// An error is one line on stderr naming the problem, nothing on stdout, exit 1.
fn assert_error(out: &Output, mentions: &str) {
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert_eq!(err.trim_end().lines().count(), 1, "{err:?}");
    assert!(
        err.starts_with("lectern: ") && err.contains(mentions),
        "{err:?}"
    );
    assert!(out.stdout.is_empty());
}

#[test]
fn render_dash_reads_standard_input_and_sniffs_its_format() {
    let h = home("dash");
    let md = b"# Lantern notes\n\nThe *wick* is [trimmed](https://example.org/wick) daily.\n";
    let shown = ok_stdout(&run_in(&h, &["render", "-"], Some(md)));
    assert!(shown.starts_with("Lantern notes\n"), "{shown}");
    assert!(
        shown.contains("The wick is trimmed daily."),
        "Markdown, not raw marks: {shown}"
    );
    let page = b"<!doctype html><html><head><title>Harbour page</title></head>\
                 <body><article><h1>Harbour page</h1><p>Boats came in at dawn.</p></article></body></html>";
    let shown = ok_stdout(&run_in(&h, &["render", "-"], Some(page)));
    assert!(shown.contains("Boats came in at dawn."), "{shown}");
    assert!(!shown.contains("<p>"), "{shown}");
    let json = ok_stdout(&run_in(&h, &["inspect", "-"], Some(md)));
    assert!(json.contains("\"format\": \"markdown\""), "{json}");
}

#[test]
fn standard_input_renders_exactly_as_the_same_file_does() {
    let h = home("same");
    for name in ["harbour-thaw.txt", "long-river.txt", "short-note.txt"] {
        let path = asset("assets/library").join(name);
        let bytes = std::fs::read(&path).unwrap();
        let p = path.to_str().unwrap();
        let by_name = ok_stdout(&run_in(&h, &["render", p], None));
        let piped = ok_stdout(&run_in(&h, &["render", "-"], Some(&bytes)));
        assert_eq!(piped, by_name, "{name}");
    }
}

#[test]
fn empty_binary_and_huge_input_get_the_messages_files_get() {
    let h = home("bad");
    assert_error(&run_in(&h, &["render", "-"], Some(b"")), "empty");
    assert_error(&run_in(&h, &["render", "-"], Some(b" \n\t\n")), "empty");
    assert_error(
        &run_in(&h, &["render", "-"], None),
        "standard input is empty",
    );
    let mut elf = b"\x7fELF\x02\x01\x01\0\0\0\0\0\0\0\0\0\x03\0>\0\x01\0\0\0".to_vec();
    elf.extend((0..2000u32).map(|i| (i * 7 % 256) as u8));
    assert_error(&run_in(&h, &["render", "-"], Some(&elf)), "binary");
    let huge = vec![b'a'; lectern::parse::MAX_BYTES as usize + 10];
    assert_error(&run_in(&h, &["render", "-"], Some(&huge)), "too large");
    // With no subcommand, printing refuses the same way.
    assert_error(&run_in(&h, &[], Some(b"")), "empty");
}

#[test]
fn a_file_printed_to_a_pipe_is_what_render_prints() {
    let h = home("pipe");
    let path = asset("assets/library/harbour-thaw.txt");
    let p = path.to_str().unwrap();
    let rendered = ok_stdout(&run_in(&h, &["render", p], None));
    let out = run_in(&h, &[p], None);
    let printed = ok_stdout(&out);
    assert_eq!(printed, rendered);
    assert!(!printed.contains('\u{1b}'), "no escape sequence in a file");
    assert!(out.stderr.is_empty(), "a pipe needs no explanation");
    // `cat FILE | lectern > out`: standard input in, printed text out.
    let bytes = std::fs::read(&path).unwrap();
    assert_eq!(ok_stdout(&run_in(&h, &[], Some(&bytes))), rendered);
    assert_eq!(ok_stdout(&run_in(&h, &["-"], Some(&bytes))), rendered);
}

#[test]
fn a_folder_printed_to_a_pipe_is_listed_and_nothing_named_is_a_clear_error() {
    let h = home("folder");
    let lib = asset("assets/library");
    let listed = ok_stdout(&run_in(&h, &[lib.to_str().unwrap()], None));
    assert!(listed.contains("harbour-thaw.txt"), "{listed}");
    let files = std::fs::read_dir(&lib).unwrap().count();
    assert_eq!(
        listed.lines().count(),
        files,
        "one line per article: {listed}"
    );
    assert_error(&run_in(&h, &[], None), "not a terminal");
}

#[test]
fn styles_reach_a_pipe_only_when_clicolor_force_asks() {
    let h = home("force");
    let path = asset("assets/library/harbour-thaw.txt");
    let p = path.to_str().unwrap();
    let plain = ok_stdout(&run_in(&h, &["render", p], None));
    assert!(!plain.contains('\u{1b}'));
    let env = env_for(&h);
    let mut env: Vec<(&str, &str)> = env.iter().map(|(k, v)| (*k, v.as_str())).collect();
    env.push(("CLICOLOR_FORCE", "1"));
    let forced = ok_stdout(&run_with(&args(&["render", p]), None, &env));
    assert!(forced.contains("\u{1b}[1m"), "bold title");
    env.push(("NO_COLOR", "1"));
    let none = ok_stdout(&run_with(&args(&["render", p]), None, &env));
    assert_eq!(none, plain, "NO_COLOR wins");
}
