//! Deciding on synthetic messages: the Status field against the diagnostic's code, the kinds of
//! reports, and what is never read for a cause.

use smtp_codes_bounce::{Action, DecodeWarning, DecodedBy, MessageKind, decode};

/// A DSN with one recipient block made of `fields`, under `headers`.
fn dsn(headers: &str, fields: &str) -> Vec<u8> {
    format!(
        "{headers}From: MAILER-DAEMON@mx.example.org\nSubject: Undelivered Mail Returned to Sender\nMIME-Version: 1.0\nContent-Type: multipart/report; report-type=delivery-status; boundary=\"B\"\n\n--B\nContent-Type: text/plain\n\nYour message could not be delivered.\n\n--B\nContent-Type: message/delivery-status\n\nReporting-MTA: dns; mx.example.org\n\n{fields}\n--B\nContent-Type: message/rfc822\n\nFrom: alice@example.org\nTo: bob@example.net\nSubject: Hello\nMessage-ID: <m1@example.org>\nX-Mailer: Apple Mail (2.753.1)\n\nThe body says 550 5.7.1 spam detected, which is no cause.\n--B--\n"
    )
    .into_bytes()
}

fn one(message: &[u8]) -> smtp_codes_bounce::Recipient {
    let d = decode(message);
    let [r] = d.recipients() else { panic!("one recipient: {:?}", d.recipients()) };
    r.clone()
}

#[test]
fn the_more_specific_code_wins() {
    // The Status field is more specific than the text's X.0.0.
    let r = one(&dsn(
        "",
        "Final-Recipient: rfc822; bob@example.net\nAction: failed\nStatus: 5.1.1\nDiagnostic-Code: smtp; 550 5.0.0 No such user\n",
    ));
    assert_eq!(r.status().unwrap().to_string(), "5.1.1");
    assert_eq!(r.status_field().unwrap().to_string(), "5.1.1");
    assert_eq!(r.reply_code().unwrap(), 550);
    assert!(matches!(r.warnings(), [DecodeWarning::StatusDiffers { .. }]));
    // The explanation carries the decided code and the reply text.
    let e = r.explanation();
    assert_eq!(e.enhanced_code(), r.status());
    assert_eq!(e.reply_code(), r.reply_code());
    assert_eq!(e.diagnosis().text(), "No such user");

    // The text's code is more specific than the Status field.
    let r = one(&dsn(
        "",
        "Final-Recipient: rfc822; bob@example.net\nAction: failed\nStatus: 5.0.0\nDiagnostic-Code: smtp; 552 5.2.2 Mailbox full\n",
    ));
    assert_eq!(r.status().unwrap().to_string(), "5.2.2");
    assert_eq!(r.classification().reason().id(), "mailboxfull");
    assert!(
        matches!(r.warnings(), [DecodeWarning::StatusDiffers { status, diagnostic }] if status.to_string() == "5.0.0" && diagnostic.to_string() == "5.2.2")
    );
    assert!(r.warnings()[0].to_string().contains("5.0.0"));

    // As specific: the remote server's code in the text wins.
    let r = one(&dsn(
        "",
        "Final-Recipient: rfc822; bob@example.net\nAction: failed\nStatus: 5.1.1\nDiagnostic-Code: smtp; 552 5.2.2 Mailbox full\n",
    ));
    assert_eq!(r.status().unwrap().to_string(), "5.2.2");

    // No diagnostic: the Status field decides by its code rule.
    let r = one(&dsn("", "Final-Recipient: rfc822; bob@example.net\nAction: failed\nStatus: 5.1.1\n"));
    assert_eq!(r.status().unwrap().to_string(), "5.1.1");
    assert_eq!(r.classification().reason().id(), "userunknown");
    assert!(r.warnings().is_empty());
}

#[test]
fn command_and_remote_host() {
    let r = one(&dsn(
        "",
        "Final-Recipient: rfc822; bob@gmail.com\nAction: failed\nStatus: 5.2.2\nRemote-MTA: dns; gmail-smtp-in.l.google.com [192.0.2.1]\nDiagnostic-Code: smtp; 552-5.2.2 The email account that you tried to reach is over quota.\n  552 5.2.2 (in reply to RCPT TO command)\n",
    ));
    assert_eq!(r.remote_mta(), Some("gmail-smtp-in.l.google.com"));
    assert_eq!(r.command(), Some(smtp_codes::Command::Rcpt));
    let c = r.classification();
    assert_eq!(c.reason().id(), "mailboxfull");
    assert_eq!(c.provider().map(|p| p.id()), Some("gmail"));
}

