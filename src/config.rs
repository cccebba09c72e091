//! Settings from `config.toml` in the XDG config dir, layered over the commented
//! default file in `assets/`. A bad line never stops Lectern: it is reported, naming
//! the line, and the default applies.

use serde::Serialize;
use std::path::{Path, PathBuf};

pub use crate::layout::sidenotes::Mode as Sidenotes;

/// The commented default configuration, as `lectern config --default` prints it.
pub const DEFAULT_TOML: &str = include_str!("../assets/config.toml");

/// Which colours to use.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum ThemeChoice {
    /// Dark or light, from the terminal's background when it can be told.
    Auto,
    /// Light text on a dark background.
    Dark,
    /// Dark text on a light background.
    Light,
    /// No colour; attributes only.
    Mono,
}

/// The effective settings.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Config {
    /// Folder opened when no PATH is given.
    pub library: Option<PathBuf>,
    /// Width of the text column.
    pub measure: u16,
    /// Justify lines.
    pub justify: bool,
    /// Break words at hyphens and at dictionary points.
    pub hyphenate: bool,
    /// When notes are also set in the margin.
    pub sidenotes: Sidenotes,
    /// Colours.
    pub theme: ThemeChoice,
    /// Reading speed.
    pub words_per_minute: usize,
    /// Mouse support.
    pub mouse: bool,
    /// How lists show a date (`strftime`).
    pub date_format: &'static str,
    /// How the reader shows an article's date (`strftime`).
    pub reader_date_format: &'static str,
    /// The reader's key bindings as written in `[keys]`: (key, action name).
    pub keys: Vec<(String, String)>,
    /// Other contexts' bindings, from `[keys.<context>]`: (context, its bindings).
    pub context_keys: Vec<(String, Vec<(String, String)>)>,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            library: None,
            measure: 72,
            justify: false,
            hyphenate: false,
            sidenotes: Sidenotes::Auto,
            theme: ThemeChoice::Auto,
            words_per_minute: 240,
            mouse: true,
            date_format: crate::date_format::LIST,
            reader_date_format: crate::date_format::READER,
            keys: Vec::new(),
            context_keys: Vec::new(),
        }
    }
}

/// A configuration with where it came from and what was wrong with it.
#[derive(Debug, Clone)]
pub struct Loaded {
    /// The settings in force.
    pub config: Config,
    /// The file they were read from (it may not exist).
    pub path: Option<PathBuf>,
    /// One message per problem, each naming its line ("line 4: …").
    pub problems: Vec<String>,
    /// The file's text (empty when there is none), to find the line of a later problem.
    pub text: String,
}

impl Loaded {
    /// Every problem, these and `more` (also "line N: …"), in line order, each starting
    /// with the file's path as an editor's jump list wants it.
    pub fn report(&self, more: Vec<String>) -> Vec<String> {
        let mut all: Vec<String> = self.problems.iter().cloned().chain(more).collect();
        all.sort_by_key(|p| line_number(p));
        let file = self
            .path
            .as_ref()
            .map_or("config.toml".into(), |p| p.display().to_string());
        all.into_iter().map(|p| format!("{file}: {p}")).collect()
    }

    /// Whether a configuration file was read (else the defaults are in force).
    pub fn found(&self) -> bool {
        self.path.as_ref().is_some_and(|p| p.is_file())
    }
}

/// Where `config.toml` lives: `$XDG_CONFIG_HOME/lectern/config.toml` on Linux.
pub fn default_path() -> Option<PathBuf> {
    directories::ProjectDirs::from("", "", "lectern").map(|d| d.config_dir().join("config.toml"))
}

/// Reads the configuration from its default place; a missing file means defaults.
pub fn load_default() -> Loaded {
    match default_path() {
        Some(path) => load(&path),
        None => Loaded {
            config: Config::default(),
            path: None,
            problems: Vec::new(),
            text: String::new(),
        },
    }
}

/// Reads the configuration at `path`.
pub fn load(path: &Path) -> Loaded {
    let (text, problems) = match std::fs::read_to_string(path) {
        Ok(text) => (text, Vec::new()),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => (String::new(), Vec::new()),
        Err(e) => (
            String::new(),
            vec![format!(
                "cannot read it ({}); using the defaults",
                crate::errors::words(&e)
            )],
        ),
    };
    let (config, parsed) = parse(&text);
    Loaded {
        config,
        path: Some(path.to_path_buf()),
        problems: problems.into_iter().chain(parsed).collect(),
        text,
    }
}

