//! Random use of the whole app, as the `app` fuzz target drives it (key presses, mouse
//! events, resizes from 1×1 to 300×100, frames drawn and checked, Ctrl-C at the end), for a
//! fixed number of streams from a fixed seed, so a failure here fails the same way on
//! every machine. Longer runs:
//! `LECTERN_RANDOM_STREAMS=20000 LECTERN_RANDOM_SEED=7 cargo test --release --test random_use`.

#[path = "../fuzz/src/app.rs"]
mod app;

use std::path::Path;

/// The seed CI runs with.
const SEED: u64 = 0x1ec7_e2a2;

/// Streams CI runs: about 15 s in the test profile on a busy 2-core machine.
const STREAMS: u64 = 1000;

/// Bytes in a stream, at most: the start byte and as many events as the target reads.
const MAX_LEN: usize = 1 + app::MAX_STREAM;

/// splitmix64: a few lines of well-known arithmetic, enough to spread a seed.
fn mix(x: u64) -> u64 {
    let mut z = x.wrapping_add(0x9e37_79b9_7f4a_7c15);
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^ (z >> 31)
}

/// Stream `i` of `seed`: its bytes follow from the two numbers alone.
fn stream(seed: u64, i: u64) -> Vec<u8> {
    let mut state = mix(seed ^ mix(i));
    let mut next = || {
        state = mix(state);
        state
    };
    let len = 1 + (next() as usize) % MAX_LEN;
    (0..len).map(|_| next() as u8).collect()
}

fn env_number(name: &str, default: u64) -> u64 {
    match std::env::var(name) {
        Ok(v) => v
            .parse()
            .unwrap_or_else(|_| panic!("{name} must be a number: {v:?}")),
        Err(_) => default,
    }
}

#[test]
fn random_use_of_the_whole_app_never_panics_and_always_quits() {
    let seed = env_number("LECTERN_RANDOM_SEED", SEED);
    let streams = env_number("LECTERN_RANDOM_STREAMS", STREAMS);
    for i in 0..streams {
        let bytes = stream(seed, i);
        if std::panic::catch_unwind(|| app::run(&bytes)).is_err() {
            let dir = Path::new(env!("CARGO_TARGET_TMPDIR"));
            let kept = dir.join(format!("random-use-{seed}-{i}"));
            std::fs::write(&kept, &bytes).expect("failing stream written");
            panic!(
                "stream {i} of seed {seed} failed (above); it is kept in {}: replay it with \
                 `cargo +nightly fuzz run app {}` in fuzz/, or copy it to \
                 tests/fixtures/fuzz/ as a regression",
                kept.display(),
                kept.display()
            );
        }
    }
}

#[test]
fn streams_follow_from_their_seed() {
    assert_eq!(stream(SEED, 3), stream(SEED, 3));
    assert_ne!(stream(SEED, 3), stream(SEED, 4));
    assert_ne!(stream(SEED, 3), stream(SEED + 1, 3));
}

/// What random use found first: Ctrl-C did nothing in a prompt, a search, the help or a
/// pop-up. It quits from each (and from an article opened from the library, goes back to
/// it first, as `q` does), and Ctrl-Z suspends from each.
#[test]
fn ctrl_c_quits_and_ctrl_z_suspends_wherever_the_keyboard_is() {
    use lectern::tui::app::{App, Effect};
    use lectern::tui::library::{LibraryView, Root};
    use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
    let ctrl = |c| KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL);
    let plain = |c| KeyEvent::new(c, KeyModifiers::NONE);
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/nested-notes.txt");
    let article = lectern::parse::load(&path).expect("fixture parses");
    // Into a bookmark prompt, a search, the help, a note, Sources, the outline.
    let places: [&[KeyCode]; 6] = [
        &[KeyCode::Char('m')],
        &[KeyCode::Char('/'), KeyCode::Char('x')],
        &[KeyCode::Char('?')],
        &[KeyCode::Char('f'), KeyCode::Enter],
        &[KeyCode::Char('s')],
        &[KeyCode::Char('o')],
    ];
    for keys in places {
        let mut app = App::with_article(article.clone(), path.clone(), (80, 24));
        for &k in keys {
            app.key(plain(k));
        }
        assert_eq!(app.key(ctrl('z')), Some(Effect::Suspend), "after {keys:?}");
        assert_eq!(app.key(ctrl('c')), None);
        assert!(app.quit, "Ctrl-C after {keys:?} did not quit");

        let library = LibraryView::new(Root::Samples, None, Default::default());
        let mut app = App::with_library(library, (80, 24));
        app.key(plain(KeyCode::Enter));
        assert!(app.reader.is_some(), "Enter opens a sample");
        for &k in keys {
            app.key(plain(k));
        }
        app.key(ctrl('c'));
        assert!(
            app.reader.is_none() && !app.quit,
            "Ctrl-C after {keys:?} goes back to the library"
        );
        app.key(ctrl('c'));
        assert!(app.quit);
    }
}
