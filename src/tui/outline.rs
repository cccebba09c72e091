//! The outline: a book's own table of contents, else the headings, Notes and Related,
//! to jump between sections.

use super::popup::{fit_to, text_line};
use super::theme::Theme;
use crate::reading::Reader;
use crate::reading::outline::{current, entries};
use ratatui::style::Modifier;
use ratatui::text::Line;

/// The open outline.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct OutlinePanel {
    /// Selected entry.
    pub selected: usize,
}

impl OutlinePanel {
    /// An outline with the current section selected.
    pub fn new(r: &Reader) -> Self {
        let all = entries(r);
        let here = current(r);
        let selected = all
            .iter()
            .rposition(|e| Some(e) == here.as_ref())
            .unwrap_or(0);
        OutlinePanel { selected }
    }

    /// Its rows at `width` columns.
    pub fn lines(&self, r: &Reader, theme: &Theme, width: u16) -> Vec<Line<'static>> {
        let all = entries(r);
        if all.is_empty() {
            return vec![text_line("This article has no headings.", theme.dim())];
        }
        let w = width as usize;
        all.iter()
            .enumerate()
            .map(|(i, e)| {
                let indent = "  ".repeat(e.level.saturating_sub(1).min(5) as usize);
                let row = fit_to(&format!("{indent}{}", e.title), w);
                let style = if i == self.selected {
                    theme.focus().remove_modifier(Modifier::BOLD)
                } else {
                    Default::default()
                };
                text_line(&format!("{row:<w$}"), style)
            })
            .collect()
    }
}
