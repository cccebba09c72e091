//! The search of a whole library: each article's text from the text cache, or parsed
//! from its file when the cache has none or an old one, on one thread per core, the
//! results sent batch by batch as they are found. A search that had to parse anything,
//! or found files gone, writes the cache anew as it goes, so the next one reads no file.

use super::matcher::Matcher;
use super::snippet::{Snippet, snippet};
use super::{Starts, Text, matches, part_range};
use crate::article::Article;
use crate::layout::{Anchor, Part};
use crate::library::text_cache::{PartTable, Record, Stored, TextCache, Writer};
use std::ops::Range;
use std::panic::{self, AssertUnwindSafe};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::mpsc::{self, Receiver, SyncSender};
use std::sync::{Arc, Mutex};
use std::thread::{self, JoinHandle};

/// Reads and parses one article file; the error is a short reason.
pub type Load = dyn Fn(&Path) -> Result<Article, String> + Send + Sync;

/// One article to search.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Item {
    /// Where it is.
    pub path: PathBuf,
    /// Its path inside the library folder, as the cache knows it.
    pub rel: PathBuf,
    /// Size in bytes, as found.
    pub size: u64,
    /// Modification time, as found.
    pub mtime: u64,
}

/// How much to say about each matching article.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Detail {
    /// Only how many matches.
    Count,
    /// How many, and the first in context (below the headline, when there is one).
    First,
    /// Every match in context.
    All,
}

/// A match: where it is, and its line of context.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Shown {
    /// Its place in the article.
    pub anchor: Anchor,
    /// The line around it.
    pub snippet: Snippet,
}

/// An article with matches.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hit {
    /// Its number in the list searched.
    pub item: usize,
    /// Its parsed title (empty when it has none).
    pub title: String,
    /// How many matches.
    pub count: usize,
    /// The matches asked for (`Detail`), in reading order.
    pub shown: Vec<Shown>,
}

/// The results for a run of consecutive articles.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Batch {
    /// The articles searched, by number.
    pub items: Range<usize>,
    /// Those that matched, in order.
    pub hits: Vec<Hit>,
}

/// How a search went.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Summary {
    /// Articles searched.
    pub searched: usize,
    /// Of those, read from their files (not in the cache, or changed since).
    pub parsed: usize,
    /// Files that are no article (binary, empty…) or could not be read.
    pub failed: usize,
    /// Whether the cache was written anew, and how that went.
    pub saved: Option<Result<(), String>>,
}

/// A search of many articles.
pub struct Search<'a> {
    /// The articles, in path order.
    pub items: &'a [Item],
    /// The pattern.
    pub matcher: &'a Matcher,
    /// What to report per article.
    pub detail: Detail,
    /// Columns of context around a match.
    pub width: usize,
    /// The text cache file, if the library keeps one.
    pub cache: Option<&'a Path>,
    /// Reads an article the cache cannot answer for.
    pub load: &'a Load,
    /// Set to stop early (a new search, the screen closed).
    pub stop: &'a AtomicBool,
}

/// Where an article's text comes from.
#[derive(Debug, Clone, Copy)]
enum Source {
    Cached(usize),
    Parse,
}

/// A batch reads about this much cached text at once, and holds at most this many articles.
const BATCH_BYTES: u64 = 1 << 20;
const BATCH_ITEMS: usize = 256;
/// Parsing an article costs about as much as reading this much cached text.
const PARSE_COST: u64 = 256 << 10;

/// What a worker reports to the cache writer: article number and what to store.
type ToWrite = (usize, Stored);

