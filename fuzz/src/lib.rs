//! What each fuzz target runs and asserts. `tests/fuzz_regressions.rs` includes this file
//! too, so a kept input replays on stable through exactly the code the fuzzer ran.

use std::sync::Arc;

pub mod app;
pub mod state;

use lectern::article::{Article, Block, BlockKind, Format, MarkKind};
use lectern::decode::neutralise;
use lectern::layout::{Doc, Layout, LinePos, Part, Style, note_lines};

/// Decodes bytes; whatever comes out must be sanitised.
pub fn decode(data: &[u8]) {
    if let Ok(decoded) = lectern::decode::decode(data) {
        assert_sanitised("decoded text", &decoded.text);
    }
}

/// Decodes and parses bytes as `format`, then checks the article's invariants.
pub fn parse(data: &[u8], format: Format) {
    if let Ok(article) = lectern::parse::parse_bytes(data, format) {
        check_article(&article);
    }
}

/// Reads bytes as a book. An even first byte: the rest is the archive itself. An odd one:
/// the rest is one chapter's XHTML inside a small book written around it, with a notes
/// file that links to the chapter, so the content path (anchors, links, notes across files)
/// is what gets fuzzed. Besides the article's invariants, every anchor, outline entry and
/// link into the book must point at a place that exists.
pub fn epub(data: &[u8]) {
    let Some((&first, rest)) = data.split_first() else {
        return;
    };
    let archive = if first % 2 == 0 {
        rest.to_vec()
    } else {
        book_around(rest)
    };
    let Ok(article) = lectern::parse::epub::from_bytes(&archive, "fuzz") else {
        return;
    };
    check_article(&article);
    let at_place = |pos: &lectern::article::Pos| {
        let block = article.block(pos.place).expect("anchor's block exists");
        assert!(
            block.text.is_char_boundary(pos.offset),
            "anchor inside a character"
        );
    };
    article.anchors.values().for_each(at_place);
    article.outline.iter().for_each(|e| at_place(&e.at));
    for place in article.places() {
        for m in &article.block(place).expect("place").marks {
            if let MarkKind::Link { url } = &m.kind
                && let Some(id) = url.strip_prefix('#')
            {
                assert!(
                    article.anchors.contains_key(id),
                    "link to a missing anchor {url}"
                );
            }
        }
    }
}

fn book_around(chapter: &[u8]) -> Vec<u8> {
    use std::io::Write;
    let opf = r#"<package xmlns="http://www.idpf.org/2007/opf" version="3.0"><metadata xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>F</dc:title></metadata><manifest><item id="c" href="c.xhtml" media-type="application/xhtml+xml"/><item id="n" href="n.xhtml" media-type="application/xhtml+xml"/></manifest><spine><itemref idref="c"/><itemref idref="n"/></spine></package>"#;
    let notes = r##"<html xmlns="http://www.w3.org/1999/xhtml" xmlns:epub="http://www.idpf.org/2007/ops"><body><p>See <a href="c.xhtml#a">here</a> and <a href="c.xhtml">there</a>.</p><ol><li id="note-1"><p>One. <a href="c.xhtml#noteref-1">↩</a></p></li><li id="n2"><p><a href="c.xhtml#r2">2.</a> Two.</p></li></ol></body></html>"##;
    let mut w = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let stored =
        zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    let files: [(&str, &[u8]); 5] = [
        ("mimetype", b"application/epub+zip"),
        (
            "META-INF/container.xml",
            br#"<container><rootfiles><rootfile full-path="b.opf" media-type="application/oebps-package+xml"/></rootfiles></container>"#,
        ),
        ("b.opf", opf.as_bytes()),
        ("c.xhtml", chapter),
        ("n.xhtml", notes.as_bytes()),
    ];
    for (name, bytes) in files {
        w.start_file(name, stored).expect("zip entry");
        w.write_all(bytes).expect("zip write");
    }
    w.finish().expect("zip").into_inner()
}

