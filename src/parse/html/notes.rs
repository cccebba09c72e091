//! Footnotes in their HTML shapes: pandoc (`a.footnote-ref` → `section.footnotes`), Wikipedia
//! (`sup.reference` → `ol.references`), `doc-noteref` / `doc-footnote`, `epub:type`, the
//! general shape of an in-page link whose target sits in an end list or an aside, and a
//! note that links back to its reference (plain EPUB and Gutenberg notes).

use super::AttrNamed;
use super::extract::{Tag, tag_of};
use crate::parse::html::ids::{IdMap, IdSet};
use ego_tree::{NodeId, NodeRef};
use scraper::{ElementRef, Html, Node};
use std::collections::{HashMap, HashSet};

/// Where a page's note references, definitions and back-links are.
#[derive(Debug, Default)]
pub struct NoteShape {
    /// Reference elements (the whole `sup` or `a`) with their note label.
    pub refs: IdMap<String>,
    /// Definition elements with their label, in document order.
    pub defs: Vec<(NodeId, String)>,
    /// Elements left out of the body: definitions and the lists that hold them.
    pub skip: IdSet,
    /// Links back from a note to its reference.
    pub backlinks: IdSet,
}

/// Whether the space-separated `attr` holds one of `any`, in any case. Asked of every
/// element of a page several times, so it allocates nothing.
fn has_token(el: ElementRef, attr: &str, any: &[&str]) -> bool {
    el.value()
        .attr_named(attr)
        .is_some_and(|v| holds_token(v, any))
}

/// Whether the space-separated `value` holds one of `any`, in any case.
fn holds_token(value: &str, any: &[&str]) -> bool {
    value
        .split_whitespace()
        .any(|t| any.iter().any(|a| t.eq_ignore_ascii_case(a)))
}

/// The attributes that mark notes, read in one pass over an element's attributes: every
/// element of a page is asked whether it holds notes or is one.
#[derive(Default)]
struct NoteAttrs<'a> {
    class: Option<&'a str>,
    role: Option<&'a str>,
    epub_type: Option<&'a str>,
    data_type: Option<&'a str>,
}

impl<'a> NoteAttrs<'a> {
    fn of(el: ElementRef<'a>) -> Self {
        let mut out = NoteAttrs::default();
        for (k, v) in el.value().attrs() {
            match k {
                "class" => out.class = Some(v),
                "role" => out.role = Some(v),
                "epub:type" => out.epub_type = Some(v),
                "data-type" => out.data_type = Some(v),
                _ => {}
            }
        }
        out
    }

    fn holds(value: Option<&str>, any: &[&str]) -> bool {
        value.is_some_and(|v| holds_token(v, any))
    }

    /// A list or section that holds a page's notes.
    fn is_container(&self, name: &str) -> bool {
        matches!(name, "section" | "div" | "ol" | "ul" | "aside" | "dl")
            && Self::holds(
                self.class,
                &[
                    "footnotes",
                    "references",
                    "footnote-definition",
                    "endnotes",
                    "notes",
                ],
            )
            || Self::holds(self.role, &["doc-endnotes", "doc-footnotes"])
            || Self::holds(self.epub_type, &["footnotes", "endnotes", "rearnotes"])
    }

    /// One note's own element.
    fn is_definition(&self, name: &str) -> bool {
        Self::holds(self.role, &["doc-footnote", "doc-endnote"])
            || Self::holds(self.epub_type, &["footnote", "endnote", "rearnote", "note"])
            || name != "ol" && Self::holds(self.class, &["footnote-definition"])
    }
}

/// One note's own element.
fn is_definition(el: ElementRef) -> bool {
    NoteAttrs::of(el).is_definition(el.value().name())
}

/// A link that says it is a note reference.
fn declares_ref(a: ElementRef) -> bool {
    has_token(
        a,
        "class",
        &["footnote-ref", "footnote", "noteref", "footnote-reference"],
    ) || has_token(a, "role", &["doc-noteref"])
        || has_token(a, "epub:type", &["noteref"])
        || has_token(a, "rel", &["footnote"])
}

/// A link from a note back to where it is cited.
fn is_backlink(a: ElementRef) -> bool {
    let text: String = a.text().collect();
    let t = text.trim();
    has_token(a, "role", &["doc-backlink"])
        || has_token(
            a,
            "class",
            &[
                "footnote-back",
                "footnote-backref",
                "reversefootnote",
                "backlink",
            ],
        )
        || t.contains(['↩', '↑'])
        || t == "^"
}

