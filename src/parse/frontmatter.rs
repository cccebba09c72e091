//! Front matter: the few keys Lectern needs from YAML (`---`), TOML (`+++`) and pandoc
//! (`% title`) headers. A full YAML parser would buy nothing for title, author and date.

use crate::article::{DateInfo, Meta};

/// Title, authors and date read from a header.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct FrontMatter {
    /// The `title` value.
    pub title: Option<String>,
    /// `author` / `authors`, as a string or a list.
    pub authors: Vec<String>,
    /// `date` (or `created`, `published`).
    pub date: Option<String>,
    /// `lang` / `language`.
    pub language: Option<String>,
}

impl FrontMatter {
    /// Copies what was found into the article's metadata, leaving the rest as it is.
    pub fn apply(self, meta: &mut Meta) {
        if self.title.is_some() {
            meta.title = self.title;
        }
        if !self.authors.is_empty() {
            meta.authors = self.authors;
        }
        if let Some(text) = self.date {
            meta.date = Some(date_info(&text));
        }
        if self.language.is_some() {
            meta.language = self.language;
        }
    }

    fn set(&mut self, key: &str, values: Vec<String>) {
        let values: Vec<String> = values.into_iter().filter(|v| !v.is_empty()).collect();
        let Some(first) = values.first().cloned() else {
            return;
        };
        match key.to_ascii_lowercase().as_str() {
            "title" => self.title = Some(first),
            "lang" | "language" => self.language = Some(first),
            "author" | "authors" | "creator" | "by" if self.authors.is_empty() => {
                self.authors = values.iter().flat_map(|v| split_authors(v)).collect();
            }
            "date" | "created" | "published" | "pubdate" | "publishdate" if self.date.is_none() => {
                self.date = Some(first)
            }
            _ => {}
        }
    }
}

/// A date as written, with its ISO form when it starts with one.
pub fn date_info(text: &str) -> DateInfo {
    let text = text.trim().to_string();
    let iso = text
        .get(..10)
        .filter(|d| is_iso_date(d))
        .map(str::to_string);
    DateInfo { text, iso }
}

fn is_iso_date(d: &str) -> bool {
    let b = d.as_bytes();
    b.len() == 10
        && b[4] == b'-'
        && b[7] == b'-'
        && b.iter()
            .enumerate()
            .all(|(i, c)| i == 4 || i == 7 || c.is_ascii_digit())
}

/// Splits a byline into names: `;`, ` and `, `&`, and commas between full names; drops
/// handles and addresses (`(@name)`, `<mail>`) and a leading "by".
pub fn split_authors(text: &str) -> Vec<String> {
    let t = text.trim();
    let t = t
        .strip_prefix("By ")
        .or_else(|| t.strip_prefix("by "))
        .or_else(|| t.strip_prefix("BY "))
        .unwrap_or(t);
    let mut parts: Vec<String> = Vec::new();
    for part in t.split(';') {
        let pieces: Vec<&str> = part.split(',').map(str::trim).collect();
        // "Jong, Michiel de" is one name written surname first; "A B, C D" is two.
        let commas_separate =
            pieces.len() > 1 && pieces.iter().all(|p| p.contains(' ') || p.contains('@'));
        let pieces = if commas_separate {
            pieces
        } else {
            vec![part.trim()]
        };
        for piece in pieces {
            for name in piece.split(" and ").flat_map(|p| p.split(" & ")) {
                let name = strip_handles(name.trim().trim_start_matches("and "));
                if !name.is_empty() {
                    parts.push(name);
                }
            }
        }
    }
    parts
}

fn strip_handles(name: &str) -> String {
    let mut out = String::new();
    let mut depth = 0;
    let mut chars = name.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '<' => depth += 1,
            '>' if depth > 0 => depth -= 1,
            '(' if chars.peek() == Some(&'@') => depth += 1,
            ')' if depth > 0 => depth -= 1,
            _ if depth == 0 => out.push(c),
            _ => {}
        }
    }
    out.trim().trim_end_matches([',', '.']).trim().to_string()
}

fn unquote(v: &str) -> String {
    let v = v.trim();
    for q in ['"', '\''] {
        if let Some(inner) = v.strip_prefix(q).and_then(|r| r.strip_suffix(q)) {
            return inner.to_string();
        }
    }
    v.to_string()
}

/// `[a, "b"]` as a list, anything else as one value.
fn values(v: &str) -> Vec<String> {
    let v = v.trim();
    match v.strip_prefix('[').and_then(|r| r.strip_suffix(']')) {
        Some(inner) => inner.split(',').map(unquote).collect(),
        None => vec![unquote(v)],
    }
}

