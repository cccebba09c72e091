//! The one key map: every key the reader knows, the action it triggers and the words
//! the help screen (and README) show for it.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

/// Everything the user can ask for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Action {
    /// Scroll down one line.
    LineDown,
    /// Scroll up one line.
    LineUp,
    /// Scroll down a page.
    PageDown,
    /// Scroll up a page.
    PageUp,
    /// Scroll down half a page.
    HalfDown,
    /// Scroll up half a page.
    HalfUp,
    /// Go to the top.
    Top,
    /// Go to the end.
    Bottom,
    /// Jump to the percentage typed before it.
    Percent,
    /// Next paragraph.
    NextParagraph,
    /// Previous paragraph.
    PrevParagraph,
    /// Scroll code blocks left.
    ScrollLeft,
    /// Scroll code blocks right.
    ScrollRight,
    /// Widen the text column.
    Wider,
    /// Narrow the text column.
    Narrower,
    /// Start a search.
    Search,
    /// Next search match.
    NextMatch,
    /// Previous search match.
    PrevMatch,
    /// Focus the next footnote reference.
    NextNote,
    /// Focus the previous footnote reference.
    PrevNote,
    /// Focus the next citation.
    NextCitation,
    /// Focus the previous citation.
    PrevCitation,
    /// Focus the next footnote reference or citation.
    NextTarget,
    /// Focus the previous footnote reference or citation.
    PrevTarget,
    /// Open what is focused.
    Open,
    /// Jump back to where the last jump started.
    JumpBack,
    /// Open the Sources panel.
    Sources,
    /// Add a bookmark here.
    Bookmark,
    /// List this article's bookmarks.
    Bookmarks,
    /// Open the outline: a book's contents, else the headings.
    Outline,
    /// Show the help screen.
    Help,
    /// Close the pop-up, clear the search or focus.
    Cancel,
    /// Leave the article (back to the library) or quit.
    Quit,
    /// Suspend to the shell.
    Suspend,
}

/// A key as the help screen writes it, with the event it matches.
#[derive(Debug, Clone, Copy)]
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

/// The reader's key map, in the order the help screen lists it.
pub const READER_KEYS: &[Binding] = &[
    key(KeyCode::Char('j'), Action::LineDown),
    key(KeyCode::Down, Action::LineDown),
    key(KeyCode::Char('k'), Action::LineUp),
    key(KeyCode::Up, Action::LineUp),
    key(KeyCode::Char(' '), Action::PageDown),
    key(KeyCode::PageDown, Action::PageDown),
    ctrl('f', Action::PageDown),
    key(KeyCode::Char('b'), Action::PageUp),
    key(KeyCode::PageUp, Action::PageUp),
    ctrl('b', Action::PageUp),
    key(KeyCode::Char('d'), Action::HalfDown),
    ctrl('d', Action::HalfDown),
    key(KeyCode::Char('u'), Action::HalfUp),
    ctrl('u', Action::HalfUp),
    key(KeyCode::Char('g'), Action::Top),
    key(KeyCode::Home, Action::Top),
    key(KeyCode::Char('G'), Action::Bottom),
    key(KeyCode::End, Action::Bottom),
    key(KeyCode::Char('%'), Action::Percent),
    key(KeyCode::Char('}'), Action::NextParagraph),
    key(KeyCode::Char('{'), Action::PrevParagraph),
    key(KeyCode::Char('h'), Action::ScrollLeft),
    key(KeyCode::Left, Action::ScrollLeft),
    key(KeyCode::Char('l'), Action::ScrollRight),
    key(KeyCode::Right, Action::ScrollRight),
    key(KeyCode::Char('+'), Action::Wider),
    key(KeyCode::Char('='), Action::Wider),
    key(KeyCode::Char('-'), Action::Narrower),
    key(KeyCode::Char('/'), Action::Search),
    key(KeyCode::Char('n'), Action::NextMatch),
    key(KeyCode::Char('N'), Action::PrevMatch),
    key(KeyCode::Char('f'), Action::NextNote),
    key(KeyCode::Char('F'), Action::PrevNote),
    key(KeyCode::Char('c'), Action::NextCitation),
    key(KeyCode::Char('C'), Action::PrevCitation),
    key(KeyCode::Tab, Action::NextTarget),
    key(KeyCode::BackTab, Action::PrevTarget),
    key(KeyCode::Enter, Action::Open),
    key(KeyCode::Backspace, Action::JumpBack),
    ctrl('o', Action::JumpBack),
    key(KeyCode::Char('s'), Action::Sources),
    key(KeyCode::Char('m'), Action::Bookmark),
    key(KeyCode::Char('\''), Action::Bookmarks),
    key(KeyCode::Char('o'), Action::Outline),
    key(KeyCode::Char('?'), Action::Help),
    key(KeyCode::Esc, Action::Cancel),
    key(KeyCode::Char('q'), Action::Quit),
    ctrl('c', Action::Quit),
    ctrl('z', Action::Suspend),
];

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

