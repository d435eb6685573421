//! Bad input: wrong types, missing fields and shapes of no ESP, each an error that names what
//! is wrong and where.

use serde_json::{Value, json};
use smtp_codes_events::{Esp, EventErrorKind, read, read_as, read_form};

fn error(value: &Value) -> (EventErrorKind, String) {
    let e = read(value).expect_err("an error");
    (e.kind(), e.to_string())
}

#[test]
fn a_wrong_type_names_its_path() {
    let mut ses = super::sample("ses-bounce-dsn.json");
    ses["bounce"]["bouncedRecipients"] =
        json!([{"emailAddress": "a@example.com"}, {"emailAddress": "b@example.com"}, {"emailAddress": 7}]);
    assert_eq!(
        error(&ses),
        (EventErrorKind::WrongType, "bounce.bouncedRecipients[2].emailAddress: not a string".to_owned())
    );
    ses["bounce"]["bouncedRecipients"] = json!("jane@example.com");
    assert_eq!(error(&ses), (EventErrorKind::WrongType, "bounce.bouncedRecipients: not an array".to_owned()));
    ses["bounce"] = json!([]);
    assert_eq!(error(&ses), (EventErrorKind::WrongType, "bounce: not an object".to_owned()));

    let mut sendgrid = super::sample("sendgrid-events.json");
    sendgrid[3]["timestamp"] = json!(true);
    assert_eq!(error(&sendgrid), (EventErrorKind::WrongType, "[3].timestamp: not a string or a number".to_owned()));

    let mut mailgun = super::sample("mailgun-failed-permanent.json");
    mailgun["event-data"]["delivery-status"]["code"] = json!({"n": 550});
    assert_eq!(
        error(&mailgun),
        (EventErrorKind::WrongType, "event-data.delivery-status.code: not a string or a number".to_owned())
    );

    let mut sparkpost = super::sample("sparkpost-events.json");
    sparkpost[2]["msys"]["message_event"]["raw_reason"] = json!(["452"]);
    assert_eq!(
        error(&sparkpost),
        (EventErrorKind::WrongType, "[2].msys.message_event.raw_reason: not a string".to_owned())
    );
}

#[test]
fn a_missing_field_names_its_path() {
    let mut ses = super::sample("ses-bounce-dsn.json");
    ses["bounce"]["bouncedRecipients"][0].as_object_mut().unwrap().remove("emailAddress");
    assert_eq!(error(&ses), (EventErrorKind::Missing, "bounce.bouncedRecipients[0].emailAddress: missing".to_owned()));
    ses.as_object_mut().unwrap().remove("bounce");
    assert_eq!(error(&ses), (EventErrorKind::Missing, "bounce: missing".to_owned()));

    let mut postmark = super::sample("postmark-bounce.json");
    postmark.as_object_mut().unwrap().remove("Email");
    assert_eq!(error(&postmark), (EventErrorKind::Missing, "Email: missing".to_owned()));

    let mut delay = super::sample("ses-event-delivery-delay.json");
    delay["deliveryDelay"]["delayedRecipients"][0]["emailAddress"] = Value::Null;
    assert_eq!(
        error(&delay),
        (EventErrorKind::Missing, "deliveryDelay.delayedRecipients[0].emailAddress: missing".to_owned())
    );
}

#[test]
fn a_shape_of_no_esp_names_the_keys_seen() {
    assert_eq!(
        error(&json!({"to": "a@example.com", "status": "bounced"})),
        (EventErrorKind::UnknownShape, "not an event of any known ESP (keys: status, to)".to_owned())
    );
    assert_eq!(
        error(&json!([{"event": "bounce", "email": "a@example.com", "sg_event_id": "1"}, {}])),
        (EventErrorKind::UnknownShape, "[1]: not an event of any known ESP (keys: none)".to_owned())
    );
    assert_eq!(error(&json!(42)), (EventErrorKind::UnknownShape, "a number, not an ESP event".to_owned()));
    assert_eq!(error(&json!("hello")), (EventErrorKind::UnknownShape, "a string, not an ESP event".to_owned()));
    assert_eq!(error(&json!(null)), (EventErrorKind::UnknownShape, "null, not an ESP event".to_owned()));
    let many: serde_json::Map<String, Value> = (0..20).map(|i| (format!("k{i:02}"), json!(i))).collect();
    let (_, text) = error(&Value::Object(many));
    assert!(text.ends_with("k11 and 8 more)"), "{text}");
    let deep = (0..20).fold(json!({}), |v, _| json!([v]));
    assert_eq!(error(&deep).1, "[0][0][0][0][0][0][0][0][0]: nested too deep to be an ESP event");
}

