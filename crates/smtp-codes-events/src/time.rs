//! Event times as ISO 8601: strings pass through as the ESP gave them, Unix times (SendGrid's
//! `timestamp`, Mailgun's fractional `timestamp`, Mandrill's `ts`, SparkPost's `"1454442600"`)
//! become UTC `2016-02-02T19:50:00Z`, with milliseconds when the ESP gave a fraction.

/// The latest time written: the last second of the year 9999.
const MAX_SECONDS: f64 = 253_402_300_799.0;

/// A time string as the record gives it: digits alone (optionally with a fraction) are a Unix
/// time; anything else is kept as given.
pub(crate) fn from_text(text: &str) -> String {
    let numeric = !text.is_empty()
        && text.bytes().all(|b| b.is_ascii_digit() || b == b'.')
        && text.bytes().filter(|&b| b == b'.').count() <= 1
        && text.as_bytes()[0].is_ascii_digit();
    if numeric
        && let Ok(seconds) = text.parse::<f64>()
        && let Some(iso) = from_epoch(seconds)
    {
        return iso;
    }
    text.to_owned()
}

/// Seconds since 1970-01-01 UTC as ISO 8601, `None` outside the years 1970 to 9999. Times given
/// in milliseconds (13 digits and more) are read as such: some ESP exports write them.
pub(crate) fn from_epoch(seconds: f64) -> Option<String> {
    if !seconds.is_finite() || seconds < 0.0 {
        return None;
    }
    let seconds = if seconds > MAX_SECONDS { seconds / 1000.0 } else { seconds };
    if seconds > MAX_SECONDS {
        return None;
    }
    // Whole milliseconds, rounded, so that 1521243339.873676 gives .874.
    #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
    let millis = (seconds * 1000.0).round() as u64;
    let (whole, fraction) = (millis / 1000, millis % 1000);
    let days = whole / 86_400;
    let rest = whole % 86_400;
    let (year, month, day) = civil_from_days(days);
    let (h, m, s) = (rest / 3600, rest % 3600 / 60, rest % 60);
    Some(if fraction == 0 {
        format!("{year:04}-{month:02}-{day:02}T{h:02}:{m:02}:{s:02}Z")
    } else {
        format!("{year:04}-{month:02}-{day:02}T{h:02}:{m:02}:{s:02}.{fraction:03}Z")
    })
}

/// The date `days` after 1970-01-01 in the proleptic Gregorian calendar (Howard Hinnant's
/// `civil_from_days`, for days on or after the epoch).
const fn civil_from_days(days: u64) -> (u64, u64, u64) {
    let z = days + 719_468;
    let era = z / 146_097;
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + if month <= 2 { 1 } else { 0 };
    (year, month, day)
}

#[cfg(test)]
mod tests;
