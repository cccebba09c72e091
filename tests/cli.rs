//! The `lectern` binary as a script would use it: `inspect` JSON, `render` widths, plain
//! output on a pipe, hostile bytes, and one-line errors with a non-zero exit.

mod common;

use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use unicode_width::UnicodeWidthStr;

fn manifest() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn samples() -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = std::fs::read_dir(manifest().join("assets/library"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    v.sort();
    assert!(v.len() >= 7);
    v
}

fn fixture(name: &str) -> PathBuf {
    manifest().join("tests/fixtures").join(name)
}

/// A fresh scratch directory for one test.
fn scratch(name: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR"))
        .join("cli")
        .join(name);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// Runs the binary with stdout and stderr as pipes and nothing on standard input.
fn run(args: &[&std::ffi::OsStr]) -> Output {
    common::run_with(args, None, &[])
}

fn run_str(args: &[&str]) -> Output {
    let a: Vec<&std::ffi::OsStr> = args.iter().map(std::ffi::OsStr::new).collect();
    run(&a)
}

fn inspect(path: &Path) -> Value {
    let out = run(&["inspect".as_ref(), path.as_os_str()]);
    assert!(
        out.status.success(),
        "{}: {}",
        path.display(),
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout)
        .unwrap_or_else(|e| panic!("{}: not JSON: {e}", path.display()))
}

fn render(path: &Path, width: u16) -> String {
    let w = width.to_string();
    let out = run(&[
        "render".as_ref(),
        path.as_os_str(),
        "--width".as_ref(),
        w.as_ref(),
    ]);
    assert!(
        out.status.success(),
        "{}: {}",
        path.display(),
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("render prints UTF-8")
}

fn is_str_or_null(v: &Value) -> bool {
    v.is_string() || v.is_null()
}

/// Every documented key is there with the documented type.
fn assert_shape(j: &Value) {
    assert_eq!(j["format"], "text");
    assert!(is_str_or_null(&j["title"]));
    assert!(
        j["authors"]
            .as_array()
            .unwrap()
            .iter()
            .all(Value::is_string)
    );
    match &j["date"] {
        Value::Null => {}
        d => {
            assert!(d["text"].is_string(), "{d}");
            assert!(is_str_or_null(&d["iso"]), "{d}");
            assert!(d.as_object().unwrap().contains_key("iso"));
        }
    }
    assert!(is_str_or_null(&j["summary"]));
    assert!(is_str_or_null(&j["dateline"]));
    for b in j["blocks"].as_array().unwrap() {
        assert!(b["kind"].is_string() && b["text"].is_string(), "{b}");
    }
    for f in j["footnotes"].as_array().unwrap() {
        assert!(
            f["label"].is_string() && f["text"].is_string() && f["refs"].is_u64(),
            "{f}"
        );
    }
    for c in j["citations"].as_array().unwrap() {
        let kind = c["kind"].as_str().unwrap();
        assert!(
            ["attribution", "author-year", "reference"].contains(&kind),
            "{c}"
        );
        assert!(
            c["text"].is_string() && c["source"].is_string() && is_str_or_null(&c["date"]),
            "{c}"
        );
        assert!(c["block"].is_u64(), "{c}");
    }
    for r in j["related"].as_array().unwrap() {
        assert!(r["title"].is_string() && is_str_or_null(&r["date"]), "{r}");
        assert!(r.as_object().unwrap().contains_key("date"));
    }
    assert!(
        j["removed"]
            .as_array()
            .unwrap()
            .iter()
            .all(Value::is_string)
    );
    assert!(j["words"].is_u64());
}

#[test]
fn inspect_prints_the_documented_json() {
    for path in samples() {
        let j = inspect(&path);
        assert_shape(&j);
        // The command prints what the library computes, nothing more or less.
        let a = lectern::parse::load(&path).unwrap();
        assert_eq!(j, lectern::inspect::to_json(&a), "{}", path.display());
    }
    let j = inspect(&manifest().join("assets/library/harbour-thaw.txt"));
    assert_eq!(
        j["title"],
        "Saltmere and Brennhaven: old harbour rivals test a cautious thaw"
    );
    assert_eq!(j["authors"], serde_json::json!(["Tobias Renwick"]));
    assert_eq!(
        j["date"],
        serde_json::json!({ "text": "14/03/2019, 09.40", "iso": "2019-03-14" })
    );
    assert_eq!(j["footnotes"][0]["label"], "1");
    assert_eq!(j["footnotes"][0]["refs"], 2);
    assert_eq!(j["citations"][0]["source"], "Coastline Wire");
    assert_eq!(j["citations"][0]["date"], "March 11");
    assert_eq!(j["citations"][0]["block"], 1);
    let j = inspect(&manifest().join("assets/library/long-river.txt"));
    assert!(j["words"].as_u64().unwrap() >= 5300, "{}", j["words"]);
}

#[test]
fn render_never_exceeds_the_width() {
    let mut files = samples();
    files.push(fixture("cjk-emoji.txt"));
    for path in &files {
        for width in [20u16, 40, 60, 72, 100] {
            let text = render(path, width);
            assert!(text.lines().count() > 5, "{}: {text}", path.display());
            for line in text.lines() {
                assert!(
                    line.width() <= width as usize,
                    "{} at {width}: {} columns: {line:?}",
                    path.display(),
                    line.width()
                );
            }
        }
    }
}

#[test]
fn render_shows_the_article() {
    let text = render(&manifest().join("assets/library/harbour-thaw.txt"), 72);
    // Wrapping may break a phrase anywhere, so phrases are looked for in the joined text.
    let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(text.starts_with("Saltmere and Brennhaven: old harbour rivals test a cautious"));
    assert!(text.contains("Tobias Renwick"));
    assert!(flat.contains("(Coastline Wire, March 11)"));
    assert!(text.contains("Notes"));
    assert!(flat.contains("Brennhaven pilots strike over night-shift pay"));
    assert!(!text.contains("Send to a friend"));
    assert!(!text.contains("Subscribe now"));
    let cjk = render(&fixture("cjk-emoji.txt"), 40);
    assert!(cjk.contains("士林夜市"));
}

#[test]
fn render_is_plain_on_a_pipe() {
    for path in samples() {
        let text = render(&path, 60);
        assert!(
            !text.contains('\u{1b}'),
            "{}: escape codes on a pipe",
            path.display()
        );
    }
}

/// An error is exactly one line on stderr starting `lectern:`, nothing on stdout, exit non-zero.
fn assert_one_line_error(args: &[&std::ffi::OsStr], mentions: &str) {
    let out = run(args);
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(!out.status.success(), "{args:?} succeeded");
    assert_eq!(out.status.code(), Some(1), "{args:?}: {err}");
    assert!(err.starts_with("lectern: "), "{args:?}: {err:?}");
    assert_eq!(err.trim_end().lines().count(), 1, "{args:?}: {err:?}");
    assert!(!err.contains("panicked"), "{err}");
    assert!(
        err.contains(mentions),
        "{args:?}: {err:?} does not mention {mentions:?}"
    );
    assert!(out.stdout.is_empty(), "{args:?} printed to stdout");
}

#[test]
fn errors_are_one_clear_line() {
    let dir = scratch("errors");
    let missing = dir.join("missing.txt");
    let empty = dir.join("empty.txt");
    std::fs::write(&empty, "").unwrap();
    let blank = dir.join("blank.txt");
    std::fs::write(&blank, "  \n\n\t\n").unwrap();
    let binary = dir.join("program.bin");
    let mut elf = b"\x7fELF\x02\x01\x01\0\0\0\0\0\0\0\0\0\x03\0>\0\x01\0\0\0".to_vec();
    elf.extend((0..2000u32).map(|i| (i * 7 % 256) as u8));
    std::fs::write(&binary, &elf).unwrap();
    // Tests run as root, so permission bits cannot make a file unreadable; a path
    // through a regular file gives a real "not a directory" error instead.
    let file = dir.join("file.txt");
    std::fs::write(&file, "A title\n\nSome text.\n").unwrap();
    let through_file = file.join("child");
    // Sparse, so it costs no disk.
    let big = dir.join("big.txt");
    std::fs::File::create(&big)
        .unwrap()
        .set_len(lectern::parse::MAX_BYTES + 1)
        .unwrap();

    for cmd in ["inspect", "render"] {
        let c = std::ffi::OsStr::new(cmd);
        assert_one_line_error(&[c, missing.as_os_str()], "no such file");
        assert_one_line_error(&[c, dir.as_os_str()], "directory");
        assert_one_line_error(&[c, binary.as_os_str()], "binary");
        assert_one_line_error(&[c, empty.as_os_str()], "empty");
        assert_one_line_error(&[c, blank.as_os_str()], "empty");
        assert_one_line_error(&[c, through_file.as_os_str()], "cannot read");
        assert_one_line_error(&[c, big.as_os_str()], "too large");
    }
}

/// A FIFO is not an article: reading it would block until a writer shows up, so the
/// command must refuse it up front instead of hanging.
#[test]
fn a_fifo_is_refused_without_hanging() {
    let dir = scratch("fifo");
    let fifo = dir.join("pipe.txt");
    match Command::new("mkfifo").arg(&fifo).status() {
        Ok(s) if s.success() => {}
        _ => {
            eprintln!("note: mkfifo unavailable; skipping the FIFO test");
            return;
        }
    }
    for cmd in ["inspect", "render"] {
        assert_one_line_error(&[cmd.as_ref(), fifo.as_os_str()], "not a regular file");
    }
}

#[test]
fn bad_arguments_fail_without_panicking() {
    for args in [
        &["render", "x.txt", "--width", "0"][..],
        &["render", "x.txt", "--width", "abc"],
        &["inspect"],
    ] {
        let out = run_str(args);
        assert!(!out.status.success(), "{args:?}");
        assert!(!String::from_utf8_lossy(&out.stderr).contains("panicked"));
    }
}

/// Characters that must never reach a terminal from article text.
const FORBIDDEN: [char; 5] = ['\u{1b}', '\u{07}', '\0', '\u{9b}', '\u{202e}'];

#[test]
fn hostile_bytes_never_reach_the_output() {
    let path = fixture("hostile.txt");
    let bytes = std::fs::read(&path).unwrap();
    // Make sure the fixture still carries what it is meant to (see make-hostile.sh).
    for needle in [
        &b"\x1b]52;c;SGVsbG8=\x07"[..],
        b"\x1b[2J",
        b" \x9b ",
        b"\xc2\x9b",
        b"\0",
        "\u{202e}".as_bytes(),
    ] {
        assert!(
            bytes.windows(needle.len()).any(|w| w == needle),
            "fixture lacks {needle:?}"
        );
    }

    let out = run(&["inspect".as_ref(), path.as_os_str()]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let json = String::from_utf8(out.stdout).unwrap();
    let j: Value = serde_json::from_str(&json).unwrap();
    // JSON could smuggle controls as \u001b escapes, so check the decoded strings too.
    let decoded = format!(
        "{} {} {} {}",
        j["title"], j["summary"], j["blocks"], j["citations"]
    );
    let all_strings = collect_strings(&j);
    for c in FORBIDDEN {
        assert!(!json.contains(c), "raw {c:?} in inspect output");
        assert!(!all_strings.contains(c), "{c:?} in a JSON string value");
    }
    assert!(
        !json.contains("\\u001b") && !json.contains("\\u0007") && !json.contains("\\u0000"),
        "{json}"
    );
    assert!(decoded.contains("␛]52;c;SGVsbG8=␇"), "{decoded}");
    assert!(decoded.contains("␛[2J"), "{decoded}");
    assert!(decoded.contains("␀"), "{decoded}");

    // Apart from its one stray byte the file is UTF-8 and must read as such:
    // the em dash, the dateline and the citation survive.
    assert_eq!(j["encoding"], "UTF-8");
    assert_eq!(j["dateline"], "PORT ELLIS —");
    assert_eq!(j["citations"][0]["source"], "Harbour Daily");
    let first = j["blocks"][0]["text"].as_str().unwrap();
    assert_eq!(
        first.matches('\u{fffd}').count(),
        3,
        "C1 byte, U+009B and U+202E each shown as �: {first}"
    );

    for width in [20u16, 40, 72] {
        let text = render(&path, width);
        for c in FORBIDDEN {
            assert!(!text.contains(c), "{c:?} in render output at {width}");
        }
        assert!(
            text.contains('␛')
                && text.contains('␇')
                && text.contains('␀')
                && text.contains('\u{fffd}')
        );
        for line in text.lines() {
            assert!(line.width() <= width as usize, "{line:?}");
        }
    }
}

fn collect_strings(v: &Value) -> String {
    match v {
        Value::String(s) => s.clone(),
        Value::Array(a) => a.iter().map(collect_strings).collect::<Vec<_>>().join(" "),
        Value::Object(o) => o
            .values()
            .map(collect_strings)
            .collect::<Vec<_>>()
            .join(" "),
        _ => String::new(),
    }
}

#[test]
fn sources_lists_every_source_with_its_full_reference() {
    let path = manifest().join("assets/library/commons-essay.txt");
    let out = run(&["sources".as_ref(), path.as_os_str()]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = String::from_utf8(out.stdout).unwrap();
    let brandvold = text
        .lines()
        .find(|l| l.contains("Helga Brandvold"))
        .expect("a Brandvold line");
    let cells: Vec<&str> = brandvold.split('\t').collect();
    assert_eq!(
        &cells[..3],
        ["3", "author-year,reference", "Helga Brandvold"]
    );
    assert!(cells[3].starts_with("Helga Brandvold, “Owners, Stewards and Strangers"));
    assert!(
        !text
            .lines()
            .any(|l| l.split('\t').nth(2) == Some("Brandvold"))
    );

    let out = run(&["sources".as_ref(), "--json".as_ref(), path.as_os_str()]);
    let j: Value = serde_json::from_slice(&out.stdout).expect("JSON");
    let a = lectern::parse::load(&path).unwrap();
    assert_eq!(j, lectern::cite::groups::to_json(&a));
    let g = j
        .as_array()
        .unwrap()
        .iter()
        .find(|g| g["name"] == "Helga Brandvold")
        .expect("the Brandvold group");
    assert_eq!(g["count"], 3);
    assert_eq!(g["reference"]["date"], "1996");
    assert_eq!(g["reference"]["place"]["footnote"], "1");
    let texts: Vec<&str> = g["citations"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["text"].as_str().unwrap())
        .collect();
    assert_eq!(texts[0], "Brandvold, 1996");
}

#[test]
fn render_sets_right_to_left_lines_against_the_right_edge() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("rtl.html");
    std::fs::write(
        &path,
        "<html><body><h1>Title</h1><p dir=\"rtl\">אב גד</p></body></html>",
    )
    .unwrap();
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_lectern"))
        .args(["render", "--width", "20"])
        .arg(&path)
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    let line = text.lines().find(|l| l.contains('ד')).unwrap();
    assert_eq!(line, format!("{}דג בא", " ".repeat(15)), "{text:?}");
}
