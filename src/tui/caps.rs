//! What the terminal can do, from the environment and its terminfo entry: how many
//! colours, whether it has an alternate screen, and whether it can show the reader at all.

use std::io::IsTerminal;

/// How many colours the terminal shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Depth {
    /// None: attributes (bold, reverse…) only.
    Mono,
    /// The eight basic colours.
    Ansi8,
    /// The basic colours and their bright forms.
    Ansi16,
    /// The xterm 256-colour palette.
    Ansi256,
    /// Any 24-bit colour.
    TrueColor,
}

/// What a terminfo entry says about the terminal.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Entry {
    /// `colors`, when the entry gives it.
    pub colors: Option<i32>,
    /// `RGB` or tmux's `Tc`: 24-bit colour.
    pub rgb: bool,
    /// `smcup`: an alternate screen to draw on.
    pub alt_screen: bool,
}

/// The terminal's abilities that the reader adapts to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Caps {
    /// Colours it can show.
    pub depth: Depth,
    /// Whether it has an alternate screen (else the reader draws on the main one and
    /// clears it on the way out).
    pub alt_screen: bool,
}

/// Where the reader's output would go.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Screen {
    /// A terminal that can show the reader.
    Reader,
    /// Not a terminal (a file, a pipe): the article is printed instead.
    Pipe,
    /// A terminal that cannot place the cursor (`TERM=dumb`): printed too.
    Dumb,
}

/// A variable that is set to something other than the empty string.
fn set(var: &dyn Fn(&str) -> Option<String>, name: &str) -> bool {
    var(name).is_some_and(|v| !v.is_empty())
}

/// `CLICOLOR_FORCE`: colour whatever the terminal seems to be (NO_COLOR still wins).
fn forced(var: &dyn Fn(&str) -> Option<String>) -> bool {
    var("CLICOLOR_FORCE").is_some_and(|v| !v.is_empty() && v != "0")
}

impl Caps {
    /// The abilities of the terminal this process runs in.
    pub fn from_env() -> Caps {
        let var = |name: &str| std::env::var(name).ok();
        let entry = var("TERM").and_then(|t| lookup(&t));
        Caps::detect(&var, entry)
    }

    /// The abilities given the environment and the terminfo entry for `TERM`, if one was
    /// found. `NO_COLOR` wins; then `COLORTERM=truecolor|24bit`; then the entry's `RGB`/`Tc`
    /// and `colors`; without an entry, a `TERM` naming 256 colours, else the basic 16.
    /// `CLICOLOR_FORCE` gives colourless terminals the basic colours.
    pub fn detect(var: &dyn Fn(&str) -> Option<String>, entry: Option<Entry>) -> Caps {
        let term = var("TERM").unwrap_or_default();
        let colorterm = var("COLORTERM").unwrap_or_default().to_ascii_lowercase();
        let depth = if set(var, "NO_COLOR") {
            Depth::Mono
        } else if colorterm == "truecolor" || colorterm == "24bit" {
            Depth::TrueColor
        } else if term == "dumb" {
            Depth::Mono
        } else {
            match entry {
                Some(e) if e.rgb || e.colors.is_some_and(|c| c >= 1 << 24) => Depth::TrueColor,
                Some(e) => match e.colors.unwrap_or(0) {
                    256.. => Depth::Ansi256,
                    16.. => Depth::Ansi16,
                    8.. => Depth::Ansi8,
                    _ => Depth::Mono,
                },
                None if term.contains("256color") => Depth::Ansi256,
                None => Depth::Ansi16,
            }
        };
        let depth = if depth == Depth::Mono && forced(var) && !set(var, "NO_COLOR") {
            Depth::Ansi16
        } else {
            depth
        };
        Caps {
            depth,
            alt_screen: entry.is_none_or(|e| e.alt_screen),
        }
    }
}

/// The terminfo entry for a terminal name, from the usual places (`$TERMINFO`,
/// `~/.terminfo`, `$TERMINFO_DIRS`, `/etc`, `/lib`, `/usr/share/terminfo`).
fn lookup(term: &str) -> Option<Entry> {
    use termini::{NumberCapability, StringCapability, TermInfo};
    // Read whole first: termini reads a file a byte or two at a time, some 600 system
    // calls for one entry, on the way to the first frame.
    let bytes = std::fs::read(entry_path(term)?).ok()?;
    let info = TermInfo::parse(bytes.as_slice()).ok()?;
    Some(Entry {
        colors: info.number_cap(NumberCapability::MaxColors),
        rgb: info.extended_cap("RGB").is_some() || info.extended_cap("Tc").is_some(),
        alt_screen: info
            .raw_string_cap(StringCapability::EnterAlternativeMode)
            .is_some_and(|s| !s.is_empty()),
    })
}

