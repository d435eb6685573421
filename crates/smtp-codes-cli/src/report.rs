//! An explanation as JSON: the machine-readable fields that `explain --json` prints and that
//! every record of `classify` carries.

use std::borrow::Cow;

use serde::Serialize;
use smtp_codes::classify::{Classification, Context, Rule};
use smtp_codes::explain::Explanation;
use smtp_codes::{Command, EnhancedCode, ReplyCode, WhoActs};

use crate::entries::VendorJson;

/// The fields of one explained reply. Field names are a stable contract (see USAGE.md).
#[derive(Debug, Serialize)]
pub(crate) struct Report<'a> {
    /// The text that was explained (invalid UTF-8 replaced by U+FFFD).
    pub(crate) input: Cow<'a, str>,
    pub(crate) reply_code: Option<ReplyCode>,
    pub(crate) enhanced_code: Option<EnhancedCode>,
    /// `success`, `intermediate`, `transient`, `permanent` or `unknown`.
    pub(crate) severity: &'static str,
    /// How the severity was decided: `codes-agree`, `reply-code-decides`, `reply-code-only`,
    /// `enhanced-code-only`, `no-code`.
    pub(crate) severity_rule: &'static str,
    pub(crate) retry: bool,
    pub(crate) who_acts: WhoActs,
    /// The bounce reason, as Sisimai names it.
    pub(crate) reason: Option<&'static str>,
    pub(crate) hard_bounce: bool,
    /// The rule that decided the reason.
    pub(crate) rule: Option<RuleJson>,
    /// The SMTP command the reply answered: the one given, else the one the text names.
    pub(crate) command: Option<Command>,
    /// The reply text after the codes, on one line.
    pub(crate) text: String,
    /// The provider recognised from the text or the remote host.
    pub(crate) provider: Option<&'static str>,
    /// The provider reply that matched.
    pub(crate) vendor: Option<VendorJson>,
    pub(crate) actions: Vec<&'static str>,
    pub(crate) notes: Vec<&'static str>,
    pub(crate) warnings: Vec<String>,
}

/// The rule that decided a reason: `{"kind": "phrase", "phrase": "user unknown", ...}`.
#[derive(Debug, Serialize)]
pub(crate) struct RuleJson {
    /// `provider`, `phrase`, `code` or `fallback`.
    kind: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    provider: Option<&'static str>,
    /// The provider reply's identifying text.
    #[serde(rename = "match", skip_serializing_if = "Option::is_none")]
    matches: Option<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    phrase: Option<&'static str>,
    /// The command a phrase rule is limited to.
    #[serde(skip_serializing_if = "Option::is_none")]
    command: Option<Command>,
    /// The code of a code rule: `550`, `4.7.1` or `X.1.1`.
    #[serde(skip_serializing_if = "Option::is_none")]
    code: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    source: Option<&'static str>,
}

impl RuleJson {
    fn new(rule: Rule) -> Self {
        let mut json = Self {
            kind: rule.kind(),
            provider: None,
            matches: None,
            phrase: None,
            command: None,
            code: None,
            source: None,
        };
        match rule {
            Rule::ProviderReply(r) => {
                json.provider = Some(r.provider().id());
                json.matches = Some(r.match_text());
                json.source = Some(r.source());
            }
            Rule::Phrase(r) => {
                json.phrase = Some(r.phrase());
                json.command = r.command();
                json.source = Some(r.source());
            }
            Rule::Code(r) => {
                json.code = Some(r.code().to_string());
                json.source = Some(r.source());
            }
            _ => {}
        }
        json
    }
}

impl<'a> Report<'a> {
    /// The report of `explanation`, which was made from `input` with `context`.
    pub(crate) fn new(input: &'a [u8], explanation: &Explanation<'_>, context: &Context<'_>) -> Self {
        let classification: Option<&Classification> = explanation.classification();
        let diagnosis = explanation.diagnosis();
        let mut warnings: Vec<String> = explanation.warnings().iter().map(|w| w.to_string()).collect();
        let overflowed = explanation.warnings().overflowed();
        if overflowed > 0 {
            warnings.push(format!("{overflowed} more warnings were found but not kept"));
        }
        Self {
            input: String::from_utf8_lossy(input),
            reply_code: explanation.reply_code(),
            enhanced_code: explanation.enhanced_code(),
            severity: explanation.severity().as_str(),
            severity_rule: explanation.severity_rule().as_str(),
            retry: explanation.retry(),
            who_acts: explanation.who_acts(),
            reason: classification.map(|c| c.reason().id()),
            hard_bounce: classification.is_some_and(Classification::hard_bounce),
            rule: classification.map(|c| RuleJson::new(c.rule())),
            command: context.command().or(diagnosis.command()),
            text: one_line(explanation),
            provider: classification.and_then(Classification::provider).map(|p| p.id()),
            vendor: classification.and_then(Classification::provider_reply).map(VendorJson::new),
            actions: explanation.actions().collect(),
            notes: explanation.notes().map(|m| m.text()).collect(),
            warnings,
        }
    }
}

/// The reply text on one line, without the continuation prefixes of a flattened multi-line reply.
pub(crate) fn one_line(explanation: &Explanation<'_>) -> String {
    let mut text = String::new();
    for (i, segment) in explanation.diagnosis().segments().enumerate() {
        if i > 0 {
            text.push(' ');
        }
        text.push_str(segment);
    }
    text
}
