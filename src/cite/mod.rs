//! The format-independent citation finder: news attributions (`(Xinhua, May 4)`,
//! `(The Guardian, May 3)`), author–year citations in parentheses (`(Ostrom, 1990)`) and in
//! the sentence (`Nakamura (2018) argues`), notes in the notes–bibliography style (full,
//! short and `Ibid.`), reference lists and bibliographies, and the references a page marks
//! up (`<cite class="citation">`). Each citation is then joined to its full reference and
//! grouped with the others of its source.
//!
//! Everything is read in code, with no pattern compiled but the one for references in
//! notes: nearly every article has a parenthetical, and compiling patterns took longer than
//! parsing an article's first screen.

mod biblio;
mod entry;
pub mod groups;
mod join;
mod listed;
mod names;
mod narrative;
mod narrative_names;
mod note_forms;
mod note_records;
mod notes;
mod paren;
mod paren_forms;
mod prose;
mod reference;
mod reported;
mod surnames;
#[cfg(test)]
mod tests;
#[cfg(test)]
mod tests_attributions;
#[cfg(test)]
mod tests_notes;
mod when;
mod words;

pub use biblio::is_list_heading;
pub use paren::parenthetical;
pub use reference::references;
pub use surnames::surnames_key;

use crate::article::{Article, Block, BlockKind, Citation, CitationKind, MarkKind, Place};
use std::collections::BTreeMap;
use std::ops::Range;

/// Whether a piece of text cites a source in parentheses or in the sentence: a paragraph
/// that does is body text, never a standfirst.
pub fn cites(text: &str) -> bool {
    let place = Place::Body { block: 0 };
    !parenthetical(text, place).is_empty()
        || !narrative::narrative(text, place, &[], false).is_empty()
}

/// Whether `text` starts with a surname's lower-case particles (`de Souza`, `van Dijk`,
/// `van der Linden`, `de la Court`).
pub fn starts_with_particle(text: &str) -> bool {
    let mut rest = text;
    let mut particles = 0;
    while let Some((w, after)) = rest.split_once(' ')
        && words::PARTICLES.contains(&w)
    {
        rest = after;
        particles += 1;
    }
    particles > 0 && rest.starts_with(char::is_uppercase)
}

/// What part a citation plays in joining.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Form {
    /// A citation in the text: an attribution, an author–year citation.
    Cited,
    /// A full reference: a note, a reference-list entry, a page's `<cite>`.
    Full,
    /// A short note (`Ellison, *Salt Roads*, 52`), joined to its full note.
    Short,
    /// An author and a page alone (`Ellison, 52`): a short note only if it joins.
    ShortAlone,
    /// `Ibid.`, the work cited just before.
    Ibid,
    /// An archive's holding and leaf alone (`Court Book C, fols. 201–15`): a short note
    /// only if it joins the full note of that holding, whose repository it then names.
    ShortHolding,
}

/// A citation as found, before joining.
#[derive(Debug)]
struct Found {
    cit: Citation,
    form: Form,
    /// Whether the source names authors, not a work or its publisher.
    authored: bool,
    /// An entry of a reference list: a work cited, not a citation.
    listed: bool,
    /// What makes a narrative citation one, when this is one.
    support: Option<listed::Support>,
}

/// A citation read from a piece of text, where it sits in that text.
#[derive(Debug, Clone, PartialEq)]
struct Cite {
    kind: CitationKind,
    at: Range<usize>,
    text: String,
    source: String,
    date: Option<String>,
    locator: Option<String>,
    title: Option<String>,
}

impl Cite {
    fn new(
        kind: CitationKind,
        at: Range<usize>,
        text: &str,
        source: &str,
        date: Option<&str>,
        locator: Option<&str>,
    ) -> Self {
        Cite {
            kind,
            text: text[at.clone()].to_string(),
            at,
            source: source.to_string(),
            date: date.map(str::to_string),
            locator: locator.map(|l| l.trim().to_string()),
            title: None,
        }
    }
}

/// A citation of `kind` with only its text, source and place known.
fn new_citation(
    kind: CitationKind,
    text: &str,
    source: &str,
    place: Place,
    range: Range<usize>,
) -> Citation {
    Citation {
        kind,
        text: text.to_string(),
        source: source.to_string(),
        date: None,
        locator: None,
        title: None,
        place,
        range,
        full: None,
        entry: None,
        group: None,
    }
}

/// The citation `c` read at `range` of the block at `place`.
fn cite(c: Cite, place: Place, range: Range<usize>) -> Citation {
    Citation {
        kind: c.kind,
        text: c.text,
        source: c.source,
        date: c.date,
        locator: c.locator,
        title: c.title,
        place,
        range,
        full: None,
        entry: None,
        group: None,
    }
}

