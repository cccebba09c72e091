//! Errors as people read them: an operating-system error in words ("permission denied",
//! not "Permission denied (os error 13)"), and a chain of causes said once each, as
//! less and cargo say them.

use std::io;

/// An I/O error in lower-case words, without the OS's error number.
pub fn words(e: &io::Error) -> String {
    let text = e.to_string();
    // The standard library appends " (os error N)" to the OS's own description.
    let text = match text.rfind(" (os error ") {
        Some(at) if text.ends_with(')') => text[..at].to_string(),
        _ => text,
    };
    lower_first(&text)
}

/// `Permission denied` → `permission denied`; an acronym (`EPUB`) keeps its case.
fn lower_first(text: &str) -> String {
    let mut chars = text.chars();
    match (chars.next(), chars.next()) {
        (Some(first), Some(second)) if first.is_uppercase() && !second.is_uppercase() => first
            .to_lowercase()
            .chain(text[first.len_utf8()..].chars())
            .collect(),
        _ => text.to_string(),
    }
}

/// An error and its causes joined by `: `, each I/O cause in words, a cause its parent
/// already says (thiserror's `{source}` in the message) not said again.
pub fn describe(e: &(dyn std::error::Error + 'static)) -> String {
    let mut out = String::new();
    let mut cause: Option<&(dyn std::error::Error + 'static)> = Some(e);
    while let Some(err) = cause {
        let text = match err.downcast_ref::<io::Error>() {
            Some(io) => words(io),
            None => err.to_string(),
        };
        let text = text.trim();
        if !text.is_empty() && !out.contains(text) {
            if !out.is_empty() {
                out.push_str(": ");
            }
            out.push_str(text);
        }
        cause = err.source();
    }
    out
}

/// `candidates` ordered nearest to `word` first (Jaro-Winkler, ignoring case), as a
/// misspelling's suggestions are listed.
pub fn nearest<'a>(word: &str, candidates: &[&'a str]) -> Vec<&'a str> {
    let word = word.to_lowercase();
    let mut scored: Vec<(f64, &str)> = candidates
        .iter()
        .map(|c| (strsim::jaro_winkler(&word, &c.to_lowercase()), *c))
        .collect();
    scored.sort_by(|a, b| b.0.total_cmp(&a.0));
    scored.into_iter().map(|(_, c)| c).collect()
}

/// The candidate close enough to `word` to be what was meant, if one is.
pub fn closest<'a>(word: &str, candidates: &[&'a str]) -> Option<&'a str> {
    let word = word.to_lowercase();
    candidates
        .iter()
        .map(|c| (strsim::jaro_winkler(&word, &c.to_lowercase()), *c))
        .filter(|(score, _)| *score >= CLOSE)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, c)| c)
}

/// "; did you mean `measure`?" when one candidate is close to `word`, else nothing.
pub fn did_you_mean(word: &str, candidates: &[&str]) -> String {
    closest(word, candidates).map_or(String::new(), |c| format!("; did you mean `{c}`?"))
}

/// How alike two spellings must be to suggest one for the other (clap uses 0.7 too).
const CLOSE: f64 = 0.7;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn os_errors_are_said_in_words() {
        let denied = io::Error::from_raw_os_error(13);
        assert_eq!(words(&denied), "permission denied");
        let missing = io::Error::from_raw_os_error(2);
        assert_eq!(words(&missing), "no such file or directory");
        assert_eq!(words(&io::Error::other("EPUB broken")), "EPUB broken");
    }

    #[test]
    fn a_near_spelling_is_suggested_and_a_far_one_is_not() {
        let settings = ["measure", "justify", "hyphenate", "theme"];
        assert_eq!(
            did_you_mean("meassure", &settings),
            "; did you mean `measure`?"
        );
        assert_eq!(
            did_you_mean("Justfy", &settings),
            "; did you mean `justify`?"
        );
        assert_eq!(did_you_mean("colour", &settings), "");
        assert_eq!(nearest("them", &settings)[0], "theme");
    }

    #[derive(Debug, thiserror::Error)]
    #[error("cannot read the state: {}", words(.source))]
    struct Outer {
        source: io::Error,
    }

    #[test]
    fn a_cause_the_message_already_says_is_not_repeated() {
        let e = Outer {
            source: io::Error::from_raw_os_error(13),
        };
        assert_eq!(describe(&e), "cannot read the state: permission denied");
        let wrapped = anyhow::Error::new(e).context("starting");
        let text = describe(wrapped.as_ref());
        assert_eq!(text, "starting: cannot read the state: permission denied");
    }
}
