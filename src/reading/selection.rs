//! A selection of text to highlight: one end fixed where it began, the other moved by
//! word, sentence, paragraph, line or to the ends of a block, as a visual mode moves.
//! Positions are (part index, byte offset), so the selection survives a reflow.

use super::Reader;
use crate::layout::{Anchor, Doc, Layout, LinePos};
use crate::store::passage;
use std::ops::Range;
use unicode_segmentation::UnicodeSegmentation;

/// A place in the document: a part (by index) and a byte offset in its text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Default)]
pub struct At {
    /// Index into `Doc::parts`.
    pub part: usize,
    /// Byte offset in the part's text.
    pub offset: usize,
}

/// How the moving end goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Motion {
    /// To the end of the next word.
    WordNext,
    /// To the start of the word before.
    WordPrev,
    /// To the end of the next sentence.
    SentenceNext,
    /// To the start of the sentence before.
    SentencePrev,
    /// To the end of the paragraph, or of the next one when already there.
    ParagraphNext,
    /// To the start of the paragraph, or of the one before when already there.
    ParagraphPrev,
    /// A line down.
    LineDown,
    /// A line up.
    LineUp,
    /// To the end of the block the moving end is in.
    BlockEnd,
    /// To the start of that block.
    BlockStart,
}

/// The text between a fixed end and a moving one. Moved back to or past where it began,
/// it keeps the first unit it selected (a sentence, a reference), so it is never empty.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Selection {
    /// Where it began.
    pub fixed: At,
    /// The end of what it first selected.
    pub first_end: At,
    /// The end the keys move.
    pub cursor: At,
}

/// Byte ranges of the words in `text`.
fn words(text: &str) -> impl Iterator<Item = Range<usize>> + '_ {
    text.split_word_bound_indices()
        .filter(|(_, w)| w.chars().any(char::is_alphanumeric))
        .map(|(i, w)| i..i + w.len())
}

/// Byte ranges of the sentences in `text`, without the spaces after them.
fn sentences(text: &str) -> impl Iterator<Item = Range<usize>> + '_ {
    text.split_sentence_bound_indices()
        .map(|(i, s)| i..i + s.trim_end().len())
        .filter(|r| !r.is_empty())
}

/// The part's text without the spaces around it.
fn trimmed(text: &str) -> Range<usize> {
    let start = text.len() - text.trim_start().len();
    start..text.trim_end().len().max(start)
}

impl Selection {
    /// A selection of `range` in part `part`, the moving end at its end.
    pub fn of(part: usize, range: Range<usize>) -> Self {
        let end = At {
            part,
            offset: range.end,
        };
        Selection {
            fixed: At {
                part,
                offset: range.start,
            },
            first_end: end,
            cursor: end,
        }
    }

    /// Its two ends in document order.
    pub fn bounds(&self) -> (At, At) {
        if self.cursor > self.fixed {
            (self.fixed, self.cursor)
        } else {
            (self.cursor, self.first_end)
        }
    }

    /// Its ends as anchors.
    pub fn anchors(&self, doc: &Doc) -> (Anchor, Anchor) {
        let (a, b) = self.bounds();
        let anchor = |at: At| Anchor {
            part: doc.parts[at.part],
            offset: at.offset,
        };
        (anchor(a), anchor(b))
    }

    /// The selected text, paragraphs joined by line feeds.
    pub fn text(&self, doc: &Doc) -> String {
        let (a, b) = self.anchors(doc);
        passage(doc, a, b).unwrap_or_default()
    }

    /// (words, characters) selected; line feeds between paragraphs are not counted.
    pub fn length(&self, doc: &Doc) -> (usize, usize) {
        let text = self.text(doc);
        let chars = text.chars().filter(|&c| c != '\n').count();
        (words(&text).count(), chars)
    }

    /// The selected byte range of part `part`, if it holds any of the selection.
    pub fn range_in(&self, part: usize) -> Option<Range<usize>> {
        let (a, b) = self.bounds();
        if part < a.part || part > b.part {
            return None;
        }
        let start = if part == a.part { a.offset } else { 0 };
        let end = if part == b.part { b.offset } else { usize::MAX };
        Some(start..end)
    }

    /// Moves the moving end; false when it could go no further.
    pub fn extend(&mut self, layout: &Layout, motion: Motion) -> bool {
        let to = match motion {
            Motion::LineDown => line_step(layout, self.cursor, 1),
            Motion::LineUp => line_step(layout, self.cursor, -1),
            _ => step(&layout.doc, self.cursor, motion),
        };
        match to {
            Some(to) if to != self.cursor => {
                self.cursor = to;
                true
            }
            _ => false,
        }
    }
}

