//! Highlights: a marked passage with an optional note, kept as bookmarks are (an id, times,
//! a tombstone when deleted) and found again after the file is edited: at its anchors if
//! the quoted text is still there, else by its quote and the text around it, else it is
//! kept as orphaned, never dropped.

use super::model::{ArticleState, Spot};
use super::spot::floor_boundary;
use crate::layout::{Anchor, Doc};
use serde::{Deserialize, Serialize};

/// Characters of text kept on each side of a passage to tell its occurrences apart.
const CONTEXT_CHARS: usize = 32;

/// A marked passage.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Highlight {
    /// Unique across processes and machines.
    pub id: String,
    /// Where the passage starts (with a snippet and fraction, as a bookmark).
    pub start: Spot,
    /// Where it ends (exclusive).
    pub end: Anchor,
    /// The passage's text, its paragraphs joined by line feeds.
    pub quote: String,
    /// Text just before the passage.
    #[serde(default)]
    pub before: String,
    /// Text just after it.
    #[serde(default)]
    pub after: String,
    /// The reader's note on it; empty for none.
    #[serde(default)]
    pub note: String,
    /// When it was made, in ms since the epoch.
    pub created: u64,
    /// When it was last made, noted, deleted or restored.
    pub updated: u64,
    /// A tombstone: deleted, kept so a merge does not bring it back.
    #[serde(default)]
    pub deleted: bool,
}

/// Where a highlight is in a document now.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Located {
    /// At the anchors it was saved with, or where its text moved to.
    At(Anchor, Anchor),
    /// Its text is no longer in the document.
    Orphaned,
}

impl Highlight {
    /// A highlight of the text from `start` to `end` in `doc`.
    pub fn new(doc: &Doc, start: Anchor, end: Anchor, id: String, now: u64) -> Highlight {
        let (start, end) = if (index(doc, end), end.offset) < (index(doc, start), start.offset) {
            (end, start)
        } else {
            (start, end)
        };
        let quote = passage(doc, start, end).unwrap_or_default();
        let first = doc.text(start.part);
        let from = floor_boundary(&first, start.offset);
        let before: String = {
            let head: Vec<char> = first[..from].chars().rev().take(CONTEXT_CHARS).collect();
            head.into_iter().rev().collect()
        };
        let last = doc.text(end.part);
        let to = floor_boundary(&last, end.offset);
        let after: String = last[to..].chars().take(CONTEXT_CHARS).collect();
        Highlight {
            id,
            start: Spot::new(doc, start),
            end: Anchor {
                part: end.part,
                offset: to,
            },
            quote,
            before,
            after,
            note: String::new(),
            created: now,
            updated: now,
            deleted: false,
        }
    }

    /// Where the passage is in `doc`: its saved anchors if they still hold its text; else
    /// the occurrence of its text whose surroundings match best, nearest the old place.
    pub fn locate(&self, doc: &Doc) -> Located {
        if passage(doc, self.start.anchor, self.end).as_deref() == Some(self.quote.as_str()) {
            return Located::At(self.start.anchor, self.end);
        }
        if self.quote.trim().is_empty() {
            return Located::Orphaned;
        }
        let near = doc
            .index_of(self.start.anchor.part)
            .unwrap_or_else(|| doc.at_fraction(self.start.fraction).0);
        let mut best: Option<((usize, usize), Anchor, Anchor)> = None;
        for (i, found) in occurrences(doc, &self.quote) {
            let (start, end) = found;
            let fit = usize::from(!doc.text(start.part)[..start.offset].ends_with(&self.before))
                + usize::from(!doc.text(end.part)[end.offset..].starts_with(&self.after));
            let rank = (fit, i.abs_diff(near));
            if best.as_ref().is_none_or(|(r, _, _)| rank < *r) {
                best = Some((rank, start, end));
            }
        }
        best.map_or(Located::Orphaned, |(_, s, e)| Located::At(s, e))
    }
}

impl ArticleState {
    /// Keeps a highlight (its start's fraction made safe to merge).
    pub fn add_highlight(&mut self, mut h: Highlight) {
        h.start = h.start.sanitised();
        self.highlights.insert(h.id.clone(), h);
    }

    /// Sets a highlight's note; false if there is no such highlight.
    pub fn note_highlight(&mut self, id: &str, note: &str, now: u64) -> bool {
        self.edit_highlight(id, now, |h| h.note = note.to_string())
    }

    /// Deletes a highlight, kept as a tombstone; false if there is no such highlight.
    pub fn delete_highlight(&mut self, id: &str, now: u64) -> bool {
        self.edit_highlight(id, now, |h| h.deleted = true)
    }

    /// Restores a deleted highlight; false if there is no such highlight.
    pub fn undelete_highlight(&mut self, id: &str, now: u64) -> bool {
        self.edit_highlight(id, now, |h| h.deleted = false)
    }

    fn edit_highlight(&mut self, id: &str, now: u64, f: impl FnOnce(&mut Highlight)) -> bool {
        let Some(h) = self.highlights.get_mut(id) else {
            return false;
        };
        f(h);
        // Later than every earlier edit, whatever the clock says (as for bookmarks).
        h.updated = now.max(h.updated + 1);
        true
    }

    /// The highlights that are not deleted, in the order they were saved at.
    pub fn live_highlights(&self) -> Vec<&Highlight> {
        let mut v: Vec<&Highlight> = self.highlights.values().filter(|h| !h.deleted).collect();
        v.sort_by(|x, y| {
            x.start
                .fraction
                .total_cmp(&y.start.fraction)
                .then(x.start.anchor.cmp(&y.start.anchor))
                .then(x.created.cmp(&y.created))
        });
        v
    }
}

