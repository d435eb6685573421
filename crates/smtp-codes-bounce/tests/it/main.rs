//! Integration tests of the bounce decoder: real messages of the Sisimai corpus, a sample of
//! every bounce format of the catalogue, line endings, deciding, challenge-response messages,
//! mailboxes, large and hostile input, and property tests.

mod asserted;
mod bounce_email;
mod bounceparser;
mod challenge;
mod chatwoot;
mod corpus;
mod crisp;
mod deciding;
mod deltachat;
mod discourse;
mod endings;
mod esp;
mod flanker;
mod formats;
mod gitlab;
mod hostile;
mod labelled;
mod mail_gem;
mod mailbouncedetector;
mod mbox;
mod php_bounce_handler;
mod properties;
mod python_email;
mod zoon;

use std::path::PathBuf;

/// The folder of the sample messages (`tests/data/sisimai`).
pub(crate) fn data() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/data/sisimai")
}

/// A sample message's bytes, by its path under `tests/data/sisimai`.
pub(crate) fn sample(path: &str) -> Vec<u8> {
    std::fs::read(data().join(path)).unwrap_or_else(|e| panic!("{path}: {e}"))
}
