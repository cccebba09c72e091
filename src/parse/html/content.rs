//! Finding the article in a page the way reader modes do: site chrome is recognised by tag,
//! role and class names, and the main container is the one that gathers the most paragraph
//! text with the fewest links.

use crate::parse::build::snippet;
use ego_tree::{NodeId, NodeRef};
use scraper::{ElementRef, Html, Node};
use std::collections::HashMap;

/// Elements that never hold article text.
const CHROME_TAGS: &[&str] = &[
    "script", "style", "noscript", "template", "svg", "nav", "form", "button", "iframe", "select",
    "input", "textarea", "label", "object", "embed", "canvas", "dialog", "footer", "link", "meta",
    "head", "title", "audio", "video", "map", "area",
];

/// Class and id words that mark chrome. Matched against whole words of a class or id
/// (split at `-`, `_` and case changes) so "share-bar" is chrome and "shareholders" is not.
const CHROME_WORDS: &[&str] = &[
    "share",
    "sharing",
    "social",
    "subscribe",
    "subscription",
    "newsletter",
    "signup",
    "cookie",
    "cookies",
    "consent",
    "gdpr",
    "comment",
    "comments",
    "disqus",
    "related",
    "recommended",
    "promo",
    "advert",
    "advertisement",
    "ad",
    "ads",
    "sponsor",
    "sponsored",
    "sidebar",
    "widget",
    "breadcrumb",
    "breadcrumbs",
    "pagination",
    "pager",
    "popup",
    "modal",
    "banner",
    "masthead",
    "menu",
    "navbar",
    "nav",
    "navigation",
    "toolbar",
    "skip",
    "editsection",
    "navbox",
    "noprint",
    "catlinks",
    "jump",
    "hatnote",
    "toc",
    "footer",
    "header",
    "byline",
    "paywall",
    "outbrain",
    "taboola",
    "trending",
    "tags",
    "login",
    "author",
    "dateline",
    "meta",
    "mbox",
    "ambox",
    "sistersitebox",
    "printfooter",
    "sitesub",
    "contentsub",
    "jumplinks",
];

/// Class and id words of containers that hold the article.
const CONTENT_WORDS: &[&str] = &[
    "article", "content", "main", "body", "entry", "post", "story", "text", "prose", "blog", "page",
];

/// Roles that are never article text.
const CHROME_ROLES: &[&str] = &[
    "navigation",
    "banner",
    "contentinfo",
    "complementary",
    "search",
    "dialog",
    "alertdialog",
    "menu",
    "menubar",
    "toolbar",
];

/// Lower-cased words of an element's class and id.
fn words(el: ElementRef) -> Vec<String> {
    let v = el.value();
    let mut out = Vec::new();
    for s in v.classes().chain(v.id()) {
        for w in s.split(['-', '_', ' ', ':']) {
            if !w.is_empty() {
                out.push(w.to_ascii_lowercase());
            }
        }
    }
    out
}

fn has_word(words: &[String], list: &[&str]) -> bool {
    words
        .iter()
        .any(|w| list.iter().any(|l| l.eq_ignore_ascii_case(w)))
}

/// Whether an element is hidden from readers.
fn hidden(el: ElementRef) -> bool {
    let v = el.value();
    v.attr("hidden").is_some()
        || v.attr("aria-hidden") == Some("true")
        || v.attr("style").is_some_and(|s| {
            let s: String = s
                .chars()
                .filter(|c| !c.is_whitespace())
                .collect::<String>()
                .to_ascii_lowercase();
            s.contains("display:none") || s.contains("visibility:hidden")
        })
}

/// Whether an element is site chrome (navigation, sharing, comments, banners…) rather than text.
pub fn is_chrome(el: ElementRef) -> bool {
    let v = el.value();
    let name = v.name();
    if matches!(name, "html" | "body") {
        return false;
    }
    if CHROME_TAGS.contains(&name) || hidden(el) {
        return true;
    }
    if v.attr("role").is_some_and(|r| CHROME_ROLES.contains(&r)) {
        return true;
    }
    let w = words(el);
    if name == "aside" {
        return !has_word(
            &w,
            &[
                "note",
                "footnote",
                "endnote",
                "sidenote",
                "pullquote",
                "figure",
            ],
        );
    }
    if name == "header" {
        return link_density(el) > 0.4 || !has_heading(el) || has_word(&w, CHROME_WORDS);
    }
    if !has_word(&w, CHROME_WORDS) {
        return false;
    }
    // A big container named "main-content has-sidebar" is still the content.
    !(has_word(&w, CONTENT_WORDS) && text_len(el) > 2000)
}

fn has_heading(el: ElementRef) -> bool {
    el.descendent_elements()
        .any(|e| matches!(e.value().name(), "h1" | "h2" | "h3"))
}

/// Characters of visible text under an element.
pub fn text_len(el: ElementRef) -> usize {
    el.text().map(|t| t.trim().chars().count()).sum()
}

