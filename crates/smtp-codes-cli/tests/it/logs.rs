//! `smtp-codes logs`: the report, JSON records and the JSON report over the log crate's
//! samples; rotated files read oldest first; filters; a file in no known format.

use std::path::PathBuf;

use super::{json_lines, run, run_with_stdin, stderr, stdout, temp_dir};

fn sample(name: &str) -> String {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../smtp-codes-logs/tests/data")
        .join(name)
        .to_string_lossy()
        .into_owned()
}

#[test]
fn json_records_name_the_recipient_queue_id_and_reason() {
    let o = run(&["logs", "--json", &sample("postfix-deliveries.log")]);
    assert!(o.status.success(), "{}", stderr(&o));
    let records = json_lines(&o);
    let kinds: Vec<&str> = records.iter().map(|r| r["kind"].as_str().unwrap()).collect();
    assert_eq!(kinds, ["delivered", "bounced", "delivered", "expired", "rejected", "deferred"]);
    let bounced = &records[1];
    assert_eq!(bounced["recipient"], "kijitora@example.org");
    assert_eq!(bounced["queue_id"], "19B6B2900FE");
    assert_eq!(bounced["reason"], "userunknown");
    assert_eq!(bounced["hard_bounce"], true);
    assert_eq!(bounced["line"], 5);
    assert_eq!(bounced["status"], "5.1.1");
    // A refusal of this server is never a hard bounce of the sender's mail.
    assert_eq!(records[4]["hard_bounce"], false);
    let expired = &records[3];
    assert_eq!(expired["reason"], "networkerror");
    assert_eq!(expired["attempts"], 2);
}

#[test]
fn the_report_answers_who_bounced_why_and_how_delivery_goes() {
    let o = run(&["logs", &sample("postfix-deliveries.log"), &sample("exim-deliveries.log")]);
    assert!(o.status.success(), "{}", stderr(&o));
    let text = stdout(&o);
    for needle in [
        "Mail log: 30 lines in 2 files (postfix 21, exim 8; other programs 1; unknown 0)",
        "rejected   2",
        "inbound refusals",
        "PROVIDER",
        "RECIPIENT DOMAIN",
        "Problems, grouped by the rule that decided",
        // "553 5.3.0 ...Addressee unknown" says the recipient is unknown (Sendmail's own text for
        // an unknown user), whatever its code: a hard bounce.
        "Stop mailing: 3 hard bounces, 3 recipients:",
        "  kijitora@example.org",
        "  ace400@pb.example",
        "MTA problems: 1 warning",
    ] {
        assert!(text.contains(needle), "{needle:?} not in:\n{text}");
    }
}

#[test]
fn the_json_report_is_one_object() {
    let o = run(&["logs", "--summary", "--json", &sample("exim-deliveries.log")]);
    assert!(o.status.success(), "{}", stderr(&o));
    let v = &json_lines(&o)[0];
    assert_eq!(v["type"], "log-summary");
    assert_eq!(v["totals"]["delivered"], 1);
    assert_eq!(v["totals"]["bounced"], 2);
    assert_eq!(v["totals"]["rejected"], 1);
    assert_eq!(v["received"], 2);
    assert_eq!(v["stop_mailing"]["recipients"], serde_json::json!(["ace400@pb.example", "jim@trek99.example"]));
    assert_eq!(v["lines"]["by_format"]["exim"], 8);
}

