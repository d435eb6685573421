//! Parsing the same real replies with smtp-codes, smtp-proto 0.2.5 and lettre 0.11.23, side by
//! side in one run: `cargo bench -p smtp-codes-bench`.
//!
//! Each parser does the work a client needs: the reply code, the enhanced code where the parser
//! offers one, and the text of every line (smtp-codes hands out borrowed lines, which are walked
//! so that no work is skipped; the peers build owned strings).

use std::hint::black_box;

use criterion::{BenchmarkId, Criterion, Throughput, criterion_main};
use smtp_codes::parse::parse_reply;
use smtp_codes_bench::SAMPLES;
use smtp_proto::response::parser::ResponseReceiver;

/// What the peers give: the code, the enhanced code and the text of every line.
fn smtp_codes(wire: &str) -> usize {
    let (reply, _) = parse_reply(black_box(wire.as_bytes())).expect("a complete reply");
    let text: usize = reply.lines().map(<[u8]>::len).sum();
    black_box((reply.code(), reply.enhanced()));
    text
}

/// The same, plus the warnings, which no peer offers.
fn smtp_codes_with_warnings(wire: &str) -> usize {
    let (reply, _) = parse_reply(black_box(wire.as_bytes())).expect("a complete reply");
    let text: usize = reply.lines().map(<[u8]>::len).sum();
    black_box((reply.code(), reply.enhanced(), reply.warnings().is_empty()));
    text
}

fn smtp_proto(wire: &str) -> usize {
    let response = ResponseReceiver::default().parse(&mut black_box(wire.as_bytes()).iter()).expect("a complete reply");
    black_box((response.code, response.esc));
    response.message.len()
}

fn lettre(wire: &str) -> usize {
    let response = black_box(wire).parse::<lettre::transport::smtp::response::Response>().expect("a complete reply");
    black_box(response.code());
    response.message().map(str::len).sum()
}

type Parser = fn(&str) -> usize;

const PARSERS: &[(&str, Parser)] = &[
    ("smtp-codes", smtp_codes),
    ("smtp-codes+warnings", smtp_codes_with_warnings),
    ("smtp-proto", smtp_proto),
    ("lettre", lettre),
];

fn per_reply(c: &mut Criterion) {
    for sample in SAMPLES {
        let mut group = c.benchmark_group(sample.name);
        group.throughput(Throughput::Elements(1));
        for &(name, parse) in PARSERS {
            group.bench_with_input(BenchmarkId::from_parameter(name), sample.wire, |b, wire| b.iter(|| parse(wire)));
        }
        group.finish();
    }
}

fn whole_set(c: &mut Criterion) {
    let mut group = c.benchmark_group("all");
    group.throughput(Throughput::Elements(SAMPLES.len() as u64));
    for &(name, parse) in PARSERS {
        group.bench_function(BenchmarkId::from_parameter(name), |b| {
            b.iter(|| SAMPLES.iter().map(|s| parse(s.wire)).sum::<usize>());
        });
    }
    group.finish();
}

// criterion's macro generates an undocumented public function.
#[allow(missing_docs)]
mod group {
    use super::{per_reply, whole_set};
    criterion::criterion_group!(benches, whole_set, per_reply);
}
use group::benches;

criterion_main!(benches);
