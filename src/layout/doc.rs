//! The article as an ordered list of parts, with the text and size of each.

use super::Part;
use crate::article::{Article, is_cjk};
use std::borrow::Cow;
use std::sync::Arc;

/// The article as an ordered list of parts, computed once and shared by every layout.
#[derive(Debug)]
pub struct Doc {
    /// The article.
    pub article: Arc<Article>,
    /// Every part in reading order.
    pub parts: Vec<Part>,
    /// Display width (columns) of each part's text, for line-count estimates.
    pub(super) widths: Vec<usize>,
    /// Running total of source bytes before each part, for positions as fractions.
    starts: Vec<usize>,
    /// Words in the body, for reading time.
    pub words: usize,
    /// The hyphenation language, found the first time a layout hyphenates.
    language: std::sync::OnceLock<Option<hyphenation::Language>>,
    /// How the date line shows the article's date (`strftime`).
    pub date_format: &'static str,
}

impl Doc {
    /// Lists the parts of an article, its date shown in the reader's default format.
    pub fn new(article: Arc<Article>) -> Self {
        Doc::dated(article, crate::date_format::READER)
    }

    /// Lists the parts of an article, its date shown in `date_format`.
    pub fn dated(article: Arc<Article>, date_format: &'static str) -> Self {
        let parts = parts_of(&article);
        let mut doc = Doc {
            parts,
            widths: Vec::new(),
            starts: Vec::new(),
            words: 0,
            language: std::sync::OnceLock::new(),
            date_format,
            article,
        };
        let mut total = 0;
        let (mut starts, mut widths, mut words) = (Vec::new(), Vec::new(), 0);
        for &p in &doc.parts {
            let text = doc.text(p);
            starts.push(total);
            total += text.len() + 1;
            let (cols, w) = measure(&text);
            widths.push(cols);
            if matches!(p, Part::Body { .. }) {
                words += w;
            }
        }
        starts.push(total);
        doc.starts = starts;
        doc.widths = widths;
        doc.words = words;
        doc
    }

    /// The language to hyphenate in: the one the article declares, else the one its body
    /// is written in, when that can be told.
    pub fn language(&self) -> Option<hyphenation::Language> {
        *self.language.get_or_init(|| {
            if let Some(tag) = &self.article.meta.language {
                return super::hyphen::language(tag);
            }
            let mut sample = String::new();
            for b in &self.article.blocks {
                if sample.len() > 4000 {
                    break;
                }
                if matches!(b.kind, crate::article::BlockKind::Paragraph) {
                    sample.push_str(&b.text);
                    sample.push(' ');
                }
            }
            super::hyphen::detect(&sample)
        })
    }

    /// The source text of a part; offsets in anchors and spans index into it.
    pub fn text(&self, part: Part) -> Cow<'_, str> {
        match part {
            Part::Dateline => Cow::Owned(dateline(&self.article, self.date_format)),
            _ => part_text(&self.article, part),
        }
    }

    /// The index of a part in reading order.
    pub fn index_of(&self, part: Part) -> Option<usize> {
        self.parts.iter().position(|&p| p == part)
    }

    /// How far through the document an anchor is, 0.0 to 1.0, by text length.
    pub fn fraction(&self, index: usize, offset: usize) -> f64 {
        let total = *self.starts.last().unwrap_or(&1) as f64;
        if total <= 0.0 {
            return 0.0;
        }
        let at = self.starts.get(index).copied().unwrap_or(0) + offset;
        (at as f64 / total).clamp(0.0, 1.0)
    }

    /// The part index and byte offset at a fraction of the document's length.
    pub fn at_fraction(&self, f: f64) -> (usize, usize) {
        let total = *self.starts.last().unwrap_or(&0);
        let at = (f.clamp(0.0, 1.0) * total as f64) as usize;
        let i = self.starts.partition_point(|&s| s <= at).saturating_sub(1);
        let i = i.min(self.parts.len().saturating_sub(1));
        (
            i,
            at.saturating_sub(self.starts.get(i).copied().unwrap_or(0)),
        )
    }
}

