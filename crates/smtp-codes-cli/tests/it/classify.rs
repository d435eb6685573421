//! `smtp-codes classify`: JSON Lines from files, standard input and gzip, `--jsonl` input with
//! bad lines, `--summary`, bad input (missing, empty, binary), and streaming a large input in
//! bounded memory.

use std::fs;
use std::io::{BufRead, BufReader, Write};
use std::path::PathBuf;
use std::process::Stdio;

use flate2::Compression;
use flate2::write::GzEncoder;
use serde_json::Value;
use smtp_codes::classify::Reason;

use super::{command, json_lines, run, run_with_stdin, stderr, stdout, temp_dir};

const LINES: &str = "\
550 5.1.1 <bob@example.org>: Recipient address rejected: User unknown
host mx.example.com[192.0.2.7] said: 452 4.2.2 Mailbox full (in reply to RCPT TO command)

421 4.7.0 Try again later, closing connection.
connection timed out
";

/// The lines of `LINES` that hold text (the blank one is skipped).
const RECORDS: usize = 4;

fn sisimai_lines() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../tests/data/sisimai/lines.jsonl")
}

#[test]
fn one_record_per_line_from_standard_input() {
    let o = run_with_stdin(&["classify"], LINES.as_bytes());
    assert!(o.status.success(), "{}", stderr(&o));
    let records = json_lines(&o);
    assert_eq!(records.len(), RECORDS);
    let numbers: Vec<u64> = records.iter().map(|r| r["line"].as_u64().unwrap()).collect();
    assert_eq!(numbers, [1, 2, 4, 5], "blank lines are skipped but counted");
    for r in &records {
        assert_eq!(r["file"], "-");
        assert_eq!(r["status"], r["enhanced_code"]);
        assert!(Reason::from_id(r["reason"].as_str().unwrap()).is_some());
        for key in super::EXPLANATION_FIELDS {
            assert!(r.get(key).is_some(), "no {key:?} in {r}");
        }
        assert!(r.get("reply").is_none() && r.get("enhanced").is_none(), "catalogue entries are left to lookup");
    }
    assert_eq!(records[0]["reply_code"], 550);
    assert_eq!(records[0]["reason"], "userunknown");
    assert_eq!(records[1]["command"], "RCPT");
    assert_eq!(records[3]["severity"], "unknown");
    insta::assert_snapshot!(stdout(&o));
}

#[test]
fn files_dash_and_gzip() {
    let dir = temp_dir("classify-files");
    let plain = dir.join("replies.txt");
    fs::write(&plain, LINES).unwrap();
    let gz = dir.join("replies.txt.gz");
    let mut encoder = GzEncoder::new(Vec::new(), Compression::default());
    encoder.write_all(LINES.as_bytes()).unwrap();
    fs::write(&gz, encoder.finish().unwrap()).unwrap();

    let from_plain = run(&["classify", plain.to_str().unwrap()]);
    let from_gz = run(&["classify", gz.to_str().unwrap()]);
    assert!(from_plain.status.success() && from_gz.status.success(), "{}", stderr(&from_gz));
    assert!(stderr(&from_plain).is_empty(), "no progress bar in a pipe: {}", stderr(&from_plain));
    let strip_file = |o| {
        json_lines(o)
            .into_iter()
            .map(|mut r: Value| {
                r.as_object_mut().unwrap().remove("file");
                r
            })
            .collect::<Vec<_>>()
    };
    assert_eq!(strip_file(&from_plain), strip_file(&from_gz), "gzip is read transparently");
    assert!(json_lines(&from_gz).iter().all(|r| r["file"] == gz.to_str().unwrap()));

    let both = run_with_stdin(&["classify", plain.to_str().unwrap(), "-"], b"554 5.7.1 rejected\n");
    assert!(both.status.success(), "{}", stderr(&both));
    let records = json_lines(&both);
    assert_eq!(records.len(), RECORDS + 1);
    assert_eq!(records[RECORDS]["file"], "-");
    assert_eq!(records[RECORDS]["line"], 1);
}

#[test]
fn missing_empty_and_unreadable_inputs_exit_2() {
    let dir = temp_dir("classify-bad-files");
    let empty = dir.join("empty.txt");
    fs::write(&empty, "").unwrap();
    let blank = dir.join("blank.txt");
    fs::write(&blank, "\n \n\r\n").unwrap();
    let missing = dir.join("missing.txt");
    let good = dir.join("good.txt");
    fs::write(&good, LINES).unwrap();
    for (args, message) in [
        (vec![empty.to_str().unwrap()], "no lines to classify"),
        (vec![blank.to_str().unwrap()], "no lines to classify"),
        (vec![good.to_str().unwrap(), missing.to_str().unwrap()], missing.to_str().unwrap()),
        (vec![dir.to_str().unwrap()], "it is a directory"),
    ] {
        let mut all = vec!["classify"];
        all.extend(args.iter().copied());
        let o = run(&all);
        assert_eq!(o.status.code(), Some(2), "{args:?}");
        assert!(stderr(&o).contains(message), "{args:?}: {}", stderr(&o));
        assert!(stdout(&o).is_empty(), "a missing file is found before anything is printed");
    }
    let o = run_with_stdin(&["classify"], b"");
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("no lines to classify"));

    let corrupt = dir.join("corrupt.gz");
    fs::write(&corrupt, b"\x1f\x8bnot really gzip at all").unwrap();
    let o = run(&["classify", corrupt.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains(corrupt.to_str().unwrap()), "{}", stderr(&o));
}

