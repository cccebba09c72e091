//! Dates as articles write them, and resolving numeric dates (DD/MM or MM/DD?)
//! from the evidence of the other dates in the same document.

use crate::pattern::Pattern;
use crate::shape::Ends;
use std::sync::LazyLock;

// Scans a whole article for numeric dates, so it keeps the DFA.
static NUMERIC: LazyLock<Pattern> =
    LazyLock::new(|| Pattern::scanning(r"\b(\d{1,2})([/.\-])(\d{1,2})([/.\-])(\d{4}|\d{2})\b"));
static MONTH_FIRST: LazyLock<Pattern> = LazyLock::new(|| {
    Pattern::new(r"(?i)\b([a-z]{3,9})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})\b")
});
static DAY_FIRST: LazyLock<Pattern> = LazyLock::new(|| {
    Pattern::new(r"(?i)\b(\d{1,2})(?:st|nd|rd|th)?\s+([a-z]{3,9})\.?,?\s+(\d{4})\b")
});
/// Whether a whole line is a date (with optional weekday, time and zone), as a date line is.
pub fn is_date_line(line: &str) -> bool {
    let t = line.trim();
    t.len() <= 60 && date_line_shape(t)
}

/// A date with an optional "Published:" label, weekday, time and zone, and nothing else;
/// a month must be a real one, so "Chapter 12, 2019" is not a date.
/// Read with `Ends` rather than a pattern: it is checked on the first lines of every
/// article, and compiling the pattern took longer than the rest of their parse. Digits
/// and letters are ASCII, as the dates are then read.
fn date_line_shape<'t>(t: &'t str) -> bool {
    const ANY: usize = usize::MAX;
    let digit = |c: char| c.is_ascii_digit();
    let letter = |c: char| c.is_ascii_alphabetic();
    let digits = move |min, max| move |e: Ends<'t>| e.chars(digit, min, max);
    let ordinal = |e: Ends<'t>| e.word(&["st", "nd", "rd", "th"]);
    let month = |e: Ends<'t>| e.word(&MONTH_WORDS);
    let numeric = |e: Ends<'t>| {
        let sep = |c| matches!(c, '/' | '.' | '-');
        e.chars(digit, 1, 2)
            .chars(sep, 1, 1)
            .chars(digit, 1, 2)
            .chars(sep, 1, 1)
            .either(&[&digits(4, 4), &digits(2, 2)])
    };
    let iso = |e: Ends<'t>| {
        let zone = |e: Ends<'t>| {
            e.either(&[&|e| e.word(&["z"]), &|e| {
                e.word(&["+", "-"])
                    .chars(digit, 2, 2)
                    .maybe_char(':')
                    .chars(digit, 2, 2)
            }])
        };
        e.chars(digit, 4, 4)
            .word(&["-"])
            .chars(digit, 2, 2)
            .word(&["-"])
            .chars(digit, 2, 2)
            .maybe(|e| {
                e.word(&["t"])
                    .chars(|c| digit(c) || c == ':' || c == '.', 1, ANY)
                    .maybe(zone)
            })
    };
    let month_first = |e: Ends<'t>| {
        month(e)
            .maybe_char('.')
            .space()
            .chars(digit, 1, 2)
            .maybe(ordinal)
            .maybe_char(',')
            .space()
            .chars(digit, 4, 4)
    };
    let day_first = |e: Ends<'t>| {
        e.chars(digit, 1, 2)
            .maybe(ordinal)
            .space()
            .then(month)
            .maybe_char('.')
            .maybe_char(',')
            .space()
            .chars(digit, 4, 4)
    };
    let time = |e: Ends<'t>| {
        let colon = |c| c == ':' || c == '.';
        e.chars(
            |c| c == ',' || c.is_whitespace() || "|·-–—".contains(c),
            0,
            ANY,
        )
        .maybe(|e| e.word(&["at"]).space())
        .chars(digit, 1, 2)
        .chars(colon, 1, 1)
        .chars(digit, 2, 2)
        .maybe(|e| e.chars(colon, 1, 1).chars(digit, 2, 2))
        .any_space()
        .maybe(|e| {
            e.word(&["a", "p"])
                .maybe_char('.')
                .word(&["m"])
                .maybe_char('.')
        })
        .maybe(|e| e.any_space().chars(letter, 2, 5))
    };
    Ends::start(t)
        .maybe(|e| {
            e.word(&["published", "posted", "updated", "date", "dated"])
                .any_space()
                .maybe_char(':')
                .any_space()
        })
        .maybe(|e| {
            e.word(&["mon", "tue", "wed", "thu", "fri", "sat", "sun"])
                .chars(letter, 0, ANY)
                .maybe_char('.')
                .maybe_char(',')
                .space()
        })
        .either(&[&numeric, &iso, &month_first, &day_first])
        .maybe(time)
        .any_space()
        .whole()
}

