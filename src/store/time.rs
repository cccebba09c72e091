//! Clock readings, bookmark ids and time formatting, with std only.

use super::fingerprint::Fnv;
use std::hash::{BuildHasher, Hasher};
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{SystemTime, UNIX_EPOCH};

/// Milliseconds since the Unix epoch (0 if the clock is before it).
pub fn now_ms() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_millis() as u64)
}

/// A bookmark id no other process or machine will make: the time, then 64 bits from
/// std's per-process random hasher keys mixed with the pid, the clock and a counter.
pub fn new_id(now: u64) -> String {
    static COUNTER: AtomicU64 = AtomicU64::new(0);
    let nanos = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_nanos());
    let mut random = std::collections::hash_map::RandomState::new().build_hasher();
    random.write_u32(std::process::id());
    random.write_u128(nanos);
    random.write_u64(COUNTER.fetch_add(1, Ordering::Relaxed));
    let mut mixed = Fnv::new();
    mixed.write(&random.finish().to_le_bytes());
    mixed.write(&std::process::id().to_le_bytes());
    format!("{now:011x}-{:016x}", mixed.finish())
}

/// `2026-11-29T21:57:17.123Z`.
pub fn rfc3339(ms: u64) -> String {
    let (date, (h, m, s)) = civil(ms);
    format!("{date}T{h:02}:{m:02}:{s:02}.{:03}Z", ms % 1000)
}

/// The UTC date as `YYYY-MM-DD` and the time of day.
fn civil(ms: u64) -> (String, (u64, u64, u64)) {
    let secs = ms / 1000;
    let days = (secs / 86_400) as i64;
    let rem = secs % 86_400;
    // Days to a proleptic Gregorian date, counting in 400-year eras from 0000-03-01.
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    (
        format!("{year:04}-{month:02}-{day:02}"),
        (rem / 3600, rem % 3600 / 60, rem % 60),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_known_instants() {
        assert_eq!(rfc3339(0), "1970-01-01T00:00:00.000Z");
        assert_eq!(rfc3339(951_782_400_000), "2000-02-29T00:00:00.000Z");
        assert_eq!(rfc3339(1_795_989_437_123), "2026-11-29T21:57:17.123Z");
    }

    #[test]
    fn ids_do_not_repeat() {
        let ids: std::collections::HashSet<String> = (0..10_000).map(|_| new_id(5)).collect();
        assert_eq!(ids.len(), 10_000);
    }
}
