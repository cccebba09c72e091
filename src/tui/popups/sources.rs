//! The Sources panel: every source the article cites, grouped, counted, filterable.

use super::frame::{self, Boxed, fit_to, text_line};
use crate::reading::Reader;
use crate::reading::goto::Goto;
pub use crate::reading::sources::{Group, groups, matching};
use crate::tui::field::{Field, TYPING_HELP};
use crate::tui::keys::{Action, Context, hints};
use crate::tui::layer::{Cx, Layer, Next};
use crate::tui::theme::Theme;
use ratatui::Frame;
use ratatui::crossterm::event::KeyEvent;
use ratatui::layout::Rect;
use ratatui::style::Modifier;
use ratatui::text::Line;

/// The open panel.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct SourcesPanel {
    /// What the user typed to narrow the list.
    pub filter: Field,
    /// Selected row among the filtered groups.
    pub selected: usize,
}

impl SourcesPanel {
    /// The groups that match the filter (case-insensitive, every word must appear).
    pub fn visible(&self, r: &Reader) -> Vec<Group> {
        matching(r.article(), self.filter.text())
    }

    /// The panel's rows at `width` columns.
    pub fn lines(&self, r: &Reader, theme: &Theme, width: u16) -> Vec<Line<'static>> {
        let w = width as usize;
        let (before, after) = self.filter.split();
        let mut out = vec![text_line(&format!("Filter: {before}▏{after}"), theme.dim())];
        let groups = self.visible(r);
        if groups.is_empty() {
            out.push(text_line(
                if r.article().citations.is_empty() {
                    "This article cites no sources."
                } else {
                    "No source matches."
                },
                theme.dim(),
            ));
        }
        let count_w = groups
            .iter()
            .map(|g| g.citations.len().to_string().len())
            .max()
            .unwrap_or(1);
        for (i, g) in groups.iter().enumerate() {
            let row = fit_to(&format!("{:>count_w$}  {}", g.citations.len(), g.name), w);
            let style = if i == self.selected {
                theme.focus().remove_modifier(Modifier::BOLD)
            } else {
                Default::default()
            };
            out.push(text_line(&format!("{row:<w$}"), style));
        }
        out
    }
}

impl Layer for SourcesPanel {
    fn context(&self) -> Context {
        Context::Sources
    }

    fn handle(&mut self, action: Action, cx: &Cx) -> Next {
        let Some(r) = cx.reader else {
            return Next::Close;
        };
        let groups = self.visible(r);
        match action {
            Action::Close => return Next::Close,
            Action::JumpBack => return Next::JumpBack,
            Action::Down => self.selected = frame::step(self.selected, 1, groups.len()),
            Action::Up => self.selected = frame::step(self.selected, -1, groups.len()),
            Action::Erase => {
                self.filter.erase();
                self.selected = 0;
            }
            Action::Choose => {
                if let Some(g) = groups.get(self.selected) {
                    return Next::Go(Goto::Source {
                        key: g.key.clone(),
                        citation: g.citations[0],
                    });
                }
            }
            _ => {}
        }
        Next::Stay
    }

    fn typed(&mut self, c: char, _cx: &Cx) -> Next {
        self.filter.insert(c);
        self.selected = 0;
        Next::Stay
    }

    fn edit(&mut self, key: &KeyEvent, _cx: &Cx) -> Next {
        if self.filter.edit(key) == Some(true) {
            self.selected = 0;
        }
        Next::Stay
    }

    fn extra_help(&self) -> &'static [(&'static str, &'static str)] {
        TYPING_HELP
    }

    fn draw(&self, f: &mut Frame, area: Rect, cx: &Cx, parent: Option<Rect>) -> Rect {
        let Some(r) = cx.reader else { return area };
        let hint = cx.keys.show(&hints::SOURCES);
        let b = Boxed {
            title: "Sources".into(),
            lines: self.lines(r, cx.theme, cx.width),
            scroll: self.selected.saturating_sub(cx.rows.saturating_sub(2)),
            hint: format!("type to filter · {hint}"),
            origin: None,
            wide: true,
        };
        frame::place(f, area, cx, parent, b)
    }
}
