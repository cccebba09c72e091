//! Endnotes that Markdown and plain text have no syntax for: a numbered list under a
//! "Notes" heading that the body points into with superscript numbers (`<sup>1</sup>`,
//! `<sup>[1]</sup>`, or the Unicode superscript digits `¹²`). The source is read for that
//! shape before the parse, so the parse knows, when it meets a superscript in the body,
//! whether it is a note reference.

use std::collections::HashSet;

/// Headings over endnotes besides the shared ones ("Notes", "Endnotes", "References").
const HEADINGS: [&str; 8] = [
    "notes and references",
    "references and notes",
    "notes and sources",
    "sources and notes",
    "anmerkungen",
    "endnoten",
    "fußnoten",
    "notas",
];

/// Longest note number, in digits.
const LABEL_DIGITS: usize = 3;

/// The labels of a list of endnotes that the body refers to.
#[derive(Debug, Default)]
pub struct Endnotes {
    labels: HashSet<String>,
    /// How many numbered lists under notes headings come before this one.
    pub nth: usize,
}

impl Endnotes {
    /// Whether `label` numbers one of the notes.
    pub fn has(&self, label: &str) -> bool {
        self.labels.contains(label)
    }
}

/// Whether a heading's text names a list of notes.
pub fn is_notes_heading(text: &str) -> bool {
    super::notes::is_heading(text.trim(), &HEADINGS)
}

/// The note number a superscript's text is (`1`, `[12]`), if it is one.
pub fn sup_label(inner: &str) -> Option<&str> {
    let t = inner.trim();
    let t = t
        .strip_prefix('[')
        .and_then(|r| r.strip_suffix(']'))
        .unwrap_or(t)
        .trim();
    let numeric = (1..=LABEL_DIGITS).contains(&t.len()) && t.bytes().all(|b| b.is_ascii_digit());
    (numeric && !t.starts_with('0')).then_some(t)
}

/// The list of endnotes in a Markdown source, when it has one: a notes heading whose next
/// block is a numbered list, at least half of whose numbers the text above the heading
/// writes as superscripts. A numbered list under any other heading, or one the body does
/// not point into, is a list.
pub fn scan(text: &str) -> Option<Endnotes> {
    // Every Markdown article is scanned: one without a superscript has no such list.
    if !text.contains("<sup") && unicode_refs(text).next().is_none() {
        return None;
    }
    let lines: Vec<&str> = text.lines().collect();
    let mut fenced = false;
    let mut seen: HashSet<String> = HashSet::new();
    let mut read_to = 0;
    let mut line_at = 0;
    let mut nth = 0;
    for (i, line) in lines.iter().enumerate() {
        let at = line_at;
        line_at += line.len() + 1;
        let t = line.trim_start();
        if line.len() - t.len() < 4 && (t.starts_with("```") || t.starts_with("~~~")) {
            fenced = !fenced;
            continue;
        }
        if fenced {
            continue;
        }
        let Some(list_at) = heading_over_list(&lines, i) else {
            continue;
        };
        let body = text.get(read_to..at.min(text.len())).unwrap_or("");
        seen.extend(body_refs(body));
        read_to = at;
        let items = item_numbers(&lines[list_at..]);
        let labels: HashSet<String> = items
            .iter()
            .filter(|n| seen.contains(**n))
            .map(|n| n.to_string())
            .collect();
        if !labels.is_empty() && labels.len() * 2 >= items.len() {
            return Some(Endnotes { labels, nth });
        }
        nth += 1;
    }
    None
}

/// The line a numbered list starts on, when line `i` is a notes heading (`## Notes`,
/// `Notes` over a `---` underline, `**Notes**`) and the next block is that list.
fn heading_over_list(lines: &[&str], i: usize) -> Option<usize> {
    let t = lines[i].trim();
    let (text, next) = if let Some(rest) = t.strip_prefix('#') {
        let rest = rest.trim_start_matches('#');
        let level = t.len() - rest.len();
        if level > 6 || !rest.starts_with(' ') {
            return None;
        }
        (rest.trim().trim_end_matches('#'), i + 1)
    } else if let Some(inner) = t.strip_prefix("**").and_then(|r| r.strip_suffix("**")) {
        (inner, i + 1)
    } else {
        let under = lines.get(i + 1)?.trim();
        let underline = under.len() >= 2
            && (under.bytes().all(|b| b == b'-') || under.bytes().all(|b| b == b'='));
        if !underline {
            return None;
        }
        (t, i + 2)
    };
    if !is_notes_heading(text) {
        return None;
    }
    let first = (next..lines.len()).find(|&j| !lines[j].trim().is_empty())?;
    item_number(lines[first]).map(|_| first)
}

/// The number of a numbered list item's line (`12. Text`, `3) Text`).
fn item_number(line: &str) -> Option<&str> {
    let t = line.trim_start();
    if line.len() - t.len() > 3 {
        return None;
    }
    let digits = t.bytes().take_while(u8::is_ascii_digit).count();
    let rest = t.get(digits..)?;
    let marked = rest.starts_with(['.', ')']) && rest[1..].starts_with([' ', '\t']);
    ((1..=LABEL_DIGITS).contains(&digits) && marked).then(|| &t[..digits])
}

