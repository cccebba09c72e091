//! Colours and attributes for each kind of text; `mono` keeps every highlight
//! distinguishable without colour (NO_COLOR).

use crate::layout::{Look, Role, flags};
use ratatui::style::{Color, Modifier, Style};

/// How the reader paints text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Theme {
    /// No colours at all: attributes only.
    pub mono: bool,
    /// Colours chosen for a light background.
    pub light: bool,
}

/// The colours of one theme. Each is exact in the 256-colour palette (the cube or the grey
/// ramp), so the contrast measured for true colour is the contrast a 256-colour terminal
/// shows; and none is one of the 16 basic colours, whose shades each terminal's palette
/// picks (Solarized's "bright black" is its background).
struct Palette {
    /// Bylines, quotations, captions.
    soft: Color,
    /// The date line, list markers, rules, hints and counts.
    dim: Color,
    /// Headings and links.
    accent: Color,
    code: Color,
    /// Note labels and references, and the marker of a noted highlight.
    note: Color,
    citation: Color,
    missing: Color,
    quotation: Color,
    status_bg: Color,
    status_fg: Color,
    match_bg: Color,
    current_bg: Color,
    highlight_bg: Color,
}

const fn rgb(v: u32) -> Color {
    Color::Rgb((v >> 16) as u8, (v >> 8) as u8, v as u8)
}

/// For a dark background; every text colour is at least 4.5:1 on black, on #1c1c1c and
/// on the highlight's navy (the test below measures them).
const DARK: Palette = Palette {
    soft: rgb(0xbcbcbc),
    dim: rgb(0x9e9e9e),
    accent: rgb(0x87afff),
    code: rgb(0x87d787),
    note: rgb(0xd7af00),
    citation: rgb(0x5fd7d7),
    missing: rgb(0xff8787),
    quotation: rgb(0xd7d7af),
    status_bg: rgb(0x303030),
    status_fg: rgb(0xc6c6c6),
    match_bg: rgb(0xd7d700),
    current_bg: rgb(0xff87ff),
    highlight_bg: rgb(0x00005f),
};

/// For a light background; every text colour is at least 4.5:1 on white, on #eeeeee and
/// on the highlight's pale yellow.
const LIGHT: Palette = Palette {
    soft: rgb(0x4e4e4e),
    dim: rgb(0x626262),
    accent: rgb(0x005faf),
    code: rgb(0x005f00),
    note: rgb(0x875f00),
    citation: rgb(0x005f87),
    missing: rgb(0xaf0000),
    quotation: rgb(0x5f5f00),
    status_bg: rgb(0xe4e4e4),
    status_fg: rgb(0x000000),
    match_bg: rgb(0xffd700),
    current_bg: rgb(0xff87ff),
    highlight_bg: rgb(0xffffaf),
};

/// What `COLORFGBG` (set by rxvt, Konsole and others) says of the background, if set.
fn colorfgbg_is_light(value: Option<&str>) -> Option<bool> {
    let bg = value?.rsplit(';').next()?.parse::<u8>().ok()?;
    Some(bg == 7 || bg >= 9)
}

/// Asks the terminal for its background colour (OSC 11) and says whether it is light;
/// `None` when the terminal does not say. A terminal that cannot answer is told apart
/// by its answer to a device-attributes query sent after, so the time-out is only
/// waited out when nothing answers at all.
pub fn ask_terminal() -> Option<bool> {
    let mut options = terminal_colorsaurus::QueryOptions::default();
    options.timeout = std::time::Duration::from_millis(150);
    terminal_colorsaurus::theme_mode(options)
        .ok()
        .map(|mode| mode == terminal_colorsaurus::ThemeMode::Light)
}

/// Whether `theme` wants the terminal asked for its background.
pub fn wants_asking(theme: crate::config::ThemeChoice) -> bool {
    theme == crate::config::ThemeChoice::Auto && !no_color()
}

fn no_color() -> bool {
    std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty())
}

impl Theme {
    /// The theme for this environment: mono when `NO_COLOR` is set (to anything non-empty).
    pub fn from_env() -> Self {
        Theme::from_choice(crate::config::ThemeChoice::Auto, None)
    }

    /// The theme the settings ask for; `NO_COLOR` always wins. `auto` follows what the
    /// terminal said of its background (`asked`), else `COLORFGBG` ("15;0" is light on
    /// dark), else takes the dark theme.
    pub fn from_choice(choice: crate::config::ThemeChoice, asked: Option<bool>) -> Self {
        use crate::config::ThemeChoice;
        if no_color() {
            return Theme {
                mono: true,
                light: false,
            };
        }
        match choice {
            ThemeChoice::Mono => Theme {
                mono: true,
                light: false,
            },
            ThemeChoice::Dark => Theme {
                mono: false,
                light: false,
            },
            ThemeChoice::Light => Theme {
                mono: false,
                light: true,
            },
            ThemeChoice::Auto => Theme {
                mono: false,
                light: asked
                    .or_else(|| colorfgbg_is_light(std::env::var("COLORFGBG").ok().as_deref()))
                    .unwrap_or(false),
            },
        }
    }

