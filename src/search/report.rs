//! `lectern search`: a library folder searched through its text cache, one line per match
//! printed in path order as the results come in, or JSON lines for scripts.

use super::engine::{Batch, Detail, Hit, Item, Search, Shown, Summary};
use super::matcher::Matcher;
use crate::decode::neutralise;
use crate::library::scan;
use std::collections::BTreeMap;
use std::io::{self, Write};
use std::path::Path;
use std::sync::Mutex;
use std::sync::atomic::AtomicBool;

/// How results are printed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// `path<TAB>title<TAB>line of context`, the match in bold red when `styled`.
    Lines {
        /// Colour the path and the match (on a terminal).
        styled: bool,
    },
    /// `path<TAB>count<TAB>title`, one line per matching article.
    Counts,
    /// One JSON object per match: path, title, anchor, snippet, match.
    Json,
    /// One JSON object per matching article: path, title, count.
    JsonCounts,
}

impl Format {
    fn detail(self) -> Detail {
        match self {
            Format::Lines { .. } | Format::Json => Detail::All,
            Format::Counts | Format::JsonCounts => Detail::Count,
        }
    }
}

/// Columns of context printed around a match.
const CONTEXT: usize = 100;

/// What a search of a folder found.
#[derive(Debug)]
pub struct Outcome {
    /// Whether anything matched.
    pub matched: bool,
    /// How the search went.
    pub summary: Summary,
}

/// Printing state shared by the search threads: batches wait here until every batch
/// before them is printed.
struct Printer<'a> {
    waiting: BTreeMap<usize, Batch>,
    next: usize,
    out: &'a mut (dyn Write + Send),
    matched: bool,
    error: Option<io::Error>,
}

/// Searches every article under `dir`, printing matches to `out` in path order; the text
/// cache `cache` is read and brought up to date.
pub fn search_folder(
    dir: &Path,
    cache: Option<&Path>,
    matcher: &Matcher,
    format: Format,
    out: &mut (dyn Write + Send),
) -> io::Result<Outcome> {
    let items: Vec<Item> = scan::walk(dir)
        .0
        .into_iter()
        .map(|f| Item {
            rel: f.path.strip_prefix(dir).unwrap_or(&f.path).to_path_buf(),
            path: f.path,
            size: f.size,
            mtime: f.mtime,
        })
        .collect();
    let load = |p: &Path| crate::parse::load(p).map_err(|e| e.to_string());
    let stop = AtomicBool::new(false);
    let printer = Mutex::new(Printer {
        waiting: BTreeMap::new(),
        next: 0,
        out,
        matched: false,
        error: None,
    });
    let search = Search {
        items: &items,
        matcher,
        detail: format.detail(),
        width: CONTEXT,
        cache,
        load: &load,
        stop: &stop,
    };
    let summary = search.run(&|batch| {
        let mut guard = printer.lock().unwrap_or_else(|e| e.into_inner());
        let p = &mut *guard;
        p.waiting.insert(batch.items.start, batch);
        while let Some(b) = p.waiting.remove(&p.next) {
            p.next = b.items.end;
            p.matched |= !b.hits.is_empty();
            let written = b
                .hits
                .iter()
                .try_for_each(|h| print_hit(&mut *p.out, &items[h.item], h, format))
                .and_then(|()| p.out.flush());
            if let Err(e) = written {
                p.error = Some(e);
                return false;
            }
        }
        true
    });
    let p = printer.into_inner().unwrap_or_else(|e| e.into_inner());
    match p.error {
        // `| head` has seen enough: not an error.
        Some(e) if e.kind() != io::ErrorKind::BrokenPipe => Err(e),
        _ => Ok(Outcome {
            matched: p.matched,
            summary,
        }),
    }
}

/// Text for one line of output: no tab, break or control character of its own.
fn clean(text: &str) -> String {
    text.chars()
        .map(|c| {
            if c.is_whitespace() {
                ' '
            } else {
                neutralise(c)
            }
        })
        .collect()
}

fn title_of<'a>(item: &'a Item, hit: &'a Hit) -> std::borrow::Cow<'a, str> {
    if hit.title.trim().is_empty() {
        item.path
            .file_name()
            .unwrap_or(item.path.as_os_str())
            .to_string_lossy()
    } else {
        hit.title.as_str().into()
    }
}

