//! Focusable things in the text — footnote references and citations — and moving
//! focus between them the way the reader expects: from what is on screen.

use crate::article::{MarkKind, Place};
use crate::layout::{Doc, Part, Target};
use std::ops::Range;

/// One focusable occurrence: where it sits and what it points at.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Spot {
    /// Index of the part in `Doc::parts`.
    pub part: usize,
    /// Byte range of the mark in the part's text.
    pub range: Range<usize>,
    /// The note, citation or link.
    pub target: Target,
    /// A link's address.
    pub url: Option<String>,
}

/// Which kind of target a move looks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// Footnote references only.
    Notes,
    /// Citations only.
    Citations,
    /// Either.
    Any,
}

impl Kind {
    /// Whether a target is of this kind.
    pub fn matches(self, t: Target) -> bool {
        matches!(
            (self, t),
            (Kind::Any, _)
                | (Kind::Notes, Target::Note(_))
                | (Kind::Citations, Target::Citation(_))
        )
    }

    /// The status message when there is nothing further.
    pub fn none_left(self) -> &'static str {
        match self {
            Kind::Notes => "no more footnotes",
            Kind::Citations => "no more citations",
            Kind::Any => "no more notes or citations",
        }
    }
}

/// Every focusable spot in reading order.
pub fn spots(doc: &Doc) -> Vec<Spot> {
    let mut out = Vec::new();
    for (i, &part) in doc.parts.iter().enumerate() {
        let place = match part {
            Part::Body { i } => Place::Body { block: i },
            Part::Note { note, block } => Place::Note { note, block },
            _ => continue,
        };
        let Some(block) = doc.article.block(place) else {
            continue;
        };
        for m in &block.marks {
            let (target, url) = match &m.kind {
                MarkKind::FootnoteRef { note } => (Target::Note(*note), None),
                MarkKind::Citation { index } => (Target::Citation(*index), None),
                MarkKind::Link { url } => (Target::Link, Some(url.clone())),
                _ => continue,
            };
            out.push(Spot {
                part: i,
                range: m.range.clone(),
                target,
                url,
            });
        }
    }
    out
}