/// The numbers of a list's items, from its first line to the block after it: a heading,
/// or a paragraph that starts at the margin after a blank line.
fn item_numbers<'a>(lines: &[&'a str]) -> HashSet<&'a str> {
    let mut numbers = HashSet::new();
    let mut blank = false;
    for line in lines {
        if line.trim().is_empty() {
            blank = true;
            continue;
        }
        if let Some(n) = item_number(line) {
            numbers.insert(n);
        } else if line.trim_start().starts_with('#') || (blank && !line.starts_with([' ', '\t'])) {
            break;
        }
        blank = false;
    }
    numbers
}

/// The labels of the superscript numbers in `text` that can be note references: not the
/// exponent of a number (`10<sup>6</sup>`).
fn body_refs(text: &str) -> impl Iterator<Item = String> + '_ {
    sup_tag_refs(text)
        .map(str::to_string)
        .chain(unicode_refs(text).map(|(_, label)| label))
}

/// The Unicode superscript digits.
const SUPERSCRIPTS: [char; 10] = ['⁰', '¹', '²', '³', '⁴', '⁵', '⁶', '⁷', '⁸', '⁹'];

/// The digit a Unicode superscript digit stands for.
pub fn superscript_digit(c: char) -> Option<u8> {
    SUPERSCRIPTS.iter().position(|&s| s == c).map(|d| d as u8)
}

/// Where each run of Unicode superscript digits in `text` is and the note number it
/// writes (`¹²` is 12), or each caret and digits that plain text writes for one (`^12`),
/// when it can be a note reference: not the exponent of a number (`10⁶`, `10^6`) or of a
/// unit (`km²`, `m^3`), which follow a digit or a word of one or two lower-case letters,
/// nor the number that opens a note's own line (`¹ See…`).
pub fn unicode_refs(text: &str) -> impl Iterator<Item = (std::ops::Range<usize>, String)> + '_ {
    let mut chars = text.char_indices().peekable();
    std::iter::from_fn(move || {
        loop {
            let (start, c) = chars.next()?;
            let digit: fn(char) -> Option<u8> = if c == '^' {
                |c| c.is_ascii_digit().then(|| c as u8 - b'0')
            } else if superscript_digit(c).is_some() {
                superscript_digit
            } else {
                continue;
            };
            let mut label = String::new();
            let mut end = start + c.len_utf8();
            if c != '^' {
                label.extend(superscript_digit(c).map(|d| char::from(b'0' + d)));
            }
            while let Some(&(i, c)) = chars.peek() {
                let Some(d) = digit(c) else {
                    break;
                };
                label.push(char::from(b'0' + d));
                end = i + c.len_utf8();
                chars.next();
            }
            if label.is_empty() {
                continue;
            }
            let before = &text[..start];
            let word = before
                .rsplit(|c: char| !c.is_alphanumeric())
                .next()
                .unwrap_or("");
            let unit = (1..=2).contains(&word.chars().count())
                && word.chars().all(|c| c.is_ascii_lowercase());
            let exponent = before.ends_with(|c: char| c.is_ascii_digit()) || unit;
            let numeric = label.len() <= LABEL_DIGITS && !label.starts_with('0');
            // Only the white space just before is read: searching back for the line's
            // start made a long paragraph of many superscripts quadratic.
            let opens_line = before
                .trim_end_matches(|c: char| c.is_whitespace() && c != '\n')
                .ends_with('\n');
            if numeric && !exponent && !opens_line {
                return Some((start..end, label));
            }
        }
    })
}

/// The labels of the `<sup>` numbers in `text` that are not an exponent.
fn sup_tag_refs(text: &str) -> impl Iterator<Item = &str> {
    let mut at = 0;
    std::iter::from_fn(move || {
        loop {
            let open = at + find_ascii_ci(&text[at..], "<sup")?;
            let after = &text[open + 4..];
            at = open + 4;
            if !after.starts_with('>') {
                continue;
            }
            let close = find_ascii_ci(after, "</sup")?;
            at += close;
            let exponent = text[..open].ends_with(|c: char| c.is_ascii_digit());
            if let Some(label) = sup_label(&after[1..close]).filter(|_| !exponent) {
                return Some(label);
            }
        }
    })
}

/// Where `needle` (ASCII, lower case) first occurs in `hay`, in any ASCII case.
fn find_ascii_ci(hay: &str, needle: &str) -> Option<usize> {
    hay.as_bytes()
        .windows(needle.len())
        .position(|w| w.eq_ignore_ascii_case(needle.as_bytes()))
}

#[cfg(test)]
mod tests {
    use crate::article::{BlockKind, Format, MarkKind, Place};
    use crate::parse::parse_str;

    const NOTES: &str = "The first programmes went out in 1927.<sup>1</sup> Later \
        ones followed.<sup>[2]</sup>\n\nA list of its own:\n\n1. one\n2. two\n\n## Notes\n\n\
        1. Robert Hughes, *The Shock of the New* (London: Thames, 1980), 187.\n\
        2. Ibid., 187–90.\n";

