//! The one reader of each small grammar the crate parses: `class.subject.detail` (RFC 3463 §2),
//! its class-less `X.subject.detail` form, and the word boundary that codes must not touch.
//!
//! The strict parsers ([`EnhancedCode::from_bytes`](crate::EnhancedCode::from_bytes),
//! [`EnhancedPattern::from_bytes`](crate::EnhancedPattern::from_bytes)), the text scanner
//! ([`diagnose`](crate::parse::diagnose)) and the wire parser
//! ([`parse_reply`](crate::parse::parse_reply)) all call [`enhanced`]; they differ only in what
//! they accept around the code, which is each caller's business.

use crate::error::{CodeKind, ParseCodeError, ParseErrorKind};

/// Whether `b` belongs to a word: a code must not touch one (`mta4490`, `S3150`, `E2110`), and a
/// command name must start and end one.
pub(crate) const fn is_word(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_'
}

/// The largest subject or detail: three digits.
pub(crate) const MAX_PART: u16 = 999;

/// What [`enhanced`] read: the class byte as found (a digit 2, 4 or 5, or `X`/`x` for a
/// pattern), subject, detail, and the index after the detail.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Parts {
    pub(crate) class: u8,
    pub(crate) subject: u16,
    pub(crate) detail: u16,
    pub(crate) end: usize,
}

/// Why [`enhanced`] stopped: what was wrong and at which index of the input.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Stop {
    pub(crate) kind: ParseErrorKind,
    pub(crate) at: usize,
}

/// Which first part a reader accepts.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Class {
    /// A class digit: 2, 4 or 5.
    Digit,
    /// `X` or `x`, as the registry writes a code valid in any class.
    Any,
}

/// Reads `class.subject.detail` starting at `start`: the class as `class` says, a dot, then
/// subject and detail of one to three digits each without a leading zero. It stops at the first
/// byte after the detail, which is not a digit (a fourth digit is an error); what may follow is
/// the caller's business. At most eleven bytes are looked at, so scans that call this at many
/// positions stay linear.
///
/// # Errors
/// What was wrong and where: an empty input, a class out of range, a missing subject or detail,
/// a part of more than three digits or with a leading zero, or another byte where a digit or dot
/// was expected.
#[inline]
pub(crate) const fn enhanced(s: &[u8], start: usize, class: Class) -> Result<Parts, Stop> {
    let Some(&first) = get(s, start) else {
        return Err(Stop { kind: ParseErrorKind::Empty, at: start });
    };
    match class {
        Class::Digit if matches!(first, b'2' | b'4' | b'5') => {}
        Class::Digit if first.is_ascii_digit() => {
            return Err(Stop { kind: ParseErrorKind::ClassOutOfRange, at: start });
        }
        Class::Any if matches!(first, b'X' | b'x') => {}
        _ => return Err(Stop { kind: ParseErrorKind::InvalidCharacter, at: start }),
    }
    let after_class = start + 1;
    match get(s, after_class) {
        None => return Err(Stop { kind: ParseErrorKind::MissingSubject, at: after_class }),
        Some(b'.') if after_class + 1 == s.len() => {
            return Err(Stop { kind: ParseErrorKind::MissingSubject, at: s.len() });
        }
        Some(b'.') => {}
        Some(_) => return Err(Stop { kind: ParseErrorKind::InvalidCharacter, at: after_class }),
    }
    let (subject, next) = match part(s, after_class + 1, ParseErrorKind::SubjectTooLong) {
        Ok(v) => v,
        Err(e) => return Err(e),
    };
    match get(s, next) {
        None => return Err(Stop { kind: ParseErrorKind::MissingDetail, at: next }),
        Some(b'.') if next + 1 == s.len() => return Err(Stop { kind: ParseErrorKind::MissingDetail, at: s.len() }),
        Some(b'.') => {}
        Some(_) => return Err(Stop { kind: ParseErrorKind::InvalidCharacter, at: next }),
    }
    let (detail, end) = match part(s, next + 1, ParseErrorKind::DetailTooLong) {
        Ok(v) => v,
        Err(e) => return Err(e),
    };
    Ok(Parts { class: first, subject, detail, end })
}

/// [`enhanced`] over the whole input, nothing before or after: the strict parsers' reader.
///
/// # Errors
/// What was wrong and at which byte, as a [`ParseCodeError`] of `kind`.
pub(crate) const fn whole(input: &[u8], class: Class, kind: CodeKind) -> Result<Parts, ParseCodeError> {
    match enhanced(input, 0, class) {
        Ok(p) if p.end == input.len() => Ok(p),
        Ok(p) => {
            let stop = if input[p.end] == b'.' {
                ParseErrorKind::TrailingCharacters
            } else {
                ParseErrorKind::InvalidCharacter
            };
            Err(ParseCodeError::at(kind, stop, input, p.end))
        }
        Err(stop) => Err(ParseCodeError::at(kind, stop.kind, input, stop.at)),
    }
}

/// One to three digits without a leading zero, starting at `start`; the value and the index
/// after it. A fourth digit is `too_long`.
#[inline]
const fn part(s: &[u8], start: usize, too_long: ParseErrorKind) -> Result<(u16, usize), Stop> {
    let mut i = start;
    let mut value: u16 = 0;
    while i < s.len() && s[i].is_ascii_digit() {
        if i - start == 3 {
            return Err(Stop { kind: too_long, at: i });
        }
        value = value * 10 + (s[i] - b'0') as u16;
        i += 1;
    }
    if i == start {
        return Err(Stop { kind: ParseErrorKind::InvalidCharacter, at: i });
    }
    if i - start > 1 && s[start] == b'0' {
        return Err(Stop { kind: ParseErrorKind::LeadingZero, at: start });
    }
    Ok((value, i))
}

/// `s.get(i)` for const code.
#[inline]
const fn get(s: &[u8], i: usize) -> Option<&u8> {
    if i < s.len() { Some(&s[i]) } else { None }
}

#[cfg(test)]
mod tests;
