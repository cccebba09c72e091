//! The sources an article cites, grouped and counted: the Sources panel's rows, the
//! other citations of one source, and the part a citation sits in.

use crate::article::{Article, Place};
pub use crate::cite::groups::{Group, groups};
use crate::layout::Part;

/// The groups whose name holds every word of `filter` (case-insensitive).
pub fn matching(article: &Article, filter: &str) -> Vec<Group> {
    let holds = words_of(filter);
    groups(article)
        .into_iter()
        .filter(|g| holds(&g.name))
        .collect()
}

/// A test of whether a name holds every word of `filter`, ignoring case.
pub fn words_of(filter: &str) -> impl Fn(&str) -> bool + use<> {
    let words: Vec<String> = filter
        .to_lowercase()
        .split_whitespace()
        .map(str::to_string)
        .collect();
    move |name| {
        let name = name.to_lowercase();
        words.iter().all(|w| name.contains(w.as_str()))
    }
}

/// Other citations of the same source as citation `citation`, in reading order.
pub fn others(article: &Article, citation: usize) -> Vec<usize> {
    let cits = &article.citations;
    let Some(me) = cits.get(citation) else {
        return Vec::new();
    };
    let key = me.source_key();
    cits.iter()
        .enumerate()
        .filter(|(i, c)| *i != citation && c.source_key() == key)
        .map(|(i, _)| i)
        .collect()
}

/// The document part a citation sits in.
pub fn part_of(place: Place) -> Part {
    match place {
        Place::Body { block } => Part::Body { i: block },
        Place::Note { note, block } => Part::Note { note, block },
    }
}
