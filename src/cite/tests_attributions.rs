//! Attributions and years in parentheses read by their shape: an outlet opened by "The" or
//! another language's article, a poll dated by its month, one author's lettered years.

use super::paren::classify;

/// The source and date of each citation `classify` reads in a parenthesis's text.
fn read(part: &str) -> Vec<(String, Option<String>)> {
    classify(part, None)
        .into_iter()
        .map(|c| (c.source, c.date))
        .collect()
}

#[test]
fn outlets_dated_by_a_weekday_or_a_month_by_their_shape() {
    for (part, source, date) in [
        ("The Paper, Tuesday", "The Paper", "Tuesday"),
        (
            "de Volkskrant, dinsdag 9 mei 2023",
            "de Volkskrant",
            "dinsdag 9 mei 2023",
        ),
        (
            "Le Monde diplomatique, janvier 2021",
            "Le Monde diplomatique",
            "janvier 2021",
        ),
        ("de Volkskrant, dinsdag", "de Volkskrant", "dinsdag"),
        (
            "UT/Texas Politics Project poll, April",
            "UT/Texas Politics Project poll",
            "April",
        ),
    ] {
        let r = read(part);
        assert_eq!(r.len(), 1, "{part}: {r:?}");
        assert_eq!(r[0].0, source, "{part}");
        assert_eq!(r[0].1.as_deref(), Some(date), "{part}");
    }
    for part in [
        "Geneva, Wednesday",
        "his office, Monday",
        "The Hague and Delft, Monday",
        "the new dock, April",
    ] {
        assert!(read(part).is_empty(), "{part}: {:?}", read(part));
    }
}

#[test]
fn lettered_years_alone_are_no_source_and_date() {
    assert!(read("2020a, 2020b, 2021").is_empty());
    let c = classify("2019b", Some("Chen"));
    assert_eq!(c.len(), 1);
    assert_eq!(c[0].source, "Chen");
}

#[test]
fn an_events_word_inside_a_bodys_name_leaves_it_an_author() {
    for (part, source) in [
        ("Flood Re 2021", "Flood Re"),
        ("Law Society 2019", "Law Society"),
    ] {
        let r = read(part);
        assert_eq!(r.len(), 1, "{part}: {r:?}");
        assert_eq!(r[0].0, source);
    }
    for part in [
        "Paris Agreement 2015",
        "Treaty of Rome 1957",
        "Great Flood 1953",
    ] {
        assert!(read(part).is_empty(), "{part}: {:?}", read(part));
    }
}
