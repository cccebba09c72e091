//! The searchable text of every article in a library, beside the metadata cache and kept
//! fresh the same way (by path, size and modification time), so a search reads article
//! text instead of parsing every file again.
//!
//! One file per library: the magic, each article's text followed by its table of parts,
//! the index (postcard), the index's place, and the magic again. The texts come first so
//! they can be written as they are read, whatever order they arrive in; the index, read
//! whole, is small (paths, sizes, times, titles, places).

use super::cache::StoredPath;
use crate::layout::Part;
use crate::search::{Starts, Text};
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use std::ffi::OsString;
use std::fs::File;
use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};

/// Leads and ends the file; the last byte is the format's version.
const MAGIC: &[u8; 8] = b"LECTXT\0\x01";
/// The trailer: index offset, index length, magic.
const TRAILER: usize = 8 + 8 + 8;
/// Bytes per entry of a part table: kind, two numbers, start.
const PART_BYTES: usize = 13;

/// The text cache file for a library folder, beside its metadata cache.
pub fn file_for(cache_dir: &Path, root: &Path) -> PathBuf {
    beside(&super::cache::file_for(cache_dir, root))
}

/// The text cache file that goes with a metadata cache file.
pub fn beside(metadata_cache: &Path) -> PathBuf {
    metadata_cache.with_extension("text")
}

/// What the cache holds for one file.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Record {
    path: StoredPath,
    /// Size when read.
    pub size: u64,
    /// Modification time when read (nanoseconds since the epoch).
    pub mtime: u64,
    /// The parsed title (empty when none).
    pub title: String,
    /// Why the file is no article (binary, empty…); such a file has no text.
    pub failed: Option<String>,
    /// Whether the text holds accented letters.
    pub folding: bool,
    /// Where its text starts in the file.
    pub at: u64,
    /// Bytes of text; the part table follows.
    pub text_len: u64,
    /// Number of parts.
    pub parts: u32,
}

impl Record {
    /// Bytes of text and part table together.
    pub fn stored_len(&self) -> u64 {
        self.text_len + self.parts as u64 * PART_BYTES as u64
    }
}

/// The index of a text cache file, and the file, open for reading texts.
#[derive(Debug)]
pub struct TextCache {
    file: File,
    /// Every record, in the order written (paths in order).
    pub records: Vec<Record>,
    by_path: HashMap<OsString, usize>,
}

fn part_code(p: Part) -> (u8, u32, u32) {
    let n = |x: usize| x.min(u32::MAX as usize) as u32;
    match p {
        Part::Title => (0, 0, 0),
        Part::Byline => (1, 0, 0),
        Part::Dateline => (2, 0, 0),
        Part::Summary => (3, 0, 0),
        Part::Body { i } => (4, n(i), 0),
        Part::NotesHeading => (5, 0, 0),
        Part::Note { note, block } => (6, n(note), n(block)),
        Part::RelatedHeading => (7, 0, 0),
        Part::Related { i } => (8, n(i), 0),
    }
}

fn part_from(code: (u8, u32, u32)) -> Option<Part> {
    let (a, b) = (code.1 as usize, code.2 as usize);
    Some(match code.0 {
        0 => Part::Title,
        1 => Part::Byline,
        2 => Part::Dateline,
        3 => Part::Summary,
        4 => Part::Body { i: a },
        5 => Part::NotesHeading,
        6 => Part::Note { note: a, block: b },
        7 => Part::RelatedHeading,
        8 => Part::Related { i: a },
        _ => return None,
    })
}

/// An article's part table as stored after its text: read in place, never decoded whole.
#[derive(Debug, Clone, Copy)]
pub struct PartTable<'a>(&'a [u8]);

impl<'a> PartTable<'a> {
    /// The table, if it is well formed for a text of `text_len` bytes: starts in order and
    /// inside the text, kinds known.
    pub fn check(bytes: &'a [u8], text_len: usize) -> Option<Self> {
        if !bytes.len().is_multiple_of(PART_BYTES) {
            return None;
        }
        let t = PartTable(bytes);
        let mut last = 0;
        for i in 0..t.len() {
            let s = t.start(i);
            if s < last || s > text_len || t.part(i).is_none() {
                return None;
            }
            last = s;
        }
        Some(t)
    }

    fn word(&self, i: usize, k: usize) -> u32 {
        let at = i * PART_BYTES + 1 + 4 * k;
        u32::from_le_bytes(self.0[at..at + 4].try_into().unwrap_or_default())
    }

    /// Part `i`.
    pub fn part(&self, i: usize) -> Option<Part> {
        part_from((self.0[i * PART_BYTES], self.word(i, 0), self.word(i, 1)))
    }
}

impl Starts for PartTable<'_> {
    fn len(&self) -> usize {
        self.0.len() / PART_BYTES
    }
    fn start(&self, i: usize) -> usize {
        self.word(i, 2) as usize
    }
}

