//! The content finder on pages written for these tests, one per mechanism: the article is
//! found whole however the page wraps it, and what is not the article is left out (and
//! listed in `removed`), never lost.

use lectern::article::{Article, BlockKind, Extraction, Format};
use std::path::Path;

fn page(name: &str) -> Article {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/extraction")
        .join(name);
    let bytes = std::fs::read(&path).expect("fixture");
    lectern::parse::parse_bytes(&bytes, Format::Html).expect("parses")
}

fn body(a: &Article) -> String {
    a.blocks
        .iter()
        .map(|b| b.text.as_str())
        .collect::<Vec<_>>()
        .join("\n")
}

fn removed(a: &Article) -> String {
    a.removed.join("\n")
}

#[test]
fn a_chrome_word_on_an_ancestor_does_not_throw_the_article_away() {
    // The whole page sits in an ASP.NET form, inside "page-wrapper has-sidebar
    // header-offset" and "social-share-enabled": every ancestor of the text says chrome.
    let a = page("ancestor-trap.html");
    assert_eq!(a.extraction, Some(Extraction::Article));
    let text = body(&a);
    for words in [
        "stop running its last two evening crossings",
        "about forty of them",
        "the school children are on board",
        "holds its dances",
    ] {
        assert!(text.contains(words), "{words} missing:\n{text}");
    }
    assert!(!text.contains("Most read") && !text.contains("Storm closes"));
    assert!(removed(&a).contains("Most read"));
}

#[test]
fn an_article_made_of_a_list_keeps_every_item() {
    let a = page("list-article.html");
    let items = a
        .blocks
        .iter()
        .filter(|b| matches!(b.kind, BlockKind::ListItem { .. }))
        .count();
    assert_eq!(items, 9);
    assert!(body(&a).contains("with better bacon"));
    assert!(!body(&a).contains("Archive"));
}

#[test]
fn an_article_in_sibling_blocks_keeps_every_step() {
    let a = page("sibling-steps.html");
    let text = body(&a);
    for step in 1..=9 {
        assert!(
            text.contains(&format!("Step {step}:")),
            "step {step}:\n{text}"
        );
    }
    assert!(text.contains("let the seat dry overnight"));
    assert!(text.contains("a handful of golf tees"));
    assert!(
        !text.contains("grandmother"),
        "comments are not the article"
    );
}

#[test]
fn recirculation_teasers_and_bylines_are_left_out() {
    let a = page("related-block.html");
    let text = body(&a);
    assert!(text.contains("protected cycle lane"));
    assert!(text.contains("six loading bays"));
    for gone in [
        "You may also like",
        "pothole map",
        "Bus lane consultation",
        "Advertisement",
        "Library hours",
        "By Tomás",
        "Reporting by Ana Lima",
    ] {
        assert!(!text.contains(gone), "{gone} kept:\n{text}");
        assert!(removed(&a).contains(gone), "{gone} not listed as removed");
    }
    assert_eq!(a.meta.authors, ["Tomás Ferreira"]);
    assert_eq!(
        a.meta.date.as_ref().and_then(|d| d.iso.as_deref()),
        Some("2025-03-14")
    );
}

#[test]
fn relative_links_resolve_against_the_canonical_address() {
    let a = page("related-block.html");
    let urls: Vec<String> = a
        .blocks
        .iter()
        .flat_map(|b| &b.marks)
        .filter_map(|m| match &m.kind {
            lectern::article::MarkKind::Link { url } => Some(url.clone()),
            _ => None,
        })
        .collect();
    assert_eq!(
        urls,
        ["https://courier.example.org/documents/mill-road-plan.pdf"]
    );
}

#[test]
fn htmlbook_notes_become_footnotes_where_they_stand() {
    let a = page("htmlbook-notes.html");
    assert_eq!(a.footnotes.len(), 2);
    assert!(a.footnotes.iter().all(|f| f.defined && f.refs.len() == 1));
    assert!(
        a.footnotes[0]
            .text()
            .starts_with("Later lanterns burned paraffin")
    );
    let text = body(&a);
    assert!(text.contains("whale oil[1] and were lit"), "{text}");
    assert!(!text.contains("paraffin"), "the note is not in the body");
}

#[test]
fn formulas_leave_no_holes_in_sentences() {
    let a = page("math.html");
    let text = body(&a);
    assert!(
        text.contains("For all indices i and j : a_{ij} = a_{ji}"),
        "{text}"
    );
    assert!(text.contains(r"h = \sum A_k \cos(\omega_k t)"), "{text}");
}

#[test]
fn a_page_with_no_article_shows_its_text_and_says_so() {
    let a = page("no-article.html");
    assert_eq!(a.extraction, Some(Extraction::Fallback));
    let text = body(&a);
    for words in ["North pier", "Offline for repairs", "Tide: falling"] {
        assert!(text.contains(words), "{words} missing:\n{text}");
    }
}

