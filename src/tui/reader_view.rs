//! Draws the reading screen: only the lines that are visible are styled and drawn.

use super::app::App;
use super::reader::Reader;
use super::theme::Theme;
use crate::decode::{is_invisible, neutralise};
use crate::layout::{self, LinePos, Role};
use ratatui::Frame;
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

/// The text column for a screen area: centred, `width` wide.
pub fn column(area: Rect, width: u16) -> Rect {
    let w = width.min(area.width);
    Rect {
        x: area.x + (area.width - w) / 2,
        y: area.y,
        width: w,
        height: area.height,
    }
}

/// Draws the article's visible lines into `area`.
pub fn draw(app: &App, f: &mut Frame, area: Rect) {
    let Some(r) = &app.reader else { return };
    let col = column(area, r.layout.style.width);
    let highlights = highlights(r, &app.theme, r.top, area.height as usize);
    for (row, (pos, line)) in r
        .layout
        .window(r.top, area.height as usize)
        .into_iter()
        .enumerate()
    {
        let hs: Vec<&Highlight> = highlights.iter().filter(|h| h.part == pos.part).collect();
        let code = line.spans.iter().any(|s| s.look.role == Role::Code);
        let text = to_line(
            line,
            code.then_some(r.hscroll),
            col.width as usize,
            &app.theme,
            &hs,
        );
        let rect = Rect {
            x: col.x,
            y: col.y + row as u16,
            width: col.width,
            height: 1,
        };
        f.render_widget(text, rect);
    }
}

/// Search matches in the lines on screen, and the focused spot.
fn highlights(r: &Reader, theme: &Theme, top: LinePos, height: usize) -> Vec<Highlight> {
    let mut out = Vec::new();
    if let Some(s) = &r.search {
        let last = r.layout.step(top, height as isize);
        let (from, to) = (top.part, last.part);
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
    let column = column(area, r.layout.style.width);
    let window = r.layout.window(r.top, area.height as usize);
    let (pos, line) = window.get((row - area.y) as usize)?;
    let target_col = col.checked_sub(column.x)? as usize;
    let mut x = 0;
    for span in &line.spans {
        let w = unicode_width::UnicodeWidthStr::width(span.text.as_str());
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

/// Turns a layout line into a styled terminal line, cutting code to the width
/// (after scrolling it `hscroll` columns) and painting highlights over the spans.
pub fn to_line(
    line: &layout::Line,
    hscroll: Option<usize>,
    width: usize,
    theme: &Theme,
    highlights: &[&Highlight],
) -> Line<'static> {
    let (mut spans, cut) = layout::cut_spans(&line.spans, hscroll.unwrap_or(0), width);
    if cut {
        let (shorter, _) = layout::cut_spans(&spans, 0, width.saturating_sub(1));
        spans = shorter;
    }
    let mut out = Vec::with_capacity(spans.len() + 1);
    if hscroll.is_some_and(|h| h > 0) {
        out.push(Span::styled("←", theme.dim()));
        let (shorter, _) =
            layout::cut_spans(&spans, 1, width.saturating_sub(if cut { 2 } else { 1 }));
        spans = shorter;
    }
    for span in &spans {
        let base = theme.look(span.look);
        paint(span, base, highlights, &mut out);
    }
    if cut {
        out.push(Span::styled("→", theme.dim()));
    }
    Line::from(out)
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
    text.chars()
        .filter(|&c| !is_invisible(c))
        .map(neutralise)
        .collect()
}
