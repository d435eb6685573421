//! `smtp-codes explain`: human and JSON output, context options, standard input, bad input.
//!
//! The reason and provider data of the catalogue is still growing, so the snapshots will change
//! with it; the assertions check the structure and take expected words from the catalogue itself.

use serde_json::Value;
use smtp_codes::classify::PROVIDER_REPLIES;
use smtp_codes::{Message, Severity, WhoActs};

use super::{run, run_with_stdin, stderr, stdout};

const POSTFIX: &str =
    "host mx.example.org[192.0.2.1] said: 550 5.1.1 <bob@example.org>: User unknown (in reply to RCPT TO command)";

fn explain_json(args: &[&str]) -> Value {
    let mut all = vec!["explain", "--json"];
    all.extend_from_slice(args);
    let o = run(&all);
    assert!(o.status.success(), "{}", stderr(&o));
    let text = stdout(&o);
    assert_eq!(text.lines().count(), 1, "one JSON object on one line: {text}");
    serde_json::from_str(&text).unwrap()
}

#[test]
fn human_output_of_a_postfix_bounce() {
    let o = run(&["explain", POSTFIX]);
    assert!(o.status.success(), "{}", stderr(&o));
    let text = stdout(&o);
    let headline = text.lines().next().unwrap();
    assert!(headline.starts_with(&format!("{}: ", Severity::Permanent.title())), "{headline}");
    assert!(text.contains(Severity::Permanent.description()));
    for label in ["Reply code", "Enhanced code", "Reason", "Decided by", "Command", "Who acts", "What to do", "Text"] {
        assert!(text.lines().any(|l| l.trim_start().starts_with(label)), "no {label:?} in\n{text}");
    }
    assert!(text.contains("550  Requested action not taken: mailbox unavailable"), "{text}");
    assert!(text.contains("5.1.1  Bad destination mailbox address"), "{text}");
    assert!(text.contains("class 5") && text.contains("subject 1") && text.contains("detail 1"), "{text}");
    assert!(text.contains(WhoActs::Sender.title()));
    assert!(text.contains("RCPT"));
    insta::assert_snapshot!(text);
}

#[test]
fn json_has_every_documented_field() {
    let v = explain_json(&[POSTFIX]);
    let object = v.as_object().unwrap();
    for key in super::EXPLANATION_FIELDS.iter().chain(&["reply", "enhanced"]) {
        assert!(object.contains_key(*key), "no {key:?} in {v:#}");
    }
    assert_eq!(v["input"], POSTFIX);
    assert_eq!(v["reply_code"], 550);
    assert_eq!(v["enhanced_code"], "5.1.1");
    assert_eq!(v["severity"], "permanent");
    assert_eq!(v["severity_rule"], "codes-agree");
    assert_eq!(v["retry"], false);
    assert_eq!(v["who_acts"], "sender");
    assert_eq!(v["reason"], "userunknown");
    assert_eq!(v["hard_bounce"], true);
    assert_eq!(
        (&v["rule"]["kind"], &v["rule"]["phrase"], &v["rule"]["command"]),
        (&"phrase".into(), &"user unknown".into(), &"RCPT".into())
    );
    assert_eq!(v["command"], "RCPT");
    assert_eq!(v["text"], "<bob@example.org>: User unknown");
    assert_eq!(v["reply"]["code"], 550);
    assert_eq!(v["reply"]["known"], true);
    assert_eq!(v["enhanced"]["code"], "5.1.1");
    assert_eq!(v["enhanced"]["title"], "Bad destination mailbox address");
    assert!(!v["actions"].as_array().unwrap().is_empty());
    assert!(v["notes"].as_array().unwrap().is_empty());
    assert!(v["warnings"].as_array().unwrap().is_empty());
    insta::assert_json_snapshot!(v);
}

#[test]
fn a_user_unknown_is_a_hard_bounce_decided_by_a_rule() {
    let v = explain_json(&["550 5.1.1 <bob@example.org>: Recipient address rejected: User unknown"]);
    assert_eq!(v["reason"], "userunknown");
    assert_eq!(v["hard_bounce"], true);
    assert_ne!(v["rule"]["kind"], "fallback");
}

#[test]
fn words_are_joined_and_standard_input_is_read() {
    let words = explain_json(&["550", "5.1.1", "User", "unknown"]);
    assert_eq!(words["input"], "550 5.1.1 User unknown");
    for args in [&["explain", "--json"][..], &["explain", "--json", "-"]] {
        let o = run_with_stdin(args, b"550 5.1.1 User unknown\n");
        assert!(o.status.success(), "{}", stderr(&o));
        let v: Value = serde_json::from_str(&stdout(&o)).unwrap();
        assert_eq!(v["reply_code"], 550);
        assert_eq!(v["reason"], words["reason"]);
    }
}

#[test]
fn a_multi_line_reply_on_standard_input() {
    let o = run_with_stdin(
        &["explain", "--json"],
        b"550-5.7.26 This mail has been blocked because the sender is\r\n550-5.7.26 unauthenticated. Gmail requires all senders to\r\n550 5.7.26 authenticate with either SPF or DKIM. - gsmtp\r\n",
    );
    assert!(o.status.success(), "{}", stderr(&o));
    let v: Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(v["enhanced_code"], "5.7.26");
    assert!(
        v["text"].as_str().unwrap().starts_with("This mail has been blocked because the sender is unauthenticated.")
    );
    assert!(!v["text"].as_str().unwrap().contains("550-"), "continuation prefixes are dropped");
}

