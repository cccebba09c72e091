//! The book's content documents written out as one HTML document, so the HTML parser finds
//! notes across files as it finds them inside a page: every id is made unique across the
//! book, every link into the book becomes an in-page `#id` link, and each document becomes a
//! `<section>` with a rule between chapters.
//!
//! The HTML parser reports blocks, not where each element went, so two things ride along
//! in the text as markers (see `marks`): an anchor at the first text of every element a
//! link or the contents point at, and a start and end around every link into the book,
//! which becomes a jump once the parser has decided it is not a note reference.

use super::archive::{has_scheme, resolve};
use super::marks::{Kind, marker};
use super::xhtml::{El, XNode, escape_attr, escape_text, is_void};
use std::collections::{HashMap, HashSet};

/// One content document, read.
#[derive(Debug, Clone)]
pub struct Doc {
    /// Its entry name in the archive.
    pub path: String,
    /// Its `<body>`.
    pub body: El,
    /// Only its start was read.
    pub cut: bool,
}

/// The book as one HTML document, with what its markers stand for.
#[derive(Debug, Default)]
pub struct Written {
    /// The HTML.
    pub html: String,
    /// The id each anchor marker stands for, by marker number (document order).
    pub anchors: Vec<String>,
    /// The id each link points at, by marker number.
    pub links: Vec<String>,
    /// The id standing for the start of each document.
    pub files: Vec<String>,
    /// Whether the text was cut short at the budget.
    pub cut: bool,
    ids: HashMap<(usize, String), String>,
    paths: HashMap<String, usize>,
    names: Vec<String>,
}

impl Written {
    /// The id a link to `path#fragment` goes to: the element's, else the document's start.
    pub fn target(&self, path: &str, fragment: Option<&str>) -> Option<&str> {
        let &d = self.paths.get(path)?;
        fragment
            .and_then(|f| self.ids.get(&(d, f.to_string())))
            .or(self.files.get(d))
            .map(String::as_str)
    }
}

/// Writes `docs` in order, stopping at the first block after `budget` bytes of HTML.
/// `extra` are further places that need anchors (the table of contents' entries).
pub fn write(docs: &[Doc], extra: &[(String, Option<String>)], budget: usize) -> Written {
    let mut w = Written::default();
    let mut used: HashSet<String> = HashSet::new();
    for (d, doc) in docs.iter().enumerate() {
        w.paths.insert(doc.path.clone(), d);
        w.names.push(doc.path.clone());
        let file = unique(&mut used, format!("lectern-file-{d}"));
        w.files.push(file);
    }
    let mut hrefs = Vec::new();
    for (d, doc) in docs.iter().enumerate() {
        for el in doc.body.descendants() {
            for id in own_ids(el) {
                w.ids
                    .entry((d, id.to_string()))
                    .or_insert_with(|| unique(&mut used, id.to_string()));
            }
            if let Some(h) = el
                .attr("href")
                .filter(|_| el.name == "a" || el.name == "area")
            {
                hrefs.extend(resolve(&doc.path, h));
            }
        }
    }
    let needed: HashSet<String> = hrefs
        .iter()
        .chain(extra)
        .filter_map(|(p, f)| w.target(p, f.as_deref()).map(str::to_string))
        .collect();
    let mut writer = Writer {
        out: String::with_capacity(docs.iter().map(|d| d.body.kids.len() * 64).sum()),
        w: &w,
        needed: &needed,
        doc: 0,
        pending: Vec::new(),
        anchors: Vec::new(),
        links: Vec::new(),
        budget,
        cut: false,
        in_link: 0,
        opaque: 0,
    };
    for (d, doc) in docs.iter().enumerate() {
        if writer.cut {
            break;
        }
        if d > 0 {
            writer.out.push_str("<hr>");
        }
        writer.doc = d;
        writer.out.push_str("<section id=\"");
        escape_attr(&w.files[d], &mut writer.out);
        writer.out.push_str("\">");
        let start = writer.anchor(w.files[d].clone());
        writer.pending.push(start);
        writer.children(&doc.body);
        writer.flush_pending();
        writer.out.push_str("</section>");
    }
    let (html, anchors, links, cut) = (writer.out, writer.anchors, writer.links, writer.cut);
    Written {
        html,
        anchors,
        links,
        cut,
        ..w
    }
}

