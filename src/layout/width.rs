//! The one measure of text on screen. Layout, wrapping, cutting and drawing all count
//! columns here, by grapheme cluster, exactly as ratatui's buffer places them.
//!
//! Measuring a whole string with `unicode-width` is not the same thing: it counts the
//! Arabic lam–alef pair as one column, though a terminal (and ratatui, cluster by
//! cluster) gives it two, so lines that fit on paper lost their last letters on screen.

use unicode_segmentation::UnicodeSegmentation;
use unicode_width::UnicodeWidthStr;

/// Columns one grapheme cluster takes.
pub fn cluster(g: &str) -> usize {
    if g.len() == 1 {
        return 1;
    }
    // ratatui's rule: halfwidth (semi-)voiced sound marks are Grapheme_Extend, so
    // unicode-width gives them no width, but terminals draw each in a cell of its own.
    let marks = g
        .chars()
        .filter(|c| matches!(c, '\u{ff9e}' | '\u{ff9f}'))
        .count();
    g.width() + marks
}

/// Columns a string takes: the sum of its clusters.
pub fn of(s: &str) -> usize {
    if s.is_ascii() {
        return s.len();
    }
    s.graphemes(true).map(cluster).sum()
}

/// The grapheme clusters of `s`: byte offset, text and width of each.
pub fn clusters(s: &str) -> impl Iterator<Item = (usize, &str, usize)> {
    s.grapheme_indices(true).map(|(i, g)| (i, g, cluster(g)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lam_alef_is_two_columns() {
        // The pair the whole-string measure calls one column.
        assert_eq!(of("\u{644}\u{627}"), 2);
        assert_eq!(of("سلام"), 4);
    }

    #[test]
    fn clusters_keep_their_marks() {
        let g: Vec<_> = clusters("e\u{301}\u{302}x👨\u{200d}👩\u{200d}👧").collect();
        assert_eq!(g.len(), 3);
        assert_eq!(g[0], (0, "e\u{301}\u{302}", 1));
        assert_eq!(g[2].2, 2);
        assert_eq!(of("書道"), 4);
    }
}
