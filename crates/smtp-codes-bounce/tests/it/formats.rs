//! Every bounce format of the catalogue (`smtp_codes::formats::FORMATS`) is recognised from a
//! real or faithfully reconstructed sample message in `tests/data/formats` (their sources are in
//! that folder's README.md).

use std::collections::BTreeSet;
use std::path::PathBuf;

use smtp_codes::formats::FORMATS;
use smtp_codes_bounce::{Decoded, MessageKind};

/// The folder of the format samples.
fn folder() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/data/formats")
}

/// The format a sample's file name says it is in: `qmail.eml` and `qmail-2.eml` are `qmail`.
fn format_of(name: &str) -> Option<&str> {
    let stem = name.strip_suffix(".eml")?;
    Some(match stem.rsplit_once('-') {
        Some((id, n)) if !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()) => id,
        _ => stem,
    })
}

/// Every sample's file name, sorted.
fn samples() -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(folder())
        .expect("tests/data/formats")
        .map(|e| e.expect("a folder entry").file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".eml"))
        .collect();
    names.sort();
    names
}

fn decode(name: &str) -> Decoded {
    let bytes = std::fs::read(folder().join(name)).unwrap_or_else(|e| panic!("{name}: {e}"));
    smtp_codes_bounce::decode(&bytes)
}

/// Formats whose only sample cannot be decoded by the format, and why. Each sample is the
/// format's text part as the corpus has it; the recipient is only in the delivery-status part
/// that the reconstruction leaves out. Reading it would need a change in the decoder (a
/// recipient from the returned original's headers), so the current behaviour, no address, is
/// asserted.
const KNOWN_GAPS: &[(&str, &str)] = &[
    ("facebook", "the text names no recipient, only the delivery-status part does"),
    ("receivingses", "the text is \"This message could not be delivered.\" alone"),
];

/// Formats with no sample: no message of either corpus is in the format, with or without a
/// delivery-status part, and no text may be invented.
const UNSAMPLED: &[(&str, &str)] = &[(
    "biglobe",
    "neither corpus holds a BIGLOBE bounce (its first marker appears only in rfc3464-35.eml, a Sendmail-style report)",
)];

/// Samples whose recipient and reason are clear from their text: file, recipient, reason.
const EXPECTED: &[(&str, &str, &str)] = &[
    ("courier.eml", "kijitora@example.cat", "hostunknown"),
    ("domino-2.eml", "kijitora@example.co.jp", "userunknown"),
    ("domino.eml", "kijitora@example.com", "userunknown"),
    ("dragonfly.eml", "userunknown@libsisimai.net", "userunknown"),
    ("exchange2003-2.eml", "userx@example.COM", "userunknown"),
    ("exchange2003.eml", "kijitora@example.jp", "userunknown"),
    ("exchange2007-2.eml", "kijitora@example.jp", "userunknown"),
    ("exchange2007.eml", "mikeneko@example.co.jp", "userunknown"),
    ("exim.eml", "kijitora@example.ed.jp", "blocked"),
    ("gmail.eml", "userunknown@example.jp", "userunknown"),
    ("gmx-2.eml", "shironeko@example.jp", "userunknown"),
    ("gmx.eml", "shironeko@example.jp", "mailboxfull"),
    ("imail-2.eml", "kijitora@neko.example.co.jp", "userunknown"),
    ("imail.eml", "kijitora@example.co.jp", "mailboxfull"),
    ("mailfoundry.eml", "kijitora@example.org", "userunknown"),
    // "Could not be delivered because of / 550 5.1.1 User unknown" stands above the recipient:
    // the only recipient takes the section's paragraph with a reply code.
    ("mailmarshal.eml", "kijitora@nyaan.example.com", "userunknown"),
    ("mcafee.eml", "kijitora@example.co.jp", "userunknown"),
    ("messagingserver.eml", "kijitora@example.jp", "userunknown"),
    ("office365.eml", "kijitora@example.com", "userunknown"),
    ("opensmtpd.eml", "kijitora@neko.example.jp", "hostunknown"),
    ("postfix-2.eml", "xxxxx@local.ie", "userunknown"),
    ("postfix.eml", "kijitora@example.com", "networkerror"),
    ("qmail.eml", "kijitora@example.ne.jp", "userunknown"),
    ("sendgrid.eml", "kijitora@example.org", "expired"),
    ("sendmail.eml", "kijitora@neko.example.org", "hostunknown"),
    ("surfcontrol.eml", "kijitora@example.net", "systemerror"),
    ("x4-2.eml", "userx@example.com", "userunknown"),
    ("x4.eml", "userx@example.com.ar", "userunknown"),
    ("yahoo.eml", "kijitora@example.org", "userunknown"),
    ("zoho.eml", "kijitora@6kaku.example.co.jp", "expired"),
    ("mailru.eml", "userx@example.ru", "userunknown"),
    ("kddi.eml", "kijitora@00000000000000.dion.ne.jp", "mailboxfull"),
    // The reason stands in the paragraph above the address.
    ("ezweb.eml", "this-local-part-does-not-exist-on-the-site@ezweb.ne.jp", "suspend"),
    // The transcript's `>>> MAIL FROM:<...>` names the sender, not a recipient.
    ("ezweb-2.eml", "kijitora-neko-nyaan-22222-cats@hotmail.com", "blocked"),
    ("googlegroups.eml", "libsisimai@googlegroups.com", "rejected"),
    ("mfilter.eml", "kijitora@example.com", "userunknown"),
    ("mimecast.eml", "sabineko@neko.ef.example.org", "userunknown"),
    ("yandex.eml", "kijitora@example.jp", "userunknown"),
    ("barracuda.eml", "kijitora@example.org", "blocked"),
    // A screen name alone, below a line naming the sender and ending in a colon.
    ("aol.eml", "screenname@aol.com", "onhold"),
    ("aol-2.eml", "recipient@example.net", "userunknown"),
    ("groupwise.eml", "recipient@example.net", "userunknown"),
    ("mdaemon.eml", "bbbsss@example.com", "mailboxfull"),
    ("mdaemon-2.eml", "userx@example.net.py", "userunknown"),
    ("mailenable.eml", "userx@example.com", "userunknown"),
    // A mailing list refusing a post names the list on the sentence's own line; the notice's
    // lines on how to get the list's guide name its command address, no recipient.
    ("fml.eml", "neko-nyaan@example.org", "rejected"),
    ("fml-2.eml", "neko@example.co.jp", "systemerror"),
    // The reply is two paragraphs below the recipient's, after "Additional information follows :".
];

