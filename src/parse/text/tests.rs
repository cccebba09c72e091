//! The plain-text parser's tests.

use super::*;
use proptest::prelude::*;

#[test]
fn a_reference_list_one_entry_a_line_is_one_block_an_entry() {
    let a = parse(
        "Title\n\nBody text (Aldred, 2021).\n\nReferences\n\n\
         Aldred, R. (2021) Pop-up lanes. Active Travel 1: 40–58.\n\
         Department for Transport (2020) Walking Statistics. London: DfT.\n\
         Sustrans (2022) Bike Life. Bristol: Sustrans.\n\
         Winters, M. (forthcoming) Who stays on the bike? Cycling Research.\n\
         van der Berg, T. and de la Rosa, M. (2019) Lanes. Delft: Polder.\n",
    );
    let texts: Vec<&str> = a.blocks.iter().map(|b| b.text.as_str()).collect();
    assert_eq!(texts.len(), 7, "{texts:?}");
    assert!(texts[6].starts_with("van der Berg"), "{texts:?}");
    assert!(texts[3].starts_with("Department"), "{texts:?}");
    // Prose wrapped under such a heading stays one paragraph.
    let a = parse("Title\n\nBody.\n\nSources\n\nWe read the minutes\nof 1901 and 1902.\n");
    assert_eq!(
        a.blocks.last().unwrap().text,
        "We read the minutes of 1901 and 1902."
    );
}

#[test]
fn a_list_heading_on_the_line_above_its_entries_is_a_heading() {
    let a = parse(
        "Title\n\nBody text (Ostler, 2016).\n\nWorks cited\n\
         Ostler, J. (2016). Ferries. Leith: Firth Press.\n\
         Port of Leith Authority (2019). Annual Report. Leith: PLA.\n\
         van Dijk, H. (2020). Harbour Lights. Delft: Kade.\n",
    );
    let kinds: Vec<(bool, &str)> = a
        .blocks
        .iter()
        .map(|b| (matches!(b.kind, BlockKind::Heading { .. }), b.text.as_str()))
        .collect();
    assert_eq!(kinds.len(), 5, "{kinds:?}");
    assert_eq!(kinds[1], (true, "Works cited"));
    assert!(kinds[3].1.starts_with("Port of Leith"), "{kinds:?}");
    // A paragraph that only begins with such a word is prose.
    let a = parse("Title\n\nBody.\n\nSources\nclose to the council say 1901.\n");
    assert_eq!(a.blocks.len(), 2);
}

#[test]
fn a_first_paragraph_that_cites_is_no_standfirst() {
    let a = parse(
        "The Garden City\n\nBy Helen Strand\n\nHoward (1898) imagined a ring of towns.\n\nMore.\n",
    );
    assert_eq!(a.meta.summary, None);
    assert_eq!(a.blocks[0].text, "Howard (1898) imagined a ring of towns.");
    let a = parse("The Garden City\n\nBy Helen Strand\n\nA short standfirst.\n\nMore.\n");
    assert_eq!(a.meta.summary.as_deref(), Some("A short standfirst."));
}

/// The note patterns `note_def` and `note_refs` replaced (digits ASCII).
const OLD_NOTE_DEF: &str =
    r"^\[(?:\^(?P<named>[^\]\s]+)|(?P<num>[0-9]{1,3}))\]:?\s+(?P<text>\S.*)$";
const OLD_NOTE_REF: &str = r"\[(?:\^(?P<named>[^\]\s]+)|(?P<num>[0-9]{1,3}))\]";

fn label(c: &regex::Captures) -> String {
    c.name("named")
        .or(c.name("num"))
        .unwrap()
        .as_str()
        .to_string()
}

fn fits(c: &regex::Captures) -> bool {
    c.name("named")
        .is_none_or(|m| m.as_str().chars().count() <= LABEL_MAX)
}

