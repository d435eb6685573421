//! `EnhancedPattern`: an enhanced status code with its class left open, `X.subject.detail`, as the
//! IANA registry lists codes and as code rules, `lookup` and `list` name them.

use core::fmt;
use core::str::FromStr;

use crate::error::{CodeKind, ParseCodeError};
use crate::grammar::{self, MAX_PART};
use crate::{EnhancedCode, KnownEnhanced, StatusSubject};

/// `X.subject.detail`: an enhanced status code in any class, such as `X.1.1`.
///
/// ```
/// use smtp_codes::{EnhancedCode, EnhancedPattern};
///
/// let pattern: EnhancedPattern = "X.1.1".parse()?;
/// assert_eq!(pattern.to_string(), "X.1.1");
/// assert!(pattern.matches("5.1.1".parse::<EnhancedCode>()?));
/// assert!(pattern.matches("4.1.1".parse::<EnhancedCode>()?));
/// assert_eq!(pattern.known().unwrap().title(), "Bad destination mailbox address");
/// assert_eq!(pattern.in_class(5).unwrap().to_string(), "5.1.1");
/// assert!("5.1.1".parse::<EnhancedPattern>().is_err());
/// # Ok::<(), smtp_codes::ParseCodeError>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct EnhancedPattern {
    subject: u16,
    detail: u16,
}

impl EnhancedPattern {
    /// Makes a pattern from subject and detail, or `None` when either is above 999.
    #[must_use]
    pub const fn new(subject: u16, detail: u16) -> Option<Self> {
        if subject <= MAX_PART && detail <= MAX_PART { Some(Self { subject, detail }) } else { None }
    }

    /// Used by the generated tables, whose patterns the generator has already checked.
    pub(crate) const fn from_catalogue(subject: u16, detail: u16) -> Self {
        Self { subject, detail }
    }

    /// Parses `X.subject.detail` (or `x.`) with nothing before or after it.
    ///
    /// # Errors
    /// When the input is not a well-formed pattern; the error says what is wrong and at which
    /// byte.
    pub const fn from_bytes(input: &[u8]) -> Result<Self, ParseCodeError> {
        match grammar::whole(input, grammar::Class::Any, CodeKind::Pattern) {
            Ok(p) => Ok(Self { subject: p.subject, detail: p.detail }),
            Err(e) => Err(e),
        }
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

    /// Whether `code` has this subject and detail, whatever its class.
    #[must_use]
    pub const fn matches(self, code: EnhancedCode) -> bool {
        code.subject() == self.subject && code.detail() == self.detail
    }

    /// The code in `class` (2, 4 or 5), such as `5.1.1` for `X.1.1` in class 5; `None` for any
    /// other class. The registry may still not allow the code in that class.
    #[must_use]
    pub const fn in_class(self, class: u8) -> Option<EnhancedCode> {
        EnhancedCode::new(class, self.subject, self.detail)
    }

    /// The registry entry for this subject and detail, if the registry has one.
    #[must_use]
    pub const fn known(self) -> Option<KnownEnhanced> {
        KnownEnhanced::from_parts(self.subject, self.detail)
    }

    /// The catalogue's meaning of the subject, when the registry defines one (0–7).
    #[must_use]
    pub const fn subject_meaning(self) -> Option<StatusSubject> {
        if self.subject > u8::MAX as u16 {
            return None;
        }
        StatusSubject::from_subject(self.subject as u8)
    }
}

impl From<EnhancedCode> for EnhancedPattern {
    /// The code's subject and detail, its class dropped.
    fn from(code: EnhancedCode) -> Self {
        Self { subject: code.subject(), detail: code.detail() }
    }
}

impl FromStr for EnhancedPattern {
    type Err = ParseCodeError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Self::from_bytes(s.as_bytes())
    }
}

/// Prints `X.subject.detail`, as the registry writes it.
impl fmt::Display for EnhancedPattern {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "X.{}.{}", self.subject, self.detail)
    }
}

/// Serialized as `"X.1.1"`.
#[cfg(feature = "serde")]
impl serde::Serialize for EnhancedPattern {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}
