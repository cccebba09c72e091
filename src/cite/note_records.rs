//! Two more forms a note's citation takes, known by who speaks or who keeps them rather
//! than by an author's work: an interview (`Walter Binns, interview by the author, Stourton,
//! March 12, 2019`) and a record named by what it is before where it is kept (`Minutes of
//! the Board, May 14, 1887, MSS.112/3, Modern Records Centre`).

use super::Cite;
use super::entry::{is_author_list, last_year};
use super::note_forms::repository;
use crate::article::CitationKind;

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
        None => {
            let words: Vec<&str> = what.split(' ').collect();
            (2..=5).contains(&words.len()) && words.last().is_some_and(record)
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
