//! One whole reference, as a reference list, a bibliography or a Wikipedia `<cite>` writes
//! it: who (the authors, else the work or publisher), what (the title) and when.
//!
//! - APA and CS1 with authors: `Chen, L., & Wu, M. (2019a). Title. Journal…`,
//!   `Zawinski, Jamie (1996). "nscp dorm". Retrieved …`
//! - Harvard: `Holt, R. 2020. Title. Place: Publisher.`
//! - Chicago bibliography: `Ellison, Margaret. *The Salt Roads*. Trieste: Halcyon, 2010.`
//! - CS1 without authors: `"About the Corporation". Mozilla Foundation. 1 May 1998.`
//! - a title first: `*Persona*, Mozilla`
//! - a plain entry: `Carrow Harbour Board minutes, 1866–1958.`

use super::names::{PARTICLES, is_not_source, is_time_word};
use super::when::{is_locator, is_tail_date, year_len};
use super::words::INSTITUTIONS;
use std::ops::Range;

mod typed;

/// What a reference says about its work.
#[derive(Debug, PartialEq, Eq)]
pub(super) struct Entry {
    /// The authors as written, else the work or publisher.
    pub source: String,
    /// Whether `source` names people (or an institution as author) rather than a work.
    pub authored: bool,
    pub title: Option<String>,
    pub date: Option<String>,
}

/// Words a plain reference-list entry may describe its source with (`Harbour Board
/// minutes`, `Port Authority records`).
#[rustfmt::skip]
const HOLDINGS: &[&str] = &[
    "minutes", "records", "papers", "archive", "archives", "register", "collection", "files",
    "letters", "diary", "diaries", "ledger", "ledgers", "accounts", "logbook", "logbooks",
    "correspondence", "report", "reports", "proceedings", "bulletin", "returns", "census",
    "data", "database", "yearbook", "gazette", "survey", "map", "maps",
];

/// Lower-case words between the capitalised words of a name.
const LINKS: &[&str] = &["of", "the", "and", "for", "on", "de", "du"];

/// Reads `text` as a reference; `italics` are the ranges of `text` in italics. `strict`
/// asks for the shape of one (a reference-list entry or a note on its own); otherwise the
/// page said it is one (`<cite>`) and only its parts are wanted.
pub(super) fn read(text: &str, italics: &[Range<usize>], strict: bool) -> Option<Entry> {
    let lead = text.len() - text.trim_start().len();
    let t = text.trim().trim_end_matches('.').trim_end();
    if t.is_empty() || t.len() > 1200 {
        return None;
    }
    let italics: Vec<Range<usize>> = italics
        .iter()
        .filter(|r| r.start >= lead && r.end <= lead + t.len())
        .map(|r| r.start - lead..r.end - lead)
        .collect();
    authored(t, &italics, strict)
        .or_else(|| quoted_first(t, strict))
        .or_else(|| typed::kind_after_title(t))
        .or_else(|| italic_first(t, &italics))
        .or_else(|| plain(t, strict))
        .or_else(|| {
            (!strict).then(|| Entry {
                source: leading_name(t).unwrap_or_else(|| clip(t, 60)),
                authored: false,
                title: None,
                date: last_year(t).map(str::to_string),
            })
        })
}

