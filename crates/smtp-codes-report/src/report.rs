//! An explained reply as a record: the fields that `explain --json` prints and that every
//! `classify` record carries, and the input line of `classify --jsonl`.

use std::borrow::Cow;

use serde::{Deserialize, Serialize};
use smtp_codes::classify::{Classification, Context, NoRetry, Rule};
use smtp_codes::explain::Explanation;
use smtp_codes::{Command, EnhancedCode, ReplyCode, Severity, WhoActs};

use crate::entries::{EnhancedEntry, ProviderReplyEntry, ReplyEntry};

/// The fields of one explained reply.
#[derive(Debug, Serialize)]
pub struct Report<'a> {
    /// The text that was explained (invalid UTF-8 replaced by U+FFFD).
    input: Cow<'a, str>,
    /// The three-digit reply code found.
    reply_code: Option<ReplyCode>,
    /// The enhanced status code found.
    enhanced_code: Option<EnhancedCode>,
    /// `success`, `intermediate`, `transient`, `permanent` or `unknown`.
    severity: Severity,
    /// How the severity was decided: `codes-agree`, `reply-code-decides`, `reply-code-only`,
    /// `enhanced-code-only`, `no-code`.
    severity_rule: &'static str,
    /// Whether the sender should try again later.
    retry: bool,
    /// What forbids retrying a temporary reply, when something does: a rule record of kind
    /// `provider` or `phrase`.
    no_retry: Option<RuleRecord>,
    /// Who must act.
    who_acts: WhoActs,
    /// The bounce reason, as Sisimai names it.
    reason: Option<&'static str>,
    /// Whether to stop sending to this address.
    hard_bounce: bool,
    /// The rule that decided the reason.
    rule: Option<RuleRecord>,
    /// The SMTP command the reply answered: the one given, else the one the text names.
    command: Option<Command>,
    /// The reply text after the codes, on one line.
    text: String,
    /// The provider recognised from the text or the remote host.
    provider: Option<&'static str>,
    /// The provider reply that matched.
    provider_reply: Option<ProviderReplyEntry>,
    /// What to do, most specific first.
    actions: Vec<&'static str>,
    /// Notes about codes no standard defines.
    notes: Vec<&'static str>,
    /// Oddities of the reply.
    warnings: Vec<String>,
}

/// The rule that decided a reason: `{"kind": "phrase", "phrase": "user unknown", ...}`.
#[derive(Debug, Serialize)]
pub struct RuleRecord {
    /// `provider`, `phrase`, `code` or `fallback`.
    kind: &'static str,
    /// The provider whose reply matched.
    #[serde(skip_serializing_if = "Option::is_none")]
    provider: Option<&'static str>,
    /// The provider reply's identifying text.
    #[serde(rename = "match", skip_serializing_if = "Option::is_none")]
    matches: Option<&'static str>,
    /// The phrase that matched.
    #[serde(skip_serializing_if = "Option::is_none")]
    phrase: Option<&'static str>,
    /// The words of a `terms` rule that all occurred.
    #[serde(skip_serializing_if = "Option::is_none")]
    terms: Option<&'static [&'static str]>,
    /// The words a `terms` rule excludes, when it has some: none of them occurred.
    #[serde(skip_serializing_if = "Option::is_none")]
    except: Option<&'static [&'static str]>,
    /// The command a phrase rule is limited to.
    #[serde(skip_serializing_if = "Option::is_none")]
    command: Option<Command>,
    /// The code of a code rule: `550`, `4.7.1` or `X.1.1`.
    #[serde(skip_serializing_if = "Option::is_none")]
    code: Option<String>,
    /// Where the rule comes from.
    #[serde(skip_serializing_if = "Option::is_none")]
    source: Option<&'static str>,
    /// For `report`: the kind of report that decided, `feedback-report` or `auto-reply`.
    #[serde(skip_serializing_if = "Option::is_none")]
    report: Option<&'static str>,
}

