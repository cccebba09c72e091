//! Page metadata: `<meta>` tags (Open Graph, Dublin Core, citation_*), JSON-LD, `<title>`,
//! byline elements and `<time datetime>`.

use crate::article::Meta;
use crate::parse::byline;
use crate::parse::frontmatter::{date_info, split_authors};
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
static H1: LazyLock<Selector> = LazyLock::new(|| sel("h1"));
static BYLINE: LazyLock<Selector> = LazyLock::new(|| {
    sel(
        r#"[rel="author"], [itemprop="author"], .byline, .author, .p-author, address.author, [class*="byline"]"#,
    )
});
static TIME: LazyLock<Selector> = LazyLock::new(|| {
    sel(
        "article time[datetime], header time[datetime], time[pubdate], time[itemprop=datePublished], header .date, p.date",
    )
});

/// `<meta>` values by lower-cased `property`/`name`/`itemprop`, every value kept.
fn meta_tags(doc: &Html) -> HashMap<String, Vec<String>> {
    let mut out: HashMap<String, Vec<String>> = HashMap::new();
    for m in doc.select(&META) {
        let v = m.value();
        let Some(key) = v.attr("property").or(v.attr("name")).or(v.attr("itemprop")) else {
            continue;
        };
        let content = v.attr("content").unwrap_or("").trim();
        if !content.is_empty() {
            out.entry(key.to_ascii_lowercase())
                .or_default()
                .push(content.to_string());
        }
    }
    out
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

/// Fills title, authors, date and site from the page.
pub fn read(doc: &Html, meta: &mut Meta) {
    let tags = meta_tags(doc);
    let first = |keys: &[&str]| {
        keys.iter()
            .find_map(|k| tags.get(*k).and_then(|v| v.first().cloned()))
    };
    let ld = linked_data(doc);

    meta.site = first(&["og:site_name", "application-name"]).or(ld.site);
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
    let ld_title = match (&ld.name, &page_title) {
        (Some(name), Some(t)) if t.contains(name.as_str()) => Some(name.clone()),
        _ => ld.title.or(ld.name),
    };
    meta.title = first(&["og:title", "twitter:title", "dc.title", "citation_title"])
        .or(ld_title)
        .or_else(|| page_title.map(|t| strip_site(&t, meta.site.as_deref(), h1.as_deref())))
        .or(h1);

    let is_name = |s: &&String| !s.starts_with("http") && !s.contains("version");
    for key in [
        "author",
        "article:author",
        "citation_author",
        "dc.creator",
        "dcterms.creator",
        "parsely-author",
    ] {
        if let Some(list) = tags.get(key) {
            meta.authors = list
                .iter()
                .filter(is_name)
                .flat_map(|s| authors_of(s))
                .collect();
            if !meta.authors.is_empty() {
                break;
            }
        }
    }
    if meta.authors.is_empty() {
        meta.authors = ld.authors;
    }
    if meta.authors.is_empty()
        && let Some(names) = doc
            .select(&BYLINE)
            .filter(|e| (2..200).contains(&text_of(*e).len()))
            .find_map(|e| byline::read(&text_of(e), false))
    {
        meta.authors = names.names;
    }

    let date = first(&[
        "article:published_time",
        "og:published_time",
        "datepublished",
        "dcterms.date",
        "dc.date.issued",
        "dc.date",
        "citation_publication_date",
        "citation_date",
        "date",
        "pubdate",
    ])
    .or(ld.date)
    .or_else(|| {
        doc.select(&TIME).find_map(|t| {
            t.value().attr("datetime").map(str::to_string).or_else(|| {
                let s = text_of(t);
                (4..40).contains(&s.len()).then_some(s)
            })
        })
    });
    meta.date = date.map(|d| date_info(&d));
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
        }
    }
    title.to_string()
}

const SEPARATORS: [char; 7] = ['|', '-', '–', '—', '·', ':', '»'];
