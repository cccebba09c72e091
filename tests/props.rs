//! Properties over random article-like text: layout never exceeds its width, sanitising
//! leaves no control character, and neither parsing nor layout panics.

use lectern::article::Format;
use lectern::layout::{Doc, Layout, Style};
use proptest::prelude::*;
use std::sync::Arc;
use unicode_width::UnicodeWidthStr;

/// Pieces that stress wrapping and parsing: words, CJK, wide and zero-width emoji sequences,
/// brackets, note references, citation-like parentheses, controls and line structure.
fn token() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => "[a-zA-Z]{1,12}",
        1 => "[a-z]{20,90}",
        2 => "[\u{4e00}-\u{4e40}\u{3041}-\u{3060}\u{ac00}-\u{ac40}]{1,12}",
        1 => prop::sample::select(vec![
            "😄", "👩‍🍳", "👨‍👩‍👧‍👦", "❤️", "✈️", "🏳️‍🌈", "🇰🇷", "☕", "e\u{301}", "\u{200d}", "\u{fe0f}",
            "ｶﾀｶﾅ", "Ｗｉｄｅ", "\u{ad}", "\u{200b}",
        ]).prop_map(str::to_string),
        1 => prop::sample::select(vec![
            "(", ")", "[", "]", "[1]", "[^a]", "[12]", "(Xinhua, May 4)", "(See China Brief, October 17, 2007)",
            "(Ostrom, 1990; Hardin 1968, p. 1244)", "(CCP)", "(1966-76)", "“", "”", "—", "–", "-", "by ",
            "See also", "Share", "06/08/2018, 12.57", "[1] ",
        ]).prop_map(str::to_string),
        1 => prop::sample::select(vec![
            "\u{1b}", "\u{1b}[2J", "\u{1b}]52;c;SGVsbG8=\u{7}", "\u{9b}", "\0", "\u{7}", "\u{202e}", "\u{2066}",
            "\u{7f}", "\u{85}", "\u{2028}", "\r", "\t", "\u{c}",
        ]).prop_map(str::to_string),
        2 => prop::sample::select(vec![" ", "  ", "\n", "\n\n", "\n    ", "\n> ", "\n- "]).prop_map(str::to_string),
    ]
}

fn article_text() -> impl Strategy<Value = String> {
    prop::collection::vec(token(), 0..160).prop_map(|v| {
        let mut s = String::new();
        for t in v {
            // Words need separating or everything fuses into one giant word.
            if !s.is_empty()
                && !s.ends_with([' ', '\n'])
                && t.chars().next().is_some_and(char::is_alphanumeric)
            {
                s.push(' ');
            }
            s.push_str(&t);
        }
        s
    })
}

/// Case count: the given default, or PROPTEST_CASES for a longer hunt.
fn cases(default: u32) -> u32 {
    std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(default)
}

