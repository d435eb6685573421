//! [`EspEvent`]: one recipient of one ESP event, the ESP's own label beside the project's
//! classification of the reply, and the [`disagrees`](EspEvent::disagrees) rule.

use core::fmt;
use core::str::FromStr;

use smtp_codes::classify::{Classification, Classifier, Context, ReportKind, Rule};
use smtp_codes::explain::Explanation;
use smtp_codes::{EnhancedCode, ReplyCode, Severity, WhoActs};

/// The email service providers whose events are read.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[non_exhaustive]
pub enum Esp {
    /// Amazon SES notifications and event publishing records, raw, SNS-wrapped or EventBridge.
    Ses,
    /// Twilio SendGrid's Event Webhook (arrays of events).
    Sendgrid,
    /// Mailgun webhooks (`event-data`) and its events API (`items`).
    Mailgun,
    /// Postmark's bounce, delivery and spam complaint webhooks.
    Postmark,
    /// SparkPost message events (`msys.message_event`), as its webhooks batch them.
    Sparkpost,
    /// Mailchimp Transactional (Mandrill) webhooks (`mandrill_events`).
    Mandrill,
    /// Brevo (formerly Sendinblue) transactional webhooks.
    Brevo,
}

impl Esp {
    /// Every ESP, in name order.
    pub const ALL: &'static [Self] =
        &[Self::Brevo, Self::Mailgun, Self::Mandrill, Self::Postmark, Self::Sendgrid, Self::Ses, Self::Sparkpost];

    /// The short name: `ses`, `sendgrid`, `mailgun`, `postmark`, `sparkpost`, `mandrill` or
    /// `brevo`.
    #[must_use]
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::Ses => "ses",
            Self::Sendgrid => "sendgrid",
            Self::Mailgun => "mailgun",
            Self::Postmark => "postmark",
            Self::Sparkpost => "sparkpost",
            Self::Mandrill => "mandrill",
            Self::Brevo => "brevo",
        }
    }
}

impl fmt::Display for Esp {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The error of [`Esp::from_str`]: the name given is no ESP's.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UnknownEsp(String);

impl fmt::Display for UnknownEsp {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let names: Vec<&str> = Esp::ALL.iter().map(|e| e.as_str()).collect();
        write!(f, "unknown ESP {:?} (known: {})", self.0, names.join(", "))
    }
}

impl std::error::Error for UnknownEsp {}

impl FromStr for Esp {
    type Err = UnknownEsp;

    /// The short name, ASCII case ignored; `amazon-ses`, `sendinblue` and
    /// `mailchimp-transactional` are accepted too.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let name = s.trim().to_ascii_lowercase();
        Ok(match name.as_str() {
            "ses" | "amazon-ses" | "aws-ses" => Self::Ses,
            "sendgrid" => Self::Sendgrid,
            "mailgun" => Self::Mailgun,
            "postmark" => Self::Postmark,
            "sparkpost" => Self::Sparkpost,
            "mandrill" | "mailchimp-transactional" => Self::Mandrill,
            "brevo" | "sendinblue" => Self::Brevo,
            _ => return Err(UnknownEsp(s.to_owned())),
        })
    }
}

/// What happened to the message for this recipient, in the project's words. Each ESP's event
/// types map onto these; the ESP's own name is kept in [`EspLabel::event`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[non_exhaustive]
pub enum EventKind {
    /// The ESP took the message and will try to deliver it (SES `Send`, SendGrid `processed`,
    /// Mailgun `accepted`, SparkPost `injection`, Mandrill `send`, Brevo `request`).
    Accepted,
    /// The receiving server accepted the message.
    Delivered,
    /// A temporary failure; the ESP will try again (SES `DeliveryDelay`, SendGrid `deferred`,
    /// Mailgun `failed` with `severity: temporary`, SparkPost `delay`, Mandrill `deferral`,
    /// Brevo `deferred`).
    Deferred,
    /// The receiving side refused the message, or the ESP gave up on it: a hard or soft bounce.
    Bounced,
    /// The ESP did not send the message at all: a suppressed address, a policy or content
    /// rejection, an invalid address (SendGrid `dropped`, SES `Reject`, Mailgun's `suppress-*`
    /// failures, SparkPost `policy_rejection`, Mandrill `reject`, Brevo `blocked`).
    Dropped,
    /// The recipient (or their provider's feedback loop) reported the message as spam.
    Complaint,
    /// The recipient unsubscribed.
    Unsubscribed,
    /// The recipient opened the message or clicked a link.
    Engagement,
    /// An event type the reader does not map (kept, with the ESP's own name).
    Other,
}

