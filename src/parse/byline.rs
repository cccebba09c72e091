//! Bylines and publication dates written as body text near the top ("By Dan Goodin - Apr 16,
//! 2015 8:02 pm UTC", "Contributed by …", "Publication date: …"), read into the metadata,
//! and the byline elements of web pages cleaned of the dates and job titles glued to them.

use super::frontmatter::{date_info, split_authors};
use crate::article::{Article, BlockKind};
use crate::dates::{is_date_line, is_timestamp_line};

/// Longest byline line, in characters: longer lines are prose.
const LINE_MAX: usize = 200;
/// Longest date after "Published:" and the like, in characters.
const DATE_MAX: usize = 41;
/// Most words in one name.
const NAME_WORDS: usize = 6;

/// "By" in the languages bylines are written in, with the English verbs that lead to it.
const BY_WORDS: &[&str] = &["by", "por", "par", "von", "door", "di", "av", "przez", "af"];
const BY_VERBS: &[&str] = &[
    "contributed",
    "written",
    "posted",
    "words",
    "reported",
    "story",
    // The kind of piece: `Analysis by …`, `Opinion by …`.
    "analysis",
    "opinion",
    "commentary",
    "review",
    "reporting",
    "essay",
    "interview",
];
/// Lower-case words a name may hold (`Ludwig van Beethoven`, `Ana de la Cruz`).
const PARTICLES: &[&str] = &[
    "van", "von", "de", "der", "den", "da", "di", "du", "le", "la", "del", "dos", "das", "bin",
    "al", "el", "y", "e", "ter", "ten", "zu",
];
/// Words of the job titles and desks that follow a name ("Ap National Security Writer").
const ROLE_WORDS: &[&str] = &[
    "reporter",
    "writer",
    "editor",
    "correspondent",
    "contributor",
    "columnist",
    "staff",
    "producer",
    "journalist",
    "analyst",
    "director",
    "professor",
    "author",
    "chief",
    "senior",
    "news",
    "bureau",
    "desk",
    "team",
    "contributing",
    "associate",
    "managing",
    "health",
    "science",
    "business",
    "political",
    "sports",
    "special",
    "guest",
    "freelance",
];
/// Separators between a byline's names and the time stamp after them.
const SEPARATORS: &[&str] = &[
    " - ", " – ", " — ", " | ", " · ", ", ", " on ", " at ", " • ",
];

/// Phrases after the authors that name other contributors.
const ROLE_BREAKS: &[&str] = &[
    " edited by ",
    " photos by ",
    " photographs by ",
    " illustrations by ",
    " translated by ",
    " additional reporting by ",
];

/// Where `needle` (lower case) first occurs in `hay`, ignoring ASCII case.
fn find_ci(hay: &str, needle: &str) -> Option<usize> {
    hay.to_ascii_lowercase().find(needle)
}

/// What a byline says: who wrote it and, when it came along, the date.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Byline {
    /// The authors, in order.
    pub names: Vec<String>,
    /// A date or time stamp written after the names.
    pub date: Option<String>,
}

/// Reads a byline. With `by` set the line must start with a "by" word (`By`, `Por`, `von`,
/// `Written by`…), as a line of body text must; a page's byline element need not.
pub fn read(line: &str, by: bool) -> Option<Byline> {
    let t = line.split_whitespace().collect::<Vec<_>>().join(" ");
    if t.is_empty() || t.chars().count() > LINE_MAX {
        return None;
    }
    let rest = match strip_by(&t) {
        Some(rest) => rest,
        None if by => return None,
        None => t.as_str(),
    };
    // "Written by A Edited by B": the editor is not an author.
    let rest = ROLE_BREAKS
        .iter()
        .filter_map(|b| find_ci(rest, b))
        .min()
        .map_or(rest, |i| &rest[..i]);
    let (rest, with) = split_with(rest);
    let (names, date) = split_date(rest);
    let names = names.trim_matches(|c: char| c.is_whitespace() || "-–—|·•,:".contains(c));
    let mut out = Vec::new();
    let with = with
        .map(|w| split_authors(&in_english(w)))
        .unwrap_or_default();
    for piece in split_authors(&in_english(names)).into_iter().chain(with) {
        let piece = piece.trim_matches(|c: char| c.is_whitespace() || "-–—|·•,:".contains(c));
        if piece.is_empty() || is_role(piece) {
            continue;
        }
        if !is_name(piece) {
            return None;
        }
        out.push(piece.to_string());
    }
    (!out.is_empty()).then_some(Byline {
        names: out,
        date: date.map(str::to_string),
    })
}

