//! A line of typed text — a prompt's answer, a filter — edited as in a shell (`tui-input`
//! does the editing, by graphemes and words). A value offered beforehand is selected, so the
//! first key typed replaces it and a movement key keeps it.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use tui_input::{Input, InputRequest};

/// Help for a filter typed into a list: (keys, what they do).
pub const TYPING_HELP: &[(&str, &str)] = &[
    ("letters", "filter the list"),
    ("← → Ctrl-b Ctrl-f", "move a character"),
    ("Alt-b Alt-f Ctrl-← Ctrl-→", "move a word"),
    ("Home End Ctrl-a Ctrl-e", "to the start or end"),
    ("Delete Ctrl-d", "delete the character under the cursor"),
    ("Ctrl-w Alt-Backspace", "delete the word before the cursor"),
    ("Ctrl-u Ctrl-k", "delete to the start or end"),
];

/// Typed text with a cursor.
#[derive(Debug, Clone, Default)]
pub struct Field {
    input: Input,
    /// The whole value is selected: the next edit replaces it.
    selected: bool,
}

impl PartialEq for Field {
    fn eq(&self, other: &Self) -> bool {
        (self.text(), self.input.cursor(), self.selected)
            == (other.text(), other.input.cursor(), other.selected)
    }
}

impl Eq for Field {}

impl Field {
    /// A field holding `text`, the cursor at its end.
    pub fn new(text: impl Into<String>) -> Self {
        Field {
            input: Input::new(text.into()),
            selected: false,
        }
    }

    /// A field offering `text`, selected: typing replaces it, a movement key keeps it.
    pub fn offering(text: impl Into<String>) -> Self {
        let mut f = Field::new(text);
        f.selected = !f.text().is_empty();
        f
    }

    /// What is typed.
    pub fn text(&self) -> &str {
        self.input.value()
    }

    /// True when nothing is typed.
    pub fn is_empty(&self) -> bool {
        self.text().is_empty()
    }

    /// True while an offered value is selected.
    pub fn selected(&self) -> bool {
        self.selected
    }

    /// Replaces the text (a pattern recalled from history), the cursor at its end.
    pub fn set(&mut self, text: impl Into<String>) {
        *self = Field::new(text);
    }

    /// Takes the text out, leaving the field empty.
    pub fn take(&mut self) -> String {
        std::mem::take(self).input.value_and_reset()
    }

    /// Types a character at the cursor; true when the text changed.
    pub fn insert(&mut self, c: char) -> bool {
        self.apply(InputRequest::InsertChar(c))
    }

    /// Backspace: the character before the cursor (or the selected value) goes; false
    /// when there was nothing to erase, so a caller can leave an empty prompt.
    pub fn erase(&mut self) -> bool {
        self.apply(InputRequest::DeletePrevChar)
    }

    /// An editing key (cursor movement, deleting words and lines); `Some(changed)` when
    /// the key is one, `changed` true when the text changed.
    pub fn edit(&mut self, key: &KeyEvent) -> Option<bool> {
        request(key).map(|r| self.apply(r))
    }

    fn apply(&mut self, req: InputRequest) -> bool {
        use InputRequest as R;
        if std::mem::take(&mut self.selected) {
            match req {
                R::InsertChar(_) | R::Yank => self.input.reset(),
                R::GoToPrevChar | R::GoToPrevWord | R::GoToNextChar | R::GoToNextWord => {
                    return false;
                }
                R::GoToStart | R::GoToEnd | R::SetCursor(_) => {}
                _ => {
                    self.input.reset();
                    return true;
                }
            }
        }
        self.input.handle(req).is_some_and(|changed| changed.value)
    }

    /// Columns before the cursor, where the terminal's cursor goes.
    pub fn cursor_column(&self) -> usize {
        self.input.visual_cursor()
    }

    /// The part of the text that fits in `width` columns with the cursor in view, and
    /// the cursor's column in it.
    pub fn view(&self, width: usize) -> (String, usize) {
        let cursor = self.cursor_column();
        let scroll = self.input.visual_scroll(width);
        let mut col = 0;
        let mut shown = String::new();
        for (_, g, w) in crate::layout::width::clusters(self.text()) {
            if col >= scroll && col + w <= scroll + width {
                shown.push_str(g);
            }
            col += w;
        }
        (shown, cursor.saturating_sub(scroll))
    }

    /// The text split at the cursor, for a pop-up that draws its own cursor.
    pub fn split(&self) -> (&str, &str) {
        let at = self
            .text()
            .char_indices()
            .nth(self.input.cursor())
            .map_or(self.text().len(), |(i, _)| i);
        self.text().split_at(at)
    }
}

