//! `B` in the library: every bookmark in every article, to open an article at one.

use super::popup::{fit_to, text_line};
use super::theme::Theme;
use crate::store::{Spot, State, readable};
use ratatui::style::Modifier;
use ratatui::text::Line;
use std::path::PathBuf;

/// One bookmark with the article it belongs to, copied out of the store.
#[derive(Debug, Clone, PartialEq)]
pub struct Mark {
    /// The article's title when it was last opened.
    pub title: String,
    /// Where the article was last opened from.
    pub path: PathBuf,
    /// The bookmark's name.
    pub label: String,
    /// When it was added, in ms since the epoch.
    pub created: u64,
    /// Where in the article.
    pub at: Spot,
}

/// The open list of bookmarks across the library.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct MarksPanel {
    /// Every live bookmark, by article title then place.
    pub marks: Vec<Mark>,
    /// Selected row.
    pub selected: usize,
}

impl MarksPanel {
    /// The panel over every live bookmark the store knows.
    pub fn from_state(state: &State) -> Self {
        let marks = state
            .all_bookmarks()
            .into_iter()
            .map(|(a, b)| Mark {
                title: a.title.clone(),
                path: PathBuf::from(&a.path),
                label: b.label.clone(),
                created: b.created,
                at: b.at.clone(),
            })
            .collect();
        MarksPanel { marks, selected: 0 }
    }

    /// Moves the selection by `delta` rows, within the list.
    pub fn step(&mut self, delta: isize) {
        let last = self.marks.len().saturating_sub(1) as isize;
        self.selected = (self.selected as isize + delta).clamp(0, last.max(0)) as usize;
    }

    /// The selected bookmark.
    pub fn current(&self) -> Option<&Mark> {
        self.marks.get(self.selected)
    }

    /// The rows at `width` columns: the article's title over each of its bookmarks.
    pub fn lines(&self, theme: &Theme, width: u16) -> Vec<Line<'static>> {
        let w = width as usize;
        if self.marks.is_empty() {
            return vec![text_line(
                "No bookmarks yet: in an article, m adds one.",
                theme.dim(),
            )];
        }
        let mut out = Vec::new();
        let mut article = None;
        for (i, m) in self.marks.iter().enumerate() {
            if article != Some((&m.title, &m.path)) {
                article = Some((&m.title, &m.path));
                let title = if m.title.trim().is_empty() {
                    m.path.display().to_string()
                } else {
                    m.title.clone()
                };
                out.push(text_line(
                    &fit_to(&title, w),
                    ratatui::style::Style::default().add_modifier(Modifier::BOLD),
                ));
            }
            let head = format!(
                "  {} · {:.0}% · {}",
                m.label,
                m.at.fraction * 100.0,
                readable(m.created)
            );
            let style = if i == self.selected {
                theme.focus().remove_modifier(Modifier::BOLD)
            } else {
                Default::default()
            };
            out.push(text_line(&format!("{:<w$}", fit_to(&head, w)), style));
            out.push(text_line(
                &format!("    {}", fit_to(&m.at.snippet, w.saturating_sub(4))),
                theme.dim(),
            ));
        }
        out
    }

    /// The row of `lines` the selection is on, to keep it in view.
    pub fn selected_line(&self) -> usize {
        let mut line = 0;
        let mut article = None;
        for (i, m) in self.marks.iter().enumerate() {
            if article != Some((&m.title, &m.path)) {
                article = Some((&m.title, &m.path));
                line += 1;
            }
            if i == self.selected {
                return line;
            }
            line += 2;
        }
        line
    }
}
