//! Draws the reading screen: only the lines that are visible are styled and drawn.

use crate::decode::{is_invisible, neutralise};
use crate::layout::{self, LinePos};
use crate::reading::Reader;
use crate::tui::app::App;
use crate::tui::cells;
use crate::tui::reader::sidenotes::{self, columns};
use crate::tui::theme::Theme;
use ratatui::Frame;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use std::ops::Range;

/// A source range of one part to paint with a style (search matches, focus).
pub struct Highlight {
    /// Index of the part.
    pub part: usize,
    /// Byte range in the part's text.
    pub range: Range<usize>,
    /// Style patched over the text's own.
    pub style: Style,
}

/// Draws the article's visible lines into `area`.
pub fn draw(app: &App, f: &mut Frame, area: Rect) {
    let Some(r) = &app.reader else { return };
    let (col, margin) = columns(area, r);
    let highlights = highlights(r, &app.theme, r.top, area.height as usize);
    let window = r.layout.window(r.top, area.height as usize);
    draw_lines(
        f.buffer_mut(),
        col,
        &window,
        r.hscroll,
        &app.theme,
        &highlights,
    );
    draw_note_markers(f.buffer_mut(), col, &window, r, &app.theme);
    if let Some(margin) = margin {
        sidenotes::draw(f.buffer_mut(), margin, r, &app.theme);
    }
}

/// The marker after each highlight with a note: one column after the text of the line
/// its passage ends on, or in the margin when the line is full, so no text moves.
fn draw_note_markers(
    buf: &mut Buffer,
    col: Rect,
    window: &[(LinePos, &layout::Line)],
    r: &Reader,
    theme: &Theme,
) {
    let (Some((first, _)), Some((last, _))) = (window.first(), window.last()) else {
        return;
    };
    for m in r.highlights_in(first.part, last.part) {
        let Some((_, end)) = m.at.filter(|_| !m.note.trim().is_empty()) else {
            continue;
        };
        let row = window.iter().rposition(|(pos, line)| {
            pos.part == end.part && !line.spans.is_empty() && line.start < end.offset
        });
        let Some(row) = row.filter(|&row| row < col.height as usize) else {
            continue;
        };
        let line = window[row].1;
        let x = if line.rtl {
            col.x.checked_sub(1)
        } else {
            Some(col.x + (line.width() as u16).min(col.width))
        };
        let y = col.y + row as u16;
        if let Some(x) = x.filter(|&x| x < buf.area.right()) {
            buf[(x, y)]
                .set_symbol(NOTE_MARKER)
                .set_style(theme.note_marker());
        }
    }
}

/// What marks a highlight with a note.
pub const NOTE_MARKER: &str = "✎";

/// Draws layout lines one a row into the text column `col`: wide lines scrolled by
/// `hscroll`, highlights painted over the parts they cover.
pub fn draw_lines(
    buf: &mut Buffer,
    col: Rect,
    window: &[(LinePos, &layout::Line)],
    hscroll: usize,
    theme: &Theme,
    highlights: &[Highlight],
) {
    for (row, (pos, line)) in window.iter().take(col.height as usize).enumerate() {
        let hs: Vec<&Highlight> = highlights.iter().filter(|h| h.part == pos.part).collect();
        let text = to_line(
            line,
            line.wide.then_some(hscroll),
            col.width as usize,
            theme,
            &hs,
        );
        let rect = Rect {
            y: col.y + row as u16,
            height: 1,
            ..col
        };
        cells::put_line(buf, rect, &text);
    }
}

/// Saved highlights, search matches and the selection in the lines on screen, and the
/// focused spot, each painted over the one before.
fn highlights(r: &Reader, theme: &Theme, top: LinePos, height: usize) -> Vec<Highlight> {
    let mut out = Vec::new();
    let last = r.layout.step(top, height as isize);
    let (from, to) = (top.part, last.part);
    for m in r.highlights_in(from, to) {
        out.extend((from..=to).filter_map(|part| {
            Some(Highlight {
                part,
                range: m.range_in(part)?,
                style: theme.highlight(),
            })
        }));
    }
    if let Some(s) = &r.search {
        let first = s.matches.partition_point(|(p, _)| *p < from);
        out.extend(
            s.matches[first..]
                .iter()
                .enumerate()
                .take_while(|(_, (p, _))| *p <= to)
                .map(|(i, (part, range))| Highlight {
                    part: *part,
                    range: range.clone(),
                    style: theme.search_match(s.current == Some(first + i)),
                }),
        );
    }
    if let Some(sel) = &r.selection {
        out.extend((from..=to).filter_map(|part| {
            Some(Highlight {
                part,
                range: sel.range_in(part)?,
                style: theme.selection(),
            })
        }));
    }
    if let Some(spot) = r.focus.and_then(|f| r.spots.get(f)) {
        out.push(Highlight {
            part: spot.part,
            range: spot.range.clone(),
            style: theme.focus(),
        });
    }
    out
}

