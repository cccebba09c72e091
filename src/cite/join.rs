//! Joins citations to the references they point at and groups them by source: an
//! author–year citation to the reference of the same authors and year, `Ibid.` to the
//! work cited just before it, a short note to the full note of the same author and title.
//! A short note that is only an author and a page (`Ellison, 52`) is kept only if it
//! joins.

use super::surnames::{surnames, surnames_key};
use super::{Form, Found};
use crate::article::{Citation, CitationKind, source_key};
use std::collections::HashMap;

/// Most candidates looked at for one short note, nearest first: a common surname cited
/// thousands of times must not make joining quadratic.
const LOOK: usize = 64;

/// The full references of an article, found by their first author's surname and year.
struct Index {
    /// Each full reference's authors' surnames, by its index (empty for the others).
    names: Vec<Vec<String>>,
    by_name: HashMap<String, Vec<usize>>,
    by_name_year: HashMap<(String, String), Vec<usize>>,
}

impl Index {
    fn new(found: &[Found]) -> Self {
        let mut ix = Index {
            names: vec![Vec::new(); found.len()],
            by_name: HashMap::new(),
            by_name_year: HashMap::new(),
        };
        for (j, f) in found
            .iter()
            .enumerate()
            .filter(|(_, f)| f.form == Form::Full)
        {
            let names = if f.authored {
                surnames(&f.cit.source)
            } else {
                vec![f.cit.source.clone()]
            };
            let Some(key) = names.first().map(|n| last_word(n)) else {
                continue;
            };
            ix.by_name.entry(key.clone()).or_default().push(j);
            if let Some((year, _)) = f.cit.date.as_deref().and_then(year_of) {
                ix.by_name_year.entry((key, year)).or_default().push(j);
            }
            ix.names[j] = names;
        }
        ix
    }
}

/// The last word of a name, normalised: `Lund Berg` and `Berg` share `berg`.
fn last_word(name: &str) -> String {
    let key = source_key(name);
    key.rsplit(' ').next().unwrap_or("").to_string()
}

/// The citations and the reference-list entries, each in the order found, with `full`,
/// `entry` and `group` set.
pub(super) fn join(found: Vec<Found>) -> (Vec<Citation>, Vec<Citation>) {
    let ix = Index::new(&found);
    // Short notes first: those that join nothing and name no title are dropped, so every
    // index below is final.
    let mut short_of = vec![None; found.len()];
    let mut holdings: HashMap<String, usize> = HashMap::new();
    for (i, f) in found.iter().enumerate() {
        match f.form {
            Form::Short | Form::ShortAlone => short_of[i] = short_match(&found, &ix, i),
            // The nearest full note of the same holding before it.
            Form::ShortHolding => {
                short_of[i] = f
                    .cit
                    .title
                    .as_deref()
                    .and_then(|t| holdings.get(&source_key(t)).copied());
            }
            Form::Full => {
                if let Some(t) = &f.cit.title {
                    holdings.insert(source_key(t), i);
                }
            }
            _ => {}
        }
    }
    let mut index = vec![0; found.len()];
    let mut kept = Vec::with_capacity(found.len());
    for (i, mut f) in found.into_iter().enumerate() {
        if matches!(f.form, Form::ShortAlone | Form::ShortHolding) && short_of[i].is_none() {
            continue;
        }
        index[i] = kept.len();
        f.cit.full = short_of[i];
        kept.push(f);
    }
    for f in &mut kept {
        f.cit.full = f.cit.full.map(|j| index[j]);
    }
    // A holding's short note names the repository its full note does.
    for i in 0..kept.len() {
        if let (Form::ShortHolding, Some(j)) = (kept[i].form, kept[i].cit.full) {
            kept[i].cit.source = kept[j].cit.source.clone();
            kept[i].authored = kept[j].authored;
        }
    }
    let ix = Index::new(&kept);
    for i in 0..kept.len() {
        if kept[i].cit.kind == CitationKind::AuthorYear {
            kept[i].cit.full = author_year_match(&kept, &ix, i);
        }
    }
    resolve_ibid(&mut kept);
    let keys: Vec<String> = kept.iter().map(own_key).collect();
    // Entries of a reference list go apart from the citations; pointers follow them.
    let mut place = Vec::with_capacity(kept.len());
    let (mut cits, mut entries) = (0, 0);
    for f in &kept {
        place.push(if f.listed { entries } else { cits });
        *(if f.listed { &mut entries } else { &mut cits }) += 1;
    }
    let listed: Vec<bool> = kept.iter().map(|f| f.listed).collect();
    let (mut citations, mut references) = (Vec::new(), Vec::new());
    for (i, mut f) in kept.into_iter().enumerate() {
        let from = f.cit.full.unwrap_or(i);
        f.cit.group = Some(keys[from].clone());
        match f.cit.full {
            Some(j) if listed[j] => (f.cit.full, f.cit.entry) = (None, Some(place[j])),
            Some(j) => f.cit.full = Some(place[j]),
            None => {}
        }
        if f.listed {
            references.push(f.cit);
        } else {
            citations.push(f.cit);
        }
    }
    (citations, references)
}

