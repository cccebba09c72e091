//! The configuration as the commands see it: `lectern config` lists every problem with
//! its line, `render` follows the settings and says the problems on stderr, and the
//! reader's status line counts them.

mod common;

use common::{Scratch, Tmux, asset, have_tmux};
use std::path::Path;
use std::process::Output;

/// A config home holding `text` as its config.toml (none when `None`).
fn home(name: &str, text: Option<&str>) -> Scratch {
    let home = Scratch::new(name);
    if let Some(text) = text {
        let dir = home.0.join("config/lectern");
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(dir.join("config.toml"), text).unwrap();
    }
    home
}

fn run(home: &Path, args: &[&str]) -> Output {
    let args: Vec<&std::ffi::OsStr> = args.iter().map(std::ffi::OsStr::new).collect();
    let config = home.join("config");
    let data = home.join("data");
    common::run_with(
        &args,
        None,
        &[
            ("XDG_CONFIG_HOME", config.to_str().unwrap()),
            ("XDG_DATA_HOME", data.to_str().unwrap()),
        ],
    )
}

const BAD: &str = "measure = 40\nmeassure = 70\n[keys]\n\"J\" = \"linedown\"\n\"PgDn\" = \"page-down\"\n\"ctrl-x\" = \"quit\"\n";

#[test]
fn config_says_when_there_is_no_file() {
    let h = home("nofile", None);
    let out = run(&h.0, &["config"]);
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.lines()
            .next()
            .unwrap()
            .ends_with("config.toml (no file: defaults)"),
        "{text}"
    );
    assert!(!text.contains("problem"), "{text}");
}

#[test]
fn config_lists_every_problem_with_its_line() {
    let h = home("problems", Some(BAD));
    let out = run(&h.0, &["config"]);
    assert!(out.status.success());
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("# 4 problems:"), "{text}");
    let problems: Vec<&str> = text
        .lines()
        .filter(|l| l.starts_with("# problem: "))
        .collect();
    assert_eq!(problems.len(), 4, "{text}");
    for (p, (line, words)) in problems.iter().zip([
        (2, "did you mean `measure`?"),
        (4, "did you mean `line-down`?"),
        (5, "did you mean `PageDown`?"),
        (6, "did you mean `Ctrl-x`?"),
    ]) {
        assert!(p.contains(&format!("config.toml: line {line}: ")), "{p}");
        assert!(p.contains(words), "{p}");
    }
    assert!(
        text.contains("measure = 40"),
        "the good lines still count: {text}"
    );
}

#[test]
fn render_follows_the_config_and_reports_its_problems() {
    let article = asset("assets/library/short-note.txt");
    let widest = |out: &Output| {
        String::from_utf8_lossy(&out.stdout)
            .lines()
            .map(|l| l.chars().count())
            .max()
            .unwrap()
    };
    let h = home("render", Some(BAD));
    let out = run(&h.0, &["render", &article]);
    assert!(out.status.success());
    assert!(widest(&out) <= 40, "measure = 40 is followed");
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(err.lines().count(), 4, "{err}");
    assert!(err.lines().all(|l| l.starts_with("lectern: ")), "{err}");
    let out = run(&h.0, &["render", &article, "--width", "60"]);
    assert!(widest(&out) > 40, "--width overrides the measure");
    let h = home("justify", Some("measure = 40\njustify = true\n"));
    let out = run(&h.0, &["render", &article]);
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.lines()
            .any(|l| l.contains("  ") && l.chars().count() == 40),
        "justified: {text}"
    );
    assert!(out.stderr.is_empty());
}

#[test]
fn the_reader_counts_the_problems_on_its_status_line() {
    if !have_tmux() {
        return;
    }
    let h = home("status", Some(BAD));
    let t = Tmux::start(&h.0, &[&asset("assets/library/short-note.txt")], 100, 24);
    let screen = t.wait_for("4 problems");
    assert!(screen.contains("lectern config"), "{screen}");
    t.keys(&["q"]);
    t.wait_exit();
}

#[test]
fn render_shows_the_date_in_the_readers_format() {
    let article = asset("assets/library/harbour-thaw.txt");
    let screen = |h: &Scratch| {
        String::from_utf8_lossy(&run(&h.0, &["render", &article]).stdout).into_owned()
    };
    let plain = home("date-default", None);
    assert!(screen(&plain).contains("14 March 2019 · Coastline Wire"));
    let h = home(
        "date-format",
        Some("reader_date_format = \"%A, %Y-%m-%d\"\n"),
    );
    let text = screen(&h);
    assert!(
        text.contains("Thursday, 2019-03-14 · Coastline Wire"),
        "{text}"
    );
    let bad = home("date-bad", Some("reader_date_format = \"%H:%M\"\n"));
    let out = run(&bad.0, &["render", &article]);
    assert!(String::from_utf8_lossy(&out.stdout).contains("14 March 2019"));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("line 1: `reader_date_format` cannot format a date"),
        "{err}"
    );
}
