//! One article in the library: where it is, what its front matter says, how far it was read.

use crate::article::{Article, BlockKind};
use serde::{Deserialize, Serialize};
use std::borrow::Cow;
use std::collections::HashMap;
use std::ffi::OsString;
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// Longest summary kept for the preview, in characters.
const SUMMARY_CHARS: usize = 500;
/// How much of the body the preview keeps, in characters.
const PREVIEW_CHARS: usize = 700;
/// Most sources listed in the preview.
const MAX_SOURCES: usize = 12;

/// What the library knows about an article without opening it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Meta {
    /// The headline, when the parser found one.
    pub title: Option<String>,
    /// Authors in byline order.
    pub authors: Vec<String>,
    /// The date as written.
    pub date: Option<String>,
    /// The date as `YYYY-MM-DD`, when it could be resolved.
    pub date_iso: Option<String>,
    /// Publishing site or outlet.
    pub site: Option<String>,
    /// Words in the body.
    pub words: usize,
    /// What the preview pane shows, packed.
    pub preview: Packed,
}

/// What the preview pane shows of an article besides the list's columns.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Preview {
    /// Standfirst or summary, shortened.
    pub summary: Option<String>,
    /// Distinct cited sources, in order of first citation.
    pub sources: Vec<String>,
    /// The first paragraphs, shortened.
    pub first_lines: Vec<String>,
}

/// A `Preview` kept as bytes until it is shown. Previews are most of a library cache's
/// 10 MB; decoding only the one on screen keeps a warm start's first frame quick, and the
/// cache's previews stay where the cache file was read, never copied one by one.
#[derive(Debug, Clone, Default)]
pub struct Packed {
    bytes: Arc<Vec<u8>>,
    range: std::ops::Range<usize>,
}

impl PartialEq for Packed {
    fn eq(&self, other: &Self) -> bool {
        self.as_bytes() == other.as_bytes()
    }
}

impl Eq for Packed {}

impl Packed {
    /// Packs a preview.
    pub fn pack(preview: &Preview) -> Self {
        Packed::from(postcard::to_stdvec(preview).unwrap_or_default())
    }

    /// Packed bytes at `range` of a shared buffer (a whole cache file).
    pub fn shared(bytes: &Arc<Vec<u8>>, range: std::ops::Range<usize>) -> Self {
        let range = range.start.min(bytes.len())..range.end.min(bytes.len());
        Packed {
            bytes: Arc::clone(bytes),
            range,
        }
    }

    fn from(bytes: Vec<u8>) -> Self {
        let range = 0..bytes.len();
        Packed {
            bytes: Arc::new(bytes),
            range,
        }
    }

    fn as_bytes(&self) -> &[u8] {
        &self.bytes[self.range.clone()]
    }

    /// The preview; an empty one if the bytes are damaged.
    pub fn unpack(&self) -> Preview {
        postcard::from_bytes(self.as_bytes()).unwrap_or_default()
    }
}

impl Serialize for Packed {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_bytes(self.as_bytes())
    }
}

impl<'de> Deserialize<'de> for Packed {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        /// Takes the bytes in one piece rather than as a sequence of numbers.
        struct Bytes;
        impl serde::de::Visitor<'_> for Bytes {
            type Value = Packed;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("packed preview bytes")
            }
            fn visit_bytes<E: serde::de::Error>(self, v: &[u8]) -> Result<Packed, E> {
                Ok(Packed::from(v.to_vec()))
            }
            fn visit_byte_buf<E: serde::de::Error>(self, v: Vec<u8>) -> Result<Packed, E> {
                Ok(Packed::from(v))
            }
        }
        d.deserialize_byte_buf(Bytes)
    }
}

impl Meta {
    /// The library's summary of a parsed article.
    pub fn from_article(a: &Article) -> Self {
        let mut sources: Vec<String> = Vec::new();
        let mut keys = Vec::new();
        for c in &a.citations {
            let key = c.source_key();
            if sources.len() < MAX_SOURCES && !keys.contains(&key) {
                keys.push(key);
                sources.push(c.source.clone());
            }
        }
        let mut first_lines = Vec::new();
        let mut budget = PREVIEW_CHARS;
        for b in &a.blocks {
            if budget == 0 {
                break;
            }
            if matches!(b.kind, BlockKind::Rule) || b.text.trim().is_empty() {
                continue;
            }
            let line = shorten(b.text.trim(), budget);
            budget = budget.saturating_sub(line.chars().count());
            first_lines.push(line);
        }
        let m = &a.meta;
        Meta {
            title: m.title.clone(),
            authors: m.authors.clone(),
            date: m.date.as_ref().map(|d| d.text.clone()),
            date_iso: m.date.as_ref().and_then(|d| d.iso.clone()),
            site: m.site.clone(),
            words: a.words(),
            preview: Packed::pack(&Preview {
                summary: m.summary.as_deref().map(|s| shorten(s, SUMMARY_CHARS)),
                sources,
                first_lines,
            }),
        }
    }
}