/// Parses a configuration file; problems come back as messages, defaults fill the gaps.
pub fn parse(text: &str) -> (Config, Vec<String>) {
    let mut config = Config::default();
    let mut problems = Vec::new();
    let table: toml::Table = match text.parse() {
        Ok(t) => t,
        Err(e) => {
            let line = e.span().map_or(0, |s| line_at(text, s.start));
            let msg = e.message().trim().to_string();
            problems.push(format!("line {line}: {msg}; using the defaults"));
            return (config, problems);
        }
    };
    for (key, value) in &table {
        let line = line_of(text, None, key);
        let mut bad =
            |what: &str| problems.push(format!("line {line}: `{key}` {what}; using the default"));
        match key.as_str() {
            "library" => match value.as_str() {
                Some(s) if !s.trim().is_empty() => config.library = Some(expand_home(s)),
                _ => bad("must be a folder path in quotes"),
            },
            "measure" => match value.as_integer() {
                Some(n) if (30..=120).contains(&n) => config.measure = n as u16,
                _ => bad("must be a whole number from 30 to 120"),
            },
            "justify" => match value.as_bool() {
                Some(b) => config.justify = b,
                None => bad("must be true or false"),
            },
            "hyphenate" => match value.as_bool() {
                Some(b) => config.hyphenate = b,
                None => bad("must be true or false"),
            },
            "sidenotes" => match value.as_str() {
                Some("auto") => config.sidenotes = Sidenotes::Auto,
                Some("on") => config.sidenotes = Sidenotes::On,
                Some("off") => config.sidenotes = Sidenotes::Off,
                _ => bad("must be \"auto\", \"on\" or \"off\""),
            },
            "mouse" => match value.as_bool() {
                Some(b) => config.mouse = b,
                None => bad("must be true or false"),
            },
            "theme" => match value.as_str() {
                Some("auto") => config.theme = ThemeChoice::Auto,
                Some("dark") => config.theme = ThemeChoice::Dark,
                Some("light") => config.theme = ThemeChoice::Light,
                Some("mono") => config.theme = ThemeChoice::Mono,
                _ => bad("must be \"auto\", \"dark\", \"light\" or \"mono\""),
            },
            "words_per_minute" => match value.as_integer() {
                Some(n) if (60..=2000).contains(&n) => config.words_per_minute = n as usize,
                _ => bad("must be a whole number from 60 to 2000"),
            },
            "date_format" | "reader_date_format" => match value.as_str() {
                Some(f) => match crate::date_format::check(f) {
                    // Read once per run and kept for it, so the layout's settings stay Copy.
                    Ok(()) => *date_setting(&mut config, key) = Box::leak(f.into()),
                    Err(why) => bad(&format!("{why}: `{f}`")),
                },
                None => bad("must be a strftime format in quotes, as \"%Y-%m-%d\""),
            },
            "keys" => match value.as_table() {
                Some(keys) => {
                    for (k, v) in keys {
                        if let Some(section) = v.as_table() {
                            let table = format!("keys.{k}");
                            let pairs = bindings(text, &table, section, &mut problems);
                            config.context_keys.push((k.clone(), pairs));
                            continue;
                        }
                        match v.as_str() {
                            Some(action) => config.keys.push((k.clone(), action.to_string())),
                            None => problems.push(format!(
                                "line {}: key `{k}` must name an action in quotes",
                                line_of(text, Some(&["keys"]), k)
                            )),
                        }
                    }
                }
                None => bad("must be a table: [keys]"),
            },
            _ => problems.push(format!(
                "line {line}: unknown setting `{key}`{} (ignored)",
                crate::errors::did_you_mean(key, SETTINGS)
            )),
        }
    }
    problems.sort_by_key(|p| line_number(p));
    (config, problems)
}

/// The field a date format setting fills.
fn date_setting<'c>(config: &'c mut Config, key: &str) -> &'c mut &'static str {
    if key == "date_format" {
        &mut config.date_format
    } else {
        &mut config.reader_date_format
    }
}

