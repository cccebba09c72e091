use super::*;
use crate::library::entry::ProgressMap;
use crate::tui::app::App;
use crate::tui::library::Root;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use std::time::{Duration, Instant};

fn app() -> App {
    let lib = LibraryView::new(Root::Samples, None, ProgressMap::new());
    let mut app = App::with_library(lib, (100, 30));
    app.theme = crate::tui::theme::Theme {
        mono: false,
        light: false,
    };
    app
}

fn press(app: &mut App, code: KeyCode) {
    app.key(KeyEvent::new(code, KeyModifiers::NONE));
}

fn typed(app: &mut App, text: &str) {
    for c in text.chars() {
        press(app, KeyCode::Char(c));
    }
}

/// Polls until the search is over.
fn settle(app: &mut App) {
    let end = Instant::now() + Duration::from_secs(20);
    while app.busy() {
        app.poll_library();
        assert!(Instant::now() < end, "the search did not finish");
        std::thread::sleep(Duration::from_millis(5));
    }
    app.poll_library();
}

fn search(app: &mut App, pattern: &str) {
    typed(app, "F");
    typed(app, pattern);
    press(app, KeyCode::Enter);
    settle(app);
}

fn results(app: &App) -> &Results {
    app.library
        .as_ref()
        .unwrap()
        .search
        .results
        .as_ref()
        .unwrap()
}

fn titles(app: &App) -> Vec<(String, usize)> {
    results(app)
        .rows
        .iter()
        .map(|r| (r.path.display().to_string(), r.count))
        .collect()
}

fn render(app: &App) -> Buffer {
    let mut term = Terminal::new(TestBackend::new(app.size.0, app.size.1)).unwrap();
    term.draw(|f| crate::tui::draw::draw(app, f)).unwrap();
    term.backend().buffer().clone()
}

fn row_of(buf: &Buffer, needle: &str) -> u16 {
    (0..buf.area.height)
        .find(|&y| line(buf, y).contains(needle))
        .unwrap_or_else(|| panic!("{needle} not on screen"))
}

fn line(buf: &Buffer, y: u16) -> String {
    (0..buf.area.width).map(|x| buf[(x, y)].symbol()).collect()
}

#[test]
fn every_article_is_searched_and_listed_in_the_sort_order() {
    let mut app = app();
    search(&mut app, "harbour");
    let mut found = titles(&app);
    let lib = app.library.as_ref().unwrap();
    let listed: Vec<String> = lib
        .rows
        .iter()
        .map(|&i| lib.entries[i].path.display().to_string())
        .collect();
    let rank = |p: &String| listed.iter().position(|l| l == p);
    assert!(
        found.is_sorted_by_key(|(p, _)| rank(p)),
        "{found:?} in {listed:?}"
    );
    found.sort();
    assert_eq!(
        found,
        [
            ("commons-essay.txt".to_string(), 1),
            ("harbour-thaw.txt".to_string(), 13),
            ("short-note.txt".to_string(), 1),
        ]
    );
    let r = results(&app);
    assert_eq!((r.searched, r.total, r.matches), (7, 7, 15));
    // The headline matched first; the list shows the first match below it.
    let first = r.rows[1].first.as_ref().unwrap();
    assert_ne!(first.anchor.part, crate::layout::Part::Title);
}

#[test]
fn results_show_title_count_and_the_match_highlighted() {
    let mut app = app();
    search(&mut app, "written in the harbour");
    let buf = render(&app);
    let y = row_of(&buf, "Beyond the Tragedy");
    assert!(line(&buf, y).starts_with("› "), "selected");
    assert!(line(&buf, y).contains("1 match "));
    let ctx = line(&buf, y + 1);
    let x = ctx.find("written in the harbour").unwrap() as u16;
    let x = ctx[..x as usize].chars().count() as u16;
    let mark = app.theme.search_match(false);
    for dx in 0.."written in the harbour".len() as u16 {
        assert_eq!(
            buf[(x + dx, y + 1)].bg,
            mark.bg.unwrap(),
            "column {}",
            x + dx
        );
    }
    assert_ne!(buf[(x - 2, y + 1)].bg, mark.bg.unwrap());
    assert!(
        line(&buf, 29).contains("1 article · 1 match"),
        "{}",
        line(&buf, 29)
    );
}

