//! GitLab's incoming-email fixtures (`tests/data/gitlab`, MIT, see its LICENSE, SOURCES.tsv and
//! README): the automatic reply GitLab's receiver rejects as automatically generated is an
//! automatic reply, and none of the replies, new issues, merge requests and service-desk mails
//! gives any record.

use std::path::PathBuf;

#[test]
fn the_automatic_reply_is_one_and_no_ordinary_message_gives_a_record() {
    let folder = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/data/gitlab");
    let wrong = super::asserted::mismatches(&folder, ".eml", 1, 68);
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}
