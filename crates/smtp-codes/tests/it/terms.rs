//! Term rules (`[[reason.terms]]`): a family of wordings written as words that must all occur,
//! each as a whole word, with words that must not; looked at only when no phrase matched, and
//! before the code rules.

use smtp_codes::Command;
use smtp_codes::classify::{Classifier, Context, Rule, TERM_RULES, classify};

/// The reason and the kind of rule that decided `text`, with no phrase rule in the classifier,
/// so that only term rules, code rules and provider replies can decide.
fn without_phrases(text: &str) -> (&'static str, &'static str) {
    let c = Classifier::with_phrase_filter(|_| false).classify(text.as_bytes(), &Context::default());
    (c.reason().id(), c.rule().kind())
}

#[test]
fn wordings_that_no_phrase_holds_are_decided_by_their_family() {
    let cases = [
        ("552 the mailbox of this user exceeds its storage allowance", "mailboxfull"),
        ("452 4.2.2 Quota for this mailbox has been exceeded", "mailboxfull"),
        ("550 Sorry, no such user in this domain", "userunknown"),
        ("550 the recipient you named does not exist here", "userunknown"),
        ("Envelope expired after 5 days in the queue", "expired"),
        ("554 message rejected for local policy reasons", "policyviolation"),
        ("550 5.7.1 your message looks like SPAM to us", "spamdetected"),
        ("554 relaying is denied here, relay denied", "norelaying"),
    ];
    for (text, want) in cases {
        assert_eq!(without_phrases(text), (want, "terms"), "{text}");
    }
}

#[test]
fn words_match_whole_words_only() {
    // "quotas" is not the word "quota"; "exceed*" matches "exceeds" but "spf" is not in "spfx".
    assert_eq!(without_phrases("550 user over quotas"), ("onhold", "fallback"));
    assert_eq!(without_phrases("550 quota exceeds"), ("mailboxfull", "terms"));
    assert_eq!(without_phrases("550 spfx record"), ("onhold", "fallback"));
    assert_eq!(without_phrases("550 SPF: fail"), ("authfailure", "terms"));
    // Punctuation and the ends of the text are boundaries; ASCII case is ignored.
    assert_eq!(without_phrases("(MAILBOX)FULL."), ("mailboxfull", "terms"));
}

#[test]
fn an_excluded_word_stops_the_rule() {
    // A sending quota is the sender's, not a full mailbox.
    assert_eq!(without_phrases("550 5.4.5 daily sending quota exceeded"), ("onhold", "fallback"));
    // An expired certificate is not an expired message.
    let (reason, _) = without_phrases("454 4.7.0 TLS certificate expired");
    assert_ne!(reason, "expired");
}

#[test]
fn a_phrase_wins_over_terms_and_terms_win_over_the_code() {
    let c = classify("550 5.1.1 <bob@example.org>: Recipient address rejected: User unknown", &Context::default());
    assert_eq!(c.rule().kind(), "phrase");
    // 5.7.1 alone is securityerror; the words say what the refusal was about.
    let (reason, kind) = without_phrases("554 5.7.1 Local Policy Violation");
    assert_eq!((reason, kind), ("policyviolation", "terms"));
    let code_only = Classifier::with_rule_filter(|_| false, |_| false)
        .classify(b"554 5.7.1 Local Policy Violation", &Context::default());
    assert_eq!(code_only.rule().kind(), "code");
}

#[test]
fn more_words_win_then_the_reason_listed_first() {
    // "domain does not exist" (hostunknown, four words) beats nothing shorter here, and "user
    // does not exist" (userunknown, four words) is not confused with it.
    assert_eq!(without_phrases("550 that domain does not exist"), ("hostunknown", "terms"));
    assert_eq!(without_phrases("550 that user does not exist"), ("userunknown", "terms"));
}

#[test]
fn a_sender_refusal_in_words_is_never_a_hard_bounce_of_the_recipient() {
    let c = Classifier::with_phrase_filter(|_| false)
        .classify(b"550 5.1.1 unknown user: sender rejected by policy of this host", &Context::default());
    assert_eq!(c.reason().id(), "rejected");
    assert!(!c.hard_bounce());
    assert!(matches!(c.rule(), Rule::Terms(t) if t.all() == ["sender", "rejected"]));
}

#[test]
fn the_command_stage_applies_to_the_whole_text() {
    // Terms are judged after the walk, with the command known from the context or the text.
    let context = Context::new().with_command(Some(Command::Rcpt));
    let c = Classifier::with_phrase_filter(|_| false).classify(b"550 mailbox is full", &context);
    assert_eq!((c.reason().id(), c.rule().kind()), ("mailboxfull", "terms"));
}

#[test]
fn every_term_rule_decides_its_own_words() {
    // Each rule's words, written out as a text, give that rule's reason when no phrase can
    // interfere: the rules are reachable and none is shadowed by a rule of another reason.
    let classifier = Classifier::with_phrase_filter(|_| false);
    for rule in TERM_RULES {
        let text: Vec<&str> = rule.all().iter().map(|w| w.trim_end_matches('*')).collect();
        let text = text.join(" ");
        let c = classifier.classify(text.as_bytes(), &Context::new().with_command(rule.command()));
        assert_eq!(c.reason(), rule.reason(), "{:?} gave {} by {:?}", rule.all(), c.reason().id(), c.rule());
    }
}
