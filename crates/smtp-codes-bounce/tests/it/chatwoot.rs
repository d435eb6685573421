//! Chatwoot's e-mail fixtures (`tests/data/chatwoot`, MIT, see its LICENSE, SOURCES.tsv and
//! README): the automatic reply and the bounces Chatwoot's tests know are what they are, and
//! none of the support mails, replies and attachments gives any record.

use std::path::PathBuf;

use smtp_codes_bounce::decode;

fn folder() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/data/chatwoot")
}

#[test]
fn automatic_replies_and_bounces_are_what_they_are_and_no_ordinary_message_gives_a_record() {
    let wrong = super::asserted::mismatches(&folder(), ".eml", 5, 40);
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

/// A Gmail bounce whose delivery-status part is empty is read from its text, in Gmail's format:
/// its `From` and `X-Failed-Recipients`, which Google Groups' notices share, do not make it one.
#[test]
fn a_gmail_bounce_read_from_its_text_is_gmails() {
    let d = decode(&std::fs::read(folder().join("bounced_gmail.eml")).unwrap());
    assert_eq!(d.decoded_by().as_str(), "gmail");
    let [r] = d.recipients() else { panic!("{:?}", d.recipients()) };
    assert_eq!(r.recipient(), Some("alex.jones@fictionalcorp.com"));
    assert_eq!(r.classification().reason().id(), "userunknown");
}
