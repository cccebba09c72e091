//! Saved web pages: metadata, the main content without site chrome, and footnotes.

mod extract;
mod ids;
mod meta;
mod notes;
mod rawtext;
mod walk;

use super::notes::NoteBuilder;
use crate::article::{Article, Block, BlockKind, Extraction, Format};
use ego_tree::{NodeId, Tree};
use ids::IdSet;
use scraper::{Html, Node};
use walk::Walker;

/// An element's attribute looked up by comparing names. scraper's `attr` makes an atom of
/// the name asked for on every call (hashed, and for a name outside its static set such
/// as `epub:type`, under a global lock), and attributes are asked for of every element of
/// a page several times.
pub(crate) trait AttrNamed {
    /// The value of the attribute called `name`, if the element has one.
    fn attr_named(&self, name: &str) -> Option<&str>;
}

impl AttrNamed for scraper::node::Element {
    fn attr_named(&self, name: &str) -> Option<&str> {
        self.attrs().find_map(|(k, v)| (k == name).then_some(v))
    }
}

/// Deepest element nesting kept, Blink's limit too. Scoring and walking recurse once per
/// level: 4,000 nested `<b>` overflowed a 2 MB thread stack (a background parse, a test)
/// and aborted the whole program.
const MAX_DEPTH: usize = 512;

/// Parses a whole HTML page into an article.
pub fn parse(text: &str) -> Article {
    let mut doc = Html::parse_document(&rawtext::elide(text));
    flatten_deep(&mut doc.tree);
    let mut article = Article::empty(Format::Html);
    meta::read(&doc, &mut article.meta);
    let shape = notes::find(&doc);
    let mut notes = NoteBuilder::default();
    let mut removed = Vec::new();
    let found = extract::find(&doc, &shape);
    let mut walker = Walker::new(&shape, &found.drop, &mut notes, &mut removed)
        .with_captions(&found.captions)
        .with_base(meta::base_url(&doc));
    for &id in &found.roots {
        walker.walk(doc.tree.get(id).expect("content node"));
    }
    walker.flush();
    article.blocks = walker.blocks;
    define_notes(&doc, &shape, &mut notes, &mut removed);
    extract::outside(&doc, &found, &mut removed);
    if article.meta.authors.is_empty()
        && let Some(byline) = meta::byline(&doc, &found.roots)
    {
        article.meta.authors = byline.names;
        if article.meta.date.is_none() {
            article.meta.date = byline.date.map(|d| super::frontmatter::date_info(&d));
        }
    }
    article.extraction = Some(if found.fallback {
        Extraction::Fallback
    } else {
        Extraction::Article
    });
    article.removed = removed;
    while article.blocks.last().is_some_and(is_notes_heading) {
        article.blocks.pop();
    }
    drop_title_heading(&mut article);
    super::byline::from_body(&mut article);
    notes.finish(&mut article);
    article
}

/// Parses an HTML fragment (a block inside Markdown) into blocks, notes going to `notes`.
pub fn fragment(src: &str, notes: &mut NoteBuilder, removed: &mut Vec<String>) -> Vec<Block> {
    let mut doc = Html::parse_fragment(src);
    flatten_deep(&mut doc.tree);
    let shape = notes::find(&doc);
    let drop = IdSet::default();
    let mut walker = Walker::new(&shape, &drop, notes, removed);
    walker.walk(doc.tree.root());
    walker.flush();
    let blocks = walker.blocks;
    define_notes(&doc, &shape, notes, removed);
    blocks
}

/// Moves whatever is nested below `MAX_DEPTH` up to that depth, each node just after its
/// old parent, so the text keeps its order; a node is moved at most once.
fn flatten_deep(tree: &mut Tree<Node>) {
    let mut stack = vec![(tree.root().id(), 0)];
    while let Some((id, depth)) = stack.pop() {
        let node = tree.get(id).expect("node from tree");
        if depth < MAX_DEPTH {
            stack.extend(node.children().map(|c| (c.id(), depth + 1)));
            continue;
        }
        // A node moved up here is visited next in turn, and its own children follow it.
        let mut next = node.first_child().map(|c| c.id());
        while let Some(child) = next {
            let grandchildren: Vec<NodeId> = tree
                .get(child)
                .expect("node from tree")
                .children()
                .map(|g| g.id())
                .collect();
            let mut after = child;
            for g in grandchildren {
                tree.get_mut(after)
                    .expect("node from tree")
                    .insert_id_after(g);
                after = g;
            }
            next = tree
                .get(child)
                .expect("node from tree")
                .next_sibling()
                .map(|s| s.id());
        }
    }
}

fn define_notes(
    doc: &Html,
    shape: &notes::NoteShape,
    notes: &mut NoteBuilder,
    removed: &mut Vec<String>,
) {
    for (id, label) in &shape.defs {
        let node = doc.tree.get(*id).expect("definition node");
        let blocks = Walker::new(shape, &IdSet::default(), notes, removed).children_blocks(node);
        if let Some(dup) = notes.define(label, blocks) {
            let text: Vec<_> = dup.iter().map(|b| b.text.as_str()).collect();
            removed.push(format!("[{label}] {}", text.join(" ")));
        }
    }
}

fn is_notes_heading(b: &Block) -> bool {
    matches!(b.kind, BlockKind::Heading { .. })
        && super::notes::is_heading(b.text.trim(), &["citations"])
}

/// A first heading that repeats the title is not shown twice; with no title, it is the title.
fn drop_title_heading(article: &mut Article) {
    let Some(i) = article
        .blocks
        .iter()
        .take(3)
        .position(|b| matches!(b.kind, BlockKind::Heading { level: 1 }))
    else {
        return;
    };
    let text = article.blocks[i].text.trim().to_string();
    match &article.meta.title {
        None => article.meta.title = Some(text),
        Some(t) if t.trim() == text || t.contains(&text) => {}
        Some(_) => return,
    }
    article.blocks.remove(i);
}
