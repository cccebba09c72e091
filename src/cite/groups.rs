//! Sources grouped for the Sources panel and `lectern sources`: one group per source, its
//! citations in reading order, its full reference when the article has one.

use crate::article::{Article, Citation, CitationKind, Place};
use serde_json::{Value, json};
use std::collections::HashMap;

/// One cited source with all its citations.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Group {
    /// Normalised key (`Citation::source_key`).
    pub key: String,
    /// Name to show: the full reference's authors or work, else the most frequent spelling,
    /// without a bracketed qualifier.
    pub name: String,
    /// Citation indices in reading order.
    pub citations: Vec<usize>,
    /// The citation holding the source's full reference, when there is one.
    pub reference: Option<usize>,
    /// The reference-list entry for the source, when there is one (and no full reference
    /// among the citations).
    pub entry: Option<usize>,
}

impl Group {
    /// The source's full reference: a citation that is one, else its reference-list entry.
    pub fn full_reference<'a>(&self, article: &'a Article) -> Option<&'a Citation> {
        self.reference
            .map(|r| &article.citations[r])
            .or_else(|| self.entry.map(|e| &article.references[e]))
    }
}

/// Whether a citation is a full reference in its own right (not an `Ibid.` or a short
/// note, which point at one).
pub fn is_full_reference(c: &Citation) -> bool {
    c.kind == CitationKind::Reference && c.full.is_none()
}

/// Sources grouped by key, most cited first, then by name.
pub fn groups(article: &Article) -> Vec<Group> {
    let mut by_key: HashMap<String, Vec<usize>> = HashMap::new();
    for (i, c) in article.citations.iter().enumerate() {
        by_key.entry(c.source_key()).or_default().push(i);
    }
    let cits = &article.citations;
    let mut out: Vec<Group> = by_key
        .into_iter()
        .map(|(key, citations)| {
            let reference = citations
                .iter()
                .copied()
                .find(|&i| is_full_reference(&cits[i]))
                .or_else(|| citations.iter().find_map(|&i| cits[i].full));
            let entry = citations.iter().find_map(|&i| cits[i].entry);
            let full = reference
                .map(|r| &cits[r])
                .or_else(|| entry.map(|e| &article.references[e]));
            let name = match full {
                Some(r) => display_name(plain(&r.source)),
                None => most_frequent(citations.iter().map(|&i| plain(&cits[i].source))),
            };
            Group {
                key,
                name,
                citations,
                reference,
                entry: if reference.is_some() { None } else { entry },
            }
        })
        .collect();
    out.sort_by(|a, b| {
        b.citations
            .len()
            .cmp(&a.citations.len())
            .then_with(|| a.name.to_lowercase().cmp(&b.name.to_lowercase()))
    });
    out
}

/// A source's name without its bracketed qualifier (`Apple Daily [Hong Kong]`).
fn plain(source: &str) -> &str {
    source.split('[').next().unwrap_or(source).trim()
}

fn most_frequent<'a>(names: impl Iterator<Item = &'a str>) -> String {
    let mut spellings: HashMap<&str, usize> = HashMap::new();
    for n in names {
        *spellings.entry(n).or_default() += 1;
    }
    spellings
        .into_iter()
        .max_by(|a, b| a.1.cmp(&b.1).then_with(|| b.0.cmp(a.0)))
        .map(|(s, _)| s.to_string())
        .unwrap_or_default()
}

/// Inverted authors (`Festa, Paul`, `Payment, S.`, `Hale, Rosemary; Orme, David`) in
/// reading order; anything else as written.
pub fn display_name(source: &str) -> String {
    let source = source.replace('\u{a0}', " ");
    if source.contains("; ") {
        let names: Vec<String> = source
            .split("; ")
            .map(|a| match a {
                "et al." | "et al" => "others".to_string(),
                a => display_name(a),
            })
            .collect();
        return match names.split_last() {
            Some((last, rest)) if !rest.is_empty() => format!("{} and {last}", rest.join(", ")),
            _ => names.concat(),
        };
    }
    let parts: Vec<&str> = source.split(", ").collect();
    let single = !source.contains([';', '&']) && !source.contains(" and ");
    match parts.as_slice() {
        [surname, given]
            if single
                && !surname.contains(' ')
                && given.split_whitespace().count() <= 3
                && given.starts_with(char::is_uppercase) =>
        {
            format!("{given} {surname}")
        }
        _ => source,
    }
}

