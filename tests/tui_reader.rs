//! The reader drawn on ratatui's TestBackend: text, styles, pop-ups, movement.

mod common;

use common::ui::{app, find, fixture, key, press, render, text};
use lectern::parse;
use lectern::reading::sources;
use lectern::tui::app::{App, Popup};
use lectern::tui::theme::Theme;
use ratatui::crossterm::event::{
    KeyCode, KeyEvent, KeyModifiers, MouseButton, MouseEvent, MouseEventKind,
};
use ratatui::style::{Color, Modifier};

#[test]
fn reader_at_80x24() {
    let app = app("assets/library/harbour-thaw.txt", 80, 24);
    let buf = render(&app);
    insta::assert_snapshot!("harbour_80x24", text(&buf));
    let (x, y) = find(&buf, "Saltmere and Brennhaven").unwrap();
    assert!(
        buf[(x, y)].modifier.contains(Modifier::BOLD),
        "title is bold"
    );
    let status = text(&buf).lines().last().unwrap().to_string();
    assert!(
        status.contains("0%") && status.contains("min left"),
        "{status}"
    );
}

#[test]
fn reader_at_40x12() {
    let app = app("assets/library/harbour-thaw.txt", 40, 12);
    let buf = render(&app);
    insta::assert_snapshot!("harbour_40x12", text(&buf));
    for line in text(&buf).lines() {
        assert!(unicode_width::UnicodeWidthStr::width(line) <= 40);
    }
}

#[test]
fn citations_and_note_refs_are_styled() {
    let mut app = app("assets/library/harbour-thaw.txt", 100, 40);
    press(&mut app, "j");
    let buf = render(&app);
    let (x, y) = find(&buf, "(Coastline Wire,").expect("a citation on screen");
    let cell = &buf[(x + 1, y)];
    assert!(cell.modifier.contains(Modifier::UNDERLINED));
    let citation = app.theme.look(lectern::layout::Look {
        flags: lectern::layout::flags::CITATION,
        ..Default::default()
    });
    assert_eq!(Some(cell.fg), citation.fg);
    app.theme = Theme {
        mono: true,
        light: false,
    };
    let buf = render(&app);
    let cell = &buf[(x + 1, y)];
    assert!(
        cell.modifier.contains(Modifier::UNDERLINED),
        "mono keeps the underline"
    );
    assert_eq!(cell.fg, Color::Reset, "mono has no colour");
}

#[test]
fn footnote_marker_is_a_superscript_in_its_own_colour() {
    let mut app = app("assets/library/harbour-thaw.txt", 100, 40);
    press(&mut app, "f");
    let buf = render(&app);
    let (x, y) = find(&buf, "strait.¹").expect("note marker");
    let cell = &buf[(x + 7, y)];
    assert_eq!(cell.symbol(), "¹");
    assert!(
        cell.modifier.contains(Modifier::REVERSED),
        "focused marker is reversed"
    );
    press(&mut app, "\u{1b}");
    key(&mut app, KeyCode::Esc);
    let buf = render(&app);
    let note = app.theme.look(lectern::layout::Look {
        flags: lectern::layout::flags::NOTE_REF,
        ..Default::default()
    });
    assert_eq!(Some(buf[(x + 7, y)].fg), note.fg);
}

#[test]
fn search_highlights_and_counts() {
    let mut app = app("assets/library/harbour-thaw.txt", 80, 24);
    press(&mut app, "/");
    press(&mut app, "harbour");
    key(&mut app, KeyCode::Enter);
    let buf = render(&app);
    let screen = text(&buf);
    insta::assert_snapshot!("harbour_search", screen);
    let status = screen.lines().last().unwrap();
    assert!(status.contains("1/"), "{status}");
    let (x, y) = find(&buf, "harbour").unwrap();
    let marks = [true, false].map(|current| app.theme.search_match(current).bg);
    assert!(marks.contains(&Some(buf[(x, y)].bg)));
    press(&mut app, "n");
    let status = text(&render(&app)).lines().last().unwrap().to_string();
    assert!(status.contains("2/"), "{status}");
}