impl Search<'_> {
    /// Runs to the end (or until stopped), handing each batch to `send`, which returns
    /// false when nobody is listening any more.
    pub fn run(&self, send: &(dyn Fn(Batch) -> bool + Sync)) -> Summary {
        let cache = self.cache.and_then(TextCache::open);
        let sources: Vec<Source> = self
            .items
            .iter()
            .map(|it| {
                cache
                    .as_ref()
                    .and_then(|c| c.get(&it.rel, it.size, it.mtime))
                    .map_or(Source::Parse, Source::Cached)
            })
            .collect();
        let cached = sources
            .iter()
            .filter(|s| matches!(s, Source::Cached(_)))
            .count();
        let stale = cache.as_ref().is_none_or(|c| c.records.len() != cached);
        let rewrite = self.cache.filter(|_| cached < self.items.len() || stale);
        let batches = batches(&sources, cache.as_ref());
        let next = AtomicUsize::new(0);
        let parsed = AtomicUsize::new(0);
        let failed = AtomicUsize::new(0);
        let saved = Mutex::new(None);
        let threads = thread::available_parallelism().map_or(2, |n| n.get());
        thread::scope(|s| {
            let (wtx, wrx) = mpsc::sync_channel::<ToWrite>(64);
            if let Some(target) = rewrite {
                let saved = &saved;
                s.spawn(move || {
                    *saved.lock().unwrap_or_else(|e| e.into_inner()) = Some(self.write(target, wrx))
                });
            } else {
                drop(wrx);
            }
            for _ in 0..threads.min(batches.len().max(1)) {
                let wtx = rewrite.map(|_| wtx.clone());
                let worker = Worker {
                    search: self,
                    cache: cache.as_ref(),
                    sources: &sources,
                    write: wtx,
                    parsed: &parsed,
                    failed: &failed,
                };
                let (next, batches) = (&next, &batches);
                s.spawn(move || {
                    let mut buf = Vec::new();
                    while !self.stop.load(Ordering::Relaxed) {
                        let Some(range) = batches.get(next.fetch_add(1, Ordering::Relaxed)) else {
                            break;
                        };
                        let hits = worker.batch(range.clone(), &mut buf);
                        if !send(Batch {
                            items: range.clone(),
                            hits,
                        }) {
                            self.stop.store(true, Ordering::Relaxed);
                        }
                    }
                });
            }
            drop(wtx);
        });
        Summary {
            searched: self.items.len(),
            parsed: parsed.into_inner(),
            failed: failed.into_inner(),
            saved: saved.into_inner().unwrap_or_else(|e| e.into_inner()),
        }
    }

    /// Writes what the workers send into a new cache file; a stopped search leaves the
    /// old one.
    fn write(&self, target: &Path, rx: Receiver<ToWrite>) -> Result<(), String> {
        let mut w =
            Writer::create(target, self.items.len()).map_err(|e| crate::errors::words(&e))?;
        let mut error = None;
        for (n, stored) in rx {
            if error.is_none() {
                let it = &self.items[n];
                error = w.put(n, &it.rel, it.size, it.mtime, stored).err();
            }
        }
        match error {
            Some(e) => Err(crate::errors::words(&e)),
            None if self.stop.load(Ordering::Relaxed) => Err("search stopped".into()),
            None => w.finish().map_err(|e| crate::errors::words(&e)),
        }
    }
}

/// Cuts the list into batches of about `BATCH_BYTES` of work.
fn batches(sources: &[Source], cache: Option<&TextCache>) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let (mut start, mut cost) = (0, 0);
    for (i, s) in sources.iter().enumerate() {
        cost += match (s, cache) {
            (Source::Cached(r), Some(c)) => c.records[*r].stored_len(),
            _ => PARSE_COST,
        };
        if cost >= BATCH_BYTES || i + 1 - start >= BATCH_ITEMS {
            out.push(start..i + 1);
            (start, cost) = (i + 1, 0);
        }
    }
    if start < sources.len() {
        out.push(start..sources.len());
    }
    out
}

/// One search thread's view of the work.
struct Worker<'a> {
    search: &'a Search<'a>,
    cache: Option<&'a TextCache>,
    sources: &'a [Source],
    write: Option<SyncSender<ToWrite>>,
    parsed: &'a AtomicUsize,
    failed: &'a AtomicUsize,
}

