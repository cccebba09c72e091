//! Typesetting: an article's blocks wrapped at a width into lines of styled spans,
//! and the map both ways between a document `Anchor` and a screen line.
//!
//! Lines are made lazily, one block at a time, when something asks for them, so a
//! 3 MB article costs only the blocks around the viewport, however often it reflows.

use crate::article::{Article, BlockKind, Mark, MarkKind, is_cjk};
use crate::dates;
use serde::{Deserialize, Serialize};
use std::borrow::Cow;
use std::cell::{Cell, OnceCell};
use std::ops::Range;
use std::sync::Arc;
use textwrap::WordSeparator;
use textwrap::core::Word;
use textwrap::wrap_algorithms::{Penalties, wrap_first_fit, wrap_optimal_fit};
use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

/// A part of the typeset document: front matter, a body block, a note, a related entry.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(tag = "part", rename_all = "kebab-case")]
pub enum Part {
    /// The headline.
    Title,
    /// "By A and B".
    Byline,
    /// Date and site.
    Dateline,
    /// The standfirst.
    Summary,
    /// Body block `i`.
    Body {
        /// Index into `Article::blocks`.
        i: usize,
    },
    /// The rule and "Notes" heading before the notes.
    NotesHeading,
    /// Block `block` of footnote `note`.
    Note {
        /// Index into `Article::footnotes`.
        note: usize,
        /// Index into that note's blocks.
        block: usize,
    },
    /// The "Related" heading.
    RelatedHeading,
    /// Related entry `i`.
    Related {
        /// Index into `Article::related`.
        i: usize,
    },
}

/// A position in the document that survives reflow: a part and a byte offset in its text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Anchor {
    /// The part of the document.
    #[serde(flatten)]
    pub part: Part,
    /// Byte offset in the part's source text.
    pub offset: usize,
}

/// What a piece of text is, for the view to choose colours and attributes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Hash)]
pub enum Role {
    /// Body text.
    #[default]
    Body,
    /// The headline.
    Title,
    /// The byline.
    Byline,
    /// Date and site line.
    Meta,
    /// The standfirst.
    Summary,
    /// A heading of this level.
    Heading(u8),
    /// A block quotation (and its bar).
    Quote,
    /// Preformatted code.
    Code,
    /// A list bullet or number.
    ListMarker,
    /// A horizontal rule.
    Rule,
    /// "Notes" / "Related" section headings.
    Section,
    /// A note's label in the Notes section.
    NoteLabel,
    /// Text of a note in the Notes section.
    Note,
    /// A related entry.
    Related,
    /// A figure's caption (and its marker).
    Caption,
    /// Table borders.
    TableBorder,
}

/// Inline emphasis flags a span can carry.
pub mod flags {
    /// Italic.
    pub const EMPH: u16 = 1;
    /// Bold.
    pub const STRONG: u16 = 1 << 1;
    /// Inline code.
    pub const CODE: u16 = 1 << 2;
    /// Struck through.
    pub const STRIKE: u16 = 1 << 3;
    /// A link.
    pub const LINK: u16 = 1 << 4;
    /// A citation.
    pub const CITATION: u16 = 1 << 5;
    /// A footnote reference with a definition.
    pub const NOTE_REF: u16 = 1 << 6;
    /// A footnote reference with no definition.
    pub const NOTE_MISSING: u16 = 1 << 7;
    /// Quoted speech.
    pub const QUOTATION: u16 = 1 << 8;
    /// The news dateline.
    pub const DATELINE: u16 = 1 << 9;
}

/// Something a span points at, which the reader can focus and open.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Target {
    /// A footnote (index into `Article::footnotes`).
    Note(usize),
    /// A citation (index into `Article::citations`).
    Citation(usize),
    /// A link (its address is on the focusable spot).
    Link,
}

/// The semantic style of a span.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Hash)]
pub struct Look {
    /// Block-level role.
    pub role: Role,
    /// `flags::*` bits.
    pub flags: u16,
    /// The focusable thing this span belongs to.
    pub target: Option<Target>,
}

/// A run of text on one line with one look.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Span {
    /// Text to show (sanitised).
    pub text: String,
    /// How it looks.
    pub look: Look,
    /// The byte range of the part's source text it shows; empty for decoration.
    pub src: Range<usize>,
}

