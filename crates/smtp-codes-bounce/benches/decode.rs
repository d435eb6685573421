//! Decoding speed of the bounce decoder on the test-data messages, in process:
//! `cargo bench -p smtp-codes-bounce`.
//!
//! `all` decodes every sample message of `tests/data/sisimai` once per iteration (criterion
//! reports messages a second); the other groups decode one kind of message each. With
//! `SMTP_CODES_CORPUS` naming a folder (the Sisimai corpus's, say),
//! `corpus` decodes every message file under it (`*.eml`, `*.txt`, recursively) the same way.

use std::hint::black_box;
use std::path::PathBuf;

use criterion::{BenchmarkId, Criterion, Throughput};

/// Every sample message, with its path under `tests/data/sisimai`.
fn samples() -> Vec<(String, Vec<u8>)> {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/data/sisimai");
    let mut all = Vec::new();
    for sub in ["bsd", "dos", "mac", "not"] {
        let mut names: Vec<_> = std::fs::read_dir(root.join(sub)).unwrap().map(|e| e.unwrap().path()).collect();
        names.sort();
        for path in names {
            let name = format!("{sub}/{}", path.file_name().unwrap().to_string_lossy());
            all.push((name, std::fs::read(&path).unwrap()));
        }
    }
    all
}

/// Every message file (`*.eml`, `*.txt`) under `dir`, recursively, in name order.
fn corpus_files(dir: &std::path::Path, out: &mut Vec<Vec<u8>>) {
    let mut entries: Vec<_> = std::fs::read_dir(dir).unwrap().map(|e| e.unwrap().path()).collect();
    entries.sort();
    for path in entries {
        if path.is_dir() {
            corpus_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "eml" || e == "txt") {
            out.push(std::fs::read(&path).unwrap());
        }
    }
}

/// Decodes a message and touches what a front end reads, so that no work is skipped.
fn decode(message: &[u8]) -> usize {
    let decoded = smtp_codes_bounce::decode(black_box(message));
    decoded.recipients().iter().map(|r| r.classification().reason().id().len() + r.diagnostic().len()).sum()
}

fn whole_set(c: &mut Criterion) {
    let samples = samples();
    // The shared classifier is built once, before measuring.
    let _ = smtp_codes::classify::shared();
    let mut group = c.benchmark_group("all");
    group.throughput(Throughput::Elements(samples.len() as u64));
    group.bench_function(BenchmarkId::from_parameter("decode"), |b| {
        b.iter(|| samples.iter().map(|(_, m)| decode(m)).sum::<usize>())
    });
    group.finish();
    if let Some(dir) = std::env::var_os("SMTP_CODES_CORPUS") {
        let mut corpus = Vec::new();
        corpus_files(std::path::Path::new(&dir), &mut corpus);
        let mut group = c.benchmark_group("corpus");
        group.throughput(Throughput::Elements(corpus.len() as u64));
        group.bench_function(BenchmarkId::from_parameter(format!("{} messages", corpus.len())), |b| {
            b.iter(|| corpus.iter().map(|m| decode(m)).sum::<usize>())
        });
        group.finish();
    }
}

fn per_message(c: &mut Criterion) {
    let mut group = c.benchmark_group("message");
    group.throughput(Throughput::Elements(1));
    for (name, message) in samples().iter().filter(|(n, _)| n.starts_with("bsd/")) {
        group.bench_with_input(BenchmarkId::from_parameter(name), message, |b, m| b.iter(|| decode(m)));
    }
    group.finish();
}

// criterion's macro generates an undocumented public function.
#[allow(missing_docs)]
mod group {
    use super::{per_message, whole_set};
    criterion::criterion_group!(benches, whole_set, per_message);
}
use group::benches;

criterion::criterion_main!(benches);
