//! The finder's shapes against the patterns they replaced, and citations in parentheses.

use super::paren::{author_year, date_tail};
use super::*;
use proptest::prelude::*;
use std::sync::LazyLock;

/// The patterns `date_tail` and `author_year` replaced, as the meaning they must keep
/// (their digits ASCII).
const MONTH: &str = r"(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?";
const NAME: &str = r"(?:(?:van|von|de|der|den|da|di|du|le|la|al|el)\s+){0,2}\p{Lu}[\p{L}'’\-]+";
static OLD: LazyLock<[regex::Regex; 2]> = LazyLock::new(|| {
    let date_tail = format!(
        r"(?x)^(?P<source>.+?),\s*(?P<date>
            {MONTH}\s+[0-9]{{1,2}}(?:st|nd|rd|th)?(?:,?\s+[0-9]{{4}})?
          | [0-9]{{1,2}}\s+{MONTH}(?:,?\s+[0-9]{{4}})?
          | {MONTH}\s+[0-9]{{4}}
          | (?:Spring|Summer|Autumn|Fall|Winter)\s+[0-9]{{4}}
          | [0-9]{{1,2}}/[0-9]{{1,2}}(?:/[0-9]{{2,4}})?
          | (?:1[5-9]|20)[0-9]{{2}}
        )$"
    );
    let author_year = format!(
        r"(?x)^(?P<authors>{NAME}(?:(?:\s+|,\s*|(?:,\s*|\s+)(?:and|&)\s+){NAME})*
            (?:,?\s+et\s+al\.?)?)
          ,?\s+(?P<year>(?:1[5-9]|20)[0-9]{{2}}[a-z]?|n\.d\.)
          (?:(?:,\s*|:\s*)(?P<loc>(?:pp?\.|ch\.|chap\.|para\.|§)?\s*[0-9]+(?:\s*[-–]\s*[0-9]+)?))?$"
    );
    [date_tail, author_year].map(|p| regex::Regex::new(&p).unwrap())
});

