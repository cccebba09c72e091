//! How dates are shown: an article's date in lists and in the reader, each in one
//! configured `strftime` format; bookmark and highlight times in the local time zone; and
//! the key a date sorts by.

use jiff::civil::Date;
use jiff::fmt::strtime;
use jiff::tz::TimeZone;

/// The lists' format by default: `2019-03-14`, the same width for every date.
pub const LIST: &str = "%Y-%m-%d";

/// The reader's format by default: `14 March 2019`.
pub const READER: &str = "%-d %B %Y";

/// Longest a formatted date may be: a date line, not a paragraph.
const MAX_WIDTH: usize = 40;

/// The calendar date of an ISO text starting `YYYY-MM-DD`.
fn date_of(iso: &str) -> Option<Date> {
    iso.get(..10)?.parse().ok()
}

/// Why `format` cannot show dates, if it cannot: it must format a calendar date (no
/// times or zones: an article's date has none), to something printable and short.
pub fn check(format: &str) -> Result<(), String> {
    let sample = Date::constant(2019, 9, 28);
    let shown = strtime::format(format, sample).map_err(|e| {
        let why = e.to_string();
        format!("cannot format a date ({why})")
    })?;
    if shown.trim().is_empty() {
        return Err("shows nothing".into());
    }
    if shown.chars().any(char::is_control) {
        return Err("holds a control character".into());
    }
    if widest(format) > MAX_WIDTH {
        return Err(format!("is longer than {MAX_WIDTH} columns"));
    }
    Ok(())
}

/// An article's date in `format`: the resolved date (`iso`) formatted; otherwise, as it
/// is written (a numeric date whose day and month could not be told apart stays as it is).
pub fn article(iso: Option<&str>, text: &str, format: &str) -> String {
    iso.and_then(date_of)
        .and_then(|d| strtime::format(format, d).ok())
        .unwrap_or_else(|| text.to_string())
}

/// An article's date for a column `width` wide, never cut: formatted as `article` does,
/// and an unresolved one that does not fit shown by its year.
pub fn in_column(iso: Option<&str>, text: &str, format: &str, width: usize) -> String {
    let shown = article(iso, text, format);
    if unicode_width::UnicodeWidthStr::width(shown.as_str()) <= width {
        return shown;
    }
    year_of(text).map_or(shown, str::to_string)
}

/// The widest any date gets in `format`, in columns, over every month and weekday, so a
/// column of dates is wide enough for all of them.
pub fn widest(format: &str) -> usize {
    (1..=12)
        .flat_map(|month| (22..=28).map(move |day| Date::constant(2000, month, day)))
        .filter_map(|d| strtime::format(format, d).ok())
        .map(|s| unicode_width::UnicodeWidthStr::width(s.as_str()))
        .max()
        .unwrap_or(0)
}

/// What a date sorts by: the resolved date, else the year it names (so `05/06/2024`,
/// day and month unknown, sorts with 2024, after that year's known dates when newest
/// come first).
pub fn sort_key(iso: Option<&str>, text: Option<&str>) -> Option<String> {
    iso.and_then(|i| i.get(..10))
        .map(str::to_string)
        .or_else(|| year_of(text?).map(str::to_string))
}

/// The last four-digit year (1000–2999) in a date's text.
fn year_of(text: &str) -> Option<&str> {
    let b = text.as_bytes();
    (0..b.len().saturating_sub(3))
        .rev()
        .find(|&i| {
            let four = &b[i..i + 4];
            four.iter().all(u8::is_ascii_digit)
                && matches!(four[0], b'1' | b'2')
                && (i == 0 || !b[i - 1].is_ascii_digit())
                && b.get(i + 4).is_none_or(|c| !c.is_ascii_digit())
        })
        .map(|i| &text[i..i + 4])
}

/// A moment (milliseconds since the Unix epoch) as the date in `format` and the time of
/// day, in the local time zone (`TZ`, else the system's).
pub fn moment(ms: u64, format: &str) -> String {
    moment_in(ms, format, local_zone())
}

/// How lists show dates and times: their format and the time zone.
#[derive(Debug, Clone)]
pub struct Dates {
    /// The lists' `strftime` format.
    pub format: &'static str,
    /// The zone times are shown in; `None`, the local one (tests name one).
    pub zone: Option<TimeZone>,
}