/// "Martin Untersinger (avec Damien Leloup et Morgane Tual)": the names before the
/// parenthesis, and those it adds.
fn split_with(t: &str) -> (&str, Option<&str>) {
    const WITH: &[&str] = &["with", "avec", "mit", "con", "com", "met"];
    let Some(open) = t.find('(') else {
        return (t, None);
    };
    let Some(close) = t[open..].find(')').map(|c| open + c) else {
        return (t, None);
    };
    let inner = t[open + 1..close].trim();
    let Some((word, names)) = inner.split_once(' ') else {
        return (t, None);
    };
    if !WITH.contains(&word.to_lowercase().as_str()) || !t[close + 1..].trim().is_empty() {
        return (t, None);
    }
    (t[..open].trim_end(), Some(names))
}

/// Names joined with another language's "and" (`et`, `und`, `y`, `e`, `en`, `i`) joined
/// with "and" instead, which `split_authors` understands.
fn in_english(names: &str) -> String {
    let mut out = names.to_string();
    for and in [
        " et ", " und ", " y ", " e ", " en ", " i ", " og ", " och ",
    ] {
        out = out.replace(and, " and ");
    }
    out
}

/// The line after its "by" word, or `None` when it has none.
fn strip_by(t: &str) -> Option<&str> {
    let (first, rest) = t.split_once(' ')?;
    let first_l = first.to_lowercase();
    let rest = if BY_VERBS.contains(&first_l.as_str()) {
        let (by, rest) = rest.split_once(' ')?;
        by.eq_ignore_ascii_case("by").then_some(rest)?
    } else if BY_WORDS.contains(&first_l.trim_end_matches(':')) {
        rest
    } else {
        return None;
    };
    let rest = rest.trim_start_matches(':').trim_start();
    rest.starts_with(char::is_uppercase).then_some(rest)
}

/// Splits the names from a time stamp after them: at the first separator whose tail is a
/// date, or at the first number glued on without one ("Lucas Nolan 22 Dec 2016").
fn split_date(t: &str) -> (&str, Option<&str>) {
    let mut cuts: Vec<usize> = SEPARATORS
        .iter()
        .flat_map(|sep| t.match_indices(sep).map(|(i, _)| i))
        .collect();
    cuts.sort_unstable();
    for i in cuts {
        let tail = t[i..].trim_start_matches(|c: char| c.is_whitespace() || "-–—|·•,".contains(c));
        let tail = tail
            .strip_prefix("on ")
            .or_else(|| tail.strip_prefix("at "))
            .unwrap_or(tail);
        if is_timestamp_line(tail) || is_date_line(tail) {
            return (&t[..i], Some(tail.trim()));
        }
    }
    let digit = t
        .match_indices(' ')
        .map(|(i, _)| i + 1)
        .find(|&i| t[i..].starts_with(|c: char| c.is_ascii_digit()));
    match digit {
        Some(i) => {
            let tail = t[i..].trim();
            (&t[..i], is_timestamp_line(tail).then_some(tail))
        }
        None => (t, None),
    }
}

/// A person's or organisation's name: a few words, each capitalised (or a particle or an
/// initial), no sentence in it.
fn is_name(piece: &str) -> bool {
    let words: Vec<&str> = piece.split_whitespace().collect();
    if words.is_empty() || words.len() > NAME_WORDS || piece.chars().count() > 60 {
        return false;
    }
    words.iter().all(|w| {
        let w = w.trim_matches(|c: char| matches!(c, '"' | '“' | '”' | '(' | ')'));
        w.starts_with(char::is_uppercase)
            || PARTICLES.contains(&w)
            || w.starts_with('@')
            || w.chars().all(|c| !c.is_alphabetic())
    }) && words.iter().any(|w| w.starts_with(char::is_uppercase))
        && !piece.ends_with(['!', '?'])
}

/// A job title or desk after a name ("Seattle Times business reporter").
fn is_role(piece: &str) -> bool {
    // `Editor-at-large` is an editor.
    piece
        .split(|c: char| c.is_whitespace() || c == '-')
        .any(|w| ROLE_WORDS.contains(&w.to_lowercase().trim_matches(|c: char| !c.is_alphabetic())))
}

/// Looks at the first few blocks for bylines and time stamps, moving what the metadata
/// lacks into it and taking the lines out of the body either way.
pub fn from_body(article: &mut Article) {
    let mut i = 0;
    while i < article.blocks.len().min(6) {
        let b = &article.blocks[i];
        if !matches!(b.kind, BlockKind::Paragraph | BlockKind::Heading { .. }) {
            i += 1;
            continue;
        }
        let text = b.text.trim();
        if let Some(byline) = read(text, true) {
            if article.meta.authors.is_empty() {
                article.meta.authors = byline.names;
            }
            if article.meta.date.is_none()
                && let Some(d) = byline.date
            {
                article.meta.date = Some(date_info(&d));
            }
        } else if let Some(d) = labelled_date(text) {
            if article.meta.date.is_none() {
                article.meta.date = Some(date_info(d));
            }
        } else if is_timestamp_line(text) {
            if article.meta.date.is_none() {
                article.meta.date = Some(date_info(text));
            }
        } else {
            i += 1;
            continue;
        }
        let gone = article.blocks.remove(i);
        article.removed.push(gone.text);
    }
}

