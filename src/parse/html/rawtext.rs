//! Scripts and style sheets emptied before the page is parsed. They are a third of a saved
//! page's bytes at the median and three quarters of some, the HTML tokenizer reads them a
//! character at a time, and no reader shows them. Structured data (`application/ld+json`)
//! is kept: the metadata reads it. The tags themselves stay, so the tree is the same.
//!
//! The scan follows the tokenizer where it matters: comments and the insides of tags are
//! skipped whole (a `<script>` in an attribute or a comment starts nothing), and a script's
//! end follows the escaped states of the HTML standard (`<!--` … `<script>` … `</script>`
//! inside a script does not end it).

/// The page with the contents of its scripts (other than JSON-LD) and style sheets removed.
pub fn elide(html: &str) -> std::borrow::Cow<'_, str> {
    let b = html.as_bytes();
    let mut out: Option<String> = None;
    let mut copied = 0;
    let mut i = 0;
    while let Some(at) = memchr(b'<', &b[i..]) {
        let lt = i + at;
        let rest = &b[lt..];
        if rest.starts_with(b"<!--") {
            i = find(b, lt + 4, b"-->").map_or(b.len(), |e| e + 3);
            continue;
        }
        let Some(tag_end) = tag_end(b, lt) else {
            i = lt + 1;
            continue;
        };
        let raw = if starts_tag(rest, b"script") {
            Some(Raw::Script)
        } else if starts_tag(rest, b"style") {
            Some(Raw::Style)
        } else {
            None
        };
        i = tag_end;
        let Some(raw) = raw else {
            continue;
        };
        let keep = raw == Raw::Script && is_data(&html[lt..tag_end]);
        let close = match raw {
            Raw::Script => script_end(b, tag_end),
            Raw::Style => find_close(b, tag_end, b"style"),
        };
        let Some(close) = close else {
            // An element never closed runs to the end of the page, as it does for the parser.
            if !keep {
                let o = out.get_or_insert_with(|| String::with_capacity(html.len()));
                o.push_str(&html[copied..tag_end]);
                copied = b.len();
            }
            break;
        };
        if !keep && close > tag_end {
            let o = out.get_or_insert_with(|| String::with_capacity(html.len()));
            o.push_str(&html[copied..tag_end]);
            copied = close;
        }
        i = close;
    }
    match out {
        None => std::borrow::Cow::Borrowed(html),
        Some(mut o) => {
            o.push_str(&html[copied..]);
            std::borrow::Cow::Owned(o)
        }
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Raw {
    Script,
    Style,
}

/// Whether `rest` opens the tag `name` (`<script`, then white space, `/` or `>`).
fn starts_tag(rest: &[u8], name: &[u8]) -> bool {
    rest.len() > name.len() + 1
        && rest[1..=name.len()].eq_ignore_ascii_case(name)
        && matches!(
            rest[name.len() + 1],
            b' ' | b'\t' | b'\n' | b'\r' | b'\x0c' | b'/' | b'>'
        )
}

/// Where an opening tag at `lt` ends (after its `>`), quotes in attribute values honoured;
/// `None` when `<` does not open a tag.
fn tag_end(b: &[u8], lt: usize) -> Option<usize> {
    if !b.get(lt + 1).is_some_and(u8::is_ascii_alphabetic) {
        return None;
    }
    // Jumps from quote to quote: every tag of the page comes here.
    let mut k = lt + 1;
    loop {
        let at = k + memchr::memchr3(b'>', b'"', b'\'', &b[k..])?;
        let c = b[at];
        if c == b'>' {
            return Some(at + 1);
        }
        // A quote opens a value only after `=`.
        k = if b[..at].iter().rev().find(|c| !c.is_ascii_whitespace()) == Some(&b'=') {
            at + 1 + memchr(c, &b[at + 1..])? + 1
        } else {
            at + 1
        };
    }
}

/// Whether a script tag's type is structured data that the metadata reads.
fn is_data(tag: &str) -> bool {
    tag.to_ascii_lowercase().contains("ld+json")
}

/// Where `</name` (followed by white space, `/` or `>`) starts, from `from` on.
fn find_close(b: &[u8], from: usize, name: &[u8]) -> Option<usize> {
    let mut i = from;
    while let Some(at) = memchr(b'<', &b[i..]) {
        let lt = i + at;
        if b.get(lt + 1) == Some(&b'/') && starts_tag(&b[lt + 1..], name) {
            return Some(lt);
        }
        i = lt + 1;
    }
    None
}

/// Where a script's content ends: its `</script`, with the standard's escaped and
/// double-escaped states for `<!--` and a `<script>` written inside it.
fn script_end(b: &[u8], from: usize) -> Option<usize> {
    #[derive(PartialEq)]
    enum State {
        Data,
        Escaped,
        DoubleEscaped,
    }
    let mut state = State::Data;
    let mut i = from;
    while i < b.len() {
        let rest = &b[i..];
        match rest[0] {
            b'<' if rest.get(1) == Some(&b'/') && starts_tag(&rest[1..], b"script") => {
                if state == State::DoubleEscaped {
                    state = State::Escaped;
                } else {
                    return Some(i);
                }
            }
            b'<' if rest.starts_with(b"<!--") && state == State::Data => {
                state = State::Escaped;
                i += 4;
                continue;
            }
            b'<' if state == State::Escaped && starts_tag(rest, b"script") => {
                state = State::DoubleEscaped;
            }
            b'-' if rest.starts_with(b"-->") && state != State::Data => state = State::Data,
            _ => {}
        }
        i += 1;
    }
    None
}

use memchr::memchr;

fn find(b: &[u8], from: usize, needle: &[u8]) -> Option<usize> {
    memchr::memmem::find(b.get(from..)?, needle).map(|p| from + p)
}

#[cfg(test)]
mod tests {
    use super::elide;

    #[test]
    fn scripts_and_styles_are_emptied_but_their_tags_stay() {
        let page = "<p>a</p><script>var x = '<p>not text</p>';</script><style>p{}</style><p>b</p>";
        assert_eq!(
            elide(page),
            "<p>a</p><script></script><style></style><p>b</p>"
        );
    }

    #[test]
    fn structured_data_is_kept() {
        let page = r#"<script type="application/ld+json">{"a":1}</script>"#;
        assert_eq!(elide(page), page);
    }

    #[test]
    fn a_script_tag_in_an_attribute_or_a_comment_starts_nothing() {
        let page = r#"<div data-x="<script>"><!-- <script> --><p>kept</p></div>"#;
        assert_eq!(elide(page), page);
    }

    #[test]
    fn an_escaped_script_inside_a_script_does_not_end_it() {
        let page =
            r#"<script><!-- document.write("<script>x()</script>"); --></script><p>after</p>"#;
        assert_eq!(elide(page), "<script></script><p>after</p>");
    }

    #[test]
    fn the_end_tag_is_case_blind_and_may_carry_space() {
        assert_eq!(
            elide("<SCRIPT>a</Script ><p>b</p>"),
            "<SCRIPT></Script ><p>b</p>"
        );
        assert_eq!(elide("<script>never closed"), "<script>");
    }

    #[test]
    fn a_page_without_scripts_is_not_copied() {
        assert!(matches!(
            elide("<p>plain</p>"),
            std::borrow::Cow::Borrowed(_)
        ));
    }
}
