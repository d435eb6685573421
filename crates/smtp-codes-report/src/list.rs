//! Listing the catalogue: reply codes, enhanced codes, provider replies or bounce reasons,
//! filtered by class, subject and provider, in catalogue order.

use serde::Serialize;
use smtp_codes::classify::{PROVIDER_REPLIES, Provider, ProviderReply, Reason};
use smtp_codes::{EnhancedCode, KnownEnhanced, KnownReply};

use crate::entries::{EnhancedEntry, ProviderReplyEntry, ReasonEntry, ReplyEntry};
use crate::related::{self, EnhancedQuery};

/// What to list.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
#[non_exhaustive]
pub enum Kind {
    /// Reply codes (550, 421, ...).
    #[default]
    Reply,
    /// Enhanced status codes of the IANA registry (X.1.1, ...).
    Enhanced,
    /// The replies of mailbox providers (Gmail, Microsoft, Yahoo, ...).
    ProviderReplies,
    /// Bounce reasons, named as Sisimai names them.
    Reasons,
}

/// Which entries to keep.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Filter {
    /// Only this class: a reply code's first digit, an enhanced code's class; enhanced codes are
    /// then listed in that class (5.1.1 instead of X.1.1).
    pub class: Option<u8>,
    /// Only this subject: an enhanced code's subject, a reply code's second digit.
    pub subject: Option<u16>,
    /// Only what this provider's replies use; for provider replies, its replies.
    pub provider: Option<Provider>,
}

/// Why a filter does not apply to a kind.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum FilterError {
    /// Reasons have no class or subject.
    ReasonsHaveNoCode,
    /// Enhanced codes have no class 3.
    NoEnhancedClass3,
}

impl std::fmt::Display for FilterError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            Self::ReasonsHaveNoCode => {
                "--class and --subject do not apply to `list reasons`; use --provider, or `list providers --class`"
            }
            Self::NoEnhancedClass3 => "enhanced status codes have no class 3: use 2, 4 or 5",
        })
    }
}

impl std::error::Error for FilterError {}

/// One listed entry; serialised as the entry's record.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum Item {
    /// A reply code.
    Reply(KnownReply),
    /// A registry entry and, when a class was asked for, the code in that class.
    Enhanced(KnownEnhanced, Option<EnhancedCode>),
    /// A provider's reply.
    ProviderReply(&'static ProviderReply),
    /// A bounce reason.
    Reason(Reason),
}

impl Serialize for Item {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match *self {
            Self::Reply(k) => ReplyEntry::new(k.code()).serialize(serializer),
            Self::Enhanced(_, Some(code)) => EnhancedEntry::new(code).serialize(serializer),
            Self::Enhanced(k, None) => EnhancedEntry::without_class(k.pattern()).serialize(serializer),
            Self::ProviderReply(r) => ProviderReplyEntry::new(r).serialize(serializer),
            Self::Reason(r) => ReasonEntry::new(r).serialize(serializer),
        }
    }
}

/// The entries of `kind` that pass `filter`, in catalogue order.
///
/// # Errors
/// When the filter does not apply to the kind.
pub fn select(kind: Kind, filter: Filter) -> Result<Vec<Item>, FilterError> {
    if kind == Kind::Reasons && (filter.class.is_some() || filter.subject.is_some()) {
        return Err(FilterError::ReasonsHaveNoCode);
    }
    if kind == Kind::Enhanced && filter.class == Some(3) {
        return Err(FilterError::NoEnhancedClass3);
    }
    Ok(match kind {
        Kind::Reply => replies(filter).map(Item::Reply).collect(),
        Kind::Enhanced => enhanced(filter).collect(),
        Kind::ProviderReplies => provider_replies(filter).map(Item::ProviderReply).collect(),
        Kind::Reasons => reasons(filter).map(Item::Reason).collect(),
    })
}

fn replies(f: Filter) -> impl Iterator<Item = KnownReply> {
    KnownReply::ALL
        .iter()
        .copied()
        .filter(move |k| f.class.is_none_or(|c| k.code().first_digit() == c))
        .filter(move |k| f.subject.is_none_or(|s| u16::from(k.code().second_digit()) == s))
        .filter(move |k| {
            f.provider.is_none_or(|v| related::provider_replies(v).any(|r| r.reply_code() == Some(k.code())))
        })
}

/// Registry entries with, when a class was asked for, the code in that class.
fn enhanced(f: Filter) -> impl Iterator<Item = Item> {
    KnownEnhanced::ALL
        .iter()
        .copied()
        .filter(move |k| f.class.is_none_or(|c| k.allows_class(c)))
        .filter(move |k| f.subject.is_none_or(|s| k.subject() == s))
        .filter(move |k| {
            let query = EnhancedQuery { class: f.class, pattern: k.pattern() };
            f.provider
                .is_none_or(|v| related::provider_replies(v).any(|r| r.enhanced().is_some_and(|e| query.matches(e))))
        })
        .map(move |k| Item::Enhanced(k, f.class.and_then(|c| k.in_class(c))))
}

fn provider_replies(f: Filter) -> impl Iterator<Item = &'static ProviderReply> {
    PROVIDER_REPLIES
        .iter()
        .filter(move |r| f.provider.is_none_or(|v| r.provider() == v))
        .filter(move |r| {
            f.class.is_none_or(|c| {
                r.reply_code().is_some_and(|x| x.first_digit() == c) || r.enhanced().is_some_and(|e| e.class() == c)
            })
        })
        .filter(move |r| f.subject.is_none_or(|s| r.enhanced().is_some_and(|e| e.subject() == s)))
}

fn reasons(f: Filter) -> impl Iterator<Item = Reason> {
    Reason::ALL
        .iter()
        .copied()
        .filter(move |&reason| f.provider.is_none_or(|v| related::provider_replies(v).any(|r| r.reason() == reason)))
}
