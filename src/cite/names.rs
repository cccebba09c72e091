//! Who a citation names: authors (`Smith and van der Berg`, `Hall et al.`, `Bank of
//! England`) and outlets (`The Paper [Shanghai]`, `Reuters/Ipsos poll`), and the words
//! that look like either without being one.

use super::when::{ANY, SEASONS, WEEKDAYS};
use crate::shape::Ends;

/// Lower-case particles that may come before a surname (`van der Berg`).
pub(super) const PARTICLES: [&str; 12] = [
    "van", "von", "de", "der", "den", "da", "di", "du", "le", "la", "al", "el",
];

/// Lower-case words between the capitalised words of an institution that writes
/// (`Bank of England`, `Office for National Statistics`).
const INSTITUTION_LINKS: [&str; 5] = ["of", "for", "the", "on", "für"];

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
    "Formerly",
    "Previously",
    "Later",
    "Up",
    "Down",
    "Including",
    "Excluding",
    "Except",
    "Sic",
    "Photo",
    "Pictured",
    "Left",
    "Right",
    "Above",
    "Below",
    "Emphasis",
    "Translation",
    "Trans",
    "Note",
    "Year",
    "Years",
    "Fiscal",
    "Appendix",
    "Annex",
    "Box",
    "Part",
    "Map",
    "Chart",
    "Graph",
    "Plate",
    "Exhibit",
    "Equation",
    "Eq",
    "See",
    "Cf",
    "Compare",
    "Ibid",
    "Until",
    "Through",
    "As",
    "At",
    "On",
    "Of",
    "For",
    "By",
    "To",
    "With",
    "Without",
    "Per",
    "Each",
    "Every",
    "All",
    "Some",
    "Most",
    "Only",
    "Not",
    "Or",
    "If",
    "When",
    "Where",
    "While",
    "Whose",
    "Which",
    "Who",
    "What",
    "Here",
    "There",
    "Total",
    "Average",
    "Median",
    "Mean",
    "Range",
    "Peak",
    "Unpublished",
    "Retrieved",
    "Accessed",
    "Archived",
    "Original",
    "Reprinted",
    "Revised",
    "First",
    "Second",
    "Third",
    "Last",
    "Next",
    "Mr",
    "Mrs",
    "Ms",
    "Dr",
    "Prof",
    "Sen",
    "Rep",
    "Gov",
    "President",
    "Prime",
    "Minister",
];

/// Names of things that are not sources however they are capitalised: an act, a treaty, a
/// war, games or an election with its year is an aside (`(Clean Air Act, 1970)`).
const EVENTS: &[&str] = &[
    "Act",
    "Acts",
    "Agreement",
    "Accord",
    "Accords",
    "Treaty",
    "Protocol",
    "Convention",
    "Declaration",
    "Statute",
    "Charter",
    "Constitution",
    "Amendment",
    "Bill",
    "Law",
    "Directive",
    "Regulation",
    "Resolution",
    "Revolution",
    "War",
    "Wars",
    "Uprising",
    "Rebellion",
    "Crisis",
    "Games",
    "Olympics",
    "Cup",
    "Championship",
    "Championships",
    "Expo",
    "Summit",
    "Conference",
    "Congress",
    "Election",
    "Elections",
    "Referendum",
    "Reform",
    "Reforms",
    "Massacre",
    "Earthquake",
    "Hurricane",
    "Typhoon",
    "Tsunami",
    "Flood",
    "Pandemic",
    "Festival",
    "Biennale",
    "Exhibition",
    "Award",
    "Prize",
    "Medal",
    "Dynasty",
    "Era",
    "Period",
    "Plan",
];

/// Lower-case words allowed inside a source name.
const CONNECTORS: &[&str] = &[
    "of", "the", "for", "and", "de", "del", "la", "le", "du", "di", "da", "der", "des", "van",
    "von", "al", "el", "on", "in", "&", "y", "und", "et", "am", "im", "zu", "e", "a", "-", "–",
    "della", "delle", "dei", "degli", "dello", "do", "dos", "das", "du", "d’", "d'", "op", "ter",
    "te",
];

