//! Highlights taken out of the reader: Markdown to read or paste into notes, JSON for
//! scripts. Each highlight is placed in the article as it is now (its section and how far
//! through); one whose passage is gone is exported too, marked orphaned.

use crate::article::BlockKind;
use crate::decode::neutralise;
use crate::layout::{Doc, Part};
use crate::store::{ArticleState, Highlight, Located};
use serde_json::{Value, json};

/// One article's highlights, with the article as it reads now when it could be opened.
pub struct Marked<'a> {
    /// What the state file remembers of it.
    pub article: &'a ArticleState,
    /// The article parsed from its path, if it is still there.
    pub doc: Option<Doc>,
}

/// Where a highlight is now.
struct Place {
    section: Option<String>,
    percent: u32,
    orphaned: bool,
}

fn place(doc: Option<&Doc>, h: &Highlight) -> Place {
    let Some(doc) = doc else {
        // The file cannot be read: the place it was saved at is the best there is.
        return Place {
            section: None,
            percent: percent(h.start.fraction),
            orphaned: false,
        };
    };
    match h.locate(doc) {
        Located::At(start, _) => {
            let index = doc.index_of(start.part).unwrap_or(0);
            Place {
                section: section(doc, index),
                percent: percent(doc.fraction(index, start.offset)),
                orphaned: false,
            }
        }
        Located::Orphaned => Place {
            section: None,
            percent: percent(h.start.fraction),
            orphaned: true,
        },
    }
}

fn percent(f: f64) -> u32 {
    (f.clamp(0.0, 1.0) * 100.0).round() as u32
}

/// The heading of the section that part `index` is in.
fn section(doc: &Doc, index: usize) -> Option<String> {
    doc.parts[..=index.min(doc.parts.len().saturating_sub(1))]
        .iter()
        .rev()
        .find_map(|&p| match p {
            Part::Body { i } => doc
                .article
                .blocks
                .get(i)
                .filter(|b| matches!(b.kind, BlockKind::Heading { .. }))
                .map(|b| b.text.trim().to_string()),
            _ => None,
        })
}

/// Text from the state file made safe to print: a hand-edited file may hold anything.
fn clean(text: &str) -> String {
    text.chars()
        .map(|c| if c == '\n' { c } else { neutralise(c) })
        .collect()
}

/// The highlights as Markdown: a section per article (title, authors, date, path), each
/// highlight a quote with its note and its place.
pub fn markdown(marked: &[Marked]) -> String {
    let mut out = String::new();
    for m in marked {
        let a = m.article;
        let title = if a.title.is_empty() {
            "(untitled)"
        } else {
            &a.title
        };
        out.push_str(&format!("# {}\n\n", clean(title)));
        let mut about: Vec<String> = Vec::new();
        if let Some(doc) = &m.doc {
            let meta = &doc.article.meta;
            if !meta.authors.is_empty() {
                about.push(meta.authors.join(", "));
            }
            if let Some(d) = &meta.date {
                about.push(d.iso.clone().unwrap_or_else(|| d.text.clone()));
            }
        }
        about.push(match a.path.as_str() {
            "" => "(read from standard input)".to_string(),
            p => format!("`{p}`"),
        });
        out.push_str(&format!("{}\n\n", clean(&about.join(" · "))));
        for h in a.live_highlights() {
            for line in h.quote.lines() {
                out.push_str(&format!("> {}\n", clean(line)));
            }
            out.push('\n');
            if !h.note.trim().is_empty() {
                out.push_str(&format!("{}\n\n", clean(h.note.trim())));
            }
            let p = place(m.doc.as_ref(), h);
            let mut at = match &p.section {
                Some(s) => format!("— {}, {}%", clean(s), p.percent),
                None => format!("— {}%", p.percent),
            };
            if p.orphaned {
                at.push_str(" (orphaned: the passage is no longer in the file)");
            }
            out.push_str(&format!("{at}\n\n"));
        }
    }
    if out.is_empty() {
        return "No highlights yet.\n".to_string();
    }
    out
}

