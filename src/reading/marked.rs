//! The open article's highlights, found in this parse of it: where each is drawn, which
//! have notes, and the focusable spot Tab reaches at the start of each.

use super::Reader;
use super::selection::At;
use super::targets::{self, Spot};
use crate::layout::{Part, Target};
use crate::store::{Highlight, Located};
use std::collections::HashMap;
use std::ops::Range;

/// One highlight as the reader has it.
#[derive(Debug, Clone, PartialEq)]
pub struct Marked {
    /// Its id in the store.
    pub id: String,
    /// The passage as saved.
    pub quote: String,
    /// The reader's note; empty for none.
    pub note: String,
    /// Where it is now; `None` when its text is gone (orphaned).
    pub at: Option<(At, At)>,
    /// How far through the article it starts, 0.0 to 1.0.
    pub fraction: f64,
    /// When it was made and last changed, in milliseconds since the Unix epoch.
    pub times: (u64, u64),
}

impl Marked {
    /// Its byte range in part `part`, if it covers any of it.
    pub fn range_in(&self, part: usize) -> Option<Range<usize>> {
        let (a, b) = self.at?;
        if part < a.part || part > b.part {
            return None;
        }
        let start = if part == a.part { a.offset } else { 0 };
        let end = if part == b.part { b.offset } else { usize::MAX };
        Some(start..end)
    }
}

impl Reader {
    /// Places the article's live highlights in this parse of it, in reading order with
    /// the orphaned last, and makes each a focusable spot; returns how many are orphaned.
    pub fn place_highlights(&mut self, list: &[&Highlight]) -> usize {
        let index: HashMap<Part, usize> = self
            .doc
            .parts
            .iter()
            .enumerate()
            .map(|(i, &p)| (p, i))
            .collect();
        let mut placed: Vec<Marked> = list
            .iter()
            .map(|h| {
                let at = match h.locate(&self.doc) {
                    Located::At(s, e) => {
                        index.get(&s.part).zip(index.get(&e.part)).map(|(&a, &b)| {
                            (
                                At {
                                    part: a,
                                    offset: s.offset,
                                },
                                At {
                                    part: b,
                                    offset: e.offset,
                                },
                            )
                        })
                    }
                    Located::Orphaned => None,
                };
                let fraction = at.map_or(h.start.fraction, |(a, _)| {
                    self.doc.fraction(a.part, a.offset)
                });
                Marked {
                    id: h.id.clone(),
                    quote: h.quote.clone(),
                    note: h.note.clone(),
                    at,
                    fraction,
                    times: (h.created, h.updated),
                }
            })
            .collect();
        placed.sort_by(|x, y| match (x.at, y.at) {
            (Some(a), Some(b)) => a.cmp(&b),
            (Some(_), None) => std::cmp::Ordering::Less,
            (None, Some(_)) => std::cmp::Ordering::Greater,
            (None, None) => x.fraction.total_cmp(&y.fraction),
        });
        let orphans = placed.iter().filter(|m| m.at.is_none()).count();
        self.highlights = placed;
        self.respot();
        orphans
    }

    /// Rebuilds the focusable spots: the article's references and links, and the start
    /// of each highlight, keeping the focus on the same place.
    fn respot(&mut self) {
        let kept = self
            .focus
            .and_then(|f| self.spots.get(f))
            .map(|s| (s.part, s.range.start, s.target));
        let mut spots = targets::spots(&self.doc);
        for (i, m) in self.highlights.iter().enumerate() {
            let Some((a, b)) = m.at else { continue };
            let end = if a.part == b.part {
                b.offset
            } else {
                self.doc.text(self.doc.parts[a.part]).len()
            };
            spots.push(Spot {
                part: a.part,
                range: a.offset..end.max(a.offset),
                target: Target::Highlight(i),
                url: None,
            });
        }
        spots.sort_by_key(|s| (s.part, s.range.start));
        self.focus = kept.and_then(|k| {
            spots
                .iter()
                .position(|s| (s.part, s.range.start, s.target) == k)
        });
        self.spots = spots;
    }

    /// The highlights covering any of parts `from..=to`, for drawing.
    pub fn highlights_in(&self, from: usize, to: usize) -> impl Iterator<Item = &Marked> {
        let end = self
            .highlights
            .partition_point(|m| m.at.is_some_and(|(a, _)| a.part <= to));
        self.highlights[..end]
            .iter()
            .filter(move |m| m.at.is_some_and(|(_, b)| b.part >= from))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::Format;
    use crate::layout::{Anchor, Style};
    use std::path::PathBuf;

    #[test]
    fn highlights_are_placed_in_order_and_reached_as_spots() {
        let text = "Title\n\nOne two three. Four five.\n\nSix seven eight.\n";
        let article = crate::parse::parse_bytes(text.as_bytes(), Format::Text).unwrap();
        let mut r = Reader::new(article, PathBuf::from("t.txt"), (60, 20), Style::default());
        let part = |i| r.doc.parts[i];
        let late = Highlight::new(
            &r.doc,
            Anchor {
                part: part(2),
                offset: 0,
            },
            Anchor {
                part: part(2),
                offset: 3,
            },
            "b".into(),
            2,
        );
        let mut early = Highlight::new(
            &r.doc,
            Anchor {
                part: part(1),
                offset: 4,
            },
            Anchor {
                part: part(2),
                offset: 3,
            },
            "a".into(),
            1,
        );
        early.note = "both".into();
        let mut gone = late.clone();
        gone.id = "c".into();
        gone.quote = "not in the text".into();
        assert_eq!(r.place_highlights(&[&gone, &late, &early]), 1);
        let ids: Vec<&str> = r.highlights.iter().map(|m| m.id.as_str()).collect();
        assert_eq!(ids, ["a", "b", "c"]);
        assert_eq!(r.highlights[0].range_in(1), Some(4..usize::MAX));
        assert_eq!(r.highlights[0].range_in(2), Some(0..3));
        assert_eq!(r.highlights_in(2, 2).count(), 2);
        assert_eq!(r.highlights_in(0, 0).count(), 0);
        assert!(r.move_focus(targets::Kind::Any, true));
        assert_eq!(r.spots[r.focus.unwrap()].target, Target::Highlight(0));
        assert!(r.move_focus(targets::Kind::Any, true));
        assert_eq!(r.spots[r.focus.unwrap()].target, Target::Highlight(1));
        r.place_highlights(&[&late, &early]);
        assert_eq!(
            r.spots[r.focus.unwrap()].target,
            Target::Highlight(1),
            "the focus stays"
        );
    }
}