/// The editing request a key stands for; plain characters are typed text, not edits.
fn request(key: &KeyEvent) -> Option<InputRequest> {
    use InputRequest as R;
    let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
    let alt = key
        .modifiers
        .intersects(KeyModifiers::ALT | KeyModifiers::META);
    Some(match key.code {
        KeyCode::Left if ctrl => R::GoToPrevWord,
        KeyCode::Right if ctrl => R::GoToNextWord,
        KeyCode::Left => R::GoToPrevChar,
        KeyCode::Right => R::GoToNextChar,
        KeyCode::Home => R::GoToStart,
        KeyCode::End => R::GoToEnd,
        KeyCode::Delete if ctrl => R::DeleteNextWord,
        KeyCode::Delete => R::DeleteNextChar,
        KeyCode::Backspace if alt || ctrl => R::DeletePrevWord,
        KeyCode::Char(c) if alt && !ctrl => match c {
            'b' => R::GoToPrevWord,
            'f' => R::GoToNextWord,
            'd' => R::DeleteNextWord,
            _ => return None,
        },
        KeyCode::Char(c) if ctrl => match c {
            'a' => R::GoToStart,
            'e' => R::GoToEnd,
            'b' => R::GoToPrevChar,
            'f' => R::GoToNextChar,
            'd' => R::DeleteNextChar,
            'h' => R::DeletePrevChar,
            'w' => R::DeletePrevWord,
            'u' => R::DeleteFromStart,
            'k' => R::DeleteTillEnd,
            'y' => R::Yank,
            _ => return None,
        },
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(code: KeyCode, mods: KeyModifiers) -> KeyEvent {
        KeyEvent::new(code, mods)
    }

    fn typed(f: &mut Field, s: &str) {
        s.chars().for_each(|c| {
            f.insert(c);
        });
    }

    #[test]
    fn an_offered_value_is_replaced_by_typing() {
        let mut f = Field::offering("sometimes spectacularly.");
        typed(&mut f, "my sixty");
        assert_eq!(f.text(), "my sixty");
    }

    #[test]
    fn moving_keeps_an_offered_value_and_backspace_clears_it() {
        let mut f = Field::offering("the fall of Rome");
        f.edit(&key(KeyCode::End, KeyModifiers::NONE));
        typed(&mut f, "!");
        assert_eq!(f.text(), "the fall of Rome!");
        let mut f = Field::offering("the fall");
        f.edit(&key(KeyCode::Left, KeyModifiers::NONE));
        assert!(!f.selected());
        typed(&mut f, "s");
        assert_eq!(
            f.text(),
            "the falls",
            "the first Left deselects, cursor at the end"
        );
        let mut f = Field::offering("the fall");
        assert!(f.erase());
        assert!(f.is_empty());
        assert!(!f.erase(), "nothing left to erase");
    }

    #[test]
    fn shell_keys_move_and_delete() {
        let mut f = Field::new("one two three");
        let ctrl = |c| key(KeyCode::Char(c), KeyModifiers::CONTROL);
        let alt = |c| key(KeyCode::Char(c), KeyModifiers::ALT);
        f.edit(&ctrl('a'));
        typed(&mut f, ">");
        f.edit(&ctrl('e'));
        f.edit(&ctrl('w'));
        assert_eq!(f.text(), ">one two ");
        f.edit(&alt('b'));
        f.edit(&key(KeyCode::Delete, KeyModifiers::NONE));
        assert_eq!(f.text(), ">one wo ");
        f.edit(&alt('f'));
        f.edit(&ctrl('u'));
        assert_eq!(f.text(), "", "no word after `wo`: Alt-f goes to the end");
        f.set("日本 語");
        f.edit(&key(KeyCode::Home, KeyModifiers::NONE));
        f.edit(&key(KeyCode::Right, KeyModifiers::NONE));
        assert_eq!(f.split(), ("日", "本 語"));
        assert_eq!(f.cursor_column(), 2, "a wide character is two columns");
        assert_eq!(f.edit(&key(KeyCode::Char('x'), KeyModifiers::NONE)), None);
    }

    #[test]
    fn a_long_line_scrolls_to_keep_the_cursor_in_view() {
        let mut f = Field::new("abcdefghij");
        assert_eq!(f.view(20), ("abcdefghij".into(), 10));
        let (shown, at) = f.view(4);
        assert!(shown.len() <= 4 && at <= 4, "{shown} {at}");
        assert!(shown.ends_with('j'), "{shown}");
        f.edit(&key(KeyCode::Home, KeyModifiers::NONE));
        assert_eq!(f.view(4), ("abcd".into(), 0));
    }
}
