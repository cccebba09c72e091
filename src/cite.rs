//! The format-independent citation finder: parenthetical source attributions
//! (`(Xinhua, May 4)`), author–year citations (`(Ostrom, 1990)`) and, inside notes,
//! bibliographic references (author, “title,” journal, volume, year, pages).

use crate::article::{Article, Citation, CitationKind, MarkKind, Place};
use crate::pattern::{Groups, Pattern};
use crate::shape::Ends;
use std::ops::Range;
use std::sync::LazyLock;

/// Lower-case particles that may come before a surname (`van der Berg`).
const PARTICLES: [&str; 12] = [
    "van", "von", "de", "der", "den", "da", "di", "du", "le", "la", "al", "el",
];

const ANY: usize = usize::MAX;

fn digit(c: char) -> bool {
    c.is_ascii_digit()
}

// The two citation shapes below are read with `Ends` rather than compiled patterns:
// nearly every article has a parenthetical, and compiling these two took longer than
// parsing the article's first screen. Their digits are ASCII, as the years are then read.

/// `Xinhua, May 4` or `Il Delta, 14 November 1951`: a source, a comma and a date that
/// ends the part. The source ends at the first comma that leaves a date.
fn date_tail(body: &str) -> Option<(&str, &str)> {
    // A date holds a digit and at most one comma, so only the last two commas before the
    // last digit can start one: a part made of commas must not cost a reading per comma.
    let last_digit = body.bytes().rposition(|b| b.is_ascii_digit())?;
    let mut commas = body[..last_digit].rmatch_indices(',').map(|(i, _)| i);
    let (last, before) = (commas.next(), commas.next());
    [before, last].into_iter().flatten().find_map(|comma| {
        let source = &body[..comma];
        let date = body[comma + 1..].trim_start();
        (!source.is_empty() && !source.contains('\n') && is_tail_date(date))
            .then_some((source, date))
    })
}

/// The dates `date_tail` accepts: `May 4`, `4 May 2019`, `May 2019`, `Spring 2020`,
/// `5/4`, `5/4/19`, `1998`.
fn is_tail_date<'t>(date: &'t str) -> bool {
    let month = |e: Ends<'t>| e.exact(&crate::dates::MONTH_WORDS).maybe_char('.');
    let year = |e: Ends<'t>| e.maybe_char(',').space().chars(digit, 4, 4);
    Ends::start(date)
        .either(&[
            &|e| {
                month(e)
                    .space()
                    .chars(digit, 1, 2)
                    .maybe(|e| e.exact(&["st", "nd", "rd", "th"]))
                    .maybe(year)
            },
            &|e| e.chars(digit, 1, 2).space().then(month).maybe(year),
            &|e| month(e).space().chars(digit, 4, 4),
            &|e| {
                e.exact(&["Spring", "Summer", "Autumn", "Fall", "Winter"])
                    .space()
                    .chars(digit, 4, 4)
            },
            &|e| {
                e.chars(digit, 1, 2)
                    .exact(&["/"])
                    .chars(digit, 1, 2)
                    .maybe(|e| e.exact(&["/"]).chars(digit, 2, 4))
            },
            &|e| {
                e.exact(&["15", "16", "17", "18", "19", "20"])
                    .chars(digit, 2, 2)
            },
        ])
        .whole()
}

/// The parts of an author–year citation.
#[derive(Debug, PartialEq)]
struct AuthorYear<'a> {
    authors: &'a str,
    year: &'a str,
    locator: Option<&'a str>,
}

/// `Ostrom, 1990`, `Smith and van der Berg 2019a: 12`, `Hall et al., n.d., pp. 3–4`.
/// `one_or_two_names_each` then checks how the names group into authors.
fn author_year(body: &str) -> Option<AuthorYear<'_>> {
    if !body.contains(|c: char| c.is_ascii_digit()) && !body.contains("n.d.") {
        return None;
    }
    // Authors cannot hold a digit or "n.d.", so at most one reading of them leaves a year.
    authors_ends(body).positions().iter().find_map(|&end| {
        let rest = &body[end..];
        let rest = rest.strip_prefix(',').unwrap_or(rest);
        let at_year = rest.trim_start();
        if at_year.len() == rest.len() {
            return None;
        }
        let year = year_len(at_year).map(|n| &at_year[..n])?;
        let after = &at_year[year.len()..];
        let locator = match after.strip_prefix([',', ':']).map(str::trim_start) {
            Some(l) if is_locator(l) => Some(l),
            None if after.is_empty() => None,
            _ => return None,
        };
        Some(AuthorYear {
            authors: &body[..end],
            year,
            locator,
        })
    })
}

