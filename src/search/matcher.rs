//! The search pattern, as `/` in an article and `F` in the library read it: a regular
//! expression with smart case (a capital letter makes it case-sensitive) and smart
//! diacritics (an accented letter makes it accent-sensitive; otherwise `natasha` finds
//! `Natásha` and `Nata◌́sha` alike).

use super::fold;
use regex_automata::meta;
use regex_syntax::ast::{self, Ast, ClassSetItem};
use regex_syntax::hir::{Class, Hir, HirKind, Look};
use std::ops::Range;

/// The compiled pattern's memory limit, as generous as a search prompt needs.
const SIZE_LIMIT: usize = 1 << 22;

/// A compiled search pattern.
#[derive(Debug)]
pub struct Matcher {
    /// What was typed.
    pattern: String,
    /// The pattern as typed, with smart case.
    plain: meta::Regex,
    /// The pattern with every letter standing for its accented forms too, when the
    /// pattern asks for no accent itself and has letters with accented forms.
    folded: Option<meta::Regex>,
    /// `^` or `$` outside multi-line mode: they mean the edges of each paragraph, so
    /// paragraphs are searched one at a time.
    edges: bool,
    /// The pattern can match a line break, so a match could run from one paragraph into
    /// the next when they are searched joined.
    newline: bool,
}

/// What the literal characters of a pattern ask for.
#[derive(Default)]
struct Asks {
    upper: bool,
    marked: bool,
}

impl ast::Visitor for Asks {
    type Output = Asks;
    type Err = ();

    fn finish(self) -> Result<Asks, ()> {
        Ok(self)
    }

    fn visit_pre(&mut self, ast: &Ast) -> Result<(), ()> {
        if let Ast::Literal(lit) = ast {
            self.see(lit.c);
        }
        Ok(())
    }

    fn visit_class_set_item_pre(&mut self, item: &ClassSetItem) -> Result<(), ()> {
        match item {
            ClassSetItem::Literal(lit) => self.see(lit.c),
            ClassSetItem::Range(r) => {
                self.see(r.start.c);
                self.see(r.end.c);
            }
            _ => {}
        }
        Ok(())
    }
}

impl Asks {
    fn see(&mut self, c: char) {
        self.upper |= c.is_uppercase();
        self.marked |= fold::is_marked(c);
    }
}

/// One line of a parser's error, the part a person can act on.
fn bad(e: impl std::fmt::Display) -> String {
    let msg = e.to_string();
    let last = msg.lines().last().unwrap_or("invalid").trim();
    format!("bad pattern: {}", last.trim_start_matches("error: "))
}

fn compile(hir: &Hir) -> Result<meta::Regex, String> {
    meta::Regex::builder()
        .configure(meta::Config::new().nfa_size_limit(Some(SIZE_LIMIT)))
        .build_from_hir(hir)
        .map_err(bad)
}

/// Whether a pattern can match a line feed anywhere.
fn matches_newline(hir: &Hir) -> bool {
    match hir.kind() {
        HirKind::Empty | HirKind::Look(_) => false,
        HirKind::Literal(lit) => lit.0.contains(&b'\n'),
        HirKind::Class(Class::Unicode(c)) => c
            .ranges()
            .iter()
            .any(|r| r.start() <= '\n' && '\n' <= r.end()),
        HirKind::Class(Class::Bytes(c)) => c
            .ranges()
            .iter()
            .any(|r| r.start() <= b'\n' && b'\n' <= r.end()),
        HirKind::Repetition(r) => matches_newline(&r.sub),
        HirKind::Capture(c) => matches_newline(&c.sub),
        HirKind::Concat(subs) | HirKind::Alternation(subs) => subs.iter().any(matches_newline),
    }
}

impl Matcher {
    /// Compiles a pattern; the error is one line to show the user.
    pub fn new(pattern: &str) -> Result<Matcher, String> {
        let ast = ast::parse::Parser::new().parse(pattern).map_err(bad)?;
        let asks = ast::visit(&ast, Asks::default()).unwrap_or_default();
        let hir = regex_syntax::hir::translate::TranslatorBuilder::new()
            .case_insensitive(!asks.upper)
            .build()
            .translate(pattern, &ast)
            .map_err(bad)?;
        let plain = compile(&hir)?;
        let folded = if asks.marked {
            None
        } else {
            let wide = fold::fold(&hir);
            // A pattern with no letter that has accented forms folds to itself; and one
            // too large to fold still searches as typed.
            (wide != hir).then(|| compile(&wide).ok()).flatten()
        };
        let looks = hir.properties().look_set();
        Ok(Matcher {
            pattern: pattern.to_string(),
            plain,
            folded,
            edges: looks.contains(Look::Start) || looks.contains(Look::End),
            newline: matches_newline(&hir),
        })
    }

