//! Sort orders for the library list.

use super::entry::{Entry, ProgressMap, State, progress_of};
use std::cmp::Reverse;

/// How the list is sorted; `S` cycles through them in this order.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum SortOrder {
    /// Most recently read first, then unread by title.
    #[default]
    Recent,
    /// Newest publication date first; undated last.
    Date,
    /// By title, A to Z.
    Title,
    /// By first author, A to Z; no author last.
    Author,
    /// In progress first (furthest along first), then unread, then finished.
    Progress,
    /// Shortest first; not yet read from disk last.
    Length,
}

impl SortOrder {
    /// The next order in the cycle.
    pub fn next(self) -> Self {
        match self {
            SortOrder::Recent => SortOrder::Date,
            SortOrder::Date => SortOrder::Title,
            SortOrder::Title => SortOrder::Author,
            SortOrder::Author => SortOrder::Progress,
            SortOrder::Progress => SortOrder::Length,
            SortOrder::Length => SortOrder::Recent,
        }
    }

    /// How the status line names it.
    pub fn name(self) -> &'static str {
        match self {
            SortOrder::Recent => "recently read",
            SortOrder::Date => "date",
            SortOrder::Title => "title",
            SortOrder::Author => "author",
            SortOrder::Progress => "progress",
            SortOrder::Length => "length",
        }
    }
}

/// One entry's place in an order, computed once per entry rather than per comparison: with
/// 10,000 entries a sort makes some 140,000 comparisons, and each progress lookup hashes a path.
#[derive(PartialEq, Eq, PartialOrd, Ord)]
enum Key {
    /// Read ones first, most recent first.
    Recent(bool, Reverse<Option<u64>>),
    /// Dated ones first, newest first.
    Date(bool, Reverse<Option<String>>),
    /// All equal: the title decides.
    Title,
    /// With an author first, by author.
    Author(bool, Option<String>),
    /// In progress (furthest first), unread, finished.
    Progress(u8, Reverse<u8>),
    /// Shortest first.
    Length(usize),
}

fn key(e: &Entry, progress: &ProgressMap, order: SortOrder) -> Key {
    match order {
        SortOrder::Recent => {
            let t = progress_of(progress, &e.path).last_read;
            Key::Recent(t.is_none(), Reverse(t))
        }
        SortOrder::Date => {
            let d = e.meta().and_then(|m| m.date_iso.clone());
            Key::Date(d.is_none(), Reverse(d))
        }
        SortOrder::Title => Key::Title,
        SortOrder::Author => {
            let a = e
                .meta()
                .and_then(|m| m.authors.first())
                .map(|s| s.to_lowercase());
            Key::Author(a.is_none(), a)
        }
        SortOrder::Progress => {
            let p = progress_of(progress, &e.path);
            match (p.finished, p.percent) {
                (true, _) => Key::Progress(2, Reverse(0)),
                (false, 0) => Key::Progress(1, Reverse(0)),
                (false, pct) => Key::Progress(0, Reverse(pct)),
            }
        }
        SortOrder::Length => Key::Length(e.meta().map_or(usize::MAX, |m| m.words)),
    }
}

/// Indices of the entries worth listing (not failed), in `order`; ties go by title, then path.
pub fn sorted(entries: &[Entry], progress: &ProgressMap, order: SortOrder) -> Vec<usize> {
    let mut rows: Vec<usize> = (0..entries.len())
        .filter(|&i| !matches!(entries[i].state, State::Failed(_)))
        .collect();
    // Titles are compared case-blind; lowered once per entry, like the keys.
    let keys: Vec<(Key, String)> = entries
        .iter()
        .map(|e| (key(e, progress, order), e.title().to_lowercase()))
        .collect();
    rows.sort_by(|&a, &b| {
        keys[a]
            .cmp(&keys[b])
            .then_with(|| entries[a].path.cmp(&entries[b].path))
    });
    rows
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::library::entry::{Meta, Progress};

    fn entry(name: &str, title: &str, author: &str, date: Option<&str>, words: usize) -> Entry {
        Entry {
            path: name.into(),
            size: 1,
            mtime: 1,
            state: State::Ready(std::sync::Arc::new(Meta {
                title: Some(title.into()),
                authors: if author.is_empty() {
                    vec![]
                } else {
                    vec![author.into()]
                },
                date_iso: date.map(String::from),
                words,
                ..Meta::default()
            })),
        }
    }

    fn fixture() -> (Vec<Entry>, ProgressMap) {
        let entries = vec![
            entry("a", "banana", "Zed", Some("2020-01-01"), 900),
            entry("b", "Apple", "", None, 100),
            entry("c", "cherry", "amy", Some("2024-05-06"), 500),
            Entry {
                path: "d".into(),
                size: 1,
                mtime: 1,
                state: State::Failed("binary".into()),
            },
            Entry {
                path: "e".into(),
                size: 1,
                mtime: 1,
                state: State::Pending,
            },
        ];
        let mut progress = ProgressMap::new();
        progress.insert(
            "a".into(),
            Progress {
                percent: 40,
                last_read: Some(10),
                ..Progress::default()
            },
        );
        progress.insert(
            "c".into(),
            Progress {
                percent: 100,
                finished: true,
                last_read: Some(20),
                bookmarks: 2,
            },
        );
        progress.insert(
            "b".into(),
            Progress {
                percent: 80,
                last_read: Some(5),
                ..Progress::default()
            },
        );
        (entries, progress)
    }

    fn names(order: SortOrder) -> Vec<String> {
        let (entries, progress) = fixture();
        sorted(&entries, &progress, order)
            .into_iter()
            .map(|i| entries[i].path.to_string_lossy().into_owned())
            .collect()
    }

    #[test]
    fn every_order() {
        assert_eq!(names(SortOrder::Recent), ["c", "a", "b", "e"]);
        assert_eq!(names(SortOrder::Date), ["c", "a", "b", "e"]);
        assert_eq!(names(SortOrder::Title), ["b", "a", "c", "e"]);
        assert_eq!(names(SortOrder::Author), ["c", "a", "b", "e"]);
        assert_eq!(names(SortOrder::Progress), ["b", "a", "e", "c"]);
        assert_eq!(names(SortOrder::Length), ["b", "c", "a", "e"]);
    }

    #[test]
    fn the_cycle_visits_every_order_once() {
        let mut o = SortOrder::default();
        let mut seen = vec![o];
        for _ in 0..5 {
            o = o.next();
            assert!(!seen.contains(&o));
            seen.push(o);
        }
        assert_eq!(o.next(), SortOrder::default());
    }
}
