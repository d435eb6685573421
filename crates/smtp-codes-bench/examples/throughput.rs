//! Writes the input of `scripts/throughput` (the real lines of `tests/data/sisimai/lines.jsonl`
//! repeated, one per line) and measures the library on it in the same run, so the command line's
//! figures have the library's beside them:
//! `cargo run --release -p smtp-codes-bench --example throughput -- OUT LINES`.

use std::hint::black_box;
use std::io::Write;
use std::time::Instant;

use smtp_codes::classify::{Classifier, Context, explain_with};
use smtp_codes_bench::real_lines;

fn main() -> std::io::Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (Some(out), Some(count)) = (args.first(), args.get(1).and_then(|n| n.parse::<usize>().ok())) else {
        let _ = writeln!(std::io::stderr(), "usage: throughput OUT LINES");
        std::process::exit(2);
    };
    // One reply per line: line breaks inside a reply become spaces, as `grep ' said: '` leaves them.
    let lines: Vec<String> = real_lines().iter().map(|l| l.replace(['\n', '\r'], " ")).collect();
    let mut file = std::io::BufWriter::new(std::fs::File::create(out)?);
    let mut bytes = 0;
    for line in lines.iter().cycle().take(count) {
        writeln!(file, "{line}")?;
        bytes += line.len() + 1;
    }
    file.flush()?;
    let mut stdout = std::io::stdout().lock();
    writeln!(stdout, "input: {count} lines, {:.1} MB, in {out}", bytes as f64 / 1e6)?;

    let context = Context::default();
    let classifier = Classifier::new();
    let rounds = lines.iter().cycle().take(count);
    let start = Instant::now();
    let n: usize =
        rounds.clone().map(|l| classifier.classify(black_box(l.as_bytes()), &context).reason() as usize).sum();
    let classify = start.elapsed().as_secs_f64();
    let start = Instant::now();
    let m: usize = rounds.map(|l| usize::from(explain_with(black_box(l.as_bytes()), &context).retry())).sum();
    let explain = start.elapsed().as_secs_f64();
    black_box((n, m));
    let rate = |secs: f64| count as f64 / secs / 1e6;
    writeln!(stdout, "library parse+classify      {:6.2} M lines/s", rate(classify))?;
    writeln!(stdout, "library explain_with        {:6.2} M lines/s (what classify runs per line)", rate(explain))?;
    Ok(())
}
