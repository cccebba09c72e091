//! Footnotes: labels, definitions and the places that refer to them, shared by all parsers.

use crate::article::{Article, Block, Footnote, MarkKind, Place, Pos};
use std::collections::HashMap;

/// Whether a trimmed line is a heading over the notes ("Notes", "Footnotes:", "References"),
/// or one of `also`, in any ASCII case.
pub fn is_heading(t: &str, also: &[&str]) -> bool {
    const HEADINGS: [&str; 7] = [
        "note",
        "notes",
        "footnote",
        "footnotes",
        "endnote",
        "endnotes",
        "references",
    ];
    let t = t.strip_suffix(':').unwrap_or(t).trim_end();
    HEADINGS
        .iter()
        .chain(also)
        .any(|h| t.eq_ignore_ascii_case(h))
}

/// Collects footnote definitions and references while a parser runs.
#[derive(Debug, Default)]
pub struct NoteBuilder {
    notes: Vec<Footnote>,
    by_label: HashMap<String, usize>,
    /// Definition order of each note; undefined notes have none.
    order: Vec<Option<usize>>,
    defined: usize,
}

impl NoteBuilder {
    /// Records a definition. A second definition of the same label is returned unused.
    pub fn define(&mut self, label: &str, blocks: Vec<Block>) -> Option<Vec<Block>> {
        let i = self.index(label);
        if self.notes[i].defined {
            return Some(blocks);
        }
        self.notes[i].blocks = blocks;
        self.notes[i].defined = true;
        self.order[i] = Some(self.defined);
        self.defined += 1;
        None
    }

    /// The note index for a label, creating an undefined note on first sight.
    pub fn index(&mut self, label: &str) -> usize {
        if let Some(&i) = self.by_label.get(label) {
            return i;
        }
        let i = self.notes.len();
        self.notes.push(Footnote {
            label: label.to_string(),
            blocks: Vec::new(),
            refs: Vec::new(),
            defined: false,
        });
        self.order.push(None);
        self.by_label.insert(label.to_string(), i);
        i
    }

    /// Whether a label has been defined.
    pub fn is_defined(&self, label: &str) -> bool {
        self.by_label
            .get(label)
            .is_some_and(|&i| self.notes[i].defined)
    }

    /// Puts the notes into the article: defined notes in definition order, then the
    /// undefined ones, with every `FootnoteRef` mark renumbered to match.
    pub fn finish(self, article: &mut Article) {
        let mut idx: Vec<usize> = (0..self.notes.len()).collect();
        idx.sort_by_key(|&i| (self.order[i].is_none(), self.order[i].unwrap_or(0), i));
        let mut new_of = vec![0; idx.len()];
        for (new, &old) in idx.iter().enumerate() {
            new_of[old] = new;
        }
        let mut slots: Vec<Option<Footnote>> = self.notes.into_iter().map(Some).collect();
        article.footnotes = idx
            .iter()
            .map(|&old| slots[old].take().expect("each note once"))
            .collect();
        for place in article.places() {
            if let Some(block) = article.block_mut(place) {
                for m in &mut block.marks {
                    if let MarkKind::FootnoteRef { note } = &mut m.kind {
                        *note = new_of[*note];
                    }
                }
            }
        }
    }
}

/// Fills every footnote's `refs` from the `FootnoteRef` marks, in reading order.
pub fn collect_refs(article: &mut Article) {
    for f in &mut article.footnotes {
        f.refs.clear();
    }
    let mut found: Vec<(usize, Pos)> = Vec::new();
    for place in article.places() {
        let Some(block) = article.block(place) else {
            continue;
        };
        for m in &block.marks {
            if let MarkKind::FootnoteRef { note } = m.kind {
                found.push((
                    note,
                    Pos {
                        place,
                        offset: m.range.start,
                    },
                ));
            }
        }
    }
    for (note, pos) in found {
        if let Some(f) = article.footnotes.get_mut(note) {
            f.refs.push(pos);
        }
    }
}

/// Whether a note is referred to only from inside notes (or not at all).
pub fn referenced_from_body(note: &Footnote) -> bool {
    note.refs
        .iter()
        .any(|p| matches!(p.place, Place::Body { .. }))
}