/// Whether a short line is only a time stamp, in any of the shapes pages print them:
/// "Updated: 18 Nov 2019, 19:11", "11/18/19 11:04 PM EST", "Updated at 1:23 p.m.",
/// "Wednesday, November 20, 2019 5:27 am CST". Every word must be a number, a month, a
/// weekday, a clock or zone word or a label, and a date or a clock time must be there.
pub fn is_timestamp_line(line: &str) -> bool {
    const WORDS: &[&str] = &[
        "am",
        "pm",
        "a.m",
        "p.m",
        "a",
        "m",
        "p",
        "at",
        "on",
        "of",
        "the",
        "de",
        "updated",
        "published",
        "posted",
        "last",
        "first",
        "modified",
        "date",
        "dated",
        "created",
        "utc",
        "gmt",
        "est",
        "edt",
        "cst",
        "cdt",
        "mst",
        "mdt",
        "pst",
        "pdt",
        "bst",
        "cet",
        "cest",
        "ist",
        "jst",
        "aest",
        "et",
        "pt",
        "ct",
        "z",
    ];
    const WEEKDAYS: &[&str] = &[
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
        "mon",
        "tue",
        "tues",
        "wed",
        "thu",
        "thur",
        "thurs",
        "fri",
        "sat",
        "sun",
    ];
    let t = line.trim();
    if t.is_empty() || t.chars().count() > 80 {
        return false;
    }
    let mut dated = false;
    let mut any_digit = false;
    for word in t.split(|c: char| c.is_whitespace() || matches!(c, ',' | '|' | '·' | '(' | ')')) {
        let w = word.trim_matches(|c: char| matches!(c, '.' | ':' | '-' | '–' | '—'));
        if w.is_empty() {
            continue;
        }
        let lower = w.to_lowercase();
        let digits = w.bytes().filter(u8::is_ascii_digit).count();
        any_digit |= digits > 0;
        let numeric = digits > 0
            && w.bytes()
                .all(|b| b.is_ascii_digit() || matches!(b, b':' | b'/' | b'.' | b'-'));
        let ordinal = digits > 0
            && ["st", "nd", "rd", "th"].iter().any(|s| {
                lower
                    .strip_suffix(s)
                    .is_some_and(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()))
            });
        let clock = digits > 0
            && ["am", "pm"].iter().any(|s| {
                lower
                    .strip_suffix(s)
                    .is_some_and(|n| n.bytes().all(|b| b.is_ascii_digit() || b == b':'))
            });
        if numeric {
            dated |= w.contains([':', '/', '-', '.']) || digits == 4;
        } else if month_number(w.trim_end_matches('.')).is_some() {
            dated = true;
        } else if !(ordinal
            || clock
            || WORDS.contains(&lower.as_str())
            || WEEKDAYS.contains(&lower.as_str()))
        {
            return false;
        }
        dated |= clock;
    }
    dated && any_digit
}

