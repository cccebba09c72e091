//! A warm start's first screen, from the head of the library's cache: the rows that a
//! list sorted by recent reading (the order a library opens in) shows first, read before
//! the first frame. The whole list follows from the scan, and keys wait for it
//! (`tui::waiting`).
//!
//! Read articles come first in that order, unread ones after them by title: the head
//! holds the first rows by title, and the read ones are looked up in the cache's index.

use super::cache::{self, Rec};
use super::cache_head::{HEAD, Head};
use super::entry::{Entry, ProgressMap, State, progress_of};
use std::collections::HashSet;
use std::path::{Path, PathBuf};

/// What the first screen of a library shows before its cache is read whole.
#[derive(Debug)]
pub struct Glimpse {
    /// The articles it can show, and every failed one (they are counted as skipped).
    pub entries: Vec<Entry>,
    /// How many of the first rows of `entries`, sorted by recent reading, are the first
    /// rows of the whole list, in the same places.
    pub rows: usize,
    /// Rows of the whole list.
    pub listed: usize,
}

/// Most read articles read from the cache's body: no screen shows more rows.
const READ: usize = HEAD;

/// The first screen of the library at `root` from its cache file, for reading progress
/// `progress`; `None` without a usable cache.
pub fn read(file: &Path, root: &Path, progress: &ProgressMap) -> Option<Glimpse> {
    let mut head = Head::read(file, cache::VERSION)?;
    let entry = |(rel, size, mtime, state): Rec| Entry {
        path: root.join(rel),
        size,
        mtime,
        state,
    };
    let mut entries: Vec<Entry> = std::mem::take(&mut head.records)
        .into_iter()
        .map(entry)
        .collect();
    let listed = head.listed;
    let is_read = |e: &Entry| progress_of(progress, &e.path).last_read.is_some();
    let rows_in_head = entries.iter().filter(|e| !failed(e)).count();
    if rows_in_head >= listed {
        // The head is the whole list.
        return Some(Glimpse {
            entries,
            rows: listed,
            listed,
        });
    }
    let unread_in_head = entries.iter().filter(|e| !failed(e) && !is_read(e)).count();
    // Every read article of this library, most recent first: they lead the list.
    let mut read: Vec<(u64, &Path)> = progress
        .iter()
        .filter_map(|(path, p)| {
            let rel = Path::new(path).strip_prefix(root).ok()?;
            // The list looks progress up by the entry's path exactly.
            (root.join(rel).as_os_str() == path.as_os_str()).then_some((p.last_read?, rel))
        })
        .collect();
    let keys: Vec<&[u8]> = read
        .iter()
        .map(|(_, rel)| rel.as_os_str().as_encoded_bytes())
        .collect();
    let places = match keys.is_empty() {
        true => Vec::new(),
        false => head.find(&keys)?,
    };
    let mut found: Vec<_> = read
        .drain(..)
        .zip(places)
        .filter_map(|((t, _), at)| Some((t, at?)))
        .collect();
    found.sort_by_key(|f| std::cmp::Reverse(f.0));
    // As many as a screen can show, and every one as recent as the last of those: the
    // rest come after all of them.
    let taken = match found.get(READ.saturating_sub(1)) {
        Some(&(cut, _)) => found.iter().take_while(|(t, _)| *t >= cut).count(),
        None => found.len(),
    };
    let known: HashSet<PathBuf> = entries.iter().map(|e| e.path.clone()).collect();
    for (_, at) in &found[..taken] {
        let e = entry(head.record(at.clone())?);
        if !known.contains(&e.path) {
            entries.push(e);
        }
    }
    // Past the read ones taken, the next row may be a read one not taken; else the
    // unread ones follow in title order, as many as the head holds.
    let rows = match taken < found.len() {
        true => taken,
        false => found.len() + unread_in_head,
    };
    (rows > 0).then_some(Glimpse {
        entries,
        rows: rows.min(listed),
        listed,
    })
}

