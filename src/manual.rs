//! `lectern man`: the manual page, from the same sources as `--help` (the command line),
//! help and the README (the key maps) and `lectern config --default` (the settings), so
//! none of them can say something the others do not.

use clap_mangen::roff::{Roff, bold, italic, roman};

/// The manual page of `cmd` (the `lectern` command line) as roff.
pub fn render(cmd: clap::Command) -> std::io::Result<String> {
    let man = clap_mangen::Man::new(cmd.clone());
    let mut out = Vec::new();
    man.render_title(&mut out)?;
    man.render_name_section(&mut out)?;
    man.render_synopsis_section(&mut out)?;
    man.render_description_section(&mut out)?;
    man.render_options_section(&mut out)?;
    let mut roff = Roff::default();
    commands(&mut roff, &cmd);
    keys(&mut roff);
    configuration(&mut roff);
    files(&mut roff);
    environment(&mut roff);
    exit_status(&mut roff);
    roff.to_writer(&mut out)?;
    man.render_version_section(&mut out)?;
    Ok(String::from_utf8_lossy(&out).into_owned())
}

/// The commands a person can run, in the order `--help` lists them; there is one manual
/// page, so each is described here rather than pointed to.
fn commands(roff: &mut Roff, cmd: &clap::Command) {
    roff.control("SH", ["COMMANDS"]);
    for sub in visible_commands(cmd) {
        let mut usage = vec![bold(format!("lectern {}", sub.get_name()))];
        for arg in sub.get_positionals() {
            let name = arg.get_id().as_str().to_uppercase();
            usage.push(roman(" "));
            usage.push(match arg.is_required_set() {
                true => italic(name),
                false => italic(format!("[{name}]")),
            });
        }
        roff.control("TP", []);
        roff.text(usage);
        if let Some(about) = sub.get_about() {
            roff.text([roman(about.to_string())]);
        }
    }
    roff.text([
        roman("Each command's options: "),
        bold("lectern COMMAND --help"),
        roman("."),
    ]);
}

/// The subcommands `--help` and the completions show (not the hidden test helpers).
pub fn visible_commands(cmd: &clap::Command) -> impl Iterator<Item = &clap::Command> {
    cmd.get_subcommands()
        .filter(|s| !s.is_hide_set() && s.get_name() != "help")
}

/// Every context's default keys, as help shows them.
fn keys(roff: &mut Roff) {
    use crate::tui::keys::{self, Context};
    roff.control("SH", ["KEYS"]);
    roff.text([roman(
        "The defaults; [keys] and [keys.CONTEXT] in the configuration change them.",
    )]);
    for ctx in Context::ALL {
        let title = match ctx {
            Context::Global => "Everywhere but in a prompt".to_string(),
            other => other.title_case(),
        };
        let heading = format!("{title} ([keys.{}])", ctx.name());
        roff.control("SS", [heading.as_str()]);
        for (keys, what) in keys::context_rows(ctx) {
            roff.control("TP", []);
            roff.text([bold(keys)]);
            roff.text([roman(what)]);
        }
    }
}

/// The settings with their defaults.
fn configuration(roff: &mut Roff) {
    roff.control("SH", ["CONFIGURATION"]);
    roff.text([
        roman("Settings are read from "),
        italic("config.toml"),
        roman(" (see FILES); a bad line is reported with its number and its default applies. "),
        bold("lectern config"),
        roman(" prints the settings in force and every problem; "),
        bold("lectern config --default"),
        roman(" prints the commented default file. The settings and their defaults:"),
    ]);
    let defaults = crate::config::Config::default().to_toml();
    for line in defaults.lines().take_while(|l| !l.starts_with('[')) {
        if let Some((name, value)) = line.split_once(" = ") {
            roff.control("TP", []);
            roff.text([bold(name), roman(format!(" = {value}"))]);
            roff.text([roman(crate::config::describe(name))]);
        }
    }
    roff.control("TP", []);
    roff.text([bold("[keys]"), roman(", "), bold("[keys.CONTEXT]")]);
    roff.text([roman(
        "\"KEY\" = \"ACTION\" binds a key (j, G, Ctrl-f, PageDown, F1…) to an action \
         (line-down, quit…; see KEYS); \"none\" unbinds it.",
    )]);
}

fn files(roff: &mut Roff) {
    roff.control("SH", ["FILES"]);
    let rows = [
        (
            "$XDG_CONFIG_HOME/lectern/config.toml",
            "the settings (default ~/.config/lectern/config.toml)",
        ),
        (
            "$XDG_DATA_HOME/lectern/state.json",
            "reading positions, bookmarks and highlights (default ~/.local/share/lectern/); \
             state.lock beside it lets several readers share it",
        ),
        (
            "$XDG_CACHE_HOME/lectern/",
            "each library's metadata and searchable text, rebuilt when missing \
             (default ~/.cache/lectern/)",
        ),
    ];
    for (path, what) in rows {
        roff.control("TP", []);
        roff.text([italic(path)]);
        roff.text([roman(what)]);
    }
}

fn environment(roff: &mut Roff) {
    roff.control("SH", ["ENVIRONMENT"]);
    let rows = [
        (
            "NO_COLOR",
            "when set and not empty, no colours (attributes only)",
        ),
        (
            "CLICOLOR_FORCE",
            "styles in printed output even when it is not a terminal",
        ),
        (
            "COLORFGBG",
            "the terminal's colours as \"fg;bg\": with theme = \"auto\", used when the \
             terminal does not answer a query for its background",
        ),
        (
            "TERM, COLORTERM",
            "what the terminal can show (colours, alternate screen)",
        ),
        (
            "XDG_CONFIG_HOME, XDG_DATA_HOME, XDG_CACHE_HOME",
            "where FILES are",
        ),
    ];
    for (name, what) in rows {
        roff.control("TP", []);
        roff.text([bold(name)]);
        roff.text([roman(what)]);
    }
}

fn exit_status(roff: &mut Roff) {
    roff.control("SH", ["EXIT STATUS"]);
    let rows = [
        ("0", "success; the reader was quit"),
        (
            "1",
            "an error (one line on standard error says what); for search, no match",
        ),
        ("2", "search: an error"),
        (
            "128+N",
            "stopped by signal N: 129 after SIGHUP, 130 after SIGINT, 143 after SIGTERM",
        ),
    ];
    for (code, what) in rows {
        roff.control("TP", []);
        roff.text([bold(code)]);
        roff.text([roman(what)]);
    }
}
