//! More forms a note's citation takes, known by who speaks, writes or keeps them rather
//! than by an author's work: a letter (`Reddaway to the Committee, 3 March 1872`), an
//! interview (`Walter Binns, interview by the author, Stourton,
//! March 12, 2019`) and a record named by what it is before where it is kept (`Minutes of
//! the Board, May 14, 1887, MSS.112/3, Modern Records Centre`).

use super::Cite;
use super::entry::{is_author_list, last_year};
use super::names::is_source_name;
use super::note_forms::repository;
use super::when::is_tail_date;
use crate::article::CitationKind;

/// Words before a letter's writer that say it is a letter.
const LETTER_FROM: &[&str] = &["Letter from ", "Letter, ", "letter from ", "Letter of "];

/// `Carlo Gatti to Giovanni Gatti, March 4, 1862, Gatti Family Papers, …` or `Letter,
/// Midland Railway Company to the band committee, 3 June 1902`: a letter, known by its
/// writer and dated by the day; what follows the date says where it is kept.
pub(super) fn letter(body: &str) -> Option<Cite> {
    let (said, rest) = match LETTER_FROM.iter().find_map(|w| body.strip_prefix(w)) {
        Some(rest) => (true, rest),
        None => (false, body),
    };
    let (writer, after) = rest.split_once(" to ")?;
    let (recipient, tail) = after.split_once(", ")?;
    // Unless it is called a letter, one word is as likely a place (`Norway to Britain`),
    // but not when it writes to a person or a body: `Reddaway to the Committee`, `Pell to
    // John Herschel`.
    let words = recipient.split_whitespace().count();
    let addressed = recipient
        .strip_prefix("the ")
        .is_some_and(|r| r.starts_with(char::is_uppercase))
        || words >= 2
            && recipient
                .split_whitespace()
                .all(|w| w.starts_with(char::is_uppercase));
    let writer_ok = (is_author_list(writer) || is_source_name(writer))
        && (said || addressed || writer.split_whitespace().count() >= 2);
    let recipient_ok = (1..=6).contains(&words)
        && (recipient.starts_with(char::is_uppercase) || recipient.starts_with("the "))
        && !recipient.contains(|c: char| c.is_ascii_digit() || "“”\"()".contains(c));
    if !writer_ok || !recipient_ok {
        return None;
    }
    // The date is the first piece after the recipient, or the first two (`March 4, 1862`).
    let mut pieces = tail.split(", ");
    let first = pieces.next()?;
    let both = pieces
        .next()
        .map(|second| &tail[..first.len() + 2 + second.len()]);
    let date = both
        .into_iter()
        .chain([first])
        .find(|d| is_tail_date(d) && by_the_day(d))?;
    let start = body.len() - rest.len();
    let mut c = Cite::new(
        CitationKind::Reference,
        start..body.len(),
        body,
        writer,
        Some(date),
        None,
    );
    c.title = Some(format!("letter to {recipient}"));
    Some(c)
}

/// Whether a date names its day and year (`March 4, 1862`, `2 May 1911`), as a letter's
/// does.
fn by_the_day(date: &str) -> bool {
    let numbers: Vec<&str> = date
        .split(|c: char| !c.is_ascii_digit())
        .filter(|n| !n.is_empty())
        .collect();
    numbers.iter().any(|n| n.len() == 4) && numbers.iter().any(|n| n.len() <= 2)
}

/// `Diary of Anna Holm, 4 June 1905, Riksarkivet` or `Jane Gray, diary, 3 April 1890`: a
/// diary's entry, known by its keeper and dated by the day.
pub(super) fn diary(body: &str) -> Option<Cite> {
    let (keeper, rest) = match ["Diary of ", "Journal of "]
        .iter()
        .find_map(|w| body.strip_prefix(w))
    {
        Some(rest) => rest.split_once(", ")?,
        None => {
            let (keeper, rest) = body.split_once(", ")?;
            let entry = ["diary, ", "diary entry, ", "journal, ", "diary entry for "]
                .iter()
                .find_map(|w| rest.strip_prefix(w))?;
            (keeper, entry)
        }
    };
    let date = rest.split(", ").next()?.trim_end_matches('.');
    if !is_author_list(keeper) || !is_tail_date(date) || !by_the_day(date) {
        return None;
    }
    let mut c = Cite::new(
        CitationKind::Reference,
        0..body.len(),
        body,
        keeper,
        Some(date),
        None,
    );
    c.title = Some("diary".to_string());
    Some(c)
}

/// Words after a speaker's name that say the note is an interview.
const INTERVIEWED: &[&str] = &[
    ", interview by ",
    ", interviewed by ",
    ", interview with ",
    ", oral history interview",
    ", personal communication",
    ", conversation with ",
];

