//! Small closed vocabularies that the catalogue uses: severity, who must act, SMTP commands and
//! the standing of an entry.

use core::fmt;

use crate::{EnhancedCode, ReplyCode};

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
        /// No code was found, so how final the answer is can only be guessed from the words of
        /// the text. No code has this severity; only a text without any code does.
        Unknown => "unknown",
    }
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
