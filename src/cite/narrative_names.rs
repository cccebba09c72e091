//! The authors a narrative citation names before its parenthesis (`Okafor and Reyes
//! (2016)`, `Chen et al. (2021)`, `Brandvold’s (1996)`, `the Almshouse Association
//! (2022)`), read backwards word by word, and what stands just before them.

use super::names::{PARTICLES, is_event, is_not_source, is_time_word};
use super::words::{
    CITING, GAELIC, GOVERNMENTS, INSTITUTION_LINKS, INSTITUTIONS, NOT_AUTHORS, SAYINGS, TITLE_LINKS,
};

/// The authors named just before a parenthesis.
pub(super) struct Names<'a> {
    pub(super) start: usize,
    pub(super) end: usize,
    /// The word before the names.
    pub(super) before: &'a str,
    pub(super) several: bool,
    pub(super) possessive: bool,
    /// A capitalised word that is not a citing word stands before the names: a given
    /// name, or the name is one word of a longer proper noun.
    pub(super) capitalised_before: bool,
    pub(super) all_capitals: bool,
    /// The names are an institution's (`the Board of Education`).
    pub(super) institution: bool,
    /// The names end a longer one after "of" (`Bay of Pigs`): that "of" cites nothing.
    pub(super) ends_a_name: bool,
    /// What a body says stands before its name: `the advice of the London Assembly`.
    pub(super) said_by: bool,
    /// Where the run of capitalised words that ends with a one-word name starts
    /// (`Public Health England`, `Victoria County History`): the source's whole name
    /// when a verb cites it.
    pub(super) run_start: usize,
}

/// `Okafor and Reyes`, `Chen et al.`, `Smith, Jones and Lee`, `van der Berg`,
/// `Brandvold’s` ending (with one space) at `open`.
pub(super) fn authors_before(text: &str, open: usize) -> Option<Names<'_>> {
    // Authors are a few words: never read more than this far back.
    let from = floor_boundary(text, open.saturating_sub(160));
    let head = &text[from..open];
    let head = head.strip_suffix(' ').unwrap_or(head);
    let mut end = from + head.len();
    let mut words = Words {
        text,
        from,
        at: end,
    };
    let mut possessive = false;
    let mut last = words.prev()?;
    for s in ["’s", "'s"] {
        if let Some(w) = last.1.strip_suffix(s) {
            possessive = true;
            end -= s.len();
            last = (last.0, w);
        }
    }
    // A plural's possessive, `the National Archives' (2018)`.
    for s in ["s’", "s'"] {
        if !possessive && let Some(w) = last.1.strip_suffix(s) {
            possessive = true;
            end -= s.len() - 1;
            last = (last.0, &last.1[..w.len() + 1]);
        }
    }
    let mut et_al = false;
    // `Boeckle and colleagues (2020)` is `Boeckle et al.`
    if matches!(
        last.1,
        "colleagues" | "co-workers" | "coworkers" | "co-authors" | "coauthors"
    ) {
        if words.prev()?.1 != "and" {
            return None;
        }
        et_al = true;
        last = words.prev()?;
    } else if matches!(last.1, "al." | "al") {
        let et = words.prev()?;
        if et.1 != "et" {
            return None;
        }
        et_al = true;
        last = words.prev()?;
        if possessive {
            return None;
        }
    }
    if !et_al && last.1.ends_with(['.', ',', ';', ':']) {
        return None;
    }
    let mut start = surname(&mut words, last)?;
    let mut count = 1;
    let mut had_and = false;
    loop {
        let save = words.at;
        let Some(joiner) = words.prev() else { break };
        let and = matches!(joiner.1, "and" | "&");
        let comma = joiner.1.ends_with(',') && count > 1 && had_and;
        if and && !had_and && !et_al {
            let Some(w) = words.prev() else { break };
            // `Smith, Jones, and Lee`: a comma before "and" only ends the second of
            // three or more names, never the first of two (`in Sweden, and Chen`).
            let w = match w.1.strip_suffix(',') {
                Some(bare) => {
                    let save_w = words.at;
                    let listed = words
                        .prev()
                        .is_some_and(|p| p.1.ends_with(',') && surname_like(p.1));
                    words.at = save_w;
                    if !listed {
                        words.at = save;
                        break;
                    }
                    (w.0, bare)
                }
                None => w,
            };
            match surname(&mut words, w) {
                Some(s) => {
                    start = s;
                    count += 1;
                    had_and = true;
                    continue;
                }
                None => {
                    words.at = save;
                    break;
                }
            }
        }
        if comma {
            let bare = (joiner.0, joiner.1.trim_end_matches(','));
            match surname(&mut words, bare) {
                Some(s) if count < 6 => {
                    start = s;
                    count += 1;
                    continue;
                }
                _ => {
                    words.at = save;
                    break;
                }
            }
        }
        words.at = save;
        break;
    }
    // An institution's name is all its capitalised words: `the Almshouse Association`,
    // and `the Society of Arts`, whose last words say what the body is of.
    let mut institution = false;
    if count == 1 && !et_al {
        let head = if INSTITUTIONS.contains(&text[start..end].trim_end()) {
            Some(start)
        } else {
            body_of(&mut words)
        };
        if let Some(head) = head {
            start = institution_start(&mut words, head);
            institution = true;
        }
    }
    let mut run_start = start;
    if count == 1 && !et_al && !institution {
        let save = words.at;
        run_start = institution_start(&mut words, start);
        words.at = save;
    }
    let before = words.prev().map_or("", |w| w.1);
    // A word that is no source's (`In`, `But`) only starts a sentence: inside one
    // (`the Aged Poor`) it is part of a longer name.
    let earlier = words.prev().map(|w| w.1);
    let starts_sentence = earlier.is_none_or(|w| w.ends_with(['.', '?', '!', ':']));
    // A citing word or a preposition in capitals inside a sentence is a word of a title in
    // title case (`the documentary Years After Rome (1988)`), whose last word is no author.
    if !starts_sentence
        && before.starts_with(char::is_uppercase)
        && (CITING.contains(&before) || TITLE_LINKS.contains(&before))
    {
        return None;
    }
    let said_by = matches!(before, "the" | "The")
        && earlier == Some("of")
        && words.prev().is_some_and(|w| SAYINGS.contains(&w.1));
    let source = &text[start..end];
    // `the Bay of Pigs (1961)`: after "of" and a capital the name ends a longer one.
    let of_a_name = before == "of"
        && earlier.is_some_and(|w| {
            w.starts_with(char::is_uppercase) && !w.ends_with(['.', ':', ';', ','])
        });
    let capitalised_before = of_a_name
        || before.starts_with(char::is_uppercase)
            && !CITING.contains(&before)
            && !NOT_AUTHORS.contains(&before)
            && !before.ends_with(['.', ':', ';', ','])
            && (!starts_sentence || !is_not_source(before.trim_end_matches(['.', ','])));
    let all_capitals = source
        .split_whitespace()
        .filter(|w| !matches!(*w, "and" | "&" | "et" | "al."))
        .all(|w| !w.chars().any(char::is_lowercase));
    let first = text[start..]
        .split(|c: char| !c.is_alphanumeric())
        .next()
        .unwrap_or("");
    if is_not_source(first) {
        return None;
    }
    let before_char = text[..start].chars().next_back();
    if before_char.is_some_and(|c| matches!(c, '*' | '_' | '”' | '"' | '“' | '‘' | '’' | '/'))
    {
        return None;
    }
    Some(Names {
        start,
        end,
        before,
        several: count > 1 || et_al,
        possessive,
        capitalised_before,
        all_capitals,
        institution,
        ends_a_name: of_a_name,
        said_by,
        run_start,
    })
}

