//! The acceptance article: ../shared/seed/000_343d48f420dd351e.txt, read where it lies
//! (it is not ours to copy into the repository). Skipped, with a note, when it is not there.

mod common;

use common::*;
use lectern::article::Article;
use std::path::PathBuf;

fn seed_path() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/seed/000_343d48f420dd351e.txt")
}

fn seed() -> Option<(Article, String)> {
    let path = seed_path();
    if !path.is_file() {
        eprintln!(
            "note: {} is missing; skipping the seed article test",
            path.display()
        );
        return None;
    }
    let raw = std::fs::read_to_string(&path).expect("seed is UTF-8");
    let article = lectern::parse::load(&path).expect("seed parses");
    Some((article, raw))
}

#[test]
fn seed_metadata() {
    let Some((a, _)) = seed() else { return };
    assert_eq!(
        a.meta.title.as_deref(),
        Some("Tokyo and Beijing: the two Asian giants try rapprochement")
    );
    assert_eq!(a.meta.authors, vec!["Willy Wo-Lap Lam".to_string()]);
    let date = a.meta.date.as_ref().expect("a date");
    assert_eq!(date.text, "06/08/2018, 12.57");
    assert_eq!(date.iso.as_deref(), Some("2018-08-06"));
    assert_eq!(
        a.meta.summary.as_deref(),
        Some(
            "Security, trade and the thorny Korean question are on the discussion table. Thaw is the \
             result of the tariff war and the new US protectionism. Tokyo has been a trusted economic \
             partner for Beijing, but now China wants to be a superpower. Courtesy of the Jamestown Foundation."
        )
    );
    assert_eq!(a.meta.dateline.as_deref(), Some("Hong Kong (AsiaNews) –"));
    assert!(
        a.blocks[0]
            .text
            .starts_with("Hong Kong (AsiaNews) – A recent, unexpected rapprochement")
    );
    assert!(
        a.blocks
            .last()
            .unwrap()
            .text
            .starts_with("In spite of the devastating damage")
    );
}

#[test]
fn seed_footnote() {
    let Some((a, raw)) = seed() else { return };
    // The note's full text is exactly its line in the file, minus the label.
    let line = raw
        .lines()
        .find(|l| l.starts_with("[1] "))
        .expect("note line in the seed");
    assert_eq!(a.footnotes.len(), 1);
    let f = &a.footnotes[0];
    assert_eq!(f.label, "1");
    assert!(f.defined);
    assert_eq!(f.refs.len(), 1);
    assert_eq!(f.text(), line["[1] ".len()..]);
    // The one reference is at the end of the paragraph about the Hu–Fukuda agreement.
    let lectern::article::Place::Body { block } = f.refs[0].place else {
        panic!("ref not in the body")
    };
    assert!(a.blocks[block].text[..f.refs[0].offset].ends_with("nationalists in China."));
}

#[test]
fn seed_citations() {
    let Some((a, _)) = seed() else { return };
    let at = "attribution";
    assert_citations(
        &a,
        &[
            (at, "HKO1.com", "May 4", None),
            (at, "Xinhua", "May 4", None),
            (at, "NHK News", "April 19", None),
            (at, "Asahi Shimbun", "January 30", None),
            (at, "Xinhua", "May 2", None),
            (at, "China Brief", "October 17, 2007", None),
            (at, "Xinhua", "May 8, 2008", None),
            (at, "Apple Daily [Hong Kong]", "April 23", None),
            (at, "Xinhuaapp.com", "April 4", None),
            (at, "Hindustan Times", "March 9", None),
            (at, "Reuters", "March 9", None),
            (at, "United Daily News [Taiwan]", "May 4", None),
            (at, "South China Morning Post", "April 29", None),
            (at, "Korea Herald", "April 27", None),
            (at, "South China Morning Post", "March 28", None),
            (at, "Japan Times", "March 28", None),
            (at, "Xinhua", "May 8", None),
            (at, "Lianhe Zaobao [SingaporeIi]", "May 8", None),
            (at, "Japan Times", "May 1", None),
            (at, "Stripes.com", "March 15", None),
            (at, "Apple Daily", "May 11", None),
            (at, "People’s Daily", "December 3, 2004", None),
            (at, "China News Service", "June 24, 2008", Some("1")),
            ("reference", "Xinjun Zhang", "2011", Some("1")),
        ],
    );
    let body = a
        .citations
        .iter()
        .filter(|c| matches!(c.place, lectern::article::Place::Body { .. }))
        .count();
    assert_eq!(body, 22);
    let zhang = &a.citations[23];
    assert_eq!(zhang.locator.as_deref(), Some("pp. 53-65"));
    assert!(
        zhang
            .title
            .as_deref()
            .unwrap()
            .starts_with("Why the 2008 Sino-Japanese Consensus")
    );
    assert_eq!(a.citations[5].text, "See China Brief, October 17, 2007");

    for s in [
        "(CCP)",
        "(1966-76)",
        "(hereafter “the Treaty”)",
        "(the son of former prime minister Takeo Fukuda, who signed the Treaty on behalf of Japan)",
        "[so as to]",
        "[collective]",
    ] {
        assert_not_cited(&a, s);
    }
}

#[test]
fn seed_related_and_chrome() {
    let Some((a, _)) = seed() else { return };
    assert_eq!(
        related(&a),
        want_related(&[
            (
                "Tensions between Seoul and Pyongyang rise as Cold War fears cast a shadow over Korea",
                Some("12/02/2016 15:14"),
            ),
            (
                "White House to stop Beijing's \"imperialist\" policy in the South China Sea",
                Some("24/01/2017 15:55")
            ),
            (
                "Boris Johnson wins in London: Tokyo prepares for impact of Brexit",
                Some("13/12/2019 12:01")
            ),
            (
                "Pyongyang launches missile over Japan: 'unprecedented' threat",
                Some("29/08/2017 10:12")
            ),
            (
                "Pope talks about the Middle East, the Holy Land and the food crisis with Bush",
                None
            ),
        ])
    );
    for line in [
        "Send to a friend",
        "Printable version",
        "See also",
        "Subscribe to Asia News updates or change your preferences",
        "Subscribe now",
        "“L’Asia: ecco il nostro comune compito per il terzo millennio!” - Giovanni Paolo II, da “Alzatevi, andiamo”",
    ] {
        assert_chrome_removed(&a, line);
    }
}

/// `render --width 60` on the seed: nothing wider than 60 columns.
#[test]
fn seed_renders_within_60_columns() {
    let Some((a, _)) = seed() else { return };
    let text = lectern::render::render(a, 60, false);
    for line in text.lines() {
        assert!(
            unicode_width::UnicodeWidthStr::width(line) <= 60,
            "{line:?}"
        );
    }
    assert!(text.contains("Tokyo and Beijing"));
}
