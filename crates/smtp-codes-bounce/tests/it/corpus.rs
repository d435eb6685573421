//! Real messages of the Sisimai corpus (`tests/data/sisimai`, BSD 2-Clause, see its LICENSE):
//! each format's fields, and the rows of the corpus's own expectations.

use smtp_codes_bounce::{Action, DecodedBy, MessageKind, decode};

use crate::sample;

#[test]
fn postfix_dsn() {
    let d = decode(&sample("bsd/lhost-postfix-31.eml"));
    assert_eq!(d.kind(), MessageKind::Bounce);
    assert_eq!(d.decoded_by(), DecodedBy::Rfc3464);
    assert_eq!(d.reporting_mta(), Some("nyaaan.example.com"));
    assert_eq!(d.queue_id(), Some("2222EE22"));
    assert_eq!(d.postfix_sender(), Some("sironeko@neko.example.com"));
    assert_eq!(d.arrival_date(), Some("Thu, 29 Apr 2017 23:34:45 +0900 (JST)"));
    assert_eq!(d.subject(), Some("Undelivered Mail Returned to Sender"));
    let original = d.original().expect("the returned original's headers");
    assert_eq!(original.message_id.as_deref(), Some("ffffff-eeeeee-22@neko.example.com"));
    assert_eq!(original.to.as_deref(), Some("kijitora@gmail.com"));
    let [r] = d.recipients() else { panic!("one recipient: {:?}", d.recipients()) };
    assert_eq!(r.recipient(), Some("kijitora@gmail.com"));
    assert_eq!(r.original_recipient(), Some("kijitora@gmail.com"));
    assert_eq!(r.action(), Some(Action::Failed));
    assert_eq!(r.status().unwrap().to_string(), "5.1.1");
    assert_eq!(r.reply_code().unwrap(), 550);
    assert_eq!(r.diagnostic_type(), Some("smtp"));
    assert_eq!(r.remote_mta(), Some("gmail-smtp-in.l.google.com"));
    // Folded lines are joined.
    assert!(
        r.diagnostic().starts_with("550-5.1.1 The email account that you tried to reach does not exist. Please try")
    );
    assert!(r.diagnostic().ends_with("- gsmtp"));
    let c = r.classification();
    assert_eq!(c.reason().id(), "userunknown");
    assert_eq!(c.provider().map(|p| p.id()), Some("gmail"));
    assert!(c.hard_bounce());
    let e = r.explanation();
    assert_eq!(e.enhanced_code(), r.status());
    assert_eq!(e.classification().map(|c| c.reason().id()), Some("userunknown"));
    assert!(r.warnings().is_empty());
}

#[test]
fn multi_recipient_dsn() {
    let d = decode(&sample("bsd/rfc3464-35.eml"));
    assert_eq!(d.kind(), MessageKind::Bounce, "one failed row makes a bounce");
    let rows: Vec<_> = d.recipients().iter().map(|r| (r.recipient().unwrap(), r.action().unwrap())).collect();
    assert_eq!(
        rows,
        [
            ("kijitora@nyaan.example.com", Action::Failed),
            ("sabatora@cat.example.net", Action::Delayed),
            ("mikeneko@neko.example.or.jp", Action::Failed),
        ]
    );
    let d = decode(&sample("bsd/lhost-yandex-02.eml"));
    let reasons: Vec<_> = d.recipients().iter().map(|r| r.classification().reason().id()).collect();
    assert_eq!(reasons, ["userunknown", "mailboxfull"]);
}

#[test]
fn delayed_dsn() {
    let d = decode(&sample("bsd/rfc3464-07.eml"));
    assert_eq!(d.kind(), MessageKind::Delay);
    assert_eq!(d.received_from_mta(), Some("mail.example.org"));
    let [r] = d.recipients() else { panic!() };
    assert_eq!(r.action(), Some(Action::Delayed));
    assert_eq!(r.status().unwrap().to_string(), "4.4.0");
    assert_eq!(r.will_retry_until(), Some("Thu, 2 Jul 2004 23:34:45 +0000"));
    assert!(!r.classification().hard_bounce());
}

#[test]
fn original_recipient_among_the_headers() {
    // This bounce carries `Original-recipient:` among its own headers; it is still a message.
    let d = decode(&sample("bsd/lhost-messagingserver-01.eml"));
    assert_eq!(d.subject(), Some("Delivery Notification: Delivery has failed"));
    let [r] = d.recipients() else { panic!("{:?}", d.recipients()) };
    assert_eq!(r.recipient(), Some("kijitora@example.jp"));
    assert_eq!(r.status().unwrap().to_string(), "5.1.1", "`Status: 5.1.1 (comment)`");
    assert_eq!(r.remote_mta(), Some("mx.example.jp"));
}

