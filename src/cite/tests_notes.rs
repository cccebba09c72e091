//! Notes read by their shape: letters from a writer with no given name, Ibid. dated by
//! another day, diaries, Nordic bodies and archives, and personal communications.

use crate::article::{Format, Place};
use crate::parse::parse_str;

/// The source and text of each citation in the notes of a plain text whose body points
/// into each of `notes` in turn.
fn in_notes(notes: &[&str]) -> Vec<(String, String)> {
    let refs: String = (1..=notes.len()).map(|n| format!("Text.[{n}] ")).collect();
    let defs: String = notes
        .iter()
        .enumerate()
        .map(|(i, n)| format!("[{}] {n}\n\n", i + 1))
        .collect();
    let a = parse_str(&format!("Title\n\n{refs}\n\nNotes\n\n{defs}"), Format::Text);
    a.citations
        .iter()
        .filter(|c| matches!(c.place, Place::Note { .. }))
        .map(|c| {
            let text = a.block(c.place).map_or("", |b| &b.text[c.range.clone()]);
            (c.source.clone(), text.to_string())
        })
        .collect()
}

#[test]
fn a_letter_from_a_surname_to_a_body_or_person_is_the_writers() {
    let r = in_notes(&["Reddaway to the Committee, 3 March 1872, Minute Book, vol. 2."]);
    assert_eq!(r.len(), 1, "{r:?}");
    assert_eq!(r[0].0, "Reddaway");
    // One word writing to one word is as likely a place's trade.
    let n = in_notes(&["Norway to Britain, March 4, 1862."]);
    assert!(n.iter().all(|c| c.0 != "Norway"), "{n:?}");
}

#[test]
fn ibid_dated_by_another_day_follows_the_paper_before() {
    let r = in_notes(&["The Times, 12 May 1911, p. 8.", "Ibid., 14 May 1911."]);
    let sources: Vec<&str> = r.iter().map(|c| c.0.as_str()).collect();
    assert_eq!(sources, ["The Times", "The Times"], "{r:?}");
}

#[test]
fn diaries_nordic_bodies_and_archives() {
    let r = in_notes(&[
        "Diary of Anna Holm, 4 June 1905, Riksarkivet, Privatarkiv 112.",
        "Holm, diary, 5 June 1905.",
        "Ravnsborg kommune 1978, 3.",
        "Christiania havnestyre, møtebok 1880–1884, Oslo byarkiv, A-10023.",
    ]);
    let sources: Vec<&str> = r.iter().map(|c| c.0.as_str()).collect();
    assert_eq!(
        sources,
        ["Anna Holm", "Holm", "Ravnsborg kommune", "Oslo byarkiv"],
        "{r:?}"
    );
    // A diary is dated by the day; a year alone is a remark.
    assert!(in_notes(&["Holm, diary, 1905, was lost."]).is_empty());
}

#[test]
fn a_personal_communication_is_cited_by_the_person() {
    let a = parse_str(
        "Title\n\nThe nests were found (K. Lund, personal communication, 2020), and \
         counted (Lund, pers. comm., 12 May 2019) but not ringed (personal experience, 2020).\n",
        Format::Text,
    );
    let sources: Vec<&str> = a.citations.iter().map(|c| c.source.as_str()).collect();
    assert_eq!(sources, ["K. Lund", "Lund"]);
}
