//! Every sample in assets/library, parsed through `lectern::parse::load`, checked value by value
//! against what the file says: metadata, notes, every citation, non-citations, chrome, related.

mod common;

use common::*;
use lectern::article::{Article, BlockKind, DateInfo};

fn date(a: &Article) -> Option<(String, Option<String>)> {
    a.meta
        .date
        .as_ref()
        .map(|DateInfo { text, iso }| (text.clone(), iso.clone()))
}

fn d(text: &str, iso: Option<&str>) -> Option<(String, Option<String>)> {
    Some((text.to_string(), iso.map(str::to_string)))
}

fn strings(v: &[&str]) -> Vec<String> {
    v.iter().map(|s| s.to_string()).collect()
}

/// The dateline stays the start of the first paragraph.
fn assert_dateline(a: &Article, want: Option<&str>) {
    assert_eq!(a.meta.dateline.as_deref(), want);
    if let Some(dl) = want {
        assert!(a.blocks[0].text.starts_with(dl), "{:?}", a.blocks[0].text);
    }
}

/// Hard-wrapped lines are joined and nothing of the header leaks into the body.
fn assert_clean_body(a: &Article) {
    for b in &a.blocks {
        assert!(!b.text.contains('\n'), "unjoined lines: {:?}", b.text);
    }
    if let Some(title) = &a.meta.title {
        assert!(
            a.blocks.iter().all(|b| &b.text != title),
            "title repeated in the body"
        );
    }
    if let Some(s) = &a.meta.summary {
        assert!(
            a.blocks.iter().all(|b| &b.text != s),
            "summary repeated in the body"
        );
    }
}

#[test]
fn harbour_thaw() {
    let a = sample("harbour-thaw.txt");
    assert_eq!(
        a.meta.title.as_deref(),
        Some("Saltmere and Brennhaven: old harbour rivals test a cautious thaw")
    );
    assert_eq!(a.meta.authors, strings(&["Tobias Renwick"]));
    assert_eq!(date(&a), d("14/03/2019, 09.40", Some("2019-03-14")));
    assert!(
        a.meta
            .summary
            .as_deref()
            .unwrap()
            .starts_with("A joint pilotage scheme, a reopened ferry line")
    );
    assert!(
        a.meta
            .summary
            .as_deref()
            .unwrap()
            .ends_with("wants to be seen blinking first.")
    );
    assert_dateline(&a, Some("Saltmere (Coastline Wire) –"));
    assert_clean_body(&a);
    assert_eq!(a.blocks.len(), 10);
    assert!(a.blocks.iter().all(|b| b.kind == BlockKind::Paragraph));

    assert_notes(
        &a,
        &[
            (
                "1",
                true,
                2,
                "The 2009 Accord was negotiated by the two harbour boards",
            ),
            (
                "2",
                true,
                1,
                "The case was lodged by Saltmere’s council in 2016",
            ),
        ],
    );
    assert!(a.footnotes[0].text().ends_with("Issue 2, pp. 144-171."));
    assert_eq!(a.footnotes[0].blocks.len(), 1);

    assert_citations(
        &a,
        &[
            ("attribution", "Coastline Wire", "March 11", None),
            ("attribution", "Morning Ledger", "March 3, 2004", None),
            ("attribution", "Delta Review", "October 17, 2007", None),
            ("attribution", "Harbour Daily", "March 24, 2014", None),
            ("attribution", "Harbour Daily", "February 19", None),
            ("attribution", "Morning Ledger", "January 30", None),
            ("attribution", "Evening Post [Brennhaven]", "March 2", None),
            ("attribution", "Saltmere Courier", "March 8", None),
            ("attribution", "Norvane Today", "February 27", None),
            ("attribution", "Harbour Daily", "March 12", None),
            ("attribution", "Coastline Wire", "March 12", None),
            ("attribution", "Coastline Wire", "June 24, 2009", Some("1")),
            ("reference", "Petra Holmqvist", "2016", Some("1")),
            (
                "attribution",
                "Evening Post [Brennhaven]",
                "January 15",
                Some("2"),
            ),
        ],
    );
    // "See" is a lead-in, kept in the raw text but not part of the source.
    assert_eq!(a.citations[2].text, "See Delta Review, October 17, 2007");
    // The two parts of one parenthesis share the same block, each its own citation.
    assert_eq!(a.citations[4].place, a.citations[5].place);
    assert_eq!(a.citations[4].text, "Harbour Daily, February 19");
    let r = &a.citations[12];
    assert_eq!(r.locator.as_deref(), Some("pp. 144-171"));
    assert_eq!(
        r.title.as_deref(),
        Some("Shared Channels, Divided Ports: The Brennock Strait Accord Revisited")
    );

    for s in [
        "(BSA)",
        "(1998-2004)",
        "(hereafter “the Accord”)",
        "(12 March 2014)",
        "(the brother of the former mayor, who had resigned in 2009)",
        "[regional]",
        "[sic]",
    ] {
        assert_not_cited(&a, s);
    }
    for line in [
        "Send to a friend",
        "Printable version",
        "Share this article",
        "See also",
        "Subscribe to Coastline Wire updates or change your preferences",
        "Subscribe now",
        "“Every harbour has two shores” - from the founding charter of Coastline Wire",
    ] {
        assert_chrome_removed(&a, line);
    }
    assert_eq!(a.meta.site.as_deref(), Some("Coastline Wire"));
    assert_eq!(
        related(&a),
        want_related(&[
            (
                "Saltmere council approves new container crane despite falling volumes",
                Some("21/01/2019 16:05")
            ),
            (
                "Brennhaven pilots strike over night-shift pay",
                Some("30/11/2018 08:47")
            ),
            (
                "Ferry line across the Brennock Strait could return by summer, operator says",
                Some("13/02/2019 12:30")
            ),
            (
                "Fishers on both shores protest seagrass dredging plan",
                Some("17/10/2018 19:22")
            ),
            ("A short history of the Brennock Strait Authority", None),
        ])
    );
}