/// Where readings of `Name, Name and Name et al.` at the start of `body` can end.
fn authors_ends<'t>(body: &'t str) -> Ends<'t> {
    let particle = |e: Ends<'t>| e.exact(&PARTICLES).space();
    // Capitals and letters as Rust knows them, a little wider than the pattern's `\p{Lu}`
    // and `\p{L}`: circled letters, Roman numerals and combining marks count too, which
    // lets a name carry a combining accent.
    let name = |e: Ends<'t>| {
        e.maybe(|e| particle(e).maybe(particle))
            .chars(char::is_uppercase, 1, 1)
            .chars(
                |c| c.is_alphabetic() || matches!(c, '\'' | '’' | '-'),
                1,
                ANY,
            )
    };
    let comma = |e: Ends<'t>| e.exact(&[","]).any_space();
    let and = |e: Ends<'t>| {
        e.either(&[&comma, &|e| e.space()])
            .exact(&["and", "&"])
            .space()
    };
    let between = |e: Ends<'t>| e.either(&[&|e| e.space(), &comma, &and]);
    Ends::start(body)
        .then(name)
        .many(|e| between(e).then(name))
        .maybe(|e| {
            e.maybe_char(',')
                .space()
                .exact(&["et"])
                .space()
                .exact(&["al"])
                .maybe_char('.')
        })
}

/// The length of the year at the start of `s`: `1990`, `2019a` or `n.d.`.
fn year_len(s: &str) -> Option<usize> {
    if s.starts_with("n.d.") {
        return Some(4);
    }
    let b = s.as_bytes();
    let century = b.get(..2)?;
    let ok = (century[0] == b'1' && (b'5'..=b'9').contains(&century[1])) || century == b"20";
    if !ok || !b.get(2..4)?.iter().all(u8::is_ascii_digit) {
        return None;
    }
    Some(if b.get(4).is_some_and(u8::is_ascii_lowercase) {
        5
    } else {
        4
    })
}

/// A whole locator: `12`, `pp. 3–4`, `ch. 2`, `§ 5`.
fn is_locator(s: &str) -> bool {
    Ends::start(s)
        .maybe(|e| e.exact(&["p.", "pp.", "ch.", "chap.", "para.", "§"]))
        .any_space()
        .chars(digit, 1, ANY)
        .maybe(|e| {
            e.any_space()
                .exact(&["-", "–"])
                .any_space()
                .chars(digit, 1, ANY)
        })
        .whole()
}

