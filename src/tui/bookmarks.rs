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
            let head = format!(
                "{} · {:.0}% · {}",
                b.label,
                b.at.fraction * 100.0,
                readable(b.created)
            );
            let style = if i == self.selected {
                theme.focus().remove_modifier(Modifier::BOLD)
            } else {
                Default::default()
            };
            out.push(text_line(&format!("{:<w$}", fit_to(&head, w)), style));
            out.push(text_line(
                &format!("  {}", fit_to(&b.at.snippet, w.saturating_sub(2))),
                theme.dim(),
            ));
        }
        out
    }
}