impl EventKind {
    /// `accepted`, `delivered`, `deferred`, `bounced`, `dropped`, `complaint`, `unsubscribed`,
    /// `engagement` or `other`.
    #[must_use]
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::Accepted => "accepted",
            Self::Delivered => "delivered",
            Self::Deferred => "deferred",
            Self::Bounced => "bounced",
            Self::Dropped => "dropped",
            Self::Complaint => "complaint",
            Self::Unsubscribed => "unsubscribed",
            Self::Engagement => "engagement",
            Self::Other => "other",
        }
    }
}

impl fmt::Display for EventKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Whether the ESP's own label calls the failure temporary or permanent.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[non_exhaustive]
pub enum EspSays {
    /// Soft, transient, temporary, a deferral.
    Temporary,
    /// Hard, permanent.
    Permanent,
}

impl EspSays {
    /// `temporary` or `permanent`.
    #[must_use]
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::Temporary => "temporary",
            Self::Permanent => "permanent",
        }
    }
}

/// The ESP's own words for the event: its event type, and its bounce type and subtype (or
/// bounce class, classification, severity and reason, as each ESP names them).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct EspLabel {
    pub(crate) event: String,
    pub(crate) kind: Option<String>,
    pub(crate) detail: Option<String>,
}

impl EspLabel {
    /// The ESP's event type as given: `Bounce`, `bounce`, `failed`, `hard_bounce`, ...
    #[must_use]
    pub fn event(&self) -> &str {
        &self.event
    }

    /// The ESP's type of bounce or failure: SES `bounceType` (`Permanent`), SendGrid `type`
    /// (`bounce`, `blocked`), Mailgun `severity`, Postmark `Type` (`HardBounce`), SparkPost
    /// `bounce_class` (`10`), Mandrill's `msg.state`, SES `delayType`, SES
    /// `complaintFeedbackType`.
    #[must_use]
    pub fn kind(&self) -> Option<&str> {
        self.kind.as_deref()
    }

    /// The ESP's finer reason: SES `bounceSubType` (`General`), SendGrid
    /// `bounce_classification`, Mailgun `reason`, Postmark `Name`, SparkPost's bounce class
    /// name, Mandrill `bounce_description`.
    #[must_use]
    pub fn detail(&self) -> Option<&str> {
        self.detail.as_deref()
    }
}

/// One recipient of one ESP event: the facts the ESP gave, and what the project's classifier
/// makes of the reply text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EspEvent {
    pub(crate) esp: Esp,
    pub(crate) kind: EventKind,
    pub(crate) path: String,
    pub(crate) recipient: Option<String>,
    pub(crate) sender: Option<String>,
    pub(crate) message_id: Option<String>,
    pub(crate) smtp_id: Option<String>,
    pub(crate) event_id: Option<String>,
    pub(crate) timestamp: Option<String>,
    pub(crate) label: EspLabel,
    pub(crate) esp_says: Option<EspSays>,
    pub(crate) reply: Option<String>,
    pub(crate) status: Option<String>,
    pub(crate) remote_mta: Option<String>,
    pub(crate) reporting_mta: Option<String>,
    pub(crate) verdict: Verdict,
}

/// What the classifier said about the reply, owned (an [`Explanation`] borrows its text).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Verdict {
    reply_code: Option<ReplyCode>,
    enhanced_code: Option<EnhancedCode>,
    severity: Severity,
    retry: bool,
    who_acts: WhoActs,
    classification: Classification,
}

impl Verdict {
    fn of(explanation: &Explanation<'_>, classification: Classification) -> Self {
        Self {
            reply_code: explanation.reply_code(),
            enhanced_code: explanation.enhanced_code(),
            severity: explanation.severity(),
            retry: explanation.retry(),
            who_acts: explanation.who_acts(),
            classification,
        }
    }
}