    /// The pattern as typed.
    pub fn pattern(&self) -> &str {
        &self.pattern
    }

    /// Whether `^` and `$` need each paragraph searched on its own.
    pub fn needs_parts(&self) -> bool {
        self.edges
    }

    /// Whether a match may span a line feed (and so run across joined paragraphs).
    pub fn spans_lines(&self) -> bool {
        self.newline
    }

    /// Whether the pattern matches anywhere in `text`, which need not be checked UTF-8: a
    /// quick first look at a cached text before it is read as a string.
    pub fn is_match_bytes(&self, text: &[u8], folding: bool) -> bool {
        let re = match (&self.folded, folding) {
            (Some(f), true) => f,
            _ => &self.plain,
        };
        re.is_match(regex_automata::Input::new(text))
    }

    /// The non-empty matches in `text`, as byte ranges, in order.
    pub fn find_iter<'a>(&'a self, text: &'a str) -> impl Iterator<Item = Range<usize>> + 'a {
        self.find_iter_folding(text, fold::needs_folding(text))
    }

    /// As `find_iter`, told whether `text` holds accented letters (`needs_folding`); a
    /// cache that knows it saves reading the text twice.
    pub fn find_iter_folding<'a>(
        &'a self,
        text: &'a str,
        folding: bool,
    ) -> impl Iterator<Item = Range<usize>> + 'a {
        let re = match (&self.folded, folding) {
            (Some(f), true) => f,
            _ => &self.plain,
        };
        re.find_iter(text)
            .filter(|m| !m.is_empty())
            .map(|m| m.range())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(pattern: &str, text: &str) -> Vec<String> {
        let m = Matcher::new(pattern).unwrap();
        m.find_iter(text).map(|r| text[r].to_string()).collect()
    }

    #[test]
    fn smart_case() {
        assert_eq!(found("river", "River and river"), ["River", "river"]);
        assert_eq!(found("River", "River and river"), ["River"]);
        // Escapes are not letters the user typed: \W and \S do not make it sensitive.
        assert_eq!(found(r"\Wriver", "a River"), [" River"]);
        assert_eq!(found("[A-Z]x", "Ax ax"), ["Ax"]);
    }

    #[test]
    fn smart_diacritics() {
        let text = "Natásha, Natasha, NATÁSHA and Nata\u{301}sha";
        assert_eq!(
            found("natasha", text),
            ["Natásha", "Natasha", "NATÁSHA", "Nata\u{301}sha"]
        );
        assert_eq!(
            found("Natasha", text),
            ["Natásha", "Natasha", "Nata\u{301}sha"]
        );
        assert_eq!(found("natásha", text), ["Natásha", "NATÁSHA"]);
        assert_eq!(found("Natásha", text), ["Natásha"]);
        assert_eq!(found("cafe", "café Café cafe"), ["café", "Café", "cafe"]);
        assert_eq!(found("lodz", "Łódź"), ["Łódź"]);
        assert_eq!(found("[ae]t", "ät ét ot"), ["ät", "ét"]);
        assert_eq!(found("e+", "éeè x"), ["éeè"]);
    }

    #[test]
    fn the_plain_pattern_answers_texts_without_accents() {
        let m = Matcher::new("naive").unwrap();
        let text = "a naive “reading” — naïve";
        let all: Vec<_> = m.find_iter(text).collect();
        assert_eq!(all.len(), 2);
        assert!(m.is_match_bytes(text.as_bytes(), true));
        assert!(!m.is_match_bytes(b"a na\xffve", false));
        let plain: Vec<_> = m.find_iter_folding("a naive reading", false).collect();
        let folded: Vec<_> = m.find_iter_folding("a naive reading", true).collect();
        assert_eq!(plain, folded);
    }

    #[test]
    fn bad_patterns_say_why_in_one_line() {
        let e = Matcher::new("(unclosed").unwrap_err();
        assert_eq!(e, "bad pattern: unclosed group");
        assert!(!e.contains('\n'));
    }

    #[test]
    fn edges_and_line_feeds_are_noticed() {
        assert!(Matcher::new("^The").unwrap().needs_parts());
        assert!(!Matcher::new("(?m)^The").unwrap().needs_parts());
        assert!(!Matcher::new(r"\bthe\b").unwrap().needs_parts());
        assert!(Matcher::new(r"a\sb").unwrap().spans_lines());
        assert!(Matcher::new("a[^x]b").unwrap().spans_lines());
        assert!(!Matcher::new("gas field").unwrap().spans_lines());
        assert!(!Matcher::new("a.b").unwrap().spans_lines());
    }

    #[test]
    fn empty_matches_are_left_out() {
        assert_eq!(found("x*", "axxb"), ["xx"]);
    }
}
