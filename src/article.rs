//! The article model every parser produces and every view reads.

use serde::Serialize;
use std::collections::HashMap;
use std::ops::Range;

/// The source format an article was parsed from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Format {
    /// Plain text saved from a web page.
    Text,
    /// Markdown (CommonMark + GFM).
    Markdown,
    /// A saved HTML page.
    Html,
    /// An EPUB book: its spine read in order as one document.
    Epub,
}

/// A parsed article: metadata, body, notes and everything set aside.
#[derive(Debug, Clone, Serialize)]
pub struct Article {
    /// Where it came from.
    pub format: Format,
    /// Name of the character encoding the bytes were decoded from.
    pub encoding: String,
    /// Title, authors, date and the rest of the front matter.
    pub meta: Meta,
    /// The body, in reading order.
    pub blocks: Vec<Block>,
    /// Footnotes in the order they are defined (undefined references appended).
    pub footnotes: Vec<Footnote>,
    /// Every citation found in the body and in the notes.
    pub citations: Vec<Citation>,
    /// The entries of the article's reference list or bibliography: the works its
    /// citations are joined to, not citations themselves.
    pub references: Vec<Citation>,
    /// "See also" / "Related" entries.
    pub related: Vec<Related>,
    /// Lines dropped as site chrome or boilerplate, kept so nothing is lost silently.
    pub removed: Vec<String>,
    /// How a web page's article was found; `None` for formats that need no finding.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub extraction: Option<Extraction>,
    /// Only the beginning was parsed: notes it refers to may be defined further on.
    #[serde(skip)]
    pub partial: bool,
    /// A book's own table of contents (EPUB navigation document or NCX); empty when the
    /// outline is the article's headings.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub outline: Vec<OutlineEntry>,
    /// Places inside the document that a link can jump to: a `Link` mark whose address is
    /// `#name` jumps to `anchors["name"]`.
    #[serde(skip)]
    pub anchors: HashMap<String, Pos>,
}

/// One entry of a book's table of contents.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct OutlineEntry {
    /// What the contents list calls it.
    pub title: String,
    /// Nesting depth, 1 = top.
    pub depth: u8,
    /// Where it starts.
    pub at: Pos,
}

/// How the article on a web page was found.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Extraction {
    /// A container holding the article was found.
    Article,
    /// No container held an article: the page's readable text is shown whole.
    Fallback,
}

/// Front matter of an article.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Meta {
    /// The headline, when one was found.
    pub title: Option<String>,
    /// Authors in byline order.
    pub authors: Vec<String>,
    /// Publication date as written, with its ISO form when it could be resolved.
    pub date: Option<DateInfo>,
    /// Publishing site or outlet.
    pub site: Option<String>,
    /// Standfirst or summary paragraph.
    pub summary: Option<String>,
    /// News dateline (`Hong Kong (AsiaNews) –`), which stays the start of the first paragraph.
    pub dateline: Option<String>,
    /// People credited besides the authors — a translator, an editor — with their part.
    pub contributors: Vec<Contributor>,
    /// The language the document says it is in (`en-GB`).
    pub language: Option<String>,
}

/// Someone credited for a part of the work other than writing it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Contributor {
    /// The name as given.
    pub name: String,
    /// What they did.
    pub role: Credit,
}

/// What a contributor did, from the MARC relator codes books use.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Credit {
    /// `trl`.
    Translator,
    /// `edt`.
    Editor,
    /// `com`.
    Compiler,
    /// `ill`.
    Illustrator,
    /// `aui`, `win`: the introduction.
    Introduction,
    /// `wpr`: the preface.
    Preface,
    /// `aft`: the afterword.
    Afterword,
    /// `ann`: the notes.
    Notes,
}

impl Credit {
    /// The role for a MARC relator code, when it is one a reader is told about.
    pub fn from_code(code: &str) -> Option<Credit> {
        Some(match code.trim().to_ascii_lowercase().as_str() {
            "trl" => Credit::Translator,
            "edt" => Credit::Editor,
            "com" => Credit::Compiler,
            "ill" => Credit::Illustrator,
            "aui" | "win" => Credit::Introduction,
            "wpr" => Credit::Preface,
            "aft" => Credit::Afterword,
            "ann" => Credit::Notes,
            _ => return None,
        })
    }

