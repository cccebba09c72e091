//! Citations inside parentheses: news attributions (`(Xinhua, May 4)`), author–year
//! citations (`(Chen, 2019a, 2019b)`, `(IMF, 2020a; 2020b)`, `(see Mbeki 2019 for a
//! review)`) and `(ibid., 47)`, one or more per `;`-separated part.

use super::names::{
    authors_ends, is_plausible_author, is_source_name, one_or_two_names_each, record_maker,
    strip_lead,
};
use super::paren_forms::{before_clause, personal_communication, relayed, weekday_tail};
use super::when::{is_locator, is_news_year, is_tail_date, when_len, without_kind, year_len};
use super::{Cite, cite};
use crate::article::{Citation, CitationKind, Place};
use std::ops::Range;

/// Citations inside parentheses, one or more per `;`-separated part.
pub fn parenthetical(text: &str, place: Place) -> Vec<Citation> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    for (open, _) in text.match_indices('(') {
        let Some(close) = matching_paren(bytes, open) else {
            continue;
        };
        let parts = split_parts(text, open + 1..close);
        let last = parts.len().saturating_sub(1);
        // A bare year continues the authors of the part before it: `(IMF, 2020a; 2020b)`.
        let mut authors: Option<String> = None;
        for (i, part) in parts.iter().enumerate() {
            let found = classify(&text[part.clone()], authors.as_deref());
            authors = found
                .iter()
                .rfind(|c| c.kind == CitationKind::AuthorYear)
                .map(|c| c.source.clone());
            let n = found.len();
            for (k, c) in found.into_iter().enumerate() {
                // The first and last parts own the parentheses, so the highlight covers them.
                let start = if i == 0 && k == 0 {
                    open
                } else {
                    part.start + c.at.start
                };
                let end = if i == last && k + 1 == n {
                    close + 1
                } else {
                    part.start + c.at.end
                };
                out.push(cite(c, place, start..end));
            }
        }
    }
    out
}

/// The index of the `)` closing the `(` at `open`, within 400 bytes, skipping nested pairs.
pub(super) fn matching_paren(bytes: &[u8], open: usize) -> Option<usize> {
    let mut depth = 0usize;
    for (i, &b) in bytes.iter().enumerate().skip(open).take(400) {
        match b {
            b'(' => depth += 1,
            b')' => {
                depth -= 1;
                if depth == 0 {
                    return Some(i);
                }
            }
            b'\n' => return None,
            _ => {}
        }
    }
    None
}

/// Splits the inside of a parenthesis at `;` outside brackets; each range is trimmed.
pub(super) fn split_parts(text: &str, inner: Range<usize>) -> Vec<Range<usize>> {
    let mut parts = Vec::new();
    let mut depth = 0i32;
    let mut start = inner.start;
    for (i, c) in text[inner.clone()].char_indices() {
        let at = inner.start + i;
        match c {
            '[' | '(' => depth += 1,
            ']' | ')' => depth -= 1,
            ';' if depth == 0 => {
                parts.push(trim_range(text, start..at));
                start = at + 1;
            }
            _ => {}
        }
    }
    parts.push(trim_range(text, start..inner.end));
    parts
}

pub(super) fn trim_range(text: &str, r: Range<usize>) -> Range<usize> {
    let s = &text[r.clone()];
    let lead = s.len() - s.trim_start().len();
    // Measured on what is left after the lead, so an all-blank part (`( )`) gives an
    // empty range instead of one that ends before it starts.
    let trail = s[lead..].len() - s[lead..].trim_end().len();
    r.start + lead..r.end - trail
}

/// The citations in one part of a parenthetical; `before` names the authors of the part
/// before it, which a bare year continues.
pub(super) fn classify(part: &str, before: Option<&str>) -> Vec<Cite> {
    // `Jacobsen 2003, cited in Elvik 2009`: the work and the one it was read in, each a
    // citation when each reads as one.
    if let Some(i) = SECONDARY.iter().find_map(|m| part.find(m)) {
        let (first, second) = (classify(&part[..i], before), classify(&part[i + 2..], None));
        if !first.is_empty() && !second.is_empty() {
            let shifted = second.into_iter().map(|mut c| {
                c.at = c.at.start + i + 2..c.at.end + i + 2;
                c
            });
            return first.into_iter().chain(shifted).collect();
        }
    }
    classify_one(part, before)
}

