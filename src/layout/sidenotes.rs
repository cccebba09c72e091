//! Notes set in the margin beside the lines that refer to them, as a well-made book sets
//! them (the Tufte style): each starts on its reference's row, a later one moves down when
//! they would overlap, and one taller than the room before the next is cut with a marker
//! (the whole note still opens with Enter, and the Notes section stays at the end).
//!
//! Only the rows on screen are placed, so the cost does not grow with the article.

use super::display::note_marker;
use super::typeset::note_lines;
use super::{Layout, Line, LinePos, Span, Target};

/// Fewest free columns beside the text that make room for sidenotes when they are on
/// whenever there is room (`auto`).
pub const MARGIN_MIN: u16 = 28;
/// Fewest free columns when they are asked for (`on`): a narrow margin, but a margin.
pub const MARGIN_ASKED: u16 = 20;
/// Widest a sidenote is set, however wide the margin: a short measure reads best.
const NOTE_MAX: u16 = 40;
/// Columns between the text and its sidenotes.
pub const GAP: u16 = 3;

/// When notes are set in the margin.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Mode {
    /// When at least `MARGIN_MIN` columns are free beside the text.
    #[default]
    Auto,
    /// When at least `MARGIN_ASKED` columns are free.
    On,
    /// Never.
    Off,
}

/// One note placed in the margin.
#[derive(Debug, Clone, PartialEq)]
pub struct Sidenote {
    /// The note (index into `Article::footnotes`).
    pub note: usize,
    /// The screen row (from the top of the window) its first line is on.
    pub row: usize,
    /// Its lines, the first starting with the note's marker.
    pub lines: Vec<Line>,
    /// Lines were left out for want of room: the last shown line ends with `…`.
    pub cut: bool,
}

/// How wide the sidenotes of a page are, or `None` when they are off or the free columns
/// beside a text of `measure` on a screen `screen` columns wide are too few.
pub fn width(mode: Mode, screen: u16, measure: u16) -> Option<u16> {
    let least = match mode {
        Mode::Auto => MARGIN_MIN,
        Mode::On => MARGIN_ASKED,
        Mode::Off => return None,
    };
    let free = screen.saturating_sub(measure);
    (free >= least + GAP).then(|| (free - GAP - 1).min(NOTE_MAX))
}

/// The notes referred to from the `rows` lines from `top`, placed in a margin `width`
/// columns wide.
pub fn place(layout: &Layout, top: LinePos, rows: usize, width: u16) -> Vec<Sidenote> {
    let doc = &layout.doc;
    // Where each note is first referred to on screen: once is enough beside the text.
    let mut refs: Vec<(usize, usize)> = Vec::new();
    for (row, (_, line)) in layout.window(top, rows).into_iter().enumerate() {
        for span in &line.spans {
            if let Some(Target::Note(n)) = span.look.target
                && doc.article.footnotes.get(n).is_some_and(|f| f.defined)
                && !refs.iter().any(|&(_, m)| m == n)
            {
                refs.push((row, n));
            }
        }
    }
    let mut out: Vec<Sidenote> = Vec::new();
    let mut free_from = 0;
    for (k, &(row, note)) in refs.iter().enumerate() {
        let row = row.max(free_from);
        if row >= rows {
            break;
        }
        let next = refs.get(k + 1).map_or(rows, |&(r, _)| r.max(row + 1));
        let room = next.min(rows) - row;
        let mut lines = set_note(layout, note, width);
        let cut = lines.len() > room;
        if cut {
            lines.truncate(room.max(1));
            if let Some(last) = lines.last_mut() {
                end_with_ellipsis(last, width as usize);
            }
        }
        free_from = row + lines.len() + 1;
        out.push(Sidenote {
            note,
            row,
            lines,
            cut,
        });
    }
    out
}

