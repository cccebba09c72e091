//! The parsers' regular expressions, compiled for a quick start.
//!
//! `regex::Regex` builds every pattern twice more for its lazy DFA (a reverse automaton
//! among them), which doubled the time spent compiling the parsers' patterns: tens of
//! milliseconds that an opening article waited for before its first frame. The parsers
//! match lines, paragraphs and parentheticals, where the NFA engines are quick, so most
//! patterns go without the DFA; the few that scan a whole text keep it.

use regex_automata::meta;
use regex_automata::util::captures::Captures;
use std::ops::{Index, Range};

/// A compiled pattern; leftmost-first, Unicode-aware, like `regex::Regex`.
#[derive(Debug)]
pub struct Pattern(meta::Regex);

impl Pattern {
    /// Compiles a pattern for short haystacks: lines, paragraphs, parentheticals.
    ///
    /// Panics on a malformed pattern: they are all literals in the source.
    pub fn new(pattern: &str) -> Self {
        Self::build(pattern, false)
    }

    /// Compiles a pattern that scans whole texts, with a lazy DFA for speed.
    pub fn scanning(pattern: &str) -> Self {
        Self::build(pattern, true)
    }

    fn build(pattern: &str, dfa: bool) -> Self {
        // Nor the one-pass DFA: most patterns are anchored, so it would be built for
        // nearly all of them, and building it cost more than a third of their compile
        // time while the backtracker matches lines as fast.
        let config = meta::Config::new().hybrid(dfa).dfa(false).onepass(false);
        let re = meta::Regex::builder()
            .configure(config)
            .build(pattern)
            .unwrap_or_else(|e| panic!("pattern {pattern:?}: {e}"));
        Pattern(re)
    }

    /// Whether the pattern matches anywhere in `hay`.
    pub fn is_match(&self, hay: &str) -> bool {
        self.0.is_match(hay)
    }

    /// The first match and its groups.
    pub fn captures<'h>(&self, hay: &'h str) -> Option<Groups<'h>> {
        let mut caps = self.0.create_captures();
        self.0.captures(hay, &mut caps);
        caps.is_match().then_some(Groups { hay, caps })
    }

    /// The first match starting at or after byte `start`, and its groups; what comes
    /// before `start` still counts for `\b` and the like.
    pub fn captures_at<'h>(&self, hay: &'h str, start: usize) -> Option<Groups<'h>> {
        let mut caps = self.0.create_captures();
        let input = regex_automata::Input::new(hay).span(start..hay.len());
        self.0.search_captures(&input, &mut caps);
        caps.is_match().then_some(Groups { hay, caps })
    }

    /// Every non-overlapping match and its groups, left to right.
    pub fn captures_iter<'r, 'h: 'r>(
        &'r self,
        hay: &'h str,
    ) -> impl Iterator<Item = Groups<'h>> + 'r {
        self.0
            .captures_iter(hay)
            .map(move |caps| Groups { hay, caps })
    }
}

/// The groups of one match.
#[derive(Debug)]
pub struct Groups<'h> {
    hay: &'h str,
    caps: Captures,
}

impl<'h> Groups<'h> {
    /// Group `i` (0 is the whole match), if it took part in the match.
    pub fn get(&self, i: usize) -> Option<Found<'h>> {
        self.caps.get_group(i).map(|s| Found {
            hay: self.hay,
            range: s.range(),
        })
    }

    /// The named group, if it took part in the match.
    pub fn name(&self, name: &str) -> Option<Found<'h>> {
        self.caps.get_group_by_name(name).map(|s| Found {
            hay: self.hay,
            range: s.range(),
        })
    }
}

impl Index<&str> for Groups<'_> {
    type Output = str;

    /// The named group's text; panics when it did not take part, as `regex` does.
    fn index(&self, name: &str) -> &str {
        self.name(name)
            .unwrap_or_else(|| panic!("no group {name:?} in this match"))
            .as_str()
    }
}

impl Index<usize> for Groups<'_> {
    type Output = str;

    /// Group `i`'s text; panics when it did not take part, as `regex` does.
    fn index(&self, i: usize) -> &str {
        self.get(i)
            .unwrap_or_else(|| panic!("no group {i} in this match"))
            .as_str()
    }
}

/// Where one group matched.
#[derive(Debug, Clone)]
pub struct Found<'h> {
    hay: &'h str,
    range: Range<usize>,
}

impl<'h> Found<'h> {
    /// The matched text.
    pub fn as_str(&self) -> &'h str {
        &self.hay[self.range.clone()]
    }

    /// Byte offset of the start.
    pub fn start(&self) -> usize {
        self.range.start
    }

    /// Byte offset of the end.
    pub fn end(&self) -> usize {
        self.range.end
    }

    /// Byte range in the haystack.
    pub fn range(&self) -> Range<usize> {
        self.range.clone()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn groups_by_name_and_number() {
        let p = Pattern::new(r"(?P<word>\p{Lu}\w+), (\d{4})");
        let c = p.captures("as (Ostrom, 1990) said").expect("match");
        assert_eq!(
            (&c["word"], &c[2], &c[0]),
            ("Ostrom", "1990", "Ostrom, 1990")
        );
        assert_eq!(c.name("word").map(|m| m.range()), Some(4..10));
        assert!(p.captures("no citation").is_none());
    }

    #[test]
    fn iteration_finds_every_match_in_order() {
        for p in [Pattern::new(r"\[(\d+)\]"), Pattern::scanning(r"\[(\d+)\]")] {
            let found: Vec<_> = p
                .captures_iter("a[1] b[22] c[x] d[3]")
                .map(|c| c[1].to_string())
                .collect();
            assert_eq!(found, ["1", "22", "3"]);
            assert!(p.is_match("[4]") && !p.is_match("[]"));
        }
    }

    #[test]
    fn unicode_and_case_folding_match_as_regex_does() {
        let p = Pattern::new(r"(?i)^by\s+(?P<n>\p{Lu}.+)$");
        assert_eq!(
            &p.captures("BY Émile Zola").expect("match")["n"],
            "Émile Zola"
        );
    }
}