#[test]
fn enter_opens_at_the_match_with_the_search_on_and_q_comes_back() {
    let mut app = app();
    search(&mut app, "harbour");
    let at = titles(&app)
        .iter()
        .position(|(p, _)| p == "harbour-thaw.txt")
        .unwrap();
    for _ in 0..at {
        press(&mut app, KeyCode::Down);
    }
    press(&mut app, KeyCode::Enter);
    let r = app.reader.as_ref().expect("the article is open");
    let s = r.search.as_ref().expect("the search is on");
    assert_eq!(s.query, "harbour");
    let current = s.current.expect("on a match");
    let (part, range) = s.matches[current].clone();
    let text = r.doc.text(r.doc.parts[part]);
    assert_eq!(&text[range.clone()], "harbour");
    assert_ne!(
        r.doc.parts[part],
        crate::layout::Part::Title,
        "below the headline"
    );
    let (top, bottom) = r.visible_range();
    assert!((part, range.start) >= top && (part, range.start) < bottom);
    press(&mut app, KeyCode::Char('n'));
    let next = app
        .reader
        .as_ref()
        .unwrap()
        .search
        .as_ref()
        .unwrap()
        .current;
    assert_eq!(next, Some(current + 1), "n goes on from there");
    press(&mut app, KeyCode::Char('q'));
    assert!(app.reader.is_none());
    assert_eq!(
        results(&app).selected,
        at,
        "back on the results as they were"
    );
    press(&mut app, KeyCode::Esc);
    assert!(!app.library.as_ref().unwrap().search.is_open());
}

#[test]
fn esc_returns_to_the_list_as_it_was() {
    let mut app = app();
    press(&mut app, KeyCode::Char('j'));
    press(&mut app, KeyCode::Char('j'));
    let before = app.library.as_ref().unwrap().selected_entry();
    typed(&mut app, "F");
    press(&mut app, KeyCode::Esc);
    assert!(!app.library.as_ref().unwrap().search.is_open());
    search(&mut app, "the");
    press(&mut app, KeyCode::Char('G'));
    press(&mut app, KeyCode::Esc);
    let lib = app.library.as_ref().unwrap();
    assert!(!lib.search.is_open());
    assert_eq!(lib.selected_entry(), before);
    assert!(!app.quit);
}

#[test]
fn smart_diacritics_and_case_in_the_library() {
    let mut app = app();
    search(&mut app, "wisniewski");
    assert_eq!(titles(&app), [("commons-essay.txt".to_string(), 1)]);
    search(&mut app, "Wisniewski");
    assert_eq!(
        titles(&app).len(),
        1,
        "a capital: case-sensitive, accents still folded"
    );
    search(&mut app, "wiśniewski");
    assert_eq!(titles(&app).len(), 1);
    search(&mut app, "wísniewski");
    assert!(titles(&app).is_empty(), "an accent the text does not have");
}

#[test]
fn a_bad_pattern_keeps_the_prompt_and_says_why() {
    let mut app = app();
    typed(&mut app, "F(river");
    press(&mut app, KeyCode::Enter);
    let s = &app.library.as_ref().unwrap().search;
    assert_eq!(s.prompt.as_ref().map(Field::text), Some("(river"));
    assert_eq!(s.error.as_deref(), Some("bad pattern: unclosed group"));
    let buf = render(&app);
    assert!(line(&buf, 29).contains("bad pattern: unclosed group"));
    press(&mut app, KeyCode::Esc);
    assert!(!app.library.as_ref().unwrap().search.is_open());
}

#[test]
fn up_recalls_earlier_patterns() {
    let mut app = app();
    search(&mut app, "harbour");
    search(&mut app, "ferry");
    typed(&mut app, "F");
    press(&mut app, KeyCode::Up);
    press(&mut app, KeyCode::Up);
    let s = &app.library.as_ref().unwrap().search;
    assert_eq!(s.prompt.as_ref().map(Field::text), Some("harbour"));
    press(&mut app, KeyCode::Enter);
    settle(&mut app);
    assert_eq!(results(&app).pattern, "harbour");
}
