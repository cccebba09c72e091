//! The metadata cache file's layout, made so that a warm start's first screen reads a
//! few hundred kilobytes of it rather than all of it: 10,000 articles cache some 10 MB,
//! and reading and decoding them took most of a warm start's 80 ms.
//!
//! After the version come four little-endian u64s (the head's length, the index's, the
//! rows of the whole list, the records in the body), then the three sections:
//! - the head: the first `HEAD` records in the order a list shows unread articles (by
//!   title, then path), and every failed one (postcard);
//! - the index: each listed record's path, as bytes, with where its record is in the
//!   body, sorted by those bytes (postcard);
//! - the body: every record, in the order they were put, one after another.

use super::cache::{Rec, RecordRef};
use super::entry::State;
use std::fs::File;
use std::io::{Read, Seek, SeekFrom};
use std::ops::Range;
use std::path::Path;
use std::sync::Arc;

/// Records the head keeps: more rows than the tallest terminal shows.
pub const HEAD: usize = 200;

/// Bytes of the table after the version.
const TABLE: usize = 32;

/// Most bytes a postcard-encoded `u32` takes.
const MAX_VERSION: usize = 5;

/// Where the sections of a cache file are, and what the table says of its records.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sections {
    /// The head's bytes.
    pub head: Range<usize>,
    /// The index's bytes.
    pub index: Range<usize>,
    /// The body's bytes.
    pub body: Range<usize>,
    /// Rows of the whole list: the records not failed.
    pub listed: usize,
    /// Records in the body.
    pub records: usize,
}

impl Sections {
    /// Reads the table from the first bytes of a file of `len` bytes: `None` when it is
    /// not of `version` or its sections do not fit.
    pub fn parse(start: &[u8], len: usize, version: u32) -> Option<Sections> {
        let (found, rest) = postcard::take_from_bytes::<u32>(start).ok()?;
        if found != version {
            return None;
        }
        let table: [u8; TABLE] = rest.get(..TABLE)?.try_into().ok()?;
        let field = |i: usize| {
            let word: [u8; 8] = table[i * 8..i * 8 + 8].try_into().ok()?;
            usize::try_from(u64::from_le_bytes(word)).ok()
        };
        let at = start.len() - rest.len() + TABLE;
        let head = at..at.checked_add(field(0)?)?;
        let index = head.end..head.end.checked_add(field(1)?)?;
        let body = index.end..len;
        if index.end > len {
            return None;
        }
        Some(Sections {
            head,
            index,
            body,
            listed: field(2)?,
            records: field(3)?,
        })
    }
}

/// A whole cache file from its parts (each already encoded).
pub fn join(
    version: u32,
    head: &[u8],
    index: &[u8],
    body: &[u8],
    listed: usize,
    records: usize,
) -> Vec<u8> {
    let mut out = postcard::to_stdvec(&version).unwrap_or_default();
    for n in [head.len(), index.len(), listed, records] {
        out.extend((n as u64).to_le_bytes());
    }
    for part in [head, index, body] {
        out.extend_from_slice(part);
    }
    out
}

/// A path's bytes written as bytes, as the index keeps them (serde writes a slice as a
/// sequence of numbers).
pub struct Key<'a>(pub &'a [u8]);

impl serde::Serialize for Key<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_bytes(self.0)
    }
}

/// A cache file's head, read without the rest; the index and single records of the body
/// are read when asked for.
#[derive(Debug)]
pub struct Head {
    /// The head's records: the first in title order, then the failed ones.
    pub records: Vec<Rec>,
    /// Rows of the whole list.
    pub listed: usize,
    file: File,
    sections: Sections,
}

impl Head {
    /// Reads the head of the cache file at `path`; `None` when it is missing, of another
    /// version or damaged.
    pub fn read(path: &Path, version: u32) -> Option<Head> {
        let mut file = File::open(path).ok()?;
        let len = usize::try_from(file.metadata().ok()?.len()).ok()?;
        let mut start = Vec::new();
        (&mut file)
            .take((MAX_VERSION + TABLE) as u64)
            .read_to_end(&mut start)
            .ok()?;
        let sections = Sections::parse(&start, len, version)?;
        let bytes = Arc::new(read_at(&mut file, sections.head.clone())?);
        let records = postcard::from_bytes::<Vec<RecordRef>>(&bytes)
            .ok()?
            .into_iter()
            .map(|r| r.own(&bytes))
            // Never saved; only a damaged file would hold one.
            .filter(|r| r.3 != State::Pending)
            .collect();
        Some(Head {
            records,
            listed: sections.listed,
            file,
            sections,
        })
    }

    /// Where in the body the records of these paths (as bytes) are, in their order;
    /// `None` for a path the index does not list. Reads the index.
    pub fn find(&mut self, paths: &[&[u8]]) -> Option<Vec<Option<Range<usize>>>> {
        let bytes = read_at(&mut self.file, self.sections.index.clone())?;
        let index: Vec<(&[u8], usize, usize)> = postcard::from_bytes(&bytes).ok()?;
        Some(
            paths
                .iter()
                .map(|p| {
                    let i = index.binary_search_by(|(k, ..)| k.cmp(p)).ok()?;
                    let (_, at, len) = index[i];
                    Some(at..at.checked_add(len)?)
                })
                .collect(),
        )
    }

    /// The record at `at` in the body (as `find` gave it).
    pub fn record(&mut self, at: Range<usize>) -> Option<Rec> {
        let body = &self.sections.body;
        let range = body.start.checked_add(at.start)?..body.start.checked_add(at.end)?;
        if range.end > body.end {
            return None;
        }
        let bytes = Arc::new(read_at(&mut self.file, range)?);
        Some(postcard::from_bytes::<RecordRef>(&bytes).ok()?.own(&bytes))
    }
}

/// The bytes of `file` at `range`.
fn read_at(file: &mut File, range: Range<usize>) -> Option<Vec<u8>> {
    let mut bytes = vec![0; range.len()];
    file.seek(SeekFrom::Start(range.start as u64)).ok()?;
    file.read_exact(&mut bytes).ok()?;
    Some(bytes)
}
