//! Keys pressed while a long article is still being read, and what a frame sends to
//! terminals of each colour depth.

mod common;
use common::ui::send;
use lectern::parse::{self, Deferred};
use lectern::tui::app::App;
use lectern::tui::caps::Depth;
use lectern::tui::terminal::paint;
use lectern::tui::theme::Theme;
use lectern::tui::waiting;
use ratatui::Terminal;
use ratatui::backend::{CrosstermBackend, TestBackend};
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

/// A long article of numbered paragraphs, the last saying it is the last, written to a
/// scratch file; with a word that only its second half uses.
fn long_article(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("lectern-loading-{name}-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let mut text = String::from("A long walk\n\nBy A. Walker\n\n");
    for n in 1..=3000 {
        let word = if n > 2000 { "heron" } else { "gull" };
        text.push_str(&format!(
            "Paragraph {n}: the path went on past the {word} marsh and the old mill.\n\n"
        ));
    }
    text.push_str("This is the very last paragraph of the walk.\n");
    let path = dir.join("walk.txt");
    std::fs::write(&path, text).unwrap();
    path
}

/// The reader as `lectern FILE` opens a long file: its beginning, the rest deferred.
fn opened_long(path: &Path) -> App {
    let start = parse::load_start(path, 0, 8 * 1024).expect("long enough to open in two steps");
    let mut app = App::with_article(start, path.to_path_buf(), (80, 24));
    app.deferred = Some(Deferred::File(path.to_path_buf()));
    app
}

/// Polls as the event loop does until the whole article is in.
fn until_read(app: &mut App) {
    let start = Instant::now();
    while waiting::loading(app) {
        assert!(
            start.elapsed() < Duration::from_secs(30),
            "never read whole"
        );
        waiting::poll(app);
        std::thread::sleep(Duration::from_millis(5));
    }
}

fn screen(app: &App) -> String {
    let (w, h) = app.size;
    let mut term = Terminal::new(TestBackend::new(w, h)).unwrap();
    term.draw(|f| lectern::tui::draw::draw(app, f)).unwrap();
    let buf = term.backend().buffer();
    (0..h)
        .map(|y| (0..w).map(|x| buf[(x, y)].symbol()).collect::<String>() + "\n")
        .collect()
}

#[test]
fn g_pressed_before_the_rest_is_read_lands_on_the_real_end() {
    let path = long_article("end");
    let mut app = opened_long(&path);
    send(&mut app, "G");
    assert!(
        !screen(&app).contains("very last paragraph"),
        "the beginning alone has no end to show"
    );
    assert_eq!(app.current_message(), Some(waiting::READING));
    until_read(&mut app);
    let s = screen(&app);
    assert!(s.contains("very last paragraph"), "{s}");
    assert!(app.reader.as_ref().unwrap().at_end());
    assert_ne!(
        app.current_message(),
        Some(waiting::READING),
        "the notice goes once the keys are done"
    );
}

#[test]
fn a_share_a_search_and_n_wait_for_the_whole_and_keep_their_order() {
    let path = long_article("search");
    let mut app = opened_long(&path);
    // 50% first, then a search for a word only the second half has, then the next match.
    send(&mut app, "50%/heron\nn");
    assert_eq!(
        app.reader.as_ref().unwrap().percent(),
        0,
        "nothing moved yet"
    );
    until_read(&mut app);
    let r = app.reader.as_ref().unwrap();
    let search = r
        .search
        .as_ref()
        .expect("the search ran on the whole article");
    assert_eq!(search.matches.len(), 1000);
    assert_eq!(search.current, Some(1), "n went on to the second match");
    let s = screen(&app);
    assert!(
        s.contains("Paragraph 2002: the path went on past the heron"),
        "{s}"
    );
}

#[test]
fn keys_that_need_only_the_beginning_act_at_once() {
    let path = long_article("early");
    let mut app = opened_long(&path);
    send(&mut app, "jj");
    assert!(app.held.is_empty());
    assert_ne!(
        app.reader.as_ref().unwrap().top,
        lectern::layout::LinePos::default(),
        "j moved at once"
    );
    // Ctrl-C quits at once even with keys waiting.
    send(&mut app, "G");
    waiting::key(
        &mut app,
        KeyEvent::new(KeyCode::Char('c'), KeyModifiers::CONTROL),
    );
    assert!(app.quit && app.held.is_empty());
}

#[test]
fn held_keys_go_ahead_on_the_beginning_when_the_rest_cannot_be_read() {
    let path = long_article("gone");
    let mut app = opened_long(&path);
    std::fs::remove_file(&path).unwrap();
    send(&mut app, "G");
    until_read(&mut app);
    assert!(app.held.is_empty());
    assert!(
        app.reader.as_ref().unwrap().at_end(),
        "at the end of what there is"
    );
    assert!(
        app.current_message()
            .is_some_and(|m| m.contains("showing only the beginning")),
        "{:?}",
        app.current_message()
    );
}

/// A writer whose bytes the test can read afterwards.
#[derive(Clone, Default)]
struct Sink(std::rc::Rc<std::cell::RefCell<Vec<u8>>>);

impl std::io::Write for Sink {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.borrow_mut().extend_from_slice(buf);
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// The bytes one frame of the reader sends to a terminal of `depth`.
fn frame_bytes(depth: Depth) -> String {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("assets/library/harbour-thaw.txt");
    let mut app = App::with_article(parse::load(&path).unwrap(), path, (100, 30));
    app.theme = Theme {
        mono: false,
        light: false,
    };
    // The status line's background and quoted speech are 24-bit colours in the theme.
    send(&mut app, "jjjjjjjjjj");
    let sink = Sink::default();
    let area = ratatui::layout::Rect::new(0, 0, 100, 30);
    let mut term = Terminal::with_options(
        CrosstermBackend::new(sink.clone()),
        ratatui::TerminalOptions {
            viewport: ratatui::Viewport::Fixed(area),
        },
    )
    .unwrap();
    term.draw(|f| paint(&app, f, depth)).unwrap();
    String::from_utf8_lossy(&sink.0.borrow()).into_owned()
}

#[test]
fn a_terminal_of_fewer_colours_is_sent_no_24_bit_colour() {
    let full = frame_bytes(Depth::TrueColor);
    assert!(
        full.contains("48;2;"),
        "the theme does use 24-bit colour where it can"
    );
    for depth in [Depth::Ansi256, Depth::Ansi16, Depth::Ansi8, Depth::Mono] {
        let sent = frame_bytes(depth);
        assert!(
            !sent.contains("38;2;") && !sent.contains("48;2;"),
            "{depth:?} got 24-bit colour"
        );
        let indexed: Vec<u32> = sent
            .split("8;5;")
            .skip(1)
            .filter_map(|s| s.split(|c: char| !c.is_ascii_digit()).next()?.parse().ok())
            .collect();
        let limit = match depth {
            Depth::Ansi256 => 256,
            Depth::Ansi16 => 16,
            Depth::Ansi8 => 8,
            _ => 0,
        };
        assert!(
            indexed.iter().all(|&i| i < limit),
            "{depth:?} sent colours {indexed:?}"
        );
        if depth == Depth::Mono {
            assert!(indexed.is_empty(), "no colour at all: {indexed:?}");
        }
    }
}
