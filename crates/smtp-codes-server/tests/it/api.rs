//! Every endpoint and every error status, in process.

use std::time::Duration;

use axum::body::Body;
use axum::http::{Request, StatusCode};
use smtp_codes_server::Config;

use super::{error, get, post, quiet, send};

const BOUNCE: &str = "From: MAILER-DAEMON@mx.example.org\nSubject: Undelivered Mail Returned to Sender\nMIME-Version: 1.0\nContent-Type: multipart/report; report-type=delivery-status; boundary=\"b\"\n\n--b\nContent-Type: text/plain\n\nYour message could not be delivered.\n--b\nContent-Type: message/delivery-status\n\nReporting-MTA: dns; mx.example.org\n\nFinal-Recipient: rfc822; bob@example.net\nAction: failed\nStatus: 5.1.1\nDiagnostic-Code: smtp; 550 5.1.1 <bob@example.net>: User unknown\n\nFinal-Recipient: rfc822; carol@example.net\nAction: failed\nStatus: 5.2.2\nDiagnostic-Code: smtp; 552 5.2.2 <carol@example.net>: Mailbox full\n--b--\n";

fn lines(body: &[u8]) -> Vec<serde_json::Value> {
    String::from_utf8_lossy(body).lines().map(|l| serde_json::from_str(l).expect("a JSON line")).collect()
}

