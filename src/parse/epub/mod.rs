//! EPUB books, 2 and 3: the spine read in order as one document, the contents (navigation
//! document or NCX) as the outline, notes across files as footnotes, links into the book
//! as jumps. The archive is read within limits (see `archive`); the content documents go
//! through the HTML parser like any saved page, minus the search for the article.

mod archive;
mod marks;
mod nav;
mod package;
mod write;
mod xhtml;

pub use archive::{MAX_ARCHIVE_BYTES, MAX_ENTRIES, MAX_ENTRY_BYTES, MAX_RATIO, MAX_TOTAL_BYTES};

use super::LoadError;
use super::notes::NoteBuilder;
use crate::article::{Article, Format, OutlineEntry};
use crate::decode;
use archive::{Archive, resolve};
use nav::NavEntry;
use package::Package;
use std::collections::HashSet;
use std::io::{BufReader, Cursor, Read, Seek};
use std::path::Path;
use write::Doc;
use xhtml::{El, XNode};

/// Why a book could not be opened.
#[derive(Debug, thiserror::Error)]
pub enum EpubError {
    /// Reading the file failed.
    #[error("cannot read: {why}", why = crate::errors::words(.0))]
    Io(std::io::Error),
    /// Bigger than any book Lectern opens.
    #[error("too large to open ({0} MB; the limit for a book is {1} MB)")]
    TooLarge(u64, u64),
    /// Not a zip archive at all.
    #[error("not an EPUB: it is not a zip archive")]
    NotZip,
    /// A zip archive without the files that make an EPUB.
    #[error("not an EPUB: a zip archive with no META-INF/container.xml and no package document")]
    NotEpub,
    /// `META-INF/container.xml` cannot be read.
    #[error("META-INF/container.xml is broken: {0}")]
    BadContainer(String),
    /// The package document it names is not in the archive.
    #[error("the package document {0} (named in META-INF/container.xml) is missing")]
    MissingPackage(String),
    /// The package document cannot be read.
    #[error("the package document {0} is broken: {1}")]
    BadPackage(String, String),
    /// The spine lists nothing to read.
    #[error("the package document lists no chapters (its spine is empty)")]
    NoSpine,
    /// Every chapter is missing or unreadable.
    #[error("none of the book's chapters could be read")]
    NoChapters,
    /// An entry looked for is not in the archive.
    #[error("{0} is missing from the archive")]
    Missing(String),
    /// An entry name that would land outside the archive if unpacked.
    #[error("an entry climbs out of the archive ({0}); the book is not opened")]
    Climbs(String),
    /// More entries than any book has.
    #[error("the archive lists {0} entries, more than the {max} a book may have", max = MAX_ENTRIES)]
    TooManyEntries(usize),
    /// A directory bigger than any book needs.
    #[error("the archive's directory is {0} MB, more than a book needs")]
    DirectoryTooLarge(u64),
    /// One entry inflates too far.
    #[error("{0} inflates to more than {1} MB; the book is not opened")]
    EntryTooLarge(String, u64),
    /// One entry inflates out of all proportion to its stored size.
    #[error(
        "{0} inflates to more than {1} times its stored size (a zip bomb?); the book is not opened"
    )]
    Bomb(String, u64),
    /// Everything together inflates too far.
    #[error("the book inflates to more than {0} MB in all; it is not opened")]
    TotalTooLarge(u64),
    /// An entry that cannot be inflated.
    #[error("{0} is damaged: {1}")]
    Damaged(String, String),
    /// Something this reader does not do (an entry's name, or empty for the archive).
    #[error("{place} uses {what}, which Lectern does not read", place = place(.0), what = .1)]
    Unsupported(String, &'static str),
    /// Password-protected entries.
    #[error("the archive is password-protected")]
    Encrypted,
    /// Encrypted chapters.
    #[error("the book is DRM-protected: its chapters are encrypted")]
    Drm,
}

/// An entry's name, or "the archive" for none.
fn place(name: &str) -> &str {
    if name.is_empty() { "the archive" } else { name }
}

/// Whether a file is an EPUB: by its name, or, whatever it is called, by the `mimetype`
/// entry an EPUB starts with.
pub fn is_epub(path: &Path) -> bool {
    let named = path
        .extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| e.eq_ignore_ascii_case("epub"));
    // Only a regular file is looked into: opening a FIFO would wait for a writer.
    let regular = || std::fs::metadata(path).is_ok_and(|m| m.is_file());
    named
        || regular() && {
            let mut head = [0u8; 58];
            std::fs::File::open(path)
                .and_then(|mut f| f.read_exact(&mut head))
                .is_ok_and(|_| sniff(&head))
        }
}