#[test]
fn search_matches_across_wrapped_lines() {
    let mut app = app("assets/library/harbour-thaw.txt", 40, 20);
    // "shared channel" is split over two lines at this width in the standfirst.
    press(&mut app, "/");
    press(&mut app, "dredging of the shared channel");
    key(&mut app, KeyCode::Enter);
    let s = app.reader.as_ref().unwrap().search.as_ref().unwrap();
    assert_eq!(s.matches.len(), 1);
    assert_eq!(s.current, Some(0));
}

#[test]
fn help_overlay_lists_the_key_map() {
    let mut app = app("assets/library/harbour-thaw.txt", 80, 40);
    press(&mut app, "?");
    let screen = text(&render(&app));
    insta::assert_snapshot!("help", screen);
    assert!(screen.contains("next footnote reference"));
    press(&mut app, "?");
    assert!(!text(&render(&app)).contains("next footnote reference"));
}

#[test]
fn resize_keeps_the_same_sentence_on_top() {
    let mut app = app("assets/library/long-river.txt", 100, 30);
    press(&mut app, "   ");
    let r = app.reader.as_ref().unwrap();
    let anchor = r.layout.anchor(r.top);
    let top_before = text(&render(&app))
        .lines()
        .next()
        .unwrap()
        .trim()
        .to_string();
    app.resize(50, 20);
    let r = app.reader.as_ref().unwrap();
    let line = r.layout.line(r.top).unwrap();
    assert!(
        line.start <= anchor.offset && anchor.offset <= line.end,
        "anchor still on the top line"
    );
    let first_word = top_before.split_whitespace().next().unwrap();
    let top_after = text(&render(&app)).lines().next().unwrap().to_string();
    assert!(
        top_after.contains(first_word),
        "{top_before:?} vs {top_after:?}"
    );
    insta::assert_snapshot!("long_river_resized", text(&render(&app)));
}

#[test]
fn tiny_terminals_never_panic() {
    for w in 1..45 {
        for h in 1..14 {
            let mut app = app("assets/library/ink-and-brush.txt", w, h);
            press(&mut app, "G");
            let screen = text(&render(&app));
            if (9..20).contains(&w) && h >= 1 || (w >= 9 && h < 5) {
                assert!(screen.contains("small"), "{w}x{h}: {screen}");
            }
        }
    }
}

#[test]
fn measure_changes_live_within_range() {
    let mut app = app("assets/library/harbour-thaw.txt", 200, 30);
    for _ in 0..30 {
        press(&mut app, "+");
    }
    assert_eq!(app.reader.as_ref().unwrap().measure, 120);
    for _ in 0..40 {
        press(&mut app, "-");
    }
    assert_eq!(app.reader.as_ref().unwrap().layout.style.width, 30);
}

#[test]
fn percent_and_paragraph_motions() {
    let mut app = app("assets/library/long-river.txt", 80, 24);
    press(&mut app, "50%");
    let pct = app.reader.as_ref().unwrap().percent();
    assert!((48..=52).contains(&pct), "{pct}");
    let before = app.reader.as_ref().unwrap().top;
    press(&mut app, "}");
    let after = app.reader.as_ref().unwrap().top;
    assert!(after.part == before.part + 1 && after.line == 0);
    press(&mut app, "G");
    assert_eq!(app.reader.as_ref().unwrap().percent(), 100);
    press(&mut app, "g");
    assert_eq!(app.reader.as_ref().unwrap().percent(), 0);
}

#[test]
fn footnote_popup_opens_below_its_reference_without_moving_the_page() {
    let mut app = app("assets/library/harbour-thaw.txt", 100, 40);
    press(&mut app, "f");
    let top = app.reader.as_ref().unwrap().top;
    let before = render(&app);
    let (_, ref_row) = find(&before, "strait.¹").unwrap();
    key(&mut app, KeyCode::Enter);
    let buf = render(&app);
    let (_, title_row) = find(&buf, "Note 1 of 2").expect("pop-up title");
    assert_eq!(
        title_row,
        ref_row + 1,
        "the pop-up sits just below the reference"
    );
    let screen = text(&buf);
    assert!(screen.contains("The 2009 Accord was negotiated"));
    assert!(screen.contains("Referred to 2 times"));
    assert!(
        find(&buf, "(Coastline Wire, June 24, 2009)")
            .is_some_and(|(x, y)| buf[(x + 1, y)].modifier.contains(Modifier::UNDERLINED))
    );
    key(&mut app, KeyCode::Esc);
    assert!(app.popups.is_empty());
    assert_eq!(
        app.reader.as_ref().unwrap().top,
        top,
        "the page did not move"
    );
    assert_eq!(text(&render(&app)), text(&before));
}

