//! The outline: headings, Notes and Related, to jump between sections.

use super::popup::{fit_to, text_line};
use super::reader::Reader;
use super::theme::Theme;
use crate::article::BlockKind;
use crate::layout::Part;
use ratatui::style::Modifier;
use ratatui::text::Line;

/// One outline entry: the part it starts at, its depth and its title.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    /// Index of the part.
    pub part: usize,
    /// Heading level, 1 = top.
    pub level: u8,
    /// What it says.
    pub title: String,
}

/// The sections of the open article in reading order.
pub fn entries(r: &Reader) -> Vec<Entry> {
    let a = r.article();
    r.doc
        .parts
        .iter()
        .enumerate()
        .filter_map(|(i, &part)| {
            let level = match part {
                Part::Body { i } => match a.blocks[i].kind {
                    BlockKind::Heading { level } => level,
                    _ => return None,
                },
                Part::NotesHeading | Part::RelatedHeading => 1,
                _ => return None,
            };
            Some(Entry {
                part: i,
                level,
                title: r.doc.text(part).trim().to_string(),
            })
        })
        .collect()
}

/// The section the top of the screen is in, if any heading is above it.
pub fn current(r: &Reader) -> Option<Entry> {
    entries(r).into_iter().rev().find(|e| e.part <= r.top.part)
}

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
        let selected = all.iter().rposition(|e| e.part <= r.top.part).unwrap_or(0);
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
