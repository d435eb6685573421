//! `cargo xtask codegen [--check]`: reads `codes.toml` and the files it includes, validates them,
//! renders the core crate's `generated.rs`, and writes it only when the text changed (or, with
//! `--check`, fails when it would).

use std::fs;
use std::path::Path;

use anyhow::{Context, Result, bail};

use crate::model::{self, Catalogue, ROOT};
use crate::{render, validate};

/// Where the generated code goes, relative to the workspace root.
pub(crate) const GENERATED: &str = "crates/smtp-codes/src/generated.rs";

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Mode {
    /// Write the generated file when it changed.
    Write,
    /// Fail when the generated file is not what the catalogue gives.
    Check,
}

/// Reads the catalogue through `read` (a path relative to the workspace root to its text) and
/// validates it.
pub(crate) fn catalogue(read: &mut dyn FnMut(&str) -> Result<String>) -> Result<Catalogue> {
    let catalogue = model::load(read)?;
    validate::check(&catalogue)?;
    Ok(catalogue)
}

/// Renders the generated file from the catalogue at `root`.
pub(crate) fn generate(root: &Path) -> Result<String> {
    let mut read = |path: &str| -> Result<String> {
        let path = root.join(path);
        fs::read_to_string(&path).with_context(|| format!("cannot read {}", path.display()))
    };
    render::render(&catalogue(&mut read)?)
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
            "{} is not up to date with {ROOT} and the files it includes.\n       Run `cargo xtask codegen` and commit the result.",
            path.display()
        );
    }
    let tmp = path.with_extension("rs.tmp");
    fs::write(&tmp, contents).with_context(|| format!("cannot write {}", tmp.display()))?;
    fs::rename(&tmp, path).with_context(|| format!("cannot replace {}", path.display()))?;
    eprintln!("updated {}", path.display());
    Ok(())
}
