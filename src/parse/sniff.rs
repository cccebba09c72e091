//! The format of text that came without a file name (standard input): an HTML page,
//! Markdown, or plain text, told from the text itself.

use crate::article::Format;

/// How much of the text is looked at: enough for many paragraphs of any kind.
const LOOK: usize = 64 * 1024;

/// Markdown marks a plain text almost never has (a heading line, a fence, a link, a
/// note definition) needed before text is read as Markdown; one could be chance.
const MARKS: usize = 2;

/// The format `text` is written in. A whole HTML page (doctype, `<html>`, `<head>` or
/// `<body>` near the start) is HTML; front matter, or at least two Markdown marks, make
/// Markdown; text that opens with a tag is HTML too (a fragment, as `pandoc -t html` or a
/// saved article body gives); anything else is plain text.
pub fn sniff(text: &str) -> Format {
    let head = &text[..floor_boundary(text, LOOK)];
    if is_html_page(head) {
        return Format::Html;
    }
    if has_front_matter(head) || markdown_marks(head) >= MARKS {
        return Format::Markdown;
    }
    if opens_with_tag(head) {
        return Format::Html;
    }
    Format::Text
}

/// Markdown marks in `head`, counted up to `MARKS`.
fn markdown_marks(head: &str) -> usize {
    let mut marks = 0;
    let mut fenced = false;
    let lines: Vec<&str> = head.lines().collect();
    let blank = |i: Option<usize>| {
        i.and_then(|i| lines.get(i))
            .is_none_or(|l| l.trim().is_empty())
    };
    for (i, line) in lines.iter().enumerate() {
        if line.starts_with("```") || line.starts_with("~~~") {
            // A fence counts once, when it closes.
            marks += usize::from(fenced);
            fenced = !fenced;
        } else if !fenced {
            // A heading stands alone between blank lines; a run of `#` lines is a
            // comment block (a list of test strings, a configuration file).
            let heading = is_atx_heading(line) && blank(i.checked_sub(1)) && blank(Some(i + 1));
            // A title heading on the very first line is as sure a sign as there is.
            let title = heading && lines[..i].iter().all(|l| l.trim().is_empty());
            marks += if title { MARKS } else { usize::from(heading) }
                + usize::from(is_definition(line))
                + inline_links(line);
        }
        if marks >= MARKS {
            break;
        }
    }
    marks
}

/// Whether the text starts with a tag, a comment or a declaration.
fn opens_with_tag(head: &str) -> bool {
    let mut chars = head.trim_start().chars();
    chars.next() == Some('<')
        && chars
            .next()
            .is_some_and(|c| c.is_ascii_alphabetic() || c == '!' || c == '?')
}

