//! django-anymail's webhook tests as an unseen set (`tests/data/anymail`, BSD-3-Clause, see its
//! README): the payloads its tracking tests post for Amazon SES, SendGrid, Mailgun, Postmark,
//! SparkPost, Mandrill and Brevo, and what each test asserts anymail makes of them. This crate
//! must read every payload into the same events, in the same order, each of the kind that
//! anymail's event type names, for the same recipient, with the same message id and the same
//! reply (anymail's `mta_response`) where the test asserts them.

use std::collections::BTreeMap;

use serde_json::Value;
use smtp_codes_events::{Esp, EspEvent, EventKind, read, read_form};

/// The kinds an anymail event type may be here. Anymail's `sent` (Mandrill's `send`, SparkPost's
/// `delivery` is anymail's `delivered`) is the receiving server's acceptance to some ESPs and
/// the ESP's own to others; its `bounced` covers SES's suppressed addresses, which SES never
/// sent (`dropped` here); its `failed` and `rejected` are messages the ESP did not send; its
/// `autoresponded` (SparkPost's bounce classes for automatic replies) is no failure, `other`.
fn kinds(event_type: &str) -> &'static [EventKind] {
    use EventKind::{Accepted, Bounced, Complaint, Deferred, Delivered, Dropped, Engagement, Other, Unsubscribed};
    match event_type {
        "queued" => &[Accepted],
        "sent" => &[Accepted, Delivered],
        "delivered" => &[Delivered],
        "deferred" => &[Deferred],
        "bounced" => &[Bounced, Dropped],
        "rejected" | "failed" => &[Dropped],
        "complained" => &[Complaint],
        "subscribed" => &[Other],
        "unsubscribed" => &[Unsubscribed],
        "opened" | "clicked" => &[Engagement],
        _ => &[Other],
    }
}

/// Whether `event`'s kind differs from anymail's `event_type` on purpose: SparkPost's first open
/// of a message (`initial_open`, `amp_initial_open`) is an open here, while anymail calls it
/// `unknown` unless a setting says otherwise (its test of the same payload with the setting
/// expects `opened`), since an image proxy may have opened it.
fn initial_open(event: &EspEvent, event_type: &str) -> bool {
    event_type == "unknown"
        && event.esp() == Esp::Sparkpost
        && matches!(event.label().event(), "initial_open" | "amp_initial_open")
        && event.kind() == EventKind::Engagement
}

/// The events of a payload file: a JSON document, or Mandrill's form (its one field as an
/// object in the file) posted as the form it is.
pub(crate) fn events_of(path: &std::path::Path) -> Result<Vec<EspEvent>, String> {
    let text = std::fs::read_to_string(path).map_err(|e| e.to_string())?;
    let value: Value = serde_json::from_str(&text).map_err(|e| e.to_string())?;
    let legacy = path.file_name().is_some_and(|n| n.to_string_lossy().starts_with("mailgun-legacy-"));
    match (&value, value.get("mandrill_events")) {
        (_, Some(Value::String(_))) => read_form(&form(&value)).map_err(|e| e.to_string()),
        (Value::Object(_), _) if legacy => read_form(&form(&value)).map_err(|e| e.to_string()),
        _ => read(&value).map_err(|e| e.to_string()),
    }
}

/// An object of form fields (a list for a field given more than once) as the form body it was
/// posted as, every byte but letters and digits percent-encoded.
pub(crate) fn form(fields: &Value) -> Vec<u8> {
    let encode = |text: &str| -> String {
        text.bytes()
            .map(|b| if b.is_ascii_alphanumeric() { (b as char).to_string() } else { format!("%{b:02X}") })
            .collect()
    };
    let mut pairs = Vec::new();
    for (name, value) in fields.as_object().into_iter().flatten() {
        let values = match value {
            Value::Array(items) => items.iter().filter_map(Value::as_str).collect(),
            Value::String(v) => vec![v.as_str()],
            _ => Vec::new(),
        };
        pairs.extend(values.into_iter().map(|v| format!("{}={}", encode(name), encode(v))));
    }
    pairs.join("&").into_bytes()
}

/// Whether this crate's reply is anymail's `mta_response`: the same text, or (Mailgun, whose
/// `delivery-status` gives the code apart from the message) the code, a space and that text.
fn same_reply(ours: Option<&str>, response: &str) -> bool {
    let Some(ours) = ours else { return false };
    ours == response
        || ours
            .strip_suffix(response)
            .and_then(|c| c.strip_suffix(' '))
            .is_some_and(|c| c.bytes().all(|b| b.is_ascii_digit()))
}

