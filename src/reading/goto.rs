//! Places the reader is sent to from a list or a pop-up, each onto the jump list.

use super::Reader;
use super::sources::part_of;
use crate::layout::{Anchor, Target};

/// Where to go.
#[derive(Debug, Clone, PartialEq)]
pub enum Goto {
    /// An anchor, shown a quarter of the way down the screen (a bookmark, a note's text).
    Anchor(Anchor),
    /// An anchor a link points at; the focus is dropped, as the link is left behind.
    Link(Anchor),
    /// The start of a section, at the top of the screen (an outline entry).
    Section(Anchor),
    /// A place in the text (part index, byte offset), the spot there focused.
    Reference {
        /// Index of the part.
        part: usize,
        /// Byte offset in the part's text.
        offset: usize,
    },
    /// A citation, focused.
    Citation(usize),
    /// The first citation of a source, with citation moves kept to that source after.
    Source {
        /// The source's key.
        key: String,
        /// The citation to go to.
        citation: usize,
    },
}

impl Reader {
    /// Goes there, remembering where it came from.
    pub fn go(&mut self, to: Goto) {
        match to {
            Goto::Anchor(anchor) => self.jump_to(anchor),
            Goto::Link(anchor) => {
                self.jump_to(anchor);
                self.focus = None;
            }
            Goto::Section(anchor) => {
                self.push_jump();
                self.top = self.layout.locate(anchor);
                self.scroll(0);
            }
            Goto::Reference { part, offset } => {
                self.jump_to(Anchor {
                    part: self.doc.parts[part],
                    offset,
                });
                self.focus = self
                    .spots
                    .iter()
                    .position(|s| s.part == part && s.range.start == offset);
            }
            Goto::Citation(c) => self.goto_citation(c),
            Goto::Source { key, citation } => {
                self.source_filter = Some(key);
                self.goto_citation(citation);
            }
        }
    }

    /// Jumps (onto the jump list) to citation `c` and focuses it.
    fn goto_citation(&mut self, c: usize) {
        let Some(cit) = self.article().citations.get(c) else {
            return;
        };
        let anchor = Anchor {
            part: part_of(cit.place),
            offset: cit.range.start,
        };
        self.jump_to(anchor);
        self.focus = self
            .spots
            .iter()
            .position(|s| s.target == Target::Citation(c));
    }

    /// Where the focused citation stands among those of source `key`: (its place
    /// counting from 0 if it is one of them, how many there are, the source's name).
    pub fn standing(&self, key: &str) -> (Option<usize>, usize, String) {
        let a = self.article();
        let of: Vec<usize> = (0..a.citations.len())
            .filter(|&i| a.citations[i].source_key() == key)
            .collect();
        let at = self.focus.and_then(|f| match self.spots[f].target {
            Target::Citation(c) => of.iter().position(|&i| i == c),
            Target::Note(_) | Target::Link | Target::Highlight(_) => None,
        });
        let name = of
            .first()
            .map_or(String::new(), |&i| a.citations[i].source.clone());
        (at, of.len(), name)
    }
}
