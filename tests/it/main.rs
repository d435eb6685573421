//! Cross-crate integration tests: one binary, one module per concern.

mod classify;
mod iana;
mod oracle;
mod rules;

use std::path::{Path, PathBuf};

/// The workspace root, where `codes.toml` and `data/` live.
fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).parent().unwrap().to_path_buf()
}
