//! The app on ratatui's TestBackend: open a fixture, press keys, draw, read the screen.

use lectern::parse;
use lectern::tui::app::App;
use lectern::tui::theme::Theme;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use std::path::{Path, PathBuf};

/// A path in the repository.
pub fn fixture(rel: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(rel)
}

/// The reader on a fixture at `w`×`h`, in colour on a dark background.
pub fn app(rel: &str, w: u16, h: u16) -> App {
    let path = fixture(rel);
    let article = parse::load(&path).expect("fixture parses");
    let mut app = App::with_article(article, path, (w, h));
    app.theme = Theme {
        mono: false,
        light: false,
    };
    app
}

/// The whole screen drawn once.
pub fn render(app: &App) -> Buffer {
    let (w, h) = app.size;
    let mut term = Terminal::new(TestBackend::new(w, h)).unwrap();
    term.draw(|f| lectern::tui::draw::draw(app, f)).unwrap();
    term.backend().buffer().clone()
}

/// A buffer's text, each row with its trailing spaces cut.
pub fn text(buf: &Buffer) -> String {
    let mut out = String::new();
    for y in 0..buf.area.height {
        let mut line = String::new();
        for x in 0..buf.area.width {
            line.push_str(buf[(x, y)].symbol());
        }
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out
}

/// The screen's text now.
pub fn screen(app: &App) -> String {
    text(&render(app))
}

/// `text` with each time a list shows (`2026-12-01 21:16`) written `YYYY-MM-DD hh:mm`,
/// for snapshots of what was made while the test ran.
pub fn timeless(text: &str) -> String {
    const SHAPE: &[u8] = b"dddd-dd-dd dd:dd";
    let b = text.as_bytes();
    let mut out = String::new();
    let mut i = 0;
    while i < b.len() {
        let fits = b.len() - i >= SHAPE.len()
            && SHAPE.iter().zip(&b[i..]).all(|(s, c)| match s {
                b'd' => c.is_ascii_digit(),
                s => s == c,
            });
        if fits {
            out.push_str("YYYY-MM-DD hh:mm");
            i += SHAPE.len();
        } else {
            let ch = text[i..].chars().next().unwrap();
            out.push(ch);
            i += ch.len_utf8();
        }
    }
    out
}

/// Types each character as a key.
pub fn press(app: &mut App, keys: &str) {
    for c in keys.chars() {
        app.key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE));
    }
}

/// Types each character as a key as the event loop hands it on (`waiting::key`, which
/// holds keys back while a long article or a library's list is still coming); `\n` is
/// Enter.
pub fn send(app: &mut App, keys: &str) {
    for c in keys.chars() {
        let code = match c {
            '\n' => KeyCode::Enter,
            c => KeyCode::Char(c),
        };
        lectern::tui::waiting::key(app, KeyEvent::new(code, KeyModifiers::NONE));
    }
}

/// Presses one key.
pub fn key(app: &mut App, code: KeyCode) {
    app.key(KeyEvent::new(code, KeyModifiers::NONE));
}

/// (x, y) of the first cell where `needle` starts on screen.
pub fn find(buf: &Buffer, needle: &str) -> Option<(u16, u16)> {
    let first = needle.chars().next()?.to_string();
    for y in 0..buf.area.height {
        for x in 0..buf.area.width {
            if buf[(x, y)].symbol() == first {
                let mut s = String::new();
                let mut xx = x;
                while xx < buf.area.width && s.chars().count() < needle.chars().count() {
                    s.push_str(buf[(xx, y)].symbol());
                    xx += 1;
                }
                if s == needle {
                    return Some((x, y));
                }
            }
        }
    }
    None
}
