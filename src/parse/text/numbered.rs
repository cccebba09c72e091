//! Endnotes in plain text written as a numbered list under a notes heading (`Notes`, then
//! `1. …`, `2) …` or `¹ …` lines), the body pointing into it with Unicode superscript
//! digits (`¹`, `¹²`), carets (`^12`) or brackets (`[12]`). Without such marks in the body
//! such a list is a list.

use super::*;
use crate::parse::endnotes::{is_notes_heading, superscript_digit, unicode_refs};
use std::collections::{HashMap, HashSet};

/// Longest note number, in digits.
const LABEL_DIGITS: usize = 3;

/// Where a numbered notes list lies among the paragraphs, and the numbers the body uses.
pub(super) struct NumberedNotes {
    /// The notes heading's paragraph.
    pub heading: usize,
    /// One past the list's last paragraph.
    pub end: usize,
    labels: HashSet<String>,
}

/// The number and text of a numbered note's opening line (`12. Text`, `3) Text`,
/// `¹² Text`).
fn item(line: &str) -> Option<(String, &str)> {
    let t = line.trim_start();
    let digits = t.bytes().take_while(u8::is_ascii_digit).count();
    let (label, rest) = if digits > 0 {
        let rest = t[digits..].strip_prefix(['.', ')'])?;
        (t[..digits].to_string(), rest)
    } else {
        let sup: String = t
            .chars()
            .map_while(superscript_digit)
            .map(|d| char::from(b'0' + d))
            .collect();
        let len: usize = t.chars().take(sup.len()).map(char::len_utf8).sum();
        (sup, &t[len..])
    };
    let text = rest.trim_start();
    let fits = (1..=LABEL_DIGITS).contains(&label.len())
        && !label.starts_with('0')
        && text.len() < rest.len()
        && !text.is_empty();
    fits.then_some((label, text))
}

/// Whether a paragraph is a notes heading: the word alone on its line, or over an
/// underline of `-` or `=`.
fn is_heading_para(para: &Para) -> bool {
    let underlined = |l: &str| {
        let l = l.trim();
        l.len() >= 2 && (l.bytes().all(|b| b == b'-') || l.bytes().all(|b| b == b'='))
    };
    match para.lines.as_slice() {
        [line] => is_notes_heading(line),
        [line, under] => is_notes_heading(line) && underlined(under),
        _ => false,
    }
}

/// The numbered notes list in `paras[body_start..tail_start]`, when there is one: the
/// last notes heading whose next paragraph opens with a numbered line, the list running
/// until a paragraph that neither opens with one nor is indented nor wraps a note (a
/// heading such as "Bibliography", or the text after), at least half of its numbers
/// written as superscripts in the text above the heading.
pub(super) fn scan(paras: &[Para], body_start: usize, tail_start: usize) -> Option<NumberedNotes> {
    let heading = (body_start..tail_start)
        .rev()
        .find(|&i| is_heading_para(&paras[i]) && paras.get(i + 1).is_some_and(opens_note))?;
    let mut numbers = HashSet::new();
    let mut end = heading + 1;
    while end < tail_start {
        let para = &paras[end];
        let continues = para.lines[0].starts_with([' ', '\t'])
            || (para.lines.len() > 1 && para.lines.iter().all(|l| !is_heading(l.trim())))
            || para.lines[0].trim_end().ends_with(['.', ';']);
        if !opens_note(para) && !continues {
            break;
        }
        numbers.extend(
            para.lines
                .iter()
                .filter(|l| !l.starts_with([' ', '\t']))
                .filter_map(|l| item(l))
                .map(|(n, _)| n),
        );
        end += 1;
    }
    // The standfirst counts: the first paragraph may be read as one and hold a number.
    let seen: HashSet<String> = paras[..heading]
        .iter()
        .flat_map(|p| p.lines.iter())
        .flat_map(|l| {
            let bracketed = super::marks::note_refs(l)
                .map(|(_, label)| label.to_string())
                .filter(|label| label.bytes().all(|b| b.is_ascii_digit()));
            unicode_refs(l)
                .map(|(_, label)| label)
                .chain(bracketed)
                .collect::<Vec<_>>()
        })
        .collect();
    let labels: HashSet<String> = numbers.intersection(&seen).cloned().collect();
    (!labels.is_empty() && labels.len() * 2 >= numbers.len()).then_some(NumberedNotes {
        heading,
        end,
        labels,
    })
}

fn opens_note(para: &Para) -> bool {
    !para.lines[0].starts_with([' ', '\t']) && item(para.lines[0]).is_some()
}

/// Reads the list's notes: each numbered line at the margin opens one, and the lines and
/// paragraphs after it, up to the next, are its text.
pub(super) fn definitions(paras: &[Para], notes: &mut NoteBuilder, article: &mut Article) {
    let mut current: Option<(String, Vec<Block>)> = None;
    let mut lines: Vec<&str> = Vec::new();
    let flush_para = |current: &mut Option<(String, Vec<Block>)>, lines: &mut Vec<&str>| {
        if let Some((_, blocks)) = current
            && !lines.is_empty()
        {
            blocks.push(Block::paragraph(join_lines(lines)));
        }
        lines.clear();
    };
    let mut define = |current: &mut Option<(String, Vec<Block>)>, article: &mut Article| {
        if let Some((label, blocks)) = current.take()
            && let Some(dup) = notes.define(&label, blocks)
        {
            article
                .removed
                .extend(dup.into_iter().map(|b| format!("{label}. {}", b.text)));
        }
    };
    for para in paras {
        for line in &para.lines {
            match item(line).filter(|_| !line.starts_with([' ', '\t'])) {
                Some((label, text)) => {
                    flush_para(&mut current, &mut lines);
                    define(&mut current, article);
                    current = Some((label, Vec::new()));
                    lines.push(text);
                }
                None => lines.push(line.trim()),
            }
        }
        flush_para(&mut current, &mut lines);
    }
    define(&mut current, article);
}