impl RuleRecord {
    /// The record of `rule`.
    #[must_use]
    pub fn new(rule: Rule) -> Self {
        let mut json = Self::blank(rule.kind());
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
            Rule::Terms(r) => {
                json.terms = Some(r.all());
                json.except = Some(r.none()).filter(|none| !none.is_empty());
                json.command = r.command();
                json.source = Some(r.source());
            }
            Rule::Code(r) => {
                json.code = Some(r.code().to_string());
                json.source = Some(r.source());
            }
            Rule::SenderStage(command) => json.command = Some(command),
            Rule::Report(kind) => json.report = Some(kind.as_str()),
            _ => {}
        }
        json
    }

    /// A record of `kind` with no other field.
    const fn blank(kind: &'static str) -> Self {
        Self {
            kind,
            provider: None,
            matches: None,
            phrase: None,
            terms: None,
            except: None,
            command: None,
            code: None,
            source: None,
            report: None,
        }
    }

    /// The record of what forbids retrying: kind `provider` (with `provider` and `match`) or
    /// `phrase` (with `phrase`), and its `source`.
    #[must_use]
    pub fn no_retry(no_retry: NoRetry) -> Self {
        let mut json = Self::blank("phrase");
        match no_retry {
            NoRetry::ProviderReply(r) => {
                json.kind = "provider";
                json.provider = Some(r.provider().id());
                json.matches = Some(r.match_text());
                json.source = Some(r.source());
            }
            NoRetry::Phrase(p) => {
                json.phrase = Some(p.phrase());
                json.source = Some(p.source());
            }
            _ => json.kind = "other",
        }
        json
    }
}

impl<'a> Report<'a> {
    /// The report of `explanation`, which was made from `input` with `context`.
    #[must_use]
    pub fn new(input: &'a [u8], explanation: &Explanation<'_>, context: &Context<'_>) -> Self {
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
            severity: explanation.severity(),
            severity_rule: explanation.severity_rule().as_str(),
            retry: explanation.retry(),
            no_retry: classification.and_then(Classification::no_retry).map(RuleRecord::no_retry),
            who_acts: explanation.who_acts(),
            reason: classification.map(|c| c.reason().id()),
            hard_bounce: classification.is_some_and(Classification::hard_bounce),
            rule: classification.map(|c| RuleRecord::new(c.rule())),
            command: context.command().or(diagnosis.command()),
            text: one_line(input, explanation),
            provider: classification.and_then(Classification::provider).map(|p| p.id()),
            provider_reply: classification.and_then(Classification::provider_reply).map(ProviderReplyEntry::new),
            actions: explanation.actions().collect(),
            notes: explanation.notes().map(|m| m.text()).collect(),
            warnings,
        }
    }
}

/// `explain --json`: the report plus the catalogue entries of both codes.
#[derive(Debug, Serialize)]
pub struct Explained<'a> {
    #[serde(flatten)]
    report: Report<'a>,
    /// The reply code's catalogue entry, as `lookup --json` gives it.
    reply: Option<ReplyEntry>,
    /// The enhanced code's registry entry, as `lookup --json` gives it.
    enhanced: Option<EnhancedEntry>,
}

impl<'a> Explained<'a> {
    /// The whole answer for `explanation`, made from `input` with `context`.
    #[must_use]
    pub fn new(input: &'a [u8], explanation: &Explanation<'_>, context: &Context<'_>) -> Self {
        Self {
            report: Report::new(input, explanation, context),
            reply: explanation.reply_code().map(ReplyEntry::new),
            enhanced: explanation.enhanced_code().map(EnhancedEntry::new),
        }
    }
}

/// One record of `classify`: where the line came from, then the fields of [`Report`].
#[derive(Debug, Serialize)]
pub struct ClassifyRecord<'a> {
    /// The input file (`-` for standard input), or the `file` field of a JSON line.
    file: &'a serde_json::Value,
    /// The 1-based line number in the input file.
    line: u64,
    /// The `index` field of a JSON line, passed through.
    #[serde(skip_serializing_if = "Option::is_none")]
    index: Option<&'a serde_json::Value>,
    /// The enhanced code again, under the name bounce scorers use.
    status: Option<EnhancedCode>,
    /// Present (and true) only when the line was cut at the reader's limit.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    truncated: bool,
    #[serde(flatten)]
    report: Report<'a>,
}

impl<'a> ClassifyRecord<'a> {
    /// The record of line `line` of `file`: `index` is a JSON line's own `index`, `truncated`
    /// says the line was cut.
    #[must_use]
    pub fn new(
        file: &'a serde_json::Value,
        line: u64,
        index: Option<&'a serde_json::Value>,
        truncated: bool,
        report: Report<'a>,
    ) -> Self {
        Self { file, line, index, status: report.enhanced_code, truncated, report }
    }
}

