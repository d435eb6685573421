//! Large, deep and broken input: results, never a panic (and no time is asserted).

use smtp_codes_bounce::{DecodeWarning, MAX_MESSAGE, MessageKind, decode};

/// A DSN whose returned original carries `attachments` base64 attachments of `size` bytes each.
fn with_attachments(attachments: usize, size: usize) -> Vec<u8> {
    let mut m = String::from(
        "From: MAILER-DAEMON@mx.example.org\nSubject: Undelivered Mail Returned to Sender\nContent-Type: multipart/report; report-type=delivery-status; boundary=\"B\"\n\n--B\nContent-Type: text/plain\n\nNot delivered.\n\n--B\nContent-Type: message/delivery-status\n\nReporting-MTA: dns; mx.example.org\n\nFinal-Recipient: rfc822; bob@example.net\nAction: failed\nStatus: 5.2.2\nDiagnostic-Code: smtp; 552 5.2.2 Mailbox full\n\n--B\nContent-Type: message/rfc822\n\nFrom: alice@example.org\nSubject: Photos\nContent-Type: multipart/mixed; boundary=\"C\"\n\n--C\nContent-Type: text/plain\n\nHere they are.\n",
    );
    // A line of base64 (76 characters) of pseudo-random bytes.
    let alphabet = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut x: u32 = 12345;
    for a in 0..attachments {
        m.push_str(&format!("--C\nContent-Type: image/jpeg; name=\"p{a}.jpg\"\nContent-Transfer-Encoding: base64\n\n"));
        let mut written = 0;
        while written < size {
            let line: String = (0..76)
                .map(|_| {
                    x = x.wrapping_mul(1_103_515_245).wrapping_add(12345);
                    alphabet[(x >> 16) as usize % 64] as char
                })
                .collect();
            m.push_str(&line);
            m.push('\n');
            written += 77;
        }
    }
    m.push_str("--C--\n\n--B--\n");
    m.into_bytes()
}

#[test]
fn fifteen_megabytes_of_attachments() {
    let m = with_attachments(3, 5 << 20);
    assert!(m.len() > 15 << 20);
    let d = decode(&m);
    assert_eq!(d.kind(), MessageKind::Bounce);
    let [r] = d.recipients() else { panic!() };
    assert_eq!(r.classification().reason().id(), "mailboxfull");
    assert_eq!(d.original().unwrap().subject.as_deref(), Some("Photos"));
}

#[test]
fn too_large_is_skipped() {
    let m = vec![b'a'; MAX_MESSAGE + 1];
    let d = decode(&m);
    assert_eq!(d.kind(), MessageKind::NotABounce);
    assert_eq!(d.warnings(), [DecodeWarning::TooLarge { size: MAX_MESSAGE + 1 }]);
    assert!(d.warnings()[0].to_string().contains("skipped"));
}

#[test]
fn deeply_nested_messages() {
    let mut m = String::from("From: MAILER-DAEMON@mx.example.org\nSubject: Undelivered\n");
    for _ in 0..100_000 {
        m.push_str("Content-Type: message/rfc822\n\n");
    }
    m.push_str("Subject: inner\n\nhello\n");
    let d = decode(m.as_bytes());
    assert!(d.warnings().contains(&DecodeWarning::TooDeep), "{:?}", d.warnings());
}

#[test]
fn deeply_nested_multiparts() {
    let mut m = String::from("From: a@example.org\nSubject: x\n");
    for i in 0..20_000 {
        m.push_str(&format!("Content-Type: multipart/mixed; boundary=\"b{i}\"\n\n--b{i}\n"));
    }
    let d = decode(m.as_bytes());
    assert_eq!(d.kind(), MessageKind::NotABounce);
}

