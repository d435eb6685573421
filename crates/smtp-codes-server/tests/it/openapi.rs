//! The OpenAPI document against real responses: every documented operation answers with a
//! documented status and content type, and its JSON holds the documented required fields;
//! every route of the server is documented.

use axum::body::Body;
use axum::http::Request;
use serde_json::Value;
use smtp_codes_server::Config;

use super::{quiet, send};

const DOC: &str = include_str!("../../assets/openapi.json");

/// A request for each documented operation: path as documented, the concrete path, and body.
fn example(path: &str, method: &str) -> Request<Body> {
    let (uri, kind, body): (&str, &str, &str) = match (method, path) {
        ("get", "/api/v1/lookup/{code}") => ("/api/v1/lookup/5.1.1", "", ""),
        ("get", "/api/v1/search") => ("/api/v1/search?q=mailbox", "", ""),
        ("get", p) => (p, "", ""),
        ("post", "/api/v1/explain") => (path, "text/plain", "550 5.1.1 <bob@example.org>: User unknown"),
        ("post", "/api/v1/bounce") => (
            path,
            "message/rfc822",
            "From: MAILER-DAEMON@x.example\nSubject: Undeliverable\n\nbob@example.org: 550 5.1.1 User unknown\n",
        ),
        ("post", "/api/v1/classify") => (path, "application/x-ndjson", "{\"text\": \"550 5.1.1 User unknown\"}\n"),
        ("post", "/api/v1/logs") => (
            path,
            "text/plain",
            "Jul 12 07:47:48 mx postfix/smtpd[1]: NOQUEUE: reject: RCPT from x[192.0.2.1]: 554 5.7.1 <a@example.com>: Relay access denied; from=<b@example.net> to=<a@example.com> proto=SMTP helo=<x>\n",
        ),
        ("post", "/api/v1/events") => (
            path,
            "application/json",
            r#"{"event": "delivered", "email": "bob@example.org", "timestamp": 1700000000, "sg_event_id": "x", "response": "250 OK"}"#,
        ),
        (m, p) => panic!("no example for {m} {p}: add one"),
    };
    let mut b = Request::builder().method(method.to_ascii_uppercase().as_str()).uri(uri);
    if !kind.is_empty() {
        b = b.header("content-type", kind);
    }
    b.body(Body::from(body.to_owned())).unwrap()
}

/// Resolves a `$ref` within the document.
fn resolve<'a>(doc: &'a Value, v: &'a Value) -> &'a Value {
    match v.get("$ref").and_then(Value::as_str) {
        Some(r) => r.trim_start_matches("#/").split('/').fold(doc, |v, k| &v[k]),
        None => v,
    }
}

#[tokio::test]
async fn every_documented_operation_answers_as_documented() {
    let doc: Value = serde_json::from_str(DOC).expect("the document is JSON");
    let app = quiet(Config::default());
    let paths = doc["paths"].as_object().expect("paths");
    let mut checked = 0;
    for (path, item) in paths {
        for (method, op) in item.as_object().unwrap() {
            let (status, kind, body) = send(app.clone(), example(path, method)).await;
            let responses = &op["responses"];
            let response = responses
                .get(status.as_str())
                .unwrap_or_else(|| panic!("{method} {path}: status {status} is not documented"));
            let response = resolve(&doc, response);
            let media = kind.split(';').next().unwrap().trim();
            let content = &response["content"];
            let schema = content
                .get(media)
                .unwrap_or_else(|| panic!("{method} {path}: content type {media} is not documented for {status}"));
            if media == "application/json" {
                let json: Value = serde_json::from_slice(&body).unwrap_or_else(|e| panic!("{method} {path}: {e}"));
                let schema = resolve(&doc, &schema["schema"]);
                for field in schema.get("required").and_then(Value::as_array).into_iter().flatten() {
                    let f = field.as_str().unwrap();
                    assert!(json.get(f).is_some(), "{method} {path}: the answer lacks the required {f:?}: {json}");
                }
            }
            checked += 1;
        }
    }
    assert_eq!(checked, 9);
}

#[test]
fn every_route_is_documented() {
    let doc: Value = serde_json::from_str(DOC).unwrap();
    let routes = include_str!("../../src/lib.rs");
    for line in routes.lines().filter(|l| l.trim_start().starts_with(".route(\"/api/")) {
        let path = line.split('"').nth(1).unwrap();
        assert!(doc["paths"].get(path).is_some(), "{path} is a route but not in openapi.json");
    }
}
