//! Plain text saved from news sites: date line, chrome, title, byline, standfirst,
//! body with a dateline, `[1]` notes at the end, a "See also" list and boilerplate.

use super::notes::NoteBuilder;
use crate::article::{Article, Block, BlockKind, DateInfo, Footnote, Format, MarkKind, Related};
use crate::pattern::{Groups, Pattern};
use crate::{chrome, dates};
use std::sync::LazyLock;

static BYLINE: LazyLock<Pattern> =
    LazyLock::new(|| Pattern::new(r"^(?i:by)\s+(?P<names>\p{Lu}.+)$"));
/// Longest byline, in characters; checked in code because `.{1,150}` compiles 150 copies.
const BYLINE_MAX: usize = 151;
static DATELINE: LazyLock<Pattern> = LazyLock::new(|| {
    Pattern::new(
        r"^(?P<dl>\p{Lu}[\p{L}.’'\-]*(?:[ ,]+\p{Lu}[\p{L}.’'\-]*)*(?:,\s+\p{Lu}[a-z]+\.?\s+\d{1,2})?(?:\s+\([^()]+\))?\s*(?:–|—|--|-))\s+\S",
    )
});
static NOTE_DEF: LazyLock<Pattern> = LazyLock::new(|| {
    Pattern::new(r"^\[(?:\^(?P<named>[^\]\s]+)|(?P<num>\d{1,3}))\]:?\s+(?P<text>\S.*)$")
});
static NOTE_REF: LazyLock<Pattern> =
    LazyLock::new(|| Pattern::new(r"\[(?:\^(?P<named>[^\]\s]+)|(?P<num>\d{1,3}))\]"));
/// Longest `[^label]`, in characters; checked in code because `{1,40}` of a Unicode class
/// compiles forty copies of it.
const LABEL_MAX: usize = 40;

fn label_fits(c: &Groups) -> bool {
    c.name("named")
        .is_none_or(|m| m.as_str().chars().count() <= LABEL_MAX)
}

/// A note definition line (`[1] Text`, `[^label]: Text`).
fn note_def(line: &str) -> Option<Groups<'_>> {
    NOTE_DEF.captures(line).filter(label_fits)
}

fn is_note_def(line: &str) -> bool {
    note_def(line).is_some()
}

static NOTES_HEADING: LazyLock<Pattern> =
    LazyLock::new(|| Pattern::new(r"(?i)^(?:notes?|footnotes?|endnotes?|references)\s*:?$"));
static RULE: LazyLock<Pattern> =
    LazyLock::new(|| Pattern::new(r"^(?:(?:\*\s*){3,}|(?:-\s*){3,}|(?:_\s*){3,}|(?:~\s*){3,})$"));
static BULLET: LazyLock<Pattern> = LazyLock::new(|| {
    Pattern::new(r"^(?P<indent>\s*)(?P<marker>[-*•‣◦]|\d{1,3}[.)])\s+(?P<text>\S.*)$")
});
static SUBSCRIBE_SITE: LazyLock<Pattern> = LazyLock::new(|| {
    Pattern::new(r"^(?i:subscribe to )(?P<site>\p{Lu}[\w .&’'-]+?) (?i:updates|newsletters?)\b")
});

/// A run of non-blank lines.
struct Para<'a> {
    lines: Vec<&'a str>,
}

fn paragraphs(text: &str) -> Vec<Para<'_>> {
    let mut out = Vec::new();
    let mut cur = Vec::new();
    for line in text.lines() {
        let line = line.trim_end();
        if line.trim().is_empty() {
            if !cur.is_empty() {
                out.push(Para {
                    lines: std::mem::take(&mut cur),
                });
            }
        } else {
            cur.push(line);
        }
    }
    if !cur.is_empty() {
        out.push(Para { lines: cur });
    }
    out
}

/// Parses saved news text into an article (citations and dates are resolved later, in `finish`).
pub fn parse(text: &str) -> Article {
    let mut article = Article::empty(Format::Text);
    let paras = paragraphs(text);
    let body_start = header(&paras, &mut article);
    let tail_start = tail_start(&paras, body_start);
    let notes_start = notes_start(&paras[body_start..tail_start]).map(|i| i + body_start);

    let mut notes = NoteBuilder::default();
    let body_end = notes_start.unwrap_or(tail_start);
    for para in &paras[body_start..body_end] {
        body_block(para, &mut article);
    }
    strip_notes_heading(&mut article);
    if let Some(start) = notes_start {
        definitions(&paras[start..tail_start], &mut notes, &mut article);
    }
    tail(&paras[tail_start..], &mut article);
    find_dateline(&mut article);
    notes.finish(&mut article);
    link_refs(&mut article);
    article
}