/// The file of `term`'s terminfo entry, searched where ncurses looks (as termini does):
/// `$TERMINFO` else `~/.terminfo`, `$TERMINFO_DIRS`, then the system folders; in each,
/// under the name's first letter, or its hexadecimal code (macOS).
fn entry_path(term: &str) -> Option<std::path::PathBuf> {
    use std::path::PathBuf;
    let first = term.chars().next()?;
    if term.contains('/') {
        return None;
    }
    let mut dirs: Vec<PathBuf> = Vec::new();
    match std::env::var_os("TERMINFO") {
        Some(dir) => dirs.push(dir.into()),
        None => dirs.extend(std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".terminfo"))),
    }
    if let Ok(list) = std::env::var("TERMINFO_DIRS") {
        dirs.extend(list.split(':').filter(|d| !d.is_empty()).map(PathBuf::from));
    }
    if let Some(prefix) = std::env::var_os("PREFIX") {
        let prefix = PathBuf::from(prefix);
        dirs.extend(["etc/terminfo", "lib/terminfo", "share/terminfo"].map(|d| prefix.join(d)));
    }
    dirs.extend(["/etc/terminfo", "/lib/terminfo", "/usr/share/terminfo"].map(PathBuf::from));
    dirs.into_iter()
        .flat_map(|d| {
            [
                d.join(first.to_string()).join(term),
                d.join(format!("{:x}", first as u32)).join(term),
            ]
        })
        .find(|p| p.is_file())
}

/// Where output goes: the reader needs standard output to be a terminal that can move
/// the cursor.
pub fn screen() -> Screen {
    if !std::io::stdout().is_terminal() {
        Screen::Pipe
    } else if std::env::var("TERM").is_ok_and(|t| t == "dumb") {
        Screen::Dumb
    } else {
        Screen::Reader
    }
}

/// Whether printed text (`lectern render`) carries styles: on a terminal that is not dumb,
/// unless `NO_COLOR` is set; anywhere when `CLICOLOR_FORCE` asks for it.
pub fn styled_output() -> bool {
    let var = |name: &str| std::env::var(name).ok();
    if set(&var, "NO_COLOR") {
        false
    } else if forced(&var) {
        true
    } else {
        screen() == Screen::Reader
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn caps(vars: &[(&str, &str)], entry: Option<Entry>) -> Caps {
        let var = |name: &str| {
            vars.iter()
                .find(|(k, _)| *k == name)
                .map(|(_, v)| v.to_string())
        };
        Caps::detect(&var, entry)
    }

    fn entry(colors: i32) -> Option<Entry> {
        Some(Entry {
            colors: Some(colors),
            rgb: false,
            alt_screen: true,
        })
    }

    #[test]
    fn terminfo_colours_set_the_depth() {
        assert_eq!(caps(&[("TERM", "xterm")], entry(8)).depth, Depth::Ansi8);
        assert_eq!(caps(&[("TERM", "rxvt")], entry(88)).depth, Depth::Ansi16);
        assert_eq!(
            caps(&[("TERM", "xterm-256color")], entry(256)).depth,
            Depth::Ansi256
        );
        assert_eq!(
            caps(&[("TERM", "xterm-direct")], entry(1 << 24)).depth,
            Depth::TrueColor
        );
        let tc = Entry {
            rgb: true,
            ..entry(256).unwrap()
        };
        assert_eq!(
            caps(&[("TERM", "tmux-256color")], Some(tc)).depth,
            Depth::TrueColor
        );
        assert_eq!(caps(&[("TERM", "vt100")], None).depth, Depth::Ansi16);
        let no_colours = Entry {
            colors: None,
            ..Entry::default()
        };
        assert_eq!(
            caps(&[("TERM", "vt100")], Some(no_colours)).depth,
            Depth::Mono
        );
    }

    #[test]
    fn the_environment_overrides_terminfo() {
        let xterm = [("TERM", "xterm"), ("COLORTERM", "truecolor")];
        assert_eq!(caps(&xterm, entry(8)).depth, Depth::TrueColor);
        let no = [("TERM", "xterm-256color"), ("NO_COLOR", "1")];
        assert_eq!(caps(&no, entry(256)).depth, Depth::Mono);
        let empty = [("TERM", "xterm-256color"), ("NO_COLOR", "")];
        assert_eq!(
            caps(&empty, entry(256)).depth,
            Depth::Ansi256,
            "an empty NO_COLOR is not set"
        );
        let force = [("TERM", "dumb"), ("CLICOLOR_FORCE", "1")];
        assert_eq!(caps(&force, None).depth, Depth::Ansi16);
        let both = [
            ("TERM", "xterm"),
            ("CLICOLOR_FORCE", "1"),
            ("NO_COLOR", "1"),
        ];
        assert_eq!(caps(&both, entry(8)).depth, Depth::Mono);
        let zero = [("TERM", "dumb"), ("CLICOLOR_FORCE", "0")];
        assert_eq!(caps(&zero, None).depth, Depth::Mono);
        assert_eq!(
            caps(&[("TERM", "screen-256color")], None).depth,
            Depth::Ansi256
        );
    }

    #[test]
    fn an_entry_without_smcup_has_no_alternate_screen() {
        let plain = Entry {
            colors: Some(8),
            rgb: false,
            alt_screen: false,
        };
        assert!(!caps(&[("TERM", "ansi")], Some(plain)).alt_screen);
        assert!(caps(&[("TERM", "unknown")], None).alt_screen);
    }

    #[test]
    fn real_terminfo_entries_are_read_where_installed() {
        let Some(xterm) = lookup("xterm") else {
            eprintln!("note: no terminfo entry for xterm here; skipping");
            return;
        };
        assert_eq!(xterm.colors, Some(8));
        assert!(xterm.alt_screen);
        if let Some(e) = lookup("xterm-256color") {
            assert_eq!(e.colors, Some(256));
        }
        assert!(lookup("no-such-terminal-anywhere").is_none());
    }
}
