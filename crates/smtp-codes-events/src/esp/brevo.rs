//! Brevo (formerly Sendinblue) transactional webhooks: one event object per recipient.
//!
//! Shape: Brevo's "Transactional webhooks" page (URL in `tests/data/README.md`). The event name
//! is Brevo's label (`hard_bounce`, `soft_bounce`, `deferred`, `blocked`, ...); `reason` is the
//! reply or Brevo's own explanation.

use crate::error::EventError;
use crate::event::{Esp, EspEvent, EspSays, EventKind};
use crate::json::Obj;

/// Whether `obj` looks like a Brevo event: `event` and `email` with one of Brevo's own keys.
pub(crate) fn matches(obj: &Obj<'_>) -> bool {
    obj.has("event") && obj.has("email") && (obj.has("message-id") || obj.has("ts_event") || obj.has("ts_epoch"))
}

/// The record of one Brevo event.
pub(crate) fn read(obj: &Obj<'_>, out: &mut Vec<EspEvent>) -> Result<(), EventError> {
    let event = obj.req_str("event")?;
    let (kind, says) = match event {
        "request" | "sent" => (EventKind::Accepted, None),
        "delivered" => (EventKind::Delivered, None),
        "deferred" => (EventKind::Deferred, Some(EspSays::Temporary)),
        "hard_bounce" => (EventKind::Bounced, Some(EspSays::Permanent)),
        "soft_bounce" => (EventKind::Bounced, Some(EspSays::Temporary)),
        "blocked" | "invalid_email" | "invalid" | "error" => (EventKind::Dropped, None),
        "spam" | "complaint" => (EventKind::Complaint, None),
        "unsubscribed" | "unsubscribe" => (EventKind::Unsubscribed, None),
        "opened" | "unique_opened" | "click" | "proxy_open" | "unique_proxy_open" => (EventKind::Engagement, None),
        _ => (EventKind::Other, None),
    };
    let mut e = EspEvent::new(Esp::Brevo, kind, obj.path(), event);
    e.recipient = Some(obj.req_str("email")?.to_owned());
    e.smtp_id = obj.string("message-id")?;
    e.message_id.clone_from(&e.smtp_id);
    e.sender = obj.string("sender_email")?;
    // The event's own time: ts_epoch in milliseconds, ts_event in seconds, else `date` as given.
    e.timestamp = match obj.time("ts_epoch")? {
        Some(t) => Some(t),
        None => match obj.time("ts_event")? {
            Some(t) => Some(t),
            None => obj.time("date")?,
        },
    };
    e.esp_says = says;
    e.reply = obj.string("reason")?;
    out.push(e);
    Ok(())
}