#[test]
fn binary_garbage_and_an_overlong_line_are_classified() {
    let mut input = Vec::new();
    input.extend_from_slice(b"\x00\x00\x00\n");
    input.extend_from_slice(b"\xff\xfe 550 5.1.1 \xc3( user unknown\n");
    input.extend(std::iter::repeat_n(b'x', 2 << 20));
    input.extend_from_slice(b" 550 5.1.1 user unknown\n");
    input.extend_from_slice(b"421 4.7.0 after the long line\n");
    let o = run_with_stdin(&["classify"], &input);
    assert!(o.status.success(), "{}", stderr(&o));
    let records = json_lines(&o);
    assert_eq!(records.len(), 4);
    assert_eq!(records[0]["severity"], "unknown");
    assert_eq!(records[1]["reply_code"], 550);
    assert!(records[1]["input"].as_str().unwrap().contains('\u{fffd}'));
    assert_eq!(records[2]["truncated"], true, "a line over 1 MiB is cut");
    assert_eq!(records[2]["input"].as_str().unwrap().len(), 1 << 20);
    assert!(records[1].get("truncated").is_none());
    assert_eq!(records[3]["line"], 4);
    assert_eq!(records[3]["reply_code"], 421);
}

#[test]
fn jsonl_input_passes_file_and_index_through_for_the_scorer() {
    let path = sisimai_lines();
    let expected = fs::read_to_string(&path).unwrap();
    let inputs: Vec<Value> = expected.lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    let o = run(&["classify", "--jsonl", path.to_str().unwrap()]);
    assert!(o.status.success(), "{}", stderr(&o));
    let records = json_lines(&o);
    assert_eq!(records.len(), inputs.len());
    for (record, input) in records.iter().zip(&inputs) {
        assert_eq!(record["file"], input["file"]);
        assert_eq!(record["index"], input["index"]);
        assert_eq!(record["input"], input["text"]);
        for key in ["status", "reply_code", "reason", "hard_bounce"] {
            assert!(record.get(key).is_some(), "the scorer needs {key:?}: {record}");
        }
        if let Some(command) = input["command"].as_str().filter(|c| !c.is_empty()) {
            assert_eq!(record["command"], command, "{record}");
        }
    }
}

#[test]
fn jsonl_context_fields_and_defaults() {
    let input = br#"{"text": "550 5.1.1 no such user", "command": "RCPT", "remote_host": "mx.example.net"}
{"text": "550 5.1.1 no such user"}
{"text": "550 5.1.1 no such user", "command": ""}
"#;
    let o = run_with_stdin(&["classify", "--jsonl", "--command", "MAIL"], input);
    assert!(o.status.success(), "{}", stderr(&o));
    let records = json_lines(&o);
    assert_eq!(records[0]["command"], "RCPT", "the line's own command wins");
    assert_eq!(records[1]["command"], "MAIL", "--command is the default");
    assert_eq!(records[2]["command"], "MAIL");
    assert_eq!(records[1]["file"], "-");
    assert!(records[1].get("index").is_none());
}

