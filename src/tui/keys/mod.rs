//! The key maps: one table of bindings per context (the reader, the library, each
//! pop-up, the prompt), laid over by `[keys.<context>]` in the configuration; help, hints
//! and the README's tables are drawn from the bindings in force.

mod actions;
pub mod check;
mod contexts;
pub mod hints;
pub mod tables;

pub use actions::{ACTION_NAMES, Action};
pub use contexts::Context;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

/// One row of help: the keys bound to an action, and what it does.
pub type HelpRow = (String, &'static str);

/// A key as help writes it, with the event it matches.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Binding {
    /// The key code.
    pub code: KeyCode,
    /// Required modifiers (Shift is ignored for characters).
    pub mods: KeyModifiers,
    /// What it does.
    pub action: Action,
}

const fn key(code: KeyCode, action: Action) -> Binding {
    Binding {
        code,
        mods: KeyModifiers::NONE,
        action,
    }
}

const fn ctrl(c: char, action: Action) -> Binding {
    Binding {
        code: KeyCode::Char(c),
        mods: KeyModifiers::CONTROL,
        action,
    }
}

/// The reader's default key map, in the order help lists it.
pub const READER_KEYS: &[Binding] = tables::READER;

/// The action a key event triggers in the reader with the default map, if any.
pub fn action_for(event: &KeyEvent) -> Option<Action> {
    find(READER_KEYS, event)
}

fn find(bindings: &[Binding], event: &KeyEvent) -> Option<Action> {
    let mods = event.modifiers - KeyModifiers::SHIFT;
    bindings
        .iter()
        .find(|b| b.code == event.code && b.mods == mods)
        .map(|b| b.action)
}

/// Reads a key as help writes it: `j`, `G`, `Ctrl-f`, `Space`, `PageDown`, `F1`…
pub fn parse_key(text: &str) -> Option<(KeyCode, KeyModifiers)> {
    let (mods, base) = match text
        .strip_prefix("Ctrl-")
        .or_else(|| text.strip_prefix("C-"))
    {
        Some(rest) => (KeyModifiers::CONTROL, rest),
        None => (KeyModifiers::NONE, text),
    };
    let code = match base {
        "Space" => KeyCode::Char(' '),
        "Enter" | "Return" => KeyCode::Enter,
        "Esc" | "Escape" => KeyCode::Esc,
        "Tab" => KeyCode::Tab,
        "Shift-Tab" | "BackTab" => KeyCode::BackTab,
        "Backspace" => KeyCode::Backspace,
        "PageDown" => KeyCode::PageDown,
        "PageUp" => KeyCode::PageUp,
        "Home" => KeyCode::Home,
        "End" => KeyCode::End,
        "Up" | "↑" => KeyCode::Up,
        "Down" | "↓" => KeyCode::Down,
        "Left" | "←" => KeyCode::Left,
        "Right" | "→" => KeyCode::Right,
        s if s.chars().count() == 1 => KeyCode::Char(s.chars().next()?),
        s => match s.strip_prefix('F').and_then(|n| n.parse::<u8>().ok()) {
            Some(n @ 1..=12) => KeyCode::F(n),
            _ => return None,
        },
    };
    Some((code, mods))
}

/// The key maps in force: each context's defaults with the user's bindings laid over them.
#[derive(Debug, Clone)]
pub struct KeyMap {
    maps: Vec<Vec<Binding>>,
}

impl Default for KeyMap {
    fn default() -> Self {
        KeyMap {
            maps: Context::ALL.iter().map(|c| c.defaults().to_vec()).collect(),
        }
    }
}

impl KeyMap {
    /// The defaults with `(key, action)` overrides of the reader's keys (the `[keys]`
    /// table); "none" unbinds a key. Unknown keys or actions and a key bound twice are
    /// reported; the first binding wins.
    pub fn with_overrides(overrides: &[(String, String)]) -> (KeyMap, Vec<String>) {
        Self::from_sections(overrides, &[])
    }

    /// The defaults with the reader's overrides (`[keys]`) and each context's own
    /// (`[keys.library]`, `[keys.note]`…).
    pub fn from_sections(
        reader: &[(String, String)],
        sections: &[(String, Vec<(String, String)>)],
    ) -> (KeyMap, Vec<String>) {
        let (map, problems) = Self::collect(reader, sections);
        (map, problems.into_iter().map(|p| p.message).collect())
    }

    /// The map and its problems, each with the table and key it is about.
    fn collect(
        reader: &[(String, String)],
        sections: &[(String, Vec<(String, String)>)],
    ) -> (KeyMap, Vec<check::Problem>) {
        let mut map = KeyMap::default();
        let mut problems = Vec::new();
        map.lay_over(Context::Reader, "keys", reader, &mut problems);
        for (name, pairs) in sections {
            let table = format!("keys.{name}");
            match Context::from_name(name) {
                Some(ctx) => map.lay_over(ctx, &table, pairs, &mut problems),
                None => problems.push(check::Problem {
                    message: check::unknown_context(name),
                    table,
                    key: None,
                }),
            }
        }
        (map, problems)
    }

