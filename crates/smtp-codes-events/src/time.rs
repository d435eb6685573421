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
    // The logs crate's calendar, so both crates write the same dates.
    let (year, month, day, h, m, s) = smtp_codes_logs::Timestamp::from_unix(i64::try_from(whole).ok()?).civil();
    Some(if fraction == 0 {
        format!("{year:04}-{month:02}-{day:02}T{h:02}:{m:02}:{s:02}Z")
    } else {
        format!("{year:04}-{month:02}-{day:02}T{h:02}:{m:02}:{s:02}.{fraction:03}Z")
    })
}

#[cfg(test)]
mod tests;
