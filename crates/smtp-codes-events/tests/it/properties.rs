//! No JSON makes a reader panic: arbitrary documents, and the samples with parts of them
//! replaced by arbitrary values.

use proptest::prelude::*;
use serde_json::Value;

/// Any JSON value, with keys drawn often from the ESPs' own so that readers get far.
fn json() -> impl Strategy<Value = Value> {
    const KEYS: &[&str] = &[
        "notificationType",
        "eventType",
        "mail",
        "bounce",
        "bouncedRecipients",
        "emailAddress",
        "diagnosticCode",
        "Type",
        "Message",
        "TopicArn",
        "event",
        "email",
        "sg_event_id",
        "event-data",
        "delivery-status",
        "code",
        "message",
        "msys",
        "message_event",
        "type",
        "RecordType",
        "Email",
        "msg",
        "mandrill_events",
        "message-id",
        "ts_event",
        "timestamp",
        "items",
        "paging",
        "source",
        "detail",
        "recipient",
        "severity",
    ];
    let key = prop_oneof![proptest::sample::select(KEYS).prop_map(str::to_owned), "[a-z-]{0,8}"];
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(Value::from),
        any::<f64>().prop_map(Value::from),
        "[ -~]{0,20}".prop_map(Value::String),
        proptest::sample::select(
            &["Bounce", "Notification", "{\"mail\":{}}", "[1]", "bounce", "failed", "1e400", "9999999999999"][..]
        )
        .prop_map(Value::from),
    ];
    leaf.prop_recursive(6, 64, 8, move |inner| {
        prop_oneof![
            proptest::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
            proptest::collection::vec((key.clone(), inner), 0..8)
                .prop_map(|kv| Value::Object(kv.into_iter().collect())),
        ]
    })
}

/// Every value inside `v`, by a path of indices, for replacing one.
fn replace_nth(v: &mut Value, n: &mut usize, with: &Value) -> bool {
    if *n == 0 {
        *v = with.clone();
        return true;
    }
    *n -= 1;
    match v {
        Value::Array(items) => items.iter_mut().any(|i| replace_nth(i, n, with)),
        Value::Object(map) => map.values_mut().any(|i| replace_nth(i, n, with)),
        _ => false,
    }
}

/// The JSON documents of every sample file, those of the folders under `tests/data` too.
fn samples() -> Vec<Value> {
    fn from(dir: &std::path::Path, out: &mut Vec<Value>) {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                from(&path, out);
                continue;
            }
            let text = std::fs::read_to_string(&path).unwrap();
            out.extend(serde_json::Deserializer::from_str(&text).into_iter::<Value>().filter_map(Result::ok));
        }
    }
    let mut out = Vec::new();
    from(&super::data(), &mut out);
    out
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn arbitrary_json_never_panics(value in json()) {
        let _ = smtp_codes_events::read(&value);
        for esp in smtp_codes_events::Esp::ALL {
            let _ = smtp_codes_events::read_as(&value, *esp);
        }
        let text = value.to_string();
        let _ = smtp_codes_events::read_json_lines(text.as_bytes()).count();
        let _ = smtp_codes_events::read_form(format!("mandrill_events={text}").as_bytes());
    }

    #[test]
    fn mutated_samples_never_panic(which in any::<prop::sample::Index>(), at in 0usize..400, with in json()) {
        let all = samples();
        let mut value = which.get(&all).clone();
        let mut n = at;
        replace_nth(&mut value, &mut n, &with);
        let _ = smtp_codes_events::read(&value);
        // A string field that carries JSON (an SNS Message, mandrill_events) mutated inside.
        if let Some(Value::String(inner)) = value.get("Message").or(value.get("mandrill_events")).cloned()
            && let Ok(mut inner) = serde_json::from_str::<Value>(&inner)
        {
            let mut n = at;
            replace_nth(&mut inner, &mut n, &with);
            value["Message"] = Value::String(inner.to_string());
            let _ = smtp_codes_events::read(&value);
        }
    }

    #[test]
    fn arbitrary_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..200)) {
        let _ = smtp_codes_events::read_json_lines(&bytes[..]).count();
        let _ = smtp_codes_events::read_form(&bytes);
    }

    /// Form bodies of Mailgun's legacy fields and Mandrill's, with arbitrary values, any number
    /// of lines (a stream of forms).
    #[test]
    fn arbitrary_forms_never_panic(
        fields in proptest::collection::vec(
            (prop::sample::select(vec!["event", "recipient", "timestamp", "code", "error", "description",
                "notification", "reason", "Message-Id", "token", "signature", "mandrill_events", "x"]),
             "[ -~%+&=\n]{0,40}"),
            0..12),
    ) {
        let body: String = fields.iter().map(|(k, v)| format!("{k}={v}")).collect::<Vec<_>>().join("&");
        let _ = smtp_codes_events::read_form(body.as_bytes());
        let _ = smtp_codes_events::read_json_lines(body.as_bytes()).count();
    }
}
