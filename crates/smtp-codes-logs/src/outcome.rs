//! What became of one recipient of one message, as the log tells it.

use crate::Timestamp;

/// The end (or the state at the end of the log) of one recipient of one message.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum OutcomeKind {
    /// The receiving server took it (`status=sent`, Exim `=>`, Sendmail `stat=Sent`).
    Delivered,
    /// Still queued at the end of the log after failed attempts (`status=deferred`, `==`).
    Deferred,
    /// Given up on with a permanent failure (`status=bounced`, `**`, a 5xx `stat=`).
    Bounced,
    /// Given up on when the queue lifetime ran out (`status=expired, returned to sender`).
    Expired,
    /// Refused by this server when another server offered it (`NOQUEUE: reject`, Exim's
    /// `rejected RCPT`, Sendmail's `reject=`): inbound, never a bounce of the sender's own mail.
    Rejected,
}

impl OutcomeKind {
    /// Every kind, in the order reports list them.
    pub const ALL: [Self; 5] = [Self::Delivered, Self::Deferred, Self::Bounced, Self::Expired, Self::Rejected];

    /// `delivered`, `deferred`, `bounced`, `expired` or `rejected`.
    #[must_use]
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::Delivered => "delivered",
            Self::Deferred => "deferred",
            Self::Bounced => "bounced",
            Self::Expired => "expired",
            Self::Rejected => "rejected",
        }
    }
}

/// One recipient of one message: who sent it to whom, through which relay, when, and the last
/// reply, with the core's classification of that reply.
#[derive(Clone, Debug, PartialEq)]
pub struct Outcome {
    pub(crate) kind: OutcomeKind,
    pub(crate) format: crate::LogFormat,
    pub(crate) line: u64,
    pub(crate) queue_id: Option<String>,
    pub(crate) message_id: Option<String>,
    pub(crate) sender: Option<String>,
    pub(crate) recipient: Option<String>,
    pub(crate) original_recipient: Option<String>,
    pub(crate) relay: Option<String>,
    pub(crate) client: Option<String>,
    pub(crate) first_time: Option<Timestamp>,
    pub(crate) last_time: Option<Timestamp>,
    pub(crate) delay: Option<f64>,
    pub(crate) size: Option<u64>,
    pub(crate) attempts: u32,
    pub(crate) dsn: Option<String>,
    pub(crate) reply: String,
    pub(crate) warnings: Vec<&'static str>,
}

impl Outcome {
    pub(crate) fn new(kind: OutcomeKind, format: crate::LogFormat, line: u64) -> Self {
        Self {
            kind,
            format,
            line,
            queue_id: None,
            message_id: None,
            sender: None,
            recipient: None,
            original_recipient: None,
            relay: None,
            client: None,
            first_time: None,
            last_time: None,
            delay: None,
            size: None,
            attempts: 0,
            dsn: None,
            reply: String::new(),
            warnings: Vec::new(),
        }
    }

    /// What became of the recipient.
    #[must_use]
    pub const fn kind(&self) -> OutcomeKind {
        self.kind
    }
    /// The log format the lines were in.
    #[must_use]
    pub const fn format(&self) -> crate::LogFormat {
        self.format
    }
    /// The 1-based number of the line (over all files read) that decided the outcome.
    #[must_use]
    pub const fn line(&self) -> u64 {
        self.line
    }
    /// The MTA's queue id of the message (`19B6B2900FE`, `1bhOsE-0004e1-VJ`).
    #[must_use]
    pub fn queue_id(&self) -> Option<&str> {
        self.queue_id.as_deref()
    }
    /// The message's `Message-ID`, without angle brackets, when the log named it.
    #[must_use]
    pub fn message_id(&self) -> Option<&str> {
        self.message_id.as_deref()
    }
    /// The envelope sender (empty for the null sender `<>` of bounces).
    #[must_use]
    pub fn sender(&self) -> Option<&str> {
        self.sender.as_deref()
    }
    /// The recipient.
    #[must_use]
    pub fn recipient(&self) -> Option<&str> {
        self.recipient.as_deref()
    }
    /// The address the recipient was rewritten from (Postfix `orig_to=`, Exim's `<...>`).
    #[must_use]
    pub fn original_recipient(&self) -> Option<&str> {
        self.original_recipient.as_deref()
    }
    /// The server the message went to (`mx.example.org[192.0.2.1]:25`), or `none`.
    #[must_use]
    pub fn relay(&self) -> Option<&str> {
        self.relay.as_deref()
    }
    /// The host name of [`relay`](Self::relay) without its address and port.
    #[must_use]
    pub fn relay_host(&self) -> Option<&str> {
        let r = self.relay.as_deref()?;
        // OpenSMTPD writes `192.0.2.1 (mx.example.org)`.
        let r = crate::event::split_once(r, " (").and_then(|(_, n)| n.strip_suffix(')')).unwrap_or(r);
        let host = r.split(['[', ' ']).next().unwrap_or(r).trim_end_matches('.');
        (!host.is_empty() && host != "none" && host != "local").then_some(host)
    }
    /// The client that offered the message, for received and rejected mail (`host[192.0.2.1]`).
    #[must_use]
    pub fn client(&self) -> Option<&str> {
        self.client.as_deref()
    }
    /// The first line of the message seen.
    #[must_use]
    pub const fn first_time(&self) -> Option<Timestamp> {
        self.first_time
    }
    /// The line that decided the outcome.
    #[must_use]
    pub const fn last_time(&self) -> Option<Timestamp> {
        self.last_time
    }
    /// Seconds from arrival to the outcome, as the MTA logged it (Postfix `delay=`, Sendmail
    /// `delay=`, Exim `DT=`), else from the first line seen to the last.
    #[must_use]
    pub fn delay(&self) -> Option<f64> {
        self.delay.or_else(|| {
            let (a, b) = (self.first_time?, self.last_time?);
            #[allow(clippy::cast_precision_loss)]
            Some((b.local_seconds() - a.local_seconds()) as f64)
        })
    }
    /// The message's size in bytes.
    #[must_use]
    pub const fn size(&self) -> Option<u64> {
        self.size
    }
    /// Delivery attempts logged for this recipient (deferrals and the final one).
    #[must_use]
    pub const fn attempts(&self) -> u32 {
        self.attempts
    }
    /// The enhanced status code the MTA logged (`dsn=5.1.1`).
    #[must_use]
    pub fn dsn(&self) -> Option<&str> {
        self.dsn.as_deref()
    }
    /// The last reply or reason text (`550 5.1.1 <bob@example.org>: User unknown (in reply to
    /// RCPT TO command)`, `connect to ...: Connection timed out`).
    #[must_use]
    pub fn reply(&self) -> &str {
        &self.reply
    }
    /// What the scanner had to guess or could not join.
    #[must_use]
    pub fn warnings(&self) -> &[&'static str] {
        &self.warnings
    }
}