/// One record of `classify --brief`: where the line came from and what was decided, without
/// the prose (no input, text, actions, notes, warnings or catalogue wording), for pipelines that
/// keep millions of records.
#[derive(Debug, Serialize)]
pub struct BriefRecord<'a> {
    /// The input file (`-` for standard input), or the `file` field of a JSON line.
    file: &'a serde_json::Value,
    /// The 1-based line number in the input file.
    line: u64,
    /// The `index` field of a JSON line, passed through.
    #[serde(skip_serializing_if = "Option::is_none")]
    index: Option<&'a serde_json::Value>,
    /// Present (and true) only when the line was cut at the reader's limit.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    truncated: bool,
    /// The enhanced code again, under the name bounce scorers use.
    status: Option<EnhancedCode>,
    /// The three-digit reply code found.
    reply_code: Option<ReplyCode>,
    /// The enhanced status code found.
    enhanced_code: Option<EnhancedCode>,
    /// `success`, `intermediate`, `transient`, `permanent` or `unknown`.
    severity: Severity,
    /// Whether the sender should try again later.
    retry: bool,
    /// Who must act.
    who_acts: WhoActs,
    /// The bounce reason, as Sisimai names it.
    reason: Option<&'static str>,
    /// Whether to stop sending to this address.
    hard_bounce: bool,
    /// The kind of rule that decided the reason: `provider`, `phrase`, `code` or `fallback`.
    rule_kind: Option<&'static str>,
    /// The SMTP command the reply answered: the one given, else the one the text names.
    command: Option<Command>,
    /// The provider recognised from the text or the remote host.
    provider: Option<&'static str>,
}

impl<'a> BriefRecord<'a> {
    /// The brief record of line `line` of `file`, explained as `explanation` with `context`:
    /// `index` is a JSON line's own `index`, `truncated` says the line was cut.
    #[must_use]
    pub fn new(
        file: &'a serde_json::Value,
        line: u64,
        index: Option<&'a serde_json::Value>,
        truncated: bool,
        explanation: &Explanation<'_>,
        context: &Context<'_>,
    ) -> Self {
        let classification = explanation.classification();
        Self {
            file,
            line,
            index,
            truncated,
            status: explanation.enhanced_code(),
            reply_code: explanation.reply_code(),
            enhanced_code: explanation.enhanced_code(),
            severity: explanation.severity(),
            retry: explanation.retry(),
            who_acts: explanation.who_acts(),
            reason: classification.map(|c| c.reason().id()),
            hard_bounce: classification.is_some_and(Classification::hard_bounce),
            rule_kind: classification.map(|c| c.rule().kind()),
            command: context.command().or(explanation.diagnosis().command()),
            provider: classification.and_then(Classification::provider).map(|p| p.id()),
        }
    }
}

impl BriefRecord<'_> {
    /// Appends the record's JSON to `out`: the same bytes as `serde_json::to_writer`, written
    /// without serde's per-field machinery. `classify --brief` writes millions of these, and the
    /// serde path took about as long as classifying the line (key escaping and the formatting of
    /// enhanced codes). The test `brief_json_is_serde_json` holds the two to the same output.
    ///
    /// # Errors
    /// Only if a `file` or `index` value that is not a string fails to serialise, which a
    /// `serde_json::Value` never does.
    pub fn write_json(&self, out: &mut Vec<u8>) -> serde_json::Result<()> {
        out.extend_from_slice(b"{\"file\":");
        json_value(out, self.file)?;
        out.extend_from_slice(b",\"line\":");
        json_u64(out, self.line);
        if let Some(index) = self.index {
            out.extend_from_slice(b",\"index\":");
            json_value(out, index)?;
        }
        if self.truncated {
            out.extend_from_slice(b",\"truncated\":true");
        }
        out.extend_from_slice(b",\"status\":");
        json_enhanced(out, self.status);
        out.extend_from_slice(b",\"reply_code\":");
        match self.reply_code {
            Some(code) => json_u64(out, u64::from(u16::from(code))),
            None => out.extend_from_slice(b"null"),
        }
        out.extend_from_slice(b",\"enhanced_code\":");
        json_enhanced(out, self.enhanced_code);
        out.extend_from_slice(b",\"severity\":");
        json_str(out, self.severity.as_str());
        out.extend_from_slice(if self.retry { b",\"retry\":true" } else { b",\"retry\":false" });
        out.extend_from_slice(b",\"who_acts\":");
        json_str(out, self.who_acts.as_str());
        out.extend_from_slice(b",\"reason\":");
        json_opt_str(out, self.reason);
        out.extend_from_slice(if self.hard_bounce { b",\"hard_bounce\":true" } else { b",\"hard_bounce\":false" });
        out.extend_from_slice(b",\"rule_kind\":");
        json_opt_str(out, self.rule_kind);
        out.extend_from_slice(b",\"command\":");
        json_opt_str(out, self.command.map(Command::as_str));
        out.extend_from_slice(b",\"provider\":");
        json_opt_str(out, self.provider);
        out.push(b'}');
        Ok(())
    }
}