/// Reads `buf.len()` bytes at `offset` without moving a shared file position, so one open
/// file serves every thread.
#[cfg(unix)]
pub fn read_at(file: &File, buf: &mut [u8], offset: u64) -> io::Result<()> {
    std::os::unix::fs::FileExt::read_exact_at(file, buf, offset)
}

/// Reads `buf.len()` bytes at `offset` without moving a shared file position, so one open
/// file serves every thread.
#[cfg(windows)]
pub fn read_at(file: &File, mut buf: &mut [u8], mut offset: u64) -> io::Result<()> {
    use std::os::windows::fs::FileExt;
    while !buf.is_empty() {
        match file.seek_read(buf, offset)? {
            0 => return Err(io::ErrorKind::UnexpectedEof.into()),
            n => {
                buf = &mut buf[n..];
                offset += n as u64;
            }
        }
    }
    Ok(())
}

impl TextCache {
    /// Opens a cache file; `None` when it is missing, damaged or of another version.
    pub fn open(path: &Path) -> Option<TextCache> {
        let file = File::open(path).ok()?;
        let len = file.metadata().ok()?.len();
        if len < (MAGIC.len() + TRAILER) as u64 {
            return None;
        }
        let mut trailer = [0u8; TRAILER];
        read_at(&file, &mut trailer, len - TRAILER as u64).ok()?;
        let word = |k: usize| u64::from_le_bytes(trailer[k * 8..k * 8 + 8].try_into().unwrap());
        let (at, size) = (word(0), word(1));
        let mut head = [0u8; 8];
        read_at(&file, &mut head, 0).ok()?;
        if &trailer[16..] != MAGIC
            || &head != MAGIC
            || at.checked_add(size)? + TRAILER as u64 != len
        {
            return None;
        }
        let mut index = vec![0u8; usize::try_from(size).ok()?];
        read_at(&file, &mut index, at).ok()?;
        let records: Vec<Record> = postcard::from_bytes(&index).ok()?;
        let mut by_path = HashMap::with_capacity(records.len());
        for (i, r) in records.iter().enumerate() {
            if r.at < MAGIC.len() as u64 || r.at.checked_add(r.stored_len())? > at {
                return None;
            }
            by_path.insert(r.path.clone().into_path().into_os_string(), i);
        }
        Some(TextCache {
            file,
            records,
            by_path,
        })
    }

    /// The record of `rel` if the file has not changed size or time since.
    pub fn get(&self, rel: &Path, size: u64, mtime: u64) -> Option<usize> {
        let &i = self.by_path.get(rel.as_os_str())?;
        let r = &self.records[i];
        (r.size == size && r.mtime == mtime).then_some(i)
    }

    /// Reads `len` stored bytes at `at` into `buf`.
    pub fn read(&self, at: u64, len: usize, buf: &mut Vec<u8>) -> io::Result<()> {
        buf.resize(len, 0);
        read_at(&self.file, buf, at)
    }
}

/// What is written for one article: its text, or why it has none.
#[derive(Debug)]
pub enum Stored {
    /// The searchable text, as stored (text and part table).
    Text {
        /// The title.
        title: String,
        /// Text, then the part table.
        bytes: Vec<u8>,
        /// Bytes of text.
        text_len: usize,
        /// Whether it holds accented letters.
        folding: bool,
    },
    /// Not an article, and why.
    Failed(String),
}

impl Stored {
    /// An article's text as it is stored.
    pub fn of(title: String, text: &Text) -> Stored {
        let mut bytes = Vec::with_capacity(text.text.len() + text.parts.len() * PART_BYTES);
        bytes.extend_from_slice(text.text.as_bytes());
        for &(part, start) in &text.parts {
            let (kind, a, b) = part_code(part);
            bytes.push(kind);
            for w in [a, b, start.min(u32::MAX as usize) as u32] {
                bytes.extend_from_slice(&w.to_le_bytes());
            }
        }
        Stored::Text {
            title,
            bytes,
            text_len: text.text.len(),
            folding: text.folding,
        }
    }
}

/// Writes a new cache file beside the old one and puts it in place when finished; dropped
/// unfinished, it leaves the old file as it was.
#[derive(Debug)]
pub struct Writer {
    out: BufWriter<File>,
    tmp: PathBuf,
    target: PathBuf,
    at: u64,
    records: Vec<Option<Record>>,
    done: bool,
}

impl Writer {
    /// Starts a cache for `count` articles, to replace `target` when finished.
    pub fn create(target: &Path, count: usize) -> io::Result<Writer> {
        let dir = target.parent().unwrap_or(Path::new("."));
        std::fs::create_dir_all(dir)?;
        // Two writers at once (the reader and the command line): the last to finish wins.
        let tmp = super::cache::temp_beside(target);
        let mut out = BufWriter::with_capacity(1 << 20, File::create(&tmp)?);
        out.write_all(MAGIC)?;
        Ok(Writer {
            out,
            tmp,
            target: target.to_path_buf(),
            at: MAGIC.len() as u64,
            records: (0..count).map(|_| None).collect(),
            done: false,
        })
    }

