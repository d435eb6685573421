//! The rows of the classifier's tables: provider replies, phrase rules and code rules. Their
//! fields are private so that a row can gain a field without breaking users; the generated
//! tables fill them in.

use core::fmt;

use crate::{Command, EnhancedCode, EnhancedPattern, ReplyCode};

use super::{Provider, Reason};

/// A reply of a mailbox provider, as the provider documents it or as it was observed.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct ProviderReply {
    pub(crate) provider: Provider,
    pub(crate) reply_code: Option<ReplyCode>,
    pub(crate) enhanced: Option<EnhancedCode>,
    pub(crate) text: &'static str,
    pub(crate) matches: &'static str,
    pub(crate) distinctive: bool,
    pub(crate) meaning: &'static str,
    pub(crate) advice: &'static str,
    pub(crate) reason: Reason,
    pub(crate) source: &'static str,
}

impl ProviderReply {
    /// The provider.
    #[must_use]
    pub const fn provider(&self) -> Provider {
        self.provider
    }

    /// The reply code, when the provider gives one.
    #[must_use]
    pub const fn reply_code(&self) -> Option<ReplyCode> {
        self.reply_code
    }

    /// The enhanced status code, when the provider gives one.
    #[must_use]
    pub const fn enhanced(&self) -> Option<EnhancedCode> {
        self.enhanced
    }

    /// The provider's wire text or token (data, quoted as is).
    #[must_use]
    pub const fn text(&self) -> &'static str {
        self.text
    }

    /// The lowercase fixed text that identifies this reply in a reply text.
    #[must_use]
    pub const fn match_text(&self) -> &'static str {
        self.matches
    }

    /// Whether [`match_text`](Self::match_text) is a token only this provider sends, which
    /// identifies the provider on its own.
    #[must_use]
    pub const fn is_distinctive(&self) -> bool {
        self.distinctive
    }

    /// What the reply means.
    #[must_use]
    pub const fn meaning(&self) -> &'static str {
        self.meaning
    }

    /// What to do.
    #[must_use]
    pub const fn advice(&self) -> &'static str {
        self.advice
    }

    /// The bounce reason it gives.
    #[must_use]
    pub const fn reason(&self) -> Reason {
        self.reason
    }

    /// The provider's page, or where the reply was observed.
    #[must_use]
    pub const fn source(&self) -> &'static str {
        self.source
    }
}

/// A phrase that gives a bounce reason when it occurs in a reply text.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct PhraseRule {
    pub(crate) phrase: &'static str,
    pub(crate) reason: Reason,
    pub(crate) command: Option<Command>,
    pub(crate) source: &'static str,
}

impl PhraseRule {
    /// Lowercase ASCII text, matched with ASCII case ignored.
    #[must_use]
    pub const fn phrase(&self) -> &'static str {
        self.phrase
    }

    /// The reason it gives.
    #[must_use]
    pub const fn reason(&self) -> Reason {
        self.reason
    }

    /// The command the rule is limited to: it applies only when the reply answered it.
    #[must_use]
    pub const fn command(&self) -> Option<Command> {
        self.command
    }

    /// Where the phrase is seen.
    #[must_use]
    pub const fn source(&self) -> &'static str {
        self.source
    }
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
    Pattern(EnhancedPattern),
}

impl fmt::Display for RuleCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Reply(r) => fmt::Display::fmt(r, f),
            Self::Enhanced(e) => fmt::Display::fmt(e, f),
            Self::Pattern(p) => fmt::Display::fmt(p, f),
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
pub struct CodeRule {
    pub(crate) code: RuleCode,
    pub(crate) reason: Reason,
    pub(crate) source: &'static str,
}

impl CodeRule {
    /// The code it matches.
    #[must_use]
    pub const fn code(&self) -> RuleCode {
        self.code
    }

    /// The reason it gives.
    #[must_use]
    pub const fn reason(&self) -> Reason {
        self.reason
    }

    /// Where the rule comes from.
    #[must_use]
    pub const fn source(&self) -> &'static str {
        self.source
    }
}
