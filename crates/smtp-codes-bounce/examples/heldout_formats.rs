//! Leave-one-format-out: decodes every message under the given folders, and a message that a
//! bounce format of the catalogue decoded is decoded again with that format left out, so that
//! its records are what the plain-text reader gives on a format it does not know. Writes one
//! JSON line per recipient with the fields both corpus scorers read (`file`, `index`,
//! `recipient`, `status`, `reply_code`, `reason`, `hard_bounce`, `kind`, `action`, `severity`,
//! `decoded_by`), and on standard error how many messages each format decoded.
//!
//! ```text
//! cargo run --release -p smtp-codes-bounce --example heldout_formats -- [--fitted] FOLDER... > results.jsonl
//! ```
//!
//! With `--fitted` nothing is left out (the same output shape, for the fitted figure).

use std::collections::BTreeMap;
use std::io::Write;
use std::path::{Path, PathBuf};

use smtp_codes::classify::shared;
use smtp_codes_bounce::{Decoded, DecodedBy, decode_without_formats};

fn files(dir: &Path, out: &mut Vec<PathBuf>) -> std::io::Result<()> {
    if dir.is_file() {
        out.push(dir.to_path_buf());
        return Ok(());
    }
    for entry in std::fs::read_dir(dir)? {
        let path = entry?.path();
        if path.is_dir() {
            files(&path, out)?;
        } else {
            out.push(path);
        }
    }
    Ok(())
}

fn main() -> std::io::Result<()> {
    let mut fitted = false;
    let mut paths = Vec::new();
    for arg in std::env::args_os().skip(1) {
        if arg == "--fitted" {
            fitted = true;
        } else {
            files(Path::new(&arg), &mut paths)?;
        }
    }
    paths.sort();
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let mut by_format: BTreeMap<&'static str, usize> = BTreeMap::new();
    for path in paths {
        let bytes = std::fs::read(&path)?;
        let mut decoded: Decoded = decode_without_formats(&bytes, shared(), &[]);
        if let DecodedBy::Format(f) = decoded.decoded_by() {
            *by_format.entry(f.id()).or_default() += 1;
            if !fitted {
                decoded = decode_without_formats(&bytes, shared(), &[f.id()]);
            }
        }
        for (i, r) in decoded.recipients().iter().enumerate() {
            let c = r.classification();
            let line = serde_json::json!({
                "file": path.to_string_lossy(),
                "index": i + 1,
                "recipient": r.recipient(),
                "status": r.status().map(|s| s.to_string()).unwrap_or_default(),
                "reply_code": r.reply_code().map(|s| s.to_string()).unwrap_or_default(),
                "reason": c.reason().id(),
                "hard_bounce": c.hard_bounce(),
                "kind": decoded.kind().as_str(),
                "action": r.action().map(|a| a.as_str()),
                "severity": r.explanation().severity().to_string(),
                "decoded_by": decoded.decoded_by().as_str(),
            });
            writeln!(out, "{line}")?;
        }
    }
    out.flush()?;
    for (id, n) in by_format {
        eprintln!("{id}: {n} messages");
    }
    Ok(())
}
