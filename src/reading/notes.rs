//! A footnote seen from the text: the references inside it and the places that refer to it.

use super::Reader;
use crate::layout::{Part, Target};

impl Reader {
    /// Spots (indices into `spots`) of note references and links inside note `note`.
    pub fn refs_inside(&self, note: usize) -> Vec<usize> {
        self.spots
            .iter()
            .enumerate()
            .filter(|(_, s)| {
                matches!(s.target, Target::Note(_) | Target::Link)
                    && matches!(self.doc.parts.get(s.part), Some(Part::Note { note: n, .. }) if *n == note)
            })
            .map(|(i, _)| i)
            .collect()
    }

    /// The places that refer to note `note`, as (part index, byte offset).
    pub fn refs_to(&self, note: usize) -> Vec<(usize, usize)> {
        self.spots
            .iter()
            .filter(|s| s.target == Target::Note(note))
            .map(|s| (s.part, s.range.start))
            .collect()
    }
}
