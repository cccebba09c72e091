//! Draws the library search (`F`): the prompt, the matching articles two lines each (the
//! title with its number of matches, then the first match in its line of context), and
//! a status line that counts them as they come in.

use super::LibraryView;
use super::draw::{header_line, regions, root_name, thousands};
use super::search::{LibrarySearch, Results};
use crate::tui::app::App;
use crate::tui::keys::hints;
use crate::tui::reader::status::fit;
use crate::tui::reader::view::safe;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use std::ops::Range;
use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

/// What the screen says before the first search, above the keys.
const HELP: &[&str] = &[
    "Search the text of every article: body, notes and captions.",
    "The pattern is a regular expression. A capital letter makes it case-sensitive,",
    "an accented letter accent-sensitive: natasha finds Natásha, Natásha only itself.",
    "",
];

/// Draws the search screen into `area` (the whole screen).
pub fn draw(app: &App, lib: &LibraryView, s: &LibrarySearch, f: &mut Frame, area: Rect) {
    let (header, body, status) = regions(area);
    let root = root_name(lib);
    let title = match &s.results {
        Some(r) => format!(" Search “{}” — {root}", r.pattern),
        None => format!(" Search — {root}"),
    };
    header_line(app, f, header, &title, lib);
    match &s.results {
        Some(r) => draw_results(app, r, f, body),
        None => {
            let keys = app.keymap.show(&hints::FIND_KEYS);
            let lines: Vec<Line> = HELP
                .iter()
                .copied()
                .chain([keys.as_str()])
                .map(|l| Line::styled(format!("  {l}"), app.theme.dim()))
                .collect();
            f.render_widget(Paragraph::new(lines), body);
        }
    }
    draw_status(app, s, f, status);
}

fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{} {}", thousands(n), if n == 1 { one } else { many })
}

fn draw_results(app: &App, r: &Results, f: &mut Frame, area: Rect) {
    let dim = app.theme.dim();
    if r.rows.is_empty() {
        let msg = if r.running() {
            "searching…".to_string()
        } else {
            format!("no article matches “{}”", r.pattern)
        };
        f.render_widget(
            Paragraph::new(Span::styled(format!("  {}", safe(&msg)), dim)),
            Rect { height: 1, ..area },
        );
        return;
    }
    let width = area.width as usize;
    let shown = (area.height as usize / 2).max(1);
    let top = r.keep_visible(shown);
    let mut lines = Vec::new();
    for (n, row) in r.rows.iter().enumerate().skip(top).take(shown) {
        let selected = n == r.selected;
        let base = if selected {
            app.theme.focus()
        } else {
            Style::default()
        };
        let count = format!(" {} ", plural(row.count, "match", "matches"));
        let title = if row.title.trim().is_empty() {
            row.path
                .file_name()
                .unwrap_or(row.path.as_os_str())
                .to_string_lossy()
                .into_owned()
        } else {
            row.title.clone()
        };
        let room = width.saturating_sub(2 + count.width());
        let title = fit(&safe(&title), room);
        let pad = room.saturating_sub(title.width());
        lines.push(Line::from(vec![
            Span::styled(if selected { "› " } else { "  " }, base),
            Span::styled(title, base.add_modifier(Modifier::BOLD)),
            Span::styled(" ".repeat(pad), base),
            Span::styled(count, base.patch(dim)),
        ]));
        let mut context = vec![Span::raw("    ")];
        if let Some(first) = &row.first {
            let (text, mark) = window(
                &first.snippet.text,
                first.snippet.mark.clone(),
                width.saturating_sub(5),
            );
            context.push(Span::raw(text[..mark.start].to_string()));
            context.push(Span::styled(
                text[mark.clone()].to_string(),
                app.theme.search_match(false),
            ));
            context.push(Span::raw(text[mark.end..].to_string()));
        }
        lines.push(Line::from(context));
    }
    f.render_widget(Paragraph::new(lines), area);
}