/// Lower-case words that may follow an outlet's name to say what of it is cited
/// (`Reuters/Ipsos poll`, `Kremlin press release`, `ministry statement`).
const DESCRIPTORS: &[&str] = &[
    "poll",
    "polls",
    "survey",
    "report",
    "reports",
    "editorial",
    "interview",
    "statement",
    "press",
    "release",
    "briefing",
    "broadcast",
    "bulletin",
    "newsletter",
    "blog",
    "podcast",
    "transcript",
    "data",
    "figures",
    "estimates",
    "filing",
    "memo",
    "website",
    "column",
    "op-ed",
    "commentary",
    "tweet",
    "post",
    "speech",
    "testimony",
    "communiqué",
    "dispatch",
    "radio",
    "television",
    "online",
    "edition",
    "supplement",
    "magazine",
    "channel",
    "account",
    "video",
    "documentary",
    "letter",
    "notice",
    "announcement",
    "circular",
    "decree",
    "minutes",
    "hearing",
    "news",
    "daily",
    "weekly",
    "monthly",
    "quarterly",
    "review",
    "wire",
    "agency",
    "service",
];

/// Last words of an institution's name, which is no person's surname (`World Bank`).
const INSTITUTIONS: &[&str] = &[
    "Bank",
    "Foundation",
    "Organization",
    "Organisation",
    "Institute",
    "Institution",
    "Council",
    "Office",
    "Ministry",
    "Agency",
    "Association",
    "Society",
    "Commission",
    "Committee",
    "Board",
    "Department",
    "University",
    "Press",
    "Group",
    "Fund",
    "Corporation",
    "Company",
    "Service",
    "Trust",
    "Centre",
    "Center",
    "Authority",
    "Network",
    "Union",
    "Library",
    "Museum",
    "Bureau",
    "Inc",
    "Ltd",
    "Times",
    "News",
    "Post",
    "Journal",
    "Review",
    "Forum",
    "Programme",
    "Program",
    "Project",
    "Alliance",
    "Federation",
    "Parliament",
    "Assembly",
    "Court",
    "Tribunal",
    "Observatory",
    "Survey",
    "Statistics",
    "Wire",
    "Daily",
    "Herald",
    "Gazette",
];

/// Words a news lead-in puts before a source, kept in the citation's text but not its name.
pub(super) const LEAD_INS: &[&str] = &[
    "See also ",
    "see also ",
    "See, e.g., ",
    "see, e.g., ",
    "See, for example, ",
    "see, for example, ",
    "See ",
    "see ",
    "But see ",
    "but see ",
    "Cf. ",
    "cf. ",
    "Compare ",
    "compare ",
    "e.g., ",
    "e.g. ",
    "E.g., ",
    "for example, ",
    "for example ",
    "for instance, ",
    "As cited in ",
    "as cited in ",
    "cited in ",
    "Cited in ",
    "quoted in ",
    "Quoted in ",
    "reviewed in ",
    "reviewed by ",
    "discussed in ",
    "summarised in ",
    "summarized in ",
    "adapted from ",
    "Adapted from ",
    "data from ",
    "Data from ",
    "based on ",
    "Based on ",
    "following ",
    "Following ",
    "after ",
    "according to ",
    "According to ",
    "as reported by ",
    "reported by ",
    "via ",
    "Source: ",
    "Sources: ",
    "in ",
    "and ",
];

/// `part` without a lead-in, and how many bytes the lead-in took.
pub(super) fn strip_lead(part: &str) -> (usize, &str) {
    let mut at = 0;
    // "see also, e.g.," and the like: at most two lead-ins in a row.
    for _ in 0..2 {
        match LEAD_INS.iter().find_map(|p| part[at..].strip_prefix(p)) {
            Some(rest) => at = part.len() - rest.len(),
            None => break,
        }
    }
    (at, &part[at..])
}

pub(super) fn is_not_source(word: &str) -> bool {
    NOT_SOURCES.contains(&word)
        || crate::dates::MONTH_WORDS.contains(&word)
        || HOLIDAYS.contains(&word)
}

