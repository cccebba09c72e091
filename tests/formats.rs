//! Markdown, HTML, Gutenberg and legacy-encoding articles, from fixtures written for Lectern.

use lectern::article::{Article, BlockKind, Footnote, MarkKind};
use lectern::parse::{self, load, parse_bytes};
use std::path::Path;

fn fixture(name: &str) -> Article {
    load(
        &Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures/formats")
            .join(name),
    )
    .expect("fixture loads")
}

fn note<'a>(a: &'a Article, label: &str) -> &'a Footnote {
    a.footnotes
        .iter()
        .find(|f| f.label == label)
        .unwrap_or_else(|| panic!("no note {label}"))
}

fn body(a: &Article) -> String {
    a.blocks
        .iter()
        .map(|b| b.text.as_str())
        .collect::<Vec<_>>()
        .join("\n")
}

fn sources(a: &Article) -> Vec<String> {
    a.citations.iter().map(|c| c.source.clone()).collect()
}

#[test]
fn markdown_front_matter_and_title() {
    let a = fixture("tide-gauges.md");
    assert_eq!(
        a.meta.title.as_deref(),
        Some("Reading the Tide Gauges: A Field Season")
    );
    assert_eq!(a.meta.authors, ["Marta Okonkwo", "Ilse Varga"]);
    assert_eq!(
        a.meta.date.as_ref().and_then(|d| d.iso.as_deref()),
        Some("2023-09-14")
    );
    assert!(
        !a.blocks
            .iter()
            .any(|b| matches!(b.kind, BlockKind::Heading { level: 1 })),
        "title heading not repeated"
    );
}

#[test]
fn markdown_notes_named_numbered_multi_paragraph_and_unused() {
    let a = fixture("tide-gauges.md");
    let labels: Vec<_> = a.footnotes.iter().map(|f| f.label.as_str()).collect();
    assert_eq!(labels, ["drift", "1", "2", "unused"]);
    let drift = note(&a, "drift");
    assert_eq!(drift.blocks.len(), 2);
    assert!(drift.blocks[1].text.starts_with("A second paragraph"));
    assert_eq!(drift.refs.len(), 1);
    assert_eq!(
        note(&a, "1").text(),
        "One centimetre is the tolerance the harbour board asks for."
    );
    // Once from a table cell, once from inside the drift note.
    assert_eq!(note(&a, "2").refs.len(), 2);
    let unused = note(&a, "unused");
    assert!(unused.defined && unused.refs.is_empty());
}

#[test]
fn markdown_blocks_and_marks() {
    let a = fixture("tide-gauges.md");
    let table = a.blocks.iter().find_map(|b| match &b.kind {
        BlockKind::Table { rows, header } => Some((rows.clone(), *header)),
        _ => None,
    });
    let (rows, header) = table.expect("a table");
    assert!(header);
    assert_eq!(rows[0], ["Gauge", "Type", "Mean offset (mm)"]);
    assert_eq!(rows.len(), 4);
    let markers: Vec<_> = a
        .blocks
        .iter()
        .filter_map(|b| match &b.kind {
            BlockKind::ListItem { depth, marker } => Some((*depth, marker.as_str())),
            _ => None,
        })
        .collect();
    assert_eq!(&markers[..3], [(0, "☑"), (0, "☐"), (0, "☑")]);
    assert!(markers.contains(&(1, "◦")), "nested list item: {markers:?}");
    assert!(markers.contains(&(0, "3.")));
    let code = a
        .blocks
        .iter()
        .find(|b| b.kind == BlockKind::Code)
        .expect("code block");
    assert_eq!(
        code.text,
        "offset = radar_mm - float_mm\nif abs(offset) > 10: flag()"
    );
    assert!(body(&a).contains("[image: Float gauge hut at low water]"));
    assert!(a.blocks.iter().any(|b| b.kind == BlockKind::Quote));
    let marks: Vec<&MarkKind> = a
        .blocks
        .iter()
        .flat_map(|b| b.marks.iter().map(|m| &m.kind))
        .collect();
    assert!(marks.contains(&&MarkKind::Strike));
    assert!(marks.contains(&&MarkKind::Emphasis));
    assert!(marks.contains(&&MarkKind::Link {
        url: "https://example.org/tides/pennock".into()
    }));
}