#[test]
fn never_a_cause_from_headers_or_the_original() {
    let headers = "Authentication-Results: mx.example.org; dmarc=pass; spf=fail; dkim=fail\nX-Virus-Status: Clean\nX-Virus-Scanned: infected\nX-Mailer: Apple Mail (2.753.1)\nReceived: from x by y; 550 5.7.1 relay denied\n";
    let r = one(&dsn(
        headers,
        "Final-Recipient: rfc822; bob@example.net\nAction: failed\nStatus: 5.2.2\nDiagnostic-Code: smtp; 552 Mailbox full\n",
    ));
    assert_eq!(r.status().unwrap().to_string(), "5.2.2");
    assert_eq!(r.classification().reason().id(), "mailboxfull");
    // The same headers on an ordinary message make no bounce.
    let plain = format!("{headers}From: alice@example.org\nTo: bob@example.net\nSubject: Lunch\n\nSee you at noon.\n");
    let d = decode(plain.as_bytes());
    assert_eq!(d.kind(), MessageKind::NotABounce);
    assert!(d.recipients().is_empty());
}

#[test]
fn kinds_of_reports() {
    let d = decode(&dsn(
        "",
        "Final-Recipient: rfc822; a@example.net\nAction: delivered\nStatus: 2.0.0\n\nFinal-Recipient: rfc822; b@example.net\nAction: relayed\nStatus: 2.0.0\n\nFinal-Recipient: rfc822; c@example.net\nAction: expanded\nStatus: 2.0.0\n",
    ));
    assert_eq!(d.kind(), MessageKind::Delivered);
    assert!(d.recipients().iter().all(|r| r.classification().reason().id() == "delivered"));
    let actions: Vec<_> = d.recipients().iter().map(|r| r.action().unwrap()).collect();
    assert_eq!(actions, [Action::Delivered, Action::Relayed, Action::Expanded]);
    let d = decode(&dsn(
        "",
        "Final-Recipient: rfc822; a@example.net\nAction: delayed\nStatus: 4.4.1\nWill-Retry-Until: Mon, 1 Jan 2024 00:00:00 +0000\n",
    ));
    assert_eq!(d.kind(), MessageKind::Delay);
    let d = decode(&dsn(
        "",
        "Final-Recipient: rfc822; a@example.net\nAction: delayed\nStatus: 4.4.1\n\nFinal-Recipient: rfc822; b@example.net\nAction: failed\nStatus: 5.1.1\n",
    ));
    assert_eq!(d.kind(), MessageKind::Bounce);
    assert_eq!(d.original().unwrap().message_id.as_deref(), Some("m1@example.org"));
    // An unknown Action is reported.
    let d = decode(&dsn("", "Final-Recipient: rfc822; a@example.net\nAction: exploded\nStatus: 5.1.1\n"));
    assert!(matches!(d.recipients()[0].warnings(), [DecodeWarning::UnknownAction { .. }]));
}

#[test]
fn global_dsn_with_utf8_address() {
    let m = "From: MAILER-DAEMON@mx.example.org\nSubject: Undelivered\nContent-Type: multipart/report; report-type=delivery-status; boundary=\"B\"\n\n--B\nContent-Type: message/global-delivery-status\n\nReporting-MTA: dns; mx.example.org\n\nFinal-Recipient: utf-8; j\\x{F6}rg@b\\x{FC}cher.example\nOriginal-Recipient: utf-8; jörg@bücher.example\nAction: failed\nStatus: 5.1.1\n--B--\n";
    let r = one(m.as_bytes());
    assert_eq!(r.recipient(), Some("jörg@bücher.example"));
    assert_eq!(r.original_recipient(), Some("jörg@bücher.example"));
}