#[test]
fn council_budget() {
    let a = sample("council-budget.txt");
    assert_eq!(
        a.meta.title.as_deref(),
        Some(
            "Harlan Falls council passes $48.3 million budget after late-night fight over library hours"
        )
    );
    assert_eq!(
        a.meta.authors,
        strings(&["Dana Whitfield", "Marcus Oyelaran"])
    );
    // 04/07 alone is ambiguous; 03/22/2021 in the related list shows month-first.
    assert_eq!(date(&a), d("04/07/2021 06:30", Some("2021-04-07")));
    assert!(
        a.meta
            .summary
            .as_deref()
            .unwrap()
            .starts_with("After a five-hour session that ran well past midnight")
    );
    assert_dateline(&a, Some("HARLAN FALLS, Ohio —"));
    assert!(
        a.blocks[0]
            .text
            .starts_with("HARLAN FALLS, Ohio — The vote was 5-2")
    );
    assert_clean_body(&a);
    assert!(
        a.blocks
            .last()
            .unwrap()
            .text
            .starts_with("The budget takes effect")
    );
    assert!(a.footnotes.is_empty());
    assert_citations(&a, &[]);
    for s in [
        "(2009-2012)",
        "(ARPA)",
        "(2008-2010)",
        "(DPW)",
        "(HFPF)",
        "(2016-2020)",
        "(CIP)",
        "[the library board]",
    ] {
        assert_not_cited(&a, s);
    }
    for line in [
        "Share",
        "Print",
        "Sign up for our newsletter",
        "Related",
        "Subscribe to Harlan Falls Herald updates or change your preferences",
        "Subscribe now",
    ] {
        assert_chrome_removed(&a, line);
    }
    assert_eq!(
        related(&a),
        want_related(&[
            (
                "Harlan Falls library board asks council to restore weekend hours",
                Some("03/22/2021 17:45")
            ),
            (
                "Auditor warns of shrinking reserves as budget talks begin",
                Some("02/16/2021 09:10")
            ),
            ("How Harlan Falls spends its money, explained", None),
        ])
    );
}

