//! The records of `smtp-codes events`: one per recipient of every ESP webhook event, and the
//! summary of many.

use std::collections::{BTreeMap, BTreeSet};

use serde::Serialize;
use serde::ser::{SerializeMap, Serializer};
use smtp_codes::{EnhancedCode, ReplyCode, Severity, WhoActs};
use smtp_codes_events::{EspEvent, EspSays, EventKind};

use crate::report::{RuleRecord, Verdict, severity_with};

/// The most hard-bounced addresses an [`EventSummary`] lists; past these it only counts them
/// (`hard_bounce_recipients_omitted`), so that memory stays bounded whatever the input.
pub const MAX_HARD_BOUNCE_RECIPIENTS: usize = 1000;

/// One recipient of one ESP event (`event-record` in `docs/json.md`).
#[derive(Debug, Serialize)]
pub struct EventRecord<'a> {
    /// The input file (`-` for standard input).
    file: &'a serde_json::Value,
    /// The record's 1-based position in its file.
    index: u64,
    /// Where in its document the event was: `[3]`, `Message.bounce.bouncedRecipients[1]`.
    path: &'a str,
    /// `ses`, `sendgrid`, `mailgun`, `postmark`, `sparkpost`, `mandrill` or `brevo`.
    esp: &'static str,
    /// What happened, in the project's words (`bounced`, `deferred`, ...).
    kind: &'static str,
    /// The recipient's address.
    recipient: Option<&'a str>,
    /// The sender's address.
    sender: Option<&'a str>,
    /// The ESP's id of the message.
    message_id: Option<&'a str>,
    /// The message's `Message-ID` header.
    smtp_id: Option<&'a str>,
    /// The ESP's id of the event.
    event_id: Option<&'a str>,
    /// When it happened: as given, or ISO 8601 UTC for a Unix time.
    timestamp: Option<&'a str>,
    /// The ESP's event type as given.
    esp_event: &'a str,
    /// The ESP's type of bounce or failure.
    esp_type: Option<&'a str>,
    /// The ESP's finer reason.
    esp_subtype: Option<&'a str>,
    /// `temporary` or `permanent`, as the ESP's label says; null when it says neither.
    esp_says: Option<&'static str>,
    /// The SMTP reply text (or the ESP's own reason where it gives no reply).
    reply: Option<&'a str>,
    /// The status code the ESP gives beside the text, as given.
    esp_status: Option<&'a str>,
    /// The reply code found in the reply.
    reply_code: Option<ReplyCode>,
    /// The enhanced status code found in the reply.
    enhanced_code: Option<EnhancedCode>,
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
    /// The provider recognised from the reply or the remote server.
    provider: Option<&'static str>,
    /// The rule that decided the reason.
    rule: RuleRecord,
    /// Whether the ESP's label and the reply disagree about how final the failure is.
    disagrees: bool,
    /// The receiving server, when the ESP names it.
    remote_mta: Option<&'a str>,
    /// The server that reported the outcome.
    reporting_mta: Option<&'a str>,
}

impl<'a> EventRecord<'a> {
    /// The record of `event`, record `index` (1-based) of `file`.
    #[must_use]
    pub fn new(file: &'a serde_json::Value, index: u64, event: &'a EspEvent) -> Self {
        let c = event.classification();
        // The ESP's verdict where the reply gives no code: a delivery; a deferral, or a bounce
        // it calls temporary (SES `Transient`, Postmark `SoftBounce`), is temporary; another
        // bounce final.
        let verdict = match (event.kind(), event.esp_says()) {
            (EventKind::Delivered, _) => Some(Verdict::Delivered),
            (EventKind::Deferred, _) | (EventKind::Bounced, Some(EspSays::Temporary)) => Some(Verdict::Temporary),
            (EventKind::Bounced, _) => Some(Verdict::Final),
            _ => None,
        };
        let (severity, retry) = severity_with(event.severity(), event.retry(), c.no_retry().is_some(), verdict);
        let label = event.label();
        Self {
            file,
            index,
            path: event.path(),
            esp: event.esp().as_str(),
            kind: event.kind().as_str(),
            recipient: event.recipient(),
            sender: event.sender(),
            message_id: event.message_id(),
            smtp_id: event.smtp_id(),
            event_id: event.event_id(),
            timestamp: event.timestamp(),
            esp_event: label.event(),
            esp_type: label.kind(),
            esp_subtype: label.detail(),
            esp_says: event.esp_says().map(smtp_codes_events::EspSays::as_str),
            reply: event.reply(),
            esp_status: event.status(),
            reply_code: event.reply_code(),
            enhanced_code: event.enhanced_code(),
            reason: c.reason().id(),
            hard_bounce: event.hard_bounce(),
            severity,
            retry,
            who_acts: event.who_acts(),
            provider: c.provider().map(|p| p.id()),
            rule: RuleRecord::new(c.rule()),
            disagrees: event.disagrees(),
            remote_mta: event.remote_mta(),
            reporting_mta: event.reporting_mta(),
        }
    }
}