/// `id`, and an `<a name>` that old books use instead.
fn own_ids(el: &El) -> impl Iterator<Item = &str> {
    let name = (el.name == "a").then(|| el.attr("name")).flatten();
    el.attr("id")
        .into_iter()
        .chain(name)
        .filter(|i| !i.is_empty())
}

/// `wanted`, or `wanted~2`, `wanted~3`… — whichever is free.
fn unique(used: &mut HashSet<String>, wanted: String) -> String {
    let mut id = wanted.clone();
    let mut n = 2;
    while used.contains(&id) {
        id = format!("{wanted}~{n}");
        n += 1;
    }
    used.insert(id.clone());
    id
}

/// Elements with nothing for a reader, left out of the HTML.
fn dropped(name: &str) -> bool {
    matches!(
        name,
        "script" | "style" | "template" | "head" | "title" | "link" | "meta" | "base"
    )
}

/// Elements whose text the HTML parser does not show: an anchor is never put inside one.
fn opaque(name: &str) -> bool {
    matches!(
        name,
        "svg"
            | "noscript"
            | "iframe"
            | "object"
            | "embed"
            | "canvas"
            | "select"
            | "option"
            | "textarea"
            | "button"
            | "audio"
            | "video"
            | "map"
            | "datalist"
            | "output"
            | "progress"
    )
}

/// Elements where the text may be cut short.
fn is_block(name: &str) -> bool {
    matches!(
        name,
        "p" | "div"
            | "section"
            | "article"
            | "li"
            | "ul"
            | "ol"
            | "dl"
            | "blockquote"
            | "table"
            | "figure"
            | "pre"
            | "aside"
            | "header"
            | "footer"
            | "hgroup"
            | "hr"
            | "h1"
            | "h2"
            | "h3"
            | "h4"
            | "h5"
            | "h6"
    )
}

fn heading_level(name: &str) -> Option<u8> {
    match name.as_bytes() {
        [b'h', d @ b'1'..=b'6'] => Some(d - b'0'),
        _ => None,
    }
}

/// A `<sup>` or `<span>` that holds one link and nothing else: the HTML parser replaces the
/// whole of it with a note marker, so markers go around it, not inside.
fn ref_wrapper(el: &El) -> Option<&El> {
    if !matches!(el.name.as_str(), "sup" | "span") {
        return None;
    }
    let mut kids = el.elements();
    let a = kids.next().filter(|a| a.name == "a")?;
    (kids.next().is_none() && el.text() == a.text()).then_some(a)
}

/// Where a link goes.
enum Href {
    /// An element of the book, by its new id.
    Internal(String),
    /// Somewhere else: kept as written.
    External,
    /// A file the reader does not show (an image, a stylesheet), or outside the archive.
    Drop,
}

struct Writer<'a> {
    out: String,
    w: &'a Written,
    needed: &'a HashSet<String>,
    doc: usize,
    /// Anchors waiting for the next text.
    pending: Vec<usize>,
    anchors: Vec<String>,
    links: Vec<String>,
    budget: usize,
    cut: bool,
    in_link: usize,
    opaque: usize,
}

