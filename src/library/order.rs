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
    /// With an author first, by the first author's surname, then the whole name.
    Author(bool, Option<(String, String)>),
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
            let d = e.meta().and_then(|m| {
                crate::date_format::sort_key(m.date_iso.as_deref(), m.date.as_deref())
            });
            Key::Date(d.is_none(), Reverse(d))
        }
        SortOrder::Title => Key::Title,
        SortOrder::Author => {
            let a = e
                .meta()
                .and_then(|m| m.authors.first())
                .map(|name| (surname(name).to_lowercase(), name.to_lowercase()));
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

/// The part of a person's name a list sorts by: before the comma of "Surname, Given",
/// else the last word that is not a suffix ("Jr.", "III", "PhD"), so "Vincent van Gogh"
/// sorts by "Gogh" and "Martin Luther King Jr." by "King". A name of one word (or in a
/// script written without spaces) is its own key.
pub fn surname(name: &str) -> &str {
    const SUFFIXES: &[&str] = &[
        "jr", "sr", "ii", "iii", "iv", "v", "phd", "md", "esq", "jnr", "snr",
    ];
    let name = name.trim();
    if let Some((family, given)) = name.split_once(',') {
        let given = given.trim().trim_end_matches('.').to_lowercase();
        // "King, Jr." is a name with a suffix, not a family name before given names.
        if !family.trim().is_empty() && !SUFFIXES.contains(&given.as_str()) {
            return family.trim();
        }
    }
    name.split([' ', ','])
        .filter(|w| !w.is_empty())
        .rev()
        .find(|w| !SUFFIXES.contains(&w.trim_end_matches('.').to_lowercase().as_str()))
        .unwrap_or(name)
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
    fn authors_sort_by_surname() {
        assert_eq!(surname("Ada Lovelace"), "Lovelace");
        assert_eq!(surname("Lovelace, Ada"), "Lovelace");
        assert_eq!(surname("Vincent van Gogh"), "Gogh");
        assert_eq!(surname("Martin Luther King Jr."), "King");
        assert_eq!(surname("Martin Luther King, Jr."), "King");
        assert_eq!(surname("Henry Ford II"), "Ford");
        assert_eq!(surname("Reuters"), "Reuters");
        assert_eq!(surname("村上春樹"), "村上春樹");
        let entries = vec![
            entry("a", "t1", "Zoe Adams", None, 1),
            entry("b", "t2", "Adam Young", None, 1),
            entry("c", "t3", "Brown, Carol", None, 1),
            entry("d", "t4", "bob brown", None, 1),
        ];
        let order: Vec<_> = sorted(&entries, &ProgressMap::new(), SortOrder::Author)
            .into_iter()
            .map(|i| entries[i].path.to_string_lossy().into_owned())
            .collect();
        assert_eq!(order, ["a", "d", "c", "b"]);
    }

    #[test]
    fn an_unresolved_date_sorts_by_its_year() {
        let mut entries = vec![
            entry("a", "t1", "", Some("2024-02-01"), 1),
            entry("b", "t2", "", None, 1),
            entry("c", "t3", "", Some("2023-12-01"), 1),
        ];
        if let State::Ready(m) = &mut entries[1].state {
            std::sync::Arc::make_mut(m).date = Some("05/06/2024".into());
        }
        let order: Vec<_> = sorted(&entries, &ProgressMap::new(), SortOrder::Date)
            .into_iter()
            .map(|i| entries[i].path.to_string_lossy().into_owned())
            .collect();
        assert_eq!(order, ["a", "b", "c"]);
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
