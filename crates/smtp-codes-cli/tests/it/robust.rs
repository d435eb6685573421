//! The input layer and the writers under hostile conditions: a full standard error, gzip bombs,
//! short reads, thousands of files, old Mac line endings, control characters, invalid UTF-8,
//! byte order marks, UTF-16, and millions of distinct codes.

use std::fs::{self, File};
use std::io::Write;
use std::process::Stdio;
use std::time::Duration;

use flate2::Compression;
use flate2::write::GzEncoder;
use serde_json::Value;

use super::{command, has_escape_codes, json_lines, run, run_with_stdin, stderr, stdout, temp_dir};

fn gzip(data: &[u8]) -> Vec<u8> {
    let mut encoder = GzEncoder::new(Vec::new(), Compression::default());
    encoder.write_all(data).unwrap();
    encoder.finish().unwrap()
}

#[test]
fn a_full_standard_error_is_not_a_panic_and_loses_no_output() {
    let o = command(&["lookup", "999"]).stderr(File::create("/dev/full").unwrap()).output().unwrap();
    assert_eq!(o.status.code(), Some(2), "a failed message is dropped, the status stays 2");

    let input = "{\"text\": \"550 5.1.1 user unknown\"}\nnot json\n{\"text\": \"421 4.7.0 later\"}\n";
    let mut child = command(&["classify", "--jsonl"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(File::create("/dev/full").unwrap())
        .spawn()
        .unwrap();
    child.stdin.take().unwrap().write_all(input.as_bytes()).unwrap();
    let o = child.wait_with_output().unwrap();
    assert_eq!(o.status.code(), Some(2));
    assert_eq!(json_lines(&o).len(), 2, "the good line after the bad one is still written");
}

#[test]
fn explain_reads_at_most_one_mib_of_standard_input() {
    // 64 MiB of zeros, 64 KiB compressed: without a bound it is all read into memory.
    let bomb = gzip(&vec![0u8; 64 << 20]);
    let o = run_with_stdin(&["explain"], &bomb);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("longer than 1 MiB"), "{}", stderr(&o));
    assert!(stdout(&o).is_empty());
    let o = run_with_stdin(&["explain", "--json"], &gzip(b"550 5.1.1 user unknown\n"));
    assert!(o.status.success());
    assert_eq!(serde_json::from_slice::<Value>(&o.stdout).unwrap()["reason"], "userunknown");
}

#[test]
fn gzip_is_detected_when_the_magic_arrives_one_byte_at_a_time() {
    let data = gzip(b"550 5.1.1 user unknown\n421 4.7.0 later\n");
    let mut child = command(&["classify", "--brief"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    stdin.write_all(&data[..1]).unwrap();
    stdin.flush().unwrap();
    std::thread::sleep(Duration::from_millis(300));
    stdin.write_all(&data[1..]).unwrap();
    drop(stdin);
    let o = child.wait_with_output().unwrap();
    assert!(o.status.success(), "{}", stderr(&o));
    let records = json_lines(&o);
    assert_eq!(records.len(), 2, "{}", stdout(&o));
    assert_eq!(records[0]["reply_code"], 550);
}

#[test]
fn thousands_of_files_stay_within_the_open_file_limit() {
    let dir = temp_dir("robust-many-files");
    let paths: Vec<String> = (0..300)
        .map(|i| {
            let path = dir.join(format!("{i}.txt"));
            fs::write(&path, format!("550 5.1.1 user {i} unknown\n")).unwrap();
            path.to_str().unwrap().to_owned()
        })
        .collect();
    let script = format!("ulimit -n 40 && exec \"$0\" classify --brief {}", paths.join(" "));
    let o =
        std::process::Command::new("sh").arg("-c").arg(&script).arg(env!("CARGO_BIN_EXE_smtp-codes")).output().unwrap();
    assert!(o.status.success(), "{}", stderr(&o));
    let records = json_lines(&o);
    assert_eq!(records.len(), 300);
    assert_eq!(records[299]["file"], paths[299].as_str());
}

#[test]
fn bare_cr_ends_a_line_and_every_cut_line_is_reported() {
    let o = run_with_stdin(&["classify", "--brief"], b"550 5.1.1 a\r421 4.7.0 b\r\n\r250 2.0.0 c\r");
    assert!(o.status.success(), "{}", stderr(&o));
    let lines: Vec<u64> = json_lines(&o).iter().map(|r| r["line"].as_u64().unwrap()).collect();
    assert_eq!(lines, [1, 2, 4], "CR, CRLF and a lone CR each end one line");

    let mut long = vec![b'x'; (1 << 20) + 5];
    long.extend_from_slice(b"\r550 5.1.1 after\r");
    let o = run_with_stdin(&["classify", "--summary", "--json"], &long);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(stderr(&o).contains("-:1: line longer than 1 MiB, cut there"), "{}", stderr(&o));
    let s = &json_lines(&o)[0];
    assert_eq!((s["lines"].as_u64(), s["truncated"].as_u64()), (Some(2), Some(1)));
}

#[test]
fn control_characters_never_reach_the_terminal() {
    let evil = "550 5.1.1 \x1b]0;owned\x07 user unknown \x1b[2J";
    for args in [vec!["explain", evil], vec!["search", "\x1b[31mred"], vec!["lookup", "\x1b[31m"]] {
        let o = run(&args);
        assert!(!has_escape_codes(&stdout(&o)) && !has_escape_codes(&stderr(&o)), "{args:?}: {o:?}");
    }
    let o = run_with_stdin(&["classify", "--human"], format!("{evil}\n").as_bytes());
    assert!(o.status.success());
    assert!(!has_escape_codes(&stdout(&o)), "{}", stdout(&o));
    assert!(stdout(&o).contains("\\x1b]0;owned\\x07"), "{}", stdout(&o));
    let o = run(&["explain", "--color", "always", evil]);
    assert!(stdout(&o).contains("\\x1b]0;owned"), "colour is still allowed, the input's escapes are not");
}

#[test]
fn json_text_goes_on_after_invalid_utf8() {
    let o = run_with_stdin(&["explain", "--json"], b"550 5.1.1 bad \xff byte, then more");
    let v: Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(v["text"], "bad \u{fffd} byte, then more");
}

#[test]
fn byte_order_marks_and_utf16_are_read_as_text() {
    let o = run_with_stdin(&["classify", "--jsonl", "--brief"], b"\xef\xbb\xbf{\"text\": \"550 5.1.1 x\"}\n");
    assert!(o.status.success(), "{}", stderr(&o));
    assert_eq!(json_lines(&o)[0]["reply_code"], 550);
    let text = "550 5.1.1 user unknown ✓\r\n421 4.7.0 later\r\n";
    for (bom, encode) in
        [(b"\xff\xfe", u16::to_le_bytes as fn(u16) -> [u8; 2]), (b"\xfe\xff", u16::to_be_bytes as fn(u16) -> [u8; 2])]
    {
        let mut input = bom.to_vec();
        input.extend(text.encode_utf16().flat_map(encode));
        let o = run_with_stdin(&["classify"], &input);
        assert!(o.status.success(), "{}", stderr(&o));
        let records = json_lines(&o);
        assert_eq!(records.len(), 2);
        assert_eq!(records[0]["input"], "550 5.1.1 user unknown ✓");
        assert_eq!(records[1]["reply_code"], 421);
    }
}

#[test]
fn explain_given_a_file_name_says_how_to_read_the_file() {
    let dir = temp_dir("robust-explain-file");
    let path = dir.join("bounce.eml");
    fs::write(&path, "550 5.1.1 user unknown\n").unwrap();
    let name = path.to_str().unwrap();
    let o = run(&["explain", name]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains(&format!("smtp-codes explain < {name}")), "{}", stderr(&o));
    assert!(stdout(&o).is_empty());
}

#[test]
fn the_summary_keeps_at_most_a_thousand_codes_and_counts_the_rest() {
    let input: String = (0..3000).map(|i| format!("550 5.{}.{} distinct\n", i / 1000 + 1, i % 1000)).collect();
    let o = run_with_stdin(&["classify", "--summary", "--json"], input.as_bytes());
    assert!(o.status.success(), "{}", stderr(&o));
    let s = &json_lines(&o)[0];
    let codes = s["code"].as_object().unwrap();
    assert_eq!(codes.len(), smtp_codes_report::MAX_CODES + 1);
    assert_eq!(codes["other"], 2000);
    assert_eq!(codes.values().map(|v| v.as_u64().unwrap()).sum::<u64>(), 3000);
    let o = run_with_stdin(&["classify", "--summary"], input.as_bytes());
    assert!(stdout(&o).trim_end().lines().last().unwrap().starts_with("other"), "the other row comes last");
}
