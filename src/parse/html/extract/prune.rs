//! What to leave out inside the article's containers: chrome named by tag, role, class or
//! id, blocks that are mostly links or images or form fields, sign-up prompts and
//! recirculation. An element that holds most of the article's prose is never left out,
//! whatever its class says.

use super::hints::{self, Hint, Tag, tag_of};
use super::stats::{PageStats, Stats};
use crate::parse::html::ids::IdSet;
use crate::parse::html::notes::NoteShape;
use ego_tree::{NodeId, NodeRef};
use scraper::{ElementRef, Node};

/// What pruning decided inside the article's containers.
#[derive(Debug, Default)]
pub struct Pruned {
    /// Elements to leave out.
    pub drop: IdSet,
    /// Blocks that are photo captions or credits outside any figure.
    pub captions: IdSet,
}

/// Decides what inside `roots` to leave out, and which blocks are captions.
pub fn prune(roots: &[NodeRef<Node>], stats: &PageStats, shape: &NoteShape) -> Pruned {
    let total: u32 = roots.iter().map(|r| stats.get(r.id()).prose).sum();
    let mut drop = IdSet::default();
    let mut captions = IdSet::default();
    for root in roots {
        let mut stack: Vec<NodeRef<Node>> = root.children().collect();
        while let Some(node) = stack.pop() {
            let Some(el) = ElementRef::wrap(node) else {
                continue;
            };
            let id = node.id();
            if !stats.seen(id)
                || shape.refs.contains_key(&id)
                || shape.skip.contains(&id)
                || shape.backlinks.contains(&id)
            {
                continue;
            }
            let s = stats.get(id);
            if is_caption(el, &s) {
                captions.insert(id);
                continue;
            }
            if leave_out(el, &s, stats, total) {
                drop.insert(id);
                if introduces_related(el) {
                    drop.extend(links_after(el, stats));
                }
                continue;
            }
            stack.extend(node.children());
        }
    }
    Pruned { drop, captions }
}

/// A short block that captions a photo: named so by its class, or ending with a credit.
fn is_caption(el: ElementRef, s: &Stats) -> bool {
    if s.has_blocks || s.text == 0 || s.text > 400 {
        return false;
    }
    let named = || {
        hints::words(el).iter().any(|w| {
            matches!(
                w.as_str(),
                "caption" | "figcaption" | "credit" | "credits" | "newscaption"
            ) || w.ends_with("caption")
        })
    };
    match tag_of(el) {
        Tag::Block => named() || is_credit_line(&flat_text(el)),
        // A `span.caption` beside the picture it captions.
        Tag::Inline => el.value().name() == "span" && named(),
        _ => false,
    }
}

/// Whether one element inside the article is chrome.
fn leave_out(el: ElementRef, s: &Stats, stats: &PageStats, total: u32) -> bool {
    let name = el.value().name();
    // A block that opens "You may also like…" is recirculation, however much it holds.
    if matches!(name, "div" | "section" | "article" | "aside" | "ul" | "ol")
        && opens_with_related(el, stats)
    {
        return true;
    }
    // Whatever holds half the article's prose is the article.
    if total > 0 && s.prose * 2 >= total {
        return false;
    }
    if matches!(name, "div" | "section" | "article" | "aside" | "ul" | "ol")
        && opens_with_related_line(el, stats)
    {
        return true;
    }
    let tag = tag_of(el);
    let hint = s.hint;
    if tag == Tag::Inline {
        // Pop-up cards and share counters hide inside the lines they belong to.
        return name == "span" && hint.chrome;
    }
    if tag == Tag::Heading {
        return hint.chrome || introduces_related(el);
    }
    if hint.quote || (hint.chrome && hints::holds_social_post(el)) {
        return false;
    }
    if hint.chrome {
        // A part of the article's text in a container that also says "content".
        return !(hint.content && total > 0 && s.clean_prose * 6 >= total);
    }
    if name == "header" {
        return true;
    }
    // A byline, an author's biography, a credit or a tag list: furniture, unless it holds
    // a real part of the text.
    if hint.weak && s.clean_prose * 3 < total {
        return true;
    }
    if s.text <= 150 && !s.has_blocks && is_boilerplate(el, s) {
        return true;
    }
    if s.text <= 600 && !s.has_blocks && is_credit_or_notice(&flat_text(el)) {
        return true;
    }
    matches!(
        name,
        "div" | "section" | "ul" | "ol" | "dl" | "table" | "form" | "fieldset" | "figure" | "aside"
    ) && !wraps_heading(el)
        && conditionally_chrome(el, s, &hint)
}

