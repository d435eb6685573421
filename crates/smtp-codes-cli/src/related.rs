//! What else the catalogue says about a code: the reasons its code rules give and the provider
//! replies that carry it. Used by `lookup` and by the filters of `list`.

use smtp_codes::classify::{CODE_RULES, CodeRule, PROVIDER_REPLIES, Provider, ProviderReply, RuleCode};
use smtp_codes::{EnhancedCode, EnhancedPattern, ReplyCode};

/// An enhanced code as asked for: with a class (`5.1.1`) or without (`X.1.1`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct EnhancedQuery {
    pub(crate) class: Option<u8>,
    pub(crate) pattern: EnhancedPattern,
}

impl EnhancedQuery {
    /// Whether `code` is the code asked for: the same subject and detail, and the same class
    /// when one was given.
    pub(crate) fn matches(self, code: EnhancedCode) -> bool {
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
pub(crate) fn rules_for_reply(code: ReplyCode) -> impl Iterator<Item = &'static CodeRule> {
    CODE_RULES.iter().filter(move |r| r.code() == RuleCode::Reply(code))
}

/// The code rules that give a reason for an enhanced code: the exact code's and its `X.s.d`
/// pattern's.
pub(crate) fn rules_for_enhanced(query: EnhancedQuery) -> impl Iterator<Item = &'static CodeRule> {
    CODE_RULES.iter().filter(move |r| query.matches_rule(&r.code()))
}

/// The provider replies documented with reply code `code`.
pub(crate) fn vendor_replies_for_reply(code: ReplyCode) -> impl Iterator<Item = &'static ProviderReply> {
    PROVIDER_REPLIES.iter().filter(move |r| r.reply_code() == Some(code))
}

/// The provider replies documented with an enhanced code.
pub(crate) fn vendor_replies_for_enhanced(query: EnhancedQuery) -> impl Iterator<Item = &'static ProviderReply> {
    PROVIDER_REPLIES.iter().filter(move |r| query.matches_reply(r))
}

/// The replies of one provider.
pub(crate) fn vendor_replies(provider: Provider) -> impl Iterator<Item = &'static ProviderReply> {
    PROVIDER_REPLIES.iter().filter(move |r| r.provider() == provider)
}

/// Reads a provider's short name, saying which names exist when it is unknown.
pub(crate) fn parse_vendor(id: &str) -> anyhow::Result<Provider> {
    Provider::from_id(&id.to_ascii_lowercase()).ok_or_else(|| {
        let known: Vec<&str> = Provider::ALL.iter().map(|p| p.id()).collect();
        anyhow::anyhow!("unknown vendor {id:?}; the catalogue knows: {}", known.join(", "))
    })
}
