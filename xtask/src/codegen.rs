//! `cargo xtask codegen [--check]`: reads `codes.toml`, validates it, renders the core crate's
//! `generated.rs`, and writes it only when the text changed (or, with `--check`, fails when it would).

use std::fs;
use std::path::Path;

use anyhow::{Context, Result, bail};

use crate::{catalogue, render};

/// Where the catalogue is, relative to the workspace root.
pub(crate) const CATALOGUE: &str = "codes.toml";
/// Where the generated code goes, relative to the workspace root.
pub(crate) const GENERATED: &str = "crates/smtp-codes/src/generated.rs";

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Mode {
    /// Write the generated file when it changed.
    Write,
    /// Fail when the generated file is not what the catalogue gives.
    Check,
}

/// Renders the generated file from the catalogue at `root`.
pub(crate) fn generate(root: &Path) -> Result<String> {
    let path = root.join(CATALOGUE);
    let text = fs::read_to_string(&path).with_context(|| format!("cannot read {}", path.display()))?;
    let catalogue = catalogue::parse(&text)?;
    render::render(&catalogue)
}

pub(crate) fn run(root: &Path, mode: Mode) -> Result<()> {
    let contents = generate(root)?;
    ensure_file_contents(&root.join(GENERATED), &contents, mode)
}

/// Makes `path` hold `contents`. In check mode, fails with the command to run instead of
/// writing. Writes through a temporary file and a rename, so a failure never leaves a
/// half-written file behind.
fn ensure_file_contents(path: &Path, contents: &str, mode: Mode) -> Result<()> {
    let current = fs::read_to_string(path).ok();
    if current.as_deref() == Some(contents) {
        return Ok(());
    }
    if mode == Mode::Check {
        bail!(
            "{} is not up to date with {CATALOGUE}.\n       Run `cargo xtask codegen` and commit the result.",
            path.display()
        );
    }
    let tmp = path.with_extension("rs.tmp");
    fs::write(&tmp, contents).with_context(|| format!("cannot write {}", tmp.display()))?;
    fs::rename(&tmp, path).with_context(|| format!("cannot replace {}", path.display()))?;
    eprintln!("updated {}", path.display());
    Ok(())
}
