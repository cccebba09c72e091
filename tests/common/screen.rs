//! The app drawn on ratatui's TestBackend, and the drawn cells as text.

use lectern::tui::app::App;
use lectern::tui::draw::draw;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;

/// One frame of `app` at its own size.
pub fn render(app: &App) -> Buffer {
    let (w, h) = app.size;
    let mut term = Terminal::new(TestBackend::new(w, h)).expect("test backend");
    term.draw(|f| draw(app, f)).expect("draw");
    term.backend().buffer().clone()
}

/// The frame's rows as text, trailing blanks trimmed.
pub fn rows(buf: &Buffer) -> Vec<String> {
    (0..buf.area.height)
        .map(|y| {
            let row: String = (0..buf.area.width).map(|x| buf[(x, y)].symbol()).collect();
            row.trim_end().to_string()
        })
        .collect()
}
