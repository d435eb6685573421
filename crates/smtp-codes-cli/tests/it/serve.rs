//! `smtp-codes serve`: over a real socket, each answer is byte for byte what the command line
//! prints for the same input; the token rule; SIGTERM stops it.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::PathBuf;
use std::process::{Child, Stdio};

use super::{command, run, run_with_stdin, stderr, stdout};

/// A running `smtp-codes serve` on a free loopback port, stopped when dropped.
struct Server {
    child: Child,
    addr: String,
}

impl Server {
    fn start(extra: &[&str]) -> Self {
        let mut args = vec!["serve", "--listen", "127.0.0.1:0", "--quiet"];
        args.extend_from_slice(extra);
        let mut child = command(&args)
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .expect("serve starts");
        let mut line = String::new();
        BufReader::new(child.stderr.as_mut().expect("piped")).read_line(&mut line).expect("the listening line");
        let addr = line
            .split("http://")
            .nth(1)
            .and_then(|r| r.split('/').next())
            .unwrap_or_else(|| panic!("{line}"))
            .to_owned();
        Self { child, addr }
    }

    /// The body of the answer to one request, and its status line.
    fn request(&self, method: &str, path: &str, body: &[u8], headers: &[&str]) -> (String, Vec<u8>) {
        let mut s = TcpStream::connect(&self.addr).expect("connects");
        let mut req = format!(
            "{method} {path} HTTP/1.1\r\nHost: localhost\r\nContent-Length: {}\r\nConnection: close\r\n",
            body.len()
        );
        for h in headers {
            req.push_str(h);
            req.push_str("\r\n");
        }
        req.push_str("\r\n");
        s.write_all(req.as_bytes()).unwrap();
        s.write_all(body).unwrap();
        let mut out = Vec::new();
        s.read_to_end(&mut out).unwrap();
        let split = out.windows(4).position(|w| w == b"\r\n\r\n").expect("headers end");
        let head = String::from_utf8_lossy(&out[..split]).into_owned();
        let mut body = out[split + 4..].to_vec();
        if head.to_ascii_lowercase().contains("transfer-encoding: chunked") {
            body = unchunk(&body);
        }
        (head.lines().next().unwrap_or("").to_owned(), body)
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn unchunk(mut b: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    loop {
        let end = b.windows(2).position(|w| w == b"\r\n").expect("a chunk size");
        let size = usize::from_str_radix(std::str::from_utf8(&b[..end]).unwrap().trim(), 16).unwrap();
        if size == 0 {
            return out;
        }
        out.extend_from_slice(&b[end + 2..end + 2 + size]);
        b = &b[end + 4 + size..];
    }
}

fn data(path: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..").join(path)
}

#[test]
fn every_answer_is_the_command_lines_json() {
    let server = Server::start(&[]);
    let text = "550 5.1.1 <bob@example.org>: User unknown (in reply to RCPT TO command)";
    let (status, body) = server.request("POST", "/api/v1/explain", text.as_bytes(), &["Content-Type: text/plain"]);
    assert!(status.contains("200"), "{status}");
    assert_eq!(String::from_utf8(body).unwrap(), stdout(&run(&["explain", "--json", text])));
    let json = br#"{"text": "452 4.2.2 Mailbox full", "command": "RCPT", "remote_host": "gmail-smtp-in.l.google.com"}"#;
    let (_, body) = server.request("POST", "/api/v1/explain", json, &["Content-Type: application/json"]);
    let cli = run(&[
        "explain",
        "--json",
        "--command",
        "RCPT",
        "--remote-host",
        "gmail-smtp-in.l.google.com",
        "452 4.2.2 Mailbox full",
    ]);
    assert_eq!(String::from_utf8(body).unwrap(), stdout(&cli), "{}", stderr(&cli));
    // Bounce messages, one and an mbox.
    for sample in [
        "crates/smtp-codes-bounce/tests/data/formats/qmail.eml",
        "crates/smtp-codes-bounce/tests/data/formats/exim.eml",
    ] {
        let bytes = std::fs::read(data(sample)).unwrap();
        let (_, body) = server.request("POST", "/api/v1/bounce", &bytes, &["Content-Type: message/rfc822"]);
        let cli = run_with_stdin(&["bounce", "--json"], &bytes);
        assert_eq!(String::from_utf8(body).unwrap(), stdout(&cli), "{sample}");
    }
    // Classify.
    let jsonl = b"{\"text\": \"550 5.1.1 User unknown\"}\n{\"text\": \"421 4.7.0 Try again later\", \"index\": 2}\n";
    let (_, body) = server.request("POST", "/api/v1/classify", jsonl, &["Content-Type: application/x-ndjson"]);
    assert_eq!(String::from_utf8(body).unwrap(), stdout(&run_with_stdin(&["classify", "--jsonl", "--json"], jsonl)));
    // Logs: the records are `logs --json`'s lines, the summary `logs --summary --json`.
    let log = std::fs::read(data("crates/smtp-codes-logs/tests/data/exim-deliveries.log")).unwrap();
    let (_, body) = server.request("POST", "/api/v1/logs", &log, &["Content-Type: text/plain"]);
    let v: serde_json::Value = serde_json::from_slice(&body).unwrap();
    let records = stdout(&run_with_stdin(&["logs", "--json"], &log));
    let cli: Vec<serde_json::Value> = records.lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert_eq!(v["records"].as_array().unwrap(), &cli);
    let summary: serde_json::Value =
        serde_json::from_str(&stdout(&run_with_stdin(&["logs", "--summary", "--json"], &log))).unwrap();
    assert_eq!(v["summary"], summary);
    // And byte for byte, the records in their order of fields.
    let text = String::from_utf8(body).unwrap();
    for line in records.lines() {
        assert!(text.contains(line), "{line}");
    }
    // Events.
    let events = std::fs::read(data("crates/smtp-codes-events/tests/data/sendgrid-events.json")).unwrap();
    let (_, body) = server.request("POST", "/api/v1/events", &events, &["Content-Type: application/json"]);
    assert_eq!(String::from_utf8(body).unwrap(), stdout(&run_with_stdin(&["events", "--json"], &events)));
    // Lookup and search.
    let (_, body) = server.request("GET", "/api/v1/lookup/5.7.1", b"", &[]);
    assert_eq!(String::from_utf8(body).unwrap(), stdout(&run(&["lookup", "--json", "5.7.1"])));
    let (_, body) = server.request("GET", "/api/v1/search?q=mailbox+full", b"", &[]);
    assert_eq!(String::from_utf8(body).unwrap(), stdout(&run(&["search", "--json", "mailbox", "full"])));
}

#[test]
fn listening_beyond_loopback_needs_a_token() {
    let o = run(&["serve", "--listen", "0.0.0.0:0"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("refusing to listen on 0.0.0.0:0 without a token"), "{}", stderr(&o));
    // With a token the server runs and every request needs it.
    let server = Server::start(&["--token", "s3cret"]);
    let (status, body) = server.request("GET", "/api/v1/health", b"", &[]);
    assert!(status.contains("401"), "{status}");
    assert!(String::from_utf8_lossy(&body).contains("Bearer"));
    let (status, _) = server.request("GET", "/api/v1/health", b"", &["Authorization: Bearer s3cret"]);
    assert!(status.contains("200"), "{status}");
}

#[cfg(unix)]
#[test]
fn sigterm_stops_the_server() {
    let mut server = Server::start(&[]);
    let (status, _) = server.request("GET", "/api/v1/health", b"", &[]);
    assert!(status.contains("200"));
    let pid = server.child.id().to_string();
    let killed = std::process::Command::new("kill").args(["-TERM", &pid]).status().expect("kill runs");
    assert!(killed.success());
    let status = server.child.wait().expect("the server ends");
    assert!(status.success(), "{status:?}");
}
