//! Format parsers and the passes every parser's output goes through.

mod build;
pub mod byline;
mod endnotes;
pub mod epub;
pub mod frontmatter;
pub mod gutenberg;
pub mod html;
pub mod markdown;
pub mod notes;
mod rst;
pub mod sniff;
pub mod stream;
pub mod text;

pub use stream::Deferred;

use crate::article::{Article, Format, MarkKind};
use crate::decode::{self, DecodeError};
use crate::{cite, dates};
use std::io::Read;
use std::ops::Range;
use std::path::Path;

/// Why a file could not be opened as an article.
#[derive(Debug, thiserror::Error)]
pub enum LoadError {
    /// The path does not exist.
    #[error("{0}: no such file")]
    NotFound(String),
    /// A directory where a file was expected.
    #[error("{0}: is a directory, not an article")]
    IsDir(String),
    /// A FIFO, socket or device: reading one can block forever or never end.
    #[error("{0}: not a regular file")]
    NotRegular(String),
    /// The file exists but could not be read.
    #[error("{0}: cannot read: {why}", why = crate::errors::words(.1))]
    Unreadable(String, std::io::Error),
    /// Too big to be an article.
    #[error("{0}: too large to open ({1} MB; the limit is {2} MB)")]
    TooLarge(String, u64, u64),
    /// A stream longer than the limit (its length is not known).
    #[error("{0}: too large to open (more than the limit of {1} MB)")]
    TooLargeStream(String, u64),
    /// A terminal where an article was expected: it gives keys, not text.
    #[error("{0} is a terminal: pipe an article in (cat FILE | lectern) or name a file")]
    Terminal(String),
    /// A stream that ended before any text.
    #[error("{0} is empty: there is no article to read")]
    EmptyStream(String),
    /// Bytes that are not text.
    #[error("{0}: {1}")]
    Decode(String, DecodeError),
    /// An EPUB that cannot be opened.
    #[error("{0}: {1}")]
    Epub(String, epub::EpubError),
}

/// Largest file Lectern will open, in bytes.
pub const MAX_BYTES: u64 = 64 * 1024 * 1024;

/// An article's text, read and decoded but not yet parsed.
#[derive(Debug, Clone)]
pub struct Source {
    /// Sanitised text.
    pub text: String,
    /// The encoding it was decoded from.
    pub encoding: &'static str,
    /// The format its name suggests.
    pub format: Format,
}

impl Source {
    /// Parses the whole text.
    pub fn parse(&self) -> Article {
        let mut article = parse_str(&self.text, self.format);
        article.encoding = self.encoding.to_string();
        article
    }
}

/// The beginning of an article longer than `longer_than` bytes: its first `bytes` read,
/// decoded and parsed on their own (cut at a paragraph break), for a reader to show while
/// `load` reads the whole. Time to this does not grow with the file. `None` when the file
/// is short enough to load at once or its start cannot be read this way; `load` then
/// gives the article or a clear error.
pub fn load_start(path: &Path, longer_than: u64, bytes: usize) -> Option<Article> {
    if epub::is_epub(path) {
        return epub::load_start(path, longer_than, bytes);
    }
    let meta = std::fs::metadata(path).ok()?;
    let len = meta.len();
    if !meta.is_file() || len <= longer_than.max(2 * bytes as u64) || len > MAX_BYTES {
        return None;
    }
    let mut head = Vec::with_capacity(bytes);
    std::fs::File::open(path)
        .ok()?
        .take(bytes as u64)
        .read_to_end(&mut head)
        .ok()?;
    let decoded = decode::decode_start(&head)?;
    head_article(decoded, format_for(path))
}

