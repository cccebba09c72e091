//! The `lectern` command: the reader, and `inspect` / `render` for scripts.

use anyhow::{Context, Result};
use clap::{Parser, Subcommand};
use lectern::parse;
use std::io::{IsTerminal, Write};
use std::path::PathBuf;

/// A terminal reader for a folder of saved articles.
#[derive(Parser, Debug)]
#[command(name = "lectern", version, about, args_conflicts_with_subcommands = true)]
struct Cli {
    /// A library folder or one article to open (default: the configured library, else the samples).
    path: Option<PathBuf>,
    #[command(subcommand)]
    command: Option<Command>,
}

#[derive(Subcommand, Debug)]
enum Command {
    /// Print the parsed article as JSON.
    Inspect {
        /// The article file.
        file: PathBuf,
    },
    /// Print the article as wrapped text, as the reader typesets it.
    Render {
        /// The article file.
        file: PathBuf,
        /// Column width (default: the reader's measure, 72).
        #[arg(long, short, value_parser = clap::value_parser!(u16).range(1..=1000))]
        width: Option<u16>,
    },
    /// Print the articles of a library folder: title, authors, date, words, progress, path.
    List {
        /// The library folder.
        dir: PathBuf,
        /// One JSON array instead of tab-separated lines.
        #[arg(long)]
        json: bool,
    },
}

fn main() {
    let cli = Cli::parse();
    if let Err(e) = run(cli) {
        eprintln!("lectern: {e:#}");
        std::process::exit(1);
    }
}

fn run(cli: Cli) -> Result<()> {
    match cli.command {
        Some(Command::Inspect { file }) => {
            let article = parse::load(&file)?;
            let json = serde_json::to_string_pretty(&lectern::inspect::to_json(&article))?;
            write_out(&json)
        }
        Some(Command::Render { file, width }) => {
            let article = parse::load(&file)?;
            let styled = std::io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none();
            let text = lectern::render::render(article, width.unwrap_or(72), styled);
            write_out(&text)
        }
        Some(Command::List { dir, json }) => list(&dir, json),
        None => lectern::tui::run(cli.path).context("the reader stopped"),
    }
}

/// `lectern list`: scans (through the cache) and prints one article per line or JSON.
fn list(dir: &std::path::Path, json: bool) -> Result<()> {
    anyhow::ensure!(dir.is_dir(), "{}: not a folder", dir.display());
    let cache = lectern::library::cache::default_dir().map(|c| lectern::library::cache::file_for(&c, dir));
    let (entries, skipped) = lectern::library::scan_blocking(dir, cache);
    // Reading progress lives in the store; until it is wired in, everything reads as unread.
    let progress = lectern::library::entry::ProgressMap::new();
    let order = lectern::library::order::sorted(&entries, &progress, lectern::library::order::SortOrder::Title);
    let rows = order.iter().map(|&i| &entries[i]);
    let text = if json {
        let items: Vec<serde_json::Value> = rows
            .map(|e| {
                let m = e.meta();
                let p = lectern::library::entry::progress_of(&progress, &e.path);
                serde_json::json!({
                    "title": e.title(),
                    "authors": m.map(|m| m.authors.clone()).unwrap_or_default(),
                    "date": m.and_then(|m| m.date_iso.clone().or_else(|| m.date.clone())),
                    "words": m.map_or(0, |m| m.words),
                    "path": e.path.to_string_lossy(),
                    "progress": { "percent": p.percent, "finished": p.finished, "bookmarks": p.bookmarks },
                })
            })
            .collect();
        serde_json::to_string_pretty(&items)?
    } else {
        rows.map(|e| {
            let m = e.meta();
            let date = m.and_then(|m| m.date_iso.clone().or_else(|| m.date.clone())).unwrap_or_default();
            let p = lectern::library::entry::progress_of(&progress, &e.path);
            let cells = [
                e.title().into_owned(),
                e.authors(),
                date,
                m.map_or(0, |m| m.words).to_string(),
                format!("{}%", p.percent),
                e.path.to_string_lossy().into_owned(),
            ];
            cells.map(|c| c.replace(['\t', '\n'], " ")).join("\t")
        })
        .collect::<Vec<_>>()
        .join("\n")
    };
    let failed = entries.len() - order.len();
    if failed + skipped.len() > 0 {
        eprintln!("lectern: {} files skipped", failed + skipped.len());
    }
    write_out(&text)
}

/// Writes to stdout; a closed pipe (`| head`) is not an error.
fn write_out(text: &str) -> Result<()> {
    let mut out = std::io::stdout().lock();
    match writeln!(out, "{text}").and_then(|_| out.flush()) {
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        other => other.context("cannot write to stdout"),
    }
}