    #[test]
    fn a_numbered_list_under_notes_that_the_body_points_into_is_the_notes() {
        let a = parse_str(NOTES, Format::Markdown);
        let labels: Vec<_> = a.footnotes.iter().map(|f| f.label.as_str()).collect();
        assert_eq!(labels, ["1", "2"]);
        assert!(a.footnotes[1].text().starts_with("Ibid., 187–90"));
        assert!(a.footnotes.iter().all(|f| f.defined && f.refs.len() == 1));
        let first = &a.blocks[0];
        assert_eq!(
            first.text,
            "The first programmes went out in 1927.[1] Later ones followed.[2]"
        );
        let refs = first
            .marks
            .iter()
            .filter(|m| matches!(m.kind, MarkKind::FootnoteRef { .. }))
            .count();
        assert_eq!(refs, 2);
        // The list in the body stays a list, and the heading goes with its list.
        let items = a
            .blocks
            .iter()
            .filter(|b| matches!(b.kind, BlockKind::ListItem { .. }))
            .count();
        assert_eq!(items, 2);
        assert!(!a.blocks.iter().any(|b| b.text == "Notes"));
        let in_notes = a
            .citations
            .iter()
            .filter(|c| matches!(c.place, Place::Note { .. }))
            .count();
        assert_eq!(in_notes, 2, "{:?}", a.citations);
    }

    #[test]
    fn unicode_superscripts_point_into_the_notes_as_sup_tags_do() {
        let text = "The first programmes went out in *1927*.¹ A studio of 40 m² and \
            10⁶ listeners.²\n\n## Notes\n\n1. Robert Hughes, *The Shock of the New* \
            (London: Thames, 1980), 187.\n2. Ibid., 190.\n";
        let a = parse_str(text, Format::Markdown);
        assert_eq!(a.footnotes.len(), 2);
        let first = &a.blocks[0];
        // The superscripts stay as written; the unit's and the exponent's are no references.
        assert!(first.text.contains("1927.¹ A studio of 40 m² and 10⁶"));
        let refs: Vec<&str> = first
            .marks
            .iter()
            .filter(|m| matches!(m.kind, MarkKind::FootnoteRef { .. }))
            .map(|m| &first.text[m.range.clone()])
            .collect();
        assert_eq!(refs, ["¹", "²"]);
        assert!(a.footnotes.iter().all(|f| f.refs.len() == 1));
    }

    #[test]
    fn a_numbered_list_the_body_does_not_point_into_stays_a_list() {
        let text = "Squares: 10<sup>2</sup> and 10<sup>1</sup>.\n\n## Notes\n\n1. One.\n2. Two.\n";
        let a = parse_str(text, Format::Markdown);
        assert!(a.footnotes.is_empty());
        assert_eq!(a.blocks[0].text, "Squares: 102 and 101.");
        assert_eq!(a.blocks.last().map(|b| b.text.as_str()), Some("Two."));
    }

    #[test]
    fn a_numbered_list_under_another_heading_stays_a_list() {
        let text = "Step one.<sup>1</sup>\n\n## Steps\n\n1. Open it.\n2. Close it.\n";
        let a = parse_str(text, Format::Markdown);
        assert!(a.footnotes.is_empty());
        assert!(
            a.blocks
                .iter()
                .any(|b| matches!(b.kind, BlockKind::ListItem { .. }))
        );
    }

    #[test]
    fn the_list_the_body_points_into_is_the_notes_not_an_earlier_one() {
        let text = "Intro.\n\n## Notes\n\n1. Bring a pen.\n\nText.<sup>1</sup>\n\n\
            ## Notes\n\n1. The note.\n";
        let a = parse_str(text, Format::Markdown);
        assert_eq!(a.footnotes.len(), 1);
        assert_eq!(a.footnotes[0].text(), "The note.");
        assert!(a.blocks.iter().any(|b| b.text == "Bring a pen."));
    }

    #[test]
    fn notes_headings_in_other_words_and_languages() {
        for heading in ["Anmerkungen", "Notas", "References and notes", "ENDNOTES"] {
            let text = format!("Text.<sup>1</sup>\n\n{heading}\n--------\n\n1. A note.\n");
            let a = parse_str(&text, Format::Markdown);
            assert_eq!(a.footnotes.len(), 1, "{heading}");
            assert_eq!(a.footnotes[0].text(), "A note.", "{heading}");
        }
    }

    #[test]
    fn a_note_of_several_paragraphs_and_a_nested_list_is_one_note() {
        let text = "Text.<sup>1</sup> More.<sup>2</sup>\n\n**Notes**\n\n1. First part.\n\n   \
            Second part.\n\n   - a point\n2. Next note.\n\n## Bibliography\n\nEntry.\n";
        let a = parse_str(text, Format::Markdown);
        assert_eq!(a.footnotes.len(), 2);
        assert_eq!(a.footnotes[0].blocks.len(), 3);
        assert_eq!(a.footnotes[1].text(), "Next note.");
        let after: Vec<_> = a.blocks[1..].iter().map(|b| b.text.as_str()).collect();
        assert_eq!(after, ["Bibliography", "Entry."]);
    }
}
