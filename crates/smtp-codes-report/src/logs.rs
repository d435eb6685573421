//! The records of `smtp-codes logs`: one per recipient outcome of a mail log, and the report of
//! a whole log (totals, delivery by domain and provider, problems grouped by rule, recipients to
//! stop mailing, senders, traffic by hour and day, the MTA's own warnings).

use std::collections::{BTreeMap, HashMap};

use serde::Serialize;
use smtp_codes::classify::{Classifier, Context};
use smtp_codes::classify::{Provider, Rule};
use smtp_codes::explain::Explanation;
use smtp_codes::parse::diagnose_bytes;
use smtp_codes::{EnhancedCode, ReplyCode, Severity, WhoActs};
use smtp_codes_logs::{FastState, Outcome, OutcomeKind, Stats, Timestamp};

use crate::report::{RuleRecord, Verdict, explained_severity};

/// One recipient outcome of a log (`log-record` in `docs/json.md`).
#[derive(Debug, Serialize)]
pub struct LogRecord<'a> {
    /// The input file of the line that decided the outcome (`-` for standard input).
    file: &'a str,
    /// That line's 1-based number in its file.
    line: u64,
    /// `postfix`, `exim` or `sendmail`.
    format: &'static str,
    /// `delivered`, `deferred`, `bounced`, `expired` or `rejected`.
    kind: &'static str,
    queue_id: Option<&'a str>,
    message_id: Option<&'a str>,
    /// The envelope sender; empty for the null sender `<>`.
    sender: Option<&'a str>,
    recipient: Option<&'a str>,
    original_recipient: Option<&'a str>,
    /// The server the message went to, as logged (`mx.example.org[192.0.2.1]:25`).
    relay: Option<&'a str>,
    /// The client that offered the message.
    client: Option<&'a str>,
    /// RFC 3339, with no offset when the log gave none.
    first_time: Option<String>,
    last_time: Option<String>,
    /// Seconds from arrival to the outcome.
    delay: Option<f64>,
    size: Option<u64>,
    attempts: u32,
    /// The enhanced code the MTA logged (`dsn=`).
    dsn: Option<&'a str>,
    /// The enhanced code decided: the reply text's own when it has one, else the logged one.
    status: Option<EnhancedCode>,
    reply_code: Option<ReplyCode>,
    reason: &'static str,
    hard_bounce: bool,
    severity: Severity,
    retry: bool,
    who_acts: WhoActs,
    provider: Option<&'static str>,
    rule: RuleRecord,
    /// The last reply or reason text.
    reply: &'a str,
    warnings: &'a [&'static str],
}

/// The classification of an outcome's reply: the text with the relay's host name as the remote
/// host, and the line's `dsn=` status as its enhanced code when the reply has none, as the whole
/// line would be read ([`smtp_codes::parse::Diagnosis::with_dsn_field`]): a deferral whose reply
/// is the MTA's own words (`connect to ...: Connection timed out`, `dsn=4.4.1`) is temporary and
/// retried, as its status says.
#[must_use]
pub fn explain<'o>(classifier: &Classifier, outcome: &'o Outcome) -> Explanation<'o> {
    let context = Context::new().with_remote_host(outcome.relay_host());
    let reply = outcome.reply().as_bytes();
    let Some(dsn) = outcome.dsn().and_then(|d| d.parse::<EnhancedCode>().ok()) else {
        return classifier.explain(reply, &context);
    };
    let diagnosis = diagnose_bytes(reply).with_dsn_field(dsn);
    let classification = classifier.classify_diagnosis(reply, &diagnosis, &context);
    Explanation::with_classification(diagnosis, classification)
}

