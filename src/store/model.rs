//! The persisted state and its merge: a join of two states that loses nothing.
//!
//! Every field that can change carries a time, and `merge` keeps the newer value, so
//! merging is commutative, associative and idempotent: two running copies, or two
//! machines syncing the file, end up with the same state whatever the order.

use super::fingerprint::Fingerprint;
use crate::layout::Anchor;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::path::Path;

/// The schema version this build reads and writes.
pub const VERSION: u32 = 1;

/// Everything Lectern remembers, as stored in `state.json`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct State {
    /// Schema version of the file.
    pub version: u32,
    /// Articles keyed by the fingerprint they had when first opened.
    #[serde(default)]
    pub articles: BTreeMap<String, ArticleState>,
}

impl Default for State {
    fn default() -> Self {
        State {
            version: VERSION,
            articles: BTreeMap::new(),
        }
    }
}

/// What is remembered about one article.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ArticleState {
    /// Fingerprint of the text as last opened (differs from the key after an edit).
    pub fingerprint: Fingerprint,
    /// Where the article was last opened from.
    pub path: String,
    /// Its title when last opened.
    pub title: String,
    /// When it was last opened, in ms since the epoch.
    pub opened: u64,
    /// Where the reader stopped.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub position: Option<Position>,
    /// Whether it was read to the end.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub finished: Option<Finished>,
    /// Bookmarks by id, deleted ones kept as tombstones.
    #[serde(default)]
    pub bookmarks: BTreeMap<String, Bookmark>,
}

/// A place in an article: a layout anchor plus what is needed to find it again after an edit.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Spot {
    /// The part and byte offset.
    pub anchor: Anchor,
    /// About 60 characters of text starting at the anchor.
    pub snippet: String,
    /// How far through the article, 0.0 to 1.0.
    pub fraction: f64,
}

/// The reading position of an article.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Position {
    /// Where.
    pub at: Spot,
    /// When it was set, in ms since the epoch.
    pub updated: u64,
}

/// Whether an article was finished, with the time that was decided so it can merge.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Finished {
    /// Read to the end.
    pub done: bool,
    /// When it was set, in ms since the epoch.
    pub at: u64,
}

/// A named place in an article.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Bookmark {
    /// Unique across processes and machines.
    pub id: String,
    /// The reader's name for it.
    pub label: String,
    /// Where.
    pub at: Spot,
    /// When it was added, in ms since the epoch.
    pub created: u64,
    /// When it was last added, renamed, deleted or restored.
    pub updated: u64,
    /// A tombstone: deleted, kept so a merge does not bring it back.
    #[serde(default)]
    pub deleted: bool,
}

/// Merges two states; the result holds the newest of every value in either.
pub fn merge(a: &State, b: &State) -> State {
    let mut articles = a.articles.clone();
    for (key, theirs) in &b.articles {
        let merged = match articles.get(key) {
            Some(ours) => merge_article(ours, theirs),
            None => theirs.clone(),
        };
        articles.insert(key.clone(), merged);
    }
    State {
        version: a.version.max(b.version),
        articles,
    }
}

fn merge_article(a: &ArticleState, b: &ArticleState) -> ArticleState {
    let ident = |s: &ArticleState| {
        (
            s.opened,
            s.fingerprint.clone(),
            s.path.clone(),
            s.title.clone(),
        )
    };
    let newest = if ident(a) >= ident(b) { a } else { b };
    let mut bookmarks = a.bookmarks.clone();
    for (id, theirs) in &b.bookmarks {
        let merged = match bookmarks.get(id) {
            Some(ours) => newer(ours, theirs, |m| m.updated).clone(),
            None => theirs.clone(),
        };
        bookmarks.insert(id.clone(), merged);
    }
    ArticleState {
        fingerprint: newest.fingerprint.clone(),
        path: newest.path.clone(),
        title: newest.title.clone(),
        opened: newest.opened,
        position: newer_opt(&a.position, &b.position, |p| p.updated),
        finished: newer_opt(&a.finished, &b.finished, |f| f.at),
        bookmarks,
    }
}

fn newer_opt<T: Serialize + Clone>(a: &Option<T>, b: &Option<T>, time: fn(&T) -> u64) -> Option<T> {
    match (a, b) {
        (Some(x), Some(y)) => Some(newer(x, y, time).clone()),
        (x, y) => x.clone().or_else(|| y.clone()),
    }
}

/// The value with the later time; equal times fall back to comparing the serialised
/// values, which is arbitrary but the same in every process, so merges agree.
fn newer<'a, T: Serialize>(a: &'a T, b: &'a T, time: fn(&T) -> u64) -> &'a T {
    match time(a).cmp(&time(b)) {
        std::cmp::Ordering::Greater => a,
        std::cmp::Ordering::Less => b,
        std::cmp::Ordering::Equal => {
            let text = |v: &T| serde_json::to_string(v).unwrap_or_default();
            if text(a) >= text(b) { a } else { b }
        }
    }
}

