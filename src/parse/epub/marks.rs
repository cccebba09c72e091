//! Markers that ride through the HTML parser inside the text, and taking them out again.
//!
//! A marker is a run of Unicode noncharacters (U+FDD0–U+FDEF, set aside for a program's
//! internal use and never text; a book's own are replaced before it is read): one for its
//! kind, then the number in hex digits. Once the parser has made its blocks, each marker
//! is removed, with the space it leaves, and what it marked is known by block and offset.

use super::xhtml::is_reserved;
use crate::article::{Article, Block, BlockKind, MarkKind, Place, Pos};
use crate::parse::notes::is_heading;

/// What a marker marks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// The place an element starts.
    Anchor,
    /// The start of a link into the book.
    LinkStart,
    /// Its end.
    LinkEnd,
}

const KINDS: [(Kind, char); 3] = [
    (Kind::Anchor, '\u{fdd0}'),
    (Kind::LinkStart, '\u{fdd1}'),
    (Kind::LinkEnd, '\u{fdd2}'),
];
const DIGIT_ZERO: u32 = 0xfde0;

/// The marker for `n` of a kind.
pub fn marker(kind: Kind, n: usize) -> String {
    let mut out = String::new();
    out.push(
        KINDS
            .iter()
            .find(|(k, _)| *k == kind)
            .map_or('\u{fdd0}', |(_, c)| *c),
    );
    let digits = format!("{n:x}");
    for d in digits.chars() {
        let v = d.to_digit(16).unwrap_or(0);
        out.push(char::from_u32(DIGIT_ZERO + v).unwrap_or('\u{fde0}'));
    }
    out
}

/// A marker found in a block.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Found {
    /// Its kind.
    pub kind: Kind,
    /// Its number.
    pub n: usize,
    /// Byte offset in the block's text once every marker is out.
    pub at: usize,
}

/// Takes every marker out of a block, with a space left doubled or hanging at either end
/// of the block, and moves the block's marks to match.
pub fn strip(block: &mut Block) -> Vec<Found> {
    if let BlockKind::Table { rows, .. } = &mut block.kind {
        for cell in rows.iter_mut().flatten() {
            if cell.chars().any(is_reserved) {
                *cell = cell.chars().filter(|c| !is_reserved(*c)).collect();
                *cell = cell.trim().to_string();
            }
        }
    }
    if !block.text.chars().any(is_reserved) {
        return Vec::new();
    }
    let code = block.kind == BlockKind::Code;
    let old = std::mem::take(&mut block.text);
    let mut text = String::with_capacity(old.len());
    let mut removed: Vec<std::ops::Range<usize>> = Vec::new();
    let mut found = Vec::new();
    let mut chars = old.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        let Some(&(kind, _)) = KINDS.iter().find(|(_, k)| *k == c) else {
            if is_reserved(c) {
                removed.push(i..i + c.len_utf8());
            } else {
                text.push(c);
            }
            continue;
        };
        let mut end = i + c.len_utf8();
        let mut n = 0usize;
        while let Some(&(j, d)) = chars.peek() {
            let v = (d as u32).wrapping_sub(DIGIT_ZERO);
            if v >= 16 {
                break;
            }
            n = n.saturating_mul(16).saturating_add(v as usize);
            end = j + d.len_utf8();
            chars.next();
        }
        removed.push(i..end);
        found.push(Found {
            kind,
            n,
            at: text.len(),
        });
        // The space before a marker and the one after it would now be two.
        let next_is_space = chars.peek().is_some_and(|&(_, d)| d == ' ');
        if !code && next_is_space && (text.is_empty() || text.ends_with(' ')) {
            let (j, _) = chars.next().expect("peeked");
            removed.push(j..j + 1);
        }
    }
    if !code {
        // Only spaces go, so every place past the end can simply come back to it.
        let kept = text.trim_end_matches(' ').len();
        text.truncate(kept);
    }
    removed.sort_by_key(|r| r.start);
    let map = |p: usize| -> usize {
        let gone: usize = removed
            .iter()
            .take_while(|r| r.start < p)
            .map(|r| r.end.min(p) - r.start)
            .sum();
        (p - gone).min(text.len())
    };
    let marks = std::mem::take(&mut block.marks);
    for m in marks {
        let range = map(m.range.start)..map(m.range.end);
        if range.start < range.end {
            block.add_mark(range, m.kind);
        }
    }
    for f in &mut found {
        f.at = f.at.min(text.len());
    }
    block.text = text;
    found
}

