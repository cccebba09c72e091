//! Text statistics of every element, gathered in one pass so that scoring and pruning never
//! walk a subtree twice: how much visible text it holds, how much of it sits in links,
//! its commas, and the paragraphs, images, list items and form fields below it.

use super::hints::{Hint, HintMemo, Tag, tag_of};
use crate::parse::html::AttrNamed;
use crate::parse::html::ids::{IdMap, IdSet};
use ego_tree::NodeId;
use ego_tree::iter::Edge;
use scraper::{ElementRef, Html, Node};

/// Shortest run of inline text, in letters (white space not counted), that counts as a
/// paragraph: shorter runs are labels, buttons and captions.
pub const PARAGRAPH_MIN: u32 = 25;

/// What sits below one element.
#[derive(Debug, Default, Clone, Copy)]
pub struct Stats {
    /// Characters of visible text, white space not counted.
    pub text: u32,
    /// Of those, the characters inside links that leave the page.
    pub link: u32,
    /// Commas (Latin and CJK).
    pub commas: u32,
    /// Characters of the element's own inline text: text nodes and inline elements, not
    /// the blocks inside it.
    pub own: u32,
    /// Of the own text, the characters inside links.
    pub own_link: u32,
    /// Commas in the own text.
    pub own_commas: u32,
    /// Characters in paragraphs below (blocks whose own text is a paragraph's length).
    pub prose: u32,
    /// Characters in paragraphs below whose text is mostly not links.
    pub clean_prose: u32,
    /// `<p>` elements below.
    pub paragraphs: u32,
    /// Images below.
    pub images: u32,
    /// List items below.
    pub items: u32,
    /// Characters inside list items below.
    pub item_text: u32,
    /// Form fields below.
    pub inputs: u32,
    /// Embedded players below (`iframe`, `video`, `object`, `embed`).
    pub embeds: u32,
    /// Characters inside headings below.
    pub heading_text: u32,
    /// Whether a block element sits directly inside (so its own text is a run between blocks).
    pub has_blocks: bool,
    /// What the element's tag, role, class and id say, read once.
    pub hint: Hint,
}

impl Stats {
    /// The share of the text inside links.
    pub fn link_density(&self) -> f64 {
        if self.text == 0 {
            0.0
        } else {
            f64::from(self.link) / f64::from(self.text)
        }
    }

    /// The share of the own text inside links.
    pub fn own_link_density(&self) -> f64 {
        if self.own == 0 {
            0.0
        } else {
            f64::from(self.own_link) / f64::from(self.own)
        }
    }

    fn add_child(&mut self, c: &Stats, inline: bool) {
        self.text += c.text;
        self.link += c.link;
        self.commas += c.commas;
        self.prose += c.prose;
        self.clean_prose += c.clean_prose;
        self.paragraphs += c.paragraphs;
        self.images += c.images;
        self.items += c.items;
        self.item_text += c.item_text;
        self.inputs += c.inputs;
        self.embeds += c.embeds;
        self.heading_text += c.heading_text;
        if inline {
            self.own += c.own;
            self.own_link += c.own_link;
            self.own_commas += c.own_commas;
        } else {
            self.has_blocks = true;
        }
    }
}

/// Statistics of every element of a page, and the elements no reader sees.
#[derive(Debug, Default)]
pub struct PageStats {
    by_node: IdMap<Stats>,
    /// Elements hidden from readers (`hidden`, `aria-hidden`, `display: none`).
    pub hidden: IdSet,
}

