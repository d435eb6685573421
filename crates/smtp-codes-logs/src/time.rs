//! Timestamps of log lines: RFC 3164 syslog stamps without a year (`Jul 12 07:47:48`), RFC 3339
//! and ISO 8601 stamps (`2024-07-12T07:47:48.123+02:00`, journalctl's `short-iso`), and Exim's
//! `2024-07-12 07:47:48`.

use core::fmt;

/// When a log line was written, in the log's own clock: seconds since 1970-01-01 00:00:00 of
/// that clock, and the offset from UTC when the line gave one.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Timestamp {
    /// Seconds since 1970-01-01 00:00:00 in the log's clock (not UTC unless `offset` is 0).
    local: i64,
    /// Minutes east of UTC, when the line said.
    offset: Option<i16>,
}

impl Timestamp {
    /// The moment `year-month-day hour:minute:second` of the log's clock.
    #[must_use]
    pub fn new(year: i32, month: u8, day: u8, hour: u8, minute: u8, second: u8, offset: Option<i16>) -> Self {
        let days = days_from_civil(year, month, day);
        let local = days * 86_400 + i64::from(hour) * 3600 + i64::from(minute) * 60 + i64::from(second);
        Self { local, offset }
    }

    /// The moment `secs` seconds after 1970-01-01 00:00:00 UTC.
    #[must_use]
    pub const fn from_unix(secs: i64) -> Self {
        Self { local: secs, offset: Some(0) }
    }

    /// Seconds since 1970 in the log's clock: the order of lines and the delays between them.
    #[must_use]
    pub const fn local_seconds(self) -> i64 {
        self.local
    }

    /// Seconds since 1970 UTC, when the line gave its offset from UTC.
    #[must_use]
    pub fn unix(self) -> Option<i64> {
        self.offset.map(|o| self.local - i64::from(o) * 60)
    }

    /// The year, month (1-12), day, hour, minute and second in the log's clock.
    #[must_use]
    pub fn civil(self) -> (i32, u8, u8, u8, u8, u8) {
        let days = self.local.div_euclid(86_400);
        let secs = self.local.rem_euclid(86_400);
        let (y, m, d) = civil_from_days(days);
        #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
        let (h, mi, s) = ((secs / 3600) as u8, ((secs / 60) % 60) as u8, (secs % 60) as u8);
        (y, m, d, h, mi, s)
    }

    /// The hour this moment is in (`2024-07-12T07`), for traffic by hour.
    #[must_use]
    pub fn hour_key(self) -> String {
        let (y, m, d, h, _, _) = self.civil();
        format!("{y:04}-{m:02}-{d:02}T{h:02}")
    }

    /// The day this moment is in (`2024-07-12`), for traffic by day.
    #[must_use]
    pub fn day_key(self) -> String {
        let (y, m, d, _, _, _) = self.civil();
        format!("{y:04}-{m:02}-{d:02}")
    }
}

/// RFC 3339: `2024-07-12T07:47:48+02:00`, or without an offset (`2024-07-12T07:47:48`) when the
/// log gave none (classic syslog stamps are in the server's local time).
impl fmt::Display for Timestamp {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (y, m, d, h, mi, s) = self.civil();
        write!(f, "{y:04}-{m:02}-{d:02}T{h:02}:{mi:02}:{s:02}")?;
        match self.offset {
            Some(0) => f.write_str("Z"),
            Some(o) => {
                write!(f, "{}{:02}:{:02}", if o < 0 { '-' } else { '+' }, o.unsigned_abs() / 60, o.unsigned_abs() % 60)
            }
            None => Ok(()),
        }
    }
}

/// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's algorithm).
fn days_from_civil(year: i32, month: u8, day: u8) -> i64 {
    let y = i64::from(year) - i64::from(month <= 2);
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let m = i64::from(month);
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(day) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// The date of a day count since 1970-01-01.
fn civil_from_days(days: i64) -> (i32, u8, u8) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + i64::from(m <= 2);
    #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
    (y as i32, m as u8, d as u8)
}