/// Cuts text to at most `max` characters, ending with an ellipsis when cut.
fn shorten(text: &str, max: usize) -> String {
    match text.char_indices().nth(max.saturating_sub(1)) {
        Some((i, _)) if text.chars().count() > max => format!("{}…", &text[..i]),
        _ => text.to_string(),
    }
}

/// Where an entry stands in the scan.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum State {
    /// Found, not read yet.
    Pending,
    /// Read: its metadata, shared: the list, the scan and the cache all hold it.
    Ready(Arc<Meta>),
    /// Could not be read as an article, and why.
    Failed(String),
}

/// A file found in the library.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    /// Where it is.
    pub path: PathBuf,
    /// Size in bytes when scanned.
    pub size: u64,
    /// Modification time in nanoseconds since the epoch when scanned.
    pub mtime: u64,
    /// Its metadata, once read.
    pub state: State,
}

impl Entry {
    /// The metadata, when read.
    pub fn meta(&self) -> Option<&Meta> {
        match &self.state {
            State::Ready(m) => Some(m.as_ref()),
            _ => None,
        }
    }

    /// The file name, lossily decoded for display.
    pub fn file_name(&self) -> Cow<'_, str> {
        self.path
            .file_name()
            .map_or_else(|| self.path.to_string_lossy(), |n| n.to_string_lossy())
    }

    /// The parsed title, else the file name.
    pub fn title(&self) -> Cow<'_, str> {
        match self.meta().and_then(|m| m.title.as_deref()) {
            Some(t) if !t.trim().is_empty() => Cow::Borrowed(t),
            _ => self.file_name(),
        }
    }

    /// Authors joined for display.
    pub fn authors(&self) -> String {
        self.meta()
            .map(|m| m.authors.join(", "))
            .unwrap_or_default()
    }

    /// Reading time in whole minutes (at least 1 for any text) at `wpm` words a minute.
    pub fn minutes(&self, wpm: usize) -> Option<usize> {
        let words = self.meta()?.words;
        Some(if words == 0 {
            0
        } else {
            words.div_ceil(wpm.max(1))
        })
    }
}

/// Reading state of one article, as the persisted store knows it.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Progress {
    /// How far it was read, 0–100.
    pub percent: u8,
    /// Read to the end.
    pub finished: bool,
    /// Number of bookmarks.
    pub bookmarks: usize,
    /// When it was last read, seconds since the epoch.
    pub last_read: Option<u64>,
}

/// Reading state by article path; whatever is missing counts as unread. Keyed by the
/// path's bytes: hashing a `Path` walks its components, and a library looks up 10,000.
pub type ProgressMap = HashMap<OsString, Progress>;

/// Reading progress of every article the store knows, by its last known path.
pub fn progress_from(state: &crate::store::State) -> ProgressMap {
    state
        .articles
        .values()
        .map(|a| {
            let progress = Progress {
                percent: a.position.as_ref().map_or(0, |p| {
                    (p.at.fraction * 100.0).round().clamp(0.0, 100.0) as u8
                }),
                finished: a.is_finished(),
                bookmarks: a.live_bookmarks().len(),
                last_read: (a.opened > 0).then_some(a.opened / 1000),
            };
            (OsString::from(&a.path), progress)
        })
        .collect()
}

/// The progress of the article at `path` (unread when unknown).
pub fn progress_of(map: &ProgressMap, path: &Path) -> Progress {
    map.get(path.as_os_str()).copied().unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shorten_counts_characters() {
        assert_eq!(shorten("héllo", 10), "héllo");
        assert_eq!(shorten("héllo wörld", 5), "héll…");
    }

    #[test]
    fn title_falls_back_to_the_file_name() {
        let e = Entry {
            path: "/x/notes.md".into(),
            size: 1,
            mtime: 1,
            state: State::Pending,
        };
        assert_eq!(e.title(), "notes.md");
        let e = Entry {
            state: State::Ready(std::sync::Arc::new(Meta {
                title: Some("Rivers".into()),
                ..Meta::default()
            })),
            ..e
        };
        assert_eq!(e.title(), "Rivers");
    }
}
