//! The closing boilerplate of a plain-text article: where it begins, and what of it is
//! kept (related entries) and what goes to `removed`.

use super::*;

/// Where the closing boilerplate (chrome, "See also", subscription prompts, motto) begins.
pub(super) fn tail_start(paras: &[Para], body_start: usize) -> usize {
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
pub(super) fn tail_like(paras: &[Para]) -> bool {
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

/// Reads the closing boilerplate: related entries are kept, the rest goes to `removed`.
pub(super) fn tail(paras: &[Para], article: &mut Article) {
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
