//! Typing in a real terminal: a bookmark label offered then replaced, a search pattern
//! edited with the shell's keys, and the search history recalled in the next run.

mod common;
use common::{Scratch, Tmux, asset, have_tmux};

/// The status line counts matches (`3/17`) besides the page (`p 2/40`).
fn counted(screen: &str) -> bool {
    let status = screen.lines().rfind(|l| !l.trim().is_empty()).unwrap_or("");
    let fractions = status.split_whitespace().filter(|w| {
        w.split_once('/')
            .is_some_and(|(a, b)| a.parse::<usize>().is_ok() && b.parse::<usize>().is_ok())
    });
    fractions.count() >= 2
}

#[test]
fn prompts_edit_and_search_history_survives_a_restart() {
    if !have_tmux() {
        return;
    }
    let home = Scratch::new("typing");
    let article = asset("assets/library/long-river.txt");
    let t = Tmux::start(&home.0, &[&article], 100, 30);
    t.wait_for("The long river");
    t.type_text("30%");
    t.wait_until(|s| !s.contains(" 0% ·"), "the jump to 30%");
    t.keys(&["m"]);
    t.wait_for("Bookmark label:");
    t.type_text("Dam");
    t.wait_until(
        |s| {
            s.lines()
                .any(|l| l.trim_end().ends_with("Bookmark label: Dam"))
        },
        "the label replaced",
    );
    t.keys(&["Enter"]);
    t.wait_for("bookmark added: Dam");

    // `/rver`, then ← ← ← and `i`: `/river`; Ctrl-a and `the `, Ctrl-w takes it back.
    t.type_text("/rver");
    t.keys(&["Left", "Left", "Left"]);
    t.type_text("i");
    t.keys(&["C-a"]);
    t.type_text("the ");
    t.wait_for("/the river");
    t.keys(&["End", "C-w", "C-w"]);
    t.type_text("river");
    t.wait_until(
        |s| s.lines().any(|l| l.trim_end() == "/river"),
        "the edited pattern",
    );
    t.keys(&["Enter"]);
    t.wait_until(counted, "a match counted");
    t.keys(&["q"]);
    assert_eq!(t.wait_exit(), 0);
    drop(t);

    let t = Tmux::start(&home.0, &[&article], 100, 30);
    t.wait_for("The long river");
    t.keys(&["/", "Up"]);
    t.wait_until(
        |s| s.lines().any(|l| l.trim_end() == "/river"),
        "the last run's pattern",
    );
    t.keys(&["Escape"]);
    t.keys(&["/", "Enter"]);
    t.wait_until(counted, "the search repeated");
    t.keys(&["q"]);
    t.wait_exit();
}