#[test]
fn commons_essay() {
    let a = sample("commons-essay.txt");
    assert_eq!(
        a.meta.title.as_deref(),
        Some("Beyond the Tragedy: What Shared Fisheries Teach Us About Governing the Commons")
    );
    assert_eq!(
        a.meta.authors,
        strings(&["Ingrid Solberg", "Tomasz Wiśniewski", "Aiko Mori"])
    );
    assert_eq!(date(&a), d("June 2, 2020", Some("2020-06-02")));
    assert!(
        a.meta
            .summary
            .as_deref()
            .unwrap()
            .starts_with("For half a century, the fate of shared fisheries")
    );
    assert_dateline(&a, None);
    assert_clean_body(&a);
    assert!(
        a.blocks[0]
            .text
            .starts_with("It has become almost a ritual")
    );
    assert!(
        a.blocks
            .last()
            .unwrap()
            .text
            .starts_with("The tragedy of the commons remains a useful warning.")
    );

    assert_notes(
        &a,
        &[
            (
                "1",
                true,
                1,
                "For a useful survey of this polarisation, see Helga Brandvold",
            ),
            ("2", true, 2, "Mutual monitoring is not costless."),
            ("3", true, 1, "The Compact was drafted over two winters"),
            ("4", true, 1, "The clearest example is a reef fishery"),
            (
                "5",
                true,
                0,
                "An earlier version of this essay was presented",
            ),
            ("6", false, 1, ""),
        ],
    );
    // Note 3 runs over two paragraphs; the second is not a stray body paragraph.
    assert_eq!(a.footnotes[2].blocks.len(), 2);
    assert!(
        a.footnotes[2].blocks[1]
            .text
            .starts_with("The amendment procedure has been used eleven times")
    );
    assert!(
        a.blocks
            .iter()
            .all(|b| !b.text.starts_with("The amendment procedure"))
    );

    let body = [
        ("Brandvold", "1996"),
        ("Ferreira", "2001"),
        ("Kaur and Delgado", "2016"),
        ("Lindgren et al.", "2012"),
        ("Sato", "2009"),
        ("Okonjo", "2004"),
        ("Brandvold", "1996"),
        ("Ferreira", "2001"),
        ("Nakamura", "2007"),
        ("Mwangi and Holt", "2018"),
        ("Thorsdottir", "2003"),
        ("Castellanos et al.", "2015"),
        ("Oyelowo", "2011"),
        ("Tanaka and Reyes", "2015"),
    ];
    let mut want: Vec<Cite> = body
        .iter()
        .map(|(s, y)| ("author-year", *s, *y, None))
        .collect();
    want.extend([
        ("reference", "Helga Brandvold", "1996", Some("1")),
        ("author-year", "Ferreira", "2001", Some("1")),
        ("author-year", "Nakamura", "2007", Some("1")),
        ("author-year", "Solberg and Mori", "2019", Some("2")),
        (
            "reference",
            "Joseph Mwangi and Ruth Holt",
            "2018",
            Some("2"),
        ),
        ("reference", "Keiko Nakamura", "2007", Some("3")),
        ("author-year", "Castellanos et al.", "2015", Some("4")),
        ("reference", "Adewale Oyelowo", "2011", Some("4")),
    ]);
    assert_citations(&a, &want);
    assert_eq!(a.citations[5].locator.as_deref(), Some("p. 87"));
    assert_eq!(a.citations[12].locator.as_deref(), Some("pp. 45-47"));
    // Keiko Nakamura's reference sits in the second paragraph of note 3.
    assert_eq!(
        a.citations[19].place,
        lectern::article::Place::Note { note: 2, block: 1 }
    );
    assert_eq!(a.citations[19].locator.as_deref(), Some("pp. 120-147"));

    for s in [
        "(ITQs)",
        "(1976-1982)",
        "(hereafter “the Compact”)",
        "[sic]",
        "[regional]",
    ] {
        assert_not_cited(&a, s);
    }
    assert!(a.removed.is_empty(), "{:?}", a.removed);
    assert!(a.related.is_empty());
}

