//! The records of `smtp-codes bounce`: one per recipient of every report found in a message,
//! and the summary of many messages.

use std::collections::{BTreeMap, HashMap};

use serde::Serialize;
use serde::ser::{SerializeMap, Serializer};
use smtp_codes::classify::Classification;
use smtp_codes::{Command, EnhancedCode, ReplyCode, Severity, WhoActs};
use smtp_codes_bounce::{Decoded, Original, Recipient};

use crate::report::{RuleRecord, Verdict, explained_severity};
use crate::summary::OrderedCounts;

/// The most recipient domains a [`BounceSummary`] counts one by one; the rest are counted under
/// [`OTHER_DOMAINS`], so that memory stays bounded whatever the input.
pub const MAX_DOMAINS: usize = 1000;

/// The key of the recipients whose domain came after [`MAX_DOMAINS`] others.
pub const OTHER_DOMAINS: &str = "other";

/// The key of the recipients without an address (or without a domain in it).
pub const NO_DOMAIN: &str = "none";

/// One recipient of a decoded message (`bounce-record` in `docs/json.md`).
#[derive(Debug, Serialize)]
pub struct BounceRecord<'a> {
    /// The input file (`-` for standard input).
    file: &'a serde_json::Value,
    /// The message's 1-based position in its file (1 for a file that holds one message).
    message: u64,
    /// The recipient's 1-based position in the message's report.
    index: u64,
    /// `bounce`, `delay`, `delivered`, `feedback` or `vacation`.
    kind: &'static str,
    /// The recipient's address (`Final-Recipient`, or the address an error line names).
    recipient: Option<&'a str>,
    /// `Original-Recipient`, when the report gives it; in a plain-text bounce, the address Sendmail
    /// or Exim names under the failed one as `(expanded from: ...)` or `(generated from ...)`.
    original_recipient: Option<&'a str>,
    /// The report's `Action`: `failed`, `delayed`, `delivered`, `relayed` or `expanded`.
    action: Option<&'static str>,
    /// The decided enhanced status code.
    status: Option<EnhancedCode>,
    /// The reply code found in the diagnostic text.
    reply_code: Option<ReplyCode>,
    /// The bounce reason, as Sisimai names it.
    reason: &'static str,
    /// Whether to stop sending to this address.
    hard_bounce: bool,
    /// `success`, `intermediate`, `transient`, `permanent` or `unknown`.
    severity: Severity,
    /// Whether the sender should try again later.
    retry: bool,
    /// Who must act.
    who_acts: WhoActs,
    /// The error text: the `Diagnostic-Code` (unfolded) or the text the reader found.
    diagnostic: &'a str,
    /// The diagnostic's type: `smtp`, `X-Postfix`, `X-Unix`, ...
    diagnostic_type: Option<&'a str>,
    /// The SMTP command the reply answered, as the text names it.
    command: Option<Command>,
    /// The remote server (`Remote-MTA`).
    remote_mta: Option<&'a str>,
    /// The server that wrote the report (`Reporting-MTA`).
    reporting_mta: Option<&'a str>,
    /// The provider recognised from the text or the remote server.
    provider: Option<&'static str>,
    /// The rule that decided the reason.
    rule: RuleRecord,
    /// What read the message: `rfc3464`, `arf`, `rfc5429`, `rfc3834`, `generic`, a bounce format's `id` (`qmail`, ...) or `ses`.
    decoded_by: &'static str,
    /// Postfix's queue id of the message (`X-Postfix-Queue-ID`).
    queue_id: Option<&'a str>,
    /// The bounce's own `Date`.
    date: Option<&'a str>,
    /// The returned original's headers, to join the bounce with the sender's own logs.
    original: Option<OriginalRecord<'a>>,
    /// What did not read as expected, for this message and this recipient.
    warnings: Vec<String>,
}

