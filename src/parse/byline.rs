//! Bylines and publication dates written as body text near the top ("Contributed by …",
//! "Publication date: …"), moved into the metadata.

use super::frontmatter::{date_info, split_authors};
use crate::article::{Article, BlockKind};
use crate::pattern::Pattern;
use std::sync::LazyLock;

// Lengths are checked in code, not as `.{1,300}` in the patterns: each bounded repeat
// compiles that many copies, which the first parse would wait for.
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
            && c["names"].chars().count() <= 301
        {
            article.meta.authors = split_authors(&c["names"]);
        } else if article.meta.date.is_none()
            && let Some(c) = DATE.captures(text)
            && c["date"].chars().count() <= 41
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

/// Compiles this module's patterns now, so that the first parse does not wait for them.
pub(crate) fn warm_up() {
    for re in [&BY, &DATE] {
        LazyLock::force(re);
    }
}
