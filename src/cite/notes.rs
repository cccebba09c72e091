//! Citations that make up a note, in the notes–bibliography style (Chicago) and its
//! relatives, each one sentence or `;`-separated part of the note:
//!
//! - a book: `Margaret Ellison, *The Salt Roads of the Adriatic* (Trieste: Halcyon
//!   Press, 2010), 45`
//! - an article or a newspaper: `Ruth Holt, “Small Boats,” *Maritime Review* 12, no. 3
//!   (2015): 45–67`; `“Harbour Board Approves New Basin,” *La Bilancia*, March 14, 1911`
//! - `Ibid., 47`, and a short note: `Ellison, *Salt Roads*, 52`
//! - a source and date with no parentheses: `…; and Interfax, February 28`
//! - an author–year reference: `Ellison 2010, 45`

use super::entry::{is_author_list, quoted};
use super::names::{is_source_name, one_or_two_names_each, strip_lead};
use super::paren::{author_year, date_tail, ibid, matching_paren};
use super::when::{is_full_tail_date, is_locator, is_tail_date, year_len};
use super::{Cite, Form};
use crate::article::CitationKind;
use std::ops::Range;

/// Every citation a note's text is made of, with where each sits and its form.
pub(super) fn in_note(text: &str, italics: &[Range<usize>]) -> Vec<(Cite, Form)> {
    let mut out = Vec::new();
    for seg in segments(text) {
        let lead = lead_end(&text[seg.clone()]);
        let at = seg.start + lead;
        let body = &text[at..seg.end];
        if body.is_empty() {
            continue;
        }
        let inside: Vec<Range<usize>> = italics
            .iter()
            .filter(|r| r.start >= at && r.end <= seg.end)
            .map(|r| r.start - at..r.end - at)
            .collect();
        if let Some((mut c, form)) = one(body, &inside) {
            c.at = c.at.start + at..c.at.end + at;
            out.push((c, form));
        }
    }
    out
}

/// The one citation `body` is, if it is one.
fn one(body: &str, italics: &[Range<usize>]) -> Option<(Cite, Form)> {
    let all = 0..body.len();
    if let Some(locator) = ibid(body) {
        let c = Cite::new(CitationKind::Reference, all, body, "Ibid.", None, locator);
        return Some((c, Form::Ibid));
    }
    if let Some(c) = book(body, italics) {
        return Some((c, Form::Full));
    }
    if let Some(c) = article(body) {
        return Some((c, Form::Full));
    }
    if let Some(found) = short(body, italics) {
        return Some(found);
    }
    if let Some((authors, y)) = author_year(body, false)
        && one_or_two_names_each(authors)
        && super::names::is_plausible_author(authors.trim())
        && y.years.len() == 1
    {
        let mut c = Cite::new(
            CitationKind::AuthorYear,
            all,
            body,
            authors.trim().trim_end_matches(','),
            Some(y.years[0].1),
            y.locator,
        );
        c.title = None;
        return Some((c, Form::Cited));
    }
    let (source, date) = date_tail(body)?;
    let source = source.trim().trim_end_matches(',');
    (is_source_name(source) && is_full_tail_date(date)).then(|| {
        let c = Cite::new(
            CitationKind::Attribution,
            all,
            body,
            source,
            Some(date),
            None,
        );
        (c, Form::Cited)
    })
}

