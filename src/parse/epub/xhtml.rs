//! Content documents read into a small tree: as XML when they are well-formed, as browsers
//! read HTML when they are not, so a stray `&nbsp;` or an unclosed tag costs nothing.
//! Written out again as HTML for the HTML parser, XHTML's self-closed `<a id="x"/>` or
//! `<title/>` can no longer swallow the text after them.

use scraper::{Html, Node};

/// Deepest element nesting kept as elements; anything deeper keeps only its text.
/// Conversion and writing recurse once per level.
const MAX_DEPTH: usize = 256;
/// Most nodes an XML parse may make, against a document built to exhaust memory.
const MAX_NODES: u32 = 8_000_000;

/// An element or a run of text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum XNode {
    /// An element.
    El(El),
    /// Text, with character references already decoded.
    Text(String),
}

/// An element: its local name, attributes (`epub:type` keeps its prefix) and children.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct El {
    /// Lowercase local name.
    pub name: String,
    /// Attributes in document order.
    pub attrs: Vec<(String, String)>,
    /// Children in document order.
    pub kids: Vec<XNode>,
}

impl El {
    /// An attribute's value.
    pub fn attr(&self, name: &str) -> Option<&str> {
        self.attrs
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }

    /// Whether a space-separated attribute holds a token (any ASCII case).
    pub fn has_token(&self, attr: &str, token: &str) -> bool {
        self.attr(attr)
            .is_some_and(|v| v.split_whitespace().any(|t| t.eq_ignore_ascii_case(token)))
    }

    /// Child elements.
    pub fn elements(&self) -> impl Iterator<Item = &El> {
        self.kids.iter().filter_map(|k| match k {
            XNode::El(e) => Some(e),
            XNode::Text(_) => None,
        })
    }

    /// The element and every element below it, in document order.
    pub fn descendants(&self) -> Vec<&El> {
        let mut out = Vec::new();
        let mut stack = vec![self];
        while let Some(e) = stack.pop() {
            out.push(e);
            let at = stack.len();
            stack.extend(e.elements());
            stack[at..].reverse();
        }
        out
    }

    /// All the text below the element, whitespace runs collapsed to one space.
    pub fn text(&self) -> String {
        let mut raw = String::new();
        let mut stack = vec![self];
        let mut texts = Vec::new();
        while let Some(e) = stack.pop() {
            for k in e.kids.iter().rev() {
                match k {
                    XNode::El(c) => texts.push(Err(c)),
                    XNode::Text(t) => texts.push(Ok(t.as_str())),
                }
            }
            while let Some(next) = texts.pop() {
                match next {
                    Ok(t) => raw.push_str(t),
                    Err(c) => {
                        stack.push(c);
                        break;
                    }
                }
            }
        }
        raw.split_whitespace().collect::<Vec<_>>().join(" ")
    }
}

/// The namespace of `epub:type` and the other EPUB attributes.
pub const OPS_NS: &str = "http://www.idpf.org/2007/ops";

/// Reads a decoded document: its `<body>` (or, lacking one, its root element).
pub fn parse(text: &str) -> El {
    xml(text).unwrap_or_else(|| html(text))
}

/// Reads the start of a document, cut after a tag: the elements still open there are
/// closed, so the start reads as XML as the whole would.
pub fn parse_start(text: &str) -> El {
    parse(&balanced(text))
}

/// The text with an end tag added for every element left open, innermost first.
fn balanced(text: &str) -> String {
    let mut open: Vec<&str> = Vec::new();
    let mut rest = text;
    while let Some(i) = rest.find('<') {
        rest = &rest[i..];
        let skip_to = |end: &str| rest.find(end).map(|j| j + end.len());
        let step = if rest.starts_with("<!--") {
            skip_to("-->")
        } else if rest.starts_with("<![CDATA[") {
            skip_to("]]>")
        } else if rest.starts_with("<?") {
            skip_to("?>")
        } else if rest.starts_with("<!") {
            skip_to(">")
        } else {
            let end = tag_end(rest);
            if let Some(e) = end {
                let tag = &rest[1..e - 1];
                let name_end = tag
                    .find(|c: char| c.is_whitespace() || c == '/' || c == '>')
                    .unwrap_or(tag.len());
                if let Some(name) = tag.strip_prefix('/') {
                    let name = name.trim();
                    if let Some(k) = open.iter().rposition(|o| *o == name) {
                        open.truncate(k);
                    }
                } else if !tag.ends_with('/') && name_end > 0 {
                    open.push(&tag[..name_end]);
                }
            }
            end
        };
        match step {
            Some(n) => rest = &rest[n..],
            None => break,
        }
    }
    let mut out = text.to_string();
    for name in open.iter().rev() {
        out.push_str("</");
        out.push_str(name);
        out.push('>');
    }
    out
}