#[test]
fn popup_goes_above_when_there_is_no_room_below() {
    let mut app = app("assets/library/harbour-thaw.txt", 100, 30);
    // Scroll so the first reference sits near the bottom of the screen.
    press(&mut app, "f");
    let r = app.reader.as_ref().unwrap();
    let spot_line = r.locate_spot(r.focus.unwrap());
    let top = r.layout.step(spot_line, -26);
    app.reader.as_mut().unwrap().top = top;
    let (_, ref_row) = find(&render(&app), "strait.¹").unwrap();
    assert!(ref_row > 20);
    key(&mut app, KeyCode::Enter);
    let buf = render(&app);
    let (title_x, title_row) =
        find(&buf, "Note 1 of 2").unwrap_or_else(|| panic!("{}", text(&buf)));
    assert!(title_row < ref_row);
    let bottom_border = (title_row..ref_row)
        .find(|&y| buf[(title_x - 2, y)].symbol() == "└")
        .unwrap();
    assert_eq!(
        bottom_border + 1,
        ref_row,
        "the pop-up ends just above the reference"
    );
}

#[test]
fn notes_popup_navigation_and_jump_list() {
    let mut app = app("assets/library/harbour-thaw.txt", 100, 30);
    press(&mut app, "f");
    let top = app.reader.as_ref().unwrap().top;
    key(&mut app, KeyCode::Enter);
    press(&mut app, "n");
    assert!(text(&render(&app)).contains("Note 2 of 2"));
    press(&mut app, "p");
    assert!(text(&render(&app)).contains("Note 1 of 2"));
    key(&mut app, KeyCode::Enter);
    assert!(app.popups.is_empty());
    let screen = text(&render(&app));
    assert!(
        screen.contains("1. The 2009 Accord was negotiated"),
        "jumped to the Notes section"
    );
    key(&mut app, KeyCode::Backspace);
    assert_eq!(app.reader.as_ref().unwrap().top, top, "Backspace returns");
}

#[test]
fn visiting_each_place_that_refers_to_a_note() {
    let mut app = app("assets/library/harbour-thaw.txt", 100, 30);
    press(&mut app, "f");
    key(&mut app, KeyCode::Enter);
    press(&mut app, "2");
    assert!(app.popups.is_empty());
    let r = app.reader.as_ref().unwrap();
    let spot = &r.spots[r.focus.unwrap()];
    let text = r.doc.text(r.doc.parts[spot.part]);
    assert!(
        text[..spot.range.start].ends_with("Accord,"),
        "focus is on the second reference"
    );
    app.key(KeyEvent::new(KeyCode::Char('o'), KeyModifiers::CONTROL));
}

#[test]
fn nested_popups_and_missing_notes() {
    let mut app = app("tests/fixtures/nested-notes.txt", 100, 40);
    press(&mut app, "f");
    key(&mut app, KeyCode::Enter);
    key(&mut app, KeyCode::Tab);
    key(&mut app, KeyCode::Enter);
    assert_eq!(app.popups.len(), 2);
    let screen = text(&render(&app));
    assert!(screen.contains("only reached from inside the first"));
    key(&mut app, KeyCode::Esc);
    assert_eq!(app.popups.len(), 1, "Esc closes one level");
    key(&mut app, KeyCode::Esc);
    press(&mut app, "f");
    key(&mut app, KeyCode::Enter);
    let screen = text(&render(&app));
    assert!(screen.contains("never gives its text"), "{screen}");
    key(&mut app, KeyCode::Esc);
    press(&mut app, "fff");
    assert_eq!(app.current_message(), Some("no more footnotes"));
}

