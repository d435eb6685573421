//! Explanations: meanings, severity and the rule used when codes disagree, retry, who acts, what
//! to do, notes for unknown codes, warnings, and that the words come from the catalogue.

use smtp_codes::classify::{Context, Reason, explain_with};
use smtp_codes::explain::{Explanation, SeverityRule, explain};
use smtp_codes::{Message, Severity, WhoActs, diagnose};

#[test]
fn a_postfix_bounce_line_is_explained_in_full() {
    let e = explain_with(
        b"host mx.example.org[192.0.2.1] said: 550 5.1.1 <bob@example.org>: Recipient address rejected: User unknown in virtual mailbox table (in reply to RCPT TO command)",
        &Context::default(),
    );
    assert_eq!(e.reply_code().unwrap(), 550);
    assert_eq!(e.reply().unwrap().name(), "MailboxUnavailable");
    assert_eq!(e.first_digit().unwrap().digit(), 5);
    assert_eq!(e.second_digit().unwrap().digit(), 5);
    assert_eq!(e.enhanced().unwrap().name(), "BadDestinationMailbox");
    assert_eq!(e.class().unwrap().class(), 5);
    assert_eq!(e.subject().unwrap().subject(), 1);
    assert_eq!(e.severity(), Severity::Permanent);
    assert_eq!(e.severity_rule(), SeverityRule::CodesAgree);
    assert!(!e.retry());
    let c = e.classification().unwrap();
    assert_eq!(c.reason(), Reason::from_id("userunknown").unwrap());
    assert!(c.hard_bounce());
    // Who acts and what to do come from the reason first, then the codes.
    assert_eq!(e.who_acts(), c.reason().who_acts());
    let actions: Vec<&str> = e.actions().collect();
    assert_eq!(actions[0], c.reason().action());
    assert!(actions.contains(&e.enhanced().unwrap().action()));
    // The reply code's general advice (which covers 5.7.x policy too) does not fit a 5.1.1.
    assert!(!actions.contains(&e.reply().unwrap().action()), "{actions:?}");
    assert_eq!(e.notes().count(), 0);
    assert!(e.warnings().is_empty());
}

#[test]
fn disagreeing_codes_follow_the_reply_code_with_a_warning() {
    // Gmail documents 421 5.7.32: a transient reply with a permanent enhanced code.
    let e = explain("421 5.7.32 Your email was blocked because the From: header isn't aligned");
    assert_eq!(e.severity(), Severity::Transient);
    assert_eq!(e.severity_rule(), SeverityRule::ReplyCodeDecides);
    assert!(e.retry());
    assert_eq!(e.severity_rule().message(), Message::SeverityReplyCodeDecides);
    assert!(e.warnings().iter().any(|w| matches!(w, smtp_codes::Warning::ClassMismatch { .. })));
    let e = explain("550 4.2.0 mailbox problem");
    assert_eq!(e.severity(), Severity::Permanent);
    assert!(!e.retry());
}

#[test]
fn one_code_alone_decides_by_its_class() {
    let e = explain("dsn=4.4.1");
    assert_eq!((e.reply_code(), e.severity()), (None, Severity::Transient));
    assert_eq!(e.severity_rule(), SeverityRule::EnhancedCodeOnly);
    let e = explain("354 End data with <CR><LF>.<CR><LF>");
    assert_eq!(e.severity(), Severity::Intermediate);
    assert_eq!(e.severity_rule(), SeverityRule::ReplyCodeOnly);
    assert_eq!(e.who_acts(), WhoActs::Nobody);
    let e = explain("250 2.0.0 Ok: queued as 4BCD");
    assert_eq!(e.who_acts(), WhoActs::Nobody);
    assert!(!e.retry());
}

#[test]
fn no_code_means_unknown_severity() {
    let e = explain("something went wrong");
    assert_eq!(e.severity(), Severity::Unknown);
    assert_eq!(e.severity().as_str(), "unknown");
    assert_eq!(e.severity_rule(), SeverityRule::NoCode);
    assert!(!e.retry());
}

#[test]
fn unknown_codes_are_explained_by_their_digits_and_said_to_be_unknown() {
    let e = explain("599 5.9.999 strange");
    assert!(e.reply().is_none() && e.enhanced().is_none());
    assert_eq!(e.first_digit().unwrap().digit(), 5);
    assert!(e.second_digit().is_none(), "RFC 5321 defines second digits 0-5 only");
    assert_eq!(e.class().unwrap().class(), 5);
    assert!(e.subject().is_none());
    let notes: Vec<Message> = e.notes().collect();
    assert_eq!(
        notes,
        [
            Message::UnknownReplyCode,
            Message::UndefinedSecondDigit,
            Message::UnknownEnhancedCode,
            Message::UndefinedSubject
        ]
    );
    // A provider's own detail under a registered subject: the subject still explains it.
    let e =
        explain("550 5.7.515 Access denied, sending domain EXAMPLE.JP doesn't meet the required authentication level.");
    assert!(e.enhanced().is_none());
    assert_eq!(e.subject().unwrap().subject(), 7);
    assert_eq!(e.notes().collect::<Vec<_>>(), [Message::UnknownEnhancedCode]);
}

#[test]
fn explain_reads_codes_only_whatever_the_features() {
    // `explain` never classifies, so its answer is the same with or without `classify`; the
    // classified answer comes from `explain_with`, where the reason decides who acts.
    let text = "452 4.2.2 The recipient's inbox is out of storage space.";
    let plain = explain(text);
    assert!(plain.classification().is_none());
    assert_eq!(plain.who_acts(), plain.enhanced().unwrap().who_acts());
    let classified = explain_with(text.as_bytes(), &Context::default());
    assert_eq!(classified.classification().unwrap().reason().id(), "mailboxfull");
    assert_eq!(classified.who_acts(), WhoActs::Recipient);
    assert_eq!(plain.severity(), classified.severity());
}

#[test]
fn explanations_without_classification_still_work() {
    let e = Explanation::new(diagnose("452 4.2.2 Mailbox full"));
    assert!(e.classification().is_none());
    assert_eq!(e.who_acts(), e.enhanced().unwrap().who_acts());
    assert_eq!(e.actions().next(), Some(e.enhanced().unwrap().action()));
    assert!(e.retry());
}

#[test]
fn every_sentence_comes_from_the_catalogue() {
    // The explainer holds no prose of its own: each rule's sentence is a catalogue message.
    for rule in [
        SeverityRule::CodesAgree,
        SeverityRule::ReplyCodeDecides,
        SeverityRule::ReplyCodeOnly,
        SeverityRule::EnhancedCodeOnly,
        SeverityRule::NoCode,
    ] {
        assert!(Message::ALL.contains(&rule.message()));
        assert!(!rule.message().text().is_empty());
    }
    for s in Severity::ALL {
        assert!(!s.title().is_empty() && !s.description().is_empty());
    }
    for w in WhoActs::ALL {
        assert!(!w.title().is_empty());
    }
    let warning = smtp_codes::Warning::NonStandardReplyCode("571".parse().unwrap());
    assert_eq!(warning.to_string(), Message::WarningNonStandardReplyCode.text().replace("{code}", "571"));
}
