//! Rendering is a pure function of the app's state.

use crate::tui::app::App;
use crate::tui::keys::Context;
use crate::tui::{library, reader};
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

/// Draws the open layers in `area`, innermost last, each told where the one under it went.
fn layers(app: &App, f: &mut Frame, area: Rect) {
    let mut last: Option<Rect> = None;
    for (depth, p) in app.popups.iter().enumerate() {
        let cx = app.cx_at(depth);
        let layer = p.layer();
        let at = match layer.context() {
            // Help covers the whole screen but the status line, over whichever screen.
            Context::Help => text_area((f.area().width, f.area().height)),
            _ => area,
        };
        last = Some(layer.draw(f, at, &cx, last));
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
        library::draw::draw(app, lib, f, area);
        layers(app, f, library::draw::body(area));
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
    reader::view::draw(app, f, text);
    layers(app, f, text);
    reader::status::draw(app, f, bar);
}
