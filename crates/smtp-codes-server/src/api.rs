//! The handlers of `/api/v1/...`: each reads its input, calls the core through the crates of
//! the workspace, and answers with the JSON records of `smtp-codes-report`, written exactly as
//! the command line writes them.

use std::io::Cursor;

use axum::body::Bytes;
use axum::extract::rejection::{BytesRejection, QueryRejection};
use axum::extract::{Path, Query};
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Response};
use serde::Deserialize;
use smtp_codes::Command;
use smtp_codes::classify::{Context, explain_with};
use smtp_codes_bounce::{MAX_MESSAGE, decode_all};
use smtp_codes_report::logs::{ExcerptError, read_excerpt};
use smtp_codes_report::lookup::{Lookup, Query as CodeQuery};
use smtp_codes_report::{BounceRecord, ClassifyInput, EventRecord, Explained};

use crate::ApiError;

/// The most bytes of reply text `explain` reads, as the command line.
pub const MAX_TEXT: usize = 1 << 20;

/// The most lines or documents of one `classify`, `logs` or `events` request.
pub const MAX_LINES: usize = 1_000_000;

/// JSON Lines: one record a line, as the command line prints them.
fn ndjson(body: Vec<u8>) -> Response {
    ([(header::CONTENT_TYPE, "application/x-ndjson")], body).into_response()
}

/// One JSON object and a line break, as the command line prints it.
fn json_object(value: &impl serde::Serialize) -> Result<Response, ApiError> {
    let mut out = Vec::new();
    smtp_codes_report::write_json_line(&mut out, value)
        .map_err(|e| ApiError::new(StatusCode::INTERNAL_SERVER_ERROR, format!("cannot write the answer: {e}")))?;
    Ok(([(header::CONTENT_TYPE, "application/json")], out).into_response())
}

fn line(out: &mut Vec<u8>, value: &impl serde::Serialize) -> Result<(), ApiError> {
    smtp_codes_report::write_json_line(out, value)
        .map_err(|e| ApiError::new(StatusCode::INTERNAL_SERVER_ERROR, format!("cannot write the answer: {e}")))
}

fn is_json(headers: &HeaderMap) -> bool {
    headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.split(';').next().is_some_and(|t| t.trim().eq_ignore_ascii_case("application/json")))
}

/// `GET /api/v1/health`.
pub(crate) async fn health() -> Response {
    let body = serde_json::json!({
        "status": "ok",
        "version": env!("CARGO_PKG_VERSION"),
        "schema_version": smtp_codes_report::SCHEMA_VERSION,
    });
    json_object(&body).unwrap_or_else(IntoResponse::into_response)
}

/// The JSON form of `POST /api/v1/explain`.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ExplainRequest {
    text: String,
    #[serde(default)]
    command: Option<String>,
    #[serde(default)]
    remote_host: Option<String>,
}

/// `POST /api/v1/explain`: a `text/plain` body, or JSON `{text, command, remote_host}`; the
/// `explained` record of `smtp-codes explain --json`.
pub(crate) async fn explain_reply(
    headers: HeaderMap,
    body: Result<Bytes, BytesRejection>,
) -> Result<Response, ApiError> {
    let body = body?;
    let (text, command, host) = if is_json(&headers) {
        let r: ExplainRequest = serde_json::from_slice(&body).map_err(|e| {
            ApiError::bad_request(format!("the JSON body is not {{\"text\", \"command\", \"remote_host\"}}: {e}"))
        })?;
        (r.text.into_bytes(), r.command, r.remote_host)
    } else {
        (body.to_vec(), None, None)
    };
    if text.len() > MAX_TEXT {
        return Err(ApiError::new(StatusCode::PAYLOAD_TOO_LARGE, format!("the text is over {} MiB", MAX_TEXT >> 20)));
    }
    if text.trim_ascii().is_empty() {
        return Err(ApiError::bad_request("nothing to explain: the text is empty"));
    }
    let command = match command.as_deref().map(str::trim).filter(|c| !c.is_empty()) {
        Some(c) => Some(
            c.parse::<Command>()
                .map_err(|_| ApiError::bad_request(format!("{c:?} is not an SMTP command (RCPT, MAIL, DATA, ...)")))?,
        ),
        None => None,
    };
    let context = Context::new().with_command(command).with_remote_host(host.as_deref());
    let explanation = explain_with(&text, &context);
    json_object(&Explained::new(&text, &explanation, &context))
}

/// `POST /api/v1/bounce`: one message or an mbox; the `bounce-record` JSON Lines of
/// `smtp-codes bounce --json` (file `-`).
pub(crate) async fn bounce(body: Result<Bytes, BytesRejection>) -> Result<Response, ApiError> {
    let body = body?;
    if body.trim_ascii().is_empty() {
        return Err(ApiError::bad_request("empty body: no message"));
    }
    let file = serde_json::Value::String("-".to_owned());
    let mut out = Vec::new();
    for message in decode_all(&body) {
        let (number, decoded) = message.map_err(|e| ApiError::bad_request(format!("cannot read the mbox: {e}")))?;
        let Some(decoded) = decoded else {
            return Err(ApiError::new(
                StatusCode::PAYLOAD_TOO_LARGE,
                format!("message {number} is over {} MiB", MAX_MESSAGE >> 20),
            ));
        };
        for record in BounceRecord::all(&file, number, &decoded) {
            line(&mut out, &record)?;
        }
    }
    Ok(ndjson(out))
}

