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
    // Most text drawn is ASCII, where every byte but a CR before an LF is a cluster of its
    // own: segmenting it was a tenth of the time spent drawing a frame.
    let bytes =
        (s.is_ascii() && !s.contains("\r\n")).then(|| (0..s.len()).map(|i| (i, &s[i..=i], 1)));
    let graphemes = bytes
        .is_none()
        .then(|| s.grapheme_indices(true).map(|(i, g)| (i, g, cluster(g))));
    bytes
        .into_iter()
        .flatten()
        .chain(graphemes.into_iter().flatten())
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
    fn ascii_clusters_are_the_graphemes() {
        for s in [
            "",
            "plain words, and (p < 0.05).",
            "a\r\nb",
            "\r\r\n\n",
            "tab\there",
            "e\u{301}",
        ] {
            let slow: Vec<_> = s
                .grapheme_indices(true)
                .map(|(i, g)| (i, g, cluster(g)))
                .collect();
            assert_eq!(clusters(s).collect::<Vec<_>>(), slow, "{s:?}");
        }
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
