//! The outline: a book's own table of contents, else the headings, Notes and Related,
//! to jump between sections.

use super::citation_popup::part_of;
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
    /// Byte offset in the part where it starts (a contents entry can point mid-paragraph).
    pub offset: usize,
    /// Heading level, 1 = top.
    pub level: u8,
    /// What it says.
    pub title: String,
}

/// The sections of the open article: a book's contents in their order, else the headings
/// in reading order.
pub fn entries(r: &Reader) -> Vec<Entry> {
    let a = r.article();
    if !a.outline.is_empty() {
        // Parts are listed in their own sort order, so a contents entry is found by halves.
        return a
            .outline
            .iter()
            .filter_map(|e| {
                let mut part = r.doc.parts.binary_search(&part_of(e.at.place)).ok()?;
                // An entry for the first note (a book's "Endnotes") starts at the heading
                // the notes are set under.
                if part > 0 && r.doc.parts[part - 1] == Part::NotesHeading && e.at.offset == 0 {
                    part -= 1;
                }
                Some(Entry {
                    part,
                    offset: e.at.offset,
                    level: e.depth,
                    title: e.title.clone(),
                })
            })
            .collect();
    }
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
                offset: 0,
                level,
                title: r.doc.text(part).trim().to_string(),
            })
        })
        .collect()
}

/// The section the top of the screen is in: the entry starting nearest above it (a book's
/// contents can list its endnotes before its colophon, out of reading order).
pub fn current(r: &Reader) -> Option<Entry> {
    let at = r.top.part;
    entries(r)
        .into_iter()
        .filter(|e| e.part <= at)
        .max_by_key(|e| e.part)
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
