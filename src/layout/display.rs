//! A part's display text: marks turned into looks, note references into markers, with
//! the map from display offsets back to source offsets.

use super::{Doc, Look, Part, Role, Span, Target, flags, width};
use crate::article::{Article, BlockKind, Dir, Mark, MarkKind};
use std::ops::Range;

/// Superscript digits for numeric footnote labels; `[label]` for others.
pub fn note_marker(label: &str) -> String {
    const SUP: [char; 10] = ['⁰', '¹', '²', '³', '⁴', '⁵', '⁶', '⁷', '⁸', '⁹'];
    if !label.is_empty() && label.len() <= 4 && label.bytes().all(|b| b.is_ascii_digit()) {
        label.bytes().map(|b| SUP[(b - b'0') as usize]).collect()
    } else {
        format!("[{label}]")
    }
}

/// Display text built from a part's source, with the map back to source offsets.
pub(super) struct Display {
    pub(super) text: String,
    /// The direction the source gave the block.
    pub(super) dir: Dir,
    runs: Vec<Run>,
}

/// A stretch of display text: where it came from and how it looks.
#[derive(Clone)]
struct Run {
    disp: Range<usize>,
    src: Range<usize>,
    /// Shown text differs from the source (a note marker): offsets inside don't map 1:1.
    replaced: bool,
    look: Look,
}

impl Display {
    /// Text shown as it is, with one look.
    pub(super) fn plain(text: &str, look: Look) -> Self {
        let mut d = Display {
            text: String::with_capacity(text.len()),
            dir: Dir::Auto,
            runs: Vec::new(),
        };
        d.push(text, 0..text.len(), false, look);
        d
    }

    fn push(&mut self, text: &str, src: Range<usize>, replaced: bool, look: Look) {
        if text.is_empty() {
            return;
        }
        let start = self.text.len();
        self.text.push_str(text);
        self.runs.push(Run {
            disp: start..self.text.len(),
            src,
            replaced,
            look,
        });
    }

    /// The look of the display text at offset `d`.
    pub(super) fn look_at(&self, d: usize) -> Look {
        let i = self.runs.partition_point(|r| r.disp.end <= d);
        self.runs.get(i).map(|r| r.look).unwrap_or_default()
    }

    /// Source offset of a display offset.
    pub(super) fn src_at(&self, d: usize) -> usize {
        let i = self.runs.partition_point(|r| r.disp.end <= d);
        match self.runs.get(i) {
            Some(r) if r.replaced => r.src.start,
            Some(r) => r.src.start + d.saturating_sub(r.disp.start),
            None => self.runs.last().map_or(0, |r| r.src.end),
        }
    }

    /// Columns display range `range` takes on screen. Each span is drawn cluster by
    /// cluster on its own, so a cluster that two looks share (a ZWJ sequence half in code)
    /// is counted as the two pieces the screen shows.
    pub(super) fn width(&self, range: Range<usize>) -> usize {
        if self.within_one_run(&range) {
            return width::of(&self.text[range]);
        }
        let mut spans = Vec::new();
        self.spans(range, &mut spans);
        spans.iter().map(|s| width::of(&s.text)).sum()
    }

    /// The clusters of display range `range` as they are drawn: display offset and
    /// columns of each, cut where the spans are cut.
    pub(super) fn clusters(&self, range: Range<usize>) -> Vec<(usize, usize)> {
        if self.within_one_run(&range) {
            return width::clusters(&self.text[range.clone()])
                .map(|(i, _, w)| (range.start + i, w))
                .collect();
        }
        let mut spans = Vec::new();
        self.spans(range.clone(), &mut spans);
        let mut at = range.start;
        let mut out = Vec::new();
        for s in &spans {
            out.extend(width::clusters(&s.text).map(|(i, _, w)| (at + i, w)));
            at += s.text.len();
        }
        out
    }

    fn within_one_run(&self, range: &Range<usize>) -> bool {
        let i = self.runs.partition_point(|r| r.disp.end <= range.start);
        self.runs.get(i).is_none_or(|r| r.disp.end >= range.end)
    }

    /// Cuts display range `range` into spans along run boundaries.
    pub(super) fn spans(&self, range: Range<usize>, out: &mut Vec<Span>) {
        let first = self.runs.partition_point(|r| r.disp.end <= range.start);
        for r in &self.runs[first..] {
            if r.disp.start >= range.end {
                break;
            }
            let a = r.disp.start.max(range.start);
            let b = r.disp.end.min(range.end);
            if a >= b {
                continue;
            }
            let src = if r.replaced {
                r.src.clone()
            } else {
                r.src.start + (a - r.disp.start)..r.src.start + (b - r.disp.start)
            };
            // A span with text but no source (a caption's or item's mark) stands alone:
            // merged, its text would no longer match its source byte for byte.
            match out.last_mut() {
                Some(last)
                    if last.look == r.look
                        && last.src.end == src.start
                        && !last.src.is_empty()
                        && !r.replaced =>
                {
                    last.text.push_str(&self.text[a..b]);
                    last.src.end = src.end;
                }
                _ => out.push(Span {
                    text: self.text[a..b].to_string(),
                    look: r.look,
                    src,
                }),
            }
        }
    }
}

