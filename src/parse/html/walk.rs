//! The DOM walk that turns elements into blocks with inline marks, as a browser lays them out.

use super::AttrNamed;
use super::extract::{Tag, tag_of};
use super::notes::NoteShape;
use crate::article::{Block, BlockKind, Dir, MarkKind};
use crate::parse::build::{Inline, snippet_of, table_block};
use crate::parse::html::ids::IdSet;
use crate::parse::notes::NoteBuilder;
use ego_tree::NodeRef;
use scraper::{ElementRef, Node};

/// Walks elements into blocks, recording note references and dropped chrome.
pub struct Walker<'a> {
    shape: &'a NoteShape,
    /// Elements left out as chrome.
    drop: &'a IdSet,
    /// Blocks that are captions outside figures.
    captions: Option<&'a IdSet>,
    /// The page's address, against which relative links are resolved.
    base: Option<url::Url>,
    notes: &'a mut NoteBuilder,
    removed: &'a mut Vec<String>,
    /// The blocks written so far.
    pub blocks: Vec<Block>,
    inline: Inline,
    heading: Option<u8>,
    quote: usize,
    pre: usize,
    /// Next number of each open list; `None` for bullets.
    lists: Vec<Option<u64>>,
    item: Option<String>,
    /// Inside a table cell, block boundaries are spaces.
    cell: usize,
    /// Inside a figure caption.
    caption: usize,
    /// For each open figure, whether it has a caption (its images then need no description).
    figures: Vec<bool>,
    /// Drop recognised chrome (off inside note definitions, which are never chrome).
    drop_chrome: bool,
    /// The `dir` in force where the current block's text began.
    dir: Dir,
}

impl<'a> Walker<'a> {
    /// A walker writing into fresh blocks.
    pub fn new(
        shape: &'a NoteShape,
        drop: &'a IdSet,
        notes: &'a mut NoteBuilder,
        removed: &'a mut Vec<String>,
    ) -> Self {
        Walker {
            shape,
            drop,
            captions: None,
            base: None,
            notes,
            removed,
            blocks: Vec::new(),
            inline: Inline::collapsing(),
            heading: None,
            quote: 0,
            pre: 0,
            lists: Vec::new(),
            item: None,
            cell: 0,
            caption: 0,
            figures: Vec::new(),
            drop_chrome: true,
            dir: Dir::Auto,
        }
    }

    /// Sets the address relative links are resolved against.
    pub fn with_base(mut self, base: Option<url::Url>) -> Self {
        self.base = base;
        self
    }

    /// Sets the blocks to write as captions.
    pub fn with_captions(mut self, captions: &'a IdSet) -> Self {
        self.captions = Some(captions);
        self
    }

    /// Walks the children of a node and returns the finished blocks.
    pub fn children_blocks(mut self, node: NodeRef<Node>) -> Vec<Block> {
        self.drop_chrome = false;
        self.children(node);
        self.flush();
        self.blocks
    }

    /// Walks one node (and everything under it).
    pub fn walk(&mut self, node: NodeRef<Node>) {
        match node.value() {
            Node::Text(t) => {
                if self.inline.is_blank() {
                    self.dir = dir_of(node);
                }
                if self.pre > 0 {
                    self.inline.push_raw(&t.text);
                } else {
                    self.inline.push(&t.text);
                }
            }
            Node::Element(_) => self.element(ElementRef::wrap(node).expect("element node")),
            Node::Document | Node::Fragment => self.children(node),
            _ => {}
        }
    }

    /// Ends the current block.
    pub fn flush(&mut self) {
        if self.cell > 0 {
            self.inline.push(" ");
            return;
        }
        // Preformatted text keeps its line breaks, which only code lines can show: a `pre`
        // inside a heading is code, not a heading with line feeds in it.
        let kind = if self.pre > 0 {
            BlockKind::Code
        } else if self.caption > 0 {
            BlockKind::Caption
        } else if let Some(level) = self.heading {
            BlockKind::Heading { level }
        } else if !self.lists.is_empty() {
            if self.inline.is_blank() {
                self.inline.take(BlockKind::Paragraph);
                return;
            }
            let depth = (self.lists.len() - 1).min(6) as u8;
            BlockKind::ListItem {
                depth,
                marker: self.item.take().unwrap_or_default(),
            }
        } else if self.quote > 0 {
            BlockKind::Quote
        } else {
            BlockKind::Paragraph
        };
        if let Some(mut b) = self.inline.take(kind) {
            b.dir = self.dir;
            self.blocks.push(b);
        }
    }

    fn children(&mut self, node: NodeRef<Node>) {
        for c in node.children() {
            self.walk(c);
        }
    }

    fn block(&mut self, el: ElementRef) {
        self.flush();
        self.children(*el);
        self.flush();
    }

    fn marked(&mut self, el: ElementRef, kind: MarkKind) {
        self.inline.open(kind);
        self.children(*el);
        self.inline.close();
    }