/// The screen row (in `area`) of the line holding (part, offset), if it is on screen.
pub fn row_of(r: &Reader, area: Rect, at: (usize, usize)) -> Option<u16> {
    r.layout
        .window(r.top, area.height as usize)
        .iter()
        .rposition(|(pos, line)| pos.part == at.0 && line.start <= at.1 && !line.spans.is_empty())
        .map(|row| area.y + row as u16)
}

/// The focusable spot drawn at screen cell (col, row), if any.
pub fn spot_at(r: &Reader, area: Rect, col: u16, row: u16) -> Option<usize> {
    if row < area.y || row >= area.y + area.height {
        return None;
    }
    let column = columns(area, r).0;
    let window = r.layout.window(r.top, area.height as usize);
    let (pos, line) = window.get((row - area.y) as usize)?;
    let target_col = col.checked_sub(column.x)? as usize;
    // A right-to-left line is drawn against the column's right edge.
    let mut x = if line.rtl {
        (column.width as usize).saturating_sub(line.width())
    } else {
        0
    };
    for span in &line.spans {
        let w = layout::width::of(&span.text);
        if target_col < x + w {
            span.look.target?;
            return r.spots.iter().position(|s| {
                s.part == pos.part
                    && s.range.start <= span.src.start
                    && span.src.start < s.range.end.max(s.range.start + 1)
            });
        }
        x += w;
    }
    None
}

/// Turns a layout line into a styled terminal line, painting highlights over the spans.
/// A wide line (code, a table) is shown from column `hscroll` on, with `←` when it is
/// scrolled and `→` when more of it is to the right.
pub fn to_line(
    line: &layout::Line,
    hscroll: Option<usize>,
    width: usize,
    theme: &Theme,
    highlights: &[&Highlight],
) -> Line<'static> {
    let skip = hscroll.unwrap_or(0);
    let room = width.saturating_sub(usize::from(skip > 0));
    let (mut spans, cut) = layout::cut_spans(&line.spans, skip, room);
    if cut {
        spans = layout::cut_spans(&line.spans, skip, room.saturating_sub(1)).0;
    }
    let mut out = Vec::with_capacity(spans.len() + 2);
    if skip > 0 {
        out.push(Span::styled("←", theme.dim()));
    }
    for span in &spans {
        let base = theme.look(span.look);
        paint(span, base, highlights, &mut out);
    }
    if cut {
        out.push(Span::styled("→", theme.dim()));
    }
    let shown = Line::from(out);
    if line.rtl {
        shown.right_aligned()
    } else {
        shown
    }
}

/// Splits one span where highlights start and end, so only the matched text is painted.
fn paint(
    span: &layout::Span,
    base: Style,
    highlights: &[&Highlight],
    out: &mut Vec<Span<'static>>,
) {
    let exact = span.src.len() == span.text.len();
    let mut cuts = vec![0, span.text.len()];
    let mut hit = Vec::new();
    for h in highlights {
        if h.range.start < span.src.end.max(span.src.start + 1) && span.src.start < h.range.end {
            hit.push(*h);
            if exact {
                for edge in [h.range.start, h.range.end] {
                    if edge > span.src.start && edge < span.src.end {
                        cuts.push(edge - span.src.start);
                    }
                }
            }
        }
    }
    cuts.sort_unstable();
    cuts.dedup();
    for w in cuts.windows(2) {
        let (a, b) = (w[0], w[1]);
        if !span.text.is_char_boundary(a) || !span.text.is_char_boundary(b) {
            continue;
        }
        let mut style = base;
        for h in &hit {
            let (sa, sb) = if exact {
                (span.src.start + a, span.src.start + b)
            } else {
                (span.src.start, span.src.end.max(span.src.start + 1))
            };
            if h.range.start < sb && sa < h.range.end {
                style = style.patch(h.style);
            }
        }
        out.push(Span::styled(safe(&span.text[a..b]), style));
    }
}

/// Last line of defence: nothing that could drive the terminal reaches it, and nothing
/// invisible that it might draw as a box.
pub fn safe(text: &str) -> String {
    // A line break inside a paragraph (an address, a verse) is a space on one line.
    text.chars()
        .filter(|&c| !is_invisible(c))
        .map(|c| if c == '\n' { ' ' } else { neutralise(c) })
        .collect()
}
