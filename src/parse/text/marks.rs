//! Notes in plain text: `[12]` and `[^label]` marks, where the notes begin, their
//! definitions, and every reference linked to its note.

use super::*;

/// Longest `[^label]`, in characters.
pub(super) const LABEL_MAX: usize = 40;

/// A note mark at the start of `s`, `[12]` or `[^label]`: its label and its length.
/// Longer named labels are not notes but still read as marks, so a scan skips them whole.
pub(super) fn note_mark(s: &str) -> Option<(&str, usize, bool)> {
    let inner = s.strip_prefix('[')?;
    let (label, named) = match inner.strip_prefix('^') {
        Some(named) => {
            let end = named
                .find(|c: char| c == ']' || c.is_whitespace())
                .unwrap_or(named.len());
            (&named[..end], true)
        }
        None => {
            let digits = inner.bytes().take_while(u8::is_ascii_digit).take(4).count();
            if digits > 3 {
                return None;
            }
            (&inner[..digits], false)
        }
    };
    let end = 1 + usize::from(named) + label.len();
    let closed = !label.is_empty() && s[end..].starts_with(']');
    closed.then_some((label, end + 1, !named || label.chars().count() <= LABEL_MAX))
}

/// Every note reference in `text`: where its mark is and its label.
pub(super) fn note_refs(text: &str) -> impl Iterator<Item = (std::ops::Range<usize>, &str)> {
    let mut at = 0;
    std::iter::from_fn(move || {
        loop {
            let open = at + text[at..].find('[')?;
            match note_mark(&text[open..]) {
                Some((label, len, fits)) => {
                    at = open + len;
                    if fits {
                        return Some((open..open + len, label));
                    }
                }
                None => at = open + 1,
            }
        }
    })
}

/// A note definition line (`[1] Text`, `[^label]: Text`): its label and text.
pub(super) fn note_def(line: &str) -> Option<(&str, &str)> {
    let (label, len, fits) = note_mark(line)?;
    let after = &line[len..];
    let after = after.strip_prefix(':').unwrap_or(after);
    let text = after.trim_start();
    let ok = fits && text.len() < after.len() && !text.is_empty() && !text.contains('\n');
    ok.then_some((label, text))
}

pub(super) fn is_note_def(line: &str) -> bool {
    note_def(line).is_some()
}

/// The first paragraph of the notes: from there on, every paragraph is a definition or
/// continues one (at most three continuation paragraphs in a row).
pub(super) fn notes_start(paras: &[Para]) -> Option<usize> {
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
pub(super) fn strip_notes_heading(article: &mut Article) {
    if let Some(last) = article.blocks.last()
        && crate::parse::notes::is_heading(last.text.trim(), &[])
    {
        article.blocks.pop();
    }
}

pub(super) fn definitions(paras: &[Para], notes: &mut NoteBuilder, article: &mut Article) {
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
            if let Some((label, text)) = note_def(t) {
                if let Some(open) = &mut current
                    && !lines.is_empty()
                {
                    open.1.push(Block::paragraph(join_lines(&lines)));
                }
                lines.clear();
                flush(&mut current, article);
                current = Some((label.to_string(), Vec::new()));
                lines.push(text);
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

/// Marks every `[1]` / `[^label]` reference in body and notes and links it to its note;
/// a label with no definition gets an undefined note, in order of first reference.
pub(super) fn link_refs(article: &mut Article) {
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
        let found: Vec<_> = note_refs(&block.text)
            .map(|(range, label)| (range, label.to_string()))
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
