//! Who a citation names: authors (`Smith and van der Berg`, `Hall et al.`, `Bank of
//! England`) and outlets (`The Paper [Shanghai]`, `Reuters/Ipsos poll`), and the words
//! that look like either without being one.

use super::when::{ANY, SEASONS, WEEKDAYS};
pub(super) use super::words::PARTICLES;
use super::words::{
    CONNECTORS, DESCRIPTORS, EVENTS, HOLIDAYS, INSTITUTION_LINKS, LEAD_INS, NOT_SOURCES,
};
use crate::shape::Ends;

/// `part` without a lead-in, and how many bytes the lead-in took.
pub(super) fn strip_lead(part: &str) -> (usize, &str) {
    let mut at = 0;
    // "see also, e.g.," and the like: at most two lead-ins in a row.
    for _ in 0..2 {
        let rest = &part[at..];
        match LEAD_INS
            .iter()
            .find_map(|p| rest.strip_prefix(p))
            .or_else(|| purpose(rest))
        {
            Some(rest) => at = part.len() - rest.len(),
            None => break,
        }
    }
    (at, &part[at..])
}

/// Most words between "for" and the comma of a lead-in that says what a work is for.
const PURPOSE_WORDS: usize = 8;

/// `for a critique of the density argument, see ` or `for a similar view, `: what follows
/// a lead-in that says what the work cited is for, in words of lower case.
fn purpose(s: &str) -> Option<&str> {
    let rest = s.strip_prefix("for ").or_else(|| s.strip_prefix("For "))?;
    let (words, after) = rest.split_once(", ")?;
    let plain = |w: &str| {
        !w.is_empty()
            && w.chars()
                .all(|c| c.is_lowercase() || matches!(c, '-' | '’' | '\''))
    };
    let n = words.split(' ').count();
    if n > PURPOSE_WORDS || !words.split(' ').all(plain) {
        return None;
    }
    Some(
        ["see also ", "see "]
            .iter()
            .find_map(|w| after.strip_prefix(w))
            .unwrap_or(after),
    )
}

pub(super) fn is_not_source(word: &str) -> bool {
    NOT_SOURCES.contains(&word)
        || crate::dates::MONTH_WORDS.contains(&word)
        || HOLIDAYS.contains(&word)
}

/// Whether `word` names a month, a season or a day, which never start or end a name.
pub(super) fn is_time_word(word: &str) -> bool {
    crate::dates::MONTH_WORDS.contains(&word)
        || SEASONS.contains(&word)
        || WEEKDAYS.contains(&word)
        || HOLIDAYS.contains(&word)
}

pub(super) fn is_event(word: &str) -> bool {
    EVENTS.contains(&word)
}

pub(super) fn first_word(s: &str) -> &str {
    s.split(|c: char| !c.is_alphanumeric()).next().unwrap_or("")
}

/// A capitalised name: `Ostrom`, `O’Brien`, `Ørsted-Larsen`, `van der Berg`.
pub(super) fn name<'t>(e: Ends<'t>) -> Ends<'t> {
    let particle = |e: Ends<'t>| e.exact(&PARTICLES).space();
    // Capitals and letters as Rust knows them: circled letters, Roman numerals and
    // combining marks count too, which lets a name carry a combining accent.
    // An Irish surname's `Ó` is a word of one letter: `Ó Laoire`.
    let irish = |e: Ends<'t>| e.exact(&["Ó"]).space();
    e.maybe(|e| e.either(&[&|e| particle(e).maybe(particle), &irish]))
        .chars(char::is_uppercase, 1, 1)
        .chars(
            |c| c.is_alphabetic() || matches!(c, '\'' | '’' | '-'),
            1,
            ANY,
        )
}