#[test]
fn ink_and_brush() {
    let a = sample("ink-and-brush.txt");
    assert_eq!(
        a.meta.title.as_deref(),
        Some("The quiet discipline of ink and brush")
    );
    assert_eq!(a.meta.authors, strings(&["Mei-Lin Haworth"]));
    assert_eq!(date(&a), d("22/11/2018, 17.05", Some("2018-11-22")));
    assert!(
        a.meta
            .summary
            .as_deref()
            .unwrap()
            .starts_with("Across China, Japan and Korea, calligraphy")
    );
    assert_dateline(&a, None);
    assert_clean_body(&a);
    assert!(
        a.blocks[0]
            .text
            .starts_with("The first thing you notice in Chen Yuhua’s studio")
    );
    // The CJK couplet is its own paragraph, untouched.
    assert!(
        a.blocks
            .iter()
            .any(|b| b.text == "床前明月光，疑是地上霜。" && b.kind == BlockKind::Paragraph)
    );
    assert!(
        a.blocks
            .iter()
            .any(|b| b.text.contains("Hangul (한글) was designed"))
    );

    assert_notes(
        &a,
        &[
            (
                "1",
                true,
                1,
                "Together these are known as the Four Treasures of the Study (文房四寶).",
            ),
            ("2", true, 1, "Li Bai (701-762) wrote the poem"),
        ],
    );
    assert_citations(&a, &[]);
    for s in [
        "(shūfǎ)",
        "(shodō)",
        "(seoye)",
        "(한글)",
        "(文房四寶)",
        "(701-762)",
        "(靜夜思)",
        "[finished]",
    ] {
        assert_not_cited(&a, s);
    }
    for line in [
        "Printable version",
        "Send to a friend",
        "See also",
        "Subscribe to Inkstone Weekly updates or change your preferences",
        "Subscribe now",
    ] {
        assert_chrome_removed(&a, line);
    }
    assert_eq!(
        related(&a),
        want_related(&[
            (
                "Kyoto’s last brush-maker takes on two apprentices",
                Some("14/09/2018 10:30")
            ),
            (
                "Hangul Day: a type designer on the shape of a syllable",
                Some("19/10/2018 13:00")
            ),
            ("Paper, water, patience: a visit to a hanji workshop", None),
            (
                "Why handwriting still matters in the age of the stylus",
                Some("27/06/2018 08:45")
            ),
        ])
    );
}