/// Finds every citation in the article's body and notes and every entry of its reference
/// lists, joins each citation to its reference, records them in `article.citations` and
/// `article.references` and marks the citations' ranges in the blocks.
pub fn find_citations(article: &mut Article) {
    let lists = biblio::in_lists(article);
    // A list of references that a page laid out as notes (`<ul class="references">`) is
    // never referred to from the text: its entries are works cited, not citations.
    let mut referenced = vec![false; article.footnotes.len()];
    for place in article.places() {
        for m in article.block(place).map_or(&[][..], |b| &b.marks) {
            if let MarkKind::FootnoteRef { note } = m.kind
                && let Some(r) = referenced.get_mut(note)
            {
                *r = true;
            }
        }
    }
    // An article whose text refers to its notes cites by them.
    let by_notes = referenced.iter().any(|r| *r);
    let mut found: Vec<Found> = Vec::new();
    for place in article.places() {
        let Some(block) = article.block(place) else {
            continue;
        };
        if matches!(block.kind, BlockKind::Code) {
            continue;
        }
        let listed = match place {
            Place::Body { block } => lists[block],
            Place::Note { note, .. } => !referenced[note],
        };
        found.extend(in_block(block, place, listed, by_notes));
    }
    listed::drop_unlisted_names(&mut found);
    let (citations, references) = join::join(found);
    for (index, cit) in citations.into_iter().enumerate() {
        if let Some(block) = article.block_mut(cit.place) {
            block.add_mark(cit.range.clone(), MarkKind::Citation { index });
        }
        article.citations.push(cit);
    }
    article.references = references;
}

/// Every citation in one block, in reading order. Where two readings overlap the first
/// taken wins, in this order: a reference the page marks up, a reference-list entry,
/// citations in parentheses, references in a note, a note's own shapes (which may take in
/// a parenthesis, as a book's place and year), a note read whole, narrative citations.
fn in_block(block: &Block, place: Place, listed: bool, by_notes: bool) -> Vec<Found> {
    let text = &block.text;
    let italics: Vec<Range<usize>> = block
        .marks
        .iter()
        .filter(|m| m.kind == MarkKind::Emphasis)
        .map(|m| m.range.clone())
        .collect();
    let mut taken = Taken::new(block);
    for m in block.marks.iter().filter(|m| m.kind == MarkKind::Work) {
        let piece = &text[m.range.clone()];
        let inside = shifted(&italics, &m.range);
        if let Some(mut e) = entry::read(piece, &inside, false) {
            // A reference that names neither author nor work is known by its site.
            if !e.authored
                && e.title.as_deref() == Some(e.source.as_str())
                && let Some(host) = link_host(block, &m.range)
            {
                e.source = host;
            }
            let span = entry::span(piece);
            let range = m.range.start + span.start..m.range.start + span.end;
            // A work marked up in a bibliography is one of its entries, not a citation.
            let mut f = whole_entry(text, e, place, range);
            f.listed = listed;
            taken.take(f, false);
        }
    }
    if listed
        && taken.is_empty()
        && let Some(e) = entry::read(text, &italics, true)
    {
        let range = entry::span(text);
        let mut f = whole_entry(text, e, place, range);
        f.listed = true;
        taken.take(f, false);
    }
    for c in parenthetical(text, place) {
        let form = if c.source == "Ibid." && c.kind == CitationKind::Reference {
            Form::Ibid
        } else {
            Form::Cited
        };
        taken.take(found(c, form), false);
    }
    if let Place::Body { .. } = place
        && !listed
    {
        for c in prose::in_prose(text) {
            let range = c.at.clone();
            taken.take(found(cite(c, place, range), Form::Cited), false);
        }
    }
    if let Place::Note { block: n, .. } = place {
        for c in references(text, place) {
            taken.take(found(c, Form::Full), false);
        }
        for (c, form) in notes::in_note(text, &italics) {
            let authored = c.kind != CitationKind::Reference || !container_source(&c);
            let range = c.at.clone();
            let mut f = found(cite(c, place, range), form);
            f.authored = authored;
            taken.take(f, true);
        }
        if n == 0
            && taken.is_empty()
            && let Some(e) = entry::read(text, &italics, true)
        {
            let range = entry::span(text);
            taken.take(whole_entry(text, e, place, range), false);
        }
    }
    for (c, support) in narrative::narrative_read(text, place, &block.marks, by_notes) {
        let mut f = found(c, Form::Cited);
        f.support = Some(support);
        taken.take(f, false);
    }
    taken.into_found()
}