/// The decoded start of a longer text parsed on its own, cut at its last paragraph break.
/// Never a web page's: its start is its head and navigation, and where the article is can
/// only be told from the whole.
fn head_article(decoded: decode::Decoded, format: Format) -> Option<Article> {
    let text = &decoded.text;
    if format == Format::Html || looks_like_html(text) {
        return None;
    }
    let cut = text.rfind("\n\n").unwrap_or(text.len());
    let mut article = parse_str(&text[..cut], format);
    article.encoding = decoded.encoding.to_string();
    article.partial = true;
    Some(article)
}

/// Reads, decodes and parses the article (or book) at `path`.
pub fn load(path: &Path) -> Result<Article, LoadError> {
    if epub::is_epub(path) {
        return epub::load(path);
    }
    read(path).map(|s| s.parse())
}

/// Parses an article (or book) that came as bytes without a file name.
pub fn load_bytes(bytes: &[u8], name: &str) -> Result<Article, LoadError> {
    if epub::sniff(bytes) {
        return epub::from_bytes(bytes, name);
    }
    Source::from_bytes(bytes, name).map(|s| s.parse())
}

/// The largest file of this kind Lectern opens: a book's pictures make it bigger than an
/// article, though only its text is read.
pub fn max_bytes(path: &Path) -> u64 {
    let book = path
        .extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| e.eq_ignore_ascii_case("epub"));
    if book {
        epub::MAX_ARCHIVE_BYTES
    } else {
        MAX_BYTES
    }
}

/// Opens a regular file of at most `limit` bytes, with one clear error for anything else.
pub fn open_checked(path: &Path, limit: u64) -> Result<std::fs::File, LoadError> {
    let shown = path.display().to_string();
    let meta = std::fs::metadata(path).map_err(|e| match e.kind() {
        std::io::ErrorKind::NotFound => LoadError::NotFound(shown.clone()),
        _ => LoadError::Unreadable(shown.clone(), e),
    })?;
    if meta.is_dir() {
        return Err(LoadError::IsDir(shown));
    }
    if !meta.is_file() {
        return Err(LoadError::NotRegular(shown));
    }
    if meta.len() > limit {
        return Err(LoadError::TooLarge(shown, meta.len() >> 20, limit >> 20));
    }
    std::fs::File::open(path).map_err(|e| LoadError::Unreadable(shown, e))
}

/// Reads and decodes the article at `path`, with one clear error for anything that is
/// not a readable text file.
pub fn read(path: &Path) -> Result<Source, LoadError> {
    let shown = path.display().to_string();
    let mut bytes = Vec::new();
    open_checked(path, MAX_BYTES)?
        .read_to_end(&mut bytes)
        .map_err(|e| LoadError::Unreadable(shown.clone(), e))?;
    let decoded = decode::decode(&bytes).map_err(|e| LoadError::Decode(shown, e))?;
    Ok(Source {
        text: decoded.text,
        encoding: decoded.encoding,
        format: format_for(path),
    })
}

/// The format a file name suggests; anything unknown is read as plain text.
pub fn format_for(path: &Path) -> Format {
    match path
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase)
        .as_deref()
    {
        Some("md" | "markdown") => Format::Markdown,
        Some("html" | "htm" | "xhtml" | "html5" | "xht") => Format::Html,
        _ => Format::Text,
    }
}

/// Decodes and parses bytes of a known format.
pub fn parse_bytes(bytes: &[u8], format: Format) -> Result<Article, DecodeError> {
    let decoded = decode::decode(bytes)?;
    let mut article = parse_str(&decoded.text, format);
    article.encoding = decoded.encoding.to_string();
    Ok(article)
}

/// Parses already-decoded, sanitised text.
pub fn parse_str(text: &str, format: Format) -> Article {
    let format = if format == Format::Text && looks_like_html(text) {
        Format::Html
    } else {
        format
    };
    let mut article = match format {
        Format::Text if gutenberg::detect(text) => gutenberg::parse(text),
        Format::Text => match frontmatter::mail_header(text) {
            Some((fm, rest)) => {
                let mut article = text::parse(rest);
                fm.apply(&mut article.meta);
                article
            }
            None => text::parse(text),
        },
        Format::Markdown => markdown::parse(text),
        // One content document of a book, read on its own, is a page like any other.
        Format::Html | Format::Epub => html::parse(text),
    };
    article.format = format;
    finish(&mut article, text);
    article
}