#[test]
fn read_receipts_are_not_bounces() {
    let m = "From: bob@example.net\nSubject: Read: Hello\nContent-Type: multipart/report; report-type=disposition-notification; boundary=\"B\"\n\n--B\nContent-Type: text/plain\n\nYour message was read.\n--B\nContent-Type: message/disposition-notification\n\nFinal-Recipient: rfc822; bob@example.net\nDisposition: manual-action/MDN-sent-manually; displayed\n--B--\n";
    let d = decode(m.as_bytes());
    assert_eq!(d.kind(), MessageKind::NotABounce);
    assert!(d.recipients().is_empty());
}

#[test]
fn auto_replies() {
    for (headers, subject) in [
        ("Auto-Submitted: auto-replied\n", "Re: Hello"),
        ("X-Autoreply: yes\n", "Re: Hello"),
        ("X-Autorespond: on\n", "Re: Hello"),
        ("Precedence: auto_reply\n", "Re: Hello"),
        ("", "Automatische Antwort: Hello"),
        ("", "=?ISO-8859-1?Q?R=E9ponse_automatique_:_Bonjour?="),
        ("", "Respuesta automática: Hola"),
        ("", "Risposta automatica: Ciao"),
        ("", "Resposta automática: Olá"),
        ("", "Automatisch antwoord: Hallo"),
        // ISO-2022-JP: "自動応答: テスト"
        ("", "=?ISO-2022-JP?B?GyRCPCtGMDF+RXobKEI6IBskQiVGJTklSBsoQg==?="),
        ("", "Out of Office: Hello"),
        // Exchange's out-of-office replies (the headers of Zammad's test of them).
        ("X-Auto-Response-Suppress: All\nX-MS-Exchange-Inbox-Rules-Loop: bob@example.net\n", "Lorem ipsum"),
    ] {
        let m = format!(
            "From: Bob <bob@example.net>\nTo: alice@example.org\n{headers}Subject: {subject}\n\nI am out until Monday.\n"
        );
        let d = decode(m.as_bytes());
        assert_eq!(d.kind(), MessageKind::Vacation, "{headers}{subject}");
        assert_eq!(d.recipients()[0].recipient(), Some("bob@example.net"));
        assert_eq!(d.recipients()[0].classification().reason().id(), "vacation");
    }
    // Either Exchange header alone is on ordinary mail.
    for headers in ["X-Auto-Response-Suppress: All\n", "X-MS-Exchange-Inbox-Rules-Loop: bob@example.net\n"] {
        let m = format!(
            "From: Bob <bob@example.net>\nTo: alice@example.org\n{headers}Subject: Lorem ipsum\n\nSome text.\n"
        );
        assert_eq!(decode(m.as_bytes()).kind(), MessageKind::NotABounce, "{headers}");
    }
    // Exim's bounces say `Auto-Submitted: auto-replied` too; they are bounces.
    let m = "From: Mail Delivery System <Mailer-Daemon@mx.example.org>\nAuto-Submitted: auto-replied\nSubject: Mail delivery failed: returning message to sender\n\nThe following address(es) failed:\n\n  bob@example.net\n    host mx.example.net [192.0.2.1]\n    SMTP error from remote mail server after RCPT TO:<bob@example.net>:\n    550 5.1.1 User unknown\n";
    let d = decode(m.as_bytes());
    assert_eq!((d.kind(), d.decoded_by()), (MessageKind::Bounce, DecodedBy::Generic));
    assert_eq!(d.recipients()[0].classification().reason().id(), "userunknown");
    // A decoded subject: the bounce's own subject, encoded words decoded.
    assert_eq!(d.subject(), Some("Mail delivery failed: returning message to sender"));
}

