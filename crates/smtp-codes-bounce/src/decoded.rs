//! What decoding one message gives: its kind, the reader that decoded it, the report's own
//! fields, the returned original's headers, and one [`Recipient`] per recipient.

use smtp_codes::formats::Format;

use crate::dsn::PerMessage;
use crate::{DecodeWarning, Recipient};

/// What a message is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum MessageKind {
    /// A report with at least one failed recipient, or a plain-text bounce.
    Bounce,
    /// A report whose recipients are only delayed: delivery is still being tried.
    Delay,
    /// A report whose recipients were all delivered, relayed or expanded.
    Delivered,
    /// A feedback report (ARF): a complaint about a message.
    Feedback,
    /// An automatic reply (out of office, vacation): never a bounce.
    Vacation,
    /// Anything else: ordinary mail, read receipts, challenge-response messages, input that is
    /// not mail. It has no recipients.
    NotABounce,
}

impl MessageKind {
    /// The lower-case name: `bounce`, `delay`, `delivered`, `feedback`, `vacation`,
    /// `not-a-bounce`.
    #[must_use]
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::Bounce => "bounce",
            Self::Delay => "delay",
            Self::Delivered => "delivered",
            Self::Feedback => "feedback",
            Self::Vacation => "vacation",
            Self::NotABounce => "not-a-bounce",
        }
    }
}

/// Which reader decoded a message.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum DecodedBy {
    /// An RFC 3464 (or RFC 6533) delivery-status part.
    Rfc3464,
    /// An RFC 5965 feedback report.
    Arf,
    /// A disposition notification that reports a Sieve `reject` (RFC 5429 §2.2.1: disposition
    /// `deleted`, sent automatically), not a reading.
    Rfc5429,
    /// An automatic reply, by its RFC 3834 headers or its subject.
    Rfc3834,
    /// The generic reader of plain-text bounce bodies, on no format of the catalogue.
    Generic,
    /// The plain-text reader on the error section of a bounce format of the catalogue
    /// (`[[format]]`: qmail, Exim, Exchange, ...), recognised by its markers.
    Format(&'static Format),
    /// An ESP's event JSON as the message's text, read by the events crate (Amazon SES
    /// notifications an SNS topic sends by e-mail).
    Esp(smtp_codes_events::Esp),
    /// No reader: the message is not a bounce.
    None,
}

impl DecodedBy {
    /// The lower-case name: `rfc3464`, `arf`, `rfc5429`, `rfc3834`, `generic`, `none`, a format's `id`
    /// (`qmail`, `exim`, ...), or an ESP's (`ses`).
    #[must_use]
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::Format(f) => f.id(),
            Self::Esp(esp) => esp.as_str(),
            Self::Rfc3464 => "rfc3464",
            Self::Rfc5429 => "rfc5429",
            Self::Arf => "arf",
            Self::Rfc3834 => "rfc3834",
            Self::Generic => "generic",
            Self::None => "none",
        }
    }
}

/// The headers of the returned original message, to join a bounce with the sender's own logs.
/// They are never read for the cause of a bounce.
///
/// Its fields are public, as the contract with the report crate has them; it derives
/// `Default`, so that fixtures can be built with `..Default::default()`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Original {
    /// `Message-ID`, without angle brackets.
    pub message_id: Option<String>,
    /// `From`, as written (encoded words decoded).
    pub from: Option<String>,
    /// `To`, as written (encoded words decoded).
    pub to: Option<String>,
    /// `Subject`, decoded.
    pub subject: Option<String>,
    /// `Date`, as written.
    pub date: Option<String>,
}

impl Original {
    /// Whether no field was found.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.message_id.is_none()
            && self.from.is_none()
            && self.to.is_none()
            && self.subject.is_none()
            && self.date.is_none()
    }
}

/// The fields of a feedback report (RFC 5965, RFC 6591/6650).
///
/// Its fields are public, as [`Original`]'s.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Feedback {
    /// `Feedback-Type`: `abuse`, `fraud`, `virus`, `not-spam`, `auth-failure`, `other`, ... in
    /// lower case.
    pub feedback_type: String,
    /// `User-Agent` of the reporting system.
    pub user_agent: Option<String>,
    /// `Original-Mail-From`, the envelope sender of the reported message.
    pub original_mail_from: Option<String>,
    /// `Original-Rcpt-To`, its envelope recipients.
    pub original_rcpt_to: Vec<String>,
    /// `Arrival-Date` (or `Received-Date`).
    pub arrival_date: Option<String>,
    /// `Source-IP`.
    pub source_ip: Option<String>,
    /// `Reported-Domain`.
    pub reported_domain: Vec<String>,
    /// `Authentication-Results` of the report (the reporter's own check, a field of the report,
    /// not a header of the message).
    pub authentication_results: Option<String>,
}

