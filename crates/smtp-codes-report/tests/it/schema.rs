//! `docs/json.md` against the real types: every documented record lists exactly the fields
//! that the types print, for real replies and catalogue entries.

use std::collections::{BTreeMap, BTreeSet};

use serde_json::{Map, Value};
use smtp_codes::classify::{CODE_RULES, Context, PROVIDER_REPLIES, Reason, ReportKind, Rule, explain_with};
use smtp_codes::{Command, EnhancedCode, ReplyCode};
use smtp_codes_report::lookup::{Lookup, Query};
use smtp_codes_report::search;
use smtp_codes_report::{
    BriefRecord, ClassifyInput, ClassifyRecord, CodeRuleEntry, EnhancedEntry, Explained, ProviderReplyEntry,
    ReasonEntry, ReplyEntry, Report, RuleRecord, Summary,
};

/// The field names of each `<!-- record: NAME -->` table, in order.
fn documented() -> BTreeMap<String, Vec<String>> {
    let text = std::fs::read_to_string(super::root().join("docs/json.md")).expect("docs/json.md");
    let mut records = BTreeMap::new();
    let mut current: Option<(String, Vec<String>)> = None;
    for line in text.lines() {
        if let Some(name) = line.strip_prefix("<!-- record: ").and_then(|l| l.strip_suffix(" -->")) {
            if let Some((n, f)) = current.take() {
                records.insert(n, f);
            }
            current = Some((name.to_owned(), Vec::new()));
        } else if let Some((_, fields)) = current.as_mut()
            && let Some(cell) = line.strip_prefix("| `")
            && let Some((field, _)) = cell.split_once('`')
        {
            fields.push(field.to_owned());
        }
    }
    if let Some((n, f)) = current {
        records.insert(n, f);
    }
    records
}

/// The documented fields of `name`, with `...other` rows expanded.
fn fields(docs: &BTreeMap<String, Vec<String>>, name: &str) -> BTreeSet<String> {
    let list = docs.get(name).unwrap_or_else(|| panic!("docs/json.md documents no record {name:?}"));
    let mut set = BTreeSet::new();
    for f in list {
        match f.strip_prefix("...") {
            Some("entry") => {}
            Some(other) => set.extend(fields(docs, other)),
            None => {
                set.insert(f.clone());
            }
        }
    }
    set
}

fn object(v: &Value) -> &Map<String, Value> {
    v.as_object().unwrap_or_else(|| panic!("not an object: {v}"))
}

/// The keys that the values print, all together.
fn keys<'a>(values: impl IntoIterator<Item = &'a Value>) -> BTreeSet<String> {
    values.into_iter().flat_map(|v| object(v).keys().cloned()).collect()
}

fn json(value: impl serde::Serialize) -> Value {
    serde_json::to_value(value).unwrap()
}

/// Real replies that between them reach every rule kind, a provider reply and a command.
const TEXTS: &[(&str, Option<&str>)] = &[
    (
        "host mx.example.org[192.0.2.1] said: 550 5.1.1 <bob@example.org>: User unknown (in reply to RCPT TO command)",
        None,
    ),
    (
        "550-5.1.1 The email account that you tried to reach does not exist. 550 5.1.1 https://support.google.com/mail/?p=NoSuchUser - gsmtp",
        Some("gmail-smtp-in.l.google.com"),
    ),
    ("421 4.7.0 Try again later, closing connection.", None),
    ("250 2.0.0 Ok: queued as 4BCD", None),
    ("421 4.7.1 [TS03] All messages from 192.0.2.4 will be permanently deferred; Retrying will NOT succeed.", None),
    ("451 4.7.0 Sending host blocked; retrying will not succeed", None),
    ("host mx.example.org[192.0.2.1] said: 550 5.1.1 User unknown (in reply to MAIL FROM command)", None),
    ("something went wrong", None),
    ("552 the mailbox of this user exceeds its storage allowance", None),
];

fn explained() -> Vec<Value> {
    TEXTS
        .iter()
        .map(|&(text, host)| {
            let context = Context::new().with_remote_host(host);
            let e = explain_with(text.as_bytes(), &context);
            json(Explained::new(text.as_bytes(), &e, &context))
        })
        .collect()
}

fn assert_documented(docs: &BTreeMap<String, Vec<String>>, name: &str, printed: BTreeSet<String>) {
    assert_eq!(printed, fields(docs, name), "record {name:?}: the types print the left, docs/json.md says the right");
}