/// The highlights as JSON: one object per article, each highlight with its id, text,
/// note, anchors, times, place and whether it is orphaned.
pub fn json(marked: &[Marked]) -> Value {
    let articles: Vec<Value> = marked
        .iter()
        .map(|m| {
            let a = m.article;
            let meta = m.doc.as_ref().map(|d| &d.article.meta);
            let highlights: Vec<Value> = a
                .live_highlights()
                .into_iter()
                .map(|h| {
                    let p = place(m.doc.as_ref(), h);
                    json!({
                        "id": h.id,
                        "text": h.quote,
                        "note": h.note,
                        "start": h.start.anchor,
                        "end": h.end,
                        "created": h.created,
                        "updated": h.updated,
                        "section": p.section,
                        "percent": p.percent,
                        "orphaned": p.orphaned,
                    })
                })
                .collect();
            json!({
                "title": a.title,
                "path": a.path,
                "authors": meta.map(|m| m.authors.clone()).unwrap_or_default(),
                "date": meta.and_then(|m| m.date.as_ref()).map(|d| d.iso.clone().unwrap_or_else(|| d.text.clone())),
                "highlights": highlights,
            })
        })
        .collect();
    Value::Array(articles)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::Format;
    use crate::layout::Anchor;
    use crate::store::{Fingerprint, State};
    use std::collections::BTreeMap;
    use std::sync::Arc;

    const TEXT: &str = "# The quay at dusk\n\nBy Ines Marlow\n\n## Evenings\n\n\
        Every evening the lamplighter walks the quay. He has done it for thirty-one years.\n\n\
        ## Winters\n\nIn winter the mantles crack in the cold.\n";

    fn doc(text: &str) -> Doc {
        Doc::new(Arc::new(crate::parse::parse_str(text, Format::Markdown)))
    }

    fn article(d: &Doc, quotes: &[(&str, &str)]) -> ArticleState {
        let mut a = State::default()
            .open_article(
                &Fingerprint::of(&d.article),
                std::path::Path::new("/notes/quay.md"),
                "The quay at dusk",
                1,
            )
            .clone();
        a.highlights = BTreeMap::new();
        for (n, (quote, note)) in quotes.iter().enumerate() {
            let (part, offset) = d
                .parts
                .iter()
                .find_map(|&p| Some((p, d.text(p).find(quote)?)))
                .unwrap();
            let start = Anchor { part, offset };
            let end = Anchor {
                part,
                offset: offset + quote.len(),
            };
            let mut h = Highlight::new(d, start, end, format!("h{n}"), n as u64);
            h.note = note.to_string();
            a.add_highlight(h);
        }
        a
    }

    #[test]
    fn markdown_quotes_each_passage_with_its_note_and_section() {
        let d = doc(TEXT);
        let a = article(
            &d,
            &[("He has done it", "Since 1989?"), ("mantles crack", "")],
        );
        let md = markdown(&[Marked {
            article: &a,
            doc: Some(d),
        }]);
        assert!(
            md.starts_with("# The quay at dusk\n\nInes Marlow · `/notes/quay.md`\n\n"),
            "{md}"
        );
        assert!(
            md.contains("> He has done it\n\nSince 1989?\n\n— Evenings, "),
            "{md}"
        );
        assert!(md.contains("> mantles crack\n\n— Winters, "), "{md}");
    }

    #[test]
    fn a_passage_edited_away_is_exported_as_orphaned() {
        let d = doc(TEXT);
        let a = article(&d, &[("mantles crack", "cold")]);
        let edited = doc(&TEXT.replace("the mantles crack in the cold", "it snows"));
        let marked = [Marked {
            article: &a,
            doc: Some(edited),
        }];
        assert!(markdown(&marked).contains("(orphaned: the passage is no longer in the file)"));
        let j = json(&marked);
        assert_eq!(j[0]["highlights"][0]["orphaned"], true);
        assert_eq!(j[0]["highlights"][0]["text"], "mantles crack");
        assert_eq!(j[0]["highlights"][0]["note"], "cold");
    }

    #[test]
    fn control_characters_from_a_hand_edited_state_file_are_not_printed() {
        let d = doc(TEXT);
        let mut a = article(&d, &[("He has done it", "")]);
        a.title = "Evil\u{1b}[2J title".into();
        let md = markdown(&[Marked {
            article: &a,
            doc: None,
        }]);
        assert!(!md.contains('\u{1b}'), "{md:?}");
    }
}