/// Authors first, then a year in parentheses (APA, CS1), a year alone (Harvard) or a
/// title (Chicago).
fn authored(t: &str, italics: &[Range<usize>], strict: bool) -> Option<Entry> {
    let (authors, rest) = split_authors(t, italics)?;
    let rest = rest.trim_start();
    // `(2019a). Title.` or `(April 2, 2003). "Title".`
    if let Some(inner) = rest.strip_prefix('(') {
        let close = inner.find(')')?;
        let when = &inner[..close];
        if !is_when(when) {
            return None;
        }
        let after = inner[close + 1..]
            .trim_start_matches(['.', ','])
            .trim_start();
        return Some(Entry {
            source: authors.to_string(),
            authored: true,
            title: first_title(after),
            date: Some(when.to_string()),
        });
    }
    // `2020. Title.` or `n.d. Title.`
    if let Some(n) = year_len(rest) {
        let after = rest[n..].trim_start_matches(['.', ',']).trim_start();
        return Some(Entry {
            source: authors.to_string(),
            authored: true,
            title: first_title(after),
            date: Some(rest[..n].to_string()),
        });
    }
    // Chicago: a title, then the facts of publication ending with a year. The date a
    // page was retrieved or archived is not when the work appeared.
    let title = first_title(rest)?;
    let published = ["Retrieved", "Archived", "Accessed", "accessed"]
        .iter()
        .filter_map(|w| rest.find(w))
        .min()
        .map_or(rest, |i| &rest[..i]);
    let date = paren_year(published).or_else(|| last_year(published));
    // Read alone, a name and a sentence with a year in it are prose (`Giuliano de Medici.
    // He had just been created a cardinal…`): the title must be marked, or the facts of
    // publication given (`Trieste: Halcyon Press, 2010`, `22, no. 1 (2018)`).
    let marked = rest.starts_with(['*', '_', '“', '"', '‘'])
        || italics.iter().any(|r| t.len() - rest.len() == r.start);
    let facts = paren_year(published).is_some() || publisher_year(published);
    // A web page may be dated only by when it was read: its marked title and that date are
    // the shape of a reference still.
    let read_on = published.len() < rest.len();
    if strict && (date.is_none() && !(marked && read_on) || !(marked || facts)) {
        return None;
    }
    Some(Entry {
        source: authors.to_string(),
        authored: true,
        title: Some(title),
        date: date.map(str::to_string),
    })
}

/// The authors at the start of an entry and what follows them: up to ` (`, or to a `. `
/// that does not end an initial.
fn split_authors<'t>(t: &'t str, italics: &[Range<usize>]) -> Option<(&'t str, &'t str)> {
    let paren = t.find(" (").filter(|&i| i <= 200);
    let stop = t.char_indices().take(200).find_map(|(i, c)| {
        if c != '.' || !t[i + 1..].starts_with(' ') {
            return None;
        }
        // After an initial the name goes on, unless a year or a title comes next.
        let next = &t[i + 2..];
        let title = next.starts_with(['*', '_', '“', '"', '‘'])
            || italics.iter().any(|r| r.start == i + 2)
            || year_len(next).is_some();
        let word = t[..i].rsplit([' ', '.']).next().unwrap_or("");
        let initial = word.chars().count() == 1 && word.starts_with(char::is_uppercase);
        let abbreviation = matches!(word, "al" | "Jr" | "Sr" | "St" | "eds" | "ed");
        (title || !(initial || abbreviation)).then_some(i)
    });
    let end = match (paren, stop) {
        (Some(p), Some(s)) => p.min(s),
        (p, s) => p.or(s)?,
    };
    let mut authors = t[..end].trim_end().trim_end_matches(',');
    // A final period ends an initial (`Wu, M.`); any other is the entry's punctuation.
    let last = authors
        .rsplit([' ', '.'])
        .find(|w| !w.is_empty())
        .unwrap_or("");
    let initial = last.chars().count() == 1 && last.starts_with(char::is_uppercase);
    if authors.ends_with('.') && !initial {
        authors = &authors[..authors.len() - 1];
    } else if initial && t[end..].starts_with('.') && authors.len() == end {
        authors = &t[..end + 1];
    }
    let rest = t[end..].strip_prefix('.').unwrap_or(&t[end..]);
    is_author_list(authors).then_some((authors, rest))
}

