//! The Ruby mail gem's delivery-status reports (`tests/data/mail-gem`, MIT, see its README and
//! SOURCES.tsv), against what the gem's `spec/mail/multipart_report_spec.rb` asserts of each:
//! bounced or not, and for its temporary and its permanent failure the action, the final
//! recipient, the status, the diagnostic code, the remote MTA and whether to try again; and a
//! report whose Final-Recipient is masked names its Original-Recipient.

use std::path::PathBuf;

use smtp_codes_bounce::{Action, Decoded, MessageKind, decode};

fn decoded(name: &str) -> Decoded {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/data/mail-gem").join(name);
    decode(&std::fs::read(&path).unwrap_or_else(|e| panic!("{name}: {e}")))
}

/// What the gem's spec asserts of one failure report, in its own words.
struct Asserted {
    bounced: bool,
    action: Action,
    final_recipient: &'static str,
    error_status: &'static str,
    diagnostic_code: &'static str,
    remote_mta: &'static str,
    retryable: bool,
}

fn check(name: &str, want: &Asserted) {
    let d = decoded(name);
    let [r] = d.recipients() else { panic!("{name}: {} records", d.recipients().len()) };
    assert_eq!(d.kind() == MessageKind::Bounce, want.bounced, "{name}: {:?}", d.kind());
    assert_eq!(r.action(), Some(want.action), "{name}");
    // The gem gives the fields as written (`RFC822; a@b`, `SMTP; 452 ...`, `DNS; host`); the
    // record splits off the type.
    let (_, address) = want.final_recipient.split_once("; ").unwrap();
    assert_eq!(r.recipient(), Some(address), "{name}");
    assert_eq!(r.status().map(|s| s.to_string()).as_deref(), Some(want.error_status), "{name}");
    let (kind, text) = want.diagnostic_code.split_once("; ").unwrap();
    assert_eq!((r.diagnostic_type(), r.diagnostic()), (Some(kind), text), "{name}");
    let (_, host) = want.remote_mta.split_once("; ").unwrap();
    assert_eq!(r.remote_mta(), Some(host), "{name}");
    assert_eq!(r.explanation().retry(), want.retryable, "{name}");
}

#[test]
fn the_temporary_and_the_permanent_failure_read_as_the_gem_asserts() {
    check(
        "report_422.eml",
        &Asserted {
            bounced: false,
            action: Action::Delayed,
            final_recipient: "RFC822; fraser@oooooooo.com.au",
            error_status: "4.2.2",
            diagnostic_code: "SMTP; 452 4.2.2 <fraser@oooooooo.com.au>... Mailbox full",
            remote_mta: "DNS; mail.oooooooo.com.au",
            retryable: true,
        },
    );
    check(
        "report_530.eml",
        &Asserted {
            bounced: true,
            action: Action::Failed,
            final_recipient: "RFC822; edwin@zzzzzzz.com",
            error_status: "5.3.0",
            diagnostic_code: "SMTP; 553 5.3.0 <edwin@zzzzzzz.com>... Unknown E-Mail Address",
            remote_mta: "DNS; mail.zzzzzz.com",
            retryable: false,
        },
    );
}

#[test]
fn the_other_reports_are_bounces() {
    // The gem asserts only `bounced?` of these (two are one message, LF and CRLF).
    for name in ["multi_address_bounce1.eml", "multi_address_bounce2.eml", "multipart_report_multiple_status.eml"] {
        let d = decoded(name);
        assert_eq!(d.kind(), MessageKind::Bounce, "{name}");
        assert!(!d.recipients().is_empty(), "{name}");
    }
    let (one, two) = (decoded("multi_address_bounce1.eml"), decoded("multi_address_bounce2.eml"));
    let addresses = |d: &Decoded| d.recipients().iter().map(|r| r.recipient().map(str::to_owned)).collect::<Vec<_>>();
    assert_eq!(addresses(&one), addresses(&two), "line endings change nothing");
    // A masked Final-Recipient (`********************@**********`) names no address: the
    // Original-Recipient does.
    let d = decoded("original_recipient.eml");
    let [r] = d.recipients() else { panic!("{} records", d.recipients().len()) };
    assert_eq!((d.kind(), r.recipient()), (MessageKind::Bounce, Some("max.mustermann@example.org")));
}
