//! Every book in ../shared/corpus/epub (skipped with a note when absent): every note is a
//! pop-up that shows its text and, when it is referred to more than once, says so and
//! lists each place; every outline entry lands where it says; the status line names it.

use lectern::article::Article;
use lectern::tui::app::App;
use lectern::tui::footnote_popup::NotePopup;
use lectern::tui::outline;
use lectern::tui::theme::Theme;
use std::path::{Path, PathBuf};

fn books() -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus/epub");
    let mut found: Vec<PathBuf> = std::fs::read_dir(&dir)
        .map(|d| d.flatten().map(|e| e.path()).collect())
        .unwrap_or_default();
    found.retain(|p| p.extension().is_some_and(|e| e == "epub"));
    found.sort();
    if found.is_empty() {
        eprintln!("note: no books in {}; skipping", dir.display());
    }
    found
}

fn words(text: &str) -> String {
    text.split_whitespace()
        .take(6)
        .collect::<Vec<_>>()
        .join(" ")
}

#[test]
fn every_note_of_every_book_is_a_working_pop_up() {
    let theme = Theme {
        mono: true,
        light: false,
    };
    for path in books() {
        let article: Article = lectern::parse::load(&path).unwrap();
        let app = App::with_article(article, path.clone(), (100, 30));
        let r = app.reader.as_ref().unwrap();
        for (i, note) in r.article().footnotes.iter().enumerate() {
            let name = format!("{} note {}", path.display(), note.label);
            assert!(note.defined, "{name} has no text");
            let popup = NotePopup::new(i, None);
            let shown: String = popup
                .lines(r, &theme, 70)
                .iter()
                .map(|l| l.to_string())
                .collect::<Vec<_>>()
                .join(" ");
            // Lines of CJK break without a space, so spaces are left out of the comparison.
            let bare = |t: &str| -> String {
                t.chars()
                    .filter(|c| !c.is_whitespace() && *c != '\u{2060}' && *c != '-')
                    .collect()
            };
            let shown = bare(&shown);
            let first = bare(&words(&note.text()));
            assert!(
                shown.contains(&first),
                "{name}: {first:?} not in the pop-up {shown:?}"
            );
            let places = popup.ref_places(r).len();
            assert_eq!(places, note.refs.len(), "{name}");
            if places > 1 {
                assert!(
                    shown.contains(&bare(&format!("Referred to {places} times"))),
                    "{name}: {shown}"
                );
            }
        }
    }
}

#[test]
fn every_outline_entry_lands_on_its_place() {
    for path in books() {
        let article = lectern::parse::load(&path).unwrap();
        let count = article.outline.len();
        assert!(count > 0, "{}", path.display());
        let mut app = App::with_article(article, path.clone(), (100, 30));
        let r = app.reader.as_mut().unwrap();
        let entries = outline::entries(r);
        assert_eq!(
            entries.len(),
            count,
            "{}: every entry is in the document",
            path.display()
        );
        for e in entries {
            r.top = r.layout.locate(lectern::layout::Anchor {
                part: r.doc.parts[e.part],
                offset: e.offset,
            });
            let here = outline::current(r).expect("an entry");
            assert_eq!(here.part, e.part, "{}: {}", path.display(), e.title);
        }
    }
}
