//! Accumulates inline text and marks into blocks; shared by the Markdown and HTML parsers.

use crate::article::{Block, BlockKind, Mark, MarkKind};
use crate::decode::sanitize;

/// The block being written: its text, finished marks and marks still open.
#[derive(Debug, Default)]
pub struct Inline {
    text: String,
    marks: Vec<Mark>,
    open: Vec<(usize, MarkKind)>,
    /// Collapse runs of whitespace as a browser does (HTML) instead of keeping them (code).
    pub collapse: bool,
}

impl Inline {
    /// A builder that collapses whitespace runs.
    pub fn collapsing() -> Self {
        Inline {
            collapse: true,
            ..Self::default()
        }
    }

    /// Whether nothing but whitespace has been written.
    pub fn is_blank(&self) -> bool {
        self.text.trim().is_empty()
    }

    /// Whether the text written so far ends with an ASCII digit.
    pub fn ends_with_digit(&self) -> bool {
        self.text.ends_with(|c: char| c.is_ascii_digit())
    }

    /// Appends text, collapsing whitespace when `collapse` is set.
    pub fn push(&mut self, s: &str) {
        // Character references are decoded after the file was sanitised, so `&#27;` would
        // bring back the escape character it removed.
        let s = sanitize(s);
        if !self.collapse {
            self.text.push_str(&s);
            return;
        }
        for c in s.chars() {
            if c.is_whitespace() && c != '\u{a0}' {
                if !self.text.is_empty() && !self.text.ends_with([' ', '\n']) {
                    self.text.push(' ');
                }
            } else {
                self.text.push(c);
            }
        }
    }

    /// Ends a line inside the block (`<br>`, a Markdown hard break): an address, a verse,
    /// a signature keep their lines. The only line feed a prose block's text holds.
    pub fn line_break(&mut self) {
        if !self.collapse {
            self.text.push('\n');
            return;
        }
        while self.text.ends_with(' ') {
            self.text.pop();
        }
        if !self.text.is_empty() {
            self.text.push('\n');
        }
    }

    /// Appends text exactly as given, whatever `collapse` says.
    pub fn push_raw(&mut self, s: &str) {
        self.text.push_str(&sanitize(s));
    }

    /// Appends text that must stay on its line (a note label taken from an attribute, in
    /// which a decoded `&#10;` would end the line).
    fn push_inline(&mut self, s: &str) {
        let s = sanitize(s);
        if self.collapse && s.contains('\n') {
            self.text.push_str(&s.replace('\n', " "));
        } else {
            self.text.push_str(&s);
        }
    }

    /// Starts a mark at the current end of the text.
    pub fn open(&mut self, kind: MarkKind) {
        self.open.push((self.text.len(), kind));
    }

    /// Ends the innermost open mark; empty marks are dropped.
    pub fn close(&mut self) {
        if let Some((start, kind)) = self.open.pop() {
            self.add(start, kind);
        }
    }

    /// Writes `text` as one marked range (a note reference, say).
    pub fn push_marked(&mut self, text: &str, kind: MarkKind) {
        let start = self.text.len();
        self.push_inline(text);
        self.add(start, kind);
    }

    fn add(&mut self, start: usize, kind: MarkKind) {
        let end = self.text.trim_end().len().max(start);
        let start = start + self.text[start..end].len() - self.text[start..end].trim_start().len();
        if start < end {
            self.marks.push(Mark {
                range: start..end,
                kind,
            });
        }
    }

    /// Takes the text written so far as a block of `kind`, trimmed; `None` when blank.
    /// Marks still open carry over to the next block.
    pub fn take(&mut self, kind: BlockKind) -> Option<Block> {
        let reopen: Vec<MarkKind> = self.open.iter().map(|(_, k)| k.clone()).collect();
        while !self.open.is_empty() {
            self.close();
        }
        let text = std::mem::take(&mut self.text);
        let marks = std::mem::take(&mut self.marks);
        for kind in reopen {
            self.open(kind);
        }
        // Code keeps its indentation; everything else is trimmed.
        let keep_lead = kind == BlockKind::Code;
        let lead = if keep_lead {
            0
        } else {
            text.len() - text.trim_start().len()
        };
        let body = if keep_lead {
            text.trim_end_matches('\n')
        } else {
            text.trim()
        };
        if body.trim().is_empty() {
            return None;
        }
        let len = body.len();
        // Line feeds in prose are the line breaks `line_break` wrote: collapsing turned
        // every other one (from `&#10;`, say) into a space.
        let body = body.to_string();
        let mut block = Block::new(kind, body);
        for m in marks {
            let s = m.range.start.saturating_sub(lead).min(len);
            let e = m.range.end.saturating_sub(lead).min(len);
            if s < e {
                block.add_mark(s..e, m.kind);
            }
        }
        Some(block)
    }
}

