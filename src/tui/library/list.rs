//! The library's list: its columns (dropped one by one as the screen narrows, the title
//! always kept), the headings, and a row per article with filter matches marked.

use crate::library::entry::{Entry, progress_of};
use crate::tui::app::App;
use crate::tui::library::LibraryView;
use crate::tui::reader::view::safe;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

/// The title column never gets narrower than this to make room for another column.
const TITLE_MIN: u16 = 24;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Column {
    Authors,
    Date,
    Length,
    Progress,
    Marks,
}

impl Column {
    /// Its width, dates being `date` columns wide.
    fn width(self, date: u16) -> u16 {
        match self {
            Column::Authors => 15,
            Column::Date => date,
            Column::Length => 7,
            Column::Progress => 9,
            Column::Marks => 3,
        }
    }

    fn heading(self) -> &'static str {
        match self {
            Column::Authors => "Authors",
            Column::Date => "Date",
            Column::Length => "Length",
            Column::Progress => "Progress",
            Column::Marks => "Bm",
        }
    }
}

/// The columns beside the title that fit in `width`, in display order, dates being
/// `date` columns wide.
pub(super) fn columns(width: u16, date: u16) -> Vec<Column> {
    let mut room = width.saturating_sub(2);
    let mut chosen = Vec::new();
    for c in [
        Column::Length,
        Column::Progress,
        Column::Authors,
        Column::Date,
        Column::Marks,
    ] {
        if room < TITLE_MIN + c.width(date) + 1 {
            break;
        }
        room -= c.width(date) + 1;
        chosen.push(c);
    }
    let display = [
        Column::Authors,
        Column::Date,
        Column::Length,
        Column::Progress,
        Column::Marks,
    ];
    display.into_iter().filter(|c| chosen.contains(c)).collect()
}

/// Text cut or padded to exactly `width` columns; characters at `marks` get `mark`.
fn cell(text: &str, width: usize, marks: &[usize], base: Style, mark: Style) -> Vec<Span<'static>> {
    let text = safe(text);
    let cut = text.width() > width;
    let room = if cut { width.saturating_sub(1) } else { width };
    let mut spans: Vec<Span> = Vec::new();
    let mut run = String::new();
    let mut run_marked = false;
    let mut used = 0;
    for (i, c) in text.chars().enumerate() {
        let w = c.width().unwrap_or(0);
        if used + w > room {
            break;
        }
        used += w;
        let marked = marks.contains(&i);
        if marked != run_marked && !run.is_empty() {
            spans.push(Span::styled(
                std::mem::take(&mut run),
                if run_marked { mark } else { base },
            ));
        }
        run_marked = marked;
        run.push(c);
    }
    if !run.is_empty() {
        spans.push(Span::styled(run, if run_marked { mark } else { base }));
    }
    let tail = if cut { "…" } else { "" };
    spans.push(Span::styled(
        format!("{tail}{}", " ".repeat(room - used)),
        base,
    ));
    spans
}

/// A cell's text; dates are `date_w` columns wide.
fn column_text(app: &App, lib: &LibraryView, e: &Entry, c: Column, date_w: u16) -> String {
    let meta = e.meta();
    let p = progress_of(&lib.progress, &e.path);
    match c {
        Column::Authors => e.authors(),
        Column::Date => meta
            .map(|m| {
                let text = m.date.as_deref().unwrap_or_default();
                let iso = m.date_iso.as_deref();
                crate::date_format::in_column(iso, text, app.dates.format, date_w.into())
            })
            .unwrap_or_default(),
        Column::Length => e
            .minutes(app.wpm)
            .map_or("…".into(), |m| format!("{m} min")),
        Column::Progress if p.finished => "✓ read".into(),
        Column::Progress if p.percent > 0 => {
            let filled = (p.percent as usize).div_ceil(20).min(5);
            format!(
                "{}{} {:>2}%",
                "▰".repeat(filled),
                "▱".repeat(5 - filled),
                p.percent.min(99)
            )
        }
        Column::Progress => String::new(),
        Column::Marks if p.bookmarks > 0 => p.bookmarks.to_string(),
        Column::Marks => String::new(),
    }
}

/// The date column's width: the widest date the configured format makes (as wide as its
/// heading at least), so none is cut.
fn date_width(app: &App) -> u16 {
    (crate::date_format::widest(app.dates.format) as u16).clamp(4, 40)
}

/// Draws the list with its column headings into `area`.
pub fn draw(app: &App, lib: &LibraryView, f: &mut Frame, area: Rect) {
    if area.height < 2 {
        return;
    }
    let date_w = date_width(app);
    let cols = columns(area.width, date_w);
    let fixed: u16 = cols.iter().map(|c| c.width(date_w) + 1).sum();
    let title_w = area.width.saturating_sub(2 + fixed) as usize;
    let dim = app.theme.dim();
    let mut heading = vec![Span::raw("  ")];
    heading.extend(cell("Title", title_w, &[], dim, dim));
    for c in &cols {
        heading.push(Span::raw(" "));
        heading.extend(cell(c.heading(), c.width(date_w) as usize, &[], dim, dim));
    }
    f.render_widget(
        Paragraph::new(Line::from(heading)),
        Rect { height: 1, ..area },
    );
    let rows = Rect {
        y: area.y + 1,
        height: area.height - 1,
        ..area
    };
    let page = rows.height as usize;
    if lib.rows.is_empty() {
        let msg = match (&lib.scanning, lib.filter.is_empty()) {
            (Some(_), _) => "scanning…",
            (None, false) => "no article matches the filter",
            (None, true) => "no articles here",
        };
        f.render_widget(
            Paragraph::new(Span::styled(format!("  {msg}"), dim)),
            Rect { height: 1, ..rows },
        );
        return;
    }
    // The stored scroll may be stale after a resize; keep the selection in view regardless.
    let top = lib
        .top
        .min(lib.selected)
        .max((lib.selected + 1).saturating_sub(page));
    let mark = app
        .theme
        .search_match(false)
        .add_modifier(Modifier::UNDERLINED);
    for (n, &i) in lib.rows.iter().enumerate().skip(top).take(page) {
        let e = &lib.entries[i];
        let selected = n == lib.selected;
        let base = if selected {
            app.theme.focus()
        } else {
            Style::default()
        };
        let mark = base.patch(mark);
        let hit = lib.hits.get(n);
        let mut spans = vec![Span::styled(if selected { "› " } else { "  " }, base)];
        spans.extend(cell(
            &e.title(),
            title_w,
            hit.map_or(&[], |h| &h.title),
            base,
            mark,
        ));
        for c in &cols {
            spans.push(Span::styled(" ", base));
            let style = if e.meta().is_none() || *c == Column::Date {
                base.patch(dim)
            } else {
                base
            };
            let marks: &[usize] = match (c, hit) {
                (Column::Authors, Some(h)) => &h.authors,
                _ => &[],
            };
            spans.extend(cell(
                &column_text(app, lib, e, *c, date_w),
                c.width(date_w) as usize,
                marks,
                style,
                mark,
            ));
        }
        let y = rows.y + (n - top) as u16;
        f.render_widget(
            Paragraph::new(Line::from(spans)),
            Rect {
                y,
                height: 1,
                ..rows
            },
        );
    }
}
