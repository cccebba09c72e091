//! A book's table of contents: the EPUB 3 navigation document (its `toc` nav, not the
//! landmarks or page list beside it) or the EPUB 2 NCX, as entries with their depth and
//! the place each points at.

use super::archive::resolve;
use super::package::{parse_xml, text_of};
use super::xhtml::{self, El};

/// Deepest level kept; deeper entries are listed at this depth.
const MAX_DEPTH: u8 = 8;

/// One entry of the contents.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NavEntry {
    /// What the contents call it.
    pub title: String,
    /// 1 = top level.
    pub depth: u8,
    /// The entry and fragment it points at; `None` for a heading with no link of its own.
    pub target: Option<(String, Option<String>)>,
}

/// The entries of a navigation document at `path`.
pub fn from_nav(path: &str, text: &str) -> Vec<NavEntry> {
    let body = xhtml::parse(text);
    let navs: Vec<&El> = body
        .descendants()
        .into_iter()
        .filter(|e| e.name == "nav")
        .collect();
    let Some(toc) = navs
        .iter()
        .find(|n| n.has_token("epub:type", "toc") || n.has_token("role", "doc-toc"))
        .or(navs.first())
    else {
        return Vec::new();
    };
    let Some(list) = toc
        .descendants()
        .into_iter()
        .find(|e| e.name == "ol" || e.name == "ul")
    else {
        return Vec::new();
    };
    let mut out = Vec::new();
    // Depth first, in order: a stack of (list item, depth), each list's items reversed.
    let mut stack: Vec<(&El, u8)> = items(list).rev().map(|li| (li, 1)).collect();
    while let Some((li, depth)) = stack.pop() {
        let label = li
            .elements()
            .find(|e| matches!(e.name.as_str(), "a" | "span"));
        let title = label.map_or_else(String::new, El::text);
        let target = label
            .and_then(|a| a.attr("href"))
            .and_then(|h| resolve(path, h));
        push(&mut out, title, depth, target);
        let below = (depth + 1).min(MAX_DEPTH);
        let sub: Vec<&El> = li
            .elements()
            .filter(|e| e.name == "ol" || e.name == "ul")
            .flat_map(items)
            .collect();
        stack.extend(sub.into_iter().rev().map(|c| (c, below)));
    }
    out
}

/// Keeps an entry that says or points at something.
fn push(
    out: &mut Vec<NavEntry>,
    title: String,
    depth: u8,
    target: Option<(String, Option<String>)>,
) {
    if !title.is_empty() || target.is_some() {
        out.push(NavEntry {
            title,
            depth,
            target,
        });
    }
}

fn points<'a, 'i>(n: roxmltree::Node<'a, 'i>) -> Vec<roxmltree::Node<'a, 'i>> {
    n.children()
        .filter(|c| c.tag_name().name() == "navPoint")
        .collect()
}

fn items(list: &El) -> impl DoubleEndedIterator<Item = &El> {
    list.elements()
        .filter(|e| e.name == "li")
        .collect::<Vec<_>>()
        .into_iter()
}

/// The entries of an NCX at `path`; none when it cannot be read.
pub fn from_ncx(path: &str, text: &str) -> Vec<NavEntry> {
    let Ok(doc) = parse_xml(text) else {
        return Vec::new();
    };
    let Some(map) = doc.descendants().find(|n| n.tag_name().name() == "navMap") else {
        return Vec::new();
    };
    let mut out = Vec::new();
    let mut stack: Vec<_> = points(map).into_iter().rev().map(|p| (p, 1u8)).collect();
    while let Some((point, depth)) = stack.pop() {
        let title = point
            .children()
            .find(|c| c.tag_name().name() == "navLabel")
            .and_then(|l| l.descendants().find(|d| d.tag_name().name() == "text"))
            .map(text_of)
            .unwrap_or_default();
        let target = point
            .children()
            .find(|c| c.tag_name().name() == "content")
            .and_then(|c| c.attribute("src"))
            .and_then(|src| resolve(path, src));
        push(&mut out, title, depth, target);
        let below = (depth + 1).min(MAX_DEPTH);
        stack.extend(points(point).into_iter().rev().map(|p| (p, below)));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_toc_nav_not_the_landmarks() {
        let nav = r#"<html xmlns="http://www.w3.org/1999/xhtml" xmlns:epub="http://www.idpf.org/2007/ops"><body>
<nav epub:type="landmarks"><ol><li><a href="text/one.xhtml">Start</a></li></ol></nav>
<nav epub:type="toc"><h2>Contents</h2><ol>
 <li><a href="text/one.xhtml"><span>I</span>: The Coast</a>
  <ol><li><a href="text/one.xhtml#harbour">The Harbour</a></li></ol></li>
 <li><span>Part Two</span><ol><li><a href="text/two.xhtml">II</a></li></ol></li>
</ol></nav></body></html>"#;
        let got = from_nav("OPS/nav.xhtml", nav);
        let short: Vec<(&str, u8, Option<&str>)> = got
            .iter()
            .map(|e| {
                (
                    e.title.as_str(),
                    e.depth,
                    e.target.as_ref().and_then(|t| t.1.as_deref()),
                )
            })
            .collect();
        assert_eq!(
            short,
            [
                ("I: The Coast", 1, None),
                ("The Harbour", 2, Some("harbour")),
                ("Part Two", 1, None),
                ("II", 2, None)
            ]
        );
        assert_eq!(got[0].target.as_ref().unwrap().0, "OPS/text/one.xhtml");
        assert!(got[2].target.is_none());
    }

    #[test]
    fn ncx_nav_points_nest() {
        let ncx = r#"<?xml version="1.0"?><!DOCTYPE ncx PUBLIC "-//NISO//DTD ncx 2005-1//EN" "http://www.daisy.org/z3986/2005/ncx-2005-1.dtd">
<ncx xmlns="http://www.daisy.org/z3986/2005/ncx/"><navMap>
<navPoint id="a"><navLabel><text>One</text></navLabel><content src="Text/a.html"/>
 <navPoint id="b"><navLabel><text> Sub  part </text></navLabel><content src="Text/a.html#s"/></navPoint></navPoint>
<navPoint id="c"><navLabel><text>Two</text></navLabel><content src="Text/b.html"/></navPoint>
</navMap></ncx>"#;
        let got = from_ncx("OEBPS/toc.ncx", ncx);
        let short: Vec<(&str, u8)> = got.iter().map(|e| (e.title.as_str(), e.depth)).collect();
        assert_eq!(short, [("One", 1), ("Sub part", 2), ("Two", 1)]);
        assert_eq!(
            got[1].target,
            Some(("OEBPS/Text/a.html".into(), Some("s".into())))
        );
    }
}
