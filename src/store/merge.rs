//! The merge of two states: a join that loses nothing. Every field that can change
//! carries a time and the newer value is kept, so merging is commutative, associative and
//! idempotent: two running copies, or two machines syncing the file, end up with the same
//! state whatever the order.

use super::model::{ArticleState, State};
use serde::Serialize;
use std::collections::BTreeMap;

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
    ArticleState {
        fingerprint: newest.fingerprint.clone(),
        path: newest.path.clone(),
        title: newest.title.clone(),
        opened: newest.opened,
        position: newer_opt(&a.position, &b.position, |p| p.updated),
        finished: newer_opt(&a.finished, &b.finished, |f| f.at),
        bookmarks: merge_by_id(&a.bookmarks, &b.bookmarks, |m| m.updated),
        highlights: merge_by_id(&a.highlights, &b.highlights, |h| h.updated),
    }
}

/// Items by id from both sides, the newer of each id kept.
fn merge_by_id<T: Serialize + Clone>(
    a: &BTreeMap<String, T>,
    b: &BTreeMap<String, T>,
    time: fn(&T) -> u64,
) -> BTreeMap<String, T> {
    let mut out = a.clone();
    for (id, theirs) in b {
        let merged = match out.get(id) {
            Some(ours) => newer(ours, theirs, time).clone(),
            None => theirs.clone(),
        };
        out.insert(id.clone(), merged);
    }
    out
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