/// Lays out the article at `width` and checks every line of every part.
fn check_widths(text: &str, width: u16) -> Result<(), TestCaseError> {
    let Ok(article) = lectern::parse::parse_bytes(text.as_bytes(), Format::Text) else {
        return Ok(());
    };
    let doc = Arc::new(Doc::new(Arc::new(article)));
    for justify in [false, true] {
        let layout = Layout::new(
            doc.clone(),
            Style {
                width,
                justify,
                hyphenate: justify,
                ..Style::default()
            },
        );
        for part in 0..layout.parts() {
            for line in layout.lines(part) {
                let shown = line.text();
                // Measured cluster by cluster, as the screen places them.
                let cols = lectern::layout::width::of(&shown);
                prop_assert!(
                    cols <= width as usize,
                    "width {width}, justify {justify}: {cols} columns: {shown:?}"
                );
            }
        }
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: cases(96), ..ProptestConfig::default() })]

    // Below 8 columns a list's hang and a two-column character cannot share a line: the
    // character is kept and overflows (it used to be cut off). The screen is at least 20.
    #[test]
    fn layout_lines_fit_the_width(text in article_text(), width in 8u16..=200) {
        check_widths(&text, width)?;
    }

    #[test]
    fn render_lines_fit_the_width(text in article_text(), width in 1u16..=200) {
        if let Ok(article) = lectern::parse::parse_bytes(text.as_bytes(), Format::Text) {
            let out = lectern::render::render(article, width, false);
            for line in out.lines() {
                prop_assert!(line.width() <= width as usize, "{width}: {line:?}");
                prop_assert!(!line.contains('\u{1b}'), "escape in {:?}", line);
            }
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: cases(512), ..ProptestConfig::default() })]

    #[test]
    fn sanitize_leaves_no_control_character(text in "(?s).{0,200}", extra in article_text()) {
        for input in [text, extra] {
            let out = lectern::decode::sanitize(&input);
            for c in out.chars() {
                prop_assert!(c == '\n' || !c.is_control(), "{c:?} survived in {out:?}");
                let bidi = matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}');
                prop_assert!(!bidi, "bidi control {:?} survived", c);
            }
            // `is_clean` judges one line of terminal text; sanitised text keeps its line ends.
            for line in out.split('\n') {
                prop_assert!(lectern::decode::is_clean(line), "{:?}", line);
            }
        }
    }

    /// The fast run-copying sanitiser agrees with the plain character-by-character rules.
    #[test]
    fn sanitize_matches_the_character_rules(text in "(?s)[a-z \\r\\n\\t\\x0c\\x00-\\x1f\\x7f-\\u{a0}\\u{ad}\\u{200b}\\u{202a}-\\u{202e}\\u{feff}é—😀]{0,80}") {
        let mut expected = String::new();
        let mut chars = text.chars().peekable();
        while let Some(c) = chars.next() {
            match c {
                '\n' => expected.push('\n'),
                '\r' if chars.peek() == Some(&'\n') => {}
                '\r' => expected.push('\n'),
                '\t' => expected.push_str("    "),
                '\u{0c}' => expected.push_str("\n\n"),
                '\u{feff}' | '\u{200b}' | '\u{00ad}' => {}
                c => expected.push(lectern::decode::neutralise(c)),
            }
        }
        prop_assert_eq!(lectern::decode::sanitize(&text), expected);
    }

    /// The byte-wise word count agrees with counting characters.
    #[test]
    fn word_count_matches_the_character_rules(text in "[a-z \\t\\n\\x0b\\x0c\\r\\u{85}\\u{a0}\\u{3000}\\u{2003}é漢字かな한😀-]{0,60}") {
        let mut words = 0;
        let mut in_word = false;
        for c in text.chars() {
            if lectern::article::is_cjk(c) {
                words += 1;
                in_word = false;
            } else if c.is_whitespace() {
                in_word = false;
            } else if !in_word {
                in_word = true;
                words += 1;
            }
        }
        prop_assert_eq!(lectern::article::count_words(&text), words);
    }

    #[test]
    fn parsing_never_panics(text in article_text(), bytes in prop::collection::vec(any::<u8>(), 0..400)) {
        let _ = lectern::parse::parse_bytes(text.as_bytes(), Format::Text);
        let _ = lectern::parse::parse_bytes(&bytes, Format::Text);
        // parse_str is public too, and must cope with text that was never sanitised.
        let _ = lectern::parse::parse_str(&text, Format::Text);
        let article = lectern::parse::parse_str(&lectern::decode::sanitize(&text), Format::Text);
        // Whatever was found must point at real text.
        for c in &article.citations {
            let block = article.block(c.place).expect("citation block");
            prop_assert!(block.text.get(c.range.clone()).is_some(), "bad range {:?}", c.range);
        }
        for f in &article.footnotes {
            for p in &f.refs {
                prop_assert!(article.block(p.place).is_some_and(|b| p.offset < b.text.len()));
            }
        }
    }
}
