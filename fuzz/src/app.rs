//! The whole app driven by a stream of events: key presses, mouse events and resizes
//! against an `App` drawn on ratatui's `TestBackend`, with each bundled sample article or
//! the sample library. Nothing may panic, every frame must fit its screen and show nothing
//! that drives a terminal, and quitting must always work.
//!
//! Only the app's public entry points are used (construction, `waiting::key` as the event
//! loop calls it, `mouse`, `resize`, `draw`), so this is the one place to adapt when the
//! app's inside changes.

use lectern::article::Article;
use lectern::layout::width;
use lectern::samples::SAMPLES;
use lectern::store::Store;
use lectern::tui::app::App;
use lectern::tui::library::{LibraryView, Root};
use lectern::tui::theme::Theme;
use lectern::tui::{draw::draw, keys::READER_KEYS, waiting};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::crossterm::event::{
    KeyCode, KeyEvent, KeyModifiers, MouseButton, MouseEvent, MouseEventKind,
};
use ratatui::layout::Rect;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;
use std::sync::atomic::{AtomicU64, Ordering};

/// Bytes of a stream that are read. An event costs about 70 µs (a resize relayouts the
/// article, a frame can be 30,000 cells), so 1,024 of them held the target to about 15
/// streams a second; what a stream can reach (the library, an article, every prompt,
/// pop-up and screen size) takes far fewer, and a longer one only repeats it.
pub const MAX_STREAM: usize = 256;

/// The largest screen a resize asks for.
pub const MAX_SIZE: (u16, u16) = (300, 100);

/// Keys beyond the reader's own: what prompts, the search line, the library's filter and
/// the pop-ups read, and characters a terminal can deliver that must never reach it raw.
const MORE_KEYS: &[KeyCode] = &[
    KeyCode::Char('a'),
    KeyCode::Char('e'),
    KeyCode::Char('p'),
    KeyCode::Char('r'),
    KeyCode::Char('t'),
    KeyCode::Char('x'),
    KeyCode::Char('1'),
    KeyCode::Char('5'),
    KeyCode::Char('0'),
    KeyCode::Char('.'),
    KeyCode::Char('*'),
    KeyCode::Char('['),
    KeyCode::Char('('),
    KeyCode::Char('\\'),
    KeyCode::Char('é'),
    KeyCode::Char('中'),
    KeyCode::Char('😀'),
    KeyCode::Char('\u{301}'),
    KeyCode::Char('\u{200b}'),
    KeyCode::Char('\u{202e}'),
    KeyCode::Char('\u{85}'),
    KeyCode::Char('\u{9b}'),
    KeyCode::Char('\u{7f}'),
    KeyCode::Char('\u{1b}'),
    KeyCode::Delete,
    KeyCode::Insert,
    KeyCode::F(1),
    KeyCode::Null,
];

/// The key a byte names: every key the reader binds, then the others.
fn key_code(b: u8) -> KeyCode {
    let n = READER_KEYS.len() + MORE_KEYS.len();
    let i = usize::from(b) % n;
    match READER_KEYS.get(i) {
        Some(binding) => binding.code,
        None => MORE_KEYS[i - READER_KEYS.len()],
    }
}

/// A key press as a terminal reports it: capitals come with Shift.
fn press(code: KeyCode, mods: KeyModifiers) -> KeyEvent {
    let shift = matches!(code, KeyCode::Char(c) if c.is_uppercase()) || code == KeyCode::BackTab;
    let mods = if shift {
        mods | KeyModifiers::SHIFT
    } else {
        mods
    };
    KeyEvent::new(code, mods)
}

fn ctrl_c() -> KeyEvent {
    KeyEvent::new(KeyCode::Char('c'), KeyModifiers::CONTROL)
}

/// Every sample article, parsed once: parsing is not what this target is for.
fn articles() -> &'static [Article] {
    static ARTICLES: OnceLock<Vec<Article>> = OnceLock::new();
    ARTICLES.get_or_init(|| {
        SAMPLES
            .iter()
            .map(|(name, text)| {
                let format = lectern::parse::format_for(Path::new(name));
                lectern::parse::parse_bytes(text.as_bytes(), format).expect("a sample parses")
            })
            .collect()
    })
}

/// A fresh state directory, on a memory file system when there is one (a save syncs).
fn state_dir() -> PathBuf {
    static N: AtomicU64 = AtomicU64::new(0);
    let base = Path::new("/dev/shm");
    let base = if base.is_dir() {
        base.to_path_buf()
    } else {
        std::env::temp_dir()
    };
    let n = N.fetch_add(1, Ordering::Relaxed);
    base.join(format!("lectern-fuzz-app-{}-{n}", std::process::id()))
}

