//! Main logs of Exim's own test suite (`tests/data/exim-testsuite`, GPL-2.0-or-later): what Exim
//! wrote while its tests ran (arrivals, cutthrough and local deliveries, pipes, autoreplies,
//! failures, deferrals, ACL refusals), with the suite's own stand-ins for what changes from run
//! to run (`S=sss`, `pid=pppp`, `ip4.ip4.ip4.ip4`). A file that holds a second log, the test
//! server's, after a `******** SERVER ********` line is scanned as two logs.
//!
//! What each line's flag says (Exim's specification, chapter "Log files") is read here on its
//! own, without the scanner, and held to the scanner's outcomes: every `=>`, `->`, `>>` and `*>`
//! line is a delivery of its address to that recipient, every `**` line a failure whose reply
//! is the text after the fields, the last `==` line of an address still waiting at the end of
//! the log a deferral; every delivery and failure names the sender of its message's `<=` line
//! (the arrival comes after a cutthrough delivery); every `rejected RCPT` line a refusal of
//! that recipient; no other outcome, and no line of Exim's in no known format.

use std::collections::BTreeMap;
use std::path::PathBuf;

use smtp_codes_logs::{Options, OutcomeKind, Scanner};

fn folder() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/data/exim-testsuite")
}

/// The logs of the folder: file name and text, a second log after the suite's server marker.
fn logs() -> Vec<(String, String)> {
    let mut names: Vec<PathBuf> = std::fs::read_dir(folder())
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "log"))
        .collect();
    names.sort();
    let mut logs = Vec::new();
    for path in names {
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        let text = std::fs::read_to_string(&path).unwrap();
        for (k, part) in text.split("\n******** SERVER ********\n").enumerate() {
            logs.push((format!("{name}#{k}"), part.to_owned()));
        }
    }
    logs
}

/// An outcome as this test compares it: queue id, recipient, kind, and the sender and reply
/// where the line gives them.
type Key = (String, String, OutcomeKind);
/// The sender and reply of an outcome.
type Value = (Option<String>, Option<String>);

/// Adds an outcome: a key may come more than once (two refusals of one client).
fn push(map: &mut BTreeMap<Key, Vec<Value>>, key: Key, value: Value) {
    map.entry(key).or_default().push(value);
}

/// What the flags of `text` say, read without the scanner: outcome, sender and reply text.
fn expected(text: &str) -> BTreeMap<Key, Vec<Value>> {
    let mut senders: BTreeMap<&str, &str> = BTreeMap::new();
    let mut want = BTreeMap::new();
    let mut waiting: BTreeMap<(String, String), ()> = BTreeMap::new();
    for line in text.lines() {
        // `1999-03-02 09:44:33 ID FLAG ADDRESS ...`
        let words: Vec<&str> = line.splitn(5, ' ').collect();
        if let [_, _, id, "<=" | "(=", rest] = words[..] {
            let sender = rest.split(' ').next().unwrap().trim_matches(['<', '>']);
            senders.insert(id, sender);
            continue;
        }
        // A refusal: of a recipient (`rejected RCPT <rcpt>`), of a message after its data, of
        // the sender, the greeting or the connection (no recipient).
        let id =
            if words.len() > 2 && words[2].len() >= 16 && words[2].matches('-').count() == 2 { words[2] } else { "" };
        if let Some(at) = line.find(" rejected RCPT ") {
            let rest = &line[at + " rejected RCPT ".len()..];
            let (rcpt, _) = rest.split_once(": ").unwrap_or((rest, ""));
            push(
                &mut want,
                (id.to_owned(), rcpt.trim_matches(['<', '>']).to_owned(), OutcomeKind::Rejected),
                (None, None),
            );
            continue;
        }
        let refusals = [
            " rejected after DATA",
            " rejected by non-SMTP ACL",
            " rejected MAIL ",
            " rejected connection in ",
            " rejected EHLO or HELO ",
        ];
        if refusals.iter().any(|r| line.contains(r)) {
            push(&mut want, (id.to_owned(), String::new(), OutcomeKind::Rejected), (None, None));
            continue;
        }
        let [_, _, id, flag, rest] = words[..] else { continue };
        let address = rest.split(' ').next().unwrap().trim_end_matches(':').to_owned();
        let kind = match flag {
            "=>" | "->" | ">>" | "*>" => OutcomeKind::Delivered,
            "**" => OutcomeKind::Bounced,
            "==" => {
                waiting.insert((id.to_owned(), address), ());
                continue;
            }
            _ => continue,
        };
        waiting.remove(&(id.to_owned(), address.clone()));
        let reply = (kind == OutcomeKind::Bounced).then(|| rest.split_once(": ").map_or("", |(_, t)| t).to_owned());
        push(&mut want, (id.to_owned(), address, kind), (Some(id.to_owned()), reply));
    }
    // The sender is known once the whole log is read (a cutthrough delivery comes first).
    for ((id, _, _), values) in &mut want {
        for (sender, _) in values.iter_mut() {
            *sender = sender.take().and_then(|_| senders.get(id.as_str()).map(|s| (*s).to_owned()));
        }
    }
    for (id, address) in waiting.into_keys() {
        let sender = senders.get(id.as_str()).map(|s| (*s).to_owned());
        push(&mut want, (id, address, OutcomeKind::Deferred), (sender, None));
    }
    for values in want.values_mut() {
        values.sort();
    }
    want
}