    fn lay_over(
        &mut self,
        ctx: Context,
        table: &str,
        overrides: &[(String, String)],
        problems: &mut Vec<check::Problem>,
    ) {
        let bindings = &mut self.maps[ctx as usize];
        let mut seen: Vec<((KeyCode, KeyModifiers), &str)> = Vec::new();
        let mut problem = |key: &str, message: String| {
            problems.push(check::Problem {
                table: table.to_string(),
                key: Some(key.to_string()),
                message,
            })
        };
        for (key, action) in overrides {
            let Some(k) = parse_key(key) else {
                problem(key, check::unknown_key(key, table));
                continue;
            };
            if let Some((_, first)) = seen.iter().find(|(s, _)| *s == k) {
                let message = format!(
                    "key `{key}` is bound twice in [{table}] (`{first}` and `{action}`); keeping `{first}`"
                );
                problem(key, message);
                continue;
            }
            let act = Action::from_name(action);
            if act.is_none() && action != "none" {
                problem(key, check::unknown_action(action, key, table));
                continue;
            }
            seen.push((k, action));
            bindings.retain(|b| (b.code, b.mods) != k);
            if let Some(a) = act {
                bindings.push(Binding {
                    code: k.0,
                    mods: k.1,
                    action: a,
                });
            }
        }
    }

    /// The action a key event triggers in the reader, if any.
    pub fn action_for(&self, event: &KeyEvent) -> Option<Action> {
        self.action_in(Context::Reader, event)
    }

    /// The action a key event triggers in `ctx`: its own bindings, then the global ones
    /// (a prompt has none: everything typed there is the answer or its editing keys).
    pub fn action_in(&self, ctx: Context, event: &KeyEvent) -> Option<Action> {
        find(self.bindings(ctx), event).or_else(|| match ctx {
            Context::Prompt => None,
            _ => find(self.bindings(Context::Global), event),
        })
    }

    /// The bindings of one context, without the global ones.
    pub fn bindings(&self, ctx: Context) -> &[Binding] {
        &self.maps[ctx as usize]
    }

    /// The reader's map grouped by action for help.
    pub fn help_rows(&self) -> Vec<(String, &'static str)> {
        rows(self.bindings(Context::Reader))
    }

    /// Help for `ctx`: its own rows, then the global keys it does not bind (or type) itself.
    pub fn help_for(&self, ctx: Context) -> (Vec<HelpRow>, Vec<HelpRow>) {
        let own = self.bindings(ctx);
        let global: Vec<Binding> = match ctx {
            Context::Prompt | Context::Global => Vec::new(),
            _ => self
                .bindings(Context::Global)
                .iter()
                // A key the context binds itself means what it says there; where letters
                // are text, a global letter is text too.
                .filter(|g| !own.iter().any(|b| (b.code, b.mods) == (g.code, g.mods)))
                .filter(|g| {
                    !(ctx.typing() && g.mods.is_empty() && matches!(g.code, KeyCode::Char(_)))
                })
                .copied()
                .collect(),
        };
        (rows(own), rows(&global))
    }

    /// The first key bound to `action` in `ctx` (or globally), as help writes it.
    pub fn key_for(&self, ctx: Context, action: Action) -> Option<String> {
        let global = match ctx {
            Context::Prompt => &[][..],
            _ => self.bindings(Context::Global),
        };
        self.bindings(ctx)
            .iter()
            .chain(global)
            .find(|b| b.action == action)
            .map(key_name)
    }

    /// A hint as the keys in force make it.
    pub fn show(&self, h: &hints::Hint) -> String {
        self.hint(h.context, h.parts)
    }

    /// A hint such as `Enter: go there · n/p · Esc`: each part names the first key of
    /// each of its actions in `ctx` (joined by `/`), put where `{}` is in its label or
    /// before the label; a part whose actions are all unbound is left out.
    pub fn hint(&self, ctx: Context, parts: &[(&[Action], &str)]) -> String {
        parts
            .iter()
            .filter_map(|(actions, label)| {
                let keys: Vec<String> = actions
                    .iter()
                    .filter_map(|a| self.key_for(ctx, *a))
                    .collect();
                if keys.is_empty() {
                    return None;
                }
                let k = keys.join("/");
                Some(if label.contains("{}") {
                    label.replace("{}", &k)
                } else if label.is_empty() {
                    k
                } else {
                    format!("{k} {label}")
                })
            })
            .collect::<Vec<_>>()
            .join(" · ")
    }
}