/// A block that is a heading with inline furniture beside it (MediaWiki's `div.mw-heading`,
/// a heading and its "[edit]" link): short and mostly a link, but the heading of what
/// follows. The furniture is judged on its own.
fn wraps_heading(el: ElementRef) -> bool {
    let mut heading = false;
    for child in el.children() {
        match child.value() {
            Node::Element(e) if matches!(e.name(), "h1" | "h2" | "h3" | "h4" | "h5" | "h6") => {
                heading = true;
            }
            Node::Element(_)
                if ElementRef::wrap(child).is_some_and(|c| tag_of(c) == Tag::Inline) => {}
            Node::Text(t) if t.trim().is_empty() => {}
            Node::Comment(_) => {}
            _ => return false,
        }
    }
    heading
}

/// A block that reads as furniture rather than text, by what it holds: more images than
/// paragraphs, more list items than paragraphs outside a list, form fields, players, or
/// mostly links.
fn conditionally_chrome(el: ElementRef, s: &Stats, hint: &Hint) -> bool {
    let weight = hint.weight();
    if weight < 0.0 {
        return true;
    }
    if s.commas >= 10 {
        return false;
    }
    let name = el.value().name();
    let is_list =
        matches!(name, "ul" | "ol" | "dl") || (s.items > 0 && s.item_text * 10 >= s.text * 9);
    let p = f64::from(s.paragraphs);
    let img = f64::from(s.images);
    let li = f64::from(s.items) - 100.0;
    let ld = s.link_density();
    let heading_density = if s.text == 0 {
        0.0
    } else {
        f64::from(s.heading_text) / f64::from(s.text)
    };
    let in_figure = name == "figure"
        || el
            .ancestors()
            .any(|a| a.value().as_element().is_some_and(|e| e.name() == "figure"));
    if is_list {
        // A list of links is recirculation; a list of prose is text.
        return ld > 0.6 && s.text < 2000;
    }
    (img > 1.0 && p / img < 0.5 && !in_figure)
        || li > p
        || f64::from(s.inputs) > (p / 3.0).floor()
        || (heading_density < 0.9 && s.text < 25 && (s.images == 0 || s.images > 2) && ld > 0.0)
        || (weight < 25.0 && ld > 0.2)
        || (weight >= 25.0 && ld > 0.5)
        || (s.embeds == 1 && s.text < 75)
        || s.embeds > 1
}

/// A short block whose words are a button, a share prompt, a sign-up line, a time stamp,
/// or a "Related:" line leading to another article.
fn is_boilerplate(el: ElementRef, s: &Stats) -> bool {
    let t = flat_text(el);
    if crate::chrome::is_chrome(&t)
        || crate::dates::is_timestamp_line(&t)
        || is_related_intro(&t)
        || crate::parse::byline::read(&t, true).is_some()
        || is_handle(&t)
        || is_label(&t)
    {
        return true;
    }
    // A headline standing alone as a link, in the middle of the text: a teaser.
    if el.value().name() != "li"
        && s.link * 10 >= s.text * 9
        && !t.trim_end().ends_with(['.', '!', '?', '…', '"', '”'])
    {
        return true;
    }
    // "Related: How the harbour froze", "READ MORE: …", "See also: …" as a link.
    let lead = t.split_once(':').map(|(head, _)| head);
    lead.is_some_and(|head| {
        head.split_whitespace().count() <= 4
            && (crate::chrome::is_related_header(head) || is_read_more(head))
            && s.link * 2 >= s.text
    })
}

/// A wire service's credit line ("Reporting by …; Editing by …", "… contributed to this
/// report") or a legal notice ("Disclaimer: …"): the article's furniture, not its text.
fn is_credit_or_notice(t: &str) -> bool {
    const LEADS: &[&str] = &[
        "reporting by ",
        "(reporting by ",
        "additional reporting by ",
        "writing by ",
        "editing by ",
        "compiled by ",
        "with reporting by ",
        "disclaimer:",
        "disclosure:",
    ];
    const ENDS: &[&str] = &[
        "contributed to this report.",
        "contributed to this report",
        "contributed reporting.",
        "contributed to this story.",
    ];
    let lower = t.trim().to_lowercase();
    LEADS.iter().any(|l| lower.starts_with(l)) || ENDS.iter().any(|e| lower.ends_with(e))
}

