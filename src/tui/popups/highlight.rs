//! A highlight's pop-up, opened with Enter on it: the passage and its note; `e` writes
//! the note, `d` deletes the highlight and `u` brings it back, as in the bookmarks list.

use super::frame::{self, Boxed, text_line};
use super::prompt::{Prompt, Purpose};
use crate::reading::marked::Marked;
use crate::tui::keys::{Action, Context, hints};
use crate::tui::layer::{Cx, Edit, Layer, Next};
use crate::tui::theme::Theme;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;

/// An open highlight pop-up, with a copy of what it shows.
#[derive(Debug, Clone, PartialEq)]
pub struct HighlightPopup {
    /// The highlight's id.
    pub id: String,
    /// The passage.
    pub quote: String,
    /// The note; empty for none.
    pub note: String,
    /// Deleted while the pop-up was open (`u` restores it).
    pub deleted: bool,
    /// Where the passage starts: (part index, byte offset).
    pub origin: Option<(usize, usize)>,
    /// First row shown.
    pub scroll: usize,
    /// When it was made and last changed (milliseconds since the Unix epoch).
    pub times: (u64, u64),
}

impl HighlightPopup {
    /// The pop-up for a highlight the reader placed.
    pub fn new(m: &Marked) -> Self {
        HighlightPopup {
            id: m.id.clone(),
            quote: m.quote.clone(),
            note: m.note.clone(),
            deleted: false,
            origin: m.at.map(|(a, _)| (a.part, a.offset)),
            scroll: 0,
            times: m.times,
        }
    }

    /// Its rows at `width` columns: the passage, then the note or how to write one.
    pub fn lines(
        &self,
        theme: &Theme,
        width: u16,
        edit: &str,
        dates: &crate::date_format::Dates,
    ) -> Vec<Line<'static>> {
        let w = (width as usize).max(1);
        let mut out = Vec::new();
        for para in self.quote.split('\n') {
            out.extend(
                textwrap::wrap(para, w)
                    .iter()
                    .map(|l| text_line(l, theme.look(Default::default()))),
            );
        }
        out.push(Line::default());
        if self.deleted {
            out.push(text_line("Deleted.", theme.dim()));
        } else if self.note.trim().is_empty() {
            out.push(text_line(
                &format!("No note: {edit} writes one."),
                theme.dim(),
            ));
        } else {
            for para in self.note.split('\n') {
                out.extend(
                    textwrap::wrap(&format!("✎ {para}"), w)
                        .iter()
                        .map(|l| text_line(l, theme.note_marker())),
                );
            }
        }
        let (made, changed) = self.times;
        let (made, changed) = (dates.moment(made), dates.moment(changed));
        let mut when = format!("Kept {made}");
        if changed != made {
            when.push_str(&format!(" · note {changed}"));
        }
        out.push(Line::default());
        out.extend(
            textwrap::wrap(&when, w)
                .iter()
                .map(|l| text_line(l, theme.dim())),
        );
        out
    }
}

impl Layer for HighlightPopup {
    fn context(&self) -> Context {
        Context::Highlight
    }

    fn handle(&mut self, action: Action, cx: &Cx) -> Next {
        match action {
            Action::Close => Next::Close,
            Action::JumpBack => Next::JumpBack,
            Action::LineDown => {
                self.scroll =
                    (self.scroll + 1).min(self.lines(cx.theme, cx.width, "", cx.dates).len());
                Next::Stay
            }
            Action::LineUp => {
                self.scroll = self.scroll.saturating_sub(1);
                Next::Stay
            }
            Action::EditNote if self.deleted => Next::Say("the highlight is deleted".into()),
            Action::EditNote => Next::Ask(Prompt::editing(
                Purpose::HighlightNote(self.id.clone()),
                &self.note,
            )),
            Action::Delete if !self.deleted => {
                let undo = cx.keys.show(&hints::HIGHLIGHT_UNDO);
                let tail = if undo.is_empty() {
                    String::new()
                } else {
                    format!(" — {undo}")
                };
                Next::Store(
                    Edit::DeleteHighlight(self.id.clone()),
                    format!("highlight deleted{tail}"),
                )
            }
            Action::Undo if self.deleted => Next::Store(
                Edit::UndeleteHighlight(self.id.clone()),
                "highlight restored".into(),
            ),
            Action::Undo => Next::Say("nothing to undo".into()),
            _ => Next::Stay,
        }
    }

    fn stored(&mut self, edit: &Edit, _cx: &Cx) {
        match edit {
            Edit::NoteHighlight(id, note) if *id == self.id => self.note = note.clone(),
            Edit::DeleteHighlight(id) if *id == self.id => self.deleted = true,
            Edit::UndeleteHighlight(id) if *id == self.id => self.deleted = false,
            _ => {}
        }
    }

    fn draw(&self, f: &mut Frame, area: Rect, cx: &Cx, parent: Option<Rect>) -> Rect {
        let edit = cx
            .keys
            .key_for(Context::Highlight, Action::EditNote)
            .unwrap_or_else(|| "the note key".into());
        let b = Boxed {
            title: "Highlight".into(),
            lines: self.lines(cx.theme, cx.width, &edit, cx.dates),
            scroll: self.scroll,
            hint: cx.keys.show(&hints::HIGHLIGHT),
            origin: self.origin,
            wide: false,
        };
        frame::place(f, area, cx, parent, b)
    }
}