/// `Author, Title (Place: Publisher, Year), pages`, the author optional when the title is
/// in italics (the publisher is then the source).
fn book(body: &str, italics: &[Range<usize>]) -> Option<Cite> {
    let open = depth_zero(body, '(')?;
    let close = matching_paren(body.as_bytes(), open)?;
    let facts = &body[open + 1..close];
    let year = facts
        .trim_end()
        .rsplit([' ', ','])
        .next()
        .filter(|y| year_len(y).is_some_and(|n| n == y.len()))?;
    if !facts.contains([':', ',']) {
        return None;
    }
    let before = body[..open].trim_end();
    let (author, title) = match before.split_once(", ") {
        Some((a, t)) if is_author_list(a) => (Some(a), t),
        _ => (None, before),
    };
    // Editors and translators after the title are not part of it.
    let title = [
        ", ed. ",
        ", eds. ",
        ", trans. ",
        ", edited by ",
        ", translated by ",
    ]
    .iter()
    .filter_map(|w| title.find(w))
    .min()
    .map_or(title, |i| &title[..i]);
    let title = title.trim().trim_matches(['*', '_']).trim();
    if title.is_empty() || !title.starts_with(|c: char| c.is_uppercase() || c == '“' || c == '"')
    {
        return None;
    }
    let marked = body[..open].contains(['*', '_']) || !italics.is_empty();
    let source = match author {
        Some(a) => a.trim_end_matches([',', '.']).to_string(),
        None if marked => facts
            .split_once(':')
            .map(|(_, p)| p.rsplit_once(',').map_or(p, |(p, _)| p).trim().to_string())
            .filter(|p| p.starts_with(char::is_uppercase))?,
        None => return None,
    };
    let after = body[close + 1..].trim_start();
    let locator = after
        .strip_prefix([',', ':'])
        .map(str::trim)
        .filter(|l| is_locator(l));
    let end = if locator.is_some() || after.is_empty() {
        body.len()
    } else {
        close + 1
    };
    let mut c = Cite::new(
        CitationKind::Reference,
        0..end,
        body,
        &source,
        Some(year),
        locator,
    );
    c.title = Some(title.to_string());
    Some(c)
}

/// `[Author, ]“Title,” Container …year…`: an article, a newspaper story, a web page. The
/// author, else the container, is the source.
fn article(body: &str) -> Option<Cite> {
    let quote = body.find(['“', '"'])?;
    let author = body[..quote].trim_end();
    let author = match author.strip_suffix(',') {
        Some(a) if is_author_list(a.trim()) => Some(a.trim()),
        None if author.is_empty() => None,
        _ => return None,
    };
    let (title, rest) = quoted(&body[quote..])?;
    let rest = rest.trim_start_matches([',', '.', ' ']);
    let rest = rest
        .strip_prefix("in ")
        .or_else(|| rest.strip_prefix("In "))
        .unwrap_or(rest);
    let container_end = rest
        .find([',', '(', '.'])
        .into_iter()
        .chain(rest.find(|c: char| c.is_ascii_digit()))
        .min()
        .unwrap_or(rest.len());
    let container = rest[..container_end].trim().trim_matches(['*', '_']).trim();
    if !container.starts_with(char::is_uppercase) || container.len() > 160 {
        return None;
    }
    let details = &rest[container_end..];
    // Its date: right after the container (`, March 14, 1911`), else the year given.
    let date = details
        .trim_start_matches([',', ' '])
        .split(", http")
        .next()
        .and_then(|d| {
            let d = d.trim();
            let d = d.strip_prefix("accessed ").unwrap_or(d);
            is_tail_date(d).then_some(d)
        })
        .or_else(|| super::entry::last_year(details))?;
    let locator = details
        .rsplit_once([':', ','])
        .map(|(_, l)| l.trim())
        .filter(|l| is_locator(l));
    let source = author.unwrap_or(container);
    let mut c = Cite::new(
        CitationKind::Reference,
        0..body.len(),
        body,
        source,
        Some(date),
        locator,
    );
    c.title = Some(title.to_string());
    Some(c)
}

