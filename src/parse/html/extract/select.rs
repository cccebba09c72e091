//! Choosing the containers that hold the article. Each paragraph scores by its length and
//! commas and credits its ancestors, nearer ones more; a container's score is then cut by
//! the share of its text in links. Class and id hints adjust scores and discount
//! paragraphs inside chrome, but never remove anything: a page wrapped whole in
//! `<div class="header-wrapper">` or an ASP.NET `<form>` discounts every paragraph alike,
//! so the article still wins.

use super::hints::{Hint, Tag, tag_of, tag_weight};
use super::stats::{PARAGRAPH_MIN, PageStats, Stats};
use crate::parse::html::AttrNamed;
use crate::parse::html::ids::IdMap;
use crate::parse::html::notes::NoteShape;
use ego_tree::{NodeId, NodeRef};
use scraper::{ElementRef, Node};

/// How much a paragraph counts for each chrome container around it.
const CHROME_DISCOUNT: f64 = 0.2;
/// How many levels of ancestors a paragraph credits.
const ANCESTORS: usize = 5;

/// A scored container.
#[derive(Debug, Clone, Copy)]
pub struct Candidate {
    /// The element.
    pub id: NodeId,
    /// Its score after the link-density cut.
    pub score: f64,
}

/// Scores of every container that holds a paragraph.
pub struct Scores<'a> {
    stats: &'a PageStats,
    raw: IdMap<f64>,
    /// The containers, best first.
    pub ranked: Vec<Candidate>,
}

impl<'a> Scores<'a> {
    /// Scores the containers under `body`.
    pub fn new(body: ElementRef<'a>, stats: &'a PageStats, shape: &NoteShape) -> Scores<'a> {
        let mut raw: IdMap<f64> = IdMap::default();
        let mut stack = vec![(*body, 0u32)];
        while let Some((node, chrome)) = stack.pop() {
            let Some(el) = ElementRef::wrap(node) else {
                continue;
            };
            if !stats.seen(node.id()) || shape.skip.contains(&node.id()) {
                continue;
            }
            let tag = tag_of(el);
            let s = stats.get(node.id());
            let related = tag == Tag::Block && super::prune::opens_with_related(el, stats);
            let chrome = chrome + u32::from(s.hint.chrome || related);
            if matches!(tag, Tag::Block) && s.own >= PARAGRAPH_MIN {
                let score = paragraph_score(&s) * CHROME_DISCOUNT.powi(chrome as i32);
                // A run of text between blocks is a paragraph of the element itself; a
                // paragraph element credits its container.
                let first: Option<NodeRef<Node>> = if s.has_blocks {
                    Some(node)
                } else {
                    node.parent()
                };
                let chain = std::iter::successors(first, |n| n.parent())
                    .filter(|n| n.value().is_element())
                    .take(ANCESTORS);
                for (level, anc) in chain.enumerate() {
                    let divider = match level {
                        0 => 1.0,
                        1 => 2.0,
                        l => l as f64 * 3.0,
                    };
                    let entry = raw
                        .entry(anc.id())
                        .or_insert_with(|| base(anc, stats.get(anc.id()).hint));
                    *entry += score / divider;
                }
            }
            stack.extend(node.children().map(|c| (c, chrome)));
        }
        let mut ranked: Vec<Candidate> = raw
            .iter()
            .filter(|&(id, _)| stats.seen(*id))
            .map(|(&id, &score)| Candidate {
                id,
                score: score * (1.0 - stats.get(id).link_density()),
            })
            .collect();
        ranked.sort_by(|a, b| b.score.total_cmp(&a.score).then(a.id.cmp(&b.id)));
        Scores { stats, raw, ranked }
    }

    /// The final score of an element, 0 when no paragraph credited it.
    pub fn score(&self, id: NodeId) -> f64 {
        self.raw
            .get(&id)
            .map(|s| s * (1.0 - self.stats.get(id).link_density()))
            .unwrap_or(0.0)
    }

    fn has_score(&self, id: NodeId) -> bool {
        self.raw.contains_key(&id)
    }
}

/// A paragraph's worth: one, one per comma, one per hundred letters up to three, all cut by
/// the share of it in links.
fn paragraph_score(s: &Stats) -> f64 {
    let len = f64::from(s.own);
    (1.0 + f64::from(s.own_commas) + (len / 100.0).min(3.0)) * (1.0 - s.own_link_density())
}

fn base(node: NodeRef<Node>, hint: Hint) -> f64 {
    let Some(el) = ElementRef::wrap(node) else {
        return 0.0;
    };
    tag_weight(el.value().name()) + hint.weight()
}