/// The boxes on screen, as (left, top, right, bottom), found from their top-left corners.
fn boxes(buf: &ratatui::buffer::Buffer) -> Vec<(u16, u16, u16, u16)> {
    let area = buf.area;
    let mut out = Vec::new();
    for y in 0..area.height {
        for x in 0..area.width {
            if buf[(x, y)].symbol() != "┌" {
                continue;
            }
            let right = (x..area.width).find(|&r| buf[(r, y)].symbol() == "┐");
            let bottom = (y..area.height).find(|&b| buf[(x, b)].symbol() == "└");
            if let (Some(r), Some(b)) = (right, bottom) {
                out.push((x, y, r, b));
            }
        }
    }
    out
}

#[test]
fn a_note_inside_a_note_stays_inside_its_frame_at_every_size() {
    for (w, h) in [(100, 40), (80, 24), (60, 20), (40, 14), (30, 10)] {
        let mut app = app("tests/fixtures/nested-notes.txt", w, h);
        press(&mut app, "f");
        key(&mut app, KeyCode::Enter);
        key(&mut app, KeyCode::Tab);
        key(&mut app, KeyCode::Enter);
        assert_eq!(app.popups.len(), 2, "{w}x{h}");
        let buf = render(&app);
        let found = boxes(&buf);
        let [outer, inner] = found[..] else {
            panic!(
                "{w}x{h}: two frames expected, found {found:?}\n{}",
                text(&buf)
            );
        };
        assert!(
            inner.0 > outer.0 && inner.1 > outer.1 && inner.2 < outer.2 && inner.3 < outer.3,
            "{w}x{h}: inner {inner:?} is not inside outer {outer:?}\n{}",
            text(&buf)
        );
        // Narrower than its parent, the inner note still shows all its words, scrolled.
        let mut seen = String::new();
        for _ in 0..20 {
            seen.push_str(&text(&render(&app)));
            press(&mut app, "j");
        }
        for word in "The second note is only reached from inside the first one.".split(' ') {
            assert!(seen.contains(word), "{w}x{h}: {word} never shown");
        }
    }
}

#[test]
fn citation_popup_lists_the_same_source_and_jumps() {
    let mut app = app("tests/fixtures/nested-notes.txt", 100, 40);
    press(&mut app, "c");
    key(&mut app, KeyCode::Enter);
    let screen = text(&render(&app));
    assert!(screen.contains("Source: Evening Post [Lagos]"), "{screen}");
    assert!(screen.contains("Also cited 1 more time"));
    key(&mut app, KeyCode::Enter);
    let r = app.reader.as_ref().unwrap();
    let c = &r.article().citations;
    let focused = r.focus.map(|f| r.spots[f].target);
    assert_eq!(
        focused,
        Some(lectern::layout::Target::Citation(
            c.iter().position(|c| c.source == "Evening Post").unwrap()
        ))
    );
    key(&mut app, KeyCode::Backspace);
}

#[test]
fn sources_panel_groups_and_counts() {
    let a = parse::load(&fixture("assets/library/harbour-thaw.txt")).unwrap();
    let groups: Vec<(String, usize)> = sources::groups(&a)
        .into_iter()
        .map(|g| (g.name, g.citations.len()))
        .collect();
    assert_eq!(
        groups,
        vec![
            ("Coastline Wire".to_string(), 3),
            ("Harbour Daily".to_string(), 3),
            ("Evening Post".to_string(), 2),
            ("Morning Ledger".to_string(), 2),
            ("Delta Review".to_string(), 1),
            ("Norvane Today".to_string(), 1),
            ("Petra Holmqvist".to_string(), 1),
            ("Saltmere Courier".to_string(), 1),
        ]
    );
    let mut app = app("assets/library/harbour-thaw.txt", 100, 30);
    press(&mut app, "s");
    assert!(matches!(app.popups.last(), Some(Popup::Sources(_))));
    press(&mut app, "post");
    let screen = text(&render(&app));
    assert!(
        screen.contains("2  Evening Post") && !screen.contains("Harbour Daily"),
        "{screen}"
    );
    key(&mut app, KeyCode::Enter);
    assert_eq!(
        app.current_message()
            .map(|m| m.starts_with("Evening Post [Brennhaven]: 1 of 2")),
        Some(true),
        "{:?}",
        app.current_message()
    );
    press(&mut app, "c");
    assert!(app.current_message().unwrap().contains("2 of 2"));
    press(&mut app, "c");
    assert_eq!(app.current_message(), Some("no more citations"));
    key(&mut app, KeyCode::Esc);
    assert!(app.reader.as_ref().unwrap().source_filter.is_none());
}