/// Samples whose reason is clear from their text but not yet found: file, recipient, the reason
/// the text gives, the reason decided now. Move a row to [`EXPECTED`] when the decoder gets it.
const REASON_GAPS: &[(&str, &str, &str, &str)] = &[];

#[test]
fn every_format_is_recognised_from_its_samples() {
    let names = samples();
    let mut failures = Vec::new();
    for format in FORMATS {
        let id = format.id();
        let own: Vec<&String> = names.iter().filter(|n| format_of(n) == Some(id)).collect();
        let unsampled = UNSAMPLED.iter().any(|(u, _)| *u == id);
        if own.is_empty() {
            if !unsampled {
                failures.push(format!("{id}: no sample ({id}.eml)"));
            }
            continue;
        }
        if unsampled {
            failures.push(format!("{id}: has a sample, so it is no longer unsampled"));
        }
        for name in own {
            let d = decode(name);
            if KNOWN_GAPS.iter().any(|(g, _)| *g == id) {
                // The current behaviour: no recipient's address is read (a message that is a
                // bounce by its subject and sender is one record without an address).
                if d.recipients().iter().any(|r| r.recipient().is_some()) {
                    failures.push(format!(
                        "{name}: a known gap now decodes ({}, {} recipients): make it an ordinary sample",
                        d.decoded_by().as_str(),
                        d.recipients().len()
                    ));
                }
                continue;
            }
            let mut wrong = Vec::new();
            if d.decoded_by().as_str() != id {
                wrong.push(format!("decoded by {}", d.decoded_by().as_str()));
            }
            if !matches!(d.kind(), MessageKind::Bounce | MessageKind::Delay) {
                wrong.push(format!("kind {:?}", d.kind()));
            }
            if d.recipients().is_empty() {
                wrong.push("no recipient".to_owned());
            }
            for r in d.recipients() {
                if r.recipient().is_none_or(str::is_empty) {
                    wrong.push("a recipient without an address".to_owned());
                }
                if r.diagnostic().trim().is_empty() {
                    wrong.push(format!("no diagnostic for {:?}", r.recipient()));
                }
            }
            if !wrong.is_empty() {
                failures.push(format!("{name} ({id}): {}", wrong.join(", ")));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn every_sample_is_of_a_format() {
    let ids: BTreeSet<&str> = FORMATS.iter().map(|f| f.id()).collect();
    let orphans: Vec<String> =
        samples().into_iter().filter(|n| !format_of(n).is_some_and(|id| ids.contains(id))).collect();
    assert!(orphans.is_empty(), "samples of no format: {orphans:?}");
    for (id, _) in KNOWN_GAPS.iter().chain(UNSAMPLED) {
        assert!(ids.contains(id), "{id} is listed as a gap but is not a format");
    }
}

/// The recipients of a sample, each with the reason decided for it.
fn reasons(d: &Decoded) -> Vec<(Option<&str>, &'static str)> {
    d.recipients().iter().map(|r| (r.recipient(), r.classification().reason().id())).collect()
}

#[test]
fn samples_give_the_recipient_and_reason_their_text_gives() {
    let names = samples();
    let mut failures = Vec::new();
    for &(name, recipient, reason) in EXPECTED {
        assert!(names.iter().any(|n| n == name), "{name}: no such sample");
        let d = decode(name);
        let got = reasons(&d);
        if got != [(Some(recipient), reason)] {
            failures.push(format!("{name}: want {recipient} {reason}, got {got:?}"));
        }
    }
    for &(name, recipient, want, now) in REASON_GAPS {
        let d = decode(name);
        let got = reasons(&d);
        if got != [(Some(recipient), now)] {
            failures.push(format!("{name}: a known gap (its text says {want}, decided {now}) changed: got {got:?}"));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
