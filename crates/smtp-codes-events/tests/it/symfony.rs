//! Symfony Mailer's webhook fixtures as an unseen set (`tests/data/symfony`, MIT, see its
//! README): the payloads its bridges' request-parser tests post for Mailgun, Postmark, Brevo,
//! SendGrid and Mailchimp Transactional (Mandrill), and the remote events each test expects. This
//! crate must read every payload into as many events, in the same order, each of the kind the
//! Symfony event's name stands for, for the same recipient, carrying the Symfony event's id
//! and, where it gives a reason, that text in its reply.

use serde_json::Value;
use smtp_codes_events::{Esp, EspEvent, EventKind};

/// The kinds a Symfony mailer event name may be here.
fn kinds(name: &str) -> &'static [EventKind] {
    use EventKind::{Accepted, Bounced, Complaint, Deferred, Delivered, Dropped, Engagement, Other, Unsubscribed};
    match name {
        "received" => &[Accepted],
        "delivered" => &[Delivered],
        "deferred" => &[Deferred],
        "bounce" => &[Bounced],
        "dropped" => &[Dropped],
        "spam" => &[Complaint],
        "unsubscribe" => &[Unsubscribed],
        "open" | "click" => &[Engagement],
        _ => &[Other],
    }
}

/// What differs between the events read from `file` and the remote events Symfony's test
/// expects.
fn differences(file: &str, events: &[EspEvent], expected: &[Value]) -> Vec<String> {
    if events.len() != expected.len() {
        return vec![format!(
            "{file}: {} events, Symfony's test expects {}: {:?}",
            events.len(),
            expected.len(),
            events.iter().map(|e| (e.kind(), e.recipient())).collect::<Vec<_>>()
        )];
    }
    let mut wrong = Vec::new();
    for (i, (event, want)) in events.iter().zip(expected).enumerate() {
        let name = want["name"].as_str().unwrap_or("");
        // Symfony calls Mandrill's `send` "received"; Mandrill's documentation says the message
        // was sent to the receiving server, which this crate reads as delivered.
        let send = event.esp() == Esp::Mandrill && name == "received" && event.kind() == EventKind::Delivered;
        // Symfony calls every Postmark `SubscriptionChange` an unsubscription; one that stopped
        // sending after a hard bounce (`SuppressionReason: HardBounce`) is a bounce here, as
        // django-anymail reads it too.
        let suppressed = event.label().event() == "SubscriptionChange"
            && event.label().kind() == Some("HardBounce")
            && event.kind() == EventKind::Bounced;
        if !kinds(name).contains(&event.kind()) && !send && !suppressed {
            wrong.push(format!("{file} #{i}: kind {:?}, Symfony says {name}", event.kind()));
        }
        if let Some(Value::String(r)) = want.get("recipient")
            && event.recipient() != Some(r.as_str())
        {
            wrong.push(format!("{file} #{i}: recipient {:?}, Symfony says {r}", event.recipient()));
        }
        // Symfony's reason is the ESP's own text of the failure: the reply here holds it, or the
        // ESP's label (Mandrill's `bounce_description`). For Postmark it is the bounce type's
        // description (`Description`), which this crate does not carry (the reply is `Details`).
        let label = [event.label().kind(), event.label().detail()];
        if let Some(Value::String(reason)) = want.get("reason")
            && !reason.is_empty()
            && event.esp() != Esp::Postmark
            && !event.reply().is_some_and(|r| r.contains(reason.as_str()))
            && !label.contains(&Some(reason.as_str()))
        {
            wrong.push(format!("{file} #{i}: reply {:?}, Symfony's reason {reason:?}", event.reply()));
        }
        if let Some(Value::String(id)) = want.get("id") {
            let ours = [event.event_id(), event.message_id(), event.smtp_id()];
            if !ours.iter().flatten().any(|o| o == id) {
                wrong.push(format!("{file} #{i}: ids {ours:?}, Symfony says {id}"));
            }
        }
    }
    wrong
}

#[test]
fn symfony_webhook_fixtures_give_the_events_its_tests_expect() {
    let folder = super::data().join("symfony");
    let mut checked = std::collections::BTreeMap::<String, usize>::new();
    let mut wrong = Vec::new();
    let (files, rows) = super::anymail::expected_rows(&folder);
    assert_eq!(files, 5, "one expected file per ESP");
    for (esp, row) in rows {
        let file = row["file"].as_str().unwrap();
        // `brevo-error.json`: its expected events are not stored.
        let Some(expected) = row["events"].as_array() else { continue };
        match super::anymail::events_of(&folder.join(file)) {
            Ok(events) => wrong.extend(differences(file, &events, expected)),
            Err(e) => wrong.push(format!("{file}: not read: {e}")),
        }
        *checked.entry(esp).or_default() += 1;
    }
    eprintln!("Symfony fixtures checked per ESP: {checked:?}");
    assert!(wrong.is_empty(), "{} differences:\n{}", wrong.len(), wrong.join("\n"));
}