impl<'a> LogRecord<'a> {
    /// The record of `outcome`, decided at `line` of `file`, classified as `explanation` says.
    #[must_use]
    pub fn new(file: &'a str, line: u64, outcome: &'a Outcome, explanation: &Explanation<'_>) -> Self {
        // `Classifier::explain` always classifies; the fallback is the shared classifier's.
        let c = explanation.classification().copied().unwrap_or_else(|| {
            smtp_codes::classify::classify(outcome.reply(), &Context::new().with_remote_host(outcome.relay_host()))
        });
        let status = explanation.enhanced_code().or_else(|| outcome.dsn().and_then(|d| d.parse().ok()));
        // The MTA's verdict where no code gives one: a delivery, a deferral (temporary), a
        // bounce or an expiry (final); a refusal of this server's own without a code stays
        // unknown.
        let verdict = match outcome.kind() {
            OutcomeKind::Delivered => Some(Verdict::Delivered),
            OutcomeKind::Deferred => Some(Verdict::Temporary),
            OutcomeKind::Bounced | OutcomeKind::Expired => Some(Verdict::Final),
            _ => None,
        };
        let (severity, retry) = explained_severity(explanation, verdict);
        Self {
            file,
            line,
            format: outcome.format().as_str(),
            kind: outcome.kind().as_str(),
            queue_id: outcome.queue_id(),
            message_id: outcome.message_id(),
            sender: outcome.sender(),
            recipient: outcome.recipient(),
            original_recipient: outcome.original_recipient(),
            relay: outcome.relay(),
            client: outcome.client(),
            first_time: outcome.first_time().map(|t| t.to_string()),
            last_time: outcome.last_time().map(|t| t.to_string()),
            delay: outcome.delay(),
            size: outcome.size(),
            attempts: outcome.attempts(),
            dsn: outcome.dsn(),
            status,
            reply_code: explanation.reply_code(),
            reason: c.reason().id(),
            hard_bounce: c.hard_bounce() && matches!(outcome.kind(), OutcomeKind::Bounced),
            severity,
            retry,
            who_acts: explanation.who_acts(),
            provider: c.provider().map(|p| p.id()),
            rule: RuleRecord::new(c.rule()),
            reply: outcome.reply(),
            warnings: outcome.warnings(),
        }
    }
}

/// The provider whose hosts `host` belongs to (`gmail-smtp-in.l.google.com` is Gmail's), as
/// [`Classifier::provider_of_host`] says.
#[must_use]
pub fn provider_of_host(host: &str) -> Option<Provider> {
    smtp_codes::classify::shared().provider_of_host(host)
}

/// The most keys each count of a [`LogSummary`] keeps one by one (domains, providers, senders,
/// problem groups, recipients to stop mailing); the rest go under [`OTHER`], so that memory
/// stays bounded whatever the log.
pub const MAX_KEYS: usize = 1000;

/// The key of what came after [`MAX_KEYS`] others.
pub const OTHER: &str = "other";

/// Outcomes by kind.
#[derive(Clone, Debug, Default, Serialize)]
pub struct Counts {
    delivered: u64,
    deferred: u64,
    bounced: u64,
    expired: u64,
    rejected: u64,
}

impl Counts {
    fn add(&mut self, kind: OutcomeKind) {
        *match kind {
            OutcomeKind::Delivered => &mut self.delivered,
            OutcomeKind::Deferred => &mut self.deferred,
            OutcomeKind::Bounced => &mut self.bounced,
            OutcomeKind::Expired => &mut self.expired,
            OutcomeKind::Rejected => &mut self.rejected,
        } += 1;
    }

    /// Outcomes of mail sent out: all but inbound refusals.
    #[must_use]
    pub const fn outbound(&self) -> u64 {
        self.delivered + self.deferred + self.bounced + self.expired
    }

    /// The count of one kind.
    #[must_use]
    pub const fn get(&self, kind: OutcomeKind) -> u64 {
        match kind {
            OutcomeKind::Delivered => self.delivered,
            OutcomeKind::Deferred => self.deferred,
            OutcomeKind::Bounced => self.bounced,
            OutcomeKind::Expired => self.expired,
            OutcomeKind::Rejected => self.rejected,
        }
    }

    /// Delivered outcomes as a share of the outbound ones, in percent.
    #[must_use]
    #[allow(clippy::cast_precision_loss)]
    pub fn delivered_percent(&self) -> Option<f64> {
        let n = self.outbound();
        (n > 0).then(|| 100.0 * self.delivered as f64 / n as f64)
    }
}