    /// How a byline says it: "translated by".
    pub fn phrase(self) -> &'static str {
        match self {
            Credit::Translator => "translated by",
            Credit::Editor => "edited by",
            Credit::Compiler => "compiled by",
            Credit::Illustrator => "illustrated by",
            Credit::Introduction => "introduction by",
            Credit::Preface => "preface by",
            Credit::Afterword => "afterword by",
            Credit::Notes => "notes by",
        }
    }
}

/// A date as written in the article plus its resolved calendar date.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DateInfo {
    /// The text exactly as written.
    pub text: String,
    /// `YYYY-MM-DD` when the date could be resolved without guessing.
    pub iso: Option<String>,
}

/// What kind of block a run of text is.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "kebab-case")]
pub enum BlockKind {
    /// An ordinary paragraph.
    Paragraph,
    /// A section heading, level 1 (largest) to 6.
    Heading {
        /// 1..=6.
        level: u8,
    },
    /// A block quotation.
    Quote,
    /// One item of a list; `depth` starts at 0, `marker` is `•`, `1.`, `☐` and so on.
    ListItem {
        /// Nesting depth.
        depth: u8,
        /// The bullet or number shown before the item.
        marker: String,
    },
    /// Preformatted text that is never wrapped.
    Code,
    /// A horizontal rule.
    Rule,
    /// What a figure shows: its caption, or an image's description when it has none.
    Caption,
    /// A table: rows of cells, the first row a header when `header` is set.
    Table {
        /// Cell texts, row by row.
        rows: Vec<Vec<String>>,
        /// Whether the first row is a header row.
        header: bool,
    },
}

impl BlockKind {
    /// Short name used in JSON and tests.
    pub fn name(&self) -> &'static str {
        match self {
            BlockKind::Paragraph => "paragraph",
            BlockKind::Heading { .. } => "heading",
            BlockKind::Quote => "quote",
            BlockKind::ListItem { .. } => "list-item",
            BlockKind::Code => "code",
            BlockKind::Rule => "rule",
            BlockKind::Caption => "caption",
            BlockKind::Table { .. } => "table",
        }
    }
}

/// A block of text with inline marks over byte ranges of `text`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Block {
    /// Paragraph, heading, quote…
    #[serde(flatten)]
    pub kind: BlockKind,
    /// The text, already sanitised (no control characters).
    pub text: String,
    /// Inline marks, sorted by start; ranges may nest but never cross.
    #[serde(skip)]
    pub marks: Vec<Mark>,
    /// The writing direction the source gave the block (HTML `dir`), if any.
    #[serde(skip_serializing_if = "Dir::is_auto")]
    pub dir: Dir,
}

/// A block's writing direction.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Dir {
    /// From the text: its first strong character decides.
    #[default]
    Auto,
    /// Left to right.
    Ltr,
    /// Right to left.
    Rtl,
}

impl Dir {
    /// The direction an HTML `dir` attribute names.
    pub fn from_attr(value: &str) -> Option<Dir> {
        match value.trim().to_ascii_lowercase().as_str() {
            "rtl" => Some(Dir::Rtl),
            "ltr" => Some(Dir::Ltr),
            "auto" => Some(Dir::Auto),
            _ => None,
        }
    }

    /// Whether the text decides.
    pub fn is_auto(&self) -> bool {
        *self == Dir::Auto
    }
}

impl Block {
    /// A block of the given kind with no marks.
    pub fn new(kind: BlockKind, text: impl Into<String>) -> Self {
        Block {
            kind,
            text: text.into(),
            marks: Vec::new(),
            dir: Dir::Auto,
        }
    }

    /// A plain paragraph.
    pub fn paragraph(text: impl Into<String>) -> Self {
        Self::new(BlockKind::Paragraph, text)
    }

    /// Adds a mark, keeping marks sorted by start (then longest first).
    pub fn add_mark(&mut self, range: Range<usize>, kind: MarkKind) {
        let at = self.marks.partition_point(|m| {
            (m.range.start, std::cmp::Reverse(m.range.end))
                <= (range.start, std::cmp::Reverse(range.end))
        });
        self.marks.insert(at, Mark { range, kind });
    }

    /// Whether any mark of a kind matching `pred` overlaps `range`.
    pub fn overlaps(&self, range: &Range<usize>, pred: impl Fn(&MarkKind) -> bool) -> bool {
        self.marks
            .iter()
            .any(|m| pred(&m.kind) && m.range.start < range.end && range.start < m.range.end)
    }
}

