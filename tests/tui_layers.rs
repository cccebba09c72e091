//! Each layer drawn alone over the page or the library, and help in every context: `?`
//! shows that context's keys, and scrolling reaches every one of them at 80×24.

mod common;

use common::ui::{app, key, press, screen};
use lectern::library::entry::ProgressMap;
use lectern::tui::app::{App, Popup};
use lectern::tui::keys::{Context, KeyMap};
use lectern::tui::library::{LibraryView, Root};
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

fn library(w: u16, h: u16) -> App {
    let lib = LibraryView::new(Root::Samples, None, ProgressMap::new());
    App::with_library(lib, (w, h))
}

/// Every help row's keys and words for `ctx` with the default map, as help writes them.
fn rows_of(ctx: Context) -> Vec<(String, String)> {
    let (own, global) = KeyMap::default().help_for(ctx);
    own.into_iter()
        .chain(global)
        .map(|(k, d)| (k, d.to_string()))
        .collect()
}

/// Opens help, pages through it to the end, and says which rows of `ctx` never showed.
fn unseen_in_help(app: &mut App, ctx: Context) -> Vec<(String, String)> {
    press(app, "?");
    assert!(
        matches!(app.popups.last(), Some(Popup::Help(_))),
        "help opens in {ctx:?}"
    );
    let mut seen = String::new();
    for _ in 0..20 {
        seen.push_str(&screen(app));
        key(app, KeyCode::PageDown);
    }
    rows_of(ctx)
        .into_iter()
        .filter(|(k, d)| {
            !seen
                .lines()
                .any(|l| l.contains(d.as_str()) && l.contains(k.as_str()))
        })
        .collect()
}

#[test]
fn help_in_the_reader_at_80x24_reaches_every_key() {
    let mut app = app("assets/library/harbour-thaw.txt", 80, 24);
    let missing = unseen_in_help(&mut app, Context::Reader);
    assert!(missing.is_empty(), "never shown: {missing:?}");
    let first = screen(&app);
    assert!(first.contains("j/k scroll"), "says it scrolls:\n{first}");
    press(&mut app, "q");
    assert!(app.popups.is_empty(), "q closes help");
}

#[test]
fn help_in_the_library_shows_its_keys_and_the_global_ones() {
    let mut app = library(80, 24);
    let missing = unseen_in_help(&mut app, Context::Library);
    assert!(missing.is_empty(), "never shown: {missing:?}");
    let shown = screen(&app);
    assert!(shown.contains("Keys in the library"), "{shown}");
    assert!(shown.contains("open the selected article"), "{shown}");
    assert!(
        !shown.contains("next footnote reference"),
        "not the reader's keys"
    );
    key(&mut app, KeyCode::Esc);
    assert!(app.popups.is_empty());
}

#[test]
fn help_in_a_note_shows_the_note_keys() {
    let mut app = app("assets/library/commons-essay.txt", 80, 24);
    press(&mut app, "f");
    key(&mut app, KeyCode::Enter);
    assert!(matches!(app.popups.last(), Some(Popup::Note(_))));
    let missing = unseen_in_help(&mut app, Context::Note);
    assert!(missing.is_empty(), "never shown: {missing:?}");
    let shown = screen(&app);
    assert!(shown.contains("1–9"), "the digits too: {shown}");
    key(&mut app, KeyCode::Esc);
    assert!(
        matches!(app.popups.last(), Some(Popup::Note(_))),
        "closing help leaves the note open"
    );
}

#[test]
fn help_takes_two_columns_when_wide_and_one_does_not_fit() {
    let mut app = app("assets/library/harbour-thaw.txt", 160, 24);
    press(&mut app, "?");
    let shown = screen(&app);
    let rows = rows_of(Context::Reader);
    let second = &rows[rows.len().div_ceil(2)].1;
    let both = shown
        .lines()
        .any(|l| l.contains("down a line") && l.contains(second.as_str()));
    assert!(both, "two columns side by side:\n{shown}");
    let missing: Vec<_> = rows_of(Context::Reader)
        .into_iter()
        .filter(|(_, d)| !shown.contains(d.as_str()))
        .collect();
    assert!(missing.is_empty(), "all on one screen: {missing:?}");
}

#[test]
fn letters_typed_in_sources_are_its_filter_and_f1_is_help() {
    let mut app = app("assets/library/commons-essay.txt", 80, 24);
    press(&mut app, "s?");
    let Some(Popup::Sources(s)) = app.popups.last() else {
        panic!("Sources open")
    };
    assert_eq!(s.filter.text(), "?", "? is typed");
    key(&mut app, KeyCode::F(1));
    assert!(screen(&app).contains("Keys in Sources"));
}

#[test]
fn a_rebound_key_shows_in_hints_and_help() {
    let mut app = app("assets/library/commons-essay.txt", 80, 24);
    let sections = vec![(
        "note".to_string(),
        vec![
            ("x".to_string(), "close".to_string()),
            ("Esc".to_string(), "none".to_string()),
            ("q".to_string(), "none".to_string()),
        ],
    )];
    app.keymap = KeyMap::from_sections(&[], &sections).0;
    press(&mut app, "f");
    key(&mut app, KeyCode::Enter);
    assert!(screen(&app).contains("Enter: in Notes · n/p · x"));
    key(&mut app, KeyCode::Esc);
    assert!(!app.popups.is_empty(), "Esc no longer closes a note");
    press(&mut app, "x");
    assert!(app.popups.is_empty(), "x does");
}

#[test]
fn ctrl_z_suspends_from_inside_a_pop_up() {
    let mut app = app("assets/library/commons-essay.txt", 80, 24);
    press(&mut app, "f");
    key(&mut app, KeyCode::Enter);
    let z = app.key(KeyEvent::new(KeyCode::Char('z'), KeyModifiers::CONTROL));
    assert_eq!(z, Some(lectern::tui::app::Effect::Suspend));
}

/// Each layer drawn alone, on a short article so the snapshots stay small.
#[test]
fn each_layer_alone() {
    let open = |keys: &str| {
        let mut app = app("assets/library/commons-essay.txt", 72, 20);
        for c in keys.chars() {
            match c {
                '\n' => key(&mut app, KeyCode::Enter),
                '\t' => key(&mut app, KeyCode::Tab),
                c => press(&mut app, &c.to_string()),
            }
        }
        screen(&app)
    };
    insta::assert_snapshot!("layer_note", open("f\n"));
    insta::assert_snapshot!("layer_citation", open("c\n"));
    insta::assert_snapshot!("layer_sources", open("s"));
    insta::assert_snapshot!("layer_outline", open("o"));
    insta::assert_snapshot!("layer_bookmarks", open("'"));
    insta::assert_snapshot!("layer_help_note", open("f\n?"));
    insta::assert_snapshot!("layer_prompt", open("/commons"));
    let mut lib = library(72, 20);
    press(&mut lib, "?");
    insta::assert_snapshot!("layer_help_library", screen(&lib));
}
