//! Plain text saved from news sites: date line, chrome, title, byline, standfirst,
//! body with a dateline, `[1]` notes at the end, a "See also" list and boilerplate.

use super::notes::NoteBuilder;
use super::rst;
use crate::article::{Article, Block, BlockKind, DateInfo, Footnote, Format, MarkKind, Related};
use crate::pattern::Pattern;
use crate::{chrome, dates};
use std::sync::LazyLock;

mod marks;
mod numbered;
mod tail;

use marks::*;
use tail::*;

// The by-line, list-item and notes-heading checks below are written out rather than
// compiled: they run on the first lines of every text article, and each pattern's
// compilation cost more than the parse of a screen. The tests keep the patterns and
// check that both agree. Digits are ASCII, capitals are Rust's `is_uppercase`.

/// Longest byline, in characters.
const BYLINE_MAX: usize = 151;
static DATELINE: LazyLock<Pattern> = LazyLock::new(|| {
    Pattern::new(
        r"^(?P<dl>\p{Lu}[\p{L}.’'\-]*(?:[ ,]+\p{Lu}[\p{L}.’'\-]*)*(?:,\s+\p{Lu}[a-z]+\.?\s+\d{1,2})?(?:\s+\([^()]+\))?\s*(?:–|—|--|-))\s+\S",
    )
});
static RULE: LazyLock<Pattern> =
    LazyLock::new(|| Pattern::new(r"^(?:(?:\*\s*){3,}|(?:-\s*){3,}|(?:_\s*){3,}|(?:~\s*){3,})$"));
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
    let numbered = notes_start
        .is_none()
        .then(|| numbered::scan(&paras, body_start, tail_start))
        .flatten();

    let mut notes = NoteBuilder::default();
    let body_end = numbered
        .as_ref()
        .map_or(notes_start.unwrap_or(tail_start), |n| n.heading);
    let mut adornments = Vec::new();
    for para in &paras[body_start..body_end] {
        body_block(para, &mut adornments, &mut article);
    }
    strip_notes_heading(&mut article);
    if let Some(start) = notes_start {
        definitions(&paras[start..tail_start], &mut notes, &mut article);
    }
    if let Some(n) = &numbered {
        numbered::definitions(&paras[n.heading + 1..n.end], &mut notes, &mut article);
        for para in &paras[n.end..tail_start] {
            body_block(para, &mut adornments, &mut article);
        }
    }
    tail(&paras[tail_start..], &mut article);
    find_dateline(&mut article);
    notes.finish(&mut article);
    link_refs(&mut article);
    if let Some(n) = &numbered {
        numbered::link_superscripts(n, &mut article);
    }
    article
}

/// The names of a `By …` line, when it is one and not too long to be one.
fn byline_names(line: &str) -> Option<&str> {
    let after = crate::shape::strip_prefix_ascii(line, "by")?;
    let names = after.trim_start();
    let mut chars = names.chars();
    let fits = names.len() < after.len()
        && chars.next().is_some_and(char::is_uppercase)
        && chars.next().is_some()
        && !names.contains('\n')
        && names.chars().count() <= BYLINE_MAX;
    fits.then_some(names)
}

/// A list item's line: its indent, marker (`-`, `*`, `•`, `‣`, `◦`, `1.`, `1)`) and text.
struct Bullet<'a> {
    indent: &'a str,
    marker: &'a str,
    text: &'a str,
}

fn bullet(line: &str) -> Option<Bullet<'_>> {
    let body = line.trim_start();
    let indent = &line[..line.len() - body.len()];
    let marker_len = match body.chars().next()? {
        c @ ('-' | '*' | '•' | '‣' | '◦') => c.len_utf8(),
        _ => {
            let digits = body.bytes().take_while(u8::is_ascii_digit).count();
            let closed = matches!(body.as_bytes().get(digits), Some(b'.' | b')'));
            if !(1..=3).contains(&digits) || !closed {
                return None;
            }
            digits + 1
        }
    };
    let (marker, after) = body.split_at(marker_len);
    let text = after.trim_start();
    let fits = text.len() < after.len() && !text.is_empty() && !text.contains('\n');
    fits.then_some(Bullet {
        indent,
        marker,
        text,
    })
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
                    && !is_note_def(&joined)
                    && !crate::cite::cites(&joined);
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

/// Joins hard-wrapped lines, without a space after a line-end hyphen inside a word, and
/// with runs of spaces (two after a full stop, in typewritten text) made one.
fn join_lines(lines: &[&str]) -> String {
    let mut out = String::new();
    for line in lines {
        let trimmed = line.trim();
        let single;
        let t = if trimmed.contains("  ") {
            single = trimmed
                .split(' ')
                .filter(|w| !w.is_empty())
                .collect::<Vec<_>>()
                .join(" ");
            single.as_str()
        } else {
            trimmed
        };
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

/// Turns one body paragraph into blocks.
fn body_block(para: &Para, adornments: &mut Vec<(char, bool)>, article: &mut Article) {
    let lines = &para.lines;
    if let Some((title, used, level)) = rst::underlined(lines, adornments) {
        article
            .blocks
            .push(Block::new(BlockKind::Heading { level }, title));
        if used < lines.len() {
            let rest = Para {
                lines: lines[used..].to_vec(),
            };
            body_block(&rest, adornments, article);
        }
        return;
    }
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
    if bullet(lines[0]).is_some()
        && lines
            .iter()
            .all(|l| bullet(l).is_some() || l.starts_with(' '))
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
    // A heading written on the line above its list's first entry, with no blank line.
    if lines.len() > 2 && crate::cite::is_list_heading(lines[0]) && entry_a_line(&lines[1..], true)
    {
        article
            .blocks
            .push(Block::new(BlockKind::Heading { level: 2 }, lines[0].trim()));
        for line in &lines[1..] {
            article.blocks.push(Block::paragraph(line.trim()));
        }
        return;
    }
    let under_heading = article
        .blocks
        .last()
        .is_some_and(|b| crate::cite::is_list_heading(&b.text));
    if entry_a_line(lines, under_heading) {
        for line in lines {
            article.blocks.push(Block::paragraph(line.trim()));
        }
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

/// Whether `lines`, under a reference list's heading, are its entries one a line (as a
/// plain text writes them, with no blank line between): each starts with a capital (or a
/// surname's particle, `de Souza`), holds
/// a year (or `forthcoming`) and ends with a stop, which wrapped prose does not do line
/// after line.
fn entry_a_line(lines: &[&str], under_heading: bool) -> bool {
    let entry = |l: &&str| {
        let l = l.trim();
        let dated = l
            .as_bytes()
            .windows(4)
            .any(|w| w.iter().all(u8::is_ascii_digit))
            || ["(forthcoming)", "(in press)", "n.d."]
                .iter()
                .any(|w| l.contains(w));
        (l.starts_with(char::is_uppercase) || crate::cite::starts_with_particle(l))
            && l.ends_with('.')
            && dated
    };
    under_heading && lines.len() > 1 && lines.iter().all(entry)
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
        if let Some(b) = bullet(line) {
            let depth = (b.indent.len() / 2).min(6) as u8;
            let marker = match b.marker {
                m if m.ends_with(['.', ')']) => m.to_string(),
                _ => "•".to_string(),
            };
            items.push((depth, marker, vec![b.text]));
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

#[cfg(test)]
mod tests;
