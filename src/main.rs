//! The `lectern` command: the reader, and `inspect` / `render` for scripts.

use anyhow::{Context, Result};
use clap::{Parser, Subcommand};
use lectern::parse;
use std::io::{IsTerminal, Write};
use std::path::PathBuf;

/// A terminal reader for a folder of saved articles.
#[derive(Parser, Debug)]
#[command(
    name = "lectern",
    version,
    about,
    args_conflicts_with_subcommands = true
)]
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
        None => lectern::tui::run(cli.path).context("the reader stopped"),
    }
}

/// Writes to stdout; a closed pipe (`| head`) is not an error.
fn write_out(text: &str) -> Result<()> {
    let mut out = std::io::stdout().lock();
    match writeln!(out, "{text}").and_then(|_| out.flush()) {
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        other => other.context("cannot write to stdout"),
    }
}
