//! Mandrill's webhook body as it arrives: `application/x-www-form-urlencoded` with the events
//! as JSON in the `mandrill_events` field.

use crate::error::{EventError, EventErrorKind};
use crate::event::{Esp, EspEvent};

/// The events of a Mandrill webhook body (`mandrill_events=%5B%7B%22event%22...`).
///
/// # Errors
/// When the body has no `mandrill_events` field, its value is not JSON after percent-decoding,
/// or the JSON is not Mandrill's events.
///
/// ```
/// let body = b"mandrill_events=%5B%7B%22event%22%3A%22hard_bounce%22%2C%22msg%22%3A%7B%22email%22%3A%22a%40example.com%22%2C%22diag%22%3A%22smtp%3B550+5.1.1+user+unknown%22%7D%7D%5D";
/// let events = smtp_codes_events::read_form(body).unwrap();
/// assert_eq!(events[0].recipient(), Some("a@example.com"));
/// assert_eq!(events[0].reply(), Some("smtp;550 5.1.1 user unknown"));
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
    let field = body
        .split(|&b| b == b'&')
        .find_map(|pair| pair.strip_prefix(b"mandrill_events=".as_slice()))
        .ok_or_else(|| EventError::new(EventErrorKind::UnknownShape, "", "no mandrill_events field in the form"))?;
    let decoded = percent_decode(field);
    let value: serde_json::Value = serde_json::from_slice(&decoded).map_err(|e| {
        EventError::new(EventErrorKind::NotJson, "mandrill_events", format!("not JSON after decoding ({e})"))
    })?;
    crate::read::read(&value, Some(Esp::Mandrill), classifier).map_err(|e| {
        let path =
            if e.path().is_empty() { "mandrill_events".to_owned() } else { format!("mandrill_events{}", e.path()) };
        EventError::new(e.kind(), &path, e.message())
    })
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
