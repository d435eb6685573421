//! Every sample of `tests/data`, record by record: recipient, kind, the ESP's label, the
//! project's reason and hard bounce, and whether the two disagree.

use smtp_codes_events::{Esp, EspEvent, EspSays, EventKind, read, read_json_lines};

/// The expected record: recipient, kind, ESP event, ESP type, ESP detail, what the ESP says,
/// reason, hard bounce, disagrees.
type Row = (
    &'static str,
    EventKind,
    &'static str,
    Option<&'static str>,
    Option<&'static str>,
    Option<EspSays>,
    &'static str,
    bool,
    bool,
);

use EspSays::{Permanent as P, Temporary as T};
use EventKind::{Accepted, Bounced, Complaint, Deferred, Delivered, Dropped, Engagement, Other};

/// Reads a sample file as a stream (JSON documents one after another) and checks its records.
fn check(file: &str, esp: Esp, rows: &[Row]) -> Vec<EspEvent> {
    let input = std::fs::File::open(super::data().join(file)).unwrap();
    let events: Vec<EspEvent> =
        read_json_lines(input).collect::<Result<_, _>>().unwrap_or_else(|e| panic!("{file}: {e}"));
    assert_eq!(events.len(), rows.len(), "{file}: {events:#?}");
    for (i, (e, row)) in events.iter().zip(rows).enumerate() {
        let c = e.classification();
        let got = (
            e.recipient().unwrap_or(""),
            e.kind(),
            e.label().event(),
            e.label().kind(),
            e.label().detail(),
            e.esp_says(),
            c.reason().id(),
            c.hard_bounce(),
            e.disagrees(),
        );
        assert_eq!(got, *row, "{file} record {i}: {:?}", e.reply());
        assert_eq!(e.esp(), esp, "{file} record {i}");
    }
    events
}

#[test]
fn ses_bounce_with_a_dsn() {
    let events = check(
        "ses-bounce-dsn.json",
        Esp::Ses,
        &[(
            "jane@example.com",
            Bounced,
            "Bounce",
            Some("Permanent"),
            Some("General"),
            Some(P),
            "userunknown",
            true,
            false,
        )],
    );
    let jane = &events[0];
    assert_eq!(jane.reply(), Some("smtp; 550 5.1.1 <jane@example.com>... User"));
    assert_eq!((jane.status(), jane.enhanced_code().map(|c| c.to_string())), (Some("5.1.1"), Some("5.1.1".to_owned())));
    assert_eq!((jane.reporting_mta(), jane.remote_mta()), (Some("email.example.com"), Some("127.0.2.0")));
    assert_eq!((jane.sender(), jane.smtp_id()), (Some("john@example.com"), Some("custom-message-ID")));
    assert_eq!(jane.message_id(), Some("00000138111222aa-33322211-cccc-cccc-cccc-ddddaaaa0680-000000"));
    assert_eq!(jane.event_id(), Some("00000138111222aa-33322211-cccc-cccc-cccc-ddddaaaa068a-000000"));
    assert_eq!(jane.timestamp(), Some("2016-01-27T14:59:38.237Z"));
    assert_eq!(jane.path(), "bounce.bouncedRecipients[0]");
}

/// SES calls both bounces transient; the replies are `550 5.3.0`, permanent failures (and the
/// first a hard bounce).
#[test]
fn ses_transient_bounce_of_550_5_3_0_in_an_sns_envelope_disagrees() {
    let events = check(
        "ses-sns-bounce-transient-530.json",
        Esp::Ses,
        &[
            (
                "jane@example.com",
                Bounced,
                "Bounce",
                Some("Transient"),
                Some("General"),
                Some(T),
                "userunknown",
                true,
                true,
            ),
            (
                "mary@example.com",
                Bounced,
                "Bounce",
                Some("Transient"),
                Some("General"),
                Some(T),
                "systemfull",
                false,
                true,
            ),
        ],
    );
    assert_eq!(events[1].path(), "Message.bounce.bouncedRecipients[1]");
    assert_eq!(events[1].severity(), smtp_codes::Severity::Permanent);
}

