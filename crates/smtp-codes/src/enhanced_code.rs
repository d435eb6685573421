//! `EnhancedCode`: the open wire type for an enhanced status code (class.subject.detail).

use core::fmt;
use core::str::FromStr;

use crate::error::{CodeKind, ParseCodeError};
use crate::grammar::{self, MAX_PART};
use crate::{EnhancedPattern, KnownEnhanced, Severity, StatusClass, StatusSubject};

/// An enhanced mail system status code (RFC 3463, RFC 2034), such as `5.1.1`.
///
/// Class is 2, 4 or 5; subject and detail are 0–999 (RFC 3463 allows up to three digits, and
/// providers use them: `5.7.515`, `4.4.316`). This is an open type: it holds codes no registry
/// knows, and [`known`](Self::known) gives the catalogue entry when there is one.
///
/// ```
/// use smtp_codes::{EnhancedCode, Severity};
///
/// let code: EnhancedCode = "5.7.515".parse()?;
/// assert_eq!((code.class(), code.subject(), code.detail()), (5, 7, 515));
/// assert_eq!(code.to_string(), "5.7.515");
/// assert_eq!(code.severity(), Severity::Permanent);
/// assert!(code.known().is_none());
/// assert_eq!("5.1.1".parse::<EnhancedCode>()?.known().unwrap().title(), "Bad destination mailbox address");
/// assert!("5.1".parse::<EnhancedCode>().is_err());
/// # Ok::<(), smtp_codes::ParseCodeError>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct EnhancedCode {
    class: u8,
    subject: u16,
    detail: u16,
}

impl EnhancedCode {
    /// Makes a code from its parts, or returns `None` unless the class is 2, 4 or 5 and subject
    /// and detail are at most 999.
    #[must_use]
    pub const fn new(class: u8, subject: u16, detail: u16) -> Option<Self> {
        if matches!(class, 2 | 4 | 5) && subject <= MAX_PART && detail <= MAX_PART {
            Some(Self { class, subject, detail })
        } else {
            None
        }
    }

    /// Used by the generated rule tables, whose codes the generator has already checked; only
    /// the classifier has such tables.
    #[cfg(feature = "classify")]
    pub(crate) const fn from_catalogue(class: u8, subject: u16, detail: u16) -> Self {
        Self { class, subject, detail }
    }

    /// Used by the parsers, which read a class of 2, 4 or 5 and parts of at most three digits.
    pub(crate) const fn from_checked(class: u8, subject: u16, detail: u16) -> Self {
        debug_assert!(matches!(class, 2 | 4 | 5) && subject <= MAX_PART && detail <= MAX_PART);
        Self { class, subject, detail }
    }

    /// Parses `class.subject.detail` with nothing before or after it.
    ///
    /// # Errors
    /// When the input is not a well-formed code; the error says what is wrong and at which byte.
    pub const fn from_bytes(input: &[u8]) -> Result<Self, ParseCodeError> {
        match grammar::whole(input, grammar::Class::Digit, CodeKind::Enhanced) {
            Ok(p) => Ok(Self { class: p.class - b'0', subject: p.subject, detail: p.detail }),
            Err(e) => Err(e),
        }
    }

    /// The class: 2 (success), 4 (persistent transient failure) or 5 (permanent failure).
    #[must_use]
    pub const fn class(self) -> u8 {
        self.class
    }

    /// The subject, 0–999 (the registry defines 0–7).
    #[must_use]
    pub const fn subject(self) -> u16 {
        self.subject
    }

    /// The detail, 0–999.
    #[must_use]
    pub const fn detail(self) -> u16 {
        self.detail
    }

    /// The severity the class gives.
    #[must_use]
    pub const fn severity(self) -> Severity {
        match self.class {
            2 => Severity::Success,
            4 => Severity::Transient,
            _ => Severity::Permanent,
        }
    }

    /// The registry entry for `X.subject.detail`, if the registry has one, whatever the class.
    /// Use [`is_registered_in_class`](Self::is_registered_in_class) to check the class too.
    #[must_use]
    pub const fn known(self) -> Option<KnownEnhanced> {
        KnownEnhanced::from_parts(self.subject, self.detail)
    }

    /// Whether the registry defines this subject and detail and allows it in this class.
    /// `5.1.1` is; `2.1.1` is not (a bad mailbox is never a success).
    #[must_use]
    pub const fn is_registered_in_class(self) -> bool {
        match self.known() {
            Some(k) => k.allows_class(self.class),
            None => false,
        }
    }

    /// The catalogue's meaning of the class.
    #[must_use]
    pub const fn class_meaning(self) -> StatusClass {
        match StatusClass::from_class(self.class) {
            Some(c) => c,
            // The constructor only admits classes 2, 4 and 5, all of which the catalogue defines.
            None => StatusClass::ALL[0],
        }
    }

    /// The catalogue's meaning of the subject, when the registry defines one (0–7).
    #[must_use]
    pub const fn subject_meaning(self) -> Option<StatusSubject> {
        EnhancedPattern::from_catalogue(self.subject, self.detail).subject_meaning()
    }
}

impl FromStr for EnhancedCode {
    type Err = ParseCodeError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Self::from_bytes(s.as_bytes())
    }
}

impl fmt::Display for EnhancedCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}.{}.{}", self.class, self.subject, self.detail)
    }
}

#[cfg(feature = "serde")]
impl serde::Serialize for EnhancedCode {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

#[cfg(feature = "serde")]
impl<'de> serde::Deserialize<'de> for EnhancedCode {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Visitor;
        impl serde::de::Visitor<'_> for Visitor {
            type Value = EnhancedCode;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("an enhanced status code such as \"5.1.1\"")
            }
            fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<EnhancedCode, E> {
                v.parse().map_err(E::custom)
            }
        }
        deserializer.deserialize_str(Visitor)
    }
}