#[test]
fn sns_envelopes_that_carry_no_notification() {
    let mut sns = super::sample("ses-sns-bounce-transient-530.json");
    sns["Message"] = json!("{not json");
    let (kind, text) = error(&sns);
    assert_eq!(kind, EventErrorKind::NotJson);
    assert!(text.starts_with("Message: a string that is not JSON ("), "{text}");
    sns["Message"] =
        json!(r#"{"notificationType": "Bounce", "mail": {}, "bounce": {"bouncedRecipients": [{"emailAddress": []}]}}"#);
    assert_eq!(error(&sns).1, "Message.bounce.bouncedRecipients[0].emailAddress: not a string");
    sns["Type"] = json!("Bogus");
    assert_eq!(error(&sns).1, "an SNS Bogus message, not a notification");
    // SNS's messages about the subscription, and a notification of plain text, hold no event.
    for kind in ["SubscriptionConfirmation", "UnsubscribeConfirmation"] {
        sns["Type"] = json!(kind);
        assert_eq!(read(&sns).map(|e| e.len()), Ok(0), "{kind}");
    }
    sns["Type"] = json!("Notification");
    sns["Message"] = json!("Successfully validated SNS topic for Amazon SES event publishing.");
    assert_eq!(read(&sns).map(|e| e.len()), Ok(0));
}

#[test]
fn a_forced_esp_reads_other_shapes_as_its_own() {
    let sendgrid = super::sample("sendgrid-events.json");
    let e = read_as(&sendgrid, Esp::Ses).unwrap_err();
    assert_eq!((e.kind(), e.to_string()), (EventErrorKind::Missing, "[0].notificationType: missing".to_owned()));
    // Brevo's numeric `id` is no Mailgun event id.
    let e = read_as(&super::sample("brevo-hard-bounce.json"), Esp::Mailgun).unwrap_err();
    assert_eq!((e.kind(), e.to_string()), (EventErrorKind::WrongType, "id: not a string".to_owned()));
    assert_eq!("SparkPost".parse::<Esp>(), Ok(Esp::Sparkpost));
    assert_eq!(
        "nope".parse::<Esp>().unwrap_err().to_string(),
        "unknown ESP \"nope\" (known: brevo, mailgun, mandrill, postmark, sendgrid, ses, sparkpost)"
    );
}

#[test]
fn mandrill_form_bodies() {
    let form = b"mandrill_events=%5B%7B%22event%22%3A%22soft_bounce%22%2C%22msg%22%3A%7B%22email%22%3A%22a%40example.com%22%2C%22diag%22%3A%22smtp%3B452+4.2.2+Mailbox+full%22%7D%7D%5D";
    let events = read_form(form).unwrap();
    assert_eq!(
        (events[0].recipient(), events[0].classification().reason().id()),
        (Some("a@example.com"), "mailboxfull")
    );
    assert_eq!(
        read_form(b"other=1&b=2").unwrap_err().to_string(),
        "a form of no known ESP: neither mandrill_events nor a Mailgun event (fields: other, b)"
    );
    // An `event` alone, with neither a recipient nor Mailgun's signature, is none either.
    assert_eq!(read_form(b"event=bounced").unwrap_err().kind(), EventErrorKind::UnknownShape);
    assert!(
        read_form(b"mandrill_events=%5B%zz")
            .unwrap_err()
            .to_string()
            .starts_with("mandrill_events: not JSON after decoding (")
    );
    let wrong = b"mandrill_events=%5B%7B%22event%22%3A7%7D%5D";
    assert_eq!(read_form(wrong).unwrap_err().to_string(), "mandrill_events[0].event: not a string");
}