#[test]
fn markdown_academic_citations() {
    let a = fixture("tide-gauges.md");
    let s = sources(&a);
    assert!(s.iter().any(|x| x == "Halloran"), "{s:?}");
    assert!(s.iter().any(|x| x.starts_with("Brandt")), "{s:?}");
}

#[test]
fn pandoc_html_notes_and_metadata() {
    let a = fixture("pandoc-lanterns.html");
    assert_eq!(a.format, lectern::article::Format::Html);
    assert_eq!(
        a.meta.title.as_deref(),
        Some("Paper Lanterns of the River Towns")
    );
    assert_eq!(a.meta.authors, ["Teodor Lindqvist", "Ama Boateng"]);
    assert_eq!(
        a.meta.date.as_ref().and_then(|d| d.iso.as_deref()),
        Some("2022-11-03")
    );
    assert_eq!(a.footnotes.len(), 2);
    assert_eq!(note(&a, "1").refs.len(), 2);
    assert_eq!(
        note(&a, "1").text(),
        "The first written mention is a harbour ledger."
    );
    assert_eq!(note(&a, "2").blocks.len(), 2);
    let all = format!(
        "{}{}",
        body(&a),
        a.footnotes.iter().map(Footnote::text).collect::<String>()
    );
    assert!(!all.contains('↩'), "back-links removed");
    assert!(
        body(&a).contains("mulberry paper\u{a0}and"),
        "entities decoded"
    );
    let code = a
        .blocks
        .iter()
        .find(|b| b.kind == BlockKind::Code)
        .expect("pre");
    assert_eq!(
        code.text,
        "frame: bamboo, 4 ribs\npaper: mulberry, 2 sheets"
    );
    assert!(sources(&a).iter().any(|s| s == "Sandoval"));
}

#[test]
fn wikipedia_references_with_a_reused_name() {
    let a = fixture("wiki-lighthouse.html");
    assert_eq!(a.meta.title.as_deref(), Some("Carrow Point Lighthouse"));
    let labels: Vec<_> = a
        .footnotes
        .iter()
        .map(|f| (f.label.as_str(), f.refs.len()))
        .collect();
    assert_eq!(labels, [("1", 3), ("2", 1), ("3", 1)]);
    assert_eq!(
        note(&a, "1").text(),
        "Carrow Harbour Board minutes, 1866–1958."
    );
    let text = body(&a);
    for chrome in [
        "Jump to content",
        "Main page",
        "[edit]",
        "edit",
        "Categories",
        "last edited",
        "free encyclopedia",
        "Lighthouses of the south coast",
    ] {
        assert!(!text.contains(chrome), "{chrome} left in:\n{text}");
    }
    assert!(!text.contains("^"));
    assert!(text.starts_with("Carrow Point Lighthouse is a disused lighthouse"));
}

#[test]
fn news_page_chrome_is_gone_and_kept_aside() {
    let a = fixture("news-orchard.html");
    assert_eq!(
        a.meta.title.as_deref(),
        Some("Orchard co-op doubles cider output after frost-free spring")
    );
    assert_eq!(a.meta.authors, ["Priya Ramanathan"]);
    assert_eq!(a.meta.site.as_deref(), Some("The Valley Ledger"));
    assert_eq!(
        a.meta.date.as_ref().and_then(|d| d.iso.as_deref()),
        Some("2024-05-06")
    );
    let text = body(&a);
    for chrome in [
        "cookies",
        "Share on",
        "Copy link",
        "Sign up",
        "Subscribe",
        "Comments",
        "Great news",
        "©",
        "Related",
        "Frost alarms",
        "Sport",
        "window.tracking",
        "display: flex",
    ] {
        assert!(!text.contains(chrome), "{chrome} left in:\n{text}");
    }
    assert_eq!(a.blocks.len(), 3, "{text}");
    let removed = a.removed.join("\n");
    assert!(removed.contains("We use cookies"));
    assert!(removed.contains("Share on Facebook"));
    assert!(removed.contains("Sign up for our newsletter"));
    let s = sources(&a);
    assert!(
        s.iter().any(|x| x == "Valley Ledger") && s.iter().any(|x| x == "Fruit Growers Weekly"),
        "{s:?}"
    );
}