impl<'a> BounceRecord<'a> {
    /// The record of recipient `index` (1-based) of `decoded`, message `message` of `file`.
    #[must_use]
    pub fn new(
        file: &'a serde_json::Value,
        message: u64,
        index: u64,
        decoded: &'a Decoded,
        recipient: &'a Recipient,
    ) -> Self {
        let classification = recipient.classification();
        let explanation = recipient.explanation();
        // The report's `Action` where no code gives the severity (a delay warning whose text
        // holds none is still retried).
        let verdict = match recipient.action() {
            // Relayed and expanded are successes too (RFC 3464 §2.3.3).
            Some(
                smtp_codes_bounce::Action::Delivered
                | smtp_codes_bounce::Action::Relayed
                | smtp_codes_bounce::Action::Expanded,
            ) => Some(Verdict::Delivered),
            Some(smtp_codes_bounce::Action::Delayed) => Some(Verdict::Temporary),
            Some(smtp_codes_bounce::Action::Failed) => Some(Verdict::Final),
            _ => None,
        };
        let (severity, retry) = explained_severity(&explanation, verdict);
        let warnings = decoded.warnings().iter().chain(recipient.warnings()).map(ToString::to_string).collect();
        Self {
            file,
            message,
            index,
            kind: decoded.kind().as_str(),
            recipient: recipient.recipient(),
            original_recipient: recipient.original_recipient(),
            action: recipient.action().map(smtp_codes_bounce::Action::as_str),
            status: recipient.status(),
            reply_code: recipient.reply_code(),
            reason: classification.reason().id(),
            hard_bounce: recipient.hard_bounce(),
            severity,
            retry,
            who_acts: explanation.who_acts(),
            diagnostic: recipient.diagnostic(),
            diagnostic_type: recipient.diagnostic_type(),
            command: recipient.command(),
            remote_mta: recipient.remote_mta(),
            reporting_mta: decoded.reporting_mta(),
            provider: classification.provider().map(|p| p.id()),
            rule: RuleRecord::new(classification.rule()),
            decoded_by: decoded.decoded_by().as_str(),
            queue_id: decoded.queue_id(),
            date: decoded.date(),
            original: decoded.original().filter(|o| !o.is_empty()).map(OriginalRecord::new),
            warnings,
        }
    }

    /// Every record of `decoded`, in report order.
    pub fn all(file: &'a serde_json::Value, message: u64, decoded: &'a Decoded) -> impl Iterator<Item = Self> + 'a {
        decoded.recipients().iter().zip(1..).map(move |(r, index)| Self::new(file, message, index, decoded, r))
    }
}

/// The returned original's headers in a record.
#[derive(Debug, Serialize)]
pub struct OriginalRecord<'a> {
    /// Its `Message-ID`.
    message_id: Option<&'a str>,
    /// Its `From`.
    from: Option<&'a str>,
    /// Its `To`.
    to: Option<&'a str>,
    /// Its `Subject`, decoded.
    subject: Option<&'a str>,
    /// Its `Date`.
    date: Option<&'a str>,
}

impl<'a> OriginalRecord<'a> {
    fn new(o: &'a Original) -> Self {
        Self {
            message_id: o.message_id.as_deref(),
            from: o.from.as_deref(),
            to: o.to.as_deref(),
            subject: o.subject.as_deref(),
            date: o.date.as_deref(),
        }
    }
}

/// Counts over many decoded messages (`bounce-summary` in `docs/json.md`), in memory that does
/// not grow with the input.
#[derive(Debug, Clone, Default)]
pub struct BounceSummary {
    messages: u64,
    not_bounces: u64,
    too_large: u64,
    recipients: u64,
    hard_bounces: u64,
    kind: BTreeMap<&'static str, u64>,
    decoded_by: BTreeMap<&'static str, u64>,
    reason: BTreeMap<&'static str, u64>,
    provider: BTreeMap<&'static str, u64>,
    domain: HashMap<String, u64>,
    other_domains: u64,
}