/// What the MTA (or the ESP) decided, where its report, log or event says it apart from any
/// code: an `Action` of `delivered`, `delayed` or `failed`, a log's delivery, deferral or bounce.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Verdict {
    /// It delivered the message.
    Delivered,
    /// It keeps the message and tries again.
    Temporary,
    /// It gave up.
    Final,
}

/// The severity of a record and whether it is retried: the codes' (`severity` and `retry`, as
/// [`Explanation::severity`] and [`Explanation::retry`] give them); where no code gives one
/// (`unknown`), the MTA's or the ESP's `verdict`: a delivery is a `success`, a deferral
/// `transient` and retried (unless the text says retrying will not succeed: `no_retry`), a
/// failure `permanent`.
pub(crate) fn severity_with(
    severity: Severity,
    retry: bool,
    no_retry: bool,
    verdict: Option<Verdict>,
) -> (Severity, bool) {
    match (severity, verdict) {
        (Severity::Unknown, Some(Verdict::Delivered)) => (Severity::Success, false),
        (Severity::Unknown, Some(Verdict::Temporary)) => (Severity::Transient, !no_retry),
        (Severity::Unknown, Some(Verdict::Final)) => (Severity::Permanent, false),
        _ => (severity, retry),
    }
}

/// [`severity_with`] of an explanation.
pub(crate) fn explained_severity(explanation: &Explanation<'_>, verdict: Option<Verdict>) -> (Severity, bool) {
    let no_retry = explanation.classification().is_some_and(|c| c.no_retry().is_some());
    severity_with(explanation.severity(), explanation.retry(), no_retry, verdict)
}

/// A JSON value: a string directly, anything else through serde_json.
fn json_value(out: &mut Vec<u8>, value: &serde_json::Value) -> serde_json::Result<()> {
    match value {
        serde_json::Value::String(s) => {
            json_str(out, s);
            Ok(())
        }
        other => serde_json::to_writer(&mut *out, other),
    }
}

/// A JSON string. Text that needs no escape (no quote, backslash or control character, which
/// is all serde_json escapes) is copied; any other goes through serde_json.
fn json_str(out: &mut Vec<u8>, s: &str) {
    if s.bytes().any(|b| b < 0x20 || b == b'"' || b == b'\\') {
        // Writing a string into a Vec cannot fail.
        let _ = serde_json::to_writer(&mut *out, s);
    } else {
        out.push(b'"');
        out.extend_from_slice(s.as_bytes());
        out.push(b'"');
    }
}

fn json_opt_str(out: &mut Vec<u8>, s: Option<&str>) {
    match s {
        Some(s) => json_str(out, s),
        None => out.extend_from_slice(b"null"),
    }
}

/// An enhanced code as its JSON string (`"5.1.1"`), or `null`.
fn json_enhanced(out: &mut Vec<u8>, code: Option<EnhancedCode>) {
    let Some(code) = code else {
        out.extend_from_slice(b"null");
        return;
    };
    out.push(b'"');
    json_u64(out, u64::from(code.class()));
    out.push(b'.');
    json_u64(out, u64::from(code.subject()));
    out.push(b'.');
    json_u64(out, u64::from(code.detail()));
    out.push(b'"');
}

/// A number in decimal, as JSON writes it.
fn json_u64(out: &mut Vec<u8>, mut n: u64) {
    let mut digits = [0u8; 20];
    let mut at = digits.len();
    loop {
        at -= 1;
        digits[at] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    out.extend_from_slice(&digits[at..]);
}

/// One line of `classify --jsonl` input: `text` and optional `command`, `remote_host`, `file`
/// and `index` (the shape of the Sisimai corpus's `lines.jsonl`).
#[derive(Debug, Deserialize)]
pub struct ClassifyInput<'a> {
    #[serde(borrow)]
    text: Option<Cow<'a, str>>,
    #[serde(borrow, default)]
    command: Option<Cow<'a, str>>,
    #[serde(borrow, default)]
    remote_host: Option<Cow<'a, str>>,
    #[serde(default)]
    file: Option<serde_json::Value>,
    #[serde(default)]
    index: Option<serde_json::Value>,
}

