//! The Sources panel: every source the article cites, grouped, counted, filterable.

use super::popup::{fit_to, text_line};
use super::reader::Reader;
use super::theme::Theme;
pub use crate::cite::groups::{Group, groups};
use ratatui::style::Modifier;
use ratatui::text::Line;

/// The open panel.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct SourcesPanel {
    /// What the user typed to narrow the list.
    pub filter: String,
    /// Selected row among the filtered groups.
    pub selected: usize,
}

impl SourcesPanel {
    /// The groups that match the filter (case-insensitive, every word must appear).
    pub fn visible(&self, r: &Reader) -> Vec<Group> {
        let words: Vec<String> = self
            .filter
            .to_lowercase()
            .split_whitespace()
            .map(str::to_string)
            .collect();
        groups(r.article())
            .into_iter()
            .filter(|g| {
                let name = g.name.to_lowercase();
                words.iter().all(|w| name.contains(w.as_str()))
            })
            .collect()
    }

    /// The panel's rows at `width` columns.
    pub fn lines(&self, r: &Reader, theme: &Theme, width: u16) -> Vec<Line<'static>> {
        let w = width as usize;
        let mut out = vec![text_line(&format!("Filter: {}▏", self.filter), theme.dim())];
        let groups = self.visible(r);
        if groups.is_empty() {
            out.push(text_line(
                if r.article().citations.is_empty() {
                    "This article cites no sources."
                } else {
                    "No source matches."
                },
                theme.dim(),
            ));
        }
        let count_w = groups
            .iter()
            .map(|g| g.citations.len().to_string().len())
            .max()
            .unwrap_or(1);
        for (i, g) in groups.iter().enumerate() {
            let row = fit_to(&format!("{:>count_w$}  {}", g.citations.len(), g.name), w);
            let style = if i == self.selected {
                theme.focus().remove_modifier(Modifier::BOLD)
            } else {
                Default::default()
            };
            out.push(text_line(&format!("{row:<w$}"), style));
        }
        out
    }
}
