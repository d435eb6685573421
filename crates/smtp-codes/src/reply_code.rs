//! `ReplyCode`: the open wire type for a three-digit SMTP reply code.

use core::fmt;
use core::str::FromStr;

use crate::error::{CodeKind, ParseCodeError, ParseErrorKind};
use crate::{FirstDigit, KnownReply, SecondDigit, Severity};

/// A three-digit SMTP reply code (RFC 5321 §4.2), such as `250` or `550`.
///
/// This is an open type: it holds any code a server may send whose first digit is 2–5, including
/// codes no catalogue knows (`541`) and codes that break RFC 5321's grammar in their second digit
/// (`571`, seen in the wild). [`known`](Self::known) gives the catalogue entry when there is one.
///
/// ```
/// use smtp_codes::{ReplyCode, Severity};
///
/// let code: ReplyCode = "550".parse()?;
/// assert_eq!(code, 550);
/// assert_eq!(code.severity(), Severity::Permanent);
/// assert_eq!(code.known().unwrap().title(), "Requested action not taken: mailbox unavailable");
/// assert!("650".parse::<ReplyCode>().is_err());
///
/// // Each reply code of the catalogue has a constant named after its entry.
/// assert_eq!(ReplyCode::MAILBOX_UNAVAILABLE, code);
/// assert_eq!(ReplyCode::MAILBOX_UNAVAILABLE.known().unwrap().name(), "MailboxUnavailable");
/// assert_eq!(ReplyCode::START_MAIL_INPUT.as_u16(), 354);
/// # Ok::<(), smtp_codes::ParseCodeError>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct ReplyCode(u16);

// Every reply code of the catalogue also has a constant named after its entry
// (`ReplyCode::MAILBOX_UNAVAILABLE`), generated in `catalogue/generated.rs`.
impl ReplyCode {
    /// `250` Requested mail action okay, completed: the same code as [`COMPLETED`](Self::COMPLETED).
    pub const OK: Self = Self::COMPLETED;
    /// `450` Requested mail action not taken: mailbox unavailable (temporary): the same code as
    /// [`MAILBOX_TEMPORARILY_UNAVAILABLE`](Self::MAILBOX_TEMPORARILY_UNAVAILABLE).
    pub const MAILBOX_UNAVAILABLE_TEMPORARY: Self = Self::MAILBOX_TEMPORARILY_UNAVAILABLE;

    /// Makes a reply code from a number, or returns `None` unless it is 200–599.
    #[must_use]
    pub const fn new(code: u16) -> Option<Self> {
        if code >= 200 && code <= 599 { Some(Self(code)) } else { None }
    }

    /// Used by the generated tables, whose codes the generator has already checked.
    pub(crate) const fn from_catalogue(code: u16) -> Self {
        Self(code)
    }

    /// Makes a reply code from a number, checking it as [`new`](Self::new) does but with an error
    /// that says what is wrong.
    ///
    /// # Errors
    /// When the number does not have three digits or its first digit is not 2–5.
    pub const fn from_u16(code: u16) -> Result<Self, ParseCodeError> {
        match code {
            200..=599 => Ok(Self(code)),
            0..=99 => Err(ParseCodeError::new(CodeKind::Reply, ParseErrorKind::TooShort, 0, None)),
            1000.. => Err(ParseCodeError::new(CodeKind::Reply, ParseErrorKind::TooLong, 3, None)),
            _ => Err(ParseCodeError::new(
                CodeKind::Reply,
                ParseErrorKind::FirstDigitOutOfRange,
                0,
                Some(b'0' + (code / 100) as u8),
            )),
        }
    }

    /// Parses exactly three ASCII digits.
    ///
    /// # Errors
    /// When the input is not three digits with a first digit of 2–5; the error says which byte.
    pub const fn from_bytes(input: &[u8]) -> Result<Self, ParseCodeError> {
        if input.is_empty() {
            return Err(ParseCodeError::new(CodeKind::Reply, ParseErrorKind::Empty, 0, None));
        }
        let mut value: u16 = 0;
        let mut i = 0;
        while i < input.len() {
            let b = input[i];
            if !b.is_ascii_digit() {
                return Err(ParseCodeError::new(CodeKind::Reply, ParseErrorKind::InvalidCharacter, i, Some(b)));
            }
            if i == 3 {
                return Err(ParseCodeError::new(CodeKind::Reply, ParseErrorKind::TooLong, i, Some(b)));
            }
            value = value * 10 + (b - b'0') as u16;
            i += 1;
        }
        if input.len() < 3 {
            return Err(ParseCodeError::new(CodeKind::Reply, ParseErrorKind::TooShort, input.len(), None));
        }
        if !matches!(input[0], b'2'..=b'5') {
            return Err(ParseCodeError::new(CodeKind::Reply, ParseErrorKind::FirstDigitOutOfRange, 0, Some(input[0])));
        }
        Ok(Self(value))
    }

