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

/// The darker counterpart of a colour, readable on a light background.
fn on_light(color: Color) -> Color {
    match color {
        Color::Yellow => Color::Rgb(0x8a, 0x5a, 0x00),
        Color::Cyan => Color::Blue,
        Color::LightBlue => Color::Blue,
        Color::LightGreen => Color::Green,
        Color::Gray => Color::DarkGray,
        Color::DarkGray => Color::Gray,
        other => other,
    }
}

/// What `COLORFGBG` (set by rxvt, Konsole and others) says of the background.
fn background_is_light() -> bool {
    std::env::var("COLORFGBG")
        .ok()
        .and_then(|v| v.rsplit(';').next().and_then(|bg| bg.parse::<u8>().ok()))
        .is_some_and(|bg| bg == 7 || bg >= 9)
}

impl Theme {
    /// The theme for this environment: mono when `NO_COLOR` is set (to anything non-empty).
    pub fn from_env() -> Self {
        Theme::from_choice(crate::config::ThemeChoice::Auto)
    }

    /// The theme the settings ask for; `NO_COLOR` always wins, and `auto` reads the
    /// terminal's background from `COLORFGBG` ("15;0" is light on dark) when it is set.
    pub fn from_choice(choice: crate::config::ThemeChoice) -> Self {
        use crate::config::ThemeChoice;
        if std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty()) {
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
                light: background_is_light(),
            },
        }
    }

    fn fg(&self, style: Style, color: Color) -> Style {
        if self.mono {
            style
        } else {
            style.fg(if self.light { on_light(color) } else { color })
        }
    }

    /// The style for a span's look.
    pub fn look(&self, look: Look) -> Style {
        let m = Modifier::empty();
        let mut s = Style::default();
        s = match look.role {
            Role::Title => s.add_modifier(m | Modifier::BOLD),
            Role::Byline => self.fg(s.add_modifier(Modifier::ITALIC), Color::Gray),
            Role::Meta => {
                self.fg(s, Color::DarkGray)
                    .add_modifier(if self.mono { Modifier::DIM } else { m })
            }
            Role::Summary => s.add_modifier(Modifier::ITALIC),
            Role::Heading(1 | 2) => self.fg(s.add_modifier(Modifier::BOLD), Color::LightBlue),
            Role::Heading(_) => s.add_modifier(Modifier::BOLD),
            Role::Quote => self.fg(s, Color::Gray),
            Role::Caption => self.fg(s.add_modifier(Modifier::ITALIC), Color::Gray),
            Role::Code => self.fg(s, Color::LightGreen),
            Role::ListMarker | Role::Rule | Role::TableBorder => self.fg(s, Color::DarkGray),
            Role::Section => s.add_modifier(Modifier::BOLD),
            Role::NoteLabel => self.fg(s.add_modifier(Modifier::BOLD), Color::Yellow),
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
            s = self.fg(s, Color::LightGreen);
        }
        if f & flags::STRIKE != 0 {
            s = s.add_modifier(Modifier::CROSSED_OUT);
        }
        if f & flags::QUOTATION != 0 && !self.mono {
            s = s.fg(if self.light {
                Color::Rgb(0x6b, 0x55, 0x2e)
            } else {
                Color::Rgb(0xd7, 0xc9, 0xaa)
            });
        }
        if f & flags::LINK != 0 {
            s = self.fg(s.add_modifier(Modifier::UNDERLINED), Color::LightBlue);
        }
        if f & flags::CITATION != 0 {
            s = self.fg(s.add_modifier(Modifier::UNDERLINED), Color::Cyan);
        }
        if f & flags::NOTE_REF != 0 {
            s = self.fg(s.add_modifier(Modifier::BOLD), Color::Yellow);
        }
        if f & flags::NOTE_MISSING != 0 {
            s = self.fg(s.add_modifier(Modifier::CROSSED_OUT), Color::Red);
        }
        s
    }

    /// A search match.
    pub fn search_match(&self, current: bool) -> Style {
        match (self.mono, current) {
            (true, false) => Style::default().add_modifier(Modifier::REVERSED),
            (true, true) => Style::default()
                .add_modifier(Modifier::REVERSED | Modifier::BOLD | Modifier::UNDERLINED),
            (false, false) => Style::default().bg(Color::Yellow).fg(Color::Black),
            (false, true) => Style::default().bg(Color::LightMagenta).fg(Color::Black),
        }
    }

    /// A saved highlight: a background colour, or an underline without colour.
    pub fn highlight(&self) -> Style {
        match (self.mono, self.light) {
            (true, _) => Style::default().add_modifier(Modifier::UNDERLINED),
            (false, false) => Style::default().bg(Color::Rgb(0x5f, 0x5f, 0x00)),
            (false, true) => Style::default().bg(Color::Rgb(0xff, 0xff, 0xaf)),
        }
    }

    /// The marker after a highlight with a note, and the note itself.
    pub fn note_marker(&self) -> Style {
        self.fg(Style::default(), Color::Yellow)
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
        } else if self.light {
            Style::default()
                .bg(Color::Rgb(0xe4, 0xe4, 0xe8))
                .fg(Color::Black)
        } else {
            Style::default()
                .bg(Color::Rgb(0x30, 0x30, 0x38))
                .fg(Color::Gray)
        }
    }

    /// Borders of pop-ups.
    pub fn border(&self) -> Style {
        self.fg(Style::default(), Color::Cyan)
    }

    /// Dim secondary text (hints, counts).
    pub fn dim(&self) -> Style {
        if self.mono {
            Style::default().add_modifier(Modifier::DIM)
        } else {
            Style::default().fg(Color::DarkGray)
        }
    }
}