#[tokio::test]
async fn health_page_and_openapi() {
    let app = quiet(Config::default());
    let (status, kind, body) = send(app.clone(), get("/api/v1/health")).await;
    assert_eq!((status, kind.as_str()), (StatusCode::OK, "application/json"));
    let v: serde_json::Value = serde_json::from_slice(&body).unwrap();
    assert_eq!(v["status"], "ok");
    let (status, kind, body) = send(app.clone(), get("/")).await;
    assert_eq!(status, StatusCode::OK);
    assert!(kind.starts_with("text/html"));
    assert!(String::from_utf8_lossy(&body).contains("<textarea"));
    // The page's own script and styles; a policy without inline script or style on each.
    for (path, want) in [("/", "text/html"), ("/app.js", "text/javascript"), ("/style.css", "text/css")] {
        let r = tower::ServiceExt::oneshot(app.clone(), get(path)).await.unwrap();
        assert_eq!(r.status(), StatusCode::OK, "{path}");
        let h = r.headers();
        assert!(h["content-type"].to_str().unwrap().starts_with(want), "{path}");
        let csp = h["content-security-policy"].to_str().unwrap();
        assert_eq!(csp, smtp_codes_server::PAGE_CSP);
        assert!(csp.contains("script-src 'self'") && !csp.contains("unsafe-inline"), "{csp}");
        assert_eq!(h["x-content-type-options"], "nosniff");
    }
    let (_, _, page) = send(app.clone(), get("/")).await;
    let page = String::from_utf8_lossy(&page);
    assert!(
        page.contains(r#"<script src="/app.js" defer></script>"#) && !page.contains("<script>"),
        "no inline script"
    );
    let (status, _, body) = send(app, get("/api/v1/openapi.json")).await;
    assert_eq!(status, StatusCode::OK);
    let doc: serde_json::Value = serde_json::from_slice(&body).expect("the OpenAPI document is JSON");
    assert_eq!(doc["openapi"], "3.1.0");
}

#[tokio::test]
async fn explain_takes_text_or_json() {
    let app = quiet(Config::default());
    let (status, _, body) =
        send(app.clone(), post("/api/v1/explain", "text/plain", "550 5.1.1 <bob@example.org>: User unknown")).await;
    assert_eq!(status, StatusCode::OK);
    let v: serde_json::Value = serde_json::from_slice(&body).unwrap();
    assert_eq!((v["reason"].as_str(), v["hard_bounce"].as_bool()), (Some("userunknown"), Some(true)));
    let json =
        r#"{"text": "452 4.2.2 Mailbox full", "command": "RCPT TO", "remote_host": "gmail-smtp-in.l.google.com"}"#;
    let (status, _, body) = send(app.clone(), post("/api/v1/explain", "application/json", json)).await;
    assert_eq!(status, StatusCode::OK);
    let v: serde_json::Value = serde_json::from_slice(&body).unwrap();
    assert_eq!(v["reason"], "mailboxfull");
    // Errors: empty text, a bad command, JSON of the wrong shape, malformed JSON.
    for (kind, body, want) in [
        ("text/plain", "   ", "nothing to explain"),
        ("application/json", r#"{"text": "550 x", "command": "FLY"}"#, "is not an SMTP command"),
        ("application/json", r#"{"txt": "550 x"}"#, "unknown field `txt`"),
        ("application/json", "{\"text\": ", "is not {\"text\""),
        ("application/json", "[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[", "is not {\"text\""),
    ] {
        let (status, kind_out, out) = send(app.clone(), post("/api/v1/explain", kind, body)).await;
        assert_eq!(status, StatusCode::BAD_REQUEST, "{body}");
        assert_eq!(kind_out, "application/json");
        let (code, message) = error(&out);
        assert_eq!(code, 400);
        assert!(message.contains(want), "{message}");
    }
}

#[tokio::test]
async fn bounce_gives_one_record_per_recipient() {
    let app = quiet(Config::default());
    let (status, kind, body) = send(app.clone(), post("/api/v1/bounce", "message/rfc822", BOUNCE)).await;
    assert_eq!((status, kind.as_str()), (StatusCode::OK, "application/x-ndjson"));
    let records = lines(&body);
    let got: Vec<(&str, &str)> =
        records.iter().map(|r| (r["recipient"].as_str().unwrap(), r["reason"].as_str().unwrap())).collect();
    assert_eq!(got, [("bob@example.net", "userunknown"), ("carol@example.net", "mailboxfull")]);
    // An mbox of two messages.
    let mbox = format!(
        "From MAILER-DAEMON Thu Jan  1 00:00:00 2024\n{BOUNCE}\nFrom MAILER-DAEMON Thu Jan  1 00:00:01 2024\n{BOUNCE}"
    );
    let (status, _, body) = send(app.clone(), post("/api/v1/bounce", "application/mbox", mbox)).await;
    assert_eq!(status, StatusCode::OK);
    let messages: Vec<u64> = lines(&body).iter().map(|r| r["message"].as_u64().unwrap()).collect();
    assert_eq!(messages, [1, 1, 2, 2]);
    // Binary garbage is not a bounce: no record, no error.
    let garbage: Vec<u8> = (0..4096u32).map(|i| (i.wrapping_mul(2_654_435_761) >> 24) as u8).collect();
    let (status, _, body) = send(app.clone(), post("/api/v1/bounce", "application/octet-stream", garbage)).await;
    assert_eq!(status, StatusCode::OK);
    assert!(lines(&body).is_empty());
    let (status, _, body) = send(app, post("/api/v1/bounce", "message/rfc822", "")).await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert!(error(&body).1.contains("empty body"));
}

#[tokio::test]
async fn classify_takes_json_lines_or_an_array() {
    let app = quiet(Config::default());
    let jsonl = "{\"text\": \"550 5.1.1 User unknown\"}\n{\"text\": \"452 4.2.2 Mailbox full\", \"index\": 7}\n";
    let (status, _, body) = send(app.clone(), post("/api/v1/classify", "application/x-ndjson", jsonl)).await;
    assert_eq!(status, StatusCode::OK);
    let records = lines(&body);
    assert_eq!(records.len(), 2);
    assert_eq!(records[1]["reason"], "mailboxfull");
    assert_eq!(records[1]["index"], 7);
    let array = r#"[{"text": "550 5.1.1 User unknown"}, {"text": "421 4.7.0 Try again later"}]"#;
    let (status, _, body) = send(app.clone(), post("/api/v1/classify", "application/json", array)).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(lines(&body).len(), 2);
    let (status, _, body) = send(app, post("/api/v1/classify", "application/x-ndjson", "{\"text\": 5}\n")).await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert!(error(&body).1.starts_with("input 1:"), "{}", error(&body).1);
}

#[tokio::test]
async fn logs_give_the_report_and_the_records() {
    let app = quiet(Config::default());
    let log = "Jul 12 07:47:48 saturn postfix/smtpd[8738]: NOQUEUE: reject: RCPT from x[1.2.3.4]: 554 5.7.1 <smtp@example.com>: Relay access denied; from=<john@example.com> to=<smtp@example.org> proto=SMTP helo=<x>\n";
    let (status, _, body) = send(app.clone(), post("/api/v1/logs", "text/plain", log)).await;
    assert_eq!(status, StatusCode::OK);
    let v: serde_json::Value = serde_json::from_slice(&body).unwrap();
    assert_eq!(v["summary"]["totals"]["rejected"], 1);
    assert_eq!(v["records"][0]["recipient"], "smtp@example.org");
    let (status, _, body) = send(app, post("/api/v1/logs", "text/plain", "hello\nworld\n")).await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert!(error(&body).1.contains("known log format"));
}

#[tokio::test]
async fn events_lookup_and_search() {
    let app = quiet(Config::default());
    let event = r#"{"event": "bounce", "email": "bob@example.org", "timestamp": 1700000000, "sg_event_id": "x", "type": "bounce", "reason": "550 5.1.1 User unknown", "status": "5.1.1"}"#;
    let (status, _, body) = send(app.clone(), post("/api/v1/events", "application/json", event)).await;
    assert_eq!(status, StatusCode::OK, "{}", String::from_utf8_lossy(&body));
    assert_eq!(lines(&body)[0]["esp"], "sendgrid");
    // A webhook that posts a form (Mailgun's legacy webhooks, Mandrill) may post to the API.
    let form = "event=bounced&recipient=bob%40example.org&code=550&error=5.1.1+User+unknown&token=t&signature=s";
    let (status, _, body) = send(app.clone(), post("/api/v1/events", "application/x-www-form-urlencoded", form)).await;
    assert_eq!(status, StatusCode::OK, "{}", String::from_utf8_lossy(&body));
    assert_eq!(
        (lines(&body)[0]["esp"].as_str(), lines(&body)[0]["reason"].as_str()),
        (Some("mailgun"), Some("userunknown"))
    );
    let (status, _, body) = send(app.clone(), post("/api/v1/events", "application/json", r#"{"a": 1}"#)).await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert!(error(&body).1.contains("not an event of any known ESP"));
    let (status, _, body) = send(app.clone(), get("/api/v1/lookup/550%205.1.1")).await;
    assert_eq!(status, StatusCode::OK);
    let v: serde_json::Value = serde_json::from_slice(&body).unwrap();
    assert_eq!(v["query"], "550 5.1.1");
    let (status, _, body) = send(app.clone(), get("/api/v1/lookup/9999")).await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert!(error(&body).1.contains("cannot look up"));
    let (status, _, body) = send(app.clone(), get("/api/v1/search?q=mailbox%20full&limit=3")).await;
    assert_eq!(status, StatusCode::OK);
    assert!(!lines(&body).is_empty() && lines(&body).len() <= 3);
    let (status, _, _) = send(app.clone(), get("/api/v1/search")).await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    let (status, kind, body) = send(app, get("/api/v1/search?q=x&limit=many")).await;
    assert_eq!((status, kind.as_str()), (StatusCode::BAD_REQUEST, "application/json"));
    assert!(error(&body).1.contains("the query is not"), "{}", error(&body).1);
}

#[tokio::test]
async fn unknown_paths_and_methods_are_json_errors() {
    let app = quiet(Config::default());
    let (status, kind, body) = send(app.clone(), get("/api/v2/nothing")).await;
    assert_eq!((status, kind.as_str()), (StatusCode::NOT_FOUND, "application/json"));
    assert!(error(&body).1.contains("/api/v2/nothing"));
    let (status, _, body) = send(app, get("/api/v1/explain")).await;
    assert_eq!(status, StatusCode::METHOD_NOT_ALLOWED);
    assert!(error(&body).1.contains("GET is not allowed"));
}

#[tokio::test]
async fn the_body_cap_is_a_413() {
    let app = quiet(Config { max_body: 1024, ..Config::default() });
    let (status, kind, body) = send(app, post("/api/v1/bounce", "message/rfc822", vec![b'x'; 4096])).await;
    assert_eq!((status, kind.as_str()), (StatusCode::PAYLOAD_TOO_LARGE, "application/json"));
    assert!(error(&body).1.contains("--max-body"));
}

#[tokio::test]
async fn a_slow_body_is_cut_off_with_a_408() {
    use futures_util::StreamExt as _;
    let app = quiet(Config { timeout: Duration::from_millis(200), ..Config::default() });
    // A body that sends one chunk and then nothing.
    let chunk: Result<&'static [u8], std::convert::Infallible> = Ok(b"550 5.1.1 ");
    let stream = futures_util::stream::once(async move { chunk }).chain(futures_util::stream::pending());
    let req =
        Request::post("/api/v1/explain").header("content-type", "text/plain").body(Body::from_stream(stream)).unwrap();
    let (status, _, body) = send(app, req).await;
    assert_eq!(status, StatusCode::REQUEST_TIMEOUT);
    assert!(error(&body).1.contains("longer than 0.2 s"), "{}", error(&body).1);
}

#[tokio::test]
async fn a_token_is_required_when_set() {
    let app = quiet(Config { token: Some("s3cret".to_owned()), ..Config::default() });
    let (status, _, body) = send(app.clone(), get("/api/v1/health")).await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
    assert!(error(&body).1.contains("Bearer"));
    let wrong = Request::get("/api/v1/health").header("authorization", "Bearer nope").body(Body::empty()).unwrap();
    assert_eq!(send(app.clone(), wrong).await.0, StatusCode::UNAUTHORIZED);
    let right = Request::get("/api/v1/health").header("authorization", "Bearer s3cret").body(Body::empty()).unwrap();
    assert_eq!(send(app, right).await.0, StatusCode::OK);
}