/// A bounded map of counts: [`MAX_KEYS`] keys, then [`OTHER`].
#[derive(Clone, Debug, Default)]
struct Bounded<V> {
    map: HashMap<String, V, FastState>,
}

impl<V: Default> Bounded<V> {
    fn entry(&mut self, key: &str) -> &mut V {
        // Two look-ups for a key seen before (the common case), three for a new one.
        let key = if self.map.contains_key(key) {
            key
        } else {
            let key = if self.map.len() < MAX_KEYS { key } else { OTHER };
            if !self.map.contains_key(key) {
                self.map.insert(key.to_owned(), V::default());
            }
            key
        };
        self.map.get_mut(key).expect("present")
    }
}

/// A group of problems: outcomes of one kind decided by one rule to one reason.
#[derive(Clone, Debug, Default, Serialize)]
pub struct ProblemGroup {
    kind: &'static str,
    reason: &'static str,
    /// The rule that decided, as in the records.
    rule: serde_json::Value,
    count: u64,
    /// Providers the replies came from, with counts.
    providers: BTreeMap<String, u64>,
    /// The first reply of the group.
    example: String,
}

/// One row of a table by key: outcomes by kind, and the delivered share.
#[derive(Debug, Serialize)]
pub struct Row<'a> {
    key: &'a str,
    #[serde(flatten)]
    counts: &'a Counts,
    delivered_percent: Option<f64>,
}

/// A rule's identity, for grouping problems: a catalogue entry by its address (each rule of the
/// catalogue is one static entry, so the address tells them apart, where hashing the entry would
/// hash its texts for every outcome), any other rule by its value.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
enum RuleId {
    Entry(&'static str, usize),
    Other(Rule),
}

impl RuleId {
    fn of(rule: Rule) -> Self {
        let at = match rule {
            Rule::ProviderReply(r) => std::ptr::from_ref(r).addr(),
            Rule::Phrase(r) => std::ptr::from_ref(r).addr(),
            Rule::Terms(r) => std::ptr::from_ref(r).addr(),
            Rule::Code(r) => std::ptr::from_ref(r).addr(),
            _ => return Self::Other(rule),
        };
        Self::Entry(rule.kind(), at)
    }
}

/// The report of a whole log (`log-summary` in `docs/json.md`).
#[derive(Debug, Default)]
pub struct LogSummary {
    totals: Counts,
    received: u64,
    received_bytes: u64,
    hard_bounces: u64,
    by_domain: Bounded<Counts>,
    by_provider: Bounded<Counts>,
    by_sender: Bounded<Counts>,
    problems: HashMap<(OutcomeKind, &'static str, Option<RuleId>), ProblemGroup, FastState>,
    problems_other: ProblemGroup,
    stop_mailing: Vec<String>,
    stop_mailing_seen: std::collections::HashSet<String>,
    stop_mailing_more: u64,
    by_hour: BTreeMap<u8, Counts>,
    /// Keyed by days since 1970 in the log's clock.
    by_day: BTreeMap<i64, Counts>,
    stats: Stats,
}

impl LogSummary {
    /// Counts one outcome, classified as `explanation` says.
    pub fn add(&mut self, outcome: &Outcome, explanation: &Explanation<'_>) {
        let kind = outcome.kind();
        let c = explanation.classification();
        let provider = c.and_then(|c| c.provider()).map_or("none", |p| p.id());
        self.count(outcome, provider);
        if kind == OutcomeKind::Delivered {
            return;
        }
        let reason = c.map_or("undefined", |c| c.reason().id());
        let rule = c.map(|c| c.rule());
        let key = (kind, reason, rule.map(RuleId::of));
        let room = self.problems.len() < MAX_KEYS;
        let group = match self.problems.entry(key) {
            std::collections::hash_map::Entry::Occupied(o) => o.into_mut(),
            std::collections::hash_map::Entry::Vacant(v) if room => v.insert(ProblemGroup::default()),
            std::collections::hash_map::Entry::Vacant(_) => &mut self.problems_other,
        };
        if group.count == 0 {
            group.kind = kind.as_str();
            group.reason = reason;
            group.rule =
                rule.map_or(serde_json::Value::Null, |r| serde_json::to_value(RuleRecord::new(r)).unwrap_or_default());
            group.example = outcome.reply().chars().take(300).collect();
        }
        group.count += 1;
        if group.providers.len() < 20 || group.providers.contains_key(provider) {
            *group.providers.entry(provider.to_owned()).or_default() += 1;
        }
        if kind == OutcomeKind::Bounced
            && c.is_some_and(|c| c.hard_bounce())
            && let Some(r) = outcome.recipient()
        {
            self.hard_bounces += 1;
            let r = r.to_ascii_lowercase();
            if !self.stop_mailing_seen.contains(&r) {
                if self.stop_mailing.len() < MAX_KEYS {
                    self.stop_mailing_seen.insert(r.clone());
                    self.stop_mailing.push(r);
                } else {
                    self.stop_mailing_more += 1;
                }
            }
        }
    }

