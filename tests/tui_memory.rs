//! Resume and bookmarks through the reader, with a real state file in a temp dir.

mod common;

use common::ui::{key, press, screen};
use lectern::parse;
use lectern::store::Store;
use lectern::tui::app::{App, Mode, Popup};
use ratatui::crossterm::event::KeyCode;
use std::path::{Path, PathBuf};

fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("lectern-memory-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn open(state: &Path, size: (u16, u16)) -> App {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/library/long-river.txt");
    let mut app = App::with_article(parse::load(&path).unwrap(), path, size);
    app.attach_store(Store::open(state).unwrap());
    app.article_ready();
    app
}

fn top_text(app: &App) -> String {
    let r = app.reader.as_ref().unwrap();
    r.layout.line(r.top).unwrap().text()
}

#[test]
fn resumes_at_the_same_sentence_at_another_width() {
    let dir = scratch("resume");
    let mut app = open(&dir, (100, 30));
    press(&mut app, "40%");
    press(&mut app, "jj");
    let r = app.reader.as_ref().unwrap();
    let anchor = r.layout.anchor(r.top);
    let first_words: String = top_text(&app)
        .split_whitespace()
        .take(3)
        .collect::<Vec<_>>()
        .join(" ");
    app.save_position();

    let again = open(&dir, (60, 20));
    let r = again.reader.as_ref().unwrap();
    let line = r.layout.line(r.top).unwrap();
    assert_eq!(r.layout.anchor(r.top).part, anchor.part);
    assert!(
        line.start <= anchor.offset && anchor.offset <= line.end,
        "the anchor is on the top line"
    );
    assert!(
        top_text(&again).contains(first_words.split(' ').next().unwrap()),
        "{first_words:?} / {:?}",
        top_text(&again)
    );
    assert!(
        again
            .current_message()
            .is_some_and(|m| m.starts_with("resumed at ")),
        "{:?}",
        again.current_message()
    );
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn bookmarks_add_list_rename_delete_undo_and_jump() {
    let dir = scratch("bookmarks");
    let mut app = open(&dir, (100, 30));
    press(&mut app, "30%");
    let expected_label: String = top_text(&app)
        .split_whitespace()
        .take(6)
        .collect::<Vec<_>>()
        .join(" ");
    press(&mut app, "m");
    assert!(
        matches!(&app.mode, Mode::Prompt(p) if p.text() == expected_label),
        "default label is the line's first words"
    );
    key(&mut app, KeyCode::Enter);
    assert_eq!(app.bookmark_list().len(), 1);
    assert_eq!(app.bookmark_list()[0].label, expected_label);

    press(&mut app, "g'");
    assert!(matches!(app.popups.last(), Some(Popup::Bookmarks(_))));
    press(&mut app, "r");
    for _ in 0..80 {
        key(&mut app, KeyCode::Backspace);
    }
    press(&mut app, "Dam chapter");
    key(&mut app, KeyCode::Enter);
    assert_eq!(app.bookmark_list()[0].label, "Dam chapter");

    press(&mut app, "d");
    assert!(app.bookmark_list().is_empty());
    press(&mut app, "u");
    assert_eq!(app.bookmark_list().len(), 1, "undo brings it back");

    key(&mut app, KeyCode::Enter);
    assert!(app.popups.is_empty());
    let pct = app.reader.as_ref().unwrap().percent();
    assert!((25..=32).contains(&pct), "jumped to the bookmark: {pct}%");
    key(&mut app, KeyCode::Backspace);
    assert_eq!(
        app.reader.as_ref().unwrap().percent(),
        0,
        "and Backspace comes back"
    );

    // Another copy of Lectern sees it through the file.
    let other = Store::open(&dir).unwrap();
    assert_eq!(other.all_bookmarks().len(), 1);
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn reaching_the_end_marks_the_article_finished() {
    let dir = scratch("finished");
    let mut app = open(&dir, (100, 30));
    press(&mut app, "G");
    app.save_position();
    let store = Store::open(&dir).unwrap();
    let (_, entry) = store.state().articles.iter().next().unwrap();
    assert!(entry.is_finished());
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn the_library_lists_every_bookmark_and_opens_an_article_at_one() {
    use lectern::library::entry::ProgressMap;
    use lectern::tui::library::{LibraryView, Root};
    let dir = scratch("library-marks");
    let mut app = App::with_library(
        LibraryView::new(Root::Samples, None, ProgressMap::new()),
        (100, 30),
    );
    app.attach_store(Store::open(&dir).unwrap());
    press(&mut app, "B");
    assert!(
        screen(&app).contains("No bookmarks yet"),
        "{}",
        screen(&app)
    );
    key(&mut app, KeyCode::Esc);

    press(&mut app, "/long-river");
    key(&mut app, KeyCode::Enter);
    assert!(app.reader.is_some(), "opened");
    press(&mut app, "60%");
    let marked = top_text(&app);
    press(&mut app, "m");
    let label = match &app.mode {
        Mode::Prompt(p) => p.text().to_string(),
        other => panic!("no prompt: {other:?}"),
    };
    key(&mut app, KeyCode::Enter);
    press(&mut app, "g");
    press(&mut app, "q");
    assert!(app.reader.is_none(), "back in the library");

    press(&mut app, "B");
    let shown = screen(&app);
    assert!(shown.contains("1 bookmark — Enter opens"), "{shown}");
    assert!(shown.contains("The long river"), "{shown}");
    assert!(shown.contains(&label), "{shown}");
    key(&mut app, KeyCode::Enter);
    let shown = screen(&app);
    assert!(shown.contains(&marked), "opened at the bookmark: {shown}");
    assert!(
        app.current_message()
            .is_some_and(|m| m.contains("at bookmark")),
        "{:?}",
        app.current_message()
    );
    std::fs::remove_dir_all(&dir).ok();
}