#[test]
fn problems_and_time_filters_keep_what_they_say() {
    let o = run(&["logs", "--json", "--problems", &sample("postfix-deliveries.log")]);
    let kinds: Vec<String> = json_lines(&o).iter().map(|r| r["kind"].as_str().unwrap().to_owned()).collect();
    assert_eq!(kinds, ["bounced", "expired", "rejected", "deferred"]);
    let o =
        run(&["logs", "--json", "--year", "2025", "--since", "2026-01-01T01:00:00", &sample("postfix-deliveries.log")]);
    let kinds: Vec<String> = json_lines(&o).iter().map(|r| r["kind"].as_str().unwrap().to_owned()).collect();
    assert_eq!(kinds, ["expired", "rejected", "deferred"], "{}", stderr(&o));
    let o = run(&["logs", "--since", "yesterday"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("not a time"), "{}", stderr(&o));
}

#[test]
fn rotated_files_continue_each_other_oldest_first() {
    let dir = temp_dir("logs-rotated");
    let first = "Jan  1 00:00:00 mx postfix/qmgr[1]: ABCDEF123: from=<a@example.net>, size=10, nrcpt=1 (queue active)\n\
                 Jan  1 00:00:01 mx postfix/smtp[2]: ABCDEF123: to=<b@example.org>, relay=none, delay=1, dsn=4.4.1, status=deferred (connect to mx.example.org[192.0.2.1]:25: Connection refused)\n";
    let second = "Jan  1 01:00:01 mx postfix/smtp[2]: ABCDEF123: to=<b@example.org>, relay=mx.example.org[192.0.2.1]:25, delay=3601, dsn=2.0.0, status=sent (250 2.0.0 Ok)\n";
    std::fs::write(dir.join("mail.log.1"), first).unwrap();
    std::fs::write(dir.join("mail.log"), second).unwrap();
    // Given newest first, read oldest first: one delivery after one deferral.
    let paths = [dir.join("mail.log"), dir.join("mail.log.1")];
    let o = run(&["logs", "--json", paths[0].to_str().unwrap(), paths[1].to_str().unwrap()]);
    let records = json_lines(&o);
    assert_eq!(records.len(), 1, "{}", stdout(&o));
    assert_eq!(records[0]["kind"], "delivered");
    assert_eq!(records[0]["attempts"], 2);
    assert_eq!(records[0]["sender"], "a@example.net");
    assert!(records[0]["file"].as_str().unwrap().ends_with("mail.log"));
    assert_eq!(records[0]["line"], 1);
}

#[test]
fn a_file_in_no_known_format_is_an_error_naming_it() {
    let o = run_with_stdin(&["logs"], b"hello\nworld\n");
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("-: no line of its 2 is in a known log format"), "{}", stderr(&o));
    assert!(stderr(&o).contains("\"hello\""), "{}", stderr(&o));
    let o = run(&["logs", "--format", "qmail", &sample("exim-deliveries.log")]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("not a log format"), "{}", stderr(&o));
}

#[test]
fn each_new_format_is_recognised_from_its_lines() {
    for (name, format, kinds) in [
        (
            "exchange-MSGTRK2024010700-1.LOG",
            "exchange",
            &["delivered", "bounced", "delivered", "deferred", "deferred"][..],
        ),
        ("m365-enhanced-summary.csv", "m365", &["bounced", "delivered", "delivered"]),
        ("m365-message-trace.csv", "m365", &["delivered", "bounced", "rejected", "deferred"]),
        ("opensmtpd.log", "opensmtpd", &["delivered", "delivered", "delivered", "bounced", "rejected", "deferred"]),
        ("kumomta.jsonl", "kumomta", &["delivered", "bounced", "expired", "rejected", "deferred"]),
    ] {
        // Recognised, and forced: the same records.
        for forced in [None, Some(format)] {
            let mut args = vec!["logs", "--json", "--year", "2019"];
            if let Some(f) = forced {
                args.extend(["--format", f]);
            }
            let path = sample(name);
            args.push(&path);
            let o = run(&args);
            assert!(o.status.success(), "{name}: {}", stderr(&o));
            let records = json_lines(&o);
            let got: Vec<&str> = records.iter().map(|r| r["kind"].as_str().unwrap()).collect();
            assert_eq!(got, kinds, "{name} {forced:?}");
            assert!(records.iter().all(|r| r["format"] == format), "{name}");
        }
    }
    let o = run(&["logs", "--json", &sample("kumomta.jsonl")]);
    let bounced = &json_lines(&o)[1];
    assert_eq!(bounced["recipient"], "nobody@gmail.com");
    assert_eq!(bounced["reason"], "userunknown");
    assert_eq!(bounced["hard_bounce"], true);
    assert_eq!(bounced["line"], 5);
}

