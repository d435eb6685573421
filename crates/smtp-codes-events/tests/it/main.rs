//! The integration tests of smtp-codes-events, one binary: the documented samples of every ESP,
//! bad input, streams, the property that no JSON makes a reader panic, and django-anymail's
//! webhook tests as an unseen set.

mod anymail;
mod errors;
mod properties;
mod samples;
mod stream;
mod symfony;

use std::path::PathBuf;

/// The folder of the sample payloads.
fn data() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/data")
}

/// The JSON of sample `name`.
fn sample(name: &str) -> serde_json::Value {
    let text = std::fs::read_to_string(data().join(name)).unwrap_or_else(|e| panic!("{name}: {e}"));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{name}: {e}"))
}