/// Days of the calendar that a date may name instead of a month (`Christmas Eve, 1856`).
const HOLIDAYS: &[&str] = &[
    "Christmas",
    "Easter",
    "Michaelmas",
    "Whitsun",
    "Whitsunday",
    "Candlemas",
    "Lammas",
    "Martinmas",
    "Midsummer",
    "Hogmanay",
    "Pentecost",
    "Lent",
    "Advent",
    "Epiphany",
    "Hanukkah",
    "Ramadan",
    "Eid",
    "Diwali",
    "Passover",
    "Thanksgiving",
];

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
    e.maybe(|e| particle(e).maybe(particle))
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
            e.maybe_char(',')
                .space()
                .exact(&["et"])
                .space()
                .exact(&["al"])
                .maybe_char('.')
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
    !authors
        .split(|c: char| !c.is_alphanumeric())
        .any(|w| is_time_word(w) || is_event(w))
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
    let named = ["The ", "the "]
        .iter()
        .find_map(|t| source.strip_prefix(t))
        .unwrap_or(source);
    let first = named.chars().next().unwrap_or(' ');
    if !(first.is_uppercase() || first.is_ascii_digit()) || is_not_source(first_word(named)) {
        return false;
    }
    let mut words = 0;
    let mut capitals = 0;
    let mut depth = 0i32;
    let mut descriptors = 0;
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
        } else if !CONNECTORS.contains(&word) || descriptors > 0 {
            return false;
        }
    }
    let last = named.split_whitespace().last().unwrap_or("");
    // `Battle of Lodi, 10th May 1796` names an event and its day.
    let leading_event = matches!(
        first_word(named),
        "Battle" | "Siege" | "Sack" | "Peace" | "Treaty" | "Massacre" | "Coronation"
    );
    (1..=8).contains(&words) && !is_event(last) && !is_time_word(last) && !leading_event
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

/// The key a person's or institution's work is grouped under: each author's surname,
/// lower-cased (`Joseph Mwangi and Ruth Holt` and `Mwangi and Holt` → `mwangi holt`;
/// `Ellison, Margaret` → `ellison`), three or more authors as the first and `et al`.
/// An institution keeps its whole name.
pub fn surnames_key(authors: &str) -> String {
    let authors = &authors.replace('\u{a0}', " ");
    let names = surnames(authors);
    let mut key: Vec<String> = names.iter().map(|n| n.to_lowercase()).collect();
    let et_al = authors.contains("et al") || key.len() > 2;
    key.truncate(if et_al { 1 } else { 2 });
    if et_al {
        key.push("et al".into());
    }
    crate::article::source_key(&key.join(" "))
}

/// Each author's surname in an author list as references and citations write it:
/// `Ellison, Margaret`, `Chen, L., & Wu, M.`, `Joseph Mwangi and Ruth Holt`,
/// `Eich, Brendan; David Hyatt`, `Hall et al.`, `International Monetary Fund`.
pub fn surnames(authors: &str) -> Vec<String> {
    let authors = authors.replace('\u{a0}', " ");
    let cut = authors.find(" et al").unwrap_or(authors.len());
    let authors = authors[..cut].trim().trim_end_matches([',', '.', ';']);
    let mut out = Vec::new();
    // Authors are parted by ";", " and ", " & " and commas; a comma also parts an inverted
    // name from its given names (`Ellison, Margaret`), told by what follows it.
    let mut pieces: Vec<&str> = Vec::new();
    for group in authors.split(';') {
        for piece in group.split(", and ").flat_map(|p| p.split(" and ")) {
            pieces.extend(piece.split(" & ").flat_map(|p| p.split(", &")));
        }
    }
    // `Pirani, Stern, and Yafimava`: three or more single names are all surnames.
    let names: Vec<&str> = pieces
        .iter()
        .flat_map(|p| p.split(','))
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .collect();
    let single = |p: &&str| {
        let ws: Vec<&str> = p.split_whitespace().collect();
        ws.last().is_some_and(|w| !w.ends_with('.'))
            && ws[..ws.len() - 1].iter().all(|w| PARTICLES.contains(w))
    };
    // With semicolons between authors (`Hale, Rosemary; Orme, David`), commas part names.
    if !authors.contains(';') && names.len() >= 3 && names.iter().all(single) {
        return names.iter().map(|n| n.to_string()).collect();
    }
    for piece in pieces {
        let mut parts = piece.split(',').map(str::trim).filter(|p| !p.is_empty());
        let Some(first) = parts.next() else { continue };
        let words: Vec<&str> = first.split_whitespace().collect();
        if words.is_empty() {
            continue;
        }
        let rest: Vec<&str> = parts.collect();
        let given = |p: &&str| {
            let ws: Vec<&str> = p.split_whitespace().collect();
            !ws.is_empty() && ws.len() <= 3 && ws.iter().all(|w| is_given(w))
        };
        let capitals = words
            .iter()
            .filter(|w| w.starts_with(char::is_uppercase) && !w.ends_with('.'))
            .count();
        let institution = capitals >= 3
            || words.iter().any(|w| INSTITUTION_LINKS.contains(w))
            || words.last().is_some_and(|w| INSTITUTIONS.contains(w));
        if institution {
            out.push(first.to_string());
        } else if !single(&first) {
            // Natural order: `Simon Pirani, Jonathan Stern`.
            out.extend(natural_surname(first));
            for other in &rest {
                out.extend(natural_surname(other));
            }
        } else if rest.first().is_some_and(|p| is_initials(p)) {
            // APA: `Lindgren, A., Berg, P.`, surnames and initials in turn.
            out.push(words.join(" "));
            out.extend(
                rest.iter()
                    .filter(|p| !is_initials(p))
                    .map(|p| p.to_string()),
            );
        } else if rest.first().is_some_and(given) {
            // Inverted: `Ellison, Margaret`; the given names after it are not authors.
            out.push(words.join(" "));
            for other in rest.iter().skip(1) {
                out.extend(natural_surname(other));
            }
        } else {
            out.extend(natural_surname(first));
            for other in &rest {
                out.extend(natural_surname(other));
            }
        }
    }
    out
}

