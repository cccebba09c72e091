//! Right-to-left and mixed lines: a paragraph's direction, and each of its lines put in
//! the order a terminal that knows nothing of bidi must be given, by the Unicode
//! Bidirectional Algorithm (`unicode-bidi`). Lines keep their logical `start` and `end`,
//! so anchors and positions are untouched; only the spans shown are reordered.

use super::display::Display;
use super::{Span, width};
use crate::article::Dir;
use std::ops::Range;
use unicode_bidi::{BidiInfo, Direction, Level, ParagraphBidiInfo};

/// A paragraph's levels, when any of its text needs reordering or it runs right to left.
pub(super) struct Para<'a> {
    info: BidiInfo<'a>,
    /// The paragraph runs right to left (lines aligned right).
    pub rtl: bool,
}

/// Whether a character is written right to left (or is an Arabic number).
fn strong_rtl(c: char) -> bool {
    use unicode_bidi::BidiClass::{AL, AN, R, RLE, RLI, RLO};
    c >= '\u{590}' && matches!(unicode_bidi::bidi_class(c), R | AL | AN | RLE | RLI | RLO)
}

/// The bidi levels of a display text, or `None` for text that is left to right throughout.
pub(super) fn para(d: &Display) -> Option<Para<'_>> {
    let text = d.text.as_str();
    let rtl = match d.dir {
        Dir::Rtl => true,
        Dir::Ltr => false,
        Dir::Auto => !text.is_ascii() && unicode_bidi::get_base_direction(text) == Direction::Rtl,
    };
    if !rtl && (text.is_ascii() || !text.chars().any(strong_rtl)) {
        return None;
    }
    let level = if rtl { Level::rtl() } else { Level::ltr() };
    Some(Para {
        info: BidiInfo::new(text, Some(level)),
        rtl,
    })
}

/// The mirrored form a bracket takes in a right-to-left run, which a terminal does not
/// draw by itself.
fn mirror(g: &str) -> Option<&'static str> {
    Some(match g {
        "(" => ")",
        ")" => "(",
        "[" => "]",
        "]" => "[",
        "{" => "}",
        "}" => "{",
        "<" => ">",
        ">" => "<",
        "«" => "»",
        "»" => "«",
        "‹" => "›",
        "›" => "‹",
        _ => return None,
    })
}

impl Para<'_> {
    /// The spans of display range `range` in visual order, left to right; `prefix` (a
    /// bullet, a quote bar) goes at the start of the line, which for a right-to-left
    /// paragraph is its right end.
    pub(super) fn visual(
        &self,
        d: &Display,
        range: Range<usize>,
        prefix: Option<&Span>,
    ) -> Vec<Span> {
        let mut out = Vec::new();
        let lead = |out: &mut Vec<Span>| {
            if let Some(p) = prefix {
                out.push(p.clone());
            }
        };
        if !self.rtl {
            lead(&mut out);
        }
        let Some(para) = self
            .info
            .paragraphs
            .iter()
            .find(|p| p.range.contains(&range.start))
        else {
            d.spans(range, &mut out);
            return out;
        };
        let line = range.start..range.end.min(para.range.end);
        let (levels, runs) = self.info.visual_runs(para, line);
        for run in runs {
            if !levels[run.start].is_rtl() {
                d.spans(run, &mut out);
                continue;
            }
            // Clusters in reverse, each kept whole so its marks stay after its base.
            let clusters: Vec<(usize, &str, usize)> =
                width::clusters(&d.text[run.clone()]).collect();
            for &(i, g, _) in clusters.iter().rev() {
                let at = run.start + i;
                let from = out.len();
                d.spans(at..at + g.len(), &mut out);
                if let (Some(m), Some(s)) = (mirror(g), out.get_mut(from)) {
                    s.text = m.to_string();
                }
            }
        }
        if self.rtl
            && let Some(p) = prefix
        {
            let shown = ParagraphBidiInfo::new(&p.text, Some(Level::rtl()));
            let text = shown.reorder_line(0..p.text.len()).into_owned();
            out.push(Span { text, ..p.clone() });
        }
        out
    }
}