/// `Ellison, *Salt Roads*, 52` or `Mwangi and Holt, “Watching the Water,” 60`: a short
/// note, joined later to the full one. `Ellison, 52` is one only if that join succeeds.
fn short(body: &str, italics: &[Range<usize>]) -> Option<(Cite, Form)> {
    let (authors, rest) = body.split_once(", ")?;
    let names = authors.split_whitespace().count();
    if !is_author_list(authors) || names > 5 || authors.contains(',') {
        return None;
    }
    if is_locator(rest) {
        let c = Cite::new(
            CitationKind::Reference,
            0..body.len(),
            body,
            authors,
            None,
            Some(rest),
        );
        return Some((c, Form::ShortAlone));
    }
    let offset = body.len() - rest.len();
    let (title, locator) = if let Some((t, after)) = quoted(rest) {
        let after = after.trim_start_matches([',', ' ']);
        (t, after)
    } else if let Some(r) = italics.iter().find(|r| r.start == offset) {
        let after = body[r.end..].trim_start_matches([',', ' ']);
        (&body[r.clone()], after)
    } else if let Some(inner) = rest.strip_prefix('*').or_else(|| rest.strip_prefix('_')) {
        let close = inner.find(['*', '_'])?;
        (
            &inner[..close],
            inner[close + 1..].trim_start_matches([',', ' ']),
        )
    } else {
        let (t, l) = rest.rsplit_once(", ")?;
        let words = t.split_whitespace().count();
        if words > 8 || !t.starts_with(char::is_uppercase) {
            return None;
        }
        (t, l)
    };
    if !locator.is_empty() && !is_locator(locator) {
        return None;
    }
    let locator = (!locator.is_empty()).then_some(locator);
    let mut c = Cite::new(
        CitationKind::Reference,
        0..body.len(),
        body,
        authors,
        None,
        locator,
    );
    c.title = Some(title.trim().trim_end_matches([',', '.']).to_string());
    Some((c, Form::Short))
}

/// The first `c` outside quotation marks.
fn depth_zero(s: &str, c: char) -> Option<usize> {
    let mut quoted = false;
    s.char_indices().find_map(|(i, x)| {
        match x {
            '“' => quoted = true,
            '”' => quoted = false,
            _ if x == c && !quoted => return Some(i),
            _ => {}
        }
        None
    })
}

/// Where a note's lead-in (`See`, `For a survey of X, see`, `Quoted in`) ends.
fn lead_end(seg: &str) -> usize {
    // `…, see X` or `… see also X`: what follows the last "see" before any title.
    let title = seg.find(['“', '"', '*', '(']).unwrap_or(seg.len());
    let mut at = 0;
    for (i, _) in seg[..title].match_indices("see ") {
        let starts_word = i == 0 || seg[..i].ends_with(' ');
        if starts_word && i < 160 {
            at = i + "see ".len();
        }
    }
    if at == 0 && seg[..title].starts_with("See ") {
        at = "See ".len();
    }
    let rest = &seg[at..];
    let rest = rest.strip_prefix("also ").unwrap_or(rest);
    let (lead, _) = strip_lead(rest);
    seg.len() - rest.len() + lead
}

/// A note's sentences and `;`-separated parts, outside brackets and quotations, each
/// trimmed and without its final stop.
pub(super) fn segments(text: &str) -> Vec<Range<usize>> {
    let b = text.as_bytes();
    let mut out = Vec::new();
    let mut start = 0;
    let mut depth = 0i32;
    let mut quoted = false;
    for (i, c) in text.char_indices() {
        match c {
            '(' | '[' => depth += 1,
            ')' | ']' => depth -= 1,
            '“' => quoted = true,
            '”' => quoted = false,
            ';' if depth <= 0 && !quoted => {
                out.push(super::paren::trim_range(text, start..i));
                start = i + 1;
            }
            '.' | '?' | '!' if depth <= 0 && !quoted && ends_sentence(text, i) => {
                out.push(super::paren::trim_range(text, start..i));
                start = i + 1;
            }
            _ => {}
        }
    }
    if start < b.len() {
        out.push(super::paren::trim_range(text, start..b.len()));
    }
    out.retain(|r| !r.is_empty());
    out
}

/// Abbreviations a note's sentence does not end with.
const ABBREVIATIONS: &[&str] = &[
    "ed", "eds", "trans", "vol", "Vol", "vols", "no", "No", "nos", "pp", "p", "ch", "chap", "repr",
    "rev", "e.g", "i.e", "cf", "Cf", "al", "St", "Dr", "Mr", "Mrs", "Ms", "Jr", "Sr", "Jan", "Feb",
    "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec", "Co", "Inc", "Ltd",
    "Univ", "comp", "n", "nn", "fig", "esp", "pt", "bk", "sec", "art", "ff", "n.d", "ser", "dept",
    "Dept", "Bros", "fol", "fols", "para", "paras",
];