/// The part of a line of context that fits in `width` columns, the match a third of the
/// way in when the line is too long, and where the match is in it.
pub fn window(text: &str, mark: Range<usize>, width: usize) -> (String, Range<usize>) {
    if text.width() <= width {
        return (text.to_string(), mark);
    }
    let lead = width / 3;
    let mut before = text[..mark.start].width();
    let mut start = 0;
    for (i, c) in text[..mark.start].char_indices() {
        if before < lead {
            break;
        }
        before -= c.width().unwrap_or(0);
        start = i + c.len_utf8();
    }
    // Begin at a word when there is one before the match.
    if start > 0
        && let Some(sp) = text[start..mark.start].find(' ')
    {
        start += sp + 1;
    }
    let prefix = if start > 0 { "…" } else { "" };
    let room = width.saturating_sub(prefix.width());
    let rest = &text[start..];
    let mut end = start;
    let mut used = 0;
    let cut = rest.width() > room;
    let room = if cut { room.saturating_sub(1) } else { room };
    for (i, c) in rest.char_indices() {
        used += c.width().unwrap_or(0);
        if used > room {
            break;
        }
        end = start + i + c.len_utf8();
    }
    // End at a word when that keeps the whole match.
    if cut && let Some(sp) = text[mark.end.min(end)..end].rfind(' ') {
        end = mark.end.min(end) + sp;
    }
    let out = format!(
        "{prefix}{}{}",
        &text[start..end],
        if cut { "…" } else { "" }
    );
    let at = |b: usize| prefix.len() + b.clamp(start, end) - start;
    (out, at(mark.start)..at(mark.end))
}

fn draw_status(app: &App, s: &LibrarySearch, f: &mut Frame, area: Rect) {
    let width = area.width as usize;
    let (left, right) = if let Some(text) = &s.prompt {
        let right = s
            .error
            .clone()
            .unwrap_or_else(|| app.keymap.show(&hints::FIND));
        (format!("F {}", text.text()), right)
    } else if let Some(r) = &s.results {
        let mut left = format!(
            "{} · {}",
            plural(r.rows.len(), "article", "articles"),
            plural(r.matches, "match", "matches")
        );
        if r.running() {
            left.push_str(&format!(
                " · searching {} / {}",
                thousands(r.searched),
                thousands(r.total)
            ));
        } else if let Some(m) = app.current_message() {
            left = m.to_string();
        }
        (left, app.keymap.show(&hints::FOUND))
    } else {
        (String::new(), String::new())
    };
    let mut right = right;
    while right.width() + left.width() + 4 > width && right.contains(" · ") {
        right.truncate(right.rfind(" · ").unwrap_or(0));
    }
    let left = fit(&safe(&left), width.saturating_sub(right.width() + 3));
    let pad = width.saturating_sub(left.width() + right.width() + 2);
    let line = Line::from(format!(" {left}{}{} ", " ".repeat(pad), safe(&right)));
    f.render_widget(Paragraph::new(line).style(app.theme.status()), area);
    if let Some(text) = &s.prompt {
        let x = area.x + (3 + text.cursor_column()).min(width.saturating_sub(1)) as u16;
        f.set_cursor_position((x, area.y));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_long_line_keeps_its_match_in_view() {
        let text = format!(
            "{} the Chunxiao gas field {}",
            "word ".repeat(40),
            "more ".repeat(40)
        );
        let at = text.find("Chunxiao").unwrap();
        let (line, mark) = window(&text, at..at + 8, 40);
        assert_eq!(&line[mark.clone()], "Chunxiao");
        assert!(line.starts_with('…') && line.ends_with('…'), "{line}");
        assert!(line.width() <= 40 && line.width() > 30, "{line}");
        let inner = line.trim_matches('…');
        assert!(
            inner.starts_with("word ") && inner.ends_with(" more"),
            "whole words: {line}"
        );
        assert!(mark.start < 20, "{mark:?}");
        let (short, m) = window("gas field", 0..3, 40);
        assert_eq!((short.as_str(), m), ("gas field", 0..3));
    }
}