impl Default for Dates {
    fn default() -> Self {
        Dates {
            format: LIST,
            zone: None,
        }
    }
}

/// The local time zone, found the first time a time is shown: finding it reads through
/// the system's zone database, which is no work for the first frame.
fn local_zone() -> &'static TimeZone {
    static LOCAL: std::sync::OnceLock<TimeZone> = std::sync::OnceLock::new();
    LOCAL.get_or_init(TimeZone::system)
}

impl Dates {
    /// A moment (milliseconds since the Unix epoch) as its date and time of day.
    pub fn moment(&self, ms: u64) -> String {
        moment_in(
            ms,
            self.format,
            self.zone.as_ref().unwrap_or_else(|| local_zone()),
        )
    }
}

/// `moment` in a given time zone.
pub fn moment_in(ms: u64, format: &str, tz: &TimeZone) -> String {
    let Ok(at) = jiff::Timestamp::from_millisecond(ms.min(i64::MAX as u64) as i64) else {
        return String::new();
    };
    let local = at.to_zoned_datetime(tz.clone());
    let date = strtime::format(format, local.date()).unwrap_or_else(|_| local.date().to_string());
    let time = strtime::format("%H:%M", local.time()).unwrap_or_default();
    format!("{date} {time}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn resolved_dates_take_the_format_and_unresolved_ones_stay_as_written() {
        assert_eq!(
            article(Some("2019-03-14"), "14/03/2019", LIST),
            "2019-03-14"
        );
        assert_eq!(
            article(Some("2019-03-14"), "14/03/2019", READER),
            "14 March 2019"
        );
        assert_eq!(
            article(Some("2019-03-14"), "", "%a %-d %b %Y"),
            "Thu 14 Mar 2019"
        );
        assert_eq!(article(None, "05/06/2024", READER), "05/06/2024");
    }

    #[test]
    fn a_column_as_wide_as_the_widest_date_never_cuts_one() {
        let long = "%A %-d %B %Y";
        let width = widest(long);
        assert_eq!(width, "Wednesday 27 September 2000".len());
        for iso in ["2024-09-25", "2024-05-01", "2024-12-31"] {
            let shown = in_column(Some(iso), "", long, width);
            assert!(shown.len() <= width, "{shown}");
        }
        assert_eq!(widest(LIST), 10);
        assert_eq!(in_column(None, "05/06/2024", LIST, 10), "05/06/2024");
        assert_eq!(
            in_column(None, "Tuesday, 05/06/2024 at 10:00", LIST, 10),
            "2024"
        );
    }

    #[test]
    fn an_unresolved_date_sorts_by_its_year() {
        assert_eq!(
            sort_key(Some("2024-05-06"), Some("x")).as_deref(),
            Some("2024-05-06")
        );
        assert_eq!(sort_key(None, Some("05/06/2024")).as_deref(), Some("2024"));
        assert_eq!(sort_key(None, Some("1 Jan 99")), None);
        assert_eq!(sort_key(None, None), None);
        let mut keys = vec![
            sort_key(Some("2023-12-01"), None),
            sort_key(None, Some("05/06/2024")),
            sort_key(Some("2024-02-01"), None),
        ];
        keys.sort_by(|a, b| b.cmp(a));
        assert_eq!(
            keys,
            [Some("2024-02-01"), Some("2024"), Some("2023-12-01")].map(|k| k.map(String::from))
        );
    }

    #[test]
    fn formats_are_checked() {
        assert!(check(LIST).is_ok() && check(READER).is_ok());
        assert!(check("%H:%M").is_err(), "a date has no time");
        assert!(check("%Q").is_err());
        assert!(check("").is_err());
        assert!(check(" ").is_err());
        assert!(check("%Y\n").is_err());
        assert!(check(&"%B ".repeat(10)).is_err());
    }

    #[test]
    fn moments_are_in_the_local_time_zone() {
        let ms = 1_795_989_437_123; // 2026-11-29T21:57:17Z
        assert_eq!(moment_in(ms, LIST, &TimeZone::UTC), "2026-11-29 21:57");
        let tokyo = TimeZone::fixed(jiff::tz::offset(9));
        assert_eq!(moment_in(ms, LIST, &tokyo), "2026-11-30 06:57");
        let fixed = TimeZone::fixed(jiff::tz::offset(-5));
        assert_eq!(moment_in(ms, READER, &fixed), "29 November 2026 16:57");
    }
}
