//! Runs one stage of the library over the real lines of `tests/data/sisimai/lines.jsonl` (one
//! per line, as `scripts/throughput` writes them), for counting instructions per line with
//! `valgrind --tool=callgrind`, which is repeatable where wall-clock times on a shared machine are
//! not: `cargo run --release -p smtp-codes-bench --example line_instructions -- STAGE LINES`,
//! STAGE one of `none`, `diagnose` (the parser), `classify` (parser and classifier) or `explain`
//! (what `smtp-codes classify` runs per line). `scripts/instructions` runs it at two sizes and
//! prints the difference per line.

use std::hint::black_box;
use std::io::Write;

use smtp_codes::classify::{Classifier, Context};
use smtp_codes::parse::diagnose_bytes;
use smtp_codes_bench::real_lines;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (Some(stage), Some(count)) = (args.first(), args.get(1).and_then(|n| n.parse::<usize>().ok())) else {
        let _ = writeln!(std::io::stderr(), "usage: line_instructions none|diagnose|classify|explain LINES");
        std::process::exit(2);
    };
    let lines: Vec<String> = real_lines().iter().map(|l| l.replace(['\n', '\r'], " ")).collect();
    let context = Context::default();
    // Built in every stage, so that the difference between two sizes holds the per-line work only.
    let classifier = Classifier::new();
    let mut total = 0usize;
    for line in lines.iter().cycle().take(count) {
        let bytes = black_box(line.as_bytes());
        total += match stage.as_str() {
            "none" => bytes.len(),
            "diagnose" => diagnose_bytes(bytes).text().len(),
            "classify" => classifier.classify(bytes, &context).reason() as usize,
            "explain" => usize::from(classifier.explain(bytes, &context).retry()),
            other => {
                let _ = writeln!(std::io::stderr(), "unknown stage {other:?}");
                std::process::exit(2);
            }
        };
    }
    black_box(total);
}
