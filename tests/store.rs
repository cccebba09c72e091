//! The reading state across real processes: concurrent writers, writers killed
//! mid-save, damaged and newer files, a full disk, and the `bookmarks` listing.

use lectern::store::{State, migrate};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Output, Stdio};
use std::time::Duration;

const BIN: &str = env!("CARGO_BIN_EXE_lectern");

/// An empty `XDG_DATA_HOME` of its own for one test.
struct DataHome(PathBuf);

impl DataHome {
    fn new(name: &str) -> Self {
        let nanos = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .unwrap()
            .as_nanos();
        let dir =
            std::env::temp_dir().join(format!("lectern-it-{name}-{}-{nanos}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        DataHome(dir)
    }

    fn state_dir(&self) -> PathBuf {
        self.0.join("lectern")
    }

    fn state_file(&self) -> PathBuf {
        self.state_dir().join("state.json")
    }

    fn command(&self, args: &[&str]) -> Command {
        let mut c = Command::new(BIN);
        c.args(args).env("XDG_DATA_HOME", &self.0);
        c
    }

    fn writer(&self, tag: &str, count: usize) -> Child {
        self.command(&["state-writer", "--tag", tag, "--count", &count.to_string()])
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap()
    }

    fn run(&self, args: &[&str]) -> Output {
        self.command(args).output().unwrap()
    }

    fn listed_labels(&self) -> Vec<String> {
        let out = self.run(&["bookmarks", "--json"]);
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        let list: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        let mut labels: Vec<String> = list
            .as_array()
            .unwrap()
            .iter()
            .map(|b| b["label"].as_str().unwrap().to_string())
            .collect();
        labels.sort();
        labels
    }
}

impl Drop for DataHome {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

fn parse(path: &Path) -> State {
    let bytes = std::fs::read(path).unwrap();
    migrate(serde_json::from_slice(&bytes).expect("state.json is JSON"))
        .expect("state.json is a state file")
}

#[test]
fn concurrent_writers_lose_no_bookmark() {
    let home = DataHome::new("concurrent");
    let writers: Vec<Child> = ["a", "b", "c"]
        .iter()
        .map(|tag| home.writer(tag, 30))
        .collect();
    for w in writers {
        let out = w.wait_with_output().unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
    let mut expected: Vec<String> = ["a", "b", "c"]
        .iter()
        .flat_map(|t| (0..30).map(move |n| format!("{t}-{n}")))
        .collect();
    expected.sort();
    assert_eq!(home.listed_labels(), expected);
    // Each writer also saved a highlight with each bookmark, its note the same label.
    let state = parse(&home.state_file());
    let mut notes: Vec<String> = state
        .articles
        .values()
        .flat_map(|a| a.live_highlights())
        .map(|h| h.note.clone())
        .collect();
    notes.sort();
    assert_eq!(notes, expected, "no highlight lost");
}

#[test]
fn a_writer_killed_mid_save_always_leaves_a_parseable_file() {
    let home = DataHome::new("sigkill");
    let mut seen = 0;
    for round in 0..20u64 {
        let mut w = home.writer(&format!("r{round}"), 1_000_000);
        std::thread::sleep(Duration::from_millis(20 + round * 7 % 60));
        w.kill().unwrap();
        w.wait().unwrap();
        if !home.state_file().exists() {
            continue;
        }
        let state = parse(&home.state_file());
        let count: usize = state.articles.values().map(|a| a.bookmarks.len()).sum();
        assert!(
            count >= seen,
            "round {round}: {count} bookmarks after {seen}"
        );
        seen = count;
    }
    assert!(seen > 0, "the writers never saved");
    let out = home.run(&["bookmarks"]);
    assert!(
        out.status.success() && out.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn a_damaged_file_is_kept_aside_and_reported() {
    let home = DataHome::new("damaged");
    std::fs::create_dir_all(home.state_dir()).unwrap();
    std::fs::write(
        home.state_file(),
        b"{\"version\": 1, \"articles\": \x00 oops",
    )
    .unwrap();
    let out = home.run(&["bookmarks"]);
    assert!(out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("damaged") && err.contains("state.json.corrupt-"),
        "{err}"
    );
    let aside: Vec<PathBuf> = std::fs::read_dir(home.state_dir())
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| {
            p.file_name()
                .unwrap()
                .to_string_lossy()
                .starts_with("state.json.corrupt-")
        })
        .collect();
    assert_eq!(aside.len(), 1);
    assert_eq!(
        std::fs::read(&aside[0]).unwrap(),
        b"{\"version\": 1, \"articles\": \x00 oops"
    );
    let again = home.run(&["bookmarks"]);
    assert!(
        again.stderr.is_empty(),
        "reported twice: {}",
        String::from_utf8_lossy(&again.stderr)
    );
}

#[test]
fn a_newer_file_is_left_alone() {
    let home = DataHome::new("newer");
    std::fs::create_dir_all(home.state_dir()).unwrap();
    let newer = r#"{"version": 99, "articles": {}}"#;
    std::fs::write(home.state_file(), newer).unwrap();
    let out = home.writer("n", 3).wait_with_output().unwrap();
    assert!(out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("newer Lectern"));
    assert_eq!(std::fs::read_to_string(home.state_file()).unwrap(), newer);
}

#[test]
fn a_full_disk_leaves_the_previous_file_intact() {
    let home = DataHome::new("full");
    assert!(home.writer("before", 5).wait().unwrap().success());
    let before = std::fs::read(home.state_file()).unwrap();
    assert!(before.len() > 2048);
    // A file-size limit fails the write the way a full disk does; SIGXFSZ is
    // ignored so the write returns an error instead of killing the process.
    let script =
        format!("trap '' XFSZ; ulimit -f 2; exec '{BIN}' state-writer --tag after --count 3");
    let out = Command::new("sh")
        .arg("-c")
        .arg(script)
        .env("XDG_DATA_HOME", &home.0)
        .output()
        .unwrap();
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("cannot save the reading state") && err.contains("unchanged"),
        "{err}"
    );
    assert_eq!(std::fs::read(home.state_file()).unwrap(), before);
    assert!(!home.state_dir().join("state.json.tmp").exists());
}

#[test]
fn bookmarks_are_listed_from_the_xdg_data_dir() {
    let home = DataHome::new("list");
    assert!(home.writer("x", 2).wait().unwrap().success());
    assert_eq!(home.listed_labels(), ["x-0", "x-1"]);
    let out = home.run(&["bookmarks"]);
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.starts_with("State writer\n  /state-writer.txt\n"),
        "{text}"
    );
    assert!(text.contains("  50%  x-0  “x 0…”  "), "{text}");
    let json: serde_json::Value =
        serde_json::from_slice(&home.run(&["bookmarks", "--json"]).stdout).unwrap();
    let first = &json[0];
    assert_eq!(
        (first["title"].as_str(), first["path"].as_str()),
        (Some("State writer"), Some("/state-writer.txt"))
    );
    assert!(first["time"].as_str().unwrap().ends_with('Z'));
}

#[test]
fn highlights_are_exported_as_markdown_and_json() {
    let home = DataHome::new("highlights-export");
    let out = home.writer("h", 2).wait_with_output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let md = home.run(&["highlights", "--markdown"]);
    assert!(
        md.status.success(),
        "{}",
        String::from_utf8_lossy(&md.stderr)
    );
    let md = String::from_utf8(md.stdout).unwrap();
    assert!(md.starts_with("# State writer\n"), "{md}");
    assert_eq!(
        md.matches("> The one paragraph of the state writer's article.")
            .count(),
        2,
        "{md}"
    );
    assert!(
        md.contains("\n\nh-1\n\n— "),
        "the note, then the place: {md}"
    );
    let js = home.run(&["highlights", "--json"]);
    let list: serde_json::Value = serde_json::from_slice(&js.stdout).unwrap();
    let hs = list[0]["highlights"].as_array().unwrap();
    assert_eq!(hs.len(), 2);
    assert!(
        hs.iter()
            .all(|h| h["id"].is_string() && h["orphaned"] == false)
    );
}
