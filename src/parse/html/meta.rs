//! Page metadata: `<meta>` tags (Open Graph, Dublin Core, citation_*), JSON-LD, `<title>`,
//! byline elements and `<time datetime>`.

use super::AttrNamed;
use crate::article::Meta;
use crate::parse::byline;
use crate::parse::frontmatter::{date_info, split_authors};
use ego_tree::NodeId;
use scraper::{ElementRef, Html, Selector};
use serde_json::Value;
use std::collections::HashMap;
use std::sync::LazyLock;

fn sel(s: &str) -> Selector {
    Selector::parse(s).expect("valid selector")
}

static META: LazyLock<Selector> = LazyLock::new(|| sel("meta[content]"));
static LD_JSON: LazyLock<Selector> = LazyLock::new(|| sel(r#"script[type="application/ld+json"]"#));
static TITLE: LazyLock<Selector> = LazyLock::new(|| sel("title"));
static CANONICAL: LazyLock<Selector> = LazyLock::new(|| sel(r#"link[rel~="canonical"][href]"#));
static BASE: LazyLock<Selector> = LazyLock::new(|| sel("base[href]"));
static H1: LazyLock<Selector> = LazyLock::new(|| sel("h1"));
static BYLINE: LazyLock<Selector> = LazyLock::new(|| {
    sel(
        r#"[rel~="author"], [itemprop~="author"], .p-author, address, [class*="byline"], [class*="author"], [id*="byline"], [id*="author"]"#,
    )
});
static TIME: LazyLock<Selector> = LazyLock::new(|| {
    sel(
        "article time[datetime], header time[datetime], time[pubdate], time[itemprop=datePublished], header .date, p.date",
    )
});

/// `<meta>` values by key, every value kept: each word of a `property` (which may list
/// several, `og:title dc:title`), then `name` and `itemprop`; keys lower-cased, with Dublin
/// Core's `DC.title` and `dcterm:` spelled `dc:title` and `dcterms:`. A value given by
/// `property` comes before one given by `name`, as reader modes rank them.
fn meta_tags(doc: &Html) -> HashMap<String, Vec<String>> {
    let mut by_property: HashMap<String, Vec<String>> = HashMap::new();
    let mut by_name: HashMap<String, Vec<String>> = HashMap::new();
    for m in doc.select(&META) {
        let v = m.value();
        let content = v.attr_named("content").unwrap_or("").trim();
        if content.is_empty() {
            continue;
        }
        if let Some(props) = v.attr_named("property") {
            for key in props.split_whitespace() {
                by_property
                    .entry(meta_key(key))
                    .or_default()
                    .push(content.to_string());
            }
        }
        for key in [
            v.attr_named("name"),
            v.attr_named("itemprop"),
            v.attr_named("http-equiv"),
        ]
        .into_iter()
        .flatten()
        {
            by_name
                .entry(meta_key(key.trim()))
                .or_default()
                .push(content.to_string());
        }
    }
    // A key given by `property` keeps only those values; several values from one source
    // (two `<meta name="author">`) are all kept.
    for (key, values) in by_name {
        by_property.entry(key).or_insert(values);
    }
    by_property
}

/// A meta key in one spelling: lower case, `dc:` and `dcterms:` for Dublin Core.
fn meta_key(key: &str) -> String {
    let k = key.to_ascii_lowercase();
    for (from, to) in [
        ("dcterm:", "dcterms:"),
        ("dcterm.", "dcterms:"),
        ("dcterms.", "dcterms:"),
        ("dc.", "dc:"),
    ] {
        if let Some(rest) = k.strip_prefix(from) {
            return format!("{to}{rest}");
        }
    }
    k
}

/// What JSON-LD says about the article: headline, authors, date, publisher.
#[derive(Default)]
struct LinkedData {
    title: Option<String>,
    name: Option<String>,
    authors: Vec<String>,
    date: Option<String>,
    site: Option<String>,
}

fn linked_data(doc: &Html) -> LinkedData {
    let mut ld = LinkedData::default();
    for script in doc.select(&LD_JSON) {
        let src: String = script.text().collect();
        let src = src
            .trim()
            .trim_start_matches("<![CDATA[")
            .trim_end_matches("]]>");
        let Ok(value) = serde_json::from_str::<Value>(src) else {
            continue;
        };
        let mut items = vec![value];
        while let Some(item) = items.pop() {
            match item {
                Value::Array(list) => items.extend(list),
                Value::Object(map) => {
                    if let Some(graph) = map.get("@graph") {
                        items.push(graph.clone());
                    }
                    let text = |k: &str| map.get(k).and_then(Value::as_str).map(str::to_string);
                    ld.title = ld.title.take().or_else(|| text("headline"));
                    let article_type = map
                        .get("@type")
                        .and_then(Value::as_str)
                        .is_some_and(|t| t.ends_with("Article"));
                    if article_type && ld.name.is_none() {
                        ld.name = text("name");
                    }
                    ld.date = ld.date.take().or_else(|| text("datePublished"));
                    if ld.authors.is_empty() {
                        ld.authors = names(map.get("author").or(map.get("creator")));
                    }
                    if ld.site.is_none() {
                        ld.site = names(map.get("publisher")).into_iter().next();
                    }
                }
                _ => {}
            }
        }
    }
    ld
}

/// Names from a JSON-LD person field: a string, an object with `name`, or a list of either.
fn names(v: Option<&Value>) -> Vec<String> {
    match v {
        Some(Value::String(s)) => vec![s.clone()],
        Some(Value::Object(o)) => o
            .get("name")
            .and_then(Value::as_str)
            .map(|s| vec![s.to_string()])
            .unwrap_or_default(),
        Some(Value::Array(list)) => list.iter().flat_map(|x| names(Some(x))).collect(),
        _ => Vec::new(),
    }
}

fn text_of(el: ElementRef) -> String {
    el.text()
        .collect::<Vec<_>>()
        .join(" ")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// An element's text with its white space collapsed, when it is shorter than `max` bytes;
/// a longer one (a byline class on the whole page's wrapper) is not read to its end.
fn short_text(el: ElementRef, max: usize) -> Option<String> {
    let mut out = String::new();
    for t in el.text() {
        for w in t.split_whitespace() {
            if !out.is_empty() {
                out.push(' ');
            }
            out.push_str(w);
            if out.len() >= max {
                return None;
            }
        }
    }
    Some(out)
}

/// Fills title, authors, date and site from the page.
pub fn read(doc: &Html, meta: &mut Meta) {
    let tags = meta_tags(doc);
    let first = |keys: &[&str]| {
        keys.iter()
            .find_map(|k| tags.get(*k).and_then(|v| v.first().cloned()))
    };
    let ld = linked_data(doc);

    meta.site = first(&["og:site_name", "application-name"]).or(ld.site.clone());
    let h1 = doc
        .select(&H1)
        .next()
        .map(text_of)
        .filter(|t| !t.is_empty());
    let page_title = doc
        .select(&TITLE)
        .next()
        .map(text_of)
        .filter(|t| !t.is_empty());
    // A JSON-LD headline is sometimes a description; its `name` wins when the page title agrees.
    // An article's `name` that is its publisher's is the site, not the title.
    let is_site = |n: &String| {
        [ld.site.as_ref(), meta.site.as_ref()]
            .into_iter()
            .flatten()
            .any(|s| s.trim().eq_ignore_ascii_case(n.trim()))
    };
    let ld_name = ld.name.clone().filter(|n| !is_site(n));
    let ld_title = match (&ld_name, &page_title) {
        (Some(name), Some(t)) if t.contains(name.as_str()) => Some(name.clone()),
        _ => ld.title.clone().or(ld_name),
    };
    // Structured data first, as the page's own statement of what the article is; then the
    // meta tags in the order reader modes trust them.
    meta.title = ld_title
        .or_else(|| {
            first(&[
                "dc:title",
                "dcterms:title",
                "og:title",
                "citation_title",
                "title",
                "twitter:title",
                "parsely-title",
            ])
        })
        .or_else(|| page_title.map(|t| strip_site(&t, meta.site.as_deref(), h1.as_deref())))
        .or(h1);

    let is_name = |s: &&String| !s.starts_with("http") && !s.contains("version");
    meta.authors = ld
        .authors
        .iter()
        .filter(is_name)
        .flat_map(|s| authors_of(s))
        .collect();
    for key in [
        "dc:creator",
        "dcterms:creator",
        "author",
        "article:author",
        "og:article:author",
        "citation_author",
        "parsely-author",
    ] {
        if !meta.authors.is_empty() {
            break;
        }
        if let Some(list) = tags.get(key) {
            meta.authors = list
                .iter()
                .filter(is_name)
                .flat_map(|s| authors_of(s))
                .collect();
        }
    }

    // The same byline often comes twice (`name="author"` and `itemprop="author"`).
    let mut seen = std::collections::HashSet::new();
    meta.authors.retain(|a| seen.insert(a.to_lowercase()));

    let date = ld
        .date
        .clone()
        .or_else(|| {
            first(&[
                "article:published_time",
                "og:published_time",
                "datepublished",
                "parsely-pub-date",
                "dcterms:date",
                "dcterms:issued",
                "dcterms:created",
                "dc:date.issued",
                "dc:date",
                "citation_publication_date",
                "citation_date",
                "date",
                "pubdate",
            ])
        })
        .or_else(|| {
            doc.select(&TIME).find_map(|t| {
                t.value()
                    .attr_named("datetime")
                    .map(str::to_string)
                    .or_else(|| {
                        let s = text_of(t);
                        (4..40).contains(&s.len()).then_some(s)
                    })
            })
        });
    meta.date = date.map(|d| date_info(&d));
    meta.language = doc
        .root_element()
        .value()
        .attr_named("lang")
        .or(doc.root_element().value().attr_named("xml:lang"))
        .map(str::to_string)
        .or_else(|| first(&["content-language", "dc:language", "og:locale"]))
        .map(|l| l.trim().replace('_', "-"))
        .filter(|l| !l.is_empty());
}

/// The address a page's relative links are relative to: its `<base href>` (itself
/// resolved against the page's address), else its canonical address or `og:url`. Only
/// absolute `http`/`https` addresses count: a saved page's own file name says nothing.
pub fn base_url(doc: &Html) -> Option<url::Url> {
    let absolute = |s: &str| {
        url::Url::parse(s.trim())
            .ok()
            .filter(|u| matches!(u.scheme(), "http" | "https"))
    };
    let page = doc
        .select(&CANONICAL)
        .find_map(|l| l.value().attr_named("href").and_then(absolute))
        .or_else(|| {
            doc.select(&META)
                .filter(|m| {
                    let v = m.value();
                    [v.attr_named("property"), v.attr_named("name")]
                        .into_iter()
                        .flatten()
                        .any(|k| {
                            k.split_whitespace()
                                .any(|k| k.eq_ignore_ascii_case("og:url"))
                        })
                })
                .find_map(|m| m.value().attr_named("content").and_then(absolute))
        });
    let base = doc.select(&BASE).find_map(|b| b.value().attr_named("href"));
    match (base, page) {
        (Some(b), page) => absolute(b).or_else(|| page.and_then(|p| p.join(b.trim()).ok())),
        (None, page) => page,
    }
}

/// The byline of a page whose metadata names no author:
/// the first element that reads as a byline, looked for inside the article first, then
/// before it, then anywhere but in comments.
pub fn byline(doc: &Html, roots: &[NodeId]) -> Option<byline::Byline> {
    let first_root = roots.iter().min().copied();
    let found: Vec<(ElementRef, byline::Byline)> = doc
        .select(&BYLINE)
        .filter_map(|e| {
            let text = short_text(e, 200)?;
            if text.len() < 2 {
                return None;
            }
            Some((e, byline::read(&text, false)?))
        })
        .filter(|(e, _)| !in_comments(*e))
        .collect();
    // Of a byline box and the name inside it, the name ("Tech Insider Alex Perry").
    let innermost = |e: &ElementRef| {
        !found
            .iter()
            .any(|(other, _)| other.id() != e.id() && other.ancestors().any(|a| a.id() == e.id()))
    };
    let rank = |e: &ElementRef| {
        let inside = e.ancestors().any(|a| roots.contains(&a.id()));
        let before = first_root.is_some_and(|r| e.id() < r);
        (
            if inside {
                0
            } else if before {
                1
            } else {
                2
            },
            e.id(),
        )
    };
    found
        .iter()
        .filter(|(e, _)| innermost(e))
        .min_by_key(|(e, _)| rank(e))
        .map(|(_, b)| b.clone())
}

/// Whether an element sits in a comments section, whose bylines are the commenters'.
fn in_comments(el: ElementRef) -> bool {
    el.ancestors().filter_map(ElementRef::wrap).any(|a| {
        let v = a.value();
        v.classes().chain(v.id()).any(|c| {
            let c = c.to_ascii_lowercase();
            c.contains("comment") || c.contains("disqus") || c.contains("replies")
        })
    })
}

/// The authors a metadata value names: a byline's names without the dates and titles
/// glued to them, or the value split at its commas and "and"s.
fn authors_of(value: &str) -> Vec<String> {
    byline::read(value, false)
        .map(|b| b.names)
        .unwrap_or_else(|| split_authors(value))
        .into_iter()
        .filter(|a| !a.trim().is_empty())
        .collect()
}

/// A `<title>` without its site part: the part naming the site, or the parts around the
/// page's `<h1>` when the title contains it.
fn strip_site(title: &str, site: Option<&str>, h1: Option<&str>) -> String {
    if let Some(h1) = h1
        && title != h1
        && title.contains(h1)
        && h1.split_whitespace().count() >= 1
        && title.split(h1).all(|rest| {
            rest.trim().is_empty()
                || rest.trim_start().starts_with(SEPARATORS)
                || rest.trim_end().ends_with(SEPARATORS)
        })
    {
        return h1.to_string();
    }
    if let Some(site) = site {
        for sep in [" | ", " - ", " – ", " — ", " · ", " :: ", " » "] {
            if let Some((head, tail)) = title.rsplit_once(sep)
                && tail.trim().eq_ignore_ascii_case(site.trim())
            {
                return head.trim().to_string();
            }
            // "Site | Post": the site may come first.
            if let Some((head, tail)) = title.split_once(sep)
                && head.trim().eq_ignore_ascii_case(site.trim())
            {
                return tail.trim().to_string();
            }
        }
    }
    split_title(title)
}

/// A title in parts, "Post | Section | Site" or "Site – Post": the part before the last
/// separator, unless that is too short to be the post's, then the part after the first.
fn split_title(title: &str) -> String {
    const SPLITS: [&str; 8] = [" | ", " - ", " – ", " — ", " » ", " / ", " \\ ", " > "];
    let words = |s: &str| s.split_whitespace().count();
    let last = SPLITS.iter().filter_map(|sep| title.rfind(sep)).max();
    let first = SPLITS
        .iter()
        .filter_map(|sep| title.find(sep).map(|i| (i, sep.len())))
        .min();
    let (Some(last), Some((first, len))) = (last, first) else {
        return title.to_string();
    };
    let head = title[..last].trim();
    let part = if words(head) >= 3 {
        head
    } else {
        title[first + len..].trim()
    };
    // A part of a few words is as likely a section name as the post's title.
    if words(part) < 3 || part.is_empty() {
        title.to_string()
    } else {
        part.to_string()
    }
}

const SEPARATORS: [char; 7] = ['|', '-', '–', '—', '·', ':', '»'];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_split_title_keeps_the_posts_part() {
        assert_eq!(
            split_title("Get your Frontend Code Covered | Code | Nicolas Perriault"),
            "Get your Frontend Code Covered | Code"
        );
        assert_eq!(
            split_title("Lorem ipsum dolor sit amet – My website"),
            "Lorem ipsum dolor sit amet"
        );
        assert_eq!(
            split_title("Tide Ledger | Harbour ice breaks up early in the north"),
            "Harbour ice breaks up early in the north"
        );
        assert_eq!(split_title("Ice - News"), "Ice - News");
        assert_eq!(split_title("A plain title"), "A plain title");
    }

    #[test]
    fn an_author_named_twice_in_the_metadata_is_one_author() {
        let page = r#"<html><head><title>Ice</title>
            <meta name="author" content="Analysis by Mara Lindqvist, Tide Ledger Editor-at-large">
            <meta itemprop="author" content="Analysis by Mara Lindqvist, Tide Ledger Editor-at-large">
            </head><body><article><h1>Ice</h1><p>The harbour ice broke up early this year, and the
            ferries ran a week before the timetable said they would, to everyone's surprise.</p>
            </article></body></html>"#;
        let a = crate::parse::parse_str(page, crate::article::Format::Html);
        assert_eq!(a.meta.authors, ["Mara Lindqvist"]);
    }

    #[test]
    fn meta_keys_in_one_spelling() {
        assert_eq!(meta_key("DC.title"), "dc:title");
        assert_eq!(meta_key("dcterm:created"), "dcterms:created");
        assert_eq!(meta_key("DCTERMS.issued"), "dcterms:issued");
        assert_eq!(meta_key("og:title"), "og:title");
    }
}