/// The names of a `By …` line, when it is one and not too long to be one.
fn byline_names(line: &str) -> Option<&str> {
    let c = BYLINE.captures(line)?;
    let names = c.name("names")?.as_str();
    (names.chars().count() <= BYLINE_MAX).then_some(names)
}

/// Reads the header (date line, chrome, title, byline, standfirst) and returns where the body starts.
fn header(paras: &[Para], article: &mut Article) -> usize {
    let mut byline_at = None;
    let mut i = 0;
    while i < paras.len() && i < 10 {
        let para = &paras[i];
        let mut rest = Vec::new();
        for line in &para.lines {
            let t = line.trim();
            if chrome::is_chrome(t) {
                article.removed.push(t.to_string());
            } else if article.meta.date.is_none() && dates::is_date_line(t) {
                article.meta.date = Some(DateInfo {
                    text: t.to_string(),
                    iso: None,
                });
            } else {
                rest.push(t);
            }
        }
        let byline = match rest.as_slice() {
            [line] if article.meta.authors.is_empty() => byline_names(line),
            _ => None,
        };
        match (rest.as_slice(), byline) {
            ([], _) => {}
            (_, Some(names)) => {
                article.meta.authors = authors(names);
                byline_at = Some(i);
            }
            ([line], None)
                if article.meta.title.is_none() && is_title(line) && i + 1 < paras.len() =>
            {
                article.meta.title = Some(line.to_string());
            }
            _ => {
                let joined = join_lines(&rest);
                let is_summary = article.meta.summary.is_none()
                    && byline_at == Some(i.wrapping_sub(1))
                    && i + 1 < paras.len()
                    && dateline(&joined).is_none()
                    && joined.split_whitespace().count() <= 120
                    && !is_note_def(&joined);
                if is_summary {
                    article.meta.summary = Some(joined);
                    return i + 1;
                }
                return i;
            }
        }
        i += 1;
    }
    i
}

fn is_title(line: &str) -> bool {
    let n = line.chars().count();
    (3..=200).contains(&n) && !line.ends_with(['.', ',', ';']) && !is_note_def(line)
}

/// Splits a byline's names: `A`, `A and B`, `A, B and C`, `A & B`.
fn authors(names: &str) -> Vec<String> {
    let names = names.split(['|', '•']).next().unwrap_or(names);
    names
        .split(", ")
        .flat_map(|part| part.split(" and ").flat_map(|p| p.split(" & ")))
        .map(|s| s.trim().trim_end_matches(['.', ',']).to_string())
        .filter(|s| !s.is_empty())
        .collect()
}

/// Joins hard-wrapped lines, without a space after a line-end hyphen inside a word.
fn join_lines(lines: &[&str]) -> String {
    let mut out = String::new();
    for line in lines {
        let t = line.trim();
        if !out.is_empty() {
            let hyphenated = out.ends_with('-')
                && out[..out.len() - 1]
                    .chars()
                    .last()
                    .is_some_and(char::is_alphabetic)
                && t.chars().next().is_some_and(char::is_alphabetic);
            if !hyphenated {
                out.push(' ');
            }
        }
        out.push_str(t);
    }
    out
}

/// Where the closing boilerplate (chrome, "See also", subscription prompts, motto) begins.
fn tail_start(paras: &[Para], body_start: usize) -> usize {
    let lines: Vec<(usize, &str)> = paras
        .iter()
        .enumerate()
        .skip(body_start)
        .flat_map(|(i, p)| p.lines.iter().map(move |l| (i, l.trim())))
        .collect();
    let earliest = lines.len().saturating_sub(300);
    let mut best = paras.len();
    for (k, &(pi, line)) in lines.iter().enumerate().rev() {
        if k < earliest {
            break;
        }
        let marker = chrome::is_chrome(line) || chrome::is_related_header(line);
        // The tail starts at a paragraph boundary, so a marker must open its paragraph.
        if marker && paras[pi].lines[0].trim() == line && pi > body_start && tail_like(&paras[pi..])
        {
            best = pi;
        }
    }
    best
}

/// Whether every paragraph from here on is closing boilerplate rather than article text.
fn tail_like(paras: &[Para]) -> bool {
    let mut related = false;
    for para in paras {
        let mut any_chrome = false;
        for line in &para.lines {
            let t = line.trim();
            if chrome::is_related_header(t) {
                related = true;
                any_chrome = true;
            } else if chrome::is_chrome(t) {
                related = false;
                any_chrome = true;
            } else if is_note_def(t) || t.chars().count() > 200 {
                return false;
            }
        }
        // Several lines with no chrome among them are a (hard-wrapped) paragraph of text.
        if !any_chrome && !related && para.lines.len() > 1 {
            return false;
        }
    }
    true
}