impl Worker<'_> {
    /// Searches the articles in `range`, reading runs of cached texts in one go.
    fn batch(&self, range: Range<usize>, buf: &mut Vec<u8>) -> Vec<Hit> {
        let mut hits = Vec::new();
        let mut i = range.start;
        while i < range.end {
            let Some((cache, first)) = self.cached(i) else {
                hits.extend(self.parse(i));
                i += 1;
                continue;
            };
            // The longest run of articles stored one after another.
            let start = first.at;
            let mut end = start + first.stored_len();
            let mut j = i + 1;
            while let Some((_, r)) = self.cached(j).filter(|(_, r)| j < range.end && r.at == end) {
                end += r.stored_len();
                j += 1;
            }
            let read = usize::try_from(end - start)
                .map_err(|_| ())
                .and_then(|len| cache.read(start, len, buf).map_err(|_| ()));
            for k in i..j {
                let hit = match (read, self.cached(k)) {
                    (Ok(()), Some((_, r))) => {
                        let at = (r.at - start) as usize;
                        self.search_cached(k, r, &buf[at..at + r.stored_len() as usize])
                    }
                    _ => None,
                };
                // A text the cache got wrong is read from its file instead.
                hits.extend(hit.unwrap_or_else(|| self.parse(k)));
            }
            i = j;
        }
        hits
    }

    fn cached(&self, i: usize) -> Option<(&TextCache, &Record)> {
        match (self.sources.get(i), self.cache) {
            (Some(Source::Cached(r)), Some(c)) => Some((c, &c.records[*r])),
            _ => None,
        }
    }

    /// Searches a cached text; `None` when the stored bytes are not a valid text.
    fn search_cached(&self, n: usize, r: &Record, bytes: &[u8]) -> Option<Option<Hit>> {
        if let Some(why) = &r.failed {
            self.failed.fetch_add(1, Ordering::Relaxed);
            self.store(n, || Stored::Failed(why.clone()));
            return Some(None);
        }
        let (text, table) = bytes.split_at(r.text_len as usize);
        // Most articles do not match: one quick scan says so before the text is checked.
        let m = self.search.matcher;
        if self.write.is_none() && !m.needs_parts() && !m.is_match_bytes(text, r.folding) {
            return Some(None);
        }
        let text = std::str::from_utf8(text).ok()?;
        let table = PartTable::check(table, text.len())?;
        self.store(n, || Stored::Text {
            title: r.title.clone(),
            bytes: bytes.to_vec(),
            text_len: text.len(),
            folding: r.folding,
        });
        Some(self.hit(n, &r.title, text, &table, |i| table.part(i), r.folding))
    }

    /// Reads article `n` from its file and searches it.
    fn parse(&self, n: usize) -> Option<Hit> {
        if self.search.stop.load(Ordering::Relaxed) {
            return None;
        }
        self.parsed.fetch_add(1, Ordering::Relaxed);
        let load = self.search.load;
        let path = &self.search.items[n].path;
        let read = panic::catch_unwind(AssertUnwindSafe(|| {
            load(path).map(|article| {
                let title = article.meta.title.clone().unwrap_or_default();
                (title, Text::of(&article))
            })
        }))
        .unwrap_or_else(|_| Err("the parser failed on this file".into()));
        match read {
            Ok((title, text)) => {
                let hit = self.hit(
                    n,
                    &title,
                    &text.text,
                    &text.parts,
                    |i| text.parts.get(i).map(|p| p.0),
                    text.folding,
                );
                self.store(n, || Stored::of(title.clone(), &text));
                hit
            }
            Err(why) => {
                self.failed.fetch_add(1, Ordering::Relaxed);
                self.store(n, || Stored::Failed(why));
                None
            }
        }
    }

    /// Hands an article to the cache writer, when the cache is being written.
    fn store(&self, n: usize, what: impl FnOnce() -> Stored) {
        if let Some(tx) = &self.write {
            let _ = tx.send((n, what()));
        }
    }

    /// The article's matches as a hit, if it has any.
    fn hit(
        &self,
        n: usize,
        title: &str,
        text: &str,
        starts: &dyn Starts,
        part_of: impl Fn(usize) -> Option<Part>,
        folding: bool,
    ) -> Option<Hit> {
        let found = matches(self.search.matcher, text, starts, folding);
        if found.is_empty() {
            return None;
        }
        // The first match below the headline: the headline is on the list already.
        let first = || {
            found
                .iter()
                .position(|(i, _)| part_of(*i) != Some(Part::Title))
                .unwrap_or(0)
        };
        let (skip, take) = match self.search.detail {
            Detail::Count => (0, 0),
            Detail::First => (first(), 1),
            Detail::All => (0, found.len()),
        };
        let shown = found
            .iter()
            .skip(skip)
            .take(take)
            .filter_map(|(i, r)| {
                let piece = &text[part_range(starts, *i, text.len())];
                Some(Shown {
                    anchor: Anchor {
                        part: part_of(*i)?,
                        offset: r.start,
                    },
                    snippet: snippet(piece, r.clone(), self.search.width),
                })
            })
            .collect();
        Some(Hit {
            item: n,
            title: title.to_string(),
            count: found.len(),
            shown,
        })
    }
}

/// What a search running in the background reports.
#[derive(Debug)]
pub enum Progress {
    /// Results for some articles.
    Batch(Batch),
    /// The search is over.
    Done(Summary),
}

/// A search running on its own threads; dropping it stops the search.
#[derive(Debug)]
pub struct Running {
    /// Where its results arrive.
    pub rx: Receiver<Progress>,
    stop: Arc<AtomicBool>,
    thread: Option<JoinHandle<()>>,
}

/// What a background search needs, owned.
pub struct Job {
    /// The articles, in path order.
    pub items: Vec<Item>,
    /// The pattern.
    pub matcher: Arc<Matcher>,
    /// What to report per article.
    pub detail: Detail,
    /// Columns of context around a match.
    pub width: usize,
    /// The text cache file, if the library keeps one.
    pub cache: Option<PathBuf>,
    /// Reads an article the cache cannot answer for.
    pub load: Box<Load>,
}

impl Job {
    /// Starts the search on its own threads.
    pub fn spawn(self) -> Running {
        let (tx, rx) = mpsc::channel();
        let stop = Arc::new(AtomicBool::new(false));
        let flag = Arc::clone(&stop);
        let thread = thread::Builder::new()
            .name("library-search".into())
            .spawn(move || {
                let search = Search {
                    items: &self.items,
                    matcher: &self.matcher,
                    detail: self.detail,
                    width: self.width,
                    cache: self.cache.as_deref(),
                    load: &*self.load,
                    stop: &flag,
                };
                let send = |b: Batch| tx.send(Progress::Batch(b)).is_ok();
                let summary = search.run(&send);
                let _ = tx.send(Progress::Done(summary));
            });
        Running {
            rx,
            stop,
            thread: thread.ok(),
        }
    }
}

impl Drop for Running {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::Relaxed);
        if let Some(t) = self.thread.take() {
            let _ = t.join();
        }
    }
}

#[cfg(test)]
mod tests;
