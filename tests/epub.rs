//! EPUB books written by the tests (see `common::epub`): metadata, outline, every note's
//! text and how often it is referred to, chapter breaks, jumps, encodings, the two-step
//! load, and the library listing books beside articles.

mod common;
use common::epub::{ferries, keepers, long_book};
use common::{Scratch, run_with};
use lectern::article::{Article, BlockKind, Credit, Format, MarkKind, Place};
use std::ffi::OsStr;
use std::path::PathBuf;

fn run_str(args: &[&str]) -> std::process::Output {
    let args: Vec<&OsStr> = args.iter().map(OsStr::new).collect();
    run_with(&args, None, &[])
}

fn load(zip: &common::epub::Zip, dir: &Scratch, name: &str) -> (PathBuf, Article) {
    let path = dir.0.join(name);
    zip.write(&path);
    let article = lectern::parse::load(&path).unwrap_or_else(|e| panic!("{name}: {e}"));
    (path, article)
}

/// (label, text, number of references) for every note, in order.
fn notes(a: &Article) -> Vec<(String, String, usize)> {
    a.footnotes
        .iter()
        .map(|f| (f.label.clone(), f.text(), f.refs.len()))
        .collect()
}

/// (title, depth, text of the block it points at) for every outline entry.
fn outline(a: &Article) -> Vec<(String, u8, String)> {
    a.outline
        .iter()
        .map(|e| {
            let text = a.block(e.at.place).map_or("?", |b| &b.text[e.at.offset..]);
            (e.title.clone(), e.depth, text.chars().take(24).collect())
        })
        .collect()
}

/// The body's text, a line per block.
fn body_text(a: &Article) -> String {
    let texts: Vec<&str> = a.blocks.iter().map(|b| b.text.as_str()).collect();
    texts.join("\n")
}

fn owned(v: &[(&str, &str, usize)]) -> Vec<(String, String, usize)> {
    v.iter()
        .map(|(l, t, n)| (l.to_string(), t.to_string(), *n))
        .collect()
}

#[test]
fn an_epub3_book_with_a_navigation_document_and_endnotes() {
    let dir = Scratch::new("epub3");
    let (_, a) = load(&keepers(), &dir, "keepers.epub");
    assert_eq!(a.format, Format::Epub);
    let m = &a.meta;
    assert_eq!(m.title.as_deref(), Some("The Keepers of Corran Point"));
    assert_eq!(m.authors, ["Morag Innes", "Tomas Reyes"]);
    let credits: Vec<(&str, Credit)> = m
        .contributors
        .iter()
        .map(|c| (c.name.as_str(), c.role))
        .collect();
    assert_eq!(
        credits,
        [("Ilse Brandt", Credit::Translator)],
        "the producer is not a credit"
    );
    let date = m.date.as_ref().unwrap();
    assert_eq!(date.iso.as_deref(), Some("2021-09-14"));
    assert_eq!(m.language.as_deref(), Some("en-GB"));
    assert_eq!(m.site.as_deref(), Some("Harbour Lantern Press"));
    assert_eq!(
        m.summary.as_deref(),
        Some("A short history of a lighthouse and its keepers.")
    );

    let o = outline(&a);
    let want = [
        ("Titlepage", 1, "The Keepers of Corran Poi"),
        ("I: The Rock", 1, "I: The Rock"),
        ("The Lamp", 2, "The lamp burned whale oil"),
        ("II: The Storm", 1, "II: The Storm"),
        ("Endnotes", 1, "The date is cut into the "),
    ];
    let want: Vec<(String, u8, String)> = want
        .iter()
        .map(|(t, d, b)| (t.to_string(), *d, b.chars().take(24).collect()))
        .collect();
    assert_eq!(o, want, "the toc nav, not the landmarks");
    assert!(
        matches!(a.outline[4].at.place, Place::Note { .. }),
        "Endnotes is where the notes are"
    );

    assert_eq!(
        notes(&a),
        owned(&[
            (
                "*",
                "The first lens was ground from fourteen separate pieces of glass.",
                1
            ),
            ("1", "The date is cut into the lintel above the door.", 1),
            (
                "2",
                "Colza is rapeseed.\n\nIt burned cleaner than whale oil and cost less.",
                1
            ),
            (
                "3",
                "The log for that night survives; compare the lamp.[5]",
                2
            ),
            ("4", "The glazier came over from Oban by the mail boat.", 1),
            (
                "5",
                "A note on a note: the log is kept in the county archive.",
                1
            ),
        ])
    );
    let nested = &a.footnotes[5].refs[0];
    assert_eq!(
        nested.place,
        Place::Note { note: 3, block: 0 },
        "the note on a note is referred to from inside note 3"
    );

    let kinds: Vec<&str> = a.blocks.iter().map(|b| b.kind.name()).collect();
    assert_eq!(
        kinds,
        [
            "heading",
            "paragraph",
            "rule",
            "heading",
            "paragraph",
            "paragraph",
            "caption",
            "paragraph",
            "rule",
            "heading",
            "paragraph",
            "paragraph"
        ],
        "chapters with rules between them, the endnotes file leaving no empty heading: {:#?}",
        a.blocks
    );
    let body = body_text(&a);
    assert!(
        body.contains("kept a log\u{2060}—a habit"),
        "the word joiner stays in the text"
    );
    assert!(!body.contains('↩'), "back-links are dropped");
    assert!(
        body.contains("first lit in 1791,[1] and"),
        "reference in place: {body}"
    );
    assert_eq!(a.blocks[6].text, "The tower seen from the landing stage");
}