/// Where readings of `Name, Name and Name et al.` (or `Bank of England`) at the start of
/// `body` can end.
pub(super) fn authors_ends<'t>(body: &'t str) -> Ends<'t> {
    let comma = |e: Ends<'t>| e.exact(&[","]).any_space();
    let and = |e: Ends<'t>| {
        e.either(&[&comma, &|e| e.space()])
            .exact(&["and", "&"])
            .space()
    };
    let link = |e: Ends<'t>| e.space().exact(&INSTITUTION_LINKS).space();
    let between = |e: Ends<'t>| e.either(&[&|e| e.space(), &comma, &and, &link]);
    Ends::start(body)
        .then(name)
        .many(|e| between(e).then(name))
        .maybe(|e| {
            e.either(&[
                &|e| {
                    e.maybe_char(',')
                        .space()
                        .exact(&["et"])
                        .space()
                        .exact(&["al"])
                        .maybe_char('.')
                },
                // `Ravnsborg kommune`: a Nordic local body, its kind in lower case.
                &|e| e.space().exact(&super::words::LOCAL_BODIES),
                // `Tchernichovski and colleagues`, as `et al.` is written out.
                &|e| {
                    e.space().exact(&["and"]).space().exact(&[
                        "colleagues",
                        "co-workers",
                        "coworkers",
                        "co-authors",
                    ])
                },
            ])
        })
}