/// Every spelling of a month that dates and citations use: the full names, January
/// first, then the abbreviations and "Sept". `month_number` knows them all.
#[rustfmt::skip]
pub const MONTH_WORDS: [&str; 24] = [
    "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December",
    "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sept", "Sep", "Oct", "Nov", "Dec",
];

/// English month names, January first.
pub const MONTHS: [&str; 12] = {
    let mut names = [""; 12];
    let mut i = 0;
    while i < 12 {
        names[i] = MONTH_WORDS[i];
        i += 1;
    }
    names
};

/// The month's number for an English month name or abbreviation.
pub fn month_number(name: &str) -> Option<u32> {
    let n = name.to_ascii_lowercase();
    MONTHS
        .iter()
        .map(|m| m.to_ascii_lowercase())
        .position(|m| {
            n == m || (n.len() >= 3 && m.starts_with(&n) && (n.len() == 3 || n == "sept"))
        })
        .map(|i| i as u32 + 1)
}

/// Which order numeric dates in a document use, judged from all of them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Order {
    /// 24/01/2017: day first.
    DayMonth,
    /// 01/24/2017: month first.
    MonthDay,
    /// No evidence, or evidence both ways.
    Unknown,
}

/// Looks at every numeric date in `text`: one whose first field exceeds 12 shows day-first,
/// one whose second field exceeds 12 shows month-first. Mixed evidence decides nothing.
pub fn numeric_order(text: &str) -> Order {
    let (mut dm, mut md) = (false, false);
    for c in NUMERIC.captures_iter(text) {
        if c[2] != c[4] {
            continue;
        }
        let (a, b): (u32, u32) = (c[1].parse().unwrap_or(0), c[3].parse().unwrap_or(0));
        match (a, b) {
            (13..=31, 1..=12) => dm = true,
            (1..=12, 13..=31) => md = true,
            _ => {}
        }
    }
    match (dm, md) {
        (true, false) => Order::DayMonth,
        (false, true) => Order::MonthDay,
        _ => Order::Unknown,
    }
}

/// The ISO date (`YYYY-MM-DD`) a date text stands for, using `order` for numeric dates.
/// `None` when it cannot be told without guessing or is not a real date.
pub fn to_iso(text: &str, order: Order) -> Option<String> {
    let t = text.trim();
    if let Some((y, m, d)) = iso_parts(t) {
        return ymd(y.parse().ok()?, m.parse().ok()?, d.parse().ok()?);
    }
    if let Some(c) = NUMERIC.captures(t) {
        let (a, b): (u32, u32) = (c[1].parse().ok()?, c[3].parse().ok()?);
        let year = full_year(&c[5])?;
        // Dots are the European convention and mean day first.
        let order = if &c[2] == "." { Order::DayMonth } else { order };
        let (d, m) = match (a > 12, b > 12, order) {
            (true, false, _) => (a, b),
            (false, true, _) => (b, a),
            (false, false, _) if a == b => (a, b),
            (false, false, Order::DayMonth) => (a, b),
            (false, false, Order::MonthDay) => (b, a),
            _ => return None,
        };
        return ymd(year, m, d);
    }
    if let Some(c) = MONTH_FIRST.captures(t) {
        return ymd(c[3].parse().ok()?, month_number(&c[1])?, c[2].parse().ok()?);
    }
    if let Some(c) = DAY_FIRST.captures(t) {
        return ymd(c[3].parse().ok()?, month_number(&c[2])?, c[1].parse().ok()?);
    }
    None
}

fn full_year(s: &str) -> Option<i32> {
    let y: i32 = s.parse().ok()?;
    Some(if s.len() == 2 {
        if y < 70 { 2000 + y } else { 1900 + y }
    } else {
        y
    })
}

fn ymd(year: i32, month: u32, day: u32) -> Option<String> {
    let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    let days = match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return None,
    };
    (1..=days)
        .contains(&day)
        .then(|| format!("{year:04}-{month:02}-{day:02}"))
}