/// Where a motion by text units takes `at`, crossing into the parts around when its own
/// part has nothing further.
fn step(doc: &Doc, at: At, motion: Motion) -> Option<At> {
    let text = doc.text(doc.parts[at.part]);
    let here = |offset| At {
        part: at.part,
        offset,
    };
    let whole = trimmed(&text);
    let found = match motion {
        Motion::WordNext => words(&text).map(|r| r.end).find(|&e| e > at.offset),
        Motion::WordPrev => words(&text)
            .map(|r| r.start)
            .take_while(|&s| s < at.offset)
            .last(),
        Motion::SentenceNext => sentences(&text).map(|r| r.end).find(|&e| e > at.offset),
        Motion::SentencePrev => sentences(&text)
            .map(|r| r.start)
            .take_while(|&s| s < at.offset)
            .last(),
        Motion::ParagraphNext => (whole.end > at.offset).then_some(whole.end),
        Motion::ParagraphPrev => (whole.start < at.offset).then_some(whole.start),
        Motion::BlockEnd => return Some(here(whole.end)),
        Motion::BlockStart => return Some(here(whole.start)),
        Motion::LineDown | Motion::LineUp => None,
    };
    if let Some(offset) = found {
        return Some(here(offset));
    }
    let forward = matches!(
        motion,
        Motion::WordNext | Motion::SentenceNext | Motion::ParagraphNext
    );
    let mut part = at.part;
    loop {
        part = if forward {
            Some(part + 1).filter(|&p| p < doc.parts.len())?
        } else {
            part.checked_sub(1)?
        };
        let text = doc.text(doc.parts[part]);
        if text.trim().is_empty() {
            continue;
        }
        let offset = match motion {
            Motion::WordNext => words(&text).next()?.end,
            Motion::WordPrev => words(&text).last()?.start,
            Motion::SentenceNext => sentences(&text).next()?.end,
            Motion::SentencePrev => sentences(&text).last()?.start,
            Motion::ParagraphNext => trimmed(&text).end,
            _ => trimmed(&text).start,
        };
        return Some(At { part, offset });
    }
}

/// The line holding `at`: the last line of its part starting at or before it.
fn line_of(layout: &Layout, at: At) -> LinePos {
    let lines = layout.lines(at.part);
    let line = lines
        .iter()
        .rposition(|l| !l.spans.is_empty() && l.start < at.offset.max(1))
        .unwrap_or(0);
    LinePos {
        part: at.part,
        line,
    }
}

/// `at` moved `delta` lines with text, as many characters into its line as it was.
fn line_step(layout: &Layout, at: At, delta: isize) -> Option<At> {
    let from = line_of(layout, at);
    let line = layout.line(from)?;
    let text = layout.doc.text(layout.doc.parts[at.part]);
    let column = text
        .get(line.start..at.offset.max(line.start))
        .map_or(0, |s| s.chars().count());
    let mut pos = from;
    let step = delta.signum();
    for _ in 0..delta.unsigned_abs() {
        loop {
            let next = layout.step(pos, step);
            if next == pos {
                return None;
            }
            pos = next;
            if layout.line(pos).is_some_and(|l| !l.spans.is_empty()) {
                break;
            }
        }
    }
    let to = layout.line(pos)?;
    let text = layout.doc.text(layout.doc.parts[pos.part]);
    let end = to.end.min(text.len());
    let offset = text
        .get(to.start..end)
        .and_then(|s| s.char_indices().nth(column).map(|(i, _)| to.start + i))
        .unwrap_or(end);
    Some(At {
        part: pos.part,
        offset,
    })
}