/// Whether bytes start as an EPUB does: a zip whose first entry is `mimetype`, stored,
/// holding `application/epub+zip`.
pub fn sniff(bytes: &[u8]) -> bool {
    bytes.starts_with(b"PK\x03\x04")
        && bytes.get(30..38) == Some(b"mimetype")
        && bytes
            .get(38..58)
            .is_some_and(|m| m == b"application/epub+zip")
}

/// Opens and reads a whole book.
pub fn load(path: &Path) -> Result<Article, LoadError> {
    let shown = path.display().to_string();
    let file = super::open_checked(path, MAX_ARCHIVE_BYTES)?;
    let wrap = |e| LoadError::Epub(shown.clone(), e);
    let mut book = Book::open(BufReader::new(file)).map_err(wrap)?;
    book.read(usize::MAX).map_err(wrap)
}

/// The beginning of a book whose chapters hold more than `longer_than` bytes: its first
/// chapters up to about `bytes` of text, for a reader to show while `load` reads the whole.
/// `None` when the book is short or cannot be opened (`load` then says why).
pub fn load_start(path: &Path, longer_than: u64, bytes: usize) -> Option<Article> {
    let file = super::open_checked(path, MAX_ARCHIVE_BYTES).ok()?;
    start(BufReader::new(file), longer_than, bytes)
}

/// A whole book held in memory (read from standard input).
pub fn from_bytes(bytes: &[u8], name: &str) -> Result<Article, LoadError> {
    let wrap = |e| LoadError::Epub(name.to_string(), e);
    let mut book = Book::open(Cursor::new(bytes)).map_err(wrap)?;
    book.read(usize::MAX).map_err(wrap)
}

/// The beginning of a book held in memory, as `load_start` gives a file's.
pub fn start_of_bytes(bytes: &[u8], longer_than: u64, budget: usize) -> Option<Article> {
    start(Cursor::new(bytes), longer_than, budget)
}

fn start<R: Read + Seek>(reader: R, longer_than: u64, budget: usize) -> Option<Article> {
    let mut book = Book::open(reader).ok()?;
    let text: u64 = book
        .package
        .spine
        .iter()
        .filter_map(|s| s.path.as_deref())
        .filter_map(|p| book.archive.declared_size(p))
        .sum();
    if text <= longer_than {
        return None;
    }
    let mut article = book.read(budget).ok()?;
    article.partial = true;
    Some(article)
}

/// An open archive and its package document.
struct Book<R: Read + Seek> {
    archive: Archive<R>,
    package: Package,
}

impl<R: Read + Seek> Book<R> {
    fn open(reader: R) -> Result<Self, EpubError> {
        let mut archive = Archive::open(reader)?;
        let opf = match archive.read("META-INF/container.xml") {
            Ok(bytes) => package::rootfile(&text_of(&bytes)).map_err(EpubError::BadContainer)?,
            // Some tools leave the container out; a lone package document still says it all.
            Err(EpubError::Missing(_)) => archive
                .names()
                .find(|n| n.to_ascii_lowercase().ends_with(".opf"))
                .ok_or(EpubError::NotEpub)?,
            Err(e) => return Err(e),
        };
        let bytes = archive.read(&opf).map_err(|e| match e {
            EpubError::Missing(_) => EpubError::MissingPackage(opf.clone()),
            e => e,
        })?;
        let package = package::read(&opf, &text_of(&bytes))?;
        let mut book = Book { archive, package };
        book.check_drm()?;
        Ok(book)
    }

    /// Refuses a book whose chapters are encrypted (fonts obfuscated for licensing are fine).
    fn check_drm(&mut self) -> Result<(), EpubError> {
        let Ok(bytes) = self.archive.read("META-INF/encryption.xml") else {
            return Ok(());
        };
        let text = text_of(&bytes);
        let Ok(doc) = package::parse_xml(&text) else {
            return Ok(());
        };
        let chapters: HashSet<&str> = self
            .package
            .spine
            .iter()
            .filter_map(|s| s.path.as_deref())
            .collect();
        let encrypted = doc
            .descendants()
            .filter(|n| n.tag_name().name() == "CipherReference")
            .filter_map(|n| n.attribute("URI"))
            .any(|uri| chapters.contains(uri.trim_start_matches('/')));
        if encrypted {
            return Err(EpubError::Drm);
        }
        Ok(())
    }