/// Whether text is a list of people (`Ellison, Margaret`, `Chen, L., & Wu, M.`, `Eich,
/// Brendan; David Hyatt`, `Joseph Mwangi and Ruth Holt`) or an institution as author.
pub(super) fn is_author_list(s: &str) -> bool {
    if s.is_empty() || s.len() > 200 || s.contains(['“', '”', '"', '(', ')', ':']) {
        return false;
    }
    let mut words = 0;
    let mut body = false;
    for w in s.split_whitespace() {
        let w = w.trim_end_matches([',', ';']);
        words += 1;
        // A body on a subject: `Royal Commission on Labour`, `Council on Foreign Relations`.
        let on_a_subject = w == "on" && body;
        body = INSTITUTIONS.contains(&w);
        let ok = matches!(
            w,
            "and" | "&" | "et" | "al." | "al" | "ed." | "eds." | "of" | "for"
        ) || on_a_subject
            || PARTICLES.contains(&w)
            || (w.starts_with(char::is_uppercase)
                && w.chars()
                    .all(|c| c.is_alphabetic() || matches!(c, '.' | '-' | '’' | '\'')));
        if !ok {
            return false;
        }
    }
    let first = s.split(|c: char| !c.is_alphanumeric()).next().unwrap_or("");
    words <= 30
        && (!is_not_source(first) || given_name_of_a_month(s))
        && (s.starts_with(|c: char| c.is_uppercase() || c == 'v' || c == 'd')
            || PARTICLES.contains(&first))
}

/// `Jan Verhulst`, `May Sinclair`: a given name spelt as a month (or its abbreviation) is
/// a person's when a surname follows it, where a date would go on with a number.
fn given_name_of_a_month(s: &str) -> bool {
    let mut words = s.split_whitespace();
    let (Some(given), Some(surname)) = (words.next(), words.next()) else {
        return false;
    };
    let surname = surname.trim_end_matches(',');
    crate::dates::MONTH_WORDS.contains(&given)
        && surname.chars().count() >= 2
        && surname.starts_with(char::is_uppercase)
        && surname
            .chars()
            .all(|c| c.is_alphabetic() || "'’-".contains(c))
        && !is_time_word(surname)
        && !is_not_source(surname)
}

/// `"Title". Work. Publisher. Date. Retrieved …`: the work (else the publisher) is the
/// source.
fn quoted_first(t: &str, strict: bool) -> Option<Entry> {
    let (title, rest) = quoted(t)?;
    // A reference goes on from its title with a stop or a comma and a capital (`"Title".
    // Work.`, `“Title,” Work`); a note that quotes a word and comments on it does not
    // (`“lodgings.”: the period…`, `"Contesting," i.e. "striving…"`).
    let punctuated = rest.starts_with(['.', ',']);
    let inside = t[..t.len() - rest.len()].trim_end_matches(['”', '"', '’', '\'']);
    let next = rest.trim_start_matches(['.', ',', ' ']);
    let goes_on = next.is_empty() || next.starts_with(|c: char| c.is_uppercase());
    if strict && !(goes_on && (punctuated || inside.ends_with([',', '.']))) {
        return None;
    }
    let rest = next;
    let mut source = None;
    let mut date = None;
    for piece in sentences(rest) {
        let p = piece.trim();
        if p.is_empty() {
            continue;
        }
        if p.starts_with("Retrieved") || p.starts_with("Archived") || p.starts_with("Accessed") {
            break;
        }
        let p = typed::without_language(p);
        if date.is_none() && (is_tail_date(p) || is_iso(p)) {
            date = Some(p.to_string());
        } else if source.is_none() && is_work_name(p) {
            source = Some(p.to_string());
        } else if strict && source.is_none() {
            // Prose after the title: a comment on a quotation, not a reference.
            return None;
        }
    }
    if strict && source.is_none() && date.is_none() {
        return None;
    }
    Some(Entry {
        source: source.unwrap_or_else(|| clip(title, 60)),
        authored: false,
        title: Some(title.to_string()),
        date,
    })
}

/// The name of a work or site: a few words, capitalised, or a domain (`github.com`).
fn is_work_name(p: &str) -> bool {
    let domain = !p.contains(' ') && p.contains('.') && p.len() > 3;
    let words: Vec<&str> = p.split_whitespace().collect();
    let capitals = words
        .iter()
        .filter(|w| w.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit()))
        .count();
    (domain || p.starts_with(char::is_uppercase) && words.len() <= 8 && 2 * capitals >= words.len())
        && !p.contains([',', '"', '“', '”'])
}