impl PageStats {
    /// Gathers the statistics of every element under the document root.
    pub fn gather(doc: &Html) -> PageStats {
        let mut out = PageStats::default();
        // One frame per open element: its id, tag, its statistics so far.
        let mut stack: Vec<(NodeId, Tag, Stats)> = Vec::new();
        let mut skipping = 0usize;
        let mut links = 0usize;
        let mut hints = HintMemo::default();
        for edge in doc.tree.root().traverse() {
            match edge {
                Edge::Open(node) => match node.value() {
                    Node::Element(_) => {
                        let el = ElementRef::wrap(node).expect("element node");
                        let tag = tag_of(el);
                        if skipping > 0 || tag == Tag::Invisible || is_hidden(el) {
                            if skipping == 0 {
                                if tag == Tag::Invisible {
                                    count_invisible(el, &mut stack);
                                } else {
                                    out.hidden.insert(node.id());
                                }
                            }
                            skipping += 1;
                            continue;
                        }
                        if is_outbound_link(el) {
                            links += 1;
                        }
                        let stats = Stats {
                            hint: hints.of(el),
                            ..Stats::default()
                        };
                        stack.push((node.id(), tag, stats));
                    }
                    Node::Text(t) if skipping == 0 => {
                        if let Some((_, _, s)) = stack.last_mut() {
                            let (chars, commas) = count(&t.text);
                            s.text += chars;
                            s.own += chars;
                            s.commas += commas;
                            s.own_commas += commas;
                            if links > 0 {
                                s.link += chars;
                                s.own_link += chars;
                            }
                        }
                    }
                    _ => {}
                },
                Edge::Close(node) => {
                    let Some(el) = ElementRef::wrap(node) else {
                        continue;
                    };
                    if skipping > 0 {
                        skipping -= 1;
                        continue;
                    }
                    let (id, tag, mut s) = stack.pop().expect("open element");
                    debug_assert_eq!(id, node.id());
                    if is_outbound_link(el) {
                        links -= 1;
                    }
                    finish(el, tag, &mut s);
                    if let Some((_, _, parent)) = stack.last_mut() {
                        parent.add_child(&s, tag == Tag::Inline);
                    }
                    out.by_node.insert(id, s);
                }
            }
        }
        out
    }

    /// The statistics of an element; an element hidden or never seen has none.
    pub fn get(&self, id: NodeId) -> Stats {
        self.by_node.get(&id).copied().unwrap_or_default()
    }

    /// Whether an element was counted (it is neither hidden nor invisible by kind).
    pub fn seen(&self, id: NodeId) -> bool {
        self.by_node.contains_key(&id)
    }
}

/// Form fields and players count for the container they sit in, though they show no text.
fn count_invisible(el: ElementRef, stack: &mut [(NodeId, Tag, Stats)]) {
    let Some((_, _, s)) = stack.last_mut() else {
        return;
    };
    match el.value().name() {
        "input" => s.inputs += 1,
        "iframe" | "video" | "object" | "embed" => s.embeds += 1,
        _ => {}
    }
}

/// Counts an element itself once its children are in.
fn finish(el: ElementRef, tag: Tag, s: &mut Stats) {
    let name = el.value().name();
    match name {
        "p" => s.paragraphs += 1,
        "img" | "picture" => s.images += 1,
        "li" => {
            s.items += 1;
            s.item_text = s.text;
        }
        "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => s.heading_text = s.text,
        _ => {}
    }
    if tag != Tag::Inline && tag != Tag::Heading && s.own >= PARAGRAPH_MIN {
        s.prose += s.own;
        if s.own_link_density() < 0.5 {
            s.clean_prose += s.own;
        }
    }
}

/// Letters (anything but white space) and commas in a text.
fn count(text: &str) -> (u32, u32) {
    let mut chars = 0u32;
    let mut commas = 0u32;
    for c in text.chars() {
        if !c.is_whitespace() {
            chars += 1;
            if matches!(c, ',' | '，' | '、') {
                commas += 1;
            }
        }
    }
    (chars, commas)
}

/// A link that leads away from the text (in-page links are notes and tables of contents).
pub fn is_outbound_link(el: ElementRef) -> bool {
    el.value().name() == "a"
        && el
            .value()
            .attr_named("href")
            .is_some_and(|h| !h.trim_start().starts_with('#'))
}

/// Whether an element is hidden from readers.
pub fn is_hidden(el: ElementRef) -> bool {
    let v = el.value();
    v.attr_named("hidden").is_some()
        || v.attr_named("aria-hidden") == Some("true")
        || v.attr_named("style").is_some_and(|s| {
            let s: String = s
                .chars()
                .filter(|c| !c.is_whitespace())
                .collect::<String>()
                .to_ascii_lowercase();
            s.contains("display:none") || s.contains("visibility:hidden")
        })
}