/// Parenthetical parts in the shapes citations take, some damaged by a character.
fn part() -> impl Strategy<Value = String> {
    let pick = |v: Vec<&'static str>| prop::sample::select(v);
    (
        pick(vec![
            "Ostrom",
            "Smith and Jones",
            "Smith, Jones & Lee",
            "van der Berg",
            "O’Brien",
            "Ørsted-Larsen",
            "de la Cruz",
            "Hall et al.",
            "Hall, et al",
            "Gazzetta di Marzena",
            "Il Delta",
            "Xinhua",
            "the Post",
            "ANSA",
            "Smith Jones Brown",
            "Lee, K.",
            "Eco",
        ]),
        pick(vec![", ", " ", ",", "  ", ", and ", " & "]),
        pick(vec![
            "1990",
            "2019a",
            "n.d.",
            "1492",
            "May 4",
            "May 4th",
            "4 May 2019",
            "May 4, 2019",
            "Sept. 2020",
            "Spring 2020",
            "5/4",
            "5/4/19",
            "12/11/2018",
            "July 18",
            "2001b",
        ]),
        pick(vec![
            "",
            "",
            "",
            ", 12",
            ": 3–4",
            ", pp. 3-4",
            ", ch. 2",
            ": § 5",
            ", p.",
            ", x",
        ]),
        0..30usize,
        pick(vec!["", "", "", "x", ",", " ", "1", "."]),
    )
        .prop_map(|(who, sep, when, loc, at, c)| {
            let mut p = format!("{who}{sep}{when}{loc}");
            if !c.is_empty() && p.is_char_boundary(at.min(p.len())) {
                p.insert_str(at.min(p.len()), c);
            }
            p
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]
    /// Every part the old patterns read is read the same way, except where the old
    /// author–year pattern took a date for an author (`Il Delta, Spring 2020`); the new
    /// shapes read more besides.
    #[test]
    fn shapes_keep_what_the_old_patterns_read(p in part()) {
        let [date_tail_re, author_year_re] = &*OLD;
        if let Some(c) = date_tail_re.captures(&p) {
            let old = (c.name("source").unwrap().as_str(), c.name("date").unwrap().as_str());
            // The old pattern left a month with a comma after it in the source (`the Post,
            // Sept.` and `2020`); the month and year are the date.
            // `ANSA,Sept.` too: the comma need not have a space after it.
            let month_left = old.0.rsplit(',').next().is_some_and(|w| {
                crate::dates::MONTH_WORDS.contains(&w.trim().trim_end_matches('.'))
            });
            if !month_left {
                prop_assert_eq!(date_tail(&p), Some(old), "date tail {:?}", p);
            }
        }
        if let Some(c) = author_year_re.captures(&p) {
            let authors = c.name("authors").unwrap().as_str();
            if authors.split(|c: char| !c.is_alphanumeric()).any(names::is_time_word) {
                return Ok(());
            }
            let old = (
                authors,
                c.name("year").unwrap().as_str(),
                c.name("loc").map(|m| m.as_str()),
            );
            let new = author_year(&p, false).map(|(a, y)| {
                prop_assert_eq!(y.years.len(), 1, "{:?}", p);
                Ok((a, y.years[0].1, y.locator))
            });
            prop_assert_eq!(new.transpose()?, Some(old), "author year {:?}", p);
        }
    }
}

const P: Place = Place::Body { block: 0 };

fn sources(text: &str) -> Vec<(CitationKind, String, Option<String>)> {
    parenthetical(text, P)
        .into_iter()
        .map(|c| (c.kind, c.source, c.date))
        .collect()
}

fn one(text: &str) -> (CitationKind, String, Option<String>) {
    let mut s = sources(text);
    assert_eq!(s.len(), 1, "{text}: {s:?}");
    s.remove(0)
}

#[test]
fn news_attributions() {
    use CitationKind::Attribution as A;
    assert_eq!(
        one("said so (Xinhua, May 4)."),
        (A, "Xinhua".into(), Some("May 4".into()))
    );
    assert_eq!(
        one("(See China Brief, October 17, 2007)"),
        (A, "China Brief".into(), Some("October 17, 2007".into()))
    );
    assert_eq!(
        one("(Apple Daily [Hong Kong], April 23)").1,
        "Apple Daily [Hong Kong]"
    );
    assert_eq!(one("(HKO1.com, May 4)").1, "HKO1.com");
    assert_eq!(
        one("(People’s Daily, December 3, 2004)").1,
        "People’s Daily"
    );
}

#[test]
fn a_source_and_its_document_symbol() {
    let c = &parenthetical("experts (UN Security Council, S/2025/112).", P)[0];
    assert_eq!(
        (c.source.as_str(), c.locator.as_deref()),
        ("UN Security Council", Some("S/2025/112"))
    );
    assert_eq!(
        one("(General Assembly, A/RES/76/300)").1,
        "General Assembly"
    );
    for aside in ["(speed, km/h/2)", "(Sales, 2/3/4)", "(the ratio, A/B)"] {
        assert!(parenthetical(aside, P).is_empty(), "{aside}");
    }
}

#[test]
fn a_source_relayed_or_citing_its_own() {
    assert_eq!(
        one("(the Financial Times, via Nikkei)").1,
        "the Financial Times"
    );
    assert_eq!(
        one("(Wall Street Journal, citing shipping brokers)").1,
        "Wall Street Journal"
    );
    assert_eq!(
        one("(CCNR market observation report, September 2024)").1,
        "CCNR market observation report"
    );
    for aside in [
        "(London, via Dubai)",
        "(the A40, via Oxford)",
        "(Bern, via Basel)",
    ] {
        assert!(parenthetical(aside, P).is_empty(), "{aside}");
    }
}

#[test]
fn two_sources_in_one_parenthesis() {
    let s = sources("zone (NHK News, April 19; Asahi Shimbun, January 30). Yet");
    assert_eq!(
        s.iter().map(|c| c.1.as_str()).collect::<Vec<_>>(),
        ["NHK News", "Asahi Shimbun"]
    );
    let cits = parenthetical("x (NHK News, April 19; Asahi Shimbun, January 30)", P);
    assert_eq!(cits[0].range, 2..21);
    assert_eq!(cits[1].text, "Asahi Shimbun, January 30");
}

#[test]
fn author_year_citations() {
    use CitationKind::AuthorYear as Y;
    assert_eq!(
        one("(Ostrom, 1990)"),
        (Y, "Ostrom".into(), Some("1990".into()))
    );
    let h = &parenthetical("(Hardin 1968, p. 1244)", P)[0];
    assert_eq!(
        (h.source.as_str(), h.locator.as_deref()),
        ("Hardin", Some("p. 1244"))
    );
    let s = sources("(Dietz et al., 2003; Agrawal 2001)");
    assert_eq!(s[0].1, "Dietz et al.");
    assert_eq!(s[1], (Y, "Agrawal".into(), Some("2001".into())));
    assert_eq!(one("(Tanaka and Reyes, 2015)").1, "Tanaka and Reyes");
    assert_eq!(one("(Jiménez et al. 2017)").1, "Jiménez et al.");
    assert_eq!(one("(van der Berg, 2009)").1, "van der Berg");
    assert_eq!(
        one("(Tanaka Emi, Reyes and Lund Berg, 2015)"),
        (
            Y,
            "Tanaka Emi, Reyes and Lund Berg".into(),
            Some("2015".into())
        )
    );
    // Three capitalised names in a row are an outlet, attributed rather than authored.
    assert_eq!(
        one("(Harbour Authority Press Office, 2019)").0,
        CitationKind::Attribution
    );
}

#[test]
fn news_dates_in_more_shapes() {
    use CitationKind::Attribution as A;
    for (text, source, date) in [
        ("(AFP, 12–13 mai)", "AFP", "12–13 mai"),
        (
            "(Global Witness study, May 2024)",
            "Global Witness study",
            "May 2024",
        ),
        (
            "(Rzeczpospolita, 5 marca 2026)",
            "Rzeczpospolita",
            "5 marca 2026",
        ),
        (
            "(Dagens Nyheter, 3 maj 2026)",
            "Dagens Nyheter",
            "3 maj 2026",
        ),
        (
            "(Aftenposten, 12. oktober 2025)",
            "Aftenposten",
            "12. oktober 2025",
        ),
        (
            "(Helsingin Sanomat, 4. maaliskuuta 2026)",
            "Helsingin Sanomat",
            "4. maaliskuuta 2026",
        ),
        (
            "(Benchmark Mineral Intelligence, Q4 2025 report)",
            "Benchmark Mineral Intelligence",
            "Q4 2025",
        ),
        (
            "(Drewry World Container Index, week 14)",
            "Drewry World Container Index",
            "week 14",
        ),
        (
            "(The Loadstar, Spring 2026 outlook)",
            "The Loadstar",
            "Spring 2026",
        ),
        (
            "(Reuters/Ipsos poll, March 28, found that most agree)",
            "Reuters/Ipsos poll",
            "March 28",
        ),
    ] {
        assert_eq!(one(text), (A, source.into(), Some(date.into())), "{text}");
    }
}

#[test]
fn author_year_in_more_shapes() {
    let s = sources("(Jacobsen 2003, cited in Elvik 2009)");
    assert_eq!(
        s.iter()
            .map(|c| (c.1.as_str(), c.2.as_deref()))
            .collect::<Vec<_>>(),
        [("Jacobsen", Some("2003")), ("Elvik", Some("2009"))]
    );
    assert_eq!(
        sources("(Williams, in press; see Tchernichovski and colleagues, 2021)")[1].1,
        "Tchernichovski and colleagues"
    );
    assert_eq!(one("(Laker, 2020, in The Guardian)").1, "Laker");
    assert_eq!(one("(Creese 1966/1992)").2.as_deref(), Some("1966/1992"));
    // Pages, then words saying what the work is for.
    let c = parenthetical("(see Okonkwo 2011a, 88–90, for a dissenting view)", P);
    assert_eq!(
        c.iter()
            .map(|c| (c.source.as_str(), c.locator.as_deref()))
            .collect::<Vec<_>>(),
        [("Okonkwo", Some("88–90"))]
    );
    // An archive's abbreviation and a shelfmark.
    for (text, source) in [
        ("(WCRO, CR 1590/18)", "WCRO"),
        ("(TNA, ADM 1/2345)", "TNA"),
        ("(BL, Add MS 38416)", "BL"),
    ] {
        assert_eq!(
            one(text),
            (CitationKind::Reference, source.into(), None),
            "{text}"
        );
    }
}

#[test]
fn a_lead_in_that_says_what_the_work_is_for() {
    for (text, source) in [
        (
            "(Montrul, 2008; for a critique, see Putnam & Sánchez, 2013)",
            "Putnam & Sánchez",
        ),
        (
            "(for an overview of the debate, see also Egerer, 2020)",
            "Egerer",
        ),
        (
            "(see also, for a similar view, Stevenson et al., 2020)",
            "Stevenson et al.",
        ),
    ] {
        let s = sources(text);
        let last = s.last().unwrap_or_else(|| panic!("{text}: nothing found"));
        assert_eq!(
            (last.0, last.1.as_str()),
            (CitationKind::AuthorYear, source),
            "{text}: {s:?}"
        );
    }
    for aside in [
        "(for a while, in 2019)",
        "(for children, see Appendix B)",
        "(for a critique, see below)",
    ] {
        assert!(sources(aside).is_empty(), "{aside}: {:?}", sources(aside));
    }
}

#[test]
fn an_outlet_dated_by_its_weekday_or_naming_its_own_source_after_the_date() {
    use CitationKind::Attribution as A;
    for (text, source, date) in [
        (
            "(the Wall Street Journal, Wednesday)",
            "the Wall Street Journal",
            "Wednesday",
        ),
        ("(NHK, Thursday)", "NHK", "Thursday"),
        ("(Bangkok Post, Friday)", "Bangkok Post", "Friday"),
        ("(Reuters, May 12, citing two traders)", "Reuters", "May 12"),
        (
            "(Bloomberg News, 16 April, citing central bank minutes)",
            "Bloomberg News",
            "16 April",
        ),
        ("(Kyodo, 14 May, quoting officials)", "Kyodo", "14 May"),
        // Any newspaper's last word names an outlet, not only those an institution ends with.
        (
            "(the Halifax Chronicle, Sunday)",
            "the Halifax Chronicle",
            "Sunday",
        ),
        // A weekday in the language of the month's name, before the date.
        (
            "(De Volkskrant, dinsdag 3 februari)",
            "De Volkskrant",
            "dinsdag 3 februari",
        ),
        ("(Le Figaro, jeudi 9 avril)", "Le Figaro", "jeudi 9 avril"),
        (
            "(Die Zeit, Mittwoch, 4. März 2020)",
            "Die Zeit",
            "Mittwoch, 4. März 2020",
        ),
        (
            "(El Mundo, sábado 2 de mayo)",
            "El Mundo",
            "sábado 2 de mayo",
        ),
        // A weekday alone in another language, as one in English.
        ("(NOS, dinsdag)", "NOS", "dinsdag"),
    ] {
        assert_eq!(one(text), (A, source.into(), Some(date.into())), "{text}");
    }
    // A place and a day is no outlet's date, nor is a day after words in lower case.
    for aside in [
        "(Bangkok, Tuesday)",
        "(his office, Monday)",
        "(Geneva, Wednesday)",
        "(Reuters, Monday and Tuesday)",
        "(Reuters, dinsdag)",
    ] {
        assert!(sources(aside).is_empty(), "{aside}: {:?}", sources(aside));
    }
}

#[test]
fn non_citations_are_left_alone() {
    for text in [
        "the Chinese Communist Party (CCP) propaganda",
        "the Cultural Revolution (1966-76).",
        "the Treaty of Peace and Friendship (hereafter “the Treaty”).",
        "(the son of former prime minister Takeo Fukuda, who signed the Treaty on behalf of Japan)",
        "Today (27 March 2014) the minister",
        "the launch (May 2019) went well",
        "landing (April 1969)",
        "(which had, as usual, arrived late in 2009)",
        "(born 1952)",
        "(see below, 2019)",
        "(Figure 3, 2019)",
        "(i.e. the harbour, June 4)",
        "(Christmas Eve, 1856)",
        "(Nov., 1911)",
        "(Venice, 5th May 1432)",
        "(Battle of Lodi, 10th May 1796)",
        "(2012, 2014)",
        "(born 1950 in Lagos)",
        "(Q4 2025 report)",
        "(week 14)",
        "(April 1969, found later)",
        "(Paris 1968, in part)",
        "(USA, 50 states)",
    ] {
        assert!(sources(text).is_empty(), "{text}: {:?}", sources(text));
    }
}

#[test]
fn blank_parentheses_are_not_citations() {
    // These used to panic: a part of only spaces trimmed to a reversed range.
    for text in ["( )", "a (  ) b", "(Xinhua, May 4; )", "( ; )"] {
        let s = sources(text);
        assert!(s.len() <= 1, "{text}: {s:?}");
    }
    assert_eq!(sources("(Xinhua, May 4;  )")[0].1, "Xinhua");
}

#[test]
fn nested_and_doubled_parentheses() {
    let s = sources("(China News Service, June 24, 2008))Explanations");
    assert_eq!(s[0].1, "China News Service");
}

/// Text made of the pieces citations are read from: names, years, quotation marks of every
/// kind, parentheses, stops, lead-ins, locators, multi-byte letters.
fn citation_soup() -> impl Strategy<Value = String> {
    let piece = prop::sample::select(vec![
        "Ellison",
        "Margaret",
        "van",
        "der",
        "Berg",
        "et",
        "al.",
        "and",
        "&",
        ",",
        ", ",
        ";",
        ".",
        ". ",
        " ",
        "(",
        ")",
        "[",
        "]",
        "“",
        "”",
        "‘",
        "’",
        "'",
        "\"",
        "*",
        "_",
        ":",
        "2019",
        "2019a",
        "b",
        "1998",
        "in press",
        "Ibid.",
        "op. cit.",
        "p.",
        "pp.",
        "45–47",
        "12",
        "May",
        "4",
        "Spring",
        "see",
        "See also",
        "The",
        "the",
        "ed.",
        "Trieste",
        "Press",
        "Archives",
        "Reuters/Ipsos",
        "poll",
        "é",
        "ß",
        "日本",
        "\u{a0}",
        "–",
        "n.d.",
        "Ø",
        "'s",
        "’s",
        "fol.",
        "190v",
        ", via ",
        ", citing ",
        "S/2025/112",
        "Minutes of ",
        " minutes",
        " its",
        " saw as ",
        "Association",
    ]);
    prop::collection::vec(piece, 0..60).prop_map(|v| v.concat())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(3000))]
    /// Whatever the text, the finder does not panic and every range it gives is real text
    /// of its block, on character boundaries, none overlapping another.
    #[test]
    fn the_finder_survives_any_text(body in citation_soup(), note in citation_soup()) {
        use crate::article::{Article, Block, Footnote, Format};
        let mut a = Article::empty(Format::Text);
        a.blocks.push(Block::paragraph(body));
        a.footnotes.push(Footnote {
            label: "1".into(),
            blocks: vec![Block::paragraph(note)],
            refs: Vec::new(),
            defined: true,
        });
        find_citations(&mut a);
        for c in a.citations.iter().chain(&a.references) {
            let text = &a.block(c.place).expect("block").text;
            prop_assert!(text.get(c.range.clone()).is_some(), "{:?} in {:?}", c.range, text);
        }
        for (i, c) in a.citations.iter().enumerate() {
            for d in &a.citations[i + 1..] {
                prop_assert!(
                    c.place != d.place || c.range.end <= d.range.start || d.range.end <= c.range.start,
                    "{:?} and {:?} overlap", c, d
                );
            }
        }
    }
}
