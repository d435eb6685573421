//! flanker's test messages (`tests/data/flanker`, Apache-2.0, see its LICENSE and README):
//! the 13 bounces, delay warnings, complaints and read receipt of Mailgun's MIME library's
//! fixtures, each labelled by reading it, without this project's output (`labels.jsonl`;
//! scored by `labelled::score`). The floors are the figures at the commit that added them; the
//! first run is in the data's README.

use std::path::PathBuf;

use crate::labelled;

#[test]
fn the_messages_give_their_labelled_kind_recipients_and_cause() {
    let s = labelled::score(&PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/data/flanker"), "messages");
    s.print("flanker");
    s.assert_at_least(13, 13, 10, 9);
}
