//! `smtp-codes serve`: a local HTTP API over smtp-codes, and the paste-a-bounce page.
//!
//! Every answer is the JSON of `smtp-codes-report`, written as the command line writes it, so a
//! response body is byte for byte what `smtp-codes ... --json` prints for the same input.
//!
//! | method and path | body | answer |
//! |---|---|---|
//! | `GET /` | | the page (and its `/app.js`, `/style.css`) |
//! | `GET /api/v1/health` | | `{"status": "ok", "version", "schema_version"}` |
//! | `POST /api/v1/explain` | `text/plain`, or JSON `{text, command, remote_host}` | `explained` (`explain --json`) |
//! | `POST /api/v1/bounce` | one message or an mbox | `bounce-record` JSON Lines (`bounce --json -`) |
//! | `POST /api/v1/classify` | JSON Lines or a JSON array of `classify-input` | `classify-record` JSON Lines (`classify --jsonl --json -`) |
//! | `POST /api/v1/logs` | a log excerpt | `{"summary", "records"}` (`logs --summary --json`, `logs --json`) |
//! | `POST /api/v1/events` | ESP events | `event-record` JSON Lines (`events --json -`) |
//! | `GET /api/v1/lookup/{code}` | | `lookup` (`lookup --json CODE`) |
//! | `GET /api/v1/search?q=` | | `search-hit` JSON Lines (`search --json WORDS`) |
//! | `GET /api/v1/openapi.json` | | the OpenAPI 3.1 document of the above |
//!
//! Limits ([`Config`]): a body cap (413), a time limit per request (408), a cap on requests
//! worked on at once (more wait), and a bearer token, required when the server listens
//! anywhere but loopback. Every 4xx and 5xx answer is a JSON error saying what was wrong. The
//! server stores nothing and makes no outbound connection; its access log (standard error)
//! carries method, path, status, size and time, never bodies or client addresses.
//!
//! ```no_run
//! # async fn run() -> std::io::Result<()> {
//! let listener = tokio::net::TcpListener::bind("127.0.0.1:8025").await?;
//! smtp_codes_server::serve(listener, smtp_codes_server::Config::default(), std::future::pending()).await
//! # }
//! ```

mod api;
mod error;

pub use api::{MAX_LINES, MAX_TEXT};

use std::future::Future;
use std::time::{Duration, Instant};

use axum::Router;
use axum::extract::{DefaultBodyLimit, Request, State};
use axum::http::{HeaderValue, StatusCode, header};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
pub use error::ApiError;

/// How the server runs.
#[derive(Clone, Debug)]
pub struct Config {
    /// The largest request body read, in bytes (default 32 MiB: the bounce decoder's message
    /// cap).
    pub max_body: usize,
    /// The longest a request may take, reading its body included (default 30 s).
    pub timeout: Duration,
    /// The most requests worked on at once; more wait (default 64).
    pub concurrency: usize,
    /// When set, every request must carry `Authorization: Bearer <token>`.
    pub token: Option<String>,
    /// Whether to write an access-log line per request on standard error.
    pub access_log: bool,
}

impl Default for Config {
    fn default() -> Self {
        Self {
            max_body: smtp_codes_bounce::MAX_MESSAGE,
            timeout: Duration::from_secs(30),
            concurrency: 64,
            token: None,
            access_log: true,
        }
    }
}

/// The page, its script and its styles, embedded: no CDN, works offline.
const INDEX: &str = include_str!("../assets/index.html");
const APP_JS: &str = include_str!("../assets/app.js");
const STYLE_CSS: &str = include_str!("../assets/style.css");

/// The page's policy: its own script and styles only, no inline script or style, no frames,
/// connections to this server only.
pub const PAGE_CSP: &str = "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self' data:; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";
const OPENAPI: &str = include_str!("../assets/openapi.json");

/// The router of every path, with the limits of `config`.
pub fn app(config: Config) -> Router {
    let api = Router::new()
        .route("/api/v1/health", get(api::health))
        .route("/api/v1/explain", post(api::explain_reply))
        .route("/api/v1/bounce", post(api::bounce))
        .route("/api/v1/classify", post(api::classify))
        .route("/api/v1/logs", post(api::logs))
        .route("/api/v1/events", post(api::events))
        .route("/api/v1/lookup/{code}", get(api::lookup))
        .route("/api/v1/search", get(api::search))
        .route("/api/v1/openapi.json", get(openapi))
        .route("/", get(index))
        .route("/app.js", get(app_js))
        .route("/style.css", get(style_css))
        .fallback(not_found)
        .method_not_allowed_fallback(method_not_allowed);
    let timeout = config.timeout;
    let token = config.token.clone();
    let log = config.access_log;
    api.layer(DefaultBodyLimit::max(config.max_body))
        .layer(middleware::from_fn_with_state(token, authorise))
        .layer(middleware::from_fn_with_state(timeout, time_limit))
        .layer(tower::limit::ConcurrencyLimitLayer::new(config.concurrency.max(1)))
        .layer(middleware::from_fn_with_state(log, access_log))
}