/// Where the word naming a body starts when `of`, `for` or `on` and that word come just
/// before the current position, with up to two more words of the subject between
/// (`Society` of `Society of Arts`, `Panel` of `Panel on Sea Ice`); else the position is
/// kept.
fn body_of(words: &mut Words) -> Option<usize> {
    let save = words.at;
    let subject = |w: &str| w.starts_with(char::is_uppercase) && w.chars().all(char::is_alphabetic);
    let mut link = words.prev();
    for _ in 0..2 {
        match link {
            Some((_, w)) if subject(w) && !INSTITUTIONS.contains(&w) => link = words.prev(),
            _ => break,
        }
    }
    let link = link.filter(|(_, w)| *w != "the" && INSTITUTION_LINKS.contains(w));
    let body = link
        .and_then(|_| words.prev())
        .filter(|(_, w)| INSTITUTIONS.contains(w) || GOVERNMENTS.contains(w));
    if body.is_none() {
        words.at = save;
    }
    body.map(|(at, _)| at)
}

/// Where the capitalised words (and the links between them) of an institution's name
/// ending at `start` begin: `Office for National Statistics`.
fn institution_start(words: &mut Words, mut start: usize) -> usize {
    let capital = |w: &str| {
        w.starts_with(char::is_uppercase)
            && w.chars().all(|c| c.is_alphabetic() || "'’-".contains(c))
    };
    // A name is a few words: at most six more.
    for _ in 0..6 {
        let save = words.at;
        match words.prev() {
            Some((at, w)) if capital(w) && !CITING.contains(&w) && !is_not_source(w) => start = at,
            Some((_, w)) if INSTITUTION_LINKS.contains(&w) => match words.prev() {
                Some((at, w)) if capital(w) && !is_not_source(w) => start = at,
                _ => {
                    words.at = save;
                    break;
                }
            },
            _ => {
                words.at = save;
                break;
            }
        }
    }
    start
}

