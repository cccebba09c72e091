//! The help overlay, generated from the key map.

use super::app::App;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear};

/// Draws the help overlay centred in `area`.
pub fn draw(app: &App, f: &mut Frame, area: Rect) {
    let rows = app.keymap.help_rows();
    let key_w = rows
        .iter()
        .map(|(k, _)| k.chars().count())
        .max()
        .unwrap_or(0);
    let desc_w = rows
        .iter()
        .map(|(_, d)| d.chars().count())
        .max()
        .unwrap_or(0);
    let w = ((key_w + desc_w + 6) as u16).min(area.width);
    let h = ((rows.len() + 2) as u16).min(area.height);
    let rect = Rect {
        x: area.x + (area.width - w) / 2,
        y: area.y + (area.height - h) / 2,
        width: w,
        height: h,
    };
    let lines: Vec<Line> = rows
        .iter()
        .map(|(k, d)| {
            Line::from(vec![
                Span::styled(
                    format!(" {k:<key_w$}  "),
                    app.theme.look(crate::layout::Look {
                        role: crate::layout::Role::NoteLabel,
                        ..Default::default()
                    }),
                ),
                Span::raw(*d),
            ])
        })
        .collect();
    f.render_widget(Clear, rect);
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(app.theme.border())
        .title(" Keys — Esc to close ");
    let inner = block.inner(rect);
    f.render_widget(block, rect);
    super::cells::put_lines(f.buffer_mut(), inner, &lines);
}
