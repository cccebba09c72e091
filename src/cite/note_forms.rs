//! The forms a citation in a note takes: a book, an article or a newspaper story, an
//! archive's holding, a serial's volume, a short note, each read from one sentence of a
//! note (see `notes`).

use super::entry::{is_author_list, quoted, title_quote};
use super::names::is_source_name;
use super::notes::{NAME_LINKS, name_run};
use super::paren::matching_paren;
use super::when::{is_locator, is_tail_date, year_len};
use super::{Cite, Form};
use crate::article::CitationKind;
use std::ops::Range;

/// `…, p. 3` or `…, pp. 2–3` at the end of `s`: the rest and the page.
pub(super) fn split_page(s: &str) -> (&str, Option<&str>) {
    match s.rsplit_once(", ") {
        Some((rest, page))
            if page.starts_with(['p', 'c', 's', 'A', 'B'])
                && page.contains(char::is_numeric)
                && page.chars().next().is_some_and(|c| !c.is_ascii_digit())
                && is_locator(page) =>
        {
            (rest, Some(page))
        }
        // A bare page after a date with its year: `The Scotsman, June 3, 1875, 6`.
        Some((rest, page))
            if (1..=4).contains(&page.len())
                && page.bytes().all(|b| b.is_ascii_digit())
                && rest.len() >= 4
                && rest.is_char_boundary(rest.len() - 4)
                && year_len(&rest[rest.len() - 4..]) == Some(4) =>
        {
            (rest, Some(page))
        }
        _ => (s, None),
    }
}

/// Words that name a place that keeps papers.
const REPOSITORIES: &[&str] = &[
    "Archive",
    "Archives",
    "Record Office",
    "Records",
    "Records Office",
    "Library",
    "Museum",
    "Archivio",
    "Archiv",
    "Archief",
    "Archivo",
];

/// `Shropshire Archives, Hazledine and Sons letter books, 1810–1841, 6001/3/1–12`: an
/// archive's holding, known by the archive.
pub(super) fn archive(body: &str) -> Option<Cite> {
    papers(body).or_else(|| held(body))
}

/// Honorifics before a name, which are not part of it.
const HONORIFICS: &[&str] = &[
    "Captain ", "Capt. ", "Sir ", "Lord ", "Lady ", "Dr ", "Dr. ", "Rev. ", "Revd ", "Colonel ",
    "Admiral ", "General ",
];

/// `Captain J. Keay, log of the Ariel, 1866, National Maritime Museum, LOG/M/14`: a
/// person's papers, known by the person, the repository named after them.
fn papers(body: &str) -> Option<Cite> {
    let (who, rest) = body.split_once(", ")?;
    let name = HONORIFICS
        .iter()
        .find_map(|h| who.strip_prefix(h))
        .unwrap_or(who);
    // The repository must be a piece of its own after what the papers are.
    let kept = rest.split(", ").skip(1).any(repository);
    if !is_author_list(name) || !kept || rest.starts_with(char::is_uppercase) {
        return None;
    }
    Some(holding(body, name, rest))
}

/// A holding of papers known by `name`, `rest` saying what they are and when.
fn holding(body: &str, name: &str, rest: &str) -> Cite {
    let mut c = Cite::new(
        CitationKind::Reference,
        0..body.len(),
        body,
        name,
        super::entry::last_year(rest),
        None,
    );
    c.title = Some(rest.split(", ").next().unwrap_or(rest).to_string());
    c
}

/// Whether `name` is a repository's: capitalised words ending or starting with a word for
/// a place that keeps papers.
pub(super) fn repository(name: &str) -> bool {
    let words: Vec<&str> = name.split_whitespace().collect();
    // `Stadsarchief Gent`, `Oslo byarkiv`, `Riksarkivet`: Dutch, German and the Nordic
    // languages join the archive's word to its owner's, in lower case after a place.
    let joined = |w: &&str| {
        ["archief", "archiv", "arkiv", "arkivet", "arkisto"]
            .iter()
            .any(|a| w.len() > a.len() + 1 && w.ends_with(a))
    };
    let compound = words.iter().any(joined);
    !words.is_empty()
        && words.len() <= 8
        && words.iter().all(|w| {
            w.starts_with(char::is_uppercase) || NAME_LINKS.contains(w) || *w == "the" || joined(w)
        })
        && (REPOSITORIES
            .iter()
            .any(|r| name.ends_with(r) || name.starts_with(r) || name.contains(&format!("{r} ")))
            || compound)
}