fn print_hit(out: &mut dyn Write, item: &Item, hit: &Hit, format: Format) -> io::Result<()> {
    let path = item.path.to_string_lossy();
    let title = title_of(item, hit);
    match format {
        Format::Counts => writeln!(out, "{}\t{}\t{}", clean(&path), hit.count, clean(&title)),
        Format::JsonCounts => writeln!(
            out,
            "{}",
            serde_json::json!({ "path": path, "title": title, "count": hit.count })
        ),
        Format::Json => hit.shown.iter().try_for_each(|s| {
            writeln!(
                out,
                "{}",
                serde_json::json!({
                    "path": path,
                    "title": title,
                    "anchor": s.anchor,
                    "snippet": s.snippet.text,
                    "match": &s.snippet.text[s.snippet.mark.clone()],
                })
            )
        }),
        Format::Lines { styled } => hit.shown.iter().try_for_each(|s| {
            writeln!(
                out,
                "{}\t{}\t{}",
                paint(&clean(&path), styled, "35"),
                paint(&clean(&title), styled, "1"),
                context(s, styled)
            )
        }),
    }
}

/// `text` in an SGR style when styled.
fn paint(text: &str, styled: bool, sgr: &str) -> String {
    if styled {
        format!("\x1b[{sgr}m{text}\x1b[0m")
    } else {
        text.to_string()
    }
}

/// The line of context with its match marked.
fn context(s: &Shown, styled: bool) -> String {
    let t = &s.snippet.text;
    let m = s.snippet.mark.clone();
    format!(
        "{}{}{}",
        &t[..m.start],
        paint(&t[m.clone()], styled, "1;31"),
        &t[m.end..]
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn library() -> tempfile::TempDir {
        let lib = tempfile::tempdir().unwrap();
        std::fs::create_dir(lib.path().join("b")).unwrap();
        for (name, text) in [
            ("b/two.txt", "Second\n\nA river, and the river again.\n"),
            ("a.txt", "First\n\nThe river bend.\n"),
            ("c.txt", "Third\n\nNo water here.\n"),
        ] {
            std::fs::write(lib.path().join(name), text).unwrap();
        }
        lib
    }

    fn run(lib: &Path, pattern: &str, format: Format) -> (String, bool) {
        let mut out = Vec::new();
        let m = Matcher::new(pattern).unwrap();
        let o = search_folder(lib, None, &m, format, &mut out).unwrap();
        (String::from_utf8(out).unwrap(), o.matched)
    }

    #[test]
    fn one_line_per_match_in_path_order() {
        let lib = library();
        let (text, matched) = run(lib.path(), "river", Format::Lines { styled: false });
        assert!(matched);
        let root = lib.path().display();
        assert_eq!(
            text,
            format!(
                "{root}/a.txt\tFirst\tThe river bend.\n\
                 {root}/b/two.txt\tSecond\tA river, and the river again.\n\
                 {root}/b/two.txt\tSecond\tA river, and the river again.\n"
            )
        );
        let (styled, _) = run(lib.path(), "bend", Format::Lines { styled: true });
        assert!(styled.contains("\x1b[1;31mbend\x1b[0m"), "{styled:?}");
        let (none, matched) = run(lib.path(), "glacier", Format::Lines { styled: false });
        assert_eq!((none.as_str(), matched), ("", false));
    }

    #[test]
    fn counts_and_json() {
        let lib = library();
        let (counts, _) = run(lib.path(), "river", Format::Counts);
        assert!(counts.ends_with("/b/two.txt\t2\tSecond\n"), "{counts}");
        let (json, _) = run(lib.path(), "bend", Format::Json);
        let v: serde_json::Value = serde_json::from_str(json.trim()).unwrap();
        assert_eq!(v["title"], "First");
        assert_eq!(v["match"], "bend");
        assert_eq!(v["anchor"]["part"], "body");
        assert_eq!(v["anchor"]["offset"], 10);
        let (json, _) = run(lib.path(), "river", Format::JsonCounts);
        assert_eq!(json.lines().count(), 2);
    }
}
