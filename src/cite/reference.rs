//! Bibliographic references in a note, in the shape `Author, “Title,” Container, …, year,
//! pages` (`Helga Brandvold, “Owners, Stewards and Strangers,” Review of Northern
//! Resource Economics, Vol. 9, 1996, Issue 4, pp. 311-338`), read with the one pattern
//! the citation finder still compiles, and only for articles with notes.

use super::new_citation;
use crate::article::{Citation, CitationKind, Place};
use crate::pattern::{Groups, Pattern};
use std::sync::LazyLock;

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
        let mut cit = new_citation(
            CitationKind::Reference,
            &text[start..whole.end()],
            author,
            place,
            start..whole.end(),
        );
        cit.date = Some(c["year"].to_string());
        cit.locator = c.name("pages").map(|m| m.as_str().to_string());
        cit.title = Some(c["title"].trim_end_matches([',', '.']).to_string());
        out.push(cit);
    }
    out
}

/// Most characters in the parts of a reference.
const REF_TITLE_MAX: usize = 400;
const REF_CONTAINER_MAX: usize = 160;
const REF_MID_MAX: usize = 120;

/// Whether a `REFERENCE` match keeps within the limits of a real reference, and within one
/// of a note's `;`-separated citations: after `Solheim, “Ice Houses,” 120; and` the book
/// that follows is no journal of Solheim's.
fn reference_fits(c: &Groups) -> bool {
    let chars = |name| c.name(name).map_or(0, |m| m.as_str().chars().count());
    let crosses = |name| c.name(name).is_some_and(|m| m.as_str().contains(';'));
    chars("title") <= REF_TITLE_MAX
        && chars("container") <= REF_CONTAINER_MAX
        && chars("mid") <= REF_MID_MAX
        && !crosses("container")
        && !crosses("mid")
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

    #[test]
    fn a_reference_does_not_reach_across_a_semicolon() {
        // A short note's page is no journal: the book after the semicolon is its own.
        let note = "See Solheim, “Ice Houses,” 120; and Peter Langford, The Cold Chain (London: Harbour Books, 2011), 66.";
        let r = references(note, Place::Note { note: 0, block: 0 });
        assert!(
            r.iter().all(|c| !note[c.range.clone()].contains(';')),
            "{r:?}"
        );
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