/// A note's lines at `width`, its marker before the first.
fn set_note(layout: &Layout, note: usize, width: u16) -> Vec<Line> {
    let doc = &layout.doc;
    let label = &doc.article.footnotes[note].label;
    let marker = format!("{} ", note_marker(label));
    let indent = super::width::of(&marker);
    let text_width = width.saturating_sub(indent as u16).max(1);
    let mut lines: Vec<Line> = note_lines(doc, note, text_width)
        .into_iter()
        .map(|(_, l)| l)
        .collect();
    for (i, line) in lines.iter_mut().enumerate() {
        let lead = if i == 0 {
            marker.clone()
        } else {
            " ".repeat(indent)
        };
        line.spans.insert(
            0,
            Span {
                text: lead,
                look: super::Look {
                    target: Some(Target::Note(note)),
                    ..super::Look::default()
                },
                src: 0..0,
            },
        );
    }
    lines
}

/// Ends a cut note's last shown line with `…`, in the width.
fn end_with_ellipsis(line: &mut Line, width: usize) {
    let (mut spans, _) = super::cut_spans(&line.spans, 0, width.saturating_sub(1));
    let look = spans.last().map(|s| s.look).unwrap_or_default();
    spans.push(Span {
        text: "…".into(),
        look,
        src: 0..0,
    });
    line.spans = spans;
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::Format;
    use crate::layout::{Doc, Style};
    use std::sync::Arc;

    fn layout(text: &str, measure: u16) -> Layout {
        let doc = Arc::new(Doc::new(Arc::new(crate::parse::parse_str(
            text,
            Format::Markdown,
        ))));
        Layout::new(
            doc,
            Style {
                width: measure,
                ..Style::default()
            },
        )
    }

    const TEXT: &str = "# Tides\n\nThe first note is here.[^a] Then a long stretch of text \
                        follows, long enough to wrap over several lines of the column, with \
                        more words than any one line holds.\n\nA second paragraph refers to \
                        the second note.[^b]\n\n[^a]: The first note, short.\n\n[^b]: The \
                        second note, which runs on for a good many words so that it needs \
                        several lines in a narrow margin, more than there is room for.\n";

    #[test]
    fn room_for_sidenotes_is_a_wide_enough_margin() {
        assert_eq!(width(Mode::Auto, 100, 72), None);
        assert_eq!(width(Mode::Auto, 160, 72), Some(40));
        assert_eq!(width(Mode::Auto, 104, 72), Some(MARGIN_MIN));
        assert_eq!(
            width(Mode::On, 100, 72),
            Some(24),
            "asked for, a narrower margin"
        );
        assert_eq!(width(Mode::On, 90, 72), None, "too narrow even so");
        assert_eq!(width(Mode::Off, 200, 72), None);
    }

    #[test]
    fn a_note_starts_on_the_row_of_its_reference() {
        let l = layout(TEXT, 30);
        let notes = place(&l, LinePos::default(), 40, 30);
        assert_eq!(notes.len(), 2);
        let rows: Vec<usize> = l
            .window(LinePos::default(), 40)
            .iter()
            .enumerate()
            .filter(|(_, (_, line))| {
                line.spans
                    .iter()
                    .any(|s| matches!(s.look.target, Some(Target::Note(_))))
            })
            .map(|(r, _)| r)
            .collect();
        assert_eq!(notes[0].row, rows[0]);
        assert!(
            notes[0].lines[0].text().starts_with("¹ ")
                || notes[0].lines[0].text().starts_with("[a] ")
        );
        assert!(notes[1].row >= notes[0].row + notes[0].lines.len());
    }

    #[test]
    fn a_note_taller_than_its_room_is_cut_with_a_marker() {
        let l = layout(TEXT, 30);
        let notes = place(&l, LinePos::default(), 40, 30);
        let bottom = notes[1].row + 2;
        let cut = place(&l, LinePos::default(), bottom, 30);
        let last = cut.last().unwrap();
        assert!(last.cut);
        assert!(last.lines.last().unwrap().text().ends_with('…'));
        assert!(last.row + last.lines.len() <= bottom);
    }
}