/// What kinds of citation a group holds, as `lectern sources` names them.
fn kinds(article: &Article, g: &Group) -> Vec<&'static str> {
    let mut out = Vec::new();
    for &i in &g.citations {
        let k = kind_name(article.citations[i].kind);
        if !out.contains(&k) {
            out.push(k);
        }
    }
    out
}

/// The name of a citation kind in JSON.
pub fn kind_name(k: CitationKind) -> &'static str {
    match k {
        CitationKind::Attribution => "attribution",
        CitationKind::AuthorYear => "author-year",
        CitationKind::Reference => "reference",
    }
}

fn place_json(article: &Article, place: Place) -> Value {
    match place {
        Place::Body { block } => json!({ "block": block, "footnote": null }),
        Place::Note { note, block } => {
            json!({ "block": block, "footnote": article.footnotes[note].label })
        }
    }
}

/// `lectern sources --json`: every source with its count, kinds, full reference and
/// citations.
pub fn to_json(article: &Article) -> Value {
    let groups = groups(article);
    Value::Array(
        groups
            .iter()
            .map(|g| {
                let reference = g.full_reference(article).map(|c| {
                    let mut v = json!({
                        "text": c.text,
                        "authors": c.source,
                        "title": c.title,
                        "date": c.date,
                        "citation": g.reference,
                        "entry": g.entry,
                    });
                    v["place"] = place_json(article, c.place);
                    v
                });
                json!({
                    "name": g.name,
                    "key": g.key,
                    "count": g.citations.len(),
                    "kinds": kinds(article, g),
                    "reference": reference,
                    "citations": g.citations.iter().map(|&i| {
                        let c = &article.citations[i];
                        let mut v = json!({
                            "index": i,
                            "kind": kind_name(c.kind),
                            "text": c.text,
                            "source": c.source,
                            "date": c.date,
                            "locator": c.locator,
                            "start": c.range.start,
                            "end": c.range.end,
                        });
                        let p = place_json(article, c.place);
                        v["block"] = p["block"].clone();
                        v["footnote"] = p["footnote"].clone();
                        v
                    }).collect::<Vec<_>>(),
                })
            })
            .collect(),
    )
}

/// `lectern sources`: one source a line, tab-separated — count, kinds, name, and the full
/// reference when the article has one.
pub fn to_text(article: &Article) -> String {
    groups(article)
        .iter()
        .map(|g| {
            let reference = g
                .full_reference(article)
                .map_or(String::new(), |c| c.text.clone());
            let cells = [
                g.citations.len().to_string(),
                kinds(article, g).join(","),
                g.name.clone(),
                reference,
            ];
            cells.map(|c| c.replace(['\t', '\n'], " ")).join("\t")
        })
        .collect::<Vec<_>>()
        .join("\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn inverted_names_read_in_order() {
        assert_eq!(display_name("Festa, Paul"), "Paul Festa");
        assert_eq!(display_name("Payment, S."), "S. Payment");
        assert_eq!(display_name("Chen, L., & Wu, M."), "Chen, L., & Wu, M.");
        assert_eq!(display_name("Helga Brandvold"), "Helga Brandvold");
        assert_eq!(
            display_name("Eich, Brendan; David Hyatt"),
            "Brendan Eich and David Hyatt"
        );
        assert_eq!(
            display_name("Hale, Rosemary; Orme, David"),
            "Rosemary Hale and David Orme"
        );
        assert_eq!(display_name("Wailes, Rex; et al."), "Rex Wailes and others");
    }
}