#[test]
fn long_river() {
    let a = sample("long-river.txt");
    assert_eq!(
        a.meta.title.as_deref(),
        Some("The long river: four weeks on the Alvena from glacier to sea")
    );
    assert_eq!(a.meta.authors, strings(&["Elena Marchetti"]));
    assert_eq!(date(&a), d("09/10/2017, 11.20", Some("2017-10-09")));
    assert!(
        a.meta
            .summary
            .as_deref()
            .unwrap()
            .starts_with("In a summer of drought, the Alvena became a front page story")
    );
    assert_dateline(&a, Some("Passo Rondane (Alpine Wire) –"));
    assert_clean_body(&a);
    assert!(a.words() >= 5300, "the long sample is {} words", a.words());
    assert_eq!(a.blocks.len(), 34);
    assert!(
        a.blocks
            .last()
            .unwrap()
            .text
            .starts_with("Just before I left the pass")
    );

    assert_notes(
        &a,
        &[
            ("1", true, 1, "Distances along the river are measured"),
            ("2", true, 1, "The inhabitants of Serrai di Sotto"),
            ("3", true, 1, "The role of the camparo dates"),
            ("4", true, 1, "The collapse of the Castelnuovo bridge"),
            ("5", true, 1, "The decline of the European eel"),
            ("6", true, 1, "The extraction of methane-bearing water"),
            ("7", true, 1, "The intrusion of salt was measured"),
            ("8", true, 1, "The cooperative also raises mussels"),
        ],
    );
    let five: Vec<&str> = a.footnotes[4]
        .blocks
        .iter()
        .map(|b| b.text.as_str())
        .collect();
    assert_eq!(five.len(), 3);
    assert!(five[1].starts_with("Numbers of young eels arriving"));
    assert!(five[2].starts_with("Zanetti, for his part, is sceptical"));

    assert_citations(
        &a,
        &[
            ("attribution", "Eco delle Valli", "August 29", None),
            ("attribution", "Gazzetta di Marzena", "July 18", None),
            ("attribution", "Il Delta", "July 20", None),
            ("attribution", "Corriere Alpino", "August 11", None),
            ("attribution", "Gazzetta di Marzena", "July 25", None),
            ("attribution", "Voce della Bassa", "July 26", None),
            ("attribution", "Rivista Idrica", "May 5, 2012", None),
            ("attribution", "Eco delle Valli", "August 4", None),
            ("attribution", "Corriere Alpino", "July 30", None),
            ("attribution", "Il Mattino Padano", "December 3, 1994", None),
            ("attribution", "Gazzetta di Marzena", "June 30", None),
            ("attribution", "Gazzetta di Marzena", "August 3", None),
            ("attribution", "Il Mattino Padano", "October 21, 2000", None),
            ("attribution", "Il Delta", "August 22", None),
            ("attribution", "La Voce [Porto Salvia]", "September 2", None),
            ("attribution", "Gazzetta di Marzena", "September 27", None),
            ("attribution", "Il Delta", "September 28", None),
            ("attribution", "Eco delle Valli", "August 16", Some("2")),
            ("reference", "Laura Gentile", "2009", Some("3")),
            ("reference", "Marco Fabbri", "2003", Some("4")),
            (
                "reference",
                "Hanna Lindberg and Paolo Riva",
                "2015",
                Some("5"),
            ),
            ("attribution", "Rivista Idrica", "March 14, 2016", Some("6")),
            (
                "attribution",
                "La Voce [Porto Salvia]",
                "August 30",
                Some("8"),
            ),
        ],
    );
    // A source split over a line break in the file reads as one name once lines are joined.
    assert_eq!(a.citations[12].text, "Il Mattino Padano, October 21, 2000");
    assert_eq!(a.citations[20].locator.as_deref(), Some("pp. 402-431"));

    for s in [
        "(AREV)",
        "(1951-1968)",
        "(hereafter “the company”)",
        "(the nephew of the former president of the angling club, who had campaigned against the third dam in the 1960s)",
        "(14 November 1951)",
        "(CBA)",
        "(EC)",
        "(hereafter “the cooperative”)",
        "[communal]",
    ] {
        assert_not_cited(&a, s);
    }
    for line in [
        "Send to a friend",
        "Printable version",
        "Share this article",
        "See also",
        "Subscribe to Alpine Wire updates or change your preferences",
        "Subscribe now",
        "“Follow the water and you will find the story” - editor’s maxim",
    ] {
        assert_chrome_removed(&a, line);
    }
    assert_eq!(
        related(&a),
        want_related(&[
            (
                "Drought: state of emergency declared in eleven delta municipalities",
                Some("28/09/2017 10:00")
            ),
            (
                "Alpine glaciers lose record ice in hottest summer in decades",
                Some("15/08/2017 09:30")
            ),
            (
                "Farmers and power company strike deal on Alvena water releases",
                Some("27/07/2017 18:05")
            ),
            ("The ditch-keepers of the plain: a dying trade", None),
            (
                "Flamingos return to nest in record numbers on the Adriatic coast",
                Some("30/06/2017 12:00")
            ),
        ])
    );
}

