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

/// The outcomes of a sample read whole, its `#` header lines too (Exchange, Microsoft 365).
fn scan_all(name: &str) -> (Vec<Outcome>, Scanner) {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/data").join(name);
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let mut scanner = Scanner::new(Options { year: (2019, 12, 31), ..Options::default() });
    let mut out = Vec::new();
    for line in text.lines() {
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

/// Exim writes a message with a line break as two lines, the second opening with a space
/// (Exim's test-suite log `0615`); an indented line after no line of Exim's is still unknown.
#[test]
fn an_indented_line_after_an_exim_line_continues_it() {
    let mut scanner = Scanner::new(Options { year: (2017, 7, 30), ..Options::default() });
    let mut out = Vec::new();
    for line in [
        "  Suggested action: a line before any of Exim's",
        "2017-07-30 18:51:05 Warning: purging the environment.",
        " Suggested action: use keep_environment.",
        "2017-07-30 18:51:05 10HmaX-0005vi-00 <= CALLER@myhost.test.ex U=CALLER P=local S=sss",
        "2017-07-30 18:51:05 10HmaX-0005vi-00 => userx <userx@test.ex> R=r1 T=t1",
        "2017-07-30 18:51:05 10HmaX-0005vi-00 Completed",
    ] {
        scanner.push(line, &mut out);
    }
    scanner.finish(&mut out);
    assert_eq!(scanner.stats().unknown, 1, "{:?}", scanner.stats().unknown_examples);
    assert_eq!(scanner.stats().unknown_examples[0].0, 1);
    assert_eq!(kinds(&out), [(OutcomeKind::Delivered, Some("userx"))]);
    assert_eq!(out[0].original_recipient(), Some("userx@test.ex"));
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
    // Given up the one seen longest ago first: line `i` named message `Q{i}`.
    let ids: Vec<&str> = out.iter().filter(|o| o.warnings() == ["forgotten"]).filter_map(Outcome::queue_id).collect();
    assert!(ids.is_sorted(), "forgotten out of order");
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

/// Kind, recipient, sender, queue id, attempts and reply of one outcome.
type Row<'a> = (OutcomeKind, Option<&'a str>, Option<&'a str>, Option<&'a str>, u32, &'a str);

/// (kind, recipient, sender, queue id, attempts, reply) of every outcome, in order.
fn rows(out: &[Outcome]) -> Vec<Row<'_>> {
    out.iter().map(|o| (o.kind(), o.recipient(), o.sender(), o.queue_id(), o.attempts(), o.reply())).collect()
}

#[test]
fn exchange_tracking_log_rows_are_read_by_their_fields_line() {
    let (out, scanner) = scan_all("exchange-MSGTRK2024010700-1.LOG");
    let busy = "451 4.7.500 Server busy. Please try again later from [192.0.2.1]";
    assert_eq!(
        rows(&out),
        [
            (
                OutcomeKind::Delivered,
                Some("uwe.musterman@example.com"),
                Some("support@example.com"),
                Some("29519319995411"),
                1,
                "250 2.1.5 Recipient OK"
            ),
            (
                OutcomeKind::Bounced,
                Some("kijitora@example.org"),
                Some("support@example.com"),
                Some("29519319995411"),
                1,
                "550 5.1.1 RESOLVER.ADR.RecipNotFound; not found"
            ),
            // HAREDIRECTFAIL (shadow redundancy) is no outcome; the DELIVER is.
            (
                OutcomeKind::Delivered,
                Some("mailuser@my.domain.com"),
                Some("MAILER-DAEMON@host01.my.domain.com"),
                Some("70971234566456"),
                1,
                ""
            ),
            // One DEFER row for two recipients, each with its reply; still queued at the end.
            (
                OutcomeKind::Deferred,
                Some("a@example.net"),
                Some("reports@example.com"),
                Some("29519319995500"),
                1,
                busy
            ),
            (
                OutcomeKind::Deferred,
                Some("b@example.net"),
                Some("reports@example.com"),
                Some("29519319995500"),
                1,
                busy
            ),
        ]
    );
    assert!(out.iter().all(|o| o.format() == LogFormat::Exchange));
    let sent = &out[0];
    assert_eq!(sent.message_id(), Some("20240107001234.567E6224C8@monitor.example.com"));
    assert_eq!(sent.size(), Some(38663));
    assert_eq!(sent.client(), Some("app.example.com[192.168.0.10]"));
    assert_eq!(sent.relay(), Some("exchange.example.com[192.168.0.2]"));
    assert_eq!(sent.first_time().map(|t| t.to_string()).as_deref(), Some("2024-01-07T00:00:05Z"));
    assert_eq!(sent.last_time().map(|t| t.to_string()).as_deref(), Some("2024-01-07T00:00:07Z"));
    assert_eq!(out[1].relay_host(), Some("mx.example.org"));
    assert_eq!(out[2].relay_host(), Some("mbx01.my.domain.com"));
    let stats = scanner.stats();
    assert_eq!((stats.received, stats.received_bytes), (3, 38663 + 15054 + 2048));
    assert_eq!(stats.by_format, [(LogFormat::Exchange, 14)]);
    assert_eq!(stats.unknown, 0, "{:?}", stats.unknown_examples);
}

#[test]
fn m365_enhanced_summary_gives_each_recipient_its_last_status() {
    let (out, scanner) = scan_all("m365-enhanced-summary.csv");
    assert_eq!(
        rows(&out),
        [
            (
                OutcomeKind::Bounced,
                Some("user@contoso.com"),
                Some("alerts@contoso.com"),
                Some("1341ac7b13fb42ab4d4408cf7f55890f"),
                1,
                "Receive, Fail"
            ),
            (
                OutcomeKind::Delivered,
                Some("partner@fabrikam.com"),
                Some("alerts@contoso.com"),
                Some("1341ac7b13fb42ab4d4408cf7f55890f"),
                1,
                "Receive, Send"
            ),
            (
                OutcomeKind::Delivered,
                Some("ceo@contoso.com"),
                Some("news@fabrikam.com"),
                Some("5f0c2a9e7d3b4c1a9e8f7d6c5b4a3921"),
                1,
                "Receive, Deliver"
            ),
        ]
    );
    assert_eq!(
        out[0].message_id(),
        Some("d9683b4c-127b-413a-ae2e-fa7dfb32c69d@DM3NAM06BG401.Eop-nam06.prod.protection.outlook.com")
    );
    assert_eq!(out[0].size(), Some(40960));
    assert_eq!(out[0].client(), Some("192.0.2.10"));
    assert_eq!(out[2].last_time().map(|t| t.to_string()).as_deref(), Some("2024-05-01T10:05:00Z"));
    assert_eq!((scanner.stats().received, scanner.stats().unknown), (2, 0));
    assert!(out.iter().all(|o| o.format() == LogFormat::M365));
}

#[test]
fn m365_message_trace_exports_are_read_per_recipient() {
    let (out, scanner) = scan_all("m365-message-trace.csv");
    let tid = Some("8b4e4a6f-0d6e-4a1c-9f3e-2b7c5d1e9a01");
    assert_eq!(
        rows(&out),
        [
            (OutcomeKind::Delivered, Some("partner@fabrikam.com"), Some("alerts@contoso.com"), tid, 1, "Delivered"),
            (OutcomeKind::Bounced, Some("user@fabrikam.com"), Some("alerts@contoso.com"), tid, 1, "Failed"),
            // `Expanded` (a group) gives no outcome; spam filtering refused it on arrival.
            (
                OutcomeKind::Rejected,
                Some("ceo@contoso.com"),
                Some("offers@spam.example"),
                Some("c2d1e0f9-1a2b-4c3d-8e9f-0a1b2c3d4e52"),
                1,
                "FilteredAsSpam"
            ),
            (
                OutcomeKind::Deferred,
                Some("someone@example.org"),
                Some("hr@contoso.com"),
                Some("d3e2f1a0-2b3c-4d5e-9f0a-1b2c3d4e5f63"),
                1,
                "Pending"
            ),
        ]
    );
    assert_eq!(out[0].relay(), Some("198.51.100.25"));
    assert_eq!(out[0].last_time().map(|t| t.to_string()).as_deref(), Some("2024-05-01T10:00:03Z"));
    assert_eq!(out[2].client(), Some("203.0.113.66"));
    assert_eq!(out[2].last_time().map(|t| t.to_string()).as_deref(), Some("2024-05-01T13:15:00Z"));
    // Received: three messages (the first once, for its three rows).
    assert_eq!((scanner.stats().received, scanner.stats().unknown), (3, 0));
}

#[test]
fn opensmtpd_envelopes_are_joined_by_message_id() {
    let (out, scanner) = scan_all("opensmtpd.log");
    let gilles = Some("gilles@poolp.org");
    assert_eq!(
        rows(&out),
        [
            (
                OutcomeKind::Delivered,
                Some("gilles.chehade@gmail.com"),
                gilles,
                Some("3d4c4a42"),
                1,
                "250 2.0.0: f6e94209 Message accepted for delivery"
            ),
            (
                OutcomeKind::Delivered,
                Some("gilles.chehade@gmail.com"),
                gilles,
                Some("f6e94209"),
                1,
                "250 2.0.0 OK  1562385708 z11si6726563wmb.62 - gsmtp"
            ),
            (OutcomeKind::Delivered, Some("gilles@poolp.org"), gilles, Some("c405e39a"), 1, "Delivered"),
            (
                OutcomeKind::Bounced,
                Some("user@tin.example"),
                gilles,
                Some("c405e39a"),
                2,
                "550 5.1.1 <user@tin.example>: Recipient address rejected: User unknown"
            ),
            (OutcomeKind::Rejected, Some("info@blunix.com"), None, None, 1, "550 Invalid recipient: <info@blunix.com>"),
            (
                OutcomeKind::Deferred,
                Some("someone@example.org"),
                gilles,
                Some("0a1b2c3d"),
                1,
                "451 4.7.1 Greylisted, try again later"
            ),
        ]
    );
    assert!(out.iter().all(|o| o.format() == LogFormat::OpenSmtpd));
    assert_eq!(out[1].size(), Some(802));
    assert_eq!(out[1].delay(), Some(2.0));
    assert_eq!(out[1].relay_host(), Some("ws-in-f27.1e100.net"));
    assert_eq!(out[3].delay(), Some(601.0));
    assert_eq!(out[3].relay_host(), Some("smtp.tin.example"));
    assert_eq!(out[3].first_time().map(|t| t.to_string()).as_deref(), Some("2019-07-06T06:02:10"));
    let stats = scanner.stats();
    assert_eq!((stats.received, stats.received_bytes), (4, 319 + 802 + 303 + 1200));
    assert_eq!(stats.unknown, 0);
}

#[test]
fn kumomta_records_are_joined_by_spool_id() {
    let (out, scanner) = scan_all("kumomta.jsonl");
    let news = Some("news@sender.example.com");
    assert_eq!(
        rows(&out),
        [
            (
                OutcomeKind::Delivered,
                Some("user@recipient.example.com"),
                Some("user@sender.example.com"),
                Some("1d98076abbbc11ed940250ebf67f93bd"),
                2,
                "250 2.0.0 OK ids=8a5475ccbbc611eda12250ebf67f93bd"
            ),
            (
                OutcomeKind::Bounced,
                Some("nobody@gmail.com"),
                news,
                Some("2e09187bcccd22fe051361fc078a04ce"),
                1,
                "550 5.1.1 The email account that you tried to reach does not exist. Please try double-checking the recipient's email address for typos or unnecessary spaces. For more information, go to https://support.google.com/mail/?p=NoSuchUser - gsmtp"
            ),
            (
                OutcomeKind::Expired,
                Some("user@slow.example.net"),
                news,
                Some("3f1a298cddde33af162472ad189b15df"),
                1,
                "551 5.4.7 Next delivery time would be at 2023-03-09 02:28:11 UTC which exceeds the expiry time 2023-03-09 02:28:11 UTC configured via set_scheduling"
            ),
            (
                OutcomeKind::Rejected,
                Some("user@sender.example.com"),
                Some("spammer@bad.example"),
                None,
                1,
                "550 5.7.1 relaying not permitted"
            ),
            (
                OutcomeKind::Deferred,
                Some("user@yahoo.com"),
                news,
                Some("4a2b3c9deeef44b0273583be29ac26e0"),
                1,
                "421 4.7.0 [TSS04] Messages from 192.0.2.1 temporarily deferred due to unexpected volume or user complaints - 4.16.55.1; see https://postmaster.yahooinc.com/error-codes"
            ),
        ]
    );
    let delivered = &out[0];
    assert_eq!(delivered.size(), Some(1047));
    assert_eq!(delivered.dsn(), Some("2.0.0"));
    assert_eq!(delivered.client(), Some("client.sender.example.com[192.0.2.10]"));
    assert_eq!(delivered.relay_host(), Some("mx.recipient.example.com"));
    assert_eq!(delivered.delay(), Some(311.0));
    assert_eq!(delivered.last_time().map(|t| t.to_string()).as_deref(), Some("2023-03-06T02:33:11Z"));
    assert_eq!(out[3].client(), Some("bad.example[203.0.113.66]"));
    let stats = scanner.stats();
    assert_eq!((stats.received, stats.received_bytes), (2, 1047 + 20480));
    assert_eq!(stats.by_format, [(LogFormat::KumoMta, 8)]);
}

#[test]
fn a_forced_format_reads_only_its_own_records() {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/data/exchange-MSGTRK2024010700-1.LOG");
    let text = std::fs::read_to_string(path).unwrap();
    for (format, want) in [(LogFormat::Exchange, 5), (LogFormat::M365, 0), (LogFormat::Postfix, 0)] {
        let mut scanner = Scanner::new(Options { format: Some(format), ..Options::default() });
        let mut out = Vec::new();
        text.lines().for_each(|l| scanner.push(l, &mut out));
        scanner.finish(&mut out);
        assert_eq!(out.len(), want, "{format:?}");
    }
}

#[test]
fn m365_extended_reports_are_read_as_tracking_rows() {
    let (out, scanner) = scan_all("m365-extended-report.csv");
    let nm = Some("81604378624");
    assert_eq!(
        rows(&out),
        [
            (
                OutcomeKind::Delivered,
                Some("buyer@fabrikam.com"),
                Some("orders@contoso.com"),
                nm,
                1,
                "250 2.6.0 <b2@contoso.com> Queued mail for delivery"
            ),
            (
                OutcomeKind::Bounced,
                Some("nobody@example.org"),
                Some("orders@contoso.com"),
                nm,
                1,
                "550 5.1.1 <nobody@example.org>: Recipient address rejected: User unknown in virtual mailbox table"
            ),
        ]
    );
    assert!(out.iter().all(|o| o.format() == LogFormat::M365));
    assert_eq!(out[0].relay(), Some("mx.fabrikam.com[198.51.100.25]"));
    assert_eq!(out[0].size(), Some(20480));
    assert_eq!(out[0].message_id(), Some("b2@contoso.com"));
    // date_time_utc, its fraction of a second dropped, in UTC.
    assert_eq!(out[0].first_time().map(|t| t.to_string()).as_deref(), Some("2024-05-02T09:00:01Z"));
    assert_eq!(out[1].last_time().map(|t| t.to_string()).as_deref(), Some("2024-05-02T09:00:05Z"));
    assert_eq!((scanner.stats().received, scanner.stats().received_bytes, scanner.stats().unknown), (1, 20480, 0));
}