/// Whether a note's reference is named for its container or publisher (no author given).
fn container_source(c: &Cite) -> bool {
    !c.text.starts_with(c.source.as_str())
}

fn found(cit: Citation, form: Form) -> Found {
    let authored = cit.kind != CitationKind::Attribution;
    Found {
        cit,
        form,
        authored,
        listed: false,
        support: None,
    }
}

fn whole_entry(text: &str, e: entry::Entry, place: Place, range: Range<usize>) -> Found {
    let mut cit = new_citation(
        CitationKind::Reference,
        &text[range.clone()],
        &e.source,
        place,
        range,
    );
    cit.date = e.date;
    cit.title = e.title;
    Found {
        cit,
        form: Form::Full,
        authored: e.authored,
        listed: false,
        support: None,
    }
}

/// The site of the first link inside `within`: `example.org` for
/// `https://www.example.org/page`.
fn link_host(block: &Block, within: &Range<usize>) -> Option<String> {
    block.marks.iter().find_map(|m| match &m.kind {
        MarkKind::Link { url } if m.range.start >= within.start && m.range.end <= within.end => {
            let rest = url.split_once("//").map_or(url.as_str(), |(_, r)| r);
            let host = rest.split(['/', '?', '#']).next()?;
            let host = host.strip_prefix("www.").unwrap_or(host);
            (host.contains('.') && !host.contains(char::is_whitespace)).then(|| host.to_string())
        }
        _ => None,
    })
}

/// The ranges of `marks` inside `within`, counted from its start.
fn shifted(marks: &[Range<usize>], within: &Range<usize>) -> Vec<Range<usize>> {
    marks
        .iter()
        .filter(|r| r.start >= within.start && r.end <= within.end)
        .map(|r| r.start - within.start..r.end - within.start)
        .collect()
}

/// The citations taken in one block so far, none overlapping another, by start.
struct Taken<'b> {
    block: &'b Block,
    /// The block's marks by where they end.
    by_end: Vec<Range<usize>>,
    by_start: BTreeMap<usize, (Found, bool)>,
}

impl<'b> Taken<'b> {
    fn new(block: &'b Block) -> Self {
        let mut by_end: Vec<Range<usize>> = block.marks.iter().map(|m| m.range.clone()).collect();
        by_end.sort_unstable_by_key(|r| r.end);
        Taken {
            block,
            by_end,
            by_start: BTreeMap::new(),
        }
    }

    fn is_empty(&self) -> bool {
        self.by_start.is_empty()
    }

    /// Takes `f` unless it overlaps a citation taken before or crosses another mark of
    /// the block. With `over_parentheses`, citations in parentheses that it holds whole are
    /// dropped for it instead.
    fn take(&mut self, f: Found, over_parentheses: bool) {
        let r = f.cit.range.clone();
        if r.is_empty() || self.crosses(&r) {
            return;
        }
        let inside: Vec<usize> = self
            .by_start
            .range(r.start..r.end)
            .map(|(&s, _)| s)
            .collect();
        let before = self
            .by_start
            .range(..r.start)
            .next_back()
            .is_some_and(|(_, (g, _))| g.cit.range.end > r.start);
        if before {
            return;
        }
        let replaceable = inside.iter().all(|s| {
            let (g, paren) = &self.by_start[s];
            over_parentheses && *paren && g.cit.range.end <= r.end
        });
        if !replaceable {
            return;
        }
        for s in inside {
            self.by_start.remove(&s);
        }
        let paren = f.form == Form::Cited && !over_parentheses;
        self.by_start.insert(r.start, (f, paren));
    }

    /// Whether `r` starts inside a mark and ends outside it, or the other way round, so
    /// the two could not nest.
    fn crosses(&self, r: &Range<usize>) -> bool {
        // Only marks that start or end inside `r` can cross it; the marks are sorted by
        // start, and `by_end` by end, so a block with thousands of marks is not read whole
        // for each citation.
        let marks = &self.block.marks;
        let from = marks.partition_point(|m| m.range.start <= r.start);
        let starts_inside = marks[from..]
            .iter()
            .take_while(|m| m.range.start < r.end)
            .any(|m| m.range.end > r.end);
        let from = self.by_end.partition_point(|m| m.end <= r.start);
        let ends_inside = self.by_end[from..]
            .iter()
            .take_while(|m| m.end < r.end)
            .any(|m| m.start < r.start);
        starts_inside || ends_inside
    }

    fn into_found(self) -> Vec<Found> {
        self.by_start.into_values().map(|(f, _)| f).collect()
    }
}
