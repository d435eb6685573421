//! Decodes the bench's sample messages a given number of times, for profilers that count
//! instructions (`valgrind --tool=callgrind`): unlike the criterion bench, the work done is the
//! same on every run.
//!
//! `cargo build --release -p smtp-codes-bounce --example decode_loop`, then
//! `valgrind --tool=callgrind target/release/examples/decode_loop 20 [MESSAGE...]`.

use std::path::PathBuf;

fn main() -> std::io::Result<()> {
    let rounds: usize = std::env::args().nth(1).and_then(|a| a.parse().ok()).unwrap_or(20);
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/data/sisimai");
    let mut samples = Vec::new();
    // Messages named after the count, or the same ones as benches/decode.rs, in the same order.
    for path in std::env::args_os().skip(2) {
        samples.push(std::fs::read(path)?);
    }
    let named = !samples.is_empty();
    for sub in ["bsd", "dos", "mac", "not"].iter().filter(|_| !named) {
        let mut names: Vec<_> = std::fs::read_dir(root.join(sub))?.filter_map(|e| e.ok().map(|e| e.path())).collect();
        names.sort();
        for path in names {
            samples.push(std::fs::read(&path)?);
        }
    }
    // The shared classifier is built before the rounds, as in the bench.
    let _ = smtp_codes::classify::shared();
    let mut touched = 0usize;
    for _ in 0..rounds {
        for message in &samples {
            let decoded = smtp_codes_bounce::decode(std::hint::black_box(message));
            touched += decoded.recipients().iter().map(|r| r.classification().reason().id().len()).sum::<usize>();
        }
    }
    println!("{} messages decoded {rounds} times ({touched})", samples.len());
    Ok(())
}
