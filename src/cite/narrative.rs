//! Narrative citations, where the authors are part of the sentence and only the year is
//! in parentheses: `Nakamura (2018) argues`, `Okafor and Reyes (2016)`, `Holt (2020: 5)`,
//! `see Ferreira (2019b, 17–19)`, `Chen et al. (2021)`, `Brandvold’s (1996) survey`.
//!
//! A name followed by a year is often not a citation at all — a film, an album, a treaty,
//! a country's figures for a year — so the words around it decide: a reporting verb after
//! it (`argues`), a citing word before it (`see`, `by`), a page or a second author are
//! evidence for; a determiner (`the Netherlands (2019)`), a work's kind (`the film Roma
//! (2018)`), a title's quotation mark or italics are evidence against.

use super::listed::Support;
use super::narrative_names::authors_before;
use super::paren::{matching_paren, split_parts, years_and_locator};
use super::words::{
    CITING, CONSTRUING, DONE_TO, INSTRUMENTS, NOT_AUTHORS, PLACE_VERBS, RECORDING, REPORTING,
};
use super::{Cite, cite};
use crate::article::{Citation, CitationKind, Mark, MarkKind, Place};

/// Every narrative citation in `text`; `marks` are the block's, to tell a title in italics.
/// With `by_notes` the article cites by notes, where a name and a year in the text need a
/// reporting verb, a citing lead-in or a citation's shape to be one (`after Anderton (1875)`
/// is a date).
pub(super) fn narrative(text: &str, place: Place, marks: &[Mark], by_notes: bool) -> Vec<Citation> {
    narrative_read(text, place, marks, by_notes)
        .into_iter()
        .filter(|(_, s)| *s != Support::Listed)
        .map(|(c, _)| c)
        .collect()
}

