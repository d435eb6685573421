//! Postmark webhooks: bounce, spam complaint, delivery, open, click and subscription change,
//! one recipient each, told apart by `RecordType`.
//!
//! Shapes: Postmark's "Bounce webhook", "Delivery webhook" and "Spam complaint webhook" pages
//! and its bounce types (URLs in `tests/data/README.md`). Older bounce webhooks carry no
//! `RecordType`; they are known by `TypeCode` and `BouncedAt`.

use crate::error::EventError;
use crate::event::{Esp, EspEvent, EspSays, EventKind};
use crate::json::Obj;

/// Whether `obj` looks like a Postmark webhook body.
pub(crate) fn matches(obj: &Obj<'_>) -> bool {
    obj.has("RecordType") || (obj.has("TypeCode") && obj.has("BouncedAt"))
}

/// How final Postmark's bounce `Type` is: hard bounces and bad addresses are permanent, soft
/// bounces, transient failures and DNS errors temporary; the other types (auto-responders,
/// blocks, challenge-verifications, ...) say neither.
fn says(bounce_type: Option<&str>) -> Option<EspSays> {
    match bounce_type? {
        "HardBounce" | "BadEmailAddress" => Some(EspSays::Permanent),
        "SoftBounce" | "Transient" | "DnsError" => Some(EspSays::Temporary),
        _ => None,
    }
}

/// The record of one Postmark webhook body.
pub(crate) fn read(obj: &Obj<'_>, out: &mut Vec<EspEvent>) -> Result<(), EventError> {
    let record = obj.string("RecordType")?.unwrap_or_else(|| "Bounce".to_owned());
    let bounce_type = obj.string("Type")?;
    let kind = match (record.as_str(), bounce_type.as_deref()) {
        ("Bounce", Some("SpamComplaint")) | ("SpamComplaint", _) => EventKind::Complaint,
        ("Bounce", Some("Unsubscribe")) => EventKind::Unsubscribed,
        ("Bounce", Some("ManuallyDeactivated")) => EventKind::Dropped,
        // Replies that are no failure: an automatic reply, a subscription request, a
        // challenge to prove the sender human.
        ("Bounce", Some("AutoResponder" | "Subscribe" | "ChallengeVerification")) => EventKind::Other,
        ("Bounce", _) => EventKind::Bounced,
        ("Delivery", _) => EventKind::Delivered,
        ("Open" | "Click", _) => EventKind::Engagement,
        // A change of the address's suppression: sending stopped after a hard bounce or a
        // complaint, stopped by hand or by the recipient, or (`SuppressSending: false`) resumed.
        ("SubscriptionChange", _) => match (obj.get("SuppressSending"), obj.str("SuppressionReason")?) {
            (Some(serde_json::Value::Bool(false)), _) => EventKind::Other,
            (_, Some("HardBounce")) => EventKind::Bounced,
            (_, Some("SpamComplaint")) => EventKind::Complaint,
            _ => EventKind::Unsubscribed,
        },
        _ => EventKind::Other,
    };
    let mut e = EspEvent::new(Esp::Postmark, kind, obj.path(), &record);
    e.recipient = match obj.string("Email")? {
        Some(email) => Some(email),
        None => obj.string("Recipient")?,
    };
    if e.recipient.is_none() && matches!(kind, EventKind::Bounced | EventKind::Complaint | EventKind::Delivered) {
        return Err(crate::error::EventError::missing(&obj.at(if kind == EventKind::Delivered {
            "Recipient"
        } else {
            "Email"
        })));
    }
    e.sender = obj.string("From")?;
    e.message_id = obj.string("MessageID")?;
    e.event_id = obj.text("ID")?;
    e.timestamp = ["BouncedAt", "DeliveredAt", "ReceivedAt", "ChangedAt"]
        .iter()
        .find_map(|k| obj.time(k).transpose())
        .transpose()?;
    e.label.kind = match bounce_type.clone() {
        None if record == "SubscriptionChange" => obj.string("SuppressionReason")?,
        other => other,
    };
    e.label.detail = obj.string("Name")?;
    e.esp_says = match (kind, record.as_str()) {
        (EventKind::Bounced, "SubscriptionChange") => Some(EspSays::Permanent),
        (EventKind::Bounced, _) => says(bounce_type.as_deref()),
        _ => None,
    };
    e.reply = obj.string("Details")?;
    out.push(e);
    Ok(())
}