    /// Counts a delivery, whose reply needs no classification: its provider is the one whose
    /// hosts the relay belongs to.
    pub fn add_delivered(&mut self, outcome: &Outcome) {
        let provider = outcome.relay_host().and_then(provider_of_host).map_or("none", |p| p.id());
        self.count(outcome, provider);
    }

    /// The counts every outcome adds: totals, and (but for inbound refusals) its recipient
    /// domain, provider and sender; its hour and day.
    fn count(&mut self, outcome: &Outcome, provider: &str) {
        let kind = outcome.kind();
        self.totals.add(kind);
        if kind != OutcomeKind::Rejected {
            let domain =
                outcome.recipient().and_then(|r| r.rsplit_once('@')).map_or("none", |(_, d)| d).to_ascii_lowercase();
            self.by_domain.entry(&domain).add(kind);
            self.by_provider.entry(provider).add(kind);
            self.by_sender.entry(outcome.sender().map_or("none", |s| if s.is_empty() { "<>" } else { s })).add(kind);
        }
        if let Some(t) = outcome.last_time() {
            let (_, _, _, hour, _, _) = t.civil();
            self.by_hour.entry(hour).or_default().add(kind);
            // Days are few (one a day of log), so they are not bounded.
            self.by_day.entry(t.local_seconds().div_euclid(86_400)).or_default().add(kind);
        }
    }

    /// Takes the scanner's counts of lines, received mail and problems at the end.
    pub fn finish(&mut self, stats: &Stats) {
        self.received = stats.received;
        self.received_bytes = stats.received_bytes;
        self.stats = stats.clone();
    }

    /// Outcomes by kind.
    #[must_use]
    pub const fn totals(&self) -> &Counts {
        &self.totals
    }
    /// Messages received and their bytes.
    #[must_use]
    pub const fn received(&self) -> (u64, u64) {
        (self.received, self.received_bytes)
    }
    /// The scanner's counts.
    #[must_use]
    pub const fn stats(&self) -> &Stats {
        &self.stats
    }
    /// Hard bounces, and the distinct recipients to stop mailing (the first [`MAX_KEYS`]) with
    /// how many more there were.
    #[must_use]
    pub fn stop_mailing(&self) -> (u64, &[String], u64) {
        (self.hard_bounces, &self.stop_mailing, self.stop_mailing_more)
    }

