//! Amazon SES: notifications (`notificationType`) and event publishing records (`eventType`),
//! one record per bounced, complained, delivered or delayed recipient.
//!
//! Shapes: "Amazon SNS notification contents for Amazon SES" and "Contents of event data that
//! Amazon SES publishes to Amazon SNS" in the SES developer guide (URLs in
//! `tests/data/README.md`). The SNS envelope and EventBridge wrapper are unwrapped by the caller.

use crate::error::EventError;
use crate::event::{Esp, EspEvent, EspSays, EventKind};
use crate::json::Obj;

/// Whether `obj` looks like an SES record: a type field and a `mail` object.
pub(crate) fn matches(obj: &Obj<'_>) -> bool {
    (obj.has("notificationType") || obj.has("eventType")) && obj.has("mail")
}

/// What every record of one SES notification shares.
struct Mail {
    sender: Option<String>,
    message_id: Option<String>,
    smtp_id: Option<String>,
    timestamp: Option<String>,
    destination: Vec<String>,
}

impl Mail {
    fn read(obj: &Obj<'_>) -> Result<Self, EventError> {
        let mail = obj.req_obj("mail")?;
        let smtp_id = match mail.obj("commonHeaders")? {
            Some(h) => h.string("messageId")?,
            None => None,
        };
        Ok(Self {
            sender: mail.string("source")?,
            message_id: mail.string("messageId")?,
            smtp_id,
            timestamp: mail.time("timestamp")?,
            destination: mail.strings("destination")?.into_iter().map(str::to_owned).collect(),
        })
    }

    fn event(&self, kind: EventKind, path: &str, event: &str) -> EspEvent {
        let mut e = EspEvent::new(Esp::Ses, kind, path, event);
        e.sender.clone_from(&self.sender);
        e.message_id.clone_from(&self.message_id);
        e.smtp_id.clone_from(&self.smtp_id);
        e.timestamp.clone_from(&self.timestamp);
        e
    }
}

/// The records of one SES notification or event record.
pub(crate) fn read(obj: &Obj<'_>, out: &mut Vec<EspEvent>) -> Result<(), EventError> {
    let key = if obj.has("eventType") { "eventType" } else { "notificationType" };
    let event = obj.req_str(key)?;
    let mail = Mail::read(obj)?;
    match event {
        "Bounce" => bounce(obj, &mail, event, out),
        "Complaint" => complaint(obj, &mail, event, out),
        "Delivery" => delivery(obj, &mail, event, out),
        "DeliveryDelay" => delay(obj, &mail, event, out),
        other => {
            // Send, Reject, Open, Click, Rendering Failure, Subscription: no per-recipient
            // object, so one record per destination address.
            let (kind, detail, reply) = match other {
                "Send" => (EventKind::Accepted, None, None),
                "Reject" => {
                    let reason = match obj.obj("reject")? {
                        Some(r) => r.string("reason")?,
                        None => None,
                    };
                    (EventKind::Dropped, reason.clone(), reason)
                }
                "Rendering Failure" => {
                    let message = match obj.obj("failure")? {
                        Some(f) => f.string("errorMessage")?,
                        None => None,
                    };
                    (EventKind::Dropped, None, message)
                }
                "Open" | "Click" => (EventKind::Engagement, None, None),
                "Subscription" => (EventKind::Unsubscribed, None, None),
                _ => (EventKind::Other, None, None),
            };
            for_each_destination(&mail, obj.path(), |path, recipient| {
                let mut e = mail.event(kind, path, other);
                e.recipient = recipient;
                e.label.detail.clone_from(&detail);
                e.reply.clone_from(&reply);
                out.push(e);
            });
            Ok(())
        }
    }
}

/// Calls `f` for each `mail.destination` address (or once without one when there is none).
fn for_each_destination(mail: &Mail, path: &str, mut f: impl FnMut(&str, Option<String>)) {
    if mail.destination.is_empty() {
        f(path, None);
    }
    for (i, to) in mail.destination.iter().enumerate() {
        f(&crate::json::index(&crate::json::join(path, "mail.destination"), i), Some(to.clone()));
    }
}

/// `Permanent` is permanent, `Transient` temporary; `Undetermined` says neither.
fn bounce_says(bounce_type: Option<&str>) -> Option<EspSays> {
    match bounce_type {
        Some("Permanent") => Some(EspSays::Permanent),
        Some("Transient") => Some(EspSays::Temporary),
        _ => None,
    }
}

