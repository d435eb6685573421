//! The error returned when a reply code or an enhanced status code does not parse.

use core::fmt;

/// Which kind of code was being parsed.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum CodeKind {
    /// A three-digit reply code such as `550`.
    Reply,
    /// An enhanced status code such as `5.1.1`.
    Enhanced,
    /// An enhanced status code pattern valid in any class, such as `X.1.1`.
    Pattern,
}

/// What was wrong with the input.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum ParseErrorKind {
    /// The input was empty.
    Empty,
    /// A byte that is not an ASCII digit (or, for enhanced codes, a dot) where a digit was expected.
    InvalidCharacter,
    /// A reply code with fewer than three digits.
    TooShort,
    /// A reply code with more than three digits.
    TooLong,
    /// A reply code whose first digit is not 2, 3, 4 or 5.
    FirstDigitOutOfRange,
    /// An enhanced code whose class is not 2, 4 or 5.
    ClassOutOfRange,
    /// An enhanced code that stops after the class (`5` or `5.`).
    MissingSubject,
    /// An enhanced code that stops after the subject (`5.1` or `5.1.`).
    MissingDetail,
    /// An enhanced code whose subject has more than three digits.
    SubjectTooLong,
    /// An enhanced code whose detail has more than three digits.
    DetailTooLong,
    /// A subject or detail written with a leading zero (`5.01.1`), which RFC 3463 forbids.
    LeadingZero,
    /// Bytes after a complete enhanced code (`5.1.1.1`).
    TrailingCharacters,
}

/// The error returned when a [`ReplyCode`](crate::ReplyCode) or an
/// [`EnhancedCode`](crate::EnhancedCode) does not parse.
///
/// It says what was wrong and at which byte of the input; the caller knows the input and can add
/// it to the message.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct ParseCodeError {
    code: CodeKind,
    kind: ParseErrorKind,
    at: usize,
    found: Option<u8>,
}

impl ParseCodeError {
    pub(crate) const fn new(code: CodeKind, kind: ParseErrorKind, at: usize, found: Option<u8>) -> Self {
        Self { code, kind, at, found }
    }

    /// The error of `kind` at byte `at` of `input`, with the byte found there.
    pub(crate) const fn at(code: CodeKind, kind: ParseErrorKind, input: &[u8], at: usize) -> Self {
        let found = if at < input.len() { Some(input[at]) } else { None };
        Self { code, kind, at, found }
    }

    /// What was wrong.
    #[must_use]
    pub const fn kind(&self) -> ParseErrorKind {
        self.kind
    }

    /// Which kind of code was being parsed.
    #[must_use]
    pub const fn code_kind(&self) -> CodeKind {
        self.code
    }

    /// The byte offset in the input where the problem was found.
    #[must_use]
    pub const fn position(&self) -> usize {
        self.at
    }
}

impl fmt::Display for ParseCodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let what = match self.code {
            CodeKind::Reply => "reply code",
            CodeKind::Enhanced => "enhanced status code",
            CodeKind::Pattern => "enhanced status code pattern",
        };
        f.write_str("invalid ")?;
        f.write_str(what)?;
        f.write_str(": ")?;
        match self.kind {
            ParseErrorKind::Empty => f.write_str("the input is empty")?,
            ParseErrorKind::InvalidCharacter => match self.code {
                CodeKind::Reply => f.write_str("expected a digit")?,
                CodeKind::Enhanced => f.write_str("expected a digit or '.'")?,
                CodeKind::Pattern if self.at == 0 => f.write_str("expected 'X' (X.subject.detail)")?,
                CodeKind::Pattern => f.write_str("expected a digit or '.'")?,
            },
            ParseErrorKind::TooShort => f.write_str("a reply code has three digits, found fewer")?,
            ParseErrorKind::TooLong => f.write_str("a reply code has three digits, found more")?,
            ParseErrorKind::FirstDigitOutOfRange => f.write_str("the first digit must be 2-5")?,
            ParseErrorKind::ClassOutOfRange => f.write_str("the class must be 2, 4 or 5")?,
            ParseErrorKind::MissingSubject => f.write_str("missing subject (expected class.subject.detail)")?,
            ParseErrorKind::MissingDetail => f.write_str("missing detail (expected class.subject.detail)")?,
            ParseErrorKind::SubjectTooLong => f.write_str("the subject has more than three digits")?,
            ParseErrorKind::DetailTooLong => f.write_str("the detail has more than three digits")?,
            ParseErrorKind::LeadingZero => f.write_str("subject and detail must not have leading zeros")?,
            ParseErrorKind::TrailingCharacters => f.write_str("unexpected characters after class.subject.detail")?,
        }
        match self.found {
            Some(b) if b.is_ascii_graphic() => write!(f, ", found '{}' at byte {}", b as char, self.at),
            Some(b) => write!(f, ", found byte 0x{b:02x} at byte {}", self.at),
            None => write!(f, " (at byte {})", self.at),
        }
    }
}

impl core::error::Error for ParseCodeError {}