/// `National Records of Scotland, NLC 2/1/12`: only where a record named before it is
/// kept, a repository and its mark, which adds nothing to that citation.
pub(super) fn location_only(body: &str) -> bool {
    body.split_once(", ").is_some_and(|(place, mark)| {
        repository(place)
            && mark.split_whitespace().count() <= 3
            && mark.contains(|c: char| c.is_ascii_digit())
            && mark.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit())
    })
}

/// `Shropshire Archives, Hazledine letter books, 1810–1841`: a holding, known by the
/// archive.
fn held(body: &str) -> Option<Cite> {
    let (place, rest) = body.split_once(", ")?;
    let name = place.split(" (").next().unwrap_or(place);
    if !repository(name) || rest.is_empty() {
        return None;
    }
    Some(holding(body, name, rest))
}

/// Labels of a locator that counts an archive's leaves.
const LEAVES: &[&str] = &["fol. ", "fols. ", "folio ", "folios ", "f. ", "ff. "];

/// `London, Stationers' Hall, Court Book C, fol. 190v`: a holding cited by its leaves,
/// known by the repository named before it (after the city it is in, if given). The
/// holding and its leaves alone (`Court Book C, fols. 201–15`) are its short form.
pub(super) fn foliated(body: &str) -> Option<(Cite, Form)> {
    let (head, leaf) = body.rsplit_once(", ")?;
    if !LEAVES.iter().any(|l| leaf.starts_with(l)) || !is_locator(leaf) {
        return None;
    }
    let pieces: Vec<&str> = head.split(", ").collect();
    let names_only = pieces.iter().all(|p| {
        let words: Vec<&str> = p.split_whitespace().collect();
        (1..=8).contains(&words.len())
            && words[0].starts_with(char::is_uppercase)
            && words.iter().all(|w| {
                w.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit())
                    || NAME_LINKS.contains(w)
                    || *w == "the"
            })
    });
    // A city is a word or two: `London`, `San Sebastián`.
    let city_ok = pieces.len() < 3 || pieces[0].split_whitespace().count() <= 2;
    if !names_only || !city_ok || pieces.len() > 3 {
        return None;
    }
    let holding = *pieces.last()?;
    let (source, form) = match pieces.len() {
        1 => (holding, Form::ShortHolding),
        n => (pieces[n - 2], Form::Full),
    };
    let mut c = Cite::new(
        CitationKind::Reference,
        0..body.len(),
        body,
        source,
        None,
        Some(leaf),
    );
    c.title = Some(holding.to_string());
    Some((c, form))
}

/// `Journals of the House of Commons, 82 (1827), p. 211`: a serial with its volume and
/// year, known by its name.
pub(super) fn serial(body: &str) -> Option<Cite> {
    let (name, rest) = body.split_once(", ")?;
    let volume = rest.split(' ').next()?;
    if !volume.bytes().all(|b| b.is_ascii_digit()) || !is_author_list(name) && !is_source_name(name)
    {
        return None;
    }
    let paren = rest[volume.len()..].strip_prefix(" (")?;
    let close = paren.find(')')?;
    let year = &paren[..close];
    if year_len(year) != Some(year.len()) {
        return None;
    }
    let after = &paren[close + 1..];
    let locator = match after.strip_prefix([',', ':']).map(str::trim) {
        Some(l) if is_locator(l) => Some(l),
        None if after.trim().is_empty() => None,
        _ => return None,
    };
    Some(Cite::new(
        CitationKind::Reference,
        0..body.len(),
        body,
        name,
        Some(year),
        locator,
    ))
}

