//! Search: the pattern (`matcher`, with smart case and smart diacritics), one article's
//! searchable text, a line of context around a match, and the library-wide search that
//! runs on every core (`engine`). Shared by `/` in an article and `F` in the library, so
//! both find the same matches.

pub mod engine;
pub mod fold;
pub mod matcher;
pub mod report;
pub mod snippet;

use crate::article::Article;
use crate::layout::{Doc, Part, part_text, parts_of};
use matcher::Matcher;
use std::ops::Range;

/// Whether a search looks in a part: every part but the "Notes" and "Related" headings,
/// which the reader adds and the article never wrote.
pub fn is_searchable(p: Part) -> bool {
    !matches!(p, Part::NotesHeading | Part::RelatedHeading)
}

/// The parts of a document a search looks in, with their index in reading order.
pub fn searchable(doc: &Doc) -> impl Iterator<Item = (usize, Part)> + '_ {
    doc.parts
        .iter()
        .copied()
        .enumerate()
        .filter(|&(_, p)| is_searchable(p))
}

/// An article's searchable text: its parts joined by line feeds, so one scan covers them.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Text {
    /// The parts' text, a line feed between each two.
    pub text: String,
    /// Each part and the byte where its text starts.
    pub parts: Vec<(Part, usize)>,
    /// Whether the text holds accented letters (see `fold::needs_folding`).
    pub folding: bool,
}

impl Text {
    /// The searchable text of an article: its parts as the reader lists them, without
    /// the widths and word counts a layout needs (a search of a library builds this for
    /// every article it has no cached text for).
    pub fn of(article: &Article) -> Text {
        let mut text = String::new();
        let mut parts = Vec::new();
        for part in parts_of(article).into_iter().filter(|&p| is_searchable(p)) {
            if !parts.is_empty() {
                text.push('\n');
            }
            parts.push((part, text.len()));
            text.push_str(&part_text(article, part));
        }
        let folding = fold::needs_folding(&text);
        Text {
            text,
            parts,
            folding,
        }
    }
}

/// Where each part of a joined text starts, however the table is stored.
pub trait Starts {
    /// Number of parts.
    fn len(&self) -> usize;
    /// Byte where part `i` starts.
    fn start(&self, i: usize) -> usize;
    /// Whether there are no parts.
    fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

impl Starts for Vec<(Part, usize)> {
    fn len(&self) -> usize {
        Vec::len(self)
    }
    fn start(&self, i: usize) -> usize {
        self[i].1
    }
}

/// The bytes of part `i` in a joined text of `len` bytes (the line feed after it left out).
pub fn part_range(starts: &dyn Starts, i: usize, len: usize) -> Range<usize> {
    let end = if i + 1 < starts.len() {
        starts.start(i + 1).saturating_sub(1)
    } else {
        len
    };
    starts.start(i).min(end)..end
}

/// The matches in a joined text as (part number, byte range in that part's text), the
/// same as searching each part on its own: joined when the pattern cannot tell (the
/// quick way), part by part when it has `^`/`$` or a match ran across a line feed
/// between parts.
pub fn matches(
    m: &Matcher,
    text: &str,
    starts: &dyn Starts,
    folding: bool,
) -> Vec<(usize, Range<usize>)> {
    let n = starts.len();
    let end_of = |i: usize| part_range(starts, i, text.len()).end;
    if !m.needs_parts() {
        let mut out = Vec::new();
        let mut part = 0;
        let mut crossed = false;
        for r in m.find_iter_folding(text, folding) {
            while part + 1 < n && starts.start(part + 1) <= r.start {
                part += 1;
            }
            let (start, end) = (starts.start(part), end_of(part));
            if r.start >= end || r.end > end {
                crossed = true;
                break;
            }
            out.push((part, r.start - start..r.end - start));
        }
        if !crossed {
            return out;
        }
    }
    let mut out = Vec::new();
    for part in 0..n {
        let Some(piece) = text.get(part_range(starts, part, text.len())) else {
            continue;
        };
        out.extend(m.find_iter_folding(piece, folding).map(|r| (part, r)));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse;

    fn doc(md: &str) -> Doc {
        let a = parse::parse_bytes(md.as_bytes(), parse::format_for("a.md".as_ref())).unwrap();
        Doc::new(std::sync::Arc::new(a))
    }

    /// Part by part, as the reader searches.
    fn one_by_one(m: &Matcher, text: &Text) -> Vec<(usize, Range<usize>)> {
        let joined = &text.text;
        let mut out = Vec::new();
        for (i, (_, start)) in text.parts.iter().enumerate() {
            let end = text.parts.get(i + 1).map_or(joined.len(), |p| p.1 - 1);
            out.extend(m.find_iter(&joined[*start..end]).map(|r| (i, r)));
        }
        out
    }

    #[test]
    fn joined_search_finds_what_each_part_finds() {
        let d = doc(
            "# The river\n\nThe river rose.\n\nRiver\nbanks broke[^1].\n\n\
             [^1]: The river authority said so.\n",
        );
        let text = Text::of(&d.article);
        assert!(!text.text.contains("Notes"), "{:?}", text.text);
        let listed: Vec<Part> = text.parts.iter().map(|p| p.0).collect();
        let reader: Vec<Part> = searchable(&d).map(|p| p.1).collect();
        assert_eq!(
            listed, reader,
            "the reader's search and the library's see the same parts"
        );
        for p in [
            "river",
            "^The",
            r"(?m)^banks",
            r"rose\.\s+River",
            r"\w+$",
            "[^x]{3}",
            r"broke\b",
        ] {
            let m = Matcher::new(p).unwrap();
            let fast = matches(&m, &text.text, &text.parts, text.folding);
            assert_eq!(fast, one_by_one(&m, &text), "{p}");
        }
    }
}
