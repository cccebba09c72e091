//! Project Gutenberg texts: header fields, the licence kept out of the body, chapter
//! headings, and `[Footnote 3: …]` notes linked to their `[3]` references.

use super::notes::NoteBuilder;
use crate::article::{Article, Block, BlockKind, Format, MarkKind};
use crate::parse::build::snippet;
use crate::pattern::Pattern;
use std::sync::LazyLock;

static FOOTNOTE: LazyLock<Pattern> =
    LazyLock::new(|| Pattern::new(r"^\[Footnote\s+(?P<label>[^:\]\s]{1,10})\s*:\s*"));
static LIST_NOTE: LazyLock<Pattern> =
    LazyLock::new(|| Pattern::new(r"^\[(?P<label>\d{1,3})\]\s+(?P<text>\S.*)$"));
static NOTE_REF: LazyLock<Pattern> = LazyLock::new(|| Pattern::new(r"\[(\d{1,3})\]"));
static CHAPTER: LazyLock<Pattern> = LazyLock::new(|| {
    Pattern::new(
        r"^(?i:(?:(?:first|second|third|fourth|fifth|last|final)\s+)?(?P<big>book|part|volume|epilogue|contents)|chapter|section|preface|introduction|appendix|conclusion)\b.{0,70}$",
    )
});
static SYMBOL_NOTE: LazyLock<Pattern> =
    LazyLock::new(|| Pattern::new(r"^\s{2,}\((?P<sym>[*+#%†‡]{1,2})\)\s+\S"));
static SYMBOL_REF: LazyLock<Pattern> = LazyLock::new(|| Pattern::new(r"\(([*+#%†‡]{1,2})\)"));
static CONTENTS: LazyLock<Pattern> =
    LazyLock::new(|| Pattern::new(r"^(?i:(?:table\s+of\s+)?contents)\.?$"));
static ROMAN: LazyLock<Pattern> = LazyLock::new(|| Pattern::new(r"^[IVXLC]{1,8}\.?$"));

/// Whether text is a Project Gutenberg e-text.
pub fn detect(text: &str) -> bool {
    let head = &text[..floor(text, 60_000)];
    find_marker(head, "START").is_some() || text[..floor(text, 3000)].contains("Project Gutenberg")
}

