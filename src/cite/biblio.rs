//! Reference lists and bibliographies in an article's body: the blocks under a
//! `References`, `Bibliography` or `Works Cited` heading, each entry one reference.

use crate::article::{Article, BlockKind};

/// Headings that open a list of the works an article cites.
const HEADINGS: &[&str] = &[
    "references",
    "reference list",
    "list of references",
    "bibliography",
    "select bibliography",
    "selected bibliography",
    "works cited",
    "works consulted",
    "literature",
    "literature cited",
    "cited literature",
    "sources",
    "sources cited",
    "further reading",
    "notes and references",
    "references and notes",
    "sources and further reading",
    "citations",
    "bibliographie",
    "literatur",
    "bibliografía",
    "bibliografia",
];

/// Whether a block's text is the heading of a reference list.
pub fn is_list_heading(text: &str) -> bool {
    let t = text.trim().trim_end_matches(':').trim_end();
    t.len() <= 40 && HEADINGS.iter().any(|h| t.eq_ignore_ascii_case(h))
}

/// For each body block, whether it sits in a reference list: under a heading of one, up
/// to the next heading of the same or a higher level. A paragraph that is only such a
/// heading's words (as plain text writes it) opens a list up to the next heading.
pub(super) fn in_lists(article: &Article) -> Vec<bool> {
    let mut out = vec![false; article.blocks.len()];
    let mut open: Option<u8> = None;
    for (i, b) in article.blocks.iter().enumerate() {
        match &b.kind {
            BlockKind::Heading { level } => {
                if open.is_some_and(|l| *level <= l) || open == Some(u8::MAX) {
                    open = None;
                }
                if is_list_heading(&b.text) {
                    open = Some(*level);
                }
            }
            BlockKind::Paragraph if is_list_heading(&b.text) => open = Some(u8::MAX),
            BlockKind::Paragraph | BlockKind::ListItem { .. } => out[i] = open.is_some(),
            _ => {}
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::{Block, Format};

    #[test]
    fn lists_run_to_the_next_heading_of_their_level() {
        let mut a = Article::empty(Format::Markdown);
        let h = |level, t: &str| Block::new(BlockKind::Heading { level }, t);
        a.blocks = vec![
            Block::paragraph("Body (Chen, 2019)."),
            h(2, "References"),
            Block::paragraph("Chen, L. (2019). Tides. Bergen: Fjord."),
            h(3, "Archives"),
            Block::paragraph("Harbour Board minutes, 1866–1958."),
            h(2, "About the authors"),
            Block::paragraph("Chen teaches in Bergen."),
            Block::paragraph("Works cited:"),
            Block::paragraph("Holt, R. 2020. Boats."),
        ];
        assert_eq!(
            in_lists(&a),
            [false, false, true, false, true, false, false, false, true]
        );
    }

    #[test]
    fn a_bibliography_of_marked_works_holds_references_that_short_notes_join() {
        let html = "<html><body><main><p>The bridge was widened in 1912 by the county, \
            which had bought it from the turnpike trust.<sup class=\"reference\"><a \
            href=\"#cite_note-1\">[1]</a></sup></p><h2>Notes</h2><ol class=\"references\">\
            <li id=\"cite_note-1\"><span class=\"mw-cite-backlink\"><a \
            href=\"#cite_ref-1\">^</a></span> <span \
            class=\"reference-text\"><a href=\"#CITEREFHolm1991\">Holm 1991</a>, p. 12.\
            </span></li></ol><h2>Sources</h2><div class=\"refbegin\"><ul><li><cite \
            id=\"CITEREFHolm1991\" class=\"citation book\">Holm, Ingrid (1991). <i>Bridges \
            of the Tyne Valley</i>. Hexham: Tynedale Press.</cite></li></ul></div>\
            </main></body></html>";
        let a = crate::parse::parse_str(html, Format::Html);
        let sources: Vec<_> = a.citations.iter().map(|c| c.source.as_str()).collect();
        assert_eq!(sources, ["Holm"], "{:?}", a.citations);
        assert_eq!(a.references.len(), 1, "{:?}", a.references);
        assert_eq!(a.citations[0].entry, Some(0));
    }
}
