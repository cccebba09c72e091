//! The terminal layer: a thin shell over the core that reads keys and draws.

pub mod app;
pub mod caps;
pub mod cells;
pub mod draw;
pub mod field;
pub mod follow;
pub mod history;
pub mod jobs;
pub mod keys;
pub mod layer;
pub mod library;
pub mod palette;
pub mod panics;
pub mod popups;
pub mod reader;
pub mod screen;
pub mod session;
pub mod switch;
pub mod terminal;
pub mod theme;
pub mod waiting;

use crate::article::Article;
use crate::config;
use crate::input::{self, Input};
use crate::library::entry::ProgressMap;
use crate::parse::{self, Deferred};
use library::{LibraryView, Root};
use std::path::PathBuf;

/// Opens a folder as a library, one article in the reader, the article on standard input,
/// or (nothing named) the configured library, else the bundled samples. Keys come from the
/// terminal even when standard input is a pipe (crossterm then reads `/dev/tty`).
pub fn run(input: Input) -> anyhow::Result<()> {
    // Standard input is read whole before the terminal is taken, so a slow pipe can be
    // stopped with Ctrl-C and a bad one is one line on a readable screen.
    let piped = match input {
        Input::Stdin => Some(input::read_stdin(true)?),
        _ => None,
    };
    // A file is parsed on a worker from the start, while the configuration and the
    // reading state are read: a web page is parsed whole before its first frame.
    let early = match &input {
        Input::Path(p) if !p.is_dir() => {
            let p = p.clone();
            Some(std::thread::spawn(move || read_file(&p)))
        }
        _ => None,
    };
    // The reading state is read on a worker beside the article; a library needs it for
    // its first frame and has nothing to read beside it, so it is read here, below; a
    // long article's first frame does not wait for it.
    let opening = match &input {
        Input::Path(p) if p.is_dir() || in_two_steps(p) => jobs::Opening::Later,
        Input::Default => jobs::Opening::Later,
        _ => jobs::open_store(),
    };
    let size = ratatui::crossterm::terminal::size().unwrap_or((80, 24));
    let loaded = config::load_default();
    let cfg = loaded.config.clone();
    // Asked while the file is parsed and the state read on their workers, before the
    // terminal is taken: the answer arrives on standard input.
    let background = theme::wants_asking(cfg.theme)
        .then(theme::ask_terminal)
        .flatten();
    // Read while the worker parses: the terminfo entry is a file.
    let caps = caps::Caps::from_env();
    let path = match input {
        Input::Path(p) => Some(p),
        Input::Stdin => None,
        Input::Default => cfg.library.clone(),
    };
    // The library shows each article's progress in its first frame.
    let library = piped.is_none() && path.as_ref().is_none_or(|p| p.is_dir());
    let (store, opening) = match library {
        true => (Some(opening.wait()), None),
        false => (None, Some(opening)),
    };
    let progress = match &store {
        Some(Ok(Ok(s))) => crate::library::entry::progress_from(s.state()),
        _ => ProgressMap::new(),
    };
    let mut app = match (piped, path, early) {
        (Some(bytes), _, _) => open_bytes(bytes, size)?,
        (None, Some(p), Some(early)) => {
            let (article, deferred) = early
                .join()
                .map_err(|_| anyhow::anyhow!("{}: could not be read", p.display()))??;
            let mut app = app::App::with_article(article, p, size);
            app.deferred = deferred;
            app
        }
        (None, Some(p), _) if p.is_dir() => {
            let lib =
                LibraryView::new(Root::Dir(p), crate::library::cache::default_dir(), progress);
            app::App::with_library(lib, size)
        }
        (None, Some(p), _) => {
            let (article, deferred) = read_file(&p)?;
            let mut app = app::App::with_article(article, p, size);
            app.deferred = deferred;
            app
        }
        (None, None, _) => {
            app::App::with_library(LibraryView::new(Root::Samples, None, progress), size)
        }
    };
    app.configure(&cfg, background);
    if caps.depth == caps::Depth::Mono {
        app.theme.mono = true;
    }
    if let Some(opened) = store {
        app.attach_opened(opened);
    }
    app.opening = opening;
    // A long article's first frame does not wait for the reading state.
    if app.deferred.is_none() {
        app.take_in_store();
    }
    if app.reader.is_some() && app.deferred.is_none() {
        app.article_ready();
    }
    if let Some(said) = keys::check::summary(&keys::check::problems(&loaded).1) {
        app.say(said);
    }
    terminal::run(app, cfg.mouse, caps)?;
    Ok(())
}

/// Articles up to this size are parsed whole before the first frame, in a few milliseconds,
/// so that their first screen never changes (a note defined at the end, a date read from
/// evidence further on).
const WHOLE_BYTES: u64 = 128 * 1024;

/// Bytes of a longer article parsed before the first frame; the rest follows in the
/// background. 16 KB is several screens even on a tall terminal.
const QUICK_BYTES: usize = 16 * 1024;

/// Whether the file at `path` is likely to be opened in two steps (`read_file`): a text
/// longer than `WHOLE_BYTES`. Its reading state is then read once the first frame is up;
/// a guess wrong either way only costs time.
fn in_two_steps(path: &std::path::Path) -> bool {
    parse::format_for(path) != crate::article::Format::Html
        && path
            .metadata()
            .is_ok_and(|m| m.is_file() && m.len() > WHOLE_BYTES)
}

/// Reads one article. A long one is its beginning, to show at once, and the rest to read
/// whole on a worker thread, so the first frame does not wait for megabytes of decoding
/// and parsing.
fn read_file(path: &std::path::Path) -> Result<(Article, Option<Deferred>), parse::LoadError> {
    match parse::load_start(path, WHOLE_BYTES, QUICK_BYTES) {
        Some(start) => Ok((start, Some(Deferred::File(path.to_path_buf())))),
        None => Ok((parse::load(path)?, None)),
    }
}

/// Opens the article read from standard input, in two steps when it is long, as a file is.
fn open_bytes(bytes: Vec<u8>, size: (u16, u16)) -> anyhow::Result<app::App> {
    let path = PathBuf::from(input::STDIN_ARG);
    let Some(start) = parse::stream::start_of(&bytes, WHOLE_BYTES, QUICK_BYTES) else {
        let article = parse::load_bytes(&bytes, input::STDIN_NAME)?;
        return Ok(app::App::with_article(article, path, size));
    };
    let mut app = app::App::with_article(start, path, size);
    app.deferred = Some(Deferred::Bytes(bytes, input::STDIN_NAME.into()));
    Ok(app)
}