fn failed(e: &Entry) -> bool {
    matches!(e.state, State::Failed(_))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::library::cache::Cache;
    use crate::library::entry::{Meta, Progress};
    use crate::library::order::{self, SortOrder};
    use proptest::prelude::*;
    use std::sync::Arc;

    const WORDS: &[&str] = &[
        "harbour", "River", "ice", "Thaw", "budget", "lantern", "coast", "winter", "archive",
        "Mountain", "élan", "Zebra", "",
    ];

    /// A library of `n` files with titles drawn from `WORDS` by `seed` (some alike, some
    /// empty, so file names and paths decide ties), every `fail`-th one failed.
    fn library(n: usize, fail: usize, seed: u64) -> (Cache, Vec<PathBuf>) {
        let mut cache = Cache::default();
        let mut rels = Vec::new();
        let mut x = seed | 1;
        let mut pick = |k: usize| {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            (x % k as u64) as usize
        };
        for i in 0..n {
            let rel = PathBuf::from(format!("topic-{}/{}-{i}.txt", pick(7), pick(5)));
            let title = (0..1 + pick(3))
                .map(|_| WORDS[pick(WORDS.len())])
                .collect::<Vec<_>>()
                .join(" ");
            let state = match fail > 0 && i % fail == 0 {
                true => State::Failed("binary".into()),
                false => State::Ready(Arc::new(Meta {
                    title: (!title.trim().is_empty()).then_some(title),
                    words: pick(5000),
                    ..Meta::default()
                })),
            };
            cache.put(rel.clone(), i as u64, 7, state);
            rels.push(rel);
        }
        (cache, rels)
    }

    fn paths(entries: &[Entry], rows: &[usize]) -> Vec<PathBuf> {
        rows.iter().map(|&i| entries[i].path.clone()).collect()
    }

    /// The glimpse's first rows are the whole list's, in place; it counts the whole list
    /// and holds every failed file.
    fn check(n: usize, fail: usize, seed: u64, read: &[(usize, u64)], outside: bool) {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("library.bin");
        let root = Path::new("/lib");
        let (cache, rels) = library(n, fail, seed);
        cache.save(&file).unwrap();
        let mut progress = ProgressMap::new();
        for &(i, t) in read {
            let progress_at = |p: PathBuf| {
                (
                    p.into_os_string(),
                    Progress {
                        last_read: Some(t),
                        ..Progress::default()
                    },
                )
            };
            progress.extend([progress_at(root.join(&rels[i % n]))]);
            if outside {
                progress.extend([progress_at(Path::new("/elsewhere").join(&rels[i % n]))]);
            }
        }
        let whole = Cache::load(&file).entries(root);
        let want = paths(&whole, &order::sorted(&whole, &progress, SortOrder::Recent));
        let g = read_glimpse(&file, root, &progress, want.len());
        let mut got = paths(
            &g.entries,
            &order::sorted(&g.entries, &progress, SortOrder::Recent),
        );
        got.truncate(g.rows);
        assert_eq!(got, want[..g.rows]);
        assert!(
            g.rows >= want.len().min(HEAD),
            "{} rows of {}",
            g.rows,
            want.len()
        );
        assert_eq!(g.listed, want.len());
        let failed_in = |es: &[Entry]| es.iter().filter(|e| failed(e)).count();
        assert_eq!(failed_in(&g.entries), failed_in(&whole));
    }

    fn read_glimpse(file: &Path, root: &Path, progress: &ProgressMap, listed: usize) -> Glimpse {
        match read(file, root, progress) {
            Some(g) => g,
            None => {
                assert_eq!(listed, 0, "a saved cache with rows has a glimpse");
                Glimpse {
                    entries: Vec::new(),
                    rows: 0,
                    listed: 0,
                }
            }
        }
    }

    #[test]
    fn the_first_rows_are_the_whole_lists() {
        // Nothing read; a few read; more read than a screen shows, with ties at the cut;
        // a library the head holds whole.
        check(1000, 17, 3, &[], false);
        check(1000, 17, 5, &[(4, 9), (900, 9), (17, 12), (300, 1)], true);
        let many: Vec<(usize, u64)> = (0..450).map(|i| (i * 2, (i % 40) as u64)).collect();
        check(1000, 0, 7, &many, false);
        check(150, 10, 11, &[(3, 1), (10, 2)], false);
        check(0, 0, 1, &[], false);
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 40, ..ProptestConfig::default() })]
        #[test]
        fn any_library_and_reading_history(
            n in 1usize..700,
            fail in 0usize..30,
            seed in any::<u64>(),
            read in proptest::collection::vec((0usize..700, 0u64..50), 0..300),
            outside in any::<bool>(),
        ) {
            check(n, fail, seed, &read, outside);
        }
    }

    #[test]
    fn a_damaged_or_older_cache_has_no_glimpse_and_no_panic() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("library.bin");
        let root = Path::new("/lib");
        let (cache, rels) = library(400, 9, 2);
        cache.save(&file).unwrap();
        let whole = std::fs::read(&file).unwrap();
        let mut progress = ProgressMap::new();
        progress.insert(
            root.join(&rels[399]).into_os_string(),
            Progress {
                last_read: Some(3),
                ..Progress::default()
            },
        );
        assert!(read(&file, root, &progress).is_some());
        for cut in (0..whole.len()).step_by(997) {
            std::fs::write(&file, &whole[..cut]).unwrap();
            let _ = read(&file, root, &progress);
            assert!(Cache::load(&file).is_empty(), "cut at {cut}");
        }
        let mut older = postcard::to_stdvec(&2u32).unwrap();
        older.extend_from_slice(&whole[1..]);
        std::fs::write(&file, older).unwrap();
        assert!(read(&file, root, &progress).is_none());
        assert!(Cache::load(&file).is_empty());
    }
}
