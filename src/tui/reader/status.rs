//! The status line: title or message on the left, position and hints on the right.

use crate::layout::width;
use crate::tui::app::{App, Mode};
use crate::tui::reader::view::safe;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};

/// Draws the status line into `area` (one row).
pub fn draw(app: &App, f: &mut Frame, area: Rect) {
    let style = app.theme.status();
    let Some(r) = &app.reader else { return };
    let width = area.width as usize;
    if let Mode::Prompt(p) = &app.mode {
        let question = p.purpose.question();
        let asked = width::of(question);
        let (answer, at) = p.field.view(width.saturating_sub(asked + 1));
        // An offered answer shows selected: typing replaces it.
        let chosen = match p.field.selected() {
            true => Style::new().add_modifier(Modifier::REVERSED),
            false => Style::new(),
        };
        let answer = Span::styled(safe(&answer), chosen);
        let shown = Line::from(vec![Span::raw(question), answer]).style(style);
        crate::tui::cells::put_line(f.buffer_mut(), area, &shown);
        let x = area.x + (asked + at).min(width.saturating_sub(1)) as u16;
        f.set_cursor_position((x, area.y));
        return;
    }
    let mut right = Vec::new();
    let selecting = r.selection.map(|sel| {
        let (words, chars) = sel.length(&r.doc);
        right.push(format!(
            "{words} word{} · {chars} character{}",
            if words == 1 { "" } else { "s" },
            if chars == 1 { "" } else { "s" }
        ));
        format!(
            "Selecting: {}",
            app.keymap.show(&crate::tui::keys::hints::SELECTION)
        )
    });
    if let Some(s) = &r.search
        && !s.matches.is_empty()
    {
        let at = s.current.map_or("-".to_string(), |c| (c + 1).to_string());
        right.push(format!("{at}/{}", s.matches.len()));
    }
    if let Some(n) = app.count {
        right.push(format!("{n}…"));
    }
    right.push(format!("{}%", r.percent()));
    // While selecting, the keys for it matter more than the pages and the time left.
    if selecting.is_none() {
        let (page, pages) = r.pages();
        right.push(format!("p {page}/{pages}"));
        let mins = r.minutes_left(app.wpm);
        right.push(if mins == 0 {
            "done".into()
        } else {
            format!("{mins} min left")
        });
        let help = app.keymap.show(&crate::tui::keys::hints::READER_HELP);
        if !help.is_empty() {
            right.push(help);
        }
    }
    let mut right = right.join(" · ");
    let left = match (app.current_message(), selecting) {
        (Some(m), _) => m.to_string(),
        (None, Some(s)) => s,
        (None, None) => r.article().meta.title.clone().unwrap_or_else(|| r.name()),
    };
    let section = if app.current_message().is_some() || r.selection.is_some() {
        None
    } else {
        crate::reading::outline::current(r)
    };
    // On a narrow screen the position matters more than the hints.
    while width::of(&right) + 4 > width && right.contains(" · ") {
        let cut = right.rfind(" · ").unwrap_or(0);
        right.truncate(cut);
    }
    let room = width.saturating_sub(width::of(&right) + 3);
    // The section says where one is; the title gives way to it first.
    let left = match section {
        Some(s) => {
            let s = fit(&s.title, room / 2);
            format!(
                "{} › {s}",
                fit(&left, room.saturating_sub(width::of(&s) + 3))
            )
        }
        None => fit(&left, room),
    };
    let pad = width.saturating_sub(width::of(&left) + width::of(&right) + 2);
    let line = Line::from(vec![
        Span::raw(" "),
        Span::raw(crate::tui::reader::view::safe(&left)),
        Span::raw(" ".repeat(pad)),
        Span::raw(right),
        Span::raw(" "),
    ]);
    crate::tui::cells::put_line(f.buffer_mut(), area, &line.style(style));
}

/// Cuts text to `width` columns with an ellipsis.
pub fn fit(text: &str, width: usize) -> String {
    if width::of(text) <= width {
        return text.to_string();
    }
    let mut out = String::new();
    let mut used = 0;
    for (_, g, w) in width::clusters(text) {
        if used + w + 1 > width {
            break;
        }
        out.push_str(g);
        used += w;
    }
    if width > 0 {
        out.push('…');
    }
    out
}