/// Where a tag starting at `s[0] == '<'` ends (just past its `>`), quotes respected.
fn tag_end(s: &str) -> Option<usize> {
    let mut quote = None;
    for (i, c) in s.char_indices().skip(1) {
        match (quote, c) {
            (None, '"' | '\'') => quote = Some(c),
            (Some(q), c) if c == q => quote = None,
            (None, '>') => return Some(i + 1),
            _ => {}
        }
    }
    None
}

/// Reads a document as XML; `None` when it is not well-formed. One that declares its
/// own entities is never read as XML: expanding them is how a small file fills memory.
pub fn xml(text: &str) -> Option<El> {
    if text.contains("<!ENTITY") {
        return None;
    }
    let opts = roxmltree::ParsingOptions {
        allow_dtd: true,
        nodes_limit: MAX_NODES,
        ..Default::default()
    };
    let doc = roxmltree::Document::parse_with_options(text, opts).ok()?;
    let root = doc.root_element();
    let body = root
        .descendants()
        .find(|n| n.is_element() && n.tag_name().name().eq_ignore_ascii_case("body"))
        .unwrap_or(root);
    Some(from_xml(body, 0))
}

fn from_xml(node: roxmltree::Node, depth: usize) -> El {
    let attrs = node
        .attributes()
        .map(|a| {
            let name = match a.namespace() {
                Some(OPS_NS) => format!("epub:{}", a.name()),
                Some("http://www.w3.org/XML/1998/namespace") => format!("xml:{}", a.name()),
                _ => a.name().to_ascii_lowercase(),
            };
            (name, neutralise_reserved(a.value()).into_owned())
        })
        .collect();
    let mut el = El {
        name: node.tag_name().name().to_ascii_lowercase(),
        attrs,
        kids: Vec::new(),
    };
    for child in node.children() {
        if child.is_text() {
            push_text(&mut el, child.text().unwrap_or(""));
        } else if child.is_element() {
            if depth >= MAX_DEPTH {
                let text: String = child
                    .descendants()
                    .filter(|d| d.is_text())
                    .filter_map(|d| d.text())
                    .collect();
                push_text(&mut el, &text);
            } else {
                el.kids.push(XNode::El(from_xml(child, depth + 1)));
            }
        }
    }
    el
}

/// Reads a document as a browser reads HTML.
pub fn html(text: &str) -> El {
    let doc = Html::parse_document(text);
    let root = doc.tree.root();
    let body = root
        .descendants()
        .find(|n| n.value().as_element().is_some_and(|e| e.name() == "body"))
        .unwrap_or(root);
    from_html(body, 0)
}

fn from_html(node: ego_tree::NodeRef<Node>, depth: usize) -> El {
    let mut el = El {
        name: node
            .value()
            .as_element()
            .map_or("body".to_string(), |e| e.name().to_ascii_lowercase()),
        attrs: node.value().as_element().map_or(Vec::new(), |e| {
            e.attrs()
                .map(|(n, v)| (n.to_ascii_lowercase(), neutralise_reserved(v).into_owned()))
                .collect()
        }),
        kids: Vec::new(),
    };
    for child in node.children() {
        match child.value() {
            Node::Text(t) => push_text(&mut el, t),
            Node::Element(_) if depth >= MAX_DEPTH => {
                let text: String = child
                    .descendants()
                    .filter_map(|d| d.value().as_text().map(|t| t.to_string()))
                    .collect();
                push_text(&mut el, &text);
            }
            Node::Element(_) => el.kids.push(XNode::El(from_html(child, depth + 1))),
            _ => {}
        }
    }
    el
}

fn push_text(el: &mut El, text: &str) {
    if text.is_empty() {
        return;
    }
    // After character references are decoded, so `&#xFDD0;` is caught too.
    let text = neutralise_reserved(text);
    if let Some(XNode::Text(last)) = el.kids.last_mut() {
        last.push_str(&text);
    } else {
        el.kids.push(XNode::Text(text.to_string()));
    }
}