/// A `554 4.4.7` expiry is permanent for the message, while SES calls it transient: they
/// disagree. When SES adds the remote's last reply (`<421 4.4.0 ...>`), the classifier reads
/// that reply, a temporary one, and there is nothing to disagree about: the address itself is
/// not known to be bad.
#[test]
fn ses_transient_bounce_of_4_4_7() {
    let events = check(
        "ses-bounce-transient-447.json",
        Esp::Ses,
        &[
            (
                "jane@example.com",
                Bounced,
                "Bounce",
                Some("Transient"),
                Some("General"),
                Some(T),
                "expired",
                false,
                true,
            ),
            (
                "richard@example.com",
                Bounced,
                "Bounce",
                Some("Transient"),
                Some("General"),
                Some(T),
                "expired",
                false,
                false,
            ),
        ],
    );
    assert_eq!(events[0].severity(), smtp_codes::Severity::Permanent);
    assert_eq!(events[1].severity(), smtp_codes::Severity::Transient);
    assert_eq!(events[0].reporting_mta(), Some("a27-30.smtp-out.us-west-2.amazonses.com"), "dsn; is dropped");
}

#[test]
fn ses_delivery_delay_complaint_and_delivery() {
    let delay = check(
        "ses-event-delivery-delay.json",
        Esp::Ses,
        &[(
            "recipient@example.com",
            Deferred,
            "DeliveryDelay",
            Some("TransientCommunicationFailure"),
            None,
            Some(T),
            "expired",
            false,
            false,
        )],
    );
    assert_eq!((delay[0].status(), delay[0].reply_code().map(u16::from)), (Some("4.4.1"), Some(421)));
    let complaint = check(
        "ses-complaint.json",
        Esp::Ses,
        &[("richard@example.com", Complaint, "Complaint", Some("abuse"), None, None, "feedback", false, false)],
    );
    assert_eq!(complaint[0].classification().rule().kind(), "report");
    let delivery = check(
        "ses-delivery.json",
        Esp::Ses,
        &[("jane@example.com", Delivered, "Delivery", None, None, None, "delivered", false, false)],
    );
    assert_eq!(delivery[0].reply(), Some("250 ok:  Message 64111812 accepted"));
    assert_eq!(delivery[0].reporting_mta(), Some("a8-70.smtp-out.amazonses.com"));
}

#[test]
fn sendgrid_event_array() {
    let a = "example@test.com";
    let events = check(
        "sendgrid-events.json",
        Esp::Sendgrid,
        &[
            (a, Accepted, "processed", None, None, None, "undefined", false, false),
            (a, Deferred, "deferred", None, None, Some(T), "onhold", false, false),
            (a, Delivered, "delivered", None, None, None, "delivered", false, false),
            (a, Bounced, "bounce", Some("bounce"), Some("Invalid Address"), Some(P), "userunknown", true, false),
            // SendGrid's "blocked" is a soft bounce; the reply is a permanent 550 5.7.1.
            (
                "blocked@test.com",
                Bounced,
                "bounce",
                Some("blocked"),
                Some("Reputation"),
                Some(T),
                "blocked",
                false,
                true,
            ),
            (a, Dropped, "dropped", None, None, None, "filtered", false, false),
            (a, Complaint, "spamreport", None, None, None, "feedback", false, false),
            (a, Engagement, "open", None, None, None, "undefined", false, false),
        ],
    );
    assert_eq!(events[1].reply(), Some("400 try again later"));
    assert_eq!(events[3].status(), Some("5.0.0"));
    assert_eq!(events[3].timestamp(), Some("2017-12-15T00:59:29Z"), "Unix time as ISO 8601");
    assert_eq!(events[3].smtp_id(), Some("<14c5d75ce93.dfd.64b469@ismtpd-555>"));
    assert_eq!(events[5].reply(), Some("Bounced Address"), "a drop's reason is SendGrid's own text");
}

