//! A highlight's anchors name text, not screen lines: a passage selected at one width
//! is found at the same place, with the same text, at every other width from 30 to 200.

mod common;

use lectern::parse;
use lectern::reading::Reader;
use lectern::reading::selection::Motion;
use lectern::store::{Highlight, passage};
use proptest::prelude::*;

fn reader(width: u16) -> Reader {
    let path = common::ui::fixture("assets/library/harbour-thaw.txt");
    let article = parse::load(&path).expect("fixture parses");
    let style = lectern::layout::Style {
        width,
        ..Default::default()
    };
    Reader::new(article, path, (width.saturating_add(4), 30), style)
}

fn motion() -> impl Strategy<Value = Motion> {
    prop::sample::select(vec![
        Motion::WordNext,
        Motion::WordPrev,
        Motion::SentenceNext,
        Motion::SentencePrev,
        Motion::ParagraphNext,
        Motion::LineDown,
        Motion::LineUp,
        Motion::BlockEnd,
    ])
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]
    #[test]
    fn a_highlight_is_the_same_passage_at_every_width(
        made_at in 30u16..=200,
        read_at in 30u16..=200,
        down in 0isize..120,
        moves in prop::collection::vec(motion(), 1..8),
    ) {
        let mut r = reader(made_at.min(120));
        r.scroll(down);
        let mut sel = r.start_selection().expect("text on screen");
        for m in moves {
            sel.extend(&r.layout, m);
        }
        let (a, b) = sel.anchors(&r.doc);
        let h = Highlight::new(&r.doc, a, b, "p".into(), 1);
        prop_assert_eq!(&h.quote, &sel.text(&r.doc));

        let mut other = reader(read_at.min(120));
        prop_assert_eq!(other.place_highlights(&[&h]), 0);
        let (from, to) = other.highlights[0].at.expect("placed");
        let anchor = |at: lectern::reading::selection::At| lectern::layout::Anchor {
            part: other.doc.parts[at.part],
            offset: at.offset,
        };
        prop_assert_eq!(passage(&other.doc, anchor(from), anchor(to)), Some(h.quote.clone()));
        // Its first line at this width (past the reader's widest column too) holds its start.
        let layout = lectern::layout::Layout::new(
            other.doc.clone(),
            lectern::layout::Style { width: read_at, ..Default::default() },
        );
        let pos = layout.locate(anchor(from));
        let line = layout.line(pos).expect("a line");
        prop_assert!(line.start <= from.offset, "{} > {}", line.start, from.offset);
    }
}
