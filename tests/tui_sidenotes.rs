//! Sidenotes on the reading screen: beside their references when the margin is wide
//! enough, gone when it is not, re-decided on resize and on `+`/`-`, off when set so.

mod common;
use common::screen::{render, rows};
use lectern::config::{Config, Sidenotes};
use lectern::parse;
use lectern::tui::app::App;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::style::Modifier;
use std::path::Path;

const FIXTURE: &str = "tests/fixtures/layout/sidenotes.md";
const FIRST_NOTE: &str = "The logbooks run from 1871";

fn app(w: u16, h: u16) -> App {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(FIXTURE);
    let article = parse::load(&path).expect("fixture parses");
    App::with_article(article, path, (w, h))
}

fn press(app: &mut App, c: char) {
    app.key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE));
}

/// The row and column of the first note's text when it stands beside its reference (the
/// Notes section at the end may be on screen too; that does not count).
fn first_note(app: &App) -> Option<(usize, usize)> {
    rows(&render(app)).iter().enumerate().find_map(|(y, row)| {
        let x = row.find(FIRST_NOTE)?;
        row[..x]
            .contains("came.¹")
            .then(|| (y, row[..x].chars().count()))
    })
}

#[test]
fn a_wide_screen_sets_the_note_beside_the_line_that_refers_to_it() {
    let a = app(160, 40);
    let shown = rows(&render(&a));
    let (y, x) = first_note(&a).expect("the note is in the margin, on its reference's row");
    let text_row = &shown[y];
    let reference = text_row.find("came.¹").unwrap();
    assert!(
        x > text_row[..reference].chars().count() + 6,
        "to the right of the text"
    );
}

#[test]
fn a_narrow_screen_has_no_sidenotes() {
    let a = app(100, 30);
    assert_eq!(first_note(&a), None);
    assert!(rows(&render(&a)).iter().any(|r| r.contains("came.¹")));
}

#[test]
fn resizing_and_the_measure_decide_again() {
    let mut a = app(160, 40);
    assert!(first_note(&a).is_some());
    a.resize(100, 30);
    assert_eq!(first_note(&a), None, "too narrow after the resize");
    a.resize(130, 40);
    assert!(first_note(&a).is_some(), "wide enough again");
    for _ in 0..7 {
        press(&mut a, '+');
    }
    assert_eq!(first_note(&a), None, "a wider text leaves no margin");
    for _ in 0..7 {
        press(&mut a, '-');
    }
    assert!(first_note(&a).is_some(), "and back");
}

#[test]
fn a_note_too_tall_for_its_room_is_cut_with_a_marker() {
    let a = app(160, 40);
    let shown = rows(&render(&a));
    let owner = shown
        .iter()
        .position(|r| r.contains("The county argued"))
        .expect("the second note is in the margin");
    let meridian = shown
        .iter()
        .position(|r| r.contains("The three accounts differ"))
        .expect("the third note is in the margin");
    assert!(
        shown[owner..meridian].iter().any(|r| r.ends_with('…')),
        "cut before the next note: {:#?}",
        &shown[owner..=meridian]
    );
}

#[test]
fn off_in_the_settings_means_none() {
    let mut a = app(160, 40);
    a.configure(
        &Config {
            sidenotes: Sidenotes::Off,
            ..Config::default()
        },
        None,
    );
    assert_eq!(first_note(&a), None);
}

#[test]
fn the_focused_reference_marks_its_sidenote_too() {
    let mut a = app(160, 40);
    press(&mut a, 'f');
    let buf = render(&a);
    let (y, x) = first_note(&a).unwrap();
    // The marker sits two cells before the note's first word.
    let marker = &buf[(x as u16 - 2, y as u16)];
    assert_eq!(marker.symbol(), "¹");
    assert!(marker.modifier.contains(Modifier::REVERSED), "{marker:?}");
}