#[test]
fn every_record_of_explained_replies_is_documented() {
    let docs = documented();
    let all = explained();
    assert_documented(&docs, "explained", keys(&all));
    let reports: Vec<Value> = TEXTS
        .iter()
        .map(|&(text, _)| {
            let e = explain_with(text.as_bytes(), &Context::default());
            json(Report::new(text.as_bytes(), &e, &Context::default()))
        })
        .collect();
    assert_documented(&docs, "report", keys(&reports));
    // A bounce message's report type decides feedback reports and automatic replies.
    let report_rule = json(RuleRecord::new(Rule::Report(ReportKind::AutoReply)));
    assert_eq!((&report_rule["kind"], &report_rule["report"]), (&Value::from("report"), &Value::from("auto-reply")));
    let rules: Vec<&Value> = all.iter().map(|v| &v["rule"]).chain([&report_rule]).collect();
    let kinds: BTreeSet<&str> = rules.iter().filter_map(|r| r["kind"].as_str()).collect();
    assert_eq!(
        kinds,
        BTreeSet::from(["code", "fallback", "phrase", "provider", "report", "sender-stage", "terms"]),
        "the samples reach every rule kind"
    );
    assert_documented(&docs, "rule", keys(rules));
    let no_retry: Vec<&Value> = all.iter().map(|v| &v["no_retry"]).filter(|v| !v.is_null()).collect();
    let kinds: BTreeSet<&str> = no_retry.iter().filter_map(|r| r["kind"].as_str()).collect();
    assert_eq!(kinds, BTreeSet::from(["phrase", "provider"]), "the samples reach every no-retry kind");
    assert_documented(&docs, "no-retry", keys(no_retry));
    let replies: Vec<&Value> = all.iter().map(|v| &v["provider_reply"]).filter(|v| !v.is_null()).collect();
    assert!(!replies.is_empty(), "a sample matches a provider reply");
    assert_documented(&docs, "provider-reply", keys(replies));

    let (file, index) = (Value::from("bounces.jsonl"), Value::from(7));
    let e = explain_with(TEXTS[0].0.as_bytes(), &Context::default());
    let full = json(ClassifyRecord::new(&file, 3, Some(&index), true, Report::new(b"x", &e, &Context::default())));
    let plain = json(ClassifyRecord::new(&file, 3, None, false, Report::new(b"x", &e, &Context::default())));
    assert_eq!(
        (&full["index"], &full["truncated"], &full["status"]),
        (&index, &Value::Bool(true), &Value::from("5.1.1"))
    );
    assert!(plain.get("index").is_none() && plain.get("truncated").is_none(), "{plain}");
    assert_documented(&docs, "classify-record", keys([&full]));
    let brief = json(BriefRecord::new(&file, 3, Some(&index), true, &e, &Context::default()));
    assert_eq!((&brief["status"], &brief["rule_kind"]), (&Value::from("5.1.1"), &Value::from("phrase")));
    assert_documented(&docs, "brief-record", keys([&brief]));

    let mut summary = Summary::default();
    for (text, _) in TEXTS {
        summary.add(&explain_with(text.as_bytes(), &Context::default()));
    }
    assert_documented(&docs, "summary", keys([&json(&summary)]));
}

#[test]
fn every_catalogue_entry_is_documented() {
    let docs = documented();
    let code = |n: u16| ReplyCode::new(n).unwrap();
    let replies = [json(ReplyEntry::new(code(220))), json(ReplyEntry::new(code(599)))];
    assert_eq!(replies[1]["known"], false);
    assert_documented(&docs, "reply-entry", keys(&replies));
    assert_documented(&docs, "usage", keys(replies[0]["usages"].as_array().unwrap()));
    assert_documented(&docs, "digits", keys([&replies[0]["digits"]]));
    assert_documented(&docs, "digit", keys([&replies[0]["digits"]["first"], &replies[0]["digits"]["second"]]));

    let enhanced = |s: &str| s.parse::<EnhancedCode>().unwrap();
    let entries = [
        json(EnhancedEntry::new(enhanced("5.1.1"))),
        json(EnhancedEntry::new(enhanced("5.9.999"))),
        json(EnhancedEntry::without_class("X.7.26".parse().unwrap())),
    ];
    assert_documented(&docs, "enhanced-entry", keys(&entries));
    assert_documented(&docs, "enhanced-part", keys([&entries[0]["class"], &entries[0]["subject"]]));
    assert_documented(
        &docs,
        "reason-entry",
        keys(Reason::ALL.iter().map(|&r| json(ReasonEntry::new(r))).collect::<Vec<_>>().iter()),
    );
    assert_documented(&docs, "provider-reply", keys([&json(ProviderReplyEntry::new(&PROVIDER_REPLIES[0]))]));
    assert_documented(&docs, "code-rule", keys([&json(CodeRuleEntry::new(&CODE_RULES[0]))]));
}

