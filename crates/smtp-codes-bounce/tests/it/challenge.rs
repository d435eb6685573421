//! Challenge-response messages are not bounces: hand-made messages in the shape of the real
//! systems' requests, each with the source of its markers, and bounces that mention
//! confirmation, which stay bounces.

use smtp_codes_bounce::markers::CHALLENGE_MARKERS;
use smtp_codes_bounce::{DecodedBy, MessageKind, decode};

/// Asserts that `message` is taken for a challenge from `system`: no record, no original.
fn challenge(message: &str, system: &str) {
    let d = decode(message.as_bytes());
    assert_eq!(d.kind(), MessageKind::NotABounce, "{message}");
    assert_eq!(d.decoded_by(), DecodedBy::None);
    assert!(d.recipients().is_empty());
    assert!(d.original().is_none());
    assert_eq!(d.challenge_response(), Some(system), "{message}");
}

/// A TMDA confirmation request, as TMDA builds it: the template
/// `tmda/templates/confirm_request.txt` (subject "Please confirm your message") in a
/// multipart/mixed with the sender's message, and the headers of `tmda/TMDA/AutoResponse.py`
/// (`Auto-Submitted: auto-replied`, `X-Delivery-Agent: TMDA/version (codename)`), in
/// KevinGoodsell/tmda-fork. Its `Auto-Submitted` header made it an automatic reply before.
const TMDA: &str = "From: Bob <bob-confirm-1700000000.12345.abcdef@example.net>\n\
To: alice@example.org\n\
Subject: Please confirm your message\n\
Date: Tue, 14 Nov 2023 22:13:20 +0000\n\
Message-ID: <1700000000.12345.example.net>\n\
Precedence: bulk\n\
Auto-Submitted: auto-replied\n\
X-Delivery-Agent: TMDA/1.1.12 (Macallan)\n\
MIME-Version: 1.0\n\
Content-Type: multipart/mixed; boundary=\"T\"\n\
\n\
--T\n\
Content-Type: text/plain; charset=us-ascii\n\
Content-Description: Confirmation Request\n\
\n\
Your e-mail message with the subject of \"Lunch\"\n\
was not delivered because your address was not recognized.\n\
\n\
To release your message for delivery, please send an empty message\n\
to the following address, or use your mailer's \"Reply\" feature.\n\
--T\n\
Content-Type: message/rfc822\n\
Content-Description: Original Message\n\
\n\
From: alice@example.org\n\
To: bob@example.net\n\
Subject: Lunch\n\
Message-ID: <m1@example.org>\n\
\n\
See you at noon.\n\
--T--\n";

#[test]
fn tmda_confirmation_request() {
    challenge(TMDA, "TMDA");
    // Without the X-Delivery-Agent header, the template's subject still tells it.
    challenge(&TMDA.replace("X-Delivery-Agent: TMDA/1.1.12 (Macallan)\n", ""), "TMDA");
}

#[test]
fn header_markers() {
    // Spam Arrest's, cPanel BoxTrapper's and EarthLink spamBlocker's requests, by the headers
    // that apache/spamassassin:rules/20_vbounce.cf keys them on (__CRBOUNCE_SPAMARREST,
    // __AUTO_GEN_XBT, __CRBOUNCE_RP); the texts are made up.
    let plain = |headers: &str| {
        format!(
            "{headers}From: Carol <carol@example.com>\nTo: alice@example.org\nSubject: Re: Lunch\n\nI use a spam filter. Please click the link below to verify that you are a person:\nhttps://verify.example.com/c/123\n"
        )
    };
    challenge(&plain("X-Spamarrest-noauth: 1\n"), "Spam Arrest");
    challenge(&plain("X-Boxtrapper: yes\n"), "BoxTrapper (cPanel)");
    challenge(&plain("Return-Path: <spamblocker-challenge@earthlink.example>\n"), "EarthLink spamBlocker");
    challenge(&plain("X-AskVersion: 2.5.3\n"), "ASK (Active Spam Killer)");
    // The same message without a marker is ordinary mail, with no challenge named.
    let d = decode(plain("").as_bytes());
    assert_eq!(d.kind(), MessageKind::NotABounce);
    assert_eq!(d.challenge_response(), None);
}