/// `Walter Binns, interview by the author, Stourton, March 12, 2019` or `Interview with
/// Walter Binns, Stourton, 2019`: an interview, known by the person interviewed.
pub(super) fn interview(body: &str) -> Option<Cite> {
    let (name, start) = match body.strip_prefix("Interview with ") {
        Some(rest) => (rest.split(", ").next().unwrap_or(rest), 0),
        None => {
            let at = INTERVIEWED.iter().filter_map(|w| body.find(w)).min()?;
            (&body[..at], 0)
        }
    };
    let name = name.trim();
    if !is_author_list(name) || name.split_whitespace().count() > 6 {
        return None;
    }
    let mut c = Cite::new(
        CitationKind::Reference,
        start..body.len(),
        body,
        name,
        last_year(body),
        None,
    );
    c.title = Some("interview".to_string());
    Some(c)
}

/// Words for a record, one of which a record's description names before `of`.
#[rustfmt::skip]
const RECORDS: &[&str] = &[
    "minutes", "records", "papers", "register", "diary", "journal", "log", "ledger",
    "accounts", "correspondence", "report", "returns", "rules", "proceedings", "book", "books",
    "petition", "petitions", "memorial", "inventory", "deed", "deeds", "lease", "survey",
    "møtebok", "møtebøker", "protokoll", "forhandlinger", "regnskap", "kopibok", "brevbok",
    "dagbok",
];

/// `Minutes of the Flint Glass Makers’ Society, May 14, 1887, MSS.112/3, Modern Records
/// Centre, University of Warwick` or `Pilots' committee minutes, 9 May 1902, Stadsarchief
/// Gent`: a record described first and its repository named
/// after it, which is its source (as a note that starts with the repository has it).
pub(super) fn described_record(body: &str) -> Option<Cite> {
    let (what, rest) = body.split_once(", ")?;
    let record = |w: &&str| RECORDS.contains(&w.to_lowercase().as_str());
    let named = match what.split_once(" of ") {
        // `Minutes of`, `Wages book of`: a few words naming the record, then "of".
        Some((kind, _)) => {
            let words: Vec<&str> = kind.split(' ').collect();
            words.len() <= 3 && words.iter().any(record)
        }
        // `Pilots' committee minutes`: who kept the record, then the record's word.
        // Or a body whose kind is written in lower case (a person's papers are read
        // elsewhere), the record's word opening the next piece: `Christiania
        // havnestyre, møtebok 1880–1884`.
        None => {
            let words: Vec<&str> = what.split(' ').collect();
            let next = rest.split(' ').next().unwrap_or("").trim_end_matches(',');
            (2..=5).contains(&words.len()) && words.last().is_some_and(record)
                || words.len() <= 4
                    && words[1..].iter().any(|w| w.starts_with(char::is_lowercase))
                    && record(&next)
        }
    };
    if !what.starts_with(char::is_uppercase) || !named {
        return None;
    }
    let keeper = rest.split(", ").find(|p| repository(p))?;
    let mut c = Cite::new(
        CitationKind::Reference,
        0..body.len(),
        body,
        keeper,
        last_year(rest),
        None,
    );
    c.title = Some(what.to_string());
    Some(c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn interviews_are_known_by_who_was_interviewed() {
        let c = interview("Ada Mirren, interview by the author, Halsey, June 3, 2018").unwrap();
        assert_eq!(
            (c.source.as_str(), c.date.as_deref()),
            ("Ada Mirren", Some("2018"))
        );
        let c = interview("Interview with Tomas Venn, Lowick, 2011").unwrap();
        assert_eq!(c.source, "Tomas Venn");
        // A sentence that mentions an interview is no citation of one.
        assert!(interview("the evidence of the 1911 interview by the board, March 2").is_none());
    }

    #[test]
    fn a_record_described_first_is_known_by_its_keeper() {
        let c = described_record(
            "Minutes of the Tanners’ Guild, 4 May 1790, D/TG/1/2, Northshire Record Office",
        )
        .unwrap();
        assert_eq!(
            (c.source.as_str(), c.date.as_deref()),
            ("Northshire Record Office", Some("1790"))
        );
        let c = described_record("Letter book of the Hallam forge, 1801–9, Deanshire Archives")
            .unwrap();
        assert_eq!(c.source, "Deanshire Archives");
        // A record named by its last word, and an archive whose name is one compound word.
        let c =
            described_record("Pilots' committee minutes, 9 May 1902, Stadsarchief Gent, reeks 3")
                .unwrap();
        assert_eq!(
            (c.source.as_str(), c.date.as_deref()),
            ("Stadsarchief Gent", Some("1902"))
        );
        let c =
            described_record("Petition of the lock keepers, 1861, Rijksarchief Brugge").unwrap();
        assert_eq!(c.source, "Rijksarchief Brugge");
        // Without a repository, or not a record's words, it is not one.
        assert!(described_record("Minutes of the Tanners’ Guild, 4 May 1790, D/TG/1/2").is_none());
        assert!(
            described_record("History of the Guild, 1790, in the Northshire Record Office")
                .is_none()
        );
        assert!(described_record("A long history of minutes, 1790, Deanshire Archives").is_none());
        assert!(described_record("Stadsarchief Gent, 1790, Deanshire Archives").is_none());
    }
}
