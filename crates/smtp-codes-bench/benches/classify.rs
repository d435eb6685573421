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
use smtp_codes_bench::real_lines;

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
