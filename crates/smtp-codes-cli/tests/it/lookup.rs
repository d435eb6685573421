//! `smtp-codes lookup`: human and JSON output, unknown codes, malformed input.

use serde_json::Value;
use smtp_codes::classify::{CODE_RULES, PROVIDER_REPLIES};

use super::{json_lines, run, stderr, stdout};

#[test]
fn reply_code_541() {
    let o = run(&["lookup", "541"]);
    assert!(o.status.success(), "{}", stderr(&o));
    insta::assert_snapshot!(stdout(&o));
}

#[test]
fn enhanced_code_and_pair_and_pattern() {
    let o = run(&["lookup", "5.1.1", "550 5.1.1", "X.1.1"]);
    assert!(o.status.success(), "{}", stderr(&o));
    insta::assert_snapshot!(stdout(&o));
}

#[test]
fn enhanced_5_7_26_as_json() {
    let o = run(&["lookup", "5.7.26", "--json"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let v: Value = serde_json::from_str(stdout(&o).trim()).unwrap();
    assert_eq!(v["query"], "5.7.26");
    assert_eq!(v["reply"], Value::Null);
    let e = &v["enhanced"];
    assert_eq!(e["code"], "5.7.26");
    assert_eq!(e["known"], true);
    assert_eq!(e["valid_in_class"], true);
    assert_eq!(e["title"], "Multiple authentication checks failed");
    assert_eq!(e["reply_codes"], serde_json::json!([550]));
    assert_eq!(e["rfcs"], serde_json::json!(["RFC 7372"]));
    assert_eq!(e["class"]["value"], 5);
    assert_eq!(e["subject"]["value"], 7);
    insta::assert_json_snapshot!(v);
}

#[test]
fn json_lines_one_object_per_code() {
    let o = run(&["lookup", "--json", "550", "550 5.1.1", "X.7.1", "599"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let lines: Vec<Value> = stdout(&o).lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert_eq!(lines.len(), 4);
    assert_eq!(lines[0]["reply"]["code"], 550);
    assert_eq!(lines[0]["reply"]["status"], "standard");
    assert_eq!(lines[1]["enhanced"]["code"], "5.1.1");
    assert_eq!(lines[2]["enhanced"]["code"], "X.7.1");
    assert_eq!(lines[2]["enhanced"]["class"], Value::Null);
    assert_eq!(lines[3]["reply"]["known"], false);
    assert_eq!(lines[3]["reply"]["digits"]["first"]["digit"], 5);
}

#[test]
fn unknown_codes_are_explained_by_their_digits() {
    let o = run(&["lookup", "599", "5.7.515", "571", "4.9.1"]);
    assert!(o.status.success(), "{}", stderr(&o));
    insta::assert_snapshot!(stdout(&o));
}

#[test]
fn malformed_codes_exit_2_with_a_clear_message() {
    for (arg, message) in [
        ("650", "cannot look up \"650\": invalid reply code: the first digit must be 2-5, found '6' at byte 0"),
        ("5.1", "cannot look up \"5.1\": invalid enhanced status code: missing detail"),
        (
            "5.1.1000",
            "cannot look up \"5.1.1000\": invalid enhanced status code: the detail has more than three digits",
        ),
        ("hello", "cannot look up \"hello\": invalid reply code: expected a digit, found 'h' at byte 0"),
        ("550 5.1.1 x", "expected a code or a pair"),
        ("5.1.1 550", "a pair is a reply code then an enhanced status code"),
        ("550 550", "the second part of a pair must be an enhanced status code"),
    ] {
        let o = run(&["lookup", "550", arg]);
        assert_eq!(o.status.code(), Some(2), "{arg}");
        assert!(stderr(&o).contains(message), "{arg}: {}", stderr(&o));
        assert!(stdout(&o).is_empty(), "nothing is printed before the error is found");
    }
}

#[test]
fn missing_argument_is_a_usage_error() {
    let o = run(&["lookup"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("CODE"));
}

#[test]
fn code_rules_and_vendor_replies_are_listed_with_their_codes() {
    let rule = &CODE_RULES[0];
    let query = rule.code().to_string();
    let o = run(&["lookup", "--json", &query]);
    assert!(o.status.success(), "{}", stderr(&o));
    let v = &json_lines(&o)[0];
    let reasons = v["reasons"].as_array().unwrap();
    assert!(reasons.iter().any(|r| r["reason"] == rule.reason().id() && r["code"] == query), "{v:#}");
    let human = stdout(&run(&["lookup", &query]));
    assert!(human.contains(&format!("Reason:     {}", rule.reason().id())), "{human}");

    let reply = PROVIDER_REPLIES.iter().find(|r| r.enhanced().is_some()).expect("a provider reply with a code");
    let code = reply.enhanced().unwrap().to_string();
    let o = run(&["lookup", "--json", &code]);
    let v = &json_lines(&o)[0];
    let vendors = v["vendor_replies"].as_array().unwrap();
    assert!(vendors.iter().any(|r| r["provider"] == reply.provider().id() && r["text"] == reply.text()), "{v:#}");
    let human = stdout(&run(&["lookup", &code]));
    assert!(human.contains(&format!("Vendor:     {}", reply.provider().title())), "{human}");
}

#[test]
fn json_always_has_the_related_lists() {
    let o = run(&["lookup", "--json", "250"]);
    let v = &json_lines(&o)[0];
    assert!(v["reasons"].is_array());
    assert!(v["vendor_replies"].is_array());
}
