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