/// Whether every author in `Ostrom, Smith and van der Berg Jones et al.` has one or two
/// capitalised names (lower-case particles aside): three in a row are an outlet's name.
pub(super) fn one_or_two_names_each(authors: &str) -> bool {
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

/// Whether author names read as people or institutions, not as a date (`Foreign Affairs,
/// Spring`), an event (`Paris Agreement`) or a clause.
pub(super) fn is_plausible_author(authors: &str) -> bool {
    if is_not_source(first_word(authors)) {
        return false;
    }
    // An event's word names the event when it ends the name or "of" follows it (`Paris
    // Agreement`, `Treaty of Rome`); inside a body's name it does not (`Flood Re`, `Law
    // Society`).
    let words: Vec<&str> = authors
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    let event =
        |i: usize| is_event(words[i]) && (i + 1 == words.len() || words.get(i + 1) == Some(&"of"));
    !(0..words.len()).any(|i| is_time_word(words[i]) || event(i))
}

/// Whether text reads as the name of an outlet: a few capitalised words, connectors,
/// bracketed qualifiers, domain names and a word for what was cited, and nothing that
/// looks like a clause. `The` and `the` may start it.
pub(super) fn is_source_name(source: &str) -> bool {
    if source.is_empty()
        || source.len() > 80
        || source.contains(['“', '”', '"', ':', '(', ')'])
        || !source.contains(char::is_alphabetic)
    {
        return false;
    }
    let named = ["The ", "the ", "de ", "het "]
        .iter()
        .find_map(|t| source.strip_prefix(t))
        .unwrap_or(source);
    let foreign = foreign_led(source);
    let first = named.chars().next().unwrap_or(' ');
    if !(first.is_uppercase() || first.is_ascii_digit()) || is_not_source(first_word(named)) {
        return false;
    }
    let mut words = 0;
    let mut capitals = 0;
    let mut depth = 0i32;
    let mut descriptors = 0;
    // Lower-case words saying what kind of document, before the word for it (`CCNR market
    // observation report`).
    let mut modifiers = 0;
    for word in named.split_whitespace() {
        let in_bracket = depth > 0 || word.starts_with('[');
        depth += word.matches('[').count() as i32 - word.matches(']').count() as i32;
        if in_bracket {
            continue;
        }
        words += 1;
        let c = word.chars().next().unwrap_or(' ');
        if c.is_uppercase() || c.is_ascii_digit() || is_domain(word) {
            // Once what was cited is named, only its qualifiers follow.
            if descriptors > 0 {
                return false;
            }
            capitals += 1;
        } else if capitals > 0 && DESCRIPTORS.contains(&word) {
            descriptors += 1;
        } else if CONNECTORS.contains(&word) && descriptors == 0 {
            continue;
        } else if foreign && capitals > 0 && descriptors == 0 && is_plain_word(word) {
            // `Le Monde diplomatique`: the name's own words, in its language's case.
            continue;
        } else if capitals > 0 && descriptors == 0 && modifiers < 2 && is_plain_word(word) {
            modifiers += 1;
        } else {
            return false;
        }
    }
    let last = named.split_whitespace().last().unwrap_or("");
    if modifiers > 0 && !DESCRIPTORS.contains(&last) {
        return false;
    }
    // `Battle of Lodi, 10th May 1796` names an event and its day.
    let leading_event = matches!(
        first_word(named),
        "Battle" | "Siege" | "Sack" | "Peace" | "Treaty" | "Massacre" | "Coronation"
    );
    (1..=8).contains(&words) && !is_event(last) && !is_time_word(last) && !leading_event
}

/// Whether a name opens with another language's definite article and a capitalised word:
/// `El Correo`, `de Volkskrant`, an outlet's shape.
pub(super) fn foreign_led(name: &str) -> bool {
    let mut words = name.split_whitespace();
    let article = words.next().unwrap_or("");
    super::words::FOREIGN_ARTICLES.contains(&article)
        && words
            .next()
            .is_some_and(|w| w.starts_with(char::is_uppercase))
}

/// Words for a body's own records, before the body's name.
const RECORDS_OF: &[&str] = &[
    "Minutes of ",
    "Papers of ",
    "Records of ",
    "Letters of ",
    "Correspondence of ",
    "Accounts of ",
    "Diary of ",
];

/// Words for the kind of record a body keeps, after its name and what of it kept them
/// (`Harrowmouth Council transport committee minutes`).
const RECORDS: &[&str] = &[
    "minutes",
    "papers",
    "records",
    "letters",
    "correspondence",
    "accounts",
    "diary",
    "diaries",
    "ledger",
    "ledgers",
    "logbook",
];

/// The body whose records a source names, as papers are known by their maker (`Minutes of
/// the Harbour Commissioners` and `Harbour Commissioners minutes` give `Harbour
/// Commissioners`); else the source itself.
pub(super) fn record_maker(source: &str) -> &str {
    if let Some(maker) = RECORDS_OF
        .iter()
        .find_map(|r| source.strip_prefix(r))
        .map(|s| s.strip_prefix("the ").unwrap_or(s))
        .filter(|s| s.starts_with(char::is_uppercase))
    {
        return maker;
    }
    let last = source.rsplit(' ').next().unwrap_or("");
    if !RECORDS.contains(&last) {
        return source;
    }
    // The capitalised words before the lower-case ones that say what of the body kept them.
    let mut end = source.len();
    for w in source.rsplit(' ') {
        if w.starts_with(char::is_uppercase) {
            break;
        }
        end = end.saturating_sub(w.len() + 1);
    }
    let maker = source[..end].trim_end();
    if maker.is_empty() { source } else { maker }
}

/// A lower-case word of letters alone.
fn is_plain_word(word: &str) -> bool {
    word.chars().all(|c| c.is_lowercase() || c == '-')
}

/// Whether `outlet` names a news outlet or agency by its last word (`Financial Times`,
/// `Kyodo News`, `Columbus Dispatch`) or is an agency's capitals (`AFP`).
pub(super) fn is_outlet(outlet: &str) -> bool {
    let last = outlet.split_whitespace().last().unwrap_or("");
    let capitals = (2..=6).contains(&last.len()) && last.bytes().all(|b| b.is_ascii_uppercase());
    // A newspaper's word alone is often a common noun (`Mercury`, `Record`): only as the
    // last of several words does it name the paper.
    let newspaper = outlet.contains(' ') && super::words::OUTLET_WORDS.contains(&last);
    super::words::INSTITUTIONS.contains(&last) || capitals || newspaper
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn outlets_and_what_is_not_one() {
        for s in [
            "The Guardian",
            "the Economist",
            "The Paper [Shanghai]",
            "Reuters/Ipsos poll",
            "Kremlin press release",
            "HKO1.com",
            "El País",
            "Der Standard",
            "CCNR market observation report",
        ] {
            assert!(is_source_name(s), "{s}");
        }
        for s in [
            "the harbour",
            "The",
            "Clean Air Act",
            "i.e. the harbour",
            "Foreign Affairs, Spring",
            "poll",
            "Reuters poll Smith",
            "Paris climate talks",
            "IMF very long words report",
        ] {
            assert!(!is_source_name(s), "{s}");
        }
    }
}
