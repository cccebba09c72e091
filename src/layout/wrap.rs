//! Words and line breaking: prose wrapped at a width by cluster widths, and lines cut
//! to a window for horizontal scrolling.

use super::bidi;
use super::display::Display;
use super::{Line, Span, Style, flags, hyphen, width};
use hyphenation::Language;
use std::ops::Range;
use textwrap::WordSeparator;
use textwrap::core::Word;
use textwrap::wrap_algorithms::{Penalties, wrap_first_fit, wrap_optimal_fit};

/// Word positions in the display text: (word range, whitespace end, width).
fn words<'a>(d: &Display, text: &'a str, width: usize, style: Style) -> Vec<Word<'a>> {
    let base = text.as_ptr() as usize;
    let found: Vec<Word> = WordSeparator::UnicodeBreakProperties
        .find_words(text)
        .collect();
    let split: Vec<Word> = if style.hyphenate {
        let at_hyphens =
            textwrap::word_splitters::split_words(found, &textwrap::WordSplitter::HyphenSplitter);
        match style.lang {
            Some(lang) => at_hyphens
                .flat_map(|w| dictionary_split(d, w, lang, width))
                .collect(),
            None => at_hyphens.collect(),
        }
    } else {
        found
    };
    let broken = fit_words(d, split, width);
    debug_assert!(broken.iter().all(|w| w.word.as_ptr() as usize >= base));
    broken
}

/// A word cut at the dictionary's points, each piece but the last to end with a hyphen
/// if the line breaks there. Code and links are never cut: a hyphen would change them.
/// A point whose piece and hyphen would not fit on a line of `width` is no break at all
/// (at width 4, "prop-" is five columns): the word is cut there without a hyphen if it must.
fn dictionary_split<'a>(d: &Display, w: Word<'a>, lang: Language, width: usize) -> Vec<Word<'a>> {
    let word = w.word;
    let offset = range_of(d, word).start;
    let look = d.look_at(offset);
    if look.flags & (flags::CODE | flags::LINK) != 0 {
        return vec![w];
    }
    // Punctuation around the word ("(hyphenation," ) is not part of what is looked up.
    let lead = word.len()
        - word
            .trim_start_matches(|c: char| !c.is_alphanumeric())
            .len();
    let core = word[lead..].trim_end_matches(|c: char| !c.is_alphanumeric());
    let points = hyphen::breaks(lang, core);
    if points.is_empty() {
        return vec![w];
    }
    let mut out = Vec::with_capacity(points.len() + 1);
    let mut at = 0;
    for p in points.into_iter().map(|p| p + lead) {
        if d.width(offset + at..offset + p) + 1 > width {
            continue;
        }
        out.push(Word {
            word: &word[at..p],
            whitespace: "",
            penalty: "-",
            width: 0,
        });
        at = p;
    }
    out.push(Word {
        word: &word[at..],
        whitespace: w.whitespace,
        penalty: w.penalty,
        width: 0,
    });
    out
}

/// Gives every word its width on screen and breaks words wider than `width` into pieces
/// that fit, between grapheme clusters, so combining marks, variation selectors and ZWJ
/// sequences stay with the character they belong to. A cluster wider than `width` is a
/// piece of its own: it overflows rather than disappears. Widths are the display's, as
/// the spans are drawn.
fn fit_words<'a>(d: &Display, words: Vec<Word<'a>>, width: usize) -> Vec<Word<'a>> {
    let mut out = Vec::with_capacity(words.len());
    for mut w in words {
        let range = range_of(d, w.word);
        w.width = d.width(range.clone());
        if w.width <= width {
            out.push(w);
            continue;
        }
        let text = w.word;
        let (mut start, mut used) = (0, 0);
        for (at, cw) in fitting(d, range.clone(), width) {
            let i = at - range.start;
            if used + cw > width && i > start {
                out.push(Word {
                    word: &text[start..i],
                    whitespace: "",
                    penalty: "",
                    width: used,
                });
                start = i;
                used = 0;
            }
            used += cw;
        }
        out.push(Word {
            word: &text[start..],
            whitespace: w.whitespace,
            penalty: w.penalty,
            width: used,
        });
    }
    out
}