    /// Writes article number `n` (in path order), found at `rel` with this size and time.
    pub fn put(
        &mut self,
        n: usize,
        rel: &Path,
        size: u64,
        mtime: u64,
        what: Stored,
    ) -> io::Result<()> {
        let path = StoredPath::from_path(rel);
        let record = match what {
            Stored::Text {
                title,
                bytes,
                text_len,
                folding,
            } => {
                self.out.write_all(&bytes)?;
                let parts = ((bytes.len() - text_len) / PART_BYTES) as u32;
                let r = Record {
                    path,
                    size,
                    mtime,
                    title,
                    failed: None,
                    folding,
                    at: self.at,
                    text_len: text_len as u64,
                    parts,
                };
                self.at += bytes.len() as u64;
                r
            }
            Stored::Failed(why) => Record {
                path,
                size,
                mtime,
                title: String::new(),
                failed: Some(why),
                folding: false,
                at: self.at,
                text_len: 0,
                parts: 0,
            },
        };
        if let Some(slot) = self.records.get_mut(n) {
            *slot = Some(record);
        }
        Ok(())
    }

    /// Writes the index and puts the file in place. It is not synced to disk: it is a
    /// cache, checked whole when read, and rebuilt when it is found damaged.
    pub fn finish(mut self) -> io::Result<()> {
        let records: Vec<&Record> = self.records.iter().flatten().collect();
        let index = postcard::to_stdvec(&records).map_err(io::Error::other)?;
        self.out.write_all(&index)?;
        self.out.write_all(&self.at.to_le_bytes())?;
        self.out.write_all(&(index.len() as u64).to_le_bytes())?;
        self.out.write_all(MAGIC)?;
        self.out.flush()?;
        std::fs::rename(&self.tmp, &self.target)?;
        self.done = true;
        Ok(())
    }
}

impl Drop for Writer {
    fn drop(&mut self) {
        if !self.done {
            let _ = std::fs::remove_file(&self.tmp);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(parts: &[(Part, &str)]) -> Text {
        let mut t = Text::default();
        for (i, (p, s)) in parts.iter().enumerate() {
            if i > 0 {
                t.text.push('\n');
            }
            t.parts.push((*p, t.text.len()));
            t.text.push_str(s);
        }
        t.folding = crate::search::fold::needs_folding(&t.text);
        t
    }

    #[test]
    fn texts_round_trip_and_changed_files_miss() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("lib.text");
        let one = text(&[(Part::Title, "Café"), (Part::Body { i: 0 }, "The body.")]);
        let mut w = Writer::create(&file, 3).unwrap();
        // Written out of order, as threads finish; the index keeps path order.
        w.put(
            2,
            Path::new("c.txt"),
            3,
            30,
            Stored::Failed("binary".into()),
        )
        .unwrap();
        w.put(
            0,
            Path::new("a.txt"),
            1,
            10,
            Stored::of("Café".into(), &one),
        )
        .unwrap();
        w.finish().unwrap();
        let c = TextCache::open(&file).unwrap();
        assert_eq!(c.records.len(), 2);
        assert_eq!(c.get(Path::new("a.txt"), 1, 11), None, "touched");
        let i = c.get(Path::new("a.txt"), 1, 10).unwrap();
        let r = &c.records[i];
        assert_eq!((r.title.as_str(), r.folding), ("Café", true));
        let mut buf = Vec::new();
        c.read(r.at, r.stored_len() as usize, &mut buf).unwrap();
        let (t, table) = buf.split_at(r.text_len as usize);
        assert_eq!(std::str::from_utf8(t).unwrap(), one.text);
        let table = PartTable::check(table, t.len()).unwrap();
        assert_eq!(table.len(), 2);
        assert_eq!(table.part(1), Some(Part::Body { i: 0 }));
        assert_eq!(table.start(1), "Café\n".len());
        let failed = &c.records[c.get(Path::new("c.txt"), 3, 30).unwrap()];
        assert_eq!(failed.failed.as_deref(), Some("binary"));
    }

    #[test]
    fn a_damaged_file_is_no_cache() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("lib.text");
        let mut w = Writer::create(&file, 1).unwrap();
        let t = text(&[(Part::Body { i: 0 }, "Some text.")]);
        w.put(0, Path::new("a.txt"), 1, 1, Stored::of(String::new(), &t))
            .unwrap();
        w.finish().unwrap();
        let bytes = std::fs::read(&file).unwrap();
        for cut in [0, 5, bytes.len() / 2, bytes.len() - 1] {
            std::fs::write(&file, &bytes[..cut]).unwrap();
            assert!(TextCache::open(&file).is_none(), "cut at {cut}");
        }
        assert!(PartTable::check(&[9; PART_BYTES], 100).is_none());
    }

    #[test]
    fn an_unfinished_writer_leaves_nothing_behind() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("lib.text");
        drop(Writer::create(&file, 1).unwrap());
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 0);
    }
}
