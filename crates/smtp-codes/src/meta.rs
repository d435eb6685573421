//! Small closed vocabularies that the catalogue uses: what they do with their spelling, the
//! severity of a pair of codes, the standing of an entry, and the extension-specific uses of a
//! reply code. `Severity`, `WhoActs` and `Command` themselves are generated from the catalogue
//! (`catalogue/generated.rs`).

use core::fmt;

use crate::{Command, EnhancedCode, ReplyCode, Severity, WhoActs};

/// What every small vocabulary can do with the spelling that its `as_str` gives: read it back,
/// print it and serialize it. The generated vocabularies (`Severity`, `WhoActs`, `Command`) take
/// `as_str` from their catalogue rows; the others below spell it out in `vocabulary!`.
macro_rules! spelling {
    ($($name:ident),+) => {$(
        impl $name {
            /// Reads the spelling that [`as_str`](Self::as_str) gives (ASCII case is ignored).
            #[must_use]
            pub fn from_name(name: &str) -> Option<Self> {
                Self::ALL.iter().copied().find(|v| v.as_str().eq_ignore_ascii_case(name))
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(self.as_str())
            }
        }

        #[cfg(feature = "serde")]
        impl serde::Serialize for $name {
            fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serializer.serialize_str(self.as_str())
            }
        }
    )+};
}

spelling!(Severity, WhoActs, Command, ReplyStatus, RegistryStatus);

/// A vocabulary that is not catalogue data: the enum, `ALL` and `as_str`.
macro_rules! vocabulary {
    (
        $(#[$meta:meta])*
        pub enum $name:ident { $( $(#[$vmeta:meta])* $variant:ident => $text:literal, )+ }
    ) => {
        $(#[$meta])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
        #[non_exhaustive]
        pub enum $name { $( $(#[$vmeta])* $variant, )+ }

        impl $name {
            /// Every value, in order.
            pub const ALL: &'static [Self] = &[$(Self::$variant),+];

            /// The spelling used in `codes.toml` and in JSON output.
            #[must_use]
            pub const fn as_str(self) -> &'static str {
                match self { $(Self::$variant => $text,)+ }
            }
        }
    };
}

impl Severity {
    /// The severity of a reply with these codes: the reply code decides, because the sending
    /// server acts on it (RFC 5321 §4.2.1); the enhanced code's class when there is no reply code;
    /// [`Unknown`](Self::Unknown) when there is neither.
    #[must_use]
    pub const fn of(reply: Option<ReplyCode>, enhanced: Option<EnhancedCode>) -> Self {
        match (reply, enhanced) {
            (Some(r), _) => r.severity(),
            (None, Some(e)) => e.severity(),
            (None, None) => Self::Unknown,
        }
    }
}

vocabulary! {
    /// Where a reply code comes from.
    pub enum ReplyStatus {
        /// RFC 5321, or RFC 7504 which updates it.
        Standard => "standard",
        /// An SMTP extension's RFC (AUTH, STARTTLS, ETRN, ...).
        Extension => "extension",
        /// Only named as an associated code in the IANA enhanced status code registry.
        RegistryOnly => "registry-only",
        /// An Internet-Draft that never became an RFC.
        Draft => "draft",
        /// Seen in the wild, defined by no standard.
        NonStandard => "non-standard",
    }
}

vocabulary! {
    /// The standing of an enhanced status code in the IANA registry.
    pub enum RegistryStatus {
        /// Registered by an RFC.
        Registered => "registered",
        /// Registered, then deprecated.
        Deprecated => "deprecated",
        /// Registered from an Internet-Draft.
        Draft => "draft",
    }
}

/// An extension-specific use of a reply code, such as `220 Ready to start TLS` for `STARTTLS`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Usage {
    pub(crate) extension: &'static str,
    pub(crate) command: &'static str,
    pub(crate) text: &'static str,
    pub(crate) meaning: &'static str,
    pub(crate) source: &'static str,
}

impl Usage {
    /// The extension, such as `STARTTLS` or `AUTH`.
    #[must_use]
    pub const fn extension(&self) -> &'static str {
        self.extension
    }

    /// The command that gets this reply.
    #[must_use]
    pub const fn command(&self) -> &'static str {
        self.command
    }

    /// The reply text the extension's RFC gives (data, quoted as is).
    #[must_use]
    pub const fn text(&self) -> &'static str {
        self.text
    }

    /// What the reply means in this use.
    #[must_use]
    pub const fn meaning(&self) -> &'static str {
        self.meaning
    }

    /// Where this comes from.
    #[must_use]
    pub const fn source(&self) -> &'static str {
        self.source
    }
}