/// An inline mark over a byte range of a block's text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mark {
    /// Byte range in the block's text.
    pub range: Range<usize>,
    /// What the range is.
    pub kind: MarkKind,
}

/// What an inline mark means.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum MarkKind {
    /// Emphasis (italic).
    Emphasis,
    /// Strong emphasis (bold).
    Strong,
    /// Inline code.
    Code,
    /// Struck-through text.
    Strike,
    /// A hyperlink to `url`.
    Link {
        /// Target address.
        url: String,
    },
    /// A reference to the footnote at this index of `Article::footnotes`.
    FootnoteRef {
        /// Index into `Article::footnotes`.
        note: usize,
    },
    /// The citation at this index of `Article::citations`.
    Citation {
        /// Index into `Article::citations`.
        index: usize,
    },
    /// Quoted speech or a quoted phrase, “…”.
    Quotation,
    /// The news dateline at the start of the first paragraph.
    Dateline,
    /// A span the page marks up as a cited work (`<cite class="citation">`): read as a
    /// reference by the citation finder, shown as plain text.
    Work,
}

/// Where in the article a piece of text sits.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(tag = "in", rename_all = "lowercase")]
pub enum Place {
    /// Body block `block`.
    Body {
        /// Index into `Article::blocks`.
        block: usize,
    },
    /// Block `block` of footnote `note`.
    Note {
        /// Index into `Article::footnotes`.
        note: usize,
        /// Index into that footnote's blocks.
        block: usize,
    },
}

/// A place plus a byte offset inside that block.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
pub struct Pos {
    /// The block.
    #[serde(flatten)]
    pub place: Place,
    /// Byte offset in the block's text.
    pub offset: usize,
}

/// A footnote (or endnote) with the places that refer to it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Footnote {
    /// The label as written: `1`, `12`, `note-a`.
    pub label: String,
    /// The note's text, possibly several blocks; empty when never defined.
    pub blocks: Vec<Block>,
    /// Every reference to this note, in reading order.
    pub refs: Vec<Pos>,
    /// False when the text refers to a note that is never defined.
    pub defined: bool,
}

impl Footnote {
    /// The note's text, blocks joined by blank lines.
    pub fn text(&self) -> String {
        self.blocks
            .iter()
            .map(|b| b.text.as_str())
            .collect::<Vec<_>>()
            .join("\n\n")
    }
}

/// How a citation attributes its source.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum CitationKind {
    /// News style: `(Xinhua, May 4)`.
    Attribution,
    /// Academic style: `(Ostrom, 1990)`.
    AuthorYear,
    /// A bibliographic reference: author, “title,” journal, volume, year, pages.
    Reference,
}

/// One cited source at one place.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Citation {
    /// Attribution, author-year or reference.
    pub kind: CitationKind,
    /// The citation as written (one `;`-separated part, without parentheses).
    pub text: String,
    /// The source: outlet, author(s) or, for a reference, its author.
    pub source: String,
    /// Date or year, when given.
    pub date: Option<String>,
    /// Page or other locator, when given.
    pub locator: Option<String>,
    /// Title of the cited work, for references.
    pub title: Option<String>,
    /// Where it sits: its block and the byte range in that block's text.
    pub place: Place,
    /// Byte range in the block's text.
    pub range: Range<usize>,
    /// The citation that holds this one's full reference (a note, the work an `Ibid.`
    /// repeats), when the article has one.
    pub full: Option<usize>,
    /// The entry of `Article::references` this citation is joined to.
    pub entry: Option<usize>,
    /// The key of the source group this citation is listed under, once citations are joined
    /// to their references (`Brandvold` and `Helga Brandvold` share one).
    pub group: Option<String>,
}

impl Citation {
    /// Key used to group citations of the same source: the joined group, else the
    /// normalised source name.
    pub fn source_key(&self) -> String {
        self.group
            .clone()
            .unwrap_or_else(|| source_key(&self.source))
    }
}