    fn element(&mut self, el: ElementRef) {
        let id = el.id();
        if self.shape.skip.contains(&id) || self.shape.backlinks.contains(&id) {
            return;
        }
        if let Some(label) = self.shape.refs.get(&id) {
            let note = self.notes.index(label);
            self.inline
                .push_marked(&format!("[{label}]"), MarkKind::FootnoteRef { note });
            return;
        }
        let v = el.value();
        let name = v.name();
        // Wikipedia's "^ a b" boxes hold back-links and their letters.
        if v.attr_named("class")
            .is_some_and(|c| c.contains("backlink"))
        {
            return;
        }
        if name == "input" && v.attr_named("type") == Some("checkbox") {
            self.item = Some(
                if v.attr_named("checked").is_some() {
                    "☑"
                } else {
                    "☐"
                }
                .to_string(),
            );
            return;
        }
        if tag_of(el) == Tag::Invisible && name != "math" {
            return;
        }
        if self.drop_chrome && self.drop.contains(&id) {
            let text = snippet_of(el.text());
            if !text.is_empty() {
                self.removed.push(text);
            }
            return;
        }
        if self.captions.is_some_and(|c| c.contains(&id)) {
            self.flush();
            self.caption += 1;
            self.children(*el);
            self.flush();
            self.caption -= 1;
            return;
        }
        match name {
            "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => {
                self.flush();
                self.heading = Some(name[1..].parse().unwrap_or(2));
                self.children(*el);
                self.flush();
                self.heading = None;
            }
            "br" => {
                if self.pre > 0 {
                    self.inline.push_raw("\n");
                } else if self.cell > 0 || self.heading.is_some() {
                    // A table cell and a heading are one line each.
                    self.inline.push(" ");
                } else {
                    self.inline.line_break();
                }
            }
            "hr" => {
                self.flush();
                self.blocks.push(Block::new(BlockKind::Rule, ""));
            }
            "img" => self.image(el),
            "figure" => {
                self.flush();
                let captioned = el
                    .descendent_elements()
                    .any(|d| d.value().name() == "figcaption");
                self.figures.push(captioned);
                self.children(*el);
                self.flush();
                self.figures.pop();
            }
            "figcaption" => {
                self.flush();
                self.caption += 1;
                self.children(*el);
                self.flush();
                self.caption -= 1;
            }
            "math" => {
                let text = math_text(el);
                self.inline.push(&format!(" {text} "));
            }
            "blockquote" => {
                self.flush();
                self.quote += 1;
                self.children(*el);
                self.flush();
                self.quote -= 1;
            }
            "ul" | "ol" | "menu" => {
                self.flush();
                let start = v
                    .attr_named("start")
                    .and_then(|s| s.trim().parse().ok())
                    .unwrap_or(1);
                self.lists.push((name == "ol").then_some(start));
                self.children(*el);
                self.flush();
                self.lists.pop();
            }
            "li" => {
                self.flush();
                let depth = self.lists.len();
                let marker = match self.lists.last_mut() {
                    Some(Some(n)) => {
                        *n += 1;
                        format!("{}.", *n - 1)
                    }
                    _ => ["•", "◦", "▪"][depth.saturating_sub(1) % 3].to_string(),
                };
                self.item = Some(marker);
                self.children(*el);
                self.flush();
                self.item = None;
            }
            "pre" => {
                self.flush();
                self.pre += 1;
                self.inline.collapse = false;
                self.children(*el);
                self.flush();
                self.pre -= 1;
                self.inline.collapse = self.pre == 0;
            }
            "table" if !layout_table(el) => self.table(el),
            "dt" => {
                self.flush();
                self.marked(el, MarkKind::Strong);
                self.flush();
            }
            "caption" => {
                self.flush();
                self.marked(el, MarkKind::Emphasis);
                self.flush();
            }
            // A cited work the page marks up (Wikipedia's references), read as a reference.
            "cite" if v.classes().any(|c| c == "citation") => self.marked(el, MarkKind::Work),
            "em" | "i" | "cite" | "dfn" | "var" => self.marked(el, MarkKind::Emphasis),
            "strong" | "b" => self.marked(el, MarkKind::Strong),
            "code" | "kbd" | "samp" | "tt" if self.pre == 0 => self.marked(el, MarkKind::Code),
            "s" | "del" | "strike" => self.marked(el, MarkKind::Strike),
            "a" => match v.attr_named("href").map(str::trim) {
                Some(url)
                    if !url.is_empty()
                        && !url.starts_with('#')
                        && !url.starts_with("javascript:") =>
                {
                    let url = match &self.base {
                        Some(base) => base.join(url).map_or(url.to_string(), String::from),
                        None => url.to_string(),
                    };
                    self.marked(el, MarkKind::Link { url })
                }
                _ => self.children(*el),
            },
            "p" | "div" | "section" | "article" | "main" | "body" | "center" | "address"
            | "details" | "summary" | "header" | "hgroup" | "fieldset" | "dl" | "dd" | "table"
            | "tbody" | "thead" | "tfoot" | "tr" | "td" | "th" | "aside" | "legend" | "html" => {
                self.block(el)
            }
            _ => self.children(*el),
        }
    }

    /// An image: its description as a caption when it stands alone, inline when it sits in
    /// a line of text, nothing when its figure has a caption or it describes nothing.
    fn image(&mut self, el: ElementRef) {
        if self.figures.last() == Some(&true) {
            return;
        }
        let Some(alt) = el
            .value()
            .attr_named("alt")
            .map(str::trim)
            .filter(|a| !a.is_empty() && !is_file_name(a))
        else {
            return;
        };
        if self.caption > 0 || self.cell > 0 || !stands_alone(el) {
            if alt.chars().any(char::is_alphanumeric) {
                self.inline.push(&format!(" [image: {alt}] "));
            } else {
                // An emoji drawn as a picture: its description is the character.
                self.inline.push(alt);
            }
            return;
        }
        self.flush();
        let repeated = self
            .blocks
            .last()
            .is_some_and(|b| b.kind == BlockKind::Caption && b.text == alt);
        if !repeated {
            self.caption += 1;
            self.inline.push(alt);
            self.flush();
            self.caption -= 1;
        }
    }

    /// A data table: its rows become one table block, cells keeping their marks.
    fn table(&mut self, el: ElementRef) {
        self.flush();
        if let Some(caption) = el.child_elements().find(|c| c.value().name() == "caption") {
            self.element(caption);
        }
        let mut rows = Vec::new();
        let mut header = false;
        for (i, tr) in el
            .descendent_elements()
            .filter(|e| e.value().name() == "tr")
            .enumerate()
        {
            let cells: Vec<ElementRef> = tr
                .child_elements()
                .filter(|c| matches!(c.value().name(), "td" | "th"))
                .collect();
            if i == 0 {
                header = !cells.is_empty()
                    && (cells.iter().all(|c| c.value().name() == "th")
                        || tr
                            .parent()
                            .and_then(ElementRef::wrap)
                            .is_some_and(|p| p.value().name() == "thead"));
            }
            let mut row = Vec::new();
            for cell in cells {
                self.inline.take(BlockKind::Paragraph);
                self.cell += 1;
                self.children(*cell);
                self.cell -= 1;
                row.push(
                    self.inline
                        .take(BlockKind::Paragraph)
                        .unwrap_or_else(|| Block::paragraph("")),
                );
            }
            if !row.is_empty() {
                rows.push(row);
            }
        }
        if !rows.is_empty() {
            self.blocks.push(table_block(rows, header));
        }
    }
}