/// Where the authors end in `Author, Author, and Author, ed., Title` (from the run of
/// names ending the first piece): the authors' start and end and the title's start.
fn authors_then_title(s: &str, italics: &[Range<usize>]) -> Option<(usize, usize, usize)> {
    let first = s.find(", ")?;
    let start = if is_author_list(&s[..first]) {
        0
    } else {
        name_run(&s[..first]).filter(|&a| is_author_list(&s[a..first]))?
    };
    let mut end = first;
    // More authors, each a full name: `, Jonathan Stern, and Katja Yafimava`.
    loop {
        let rest = &s[end + 2..];
        if italics.iter().any(|r| r.start == end + 2) {
            break;
        }
        let piece = rest.split(", ").next().unwrap_or(rest);
        let name = piece.strip_prefix("and ").unwrap_or(piece);
        let words = name.split_whitespace().count();
        if piece.len() == rest.len() || !(2..=4).contains(&words) || !is_author_list(name) {
            break;
        }
        end += 2 + piece.len();
    }
    let mut title = end + 2;
    for marker in ["ed., ", "eds., ", "comp., ", "trans., "] {
        if s[title..].starts_with(marker) {
            title += marker.len();
        }
    }
    let t = &s[title..];
    let titled = t.starts_with(|c: char| c.is_uppercase() || "“\"*_".contains(c))
        || italics.iter().any(|r| r.start == title);
    titled.then_some((start, end, title))
}

/// The locator at the start of `s` (`, 150–76, and in …` gives `150–76`), and its length.
fn locator_prefix(s: &str) -> Option<(&str, usize)> {
    let rest = s.strip_prefix([',', ':'])?;
    let l = rest.trim_start();
    let lead = s.len() - l.len();
    let end = l
        .match_indices(", ")
        .map(|(i, _)| i)
        .find(|&i| !l[i + 2..].starts_with(|c: char| c.is_ascii_digit()))
        .unwrap_or(l.len());
    let loc = l[..end].trim_end_matches('.');
    is_locator(loc).then_some((loc, lead + loc.len()))
}

/// `Author, Title (Place: Publisher, Year), pages`, the author optional when the title is
/// in italics (the publisher is then the source). Several authors, an editor's `ed.` and a
/// lead-in phrase before the author (`collected in Ivan Petrić, ed., Voices…`) are read.
pub(super) fn book(body: &str, italics: &[Range<usize>]) -> Option<Cite> {
    let open = depth_zero(body, '(')?;
    let close = matching_paren(body.as_bytes(), open)?;
    let facts = &body[open + 1..close];
    let year = facts
        .trim_end()
        .rsplit([' ', ','])
        .next()
        .filter(|y| year_len(y).is_some_and(|n| n == y.len()))?;
    if !facts.contains([':', ',']) {
        return None;
    }
    let before = body[..open].trim_end();
    let (start, author, title) = match authors_then_title(before, italics) {
        Some((a, e, t)) => (a, Some(&before[a..e]), &before[t..]),
        None => (0, None, before),
    };
    // Editors and translators after the title are not part of it; a chapter's title is
    // the quoted one.
    let title = [
        ", ed. ",
        ", eds. ",
        ", trans. ",
        ", edited by ",
        ", translated by ",
    ]
    .iter()
    .filter_map(|w| title.find(w))
    .min()
    .map_or(title, |i| &title[..i]);
    let title = quoted(title).map_or(title, |(t, _)| t);
    let title = title.trim().trim_matches(['*', '_']).trim();
    if title.is_empty() || !title.starts_with(|c: char| c.is_uppercase() || c == '“' || c == '"')
    {
        return None;
    }
    let marked = body[..open].contains(['*', '_']) || !italics.is_empty();
    let source = match author {
        Some(a) => a.trim_end_matches([',', '.']).to_string(),
        None if marked => facts
            .split_once(':')
            .map(|(_, p)| p.rsplit_once(',').map_or(p, |(p, _)| p).trim().to_string())
            .filter(|p| p.starts_with(char::is_uppercase))?,
        None => return None,
    };
    let after = &body[close + 1..];
    let (locator, end) = match locator_prefix(after) {
        Some((l, n)) => (Some(l), close + 1 + n),
        None => (None, close + 1),
    };
    let mut c = Cite::new(
        CitationKind::Reference,
        start..end,
        body,
        &source,
        Some(year),
        locator,
    );
    c.title = Some(title.to_string());
    Some(c)
}