/// Takes the markers out of every block of the article, adds a `Link` mark (`#id`) for
/// each link into the book that is not a note reference, and tidies what the markers
/// and the documents' seams leave: empty blocks, a notes heading with its notes moved
/// away, rules doubled between chapters. Returns each anchor's place, by number; an
/// anchor whose text went away takes the place of the next one that was kept.
pub fn take_out(article: &mut Article, links: &[String], anchors: usize) -> Vec<Option<Pos>> {
    let mut at: Vec<Option<Pos>> = vec![None; anchors];
    let places = article.places();
    for place in places {
        let Some(block) = article.block_mut(place) else {
            continue;
        };
        let found = strip(block);
        let mut open: Vec<(usize, usize)> = Vec::new();
        for f in found {
            match f.kind {
                Kind::Anchor => {
                    if let Some(slot) = at.get_mut(f.n) {
                        *slot = Some(Pos {
                            place,
                            offset: f.at,
                        });
                    }
                }
                Kind::LinkStart => open.push((f.n, f.at)),
                Kind::LinkEnd => {
                    let Some(i) = open.iter().rposition(|(n, _)| *n == f.n) else {
                        continue;
                    };
                    let (n, start) = open.remove(i);
                    let range = start..f.at;
                    let note = |k: &MarkKind| matches!(k, MarkKind::FootnoteRef { .. });
                    if range.is_empty() || block.overlaps(&range, note) {
                        continue;
                    }
                    if let Some(target) = links.get(n) {
                        block.add_mark(
                            range,
                            MarkKind::Link {
                                url: format!("#{target}"),
                            },
                        );
                    }
                }
            }
        }
    }
    tidy_body(article, &mut at);
    tidy_notes(article, &mut at);
    let mut next = None;
    for slot in at.iter_mut().rev() {
        match slot {
            Some(p) => next = Some(*p),
            None => *slot = next,
        }
    }
    at
}

/// What happens to a body block in tidying.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Fate {
    Keep,
    /// Nothing left in it: what pointed here points at the next block.
    Empty,
    /// A heading over notes that now live in the Notes section: what pointed here is lost.
    Gone,
}

fn tidy_body(article: &mut Article, at: &mut [Option<Pos>]) {
    let blocks = &article.blocks;
    let mut fate = vec![Fate::Keep; blocks.len()];
    for (i, b) in blocks.iter().enumerate() {
        let blank = b.text.trim().is_empty();
        if blank && !matches!(b.kind, BlockKind::Rule | BlockKind::Table { .. }) {
            fate[i] = Fate::Empty;
        }
    }
    // A notes heading whose file held only notes, and rules doubled by empty files.
    let mut last_kept: Option<usize> = None;
    for i in 0..blocks.len() {
        if fate[i] != Fate::Keep {
            continue;
        }
        let next = (i + 1..blocks.len()).find(|&j| fate[j] == Fate::Keep);
        let at_seam = next.is_none_or(|j| blocks[j].kind == BlockKind::Rule);
        let b = &blocks[i];
        if matches!(b.kind, BlockKind::Heading { .. }) && at_seam && is_heading(b.text.trim(), &[])
        {
            fate[i] = Fate::Gone;
            continue;
        }
        if b.kind == BlockKind::Rule {
            let after_rule = last_kept.is_none_or(|k| blocks[k].kind == BlockKind::Rule);
            let before_end = next.is_none();
            if after_rule || before_end {
                fate[i] = Fate::Empty;
                continue;
            }
        }
        last_kept = Some(i);
    }
    // A rule left last once a notes heading after it went.
    if let Some(k) = last_kept
        && blocks[k].kind == BlockKind::Rule
    {
        fate[k] = Fate::Empty;
    }
    if fate.iter().all(|f| *f == Fate::Keep) {
        return;
    }
    let mut new_index = vec![None; blocks.len()];
    let mut kept = 0;
    for (i, f) in fate.iter().enumerate() {
        if *f == Fate::Keep {
            new_index[i] = Some(kept);
            kept += 1;
        }
    }
    for slot in at.iter_mut() {
        let Some(Pos {
            place: Place::Body { block },
            offset,
        }) = *slot
        else {
            continue;
        };
        *slot = match fate[block] {
            Fate::Keep => new_index[block].map(|b| Pos {
                place: Place::Body { block: b },
                offset,
            }),
            Fate::Empty => (block..fate.len()).find_map(|j| new_index[j]).map(|b| Pos {
                place: Place::Body { block: b },
                offset: 0,
            }),
            Fate::Gone => None,
        };
    }
    let mut i = 0;
    article.blocks.retain(|_| {
        i += 1;
        fate[i - 1] == Fate::Keep
    });
}