/// Whether text saved under a plain name is really an HTML page.
fn looks_like_html(text: &str) -> bool {
    let head = text
        .trim_start()
        .get(..15)
        .unwrap_or("")
        .to_ascii_lowercase();
    head.starts_with("<!doctype html") || head.starts_with("<html")
}

/// The passes that run after every parser: one-line fields, dates, citations, quotations,
/// note references.
pub fn finish(article: &mut Article, source_text: &str) {
    one_line_fields(article);
    if let Some(date) = &mut article.meta.date
        && date.iso.is_none()
    {
        date.iso = dates::to_iso(&date.text, dates::numeric_order(source_text));
    }
    cite::find_citations(article);
    mark_quotations(article);
    notes::collect_refs(article);
}

/// Front matter, note labels and related entries are each shown on one line, but values
/// taken from attributes, JSON-LD or front matter can hold line breaks and, once their
/// escapes are decoded, control characters that sanitising the file could not see.
fn one_line_fields(article: &mut Article) {
    let Article {
        meta,
        footnotes,
        related,
        ..
    } = article;
    let fields = meta
        .title
        .iter_mut()
        .chain(&mut meta.authors)
        .chain(meta.date.as_mut().map(|d| &mut d.text))
        .chain(&mut meta.site)
        .chain(&mut meta.summary)
        .chain(&mut meta.dateline)
        .chain(footnotes.iter_mut().map(|f| &mut f.label))
        .chain(
            related
                .iter_mut()
                .flat_map(|r| std::iter::once(&mut r.title).chain(&mut r.date)),
        );
    for field in fields.filter(|f| !decode::is_clean(f)) {
        *field = decode::sanitize(field)
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ");
    }
}

/// Marks “curly-quoted” passages so views can style quoted speech.
fn mark_quotations(article: &mut Article) {
    for place in article.places() {
        let Some(block) = article.block_mut(place) else {
            continue;
        };
        // A quick byte search first: most blocks quote nobody, and decoding every character
        // of every block showed up in the time of a library scan.
        if !block.text.contains('“') {
            continue;
        }
        let mut open = None;
        let mut found = Vec::new();
        for (i, c) in block.text.char_indices() {
            match c {
                '“' => open = Some(i),
                '”' => {
                    if let Some(s) = open.take()
                        && i - s < 1200
                    {
                        found.push(s..i + '”'.len_utf8());
                    }
                }
                _ => {}
            }
        }
        if found.is_empty() {
            continue;
        }
        // A quotation that crosses a citation or note reference would break nesting. The
        // quotations are disjoint, so each mark starts inside at most one and ends inside
        // at most one: looking only there, by start and by end, keeps this linear where
        // testing every mark for every quotation took seconds on thousands of them.
        let mut by_end: Vec<Range<usize>> = block.marks.iter().map(|m| m.range.clone()).collect();
        by_end.sort_unstable_by_key(|m| m.end);
        let keep: Vec<Range<usize>> = found
            .into_iter()
            .filter(|r| {
                let from = block.marks.partition_point(|m| m.range.start <= r.start);
                let starts_inside = block.marks[from..]
                    .iter()
                    .take_while(|m| m.range.start < r.end);
                let from = by_end.partition_point(|m| m.end <= r.start);
                let ends_inside = by_end[from..].iter().take_while(|m| m.end < r.end);
                !starts_inside
                    .map(|m| &m.range)
                    .chain(ends_inside)
                    .any(|m| m.start < r.start || m.end > r.end)
            })
            .collect();
        for r in keep {
            block.add_mark(r, MarkKind::Quotation);
        }
    }
}
