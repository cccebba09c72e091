//! The state file: any bytes as `state.json`, then two writers editing what was read and
//! merging. Loading never panics, a damaged file is set aside whole, what is accepted
//! survives a save and a reopen, and a merge keeps every record id either side had.

use lectern::layout::{Anchor, Part};
use lectern::store::{Fingerprint, Spot, State, Store, Warning, merge};
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

/// Bytes up to the first 0xff (which no JSON text holds) are the file; the rest is a
/// program of edits, four bytes each (see `edits`).
pub fn run(data: &[u8]) {
    let (file, program) = match data.iter().position(|&b| b == 0xff) {
        Some(i) => (&data[..i], &data[i + 1..]),
        None => (data, &[][..]),
    };
    let dir = scratch_dir();
    std::fs::create_dir_all(&dir).expect("scratch directory");
    let path = dir.join("state.json");
    std::fs::write(&path, file).expect("state file written");
    let mut store = Store::open(&dir).expect("a state file of any content opens");
    let on_disk = std::fs::read(&path).ok();
    match store.take_warnings().as_slice() {
        [] => {
            assert!(!store.is_read_only(), "read-only without a word");
            assert_eq!(on_disk.as_deref(), Some(file), "an accepted file changed");
            assert!(
                serde_json::from_slice::<serde_json::Value>(file).is_ok(),
                "a file that is not JSON was accepted"
            );
        }
        [Warning::Damaged { moved_to, .. }] => {
            assert_eq!(
                std::fs::read(moved_to).ok().as_deref(),
                Some(file),
                "the damaged file was not set aside whole"
            );
            assert!(on_disk.is_none(), "the damaged file is still in place");
            assert_eq!(store.state(), &State::default());
        }
        [Warning::Newer { .. }] => {
            assert!(store.is_read_only(), "a newer file would be written over");
            assert_eq!(on_disk.as_deref(), Some(file), "a newer file changed");
        }
        other => panic!("unexpected warnings: {other:?}"),
    }
    let loaded = store.state().clone();
    assert_round_trips(&loaded);
    let (a, b) = edits(&loaded, program);
    let merged = check_merge(&loaded, &a, &b);
    if !store.is_read_only() {
        store
            .update(|s| *s = merge(s, &merged))
            .expect("saving to a scratch directory");
        let mut again = Store::open(&dir).expect("reopening what was saved");
        assert!(
            again.take_warnings().is_empty(),
            "a saved file reads back damaged"
        );
        assert_eq!(
            again.state(),
            store.state(),
            "the saved state reads back different"
        );
    }
    let _ = std::fs::remove_dir_all(dir);
}

fn scratch_dir() -> PathBuf {
    static N: AtomicU64 = AtomicU64::new(0);
    let shm = Path::new("/dev/shm");
    let base = if shm.is_dir() {
        shm.to_path_buf()
    } else {
        std::env::temp_dir()
    };
    let n = N.fetch_add(1, Ordering::Relaxed);
    base.join(format!("lectern-fuzz-state-{}-{n}", std::process::id()))
}

fn assert_round_trips(state: &State) {
    let json = serde_json::to_vec(state).expect("a state serialises");
    let back: State = serde_json::from_slice(&json).expect("a serialised state parses");
    assert_eq!(&back, state, "a state changes through JSON");
}

/// Clock readings from the start to the latest a store reads as it is (146 million years
/// on); the file itself may hold any time at all, up to where `x + 1` overflows.
const TIMES: [u64; 8] = [
    0,
    1,
    2,
    1_000,
    1_700_000_000_000,
    u64::MAX / 4,
    u64::MAX / 2 - 1,
    u64::MAX / 2,
];

/// Two writers start from `loaded` and edit it, syncing through a shared "disk" now and
/// then as running copies do. Each edit is four bytes: `[op, article, record, time]`;
/// bit 0 of `op` picks the writer and the rest the edit.
fn edits(loaded: &State, program: &[u8]) -> (State, State) {
    let mut disk = loaded.clone();
    let mut writers = [loaded.clone(), loaded.clone()];
    for chunk in program.chunks(4) {
        let [op, article, record, time] = [0, 1, 2, 3].map(|i| chunk.get(i).copied().unwrap_or(0));
        let mem = &mut writers[usize::from(op & 1)];
        let now = match time >> 5 {
            7 => u64::from(time & 31),
            i => TIMES[usize::from(i)],
        };
        let kind = (op >> 1) % 8;
        if kind == 0 {
            let fp = Fingerprint(format!("{:016x}", article % 4));
            let path = ["/a.txt", "/b.txt", ""][usize::from(record % 3)];
            mem.open_article(&fp, Path::new(path), "T", now);
            continue;
        }
        if kind == 7 {
            *mem = merge(&disk, mem);
            disk = mem.clone();
            continue;
        }
        let keys: Vec<String> = mem.articles.keys().cloned().collect();
        let Some(key) = pick(&keys, article) else {
            continue;
        };
        let entry = mem.articles.get_mut(&key).expect("a listed key");
        let ids: Vec<String> = entry.bookmarks.keys().cloned().collect();
        let id = pick(&ids, record);
        let spot = || Spot {
            anchor: Anchor {
                part: Part::Body {
                    i: usize::from(record % 4),
                },
                offset: 0,
            },
            snippet: "s".into(),
            fraction: f64::from(record) / 255.0,
        };
        match (kind, id) {
            (1, _) | (2..=4, None) => {
                entry.add_bookmark(format!("b{}", record % 8), "new", spot(), now)
            }
            (2, Some(id)) => _ = entry.rename_bookmark(&id, &format!("r{time}"), now),
            (3, Some(id)) => _ = entry.delete_bookmark(&id, now),
            (4, Some(id)) => _ = entry.undelete_bookmark(&id, now),
            (5, _) => entry.set_position(spot(), now),
            _ => entry.set_finished(time & 1 == 1, now),
        }
    }
    let [a, b] = writers;
    (a, b)
}

fn pick(list: &[String], at: u8) -> Option<String> {
    (!list.is_empty()).then(|| list[usize::from(at) % list.len()].clone())
}

/// Every record with an id, as (article key, kind, id). Highlights (issue 18) join the
/// bookmarks here when they exist.
fn ids(state: &State) -> BTreeSet<(String, &'static str, String)> {
    state
        .articles
        .iter()
        .flat_map(|(key, a)| {
            let bookmarks = a
                .bookmarks
                .keys()
                .map(move |id| (key.clone(), "bookmark", id.clone()));
            let highlights = a
                .highlights
                .keys()
                .map(move |id| (key.clone(), "highlight", id.clone()));
            bookmarks.chain(highlights)
        })
        .collect()
}

/// The merge of two writers' states keeps every id either had, agrees in any order and
/// grouping, and merging again changes nothing.
fn check_merge(loaded: &State, a: &State, b: &State) -> State {
    let ab = merge(a, b);
    let kept = ids(&ab);
    for id in ids(a).union(&ids(b)) {
        assert!(kept.contains(id), "the merge lost {id:?}");
    }
    assert_eq!(ab, merge(b, a), "merge depends on the order");
    assert_eq!(
        merge(&ab, loaded),
        merge(a, &merge(b, loaded)),
        "merge depends on the grouping"
    );
    assert_eq!(merge(&ab, a), ab, "merging again changed the state");
    assert_round_trips(&ab);
    ab
}
