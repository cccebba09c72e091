//! What an element's tag, role, class and id suggest about it. These are hints: they
//! adjust scores and decide what is pruned inside the article, but a hint never outweighs
//! where the text actually is.

use crate::parse::html::AttrNamed;
use scraper::ElementRef;
use std::collections::HashMap;

/// How an element takes part in the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tag {
    /// Never shows article text: scripts, styles, form controls, players.
    Invisible,
    /// Flows inside a line: links, emphasis, spans.
    Inline,
    /// A heading.
    Heading,
    /// Everything else: paragraphs, containers, lists, tables.
    Block,
}

/// The part an element plays in the text.
pub fn tag_of(el: ElementRef) -> Tag {
    // A `match` on the name: this runs for every element several times over.
    match el.value().name() {
        "script" | "style" | "noscript" | "template" | "svg" | "head" | "title" | "link"
        | "meta" | "base" | "iframe" | "object" | "embed" | "canvas" | "select" | "option"
        | "input" | "textarea" | "button" | "audio" | "video" | "map" | "area" | "source"
        | "track" | "param" | "datalist" | "output" | "progress" => Tag::Invisible,
        "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => Tag::Heading,
        "address" | "article" | "aside" | "blockquote" | "body" | "caption" | "center" | "dd"
        | "details" | "dialog" | "dir" | "div" | "dl" | "dt" | "fieldset" | "figcaption"
        | "figure" | "footer" | "form" | "header" | "hgroup" | "hr" | "html" | "legend" | "li"
        | "main" | "menu" | "nav" | "ol" | "p" | "pre" | "section" | "summary" | "table"
        | "tbody" | "td" | "tfoot" | "th" | "thead" | "tr" | "ul" => Tag::Block,
        // Anything else, custom elements (`<mjx-container>`) and unknown tags included,
        // flows inside a line, as browsers lay them out.
        _ => Tag::Inline,
    }
}

/// Class and id words of site chrome: navigation, sharing, comments, promotions, sign-up
/// boxes, recirculation. Matched against whole words of a class or id (split at `-`, `_`,
/// spaces and case changes), so "share-bar" is chrome and "shareholders" is not.
const CHROME_WORDS: &[&str] = &[
    "ad",
    "ads",
    "adslot",
    "adunit",
    "adv",
    "advert",
    "advertisement",
    "advertising",
    "adverts",
    "ambox",
    "banner",
    "breadcrumb",
    "breadcrumbs",
    "carousel",
    "catlinks",
    "combx",
    "comment",
    "comments",
    "community",
    "consent",
    "contentsub",
    "cookie",
    "cookies",
    "disqus",
    "editsection",
    "footer",
    "gallery",
    "gdpr",
    "hatnote",
    "header",
    "hovercard",
    "jump",
    "jumplinks",
    "lightbox",
    "login",
    "masthead",
    "mbox",
    "menu",
    "modal",
    "nav",
    "navbar",
    "navbox",
    "navigation",
    "newsletter",
    "noprint",
    "outbrain",
    "pager",
    "pagination",
    "paywall",
    "popover",
    "popular",
    "popup",
    "printfooter",
    "promo",
    "promoted",
    "recommendations",
    "recommended",
    "related",
    "remark",
    "replies",
    "rollover",
    "rss",
    "share",
    "sharing",
    "shoutbox",
    "sidebar",
    "signup",
    "sistersitebox",
    "sitesub",
    "skip",
    "skyscraper",
    "slidecount",
    "slider",
    "slideshow",
    "social",
    "sponsor",
    "sponsored",
    "subscribe",
    "subscription",
    "taboola",
    "toolbar",
    "tooltip",
    "trending",
    "widget",
];

/// Words that weigh against a container without making it chrome: bylines, captions,
/// credits and other furniture around the text.
const WEAK_WORDS: &[&str] = &[
    "author",
    "authors",
    "bio",
    "biography",
    "byline",
    "caption",
    "contact",
    "credit",
    "credits",
    "dateline",
    "disclaimer",
    "meta",
    "scroll",
    "shopping",
    "tags",
    "timestamp",
    "toc",
];

