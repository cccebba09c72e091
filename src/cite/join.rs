//! Joins citations to the references they point at and groups them by source: an
//! author–year citation to the reference of the same authors and year, `Ibid.` to the
//! work cited just before it, a short note to the full note of the same author and title.
//! A short note that is only an author and a page (`Ellison, 52`) is kept only if it
//! joins.

use super::names::{surnames, surnames_key};
use super::{Form, Found};
use crate::article::{Citation, CitationKind, source_key};

/// The citations and the reference-list entries, each in the order found, with `full`,
/// `entry` and `group` set.
pub(super) fn join(found: Vec<Found>) -> (Vec<Citation>, Vec<Citation>) {
    let fulls: Vec<usize> = (0..found.len())
        .filter(|&i| found[i].form == Form::Full)
        .collect();
    // Short notes first: those that join nothing and name no title are dropped, so every
    // index below is final.
    let mut short_of = vec![None; found.len()];
    for (i, f) in found.iter().enumerate() {
        if !matches!(f.form, Form::Short | Form::ShortAlone) {
            continue;
        }
        let by_author = fulls
            .iter()
            .copied()
            .filter(|&j| names_match(&f.cit.source, &found[j]));
        let titled: Vec<usize> = by_author
            .filter(|&j| f.form == Form::ShortAlone || titles_match(&f.cit, &found[j].cit))
            .collect();
        short_of[i] = titled
            .iter()
            .rev()
            .find(|&&j| j < i)
            .or(titled.first())
            .copied();
    }
    let mut index = vec![0; found.len()];
    let mut kept = Vec::with_capacity(found.len());
    for (i, mut f) in found.into_iter().enumerate() {
        if f.form == Form::ShortAlone && short_of[i].is_none() {
            continue;
        }
        index[i] = kept.len();
        f.cit.full = short_of[i];
        kept.push(f);
    }
    for f in &mut kept {
        f.cit.full = f.cit.full.map(|j| index[j]);
    }
    let fulls: Vec<usize> = (0..kept.len())
        .filter(|&i| kept[i].form == Form::Full)
        .collect();
    for i in 0..kept.len() {
        if kept[i].cit.kind == CitationKind::AuthorYear {
            kept[i].cit.full = author_year_match(&kept, &fulls, i);
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
    for i in 0..kept.len() {
        if kept[i].form != Form::Ibid {
            continue;
        }
        let in_notes = |f: &Found| matches!(f.cit.place, crate::article::Place::Note { .. });
        let here = in_notes(&kept[i]);
        let Some(prev) = (0..i).rev().find(|&j| in_notes(&kept[j]) == here) else {
            continue;
        };
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
}

/// The reference an author–year citation names: the same first author (and second, for
/// two), the same year; a year's letter must agree when both have one.
fn author_year_match(kept: &[Found], fulls: &[usize], i: usize) -> Option<usize> {
    let c = &kept[i].cit;
    let year = year_of(c.date.as_deref()?)?;
    let mut loose = None;
    for &j in fulls {
        if !names_match(&c.source, &kept[j]) {
            continue;
        }
        let Some(theirs) = kept[j].cit.date.as_deref().and_then(year_of) else {
            continue;
        };
        if theirs == year {
            return Some(j);
        }
        if theirs.0 == year.0 && (theirs.1.is_none() || year.1.is_none()) && loose.is_none() {
            loose = Some(j);
        }
    }
    loose
}

/// The year of a date as written, and its letter: `2019a` → (2019, a), `March 14, 1911`
/// → (1911, none), `in press` → itself.
fn year_of(date: &str) -> Option<(String, Option<char>)> {
    if super::when::NOT_YET.contains(&date) || date == "n.d." {
        return Some((date.to_string(), None));
    }
    let y = super::entry::last_year(date.split(['–', '/']).next().unwrap_or(date))?;
    Some((y[..4].to_string(), y.chars().nth(4)))
}

/// Whether the authors a citation names are those of a reference.
fn names_match(cited: &str, full: &Found) -> bool {
    let theirs: Vec<String> = if full.authored {
        surnames(&full.cit.source)
    } else {
        vec![full.cit.source.clone()]
    };
    let ours = surnames(cited);
    let (Some(a), Some(b)) = (ours.first(), theirs.first()) else {
        return false;
    };
    if !same_name(a, b) {
        return false;
    }
    let et_al = cited.contains("et al");
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
        }
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
                Some(1)
            ]
        );
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