/// `[Author, ]“Title,” Container …year…`: an article, a newspaper story, a web page. The
/// author, else the container, is the source.
pub(super) fn article(body: &str) -> Option<Cite> {
    let quote = title_quote(body)?;
    let before = body[..quote].trim_end();
    let (start, author) = match before.strip_suffix(',') {
        Some(a) if is_author_list(a.trim()) => (0, Some(a.trim())),
        Some(a) => {
            let s = name_run(a).filter(|&s| is_author_list(&a[s..]))?;
            (s, Some(&a[s..]))
        }
        None if before.is_empty() => (0, None),
        None => return None,
    };
    let (title, rest) = quoted(&body[quote..])?;
    let rest = rest.trim_start_matches([',', '.', ' ']);
    let rest = rest
        .strip_prefix("in ")
        .or_else(|| rest.strip_prefix("In "))
        .unwrap_or(rest);
    // A report dated straight after its title has no container.
    let first = rest.split(", ").next().unwrap_or(rest);
    let (container, details) = if is_tail_date(first) {
        ("", rest)
    } else {
        let end = rest
            .find([',', '(', '.'])
            .into_iter()
            .chain(rest.find(|c: char| c.is_ascii_digit()))
            .min()
            .unwrap_or(rest.len());
        (
            rest[..end].trim().trim_matches(['*', '_']).trim(),
            &rest[end..],
        )
    };
    // What follows the title is where it appeared (`Journal`, `in Book`) or its date; words
    // after a quotation that carry on a sentence (`born 1462`) are not.
    let dated = container.is_empty();
    if !dated && !is_container(container) {
        return None;
    }
    // Its date: right after the container (`, March 14, 1911`), else the year given.
    let date = details
        .trim_start_matches([',', ' '])
        .split(", ")
        .take(2)
        .collect::<Vec<_>>()
        .join(", ");
    let date = [date.as_str(), date.split(", ").next().unwrap_or("")]
        .into_iter()
        .map(|d| d.strip_prefix("accessed ").unwrap_or(d).trim())
        .find(|d| is_tail_date(d))
        .map(str::to_string)
        .or_else(|| super::entry::last_year(details).map(str::to_string))?;
    let locator = details
        .rsplit_once([':', ','])
        .map(|(_, l)| l.trim())
        .filter(|l| is_locator(l));
    let source = author.unwrap_or(container);
    let mut c = Cite::new(
        CitationKind::Reference,
        start..body.len(),
        body,
        source,
        Some(&date),
        locator,
    );
    c.title = Some(title.to_string());
    Some(c)
}

/// Whether words name where a work appeared (`Slovene Economic History Review`, `La
/// Bilancia`): title case, no quotation, not a sentence (`The words "ad votum" are
/// omitted in the Testina addition`).
fn is_container(s: &str) -> bool {
    let words: Vec<&str> = s.split_whitespace().collect();
    let capitals = words
        .iter()
        .filter(|w| w.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit()))
        .count();
    s.starts_with(char::is_uppercase)
        && words.len() <= 14
        && 3 * capitals >= 2 * words.len()
        && !s.contains(['“', '”', '"', '‘'])
}

