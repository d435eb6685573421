//! Crisp's email-bounce-parser fixtures (`tests/data/crisp`, MIT, see its LICENSE and README):
//! 100 bounce bodies pasted without headers, with what that parser's own tests expect of each.
//! Scored here: every one is a bounce, the recipient, the reply code, the enhanced code, the
//! command, and the reason where the fixture's name says the cause (`552_5_2_2_mailbox_full`).
//! The floors are the figures at the commit that added the test data; the first run, before any
//! rule was changed for these messages, is in the data's README.

use std::collections::BTreeMap;
use std::path::PathBuf;

use smtp_codes_bounce::{MessageKind, decode};

fn folder() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/data/crisp")
}

/// The reasons that fit the cause a fixture's name states, written from the names alone: the
/// name is the fixture's codes and then its cause (`550_5_7_1_spam_content_variant_2`). Names
/// that do not say a cause (`deferred`, `message_rejected`, `not_allowed`, `permanent_failure`,
/// `service_refused`, `address_rejected`, `mailbox_unavailable`, `equal_headers`,
/// `restricted_permissions`) are not scored for the reason.
fn reasons_for(cause: &str) -> Option<&'static [&'static str]> {
    Some(match cause {
        "no_such_recipient" | "no_such_user" | "recipient_unknown" | "does_not_exist" => &["userunknown"],
        "mailbox_full" | "mailbox_over_quota" => &["mailboxfull"],
        "account_disabled" => &["suspend"],
        "server_unknown" | "unkown_server" => &["hostunknown"],
        "spam_content" | "spam_rejected" | "rejected_spam" | "spam" => &["spamdetected"],
        "ip_blocked_spam" => &["blocked", "badreputation", "spamdetected"],
        "blocked" => &["blocked", "badreputation"],
        "reputation" => &["badreputation", "blocked"],
        "rate_limited" => &["speeding", "toomanyconn"],
        "too_many_connections" => &["toomanyconn"],
        "server_busy" => &["toomanyconn", "speeding", "systemerror"],
        "timeout" => &["expired", "networkerror"],
        "action_aborted_local_error" => &["systemerror"],
        "authentication_failure" => &["authfailure"],
        "policy_violation" => &["policyviolation"],
        "hops" => &["networkerror"],
        "sender_blocked" => &["blocked", "rejected", "badreputation"],
        _ => return None,
    })
}

/// The cause a fixture's name states: the words after its leading codes, without `_variant_N`.
fn cause(name: &str) -> &str {
    let mut rest = name;
    while let Some((head, tail)) = rest.split_once('_')
        && head.bytes().all(|b| b.is_ascii_digit())
    {
        rest = tail;
    }
    rest.split_once("_variant_").map_or(rest, |(c, _)| c)
}

#[derive(Default, Debug)]
struct Score {
    right: usize,
    of: usize,
}

impl Score {
    fn count(&mut self, ok: bool) {
        self.of += 1;
        self.right += usize::from(ok);
    }
}

#[test]
fn the_fixtures_give_their_recipients_codes_and_causes() {
    let mut names: Vec<String> = std::fs::read_dir(folder().join("expected"))
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .filter_map(|n| n.strip_suffix(".json").map(str::to_owned))
        .collect();
    names.sort();
    assert_eq!(names.len(), 100);
    let mut scores: BTreeMap<&str, Score> = BTreeMap::new();
    let mut misses = Vec::new();
    for name in &names {
        let expected: serde_json::Value =
            serde_json::from_str(&std::fs::read_to_string(folder().join(format!("expected/{name}.json"))).unwrap())
                .unwrap();
        let d = decode(&std::fs::read(folder().join(format!("messages/{name}.txt"))).unwrap());
        let data = &expected["data"];
        let first = d.recipients().first();
        let bounce = matches!(d.kind(), MessageKind::Bounce | MessageKind::Delay);
        scores.entry("bounce").or_default().count(bounce);
        if !bounce {
            misses.push(format!("{name}: {:?}", d.kind()));
        }
        if let Some(want) = data["recipient"].as_str() {
            let got: Vec<&str> = d.recipients().iter().filter_map(|r| r.recipient()).collect();
            scores.entry("recipient").or_default().count(got == [want]);
            if got != [want] {
                misses.push(format!("{name}: recipients {got:?}, expected {want}"));
            }
        }
        let code = &data["error"]["code"];
        if let Some(want) = code["basic"].as_str() {
            let got = first.and_then(|r| r.reply_code()).map(|c| c.to_string());
            scores.entry("reply code").or_default().count(got.as_deref() == Some(want));
            if got.as_deref() != Some(want) {
                misses.push(format!("{name}: reply code {got:?}, expected {want}"));
            }
        }
        if let Some(want) = code["enhanced"].as_str() {
            let got = first.and_then(|r| r.status()).map(|c| c.to_string());
            scores.entry("enhanced code").or_default().count(got.as_deref() == Some(want));
            if got.as_deref() != Some(want) {
                misses.push(format!("{name}: enhanced code {got:?}, expected {want}"));
            }
        }
        if let Some(want) = data["command"].as_str() {
            // Crisp names the command as the text does ("RCPT TO", "DATA" for "end of DATA").
            let got = first.and_then(|r| r.command()).map(|c| c.as_str().to_owned());
            let ok = got.as_deref().is_some_and(|g| want.split(' ').next() == g.split(['-', ' ']).next());
            scores.entry("command").or_default().count(ok);
            if !ok {
                misses.push(format!("{name}: command {got:?}, expected {want}"));
            }
        }
        if let Some(want) = reasons_for(cause(name)) {
            let got = first.map(|r| r.classification().reason().id());
            let ok = got.is_some_and(|g| want.contains(&g));
            scores.entry("reason").or_default().count(ok);
            if !ok {
                misses.push(format!("{name}: reason {got:?}, expected one of {want:?}"));
            }
        }
    }
    for (what, s) in &scores {
        println!("crisp {what}: {} of {} ({:.1}%)", s.right, s.of, 100.0 * s.right as f64 / s.of as f64);
    }
    for miss in &misses {
        println!("crisp miss: {miss}");
    }
    // The figures when the rules written for these fixtures' misses were added.
    let floors = [
        ("bounce", 100),
        ("recipient", 97),
        ("reply code", 98),
        ("enhanced code", 71),
        ("command", 85),
        ("reason", 77),
    ];
    for (what, floor) in floors {
        let s = &scores[what];
        assert!(s.right >= floor, "{what}: {} of {}, below the floor {floor}", s.right, s.of);
    }
}

#[test]
fn every_cited_crisp_sample_is_a_fixture() {
    crate::labelled::cited_samples_exist("crisp", &folder().join("messages"));
}

#[test]
fn a_fixture_name_gives_its_cause() {
    assert_eq!(cause("552_5_2_2_mailbox_over_quota"), "mailbox_over_quota");
    assert_eq!(cause("550_5_1_1_no_such_user_variant_11"), "no_such_user");
    assert_eq!(cause("421_too_many_connections"), "too_many_connections");
    assert_eq!(reasons_for(cause("550_permanent_failure")), None);
}