/// Class and id words of containers that hold the article.
const CONTENT_WORDS: &[&str] = &[
    "article", "articles", "body", "content", "entry", "hentry", "main", "page", "post", "story",
    "text", "prose", "blog", "column",
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

/// Class words of asides that are part of the text.
const TEXT_ASIDES: &[&str] = &[
    "note",
    "footnote",
    "endnote",
    "sidenote",
    "pullquote",
    "figure",
];

/// The lower-cased words of an element's class and id, split at punctuation and at case
/// changes (`articleBody` is `article` and `body`).
pub fn words(el: ElementRef) -> Vec<String> {
    let v = el.value();
    let mut out = Vec::new();
    for s in v.classes().chain(v.id()) {
        for part in s.split(|c: char| !c.is_alphanumeric()) {
            split_case(part, &mut out);
        }
    }
    out
}

fn split_case(part: &str, out: &mut Vec<String>) {
    let mut start = 0;
    let mut prev_lower = false;
    for (i, c) in part.char_indices() {
        if c.is_uppercase() && prev_lower {
            out.push(part[start..i].to_lowercase());
            start = i;
        }
        prev_lower = c.is_lowercase() || c.is_ascii_digit();
    }
    if start < part.len() {
        out.push(part[start..].to_lowercase());
    }
}

fn any_word(words: &[String], list: &[&str]) -> bool {
    words.iter().any(|w| list.contains(&w.as_str()))
}

/// Parts that class names glue to a chrome word without a separator: `relatedposts`,
/// `sharebar`, `sitenav`, `commentlist`. Only these, so that `shareholders` and
/// `commentary` stay words of their own.
const GLUED_AFTER: &[&str] = &[
    "posts",
    "post",
    "stories",
    "links",
    "articles",
    "items",
    "box",
    "list",
    "wrap",
    "wrapper",
    "area",
    "container",
    "block",
    "section",
    "bar",
    "buttons",
    "icons",
    "module",
    "widget",
    "title",
    "heading",
    "headline",
    "header",
];
const GLUED_BEFORE: &[&str] = &[
    "site",
    "top",
    "main",
    "sub",
    "global",
    "page",
    "mobile",
    "primary",
    "secondary",
    "header",
    "footer",
    "post",
    "article",
];

/// Whether a word is one of `CHROME_WORDS`, which are kept sorted for this search.
fn is_chrome_word(word: &str) -> bool {
    CHROME_WORDS.binary_search(&word).is_ok()
}

/// Whether a class word is a chrome word glued to parts above (`relatedpoststitle`).
fn glued_chrome(word: &str) -> bool {
    // The shortest glued word is a two-letter chrome word and a three-letter part.
    word.len() >= 5
        && (chrome_then_parts(word)
            || GLUED_BEFORE
                .iter()
                .any(|b| word.strip_prefix(b).is_some_and(is_chrome_word)))
}

/// Whether `word` is a chrome word followed by one or more of `GLUED_AFTER`. The parts
/// are peeled from the end: every class word of every element of a page comes here, and
/// few end in a part, so most are answered by a few `ends_with` (trying each split point
/// as a chrome word first was a tenth of a parse).
fn chrome_then_parts(word: &str) -> bool {
    GLUED_AFTER.iter().any(|p| {
        word.strip_suffix(p).is_some_and(|head| {
            head.len() >= 2 && (is_chrome_word(head) || chrome_then_parts(head))
        })
    })
}

/// Class words of a post quoted from a social network (`blockquote.twitter-tweet`).
fn is_social_post(words: &[String]) -> bool {
    any_word(
        words,
        &["tweet", "instagram", "tiktok", "mastodon", "bluesky"],
    )
}

/// Whether an element holds a post quoted from a social network.
pub fn holds_social_post(el: ElementRef) -> bool {
    el.descendent_elements()
        .any(|d| d.value().name() == "blockquote" && is_social_post(&words(d)))
}

/// What the class, id, tag and role of one element say.
#[derive(Debug, Clone, Copy, Default)]
pub struct Hint {
    /// A chrome word, a chrome tag (`nav`, `footer`, `aside`, `form`) or a chrome role.
    pub chrome: bool,
    /// A content word (`article-body`, `post`, `entry`…).
    pub content: bool,
    /// A word that weighs against the element without making it chrome (`byline`, `caption`).
    pub weak: bool,
    /// A quoted post from a social network, or a block quotation.
    pub quote: bool,
}

/// Hints already read, by the tag, class, id and role they were read from: a page repeats
/// a few of each many times over, and reading one splits and lower-cases its words.
#[derive(Default)]
pub struct HintMemo<'a>(HashMap<[&'a str; 4], Hint>);

impl<'a> HintMemo<'a> {
    /// The hints of `el`, read once for each tag, class, id and role.
    pub fn of(&mut self, el: ElementRef<'a>) -> Hint {
        let v = el.value();
        let key = [
            v.name(),
            v.attr_named("class").unwrap_or(""),
            v.id().unwrap_or(""),
            v.attr_named("role").unwrap_or(""),
        ];
        *self.0.entry(key).or_insert_with(|| Hint::of(el))
    }
}

