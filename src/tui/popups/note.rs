//! The footnote pop-up: a note's text next to its reference, without moving the page.

use super::frame::{self, Boxed, snippet, text_line};
use crate::layout::{Anchor, Part, Target, note_lines};
use crate::reading::Reader;
use crate::reading::goto::Goto;
use crate::tui::keys::{Action, Context, hints};
use crate::tui::layer::Popup;
use crate::tui::layer::{Cx, Layer, Next};
use crate::tui::popups::link::LinkPopup;
use crate::tui::reader::view::{Highlight, to_line};
use crate::tui::theme::Theme;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;

/// An open note pop-up.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NotePopup {
    /// Index into `Article::footnotes`.
    pub note: usize,
    /// The reference it was opened from: (part index, byte offset).
    pub origin: Option<(usize, usize)>,
    /// First line shown.
    pub scroll: usize,
    /// Focused note reference inside this note (index into `inner_refs`).
    pub inner: Option<usize>,
}

impl NotePopup {
    /// A pop-up for `note`, opened from a reference at `origin`.
    pub fn new(note: usize, origin: Option<(usize, usize)>) -> Self {
        NotePopup {
            note,
            origin,
            scroll: 0,
            inner: None,
        }
    }

    /// The title: "Note 1 of 3", or with the label when it is not the number.
    pub fn title(&self, r: &Reader) -> String {
        let notes = &r.article().footnotes;
        let n = notes.len();
        let label = notes.get(self.note).map_or("?", |f| f.label.as_str());
        if label == (self.note + 1).to_string() {
            format!("Note {label} of {n}")
        } else {
            format!("Note [{label}] · {} of {n}", self.note + 1)
        }
    }

    /// Spots (indices into `Reader::spots`) of note references and links inside this note.
    pub fn inner_refs(&self, r: &Reader) -> Vec<usize> {
        r.refs_inside(self.note)
    }

    /// The places that refer to this note, as anchors' (part index, offset).
    pub fn ref_places(&self, r: &Reader) -> Vec<(usize, usize)> {
        r.refs_to(self.note)
    }

    /// The pop-up's text at `width` columns.
    pub fn lines(&self, r: &Reader, theme: &Theme, width: u16) -> Vec<Line<'static>> {
        let Some(note) = r.article().footnotes.get(self.note) else {
            return Vec::new();
        };
        let mut out = Vec::new();
        if !note.defined {
            let why = if r.article().partial {
                format!("Note [{}] is further on; still reading.", note.label)
            } else {
                format!(
                    "The article refers to note [{}] but never gives its text.",
                    note.label
                )
            };
            out.push(text_line(&why, theme.dim()));
        }
        let inner = self.inner_refs(r);
        let focused = self.inner.and_then(|i| inner.get(i)).map(|&s| &r.spots[s]);
        for (block, line) in note_lines(&r.doc, self.note, width) {
            let part = r
                .doc
                .index_of(Part::Note {
                    note: self.note,
                    block,
                })
                .unwrap_or(usize::MAX);
            let hs: Vec<Highlight> = focused
                .filter(|s| s.part == part)
                .map(|s| Highlight {
                    part,
                    range: s.range.clone(),
                    style: theme.focus(),
                })
                .into_iter()
                .collect();
            let refs: Vec<&Highlight> = hs.iter().collect();
            out.push(to_line(&line, None, width as usize, theme, &refs));
        }
        let places = self.ref_places(r);
        if places.len() > 1 {
            out.push(Line::default());
            out.push(text_line(
                &format!(
                    "Referred to {} times — press 1–{} to visit:",
                    places.len(),
                    places.len().min(9)
                ),
                theme.dim(),
            ));
            for (k, (part, offset)) in places.iter().enumerate().take(9) {
                let text = r.doc.text(r.doc.parts[*part]);
                let snip = snippet(&text, *offset, width.saturating_sub(4) as usize);
                out.push(text_line(
                    &frame::fit_to(&format!("{}. {snip}", k + 1), width as usize),
                    theme.dim(),
                ));
            }
        }
        out
    }
}