/// The key a citation is grouped under when it joins nothing.
fn own_key(f: &Found) -> String {
    match (f.cit.kind, f.authored) {
        (CitationKind::Attribution, _) | (CitationKind::Reference, false) => {
            source_key(&f.cit.source)
        }
        _ => surnames_key(&f.cit.source),
    }
}

/// `Ibid.` repeats the work cited before it, in the body or in the notes.
fn resolve_ibid(kept: &mut [Found]) {
    // The last citation before each one, in the body and in the notes, read forward once.
    let mut last: [Option<usize>; 2] = [None, None];
    for i in 0..kept.len() {
        let area = usize::from(matches!(
            kept[i].cit.place,
            crate::article::Place::Note { .. }
        ));
        if kept[i].form == Form::Ibid
            && let Some(prev) = last[area]
        {
            // A repeated Ibid. resolves through the one before it.
            let work = kept[prev].cit.full.unwrap_or(prev);
            let (source, date, title) = {
                let w = &kept[work].cit;
                (w.source.clone(), w.date.clone(), w.title.clone())
            };
            let authored = kept[work].authored;
            let c = &mut kept[i].cit;
            c.full = Some(work);
            c.source = source;
            c.date = date;
            c.title = title;
            kept[i].authored = authored;
        }
        last[area] = Some(i);
    }
}

/// The reference an author–year citation names: the same first author (and second, for
/// two), the same year; a year's letter must agree when both have one.
fn author_year_match(kept: &[Found], ix: &Index, i: usize) -> Option<usize> {
    let c = &kept[i].cit;
    let year = year_of(c.date.as_deref()?)?;
    let ours = surnames(&c.source);
    let key = (last_word(ours.first()?), year.0.clone());
    let mut loose = None;
    for &j in ix.by_name_year.get(&key)?.iter().take(LOOK) {
        if !names_match(&ours, c.source.contains("et al"), &ix.names[j]) {
            continue;
        }
        let Some(theirs) = kept[j].cit.date.as_deref().and_then(year_of) else {
            continue;
        };
        if theirs == year {
            return Some(j);
        }
        if (theirs.1.is_none() || year.1.is_none()) && loose.is_none() {
            loose = Some(j);
        }
    }
    loose
}

/// The full reference a short note stands for: by the same authors and (unless it gives
/// only a page) with the same title, the nearest before it, else the nearest after.
fn short_match(found: &[Found], ix: &Index, i: usize) -> Option<usize> {
    let f = &found[i];
    let ours = surnames(&f.cit.source);
    let all = ix.by_name.get(&last_word(ours.first()?))?;
    let at = all.partition_point(|&j| j < i);
    let before = all[..at].iter().rev().take(LOOK);
    let after = all[at..].iter().take(LOOK);
    before.chain(after).copied().find(|&j| {
        names_match(&ours, f.cit.source.contains("et al"), &ix.names[j])
            && (f.form == Form::ShortAlone || titles_match(&f.cit, &found[j].cit))
    })
}

/// The year of a date as written, and its letter: `2019a` → (2019, a), `March 14, 1911`
/// → (1911, none), `in press` → itself.
pub(super) fn year_of(date: &str) -> Option<(String, Option<char>)> {
    if super::when::NOT_YET.contains(&date) || date == "n.d." {
        return Some((date.to_string(), None));
    }
    // A reprint is joined by the year written first, as its entry is dated: `1966/1992`,
    // `1984 [2008]`.
    let y = super::entry::last_year(date.split(['–', '/', '[']).next().unwrap_or(date))?;
    Some((y[..4].to_string(), y.chars().nth(4)))
}

