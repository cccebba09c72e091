//! Draws the sidenotes: each note beside the row of its first reference on screen, dimmer
//! than the text, its marker in the focus colour when that reference is focused.

use super::view::to_line;
use crate::layout::Target;
use crate::layout::sidenotes::{self, GAP};
use crate::reading::Reader;
use crate::tui::cells;
use crate::tui::theme::Theme;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

/// The page's columns in `area`: the text and, when they are wanted and there is room,
/// the sidenotes' margin to its right, the two centred together.
pub fn columns(area: Rect, r: &Reader) -> (Rect, Option<Rect>) {
    let w = r.layout.style.width.min(area.width);
    let Some(notes) = sidenotes::width(r.layout.style.sidenotes, area.width, w) else {
        let text = Rect {
            x: area.x + (area.width - w) / 2,
            width: w,
            ..area
        };
        return (text, None);
    };
    let x = area.x + (area.width - (w + GAP + notes)) / 2;
    let text = Rect {
        x,
        width: w,
        ..area
    };
    let margin = Rect {
        x: x + w + GAP,
        width: notes,
        ..area
    };
    (text, Some(margin))
}

/// Draws the notes referred to from the rows on screen into `margin`.
pub fn draw(buf: &mut Buffer, margin: Rect, r: &Reader, theme: &Theme) {
    let focused = r
        .focus
        .and_then(|f| r.spots.get(f))
        .and_then(|s| match s.target {
            Target::Note(n) => Some(n),
            _ => None,
        });
    let rows = margin.height as usize;
    for note in sidenotes::place(&r.layout, r.top, rows, margin.width) {
        for (i, line) in note.lines.iter().enumerate() {
            let mut shown = to_line(line, None, margin.width as usize, theme, &[]);
            for span in &mut shown.spans {
                span.style = span.style.patch(theme.dim());
            }
            if i == 0
                && focused == Some(note.note)
                && let (Some(marker), Some(lead)) = (shown.spans.first_mut(), line.spans.first())
            {
                // Marked as the reference in the text is.
                marker.style = theme.look(lead.look).patch(theme.focus());
            }
            let rect = Rect {
                y: margin.y + (note.row + i) as u16,
                height: 1,
                ..margin
            };
            cells::put_line(buf, rect, &shown);
        }
    }
}