/// A control's or placeholder's label left in the text: "Advert", "Close", "Loading…".
fn is_label(t: &str) -> bool {
    const LABELS: &[&str] = &[
        "advert",
        "ad",
        "ads",
        "advertisement",
        "sponsored",
        "caption",
        "close",
        "processing",
        "loading",
        "image",
        "photo",
        "video",
        "gallery",
        "expand",
        "collapse",
        "show more",
        "view more",
        "see more",
        "hide caption",
        "toggle caption",
        "enlarge this image",
        "image caption",
        "media caption",
        "play video",
        "watch video",
        "report",
        "pause",
        "play",
        "next",
        "previous",
        "prev",
        "back to top",
        "view gallery",
        "view comments",
    ];
    let t = t
        .trim()
        .trim_end_matches(['.', '…', ':'])
        .trim()
        .to_lowercase();
    LABELS.contains(&t.as_str())
}

/// A photo's caption or credit outside a figure: a short line that ends with its credit,
/// "(Image: GETTY)", "Photo: Jane Doe", "(AP Photo/John Locher)", "REUTERS/Brendan McDermid".
pub fn is_credit_line(t: &str) -> bool {
    const LABELS: &[&str] = &[
        "image",
        "images",
        "photo",
        "photos",
        "picture",
        "pictures",
        "credit",
        "credits",
        "photograph",
        "photography",
        "source",
        "ap photo",
        "afp photo",
        "image credit",
        "photo credit",
        "illustration",
    ];
    let t = t.trim();
    if t.is_empty() || t.chars().count() > 400 {
        return false;
    }
    let lower = t.to_lowercase();
    let tail: String = {
        let start = lower.char_indices().rev().nth(70).map_or(0, |(i, _)| i);
        lower[start..].to_string()
    };
    let labelled = LABELS.iter().any(|l| {
        tail.contains(&format!("({l}:"))
            || tail.contains(&format!("({l} /"))
            || tail.contains(&format!("({l}/"))
            || tail.starts_with(&format!("{l}:"))
            || tail.contains(&format!(" {l}:"))
            || tail.contains(&format!("{l}: "))
    });
    let agency = [
        "getty images",
        "getty",
        "reuters/",
        "ap photo",
        "afp via getty",
        "shutterstock",
    ]
    .iter()
    .any(|a| tail.contains(a));
    labelled || (agency && !t.ends_with(['.', '!', '?']) || lower.ends_with("getty images"))
}

