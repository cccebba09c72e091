//! The terminal layer: a thin shell over the core that reads keys and draws.

pub mod app;
pub mod bookmarks;
pub mod citation_popup;
pub mod draw;
pub mod footnote_popup;
pub mod help;
pub mod keys;
pub mod memory;
pub mod outline;
pub mod popup;
pub mod reader;
pub mod reader_view;
pub mod sources;
pub mod status;
pub mod targets;
pub mod terminal;
pub mod theme;

use crate::article::Format;
use crate::parse;
use crate::samples::SAMPLES;
use anyhow::Context;
use std::path::PathBuf;

/// Opens the reader on a path (or the bundled samples).
pub fn run(path: Option<PathBuf>) -> anyhow::Result<()> {
    let (article, path) = match path {
        Some(p) if p.is_dir() => {
            anyhow::bail!("{}: opening a folder needs the library view", p.display())
        }
        Some(p) => (parse::load(&p)?, p),
        None => {
            let (name, text) = SAMPLES[0];
            let article =
                parse::parse_bytes(text.as_bytes(), Format::Text).context("the bundled sample")?;
            (article, PathBuf::from(name))
        }
    };
    let (w, h) = ratatui::crossterm::terminal::size().unwrap_or((80, 24));
    let app = app::App::with_article(article, path, (w, h));
    let mut app = app;
    match crate::store::Store::open_default() {
        Ok(store) => app.attach_store(store),
        Err(e) => app.say(format!("reading positions will not be kept: {e}")),
    }
    if app.pending.is_none() {
        app.article_ready();
    }
    terminal::run(app)?;
    Ok(())
}
