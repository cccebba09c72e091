//! The status line: title or message on the left, position and hints on the right.

use super::app::{App, Mode};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use unicode_width::UnicodeWidthStr;

/// Draws the status line into `area` (one row).
pub fn draw(app: &App, f: &mut Frame, area: Rect) {
    let style = app.theme.status();
    let Some(r) = &app.reader else { return };
    let width = area.width as usize;
    let prompt = match &app.mode {
        Mode::Search(q) => Some(format!("/{q}")),
        Mode::Prompt(p) => Some(format!("{}{}", p.purpose.question(), p.text)),
        _ => None,
    };
    if let Some(text) = prompt {
        f.render_widget(
            Paragraph::new(super::reader_view::safe(&text)).style(style),
            area,
        );
        let x = area.x + (text.width().min(width.saturating_sub(1))) as u16;
        f.set_cursor_position((x, area.y));
        return;
    }
    let mut right = Vec::new();
    if let Some(s) = &r.search
        && !s.matches.is_empty()
    {
        let at = s.current.map_or("-".to_string(), |c| (c + 1).to_string());
        right.push(format!("{at}/{}", s.matches.len()));
    }
    if let Some(n) = app.count {
        right.push(format!("{n}…"));
    }
    let (page, pages) = r.pages();
    right.push(format!("{}%", r.percent()));
    right.push(format!("p {page}/{pages}"));
    let mins = r.minutes_left(app.wpm);
    right.push(if mins == 0 {
        "done".into()
    } else {
        format!("{mins} min left")
    });
    right.push("? help".into());
    let mut right = right.join(" · ");
    let left = match app.current_message() {
        Some(m) => m.to_string(),
        None => r.article().meta.title.clone().unwrap_or_else(|| r.name()),
    };
    let section = if app.current_message().is_some() {
        None
    } else {
        super::outline::current(r)
    };
    // On a narrow screen the position matters more than the hints.
    while right.width() + 4 > width && right.contains(" · ") {
        let cut = right.rfind(" · ").unwrap_or(0);
        right.truncate(cut);
    }
    let room = width.saturating_sub(right.width() + 3);
    // The section says where one is; the title gives way to it first.
    let left = match section {
        Some(s) => {
            let s = fit(&s.title, room / 2);
            format!("{} › {s}", fit(&left, room.saturating_sub(s.width() + 3)))
        }
        None => fit(&left, room),
    };
    let pad = width.saturating_sub(left.width() + right.width() + 2);
    let line = Line::from(vec![
        Span::raw(" "),
        Span::raw(super::reader_view::safe(&left)),
        Span::raw(" ".repeat(pad)),
        Span::raw(right),
        Span::raw(" "),
    ]);
    f.render_widget(Paragraph::new(line).style(style), area);
}

/// Cuts text to `width` columns with an ellipsis.
pub fn fit(text: &str, width: usize) -> String {
    if text.width() <= width {
        return text.to_string();
    }
    let mut out = String::new();
    for c in text.chars() {
        if (out.clone() + &c.to_string()).width() + 1 > width {
            break;
        }
        out.push(c);
    }
    if width > 0 {
        out.push('…');
    }
    out
}
