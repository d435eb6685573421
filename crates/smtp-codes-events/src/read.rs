//! One JSON document to events: the wrappers unwrapped (arrays, SNS envelopes, EventBridge,
//! Mandrill's `mandrill_events`, Mailgun's `items`), the ESP told from each event's shape.

use serde_json::Value;
use smtp_codes::classify::Classifier;

use crate::error::{EventError, EventErrorKind};
use crate::esp::{brevo, mailgun, mandrill, postmark, sendgrid, ses, sparkpost};
use crate::event::{Esp, EspEvent};
use crate::json::{self, Obj};

/// How many wrappers (JSON inside a string inside JSON, arrays of arrays) are unwrapped before
/// a document counts as malformed: real payloads nest two or three deep.
const MAX_DEPTH: usize = 8;

/// Reads `value` with `esp` forced (or told from each event's shape) and `classifier`.
pub(crate) fn read(value: &Value, esp: Option<Esp>, classifier: &Classifier) -> Result<Vec<EspEvent>, EventError> {
    let mut out = Vec::new();
    collect(value, "", esp, 0, &mut out)?;
    Ok(out.into_iter().map(|e| e.decide(classifier)).collect())
}

fn collect(
    value: &Value,
    path: &str,
    esp: Option<Esp>,
    depth: usize,
    out: &mut Vec<EspEvent>,
) -> Result<(), EventError> {
    if depth > MAX_DEPTH {
        return Err(EventError::new(EventErrorKind::UnknownShape, path, "nested too deep to be an ESP event"));
    }
    match value {
        Value::Array(items) => {
            for (i, item) in items.iter().enumerate() {
                collect(item, &json::index(path, i), esp, depth + 1, out)?;
            }
            Ok(())
        }
        // A form field's value or a queue message's body: JSON in a string.
        Value::String(text) if text.trim_start().starts_with(['[', '{']) => {
            let inner = parse(text, path)?;
            collect(&inner, path, esp, depth + 1, out)
        }
        Value::Object(_) => object(&Obj::new(value, path.to_owned())?, esp, depth, out),
        other => Err(EventError::new(
            EventErrorKind::UnknownShape,
            path,
            format!("{}, not an ESP event", json::type_name(other)),
        )),
    }
}

/// The JSON in a string field, or an error at its path.
fn parse(text: &str, path: &str) -> Result<Value, EventError> {
    serde_json::from_str(text)
        .map_err(|e| EventError::new(EventErrorKind::NotJson, path, format!("a string that is not JSON ({e})")))
}

fn object(obj: &Obj<'_>, esp: Option<Esp>, depth: usize, out: &mut Vec<EspEvent>) -> Result<(), EventError> {
    // An SNS envelope: the SES notification is the JSON string in `Message`. SNS's own messages
    // about the subscription (`SubscriptionConfirmation`, `UnsubscribeConfirmation`) and a
    // notification of plain text (SES's "Successfully validated SNS topic ..." when a topic is
    // set up) are part of every such stream and carry no event; any other type is an error.
    if let (Some(kind), true) = (obj.str("Type")?, obj.has("Message") && (obj.has("TopicArn") || obj.has("MessageId")))
    {
        if matches!(kind, "SubscriptionConfirmation" | "UnsubscribeConfirmation") {
            return Ok(());
        }
        if kind != "Notification" {
            return Err(EventError::new(
                EventErrorKind::UnknownShape,
                obj.path(),
                format!("an SNS {kind} message, not a notification"),
            ));
        }
        let text = obj.req_str("Message")?;
        if !text.trim_start().starts_with(['{', '[']) {
            return Ok(());
        }
        let at = obj.at("Message");
        let inner = parse(text, &at)?;
        return collect(&inner, &at, esp.or(Some(Esp::Ses)), depth + 1, out);
    }
    // Mandrill's form field, when the form was decoded into an object.
    if let Some(events) = obj.get("mandrill_events") {
        return collect(events, &obj.at("mandrill_events"), esp.or(Some(Esp::Mandrill)), depth + 1, out);
    }
    // SES events delivered by Amazon EventBridge.
    if obj.str("source")? == Some("aws.ses")
        && let Some(detail) = obj.get("detail")
    {
        return collect(detail, &obj.at("detail"), esp.or(Some(Esp::Ses)), depth + 1, out);
    }
    // Mailgun's events API: a page of events.
    if obj.has("items") && obj.has("paging") {
        return collect(
            obj.get("items").unwrap_or(&Value::Null),
            &obj.at("items"),
            esp.or(Some(Esp::Mailgun)),
            depth + 1,
            out,
        );
    }
    let esp = match esp.or_else(|| detect(obj)) {
        Some(esp) => esp,
        None => {
            return Err(EventError::new(
                EventErrorKind::UnknownShape,
                obj.path(),
                format!("not an event of any known ESP (keys: {})", obj.keys()),
            ));
        }
    };
    match esp {
        Esp::Ses => ses::read(obj, out),
        Esp::Sendgrid => sendgrid::read(obj, out),
        Esp::Mailgun => mailgun::read(obj, out),
        Esp::Postmark => postmark::read(obj, out),
        Esp::Sparkpost => sparkpost::read(obj, out),
        Esp::Mandrill => mandrill::read(obj, out),
        Esp::Brevo => brevo::read(obj, out),
    }
}

/// The ESP whose documented shape `obj` has. The order matters where shapes share keys:
/// SendGrid and Brevo events both have `event` and `email`, and are told apart by their own
/// keys (`sg_event_id`, `smtp-id`; `message-id`, `ts_event`).
fn detect(obj: &Obj<'_>) -> Option<Esp> {
    if ses::matches(obj) {
        Some(Esp::Ses)
    } else if sparkpost::matches(obj) {
        Some(Esp::Sparkpost)
    } else if postmark::matches(obj) {
        Some(Esp::Postmark)
    } else if mandrill::matches(obj) {
        Some(Esp::Mandrill)
    } else if mailgun::matches(obj) {
        Some(Esp::Mailgun)
    } else if sendgrid::matches(obj) {
        Some(Esp::Sendgrid)
    } else if brevo::matches(obj) {
        Some(Esp::Brevo)
    } else {
        None
    }
}
