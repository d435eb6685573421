//! Who acts follows the rule that decided (issue 11): a provider reply or phrase rule that names
//! its own party wins over its reason's `who_acts`, and a rule that names none keeps the reason's.

use smtp_codes::WhoActs;
use smtp_codes::classify::{Classifier, Context, PHRASE_RULES, PROVIDER_REPLIES, Rule, explain_with};

/// Explains `text` as if `host` had sent it; the reply must be decided by a row of `provider`
/// with reason `reason`. Returns who acts in the explanation.
#[track_caller]
fn who_acts(provider: &str, host: Option<&str>, text: &str, reason: &str) -> WhoActs {
    let e = explain_with(text.as_bytes(), &Context::new().with_remote_host(host));
    let c = e.classification().expect("a classification");
    let Rule::ProviderReply(row) = c.rule() else {
        panic!("{text:?}: decided by {:?}, not by a provider reply", c.rule());
    };
    assert_eq!(row.provider().id(), provider, "{text:?}: matched {:?}", row.match_text());
    assert_eq!(c.reason().id(), reason, "{text:?}");
    assert_eq!(c.who_acts(), e.who_acts(), "{text:?}");
    e.who_acts()
}

/// Cox's page (quoted by Sisimai's cox.rb): "The sending server has attempted to communicate too
/// soon within the SMTP transaction". A policyviolation, but the sending side must fix it.
#[test]
fn cox_talking_before_the_greeting_is_the_senders_admin() {
    let text = "554 cxr.mx.west.cox.net ESMTP no data before greeting";
    let who = who_acts("cox", Some("cxr.mx.west.cox.net"), text, "policyviolation");
    assert_eq!(who, WhoActs::SenderAdmin);
    // The reason alone would send the sender to the recipient's administrator.
    assert_eq!(smtp_codes::classify::Reason::from_id("policyviolation").unwrap().who_acts(), WhoActs::RecipientAdmin);
}

/// Spectrum's page for 1160-1190: "goes against your domain's security policies. Please contact
/// the email administrators of your domain."
#[test]
fn spectrum_sender_domain_policy_is_the_senders_admin() {
    let text = "550 5.1.0 Message rejected. AUP#I-1160. Please visit https://www.spectrum.net/support/internet/understanding-email-error-codes for more information.";
    assert_eq!(who_acts("spectrum", Some("mx.spectrum.net"), text, "policyviolation"), WhoActs::SenderAdmin);
}

/// Spectrum 1560: "Check your outgoing email addresses and try again later".
#[test]
fn spectrum_too_many_invalid_recipients_is_the_sender() {
    let text = "550 5.1.0 Message rejected. AUP#O-1560";
    assert_eq!(who_acts("spectrum", Some("mx.charter.net"), text, "policyviolation"), WhoActs::Sender);
}

/// Microsoft's sender-side refusals: the sender's own organisation blocks the message.
#[test]
fn microsoft365_sender_organisation_policies_are_the_senders_admin() {
    let host = Some("example-org.mail.protection.outlook.com");
    let text = "550 5.7.520 Access denied, Your organization does not allow external forwarding. Please contact your \
                administrator for further assistance. AS(7555)";
    assert_eq!(who_acts("microsoft365", host, text, "policyviolation"), WhoActs::SenderAdmin);
    let text = "550 5.7.703 Your message can't be delivered because messages to bob@example.org are blocked by your \
                organization using Tenant Allow Block List.";
    assert_eq!(who_acts("microsoft365", host, text, "policyviolation"), WhoActs::SenderAdmin);
}

/// Gmail's page: "Contact your domain administrator for assistance", and the content guidelines
/// for a message blocked as a security issue.
#[test]
fn gmail_policy_replies_name_the_sending_side() {
    let host = Some("gmail-smtp-in.l.google.com");
    let text = "550 5.7.1 The user or domain that you are sending to (or from) has a policy that prohibits the email \
                that you sent. Contact your domain administrator for assistance. - gsmtp";
    assert_eq!(who_acts("gmail", host, text, "policyviolation"), WhoActs::SenderAdmin);
    let text = "552 5.7.0 This message was blocked because its content presents a potential security issue. To \
                review our message content and attachment content guidelines, go to File types blocked in Gmail. - gsmtp";
    assert_eq!(who_acts("gmail", host, text, "policyviolation"), WhoActs::Sender);
}

/// A phrase rule's own party wins too: Microsoft's refusal of a sender from outside the recipient's
/// organisation, relayed where no Microsoft marker or host shows, is decided by the phrase
/// "sender was not authenticated" (rejected, whose party is the sender's administrator); Microsoft
/// says only the recipient's administrator can change it.
#[test]
fn a_phrase_rules_party_wins_over_its_reasons() {
    let e = explain_with(b"550 5.7.12 Sender was not authenticated by organization", &Context::default());
    let c = e.classification().unwrap();
    assert!(matches!(c.rule(), Rule::Phrase(p) if p.phrase() == "sender was not authenticated"), "{:?}", c.rule());
    assert_eq!(c.reason().id(), "rejected");
    assert_eq!(c.reason().who_acts(), WhoActs::SenderAdmin);
    assert_eq!(e.who_acts(), WhoActs::RecipientAdmin);
}

/// A rule without a party of its own keeps the reason's: Microsoft's "Delivery not authorized" is
/// a restriction the recipient's organisation set (a distribution group or a transport rule).
#[test]
fn a_rule_without_its_own_party_keeps_the_reasons() {
    let host = Some("example-org.mail.protection.outlook.com");
    let text = "550 5.7.1 RESOLVER.RST.NotAuthorized; not authorized; Delivery not authorized, message refused";
    assert_eq!(who_acts("microsoft365", host, text, "policyviolation"), WhoActs::RecipientAdmin);
    // A phrase rule without a party: the reason decides.
    let e = explain_with(b"550 5.7.1 Message rejected due to local policy", &Context::default());
    let c = e.classification().unwrap();
    assert!(matches!(c.rule(), Rule::Phrase(p) if p.who_acts().is_none()), "{:?}", c.rule());
    assert_eq!(e.who_acts(), c.reason().who_acts());
}

/// Every rule's own party differs from its reason's (the generator rejects a repeat), and the
/// classifier reports it for every provider reply that has one.
#[test]
fn every_rule_party_differs_from_its_reason() {
    for p in PHRASE_RULES {
        assert_ne!(p.who_acts(), Some(p.reason().who_acts()), "{:?}", p.phrase());
    }
    let classifier = Classifier::new();
    for r in PROVIDER_REPLIES.iter().filter(|r| r.who_acts().is_some()) {
        assert_ne!(r.who_acts(), Some(r.reason().who_acts()), "{:?}", r.match_text());
        let host = r.provider().hosts().first().copied();
        let c = classifier.classify(r.text().as_bytes(), &Context::new().with_remote_host(host));
        if matches!(c.rule(), Rule::ProviderReply(row) if core::ptr::eq(row, r)) {
            assert_eq!(Some(c.who_acts()), r.who_acts(), "{:?}", r.match_text());
        }
    }
}
