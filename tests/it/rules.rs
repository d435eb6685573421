//! The oracle for the classification tables: reasons and their phrase rules, code rules,
//! providers and their replies, messages and the wording of severities, of who acts and of the
//! commands, read from the catalogue with a generic TOML walk and compared with the generated
//! tables.

use smtp_codes::classify::{CODE_RULES, PHRASE_RULES, PROVIDER_REPLIES, Provider, Reason};
use smtp_codes::{Command, Message, Severity, WhoActs};
use toml::{Table, Value};

use super::catalogue;

fn list<'a>(t: &'a Table, key: &str) -> &'a [Value] {
    t.get(key).and_then(Value::as_array).map_or(&[], Vec::as_slice)
}

fn s<'a>(v: &'a Value, key: &str) -> &'a str {
    v.get(key).and_then(Value::as_str).unwrap_or_else(|| panic!("{key} missing in {v}"))
}

fn opt<'a>(v: &'a Value, key: &str) -> Option<&'a str> {
    v.get(key).and_then(Value::as_str)
}

#[test]
fn reasons_match_in_order() {
    let t = catalogue();
    let reasons = list(&t, "reason");
    assert_eq!(Reason::ALL.len(), reasons.len());
    for (r, v) in Reason::ALL.iter().zip(reasons) {
        assert_eq!(r.id(), s(v, "id"));
        assert_eq!(Reason::from_id(r.id()), Some(*r));
        assert_eq!(r.name(), s(v, "name"));
        assert_eq!(r.title(), s(v, "title"));
        assert_eq!(r.description(), s(v, "description"));
        assert_eq!(r.hard_bounce(), v["hard_bounce"].as_bool().unwrap());
        assert_eq!(r.who_acts().as_str(), s(v, "who_acts"));
        assert_eq!(r.action(), s(v, "action"));
        assert_eq!(r.source(), s(v, "source"));
    }
    assert_eq!(Reason::from_id("no-such-reason"), None);
}

#[test]
fn phrase_and_code_rules_match() {
    let t = catalogue();
    // Phrase rules sit under their reason; the generated table keeps the catalogue's order.
    let phrases: Vec<(&str, &Value)> = list(&t, "reason")
        .iter()
        .flat_map(|r| r.get("phrase").and_then(Value::as_array).into_iter().flatten().map(move |p| (s(r, "id"), p)))
        .collect();
    assert_eq!(PHRASE_RULES.len(), phrases.len());
    assert!(phrases.len() > 500, "only {} phrase rules read", phrases.len());
    for (p, (reason, v)) in PHRASE_RULES.iter().zip(phrases) {
        assert_eq!(p.phrase(), s(v, "phrase"));
        assert_eq!(p.reason().id(), reason);
        assert_eq!(p.command().map(|c| c.as_str()), opt(v, "command"));
        assert_eq!(p.who_acts().map(WhoActs::as_str), opt(v, "who_acts"));
        assert_eq!(p.source(), s(v, "source"));
    }
    let rules = list(&t, "code_rule");
    assert_eq!(CODE_RULES.len(), rules.len());
    for (r, v) in CODE_RULES.iter().zip(rules) {
        assert_eq!(r.code().to_string(), s(v, "code"));
        assert_eq!(r.reason().id(), s(v, "reason"));
        assert_eq!(r.source(), s(v, "source"));
    }
}

#[test]
fn providers_and_their_replies_match() {
    let t = catalogue();
    let providers = list(&t, "provider");
    assert_eq!(Provider::ALL.len(), providers.len());
    let strs = |v: &Value, key: &str| -> Vec<String> {
        v[key].as_array().unwrap().iter().map(|x| x.as_str().unwrap().to_owned()).collect()
    };
    for (p, v) in Provider::ALL.iter().zip(providers) {
        assert_eq!(p.id(), s(v, "id"));
        assert_eq!(Provider::from_id(p.id()), Some(*p));
        assert_eq!(p.title(), s(v, "title"));
        assert_eq!(p.markers(), strs(v, "markers"));
        assert_eq!(p.hosts(), strs(v, "hosts"));
        assert_eq!(p.docs(), s(v, "docs"));
        assert_eq!(p.source(), s(v, "source"));
    }
    // Replies sit under their provider and take its `reply_source` unless they give a `source`.
    let replies: Vec<(&Value, &Value)> = providers
        .iter()
        .flat_map(|p| p.get("reply").and_then(Value::as_array).into_iter().flatten().map(move |r| (p, r)))
        .collect();
    assert_eq!(PROVIDER_REPLIES.len(), replies.len());
    assert!(replies.len() > 500, "only {} provider replies read", replies.len());
    for (r, (p, v)) in PROVIDER_REPLIES.iter().zip(replies) {
        assert_eq!(r.provider().id(), s(p, "id"));
        assert_eq!(r.reply_code().map(|c| i64::from(c.as_u16())), v.get("reply_code").and_then(Value::as_integer));
        assert_eq!(r.enhanced().map(|e| e.to_string()).as_deref(), opt(v, "enhanced"));
        assert_eq!(r.text(), s(v, "text"));
        assert_eq!(r.match_text(), s(v, "match"));
        assert_eq!(r.is_distinctive(), v["distinctive"].as_bool().unwrap());
        assert_eq!(r.meaning(), s(v, "meaning"));
        assert_eq!(r.advice(), s(v, "advice"));
        assert_eq!(r.reason().id(), s(v, "reason"));
        assert_eq!(r.who_acts().map(WhoActs::as_str), opt(v, "who_acts"));
        assert_eq!(r.source(), opt(v, "source").unwrap_or_else(|| s(p, "reply_source")));
    }
}

#[test]
fn wording_and_messages_match() {
    let t = catalogue();
    for v in list(&t, "severity") {
        let id = s(v, "id");
        let sev = Severity::from_name(id).unwrap_or_else(|| panic!("no Severity for {id:?}"));
        assert_eq!(format!("{sev:?}"), s(v, "name"));
        assert_eq!(sev.title(), s(v, "title"));
        assert_eq!(sev.description(), s(v, "description"));
        assert_eq!(sev.should_retry(), v["retry"].as_bool().unwrap());
    }
    assert_eq!(list(&t, "severity").len(), Severity::ALL.len());
    assert_eq!(list(&t, "who").len(), WhoActs::ALL.len());
    for v in list(&t, "who") {
        let w = WhoActs::from_name(s(v, "id")).unwrap();
        assert_eq!(format!("{w:?}"), s(v, "name"));
        assert_eq!((w.title(), w.description()), (s(v, "title"), s(v, "description")));
    }
    let commands = list(&t, "command");
    assert_eq!(Command::ALL.len(), commands.len());
    for (c, v) in Command::ALL.iter().zip(commands) {
        assert_eq!((c.as_str(), format!("{c:?}")), (s(v, "id"), s(v, "name").to_owned()));
    }
    let messages = list(&t, "message");
    assert_eq!(Message::ALL.len(), messages.len());
    for (m, v) in Message::ALL.iter().zip(messages) {
        assert_eq!((m.name(), m.text(), m.source()), (s(v, "name"), s(v, "text"), s(v, "source")));
    }
}
