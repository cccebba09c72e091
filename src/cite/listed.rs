//! Narrative citations weighed against the article's references: a name and a year alone
//! are an author's work where the references list that author, and a place's or a
//! thing's year where a list that names every other author cited leaves it out.

use super::surnames::{self, surnames_key};
use super::{Form, Found};
use crate::article::CitationKind;
use std::collections::HashSet;

/// What makes a narrative citation one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Support {
    /// An author's verb, a lead-in or a citation's shape.
    Sure,
    /// The name and year alone (`Chicago (1995) rebuilt`), which a place or a thing has as
    /// well as an author: it stands unless the article's references leave that name out.
    Bare,
    /// A name a thing's would be (after "the", after capitals): it stands only if the
    /// article's references list it at that year.
    Listed,
}

/// Drops the narrative citations that rest on a name and year alone when the article's
/// references name the authors it cites otherwise and none of them is of that name:
/// `Chicago (1995) rebuilt` and `Leipzig (1864) held` are a place's years, where
/// `Fenwick (2018) calls` is an author's work the reference list holds. A list that leaves
/// out some of the authors the article cites with a verb or in parentheses is no record
/// of who is an author, and drops nothing. A name a thing's would be stands only where a
/// reference lists it at its year.
pub(super) fn drop_unlisted_names(found: &mut Vec<Found>) {
    let mut named = HashSet::new();
    let mut works = HashSet::new();
    for f in found.iter().filter(|f| f.form == Form::Full) {
        for surname in surnames::surnames(&f.cit.source) {
            named.extend(
                crate::article::source_key(&surname)
                    .split(' ')
                    .map(str::to_string),
            );
        }
        works.insert(work(f));
    }
    let listed = |f: &Found| {
        surnames_key(&f.cit.source)
            .split(' ')
            .all(|w| w == "et" || w == "al" || named.contains(w))
    };
    let cited = found.iter().filter(|f| {
        f.form == Form::Cited
            && f.cit.kind == CitationKind::AuthorYear
            && f.support.is_none_or(|s| s == Support::Sure)
    });
    let complete = !named.is_empty() && cited.clone().all(listed);
    found.retain(|f| match f.support {
        Some(Support::Bare) => !complete || listed(f),
        Some(Support::Listed) => works.contains(&work(f)),
        _ => true,
    });
}

/// A work as a citation names it: its authors' key and the year it is dated, as the
/// join reads it.
fn work(f: &Found) -> (String, Option<String>) {
    let year = f.cit.date.as_deref().and_then(super::join::year_of);
    (surnames_key(&f.cit.source), year.map(|(y, _)| y))
}
