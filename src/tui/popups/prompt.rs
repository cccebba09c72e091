//! A one-line question in the status line: a search pattern, a bookmark's label. Letters
//! typed are the answer; only its editing keys go through the key map.

use crate::store::Spot;
use crate::tui::keys::{Action, Context};
use crate::tui::layer::{Cx, Edit, Layer, Next};
use ratatui::Frame;
use ratatui::layout::Rect;

/// A question and the answer typed so far.
#[derive(Debug, Clone, PartialEq)]
pub struct Prompt {
    /// What the answer is for.
    pub purpose: Purpose,
    /// The answer so far.
    pub text: String,
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
        Prompt {
            purpose: Purpose::Search,
            text: String::new(),
        }
    }

    /// The whole line: question and answer.
    pub fn line(&self) -> String {
        format!("{}{}", self.purpose.question(), self.text)
    }
}

impl Layer for Prompt {
    fn context(&self) -> Context {
        Context::Prompt
    }

    fn handle(&mut self, action: Action, _cx: &Cx) -> Next {
        match action {
            Action::Close => Next::Close,
            // Erasing past the start of a search leaves it, as in less and vi.
            Action::Erase if self.text.is_empty() && self.purpose == Purpose::Search => Next::Close,
            Action::Erase => {
                self.text.pop();
                Next::Stay
            }
            Action::Accept => self.accept(),
            _ => Next::Stay,
        }
    }

    fn typed(&mut self, c: char, _cx: &Cx) -> Next {
        self.text.push(c);
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
            return match self.text.is_empty() {
                true => Next::Close,
                false => Next::Search(self.text.clone()),
            };
        }
        if let Purpose::HighlightNote(id) = &self.purpose {
            let note = self.text.trim().to_string();
            let said = if note.is_empty() {
                "note removed"
            } else {
                "note saved"
            };
            return Next::Store(Edit::NoteHighlight(id.clone(), note), said.into());
        }
        let label = self.text.trim().to_string();
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
