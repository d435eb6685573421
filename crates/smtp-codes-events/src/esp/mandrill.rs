//! Mailchimp Transactional (Mandrill) webhooks: the `mandrill_events` form field, a JSON array
//! of events (unwrapped by the caller), one recipient each.
//!
//! Shape: Mailchimp Transactional's "Webhooks" and "Message event webhook format" pages (URLs in
//! `tests/data/README.md`). Mandrill's `send` means the receiving server took the message, so it
//! is a delivery here; a deferral's reply is its last `smtp_events` entry.

use crate::error::EventError;
use crate::event::{Esp, EspEvent, EspSays, EventKind};
use crate::json::Obj;

/// Whether `obj` looks like one Mandrill event.
pub(crate) fn matches(obj: &Obj<'_>) -> bool {
    obj.has("event") && obj.has("msg")
}

/// The record of one Mandrill event.
pub(crate) fn read(obj: &Obj<'_>, out: &mut Vec<EspEvent>) -> Result<(), EventError> {
    if !obj.has("event")
        && let Some(list) = obj.str("type")?
    {
        return sync(obj, list, out);
    }
    let event = obj.req_str("event")?;
    let (kind, says) = match event {
        "send" => (EventKind::Delivered, None),
        // Not in Mailchimp Transactional's documented list of message events; Symfony Mailer's
        // Mailchimp bridge reads it as a delivery, and has a test payload of it.
        "delivered" => (EventKind::Delivered, None),
        "deferral" => (EventKind::Deferred, Some(EspSays::Temporary)),
        "hard_bounce" => (EventKind::Bounced, Some(EspSays::Permanent)),
        "soft_bounce" => (EventKind::Bounced, Some(EspSays::Temporary)),
        "reject" => (EventKind::Dropped, None),
        "spam" => (EventKind::Complaint, None),
        "unsub" => (EventKind::Unsubscribed, None),
        "open" | "click" => (EventKind::Engagement, None),
        _ => (EventKind::Other, None),
    };
    let mut e = EspEvent::new(Esp::Mandrill, kind, obj.path(), event);
    e.event_id = obj.string("_id")?;
    e.timestamp = obj.time("ts")?;
    e.esp_says = says;
    if let Some(msg) = obj.obj("msg")? {
        e.recipient = msg.string("email")?;
        e.sender = msg.string("sender")?;
        e.message_id = msg.string("_id")?;
        e.label.kind = msg.string("state")?;
        e.label.detail = msg.string("bounce_description")?;
        e.reply = msg.string("diag")?;
        if let Some(last) = msg.objects("smtp_events")?.pop() {
            if e.reply.is_none() {
                e.reply = last.string("diag")?;
            }
            e.remote_mta = last.string("destination_ip")?;
        }
        if e.timestamp.is_none() {
            e.timestamp = msg.time("ts")?;
        }
    } else if !matches!(kind, EventKind::Other) {
        return Err(EventError::missing(&obj.at("msg")));
    }
    out.push(e);
    Ok(())
}

/// A sync event: an address added to, changed on or removed from the account's deny list
/// (`type: blacklist`) or allow list (`whitelist`), `{"type", "action", "reject" or "entry"}`,
/// as Mailchimp Transactional's "Sync event webhook format" gives it. It reports no delivery:
/// kind `other`, the list as the event, the action as its type, the entry's reason as detail.
fn sync(obj: &Obj<'_>, list: &str, out: &mut Vec<EspEvent>) -> Result<(), EventError> {
    let mut e = EspEvent::new(Esp::Mandrill, EventKind::Other, obj.path(), list);
    e.timestamp = obj.time("ts")?;
    e.label.kind = obj.string("action")?;
    let entry = match obj.obj("reject")? {
        Some(reject) => Some(reject),
        None => obj.obj("entry")?,
    };
    if let Some(entry) = entry {
        e.recipient = entry.string("email")?;
        e.label.detail = match entry.string("reason")? {
            Some(r) => Some(r),
            None => entry.string("detail")?,
        };
    }
    out.push(e);
    Ok(())
}