/// Every part of an article in reading order: headline, byline, dateline, standfirst,
/// body, the notes (with their heading) and related entries (with theirs).
pub fn parts_of(a: &Article) -> Vec<Part> {
    let mut parts = Vec::new();
    if a.meta.title.is_some() {
        parts.push(Part::Title);
    }
    if !a.meta.authors.is_empty() || !a.meta.contributors.is_empty() {
        parts.push(Part::Byline);
    }
    if a.meta.date.is_some() || a.meta.site.is_some() {
        parts.push(Part::Dateline);
    }
    if a.meta.summary.is_some() {
        parts.push(Part::Summary);
    }
    parts.extend((0..a.blocks.len()).map(|i| Part::Body { i }));
    if a.footnotes.iter().any(|f| f.defined) {
        parts.push(Part::NotesHeading);
        for (note, f) in a.footnotes.iter().enumerate().filter(|(_, f)| f.defined) {
            parts.extend((0..f.blocks.len()).map(|block| Part::Note { note, block }));
        }
    }
    if !a.related.is_empty() {
        parts.push(Part::RelatedHeading);
        parts.extend((0..a.related.len()).map(|i| Part::Related { i }));
    }
    parts
}

/// The text of one part of an article, as the reader shows it.
pub fn part_text(a: &Article, part: Part) -> Cow<'_, str> {
    match part {
        Part::Title => Cow::Borrowed(a.meta.title.as_deref().unwrap_or("")),
        Part::Byline => Cow::Owned(byline(&a.meta)),
        Part::Dateline => Cow::Owned(dateline(a, crate::date_format::READER)),
        Part::Summary => Cow::Borrowed(a.meta.summary.as_deref().unwrap_or("")),
        Part::Body { i } => Cow::Borrowed(a.blocks.get(i).map_or("", |b| b.text.as_str())),
        Part::NotesHeading => Cow::Borrowed("Notes"),
        Part::Note { note, block } => Cow::Borrowed(
            a.footnotes
                .get(note)
                .and_then(|f| f.blocks.get(block))
                .map_or("", |b| b.text.as_str()),
        ),
        Part::RelatedHeading => Cow::Borrowed("Related"),
        Part::Related { i } => {
            Cow::Owned(a.related.get(i).map_or(String::new(), |r| match &r.date {
                Some(d) => format!("{} — {d}", r.title),
                None => r.title.clone(),
            }))
        }
    }
}

/// The date line: the article's date in `date_format`, then its site.
fn dateline(a: &Article, date_format: &str) -> String {
    let date = a
        .meta
        .date
        .as_ref()
        .map(|d| crate::date_format::article(d.iso.as_deref(), &d.text, date_format));
    let bits: Vec<String> = date.into_iter().chain(a.meta.site.clone()).collect();
    bits.join(" · ")
}

/// Approximate columns and exact words of a text in one cheap pass: only an estimate
/// of the width is needed before a part is wrapped, and full Unicode width lookups on
/// megabytes of text would cost more than the whole first screen.
fn measure(text: &str) -> (usize, usize) {
    let (mut cols, mut words, mut in_word) = (0, 0, false);
    for c in text.chars() {
        if is_cjk(c) {
            cols += 2;
            words += 1;
            in_word = false;
            continue;
        }
        cols += 1;
        if c.is_whitespace() {
            in_word = false;
        } else if !in_word {
            in_word = true;
            words += 1;
        }
    }
    (cols, words)
}

/// "By A and B", then each contributor by their part: "translated by C".
fn byline(meta: &crate::article::Meta) -> String {
    let mut bits = Vec::new();
    if !meta.authors.is_empty() {
        bits.push(format!("By {}", join_names(&meta.authors)));
    }
    for c in &meta.contributors {
        let phrase = c.role.phrase();
        bits.push(if bits.is_empty() {
            format!("{}{} {}", phrase[..1].to_uppercase(), &phrase[1..], c.name)
        } else {
            format!("{phrase} {}", c.name)
        });
    }
    bits.join(" · ")
}

fn join_names(names: &[String]) -> String {
    match names {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
    }
}