/// Counts over many ESP events (`event-summary` in `docs/json.md`), in memory that does not
/// grow with the input beyond [`MAX_HARD_BOUNCE_RECIPIENTS`] addresses.
#[derive(Debug, Clone, Default)]
pub struct EventSummary {
    events: u64,
    hard_bounces: u64,
    disagreements: u64,
    esp: BTreeMap<&'static str, u64>,
    kind: BTreeMap<&'static str, u64>,
    reason: BTreeMap<&'static str, u64>,
    provider: BTreeMap<&'static str, u64>,
    disagreements_by_esp: BTreeMap<&'static str, u64>,
    hard_bounce_recipients: BTreeSet<String>,
    hard_bounce_recipients_omitted: u64,
}

impl EventSummary {
    /// Counts one event record.
    pub fn add(&mut self, event: &EspEvent) {
        let c = event.classification();
        self.events += 1;
        *self.esp.entry(event.esp().as_str()).or_default() += 1;
        *self.kind.entry(event.kind().as_str()).or_default() += 1;
        *self.reason.entry(c.reason().id()).or_default() += 1;
        if let Some(p) = c.provider() {
            *self.provider.entry(p.id()).or_default() += 1;
        }
        if event.disagrees() {
            self.disagreements += 1;
            *self.disagreements_by_esp.entry(event.esp().as_str()).or_default() += 1;
        }
        if event.hard_bounce() {
            self.hard_bounces += 1;
            if let Some(to) = event.recipient() {
                let to = to.trim().to_ascii_lowercase();
                if self.hard_bounce_recipients.contains(&to) {
                    return;
                }
                if self.hard_bounce_recipients.len() < MAX_HARD_BOUNCE_RECIPIENTS {
                    self.hard_bounce_recipients.insert(to);
                } else {
                    self.hard_bounce_recipients_omitted += 1;
                }
            }
        }
    }

    /// Records counted.
    #[must_use]
    pub const fn events(&self) -> u64 {
        self.events
    }

    /// Records that were hard bounces.
    #[must_use]
    pub const fn hard_bounces(&self) -> u64 {
        self.hard_bounces
    }

    /// Records whose ESP label and reply disagree.
    #[must_use]
    pub const fn disagreements(&self) -> u64 {
        self.disagreements
    }

    /// Records by ESP, in name order.
    pub fn by_esp(&self) -> impl Iterator<Item = (&str, u64)> {
        self.esp.iter().map(|(k, v)| (*k, *v))
    }

    /// Records by kind, in name order.
    pub fn by_kind(&self) -> impl Iterator<Item = (&str, u64)> {
        self.kind.iter().map(|(k, v)| (*k, *v))
    }

    /// Records by reason, in name order.
    pub fn by_reason(&self) -> impl Iterator<Item = (&str, u64)> {
        self.reason.iter().map(|(k, v)| (*k, *v))
    }

    /// Records by provider, in name order.
    pub fn by_provider(&self) -> impl Iterator<Item = (&str, u64)> {
        self.provider.iter().map(|(k, v)| (*k, *v))
    }

    /// The hard-bounced addresses (lower case, in order), at most
    /// [`MAX_HARD_BOUNCE_RECIPIENTS`].
    pub fn hard_bounce_recipients(&self) -> impl Iterator<Item = &str> {
        self.hard_bounce_recipients.iter().map(String::as_str)
    }

    /// Hard-bounced addresses past [`MAX_HARD_BOUNCE_RECIPIENTS`], counted but not listed.
    #[must_use]
    pub const fn hard_bounce_recipients_omitted(&self) -> u64 {
        self.hard_bounce_recipients_omitted
    }
}

impl Serialize for EventSummary {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(10))?;
        map.serialize_entry("events", &self.events)?;
        map.serialize_entry("hard_bounces", &self.hard_bounces)?;
        map.serialize_entry("disagreements", &self.disagreements)?;
        map.serialize_entry("esp", &self.esp)?;
        map.serialize_entry("kind", &self.kind)?;
        map.serialize_entry("reason", &self.reason)?;
        map.serialize_entry("provider", &self.provider)?;
        map.serialize_entry("disagreements_by_esp", &self.disagreements_by_esp)?;
        map.serialize_entry("hard_bounce_recipients", &self.hard_bounce_recipients)?;
        map.serialize_entry("hard_bounce_recipients_omitted", &self.hard_bounce_recipients_omitted)?;
        map.end()
    }
}