/// A classic syslog stamp (RFC 3164): the month, day, hour, minute and second, no year.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct NoYear {
    pub(crate) month: u8,
    pub(crate) day: u8,
    pub(crate) hour: u8,
    pub(crate) minute: u8,
    pub(crate) second: u8,
}

/// A stamp at the start of a line and the rest of the line after it and its white space.
pub(crate) enum Stamp {
    Full(Timestamp),
    NoYear(NoYear),
}

const MONTHS: [&str; 12] = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

fn digits(b: &[u8]) -> Option<u32> {
    if b.is_empty() || !b.iter().all(u8::is_ascii_digit) {
        return None;
    }
    Some(b.iter().fold(0u32, |n, &d| n * 10 + u32::from(d - b'0')))
}

fn small(b: &[u8], max: u32) -> Option<u8> {
    digits(b).filter(|&n| n <= max).and_then(|n| u8::try_from(n).ok())
}

/// `HH:MM:SS` at the start of `b`.
fn clock(b: &[u8]) -> Option<(u8, u8, u8)> {
    if b.len() < 8 || b[2] != b':' || b[5] != b':' {
        return None;
    }
    Some((small(&b[0..2], 23)?, small(&b[3..5], 59)?, small(&b[6..8], 60)?))
}

/// The stamp that opens `line`, and the rest after it.
pub(crate) fn parse_stamp(line: &str) -> Option<(Stamp, &str)> {
    let b = line.as_bytes();
    // `Jul 12 07:47:48` or `Jul  2 07:47:48` (and `Jul 2 07:47:48`, as some logs write it).
    if b.len() >= 14
        && let Some(month) = MONTHS.iter().position(|m| m.as_bytes() == &b[..3])
        && b[3] == b' '
    {
        let rest = &line[4..];
        let rest_t = rest.trim_start_matches(' ');
        let day_len = rest_t.bytes().take_while(u8::is_ascii_digit).count();
        let day = small(&rest_t.as_bytes()[..day_len], 31).filter(|&d| d >= 1)?;
        let after = rest_t[day_len..].strip_prefix(' ')?;
        let (hour, minute, second) = clock(after.as_bytes())?;
        let mut rest = &after[8..];
        // Fractions of a second (rsyslog's high-precision form is ISO; some write `.123`).
        if let Some(f) = rest.strip_prefix('.') {
            rest = f.trim_start_matches(|c: char| c.is_ascii_digit());
        }
        #[allow(clippy::cast_possible_truncation)]
        let month = month as u8 + 1;
        return Some((Stamp::NoYear(NoYear { month, day, hour, minute, second }), rest.trim_start()));
    }
    // `2024-07-12T07:47:48[.fff][Z|+hh:mm|+hhmm]` or `2024-07-12 07:47:48`.
    if b.len() >= 19 && b[4] == b'-' && b[7] == b'-' && (b[10] == b'T' || b[10] == b' ') {
        let year = i32::try_from(digits(&b[0..4])?).ok()?;
        let month = small(&b[5..7], 12).filter(|&m| m >= 1)?;
        let day = small(&b[8..10], 31).filter(|&d| d >= 1)?;
        let (hour, minute, second) = clock(&b[11..19])?;
        let mut i = 19;
        if b.get(i) == Some(&b'.') || b.get(i) == Some(&b',') {
            i += 1;
            while b.get(i).is_some_and(u8::is_ascii_digit) {
                i += 1;
            }
        }
        let mut offset = None;
        match b.get(i) {
            Some(b'Z') => {
                offset = Some(0);
                i += 1;
            }
            Some(&sign @ (b'+' | b'-')) if b.len() >= i + 5 => {
                let hh = small(&b[i + 1..i + 3], 23)?;
                let colon = usize::from(b[i + 3] == b':');
                let mm = small(b.get(i + 3 + colon..i + 5 + colon)?, 59)?;
                let minutes = i16::from(hh) * 60 + i16::from(mm);
                offset = Some(if sign == b'-' { -minutes } else { minutes });
                i += 5 + colon;
            }
            _ => {}
        }
        let rest = line.get(i..)?;
        if !rest.is_empty() && !rest.starts_with(' ') {
            return None;
        }
        return Some((Stamp::Full(Timestamp::new(year, month, day, hour, minute, second, offset)), rest.trim_start()));
    }
    None
}

