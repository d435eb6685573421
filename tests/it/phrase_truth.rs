//! Corrected catalogue entries, each checked on a text its source shows: the reason and the
//! hard or soft verdict the source supports (issue 11, "Catalogue truth").

use smtp_codes::classify::{Classifier, Context, PHRASE_RULES, Rule};
use smtp_codes::{EnhancedCode, WhoActs};

fn classify(text: &str) -> (String, bool, Rule) {
    let c = Classifier::new().classify(text.as_bytes(), &Context::new());
    (c.reason().id().to_owned(), c.hard_bounce(), c.rule())
}

fn phrase_reason(phrase: &str) -> &'static str {
    PHRASE_RULES.iter().find(|r| r.phrase() == phrase).unwrap_or_else(|| panic!("no rule {phrase:?}")).reason().id()
}

/// Sisimai's Exchange Online table (Rhost/ExchangeOnline.pm) files `SMTPSEND.DNS.NonExistentDomain;
/// nonexistent domain` under networkerror, and Microsoft says the cause is often the sending
/// server's DNS: no hard bounce.
#[test]
fn nonexistent_domain_is_a_network_error_not_a_hard_bounce() {
    assert_eq!(phrase_reason("nonexistent domain"), "networkerror");
    assert_eq!(phrase_reason("nonexistentdomain"), "networkerror");
    let (reason, hard, _) = classify("554 5.4.4 nonexistent domain");
    assert_eq!(reason, "networkerror");
    assert!(!hard);
}

/// Sisimai's Reason/VirusDetected.pm lists "the message was rejected because it contains
/// prohibited virus or spam content": a virus rejection, not spam.
#[test]
fn virus_or_spam_content_is_a_virus() {
    let (reason, hard, _) =
        classify("550 5.7.1 The message was rejected because it contains prohibited virus or spam content");
    assert_eq!(reason, "virusdetected");
    assert!(!hard);
    assert!(PHRASE_RULES.iter().all(|r| r.phrase() != "spam content"));
    let (reason, _, _) = classify("550 5.7.1 Message rejected due to spam content");
    assert_eq!(reason, "spamdetected");
}

/// X.4.1 is valid in class 4 only (RFC 3463 §3.5, the registry pairs it with 451); Microsoft
/// sends 5.4.1 for recipients it refuses (Rhost/ExchangeOnline.pm), never for an expired message.
#[test]
fn a_non_standard_5_4_1_is_not_expired() {
    let (reason, _, rule) = classify("550 5.4.1 Recipient address rejected: Access denied. AS(201806281)");
    assert_ne!(reason, "expired");
    assert!(!matches!(rule, Rule::Code(_)), "{rule:?}");
    let (reason, _, _) = classify("550 5.4.1 Relay Access Denied");
    assert_eq!(reason, "norelaying");
    let (reason, hard, _) = classify("451 4.4.1 No answer from host");
    assert_eq!(reason, "expired");
    assert!(!hard);
}

/// Gmail's class-4 uses of 4.7.27 (SPF did not pass) and 4.7.23 (no PTR record) are not the
/// registry's X.7.27 (null MX) or X.7.23 (SPF fail): those code rules hold in class 5 only.
#[test]
fn gmail_class_4_authentication_codes_are_not_read_as_the_registry_meaning() {
    let (reason, hard, _) = classify(
        "421 4.7.27 Your email has been rate limited because SPF authentication didn't pass for this message.",
    );
    assert_eq!(reason, "authfailure");
    assert!(!hard);
    let (_, _, rule) = classify("421 4.7.23 Please try again later.");
    assert!(!matches!(rule, Rule::Code(_)), "{rule:?}");
    let (reason, _, _) = classify("550 5.7.27 Sender address has null MX");
    assert_eq!(reason, "notaccept");
}

/// RFC 7372 gives X.7.23 and X.7.25 with 550 only; replies seen in class 4 do not widen the
/// classes (docs/catalogue.md, "classes").
#[test]
fn classes_come_from_the_registry_and_its_rfc_only() {
    for code in ["5.7.23", "5.7.25"] {
        let e: EnhancedCode = code.parse().unwrap();
        assert_eq!(e.known().unwrap().classes(), &[5], "{code}");
    }
}

/// Gmail's header limits are filed by Sisimai under exceedlimit (rhost/google.rb).
#[test]
fn gmail_header_limits_exceed_a_limit() {
    let (reason, hard, _) = classify(
        "552 5.3.4 The size of the Subject header value (2000 bytes) exceeds Google's limit of 1000 bytes per individual header size.",
    );
    assert_eq!(reason, "exceedlimit");
    assert!(!hard);
}

/// "550 Protocol violation" (sample bsd/lhost-postfix-41.eml) is a fault of the sending software:
/// its administrator acts, not the recipient's.
#[test]
fn a_protocol_violation_is_the_senders_fault() {
    let text = "host r2.example.org[198.51.100.24] said: 550 Protocol violation (in reply to DATA command)";
    let (reason, hard, _) = classify(text);
    assert_eq!(reason, "syntaxerror");
    assert!(!hard);
    let e = Classifier::new().explain(text.as_bytes(), &Context::new());
    assert_eq!(e.who_acts(), WhoActs::SenderAdmin);
}

/// Every phrase rule names its source in the catalogue's format, never the old template.
#[test]
fn no_phrase_rule_keeps_the_old_template_source() {
    for r in PHRASE_RULES {
        assert!(!r.source().contains("message patterns; seen in real replies"), "{}: {}", r.phrase(), r.source());
    }
}