#[test]
fn a_forced_format_refuses_the_others_files() {
    // Exchange's rows under --format kumomta: no line is read, so the file is in no known format.
    let o = run(&["logs", "--format", "kumomta", &sample("exchange-MSGTRK2024010700-1.LOG")]);
    assert_eq!(o.status.code(), Some(2), "{}", stdout(&o));
    assert!(stderr(&o).contains("no line of its 14 is in a known log format"), "{}", stderr(&o));
    let o = run(&["logs", "--format", "qmail", &sample("kumomta.jsonl")]);
    assert!(
        stderr(&o).contains("use one of postfix, exim, sendmail, opensmtpd, exchange, m365, kumomta"),
        "{}",
        stderr(&o)
    );
}

#[test]
fn the_csv_header_is_kept_per_file() {
    // An Exchange log, then a Postfix log: the second file's lines are not read as Exchange rows.
    let o = run(&[
        "logs",
        "--summary",
        "--json",
        "--year",
        "2025",
        &sample("exchange-MSGTRK2024010700-1.LOG"),
        &sample("postfix-deliveries.log"),
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    let v = &json_lines(&o)[0];
    assert_eq!(v["lines"]["by_format"]["exchange"], 14);
    assert_eq!(v["lines"]["by_format"]["postfix"], 21);
    assert_eq!(v["lines"]["unknown"], 0);
}

/// `--threads 2` reads on one thread and classifies and writes on another: the same bytes as
/// one thread, for every output, over every sample at once (several files, formats and
/// rotations), and over a log long enough for many batches between the threads.
#[test]
fn two_threads_write_what_one_writes() {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../smtp-codes-logs/tests/data");
    let mut files: Vec<String> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "log" || x == "LOG" || x == "csv" || x == "jsonl"))
        .map(|p| p.to_string_lossy().into_owned())
        .collect();
    files.sort();
    // 1,500 copies of the delivery sample, each with its own queue ids: thousands of outcomes.
    let sample = std::fs::read_to_string(dir.join("postfix-deliveries.log")).unwrap();
    let mut long = String::new();
    for i in 0..1500 {
        let mut copy = sample.clone();
        for id in ["19B6B2900FE", "859FA15E1A", "AC01D2988FA6"] {
            copy = copy.replace(id, &format!("{i:05X}{}", &id[5..]));
        }
        long.push_str(&copy);
    }
    let tmp = temp_dir("logs-threads");
    let long_path = tmp.join("long.log");
    std::fs::write(&long_path, long).unwrap();
    files.push(long_path.to_string_lossy().into_owned());
    for mode in [&[][..], &["--json"], &["--json", "--summary"], &["--problems", "--json"]] {
        let mut one = vec!["logs", "--year", "2024"];
        one.extend_from_slice(mode);
        one.extend(files.iter().map(String::as_str));
        let mut two = one.clone();
        two.extend(["--threads", "2"]);
        let (a, b) = (run(&one), run(&two));
        assert!(a.status.success() && b.status.success(), "{}{}", stderr(&a), stderr(&b));
        assert!(a.stdout.len() > 1000, "{mode:?}: {}", stdout(&a));
        assert!(a.stdout == b.stdout, "{mode:?}: the outputs differ");
    }
    // A file in no known format is the same error on two threads.
    let bad = tmp.join("bad.log");
    std::fs::write(&bad, "hello\n").unwrap();
    let o = run(&["logs", "--threads", "2", bad.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("no line of its 1 is in a known log format"), "{}", stderr(&o));
}

/// Each problem outcome of the samples has a reason, not `onhold`, where its text says one:
/// SpamAssassin's score in Exim's `local_scan` refusal, Microsoft 365's `FilteredAsSpam`.
#[test]
fn spam_refusals_without_a_reply_code_are_spam() {
    let o = run(&["logs", "--json", "--problems", &sample("fail2ban-exim-spam.log")]);
    let records = json_lines(&o);
    let scored = records
        .iter()
        .find(|r| r["reply"].as_str().is_some_and(|t| t.contains("hits=7.5")))
        .expect("the local_scan refusal");
    assert_eq!(scored["reason"], "spamdetected", "{scored}");
    let o = run(&["logs", "--json", "--problems", &sample("m365-message-trace.csv")]);
    let records = json_lines(&o);
    let filtered = records.iter().find(|r| r["reply"] == "FilteredAsSpam").expect("the spam row");
    assert_eq!((&filtered["kind"], &filtered["reason"]), (&"rejected".into(), &"spamdetected".into()));
}

/// A deferral whose reply is the MTA's own words, without a code, is as temporary as the line's
/// `dsn=` says, as the whole line would be read; a reply with its own enhanced code keeps it.
#[test]
fn a_reply_without_codes_takes_the_lines_dsn_status() {
    let log = "\
Jan  1 00:00:00 mx postfix/qmgr[1]: 4AB12C3D4E: from=<a@example.net>, size=100, nrcpt=2 (queue active)
Jan  1 00:00:01 mx postfix/smtp[2]: 4AB12C3D4E: to=<bob@example.org>, relay=none, delay=1, delays=0/0/1/0, dsn=4.4.3, status=deferred (Host or domain name not found. Name service error for name=example.org type=MX: Host not found, try again)
Jan  1 00:00:02 mx postfix/smtp[2]: 4AB12C3D4E: to=<carol@example.com>, relay=mx.example.com[192.0.2.1]:25, delay=2, delays=0/0/1/1, dsn=5.0.0, status=bounced (host mx.example.com[192.0.2.1] said: 550 5.1.1 <carol@example.com>: User unknown (in reply to RCPT TO command))
";
    let o = run_with_stdin(&["logs", "--json", "--year", "2025", "-"], log.as_bytes());
    assert!(o.status.success(), "{}", stderr(&o));
    let records = json_lines(&o);
    let deferred = records.iter().find(|r| r["kind"] == "deferred").expect("the deferral");
    assert_eq!(deferred["status"], "4.4.3");
    assert_eq!(deferred["severity"], "transient");
    assert_eq!(deferred["retry"], true);
    // A lookup that failed for now ("try again"), not a domain that does not exist.
    assert_eq!(deferred["reason"], "networkerror");
    assert_eq!(deferred["hard_bounce"], false);
    let bounced = records.iter().find(|r| r["kind"] == "bounced").expect("the bounce");
    assert_eq!(bounced["status"], "5.1.1");
    assert_eq!(bounced["reason"], "userunknown");
}

/// Where neither the reply nor the line gives a code (Exim logs no `dsn=`), the MTA's verdict
/// decides how final an outcome is: a deferral is temporary and retried, a bounce permanent.
#[test]
fn without_any_code_the_outcome_kind_gives_the_severity() {
    let log = "\
2025-01-01 00:00:00 1tAbCd-000123-Ab <= a@example.net H=(client) [192.0.2.9] P=esmtp S=1000
2025-01-01 00:00:01 1tAbCd-000123-Ab == bob@example.org R=dnslookup T=remote_smtp defer (110): Connection timed out
2025-01-01 00:00:02 1tAbCd-000123-Ab ** carol@example.org: Unrouteable address
";
    let o = run_with_stdin(&["logs", "--json", "-"], log.as_bytes());
    assert!(o.status.success(), "{}", stderr(&o));
    let records = json_lines(&o);
    let deferred = records.iter().find(|r| r["kind"] == "deferred").expect("the deferral");
    assert_eq!((&deferred["severity"], &deferred["retry"]), (&"transient".into(), &true.into()), "{deferred}");
    assert_eq!(deferred["status"], serde_json::Value::Null);
    let bounced = records.iter().find(|r| r["kind"] == "bounced").expect("the bounce");
    assert_eq!((&bounced["severity"], &bounced["retry"]), (&"permanent".into(), &false.into()), "{bounced}");
}
