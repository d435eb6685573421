//! Provider replies corrected against their cited sources (issue 11): each real reply text, sent
//! from the provider's servers where that is how the provider is recognised, gets the reason and
//! the hard or soft verdict that its source supports, through the provider's own row.

use smtp_codes::classify::{Classifier, Context, PROVIDER_REPLIES, Rule};

/// Classifies `text` as if `host` had sent it; the reply must be decided by a row of `provider`.
#[track_caller]
fn assert_reply(provider: &str, host: Option<&str>, text: &str, reason: &str, hard: bool) {
    let c = Classifier::new().classify(text.as_bytes(), &Context::new().with_remote_host(host));
    let Rule::ProviderReply(row) = c.rule() else {
        panic!("{text:?}: decided by {:?}, not by a provider reply", c.rule());
    };
    assert_eq!(row.provider().id(), provider, "{text:?}: matched {:?}", row.match_text());
    assert_eq!((c.reason().id(), c.hard_bounce()), (reason, hard), "{text:?}: matched {:?}", row.match_text());
}

/// The rows of a provider whose `match` is `m`.
fn rows(provider: &str, m: &str) -> usize {
    PROVIDER_REPLIES.iter().filter(|r| r.provider().id() == provider && r.match_text() == m).count()
}

/// Sisimai's microsoft.rb files this text under networkerror, and Microsoft gives the sending
/// server's DNS or network adapter set-up as the cause: not a hard bounce of the recipient.
#[test]
fn exchange_nonexistent_domain_is_a_network_error_of_the_sender() {
    let text = "550 5.4.4 SMTPSEND.DNS.NonExistentDomain; nonexistent domain";
    assert_reply("exchange", None, text, "networkerror", false);
}

#[test]
fn exchange_recipient_thread_limit_is_speeding() {
    let text = "432 4.3.2 STOREDRV.Deliver; recipient thread limit exceeded";
    assert_reply("exchange", None, text, "speeding", false);
}

/// "Sender denied" refuses the sender, not the recipient (it was userunknown, a hard bounce).
#[test]
fn microsoft365_sender_denied_is_a_soft_sender_rejection() {
    let host = Some("example-org.mail.protection.outlook.com");
    assert_reply("microsoft365", host, "550 5.1.0 <bob@example.org> Sender denied", "rejected", false);
}

#[test]
fn microsoft365_server_busy_is_a_system_error() {
    let host = Some("hotmail-com.olc.protection.outlook.com");
    let text = "451 4.7.500 Server busy. Please try again later from [192.0.2.2]. (AS761)";
    // outlookcom shares these servers; the row decides either way, with microsoft.rb's reason.
    let c = Classifier::new().classify(text.as_bytes(), &Context::new().with_remote_host(host));
    assert!(matches!(c.rule(), Rule::ProviderReply(_)), "{:?}", c.rule());
    assert_eq!((c.reason().id(), c.hard_bounce()), ("systemerror", false));
}

#[test]
fn microsoft365_restricted_connector_is_a_block() {
    let host = Some("example-org.mail.protection.outlook.com");
    let text = "550 5.7.51 TenantInboundAttribution; There is a partner connector configured that matched the message's \
                recipient domain. The partner connector requires that the sending server use RestrictDomainsToIPAddresses \
                or RestrictDomainsToCertificate";
    assert_reply("microsoft365", host, text, "blocked", false);
}

/// Zoho.pm files both texts under Rejected (ReFROM), a refusal of the sender.
#[test]
fn zoho_spam_flag_and_destination_refusal_are_rejections() {
    let host = Some("smtpin.zoho.com");
    let text = "554 5.7.1 Email cannot be delivered. Reason: Email flagged as Spam.";
    assert_reply("zoho", host, text, "rejected", false);
    assert_reply("zoho", host, "541 5.4.1 Mail rejected by destination domain", "rejected", false);
}

/// Zoho.pm: "Mailbox delivery restricted by policy error" is a PolicyViolation (ReWONT).
#[test]
fn zoho_restricted_by_policy_is_a_policy_violation() {
    let host = Some("mx.zoho.com");
    assert_reply("zoho", host, "550 5.7.1 Mailbox delivery restricted by policy error", "policyviolation", false);
}

/// Zoho.pm lists "552 5.1.1 <address> Mailbox delivery failure policy error" among its
/// userunknown examples.
#[test]
fn zoho_delivery_failure_policy_error_is_an_unknown_user() {
    let host = Some("mx.zoho.com");
    let text = "552 5.1.1 <bob@zoho.com> Mailbox delivery failure policy error";
    assert_reply("zoho", host, text, "userunknown", true);
}

/// google.rb gives this text with 535 5.7.9 (the row said 534).
#[test]
fn gmail_old_application_specific_password_reply_is_535() {
    let host = Some("smtp.gmail.com");
    let text = "535 5.7.9 Application-specific password required. Learn more at https://support.google.com/mail/?p=InvalidSecondFactor - gsmtp";
    assert_reply("gmail", host, text, "securityerror", false);
    let c = Classifier::new().classify(text.as_bytes(), &Context::new().with_remote_host(host));
    let row = c.provider_reply().expect("a provider row");
    assert_eq!(
        (row.reply_code().map(|r| r.as_u16()), row.enhanced().map(|e| e.to_string())),
        (Some(535), Some("5.7.9".into()))
    );
}