    fn rows<'a>(map: &'a Bounded<Counts>, limit: usize) -> Vec<Row<'a>> {
        let mut rows: Vec<Row<'a>> = map
            .map
            .iter()
            .map(|(k, c)| Row { key: k.as_str(), counts: c, delivered_percent: c.delivered_percent() })
            .collect();
        rows.sort_by(|a, b| b.counts.outbound().cmp(&a.counts.outbound()).then_with(|| a.key.cmp(b.key)));
        rows.truncate(limit);
        rows
    }
    /// Delivery by recipient domain, most mail first.
    #[must_use]
    pub fn by_domain(&self, limit: usize) -> Vec<Row<'_>> {
        Self::rows(&self.by_domain, limit)
    }
    /// Delivery by provider (`none` when no provider was recognised), most mail first.
    #[must_use]
    pub fn by_provider(&self, limit: usize) -> Vec<Row<'_>> {
        Self::rows(&self.by_provider, limit)
    }
    /// Senders, most mail first.
    #[must_use]
    pub fn by_sender(&self, limit: usize) -> Vec<Row<'_>> {
        Self::rows(&self.by_sender, limit)
    }
    /// Problems (bounced, deferred, expired, rejected) grouped by kind, reason and rule, most
    /// first.
    #[must_use]
    pub fn problems(&self, limit: usize) -> Vec<&ProblemGroup> {
        let other = (self.problems_other.count > 0).then_some(&self.problems_other);
        let mut groups: Vec<&ProblemGroup> = self.problems.values().chain(other).collect();
        // Ties are broken by the groups' contents, never by the map's order.
        groups.sort_by(|a, b| {
            b.count
                .cmp(&a.count)
                .then_with(|| (a.kind, a.reason, &a.example).cmp(&(b.kind, b.reason, &b.example)))
                .then_with(|| a.rule.to_string().cmp(&b.rule.to_string()))
        });
        groups.truncate(limit);
        groups
    }
    /// Outcomes by hour of the day (0-23, the log's clock).
    #[must_use]
    pub const fn by_hour(&self) -> &BTreeMap<u8, Counts> {
        &self.by_hour
    }
    /// Outcomes by day (`2024-07-12`), in order.
    #[must_use]
    pub fn by_day(&self) -> Vec<(String, &Counts)> {
        self.by_day.iter().map(|(&d, c)| (Timestamp::from_unix(d * 86_400).day_key(), c)).collect()
    }
}

impl<'a> Row<'a> {
    /// The domain, provider or sender.
    #[must_use]
    pub const fn key(&self) -> &'a str {
        self.key
    }
    /// Its outcomes by kind.
    #[must_use]
    pub const fn counts(&self) -> &'a Counts {
        self.counts
    }
}

impl ProblemGroup {
    /// `bounced`, `deferred`, `expired` or `rejected`.
    #[must_use]
    pub const fn kind(&self) -> &'static str {
        self.kind
    }
    /// The reason decided.
    #[must_use]
    pub const fn reason(&self) -> &'static str {
        self.reason
    }
    /// How many outcomes.
    #[must_use]
    pub const fn count(&self) -> u64 {
        self.count
    }
    /// The first reply of the group.
    #[must_use]
    pub fn example(&self) -> &str {
        &self.example
    }
    /// The rule, as the records show it.
    #[must_use]
    pub const fn rule(&self) -> &serde_json::Value {
        &self.rule
    }
    /// Providers with counts.
    #[must_use]
    pub const fn providers(&self) -> &BTreeMap<String, u64> {
        &self.providers
    }
}

