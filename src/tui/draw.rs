//! Rendering is a pure function of the app's state.

use super::app::{App, Mode, Popup};
use super::{help, library_draw, popup, reader_view, status};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::widgets::Paragraph;

/// Smallest screen that shows an article.
pub const MIN_SIZE: (u16, u16) = (20, 5);

/// The screen area where article text goes (all but the status line).
pub fn text_area(size: (u16, u16)) -> Rect {
    Rect {
        x: 0,
        y: 0,
        width: size.0,
        height: size.1.saturating_sub(1),
    }
}

/// Draws the open pop-ups, each nested one a little below and right of its parent.
fn popups(app: &App, f: &mut Frame, area: Rect) {
    let Some(r) = &app.reader else { return };
    let col = super::sidenote_view::columns(area, r).0;
    let text_w = app.popup_text_width();
    let max_h = (app.popup_rows() + 2) as u16;
    let mut last: Option<Rect> = None;
    for p in &app.popups {
        let (title, lines, scroll, hint, origin, wide) = match p {
            Popup::Note(n) => (
                n.title(r),
                n.lines(r, &app.theme, text_w),
                n.scroll,
                "Enter: in Notes · n/p · Esc",
                n.origin,
                false,
            ),
            Popup::Citation(c) => (
                c.title(r),
                c.lines(r, &app.theme, text_w),
                0,
                "Enter: go there · Esc",
                c.origin,
                false,
            ),
            Popup::Sources(s) => (
                "Sources".to_string(),
                s.lines(r, &app.theme, text_w),
                s.selected
                    .saturating_sub(app.popup_rows().saturating_sub(2)),
                "type to filter · Enter · Esc",
                None,
                true,
            ),
            Popup::Outline(o) => (
                "Outline".to_string(),
                o.lines(r, &app.theme, text_w),
                o.selected
                    .saturating_sub(app.popup_rows().saturating_sub(2)),
                "Enter: go there · Esc",
                None,
                true,
            ),
            Popup::Link(l) => (
                "Link".to_string(),
                l.lines(&app.theme, text_w),
                0,
                "y copy · o open · Esc",
                l.origin,
                false,
            ),
            Popup::Bookmarks(b) => (
                "Bookmarks".to_string(),
                b.lines(&app.bookmark_list(), &app.theme, text_w),
                (2 * b.selected).saturating_sub(app.popup_rows().saturating_sub(2)),
                "Enter · r rename · d delete · u undo · Esc",
                None,
                true,
            ),
        };
        let height = ((lines.len() + 2) as u16)
            .min(if wide { area.height } else { max_h })
            .max(3);
        let width = text_w + 4;
        let rect = match (last, origin) {
            (Some(parent), _) => {
                popup::place_near(area, parent.x + 2, width, height, Some(parent.y))
            }
            (None, Some(at)) => {
                popup::place_near(area, col.x, width, height, reader_view::row_of(r, area, at))
            }
            (None, None) => popup::place_near(area, col.x, width, height, None),
        };
        let inner = rect.height.saturating_sub(2) as usize;
        let scroll = scroll.min(lines.len().saturating_sub(inner));
        popup::frame(f, rect, &app.theme, &title, lines, scroll, hint);
        last = Some(rect);
    }
}

/// Draws the whole screen.
pub fn draw(app: &App, f: &mut Frame) {
    let area = f.area();
    if area.width < MIN_SIZE.0 || area.height < MIN_SIZE.1 {
        let msg = if area.width >= 18 {
            "terminal too small"
        } else {
            "too small"
        };
        let y = area.y + area.height / 2;
        let w = (msg.len() as u16).min(area.width);
        let x = area.x + (area.width - w) / 2;
        f.render_widget(
            Paragraph::new(msg),
            Rect {
                x,
                y,
                width: w,
                height: 1.min(area.height),
            },
        );
        return;
    }
    if let (None, Some(lib)) = (&app.reader, &app.library) {
        library_draw::draw(app, lib, f, area);
        return;
    }
    let text = Rect {
        height: area.height - 1,
        ..area
    };
    let bar = Rect {
        y: area.y + area.height - 1,
        height: 1,
        ..area
    };
    reader_view::draw(app, f, text);
    popups(app, f, text);
    status::draw(app, f, bar);
    if app.mode == Mode::Help {
        help::draw(app, f, text);
    }
}
