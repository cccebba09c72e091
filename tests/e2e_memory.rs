//! Reading state across runs in a real terminal: quit, reopen at another width, resume;
//! a bookmark added in the reader is listed by `lectern bookmarks --json`.

mod common;
use common::{Scratch, Tmux, asset, first_line, have_tmux};

/// Jumps to 50%, adds a bookmark there and quits; the line on top of the screen.
fn bookmark_half_way_and_quit(t: Tmux) -> String {
    t.type_text("50%");
    let s = t.wait_until(|s| !s.contains(" 0% ·"), "the jump to 50%");
    let before = first_line(&s);
    t.keys(&["m"]);
    t.wait_for("Bookmark label:");
    t.keys(&["Enter"]);
    t.wait_for("bookmark added");
    t.keys(&["q"]);
    assert_eq!(t.wait_exit(), 0);
    before
}

#[test]
fn resume_at_another_width_and_list_bookmarks() {
    if !have_tmux() {
        return;
    }
    let home = Scratch::new("memory");
    let article = asset("assets/library/long-river.txt");
    let t = Tmux::start(&home.0, &[&article], 100, 30);
    t.wait_for("The long river");
    let before = bookmark_half_way_and_quit(t);
    assert!(!before.is_empty());

    let t = Tmux::start(&home.0, &[&article], 70, 24);
    let s = t.wait_for("resumed at");
    let after = first_line(&s);
    let word = before.split_whitespace().next().unwrap();
    assert!(
        after.contains(word),
        "same sentence on top: {before:?} then {after:?}"
    );
    t.keys(&["q"]);
    t.wait_exit();

    let out = std::process::Command::new(env!("CARGO_BIN_EXE_lectern"))
        .args(["bookmarks", "--json"])
        .env("XDG_DATA_HOME", home.0.join("data"))
        .output()
        .unwrap();
    assert!(out.status.success());
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let text = json.to_string();
    assert!(text.contains("The long river"), "{text}");
    let label: String = before
        .split_whitespace()
        .take(2)
        .collect::<Vec<_>>()
        .join(" ");
    assert!(
        text.contains(&label),
        "the bookmark's label {label:?} is listed: {text}"
    );
}

/// A long article's first frame does not wait for the reading state (it is opened on a
/// worker meanwhile), yet its position and bookmarks are kept as a short one's are.
#[test]
fn a_long_article_resumes_and_keeps_its_bookmark() {
    if !have_tmux() {
        return;
    }
    let home = Scratch::new("memory-long");
    let article = home.0.join("long.txt");
    let paragraph = "Ferries cross the strait at dawn, their wakes folding into the grey \
                     water while the harbour lights go out one by one along the quay.";
    let body: Vec<String> = (0..2500)
        .map(|i| format!("Paragraph {i}. {paragraph}"))
        .collect();
    std::fs::write(
        &article,
        format!("A long crossing\n\n{}\n", body.join("\n\n")),
    )
    .unwrap();
    assert!(std::fs::metadata(&article).unwrap().len() > 256 * 1024);
    let path = article.display().to_string();
    let t = Tmux::start(&home.0, &[&path], 100, 30);
    t.wait_for("A long crossing");
    let before = bookmark_half_way_and_quit(t);

    let t = Tmux::start(&home.0, &[&path], 100, 30);
    let s = t.wait_for("resumed at");
    assert_eq!(first_line(&s), before, "the same paragraph on top");
    t.keys(&["q"]);
    t.wait_exit();
}

/// A long article's reading state is read once its first frame is up; a key pressed
/// before then finds it all the same: a highlight asked for at once is never "unavailable".
#[test]
fn a_key_at_a_long_articles_first_frame_has_the_reading_state() {
    if !have_tmux() {
        return;
    }
    let home = Scratch::new("memory-at-once");
    let article = home.0.join("long.txt");
    let body: Vec<String> = (0..4000)
        .map(|i| format!("Paragraph {i}. The tide came in over the flats before the light went."))
        .collect();
    std::fs::write(&article, format!("A long tide\n\n{}\n", body.join("\n\n"))).unwrap();
    let path = article.display().to_string();
    let t = Tmux::start(&home.0, &[&path], 100, 30);
    t.wait_for("A long tide");
    // A selection and Enter to keep it, in one go, before the frame has had a quiet moment.
    t.run(&["send-keys", "-t", &t.session, "v", "Enter"]);
    let s = t.wait_until(
        |s| {
            s.contains("highlight saved")
                || s.contains("still reading")
                || s.contains("unavailable")
        },
        "the highlight's answer",
    );
    assert!(!s.contains("unavailable"), "{s}");
    t.keys(&["q"]);
    assert_eq!(t.wait_exit(), 0);
}