fn flat_text(el: ElementRef) -> String {
    let mut out = String::new();
    for word in el.text().flat_map(str::split_whitespace) {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

fn is_read_more(head: &str) -> bool {
    let h = head.trim().to_lowercase();
    matches!(
        h.as_str(),
        "read more"
            | "read"
            | "more"
            | "see more"
            | "read also"
            | "also read"
            | "watch"
            | "listen"
            | "don't miss"
            | "more from"
            | "also"
            | "must read"
            | "recommended"
            | "leia também"
            | "veja também"
            | "lee también"
            | "lire aussi"
            | "à lire aussi"
            | "lesen sie auch"
            | "mehr zum thema"
            | "leggi anche"
            | "lees ook"
    )
}

/// A social-media handle on a line of its own.
fn is_handle(t: &str) -> bool {
    t.strip_prefix('@').is_some_and(|h| {
        !h.is_empty()
            && h.chars()
                .all(|c| c.is_alphanumeric() || c == '_' || c == '.')
    })
}

/// "Related", "You may also like…", "Our latest stories", "Most read": a line that heads a
/// list of links to other articles.
fn is_related_intro(t: &str) -> bool {
    const LEAD: &[&str] = &[
        "more",
        "latest",
        "top",
        "our",
        "popular",
        "recent",
        "trending",
        "recommended",
        "other",
        "editor's",
        "editors'",
        "editors",
        "most",
        "similar",
        "related",
        "the",
        "from",
        "this",
        "site",
        "today's",
        "new",
        "best",
        "featured",
    ];
    const LAST: &[&str] = &[
        "stories",
        "news",
        "articles",
        "posts",
        "videos",
        "reads",
        "picks",
        "headlines",
        "read",
        "popular",
        "now",
    ];
    const WHOLE: &[&str] = &[
        "you might also like",
        "you may also like",
        "you might like",
        "we recommend",
        "don't miss",
        "also read",
        "read next",
        "up next",
        "what to read next",
        "keep reading",
        // Portuguese, Spanish, French, German, Italian, Dutch.
        "você pode gostar",
        "voce pode gostar",
        "veja também",
        "leia também",
        "leia mais",
        "relacionados",
        "te puede interesar",
        "también te puede interesar",
        "lee también",
        "noticias relacionadas",
        "relacionado",
        "à lire aussi",
        "a lire aussi",
        "lire aussi",
        "sur le même sujet",
        "vous aimerez aussi",
        "das könnte sie auch interessieren",
        "mehr zum thema",
        "lesen sie auch",
        "weitere artikel",
        "potrebbe interessarti",
        "leggi anche",
        "articoli correlati",
        "lees ook",
        "meer over dit onderwerp",
    ];
    let t = t.trim_end_matches(['.', '…', ':', '!']).trim();
    if t.is_empty() {
        return false;
    }
    if crate::chrome::is_related_header(t) {
        return true;
    }
    let lower = t.to_lowercase().replace('’', "'");
    if WHOLE.contains(&lower.as_str()) {
        return true;
    }
    let words: Vec<&str> = lower.split_whitespace().collect();
    match words.split_last() {
        Some((last, lead)) if !lead.is_empty() && lead.len() <= 4 => {
            LAST.contains(last) && lead.iter().all(|w| LEAD.contains(w))
        }
        _ => false,
    }
}

/// Whether a block's first heading introduces recirculation ("You may also like…"), as a
/// sibling block of teasers opens.
pub fn opens_with_related(el: ElementRef, stats: &PageStats) -> bool {
    matches!(opening(el, stats), Opening::Heading(h) if introduces_related(h))
}

/// Whether a block opens with a title line that is no heading (`div.title > span`) and
/// introduces recirculation. Weaker evidence than a heading: a page's main column can open
/// with an "Up next:" bar, so only blocks that are not most of the article are judged by it.
fn opens_with_related_line(el: ElementRef, stats: &PageStats) -> bool {
    matches!(opening(el, stats), Opening::Line(l) if introduces_related(l))
}

/// What a block's first visible text is.
enum Opening<'a> {
    Heading(ElementRef<'a>),
    /// A block below `el` that holds nothing but a line of inline text.
    Line(ElementRef<'a>),
    Other,
}

fn opening<'a>(el: ElementRef<'a>, stats: &PageStats) -> Opening<'a> {
    // Down the first children that hold text a reader sees, a few levels at most: the
    // block's first text must be that heading's. Whether a child holds any is in the
    // page's statistics: every block of a page is asked, and reading each child's text
    // to find out was a few percent of a parse.
    let mut at = el;
    for _ in 0..4 {
        let Some(first) = at.children().find(|c| match c.value() {
            Node::Text(t) => !t.trim().is_empty(),
            Node::Element(_) => stats.get(c.id()).text > 0,
            _ => false,
        }) else {
            return Opening::Other;
        };
        let line = || {
            if at != el && !stats.get(at.id()).has_blocks {
                Opening::Line(at)
            } else {
                Opening::Other
            }
        };
        let Some(first) = ElementRef::wrap(first) else {
            return line();
        };
        match tag_of(first) {
            Tag::Heading => return Opening::Heading(first),
            Tag::Block => at = first,
            _ => return line(),
        }
    }
    Opening::Other
}

/// Whether a heading or a short line introduces recirculation.
fn introduces_related(el: ElementRef) -> bool {
    is_related_intro(&flat_text(el))
}

/// The blocks of links that follow a "Related" line, up to the first that is not mostly links.
fn links_after(el: ElementRef, stats: &PageStats) -> Vec<NodeId> {
    el.next_siblings()
        .filter_map(ElementRef::wrap)
        .take_while(|n| {
            let s = stats.get(n.id());
            s.text > 0 && s.link * 2 >= s.text
        })
        .map(|n| n.id())
        .collect()
}
