//! The package document (`content.opf`): what the book is called and by whom, which files
//! it holds and the order they are read in. EPUB 3 says who did what with `<meta
//! refines>` elements; EPUB 2 with `opf:role` attributes. Both are read.

use super::EpubError;
use super::archive::resolve;
use crate::article::{Contributor, Credit, DateInfo};
use roxmltree::{Document, Node, ParsingOptions};
use std::collections::HashMap;

/// One file the manifest lists.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Item {
    /// Entry name inside the archive.
    pub path: String,
    /// Declared media type.
    pub media_type: String,
}

/// One place in the reading order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SpineItem {
    /// Entry name, or `None` when the spine names an item the manifest does not list.
    pub path: Option<String>,
    /// The id the spine uses, for messages.
    pub idref: String,
    /// Declared media type.
    pub media_type: String,
}

/// What the package document says about the book.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Metadata {
    /// The main title.
    pub title: Option<String>,
    /// Authors, in the order listed.
    pub authors: Vec<String>,
    /// Translators, editors and the like.
    pub contributors: Vec<Contributor>,
    /// The date of the work when given, else of the edition.
    pub date: Option<DateInfo>,
    /// The book's language.
    pub language: Option<String>,
    /// The publisher.
    pub publisher: Option<String>,
    /// A short description, as plain text.
    pub description: Option<String>,
}

/// The parts of the package document a reader needs.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Package {
    /// Title, people, date and the rest.
    pub meta: Metadata,
    /// Every manifest item by its id.
    pub items: HashMap<String, Item>,
    /// The reading order: linear items first, then those marked `linear="no"`.
    pub spine: Vec<SpineItem>,
    /// The EPUB 3 navigation document.
    pub nav: Option<String>,
    /// The EPUB 2 NCX.
    pub ncx: Option<String>,
}

/// Parses one of the small XML files of a book: a DOCTYPE is fine, entities it declares
/// are not (expanding them is how a small file fills memory).
pub fn parse_xml(text: &str) -> Result<Document<'_>, String> {
    if text.contains("<!ENTITY") {
        return Err("it declares its own entities".into());
    }
    let opts = ParsingOptions {
        allow_dtd: true,
        nodes_limit: 1_000_000,
        ..Default::default()
    };
    Document::parse_with_options(text, opts).map_err(|e| e.to_string())
}

/// The package document named by `META-INF/container.xml`.
pub fn rootfile(container: &str) -> Result<String, String> {
    let doc = parse_xml(container)?;
    let rootfiles: Vec<Node> = doc
        .descendants()
        .filter(|n| n.tag_name().name() == "rootfile")
        .collect();
    let best = rootfiles
        .iter()
        .find(|n| n.attribute("media-type") == Some("application/oebps-package+xml"))
        .or(rootfiles.first());
    best.and_then(|n| n.attribute("full-path"))
        .map(|p| p.trim_start_matches('/').to_string())
        .filter(|p| !p.is_empty())
        .ok_or_else(|| "it names no package document".to_string())
}

/// Reads the package document at `path`.
pub fn read(path: &str, text: &str) -> Result<Package, EpubError> {
    let bad = |why: String| EpubError::BadPackage(path.to_string(), why);
    let doc = parse_xml(text).map_err(bad)?;
    let root = doc.root_element();
    if root.tag_name().name() != "package" {
        return Err(bad(format!("its root is <{}>", root.tag_name().name())));
    }
    let child = |name: &str| root.children().find(|n| n.tag_name().name() == name);
    let mut package = Package {
        meta: child("metadata").map(metadata).unwrap_or_default(),
        ..Package::default()
    };
    let mut ncx_by_type = None;
    for item in child("manifest")
        .into_iter()
        .flat_map(|m| m.children())
        .filter(|n| n.tag_name().name() == "item")
    {
        let (Some(id), Some(href)) = (item.attribute("id"), item.attribute("href")) else {
            continue;
        };
        let Some((entry, _)) = resolve(path, href) else {
            continue;
        };
        let media_type = item.attribute("media-type").unwrap_or("").to_string();
        if tokens(item.attribute("properties")).any(|p| p == "nav") {
            package.nav = Some(entry.clone());
        }
        if media_type == "application/x-dtbncx+xml" {
            ncx_by_type = Some(entry.clone());
        }
        package.items.insert(
            id.to_string(),
            Item {
                path: entry,
                media_type,
            },
        );
    }
    let spine = child("spine").ok_or(EpubError::NoSpine)?;
    package.ncx = spine
        .attribute("toc")
        .and_then(|id| package.items.get(id))
        .map(|i| i.path.clone())
        .or(ncx_by_type);
    let (mut linear, mut aside) = (Vec::new(), Vec::new());
    for itemref in spine
        .children()
        .filter(|n| n.tag_name().name() == "itemref")
    {
        let idref = itemref.attribute("idref").unwrap_or("").to_string();
        let item = package.items.get(&idref);
        let entry = SpineItem {
            path: item.map(|i| i.path.clone()),
            media_type: item.map_or(String::new(), |i| i.media_type.clone()),
            idref,
        };
        if itemref.attribute("linear") == Some("no") {
            aside.push(entry);
        } else {
            linear.push(entry);
        }
    }
    linear.extend(aside);
    if linear.is_empty() {
        return Err(EpubError::NoSpine);
    }
    package.spine = linear;
    Ok(package)
}

