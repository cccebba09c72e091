//! Diacritic folding: which characters a plain letter stands for when a search ignores
//! accents. A letter's base is its canonical decomposition without the combining marks
//! (`é` is `e` + U+0301, so `e`), plus the few letters whose stroke or bar Unicode does
//! not decompose but that people type without it (`ø`, `ł`, `đ`…).

use icu_normalizer::DecomposingNormalizerBorrowed;
use regex_syntax::hir::{Class, ClassUnicode, ClassUnicodeRange, Hir, HirKind};
use std::sync::OnceLock;

/// Letters with diacritics lie below this: Latin, Greek, Cyrillic and their extensions,
/// Latin Extended Additional (Vietnamese) and Greek Extended.
const LAST: u32 = 0x2000;

/// Letters with a stroke, bar or missing dot: no canonical decomposition, yet read as
/// the plain letter.
const STROKED: &[(char, char)] = &[
    ('ø', 'o'),
    ('Ø', 'O'),
    ('ł', 'l'),
    ('Ł', 'L'),
    ('đ', 'd'),
    ('Đ', 'D'),
    ('ħ', 'h'),
    ('Ħ', 'H'),
    ('ŧ', 't'),
    ('Ŧ', 'T'),
    ('ı', 'i'),
];

/// The folding tables, built once from Unicode data.
struct Table {
    /// Every base letter and the characters that fold to it, sorted by base.
    variants: Vec<(char, Vec<char>)>,
    /// One bit per code point below `LAST`: does it fold to another character?
    folds: Vec<u64>,
    /// The combining marks (`\p{M}`).
    marks: ClassUnicode,
}

fn table() -> &'static Table {
    static TABLE: OnceLock<Table> = OnceLock::new();
    TABLE.get_or_init(|| {
        let marks = match regex_syntax::parse(r"\p{M}").map(Hir::into_kind) {
            Ok(HirKind::Class(Class::Unicode(c))) => c,
            _ => ClassUnicode::empty(),
        };
        let nfd = DecomposingNormalizerBorrowed::new_nfd();
        let is_mark = |c: char| in_class(&marks, c);
        let mut pairs: Vec<(char, char)> = STROKED.iter().map(|&(c, b)| (b, c)).collect();
        for c in (0xC0..LAST).filter_map(char::from_u32) {
            let mut parts = nfd.normalize_iter(std::iter::once(c));
            if let Some(first) = parts.next()
                && first != c
                && !is_mark(first)
                && parts.all(is_mark)
            {
                pairs.push((first, c));
            }
        }
        pairs.sort_unstable();
        let mut variants: Vec<(char, Vec<char>)> = Vec::new();
        let mut folds = vec![0u64; (LAST as usize).div_ceil(64)];
        for (base, c) in pairs {
            folds[c as usize / 64] |= 1 << (c as usize % 64);
            match variants.last_mut() {
                Some((b, list)) if *b == base => list.push(c),
                _ => variants.push((base, vec![c])),
            }
        }
        Table {
            variants,
            folds,
            marks,
        }
    })
}

fn in_class(class: &ClassUnicode, c: char) -> bool {
    class
        .ranges()
        .binary_search_by(|r| {
            if r.end() < c {
                std::cmp::Ordering::Less
            } else if r.start() > c {
                std::cmp::Ordering::Greater
            } else {
                std::cmp::Ordering::Equal
            }
        })
        .is_ok()
}

/// Whether a character carries a diacritic: it folds to another letter, or it is a
/// combining mark. A pattern that spells one out asks for that spelling.
pub fn is_marked(c: char) -> bool {
    let t = table();
    let i = c as usize;
    (i < LAST as usize && t.folds[i / 64] & (1 << (i % 64)) != 0) || in_class(&t.marks, c)
}

/// Whether a folded pattern could match this text differently from the plain one: only
/// when the text holds a marked character. Most texts in languages without accents,
/// curly quotes and dashes included, are answered by the plain pattern.
pub fn needs_folding(text: &str) -> bool {
    !text.is_ascii() && text.chars().any(|c| c >= '\u{c0}' && is_marked(c))
}

/// The characters that fold to `base`, if any.
fn variants_of(base: char) -> &'static [char] {
    let t = table();
    t.variants
        .binary_search_by_key(&base, |(b, _)| *b)
        .map_or(&[], |i| &t.variants[i].1)
}