/// Whether a link target is itself an in-page link, as the reference a back-link returns to is.
fn points_at_link(target: NodeRef<Node>) -> bool {
    let is_link = |n: NodeRef<Node>| {
        n.value().as_element().is_some_and(|e| {
            e.name() == "a" && e.attr_named("href").is_some_and(|h| h.starts_with('#'))
        })
    };
    let wrapper = target
        .value()
        .as_element()
        .is_some_and(|e| matches!(e.name(), "sup" | "span"));
    is_link(target) || wrapper && target.children().any(is_link)
}

/// Short marker text such as `1`, `[12]`, `a`, `*`, `†`.
fn marker_like(text: &str) -> bool {
    let t = text
        .trim()
        .trim_start_matches('[')
        .trim_end_matches(']')
        .trim();
    !t.is_empty() && t.chars().count() <= 6 && !t.contains(' ')
}

fn label_of(text: &str) -> String {
    text.trim()
        .trim_start_matches('[')
        .trim_end_matches(']')
        .trim()
        .to_string()
}

/// Finds the notes of a page.
pub fn find(doc: &Html) -> NoteShape {
    let mut ids: HashMap<&str, NodeId> = HashMap::new();
    let mut links = Vec::new();
    let mut containers = Vec::new();
    let mut single_defs = Vec::new();
    // HTMLBook writes a note where it is referred to, `<span data-type="footnote">…</span>`,
    // and leaves its number to the renderer.
    let mut inline_notes = Vec::new();
    for node in doc.tree.root().descendants() {
        let Some(el) = ElementRef::wrap(node) else {
            continue;
        };
        let v = el.value();
        if let Some(id) = v.id() {
            ids.entry(id).or_insert(node.id());
        }
        if v.name() == "a" {
            if let Some(name) = v.attr_named("name") {
                ids.entry(name).or_insert(node.id());
            }
            if let Some(frag) = v.attr_named("href").and_then(|h| h.strip_prefix('#')) {
                links.push((el, frag));
            }
        }
        let marks = NoteAttrs::of(el);
        if marks.is_container(v.name()) {
            containers.push(node.id());
        } else if marks.data_type == Some("footnote") {
            inline_notes.push(node.id());
        } else if marks.is_definition(v.name()) {
            single_defs.push(node.id());
        }
    }
    let in_container = |n: NodeRef<Node>| {
        n.ancestors()
            .any(|a| containers.contains(&a.id()) || single_defs.contains(&a.id()))
    };

    let order: IdMap<usize> = doc
        .tree
        .root()
        .descendants()
        .enumerate()
        .map(|(i, n)| (n.id(), i))
        .collect();
    let mut shape = NoteShape::default();
    let mut def_label: IdMap<String> = IdMap::default();
    let mut used_labels: HashSet<String> = HashSet::new();
    for &(a, frag) in &links {
        let Some(&target) = ids.get(frag) else {
            continue;
        };
        let t = doc.tree.get(target).expect("id from tree");
        let linked = linked_back(a, t, &order);
        if linked.is_none() && (is_backlink(a) || points_at_link(t)) {
            continue;
        }
        // A link that says it is a note reference is one, whatever its target carries.
        let declared =
            has_token(a, "epub:type", &["noteref"]) || has_token(a, "role", &["doc-noteref"]);
        let Some(def) = linked
            .or_else(|| definition_at(t))
            .or_else(|| declared.then(|| note_block(t)).flatten())
        else {
            continue;
        };
        if a.ancestors().any(|x| x.id() == def.id()) {
            continue;
        }
        let text: String = a.text().collect();
        let general =
            marker_like(&text) && (linked.is_some() || in_container(def) || end_list(def));
        // A declared reference may say more than a number ("See note 26"): its words are
        // its label, so none is lost.
        if !(declares_ref(a) || general) || !(marker_like(&text) || declared) {
            continue;
        }
        let label = def_label.entry(def.id()).or_insert_with(|| {
            let mut l = label_of(&text);
            if used_labels.contains(&l) {
                l = def
                    .value()
                    .as_element()
                    .and_then(|e| e.id())
                    .unwrap_or("note")
                    .to_string();
            }
            used_labels.insert(l.clone());
            l
        });
        shape.refs.insert(ref_element(a).id(), label.clone());
    }
    let ref_nodes: IdSet = shape.refs.keys().copied().collect();
    for &(a, frag) in &links {
        let Some(&target) = ids.get(frag) else {
            continue;
        };
        let t = doc.tree.get(target).expect("id from tree");
        // A wrapper around a reference (`<span id><sup><a>`) is where a back-link goes; a
        // paragraph that happens to open with one is a place like any other.
        let inline = ElementRef::wrap(t).is_some_and(|e| tag_of(e) == Tag::Inline);
        let near_ref = t
            .ancestors()
            .take(2)
            .chain([t])
            .any(|n| ref_nodes.contains(&n.id()))
            || inline && t.descendants().take(4).any(|n| ref_nodes.contains(&n.id()));
        if (near_ref || is_backlink(a)) && !ref_nodes.contains(&a.id()) {
            shape.backlinks.insert(a.id());
        }
    }
    collect_definitions(
        doc,
        &containers,
        &single_defs,
        &mut def_label,
        &mut used_labels,
    );
    let mut next = 1usize;
    for &id in &inline_notes {
        while used_labels.contains(&next.to_string()) {
            next += 1;
        }
        let label = next.to_string();
        used_labels.insert(label.clone());
        shape.refs.insert(id, label.clone());
        def_label.insert(id, label);
    }
    let mut defs: Vec<(NodeId, String)> = def_label.into_iter().collect();
    defs.sort_by_key(|(id, _)| order.get(id).copied().unwrap_or(usize::MAX));
    shape.skip.extend(containers.iter().copied());
    // An inline note stands where it is referred to: its reference is drawn there.
    shape.skip.extend(
        defs.iter()
            .map(|(id, _)| *id)
            .filter(|id| !inline_notes.contains(id)),
    );
    shape.defs = defs;
    shape
}