impl EspEvent {
    /// An event of `esp` found at `path`, with nothing else known yet; [`Self::decide`] must
    /// follow once the reader has filled it in.
    pub(crate) fn new(esp: Esp, kind: EventKind, path: &str, event: &str) -> Self {
        let nothing = smtp_codes::diagnose_bytes(b"");
        let fallback = smtp_codes::classify::shared().classify(b"", &Context::default());
        Self {
            esp,
            kind,
            path: path.to_owned(),
            recipient: None,
            sender: None,
            message_id: None,
            smtp_id: None,
            event_id: None,
            timestamp: None,
            label: EspLabel { event: event.to_owned(), kind: None, detail: None },
            esp_says: None,
            reply: None,
            status: None,
            remote_mta: None,
            reporting_mta: None,
            verdict: Verdict::of(&Explanation::new(nothing), fallback),
        }
    }

    /// Classifies the reply text with `classifier`. A complaint is decided by its kind (reason
    /// `feedback`), as the bounce decoder decides a feedback report; every other event by its
    /// reply text (an empty text gives `undefined`). The remote MTA, when the ESP names it by host
    /// name, helps recognise the provider.
    pub(crate) fn decide(mut self, classifier: &Classifier) -> Self {
        let text = self.reply.as_deref().unwrap_or("").as_bytes();
        let host = self.remote_mta.as_deref().filter(|h| h.bytes().any(|b| b.is_ascii_alphabetic()));
        let context = Context::new().with_remote_host(host);
        let explanation = classifier.explain(text, &context);
        let classification = match explanation.classification() {
            _ if self.kind == EventKind::Complaint => Classification::of_report(ReportKind::Feedback),
            Some(c) => *c,
            None => classifier.classify(text, &context),
        };
        let explanation = Explanation::with_classification(*explanation.diagnosis(), classification);
        self.verdict = Verdict::of(&explanation, classification);
        self
    }

    /// The ESP that sent the event.
    #[must_use]
    pub const fn esp(&self) -> Esp {
        self.esp
    }

    /// What happened, in the project's words.
    #[must_use]
    pub const fn kind(&self) -> EventKind {
        self.kind
    }

    /// Where in the document the event was (`[3]`, `Message.bounce.bouncedRecipients[1]`);
    /// empty for a document that is one event of one recipient.
    #[must_use]
    pub fn path(&self) -> &str {
        &self.path
    }

    /// The recipient's address.
    #[must_use]
    pub fn recipient(&self) -> Option<&str> {
        self.recipient.as_deref()
    }

    /// The sender's address (the envelope sender where the ESP gives it, else its `From`).
    #[must_use]
    pub fn sender(&self) -> Option<&str> {
        self.sender.as_deref()
    }

    /// The ESP's own id of the message (SES `mail.messageId`, SendGrid `sg_message_id`,
    /// Postmark `MessageID`, SparkPost `message_id`, Mandrill `msg._id`, ...).
    #[must_use]
    pub fn message_id(&self) -> Option<&str> {
        self.message_id.as_deref()
    }

    /// The message's `Message-ID` header, when the event gives it (SendGrid `smtp-id`, Mailgun
    /// `message.headers.message-id`, Brevo `message-id`, SES `commonHeaders.messageId`).
    #[must_use]
    pub fn smtp_id(&self) -> Option<&str> {
        self.smtp_id.as_deref()
    }

    /// The ESP's id of the event itself, to drop duplicates of a retried webhook.
    #[must_use]
    pub fn event_id(&self) -> Option<&str> {
        self.event_id.as_deref()
    }

    /// When the event happened: the ESP's string as given, or its Unix time as ISO 8601 UTC.
    #[must_use]
    pub fn timestamp(&self) -> Option<&str> {
        self.timestamp.as_deref()
    }

    /// The ESP's own label of the event.
    #[must_use]
    pub const fn label(&self) -> &EspLabel {
        &self.label
    }

