//! What is wrong with the bindings of `[keys]` and `[keys.<context>]`, said with the line
//! and the spellings that would work (the nearest first).

use super::{ACTION_NAMES, Context, KeyMap, parse_key};
use crate::config::{self, Loaded};
use crate::errors::{closest, did_you_mean, nearest};

/// The named keys a binding can use, besides a single character and F1 to F12.
pub const KEY_NAMES: &[&str] = &[
    "Space",
    "Enter",
    "Esc",
    "Tab",
    "Shift-Tab",
    "Backspace",
    "PageDown",
    "PageUp",
    "Home",
    "End",
    "Up",
    "Down",
    "Left",
    "Right",
];

/// A binding's problem before its line is known: the table, the key, the message.
pub(super) struct Problem {
    pub table: String,
    pub key: Option<String>,
    pub message: String,
}

/// The key map the configuration asks for, and every problem of the file (its settings'
/// and its bindings'), in line order, each "PATH: line N: …".
pub fn problems(loaded: &Loaded) -> (KeyMap, Vec<String>) {
    let cfg = &loaded.config;
    let (map, found) = KeyMap::collect(&cfg.keys, &cfg.context_keys);
    let text = &loaded.text;
    let more = found
        .into_iter()
        .map(|p| {
            let line = match &p.key {
                Some(key) => config::binding_line(text, &p.table, key),
                None => config::header_line(text, &p.table),
            };
            format!("line {line}: {}", p.message)
        })
        .collect();
    (map, loaded.report(more))
}

/// What the status line says about a file with problems: the first, and how many more.
pub fn summary(problems: &[String]) -> Option<String> {
    let first = problems.first()?;
    Some(match problems.len() {
        1 => first.clone(),
        n => format!("{n} problems in the configuration (`lectern config` lists them); {first}"),
    })
}

/// Why `key` is not a key, with the spellings that are.
pub(super) fn unknown_key(key: &str, table: &str) -> String {
    let meant = suggest_key(key).map_or(String::new(), |k| format!("; did you mean `{k}`?"));
    let names = nearest(key, KEY_NAMES)
        .iter()
        .map(|k| format!("`{k}`"))
        .collect::<Vec<_>>()
        .join(", ");
    format!(
        "unknown key `{key}` in [{table}]{meant} (a key is one character: `j`, `G`, `?`; \
         F1 to F12; or one of {names}; with `Ctrl-` before it for Control)"
    )
}

/// Why `action` is not an action, with every action's name, the nearest first.
pub(super) fn unknown_action(action: &str, key: &str, table: &str) -> String {
    let mut names: Vec<&str> = ACTION_NAMES.iter().map(|(_, n)| *n).collect();
    names.push("none");
    let meant = did_you_mean(action, &names);
    let listed = nearest(action, &names)
        .iter()
        .map(|n| format!("`{n}`"))
        .collect::<Vec<_>>()
        .join(", ");
    format!("unknown action `{action}` for key `{key}` in [{table}]{meant} (the actions: {listed})")
}

/// Why `[keys.<name>]` is not a context, with those that are.
pub(super) fn unknown_context(name: &str) -> String {
    let names: Vec<&str> = Context::ALL.iter().map(|c| c.name()).collect();
    let meant = did_you_mean(name, &names);
    format!(
        "unknown key context [keys.{name}]{meant} (the contexts: {})",
        names.join(", ")
    )
}

/// The spelling that was probably meant: `ctrl-x` is `Ctrl-x`, `PgDn` is `PageDown`.
fn suggest_key(key: &str) -> Option<String> {
    let lower = key.to_lowercase();
    let control = ["ctrl-", "control-", "ctrl+", "c-", "^"]
        .iter()
        .find_map(|p| lower.starts_with(p).then(|| &key[p.len()..]));
    match control {
        Some(rest) if !rest.is_empty() => suggest_base(rest).map(|b| format!("Ctrl-{b}")),
        _ => suggest_base(key).filter(|b| b != key),
    }
}

fn suggest_base(base: &str) -> Option<String> {
    if parse_key(base).is_some() {
        return Some(base.to_string());
    }
    if let Some(n) = base
        .strip_prefix(['f', 'F'])
        .and_then(|n| n.parse::<u8>().ok())
        .filter(|n| (1..=12).contains(n))
    {
        return Some(format!("F{n}"));
    }
    closest(base, KEY_NAMES).map(str::to_string)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn loaded(text: &str) -> Loaded {
        let (config, problems) = config::parse(text);
        Loaded {
            config,
            path: Some("/c/config.toml".into()),
            problems,
            text: text.into(),
        }
    }

    #[test]
    fn every_problem_is_reported_with_its_line_and_a_suggestion() {
        let text = "measure = 80\nmeassure = 70\n[keys]\n\"J\" = \"linedown\"\n\"PgDn\" = \"page-down\"\n\"ctrl-x\" = \"quit\"\n[keys.libary]\n\"o\" = \"open-article\"\n";
        let (_, p) = problems(&loaded(text));
        assert_eq!(p.len(), 5, "{p:#?}");
        assert!(p[0].starts_with("/c/config.toml: line 2: unknown setting `meassure`"));
        assert!(p[0].contains("did you mean `measure`?"), "{}", p[0]);
        assert!(p[1].starts_with("/c/config.toml: line 4: unknown action `linedown`"));
        assert!(p[1].contains("did you mean `line-down`?"), "{}", p[1]);
        assert!(
            p[1].contains("(the actions: `line-down`,"),
            "nearest first: {}",
            p[1]
        );
        assert!(p[2].starts_with("/c/config.toml: line 5: unknown key `PgDn`"));
        assert!(p[2].contains("did you mean `PageDown`?"), "{}", p[2]);
        assert!(p[3].starts_with("/c/config.toml: line 6: unknown key `ctrl-x`"));
        assert!(p[3].contains("did you mean `Ctrl-x`?"), "{}", p[3]);
        assert!(p[4].starts_with("/c/config.toml: line 7: unknown key context [keys.libary]"));
        assert!(p[4].contains("did you mean `library`?"), "{}", p[4]);
    }

    #[test]
    fn the_status_line_counts_the_problems() {
        assert_eq!(summary(&[]), None);
        let one = vec!["a: line 1: x".to_string()];
        assert_eq!(summary(&one).as_deref(), Some("a: line 1: x"));
        let two = vec![one[0].clone(), "a: line 2: y".into()];
        assert!(summary(&two).unwrap().starts_with("2 problems"));
    }
}