/// Year, month and day of a text starting `YYYY-MM-DD`.
fn iso_parts(t: &str) -> Option<(&str, &str, &str)> {
    let b = t.as_bytes().get(..10)?;
    let digits = |r: std::ops::Range<usize>| b[r].iter().all(u8::is_ascii_digit);
    (digits(0..4) && b[4] == b'-' && digits(5..7) && b[7] == b'-' && digits(8..10))
        .then(|| (&t[..4], &t[5..7], &t[8..10]))
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn time_stamp_lines() {
        for l in [
            "Updated: 18 Nov 2019, 19:11",
            "18 Nov 2019, 19:09",
            "11/18/19 11:04 PM EST",
            "Updated at 1:23 p.m.",
            "Updated 5:27 am CST, Wednesday, November 20, 2019",
            "Posted on March 3rd, 2021",
        ] {
            assert!(is_timestamp_line(l), "{l}");
        }
        for l in [
            "May",
            "Updated",
            "The 2019 season",
            "At 5, she moved to Lagos",
            "3 of 4",
            "Image 1 of 5",
        ] {
            assert!(!is_timestamp_line(l), "{l}");
        }
    }

    #[test]
    fn date_lines() {
        for l in [
            "06/08/2018, 12.57",
            "11/23/2019 08:15",
            "March 3, 2021",
            "2019-11-23",
            "Published: 2019-11-23T10:00:00Z",
            "Monday, 4 May 2020 | 10:15 BST",
            "22/11/2018, 17.05",
        ] {
            assert!(is_date_line(l), "{l}");
        }
        for l in [
            "Send to a friend",
            "Chapter 12, 2019",
            "06/08/2018 was a Monday",
            "Pope talks",
            "posted 12, 202008:15",
        ] {
            assert!(!is_date_line(l), "{l}");
        }
    }

    /// The pattern `date_line_shape` replaced, with month words spelled out (it let a later
    /// check reject other words, which missed "posted 12, 202008:15"), as the meaning it
    /// must keep: its digits and letters ASCII, its white space (`\s`, made Unicode below)
    /// any.
    const DATE_LINE: &str = r"(?ix-u)^(?:(?:published|posted|updated|date|dated)\s*:?\s*)?
        (?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+)?
        (?:
            \d{1,2}[/.\-]\d{1,2}[/.\-](?:\d{4}|\d{2})
          | \d{4}-\d{2}-\d{2}(?:T[\d:.]+(?:Z|[+\-]\d{2}:?\d{2})?)?
          | MONTH\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}
          | \d{1,2}(?:st|nd|rd|th)?\s+MONTH\.?,?\s+\d{4}
        )
        (?:(?u:[,\s|·\-–—])*(?:at\s+)?\d{1,2}[:.]\d{2}(?:[:.]\d{2})?\s*(?:[ap]\.?m\.?)?(?:\s*[A-Z]{2,5})?)?
        \s*$";

    /// Date lines in many shapes, some of them damaged by a character or two.
    fn date_line() -> impl Strategy<Value = String> {
        let pick = |v: Vec<&'static str>| prop::sample::select(v);
        (
            pick(vec![
                "",
                "",
                "Published: ",
                "posted ",
                "Updated:",
                "Dated  ",
                "date:",
                "Posted:\u{a0}",
            ]),
            pick(vec!["", "", "Monday, ", "Tue. ", "sat ", "Sunday,", "Fri "]),
            pick(vec![
                "06/08/2018",
                "6.8.18",
                "11-23-2019",
                "2019-11-23",
                "2019-11-23T10:00:00Z",
                "2019-11-23T10:00+01:00",
                "2019-11-23t1",
                "March 3, 2021",
                "Sept. 14th 2020",
                "Jan 1 1999",
                "4 May 2020",
                "21st June, 2021",
                "Chapter 12, 2019",
                "1/1/1",
                "May 2020",
                "12 Foo 2020",
                "Sunday 4 2020",
                "posted 12, 2020",
                "Mayday 4, 2020",
                "sept 4 2020",
                "Octo 4, 2020",
                "May\u{2009}4, 2020",
                "4\u{3000}May 2020",
                "4th of July 2020",
            ]),
            pick(vec![
                "",
                "",
                ", 12.57",
                " 08:15",
                " | 10:15 BST",
                " at 9:30 p.m.",
                " – 17.05",
                " 10:15:30am",
                " 9.3",
                " at10:15",
                " 10:15 GMTPLUS",
                " \u{85}10:15",
            ]),
            pick(vec!["", "", " ", ".", " etc"]),
            0..40usize,
            prop::sample::select(vec!['\0', 'x', ' ', '1', '.', '-']),
        )
            .prop_map(|(label, day, date, time, end, at, c)| {
                let mut l = format!("{label}{day}{date}{time}{end}");
                if at < l.len() && l.is_char_boundary(at) {
                    if c == '\0' {
                        l.remove(at);
                    } else {
                        l.insert(at, c);
                    }
                }
                l
            })
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(2000))]
        #[test]
        fn shape_agrees_with_the_pattern_it_replaced(l in date_line()) {
            static OLD: std::sync::LazyLock<regex::Regex> =
                std::sync::LazyLock::new(|| {
                    let months = format!("(?:{})", MONTH_WORDS.join("|"));
                    let pattern = DATE_LINE.replace("MONTH", &months).replace(r"\s", r"(?u:\s)");
                    regex::Regex::new(&pattern).unwrap()
                });
            proptest::prop_assert_eq!(date_line_shape(&l), OLD.is_match(&l), "{:?}", l);
        }
    }

    #[test]
    fn evidence_decides_numeric_order() {
        assert_eq!(numeric_order("06/08/2018 and 24/01/2017"), Order::DayMonth);
        assert_eq!(numeric_order("04/07/2021 and 03/22/2021"), Order::MonthDay);
        assert_eq!(numeric_order("05/06/2022"), Order::Unknown);
        assert_eq!(numeric_order("13/01/2020 and 01/13/2020"), Order::Unknown);
    }

    #[test]
    fn iso_dates_read_by_position() {
        assert_eq!(iso_parts("2019-11-23T10:00Z"), Some(("2019", "11", "23")));
        for t in [
            "2019-1-23",
            "2019/11/23",
            "19-11-2023",
            "2019-11-2",
            "",
            "2019-11-2é",
        ] {
            assert_eq!(iso_parts(t), None, "{t}");
        }
        assert_eq!(to_iso(" 2020-02-30 ", Order::Unknown), None);
    }

    #[test]
    fn iso_resolution() {
        assert_eq!(
            to_iso("06/08/2018, 12.57", Order::DayMonth).as_deref(),
            Some("2018-08-06")
        );
        assert_eq!(
            to_iso("04/07/2021 06:30", Order::MonthDay).as_deref(),
            Some("2021-04-07")
        );
        assert_eq!(to_iso("05/06/2022, 08.15", Order::Unknown), None);
        assert_eq!(
            to_iso("24/01/2017", Order::Unknown).as_deref(),
            Some("2017-01-24")
        );
        assert_eq!(
            to_iso("07/07/2017", Order::Unknown).as_deref(),
            Some("2017-07-07")
        );
        assert_eq!(
            to_iso("June 2, 2020", Order::Unknown).as_deref(),
            Some("2020-06-02")
        );
        assert_eq!(
            to_iso("Monday, 4 May 2020", Order::Unknown).as_deref(),
            Some("2020-05-04")
        );
        assert_eq!(to_iso("31/02/2020", Order::Unknown), None);
        assert_eq!(
            to_iso("06.08.2018", Order::Unknown).as_deref(),
            Some("2018-08-06")
        );
    }
}
