//! Highlights through the reader and the library, with a real state file in a temp dir:
//! select, keep with a note, see it drawn, open it, edit, delete and undo, list them.

mod common;

use common::ui::{find, key, press, render, screen, timeless};
use lectern::layout::{LinePos, Target};
use lectern::library::entry::ProgressMap;
use lectern::parse;
use lectern::store::Store;
use lectern::tui::app::{App, Effect, Mode, Popup};
use lectern::tui::keys::Context;
use lectern::tui::library::{LibraryView, Root};
use lectern::tui::theme::Theme;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::style::{Color, Modifier};
use std::path::{Path, PathBuf};

fn scratch(name: &str) -> PathBuf {
    let dir =
        std::env::temp_dir().join(format!("lectern-highlights-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn colour(app: &mut App, mono: bool) {
    app.theme = Theme { mono, light: false };
}

fn open(state: &Path, size: (u16, u16)) -> App {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/library/harbour-thaw.txt");
    let mut app = App::with_article(parse::load(&path).unwrap(), path, size);
    colour(&mut app, false);
    app.attach_store(Store::open(state).unwrap());
    app.article_ready();
    app
}

/// Puts the paragraph starting with `start` at the top of the screen.
fn show(app: &mut App, start: &str) {
    let r = app.reader.as_mut().unwrap();
    let part = (0..r.doc.parts.len())
        .find(|&i| r.doc.text(r.doc.parts[i]).starts_with(start))
        .expect("the paragraph");
    r.top = LinePos { part, line: 0 };
}

const PARAGRAPH: &str = "A joint pilotage scheme";

#[test]
fn select_a_paragraph_keep_it_with_a_note_and_edit_it() {
    let dir = scratch("keep");
    let mut app = open(&dir, (80, 24));
    show(&mut app, PARAGRAPH);
    press(&mut app, "v");
    assert_eq!(app.context(), Context::Selection);
    let r = app.reader.as_ref().unwrap();
    let first = r.selection.unwrap().text(&r.doc);
    assert_eq!(
        first,
        "A joint pilotage scheme, a reopened ferry line and a quiet exchange of letters suggest the two ports are ready to talk again."
    );
    press(&mut app, "w");
    press(&mut app, "}");
    let r = app.reader.as_ref().unwrap();
    let whole = r.selection.unwrap().text(&r.doc);
    assert!(
        whole.ends_with("wants to be seen blinking first."),
        "{whole}"
    );
    let shown = screen(&app);
    assert!(shown.contains("Selecting: Enter keep"), "{shown}");
    assert!(shown.contains("56 words · 320 characters"), "{shown}");
    insta::assert_snapshot!("layer_selection", shown);
    let buf = render(&app);
    let (x, y) = find(&buf, "A joint").unwrap();
    assert!(buf[(x, y)].modifier.contains(Modifier::REVERSED));

    press(&mut app, "a");
    assert!(matches!(&app.mode, Mode::Prompt(_)), "a note is asked for");
    assert_eq!(
        app.reader.as_ref().unwrap().highlights.len(),
        1,
        "saved first"
    );
    press(&mut app, "why the ports talk");
    key(&mut app, KeyCode::Enter);
    assert_eq!(app.context(), Context::Reader);
    let r = app.reader.as_ref().unwrap();
    assert_eq!(r.highlights[0].note, "why the ports talk");
    assert_eq!(r.highlights[0].quote, whole);
    let buf = render(&app);
    let (x, y) = find(&buf, "A joint").unwrap();
    assert_eq!(Some(buf[(x, y)].bg), app.theme.highlight().bg, "drawn");
    assert!(find(&buf, "✎").is_some(), "the note's marker");

    key(&mut app, KeyCode::Tab);
    let r = app.reader.as_ref().unwrap();
    assert_eq!(r.spots[r.focus.unwrap()].target, Target::Highlight(0));
    key(&mut app, KeyCode::Enter);
    assert!(matches!(app.popups.last(), Some(Popup::Highlight(_))));
    insta::assert_snapshot!("layer_highlight", timeless(&screen(&app)));
    press(&mut app, "e");
    press(&mut app, ", and when");
    key(&mut app, KeyCode::Enter);
    assert!(screen(&app).contains("why the ports talk, and when"));
    press(&mut app, "d");
    assert!(app.reader.as_ref().unwrap().highlights.is_empty());
    assert!(screen(&app).contains("highlight deleted — u to undo"));
    press(&mut app, "u");
    assert_eq!(app.reader.as_ref().unwrap().highlights.len(), 1);
    key(&mut app, KeyCode::Esc);

    // Kept across runs, at another width, note and all.
    let again = open(&dir, (60, 20));
    let r = again.reader.as_ref().unwrap();
    assert_eq!(r.highlights.len(), 1);
    assert_eq!(r.highlights[0].note, "why the ports talk, and when");
}

#[test]
fn ctrl_c_quits_from_the_note_prompt() {
    let dir = scratch("quit");
    let mut app = open(&dir, (80, 24));
    press(&mut app, "va");
    assert!(matches!(&app.mode, Mode::Prompt(_)));
    app.key(KeyEvent::new(KeyCode::Char('c'), KeyModifiers::CONTROL));
    assert!(app.quit, "Ctrl-C quits from a prompt");
    assert_eq!(app.reader.as_ref().unwrap().highlights.len(), 1, "kept");
}

#[test]
fn the_list_jumps_to_a_highlight_and_back() {
    let dir = scratch("list");
    let mut app = open(&dir, (80, 24));
    show(&mut app, PARAGRAPH);
    press(&mut app, "v)");
    key(&mut app, KeyCode::Enter);
    show(&mut app, "Why, then, the change");
    press(&mut app, "v");
    press(&mut app, "a");
    press(&mut app, "money");
    key(&mut app, KeyCode::Enter);
    press(&mut app, "G");
    press(&mut app, "H");
    insta::assert_snapshot!("layer_highlights", screen(&app));
    press(&mut app, "j");
    key(&mut app, KeyCode::Enter);
    let shown = screen(&app);
    assert!(shown.contains("Why, then, the change"), "{shown}");
    assert!(app.popups.is_empty());
    key(&mut app, KeyCode::Backspace);
    assert!(app.reader.as_ref().unwrap().at_end(), "back where it was");
}

#[test]
fn mono_underlines_highlights_and_escape_cancels() {
    let dir = scratch("mono");
    let mut app = open(&dir, (80, 24));
    colour(&mut app, true);
    show(&mut app, PARAGRAPH);
    press(&mut app, "v");
    key(&mut app, KeyCode::Esc);
    assert_eq!(app.context(), Context::Reader);
    assert!(app.reader.as_ref().unwrap().highlights.is_empty());
    press(&mut app, "v");
    let copied = app.key(KeyEvent::new(KeyCode::Char('y'), KeyModifiers::NONE));
    assert_eq!(
        copied,
        Some(Effect::Copy(
            "A joint pilotage scheme, a reopened ferry line and a quiet exchange of letters suggest the two ports are ready to talk again.".into()
        )),
        "y copies the text only"
    );
    assert_eq!(app.context(), Context::Reader);
    assert!(app.reader.as_ref().unwrap().highlights.is_empty());
    press(&mut app, "vbw");
    key(&mut app, KeyCode::Enter);
    let buf = render(&app);
    let (x, y) = find(&buf, "A joint").unwrap();
    assert!(buf[(x, y)].modifier.contains(Modifier::UNDERLINED));
    assert_eq!(buf[(x, y)].bg, Color::Reset);
}

#[test]
fn the_library_lists_every_articles_highlights_and_opens_one() {
    let dir = scratch("library");
    let lib = LibraryView::new(Root::Samples, None, ProgressMap::new());
    let mut app = App::with_library(lib, (90, 24));
    colour(&mut app, false);
    app.attach_store(Store::open(&dir).unwrap());
    for row in 0..2 {
        for _ in 0..row {
            press(&mut app, "j");
        }
        key(&mut app, KeyCode::Enter);
        press(&mut app, "v");
        key(&mut app, KeyCode::Enter);
        press(&mut app, "q");
        press(&mut app, "g");
    }
    press(&mut app, "H");
    assert!(matches!(app.popups.last(), Some(Popup::Highlights(_))));
    insta::assert_snapshot!("layer_library_highlights", screen(&app));
    press(&mut app, "j");
    key(&mut app, KeyCode::Enter);
    assert!(app.popups.is_empty());
    let r = app.reader.as_ref().expect("an article is open");
    let focus = r.focus.map(|f| r.spots[f].target);
    assert_eq!(focus, Some(Target::Highlight(0)), "at its highlight");
}