#[test]
fn command_and_remote_host_are_used() {
    let v = explain_json(&["--command", "rcpt to", "550 5.1.1 no such user"]);
    assert_eq!(v["command"], "RCPT");
    let v = explain_json(&["--command", "DATA-END", "554 5.7.1 rejected"]);
    assert_eq!(v["command"], "DATA-END");

    let reply = &PROVIDER_REPLIES[0];
    let provider = reply.provider();
    let mut text = String::new();
    if let Some(code) = reply.reply_code() {
        text.push_str(&format!("{code} "));
    }
    if let Some(code) = reply.enhanced() {
        text.push_str(&format!("{code} "));
    }
    text.push_str(reply.match_text());
    let mut args = vec![text.as_str()];
    if let Some(host) = provider.hosts().first() {
        args.extend(["--remote-host", host]);
    }
    if let Some(marker) = provider.markers().first() {
        args.push(marker);
    }
    let v = explain_json(&args);
    assert_eq!(v["provider"], provider.id(), "{v:#}");
    assert_eq!(v["provider_reply"]["provider"], provider.id(), "{v:#}");
    assert_eq!(v["rule"]["kind"], "provider");
    // The reply that decided is one of this provider's, with its own meaning and advice.
    let matched = PROVIDER_REPLIES
        .iter()
        .find(|r| r.provider() == provider && v["provider_reply"]["match"] == r.match_text())
        .unwrap_or_else(|| panic!("the matched reply is one of {}'s: {v:#}", provider.id()));
    assert_eq!(v["provider_reply"]["meaning"], matched.meaning());
    assert_eq!(v["provider_reply"]["advice"], matched.advice());
    let human = stdout(&run(&[&["explain"][..], &args].concat()));
    let meaning = matched.meaning();
    assert!(human.contains(&format!("{}: {meaning}", provider.title())), "{human}");
}

#[test]
fn disagreeing_codes_say_which_one_decides() {
    let v = explain_json(&["550 4.2.0 try again"]);
    assert_eq!(v["severity"], "permanent");
    assert_eq!(v["severity_rule"], "reply-code-decides");
    assert!(v["warnings"][0].as_str().unwrap().contains("disagree"), "{v:#}");
    let o = run(&["explain", "550 4.2.0 try again"]);
    let text = stdout(&o);
    assert!(text.contains(Message::SeverityReplyCodeDecides.text()), "{text}");
    assert!(text.contains("Warning"), "{text}");
    insta::assert_snapshot!(text);
}

#[test]
fn unknown_codes_get_notes() {
    let v = explain_json(&["599 5.9.999 whatever this is"]);
    assert_eq!(v["reply_code"], 599);
    assert_eq!(v["enhanced_code"], "5.9.999");
    let notes: Vec<&str> = v["notes"].as_array().unwrap().iter().map(|n| n.as_str().unwrap()).collect();
    assert!(notes.contains(&Message::UnknownReplyCode.text()), "{notes:?}");
    assert!(notes.contains(&Message::UnknownEnhancedCode.text()), "{notes:?}");
    assert!(notes.contains(&Message::UndefinedSubject.text()), "{notes:?}");
    assert_eq!(v["reply"]["known"], false);
    assert_eq!(v["enhanced"]["known"], false);
}

#[test]
fn text_without_any_code_has_an_unknown_outcome() {
    let v = explain_json(&["the", "server", "hung", "up"]);
    assert_eq!(v["severity"], "unknown");
    assert_eq!(v["severity_rule"], "no-code");
    assert_eq!(v["reply_code"], Value::Null);
    assert_eq!(v["enhanced_code"], Value::Null);
    assert_eq!(v["reply"], Value::Null);
    assert_eq!(v["retry"], false);
    let o = run(&["explain", "the server hung up"]);
    assert!(o.status.success());
    assert!(stdout(&o).starts_with(Severity::Unknown.title()), "{}", stdout(&o));
}

#[test]
fn binary_garbage_does_not_crash() {
    // Not FF FE: that is the UTF-16 byte order mark, and such input is decoded as UTF-16.
    let garbage = b"\xff\xfd\x00\x01 550 5.1.1 \x00user\xc3( unknown \x80\x80\n\x00";
    let o = run_with_stdin(&["explain", "--json"], garbage);
    assert!(o.status.success(), "{}", stderr(&o));
    let v: Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(v["reply_code"], 550);
    assert!(v["input"].as_str().unwrap().contains('\u{fffd}'));
    let o = run_with_stdin(&["explain"], garbage);
    assert!(o.status.success(), "{}", stderr(&o));
    let o = run_with_stdin(&["explain"], &[0u8; 1000]);
    assert!(o.status.success(), "NUL bytes are text without a code: {}", stderr(&o));
}

#[test]
fn empty_input_is_an_error() {
    for (args, input) in [
        (&["explain"][..], &b""[..]),
        (&["explain", "-"][..], &b" \n\t\r\n"[..]),
        (&["explain", ""][..], &b""[..]),
        (&["explain", "--json", " ", " "][..], &b""[..]),
    ] {
        let o = run_with_stdin(args, input);
        assert_eq!(o.status.code(), Some(2), "{args:?}");
        assert!(stderr(&o).contains("nothing to explain"), "{}", stderr(&o));
        assert!(stdout(&o).is_empty());
    }
}

#[test]
fn an_unknown_command_is_a_usage_error() {
    let o = run(&["explain", "--command", "FROB", "550"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("unknown SMTP command \"FROB\""), "{}", stderr(&o));
    assert!(stderr(&o).contains("RCPT"), "the message lists the names: {}", stderr(&o));
}
