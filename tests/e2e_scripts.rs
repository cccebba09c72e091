//! Every script on a real terminal (tmux): Arabic and Hebrew right to left, Devanagari,
//! Thai, CJK, emoji ZWJ sequences and stacked combining marks, nothing cut at the edge.

mod common;
use common::{Scratch, Tmux, asset, have_tmux};

/// A word as a terminal without bidi shows it once reordered: its letters reversed.
fn shown_rtl(word: &str) -> String {
    word.chars().rev().collect()
}

#[test]
fn every_script_is_shown_whole() {
    if !have_tmux() {
        return;
    }
    let home = Scratch::new("scripts");
    let t = Tmux::start(&home.0, &[&asset("tests/fixtures/scripts.md")], 100, 30);
    let s = t.wait_for("Scripts on one screen");
    let salam = shown_rtl("سلام");
    // The paragraph of forty words, every one of them whole, right-aligned.
    assert_eq!(s.matches(salam.as_str()).count(), 40, "{s}");
    let first = s.lines().find(|l| l.contains(salam.as_str())).unwrap();
    assert!(first.trim_end().ends_with(salam.as_str()), "{first:?}");
    for word in ["تناسي", "المكتبة", "للنشر", "לכולם", "באנגלית"] {
        assert!(s.contains(&shown_rtl(word)), "{word} missing:\n{s}");
    }
    // Mixed lines: the Latin word keeps its own order inside the reversed line.
    assert!(
        s.contains(&format!("Lectern {}", shown_rtl("המילה"))),
        "{s}"
    );
    for text in [
        "नमस्ते दुनिया।",
        "क्षत्रिय",
        "สวัสดีครับ",
        "ระหว่างคำ",
        "图书馆里很安静",
        "読書は静かな楽しみです",
        "👩\u{200d}🔬👩\u{200d}🔬",
        "👨\u{200d}👩\u{200d}👧,",
        "a\u{301}\u{316}\u{327}",
        "Z\u{335}\u{321}\u{31b} done.",
    ] {
        let squeezed: String = s.split_whitespace().collect();
        let want: String = text.split_whitespace().collect();
        assert!(squeezed.contains(&want), "{text:?} missing:\n{s}");
    }
    // Narrower, the words still come whole: forty of them over more lines.
    t.resize(48, 30);
    t.wait_until(
        |s| {
            let lines: Vec<&str> = s.lines().filter(|l| l.contains(salam.as_str())).collect();
            lines.len() > 3
                && lines
                    .iter()
                    .map(|l| l.matches(salam.as_str()).count())
                    .sum::<usize>()
                    == 40
        },
        "forty words on the narrower screen",
    );
    t.keys(&["q"]);
    assert_eq!(t.wait_exit(), 0);
}
