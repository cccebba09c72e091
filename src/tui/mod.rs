//! The terminal layer: a thin shell over the core that reads keys and draws.

pub mod app;
pub mod draw;
pub mod help;
pub mod keys;
pub mod library_draw;
pub mod library_view;
pub mod reader;
pub mod reader_view;
pub mod status;
pub mod terminal;
pub mod theme;

use crate::library::entry::ProgressMap;
use crate::parse;
use library_view::{LibraryView, Root};
use std::path::PathBuf;

/// Opens a folder as a library, one article in the reader, or (no path) the bundled samples.
pub fn run(path: Option<PathBuf>) -> anyhow::Result<()> {
    let (w, h) = ratatui::crossterm::terminal::size().unwrap_or((80, 24));
    let app = match path {
        Some(p) if p.is_dir() => {
            let lib = LibraryView::new(Root::Dir(p), crate::library::cache::default_dir(), ProgressMap::new());
            app::App::with_library(lib, (w, h))
        }
        Some(p) => app::App::with_article(parse::load(&p)?, p, (w, h)),
        None => app::App::with_library(LibraryView::new(Root::Samples, None, ProgressMap::new()), (w, h)),
    };
    terminal::run(app)?;
    Ok(())
}
