//! `smtp-codes bounce`: whole messages, mboxes, folders and standard input, human rows, JSON
//! records and summaries; and `explain` given a whole message.

use super::{json_lines, run, run_with_stdin, stderr, stdout, temp_dir};

/// A delivery status notification for `rcpt` with `status` and `diagnostic`.
fn dsn(rcpt: &str, status: &str, diagnostic: &str) -> String {
    format!(
        "From: MAILER-DAEMON@mx.example.org\n\
Subject: Undelivered Mail Returned to Sender\n\
MIME-Version: 1.0\n\
Content-Type: multipart/report; report-type=delivery-status; boundary=\"b\"\n\
\n\
--b\n\
Content-Type: text/plain\n\
\n\
Your message could not be delivered.\n\
--b\n\
Content-Type: message/delivery-status\n\
\n\
Reporting-MTA: dns; mx.example.org\n\
\n\
Final-Recipient: rfc822; {rcpt}\n\
Action: failed\n\
Status: {status}\n\
Diagnostic-Code: smtp; {diagnostic}\n\
--b--\n"
    )
}

/// A message that is no bounce.
const LETTER: &str = "From: alice@example.org\nTo: bob@example.net\nSubject: lunch\n\nSee you at noon.\n";

#[test]
fn a_message_file_gives_one_json_record_per_recipient() {
    let dir = temp_dir("bounce-one");
    let path = dir.join("bounce.eml");
    std::fs::write(&path, dsn("bob@example.net", "5.1.1", "550 5.1.1 <bob@example.net>: User unknown")).unwrap();
    let o = run(&["bounce", "--json", path.to_str().unwrap()]);
    assert!(o.status.success(), "{}", stderr(&o));
    let records = json_lines(&o);
    assert_eq!(records.len(), 1, "{records:?}");
    let r = &records[0];
    assert_eq!(
        (&r["recipient"], &r["reason"], &r["hard_bounce"], &r["status"], &r["message"], &r["index"]),
        (&"bob@example.net".into(), &"userunknown".into(), &true.into(), &"5.1.1".into(), &1.into(), &1.into())
    );
    assert_eq!(r["file"], path.to_str().unwrap());
}

#[test]
fn an_mbox_is_read_message_by_message_and_a_folder_recursively() {
    let dir = temp_dir("bounce-mbox");
    let mbox = format!(
        "From MAILER-DAEMON Tue Dec  1 10:00:00 2026\n{}\nFrom alice@example.org Tue Dec  1 10:01:00 2026\n{LETTER}\nFrom MAILER-DAEMON Tue Dec  1 10:02:00 2026\n{}\n",
        dsn("bob@example.net", "5.1.1", "550 5.1.1 User unknown"),
        dsn("carol@example.com", "5.2.2", "552 5.2.2 Mailbox full")
    );
    std::fs::create_dir_all(dir.join("sub/cur")).unwrap();
    std::fs::write(dir.join("sub/cur/box.mbox"), &mbox).unwrap();
    std::fs::write(dir.join("one.eml"), dsn("dave@example.org", "4.4.7", "451 4.4.7 Message expired")).unwrap();
    let o = run(&["bounce", "--json", dir.to_str().unwrap()]);
    assert!(o.status.success(), "{}", stderr(&o));
    let got: Vec<(String, u64, String)> = json_lines(&o)
        .iter()
        .map(|r| {
            let file = r["file"].as_str().unwrap().rsplit('/').next().unwrap().to_owned();
            (file, r["message"].as_u64().unwrap(), r["recipient"].as_str().unwrap().to_owned())
        })
        .collect();
    assert_eq!(
        got,
        [
            ("one.eml".to_owned(), 1, "dave@example.org".to_owned()),
            ("box.mbox".to_owned(), 1, "bob@example.net".to_owned()),
            ("box.mbox".to_owned(), 3, "carol@example.com".to_owned()),
        ]
    );
    let o = run(&["bounce", "--summary", "--json", dir.to_str().unwrap()]);
    let s: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!((&s["messages"], &s["not_bounces"], &s["recipients"]), (&4.into(), &1.into(), &3.into()));
    assert_eq!(s["reason"]["mailboxfull"], 1);
    assert_eq!(s["decoded_by"]["rfc3464"], 3);
}

/// A qmail bounce is read in its format, and the summary counts messages by the reader that
/// decoded them.
#[test]
fn the_summary_counts_messages_by_reader() {
    let dir = temp_dir("bounce-readers");
    std::fs::create_dir_all(&dir).unwrap();
    let qmail = "From: MAILER-DAEMON@mx.example.org\nSubject: failure notice\n\nHi. This is the qmail-send program at mx.example.org.\nI'm afraid I wasn't able to deliver your message to the following addresses.\n\n<bob@example.net>:\n192.0.2.1 does not like recipient.\nRemote host said: 550 5.1.1 no such user\n";
    std::fs::write(dir.join("qmail.eml"), qmail).unwrap();
    std::fs::write(dir.join("dsn.eml"), dsn("carol@example.com", "5.2.2", "552 5.2.2 Mailbox full")).unwrap();
    let o = run(&["bounce", "--json", dir.join("qmail.eml").to_str().unwrap()]);
    assert_eq!(json_lines(&o)[0]["decoded_by"], "qmail", "{}", stdout(&o));
    let o = run(&["bounce", "--summary", "--json", dir.to_str().unwrap()]);
    let s: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!((&s["decoded_by"]["qmail"], &s["decoded_by"]["rfc3464"]), (&1.into(), &1.into()));
    let o = run(&["bounce", "--summary", dir.to_str().unwrap()]);
    let out = stdout(&o);
    assert!(
        out.contains("DECODED BY") && out.lines().any(|l| l.starts_with("qmail") && l.trim_end().ends_with('1')),
        "{out}"
    );
}