/// The clusters of a display range as `fit_words` may break between them: a cluster
/// wider than `width` (spacing marks extend one without end: a Thai vowel sign typed sixty
/// times) is cut between its characters, each mark that takes no column staying with the
/// one before it, as a terminal, which gives each character its own columns, shows it.
fn fitting(d: &Display, range: Range<usize>, width: usize) -> Vec<(usize, usize)> {
    use unicode_width::UnicodeWidthChar;
    let clusters = d.clusters(range.clone());
    if clusters.iter().all(|&(_, cw)| cw <= width) {
        return clusters;
    }
    let mut out = Vec::with_capacity(clusters.len());
    for (k, &(at, cw)) in clusters.iter().enumerate() {
        if cw <= width {
            out.push((at, cw));
            continue;
        }
        let end = clusters.get(k + 1).map_or(range.end, |&(next, _)| next);
        for (i, c) in d.text[at..end].char_indices() {
            let w = c.width().unwrap_or(0);
            if w > 0 || i == 0 {
                out.push((at + i, w));
            }
        }
    }
    out
}

/// Where a piece of the display text lies in it.
fn range_of(d: &Display, piece: &str) -> Range<usize> {
    let at = piece.as_ptr() as usize - d.text.as_ptr() as usize;
    at..at + piece.len()
}

/// Wraps display text into lines `width` wide, the first `indent` columns taken by a prefix.
pub(super) fn wrap(
    d: &Display,
    width: usize,
    indent: usize,
    prefix: Option<(Span, Span)>,
    style: Style,
) -> Vec<Line> {
    if indent >= width
        && let Some(prefix) = prefix
    {
        return narrow(d, width, prefix, style);
    }
    let avail = width.saturating_sub(indent).max(1);
    let text = d.text.as_str();
    let base = text.as_ptr() as usize;
    // A line feed in prose is a line break the article asked for (`<br>`): each line
    // between them is wrapped on its own, and a blank one stays blank.
    let segments: Vec<(usize, Vec<Word>)> = text
        .split('\n')
        .map(|seg| {
            let at = seg.as_ptr() as usize - base;
            (at, words(d, seg, avail, style))
        })
        .collect();
    if segments.iter().all(|(_, ws)| ws.is_empty()) {
        return vec![Line::default()];
    }
    let widths = [avail as f64];
    // textwrap's optimal fit lets a line run past the width when that costs less than a
    // short line (2,500 a column by default), and the screen then cut the overflow off.
    let penalties = Penalties {
        overflow_penalty: 1 << 40,
        ..Penalties::new()
    };
    // Each row with whether it ends its segment (such a line is never justified); an
    // empty segment is an empty row at its place.
    let mut rows: Vec<(&[Word], bool, usize)> = Vec::new();
    for (at, ws) in &segments {
        // Optimal fit is quadratic-ish on huge paragraphs; first fit is fine there.
        let seg_rows: Vec<&[Word]> = if ws.len() < 4000 {
            wrap_optimal_fit(ws, &widths, &penalties)
                .unwrap_or_else(|_| wrap_first_fit(ws, &widths))
        } else {
            wrap_first_fit(ws, &widths)
        };
        let k = seg_rows.len();
        if k == 0 {
            rows.push((&[], true, *at));
        }
        rows.extend(
            seg_rows
                .into_iter()
                .enumerate()
                .map(|(i, r)| (r, i + 1 == k, *at)),
        );
    }
    let n = rows.len();
    let mut out = Vec::with_capacity(n);
    let bidi = bidi::para(d);
    for (li, &(row, ends_segment, at)) in rows.iter().enumerate() {
        let lead = prefix
            .as_ref()
            .map(|(first, rest)| if li == 0 { first } else { rest });
        let Some(last) = row.last() else {
            out.push(Line {
                spans: lead.into_iter().cloned().collect(),
                start: d.src_at(at),
                end: d.src_at(at),
                ..Line::default()
            });
            continue;
        };
        let start = row.first().map_or(0, |w| w.word.as_ptr() as usize - base);
        let end = last.word.as_ptr() as usize - base + last.word.len();
        if let Some(para) = &bidi {
            out.push(Line {
                spans: para.visual(d, start..end, lead),
                start: d.src_at(start),
                end: d.src_at(end),
                rtl: para.rtl,
                ..Line::default()
            });
            continue;
        }
        let mut spans: Vec<Span> = lead.into_iter().cloned().collect();
        // A justified line's spaces are at most twice their width: a line that would need
        // more is left ragged rather than gappy.
        let gaps = row
            .iter()
            .take(row.len().saturating_sub(1))
            .filter(|w| !w.whitespace.is_empty())
            .count();
        let used: usize = row.iter().map(|w| w.width).sum::<usize>()
            + row[..row.len() - 1]
                .iter()
                .map(|w| width::of(w.whitespace))
                .sum::<usize>();
        let extra = avail.saturating_sub(used + width::of(last.penalty));
        let justify = style.justify && !ends_segment && gaps > 0 && extra <= gaps;
        if justify {
            let mut gap = 0;
            for (wi, w) in row.iter().enumerate() {
                let ws = w.word.as_ptr() as usize - base;
                d.spans(ws..ws + w.word.len(), &mut spans);
                if wi + 1 < row.len() && !w.whitespace.is_empty() {
                    let ws_start = ws + w.word.len();
                    let pad = usize::from(gap < extra);
                    gap += 1;
                    d.spans(ws_start..ws_start + w.whitespace.len(), &mut spans);
                    if let Some(s) = spans.last_mut() {
                        s.text.push_str(&" ".repeat(pad));
                    }
                }
            }
        } else {
            d.spans(start..end, &mut spans);
        }
        if !last.penalty.is_empty() {
            let look = spans.last().map(|s| s.look).unwrap_or_default();
            spans.push(Span {
                text: last.penalty.to_string(),
                look,
                src: 0..0,
            });
        }
        out.push(Line {
            spans,
            start: d.src_at(start),
            end: d.src_at(end),
            ..Line::default()
        });
    }
    out
}

