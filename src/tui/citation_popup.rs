//! The citation pop-up: who is cited, when, and every other citation of the same source.

use super::popup::{fit_to, snippet, text_line};
use super::reader::Reader;
use super::theme::Theme;
use crate::article::{CitationKind, Place};
use crate::cite::groups::display_name;
use crate::layout::Part;
use ratatui::style::Modifier;
use ratatui::text::{Line, Span};

/// An open citation pop-up.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CitationPopup {
    /// Index into `Article::citations`.
    pub citation: usize,
    /// Where it was opened from: (part index, byte offset).
    pub origin: Option<(usize, usize)>,
    /// Selected row in the list of other citations.
    pub selected: usize,
}

impl CitationPopup {
    /// Other citations of the same source, in reading order.
    pub fn others(&self, r: &Reader) -> Vec<usize> {
        let cits = &r.article().citations;
        let Some(me) = cits.get(self.citation) else {
            return Vec::new();
        };
        let key = me.source_key();
        cits.iter()
            .enumerate()
            .filter(|(i, c)| *i != self.citation && c.source_key() == key)
            .map(|(i, _)| i)
            .collect()
    }

    /// The title line: the source, named as its full reference names it when joined.
    pub fn title(&self, r: &Reader) -> String {
        let a = r.article();
        let Some(c) = a.citations.get(self.citation) else {
            return "Citation".into();
        };
        let full = c
            .full
            .map(|f| &a.citations[f])
            .or_else(|| c.entry.map(|e| &a.references[e]));
        let name = match (full, c.kind) {
            (Some(f), _) => display_name(&f.source),
            (None, CitationKind::Reference) => display_name(&c.source),
            (None, _) => c.source.clone(),
        };
        format!("Source: {name}")
    }

    /// The pop-up's text at `width` columns.
    pub fn lines(&self, r: &Reader, theme: &Theme, width: u16) -> Vec<Line<'static>> {
        let a = r.article();
        let Some(c) = a.citations.get(self.citation) else {
            return Vec::new();
        };
        let w = width as usize;
        let label = theme.dim();
        let field = |name: &str, value: &str| -> Line<'static> {
            Line::from(vec![
                Span::styled(format!("{name:<8}"), label),
                Span::raw(super::reader_view::safe(&fit_to(
                    value,
                    w.saturating_sub(8),
                ))),
            ])
        };
        let mut out = vec![field("Source", &c.source)];
        if let Some(t) = &c.title {
            out.push(field("Title", t));
        }
        let year_only = c.date.as_deref().is_some_and(|d| {
            d.chars().filter(char::is_ascii_digit).count() <= 4 && !d.contains(' ')
        });
        let date_name = if c.kind == CitationKind::Attribution || !year_only {
            "Date"
        } else {
            "Year"
        };
        if let Some(d) = &c.date {
            out.push(field(date_name, d));
        }
        if let Some(l) = &c.locator {
            out.push(field("Pages", l));
        }
        let ibid = c.text.trim_start().to_lowercase().starts_with("ib");
        let kind = match c.kind {
            CitationKind::Attribution => "news attribution",
            CitationKind::AuthorYear => "author–year citation",
            CitationKind::Reference if c.full.is_some() && ibid => "ibid., the work before it",
            CitationKind::Reference if c.full.is_some() => "short note",
            CitationKind::Reference => "bibliographic reference",
        };
        out.push(field("Kind", &format!("{kind}{}", where_is(a, c))));
        self.reference_lines(r, theme, width, &mut out);
        let others = self.others(r);
        out.push(Line::default());
        if others.is_empty() {
            out.push(text_line("Cited only here.", label));
            return out;
        }
        out.push(text_line(
            &format!(
                "Also cited {} more time{}:",
                others.len(),
                if others.len() == 1 { "" } else { "s" }
            ),
            label,
        ));
        for (k, &i) in others.iter().enumerate() {
            let o = &a.citations[i];
            let text = a.block(o.place).map_or("", |b| b.text.as_str());
            let when = o.date.clone().unwrap_or_default();
            let snip = snippet(text, o.range.start, w);
            let row = fit_to(&format!("{when} — {snip}"), w);
            let mut style = ratatui::style::Style::default();
            if k == self.selected {
                style = theme.focus().remove_modifier(Modifier::BOLD);
            }
            out.push(text_line(&row, style));
        }
        out
    }
}

/// Longest full reference shown, in lines; the rest is cut with an ellipsis.
const REFERENCE_LINES: usize = 8;

impl CitationPopup {
    /// The full reference this citation points at (or is), wrapped to the pop-up.
    fn reference_lines(&self, r: &Reader, theme: &Theme, width: u16, out: &mut Vec<Line<'static>>) {
        let a = r.article();
        let Some(c) = a.citations.get(self.citation) else {
            return;
        };
        let (full, label) = match (c.full, c.entry) {
            (Some(f), _) => (&a.citations[f], "Full reference"),
            (None, Some(e)) => (&a.references[e], "Full reference"),
            (None, None) if c.kind == CitationKind::Reference => (c, "Reference"),
            (None, None) => return,
        };
        let at = if std::ptr::eq(full, c) {
            String::new()
        } else {
            where_is(a, full)
        };
        out.push(Line::default());
        out.push(text_line(&format!("{label}{at}:"), theme.dim()));
        let w = (width as usize).max(10);
        let lines = textwrap::wrap(&full.text, w);
        for (k, line) in lines.iter().enumerate().take(REFERENCE_LINES) {
            let cut = k + 1 == REFERENCE_LINES && lines.len() > REFERENCE_LINES;
            let text = if cut {
                fit_to(&format!("{line} …"), w)
            } else {
                line.to_string()
            };
            out.push(text_line(&text, Default::default()));
        }
    }
}

/// `, in note 3`, `, in the reference list` or nothing, for where a citation sits.
fn where_is(a: &crate::article::Article, c: &crate::article::Citation) -> String {
    match c.place {
        Place::Note { note, .. } => format!(", in note {}", a.footnotes[note].label),
        Place::Body { .. } if a.references.iter().any(|r| std::ptr::eq(r, c)) => {
            ", in the reference list".to_string()
        }
        Place::Body { .. } => String::new(),
    }
}

/// The document part a citation sits in.
pub fn part_of(place: Place) -> Part {
    match place {
        Place::Body { block } => Part::Body { i: block },
        Place::Note { note, block } => Part::Note { note, block },
    }
}