/// `*Persona*, Mozilla` or `Title (in italics). Publisher, 2010.`
fn italic_first(t: &str, italics: &[Range<usize>]) -> Option<Entry> {
    let (title, rest) = if let Some(r) = italics.iter().find(|r| r.start == 0) {
        (t.get(r.clone())?, t.get(r.end..)?)
    } else {
        let inner = t.strip_prefix('*').or_else(|| t.strip_prefix('_'))?;
        let close = inner.find(['*', '_'])?;
        (&inner[..close], &inner[close + 1..])
    };
    let rest = rest.trim_start_matches(['.', ',', ' ']);
    let source = rest
        .split(", ")
        .map(|p| p.trim().trim_end_matches('.'))
        .find(|p| p.starts_with(char::is_uppercase) && !is_tail_date(p))?;
    Some(Entry {
        source: source.to_string(),
        authored: false,
        title: Some(title.trim().to_string()),
        date: last_year(rest).map(str::to_string),
    })
}

/// `Carrow Harbour Board minutes, 1866–1958.` or `Coastal Lights Register, entry 212.`: a
/// short capitalised name and a year or a place in it.
fn plain(t: &str, strict: bool) -> Option<Entry> {
    let (name, detail) = t.rsplit_once(", ")?;
    let words: Vec<&str> = name.split_whitespace().collect();
    if words.is_empty() || words.len() > 8 || !words[0].starts_with(char::is_uppercase) {
        return None;
    }
    let capitalised = |w: &&str| w.starts_with(char::is_uppercase);
    // `Harrowmouth Council transport committee minutes`: a name, then what of it is held,
    // ending with the kind of document; otherwise only links between capitalised words.
    let held = words
        .last()
        .is_some_and(|w| HOLDINGS.contains(w) && !LINKS.contains(w));
    let lower_ok = |w: &&str| held || LINKS.contains(w);
    if words.iter().any(|w| !capitalised(w) && !lower_ok(w))
        || is_not_source(words[0].trim_end_matches('.'))
    {
        return None;
    }
    let detail = detail.trim();
    // `1866–1958` or `1866–58`: a year first, then years or their last two digits.
    let mut parts = detail.split(['–', '-']);
    let years = parts.next().is_some_and(|y| year_len(y) == Some(y.len()))
        && parts.all(|y| year_len(y) == Some(y.len()) || y.len() == 2);
    // `entry 212`, `p. 4`: a place in it, named; a bare number (`Ibid., 47`) is not.
    let place = detail.starts_with(char::is_lowercase)
        && (is_locator(detail)
            || detail
                .split_once(' ')
                .is_some_and(|(w, n)| w.chars().all(char::is_lowercase) && is_locator(n)));
    // Minutes and letters are dated by the day.
    let dated = (held || !strict) && is_tail_date(detail);
    if !(years || place || dated) {
        return None;
    }
    let source: Vec<&str> = words.iter().copied().take_while(capitalised).collect();
    Some(Entry {
        source: source.join(" "),
        authored: false,
        title: None,
        date: years.then(|| detail.to_string()),
    })
}

/// `“Title,” rest` or `"Title". rest`: the title and what follows the closing mark.
pub(super) fn quoted(t: &str) -> Option<(&str, &str)> {
    let (open, close) = if t.starts_with('“') {
        ('“', '”')
    } else if t.starts_with('"') {
        ('"', '"')
    } else if t.starts_with('‘') {
        ('‘', '’')
    } else if t.starts_with('\'') {
        ('\'', '\'')
    } else {
        return None;
    };
    let inner = &t[open.len_utf8()..];
    // A single quote also marks a possessive (`Britain’s`): the closing one is followed
    // by punctuation, a space or the end.
    let single = open == '‘' || open == '\'';
    let after = |i: usize| inner[i + close.len_utf8()..].chars().next();
    let mut ends = inner.match_indices(close).map(|(i, _)| i);
    let end = if single {
        // A title's closing quote comes before punctuation or the end; one before a space
        // may be a plural possessive (`Taxpayers’ stake`), taken only if nothing better.
        let ends: Vec<usize> = ends.collect();
        ends.iter()
            .copied()
            .find(|&i| after(i).is_none_or(|c| ",.;:)".contains(c)))
            .or_else(|| {
                ends.iter()
                    .copied()
                    .find(|&i| after(i).is_none_or(|c| !c.is_alphanumeric()))
            })?
    } else {
        ends.next()?
    };
    let title = inner[..end].trim().trim_end_matches([',', '.']);
    (!title.is_empty()).then_some((title, &inner[end + close.len_utf8()..]))
}

