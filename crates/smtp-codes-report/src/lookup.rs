//! Looking up codes: what one argument of `lookup` asks for (`550`, `5.1.1`, `X.1.1`, or a pair
//! such as `550 5.1.1`), and the answer with the reasons its code rules give and the provider
//! replies that carry its codes.

use serde::Serialize;
use smtp_codes::classify::{CodeRule, ProviderReply};
use smtp_codes::{EnhancedCode, EnhancedPattern, ParseCodeError, ReplyCode};

use crate::entries::{CodeRuleEntry, EnhancedEntry, ProviderReplyEntry, ReplyEntry};
use crate::related::{self, EnhancedQuery};

/// What one lookup asks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum Query {
    /// A reply code, `550`.
    Reply(ReplyCode),
    /// An enhanced code in a class, `5.1.1`.
    Enhanced(EnhancedCode),
    /// `X.subject.detail`: the registry entry whatever the class.
    Pattern(EnhancedPattern),
    /// A reply code and an enhanced code, `550 5.1.1`.
    Pair(ReplyCode, EnhancedCode),
}

/// Why a lookup could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum QueryError {
    /// Nothing but white space.
    Empty,
    /// A code that does not parse.
    Code(ParseCodeError),
    /// Two words whose first is not a reply code.
    PairOrder,
    /// Two words whose second is not an enhanced code in a class.
    PairSecond(String),
    /// More than two words.
    TooManyWords(usize),
}

impl std::fmt::Display for QueryError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::Empty => f.write_str("empty code"),
            Self::Code(e) => e.fmt(f),
            Self::PairOrder => {
                f.write_str("a pair is a reply code then an enhanced status code, such as \"550 5.1.1\"")
            }
            Self::PairSecond(found) => {
                write!(f, "the second part of a pair must be an enhanced status code such as 5.1.1, found {found:?}")
            }
            Self::TooManyWords(n) => write!(f, "expected a code or a pair such as \"550 5.1.1\", found {n} words"),
        }
    }
}

impl std::error::Error for QueryError {}

impl From<ParseCodeError> for QueryError {
    fn from(e: ParseCodeError) -> Self {
        Self::Code(e)
    }
}

fn parse_code(token: &str) -> Result<Query, QueryError> {
    if token.starts_with(['X', 'x']) {
        return Ok(Query::Pattern(token.parse()?));
    }
    if token.contains('.') {
        return Ok(Query::Enhanced(token.parse()?));
    }
    Ok(Query::Reply(token.parse()?))
}

impl std::str::FromStr for Query {
    type Err = QueryError;

    /// Reads `550`, `5.1.1`, `X.1.1` (or `x.1.1`) or a pair such as `550 5.1.1`.
    fn from_str(arg: &str) -> Result<Self, Self::Err> {
        let words: Vec<&str> = arg.split_whitespace().collect();
        match words.as_slice() {
            [] => Err(QueryError::Empty),
            [one] => parse_code(one),
            [reply, enhanced] => {
                if reply.contains('.') {
                    return Err(QueryError::PairOrder);
                }
                let reply: ReplyCode = reply.parse()?;
                match parse_code(enhanced)? {
                    Query::Enhanced(e) => Ok(Query::Pair(reply, e)),
                    _ => Err(QueryError::PairSecond((*enhanced).to_owned())),
                }
            }
            _ => Err(QueryError::TooManyWords(words.len())),
        }
    }
}

impl Query {
    /// The reply code asked for, if any.
    #[must_use]
    pub const fn reply_code(self) -> Option<ReplyCode> {
        match self {
            Self::Reply(r) | Self::Pair(r, _) => Some(r),
            _ => None,
        }
    }

    /// The enhanced code asked for, with its class or without.
    #[must_use]
    pub fn enhanced_query(self) -> Option<EnhancedQuery> {
        match self {
            Self::Enhanced(e) | Self::Pair(_, e) => Some(EnhancedQuery { class: Some(e.class()), pattern: e.into() }),
            Self::Pattern(pattern) => Some(EnhancedQuery { class: None, pattern }),
            Self::Reply(_) => None,
        }
    }

    /// The code rules for the query's codes, the enhanced code's first (they win in the
    /// classifier), without repeats.
    #[must_use]
    pub fn rules(self) -> Vec<&'static CodeRule> {
        let mut rules: Vec<&'static CodeRule> = Vec::new();
        let enhanced = self.enhanced_query().into_iter().flat_map(related::rules_for_enhanced);
        let reply = self.reply_code().into_iter().flat_map(related::rules_for_reply);
        for rule in enhanced.chain(reply) {
            if !rules.iter().any(|r| std::ptr::eq(*r, rule)) {
                rules.push(rule);
            }
        }
        rules
    }

    /// The provider replies with the query's codes: for a pair, those with both codes (or the
    /// one they document).
    #[must_use]
    pub fn provider_replies(self) -> Vec<&'static ProviderReply> {
        match (self.reply_code(), self.enhanced_query()) {
            (Some(r), None) => related::provider_replies_for_reply(r).collect(),
            (None, Some(e)) => related::provider_replies_for_enhanced(e).collect(),
            (Some(r), Some(e)) => related::provider_replies_for_enhanced(e)
                .filter(|v| v.reply_code().is_none_or(|c| c == r))
                .chain(related::provider_replies_for_reply(r).filter(|v| v.enhanced().is_none()))
                .collect(),
            (None, None) => Vec::new(),
        }
    }
}

/// The answer to one lookup.
#[derive(Debug, Serialize)]
pub struct Lookup<'a> {
    /// The argument as given.
    query: &'a str,
    /// The reply code's catalogue entry.
    reply: Option<ReplyEntry>,
    /// The enhanced code's registry entry.
    enhanced: Option<EnhancedEntry>,
    /// The code rules that give a bounce reason for these codes.
    reasons: Vec<CodeRuleEntry>,
    /// The provider replies documented with these codes.
    provider_replies: Vec<ProviderReplyEntry>,
}

impl<'a> Lookup<'a> {
    /// The answer to `query`, which was read from `arg`.
    #[must_use]
    pub fn new(arg: &'a str, query: Query) -> Self {
        let (reply, enhanced) = match query {
            Query::Reply(r) => (Some(ReplyEntry::new(r)), None),
            Query::Enhanced(e) => (None, Some(EnhancedEntry::new(e))),
            Query::Pattern(p) => (None, Some(EnhancedEntry::without_class(p))),
            Query::Pair(r, e) => (Some(ReplyEntry::new(r)), Some(EnhancedEntry::new(e))),
        };
        let reasons = query.rules().into_iter().map(CodeRuleEntry::new).collect();
        let provider_replies = query.provider_replies().into_iter().map(ProviderReplyEntry::new).collect();
        Self { query: arg, reply, enhanced, reasons, provider_replies }
    }
}
