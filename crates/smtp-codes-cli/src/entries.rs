//! Catalogue entries as JSON: the stable machine-readable shape of reply codes, enhanced codes,
//! their digits, bounce reasons, provider replies and code rules, shared by every command that
//! prints them.

use serde::Serialize;
use smtp_codes::classify::{CodeRule, ProviderReply, Reason};
use smtp_codes::{
    Command, EnhancedCode, EnhancedPattern, KnownEnhanced, KnownReply, RegistryStatus, ReplyCode, ReplyStatus, Usage,
    WhoActs,
};

/// A reply code and what the catalogue knows of it.
#[derive(Debug, Serialize)]
pub(crate) struct ReplyJson {
    /// The three-digit code.
    pub(crate) code: u16,
    /// Whether the catalogue has an entry for it.
    pub(crate) known: bool,
    #[serde(flatten)]
    pub(crate) entry: Option<ReplyEntryJson>,
    /// The meaning of each digit.
    pub(crate) digits: DigitsJson,
}

#[derive(Debug, Serialize)]
pub(crate) struct ReplyEntryJson {
    name: &'static str,
    title: &'static str,
    status: ReplyStatus,
    description: &'static str,
    commands: Vec<&'static str>,
    who_acts: WhoActs,
    action: &'static str,
    source: &'static str,
    usages: Vec<UsageJson>,
}

/// An extension-specific use of a reply code.
#[derive(Debug, Serialize)]
pub(crate) struct UsageJson {
    extension: &'static str,
    command: &'static str,
    text: &'static str,
    meaning: &'static str,
    source: &'static str,
}

impl UsageJson {
    fn new(u: &Usage) -> Self {
        Self {
            extension: u.extension(),
            command: u.command(),
            text: u.text(),
            meaning: u.meaning(),
            source: u.source(),
        }
    }
}

#[derive(Debug, Serialize)]
pub(crate) struct DigitsJson {
    first: DigitJson,
    second: Option<DigitJson>,
}

#[derive(Debug, Serialize)]
pub(crate) struct DigitJson {
    digit: u8,
    title: &'static str,
    description: &'static str,
}

impl ReplyJson {
    pub(crate) fn new(code: ReplyCode) -> Self {
        let first = code.first_digit_meaning();
        Self {
            code: code.as_u16(),
            known: code.known().is_some(),
            entry: code.known().map(ReplyEntryJson::new),
            digits: DigitsJson {
                first: DigitJson { digit: first.digit(), title: first.title(), description: first.description() },
                second: code.second_digit_meaning().map(|d| DigitJson {
                    digit: d.digit(),
                    title: d.title(),
                    description: d.description(),
                }),
            },
        }
    }
}

impl ReplyEntryJson {
    fn new(k: KnownReply) -> Self {
        Self {
            name: k.name(),
            title: k.title(),
            status: k.status(),
            description: k.description(),
            commands: k.commands().iter().map(|c: &Command| c.as_str()).collect(),
            who_acts: k.who_acts(),
            action: k.action(),
            source: k.source(),
            usages: k.usages().iter().map(UsageJson::new).collect(),
        }
    }
}

/// An enhanced status code and what the registry knows of it.
#[derive(Debug, Serialize)]
pub(crate) struct EnhancedJson {
    /// The code as given (`5.1.1`), or `X.s.d` when no class was given.
    pub(crate) code: String,
    /// The class digit, or null for `X.s.d`.
    pub(crate) class: Option<PartJson>,
    /// The subject's meaning, or null when the registry defines no such subject.
    pub(crate) subject: Option<PartJson>,
    /// Whether the registry has `X.subject.detail`.
    pub(crate) known: bool,
    /// Whether the registry allows the code in the given class (null for `X.s.d`).
    pub(crate) valid_in_class: Option<bool>,
    #[serde(flatten)]
    pub(crate) entry: Option<EnhancedEntryJson>,
}

#[derive(Debug, Serialize)]
pub(crate) struct PartJson {
    value: u16,
    title: &'static str,
    description: &'static str,
    who_acts: WhoActs,
}

#[derive(Debug, Serialize)]
pub(crate) struct EnhancedEntryJson {
    name: &'static str,
    title: &'static str,
    description: &'static str,
    classes: &'static [u8],
    reply_codes: Vec<u16>,
    reply_codes_note: Option<&'static str>,
    who_acts: WhoActs,
    action: &'static str,
    rfcs: &'static [&'static str],
    status: RegistryStatus,
    source: &'static str,
}

