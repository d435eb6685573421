//! The oracle: reads `codes.toml` with a generic TOML walk (not the generator's structs) and
//! checks every generated lookup against it over the whole domain.

use std::collections::HashMap;

use super::catalogue;
use smtp_codes::{Command, EnhancedCode, KnownEnhanced, KnownReply, ReplyCode, StatusClass, StatusSubject, WhoActs};
use toml::{Table, Value};

fn entries<'a>(t: &'a Table, key: &str) -> &'a [Value] {
    t[key].as_array().unwrap()
}

fn s<'a>(v: &'a Value, key: &str) -> &'a str {
    v[key].as_str().unwrap_or_else(|| panic!("{key} missing in {v}"))
}

fn n(v: &Value, key: &str) -> i64 {
    v[key].as_integer().unwrap()
}

fn ints(v: &Value, key: &str) -> Vec<i64> {
    v[key].as_array().unwrap().iter().map(|x| x.as_integer().unwrap()).collect()
}

fn strs<'a>(v: &'a Value, key: &str) -> Vec<&'a str> {
    v[key].as_array().unwrap().iter().map(|x| x.as_str().unwrap()).collect()
}

fn who(w: WhoActs) -> &'static str {
    w.as_str()
}

#[test]
fn every_three_digit_number_matches_the_catalogue() {
    let t = catalogue();
    let by_code: HashMap<i64, &Value> = entries(&t, "reply").iter().map(|r| (n(r, "code"), r)).collect();
    let mut seen = 0;
    for number in 0..=999u16 {
        let generated = KnownReply::from_code(number);
        let expected = by_code.get(&i64::from(number));
        assert_eq!(generated.is_some(), expected.is_some(), "reply code {number}");
        // The open wire type agrees with the closed lookup wherever it exists.
        if let Some(code) = ReplyCode::new(number) {
            assert_eq!(code.known(), generated, "ReplyCode({number}).known()");
        } else {
            assert!(generated.is_none(), "{number} is outside 200-599 but the catalogue knows it");
        }
        let (Some(k), Some(e)) = (generated, expected) else { continue };
        seen += 1;
        assert_eq!(k.code(), number);
        assert_eq!(k.name(), s(e, "name"));
        assert_eq!(k.title(), s(e, "title"));
        assert_eq!(k.status().as_str(), s(e, "status"));
        assert_eq!(k.description(), s(e, "description"));
        assert_eq!(who(k.who_acts()), s(e, "who_acts"));
        assert_eq!(k.action(), s(e, "action"));
        assert_eq!(k.source(), s(e, "source"));
        let commands: Vec<&str> = k.commands().iter().map(|c: &Command| c.as_str()).collect();
        assert_eq!(commands, strs(e, "commands"), "commands of {number}");
        let usages = e.get("usage").and_then(Value::as_array).map(Vec::as_slice).unwrap_or_default();
        assert_eq!(k.usages().len(), usages.len(), "usages of {number}");
        for (u, v) in k.usages().iter().zip(usages) {
            assert_eq!(
                (u.extension(), u.command(), u.text(), u.meaning(), u.source()),
                (s(v, "extension"), s(v, "command"), s(v, "text"), s(v, "meaning"), s(v, "source"))
            );
        }
    }
    assert_eq!(seen, by_code.len());
    assert_eq!(KnownReply::ALL.len(), by_code.len());
}

#[test]
fn reply_code_digits_match_the_catalogue() {
    let t = catalogue();
    for d in entries(&t, "digit") {
        let value = u8::try_from(n(d, "value")).unwrap();
        let (name, title) = match s(d, "position") {
            "first" => {
                let k = smtp_codes::FirstDigit::from_digit(value).unwrap();
                (k.name(), k.title())
            }
            "second" => {
                let k = smtp_codes::SecondDigit::from_digit(value).unwrap();
                (k.name(), k.title())
            }
            other => panic!("unknown position {other}"),
        };
        assert_eq!((name, title), (s(d, "name"), s(d, "title")));
    }
    for number in 200..=599u16 {
        let code = ReplyCode::new(number).unwrap();
        assert_eq!(code.first_digit_meaning().digit(), code.first_digit());
        assert_eq!(
            code.second_digit_meaning().map(|d| d.digit()),
            (code.second_digit() <= 5).then_some(code.second_digit())
        );
    }
}

#[test]
fn every_class_subject_and_detail_matches_the_catalogue() {
    let t = catalogue();
    let mut by_parts: HashMap<(u16, u16), &Value> = HashMap::new();
    for e in entries(&t, "enhanced") {
        let code = s(e, "code");
        let mut parts = code.strip_prefix("X.").unwrap().split('.').map(|p| p.parse::<u16>().unwrap());
        by_parts.insert((parts.next().unwrap(), parts.next().unwrap()), e);
    }
    let classes: HashMap<i64, &Value> = entries(&t, "class").iter().map(|c| (n(c, "class"), c)).collect();
    let subjects: HashMap<i64, &Value> = entries(&t, "subject").iter().map(|c| (n(c, "subject"), c)).collect();

    for class in [2u8, 4, 5] {
        let meaning = StatusClass::from_class(class).unwrap();
        let c = classes[&i64::from(class)];
        assert_eq!(
            (meaning.title(), meaning.description(), who(meaning.who_acts())),
            (s(c, "title"), s(c, "description"), s(c, "who_acts"))
        );
        for subject in 0..=999u16 {
            let sub = subjects.get(&i64::from(subject));
            for detail in 0..=999u16 {
                let code = EnhancedCode::new(class, subject, detail).unwrap();
                let expected = by_parts.get(&(subject, detail));
                let known = code.known();
                assert_eq!(known.is_some(), expected.is_some(), "{code}");
                assert_eq!(code.class_meaning(), meaning);
                if detail == 0 {
                    assert_eq!(
                        code.subject_meaning().map(StatusSubject::title),
                        sub.map(|v| s(v, "title")),
                        "subject of {code}"
                    );
                }
                let Some(e) = expected else {
                    assert!(!code.is_registered_in_class());
                    continue;
                };
                let in_class = ints(e, "classes").contains(&i64::from(class));
                assert_eq!(code.is_registered_in_class(), in_class, "{code} in class {class}");
                if class == 2 {
                    // The class-independent fields need checking once per entry.
                    check_entry(known.unwrap(), e);
                }
            }
        }
    }
    assert_eq!(KnownEnhanced::ALL.len(), by_parts.len());
    assert_eq!(StatusSubject::ALL.len(), subjects.len());
}

fn check_entry(k: KnownEnhanced, e: &Value) {
    assert_eq!(k.to_string(), s(e, "code"));
    assert_eq!(k.name(), s(e, "name"));
    assert_eq!(k.title(), s(e, "title"));
    assert_eq!(k.description(), s(e, "description"));
    assert_eq!(k.classes().iter().map(|&c| i64::from(c)).collect::<Vec<_>>(), ints(e, "classes"));
    assert_eq!(k.reply_codes().iter().map(|r| i64::from(r.as_u16())).collect::<Vec<_>>(), ints(e, "reply_codes"));
    assert_eq!(k.reply_codes_note(), e.get("reply_codes_note").and_then(Value::as_str));
    assert_eq!(who(k.who_acts()), s(e, "who_acts"));
    assert_eq!(k.action(), s(e, "action"));
    assert_eq!(k.rfcs(), strs(e, "rfcs").as_slice());
    assert_eq!(k.status().as_str(), s(e, "status"));
    assert_eq!(k.source(), s(e, "source"));
}