/// Reads bytes as `config.toml`: never a panic, every problem names a line of the file,
/// every value is in its range, the effective settings `lectern config` prints read back
/// as the same settings without a problem, and the key map takes the bindings.
pub fn config(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let (config, problems) = lectern::config::parse(text);
    let lines = text.lines().count().max(1);
    for p in &problems {
        let line = p
            .strip_prefix("line ")
            .and_then(|r| r.split(':').next())
            .and_then(|n| n.parse::<usize>().ok());
        assert!(
            line.is_some_and(|n| (1..=lines).contains(&n)),
            "a problem that names no line of the {lines}: {p:?}"
        );
    }
    assert!((30..=120).contains(&config.measure), "{config:?}");
    assert!((60..=2000).contains(&config.words_per_minute), "{config:?}");
    let printed = config.to_toml();
    let (again, problems) = lectern::config::parse(&printed);
    assert!(
        problems.is_empty(),
        "the printed settings have problems: {problems:?}\n{printed}"
    );
    assert_eq!(
        again, config,
        "the printed settings read back different:\n{printed}"
    );
    let _ = lectern::tui::keys::KeyMap::with_overrides(&config.keys);
}

/// The first byte picks the style: 0..=199 is plain at widths 1..=200, 200..=255 is
/// justified and hyphenated at widths 1..=56. The rest is laid out as plain text (which
/// also reaches the HTML and Gutenberg parsers by sniffing) and as Markdown (lists,
/// tables, code); every line must fit its width and anchors must lead back to their lines.
pub fn layout(data: &[u8]) {
    let Some((&first, rest)) = data.split_first() else {
        return;
    };
    let fancy = first >= 200;
    let width = u16::from(if fancy { first - 200 } else { first }) + 1;
    let style = Style {
        width,
        justify: fancy,
        hyphenate: fancy,
        ..Style::default()
    };
    for format in [Format::Text, Format::Markdown] {
        if let Ok(article) = lectern::parse::parse_bytes(rest, format) {
            check_layout(Layout::new(Arc::new(Doc::new(Arc::new(article))), style));
        }
    }
}

fn check_layout(layout: Layout) {
    let width = usize::from(layout.style.width);
    let article = &layout.doc.article;
    for i in 0..layout.parts() {
        let kind = match layout.doc.parts[i] {
            Part::Body { i: block } => Some(&article.blocks[block].kind),
            Part::Note { note, block } => Some(&article.footnotes[note].blocks[block].kind),
            _ => None,
        };
        // Code is never wrapped (the reader scrolls it sideways), and a table with more
        // columns than the width can hold at three columns each overflows by design (the
        // reader cuts it); everything else must fit.
        let must_fit = match kind {
            Some(BlockKind::Code) => false,
            Some(BlockKind::Table { rows, .. }) => {
                let cols = rows.iter().map(Vec::len).max().unwrap_or(0);
                6 * cols <= width + 3
            }
            _ => true,
        };
        for line in layout.lines(i) {
            let text = line.text();
            assert!(
                lectern::decode::is_clean(&text),
                "control character in a line: {text:?}"
            );
            assert!(
                !must_fit || line.width() <= width || lone_wide(&text, width),
                "width {width}: {} columns in {kind:?}: {text:?}",
                line.width()
            );
        }
    }
    // The note pop-up sets each note on its own, by another path.
    for note in 0..article.footnotes.len() {
        for (_, line) in note_lines(&layout.doc, note, layout.style.width) {
            let text = line.text();
            assert!(
                lectern::decode::is_clean(&text),
                "control character in a note pop-up line: {text:?}"
            );
        }
    }
    // Blank lines have no anchor of their own: they map to the text line above. Lines that
    // share a source offset (a table's, a rule and its heading) share an anchor too, so an
    // anchor need not come back to its own line, but to one with the same anchor that is
    // not below it: the reader must never skip down past what was on screen.
    let window = layout.window(LinePos::default(), 50);
    for (pos, line) in window.iter().step_by(7) {
        if line.spans.is_empty() {
            continue;
        }
        let anchor = layout.anchor(*pos);
        let back = layout.locate(anchor);
        assert!(
            back <= *pos && layout.anchor(back) == anchor,
            "width {width}: {anchor:?} from {pos:?} comes back at {back:?}"
        );
    }
}

