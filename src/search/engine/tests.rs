use super::*;
use crate::layout::Doc;
use crate::library::scan;
use std::fs;

fn write(dir: &Path, name: &str, text: &str) {
    fs::write(dir.join(name), text).unwrap();
}

/// A small library: text, Markdown with a note and a caption, HTML with chrome, a binary.
fn library() -> tempfile::TempDir {
    let lib = tempfile::tempdir().unwrap();
    write(
        lib.path(),
        "gas.txt",
        "Drilling resumes at the Chunxiao gas field\n\nby Mei Lin\n\n\
         Survey ships returned to the Chunxiao gas field on Monday.\n\n\
         Fishermen said the field had been quiet for a year.\n",
    );
    write(
        lib.path(),
        "notes.md",
        "# Harbour notes\n\nThe harbour froze[^1] early.\n\n\
         ![A tug in the ice near the breakwater](tug.jpg)\n\n\
         [^1]: The harbour master logged the freeze at dawn.\n",
    );
    write(
        lib.path(),
        "page.html",
        "<html><head><title>Page</title></head><body>\
         <nav><a href=/>Home</a> <a href=/subscribe>Subscribe to the harbour newsletter</a></nav>\
         <article><h1>Breakwater repairs</h1><p class=\"harbour-lede\">Crews began work on the \
         breakwater on Tuesday after the winter storms damaged its seaward face, and the work \
         will last until the spring.</p><p>The council set aside money for the repairs in its \
         last budget.</p></article></body></html>",
    );
    fs::write(lib.path().join("junk.txt"), [0u8, 1, 2, 0, 0, 255, 254, 0]).unwrap();
    lib
}

fn items(root: &Path) -> Vec<Item> {
    scan::walk(root)
        .0
        .into_iter()
        .map(|f| Item {
            rel: f.path.strip_prefix(root).unwrap().to_path_buf(),
            path: f.path,
            size: f.size,
            mtime: f.mtime,
        })
        .collect()
}

fn load(path: &Path) -> Result<Article, String> {
    crate::parse::load(path).map_err(|e| e.to_string())
}

/// Runs a search to the end: (file name, count, first snippet's mark) per hit, and the summary.
fn search(
    root: &Path,
    cache: Option<&Path>,
    pattern: &str,
    detail: Detail,
) -> (Vec<(String, usize, Vec<Shown>)>, Summary) {
    let items = items(root);
    let matcher = Matcher::new(pattern).unwrap();
    let stop = AtomicBool::new(false);
    let found = Mutex::new(Vec::new());
    let s = Search {
        items: &items,
        matcher: &matcher,
        detail,
        width: 60,
        cache,
        load: &load,
        stop: &stop,
    };
    let summary = s.run(&|b| {
        found.lock().unwrap().push(b);
        true
    });
    let mut batches = found.into_inner().unwrap();
    batches.sort_by_key(|b| b.items.start);
    let hits = batches
        .into_iter()
        .flat_map(|b| b.hits)
        .map(|h| {
            let name = items[h.item].rel.display().to_string();
            (name, h.count, h.shown)
        })
        .collect();
    (hits, summary)
}

fn marks(shown: &[Shown]) -> Vec<String> {
    shown
        .iter()
        .map(|s| s.snippet.text[s.snippet.mark.clone()].to_string())
        .collect()
}

#[test]
fn a_cold_search_fills_the_cache_and_a_warm_one_reads_no_file() {
    let lib = library();
    let cache = tempfile::tempdir().unwrap();
    let file = cache.path().join("lib.text");
    let (cold, s) = search(lib.path(), Some(&file), "chunxiao gas", Detail::All);
    assert_eq!((s.searched, s.parsed, s.failed), (4, 4, 1));
    assert_eq!(s.saved, Some(Ok(())));
    assert_eq!(cold.len(), 1);
    assert_eq!(cold[0].0, "gas.txt");
    assert_eq!(cold[0].1, 2, "title and body");
    assert_eq!(marks(&cold[0].2), ["Chunxiao gas", "Chunxiao gas"]);

    let (warm, s) = search(lib.path(), Some(&file), "chunxiao gas", Detail::All);
    assert_eq!((s.parsed, s.failed, &s.saved), (0, 1, &None));
    assert_eq!(warm, cold);
}

