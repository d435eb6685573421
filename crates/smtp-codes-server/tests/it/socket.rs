//! Over a real socket: the server on loopback answers, several clients at once are all
//! answered, a client that never finishes its headers does not hold the others, and a graceful
//! shutdown lets the request in flight finish.

use std::time::Duration;

use smtp_codes_server::{Config, serve};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};

/// Starts a server on a free loopback port; gives its address and the sender that stops it.
async fn start(
    config: Config,
) -> (std::net::SocketAddr, tokio::sync::oneshot::Sender<()>, tokio::task::JoinHandle<()>) {
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    let (tx, rx) = tokio::sync::oneshot::channel::<()>();
    let handle = tokio::spawn(async move {
        serve(listener, Config { access_log: false, ..config }, async {
            let _ = rx.await;
        })
        .await
        .unwrap();
    });
    (addr, tx, handle)
}

/// One HTTP/1.1 request with `Connection: close`; the whole answer as text.
async fn request(addr: std::net::SocketAddr, method: &str, path: &str, body: &str) -> String {
    let mut s = TcpStream::connect(addr).await.unwrap();
    let req = format!(
        "{method} {path} HTTP/1.1\r\nHost: localhost\r\nContent-Type: text/plain\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
        body.len()
    );
    s.write_all(req.as_bytes()).await.unwrap();
    let mut out = Vec::new();
    s.read_to_end(&mut out).await.unwrap();
    String::from_utf8_lossy(&out).into_owned()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn many_clients_are_all_answered() {
    let (addr, stop, handle) = start(Config::default()).await;
    let mut tasks = Vec::new();
    for i in 0..64 {
        tasks.push(tokio::spawn(async move {
            request(addr, "POST", "/api/v1/explain", &format!("550 5.1.1 <user{i}@example.org>: User unknown")).await
        }));
    }
    for t in tasks {
        let answer = t.await.unwrap();
        assert!(answer.starts_with("HTTP/1.1 200"), "{answer}");
        assert!(answer.contains("\"reason\":\"userunknown\""));
    }
    stop.send(()).unwrap();
    handle.await.unwrap();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_client_that_never_finishes_does_not_hold_the_others() {
    let (addr, stop, handle) = start(Config { timeout: Duration::from_millis(300), ..Config::default() }).await;
    // Headers promise a body that never comes.
    let mut slow = TcpStream::connect(addr).await.unwrap();
    slow.write_all(b"POST /api/v1/bounce HTTP/1.1\r\nHost: x\r\nContent-Length: 100000\r\n\r\nFrom: a").await.unwrap();
    let answer = request(addr, "GET", "/api/v1/health", "").await;
    assert!(answer.starts_with("HTTP/1.1 200"), "{answer}");
    // The slow one is cut off with a 408.
    let mut out = Vec::new();
    tokio::time::timeout(Duration::from_secs(5), slow.read_to_end(&mut out)).await.expect("cut off in time").unwrap();
    let out = String::from_utf8_lossy(&out);
    assert!(out.starts_with("HTTP/1.1 408"), "{out}");
    stop.send(()).unwrap();
    handle.await.unwrap();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_client_that_never_finishes_its_headers_is_cut_off() {
    let (addr, stop, handle) = start(Config { timeout: Duration::from_millis(300), ..Config::default() }).await;
    let mut slow = TcpStream::connect(addr).await.unwrap();
    slow.write_all(b"GET /api/v1/health HTTP/1.1\r\nHost: x\r\n").await.unwrap();
    let mut out = Vec::new();
    tokio::time::timeout(Duration::from_secs(5), slow.read_to_end(&mut out)).await.expect("closed in time").unwrap();
    // Others are served meanwhile and after.
    let answer = request(addr, "GET", "/api/v1/health", "").await;
    assert!(answer.starts_with("HTTP/1.1 200"), "{answer}");
    stop.send(()).unwrap();
    handle.await.unwrap();
}