/// One decoded message.
#[derive(Clone, Debug)]
pub struct Decoded {
    pub(crate) kind: MessageKind,
    pub(crate) decoded_by: DecodedBy,
    /// The per-message fields of the delivery-status part (and a feedback report's date).
    pub(crate) per_message: PerMessage,
    pub(crate) date: Option<String>,
    pub(crate) subject: Option<String>,
    pub(crate) original: Option<Original>,
    pub(crate) feedback: Option<Feedback>,
    pub(crate) recipients: Vec<Recipient>,
    pub(crate) warnings: Vec<DecodeWarning>,
    /// The system of a challenge-response message.
    pub(crate) challenge: Option<&'static str>,
}

impl Decoded {
    pub(crate) fn not_a_bounce(warnings: Vec<DecodeWarning>) -> Self {
        Self {
            kind: MessageKind::NotABounce,
            decoded_by: DecodedBy::None,
            per_message: PerMessage::default(),
            date: None,
            subject: None,
            original: None,
            feedback: None,
            recipients: Vec::new(),
            warnings,
            challenge: None,
        }
    }

    /// What the message is.
    #[must_use]
    pub fn kind(&self) -> MessageKind {
        self.kind
    }

    /// The reader that decoded it.
    #[must_use]
    pub fn decoded_by(&self) -> DecodedBy {
        self.decoded_by
    }

    /// `Reporting-MTA` of the report, the host name without its type.
    #[must_use]
    pub fn reporting_mta(&self) -> Option<&str> {
        self.per_message.reporting_mta.as_deref()
    }

    /// `Received-From-MTA` of the report, without its type.
    #[must_use]
    pub fn received_from_mta(&self) -> Option<&str> {
        self.per_message.received_from_mta.as_deref()
    }

    /// `Arrival-Date` of the report, as written.
    #[must_use]
    pub fn arrival_date(&self) -> Option<&str> {
        self.per_message.arrival_date.as_deref()
    }

    /// `Original-Envelope-Id` of the report.
    #[must_use]
    pub fn original_envelope_id(&self) -> Option<&str> {
        self.per_message.original_envelope_id.as_deref()
    }

    /// Postfix's queue id of the bounced message (`X-Postfix-Queue-ID`).
    #[must_use]
    pub fn queue_id(&self) -> Option<&str> {
        self.per_message.queue_id.as_deref()
    }

    /// Postfix's envelope sender of the bounced message (`X-Postfix-Sender`), without its type.
    #[must_use]
    pub fn postfix_sender(&self) -> Option<&str> {
        self.per_message.postfix_sender.as_deref()
    }

    /// The bounce's own `Date` header, as written.
    #[must_use]
    pub fn date(&self) -> Option<&str> {
        self.date.as_deref()
    }

    /// The bounce's own `Subject`, decoded.
    #[must_use]
    pub fn subject(&self) -> Option<&str> {
        self.subject.as_deref()
    }

    /// The headers of the returned original, when the bounce carries it.
    #[must_use]
    pub fn original(&self) -> Option<&Original> {
        self.original.as_ref()
    }

    /// The fields of a feedback report.
    #[must_use]
    pub fn feedback(&self) -> Option<&Feedback> {
        self.feedback.as_ref()
    }

    /// The recipients, in report order; empty for [`MessageKind::NotABounce`].
    #[must_use]
    pub fn recipients(&self) -> &[Recipient] {
        &self.recipients
    }

    /// For a challenge-response message (a filter asking the sender to confirm that a person
    /// sent the message, which is [`MessageKind::NotABounce`]), the system that sent it, as
    /// [`markers::CHALLENGE_MARKERS`](crate::markers::CHALLENGE_MARKERS) names it.
    #[must_use]
    pub fn challenge_response(&self) -> Option<&'static str> {
        self.challenge
    }

    /// The oddities found in the message.
    #[must_use]
    pub fn warnings(&self) -> &[DecodeWarning] {
        &self.warnings
    }
}