/// Initials only: `L.`, `R. J.`, `J.-P.`.
fn is_initials(p: &str) -> bool {
    p.split_whitespace()
        .all(|w| w.ends_with('.') && w.chars().filter(|c| c.is_alphabetic()).count() <= 2)
}

/// An initial (`L.`, `J.-P.`) or a given name, as follows an inverted surname.
fn is_given(word: &str) -> bool {
    let w = word.trim_end_matches('.');
    w.starts_with(char::is_uppercase)
        && w.chars()
            .all(|c| c.is_alphabetic() || matches!(c, '.' | '-' | '’' | '\''))
}

/// The surname of `Helga Brandvold` or `Keiko van der Berg`: the last name with the
/// particles before it.
fn natural_surname(name: &str) -> Option<String> {
    let words: Vec<&str> = name
        .split_whitespace()
        .filter(|w| !w.ends_with('.') || w.len() > 3)
        .collect();
    let last = words
        .iter()
        .rposition(|w| w.starts_with(char::is_uppercase))?;
    let mut start = last;
    while start > 0 && PARTICLES.contains(&words[start - 1]) {
        start -= 1;
    }
    Some(words[start..=last].join(" "))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn surnames_of_every_author_list() {
        assert_eq!(surnames_key("Helga Brandvold"), "brandvold");
        assert_eq!(surnames_key("Brandvold"), "brandvold");
        assert_eq!(surnames_key("Ellison, Margaret"), "ellison");
        assert_eq!(surnames_key("Joseph Mwangi and Ruth Holt"), "mwangi holt");
        assert_eq!(surnames_key("Mwangi and Holt"), "mwangi holt");
        assert_eq!(surnames_key("Mwangi, Joseph, and Ruth Holt"), "mwangi holt");
        assert_eq!(surnames_key("Chen, L., & Wu, M."), "chen wu");
        assert_eq!(surnames_key("Lindgren et al."), "lindgren et al");
        assert_eq!(
            surnames_key("Lindgren, A., Berg, P., & Sato, K."),
            "lindgren et al"
        );
        assert_eq!(surnames_key("Eich, Brendan; David Hyatt"), "eich hyatt");
        assert_eq!(surnames_key("van der Berg, Anna"), "van der berg");
        assert_eq!(surnames_key("Keiko van der Berg"), "van der berg");
        assert_eq!(
            surnames_key("International Monetary Fund"),
            "international monetary fund"
        );
        assert_eq!(surnames_key("Bank of England"), "bank of england");
        assert_eq!(surnames_key("Pellow, R."), "pellow");
        assert_eq!(surnames_key("World Bank"), "world bank");
        assert_eq!(surnames_key("Mozilla Foundation"), "mozilla foundation");
        assert_eq!(surnames_key("Pirani, Stern, and Yafimava"), "pirani et al");
        assert_eq!(
            surnames("Simon Pirani, Jonathan Stern, and Katja Yafimava"),
            ["Pirani", "Stern", "Yafimava"]
        );
        assert_eq!(
            surnames("Pirani, Simon, Jonathan Stern, and Katja Yafimava"),
            ["Pirani", "Stern", "Yafimava"]
        );
    }

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
        ] {
            assert!(!is_source_name(s), "{s}");
        }
    }
}
