//! The sample logs in `tests/data` (sources in its README.md), each with the outcomes it must
//! give.

use std::path::PathBuf;

use smtp_codes_logs::{LogFormat, Options, Outcome, OutcomeKind, Scanner};

fn scan(name: &str) -> (Vec<Outcome>, Scanner) {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/data").join(name);
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let mut scanner = Scanner::new(Options { year: (2025, 1, 2), ..Options::default() });
    let mut out = Vec::new();
    // fail2ban's files carry their test expectations as `# failJSON: ...` comment lines.
    for line in text.lines().filter(|l| !l.starts_with('#')) {
        scanner.push(line, &mut out);
    }
    scanner.finish(&mut out);
    (out, scanner)
}

/// (kind, recipient) of every outcome, in order.
fn kinds(out: &[Outcome]) -> Vec<(OutcomeKind, Option<&str>)> {
    out.iter().map(|o| (o.kind(), o.recipient())).collect()
}

#[test]
fn fail2ban_postfix_rejects_are_inbound_refusals() {
    let (out, scanner) = scan("fail2ban-postfix.log");
    assert!(!out.is_empty());
    assert!(out.iter().all(|o| o.kind() == OutcomeKind::Rejected), "{:?}", kinds(&out));
    assert!(out.iter().all(|o| o.format() == LogFormat::Postfix));
    let relay = out.iter().find(|o| o.reply().contains("Relay access denied")).expect("the relay-denied reject");
    assert_eq!(relay.recipient(), Some("smtp@example.org"));
    assert_eq!(relay.sender(), Some("john@example.com"));
    assert_eq!(relay.client(), Some("1-2-3-4-example.com[1.2.3.4]"));
    assert_eq!(scanner.stats().unknown, 0, "{:?}", scanner.stats().unknown_examples);
}

/// The lines of a fail2ban sample that refuse a message, counted apart from the scanner.
fn refusal_lines(name: &str, markers: &[&str]) -> usize {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/data").join(name);
    let text = std::fs::read_to_string(path).expect("the sample");
    text.lines().filter(|l| !l.starts_with('#') && markers.iter().any(|m| l.contains(m))).count()
}

#[test]
fn fail2ban_exim_refusals_are_rejected_and_nothing_else() {
    for name in ["fail2ban-exim.log", "fail2ban-exim-spam.log"] {
        let (out, scanner) = scan(name);
        let want = refusal_lines(name, &[" rejected RCPT ", " rejected after DATA", " rejected by local_scan()"]);
        assert_eq!(out.len(), want, "{name}: {:?}", kinds(&out));
        assert!(out.iter().all(|o| o.kind() == OutcomeKind::Rejected && o.format() == LogFormat::Exim), "{name}");
        assert_eq!(scanner.stats().unknown, 0, "{name}: {:?}", scanner.stats().unknown_examples);
    }
    let (out, _) = scan("fail2ban-exim-spam.log");
    let dnsbl = out.iter().find(|o| o.reply().contains("dnsbl")).expect("the DNSBL refusal");
    assert_eq!(dnsbl.recipient(), Some("some@email.com"));
    assert_eq!(dnsbl.sender(), Some("fantasizesg4@google.com"));
}

#[test]
fn fail2ban_sendmail_refusals_name_the_recipient() {
    let (out, scanner) = scan("fail2ban-sendmail-reject.log");
    let want = refusal_lines("fail2ban-sendmail-reject.log", &["reject="]);
    assert_eq!(out.len(), want, "{:?}", kinds(&out));
    assert!(out.iter().all(|o| o.kind() == OutcomeKind::Rejected && o.format() == LogFormat::Sendmail));
    let first = &out[0];
    assert_eq!(first.recipient(), Some("asservnew@freemailhost.ru"));
    assert_eq!(first.queue_id(), Some("s1P819mk027713"));
    assert_eq!(scanner.stats().unknown, 0, "{:?}", scanner.stats().unknown_examples);
}

#[test]
fn postfix_deliveries_are_joined_per_recipient() {
    let (out, scanner) = scan("postfix-deliveries.log");
    assert_eq!(
        kinds(&out),
        [
            (OutcomeKind::Delivered, Some("wietse@test.example.com")),
            (OutcomeKind::Bounced, Some("kijitora@example.org")),
            (OutcomeKind::Delivered, Some("user@example.org")),
            (OutcomeKind::Expired, Some("user@example.com")),
            (OutcomeKind::Rejected, Some("yyyyyy@your.domain.here")),
            // Still queued at the end of the log.
            (OutcomeKind::Deferred, Some("somebody@example.com")),
        ]
    );
    let sent = &out[0];
    assert_eq!(sent.sender(), Some("alice@example.net"));
    assert_eq!(sent.original_recipient(), Some("wietse@test"));
    assert_eq!(sent.message_id(), Some("20241231235801.1@example.net"));
    assert_eq!(sent.client(), Some("mail.example.net[192.0.2.10]"));
    assert_eq!(sent.size(), Some(1234));
    assert_eq!(sent.relay_host(), Some("mail.example.com"));
    assert_eq!(sent.first_time().map(|t| t.to_string()).as_deref(), Some("2024-12-31T23:58:01"));
    let bounced = &out[1];
    assert_eq!(bounced.dsn(), Some("5.1.1"));
    assert!(bounced.reply().contains("User unknown in virtual alias table"), "{}", bounced.reply());
    // Deferred once, then sent: two attempts, over the new year.
    let later = &out[2];
    assert_eq!(later.attempts(), 2);
    assert_eq!(later.delay(), Some(1826.0));
    assert_eq!(later.last_time().map(|t| t.to_string()).as_deref(), Some("2025-01-01T00:31:26"));
    let expired = &out[3];
    assert_eq!(expired.attempts(), 2);
    assert!(expired.reply().contains("Network is unreachable"));
    let rejected = &out[4];
    assert_eq!(rejected.sender(), Some(""));
    let queued = &out[5];
    assert_eq!(queued.queue_id(), Some("3jhxH02qjtz29yWZ"));
    assert!(queued.warnings().is_empty());
    let stats = scanner.stats();
    assert_eq!((stats.received, stats.received_bytes), (4, 1234 + 5120 + 800 + 999));
    assert_eq!(stats.other_programs, [("dovecot".to_owned(), 1)]);
    assert_eq!(stats.problems.len(), 1);
    assert_eq!(stats.unknown, 0);
}