/// Reads `key: value` lines and `- item` lists under an empty key.
pub fn yaml(src: &str) -> FrontMatter {
    let mut fm = FrontMatter::default();
    let mut pending: Option<(String, Vec<String>)> = None;
    for line in src.lines() {
        let indented = line.starts_with([' ', '\t', '-']);
        let t = line.trim();
        if indented {
            if let (Some((_, list)), Some(item)) = (&mut pending, t.strip_prefix("- ")) {
                let item = item.trim();
                // `- name: X` items carry the name as a field.
                let item = item.strip_prefix("name:").unwrap_or(item);
                list.push(unquote(item));
            }
            continue;
        }
        if let Some((key, list)) = pending.take() {
            fm.set(&key, list);
        }
        let Some((key, value)) = t.split_once(':') else {
            continue;
        };
        if value.trim().is_empty() {
            pending = Some((key.trim().to_string(), Vec::new()));
        } else {
            fm.set(key.trim(), values(value));
        }
    }
    if let Some((key, list)) = pending {
        fm.set(&key, list);
    }
    fm
}

/// Reads `key = value` lines.
pub fn toml(src: &str) -> FrontMatter {
    let mut fm = FrontMatter::default();
    for line in src.lines() {
        if let Some((key, value)) = line.split_once('=') {
            fm.set(key.trim(), values(value));
        }
    }
    fm
}

/// A pandoc title block (`% Title`, `% A; B`, `% date`) at the very start, and the text after it.
pub fn pandoc_title_block(text: &str) -> (Option<FrontMatter>, &str) {
    if !text.starts_with('%') {
        return (None, text);
    }
    let mut rest = text;
    let mut fields = Vec::new();
    while let Some(line) = rest.strip_prefix('%') {
        let end = line.find('\n').map_or(line.len(), |i| i + 1);
        fields.push(line[..end].trim().to_string());
        rest = &line[end..];
        if fields.len() == 3 {
            break;
        }
    }
    let mut fm = FrontMatter::default();
    let mut fields = fields.into_iter();
    fm.set("title", vec![fields.next().unwrap_or_default()]);
    if let Some(a) = fields.next() {
        fm.authors = a
            .split(';')
            .map(|s| s.trim().to_string())
            .filter(|s| !s.is_empty())
            .collect();
    }
    fm.set("date", vec![fields.next().unwrap_or_default()]);
    (Some(fm), rest)
}

/// An RFC 822-style header (`Title: …`, `Author: …`, as PEPs and RFC drafts open), and the
/// text after it. Only a header with a `Title` field counts.
pub fn mail_header(text: &str) -> Option<(FrontMatter, &str)> {
    let end = text.find("\n\n").unwrap_or(text.len());
    let head = &text[..end];
    let first = head.lines().next()?;
    let key = first.split_once(": ")?.0;
    if key.is_empty() || !key.chars().all(|c| c.is_ascii_alphanumeric() || c == '-') {
        return None;
    }
    let fm = yaml(head);
    fm.title.is_some().then(|| (fm, &text[end..]))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn yaml_scalars_and_lists() {
        let fm = yaml(
            "title: \"A Walk: Notes\"\nauthors:\n  - Ana Ruiz\n  - 'Bo Chen'\ndate: 2021-04-09\n",
        );
        assert_eq!(fm.title.as_deref(), Some("A Walk: Notes"));
        assert_eq!(fm.authors, ["Ana Ruiz", "Bo Chen"]);
        assert_eq!(fm.date.as_deref(), Some("2021-04-09"));
        assert_eq!(
            yaml("author: [Ana Ruiz, Bo Chen]").authors,
            ["Ana Ruiz", "Bo Chen"]
        );
    }

    #[test]
    fn toml_lines() {
        let fm =
            toml("title = \"Tides\"\nauthors = [\"Ana Ruiz\", \"Bo Chen\"]\ndate = 2020-02-01");
        assert_eq!(fm.title.as_deref(), Some("Tides"));
        assert_eq!(fm.authors.len(), 2);
    }

    #[test]
    fn authors_split_and_handles_dropped() {
        assert_eq!(
            split_authors("Jo Marsh (@jmarsh), Lee Park <lee@example.org>"),
            ["Jo Marsh", "Lee Park"]
        );
        assert_eq!(split_authors("Park, Lee"), ["Park, Lee"]);
        assert_eq!(
            split_authors("By A One, B Two and C Three"),
            ["A One", "B Two", "C Three"]
        );
    }

    #[test]
    fn mail_header_fields() {
        let (fm, rest) = mail_header(
            "PEP: 9\nTitle: Tidy Tides\nAuthor: Ana Ruiz <ana@example.org>\n\nAbstract",
        )
        .unwrap();
        assert_eq!(
            (fm.title.as_deref(), fm.authors.as_slice()),
            (Some("Tidy Tides"), &["Ana Ruiz".to_string()][..])
        );
        assert_eq!(rest.trim(), "Abstract");
        assert!(mail_header("Dear all: hello\n\nText").is_none());
    }

    #[test]
    fn pandoc_block() {
        let (fm, rest) = pandoc_title_block("% Tides\n% Ana Ruiz; Bo Chen\n% May 3, 2019\n\nBody");
        let fm = fm.unwrap();
        assert_eq!(fm.authors, ["Ana Ruiz", "Bo Chen"]);
        assert_eq!(rest.trim(), "Body");
    }
}