#[test]
fn body_and_subject_markers() {
    // A Boxbe request, by the phrase Mail::DeliveryStatus::BounceParser 1.527 keys it on
    // (folded over two lines here); the rest is made up.
    challenge(
        "From: Dave <dave@example.com>\nTo: alice@example.org\nSubject: Your message to dave@example.com\nAuto-Submitted: auto-replied\n\nHi, this is a one-time automated message to confirm that you're\nlisted on my Boxbe Guest List.\n",
        "Boxbe",
    );
    // Qurb's subject tag (apache/spamassassin:rules/20_vbounce.cf, __CRBOUNCE_QURB).
    challenge(
        "From: Erin <erin@example.com>\nTo: alice@example.org\nSubject: Re: Lunch [Qurb #4521788]\n\nYour message is waiting for approval.\n",
        "Qurb",
    );
}

#[test]
fn bounces_that_mention_confirmation_stay_bounces() {
    // A DSN whose text and returned original speak of confirming, with a challenge marker
    // header on the bounce itself: the delivery-status part decides.
    let dsn = "From: MAILER-DAEMON@mx.example.org\nSubject: Undelivered Mail Returned to Sender\nX-Boxtrapper: yes\nMIME-Version: 1.0\nContent-Type: multipart/report; report-type=delivery-status; boundary=\"B\"\n\n--B\nContent-Type: text/plain\n\nPlease confirm the address: your server requires confirmation of nothing, the mailbox is unknown.\n--B\nContent-Type: message/delivery-status\n\nReporting-MTA: dns; mx.example.org\n\nFinal-Recipient: rfc822; bob@example.net\nAction: failed\nStatus: 5.1.1\nDiagnostic-Code: smtp; 550 5.1.1 <bob@example.net>: User unknown\n--B\nContent-Type: message/rfc822\n\nFrom: alice@example.org\nTo: bob@example.net\nSubject: Please confirm your message\n\nClick the link to confirm.\n--B--\n";
    let d = decode(dsn.as_bytes());
    assert_eq!((d.kind(), d.decoded_by()), (MessageKind::Bounce, DecodedBy::Rfc3464));
    assert_eq!(d.challenge_response(), None);
    assert_eq!(d.recipients()[0].recipient(), Some("bob@example.net"));
    assert_eq!(d.original().unwrap().subject.as_deref(), Some("Please confirm your message"));

    // A plain-text bounce from MAILER-DAEMON (no DSN) that quotes a confirmation request's
    // subject: it looks like a bounce, so it is read as one.
    let plain = "From: MAILER-DAEMON@mx.example.org\nSubject: failure notice\n\nHi. This is the qmail-send program at mx.example.org.\nI'm afraid I wasn't able to deliver your message to the following addresses.\n\n<bob@example.net>:\nSorry, no mailbox here by that name. (#5.1.1)\n\n--- Below this line is a copy of the message.\n\nFrom: alice@example.org\nSubject: Please confirm your message\n\nYour server requires confirmation.\n";
    let d = decode(plain.as_bytes());
    assert_eq!((d.kind(), d.decoded_by().as_str()), (MessageKind::Bounce, "qmail"));
    assert_eq!(d.challenge_response(), None);

    // An ordinary reply that asks to confirm something is neither a challenge nor a bounce.
    let d = decode(b"From: bob@example.net\nTo: alice@example.org\nSubject: Please confirm: lunch on Friday?\n\nCan you confirm you are coming?\n");
    assert_eq!(d.kind(), MessageKind::NotABounce);
    assert_eq!(d.challenge_response(), None);
}

#[test]
fn every_marker_has_a_source() {
    assert!(CHALLENGE_MARKERS.len() >= 20);
    for m in CHALLENGE_MARKERS {
        assert!(!m.system.is_empty() && !m.source.is_empty(), "{m:?}");
    }
}

/// Boxbe writes its challenge as a delivery-status report of its own (`Diagnostic-Code:
/// X-Boxbe-Notice; Sender not pre-approved`, no remote server's reply): no bounce. A remote
/// server's SMTP refusal that asks for confirmation (`smtp; 550 Your server requires
/// confirmation`) is a bounce all the same. Both from BounceParser's corpus.
#[test]
fn a_challenge_written_as_a_report_is_no_bounce_but_a_refusal_asking_for_confirmation_is() {
    let corpus = std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/data/bounceparser/corpus");
    for name in ["boxbe-cr.msg", "boxbe-cr2.msg"] {
        let d = decode(&std::fs::read(corpus.join(name)).unwrap());
        assert_eq!(d.kind(), MessageKind::NotABounce, "{name}");
        assert!(d.recipients().is_empty(), "{name}");
        assert_eq!(d.challenge_response(), Some("Boxbe"), "{name}");
    }
    let d = decode(&std::fs::read(corpus.join("whitelist.msg")).unwrap());
    assert_eq!(d.kind(), MessageKind::Bounce);
    assert_eq!(d.decoded_by(), DecodedBy::Rfc3464);
    assert_eq!(d.challenge_response(), None);
}