/// Text with note marks, well formed or not.
fn marks() -> impl Strategy<Value = String> {
    let part = prop::sample::select(vec![
        "[1]",
        "[12] ",
        "[123]",
        "[1234]",
        "[^a]",
        "[^note-1]: ",
        "[^]",
        "[^a b]",
        "[^a]]",
        "[",
        "]",
        "^",
        " ",
        "text ",
        ":",
        "\t",
        "\n",
        "[[2]",
        "[^é]",
        "[x]",
        "[0]",
        "[^aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa]",
    ]);
    prop::collection::vec(part, 1..8).prop_map(|p| p.concat())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]
    #[test]
    fn note_marks_agree_with_the_patterns_they_replaced(t in marks()) {
        static RE: LazyLock<[regex::Regex; 2]> = LazyLock::new(|| {
            [OLD_NOTE_DEF, OLD_NOTE_REF].map(|p| regex::Regex::new(p).unwrap())
        });
        let [def, mark] = &*RE;
        let old = def
            .captures(&t)
            .filter(fits)
            .map(|c| (label(&c), c["text"].to_string()));
        let new = note_def(&t).map(|(l, text)| (l.to_string(), text.to_string()));
        prop_assert_eq!(new, old, "definition {:?}", t);
        let old: Vec<_> = mark
            .captures_iter(&t)
            .filter(fits)
            .map(|c| (c.get(0).unwrap().range(), label(&c)))
            .collect();
        let new: Vec<_> = note_refs(&t).map(|(r, l)| (r, l.to_string())).collect();
        prop_assert_eq!(new, old, "references {:?}", t);
    }
}

/// The patterns the checks above replaced, as the meaning they must keep.
const OLD: [&str; 3] = [
    r"^(?i:by)\s+(?P<names>\p{Lu}.+)$",
    r"^(?P<indent>\s*)(?P<marker>[-*•‣◦]|[0-9]{1,3}[.)])\s+(?P<text>\S.*)$",
    r"(?i)^(?:notes?|footnotes?|endnotes?|references)\s*:?$",
];

/// Lines near a by-line, list item or notes heading, some damaged by a character.
fn line() -> impl Strategy<Value = String> {
    let pick = |v: Vec<&'static str>| prop::sample::select(v);
    (
        pick(vec!["", " ", "  ", "\t", "\u{a0}"]),
        pick(vec![
            "by",
            "By",
            "BY",
            "by:",
            "- ",
            "* ",
            "• ",
            "◦",
            "1. ",
            "12) ",
            "123.",
            "1234. ",
            "1.",
            "x. ",
            "Notes",
            "notes:",
            "Footnotes :",
            "References",
            "Endnote",
            "Note::",
        ]),
        pick(vec!["", " ", "  ", "\t", "\n"]),
        pick(vec![
            "Ann Smith",
            "ann smith",
            "Élodie Roux",
            "A",
            "",
            " x",
            "Ørsted, 4 May",
        ]),
        0..20usize,
        pick(vec!["", "", "x", " ", "\n", "."]),
    )
        .prop_map(|(lead, head, gap, rest, at, c)| {
            let mut l = format!("{lead}{head}{gap}{rest}");
            if l.is_char_boundary(at.min(l.len())) {
                l.insert_str(at.min(l.len()), c);
            }
            l
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]
    #[test]
    fn checks_agree_with_the_patterns_they_replaced(l in line()) {
        static RE: LazyLock<[regex::Regex; 3]> =
            LazyLock::new(|| OLD.map(|p| regex::Regex::new(p).unwrap()));
        let [by, item, heading] = &*RE;
        let old = by
            .captures(&l)
            .map(|c| c.name("names").unwrap().as_str())
            .filter(|n| n.chars().count() <= BYLINE_MAX);
        prop_assert_eq!(byline_names(&l), old, "by-line {:?}", l);
        let old = item.captures(&l).map(|c| (c["indent"].to_string(), c["marker"].to_string(), c["text"].to_string()));
        let new = bullet(&l).map(|b| (b.indent.to_string(), b.marker.to_string(), b.text.to_string()));
        prop_assert_eq!(new, old, "list item {:?}", l);
        let t = l.trim();
        prop_assert_eq!(super::super::notes::is_heading(t, &[]), heading.is_match(t), "heading {:?}", l);
    }
}