    fn palette(&self) -> &'static Palette {
        if self.light { &LIGHT } else { &DARK }
    }

    fn fg(&self, style: Style, pick: fn(&Palette) -> Color) -> Style {
        if self.mono {
            style
        } else {
            style.fg(pick(self.palette()))
        }
    }

    /// The style for a span's look.
    pub fn look(&self, look: Look) -> Style {
        let s = Style::default();
        let mut s = match look.role {
            Role::Title => s.add_modifier(Modifier::BOLD),
            Role::Byline => self.fg(s.add_modifier(Modifier::ITALIC), |p| p.soft),
            Role::Meta => self.dim(),
            Role::Summary => s.add_modifier(Modifier::ITALIC),
            Role::Heading(1 | 2) => self.fg(s.add_modifier(Modifier::BOLD), |p| p.accent),
            Role::Heading(_) => s.add_modifier(Modifier::BOLD),
            Role::Quote => self.fg(s, |p| p.soft),
            Role::Caption => self.fg(s.add_modifier(Modifier::ITALIC), |p| p.soft),
            Role::Code => self.fg(s, |p| p.code),
            Role::ListMarker | Role::Rule | Role::TableBorder => self.fg(s, |p| p.dim),
            Role::Section => s.add_modifier(Modifier::BOLD),
            Role::NoteLabel => self.fg(s.add_modifier(Modifier::BOLD), |p| p.note),
            Role::Note | Role::Related | Role::Body => s,
        };
        let f = look.flags;
        if f & flags::EMPH != 0 {
            s = s.add_modifier(Modifier::ITALIC);
        }
        if f & flags::STRONG != 0 || f & flags::DATELINE != 0 {
            s = s.add_modifier(Modifier::BOLD);
        }
        if f & flags::CODE != 0 {
            s = self.fg(s, |p| p.code);
        }
        if f & flags::STRIKE != 0 {
            s = s.add_modifier(Modifier::CROSSED_OUT);
        }
        if f & flags::QUOTATION != 0 {
            s = self.fg(s, |p| p.quotation);
        }
        if f & flags::LINK != 0 {
            s = self.fg(s.add_modifier(Modifier::UNDERLINED), |p| p.accent);
        }
        if f & flags::CITATION != 0 {
            s = self.fg(s.add_modifier(Modifier::UNDERLINED), |p| p.citation);
        }
        if f & flags::NOTE_REF != 0 {
            s = self.fg(s.add_modifier(Modifier::BOLD), |p| p.note);
        }
        if f & flags::NOTE_MISSING != 0 {
            s = self.fg(s.add_modifier(Modifier::CROSSED_OUT), |p| p.missing);
        }
        s
    }

    /// A search match.
    pub fn search_match(&self, current: bool) -> Style {
        match (self.mono, current) {
            (true, false) => Style::default().add_modifier(Modifier::REVERSED),
            (true, true) => Style::default()
                .add_modifier(Modifier::REVERSED | Modifier::BOLD | Modifier::UNDERLINED),
            (false, false) => Style::default()
                .bg(self.palette().match_bg)
                .fg(Color::Rgb(0, 0, 0)),
            (false, true) => Style::default()
                .bg(self.palette().current_bg)
                .fg(Color::Rgb(0, 0, 0)),
        }
    }

    /// A saved highlight: a background colour, or an underline without colour.
    pub fn highlight(&self) -> Style {
        if self.mono {
            Style::default().add_modifier(Modifier::UNDERLINED)
        } else {
            Style::default().bg(self.palette().highlight_bg)
        }
    }

    /// The marker after a highlight with a note, and the note itself.
    pub fn note_marker(&self) -> Style {
        self.fg(Style::default(), |p| p.note)
    }

    /// Text being selected.
    pub fn selection(&self) -> Style {
        Style::default().add_modifier(Modifier::REVERSED)
    }

    /// The focused note reference or citation.
    pub fn focus(&self) -> Style {
        Style::default().add_modifier(Modifier::REVERSED | Modifier::BOLD)
    }

    /// The status line.
    pub fn status(&self) -> Style {
        if self.mono {
            Style::default().add_modifier(Modifier::REVERSED)
        } else {
            let p = self.palette();
            Style::default().bg(p.status_bg).fg(p.status_fg)
        }
    }

    /// Borders of pop-ups.
    pub fn border(&self) -> Style {
        self.fg(Style::default(), |p| p.citation)
    }

    /// Dim secondary text (hints, counts).
    pub fn dim(&self) -> Style {
        if self.mono {
            Style::default().add_modifier(Modifier::DIM)
        } else {
            self.fg(Style::default(), |p| p.dim)
        }
    }
}

#[cfg(test)]
#[path = "theme_contrast.rs"]
mod contrast;