/// One screen line of a part.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Line {
    /// Spans left to right, starting at column 0 of the text column.
    pub spans: Vec<Span>,
    /// Source byte offset of the first character on the line.
    pub start: usize,
    /// Source byte offset just past the last character on the line.
    pub end: usize,
}

impl Line {
    /// The line's text.
    pub fn text(&self) -> String {
        self.spans.iter().map(|s| s.text.as_str()).collect()
    }

    /// Display width in terminal columns.
    pub fn width(&self) -> usize {
        self.spans.iter().map(|s| s.text.width()).sum()
    }
}

/// Typesetting settings.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Style {
    /// Width of the text column.
    pub width: u16,
    /// Stretch spaces so lines end flush right.
    pub justify: bool,
    /// Break long words at hyphens and, when needed, mid-word with a hyphen.
    pub hyphenate: bool,
}

impl Default for Style {
    fn default() -> Self {
        Style {
            width: 72,
            justify: false,
            hyphenate: false,
        }
    }
}

/// The article as an ordered list of parts, computed once and shared by every layout.
#[derive(Debug)]
pub struct Doc {
    /// The article.
    pub article: Arc<Article>,
    /// Every part in reading order.
    pub parts: Vec<Part>,
    /// Display width (columns) of each part's text, for line-count estimates.
    widths: Vec<usize>,
    /// Running total of source bytes before each part, for positions as fractions.
    starts: Vec<usize>,
    /// Words in the body, for reading time.
    pub words: usize,
}

