//! Whole bounce messages decoded into one answer per recipient: RFC 3464 / RFC 6533 delivery
//! status notifications, RFC 5965 feedback reports (ARF), RFC 3834 automatic replies, and
//! plain-text bounce bodies, on top of the `smtp-codes` parser and classifier.
//!
//! MIME (headers, encoded words, base64 and quoted-printable, charsets, nested messages,
//! broken boundaries) is read by stalwartlabs' `mail-parser`; the delivery-status and
//! feedback-report fields, which no MIME crate reads, by this crate.
//!
//! # Example
//!
//! ```
//! use smtp_codes_bounce::{Action, DecodedBy, MessageKind, decode};
//!
//! let bounce = b"From: MAILER-DAEMON@mx.example.org\n\
//! Subject: Undelivered Mail Returned to Sender\n\
//! MIME-Version: 1.0\n\
//! Content-Type: multipart/report; report-type=delivery-status; boundary=\"b\"\n\
//! \n\
//! --b\n\
//! Content-Type: text/plain\n\
//! \n\
//! I'm sorry to have to inform you that your message could not be delivered.\n\
//! --b\n\
//! Content-Type: message/delivery-status\n\
//! \n\
//! Reporting-MTA: dns; mx.example.org\n\
//! X-Postfix-Queue-ID: 4F1A2B3C\n\
//! \n\
//! Final-Recipient: rfc822; bob@example.net\n\
//! Action: failed\n\
//! Status: 5.1.1\n\
//! Remote-MTA: dns; mx.example.net\n\
//! Diagnostic-Code: smtp; 550 5.1.1 <bob@example.net>: Recipient address\n\
//!     rejected: User unknown in local recipient table\n\
//! --b--\n";
//!
//! let decoded = decode(bounce);
//! assert_eq!(decoded.kind(), MessageKind::Bounce);
//! assert_eq!(decoded.decoded_by(), DecodedBy::Rfc3464);
//! assert_eq!(decoded.reporting_mta(), Some("mx.example.org"));
//! assert_eq!(decoded.queue_id(), Some("4F1A2B3C"));
//!
//! let bob = &decoded.recipients()[0];
//! assert_eq!(bob.recipient(), Some("bob@example.net"));
//! assert_eq!(bob.action(), Some(Action::Failed));
//! assert_eq!(bob.status().unwrap().to_string(), "5.1.1");
//! assert_eq!(bob.reply_code().unwrap(), 550);
//! assert_eq!(bob.diagnostic_type(), Some("smtp"));
//! assert_eq!(bob.remote_mta(), Some("mx.example.net"));
//! let c = bob.classification();
//! assert_eq!(c.reason().id(), "userunknown");
//! assert!(c.hard_bounce());
//! ```
//!
//! # Readers, in order
//!
//! 1. A feedback report (`multipart/report; report-type=feedback-report`, or a
//!    `message/feedback-report` part): [`MessageKind::Feedback`], reason `feedback`, one
//!    recipient per `Original-Rcpt-To` (or one without an address).
//! 2. A read receipt (RFC 8098 `message/disposition-notification`): [`MessageKind::NotABounce`];
//!    but one whose disposition is `automatic-action/...; deleted` reports a Sieve `reject` (RFC
//!    5429 §2.2.1): a bounce of its `Final-Recipient`, its human-readable text the error text
//!    ([`DecodedBy::Rfc5429`]).
//! 3. Delivery-status parts (`message/delivery-status`, `message/global-delivery-status`, or the
//!    same fields written inline in the text): one recipient per recipient block, in report
//!    order. Only `delivered`, `relayed` or `expanded` rows give [`MessageKind::Delivered`],
//!    only `delayed` ones [`MessageKind::Delay`], any `failed` one [`MessageKind::Bounce`]; a row
//!    without `Action` counts by its codes' class. A recipient without `Diagnostic-Code` takes
//!    the error text that the human-readable part gives for its address (or, when it is the
//!    only recipient, the part's first paragraph with a reply code). A report that names no
//!    recipient gives one recipient without an address ([`DecodeWarning::NoRecipient`]).
//! 4. A challenge-response message: a spam filter's request that the sender confirm a person
//!    sent the message (TMDA, ASK, Spam Arrest, cPanel BoxTrapper, Bluebottle, Boxbe,
//!    ChoiceMail, Qurb, EarthLink's spamBlocker, ...), told by a header (`X-Delivery-Agent:
//!    TMDA/...`, `X-Spamarrest-noauth`, `X-Boxtrapper`, a `Return-Path` such as
//!    `spamblocker-challenge@`), a subject (`Please confirm your message`, `[Qurb #n]`) or a
//!    phrase in the first [`markers::CHALLENGE_BODY_PREFIX`] bytes of the text (`Please add
//!    yourself to my Boxbe Guest List`); [`markers::CHALLENGE_MARKERS`] lists them with a
//!    source for each. [`MessageKind::NotABounce`], no recipients;
//!    [`Decoded::challenge_response`] names the system. Never a message with a
//!    delivery-status part (read before), nor one that looks like a bounce (below), whatever
//!    its text says: a bounce may well quote "please confirm".
//! 5. An automatic reply (RFC 3834 `Auto-Submitted: auto-replied`, `X-Autoreply`,
//!    `X-Autorespond`, `Precedence: auto_reply`, `X-Apple-Action: vacation`, Exchange's
//!    `X-Auto-Response-Suppress: All` with `X-MS-Exchange-Inbox-Rules-Loop`, or an
//!    out-of-office subject in English, German, French, Spanish, Italian, Portuguese, Dutch or
//!    Japanese; [`markers`] lists them with a source for each): [`MessageKind::Vacation`],
//!    reason `vacation`, the sender as its recipient. Never a bounce: a message that looks like
//!    one (below) is not an automatic reply, whatever its headers say (Exim's bounces carry
//!    `Auto-Submitted: auto-replied`).
//! 6. A plain-text bounce: a message that looks like one (a subject whose first words name a
//!    bounce, as Sisimai keys them; a `MAILER-DAEMON` or `postmaster` sender;
//!    `X-Failed-Recipients`; or the markers of a bounce format of the catalogue in its text).
//!    When the text is in one of the catalogue's formats (`codes/formats.toml`,
//!    [`smtp_codes::formats`]: qmail, Exim, Sendmail, Exchange, Gmail, Domino, DragonFly, ...,
//!    recognised in one pass over the text), only that format's error section is read, first
//!    for the recipients the format names after its recipient texts (Exchange 2003's `did not
//!    reach the following recipient(s):`), and the message is [`DecodedBy::Format`]; otherwise
//!    the whole text is, by the generic reader ([`DecodedBy::Generic`]). The reader takes
//!    the addresses that start error lines (`<bob@example.org>:`, `"bob@example.org":`,
//!    `bob@example.org... User unknown`, `bob@example.org [User unknown]`, sendmail's
//!    `550 <bob@example.org>... User unknown` with the `<<<` reply above it, an address alone
//!    on a line followed by its paragraphs), or an address that ends a line after a colon
//!    (`Mailbox full: bob@example.org`), and the error text after each, up to a blank line, the
//!    next recipient, or the copy of the original; the addresses of `X-Failed-Recipients` that
//!    no line names get the paragraph that mentions them; a recipient with no text below it
//!    the paragraph it stands in; the only recipient whose text has no failure code (a `4xx`
//!    or `5xx` reply code, a `4.x.x` or `5.x.x` status code) the section's first paragraph
//!    that has one. A message that is a bounce by both its subject and its sender but whose
//!    text names no recipient any reader finds gives one recipient without an address, the
//!    text's first lines its diagnostic ([`DecodeWarning::NoRecipientInText`]).
//!    [`decode_without_formats`] leaves formats out, for measuring the reader on formats it
//!    does not know.
//! 7. Anything else: [`MessageKind::NotABounce`], no recipients.
//!
//! A message's own headers (Authentication-Results, X-Virus-*, X-Mailer, Received, ...) and
//! the returned original are never read for a cause: only the report's fields and the
//! human-readable error text are. The returned original (`message/rfc822`,
//! `text/rfc822-headers`, or an inline copy after a marker such as `--- Below this line is a
//! copy of the message.`) gives [`Original`] only.
//!
//! # Deciding
//!
//! For each recipient, [`smtp_codes::parse::diagnose_bytes`] reads the `Diagnostic-Code` text
//! (or the generic reader's error text). The enhanced code of the `Status` field and the one in
//! the text are combined: the more specific wins (a code with a non-zero subject or detail
//! beats `X.0.0`); when both are as specific, the text's code, which the remote server sent,
//! wins. When they differ, the recipient carries [`DecodeWarning::StatusDiffers`]. The reply
//! code and the command come from the text, the remote host from `Remote-MTA: dns; host`. The
//! core classifier then decides
//! ([`Classifier::classify_diagnosis`](smtp_codes::classify::Classifier::classify_diagnosis) on
//! the text, with the decided codes and
//! `Context::new().with_command(..).with_remote_host(..)`). Feedback reports and automatic
//! replies are classified as `feedback` and `vacation` by the classifier's own phrases for
//! those reasons.
//!
//! # Input
//!
//! One message (headers and body, an mbox `From ` line before them allowed), or a bounce body
//! pasted without headers. `\r\n`, `\n` and bare `\r` line endings give the same results. A
//! message larger than [`MAX_MESSAGE`] is not decoded ([`DecodeWarning::TooLarge`]); parts after
//! the 64th nested `message/rfc822` are not read ([`DecodeWarning::TooDeep`]: mail-parser nests
//! each in the one around it). Time is linear in the message's size: address look-ups are maps,
//! and searches of the whole text for an address are capped. A returned original of 8 KiB or
//! more that is the last part of the message reaches mail-parser cut down to its header block
//! (only its headers are read, and its body may be megabytes of attachments), when the bytes
//! show that the cut changes nothing else. [`Mbox`] streams
//! the messages of a mailbox one at a time; [`looks_like_mbox`] and [`looks_like_message`] tell
//! input kinds apart.

