//! The bookmark list of the open article: jump, rename, delete and undo.

use super::frame::{self, Boxed, fit_to, text_line};
use super::prompt::{Prompt, Purpose};
use crate::date_format::Dates;
use crate::reading::goto::Goto;
use crate::store::Bookmark;
use crate::tui::keys::{Action, Context, hints};
use crate::tui::layer::{Cx, Edit, Layer, Next};
use crate::tui::theme::Theme;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Modifier;
use ratatui::text::Line;

/// The open bookmark list.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct BookmarksPanel {
    /// Selected row.
    pub selected: usize,
    /// Ids deleted while the list was open, newest last, for `u`.
    pub deleted: Vec<String>,
}

impl BookmarksPanel {
    /// The rows for `bookmarks` at `width` columns.
    pub fn lines(
        &self,
        bookmarks: &[&Bookmark],
        theme: &Theme,
        width: u16,
        add: &str,
        dates: &Dates,
    ) -> Vec<Line<'static>> {
        let w = width as usize;
        if bookmarks.is_empty() {
            return vec![text_line(
                &format!("No bookmarks yet: {add} adds one here."),
                theme.dim(),
            )];
        }
        let mut out = Vec::new();
        for (i, b) in bookmarks.iter().enumerate() {
            out.extend(Row(b, dates).lines(i == self.selected, 0, theme, w));
        }
        out
    }
}

/// One bookmark as a list shows it: name, place and the local time it was made, over a
/// snippet of the text.
pub struct Row<'a>(pub &'a Bookmark, pub &'a Dates);

impl Row<'_> {
    /// Its two lines, `indent` columns in, reversed when `selected`, at `w` columns.
    pub fn lines(
        &self,
        selected: bool,
        indent: usize,
        theme: &Theme,
        w: usize,
    ) -> [Line<'static>; 2] {
        let pad = " ".repeat(indent);
        // The label gives way, so the place and the time are never cut.
        let tail = format!(
            " · {:.0}% · {}",
            self.0.at.fraction * 100.0,
            self.1.moment(self.0.created)
        );
        let room = w.saturating_sub(indent + unicode_width::UnicodeWidthStr::width(tail.as_str()));
        let head = format!("{pad}{}{tail}", fit_to(&self.0.label, room));
        let style = if selected {
            theme.focus().remove_modifier(Modifier::BOLD)
        } else {
            Default::default()
        };
        [
            text_line(&format!("{:<w$}", fit_to(&head, w)), style),
            text_line(
                &format!(
                    "{pad}  {}",
                    fit_to(&self.0.at.snippet, w.saturating_sub(indent + 2))
                ),
                theme.dim(),
            ),
        ]
    }
}

impl Layer for BookmarksPanel {
    fn context(&self) -> Context {
        Context::Bookmarks
    }

    fn handle(&mut self, action: Action, cx: &Cx) -> Next {
        let list = &cx.bookmarks;
        let here = list.get(self.selected);
        match action {
            Action::Close => Next::Close,
            Action::JumpBack => Next::JumpBack,
            Action::Down => {
                self.selected = frame::step(self.selected, 1, list.len());
                Next::Stay
            }
            Action::Up => {
                self.selected = frame::step(self.selected, -1, list.len());
                Next::Stay
            }
            Action::Choose => match (here, cx.reader) {
                (Some(b), Some(r)) => Next::Go(Goto::Anchor(b.at.recover(&r.doc))),
                _ => Next::Stay,
            },
            Action::Rename => here.map_or(Next::Stay, |b| {
                Next::Ask(Prompt::offering(Purpose::Rename(b.id.clone()), &b.label))
            }),
            Action::Delete => here.map_or(Next::Stay, |b| {
                let undo = cx.keys.show(&hints::BOOKMARKS_UNDO);
                let tail = if undo.is_empty() {
                    String::new()
                } else {
                    format!(" — {undo}")
                };
                Next::Store(
                    Edit::Delete(b.id.clone()),
                    format!("deleted {}{tail}", b.label),
                )
            }),
            Action::Undo => match self.deleted.last() {
                Some(id) => Next::Store(Edit::Undelete(id.clone()), "bookmark restored".into()),
                None => Next::Say("nothing to undo".into()),
            },
            _ => Next::Stay,
        }
    }

    fn stored(&mut self, edit: &Edit, cx: &Cx) {
        match edit {
            Edit::Delete(id) => {
                self.deleted.push(id.clone());
                self.selected = self.selected.min(cx.bookmarks.len().saturating_sub(1));
            }
            Edit::Undelete(_) => {
                self.deleted.pop();
            }
            _ => {}
        }
    }

    fn draw(&self, f: &mut Frame, area: Rect, cx: &Cx, parent: Option<Rect>) -> Rect {
        let hint = cx.keys.show(&hints::BOOKMARKS);
        let add = match cx.keys.show(&hints::ADD_BOOKMARK) {
            k if k.is_empty() => "the bookmark key".to_string(),
            k => k,
        };
        let b = Boxed {
            title: "Bookmarks".into(),
            lines: self.lines(&cx.bookmarks, cx.theme, cx.width, &add, cx.dates),
            scroll: (2 * self.selected).saturating_sub(cx.rows.saturating_sub(2)),
            hint,
            origin: None,
            wide: true,
        };
        frame::place(f, area, cx, parent, b)
    }
}
