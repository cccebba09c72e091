//! `H`: a list of highlights, each its quote, note and place. In the reader the open
//! article's, Enter going there; in the library every article's, Enter opening one at it.

use super::frame::{fit_to, text_line};
use super::marks::list_box;
use crate::layout::Anchor;
use crate::reading::Reader;
use crate::reading::goto::Goto;
use crate::store::State;
use crate::tui::keys::{Action, Context, hints};
use crate::tui::layer::{Cx, Layer, Next};
use crate::tui::library::draw::thousands;
use crate::tui::theme::Theme;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::Line;
use std::path::PathBuf;

/// One highlight as a list shows it, copied out of the reader or the store.
#[derive(Debug, Clone, PartialEq)]
pub struct Found {
    /// The article's title.
    pub title: String,
    /// Where the article was last opened from.
    pub path: PathBuf,
    /// The highlight's id.
    pub id: String,
    /// The passage.
    pub quote: String,
    /// The note; empty for none.
    pub note: String,
    /// How far through the article it is, 0.0 to 1.0.
    pub fraction: f64,
    /// Its text is no longer in the article.
    pub orphaned: bool,
    /// Where it starts in the open article (in the reader only).
    pub start: Option<Anchor>,
}

/// The open list.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct HighlightsPanel {
    /// The highlights, in reading order (by article in the library).
    pub found: Vec<Found>,
    /// Selected row.
    pub selected: usize,
    /// Whether it lists the whole library's.
    pub library: bool,
}

impl HighlightsPanel {
    /// The open article's highlights, the orphaned last.
    pub fn of_reader(r: &Reader) -> Self {
        let title = r.article().meta.title.clone().unwrap_or_else(|| r.name());
        let found = r
            .highlights
            .iter()
            .map(|m| Found {
                title: title.clone(),
                path: r.path.clone(),
                id: m.id.clone(),
                quote: m.quote.clone(),
                note: m.note.clone(),
                fraction: m.fraction,
                orphaned: m.at.is_none(),
                start: m.at.map(|(a, _)| Anchor {
                    part: r.doc.parts[a.part],
                    offset: a.offset,
                }),
            })
            .collect();
        HighlightsPanel {
            found,
            selected: 0,
            library: false,
        }
    }

    /// Every live highlight the store knows, by article title then place.
    pub fn of_state(state: &State) -> Self {
        let mut found: Vec<Found> = state
            .articles
            .values()
            .flat_map(|a| {
                a.live_highlights().into_iter().map(|h| Found {
                    title: a.title.clone(),
                    path: PathBuf::from(&a.path),
                    id: h.id.clone(),
                    quote: h.quote.clone(),
                    note: h.note.clone(),
                    fraction: h.start.fraction,
                    orphaned: false,
                    start: None,
                })
            })
            .collect();
        found.sort_by(|x, y| {
            (&x.title, &x.path)
                .cmp(&(&y.title, &y.path))
                .then(x.fraction.total_cmp(&y.fraction))
        });
        HighlightsPanel {
            found,
            selected: 0,
            library: true,
        }
    }

    /// Whether row `i` is the first of its article (the library's list titles each).
    fn starts_article(&self, i: usize) -> bool {
        self.library
            && (i == 0 || {
                let (a, b) = (&self.found[i - 1], &self.found[i]);
                (&a.title, &a.path) != (&b.title, &b.path)
            })
    }

    /// The line of `lines` the selection is on.
    fn selected_line(&self) -> usize {
        let titles = (0..self.found.len().min(self.selected + 1))
            .filter(|&i| self.starts_article(i))
            .count();
        titles + 2 * self.selected
    }

    /// The rows at `width` columns: a quote over its place and note.
    pub fn lines(&self, theme: &Theme, width: u16, select: &str) -> Vec<Line<'static>> {
        let w = width as usize;
        if self.found.is_empty() {
            return vec![text_line(
                &format!("No highlights yet: in an article, {select} selects a passage."),
                theme.dim(),
            )];
        }
        let mut out = Vec::new();
        for (i, h) in self.found.iter().enumerate() {
            if self.starts_article(i) {
                let title = match h.title.trim() {
                    "" => h.path.display().to_string(),
                    t => t.to_string(),
                };
                out.push(text_line(
                    &fit_to(&title, w),
                    Style::default().add_modifier(Modifier::BOLD),
                ));
            }
            let pad = if self.library { "  " } else { "" };
            let quote = h.quote.split_whitespace().collect::<Vec<_>>().join(" ");
            let style = if i == self.selected {
                theme.focus().remove_modifier(Modifier::BOLD)
            } else {
                Style::default()
            };
            let head = format!("{pad}“{quote}”");
            out.push(text_line(&format!("{:<w$}", fit_to(&head, w)), style));
            let place = match h.orphaned {
                true => "orphaned: no longer in the article".to_string(),
                false => format!("{:.0}%", h.fraction * 100.0),
            };
            let note = match h.note.trim() {
                "" => place,
                n => format!(
                    "{place} · ✎ {}",
                    n.split_whitespace().collect::<Vec<_>>().join(" ")
                ),
            };
            out.push(text_line(
                &fit_to(&format!("{pad}  {note}"), w),
                theme.dim(),
            ));
        }
        out
    }
}

impl Layer for HighlightsPanel {
    fn context(&self) -> Context {
        Context::Highlights
    }

    fn handle(&mut self, action: Action, cx: &Cx) -> Next {
        let len = self.found.len();
        let jump = (cx.page / 3).max(1) as isize;
        let step = |s: usize, d: isize| super::frame::step(s, d, len);
        match action {
            Action::Down => self.selected = step(self.selected, 1),
            Action::Up => self.selected = step(self.selected, -1),
            Action::PageDown => self.selected = step(self.selected, jump),
            Action::PageUp => self.selected = step(self.selected, -jump),
            Action::First => self.selected = 0,
            Action::Last => self.selected = len.saturating_sub(1),
            Action::Close => return Next::Close,
            Action::JumpBack if !self.library => return Next::JumpBack,
            Action::Choose => {
                let Some(h) = self.found.get(self.selected) else {
                    return Next::Stay;
                };
                return match (self.library, h.start) {
                    (true, _) => Next::OpenHighlight(h.clone()),
                    (false, Some(a)) => Next::Go(Goto::Anchor(a)),
                    (false, None) => Next::Say("that passage is no longer in the article".into()),
                };
            }
            _ => {}
        }
        Next::Stay
    }

    fn draw(&self, f: &mut Frame, area: Rect, cx: &Cx, _parent: Option<Rect>) -> Rect {
        let n = self.found.len();
        let keys = cx.keys.show(&hints::HIGHLIGHTS);
        let title = format!(
            " {} highlight{} — {keys} ",
            thousands(n),
            if n == 1 { "" } else { "s" }
        );
        let select = match cx.keys.show(&hints::SELECT) {
            k if k.is_empty() => "the select key".to_string(),
            k => k,
        };
        let lines = |w| self.lines(cx.theme, w, &select);
        list_box(f, area, cx.theme, title, lines, self.selected_line())
    }
}
