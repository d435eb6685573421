//! Load on loopback: the server on a free loopback port, CLIENTS keep-alive connections sending
//! `POST /api/v1/explain` (or `/api/v1/bounce`) for SECONDS; prints requests a second, p50 and
//! p99 latency, errors, and beside them the in-process cost of the same work (classify and write
//! the JSON), so the server's own cost per request is the difference.
//!
//! ```text
//! cargo run --release -p smtp-codes-server --example load -- [explain|bounce] [CLIENTS] [SECONDS]
//! ```

use std::time::{Duration, Instant};

use smtp_codes::classify::{Context, explain_with};
use smtp_codes_report::{BounceRecord, Explained};
use tokio::io::{AsyncBufReadExt, AsyncReadExt, AsyncWriteExt, BufReader};
use tokio::net::{TcpListener, TcpStream};

const TEXT: &str = "host gmail-smtp-in.l.google.com[192.0.2.27] said: 550-5.1.1 The email account that you tried to reach does not exist. 550 5.1.1 https://support.google.com/mail/?p=NoSuchUser - gsmtp (in reply to RCPT TO command)";

const BOUNCE: &str = "From: MAILER-DAEMON@mx.example.org\nSubject: Undelivered Mail Returned to Sender\nMIME-Version: 1.0\nContent-Type: multipart/report; report-type=delivery-status; boundary=\"b\"\n\n--b\nContent-Type: text/plain\n\nYour message could not be delivered.\n--b\nContent-Type: message/delivery-status\n\nReporting-MTA: dns; mx.example.org\n\nFinal-Recipient: rfc822; bob@example.net\nAction: failed\nStatus: 5.1.1\nDiagnostic-Code: smtp; 550 5.1.1 <bob@example.net>: User unknown\n--b--\n";

/// The in-process cost of one request's work, in microseconds (median of many).
fn in_process(bounce: bool) -> f64 {
    let mut times = Vec::new();
    for _ in 0..20_000 {
        let start = Instant::now();
        let mut out = Vec::new();
        if bounce {
            let d = smtp_codes_bounce::decode(BOUNCE.as_bytes());
            let file = serde_json::Value::String("-".to_owned());
            for r in BounceRecord::all(&file, 1, &d) {
                smtp_codes_report::write_json_line(&mut out, &r).unwrap();
            }
        } else {
            let context = Context::new();
            let e = explain_with(TEXT.as_bytes(), &context);
            smtp_codes_report::write_json_line(&mut out, &Explained::new(TEXT.as_bytes(), &e, &context)).unwrap();
        }
        std::hint::black_box(&out);
        times.push(start.elapsed().as_secs_f64() * 1e6);
    }
    times.sort_by(f64::total_cmp);
    times[times.len() / 2]
}

/// Sends requests on one keep-alive connection until `until`; gives each latency in µs and the
/// count of answers that were not 200.
async fn client(addr: std::net::SocketAddr, path: &'static str, body: &'static str, until: Instant) -> (Vec<f64>, u64) {
    let stream = TcpStream::connect(addr).await.expect("connects");
    stream.set_nodelay(true).expect("nodelay");
    let (read, mut write) = stream.into_split();
    let mut read = BufReader::new(read);
    let request = format!(
        "POST {path} HTTP/1.1\r\nHost: localhost\r\nContent-Type: text/plain\r\nContent-Length: {}\r\n\r\n{body}",
        body.len()
    );
    let (mut times, mut bad) = (Vec::new(), 0);
    let mut line = String::new();
    while Instant::now() < until {
        let start = Instant::now();
        write.write_all(request.as_bytes()).await.expect("writes");
        line.clear();
        read.read_line(&mut line).await.expect("a status line");
        if !line.starts_with("HTTP/1.1 200") {
            bad += 1;
        }
        let mut length = 0usize;
        loop {
            line.clear();
            read.read_line(&mut line).await.expect("a header");
            if line == "\r\n" {
                break;
            }
            if let Some(v) = line.to_ascii_lowercase().strip_prefix("content-length:") {
                length = v.trim().parse().expect("a length");
            }
        }
        let mut body = vec![0u8; length];
        read.read_exact(&mut body).await.expect("the body");
        times.push(start.elapsed().as_secs_f64() * 1e6);
    }
    (times, bad)
}

#[tokio::main]
async fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let bounce = args.first().is_some_and(|a| a == "bounce");
    let clients: usize = args.get(1).and_then(|a| a.parse().ok()).unwrap_or(16);
    let seconds: u64 = args.get(2).and_then(|a| a.parse().ok()).unwrap_or(5);
    let (path, body) = if bounce { ("/api/v1/bounce", BOUNCE) } else { ("/api/v1/explain", TEXT) };
    let listener = TcpListener::bind("127.0.0.1:0").await.expect("a loopback port");
    let addr = listener.local_addr().expect("an address");
    let config = smtp_codes_server::Config { access_log: false, concurrency: 256, ..Default::default() };
    tokio::spawn(
        async move { smtp_codes_server::serve(listener, config, std::future::pending()).await.expect("serves") },
    );
    // Warm up: the classifier's automaton is built on first use.
    let _ = client(addr, path, body, Instant::now() + Duration::from_millis(300)).await;
    let until = Instant::now() + Duration::from_secs(seconds);
    let tasks: Vec<_> = (0..clients).map(|_| tokio::spawn(client(addr, path, body, until))).collect();
    let started = Instant::now();
    let (mut all, mut bad) = (Vec::new(), 0);
    for t in tasks {
        let (times, b) = t.await.expect("a client");
        all.extend(times);
        bad += b;
    }
    let elapsed = started.elapsed().as_secs_f64();
    all.sort_by(f64::total_cmp);
    let pick = |q: f64| all.get(((all.len() as f64 - 1.0) * q) as usize).copied().unwrap_or(f64::NAN);
    let work = in_process(bounce);
    println!("machine: {} processors", std::thread::available_parallelism().map_or(0, |n| n.get()));
    println!("{path}: {clients} clients, {seconds} s, {} requests, {bad} not 200", all.len());
    println!("  {:.0} requests a second", all.len() as f64 / elapsed);
    println!("  latency p50 {:.0} µs, p99 {:.0} µs", pick(0.5), pick(0.99));
    println!("  in-process work per request (median): {work:.1} µs");
    // With one client the round trip minus the work is what the server (and the loopback
    // socket and this client) add to a request; with many, latency also holds the queueing of
    // the clients sharing these cores with the server.
    println!("  round trip minus work at p50: {:.1} µs", pick(0.5) - work);
}