/// Items of note lists that no reference points to are still notes.
fn collect_definitions(
    doc: &Html,
    containers: &[NodeId],
    single_defs: &[NodeId],
    def_label: &mut IdMap<String>,
    used: &mut HashSet<String>,
) {
    let mut add = |node: NodeRef<Node>, def_label: &mut IdMap<String>| {
        if def_label.contains_key(&node.id()) {
            return;
        }
        let id = node.value().as_element().and_then(|e| e.id()).unwrap_or("");
        let mut label = strip_id_prefix(id);
        if label.is_empty() || used.contains(&label) {
            label = format!("{}", def_label.len() + 1);
        }
        used.insert(label.clone());
        def_label.insert(node.id(), label);
    };
    for &c in containers {
        let node = doc.tree.get(c).expect("container from tree");
        let items: Vec<NodeRef<Node>> = if is_list(node) {
            node.children().filter(|n| is_named(*n, "li")).collect()
        } else {
            node.children()
                .filter(|n| is_list(*n))
                .flat_map(|l| l.children().filter(|n| is_named(*n, "li")))
                .collect()
        };
        for item in items {
            add(item, def_label);
        }
    }
    for &d in single_defs {
        add(doc.tree.get(d).expect("definition from tree"), def_label);
    }
}

fn is_named(n: NodeRef<Node>, name: &str) -> bool {
    n.value().as_element().is_some_and(|e| e.name() == name)
}

fn is_list(n: NodeRef<Node>) -> bool {
    is_named(n, "ol") || is_named(n, "ul")
}

/// `fn:3`, `fn3`, `cite_note-3`, `footnote-word` → `3`, `3`, `3`, `word`.
fn strip_id_prefix(id: &str) -> String {
    for p in [
        "cite_note-",
        "footnote-",
        "footnote",
        "fn:",
        "fn-",
        "fn",
        "note-",
        "note",
        "en",
    ] {
        if let Some(rest) = id.strip_prefix(p)
            && !rest.is_empty()
        {
            return rest.to_string();
        }
    }
    id.to_string()
}

/// The element a link target belongs to as a note: itself when it is a list item, aside or
/// definition; the nearest such ancestor when the target is an inline anchor.
fn definition_at(target: NodeRef<Node>) -> Option<NodeRef<Node>> {
    for n in [target].into_iter().chain(target.ancestors().take(3)) {
        let el = ElementRef::wrap(n)?;
        let name = el.value().name();
        if matches!(
            name,
            "h1" | "h2" | "h3" | "h4" | "h5" | "h6" | "body" | "html" | "section" | "main"
        ) {
            return None;
        }
        if name == "li" || name == "aside" || name == "dd" || is_definition(el) {
            return Some(n);
        }
    }
    None
}

/// A note that links back to its reference, as plain EPUB and Gutenberg notes do: the
/// block the target is (or sits in), later in the document than the reference, holding a
/// link to the reference's id or to that of the `sup` or `span` around it.
fn linked_back<'a>(
    a: ElementRef<'a>,
    target: NodeRef<'a, Node>,
    order: &IdMap<usize>,
) -> Option<NodeRef<'a, Node>> {
    let mut own: Vec<&str> = a.value().id().into_iter().collect();
    if let Some(p) = a.parent().and_then(ElementRef::wrap)
        && matches!(p.value().name(), "sup" | "span")
    {
        own.extend(p.value().id());
    }
    if own.is_empty() {
        return None;
    }
    let def = note_block(target)?;
    let at = |n: NodeId| order.get(&n).copied().unwrap_or(0);
    if at(def.id()) <= at(a.id()) {
        return None;
    }
    let back = def
        .descendants()
        .take(400)
        .filter_map(ElementRef::wrap)
        .any(|l| {
            l.value().name() == "a"
                && l.value()
                    .attr_named("href")
                    .and_then(|h| h.strip_prefix('#'))
                    .is_some_and(|f| own.contains(&f))
        });
    back.then_some(def)
}

