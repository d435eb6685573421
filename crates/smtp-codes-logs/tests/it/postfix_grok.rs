//! The test lines of whyscream/postfix-grok-patterns (`tests/data/postfix-grok`, BSD-3-Clause):
//! 248 real Postfix log lines of 26 programs with the fields that project's grok patterns must
//! pull out of them. Each line is scanned alone, and what the scanner makes of it is held to
//! those fields: a delivery attempt's recipient, queue id, relay, DSN code, status and reply; an
//! inbound refusal's client, recipient, sender and reply (without the fields logged after it);
//! no outcome for a line that records neither (connections, TLS, anvil, postscreen's tests,
//! `reject_warning`, `discard`, `filter`), and no line left unrecognised.

use std::collections::BTreeMap;
use std::path::PathBuf;

use smtp_codes_logs::{Options, Outcome, OutcomeKind, Scanner};

#[derive(serde::Deserialize)]
struct Case {
    file: String,
    program: Option<String>,
    line: String,
    results: BTreeMap<String, String>,
}

impl Case {
    fn get(&self, key: &str) -> Option<&str> {
        self.results.get(key).map(String::as_str)
    }

    /// The `key=value` pairs grok leaves unsplit in `postfix_keyvalue_data` (`to=<a>, relay=x,
    /// dsn=5.1.1` or `from=<a> to=<b> proto=ESMTP`), the first of each key, brackets kept.
    fn keyvalues(&self) -> BTreeMap<&str, &str> {
        let mut pairs = BTreeMap::new();
        for token in self.get("postfix_keyvalue_data").unwrap_or("").split([',', ' ']) {
            if let Some((key, value)) = token.split_once('=')
                && !key.is_empty()
                && key.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_')
            {
                pairs.entry(key).or_insert(value);
            }
        }
        pairs
    }
}

fn data(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/data/postfix-grok").join(name)
}

fn cases() -> Vec<Case> {
    let path = data("cases.jsonl");
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    text.lines().map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("{l}: {e}"))).collect()
}

/// The scanner's outcomes for `lines` (message parts), each written as the syslog line of
/// `postfix/PROGRAM` (a line that already is one is kept).
fn scan<'a>(program: &str, lines: impl IntoIterator<Item = &'a str>) -> (Vec<Outcome>, Scanner) {
    let mut scanner = Scanner::new(Options { year: (2025, 1, 2), ..Options::default() });
    let mut out = Vec::new();
    for part in lines {
        let line = if part.contains(" postfix/") {
            part.to_owned()
        } else {
            format!("Oct 26 18:13:50 mx postfix/{program}[1234]: {part}")
        };
        scanner.push(&line, &mut out);
    }
    scanner.finish(&mut out);
    (out, scanner)
}

fn unbracket(s: &str) -> &str {
    s.strip_prefix('<').and_then(|s| s.strip_suffix('>')).unwrap_or(s)
}

/// The outcome a delivery agent's `status=` line must give, from grok's fields.
fn check_attempt(case: &Case, status: &str, out: &[Outcome], failures: &mut Vec<String>) {
    let kv = case.keyvalues();
    let kind = match status {
        "sent" => OutcomeKind::Delivered,
        "deferred" => OutcomeKind::Deferred,
        "bounced" | "undeliverable" | "undeliverable-but-not-cached" => OutcomeKind::Bounced,
        other => return failures.push(format!("{}: status {other:?} not expected here", case.file)),
    };
    let [o] = out else { return failures.push(format!("{}: {} outcomes, want one {kind:?}", case.file, out.len())) };
    let reply =
        ["postfix_smtp_response", "postfix_pipe_response", "postfix_error_response"].iter().find_map(|k| case.get(k));
    let checks = [
        ("kind", Some(kind.as_str()), Some(o.kind().as_str())),
        ("recipient", kv.get("to").map(|t| unbracket(t)), o.recipient()),
        ("queue id", case.get("postfix_queueid"), o.queue_id()),
        ("relay", kv.get("relay").copied(), o.relay()),
        ("dsn", kv.get("dsn").copied(), o.dsn()),
        ("reply", reply, Some(o.reply())),
    ];
    for (what, want, got) in checks {
        if want.is_some() && want != got {
            failures.push(format!("{}: {what} {got:?}, want {want:?}", case.file));
        }
    }
}