#[test]
fn noteref_and_epub_footnotes() {
    let a = fixture("noteref-ferries.xhtml");
    assert_eq!(a.meta.title.as_deref(), Some("Night Ferries"));
    assert_eq!(a.meta.authors, ["Oskar Hallgren"]);
    assert_eq!(a.footnotes.len(), 2);
    assert_eq!(a.footnotes[0].refs.len(), 2);
    assert_eq!(
        a.footnotes[0].text(),
        "The bakeries on the island open at four."
    );
    assert_eq!(a.footnotes[1].refs.len(), 1);
    assert!(!body(&a).contains("abandoned"));
}

#[test]
fn windows_1252_text() {
    let a = fixture("cp1252-ledger.txt");
    assert_eq!(a.encoding, "windows-1252");
    assert_eq!(a.meta.title.as_deref(), Some("The Glassblower’s Ledger"));
    assert_eq!(a.meta.authors, ["Renée Castellane"]);
    let standfirst = a.meta.summary.as_deref().unwrap_or_default();
    assert!(
        standfirst.contains("one ledger – a fat, cloth-bound book –"),
        "{standfirst}"
    );
    assert!(body(&a).contains("the café opposite"));
}

#[test]
fn utf16_text_with_and_without_bom() {
    let a = fixture("utf16-farm-diary.txt");
    assert_eq!(a.encoding, "UTF-16LE");
    assert_eq!(
        a.meta.title.as_deref(),
        Some("Ферма у озера: notes on a lakeside farm")
    );
    assert_eq!(a.meta.authors, ["Anneli Korhonen"]);
    let bytes = std::fs::read(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/formats/utf16-farm-diary.txt"),
    )
    .unwrap();
    let no_bom = parse_bytes(&bytes[2..], lectern::article::Format::Text).unwrap();
    assert_eq!(no_bom.encoding, "UTF-16LE");
    assert_eq!(no_bom.meta.title, a.meta.title);
    let text: String = String::from_utf16(
        &bytes[2..]
            .chunks(2)
            .map(|c| u16::from_le_bytes([c[0], c[1]]))
            .collect::<Vec<_>>(),
    )
    .unwrap();
    let be: Vec<u8> = text.encode_utf16().flat_map(u16::to_be_bytes).collect();
    let be = parse_bytes(&be, lectern::article::Format::Text).unwrap();
    assert_eq!(be.encoding, "UTF-16BE");
    assert_eq!(be.meta.title, a.meta.title);
}

#[test]
fn shift_jis_and_gbk_are_detected() {
    let japanese = "港の朝市\n\n毎朝五時に港の朝市が開かれます。漁師たちは夜明け前に船を戻し、獲れたばかりの魚を並べます。近所の食堂の主人たちが最初の客で、値段は声で決まります。雨の日でも市は休みません。\n";
    let (sjis, _, _) = encoding_rs::SHIFT_JIS.encode(japanese);
    let a = parse_bytes(&sjis, lectern::article::Format::Text).unwrap();
    assert_eq!(a.encoding, "Shift_JIS");
    assert!(body(&a).contains("漁師たちは夜明け前に船を戻し"));
    let chinese = "山城的茶馆\n\n山城的老茶馆每天清晨六点开门。老人们带着鸟笼来喝茶，聊天气，也聊家里的琐事。茶馆的老板说，这里的茶叶都来自附近的山上，价格三十年来几乎没有变化。\n";
    let (gbk, _, _) = encoding_rs::GBK.encode(chinese);
    let a = parse_bytes(&gbk, lectern::article::Format::Text).unwrap();
    assert_eq!(a.encoding, "GBK");
    assert!(body(&a).contains("老人们带着鸟笼来喝茶"));
}