/// Tencent's meanings said only which help page documents the reply; they now say what it means,
/// and the page is in the source.
#[test]
fn tencent_meanings_are_meanings() {
    for row in PROVIDER_REPLIES.iter().filter(|r| r.provider().id() == "tencent") {
        assert!(!row.meaning().contains("detail/122"), "{:?}: {}", row.match_text(), row.meaning());
    }
    let host = Some("mx3.qq.com");
    assert_reply(
        "tencent",
        host,
        "550 Mail content denied. https://service.mail.qq.com/detail/122/171",
        "spamdetected",
        false,
    );
    assert_reply(
        "tencent",
        host,
        "550 Mailbox not found. https://service.mail.qq.com/detail/122/169",
        "userunknown",
        true,
    );
    assert_reply(
        "tencent",
        host,
        "550 Bad address syntax. https://service.mail.qq.com/detail/122/167",
        "userunknown",
        true,
    );
}

/// A Spectrum code inside a documented range, as a real bounce of the Sisimai corpus shows it
/// (bsd/rhost-spectrum-01.eml, which Sisimai classifies as toomanyconn); each row's text is now
/// one code, not a range.
#[test]
fn spectrum_codes_are_single_codes() {
    let text = "550 5.1.0 <0100@amazonses.com> sender rejected. Please see \
                https://www.spectrum.net/support/internet/understanding-email-error-codes for more information. AUP#In-1310";
    assert_reply("spectrum", None, text, "toomanyconn", false);
    for row in PROVIDER_REPLIES.iter().filter(|r| r.provider().id() == "spectrum") {
        let code = row.match_text().trim_start_matches('-');
        assert_eq!(row.text(), format!("AUP#I-{code} / AUP#O-{code}"));
    }
}

/// The Orange and La Poste texts are the ones franceptt.rb quotes, one per code.
#[test]
fn orange_texts_are_quoted_replies() {
    let host = Some("smtp-in.orange.fr");
    assert_reply("orange", host, "421 mwinf5c04 ME Service refused, please try later. LPN006_107", "blocked", false);
    let text = "501 5.1.0 Emetteur invalide. Invalid Sender. OFR004_405 [405] (in reply to MAIL FROM command)";
    assert_reply("orange", host, text, "rejected", false);
    // Codes 105 and 403 are quoted without their token: no row claims them.
    assert_eq!(rows("orange", "_105") + rows("orange", "_403"), 0);
}

/// Comcast's PTR reply, as the Sisimai sample bsd/lhost-exim-33.eml has it.
#[test]
fn comcast_ptr_reply_from_the_sample() {
    let text = "554 mta1.comcast.net comcast 203.0.113.2 Comcast requires that all mail servers must have a PTR record \
                with a valid Reverse DNS entry. Currently your mail server does not fill that requirement. For more \
                information, refer to: http://postmaster.comcast.net/smtp-error-codes.php#554";
    assert_reply("comcast", Some("mx1.comcast.net"), text, "requireptr", false);
}

/// Yandex's non-delivery page lists "No such user" for a non-existing address and "Message
/// rejected under suspicion of SPAM" for spam.
#[test]
fn yandex_replies_follow_its_bounce_page() {
    let host = Some("mx.yandex.ru");
    assert_reply("yandex", host, "550 5.7.1 No such user!", "userunknown", true);
    let text = "554 5.7.1 [2] Message rejected under suspicion of SPAM; https://ya.cc/1IrBc 1531155765-mzChPcN6";
    assert_reply("yandex", host, text, "spamdetected", false);
}

/// Sisimai's Mail.ru module files "user not found" under userunknown.
#[test]
fn mailru_user_not_found_is_an_unknown_user() {
    let text =
        "550 Message was not accepted -- invalid mailbox.  Local mailbox bob@mail.ru is unavailable: user not found";
    assert_reply("mailru", Some("mxs.mail.ru"), text, "userunknown", true);
}

/// Outlook.com's 5.7.515, now cited to Microsoft's page on that very code.
#[test]
fn outlookcom_authentication_level_is_an_authentication_failure() {
    let text = "550 5.7.515 Access denied, sending domain example.org does not meet the required authentication level.";
    assert_reply("outlookcom", Some("hotmail-com.olc.protection.outlook.com"), text, "authfailure", false);
}

/// Replies without a followable source were removed: Proton's only reply, Yandex's "not owned by
/// auth user", and a note about Comcast's move to Yahoo that was never a reply.
#[test]
fn replies_without_a_source_are_gone() {
    assert!(PROVIDER_REPLIES.iter().all(|r| r.provider().id() != "proton"));
    assert_eq!(rows("yandex", "sender address rejected: not owned by auth user"), 0);
    assert_eq!(rows("comcast", "comcast consumer mail migrated to yahoo mail infrastructure"), 0);
    assert_eq!(PROVIDER_REPLIES.len(), 554);
}
