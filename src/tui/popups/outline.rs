//! The outline: a book's own table of contents, else the headings, Notes and Related,
//! to jump between sections.

use super::frame::{self, Boxed, fit_to, text_line};
use crate::layout::Anchor;
use crate::reading::Reader;
use crate::reading::goto::Goto;
use crate::reading::outline::{current, entries};
use crate::tui::keys::{Action, Context, hints};
use crate::tui::layer::{Cx, Layer, Next};
use crate::tui::theme::Theme;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Modifier;
use ratatui::text::Line;

/// The open outline.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct OutlinePanel {
    /// Selected entry.
    pub selected: usize,
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
        OutlinePanel { selected }
    }

    /// Its rows at `width` columns.
    pub fn lines(&self, r: &Reader, theme: &Theme, width: u16) -> Vec<Line<'static>> {
        let all = entries(r);
        if all.is_empty() {
            return vec![text_line("This article has no headings.", theme.dim())];
        }
        let w = width as usize;
        all.iter()
            .enumerate()
            .map(|(i, e)| {
                let indent = "  ".repeat(e.level.saturating_sub(1).min(5) as usize);
                let row = fit_to(&format!("{indent}{}", e.title), w);
                let style = if i == self.selected {
                    theme.focus().remove_modifier(Modifier::BOLD)
                } else {
                    Default::default()
                };
                text_line(&format!("{row:<w$}"), style)
            })
            .collect()
    }
}

impl Layer for OutlinePanel {
    fn context(&self) -> Context {
        Context::Outline
    }

    fn handle(&mut self, action: Action, cx: &Cx) -> Next {
        let Some(r) = cx.reader else {
            return Next::Close;
        };
        let all = entries(r);
        match action {
            Action::Close => return Next::Close,
            Action::JumpBack => return Next::JumpBack,
            Action::Down => self.selected = frame::step(self.selected, 1, all.len()),
            Action::Up => self.selected = frame::step(self.selected, -1, all.len()),
            Action::Choose => {
                if let Some(e) = all.get(self.selected) {
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

    fn draw(&self, f: &mut Frame, area: Rect, cx: &Cx, parent: Option<Rect>) -> Rect {
        let Some(r) = cx.reader else { return area };
        let hint = cx.keys.show(&hints::OUTLINE);
        let b = Boxed {
            title: "Outline".into(),
            lines: self.lines(r, cx.theme, cx.width),
            scroll: self.selected.saturating_sub(cx.rows.saturating_sub(2)),
            hint,
            origin: None,
            wide: true,
        };
        frame::place(f, area, cx, parent, b)
    }
}