impl State {
    /// The key of an article: by fingerprint first, then by its last known path.
    pub fn find(&self, fp: &Fingerprint, path: &Path) -> Option<&str> {
        let path = path.to_string_lossy();
        let latest = |pred: &dyn Fn(&str, &ArticleState) -> bool| {
            self.articles
                .iter()
                .filter(|(k, a)| pred(k, a))
                .max_by_key(|(k, a)| (a.opened, k.as_str()))
                .map(|(k, _)| k.as_str())
        };
        latest(&|_, a| &a.fingerprint == fp)
            .or_else(|| latest(&|k, _| k == fp.as_str()))
            .or_else(|| latest(&|_, a| a.path == path))
    }

    /// The article with this fingerprint, if it has been opened.
    pub fn get(&self, fp: &Fingerprint) -> Option<&ArticleState> {
        let key = self.find(fp, Path::new(""))?;
        self.articles.get(key)
    }

    /// Mutable access to the article with this fingerprint.
    pub fn get_mut(&mut self, fp: &Fingerprint) -> Option<&mut ArticleState> {
        let key = self.find(fp, Path::new(""))?.to_string();
        self.articles.get_mut(&key)
    }

    /// Records that an article was opened: finds its entry (following a move or an edit)
    /// or makes one, and brings its fingerprint, path and title up to date.
    pub fn open_article(
        &mut self,
        fp: &Fingerprint,
        path: &Path,
        title: &str,
        now: u64,
    ) -> &mut ArticleState {
        let key = self.find(fp, path).unwrap_or(fp.as_str()).to_string();
        let entry = self.articles.entry(key).or_insert_with(|| ArticleState {
            fingerprint: fp.clone(),
            path: String::new(),
            title: String::new(),
            opened: 0,
            position: None,
            finished: None,
            bookmarks: BTreeMap::new(),
        });
        entry.fingerprint = fp.clone();
        entry.path = path.to_string_lossy().into_owned();
        entry.title = title.to_string();
        entry.opened = now.max(entry.opened + 1);
        entry
    }

    /// Every live bookmark in the library with its article, by title then place.
    pub fn all_bookmarks(&self) -> Vec<(&ArticleState, &Bookmark)> {
        let mut out: Vec<_> = self
            .articles
            .values()
            .flat_map(|a| a.live_bookmarks().into_iter().map(move |b| (a, b)))
            .collect();
        out.sort_by(|(a, x), (b, y)| {
            (a.title.as_str(), a.path.as_str())
                .cmp(&(b.title.as_str(), b.path.as_str()))
                .then(x.at.fraction.total_cmp(&y.at.fraction))
                .then(x.created.cmp(&y.created))
        });
        out
    }
}

impl ArticleState {
    /// Sets the reading position.
    pub fn set_position(&mut self, at: Spot, now: u64) {
        let updated = now.max(self.position.as_ref().map_or(0, |p| p.updated + 1));
        self.position = Some(Position {
            at: at.sanitised(),
            updated,
        });
    }

    /// Marks the article finished or not.
    pub fn set_finished(&mut self, done: bool, now: u64) {
        let at = now.max(self.finished.map_or(0, |f| f.at + 1));
        self.finished = Some(Finished { done, at });
    }

    /// Whether the article is marked finished.
    pub fn is_finished(&self) -> bool {
        self.finished.is_some_and(|f| f.done)
    }

    /// Adds a bookmark under a fresh id.
    pub fn add_bookmark(&mut self, id: String, label: &str, at: Spot, now: u64) {
        let b = Bookmark {
            id: id.clone(),
            label: label.to_string(),
            at: at.sanitised(),
            created: now,
            updated: now,
            deleted: false,
        };
        self.bookmarks.insert(id, b);
    }

    /// Renames a bookmark; false if there is no such bookmark.
    pub fn rename_bookmark(&mut self, id: &str, label: &str, now: u64) -> bool {
        self.edit(id, now, |b| b.label = label.to_string())
    }

    /// Deletes a bookmark, leaving a tombstone; false if there is no such bookmark.
    pub fn delete_bookmark(&mut self, id: &str, now: u64) -> bool {
        self.edit(id, now, |b| b.deleted = true)
    }

    /// Restores a deleted bookmark; false if there is no such bookmark.
    pub fn undelete_bookmark(&mut self, id: &str, now: u64) -> bool {
        self.edit(id, now, |b| b.deleted = false)
    }

    fn edit(&mut self, id: &str, now: u64, f: impl FnOnce(&mut Bookmark)) -> bool {
        let Some(b) = self.bookmarks.get_mut(id) else {
            return false;
        };
        f(b);
        // A later edit must win a merge against the earlier one even when the clock
        // stepped back or another machine's clock runs ahead.
        b.updated = now.max(b.updated + 1);
        true
    }

    /// The bookmarks that are not deleted, in reading order.
    pub fn live_bookmarks(&self) -> Vec<&Bookmark> {
        let mut v: Vec<&Bookmark> = self.bookmarks.values().filter(|b| !b.deleted).collect();
        v.sort_by(|x, y| {
            x.at.anchor
                .cmp(&y.at.anchor)
                .then(x.created.cmp(&y.created))
        });
        v
    }
}

impl Spot {
    /// A fraction JSON can carry (no NaN) and in range, so a merge compares like with like.
    fn sanitised(mut self) -> Spot {
        self.fraction = if self.fraction.is_finite() {
            self.fraction.clamp(0.0, 1.0)
        } else {
            0.0
        };
        self
    }
}