#[test]
fn crlf_and_cr_line_ends_parse_alike() {
    let md = "# Tides\n\nOne line\nand the next.[^a]\n\n[^a]: A note.\n";
    let lf = parse::parse_bytes(md.as_bytes(), lectern::article::Format::Markdown).unwrap();
    for ending in ["\r\n", "\r"] {
        let other = md.replace('\n', ending);
        let a = parse::parse_bytes(other.as_bytes(), lectern::article::Format::Markdown).unwrap();
        assert_eq!(a.meta.title, lf.meta.title);
        assert_eq!(body(&a), body(&lf));
        assert_eq!(a.footnotes[0].text(), "A note.");
    }
}

#[test]
fn gutenberg_header_licence_chapters_and_notes() {
    let a = fixture("gutenberg-saltmarsh.txt");
    assert_eq!(
        a.meta.title.as_deref(),
        Some("The Saltmarsh Almanac Being Notes on a Coastal Parish")
    );
    assert_eq!(a.meta.authors, ["Edwin Marlowe"]);
    let text = body(&a);
    for gone in [
        "START OF",
        "END OF",
        "Updated editions",
        "Release Date",
        "By Edwin Marlowe",
        "[Footnote",
    ] {
        assert!(!text.contains(gone), "{gone} left in:\n{text}");
    }
    let removed = a.removed.join("\n");
    assert!(removed.contains("Updated editions") && removed.contains("Release Date"));
    let headings: Vec<_> = a
        .blocks
        .iter()
        .filter(|b| matches!(b.kind, BlockKind::Heading { .. }))
        .map(|b| b.text.as_str())
        .collect();
    assert_eq!(
        headings,
        [
            "CHAPTER I. THE PARISH AND ITS WATERS",
            "CHAPTER II. THE SEXTON'S LIST"
        ]
    );
    assert_eq!(
        note(&a, "1").text(),
        "The tower was whitewashed on its seaward face for this very reason, and the parish paid for the lime."
    );
    assert_eq!(note(&a, "2").blocks.len(), 2);
    assert_eq!(note(&a, "1").refs.len(), 1);
    // "[5] boats" starts a line inside a paragraph: a reference, not a definition.
    let five = note(&a, "5");
    assert!(!five.defined);
    assert_eq!(five.refs.len(), 1);
    assert!(text.contains("forty-one houses and [5] boats"));
    assert!(!note(&a, "3").defined);
    let crane = note(&a, "*1");
    assert_eq!(crane.refs.len(), 1);
    assert!(crane.text().starts_with("His name was Abel Crane"));
    assert!(!text.contains("Abel Crane"));
}

#[test]
fn awkward_html_does_not_panic() {
    for src in [
        "<p>unclosed <b>bold <i>both</p> after",
        "<table><tr><td><table><tr><td>x</td></tr></table></td></tr></table>",
        "<a href='#x'>1</a><li id='x'>loop <a href='#x'>1</a></li>",
        "<pre>\n\n</pre><sup><a href=\"#nowhere\">[9]</a></sup>",
        "",
    ] {
        let _ = parse::parse_str(src, lectern::article::Format::Html);
    }
}