/// What joins a work to the one it was cited in, within one part.
const SECONDARY: [&str; 3] = [", cited in ", ", quoted in ", ", as cited in "];

/// `classify` for a part that cites one work (or one author's several years).
fn classify_one(part: &str, before: Option<&str>) -> Vec<Cite> {
    let whole = 0..part.len();
    let (lead, body) = strip_lead(part);
    let body_end = lead + body.trim_end().len();
    let body = &part[lead..body_end];
    if let Some(locator) = ibid(body) {
        return vec![Cite::new(
            CitationKind::Reference,
            whole,
            part,
            "Ibid.",
            None,
            locator,
        )];
    }
    if let Some((archive, _)) = body.split_once(", ").filter(|(a, mark)| {
        (2..=6).contains(&a.len()) && a.bytes().all(|b| b.is_ascii_uppercase()) && shelfmark(mark)
    }) {
        return vec![Cite::new(
            CitationKind::Reference,
            whole,
            part,
            archive,
            None,
            None,
        )];
    }
    if let Some((who, when)) = personal_communication(body) {
        return vec![Cite::new(
            CitationKind::AuthorYear,
            whole,
            part,
            who,
            Some(when),
            None,
        )];
    }
    if let Some(authors) = before
        && let Some(y) = years_and_locator(body, false)
    {
        return spread(part, lead, authors, &y, CitationKind::AuthorYear);
    }
    // Read once: author–year and attribution both ask for it. A clause after the date
    // says what the source found (`Reuters/Ipsos poll, March 28, found that…`).
    let dated = date_tail(body)
        .or_else(|| date_tail(before_clause(body)?))
        .or_else(|| weekday_tail(body));
    if let Some((authors, y)) = author_year(body, lead > 0) {
        let corporate = !one_or_two_names_each(authors);
        let plain = y.years.len() == 1 && y.locator.is_none() && !y.trailing;
        let plain = plain && year_len(y.years[0].1).is_some_and(|n| n == 4);
        let authors = authors.trim().trim_end_matches(',');
        // A body that gives its acronym is named as an author is, not as a news source.
        let plain = plain && !y.acronym;
        if is_plausible_author(authors) && (!corporate || !plain) {
            return spread(part, lead, authors, &y, CitationKind::AuthorYear);
        }
        // An institution and a plain year with no comma between (`Natural Resources
        // Wales 2016`) reads as author–year; with a comma it stays a source and date.
        if is_plausible_author(authors) && dated.is_none() {
            return spread(part, lead, authors, &y, CitationKind::AuthorYear);
        }
    }
    let Some((source, date)) = dated else {
        if let Some(source) = relayed(body) {
            return vec![Cite::new(
                CitationKind::Attribution,
                whole,
                part,
                source,
                None,
                None,
            )];
        }
        return symbol_tail(body)
            .map(|(source, symbol)| {
                Cite::new(
                    CitationKind::Attribution,
                    whole,
                    part,
                    source,
                    None,
                    Some(symbol),
                )
            })
            .into_iter()
            .collect();
    };
    let source = source.trim().trim_end_matches(',').trim();
    // A name starts with a letter: `(2020a, 2020b, 2021)` is one author's years.
    let numeric = source.starts_with(|c: char| c.is_ascii_digit());
    if numeric || !is_source_name(source) || !is_news_year(date) {
        return Vec::new();
    }
    vec![Cite::new(
        CitationKind::Attribution,
        whole,
        part,
        record_maker(source),
        Some(date),
        None,
    )]
}

/// An archive's mark for a holding: a series in capitals or short words, then its number
/// (`CR 1590/18`, `ADM 1/2345`, `Add MS 38416`).
fn shelfmark(s: &str) -> bool {
    let words: Vec<&str> = s.split(' ').collect();
    let Some((number, series)) = words.split_last() else {
        return false;
    };
    let series_ok = (1..=2).contains(&series.len())
        && series.iter().all(|w| {
            (1..=5).contains(&w.len())
                && w.starts_with(|c: char| c.is_ascii_uppercase())
                && w.bytes().all(|b| b.is_ascii_alphabetic())
        });
    series_ok
        && number.starts_with(|c: char| c.is_ascii_digit())
        && number.len() <= 16
        && number
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '/' | '.' | '-' | '–'))
}

