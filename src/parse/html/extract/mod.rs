//! Finding the article on a saved web page, as the strongest reader modes do: statistics of
//! every element in one pass, paragraphs scored by length, commas and links, the best
//! container chosen with its siblings, and chrome pruned inside it. When no container
//! holds the article, the page's readable text is shown whole and says so.

mod hints;
mod prune;
mod select;
mod stats;

use super::notes::NoteShape;
use crate::parse::build::snippet_of;
use crate::parse::html::ids::IdSet;
use ego_tree::{NodeId, NodeRef};
use scraper::{ElementRef, Html, Node};

pub use hints::{Tag, tag_of};

/// Fewest letters of prose a container must keep to be taken as the article.
const ARTICLE_MIN: u32 = 140;

/// Where a page's article is and what inside it to leave out.
#[derive(Debug, Default)]
pub struct Found {
    /// The containers holding the article, in document order.
    pub roots: Vec<NodeId>,
    /// Elements inside the roots left out as chrome (their text goes to `removed`), and
    /// hidden elements anywhere.
    pub drop: IdSet,
    /// Blocks inside the roots that caption photos outside any figure.
    pub captions: IdSet,
    /// No container held the article: the roots are the whole page.
    pub fallback: bool,
}

/// Finds the article in a parsed page.
pub fn find(doc: &Html, shape: &NoteShape) -> Found {
    let stats = stats::PageStats::gather(doc);
    let body = doc
        .root_element()
        .child_elements()
        .find(|e| e.value().name() == "body")
        .unwrap_or_else(|| doc.root_element());
    let scores = select::Scores::new(body, &stats, shape);
    let mut best: Option<(u32, Found)> = None;
    for candidate in scores.ranked.iter().take(5) {
        let Some(node) = doc.tree.get(candidate.id) else {
            continue;
        };
        let top = select::top(&scores, node, body.id());
        if ElementRef::wrap(top).is_some_and(|t| prune::opens_with_related(t, &stats)) {
            continue;
        }
        if best
            .as_ref()
            .is_some_and(|(_, f)| f.roots.contains(&top.id()))
        {
            continue;
        }
        let ids = select::with_siblings(&scores, &stats, top);
        let roots: Vec<NodeRef<Node>> = ids.iter().filter_map(|&id| doc.tree.get(id)).collect();
        let pruned = prune::prune(&roots, &stats, shape);
        let left_out = outermost(doc, pruned.drop.iter().chain(&pruned.captions))
            .map(|id| stats.get(id).prose)
            .sum::<u32>();
        let kept = ids
            .iter()
            .map(|&id| stats.get(id).prose)
            .sum::<u32>()
            .saturating_sub(left_out);
        let enough = kept >= ARTICLE_MIN;
        if best.as_ref().is_none_or(|(k, _)| kept > *k) {
            best = Some((
                kept,
                Found {
                    roots: ids,
                    drop: pruned.drop,
                    captions: pruned.captions,
                    fallback: false,
                },
            ));
        }
        if enough {
            break;
        }
    }
    let mut found = match best {
        // Less than a short paragraph is not an article: the page shows all its text.
        Some((kept, found)) if kept >= ARTICLE_MIN => found,
        _ => Found {
            roots: vec![body.id()],
            fallback: true,
            ..Found::default()
        },
    };
    found.drop.extend(stats.hidden.iter().copied());
    found
}

/// Records the text left outside the article (banners, navigation, teasers, footers) in
/// `removed`, one snippet for each part of the page beside the path to the article.
pub fn outside(doc: &Html, found: &Found, removed: &mut Vec<String>) {
    let mut path: IdSet = IdSet::default();
    for &id in &found.roots {
        if let Some(node) = doc.tree.get(id) {
            path.extend(node.ancestors().map(|a| a.id()));
        }
    }
    let roots: IdSet = found.roots.iter().copied().collect();
    // Depth first, in document order, descending only along the path.
    let mut stack = vec![doc.tree.root()];
    while let Some(node) = stack.pop() {
        for child in node.children().rev() {
            if roots.contains(&child.id()) {
                continue;
            }
            if path.contains(&child.id()) {
                stack.push(child);
            }
        }
        for child in node.children() {
            if path.contains(&child.id()) || roots.contains(&child.id()) {
                continue;
            }
            let Some(el) = ElementRef::wrap(child) else {
                continue;
            };
            if tag_of(el) == Tag::Invisible {
                continue;
            }
            let text = snippet_of(el.text());
            if !text.is_empty() {
                removed.push(text);
            }
        }
    }
}

/// The elements of `ids` not inside another of them: a caption or a list of links can be
/// left out inside a block left out too, and its text must not be taken away twice.
fn outermost<'a>(
    doc: &'a Html,
    ids: impl Iterator<Item = &'a NodeId> + Clone + 'a,
) -> impl Iterator<Item = NodeId> + 'a {
    let set: IdSet = ids.clone().copied().collect();
    ids.copied().filter(move |&id| {
        doc.tree
            .get(id)
            .is_some_and(|n| !n.ancestors().any(|a| set.contains(&a.id())))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_left_out_inside_text_left_out_counts_once() {
        let doc = Html::parse_document(
            "<div id=a><p id=b>x</p><div id=c><p id=d>y</p></div></div><p id=e>z</p>",
        );
        let id = |name: &str| {
            doc.tree
                .nodes()
                .find(|n| ElementRef::wrap(*n).is_some_and(|e| e.value().id() == Some(name)))
                .unwrap()
                .id()
        };
        let ids = [id("b"), id("c"), id("d"), id("a"), id("e")];
        let mut kept: Vec<NodeId> = outermost(&doc, ids.iter()).collect();
        kept.sort();
        let mut want = vec![id("a"), id("e")];
        want.sort();
        assert_eq!(kept, want);
    }
}
