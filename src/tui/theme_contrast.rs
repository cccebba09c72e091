//! Every theme's text is readable: WCAG contrast of at least 4.5:1 between each colour a
//! theme draws text in and each background it can stand on.

use super::*;
use crate::layout::Look;
use crate::tui::palette::{nearest_256, rgb_of_index};

/// An sRGB colour.
type Rgb = (u8, u8, u8);

/// WCAG 2 relative luminance of an sRGB colour.
fn luminance((r, g, b): Rgb) -> f64 {
    let lin = |c: u8| {
        let c = f64::from(c) / 255.0;
        if c <= 0.04045 {
            c / 12.92
        } else {
            ((c + 0.055) / 1.055).powf(2.4)
        }
    };
    0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b)
}

fn contrast(a: Rgb, b: Rgb) -> f64 {
    let (la, lb) = (luminance(a), luminance(b));
    (la.max(lb) + 0.05) / (la.min(lb) + 0.05)
}

fn rgb_of(c: Color) -> Rgb {
    match c {
        Color::Rgb(r, g, b) => (r, g, b),
        other => panic!("{other:?} is not an exact colour: its shade is the terminal's"),
    }
}

/// The terminal's own backgrounds a theme is meant for, and its default text colour.
fn surroundings(theme: Theme) -> (Vec<Rgb>, Rgb) {
    if theme.light {
        (
            vec![(0xff, 0xff, 0xff), (0xee, 0xee, 0xee)],
            (0x1c, 0x1c, 0x1c),
        )
    } else {
        (vec![(0, 0, 0), (0x1c, 0x1c, 0x1c)], (0xd0, 0xd0, 0xd0))
    }
}

/// Every look the reader draws text in: each role alone and with each flag.
fn looks() -> Vec<Look> {
    let roles = [
        Role::Body,
        Role::Title,
        Role::Byline,
        Role::Meta,
        Role::Summary,
        Role::Heading(1),
        Role::Heading(2),
        Role::Heading(3),
        Role::Quote,
        Role::Caption,
        Role::Code,
        Role::ListMarker,
        Role::Rule,
        Role::Section,
        Role::NoteLabel,
        Role::Note,
        Role::Related,
        Role::TableBorder,
    ];
    let mut out = Vec::new();
    for role in roles {
        for bit in 0..=10 {
            let flags = if bit == 10 { 0 } else { 1 << bit };
            out.push(Look {
                role,
                flags,
                ..Look::default()
            });
        }
    }
    out
}

fn themes() -> [Theme; 2] {
    [
        Theme {
            mono: false,
            light: false,
        },
        Theme {
            mono: false,
            light: true,
        },
    ]
}

/// Each (text style, what it stands on) pair a theme can put on screen.
fn pairs(t: Theme) -> Vec<(String, Style, Style)> {
    let plain = Style::default();
    let mut out = Vec::new();
    for look in looks() {
        let s = t.look(look);
        out.push((format!("{look:?}"), s, plain));
        out.push((format!("{look:?} in a highlight"), s, t.highlight()));
    }
    for (name, s) in [
        ("dim", t.dim()),
        ("border", t.border()),
        ("note marker", t.note_marker()),
    ] {
        out.push((name.into(), s, plain));
    }
    out.push(("status line".into(), t.status(), t.status()));
    out.push(("dim on the status line".into(), t.dim(), t.status()));
    for current in [false, true] {
        let m = t.search_match(current);
        out.push((format!("search match (current: {current})"), m, m));
    }
    out
}

#[test]
fn every_text_colour_of_every_theme_has_contrast_4_5_on_its_backgrounds() {
    let mut failures = Vec::new();
    for t in themes() {
        let (grounds, text) = surroundings(t);
        for (name, style, under) in pairs(t) {
            let fg = style.fg.map_or(text, rgb_of);
            let backs = match style.bg.or(under.bg) {
                Some(bg) => vec![rgb_of(bg)],
                None => grounds.clone(),
            };
            for bg in backs {
                let ratio = contrast(fg, bg);
                if ratio < 4.5 {
                    failures.push(format!(
                        "light={}: {name}: {fg:02x?} on {bg:02x?} is {ratio:.2}:1",
                        t.light
                    ));
                }
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn every_colour_is_exact_in_the_256_colour_palette() {
    for t in themes() {
        for (name, style, _) in pairs(t) {
            for c in [style.fg, style.bg].into_iter().flatten() {
                let (r, g, b) = rgb_of(c);
                assert_eq!(
                    rgb_of_index(nearest_256(r, g, b)),
                    (r, g, b),
                    "{name}: {c:?} would change on a 256-colour terminal"
                );
            }
        }
    }
}

#[test]
fn mono_draws_no_colour_at_all() {
    let t = Theme {
        mono: true,
        light: false,
    };
    for (name, style, _) in pairs(t) {
        assert_eq!((style.fg, style.bg), (None, None), "{name}");
    }
}

#[test]
fn the_light_themes_date_line_is_dark_enough() {
    let t = Theme {
        mono: false,
        light: true,
    };
    let meta = t.look(Look {
        role: Role::Meta,
        ..Look::default()
    });
    assert!(contrast(rgb_of(meta.fg.unwrap()), (0xff, 0xff, 0xff)) >= 4.5);
}

#[test]
fn colorfgbg_says_light_for_a_light_background_only() {
    assert_eq!(colorfgbg_is_light(Some("0;15")), Some(true));
    assert_eq!(colorfgbg_is_light(Some("0;default;7")), Some(true));
    assert_eq!(colorfgbg_is_light(Some("15;0")), Some(false));
    assert_eq!(colorfgbg_is_light(Some("15;default")), None);
    assert_eq!(colorfgbg_is_light(None), None);
}

#[test]
fn auto_follows_the_terminals_answer_before_colorfgbg() {
    use crate::config::ThemeChoice;
    if no_color() {
        return;
    }
    assert!(Theme::from_choice(ThemeChoice::Auto, Some(true)).light);
    assert!(!Theme::from_choice(ThemeChoice::Auto, Some(false)).light);
    assert!(!Theme::from_choice(ThemeChoice::Dark, Some(true)).light);
}