/// Marks each superscript number in the body and notes that numbers one of the notes as a
/// reference to it.
pub(super) fn link_superscripts(found: &NumberedNotes, article: &mut Article) {
    let by_label: HashMap<String, usize> = article
        .footnotes
        .iter()
        .enumerate()
        .filter(|(_, f)| f.defined && found.labels.contains(&f.label))
        .map(|(i, f)| (f.label.clone(), i))
        .collect();
    for place in article.places() {
        let Some(block) = article.block_mut(place) else {
            continue;
        };
        let refs: Vec<_> = unicode_refs(&block.text)
            .filter_map(|(range, label)| by_label.get(&label).map(|&note| (range, note)))
            .collect();
        for (range, note) in refs {
            block.add_mark(range, MarkKind::FootnoteRef { note });
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::article::{Article, Format, MarkKind, Place};

    fn parse(text: &str) -> Article {
        crate::parse::parse_str(text, Format::Text)
    }

    const TEXT: &str = "Title\n\nThe mills stood on the dykes.¹ They failed \
        in a still winter.²\nA field of 23 km² and 10⁶ gallons.\n\nNotes\n\n\
        1. H. C. Darby, The Draining of the Fens (Cambridge: CUP, 1956), p. 162.\n\
        2. Ibid., p. 164.\n\n   A second paragraph of the note.\n";

    #[test]
    fn a_numbered_list_under_notes_that_superscripts_point_into_is_the_notes() {
        let a = parse(TEXT);
        let labels: Vec<_> = a.footnotes.iter().map(|f| f.label.as_str()).collect();
        assert_eq!(labels, ["1", "2"]);
        assert_eq!(a.footnotes[1].blocks.len(), 2);
        assert_eq!(a.footnotes[1].text().lines().next(), Some("Ibid., p. 164."));
        let body = &a.blocks[0];
        let refs: Vec<&str> = body
            .marks
            .iter()
            .filter(|m| matches!(m.kind, MarkKind::FootnoteRef { .. }))
            .map(|m| &body.text[m.range.clone()])
            .collect();
        // The square kilometres and the power of ten are no references.
        assert_eq!(refs, ["¹", "²"]);
        assert!(!a.blocks.iter().any(|b| b.text == "Notes"));
        let in_notes = a
            .citations
            .iter()
            .filter(|c| matches!(c.place, Place::Note { .. }))
            .count();
        assert_eq!(in_notes, 2, "{:?}", a.citations);
    }

    #[test]
    fn notes_pointed_into_with_carets_or_brackets_are_the_notes() {
        for (one, two) in [("^1", "^2"), ("[1]", "[2]")] {
            let a = parse(&format!(
                "Title\n\nThe mills stood on the dykes.{one} They failed in 1881.{two} \
                 A field of 10^6 gallons and 3 m^2.\n\nNotes\n\n\
                 1. H. C. Darby, The Draining of the Fens (Cambridge: CUP, 1956), 162.\n\n\
                 2. Ibid., 164.\n",
            ));
            let labels: Vec<_> = a.footnotes.iter().map(|f| f.label.as_str()).collect();
            assert_eq!(labels, ["1", "2"], "{one}");
            assert!(a.footnotes.iter().all(|f| f.defined), "{one}");
            assert_eq!(a.blocks.len(), 1, "{one}: {:?}", a.blocks);
            let body = &a.blocks[0];
            let refs: Vec<&str> = body
                .marks
                .iter()
                .filter(|m| matches!(m.kind, MarkKind::FootnoteRef { .. }))
                .map(|m| &body.text[m.range.clone()])
                .collect();
            assert_eq!(refs, [one, two]);
        }
    }

    #[test]
    fn notes_numbered_with_superscripts_and_a_heading_after_them() {
        let a = parse(
            "Title\n\nText.¹ More.¹²\n\nNotes\n\n¹ The first.\n¹² The twelfth.\n\n\
             Bibliography\n\nDarby, H. C. The Draining of the Fens. 1956.\n",
        );
        let labels: Vec<_> = a.footnotes.iter().map(|f| f.label.as_str()).collect();
        assert_eq!(labels, ["1", "12"]);
        let after: Vec<_> = a.blocks[1..].iter().map(|b| b.text.as_str()).collect();
        assert_eq!(after[0], "Bibliography");
    }

    #[test]
    fn a_numbered_list_the_body_does_not_point_into_stays_a_list() {
        for text in [
            "Title\n\nA plot of 40 m² and 10³ more.\n\nNotes\n\n1. Bring a pen.\n2. Be early.\n",
            "Title\n\nText.¹\n\nSteps\n\n1. Open it.\n2. Close it.\n",
        ] {
            let a = parse(text);
            assert!(a.footnotes.is_empty(), "{text}");
            assert!(
                a.blocks
                    .iter()
                    .any(|b| b.text == "Open it." || b.text == "Be early.")
            );
        }
    }
}