/// The largest char boundary at or below `at`.
fn floor_boundary(text: &str, at: usize) -> usize {
    let mut at = at.min(text.len());
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

/// A page, not a fragment: its first tag (after comments and an XML prolog) opens the
/// document, or a `<head>`/`<body>` turns up within the first lines.
fn is_html_page(head: &str) -> bool {
    let start = head.trim_start();
    if !start.starts_with('<') {
        return false;
    }
    let lower = start[..floor_boundary(start, 4096)].to_ascii_lowercase();
    ["<!doctype html", "<html", "<head", "<body"]
        .iter()
        .any(|tag| lower.contains(tag))
}

/// YAML (`---`) or TOML (`+++`) front matter with a `key:`/`key =` line, or a pandoc
/// title block (`% Title`).
fn has_front_matter(head: &str) -> bool {
    let mut lines = head.lines();
    match lines.next().map(str::trim_end) {
        Some(fence @ ("---" | "+++")) => {
            let sep = if fence == "---" { ':' } else { '=' };
            let mut keys = 0;
            for line in lines.take(60) {
                if line.trim_end() == fence {
                    return keys > 0;
                }
                let key = line.split(sep).next().unwrap_or("");
                if line.contains(sep)
                    && !key.is_empty()
                    && key
                        .trim()
                        .chars()
                        .all(|c| c.is_alphanumeric() || c == '_' || c == '-')
                {
                    keys += 1;
                }
            }
            false
        }
        Some(first) => first.starts_with("% ") && first.len() > 2,
        None => false,
    }
}

/// `# Title` … `###### Title` at the start of a line.
fn is_atx_heading(line: &str) -> bool {
    let hashes = line.bytes().take_while(|&b| b == b'#').count();
    (1..=6).contains(&hashes)
        && line[hashes..].starts_with([' ', '\t'])
        && !line[hashes..].trim().is_empty()
}

/// A link reference or footnote definition: `[label]: target`, `[^1]: text`.
fn is_definition(line: &str) -> bool {
    let Some(rest) = line.strip_prefix('[') else {
        return false;
    };
    rest.find("]:")
        .is_some_and(|end| end > 0 && !rest[..end].contains(']'))
}

/// Inline links and images: `[text](target)`, the target an address or a path (no
/// space, no quote), as in `[the map](https://example.org)` but not `f[0]("x")`.
fn inline_links(line: &str) -> usize {
    let mut count = 0;
    let mut rest = line;
    while let Some(at) = rest.find("](") {
        let text = rest[..at].rfind('[').map(|open| &rest[open + 1..at]);
        let target = &rest[at + 2..];
        let target = target.find(')').map(|end| &target[..end]);
        let is_link = text.is_some_and(|t| !t.trim().is_empty() && !t.contains(']'))
            && target.is_some_and(|t| {
                t.starts_with(|c: char| c.is_alphanumeric() || "/.#".contains(c))
                    && !t.contains(['"', '\'', ' ', '('])
            });
        count += usize::from(is_link);
        rest = &rest[at + 2..];
    }
    count
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pages_fragments_markdown_and_prose() {
        let page = "\n<!DOCTYPE html>\n<html lang=en><head><title>A</title></head><body><p>x</p>";
        assert_eq!(sniff(page), Format::Html);
        assert_eq!(
            sniff("<?xml version='1.0'?>\n<html xmlns='…'><body>x</body></html>"),
            Format::Html
        );
        let fragment = "<h1 dir='rtl'>Title</h1>\n<p>One.</p>\n<p>Two.</p>\n";
        assert_eq!(sniff(fragment), Format::Html);
        let mixed = "<!-- draft -->\n\n# Title\n\n<p>One.</p>\n\nSee [two](b.md).\n";
        assert_eq!(sniff(mixed), Format::Markdown, "Markdown that embeds HTML");
        let md = "# Field notes\n\nSee [the map](https://example.org/map) first.\n";
        assert_eq!(sniff(md), Format::Markdown);
        let titled = "\n# Field notes\n\nNothing else marked up.\n";
        assert_eq!(sniff(titled), Format::Markdown, "a title heading alone");
        let front = "---\ntitle: Tides\nauthor: A. Pennock\n---\n\nPlain words.\n";
        assert_eq!(sniff(front), Format::Markdown);
        assert_eq!(
            sniff("% The lantern test\n% Someone\n\nText.\n"),
            Format::Markdown
        );
        let notes = "Ferries ran late.[^1]\n\n[^1]: The harbour log, March.\n\n## Later\n";
        assert_eq!(sniff(notes), Format::Markdown);
    }

    #[test]
    fn prose_with_one_stray_mark_stays_text() {
        let prose = "THE ORCHARD\n\nBy a correspondent\n\nThe trees [sic] were old; \
                     the fence -- never mended -- leaned.\n\n# 3 is the plot number.\n";
        assert_eq!(sniff(prose), Format::Text);
        let rst = "Abstract\n========\n\nThis PEP proposes a module.\n\n.. _ref: x\n";
        assert_eq!(sniff(rst), Format::Text);
        let comments =
            "#\tReserved words\n#\n#\tWords a program may use\n\nnull\n\n#\tNumbers\n#\n\n1\n";
        assert_eq!(
            sniff(comments),
            Format::Text,
            "a block of # comments is not headings"
        );
        let code = "Notes\n\n```\n# not a heading\n[a](b) [c](d)\n```\n";
        assert_eq!(
            sniff(code),
            Format::Text,
            "marks inside a fence do not count, the fence alone is one"
        );
        assert_eq!(sniff("Less < more, and <b> is bold.\n"), Format::Text);
        let code = "x = f[0](\"/etc/passwd\") and g[1](y z)\n\nA [note](2) here.\n";
        assert_eq!(sniff(code), Format::Text, "only the last is a link");
        assert_eq!(sniff(""), Format::Text);
    }

    #[test]
    fn looks_only_at_the_start_without_splitting_a_character() {
        let long = "é".repeat(LOOK) + "\n# a\n# b\n";
        assert_eq!(sniff(&long), Format::Text);
    }
}
