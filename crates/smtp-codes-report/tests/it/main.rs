//! Tests of the output contract: `docs/json.md` against the real types, and the records'
//! values for real replies.

mod excerpt;
mod schema;

use std::path::PathBuf;

/// The workspace root.
fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..")
}
