//! Classification throughput: parse plus classify over a large set of real reply lines, in lines
//! per second on one core: `cargo bench -p smtp-codes-bench --bench classify`.
//!
//! The set is every diagnostic text of `tests/data/sisimai/lines.jsonl` (cut out of real
//! bounces) and every provider reply of the catalogue written as its provider sends it, so the
//! automaton meets both matches and misses.
//!
//! The group `row` is the work the Python package's `classify_arrow` does for each row (explain,
//! then the classification, the enhanced code written out), over the 347 diagnostic texts alone:
//! the figure its bench (`crates/smtp-codes-py/bench/arrow_throughput.py`, the same texts) is
//! held against.

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

    let texts = real_lines();
    let mut group = c.benchmark_group("row");
    group.throughput(Throughput::Elements(texts.len() as u64));
    group.bench_function("explain+classify", |b| {
        b.iter(|| {
            let mut n = 0usize;
            for t in &texts {
                let e = classifier.explain(black_box(t.as_bytes()), &context);
                let cl = e.classification().copied().unwrap_or_else(|| classifier.classify(t.as_bytes(), &context));
                n += e.enhanced_code().map_or(0, |c| c.to_string().len());
                n += cl.reason() as usize + usize::from(cl.hard_bounce()) + usize::from(e.retry());
                n += e.severity().as_str().len() + e.who_acts().as_str().len() + cl.rule().kind().len();
            }
            n
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
