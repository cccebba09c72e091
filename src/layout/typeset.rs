//! One part set as lines: prose wrapped, code kept, tables drawn, rules and spacing.

use super::display::{Display, display, display_with};
use super::wrap::wrap;
use super::{Doc, Line, Look, Part, Role, Span, Style, flags, width};
use crate::article::BlockKind;

/// A note typeset on its own (for a pop-up): its blocks at `width`, blank lines between,
/// each line with the index of the note block it comes from.
pub fn note_lines(doc: &Doc, note: usize, width: u16) -> Vec<(usize, Line)> {
    let width = width.max(1) as usize;
    let blocks = doc
        .article
        .footnotes
        .get(note)
        .map_or(0, |f| f.blocks.len());
    let mut out = Vec::new();
    for block in 0..blocks {
        if block > 0 {
            out.push((block, Line::default()));
        }
        let d = display_with(doc, Part::Note { note, block }, false);
        let lines = match &doc.article.footnotes[note].blocks[block].kind {
            BlockKind::Code => code_lines(&d),
            BlockKind::Table { rows, header } => table_lines(rows, *header, width),
            _ => wrap(&d, width, 0, None, Style::default()),
        };
        out.extend(lines.into_iter().map(|l| (block, l)));
    }
    out
}

/// Wraps one part into lines, with a blank line after it where the design wants space.
pub(super) fn typeset(doc: &Doc, index: usize, style: Style) -> Vec<Line> {
    let Some(&part) = doc.parts.get(index) else {
        return Vec::new();
    };
    let a = &doc.article;
    let width = style.width.max(1) as usize;
    // A note's blocks are set like the body's: wrapped as prose, code (or a table) would
    // keep its line feeds inside the lines.
    let kind = match part {
        Part::Body { i } => a.blocks.get(i).map(|b| b.kind.clone()),
        Part::Note { note, block } => a
            .footnotes
            .get(note)
            .and_then(|f| f.blocks.get(block))
            .map(|b| b.kind.clone()),
        _ => None,
    };
    // A heading is set ragged and whole: stretched spaces and broken words in a line or
    // two of large type read as mistakes.
    let heading = matches!(
        (part, &kind),
        (
            Part::Title | Part::Byline | Part::Dateline | Part::NotesHeading | Part::RelatedHeading,
            _
        ) | (_, Some(BlockKind::Heading { .. }))
    );
    let style = if heading {
        Style {
            justify: false,
            hyphenate: false,
            ..style
        }
    } else {
        style
    };
    let mut lines = match (part, &kind) {
        (Part::NotesHeading, _) => {
            let mut rule = rule_line(width);
            rule.start = 0;
            let mut v = vec![rule, Line::default()];
            v.extend(wrap(&display(doc, part), width, 0, None, style));
            v
        }
        (Part::RelatedHeading, _) => wrap(&display(doc, part), width, 0, None, style),
        (_, Some(BlockKind::Rule)) => vec![rule_line(width)],
        (_, Some(BlockKind::Code)) => code_lines(&display(doc, part)),
        (_, Some(BlockKind::Table { rows, header })) => table_lines(rows, *header, width),
        (_, Some(BlockKind::Quote)) => {
            let bar = Span {
                text: "│ ".into(),
                look: Look {
                    role: Role::Quote,
                    ..Look::default()
                },
                src: 0..0,
            };
            wrap(
                &display(doc, part),
                width,
                2,
                Some((bar.clone(), bar)),
                style,
            )
        }
        (_, Some(BlockKind::ListItem { depth, marker })) => {
            let indent = 2 * *depth as usize;
            let first = format!("{}{} ", " ".repeat(indent), marker);
            let hang = width::of(&first);
            // The first item of a note carries its marker after the note's label.
            let first = if matches!(part, Part::Note { block: 0, .. }) {
                " ".repeat(indent)
            } else {
                first
            };
            let look = Look {
                role: Role::ListMarker,
                ..Look::default()
            };
            let first = Span {
                text: first,
                look,
                src: 0..0,
            };
            let rest = Span {
                text: " ".repeat(hang),
                look,
                src: 0..0,
            };
            wrap(&display(doc, part), width, hang, Some((first, rest)), style)
        }
        (Part::Related { .. }, _) => hanging(doc, part, "• ", Role::ListMarker, style),
        (_, Some(BlockKind::Caption)) => hanging(doc, part, "▣ ", Role::Caption, style),
        _ => wrap(&display(doc, part), width, 0, None, style),
    };
    let next = doc.parts.get(index + 1).copied();
    let tight = match (part, next) {
        (Part::Title | Part::Byline, Some(Part::Byline | Part::Dateline)) => true,
        (Part::Related { .. } | Part::RelatedHeading, Some(Part::Related { .. })) => true,
        (Part::Body { i }, Some(Part::Body { i: j })) => matches!(
            (&a.blocks[i].kind, &a.blocks[j].kind),
            (BlockKind::ListItem { .. }, BlockKind::ListItem { .. })
        ),
        (_, None) => true,
        _ => false,
    };
    if !tight {
        let end = lines.last().map_or(0, |l| l.end);
        lines.push(Line {
            spans: Vec::new(),
            start: end,
            end,
            ..Line::default()
        });
    }
    if lines.is_empty() {
        lines.push(Line::default());
    }
    lines
}