#[test]
fn pasted_bodies() {
    // A qmail bounce body without headers.
    let body = "Hi. This is the qmail-send program at mx.example.org.\nI'm afraid I wasn't able to deliver your message to the following addresses.\n\n<bob@example.net>:\n192.0.2.1 does not like recipient.\nRemote host said: 550 5.1.1 <bob@example.net>: Recipient address rejected: User unknown\n\n--- Below this line is a copy of the message.\n\nFrom: alice@example.org\nSubject: Hi\n\nbody\n";
    let d = decode(body.as_bytes());
    assert_eq!((d.kind(), d.decoded_by().as_str()), (MessageKind::Bounce, "qmail"));
    assert_eq!(d.recipients()[0].recipient(), Some("bob@example.net"));
    assert_eq!(d.recipients()[0].classification().reason().id(), "userunknown");
    assert_eq!(d.original().unwrap().subject.as_deref(), Some("Hi"));
    // Delivery-status fields without the message around them.
    let fields = "Reporting-MTA: dns; mx.example.org\n\nFinal-Recipient: rfc822; bob@example.net\nAction: failed\nStatus: 5.2.2\nDiagnostic-Code: smtp; 552 5.2.2 Mailbox full\n";
    let d = decode(fields.as_bytes());
    assert_eq!((d.kind(), d.decoded_by()), (MessageKind::Bounce, DecodedBy::Rfc3464));
    assert_eq!(d.reporting_mta(), Some("mx.example.org"));
    assert_eq!(d.recipients()[0].classification().reason().id(), "mailboxfull");
    // Text that is no bounce.
    let d = decode(b"hello, world");
    assert_eq!(d.kind(), MessageKind::NotABounce);
    assert_eq!(d.warnings(), [DecodeWarning::NotMail]);
}

#[test]
fn plain_text_with_failed_recipients_header() {
    let m = "From: postmaster@mx.example.org\nX-Failed-Recipients: bob@example.net, carol@example.net\nSubject: Delivery failure\n\nDelivery to bob@example.net failed: 550 5.1.1 no such user.\n\nDelivery to carol@example.net failed: 552 5.2.2 mailbox full.\n";
    let d = decode(m.as_bytes());
    let got: Vec<_> =
        d.recipients().iter().map(|r| (r.recipient().unwrap(), r.classification().reason().id())).collect();
    assert_eq!(got, [("bob@example.net", "userunknown"), ("carol@example.net", "mailboxfull")]);
    // Header names in any case.
    let d = decode(m.replace("X-Failed-Recipients", "X-FAILED-RECIPIENTS").as_bytes());
    assert_eq!(d.recipients().len(), 2);
    let m = "From: Bob <bob@example.net>\nAUTO-SUBMITTED: Auto-Replied\nSubject: Hello\n\nAway.\n";
    assert_eq!(decode(m.as_bytes()).kind(), MessageKind::Vacation);
}

/// A Sieve `reject` (RFC 5429 §2.2.1) answers with a disposition notification whose disposition
/// is `deleted`: a bounce of its recipient, not a read receipt. (The shape of Dovecot's, as in
/// flufl.bounce's `simple_38.txt`.) A `displayed` disposition stays a read receipt.
#[test]
fn a_sieve_reject_is_a_bounce_and_a_read_receipt_is_not() {
    let mdn = |disposition: &str| {
        format!(
            "From: Mail Delivery Subsystem <postmaster@example.org>\nTo: alice@example.net\nSubject: Automatically rejected mail\nMIME-Version: 1.0\nContent-Type: multipart/report; report-type=disposition-notification; boundary=\"b\"\n\n--b\nContent-Type: text/plain; charset=utf-8\n\nYour message to <bob@example.org> was automatically rejected:\nQuota exceeded\n\n--b\nContent-Type: message/disposition-notification\n\nReporting-UA: mail; Dovecot Mail Delivery Agent\nFinal-Recipient: rfc822; bob@example.org\nOriginal-Message-ID: <1@example.net>\nDisposition: automatic-action/MDN-sent-automatically; {disposition}\n\n--b--\n"
        )
    };
    let d = decode(mdn("deleted").as_bytes());
    assert_eq!((d.kind(), d.decoded_by().as_str()), (MessageKind::Bounce, "rfc5429"));
    let [r] = d.recipients() else { panic!("{:?}", d.recipients()) };
    assert_eq!(r.recipient(), Some("bob@example.org"));
    assert_eq!(r.action(), Some(Action::Failed));
    assert_eq!(r.classification().reason().id(), "mailboxfull");
    let d = decode(mdn("displayed").as_bytes());
    assert_eq!(d.kind(), MessageKind::NotABounce);
    assert!(d.recipients().is_empty());
}

