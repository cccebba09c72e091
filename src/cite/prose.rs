//! Attributions a news report makes in the sentence rather than in parentheses:
//! `according to the Wall Street Journal`, `the Associated Press reported`, `a trader told
//! Bloomberg`. Only an outlet's name counts (a name ending in `Times`, `Press`, `News`…, an
//! agency's capitals, or a wire agency): people and places say and report things too.

use super::Cite;
use super::names::foreign_led;
use super::notes::NAME_LINKS;
use super::words::OUTLET_WORDS;
use crate::article::CitationKind;
use std::ops::Range;

/// News agencies and broadcasters whose names carry no word for what they are.
#[rustfmt::skip]
const AGENCIES: &[&str] = &[
    "Reuters", "Bloomberg", "Kyodo", "Xinhua", "Interfax", "Yonhap", "Anadolu", "Bernama",
    "Antara", "Jiji", "Ukrinform", "Prensa Latina", "Agerpres", "AP", "AFP", "TASS", "DPA",
    "PTI", "IANS", "ANSA", "EFE", "BBC", "CNN", "NHK", "NPR", "CBC", "Politico", "Axios",
];

/// Outlets known by one of those words alone, after "the" (`the Guardian reported`).
const ONE_WORD: &[&str] = &[
    "Guardian",
    "Economist",
    "Telegraph",
    "Observer",
    "Independent",
];

/// Verbs after an outlet's name that attribute what the sentence says to it.
const REPORTED: &[&str] = &["reported", "reports", "said", "says", "wrote", "writes"];

/// Every attribution in the sentence of `text`: where it is and the outlet's name.
pub(super) fn in_prose(text: &str) -> Vec<Cite> {
    let mut out = Vec::new();
    // Leads and verbs start words: one walk over the word starts finds them all, where
    // searching the text for each of them read every paragraph 36 times.
    let (mut leads, mut verbs) = (Vec::new(), Vec::new());
    let starts =
        std::iter::once(0).chain(memchr::memchr_iter(b' ', text.as_bytes()).map(|i| i + 1));
    for i in starts {
        let rest = &text[i..];
        // The first byte turns nearly every word down before a whole comparison.
        let Some(&first) = rest.as_bytes().first() else {
            continue;
        };
        let starting = |w: &&&str| w.as_bytes()[0] == first && rest.starts_with(**w);
        leads.extend(LEADS.iter().filter(starting).map(|l| (i, *l)));
        if i > 0 {
            verbs.extend(REPORTED.iter().filter(starting).map(|v| (i, *v)));
        }
    }
    for (i, lead) in leads {
        let from = i + lead.len();
        let article = article_len(&text[from..]);
        let at = from + article;
        if let Some(end) = outlet_after(text, at) {
            let declined = matches!(&text[from..at], "der " | "dem " | "des ");
            let name = &text[at..end];
            let name = if declined {
                undeclined(name)
            } else {
                name.to_string()
            };
            push(&mut out, text, at..end, &name);
        }
    }
    for (i, verb) in verbs {
        let after = i + verb.len();
        if text[after..]
            .chars()
            .next()
            .is_some_and(char::is_alphanumeric)
        {
            continue;
        }
        if let Some(start) = outlet_before(text, i - 1)
            .or_else(|| kind_named_before(text, i - 1))
            .or_else(|| super::reported::reporter_before(text, i - 1, verb, after))
        {
            push(&mut out, text, start..i - 1, &text[start..i - 1]);
        }
    }
    out.sort_by_key(|c| c.at.start);
    out
}

/// Words that attribute what follows to the outlet named after them, in English and in
/// the languages of the papers a report may cite or be written in (`volgens het Algemeen
/// Dagblad`, `laut der Süddeutschen Zeitung`, `segundo o Diário de Notícias`, `según El
/// País`, `selon Le Monde`), a verb of saying among them where the language puts the
/// outlet after it (`zei de Volkskrant`, `meldde het Nederlands Dagblad`).
#[rustfmt::skip]
const LEADS: &[&str] = &[
    "according to ", "According to ", "told ", "reported by ", "quoted by ",
    "volgens ", "Volgens ", "zei ", "meldde ", "schreef ", "zei tegen ", "aldus ",
    "laut ", "Laut ", "berichtete ", "meldete ", "schrieb ", "sagte ",
    "segundo ", "Segundo ", "noticiou ", "según ", "Según ", "informó ",
    "selon ", "Selon ", "d'après ", "D'après ", "d’après ", "D’après ",
];

