//! The bookmark list of the open article: jump, rename, delete and undo.

use super::popup::{fit_to, text_line};
use super::theme::Theme;
use crate::store::{Bookmark, readable};
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
    pub fn lines(&self, bookmarks: &[&Bookmark], theme: &Theme, width: u16) -> Vec<Line<'static>> {
        let w = width as usize;
        if bookmarks.is_empty() {
            return vec![text_line("No bookmarks yet: m adds one here.", theme.dim())];
        }
        let mut out = Vec::new();
        for (i, b) in bookmarks.iter().enumerate() {
            out.extend(Row(b).lines(i == self.selected, 0, theme, w));
        }
        out
    }
}

/// One bookmark as a list shows it: name, place and date over a snippet of the text.
pub struct Row<'a>(pub &'a Bookmark);

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
        let head = format!(
            "{pad}{} · {:.0}% · {}",
            self.0.label,
            self.0.at.fraction * 100.0,
            readable(self.0.created)
        );
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