#[test]
fn lookups_and_search_hits_are_documented() {
    let docs = documented();
    let lookups: Vec<Value> = ["550", "5.7.26", "X.1.1", "550 5.1.1"]
        .iter()
        .map(|q| json(Lookup::new(q, q.parse::<Query>().unwrap())))
        .collect();
    assert_documented(&docs, "lookup", keys(&lookups));
    assert!(lookups[3]["reply"].is_object() && lookups[3]["enhanced"].is_object(), "a pair has both entries");

    // A hit is its kind and score, then the whole record of its entry.
    let own = fields(&docs, "search-hit");
    let record_of = |kind: &str| match kind {
        "reply" => "reply-entry",
        "enhanced" => "enhanced-entry",
        "reason" => "reason-entry",
        "provider-reply" => "provider-reply",
        other => panic!("undocumented kind {other:?}"),
    };
    let mut kinds = BTreeSet::new();
    for words in [&["550"][..], &["5.7.26"], &["userunknown"], &["gmail"]] {
        for hit in search::find(&search::terms(words)).iter().take(5) {
            let v = json(hit);
            let kind = v["kind"].as_str().unwrap().to_owned();
            assert_eq!(v["score"], hit.score());
            let mut want = own.clone();
            want.extend(fields(&docs, record_of(&kind)));
            let printed = keys([&v]);
            assert!(printed.is_subset(&want) && own.is_subset(&printed), "{kind}: {printed:?} against {want:?}");
            kinds.insert(kind);
        }
    }
    assert_eq!(kinds.len(), 4, "the searches reach every kind: {kinds:?}");
}

