//! A real book in a real terminal (tmux): open, the outline, a chapter, an endnote, a
//! jump from inside the note, and back. The book is The Prince from ../shared/corpus/epub;
//! the test is skipped with a note when the corpus is absent.

mod common;
use common::{Scratch, Tmux, asset, have_tmux};
use std::path::Path;

const PRINCE: &str = "../shared/corpus/epub/niccolo-machiavelli_the-prince_w-k-marriott.epub";

fn book() -> Option<String> {
    let path = asset(PRINCE);
    if Path::new(&path).exists() {
        Some(path)
    } else {
        eprintln!("note: {PRINCE} is absent; skipping the EPUB end-to-end test");
        None
    }
}

#[test]
fn a_book_outline_chapter_endnote_and_back() {
    let Some(book) = book() else { return };
    if !have_tmux() {
        return;
    }
    let home = Scratch::new("epub-reader");
    let t = Tmux::start(&home.0, &[&book], 100, 30);
    let s = t.wait_for("By Niccolò Machiavelli · translated by W. K. Marriott");
    assert!(s.contains("The Prince"), "{s}");

    t.keys(&["o"]);
    let s = t.wait_for("Outline");
    assert!(s.contains("  III: Concerning Mixed Principalities"), "{s}");
    assert!(s.contains("  Youth"), "nested entries are indented: {s}");
    // Titlepage, Imprint, Introduction, Youth, Office, Literature and Death, The Man and His
    // Works, The Prince, Dedication, I, II, III: the twelfth entry.
    for _ in 0..11 {
        t.keys(&["j"]);
    }
    t.keys(&["Enter"]);
    let s = t.wait_for("› III: Concerning Mixed");
    assert!(
        s.lines()
            .next()
            .unwrap_or("")
            .contains("III: Concerning Mixed Principalities"),
        "the chapter's heading on top: {s}"
    );

    t.keys(&["f"]);
    t.keys(&["Enter"]);
    let s = t.wait_for("Note 1 of 48");
    assert!(s.contains("Duke Lodovico was Lodovico Moro"), "{s}");

    // Note 2 links to a paragraph of the introduction: Tab focuses it, Enter jumps there.
    t.keys(&["n"]);
    t.wait_for("Note 2 of 48");
    t.keys(&["Tab"]);
    t.keys(&["Enter"]);
    let s = t.wait_until(
        |s| !s.contains("Note 2 of 48") && s.contains("› The Man and His Works"),
        "the jump out of the note",
    );
    assert!(!s.contains("┌"), "the pop-ups are closed: {s}");

    t.keys(&["BSpace"]);
    t.wait_for("› III: Concerning Mixed");
    t.keys(&["BSpace"]);
    let s = t.wait_for("By Niccolò Machiavelli · translated by");
    assert!(s.contains("0%"), "back where the outline was opened: {s}");
    t.keys(&["q"]);
    assert_eq!(t.wait_exit(), 0);
}
