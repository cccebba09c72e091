//! The live filter: fuzzy matching (nucleo) over title, authors, site and file name, with
//! the matched characters of the title and authors for highlighting.

use super::entry::Entry;
use nucleo_matcher::pattern::{CaseMatching, Normalization, Pattern};
use nucleo_matcher::{Config, Matcher, Utf32String};
use std::ops::Range;

/// Put between fields so a match rarely runs from the end of one into the next.
const GAP: &str = "   ";

/// The searchable text of one entry, built once per change of the entry.
#[derive(Debug, Clone)]
pub struct Hay {
    text: Utf32String,
    title: Range<u32>,
    authors: Range<u32>,
}

impl Hay {
    /// Title, authors, site and (when it is not already the title) file name of `e`.
    pub fn new(e: &Entry) -> Self {
        let title = e.title();
        let authors = e.authors();
        let title_len = title.chars().count() as u32;
        let authors_start = title_len + GAP.len() as u32;
        let mut text = format!("{title}{GAP}{authors}");
        if let Some(site) = e.meta().and_then(|m| m.site.as_deref()) {
            text.push_str(GAP);
            text.push_str(site);
        }
        let file = e.file_name();
        if file != title {
            text.push_str(GAP);
            text.push_str(&file);
        }
        Hay {
            text: Utf32String::from(text.as_str()),
            title: 0..title_len,
            authors: authors_start..authors_start + authors.chars().count() as u32,
        }
    }
}

/// One entry that matches, and where.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Hit {
    /// Index of the entry.
    pub entry: usize,
    /// Higher is better.
    pub score: u32,
    /// Character positions in the title that matched.
    pub title: Vec<usize>,
    /// Character positions in the authors (joined by ", ") that matched.
    pub authors: Vec<usize>,
}

/// The entries among `rows` that match `query`, best first; equal scores keep `rows` order.
pub fn filter(hays: &[Hay], rows: &[usize], query: &str) -> Vec<Hit> {
    let pattern = Pattern::parse(query, CaseMatching::Smart, Normalization::Smart);
    let mut matcher = Matcher::new(Config::DEFAULT);
    let mut indices = Vec::new();
    let mut hits: Vec<Hit> = rows
        .iter()
        .filter_map(|&entry| {
            let hay = hays.get(entry)?;
            indices.clear();
            let score = pattern.indices(hay.text.slice(..), &mut matcher, &mut indices)?;
            indices.sort_unstable();
            indices.dedup();
            let within = |r: &Range<u32>| -> Vec<usize> {
                indices
                    .iter()
                    .filter(|i| r.contains(i))
                    .map(|i| (i - r.start) as usize)
                    .collect()
            };
            Some(Hit {
                entry,
                score,
                title: within(&hay.title),
                authors: within(&hay.authors),
            })
        })
        .collect();
    hits.sort_by_key(|h| std::cmp::Reverse(h.score));
    hits
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::library::entry::{Meta, State};

    fn entry(file: &str, title: Option<&str>, author: &str, site: Option<&str>) -> Entry {
        Entry {
            path: file.into(),
            size: 1,
            mtime: 1,
            state: State::Ready(std::sync::Arc::new(Meta {
                title: title.map(String::from),
                authors: vec![author.into()],
                site: site.map(String::from),
                ..Meta::default()
            })),
        }
    }

    fn run(query: &str) -> Vec<Hit> {
        let entries = [
            entry("a.txt", Some("Night trains of Europe"), "Ana Ruiz", None),
            entry(
                "b.txt",
                Some("The Long River"),
                "Tom Niet",
                Some("Harbour Gazette"),
            ),
            entry("c.md", Some("Notes on rivers"), "Li Wei", None),
            entry("nightjar.html", None, "", None),
        ];
        let hays: Vec<Hay> = entries.iter().map(Hay::new).collect();
        filter(&hays, &[0, 1, 2, 3], query)
    }

    #[test]
    fn a_word_start_match_ranks_above_a_scattered_one() {
        let hits = run("river");
        let order: Vec<usize> = hits.iter().map(|h| h.entry).collect();
        assert_eq!(order, [1, 2]);
        assert_eq!(hits[0].title, [9, 10, 11, 12, 13]);
    }

    #[test]
    fn matches_authors_site_and_file_name() {
        assert_eq!(run("ruiz")[0].authors, [4, 5, 6, 7]);
        assert_eq!(run("gazette")[0].entry, 1);
        assert!(run("gazette")[0].title.is_empty());
        let night: Vec<usize> = run("night").iter().map(|h| h.entry).collect();
        assert_eq!(night, [0, 3]);
    }

    #[test]
    fn empty_query_keeps_everything_in_order() {
        let order: Vec<usize> = run("").iter().map(|h| h.entry).collect();
        assert_eq!(order, [0, 1, 2, 3]);
    }

    #[test]
    fn unicode_titles_highlight_by_character() {
        let e = entry("x.txt", Some("Café Ölmühle"), "", None);
        let hits = filter(&[Hay::new(&e)], &[0], "olm");
        assert_eq!(hits[0].title, [5, 6, 7]);
    }
}