#[test]
fn a_changed_or_removed_file_is_noticed() {
    let lib = library();
    let cache = tempfile::tempdir().unwrap();
    let file = cache.path().join("lib.text");
    search(lib.path(), Some(&file), "x", Detail::Count);
    write(
        lib.path(),
        "gas.txt",
        "Gas field\n\nThe Chunxiao gas field is quiet again, a longer text.\n",
    );
    let (hits, s) = search(lib.path(), Some(&file), "chunxiao", Detail::Count);
    assert_eq!((s.parsed, hits[0].1), (1, 1));
    fs::remove_file(lib.path().join("page.html")).unwrap();
    let (_, s) = search(lib.path(), Some(&file), "chunxiao", Detail::Count);
    assert_eq!(s.parsed, 0);
    assert_eq!(
        s.saved,
        Some(Ok(())),
        "written again without the removed file"
    );
    let (_, s) = search(lib.path(), Some(&file), "chunxiao", Detail::Count);
    assert_eq!(s.saved, None);
}

#[test]
fn notes_and_captions_are_searched_but_never_markup_or_chrome() {
    let lib = library();
    for cache in [None, Some(tempfile::tempdir().unwrap())] {
        let file = cache.as_ref().map(|d| d.path().join("lib.text"));
        for _ in 0..2 {
            let (hits, _) = search(lib.path(), file.as_deref(), "harbour", Detail::All);
            let got: Vec<(&str, usize)> = hits.iter().map(|h| (h.0.as_str(), h.1)).collect();
            // Title, body and note of the Markdown; nothing in the page: the newsletter link is
            // navigation and `harbour-lede` a class name.
            assert_eq!(got, [("notes.md", 3)]);
            let parts: Vec<Part> = hits[0].2.iter().map(|s| s.anchor.part).collect();
            assert!(
                parts.contains(&Part::Note { note: 0, block: 0 }),
                "{parts:?}"
            );
            let (hits, _) = search(lib.path(), file.as_deref(), "tug in the ice", Detail::First);
            assert_eq!(hits.len(), 1, "the caption");
            let (hits, _) = search(lib.path(), file.as_deref(), "href|subscribe", Detail::First);
            assert!(hits.is_empty(), "{hits:?}");
        }
    }
}

#[test]
fn anchors_point_at_the_match_in_the_part() {
    let lib = library();
    let (hits, _) = search(lib.path(), None, r"field\b", Detail::All);
    let article = load(&lib.path().join("gas.txt")).unwrap();
    let doc = Doc::new(Arc::new(article));
    assert_eq!(hits[0].1, 3);
    for s in &hits[0].2 {
        let text = doc.text(s.anchor.part);
        assert!(text[s.anchor.offset..].starts_with("field"), "{s:?}");
    }
}

#[test]
fn a_stopped_search_writes_no_cache() {
    let lib = library();
    let cache = tempfile::tempdir().unwrap();
    let file = cache.path().join("lib.text");
    let items = items(lib.path());
    let matcher = Matcher::new("the").unwrap();
    let stop = AtomicBool::new(true);
    let s = Search {
        items: &items,
        matcher: &matcher,
        detail: Detail::First,
        width: 60,
        cache: Some(&file),
        load: &load,
        stop: &stop,
    };
    let summary = s.run(&|_| true);
    assert!(matches!(summary.saved, Some(Err(_))), "{summary:?}");
    assert!(!file.exists());
    assert_eq!(fs::read_dir(cache.path()).unwrap().count(), 0);
}

#[test]
fn a_background_search_reports_batches_then_done() {
    let lib = library();
    let job = Job {
        items: items(lib.path()),
        matcher: Arc::new(Matcher::new("breakwater").unwrap()),
        detail: Detail::First,
        width: 40,
        cache: None,
        load: Box::new(load),
    };
    let running = job.spawn();
    let mut hits = 0;
    let mut done = None;
    for p in running.rx.iter() {
        match p {
            Progress::Batch(b) => hits += b.hits.len(),
            Progress::Done(s) => {
                done = Some(s);
                break;
            }
        }
    }
    assert_eq!(hits, 2, "the page and the caption of the Markdown");
    assert_eq!(done.map(|s| s.searched), Some(4));
}
