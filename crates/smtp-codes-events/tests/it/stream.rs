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

/// Hands out one byte per read, as a slow pipe may.
struct Trickle<'a>(&'a [u8]);

impl std::io::Read for Trickle<'_> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let Some((&b, rest)) = self.0.split_first() else { return Ok(0) };
        if buf.is_empty() {
            return Ok(0);
        }
        buf[0] = b;
        self.0 = rest;
        Ok(1)
    }
}

#[test]
fn form_bodies_one_a_line_are_read_as_mandrill_posts_them() {
    // Mandrill's webhook body as posted: the events' JSON, percent-encoded, in `mandrill_events`.
    let events = r#"[{"event":"hard_bounce","msg":{"email":"a@example.com","diag":"smtp;550 5.1.1 user unknown"}},{"event":"send","msg":{"email":"b@example.com"}}]"#;
    let body = String::from_utf8(super::anymail::form(&serde_json::json!({ "mandrill_events": events }))).unwrap();
    let input = format!("\n  \n{body}\n\nnot_mandrill=1\n{body}\n");
    for read in [
        read_json_lines(input.as_bytes()).collect::<Vec<_>>(),
        read_json_lines(Trickle(input.as_bytes())).collect::<Vec<_>>(),
    ] {
        assert_eq!(read.len(), 5, "{read:?}");
        let first = read[0].as_ref().unwrap();
        assert_eq!(
            (first.esp(), first.kind(), first.recipient()),
            (Esp::Mandrill, EventKind::Bounced, Some("a@example.com"))
        );
        assert_eq!(read[1].as_ref().unwrap().kind(), EventKind::Delivered);
        let e = read[2].as_ref().unwrap_err();
        assert_eq!((e.document(), e.kind()), (Some(2), EventErrorKind::UnknownShape), "{e}");
        assert_eq!(read[4].as_ref().unwrap().recipient(), Some("b@example.com"), "reading goes on");
    }
    // JSON after white space that arrives a byte at a time is still JSON.
    let json = b"\n \n{\"event\":\"delivered\",\"email\":\"b@example.com\",\"sg_event_id\":\"2\"}\n";
    let read: Vec<_> = read_json_lines(Trickle(json)).collect();
    assert_eq!(read.len(), 1);
    assert_eq!(read[0].as_ref().unwrap().esp(), Esp::Sendgrid);
    assert!(read_json_lines(&b" \n "[..]).next().is_none(), "white space alone holds no event");
}

#[test]
fn a_file_of_no_webhooks_is_one_error_not_one_a_line() {
    // A mail log given by mistake: it opens with no form field, so it is read as JSON, and the
    // first syntax error ends the stream.
    let log = "Jan  1 00:00:00 mx postfix/smtpd[1]: 0A: client=a[192.0.2.1]\n".repeat(1000);
    let read: Vec<_> = read_json_lines(log.as_bytes()).collect();
    assert_eq!(read.len(), 1, "{:?}", read.first());
    assert_eq!(read[0].as_ref().unwrap_err().kind(), EventErrorKind::NotJson);
    // Forms, then a line that is none (it holds a raw space): one error, and the stream ends.
    let mixed = format!("mandrill_events=%5B%5D\n{log}");
    let read: Vec<_> = read_json_lines(mixed.as_bytes()).collect();
    assert_eq!(read.len(), 1, "{read:?}");
    assert_eq!(read[0].as_ref().unwrap_err().document(), Some(2));
    // A name too long for a field's is no form either.
    let long = "a".repeat(10_000);
    assert_eq!(read_json_lines(long.as_bytes()).count(), 1);
}