#[test]
fn every_documented_input_field_is_read() {
    let docs = documented();
    assert_eq!(
        fields(&docs, "classify-input"),
        BTreeSet::from(["command", "file", "index", "remote_host", "text"].map(String::from))
    );
    let line = br#"{"text": "550 5.1.1 no", "command": "RCPT TO", "remote_host": "mx.example.org", "file": "a.eml", "index": 4}"#;
    let input = ClassifyInput::parse(line).unwrap();
    assert_eq!(input.text(), "550 5.1.1 no");
    let context = input.context(&Context::default());
    assert_eq!((context.command(), context.remote_host()), (Some(Command::Rcpt), Some("mx.example.org")));
    assert_eq!((input.file(), input.index()), (Some(&Value::from("a.eml")), Some(&Value::from(4))));
    let defaults = Context::new().with_command(Some(Command::Data)).with_remote_host(Some("d.example"));
    let bare = ClassifyInput::parse(br#"{"text": "x", "command": "NOSUCH", "remote_host": ""}"#).unwrap();
    let context = bare.context(&defaults);
    assert_eq!((context.command(), context.remote_host()), (Some(Command::Data), Some("d.example")));
    assert_eq!(ClassifyInput::parse(b"{}").unwrap_err().to_string(), "no \"text\" field");
    assert!(ClassifyInput::parse(b"nope").unwrap_err().to_string().starts_with("not JSON ("));
}

/// `BriefRecord::write_json`, the fast writer `classify --brief` uses, gives the bytes serde_json
/// gives for the same record: over the real lines and every provider reply, with file and index
/// values of every JSON kind (strings that need escapes among them), cut and whole lines, and
/// with and without a given command.
#[test]
fn brief_json_is_serde_json() {
    let lines = std::fs::read_to_string(super::root().join("tests/data/sisimai/lines.jsonl")).expect("lines.jsonl");
    let mut texts: Vec<String> = lines
        .lines()
        .filter_map(|l| serde_json::from_str::<Value>(l).ok()?.get("text")?.as_str().map(str::to_owned))
        .collect();
    texts.extend(PROVIDER_REPLIES.iter().map(|r| r.text().to_owned()));
    assert!(texts.len() > 900, "{}", texts.len());
    let files = [
        Value::from("-"),
        Value::from("mail.log"),
        Value::from("quote\" back\\slash \u{1} tab\t é \u{2028}"),
        Value::from(12),
        Value::Null,
        serde_json::json!({"a": [1, "b"]}),
    ];
    let indexes = [None, Some(Value::from(0)), Some(Value::from("id-\"7\"")), Some(serde_json::json!([true, null]))];
    let contexts = [Context::default(), Context::new().with_command(Some(Command::Rcpt))];
    let mut compared = 0;
    for (n, text) in texts.iter().enumerate() {
        let context = &contexts[n % contexts.len()];
        let e = explain_with(text.as_bytes(), context);
        let file = &files[n % files.len()];
        let index = indexes[n % indexes.len()].as_ref();
        for truncated in [false, true] {
            let record = BriefRecord::new(file, n as u64 * 997, index, truncated, &e, context);
            let mut fast = Vec::new();
            record.write_json(&mut fast).expect("a Vec takes any write");
            let serde = serde_json::to_vec(&record).expect("a record serialises");
            assert_eq!(String::from_utf8_lossy(&fast), String::from_utf8_lossy(&serde), "{text}");
            compared += 1;
        }
    }
    assert_eq!(compared, texts.len() * 2);
}

/// A two-recipient delivery status notification with a returned original's headers.
const BOUNCE: &[u8] = b"From: MAILER-DAEMON@mx.example.org\r\n\
Date: Tue, 1 Dec 2026 10:00:00 +0000\r\n\
Subject: Undelivered Mail Returned to Sender\r\n\
MIME-Version: 1.0\r\n\
Content-Type: multipart/report; report-type=delivery-status; boundary=\"b\"\r\n\
\r\n\
--b\r\n\
Content-Type: text/plain\r\n\
\r\n\
Your message could not be delivered.\r\n\
--b\r\n\
Content-Type: message/delivery-status\r\n\
\r\n\
Reporting-MTA: dns; mx.example.org\r\n\
X-Postfix-Queue-ID: 4F1A2B3C\r\n\
\r\n\
Final-Recipient: rfc822; bob@example.net\r\n\
Original-Recipient: rfc822; bob@example.net\r\n\
Action: failed\r\n\
Status: 5.1.1\r\n\
Remote-MTA: dns; mx.example.net\r\n\
Diagnostic-Code: smtp; 550 5.1.1 <bob@example.net>: Recipient address rejected: User unknown\r\n\
\r\n\
Final-Recipient: rfc822; carol@example.com\r\n\
Action: delayed\r\n\
Status: 4.2.2\r\n\
Diagnostic-Code: smtp; 452 4.2.2 Mailbox full\r\n\
--b\r\n\
Content-Type: text/rfc822-headers\r\n\
\r\n\
Message-ID: <1@example.org>\r\n\
From: alice@example.org\r\n\
To: bob@example.net\r\n\
Subject: Hello\r\n\
Date: Tue, 1 Dec 2026 09:59:00 +0000\r\n\
--b--\r\n";

#[test]
fn bounce_records_and_their_summary_are_documented() {
    let docs = documented();
    let decoded = smtp_codes_bounce::decode(BOUNCE);
    let file = Value::from("bounce.eml");
    let records: Vec<Value> = smtp_codes_report::BounceRecord::all(&file, 1, &decoded).map(json).collect();
    assert_eq!(records.len(), 2, "{records:?}");
    assert_eq!(
        (&records[0]["recipient"], &records[0]["reason"], &records[0]["hard_bounce"], &records[0]["index"]),
        (&Value::from("bob@example.net"), &Value::from("userunknown"), &Value::Bool(true), &Value::from(1))
    );
    assert_eq!((&records[1]["status"], &records[1]["reason"]), (&Value::from("4.2.2"), &Value::from("mailboxfull")));
    assert_documented(&docs, "bounce-record", keys(&records));
    let original: Vec<&Value> = records.iter().map(|r| &r["original"]).collect();
    assert_eq!(original[0]["subject"], Value::from("Hello"));
    assert_documented(&docs, "original", keys(original));
    let mut summary = smtp_codes_report::BounceSummary::default();
    summary.add(&decoded);
    summary.add(&smtp_codes_bounce::decode(b"From: a@example.org\r\nSubject: hello\r\n\r\nHi there.\r\n"));
    let s = json(&summary);
    assert_eq!(
        (&s["messages"], &s["not_bounces"], &s["recipients"]),
        (&Value::from(2), &Value::from(1), &Value::from(2))
    );
    assert_eq!(s["domain"]["example.net"], Value::from(1));
    assert_documented(&docs, "bounce-summary", keys([&s]));
}

#[test]
fn log_records_and_their_summary_are_documented() {
    use smtp_codes_logs::{Options, Scanner};
    use smtp_codes_report::logs::{LogRecord, LogSummary, explain};
    let docs = documented();
    let lines = [
        "Jan  1 00:00:00 mx postfix/cleanup[1]: ABCDEF123: message-id=<m@example.net>",
        "Jan  1 00:00:00 mx postfix/qmgr[1]: ABCDEF123: from=<a@example.net>, size=10, nrcpt=2 (queue active)",
        "Jan  1 00:00:01 mx postfix/smtp[2]: ABCDEF123: to=<b@example.org>, orig_to=<c@example.org>, relay=mx.example.org[192.0.2.1]:25, delay=1, dsn=5.1.1, status=bounced (host mx.example.org[192.0.2.1] said: 550 5.1.1 User unknown (in reply to RCPT TO command))",
        "Jan  1 00:00:01 mx postfix/smtp[2]: ABCDEF123: to=<d@example.org>, relay=none, delay=1, dsn=4.4.1, status=deferred (connect to mx.example.org[192.0.2.1]:25: Connection refused)",
        "Jan  1 00:00:02 mx postfix/smtpd[3]: NOQUEUE: reject: RCPT from x[192.0.2.9]: 554 5.7.1 <e@example.com>: Relay access denied; from=<f@example.net> to=<e@example.com> proto=SMTP helo=<x>",
        "Jan  1 00:00:03 mx postfix/smtpd[3]: warning: hostname x does not resolve",
        "Jan  1 00:00:04 mx dovecot: imap-login: Login",
    ];
    let mut scanner = Scanner::new(Options { year: (2025, 1, 2), ..Options::default() });
    let mut outcomes = Vec::new();
    for line in lines {
        scanner.push(line, &mut outcomes);
    }
    scanner.finish(&mut outcomes);
    let classifier = smtp_codes::classify::shared();
    let mut summary = LogSummary::default();
    let records: Vec<Value> = outcomes
        .iter()
        .map(|o| {
            let e = explain(classifier, o);
            summary.add(o, &e);
            json(LogRecord::new("mail.log", o.line(), o, &e))
        })
        .collect();
    summary.finish(scanner.stats());
    assert_eq!(records.len(), 3);
    assert_eq!(records[0]["reason"], "userunknown");
    assert_eq!(records[1]["kind"], "rejected");
    assert_eq!(records[2]["kind"], "deferred");
    assert_documented(&docs, "log-record", keys(&records));
    let s = json(&summary);
    assert_eq!(s["totals"]["bounced"], Value::from(1));
    assert_eq!(s["stop_mailing"]["recipients"], serde_json::json!(["b@example.org"]));
    assert_documented(&docs, "log-summary", keys([&s]));
}

/// ESP event records, over every sample of `smtp-codes-events`: between them they reach every
/// field, null and not, and the summary's counts.
#[test]
fn event_records_and_their_summary_are_documented() {
    let docs = documented();
    let data = super::root().join("crates/smtp-codes-events/tests/data");
    let mut names: Vec<_> = std::fs::read_dir(&data)
        .expect("the events samples")
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "json" || e == "jsonl"))
        .collect();
    names.sort();
    let file = Value::from("events.json");
    let mut summary = smtp_codes_report::EventSummary::default();
    let mut records = Vec::new();
    for path in &names {
        let input = std::fs::File::open(path).unwrap();
        for event in smtp_codes_events::read_json_lines(input) {
            let event = event.unwrap_or_else(|e| panic!("{}: {e}", path.display()));
            summary.add(&event);
            records.push(json(smtp_codes_report::EventRecord::new(&file, records.len() as u64 + 1, &event)));
        }
    }
    assert!(records.len() > 40, "{}", records.len());
    let jane =
        records.iter().find(|r| r["path"] == "Message.bounce.bouncedRecipients[0]").expect("the SES 550 5.3.0 sample");
    assert_eq!(
        (&jane["esp"], &jane["esp_type"], &jane["esp_says"], &jane["reason"], &jane["disagrees"]),
        (
            &Value::from("ses"),
            &Value::from("Transient"),
            &Value::from("temporary"),
            &Value::from("userunknown"),
            &Value::Bool(true)
        )
    );
    assert_eq!((&jane["reply_code"], &jane["enhanced_code"]), (&Value::from(550), &Value::from("5.3.0")));
    assert_documented(&docs, "event-record", keys(&records));
    // The `rule` record is checked against every rule kind by the explained replies' test.
    assert!(records.iter().all(|r| r["rule"]["kind"].is_string()));
    let s = json(&summary);
    assert_eq!(s["events"], Value::from(records.len() as u64));
    assert!(s["disagreements"].as_u64().unwrap() >= 5, "{s}");
    assert!(s["hard_bounce_recipients"].as_array().unwrap().contains(&Value::from("jane@example.com")), "{s}");
    assert_eq!(s["esp"].as_object().unwrap().len(), 7, "every ESP counted: {s}");
    assert_documented(&docs, "event-summary", keys([&s]));
}