/// Reads a surname ending with `word` (and the particles before it); its start.
fn surname(words: &mut Words, word: (usize, &str)) -> Option<usize> {
    let (at, w) = word;
    let mut chars = w.chars();
    let first = chars.next()?;
    // A quotation mark closing a title (`Art'`) is no possessive (`Jones'`).
    let closes_quote = w
        .strip_suffix(['\'', '’'])
        .is_some_and(|before| !before.ends_with('s'));
    let ok = first.is_uppercase()
        && !closes_quote
        && w.chars().count() >= 2
        && chars.all(|c| c.is_alphabetic() || matches!(c, '\'' | '’' | '-'))
        && !is_not_source(w)
        && !is_time_word(w)
        && !is_event(w);
    if !ok {
        return None;
    }
    let mut start = at;
    for _ in 0..2 {
        let save = words.at;
        match words.prev() {
            // `van der Berg`, `Van der Berg` starting a sentence, and Irish `Ó Laoire`.
            Some((p, particle))
                if PARTICLES.contains(&particle)
                    || PARTICLES.contains(&particle.to_lowercase().as_str())
                    || GAELIC.contains(&particle) =>
            {
                start = p
            }
            _ => {
                words.at = save;
                break;
            }
        }
    }
    Some(start)
}

/// A capitalised word that could be a surname, with a comma after it.
fn surname_like(word: &str) -> bool {
    let w = word.trim_end_matches(',');
    w.starts_with(char::is_uppercase) && w.chars().all(|c| c.is_alphabetic() || "'’-".contains(c))
}

/// Words read backwards from `at`, split at white space.
struct Words<'a> {
    text: &'a str,
    from: usize,
    at: usize,
}

impl<'a> Words<'a> {
    /// The word before the current position, with its start.
    fn prev(&mut self) -> Option<(usize, &'a str)> {
        let head = &self.text[self.from..self.at];
        let trimmed = head.trim_end();
        if trimmed.is_empty() {
            return None;
        }
        let start = trimmed.rfind(char::is_whitespace).map_or(0, |i| {
            i + trimmed[i..].chars().next().map_or(1, char::len_utf8)
        });
        // The word must end where it was asked for, past at most one space.
        if head.len() - trimmed.len() > 1 || trimmed[start..].contains('\n') {
            return None;
        }
        self.at = self.from + start;
        Some((self.from + start, &trimmed[start..]))
    }
}

fn floor_boundary(text: &str, mut at: usize) -> usize {
    while !text.is_char_boundary(at) {
        at += 1;
    }
    at
}

#[cfg(test)]
mod tests {
    use crate::article::Place;

    fn sources(text: &str) -> Vec<String> {
        super::super::narrative::narrative(text, Place::Body { block: 0 }, &[], false)
            .into_iter()
            .map(|c| c.source)
            .collect()
    }

    #[test]
    fn a_body_named_in_capitals_without_the_is_cited_whole() {
        for (text, source) in [
            (
                "Public Health England (2019) reported a rise.",
                "Public Health England",
            ),
            (
                "Victoria County History (1956) describes it.",
                "Victoria County History",
            ),
            ("FEMA's (2021) guidance was withdrawn.", "FEMA"),
            (
                "and the National Archives' (2018) catalogue lists",
                "National Archives",
            ),
            (
                "Society of Authors (2022) surveyed members.",
                "Society of Authors",
            ),
            ("WHO (2018) recommends a limit.", "WHO"),
        ] {
            assert_eq!(sources(text), [source], "{text}");
        }
    }

    #[test]
    fn a_founding_year_or_a_place_and_its_year_is_no_citation() {
        for text in [
            "The Bank of England (1694) issued notes from its first year.",
            "Paris (1900) hosted an exhibition.",
            "and at Vienna (1873), a generation earlier,",
            "Octavia Hill (1838–1912) campaigned for housing.",
        ] {
            assert!(sources(text).is_empty(), "{text}: {:?}", sources(text));
        }
        // A body that issues a writing is still cited.
        assert_eq!(
            sources("The Board of Trade (1894) issued guidance on it."),
            ["Board of Trade"]
        );
    }

    #[test]
    fn an_irish_surname_keeps_its_o() {
        let text = "As Ó Laoire and Harris (2006) found";
        let open = text.find('(').unwrap();
        let names = super::authors_before(text, open).expect("names");
        assert_eq!(&text[names.start..names.end], "Ó Laoire and Harris");
    }
}
