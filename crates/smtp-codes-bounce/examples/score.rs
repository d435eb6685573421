//! Decodes every `.eml` file under a folder and writes one JSON line per recipient, in the
//! shape of the Sisimai corpus's `expected.jsonl`, for `score-bounces`.
//!
//! ```text
//! cargo run --release -p smtp-codes-bounce --example score -- CORPUS_ROOT [SUBFOLDER] > results.jsonl
//! ```
//!
//! `file` is the path relative to `CORPUS_ROOT` (`bsd/lhost-postfix-01.eml`); only `SUBFOLDER`
//! (all of `CORPUS_ROOT` when absent) is read.

use std::io::Write;
use std::path::{Path, PathBuf};

fn files(dir: &Path, out: &mut Vec<PathBuf>) -> std::io::Result<()> {
    for entry in std::fs::read_dir(dir)? {
        let path = entry?.path();
        if path.is_dir() {
            files(&path, out)?;
        } else if path.extension().is_some_and(|e| e == "eml") {
            out.push(path);
        }
    }
    Ok(())
}

fn main() -> std::io::Result<()> {
    let mut args = std::env::args_os().skip(1);
    let root = PathBuf::from(args.next().expect("usage: score CORPUS_ROOT [SUBFOLDER]"));
    let folder = args.next().map_or_else(|| root.clone(), |sub| root.join(sub));
    let mut paths = Vec::new();
    files(&folder, &mut paths)?;
    paths.sort();
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    for path in paths {
        let bytes = std::fs::read(&path)?;
        let decoded = smtp_codes_bounce::decode(&bytes);
        let file = path.strip_prefix(&root).unwrap_or(&path).to_string_lossy().replace('\\', "/");
        for (i, r) in decoded.recipients().iter().enumerate() {
            let c = r.classification();
            let line = serde_json::json!({
                "file": file,
                "index": i + 1,
                "status": r.status().map(|s| s.to_string()).unwrap_or_default(),
                "reply_code": r.reply_code().map(|s| s.to_string()).unwrap_or_default(),
                "reason": c.reason().id(),
                "hard_bounce": c.hard_bounce(),
            });
            writeln!(out, "{line}")?;
        }
    }
    out.flush()
}
