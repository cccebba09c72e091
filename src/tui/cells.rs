//! Text put on screen cluster by cluster, each at the column `layout::width` gives it.
//!
//! ratatui's own `Line` and `Paragraph` advance from one span to the next by the span's
//! whole-string width, which for some scripts (Arabic lam–alef) is less than the cells
//! its clusters take, so the next span overwrote the last letters. Here one measure
//! places every cluster, the same one the layout wrapped with.

use crate::layout::width;
use ratatui::buffer::Buffer;
use ratatui::layout::{Alignment, Rect};
use ratatui::text::Line;

/// Columns a line takes.
pub fn line_width(line: &Line<'_>) -> usize {
    line.spans.iter().map(|s| width::of(&s.content)).sum()
}

/// Draws one line into the first row of `area`, aligned as the line asks, clipped on the
/// right when it does not fit.
pub fn put_line(buf: &mut Buffer, area: Rect, line: &Line<'_>) {
    let area = area.intersection(buf.area);
    if area.is_empty() {
        return;
    }
    let row = Rect { height: 1, ..area };
    buf.set_style(row, line.style);
    let room = area.width as usize;
    let used = line_width(line);
    let indent = match line.alignment {
        Some(Alignment::Right) => room.saturating_sub(used),
        Some(Alignment::Center) => room.saturating_sub(used) / 2,
        _ => 0,
    };
    let (y, right) = (area.y, area.x as usize + room);
    let mut x = area.x as usize + indent;
    // A zero-width cluster joins the cell before it; one that starts the line waits
    // for the first cluster that takes room.
    let mut last: Option<usize> = None;
    let mut pending = String::new();
    for span in &line.spans {
        let style = line.style.patch(span.style);
        for (_, g, w) in width::clusters(&span.content) {
            if w == 0 {
                match last {
                    Some(at) => {
                        let cell = &mut buf[(at as u16, y)];
                        let joined = format!("{}{g}", cell.symbol());
                        cell.set_symbol(&joined);
                    }
                    None => pending.push_str(g),
                }
                continue;
            }
            if x + w > right {
                return;
            }
            let cell = &mut buf[(x as u16, y)];
            if pending.is_empty() {
                cell.set_symbol(g);
            } else {
                pending.push_str(g);
                cell.set_symbol(&pending);
                pending.clear();
            }
            cell.set_style(style);
            for hidden in x + 1..x + w {
                buf[(hidden as u16, y)].reset();
            }
            last = Some(x);
            x += w;
        }
    }
}

/// Draws lines into `area`, one a row, from the top.
pub fn put_lines<'a>(buf: &mut Buffer, area: Rect, lines: impl IntoIterator<Item = &'a Line<'a>>) {
    for (i, line) in lines.into_iter().take(area.height as usize).enumerate() {
        let row = Rect {
            y: area.y + i as u16,
            height: 1,
            ..area
        };
        put_line(buf, row, line);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::text::Span;

    fn row(buf: &Buffer, y: u16) -> String {
        (0..buf.area.width)
            .map(|x| buf[(x, y)].symbol().to_string())
            .collect()
    }

    #[test]
    fn clusters_are_as_wide_as_ratatui_draws_them() {
        use ratatui::buffer::CellWidth;
        use unicode_segmentation::UnicodeSegmentation;
        let text = "a書\u{644}\u{627}e\u{301}\u{302}❤\u{fe0f}👨\u{200d}👩\u{200d}👧🇫🇷\u{ff76}\u{ff9e}\
                    क्षि\u{e01}\u{e34}\u{e48}한\u{5d0}\u{5b8}\u{2060}";
        for g in text.graphemes(true) {
            assert_eq!(width::cluster(g), g.cell_width() as usize, "{g:?}");
        }
    }

    #[test]
    fn spans_of_lam_alef_words_do_not_overlap() {
        // Two spans, each with a lam–alef pair: ratatui's Line drew the second over the
        // last letter of the first.
        let line = Line::from(vec![Span::raw("سلام "), Span::raw("سلام")]);
        let mut buf = Buffer::empty(Rect::new(0, 0, 12, 1));
        put_line(&mut buf, Rect::new(0, 0, 12, 1), &line);
        assert_eq!(row(&buf, 0).trim_end(), "سلام سلام");
    }

    #[test]
    fn wide_and_zero_width_clusters_take_their_columns() {
        let line = Line::from("書e\u{301}\u{2060}x").right_aligned();
        let mut buf = Buffer::empty(Rect::new(0, 0, 6, 1));
        put_line(&mut buf, Rect::new(0, 0, 6, 1), &line);
        assert_eq!(buf[(1, 0)].symbol(), " ");
        assert_eq!(buf[(2, 0)].symbol(), "書");
        assert_eq!(buf[(4, 0)].symbol(), "e\u{301}\u{2060}");
        assert_eq!(buf[(5, 0)].symbol(), "x");
    }

    #[test]
    fn what_does_not_fit_is_clipped_whole() {
        let mut buf = Buffer::empty(Rect::new(0, 0, 3, 1));
        put_line(&mut buf, Rect::new(0, 0, 3, 1), &Line::from("a書書"));
        assert_eq!(row(&buf, 0), "a書 ");
    }
}
