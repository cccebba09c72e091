//! Help: the keys of the context under it (and the global ones it does not shadow),
//! drawn from the bindings in force, in two columns when the screen is wide enough
//! and scrolling when it is not tall enough.

use crate::layout::{Look, Role};
use crate::tui::keys::{Action, Context, hints};
use crate::tui::layer::{Cx, Layer, Next};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear};

/// The open help screen.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HelpScreen {
    /// Whose keys it shows.
    pub context: Context,
    /// Keys that context reads besides its bindings (digits, letters typed).
    pub extra: &'static [(&'static str, &'static str)],
    /// The first row shown.
    pub scroll: usize,
}

/// One row of help: keys and what they do; a heading has no keys.
type Row = (String, String);

impl HelpScreen {
    /// Help for `context`.
    pub fn new(context: Context, extra: &'static [(&'static str, &'static str)]) -> Self {
        HelpScreen {
            context,
            extra,
            scroll: 0,
        }
    }

    /// Every row: the context's keys, then the global ones under a heading.
    pub fn rows(&self, cx: &Cx) -> Vec<Row> {
        let (own, global) = cx.keys.help_for(self.context);
        let mut rows: Vec<Row> = own
            .into_iter()
            .map(|(k, d)| (k, d.to_string()))
            .chain(
                self.extra
                    .iter()
                    .map(|(k, d)| (k.to_string(), d.to_string())),
            )
            .collect();
        if !global.is_empty() {
            rows.push((String::new(), format!("and {}:", Context::Global.title())));
            rows.extend(global.into_iter().map(|(k, d)| (k, d.to_string())));
        }
        rows
    }

    /// Rows that fit on a screen of `rows` lines of text, in one column.
    fn visible(text_rows: u16) -> usize {
        text_rows.saturating_sub(2) as usize
    }
}

impl Layer for HelpScreen {
    fn context(&self) -> Context {
        Context::Help
    }

    fn handle(&mut self, action: Action, cx: &Cx) -> Next {
        let total = self.rows(cx).len();
        let shown = Self::visible(cx.size.1.saturating_sub(1)).max(1);
        let max = total.saturating_sub(shown);
        let page = shown.saturating_sub(1).max(1);
        if action == Action::Close {
            return Next::Close;
        }
        super::frame::scroll(&mut self.scroll, action, page, max);
        Next::Stay
    }

    fn draw(&self, f: &mut Frame, area: Rect, cx: &Cx, _parent: Option<Rect>) -> Rect {
        let rows = self.rows(cx);
        let key_w = rows
            .iter()
            .map(|(k, _)| k.chars().count())
            .max()
            .unwrap_or(0);
        let desc_w = rows
            .iter()
            .map(|(_, d)| d.chars().count())
            .max()
            .unwrap_or(0);
        let col_w = (key_w + desc_w + 4) as u16;
        let fits = rows.len() + 2 <= area.height as usize;
        // Two columns when one is too tall and two fit side by side.
        let two = !fits && 2 * col_w + 3 <= area.width;
        let per_col = if two {
            rows.len().div_ceil(2)
        } else {
            rows.len()
        };
        let close = cx.keys.show(&hints::HELP_CLOSE);
        let title = match self.context {
            Context::Reader => format!(" Keys — {close} "),
            other => format!(" Keys in {} — {close} ", other.title()),
        };
        let title_w = crate::layout::width::of(&title) as u16 + 2;
        let w = if two { 2 * col_w + 3 } else { col_w + 2 }
            .max(title_w)
            .min(area.width);
        let h = ((per_col + 2) as u16).min(area.height);
        let rect = super::frame::centred(area, w, h);
        let shown = h.saturating_sub(2) as usize;
        let scroll = self.scroll.min(per_col.saturating_sub(shown));
        let key_style = cx.theme.look(Look {
            role: Role::NoteLabel,
            ..Default::default()
        });
        let cell = |row: Option<&Row>| -> Vec<Span<'static>> {
            match row {
                Some((k, d)) if k.is_empty() => vec![Span::styled(format!(" {d}"), cx.theme.dim())],
                Some((k, d)) => vec![
                    Span::styled(format!(" {k:<key_w$}  "), key_style),
                    Span::raw(d.clone()),
                ],
                None => Vec::new(),
            }
        };
        let lines: Vec<Line> = (scroll..(scroll + shown).min(per_col))
            .map(|i| {
                let mut spans = cell(rows.get(i));
                if two {
                    let used: usize = spans.iter().map(|s| s.content.chars().count()).sum();
                    spans.push(Span::raw(
                        " ".repeat((col_w as usize + 1).saturating_sub(used)),
                    ));
                    spans.extend(cell(rows.get(i + per_col)));
                }
                Line::from(spans)
            })
            .collect();
        f.render_widget(Clear, rect);
        let mut block = Block::default()
            .borders(Borders::ALL)
            .border_style(cx.theme.border())
            .title(title);
        if per_col > shown {
            let last = scroll + shown;
            let arrows = match (scroll > 0, last < per_col) {
                (true, true) => "↑↓",
                (true, false) => "↑",
                (false, true) => "↓",
                (false, false) => "",
            };
            let more = cx.keys.show(&hints::HELP_SCROLL);
            block = block.title_bottom(
                Line::from(Span::styled(
                    format!(" {arrows} {}–{last} of {per_col} · {more} ", scroll + 1),
                    cx.theme.dim(),
                ))
                .right_aligned(),
            );
        }
        let inner = block.inner(rect);
        f.render_widget(block, rect);
        crate::tui::cells::put_lines(f.buffer_mut(), inner, &lines);
        rect
    }
}