fn tidy_notes(article: &mut Article, at: &mut [Option<Pos>]) {
    for (note, f) in article.footnotes.iter_mut().enumerate() {
        if f.blocks.iter().all(|b| !b.text.trim().is_empty()) {
            continue;
        }
        let keep: Vec<bool> = f.blocks.iter().map(|b| !b.text.trim().is_empty()).collect();
        let mut new_index = Vec::with_capacity(keep.len());
        let mut kept = 0;
        for &k in &keep {
            new_index.push(kept);
            kept += usize::from(k);
        }
        for slot in at.iter_mut() {
            if kept == 0
                && matches!(slot, Some(Pos { place: Place::Note { note: n, .. }, .. }) if *n == note)
            {
                // Nothing of the note is left to point at: the next anchor stands in.
                *slot = None;
                continue;
            }
            if let Some(Pos {
                place: Place::Note { note: n, block },
                offset,
            }) = slot
                && *n == note
            {
                let empty = !keep[*block];
                *block = new_index[*block].min(kept.saturating_sub(1));
                if empty {
                    *offset = 0;
                }
            }
        }
        let mut i = 0;
        f.blocks.retain(|_| {
            i += 1;
            keep[i - 1]
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn block(text: &str) -> Block {
        Block::paragraph(text)
    }

    #[test]
    fn markers_come_out_with_their_places_and_the_spaces_mended() {
        let a = marker(Kind::Anchor, 0x2a);
        let (s, e) = (marker(Kind::LinkStart, 3), marker(Kind::LinkEnd, 3));
        let mut b = block(&format!("{a} Alpha {s}beta{e} gamma {a}"));
        let beta = b.text.find("beta").unwrap();
        b.add_mark(beta..beta + 4, MarkKind::Emphasis);
        let found = strip(&mut b);
        assert_eq!(b.text, "Alpha beta gamma");
        assert_eq!(b.marks[0].range, 6..10, "the emphasis moved with its word");
        let got: Vec<(Kind, usize, usize)> = found.iter().map(|f| (f.kind, f.n, f.at)).collect();
        assert_eq!(
            got,
            [
                (Kind::Anchor, 0x2a, 0),
                (Kind::LinkStart, 3, 6),
                (Kind::LinkEnd, 3, 10),
                (Kind::Anchor, 0x2a, 16)
            ]
        );
    }

    #[test]
    fn a_link_that_is_a_note_reference_is_not_a_jump() {
        let (s, e) = (marker(Kind::LinkStart, 0), marker(Kind::LinkEnd, 0));
        let (s1, e1) = (marker(Kind::LinkStart, 1), marker(Kind::LinkEnd, 1));
        let mut a = Article::empty(crate::article::Format::Epub);
        let mut b = block(&format!("See {s}[1]{e} and {s1}chapter two{e1}."));
        let r = b.text.find("[1]").unwrap();
        b.add_mark(r..r + 3, MarkKind::FootnoteRef { note: 0 });
        a.blocks.push(b);
        take_out(&mut a, &["n1".into(), "ch2".into()], 0);
        let b = &a.blocks[0];
        assert_eq!(b.text, "See [1] and chapter two.");
        let links: Vec<_> = b
            .marks
            .iter()
            .filter_map(|m| match &m.kind {
                MarkKind::Link { url } => Some((url.as_str(), &b.text[m.range.clone()])),
                _ => None,
            })
            .collect();
        assert_eq!(links, [("#ch2", "chapter two")]);
    }

    #[test]
    fn seams_are_tidied_and_anchors_follow() {
        let mut a = Article::empty(crate::article::Format::Epub);
        let rule = || Block::new(BlockKind::Rule, "");
        let heading = |t: &str| Block::new(BlockKind::Heading { level: 1 }, t);
        a.blocks = vec![
            heading("One"),
            block(&marker(Kind::Anchor, 0)),
            block("Text."),
            rule(),
            heading(&format!("{}Notes", marker(Kind::Anchor, 1))),
            rule(),
            rule(),
            block(&format!("{}Colophon.", marker(Kind::Anchor, 2))),
            rule(),
        ];
        let at = take_out(&mut a, &[], 3);
        let texts: Vec<&str> = a.blocks.iter().map(|b| b.text.as_str()).collect();
        assert_eq!(texts, ["One", "Text.", "", "Colophon."]);
        let body = |block| {
            Some(Pos {
                place: Place::Body { block },
                offset: 0,
            })
        };
        assert_eq!(at, [body(1), body(3), body(3)]);
    }
}
