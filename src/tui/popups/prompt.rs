//! A one-line question in the status line: a search pattern, a bookmark's label. Letters
//! typed are the answer, edited as in a shell (`field`); only Enter, Esc, Backspace and
//! ↑/↓ (earlier searches) go through the key map.

use crate::store::Spot;
use crate::tui::field::Field;
use crate::tui::history::History;
use crate::tui::keys::{Action, Context};
use crate::tui::layer::{Cx, Edit, Layer, Next};
use ratatui::Frame;
use ratatui::crossterm::event::KeyEvent;
use ratatui::layout::Rect;

/// A question and the answer typed so far.
#[derive(Debug, Clone, PartialEq)]
pub struct Prompt {
    /// What the answer is for.
    pub purpose: Purpose,
    /// The answer so far.
    pub field: Field,
    /// Earlier answers, for ↑ and ↓ (searches only).
    pub history: History,
}

/// What a prompt's answer is for.
#[derive(Debug, Clone, PartialEq)]
pub enum Purpose {
    /// A search pattern.
    Search,
    /// The label of a new bookmark at this place.
    NewBookmark(Spot),
    /// A new label for bookmark `id`.
    Rename(String),
    /// The note of highlight `id`.
    HighlightNote(String),
}

impl Purpose {
    /// The question shown before the answer.
    pub fn question(&self) -> &'static str {
        match self {
            Purpose::Search => "/",
            Purpose::NewBookmark(_) => "Bookmark label: ",
            Purpose::Rename(_) => "Rename bookmark: ",
            Purpose::HighlightNote(_) => "Note: ",
        }
    }
}

impl Prompt {
    /// An empty search.
    pub fn search() -> Self {
        Prompt::offering(Purpose::Search, "")
    }

    /// A question with `answer` offered, selected so that typing replaces it.
    pub fn offering(purpose: Purpose, answer: &str) -> Self {
        Prompt {
            purpose,
            field: Field::offering(answer),
            history: History::default(),
        }
    }

    /// A question with `answer` to go on editing, the cursor after it: a highlight's
    /// own note, which a first key must not replace.
    pub fn editing(purpose: Purpose, answer: &str) -> Self {
        Prompt {
            purpose,
            field: Field::new(answer),
            history: History::default(),
        }
    }

    /// The answer so far.
    pub fn text(&self) -> &str {
        self.field.text()
    }
}

impl Layer for Prompt {
    fn context(&self) -> Context {
        Context::Prompt
    }

    fn handle(&mut self, action: Action, _cx: &Cx) -> Next {
        match action {
            Action::Close => Next::Close,
            Action::Quit => Next::Quit,
            Action::Suspend => Next::Suspend,
            Action::Erase => {
                // Erasing past the start of a search leaves it, as in less and vi.
                if !self.field.erase() && self.purpose == Purpose::Search {
                    return Next::Close;
                }
                Next::Stay
            }
            Action::Older | Action::Newer if self.purpose == Purpose::Search => {
                if let Some(p) = self.history.step(action == Action::Older) {
                    self.field.set(p);
                }
                Next::Stay
            }
            Action::Accept => self.accept(),
            _ => Next::Stay,
        }
    }

    fn typed(&mut self, c: char, _cx: &Cx) -> Next {
        self.field.insert(c);
        Next::Stay
    }

    fn edit(&mut self, key: &KeyEvent, _cx: &Cx) -> Next {
        self.field.edit(key);
        Next::Stay
    }

    /// The prompt is drawn by the status line, which it replaces.
    fn draw(&self, _f: &mut Frame, area: Rect, _cx: &Cx, _parent: Option<Rect>) -> Rect {
        area
    }
}

impl Prompt {
    /// Enter: what the answer asks for.
    fn accept(&self) -> Next {
        if self.purpose == Purpose::Search {
            // An empty pattern repeats the last search, as in less and vi.
            let pattern = match self.text() {
                "" => self.history.last().unwrap_or_default(),
                typed => typed,
            };
            return match pattern.is_empty() {
                true => Next::Close,
                false => Next::Search(pattern.to_string()),
            };
        }
        if let Purpose::HighlightNote(id) = &self.purpose {
            let note = self.text().trim().to_string();
            let said = if note.is_empty() {
                "note removed"
            } else {
                "note saved"
            };
            return Next::Store(Edit::NoteHighlight(id.clone(), note), said.into());
        }
        let label = self.text().trim().to_string();
        if label.is_empty() {
            return Next::Say("a bookmark needs a label".into());
        }
        match &self.purpose {
            Purpose::NewBookmark(spot) => Next::Store(
                Edit::Add(label.clone(), spot.clone()),
                format!("bookmark added: {label}"),
            ),
            Purpose::Rename(id) => Next::Store(
                Edit::Rename(id.clone(), label.clone()),
                format!("renamed to {label}"),
            ),
            Purpose::Search | Purpose::HighlightNote(_) => Next::Close,
        }
    }
}