/// Every setting the file can have, for "did you mean" and `lectern man`.
pub const SETTINGS: &[&str] = &[
    "library",
    "measure",
    "justify",
    "hyphenate",
    "sidenotes",
    "mouse",
    "theme",
    "words_per_minute",
    "date_format",
    "reader_date_format",
    "keys",
];

/// The line a problem names ("line 4: …"), 0 for the file as a whole.
fn line_number(problem: &str) -> usize {
    problem
        .strip_prefix("line ")
        .and_then(|r| r.split(':').next())
        .and_then(|n| n.parse::<usize>().ok())
        .unwrap_or(0)
}

/// What the default file's comment says about a setting (the lines above it), for the
/// manual page.
pub fn describe(setting: &str) -> String {
    let lines: Vec<&str> = DEFAULT_TOML.lines().collect();
    let Some(at) = lines.iter().position(|l| {
        let l = l.trim_start_matches(['#', ' ']);
        l.strip_prefix(setting)
            .is_some_and(|rest| rest.trim_start().starts_with('='))
    }) else {
        return String::new();
    };
    let above = lines[..at]
        .iter()
        .rev()
        .take_while(|l| l.starts_with("# "))
        .map(|l| &l[2..])
        .collect::<Vec<_>>();
    above.into_iter().rev().collect::<Vec<_>>().join(" ")
}

/// The line of a table's header (`[keys.library]`), 0 when it has none.
pub fn header_line(text: &str, table: &str) -> usize {
    match table.split_once('.') {
        Some((outer, inner)) => line_of(text, Some(&[outer]), inner),
        None => line_of(text, None, table),
    }
}

/// The path of a table named `keys` or `keys.CONTEXT` (a context may hold a dot).
fn table_path(table: &str) -> Vec<&str> {
    match table.split_once('.') {
        Some((outer, inner)) => vec![outer, inner],
        None => vec![table],
    }
}

/// The line where `key` is bound in `[table]` (`keys`, `keys.library`), for problems
/// found once the bindings are read.
pub fn binding_line(text: &str, table: &str, key: &str) -> usize {
    line_of(text, Some(&table_path(table)), key)
}

/// `~/x` means the home directory's `x`.
fn expand_home(path: &str) -> PathBuf {
    match (path.strip_prefix("~/"), std::env::var_os("HOME")) {
        (Some(rest), Some(home)) => PathBuf::from(home).join(rest),
        _ => PathBuf::from(path),
    }
}

/// 1-based line of a byte offset; the very end of a file that ends in a line feed is on
/// its last line, not on one after it that no editor shows.
fn line_at(text: &str, offset: usize) -> usize {
    let line = text[..offset.min(text.len())].matches('\n').count() + 1;
    line.min(text.lines().count().max(1))
}

/// The line where `key` is first written (inside the table at `path` when given), found
/// by the TOML parser's own spans, so a key is found however the file spells it: quoted,
/// with escapes, or as the first part of a dotted key (`key.x = 1`, `[key.x]`). 0 when the
/// file does not parse.
fn line_of(text: &str, path: Option<&[&str]>, key: &str) -> usize {
    use toml::de::{DeTable, DeValue};
    let Ok(doc) = DeTable::parse(text) else {
        return 0;
    };
    fn entry<'a>(t: &'a DeTable<'_>, name: &str) -> Option<(usize, &'a DeValue<'a>)> {
        t.iter()
            .find(|(k, _)| k.get_ref() == name)
            .map(|(k, v)| (k.span().start, v.get_ref()))
    }
    let mut table = doc.get_ref();
    for part in path.unwrap_or_default() {
        match entry(table, part) {
            Some((_, DeValue::Table(inner))) => table = inner,
            _ => return 0,
        }
    }
    entry(table, key).map_or(0, |(at, _)| line_at(text, at))
}

use toml_writer::{ToTomlKey, ToTomlValue, TomlKeyBuilder};