impl EnhancedJson {
    /// A code with its class.
    pub(crate) fn new(code: EnhancedCode) -> Self {
        let class = code.class_meaning();
        Self {
            code: code.to_string(),
            class: Some(PartJson {
                value: u16::from(class.class()),
                title: class.title(),
                description: class.description(),
                who_acts: class.who_acts(),
            }),
            subject: subject_json(code.subject()),
            known: code.known().is_some(),
            valid_in_class: Some(code.is_registered_in_class()),
            entry: code.known().map(EnhancedEntryJson::new),
        }
    }

    /// `X.subject.detail`: a registry entry looked up without a class.
    pub(crate) fn without_class(pattern: EnhancedPattern) -> Self {
        let known = pattern.known();
        Self {
            code: pattern.to_string(),
            class: None,
            subject: subject_json(pattern.subject()),
            known: known.is_some(),
            valid_in_class: None,
            entry: known.map(EnhancedEntryJson::new),
        }
    }
}

fn subject_json(subject: u16) -> Option<PartJson> {
    let s = u8::try_from(subject).ok().and_then(smtp_codes::StatusSubject::from_subject)?;
    Some(PartJson { value: subject, title: s.title(), description: s.description(), who_acts: s.who_acts() })
}

impl EnhancedEntryJson {
    fn new(k: KnownEnhanced) -> Self {
        Self {
            name: k.name(),
            title: k.title(),
            description: k.description(),
            classes: k.classes(),
            reply_codes: k.reply_codes().iter().map(|r| r.as_u16()).collect(),
            reply_codes_note: k.reply_codes_note(),
            who_acts: k.who_acts(),
            action: k.action(),
            rfcs: k.rfcs(),
            status: k.status(),
            source: k.source(),
        }
    }
}

/// A bounce reason (named as Sisimai names it) and what it means.
#[derive(Debug, Serialize)]
pub(crate) struct ReasonJson {
    /// The Sisimai name, such as `userunknown`.
    id: &'static str,
    title: &'static str,
    description: &'static str,
    /// Whether the sender must stop sending to the address.
    hard_bounce: bool,
    who_acts: WhoActs,
    action: &'static str,
    source: &'static str,
}

impl ReasonJson {
    pub(crate) fn new(r: Reason) -> Self {
        Self {
            id: r.id(),
            title: r.title(),
            description: r.description(),
            hard_bounce: r.hard_bounce(),
            who_acts: r.who_acts(),
            action: r.action(),
            source: r.source(),
        }
    }
}

/// A provider's own reply: who sends it, its codes and text, and what it means.
#[derive(Debug, Serialize)]
pub(crate) struct VendorJson {
    /// The provider's short name, such as `gmail`.
    provider: &'static str,
    provider_title: &'static str,
    reply_code: Option<ReplyCode>,
    enhanced: Option<EnhancedCode>,
    /// The provider's wire text or token.
    text: &'static str,
    /// The lowercase text that identifies the reply.
    #[serde(rename = "match")]
    matches: &'static str,
    meaning: &'static str,
    advice: &'static str,
    /// The bounce reason it gives.
    reason: &'static str,
    hard_bounce: bool,
    /// The provider's documentation link, or null.
    docs: Option<&'static str>,
    source: &'static str,
}

impl VendorJson {
    pub(crate) fn new(r: &'static ProviderReply) -> Self {
        Self {
            provider: r.provider().id(),
            provider_title: r.provider().title(),
            reply_code: r.reply_code(),
            enhanced: r.enhanced(),
            text: r.text(),
            matches: r.match_text(),
            meaning: r.meaning(),
            advice: r.advice(),
            reason: r.reason().id(),
            hard_bounce: r.reason().hard_bounce(),
            docs: Some(r.provider().docs()).filter(|d| !d.is_empty()),
            source: r.source(),
        }
    }
}

/// A code rule: a code that gives a bounce reason on its own.
#[derive(Debug, Serialize)]
pub(crate) struct CodeRuleJson {
    /// `550`, `4.7.1` or `X.1.1`.
    code: String,
    reason: &'static str,
    title: &'static str,
    hard_bounce: bool,
    source: &'static str,
}

impl CodeRuleJson {
    pub(crate) fn new(r: &'static CodeRule) -> Self {
        Self {
            code: r.code().to_string(),
            reason: r.reason().id(),
            title: r.reason().title(),
            hard_bounce: r.reason().hard_bounce(),
            source: r.source(),
        }
    }
}
