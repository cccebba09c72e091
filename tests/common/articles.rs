//! Helpers shared by the integration tests that read parsed articles.

use lectern::article::{Article, Citation, CitationKind, Place};
use std::path::{Path, PathBuf};

/// A file of the sample library.
pub fn sample_path(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("assets/library")
        .join(name)
}

/// Loads a sample through the same entry point the binary uses.
pub fn sample(name: &str) -> Article {
    let path = sample_path(name);
    lectern::parse::load(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// Short name of a citation kind, as in the JSON.
pub fn kind(k: CitationKind) -> &'static str {
    match k {
        CitationKind::Attribution => "attribution",
        CitationKind::AuthorYear => "author-year",
        CitationKind::Reference => "reference",
    }
}

/// One expected citation: kind, source, date, and the label of the note it sits in (None = body).
pub type Cite<'a> = (&'a str, &'a str, &'a str, Option<&'a str>);

/// Asserts the article's citations, in order, are exactly `want`, and that each one's
/// recorded range really holds its text in the block it claims to sit in.
pub fn assert_citations(a: &Article, want: &[Cite]) {
    let got: Vec<(String, String, String, Option<String>)> = a
        .citations
        .iter()
        .map(|c| {
            (
                kind(c.kind).to_string(),
                c.source.clone(),
                c.date.clone().unwrap_or_default(),
                note_label(a, c),
            )
        })
        .collect();
    let want: Vec<(String, String, String, Option<String>)> = want
        .iter()
        .map(|(k, s, d, n)| {
            (
                k.to_string(),
                s.to_string(),
                d.to_string(),
                n.map(str::to_string),
            )
        })
        .collect();
    assert_eq!(got, want);
    for c in &a.citations {
        let block = a.block(c.place).expect("citation's block exists");
        let span = &block.text[c.range.clone()];
        assert!(
            span.contains(c.text.as_str()),
            "range {:?} holds {span:?}, not {:?}",
            c.range,
            c.text
        );
    }
}

fn note_label(a: &Article, c: &Citation) -> Option<String> {
    match c.place {
        Place::Body { .. } => None,
        Place::Note { note, .. } => Some(a.footnotes[note].label.clone()),
    }
}

/// Asserts that `needle` occurs in the body or notes and that no citation covers any of it.
pub fn assert_not_cited(a: &Article, needle: &str) {
    let mut seen = false;
    for place in a.places() {
        let block = a.block(place).expect("place exists");
        for (at, _) in block.text.match_indices(needle) {
            seen = true;
            let r = at..at + needle.len();
            let hit = a
                .citations
                .iter()
                .find(|c| c.place == place && c.range.start < r.end && r.start < c.range.end);
            assert!(
                hit.is_none(),
                "{needle:?} was taken for a citation: {hit:?}"
            );
        }
    }
    assert!(
        seen,
        "{needle:?} is not in the article text at all (typo in the test?)"
    );
}

/// Asserts a chrome line was set aside in `removed` and left no trace in any block.
pub fn assert_chrome_removed(a: &Article, line: &str) {
    assert!(
        a.removed.iter().any(|r| r == line),
        "{line:?} not in removed: {:?}",
        a.removed
    );
    let short = line.split_whitespace().count() < 3;
    for place in a.places() {
        let t = &a.block(place).expect("place exists").text;
        // A one- or two-word line ("Share") may legitimately occur inside a sentence,
        // so for those only a block that is, starts or ends with the line counts.
        let leaked = t == line
            || t.starts_with(&format!("{line} "))
            || t.ends_with(&format!(" {line}"))
            || (!short && t.contains(line));
        assert!(!leaked, "chrome {line:?} leaked into {place:?}: {t:?}");
    }
}

/// Asserts every footnote's label, defined flag and reference count, in order, and
/// that its text starts with the given words (an undefined note has no text).
pub fn assert_notes(a: &Article, want: &[(&str, bool, usize, &str)]) {
    let got: Vec<(String, bool, usize)> = a
        .footnotes
        .iter()
        .map(|f| (f.label.clone(), f.defined, f.refs.len()))
        .collect();
    let labels: Vec<(String, bool, usize)> = want
        .iter()
        .map(|(l, d, n, _)| (l.to_string(), *d, *n))
        .collect();
    assert_eq!(got, labels);
    for (f, (_, _, _, start)) in a.footnotes.iter().zip(want) {
        let text = f.text();
        assert!(
            text.starts_with(start),
            "note {}: {text:?} does not start with {start:?}",
            f.label
        );
        assert_eq!(
            text.is_empty(),
            start.is_empty(),
            "note {}: {text:?}",
            f.label
        );
    }
}

/// (title, date) of every related entry.
pub fn related(a: &Article) -> Vec<(String, Option<String>)> {
    a.related
        .iter()
        .map(|r| (r.title.clone(), r.date.clone()))
        .collect()
}

/// The expected form of `related` from literals.
pub fn want_related(want: &[(&str, Option<&str>)]) -> Vec<(String, Option<String>)> {
    want.iter()
        .map(|(t, d)| (t.to_string(), d.map(str::to_string)))
        .collect()
}
