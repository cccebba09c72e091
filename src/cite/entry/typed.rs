//! A reference whose title is followed by the kind of work in parentheses, as Wikipedia's
//! citation templates write a report, a thesis or a press release with no author:
//! `Structural assessment of Kestrel Bridge (Report). Northumberland County Council. 2008.`

use super::{Entry, is_iso, is_work_name, sentences};
use crate::cite::when::is_tail_date;

/// Last words of the kinds of work a template names after a title (`(Report)`,
/// `(Technical report)`, `(PhD thesis)`, `(Press release)`), and the file format it
/// may name instead (`(PDF)`).
const KINDS: &[&str] = &[
    "report",
    "thesis",
    "dissertation",
    "release",
    "paper",
    "map",
    "speech",
    "podcast",
    "video",
    "audio",
    "interview",
    "pamphlet",
    "leaflet",
    "brochure",
    "booklet",
    "dataset",
    "pdf",
];

/// `Title (Report). Publisher. Year`: the publisher (else the work named after the title)
/// is the source.
pub(super) fn kind_after_title(t: &str) -> Option<Entry> {
    let open = t.find(" (")?;
    let inner = &t[open + 2..];
    let close = inner.find(')')?;
    let kind = &inner[..close];
    let named = kind.split_whitespace().count() <= 3
        && kind.starts_with(char::is_uppercase)
        && kind
            .rsplit(' ')
            .next()
            .is_some_and(|w| KINDS.iter().any(|k| w.eq_ignore_ascii_case(k)));
    let rest = inner[close + 1..].strip_prefix(". ")?;
    let title = t[..open].trim();
    if !named || title.is_empty() {
        return None;
    }
    let mut source = None;
    let mut date = None;
    for piece in sentences(rest) {
        let p = piece.trim();
        if p.starts_with("Retrieved") || p.starts_with("Archived") || p.starts_with("Accessed") {
            break;
        }
        if date.is_none() && (is_tail_date(p) || is_iso(p)) {
            date = Some(p.to_string());
        } else if source.is_none() && is_work_name(p) {
            source = Some(p.to_string());
        }
    }
    Some(Entry {
        source: source?,
        authored: false,
        title: Some(title.to_string()),
        date,
    })
}

/// `Ouest-France (in French)` without the language CS1 says the work is written in.
pub(super) fn without_language(p: &str) -> &str {
    let Some((name, note)) = p.rsplit_once(" (in ") else {
        return p;
    };
    let language = note.strip_suffix(')').unwrap_or("");
    let words: Vec<&str> = language
        .split([' ', ','])
        .filter(|w| !w.is_empty())
        .collect();
    let ok = (1..=5).contains(&words.len())
        && words.iter().all(|w| {
            *w == "and" || w.starts_with(char::is_uppercase) && w.chars().all(char::is_alphabetic)
        });
    if ok { name.trim_end() } else { p }
}

#[cfg(test)]
mod tests {
    use super::super::read;

    #[test]
    fn a_report_with_no_author_is_known_by_its_publisher() {
        for strict in [false, true] {
            let e = read(
                "Structural assessment of Kestrel Bridge, Otterburn (Report). Northumberland \
                 County Council. 2008.",
                &[],
                strict,
            )
            .expect("an entry");
            assert_eq!(e.source, "Northumberland County Council");
            assert_eq!(
                e.title.as_deref(),
                Some("Structural assessment of Kestrel Bridge, Otterburn")
            );
            assert_eq!(e.date.as_deref(), Some("2008"));
        }
        let e = read(
            "Annual review of the ferry service (PDF). Orkney Islands Council. March 2019. \
             Retrieved 4 May 2020.",
            &[],
            false,
        )
        .expect("an entry");
        assert_eq!(e.source, "Orkney Islands Council");
    }

    #[test]
    fn a_parenthesis_that_names_no_kind_of_work_is_not_read_so() {
        assert_eq!(
            super::kind_after_title("Tides of the delta (2019). Bergen."),
            None
        );
        assert_eq!(
            super::kind_after_title("The report (see below). Ferries."),
            None
        );
    }
}