/// Whether `line` opens with Exim's time stamp, `1999-03-02 09:44:33 `.
fn stamped(line: &str) -> bool {
    let b = line.as_bytes();
    b.len() > 20
        && b[..19].iter().enumerate().all(|(i, c)| match i {
            4 | 7 => *c == b'-',
            10 => *c == b' ',
            13 | 16 => *c == b':',
            _ => c.is_ascii_digit(),
        })
}

#[test]
fn each_flagged_line_is_its_outcome() {
    let logs = logs();
    assert!(logs.len() >= 8, "the Exim test-suite logs are missing: {}", logs.len());
    let mut failures = Vec::new();
    let mut outcomes = 0;
    for (name, text) in &logs {
        let mut scanner = Scanner::new(Options { year: (1999, 3, 2), ..Options::default() });
        let mut out = Vec::new();
        for line in text.lines() {
            scanner.push(line, &mut out);
        }
        scanner.finish(&mut out);
        // A few tests write a simulator's dialogue into the log (`5100`: an LMTP server's lines
        // without a time stamp): those may be unknown lines, no line of Exim's own may be (a
        // line that opens with a space continues the one before).
        let foreign = text.lines().filter(|l| !stamped(l) && !l.starts_with(' ')).count() as u64;
        let stats = scanner.stats();
        if stats.unknown > foreign || stats.unknown_examples.iter().any(|(_, l)| stamped(l)) {
            failures.push(format!(
                "{name}: {} lines in no known format ({foreign} without Exim's time stamp): {:?}",
                stats.unknown, stats.unknown_examples
            ));
        }
        let mut got = BTreeMap::new();
        for o in &out {
            let key = (o.queue_id().unwrap_or("").to_owned(), o.recipient().unwrap_or("").to_owned(), o.kind());
            let reply = (o.kind() == OutcomeKind::Bounced).then(|| o.reply().to_owned());
            let sender = (o.kind() != OutcomeKind::Rejected).then(|| o.sender().map(str::to_owned)).flatten();
            push(&mut got, key, (sender, reply));
        }
        for values in got.values_mut() {
            values.sort();
        }
        let want = expected(text);
        outcomes += want.values().map(Vec::len).sum::<usize>();
        for (key, value) in &want {
            match got.get(key) {
                None => failures.push(format!("{name}: no outcome {key:?}")),
                Some(v) if v != value => failures.push(format!("{name}: {key:?}: got {v:?}, want {value:?}")),
                Some(_) => {}
            }
        }
        for key in got.keys().filter(|k| !want.contains_key(*k)) {
            failures.push(format!("{name}: an outcome no line gives: {key:?}"));
        }
    }
    eprintln!("Exim test-suite logs: {} logs, {outcomes} outcomes expected, {} failures", logs.len(), failures.len());
    assert!(failures.is_empty(), "{failures:#?}");
}