#[test]
fn mailgun_failures_and_delivery() {
    let a = "alice@example.com";
    let permanent = check(
        "mailgun-failed-permanent.json",
        Esp::Mailgun,
        &[(a, Bounced, "failed", Some("permanent"), Some("bounce"), Some(P), "userunknown", true, false)],
    );
    let e = &permanent[0];
    assert!(e.reply().unwrap().starts_with("550 5.1.1 The email account"), "code joined to message: {:?}", e.reply());
    assert_eq!((e.status(), e.remote_mta()), (Some("550"), Some("gmail-smtp-in.l.google.com")));
    assert_eq!(e.classification().provider().map(|p| p.id()), Some("gmail"), "provider from mx-host");
    assert_eq!(e.sender(), Some("bob@sandbox1234.mailgun.org"));
    assert_eq!(e.smtp_id(), Some("20130503192659.13651.20287@sandbox1234.mailgun.org"));
    assert_eq!(e.timestamp(), Some("2018-03-16T23:35:39.874Z"));
    let events = check(
        "mailgun-events.jsonl",
        Esp::Mailgun,
        &[
            (a, Deferred, "failed", Some("temporary"), Some("generic"), Some(T), "mailboxfull", false, false),
            // Permanent to Mailgun after its retries; the reply itself was temporary.
            (a, Bounced, "failed", Some("permanent"), Some("old"), Some(P), "mailboxfull", false, true),
            (a, Dropped, "failed", Some("permanent"), Some("suppress-bounce"), None, "filtered", false, false),
            (a, Delivered, "delivered", None, None, None, "delivered", false, false),
        ],
    );
    assert_eq!(events[2].reply(), Some("Not delivering to previously bounced address"), "605 is no reply code");
    assert_eq!(events[2].status(), Some("605"));
}

#[test]
fn postmark_webhooks() {
    let hard = check(
        "postmark-bounce.json",
        Esp::Postmark,
        &[(
            "john@example.com",
            Bounced,
            "Bounce",
            Some("HardBounce"),
            Some("Hard bounce"),
            Some(P),
            "onhold",
            false,
            false,
        )],
    );
    assert_eq!(hard[0].reply(), Some("Test bounce details"));
    // The reply decides nothing ("Test bounce details"): the ESP's hard bounce stands.
    assert!(!hard[0].classification().hard_bounce() && hard[0].hard_bounce());
    // A reply that decides is never overruled: a temporary failure by its codes is no hard
    // bounce, whatever the label (and the two disagree).
    let mut full = super::sample("postmark-bounce.json");
    full["Details"] = serde_json::json!("smtp;452 4.2.2 Mailbox full");
    let full = &read(&full).unwrap()[0];
    assert_eq!((full.hard_bounce(), full.disagrees()), (false, true));
    assert_eq!(hard[0].event_id(), Some("4323372036854775807"));
    assert_eq!(hard[0].timestamp(), Some("2019-11-05T16:33:54.9070259Z"));
    check(
        "postmark-soft-bounce.json",
        Esp::Postmark,
        &[(
            "jane@example.com",
            Bounced,
            "Bounce",
            Some("SoftBounce"),
            Some("Soft bounce/Undeliverable"),
            Some(T),
            "mailboxfull",
            false,
            false,
        )],
    );
    check(
        "postmark-delivery.json",
        Esp::Postmark,
        &[("john@example.com", Delivered, "Delivery", None, None, None, "onhold", false, false)],
    );
    // Postmark files automatic replies, subscription requests and challenges among its bounces:
    // none is a failure.
    let mut reply = super::sample("postmark-bounce.json");
    for (t, kind) in
        [("AutoResponder", Other), ("ChallengeVerification", Other), ("Subscribe", Other), ("HardBounce", Bounced)]
    {
        reply["Type"] = serde_json::json!(t);
        let events = read(&reply).unwrap();
        assert_eq!((events[0].kind(), events[0].esp_says().is_some()), (kind, kind == Bounced), "{t}");
    }
}