impl BounceSummary {
    /// Counts one decoded message and its recipients.
    pub fn add(&mut self, decoded: &Decoded) {
        self.messages += 1;
        if decoded.recipients().is_empty() {
            self.not_bounces += 1;
            return;
        }
        *self.kind.entry(decoded.kind().as_str()).or_default() += 1;
        *self.decoded_by.entry(decoded.decoded_by().as_str()).or_default() += 1;
        for r in decoded.recipients() {
            let c: Classification = r.classification();
            self.recipients += 1;
            self.hard_bounces += u64::from(r.hard_bounce());
            *self.reason.entry(c.reason().id()).or_default() += 1;
            if let Some(p) = c.provider() {
                *self.provider.entry(p.id()).or_default() += 1;
            }
            let domain = r
                .recipient()
                .and_then(|a| a.rsplit_once('@'))
                .map(|(_, d)| d.trim_end_matches('>').to_ascii_lowercase())
                .filter(|d| !d.is_empty())
                .unwrap_or_else(|| NO_DOMAIN.to_owned());
            if let Some(n) = self.domain.get_mut(&domain) {
                *n += 1;
            } else if self.domain.len() < MAX_DOMAINS {
                self.domain.insert(domain, 1);
            } else {
                self.other_domains += 1;
            }
        }
    }

    /// Counts a message that was skipped for its size.
    pub const fn add_too_large(&mut self) {
        self.messages += 1;
        self.too_large += 1;
    }

    /// Messages read (decoded or skipped).
    #[must_use]
    pub const fn messages(&self) -> u64 {
        self.messages
    }

    /// Messages that gave no record (not a bounce, a delay, a feedback report or an auto-reply).
    #[must_use]
    pub const fn not_bounces(&self) -> u64 {
        self.not_bounces
    }

    /// Messages skipped because they were larger than [`smtp_codes_bounce::MAX_MESSAGE`].
    #[must_use]
    pub const fn too_large(&self) -> u64 {
        self.too_large
    }

    /// Recipients counted.
    #[must_use]
    pub const fn recipients(&self) -> u64 {
        self.recipients
    }

    /// Recipients that were hard bounces.
    #[must_use]
    pub const fn hard_bounces(&self) -> u64 {
        self.hard_bounces
    }

    /// Messages by kind, in name order.
    pub fn by_kind(&self) -> impl Iterator<Item = (&str, u64)> {
        self.kind.iter().map(|(k, v)| (*k, *v))
    }

    /// Messages with records by the reader that decoded them (`rfc3464`, a format's id, ...),
    /// in name order.
    pub fn by_reader(&self) -> impl Iterator<Item = (&str, u64)> {
        self.decoded_by.iter().map(|(k, v)| (*k, *v))
    }

    /// Recipients by reason, in name order.
    pub fn by_reason(&self) -> impl Iterator<Item = (&str, u64)> {
        self.reason.iter().map(|(k, v)| (*k, *v))
    }

    /// Recipients by provider, in name order.
    pub fn by_provider(&self) -> impl Iterator<Item = (&str, u64)> {
        self.provider.iter().map(|(k, v)| (*k, *v))
    }

    /// Recipients by domain, most first (then in name order), then [`OTHER_DOMAINS`].
    #[must_use]
    pub fn by_domain(&self) -> Vec<(String, u64)> {
        let mut counts: Vec<(String, u64)> = self.domain.iter().map(|(k, v)| (k.clone(), *v)).collect();
        counts.sort_unstable_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
        if self.other_domains > 0 {
            counts.push((OTHER_DOMAINS.to_owned(), self.other_domains));
        }
        counts
    }
}

impl Serialize for BounceSummary {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(10))?;
        map.serialize_entry("messages", &self.messages)?;
        map.serialize_entry("not_bounces", &self.not_bounces)?;
        map.serialize_entry("too_large", &self.too_large)?;
        map.serialize_entry("recipients", &self.recipients)?;
        map.serialize_entry("hard_bounces", &self.hard_bounces)?;
        map.serialize_entry("kind", &self.kind)?;
        map.serialize_entry("decoded_by", &self.decoded_by)?;
        map.serialize_entry("reason", &self.reason)?;
        map.serialize_entry("provider", &self.provider)?;
        map.serialize_entry("domain", &OrderedCounts(&self.by_domain()))?;
        map.end()
    }
}