#[test]
fn feedback_report() {
    let d = decode(&sample("bsd/arf-02.eml"));
    assert_eq!(d.kind(), MessageKind::Feedback);
    assert_eq!(d.decoded_by(), DecodedBy::Arf);
    let f = d.feedback().expect("the report's fields");
    assert_eq!(f.feedback_type, "abuse");
    assert_eq!(f.original_rcpt_to, ["this-local-part-does-not-exist-on-yahoo@yahoo.com"]);
    let [r] = d.recipients() else { panic!() };
    assert_eq!(r.classification().reason().id(), "feedback");
    assert!(!r.classification().hard_bounce());
    assert_eq!(r.status(), None);
}

#[test]
fn vacation_reply() {
    let d = decode(&sample("bsd/rfc3834-01.eml"));
    assert_eq!(d.kind(), MessageKind::Vacation);
    assert_eq!(d.decoded_by(), DecodedBy::Rfc3834);
    let [r] = d.recipients() else { panic!() };
    assert_eq!(r.recipient(), Some("kijitora@example.net"));
    assert_eq!(r.classification().reason().id(), "vacation");
    assert!(!r.classification().hard_bounce());
    assert_eq!((r.status(), r.reply_code()), (None, None));
    // No reply is explained: nobody has to act on an automatic reply.
    let e = r.explanation();
    assert_eq!((e.reply_code(), e.enhanced_code()), (None, None));
    assert_eq!(e.who_acts(), smtp_codes::WhoActs::Nobody);
}

#[test]
fn not_a_bounce() {
    let d = decode(&sample("not/is-not-bounce-01.eml"));
    assert_eq!(d.kind(), MessageKind::NotABounce);
    assert_eq!(d.decoded_by(), DecodedBy::None);
    assert!(d.recipients().is_empty());
}

#[test]
fn plain_text_bounces() {
    let d = decode(&sample("bsd/lhost-qmail-01.eml"));
    assert_eq!((d.kind(), d.decoded_by().as_str()), (MessageKind::Bounce, "qmail"));
    let [r] = d.recipients() else { panic!("{:?}", d.recipients()) };
    assert_eq!(r.recipient(), Some("kijitora@example.ne.jp"));
    assert!(r.diagnostic().contains("550 Unknown user kijitora@example.ne.jp"), "{}", r.diagnostic());
    assert_eq!(r.classification().reason().id(), "userunknown");
    // The inline copy after qmail's marker gives the original, and is not read for a cause.
    let original = d.original().expect("the inline copy's headers");
    assert_eq!(original.subject.as_deref(), Some("Message"));
    assert_eq!(original.from.as_deref(), Some("Nyanko <nekochan@example.jp>"));

    let d = decode(&sample("bsd/lhost-exim-01.eml"));
    let [r] = d.recipients() else { panic!("{:?}", d.recipients()) };
    // The sender's address in the error text is not a recipient.
    assert_eq!(r.recipient(), Some("kijitora@example.ed.jp"));
    assert_eq!(r.status().unwrap().to_string(), "5.7.0");
    assert_eq!(r.command(), Some(smtp_codes::Command::Mail));
}

/// The rows of the corpus's own expectations (`expected.jsonl`, Sisimai's) for the samples: the
/// ones this decoder agrees with are listed; the others are Sisimai's own decisions that the
/// core's classifier makes differently, and they are checked to stay as they are, so that a
/// change shows up here.
#[test]
fn expected_rows() {
    let expected = std::fs::read_to_string(crate::data().join("expected.jsonl")).unwrap();
    let mut agree = Vec::new();
    let mut differ = Vec::new();
    for line in expected.lines() {
        let want: serde_json::Value = serde_json::from_str(line).unwrap();
        let file = want["file"].as_str().unwrap();
        let index = want["index"].as_u64().unwrap() as usize;
        let d = decode(&sample(file));
        let r = &d.recipients()[index - 1];
        let got = (
            r.status().map(|s| s.to_string()).unwrap_or_default(),
            r.reply_code().map(|s| s.to_string()).unwrap_or_default(),
            r.classification().reason().id(),
        );
        let name = format!("{file}#{index}");
        if (want["status"].as_str().unwrap(), want["reply_code"].as_str().unwrap(), want["reason"].as_str().unwrap())
            == (got.0.as_str(), got.1.as_str(), got.2)
        {
            agree.push(name);
        } else {
            differ.push(format!("{name}: {got:?}"));
        }
    }
    assert_eq!(
        differ,
        [
            // Sisimai calls a delayed 4.4.0 "expired"; the core's code rule gives onhold.
            "bsd/rfc3464-07.eml#1: (\"4.4.0\", \"\", \"onhold\")",
            // "550 user unknown": Sisimai files it as filtered from the message around it.
            "bsd/rfc3464-35.eml#3: (\"5.0.0\", \"550\", \"userunknown\")",
        ],
        "agreeing: {agree:?}"
    );
}