/// A line's spans with the clusters that start in the first `skip` columns removed, cut
/// to `width` columns; the flag says whether anything was cut on the right.
pub fn cut_spans(spans: &[Span], skip: usize, width: usize) -> (Vec<Span>, bool) {
    let mut out = Vec::new();
    let mut col = 0;
    for span in spans {
        let (mut from, mut to) = (None, span.text.len());
        let mut cut = false;
        for (i, _, w) in width::clusters(&span.text) {
            if col < skip {
                col += w;
                continue;
            }
            if col + w > skip + width {
                to = i;
                cut = true;
                break;
            }
            from.get_or_insert(i);
            col += w;
        }
        if let Some(a) = from.filter(|&a| a < to) {
            // Where display and source match byte for byte, the kept piece keeps its own range.
            let src = if span.src.len() == span.text.len() {
                span.src.start + a..span.src.start + to
            } else {
                span.src.clone()
            };
            out.push(Span {
                text: span.text[a..to].to_string(),
                look: span.look,
                src,
            });
        }
        if cut {
            return (out, true);
        }
    }
    (out, false)
}

/// Wraps text whose prefix leaves it no column (a quote's bar, a list's indent and marker
/// on a screen a few columns wide). The indent goes first; a prefix drawn on every line
/// (a bar) is decoration and goes next; a marker, which says something, keeps a line of
/// its own, cut to the width, above the text.
fn narrow(d: &Display, width: usize, (first, rest): (Span, Span), style: Style) -> Vec<Line> {
    let marker = first.text.trim();
    if marker == rest.text.trim() {
        return wrap(d, width, 0, None, style);
    }
    let hang = width::of(marker) + 1;
    if hang < width {
        let first = Span {
            text: format!("{marker} "),
            ..first
        };
        let rest = Span {
            text: " ".repeat(hang),
            ..rest
        };
        return wrap(d, width, hang, Some((first, rest)), style);
    }
    let at = d.src_at(0);
    let mut out = Vec::new();
    let mut piece = String::new();
    for c in marker.chars() {
        if !piece.is_empty() && width::of(&piece) + width::of(c.encode_utf8(&mut [0; 4])) > width {
            out.push(marker_line(std::mem::take(&mut piece), &first, at));
        }
        piece.push(c);
    }
    if !piece.is_empty() {
        out.push(marker_line(piece, &first, at));
    }
    out.extend(wrap(d, width, 0, None, style));
    out
}

fn marker_line(text: String, like: &Span, at: usize) -> Line {
    Line {
        spans: vec![Span {
            text,
            ..like.clone()
        }],
        start: at,
        end: at,
        ..Line::default()
    }
}
