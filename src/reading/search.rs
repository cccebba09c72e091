//! Searching the open article: a query with smart case and smart diacritics (as
//! `search::matcher` reads them), its matches in reading order,
//! and stepping from one to the next from where the reader is.

use super::Reader;
use crate::layout::Anchor;
use crate::search::{self as library_search, matcher::Matcher};
use std::ops::Range;

/// A search and its matches across the whole document.
#[derive(Debug)]
pub struct Search {
    /// What was typed.
    pub query: String,
    /// Matches as (part index, byte range in the part's text), in reading order.
    pub matches: Vec<(usize, Range<usize>)>,
    /// The match the user is on.
    pub current: Option<usize>,
}

impl Reader {
    /// Runs a search (smart case and smart diacritics, as `search::matcher` reads them).
    pub fn search(&mut self, query: &str) -> Result<usize, String> {
        let matcher = Matcher::new(query)?;
        let mut matches = Vec::new();
        for (i, part) in library_search::searchable(&self.doc) {
            let text = self.doc.text(part);
            matches.extend(matcher.find_iter(&text).map(|r| (i, r)));
        }
        let n = matches.len();
        self.search = Some(Search {
            query: query.to_string(),
            matches,
            current: None,
        });
        Ok(n)
    }

    /// Goes to the first match at or below the top of the screen, else the first of all;
    /// true when it had to wrap to the top.
    pub fn first_match(&mut self) -> bool {
        if self.step_match(true) {
            return false;
        }
        let Some(s) = &mut self.search else {
            return false;
        };
        if s.matches.is_empty() {
            return false;
        }
        s.current = Some(0);
        self.show_match(0);
        true
    }

    fn show_match(&mut self, i: usize) {
        let Some((part, range)) = self.search.as_ref().and_then(|s| s.matches.get(i).cloned())
        else {
            return;
        };
        let anchor = Anchor {
            part: self.doc.parts[part],
            offset: range.start,
        };
        let pos = self.layout.locate(anchor);
        self.reveal(pos);
    }

    /// The match at `offset` of part `part` (an index into the parts), else the first
    /// after it, else the last before it.
    pub fn match_at(&self, part: usize, offset: usize) -> Option<usize> {
        let s = self.search.as_ref()?;
        let after = s
            .matches
            .iter()
            .position(|(p, r)| (*p, r.start) >= (part, offset));
        after.or_else(|| s.matches.len().checked_sub(1))
    }

    /// Makes match `i` the current one and brings it on screen.
    pub fn go_to_match(&mut self, i: usize) {
        if let Some(s) = &mut self.search
            && i < s.matches.len()
        {
            s.current = Some(i);
            self.show_match(i);
        }
    }

    /// Moves to the next (or previous) match from the top of the screen; false when there is none.
    pub fn step_match(&mut self, forward: bool) -> bool {
        let Some(s) = &self.search else { return false };
        let here = self.layout.anchor(self.top);
        let here_key = (self.top.part, here.offset);
        let next = match s.current {
            Some(c) if forward => (c + 1 < s.matches.len()).then_some(c + 1),
            Some(c) => c.checked_sub(1),
            None if forward => s
                .matches
                .iter()
                .position(|(p, r)| (*p, r.start) >= here_key),
            None => s
                .matches
                .iter()
                .rposition(|(p, r)| (*p, r.start) < here_key),
        };
        let Some(i) = next else { return false };
        if let Some(s) = &mut self.search {
            s.current = Some(i);
        }
        self.show_match(i);
        true
    }
}