/// How help and the README write a key.
pub fn key_name(b: &Binding) -> String {
    let base = match b.code {
        KeyCode::Char(' ') => "Space".to_string(),
        KeyCode::Char(c) => c.to_string(),
        KeyCode::Down => "↓".into(),
        KeyCode::Up => "↑".into(),
        KeyCode::Left => "←".into(),
        KeyCode::Right => "→".into(),
        KeyCode::PageDown => "PageDown".into(),
        KeyCode::PageUp => "PageUp".into(),
        KeyCode::Home => "Home".into(),
        KeyCode::End => "End".into(),
        KeyCode::Tab => "Tab".into(),
        KeyCode::BackTab => "Shift-Tab".into(),
        KeyCode::Backspace => "Backspace".into(),
        KeyCode::Enter => "Enter".into(),
        KeyCode::Esc => "Esc".into(),
        KeyCode::F(n) => format!("F{n}"),
        other => format!("{other:?}"),
    };
    if b.mods.contains(KeyModifiers::CONTROL) {
        format!("Ctrl-{base}")
    } else {
        base
    }
}

/// The reader's default map grouped by action, in first-appearance order: (keys, description).
pub fn help_rows() -> Vec<(String, &'static str)> {
    rows(READER_KEYS)
}

/// One context's default keys grouped by action, as help lists them.
pub fn context_rows(ctx: Context) -> Vec<HelpRow> {
    rows(ctx.defaults())
}

fn rows(bindings: &[Binding]) -> Vec<(String, &'static str)> {
    let mut rows: Vec<(Action, Vec<String>)> = Vec::new();
    for b in bindings {
        match rows.iter_mut().find(|(a, _)| *a == b.action) {
            Some((_, keys)) => keys.push(key_name(b)),
            None => rows.push((b.action, vec![key_name(b)])),
        }
    }
    rows.into_iter()
        .map(|(a, keys)| (keys.join(" "), a.describe()))
        .collect()
}

/// Every context's default keys as Markdown tables, for the README: the reader's first,
/// then each other context under its own heading.
pub fn markdown_table() -> String {
    let mut out = table(&help_rows());
    for ctx in Context::ALL.iter().filter(|c| **c != Context::Reader) {
        let heading = match ctx {
            Context::Global => {
                "Everywhere but in a prompt, unless the context binds the key itself".into()
            }
            other => other.title_case(),
        };
        out.push_str(&format!("\n{heading} (`[keys.{}]`):\n\n", ctx.name()));
        out.push_str(&table(&rows(ctx.defaults())));
    }
    out
}