impl Config {
    /// The effective settings as TOML, for `lectern config`.
    pub fn to_toml(&self) -> String {
        let mut out = String::new();
        if let Some(lib) = &self.library {
            let lib = lib.display().to_string();
            out.push_str(&format!("library = {}\n", quoted(&lib)));
        }
        out.push_str(&format!("measure = {}\n", self.measure));
        out.push_str(&format!("justify = {}\n", self.justify));
        out.push_str(&format!("hyphenate = {}\n", self.hyphenate));
        out.push_str(&format!("sidenotes = {}\n", quoted(&word(self.sidenotes))));
        out.push_str(&format!("theme = {}\n", quoted(&word(self.theme))));
        out.push_str(&format!("words_per_minute = {}\n", self.words_per_minute));
        out.push_str(&format!("mouse = {}\n", self.mouse));
        out.push_str(&format!("date_format = {}\n", quoted(self.date_format)));
        out.push_str(&format!(
            "reader_date_format = {}\n",
            quoted(self.reader_date_format)
        ));
        out.push_str("\n[keys]\n");
        for (k, a) in &self.keys {
            out.push_str(&format!("{} = {}\n", key(k), quoted(a)));
        }
        for (context, pairs) in &self.context_keys {
            out.push_str(&format!("\n[keys.{}]\n", context.to_toml_key()));
            for (k, a) in pairs {
                out.push_str(&format!("{} = {}\n", key(k), quoted(a)));
            }
        }
        out
    }
}

/// `text` as a TOML string, escaped as TOML escapes (Rust's `{:?}` writes `\0`, which
/// TOML has not).
fn quoted(text: &str) -> String {
    text.to_toml_value()
}

/// A key binding's key, always quoted as the sample file writes them, and on one line: a
/// key cannot be a multi-line string, as a value with a line feed is written.
fn key(text: &str) -> String {
    TomlKeyBuilder::new(text).as_basic().to_toml_key()
}

/// The `(key, action)` pairs of one `[keys.<context>]` table; a value that is not an
/// action name in quotes is reported with its line.
fn bindings(
    text: &str,
    table: &str,
    section: &toml::Table,
    problems: &mut Vec<String>,
) -> Vec<(String, String)> {
    let mut out = Vec::new();
    for (k, v) in section {
        match v.as_str() {
            Some(action) => out.push((k.clone(), action.to_string())),
            None => problems.push(format!(
                "line {}: key `{k}` must name an action in quotes",
                line_of(text, Some(&table_path(table)), k)
            )),
        }
    }
    out
}

