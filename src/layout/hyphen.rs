//! Dictionary hyphenation: Knuth–Liang patterns (the `hyphenation` crate, TeX's patterns,
//! embedded) in the article's language — the one it declares, else the one its text is
//! written in (`whatlang`), else none. Only ordinary words are hyphenated: never an
//! address, a number, a word in capitals, code or a link.

use hyphenation::{Hyphenator, Language, Load, Standard};
use std::collections::HashMap;
use std::sync::{Arc, Mutex, OnceLock};

/// Shortest word, in letters, worth breaking.
const WORD_MIN: usize = 6;
/// How much of the text is read to tell its language.
const SAMPLE_BYTES: usize = 4000;

/// The hyphenation language for a BCP 47 tag as documents write them (`en`, `en-GB`,
/// `de_DE`, `pt-BR`), or `None` when no patterns exist for it.
pub fn language(tag: &str) -> Option<Language> {
    let tag = tag.trim().to_ascii_lowercase().replace('_', "-");
    let primary = tag.split('-').next().unwrap_or("");
    let region = tag.split('-').nth(1).unwrap_or("");
    Language::try_from_code(&tag).or(match (primary, region) {
        ("en", "gb" | "uk" | "ie" | "au" | "nz" | "za" | "in") => Some(Language::EnglishGB),
        ("en", _) => Some(Language::EnglishUS),
        ("de", "ch") => Some(Language::GermanSwiss),
        ("de", _) => Some(Language::German1996),
        ("el", _) => Some(Language::GreekMono),
        ("sr", _) => Some(Language::SerbianCyrillic),
        ("mn", _) => Some(Language::Mongolian),
        ("no", _) => Some(Language::NorwegianBokmal),
        (p, _) => Language::try_from_code(p),
    })
}

/// The language a text is written in, when it can be told with confidence.
pub fn detect(text: &str) -> Option<Language> {
    let mut end = text.len().min(SAMPLE_BYTES);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let info = whatlang::detect(&text[..end])?;
    if !info.is_reliable() {
        return None;
    }
    use whatlang::Lang::*;
    Some(match info.lang() {
        Eng => Language::EnglishUS,
        Fra => Language::French,
        Deu => Language::German1996,
        Spa => Language::Spanish,
        Ita => Language::Italian,
        Por => Language::Portuguese,
        Nld => Language::Dutch,
        Swe => Language::Swedish,
        Dan => Language::Danish,
        Nob => Language::NorwegianBokmal,
        Fin => Language::Finnish,
        Pol => Language::Polish,
        Ces => Language::Czech,
        Slk => Language::Slovak,
        Slv => Language::Slovenian,
        Hrv => Language::Croatian,
        Hun => Language::Hungarian,
        Ron => Language::Romanian,
        Rus => Language::Russian,
        Ukr => Language::Ukrainian,
        Bul => Language::Bulgarian,
        Est => Language::Estonian,
        Lav => Language::Latvian,
        Lit => Language::Lithuanian,
        Tur => Language::Turkish,
        Ell => Language::GreekMono,
        Cat => Language::Catalan,
        Epo => Language::Esperanto,
        Lat => Language::Latin,
        Ind => Language::Indonesian,
        Hin => Language::Hindi,
        _ => return None,
    })
}

/// The patterns of a language, loaded once and shared.
fn dictionary(lang: Language) -> Option<Arc<Standard>> {
    static LOADED: OnceLock<Mutex<HashMap<Language, Option<Arc<Standard>>>>> = OnceLock::new();
    let mut loaded = LOADED.get_or_init(Default::default).lock().ok()?;
    loaded
        .entry(lang)
        .or_insert_with(|| Standard::from_embedded(lang).ok().map(Arc::new))
        .clone()
}

/// Whether a word may take a hyphen: long enough, letters only, not in capitals (an
/// acronym, a shout). An address, a number, a path or a mail address has characters
/// that rule it out.
fn breakable(word: &str) -> bool {
    let mut letters = 0;
    let mut lower = false;
    for c in word.chars() {
        if c.is_alphabetic() {
            letters += 1;
            lower |= c.is_lowercase();
        } else if !matches!(c, '\'' | '’' | '\u{ad}') {
            return false;
        }
    }
    letters >= WORD_MIN && lower
}

/// Where a hyphen may go inside `word` (byte offsets), by the language's patterns.
pub fn breaks(lang: Language, word: &str) -> Vec<usize> {
    if !breakable(word) {
        return Vec::new();
    }
    match dictionary(lang) {
        Some(dict) => dict.hyphenate(word).breaks,
        None => Vec::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tags_as_documents_write_them() {
        assert_eq!(language("en"), Some(Language::EnglishUS));
        assert_eq!(language("en-GB"), Some(Language::EnglishGB));
        assert_eq!(language("de_DE"), Some(Language::German1996));
        assert_eq!(language("fr-CA"), Some(Language::French));
        assert_eq!(language("pt-BR"), Some(Language::Portuguese));
        assert_eq!(language("xx"), None);
    }

    #[test]
    fn dictionary_points_in_ordinary_words_only() {
        let en = Language::EnglishUS;
        let word = "hyphenation";
        let pieces: Vec<&str> = {
            let b = breaks(en, word);
            let mut at = 0;
            let mut out = Vec::new();
            for &i in &b {
                out.push(&word[at..i]);
                at = i;
            }
            out.push(&word[at..]);
            out
        };
        assert_eq!(pieces, ["hy", "phen", "a", "tion"]);
        for word in [
            "NASA",
            "UNESCO",
            "https://example.org/long",
            "12345678",
            "a@b.org",
            "dog",
        ] {
            assert!(breaks(en, word).is_empty(), "{word}");
        }
    }

    #[test]
    fn the_language_is_told_from_the_text() {
        let english = "The harbour froze early this winter, and the ferries to the islands were \
                       cancelled for a week while the ice was broken up by the tug from the mainland.";
        assert_eq!(detect(english), Some(Language::EnglishUS));
        let french = "Le port a gelé tôt cet hiver, et les traversées vers les îles ont été \
                      annulées pendant une semaine, le temps que le remorqueur brise la glace.";
        assert_eq!(detect(french), Some(Language::French));
    }
}
