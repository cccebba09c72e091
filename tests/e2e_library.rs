//! End to end in a real terminal (tmux): filter the library, open an article, come back,
//! and find the same article selected.

mod common;
use common::{Scratch, Tmux, have_tmux};
use std::path::Path;

fn write(dir: &Path, name: &str, text: &str) {
    std::fs::write(dir.join(name), text).unwrap();
}

/// The selected row: the one with the selection marker.
fn selected(screen: &str) -> Option<String> {
    screen
        .lines()
        .find(|l| l.starts_with('›'))
        .map(|l| l.trim_start_matches('›').trim().to_string())
}

#[test]
fn filter_open_return_keeps_the_selection() {
    if !have_tmux() {
        return;
    }
    let home = Scratch::new("library");
    let lib = home.0.join("library");
    std::fs::create_dir_all(lib.join("sub")).unwrap();
    write(
        &lib,
        "alpha.txt",
        "Alpha notes on the harbour\n\nby Ana Ruiz\n\nThe harbour froze early that year.\n",
    );
    write(
        &lib,
        "sub/river.txt",
        "The long river\n\nby Tom Niet\n\nWe paddled past the weir at dawn.\n",
    );
    write(
        &lib,
        "zebra.txt",
        "Zebra crossings\n\nby Li Wei\n\nCities paint stripes on roads.\n",
    );
    let t = Tmux::start(&home.0, &[lib.to_str().unwrap()], 100, 24);

    t.wait_until(
        |s| s.contains("Zebra crossings") && s.contains("3 articles"),
        "the list",
    );
    t.keys(&["/"]);
    t.type_text("riv");
    let screen = t.wait_until(|s| s.contains("/riv") && s.contains("1 of 3"), "the filter");
    assert_eq!(
        selected(&screen)
            .as_deref()
            .map(|s| s.starts_with("The long river")),
        Some(true),
        "{screen}"
    );
    t.keys(&["Enter"]);
    t.wait_until(
        |s| s.contains("paddled past the weir") && !s.contains("/riv"),
        "the article",
    );
    t.keys(&["q"]);
    let screen = t.wait_for("/riv");
    assert!(
        selected(&screen).is_some_and(|s| s.starts_with("The long river")),
        "{screen}"
    );
    t.keys(&["Escape"]);
    let screen = t.wait_for("3 articles");
    assert!(
        selected(&screen).is_some_and(|s| s.starts_with("The long river")),
        "{screen}"
    );
    t.keys(&["q"]);
    assert_eq!(t.wait_exit(), 0);
}

/// A warm start of a library longer than the cache's head: its first screen comes from
/// the head, and a key pressed the moment it is up acts on the whole list.
#[test]
fn a_warm_start_lists_everything_and_takes_keys_at_once() {
    if !have_tmux() {
        return;
    }
    let home = Scratch::new("warm-library");
    let lib = home.0.join("library");
    std::fs::create_dir_all(&lib).unwrap();
    for i in 0..260 {
        write(
            &lib,
            &format!("n{i:03}.txt"),
            &format!("Notes number {i:03}\n\nThe body of note {i}.\n"),
        );
    }
    write(&lib, "zz.txt", "Zymurgy at home\n\nYeast at work.\n");
    let cache = home.0.join("cache");
    let listed = common::run::run_with(
        &[std::ffi::OsStr::new("list"), lib.as_os_str()],
        None,
        &[("XDG_CACHE_HOME", cache.to_str().unwrap())],
    );
    assert!(listed.status.success());
    let t = Tmux::start(&home.0, &[lib.to_str().unwrap()], 100, 24);
    let screen = t.wait_for("261 articles");
    assert_eq!(
        selected(&screen)
            .as_deref()
            .map(|s| s.starts_with("Notes number 000")),
        Some(true),
        "{screen}"
    );
    t.keys(&["G"]);
    let screen = t.wait_until(
        |s| selected(s).is_some_and(|s| s.starts_with("Zymurgy at home")),
        "the last row",
    );
    assert!(screen.contains("261 articles"), "{screen}");
    t.keys(&["q"]);
    assert_eq!(t.wait_exit(), 0);
}