/// A setting's value as the file spells it (`"auto"`, `"dark"`…).
fn word(value: impl Serialize) -> String {
    serde_json::to_value(value)
        .ok()
        .and_then(|v| v.as_str().map(str::to_string))
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_setting_is_described_by_the_default_file() {
        for setting in SETTINGS.iter().filter(|s| **s != "keys") {
            assert!(describe(setting).len() > 10, "{setting}");
        }
        assert!(describe("measure").starts_with("Width of the text column"));
    }

    #[test]
    fn date_formats_are_checked_with_their_line() {
        let (c, p) = parse("date_format = \"%d.%m.%Y\"\nreader_date_format = \"%H:%M\"\n");
        assert_eq!(c.date_format, "%d.%m.%Y");
        assert_eq!(c.reader_date_format, crate::date_format::READER);
        assert_eq!(p.len(), 1, "{p:?}");
        assert!(
            p[0].starts_with("line 2: `reader_date_format` cannot format a date"),
            "{p:?}"
        );
        let (c, p) = parse("date_format = 3\n");
        assert_eq!(c.date_format, crate::date_format::LIST);
        assert!(p[0].contains("strftime"), "{p:?}");
    }

    #[test]
    fn the_default_file_parses_to_the_defaults() {
        let (config, problems) = parse(DEFAULT_TOML);
        assert!(problems.is_empty(), "{problems:?}");
        assert_eq!(config, Config::default());
    }

    #[test]
    fn values_are_read() {
        let (c, p) = parse(
            "measure = 80\njustify = true\ntheme = \"light\"\nwords_per_minute = 300\nmouse = false\nlibrary = \"/tmp/lib\"\n[keys]\n\"x\" = \"quit\"\n",
        );
        assert!(p.is_empty(), "{p:?}");
        assert_eq!(
            (c.measure, c.justify, c.theme, c.words_per_minute, c.mouse),
            (80, true, ThemeChoice::Light, 300, false)
        );
        assert_eq!(c.library, Some(PathBuf::from("/tmp/lib")));
        assert_eq!(c.keys, vec![("x".to_string(), "quit".to_string())]);
    }

    #[test]
    fn sidenotes_are_read_and_a_bad_value_keeps_auto() {
        assert_eq!(parse("sidenotes = \"off\"\n").0.sidenotes, Sidenotes::Off);
        assert_eq!(parse("sidenotes = \"on\"\n").0.sidenotes, Sidenotes::On);
        let (c, p) = parse("sidenotes = \"left\"\n");
        assert_eq!(c.sidenotes, Sidenotes::Auto);
        assert!(p[0].starts_with("line 1: `sidenotes`"), "{p:?}");
        assert!(c.to_toml().contains("sidenotes = \"auto\""));
    }

    #[test]
    fn bad_values_and_unknown_keys_name_their_line_and_keep_defaults() {
        let (c, p) = parse("# comment\nmeasure = 500\ncolour = \"red\"\ntheme = 3\n");
        assert_eq!(c.measure, 72);
        assert_eq!(c.theme, ThemeChoice::Auto);
        assert!(
            p.iter().any(|m| m.starts_with("line 2: `measure`")),
            "{p:?}"
        );
        assert!(
            p.iter()
                .any(|m| m.starts_with("line 3: unknown setting `colour`")),
            "{p:?}"
        );
        assert!(p.iter().any(|m| m.starts_with("line 4: `theme`")), "{p:?}");
    }

    #[test]
    fn a_syntax_error_names_its_line() {
        let (c, p) = parse("measure = 80\njustify = \n");
        assert_eq!(c, Config::default());
        assert!(p[0].starts_with("line 2:"), "{p:?}");
    }

    #[test]
    fn dotted_keys_name_their_line() {
        let (_, p) = parse("measure = 80\nwords_per_mi.ute = 367\n[theme.x]\ny = 1\n");
        assert!(
            p.iter()
                .any(|m| m.starts_with("line 2: unknown setting `words_per_mi`")),
            "{p:?}"
        );
        assert!(p.iter().any(|m| m.starts_with("line 3: `theme`")), "{p:?}");
    }

    #[test]
    fn an_error_at_the_end_names_the_last_line() {
        let (_, p) = parse("measure = 80\nx = '''\n");
        assert!(p[0].starts_with("line 2:"), "{p:?}");
    }

    #[test]
    fn effective_config_round_trips() {
        let (c, _) = parse("measure = 64\n[keys]\n\"Ctrl-n\" = \"next-note\"\n");
        let (again, p) = parse(&c.to_toml());
        assert!(p.is_empty(), "{p:?}");
        assert_eq!(again, c);
    }

    #[test]
    fn printed_settings_with_odd_characters_read_back_the_same() {
        let text = "library = \"/tmp/a \\\"b\\\"\\tc\"\n[keys]\n\"Ctrl-\\u0000x\" = \"next\\u0007\"\n\"a\\nb\" = \"quit\"\n[keys.\"odd one\"]\n\"é\" = \"quit\"\n";
        let (c, _) = parse(text);
        assert_eq!(c.keys[0], ("Ctrl-\0x".to_string(), "next\u{7}".to_string()));
        assert_eq!(c.keys[1].0, "a\nb");
        assert_eq!(c.context_keys[0].0, "odd one");
        let printed = c.to_toml();
        let (again, p) = parse(&printed);
        assert!(p.is_empty(), "{p:?}\n{printed}");
        assert_eq!(again, c);
    }

    #[test]
    fn a_key_written_with_escapes_names_its_line() {
        let (_, p) = parse("measure = 60\n\"Spac\\u000be\" = 1\n");
        assert_eq!(p.len(), 1, "{p:?}");
        assert!(p[0].starts_with("line 2: unknown setting"), "{p:?}");
    }

    #[test]
    fn context_tables_rebind_other_contexts() {
        let (c, problems) = parse(
            "[keys]\n\"x\" = \"quit\"\n[keys.library]\n\"o\" = \"open-article\"\n\"z\" = 3\n",
        );
        assert_eq!(c.keys, vec![("x".to_string(), "quit".to_string())]);
        assert_eq!(
            c.context_keys,
            vec![(
                "library".to_string(),
                vec![("o".to_string(), "open-article".to_string())]
            )]
        );
        assert_eq!(problems.len(), 1, "{problems:?}");
        assert!(problems[0].starts_with("line 5:"), "{problems:?}");
        assert!(
            c.to_toml()
                .contains("[keys.library]\n\"o\" = \"open-article\"")
        );
    }
}
