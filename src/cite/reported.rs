//! Outlets that report in the sentence with names no list holds: `De Telegraaf reported`,
//! known by the definite article of another language that opens a newspaper's title, and
//! `Nikkei Asia reported on Friday`, a name standing as the sentence's subject with the
//! day a news report gives. A party to the story reports too (`the Health Ministry
//! reported on Friday`, `Port Klang reported its busiest quarter`), so the name must be
//! neither a body's nor a place's shape.

use super::when::WEEKDAYS;
use super::words::{FOREIGN_ARTICLES, GOVERNMENTS, INSTITUTIONS};

/// First words of a place's name of two words (`South Korea`, `New Zealand`).
const PLACE_FIRST: &[&str] = &[
    "North",
    "South",
    "East",
    "West",
    "Northern",
    "Southern",
    "Eastern",
    "Western",
    "Central",
    "Southeast",
    "Northeast",
    "Southwest",
    "Northwest",
    "New",
    "Hong",
    "Sri",
    "Saudi",
    "Costa",
    "San",
    "Santa",
    "Puerto",
    "Port",
    "Mount",
    "Cape",
    "Lake",
    "St",
];

/// The start of the outlet that reports just before `end` (the space before the verb
/// `verb`, whose sentence goes on at `after`), when its name has one of those shapes.
pub(super) fn reporter_before(text: &str, end: usize, verb: &str, after: usize) -> Option<usize> {
    if !matches!(verb, "reported" | "reports") {
        return None;
    }
    let head = &text[..end];
    let words: Vec<&str> = head
        .rsplit(' ')
        .take(4)
        .take_while(|w| is_capitalised(w))
        .collect();
    let n = words.len();
    if n < 2 {
        return None;
    }
    let name_len: usize = words.iter().map(|w| w.len()).sum::<usize>() + n - 1;
    let start = end - name_len;
    // The name is the sentence's subject: it opens the sentence or follows a comma
    // (`Meanwhile, Nikkei Asia reported`), with no determiner of its own before it.
    let before = text[..start].trim_end();
    if !(before.is_empty() || before.ends_with(['.', ',', ';', ':', '!', '?', '“', '"'])) {
        return None;
    }
    let first = words[n - 1];
    let last = words[0];
    let rest = &text[after..];
    // A place counts what it reports (`El Salvador reported 40 cases`); a paper does not.
    let counts = rest.trim_start().starts_with(|c: char| c.is_ascii_digit());
    if FOREIGN_ARTICLES.contains(&first) {
        return (!counts).then_some(start);
    }
    let on_a_day = rest
        .strip_prefix(" on ")
        .is_some_and(|r| WEEKDAYS.iter().any(|d| r.starts_with(d)));
    let party = INSTITUTIONS.contains(&last)
        || GOVERNMENTS.contains(&first)
        || PLACE_FIRST.contains(&first)
        || first == "The";
    (on_a_day && !party).then_some(start)
}

/// A capitalised word of letters, digits and hyphens.
fn is_capitalised(w: &str) -> bool {
    w.starts_with(char::is_uppercase) && w.chars().all(|c| c.is_alphanumeric() || c == '-')
}

#[cfg(test)]
mod tests {
    fn read(text: &str) -> Vec<String> {
        super::super::prose::in_prose(text)
            .into_iter()
            .map(|c| c.source)
            .collect()
    }

    #[test]
    fn outlets_no_list_names_reporting_in_the_sentence() {
        assert_eq!(
            read("De Telegraaf reported on Monday that the port would close."),
            ["De Telegraaf"]
        );
        assert_eq!(
            read("Exports fell. Nikkei Asia reported on Friday that orders slowed."),
            ["Nikkei Asia"]
        );
        assert_eq!(
            read("Meanwhile, Le Monde reports that talks resumed."),
            ["Le Monde"]
        );
        for t in [
            "Workers at the Rotterdam Port said on Monday they would strike.",
            "The Health Ministry reported on Friday that cases rose.",
            "South Korea reported on Friday that exports fell.",
            "Officials at Port Klang reported on Friday a record month.",
            "Japan reported on Friday that exports fell.",
            "Maersk Line reported a loss.",
            "De Gaulle said on Monday that France would stay.",
        ] {
            assert!(read(t).is_empty(), "{t}: {:?}", read(t));
        }
    }
}
