//! Inputs kept in `tests/fixtures/fuzz/` (found by the fuzzer, or written by hand against
//! the same checks: `probe-*` and `slow-*`), replayed on stable through the checks of the
//! fuzz targets. Every input goes through every target: a file found by one target is
//! still a good odd input for the others.

use lectern::article::Format;
use std::path::Path;
use std::time::{Duration, Instant};

#[path = "../fuzz/src/lib.rs"]
mod checks;

/// Longest any target may take on one kept input in a debug build. The `slow-*` inputs
/// (64 KB) took about 3 s when layout and quotation marking were quadratic, and take about
/// a tenth of a second now.
const BUDGET: Duration = Duration::from_secs(1);

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
    let targets: [Target; 9] = [
        ("decode", checks::decode),
        ("parse_text", |d| checks::parse(d, Format::Text)),
        ("parse_markdown", |d| checks::parse(d, Format::Markdown)),
        ("parse_html", |d| checks::parse(d, Format::Html)),
        ("parse_epub", checks::epub),
        ("layout", checks::layout),
        ("state", checks::state::run),
        ("config", checks::config),
        ("app", checks::app::run),
    ];
    let mut failures = Vec::new();
    for path in &files {
        let data = std::fs::read(path).expect("readable input");
        for (target, check) in targets {
            let start = Instant::now();
            // Caught so one run names every failing input, not just the first.
            if std::panic::catch_unwind(|| check(&data)).is_err() {
                failures.push(format!("{target}: {}", path.display()));
            }
            let took = start.elapsed();
            if took > BUDGET {
                failures.push(format!("{target}: {} took {took:?}", path.display()));
            }
        }
    }
    assert!(failures.is_empty(), "failing inputs: {failures:#?}");
}