#[test]
fn gutenberg_contents_is_a_list_and_each_chapter_a_heading_once() {
    let a = fixture("gutenberg-lighthouse-keepers.txt");
    let headings: Vec<(u8, &str)> = a
        .blocks
        .iter()
        .filter_map(|b| match b.kind {
            BlockKind::Heading { level } => Some((level, b.text.as_str())),
            _ => None,
        })
        .collect();
    assert_eq!(
        headings,
        [
            (2, "CONTENTS"),
            (2, "BOOK ONE: THE ROCK"),
            (3, "CHAPTER I"),
            (3, "CHAPTER II"),
            (2, "BOOK TWO: THE MAINLAND"),
            (3, "CHAPTER I"),
            (3, "CHAPTER II"),
            (3, "CHAPTER III"),
            (2, "FIRST EPILOGUE"),
            (3, "CHAPTER I"),
            (2, "SECOND EPILOGUE"),
            (3, "CHAPTER I"),
            (3, "CHAPTER II"),
        ]
    );
    // The contents: one list, books at the top level and their chapters under them.
    let items: Vec<(u8, &str)> = a
        .blocks
        .iter()
        .filter_map(|b| match b.kind {
            BlockKind::ListItem { depth, .. } => Some((depth, b.text.as_str())),
            _ => None,
        })
        .collect();
    assert_eq!(items.len(), 12, "{items:?}");
    assert_eq!(items[0], (0, "BOOK ONE: THE ROCK"));
    assert_eq!(items[1], (1, "CHAPTER I"));
    assert_eq!(items[9], (0, "SECOND EPILOGUE"));
    // The licence tail is set aside, not read as the last paragraph.
    let text = body(&a);
    assert!(!text.contains("End of the Project Gutenberg"), "{text}");
    assert!(
        a.removed
            .iter()
            .any(|r| r.starts_with("End of the Project Gutenberg"))
    );
}

#[test]
fn gutenberg_underscores_dashes_and_double_spaces() {
    let a = fixture("gutenberg-lighthouse-keepers.txt");
    let para = |start: &str| {
        a.blocks
            .iter()
            .find(|b| b.text.starts_with(start))
            .unwrap_or_else(|| panic!("no paragraph starting {start:?}"))
    };
    let relief = para("The relief boat");
    assert!(
        relief
            .text
            .contains("the keeper—a patient man by any measure—said nothing about it. He counted the crates twice. Then"),
        "{}",
        relief.text
    );
    let oil = para("\"You will find");
    assert_eq!(
        oil.text,
        "\"You will find the lamp oil short again,\" said the boatman."
    );
    let emph: Vec<&str> = oil
        .marks
        .iter()
        .filter(|m| m.kind == MarkKind::Emphasis)
        .map(|m| &oil.text[m.range.clone()])
        .collect();
    assert_eq!(emph, ["lamp oil"]);
    assert!(
        para("On the mainland")
            .text
            .contains("a street — nor a horse — and")
    );
}

#[test]
fn restructured_text_underlined_headings() {
    let src = "Title: A Proposal\n\nAbstract\n========\n\nThis proposal adds one thing.\n\nRationale\n---------\n\nBecause it is small.\n\nDetails\n-------\n\nNone yet.\n";
    let a = parse::parse_str(src, lectern::article::Format::Text);
    let headings: Vec<(u8, &str)> = a
        .blocks
        .iter()
        .filter_map(|b| match b.kind {
            BlockKind::Heading { level } => Some((level, b.text.as_str())),
            _ => None,
        })
        .collect();
    assert_eq!(
        headings,
        [(2, "Abstract"), (3, "Rationale"), (3, "Details")]
    );
    assert!(!body(&a).contains("=="), "{}", body(&a));
}

#[test]
fn markdown_prose_has_single_spaces_and_code_keeps_its_own() {
    let src = "# Spaces\n\nThe first sentence ends.  The second follows.\n\n    let  a = 1;\n\nInline `a  b` code.\n";
    let a = parse::parse_str(src, lectern::article::Format::Markdown);
    let texts: Vec<&str> = a.blocks.iter().map(|b| b.text.as_str()).collect();
    assert!(
        texts.contains(&"The first sentence ends. The second follows."),
        "{texts:?}"
    );
    assert!(texts.contains(&"let  a = 1;"), "{texts:?}");
    assert!(texts.contains(&"Inline a  b code."), "{texts:?}");
}

#[test]
fn text_sentences_have_single_spaces() {
    let src = "A Title Here\n\nThe first sentence ends.  The second follows, as\ntypists wrote it.  A third.\n";
    let a = parse::parse_str(src, lectern::article::Format::Text);
    assert!(
        a.blocks.iter().any(|b| b.text
            == "The first sentence ends. The second follows, as typists wrote it. A third."),
        "{:?}",
        a.blocks
    );
}