#[test]
fn human_rows_name_the_recipient_and_a_letter_is_no_bounce() {
    let o = run_with_stdin(&["bounce"], dsn("bob@example.net", "5.1.1", "550 5.1.1 User unknown").as_bytes());
    let out = stdout(&o);
    assert!(out.contains("-#1  bounce  (rfc3464)  from mx.example.org"), "{out}");
    assert!(out.lines().any(|l| l.contains("bob@example.net") && l.contains("userunknown hard")), "{out}");
    let o = run_with_stdin(&["bounce"], LETTER.as_bytes());
    assert!(o.status.success());
    assert!(stdout(&o).contains("not a bounce"), "{}", stdout(&o));
    let o = run_with_stdin(&["bounce", "--json"], LETTER.as_bytes());
    assert!(o.status.success() && stdout(&o).is_empty(), "{}", stdout(&o));
}

#[test]
fn a_missing_path_is_an_error_with_status_2() {
    let o = run(&["bounce", "/nonexistent/bounce.eml"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("/nonexistent/bounce.eml"), "{}", stderr(&o));
}

#[test]
fn explain_decodes_a_whole_message_and_says_so() {
    let message = dsn("bob@example.net", "5.2.2", "552 5.2.2 Mailbox full");
    let o = run_with_stdin(&["explain", "--json"], message.as_bytes());
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(stderr(&o).contains("is a whole message"), "{}", stderr(&o));
    let records = json_lines(&o);
    assert_eq!((records.len(), &records[0]["reason"]), (1, &"mailboxfull".into()));
    let dir = temp_dir("explain-message");
    let path = dir.join("bounce.eml");
    std::fs::write(&path, &message).unwrap();
    let o = run(&["explain", path.to_str().unwrap()]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(stdout(&o).lines().any(|l| l.contains("bob@example.net") && l.contains("mailboxfull")), "{}", stdout(&o));
}

/// With `--threads` the messages are decoded on workers in batches, and every output (JSON
/// records, human rows, the summary) is byte for byte what one thread writes, in input order.
#[test]
fn threads_give_the_output_of_one_thread_in_the_same_order() {
    let dir = temp_dir("bounce-threads");
    std::fs::create_dir_all(&dir).unwrap();
    // More messages than one batch holds, so that several batches are in flight at once.
    let mut mbox = String::new();
    for i in 0..300 {
        let message = match i % 3 {
            0 => dsn(&format!("user{i}@example.net"), "5.1.1", "550 5.1.1 User unknown"),
            1 => LETTER.to_owned(),
            _ => dsn(&format!("user{i}@example.com"), "4.2.2", "452 4.2.2 Mailbox full"),
        };
        mbox.push_str(&format!("From MAILER-DAEMON Tue Dec  1 10:00:00 2026\n{message}\n"));
    }
    std::fs::write(dir.join("a.mbox"), &mbox).unwrap();
    std::fs::write(dir.join("b.eml"), dsn("last@example.org", "5.2.2", "552 5.2.2 Mailbox full")).unwrap();
    let path = dir.to_str().unwrap();
    for mode in [&["--json"][..], &[], &["--summary", "--json"], &["--summary"]] {
        let one = run(&[&["bounce", "--threads", "1"], mode, &[path]].concat());
        let three = run(&[&["bounce", "--threads", "3"], mode, &[path]].concat());
        assert!(one.status.success() && three.status.success(), "{}{}", stderr(&one), stderr(&three));
        assert_eq!(stdout(&one), stdout(&three), "{mode:?}");
    }
    let records = json_lines(&run(&["bounce", "--json", "--threads", "2", path]));
    assert_eq!(records.len(), 201);
    assert_eq!(
        (&records[0]["recipient"], &records[200]["recipient"]),
        (&"user0@example.net".into(), &"last@example.org".into())
    );
}

/// Where the error text holds no code, the report's verdict gives how final it is: a delay
/// warning is temporary and retried, a failure permanent (as `logs` reads a deferral and a
/// bounce).
#[test]
fn without_any_code_the_action_gives_the_severity() {
    let delay = "From: Mail Delivery System <Mailer-Daemon@mx.example.net>
To: a@example.net
Subject: Warning: message 1tAbCd-000123-Ab delayed 24 hours
Date: Wed, 01 Jan 2025 00:00:00 +0000

This message was created automatically by mail delivery software.
A message that you sent has not yet been delivered to one or more of its
recipients after more than 24 hours on the queue on mx.example.net.

The address to which the message has not yet been delivered is:

  bob@example.org
    Delay reason: connection timed out

No action is required on your part. Delivery attempts will continue for
some time.
";
    let failed = "From: Mail Delivery System <Mailer-Daemon@mx.example.net>
To: a@example.net
Subject: Mail delivery failed: returning message to sender
Date: Wed, 01 Jan 2025 00:00:00 +0000

This message was created automatically by mail delivery software.

A message that you sent could not be delivered to one or more of its
recipients. This is a permanent error. The following address(es) failed:

  carol@example.org
    Unrouteable address
";
    for (message, action, severity, retry) in
        [(delay, "delayed", "transient", true), (failed, "failed", "permanent", false)]
    {
        let o = run_with_stdin(&["bounce", "--json"], message.as_bytes());
        assert!(o.status.success(), "{}", stderr(&o));
        let records = json_lines(&o);
        assert_eq!(records.len(), 1, "{records:?}");
        let r = &records[0];
        assert_eq!(r["status"], serde_json::Value::Null, "{r}");
        assert_eq!(
            (&r["action"], &r["severity"], &r["retry"]),
            (&action.into(), &severity.into(), &retry.into()),
            "{r}"
        );
    }
}
