//! `read_excerpt`: a log excerpt read whole, as the HTTP API and the Python package answer it.

use smtp_codes_report::logs::{ExcerptError, read_excerpt};

use super::root;

#[test]
fn an_excerpt_gives_the_report_and_a_record_per_outcome() {
    let log = std::fs::read_to_string(root().join("crates/smtp-codes-logs/tests/data/postfix-deliveries.log")).unwrap();
    let excerpt = read_excerpt(log.lines(), (2025, 1, 1), 10_000).unwrap();
    let records: Vec<serde_json::Value> = excerpt.records.iter().map(|r| serde_json::from_str(r).unwrap()).collect();
    let bounced = records.iter().find(|r| r["recipient"] == "kijitora@example.org").expect("the bounce is a record");
    assert_eq!(bounced["kind"], "bounced");
    assert_eq!(bounced["reason"], "userunknown");
    assert_eq!(bounced["queue_id"], "19B6B2900FE");
    assert_eq!(bounced["file"], "-");
    let summary = serde_json::to_value(&excerpt.summary).unwrap();
    let kinds = ["delivered", "deferred", "bounced", "expired", "rejected"];
    let total: u64 = kinds.iter().map(|k| summary["totals"][k].as_u64().unwrap_or(0)).sum();
    assert_eq!(usize::try_from(total).unwrap(), records.len(), "{summary}");
}

#[test]
fn too_many_lines_and_no_known_format_are_errors() {
    let lines = ["Dec 31 23:58:01 mx postfix/smtpd[1001]: connect from x[192.0.2.1]"; 3];
    assert_eq!(read_excerpt(lines, (2025, 1, 1), 2).unwrap_err(), ExcerptError::TooManyLines(2));
    assert!(read_excerpt(lines, (2025, 1, 1), 3).is_ok());
    let e = read_excerpt(["hello", "world"], (2025, 1, 1), 10).unwrap_err();
    assert_eq!(e, ExcerptError::NoKnownFormat);
    assert!(e.to_string().starts_with("no line is in a known log format (Postfix"), "{e}");
    // An empty excerpt is no error: nothing was in an unknown format either.
    assert!(read_excerpt([], (2025, 1, 1), 10).unwrap().records.is_empty());
}
