//! Table tests of `diagnose` over every shape of free text that logs and bounces hold, with real
//! Postfix, Exim, Sendmail, Exchange and provider lines, each labelled by its MTA and sample.

use smtp_codes::parse::{Warning, diagnose, diagnose_bytes};
use smtp_codes::{Command, EnhancedCode, ReplyCode};

fn rc(n: u16) -> ReplyCode {
    ReplyCode::new(n).unwrap()
}

fn ec(s: &str) -> EnhancedCode {
    s.parse().unwrap()
}

/// (input, reply code, enhanced code, text, command)
type Case = (&'static str, Option<u16>, Option<&'static str>, &'static str, Option<Command>);

const CASES: &[Case] = &[
    // Postfix P1: sent, dsn= and the reply agree; the closing ')' of status=sent (...) is dropped.
    (
        "Nov  3 16:04:31 myname postfix/smtp[30840]: 19B6B2900FE: to=<wietse@test.example.com>, orig_to=<wietse@test>, relay=mail.example.com[1.2.3.4], conn_use=2, delay=0, delays=0/0.01/0.05/0.1, dsn=2.0.0, status=sent (250 2.0.0 Ok)",
        Some(250),
        Some("2.0.0"),
        "Ok",
        None,
    ),
    // Postfix P11: host ... said: ... (in reply to RCPT TO command)
    (
        "<kijitora@example.org>: host mx.example.org[192.0.2.4] said: 450 4.1.1 <kijitora@example.org>: Recipient address rejected: User unknown in virtual alias table (in reply to RCPT TO command)",
        Some(450),
        Some("4.1.1"),
        "<kijitora@example.org>: Recipient address rejected: User unknown in virtual alias table",
        Some(Command::Rcpt),
    ),
    // Postfix P12: end of DATA.
    (
        "<neko@nyaaan.example.org>: host smtp3.example.com[private/dovecot-lmtp] said: 552 5.2.2 <neko@nyaaan.example.org> Quota exceeded (mailbox for user is full) (in reply to end of DATA command)",
        Some(552),
        Some("5.2.2"),
        "<neko@nyaaan.example.org> Quota exceeded (mailbox for user is full)",
        Some(Command::DataEnd),
    ),
    // Postfix P15: smtpd NOQUEUE reject; the '; from=<..>' tail is not reply text.
    (
        "Dec  4 04:30:09 hostname postfix/smtpd[58549]: NOQUEUE: reject: RCPT from xxxxxxx[x.x.x.x]: 550 5.1.1 <yyyyyy@your.domain.here>: Recipient address rejected: User unknown; from=<> to=<yyyyyy@your.domain.here> proto=ESMTP helo=<zzzzzz>",
        Some(550),
        Some("5.1.1"),
        "<yyyyyy@your.domain.here>: Recipient address rejected: User unknown",
        None,
    ),
    // Postfix P6: no reply at all, only dsn=; IP, delays and pid give no code.
    (
        "Nov 18 11:07:33 bolt14a postfix/smtp[22329]: 3jhxH02qjtz29yWZ: to=<somebody@example.com>, relay=mail.example.com[192.168.1.1]:25, delay=33, delays=33/0/0.18/600, dsn=4.4.2, status=deferred (conversation with mail.example.com[192.168.1.1] timed out while sending message body)",
        None,
        Some("4.4.2"),
        "deferred (conversation with mail.example.com[192.168.1.1] timed out while sending message body)",
        Some(Command::DataEnd),
    ),
    // Yahoo Y1: 4.16.55.1 and 192.0.2.192 are not codes.
    (
        "<kijitora@y.example.ca>: host mta6.am0.yahoodns.net[67.195.204.72] said: 421 4.7.0 [TSS04] Messages from 192.0.2.192 temporarily deferred due to unexpected volume or user complaints - 4.16.55.1; see https://postmaster.verizonmedia.com/error-codes (in reply to MAIL FROM command)",
        Some(421),
        Some("4.7.0"),
        "[TSS04] Messages from 192.0.2.192 temporarily deferred due to unexpected volume or user complaints - 4.16.55.1; see https://postmaster.verizonmedia.com/error-codes",
        Some(Command::Mail),
    ),
    // Yahoo Y5: no reply code; the only dotted number is 4.16.55.1, which is not a code.
    (
        "[TSS04] Messages from X.X.X.X temporarily deferred due to unexpected volume or user complaints - 4.16.55.1; see https://postmaster.yahooinc.com/error-codes",
        None,
        None,
        "[TSS04] Messages from X.X.X.X temporarily deferred due to unexpected volume or user complaints - 4.16.55.1; see https://postmaster.yahooinc.com/error-codes",
        None,
    ),
    // Yahoo Y7: the [RCPT_TO] stage tag.
    (
        "Remote host said: 550 5.1.1 <kijitora@example.org>... User Unknown [RCPT_TO]",
        Some(550),
        Some("5.1.1"),
        "<kijitora@example.org>... User Unknown [RCPT_TO]",
        Some(Command::Rcpt),
    ),
    // Yahoo Y6: (#4.1.8).
    (
        "451 VS1-IP Excessive unknown recipients - possible Open Relay (#4.1.8)",
        Some(451),
        Some("4.1.8"),
        "VS1-IP Excessive unknown recipients - possible Open Relay (#4.1.8)",
        None,
    ),
    // Sendmail S1: dsn=4.0.0 is generic; the remote's own 4.3.2 wins.
    (
        "Dec 5 01:43:03 foobox-out sendmail[11078]: qBE3l7js123022: to=<user@example.com>, delay=00:00:00, xdelay=00:00:00, mailer=relay, pri=124588, relay=exbox.foo.com. [10.10.10.10], dsn=4.0.0, stat=Deferred: 421 4.3.2 The maximum number of concurrent connections has exceeded a limit, closing transmission channel",
        Some(421),
        Some("4.3.2"),
        "The maximum number of concurrent connections has exceeded a limit, closing transmission channel",
        None,
    ),
    // Sendmail S3: only dsn=, no reply.
    (
        "Apr 12 11:21:36 sipserver1 sendmail[7889]: u3B84xT9931967: to=<me@ourtest.com>, ctladdr=<root@sipserver1.ourtest.com> (0/0), delay=18:16:37, xdelay=00:00:00, mailer=esmtp, pri=43710276, relay=ourtest.com., dsn=4.0.0, stat=Deferred: Connection timed out with ourtest.com.",
        None,
        Some("4.0.0"),
        "Deferred: Connection timed out with ourtest.com.",
        None,
    ),
    // Sendmail S6: reject=.
    (
        "Feb 24 01:46:44 petermurray sm-mta[24422]: ruleset=check_relay, arg1=leased-line-54-82.telecom.by, arg2=217.21.54.82, relay=leased-line-54-82.telecom.by [217.21.54.82], reject=421 4.3.2 Connection rate limit exceeded.",
        Some(421),
        Some("4.3.2"),
        "Connection rate limit exceeded.",
        None,
    ),
    // Sendmail S8: the transcript names the command.
    (
        "... while talking to mx.example.org.:\n>>> MAIL From:<kijitora@example.co.jp> SIZE=16600348\n<<< 552 5.2.3 Message size exceeds fixed maximum message size (10485760)\n554 5.0.0 Service unavailable",
        Some(552),
        Some("5.2.3"),
        "Message size exceeds fixed maximum message size (10485760)\n554 5.0.0 Service unavailable",
        Some(Command::Mail),
    ),
    // Exim E4 (4.85+ layout, 4.97 id): no enhanced code.
    (
        "1999-03-02 09:44:33 10HmaZ-000000005vi-0000 ** userz@domain.com R=all T=smtp H=127.0.0.1 [127.0.0.1]:PORT_S I=[127.0.0.1]:10001 : SMTP error from remote mail server after RCPT TO:<userz@domain.com>: 550 Recipient refused",
        Some(550),
        None,
        "Recipient refused",
        Some(Command::Rcpt),
    ),
    // Exim E6: after initial connection.
    (
        "1999-03-02 09:44:33 10HmaX-000000005vi-0000 == userx@domain1 R=others T=smtp defer (0) H=localhost4.test.ex [127.0.0.1]: SMTP error from remote mail server after initial connection: 450 I'm busy",
        Some(450),
        None,
        "I'm busy",
        Some(Command::Connect),
    ),
    // Exim E8: old layout, pipelined MAIL FROM with SIZE=.
    (
        "2016-09-07 22:33:06 1bhOsE-0004e1-VJ == user@example.com R=dnslookup T=remote_smtp defer (-45): SMTP error from remote mail server after MAIL FROM:<sender@example.net> SIZE=2307: host mta7.am0.yahoodns.net [63.250.192.46]: 421 4.7.1 [TS03] All messages from 37.59.121.209 will be permanently deferred; Retrying will NOT succeed. See https://help.yahoo.com/kb/postmaster/SLN3436.html",
        Some(421),
        Some("4.7.1"),
        "[TS03] All messages from 37.59.121.209 will be permanently deferred; Retrying will NOT succeed. See https://help.yahoo.com/kb/postmaster/SLN3436.html",
        Some(Command::Mail),
    ),
    // Exim E14: 571 is outside RFC 5321 but a reply code all the same.
    (
        "    SMTP error from remote mail server after initial connection:\n    571 No PTR Record found. Reverse DNS required:",
        Some(571),
        None,
        "No PTR Record found. Reverse DNS required:",
        Some(Command::Connect),
    ),
    // Exchange X4, X5, X7 and the #550 form.
    (
        "Remote Server returned '550 5.1.10 RESOLVER.ADR.RecipientNotFound; Recipient not found by SMTP address lookup'",
        Some(550),
        Some("5.1.10"),
        "RESOLVER.ADR.RecipientNotFound; Recipient not found by SMTP address lookup",
        None,
    ),
    (
        "Remote Server returned '550 5.1.1 RESOLVER.ADR.RecipNotFound; not found'",
        Some(550),
        Some("5.1.1"),
        "RESOLVER.ADR.RecipNotFound; not found",
        None,
    ),
    (
        "mail.contoso.com #<exchange.contoso.com #5.7.1 smtp;530 5.7.1 Client was not authenticated> #SMTP#",
        Some(530),
        Some("5.7.1"),
        "Client was not authenticated> #SMTP#",
        None,
    ),
    (
        "#550 5.1.1 RESOLVER.ADR.RecipNotFound; not found ##",
        Some(550),
        Some("5.1.1"),
        "RESOLVER.ADR.RecipNotFound; not found",
        None,
    ),
    // Exchange X1: the enhanced code runs into the text.
    ("250 2.1.5Recipient OK", Some(250), Some("2.1.5"), "Recipient OK", None),
    // Exchange X6: three-digit details.
    (
        "Diagnostic-Code: smtp;550 5.4.312 Message expired, DNS query failed",
        Some(550),
        Some("5.4.312"),
        "Message expired, DNS query failed",
        None,
    ),
    (
        "Diagnostic-Code: smtp;550 5.4.316 Message expired, connection refused",
        Some(550),
        Some("5.4.316"),
        "Message expired, connection refused",
        None,
    ),
    // Microsoft M2 and the announced `550; 5.7.515` form.
    (
        "550; 5.7.515 Access denied, sending domain [SendingDomain] does not meet the required authentication level.",
        Some(550),
        Some("5.7.515"),
        "Access denied, sending domain [SendingDomain] does not meet the required authentication level.",
        None,
    ),
    // Microsoft M3: folded Diagnostic-Code, 4.7.650, an IP in brackets.
    (
        "Diagnostic-Code: smtp; 451 4.7.650 The mail server [192.0.2.25] has been\n    temporarily rate limited due to IP reputation. For e-mail delivery\n    information, see https://postmaster.live.com (S3113)",
        Some(451),
        Some("4.7.650"),
        "The mail server [192.0.2.25] has been\n    temporarily rate limited due to IP reputation. For e-mail delivery\n    information, see https://postmaster.live.com (S3113)",
        None,
    ),
    // Microsoft M8: an opaque numeric triple that is not a code.
    (
        "Diagnostic-Code: smtp;554 The mail could not be delivered to the recipient because the domain is not reachable. Please check the domain and try again (-1915321397:308:-2147467259)",
        Some(554),
        None,
        "The mail could not be delivered to the recipient because the domain is not reachable. Please check the domain and try again (-1915321397:308:-2147467259)",
        None,
    ),
    // #5.1.0 and 5.1.1: forms.
    ("550 #5.1.0 Address rejected", Some(550), Some("5.1.0"), "Address rejected", None),
    ("5.1.1: user unknown", None, Some("5.1.1"), "user unknown", None),
    ("Sorry, no mailbox here by that name. (#5.1.1)", None, Some("5.1.1"), "", None),
    // Google G7: no code at all; the Diagnostic-Code prefix is not text.
    (
        "Diagnostic-Code: smtp; DNS Error: 80458680 DNS type 'mx' lookup of libsisimai.org responded with code NOERROR",
        None,
        None,
        "DNS Error: 80458680 DNS type 'mx' lookup of libsisimai.org responded with code NOERROR",
        None,
    ),
    // Code with no text.
    ("250", Some(250), None, "", None),
    ("550 5.1.1", Some(550), Some("5.1.1"), "", None),
    // Nothing at all.
    ("", None, None, "", None),
    // Amazon SES: its own 5.1.0 first, the remote's quoted reply after.
    (
        "5.1.0 - Unknown address error 550-'5.7.1 <0000@email-bounces.amazonses.com>... Access denied' (delivery attempts: 0)",
        Some(550),
        Some("5.7.1"),
        "<0000@email-bounces.amazonses.com>... Access denied",
        None,
    ),
];

#[test]
fn table() {
    for &(input, reply, enhanced, text, command) in CASES {
        let d = diagnose(input);
        assert_eq!(d.reply_code(), reply.map(rc), "reply code of {input:?}");
        assert_eq!(d.enhanced_code(), enhanced.map(ec), "enhanced code of {input:?}");
        if !text.is_empty() || reply.is_some() || enhanced.is_some() {
            assert_eq!(d.text(), text, "text of {input:?}");
        }
        assert_eq!(d.command(), command, "command of {input:?}");
        // The same through the byte interface.
        assert_eq!(diagnose_bytes(input.as_bytes()), d);
    }
}

#[test]
fn gmail_multi_line_flattened_with_prefixes() {
    // Postfix P2: the prefixes repeat inside the text; delay=, delays= and the IP are no codes.
    let line = "Aug 20 20:23:25 orihime postfix/smtp[2088]: 859FA15E1A: to=<user@example.org>, orig_to=<user@example.ac.jp>, relay=gmail-smtp-in.l.google.com[192.0.2.27]:25, delay=92187, delays=92106/79/2/0.21, dsn=4.2.1, status=deferred (host gmail-smtp-in.l.google.com[192.0.2.27] said: 450-4.2.1 The user you are trying to contact is receiving mail at a rate that 450-4.2.1 prevents additional messages from being delivered. Please resend your 450-4.2.1 message at a later time. If the user is able to receive mail at that 450-4.2.1 time, your message will be delivered. For more information, please 450-4.2.1 visit 450 4.2.1 i5-v6si6014457oii.19 - gsmtp (in reply to RCPT TO command))";
    let d = diagnose(line);
    assert_eq!(d.reply_code(), Some(rc(450)));
    assert_eq!(d.enhanced_code(), Some(ec("4.2.1")));
    assert_eq!(d.command(), Some(Command::Rcpt));
    assert!(d.warnings().is_empty(), "{:?}", d.warnings());
    assert!(d.text().ends_with("visit 450 4.2.1 i5-v6si6014457oii.19 - gsmtp"), "{}", d.text());
    let joined = d.segments().collect::<Vec<_>>().join(" ");
    assert_eq!(
        joined,
        "The user you are trying to contact is receiving mail at a rate that prevents additional messages from being delivered. Please resend your message at a later time. If the user is able to receive mail at that time, your message will be delivered. For more information, please visit i5-v6si6014457oii.19 - gsmtp"
    );
}

#[test]
fn gmail_rate_limit_with_ip_and_session_count() {
    // Postfix P5: `[192.99.55.226 15]` holds no code.
    let line = "Feb 18 14:55:52 beau postfix/smtp[31892]: 463F01A2EBD: host gmail-smtp-in.l.google.com[74.125.192.26] said: 421-4.7.28 [192.99.55.226 15] Our system has detected an unusual rate of 421-4.7.28 unsolicited mail originating from your IP address. 421 4.7.28 review our Bulk Email Senders Guidelines. k10si2978071qtp.33 - gsmtp (in reply to end of DATA command)";
    let d = diagnose(line);
    assert_eq!((d.reply_code(), d.enhanced_code()), (Some(rc(421)), Some(ec("4.7.28"))));
    assert_eq!(d.command(), Some(Command::DataEnd));
    assert!(d.warnings().is_empty());
    assert_eq!(d.segments().next(), Some("[192.99.55.226 15] Our system has detected an unusual rate of"));
}

/// Without a reply code, a failure status code wins over a success-shaped number before it (a
/// version in a quoted subject, as flufl.bounce's GroupWise sample has one); the first of two
/// codes of one class stays.
#[test]
fn a_failure_status_code_wins_over_a_version_before_it() {
    let d = diagnose(
        "Subject: RELEASED Mailman 2.0.12 Additional information follows: -- 5.1.1 Recipient address rejected",
    );
    assert_eq!((d.reply_code(), d.enhanced_code()), (None, Some(ec("5.1.1"))));
    assert_eq!(diagnose("2.0.0 queued, then 2.1.5 ok").enhanced_code(), Some(ec("2.0.0")));
    assert_eq!(diagnose("5.1.1 unknown; also 5.2.2").enhanced_code(), Some(ec("5.1.1")));
}

#[test]
fn folded_diagnostic_code() {
    // Google G1: RFC 5322 folding plus repeated prefixes.
    let text = "Diagnostic-Code: smtp; 550-5.1.1 The email account that you tried to reach does\n    not exist. Please try 550-5.1.1 double-checking the recipient's email\n    address for typos or 550-5.1.1 unnecessary spaces. Learn more at 550 5.1.1\n    https://support.google.com/mail/?p=NoSuchUser e22-n7GpZmsf093195.222 -\n    gsmtp";
    let d = diagnose(text);
    assert_eq!((d.reply_code(), d.enhanced_code()), (Some(rc(550)), Some(ec("5.1.1"))));
    assert!(d.warnings().is_empty());
    assert_eq!(
        d.segments().collect::<Vec<_>>().join(" "),
        "The email account that you tried to reach does not exist. Please try double-checking the recipient's email address for typos or unnecessary spaces. Learn more at https://support.google.com/mail/?p=NoSuchUser e22-n7GpZmsf093195.222 - gsmtp"
    );
}

#[test]
fn literal_backslash_n_separators() {
    // Exim E9.
    let line = r"2011-05-31 17:08:25 1QRQYT-00033F-G2 ** dan@example.net <em@example.com> F=<apache@host.example.com> R=lookuphost T=remote_smtp: SMTP error from remote mail server after RCPT TO:<dan@example.net>: host mx.example.net [83.170.73.3]: 550-Verification failed for <apache@host.example.com>\n550-The mail server could not deliver mail to apache@host.example.com.\n550 Sender verify failed";
    let d = diagnose(line);
    assert_eq!(d.reply_code(), Some(rc(550)));
    assert_eq!(d.enhanced_code(), None);
    assert_eq!(d.command(), Some(Command::Rcpt));
    assert_eq!(
        d.segments().collect::<Vec<_>>(),
        [
            "Verification failed for <apache@host.example.com>",
            "The mail server could not deliver mail to apache@host.example.com.",
            "Sender verify failed"
        ]
    );
}

#[test]
fn warnings_in_free_text() {
    // Google's 421 5.7.32: classes disagree.
    let d = diagnose("421-5.7.32 Your email has been rate limited 421 5.7.32 because it is unauthenticated");
    assert!(d.warnings().contains(Warning::ClassMismatch { reply: rc(421), enhanced: ec("5.7.32") }));
    // Exim sample: 550 with a 4.2.0.
    let d = diagnose("550 4.2.0 Mailbox disabled");
    assert!(d.warnings().contains(Warning::ClassMismatch { reply: rc(550), enhanced: ec("4.2.0") }));
    // A reply code outside RFC 5321.
    let d = diagnose("571 Delivery not authorized, message refused");
    assert!(d.warnings().contains(Warning::NonStandardReplyCode(rc(571))));
    // A class the registry does not list for the detail (X.7.17 is class 5 only).
    let d = diagnose("450 4.7.17 Mailbox owner has changed");
    assert!(d.warnings().contains(Warning::NotRegisteredInClass(ec("4.7.17"))));
    // A success with a detail listed for failures only is not odd: Exchange sends it all day.
    for text in ["250 2.1.1 odd", "250 2.6.0 <id@host> [InternalId=1] Queued mail for delivery", "2.6.0 queued"] {
        let d = diagnose(text);
        assert!(d.warnings().is_empty(), "{text}: {:?}", d.warnings());
    }
    // The code changes inside the text; the agreeing pair wins.
    let d = diagnose("554 4.4.7 Message expired: unable to deliver in 840 minutes.<421 4.4.2 Connection timed out>");
    assert_eq!((d.reply_code(), d.enhanced_code()), (Some(rc(421)), Some(ec("4.4.2"))));
    assert!(d.warnings().contains(Warning::ReplyCodeChanged { first: rc(554), later: rc(421) }));
    assert!(d.warnings().contains(Warning::EnhancedCodeChanged { first: ec("4.4.7"), later: ec("4.4.2") }));
    assert_eq!(d.text(), "Connection timed out");
    // dsn= differs from the remote code.
    let d = diagnose("dsn=4.0.0, stat=Deferred: 452 4.3.1 Insufficient system resources");
    assert!(d.warnings().contains(Warning::DsnFieldDiffers { dsn: ec("4.0.0"), reply: ec("4.3.1") }));
    // Warnings display as sentences.
    for w in d.warnings().iter() {
        assert!(w.to_string().ends_with(|c: char| c.is_ascii_alphanumeric()), "{w}");
    }
}

#[test]
fn never_a_code_from_numbers_that_are_not_codes() {
    for text in [
        "192.0.2.55",
        "4.16.55.1",
        "[192.0.2.1 15]",
        "delay=92187, delays=92106/79/2/0.21",
        "2024-05-01 10:29:42",
        "Exim 4.97",
        "Exim 4.94.2 ready",
        "Postfix 2.11.3",
        "relay=mx.example.com[203.0.113.10]:587, delay=1",
        "connect to ALT2.ASPMX.L.GOOGLE.com[2607:f8b0:4001:c08::1a]:25: Network is unreachable",
        "postfix/smtp[255]: size=250000 nrcpts=1",
        "ids 4.2.2.1 and 5.1.1.1 are resolvers",
        "(S3150) mta4490 E2110 v5.1.1",
        "The messages were 2.5x the limit; 5.1.1a is not a code; 12.5.1.1 neither",
    ] {
        let d = diagnose(text);
        assert_eq!((d.reply_code(), d.enhanced_code()), (None, None), "{text}");
    }
}

#[test]
fn invalid_utf8_never_panics_and_keeps_the_codes() {
    let input = b"host x said: 550 5.1.1 caf\xc3\xa9 \xff\xfe broken (in reply to RCPT TO command)";
    let d = diagnose_bytes(input);
    assert_eq!((d.reply_code(), d.enhanced_code()), (Some(rc(550)), Some(ec("5.1.1"))));
    assert_eq!(d.text(), "caf\u{e9} ");
    assert_eq!(d.command(), Some(Command::Rcpt));
}

#[test]
fn huge_single_line_input() {
    // 4 MB of digits and dots, then a real reply: linear-time scanning finds it.
    let mut input = "1.2.3.".repeat(700_000).into_bytes();
    input.extend_from_slice(b" 5.5.5.5.5.5 555.555 then 550 5.1.1 the end");
    let d = diagnose_bytes(&input);
    assert_eq!((d.reply_code(), d.enhanced_code()), (Some(rc(550)), Some(ec("5.1.1"))));
    assert_eq!(d.text(), "the end");

    let digits = "5".repeat(4_000_000);
    let d = diagnose(&digits);
    assert_eq!((d.reply_code(), d.enhanced_code()), (None, None));

    let prefixes = "550-5.1.1 ".repeat(400_000);
    let d = diagnose(&prefixes);
    assert_eq!((d.reply_code(), d.enhanced_code()), (Some(rc(550)), Some(ec("5.1.1"))));
    assert_eq!(d.segments().count(), 0);
}