/// A plain-text bounce is a failure whatever its codes' class, unless its text says it is a
/// warning of delay: qmail gives up on a `4.4.1` after days in the queue, while Exim's and
/// Sendmail's warnings say the MTA is still trying. Each recipient's action says which.
#[test]
fn a_plain_text_bounce_is_a_failure_unless_it_says_it_is_a_warning() {
    let qmail = "From: MAILER-DAEMON@mx.example.org\nSubject: failure notice\n\nHi. This is the qmail-send program at mx.example.org.\nI'm afraid I wasn't able to deliver your message to the following addresses.\nThis is a permanent error; I've given up. Sorry it didn't work out.\n\n<bob@example.net>:\nSorry, I wasn't able to establish an SMTP connection. (#4.4.1)\nI'm not going to try again; this message has been in the queue too long.\n";
    let d = decode(qmail.as_bytes());
    assert_eq!(d.kind(), MessageKind::Bounce);
    assert_eq!(d.recipients()[0].action(), Some(Action::Failed));
    let exim = "From: Mail Delivery System <Mailer-Daemon@mx.example.org>\nSubject: Warning: message 1abc delayed 24 hours\n\nThis message was created automatically by mail delivery software.\nA message that you sent has not yet been delivered to one or more of its\nrecipients after more than 24 hours on the queue on mx.example.org.\n\n  bob@example.net\n    host mx.example.net [192.0.2.1]: Connection timed out\n\nNo action is required on your part. Delivery attempts will continue for\nsome time, and this warning may be repeated at intervals if the message\nremains undelivered.\n";
    let d = decode(exim.as_bytes());
    assert_eq!(d.kind(), MessageKind::Delay);
    assert_eq!(d.recipients()[0].recipient(), Some("bob@example.net"));
    assert_eq!(d.recipients()[0].action(), Some(Action::Delayed));
}

/// An address an alias expanded into is one recipient: Exim's `(generated from ...)` and
/// Sendmail's `(expanded from: ...)` under it name its `original_recipient`, never a second
/// recipient, and are no part of its error text.
#[test]
fn an_expanded_address_is_one_recipient_with_its_original() {
    let exim = b"From: Mail Delivery System <Mailer-Daemon@mx.example.net>\nTo: alice@example.net\nSubject: Mail delivery failed: returning message to sender\n\nThis message was created automatically by mail delivery software.\n\nA message that you sent could not be delivered to one or more of its\nrecipients. This is a permanent error. The following address(es) failed:\n\n  bob@final.example.com\n    (generated from bob@example.org)\n    host mx.final.example.com [192.0.2.1]\n    SMTP error from remote mail server after RCPT TO:<bob@final.example.com>:\n    550 5.1.1 User unknown\n";
    let sendmail = b"From: Mail Delivery Subsystem <MAILER-DAEMON@mx.example.net>\nSubject: Returned mail: see transcript for details\n\n   ----- The following addresses had permanent fatal errors -----\nbob@final.example.com\n    (expanded from: <bob@example.org>)\n\n   ----- Transcript of session follows -----\n550 5.1.1 bob@final.example.com... User unknown\n";
    for message in [&exim[..], &sendmail[..]] {
        let d = decode(message);
        let got: Vec<(Option<&str>, Option<&str>)> =
            d.recipients().iter().map(|r| (r.recipient(), r.original_recipient())).collect();
        assert_eq!(got, [(Some("bob@final.example.com"), Some("bob@example.org"))], "{:?}", d.decoded_by());
        let diagnostic = d.recipients()[0].diagnostic();
        assert!(!diagnostic.contains("generated from") && !diagnostic.contains("expanded from"), "{diagnostic}");
        assert_eq!(d.recipients()[0].classification().reason().id(), "userunknown");
    }
}

/// A bounce a person forwarded with its lines quoted (`Begin forwarded message:` above `> `
/// lines) is read as the bounce it quotes: its report's recipient, never the quoted headers'
/// addresses.
#[test]
fn a_bounce_forwarded_as_quoted_text_is_read_as_the_bounce() {
    let message = b"From: alice@example.net\nTo: postmaster@example.net\nSubject: Fwd: Returned mail\n\nForward the message.\n\nBegin forwarded message:\n\n> From: Mail Delivery Subsystem <MAILER-DAEMON>\n> To: <alice@example.net>\n> Subject: Returned mail: see transcript for details\n>\n>    ----- The following addresses had permanent fatal errors -----\n> <bob@example.org>\n>     (reason: 550 5.1.1 <bob@example.org>... User unknown)\n>\n> Final-Recipient: RFC822; bob@example.org\n> Action: failed\n> Status: 5.1.1\n> Diagnostic-Code: SMTP; 550 5.1.1 <bob@example.org>... User unknown\n";
    let d = decode(message);
    let got: Vec<Option<&str>> = d.recipients().iter().map(|r| r.recipient()).collect();
    assert_eq!(got, [Some("bob@example.org")]);
    assert_eq!(d.recipients()[0].classification().reason().id(), "userunknown");
}