fn floor(text: &str, max: usize) -> usize {
    let mut i = max.min(text.len());
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// The byte range of a `*** START OF … ***` / `*** END OF … ***` marker, which may wrap.
fn find_marker(text: &str, which: &str) -> Option<std::ops::Range<usize>> {
    let mut from = 0;
    while let Some(i) = text[from..].find("***") {
        let at = from + i;
        let rest = text[at + 3..].trim_start();
        if rest.starts_with(which) && rest[which.len()..].trim_start().starts_with("OF") {
            let close = text[at + 3..]
                .find("***")
                .map_or(text.len(), |j| at + 3 + j + 3);
            let end = text[close..]
                .find('\n')
                .map_or(text.len(), |j| close + j + 1);
            return Some(at..end);
        }
        from = at + 3;
    }
    None
}

/// Parses a Gutenberg text.
pub fn parse(text: &str) -> Article {
    let mut article = Article::empty(Format::Text);
    let start = find_marker(text, "START");
    let body_from = start.as_ref().map_or(0, |r| r.end);
    let end =
        find_marker(&text[body_from..], "END").map(|r| r.start + body_from..r.end + body_from);
    let body_to = end.as_ref().map_or(text.len(), |r| r.start);
    let header = &text[..start.as_ref().map_or(0, |r| r.start)];
    header_fields(header, &mut article);
    for para in paragraphs(header) {
        article.removed.push(snippet(&para.join(" ")));
    }
    if let Some(r) = &start {
        article.removed.push(snippet(&text[r.clone()]));
    }
    if let Some(r) = &end {
        for para in paragraphs(&text[r.start..]) {
            article.removed.push(snippet(&para.join(" ")));
        }
    }
    body(&text[body_from..body_to], &mut article);
    article
}

/// `Title:` and `Author:` fields, whose values may continue on indented lines.
fn header_fields(header: &str, article: &mut Article) {
    let mut current: Option<(&str, String)> = None;
    let mut fields = Vec::new();
    for line in header.lines() {
        if line.starts_with([' ', '\t']) && !line.trim().is_empty() {
            if let Some((_, v)) = &mut current {
                v.push(' ');
                v.push_str(line.trim());
            }
            continue;
        }
        fields.extend(current.take());
        if let Some((k, v)) = line.split_once(':')
            && matches!(k.trim(), "Title" | "Author")
        {
            current = Some((k.trim(), v.trim().to_string()));
        }
    }
    fields.extend(current);
    for (k, v) in fields {
        match k {
            "Title" if article.meta.title.is_none() => article.meta.title = Some(v),
            "Author" if article.meta.authors.is_empty() => {
                article.meta.authors = v
                    .split(" and ")
                    .map(|s| s.trim().to_string())
                    .filter(|s| !s.is_empty())
                    .collect()
            }
            _ => {}
        }
    }
}

fn paragraphs(text: &str) -> Vec<Vec<&str>> {
    let mut out = Vec::new();
    let mut cur = Vec::new();
    for line in text.lines() {
        if line.trim().is_empty() {
            if !cur.is_empty() {
                out.push(std::mem::take(&mut cur));
            }
        } else {
            cur.push(line.trim_end());
        }
    }
    if !cur.is_empty() {
        out.push(cur);
    }
    out
}

/// A paragraph's lines as one line: runs of spaces (two after a full stop, in many
/// typewritten texts) become one, and a double hyphen standing for a dash becomes one.
fn join(lines: &[&str]) -> String {
    let mut out = String::new();
    for word in lines
        .iter()
        .flat_map(|l| l.split(' '))
        .filter(|w| !w.is_empty())
    {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    if out.contains("--") {
        out = dashes(&out);
    }
    out
}

/// `--` as a dash (`word--word`, `word -- word`) becomes `—`; longer runs stay as written.
fn dashes(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(i) = rest.find("--") {
        let run = rest[i..].len() - rest[i..].trim_start_matches('-').len();
        out.push_str(&rest[..i]);
        out.push_str(if run == 2 { "—" } else { &rest[i..i + run] });
        rest = &rest[i + run..];
    }
    out.push_str(rest);
    out
}

/// `_words_` as emphasis: the underscores go, and the ranges they enclosed are returned.
/// Only pairs that open at the start of a word and close at its end count, so names
/// like `snake_case` and blanks like `____` stay as written.
fn underscores(text: &str) -> (String, Vec<std::ops::Range<usize>>) {
    if !text.contains('_') {
        return (text.to_string(), Vec::new());
    }
    let opens = |before: Option<char>, after: Option<char>| {
        before.is_none_or(|c| c.is_whitespace() || "([\"'“‘—-".contains(c))
            && after.is_some_and(|c| c.is_alphanumeric() || "\"'“‘".contains(c))
    };
    let closes = |before: Option<char>, after: Option<char>| {
        before.is_some_and(|c| !c.is_whitespace() && c != '_')
            && after.is_none_or(|c| !c.is_alphanumeric() && c != '_')
    };
    let (mut out, mut marks) = (String::with_capacity(text.len()), Vec::new());
    let mut at = 0;
    while let Some(i) = text[at..].find('_').map(|i| at + i) {
        let before = text[..i].chars().next_back();
        let after = text[i + 1..].chars().next();
        let close = text[i + 1..].find('_').map(|j| i + 1 + j).filter(|&j| {
            let inner = &text[i + 1..j];
            inner.len() <= 400 && closes(inner.chars().next_back(), text[j + 1..].chars().next())
        });
        match close {
            Some(j) if opens(before, after) => {
                out.push_str(&text[at..i]);
                let start = out.len();
                out.push_str(&text[i + 1..j]);
                marks.push(start..out.len());
                at = j + 1;
            }
            _ => {
                out.push_str(&text[at..=i]);
                at = i + 1;
            }
        }
    }
    out.push_str(&text[at..]);
    (out, marks)
}

/// The text between the markers: headings, paragraphs, indented passages and notes.
fn body(text: &str, article: &mut Article) {
    let paras = paragraphs(text);
    let bracket_notes = text.contains("[Footnote ");
    let mut notes = NoteBuilder::default();
    let mut open: Option<(String, Vec<Block>, String)> = None;
    let mut seen_ref = std::collections::HashSet::new();
    let mut leading = true;
    // Symbol references `(*)` not yet matched to a note: symbol, block, range.
    let mut pending: Vec<(String, usize, std::ops::Range<usize>)> = Vec::new();
    let mut symbol_notes = 0;
    let mut contents: Option<Contents> = None;
    for (pi, para) in paras.iter().enumerate() {
        let joined = join(para);
        if let Some(c) = &mut contents {
            if c.takes(para, &joined) {
                c.push(para, article);
                continue;
            }
            contents = None;
        }
        if is_licence_start(&joined) {
            for rest in &paras[pi..] {
                article.removed.push(snippet(&join(rest)));
            }
            break;
        }
        if let Some((label, mut blocks, mut buf)) = open.take() {
            buf.push_str("\n\n");
            buf.push_str(&joined);
            match close_at(&buf) {
                Some(end) => {
                    blocks.extend(note_blocks(&buf[..end]));
                    define(&mut notes, &label, blocks, article);
                }
                None => open = Some((label, blocks, buf)),
            }
            continue;
        }
        if bracket_notes && let Some(c) = FOOTNOTE.captures(&joined) {
            let label = c["label"].to_string();
            let rest = &joined[c.get(0).expect("whole").end()..];
            match close_at(rest) {
                Some(end) => {
                    define(&mut notes, &label, note_blocks(&rest[..end]), article);
                    let after = rest[end + 1..].trim();
                    if !after.is_empty() {
                        article.blocks.push(Block::paragraph(after));
                    }
                }
                None => open = Some((label, Vec::new(), rest.to_string())),
            }
            continue;
        }
        // An indented `(*) …` block after a paragraph is the note for its earliest open `(*)`.
        if let Some(c) = SYMBOL_NOTE.captures(para[0]) {
            symbol_notes += 1;
            let sym = c["sym"].to_string();
            let label = format!("{sym}{symbol_notes}");
            let note = notes.index(&label);
            if let Some(i) = pending.iter().position(|(s, _, _)| *s == sym) {
                let (_, block, range) = pending.remove(i);
                article.blocks[block].add_mark(range, MarkKind::FootnoteRef { note });
            }
            let text = joined[joined.find(')').map_or(0, |i| i + 1)..]
                .trim()
                .to_string();
            define(&mut notes, &label, vec![Block::paragraph(text)], article);
            continue;
        }
        // Without `[Footnote …]` blocks, a paragraph opening with an already-cited `[n]` is its note.
        if !bracket_notes
            && let Some(c) = LIST_NOTE.captures(para[0].trim())
            && seen_ref.contains(&c["label"])
        {
            let text = joined[c.get(0).expect("whole").start() + c["label"].len() + 2..]
                .trim()
                .to_string();
            define(
                &mut notes,
                &c["label"],
                vec![Block::paragraph(text)],
                article,
            );
            continue;
        }
        for c in NOTE_REF.captures_iter(&joined) {
            seen_ref.insert(c[1].to_string());
        }
        if leading && is_repeat(&joined, article) {
            article.removed.push(joined);
            continue;
        }
        // The title and by-line may repeat after a line of credits, before the text proper.
        leading = article.blocks.len() < 2;
        let (joined, emphasis) = underscores(&joined);
        for c in SYMBOL_REF.captures_iter(&joined) {
            let m = c.get(0).expect("whole");
            pending.push((c[1].to_string(), article.blocks.len(), m.range()));
        }
        let mut b = block(para, joined);
        if para.len() == 1 && CONTENTS.is_match(b.text.trim()) {
            b.kind = BlockKind::Heading { level: 2 };
            contents = Some(Contents::default());
        }
        for range in emphasis {
            b.add_mark(range, MarkKind::Emphasis);
        }
        article.blocks.push(b);
    }
    if let Some((label, blocks, buf)) = open {
        let mut blocks = blocks;
        blocks.extend(note_blocks(&buf));
        define(&mut notes, &label, blocks, article);
    }
    link_refs(article, &mut notes);
    notes.finish(article);
}

/// `End of the Project Gutenberg EBook of …`, `End of Project Gutenberg's …`: where the
/// licence tail begins, before the `*** END OF` marker.
fn is_licence_start(text: &str) -> bool {
    let t = text.trim_start_matches(['*', ' ']);
    let lower = t.get(..40).unwrap_or(t).to_lowercase();
    lower.starts_with("end of the project gutenberg")
        || lower.starts_with("end of project gutenberg")
}

/// A table of contents being read: its entries become one list, not headings.
#[derive(Default)]
struct Contents {
    /// The first entry, as a key: the text proper begins where it repeats.
    first: Option<String>,
    /// Whether an entry for a book, part or volume has been seen (chapters then nest).
    parts: bool,
}

impl Contents {
    /// Whether a paragraph is more of the contents: short lines only, and not the first
    /// heading of the text itself, which repeats the first entry.
    fn takes(&self, para: &[&str], joined: &str) -> bool {
        let repeats = |t: &str| self.first.as_deref() == Some(key(t).as_str());
        para.iter().all(|l| l.trim().chars().count() <= 60)
            && !(para.len() <= 2 && (repeats(joined) || repeats(para[0])))
    }

    /// Adds a paragraph's lines as entries: each line one entry, or the whole paragraph
    /// when its lines run on (an entry wrapped over two lines).
    fn push(&mut self, para: &[&str], article: &mut Article) {
        let entries: Vec<String> = if para.iter().all(|l| is_entry(l.trim())) {
            para.iter().map(|l| l.trim().to_string()).collect()
        } else {
            vec![join(para)]
        };
        for e in entries {
            let big = CHAPTER
                .captures(&e)
                .is_some_and(|c| c.name("big").is_some());
            self.parts |= big;
            let depth = u8::from(self.parts && !big);
            self.first.get_or_insert_with(|| key(&e));
            let marker = "•".to_string();
            article
                .blocks
                .push(Block::new(BlockKind::ListItem { depth, marker }, e));
        }
    }
}

/// A line that is an entry of its own: a chapter or book heading, or a numbered line.
fn is_entry(line: &str) -> bool {
    CHAPTER.is_match(line)
        || ROMAN.is_match(line.split_whitespace().next().unwrap_or(""))
        || line
            .split_whitespace()
            .next()
            .is_some_and(|w| w.trim_end_matches('.').parse::<u32>().is_ok())
}

/// Letters and digits only, lower case: how an entry and the heading it names compare.
fn key(text: &str) -> String {
    text.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// The index of the `]` that closes a note whose `[` has been consumed.
fn close_at(text: &str) -> Option<usize> {
    let mut depth = 0usize;
    for (i, c) in text.char_indices() {
        match c {
            '[' => depth += 1,
            ']' if depth == 0 => return Some(i),
            ']' => depth -= 1,
            _ => {}
        }
    }
    None
}

fn note_blocks(text: &str) -> Vec<Block> {
    text.split("\n\n")
        .map(str::trim)
        .filter(|t| !t.is_empty())
        .map(Block::paragraph)
        .collect()
}

fn define(notes: &mut NoteBuilder, label: &str, blocks: Vec<Block>, article: &mut Article) {
    if let Some(dup) = notes.define(label, blocks) {
        let text: Vec<_> = dup.iter().map(|b| b.text.as_str()).collect();
        article
            .removed
            .push(format!("[Footnote {label}: {}]", text.join(" ")));
    }
}

/// The title or "by Author" repeated at the top of the body.
fn is_repeat(text: &str, article: &Article) -> bool {
    let t = key(text);
    if t.is_empty() {
        return false;
    }
    let title = article.meta.title.as_deref().map(key).unwrap_or_default();
    let by = text.trim().to_lowercase().starts_with("by ") && text.split_whitespace().count() <= 8;
    // A long header title (with its subtitle) repeats only in part.
    (t.len() >= 4 && title.starts_with(&t)) || by
}

fn block(para: &[&str], joined: String) -> Block {
    let indent = |l: &&str| l.len() - l.trim_start().len();
    let first = para[0].trim();
    let heading = para.len() <= 2
        && joined.chars().count() <= 90
        && (CHAPTER.is_match(first) || ROMAN.is_match(first) || shouting(&joined));
    if heading {
        let level = if CHAPTER
            .captures(first)
            .is_some_and(|c| c.name("big").is_some())
        {
            2
        } else {
            3
        };
        return Block::new(BlockKind::Heading { level }, joined);
    }
    if para.iter().all(|l| indent(l) >= 2) && para.len() > 1 {
        return Block::new(BlockKind::Quote, joined);
    }
    Block::paragraph(joined)
}

/// An all-capitals line such as `THE LAURISTON GARDEN MYSTERY.`
fn shouting(text: &str) -> bool {
    let letters: Vec<char> = text.chars().filter(|c| c.is_alphabetic()).collect();
    letters.len() >= 4
        && letters.iter().all(|c| !c.is_lowercase())
        && text.split_whitespace().count() <= 10
}

/// Marks `[3]` references in the body and the notes.
fn link_refs(article: &mut Article, notes: &mut NoteBuilder) {
    for place in article.places() {
        let Some(block) = article.block_mut(place) else {
            continue;
        };
        let found: Vec<_> = NOTE_REF
            .captures_iter(&block.text)
            .map(|c| (c.get(0).expect("whole").range(), c[1].to_string()))
            .collect();
        for (range, label) in found {
            let note = notes.index(&label);
            block.add_mark(range, MarkKind::FootnoteRef { note });
        }
    }
}
