//! Whole-line shapes checked without compiling a pattern.
//!
//! A few checks run on the first lines of every article (is this a date line?), where
//! compiling a regular expression cost more than the rest of the parse. `Ends` follows
//! every way a short line can be read at once, as a set of positions, so optional parts
//! and alternatives need no backtracking and nothing is built before the first use.

/// The positions in `text` that the shape read so far can end at.
#[derive(Debug, Clone)]
pub struct Ends<'t> {
    text: &'t str,
    at: Vec<usize>,
}

impl<'t> Ends<'t> {
    /// Nothing read yet: the start of `text`.
    pub fn start(text: &'t str) -> Self {
        Ends { text, at: vec![0] }
    }

    /// Whether some reading ends exactly at the end of the text.
    pub fn whole(&self) -> bool {
        self.at.contains(&self.text.len())
    }

    /// Every position a reading ends at, first to last.
    pub fn positions(&self) -> &[usize] {
        &self.at
    }

    /// Whether no reading is left.
    pub fn failed(&self) -> bool {
        self.at.is_empty()
    }

    fn step(self, mut f: impl FnMut(&'t str, usize, &mut Vec<usize>)) -> Self {
        let mut next = Vec::new();
        for &p in &self.at {
            f(self.text, p, &mut next);
        }
        next.sort_unstable();
        next.dedup();
        Ends {
            text: self.text,
            at: next,
        }
    }

    /// Between `min` and `max` characters for which `class` holds.
    pub fn chars(self, class: impl Fn(char) -> bool, min: usize, max: usize) -> Self {
        self.step(|text, p, out| {
            if min == 0 {
                out.push(p);
            }
            for (n, (i, c)) in text[p..].char_indices().enumerate() {
                if n >= max || !class(c) {
                    break;
                }
                if n + 1 >= min {
                    out.push(p + i + c.len_utf8());
                }
            }
        })
    }

    /// One or more whitespace characters.
    pub fn space(self) -> Self {
        self.chars(char::is_whitespace, 1, usize::MAX)
    }

    /// Any whitespace, or none.
    pub fn any_space(self) -> Self {
        self.chars(char::is_whitespace, 0, usize::MAX)
    }

    /// One of `words`, ignoring ASCII case.
    pub fn word(self, words: &[&str]) -> Self {
        self.step(|text, p, out| {
            for w in words {
                if text
                    .get(p..p + w.len())
                    .is_some_and(|s| s.eq_ignore_ascii_case(w))
                {
                    out.push(p + w.len());
                }
            }
        })
    }

    /// One of `words`, exactly as written.
    pub fn exact(self, words: &[&str]) -> Self {
        self.step(|text, p, out| {
            for w in words {
                if text[p..].starts_with(w) {
                    out.push(p + w.len());
                }
            }
        })
    }

    /// The shape `f` any number of times, none included.
    pub fn many(self, f: impl Fn(Self) -> Self) -> Self {
        let text = self.text;
        // Each position is read on from once, so the repeats cost no more than the text.
        let mut seen = vec![false; text.len() + 1];
        let mut all = Vec::new();
        let mut fresh = self;
        while !fresh.failed() {
            fresh.at.retain(|&p| !std::mem::replace(&mut seen[p], true));
            all.extend(&fresh.at);
            fresh = f(fresh);
        }
        all.sort_unstable();
        Ends { text, at: all }
    }

    /// `c`, or nothing.
    pub fn maybe_char(self, c: char) -> Self {
        self.chars(|x| x == c, 0, 1)
    }

    /// The shape `f`, or nothing.
    pub fn maybe(self, f: impl FnOnce(Self) -> Self) -> Self {
        let skipped = self.clone();
        skipped.or(f(self))
    }

    /// The shape `f` (to continue a chain with a shape held in a variable).
    pub fn then(self, f: impl FnOnce(Self) -> Self) -> Self {
        f(self)
    }

    /// Each of `shapes` read from here, all readings kept.
    pub fn either(self, shapes: &[&dyn Fn(Self) -> Self]) -> Self {
        let none = Ends {
            text: self.text,
            at: Vec::new(),
        };
        shapes
            .iter()
            .fold(none, |all, shape| all.or(shape(self.clone())))
    }

    fn or(mut self, other: Self) -> Self {
        self.at.extend(other.at);
        self.at.sort_unstable();
        self.at.dedup();
        self
    }
}

/// `t` without `prefix`, compared ignoring ASCII case.
pub fn strip_prefix_ascii<'a>(t: &'a str, prefix: &str) -> Option<&'a str> {
    let head = t.get(..prefix.len())?;
    head.eq_ignore_ascii_case(prefix)
        .then(|| &t[prefix.len()..])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_reading_is_followed() {
        // "ab" then optional "b": reading greedily would leave no room for the last "b".
        let e = Ends::start("abb")
            .word(&["a"])
            .chars(|c| c == 'b', 1, 2)
            .word(&["b"]);
        assert!(e.whole());
        assert!(
            !Ends::start("ab")
                .word(&["a"])
                .chars(|c| c == 'b', 2, 3)
                .whole()
        );
    }

    #[test]
    fn bounds_count_characters() {
        let e = Ends::start("ééé").chars(|c| c == 'é', 1, 2);
        assert_eq!(e.at, vec![2, 4]);
        assert!(Ends::start("").chars(char::is_alphabetic, 0, 3).whole());
    }

    #[test]
    fn alternatives_and_options() {
        let shape = |t| {
            Ends::start(t)
                .maybe(|e| e.word(&["posted"]).maybe_char(':').space())
                .either(&[&|e| e.word(&["may"]), &|e| e.word(&["june", "jun"])])
                .whole()
        };
        assert!(shape("Posted: June"));
        assert!(shape("jun"));
        assert!(!shape("Posted June 4"));
        assert!(Ends::start("x").word(&["y"]).failed());
        assert!(Ends::start("Ab").exact(&["ab"]).failed());
    }

    #[test]
    fn many_repeats_until_nothing_new() {
        let e = Ends::start("a,a,a")
            .exact(&["a"])
            .many(|e| e.exact(&[","]).exact(&["a"]));
        assert_eq!(e.positions(), &[1, 3, 5]);
        assert!(Ends::start("").many(|e| e.chars(|_| true, 0, 1)).whole());
    }
}
