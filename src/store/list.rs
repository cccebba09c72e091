//! The library-wide bookmark listing behind `lectern bookmarks`.

use super::model::State;
use super::time::rfc3339;
use serde_json::{Value, json};

/// Every live bookmark as a JSON array of objects.
pub fn bookmarks_json(state: &State) -> Value {
    let items = state.all_bookmarks().into_iter().map(|(article, b)| {
        json!({
            "title": article.title,
            "path": article.path,
            "id": b.id,
            "label": b.label,
            "percent": percent(b.at.fraction),
            "snippet": b.at.snippet,
            "time": rfc3339(b.created),
            "time_ms": b.created,
        })
    });
    Value::Array(items.collect())
}

/// Every live bookmark for people: a heading per article, a line per bookmark, its time
/// as `when` shows a moment (milliseconds since the epoch).
pub fn bookmarks_text(state: &State, when: &dyn Fn(u64) -> String) -> String {
    let all = state.all_bookmarks();
    if all.is_empty() {
        return "No bookmarks yet.".to_string();
    }
    let mut out = String::new();
    let mut current: Option<(&str, &str)> = None;
    for (article, b) in all {
        let heading = (article.title.as_str(), article.path.as_str());
        if current != Some(heading) {
            if current.is_some() {
                out.push('\n');
            }
            let title = if article.title.is_empty() {
                "(untitled)"
            } else {
                &article.title
            };
            let path = match article.path.as_str() {
                "" => "(read from standard input)",
                path => path,
            };
            out.push_str(&format!("{title}\n  {path}\n"));
            current = Some(heading);
        }
        let snippet: String =
            b.at.snippet
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ");
        out.push_str(&format!(
            "  {:>3}%  {}  “{}…”  {}\n",
            percent(b.at.fraction),
            b.label,
            snippet,
            when(b.created)
        ));
    }
    out.truncate(out.trim_end().len());
    out
}

fn percent(fraction: f64) -> u32 {
    (fraction.clamp(0.0, 1.0) * 100.0).round() as u32
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::layout::{Anchor, Part};
    use crate::store::{Fingerprint, Spot};
    use std::path::Path;

    fn utc(ms: u64) -> String {
        crate::date_format::moment_in(ms, crate::date_format::LIST, &jiff::tz::TimeZone::UTC)
    }

    #[test]
    fn lists_live_bookmarks_only() {
        let mut state = State::default();
        let fp = Fingerprint("00000000000000aa".into());
        let a = state.open_article(&fp, Path::new("/lib/lamps.txt"), "The Lamps", 1_000);
        let at = Spot {
            anchor: Anchor {
                part: Part::Body { i: 2 },
                offset: 7,
            },
            snippet: "In winter\nthe round".into(),
            fraction: 0.42,
        };
        a.add_bookmark("x".into(), "Winter", at.clone(), 1_795_989_437_123);
        a.add_bookmark("y".into(), "Gone", at, 2_000);
        a.delete_bookmark("y", 3_000);
        assert_eq!(
            bookmarks_text(&state, &utc),
            "The Lamps\n  /lib/lamps.txt\n   42%  Winter  “In winter the round…”  2026-11-29 21:57"
        );
        let json = bookmarks_json(&state);
        assert_eq!(json.as_array().unwrap().len(), 1);
        assert_eq!(json[0]["percent"], 42);
        assert_eq!(json[0]["time"], "2026-11-29T21:57:17.123Z");
        assert_eq!(bookmarks_text(&State::default(), &utc), "No bookmarks yet.");
        let piped = Fingerprint("00000000000000bb".into());
        let b = state.open_article(&piped, Path::new(""), "Piped", 4_000);
        let at = Spot {
            anchor: Anchor {
                part: Part::Body { i: 0 },
                offset: 0,
            },
            snippet: "Start".into(),
            fraction: 0.0,
        };
        b.add_bookmark("z".into(), "Top", at, 1_795_989_437_123);
        assert!(
            bookmarks_text(&state, &utc).contains("Piped\n  (read from standard input)\n"),
            "{}",
            bookmarks_text(&state, &utc)
        );
    }
}
