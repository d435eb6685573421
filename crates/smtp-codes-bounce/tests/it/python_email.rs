//! CPython's e-mail test messages (`tests/data/python-email`, PSF License 2, see its LICENSE):
//! ordinary mail of every MIME shape gives no bounce, and the three real delivery reports among
//! them give one record for each of their recipients.

use std::path::PathBuf;

use smtp_codes_bounce::{Action, MessageKind, decode};

fn folder() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/data/python-email")
}

fn message(name: &str) -> Vec<u8> {
    std::fs::read(folder().join(name)).unwrap_or_else(|e| panic!("{name}: {e}"))
}

#[test]
fn only_the_delivery_reports_are_bounces() {
    let mut names: Vec<String> = std::fs::read_dir(folder())
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .filter(|n| n.starts_with("msg_") && n.ends_with(".txt"))
        .collect();
    names.sort();
    assert_eq!(names.len(), 47);
    let bounces: Vec<&str> = names
        .iter()
        .filter(|n| {
            let d = decode(&message(n));
            matches!(d.kind(), MessageKind::Bounce | MessageKind::Delay) || !d.recipients().is_empty()
        })
        .map(String::as_str)
        .collect();
    assert_eq!(bounces, ["msg_16.txt", "msg_25.txt", "msg_43.txt"]);
}

/// Sun Internet Mail Server writes the reason only as the comment of the `Status` field
/// (`5.0.0 (recipient reached disk quota)`) and under a `Recipient address:` label in its text.
#[test]
fn a_status_comment_and_a_labelled_address_give_the_reason() {
    let d = decode(&message("msg_16.txt"));
    let [r] = d.recipients() else { panic!("{:?}", d.recipients()) };
    assert_eq!(r.recipient(), Some("jangel1@cougar.noc.ucla.edu"));
    assert_eq!(r.action(), Some(Action::Failed));
    assert_eq!(r.status().unwrap().to_string(), "5.0.0");
    assert!(r.diagnostic().contains("recipient reached disk quota"), "{}", r.diagnostic());
    assert_eq!(r.classification().reason().id(), "mailboxfull");
}

/// A `multipart/report` whose `boundary` parameter was cut short (`bo`): no MIME part is found,
/// and the body is read as one text with its delivery-status fields.
#[test]
fn a_report_whose_boundary_never_occurs_is_still_read() {
    let d = decode(&message("msg_25.txt"));
    assert_eq!(d.kind(), MessageKind::Bounce);
    let [r] = d.recipients() else { panic!("{:?}", d.recipients()) };
    assert_eq!(r.recipient(), Some("scoffman@wellpartner.com"));
    assert_eq!(r.status().unwrap().to_string(), "5.4.6");
    assert_eq!(r.classification().reason().id(), "networkerror");
}

#[test]
fn every_recipient_of_a_long_report_is_a_record() {
    let d = decode(&message("msg_43.txt"));
    assert_eq!(d.recipients().len(), 25);
    assert!(d.recipients().iter().all(|r| r.recipient().is_some_and(|a| a.ends_with("@dot.ca.gov"))));
    assert!(d.recipients().iter().all(|r| r.status().unwrap().to_string() == "5.7.1"));
}

/// A mailing list digest's footer, pasted without its headers, names addresses on lines of
/// their own; with no code, no format and no error text it is not a bounce.
#[test]
fn a_digest_footer_without_headers_is_not_a_bounce() {
    let d = decode(&message("msg_19.txt"));
    assert!(d.recipients().is_empty(), "{:?}", d.recipients());
}
