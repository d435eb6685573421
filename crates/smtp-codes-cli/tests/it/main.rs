//! End-to-end tests of the `smtp-codes` binary: one test binary, one module per command.

mod lookup;

use std::process::{Command, Output, Stdio};

/// Runs the binary with `args` and no standard input.
fn run(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_smtp-codes"))
        .args(args)
        .env("NO_COLOR", "1")
        .stdin(Stdio::null())
        .output()
        .expect("the binary runs")
}

fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).expect("UTF-8 output")
}

fn stderr(o: &Output) -> String {
    String::from_utf8(o.stderr.clone()).expect("UTF-8 output")
}