#[test]
fn broken_input() {
    for m in [
        &b""[..],
        b"\r\r\r\n\n",
        b"Content-Type: multipart/report; boundary=\"\"\n\n--\n--\n",
        b"From: x\nContent-Type: message/delivery-status\nContent-Transfer-Encoding: base64\n\n!!!!not base64",
        b"Final-Recipient:\nAction:\nStatus: 9.9.9\nDiagnostic-Code: ;\n",
        b"From \nFrom \n",
        &[0xff, 0xfe, 0x00, b'\n', b':', b'\n'],
    ] {
        let _ = decode(m);
    }
    let d = decode(b"Final-Recipient: rfc822; bob@example.net\nAction: failed\nStatus: bogus\n");
    assert!(d.recipients()[0].warnings().iter().any(|w| matches!(w, DecodeWarning::BadStatus { .. })));
}

#[test]
fn many_recipients() {
    // A report of many recipients without Diagnostic-Code, beside a text naming each: every
    // step that looks up an address is a map or capped, so this stays linear.
    let n = 20_000;
    let mut text = String::new();
    let mut status = String::from("Reporting-MTA: dns; mx.example.org\n\n");
    for i in 0..n {
        text.push_str(&format!("<user{i}@example.net>: 550 5.1.1 unknown\n\n"));
        status.push_str(&format!(
            "Final-Recipient: rfc822; user{i}@example.net\nAction: failed\nStatus: 5.1.1\nX-Note: {i}\n\n"
        ));
    }
    let m = format!(
        "From: MAILER-DAEMON@mx.example.org\nSubject: Undelivered\nContent-Type: multipart/report; report-type=delivery-status; boundary=\"B\"\n\n--B\nContent-Type: text/plain\n\n{text}--B\nContent-Type: message/delivery-status\n\n{status}--B--\n"
    );
    let d = decode(m.as_bytes());
    assert_eq!(d.recipients().len(), n);
    let last = &d.recipients()[n - 1];
    assert_eq!(last.recipient(), Some("user19999@example.net"));
    assert_eq!(last.diagnostic(), "550 5.1.1 unknown");
    // The same addresses in a plain-text bounce, and in X-Failed-Recipients.
    let failed: Vec<String> = (0..n).map(|i| format!("other{i}@example.net")).collect();
    let m = format!(
        "From: MAILER-DAEMON@mx.example.org\nX-Failed-Recipients: {}\nSubject: Undelivered\n\n{text}",
        failed.join(", ")
    );
    let d = decode(m.as_bytes());
    assert_eq!(d.recipients().len(), 2 * n);
}

/// A bounce in a format of the catalogue naming many recipients after its recipient text
/// (Exchange 2003's), each also at the start of a line for the generic reader: the format's
/// recipients and the generic reader's are joined through a map, so this stays linear.
#[test]
fn many_recipients_in_a_format() {
    let n = 20_000;
    let mut text = String::from("Your message\n\n  Subject: Hi\n\n");
    for i in 0..n {
        text.push_str(&format!(
            "did not reach the following recipient(s):\n<user{i}@example.net>: 550 5.1.1 unknown\n\n"
        ));
    }
    let m = format!("From: postmaster@mx.example.org\nSubject: Undeliverable: Hi\n\n{text}");
    let d = decode(m.as_bytes());
    assert_eq!(d.decoded_by().as_str(), "exchange2003");
    assert_eq!(d.recipients().len(), n);
    assert_eq!(d.recipients()[n - 1].recipient(), Some("user19999@example.net"));
}

#[test]
fn one_recipient_of_many_fields() {
    let mut status = String::from("Final-Recipient: rfc822; bob@example.net\nAction: failed\nStatus: 5.1.1\n");
    for i in 0..100_000 {
        status.push_str(&format!("X-Field-{i}: value\n"));
    }
    let m = format!(
        "From: MAILER-DAEMON@mx.example.org\nContent-Type: multipart/report; boundary=\"B\"\n\n--B\nContent-Type: message/delivery-status\n\n{status}--B--\n"
    );
    assert_eq!(decode(m.as_bytes()).recipients().len(), 1);
}