mod autoreply;
mod challenge;
mod decode;
mod decoded;
mod dsn;
mod esp;
mod fields;
mod format;
mod generic;
mod mbox;
mod mime;
mod recipient;
mod returned;
mod warning;

/// The data the readers use to recognise messages, each entry with its source.
pub mod markers {
    pub use crate::autoreply::{
        EXCLUDED_SENDERS as AUTO_REPLY_EXCLUDED_SENDERS, EXCLUDED_SUBJECTS as AUTO_REPLY_EXCLUDED_SUBJECTS,
        HEADERS as AUTO_REPLY_HEADERS, HeaderMarker, SUBJECTS as AUTO_REPLY_SUBJECTS, SubjectMarker,
    };
    pub use crate::challenge::{
        BODY_PREFIX as CHALLENGE_BODY_PREFIX, ChallengeField, ChallengeMarker, ChallengeTest,
        MARKERS as CHALLENGE_MARKERS,
    };
    pub use crate::generic::{
        BOUNCE_SENDERS, BOUNCE_SUBJECTS, BOUNCE_SUBJECTS_SOURCE, COPIED_HEADERS, DELAY_MARKERS, MORE_BOUNCE_SUBJECTS,
        ORIGINAL_MARKERS,
    };
}

pub use decoded::{Decoded, DecodedBy, Feedback, MessageKind, Original};
pub use mbox::{Mbox, MboxMessage, looks_like_mbox, looks_like_message};
pub use recipient::{Action, Recipient};
pub use warning::DecodeWarning;

