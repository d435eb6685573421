//! Streams of documents: JSON Lines, one pretty-printed document, errors that name their
//! document, and a syntax error that ends the stream.

use smtp_codes_events::{Esp, EventErrorKind, EventKind, read_json_lines};

#[test]
fn json_lines_and_one_pretty_document_give_the_same_events() {
    let pretty = std::fs::read(super::data().join("sendgrid-events.json")).unwrap();
    let value: serde_json::Value = serde_json::from_slice(&pretty).unwrap();
    let lines: String = value.as_array().unwrap().iter().map(|v| format!("{v}\n")).collect();
    let a: Vec<_> = read_json_lines(&pretty[..]).map(Result::unwrap).collect();
    let b: Vec<_> = read_json_lines(lines.as_bytes()).map(Result::unwrap).collect();
    assert_eq!(a.len(), 8);
    assert_eq!(a.iter().map(|e| e.kind()).collect::<Vec<_>>(), b.iter().map(|e| e.kind()).collect::<Vec<_>>());
    assert_eq!(b[3].path(), "", "each line is its own document");
}

#[test]
fn a_bad_document_is_one_error_and_reading_goes_on() {
    let input =
        b"{\"event\":\"bounce\",\"email\":\"a@example.com\",\"sg_event_id\":\"1\",\"reason\":\"550 5.1.1 unknown\"}\n\
{\"nothing\": 1}\n\
{\"event\":\"delivered\",\"email\":\"b@example.com\",\"sg_event_id\":\"2\"}\n";
    let mut events = read_json_lines(&input[..]);
    assert_eq!(events.next().unwrap().unwrap().kind(), EventKind::Bounced);
    let e = events.next().unwrap().unwrap_err();
    assert_eq!(
        (e.document(), e.to_string()),
        (Some(2), "document 2: not an event of any known ESP (keys: nothing)".to_owned())
    );
    assert_eq!(events.next().unwrap().unwrap().recipient(), Some("b@example.com"));
    assert!(events.next().is_none());
    assert_eq!(events.documents(), 3);
}

#[test]
fn a_syntax_error_ends_the_stream_with_its_line() {
    let input = b"{\"event\":\"delivered\",\"email\":\"b@example.com\",\"sg_event_id\":\"2\"}\n{\"event\": oops}\n{}\n";
    let results: Vec<_> = read_json_lines(&input[..]).collect();
    assert_eq!(results.len(), 2, "{results:?}");
    let e = results[1].as_ref().unwrap_err();
    assert_eq!(e.kind(), EventErrorKind::NotJson);
    assert!(e.to_string().starts_with("document 2: not JSON: expected value at line 2 column 11"), "{e}");
}

#[test]
fn a_forced_esp_applies_to_every_document() {
    let input = br#"{"event":"hard_bounce","email":"a@example.com","reason":"550 5.1.1 unknown user"}"#;
    let e = read_json_lines(&input[..]).next().unwrap().unwrap_err();
    assert!(e.to_string().contains("not an event of any known ESP"), "{e}");
    let events: Vec<_> = read_json_lines(&input[..]).esp(Esp::Brevo).map(Result::unwrap).collect();
    assert_eq!((events[0].esp(), events[0].kind()), (Esp::Brevo, EventKind::Bounced));
    assert!(events[0].classification().hard_bounce());
}

#[test]
fn empty_input_has_no_events() {
    assert_eq!(read_json_lines(&b""[..]).count(), 0);
    assert_eq!(read_json_lines(&b"  \n\n"[..]).count(), 0);
    assert_eq!(read_json_lines(&b"[]\n[{\"msys\":{}}]"[..]).count(), 0);
}

/// SES events from Amazon EventBridge, and a page of Mailgun's events API.
#[test]
fn eventbridge_and_mailgun_pages_are_unwrapped() {
    let ses = super::sample("ses-bounce-dsn.json");
    let bridge = serde_json::json!({"version": "0", "id": "e1", "detail-type": "Email Bounced", "source": "aws.ses", "detail": ses});
    let events = smtp_codes_events::read(&bridge).unwrap();
    assert_eq!((events[0].esp(), events[0].path()), (Esp::Ses, "detail.bounce.bouncedRecipients[0]"));
    let failed = super::sample("mailgun-failed-permanent.json")["event-data"].clone();
    let page = serde_json::json!({"items": [failed.clone(), failed], "paging": {"next": "https://api.mailgun.net/v3/example.com/events/W3siY"}});
    let events = smtp_codes_events::read(&page).unwrap();
    assert_eq!(events.len(), 2);
    assert_eq!((events[1].esp(), events[1].path(), events[1].kind()), (Esp::Mailgun, "items[1]", EventKind::Bounced));
}
