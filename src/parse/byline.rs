//! Bylines and publication dates written as body text near the top ("Contributed by …",
//! "Publication date: …"), moved into the metadata.

use super::frontmatter::{date_info, split_authors};
use crate::article::{Article, BlockKind};
use crate::pattern::Pattern;
use std::sync::LazyLock;

// Lengths are checked in code, not as `.{1,300}` in the patterns: each bounded repeat
// compiles that many copies, which the first parse would wait for.
/// Longest byline names, in characters.
const NAMES_MAX: usize = 301;
/// Longest date after "Published:" and the like, in characters.
const DATE_MAX: usize = 41;
static BY: LazyLock<Pattern> = LazyLock::new(|| {
    Pattern::new(
        r"^(?i:(?:contributed|written|posted|words|reported)\s+by|by)\s*:?\s+(?P<names>\p{Lu}.+)$",
    )
});
static DATE: LazyLock<Pattern> = LazyLock::new(|| {
    Pattern::new(
        r"^(?i:publication\s+date|published(?:\s+on)?|posted\s+on|date)\s*:?\s+(?P<date>\S.{3,})$",
    )
});

/// Looks at the first few blocks for a byline or date line the metadata lacks.
pub fn from_body(article: &mut Article) {
    let mut i = 0;
    while i < article.blocks.len().min(6) {
        let b = &article.blocks[i];
        if !matches!(b.kind, BlockKind::Paragraph | BlockKind::Heading { .. }) {
            i += 1;
            continue;
        }
        let text = b.text.trim();
        if article.meta.authors.is_empty()
            && let Some(c) = BY.captures(text)
            && c["names"].chars().count() <= NAMES_MAX
        {
            // "By Lena Kowalski, 28 July 2008": the date rides along with the names.
            let (dates, names): (Vec<String>, Vec<String>) = split_authors(&c["names"])
                .into_iter()
                .partition(|p| crate::dates::is_date_line(p));
            article.meta.authors = names;
            if article.meta.date.is_none()
                && let Some(d) = dates.first()
            {
                article.meta.date = Some(date_info(d));
            }
        } else if article.meta.date.is_none()
            && let Some(c) = DATE.captures(text)
            && c["date"].chars().count() <= DATE_MAX
        {
            article.meta.date = Some(date_info(&c["date"]));
        } else {
            i += 1;
            continue;
        }
        let gone = article.blocks.remove(i);
        article.removed.push(gone.text);
    }
}

#[cfg(test)]
mod tests {
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
}
