//! Making a `Spot` from a layout anchor, and finding it again in a (possibly edited) document.

use super::model::Spot;
use crate::layout::{Anchor, Doc};

/// Characters of text kept at an anchor: enough to be unique, short enough to show.
const SNIPPET_CHARS: usize = 60;

impl Spot {
    /// The spot at `anchor` in `doc`, with its snippet and fraction.
    pub fn new(doc: &Doc, anchor: Anchor) -> Spot {
        let text = doc.text(anchor.part);
        let offset = floor_boundary(&text, anchor.offset);
        let snippet: String = text[offset..].chars().take(SNIPPET_CHARS).collect();
        let fraction = doc
            .index_of(anchor.part)
            .map_or(0.0, |i| doc.fraction(i, offset));
        Spot {
            anchor: Anchor {
                part: anchor.part,
                offset,
            },
            snippet,
            fraction,
        }
    }

    /// The anchor to use in `doc`: the saved one if its snippet is still there; else where
    /// the snippet is now, nearest the old place; else the old place clamped to the document.
    pub fn recover(&self, doc: &Doc) -> Anchor {
        let index = doc.index_of(self.anchor.part);
        if index.is_some() {
            let text = doc.text(self.anchor.part);
            if text
                .get(self.anchor.offset..)
                .is_some_and(|t| t.starts_with(&self.snippet))
            {
                return self.anchor;
            }
        }
        let near = index.unwrap_or_else(|| doc.at_fraction(self.fraction).0);
        if let Some(found) = self.search(doc, near) {
            return found;
        }
        match index {
            Some(_) => {
                let text = doc.text(self.anchor.part);
                Anchor {
                    part: self.anchor.part,
                    offset: floor_boundary(&text, self.anchor.offset),
                }
            }
            None => {
                let (i, offset) = doc.at_fraction(self.fraction);
                match doc.parts.get(i) {
                    Some(&part) => Anchor {
                        part,
                        offset: floor_boundary(&doc.text(part), offset),
                    },
                    None => self.anchor,
                }
            }
        }
    }

    /// The occurrence of the snippet closest to part `near` and the saved offset.
    fn search(&self, doc: &Doc, near: usize) -> Option<Anchor> {
        if self.snippet.trim().is_empty() {
            return None;
        }
        let mut best: Option<((usize, usize), Anchor)> = None;
        for (i, &part) in doc.parts.iter().enumerate() {
            let text = doc.text(part);
            for (offset, _) in text.match_indices(self.snippet.as_str()) {
                let distance = (i.abs_diff(near), offset.abs_diff(self.anchor.offset));
                if best.as_ref().is_none_or(|(d, _)| distance < *d) {
                    best = Some((distance, Anchor { part, offset }));
                }
            }
        }
        best.map(|(_, a)| a)
    }
}