/// Whether the authors a citation names (`ours`) are those of a reference.
fn names_match(ours: &[String], et_al: bool, theirs: &[String]) -> bool {
    let (Some(a), Some(b)) = (ours.first(), theirs.first()) else {
        return false;
    };
    if !same_name(a, b) {
        return false;
    }
    match (ours.get(1), theirs.get(1)) {
        (Some(a), Some(b)) => same_name(a, b),
        (Some(_), None) => false,
        (None, Some(_)) => et_al || theirs.len() > 2,
        (None, None) => !et_al,
    }
}

/// `Berg` and `Lund Berg`, `World Bank` and `Bank`: one name, ignoring case.
fn same_name(a: &str, b: &str) -> bool {
    let (a, b) = (source_key(a), source_key(b));
    a == b || a.ends_with(&format!(" {b}")) || b.ends_with(&format!(" {a}"))
}

/// Whether a short note's title is the start or a shortening of the full title.
fn titles_match(short: &Citation, full: &Citation) -> bool {
    let (Some(s), Some(f)) = (&short.title, &full.title) else {
        return false;
    };
    let words = |t: &str| -> Vec<String> {
        source_key(t)
            .split(' ')
            .filter(|w| !matches!(*w, "the" | "a" | "an" | "of" | "and" | "in" | "on"))
            .map(str::to_string)
            .collect()
    };
    let (s, f) = (words(s), words(f));
    !s.is_empty() && s.iter().all(|w| f.contains(w))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::{Citation, Place};

    fn found(kind: CitationKind, source: &str, date: &str, form: Form, title: &str) -> Found {
        let mut cit: Citation =
            super::super::new_citation(kind, source, source, Place::Body { block: 0 }, 0..1);
        cit.date = (!date.is_empty()).then(|| date.to_string());
        cit.title = (!title.is_empty()).then(|| title.to_string());
        Found {
            cit,
            form,
            authored: kind != CitationKind::Attribution,
            listed: false,
            support: None,
        }
    }

    #[test]
    fn a_reprint_is_dated_by_its_edition() {
        assert_eq!(year_of("1984 [2008]"), Some(("1984".to_string(), None)));
        assert_eq!(year_of("1966/1992"), Some(("1966".to_string(), None)));
    }

    #[test]
    fn author_year_ibid_and_short_notes_join() {
        use CitationKind::{AuthorYear as Y, Reference as R};
        let (cits, _) = join(vec![
            found(Y, "Brandvold", "1996", Form::Cited, ""),
            found(
                R,
                "Helga Brandvold",
                "1996",
                Form::Full,
                "Owners and Strangers",
            ),
            found(R, "Ibid.", "", Form::Ibid, ""),
            found(Y, "Chen", "2019b", Form::Cited, ""),
            found(R, "Chen, L.", "2019a", Form::Full, "Tides"),
            found(R, "Chen, L.", "2019b", Form::Full, "Rivers"),
            found(R, "Brandvold", "", Form::Short, "Owners"),
            found(R, "Nobody", "", Form::ShortAlone, ""),
            found(R, "Brandvold", "", Form::ShortAlone, ""),
            found(R, "Stationers' Hall", "", Form::Full, "Court Book C"),
            found(R, "Court Book C", "", Form::ShortHolding, "Court Book C"),
            found(R, "Court Book D", "", Form::ShortHolding, "Court Book D"),
        ]);
        let full: Vec<Option<usize>> = cits.iter().map(|c| c.full).collect();
        assert_eq!(
            full,
            [
                Some(1),
                None,
                Some(1),
                Some(5),
                None,
                None,
                Some(1),
                Some(1),
                None,
                Some(8)
            ]
        );
        assert_eq!(cits[9].source, "Stationers' Hall");
        assert_eq!(cits[2].source, "Helga Brandvold");
        assert_eq!(cits[0].source_key(), cits[1].source_key());
        assert_eq!(cits[0].source_key(), "brandvold");
    }

    #[test]
    fn reference_list_entries_go_apart() {
        use CitationKind::{AuthorYear as Y, Reference as R};
        let mut entry = found(
            R,
            "Ostrom, Elinor",
            "1990",
            Form::Full,
            "Governing the Commons",
        );
        entry.listed = true;
        let (cits, refs) = join(vec![
            found(Y, "Hardin", "1968", Form::Cited, ""),
            found(Y, "Ostrom", "1990", Form::Cited, ""),
            entry,
        ]);
        assert_eq!(cits.len(), 2);
        assert_eq!(refs.len(), 1);
        assert_eq!((cits[1].full, cits[1].entry), (None, Some(0)));
        assert_eq!(cits[1].source_key(), refs[0].source_key());
        assert_eq!(cits[0].entry, None);
    }
}
