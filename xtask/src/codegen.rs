//! `cargo xtask codegen [--check]`: reads `codes.toml` and the files it includes, validates them,
//! renders the core crate's generated files, and writes each only when its text changed (or, with
//! `--check`, fails when one would change). A generated file that the generator no longer
//! writes is removed, or with `--check` reported.

use std::collections::HashSet;
use std::fs;
use std::path::{Path, PathBuf};

use anyhow::{Context, Result, bail};

use crate::model::{self, Catalogue, ROOT};
use crate::render::{self, HEADER};
use crate::{source, validate};

/// Where generated files may be, relative to the workspace root: the stale check looks here.
const GENERATED_UNDER: &str = "crates/smtp-codes/src";

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Mode {
    /// Write the generated files that changed.
    Write,
    /// Fail when a generated file is not what the catalogue gives.
    Check,
}

/// Reads the catalogue through `read` (a path relative to the workspace root to its text) and
/// validates it.
pub(crate) fn catalogue(read: &mut dyn FnMut(&str) -> Result<String>) -> Result<Catalogue> {
    let (catalogue, samples) = load(read)?;
    validate::check(&catalogue, &samples)?;
    Ok(catalogue)
}

/// Reads the catalogue and the Sisimai corpus's sample files, without validating the catalogue.
fn load(read: &mut dyn FnMut(&str) -> Result<String>) -> Result<(Catalogue, HashSet<String>)> {
    let catalogue = model::load(read)?;
    let samples = source::sisimai_samples(&read(source::SISIMAI_CORPUS)?);
    Ok((catalogue, samples))
}

/// Reads the catalogue at `root` and the corpus's sample files, without validating the
/// catalogue: the provenance report describes a catalogue whatever its state.
pub(crate) fn read_unchecked(root: &Path) -> Result<(Catalogue, HashSet<String>)> {
    load(&mut reader(root))
}

fn reader(root: &Path) -> impl FnMut(&str) -> Result<String> + '_ {
    move |path: &str| -> Result<String> {
        let path = root.join(path);
        fs::read_to_string(&path).with_context(|| format!("cannot read {}", path.display()))
    }
}

/// Renders the generated files from the catalogue at `root`.
pub(crate) fn generate(root: &Path) -> Result<Vec<(&'static str, String)>> {
    render::render(&catalogue(&mut reader(root))?)
}

pub(crate) fn run(root: &Path, mode: Mode) -> Result<()> {
    let files = generate(root)?;
    let mut stale = Vec::new();
    for (path, contents) in &files {
        if !ensure_file_contents(&root.join(path), contents, mode)? {
            stale.push(path.to_string());
        }
    }
    let written: Vec<PathBuf> = files.iter().map(|(path, _)| root.join(path)).collect();
    for leftover in leftovers(&root.join(GENERATED_UNDER), &written)? {
        if mode == Mode::Check {
            stale.push(format!("{} (no longer generated)", leftover.display()));
        } else {
            fs::remove_file(&leftover).with_context(|| format!("cannot remove {}", leftover.display()))?;
            eprintln!("removed {}, which is no longer generated", leftover.display());
        }
    }
    if !stale.is_empty() {
        bail!(
            "generated files are not up to date with {ROOT} and the files it includes:\n  {}\n       Run `cargo xtask codegen` and commit the result.",
            stale.join("\n  ")
        );
    }
    Ok(())
}

/// Makes `path` hold `contents`, or in check mode says whether it does. Writes through a
/// temporary file and a rename, so a failure never leaves a half-written file behind.
fn ensure_file_contents(path: &Path, contents: &str, mode: Mode) -> Result<bool> {
    if fs::read_to_string(path).ok().as_deref() == Some(contents) {
        return Ok(true);
    }
    if mode == Mode::Check {
        return Ok(false);
    }
    if let Some(dir) = path.parent() {
        fs::create_dir_all(dir).with_context(|| format!("cannot create {}", dir.display()))?;
    }
    let tmp = path.with_extension("rs.tmp");
    fs::write(&tmp, contents).with_context(|| format!("cannot write {}", tmp.display()))?;
    fs::rename(&tmp, path).with_context(|| format!("cannot replace {}", path.display()))?;
    eprintln!("updated {}", path.display());
    Ok(true)
}

/// The files under `dir` that start with the generated header but are not among `written`:
/// output of an earlier layout of the generator.
pub(crate) fn leftovers(dir: &Path, written: &[PathBuf]) -> Result<Vec<PathBuf>> {
    let mut found = Vec::new();
    let mut dirs = vec![dir.to_path_buf()];
    while let Some(dir) = dirs.pop() {
        for entry in fs::read_dir(&dir).with_context(|| format!("cannot list {}", dir.display()))? {
            let path = entry?.path();
            if path.is_dir() {
                dirs.push(path);
            } else if path.extension().is_some_and(|e| e == "rs")
                && !written.contains(&path)
                && fs::read_to_string(&path).is_ok_and(|text| text.starts_with(HEADER))
            {
                found.push(path);
            }
        }
    }
    found.sort();
    Ok(found)
}
