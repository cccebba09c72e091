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
}