/// Whether a character is one of the noncharacters Lectern uses as its own markers while
/// a book is put together (see `marks`).
pub fn is_reserved(c: char) -> bool {
    ('\u{fdd0}'..='\u{fdef}').contains(&c)
}

/// Noncharacters are never text; a book that holds them (written or as character
/// references) gets U+FFFD, so nothing in it can pass for one of Lectern's markers.
fn neutralise_reserved(text: &str) -> std::borrow::Cow<'_, str> {
    if !text.chars().any(is_reserved) {
        return std::borrow::Cow::Borrowed(text);
    }
    std::borrow::Cow::Owned(
        text.chars()
            .map(|c| if is_reserved(c) { '\u{fffd}' } else { c })
            .collect(),
    )
}

/// Elements that have no end tag in HTML.
pub fn is_void(name: &str) -> bool {
    matches!(
        name,
        "area"
            | "base"
            | "br"
            | "col"
            | "embed"
            | "hr"
            | "img"
            | "input"
            | "link"
            | "meta"
            | "source"
            | "track"
            | "wbr"
    )
}

/// Escapes text for an HTML text node.
pub fn escape_text(s: &str, out: &mut String) {
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            c => out.push(c),
        }
    }
}

/// Escapes text for a double-quoted HTML attribute value.
pub fn escape_attr(s: &str, out: &mut String) {
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '"' => out.push_str("&quot;"),
            '<' => out.push_str("&lt;"),
            c => out.push(c),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn well_formed_xhtml_is_read_as_xml_with_epub_attributes() {
        let doc = r#"<?xml version="1.0"?><html xmlns="http://www.w3.org/1999/xhtml" xmlns:epub="http://www.idpf.org/2007/ops"><head><title/></head><body><p>One<a id="x"/> two <a epub:type="noteref" href="n.xhtml#n1">1</a></p></body></html>"#;
        let body = parse(doc);
        assert_eq!(body.name, "body");
        let p = body.elements().next().unwrap();
        assert_eq!(p.text(), "One two 1");
        let a: Vec<&El> = p.elements().collect();
        assert_eq!(a[0].attr("id"), Some("x"));
        assert!(a[0].kids.is_empty(), "a self-closed anchor holds nothing");
        assert!(a[1].has_token("epub:type", "noteref"));
    }

    #[test]
    fn html_entities_fall_back_to_the_html_parser() {
        let doc = "<html><body><p>a&nbsp;b<br>c</p></body></html>";
        let body = parse(doc);
        assert_eq!(body.text(), "a bc", "the no-break space is read");
        assert!(
            body.elements()
                .next()
                .unwrap()
                .elements()
                .any(|e| e.name == "br")
        );
    }

    #[test]
    fn declared_entities_are_never_expanded() {
        let doc = r#"<?xml version="1.0"?><!DOCTYPE html [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]><html><body><p>&b;&b;</p></body></html>"#;
        assert!(xml(doc).is_none());
        assert!(!parse(doc).text().contains("aaaaaaaaaaaaaaaaaaaa"));
    }

    #[test]
    fn deep_nesting_keeps_its_text() {
        let doc = format!(
            "<html><body>{}deep{}</body></html>",
            "<div>".repeat(2000),
            "</div>".repeat(2000)
        );
        assert_eq!(parse(&doc).text(), "deep");
    }

    #[test]
    fn the_start_of_a_document_reads_as_xml() {
        let doc = r#"<?xml version="1.0"?><!-- <p> --><html xmlns="http://www.w3.org/1999/xhtml"><body><section id="s"><p title="a > b">One<br/></p><p>Two <i>and"#;
        let cut = &doc[..doc.rfind('>').unwrap() + 1];
        assert!(xml(&balanced(cut)).is_some(), "{}", balanced(cut));
        let body = parse_start(cut);
        assert_eq!(body.text(), "OneTwo");
        assert_eq!(body.elements().next().unwrap().attr("id"), Some("s"));
    }

    #[test]
    fn noncharacters_in_a_book_are_not_markers() {
        let body = parse("<html><body><p>a\u{fdd0}b&#xFDD1;&#65000;</p></body></html>");
        assert_eq!(body.text(), "a\u{fffd}b\u{fffd}\u{fffd}");
        let soup = parse("<body><p title='&#xFDD2;'>&#xFDD1;<br></body>");
        assert_eq!(soup.text(), "\u{fffd}");
        assert_eq!(
            soup.elements().next().unwrap().attr("title"),
            Some("\u{fffd}")
        );
    }
}
