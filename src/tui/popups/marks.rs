//! `B` in the library: every bookmark in every article, to open an article at one.

use super::frame::{fit_to, text_line};
use crate::store::{Bookmark, State};
use crate::tui::keys::{Action, Context, hints};
use crate::tui::layer::{Cx, Layer, Next};
use crate::tui::library::draw::thousands;
use crate::tui::popups::bookmarks::Row;
use crate::tui::theme::Theme;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::Line;

use std::path::PathBuf;

/// One bookmark with the article it belongs to, copied out of the store.
#[derive(Debug, Clone, PartialEq)]
pub struct Mark {
    /// The article's title when it was last opened.
    pub title: String,
    /// Where the article was last opened from.
    pub path: PathBuf,
    /// The bookmark itself.
    pub bookmark: Bookmark,
}

/// The open list of bookmarks across the library.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct MarksPanel {
    /// Every live bookmark, by article title then place.
    pub marks: Vec<Mark>,
    /// Selected row.
    pub selected: usize,
}

impl MarksPanel {
    /// The panel over every live bookmark the store knows.
    pub fn from_state(state: &State) -> Self {
        let marks = state
            .all_bookmarks()
            .into_iter()
            .map(|(a, b)| Mark {
                title: a.title.clone(),
                path: PathBuf::from(&a.path),
                bookmark: b.clone(),
            })
            .collect();
        MarksPanel { marks, selected: 0 }
    }

    /// Moves the selection by `delta` rows, within the list.
    pub fn step(&mut self, delta: isize) {
        let last = self.marks.len().saturating_sub(1) as isize;
        self.selected = (self.selected as isize + delta).clamp(0, last.max(0)) as usize;
    }

    /// The selected bookmark.
    pub fn current(&self) -> Option<&Mark> {
        self.marks.get(self.selected)
    }

    /// The rows at `width` columns: the article's title over each of its bookmarks.
    pub fn lines(
        &self,
        theme: &Theme,
        width: u16,
        dates: &crate::date_format::Dates,
    ) -> Vec<Line<'static>> {
        let w = width as usize;
        if self.marks.is_empty() {
            return vec![text_line(
                "No bookmarks yet: in an article, m adds one.",
                theme.dim(),
            )];
        }
        let mut out = Vec::new();
        for (i, m) in self.marks.iter().enumerate() {
            if self.starts_article(i) {
                let title = if m.title.trim().is_empty() {
                    m.path.display().to_string()
                } else {
                    m.title.clone()
                };
                out.push(text_line(
                    &fit_to(&title, w),
                    Style::default().add_modifier(Modifier::BOLD),
                ));
            }
            out.extend(Row(&m.bookmark, dates).lines(i == self.selected, 2, theme, w));
        }
        out
    }

    /// Whether bookmark `i` is the first of its article, under the article's title.
    fn starts_article(&self, i: usize) -> bool {
        i == 0 || {
            let (a, b) = (&self.marks[i - 1], &self.marks[i]);
            (&a.title, &a.path) != (&b.title, &b.path)
        }
    }

    /// The row of `lines` the selection is on, to keep it in view: a title line for each
    /// article up to it, two lines for each bookmark before it.
    pub fn selected_line(&self) -> usize {
        let titles = (0..self.marks.len().min(self.selected + 1))
            .filter(|&i| self.starts_article(i))
            .count();
        titles + 2 * self.selected
    }
}

impl Layer for MarksPanel {
    fn context(&self) -> Context {
        Context::Marks
    }

    fn handle(&mut self, action: Action, cx: &Cx) -> Next {
        // Three lines a bookmark, give or take its article's title.
        let jump = (cx.page / 3).max(1) as isize;
        match action {
            Action::Down => self.step(1),
            Action::Up => self.step(-1),
            Action::PageDown => self.step(jump),
            Action::PageUp => self.step(-jump),
            Action::First => self.step(isize::MIN / 2),
            Action::Last => self.step(isize::MAX / 2),
            Action::Choose => {
                if let Some(m) = self.current().cloned() {
                    return Next::OpenAt(m);
                }
            }
            Action::Close => return Next::Close,
            _ => {}
        }
        Next::Stay
    }

    fn draw(&self, f: &mut Frame, area: Rect, cx: &Cx, _parent: Option<Rect>) -> Rect {
        let n = self.marks.len();
        let keys = cx.keys.show(&hints::MARKS);
        let title = format!(
            " {} bookmark{} — {keys} ",
            thousands(n),
            if n == 1 { "" } else { "s" }
        );
        list_box(
            f,
            area,
            cx.theme,
            title,
            |w| self.lines(cx.theme, w, cx.dates),
            self.selected_line(),
        )
    }
}

/// Draws a list across most of the screen's width under `title`, its rows made by
/// `lines` for a width, scrolled so that row `selected` and the one after it show.
pub fn list_box(
    f: &mut Frame,
    area: Rect,
    theme: &Theme,
    title: String,
    lines: impl FnOnce(u16) -> Vec<Line<'static>>,
    selected: usize,
) -> Rect {
    let w = (area.width * 9 / 10).clamp(area.width.min(20), 100);
    let lines = lines(w.saturating_sub(2));
    let h = (lines.len() as u16).saturating_add(2).min(area.height);
    let rect = Rect {
        x: area.x + (area.width - w) / 2,
        y: area.y,
        width: w,
        height: h,
    };
    let rows = h.saturating_sub(2) as usize;
    let top = (selected + 2).min(lines.len()).saturating_sub(rows);
    let lines: Vec<Line> = lines.into_iter().skip(top).take(rows).collect();
    super::frame::titled(f, rect, theme, title, lines);
    rect
}
