//! Twilio SendGrid's Event Webhook: a JSON array of events, one recipient each.
//!
//! Shape: SendGrid's "Event Webhook Reference" (URL in `tests/data/README.md`). A `bounce`
//! event's `type` is `bounce` (a hard bounce) or `blocked` (a soft one, SendGrid's "block");
//! `reason` holds the reply of a bounce or drop, `response` that of a delivery or deferral.

use crate::error::EventError;
use crate::event::{Esp, EspEvent, EspSays, EventKind};
use crate::json::Obj;

/// Whether `obj` looks like a SendGrid event: `event` and `email`, and one of SendGrid's own
/// keys.
pub(crate) fn matches(obj: &Obj<'_>) -> bool {
    obj.has("event")
        && obj.has("email")
        && (obj.has("sg_event_id") || obj.has("sg_message_id") || obj.has("smtp-id") || obj.has("sg_template_id"))
}

/// The record of one SendGrid event.
pub(crate) fn read(obj: &Obj<'_>, out: &mut Vec<EspEvent>) -> Result<(), EventError> {
    let event = obj.req_str("event")?;
    let bounce_type = obj.string("type")?;
    let (kind, says) = match event {
        "processed" => (EventKind::Accepted, None),
        "delivered" => (EventKind::Delivered, None),
        "deferred" => (EventKind::Deferred, Some(EspSays::Temporary)),
        "bounce" => (
            EventKind::Bounced,
            match bounce_type.as_deref() {
                Some("blocked") => Some(EspSays::Temporary),
                _ => Some(EspSays::Permanent),
            },
        ),
        "dropped" => (EventKind::Dropped, None),
        "spamreport" => (EventKind::Complaint, None),
        "unsubscribe" | "group_unsubscribe" => (EventKind::Unsubscribed, None),
        "open" | "click" => (EventKind::Engagement, None),
        _ => (EventKind::Other, None),
    };
    let mut e = EspEvent::new(Esp::Sendgrid, kind, obj.path(), event);
    e.recipient = Some(obj.req_str("email")?.to_owned());
    e.timestamp = obj.time("timestamp")?;
    e.message_id = obj.string("sg_message_id")?;
    e.smtp_id = obj.string("smtp-id")?;
    e.event_id = obj.string("sg_event_id")?;
    e.status = obj.string("status")?;
    e.label.kind = bounce_type;
    e.label.detail = obj.string("bounce_classification")?;
    e.esp_says = says;
    let reason = obj.string("reason")?;
    let response = obj.string("response")?;
    e.reply = match kind {
        EventKind::Delivered | EventKind::Deferred => response.or(reason),
        _ => reason.or(response),
    };
    out.push(e);
    Ok(())
}