/// The first paragraph of the notes: from there on, every paragraph is a definition or
/// continues one (at most three continuation paragraphs in a row).
fn notes_start(paras: &[Para]) -> Option<usize> {
    let mut start = None;
    let mut unlabeled = 0;
    for (i, para) in paras.iter().enumerate().rev() {
        if para
            .lines
            .iter()
            .any(|l| is_note_def(l.trim()) && l.starts_with('['))
        {
            start = Some(i);
            unlabeled = 0;
        } else {
            unlabeled += 1;
            if unlabeled > 3 {
                break;
            }
        }
    }
    // Continuation paragraphs above the first label belong to the body.
    let start = start?;
    (start > 0 || paras.len() > 1).then_some(start)
}

/// Removes a "Notes" heading left at the end of the body.
fn strip_notes_heading(article: &mut Article) {
    if let Some(last) = article.blocks.last()
        && NOTES_HEADING.is_match(last.text.trim())
    {
        article.blocks.pop();
    }
}

fn definitions(paras: &[Para], notes: &mut NoteBuilder, article: &mut Article) {
    let mut current: Option<(String, Vec<Block>)> = None;
    let mut flush = |current: &mut Option<(String, Vec<Block>)>, article: &mut Article| {
        if let Some((label, blocks)) = current.take()
            && let Some(dup) = notes.define(&label, blocks)
        {
            article
                .removed
                .extend(dup.into_iter().map(|b| format!("[{label}] {}", b.text)));
        }
    };
    for para in paras {
        let mut lines: Vec<&str> = Vec::new();
        for line in &para.lines {
            let t = line.trim();
            if let Some(c) = note_def(t) {
                if let Some(open) = &mut current
                    && !lines.is_empty()
                {
                    open.1.push(Block::paragraph(join_lines(&lines)));
                }
                lines.clear();
                flush(&mut current, article);
                let label = c.name("named").or(c.name("num")).expect("label").as_str();
                current = Some((label.to_string(), Vec::new()));
                lines.push(c.name("text").expect("text").as_str());
            } else {
                lines.push(t);
            }
        }
        if lines.is_empty() {
            continue;
        }
        let block = Block::paragraph(join_lines(&lines));
        match &mut current {
            Some((_, blocks)) => blocks.push(block),
            None => article.blocks.push(block),
        }
    }
    flush(&mut current, article);
}

/// Turns one body paragraph into blocks.
fn body_block(para: &Para, article: &mut Article) {
    let lines = &para.lines;
    if lines.iter().all(|l| chrome::is_chrome(l)) {
        article
            .removed
            .extend(lines.iter().map(|l| l.trim().to_string()));
        return;
    }
    if lines.len() == 1 && RULE.is_match(lines[0].trim()) {
        article.blocks.push(Block::new(BlockKind::Rule, ""));
        return;
    }
    if lines.iter().all(|l| l.trim_start().starts_with('>')) {
        let inner: Vec<&str> = lines.iter().map(|l| l.trim_start()[1..].trim()).collect();
        article
            .blocks
            .push(Block::new(BlockKind::Quote, join_lines(&inner)));
        return;
    }
    if BULLET.is_match(lines[0])
        && lines
            .iter()
            .all(|l| BULLET.is_match(l) || l.starts_with(' '))
    {
        list(lines, article);
        return;
    }
    let indent = |l: &&str| l.len() - l.trim_start().len();
    if lines.iter().all(|l| indent(l) >= 4) {
        article
            .blocks
            .push(Block::new(BlockKind::Quote, join_lines(lines)));
        return;
    }
    let text = join_lines(lines);
    let kind = if lines.len() == 1 && is_heading(&text) {
        BlockKind::Heading { level: 2 }
    } else {
        BlockKind::Paragraph
    };
    article.blocks.push(Block::new(kind, text));
}

/// A short line with no closing punctuation, in title or capital case, reads as a heading.
fn is_heading(text: &str) -> bool {
    let words = text.split_whitespace().count();
    let first = text.chars().next().unwrap_or(' ');
    (1..=10).contains(&words)
        && text.chars().count() <= 70
        && first.is_uppercase()
        && !text.ends_with(['.', '!', '?', ':', ';', ',', '"', '”', ')', '’'])
        && !chrome::is_chrome(text)
}