#[test]
fn bad_jsonl_lines_are_reported_skipped_and_exit_2_at_the_end() {
    let dir = temp_dir("classify-bad-jsonl");
    let path = dir.join("input.jsonl");
    fs::write(
        &path,
        "{\"text\": \"550 5.1.1 user unknown\", \"index\": 1}\nnot json at all\n{\"index\": 3}\n{\"text\": \"421 4.7.0 later\"}\n",
    )
    .unwrap();
    let o = run(&["classify", "--jsonl", path.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(2));
    let records = json_lines(&o);
    assert_eq!(records.len(), 2, "good lines are still classified");
    assert_eq!(records[1]["line"], 4);
    let err = stderr(&o);
    let name = path.to_str().unwrap();
    assert!(err.contains(&format!("{name}:2: not JSON (")), "{err}");
    assert!(err.contains(&format!("{name}:3: no \"text\" field")), "{err}");
    assert!(err.contains("2 of 4 input lines were not JSON"), "{err}");
}

#[test]
fn summary_as_tables_and_as_json() {
    let o = run_with_stdin(&["classify", "--summary"], LINES.as_bytes());
    assert!(o.status.success(), "{}", stderr(&o));
    let text = stdout(&o);
    assert!(text.starts_with("Lines: 4\n"), "{text}");
    for header in ["SEVERITY", "REASON", "CODE"] {
        assert!(text.lines().any(|l| l.starts_with(header)), "no {header} table in\n{text}");
    }
    insta::assert_snapshot!(text);

    let o = run_with_stdin(&["classify", "--summary", "--json"], LINES.as_bytes());
    let lines = json_lines(&o);
    assert_eq!(lines.len(), 1);
    let s = &lines[0];
    assert_eq!(s["lines"], 4);
    let total = |key: &str| s[key].as_object().unwrap().values().map(|v| v.as_u64().unwrap()).sum::<u64>();
    assert_eq!(total("severity"), 4);
    assert_eq!(total("reason"), 4);
    assert_eq!(total("code"), 4);
    assert_eq!(s["severity"]["permanent"], 1);
    assert_eq!(s["severity"]["transient"], 2);
    assert_eq!(s["severity"]["unknown"], 1);
    assert_eq!(s["code"]["550 5.1.1"], 1);
    assert_eq!(s["code"]["none"], 1);
    assert_eq!(s["hard_bounces"], 1, "only the user-unknown line is a hard bounce");
}

/// Peak resident memory of a running process, in KiB (Linux).
fn peak_rss_kib(pid: u32) -> Option<u64> {
    let status = fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

/// Streams 200,000 lines through one process and checks that every line comes out and that the
/// peak memory after the last batch is no higher than after the first (plus slack): memory is
/// bounded by one line buffer, not by the input.
#[test]
fn a_large_input_streams_in_bounded_memory() {
    const BATCHES: usize = 8;
    const PER_BATCH: usize = 25_000;
    let mut child = command(&["classify"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the binary runs");
    let pid = child.id();
    let stdout = child.stdout.take().unwrap();
    let counter = std::thread::spawn(move || {
        let mut n = 0usize;
        for line in BufReader::new(stdout).lines() {
            let line = line.unwrap();
            assert!(line.starts_with("{\"file\":\"-\""), "{line}");
            n += 1;
        }
        n
    });
    let mut stdin = child.stdin.take().unwrap();
    let batch: String =
        LINES.lines().filter(|l| !l.is_empty()).cycle().take(PER_BATCH).map(|l| format!("{l}\n")).collect();
    let mut peaks = Vec::new();
    for _ in 0..BATCHES {
        stdin.write_all(batch.as_bytes()).unwrap();
        stdin.flush().unwrap();
        peaks.push(peak_rss_kib(pid));
    }
    drop(stdin);
    let status = child.wait().unwrap();
    assert!(status.success());
    assert_eq!(counter.join().unwrap(), BATCHES * PER_BATCH, "one record per input line");
    if let (Some(Some(first)), Some(Some(last))) = (peaks.first(), peaks.last()) {
        assert!(*last <= first + 16 * 1024, "peak memory grew from {first} KiB to {last} KiB: {peaks:?}");
    }
}

#[test]
fn human_lines_brief_records_and_json_on_request() {
    let o = run_with_stdin(&["classify", "--human"], LINES.as_bytes());
    assert!(o.status.success(), "{}", stderr(&o));
    let text = stdout(&o);
    assert_eq!(text.lines().count(), RECORDS);
    assert!(text.starts_with("-:1  550 5.1.1  userunknown hard  <bob@example.org>"), "{text}");
    insta::assert_snapshot!("human_lines", text);

    let brief = run_with_stdin(&["classify", "--brief"], LINES.as_bytes());
    let full = run_with_stdin(&["classify", "--json"], LINES.as_bytes());
    assert_eq!(json_lines(&full), json_lines(&run_with_stdin(&["classify"], LINES.as_bytes())), "JSON in a pipe");
    let records = json_lines(&brief);
    assert_eq!(records.len(), RECORDS);
    for (b, f) in records.iter().zip(json_lines(&full)) {
        for key in ["file", "line", "status", "reply_code", "enhanced_code", "severity", "reason", "hard_bounce"] {
            assert_eq!(b[key], f[key], "{key}");
        }
        assert_eq!(b["rule_kind"], f["rule"]["kind"]);
        for prose in ["input", "text", "actions", "notes", "warnings", "provider_reply"] {
            assert!(b.get(prose).is_none(), "{prose} in {b}");
        }
    }
    assert!(brief.stdout.len() * 3 < full.stdout.len(), "brief records are a fraction of the full ones");
    let o = run(&["classify", "--brief", "--human"]);
    assert_eq!(o.status.code(), Some(2), "--brief is JSON");
}

#[test]
fn threads_keep_the_input_order_and_give_the_same_answers() {
    // Enough lines for many batches, so that workers finish out of order.
    let path = sisimai_lines();
    let text = fs::read_to_string(&path).unwrap();
    let big: String = std::iter::repeat_n(text.as_str(), 40).collect();
    for mode in [&["--jsonl"][..], &["--jsonl", "--brief"], &["--jsonl", "--summary", "--json"]] {
        let one = run_with_stdin(&[&["classify", "--threads", "1"][..], mode].concat(), big.as_bytes());
        let four = run_with_stdin(&[&["classify", "--threads", "4"][..], mode].concat(), big.as_bytes());
        assert!(one.status.success() && four.status.success(), "{}", stderr(&four));
        assert_eq!(stdout(&one), stdout(&four), "{mode:?}");
    }
}
