//! Amazon SES notifications delivered as mail by an SNS topic's e-mail subscription: the JSON
//! of the events crate's SES samples (built on AWS's documented examples, see its
//! `tests/data/README.md`) as the body of a message shaped as SNS sends it ("AWS Notification
//! Message", long lines folded with `!`, the unsubscribe footer below `--`).

use std::path::PathBuf;

use smtp_codes_bounce::{Action, DecodedBy, MessageKind, decode};

/// The events crate's sample `name`, on one line as SNS writes it.
fn sample(name: &str) -> String {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../smtp-codes-events/tests/data").join(name);
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let value: serde_json::Value = serde_json::from_str(&text).unwrap();
    value.to_string()
}

/// An SNS e-mail notification carrying `json`, its lines folded at `width` characters the way
/// SNS folds them: a `!` at the end, the rest after a space on the next line.
fn sns_mail(json: &str, width: usize) -> Vec<u8> {
    let mut body = String::new();
    let chars: Vec<char> = json.chars().collect();
    for (i, chunk) in chars.chunks(width).enumerate() {
        if i > 0 {
            body.push_str("!\n ");
        }
        body.extend(chunk);
    }
    format!(
        "From: SES-Notices <no-reply@sns.amazonaws.com>\nTo: alerts@example.com\nSubject: AWS Notification Message\nDate: Wed, 27 Jan 2016 14:59:39 +0000\nMessage-ID: <0100015f-sns@us-west-2.amazonses.com>\nMIME-Version: 1.0\nContent-Type: text/plain; charset=UTF-8\nContent-Transfer-Encoding: 7bit\nx-amz-sns-message-id: ad6bdf42-f483-5bae-bf50-8fc1aad3f981\n\n{body}\n\n--\nIf you wish to stop receiving notifications from this topic, please click or visit the link below to unsubscribe:\nhttps://sns.us-west-2.amazonaws.com/unsubscribe.html?SubscriptionArn=arn:aws:sns:us-west-2:123456789012:MyTopic\n"
    )
    .into_bytes()
}

#[test]
fn a_bounce_notification_gives_its_recipients() {
    for width in [60, 998, 100_000] {
        let d = decode(&sns_mail(&sample("ses-bounce-dsn.json"), width));
        assert_eq!(
            (d.kind(), d.decoded_by()),
            (MessageKind::Bounce, DecodedBy::Esp(smtp_codes_events::Esp::Ses)),
            "{width}"
        );
        assert_eq!(d.decoded_by().as_str(), "ses");
        let [r] = d.recipients() else { panic!("{:?}", d.recipients()) };
        assert_eq!(r.recipient(), Some("jane@example.com"));
        assert_eq!(r.action(), Some(Action::Failed));
        assert_eq!(r.status().unwrap().to_string(), "5.1.1");
        assert_eq!((r.diagnostic_type(), r.reply_code().map(|c| c.as_u16())), (Some("smtp"), Some(550)));
        assert_eq!(r.classification().reason().id(), "userunknown");
        assert_eq!(d.reporting_mta(), Some("email.example.com"));
    }
}

#[test]
fn an_sns_envelope_and_transient_bounces_are_read_too() {
    let d = decode(&sns_mail(&sample("ses-sns-bounce-transient-530.json"), 998));
    assert_eq!(d.kind(), MessageKind::Bounce);
    assert_eq!(d.recipients().len(), 2, "{:?}", d.recipients());
    assert!(d.recipients().iter().all(|r| r.reply_code().map(|c| c.as_u16()) == Some(550)));
    let d = decode(&sns_mail(&sample("ses-event-delivery-delay.json"), 998));
    assert_eq!(d.kind(), MessageKind::Delay);
    assert!(d.recipients().iter().all(|r| r.action() == Some(Action::Delayed)));
}

#[test]
fn a_complaint_is_a_feedback_report_and_a_delivery_is_no_bounce() {
    let d = decode(&sns_mail(&sample("ses-complaint.json"), 998));
    assert_eq!((d.kind(), d.decoded_by().as_str()), (MessageKind::Feedback, "ses"));
    let fb = d.feedback().expect("the complaint's feedback");
    assert_eq!(fb.feedback_type, "abuse");
    assert!(!d.recipients().is_empty() && d.recipients().iter().all(|r| r.recipient().is_some()));
    let d = decode(&sns_mail(&sample("ses-delivery.json"), 998));
    assert_eq!(d.kind(), MessageKind::Delivered);
    assert!(d.recipients().iter().all(|r| r.action() == Some(Action::Delivered)));
}

#[test]
fn crlf_line_ends_change_nothing() {
    let mail = String::from_utf8(sns_mail(&sample("ses-bounce-dsn.json"), 120)).unwrap().replace('\n', "\r\n");
    let d = decode(mail.as_bytes());
    assert_eq!(d.kind(), MessageKind::Bounce);
    assert_eq!(d.recipients()[0].recipient(), Some("jane@example.com"));
}

#[test]
fn an_event_of_no_delivery_gives_no_record() {
    // An SES `Send` notification: the message was taken, nothing bounced.
    let json = r#"{"notificationType":"Send","mail":{"timestamp":"2016-01-27T14:59:38.237Z","source":"john@example.com","messageId":"00000138111222aa-33322211-cccc-cccc-cccc-ddddaaaa0680-000000","destination":["jane@example.com"]},"send":{}}"#;
    let d = decode(&sns_mail(json, 998));
    assert_eq!((d.kind(), d.decoded_by()), (MessageKind::NotABounce, DecodedBy::None));
    assert!(d.recipients().is_empty() && d.original().is_none());
}

#[test]
fn json_that_is_no_esp_event_is_read_as_text() {
    for body in ["{\"hello\": \"world\"}", "{\"notificationType\": \"Bounce\"", "{ not json at all"] {
        let d = decode(&sns_mail(body, 998));
        assert_eq!(d.kind(), MessageKind::NotABounce, "{body}");
        assert!(d.recipients().is_empty());
    }
}

/// A `Permanent` SES bounce whose recipient row gives no code and no reply the classifier knows
/// (SES leaves `status` and `diagnosticCode` out for some bounces): the ESP's label makes it a
/// hard bounce, as `smtp-codes events` says of the same notification; one whose reply decides
/// keeps the reply's verdict.
#[test]
fn a_permanent_label_decides_where_the_reply_does_not() {
    let mut value: serde_json::Value = serde_json::from_str(&sample("ses-bounce-dsn.json")).unwrap();
    let row = &mut value["bounce"]["bouncedRecipients"][0];
    row.as_object_mut().unwrap().remove("status");
    row["diagnosticCode"] = serde_json::json!("smtp; Recipient was rejected");
    let d = decode(&sns_mail(&value.to_string(), 998));
    let [r] = d.recipients() else { panic!("{:?}", d.recipients()) };
    assert!(!r.classification().hard_bounce(), "{:?}", r.classification());
    assert!(r.hard_bounce());
    let events = smtp_codes_events::read(&value).unwrap();
    assert_eq!(events[0].hard_bounce(), r.hard_bounce());
    // A reply that decides keeps its verdict: a full mailbox is no hard bounce.
    value["bounce"]["bouncedRecipients"][0]["diagnosticCode"] = serde_json::json!("smtp; 452 4.2.2 Mailbox full");
    let d = decode(&sns_mail(&value.to_string(), 998));
    assert!(!d.recipients()[0].hard_bounce());
}