/// The nearest character boundary at or before `offset`.
pub(super) fn floor_boundary(text: &str, offset: usize) -> usize {
    let mut at = offset.min(text.len());
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::Format;
    use crate::layout::{Layout, LinePos, Part, Style};
    use crate::parse::parse_str;
    use std::sync::Arc;

    const ARTICLE: &str = "The Lamps of the Lower Town\n\nby Ines Marlow\n\n\
        Every evening the lamplighter walks the length of the quay, starting at the fish market and ending by the old customs house. He has done it for thirty-one years.\n\n\
        The lamps are gas, which the council has twice voted to replace and twice failed to pay for. Residents say the light is warmer; engineers say it is dimmer.\n\n\
        In winter the round takes longer, because the mantles crack in the cold and each one must be changed by hand, with numb fingers, on a ladder that sways.\n\n\
        Nobody knows who will do it after him. His son works in the harbour office and has no head for heights, he says, laughing.\n";

    fn doc(text: &str) -> Arc<Doc> {
        Arc::new(Doc::new(Arc::new(parse_str(text, Format::Text))))
    }

    fn body_parts(doc: &Doc) -> Vec<usize> {
        (0..doc.parts.len())
            .filter(|&i| matches!(doc.parts[i], Part::Body { .. }))
            .collect()
    }

    #[test]
    fn anchors_map_back_to_the_same_place_at_every_width() {
        let d = doc(ARTICLE);
        let reference = Layout::new(
            d.clone(),
            Style {
                width: 80,
                ..Style::default()
            },
        );
        let third = body_parts(&d)[2];
        let kept = Spot::new(
            &d,
            reference.anchor(LinePos {
                part: third,
                line: 1,
            }),
        );
        for width in 30..=200u16 {
            let l = Layout::new(
                d.clone(),
                Style {
                    width,
                    ..Style::default()
                },
            );
            for &part in &body_parts(&d) {
                for (line, text) in l.lines(part).iter().enumerate() {
                    if text.spans.is_empty() {
                        continue;
                    }
                    let pos = LinePos { part, line };
                    let spot = Spot::new(&d, l.anchor(pos));
                    let json = serde_json::to_string(&spot).unwrap();
                    let back: Spot = serde_json::from_str(&json).unwrap();
                    let anchor = back.recover(&d);
                    assert_eq!(anchor, l.anchor(pos), "width {width}");
                    assert_eq!(l.locate(anchor), pos, "width {width}");
                }
            }
            let anchor = kept.recover(&d);
            let top = l.line(l.locate(anchor)).unwrap();
            assert!(
                top.start <= anchor.offset && anchor.offset < top.end,
                "width {width}"
            );
        }
    }

    fn part_with(doc: &Doc, words: &str) -> Part {
        *doc.parts
            .iter()
            .find(|&&p| doc.text(p).contains(words))
            .unwrap()
    }

    #[test]
    fn a_moved_block_is_found_through_its_snippet() {
        let before = doc(ARTICLE);
        let winter = part_with(&before, "each one");
        let offset = before.text(winter).find("each one").unwrap();
        let spot = Spot::new(
            &before,
            Anchor {
                part: winter,
                offset,
            },
        );
        assert!(spot.snippet.starts_with("each one must be changed"));

        let edited = ARTICLE.replace(
            "The lamps are gas",
            "A paragraph added later.\n\nThe lamps are gas",
        );
        let after = doc(&edited);
        assert_ne!(part_with(&after, "each one"), winter);
        let anchor = spot.recover(&after);
        assert_eq!(anchor.part, part_with(&after, "each one"));
        assert!(after.text(anchor.part)[anchor.offset..].starts_with("each one must"));
    }

    #[test]
    fn an_article_keeps_its_state_through_a_move_and_an_edit() {
        use crate::store::{Fingerprint, State};
        use std::path::Path;
        let before = doc(ARTICLE);
        let fp = Fingerprint::of(&before.article);
        let winter = part_with(&before, "each one");
        let offset = before.text(winter).find("each one").unwrap();
        let mut state = State::default();
        let entry = state.open_article(&fp, Path::new("/lib/lamps.txt"), "The Lamps", 10);
        entry.set_position(
            Spot::new(
                &before,
                Anchor {
                    part: winter,
                    offset,
                },
            ),
            11,
        );

        let moved = doc(&ARTICLE.replace("\n\n", "\n\n\n"));
        assert_eq!(Fingerprint::of(&moved.article), fp);
        state.open_article(&fp, Path::new("/archive/lamps-2026.txt"), "The Lamps", 12);

        let edited = doc(&ARTICLE.replace(
            "The lamps are gas",
            "A paragraph added later.\n\nThe lamps are gas",
        ));
        let new_fp = Fingerprint::of(&edited.article);
        assert_ne!(new_fp, fp);
        let entry = state.open_article(
            &new_fp,
            Path::new("/archive/lamps-2026.txt"),
            "The Lamps",
            13,
        );
        let anchor = entry.position.as_ref().unwrap().at.recover(&edited);
        assert!(edited.text(anchor.part)[anchor.offset..].starts_with("each one must"));
        assert_eq!(state.articles.len(), 1);
        assert!(state.get(&new_fp).is_some());
    }

    #[test]
    fn a_lost_snippet_falls_back_to_the_clamped_place() {
        let d = doc(ARTICLE);
        let last = d.parts[*body_parts(&d).last().unwrap()];
        let len = d.text(last).len();
        let gone = Spot {
            anchor: Anchor {
                part: last,
                offset: len + 50,
            },
            snippet: "no such words".into(),
            fraction: 0.9,
        };
        assert_eq!(
            gone.recover(&d),
            Anchor {
                part: last,
                offset: len
            }
        );
        let missing = Spot {
            anchor: Anchor {
                part: Part::Body { i: 99 },
                offset: 3,
            },
            snippet: String::new(),
            fraction: 0.99,
        };
        assert_eq!(missing.recover(&d).part, last);
    }
}