/// The outcome an inbound refusal (`reject:`, `milter-reject:`) must give, from grok's fields.
fn check_refusal(case: &Case, out: &[Outcome], failures: &mut Vec<String>) {
    let kv = case.keyvalues();
    let [o] = out else { return failures.push(format!("{}: {} outcomes, want one rejected", case.file, out.len())) };
    let client =
        match (case.get("postfix_client_hostname"), case.get("postfix_client_ip"), case.get("postfix_client_port")) {
            (Some(host), Some(ip), _) => Some(format!("{host}[{ip}]")),
            (None, Some(ip), Some(port)) => Some(format!("[{ip}]:{port}")),
            _ => None,
        };
    let checks = [
        ("kind", Some("rejected"), Some(o.kind().as_str())),
        ("client", client.as_deref(), o.client()),
        ("recipient", kv.get("to").map(|t| unbracket(t)), o.recipient()),
        ("sender", kv.get("from").map(|t| unbracket(t)), o.sender()),
    ];
    for (what, want, got) in checks {
        if want.is_some() && want != got {
            failures.push(format!("{}: {what} {got:?}, want {want:?}", case.file));
        }
    }
    let reply = o.reply();
    let code = [case.get("postfix_status_code"), case.get("postfix_status_code_enhanced")]
        .into_iter()
        .flatten()
        .collect::<Vec<_>>()
        .join(" ");
    let milter = case.get("postfix_milter_message").or(case.get("postfix_milter_reject_data"));
    let message = case
        .get("postfix_status_message")
        .or(case.get("postfix_postscreen_toobusy_data"))
        .or(milter.and_then(|m| m.rsplit(": ").next()));
    if !reply.starts_with(&code)
        || message.is_some_and(|m| !reply.ends_with(m))
        || reply.contains("; from=")
        || reply.contains(" proto=")
    {
        failures
            .push(format!("{}: reply {reply:?}, want {code:?} ... {message:?} without the logged fields", case.file));
    }
}

#[test]
fn each_line_gives_what_its_fields_say() {
    let cases = cases();
    assert!(cases.len() >= 240, "{} cases", cases.len());
    let (mut failures, mut attempts, mut refusals, mut quiet) = (Vec::new(), 0, 0, 0);
    for case in &cases {
        let (out, scanner) = scan(case.program.as_deref().unwrap_or("smtp"), case.line.lines());
        if scanner.stats().unknown != 0 {
            failures.push(format!("{}: unrecognised: {:?}", case.file, scanner.stats().unknown_examples));
        }
        let status = case.get("postfix_status").or_else(|| case.keyvalues().get("status").copied());
        // smtpd's and postscreen's `reject:` and `milter-reject:`, cleanup's `milter-reject:`
        // after the data, postscreen's refusal of a connection when it is too busy.
        let refusal = matches!(case.get("postfix_action"), Some("reject" | "milter-reject"))
            || case.get("postfix_milter_result") == Some("reject")
            || ["postfix_milter_reject_data", "postfix_postscreen_toobusy_data"].iter().any(|k| case.get(k).is_some());
        if case.results.is_empty() {
            // The oldest files carry no fields to hold the outcome to; they must still scan.
            if out.len() > 1 {
                failures.push(format!("{}: {} outcomes from one line", case.file, out.len()));
            }
        } else if let Some(status) =
            status.filter(|_| case.get("postfix_queueid").is_some() && case.line.contains(" to="))
        {
            attempts += 1;
            check_attempt(case, status, &out, &mut failures);
        } else if refusal {
            refusals += 1;
            check_refusal(case, &out, &mut failures);
        } else {
            quiet += 1;
            if let Some(o) = out.first() {
                failures.push(format!("{}: {:?} for {:?}, want no outcome", case.file, o.kind(), o.recipient()));
            }
        }
    }
    println!("postfix-grok: {attempts} delivery attempts, {refusals} refusals, {quiet} other lines with fields");
    assert!(failures.is_empty(), "{} failures:\n{}", failures.len(), failures.join("\n"));
    assert!(attempts >= 15 && refusals >= 10 && quiet >= 100, "{attempts} {refusals} {quiet}");
}

/// The plain log files of the same tests (`#` lines are the project's comments): every line is
/// recognised, and each `status=` line of a delivery agent gives its outcome.
#[test]
fn the_log_files_scan_whole() {
    for (file, program) in [
        ("POSTFIX_ANVIL.log", "anvil"),
        ("POSTFIX_CLEANUP.log", "cleanup"),
        ("POSTFIX_DNSBLOG.log", "dnsblog"),
        ("POSTFIX_PIPE.log", "pipe"),
        ("POSTFIX_POSTSCREEN.log", "postscreen"),
        ("POSTFIX_QMGR.log", "qmgr"),
        ("POSTFIX_SMTP.log", "smtp"),
        ("POSTFIX_SMTPD.log", "smtpd"),
    ] {
        let text = std::fs::read_to_string(data(file)).unwrap_or_else(|e| panic!("{file}: {e}"));
        let lines: Vec<&str> = text.lines().filter(|l| !l.starts_with('#') && !l.trim().is_empty()).collect();
        let (out, scanner) = scan(program, lines.iter().copied());
        assert_eq!(scanner.stats().unknown, 0, "{file}: {:?}", scanner.stats().unknown_examples);
        let sent = lines.iter().filter(|l| l.contains(" to=") && l.contains(", status=sent ")).count();
        let delivered = out.iter().filter(|o| o.kind() == OutcomeKind::Delivered).count();
        assert_eq!(delivered, sent, "{file}");
    }
}
