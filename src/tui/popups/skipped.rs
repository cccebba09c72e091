//! `!` in the library: the files it left out, and why.

use crate::tui::keys::{Action, Context, hints};
use crate::tui::layer::{Cx, Layer, Next};
use crate::tui::library::draw::thousands;
use crate::tui::reader::status::fit;
use crate::tui::reader::view::safe;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};

use unicode_width::UnicodeWidthStr;

/// The open list of skipped files.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct SkippedList {
    /// The first row shown.
    pub scroll: usize,
}

impl Layer for SkippedList {
    fn context(&self) -> Context {
        Context::Skipped
    }

    fn handle(&mut self, action: Action, cx: &Cx) -> Next {
        let total = cx.library.map_or(0, |l| l.skipped_all().len());
        let max = total.saturating_sub(cx.page.saturating_sub(2));
        let page = cx.page.saturating_sub(3).max(1);
        if action == Action::Close {
            return Next::Close;
        }
        super::frame::scroll(&mut self.scroll, action, page, max);
        Next::Stay
    }

    fn draw(&self, f: &mut Frame, area: Rect, cx: &Cx, _parent: Option<Rect>) -> Rect {
        let all = cx.library.map(|l| l.skipped_all()).unwrap_or_default();
        let w = (area.width * 9 / 10).max(area.width.min(20));
        let h = ((all.len() + 2) as u16).min(area.height);
        let rect = super::frame::centred(area, w, h);
        let inner = w.saturating_sub(2) as usize;
        let rows = h.saturating_sub(2) as usize;
        let scroll = self.scroll.min(all.len().saturating_sub(rows));
        let lines: Vec<Line> = all
            .iter()
            .skip(scroll)
            .take(rows)
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
        let close = cx.keys.show(&hints::SKIPPED);
        let title = format!(" {} skipped — {close} ", thousands(all.len()));
        super::frame::titled(f, rect, cx.theme, title, lines);
        rect
    }
}