impl Reader {
    /// `v`: a selection of the focused reference when it is on screen, else of the first
    /// sentence that starts on screen (or the one the screen starts inside).
    pub fn start_selection(&mut self) -> Option<Selection> {
        if let Some(i) = self.focus.filter(|&i| self.spot_visible(i)) {
            let s = &self.spots[i];
            return Some(Selection::of(s.part, s.range.clone()));
        }
        let window = self.layout.window(self.top, self.page());
        let mut inside = None;
        for (pos, line) in window.iter().filter(|(_, l)| !l.spans.is_empty()) {
            let text = self.doc.text(self.doc.parts[pos.part]);
            for s in sentences(&text) {
                if s.start >= line.start && s.start < line.end.max(line.start + 1) {
                    return Some(Selection::of(pos.part, s));
                }
                if inside.is_none() && s.start < line.start && s.end > line.start {
                    inside = Some(Selection::of(pos.part, s));
                }
            }
        }
        inside
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::Format;
    use crate::layout::Style;
    use std::path::PathBuf;

    const TEXT: &str = "The quay at dusk\n\n\
        Every evening the lamplighter walks the quay. He has done it for thirty-one years. \
        Nobody asks him why.\n\n\
        The lamps are gas, which the council has twice voted to replace.\n\n\
        Nobody knows who will do it after him, he says, laughing.\n";

    fn reader(width: u16) -> Reader {
        let article = crate::parse::parse_bytes(TEXT.as_bytes(), Format::Text).unwrap();
        let style = Style {
            width,
            ..Style::default()
        };
        Reader::new(article, PathBuf::from("t.txt"), (width + 4, 6), style)
    }

    fn start(r: &mut Reader) -> Selection {
        r.start_selection().expect("a sentence on screen")
    }

    #[test]
    fn it_starts_at_the_first_sentence_on_screen_and_grows_by_word() {
        let mut r = reader(40);
        let mut s = start(&mut r);
        assert_eq!(s.text(&r.doc), "The quay at dusk");
        assert!(s.extend(&r.layout, Motion::WordNext));
        assert_eq!(
            s.text(&r.doc),
            "The quay at dusk\n\nEvery".replace("\n\n", "\n")
        );
        assert!(s.extend(&r.layout, Motion::WordNext));
        assert!(s.text(&r.doc).ends_with("Every evening"));
        assert!(s.extend(&r.layout, Motion::WordPrev));
        assert!(s.text(&r.doc).ends_with("Every "), "{:?}", s.text(&r.doc));
        assert_eq!(s.length(&r.doc), (5, 22), "line feeds not counted");
    }

    #[test]
    fn sentences_paragraphs_and_blocks() {
        let mut r = reader(40);
        r.scroll(2);
        let mut s = start(&mut r);
        assert_eq!(
            s.text(&r.doc),
            "Every evening the lamplighter walks the quay."
        );
        assert!(s.extend(&r.layout, Motion::SentenceNext));
        assert!(s.text(&r.doc).ends_with("thirty-one years."));
        assert!(s.extend(&r.layout, Motion::ParagraphNext));
        assert!(s.text(&r.doc).ends_with("asks him why."));
        assert!(s.extend(&r.layout, Motion::ParagraphNext));
        assert!(s.text(&r.doc).ends_with("voted to replace."));
        assert!(s.extend(&r.layout, Motion::BlockStart));
        assert!(
            s.text(&r.doc).ends_with("asks him why.\n"),
            "{:?}",
            s.text(&r.doc)
        );
        assert!(s.extend(&r.layout, Motion::SentencePrev));
        assert!(s.extend(&r.layout, Motion::SentencePrev));
        assert!(s.extend(&r.layout, Motion::SentencePrev));
        assert_eq!(
            s.text(&r.doc),
            "Every evening the lamplighter walks the quay.",
            "back to the start: the first sentence stays"
        );
        assert!(s.extend(&r.layout, Motion::SentencePrev));
        assert!(
            s.text(&r.doc)
                .starts_with("The quay at dusk\nEvery evening")
        );
        assert!(s.text(&r.doc).ends_with("walks the quay."), "the other way");
        assert!(s.extend(&r.layout, Motion::BlockEnd));
        assert!(
            s.text(&r.doc).starts_with("\nEvery evening"),
            "the title's end"
        );
        assert!(s.extend(&r.layout, Motion::ParagraphNext));
        assert!(s.text(&r.doc).starts_with("Every evening"));
        assert!(s.text(&r.doc).ends_with("asks him why."));
    }

    #[test]
    fn lines_follow_the_layout_at_each_width() {
        for width in [30, 50, 80] {
            let mut r = reader(width);
            r.scroll(2);
            let mut s = start(&mut r);
            let before = s.text(&r.doc).len();
            assert!(s.extend(&r.layout, Motion::LineDown), "width {width}");
            let grown = s.text(&r.doc).len();
            assert!(grown > before, "width {width}");
            assert!(
                grown - before <= width as usize + 2,
                "width {width}: a line at most"
            );
            assert!(s.extend(&r.layout, Motion::LineUp));
            assert!(s.text(&r.doc).len() < grown);
        }
    }

    #[test]
    fn the_focused_reference_is_the_start() {
        let mut r = reader(40);
        r.spots.push(crate::reading::targets::Spot {
            part: 1,
            range: 6..13,
            target: crate::layout::Target::Link,
            url: None,
        });
        r.focus = Some(r.spots.len() - 1);
        let s = start(&mut r);
        assert_eq!(s.text(&r.doc), "evening");
        assert_eq!(s.range_in(1), Some(6..13));
        assert_eq!(s.range_in(0), None);
    }

    #[test]
    fn nothing_further_at_the_ends() {
        let mut r = reader(40);
        r.to_bottom();
        let mut s = start(&mut r);
        while s.extend(&r.layout, Motion::ParagraphNext) {}
        assert!(s.text(&r.doc).ends_with("laughing."));
        assert!(!s.extend(&r.layout, Motion::WordNext));
        assert!(!s.extend(&r.layout, Motion::SentenceNext));
        assert!(!s.extend(&r.layout, Motion::LineDown));
    }
}
