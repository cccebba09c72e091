//! A line of context around a match: a window of the paragraph cut at word boundaries,
//! on one line, safe to print.

use crate::decode::neutralise;
use std::ops::Range;
use unicode_width::UnicodeWidthChar;

/// A match shown in its context.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Snippet {
    /// One line: breaks and tabs made spaces, control characters made visible.
    pub text: String,
    /// Where the match is in `text` (bytes).
    pub mark: Range<usize>,
}

fn cols(c: char) -> usize {
    c.width().unwrap_or(0)
}

/// About `width` columns of `text` around the match at `hit` (bytes), the match a third of
/// the way in when there is room after it (further in when there is not), cut at spaces
/// and marked `…` where cut.
pub fn snippet(text: &str, hit: Range<usize>, width: usize) -> Snippet {
    let width = width.max(12);
    let hit = hit.start.min(text.len())..hit.end.min(text.len());
    let hit_cols: usize = text[hit.clone()].chars().map(cols).sum();
    // A third of the room goes before the match, or all that the text after it leaves.
    let tail: usize = text[hit.end..].chars().take(width).map(cols).sum();
    let room = width.saturating_sub(hit_cols);
    let lead = (room / 3).max(room.saturating_sub(tail + 2));
    // Back from the match, `lead` columns at most, then forward to a word's start.
    let mut start = hit.start;
    let mut used = 0;
    for (i, c) in text[..hit.start].char_indices().rev() {
        used += cols(c);
        if used > lead {
            break;
        }
        start = i;
    }
    let mid_word = |at: usize| {
        text[..at]
            .chars()
            .next_back()
            .is_some_and(|c| !c.is_whitespace())
            && text[at..]
                .chars()
                .next()
                .is_some_and(|c| !c.is_whitespace())
    };
    if mid_word(start)
        && let Some(sp) = text[start..hit.start].find(char::is_whitespace)
    {
        start += sp;
    }
    while let Some(c) = text[start..hit.start].chars().next() {
        if !c.is_whitespace() {
            break;
        }
        start += c.len_utf8();
    }
    let cut_front = !text[..start].trim().is_empty();
    // Forward to the width, then back to a word's end if that leaves the match whole.
    let room = width.saturating_sub(usize::from(cut_front) + 1);
    let mut end = start;
    let mut used = 0;
    for (i, c) in text[start..].char_indices() {
        used += cols(c);
        if used > room {
            break;
        }
        end = start + i + c.len_utf8();
    }
    if mid_word(end)
        && let Some(sp) = text[hit.end.min(end)..end].rfind(char::is_whitespace)
    {
        end = hit.end.min(end) + sp;
    }
    let cut_back = !text[end..].trim().is_empty();
    let mut out = String::new();
    let mut mark = 0..0;
    if cut_front {
        out.push('…');
    }
    let mut last_space = true;
    for (i, c) in text[start..end].char_indices() {
        let at = start + i;
        if at == hit.start {
            mark.start = out.len();
        }
        if at == hit.end {
            mark.end = out.len();
        }
        if c.is_whitespace() {
            // One space for a run, except inside the match, which keeps its length.
            if !last_space || (at >= hit.start && at < hit.end) {
                out.push(' ');
            }
            last_space = true;
        } else {
            out.push(neutralise(c));
            last_space = false;
        }
    }
    if hit.end >= end {
        mark.end = out.len();
    }
    if hit.start >= end {
        mark.start = out.len();
    }
    let trimmed = out.trim_end().len();
    out.truncate(trimmed);
    mark.end = mark.end.min(out.len());
    mark.start = mark.start.min(mark.end);
    if cut_back {
        out.push('…');
    }
    Snippet { text: out, mark }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(text: &str, word: &str, width: usize) -> (String, String) {
        let i = text.find(word).unwrap();
        let s = snippet(text, i..i + word.len(), width);
        let marked = s.text[s.mark.clone()].to_string();
        (s.text, marked)
    }

    #[test]
    fn a_short_paragraph_is_shown_whole() {
        let (text, mark) = at("The gas field lies offshore.", "gas field", 60);
        assert_eq!(text, "The gas field lies offshore.");
        assert_eq!(mark, "gas field");
    }

    #[test]
    fn a_short_paragraph_is_shown_whole_wherever_the_match_is() {
        let caption = "The pier at dusk, seen from the marram dunes.";
        let (text, mark) = at(caption, "marram", 100);
        assert_eq!(text, caption);
        assert_eq!(mark, "marram");
    }

    #[test]
    fn a_match_near_the_end_takes_the_room_after_it_before_it() {
        let para = "one two three four five six seven eight nine ten eleven twelve \
                    thirteen fourteen fifteen sixteen seventeen the end";
        let (text, mark) = at(para, "end", 40);
        assert_eq!(mark, "end");
        assert!(text.ends_with("the end"), "{text}");
        let w = text.chars().count();
        assert!((30..=40).contains(&w), "the line is used: {w} {text}");
    }

    #[test]
    fn a_long_paragraph_is_cut_at_words_around_the_match() {
        let para = "One two three four five six seven eight nine ten eleven twelve \
                    thirteen fourteen fifteen the Chunxiao gas field sixteen seventeen \
                    eighteen nineteen twenty twenty-one twenty-two twenty-three";
        let (text, mark) = at(para, "Chunxiao", 50);
        assert_eq!(mark, "Chunxiao");
        assert!(text.starts_with('…') && text.ends_with('…'), "{text}");
        assert!(text.chars().count() <= 50, "{text}");
        let inner = text.trim_matches('…');
        assert!(para.contains(inner), "whole words only: {inner:?}");
        assert!(text.find("Chunxiao").unwrap() < 25, "{text}");
    }

    #[test]
    fn breaks_and_controls_never_reach_the_line() {
        let (text, mark) = at("a\nfirst\x1b[31m line\tand the\n\nmatch here", "match", 80);
        assert_eq!(text, "a first␛[31m line and the match here");
        assert_eq!(mark, "match");
    }

    #[test]
    fn a_match_longer_than_the_line_is_cut() {
        let long = "x".repeat(100);
        let s = snippet(&long, 0..100, 20);
        assert!(s.text.chars().count() <= 20);
        assert_eq!(s.mark.start, 0);
        assert!(s.mark.end > 10);
    }

    #[test]
    fn wide_characters_count_two_columns() {
        let text = "中文".repeat(40) + "目标" + &"中文".repeat(40);
        let (line, mark) = at(&text, "目标", 30);
        assert_eq!(mark, "目标");
        let w: usize = line.chars().map(cols).sum();
        assert!(w <= 30, "{w}: {line}");
    }
}