/// A German outlet's name as its own title writes it, when the sentence declines it after
/// `der`, `dem` or `des`: `Süddeutschen Zeitung` is the `Süddeutsche Zeitung`.
fn undeclined(name: &str) -> String {
    let words: Vec<&str> = name.split(' ').collect();
    let last = words.len() - 1;
    words
        .iter()
        .enumerate()
        .map(|(i, w)| match w.strip_suffix("en") {
            Some(stem) if i < last && w.starts_with(char::is_uppercase) => format!("{stem}e"),
            _ => w.to_string(),
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// Adds the attribution at `at` of the outlet `name` unless its sentence also cites the
/// outlet in parentheses, which is then the citation.
fn push(out: &mut Vec<Cite>, text: &str, at: Range<usize>, name: &str) {
    let sentence_end = text[at.end..].find(". ").map_or(text.len(), |e| at.end + e);
    let sentence_start = text[..at.start].rfind(". ").map_or(0, |s| s + 2);
    let sentence = &text[sentence_start..sentence_end];
    if sentence.contains(&format!("({name}")) || sentence.contains(&format!("(The {name}")) {
        return;
    }
    out.push(Cite::new(
        CitationKind::Attribution,
        at.clone(),
        text,
        name,
        None,
        None,
    ));
}

/// The length of a determiner at the start of `s`, which is the sentence's, not the name's.
fn article_len(s: &str) -> usize {
    // Other languages' articles too, lower case, as a sentence writes them (`het Algemeen
    // Dagblad`, `o Diário de Notícias`); `de Volkskrant` is the paper's own title.
    ["the ", "The ", "het ", "der ", "dem ", "des ", "o ", "el "]
        .iter()
        .find(|t| s.starts_with(*t))
        .map_or(0, |t| t.len())
}

/// Whether `name` is an outlet's: a known agency, a paper's word at the end of a longer
/// name (`the Austin American-Statesman` too), or a television channel's capitals
/// (`CCTV`, `NTV`).
fn names_an_outlet(name: &str) -> bool {
    let last = name.rsplit([' ', '-']).next().unwrap_or("");
    let channel = (3..=6).contains(&name.len())
        && name.ends_with("TV")
        && name.bytes().all(|b| b.is_ascii_uppercase());
    AGENCIES.contains(&name)
        || ONE_WORD.contains(&name)
        || channel
        || name.contains([' ', '-']) && OUTLET_WORDS.contains(&last)
}

/// Where the outlet named from `at` ends: its capitalised words and the links between.
fn outlet_after(text: &str, at: usize) -> Option<usize> {
    let mut end = at;
    let mut last_capital = at;
    for w in text[at..].split(' ').take(6) {
        let bare = w.trim_end_matches([',', '.', ';', ':', '’', '\'', '"', '”']);
        if bare.starts_with(char::is_uppercase)
            && bare.chars().all(|c| c.is_alphanumeric() || c == '-')
        {
            last_capital = end + bare.len();
        } else if !NAME_LINKS.contains(&bare) || bare.len() != w.len() {
            break;
        }
        if bare.len() != w.len() {
            break;
        }
        end += w.len() + 1;
    }
    // After "according to" a name in another language's article is an outlet's (`El
    // Correo`); before "reported" it is as often a place's (`El Salvador reported`).
    let name = &text[at..last_capital];
    (names_an_outlet(name) || foreign_led(name)).then_some(last_capital)
}

/// Where the outlet named just before `end` starts, after a determiner or a sentence's
/// start: `the Financial Times reported`, `Kyodo reported`.
fn outlet_before(text: &str, end: usize) -> Option<usize> {
    let head = &text[..end];
    let mut start = end;
    for w in head.rsplit(' ').take(6) {
        let capital =
            w.starts_with(char::is_uppercase) && w.chars().all(|c| c.is_alphanumeric() || c == '-');
        if capital && !["The", "A", "An"].contains(&w) {
            start -= w.len() + usize::from(start != end);
        } else {
            break;
        }
        if start <= w.len() {
            break;
        }
    }
    let start = text[..end][start..]
        .find(|c: char| !c.is_whitespace())
        .map(|s| start + s)?;
    (start < end && names_an_outlet(&text[start..end]) && !of_people(&text[..start]))
        .then_some(start)
}

/// Words for an outlet's kind, which name what follows as one: `the magazine Caixin`.
const OUTLET_KINDS: &[&str] = &[
    "newspaper",
    "paper",
    "magazine",
    "daily",
    "weekly",
    "tabloid",
    "broadcaster",
    "channel",
    "agency",
    "website",
];

/// Where the outlet named just before `end` starts when a word for its kind and "the"
/// stand before its capitalised words: `the magazine Caixin said`, `the state
/// broadcaster NHK reported`.
fn kind_named_before(text: &str, end: usize) -> Option<usize> {
    let head = &text[..end];
    let mut start = end;
    let mut words = head.rsplit(' ');
    let mut n = 0;
    let kind = loop {
        let w = words.next()?;
        let capital =
            w.starts_with(char::is_uppercase) && w.chars().all(|c| c.is_alphanumeric() || c == '-');
        if !capital {
            break w;
        }
        n += 1;
        if n > 3 {
            return None;
        }
        start -= w.len() + usize::from(start != end);
    };
    let the = words.take(2).any(|w| matches!(w, "the" | "The"));
    (n > 0 && OUTLET_KINDS.contains(&kind) && the).then_some(start)
}

/// Prepositions that make an outlet's name part of the people who speak: `workers at the
/// Evening Press said`, `a spokesman for the Courier said`.
const PEOPLE_OF: &[&str] = &["at", "of", "for", "from", "with", "on", "in"];

/// Whether the text before an outlet's name ends with such a preposition, and its "the".
fn of_people(head: &str) -> bool {
    let head = head.trim_end();
    let head = ["the", "The"]
        .iter()
        .find_map(|t| head.strip_suffix(t))
        .filter(|h| h.is_empty() || h.ends_with(' '))
        .unwrap_or(head);
    let last = head.trim_end().rsplit(' ').next().unwrap_or("");
    PEOPLE_OF.contains(&last)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(text: &str) -> Vec<(String, String)> {
        in_prose(text)
            .into_iter()
            .map(|c| (text[c.at.clone()].to_string(), c.source))
            .collect()
    }

    /// `text` attributes one thing, to the outlet `name`.
    fn names_one(text: &str, name: &str) {
        let r = read(text);
        assert_eq!(r.len(), 1, "{text}: {r:?}");
        assert_eq!(r[0].1, name, "{text}");
    }

    fn names_none(text: &str) {
        assert!(read(text).is_empty(), "{text}: {:?}", read(text));
    }

    #[test]
    fn outlets_attributed_in_the_sentence() {
        let r =
            read("The mine will close in May, according to the Sunday Herald, and may not reopen.");
        assert_eq!(
            r,
            [("Sunday Herald".to_string(), "Sunday Herald".to_string())]
        );
        let r = read("Prices rose, the Irish Times reported on Friday.");
        assert_eq!(r[0].1, "Irish Times");
        let r = read("Print workers walked out, the Evening Press reported.");
        assert_eq!(r[0].1, "Evening Press");
        let r = read("At noon the Evening Press said the strike was over.");
        assert_eq!(r[0].1, "Evening Press");
        let r = read("\"It is over,\" a dealer told Reuters. Yonhap reported the same.");
        let names: Vec<&str> = r.iter().map(|c| c.1.as_str()).collect();
        assert_eq!(names, ["Reuters", "Yonhap"]);
        let r = read("The closure was first reported by the Leith Mercury, which named the yard.");
        assert_eq!(r[0].1, "Leith Mercury");
    }

    #[test]
    fn outlets_known_by_their_shape() {
        for (t, name) in [
            (
                "Talks failed, according to El Correo, at midnight.",
                "El Correo",
            ),
            (
                "The levy was proposed, according to the Austin American-Statesman.",
                "Austin American-Statesman",
            ),
            (
                "CCTV reported on Wednesday that two routes had closed.",
                "CCTV",
            ),
            (
                "The lenders were not told, the magazine Caixin said.",
                "Caixin",
            ),
            ("as the state broadcaster NHK reported", "NHK"),
        ] {
            names_one(t, name);
        }
        for t in [
            "El Salvador reported 40 cases of sickness.",
            "Hong Kong reported on Monday that arrivals fell.",
            "the minister Rahman said on Monday",
        ] {
            names_none(t);
        }
    }

    #[test]
    fn outlets_attributed_in_other_languages() {
        for (t, name) in [
            ("La huelga empieza el lunes, según El País.", "El País"),
            (
                "A greve continua, segundo o Diário de Notícias.",
                "Diário de Notícias",
            ),
            ("La grève commence lundi, selon Le Monde.", "Le Monde"),
            (
                "Laut der Frankfurter Allgemeinen Zeitung fehlt das Geld.",
                "Frankfurter Allgemeine Zeitung",
            ),
            (
                "De staking gaat door, zei de Volkskrant woensdag.",
                "de Volkskrant",
            ),
        ] {
            names_one(t, name);
        }
        for t in [
            "según el Gobierno, la huelga es ilegal",
            "selon le ministre, rien ne change",
            "volgens de werkgevers is dat onbetaalbaar",
            "laut der Polizei blieb es ruhig",
            "segundo o Governo, a greve acabou",
        ] {
            names_none(t);
        }
    }

    #[test]
    fn people_places_and_parenthesised_outlets_are_not_prose_attributions() {
        for t in [
            "according to Rahman, the port was full",
            "Malaysia's Port Klang reported its busiest quarter",
            "the minister told Parliament that",
            "Dana Whitcombe said the price would hold",
            "The Daily News reported that the yard would shut (Daily News, May 2).",
            "according to their association's chairman",
            "the Interior Ministry said on Tuesday",
            "according to the IMF, growth will slow",
            "the Press reported",
            // People at an outlet speak for themselves, not as its report.
            "Workers at the Evening Press said the presses would stop",
            "a spokeswoman for the Daily Courier said on Monday",
            "editors of the Sunday Herald say they were not told",
        ] {
            names_none(t);
        }
    }
}