/// `UN Security Council, S/2025/112`: a source and the symbol of the document it issued,
/// pieces of capitals and digits between slashes (`A/RES/76/300`, `E/CN.4/2005/L.10`).
fn symbol_tail(body: &str) -> Option<(&str, &str)> {
    let (source, symbol) = body.rsplit_once(", ")?;
    let pieces: Vec<&str> = symbol.split('/').collect();
    let ok = pieces.len() >= 3
        && symbol.starts_with(|c: char| c.is_ascii_uppercase())
        && symbol.contains(|c: char| c.is_ascii_digit())
        && pieces.iter().all(|p| {
            !p.is_empty()
                && p.len() <= 8
                && p.chars()
                    .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || c == '.')
        });
    (ok && is_source_name(source)).then_some((source, symbol))
}

/// `Ibid.`, `ibid., 47`, `Ibid. 47`: the locator, if any.
pub(super) fn ibid(body: &str) -> Option<Option<&str>> {
    let rest = ["Ibid", "ibid", "Ibidem", "ibidem", "Ib.", "ib."]
        .iter()
        .rev()
        .find_map(|w| body.strip_prefix(w))?;
    let rest = rest.strip_prefix('.').unwrap_or(rest);
    let rest = rest.strip_prefix(',').unwrap_or(rest).trim();
    match rest {
        "" => Some(None),
        l if is_locator(l.trim_end_matches('.')) => Some(Some(l.trim_end_matches('.'))),
        // The same paper on another day: `Ibid., 14 May 1911`.
        l if is_tail_date(l.trim_end_matches('.')) => Some(None),
        _ => None,
    }
}

/// The years of one author–year citation, where each sits in its part.
#[derive(Debug, PartialEq)]
pub(super) struct Years<'a> {
    /// Each year (`2019a`, `in press`) with its range in the text read.
    pub years: Vec<(Range<usize>, &'a str)>,
    pub locator: Option<&'a str>,
    /// Words follow the year: `for a review`.
    pub trailing: bool,
    /// The authors carry their acronym in brackets: `Department for Education [DfE]`.
    pub acronym: bool,
}

/// Words that may follow the year of a citation in parentheses: `(Mbeki 2019 for a
/// review)`, `(Salmon 2018 on review threads)`.
const TRAILERS: [&str; 8] = [
    "for", "on", "who", "which", "whose", "among", "inter", "and",
];

/// Remarks after a citation's locator that leave it a citation.
const REMARKS: [&str; 7] = [
    "emphasis added",
    "emphasis in original",
    "original emphasis",
    "my emphasis",
    "italics added",
    "my translation",
    "translation mine",
];