/// Every action with the name the configuration file uses for it.
pub const ACTION_NAMES: &[(Action, &str)] = &[
    (Action::LineDown, "line-down"),
    (Action::LineUp, "line-up"),
    (Action::PageDown, "page-down"),
    (Action::PageUp, "page-up"),
    (Action::HalfDown, "half-down"),
    (Action::HalfUp, "half-up"),
    (Action::Top, "top"),
    (Action::Bottom, "bottom"),
    (Action::Percent, "percent"),
    (Action::NextParagraph, "next-paragraph"),
    (Action::PrevParagraph, "prev-paragraph"),
    (Action::ScrollLeft, "scroll-left"),
    (Action::ScrollRight, "scroll-right"),
    (Action::Wider, "wider"),
    (Action::Narrower, "narrower"),
    (Action::Search, "search"),
    (Action::NextMatch, "next-match"),
    (Action::PrevMatch, "prev-match"),
    (Action::NextNote, "next-note"),
    (Action::PrevNote, "prev-note"),
    (Action::NextCitation, "next-citation"),
    (Action::PrevCitation, "prev-citation"),
    (Action::NextTarget, "next-target"),
    (Action::PrevTarget, "prev-target"),
    (Action::Open, "open"),
    (Action::JumpBack, "jump-back"),
    (Action::Sources, "sources"),
    (Action::Bookmark, "bookmark"),
    (Action::Bookmarks, "bookmarks"),
    (Action::Outline, "outline"),
    (Action::Help, "help"),
    (Action::Cancel, "cancel"),
    (Action::Quit, "quit"),
    (Action::Suspend, "suspend"),
];

/// Reads a key as the help screen writes it: `j`, `G`, `Ctrl-f`, `Space`, `PageDown`…
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
        _ => return None,
    };
    Some((code, mods))
}

/// The key map in force: the defaults with the user's bindings laid over them.
#[derive(Debug, Clone)]
pub struct KeyMap {
    bindings: Vec<Binding>,
}

impl Default for KeyMap {
    fn default() -> Self {
        KeyMap {
            bindings: READER_KEYS.to_vec(),
        }
    }
}

impl KeyMap {
    /// The defaults with `(key, action)` overrides; "none" unbinds a key. Unknown keys
    /// or actions and a key bound twice are reported; the first binding wins.
    pub fn with_overrides(overrides: &[(String, String)]) -> (KeyMap, Vec<String>) {
        let mut map = KeyMap::default();
        let mut problems = Vec::new();
        let mut seen: Vec<((KeyCode, KeyModifiers), &str)> = Vec::new();
        for (key, action) in overrides {
            let Some(k) = parse_key(key) else {
                problems.push(format!("unknown key `{key}` in [keys]"));
                continue;
            };
            if let Some((_, first)) = seen.iter().find(|(s, _)| *s == k) {
                problems.push(format!("key `{key}` is bound twice in [keys] (`{first}` and `{action}`); keeping `{first}`"));
                continue;
            }
            let act = ACTION_NAMES
                .iter()
                .find(|(_, n)| *n == action)
                .map(|(a, _)| *a);
            if act.is_none() && action != "none" {
                problems.push(format!("unknown action `{action}` for key `{key}`"));
                continue;
            }
            seen.push((k, action));
            map.bindings.retain(|b| (b.code, b.mods) != k);
            if let Some(a) = act {
                map.bindings.push(Binding {
                    code: k.0,
                    mods: k.1,
                    action: a,
                });
            }
        }
        (map, problems)
    }

    /// The action a key event triggers, if any.
    pub fn action_for(&self, event: &KeyEvent) -> Option<Action> {
        find(&self.bindings, event)
    }

    /// The map grouped by action for the help screen.
    pub fn help_rows(&self) -> Vec<(String, &'static str)> {
        rows(&self.bindings)
    }
}

impl Action {
    /// What the help screen says the action does.
    pub fn describe(self) -> &'static str {
        match self {
            Action::LineDown => "down a line",
            Action::LineUp => "up a line",
            Action::PageDown => "down a page",
            Action::PageUp => "up a page",
            Action::HalfDown => "down half a page",
            Action::HalfUp => "up half a page",
            Action::Top => "top of the article",
            Action::Bottom => "end of the article",
            Action::Percent => "N% — jump to N percent",
            Action::NextParagraph => "next paragraph",
            Action::PrevParagraph => "previous paragraph",
            Action::ScrollLeft => "scroll code blocks left",
            Action::ScrollRight => "scroll code blocks right",
            Action::Wider => "wider text column",
            Action::Narrower => "narrower text column",
            Action::Search => "search (regex, smart case)",
            Action::NextMatch => "next match",
            Action::PrevMatch => "previous match",
            Action::NextNote => "next footnote reference",
            Action::PrevNote => "previous footnote reference",
            Action::NextCitation => "next citation",
            Action::PrevCitation => "previous citation",
            Action::NextTarget => "next note or citation",
            Action::PrevTarget => "previous note or citation",
            Action::Open => "open the focused note or citation",
            Action::JumpBack => "jump back",
            Action::Sources => "sources cited in the article",
            Action::Bookmark => "add a bookmark",
            Action::Bookmarks => "list bookmarks",
            Action::Outline => "outline: contents or headings",
            Action::Help => "this help",
            Action::Cancel => "close pop-up / clear search and focus",
            Action::Quit => "back to the library / quit",
            Action::Suspend => "suspend to the shell",
        }
    }
}

/// How the help screen and README write a key.
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
        other => format!("{other:?}"),
    };
    if b.mods.contains(KeyModifiers::CONTROL) {
        format!("Ctrl-{base}")
    } else {
        base
    }
}

/// The default key map grouped by action, in first-appearance order: (keys, description).
pub fn help_rows() -> Vec<(String, &'static str)> {
    rows(READER_KEYS)
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

/// The key map as a Markdown table, for the README.
pub fn markdown_table() -> String {
    let mut out = String::from("| keys | action |\n|---|---|\n");
    for (keys, what) in help_rows() {
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
}
