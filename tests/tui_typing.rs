//! Typing in prompts and filters, the article search's history and wrapping, the
//! outline's movement and filter, and status messages that end with what they describe.

mod common;

use common::ui::{key, press, screen};
use lectern::article::Format;
use lectern::parse;
use lectern::reading::text_width;
use lectern::store::Store;
use lectern::tui::app::{App, Mode, Popup};
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use std::path::{Path, PathBuf};

fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("lectern-typing-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn river(state: &Path, size: (u16, u16)) -> App {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/library/long-river.txt");
    let mut app = App::with_article(parse::load(&path).unwrap(), path, size);
    app.attach_store(Store::open(state).unwrap());
    app.article_ready();
    app
}

fn of_text(text: &str, format: Format, size: (u16, u16)) -> App {
    let article = parse::parse_bytes(text.as_bytes(), format).unwrap();
    App::with_article(article, PathBuf::from("t.txt"), size)
}

fn with(app: &mut App, code: KeyCode, mods: KeyModifiers) {
    app.key(KeyEvent::new(code, mods));
}

fn prompt_text(app: &App) -> String {
    match &app.mode {
        Mode::Prompt(p) => p.text().to_string(),
        other => panic!("no prompt: {other:?}"),
    }
}

fn query(app: &App) -> String {
    let r = app.reader.as_ref().unwrap();
    r.search
        .as_ref()
        .map(|s| s.query.clone())
        .unwrap_or_default()
}