#[test]
fn sparkpost_batch() {
    let r = "recipient@example.com";
    let events = check(
        "sparkpost-events.json",
        Esp::Sparkpost,
        &[
            (r, Bounced, "bounce", Some("10"), Some("Invalid Recipient"), Some(P), "userunknown", true, false),
            ("blocked@example.com", Bounced, "bounce", Some("1"), Some("Undetermined"), None, "blocked", false, false),
            (
                "full@example.com",
                Deferred,
                "delay",
                Some("22"),
                Some("Mailbox Full"),
                Some(T),
                "mailboxfull",
                false,
                false,
            ),
            (r, Delivered, "delivery", None, None, None, "undefined", false, false),
            (r, Complaint, "spam_complaint", Some("abuse"), None, None, "feedback", false, false),
        ],
    );
    assert_eq!(events[1].reply(), Some("554 MAIL REFUSED - IP (17.99.99.99) is in black list"), "error_code joined");
    assert_eq!(events[0].timestamp(), Some("2016-04-18T14:25:07Z"));
    assert_eq!(events[0].path(), "[0].msys.message_event");
    // SparkPost's bounce classes for replies that are no failure, and for an unsubscription.
    let mut batch = super::sample("sparkpost-events.json");
    for (class, kind) in
        [("60", Other), ("80", Other), ("100", Other), ("90", EventKind::Unsubscribed), ("10", Bounced)]
    {
        batch[0]["msys"]["message_event"]["bounce_class"] = serde_json::json!(class);
        let first = &read(&batch).unwrap()[0];
        assert_eq!((first.kind(), first.esp_says().is_some()), (kind, kind == Bounced), "class {class}");
    }
}

#[test]
fn mandrill_form_field() {
    let m = "example.webhook@mandrillapp.com";
    let events = check(
        "mandrill-form.json",
        Esp::Mandrill,
        &[
            (m, Delivered, "send", Some("sent"), None, None, "undefined", false, false),
            (m, Deferred, "deferral", Some("deferred"), None, Some(T), "systemerror", false, false),
            (m, Bounced, "hard_bounce", Some("bounced"), Some("bad_mailbox"), Some(P), "userunknown", true, false),
            // Mandrill's soft bounce of a 552 5.2.2: permanent by its codes.
            (
                m,
                Bounced,
                "soft_bounce",
                Some("soft-bounced"),
                Some("mailbox_full"),
                Some(T),
                "mailboxfull",
                false,
                true,
            ),
            (m, Dropped, "reject", Some("rejected"), None, None, "undefined", false, false),
            (m, Complaint, "spam", Some("sent"), None, None, "feedback", false, false),
        ],
    );
    assert_eq!(
        events[1].reply(),
        Some("451 4.3.5 Temporarily unavailable, try again later."),
        "the last smtp_events diag"
    );
    assert_eq!(events[1].remote_mta(), Some("127.0.0.1"));
    assert_eq!(events[2].path(), "mandrill_events[2]");
    assert_eq!(events[2].timestamp(), Some("2013-11-20T13:26:44Z"));
}

#[test]
fn brevo_webhooks() {
    let hard = check(
        "brevo-hard-bounce.json",
        Esp::Brevo,
        &[("example@domain.com", Bounced, "hard_bounce", None, None, Some(P), "userunknown", true, false)],
    );
    assert_eq!(hard[0].smtp_id(), Some("201798300811.5787683@relay.domain.com"));
    assert_eq!(hard[0].timestamp(), Some("2020-11-09T14:54:14Z"), "ts_epoch in milliseconds");
    check(
        "brevo-events.jsonl",
        Esp::Brevo,
        &[
            ("full@domain.com", Bounced, "soft_bounce", None, None, Some(T), "mailboxfull", false, false),
            ("later@domain.com", Deferred, "deferred", None, None, Some(T), "onhold", false, false),
            ("example@domain.com", Delivered, "delivered", None, None, None, "undefined", false, false),
            ("blocked@domain.com", Dropped, "blocked", None, None, None, "onhold", false, false),
            ("spam@domain.com", Complaint, "spam", None, None, None, "feedback", false, false),
        ],
    );
}

/// Every sample is read by [`read`] too (one document), with the same records.
#[test]
fn read_and_the_stream_agree() {
    for entry in std::fs::read_dir(super::data()).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().and_then(|e| e.to_str()) != Some("json") {
            continue;
        }
        let value: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
        let one = read(&value).unwrap();
        let streamed: Vec<EspEvent> =
            read_json_lines(std::fs::File::open(&path).unwrap()).map(Result::unwrap).collect();
        assert_eq!(one, streamed, "{}", path.display());
        assert!(!one.is_empty(), "{}", path.display());
    }
}