#[test]
fn links_into_the_book_are_jumps_and_notes_are_not() {
    let dir = Scratch::new("epub-links");
    let (_, a) = load(&keepers(), &dir, "keepers.epub");
    let mut jumps = Vec::new();
    for place in a.places() {
        let b = a.block(place).unwrap();
        for m in &b.marks {
            if let MarkKind::Link { url } = &m.kind {
                let target = a.anchors.get(url.trim_start_matches('#')).expect(url);
                let to = a.block(target.place).unwrap();
                jumps.push((
                    b.text[m.range.clone()].to_string(),
                    to.text[target.offset..]
                        .chars()
                        .take(20)
                        .collect::<String>(),
                ));
            }
        }
    }
    assert_eq!(
        jumps,
        [
            (
                "the great storm".to_string(),
                "In the winter of 188".to_string()
            ),
            ("the lamp".to_string(), "The lamp burned whal".to_string()),
        ],
        "one jump in the text, one from inside a note; no note reference is a link"
    );
}

#[test]
fn an_epub2_book_with_an_ncx_plain_notes_and_a_latin1_chapter() {
    let dir = Scratch::new("epub2");
    let (_, a) = load(&ferries(), &dir, "ferries.epub");
    let m = &a.meta;
    assert_eq!(m.title.as_deref(), Some("Ferries of the Inner Sound"));
    assert_eq!(
        m.authors,
        ["Nadia Osei"],
        "the editor listed first is not an author"
    );
    assert_eq!(m.contributors[0].name, "Pell Harker");
    assert_eq!(m.contributors[0].role, Credit::Editor);
    assert_eq!(
        m.date.as_ref().unwrap().iso.as_deref(),
        Some("1952-06-01"),
        "the work's own date"
    );
    assert!(a.encoding.contains("windows-1252"), "{}", a.encoding);

    let o = outline(&a);
    let titles: Vec<(&str, u8)> = o.iter().map(|(t, d, _)| (t.as_str(), *d)).collect();
    assert_eq!(
        titles,
        [
            ("1. The Crossings", 1),
            ("2. At the Pier Café", 1),
            ("The Timetable", 2),
            ("Notes", 1)
        ]
    );
    assert_eq!(o[2].2, "The Timetable");

    let body = body_text(&a);
    for word in [
        "crème caramel",
        "« le meilleur »",
        "Straße",
        "señor",
        "½ price",
    ] {
        assert!(body.contains(word), "{word} decoded from Latin-1: {body}");
    }
    assert!(body.contains("carried\u{a0}twelve"), "&nbsp; read: {body}");
    assert!(
        body.contains("A map of the three crossings"),
        "the image's description"
    );
    assert!(!body.contains("Back to chapter"), "back-links are dropped");
    assert!(
        !a.blocks.iter().any(|b| b.text == "Notes"),
        "the notes file's heading is not left alone in the body"
    );
    assert_eq!(
        notes(&a),
        owned(&[
            ("A", "Half price was for children under twelve.", 1),
            ("1", "The third boat was laid up every winter.", 1),
            (
                "2",
                "Twelve was the licence; on market days there were more.\n\nThe harbour master looked the other way.",
                1
            ),
            ("3", "In shillings until 1971.", 2),
        ])
    );
}

