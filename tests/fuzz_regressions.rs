//! Inputs the fuzzer found (and `probe-*`, written by hand against the same checks), kept
//! in `tests/fixtures/fuzz/` and replayed on stable through the checks of the fuzz targets.
//! Every input goes through every target: a file found by one target is still a good odd
//! input for the others.

use lectern::article::Format;
use std::path::Path;

#[path = "../fuzz/src/lib.rs"]
mod checks;

/// A fuzz target's name and the check it runs on one input.
type Target = (&'static str, fn(&[u8]));

#[test]
fn kept_fuzz_inputs_pass_every_target() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/fuzz");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .expect("tests/fixtures/fuzz")
        .map(|e| e.expect("directory entry").path())
        .collect();
    files.sort();
    assert!(!files.is_empty(), "no inputs in {}", dir.display());
    let targets: [Target; 5] = [
        ("decode", checks::decode),
        ("parse_text", |d| checks::parse(d, Format::Text)),
        ("parse_markdown", |d| checks::parse(d, Format::Markdown)),
        ("parse_html", |d| checks::parse(d, Format::Html)),
        ("layout", checks::layout),
    ];
    let mut failures = Vec::new();
    for path in &files {
        let data = std::fs::read(path).expect("readable input");
        for (target, check) in targets {
            // Caught so one run names every failing input, not just the first.
            if std::panic::catch_unwind(|| check(&data)).is_err() {
                failures.push(format!("{target}: {}", path.display()));
            }
        }
    }
    assert!(failures.is_empty(), "failing inputs: {failures:#?}");
}
