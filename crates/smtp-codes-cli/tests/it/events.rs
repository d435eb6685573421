//! `smtp-codes events`: ESP webhook events as a table, JSON Lines and a summary, and documents
//! of no known shape.

use std::path::PathBuf;

use super::{json_lines, run, run_with_stdin, stderr, stdout};

fn sample(name: &str) -> String {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../smtp-codes-events/tests/data")
        .join(name)
        .to_string_lossy()
        .into_owned()
}

#[test]
fn ses_transient_550_is_flagged_as_a_disagreement() {
    let o = run(&["events", "--json", &sample("ses-sns-bounce-transient-530.json")]);
    assert!(o.status.success(), "{}", stderr(&o));
    let records = json_lines(&o);
    assert_eq!(records.len(), 2);
    assert_eq!(records[0]["esp"], "ses");
    assert_eq!(records[0]["recipient"], "jane@example.com");
    assert_eq!(records[0]["esp_type"], "Transient");
    assert_eq!(records[0]["disagrees"], true);
    assert_eq!(records[0]["hard_bounce"], true);
}

#[test]
fn the_table_shows_the_esp_label_beside_the_reason() {
    let o = run(&["events", &sample("sendgrid-events.json")]);
    assert!(o.status.success(), "{}", stderr(&o));
    let text = stdout(&o);
    assert!(text.contains("bounce/blocked/Reputation"), "{text}");
    let blocked = text.lines().find(|l| l.contains("blocked@test.com")).expect("the blocked row");
    assert!(blocked.contains("yes"), "{blocked}");
}

#[test]
fn the_summary_counts_every_esp() {
    let mut args = vec!["events".to_owned(), "--summary".to_owned(), "--json".to_owned()];
    for name in ["ses-bounce-dsn.json", "sendgrid-events.json", "mailgun-events.jsonl", "postmark-bounce.json"] {
        args.push(sample(name));
    }
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let o = run(&args);
    assert!(o.status.success(), "{}", stderr(&o));
    let s = &json_lines(&o)[0];
    for esp in ["ses", "sendgrid", "mailgun", "postmark"] {
        assert!(s["esp"][esp].as_u64().unwrap() >= 1, "{esp}: {s}");
    }
}

#[test]
fn a_document_of_no_known_shape_is_reported_and_reading_goes_on() {
    let input = b"{\"a\": 1}\n{\"event\": \"delivered\", \"email\": \"bob@example.org\", \"timestamp\": 1700000000, \"sg_event_id\": \"x\", \"response\": \"250 OK\"}\n";
    let o = run_with_stdin(&["events", "--json"], input);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("-: document 1: not an event of any known ESP (keys: a)"), "{}", stderr(&o));
    assert_eq!(json_lines(&o).len(), 1, "{}", stdout(&o));
    let o = run(&["events", "--esp", "hotmail"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("not an ESP"), "{}", stderr(&o));
}

#[test]
fn mandrill_form_bodies_are_read_as_posted() {
    // The body Mandrill posts: its events' JSON, percent-encoded, in the `mandrill_events` field.
    let form: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(sample("mandrill-form.json")).unwrap()).unwrap();
    let events = form["mandrill_events"].as_str().unwrap();
    let encoded: String = events
        .bytes()
        .map(|b| if b.is_ascii_alphanumeric() { (b as char).to_string() } else { format!("%{b:02X}") })
        .collect();
    let o = run_with_stdin(&["events", "--json"], format!("mandrill_events={encoded}\n").as_bytes());
    assert!(o.status.success(), "{}", stderr(&o));
    let records = json_lines(&o);
    assert_eq!(records.len(), 6);
    assert!(records.iter().all(|r| r["esp"] == "mandrill"));
    assert_eq!(records[2]["kind"], "bounced");
    assert_eq!(records[2]["reason"], "userunknown");
}

/// Where the reply gives no code, the ESP's verdict says how final an event is: a delivery is a
/// success, a deferral or a bounce the ESP calls temporary is retried, another bounce permanent.
/// Checked over every sample whose reply holds no code.
#[test]
fn without_any_code_the_esps_verdict_gives_the_severity() {
    // The samples of every folder (django-anymail's and Symfony's too), recursively.
    let mut names = Vec::new();
    let mut folders = vec![PathBuf::from(sample(""))];
    while let Some(dir) = folders.pop() {
        for path in std::fs::read_dir(&dir).unwrap().map(|e| e.unwrap().path()) {
            if path.is_dir() {
                folders.push(path);
            } else if path.extension().is_some_and(|e| e == "json" || e == "jsonl") {
                names.push(path);
            }
        }
    }
    names.sort();
    let mut checked = 0;
    for path in names {
        // Files the command does not read as they are (the expected results, Mailgun's legacy
        // form payloads kept as JSON) are other tests' business.
        let o = run(&["events", "--json", path.to_str().unwrap()]);
        if !o.status.success() {
            continue;
        }
        for r in json_lines(&o) {
            if !(r["reply_code"].is_null() && r["enhanced_code"].is_null()) {
                continue;
            }
            let want = match (r["kind"].as_str().unwrap(), r["esp_says"].as_str()) {
                ("delivered", _) => ("success", false),
                ("deferred", _) | ("bounced", Some("temporary")) => ("transient", true),
                ("bounced", _) => ("permanent", false),
                _ => continue,
            };
            assert_eq!((r["severity"].as_str().unwrap(), r["retry"].as_bool().unwrap()), want, "{r}");
            checked += 1;
        }
    }
    assert!(checked > 20, "only {checked} events without a code");
    eprintln!("{checked} events without a code checked");
}