/// `POST /api/v1/classify`: JSON Lines of `{text, command, remote_host}` or one JSON array of
/// them; the `classify-record` JSON Lines of `smtp-codes classify --jsonl --json`.
pub(crate) async fn classify(body: Result<Bytes, BytesRejection>) -> Result<Response, ApiError> {
    let body = body?;
    let file = serde_json::Value::String("-".to_owned());
    let defaults = Context::new();
    let mut out = Vec::new();
    let trimmed = body.trim_ascii_start();
    // A JSON array: each element is one input, numbered from 1.
    let items: Vec<(u64, Vec<u8>)> = if trimmed.first() == Some(&b'[') {
        let values: Vec<serde_json::Value> = serde_json::from_slice(trimmed)
            .map_err(|e| ApiError::bad_request(format!("the body is not a JSON array of inputs: {e}")))?;
        values.iter().zip(1..).map(|(v, n)| (n, v.to_string().into_bytes())).collect()
    } else {
        body.split(|&b| b == b'\n').zip(1..).map(|(l, n)| (n, l.strip_suffix(b"\r").unwrap_or(l).to_vec())).collect()
    };
    if items.len() > MAX_LINES {
        return Err(ApiError::new(StatusCode::PAYLOAD_TOO_LARGE, format!("more than {MAX_LINES} inputs")));
    }
    for (number, bytes) in &items {
        if bytes.trim_ascii().is_empty() {
            continue;
        }
        let input = ClassifyInput::parse(bytes).map_err(|e| ApiError::bad_request(format!("input {number}: {e}")))?;
        out.extend_from_slice(input.record_json(&file, *number, &defaults).as_bytes());
        out.push(b'\n');
    }
    Ok(ndjson(out))
}

/// `POST /api/v1/logs`: a log excerpt; `{"summary": log-summary, "records": [log-record...]}`,
/// the objects of `smtp-codes logs --summary --json` and `logs --json` (file `-`).
pub(crate) async fn logs(body: Result<Bytes, BytesRejection>) -> Result<Response, ApiError> {
    let body = body?;
    let text = String::from_utf8_lossy(&body);
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| i64::try_from(d.as_secs()).unwrap_or(0));
    let (y, m, d, ..) = smtp_codes_logs::Timestamp::from_unix(now).civil();
    let excerpt = read_excerpt(text.lines(), (y, m, d), MAX_LINES).map_err(|e| match e {
        ExcerptError::TooManyLines(_) => ApiError::new(StatusCode::PAYLOAD_TOO_LARGE, e.to_string()),
        ExcerptError::NoKnownFormat => ApiError::bad_request(e.to_string()),
    })?;
    let summary = excerpt.summary;
    // Written by hand around the records so that each keeps the field order of `logs --json`.
    let records = excerpt.records.join(",");
    let mut out = b"{\"summary\":".to_vec();
    serde_json::to_writer(&mut out, &summary)
        .map_err(|e| ApiError::new(StatusCode::INTERNAL_SERVER_ERROR, format!("cannot write the answer: {e}")))?;
    out.extend_from_slice(b",\"records\":[");
    out.extend_from_slice(records.as_bytes());
    out.extend_from_slice(b"]}\n");
    Ok(([(header::CONTENT_TYPE, "application/json")], out).into_response())
}

/// `POST /api/v1/events`: ESP events (one document, an array, JSON Lines); the `event-record`
/// JSON Lines of `smtp-codes events --json` (file `-`). A document of no known shape is a 400
/// naming it.
pub(crate) async fn events(body: Result<Bytes, BytesRejection>) -> Result<Response, ApiError> {
    let body = body?;
    let file = serde_json::Value::String("-".to_owned());
    let mut out = Vec::new();
    let mut index = 0;
    for event in smtp_codes_events::read_json_lines(Cursor::new(body.to_vec())) {
        let event = event.map_err(|e| ApiError::bad_request(e.to_string()))?;
        index += 1;
        line(&mut out, &EventRecord::new(&file, index, &event))?;
    }
    Ok(ndjson(out))
}

/// `GET /api/v1/lookup/{code}`: the `lookup` record of `smtp-codes lookup --json CODE`.
pub(crate) async fn lookup(Path(code): Path<String>) -> Result<Response, ApiError> {
    let query: CodeQuery = code.parse().map_err(|e| ApiError::bad_request(format!("cannot look up {code:?}: {e}")))?;
    json_object(&Lookup::new(&code, query))
}

/// The query of `GET /api/v1/search`.
#[derive(Deserialize)]
pub(crate) struct SearchQuery {
    q: Option<String>,
    limit: Option<usize>,
}

/// `GET /api/v1/search?q=words`: the `search-hit` JSON Lines of `smtp-codes search --json`.
pub(crate) async fn search(q: Result<Query<SearchQuery>, QueryRejection>) -> Result<Response, ApiError> {
    let Query(q) =
        q.map_err(|e| ApiError::bad_request(format!("the query is not ?q=words[&limit=N]: {}", e.body_text())))?;
    let words: Vec<&str> = q.q.as_deref().unwrap_or("").split_whitespace().collect();
    let terms = smtp_codes_report::search::terms(&words);
    if terms.is_empty() {
        return Err(ApiError::bad_request("nothing to search for: give ?q=words"));
    }
    let mut found = smtp_codes_report::search::find(&terms);
    if let Some(limit) = q.limit.filter(|&l| l > 0) {
        found.truncate(limit);
    }
    let mut out = Vec::new();
    for hit in &found {
        line(&mut out, hit)?;
    }
    Ok(ndjson(out))
}