    /// The code as a number.
    #[must_use]
    pub const fn as_u16(self) -> u16 {
        self.0
    }

    /// The first digit (2–5): the kind of answer.
    #[must_use]
    pub const fn first_digit(self) -> u8 {
        (self.0 / 100) as u8
    }

    /// The second digit (0–9; RFC 5321 defines 0–5): the category of the answer.
    #[must_use]
    pub const fn second_digit(self) -> u8 {
        (self.0 / 10 % 10) as u8
    }

    /// The third digit (0–9): the finer gradation within the category.
    #[must_use]
    pub const fn third_digit(self) -> u8 {
        (self.0 % 10) as u8
    }

    /// Whether the code fits RFC 5321's grammar (second digit 0–5). `571` does not.
    #[must_use]
    pub const fn is_rfc5321_syntax(self) -> bool {
        self.second_digit() <= 5
    }

    /// `2yz`: the action completed.
    #[must_use]
    pub const fn is_positive_completion(self) -> bool {
        self.first_digit() == 2
    }

    /// `3yz`: accepted, the server waits for more (after `DATA`, during `AUTH`).
    #[must_use]
    pub const fn is_positive_intermediate(self) -> bool {
        self.first_digit() == 3
    }

    /// `4yz`: not accepted this time; the same request may succeed later.
    #[must_use]
    pub const fn is_transient_negative(self) -> bool {
        self.first_digit() == 4
    }

    /// `5yz`: not accepted; repeating the same request will fail again.
    #[must_use]
    pub const fn is_permanent_negative(self) -> bool {
        self.first_digit() == 5
    }

    /// `4yz` or `5yz`.
    #[must_use]
    pub const fn is_failure(self) -> bool {
        self.first_digit() >= 4
    }

    /// The severity the first digit gives.
    #[must_use]
    pub const fn severity(self) -> Severity {
        match self.first_digit() {
            2 => Severity::Success,
            3 => Severity::Intermediate,
            4 => Severity::Transient,
            _ => Severity::Permanent,
        }
    }

    /// The catalogue entry for this code, if the catalogue has one.
    #[must_use]
    pub const fn known(self) -> Option<KnownReply> {
        KnownReply::from_code(self.0)
    }

    /// The catalogue's meaning of the first digit.
    #[must_use]
    pub const fn first_digit_meaning(self) -> FirstDigit {
        match FirstDigit::from_digit(self.first_digit()) {
            Some(d) => d,
            // The constructor only admits first digits 2-5, all of which the catalogue defines.
            None => FirstDigit::ALL[0],
        }
    }

    /// The catalogue's meaning of the second digit, when RFC 5321 defines one (0–5).
    #[must_use]
    pub const fn second_digit_meaning(self) -> Option<SecondDigit> {
        SecondDigit::from_digit(self.second_digit())
    }
}

impl FromStr for ReplyCode {
    type Err = ParseCodeError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Self::from_bytes(s.as_bytes())
    }
}

impl TryFrom<u16> for ReplyCode {
    type Error = ParseCodeError;

    fn try_from(value: u16) -> Result<Self, Self::Error> {
        Self::from_u16(value)
    }
}

impl From<ReplyCode> for u16 {
    fn from(code: ReplyCode) -> Self {
        code.0
    }
}

impl PartialEq<u16> for ReplyCode {
    fn eq(&self, other: &u16) -> bool {
        self.0 == *other
    }
}

impl PartialEq<ReplyCode> for u16 {
    fn eq(&self, other: &ReplyCode) -> bool {
        *self == other.0
    }
}

impl fmt::Display for ReplyCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(&self.0, f)
    }
}

#[cfg(feature = "serde")]
impl serde::Serialize for ReplyCode {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_u16(self.0)
    }
}

#[cfg(feature = "serde")]
impl<'de> serde::Deserialize<'de> for ReplyCode {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let n = <u16 as serde::Deserialize>::deserialize(deserializer)?;
        Self::from_u16(n).map_err(serde::de::Error::custom)
    }
}