    /// Reads the spine in order, stopping after about `budget` bytes of chapter text.
    fn read(&mut self, budget: usize) -> Result<Article, EpubError> {
        let mut docs = Vec::new();
        let mut encodings: Vec<&'static str> = Vec::new();
        let mut read_bytes = 0usize;
        let mut readable = 0;
        let spine = self.package.spine.clone();
        let mut cut = false;
        for item in &spine {
            if read_bytes >= budget {
                cut = true;
                break;
            }
            let Some(path) = &item.path else {
                docs.push(notice(
                    &format!("spine:{}", item.idref),
                    &format!(
                        "[A chapter is missing here: the spine names “{}”, which the book does not list.]",
                        item.idref
                    ),
                ));
                continue;
            };
            if !is_content(&item.media_type, path) {
                continue;
            }
            // The start of a long book needs only the start of the chapter it stops in.
            let limit = if budget == usize::MAX {
                u64::MAX
            } else {
                (budget - read_bytes).saturating_mul(2).max(32 * 1024) as u64
            };
            match self.doc(path, limit) {
                Ok((doc, encoding, len)) => {
                    cut |= doc.cut;
                    read_bytes += len;
                    readable += 1;
                    if !encodings.contains(&encoding) {
                        encodings.push(encoding);
                    }
                    docs.push(doc);
                }
                Err(EpubError::Missing(_)) => docs.push(notice(
                    path,
                    &format!("[A chapter is missing here: {path} is not in the book.]"),
                )),
                Err(EpubError::Damaged(_, why)) => docs.push(notice(
                    path,
                    &format!("[A chapter could not be read here: {path}: {why}.]"),
                )),
                Err(e) => return Err(e),
            }
        }
        if readable == 0 && !cut {
            return Err(EpubError::NoChapters);
        }
        if !cut {
            self.linked_documents(&mut docs)?;
        }
        let contents = self.contents();
        let targets: Vec<(String, Option<String>)> =
            contents.iter().filter_map(|e| e.target.clone()).collect();
        let written = write::write(&docs, &targets, budget);
        let mut notes = NoteBuilder::default();
        let mut removed = Vec::new();
        let mut article = Article::empty(Format::Epub);
        article.blocks = crate::parse::html::fragment(&written.html, &mut notes, &mut removed);
        notes.finish(&mut article);
        article.removed = removed;
        let at = marks::take_out(&mut article, &written.links, written.anchors.len());
        for (gid, pos) in written.anchors.iter().zip(at) {
            if let Some(pos) = pos {
                article.anchors.entry(gid.clone()).or_insert(pos);
            }
        }
        drop_dangling_links(&mut article);
        article.outline = outline(&contents, &written, &article);
        self.apply_meta(&mut article);
        article.encoding = if encodings.is_empty() {
            "UTF-8".into()
        } else {
            encodings.join(", ")
        };
        article.partial = cut || written.cut;
        crate::parse::finish(&mut article, "");
        Ok(article)
    }

    /// One content document (its first `limit` bytes): read, decoded by its own
    /// declaration, parsed.
    fn doc(&mut self, path: &str, limit: u64) -> Result<(Doc, &'static str, usize), EpubError> {
        let mut bytes = self.archive.read_prefix(path, limit)?;
        let cut = self
            .archive
            .declared_size(path)
            .is_some_and(|size| size > bytes.len() as u64);
        if cut {
            // A `>` byte is never part of a longer character in the encodings read here.
            let end = bytes.iter().rposition(|&b| b == b'>').map_or(0, |i| i + 1);
            bytes.truncate(end);
        }
        let len = bytes.len();
        let decoded = decode::decode(&bytes)
            .map_err(|e| EpubError::Damaged(path.to_string(), e.to_string()))?;
        let body = if cut {
            xhtml::parse_start(&decoded.text)
        } else {
            xhtml::parse(&decoded.text)
        };
        let doc = Doc {
            path: path.to_string(),
            body,
            cut,
        };
        Ok((doc, decoded.encoding, len))
    }