/// The share of an element's text that sits inside links.
pub fn link_density(el: ElementRef) -> f64 {
    let total = text_len(el);
    if total == 0 {
        return 0.0;
    }
    let linked: usize = el
        .descendent_elements()
        .filter(|e| {
            e.value().name() == "a" && !e.value().attr("href").is_some_and(|h| h.starts_with('#'))
        })
        .map(text_len)
        .sum();
    linked as f64 / total as f64
}

const BLOCK_TAGS: &[&str] = &[
    "p",
    "div",
    "section",
    "article",
    "table",
    "ul",
    "ol",
    "dl",
    "pre",
    "blockquote",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "figure",
    "main",
    "aside",
    "header",
    "footer",
    "form",
    "hr",
];

/// The containers holding the article, in document order: the best-scoring one and its
/// siblings that score nearly as well.
pub fn main_content(doc: &Html) -> Vec<NodeId> {
    let body = doc
        .root_element()
        .child_elements()
        .find(|e| e.value().name() == "body")
        .unwrap_or_else(|| doc.root_element());
    let mut scores: HashMap<NodeId, f64> = HashMap::new();
    score_paragraphs(*body, &mut scores);
    let best = scores
        .iter()
        .filter_map(|(&id, &s)| {
            let el = ElementRef::wrap(doc.tree.get(id)?)?;
            Some((id, s * (1.0 - link_density(el))))
        })
        .max_by(|a, b| a.1.total_cmp(&b.1).then(b.0.cmp(&a.0)));
    let Some((top, top_score)) = best else {
        return vec![body.id()];
    };
    let node = doc.tree.get(top).expect("scored node exists");
    let Some(parent) = node.parent() else {
        return vec![top];
    };
    let threshold = (top_score * 0.2).max(10.0);
    parent
        .children()
        .filter(|c| {
            if c.id() == top {
                return true;
            }
            let Some(el) = ElementRef::wrap(*c) else {
                return false;
            };
            let own = scores.get(&c.id()).copied().unwrap_or(0.0) * (1.0 - link_density(el));
            let prose = el.value().name() == "p" && text_len(el) > 80 && link_density(el) < 0.25;
            !is_chrome(el) && (own >= threshold || prose)
        })
        .map(|c| c.id())
        .collect()
}

/// Credits each paragraph's score to its parent, grandparent and great-grandparent.
fn score_paragraphs(node: NodeRef<Node>, scores: &mut HashMap<NodeId, f64>) {
    for child in node.children() {
        let Some(el) = ElementRef::wrap(child) else {
            continue;
        };
        if is_chrome(el) {
            continue;
        }
        let name = el.value().name();
        let leaf_div = name == "div"
            && !el
                .child_elements()
                .any(|c| BLOCK_TAGS.contains(&c.value().name()));
        if matches!(name, "p" | "pre" | "td" | "blockquote") || leaf_div {
            let text = el.text().collect::<Vec<_>>().join(" ");
            let len = text.trim().chars().count();
            if len >= 25 {
                let commas = text.matches([',', '，', '、']).count();
                let score = 1.0 + commas as f64 + (len as f64 / 100.0).min(3.0);
                for (level, anc) in child.ancestors().take(3).enumerate() {
                    let Some(a) = ElementRef::wrap(anc) else {
                        break;
                    };
                    let divider = [1.0, 2.0, 6.0][level];
                    *scores.entry(anc.id()).or_insert_with(|| base_score(a)) += score / divider;
                }
            }
        }
        if name != "p" {
            score_paragraphs(child, scores);
        }
    }
}

/// A container's starting score from its tag and class names.
fn base_score(el: ElementRef) -> f64 {
    let tag = match el.value().name() {
        "article" | "main" => 10.0,
        "div" => 5.0,
        "pre" | "td" | "blockquote" => 3.0,
        "address" | "ol" | "ul" | "dl" | "dd" | "dt" | "li" | "form" => -3.0,
        "h1" | "h2" | "h3" | "h4" | "h5" | "h6" | "th" => -5.0,
        _ => 0.0,
    };
    let w = words(el);
    let class = if has_word(&w, CONTENT_WORDS) {
        25.0
    } else {
        0.0
    } - if has_word(&w, CHROME_WORDS) {
        25.0
    } else {
        0.0
    };
    tag + class
}

/// Records the text of chrome outside the article (banners, navigation, footers) in `removed`.
pub fn chrome_outside(el: ElementRef, content: &[NodeId], removed: &mut Vec<String>) {
    for child in el.child_elements() {
        if content.contains(&child.id()) {
            continue;
        }
        let name = child.value().name();
        if matches!(
            name,
            "head" | "script" | "style" | "noscript" | "template" | "svg"
        ) {
            continue;
        }
        if is_chrome(child) {
            let text = child.text().collect::<Vec<_>>().join(" ");
            if !text.trim().is_empty() {
                removed.push(snippet(&text));
            }
        } else {
            chrome_outside(child, content, removed);
        }
    }
}
