//! Discourse's e-mail fixtures (`tests/data/discourse`, GPL-2.0 or later, see its COPYRIGHT,
//! SOURCES.tsv and README): the bounces Discourse's own receiver tests hold to be bounces (with
//! the code and the hard or soft score where a test asserts them) are bounces, the messages they
//! hold to be automatic are not, and none of the ordinary replies, new topics, mailing-list
//! copies and rejected messages gives any record.

use std::path::PathBuf;

#[test]
fn bounces_are_bounces_and_no_ordinary_message_gives_a_record() {
    let folder = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/data/discourse");
    let wrong = super::asserted::mismatches(&folder, ".eml", 10, 158);
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}