/// `narrative`'s citations, each with what makes it one; `narrative` keeps only the sure
/// and the bare, having no references to read.
pub(super) fn narrative_read(
    text: &str,
    place: Place,
    marks: &[Mark],
    by_notes: bool,
) -> Vec<(Citation, Support)> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    for (open, _) in text.match_indices('(') {
        // Most parentheses do not open on a year; look no further at those.
        if !bytes
            .get(open + 1)
            .is_some_and(|b| b.is_ascii_digit() || matches!(b, b'i' | b'f' | b'n' | b'u'))
        {
            continue;
        }
        let Some(close) = matching_paren(bytes, open) else {
            continue;
        };
        let parts = split_parts(text, open + 1..close);
        let first = &text[parts[0].clone()];
        let Some(y) = years_and_locator(first, false) else {
            continue;
        };
        if y.trailing {
            continue;
        }
        let Some(names) = authors_before(text, open) else {
            continue;
        };
        // Years after a semicolon continue the names: `Konishi (1965a; 1965b)`.
        let more: Vec<(std::ops::Range<usize>, &str)> = parts[1..]
            .iter()
            .map_while(|p| {
                let y = years_and_locator(&text[p.clone()], false)?;
                (y.years.len() == 1 && y.locator.is_none() && !y.trailing)
                    .then(|| (p.clone(), y.years[0].1))
            })
            .collect();
        let rest = past_emphatic(&text[close + 1..]);
        let after = next_word(rest);
        // A body publishes and counts as an author does: `the Board of Trade (1894)
        // collected returns`, where a person's name needs no verb to be cited.
        let cue = REPORTING.contains(&after)
            || construes(rest)
            || admits(rest)
            || names.institution && RECORDING.contains(&after) && !issues_a_thing(rest);
        let strong = y.years.len() > 1
            || y.locator.is_some()
            || y.years[0].1.len() != 4
            || names.several
            || names.possessive
            || CITING.contains(&names.before) && !names.ends_a_name;
        let doubtful = names.capitalised_before || names.all_capitals;
        // "that" also opens a clause (`a finding that Baptista and Petrinovich (1984: 173)
        // took`): with two authors or a page it does not make a thing of the names.
        let clause =
            names.before == "that" && (names.several || y.locator.is_some() || names.possessive);
        // A page, a body's possessive or what it says makes a work of `the Society of Arts
        // (1853: 41)`, `the Board of Education's (1908)` and `the advice of the London
        // Assembly (2013)`: a thing named after "the" has none of them.
        let body_cited = matches!(names.before, "the" | "The")
            && (y.locator.is_some() || names.institution && (names.possessive || names.said_by));
        // A name after "the", or after capitals, with nothing of an author's about it is a
        // work only when the article's references list it at that year (`The Deutscher
        // Fußball-Bund (2021) counted`, `UEFA (2020) published`).
        let mut listed_only = false;
        if NOT_AUTHORS.contains(&names.before)
            && !cue
            && !CITING.contains(&names.before)
            && !clause
            && !body_cited
        {
            if !matches!(names.before, "the" | "The") {
                continue;
            }
            listed_only = true;
        }
        // A name something is done to (`Welwyn (1920) is treated by both`) is a place or a
        // thing, unless the citation's own shape says otherwise.
        let shaped = y.years.len() > 1
            || y.locator.is_some()
            || y.years[0].1.len() != 4
            || names.several
            || names.possessive;
        if (acted_on(rest) || done_by_a_thing(rest) && !cue) && !shaped {
            continue;
        }
        let led = matches!(
            names.before,
            "see" | "See" | "cf." | "Cf." | "e.g." | "e.g.," | "According" | "according"
        );
        if by_notes && !cue && !shaped && !led {
            continue;
        }
        if italic(marks, names.start..open) {
            continue;
        }
        // Capitals alone are an abbreviation's (`the CCP (1921)`) unless a page or a
        // possessive follows (`FEMA's (2021) guidance`).
        listed_only |= doubtful && !cue && !strong
            || doubtful && !cue && names.all_capitals && y.locator.is_none() && !names.possessive;
        if done_by_a_place(rest) && !shaped && !cue {
            continue;
        }
        // A one-word name cited after capitalised words is cited with them: `Public
        // Health England (2019) reported`, `the National Archives' (2018) catalogue`.
        let names_start = if doubtful && !names.ends_a_name {
            names.run_start
        } else {
            names.start
        };
        let source = &text[names_start..names.end];
        let support = if listed_only {
            Support::Listed
        } else if !cue && !shaped && !led && !clause && !body_cited {
            Support::Bare
        } else {
            Support::Sure
        };
        let n = y.years.len();
        let only = parts.len() == 1 + more.len();
        let mut digits = "";
        for (k, (r, year)) in y.years.iter().enumerate() {
            let start = if k == 0 {
                names_start
            } else {
                parts[0].start + r.start
            };
            let end = match (k + 1 == n, only && more.is_empty()) {
                (true, true) => close + 1,
                (true, false) => parts[0].end,
                _ => parts[0].start + r.end,
            };
            let date = if year.len() == 1 {
                format!("{digits}{year}")
            } else {
                digits = year.get(..4).unwrap_or(year);
                year.to_string()
            };
            let mut c = Cite::new(
                CitationKind::AuthorYear,
                start..end,
                text,
                source,
                None,
                if k + 1 == n { y.locator } else { None },
            );
            c.date = Some(date);
            out.push((cite(c, place, start..end), support));
        }
        for (k, (r, year)) in more.iter().enumerate() {
            let end = if k + 1 == more.len() && only {
                close + 1
            } else {
                r.end
            };
            let mut c = Cite::new(
                CitationKind::AuthorYear,
                r.start..end,
                text,
                source,
                None,
                None,
            );
            c.date = Some(year.to_string());
            out.push((cite(c, place, r.start..end), support));
        }
    }
    out
}

/// Whether the words after a parenthesis make what stands before it the object of a passive
/// with its agent: `is treated by`, `was built by`.
fn acted_on(after: &str) -> bool {
    let mut words = after.split_whitespace();
    let be = words.next().unwrap_or("");
    let done = words.next().unwrap_or("");
    let by = words.next().unwrap_or("");
    matches!(be, "is" | "was" | "are" | "were")
        && (done.len() > 4 && done.ends_with("ed") || DONE_TO.contains(&done))
        && by == "by"
}

/// Whether the words after a parenthesis read what stands before it as something: `saw
/// the almshouse as`, `regards it as`.
fn construes(after: &str) -> bool {
    let mut words = after.split_whitespace();
    CONSTRUING.contains(&words.next().unwrap_or("")) && words.take(6).any(|w| w == "as")
}

/// Whether what stands before a parenthesis does something to what is its own, with a verb
/// no author's work does (`Lisbon (1755) rebuilt its almshouses`): a place or a body.
fn done_by_a_thing(after: &str) -> bool {
    let mut words = after.split_whitespace();
    let verb = words.next().unwrap_or("");
    verb.starts_with(char::is_lowercase)
        && !REPORTING.contains(&verb)
        && words.next().is_some_and(|w| w == "its")
}

