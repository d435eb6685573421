//! What else the catalogue says about a code: the reasons its code rules give and the provider
//! replies that carry it. Used by lookups and by the filters of listings.

use smtp_codes::classify::{CODE_RULES, CodeRule, PROVIDER_REPLIES, Provider, ProviderReply, RuleCode};
use smtp_codes::{EnhancedCode, EnhancedPattern, ReplyCode};

/// An enhanced code as asked for: with a class (`5.1.1`) or without (`X.1.1`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct EnhancedQuery {
    /// The class, or `None` for `X.s.d`.
    pub class: Option<u8>,
    /// The subject and detail.
    pub pattern: EnhancedPattern,
}

impl EnhancedQuery {
    /// Whether `code` is the code asked for: the same subject and detail, and the same class
    /// when one was given.
    #[must_use]
    pub fn matches(self, code: EnhancedCode) -> bool {
        self.pattern.matches(code) && self.class.is_none_or(|c| c == code.class())
    }

    fn matches_rule(self, code: &RuleCode) -> bool {
        match *code {
            RuleCode::Enhanced(e) => self.matches(e),
            RuleCode::Pattern(p) => p == self.pattern,
            _ => false,
        }
    }

    fn matches_reply(self, reply: &ProviderReply) -> bool {
        reply.enhanced().is_some_and(|e| self.matches(e))
    }
}

/// The code rules that give a reason for reply code `code`.
pub fn rules_for_reply(code: ReplyCode) -> impl Iterator<Item = &'static CodeRule> {
    CODE_RULES.iter().filter(move |r| r.code() == RuleCode::Reply(code))
}

/// The code rules that give a reason for an enhanced code: the exact code's and its `X.s.d`
/// pattern's.
pub fn rules_for_enhanced(query: EnhancedQuery) -> impl Iterator<Item = &'static CodeRule> {
    CODE_RULES.iter().filter(move |r| query.matches_rule(&r.code()))
}

/// The provider replies documented with reply code `code`.
pub fn provider_replies_for_reply(code: ReplyCode) -> impl Iterator<Item = &'static ProviderReply> {
    PROVIDER_REPLIES.iter().filter(move |r| r.reply_code() == Some(code))
}

/// The provider replies documented with an enhanced code.
pub fn provider_replies_for_enhanced(query: EnhancedQuery) -> impl Iterator<Item = &'static ProviderReply> {
    PROVIDER_REPLIES.iter().filter(move |r| query.matches_reply(r))
}

/// The replies of one provider.
pub fn provider_replies(provider: Provider) -> impl Iterator<Item = &'static ProviderReply> {
    PROVIDER_REPLIES.iter().filter(move |r| r.provider() == provider)
}

/// The error of [`parse_provider`]: no provider has this short name.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UnknownProvider(String);

impl std::fmt::Display for UnknownProvider {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let known: Vec<&str> = Provider::ALL.iter().map(|p| p.id()).collect();
        write!(f, "unknown provider {:?}; the catalogue knows: {}", self.0, known.join(", "))
    }
}

impl std::error::Error for UnknownProvider {}

/// Reads a provider's short name (ASCII case ignored), such as `gmail`.
///
/// # Errors
/// When no provider has that name; the message lists the names that exist.
pub fn parse_provider(id: &str) -> Result<Provider, UnknownProvider> {
    Provider::from_id(&id.to_ascii_lowercase()).ok_or_else(|| UnknownProvider(id.to_owned()))
}

/// A provider reply's codes as people write them: `550 5.1.1`, `550`, `5.1.1` or `-`.
#[must_use]
pub fn codes_of(r: &ProviderReply) -> String {
    match (r.reply_code(), r.enhanced()) {
        (Some(c), Some(e)) => format!("{c} {e}"),
        (Some(c), None) => c.to_string(),
        (None, Some(e)) => e.to_string(),
        (None, None) => "-".to_owned(),
    }
}