impl Serialize for LogSummary {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        #[derive(Serialize)]
        struct Lines<'a> {
            read: u64,
            by_format: BTreeMap<&'static str, u64>,
            other_programs: BTreeMap<&'a str, u64>,
            unknown: u64,
            unknown_examples: Vec<(u64, &'a str)>,
        }
        #[derive(Serialize)]
        struct Problems<'a> {
            counts: BTreeMap<&'static str, u64>,
            examples: Vec<(&'static str, u64, &'a str)>,
        }
        #[derive(Serialize)]
        struct Stop<'a> {
            hard_bounces: u64,
            recipients: &'a [String],
            more: u64,
        }
        let s = &self.stats;
        let mut m = serializer.serialize_map(None)?;
        m.serialize_entry("type", "log-summary")?;
        m.serialize_entry(
            "lines",
            &Lines {
                read: s.lines,
                by_format: s.by_format.iter().map(|(f, n)| (f.as_str(), *n)).collect(),
                other_programs: s.other_programs.iter().map(|(p, n)| (p.as_str(), *n)).collect(),
                unknown: s.unknown,
                unknown_examples: s.unknown_examples.iter().map(|(n, l)| (*n, l.as_str())).collect(),
            },
        )?;
        m.serialize_entry("received", &self.received)?;
        m.serialize_entry("received_bytes", &self.received_bytes)?;
        m.serialize_entry("totals", &self.totals)?;
        m.serialize_entry("delivered_percent", &self.totals.delivered_percent())?;
        m.serialize_entry("by_domain", &self.by_domain(MAX_KEYS))?;
        m.serialize_entry("by_provider", &self.by_provider(MAX_KEYS))?;
        m.serialize_entry("problems", &self.problems(MAX_KEYS))?;
        m.serialize_entry(
            "stop_mailing",
            &Stop { hard_bounces: self.hard_bounces, recipients: &self.stop_mailing, more: self.stop_mailing_more },
        )?;
        m.serialize_entry("senders", &self.by_sender(MAX_KEYS))?;
        m.serialize_entry("by_hour", &self.by_hour)?;
        m.serialize_entry("by_day", &self.by_day().into_iter().collect::<BTreeMap<String, &Counts>>())?;
        m.serialize_entry(
            "mta_problems",
            &Problems {
                counts: s.problems.iter().map(|(sev, n)| (sev.as_str(), *n)).collect(),
                examples: s.problem_examples.iter().map(|(sev, n, t)| (sev.as_str(), *n, t.as_str())).collect(),
            },
        )?;
        m.serialize_entry("forgotten", &s.forgotten)?;
        m.end()
    }
}

/// A log excerpt read whole: the report and every outcome's record (`logs --summary --json` and
/// `logs --json` of the same lines, the records as JSON text, file `-`). What the HTTP API's
/// `/api/v1/logs` and the Python package's `scan_logs` answer.
#[derive(Debug)]
pub struct Excerpt {
    /// The report of the excerpt.
    pub summary: LogSummary,
    /// One `log-record` per outcome, in the order the outcomes were decided, as JSON.
    pub records: Vec<String>,
}

/// Why a log excerpt gave no answer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ExcerptError {
    /// More lines than the caller allows.
    TooManyLines(usize),
    /// Not one line is in a format the scanner reads.
    NoKnownFormat,
}

impl std::fmt::Display for ExcerptError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::TooManyLines(n) => write!(f, "more than {n} lines"),
            Self::NoKnownFormat => f.write_str(
                "no line is in a known log format (Postfix, Exim, Sendmail, OpenSMTPD, Exchange, Microsoft 365 or KumoMTA)",
            ),
        }
    }
}

impl std::error::Error for ExcerptError {}

/// Reads the lines of a log excerpt (at most `max_lines`), written last on `year` (year, month,
/// day: classic syslog stamps carry no year), joins them into outcomes, classifies each and
/// reports on them all.
///
/// # Errors
/// More than `max_lines` lines, or none in a known format.
pub fn read_excerpt<'l>(
    lines: impl IntoIterator<Item = &'l str>,
    year: (i32, u8, u8),
    max_lines: usize,
) -> Result<Excerpt, ExcerptError> {
    let mut scanner = smtp_codes_logs::Scanner::new(smtp_codes_logs::Options { year, ..Default::default() });
    let mut outcomes = Vec::new();
    for (n, line) in lines.into_iter().enumerate() {
        if n >= max_lines {
            return Err(ExcerptError::TooManyLines(max_lines));
        }
        scanner.push(line, &mut outcomes);
    }
    scanner.finish(&mut outcomes);
    if scanner.stats().recognised() == 0 && scanner.stats().unknown > 0 {
        return Err(ExcerptError::NoKnownFormat);
    }
    let classifier = smtp_codes::classify::shared();
    let mut summary = LogSummary::default();
    let mut records = Vec::with_capacity(outcomes.len());
    for o in &outcomes {
        let e = explain(classifier, o);
        summary.add(o, &e);
        // A record of plain fields and strings always serialises.
        records.push(serde_json::to_string(&LogRecord::new("-", o.line(), o, &e)).unwrap_or_default());
    }
    summary.finish(scanner.stats());
    Ok(Excerpt { summary, records })
}
