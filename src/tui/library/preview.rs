//! The library's preview pane: the selected article's title, byline, size and opening.

use crate::tui::app::App;
use crate::tui::library::LibraryView;
use crate::tui::reader::view::safe;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::Line;
use ratatui::widgets::{Block, Borders, Paragraph};

/// Draws the preview of the selected article into `area`.
pub fn draw(app: &App, lib: &LibraryView, f: &mut Frame, area: Rect) {
    let block = Block::default()
        .borders(Borders::LEFT)
        .border_style(app.theme.border());
    let inner = block.inner(area);
    f.render_widget(block, area);
    let Some(e) = lib.selected_entry().map(|i| &lib.entries[i]) else {
        return;
    };
    let width = inner.width.saturating_sub(2).max(1) as usize;
    let mut lines: Vec<Line> = Vec::new();
    let wrap = |text: &str, style: Style, lines: &mut Vec<Line>| {
        for l in textwrap::wrap(&safe(text), width) {
            lines.push(Line::styled(format!(" {l}"), style));
        }
    };
    wrap(
        &e.title(),
        Style::default().add_modifier(Modifier::BOLD),
        &mut lines,
    );
    let Some(m) = e.meta() else {
        lines.push(Line::styled(" reading…", app.theme.dim()));
        f.render_widget(Paragraph::new(lines), inner);
        return;
    };
    let text = m.date.as_deref().unwrap_or_default();
    let date = crate::date_format::article(m.date_iso.as_deref(), text, app.dates.format);
    let byline: Vec<String> = [Some(e.authors()), Some(date), m.site.clone()]
        .into_iter()
        .flatten()
        .filter(|s| !s.is_empty())
        .collect();
    if !byline.is_empty() {
        wrap(
            &byline.join(" · "),
            Style::default().add_modifier(Modifier::ITALIC),
            &mut lines,
        );
    }
    wrap(
        &format!("{} words · {}", m.words, e.file_name()),
        app.theme.dim(),
        &mut lines,
    );
    let preview = m.preview.unpack();
    if let Some(s) = &preview.summary {
        lines.push(Line::default());
        wrap(
            s,
            Style::default().add_modifier(Modifier::ITALIC),
            &mut lines,
        );
    }
    if !preview.sources.is_empty() {
        lines.push(Line::default());
        lines.push(Line::styled(
            " Sources",
            Style::default().add_modifier(Modifier::BOLD),
        ));
        for s in &preview.sources {
            wrap(&format!("• {s}"), Style::default(), &mut lines);
        }
    }
    for p in &preview.first_lines {
        if lines.len() >= inner.height as usize {
            break;
        }
        lines.push(Line::default());
        wrap(p, Style::default(), &mut lines);
    }
    lines.truncate(inner.height as usize);
    f.render_widget(Paragraph::new(lines), inner);
}