/// The container the article lives in, starting from the best-scoring one: a common
/// ancestor of several near-best candidates (an article split into sibling blocks), or a
/// parent that scores better still.
pub fn top<'a>(scores: &Scores, best: NodeRef<'a, Node>, body: NodeId) -> NodeRef<'a, Node> {
    let mut top = best;
    let top_score = scores.score(top.id());
    // Several candidates nearly as good under one ancestor: the ancestor is the article.
    let near: Vec<NodeId> = scores
        .ranked
        .iter()
        .skip(1)
        .take(4)
        .filter(|c| c.score >= 0.75 * top_score)
        .map(|c| c.id)
        .collect();
    if near.len() >= 3 {
        let tree = top.tree();
        let mut parent = top.parent();
        while let Some(p) = parent {
            if p.id() == body {
                break;
            }
            let under = near
                .iter()
                .filter(|&&id| {
                    tree.get(id)
                        .is_some_and(|n| n.ancestors().any(|a| a.id() == p.id()))
                })
                .count();
            if under >= 3 {
                top = p;
                break;
            }
            parent = p.parent();
        }
    }
    // The article's text in several containers of one kind, between figures or ads: their
    // common ancestor is the article.
    if let Some(common) = same_kind_ancestor(scores, top, body) {
        top = common;
    }
    // Climb while the parent scores better, as when the paragraphs sit in sibling blocks.
    let mut last = scores.score(top.id());
    let threshold = last / 3.0;
    let mut parent = top.parent();
    while let Some(p) = parent {
        if p.id() == body || !p.value().is_element() {
            break;
        }
        if !scores.has_score(p.id()) {
            parent = p.parent();
            continue;
        }
        let s = scores.score(p.id());
        if s < threshold {
            break;
        }
        if s > last {
            top = p;
            break;
        }
        last = s;
        parent = p.parent();
    }
    // A container that is its parent's only element is the same container.
    while let Some(p) = top.parent() {
        if p.id() == body
            || !p.value().is_element()
            || p.children().filter(|c| c.value().is_element()).count() != 1
        {
            break;
        }
        top = p;
    }
    top
}

/// The nearest ancestor shared by `top` and the other scored containers with its tag and
/// class, when there are any and the ancestor is not mostly links.
fn same_kind_ancestor<'a>(
    scores: &Scores,
    top: NodeRef<'a, Node>,
    body: NodeId,
) -> Option<NodeRef<'a, Node>> {
    let el = ElementRef::wrap(top)?;
    let class = el
        .value()
        .attr_named("class")
        .filter(|c| !c.trim().is_empty())?;
    let name = el.value().name();
    let tree = top.tree();
    let same: Vec<NodeRef<Node>> = scores
        .ranked
        .iter()
        .filter(|c| c.id != top.id() && c.score > 0.0)
        .filter_map(|c| tree.get(c.id))
        .filter(|n| {
            ElementRef::wrap(*n).is_some_and(|e| {
                e.value().name() == name && e.value().attr_named("class") == Some(class)
            })
        })
        .collect();
    if same.is_empty() {
        return None;
    }
    let mut common = top;
    for other in &same {
        while !other.ancestors().any(|a| a.id() == common.id()) {
            common = common.parent()?;
        }
    }
    // The others must hold a real part of the text, and the ancestor little else.
    let stats = scores.stats;
    let own = stats.get(top.id()).prose;
    let others: u32 = same.iter().map(|n| stats.get(n.id()).prose).sum();
    let whole = stats.get(common.id());
    (common.id() != body
        && common.id() != top.id()
        && others * 4 >= own
        && whole.clean_prose * 10 <= (own + others) * 13
        && whole.link_density() < 0.5)
        .then_some(common)
}

/// The chosen container and those of its siblings that belong to the article: siblings
/// that score well, and plain paragraphs of prose.
pub fn with_siblings(scores: &Scores, stats: &PageStats, top: NodeRef<Node>) -> Vec<NodeId> {
    let Some(parent) = top.parent() else {
        return vec![top.id()];
    };
    let top_score = scores.score(top.id());
    let threshold = (top_score * 0.2).max(10.0);
    let top_class = ElementRef::wrap(top).and_then(|e| e.value().attr_named("class"));
    parent
        .children()
        .filter(|c| {
            if c.id() == top.id() {
                return true;
            }
            let Some(el) = ElementRef::wrap(*c) else {
                return false;
            };
            if !stats.seen(c.id())
                || tag_of(el) == Tag::Invisible
                || stats.get(c.id()).hint.chrome
                || super::prune::opens_with_related(el, stats)
            {
                return false;
            }
            let same_class = top_class.is_some_and(|t| !t.is_empty())
                && el.value().attr_named("class") == top_class;
            let bonus = if same_class { top_score * 0.2 } else { 0.0 };
            if scores.score(c.id()) + bonus >= threshold {
                return true;
            }
            let s = stats.get(c.id());
            if el.value().name() != "p" && s.has_blocks {
                return false;
            }
            let ld = s.link_density();
            if s.text > 80 {
                ld < 0.25
            } else {
                s.text > 0 && ld == 0.0 && ends_sentence(el)
            }
        })
        .map(|c| c.id())
        .collect()
}

fn ends_sentence(el: ElementRef) -> bool {
    let text: String = el.text().collect();
    let t = text.trim_end();
    t.ends_with(['.', '!', '?', '。', '！', '？', '"', '”', '»']) || t.contains(". ")
}
