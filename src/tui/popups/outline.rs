//! The outline: a book's own table of contents, else the headings, Notes and Related,
//! to jump between sections; `/` filters a long one by title.

use super::frame::{self, Boxed, fit_to, text_line};
use crate::layout::Anchor;
use crate::reading::Reader;
use crate::reading::goto::Goto;
use crate::reading::outline::{Entry, current, entries};
use crate::reading::sources::words_of;
use crate::tui::field::{Field, TYPING_HELP};
use crate::tui::keys::{Action, Context, hints};
use crate::tui::layer::{Cx, Layer, Next};
use crate::tui::theme::Theme;
use ratatui::Frame;
use ratatui::crossterm::event::KeyEvent;
use ratatui::layout::Rect;
use ratatui::style::Modifier;
use ratatui::text::Line;

/// The open outline.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct OutlinePanel {
    /// Selected row among the entries the filter lets through.
    pub selected: usize,
    /// Titles must hold every word of it.
    pub filter: Field,
    /// Keys go to the filter.
    pub typing: bool,
}

impl OutlinePanel {
    /// An outline with the current section selected.
    pub fn new(r: &Reader) -> Self {
        let all = entries(r);
        let here = current(r);
        let selected = all
            .iter()
            .rposition(|e| Some(e) == here.as_ref())
            .unwrap_or(0);
        OutlinePanel {
            selected,
            ..Default::default()
        }
    }

    /// The entries whose title holds every word of the filter.
    pub fn visible(&self, r: &Reader) -> Vec<Entry> {
        let holds = words_of(self.filter.text());
        entries(r).into_iter().filter(|e| holds(&e.title)).collect()
    }

    /// Its rows at `width` columns: the filter, once there is one, then the entries.
    pub fn lines(&self, r: &Reader, theme: &Theme, width: u16) -> Vec<Line<'static>> {
        let mut out = Vec::new();
        if self.typing || !self.filter.is_empty() {
            let (before, after) = self.filter.split();
            let cursor = if self.typing { "▏" } else { "" };
            out.push(text_line(
                &format!("Filter: {before}{cursor}{after}"),
                theme.dim(),
            ));
        }
        let shown = self.visible(r);
        if shown.is_empty() {
            let why = match out.is_empty() {
                true => "This article has no headings.",
                false => "No heading matches.",
            };
            out.push(text_line(why, theme.dim()));
        }
        let w = width as usize;
        out.extend(shown.iter().enumerate().map(|(i, e)| {
            let indent = "  ".repeat(e.level.saturating_sub(1).min(5) as usize);
            let row = fit_to(&format!("{indent}{}", e.title), w);
            let style = if i == self.selected {
                theme.focus().remove_modifier(Modifier::BOLD)
            } else {
                Default::default()
            };
            text_line(&format!("{row:<w$}"), style)
        }));
        out
    }

    fn refilter(&mut self, filter: Field) {
        if filter.text() != self.filter.text() {
            self.selected = 0;
        }
        self.filter = filter;
    }
}

impl Layer for OutlinePanel {
    fn context(&self) -> Context {
        match self.typing {
            true => Context::OutlineFilter,
            false => Context::Outline,
        }
    }

    fn handle(&mut self, action: Action, cx: &Cx) -> Next {
        let Some(r) = cx.reader else {
            return Next::Close;
        };
        let n = self.visible(r).len();
        let page = cx.rows.saturating_sub(2).max(1) as isize;
        match action {
            Action::Close => return Next::Close,
            Action::JumpBack => return Next::JumpBack,
            Action::Down => self.selected = frame::step(self.selected, 1, n),
            Action::Up => self.selected = frame::step(self.selected, -1, n),
            Action::PageDown => self.selected = frame::step(self.selected, page, n),
            Action::PageUp => self.selected = frame::step(self.selected, -page, n),
            Action::First => self.selected = 0,
            Action::Last => self.selected = n.saturating_sub(1),
            Action::Filter => self.typing = true,
            Action::ClearFilter => {
                self.typing = false;
                self.refilter(Field::default());
            }
            Action::Erase => {
                let mut f = self.filter.clone();
                self.typing = f.erase();
                self.refilter(f);
            }
            Action::Choose => {
                if let Some(e) = self.visible(r).get(self.selected) {
                    return Next::Go(Goto::Section(Anchor {
                        part: r.doc.parts[e.part],
                        offset: e.offset,
                    }));
                }
            }
            _ => {}
        }
        Next::Stay
    }

    fn typed(&mut self, c: char, _cx: &Cx) -> Next {
        if self.typing {
            let mut f = self.filter.clone();
            f.insert(c);
            self.refilter(f);
        }
        Next::Stay
    }

    fn edit(&mut self, key: &KeyEvent, _cx: &Cx) -> Next {
        let mut f = self.filter.clone();
        f.edit(key);
        self.refilter(f);
        Next::Stay
    }

    fn extra_help(&self) -> &'static [(&'static str, &'static str)] {
        match self.typing {
            true => TYPING_HELP,
            false => &[],
        }
    }

    fn draw(&self, f: &mut Frame, area: Rect, cx: &Cx, parent: Option<Rect>) -> Rect {
        let Some(r) = cx.reader else { return area };
        let hint = match self.typing {
            true => cx.keys.show(&hints::OUTLINE_FILTER),
            false => cx.keys.show(&hints::OUTLINE),
        };
        let filter_row = usize::from(self.typing || !self.filter.is_empty());
        let b = Boxed {
            title: "Outline".into(),
            lines: self.lines(r, cx.theme, cx.width),
            // The filter's row scrolls away last: the selected row keeps its place below it.
            scroll: (self.selected + filter_row).saturating_sub(cx.rows.saturating_sub(2)),
            hint,
            origin: None,
            wide: true,
        };
        frame::place(f, area, cx, parent, b)
    }
}