/// Where a quoted title starts in a note: a double quotation mark, or a single one that
/// opens a title after a comma (`Allport, 'Counting Boats'`), not an apostrophe.
pub(super) fn title_quote(s: &str) -> Option<usize> {
    let double = s.find(['“', '"']);
    let single = [("‘", 0), (", '", 2)]
        .iter()
        .filter_map(|(q, skip)| s.find(q).map(|i| i + skip))
        .min();
    match (double, single) {
        (Some(d), Some(s)) => Some(d.min(s)),
        (d, s) => d.or(s),
    }
}

/// The first title of what follows the authors: quoted, in asterisks, or the sentence.
fn first_title(s: &str) -> Option<String> {
    let s = s.trim_start();
    if let Some((t, _)) = quoted(s) {
        return Some(t.to_string());
    }
    let s = s.trim_start_matches(['*', '_']);
    let end = s.find(['*', '_']).unwrap_or(s.len());
    let sentence = sentences(&s[..end]).next()?.trim();
    (!sentence.is_empty()).then(|| sentence.trim_end_matches([',', '.']).to_string())
}

/// Pieces of text between `. ` stops (never past a quotation mark's pair).
fn sentences(s: &str) -> impl Iterator<Item = &str> {
    let mut rest = s;
    std::iter::from_fn(move || {
        if rest.is_empty() {
            return None;
        }
        let end = rest.find(". ").map_or(rest.len(), |i| i + 1);
        let (piece, after) = rest.split_at(end);
        rest = after.trim_start();
        Some(piece.trim_end_matches('.'))
    })
}

fn is_when(s: &str) -> bool {
    year_len(s).is_some_and(|n| n == s.len())
        || is_tail_date(s)
        || is_iso(s)
        || super::when::NOT_YET.contains(&s)
}

fn is_iso(s: &str) -> bool {
    let b = s.as_bytes();
    b.len() == 10
        && b[4] == b'-'
        && b[7] == b'-'
        && b.iter()
            .enumerate()
            .all(|(i, c)| i == 4 || i == 7 || c.is_ascii_digit())
}

/// `Place: Publisher, 2010`: a colon, a capitalised publisher and a year after it.
fn publisher_year(s: &str) -> bool {
    s.match_indices(": ").any(|(i, _)| {
        let after = &s[i + 2..];
        after.starts_with(char::is_uppercase)
            && after
                .split(". ")
                .next()
                .is_some_and(|p| p.rsplit(", ").next().is_some_and(|y| year_len(y).is_some()))
    })
}

/// The year inside the first parentheses that hold one: `22, no. 1 (2018): 55–83`.
fn paren_year(s: &str) -> Option<&str> {
    let mut at = 0;
    while let Some(open) = s[at..].find('(') {
        let from = at + open + 1;
        let close = from + s[from..].find(')')?;
        if let Some(y) = last_year(&s[from..close]) {
            return Some(y);
        }
        at = close;
    }
    None
}

/// The last year (`1998`, `2019a`) standing as a word in `s`.
pub(super) fn last_year(s: &str) -> Option<&str> {
    let b = s.as_bytes();
    (0..b.len()).rev().find_map(|i| {
        let before_ok = i == 0 || !b[i - 1].is_ascii_alphanumeric();
        let n = year_len(s.get(i..)?)?;
        let after_ok = b.get(i + n).is_none_or(|c| !c.is_ascii_alphanumeric());
        (before_ok && after_ok).then(|| &s[i..i + n])
    })
}

