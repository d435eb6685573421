//! ESP webhook events read into one record per recipient: what the email service provider
//! says happened, in its own words (its event, bounce type and subtype), beside what the
//! `smtp-codes` classifier makes of the SMTP reply, and a flag where the two disagree about how
//! final the failure is.
//!
//! Amazon SES (notifications and event publishing, raw, SNS-wrapped or from EventBridge),
//! SendGrid's Event Webhook, Mailgun webhooks and events, Postmark webhooks, SparkPost message
//! events, Mailchimp Transactional (Mandrill) and Brevo transactional webhooks are read, each
//! told from the shape of its JSON (or forced with [`read_as`]); the shapes are those of each
//! ESP's public documentation, cited beside the samples in `tests/data/README.md`.
//!
//! # Example
//!
//! ```
//! use smtp_codes_events::{Esp, EspSays, EventKind, read};
//!
//! // An SES bounce that SES calls transient, although the reply is a permanent failure.
//! let notification = serde_json::json!({
//!     "notificationType": "Bounce",
//!     "bounce": {
//!         "bounceType": "Transient",
//!         "bounceSubType": "General",
//!         "bouncedRecipients": [{
//!             "emailAddress": "jane@example.com",
//!             "status": "5.3.0",
//!             "action": "failed",
//!             "diagnosticCode": "smtp; 550 5.3.0 Requested action not taken: mailbox unavailable"
//!         }],
//!         "timestamp": "2016-01-27T14:59:38.237Z",
//!         "feedbackId": "00000138111222aa-33322211-cccc-cccc-cccc-ddddaaaa068a-000000"
//!     },
//!     "mail": {"timestamp": "2016-01-27T14:59:38.237Z", "source": "john@example.com",
//!              "messageId": "00000138111222aa-33322211-cccc-cccc-cccc-ddddaaaa0680-000000",
//!              "destination": ["jane@example.com"]}
//! });
//! let events = read(&notification).unwrap();
//! let jane = &events[0];
//! assert_eq!((jane.esp(), jane.kind()), (Esp::Ses, EventKind::Bounced));
//! assert_eq!(jane.recipient(), Some("jane@example.com"));
//! assert_eq!((jane.label().kind(), jane.label().detail()), (Some("Transient"), Some("General")));
//! assert_eq!(jane.esp_says(), Some(EspSays::Temporary));
//! assert_eq!(jane.classification().reason().id(), "userunknown");
//! assert!(jane.classification().hard_bounce());
//! assert!(jane.disagrees());
//! ```
//!
//! # Kinds
//!
//! Every ESP's event types map onto one small set, [`EventKind`]: `accepted`, `delivered`,
//! `deferred`, `bounced`, `dropped` (the ESP never sent it: suppressions, policy rejections),
//! `complaint`, `unsubscribed`, `engagement` (opens, clicks) and `other`. The ESP's own name
//! is kept in [`EspLabel::event`]; an event type a reader does not know gives `other`, never an
//! error, while a document of no known shape is an error naming the keys seen.
//!
//! # Disagreements
//!
//! [`EspEvent::disagrees`] is true when the ESP's label says temporary (soft, transient, a
//! deferral) while the reply is a permanent failure or a hard bounce (SES has labelled
//! `550 5.3.0` "Transient/General", and `554 4.4.7` expiries are soft bounces to SES, so such
//! addresses are mailed again and again), or when the label says permanent while the reply's
//! codes say the failure was temporary.
//!
//! # Errors
//!
//! A document that breaks its ESP's shape is an [`EventError`] naming the path of the value
//! (`bounce.bouncedRecipients[2].emailAddress: not a string`); nothing panics, whatever the
//! JSON (a property test feeds arbitrary documents).

mod error;
mod esp;
mod event;
mod form;
mod json;
mod read;
mod stream;
mod time;

pub use error::{EventError, EventErrorKind};
pub use event::{Esp, EspEvent, EspLabel, EspSays, EventKind, UnknownEsp};
pub use form::read_form;
pub use stream::{Events, read_json_lines};

use smtp_codes::classify::{Classifier, shared};

/// The events of one JSON document: an event object, an array of events (SendGrid, SparkPost
/// and Mandrill post arrays), an SNS envelope whose `Message` is an SES notification, an
/// EventBridge event from SES, an object with Mandrill's `mandrill_events`, or a string that
/// holds any of these as JSON. Each event's ESP is told from its shape.
///
/// # Errors
/// When the document, or a part of it, is of no ESP's shape, or a field has the wrong type or
/// is missing; the error names its path.
pub fn read(value: &serde_json::Value) -> Result<Vec<EspEvent>, EventError> {
    read::read(value, None, shared())
}

/// [`read`], with every event read as `esp`'s whatever its shape.
///
/// # Errors
/// As [`read`]; a document of another ESP's shape gives the missing-field error of `esp`'s.
pub fn read_as(value: &serde_json::Value, esp: Esp) -> Result<Vec<EspEvent>, EventError> {
    read::read(value, Some(esp), shared())
}

/// [`read`] with an ESP forced or not, and a classifier of the caller's (one built with
/// [`Classifier::with_rule_filter`], say).
///
/// # Errors
/// As [`read`].
pub fn read_with(
    value: &serde_json::Value,
    esp: Option<Esp>,
    classifier: &Classifier,
) -> Result<Vec<EspEvent>, EventError> {
    read::read(value, esp, classifier)
}