/// `Ellison, *Salt Roads*, 52`, `Pirani, Stern, and Yafimava, Russo-Ukrainian Gas Dispute,
/// 12` or `Kralj, “Merchant Accounts,” 215`: a short note, joined later to the full one, its
/// authors surnames only. `Ellison, 52` is one only if that join succeeds.
pub(super) fn short(body: &str, italics: &[Range<usize>]) -> Option<(Cite, Form)> {
    // `Whitcombe, op. cit., p. 112`: the work cited before by that author.
    // A note ending on the abbreviation has lost its stop with the note's (`MacGregor,
    // loc. cit`).
    for cited in [", op. cit", ", loc. cit"] {
        if let Some((authors, rest)) = body.split_once(cited) {
            let locator = rest.trim_start_matches(['.', ',', ' ']);
            let ok = is_author_list(authors)
                && (rest.is_empty() || rest.starts_with(['.', ',']))
                && (locator.is_empty() || is_locator(locator));
            let locator = (!locator.is_empty()).then_some(locator);
            let c = Cite::new(
                CitationKind::Reference,
                0..body.len(),
                body,
                authors,
                None,
                locator,
            );
            return ok.then_some((c, Form::ShortAlone));
        }
    }
    let (authors, title, locator) = match marked_title(body, italics) {
        Some((open, close, after)) => {
            let head = body[..open].trim_end().strip_suffix(',')?;
            let tail = body[after..].trim_start_matches([',', ' ']);
            let title =
                body[open..close].trim_matches(['*', '_', '“', '”', '"', '‘', '’', '\'', ',', '.']);
            (head, title, tail)
        }
        None => {
            let (head, loc) = body.rsplit_once(", ")?;
            match head.rfind(", ") {
                Some(i) if head[i + 2..].starts_with(char::is_uppercase) => {
                    (&head[..i], &head[i + 2..], loc)
                }
                // `Keay, log, entry for 2 August 1866`: a record named by its kind alone.
                Some(i) if dated_entry(loc) && record_kind(&head[i + 2..]) => {
                    (&head[..i], &head[i + 2..], loc)
                }
                _ => (head, "", loc),
            }
        }
    };
    let start = if is_author_list(authors) {
        0
    } else {
        name_run(authors).filter(|&s| is_author_list(&authors[s..]))?
    };
    let names = &authors[start..];
    let surnames_only = names
        .split(", and ")
        .flat_map(|p| p.split(" and "))
        .flat_map(|p| p.split(", "))
        .all(|p| (1..=3).contains(&p.split_whitespace().count()));
    // A body's name is longer than an author's surnames (`Fishery Board for Scotland,
    // *Annual Report*`): its short note stands only if it joins the body's full note.
    let body_named = !surnames_only && !title.is_empty() && super::names::is_source_name(names);
    if !(surnames_only || body_named) || title.split_whitespace().count() > 8 {
        return None;
    }
    // A yearly report's short note gives the year it covers before the page: `1907, p. 58`.
    let locator = locator
        .split_once(", ")
        .filter(|(y, l)| y.len() == 4 && y.bytes().all(|b| b.is_ascii_digit()) && is_locator(l))
        .map_or(locator, |(_, l)| l);
    if !locator.is_empty() && !is_locator(locator) && !dated_entry(locator) {
        return None;
    }
    let locator = (!locator.is_empty()).then_some(locator);
    let mut c = Cite::new(
        CitationKind::Reference,
        start..body.len(),
        body,
        names,
        None,
        locator,
    );
    if title.is_empty() {
        // An author and a page alone: a short note only with the page.
        return locator.map(|_| (c, Form::ShortAlone));
    }
    if record_kind(title) || body_named {
        // A record named by its kind is one only if its author's full note is found.
        c.title = Some(title.to_string());
        return Some((c, Form::ShortAlone));
    }
    c.title = Some(title.trim().to_string());
    Some((c, Form::Short))
}

/// `entry for 2 August 1866`: a place in a log or a diary, by its day.
fn dated_entry(s: &str) -> bool {
    ["entry for ", "entry of ", "entries for "]
        .iter()
        .find_map(|w| s.strip_prefix(w))
        .is_some_and(is_tail_date)
}

/// A record named by its kind in a word or two of lower case: `log`, `diary`, `letter book`.
fn record_kind(s: &str) -> bool {
    (1..=2).contains(&s.split_whitespace().count())
        && s.chars().all(|c| c.is_lowercase() || c == ' ' || c == '-')
}

/// Where a short note's title is marked: quoted, in italics or between asterisks; its
/// start, end and what follows it.
fn marked_title(body: &str, italics: &[Range<usize>]) -> Option<(usize, usize, usize)> {
    if let Some(r) = italics.iter().find(|r| r.start > 0) {
        return Some((r.start, r.end, r.end));
    }
    if let Some(q) = title_quote(body) {
        let (_, rest) = quoted(&body[q..])?;
        let after = body.len() - rest.len();
        return Some((q, after, after));
    }
    let star = body.find(", *").or_else(|| body.find(", _"))? + 2;
    let close = star + 1 + body[star + 1..].find(['*', '_'])?;
    Some((star, close + 1, close + 1))
}

/// The first `c` outside quotation marks.
fn depth_zero(s: &str, c: char) -> Option<usize> {
    let mut quoted = false;
    s.char_indices().find_map(|(i, x)| {
        match x {
            '“' => quoted = true,
            '”' => quoted = false,
            _ if x == c && !quoted => return Some(i),
            _ => {}
        }
        None
    })
}