fn list(lines: &[&str], article: &mut Article) {
    let mut items: Vec<(u8, String, Vec<&str>)> = Vec::new();
    for line in lines {
        if let Some(c) = BULLET.captures(line) {
            let depth = (c["indent"].len() / 2).min(6) as u8;
            let marker = match &c["marker"] {
                m if m.ends_with(['.', ')']) => m.to_string(),
                _ => "•".to_string(),
            };
            items.push((depth, marker, vec![c.name("text").expect("text").as_str()]));
        } else if let Some(last) = items.last_mut() {
            last.2.push(line.trim());
        }
    }
    for (depth, marker, text) in items {
        article.blocks.push(Block::new(
            BlockKind::ListItem { depth, marker },
            join_lines(&text),
        ));
    }
}

/// Reads the closing boilerplate: related entries are kept, the rest goes to `removed`.
fn tail(paras: &[Para], article: &mut Article) {
    let mut related = false;
    for para in paras {
        for line in &para.lines {
            let t = line.trim();
            if chrome::is_related_header(t) {
                related = true;
                article.removed.push(t.to_string());
            } else if chrome::is_chrome(t) {
                related = false;
                if article.meta.site.is_none()
                    && crate::shape::strip_prefix_ascii(t, "subscribe to ").is_some()
                    && let Some(c) = SUBSCRIBE_SITE.captures(t)
                    && c["site"].chars().count() <= 41
                {
                    article.meta.site = Some(c["site"].trim().to_string());
                }
                article.removed.push(t.to_string());
            } else if related
                && dates::is_date_line(t)
                && article.related.last().is_some_and(|r| r.date.is_none())
            {
                if let Some(last) = article.related.last_mut() {
                    last.date = Some(t.to_string());
                }
            } else if related {
                article.related.push(Related {
                    title: t.to_string(),
                    date: None,
                });
            } else {
                article.removed.push(t.to_string());
            }
        }
        // A related list is one run of lines; a paragraph break ends it.
        related = false;
    }
}

/// Finds a news dateline (`Hong Kong (AsiaNews) –`) at the start of the first paragraph.
fn find_dateline(article: &mut Article) {
    let Some(first) = article
        .blocks
        .iter_mut()
        .find(|b| b.kind == BlockKind::Paragraph)
    else {
        return;
    };
    let Some(at) = dateline(&first.text) else {
        return;
    };
    article.meta.dateline = Some(first.text[at.clone()].to_string());
    first.add_mark(at, MarkKind::Dateline);
}

/// Most words in a dateline, counting the dash.
const DATELINE_WORDS: usize = 8;

/// Where a paragraph's opening dateline (`Hong Kong (AsiaNews) –`) is, if it has one.
fn dateline(text: &str) -> Option<std::ops::Range<usize>> {
    // A dateline's last word ends in its dash. Looking for that first spares nearly every
    // paragraph the pattern, and most first frames its compilation.
    let dashed = text
        .split_whitespace()
        .take(DATELINE_WORDS)
        .any(|w| w.ends_with(['–', '—', '-']));
    if !dashed {
        return None;
    }
    let dl = DATELINE.captures(text)?.name("dl")?;
    (dl.as_str().split_whitespace().count() <= DATELINE_WORDS).then(|| dl.range())
}

/// Marks every `[1]` / `[^label]` reference in body and notes and links it to its note;
/// a label with no definition gets an undefined note, in order of first reference.
fn link_refs(article: &mut Article) {
    let mut by_label: std::collections::HashMap<String, usize> = article
        .footnotes
        .iter()
        .enumerate()
        .map(|(i, f)| (f.label.clone(), i))
        .collect();
    for place in article.places() {
        let Some(block) = article.block_mut(place) else {
            continue;
        };
        if matches!(block.kind, BlockKind::Code) {
            continue;
        }
        let found: Vec<_> = NOTE_REF
            .captures_iter(&block.text)
            .filter(label_fits)
            .map(|c| {
                let label = c
                    .name("named")
                    .or(c.name("num"))
                    .expect("label")
                    .as_str()
                    .to_string();
                (c.get(0).expect("whole").range(), label)
            })
            .collect();
        let mut fresh = Vec::new();
        for (range, label) in found {
            let next = by_label.len();
            let note = *by_label.entry(label.clone()).or_insert_with(|| {
                fresh.push(label);
                next
            });
            block.add_mark(range, MarkKind::FootnoteRef { note });
        }
        for label in fresh {
            article.footnotes.push(Footnote {
                label,
                blocks: Vec::new(),
                refs: Vec::new(),
                defined: false,
            });
        }
    }
}
