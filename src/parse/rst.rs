//! reStructuredText section titles in a text file: a title underlined (and perhaps
//! overlined) with a run of one punctuation character.

/// An reStructuredText section adornment: one punctuation character repeated.
fn adornment(line: &str) -> Option<char> {
    let c = line.chars().next()?;
    let run = line.len() >= 3 && line.chars().all(|x| x == c);
    (run && "=-~^\"'`#*+:._".contains(c)).then_some(c)
}

/// A title underlined (and perhaps overlined) in reStructuredText style: the heading's
/// text, the lines it takes and its level. Levels follow the order in which the styles
/// first appear, as in reStructuredText, below the article's title.
pub fn underlined(lines: &[&str], styles: &mut Vec<(char, bool)>) -> Option<(String, usize, u8)> {
    let over = lines.first().and_then(|l| adornment(l));
    let (title, under, used) = match over {
        Some(c) if lines.len() >= 3 && adornment(lines[2]) == Some(c) => (lines[1], lines[2], 3),
        _ => (lines[0], *lines.get(1)?, 2),
    };
    let c = adornment(under)?;
    let title = title.trim();
    if title.is_empty() || adornment(title).is_some() || under.len() * 2 < title.chars().count() {
        return None;
    }
    let style = (c, used == 3);
    let at = styles.iter().position(|&s| s == style).unwrap_or_else(|| {
        styles.push(style);
        styles.len() - 1
    });
    Some((title.to_string(), used, (2 + at).min(6) as u8))
}
