//! `lectern --help`, `lectern man` and the completions name the same commands, the
//! manual has the sections a manual page needs, and the test-only command is in none.

mod common;

fn stdout(args: &[&str]) -> String {
    let args: Vec<&std::ffi::OsStr> = args.iter().map(std::ffi::OsStr::new).collect();
    let out = common::run_with(&args, None, &[]);
    assert!(
        out.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

/// The commands `--help` lists (clap's own `help` left out).
fn help_commands() -> Vec<String> {
    let help = stdout(&["--help"]);
    help.lines()
        .skip_while(|l| !l.starts_with("Commands:"))
        .skip(1)
        .take_while(|l| l.starts_with("  "))
        .filter_map(|l| l.split_whitespace().next())
        .filter(|c| *c != "help")
        .map(str::to_string)
        .collect()
}

/// The commands the manual's COMMANDS section describes.
fn man_commands(man: &str) -> Vec<String> {
    man.split(".SH COMMANDS")
        .nth(1)
        .unwrap()
        .split(".SH ")
        .next()
        .unwrap()
        .lines()
        .filter_map(|l| l.strip_prefix("\\fBlectern "))
        .filter_map(|l| l.split("\\fR").next())
        .map(str::to_string)
        .collect()
}

#[test]
fn help_man_and_completions_agree_on_the_commands() {
    let commands = help_commands();
    assert!(commands.len() >= 10, "{commands:?}");
    assert!(!commands.iter().any(|c| c == "state-writer"));
    let man = stdout(&["man"]);
    assert_eq!(man_commands(&man), commands);
    for shell in ["bash", "zsh", "fish"] {
        let script = stdout(&["completions", shell]);
        for c in &commands {
            assert!(script.contains(c.as_str()), "{shell} completions lack {c}");
        }
        assert!(
            !script.contains("state-writer"),
            "{shell} completes state-writer"
        );
        assert!(
            !script.contains("state_writer"),
            "{shell} completes state_writer"
        );
    }
    assert!(!man.contains("state-writer"));
}

#[test]
fn the_manual_has_its_sections_and_points_to_no_missing_page() {
    let man = stdout(&["man"]);
    for section in [
        "KEYS",
        "FILES",
        "ENVIRONMENT",
        "CONFIGURATION",
        "EXIT STATUS",
        "COMMANDS",
    ] {
        assert!(
            man.contains(&format!(".SH {section}\n"))
                || man.contains(&format!(".SH \"{section}\"\n")),
            "no {section}"
        );
    }
    // One page only: no lectern-render(1) and the like.
    assert!(
        !man.contains("lectern\\-"),
        "points to a page that does not exist"
    );
    assert!(
        !man.contains("lectern-"),
        "points to a page that does not exist"
    );
    for env in [
        "NO_COLOR",
        "COLORFGBG",
        "XDG_CONFIG_HOME",
        "XDG_DATA_HOME",
        "XDG_CACHE_HOME",
    ] {
        assert!(man.contains(env), "ENVIRONMENT lacks {env}");
    }
    assert!(man.contains("143"), "EXIT STATUS names SIGTERM's");
    assert!(man.contains("state.json") && man.contains("config.toml"));
}

#[test]
fn the_manuals_keys_are_the_key_maps() {
    let man = stdout(&["man"]);
    let keys = man.split(".SH KEYS").nth(1).unwrap();
    // Every reader action as help describes it, and each other context's heading.
    for (keys_text, what) in lectern::tui::keys::help_rows() {
        // roff writes a hyphen as `\-`.
        let what = what.replace('-', "\\-");
        assert!(keys.contains(&what), "KEYS lacks {what:?} ({keys_text})");
    }
    for ctx in lectern::tui::keys::Context::ALL {
        assert!(keys.contains(&format!("[keys.{}]", ctx.name())), "{ctx:?}");
    }
    // Every setting of the default file, with its default.
    let config = man.split(".SH CONFIGURATION").nth(1).unwrap();
    assert!(config.contains("measure"), "{config}");
    assert!(config.contains("Width of the text column"));
}