impl Hint {
    /// Reads the hints of one element.
    pub fn of(el: ElementRef) -> Hint {
        let v = el.value();
        let name = v.name();
        if matches!(name, "html" | "body") {
            return Hint::default();
        }
        // Most elements say nothing about themselves: no words to read.
        let w = if v.attr_named("class").is_some() || v.id().is_some() {
            words(el)
        } else {
            Vec::new()
        };
        let content = any_word(&w, CONTENT_WORDS) || matches!(name, "article" | "main");
        let role_chrome = v.attr_named("role").is_some_and(|r| {
            r.split_whitespace()
                .any(|r| CHROME_ROLES.contains(&r.to_ascii_lowercase().as_str()))
        });
        let tag_chrome = match name {
            "nav" | "footer" | "form" | "dialog" | "menu" => true,
            "aside" => !any_word(&w, TEXT_ASIDES),
            _ => false,
        };
        // A post quoted from a social network (`div.social-media-embed >
        // blockquote.twitter-tweet`) is part of the text, whatever its wrapper is called.
        let quoted_post = name == "blockquote" || is_social_post(&w);
        Hint {
            chrome: !quoted_post
                && (role_chrome
                    || tag_chrome
                    || w.iter().any(|x| is_chrome_word(x) || glued_chrome(x))),
            content,
            weak: any_word(&w, WEAK_WORDS),
            quote: quoted_post,
        }
    }

    /// The score a container's class and id add: content words for, chrome words against.
    pub fn weight(&self) -> f64 {
        let mut w = 0.0;
        if self.content {
            w += 25.0;
        }
        if self.chrome {
            w -= 25.0;
        }
        if self.weak {
            w -= 10.0;
        }
        w
    }
}

/// A container's starting score from its tag.
pub fn tag_weight(name: &str) -> f64 {
    match name {
        "article" | "main" => 10.0,
        "div" | "section" => 5.0,
        "pre" | "td" | "blockquote" => 3.0,
        "address" | "ol" | "ul" | "dl" | "dd" | "dt" | "li" | "form" => -3.0,
        "h1" | "h2" | "h3" | "h4" | "h5" | "h6" | "th" => -5.0,
        _ => 0.0,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use scraper::{Html, Selector};

    /// Whether the rest of a word is made wholly of the parts glued after chrome words.
    fn glued_parts(rest: &str) -> bool {
        !rest.is_empty()
            && GLUED_AFTER.iter().any(|p| {
                rest.strip_prefix(p)
                    .is_some_and(|more| more.is_empty() || glued_parts(more))
            })
    }

    /// What `glued_chrome` answered when it tried every chrome word in turn.
    fn glued_by_scan(word: &str) -> bool {
        word.len() >= 5
            && CHROME_WORDS.iter().any(|c| {
                word.strip_prefix(c).is_some_and(glued_parts)
                    || word
                        .strip_suffix(c)
                        .is_some_and(|rest| GLUED_BEFORE.contains(&rest))
            })
    }

    #[test]
    fn glued_chrome_words_are_found_from_the_end_as_by_scan() {
        let mut words: Vec<String> = Vec::new();
        for c in CHROME_WORDS {
            for p in GLUED_AFTER
                .iter()
                .chain(GLUED_BEFORE)
                .chain(["", "x", "é"].iter())
            {
                words.push(format!("{c}{p}"));
                words.push(format!("{p}{c}"));
                words.push(format!("{c}{p}{p}"));
                words.push(format!("{p}{c}s"));
            }
        }
        words.extend(
            [
                "relatedpoststitle",
                "sidebarwidget",
                "advertisement",
                "headline",
                "adé",
            ]
            .map(String::from),
        );
        for w in &words {
            assert_eq!(glued_chrome(w), glued_by_scan(w), "{w}");
        }
        assert!(words.iter().filter(|w| glued_chrome(w)).count() > 500);
    }

    fn hint(html: &str) -> Hint {
        let doc = Html::parse_fragment(html);
        let el = doc
            .select(&Selector::parse("div, nav, aside").unwrap())
            .next()
            .unwrap();
        Hint::of(el)
    }

    #[test]
    fn class_words_are_whole_words_split_at_case_changes() {
        assert!(hint(r#"<div class="share-bar">"#).chrome);
        assert!(!hint(r#"<div class="shareholders">"#).chrome);
        assert!(!hint(r#"<div class="headerless">"#).chrome);
        assert!(hint(r#"<div id="articleBody">"#).content);
        assert!(hint(r#"<div class="siteHeader">"#).chrome);
        assert!(hint(r#"<div class="jp-relatedposts">"#).chrome);
        assert!(hint(r#"<div class="sitenav">"#).chrome);
        assert!(!hint(r#"<div class="commentary">"#).chrome);
    }

    #[test]
    fn chrome_words_are_sorted_for_binary_search() {
        assert!(CHROME_WORDS.windows(2).all(|w| w[0] < w[1]));
    }

    #[test]
    fn an_aside_of_notes_is_text() {
        assert!(hint("<aside>").chrome);
        assert!(!hint(r#"<aside class="sidenote">"#).chrome);
    }
}