/// Why a `classify --jsonl` line was not read.
#[derive(Debug)]
pub enum InputError {
    /// The line is not JSON, or not an object of the expected shape.
    NotJson(serde_json::Error),
    /// The object has no string `text` field.
    NoText,
}

impl std::fmt::Display for InputError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::NotJson(e) => write!(f, "not JSON ({e})"),
            Self::NoText => f.write_str("no \"text\" field"),
        }
    }
}

impl std::error::Error for InputError {}

impl<'a> ClassifyInput<'a> {
    /// Reads one JSON line, after a UTF-8 byte order mark if it starts with one.
    ///
    /// # Errors
    /// When the line is not a JSON object of this shape, or has no `text`.
    pub fn parse(line: &'a [u8]) -> Result<Self, InputError> {
        // A UTF-8 byte order mark is allowed before the object (editors on Windows write one).
        let line = line.strip_prefix(b"\xef\xbb\xbf").unwrap_or(line);
        let input: Self = serde_json::from_slice(line).map_err(InputError::NotJson)?;
        if input.text.is_none() {
            return Err(InputError::NoText);
        }
        Ok(input)
    }

    /// The reply or diagnostic text.
    #[must_use]
    pub fn text(&self) -> &str {
        self.text.as_deref().unwrap_or_default()
    }

    /// The context the line gives, each part falling back to `defaults`: its `command` (read
    /// leniently; an unknown name counts as none) and its `remote_host` (an empty one counts as
    /// none).
    #[must_use]
    pub fn context<'c>(&'c self, defaults: &Context<'c>) -> Context<'c> {
        let command = self.command.as_deref().and_then(|c| c.parse().ok()).or(defaults.command());
        let remote_host = self.remote_host.as_deref().filter(|h| !h.is_empty()).or(defaults.remote_host());
        Context::new().with_command(command).with_remote_host(remote_host)
    }

    /// The `classify-record` of this input, as `classify --jsonl --json` prints it (JSON text,
    /// no line break): explained with the shared classifier in its context over `defaults`, as
    /// the `number`th input of `file` unless the input names its own. What the HTTP API's
    /// `/api/v1/classify` and the Python package's `classify` answer for each input.
    #[must_use]
    pub fn record_json(&self, file: &serde_json::Value, number: u64, defaults: &Context<'_>) -> String {
        let context = self.context(defaults);
        let text = self.text().as_bytes();
        let explanation = smtp_codes::classify::explain_with(text, &context);
        let report = Report::new(text, &explanation, &context);
        let record = ClassifyRecord::new(self.file().unwrap_or(file), number, self.index(), false, report);
        // A record of plain fields, strings and JSON values always serialises.
        serde_json::to_string(&record).unwrap_or_default()
    }

    /// The line's own `file` field, passed through to the record.
    #[must_use]
    pub const fn file(&self) -> Option<&serde_json::Value> {
        self.file.as_ref()
    }

    /// The line's own `index` field, passed through to the record.
    #[must_use]
    pub const fn index(&self) -> Option<&serde_json::Value> {
        self.index.as_ref()
    }
}

/// The reply text on one line, without the continuation prefixes of a flattened multi-line reply.
///
/// `explanation` was made from `input`. The core's text stops before the first byte that is not
/// UTF-8, so for such input the text is read again from `input` with each invalid sequence shown
/// as U+FFFD, as the `input` field shows it.
#[must_use]
pub fn one_line(input: &[u8], explanation: &Explanation<'_>) -> String {
    match std::str::from_utf8(input) {
        Ok(_) => join_segments(explanation.diagnosis().segments()),
        Err(_) => join_segments(smtp_codes::parse::diagnose(&String::from_utf8_lossy(input)).segments()),
    }
}

fn join_segments<'s>(segments: impl Iterator<Item = &'s str>) -> String {
    let mut text = String::new();
    for (i, segment) in segments.enumerate() {
        if i > 0 {
            text.push(' ');
        }
        text.push_str(segment);
    }
    text
}
