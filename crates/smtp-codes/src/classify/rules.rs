//! The rows of the classifier's tables: reasons, providers, provider replies, phrase rules and
//! code rules, with their accessors. Their fields are private so that a row can gain a field
//! without breaking users; the generated tables (`classify/generated.rs`) fill them in.

use core::fmt;

use crate::catalogue::row_accessors;
use crate::{Command, EnhancedCode, EnhancedPattern, ReplyCode, WhoActs};

use super::generated::{PROVIDERS, REASONS};
use super::{Provider, Reason};

/// A row of [`Reason`].
pub(super) struct ReasonRow {
    pub(super) id: &'static str,
    pub(super) name: &'static str,
    pub(super) title: &'static str,
    pub(super) description: &'static str,
    pub(super) hard_bounce: bool,
    pub(super) who_acts: WhoActs,
    pub(super) action: &'static str,
    pub(super) source: &'static str,
}

row_accessors! { Reason in REASONS {
    /// The entry's identifier in `codes.toml`, which is also the variant's name.
    fn name -> &'static str = name;
    /// The reason's name as Sisimai spells it (`userunknown`), used in JSON.
    fn id -> &'static str = id;
    /// A short headline.
    fn title -> &'static str = title;
    /// What the reason means, in plain English.
    fn description -> &'static str = description;
    /// Whether the sender must stop sending to the address.
    fn hard_bounce -> bool = hard_bounce;
    /// Who must act.
    fn who_acts -> WhoActs = who_acts;
    /// What to do.
    fn action -> &'static str = action;
    /// Where this comes from.
    fn source -> &'static str = source;
}}

/// A row of [`Provider`].
pub(super) struct ProviderRow {
    pub(super) id: &'static str,
    pub(super) name: &'static str,
    pub(super) title: &'static str,
    pub(super) markers: &'static [&'static str],
    pub(super) hosts: &'static [&'static str],
    pub(super) docs: &'static str,
    pub(super) source: &'static str,
}

row_accessors! { Provider in PROVIDERS {
    /// The entry's identifier in `codes.toml`, which is also the variant's name.
    fn name -> &'static str = name;
    /// The provider's short name on the command line and in JSON (`gmail`).
    fn id -> &'static str = id;
    /// The provider's full name.
    fn title -> &'static str = title;
    /// Lowercase texts whose presence in a reply identifies the provider.
    fn markers -> &'static [&'static str] = markers;
    /// Lowercase host-name suffixes of the provider's servers.
    fn hosts -> &'static [&'static str] = hosts;
    /// The provider's documentation link, or an empty string.
    fn docs -> &'static str = docs;
    /// Where this comes from.
    fn source -> &'static str = source;
}}

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
    pub(crate) retry: bool,
    pub(crate) reason: Reason,
    pub(crate) who_acts: Option<WhoActs>,
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

    /// Who must act, when the provider's source names another party than the reason's (a
    /// sender-side policy code filed under a reason whose party is the receiver's); `None` when
    /// the reason's [`Reason::who_acts`] applies.
    #[must_use]
    pub const fn who_acts(&self) -> Option<WhoActs> {
        self.who_acts
    }

    /// `false` when the provider says that retrying will not succeed, although the reply's code
    /// may be temporary.
    #[must_use]
    pub const fn retry(&self) -> bool {
        self.retry
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
    pub(crate) reply_code: Option<u16>,
    pub(crate) who_acts: Option<WhoActs>,
    pub(crate) none: &'static [&'static str],
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

    /// The reply code the rule is limited to: it applies only when the text's reply code is
    /// this one, or the text has none. `need rcpt` belongs to `503`: after `550 5.1.1 ...` in a
    /// Sendmail transcript it is the pipelined DATA's answer, not the refusal's cause.
    #[must_use]
    pub const fn reply_code(&self) -> Option<u16> {
        self.reply_code
    }

    /// Who must act, when the text names another party than the reason's (a sender-side protocol
    /// fault filed under a reason whose party is the receiver's); `None` when the reason's
    /// [`Reason::who_acts`] applies.
    #[must_use]
    pub const fn who_acts(&self) -> Option<WhoActs> {
        self.who_acts
    }

    /// Words any of which, as a whole word anywhere in the text, keep the phrase from matching
    /// (a `*` at the end of one matches any word it begins): the text says otherwise after the
    /// phrase. Postfix's "Host or domain name not found. ... Host not found, try again" is a
    /// lookup that failed for now, not a domain that does not exist.
    #[must_use]
    pub const fn none(&self) -> &'static [&'static str] {
        self.none
    }

    /// Where the phrase is seen.
    #[must_use]
    pub const fn source(&self) -> &'static str {
        self.source
    }
}

/// Words that give a bounce reason when all of them occur in a reply text, each at a word
/// boundary, and none of the excluded words does: a family of wordings written once (`quota`
/// with `exceed*` covers "quota exceeded", "exceeding its mailbox quota" and "disc quota
/// exceeded"). A word ending in `*` matches any word it begins.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct TermRule {
    pub(crate) all: &'static [&'static str],
    pub(crate) none: &'static [&'static str],
    pub(crate) reason: Reason,
    pub(crate) command: Option<Command>,
    pub(crate) who_acts: Option<WhoActs>,
    pub(crate) source: &'static str,
}

impl TermRule {
    /// The words that must all occur, in lowercase, matched with ASCII case ignored.
    #[must_use]
    pub const fn all(&self) -> &'static [&'static str] {
        self.all
    }

    /// The words none of which may occur.
    #[must_use]
    pub const fn none(&self) -> &'static [&'static str] {
        self.none
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

    /// Who must act, when the words name another party than the reason's; `None` when the
    /// reason's [`Reason::who_acts`] applies.
    #[must_use]
    pub const fn who_acts(&self) -> Option<WhoActs> {
        self.who_acts
    }

    /// Where the wordings come from.
    #[must_use]
    pub const fn source(&self) -> &'static str {
        self.source
    }
}

/// A phrase saying that trying again will not help (`Retrying will NOT succeed`): it forbids
/// retrying a reply whatever its class.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct NoRetryPhrase {
    pub(crate) phrase: &'static str,
    pub(crate) source: &'static str,
}

impl NoRetryPhrase {
    /// Lowercase ASCII text, matched with ASCII case ignored.
    #[must_use]
    pub const fn phrase(&self) -> &'static str {
        self.phrase
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