/// Years for classic syslog stamps, which carry none. The first stamp is in the reference year
/// (the year the file was last written, or this year for standard input), or in the year before
/// when its month and day are later than the reference's (a file written in January that starts
/// in December: a log does not start after it was last written). Lines are taken to be in order: a stamp whose month is earlier than the previous
/// stamp's starts the next year (December, then January).
#[derive(Clone, Debug)]
pub struct YearGuess {
    reference: (i32, u8, u8),
    current: Option<(i32, u8)>,
}

impl YearGuess {
    /// Years guessed from `year`, `month` (1-12) and `day`, when the log was last written.
    #[must_use]
    pub const fn new(year: i32, month: u8, day: u8) -> Self {
        Self { reference: (year, month, day), current: None }
    }

    /// Starts over for another file last written at `year`, `month` and `day`.
    pub fn restart(&mut self, year: i32, month: u8, day: u8) {
        self.reference = (year, month, day);
        self.current = None;
    }

    pub(crate) fn stamp(&mut self, s: NoYear) -> Timestamp {
        let year = match self.current {
            None => {
                let (y, m, d) = self.reference;
                if (s.month, s.day) > (m, d) { y - 1 } else { y }
            }
            // Two months back or more: the log turned the year (a month back is the same year's
            // lines out of order between two processes).
            Some((y, m)) if s.month + 1 < m => y + 1,
            Some((y, _)) => y,
        };
        self.current = Some((year, s.month));
        Timestamp::new(year, s.month, s.day, s.hour, s.minute, s.second, None)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_round_trip() {
        for &(y, m, d) in &[(1970, 1, 1), (2000, 2, 29), (2024, 12, 31), (1999, 3, 2), (2100, 3, 1)] {
            let t = Timestamp::new(y, m, d, 1, 2, 3, None);
            assert_eq!(t.civil(), (y, m, d, 1, 2, 3));
        }
        assert_eq!(Timestamp::new(1970, 1, 2, 0, 0, 0, Some(0)).unix(), Some(86_400));
    }

    #[test]
    fn stamps_are_read() {
        let (s, rest) = parse_stamp("Jul  2 07:47:48 saturn postfix/smtpd[1]: x").unwrap();
        assert!(matches!(s, Stamp::NoYear(NoYear { month: 7, day: 2, hour: 7, minute: 47, second: 48 })));
        assert_eq!(rest, "saturn postfix/smtpd[1]: x");
        let (s, rest) = parse_stamp("2024-07-12T07:47:48.123456+02:00 host postfix/smtp[2]: y").unwrap();
        let Stamp::Full(t) = s else { panic!("a full stamp") };
        assert_eq!(t.to_string(), "2024-07-12T07:47:48+02:00");
        assert_eq!(rest, "host postfix/smtp[2]: y");
        let (s, rest) = parse_stamp("2013-06-10 10:10:59 H=x").unwrap();
        let Stamp::Full(t) = s else { panic!("a full stamp") };
        assert_eq!(t.to_string(), "2013-06-10T10:10:59");
        assert_eq!(rest, "H=x");
        assert!(parse_stamp("Foo 12 07:47:48 x").is_none());
        assert!(parse_stamp("2024-13-12 07:47:48 x").is_none());
        assert!(parse_stamp("").is_none());
    }

    #[test]
    fn years_follow_the_log_across_new_year() {
        let mut g = YearGuess::new(2025, 1, 2);
        let dec = NoYear { month: 12, day: 31, hour: 23, minute: 59, second: 0 };
        let jan = NoYear { month: 1, day: 1, hour: 0, minute: 1, second: 0 };
        assert_eq!(g.stamp(dec).civil().0, 2024);
        assert_eq!(g.stamp(jan).civil().0, 2025);
        let mut g = YearGuess::new(2025, 6, 1);
        assert_eq!(g.stamp(jan).civil().0, 2025);
        // Written on 1 December, a log that starts on 31 December is last year's.
        let mut g = YearGuess::new(2026, 12, 1);
        assert_eq!(g.stamp(dec).civil().0, 2025);
    }
}
