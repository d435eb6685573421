//! End-to-end tests of the `smtp-codes` binary: one test binary, one module per command, and
//! `cli` for what every command shares (colour, closed pipes, usage errors, completions, man).

mod bounce;
mod classify;
mod cli;
mod events;
mod explain;
mod list;
mod logs;
mod lookup;
mod robust;
mod search;
mod serve;

use std::io::Write;
use std::path::PathBuf;
use std::process::{Child, Command, Output, Stdio};

/// The binary, with colour off by the environment (as most users' pipes are).
fn command(args: &[&str]) -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_smtp-codes"));
    c.args(args).env("NO_COLOR", "1").env_remove("CLICOLOR_FORCE");
    c
}

/// Runs the binary with `args` and no standard input.
fn run(args: &[&str]) -> Output {
    command(args).stdin(Stdio::null()).output().expect("the binary runs")
}

/// Runs the binary with `args` and `input` on standard input.
fn run_with_stdin(args: &[&str], input: &[u8]) -> Output {
    let mut child: Child = command(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the binary runs");
    let mut stdin = child.stdin.take().expect("piped");
    let input = input.to_vec();
    // Write from another thread so that a large input cannot dead-lock against a full stdout.
    let writer = std::thread::spawn(move || {
        let _ = stdin.write_all(&input);
    });
    let output = child.wait_with_output().expect("the binary ends");
    writer.join().expect("the writer ends");
    output
}

fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).expect("UTF-8 output")
}

fn stderr(o: &Output) -> String {
    String::from_utf8(o.stderr.clone()).expect("UTF-8 output")
}

/// Parses every line of standard output as JSON.
fn json_lines(o: &Output) -> Vec<serde_json::Value> {
    stdout(o).lines().map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("{e}: {l}"))).collect()
}

/// A fresh, empty directory for one test's files.
fn temp_dir(name: &str) -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("smtp-codes-cli-it").join(name);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("a temporary directory");
    dir
}

/// Whether `text` holds an ANSI escape sequence.
fn has_escape_codes(text: &str) -> bool {
    text.contains('\u{1b}')
}

/// The fields every `explain --json` object and every `classify` record carries (the README's
/// table); `explain` adds the catalogue entries `reply` and `enhanced`.
const EXPLANATION_FIELDS: &[&str] = &[
    "input",
    "reply_code",
    "enhanced_code",
    "severity",
    "severity_rule",
    "retry",
    "who_acts",
    "reason",
    "hard_bounce",
    "rule",
    "command",
    "text",
    "provider",
    "provider_reply",
    "actions",
    "notes",
    "warnings",
];
