//! A warm library's first screen comes from the head of its cache, before the cache is
//! read whole: it must be the whole list's first screen, and keys pressed before the
//! whole list is in must act on it.

mod common;
use common::ui::{screen, send};
use lectern::library::cache;
use lectern::library::entry::{Progress, ProgressMap};
use lectern::tui::app::App;
use lectern::tui::library::{LibraryView, Root};
use lectern::tui::waiting;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

/// Words for titles, so that titles sort in an order the file names do not give.
const WORDS: &[&str] = &[
    "Harbour", "ice", "River", "budget", "lantern", "Coast", "winter", "archive", "mountain",
];

/// A library of `n` articles (more than the cache's head holds) with its cache filled,
/// in a scratch folder: (folder, library, cache folder).
fn warm_library(name: &str, n: usize) -> (tempfile::TempDir, PathBuf, PathBuf) {
    let home = tempfile::Builder::new()
        .prefix(&format!("lectern-start-{name}"))
        .tempdir()
        .unwrap();
    let lib = home.path().join("library");
    let caches = home.path().join("cache");
    for i in 0..n {
        let dir = lib.join(format!("topic-{}", i % 7));
        std::fs::create_dir_all(&dir).unwrap();
        let title = format!(
            "{} {} number {i}",
            WORDS[i * 7 % WORDS.len()],
            WORDS[i * 5 % WORDS.len()]
        );
        std::fs::write(
            dir.join(format!("a{i:04}.txt")),
            format!("{title}\n\nby Ana Ruiz\n\nThe body of article {i} goes on for a while.\n"),
        )
        .unwrap();
    }
    // The one title that sorts last, and one only a filter finds.
    std::fs::write(
        lib.join("topic-1/zz.txt"),
        "Zymurgy for beginners\n\nby Tom Niet\n\nYeast at work.\n",
    )
    .unwrap();
    let file = cache::file_for(&caches, &lib);
    let (entries, _) = lectern::library::scan_blocking(&lib, Some(file));
    assert_eq!(entries.len(), n + 1);
    (home, lib, caches)
}

fn read_at(progress: &mut ProgressMap, path: PathBuf, when: u64) {
    progress.insert(
        path.into_os_string(),
        Progress {
            percent: 30,
            last_read: Some(when),
            ..Progress::default()
        },
    );
}

fn opened(lib: &Path, caches: &Path, progress: ProgressMap) -> App {
    let view = LibraryView::new(
        Root::Dir(lib.to_path_buf()),
        Some(caches.to_path_buf()),
        progress,
    );
    App::with_library(view, (110, 30))
}

/// Polls as the event loop does until the whole list is in, the scan started as after a
/// quiet moment.
fn until_listed(app: &mut App) {
    let start = Instant::now();
    while waiting::loading(app) {
        assert!(start.elapsed() < Duration::from_secs(30), "never listed");
        app.start_background_work();
        waiting::poll(app);
        std::thread::sleep(Duration::from_millis(2));
    }
}

fn selected_title(app: &App) -> String {
    let lib = app.library.as_ref().unwrap();
    lib.entries[lib.selected_entry().unwrap()]
        .title()
        .into_owned()
}

#[test]
fn the_first_screen_is_the_whole_lists_first_screen() {
    let (_home, lib, caches) = warm_library("same", 450);
    let mut progress = ProgressMap::new();
    // Read ones lead the list, most recent first, wherever their titles sort.
    read_at(&mut progress, lib.join("topic-1/zz.txt"), 50);
    read_at(&mut progress, lib.join("topic-3/a0444.txt"), 40);
    read_at(&mut progress, PathBuf::from("/elsewhere/a0001.txt"), 60);
    let mut app = opened(&lib, &caches, progress);
    assert!(waiting::loading(&app), "only the first screen is in");
    let first = screen(&app);
    assert!(first.contains("451 articles"), "{first}");
    assert!(first.contains("› Zymurgy for beginners"), "{first}");
    until_listed(&mut app);
    let lib = app.library.as_ref().unwrap();
    assert_eq!(lib.rows.len(), 451);
    assert_eq!(
        screen(&app),
        first,
        "the whole list's first screen is the same"
    );
}

#[test]
fn keys_pressed_before_the_whole_list_act_on_it_in_order() {
    let (_home, lib, caches) = warm_library("keys", 450);
    let mut app = opened(&lib, &caches, ProgressMap::new());
    // Down past the rows the first screen has, then to the end of the list and one up.
    send(&mut app, &"j".repeat(300));
    assert_eq!(app.held.len(), 300, "held for the whole list");
    assert_eq!(
        app.library.as_ref().unwrap().selected,
        0,
        "nothing moved yet"
    );
    until_listed(&mut app);
    assert_eq!(app.library.as_ref().unwrap().selected, 300);
    let mut app = opened(&lib, &caches, ProgressMap::new());
    send(&mut app, "Gk");
    until_listed(&mut app);
    let view = app.library.as_ref().unwrap();
    assert_eq!(view.selected, 449, "G then k, on all 451 rows");
    assert!(app.held.is_empty());

    // A filter typed at once looks through every article, not only the first screen's.
    let mut app = opened(&lib, &caches, ProgressMap::new());
    send(&mut app, "/zymurgy");
    until_listed(&mut app);
    let view = app.library.as_ref().unwrap();
    assert_eq!(view.rows.len(), 1);
    assert_eq!(selected_title(&app), "Zymurgy for beginners");
    assert!(screen(&app).contains("1 of 451"), "{}", screen(&app));

    // Enter opens the article that was selected, and q quits at once (Ctrl-C too).
    let mut app = opened(&lib, &caches, ProgressMap::new());
    let first = selected_title(&app);
    send(&mut app, "\n");
    until_listed(&mut app);
    let r = app
        .reader
        .as_ref()
        .expect("Enter opened the selected article");
    assert_eq!(r.article().meta.title.as_deref(), Some(first.as_str()));
    let mut app = opened(&lib, &caches, ProgressMap::new());
    waiting::key(
        &mut app,
        KeyEvent::new(KeyCode::Char('c'), KeyModifiers::CONTROL),
    );
    assert!(app.quit);
}