impl Layer for NotePopup {
    fn context(&self) -> Context {
        Context::Note
    }

    fn handle(&mut self, action: Action, cx: &Cx) -> Next {
        let Some(r) = cx.reader else {
            return Next::Close;
        };
        let rows = cx.rows;
        let total = self.lines(r, cx.theme, cx.width).len();
        let max_scroll = total.saturating_sub(rows);
        let page = rows.saturating_sub(1).max(1);
        let notes = r.article().footnotes.len();
        match action {
            Action::Close => return Next::Close,
            Action::JumpBack => return Next::JumpBack,
            Action::LineDown | Action::LineUp | Action::PageDown | Action::PageUp => {
                super::frame::scroll(&mut self.scroll, action, page, max_scroll);
            }
            Action::NoteNext if self.note + 1 < notes => {
                *self = NotePopup::new(self.note + 1, self.origin)
            }
            Action::NoteNext => return Next::Say("no more notes".into()),
            Action::NotePrev if self.note > 0 => *self = NotePopup::new(self.note - 1, self.origin),
            Action::NotePrev => return Next::Say("this is the first note".into()),
            Action::InnerNext | Action::InnerPrev => {
                let n = self.inner_refs(r).len();
                if n == 0 {
                    return Next::Say("this note refers to no other note and has no links".into());
                }
                self.inner = Some(match (self.inner, action == Action::InnerNext) {
                    (None, true) => 0,
                    (None, false) => n - 1,
                    (Some(i), true) => (i + 1) % n,
                    (Some(i), false) => (i + n - 1) % n,
                });
            }
            Action::NoteGo => return self.go(r),
            _ => {}
        }
        Next::Stay
    }

    fn typed(&mut self, c: char, cx: &Cx) -> Next {
        let (Some(r), Some(k)) = (cx.reader, c.to_digit(10)) else {
            return Next::Stay;
        };
        match (k as usize)
            .checked_sub(1)
            .and_then(|k| self.ref_places(r).get(k).copied())
        {
            Some((part, offset)) => Next::Go(Goto::Reference { part, offset }),
            None => Next::Stay,
        }
    }

    fn extra_help(&self) -> &'static [(&'static str, &'static str)] {
        &[("1–9", "go to a place that refers to the note")]
    }

    fn draw(&self, f: &mut Frame, area: Rect, cx: &Cx, parent: Option<Rect>) -> Rect {
        let Some(r) = cx.reader else { return area };
        let hint = cx.keys.show(&hints::NOTE);
        let b = Boxed {
            title: self.title(r),
            lines: self.lines(r, cx.theme, cx.width),
            scroll: self.scroll,
            hint,
            origin: self.origin,
            wide: false,
        };
        frame::place(f, area, cx, parent, b)
    }
}

impl NotePopup {
    /// Enter: the focused reference or link inside the note, else the note's own text in
    /// the Notes section.
    fn go(&self, r: &crate::reading::Reader) -> Next {
        if let Some(spot) = self.inner.and_then(|i| self.inner_refs(r).get(i).copied()) {
            let url = r.spots[spot].url.clone().unwrap_or_default();
            return match r.spots[spot].target {
                Target::Note(inner) => Next::Push(Popup::Note(NotePopup::new(inner, None))),
                Target::Link => match r.internal_target(&url) {
                    Some(anchor) => Next::Go(Goto::Link(anchor)),
                    None => Next::Push(Popup::Link(LinkPopup { url, origin: None })),
                },
                Target::Citation(_) | Target::Highlight(_) => Next::Stay,
            };
        }
        if !r.article().footnotes[self.note].defined {
            let why = if r.article().partial {
                "still reading the article; try again in a moment"
            } else {
                "this note has no text in the article"
            };
            return Next::Say(why.into());
        }
        Next::Go(Goto::Anchor(Anchor {
            part: Part::Note {
                note: self.note,
                block: 0,
            },
            offset: 0,
        }))
    }
}