/// `2019a, 2019b`, `2020: 5`, `2015, p. 7`, `in press`, `2019 for a review` from the start
/// of `s` to its end; words after the years only after a lead-in (`lead`) or a word that
/// goes on from a citation (`for`).
pub(super) fn years_and_locator(s: &str, lead: bool) -> Option<Years<'_>> {
    let mut first = when_len(s)?;
    // A reprint gives the first year and the edition's: `1966/1992`.
    if let Some(n) = s[first..].strip_prefix('/').and_then(year_len)
        && n == 4
        && year_len(&s[..first]) == Some(4)
        && !s[first + 1 + n..].starts_with(|c: char| c.is_alphanumeric())
    {
        first += 1 + n;
    }
    // Or a second year in brackets, the original's or the reprint's: `1984 [2008]`.
    if let Some(inner) = s[first..].strip_prefix(" [")
        && year_len(inner) == Some(4)
        && inner[4..].starts_with(']')
        && year_len(&s[..first]) == Some(4)
    {
        first += " [".len() + 5;
    }
    let mut years = vec![(0..first, &s[..first])];
    let mut at = first;
    // The year a lone letter continues: `2019a, b`.
    let mut lettered = lettered_year(&s[..first]);
    loop {
        let rest = &s[at..];
        let Some(next) = rest.strip_prefix(',').map(str::trim_start) else {
            break;
        };
        let from = at + rest.len() - next.len();
        let b = next.as_bytes();
        let alone = b.first().is_some_and(u8::is_ascii_lowercase)
            && b.get(1)
                .is_none_or(|c| !c.is_ascii_alphanumeric() && *c != b'.');
        if lettered && alone {
            years.push((from..from + 1, &s[from..from + 1]));
            at = from + 1;
            continue;
        }
        match when_len(next) {
            Some(n) if next[n..].is_empty() || next[n..].starts_with([',', ':', ' ']) => {
                years.push((from..from + n, &s[from..from + n]));
                lettered = lettered_year(&s[from..from + n]);
                at = from + n;
            }
            _ => break,
        }
    }
    let after = &s[at..];
    let mut locator = None;
    let mut tail = after;
    if let Some(l) = after.strip_prefix([',', ':']).map(str::trim_start) {
        let end = REMARKS
            .iter()
            .find_map(|r| l.strip_suffix(r))
            .map(|l| l.trim_end().trim_end_matches(',').trim_end())
            .unwrap_or(l);
        if is_locator(end) {
            locator = Some(end);
            tail = "";
        } else if REMARKS.contains(&l) {
            tail = "";
        } else if let Some((pages, words)) = locator_then_words(l) {
            // `2019b, 17–19, for the comparison`: the words are read as after a year.
            locator = Some(pages);
            tail = words;
        }
    }
    let trailing = !tail.is_empty();
    if trailing {
        // `2019 for a review`, `2017, for an exception`.
        let comma = tail.starts_with(',');
        let tail = tail.strip_prefix(',').unwrap_or(tail);
        let words = tail.trim_start();
        // `2020, in The Guardian`: where the work appeared.
        let appeared = comma
            && words
                .strip_prefix("in ")
                .is_some_and(|w| w.starts_with(char::is_uppercase));
        let ok = tail.len() > words.len()
            && (appeared || trailing_allowed(trailing_word(words), lead))
            && !words.contains(|c: char| c.is_ascii_digit())
            && words.starts_with(char::is_lowercase);
        if !ok {
            return None;
        }
    }
    Some(Years {
        years,
        locator,
        trailing,
        acronym: false,
    })
}

/// `17–19, for the comparison`: a locator, then a comma and words (from the comma on).
/// The locator ends at the first comma after its last digit.
fn locator_then_words(l: &str) -> Option<(&str, &str)> {
    let last_digit = l.bytes().rposition(|b| b.is_ascii_digit())?;
    let comma = last_digit + l[last_digit..].find(", ")?;
    let pages = &l[..comma];
    is_locator(pages).then(|| (pages, &l[comma..]))
}

fn lettered_year(year: &str) -> bool {
    year.len() == 5 && year.as_bytes()[..4].iter().all(u8::is_ascii_digit)
}

fn trailing_word(words: &str) -> &str {
    words.split_whitespace().next().unwrap_or("")
}

fn trailing_allowed(word: &str, lead: bool) -> bool {
    lead || TRAILERS.contains(&word)
}

/// `Ostrom, 1990`, `Smith and van der Berg 2019a: 12`, `Hall et al., n.d., pp. 3–4`,
/// `Chen, 2019a, 2019b`, `Mbeki 2019 for a review` (words after it only when `lead`).
/// `one_or_two_names_each` then checks how the names group into authors.
pub(super) fn author_year(body: &str, lead: bool) -> Option<(&str, Years<'_>)> {
    // Only a part with a year (or its stand-in) after a space can be one; reading its
    // names first would cost every news attribution (`May 4` has no year) for nothing.
    let has_year = body
        .match_indices(' ')
        .any(|(i, _)| when_len(&body[i + 1..]).is_some());
    if !has_year {
        return None;
    }
    // Authors cannot hold a digit or "n.d.", so at most one reading of them leaves a year.
    authors_ends(body).positions().iter().find_map(|&end| {
        let rest = &body[end..];
        // A body's acronym in brackets after its name: `Department for Education [DfE],
        // 2014`. The name is the author; the acronym is how later citations name it.
        let acronym = bracketed_acronym(rest);
        let rest = &rest[acronym..];
        let rest = rest.strip_prefix(',').unwrap_or(rest);
        let at_year = rest.trim_start();
        if at_year.len() == rest.len() {
            return None;
        }
        let offset = body.len() - at_year.len();
        let mut y = years_and_locator(at_year, lead)?;
        for (r, _) in &mut y.years {
            *r = r.start + offset..r.end + offset;
        }
        y.acronym = acronym > 0;
        Some((&body[..end], y))
    })
}

