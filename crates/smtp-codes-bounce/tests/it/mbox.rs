//! Mailboxes: separators, `>From` quoting, a message too large to load, and input sniffing.

use std::io::{BufReader, Read};

use smtp_codes_bounce::{MAX_MESSAGE, Mbox, looks_like_mbox, looks_like_message};

#[test]
fn messages_one_at_a_time() {
    let mbox = b"From MAILER-DAEMON Mon Jan  1 00:00:00 2024\nFrom: MAILER-DAEMON@mx.example.org\nSubject: one\n\n>From the start\n>>From quoted twice\nFrom the middle of a paragraph\n\nFrom b@example.org Tue Jan  2 00:00:00 2024\nSubject: two\n\nbody\n";
    let messages: Vec<_> = Mbox::new(&mbox[..]).map(Result::unwrap).collect();
    assert_eq!(messages.len(), 2);
    assert_eq!(messages[0].number, 1);
    assert_eq!(
        String::from_utf8_lossy(&messages[0].bytes),
        "From: MAILER-DAEMON@mx.example.org\nSubject: one\n\nFrom the start\n>From quoted twice\nFrom the middle of a paragraph\n"
    );
    assert_eq!((messages[1].number, messages[1].too_large), (2, None));
    assert_eq!(messages[1].bytes, b"Subject: two\n\nbody\n");
}

#[test]
fn corpus_messages_in_a_mailbox() {
    let mut mbox = Vec::new();
    let mut names = Vec::new();
    for entry in std::fs::read_dir(crate::data().join("bsd")).unwrap() {
        let path = entry.unwrap().path();
        mbox.extend_from_slice(b"From MAILER-DAEMON Mon Jan  1 00:00:00 2024\n");
        let bytes = std::fs::read(&path).unwrap();
        // mboxrd quoting.
        for line in bytes.split_inclusive(|&b| b == b'\n') {
            if line.iter().skip_while(|&&b| b == b'>').take(5).eq(b"From ") {
                mbox.push(b'>');
            }
            mbox.extend_from_slice(line);
        }
        if !mbox.ends_with(b"\n") {
            mbox.push(b'\n');
        }
        mbox.push(b'\n');
        names.push((path, bytes));
    }
    let messages: Vec<_> = Mbox::new(BufReader::with_capacity(7, &mbox[..])).map(Result::unwrap).collect();
    assert_eq!(messages.len(), names.len());
    for (m, (path, bytes)) in messages.iter().zip(&names) {
        let want = format!("{:?}", smtp_codes_bounce::decode(bytes));
        assert_eq!(format!("{:?}", smtp_codes_bounce::decode(&m.bytes)), want, "{}", path.display());
    }
}

#[test]
fn too_large_message_is_skipped_not_loaded() {
    let head = b"From a@example.org Mon Jan  1 00:00:00 2024\nSubject: big\n\n".to_vec();
    let big = std::io::repeat(b'a').take(MAX_MESSAGE as u64 + 10);
    let tail = b"\n\nFrom b@example.org Tue Jan  2 00:00:00 2024\nSubject: small\n\nbody\n".to_vec();
    let reader = BufReader::new(head.as_slice().chain(big).chain(tail.as_slice()));
    let messages: Vec<_> = Mbox::new(reader).map(Result::unwrap).collect();
    assert_eq!(messages.len(), 2);
    assert_eq!(messages[0].number, 1);
    assert!(messages[0].bytes.is_empty());
    assert!(messages[0].too_large.is_some_and(|size| size > MAX_MESSAGE));
    assert_eq!((messages[1].number, messages[1].bytes.as_slice()), (2, &b"Subject: small\n\nbody\n"[..]));
}

#[test]
fn sniffing() {
    assert!(looks_like_mbox(b"From a@example.org Mon Jan  1 00:00:00 2024\nReturn-Path: <>\n"));
    assert!(!looks_like_mbox(b"From: a@example.org\nSubject: x\n"));
    assert!(looks_like_message(b"From: a@example.org\nSubject: x\n\nbody"));
    assert!(looks_like_message(b"X-One: 1\nX-Two: 2\n"));
    assert!(looks_like_message(b"Received: from x\r\n by y\r\n"));
    assert!(!looks_like_message(b"Hi. This is the qmail-send program at mx.example.org.\n"));
    assert!(!looks_like_message(b"<bob@example.org>:\n550 no\n"));
    assert!(!looks_like_message(b""));
}