/// Microsoft's and Amazon SES's complaints have no feedback report part: the complained-of
/// message attached to a message from their complaints address, "complaint about message from".
#[test]
fn a_complaint_of_microsofts_own_form_is_a_feedback_report() {
    let complaint = |from: &str| {
        format!(
            "From: {from}\nSubject: complaint about message from 192.0.2.1\nTo: fbl@example.org\nMIME-Version: 1.0\nContent-Type: multipart/mixed; boundary=\"B\"\n\n--B\nContent-Type: message/rfc822\n\nX-HmXmrOriginalRecipient: bob@hotmail.com\nFrom: alice@example.org\nTo: bob@hotmail.com\nSubject: News\n\nHello\n--B--\n"
        )
    };
    let d = decode(complaint("staff@hotmail.com").as_bytes());
    assert_eq!(d.kind(), MessageKind::Feedback);
    assert_eq!(d.feedback().map(|f| f.feedback_type.as_str()), Some("abuse"));
    // The same message from anyone else is no report.
    assert_eq!(decode(complaint("staff@example.com").as_bytes()).kind(), MessageKind::NotABounce);
}

/// A header's parameter list that goes on at the start of the next line (`boundary=` unindented
/// after `report-type=feedback-report;`) is read as its continuation.
#[test]
fn a_parameter_list_continued_without_indent_keeps_its_boundary() {
    let report = "From: <abusedesk@example.com>\nSubject: FW: Earn money\nMIME-Version: 1.0\nContent-Type: multipart/report; report-type=feedback-report;\nboundary=\"part1\"\n\n--part1\nContent-Type: text/plain\n\nThis is an abuse report.\n\n--part1\nContent-Type: message/feedback-report\n\nFeedback-Type: abuse\nUser-Agent: SomeGenerator/1.0\nVersion: 0.1\n\n--part1--\n";
    let d = decode(report.as_bytes());
    assert_eq!(d.kind(), MessageKind::Feedback);
    assert_eq!(d.feedback().map(|f| f.feedback_type.as_str()), Some("abuse"));
}

/// A pasted text whose only "reply code" is three digits of a telephone number, with no address
/// and no text the classifier knows, is no bounce.
#[test]
fn three_digits_of_a_telephone_number_are_no_bounce() {
    let text = "Thank you for your booking.\n\nFor bookings please contact the office on 021 555 3013 or email us.\n";
    assert_eq!(decode(text.as_bytes()).kind(), MessageKind::NotABounce);
    // With a known error text it is one.
    let text = "Delivery failed.\n\n550 5.1.1 User unknown\n";
    assert_eq!(decode(text.as_bytes()).kind(), MessageKind::Bounce);
}

/// An address alone on its line takes the paragraphs after it, but not a virus scanner's banner
/// set off by a run of blank lines.
#[test]
fn a_banner_after_blank_lines_is_not_the_error_text() {
    let message = "From: postmaster@example.org\nSubject: Delivery Status Notification (Failure)\nMIME-Version: 1.0\nContent-Type: multipart/report; report-type=delivery-status; boundary=\"B\"\n\n--B\nContent-Type: text/plain\n\nDelivery to the following recipients failed.\n\n       bob@example.org\n\n\n\n\n\n__________ Scanner banner __________\n\nThis message was checked by the NOD32 antivirus system\n\n--B\nContent-Type: message/delivery-status\n\nReporting-MTA: dns;mx.example.org\n\nFinal-Recipient: rfc822;bob@example.org\nAction: failed\nStatus: 5.1.1\n\n--B--\n";
    let r = one(message.as_bytes());
    assert_eq!(r.classification().reason().id(), "userunknown", "{}", r.diagnostic());
    assert!(!r.diagnostic().contains("antivirus"), "{}", r.diagnostic());
}

