//! Wrong answers found by trying the tool on real replies and log lines, each as a family:
//! successes that read as failures, temporary replies that say not to retry, a provider's private
//! code recognised without its host, advice that fits the reason, sender-side refusals that are
//! not the recipient's fault, and number-like tokens that are not codes.

use smtp_codes::classify::{Context, NoRetry, Rule, classify, explain_with};
use smtp_codes::explain::Explanation;
use smtp_codes::parse::Warning;
use smtp_codes::{Command, Message, Severity, WhoActs};

fn explained(text: &str) -> Explanation<'_> {
    explain_with(text.as_bytes(), &Context::default())
}

fn reason(e: &Explanation<'_>) -> &'static str {
    e.classification().unwrap().reason().id()
}

/// Each text's reason is the one given with it.
fn assert_reasons(cases: &[(&str, &str)]) {
    for &(text, want) in cases {
        assert_eq!(reason(&explained(text)), want, "{text}");
    }
}

/// A success with any subject: Exchange and SES log `250 2.6.0 ... Queued mail for delivery`
/// all day, and other successes carry subjects the registry lists for failures only.
#[test]
fn a_success_reads_as_a_success_whatever_its_subject() {
    for text in [
        "250 2.6.0 <id@host> [InternalId=1] Queued mail for delivery",
        "250 2.6.0 <0100018f@email.amazonses.com> Queued mail for delivery",
        "250 2.1.5 Recipient OK, but the mailbox is full warning",
        "250 2.7.1 Ok, virus scan passed",
        "2.6.0 queued",
    ] {
        let e = explained(text);
        assert_eq!(e.severity(), Severity::Success, "{text}");
        assert_eq!(reason(&e), "delivered", "{text}");
        assert!(!e.classification().unwrap().hard_bounce(), "{text}");
        assert!(!e.retry(), "{text}");
        assert_eq!(e.who_acts(), WhoActs::Nobody, "{text}");
        let actions: Vec<&str> = e.actions().collect();
        assert_eq!(actions.len(), 1, "{text}: {actions:?}");
        assert!(actions[0].starts_with("Nothing to do"), "{text}: {actions:?}");
        assert!(e.warnings().is_empty(), "{text}: {:?}", e.warnings());
    }
    // The registry lists X.6.0 for failures only: a note says the class decides.
    let e = explained("250 2.6.0 Queued mail for delivery");
    assert!(e.notes().any(|n| n == Message::SuccessWithFailureDetail));
    // A registered success detail needs no note.
    let e = explained("250 2.1.5 Ok");
    assert_eq!(e.notes().count(), 0);
}

/// Texts and provider replies that say retrying will not help win over a temporary class.
#[test]
fn a_temporary_reply_that_says_not_to_retry_is_not_retried() {
    let e = explained(
        "421 4.7.1 [TS03] All messages from 192.0.2.4 will be permanently deferred; Retrying will NOT succeed.",
    );
    assert_eq!(e.severity(), Severity::Transient);
    assert!(!e.retry());
    let c = e.classification().unwrap();
    assert!(matches!(c.no_retry(), Some(NoRetry::ProviderReply(r)) if r.match_text() == "[ts03]"));
    assert!(e.notes().any(|n| n == Message::NoRetry));
    // The same words from any server, with no provider recognised.
    for text in [
        "451 4.7.0 Your IP is on our list; retrying will not succeed",
        "421 Messages permanently deferred for this host",
    ] {
        let e = explained(text);
        assert_eq!(e.severity(), Severity::Transient, "{text}");
        assert!(!e.retry(), "{text}");
        assert!(matches!(e.classification().unwrap().no_retry(), Some(NoRetry::Phrase(_))), "{text}");
    }
    // An ordinary deferral is still retried.
    let e = explained("421 4.7.0 Try again later, closing connection.");
    assert!(e.retry() && e.classification().unwrap().no_retry().is_none());
}

/// A provider's private enhanced code (not in the IANA registry) with its documented text
/// identifies the provider without its host name.
#[test]
fn a_provider_reply_with_a_private_code_matches_without_a_host() {
    let e = explained("451 4.4.316 Connection refused [Message=Socket error code 10061]");
    let c = e.classification().unwrap();
    assert_eq!(c.rule().kind(), "provider", "{:?}", c.rule());
    assert_eq!(c.provider().unwrap().id(), "microsoft365");
    assert_eq!(reason(&e), "networkerror");
    // The same words with a registered code are not Microsoft's reply.
    let e = explained("451 4.4.1 Connection refused [Message=Socket error code 10061]");
    assert_ne!(e.classification().unwrap().rule().kind(), "provider");
}

/// What to do fits the code and the reason that decided: no SPF, DKIM or DMARC advice for an
/// unknown user, no mailbox advice for a policy refusal.
#[test]
fn actions_fit_the_reason_that_decided() {
    for text in [
        "550 5.1.1 <bob@example.org>: Recipient address rejected: User unknown",
        "550 User unknown",
        "550 5.7.1 <bob@example.org>... User unknown",
    ] {
        let e = explained(text);
        assert_eq!(reason(&e), "userunknown", "{text}");
        for action in e.actions() {
            for word in ["SPF", "DKIM", "DMARC", "5.7."] {
                assert!(!action.contains(word), "{text}: {action}");
            }
        }
    }
    let e = explained("550 5.7.23 SPF check failed for the sending domain");
    assert!(e.actions().any(|a| a.contains("SPF")), "{:?}", e.actions().collect::<Vec<_>>());
}

/// A refusal of the envelope sender (sender verify, the sender's domain, MAIL FROM) is never a
/// reason to stop mailing the recipient.
#[test]
fn sender_side_failures_are_not_hard_bounces_of_the_recipient() {
    for text in [
        "** rcpt@example.net R=dnslookup T=remote_smtp H=mx.example.net [192.0.2.1]: SMTP error from remote mail server after RCPT TO:<rcpt@example.net>: 550-Verification failed for <sender@example.com> 550-Unrouteable address 550 Sender verify failed",
        "550 5.1.8 <sender@example.com>: Sender address rejected: Domain not found",
        "553 5.1.8 <sender@example.com>... Domain of sender address sender@example.com does not exist",
        "550 5.1.7 Invalid sender: user unknown",
        "554 5.7.1 Sender domain does not exist",
        "550 5.1.8 Sender domain unknown",
        "host mx.example.org[192.0.2.1] said: 550 5.1.1 User unknown (in reply to MAIL FROM command)",
    ] {
        let e = explained(text);
        let c = e.classification().unwrap();
        assert!(!c.hard_bounce(), "{text}: {} by {:?}", c.reason().id(), c.rule());
        assert_eq!(c.reason().id(), "rejected", "{text}: {:?}", c.rule());
    }
    let e = explained("host mx.example.org[192.0.2.1] said: 550 5.1.1 User unknown (in reply to MAIL FROM command)");
    assert_eq!(e.classification().unwrap().rule(), Rule::SenderStage(Command::Mail));
    // The recipient's own unknown domain stays a hard bounce.
    let e = explained("550 5.1.2 <bob@nowhere.example>: Recipient address rejected: Domain not found");
    assert!(e.classification().unwrap().hard_bounce());
}

/// A text that starts with a number that cannot be a code says so.
#[test]
fn invalid_codes_are_named_in_a_warning() {
    let e = explained("999 9.9.9 whatever");
    let warnings: Vec<Warning> = e.warnings().iter().collect();
    assert_eq!(warnings.len(), 2, "{warnings:?}");
    assert!(matches!(warnings[0], Warning::NotAReplyCode(t) if t.as_str() == "999"));
    assert!(matches!(warnings[1], Warning::NotAnEnhancedCode(t) if t.as_str() == "9.9.9"));
    assert_eq!(
        warnings[0].to_string(),
        "999 looks like a reply code but is not one: a reply code has three digits, the first 2 to 5"
    );
    let e = explained("55 user unknown");
    assert!(e.warnings().iter().any(|w| matches!(w, Warning::NotAReplyCode(t) if t.as_str() == "55")));
    // Dates, times, addresses and versions at the start are not taken for codes.
    for text in [
        "2024-05-01 10:00:00 Start queue run",
        "192.0.2.1 refused the connection",
        "1700000000.25 connection lost",
        "Exim 4.97 error",
    ] {
        assert!(explained(text).warnings().is_empty(), "{text}: {:?}", explained(text).warnings());
    }
}

/// A program's exit status after `X-Unix;` is not a reply code: `X-Unix; 255` is no success.
#[test]
fn an_exit_status_is_not_a_reply_code() {
    for text in ["X-Unix; 255", "Diagnostic-Code: X-Unix; 250"] {
        let e = explained(text);
        assert_eq!(e.reply_code(), None, "{text}");
        assert_ne!(reason(&e), "delivered", "{text}");
    }
}

/// A message's report type decides feedback reports and automatic replies: the catalogue holds
/// both reasons, and neither is a bounce.
#[test]
fn report_kinds_have_their_reasons() {
    use smtp_codes::classify::{Classification, ReportKind};
    for (kind, id) in [(ReportKind::Feedback, "feedback"), (ReportKind::AutoReply, "vacation")] {
        let c = Classification::of_report(kind);
        assert_eq!((c.reason().id(), c.rule().kind(), c.hard_bounce(), c.provider()), (id, "report", false, None));
    }
}

#[test]
fn a_later_replys_sequence_error_does_not_decide_an_earlier_refusal() {
    // A Sendmail transcript: the RCPT was refused, then the pipelined DATA got `503 Need RCPT`.
    let e = explained("550 5.1.1 <bob@example.org>... Nope 503 5.0.0 Need RCPT (recipient)");
    assert_eq!(reason(&e), "userunknown");
    assert!(matches!(e.classification().unwrap().rule(), Rule::Code(_)), "{:?}", e.classification());
    // The 503 alone, or the words with no code at all, are the sequence error they say.
    for text in ["503 5.0.0 Need RCPT (recipient)", "Need RCPT (recipient)", "503 Bad sequence of commands"] {
        let e = explained(text);
        assert_eq!(reason(&e), "syntaxerror", "{text}");
        assert!(matches!(e.classification().unwrap().rule(), Rule::Phrase(p) if p.reply_code() == Some(503)), "{text}");
    }
    let e = explained("552 5.2.2 Over quota 503 Bad sequence of commands");
    assert_eq!(reason(&e), "mailboxfull");
}

/// A multi-line reply flattened onto one line (a folded `Diagnostic-Code` field, a Postfix log
/// line) is classified as if its lines were apart: a phrase its continuation prefix breaks in
/// two still decides.
#[test]
fn a_phrase_broken_by_a_flattened_continuation_prefix_still_decides() {
    let broken = "550-5.7.1 [192.0.2.1 13] Messages with multiple 550 5.7.1 addresses in From: header";
    let apart = "550-5.7.1 [192.0.2.1 13] Messages with multiple\n550 5.7.1 addresses in From: header";
    let c = classify(broken, &Context::new());
    assert_eq!(c.reason().id(), classify(apart, &Context::new()).reason().id());
    assert_eq!((c.reason().id(), c.rule().kind()), ("notcompliantrfc", "phrase"));
}

/// The same for a reply without enhanced codes (`550-The account 550-or domain`): a reply code
/// that comes again is a flattened continuation prefix too, so the phrase it splits decides
/// (before, "blacklisted" later in the text did).
#[test]
fn a_phrase_broken_by_a_flattened_prefix_without_enhanced_codes_still_decides() {
    let broken = "550-The mail server could not deliver mail to bob@example.org.  The account 550-or domain may \
                  not exist, they may be blacklisted, or missing the proper dns 550 entries.";
    let c = classify(broken, &Context::new());
    assert_eq!((c.reason().id(), c.rule().kind()), ("hostunknown", "phrase"));
}

/// A connection the destination refused, as Postfix (`connect to host[ip]:25: Connection
/// refused`, with its own status 4.4.1) and Exim (`defer (146): Connection refused`) log it
/// without a reply, is a network error; an SMTP reply that begins `554 Connection refused.` for
/// a block, and Sendmail's `Connection refused by host`, stay blocks.
#[test]
fn a_refused_connection_is_a_network_error_and_a_refusing_reply_a_block() {
    for text in [
        "connect to mail.example.com[192.0.2.1]:25: Connection refused",
        "to=<dest@example.com>, relay=none, delay=10, dsn=4.4.1, status=deferred (connect to mail.example.com[192.0.2.1]:25: Connection refused)",
        "R=dnslookup T=smtp defer (146): Connection refused",
    ] {
        assert_eq!(reason(&explained(text)), "networkerror", "{text}");
    }
    for text in [
        "554 Connection refused. This IP address is listed on the Spamhaus Block List (SBL). IB104",
        "Deferred: Connection refused by mx.example.org.",
    ] {
        assert_eq!(reason(&explained(text)), "blocked", "{text}");
    }
}

/// Exim's own texts for a delivery that got no reply (Exim 4.96's `transports/smtp.c` and
/// `routers/dnslookup.c`), which carry no code: each has the reason of its family.
#[test]
fn exims_own_failure_texts_have_their_familys_reason() {
    assert_reasons(&[
        ("Remote host closed connection in response to end of data", "networkerror"),
        ("SMTP timeout after RCPT TO:<bob@example.net>", "expired"),
        ("host lookup did not complete", "networkerror"),
        ("message has lines too long for transport", "mesgtoobig"),
    ]);
}

/// Sendmail's own texts (Sendmail 8.17's `envelope.c` and `domain.c`): a message returned after
/// its queue time is `expired`, an MX list that points back to the sending host a configuration
/// error of the system.
#[test]
fn sendmails_own_failure_texts_have_their_familys_reason() {
    assert_reasons(&[
        ("Cannot send message for 5 days", "expired"),
        ("MX list for example.org. points back to mx.example.org", "systemerror"),
        // Its exit statuses' texts (libsm/strexit.c).
        ("550 5.0.0 Can't create output", "systemerror"),
        ("550 5.0.0 <bob@example.org>... Insufficient permission", "systemerror"),
    ]);
}

/// Exim's pipe transport failing (`Child process of address_pipe transport returned 127 (could
/// mean unable to exec or command does not exist)`) is a delivery program's error, not an
/// unknown address, although its words hold "address" and "does not exist".
#[test]
fn a_failed_delivery_program_is_a_mailer_error() {
    let text = "Child process of address_pipe transport returned 127 (could mean unable to exec or command does not exist) from command: /usr/bin/foo";
    assert_eq!(reason(&explained(text)), "mailererror");
}

/// Postfix's local delivery texts (Postfix 3.7's `mbox_open.c`, `token.c`, `file.c`): a mailbox
/// over its size limit is full, a forbidden delivery to a command or file is the receiving
/// system's configuration.
#[test]
fn postfix_local_delivery_texts_have_their_reason() {
    assert_reasons(&[
        ("cannot update mailbox /var/mail/bob for user bob. error writing message: File too large", "mailboxfull"),
        ("cannot update mailbox /var/mail/bob for user bob. error writing message: Disk quota exceeded", "mailboxfull"),
        ("mail to command is restricted", "systemerror"),
        ("mail to file is restricted", "systemerror"),
    ]);
}

/// Postfix's queue manager defers with "mail transport unavailable" when a transport's delivery
/// agent is missing from `master.cf` or keeps failing: a system error of the sending server,
/// whose administrator must act.
#[test]
fn an_unavailable_postfix_transport_is_the_senders_system_error() {
    let e = explained("mail transport unavailable");
    assert_eq!(reason(&e), "systemerror");
    assert_eq!(e.who_acts(), WhoActs::SenderAdmin);
}

/// IMail gives up with `Delivery failed 20 attempts`: the delivery time expired.
#[test]
fn a_delivery_failed_after_attempts_is_expired() {
    assert_eq!(reason(&explained("Delivery failed 20 attempts: bob@example.org")), "expired");
    // The DragonFly Mail Agent's own.
    assert_eq!(reason(&explained("Could not deliver for the last 432000 seconds. Giving up.")), "expired");
    assert_eq!(reason(&explained("550 5.1.1 Delivery failed: user unknown after 3 attempts")), "userunknown");
}

/// Replies of the log samples that a family's wording with words between, or Postfix's other
/// reverse-name check, decides: too many connections, relaying not permitted, no reverse name.
#[test]
fn wordings_with_words_between_keep_their_family() {
    assert_reasons(&[
        ("421 4.3.2 Too many open connections.", "toomanyconn"),
        ("550 5.7.1 relaying not permitted", "norelaying"),
        ("450 4.7.1 Client host rejected: cannot find your reverse hostname, [192.0.2.5]", "requireptr"),
    ]);
}

/// Exchange Online's full-mailbox failure carries 5.2.0, whose code rule says `filtered`; its
/// `QuotaExceededException` says what happened.
#[test]
fn an_exchange_quota_exception_is_a_full_mailbox() {
    assert_reasons(&[(
        "554 5.2.0 STOREDRV.Deliver.Exception:QuotaExceededException.MapiExceptionShutoffQuotaExceeded; Failed to process message due to a permanent exception with message Move/Copy messages failed.",
        "mailboxfull",
    )]);
}

/// GMX and mail.com refuse a blocklisted sending IP with "No SMTP service": a block of the
/// sender, not a domain that takes no mail (which Exim says in a whole sentence of its own).
#[test]
fn gmx_refusing_a_listed_ip_is_a_block_not_a_dead_domain() {
    assert_reasons(&[
        (
            "554-gmx.net (mxgmx017) Nemesis ESMTP Service not available 554-No SMTP service 554-IP address is black listed. 554 For explanation visit https://www.gmx.net/mail/senderguidelines?c=bl",
            "blocked",
        ),
        ("an MX or SRV record indicated no SMTP service", "notaccept"),
    ]);
    let e = explained(
        "554-mail.com (mxgmxus004) Nemesis ESMTP Service not available 554-No SMTP service 554-IP address is black listed.",
    );
    assert!(!e.classification().unwrap().hard_bounce());
}