impl Doc {
    /// Lists the parts of an article.
    pub fn new(article: Arc<Article>) -> Self {
        let a = &article;
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
        let mut doc = Doc {
            parts,
            widths: Vec::new(),
            starts: Vec::new(),
            words: 0,
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

    /// The source text of a part; offsets in anchors and spans index into it.
    pub fn text(&self, part: Part) -> Cow<'_, str> {
        let a = &self.article;
        match part {
            Part::Title => Cow::Borrowed(a.meta.title.as_deref().unwrap_or("")),
            Part::Byline => Cow::Owned(byline(&a.meta)),
            Part::Dateline => {
                let date = a.meta.date.as_ref().map(|d| {
                    d.iso
                        .as_deref()
                        .and_then(dates::readable)
                        .unwrap_or_else(|| d.text.clone())
                });
                let bits: Vec<String> = date.into_iter().chain(a.meta.site.clone()).collect();
                Cow::Owned(bits.join(" · "))
            }
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

/// A screen position: a part (by index) and a line within it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Default)]
pub struct LinePos {
    /// Index into `Doc::parts`.
    pub part: usize,
    /// Line within that part's lines.
    pub line: usize,
}

/// A document typeset at one style; parts are wrapped on first use.
#[derive(Debug)]
pub struct Layout {
    /// What is being laid out.
    pub doc: Arc<Doc>,
    /// At what width and how.
    pub style: Style,
    cache: Vec<OnceCell<Vec<Line>>>,
    /// Lines counted so far minus their estimates, to keep the total estimate honest.
    correction: Cell<isize>,
}

impl Layout {
    /// A layout of `doc` at `style`; costs O(parts), wraps nothing yet.
    pub fn new(doc: Arc<Doc>, style: Style) -> Self {
        let n = doc.parts.len();
        Layout {
            doc,
            style: Style {
                width: style.width.max(1),
                ..style
            },
            cache: (0..n).map(|_| OnceCell::new()).collect(),
            correction: Cell::new(0),
        }
    }

    /// Number of parts.
    pub fn parts(&self) -> usize {
        self.doc.parts.len()
    }

    /// The lines of part `index`, wrapping it if this is the first time.
    pub fn lines(&self, index: usize) -> &[Line] {
        let Some(cell) = self.cache.get(index) else {
            return &[];
        };
        cell.get_or_init(|| {
            let lines = typeset(&self.doc, index, self.style);
            let est = self.estimate(index) as isize;
            self.correction
                .set(self.correction.get() + lines.len() as isize - est);
            lines
        })
    }

    fn estimate(&self, index: usize) -> usize {
        let w = self.style.width.max(1) as usize;
        let cols = self.doc.widths.get(index).copied().unwrap_or(0);
        // Wrapped lines run about 92% full; one more for the space after the block.
        cols.div_ceil((w * 92 / 100).max(1)).max(1) + 1
    }

    /// Estimated number of lines in the whole document (exact once everything is wrapped).
    pub fn total_lines(&self) -> usize {
        let est: usize = (0..self.parts()).map(|i| self.estimate(i)).sum();
        (est as isize + self.correction.get()).max(1) as usize
    }

    /// Lines above `pos`: exact for parts already wrapped, estimated for the rest.
    pub fn lines_before(&self, pos: LinePos) -> usize {
        let above: usize = (0..pos.part.min(self.parts()))
            .map(|i| {
                self.cache[i]
                    .get()
                    .map_or_else(|| self.estimate(i), Vec::len)
            })
            .sum();
        above + pos.line
    }

    /// The line a position names, if it exists.
    pub fn line(&self, pos: LinePos) -> Option<&Line> {
        self.lines(pos.part).get(pos.line)
    }

    /// Moves `pos` by `delta` lines, clamped to the document.
    pub fn step(&self, mut pos: LinePos, mut delta: isize) -> LinePos {
        while delta > 0 {
            let n = self.lines(pos.part).len();
            let room = n.saturating_sub(pos.line + 1) as isize;
            if delta <= room {
                pos.line += delta as usize;
                return pos;
            }
            if pos.part + 1 >= self.parts() {
                pos.line = n.saturating_sub(1);
                return pos;
            }
            delta -= room + 1;
            pos = LinePos {
                part: pos.part + 1,
                line: 0,
            };
        }
        while delta < 0 {
            if (-delta) as usize <= pos.line {
                pos.line -= (-delta) as usize;
                return pos;
            }
            if pos.part == 0 {
                return LinePos::default();
            }
            delta += pos.line as isize + 1;
            let part = pos.part - 1;
            pos = LinePos {
                part,
                line: self.lines(part).len().saturating_sub(1),
            };
        }
        pos
    }

    /// The last position from which `height` lines still fill the screen.
    pub fn last_top(&self, height: usize) -> LinePos {
        let Some(last) = self.parts().checked_sub(1) else {
            return LinePos::default();
        };
        let end = LinePos {
            part: last,
            line: self.lines(last).len().saturating_sub(1),
        };
        self.step(end, -(height.saturating_sub(1) as isize))
    }

    /// The lines from `top` on, at most `height` of them, with their positions.
    pub fn window(&self, top: LinePos, height: usize) -> Vec<(LinePos, &Line)> {
        let mut out = Vec::with_capacity(height);
        let mut pos = top;
        while out.len() < height && pos.part < self.parts() {
            let lines = self.lines(pos.part);
            if let Some(line) = lines.get(pos.line) {
                out.push((pos, line));
                pos.line += 1;
            } else {
                pos = LinePos {
                    part: pos.part + 1,
                    line: 0,
                };
            }
        }
        out
    }

    /// The anchor of the line at `pos`.
    pub fn anchor(&self, pos: LinePos) -> Anchor {
        let part = self.doc.parts.get(pos.part).copied().unwrap_or(Part::Title);
        let offset = self.line(pos).map_or(0, |l| l.start);
        Anchor { part, offset }
    }

    /// The line holding an anchor (the part's first line if the part is gone).
    pub fn locate(&self, anchor: Anchor) -> LinePos {
        let Some(part) = self.doc.index_of(anchor.part) else {
            return LinePos::default();
        };
        let lines = self.lines(part);
        let text = |l: &Line| !l.spans.is_empty();
        let Some(last) = lines
            .iter()
            .rposition(|l| l.start <= anchor.offset && text(l))
        else {
            return LinePos { part, line: 0 };
        };
        // Lines that share a start (a table's, the rule above "Notes") share one anchor:
        // the first of them, or the reader would land below what it was showing.
        let start = lines[last].start;
        let line = lines
            .iter()
            .position(|l| l.start == start && text(l))
            .unwrap_or(last);
        LinePos { part, line }
    }

    /// How far through the document a line is, 0.0 to 1.0.
    pub fn fraction(&self, pos: LinePos) -> f64 {
        let offset = self.line(pos).map_or(0, |l| l.start);
        self.doc.fraction(pos.part, offset)
    }

    /// The line at a fraction of the document.
    pub fn at_fraction(&self, f: f64) -> LinePos {
        let (part, offset) = self.doc.at_fraction(f);
        let lines = self.lines(part);
        let line = lines.iter().rposition(|l| l.start <= offset).unwrap_or(0);
        LinePos { part, line }
    }
}

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
struct Display {
    text: String,
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

    /// Source offset of a display offset.
    fn src_at(&self, d: usize) -> usize {
        let i = self.runs.partition_point(|r| r.disp.end <= d);
        match self.runs.get(i) {
            Some(r) if r.replaced => r.src.start,
            Some(r) => r.src.start + d.saturating_sub(r.disp.start),
            None => self.runs.last().map_or(0, |r| r.src.end),
        }
    }

    /// Cuts display range `range` into spans along run boundaries.
    fn spans(&self, range: Range<usize>, out: &mut Vec<Span>) {
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
            match out.last_mut() {
                Some(last) if last.look == r.look && last.src.end == src.start && !r.replaced => {
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
fn display(doc: &Doc, part: Part) -> Display {
    display_with(doc, part, true)
}

/// A note typeset on its own (for a pop-up): its blocks at `width`, blank lines between,
/// each line with the index of the note block it comes from.
pub fn note_lines(doc: &Doc, note: usize, width: u16) -> Vec<(usize, Line)> {
    let width = width.max(1) as usize;
    let blocks = doc
        .article
        .footnotes
        .get(note)
        .map_or(0, |f| f.blocks.len());
    let mut out = Vec::new();
    for block in 0..blocks {
        if block > 0 {
            out.push((block, Line::default()));
        }
        let d = display_with(doc, Part::Note { note, block }, false);
        let lines = match &doc.article.footnotes[note].blocks[block].kind {
            BlockKind::Code => code_lines(&d),
            BlockKind::Table { rows, header } => table_lines(rows, *header, width),
            _ => wrap(&d, width, 0, None, Style::default()),
        };
        out.extend(lines.into_iter().map(|l| (block, l)));
    }
    out
}

fn display_with(doc: &Doc, part: Part, label: bool) -> Display {
    let a = &doc.article;
    let text = doc.text(part);
    let role = role_of(part, a);
    let mut d = Display {
        text: String::with_capacity(text.len() + 8),
        runs: Vec::new(),
    };
    let block = match part {
        Part::Body { i } => a.blocks.get(i),
        Part::Note { note, block } => a.footnotes.get(note).and_then(|f| f.blocks.get(block)),
        _ => None,
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

/// Wraps one part into lines, with a blank line after it where the design wants space.
fn typeset(doc: &Doc, index: usize, style: Style) -> Vec<Line> {
    let Some(&part) = doc.parts.get(index) else {
        return Vec::new();
    };
    let a = &doc.article;
    let width = style.width.max(1) as usize;
    // A note's blocks are set like the body's: wrapped as prose, code (or a table) would
    // keep its line feeds inside the lines.
    let kind = match part {
        Part::Body { i } => a.blocks.get(i).map(|b| b.kind.clone()),
        Part::Note { note, block } => a
            .footnotes
            .get(note)
            .and_then(|f| f.blocks.get(block))
            .map(|b| b.kind.clone()),
        _ => None,
    };
    let mut lines = match (part, &kind) {
        (Part::NotesHeading, _) => {
            let mut rule = rule_line(width);
            rule.start = 0;
            let mut v = vec![rule, Line::default()];
            v.extend(wrap(&display(doc, part), width, 0, None, style));
            v
        }
        (Part::RelatedHeading, _) => wrap(&display(doc, part), width, 0, None, style),
        (_, Some(BlockKind::Rule)) => vec![rule_line(width)],
        (_, Some(BlockKind::Code)) => code_lines(&display(doc, part)),
        (_, Some(BlockKind::Table { rows, header })) => table_lines(rows, *header, width),
        (_, Some(BlockKind::Quote)) => {
            let bar = Span {
                text: "│ ".into(),
                look: Look {
                    role: Role::Quote,
                    ..Look::default()
                },
                src: 0..0,
            };
            wrap(
                &display(doc, part),
                width,
                2,
                Some((bar.clone(), bar)),
                style,
            )
        }
        (_, Some(BlockKind::Caption)) => {
            let look = Look {
                role: Role::Caption,
                ..Look::default()
            };
            let first = Span {
                text: "▣ ".into(),
                look,
                src: 0..0,
            };
            let rest = Span {
                text: "  ".into(),
                look,
                src: 0..0,
            };
            wrap(&display(doc, part), width, 2, Some((first, rest)), style)
        }
        (_, Some(BlockKind::ListItem { depth, marker })) => {
            let indent = 2 * *depth as usize;
            let first = format!("{}{} ", " ".repeat(indent), marker);
            let hang = first.width();
            let look = Look {
                role: Role::ListMarker,
                ..Look::default()
            };
            let first = Span {
                text: first,
                look,
                src: 0..0,
            };
            let rest = Span {
                text: " ".repeat(hang),
                look,
                src: 0..0,
            };
            wrap(&display(doc, part), width, hang, Some((first, rest)), style)
        }
        (Part::Related { .. }, _) => {
            let look = Look {
                role: Role::ListMarker,
                ..Look::default()
            };
            let first = Span {
                text: "• ".into(),
                look,
                src: 0..0,
            };
            let rest = Span {
                text: "  ".into(),
                look,
                src: 0..0,
            };
            wrap(&display(doc, part), width, 2, Some((first, rest)), style)
        }
        _ => wrap(&display(doc, part), width, 0, None, style),
    };
    let next = doc.parts.get(index + 1).copied();
    let tight = match (part, next) {
        (Part::Title | Part::Byline, Some(Part::Byline | Part::Dateline)) => true,
        (Part::Related { .. } | Part::RelatedHeading, Some(Part::Related { .. })) => true,
        (Part::Body { i }, Some(Part::Body { i: j })) => matches!(
            (&a.blocks[i].kind, &a.blocks[j].kind),
            (BlockKind::ListItem { .. }, BlockKind::ListItem { .. })
        ),
        (_, None) => true,
        _ => false,
    };
    if !tight {
        let end = lines.last().map_or(0, |l| l.end);
        lines.push(Line {
            spans: Vec::new(),
            start: end,
            end,
        });
    }
    if lines.is_empty() {
        lines.push(Line::default());
    }
    lines
}

fn rule_line(width: usize) -> Line {
    let n = width.min(24);
    let pad = (width - n) / 2;
    Line {
        spans: vec![Span {
            text: format!("{}{}", " ".repeat(pad), "─".repeat(n)),
            look: Look {
                role: Role::Rule,
                ..Look::default()
            },
            src: 0..0,
        }],
        start: 0,
        end: 0,
    }
}

fn code_lines(d: &Display) -> Vec<Line> {
    let mut out = Vec::new();
    let mut at = 0;
    for piece in d.text.split('\n') {
        let range = at..at + piece.len();
        let mut spans = Vec::new();
        d.spans(range.clone(), &mut spans);
        out.push(Line {
            spans,
            start: d.src_at(range.start),
            end: d.src_at(range.end),
        });
        at = range.end + 1;
    }
    out
}

fn table_lines(rows: &[Vec<String>], header: bool, width: usize) -> Vec<Line> {
    let cols = rows.iter().map(Vec::len).max().unwrap_or(0);
    if cols == 0 {
        return Vec::new();
    }
    let natural: Vec<usize> = (0..cols)
        .map(|c| {
            rows.iter()
                .filter_map(|r| r.get(c))
                .map(|s| s.width())
                .max()
                .unwrap_or(1)
                .max(1)
        })
        .collect();
    let room = width.saturating_sub(3 * (cols - 1)).max(cols);
    let mut widths = natural.clone();
    while widths.iter().sum::<usize>() > room {
        let (i, _) = widths
            .iter()
            .enumerate()
            .max_by_key(|(_, w)| **w)
            .expect("a column");
        if widths[i] <= 3 {
            break;
        }
        widths[i] -= 1;
    }
    let look = |role| Look {
        role,
        ..Look::default()
    };
    let mut out = Vec::new();
    for (ri, row) in rows.iter().enumerate() {
        let cells: Vec<Vec<String>> = (0..cols)
            .map(|c| {
                let text = row.get(c).map_or("", String::as_str);
                textwrap::wrap(text, textwrap::Options::new(widths[c]).break_words(true))
                    .into_iter()
                    .map(|l| l.into_owned())
                    .collect()
            })
            .collect();
        let height = cells.iter().map(Vec::len).max().unwrap_or(1).max(1);
        for h in 0..height {
            let mut spans = Vec::new();
            for c in 0..cols {
                if c > 0 {
                    spans.push(Span {
                        text: " │ ".into(),
                        look: look(Role::TableBorder),
                        src: 0..0,
                    });
                }
                let t = cells[c].get(h).map_or("", String::as_str);
                let pad = widths[c].saturating_sub(t.width());
                let mut l = Look {
                    role: Role::Body,
                    ..Look::default()
                };
                if header && ri == 0 {
                    l.flags |= flags::STRONG;
                }
                spans.push(Span {
                    text: format!("{t}{}", " ".repeat(pad)),
                    look: l,
                    src: 0..0,
                });
            }
            out.push(Line {
                spans,
                start: 0,
                end: 0,
            });
        }
        if header && ri == 0 {
            let rule = widths
                .iter()
                .map(|w| "─".repeat(*w))
                .collect::<Vec<_>>()
                .join("─┼─");
            out.push(Line {
                spans: vec![Span {
                    text: rule,
                    look: look(Role::TableBorder),
                    src: 0..0,
                }],
                start: 0,
                end: 0,
            });
        }
    }
    out
}

/// Word positions in the display text: (word range, whitespace end, width).
fn words(text: &str, width: usize, hyphenate: bool) -> Vec<Word<'_>> {
    let base = text.as_ptr() as usize;
    let found: Vec<Word> = WordSeparator::UnicodeBreakProperties
        .find_words(text)
        .collect();
    let split: Vec<Word> = if hyphenate {
        textwrap::word_splitters::split_words(found, &textwrap::WordSplitter::HyphenSplitter)
            .collect()
    } else {
        found
    };
    let broken = fit_words(split, width);
    debug_assert!(broken.iter().all(|w| w.word.as_ptr() as usize >= base));
    broken
}

/// Gives every word the width a terminal shows for the whole string and breaks words wider
/// than `width` into pieces that fit.
///
/// textwrap adds up character widths, so an emoji presentation sequence such as `❤️`
/// (heart + U+FE0F, two columns) counts as one and lines overflowed. Pieces are cut only
/// before a character that takes space and not right after a ZWJ, so combining marks,
/// variation selectors and ZWJ sequences stay with the character they belong to.
fn fit_words<'a>(words: Vec<Word<'a>>, width: usize) -> Vec<Word<'a>> {
    let mut out = Vec::with_capacity(words.len());
    for mut w in words {
        w.width = w.word.width();
        if w.width <= width {
            out.push(w);
            continue;
        }
        let text = w.word;
        let mut start = 0;
        let mut cluster = 0;
        let mut used = 0;
        let mut prev = None;
        let cut = |from: usize, to: usize, out: &mut Vec<Word<'a>>| {
            let word = &text[from..to];
            out.push(Word {
                word,
                whitespace: "",
                penalty: "",
                width: word.width(),
            });
        };
        for (i, c) in text.char_indices().chain([(text.len(), ' ')]) {
            let boundary =
                i == text.len() || (c.width().unwrap_or(0) > 0 && prev != Some('\u{200d}'));
            prev = Some(c);
            if !boundary || i == 0 {
                continue;
            }
            // `cluster..i` is one character with its marks.
            let cw = text[cluster..i].width();
            if used + cw > width && cluster > start {
                cut(start, cluster, &mut out);
                start = cluster;
                used = 0;
            }
            used += cw;
            cluster = i;
        }
        if start < text.len() {
            let word = &text[start..];
            out.push(Word {
                word,
                whitespace: w.whitespace,
                penalty: w.penalty,
                width: word.width(),
            });
        }
    }
    out
}

/// Wraps display text into lines `width` wide, the first `indent` columns taken by a prefix.
fn wrap(
    d: &Display,
    width: usize,
    indent: usize,
    prefix: Option<(Span, Span)>,
    style: Style,
) -> Vec<Line> {
    let avail = width.saturating_sub(indent).max(1);
    let text = d.text.as_str();
    let base = text.as_ptr() as usize;
    let ws = words(text, avail, style.hyphenate);
    if ws.is_empty() {
        return vec![Line::default()];
    }
    let widths = [avail as f64];
    // Optimal fit is quadratic-ish on huge paragraphs; first fit is fine there.
    let rows: Vec<&[Word]> = if ws.len() < 4000 {
        wrap_optimal_fit(&ws, &widths, &Penalties::new())
            .unwrap_or_else(|_| wrap_first_fit(&ws, &widths))
    } else {
        wrap_first_fit(&ws, &widths)
    };
    let n = rows.len();
    let mut out = Vec::with_capacity(n);
    for (li, row) in rows.iter().enumerate() {
        let mut spans = Vec::new();
        if let Some((first, rest)) = &prefix {
            spans.push(if li == 0 { first.clone() } else { rest.clone() });
        }
        let start = row.first().map_or(0, |w| w.word.as_ptr() as usize - base);
        let last = row.last().expect("rows are not empty");
        let end = last.word.as_ptr() as usize - base + last.word.len();
        let justify = style.justify && li + 1 < n && row.len() > 1;
        if justify {
            let used: usize = row.iter().map(|w| w.width).sum::<usize>()
                + row[..row.len() - 1]
                    .iter()
                    .map(|w| w.whitespace.width())
                    .sum::<usize>();
            let extra = avail.saturating_sub(used + last.penalty.width());
            let gaps = row.len() - 1;
            for (wi, w) in row.iter().enumerate() {
                let ws = w.word.as_ptr() as usize - base;
                d.spans(ws..ws + w.word.len(), &mut spans);
                if wi < gaps {
                    let ws_start = ws + w.word.len();
                    let pad = extra / gaps + usize::from(wi < extra % gaps);
                    d.spans(ws_start..ws_start + w.whitespace.len(), &mut spans);
                    if let Some(s) = spans.last_mut() {
                        s.text.push_str(&" ".repeat(pad));
                    }
                }
            }
        } else {
            d.spans(start..end, &mut spans);
        }
        if !last.penalty.is_empty() {
            let look = spans.last().map(|s| s.look).unwrap_or_default();
            spans.push(Span {
                text: last.penalty.to_string(),
                look,
                src: 0..0,
            });
        }
        clamp(&mut spans, width);
        out.push(Line {
            spans,
            start: d.src_at(start),
            end: d.src_at(end),
        });
    }
    out
}

/// A line's spans with the first `skip` columns removed and cut to `width` columns;
/// the flag says whether anything was cut on the right.
pub fn cut_spans(spans: &[Span], skip: usize, width: usize) -> (Vec<Span>, bool) {
    let mut out = Vec::new();
    let mut skipped = 0;
    // Everything kept so far, measured as one string: emoji and ZWJ sequences are wider
    // (or narrower) than the sum of their characters.
    let mut kept = String::new();
    let mut kept_width = 0;
    let mut ascii = true;
    let mut cut = false;
    for span in spans {
        let mut text = String::new();
        for c in span.text.chars() {
            if skipped < skip {
                skipped += c.width().unwrap_or(0);
                continue;
            }
            kept.push(c);
            ascii &= c.is_ascii();
            let w = if ascii { kept_width + 1 } else { kept.width() };
            if w > width {
                kept.pop();
                cut = true;
                break;
            }
            kept_width = w;
            text.push(c);
        }
        if !text.is_empty() {
            out.push(Span {
                text,
                look: span.look,
                src: span.src.clone(),
            });
        }
        if cut {
            break;
        }
    }
    (out, cut)
}

/// Cuts spans so the line is never wider than `width` (a safety net for odd glyphs).
fn clamp(spans: &mut Vec<Span>, width: usize) {
    let mut used = 0;
    for i in 0..spans.len() {
        let w = spans[i].text.width();
        if used + w <= width {
            used += w;
            continue;
        }
        // Measured as a growing string, not char by char: `❤` + U+FE0F is two columns.
        let mut cut = String::new();
        for c in spans[i].text.chars() {
            cut.push(c);
            if used + cut.width() > width {
                cut.pop();
                break;
            }
        }
        spans[i].text = cut;
        spans.truncate(i + 1);
        return;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::Format;
    use crate::parse::parse_str;

    fn layout(text: &str, width: u16) -> Layout {
        let doc = Arc::new(Doc::new(Arc::new(parse_str(text, Format::Text))));
        Layout::new(
            doc,
            Style {
                width,
                ..Style::default()
            },
        )
    }

    fn all_lines(l: &Layout) -> Vec<String> {
        (0..l.parts())
            .flat_map(|i| l.lines(i).iter().map(Line::text).collect::<Vec<_>>())
            .collect()
    }

    const SAMPLE: &str = "A headline here\n\nby Ann Lee\n\nThe standfirst is short and sits between byline and body.\n\nLISBON — The first paragraph has a citation (Harbour Daily, May 4) and a note.[1] It goes on for a while so that it wraps over several lines at any narrow width.\n\nSecond paragraph: 書法 and 書道 are written with a brush, 床前明月光，疑是地上霜。 Then more words.\n\n[1] The note text.\n";

    #[test]
    fn no_line_is_wider_than_the_width() {
        for w in [1u16, 5, 12, 20, 33, 60, 72, 120] {
            let l = layout(SAMPLE, w);
            for line in all_lines(&l) {
                assert!(line.width() <= w as usize, "{w}: {line:?}");
            }
        }
    }

    #[test]
    fn note_refs_become_superscripts_and_citations_carry_targets() {
        let l = layout(SAMPLE, 200);
        let body = l.doc.index_of(Part::Body { i: 0 }).unwrap();
        let line = &l.lines(body)[0];
        assert!(line.text().contains("a note.¹ It"), "{}", line.text());
        let cit = line
            .spans
            .iter()
            .find(|s| s.look.flags & flags::CITATION != 0)
            .unwrap();
        assert_eq!(cit.text, "(Harbour Daily, May 4)");
        assert_eq!(cit.look.target, Some(Target::Citation(0)));
        let note = line
            .spans
            .iter()
            .find(|s| s.look.flags & flags::NOTE_REF != 0)
            .unwrap();
        assert_eq!(
            (note.text.as_str(), note.look.target),
            ("¹", Some(Target::Note(0)))
        );
    }

    #[test]
    fn emoji_sequences_are_measured_whole_and_never_split() {
        // ❤️ is two columns though its two chars add up to one; 👨‍👩‍👧 must not be cut at a ZWJ.
        let text = "Title here\n\nby Ann Lee\n\n❤\u{fe0f}❤\u{fe0f}❤\u{fe0f}❤\u{fe0f}❤\u{fe0f}❤\u{fe0f} 👨\u{200d}👩\u{200d}👧👨\u{200d}👩\u{200d}👧 e\u{301}e\u{301}e\u{301}e\u{301}e\u{301}\n";
        for w in [1u16, 2, 3, 5, 7, 10] {
            let l = layout(text, w);
            let lines = all_lines(&l);
            for line in &lines {
                assert!(line.width() <= w as usize, "{w}: {line:?}");
                assert!(
                    !line.starts_with(['\u{fe0f}', '\u{200d}', '\u{301}']),
                    "{w}: split cluster {line:?}"
                );
            }
            if w >= 2 {
                let joined: String = lines.concat();
                assert_eq!(joined.matches("❤\u{fe0f}").count(), 6, "{w}: {lines:?}");
                assert_eq!(
                    joined.matches("👨\u{200d}👩\u{200d}👧").count(),
                    2,
                    "{w}: {lines:?}"
                );
            }
        }
    }

    #[test]
    fn anchors_survive_reflow() {
        let narrow = layout(SAMPLE, 24);
        let wide = layout(SAMPLE, 90);
        let body = narrow.doc.index_of(Part::Body { i: 0 }).unwrap();
        let pos = LinePos {
            part: body,
            line: 3,
        };
        let anchor = narrow.anchor(pos);
        let there = wide.locate(anchor);
        let line = wide.line(there).unwrap();
        assert!(line.start <= anchor.offset && anchor.offset < line.end.max(line.start + 1));
        assert_eq!(narrow.locate(anchor), pos);
    }

    #[test]
    fn stepping_crosses_parts_and_clamps() {
        let l = layout(SAMPLE, 30);
        let total: usize = (0..l.parts()).map(|i| l.lines(i).len()).sum();
        let end = l.step(LinePos::default(), 10_000);
        assert_eq!(l.step(end, -10_000), LinePos::default());
        assert_eq!(l.window(LinePos::default(), 10_000).len(), total);
        assert_eq!(l.total_lines(), total);
    }

    #[test]
    fn justified_lines_fill_the_width() {
        let doc = Arc::new(Doc::new(Arc::new(parse_str(SAMPLE, Format::Text))));
        let l = Layout::new(
            doc,
            Style {
                width: 30,
                justify: true,
                hyphenate: false,
            },
        );
        let body = l.doc.index_of(Part::Body { i: 0 }).unwrap();
        let lines = l.lines(body);
        assert!(lines.len() > 3);
        assert_eq!(lines[0].width(), 30);
    }
}