    /// Whether the ESP's label calls the failure temporary or permanent; `None` when it says
    /// neither (deliveries, complaints, SES `Undetermined`, a SparkPost block class, ...).
    #[must_use]
    pub const fn esp_says(&self) -> Option<EspSays> {
        self.esp_says
    }

    /// The SMTP reply text (SES `diagnosticCode` or `smtpResponse`, SendGrid `reason` or
    /// `response`, Mailgun `delivery-status.message` after its `code`, Postmark `Details`,
    /// SparkPost `raw_reason`, Mandrill `diag`, Brevo `reason`); where the ESP gives no reply,
    /// its own reason text.
    #[must_use]
    pub fn reply(&self) -> Option<&str> {
        self.reply.as_deref()
    }

    /// The status code the ESP gives beside the text, as given: SES `status` (`5.1.1`),
    /// SendGrid `status`, Mailgun `delivery-status.code` (`550`, or its own `605`), SparkPost
    /// `error_code`.
    #[must_use]
    pub fn status(&self) -> Option<&str> {
        self.status.as_deref()
    }

    /// The receiving server, when the ESP names it (Mailgun `mx-host`, SES `remoteMtaIp`,
    /// SparkPost `ip_address`, Mandrill's `destination_ip`).
    #[must_use]
    pub fn remote_mta(&self) -> Option<&str> {
        self.remote_mta.as_deref()
    }

    /// The server that reported the outcome (SES `reportingMTA`).
    #[must_use]
    pub fn reporting_mta(&self) -> Option<&str> {
        self.reporting_mta.as_deref()
    }

    /// The reply code found in the reply text.
    #[must_use]
    pub const fn reply_code(&self) -> Option<ReplyCode> {
        self.verdict.reply_code
    }

    /// The enhanced status code found in the reply text.
    #[must_use]
    pub const fn enhanced_code(&self) -> Option<EnhancedCode> {
        self.verdict.enhanced_code
    }

    /// How final the reply is, by its codes ([`Severity::Unknown`] without any).
    #[must_use]
    pub const fn severity(&self) -> Severity {
        self.verdict.severity
    }

    /// Whether the sender should try again later.
    #[must_use]
    pub const fn retry(&self) -> bool {
        self.verdict.retry
    }

    /// Who must act.
    #[must_use]
    pub const fn who_acts(&self) -> WhoActs {
        self.verdict.who_acts
    }

    /// The project's classification of the reply: reason, hard bounce, provider, rule.
    #[must_use]
    pub const fn classification(&self) -> Classification {
        self.verdict.classification
    }

    /// Whether to stop sending to this address: the reply's classification says so (a hard
    /// bounce that is no temporary failure), or, where the reply decides nothing (none, or one
    /// with neither codes nor words the classifier knows: its fallback), the ESP calls the
    /// bounce permanent (SES `Permanent`, Postmark `HardBounce`, Mandrill `hard_bounce`, ...).
    /// A reply that does decide is never overruled by the ESP's label; [`EspEvent::disagrees`]
    /// flags where the two differ.
    #[must_use]
    pub fn hard_bounce(&self) -> bool {
        let c = self.classification();
        c.hard_bounce()
            || (self.kind == EventKind::Bounced
                && self.esp_says == Some(EspSays::Permanent)
                && self.severity() == Severity::Unknown
                && matches!(c.rule(), Rule::Fallback))
    }

    /// Whether the ESP's label and the reply disagree about how final the failure is:
    ///
    /// - the ESP says temporary (soft, transient, a deferral) but the reply is a permanent
    ///   failure (its codes say so: `550 5.3.0`, `554 4.4.7`) or its reason is a hard bounce
    ///   (`User unknown` without a code); or
    /// - the ESP says permanent (hard) but the reply is a temporary failure by its codes (`452
    ///   4.2.2`).
    ///
    /// Never when the ESP says neither, and never for a reply without codes that is no hard
    /// bounce: the text alone proves nothing about how final it is.
    #[must_use]
    pub fn disagrees(&self) -> bool {
        match self.esp_says {
            Some(EspSays::Temporary) => self.severity() == Severity::Permanent || self.classification().hard_bounce(),
            Some(EspSays::Permanent) => self.severity() == Severity::Transient,
            None => false,
        }
    }
}
