//! The `lectern` command: the reader, and `inspect` / `render` / `sources` for scripts.

use anyhow::{Context, Result};
use clap::{CommandFactory, Parser, Subcommand};
use lectern::layout::{Anchor, Part};
use lectern::parse;
use lectern::store::{self, Store};
use std::io::Write;
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
    /// A library folder or one article to open; `-` (or a pipe) reads the article from
    /// standard input (default: the configured library, else the samples).
    path: Option<PathBuf>,
    #[command(subcommand)]
    command: Option<Command>,
}

#[derive(Subcommand, Debug)]
enum Command {
    /// Print the parsed article as JSON.
    Inspect {
        /// The article file (`-`: standard input).
        file: PathBuf,
    },
    /// Print the article as wrapped text, as the reader typesets it.
    Render {
        /// The article file (`-`: standard input).
        file: PathBuf,
        /// Column width (default: the reader's measure, 72).
        #[arg(long, short, value_parser = clap::value_parser!(u16).range(1..=1000))]
        width: Option<u16>,
    },
    /// Print every source an article cites: count, kinds, name and full reference.
    Sources {
        /// The article file.
        file: PathBuf,
        /// Print JSON (for scripts and reference managers) instead of tab-separated lines.
        #[arg(long)]
        json: bool,
    },
    /// List every bookmark in the library.
    Bookmarks {
        /// Print JSON instead of text.
        #[arg(long)]
        json: bool,
    },
    /// Every highlight (or those of FILE) with its note and place, as Markdown or JSON.
    Highlights {
        /// Only this article's highlights.
        file: Option<PathBuf>,
        /// Markdown: a section per article, each highlight a quote (the default).
        #[arg(long, conflicts_with = "json")]
        markdown: bool,
        /// JSON for scripts: ids, text, note, anchors, times, place, orphaned.
        #[arg(long)]
        json: bool,
    },
    /// Add bookmarks one save at a time (for tests of concurrent writers).
    #[command(hide = true)]
    StateWriter {
        /// The state directory (default: the XDG data dir).
        #[arg(long)]
        dir: Option<PathBuf>,
        /// How many bookmarks to add.
        #[arg(long, default_value_t = 1)]
        count: usize,
        /// Prefix of the labels, to tell writers apart.
        #[arg(long, default_value = "w")]
        tag: String,
    },
    /// Print the effective configuration and where it is read from.
    Config {
        /// Print the commented default configuration file instead.
        #[arg(long)]
        default: bool,
    },
    /// Print a shell completion script.
    Completions {
        /// The shell.
        shell: clap_complete::Shell,
    },
    /// Print the manual page (roff).
    Man,
    /// Search the text of every article in a library folder (regex, smart case, smart
    /// diacritics); exits 1 when nothing matched, 2 on an error.
    Search {
        /// The pattern.
        pattern: String,
        /// The library folder (default: the configured library).
        dir: Option<PathBuf>,
        /// One JSON object a line: path, title, anchor, snippet, match.
        #[arg(long)]
        json: bool,
        /// One line per matching article with its number of matches.
        #[arg(long, short)]
        count: bool,
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
    // `search` exits as grep does: 1 when nothing matched, 2 on an error.
    let searching = matches!(cli.command, Some(Command::Search { .. }));
    let status = match run(cli) {
        Ok(true) => 0,
        Ok(false) => 1,
        Err(e) => {
            eprintln!("lectern: {}", lectern::errors::describe(e.as_ref()));
            if searching { 2 } else { 1 }
        }
    };
    // A reader stopped by SIGTERM or SIGHUP exits as the signal's death would say, as
    // shells and service managers expect (128 + N).
    let status = lectern::tui::terminal::signalled().map_or(status, |sig| 128 + sig);
    std::process::exit(status);
}

/// Runs a command; false when a search found nothing.
fn run(cli: Cli) -> Result<bool> {
    if let Some(Command::Search {
        pattern,
        dir,
        json,
        count,
    }) = &cli.command
    {
        return search(pattern, dir.clone(), *json, *count);
    }
    run_other(cli).map(|()| true)
}

fn run_other(cli: Cli) -> Result<()> {
    match cli.command {
        Some(Command::Inspect { file }) => {
            let article = load(&file)?;
            let json = serde_json::to_string_pretty(&lectern::inspect::to_json(&article))?;
            write_out(&json)
        }
        Some(Command::Render { file, width }) => print_article(load(&file)?, width),
        Some(Command::Sources { file, json }) => {
            let article = load(&file)?;
            match json {
                true => write_out(&serde_json::to_string_pretty(
                    &lectern::cite::groups::to_json(&article),
                )?),
                false => write_out(&lectern::cite::groups::to_text(&article)),
            }
        }
        Some(Command::Bookmarks { json }) => {
            let store = open_store(None)?;
            let state = store.state();
            match json {
                true => write_out(&serde_json::to_string_pretty(&store::bookmarks_json(
                    state,
                ))?),
                false => {
                    let format = lectern::config::load_default().config.date_format;
                    let when = |ms| lectern::date_format::moment(ms, format);
                    write_out(&store::bookmarks_text(state, &when))
                }
            }
        }
        Some(Command::Highlights { file, json, .. }) => highlights(file.as_deref(), json),
        Some(Command::StateWriter { dir, count, tag }) => state_writer(dir, count, &tag),
        Some(Command::List { dir, json }) => list(&dir, json),
        Some(Command::Search { .. }) => unreachable!("run handles search"),
        Some(Command::Config { default: true }) => {
            write_out(lectern::config::DEFAULT_TOML.trim_end())
        }
        Some(Command::Config { default: false }) => {
            let loaded = lectern::config::load_default();
            let path = match &loaded.path {
                None => "(no config directory: defaults)".into(),
                Some(p) if !loaded.found() => format!("{} (no file: defaults)", p.display()),
                Some(p) => p.display().to_string(),
            };
            let mut out = format!("# {path}\n");
            let problems = config_problems(&loaded);
            if !problems.is_empty() {
                out.push_str(&format!("# {} problems:\n", problems.len()));
            }
            for problem in &problems {
                out.push_str(&format!("# problem: {problem}\n"));
            }
            out.push_str(&loaded.config.to_toml());
            write_out(out.trim_end())
        }
        Some(Command::Completions { shell }) => {
            let mut cmd = public_command();
            let mut buf = Vec::new();
            clap_complete::generate(shell, &mut cmd, "lectern", &mut buf);
            write_out(String::from_utf8_lossy(&buf).trim_end())
        }
        Some(Command::Man) => write_out(lectern::manual::render(Cli::command())?.trim_end()),
        None => open(cli.path),
    }
}

/// The command-line definition without its hidden commands, for the completions:
/// clap_complete's bash script would offer them (the test-only `state-writer`).
fn public_command() -> clap::Command {
    let full = Cli::command();
    clap::Command::new("lectern")
        .version(env!("CARGO_PKG_VERSION"))
        .args(full.get_arguments().cloned())
        .subcommands(full.get_subcommands().filter(|c| !c.is_hide_set()).cloned())
}

/// Reads and parses an article file, or standard input for `-`.
fn load(file: &std::path::Path) -> Result<lectern::article::Article> {
    if !lectern::input::is_stdin(file) {
        return Ok(parse::load(file)?);
    }
    let bytes = lectern::input::read_stdin(false)?;
    Ok(parse::load_bytes(&bytes, lectern::input::STDIN_NAME)?)
}

/// Prints the article as `render` does, styled only on a terminal that shows styles, in
/// the reader's settings (`measure`, `justify`, `hyphenate`); `width` overrides the measure.
fn print_article(article: lectern::article::Article, width: Option<u16>) -> Result<()> {
    let loaded = lectern::config::load_default();
    for problem in config_problems(&loaded) {
        eprintln!("lectern: {problem}");
    }
    let cfg = loaded.config;
    let style = lectern::layout::Style {
        width: width.unwrap_or(cfg.measure),
        justify: cfg.justify,
        hyphenate: cfg.hyphenate,
        date_format: cfg.reader_date_format,
        ..lectern::layout::Style::default()
    };
    let styled = lectern::tui::caps::styled_output();
    write_out(&lectern::render::render_with(article, style, styled))
}

/// Every problem of the configuration file, its bindings' too, as the reader counts them.
fn config_problems(loaded: &lectern::config::Loaded) -> Vec<String> {
    lectern::tui::keys::check::problems(loaded).1
}

/// `lectern [PATH]`: the reader on a terminal; printed text anywhere else (a file, a
/// pipe, a terminal that cannot move the cursor), as less and bat do.
fn open(path: Option<PathBuf>) -> Result<()> {
    use lectern::input::{Input, stdin_kind};
    use lectern::tui::caps::{Screen, screen};
    let input = Input::choose(path, stdin_kind());
    let why = match screen() {
        Screen::Reader => {
            // An article that cannot be opened is said as `render` says it; only a
            // terminal that cannot be used is named as such.
            return lectern::tui::run(input).map_err(|e| match e.is::<std::io::Error>() {
                true => e.context("cannot use the terminal"),
                false => e,
            });
        }
        Screen::Dumb => Some("TERM=dumb: this terminal cannot show the reader"),
        Screen::Pipe => None,
    };
    let path = match input {
        Input::Stdin => {
            if let Some(why) = why {
                eprintln!("lectern: {why}; the article is printed instead");
            }
            let stdin = std::path::Path::new(lectern::input::STDIN_ARG);
            return print_article(load(stdin)?, None);
        }
        Input::Path(p) => p,
        Input::Default => lectern::config::load_default().config.library.context(
            "standard output is not a terminal: name an article to print it \
                 (lectern FILE > out.txt), or list a folder with lectern list DIR",
        )?,
    };
    let folder = path.is_dir();
    if let Some(why) = why {
        let (what, done) = if folder {
            ("library", "listed")
        } else {
            ("article", "printed")
        };
        eprintln!("lectern: {why}; the {what} is {done} instead");
    }
    if folder {
        list(&path, false)
    } else {
        print_article(parse::load(&path)?, None)
    }
}

/// Opens the reading state, telling the user once about a damaged or newer file.
fn open_store(dir: Option<PathBuf>) -> Result<Store> {
    let mut store = match dir {
        Some(dir) => Store::open(dir)?,
        None => Store::open_default()?,
    };
    for warning in store.take_warnings() {
        eprintln!("lectern: {warning}");
    }
    Ok(store)
}

/// `lectern highlights`: each article with highlights, parsed again from its path (when
/// it is still there) so every highlight is placed in the text as it reads now.
fn highlights(file: Option<&std::path::Path>, json: bool) -> Result<()> {
    let store = open_store(None)?;
    let state = store.state();
    let wanted = match file {
        Some(f) => {
            let article = parse::load(f)?;
            let fp = store::Fingerprint::of(&article);
            Some(state.find(&fp, f).map(str::to_string))
        }
        None => None,
    };
    let marked: Vec<lectern::export::Marked> = state
        .articles
        .iter()
        .filter(|(key, a)| {
            !a.live_highlights().is_empty()
                && wanted
                    .as_ref()
                    .is_none_or(|w| w.as_deref() == Some(key.as_str()))
        })
        .map(|(_, a)| lectern::export::Marked {
            article: a,
            doc: (!a.path.is_empty())
                .then(|| parse::load(std::path::Path::new(&a.path)).ok())
                .flatten()
                .map(|art| lectern::layout::Doc::new(std::sync::Arc::new(art))),
        })
        .collect();
    if json {
        write_out(&serde_json::to_string_pretty(&lectern::export::json(
            &marked,
        ))?)
    } else {
        write_out(lectern::export::markdown(&marked).trim_end())
    }
}

/// Adds `count` bookmarks and as many highlights to one test article, saving after each.
fn state_writer(dir: Option<PathBuf>, count: usize, tag: &str) -> Result<()> {
    let mut store = open_store(dir)?;
    let fp = store::Fingerprint::of_texts(["state writer test article"]);
    let doc = lectern::layout::Doc::new(std::sync::Arc::new(parse::parse_str(
        "State writer\n\nThe one paragraph of the state writer's article.\n",
        lectern::article::Format::Text,
    )));
    let whole = doc.parts.last().map(|&part| {
        let end = Anchor {
            part,
            offset: doc.text(part).len(),
        };
        (Anchor { part, offset: 0 }, end)
    });
    for n in 0..count {
        store.article(
            &fp,
            std::path::Path::new("/state-writer.txt"),
            "State writer",
        );
        let anchor = Anchor {
            part: Part::Body { i: n },
            offset: 0,
        };
        let at = store::Spot {
            anchor,
            snippet: format!("{tag} {n}"),
            fraction: 0.5,
        };
        store.add_bookmark(&fp, &format!("{tag}-{n}"), at)?;
        if let Some(range) = whole {
            store.add_highlight(&fp, &doc, range, &format!("{tag}-{n}"))?;
        }
        store.save()?;
    }
    Ok(())
}

/// `lectern list`: scans (through the cache) and prints one article per line or JSON.
fn list(dir: &std::path::Path, json: bool) -> Result<()> {
    folder(dir)?;
    let cache =
        lectern::library::cache::default_dir().map(|c| lectern::library::cache::file_for(&c, dir));
    let (entries, skipped) = lectern::library::scan_blocking(dir, cache);
    // Without a readable state file everything reads as unread; the listing still works.
    let progress = Store::open_default()
        .map(|s| lectern::library::entry::progress_from(s.state()))
        .unwrap_or_default();
    let order = lectern::library::order::sorted(
        &entries,
        &progress,
        lectern::library::order::SortOrder::Title,
    );
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
            let date = m
                .and_then(|m| m.date_iso.clone().or_else(|| m.date.clone()))
                .unwrap_or_default();
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

/// `lectern search`: every article of a library folder, through its text cache.
fn search(pattern: &str, dir: Option<PathBuf>, json: bool, count: bool) -> Result<bool> {
    use lectern::search::report::{self, Format};
    let dir = match dir {
        Some(d) => d,
        None => lectern::config::load_default().config.library.context(
            "no library folder: name one (lectern search PATTERN DIR) \
             or set `library` in config.toml",
        )?,
    };
    folder(&dir)?;
    let matcher = lectern::search::matcher::Matcher::new(pattern).map_err(anyhow::Error::msg)?;
    let cache = lectern::library::cache::default_dir()
        .map(|c| lectern::library::text_cache::file_for(&c, &dir));
    let format = match (json, count) {
        (true, true) => Format::JsonCounts,
        (true, false) => Format::Json,
        (false, true) => Format::Counts,
        (false, false) => Format::Lines {
            styled: lectern::tui::caps::styled_output(),
        },
    };
    let mut out = std::io::BufWriter::with_capacity(1 << 16, std::io::stdout());
    let outcome = report::search_folder(&dir, cache.as_deref(), &matcher, format, &mut out)
        .context("cannot write to stdout")?;
    if let Some(Err(e)) = &outcome.summary.saved {
        eprintln!("lectern: the search cache was not saved: {e}");
    }
    Ok(outcome.matched)
}

/// A library folder as `list` and `search` need it, or the reason it is not one.
fn folder(dir: &std::path::Path) -> Result<()> {
    match std::fs::metadata(dir) {
        Ok(m) if m.is_dir() => Ok(()),
        Ok(_) => anyhow::bail!("{}: not a folder", dir.display()),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            anyhow::bail!("{}: no such folder", dir.display())
        }
        Err(e) => anyhow::bail!("{}: {}", dir.display(), lectern::errors::words(&e)),
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