/// The date of a "Publication date: …" line.
fn labelled_date(text: &str) -> Option<&str> {
    const LABELS: &[&[&str]] = &[
        &["publication", "date"],
        &["published", "on"],
        &["published"],
        &["posted", "on"],
        &["date"],
    ];
    let words: Vec<&str> = text.split_whitespace().collect();
    LABELS.iter().find_map(|label| {
        let n = label.len();
        if words.len() <= n {
            return None;
        }
        let matches = label.iter().zip(&words).enumerate().all(|(k, (l, w))| {
            let w = if k + 1 == n {
                w.trim_end_matches(':')
            } else {
                w
            };
            w.eq_ignore_ascii_case(l)
        });
        if !matches {
            return None;
        }
        // The date starts after the label's last word (and a colon standing alone).
        let mut rest = text;
        for w in &words[..n] {
            rest = rest.trim_start().strip_prefix(w)?;
        }
        let date = rest.trim_start().trim_start_matches(':').trim_start();
        let len = date.chars().count();
        (date.chars().next().is_some_and(|c| !c.is_whitespace()) && (4..=DATE_MAX).contains(&len))
            .then_some(date)
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::Format;

    #[test]
    fn a_date_after_the_names_is_the_date_not_an_author() {
        let a = crate::parse::parse_str(
            "# Tide tables\n\n*By Lena Kowalski, 28 July 2008*\n\nThe body of the piece.\n",
            Format::Markdown,
        );
        assert_eq!(a.meta.authors, ["Lena Kowalski"]);
        let date = a.meta.date.expect("date");
        assert_eq!(date.iso.as_deref(), Some("2008-07-28"));
    }

    fn names(line: &str, by: bool) -> Option<Vec<String>> {
        read(line, by).map(|b| b.names)
    }

    #[test]
    fn bylines_lose_dates_times_and_job_titles() {
        let one = |s: &str| Some(vec![s.to_string()]);
        assert_eq!(
            names("Dan Goodin - Apr 16, 2015 8:02 pm UTC", false),
            one("Dan Goodin")
        );
        assert_eq!(
            names("By Justine Coleman - 11/18/19 11:04 PM EST", true),
            one("Justine Coleman")
        );
        assert_eq!(
            names("Lucas Nolan 22 Dec 2016 651", false),
            one("Lucas Nolan")
        );
        assert_eq!(
            names("Nicolas Perriault —", false),
            one("Nicolas Perriault")
        );
        assert_eq!(
            names("Benjamin Romano, Seattle Times business reporter", false),
            one("Benjamin Romano")
        );
        assert_eq!(
            names(
                "Martin Untersinger (avec Damien Leloup et Morgane Tual)",
                false
            ),
            Some(vec![
                "Martin Untersinger".into(),
                "Damien Leloup".into(),
                "Morgane Tual".into()
            ])
        );
        assert_eq!(
            names("Written by Rob Ewaschuk Edited by Betsy Beyer", true),
            one("Rob Ewaschuk")
        );
        assert_eq!(
            names("By Ana de la Cruz and Tomás Ferreira", true),
            Some(vec!["Ana de la Cruz".into(), "Tomás Ferreira".into()])
        );
    }

    #[test]
    fn a_kind_of_piece_before_by_and_a_hyphenated_title_after_the_name() {
        let one = |s: &str| Some(vec![s.to_string()]);
        assert_eq!(
            names(
                "Analysis by Mara Lindqvist, Tide Ledger Editor-at-large",
                false
            ),
            one("Mara Lindqvist")
        );
        assert_eq!(names("Opinion by Kofi Mensah", true), one("Kofi Mensah"));
        assert_eq!(names("Commentary by Ana Ruiz", true), one("Ana Ruiz"));
        assert_eq!(names("Analysis of the budget", true), None);
    }

    #[test]
    fn by_words_in_other_languages() {
        let one = |s: &str| Some(vec![s.to_string()]);
        assert_eq!(names("por César Salza", true), one("César Salza"));
        assert_eq!(names("Par Claire Dubois", true), one("Claire Dubois"));
        assert_eq!(names("von Jonas Weber", true), one("Jonas Weber"));
        assert_eq!(names("door Sanne de Vries", true), one("Sanne de Vries"));
        assert_eq!(names("di Giulia Conti", true), one("Giulia Conti"));
        assert_eq!(names("av Erik Lund", true), one("Erik Lund"));
    }

    #[test]
    fn sentences_are_not_bylines() {
        assert_eq!(names("By Tuesday, the storm had passed.", true), None);
        assert_eq!(
            names("By the end of the year we will know more", true),
            None
        );
        assert_eq!(names("Dan Goodin wrote about it", true), None);
        assert_eq!(names("", false), None);
    }
}