/// A bibliographic reference. The upper limits on the characters of its title, container
/// and what comes before the year are checked by `reference_fits`: as bounded repeats they
/// compiled hundreds of copies of their character classes, 8 ms before the first frame of
/// any article with notes. Names stay bounded, so that a long run of capitalised words
/// is not read again from each of them.
static REFERENCE: LazyLock<Pattern> = LazyLock::new(|| {
    Pattern::new(
        r#"(?x)
        (?P<author>\p{Lu}[\p{L}.'’\-]*(?:\s+\p{Lu}[\p{L}.'’\-]*){0,3}
            (?:(?:,\s*|\s+)(?:and|&)\s+\p{Lu}[\p{L}.'’\-]*(?:\s+\p{Lu}[\p{L}.'’\-]*){0,3})?
            (?:,?\s+et\s+al\.)?)
        ,\s+[“"](?P<title>[^”"]{3,}?)[,.]?[”"],?\s+
        (?P<container>[^,“”"()]{2,}?),
        (?P<mid>[^“”"]*?)
        \(?\b(?P<year>(?:1[5-9]|20)\d{2})\b\)?
        (?:,\s*(?:Issue|No\.?|no\.?|Vol\.?|vol\.?)\s*[\w–\-]+)*
        (?:,\s*(?P<pages>pp?\.\s*\d+(?:\s*[-–]\s*\d+)?))?
        "#,
    )
});

/// Words that can start a capitalised parenthetical without naming a source (besides months).
const NOT_SOURCES: &[&str] = &[
    "Spring",
    "Summer",
    "Autumn",
    "Fall",
    "Winter",
    "In",
    "From",
    "Since",
    "Until",
    "Before",
    "After",
    "Circa",
    "Born",
    "Died",
    "Founded",
    "Around",
    "About",
    "Approximately",
    "Between",
    "During",
    "Ca",
    "Est",
    "Updated",
    "Published",
    "Today",
    "Yesterday",
    "Tomorrow",
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
    "Figure",
    "Fig",
    "Table",
    "Chapter",
    "Section",
    "Page",
    "Vol",
    "Volume",
    "No",
    "Issue",
    "Edition",
    "Ed",
    "Eds",
    "Aged",
    "Age",
    "Now",
    "Then",
    "Also",
    "But",
    "And",
    "The",
    "This",
    "That",
    "These",
    "Those",
    "It",
    "He",
    "She",
    "They",
    "We",
    "I",
    "You",
];

/// Lower-case words allowed inside a source name.
const CONNECTORS: &[&str] = &[
    "of", "the", "for", "and", "de", "del", "la", "le", "du", "di", "da", "der", "des", "van",
    "von", "al", "el", "on", "in", "&", "y", "und", "et", "am", "im", "zu", "e", "a", "-", "–",
    "della", "delle", "dei", "degli", "dello", "do", "dos", "das", "du", "d’", "d'", "op", "ter",
    "te",
];

/// Prefixes that introduce a citation without being part of the source.
const LEAD_INS: &[&str] = &[
    "See also ",
    "see also ",
    "See ",
    "see ",
    "Cf. ",
    "cf. ",
    "e.g., ",
    "e.g. ",
    "As cited in ",
    "cited in ",
];

/// Finds every citation in the article's body and notes, records it in
/// `article.citations` and marks its range in the block.
pub fn find_citations(article: &mut Article) {
    let mut found: Vec<Citation> = Vec::new();
    for place in article.places() {
        let Some(block) = article.block(place) else {
            continue;
        };
        if matches!(block.kind, crate::article::BlockKind::Code) {
            continue;
        }
        let mut here = parenthetical(&block.text, place);
        if matches!(place, Place::Note { .. }) {
            for r in references(&block.text, place) {
                if !here.iter().any(|c| overlaps(&c.range, &r.range)) {
                    here.push(r);
                }
            }
        }
        here.sort_by_key(|c| c.range.start);
        found.extend(here);
    }
    for cit in found {
        let index = article.citations.len();
        if let Some(block) = article.block_mut(cit.place) {
            block.add_mark(cit.range.clone(), MarkKind::Citation { index });
        }
        article.citations.push(cit);
    }
}

fn overlaps(a: &Range<usize>, b: &Range<usize>) -> bool {
    a.start < b.end && b.start < a.end
}

/// Citations inside parentheses, one per `;`-separated part.
pub fn parenthetical(text: &str, place: Place) -> Vec<Citation> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    for (open, _) in text.match_indices('(') {
        let Some(close) = matching_paren(bytes, open) else {
            continue;
        };
        let inner = open + 1..close;
        let parts = split_parts(text, inner.clone());
        let last = parts.len().saturating_sub(1);
        for (i, part) in parts.iter().enumerate() {
            let Some(mut cit) = classify(&text[part.clone()], place) else {
                continue;
            };
            // The first and last parts own the parentheses, so the highlight covers them.
            let start = if i == 0 { open } else { part.start };
            let end = if i == last { close + 1 } else { part.end };
            cit.range = start..end;
            out.push(cit);
        }
    }
    out
}

/// The index of the `)` closing the `(` at `open`, within 400 bytes, skipping nested pairs.
fn matching_paren(bytes: &[u8], open: usize) -> Option<usize> {
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
fn split_parts(text: &str, inner: Range<usize>) -> Vec<Range<usize>> {
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

fn trim_range(text: &str, r: Range<usize>) -> Range<usize> {
    let s = &text[r.clone()];
    let lead = s.len() - s.trim_start().len();
    // Measured on what is left after the lead, so an all-blank part (`( )`) gives an
    // empty range instead of one that ends before it starts.
    let trail = s[lead..].len() - s[lead..].trim_end().len();
    r.start + lead..r.end - trail
}

/// Classifies one part of a parenthetical as a citation, or not.
fn classify(part: &str, place: Place) -> Option<Citation> {
    let body = LEAD_INS
        .iter()
        .find_map(|p| part.strip_prefix(p))
        .unwrap_or(part)
        .trim();
    if let Some(c) = author_year(body)
        && one_or_two_names_each(c.authors)
    {
        let authors = c.authors.trim().trim_end_matches(',').to_string();
        if is_plausible_author(&authors) {
            return Some(Citation {
                kind: CitationKind::AuthorYear,
                text: part.to_string(),
                source: authors,
                date: Some(c.year.to_string()),
                locator: c.locator.map(|l| l.trim().to_string()),
                title: None,
                place,
                range: 0..0,
            });
        }
    }
    let (source, date) = date_tail(body)?;
    let source = source.trim().trim_end_matches(',').trim();
    if !is_source_name(source) {
        return None;
    }
    Some(Citation {
        kind: CitationKind::Attribution,
        text: part.to_string(),
        source: source.to_string(),
        date: Some(date.to_string()),
        locator: None,
        title: None,
        place,
        range: 0..0,
    })
}

fn is_not_source(word: &str) -> bool {
    NOT_SOURCES.contains(&word) || crate::dates::MONTHS.contains(&word)
}

fn first_word(s: &str) -> &str {
    s.split(|c: char| !c.is_alphanumeric()).next().unwrap_or("")
}

/// Whether every author in `Ostrom, Smith and van der Berg Jones et al.` has one or two
/// capitalised names (lower-case particles aside): three in a row are an outlet's name.
fn one_or_two_names_each(authors: &str) -> bool {
    let authors = authors.trim_end();
    let authors = authors
        .strip_suffix("et al.")
        .or_else(|| authors.strip_suffix("et al"))
        .unwrap_or(authors);
    let mut names = 0;
    for word in authors.split_whitespace() {
        let (word, ends_author) = match word.strip_suffix(',') {
            Some(w) => (w, true),
            None => (word, false),
        };
        if matches!(word, "and" | "&") {
            names = 0;
        } else if word.starts_with(char::is_uppercase) {
            names += 1;
            if names > 2 {
                return false;
            }
        }
        if ends_author {
            names = 0;
        }
    }
    true
}

fn is_plausible_author(authors: &str) -> bool {
    !is_not_source(first_word(authors))
}

/// Whether text reads as the name of an outlet: a few capitalised words, connectors,
/// bracketed qualifiers and domain names, and nothing that looks like a clause.
fn is_source_name(source: &str) -> bool {
    if source.is_empty() || source.len() > 80 || source.contains(['“', '”', '"', ':', '(', ')'])
    {
        return false;
    }
    let first = source.chars().next().unwrap_or(' ');
    if !(first.is_uppercase() || first.is_ascii_digit()) || is_not_source(first_word(source)) {
        return false;
    }
    let mut words = 0;
    let mut depth = 0i32;
    for word in source.split_whitespace() {
        let in_bracket = depth > 0 || word.starts_with('[');
        depth += word.matches('[').count() as i32 - word.matches(']').count() as i32;
        if in_bracket {
            continue;
        }
        words += 1;
        let c = word.chars().next().unwrap_or(' ');
        let ok =
            c.is_uppercase() || c.is_ascii_digit() || CONNECTORS.contains(&word) || is_domain(word);
        if !ok {
            return false;
        }
    }
    (1..=8).contains(&words)
}

fn is_domain(word: &str) -> bool {
    let Some((name, tld)) = word.rsplit_once('.') else {
        return false;
    };
    !name.is_empty()
        && name
            .chars()
            .all(|c| c.is_alphanumeric() || matches!(c, '-' | '.'))
        && (2..=6).contains(&tld.len())
        && tld.chars().all(|c| c.is_ascii_lowercase())
}

/// Bibliographic references (author, “title,” journal, …, year, pages) in a note's text.
pub fn references(text: &str, place: Place) -> Vec<Citation> {
    let mut out = Vec::new();
    let mut at = 0;
    while let Some(c) = REFERENCE.captures_at(text, at) {
        let (Some(whole), Some(author_m)) = (c.get(0), c.name("author")) else {
            break;
        };
        if !reference_fits(&c) {
            // Too long here; a reference may still start a little further on.
            at = whole.start()
                + text[whole.start()..]
                    .chars()
                    .next()
                    .map_or(1, char::len_utf8);
            continue;
        }
        at = whole.end().max(whole.start() + 1);
        let (lead, author) = strip_lead_in(author_m.as_str());
        let start = author_m.start() + lead;
        out.push(Citation {
            kind: CitationKind::Reference,
            text: text[start..whole.end()].to_string(),
            source: author.to_string(),
            date: Some(c["year"].to_string()),
            locator: c.name("pages").map(|m| m.as_str().to_string()),
            title: Some(c["title"].trim_end_matches([',', '.']).to_string()),
            place,
            range: start..whole.end(),
        });
    }
    out
}

/// Most characters in the parts of a reference.
const REF_TITLE_MAX: usize = 400;
const REF_CONTAINER_MAX: usize = 160;
const REF_MID_MAX: usize = 120;

/// Whether a `REFERENCE` match keeps within the limits of a real reference.
fn reference_fits(c: &Groups) -> bool {
    let chars = |name| c.name(name).map_or(0, |m| m.as_str().chars().count());
    chars("title") <= REF_TITLE_MAX
        && chars("container") <= REF_CONTAINER_MAX
        && chars("mid") <= REF_MID_MAX
}

/// Drops a capitalised lead-in word ("See", "In") that the author pattern swallowed.
fn strip_lead_in(author: &str) -> (usize, &str) {
    for lead in ["See also ", "See ", "In ", "Cf. ", "Also ", "And "] {
        if let Some(rest) = author.strip_prefix(lead) {
            return (lead.len(), rest);
        }
    }
    (0, author)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// The patterns `date_tail` and `author_year` replaced, as the meaning they must keep
    /// (their digits ASCII).
    const MONTH: &str = r"(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?";
    const NAME: &str = r"(?:(?:van|von|de|der|den|da|di|du|le|la|al|el)\s+){0,2}\p{Lu}[\p{L}'’\-]+";
    static OLD: LazyLock<[regex::Regex; 2]> = LazyLock::new(|| {
        let date_tail = format!(
            r"(?x)^(?P<source>.+?),\s*(?P<date>
                {MONTH}\s+[0-9]{{1,2}}(?:st|nd|rd|th)?(?:,?\s+[0-9]{{4}})?
              | [0-9]{{1,2}}\s+{MONTH}(?:,?\s+[0-9]{{4}})?
              | {MONTH}\s+[0-9]{{4}}
              | (?:Spring|Summer|Autumn|Fall|Winter)\s+[0-9]{{4}}
              | [0-9]{{1,2}}/[0-9]{{1,2}}(?:/[0-9]{{2,4}})?
              | (?:1[5-9]|20)[0-9]{{2}}
            )$"
        );
        let author_year = format!(
            r"(?x)^(?P<authors>{NAME}(?:(?:\s+|,\s*|(?:,\s*|\s+)(?:and|&)\s+){NAME})*
                (?:,?\s+et\s+al\.?)?)
              ,?\s+(?P<year>(?:1[5-9]|20)[0-9]{{2}}[a-z]?|n\.d\.)
              (?:(?:,\s*|:\s*)(?P<loc>(?:pp?\.|ch\.|chap\.|para\.|§)?\s*[0-9]+(?:\s*[-–]\s*[0-9]+)?))?$"
        );
        [date_tail, author_year].map(|p| regex::Regex::new(&p).unwrap())
    });

    /// Parenthetical parts in the shapes citations take, some damaged by a character.
    fn part() -> impl Strategy<Value = String> {
        let pick = |v: Vec<&'static str>| prop::sample::select(v);
        (
            pick(vec![
                "Ostrom",
                "Smith and Jones",
                "Smith, Jones & Lee",
                "van der Berg",
                "O’Brien",
                "Ørsted-Larsen",
                "de la Cruz",
                "Hall et al.",
                "Hall, et al",
                "Gazzetta di Marzena",
                "Il Delta",
                "Xinhua",
                "the Post",
                "ANSA",
                "Smith Jones Brown",
                "Lee, K.",
                "Eco",
            ]),
            pick(vec![", ", " ", ",", "  ", ", and ", " & "]),
            pick(vec![
                "1990",
                "2019a",
                "n.d.",
                "1492",
                "May 4",
                "May 4th",
                "4 May 2019",
                "May 4, 2019",
                "Sept. 2020",
                "Spring 2020",
                "5/4",
                "5/4/19",
                "12/11/2018",
                "July 18",
                "2001b",
            ]),
            pick(vec![
                "",
                "",
                "",
                ", 12",
                ": 3–4",
                ", pp. 3-4",
                ", ch. 2",
                ": § 5",
                ", p.",
                ", x",
            ]),
            0..30usize,
            pick(vec!["", "", "", "x", ",", " ", "1", "."]),
        )
            .prop_map(|(who, sep, when, loc, at, c)| {
                let mut p = format!("{who}{sep}{when}{loc}");
                if !c.is_empty() && p.is_char_boundary(at.min(p.len())) {
                    p.insert_str(at.min(p.len()), c);
                }
                p
            })
    }

    /// The reference pattern with its limits as bounded repeats, as it was.
    const OLD_REFERENCE: &str = r#"(?x)
        (?P<author>\p{Lu}[\p{L}.'’\-]*(?:\s+\p{Lu}[\p{L}.'’\-]*){0,3}
            (?:(?:,\s*|\s+)(?:and|&)\s+\p{Lu}[\p{L}.'’\-]*(?:\s+\p{Lu}[\p{L}.'’\-]*){0,3})?
            (?:,?\s+et\s+al\.)?)
        ,\s+[“"](?P<title>[^”"]{3,400}?)[,.]?[”"],?\s+
        (?P<container>[^,“”"()]{2,160}?),
        (?P<mid>[^“”"]{0,120}?)
        \(?\b(?P<year>(?:1[5-9]|20)\d{2})\b\)?
        (?:,\s*(?:Issue|No\.?|no\.?|Vol\.?|vol\.?)\s*[\w–\-]+)*
        (?:,\s*(?P<pages>pp?\.\s*\d+(?:\s*[-–]\s*\d+)?))?
        "#;

    /// Notes holding references with parts of every length around the limits.
    fn note() -> impl Strategy<Value = String> {
        let pick = |v: Vec<&'static str>| prop::sample::select(v);
        let reference = (
            pick(vec!["", "See ", "In ", "Ibid. "]),
            pick(vec![
                "Ostrom",
                "Elinor Ostrom",
                "A B C D",
                "A B C D E",
                "The Very Long Name Here",
                "Smith and Jones",
                "Smith, and Jones",
                "Smith & Jones",
                "Ann B. Cole and D E F G H",
                "Hall et al.",
                "Hall, et al.",
                "Ørsted",
                "de Vries",
            ]),
            pick(vec!["Ab", "Abc", "Water rights", "River, delta", "x"]),
            0..3usize,
            pick(vec![",", ".", ""]),
            pick(vec![
                "Journal of Rivers",
                "Ab",
                "J",
                "Delta (Review)",
                "The Press",
            ]),
            0..3usize,
            pick(vec!["", " vol. 3, no. 2", " 12", " ends"]),
            0..3usize,
            pick(vec![" 2019", " (1998)", " 1492", "2019", " 19999"]),
            pick(vec![
                "",
                ", pp. 3–4",
                ", p. 12",
                ", Issue 4",
                ", no. 5, pp. 1-2",
            ]),
        )
            .prop_map(
                |(
                    lead,
                    author,
                    title,
                    long_title,
                    end,
                    container,
                    long_container,
                    mid,
                    long_mid,
                    year,
                    pages,
                )| {
                    let long = |s: &str, n: usize| match n {
                        1 => s.repeat(400 / s.len().max(1)),
                        2 => s.repeat(1 + 400 / s.len().max(1)),
                        _ => s.to_string(),
                    };
                    format!(
                        "{lead}{author}, “{}{end}” {}, {}{year}{pages}.",
                        long(title, long_title),
                        long(container, long_container).replace(',', ""),
                        long(mid, long_mid).replace(['“', '”', '"'], ""),
                    )
                },
            );
        prop::collection::vec(
            prop_oneof![
                reference,
                pick(vec!["A note about the river. ", "Ibid. "]).prop_map(String::from)
            ],
            1..4,
        )
        .prop_map(|parts| parts.join(" "))
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(500))]
        #[test]
        fn references_agree_with_the_bounded_pattern(n in note()) {
            static OLD: LazyLock<regex::Regex> =
                LazyLock::new(|| regex::Regex::new(OLD_REFERENCE).unwrap());
            let old: Vec<_> = OLD
                .captures_iter(&n)
                .map(|c| {
                    let author = c.name("author").unwrap();
                    let (lead, source) = strip_lead_in(author.as_str());
                    (
                        author.start() + lead..c.get(0).unwrap().end(),
                        source.to_string(),
                        c["title"].trim_end_matches([',', '.']).to_string(),
                        c["year"].to_string(),
                        c.name("pages").map(|m| m.as_str().to_string()),
                    )
                })
                .collect();
            let new: Vec<_> = references(&n, Place::Note { note: 0, block: 0 })
                .into_iter()
                .map(|c| (c.range, c.source, c.title.unwrap(), c.date.unwrap(), c.locator))
                .collect();
            prop_assert_eq!(new, old, "{:?}", n);
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(2000))]
        #[test]
        fn shapes_agree_with_the_patterns_they_replaced(p in part()) {
            let [date_tail_re, author_year_re] = &*OLD;
            let old = date_tail_re
                .captures(&p)
                .map(|c| (c.name("source").unwrap().as_str(), c.name("date").unwrap().as_str()));
            prop_assert_eq!(date_tail(&p), old, "date tail {:?}", p);
            let old = author_year_re.captures(&p).map(|c| AuthorYear {
                authors: c.name("authors").unwrap().as_str(),
                year: c.name("year").unwrap().as_str(),
                locator: c.name("loc").map(|m| m.as_str()),
            });
            prop_assert_eq!(super::author_year(&p), old, "author year {:?}", p);
        }
    }

    const P: Place = Place::Body { block: 0 };

    fn sources(text: &str) -> Vec<(CitationKind, String, Option<String>)> {
        parenthetical(text, P)
            .into_iter()
            .map(|c| (c.kind, c.source, c.date))
            .collect()
    }

    fn one(text: &str) -> (CitationKind, String, Option<String>) {
        let mut s = sources(text);
        assert_eq!(s.len(), 1, "{text}: {s:?}");
        s.remove(0)
    }

    #[test]
    fn news_attributions() {
        use CitationKind::Attribution as A;
        assert_eq!(
            one("said so (Xinhua, May 4)."),
            (A, "Xinhua".into(), Some("May 4".into()))
        );
        assert_eq!(
            one("(See China Brief, October 17, 2007)"),
            (A, "China Brief".into(), Some("October 17, 2007".into()))
        );
        assert_eq!(
            one("(Apple Daily [Hong Kong], April 23)").1,
            "Apple Daily [Hong Kong]"
        );
        assert_eq!(one("(HKO1.com, May 4)").1, "HKO1.com");
        assert_eq!(
            one("(People’s Daily, December 3, 2004)").1,
            "People’s Daily"
        );
    }

    #[test]
    fn two_sources_in_one_parenthesis() {
        let s = sources("zone (NHK News, April 19; Asahi Shimbun, January 30). Yet");
        assert_eq!(
            s.iter().map(|c| c.1.as_str()).collect::<Vec<_>>(),
            ["NHK News", "Asahi Shimbun"]
        );
        let cits = parenthetical("x (NHK News, April 19; Asahi Shimbun, January 30)", P);
        assert_eq!(cits[0].range, 2..21);
        assert_eq!(cits[1].text, "Asahi Shimbun, January 30");
    }

    #[test]
    fn author_year() {
        use CitationKind::AuthorYear as Y;
        assert_eq!(
            one("(Ostrom, 1990)"),
            (Y, "Ostrom".into(), Some("1990".into()))
        );
        let h = &parenthetical("(Hardin 1968, p. 1244)", P)[0];
        assert_eq!(
            (h.source.as_str(), h.locator.as_deref()),
            ("Hardin", Some("p. 1244"))
        );
        let s = sources("(Dietz et al., 2003; Agrawal 2001)");
        assert_eq!(s[0].1, "Dietz et al.");
        assert_eq!(s[1], (Y, "Agrawal".into(), Some("2001".into())));
        assert_eq!(one("(Tanaka and Reyes, 2015)").1, "Tanaka and Reyes");
        assert_eq!(one("(Jiménez et al. 2017)").1, "Jiménez et al.");
        assert_eq!(one("(van der Berg, 2009)").1, "van der Berg");
        assert_eq!(
            one("(Tanaka Emi, Reyes and Lund Berg, 2015)"),
            (
                Y,
                "Tanaka Emi, Reyes and Lund Berg".into(),
                Some("2015".into())
            )
        );
        // Three capitalised names in a row are an outlet, attributed rather than authored.
        assert_eq!(
            one("(Harbour Authority Press Office, 2019)").0,
            CitationKind::Attribution
        );
    }

    #[test]
    fn non_citations_are_left_alone() {
        for text in [
            "the Chinese Communist Party (CCP) propaganda",
            "the Cultural Revolution (1966-76).",
            "the Treaty of Peace and Friendship (hereafter “the Treaty”).",
            "(the son of former prime minister Takeo Fukuda, who signed the Treaty on behalf of Japan)",
            "Today (27 March 2014) the minister",
            "the launch (May 2019) went well",
            "landing (April 1969)",
            "(which had, as usual, arrived late in 2009)",
            "(born 1952)",
            "(see below, 2019)",
            "(Figure 3, 2019)",
            "(i.e. the harbour, June 4)",
        ] {
            assert!(sources(text).is_empty(), "{text}: {:?}", sources(text));
        }
    }

    #[test]
    fn blank_parentheses_are_not_citations() {
        // These used to panic: a part of only spaces trimmed to a reversed range.
        for text in ["( )", "a (  ) b", "(Xinhua, May 4; )", "( ; )"] {
            let s = sources(text);
            assert!(s.len() <= 1, "{text}: {s:?}");
        }
        assert_eq!(sources("(Xinhua, May 4;  )")[0].1, "Xinhua");
    }

    #[test]
    fn nested_and_doubled_parentheses() {
        let s = sources("(China News Service, June 24, 2008))Explanations");
        assert_eq!(s[0].1, "China News Service");
    }

    #[test]
    fn bibliographic_reference_in_a_note() {
        let note = "For a discussion, see, for example, Xinjun Zhang, “Why the 2008 Consensus Has Stalled: Good Faith in Interim Measures,” Ocean Development and International Law, Vol. 42, 2011, Issue 1-2, pp. 53-65.";
        let r = references(note, Place::Note { note: 0, block: 0 });
        assert_eq!(r.len(), 1);
        assert_eq!(r[0].source, "Xinjun Zhang");
        assert_eq!(r[0].date.as_deref(), Some("2011"));
        assert_eq!(r[0].locator.as_deref(), Some("pp. 53-65"));
        assert!(r[0].title.as_deref().unwrap().starts_with("Why the 2008"));
        assert!(note[r[0].range.clone()].ends_with("pp. 53-65"));
    }
}