/// A gateway that re-sends a bounce as the attachment of a message of its own (as InterScan
/// did in flufl.bounce's `dsn_15.txt`): the outer message says it is a bounce and gives no
/// recipient, so the attached report is decoded, with a warning that says so. A message that
/// does not say it is a bounce keeps an attached bounce as its returned original.
#[test]
fn a_bounce_wrapped_whole_in_another_message_is_decoded() {
    let inner = sample("bsd/lhost-postfix-31.eml");
    let wrap = |from: &str, subject: &str| {
        let mut m = format!(
            "From: {from}\r\nTo: sender@example.com\r\nSubject: {subject}\r\n\
             MIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=\"WRAP\"\r\n\r\n\
             --WRAP\r\nContent-Type: message/rfc822\r\n\r\n"
        )
        .into_bytes();
        m.extend_from_slice(&inner);
        m.extend_from_slice(b"\r\n--WRAP--\r\n");
        m
    };
    let alone = decode(&inner);
    let d = decode(&wrap("postmaster@gateway.example.net", "Delivery Status Notification (Failure)"));
    assert_eq!(d.kind(), MessageKind::Bounce);
    assert_eq!(d.decoded_by(), DecodedBy::Rfc3464);
    let got: Vec<_> = d.recipients().iter().map(|r| (r.recipient(), r.status())).collect();
    let want: Vec<_> = alone.recipients().iter().map(|r| (r.recipient(), r.status())).collect();
    assert_eq!(got, want);
    assert!(d.warnings().contains(&smtp_codes_bounce::DecodeWarning::Wrapped), "{:?}", d.warnings());

    let forwarded = decode(&wrap("alice@example.org", "Photos from the weekend"));
    assert!(forwarded.recipients().is_empty(), "{:?}", forwarded.recipients());
}

/// A `Non-Delivery:` subject names a bounce whose sender is no mailer daemon (Microsoft CDO's
/// notices, as in flufl.bounce's `microsoft_03.txt`), and Demon Internet's "---- START OF
/// RETURNED MESSAGE ----" starts the copy of the original, whose addresses are no recipients
/// (flufl.bounce's `bounce_03.txt`). Both messages are written here in those shapes.
#[test]
fn a_non_delivery_subject_and_demons_copy_marker() {
    let cdo = "From: <admin@example.com>\nTo: <list-bounces@example.net>\nSubject: Non-Delivery: Your message to the list\n\
               Date: Sat, 21 Jan 2006 21:40:12 -0800\n\n--- Non-Delivery Report ---\n\
               The email below could not be delivered to the following user:\n\n\"bob@example.org\" <bob@example.org>\n";
    let d = decode(cdo.as_bytes());
    let got: Vec<_> = d.recipients().iter().map(|r| r.recipient()).collect();
    assert_eq!(got, [Some("bob@example.org")]);
    let plain = cdo.replace("Subject: Non-Delivery: ", "Subject: ");
    assert!(decode(plain.as_bytes()).recipients().is_empty());

    let demon = "From: Mail Delivery System <Mailer-Daemon@mx.example.net>\nTo: list-admin@example.com\n\
                 Subject: Mail delivery failure\nDate: Wed, 27 Nov 2002 07:11:03 +0000\n\n\
                 This message was created automatically by mail delivery\nsoftware. A message that you sent could not be delivered\n\
                 to all of its recipients.\n\nThe following message, addressed to 'bob@example.org',\n\
                 failed because it has not been collected after 30 days\n\n---- START OF RETURNED MESSAGE ----\n\
                 Received: from mx.example.com by mailstore for bob@example.org\nFrom: list-request@example.com\n\
                 To: list@example.com\nSubject: digest\n\nSend submissions to\n\tlist@example.com\n";
    let d = decode(demon.as_bytes());
    let got: Vec<_> = d.recipients().iter().map(|r| r.recipient()).collect();
    assert_eq!(got, [Some("bob@example.org")]);
    assert_eq!(d.original().and_then(|o| o.to.as_deref()), Some("list@example.com"));
}