/// Whether a body's verb after a parenthesis issues or prints a thing that is no writing
/// (`the Bank of England (1694) issued notes`): money, shares or papers of right, which a
/// body does from its founding year rather than in a work of that year.
fn issues_a_thing(after: &str) -> bool {
    let mut words = after.split_whitespace();
    let verb = words.next().unwrap_or("");
    let issues = [
        "issue",
        "issues",
        "issued",
        "print",
        "prints",
        "printed",
        "circulated",
    ];
    let object = words
        .next()
        .map(|w| w.trim_end_matches([',', '.', ';', ':']))
        .unwrap_or("");
    issues.contains(&verb) && INSTRUMENTS.contains(&object)
}

/// Verbs a place or an event does, which no author's work does: `Paris (1900) hosted`.
fn done_by_a_place(after: &str) -> bool {
    let verb = next_word(after);
    PLACE_VERBS.contains(&verb)
}

/// What follows a parenthesis past an emphatic pronoun or an auxiliary before an author's
/// verb: `the Society (1999) itself conceded` is the Society conceding, `Fenwick (2016)
/// had predicted` Fenwick predicting.
fn past_emphatic(after: &str) -> &str {
    let s = after.trim_start_matches([',', ' ']);
    match s.split_once(' ') {
        Some(("itself" | "themselves" | "himself" | "herself", rest)) => rest,
        Some(("had" | "has" | "have", rest)) if REPORTING.contains(&next_word(rest)) => rest,
        _ => after,
    }
}

/// Whether the words after a parenthesis admit something as a speaker does, with a clause
/// or nothing after the verb (`admitted that`, `admitted, the`): `admitted women` is a
/// body letting people in.
fn admits(after: &str) -> bool {
    let s = after.trim_start_matches([',', ' ']);
    let Some(rest) = ["admits", "admitted", "admit"]
        .iter()
        .find_map(|v| s.strip_prefix(v))
    else {
        return false;
    };
    rest.is_empty() || rest.starts_with([',', '.', ';', ':']) || rest.starts_with(" that ")
}

fn next_word(s: &str) -> &str {
    let s = s.trim_start_matches([',', ' ']);
    s.split(|c: char| !c.is_alphabetic()).next().unwrap_or("")
}