    /// Documents outside the spine that the spine links to (a notes file some books leave
    /// out of the reading order), added after it so their notes are found.
    fn linked_documents(&mut self, docs: &mut Vec<Doc>) -> Result<(), EpubError> {
        let have: HashSet<String> = docs.iter().map(|d| d.path.clone()).collect();
        let content: HashSet<String> = self
            .package
            .items
            .values()
            .filter(|i| is_content(&i.media_type, &i.path))
            .map(|i| i.path.clone())
            .collect();
        let mut wanted: Vec<String> = Vec::new();
        for d in docs.iter() {
            for el in d.body.descendants() {
                let Some((path, _)) = el.attr("href").and_then(|h| resolve(&d.path, h)) else {
                    continue;
                };
                if content.contains(&path) && !have.contains(&path) && !wanted.contains(&path) {
                    wanted.push(path);
                }
            }
        }
        for path in wanted {
            match self.doc(&path, u64::MAX) {
                Ok((doc, _, _)) => docs.push(doc),
                Err(EpubError::Missing(_) | EpubError::Damaged(..)) => {}
                Err(e) => return Err(e),
            }
        }
        Ok(())
    }

    /// The table of contents: the navigation document's, else the NCX's.
    fn contents(&mut self) -> Vec<NavEntry> {
        if let Some(path) = self.package.nav.clone()
            && let Ok(bytes) = self.archive.read(&path)
        {
            let entries = nav::from_nav(&path, &text_of(&bytes));
            if !entries.is_empty() {
                return entries;
            }
        }
        if let Some(path) = self.package.ncx.clone()
            && let Ok(bytes) = self.archive.read(&path)
        {
            return nav::from_ncx(&path, &text_of(&bytes));
        }
        Vec::new()
    }

    fn apply_meta(&self, article: &mut Article) {
        let m = self.package.meta.clone();
        let meta = &mut article.meta;
        meta.title = m.title;
        meta.authors = m.authors;
        meta.contributors = m.contributors;
        meta.date = m.date;
        meta.language = m.language;
        meta.site = m.publisher;
        meta.summary = m.description;
    }
}

/// Whether a spine or manifest item is a document with text to read.
fn is_content(media_type: &str, path: &str) -> bool {
    let lower = path.to_ascii_lowercase();
    media_type.contains("html")
        || media_type.is_empty()
            && [".xhtml", ".html", ".htm"]
                .iter()
                .any(|e| lower.ends_with(e))
}

/// Leaves a link into the book a plain text when its target left no place to go (it was
/// in text the reader does not show, with nothing after it).
fn drop_dangling_links(article: &mut Article) {
    let anchors = std::mem::take(&mut article.anchors);
    for place in article.places() {
        if let Some(block) = article.block_mut(place) {
            block.marks.retain(|m| match &m.kind {
                crate::article::MarkKind::Link { url } => url
                    .strip_prefix('#')
                    .is_none_or(|id| anchors.contains_key(id)),
                _ => true,
            });
        }
    }
    article.anchors = anchors;
}

/// A stand-in document that says what is missing, where it should have been.
fn notice(path: &str, text: &str) -> Doc {
    Doc {
        path: path.to_string(),
        cut: false,
        body: El {
            name: "body".into(),
            attrs: Vec::new(),
            kids: vec![XNode::El(El {
                name: "p".into(),
                attrs: Vec::new(),
                kids: vec![XNode::Text(text.to_string())],
            })],
        },
    }
}

/// The small XML files of a book as text, by their BOM or declaration.
fn text_of(bytes: &[u8]) -> String {
    decode::decode(bytes).map(|d| d.text).unwrap_or_default()
}

/// The contents' entries at their places in the article. An entry with no link of its own
/// (a part heading) starts where the entry after it does; one that points outside what
/// was read is left out.
fn outline(
    contents: &[NavEntry],
    written: &write::Written,
    article: &Article,
) -> Vec<OutlineEntry> {
    let at: Vec<Option<crate::article::Pos>> = contents
        .iter()
        .map(|e| {
            let (path, frag) = e.target.as_ref()?;
            let gid = written.target(path, frag.as_deref())?;
            article.anchors.get(gid).copied()
        })
        .collect();
    let mut out = Vec::new();
    for (i, e) in contents.iter().enumerate() {
        let pos = match (at[i], &e.target) {
            (Some(p), _) => p,
            (None, None) => match at[i + 1..].iter().flatten().next() {
                Some(p) => *p,
                None => continue,
            },
            (None, Some(_)) => continue,
        };
        out.push(OutlineEntry {
            title: if e.title.is_empty() {
                "(untitled)".into()
            } else {
                e.title.clone()
            },
            depth: e.depth,
            at: pos,
        });
    }
    out
}