/// What differs between the events read from `file` (whose text is `raw`) and those anymail's
/// test asserts.
fn differences(file: &str, raw: &str, events: &[EspEvent], expected: &[Value]) -> Vec<String> {
    let mut wrong = Vec::new();
    if events.len() != expected.len() {
        wrong.push(format!(
            "{file}: {} events, anymail's test asserts {}: {:?}",
            events.len(),
            expected.len(),
            events.iter().map(|e| (e.kind(), e.recipient())).collect::<Vec<_>>()
        ));
        return wrong;
    }
    for (i, (event, want)) in events.iter().zip(expected).enumerate() {
        let field = |name: &str| want.get(name);
        if let Some(Value::String(t)) = field("event_type")
            && !kinds(t).contains(&event.kind())
            && !initial_open(event, t)
        {
            wrong.push(format!("{file} #{i}: kind {:?}, anymail says {t}", event.kind()));
        }
        if let Some(r) = field("recipient") {
            let got = event.recipient().map(|r| Value::String(r.to_owned())).unwrap_or(Value::Null);
            if got != *r {
                wrong.push(format!("{file} #{i}: recipient {got}, anymail says {r}"));
            }
        }
        // Anymail's message id of a SparkPost event is the transmission's id (what the sending
        // call returned), and of a SendGrid event the `anymail_id` argument anymail itself
        // added when it sent the message; this crate's are the ESPs' own ids. A Message-ID is
        // compared without its angle brackets.
        let bare = |id: &str| id.trim_start_matches('<').trim_end_matches('>').to_owned();
        if let Some(Value::String(id)) = field("message_id")
            && event.esp() != Esp::Sparkpost
            && !raw.contains(&format!("\"anymail_id\": \"{id}\""))
        {
            let ours = [event.message_id(), event.smtp_id(), event.event_id()];
            if !ours.iter().flatten().any(|o| bare(o) == bare(id)) {
                wrong.push(format!("{file} #{i}: message ids {ours:?}, anymail says {id}"));
            }
        }
        if let Some(Value::String(response)) = field("mta_response")
            && !same_reply(event.reply(), response)
        {
            wrong.push(format!("{file} #{i}: reply {:?}, anymail's mta_response {response:?}", event.reply()));
        }
    }
    wrong
}

/// The rows of every `expected-<esp>.jsonl` of `folder`, each with its ESP, and how many such
/// files there are. Shared with the Symfony set.
pub(crate) fn expected_rows(folder: &std::path::Path) -> (usize, Vec<(String, Value)>) {
    let mut files = 0;
    let mut rows = Vec::new();
    for entry in std::fs::read_dir(folder).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        let Some(esp) = name.strip_prefix("expected-").and_then(|n| n.strip_suffix(".jsonl")) else { continue };
        files += 1;
        for line in std::fs::read_to_string(&path).unwrap().lines().filter(|l| !l.trim().is_empty()) {
            let row: Value = serde_json::from_str(line).unwrap_or_else(|e| panic!("{name}: {e}: {line}"));
            rows.push((esp.to_owned(), row));
        }
    }
    (files, rows)
}

#[test]
fn anymail_tracking_payloads_give_the_events_its_tests_assert() {
    let folder = super::data().join("anymail");
    let mut checked: BTreeMap<String, usize> = BTreeMap::new();
    let mut wrong = Vec::new();
    let (files, rows) = expected_rows(&folder);
    assert_eq!(files, 7, "one expected file per ESP");
    for (esp, row) in rows {
        let file = row["file"].as_str().unwrap();
        let expected = row["events"].as_array().unwrap();
        let raw = std::fs::read_to_string(folder.join(file)).unwrap_or_default();
        match events_of(&folder.join(file)) {
            Ok(events) => wrong.extend(differences(file, &raw, &events, expected)),
            Err(e) => wrong.push(format!("{file}: not read: {e}")),
        }
        *checked.entry(esp).or_default() += 1;
    }
    eprintln!("anymail payloads checked per ESP: {checked:?}");
    assert!(wrong.is_empty(), "{} differences:\n{}", wrong.len(), wrong.join("\n"));
}