/// Normalises a source name: drops a bracketed qualifier, case and punctuation.
pub fn source_key(source: &str) -> String {
    let mut out = String::new();
    let mut depth = 0u32;
    for c in source.chars() {
        match c {
            '[' => depth += 1,
            ']' => depth = depth.saturating_sub(1),
            _ if depth > 0 => {}
            c if c.is_alphanumeric() => out.extend(c.to_lowercase()),
            _ => {
                if !out.ends_with(' ') && !out.is_empty() {
                    out.push(' ');
                }
            }
        }
    }
    out.trim_end().to_string()
}

/// A "See also" entry.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Related {
    /// Headline of the related article.
    pub title: String,
    /// Its date as written, when given.
    pub date: Option<String>,
}

impl Article {
    /// An empty article of a format.
    pub fn empty(format: Format) -> Self {
        Article {
            format,
            encoding: "UTF-8".into(),
            meta: Meta::default(),
            blocks: Vec::new(),
            footnotes: Vec::new(),
            citations: Vec::new(),
            references: Vec::new(),
            related: Vec::new(),
            removed: Vec::new(),
            extraction: None,
            partial: false,
            outline: Vec::new(),
            anchors: HashMap::new(),
        }
    }

    /// The block at a place, if it exists.
    pub fn block(&self, place: Place) -> Option<&Block> {
        match place {
            Place::Body { block } => self.blocks.get(block),
            Place::Note { note, block } => self.footnotes.get(note)?.blocks.get(block),
        }
    }

    /// Mutable access to the block at a place.
    pub fn block_mut(&mut self, place: Place) -> Option<&mut Block> {
        match place {
            Place::Body { block } => self.blocks.get_mut(block),
            Place::Note { note, block } => self.footnotes.get_mut(note)?.blocks.get_mut(block),
        }
    }

    /// Every block with its place: body first, then each note's blocks.
    pub fn places(&self) -> Vec<Place> {
        let body = (0..self.blocks.len()).map(|block| Place::Body { block });
        let notes = self.footnotes.iter().enumerate().flat_map(|(note, f)| {
            (0..f.blocks.len()).map(move |block| Place::Note { note, block })
        });
        body.chain(notes).collect()
    }

    /// Number of words in the body (each CJK character counts as a word).
    pub fn words(&self) -> usize {
        self.blocks.iter().map(|b| count_words(&b.text)).sum()
    }
}

/// Counts words: whitespace-separated runs, plus one per CJK character.
pub fn count_words(text: &str) -> usize {
    let bytes = text.as_bytes();
    let mut words = 0;
    let mut after_space = true;
    let mut i = 0;
    // Byte by byte through ASCII, which is most text, counting word starts without a
    // branch on each byte: a library scan counts every word of every article, and the
    // character-by-character version was a tenth of a cold scan.
    while i < bytes.len() {
        let b = bytes[i];
        if b.is_ascii() {
            let space = matches!(b, b' ' | b'\t'..=b'\r');
            words += usize::from(after_space & !space);
            after_space = space;
            i += 1;
            continue;
        }
        let c = text[i..].chars().next().unwrap_or(' ');
        if is_cjk(c) {
            words += 1;
            after_space = true;
        } else {
            let space = c.is_whitespace();
            words += usize::from(after_space & !space);
            after_space = space;
        }
        i += c.len_utf8();
    }
    words
}

/// Whether a character is a CJK ideograph, kana or hangul syllable.
pub fn is_cjk(c: char) -> bool {
    matches!(c as u32,
        0x3040..=0x30FF | 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xAC00..=0xD7AF | 0xF900..=0xFAFF | 0x20000..=0x2FA1F)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn source_key_drops_brackets_case_and_punctuation() {
        assert_eq!(source_key("Apple Daily [Hong Kong]"), "apple daily");
        assert_eq!(source_key("People’s Daily"), "people s daily");
        assert_eq!(source_key("HKO1.com"), "hko1 com");
    }

    #[test]
    fn words_count_cjk_characters() {
        assert_eq!(count_words("two words"), 2);
        assert_eq!(count_words("書法 is art"), 4);
    }

    #[test]
    fn marks_stay_sorted() {
        let mut b = Block::paragraph("abcdefgh");
        b.add_mark(4..6, MarkKind::Strong);
        b.add_mark(0..8, MarkKind::Emphasis);
        b.add_mark(0..2, MarkKind::Code);
        let starts: Vec<_> = b.marks.iter().map(|m| m.range.clone()).collect();
        assert_eq!(starts, vec![0..8, 0..2, 4..6]);
    }
}
