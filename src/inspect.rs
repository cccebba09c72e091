//! The JSON view of a parsed article that `lectern inspect` prints.

use crate::article::{Article, Place};
use serde_json::{Value, json};

/// The article as a JSON value with the documented keys.
pub fn to_json(article: &Article) -> Value {
    let m = &article.meta;
    let place_json = |place: Place| match place {
        Place::Body { block } => json!({ "block": block, "footnote": null }),
        Place::Note { note, block } => {
            json!({ "block": block, "footnote": article.footnotes[note].label })
        }
    };
    json!({
        "format": article.format,
        "encoding": article.encoding,
        "title": m.title,
        "authors": m.authors,
        "date": m.date.as_ref().map(|d| json!({ "text": d.text, "iso": d.iso })),
        "site": m.site,
        "summary": m.summary,
        "dateline": m.dateline,
        "contributors": m.contributors,
        "language": m.language,
        "outline": article.outline.iter().map(|e| {
            let mut v = place_json(e.at.place);
            v["title"] = json!(e.title);
            v["depth"] = json!(e.depth);
            v["offset"] = json!(e.at.offset);
            v
        }).collect::<Vec<_>>(),
        "blocks": article.blocks.iter().map(|b| {
            let mut v = json!({ "kind": b.kind.name(), "text": b.text });
            match &b.kind {
                crate::article::BlockKind::Heading { level } => v["level"] = json!(level),
                crate::article::BlockKind::ListItem { depth, marker } => {
                    v["depth"] = json!(depth);
                    v["marker"] = json!(marker);
                }
                crate::article::BlockKind::Table { rows, header } => {
                    v["rows"] = json!(rows);
                    v["header"] = json!(header);
                }
                _ => {}
            }
            v
        }).collect::<Vec<_>>(),
        "footnotes": article.footnotes.iter().map(|f| json!({
            "label": f.label,
            "text": f.text(),
            "refs": f.refs.len(),
            "defined": f.defined,
            "referenced": !f.refs.is_empty(),
            "ref_places": f.refs.iter().map(|p| {
                let mut v = place_json(p.place);
                v["offset"] = json!(p.offset);
                v
            }).collect::<Vec<_>>(),
        })).collect::<Vec<_>>(),
        "citations": article.citations.iter().map(|c| {
            let mut v = json!({
                "kind": c.kind,
                "text": c.text,
                "source": c.source,
                "date": c.date,
                "locator": c.locator,
                "title": c.title,
                "start": c.range.start,
                "end": c.range.end,
                "full": c.full,
                "entry": c.entry,
                "group": c.source_key(),
            });
            let p = place_json(c.place);
            v["block"] = p["block"].clone();
            v["footnote"] = p["footnote"].clone();
            v
        }).collect::<Vec<_>>(),
        "references": article.references.iter().map(|c| json!({
            "text": c.text,
            "source": c.source,
            "date": c.date,
            "title": c.title,
            "block": place_json(c.place)["block"],
        })).collect::<Vec<_>>(),
        "related": article.related,
        "removed": article.removed,
        "extraction": article.extraction,
        "words": article.words(),
    })
}