/// A `Diagnostic-Code` that holds only the first line of a multi-line reply (Sendmail writes it
/// so) is completed from the transcript in the report's text: here the last line says the
/// sender's address failed verification, which is no reason to stop mailing the recipient.
#[test]
fn a_diagnostic_holding_a_replys_first_line_is_completed_from_the_transcript() {
    let message = "From: MAILER-DAEMON@example.com\nSubject: Returned mail: see transcript for details\nMIME-Version: 1.0\nContent-Type: multipart/report; report-type=delivery-status; boundary=\"B\"\n\n--B\nContent-Type: text/plain\n\n   ----- The following addresses had permanent fatal errors -----\n<bob@example.net>\n    (reason: 550-Verification failed for <alice@example.com>)\n\n   ----- Transcript of session follows -----\n... while talking to example.net.:\n>>> DATA\n<<< 550-Verification failed for <alice@example.com>\n<<< 550-No Such User Here\n<<< 550 Sender verify failed\n550 5.1.1 <bob@example.net>... User unknown\n\n--B\nContent-Type: message/delivery-status\n\nReporting-MTA: dns; example.com\n\nFinal-Recipient: RFC822; bob@example.net\nAction: failed\nStatus: 5.1.1\nDiagnostic-Code: SMTP; 550-Verification failed for <alice@example.com>\n\n--B--\n";
    let r = one(message.as_bytes());
    assert!(r.diagnostic().ends_with("550 Sender verify failed"), "{}", r.diagnostic());
    assert_eq!(r.classification().reason().id(), "rejected");
    assert!(!r.classification().reason().hard_bounce());
}

/// A message that is a bounce by its subject and its sender but names no recipient is a bounce
/// of an unknown recipient with a warning (as Yale's directory gateway wrote one, flufl's
/// `yale_01.txt`); by its subject alone it is not.
#[test]
fn a_bounce_by_subject_and_sender_without_a_recipient() {
    let m = "From: MAILER-DAEMON@mx.example.org\nSubject: Returned mail - nameserver error report\n\n --------Message not delivered to the following:\n\n bob    No matches to nameserver query\n";
    let d = decode(m.as_bytes());
    assert_eq!(d.kind(), MessageKind::Bounce);
    let [r] = d.recipients() else { panic!("one record: {:?}", d.recipients()) };
    assert_eq!(r.recipient(), None);
    assert!(r.diagnostic().contains("No matches to nameserver query"), "{}", r.diagnostic());
    assert_eq!(d.warnings(), [DecodeWarning::NoRecipientInText]);
    let d = decode(m.replace("MAILER-DAEMON@mx.example.org", "Bob <bob@example.net>").as_bytes());
    assert!(d.recipients().is_empty(), "{:?}", d.recipients());
}

/// The one recipient whose text holds no code takes the first paragraph with a failure code,
/// never a version number that reads as a success code (flufl's `groupwise_02.txt` quotes the
/// subject "RELEASED Mailman 2.0.12"), and takes a paragraph with an enhanced code alone.
#[test]
fn the_only_recipient_takes_a_failure_code_paragraph() {
    let m = "From: MAILER-DAEMON@mx.example.org\nSubject: Undeliverable: RELEASED Mailman 2.0.12\n\nbob@example.net: the message could not be delivered\n\nSubject: RELEASED Mailman 2.0.12\n\nAdditional information follows:\n-- 5.1.1 Recipient address rejected: no such user\n";
    let r = one(m.as_bytes());
    assert_eq!(r.recipient(), Some("bob@example.net"));
    assert!(r.diagnostic().contains("5.1.1 Recipient address rejected"), "{}", r.diagnostic());
    assert!(!r.diagnostic().contains("2.0.12"), "{}", r.diagnostic());
    assert_eq!(r.classification().reason().id(), "userunknown");
    let without = one(m.replace("-- 5.1.1 Recipient address rejected: no such user", "Nothing more.").as_bytes());
    assert_ne!(without.classification().reason().id(), "delivered", "{}", without.diagnostic());
}
