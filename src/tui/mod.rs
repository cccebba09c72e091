//! The terminal layer: a thin shell over the core that reads keys and draws.

pub mod app;
pub mod caps;
pub mod cells;
pub mod draw;
pub mod field;
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

use crate::config;
use crate::input::{self, Input};
use crate::library::entry::ProgressMap;
use crate::parse::{self, Deferred};
use crate::store::Store;
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
    let size = ratatui::crossterm::terminal::size().unwrap_or((80, 24));
    let loaded = config::load_default();
    let cfg = loaded.config.clone();
    let store = Store::open_default();
    let progress = match &store {
        Ok(s) => crate::library::entry::progress_from(s.state()),
        Err(_) => ProgressMap::new(),
    };
    let path = match input {
        Input::Path(p) => Some(p),
        Input::Stdin => None,
        Input::Default => cfg.library.clone(),
    };
    let mut app = match (piped, path) {
        (Some(bytes), _) => open_bytes(bytes, size)?,
        (None, Some(p)) if p.is_dir() => {
            let lib =
                LibraryView::new(Root::Dir(p), crate::library::cache::default_dir(), progress);
            app::App::with_library(lib, size)
        }
        (None, Some(p)) => open_file(p, size)?,
        (None, None) => {
            app::App::with_library(LibraryView::new(Root::Samples, None, progress), size)
        }
    };
    app.configure(&cfg);
    let caps = caps::Caps::from_env();
    if caps.depth == caps::Depth::Mono {
        app.theme.mono = true;
    }
    match store {
        Ok(store) => app.attach_store(store),
        Err(e) => app.say(format!("reading positions will not be kept: {e}")),
    }
    if app.reader.is_some() && app.deferred.is_none() {
        app.article_ready();
    }
    if !loaded.problems.is_empty() {
        app.say(loaded.problems.join("; "));
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

/// Opens one article. A long one shows its beginning at once and is read whole on a
/// worker thread, so the first frame does not wait for megabytes of decoding and parsing.
fn open_file(path: PathBuf, size: (u16, u16)) -> anyhow::Result<app::App> {
    let Some(start) = parse::load_start(&path, WHOLE_BYTES, QUICK_BYTES) else {
        let article = parse::load(&path)?;
        return Ok(app::App::with_article(article, path, size));
    };
    let mut app = app::App::with_article(start, path.clone(), size);
    app.deferred = Some(Deferred::File(path));
    Ok(app)
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