/// Serves `app(config)` on `listener` until `shutdown` completes, then finishes the requests in
/// flight. A client that has not sent a whole request head within [`Config::timeout`] is cut
/// off (so slow clients cannot hold connections), as is one whose request takes longer.
///
/// # Errors
/// Never, today: a failed accept (out of file descriptors, say) is waited out and retried.
pub async fn serve(
    listener: tokio::net::TcpListener,
    config: Config,
    shutdown: impl Future<Output = ()> + Send + 'static,
) -> std::io::Result<()> {
    use hyper_util::rt::{TokioIo, TokioTimer};
    let timeout = config.timeout;
    let app = app(config);
    let graceful = hyper_util::server::graceful::GracefulShutdown::new();
    let mut shutdown = std::pin::pin!(shutdown);
    loop {
        tokio::select! {
            accepted = listener.accept() => {
                let Ok((stream, _)) = accepted else {
                    // Too many open files and the like: wait for connections to close.
                    tokio::time::sleep(Duration::from_millis(50)).await;
                    continue;
                };
                // Answers go out at once, not held back to fill a segment (as axum::serve does).
                let _ = stream.set_nodelay(true);
                let service = hyper_util::service::TowerToHyperService::new(app.clone());
                let connection = hyper::server::conn::http1::Builder::new()
                    .timer(TokioTimer::new())
                    .header_read_timeout(timeout)
                    .serve_connection(TokioIo::new(stream), service);
                let watched = graceful.watch(connection);
                tokio::spawn(async move {
                    // A connection's own failure (a client that went away) is its alone.
                    let _ = watched.await;
                });
            }
            () = &mut shutdown => break,
        }
    }
    drop(listener);
    graceful.shutdown().await;
    Ok(())
}

/// A file of the page with the page's headers: its policy, no sniffing, no caching (a new
/// binary brings a new page).
fn asset(content_type: &'static str, body: &'static str) -> Response {
    let mut r = ([(header::CONTENT_TYPE, content_type)], body).into_response();
    let h = r.headers_mut();
    h.insert(header::CONTENT_SECURITY_POLICY, HeaderValue::from_static(PAGE_CSP));
    h.insert(header::X_CONTENT_TYPE_OPTIONS, HeaderValue::from_static("nosniff"));
    h.insert(header::REFERRER_POLICY, HeaderValue::from_static("no-referrer"));
    h.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-cache"));
    r
}

async fn index() -> Response {
    asset("text/html; charset=utf-8", INDEX)
}

async fn app_js() -> Response {
    asset("text/javascript; charset=utf-8", APP_JS)
}

async fn style_css() -> Response {
    asset("text/css; charset=utf-8", STYLE_CSS)
}

async fn openapi() -> Response {
    ([(header::CONTENT_TYPE, "application/json")], OPENAPI).into_response()
}

async fn not_found(req: Request) -> ApiError {
    ApiError::new(StatusCode::NOT_FOUND, format!("no such path: {}", req.uri().path()))
}

async fn method_not_allowed(req: Request) -> ApiError {
    ApiError::new(StatusCode::METHOD_NOT_ALLOWED, format!("{} is not allowed on {}", req.method(), req.uri().path()))
}

/// Refuses a request without the bearer token, when one is set.
async fn authorise(State(token): State<Option<String>>, req: Request, next: Next) -> Response {
    if let Some(token) = token {
        let given = req
            .headers()
            .get(header::AUTHORIZATION)
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.strip_prefix("Bearer "));
        if !given.is_some_and(|g| same(g.as_bytes(), token.as_bytes())) {
            return ApiError::new(StatusCode::UNAUTHORIZED, "this server needs `Authorization: Bearer <token>`")
                .into_response();
        }
    }
    next.run(req).await
}

/// Compares two secrets in time that depends on their lengths only.
fn same(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

/// Answers 408 when a request (reading its body included) takes longer than `limit`.
async fn time_limit(State(limit): State<Duration>, req: Request, next: Next) -> Response {
    match tokio::time::timeout(limit, next.run(req)).await {
        Ok(r) => r,
        Err(_) => ApiError::new(
            StatusCode::REQUEST_TIMEOUT,
            format!("the request took longer than {} s (--timeout)", limit.as_secs_f64()),
        )
        .into_response(),
    }
}

/// One line per request on standard error: method, path, status, size and time; never the
/// body, the query string or the client's address.
async fn access_log(State(on): State<bool>, req: Request, next: Next) -> Response {
    if !on {
        return next.run(req).await;
    }
    let (method, path) = (req.method().clone(), req.uri().path().to_owned());
    let start = Instant::now();
    let r = next.run(req).await;
    let size = axum::body::HttpBody::size_hint(r.body()).exact().map_or_else(|| "-".to_owned(), |n| n.to_string());
    // A closed standard error must not stop the server: the line is dropped.
    let _ = std::io::Write::write_all(
        &mut std::io::stderr(),
        format!("{method} {path} {} {size} {:.3}ms\n", r.status().as_u16(), start.elapsed().as_secs_f64() * 1e3)
            .as_bytes(),
    );
    r
}
