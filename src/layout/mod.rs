//! Typesetting: an article's blocks wrapped at a width into lines of styled spans,
//! and the map both ways between a document `Anchor` and a screen line.
//!
//! Lines are made lazily, one block at a time, when something asks for them, so a
//! 3 MB article costs only the blocks around the viewport, however often it reflows.

mod bidi;
mod display;
mod doc;
pub mod hyphen;
mod lines;
pub mod sidenotes;
#[cfg(test)]
mod tests;
mod typeset;
pub mod width;
mod wrap;

pub use display::note_marker;
pub use doc::{Doc, part_text, parts_of};
pub use lines::{Layout, LinePos};
pub use typeset::note_lines;
pub use wrap::cut_spans;

use serde::{Deserialize, Serialize};
use std::ops::Range;

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
    /// Table borders.
    TableBorder,
    /// A figure's caption (and its marker).
    Caption,
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
    /// A highlight (index into `Reader::highlights`); never on a span.
    Highlight(usize),
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
    /// Kept whole and shown through a window that scrolls sideways (code, tables).
    pub wide: bool,
    /// Part of a right-to-left paragraph, shown aligned right. The spans of any line
    /// with right-to-left text are in visual order, left to right.
    pub rtl: bool,
}

impl Line {
    /// The line's text.
    pub fn text(&self) -> String {
        self.spans.iter().map(|s| s.text.as_str()).collect()
    }

    /// Display width in terminal columns.
    pub fn width(&self) -> usize {
        self.spans.iter().map(|s| width::of(&s.text)).sum()
    }
}

/// Typesetting settings.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Style {
    /// Width of the text column.
    pub width: u16,
    /// Stretch spaces so lines end flush right.
    pub justify: bool,
    /// Break words at their hyphens and at the dictionary's points in the article's
    /// language, with a hyphen.
    pub hyphenate: bool,
    /// The language whose patterns break words; the layout sets it from the article.
    pub lang: Option<hyphenation::Language>,
    /// When notes are also set in the margin beside their references.
    pub sidenotes: sidenotes::Mode,
    /// How the date line shows the article's date (`strftime`).
    pub date_format: &'static str,
}

impl Default for Style {
    fn default() -> Self {
        Style {
            width: 72,
            justify: false,
            hyphenate: false,
            lang: None,
            sidenotes: sidenotes::Mode::Auto,
            date_format: crate::date_format::READER,
        }
    }
}
