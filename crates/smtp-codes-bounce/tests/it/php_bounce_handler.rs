//! PHP Bounce Handler's test messages (`tests/data/php-bounce-handler`, BSD, see its LICENSE and
//! README): 89 real messages (bounces of 2006 to 2015, feedback reports, automatic replies),
//! each labelled by reading it, without this project's output (`labels.jsonl`; scored by
//! `labelled::score`). The floors are the figures at the commit that added the messages; the
//! first run is in the data's README.

use std::path::PathBuf;

use crate::labelled;

fn folder() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/data/php-bounce-handler")
}

#[test]
fn the_messages_give_their_labelled_kind_recipients_and_cause() {
    let s = labelled::score(&folder(), "eml");
    s.print("php-bounce-handler");
    s.assert_at_least(89, 87, 73, 71);
}

#[test]
fn every_cited_php_bounce_handler_sample_is_a_message_here() {
    labelled::cited_samples_exist("php-bounce-handler", &folder().join("eml"));
}