/// A line of one character wider than the whole width (a wide character at width 1):
/// nothing can make it fit, and the wrapper gives it a line of its own rather than drop it.
/// Clusters that take no room (a bidi mark such as U+061C) may stand beside it: they
/// cannot make a line of their own.
fn lone_wide(text: &str, width: usize) -> bool {
    let mut wide = lectern::layout::width::clusters(text).filter(|&(_, _, cols)| cols > 0);
    matches!((wide.next(), wide.next()), (Some((_, _, cols)), None) if cols > width)
}

/// Everything a view may show is sanitised, and every mark, citation and note reference
/// points at real text and at an entry that exists.
fn check_article(article: &Article) {
    let meta = &article.meta;
    let shown = meta
        .title
        .iter()
        .chain(&meta.authors)
        .chain(meta.date.as_ref().map(|d| &d.text))
        .chain(&meta.site)
        .chain(&meta.summary)
        .chain(&meta.dateline)
        .chain(article.footnotes.iter().map(|f| &f.label))
        .chain(article.related.iter().map(|r| &r.title))
        .chain(article.related.iter().filter_map(|r| r.date.as_ref()));
    for text in shown {
        assert_clean("front matter, note label or related entry", text);
    }
    for place in article.places() {
        let block = article.block(place).expect("places name real blocks");
        check_block(article, block);
    }
    for c in &article.citations {
        let block = article.block(c.place).expect("citation block");
        assert!(
            block.text.get(c.range.clone()).is_some(),
            "citation range {:?} in {:?}",
            c.range,
            block.text
        );
    }
    for f in &article.footnotes {
        for p in &f.refs {
            let block = article.block(p.place).expect("note reference block");
            assert!(p.offset < block.text.len(), "note reference past its block");
        }
    }
}

fn check_block(article: &Article, block: &Block) {
    // A line feed is a line break in every block's text (code and table rows by line,
    // prose wrapped between its `<br>` breaks); a list marker stays on one line.
    match &block.kind {
        BlockKind::Table { rows, .. } => {
            assert_sanitised("table text", &block.text);
            for cell in rows.iter().flatten() {
                assert_sanitised("table cell", cell);
            }
        }
        BlockKind::ListItem { marker, .. } => {
            assert_clean("list marker", marker);
            assert_sanitised("list item", &block.text);
        }
        _ => assert_sanitised("block text", &block.text),
    }
    assert!(
        block
            .marks
            .windows(2)
            .all(|w| w[0].range.start <= w[1].range.start),
        "marks out of order: {:?}",
        block.marks
    );
    for m in &block.marks {
        assert!(
            block.text.get(m.range.clone()).is_some(),
            "mark {m:?} outside or inside a character of {:?}",
            block.text
        );
        match m.kind {
            MarkKind::FootnoteRef { note } => assert!(note < article.footnotes.len()),
            MarkKind::Citation { index } => assert!(index < article.citations.len()),
            _ => {}
        }
    }
}

/// Sanitised text keeps its line ends and nothing else that could drive a terminal.
fn assert_sanitised(what: &str, text: &str) {
    assert!(
        text.chars().all(|c| c == '\n' || neutralise(c) == c),
        "control character in {what}: {text:?}"
    );
}

/// Text shown on one line: not even a line feed.
fn assert_clean(what: &str, text: &str) {
    assert!(
        lectern::decode::is_clean(text),
        "control character in {what}: {text:?}"
    );
}