/// The largest message decoded; larger ones are reported and skipped, not loaded.
pub const MAX_MESSAGE: usize = 32 << 20;

/// Every message of `data`, an mbox or one message, decoded, each with its 1-based number in
/// `data`; a message over [`MAX_MESSAGE`] is `None` (skipped, not decoded). Empty or blank
/// `data` holds no message.
///
/// ```
/// let mbox = b"From a@b Thu Jan  1 00:00:00 2024\nSubject: one\n\nx\n\nFrom a@b Thu Jan  1 00:00:01 2024\nSubject: two\n\ny\n";
/// let numbers: Vec<u64> = smtp_codes_bounce::decode_all(mbox).map(|m| m.unwrap().0).collect();
/// assert_eq!(numbers, [1, 2]);
/// assert_eq!(smtp_codes_bounce::decode_all(b"  ").count(), 0);
/// ```
pub fn decode_all(data: &[u8]) -> Box<dyn Iterator<Item = std::io::Result<(u64, Option<Decoded>)>> + '_> {
    if looks_like_mbox(&data[..data.len().min(4096)]) {
        return Box::new(Mbox::new(std::io::Cursor::new(data)).zip(1..).map(|(m, n)| {
            let m = m?;
            Ok((n, m.too_large.is_none().then(|| decode(&m.bytes))))
        }));
    }
    if data.trim_ascii().is_empty() {
        return Box::new(std::iter::empty());
    }
    Box::new(std::iter::once(Ok((1, (data.len() <= MAX_MESSAGE).then(|| decode(data))))))
}

/// Decodes one whole message (headers and body), or a bounce body pasted without headers,
/// with the core's shared classifier.
#[must_use]
pub fn decode(message: &[u8]) -> Decoded {
    decode_with(message, smtp_codes::classify::shared())
}

/// Builds what every decode shares (the automaton over the bounce formats' markers and the
/// MIME parser's settings) now, rather than in the first [`decode`]: a program decoding on
/// several threads can build it on one while another builds the core's classifier
/// ([`smtp_codes::classify::shared`]). Calling it again does nothing.
pub fn prepare() {
    format::prepare();
    let _ = mime::parser();
}

/// [`decode`] with a given classifier.
#[must_use]
pub fn decode_with(message: &[u8], classifier: &smtp_codes::classify::Classifier) -> Decoded {
    decode::decode(message, classifier, &[])
}

/// [`decode_with`] as if the catalogue had no bounce format whose id `skip` lists: for measuring
/// how the plain-text reader does on formats it does not know (the held-out figures of the
/// README come from it), not for production.
///
/// ```
/// use smtp_codes::classify::shared;
/// use smtp_codes_bounce::decode_without_formats;
///
/// let body = b"Hi. This is the qmail-send program at mx.example.org.\n\n<bob@example.net>:\n550 5.1.1 no such user\n";
/// assert_eq!(decode_without_formats(body, shared(), &[]).decoded_by().as_str(), "qmail");
/// assert_eq!(decode_without_formats(body, shared(), &["qmail"]).decoded_by().as_str(), "generic");
/// ```
#[must_use]
pub fn decode_without_formats(message: &[u8], classifier: &smtp_codes::classify::Classifier, skip: &[&str]) -> Decoded {
    decode::decode(message, classifier, skip)
}