#[test]
fn inspect_and_render_show_the_book() {
    let dir = Scratch::new("epub-cli");
    let path = dir.0.join("keepers.epub");
    keepers().write(&path);
    let out = run_str(&["inspect", path.to_str().unwrap()]);
    assert!(out.status.success());
    let j: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(j["format"], "epub");
    assert_eq!(j["contributors"][0]["role"], "translator");
    assert_eq!(j["language"], "en-GB");
    assert_eq!(j["outline"][2]["title"], "The Lamp");
    assert_eq!(j["outline"][2]["depth"], 2);
    let out = run_str(&["render", "--width", "60", path.to_str().unwrap()]);
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.contains("By Morag Innes and Tomas Reyes · translated by Ilse Brandt"),
        "{text}"
    );
    assert!(
        text.contains("kept a log—a habit"),
        "drawn without the joiner: {text}"
    );
    assert!(!text.contains('\u{2060}'));
    assert!(text.contains("I: The Rock"));
    assert!(text.contains("Notes"));
}

#[test]
fn a_long_book_opens_in_two_steps_and_is_known_by_its_text() {
    let dir = Scratch::new("epub-long");
    let path = dir.0.join("tides.epub");
    long_book(12, 4000).write(&path);
    let whole = lectern::parse::load(&path).unwrap();
    let start = lectern::parse::load_start(&path, 128 * 1024, 16 * 1024).expect("a long book");
    assert!(start.partial);
    assert!(!whole.partial);
    assert!(
        start.blocks.len() * 4 < whole.blocks.len(),
        "only its start"
    );
    assert_eq!(start.blocks[0].text, whole.blocks[0].text);
    assert_eq!(start.meta.title, whole.meta.title);
    let moved = dir.0.join("renamed.epub");
    std::fs::copy(&path, &moved).unwrap();
    let again = lectern::parse::load(&moved).unwrap();
    assert_eq!(
        lectern::store::Fingerprint::of(&whole),
        lectern::store::Fingerprint::of(&again)
    );
    // One long chapter: only its start is read, and read as the whole is.
    let one = dir.0.join("one-chapter.epub");
    long_book(2, 40_000).write(&one);
    let start = lectern::parse::load_start(&one, 128 * 1024, 16 * 1024).unwrap();
    let whole = lectern::parse::load(&one).unwrap();
    assert!(start.partial && start.blocks.len() * 10 < whole.blocks.len());
    for (a, b) in start.blocks.iter().zip(&whole.blocks) {
        assert_eq!(a, b);
    }
    let small = dir.0.join("keepers.epub");
    keepers().write(&small);
    assert!(
        lectern::parse::load_start(&small, 128 * 1024, 16 * 1024).is_none(),
        "a short book is read whole at once"
    );
}

#[test]
fn a_book_read_from_standard_input() {
    let out = run_with(
        &[OsStr::new("inspect"), OsStr::new("-")],
        Some(&keepers().bytes()),
        &[],
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let j: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(j["title"], "The Keepers of Corran Point");
}

#[test]
fn the_library_lists_books_beside_articles() {
    let dir = Scratch::new("epub-library");
    keepers().write(&dir.0.join("keepers.epub"));
    ferries().write(&dir.0.join("sub-ferries.EPUB"));
    std::fs::write(
        dir.0.join("note.md"),
        "# A harbour note\n\nSome words about the harbour.\n",
    )
    .unwrap();
    let out = run_with(
        &[OsStr::new("list"), dir.0.as_os_str(), OsStr::new("--json")],
        None,
        &[
            ("XDG_CACHE_HOME", dir.0.join("cache").to_str().unwrap()),
            ("XDG_DATA_HOME", dir.0.join("data").to_str().unwrap()),
        ],
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let j: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let rows: Vec<(String, String, String)> = j
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            (
                r["title"].as_str().unwrap().to_string(),
                r["authors"][0].as_str().unwrap_or("").to_string(),
                r["date"].as_str().unwrap_or("").to_string(),
            )
        })
        .collect();
    assert_eq!(
        rows,
        [
            ("A harbour note".into(), String::new(), String::new()),
            (
                "Ferries of the Inner Sound".into(),
                "Nadia Osei".into(),
                "1952-06-01".into()
            ),
            (
                "The Keepers of Corran Point".into(),
                "Morag Innes".into(),
                "2021-09-14".into()
            ),
        ]
    );
    assert!(j[2]["words"].as_u64().unwrap() > 50);
}

#[test]
fn headings_of_each_chapter_are_headings() {
    let dir = Scratch::new("epub-headings");
    let (_, a) = load(&ferries(), &dir, "ferries.epub");
    let headings: Vec<(&str, u8)> = a
        .blocks
        .iter()
        .filter_map(|b| match b.kind {
            BlockKind::Heading { level } => Some((b.text.as_str(), level)),
            _ => None,
        })
        .collect();
    assert_eq!(
        headings,
        [
            ("1. The Crossings", 1),
            ("2. At the Pier Café", 1),
            ("The Timetable", 2)
        ]
    );
}