#[test]
fn mouse_click_on_a_citation_opens_it() {
    let mut app = app("assets/library/harbour-thaw.txt", 100, 40);
    press(&mut app, "j");
    let buf = render(&app);
    let (x, y) = find(&buf, "(Coastline Wire,").unwrap();
    app.mouse(MouseEvent {
        kind: MouseEventKind::Down(MouseButton::Left),
        column: x + 3,
        row: y,
        modifiers: KeyModifiers::NONE,
    });
    assert!(matches!(app.popups.last(), Some(Popup::Citation(_))));
}

#[test]
fn hostile_text_never_reaches_the_screen() {
    let dir = std::env::temp_dir().join(format!("lectern-hostile-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("hostile.txt");
    let body = "A hostile headline\n\nby Eve Mallory\n\nThe text tries \u{1b}]52;c;SGVsbG8=\u{07} to set the clipboard, \u{1b}[2J clear the screen, \u{9b}31m colour it, hide a \0 NUL and flip \u{202e}the direction.\n";
    std::fs::write(&path, body).unwrap();
    let article = parse::load(&path).unwrap();
    let app = App::with_article(article, path, (80, 24));
    let buf = render(&app);
    for cell in buf.content() {
        for c in cell.symbol().chars() {
            assert!(
                !c.is_control() && !('\u{202a}'..='\u{202e}').contains(&c),
                "{c:?} reached the screen"
            );
        }
    }
    assert!(text(&buf).contains("␛]52;c;SGVsbG8=␇"));
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn a_long_article_is_swapped_for_its_full_parse_in_place() {
    let path = fixture("assets/library/long-river.txt");
    let quick = parse::load_start(&path, 0, 8 * 1024).expect("long enough for a quick first part");
    let whole = parse::load(&path).unwrap();
    assert!(quick.blocks.len() < whole.blocks.len());
    assert_eq!(quick.meta.title, whole.meta.title);
    let mut app = App::with_article(quick, path, (80, 24));
    press(&mut app, "jjjjj");
    let before = text(&render(&app));
    app.reader.as_mut().unwrap().replace_article(whole);
    assert_eq!(
        text(&render(&app)).lines().next(),
        before.lines().next(),
        "same line on top"
    );
    press(&mut app, "G");
    assert!(
        text(&render(&app)).contains("Related"),
        "the end of the full article is there"
    );
}

#[test]
fn the_beginning_of_a_long_article_looks_as_it_will_once_read_whole() {
    // Notes are defined at the end, which the quick first part has not read: their
    // references must not be shown as missing and then change once the whole arrives.
    let path = fixture("assets/library/long-river.txt");
    let quick = parse::load_start(&path, 0, 8 * 1024).expect("long enough for a quick first part");
    let whole = parse::load(&path).unwrap();
    let screens = [quick, whole].map(|article| {
        let mut app = App::with_article(article, path.clone(), (100, 30));
        press(&mut app, "jjjjjjjjjjjjjjjjjjjj");
        let buf = render(&app);
        // Everything but the status line, whose page count grows with the article.
        let rows = buf.area.height - 1;
        (0..rows)
            .flat_map(|y| (0..buf.area.width).map(move |x| (x, y)))
            .map(|xy| (buf[xy].symbol().to_string(), buf[xy].style()))
            .collect::<Vec<_>>()
    });
    let shown: String = screens[1].iter().map(|(s, _)| s.as_str()).collect();
    assert!(
        shown.contains('¹'),
        "the first note's reference is on screen"
    );
    assert!(
        screens[0] == screens[1],
        "the quick first part looks different"
    );

    let quick = parse::load_start(&path, 0, 8 * 1024).unwrap();
    let mut app = App::with_article(quick, path, (100, 30));
    press(&mut app, "f");
    key(&mut app, KeyCode::Enter);
    let screen = text(&render(&app));
    assert!(
        screen.contains("Note [1] is further on; still reading."),
        "{screen}"
    );
    key(&mut app, KeyCode::Enter);
    let screen = text(&render(&app));
    assert!(screen.contains("still reading the article"), "{screen}");
}

#[test]
fn outline_lists_sections_and_the_status_line_names_the_current_one() {
    let mut app = app("assets/library/harbour-thaw.txt", 100, 30);
    press(&mut app, "o");
    let screen = text(&render(&app));
    assert!(
        screen.contains("Outline") && screen.contains("Notes") && screen.contains("Related"),
        "{screen}"
    );
    key(&mut app, KeyCode::Enter);
    let screen = text(&render(&app));
    assert!(
        screen.lines().next().unwrap().contains("────"),
        "the Notes rule is on top: {screen}"
    );
    assert!(
        screen.lines().last().unwrap().contains("› Notes"),
        "{screen}"
    );
    key(&mut app, KeyCode::Backspace);
    assert_eq!(app.reader.as_ref().unwrap().percent(), 0);
}

#[test]
fn links_are_tab_targets_with_an_address_popup_that_copies_only_when_asked() {
    let mut app = app("tests/fixtures/formats/tide-gauges.md", 100, 40);
    let r = app.reader.as_ref().unwrap();
    let first_link = r
        .spots
        .iter()
        .position(|s| s.target == lectern::layout::Target::Link)
        .expect("a link");
    let tabs = r.spots[..=first_link].len();
    let mut effect = None;
    for _ in 0..tabs {
        effect = app.key(KeyEvent::new(KeyCode::Tab, KeyModifiers::NONE));
    }
    assert_eq!(effect, None);
    key(&mut app, KeyCode::Enter);
    assert!(
        matches!(app.popups.last(), Some(Popup::Link(l)) if l.url == "https://example.org/tides/pennock")
    );
    assert!(text(&render(&app)).contains("https://example.org/tides/pennock"));
    let copied = app.key(KeyEvent::new(KeyCode::Char('y'), KeyModifiers::NONE));
    assert_eq!(
        copied,
        Some(lectern::tui::app::Effect::Copy(
            "https://example.org/tides/pennock".into()
        ))
    );
    assert!(app.popups.is_empty());
}

#[test]
fn an_author_year_citation_opens_its_full_reference() {
    let mut app = app("assets/library/commons-essay.txt", 100, 40);
    press(&mut app, "c");
    key(&mut app, KeyCode::Enter);
    let screen = text(&render(&app));
    assert!(screen.contains("Source: Helga Brandvold"), "{screen}");
    assert!(screen.contains("Full reference, in note 1:"), "{screen}");
    assert!(
        screen.contains("Owners, Stewards and Strangers"),
        "{screen}"
    );
    assert!(screen.contains("Also cited 2 more times"), "{screen}");
}

#[test]
fn the_sources_panel_lists_one_work_under_one_name() {
    let a = parse::load(&fixture("assets/library/commons-essay.txt")).unwrap();
    let groups: Vec<(String, usize)> = sources::groups(&a)
        .into_iter()
        .map(|g| (g.name, g.citations.len()))
        .collect();
    for (name, count) in [
        ("Helga Brandvold", 3),
        ("Joseph Mwangi and Ruth Holt", 2),
        ("Keiko Nakamura", 3),
        ("Adewale Oyelowo", 2),
    ] {
        assert!(groups.contains(&(name.to_string(), count)), "{groups:?}");
    }
    for apart in ["Brandvold", "Mwangi and Holt", "Nakamura", "Oyelowo"] {
        assert!(groups.iter().all(|(n, _)| n != apart), "{groups:?}");
    }
}

#[test]
fn a_page_of_marked_references_lists_its_sources() {
    let mut app = app("tests/fixtures/citations/wiki-tide-mill.html", 100, 40);
    press(&mut app, "s");
    let screen = text(&render(&app));
    assert!(!screen.contains("cites no sources"), "{screen}");
    // The works under Sources are the entries the short notes join, named in full, and
    // not citations of their own: Pryce is cited in three notes, Hale and Orme in one.
    assert!(screen.contains("3  Margaret Pryce"), "{screen}");
    assert!(
        screen.contains("1  Rosemary Hale and David Orme"),
        "{screen}"
    );
}