/// The run of capitalised words an entry starts with.
fn leading_name(t: &str) -> Option<String> {
    let words: Vec<&str> = t
        .split_whitespace()
        .take_while(|w| w.starts_with(char::is_uppercase))
        .take(6)
        .collect();
    (!words.is_empty()).then(|| words.join(" ").trim_end_matches([',', '.']).to_string())
}

fn clip(t: &str, n: usize) -> String {
    t.chars().take(n).collect::<String>().trim().to_string()
}

/// The range of `text` an entry spans: all of it but white space and a final period.
pub(super) fn span(text: &str) -> Range<usize> {
    let start = text.len() - text.trim_start().len();
    let t = text.trim_end();
    let end = t.strip_suffix('.').map_or(t.len(), str::len);
    start..end.max(start)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn one(t: &str) -> (String, Option<String>, Option<String>) {
        let e = read(t, &[], true).unwrap_or_else(|| panic!("{t}"));
        (e.source, e.title, e.date)
    }

    #[test]
    fn every_entry_shape() {
        let e = |s: &str, t: Option<&str>, d: Option<&str>| {
            (s.to_string(), t.map(str::to_string), d.map(str::to_string))
        };
        assert_eq!(
            one("Chen, L., & Wu, M. (2019a). Tides of the delta. Journal of Rivers, 12(3), 45–67."),
            e(
                "Chen, L., & Wu, M.",
                Some("Tides of the delta"),
                Some("2019a")
            )
        );
        assert_eq!(
            one(
                "Ellison, Margaret. *The Salt Roads of the Adriatic*. Trieste: Halcyon Press, 2010."
            ),
            e(
                "Ellison, Margaret",
                Some("The Salt Roads of the Adriatic"),
                Some("2010")
            )
        );
        assert_eq!(
            one("Holt, R. J. 2020. Small boats. Bergen: Fjord Books."),
            e("Holt, R. J.", Some("Small boats"), Some("2020"))
        );
        assert_eq!(
            one("\"About the Harbour Trust\". Harbour Trust. Retrieved 2016-05-01."),
            e("Harbour Trust", Some("About the Harbour Trust"), None)
        );
        // A web page by its publisher, dated only by when it was read.
        assert_eq!(
            one("Historic England. \"Tide Mill (1021445)\". Heritage List. Retrieved 2 June 2021."),
            e("Historic England", Some("Tide Mill (1021445)"), None)
        );
        assert_eq!(
            one("Carrow Harbour Board minutes, 1866–1958."),
            e("Carrow Harbour Board", None, Some("1866–1958"))
        );
        assert_eq!(
            one("Coastal Lights Register, entry 212.").0,
            "Coastal Lights Register"
        );
        // The language CS1 notes after the work is no part of its name.
        assert_eq!(
            one("\"Le port reprend\". La Voix du Nord (in French). 12 June 2018."),
            e(
                "La Voix du Nord",
                Some("Le port reprend"),
                Some("12 June 2018")
            )
        );
        assert_eq!(
            one("Pellow, R. *Fifty Years of Rain at Carrow*. 1931.").0,
            "Pellow, R."
        );
    }

    #[test]
    fn prose_is_not_an_entry() {
        for t in [
            "For exceptions, see the section below",
            "The second note is only reached from inside the first one.",
            "Zanetti, for his part, is sceptical of the figures.",
            "An earlier version of this essay was presented at a workshop in Bergen in 2019.",
            "Li Bai (701-762) wrote the poem on a moonlit night.",
            // Notes read whole that comment on a quotation or tell of a person.
            "“harbour.”: the stop should be a comma, as in the second edition.",
            "\"Rowing,\" i.e. \"pulling hard.\" The phrase comes from the 1840 text.",
            "Lorenzo Vanni. He had just been made a bishop. In 1520 Vanni was elected abbot.",
            "Ibid., 47.",
        ] {
            assert_eq!(read(t, &[], true), None, "{t}");
        }
    }
}
