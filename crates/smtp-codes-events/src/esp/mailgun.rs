//! Mailgun webhooks: `{"signature": ..., "event-data": {...}}`, a bare event as its events API
//! lists them (`{"items": [...]}` is unwrapped by the caller), one recipient each.
//!
//! Shape: Mailgun's "Webhook Payloads" page (URL in `tests/data/README.md`). A `failed` event's
//! `severity` is `temporary` (Mailgun retries: a deferral here) or `permanent`; its `reason` is
//! Mailgun's own (`bounce`, `generic`, `old`, `suppress-bounce`, ...); the reply is
//! `delivery-status.code` and `delivery-status.message`, which Mailgun gives apart.

use crate::error::EventError;
use crate::event::{Esp, EspEvent, EspSays, EventKind};
use crate::json::Obj;

/// Whether `obj` looks like a Mailgun webhook body or event.
pub(crate) fn matches(obj: &Obj<'_>) -> bool {
    obj.has("event-data")
        || (obj.has("event")
            && (obj.has("log-level")
                || obj.has("delivery-status")
                || obj.has("recipient-domain")
                || obj.has("envelope")))
}

/// The record of one Mailgun webhook body or event.
pub(crate) fn read(obj: &Obj<'_>, out: &mut Vec<EspEvent>) -> Result<(), EventError> {
    let data = if obj.has("event-data") { obj.req_obj("event-data")? } else { obj.clone() };
    let event = data.req_str("event")?;
    let severity = data.string("severity")?;
    let reason = data.string("reason")?;
    let suppressed = reason.as_deref().is_some_and(|r| r.starts_with("suppress-"));
    let (kind, says) = match event {
        "accepted" => (EventKind::Accepted, None),
        "delivered" => (EventKind::Delivered, None),
        "failed" => match severity.as_deref() {
            Some("temporary") => (EventKind::Deferred, Some(EspSays::Temporary)),
            _ if suppressed => (EventKind::Dropped, None),
            Some("permanent") => (EventKind::Bounced, Some(EspSays::Permanent)),
            _ => (EventKind::Bounced, None),
        },
        // The legacy webhooks' names.
        "bounced" => (EventKind::Bounced, Some(EspSays::Permanent)),
        "dropped" | "rejected" => (EventKind::Dropped, None),
        "complained" => (EventKind::Complaint, None),
        "unsubscribed" => (EventKind::Unsubscribed, None),
        "opened" | "clicked" => (EventKind::Engagement, None),
        _ => (EventKind::Other, None),
    };
    let mut e = EspEvent::new(Esp::Mailgun, kind, data.path(), event);
    e.recipient = data.string("recipient")?;
    e.timestamp = data.time("timestamp")?;
    e.event_id = data.string("id")?;
    e.label.kind = severity;
    e.label.detail = reason;
    e.esp_says = says;
    if let Some(envelope) = data.obj("envelope")? {
        e.sender = envelope.string("sender")?;
    }
    if let Some(message) = data.obj("message")?
        && let Some(headers) = message.obj("headers")?
    {
        e.smtp_id = headers.string("message-id")?;
        e.message_id.clone_from(&e.smtp_id);
        // A message Mailgun refused before sending (`rejected`) names no recipient; its `To`
        // header does, when it holds one address.
        if e.recipient.is_none() {
            e.recipient = headers.string("to")?.as_deref().and_then(only_address).map(str::to_owned);
        }
    }
    if let Some(status) = data.obj("delivery-status")? {
        let code = status.text("code")?;
        let message = status.string("message")?.or(status.string("description")?);
        e.reply = super::with_code(code.as_deref(), message);
        e.status = code;
        e.remote_mta = status.string("mx-host")?;
    }
    out.push(e);
    Ok(())
}

/// The address of a header that holds exactly one (`Name <a@example.org>` or `a@example.org`).
fn only_address(header: &str) -> Option<&str> {
    let address = match (header.find('<'), header.rfind('>')) {
        (Some(open), Some(close)) if open < close => &header[open + 1..close],
        _ => header.trim(),
    };
    let one = address.matches('@').count() == 1 && header.matches('@').count() == 1;
    (one && !address.contains([',', ' ', '<', '>'])).then_some(address)
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_header_with_one_address_names_it() {
        use super::only_address;
        assert_eq!(only_address("Recipient Name <recipient@example.org>"), Some("recipient@example.org"));
        assert_eq!(only_address(" a@example.org "), Some("a@example.org"));
        assert_eq!(only_address("a@example.org, b@example.org"), None);
        assert_eq!(only_address("A <a@example.org>, B <b@example.org>"), None);
        assert_eq!(only_address("undisclosed-recipients:;"), None);
    }
}