/// Whether an emphasis mark covers the names: a title in italics.
fn italic(marks: &[Mark], names: std::ops::Range<usize>) -> bool {
    marks.iter().any(|m| {
        m.kind == MarkKind::Emphasis && m.range.start < names.end && names.start < m.range.end
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(text: &str) -> Vec<(String, String, Option<String>)> {
        found_in(text, false)
    }

    /// Each text is one citation of `source`.
    fn assert_cited(cases: &[(&str, &str)]) {
        for &(t, source) in cases {
            let f = found(t);
            assert_eq!(f.len(), 1, "{t}: {f:?}");
            assert_eq!(f[0].1, source, "{t}");
        }
    }

    /// No text is a citation.
    fn assert_not_cited(cases: &[&str]) {
        for t in cases {
            assert!(found(t).is_empty(), "{t}: {:?}", found(t));
        }
    }

    fn found_in(text: &str, by_notes: bool) -> Vec<(String, String, Option<String>)> {
        narrative(text, Place::Body { block: 0 }, &[], by_notes)
            .into_iter()
            .map(|c| (text[c.range.clone()].to_string(), c.source, c.locator))
            .collect()
    }

    #[test]
    fn narrative_shapes() {
        let one = |t: &str| {
            let f = found(t);
            assert_eq!(f.len(), 1, "{t}: {f:?}");
            f.into_iter().next().unwrap()
        };
        assert_eq!(one("as Nakamura (2018) argues").1, "Nakamura");
        assert_eq!(one("Okafor and Reyes (2016) found").1, "Okafor and Reyes");
        assert_eq!(
            one("In Holt (2020: 5), the"),
            ("Holt (2020: 5)".into(), "Holt".into(), Some("5".into()))
        );
        assert_eq!(
            one("see Ferreira (2019b, 17–19).").2.as_deref(),
            Some("17–19")
        );
        assert_eq!(one("Chen et al. (2021) report").1, "Chen et al.");
        assert_eq!(
            one("in Sweden, and Chen et al. (2021) report").1,
            "Chen et al."
        );
        assert_eq!(one("Van der Berg (2009) makes").1, "Van der Berg");
        assert_eq!(
            one("Boeckle and colleagues (2020) found").1,
            "Boeckle and colleagues"
        );
        assert_eq!(one("Brandvold’s (1996) survey").1, "Brandvold");
        assert_eq!(one("van der Berg (2009) shows").1, "van der Berg");
        assert_eq!(
            one("Smith, Jones and Lee (2019) show").1,
            "Smith, Jones and Lee"
        );
        assert_eq!(one("the OECD (2020) estimates that").1, "OECD");
        assert_eq!(found("Chen (2019a, 2019b) shows").len(), 2);
        // Years after a semicolon continue the names as years after a comma do.
        let k = found("Konishi (1965a; 1965b) deafened young birds");
        assert_eq!(k.len(), 2, "{k:?}");
        assert_eq!((k[1].0.as_str(), k[1].1.as_str()), ("1965b)", "Konishi"));
        assert_eq!(
            k[0].0, "Konishi (1965a",
            "the first must not cover the second"
        );
        // A reprint cites its first year and the edition's.
        assert_eq!(one("Creese (1966/1992) remains").0, "Creese (1966/1992)");
        // "that" introducing a clause, with two authors and a page.
        assert_eq!(
            one("a finding that Baptista and Petrinovich (1984: 173) took").1,
            "Baptista and Petrinovich"
        );
    }

    #[test]
    fn an_article_that_cites_by_notes_needs_more_than_a_name_and_year() {
        let t = "the second such lift in Britain after Anderton (1875).";
        assert_eq!(found_in(t, false).len(), 1);
        assert!(found_in(t, true).is_empty());
        for t in [
            "as Nakamura (2018) argues",
            "see Holt (2020)",
            "Okafor and Reyes (2016) were",
            "Holt (2020: 5)",
        ] {
            assert_eq!(found_in(t, true).len(), 1, "{t}");
        }
    }

    #[test]
    fn a_name_acted_on_is_a_thing() {
        assert_not_cited(&[
            "and Welwyn (1920) is treated by both as the second",
            "Letchworth (1903) was built by a company",
            "Harlow (1947) was designed by Gibberd",
        ]);
        assert_eq!(found("Hatherley (2016) is scathing").len(), 1);
        // A thing acting on its own.
        assert_not_cited(&[
            "and Lisbon (1755) rebuilt its almshouses",
            "The Royal Commission on the Aged Poor (1895) heard complaints",
        ]);
    }

    #[test]
    fn institutions_and_construing_verbs() {
        let f = found("as the Almshouse Association (2022) reminds us");
        assert_eq!(f.len(), 1, "{f:?}");
        assert_eq!(f[0].1, "Almshouse Association");
        assert_eq!(
            found("the charities that Owen (1964) saw as the age's form")[0].1,
            "Owen"
        );
        assert!(found("the charities that Owen (1964) saw first").is_empty());
    }

    #[test]
    fn institutions_named_with_of_after_the_or_in_capitals() {
        for (t, covers, source) in [
            (
                "As the Society of Arts (1853: 41) itself complained",
                "Society of Arts (1853: 41)",
                "Society of Arts",
            ),
            (
                "and the Board of Education's (1908) report on evening schools",
                "Board of Education's (1908)",
                "Board of Education",
            ),
            (
                "As the Danish Dairy Board (1934: 17) itself boasted",
                "Danish Dairy Board (1934: 17)",
                "Danish Dairy Board",
            ),
            (
                "the estimates of NBU (2023, p. 11) for forage",
                "NBU (2023, p. 11)",
                "NBU",
            ),
        ] {
            let f = found(t);
            assert_eq!(f.len(), 1, "{t}: {f:?}");
            assert_eq!((f[0].0.as_str(), f[0].1.as_str()), (covers, source), "{t}");
        }
        // With no page and no possessive, "the" still makes a thing of the name.
        assert_not_cited(&[
            "the Bank of England (1694) was founded",
            "on the Isle of Arran (1850) the keepers",
            "the Society of Arts (1754) met in a coffee house",
            "the NLB (1786) first lit",
            "after the Bay of Pigs (1961) the",
        ]);
    }

    #[test]
    fn a_body_that_publishes_or_gathers_is_an_author_after_the() {
        assert_cited(&[
            (
                "and the Council of Bakers (1921) compiled a list of ovens",
                "Council of Bakers",
            ),
            (
                "The Shipwrights' Company (2004) issued its own count",
                "Shipwrights' Company",
            ),
            (
                "as the Drapers’ Society (1976) itself admitted, the",
                "Drapers’ Society",
            ),
            (
                "the Board of Trade (1894) collected returns",
                "Board of Trade",
            ),
            (
                "The Stationers' Company (1999) published a register",
                "Stationers' Company",
            ),
        ]);
        // A body that does what bodies do, not what authors do, is still a thing.
        assert_not_cited(&[
            "The Weavers' Institute (1830) opened its doors",
            "the Board of Health (1848) met weekly",
            "as the Guild of Masons (1750) itself moved house",
            "the Society of Friends (1869) admitted women",
            "the Harbour Trust (1901) itself rebuilt its quay",
        ]);
    }

    #[test]
    fn a_body_whose_advice_or_report_is_cited_after_the() {
        assert_cited(&[
            (
                "councils that took the advice of the Greater Fenwick Assembly (2011) on",
                "Greater Fenwick Assembly",
            ),
            (
                "close to the estimates of the Inland Fisheries Board (2018), which",
                "Inland Fisheries Board",
            ),
        ]);
        // What is not a body's saying leaves the name a thing.
        assert_not_cited(&[
            "the fall of the Bank of Corvale (1931) ruined",
            "a member of the Royal Society (1663) at thirty",
        ]);
    }

    #[test]
    fn a_body_on_a_subject_or_named_by_its_kind_is_the_author() {
        assert_cited(&[
            (
                "the Intergovernmental Panel on Sea Ice (2019) argues that",
                "Intergovernmental Panel on Sea Ice",
            ),
            (
                "as the Council on Northern Fisheries (2004) concluded,",
                "Council on Northern Fisheries",
            ),
            (
                "the Harrow Relief Army (1932) described the",
                "Harrow Relief Army",
            ),
            (
                "the Westmark Mission (2011) reported that",
                "Westmark Mission",
            ),
        ]);
        // A subject's words with no body before them are no author.
        assert_not_cited(&[
            "the Battle on Carrow Heath (1644) ended",
            "the Red Army (1945) entered the town",
        ]);
    }

    #[test]
    fn a_city_or_county_as_author() {
        let f = found("The City of Harwick (2014) found that stalls");
        assert_eq!(f.len(), 1, "{f:?}");
        assert_eq!(f[0].1, "City of Harwick");
        let f = found("as the County of Brenmoor (2009) recommended");
        assert_eq!(f.len(), 1, "{f:?}");
        assert_eq!(f[0].1, "County of Brenmoor");
        assert!(found("the City of Harwick (1666) burned").is_empty());
    }

    #[test]
    fn a_possessive_after_that_is_a_work() {
        let f = found("a picture that Okoro's (2017) account of the port confirms");
        assert_eq!(f.len(), 1, "{f:?}");
        assert_eq!(f[0].1, "Okoro");
        assert!(found("a picture that Okoro (2017) first").is_empty());
    }

    #[test]
    fn a_capitalised_citing_word_inside_a_title_cites_nothing() {
        assert_not_cited(&[
            "the documentary Lights Over Harwick (2004) made",
            "the memoir Years After Rome (1988) tells",
            "the novel Life Among Strangers (1990), which",
            "the poster Bread Without Borders (1951) shows a queue",
        ]);
        // Starting a sentence, the same words still lead a citation in.
        assert_eq!(found("It rained. After Holt (2020) the view").len(), 1);
        assert_eq!(found("Following Ngata (2014), we read").len(), 1);
    }

    #[test]
    fn names_with_years_that_are_not_citations() {
        for t in [
            "the Cultural Revolution (1966–76)",
            "the film Roma (2018) won",
            "in the Netherlands (2019) rose",
            "the Kyoto Protocol (1997)",
            "landing in May (1969)",
            "Apollo 11 (1969)",
            "*Roma* (2018)",
            "“Harbour” (2019)",
            "the CCP (1921)",
            "born in Lagos, Okafor (2019) says",
            "New Caledonia (2018) saw the first",
            "the essay ‘Notes on Art' (1853) was",
            "a company building one at Letchworth (1903).",
        ] {
            let f = found(t);
            assert!(f.is_empty() || t.starts_with("born"), "{t}: {f:?}");
        }
        assert_eq!(found("born in Lagos, Okafor (2019) says")[0].1, "Okafor");
    }
}