/// The length of ` [IPCC]` (an acronym of two to eight letters, the first a capital, in
/// brackets) at the start of `s`, or 0.
fn bracketed_acronym(s: &str) -> usize {
    let Some(inner) = s.strip_prefix(" [") else {
        return 0;
    };
    let Some(close) = inner.find(']') else {
        return 0;
    };
    let word = &inner[..close];
    let ok = (2..=8).contains(&word.len())
        && word.starts_with(|c: char| c.is_ascii_uppercase())
        && word.bytes().all(|b| b.is_ascii_alphabetic());
    if ok { " [".len() + close + 1 } else { 0 }
}

/// One citation per year, the first holding the lead-in and authors, the last what
/// follows; a letter alone (`2019a, b`) is dated with the year it continues.
fn spread(part: &str, lead: usize, authors: &str, y: &Years, kind: CitationKind) -> Vec<Cite> {
    let n = y.years.len();
    let mut out = Vec::with_capacity(n);
    let mut digits = "";
    for (k, (r, year)) in y.years.iter().enumerate() {
        let date = if year.len() == 1 {
            format!("{digits}{year}")
        } else {
            digits = year.get(..4).unwrap_or(year);
            year.to_string()
        };
        let start = if k == 0 { 0 } else { lead + r.start };
        let end = if k + 1 == n { part.len() } else { lead + r.end };
        let mut c = Cite::new(
            kind,
            start..end,
            part,
            authors,
            None,
            if k + 1 == n { y.locator } else { None },
        );
        c.date = Some(date);
        out.push(c);
    }
    out
}

/// `Xinhua, May 4` or `Il Delta, 14 November 1951`: a source, a comma and a date that
/// ends the part. The source ends at the first comma that leaves a date.
pub(super) fn date_tail(body: &str) -> Option<(&str, &str)> {
    // A date holds a digit and at most one comma, so only the last two commas before the
    // last digit can start one: a part made of commas must not cost a reading per comma.
    let last_digit = body.bytes().rposition(|b| b.is_ascii_digit())?;
    let mut commas = body[..last_digit].rmatch_indices(',').map(|(i, _)| i);
    let (last, before) = (commas.next(), commas.next());
    [before, last].into_iter().flatten().find_map(|comma| {
        let source = &body[..comma];
        let date = without_kind(body[comma + 1..].trim_start());
        (!source.is_empty() && !source.contains('\n') && is_tail_date(date))
            .then_some((source, date))
    })
}

#[cfg(test)]
mod tests {
    use super::author_year;

    fn read(body: &str) -> Option<(&str, Vec<&str>, Option<&str>)> {
        author_year(body, false)
            .map(|(a, y)| (a, y.years.iter().map(|(_, y)| *y).collect(), y.locator))
    }

    #[test]
    fn irish_names_with_their_prefixes() {
        assert_eq!(
            read("Ó Laoire and Harris 2006"),
            Some(("Ó Laoire and Harris", vec!["2006"], None))
        );
        assert_eq!(
            read("Ní Bhrolcháin 2010, p. 4"),
            Some(("Ní Bhrolcháin", vec!["2010"], Some("p. 4")))
        );
        assert_eq!(
            read("Mac Giolla Chríost 2005"),
            Some(("Mac Giolla Chríost", vec!["2005"], None))
        );
    }

    #[test]
    fn a_body_with_its_acronym_in_brackets() {
        assert_eq!(
            read("Department for Education [DfE], 2014, p. 7"),
            Some(("Department for Education", vec!["2014"], Some("p. 7")))
        );
        assert_eq!(
            read("Intergovernmental Panel on Climate Change [IPCC] 2014"),
            Some((
                "Intergovernmental Panel on Climate Change",
                vec!["2014"],
                None
            ))
        );
        assert_eq!(
            read("IPCC 2014, Table 3.3"),
            Some(("IPCC", vec!["2014"], Some("Table 3.3")))
        );
        assert_eq!(
            read("Project Seagrass 2023, Appendix B"),
            Some(("Project Seagrass", vec!["2023"], Some("Appendix B")))
        );
    }

    #[test]
    fn a_reprint_with_its_first_year_in_brackets() {
        assert_eq!(
            read("Harris 1984 [2008]"),
            Some(("Harris", vec!["1984 [2008]"], None))
        );
        assert_eq!(
            read("Harris 1984 [2008], 17"),
            Some(("Harris", vec!["1984 [2008]"], Some("17")))
        );
    }
}
