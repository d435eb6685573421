//! SparkPost message events: webhook batches `[{"msys": {"message_event": {...}}}]`, one
//! recipient each.
//!
//! Shapes: SparkPost's "Webhooks: Event Types" reference and its "Bounce Classification Codes"
//! (URLs in `tests/data/README.md`). A bounce's `bounce_class` is SparkPost's label; its
//! category (hard, soft, block, admin, undetermined) says how final SparkPost thinks it is.

use crate::error::EventError;
use crate::event::{Esp, EspEvent, EspSays, EventKind};
use crate::json::Obj;

/// Whether `obj` looks like one element of a SparkPost webhook batch.
pub(crate) fn matches(obj: &Obj<'_>) -> bool {
    obj.has("msys")
}

/// SparkPost's bounce classes: name and category (its "Bounce Classification Codes" table).
/// Hard classes are permanent, soft ones temporary; block, admin and undetermined classes say
/// neither (SparkPost itself retries none of them and suppresses only hard ones).
fn bounce_class(class: &str) -> (Option<&'static str>, Option<EspSays>) {
    let (name, category) = match class {
        "1" => ("Undetermined", None),
        "10" => ("Invalid Recipient", Some(EspSays::Permanent)),
        "20" => ("Soft Bounce", Some(EspSays::Temporary)),
        "21" => ("DNS Failure", Some(EspSays::Temporary)),
        "22" => ("Mailbox Full", Some(EspSays::Temporary)),
        "23" => ("Too Large", Some(EspSays::Temporary)),
        "24" => ("Timeout", Some(EspSays::Temporary)),
        "25" => ("Admin Failure", None),
        "30" => ("Generic Bounce: No RCPT", Some(EspSays::Permanent)),
        "40" => ("Generic Bounce", Some(EspSays::Temporary)),
        "50" => ("Mail Block", None),
        "51" => ("Spam Block", None),
        "52" => ("Spam Content", None),
        "53" => ("Prohibited Attachment", None),
        "54" => ("Relaying Denied", None),
        "60" => ("Auto-Reply", Some(EspSays::Temporary)),
        "70" => ("Transient Failure", Some(EspSays::Temporary)),
        "80" => ("Subscribe", None),
        "90" => ("Unsubscribe", Some(EspSays::Permanent)),
        "100" => ("Challenge-Response", Some(EspSays::Temporary)),
        _ => return (None, None),
    };
    (Some(name), category)
}

/// The record of one batch element (none for the empty `msys` of SparkPost's test ping).
pub(crate) fn read(obj: &Obj<'_>, out: &mut Vec<EspEvent>) -> Result<(), EventError> {
    let msys = obj.req_obj("msys")?;
    // One key names the event class: message_event, track_event, gen_event,
    // unsubscribe_event, relay_event, ...
    let class = [
        "message_event",
        "track_event",
        "gen_event",
        "unsubscribe_event",
        "relay_event",
        "ab_test_event",
        "ingest_event",
    ]
    .into_iter()
    .find(|k| msys.has(k));
    let Some(class) = class else {
        if msys.keys() == "none" {
            return Ok(());
        }
        return Err(crate::error::EventError::new(
            crate::error::EventErrorKind::UnknownShape,
            msys.path(),
            format!("no SparkPost event class (keys: {})", msys.keys()),
        ));
    };
    let ev = msys.req_obj(class)?;
    let event = ev.req_str("type")?;
    let class_code = ev.text("bounce_class")?;
    let (class_name, class_says) = class_code.as_deref().map_or((None, None), bounce_class);
    let (kind, says) = match event {
        "injection" => (EventKind::Accepted, None),
        "delivery" => (EventKind::Delivered, None),
        // Classes 60, 80 and 100 file replies that are no failure (an automatic reply, a
        // subscription request, a challenge to prove the sender human) and 90 an unsubscription
        // request, all in SparkPost's bounce stream; none says to stop or go on mailing.
        "bounce" | "out_of_band" => match class_code.as_deref() {
            Some("60" | "80" | "100") => (EventKind::Other, None),
            Some("90") => (EventKind::Unsubscribed, None),
            _ => (EventKind::Bounced, class_says),
        },
        "delay" => (EventKind::Deferred, Some(EspSays::Temporary)),
        "policy_rejection" | "generation_failure" | "generation_rejection" => (EventKind::Dropped, None),
        "spam_complaint" => (EventKind::Complaint, None),
        "list_unsubscribe" | "link_unsubscribe" => (EventKind::Unsubscribed, None),
        "open" | "initial_open" | "amp_open" | "amp_initial_open" | "click" | "amp_click" => {
            (EventKind::Engagement, None)
        }
        _ => (EventKind::Other, None),
    };
    let mut e = EspEvent::new(Esp::Sparkpost, kind, ev.path(), event);
    // `raw_rcpt_to` is the address as the envelope gave it, `rcpt_to` SparkPost's lower-cased
    // copy: the first is what the sender's own records hold.
    e.recipient = match ev.string("raw_rcpt_to")? {
        Some(r) => Some(r),
        None => ev.string("rcpt_to")?,
    };
    e.sender = match ev.string("msg_from")? {
        Some(s) => Some(s),
        None => ev.string("friendly_from")?,
    };
    e.message_id = ev.string("message_id")?;
    e.event_id = ev.string("event_id")?;
    e.timestamp = ev.time("timestamp")?;
    e.remote_mta = ev.string("ip_address")?;
    e.label.kind = if event == "spam_complaint" { ev.string("fbtype")? } else { class_code };
    e.label.detail = class_name.map(str::to_owned);
    e.esp_says = says;
    let code = ev.text("error_code")?;
    let reason = match ev.string("raw_reason")? {
        Some(r) => Some(r),
        None => ev.string("reason")?,
    };
    e.reply = super::with_code(code.as_deref(), reason);
    e.status = code;
    out.push(e);
    Ok(())
}