fn table(rows: &[(String, &'static str)]) -> String {
    let mut out = String::from("| keys | action |\n|---|---|\n");
    for (keys, what) in rows {
        let keys: Vec<String> = keys
            .split(' ')
            .map(|k| {
                if k == "|" {
                    "`\\|`".to_string()
                } else {
                    format!("`{k}`")
                }
            })
            .collect();
        out.push_str(&format!("| {} | {what} |\n", keys.join(" ")));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_key_maps_to_one_action() {
        for (i, a) in READER_KEYS.iter().enumerate() {
            for b in &READER_KEYS[i + 1..] {
                assert!(
                    !(a.code == b.code && a.mods == b.mods),
                    "{:?} bound twice",
                    a.code
                );
            }
        }
    }

    #[test]
    fn shifted_characters_match() {
        let ev = KeyEvent::new(KeyCode::Char('G'), KeyModifiers::SHIFT);
        assert_eq!(action_for(&ev), Some(Action::Bottom));
        let ev = KeyEvent::new(KeyCode::Char('o'), KeyModifiers::CONTROL);
        assert_eq!(action_for(&ev), Some(Action::JumpBack));
    }

    #[test]
    fn overrides_rebind_unbind_and_report_conflicts() {
        let over = |pairs: &[(&str, &str)]| {
            KeyMap::with_overrides(
                &pairs
                    .iter()
                    .map(|(k, a)| (k.to_string(), a.to_string()))
                    .collect::<Vec<_>>(),
            )
        };
        let (map, problems) = over(&[("x", "quit"), ("j", "none"), ("Ctrl-n", "next-note")]);
        assert!(problems.is_empty(), "{problems:?}");
        let ev = |c, m| KeyEvent::new(c, m);
        assert_eq!(
            map.action_for(&ev(KeyCode::Char('x'), KeyModifiers::NONE)),
            Some(Action::Quit)
        );
        assert_eq!(
            map.action_for(&ev(KeyCode::Char('j'), KeyModifiers::NONE)),
            None
        );
        assert_eq!(
            map.action_for(&ev(KeyCode::Char('n'), KeyModifiers::CONTROL)),
            Some(Action::NextNote)
        );
        assert_eq!(
            map.action_for(&ev(KeyCode::Char('q'), KeyModifiers::NONE)),
            Some(Action::Quit),
            "defaults stay"
        );
        let (_, problems) = over(&[
            ("x", "quit"),
            ("x", "top"),
            ("Hyper-q", "quit"),
            ("y", "fly"),
        ]);
        assert_eq!(problems.len(), 3, "{problems:?}");
        assert!(problems[0].contains("bound twice"));
    }

    #[test]
    fn every_action_has_a_name() {
        for b in READER_KEYS {
            assert!(
                ACTION_NAMES.iter().any(|(a, _)| *a == b.action),
                "{:?}",
                b.action
            );
        }
    }

    #[test]
    fn help_lists_every_action_once() {
        let rows = help_rows();
        assert!(rows.iter().any(|(k, d)| k == "j ↓" && *d == "down a line"));
        assert!(rows.iter().any(|(k, _)| k == "q Ctrl-c"));
    }

    #[test]
    fn each_context_rebinds_its_own_keys_and_hints_follow() {
        let pairs = |v: &[(&str, &str)]| -> Vec<(String, String)> {
            v.iter()
                .map(|(k, a)| (k.to_string(), a.to_string()))
                .collect()
        };
        let sections = vec![
            (
                "note".to_string(),
                pairs(&[("x", "close"), ("Esc", "none")]),
            ),
            ("library".to_string(), pairs(&[("o", "open-article")])),
            ("nowhere".to_string(), pairs(&[("o", "close")])),
        ];
        let (map, problems) = KeyMap::from_sections(&[], &sections);
        assert_eq!(problems.len(), 1, "{problems:?}");
        assert!(problems[0].starts_with("unknown key context [keys.nowhere]"));
        assert!(problems[0].contains("(the contexts: global, reader,"));
        let ev = |c| KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE);
        assert_eq!(map.action_in(Context::Note, &ev('x')), Some(Action::Close));
        assert_eq!(
            map.action_in(Context::Reader, &ev('x')),
            None,
            "the reader keeps its own"
        );
        assert_eq!(
            map.action_in(Context::Library, &ev('o')),
            Some(Action::OpenArticle)
        );
        let esc = KeyEvent::new(KeyCode::Esc, KeyModifiers::NONE);
        assert_eq!(map.action_in(Context::Note, &esc), None);
        let hint = map.hint(
            Context::Note,
            &[(&[Action::NoteGo], "{}: in Notes"), (&[Action::Close], "")],
        );
        assert_eq!(hint, "Enter: in Notes · q", "the first key still bound");
        let (_, help) = map.help_for(Context::Library);
        assert!(
            help.iter().any(|(k, _)| k == "Ctrl-c"),
            "global keys in help: {help:?}"
        );
    }

    #[test]
    fn typed_text_is_not_a_global_command() {
        let map = KeyMap::default();
        let (own, global) = map.help_for(Context::Sources);
        assert!(own.iter().any(|(k, _)| k == "F1"), "{own:?}");
        assert!(!global.iter().any(|(k, _)| k == "?"), "{global:?}");
        // Ctrl-C quits from a prompt too.
        assert_eq!(
            map.action_in(
                Context::Prompt,
                &KeyEvent::new(KeyCode::Char('c'), KeyModifiers::CONTROL)
            ),
            Some(Action::Quit)
        );
    }

    #[test]
    fn every_hint_names_keys_bound_in_its_context() {
        let map = KeyMap::default();
        for h in hints::ALL {
            for (actions, label) in h.parts {
                for a in *actions {
                    assert!(
                        map.key_for(h.context, *a).is_some(),
                        "{:?}: `{label}` names {a:?}, unbound there",
                        h.context
                    );
                }
            }
            assert!(!map.show(h).is_empty(), "{h:?}");
        }
    }

    #[test]
    fn no_key_is_bound_twice_in_one_context() {
        for ctx in Context::ALL {
            let b = ctx.defaults();
            for (i, x) in b.iter().enumerate() {
                assert!(
                    !b[i + 1..]
                        .iter()
                        .any(|y| (y.code, y.mods) == (x.code, x.mods)),
                    "{ctx:?}: {} bound twice",
                    key_name(x)
                );
            }
        }
    }

    #[test]
    fn every_context_has_a_distinct_name_and_a_way_out() {
        for ctx in Context::ALL {
            assert_eq!(Context::from_name(ctx.name()), Some(ctx));
            assert_eq!(Context::ALL[ctx as usize], ctx, "ALL is in enum order");
            let leaves = [
                Action::Close,
                Action::Quit,
                Action::Cancel,
                Action::ClearFilter,
                Action::Unselect,
            ];
            assert!(
                ctx == Context::Global || ctx.defaults().iter().any(|b| leaves.contains(&b.action)),
                "{ctx:?} has no key that leaves it"
            );
        }
    }
}