/// X.7.12 is registered with 432 only (RFC 4954 §6); Microsoft's 5.7.12 ("sender was not
/// authenticated by organization") is another thing, so the code rule holds for 4.7.12 alone.
#[test]
fn the_password_transition_code_rule_holds_in_class_4_only() {
    let (reason, _, rule) = classify("432 4.7.12 A password transition is needed");
    assert_eq!(reason, "securityerror");
    assert!(matches!(rule, Rule::Code(_)), "{rule:?}");
    let (_, _, rule) = classify("550 5.7.12 Delivery refused");
    assert!(!matches!(rule, Rule::Code(_)), "{rule:?}");
}

/// Gmail's 4.7.29 (no TLS) and 4.7.30 (DKIM did not pass) are decided by their text, never by the
/// registry's X.7.29 (ARC) and X.7.30 (REQUIRETLS) rules (rhost/google.rb).
#[test]
fn gmail_4_7_29_and_4_7_30_are_decided_by_their_text() {
    let (reason, hard, rule) = classify(
        "421 4.7.30 Your email has been rate limited because DKIM authentication didn't pass for this message.",
    );
    assert_eq!(reason, "authfailure");
    assert!(!hard);
    assert!(matches!(rule, Rule::Phrase(_)), "{rule:?}");
    let (_, _, rule) = classify("421 4.7.29 Please try again later.");
    assert!(!matches!(rule, Rule::Code(_)), "{rule:?}");
    let (reason, _, _) = classify("550 5.7.30 REQUIRETLS support required");
    assert_eq!(reason, "failedstarttls");
}

/// "no space left on device" is listed by Sisimai under mailboxfull (reason/why-mailboxfull.go);
/// the catalogue keeps it as the receiving system's disk (systemfull), a soft bounce either way.
#[test]
fn a_full_disk_is_the_receiving_systems_and_soft() {
    let (reason, hard, _) = classify("452 4.3.1 Insufficient system storage: No space left on device");
    assert_eq!(reason, "systemfull");
    assert!(!hard);
}

/// A phrase rule that cites a Sisimai corpus sample (`sample:sisimai/<file>`) occurs in a line of
/// that very sample: the citation can be followed.
#[test]
fn every_cited_sample_holds_its_phrase() {
    let lines = super::classify::lines();
    let mut failures = Vec::new();
    for rule in PHRASE_RULES {
        for reference in rule.source().split("; ") {
            let Some(rest) = reference.strip_prefix("sample:sisimai/") else { continue };
            let file = rest.split(' ').next().unwrap();
            let found =
                lines.iter().filter(|l| l.file == file).any(|l| l.text.to_ascii_lowercase().contains(rule.phrase()));
            if !found {
                failures.push(format!("{:?} not in {file}", rule.phrase()));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// Microsoft's "Sender was not authenticated by organization" (5.7.12: the recipient accepts mail
/// from inside its own organisation only) is rejected in Sisimai's Exchange Online table
/// (Rhost/ExchangeOnline.pm and rhost/microsoft.rb), not the securityerror that the broad phrase
/// "not authenticated" gave; Microsoft says only the recipient's administrator can change it.
/// "Client was not authenticated" stays securityerror.
#[test]
fn sender_not_authenticated_by_organization_is_rejected_by_the_recipients_admin() {
    for host in [None, Some("example-org.mail.protection.outlook.com")] {
        for text in [
            "550 5.7.12 Sender was not authenticated by organization",
            "550 5.7.133 RESOLVER.RST.SenderNotAuthenticatedForGroup; authentication required; Delivery restriction \
             check failed as sender not authenticated for group",
            "550 5.7.134 RESOLVER.RST.SenderNotAuthenticatedForMailbox; authentication required; Delivery restriction \
             check failed as sender was not authenticated for mailbox",
        ] {
            let e = smtp_codes::classify::explain_with(text.as_bytes(), &Context::new().with_remote_host(host));
            let c = e.classification().unwrap();
            assert_eq!((c.reason().id(), c.hard_bounce()), ("rejected", false), "{text:?} from {host:?}");
            assert_eq!(e.who_acts(), WhoActs::RecipientAdmin, "{text:?} from {host:?}");
        }
    }
    let (reason, hard, _) = classify("530 5.7.1 Client was not authenticated");
    assert_eq!((reason.as_str(), hard), ("securityerror", false));
}

/// "Access denied" in reply to `MAIL FROM` refuses the sender (Sisimai's Reason/Rejected.pm lists
/// Postfix's "access denied (in reply to mail from command)"); at `RCPT` it is not a refused
/// sender. A longer sentence that holds the words says more than the stage does: Sendmail's
/// "Access denied. IP name lookup failed" is a missing PTR record (Sisimai's Go
/// reason/why-requireptr.go) at `MAIL` too.
#[test]
fn access_denied_at_mail_from_is_a_refused_sender_unless_the_sentence_says_why() {
    let at = |text: &str, command| {
        let c = Classifier::new().classify(text.as_bytes(), &Context::new().with_command(Some(command)));
        c.reason().id()
    };
    assert_eq!(at("550 5.7.1 Access denied", smtp_codes::Command::Mail), "rejected");
    assert_ne!(at("550 5.7.1 Access denied", smtp_codes::Command::Rcpt), "rejected");
    let ptr = "450 4.7.1 Access denied. IP name lookup failed [192.0.2.222]";
    assert_eq!(at(ptr, smtp_codes::Command::Mail), "requireptr");
    assert_eq!(at(ptr, smtp_codes::Command::Rcpt), "requireptr");
    assert_eq!(Classifier::new().classify(ptr.as_bytes(), &Context::new()).reason().id(), "requireptr");
}