#[test]
fn night_trains() {
    let a = sample("night-trains.txt");
    assert_eq!(
        a.meta.title.as_deref(),
        Some("Night trains are back, and this time the sleeper cars are full")
    );
    assert_eq!(a.meta.authors, strings(&["Pieter de Vries"]));
    // 05/06 could be 5 June or 6 May and nothing else in the file decides it.
    assert_eq!(date(&a), d("05/06/2022, 08.15", None));
    assert_eq!(
        a.meta.summary.as_deref(),
        Some(
            "A decade after most of Europe’s overnight services were written off as relics, new operators \
             are filling sleeper cars faster than they can buy them. Travellers cite the climate and the \
             comfort; railway managers cite a hard lesson about rolling stock. The real constraint now is \
             not demand but the supply of carriages."
        )
    );
    assert_dateline(&a, Some("UTRECHT —"));
    assert_clean_body(&a);
    assert!(
        a.blocks[0]
            .text
            .contains("a long blue train with its blinds still drawn")
    );
    assert_eq!(a.blocks.len(), 10);
    assert!(a.footnotes.is_empty());
    assert_citations(&a, &[("attribution", "Rail Gazette", "May 30", None)]);
    for s in [
        "(1957-1987)",
        "(NNR)",
        "(the son of a sleeping-car attendant, who had worked the Ostend line for thirty years)",
        "(12 December 2021)",
        "(hereafter “the corridor”)",
    ] {
        assert_not_cited(&a, s);
    }
    assert!(a.removed.is_empty(), "{:?}", a.removed);
    assert!(a.related.is_empty());
}

#[test]
fn short_note() {
    let a = sample("short-note.txt");
    assert_eq!(
        a.meta.title.as_deref(),
        Some("Coastal ferry trial in Accra ends early after engine trouble")
    );
    assert_eq!(a.meta.authors, strings(&["Kofi Mensah"]));
    assert_eq!(date(&a), None);
    assert_eq!(a.meta.summary, None);
    assert_dateline(&a, Some("ACCRA —"));
    assert_clean_body(&a);
    assert_eq!(a.blocks.len(), 4);
    assert!(
        a.blocks[0]
            .text
            .starts_with("ACCRA — A trial passenger ferry")
    );
    assert!(a.footnotes.is_empty());
    assert_citations(&a, &[("attribution", "Harbour Daily", "August 14", None)]);
    assert!(a.removed.is_empty() && a.related.is_empty());
}

/// The library holds exactly the files tested above, so a new sample cannot slip in untested.
#[test]
fn every_sample_is_covered() {
    let mut names: Vec<String> = std::fs::read_dir(sample_path(""))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(
        names,
        strings(&[
            "commons-essay.txt",
            "council-budget.txt",
            "harbour-thaw.txt",
            "ink-and-brush.txt",
            "long-river.txt",
            "night-trains.txt",
            "short-note.txt",
        ])
    );
}

/// The JSON view carries the same values as the model (spot checks on one rich sample).
#[test]
fn inspect_json_matches_the_model() {
    let a = sample("harbour-thaw.txt");
    let j = lectern::inspect::to_json(&a);
    assert_eq!(j["date"]["iso"], "2019-03-14");
    assert_eq!(j["footnotes"][0]["refs"], 2);
    assert_eq!(j["footnotes"][0]["defined"], true);
    assert_eq!(j["citations"][2]["kind"], "attribution");
    assert_eq!(j["citations"][12]["kind"], "reference");
    assert_eq!(j["citations"][12]["footnote"], "1");
    assert_eq!(j["citations"][0]["block"], 1);
    assert_eq!(j["related"][4]["date"], serde_json::Value::Null);
    assert_eq!(j["words"], a.words());
}