impl Writer<'_> {
    fn anchor(&mut self, gid: String) -> usize {
        self.anchors.push(gid);
        self.anchors.len() - 1
    }

    fn flush_pending(&mut self) {
        for k in std::mem::take(&mut self.pending) {
            self.out.push_str(&marker(Kind::Anchor, k));
        }
    }

    /// The new id of an element of the current document, if something points at it.
    fn needed_ids(&self, el: &El) -> Vec<String> {
        own_ids(el)
            .filter_map(|id| self.w.ids.get(&(self.doc, id.to_string())))
            .filter(|g| self.needed.contains(*g))
            .cloned()
            .collect()
    }

    fn href(&self, href: &str) -> Href {
        let h = href.trim();
        if has_scheme(h) || h.starts_with("//") {
            return Href::External;
        }
        let Some((path, frag)) = resolve(&self.w.names[self.doc], h) else {
            return Href::Drop;
        };
        match self.w.target(&path, frag.as_deref()) {
            Some(g) => Href::Internal(g.to_string()),
            None => Href::Drop,
        }
    }

    fn children(&mut self, el: &El) {
        for kid in &el.kids {
            if self.cut {
                return;
            }
            match kid {
                XNode::Text(t) => self.text(t),
                XNode::El(c) => self.element(c),
            }
        }
    }

    fn text(&mut self, t: &str) {
        let shown = |c: char| !(c.is_whitespace() && c != '\u{a0}');
        match t.find(shown) {
            Some(i) if !self.pending.is_empty() && self.in_link == 0 && self.opaque == 0 => {
                escape_text(&t[..i], &mut self.out);
                self.flush_pending();
                escape_text(&t[i..], &mut self.out);
            }
            _ => escape_text(t, &mut self.out),
        }
    }

    fn element(&mut self, el: &El) {
        let name = el.name.as_str();
        if dropped(name) {
            return;
        }
        if self.out.len() >= self.budget && is_block(name) {
            self.cut = true;
            return;
        }
        if name == "hgroup" && self.in_link == 0 {
            return self.hgroup(el);
        }
        let link = if name == "a" {
            Some(el)
        } else {
            ref_wrapper(el)
        };
        if let Some(a) = link.filter(|_| self.in_link == 0) {
            // Nothing inside a link may change its text: its anchors go before it.
            self.flush_pending();
            for d in el.descendants() {
                for gid in self.needed_ids(d) {
                    let k = self.anchor(gid);
                    self.out.push_str(&marker(Kind::Anchor, k));
                }
            }
            let jump = match a.attr("href").map(|h| self.href(h)) {
                Some(Href::Internal(g)) => {
                    self.links.push(g);
                    Some(self.links.len() - 1)
                }
                _ => None,
            };
            if let Some(k) = jump {
                self.out.push_str(&marker(Kind::LinkStart, k));
            }
            self.in_link += 1;
            self.tag(el);
            self.in_link -= 1;
            if let Some(k) = jump {
                self.out.push_str(&marker(Kind::LinkEnd, k));
            }
            return;
        }
        if self.in_link == 0 {
            for gid in self.needed_ids(el) {
                let k = self.anchor(gid);
                if opaque(name) || is_void(name) {
                    self.out.push_str(&marker(Kind::Anchor, k));
                } else {
                    self.pending.push(k);
                }
            }
        }
        self.tag(el);
    }

    /// A heading group (a chapter's number and its title) as one heading: "XX: Title".
    fn hgroup(&mut self, el: &El) {
        let level = el
            .elements()
            .find_map(|c| heading_level(&c.name))
            .unwrap_or(2);
        for gid in self.needed_ids(el) {
            let k = self.anchor(gid);
            self.pending.push(k);
        }
        self.out.push_str(&format!("<h{level}>"));
        let mut before: Option<String> = None;
        for part in el.elements().filter(|c| !dropped(&c.name)) {
            let text = part.text();
            if text.is_empty() {
                continue;
            }
            if let Some(prev) = &before {
                let ends = prev.ends_with(['.', ':', ';', '!', '?', '—', ',']);
                self.out.push_str(if ends { " " } else { ": " });
            }
            for gid in self.needed_ids(part) {
                let k = self.anchor(gid);
                self.pending.push(k);
            }
            self.children(part);
            before = Some(text);
        }
        self.out.push_str(&format!("</h{level}>"));
    }

    fn tag(&mut self, el: &El) {
        let name = el.name.as_str();
        self.out.push('<');
        self.out.push_str(name);
        for (attr, value) in &el.attrs {
            let value = match attr.as_str() {
                "id" | "name" if own_ids(el).any(|i| i == value) => {
                    match self.w.ids.get(&(self.doc, value.clone())) {
                        Some(g) => g.clone(),
                        None => continue,
                    }
                }
                "href" if name == "a" || name == "area" => match self.href(value) {
                    Href::Internal(g) => format!("#{g}"),
                    Href::External => value.clone(),
                    Href::Drop => continue,
                },
                "src" | "srcset" | "style" | "xmlns" => continue,
                a if a.starts_with("xmlns:") => continue,
                _ => value.clone(),
            };
            self.out.push(' ');
            self.out.push_str(attr);
            self.out.push_str("=\"");
            escape_attr(&value, &mut self.out);
            self.out.push('"');
        }
        self.out.push('>');
        let hidden = opaque(name);
        self.opaque += usize::from(hidden);
        self.children(el);
        self.opaque -= usize::from(hidden);
        if !is_void(name) {
            self.out.push_str("</");
            self.out.push_str(name);
            self.out.push('>');
        }
    }
}
