//! The DOM walk that turns elements into blocks with inline marks, as a browser lays them out.

use super::content::is_chrome;
use super::notes::NoteShape;
use crate::article::{Block, BlockKind, Dir, MarkKind};
use crate::parse::build::{Inline, snippet, table_block};
use crate::parse::notes::NoteBuilder;
use ego_tree::NodeRef;
use scraper::{ElementRef, Node};

/// Walks elements into blocks, recording note references and dropped chrome.
pub struct Walker<'a> {
    shape: &'a NoteShape,
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
    /// Drop recognised chrome (off inside note definitions, which are never chrome).
    drop_chrome: bool,
    /// The `dir` in force where the current block's text began.
    dir: Dir,
}

impl<'a> Walker<'a> {
    /// A walker writing into fresh blocks.
    pub fn new(
        shape: &'a NoteShape,
        notes: &'a mut NoteBuilder,
        removed: &'a mut Vec<String>,
    ) -> Self {
        Walker {
            shape,
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
            drop_chrome: true,
            dir: Dir::Auto,
        }
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
        if v.attr("class").is_some_and(|c| c.contains("backlink")) {
            return;
        }
        if name == "input" && v.attr("type") == Some("checkbox") {
            self.item = Some(
                if v.attr("checked").is_some() {
                    "☑"
                } else {
                    "☐"
                }
                .to_string(),
            );
            return;
        }
        if self.drop_chrome && is_chrome(el) {
            let text = el.text().collect::<Vec<_>>().join(" ");
            if !text.trim().is_empty()
                && !matches!(name, "script" | "style" | "noscript" | "template" | "svg")
            {
                self.removed.push(snippet(&text));
            }
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
                } else {
                    self.inline.push(" ");
                }
            }
            "hr" => {
                self.flush();
                self.blocks.push(Block::new(BlockKind::Rule, ""));
            }
            "img" => {
                if let Some(alt) = v.attr("alt").map(str::trim).filter(|a| !a.is_empty()) {
                    self.inline.push(&format!(" [image: {alt}] "));
                }
            }
            "math" => match v.attr("alttext") {
                Some(alt) => self.inline.push(alt),
                None => self.children(*el),
            },
            "annotation" | "annotation-xml" => {}
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
                    .attr("start")
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
            "figcaption" | "caption" => {
                self.flush();
                self.marked(el, MarkKind::Emphasis);
                self.flush();
            }
            "em" | "i" | "cite" | "dfn" | "var" => self.marked(el, MarkKind::Emphasis),
            "strong" | "b" => self.marked(el, MarkKind::Strong),
            "code" | "kbd" | "samp" | "tt" if self.pre == 0 => self.marked(el, MarkKind::Code),
            "s" | "del" | "strike" => self.marked(el, MarkKind::Strike),
            "a" => match v.attr("href").map(str::trim) {
                Some(url)
                    if !url.is_empty()
                        && !url.starts_with('#')
                        && !url.starts_with("javascript:") =>
                {
                    self.marked(
                        el,
                        MarkKind::Link {
                            url: url.to_string(),
                        },
                    )
                }
                _ => self.children(*el),
            },
            "p" | "div" | "section" | "article" | "main" | "body" | "figure" | "center"
            | "address" | "details" | "summary" | "header" | "hgroup" | "fieldset" | "dl"
            | "dd" | "table" | "tbody" | "thead" | "tfoot" | "tr" | "td" | "th" | "aside"
            | "legend" | "html" => self.block(el),
            _ => self.children(*el),
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

/// Tables used for page layout rather than data: nested tables, presentation role, prose cells.
fn layout_table(el: ElementRef) -> bool {
    el.value().attr("role") == Some("presentation")
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
        .filter_map(|n| n.value().as_element()?.attr("dir").and_then(Dir::from_attr))
        .next()
        .unwrap_or_default()
}
