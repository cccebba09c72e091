//! The footnote pop-up: a note's text next to its reference, without moving the page.

use super::popup::{self, snippet, text_line};
use super::reader::Reader;
use super::reader_view::{Highlight, to_line};
use super::theme::Theme;
use crate::layout::{Part, Target, note_lines};
use ratatui::text::Line;

/// An open note pop-up.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NotePopup {
    /// Index into `Article::footnotes`.
    pub note: usize,
    /// The reference it was opened from: (part index, byte offset).
    pub origin: Option<(usize, usize)>,
    /// First line shown.
    pub scroll: usize,
    /// Focused note reference inside this note (index into `inner_refs`).
    pub inner: Option<usize>,
}

impl NotePopup {
    /// A pop-up for `note`, opened from a reference at `origin`.
    pub fn new(note: usize, origin: Option<(usize, usize)>) -> Self {
        NotePopup {
            note,
            origin,
            scroll: 0,
            inner: None,
        }
    }

    /// The title: "Note 1 of 3", or with the label when it is not the number.
    pub fn title(&self, r: &Reader) -> String {
        let notes = &r.article().footnotes;
        let n = notes.len();
        let label = notes.get(self.note).map_or("?", |f| f.label.as_str());
        if label == (self.note + 1).to_string() {
            format!("Note {label} of {n}")
        } else {
            format!("Note [{label}] · {} of {n}", self.note + 1)
        }
    }

    /// Spots (indices into `Reader::spots`) of note references and links inside this note.
    pub fn inner_refs(&self, r: &Reader) -> Vec<usize> {
        r.spots
            .iter()
            .enumerate()
            .filter(|(_, s)| {
                matches!(s.target, Target::Note(_) | Target::Link)
                    && matches!(r.doc.parts.get(s.part), Some(Part::Note { note, .. }) if *note == self.note)
            })
            .map(|(i, _)| i)
            .collect()
    }

    /// The places that refer to this note, as anchors' (part index, offset).
    pub fn ref_places(&self, r: &Reader) -> Vec<(usize, usize)> {
        r.spots
            .iter()
            .filter(|s| s.target == Target::Note(self.note))
            .map(|s| (s.part, s.range.start))
            .collect()
    }

    /// The pop-up's text at `width` columns.
    pub fn lines(&self, r: &Reader, theme: &Theme, width: u16) -> Vec<Line<'static>> {
        let Some(note) = r.article().footnotes.get(self.note) else {
            return Vec::new();
        };
        let mut out = Vec::new();
        if !note.defined {
            let why = if r.article().partial {
                format!("Note [{}] is further on; still reading.", note.label)
            } else {
                format!(
                    "The article refers to note [{}] but never gives its text.",
                    note.label
                )
            };
            out.push(text_line(&why, theme.dim()));
        }
        let inner = self.inner_refs(r);
        let focused = self.inner.and_then(|i| inner.get(i)).map(|&s| &r.spots[s]);
        for (block, line) in note_lines(&r.doc, self.note, width) {
            let part = r
                .doc
                .index_of(Part::Note {
                    note: self.note,
                    block,
                })
                .unwrap_or(usize::MAX);
            let hs: Vec<Highlight> = focused
                .filter(|s| s.part == part)
                .map(|s| Highlight {
                    part,
                    range: s.range.clone(),
                    style: theme.focus(),
                })
                .into_iter()
                .collect();
            let refs: Vec<&Highlight> = hs.iter().collect();
            out.push(to_line(&line, None, width as usize, theme, &refs));
        }
        let places = self.ref_places(r);
        if places.len() > 1 {
            out.push(Line::default());
            out.push(text_line(
                &format!(
                    "Referred to {} times — press 1–{} to visit:",
                    places.len(),
                    places.len().min(9)
                ),
                theme.dim(),
            ));
            for (k, (part, offset)) in places.iter().enumerate().take(9) {
                let text = r.doc.text(r.doc.parts[*part]);
                let snip = snippet(&text, *offset, width.saturating_sub(4) as usize);
                out.push(text_line(
                    &popup::fit_to(&format!("{}. {snip}", k + 1), width as usize),
                    theme.dim(),
                ));
            }
        }
        out
    }
}
