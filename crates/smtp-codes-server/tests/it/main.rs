//! Tests of the HTTP API: every endpoint and error status in process, the limits (body cap,
//! time limit, token), hostile bodies, and a real socket.

mod api;
mod openapi;
mod socket;

use axum::Router;
use axum::body::Body;
use axum::http::{Request, StatusCode};
use smtp_codes_server::{Config, app};
use tower::ServiceExt;

/// The app with the access log off.
fn quiet(config: Config) -> Router {
    app(Config { access_log: false, ..config })
}

/// Sends one request to `router` and gives the status, the content type and the body.
async fn send(router: Router, req: Request<Body>) -> (StatusCode, String, Vec<u8>) {
    let r = router.oneshot(req).await.expect("the router answers");
    let status = r.status();
    let kind = r.headers().get("content-type").and_then(|v| v.to_str().ok()).unwrap_or("").to_owned();
    let body = axum::body::to_bytes(r.into_body(), usize::MAX).await.expect("a body").to_vec();
    (status, kind, body)
}

fn post(path: &str, content_type: &str, body: impl Into<Body>) -> Request<Body> {
    Request::post(path).header("content-type", content_type).body(body.into()).expect("a request")
}

fn get(path: &str) -> Request<Body> {
    Request::get(path).body(Body::empty()).expect("a request")
}

/// The JSON error of a body: its status and message.
fn error(body: &[u8]) -> (u64, String) {
    let v: serde_json::Value =
        serde_json::from_slice(body).unwrap_or_else(|e| panic!("{e}: {}", String::from_utf8_lossy(body)));
    (v["error"]["status"].as_u64().expect("a status"), v["error"]["message"].as_str().expect("a message").to_owned())
}