/// A class widened by the variants of every base letter in it; `None` when nothing in it
/// has variants.
fn widen(class: &ClassUnicode) -> Option<ClassUnicode> {
    let mut added = Vec::new();
    for (base, vars) in &table().variants {
        if in_class(class, *base) {
            added.extend(vars.iter().map(|&v| ClassUnicodeRange::new(v, v)));
        }
    }
    if added.is_empty() {
        return None;
    }
    let mut wide = class.clone();
    wide.union(&ClassUnicode::new(added));
    Some(wide)
}

/// Classes this small stand for a letter or two (`[Ee]` from a case-insensitive `e`):
/// they may be followed by combining marks, as a letter may in decomposed text.
const LETTER_CLASS: u32 = 4;

fn class_len(class: &ClassUnicode) -> u32 {
    class
        .ranges()
        .iter()
        .map(|r| r.end() as u32 - r.start() as u32 + 1)
        .sum()
}

/// A letter (or letter class) followed by any combining marks.
fn with_marks(letter: Hir) -> Hir {
    let marks = Hir::class(Class::Unicode(table().marks.clone()));
    Hir::concat(vec![
        letter,
        Hir::repetition(regex_syntax::hir::Repetition {
            min: 0,
            max: None,
            greedy: true,
            sub: Box::new(marks),
        }),
    ])
}

/// The pattern with every letter standing also for its accented forms: `e` matches `é`,
/// `è`, `ê` and `e` followed by combining marks.
pub fn fold(hir: &Hir) -> Hir {
    match hir.kind() {
        HirKind::Literal(lit) => {
            let Ok(text) = std::str::from_utf8(&lit.0) else {
                return hir.clone();
            };
            let mut pieces = Vec::new();
            let mut plain = String::new();
            for c in text.chars() {
                let vars = variants_of(c);
                if vars.is_empty() {
                    plain.push(c);
                    continue;
                }
                if !plain.is_empty() {
                    pieces.push(Hir::literal(std::mem::take(&mut plain).into_bytes()));
                }
                let mut class = ClassUnicode::new([ClassUnicodeRange::new(c, c)]);
                class.union(&ClassUnicode::new(
                    vars.iter().map(|&v| ClassUnicodeRange::new(v, v)),
                ));
                pieces.push(with_marks(Hir::class(Class::Unicode(class))));
            }
            if !plain.is_empty() {
                pieces.push(Hir::literal(plain.into_bytes()));
            }
            Hir::concat(pieces)
        }
        HirKind::Class(Class::Unicode(class)) => match widen(class) {
            Some(wide) if class_len(class) <= LETTER_CLASS => {
                with_marks(Hir::class(Class::Unicode(wide)))
            }
            Some(wide) => Hir::class(Class::Unicode(wide)),
            None => hir.clone(),
        },
        HirKind::Repetition(rep) => Hir::repetition(regex_syntax::hir::Repetition {
            sub: Box::new(fold(&rep.sub)),
            ..rep.clone()
        }),
        HirKind::Capture(cap) => Hir::capture(regex_syntax::hir::Capture {
            sub: Box::new(fold(&cap.sub)),
            ..cap.clone()
        }),
        HirKind::Concat(subs) => Hir::concat(subs.iter().map(fold).collect()),
        HirKind::Alternation(subs) => Hir::alternation(subs.iter().map(fold).collect()),
        HirKind::Empty | HirKind::Look(_) | HirKind::Class(Class::Bytes(_)) => hir.clone(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accented_letters_fold_to_their_base() {
        for (c, base) in [('é', 'e'), ('Á', 'A'), ('ñ', 'n'), ('ø', 'o'), ('ά', 'α')] {
            assert!(is_marked(c), "{c}");
            assert!(variants_of(base).contains(&c), "{c} under {base}");
        }
        for c in ['e', 'ß', 'æ', '“', '—', '中', 'и'] {
            assert!(!is_marked(c), "{c}");
        }
        assert!(is_marked('\u{301}'), "a combining acute accent");
        assert!(variants_of('и').contains(&'й'));
    }

    #[test]
    fn only_texts_with_marked_characters_need_folding() {
        assert!(!needs_folding("plain ASCII"));
        assert!(!needs_folding("“curly” quotes — and dashes, 中文"));
        assert!(needs_folding("Natásha"));
        assert!(needs_folding("Nata\u{301}sha"));
    }
}
