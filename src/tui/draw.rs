//! Rendering is a pure function of the app's state.

use super::app::{App, Mode};
use super::{help, library_draw, reader_view, status};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::widgets::Paragraph;

/// Smallest screen that shows an article.
pub const MIN_SIZE: (u16, u16) = (20, 5);

/// Draws the whole screen.
pub fn draw(app: &App, f: &mut Frame) {
    let area = f.area();
    if area.width < MIN_SIZE.0 || area.height < MIN_SIZE.1 {
        let msg = if area.width >= 18 { "terminal too small" } else { "too small" };
        let y = area.y + area.height / 2;
        let w = (msg.len() as u16).min(area.width);
        let x = area.x + (area.width - w) / 2;
        f.render_widget(Paragraph::new(msg), Rect { x, y, width: w, height: 1.min(area.height) });
        return;
    }
    if let (None, Some(lib)) = (&app.reader, &app.library) {
        library_draw::draw(app, lib, f, area);
        return;
    }
    let text = Rect { height: area.height - 1, ..area };
    let bar = Rect { y: area.y + area.height - 1, height: 1, ..area };
    reader_view::draw(app, f, text);
    status::draw(app, f, bar);
    if app.mode == Mode::Help {
        help::draw(app, f, text);
    }
}