/// Shortens text for the `removed` list.
pub fn snippet(text: &str) -> String {
    snippet_of([text])
}

/// Shortens text in pieces (an element's text nodes) for the `removed` list: its words one
/// space apart, cut at 160 characters. Only as much is read as is kept: a page's footer or
/// comment section can be most of its text.
pub fn snippet_of<'a>(pieces: impl IntoIterator<Item = &'a str>) -> String {
    const MAX: usize = 160;
    let mut out = String::new();
    let mut n = 0;
    for word in pieces.into_iter().flat_map(str::split_whitespace) {
        let space = (!out.is_empty()).then_some(' ');
        for c in space.into_iter().chain(word.chars()) {
            if n == MAX {
                out.push('…');
                return out;
            }
            out.push(c);
            n += 1;
        }
    }
    out
}

/// A table block whose text is its cells (` | ` between cells, a line per row), so note
/// references and citations in cells keep their marks.
pub fn table_block(rows: Vec<Vec<Block>>, header: bool) -> Block {
    let mut text = String::new();
    let mut marks = Vec::new();
    for (r, row) in rows.iter().enumerate() {
        if r > 0 {
            text.push('\n');
        }
        for (c, cell) in row.iter().enumerate() {
            if c > 0 {
                text.push_str(" | ");
            }
            let at = text.len();
            text.push_str(&cell.text);
            marks.extend(
                cell.marks
                    .iter()
                    .map(|m| (m.range.start + at..m.range.end + at, m.kind.clone())),
            );
        }
    }
    let cells = rows
        .into_iter()
        .map(|row| row.into_iter().map(|b| b.text).collect())
        .collect();
    let mut block = Block::new(
        BlockKind::Table {
            rows: cells,
            header,
        },
        text,
    );
    for (range, kind) in marks {
        block.add_mark(range, kind);
    }
    block
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_snippet_is_the_words_cut_at_160_characters() {
        assert_eq!(
            snippet_of([" Most\n", "read ", "", "\tstories "]),
            "Most read stories"
        );
        assert_eq!(snippet_of(["  ", "\n"]), "");
        let exact = "é".repeat(160);
        assert_eq!(snippet(&exact), exact);
        let words = "ab ".repeat(60);
        let cut = snippet(&words);
        assert_eq!(cut.chars().count(), 161);
        assert!(cut.starts_with("ab ab") && cut.ends_with("ab a…"), "{cut}");
        // The 161st character a space between two pieces: cut before it.
        let first = "x".repeat(160);
        assert_eq!(snippet_of([first.as_str(), "y"]), format!("{first}…"));
    }

    #[test]
    fn collapsing_trims_and_keeps_marks_in_range() {
        let mut b = Inline::collapsing();
        b.push("  Hello\n  ");
        b.open(MarkKind::Strong);
        b.push(" big ");
        b.close();
        b.push(" world  ");
        let block = b.take(BlockKind::Paragraph).unwrap();
        assert_eq!(block.text, "Hello big world");
        assert_eq!(block.marks[0].range, 6..9);
    }

    #[test]
    fn open_marks_carry_over() {
        let mut b = Inline::collapsing();
        b.open(MarkKind::Emphasis);
        b.push("one");
        let first = b.take(BlockKind::Paragraph).unwrap();
        b.push("two");
        b.close();
        let second = b.take(BlockKind::Paragraph).unwrap();
        assert_eq!(first.marks.len(), 1);
        assert_eq!(second.marks[0].range, 0..3);
    }
}
