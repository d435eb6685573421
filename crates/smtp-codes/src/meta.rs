//! Small closed vocabularies that the catalogue uses: severity, who must act, SMTP commands and
//! the standing of an entry.

use core::fmt;

use crate::{EnhancedCode, Provider, Reason, ReplyCode};

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
    };
}

vocabulary! {
    /// How final an answer is.
    pub enum Severity {
        /// The action completed (`2yz`, `2.x.x`).
        Success => "success",
        /// The server accepted the command and waits for more (`3yz`).
        Intermediate => "intermediate",
        /// A temporary failure: the same request may succeed later (`4yz`, `4.x.x`).
        Transient => "transient",
        /// A permanent failure: repeating the same request will fail again (`5yz`, `5.x.x`).
        Permanent => "permanent",
    }
}

impl Severity {
    /// The severity of a reply with these codes: the reply code decides, because the sending
    /// server acts on it (RFC 5321 §4.2.1); the enhanced code's class when there is no reply code.
    #[must_use]
    pub const fn of(reply: Option<ReplyCode>, enhanced: Option<EnhancedCode>) -> Option<Self> {
        match (reply, enhanced) {
            (Some(r), _) => Some(r.severity()),
            (None, Some(e)) => Some(e.severity()),
            (None, None) => None,
        }
    }
}

vocabulary! {
    /// Who has to do something after a reply.
    pub enum WhoActs {
        /// Nobody: the reply reports success or progress.
        Nobody => "nobody",
        /// The person or program that sent the message (fix the address, the content, the login).
        Sender => "sender",
        /// Whoever runs the sending system: the sender's administrator or email provider
        /// (DNS, authentication records, IP reputation, server configuration).
        SenderAdmin => "sender-admin",
        /// The owner of the recipient mailbox (free space, re-enable the account).
        Recipient => "recipient",
        /// Whoever runs the receiving system: the recipient's administrator or provider.
        RecipientAdmin => "recipient-admin",
    }
}

vocabulary! {
    /// An SMTP command, or a point of the session, that a reply can answer.
    pub enum Command {
        /// The greeting sent when the connection opens.
        Connect => "CONNECT",
        /// `EHLO`.
        Ehlo => "EHLO",
        /// `HELO`.
        Helo => "HELO",
        /// `MAIL FROM`.
        Mail => "MAIL",
        /// `RCPT TO`.
        Rcpt => "RCPT",
        /// The `DATA` command itself.
        Data => "DATA",
        /// The end of the message data (the final `.`).
        DataEnd => "DATA-END",
        /// `BDAT` (RFC 3030 CHUNKING).
        Bdat => "BDAT",
        /// `RSET`.
        Rset => "RSET",
        /// `VRFY`.
        Vrfy => "VRFY",
        /// `EXPN`.
        Expn => "EXPN",
        /// `HELP`.
        Help => "HELP",
        /// `NOOP`.
        Noop => "NOOP",
        /// `QUIT`.
        Quit => "QUIT",
        /// `AUTH` (RFC 4954).
        Auth => "AUTH",
        /// `STARTTLS` (RFC 3207).
        StartTls => "STARTTLS",
        /// `ETRN` (RFC 1985).
        Etrn => "ETRN",
        /// `ATRN` (RFC 2645).
        Atrn => "ATRN",
        /// `BURL` (RFC 4468).
        Burl => "BURL",
        /// Any command.
        Any => "ANY",
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
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct Usage {
    /// The extension, such as `STARTTLS` or `AUTH`.
    pub extension: &'static str,
    /// The command that gets this reply.
    pub command: &'static str,
    /// The reply text the extension's RFC gives (data, quoted as is).
    pub text: &'static str,
    /// What the reply means in this use.
    pub meaning: &'static str,
    /// Where this comes from.
    pub source: &'static str,
}

/// A reply of a mailbox provider, as the provider documents it or as it was observed.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct ProviderReply {
    /// The provider.
    pub provider: Provider,
    /// The reply code, when the provider gives one.
    pub reply_code: Option<ReplyCode>,
    /// The enhanced status code, when the provider gives one.
    pub enhanced: Option<EnhancedCode>,
    /// The provider's wire text or token (data, quoted as is).
    pub text: &'static str,
    /// The lowercase fixed text that identifies this reply in a reply text.
    #[cfg_attr(feature = "serde", serde(rename = "match"))]
    pub matches: &'static str,
    /// Whether `matches` is a token only this provider sends, identifying it on its own.
    pub distinctive: bool,
    /// What the reply means.
    pub meaning: &'static str,
    /// What to do.
    pub advice: &'static str,
    /// The bounce reason it gives.
    pub reason: Reason,
    /// The provider's page, or where the reply was observed.
    pub source: &'static str,
}

/// A phrase that gives a bounce reason when it occurs in a reply text.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct PhraseRule {
    /// Lowercase ASCII text, matched with ASCII case ignored.
    pub phrase: &'static str,
    /// The reason it gives.
    pub reason: Reason,
    /// Only when the reply answered this command.
    pub command: Option<Command>,
    /// Where the phrase is seen.
    pub source: &'static str,
}

/// What a [`CodeRule`] matches.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum RuleCode {
    /// A reply code, such as `521`.
    Reply(ReplyCode),
    /// An enhanced code in one class, such as `4.7.1`.
    Enhanced(EnhancedCode),
    /// An enhanced code in any class, such as `X.1.1`.
    Pattern {
        /// The subject.
        subject: u16,
        /// The detail.
        detail: u16,
    },
}

impl fmt::Display for RuleCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Reply(r) => write!(f, "{r}"),
            Self::Enhanced(e) => write!(f, "{e}"),
            Self::Pattern { subject, detail } => write!(f, "X.{subject}.{detail}"),
        }
    }
}

#[cfg(feature = "serde")]
impl serde::Serialize for RuleCode {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

/// A code that gives a bounce reason on its own.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct CodeRule {
    /// The code it matches.
    pub code: RuleCode,
    /// The reason it gives.
    pub reason: Reason,
    /// Where the rule comes from.
    pub source: &'static str,
}