#[test]
fn a_long_page_is_never_read_from_its_first_bytes_alone() {
    // The start of a page is its head and navigation; the article is found in the whole.
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("long.html");
    let filler = "<p>A paragraph of the long page, with enough words and commas, to count.</p>\n";
    let page = format!(
        "<html><head><title>Long</title><script>{}</script></head><body><nav>Home</nav><article>{}</article></body></html>",
        "var x = 1;\n".repeat(4000),
        filler.repeat(3000)
    );
    std::fs::write(&path, page).unwrap();
    assert!(lectern::parse::load_start(&path, 128 * 1024, 16 * 1024).is_none());
    let piped = std::fs::read(&path).unwrap();
    assert!(lectern::parse::stream::start_of(&piped, 128 * 1024, 16 * 1024).is_none());
}

#[test]
fn line_breaks_inside_a_paragraph_are_kept() {
    // An address, a verse and a signature are set line by line, as the page sets them.
    let a = page("line-breaks.html");
    let text = body(&a);
    assert!(
        text.contains("Write to us at:\nThe Harbour Office\n1 Quay Street\nPort Hollin PH1 4QS"),
        "{text}"
    );
    assert!(
        text.contains(
            "Low tide at midnight,\nhigh tide at dawn,\nthe cranes are all sleeping,\nthe kettle is on."
        ),
        "{text}"
    );
    assert!(text.contains("With best wishes,\nAlun Pryce"), "{text}");
}

#[test]
fn markdown_hard_breaks_are_kept() {
    let a = lectern::parse::parse_str(
        "# Verse\n\nLow tide at midnight,  \nhigh tide at dawn,\\\nthe kettle is on.\nSoft break here.\n",
        Format::Markdown,
    );
    assert_eq!(
        a.blocks[0].text,
        "Low tide at midnight,\nhigh tide at dawn,\nthe kettle is on. Soft break here."
    );
}

#[test]
fn a_heading_wrapped_with_its_edit_link_is_kept_and_the_link_left_out() {
    // MediaWiki wraps each heading in a `div.mw-heading` beside its "[edit]" link: a
    // short block that is mostly a link, but the heading of what follows.
    let para = "<p>The bridge was built of local sandstone in 1841, to a design by the county \
        surveyor, and widened in 1912 when the road was made a turnpike.</p>";
    let heading = |id: &str| {
        format!(
            "<div class=\"mw-heading mw-heading2\"><h2 id=\"{id}\">{id}</h2><span \
             class=\"mw-editsection\"><span class=\"mw-editsection-bracket\">[</span><a \
             href=\"/w/index.php?action=edit&amp;section=1\"><span>edit</span></a><span \
             class=\"mw-editsection-bracket\">]</span></span></div>"
        )
    };
    let html = format!(
        "<html><body><main><div class=\"mw-parser-output\">{para}{}{para}{}{para}</div>\
         </main></body></html>",
        heading("History"),
        heading("Sources")
    );
    let a = lectern::parse::parse_str(&html, Format::Html);
    let headings: Vec<_> = a
        .blocks
        .iter()
        .filter(|b| matches!(b.kind, BlockKind::Heading { .. }))
        .map(|b| b.text.as_str())
        .collect();
    assert_eq!(headings, ["History", "Sources"], "{:?}", a.blocks);
    assert!(!body(&a).contains("edit"));
}

#[test]
fn teaser_headlines_under_a_latest_stories_title_are_left_out() {
    // A box of teasers after the article: its title a `span` in a `div`, each teaser a
    // picture link beside a block of a linked headline and a subline, both headings.
    let para = "<p>The ferry resumed its winter timetable on Monday, with the first crossing \
        leaving the north pier at a quarter to seven and the last returning after dark.</p>";
    let teaser = |title: &str, sub: &str| {
        format!(
            "<li class=\"col-4\"><a href=\"/news/{title}\" class=\"thumbnail\"><figure \
             class=\"item-image\"><img alt=\"\" data-lazy=\"t.jpg\" src=\"\"></figure></a>\
             <div class=\"item-headlines\"><h3 class=\"item-title\"><a href=\"/news/{title}\">\
             {title}</a></h3><h4 class=\"item-subline\">{sub}</h4></div></li>"
        )
    };
    let html = format!(
        "<html><body><main><h1>Winter timetable</h1>{}<div class=\"latest-box\"><div \
         class=\"box-title\"><span class=\"title-text\">Our Latest Stories</span></div>\
         <ul class=\"box-row\">{}{}{}</ul></div></main></body></html>",
        para.repeat(6),
        teaser(
            "Harbour dues rise",
            "The board voted for a second increase this year"
        ),
        teaser(
            "Lifeboat crew honoured",
            "Three volunteers were named at the annual dinner"
        ),
        teaser(
            "Pier lights restored",
            "The lamps were lit again for the first time since the war"
        )
    );
    let a = lectern::parse::parse_str(&html, Format::Html);
    let text = body(&a);
    assert!(text.contains("quarter to seven"), "{text}");
    for gone in ["Our Latest Stories", "Harbour dues rise", "annual dinner"] {
        assert!(!text.contains(gone), "{gone} kept:\n{text}");
        assert!(removed(&a).contains(gone), "{gone} not listed as removed");
    }
}