#[test]
fn exim_deliveries_are_joined_per_recipient() {
    let (out, _) = scan("exim-deliveries.log");
    assert_eq!(
        kinds(&out),
        [
            (OutcomeKind::Delivered, Some("bob@example.org")),
            (OutcomeKind::Bounced, Some("ace400@pb.example")),
            (OutcomeKind::Bounced, Some("jim@trek99.example")),
            (OutcomeKind::Rejected, Some("userx@test.ex")),
            (OutcomeKind::Deferred, Some("user@example.com")),
        ]
    );
    assert_eq!(out[0].reply(), "250 2.0.0 OK queued as 4AB");
    assert_eq!(out[0].size(), Some(1000));
    assert_eq!(out[0].message_id(), Some("20160907.2@example.net"));
    assert_eq!(out[2].reply(), "unknown mail domain");
    assert!(out[4].reply().contains("[TS03]"));
    assert_eq!(out[4].sender(), Some("sender@example.net"));
}

#[test]
fn sendmail_deliveries_are_joined_per_recipient() {
    let (out, _) = scan("sendmail-deliveries.log");
    assert_eq!(
        kinds(&out),
        [(OutcomeKind::Bounced, Some("bob@example.org")), (OutcomeKind::Delivered, Some("user@example.com"))]
    );
    assert_eq!(out[0].reply(), "User unknown");
    assert_eq!(out[1].attempts(), 2);
    assert_eq!(out[1].delay(), Some(3602.0));
    assert_eq!(out[1].message_id(), Some("201212050143.qBE3l7js123022@foobox-out.example.net"));
    assert_eq!(out[1].relay_host(), Some("exbox.foo.com"));
}

#[test]
fn a_forced_format_leaves_other_lines_to_other_programs() {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/data/postfix-deliveries.log");
    let text = std::fs::read_to_string(path).unwrap();
    let mut scanner = Scanner::new(Options { format: Some(LogFormat::Sendmail), ..Options::default() });
    let mut out = Vec::new();
    text.lines().for_each(|l| scanner.push(l, &mut out));
    scanner.finish(&mut out);
    assert!(out.is_empty());
    assert_eq!(scanner.stats().recognised(), 0);
}

#[test]
fn memory_is_bounded_by_the_messages_in_flight() {
    let mut scanner = Scanner::new(Options { max_in_flight: 100, ..Options::default() });
    let mut out = Vec::new();
    for i in 0..10_000u32 {
        let line = format!(
            "Jan  1 00:00:00 mx postfix/smtp[1]: Q{i:08X}: to=<u{i}@example.org>, relay=none, delay=1, dsn=4.4.1, status=deferred (connect to x: Connection timed out)"
        );
        scanner.push(&line, &mut out);
        assert!(scanner.in_flight() <= 101);
    }
    scanner.finish(&mut out);
    assert_eq!(out.len(), 10_000);
    assert!(out.iter().all(|o| o.kind() == OutcomeKind::Deferred));
    let forgotten = out.iter().filter(|o| o.warnings() == ["forgotten"]).count();
    assert_eq!(u64::try_from(forgotten).unwrap(), scanner.stats().forgotten);
    assert!(forgotten > 9000);
}

#[test]
fn messages_not_named_for_a_week_are_given_up() {
    let mut scanner = Scanner::default();
    let mut out = Vec::new();
    scanner.push(
        "2024-01-01T00:00:00Z mx postfix/smtp[1]: AAAAAA1: to=<a@example.org>, relay=none, delay=1, dsn=4.4.1, status=deferred (connect to x: Connection timed out)",
        &mut out,
    );
    // Enough lines eight days later for a sweep to run.
    for i in 0..70_000u32 {
        let line = format!(
            "2024-01-09T00:00:00Z mx postfix/smtp[1]: B{i:07}: to=<b@example.org>, relay=x[192.0.2.1]:25, delay=1, dsn=2.0.0, status=sent (250 ok)"
        );
        scanner.push(&line, &mut out);
    }
    let forgotten: Vec<&Outcome> = out.iter().filter(|o| o.warnings() == ["forgotten"]).collect();
    assert_eq!(forgotten.len(), 1);
    assert_eq!(forgotten[0].recipient(), Some("a@example.org"));
    assert_eq!(forgotten[0].kind(), OutcomeKind::Deferred);
    assert_eq!(scanner.stats().forgotten, 1);
}