fn role_of(part: Part, article: &Article) -> Role {
    match part {
        Part::Title => Role::Title,
        Part::Byline => Role::Byline,
        Part::Dateline => Role::Meta,
        Part::Summary => Role::Summary,
        Part::NotesHeading | Part::RelatedHeading => Role::Section,
        Part::Note { .. } => Role::Note,
        Part::Related { .. } => Role::Related,
        Part::Body { i } => match article.blocks.get(i).map(|b| &b.kind) {
            Some(BlockKind::Heading { level }) => Role::Heading(*level),
            Some(BlockKind::Quote) => Role::Quote,
            Some(BlockKind::Code) => Role::Code,
            Some(BlockKind::Rule) => Role::Rule,
            Some(BlockKind::Caption) => Role::Caption,
            _ => Role::Body,
        },
    }
}

/// Builds the display text of a part: marks become looks, note references become markers.
pub(super) fn display(doc: &Doc, part: Part) -> Display {
    display_with(doc, part, true)
}

pub(super) fn display_with(doc: &Doc, part: Part, label: bool) -> Display {
    let a = &doc.article;
    let text = doc.text(part);
    let role = role_of(part, a);
    let block = match part {
        Part::Body { i } => a.blocks.get(i),
        Part::Note { note, block } => a.footnotes.get(note).and_then(|f| f.blocks.get(block)),
        _ => None,
    };
    let mut d = Display {
        text: String::with_capacity(text.len() + 8),
        dir: block.map_or(Dir::Auto, |b| b.dir),
        runs: Vec::new(),
    };
    if let (Part::Note { note, block: 0 }, true) = (part, label) {
        let label = format!("{}. ", a.footnotes[note].label);
        d.push(
            &label,
            0..0,
            true,
            Look {
                role: Role::NoteLabel,
                flags: 0,
                target: Some(Target::Note(note)),
            },
        );
        // A note that opens with a list: its label first, then the item's marker.
        if let Some(BlockKind::ListItem { marker, .. }) = block.map(|b| &b.kind) {
            let look = Look {
                role: Role::ListMarker,
                ..Look::default()
            };
            d.push(&format!("{marker} "), 0..0, true, look);
        }
    }
    let Some(block) = block.filter(|b| !b.marks.is_empty()) else {
        d.push(
            &text,
            0..text.len(),
            false,
            Look {
                role,
                ..Look::default()
            },
        );
        return d;
    };
    let mut cuts: Vec<usize> = vec![0, text.len()];
    for m in &block.marks {
        cuts.push(m.range.start.min(text.len()));
        cuts.push(m.range.end.min(text.len()));
    }
    cuts.sort_unstable();
    cuts.dedup();
    let mut skip_to = 0;
    // The marks covering the current piece, kept up to date as the pieces go by (marks are
    // sorted by start): testing every mark for every piece was quadratic, seconds for a
    // paragraph of thousands of quotations or note references.
    let mut covering: Vec<&Mark> = Vec::new();
    let mut next_mark = 0;
    for w in cuts.windows(2) {
        let (s, e) = (w[0], w[1]);
        while let Some(m) = block.marks.get(next_mark).filter(|m| m.range.start <= s) {
            covering.push(m);
            next_mark += 1;
        }
        // Every mark end is a cut, so a mark still open after `s` runs at least to `e`.
        covering.retain(|m| m.range.end > s);
        if s < skip_to || !text.is_char_boundary(s) || !text.is_char_boundary(e) {
            continue;
        }
        let mut look = Look {
            role,
            ..Look::default()
        };
        let mut marker = None;
        for m in &covering {
            match &m.kind {
                MarkKind::Emphasis => look.flags |= flags::EMPH,
                MarkKind::Strong => look.flags |= flags::STRONG,
                MarkKind::Code => look.flags |= flags::CODE,
                MarkKind::Strike => look.flags |= flags::STRIKE,
                MarkKind::Link { .. } => look.flags |= flags::LINK,
                MarkKind::Quotation => look.flags |= flags::QUOTATION,
                MarkKind::Dateline => look.flags |= flags::DATELINE,
                MarkKind::Work => {}
                MarkKind::Citation { index } => {
                    look.flags |= flags::CITATION;
                    look.target = Some(Target::Citation(*index));
                }
                MarkKind::FootnoteRef { note } => {
                    let f = &a.footnotes[*note];
                    // A partial article has not reached its notes yet.
                    look.flags |= if f.defined || a.partial {
                        flags::NOTE_REF
                    } else {
                        flags::NOTE_MISSING
                    };
                    look.target = Some(Target::Note(*note));
                    marker = Some((note_marker(&f.label), m.range.clone()));
                }
            }
        }
        match marker {
            Some((shown, range)) => {
                d.push(&shown, range.clone(), true, look);
                skip_to = range.end;
            }
            None => d.push(&text[s..e], s..e, false, look),
        }
    }
    d
}
