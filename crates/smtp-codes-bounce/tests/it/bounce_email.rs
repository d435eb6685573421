//! The test bounces of the Python port of the Ruby `bounce_email` gem (`tests/data/bounce-email`,
//! MIT, see its LICENSE, SOURCES.tsv and README): ten Latvian bounces of 2005-2007 and four other
//! messages, held to what that project's tests assert (a bounce or not, the code, hard or soft).

use std::path::PathBuf;

#[test]
fn the_bounces_give_what_their_own_tests_assert() {
    let folder = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/data/bounce-email");
    let wrong = super::asserted::mismatches(&folder, ".txt", 14, 14);
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}
