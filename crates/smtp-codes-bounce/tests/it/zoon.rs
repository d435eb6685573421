//! zoonru/PHP-Bounce-Handler's own test messages (`tests/data/zoon`, MIT, see its LICENSE and
//! README): nine bounces and a feedback report, anonymised, each labelled by reading it,
//! without this project's output (`labels.jsonl`;
//! scored by `labelled::score`). The floors are the figures at the commit that added them; the
//! first run is in the data's README.

use std::path::PathBuf;

use crate::labelled;

#[test]
fn the_messages_give_their_labelled_kind_recipients_and_cause() {
    let s = labelled::score(&PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/data/zoon"), "eml");
    s.print("zoon");
    s.assert_at_least(10, 10, 9, 9);
}
