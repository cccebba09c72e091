//! Draws the library screen: header, column headings, the list, the preview pane and the
//! status line. Columns drop one by one as the screen narrows; the title always stays.

use crate::tui::app::App;
use crate::tui::keys::hints;
use crate::tui::library::{LibraryView, Root};
use crate::tui::reader::status::fit;
use crate::tui::reader::view::safe;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use unicode_width::UnicodeWidthStr;

/// Narrowest screen that gets a preview pane beside the list.
pub const PREVIEW_MIN_WIDTH: u16 = 100;
/// Rows above and below the list: header, column headings, status line.
pub const CHROME_ROWS: u16 = 3;

/// Draws the library into `area`: its search screen instead while that is up.
pub fn draw(app: &App, lib: &LibraryView, f: &mut Frame, area: Rect) {
    if lib.search.is_open() {
        super::search_draw::draw(app, lib, &lib.search, f, area);
        return;
    }
    let (header, body, status) = regions(area);
    header_line(
        app,
        f,
        header,
        &format!(" Lectern — {}", root_name(lib)),
        lib,
    );
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
    super::list::draw(app, lib, f, list);
    if let Some(pane) = pane {
        super::preview::draw(app, lib, f, pane);
    }
    draw_status(app, lib, f, status);
}

/// The screen's header, body and status line.
pub fn regions(area: Rect) -> (Rect, Rect, Rect) {
    let header = Rect { height: 1, ..area };
    let status = Rect {
        y: area.bottom() - 1,
        height: 1,
        ..area
    };
    (header, body(area), status)
}

/// Where the library's list and preview go, and its layers over them: all but the
/// header and the status line.
pub fn body(area: Rect) -> Rect {
    Rect {
        y: area.y + 1,
        height: area.height.saturating_sub(2),
        ..area
    }
}

/// Where the library is, for the header.
pub fn root_name(lib: &LibraryView) -> String {
    match &lib.root {
        Root::Dir(d) => d.display().to_string(),
        Root::Samples => "bundled samples".into(),
    }
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
            lib.filter.text(),
            thousands(lib.rows.len()),
            thousands(listed)
        )
    } else if let Some(m) = app.current_message() {
        m.to_string()
    } else {
        let n = lib.count();
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
    let keys = &app.keymap;
    if skipped > 0 {
        let why = match keys.show(&hints::WHY_SKIPPED) {
            w if w.is_empty() => w,
            w => format!(" — {w}"),
        };
        right.push(format!(
            "{} file{} skipped{why}",
            thousands(skipped),
            if skipped == 1 { "" } else { "s" }
        ));
    }
    right.push(keys.show(&hints::LIBRARY));
    let mut right = right.join(" · ");
    while right.width() + left.width() + 4 > width && right.contains(" · ") {
        right.truncate(right.rfind(" · ").unwrap_or(0));
    }
    let left = fit(&safe(&left), width.saturating_sub(right.width() + 3));
    let pad = width.saturating_sub(left.width() + right.width() + 2);
    let line = Line::from(format!(" {left}{}{right} ", " ".repeat(pad)));
    f.render_widget(Paragraph::new(line).style(app.theme.status()), area);
    if lib.typing {
        let x = area.x + (2 + lib.filter.cursor_column()).min(width.saturating_sub(1)) as u16;
        f.set_cursor_position((x, area.y));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::library::entry::{Entry, Meta, Packed, Preview, Progress, ProgressMap, State};
    use crate::tui::library::Root;
    use crate::tui::library::list::{Column, columns};
    use crate::tui::theme::Theme;
    use ratatui::Terminal;
    use ratatui::backend::TestBackend;
    use ratatui::buffer::Buffer;
    use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

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
        let mark = app.theme.search_match(false).bg;
        for x in 2..7 {
            assert_eq!(Some(buf[(x, y)].bg), mark, "column {x}");
        }
        assert_ne!(Some(buf[(8, y)].bg), mark);
    }

    #[test]
    fn bookmarks_across_the_library() {
        use crate::layout::{Anchor, Part};
        use crate::store::{Bookmark, Spot};
        use crate::tui::popups::marks::{Mark, MarksPanel};
        let mut app = app((80, 16));
        // Times are local; the snapshot is taken in one zone so it reads the same anywhere.
        app.dates.zone = Some(jiff::tz::TimeZone::UTC);
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
        app.popups.push(crate::tui::layer::Popup::Marks(panel));
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
    fn dates_take_the_configured_format_and_are_never_cut() {
        let mut app = app((220, 12));
        app.dates.format = "%A %-d %B %Y";
        let screen = buf_lines(&render(&app)).join("\n");
        for date in ["Saturday 2 March 2024", "Monday 9 October 2017"] {
            assert!(screen.contains(date), "{date}:\n{screen}");
        }
        app.dates.format = crate::date_format::LIST;
        let screen = buf_lines(&render(&app)).join("\n");
        assert!(screen.contains("2024-03-02 8 min"), "{screen}");
    }

    #[test]
    fn columns_drop_as_the_screen_narrows() {
        assert_eq!(columns(120, 10).len(), 5);
        assert_eq!(
            columns(60, 10),
            [Column::Authors, Column::Length, Column::Progress]
        );
        assert!(columns(30, 10).is_empty());
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