#[test]
fn the_offered_bookmark_label_is_replaced_by_what_is_typed() {
    let dir = scratch("label");
    let mut app = river(&dir, (100, 30));
    press(&mut app, "30%m");
    assert!(!prompt_text(&app).is_empty(), "a label is offered");
    press(&mut app, "my sixty");
    key(&mut app, KeyCode::Enter);
    assert_eq!(app.bookmark_list()[0].label, "my sixty");
    // End keeps the offer and types after it.
    press(&mut app, "20%m");
    let offered = prompt_text(&app);
    key(&mut app, KeyCode::End);
    press(&mut app, " (dam)");
    key(&mut app, KeyCode::Enter);
    let labels: Vec<&str> = app
        .bookmark_list()
        .iter()
        .map(|b| b.label.as_str())
        .collect();
    assert!(
        labels.contains(&format!("{offered} (dam)").as_str()),
        "{labels:?}"
    );
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn a_prompt_edits_as_a_shell_line_does() {
    let mut app = of_text("The river rose over the dam.\n", Format::Text, (80, 20));
    press(&mut app, "/rivr");
    key(&mut app, KeyCode::Left);
    press(&mut app, "e");
    assert_eq!(prompt_text(&app), "river");
    with(&mut app, KeyCode::Char('a'), KeyModifiers::CONTROL);
    press(&mut app, "the ");
    with(&mut app, KeyCode::Char('e'), KeyModifiers::CONTROL);
    press(&mut app, " dam");
    with(&mut app, KeyCode::Char('w'), KeyModifiers::CONTROL);
    assert_eq!(prompt_text(&app), "the river ");
    with(&mut app, KeyCode::Char('b'), KeyModifiers::ALT);
    with(&mut app, KeyCode::Char('b'), KeyModifiers::ALT);
    key(&mut app, KeyCode::Delete);
    assert_eq!(prompt_text(&app), "he river ");
    with(&mut app, KeyCode::Char('f'), KeyModifiers::ALT);
    with(&mut app, KeyCode::Char('u'), KeyModifiers::CONTROL);
    assert_eq!(prompt_text(&app), "river ", "Alt-f to the next word");
    key(&mut app, KeyCode::End);
    key(&mut app, KeyCode::Backspace);
    key(&mut app, KeyCode::Enter);
    assert_eq!(query(&app), "river");
}

#[test]
fn the_cursor_is_drawn_where_it_is() {
    let mut app = of_text("The river rose.\n", Format::Text, (80, 20));
    press(&mut app, "/river");
    key(&mut app, KeyCode::Left);
    key(&mut app, KeyCode::Left);
    let mut term = ratatui::Terminal::new(ratatui::backend::TestBackend::new(80, 20)).unwrap();
    term.draw(|f| lectern::tui::draw::draw(&app, f)).unwrap();
    let at = term.get_cursor_position().unwrap();
    assert_eq!((at.x, at.y), (4, 19), "after `/riv`");
}

#[test]
fn search_history_is_recalled_and_kept_across_runs() {
    let dir = scratch("history");
    let mut app = river(&dir, (100, 30));
    press(&mut app, "/river");
    key(&mut app, KeyCode::Enter);
    press(&mut app, "/dam");
    key(&mut app, KeyCode::Enter);
    press(&mut app, "/");
    key(&mut app, KeyCode::Up);
    assert_eq!(prompt_text(&app), "dam");
    key(&mut app, KeyCode::Up);
    assert_eq!(prompt_text(&app), "river");
    key(&mut app, KeyCode::Down);
    key(&mut app, KeyCode::Down);
    assert_eq!(prompt_text(&app), "", "past the newest, an empty line");
    key(&mut app, KeyCode::Up);
    key(&mut app, KeyCode::Up);
    key(&mut app, KeyCode::Enter);
    assert_eq!(query(&app), "river");
    drop(app);

    let mut again = river(&dir, (100, 30));
    press(&mut again, "/");
    key(&mut again, KeyCode::Up);
    assert_eq!(prompt_text(&again), "river", "the newest from the last run");
    key(&mut again, KeyCode::Esc);
    press(&mut again, "/");
    key(&mut again, KeyCode::Enter);
    assert_eq!(
        query(&again),
        "river",
        "Enter on an empty prompt repeats it"
    );
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn n_and_shift_n_wrap_around_with_a_message() {
    let text = "One river.\n\nTwo rivers.\n\nThree rivers.\n";
    let mut app = of_text(text, Format::Text, (80, 20));
    press(&mut app, "/river");
    key(&mut app, KeyCode::Enter);
    let current = |app: &App| {
        app.reader
            .as_ref()
            .unwrap()
            .search
            .as_ref()
            .unwrap()
            .current
    };
    assert_eq!(current(&app), Some(0));
    press(&mut app, "nn");
    assert_eq!(current(&app), Some(2));
    press(&mut app, "n");
    assert_eq!(current(&app), Some(0));
    assert_eq!(app.current_message(), Some("search wrapped to the top"));
    press(&mut app, "N");
    assert_eq!(current(&app), Some(2));
    assert_eq!(app.current_message(), Some("search wrapped to the bottom"));
}

#[test]
fn smart_diacritics_in_the_reader() {
    let text = "Natásha came in. Natasha sat down. NATÁSHA, they said.\n";
    let mut app = of_text(text, Format::Text, (80, 20));
    let count = |app: &App| {
        let r = app.reader.as_ref().unwrap();
        r.search.as_ref().map_or(0, |s| s.matches.len())
    };
    press(&mut app, "/natasha");
    key(&mut app, KeyCode::Enter);
    assert_eq!(count(&app), 3, "plain letters find every spelling");
    press(&mut app, "/Natásha");
    key(&mut app, KeyCode::Enter);
    assert_eq!(
        count(&app),
        1,
        "an accent and a capital match only that spelling"
    );
}

fn outline_app(n: usize) -> App {
    let mut md = String::new();
    for i in 1..=n {
        md.push_str(&format!("## Section {i}\n\nText of section {i}.\n\n"));
    }
    of_text(&md, Format::Markdown, (100, 30))
}

fn outline(app: &App) -> &lectern::tui::popups::outline::OutlinePanel {
    match app.popups.last() {
        Some(Popup::Outline(o)) => o,
        other => panic!("no outline: {other:?}"),
    }
}

#[test]
fn a_775_entry_outline_pages_jumps_and_filters() {
    let mut app = outline_app(775);
    press(&mut app, "o");
    press(&mut app, "G");
    assert_eq!(outline(&app).selected, 774);
    assert!(screen(&app).contains("Section 775"), "{}", screen(&app));
    press(&mut app, "g");
    assert_eq!(outline(&app).selected, 0);
    key(&mut app, KeyCode::PageDown);
    let page = outline(&app).selected;
    assert!(page > 5, "a page is many rows: {page}");
    key(&mut app, KeyCode::End);
    assert_eq!(outline(&app).selected, 774);
    key(&mut app, KeyCode::Home);
    key(&mut app, KeyCode::PageUp);
    assert_eq!(outline(&app).selected, 0);
    press(&mut app, "/section 70");
    let shown = screen(&app);
    assert!(shown.contains("Filter: section 70"), "{shown}");
    assert!(shown.contains("Section 700"), "{shown}");
    let rows: Vec<&str> = shown.lines().filter(|l| l.contains('│')).collect();
    assert!(
        !rows
            .iter()
            .any(|l| l.contains("Section 1 ") || l.contains("Section 2 ")),
        "{shown}"
    );
    key(&mut app, KeyCode::Down);
    key(&mut app, KeyCode::Enter);
    assert!(app.popups.is_empty());
    let r = app.reader.as_ref().unwrap();
    let top = r.layout.line(r.top).unwrap().text();
    assert!(top.contains("Section 170"), "the second match: {top}");
}

#[test]
fn the_outline_filter_clears_with_esc_and_backspace_leaves_it() {
    let mut app = outline_app(30);
    press(&mut app, "o/29");
    key(&mut app, KeyCode::Esc);
    assert!(!outline(&app).typing);
    assert!(outline(&app).filter.is_empty());
    press(&mut app, "j");
    assert_eq!(outline(&app).selected, 1, "j moves again");
    press(&mut app, "/x");
    key(&mut app, KeyCode::Backspace);
    key(&mut app, KeyCode::Backspace);
    assert!(
        !outline(&app).typing,
        "Backspace past the start leaves the filter"
    );
    press(&mut app, "q");
    assert!(app.popups.is_empty());
}

#[test]
fn pattern_not_found_ends_with_a_later_search() {
    let mut app = of_text(
        "The river rose.\n\nThe river fell.\n",
        Format::Text,
        (80, 20),
    );
    press(&mut app, "/fish");
    key(&mut app, KeyCode::Enter);
    assert_eq!(app.current_message(), Some("pattern not found: fish"));
    press(&mut app, "/river");
    key(&mut app, KeyCode::Enter);
    assert_eq!(app.current_message(), None);
    press(&mut app, "/fish");
    key(&mut app, KeyCode::Enter);
    key(&mut app, KeyCode::Esc);
    assert_ne!(app.current_message(), Some("pattern not found: fish"));
}

#[test]
fn resumed_at_ends_when_the_reader_moves() {
    let dir = scratch("resumed");
    let mut app = river(&dir, (100, 30));
    press(&mut app, "60%");
    app.save_position();
    drop(app);
    let mut again = river(&dir, (100, 30));
    assert!(
        again
            .current_message()
            .is_some_and(|m| m.starts_with("resumed at")),
        "{:?}",
        again.current_message()
    );
    press(&mut again, "g");
    assert_eq!(again.current_message(), None);
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn text_width_says_what_fits() {
    let mut app = of_text("The river rose.\n", Format::Text, (60, 20));
    let fits = text_width(u16::MAX, 60);
    press(&mut app, "+");
    assert_eq!(
        app.current_message().map(str::to_string),
        Some(format!("text width {fits}, the most this screen fits"))
    );
    press(&mut app, "-");
    assert_eq!(
        app.current_message().map(str::to_string),
        Some(format!("text width {}", fits - 4)),
        "narrower from what is shown"
    );
}

#[test]
fn ctrl_c_quits_from_a_prompt() {
    let mut app = of_text("The river rose.\n", Format::Text, (80, 20));
    press(&mut app, "/riv");
    with(&mut app, KeyCode::Char('c'), KeyModifiers::CONTROL);
    assert!(app.quit);
}