/// The block a note's text is: the target when it is a paragraph, item or box, else the
/// nearest such block around it; never a heading, section or the page.
fn note_block(target: NodeRef<Node>) -> Option<NodeRef<Node>> {
    for n in [target].into_iter().chain(target.ancestors().take(3)) {
        let el = ElementRef::wrap(n)?;
        match el.value().name() {
            "h1" | "h2" | "h3" | "h4" | "h5" | "h6" | "body" | "html" | "section" | "main"
            | "article" | "nav" | "header" | "footer" => return None,
            "p" | "div" | "li" | "dd" | "aside" | "blockquote" => return Some(n),
            _ => {}
        }
    }
    None
}

/// Whether a list item sits in a list after which little text follows (an end list).
fn end_list(def: NodeRef<Node>) -> bool {
    let Some(list) = def.parent() else {
        return false;
    };
    let mut after = 0usize;
    let mut n = list;
    loop {
        // Counting stops at the limit: the text after a list can be a whole book.
        for s in n.next_siblings() {
            if let Some(el) = ElementRef::wrap(s) {
                for t in el.text() {
                    after += t.trim().len();
                    if after > 3000 {
                        return false;
                    }
                }
            }
        }
        match n.parent() {
            Some(p) if p.value().as_element().is_some_and(|e| e.name() != "body") => n = p,
            _ => break,
        }
        if after > 3000 {
            return false;
        }
    }
    after <= 3000
}

/// The element to replace with a note marker: a `sup` that holds only this link, else the link.
fn ref_element(a: ElementRef) -> NodeRef<Node> {
    if let Some(p) = a.parent().and_then(ElementRef::wrap)
        && p.value().name() == "sup"
        && p.text().collect::<String>().trim() == a.text().collect::<String>().trim()
    {
        return *p;
    }
    *a
}

#[cfg(test)]
mod tests {
    use super::*;

    fn labels(html: &str) -> (Vec<String>, Vec<String>) {
        let doc = Html::parse_document(html);
        let shape = find(&doc);
        let mut refs: Vec<String> = shape.refs.values().cloned().collect();
        refs.sort();
        let defs = shape.defs.iter().map(|(_, l)| l.clone()).collect();
        (refs, defs)
    }

    #[test]
    fn a_note_that_links_back_is_a_note_whatever_it_is() {
        let page = r##"<p>Body<a id="r1" href="#n1"><sup>1</sup></a> and
            <a id="FNanchor_A" href="#Footnote_A" class="fnanchor">[A]</a>.</p>
            <p>More text that is not a note at all, with a <a href="#n1">link</a>.</p>
            <p id="n1" class="note"><a href="#r1">1.</a> The first note.</p>
            <div class="fn"><p><a id="Footnote_A" href="#FNanchor_A">[A]</a> The letter note.</p></div>"##;
        assert_eq!(
            labels(page),
            (vec!["1".into(), "A".into()], vec!["1".into(), "A".into()])
        );
    }

    #[test]
    fn a_link_to_a_paragraph_that_holds_a_reference_is_not_a_back_link() {
        let page = r##"<p id="p1">Short.<a id="r1" href="#n1">1</a> More of the paragraph.</p>
            <p>As <a href="#p1">said above</a>, and again.</p>
            <ol class="notes"><li id="n1">The note. <a href="#r1">↩</a></li></ol>"##;
        let doc = Html::parse_document(page);
        let shape = find(&doc);
        let kept: Vec<String> = doc
            .select(&scraper::Selector::parse("a").unwrap())
            .filter(|a| !shape.backlinks.contains(&a.id()))
            .map(|a| a.text().collect())
            .collect();
        assert_eq!(kept, ["1", "said above"], "only the ↩ is a back-link");
    }

    #[test]
    fn a_declared_reference_needs_no_note_shape_and_keeps_its_words() {
        let page = r##"<p>See <a epub:type="noteref" href="#x">See note 26</a>.</p>
            <p>Filler.</p><p id="x">The note's text.</p>"##;
        assert_eq!(
            labels(page),
            (vec!["See note 26".into()], vec!["See note 26".into()])
        );
    }
}