/// A formula as text: its TeX source when the page gives it (`alttext`, or a TeX
/// annotation), else the text of its MathML tokens in order, a space between each.
fn math_text(math: ElementRef) -> String {
    if let Some(alt) = math.value().attr_named("alttext").map(str::trim)
        && !alt.is_empty()
    {
        return alt.to_string();
    }
    let annotation = |e: &ElementRef| matches!(e.value().name(), "annotation" | "annotation-xml");
    let tex = math.descendent_elements().find(|e| {
        annotation(e)
            && e.value()
                .attr_named("encoding")
                .is_some_and(|enc| enc.to_ascii_lowercase().contains("tex"))
    });
    if let Some(tex) = tex.map(|e| e.text().collect::<String>().trim().to_string())
        && !tex.is_empty()
    {
        return tex;
    }
    let mut tokens = Vec::new();
    let mut stack = vec![*math];
    while let Some(node) = stack.pop() {
        if ElementRef::wrap(node).is_some_and(|e| annotation(&e)) {
            continue;
        }
        if let Some(t) = node.value().as_text() {
            tokens.extend(t.split_whitespace());
        }
        stack.extend(node.children().rev());
    }
    tokens.join(" ")
}

/// Whether an image is all its block holds, rather than a picture inside a line of text.
fn stands_alone(img: ElementRef) -> bool {
    let block = img
        .ancestors()
        .filter_map(ElementRef::wrap)
        .find(|a| tag_of(*a) == Tag::Block || tag_of(*a) == Tag::Heading);
    block.is_none_or(|b| b.text().all(|t| t.trim().is_empty()))
}

/// An image description that is only its file's name (`IMG_2953.jpg`, `hero-image-02`).
fn is_file_name(alt: &str) -> bool {
    if alt.contains(char::is_whitespace) {
        return false;
    }
    let lower = alt.to_ascii_lowercase();
    let extension = [".jpg", ".jpeg", ".png", ".gif", ".webp", ".svg", ".avif"]
        .iter()
        .any(|e| lower.ends_with(e));
    extension || alt.matches(['-', '_']).count() >= 2
}

/// Tables used for page layout rather than data: nested tables, presentation role, prose cells.
fn layout_table(el: ElementRef) -> bool {
    el.value().attr_named("role") == Some("presentation")
        || el
            .descendent_elements()
            .skip(1)
            .any(|d| d.value().name() == "table")
        || el.descendent_elements().any(|d| {
            matches!(d.value().name(), "td" | "th")
                && d.text().map(|t| t.trim().len()).sum::<usize>() > 400
        })
}

/// The `dir` of the nearest element around a node that has one.
fn dir_of(node: NodeRef<Node>) -> Dir {
    node.ancestors()
        .filter_map(|n| {
            n.value()
                .as_element()?
                .attr_named("dir")
                .and_then(Dir::from_attr)
        })
        .next()
        .unwrap_or_default()
}
