//! Draws the library screen: header, column headings, the list, the preview pane and the
//! status line. Columns drop one by one as the screen narrows; the title always stays.

use super::app::App;
use super::library_marks::MarksPanel;
use super::library_view::{LibraryView, Root};
use super::reader_view::safe;
use super::status::fit;
use crate::library::entry::{Entry, progress_of};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph};
use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

/// Narrowest screen that gets a preview pane beside the list.
pub const PREVIEW_MIN_WIDTH: u16 = 100;
/// The title column never gets narrower than this to make room for another column.
const TITLE_MIN: u16 = 24;

/// Rows above and below the list: header, column headings, status line.
pub const CHROME_ROWS: u16 = 3;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Column {
    Authors,
    Date,
    Length,
    Progress,
    Marks,
}

impl Column {
    fn width(self) -> u16 {
        match self {
            Column::Authors => 15,
            Column::Date => 10,
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

/// The columns beside the title that fit in `width`, in display order.
fn columns(width: u16) -> Vec<Column> {
    let mut room = width.saturating_sub(2);
    let mut chosen = Vec::new();
    for c in [
        Column::Length,
        Column::Progress,
        Column::Authors,
        Column::Date,
        Column::Marks,
    ] {
        if room < TITLE_MIN + c.width() + 1 {
            break;
        }
        room -= c.width() + 1;
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

/// Draws the library into `area`.
pub fn draw(app: &App, lib: &LibraryView, f: &mut Frame, area: Rect) {
    if lib.search.is_open() {
        super::library_search_draw::draw(app, lib, &lib.search, f, area);
        return;
    }
    let (header, body, status) = regions(area);
    draw_header(app, lib, f, header);
    let (list, pane) = if lib.preview && area.width >= PREVIEW_MIN_WIDTH {
        let w = area.width * 3 / 5;
        (
            Rect { width: w, ..body },
            Some(Rect {
                x: body.x + w,
                width: body.width - w,
                ..body
            }),
        )
    } else {
        (body, None)
    };
    draw_list(app, lib, f, list);
    if let Some(pane) = pane {
        draw_preview(app, lib, f, pane);
    }
    draw_status(app, lib, f, status);
    if lib.show_skipped {
        draw_skipped(app, lib, f, body);
    }
    if let Some(marks) = &lib.marks {
        draw_marks(app, marks, f, body);
    }
}

fn draw_marks(app: &App, marks: &MarksPanel, f: &mut Frame, area: Rect) {
    let w = (area.width * 9 / 10).clamp(area.width.min(20), 100);
    let lines = marks.lines(&app.theme, w.saturating_sub(2));
    let h = (lines.len() as u16).saturating_add(2).min(area.height);
    let rect = Rect {
        x: area.x + (area.width - w) / 2,
        y: area.y,
        width: w,
        height: h,
    };
    let rows = h.saturating_sub(2) as usize;
    // Keep the selected bookmark and its snippet line on screen.
    let top = (marks.selected_line() + 2)
        .min(lines.len())
        .saturating_sub(rows);
    let lines: Vec<Line> = lines.into_iter().skip(top).take(rows).collect();
    f.render_widget(Clear, rect);
    let n = marks.marks.len();
    let title = format!(
        " {} bookmark{} — Enter opens · Esc closes ",
        thousands(n),
        if n == 1 { "" } else { "s" }
    );
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(app.theme.border())
        .title(title);
    f.render_widget(Paragraph::new(lines).block(block), rect);
}

/// The library screen's rows: the header, the body and the status line.
pub fn regions(area: Rect) -> (Rect, Rect, Rect) {
    let header = Rect { height: 1, ..area };
    let status = Rect {
        y: area.bottom() - 1,
        height: 1,
        ..area
    };
    let body = Rect {
        y: area.y + 1,
        height: area.height.saturating_sub(2),
        ..area
    };
    (header, body, status)
}

/// Where the library is, for the header.
pub fn root_name(lib: &LibraryView) -> String {
    match &lib.root {
        Root::Dir(d) => d.display().to_string(),
        Root::Samples => "bundled samples".into(),
    }
}

fn draw_header(app: &App, lib: &LibraryView, f: &mut Frame, area: Rect) {
    header_line(app, f, area, &format!(" Lectern — {}", root_name(lib)), lib);
}

/// A header: `left` in bold, the sort order dim at the right edge.
pub fn header_line(app: &App, f: &mut Frame, area: Rect, left: &str, lib: &LibraryView) {
    let right = format!("sorted by {} ", lib.sort.name());
    let left = fit(
        &safe(left),
        (area.width as usize).saturating_sub(right.width() + 1),
    );
    let pad = (area.width as usize).saturating_sub(left.width() + right.width());
    let line = Line::from(vec![
        Span::styled(left, Style::default().add_modifier(Modifier::BOLD)),
        Span::raw(" ".repeat(pad)),
        Span::styled(right, app.theme.dim()),
    ]);
    f.render_widget(Paragraph::new(line), area);
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

fn column_text(app: &App, lib: &LibraryView, e: &Entry, c: Column) -> String {
    let meta = e.meta();
    let p = progress_of(&lib.progress, &e.path);
    match c {
        Column::Authors => e.authors(),
        Column::Date => meta
            .and_then(|m| m.date_iso.clone().or_else(|| m.date.clone()))
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

fn draw_list(app: &App, lib: &LibraryView, f: &mut Frame, area: Rect) {
    if area.height < 2 {
        return;
    }
    let cols = columns(area.width);
    let fixed: u16 = cols.iter().map(|c| c.width() + 1).sum();
    let title_w = area.width.saturating_sub(2 + fixed) as usize;
    let dim = app.theme.dim();
    let mut heading = vec![Span::raw("  ")];
    heading.extend(cell("Title", title_w, &[], dim, dim));
    for c in &cols {
        heading.push(Span::raw(" "));
        heading.extend(cell(c.heading(), c.width() as usize, &[], dim, dim));
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
                &column_text(app, lib, e, *c),
                c.width() as usize,
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

fn draw_preview(app: &App, lib: &LibraryView, f: &mut Frame, area: Rect) {
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
    let byline: Vec<String> = [Some(e.authors()), m.date.clone(), m.site.clone()]
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

/// `12345` as `12,345`.
pub fn thousands(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

fn draw_status(app: &App, lib: &LibraryView, f: &mut Frame, area: Rect) {
    let width = area.width as usize;
    let skipped = lib.skipped_all().len();
    let listed = lib.entries.len() + lib.skipped.len() - skipped;
    let left = if lib.typing || !lib.filter.is_empty() {
        format!(
            "/{}  {} of {}",
            lib.filter,
            thousands(lib.rows.len()),
            thousands(listed)
        )
    } else if let Some(m) = app.current_message() {
        m.to_string()
    } else {
        let n = lib.rows.len();
        format!("{} article{}", thousands(n), if n == 1 { "" } else { "s" })
    };
    let mut right = Vec::new();
    if let Some((done, total)) = lib.scanning {
        right.push(format!(
            "scanning {} / {}",
            thousands(done),
            thousands(total)
        ));
    }
    if skipped > 0 {
        right.push(format!(
            "{} file{} skipped — press ! for why",
            thousands(skipped),
            if skipped == 1 { "" } else { "s" }
        ));
    }
    right.push("/ filter · F search · S sort · p preview · q quit".into());
    let mut right = right.join(" · ");
    while right.width() + left.width() + 4 > width && right.contains(" · ") {
        right.truncate(right.rfind(" · ").unwrap_or(0));
    }
    let left = fit(&safe(&left), width.saturating_sub(right.width() + 3));
    let pad = width.saturating_sub(left.width() + right.width() + 2);
    let line = Line::from(format!(" {left}{}{right} ", " ".repeat(pad)));
    f.render_widget(Paragraph::new(line).style(app.theme.status()), area);
    if lib.typing {
        let x = area.x + (2 + lib.filter.width()).min(width.saturating_sub(1)) as u16;
        f.set_cursor_position((x, area.y));
    }
}

fn draw_skipped(app: &App, lib: &LibraryView, f: &mut Frame, area: Rect) {
    let all = lib.skipped_all();
    let w = (area.width * 9 / 10).max(area.width.min(20));
    let h = ((all.len() + 2) as u16).min(area.height);
    let rect = Rect {
        x: area.x + (area.width - w) / 2,
        y: area.y + (area.height - h) / 2,
        width: w,
        height: h,
    };
    let inner = w.saturating_sub(2) as usize;
    let lines: Vec<Line> = all
        .iter()
        .map(|(path, why)| {
            let why = format!(" {why}: ");
            let path = fit(
                &safe(&path.display().to_string()),
                inner.saturating_sub(why.width()),
            );
            Line::from(vec![
                Span::styled(why, Style::default().add_modifier(Modifier::BOLD)),
                Span::raw(path),
            ])
        })
        .collect();
    f.render_widget(Clear, rect);
    let title = format!(" {} skipped — Esc to close ", thousands(all.len()));
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(app.theme.border())
        .title(title);
    f.render_widget(Paragraph::new(lines).block(block), rect);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::library::entry::{Meta, Packed, Preview, Progress, ProgressMap, State};
    use crate::tui::library_view::Root;
    use crate::tui::theme::Theme;
    use ratatui::Terminal;
    use ratatui::backend::TestBackend;
    use ratatui::buffer::Buffer;
    use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
    use ratatui::style::Color;

    fn entry(path: &str, title: &str, authors: &[&str], date: &str, words: usize) -> Entry {
        Entry {
            path: path.into(),
            size: 1,
            mtime: 1,
            state: State::Ready(std::sync::Arc::new(Meta {
                title: Some(title.into()),
                authors: authors.iter().map(|a| a.to_string()).collect(),
                date: Some(date.into()),
                date_iso: Some(date.into()),
                site: Some("The Harbour Gazette".into()),
                words,
                preview: Packed::pack(&Preview {
                    summary: Some("A season on the water, told by the people who work it.".into()),
                    sources: vec!["Port Authority".into(), "Ostrom".into()],
                    first_lines: vec![
                        "The ice went out of the harbour on a Tuesday, three weeks early.".into(),
                    ],
                }),
            })),
        }
    }

    fn app(size: (u16, u16)) -> App {
        let mut progress = ProgressMap::new();
        progress.insert(
            "b.txt".into(),
            Progress {
                percent: 40,
                last_read: Some(5),
                bookmarks: 2,
                ..Progress::default()
            },
        );
        progress.insert(
            "c.md".into(),
            Progress {
                percent: 100,
                finished: true,
                last_read: Some(1),
                ..Progress::default()
            },
        );
        let mut lib = LibraryView::new(Root::Samples, None, progress);
        lib.set_entries(
            vec![
                entry(
                    "a.txt",
                    "Harbour thaw: the ice goes out",
                    &["Ana Ruiz"],
                    "2024-03-02",
                    1800,
                ),
                entry(
                    "b.txt",
                    "The long river",
                    &["Elena Marchetti", "Tom Niet"],
                    "2017-10-09",
                    5200,
                ),
                entry(
                    "c.md",
                    "Night trains of Europe",
                    &["Li Wei"],
                    "2021-11-30",
                    960,
                ),
                Entry {
                    path: "d.html".into(),
                    size: 1,
                    mtime: 1,
                    state: State::Pending,
                },
                Entry {
                    path: "e.txt".into(),
                    size: 1,
                    mtime: 1,
                    state: State::Failed("binary".into()),
                },
            ],
            Vec::new(),
        );
        let mut app = App::with_library(lib, size);
        app.theme = Theme {
            mono: false,
            light: false,
        };
        app
    }

    fn render(app: &App) -> Buffer {
        let mut term = Terminal::new(TestBackend::new(app.size.0, app.size.1)).unwrap();
        term.draw(|f| crate::tui::draw::draw(app, f)).unwrap();
        term.backend().buffer().clone()
    }

    fn typed(app: &mut App, text: &str) {
        for c in text.chars() {
            app.key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE));
        }
    }

    fn row_of(buf: &Buffer, needle: &str) -> u16 {
        (0..buf.area.height)
            .find(|&y| {
                (0..buf.area.width)
                    .map(|x| buf[(x, y)].symbol())
                    .collect::<String>()
                    .contains(needle)
            })
            .unwrap_or_else(|| panic!("{needle} not on screen"))
    }

    #[test]
    fn wide_screen_with_preview() {
        let app = app((120, 30));
        let buf = render(&app);
        insta::assert_snapshot!(buf_lines(&buf).join("\n"));
        // The last-read article is selected and drawn reversed.
        let y = row_of(&buf, "› The long river");
        assert!(buf[(4, y)].modifier.contains(Modifier::REVERSED));
        assert!(
            !buf[(4, row_of(&buf, "Night trains"))]
                .modifier
                .contains(Modifier::REVERSED)
        );
    }

    #[test]
    fn narrow_screen_while_filtering() {
        let mut app = app((60, 20));
        typed(&mut app, "/night");
        let buf = render(&app);
        insta::assert_snapshot!(buf_lines(&buf).join("\n"));
        let y = row_of(&buf, "Night trains");
        // "Night" matched: those cells are highlighted, the rest of the title is not.
        for x in 2..7 {
            assert_eq!(buf[(x, y)].bg, Color::Yellow, "column {x}");
        }
        assert_ne!(buf[(8, y)].bg, Color::Yellow);
    }

    #[test]
    fn bookmarks_across_the_library() {
        use crate::layout::{Anchor, Part};
        use crate::store::{Bookmark, Spot};
        use crate::tui::library_marks::{Mark, MarksPanel};
        let mut app = app((80, 16));
        let mark = |title: &str, label: &str, fraction: f64| Mark {
            title: title.into(),
            path: format!("{title}.txt").into(),
            bookmark: Bookmark {
                id: label.into(),
                label: label.into(),
                created: 1_700_000_000_000,
                updated: 1_700_000_000_000,
                deleted: false,
                at: Spot {
                    anchor: Anchor {
                        part: Part::Body { i: 3 },
                        offset: 0,
                    },
                    snippet: "The ice went out of the harbour on a Tuesday.".into(),
                    fraction,
                },
            },
        };
        let mut panel = MarksPanel {
            marks: vec![
                mark("Harbour", "ice out", 0.1),
                mark("Harbour", "the vote", 0.62),
                mark("River", "delta", 0.9),
            ],
            selected: 0,
        };
        panel.step(1);
        app.library.as_mut().unwrap().marks = Some(panel);
        let buf = render(&app);
        insta::assert_snapshot!(buf_lines(&buf).join("\n"));
        let y = row_of(&buf, "the vote · 62%");
        assert!(
            buf[(10, y)].modifier.contains(Modifier::REVERSED),
            "selected"
        );
        assert!(
            !buf[(10, row_of(&buf, "ice out · 10%"))]
                .modifier
                .contains(Modifier::REVERSED)
        );
    }

    #[test]
    fn skipped_files_are_counted_and_listed() {
        let mut app = app((100, 20));
        let buf = render(&app);
        assert!(row_of(&buf, "1 file skipped — press ! for why") == 19);
        typed(&mut app, "!");
        let buf = render(&app);
        row_of(&buf, "binary: e.txt");
    }

    #[test]
    fn columns_drop_as_the_screen_narrows() {
        assert_eq!(columns(120).len(), 5);
        assert_eq!(
            columns(60),
            [Column::Authors, Column::Length, Column::Progress]
        );
        assert!(columns(30).is_empty());
        assert_eq!(thousands(10_000), "10,000");
        assert_eq!(thousands(999), "999");
    }

    fn buf_lines(buf: &Buffer) -> Vec<String> {
        (0..buf.area.height)
            .map(|y| {
                let mut line = String::new();
                let mut skip = 0;
                for x in 0..buf.area.width {
                    if skip > 0 {
                        skip -= 1;
                        continue;
                    }
                    let s = buf[(x, y)].symbol();
                    skip = s.width().saturating_sub(1);
                    line.push_str(s);
                }
                line
            })
            .collect()
    }
}
