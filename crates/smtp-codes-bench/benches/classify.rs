//! Classification throughput: parse plus classify over a large set of real reply lines, in lines
//! per second on one core: `cargo bench -p smtp-codes-bench --bench classify`.
//!
//! The set is every diagnostic text of `tests/data/sisimai/lines.jsonl` (cut out of real
//! bounces) and every provider reply of the catalogue written as its provider sends it, so the
//! automaton meets both matches and misses.

use std::hint::black_box;

use criterion::{Criterion, Throughput, criterion_main};
use smtp_codes::classify::{Classifier, Context, PROVIDER_REPLIES};
use smtp_codes::diagnose_bytes;

/// The texts of the real lines, read from the repository's test data.
fn real_lines() -> Vec<String> {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../../tests/data/sisimai/lines.jsonl");
    let data = std::fs::read_to_string(path).expect("the Sisimai test lines are in the repository");
    let mut lines = Vec::new();
    for line in data.lines().filter(|l| !l.trim().is_empty()) {
        // The field is a JSON string; a tiny reader keeps this crate free of serde.
        let start = line.find("\"text\": \"").expect("every line has a text") + 9;
        let mut text = String::new();
        let mut chars = line[start..].chars();
        while let Some(c) = chars.next() {
            match c {
                '"' => break,
                '\\' => match chars.next() {
                    Some('n') => text.push('\n'),
                    Some('t') => text.push('\t'),
                    Some('u') => {
                        let hex: String = chars.by_ref().take(4).collect();
                        text.push(u32::from_str_radix(&hex, 16).ok().and_then(char::from_u32).unwrap_or('\u{fffd}'));
                    }
                    Some(other) => text.push(other),
                    None => break,
                },
                c => text.push(c),
            }
        }
        lines.push(text);
    }
    lines
}

fn provider_lines() -> Vec<String> {
    PROVIDER_REPLIES
        .iter()
        .map(|r| {
            let code = r.reply_code().map(|c| c.to_string()).unwrap_or_default();
            let enhanced = r.enhanced().map(|e| e.to_string()).unwrap_or_default();
            let marker = r.provider().markers().first().copied().unwrap_or_default();
            format!("{code} {enhanced} {} {marker}", r.text())
        })
        .collect()
}

fn throughput(c: &mut Criterion) {
    let mut lines = real_lines();
    lines.extend(provider_lines());
    let classifier = Classifier::new();
    eprintln!("classifier: {} KiB of tables; {} lines in the set", classifier.memory_usage() / 1024, lines.len());
    let context = Context::default();
    c.bench_function("classifier/build", |b| b.iter(Classifier::new));
    let mut group = c.benchmark_group("classify");
    group.throughput(Throughput::Elements(lines.len() as u64));
    group.bench_function("parse", |b| {
        b.iter(|| lines.iter().filter(|l| diagnose_bytes(black_box(l.as_bytes())).reply_code().is_some()).count());
    });
    group.bench_function("parse+classify", |b| {
        b.iter(|| {
            lines
                .iter()
                .map(|l| classifier.classify(black_box(l.as_bytes()), &context).reason() as usize)
                .sum::<usize>()
        });
    });
    group.finish();
}

// criterion's macro generates an undocumented public function.
#[allow(missing_docs)]
mod group {
    use super::throughput;
    criterion::criterion_group!(benches, throughput);
}
use group::benches;

criterion_main!(benches);