fn tokens(v: Option<&str>) -> impl Iterator<Item = &str> {
    v.unwrap_or("").split_whitespace()
}

/// An attribute by local name, whatever its namespace prefix (`opf:role`, `role`).
fn attr_local<'a>(n: Node<'a, '_>, name: &str) -> Option<&'a str> {
    n.attributes().find(|a| a.name() == name).map(|a| a.value())
}

/// An element's text, whitespace runs collapsed.
pub fn text_of(n: Node) -> String {
    let raw: String = n
        .descendants()
        .filter(|d| d.is_text())
        .filter_map(|d| d.text())
        .collect();
    raw.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn metadata(md: Node) -> Metadata {
    // EPUB 3 refinements: property values by the id they refine.
    let mut refines: HashMap<(&str, &str), Vec<String>> = HashMap::new();
    for m in md.descendants().filter(|n| n.tag_name().name() == "meta") {
        if let (Some(target), Some(prop)) = (m.attribute("refines"), m.attribute("property")) {
            refines
                .entry((target.trim_start_matches('#'), prop))
                .or_default()
                .push(text_of(m));
        }
    }
    let refined = |n: Node, prop: &str| -> Vec<String> {
        n.attribute("id")
            .and_then(|id| refines.get(&(id, prop)))
            .cloned()
            .unwrap_or_default()
    };
    let dc = |name: &str| -> Vec<Node> {
        md.descendants()
            .filter(|n| n.is_element() && n.tag_name().name() == name)
            .filter(|n| !text_of(*n).is_empty())
            .collect()
    };
    let titles = dc("title");
    let title = titles
        .iter()
        .find(|t| refined(**t, "title-type").iter().any(|v| v == "main"))
        .or(titles.first())
        .map(|t| text_of(*t));

    let mut authors = Vec::new();
    let mut contributors = Vec::new();
    let roles = |n: Node| -> Vec<String> {
        let mut r = refined(n, "role");
        r.extend(attr_local(n, "role").map(str::to_string));
        r
    };
    for creator in dc("creator") {
        let roles = roles(creator);
        let credit = best_credit(&roles);
        match credit {
            Some(role) if !roles.iter().any(|r| r.eq_ignore_ascii_case("aut")) => contributors
                .push(Contributor {
                    name: text_of(creator),
                    role,
                }),
            _ => authors.push(text_of(creator)),
        }
    }
    for c in dc("contributor") {
        if let Some(role) = best_credit(&roles(c)) {
            contributors.push(Contributor {
                name: text_of(c),
                role,
            });
        }
    }

    // EPUB 2 may give several dates by event: the work's own first.
    let dates = dc("date");
    let event = |n: &Node| attr_local(*n, "event").unwrap_or("").to_ascii_lowercase();
    let date = dates
        .iter()
        .find(|d| event(d) == "original-publication")
        .or_else(|| dates.iter().find(|d| event(d).is_empty()))
        .or_else(|| dates.iter().find(|d| event(d) == "publication"))
        .or(dates.first())
        .map(|d| {
            let text = text_of(*d);
            let iso = iso_day(&text);
            // A time stamp to the second (`2021-09-14T08:00:00Z`) tells a reader no more
            // than its day.
            let text = match &iso {
                Some(day) if text.len() > day.len() && text.as_bytes()[10] == b'T' => day.clone(),
                _ => text,
            };
            DateInfo { iso, text }
        });
    let first = |name: &str| dc(name).first().map(|n| text_of(*n));
    Metadata {
        title,
        authors,
        contributors,
        date,
        language: first("language"),
        publisher: first("publisher"),
        description: first("description")
            .map(|d| plain(&d))
            .filter(|d| !d.is_empty()),
    }
}

/// The credit a reader is told about, by how much it says about the text in hand.
fn best_credit(roles: &[String]) -> Option<Credit> {
    const ORDER: [&str; 9] = [
        "trl", "edt", "com", "ill", "aui", "win", "wpr", "aft", "ann",
    ];
    ORDER
        .iter()
        .find(|code| roles.iter().any(|r| r.eq_ignore_ascii_case(code)))
        .and_then(|code| Credit::from_code(code))
}

/// `2014-05-25T00:00:00Z` → `2014-05-25`; a year or a month alone has no day.
fn iso_day(text: &str) -> Option<String> {
    let day = text.get(..10)?;
    let b = day.as_bytes();
    let digits = |r: std::ops::Range<usize>| b[r].iter().all(u8::is_ascii_digit);
    (digits(0..4) && b[4] == b'-' && digits(5..7) && b[7] == b'-' && digits(8..10))
        .then(|| day.to_string())
}

/// A description that holds markup (calibre writes HTML there) as its text.
fn plain(text: &str) -> String {
    if !text.contains('<') {
        return text.to_string();
    }
    let frag = scraper::Html::parse_fragment(text);
    let raw: String = frag.root_element().text().collect::<Vec<_>>().join(" ");
    raw.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    const OPF3: &str = r##"<?xml version="1.0" encoding="utf-8"?>
<package xmlns="http://www.idpf.org/2007/opf" version="3.0" unique-identifier="uid">
 <metadata xmlns:dc="http://purl.org/dc/elements/1.1/">
  <dc:title id="full">The Salt Roads: Being a Survey of Inland Trade</dc:title>
  <meta property="title-type" refines="#full">extended</meta>
  <dc:title id="main">The Salt Roads</dc:title>
  <meta property="title-type" refines="#main">main</meta>
  <dc:creator id="a">Ada Marsh</dc:creator>
  <meta property="role" refines="#a" scheme="marc:relators">aut</meta>
  <dc:contributor id="t">Ben Okafor</dc:contributor>
  <meta property="role" refines="#t" scheme="marc:relators">ann</meta>
  <meta property="role" refines="#t" scheme="marc:relators">trl</meta>
  <dc:contributor id="p">Cara Lind</dc:contributor>
  <meta property="role" refines="#p" scheme="marc:relators">bkp</meta>
  <dc:date>2019-03-04T10:00:00Z</dc:date>
  <dc:language>en-GB</dc:language>
  <dc:publisher>Quay Press</dc:publisher>
  <dc:description>&lt;p&gt;Trade &lt;i&gt;inland&lt;/i&gt;.&lt;/p&gt;</dc:description>
 </metadata>
 <manifest>
  <item id="nav" href="nav.xhtml" media-type="application/xhtml+xml" properties="nav"/>
  <item id="c1" href="text/one.xhtml" media-type="application/xhtml+xml"/>
  <item id="n" href="text/notes.xhtml" media-type="application/xhtml+xml"/>
 </manifest>
 <spine><itemref idref="n" linear="no"/><itemref idref="c1"/><itemref idref="gone"/></spine>
</package>"##;

    #[test]
    fn epub3_metadata_with_refinements() {
        let p = read("OPS/content.opf", OPF3).unwrap();
        let m = &p.meta;
        assert_eq!(m.title.as_deref(), Some("The Salt Roads"));
        assert_eq!(m.authors, ["Ada Marsh"]);
        assert_eq!(
            m.contributors,
            [Contributor {
                name: "Ben Okafor".into(),
                role: Credit::Translator
            }],
            "the producer is not credited to the reader"
        );
        let date = m.date.as_ref().unwrap();
        assert_eq!(date.iso.as_deref(), Some("2019-03-04"));
        assert_eq!(date.text, "2019-03-04", "the day, not the second");
        assert_eq!(m.language.as_deref(), Some("en-GB"));
        assert_eq!(m.publisher.as_deref(), Some("Quay Press"));
        assert_eq!(m.description.as_deref(), Some("Trade inland ."));
        assert_eq!(p.nav.as_deref(), Some("OPS/nav.xhtml"));
        let order: Vec<_> = p.spine.iter().map(|s| s.path.as_deref()).collect();
        assert_eq!(
            order,
            [
                Some("OPS/text/one.xhtml"),
                None,
                Some("OPS/text/notes.xhtml")
            ],
            "linear first, the unknown id kept to be reported"
        );
    }

    #[test]
    fn epub2_roles_and_dates_by_event() {
        let opf = r#"<package xmlns="http://www.idpf.org/2007/opf" version="2.0"><metadata xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:opf="http://www.idpf.org/2007/opf">
<dc:title>Tide Tables</dc:title>
<dc:creator opf:role="edt">Dana Frost</dc:creator><dc:creator opf:role="aut">Eli Stone</dc:creator>
<dc:date opf:event="publication">2020-01-01</dc:date><dc:date opf:event="original-publication">1901</dc:date>
</metadata><manifest><item id="ncx" href="toc.ncx" media-type="application/x-dtbncx+xml"/><item id="a" href="a.html" media-type="application/xhtml+xml"/></manifest>
<spine toc="ncx"><itemref idref="a"/></spine></package>"#;
        let p = read("content.opf", opf).unwrap();
        assert_eq!(p.meta.authors, ["Eli Stone"]);
        assert_eq!(p.meta.contributors[0].role, Credit::Editor);
        let date = p.meta.date.unwrap();
        assert_eq!((date.text.as_str(), date.iso), ("1901", None));
        assert_eq!(p.ncx.as_deref(), Some("toc.ncx"));
    }

    #[test]
    fn broken_packages_say_why() {
        let e = read("a.opf", "<package><metadata>").unwrap_err();
        assert!(e.to_string().contains("a.opf"), "{e}");
        let e = read("a.opf", "<package><manifest/></package>").unwrap_err();
        assert!(matches!(e, EpubError::NoSpine), "{e}");
        assert_eq!(
            rootfile(
                r#"<container><rootfiles><rootfile full-path="OEBPS/content.opf" media-type="application/oebps-package+xml"/></rootfiles></container>"#
            ),
            Ok("OEBPS/content.opf".into())
        );
    }
}