/// Whether the stop at `i` ends a sentence: white space or the end follows, then a
/// capital, a quotation mark or a title, and the word before is no abbreviation.
fn ends_sentence(text: &str, i: usize) -> bool {
    let after = &text[i + 1..];
    if !after.is_empty() && !after.starts_with(char::is_whitespace) {
        return false;
    }
    let next = after.trim_start();
    if !(next.is_empty() || next.starts_with(|c: char| c.is_uppercase() || "“\"*_‘".contains(c)))
    {
        return false;
    }
    if &text[i..=i] != "." {
        return true;
    }
    let word = text[..i]
        .rsplit(|c: char| c.is_whitespace() || c == '(')
        .next()
        .unwrap_or("");
    let initial = word.chars().count() == 1 && word.starts_with(char::is_uppercase);
    !(initial || ABBREVIATIONS.contains(&word) || (word.contains('.') && word.len() <= 5))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A citation read from a note: its text, source, date, locator and form.
    type Read = (String, String, Option<String>, Option<String>, Form);

    fn read(note: &str) -> Vec<Read> {
        in_note(note, &[])
            .into_iter()
            .map(|(c, f)| {
                (
                    note[c.at.clone()].to_string(),
                    c.source,
                    c.date,
                    c.locator,
                    f,
                )
            })
            .collect()
    }

    #[test]
    fn notes_bibliography_shapes() {
        let r = read(
            "Margaret Ellison, *The Salt Roads of the Adriatic* (Trieste: Halcyon Press, 2010), 45.",
        );
        assert_eq!(r.len(), 1, "{r:?}");
        assert_eq!(r[0].1, "Margaret Ellison");
        assert_eq!(
            (r[0].2.as_deref(), r[0].3.as_deref()),
            (Some("2010"), Some("45"))
        );
        assert_eq!(read("Ibid., 47.")[0].4, Form::Ibid);
        let s = read("Ellison, *Salt Roads*, 52.");
        assert_eq!((s[0].1.as_str(), s[0].4), ("Ellison", Form::Short));
        let n = read("“Harbour Board Approves New Basin,” *La Bilancia*, March 14, 1911.");
        assert_eq!(
            (n[0].1.as_str(), n[0].2.as_deref()),
            ("La Bilancia", Some("March 14, 1911"))
        );
        let a = read("Ruth Holt, “Small Boats,” *Maritime Review* 12, no. 3 (2015): 45–67.");
        assert_eq!(
            (a[0].1.as_str(), a[0].3.as_deref()),
            ("Ruth Holt", Some("45–67"))
        );
        let w = read("Kommersant, March 3; Vedomosti, March 4; and Interfax, February 28.");
        let names: Vec<&str> = w.iter().map(|c| c.1.as_str()).collect();
        assert_eq!(names, ["Kommersant", "Vedomosti", "Interfax"]);
        assert_eq!(w[2].0, "Interfax, February 28");
        let lead =
            read("On the basin, see Margaret Ellison, *Salt Roads* (Trieste: Halcyon, 2010).");
        assert_eq!(
            lead[0].0,
            "Margaret Ellison, *Salt Roads* (Trieste: Halcyon, 2010)"
        );
        assert_eq!(read("Ellison 2010, 45.")[0].1, "Ellison");
    }

    #[test]
    fn prose_notes_are_not_citations() {
        for note in [
            "An earlier version of this essay was presented at a workshop held in Bergen in 2019.",
            "The Compact was drafted over two winters, with a retired magistrate as secretary.",
            "Zanetti, for his part, is sceptical of the figures.",
            "Distances along the river are measured from the glacier snout, 1998.",
            "The first note has a citation of its own and points to a second note.",
        ] {
            assert!(read(note).is_empty(), "{note}: {:?}", read(note));
        }
    }
}