fn bounce(obj: &Obj<'_>, mail: &Mail, event: &str, out: &mut Vec<EspEvent>) -> Result<(), EventError> {
    let b = obj.req_obj("bounce")?;
    let bounce_type = b.string("bounceType")?;
    let subtype = b.string("bounceSubType")?;
    let reporting = b.string("reportingMTA")?.map(|m| strip_type(&m));
    let remote = b.string("remoteMtaIp")?;
    let feedback = b.string("feedbackId")?;
    let timestamp = b.time("timestamp")?;
    let recipients = b.objects("bouncedRecipients")?;
    let make = |path: &str| {
        let mut e = mail.event(EventKind::Bounced, path, event);
        e.label.kind.clone_from(&bounce_type);
        e.label.detail.clone_from(&subtype);
        e.esp_says = bounce_says(bounce_type.as_deref());
        e.reporting_mta.clone_from(&reporting);
        e.remote_mta.clone_from(&remote);
        e.event_id.clone_from(&feedback);
        if timestamp.is_some() {
            e.timestamp.clone_from(&timestamp);
        }
        e
    };
    if recipients.is_empty() {
        // SES sends bounces of undetermined type without recipients (an automatic reply).
        out.push(make(b.path()));
    }
    for r in recipients {
        let mut e = make(r.path());
        e.recipient = Some(r.req_str("emailAddress")?.to_owned());
        e.status = r.string("status")?;
        e.reply = r.string("diagnosticCode")?;
        out.push(e);
    }
    Ok(())
}

fn complaint(obj: &Obj<'_>, mail: &Mail, event: &str, out: &mut Vec<EspEvent>) -> Result<(), EventError> {
    let c = obj.req_obj("complaint")?;
    let feedback_type = c.string("complaintFeedbackType")?;
    let subtype = c.string("complaintSubType")?;
    let feedback = c.string("feedbackId")?;
    let timestamp = c.time("timestamp")?;
    for r in c.objects("complainedRecipients")? {
        let mut e = mail.event(EventKind::Complaint, r.path(), event);
        e.recipient = Some(r.req_str("emailAddress")?.to_owned());
        e.label.kind.clone_from(&feedback_type);
        e.label.detail.clone_from(&subtype);
        e.event_id.clone_from(&feedback);
        if timestamp.is_some() {
            e.timestamp.clone_from(&timestamp);
        }
        out.push(e);
    }
    Ok(())
}

fn delivery(obj: &Obj<'_>, mail: &Mail, event: &str, out: &mut Vec<EspEvent>) -> Result<(), EventError> {
    let d = obj.req_obj("delivery")?;
    let response = d.string("smtpResponse")?;
    let reporting = d.string("reportingMTA")?.map(|m| strip_type(&m));
    let remote = d.string("remoteMtaIp")?;
    let timestamp = d.time("timestamp")?;
    let at = d.at("recipients");
    for (i, to) in d.strings("recipients")?.into_iter().enumerate() {
        let mut e = mail.event(EventKind::Delivered, &crate::json::index(&at, i), event);
        e.recipient = Some(to.to_owned());
        e.reply.clone_from(&response);
        e.reporting_mta.clone_from(&reporting);
        e.remote_mta.clone_from(&remote);
        if timestamp.is_some() {
            e.timestamp.clone_from(&timestamp);
        }
        out.push(e);
    }
    Ok(())
}

fn delay(obj: &Obj<'_>, mail: &Mail, event: &str, out: &mut Vec<EspEvent>) -> Result<(), EventError> {
    let d = obj.req_obj("deliveryDelay")?;
    let delay_type = d.string("delayType")?;
    let reporting = d.string("reportingMTA")?.map(|m| strip_type(&m));
    let timestamp = d.time("timestamp")?;
    for r in d.objects("delayedRecipients")? {
        let mut e = mail.event(EventKind::Deferred, r.path(), event);
        e.recipient = Some(r.req_str("emailAddress")?.to_owned());
        e.status = r.string("status")?;
        e.reply = r.string("diagnosticCode")?;
        e.label.kind.clone_from(&delay_type);
        e.esp_says = Some(EspSays::Temporary);
        e.reporting_mta.clone_from(&reporting);
        if timestamp.is_some() {
            e.timestamp.clone_from(&timestamp);
        }
        out.push(e);
    }
    Ok(())
}

/// `dns; email.example.com` without its `dns;` type, as the bounce decoder reads Reporting-MTA.
fn strip_type(mta: &str) -> String {
    match mta.split_once(';') {
        Some((kind, name)) if kind.trim().eq_ignore_ascii_case("dns") || kind.trim().eq_ignore_ascii_case("dsn") => {
            name.trim().to_owned()
        }
        _ => mta.trim().to_owned(),
    }
}
