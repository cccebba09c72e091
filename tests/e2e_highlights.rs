//! Highlights in a real terminal: select a paragraph, keep it with a note, quit, reopen
//! at another width; the passage is drawn with its background, its note opens, and
//! `lectern highlights --markdown` prints it.

mod common;
use common::{Scratch, Tmux, asset, first_line, have_tmux};

#[test]
fn a_paragraph_kept_with_a_note_is_there_at_another_width_and_exported() {
    if !have_tmux() {
        return;
    }
    let home = Scratch::new("highlights");
    let article = asset("assets/library/harbour-thaw.txt");
    let t = Tmux::start(&home.0, &[&article], 100, 30);
    t.wait_for("cautious thaw");
    for _ in 0..8 {
        if first_line(&t.screen()).starts_with("A joint pilotage") {
            break;
        }
        let before = t.screen();
        t.keys(&["}"]);
        t.wait_until(|s| s != before, "the next paragraph");
    }
    assert!(first_line(&t.screen()).starts_with("A joint pilotage"));
    t.keys(&["v"]);
    t.wait_for("Selecting:");
    t.keys(&["}"]);
    t.wait_for("56 words · 320 characters");
    t.keys(&["a"]);
    t.wait_for("Note:");
    t.type_text("ports talk again");
    t.keys(&["Enter"]);
    t.wait_for("note saved");
    t.keys(&["q"]);
    assert_eq!(t.wait_exit(), 0);
    drop(t);

    let t = Tmux::start(&home.0, &[&article], 70, 24);
    t.wait_for("A joint pilotage");
    let styled = String::from_utf8_lossy(
        &t.run(&["capture-pane", "-p", "-e", "-t", &t.session])
            .stdout,
    )
    .into_owned();
    let line = styled
        .lines()
        .find(|l| l.contains("A joint"))
        .expect("the passage on screen");
    let before = &line[..line.find("A joint").unwrap()];
    assert!(
        before.contains("[48;"),
        "a background under the passage: {line:?}"
    );
    assert!(t.screen().contains('✎'), "the note's marker");
    t.keys(&["Tab"]);
    t.keys(&["Enter"]);
    t.wait_for("ports talk again");
    t.wait_for("Highlight");
    t.keys(&["Escape"]);
    t.keys(&["q"]);
    t.wait_exit();

    let out = std::process::Command::new(env!("CARGO_BIN_EXE_lectern"))
        .args(["highlights", "--markdown"])
        .env("XDG_DATA_HOME", home.0.join("data"))
        .output()
        .unwrap();
    assert!(out.status.success());
    let md = String::from_utf8_lossy(&out.stdout);
    assert!(md.contains("> A joint pilotage scheme"), "{md}");
    assert!(md.contains("blinking first."), "{md}");
    assert!(md.contains("ports talk again"), "{md}");
}