fn rule_line(width: usize) -> Line {
    let n = width.min(24);
    let pad = (width - n) / 2;
    Line {
        spans: vec![Span {
            text: format!("{}{}", " ".repeat(pad), "─".repeat(n)),
            look: Look {
                role: Role::Rule,
                ..Look::default()
            },
            src: 0..0,
        }],
        ..Line::default()
    }
}

fn code_lines(d: &Display) -> Vec<Line> {
    let mut out = Vec::new();
    let mut at = 0;
    for piece in d.text.split('\n') {
        let range = at..at + piece.len();
        let mut spans = Vec::new();
        d.spans(range.clone(), &mut spans);
        out.push(Line {
            spans,
            start: d.src_at(range.start),
            end: d.src_at(range.end),
            wide: true,
            ..Line::default()
        });
        at = range.end + 1;
    }
    out
}

fn table_lines(rows: &[Vec<String>], header: bool, width: usize) -> Vec<Line> {
    let cols = rows.iter().map(Vec::len).max().unwrap_or(0);
    if cols == 0 {
        return Vec::new();
    }
    let natural: Vec<usize> = (0..cols)
        .map(|c| {
            rows.iter()
                .filter_map(|r| r.get(c))
                .map(|s| width::of(s))
                .max()
                .unwrap_or(1)
                .max(1)
        })
        .collect();
    let room = width.saturating_sub(3 * (cols - 1)).max(cols);
    let mut widths = natural.clone();
    while widths.iter().sum::<usize>() > room {
        let (i, _) = widths
            .iter()
            .enumerate()
            .max_by_key(|(_, w)| **w)
            .expect("a column");
        if widths[i] <= 3 {
            break;
        }
        widths[i] -= 1;
    }
    let look = |role| Look {
        role,
        ..Look::default()
    };
    let mut out = Vec::new();
    for (ri, row) in rows.iter().enumerate() {
        let cells: Vec<Vec<String>> = (0..cols)
            .map(|c| {
                let text = row.get(c).map_or("", String::as_str);
                let cell = Display::plain(text, Look::default());
                wrap(&cell, widths[c], 0, None, Style::default())
                    .iter()
                    .map(Line::text)
                    .collect()
            })
            .collect();
        let height = cells.iter().map(Vec::len).max().unwrap_or(1).max(1);
        for h in 0..height {
            let mut spans = Vec::new();
            for c in 0..cols {
                if c > 0 {
                    spans.push(Span {
                        text: " │ ".into(),
                        look: look(Role::TableBorder),
                        src: 0..0,
                    });
                }
                let t = cells[c].get(h).map_or("", String::as_str);
                let pad = widths[c].saturating_sub(width::of(t));
                let mut l = Look {
                    role: Role::Body,
                    ..Look::default()
                };
                if header && ri == 0 {
                    l.flags |= flags::STRONG;
                }
                spans.push(Span {
                    text: format!("{t}{}", " ".repeat(pad)),
                    look: l,
                    src: 0..0,
                });
            }
            out.push(Line {
                spans,
                wide: true,
                ..Line::default()
            });
        }
        if header && ri == 0 {
            let rule = widths
                .iter()
                .map(|w| "─".repeat(*w))
                .collect::<Vec<_>>()
                .join("─┼─");
            out.push(Line {
                spans: vec![Span {
                    text: rule,
                    look: look(Role::TableBorder),
                    src: 0..0,
                }],
                wide: true,
                ..Line::default()
            });
        }
    }
    out
}

/// A part set after a two-column marker (a bullet, a caption's mark), its later lines
/// hanging under its text.
fn hanging(doc: &Doc, part: Part, marker: &str, role: Role, style: Style) -> Vec<Line> {
    let look = Look {
        role,
        ..Look::default()
    };
    let first = Span {
        text: marker.into(),
        look,
        src: 0..0,
    };
    let rest = Span {
        text: "  ".into(),
        look,
        src: 0..0,
    };
    let width = style.width.max(1) as usize;
    wrap(&display(doc, part), width, 2, Some((first, rest)), style)
}