/// Every place `quote` occurs: a one-paragraph quote anywhere in a part; a longer one as
/// the end of a part, whole parts, and the start of a part, in order. With the index of
/// the part each starts in.
fn occurrences(doc: &Doc, quote: &str) -> Vec<(usize, (Anchor, Anchor))> {
    let pieces: Vec<&str> = quote.split('\n').collect();
    let mut out = Vec::new();
    for (i, &part) in doc.parts.iter().enumerate() {
        let text = doc.text(part);
        if pieces.len() == 1 {
            for (at, _) in text.match_indices(quote) {
                let start = Anchor { part, offset: at };
                let end = Anchor {
                    part,
                    offset: at + quote.len(),
                };
                out.push((i, (start, end)));
            }
            continue;
        }
        if !text.ends_with(pieces[0]) || i + pieces.len() > doc.parts.len() {
            continue;
        }
        let middle_ok = pieces[1..pieces.len() - 1]
            .iter()
            .enumerate()
            .all(|(k, p)| doc.text(doc.parts[i + 1 + k]) == *p);
        let last = doc.parts[i + pieces.len() - 1];
        let tail = pieces[pieces.len() - 1];
        if middle_ok && doc.text(last).starts_with(tail) {
            let start = Anchor {
                part,
                offset: text.len() - pieces[0].len(),
            };
            let end = Anchor {
                part: last,
                offset: tail.len(),
            };
            out.push((i, (start, end)));
        }
    }
    out
}

/// The text from `start` to `end`, paragraphs joined by line feeds; `None` when either
/// anchor is not in `doc` or they are out of order.
pub fn passage(doc: &Doc, start: Anchor, end: Anchor) -> Option<String> {
    let (a, b) = (doc.index_of(start.part)?, doc.index_of(end.part)?);
    if (b, end.offset) < (a, start.offset) {
        return None;
    }
    let mut out = String::new();
    for i in a..=b {
        let text = doc.text(doc.parts[i]);
        let from = if i == a { start.offset } else { 0 };
        let to = if i == b { end.offset } else { text.len() };
        let piece = text.get(from..to)?;
        if i > a {
            out.push('\n');
        }
        out.push_str(piece);
    }
    Some(out)
}

fn index(doc: &Doc, a: Anchor) -> usize {
    doc.index_of(a.part).unwrap_or(usize::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::Format;
    use crate::parse::parse_str;
    use std::sync::Arc;

    const TEXT: &str = "The quay at dusk\n\nby Ines Marlow\n\n\
        Every evening the lamplighter walks the quay. He has done it for thirty-one years.\n\n\
        The lamps are gas, which the council has twice voted to replace.\n\n\
        Nobody knows who will do it after him, he says, laughing.\n";

    fn doc(text: &str) -> Arc<Doc> {
        Arc::new(Doc::new(Arc::new(parse_str(text, Format::Text))))
    }

    /// The part whose text holds `needle`, and where.
    fn find(d: &Doc, needle: &str) -> Anchor {
        d.parts
            .iter()
            .find_map(|&part| {
                let offset = d.text(part).find(needle)?;
                Some(Anchor { part, offset })
            })
            .unwrap_or_else(|| panic!("{needle:?} is not in the document"))
    }

    fn mark(d: &Doc, from: &str, to: &str) -> Highlight {
        let start = find(d, from);
        let mut end = find(d, to);
        end.offset += to.len();
        Highlight::new(d, start, end, "h1".into(), 1)
    }

    #[test]
    fn a_passage_is_found_at_its_anchors() {
        let d = doc(TEXT);
        let h = mark(&d, "He has", "years.");
        assert_eq!(h.quote, "He has done it for thirty-one years.");
        assert_eq!(
            h.before, "the lamplighter walks the quay. ",
            "32 characters"
        );
        assert_eq!(h.locate(&d), Located::At(h.start.anchor, h.end));
    }

    #[test]
    fn a_passage_over_paragraphs_is_found_after_an_edit_before_it() {
        let d = doc(TEXT);
        let h = mark(&d, "He has", "council");
        assert_eq!(h.quote.lines().count(), 2);
        let edited = TEXT.replace(
            "by Ines Marlow\n\n",
            "by Ines Marlow\n\nA new opening paragraph, added later.\n\n",
        );
        let e = doc(&edited);
        let Located::At(start, end) = h.locate(&e) else {
            panic!("lost after an edit");
        };
        assert_eq!(passage(&e, start, end).unwrap(), h.quote);
        assert!(e.text(start.part).starts_with("Every evening"));
    }

    #[test]
    fn the_occurrence_with_the_same_surroundings_wins() {
        let text = "T\n\nThe lamps are gas. Then the lamps are gas again, said the clerk.\n";
        let d = doc(text);
        let h = mark(&d, "the lamps are gas again", "again");
        let moved = doc(&text.replace(
            "T\n\n",
            "T\n\nAnd then the lamps are gas again, said nobody.\n\n",
        ));
        let Located::At(start, _) = h.locate(&moved) else {
            panic!("lost");
        };
        assert!(moved.text(start.part)[..start.offset].ends_with("gas. Then "));
    }

    #[test]
    fn a_deleted_passage_is_orphaned() {
        let d = doc(TEXT);
        let h = mark(&d, "twice voted", "replace");
        let gone = doc(&TEXT.replace(
            "The lamps are gas, which the council has twice voted to replace.\n\n",
            "",
        ));
        assert_eq!(h.locate(&gone), Located::Orphaned);
    }

    #[test]
    fn anchors_given_backwards_make_the_same_highlight() {
        let d = doc(TEXT);
        let a = mark(&d, "He has", "years.");
        let (s, e) = (a.start.anchor, a.end);
        assert_eq!(Highlight::new(&d, e, s, "h1".into(), 1), a);
    }
}
