//! Webhook bodies as they arrive in `application/x-www-form-urlencoded`: Mandrill's, with the
//! events as JSON in the `mandrill_events` field, and Mailgun's legacy webhooks (before its
//! JSON ones of 2018), one event as fields (`event=bounced&recipient=...&code=550&error=...`).

use serde_json::{Map, Value};

use crate::error::{EventError, EventErrorKind};
use crate::event::{Esp, EspEvent};

/// The events of a webhook form body: Mandrill's (`mandrill_events=%5B%7B%22event%22...`) or a
/// Mailgun legacy webhook's (`event=...&recipient=...`).
///
/// # Errors
/// When the body is neither (no `mandrill_events` field; no `event`, or neither a recipient nor
/// Mailgun's signature), the `mandrill_events` value is not JSON after percent-decoding, or the
/// JSON is not Mandrill's events.
///
/// ```
/// let body = b"mandrill_events=%5B%7B%22event%22%3A%22hard_bounce%22%2C%22msg%22%3A%7B%22email%22%3A%22a%40example.com%22%2C%22diag%22%3A%22smtp%3B550+5.1.1+user+unknown%22%7D%7D%5D";
/// let events = smtp_codes_events::read_form(body).unwrap();
/// assert_eq!(events[0].recipient(), Some("a@example.com"));
/// assert_eq!(events[0].reply(), Some("smtp;550 5.1.1 user unknown"));
///
/// let legacy = b"event=bounced&recipient=b%40example.com&code=550&error=5.1.1+user+unknown&timestamp=1461261330";
/// let events = smtp_codes_events::read_form(legacy).unwrap();
/// assert_eq!((events[0].esp(), events[0].recipient()), (smtp_codes_events::Esp::Mailgun, Some("b@example.com")));
/// assert_eq!(events[0].reply(), Some("550 5.1.1 user unknown"));
/// ```
pub fn read_form(body: &[u8]) -> Result<Vec<EspEvent>, EventError> {
    read_with(body, smtp_codes::classify::shared())
}

/// [`read_form`] with a classifier of the caller's.
pub(crate) fn read_with(
    body: &[u8],
    classifier: &smtp_codes::classify::Classifier,
) -> Result<Vec<EspEvent>, EventError> {
    let body = body.trim_ascii();
    let fields: Vec<(Vec<u8>, Vec<u8>)> = body
        .split(|&b| b == b'&')
        .filter(|pair| !pair.is_empty())
        .map(|pair| {
            let (name, value) = pair.split_at(pair.iter().position(|&b| b == b'=').unwrap_or(pair.len()));
            (percent_decode(name), percent_decode(value.strip_prefix(b"=").unwrap_or(value)))
        })
        .collect();
    let Some((_, events)) = fields.iter().find(|(name, _)| name == b"mandrill_events") else {
        return mailgun_legacy(&fields, classifier);
    };
    let value: serde_json::Value = serde_json::from_slice(events).map_err(|e| {
        EventError::new(EventErrorKind::NotJson, "mandrill_events", format!("not JSON after decoding ({e})"))
    })?;
    crate::read::read(&value, Some(Esp::Mandrill), classifier).map_err(|e| {
        let path =
            if e.path().is_empty() { "mandrill_events".to_owned() } else { format!("mandrill_events{}", e.path()) };
        EventError::new(e.kind(), &path, e.message())
    })
}

/// A Mailgun legacy webhook's fields as the JSON of its current webhooks' `event-data`, read by
/// the Mailgun reader: `event`, `recipient`, `timestamp`, `Message-Id` (the message's header),
/// `code` and the text (`error` of a bounce, `description` or `notification` of a drop) as the
/// `delivery-status`, `reason` (a drop's `hardfail`, `maxfails`, `old`). A field given twice (a
/// sender's own variables may repeat Mailgun's names) counts by its first value, a time stamp by
/// its first that is a number.
fn mailgun_legacy(
    fields: &[(Vec<u8>, Vec<u8>)],
    classifier: &smtp_codes::classify::Classifier,
) -> Result<Vec<EspEvent>, EventError> {
    let first = |name: &str| {
        fields.iter().find(|(n, _)| n == name.as_bytes()).map(|(_, v)| String::from_utf8_lossy(v).into_owned())
    };
    // Mailgun signs every legacy webhook (`token`, `timestamp`, `signature`); a test call may
    // leave out the recipient.
    let signed = first("signature").is_some() && first("token").is_some();
    let (Some(event), true) = (first("event"), signed || first("recipient").is_some()) else {
        let names: Vec<String> = fields.iter().take(8).map(|(n, _)| String::from_utf8_lossy(n).into_owned()).collect();
        return Err(EventError::new(
            EventErrorKind::UnknownShape,
            "",
            format!(
                "a form of no known ESP: neither mandrill_events nor a Mailgun event (fields: {})",
                names.join(", ")
            ),
        ));
    };
    let mut data = Map::new();
    data.insert("event".into(), Value::String(event));
    if let Some(recipient) = first("recipient") {
        data.insert("recipient".into(), Value::String(recipient));
    }
    let time = fields
        .iter()
        .filter(|(n, _)| n == b"timestamp")
        .find_map(|(_, v)| core::str::from_utf8(v).ok()?.trim().parse::<f64>().ok());
    if let Some(t) = time.and_then(serde_json::Number::from_f64) {
        data.insert("timestamp".into(), Value::Number(t));
    }
    if let Some(reason) = first("reason") {
        data.insert("reason".into(), Value::String(reason));
    }
    if let Some(id) = first("Message-Id") {
        data.insert("message".into(), serde_json::json!({"headers": {"message-id": id}}));
    }
    let text = first("error").or_else(|| first("description")).or_else(|| first("notification"));
    if text.is_some() || first("code").is_some() {
        let mut status = Map::new();
        if let Some(code) = first("code") {
            status.insert("code".into(), Value::String(code));
        }
        if let Some(text) = text {
            status.insert("message".into(), Value::String(text));
        }
        data.insert("delivery-status".into(), Value::Object(status));
    }
    crate::read::read(&Value::Object(data), Some(Esp::Mailgun), classifier)
}

/// `+` as a space and `%XY` as its byte; a `%` without two hex digits is kept as it is.
fn percent_decode(input: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(input.len());
    let mut i = 0;
    while i < input.len() {
        match input[i] {
            b'+' => out.push(b' '),
            b'%' => match (hex(input.get(i + 1)), hex(input.get(i + 2))) {
                (Some(hi), Some(lo)) => {
                    out.push(hi << 4 | lo);
                    i += 2;
                }
                _ => out.push(b'%'),
            },
            b => out.push(b),
        }
        i += 1;
    }
    out
}

fn hex(b: Option<&u8>) -> Option<u8> {
    let b = *b?;
    match b {
        b'0'..=b'9' => Some(b - b'0'),
        b'a'..=b'f' => Some(b - b'a' + 10),
        b'A'..=b'F' => Some(b - b'A' + 10),
        _ => None,
    }
}