/// Runs one stream. The first byte picks the start: bits 0–2 a sample article (7: the
/// sample library), bit 3 whether a state store is attached (so bookmarks work). Then
/// each event is a byte, with the bytes it needs after it:
/// - `0x00..=0x9f`: a key press, with no modifier;
/// - `0xa0..=0xbf`: a key press with modifiers (bit 0 Ctrl, bit 1 Alt, bit 2 Shift), the
///   key in the next byte;
/// - `0xc0..=0xdf`: a mouse event (the kind in the low bits), at the column and row in the
///   next two bytes, up to one past the screen (an event from before a shrink);
/// - `0xe0..=0xef`: a resize to 1–300 columns (next two bytes) by 1–100 rows (the third);
/// - `0xf0..=0xff`: a frame, drawn and checked.
///
/// Only the first `MAX_STREAM` bytes of events are read. After the stream the last frame is drawn and checked, and Ctrl-C (twice when an article
/// was opened from the library: back to the library, then out) must quit.
pub fn run(data: &[u8]) {
    let Some((&first, events)) = data.split_first() else {
        return;
    };
    let events = &events[..events.len().min(MAX_STREAM)];
    let size = (80, 24);
    let pick = usize::from(first & 7);
    let mut app = match articles().get(pick) {
        Some(article) => App::with_article(article.clone(), PathBuf::from(SAMPLES[pick].0), size),
        None => App::with_library(
            LibraryView::new(Root::Samples, None, Default::default()),
            size,
        ),
    };
    // Colours from the environment would make a run depend on where it ran.
    app.theme = Theme {
        mono: false,
        light: false,
    };
    let dir = (first & 8 != 0).then(state_dir);
    if let Some(dir) = &dir {
        app.attach_store(Store::open(dir).expect("a fresh state directory opens"));
    }
    if app.reader.is_some() {
        app.article_ready();
    }
    let mut term = Terminal::new(TestBackend::new(size.0, size.1)).expect("test terminal");
    frame(&app, &mut term);
    let mut bytes = events.iter().copied();
    while !app.quit {
        let Some(op) = bytes.next() else { break };
        // An event cut short by the end of the stream reads zeros.
        let mut next = || bytes.next().unwrap_or(0);
        match op {
            0x00..=0x9f => {
                waiting::key(&mut app, press(key_code(op), KeyModifiers::NONE));
            }
            0xa0..=0xbf => {
                let mut mods = KeyModifiers::NONE;
                for (bit, m) in [
                    (1, KeyModifiers::CONTROL),
                    (2, KeyModifiers::ALT),
                    (4, KeyModifiers::SHIFT),
                ] {
                    if op & bit != 0 {
                        mods |= m;
                    }
                }
                waiting::key(&mut app, press(key_code(next()), mods));
            }
            0xc0..=0xdf => {
                let kind = match op % 8 {
                    0 => MouseEventKind::ScrollDown,
                    1 => MouseEventKind::ScrollUp,
                    2 => MouseEventKind::Down(MouseButton::Left),
                    3 => MouseEventKind::Up(MouseButton::Left),
                    4 => MouseEventKind::Drag(MouseButton::Left),
                    5 => MouseEventKind::Moved,
                    6 => MouseEventKind::Down(MouseButton::Right),
                    _ => MouseEventKind::ScrollRight,
                };
                let (w, h) = app.size;
                let column = u16::from(next()) % (w + 1);
                let row = u16::from(next()) % (h + 1);
                app.mouse(MouseEvent {
                    kind,
                    column,
                    row,
                    modifiers: KeyModifiers::NONE,
                });
            }
            0xe0..=0xef => {
                let w = 1 + u16::from_le_bytes([next(), next()]) % MAX_SIZE.0;
                let h = 1 + u16::from(next()) % MAX_SIZE.1;
                app.resize(w, h);
                term.backend_mut().resize(w, h);
                term.resize(Rect::new(0, 0, w, h))
                    .expect("test terminal resizes");
            }
            0xf0..=0xff => frame(&app, &mut term),
        }
    }
    if !app.quit {
        frame(&app, &mut term);
        for _ in 0..2 {
            if !app.quit {
                waiting::key(&mut app, ctrl_c());
            }
        }
        assert!(
            app.quit,
            "Ctrl-C did not quit (mode {:?}, {} pop-ups, reader open: {})",
            app.mode,
            app.popups.len(),
            app.reader.is_some()
        );
    }
    if let Some(dir) = dir {
        let _ = std::fs::remove_dir_all(dir);
    }
}

/// Draws a frame and checks it.
fn frame(app: &App, term: &mut Terminal<TestBackend>) {
    let (w, h) = app.size;
    term.draw(|f| draw(app, f)).expect("test terminal draws");
    check_frame(term.backend().buffer(), w, h);
    // A hidden cursor stays where it was, off a screen that has since shrunk.
    let backend = term.backend();
    if backend.cursor_visible() {
        let at = backend.cursor_position();
        assert!(
            at.x < w && at.y < h,
            "cursor shown at {at:?} off a {w}×{h} screen"
        );
    }
}

/// Every row of the frame fits the screen: no character runs past the right edge, no cell
/// is left with nothing of its own to show (the terminal would pull the rest of the row
/// left), and nothing on screen can drive the terminal.
pub fn check_frame(buf: &Buffer, w: u16, h: u16) {
    assert_eq!(buf.area, Rect::new(0, 0, w, h), "frame of the wrong size");
    for y in 0..h {
        let mut x = 0;
        while x < w {
            let symbol = buf[(x, y)].symbol();
            // Most cells hold one printable ASCII character: clean and one column wide,
            // without the grapheme tables.
            let cols = if let [b' '..=b'~'] = symbol.as_bytes() {
                1
            } else {
                assert!(
                    lectern::decode::is_clean(symbol),
                    "control character on screen at ({x}, {y}): {symbol:?}"
                );
                width::cluster(symbol) as u16
            };
            assert!(
                cols > 0,
                "a cell of no width at ({x}, {y}): {symbol:?} in {:?}",
                row_text(buf, y)
            );
            assert!(
                x + cols <= w,
                "{symbol:?} at ({x}, {y}) runs past the right edge of {w} columns: {:?}",
                row_text(buf, y)
            );
            x += cols;
        }
    }
}

fn row_text(buf: &Buffer, y: u16) -> String {
    (0..buf.area.width).map(|x| buf[(x, y)].symbol()).collect()
}
