//! The shapes of a parenthesis's source besides author–year: an outlet relayed or citing
//! its own source, an outlet dated by a weekday, a clause after a date saying what the
//! source found, and a personal communication.

use super::names::{foreign_led, is_outlet, is_plausible_author, is_source_name};
use super::when::{FOREIGN_WEEKDAYS, WEEKDAYS, is_tail_date, when_len};

/// `the Financial Times, via Nikkei` or `Wall Street Journal, citing shipping brokers`: a
/// source undated but passed on by another outlet or naming its own source. A route
/// (`London, via Dubai`) is no outlet, so what is relayed must be named as one.
pub(super) fn relayed(body: &str) -> Option<&str> {
    let (source, rest) = body.split_once(", ")?;
    let ok = match rest.split_once(' ')? {
        ("via", outlet) => is_source_name(outlet) && (is_outlet(source) || is_outlet(outlet)),
        ("citing" | "quoting", whom) => {
            !whom.contains(|c: char| c.is_ascii_digit()) && whom.split(' ').count() <= 8
        }
        _ => false,
    };
    (ok && is_source_name(source)).then_some(source)
}

/// `the Wall Street Journal, Wednesday`: an outlet dated by the day of the week alone. A
/// place can be dated so too (`Bangkok, Tuesday`), so the source must be named as an
/// outlet.
///
/// A name in another language's article (`de Volkskrant, dinsdag`) or opened by "The"
/// (`The Paper, Tuesday`) is an outlet's shape too, as is a poll or survey dated by its
/// month alone (`UT/Texas Politics Project poll, April`).
pub(super) fn weekday_tail(body: &str) -> Option<(&str, &str)> {
    let (source, day) = body.rsplit_once(", ")?;
    let weekday =
        WEEKDAYS.contains(&day) || FOREIGN_WEEKDAYS.iter().any(|w| w.eq_ignore_ascii_case(day));
    let titled = source
        .strip_prefix("The ")
        .is_some_and(|n| n.starts_with(char::is_uppercase) && !n.contains(' '));
    let outlet = is_outlet(source) || foreign_led(source) || titled;
    let polled = source
        .rsplit(' ')
        .next()
        .is_some_and(|w| matches!(w, "poll" | "survey"))
        && crate::dates::MONTH_WORDS.contains(&day);
    ((weekday && outlet || polled) && is_source_name(source)).then_some((source, day))
}

/// Verbs that open a clause saying what a dated source found or said, or whom it drew on
/// (`Reuters, May 12, citing two traders`).
const FINDINGS: &[&str] = &[
    "citing",
    "quoting",
    "found",
    "finds",
    "showed",
    "shows",
    "reported",
    "reports",
    "said",
    "says",
    "noted",
    "notes",
    "estimated",
    "estimates",
    "suggested",
    "suggests",
    "wrote",
    "writes",
];

/// `body` up to a `, found that…` clause, when it has one.
pub(super) fn before_clause(body: &str) -> Option<&str> {
    body.match_indices(", ").find_map(|(i, _)| {
        let word = body[i + 2..].split(' ').next()?;
        FINDINGS.contains(&word).then_some(&body[..i])
    })
}

/// `K. Lund, personal communication, 2020` or `Lund, pers. comm., 12 May 2019`: what a
/// person told the writer, cited by the person and dated.
pub(super) fn personal_communication(body: &str) -> Option<(&str, &str)> {
    let (who, rest) = body.split_once(", ")?;
    let when = ["personal communication, ", "pers. comm., ", "pers. comm. "]
        .iter()
        .find_map(|w| rest.strip_prefix(w))?;
    let dated = when_len(when) == Some(when.len()) || is_tail_date(when);
    (dated && is_plausible_author(who)).then_some((who, when))
}
