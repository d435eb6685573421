//! The page in a real browser: headless Chromium driven over WebDriver (chromedriver), against
//! the server on a free loopback port.
//!
//! Ignored by a plain `cargo test`, since it needs Debian's `chromium` and `chromium-driver`
//! (`apt-get install -y chromium chromium-driver`); `.ci/run` installs them and runs
//! `cargo test -p smtp-codes-server --test browser -- --ignored`. `CHROMEDRIVER` and `CHROMIUM`
//! name other binaries. Screenshots are written under `target/browser/`; with
//! `SMTP_CODES_UPDATE_SCREENSHOTS=1` the light and dark ones are also copied to `docs/`.
//!
//! The WebDriver client is a few lines of HTTP/1.1 over a `TcpStream` with serde_json: no
//! browser-automation crate, so nothing new to build.

use std::io::{Read, Write};
use std::net::{SocketAddr, TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use serde_json::{Value, json};

/// A bounce of three recipients: Gmail refusing for DMARC, a hard bounce, a full mailbox.
const BOUNCE: &str = "From: MAILER-DAEMON@mx.example.org
To: alice@example.com
Subject: Undelivered Mail Returned to Sender
MIME-Version: 1.0
Content-Type: multipart/report; report-type=delivery-status; boundary=\"b\"

--b
Content-Type: text/plain

Your message could not be delivered to some recipients.
--b
Content-Type: message/delivery-status

Reporting-MTA: dns; mx.example.org

Final-Recipient: rfc822; dave@gmail.com
Action: failed
Status: 5.7.26
Remote-MTA: dns; gmail-smtp-in.l.google.com
Diagnostic-Code: smtp; 550 5.7.26 Unauthenticated email from example.com is not accepted due to
 domain's DMARC policy. Please contact the administrator of example.com domain if this was a
 legitimate mail. To learn about the DMARC initiative, go to
 https://support.google.com/mail/?p=DmarcRejection

Final-Recipient: rfc822; bob@example.net
Action: failed
Status: 5.1.1
Diagnostic-Code: smtp; 550 5.1.1 <bob@example.net>: User unknown

Final-Recipient: rfc822; carol@example.net
Action: failed
Status: 5.2.2
Diagnostic-Code: smtp; 552 5.2.2 <carol@example.net>: Mailbox full
--b--
";

const ADDRESSES: [&str; 3] = ["bob@example.net", "carol@example.net", "dave@gmail.com"];

// ------------------------------------------------------------------------------ the server

/// The server on a free loopback port, in a thread of its own; stopped when dropped.
struct Server {
    addr: SocketAddr,
    stop: Option<tokio::sync::oneshot::Sender<()>>,
    thread: Option<std::thread::JoinHandle<()>>,
}

impl Server {
    fn start() -> Self {
        let listener = TcpListener::bind("127.0.0.1:0").expect("a free loopback port");
        let addr = listener.local_addr().unwrap();
        listener.set_nonblocking(true).unwrap();
        let (tx, rx) = tokio::sync::oneshot::channel::<()>();
        let thread = std::thread::spawn(move || {
            let rt = tokio::runtime::Builder::new_multi_thread().worker_threads(2).enable_all().build().unwrap();
            rt.block_on(async move {
                let listener = tokio::net::TcpListener::from_std(listener).unwrap();
                let config = smtp_codes_server::Config { access_log: false, ..Default::default() };
                smtp_codes_server::serve(listener, config, async {
                    let _ = rx.await;
                })
                .await
                .unwrap();
            });
        });
        Self { addr, stop: Some(tx), thread: Some(thread) }
    }

    fn url(&self) -> String {
        format!("http://{}/", self.addr)
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        if let Some(stop) = self.stop.take() {
            let _ = stop.send(());
        }
        if let Some(t) = self.thread.take() {
            let _ = t.join();
        }
    }
}

// ------------------------------------------------------------------------------ WebDriver

/// One request to chromedriver; the JSON answer's `value`. Panics on a WebDriver error.
fn http(addr: SocketAddr, method: &str, path: &str, body: Option<&Value>) -> Value {
    let body = body.map(Value::to_string).unwrap_or_default();
    let mut s = TcpStream::connect(addr).expect("chromedriver accepts connections");
    s.set_read_timeout(Some(Duration::from_secs(60))).unwrap();
    let req = format!(
        "{method} {path} HTTP/1.1\r\nHost: {addr}\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
        body.len()
    );
    s.write_all(req.as_bytes()).unwrap();
    // chromedriver says `Connection: close` but keeps the connection open: read what the
    // headers announce.
    let mut raw = Vec::new();
    let mut buf = [0u8; 65536];
    let payload = loop {
        let n = s.read(&mut buf).expect("chromedriver answers");
        assert!(n > 0, "{method} {path}: chromedriver closed the connection: {}", String::from_utf8_lossy(&raw));
        raw.extend_from_slice(&buf[..n]);
        let Some(split) = raw.windows(4).position(|w| w == b"\r\n\r\n") else { continue };
        let head = String::from_utf8_lossy(&raw[..split]).to_ascii_lowercase();
        let rest = &raw[split + 4..];
        if let Some(len) = head.lines().find_map(|l| l.strip_prefix("content-length:")) {
            let len: usize = len.trim().parse().expect("a Content-Length");
            if rest.len() >= len {
                break rest[..len].to_vec();
            }
        } else if head.contains("transfer-encoding: chunked") || head.contains("transfer-encoding:chunked") {
            if rest.ends_with(b"0\r\n\r\n") {
                break dechunk(rest);
            }
        } else {
            panic!("{method} {path}: an answer without a length: {head}");
        }
    };
    let v: Value = serde_json::from_slice(&payload)
        .unwrap_or_else(|e| panic!("{method} {path}: not JSON ({e}): {}", String::from_utf8_lossy(&payload)));
    let value = v.get("value").cloned().unwrap_or(Value::Null);
    if let Some(error) = value.get("error").and_then(Value::as_str) {
        panic!("{method} {path}: {error}: {}", value["message"].as_str().unwrap_or(""));
    }
    value
}

fn dechunk(mut b: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    while let Some(eol) = b.windows(2).position(|w| w == b"\r\n") {
        let size = usize::from_str_radix(String::from_utf8_lossy(&b[..eol]).trim(), 16).unwrap_or(0);
        if size == 0 {
            break;
        }
        out.extend_from_slice(&b[eol + 2..eol + 2 + size]);
        b = &b[eol + 2 + size + 2..];
    }
    out
}

fn which(name: &str) -> Option<PathBuf> {
    std::env::var_os("PATH")?.to_str()?.split(':').map(|d| Path::new(d).join(name)).find(|p| p.is_file())
}

/// chromedriver and a headless Chromium session; both ended when dropped.
struct Browser {
    driver: Child,
    addr: SocketAddr,
    session: String,
    /// Held while the browser runs: one browser at a time. Each picks a free port for its
    /// chromedriver by binding and releasing it, and two picked at once could be given the same
    /// one (a run once saw a connection reset by another test's chromedriver); two Chromiums at
    /// once on a 2-processor machine are slow besides.
    _one_at_a_time: std::sync::MutexGuard<'static, ()>,
}

/// See [`Browser::_one_at_a_time`].
static ONE_AT_A_TIME: std::sync::Mutex<()> = std::sync::Mutex::new(());

const TAB: &str = "\u{e004}";
const ENTER: &str = "\u{e007}";
const SHIFT: &str = "\u{e008}";
const CONTROL: &str = "\u{e009}";

const ELEMENT: &str = "element-6066-11e4-a52e-4f735466cecf";

impl Browser {
    fn start() -> Self {
        let need = "the browser test needs Chromium and chromedriver: `apt-get install -y chromium chromium-driver` \
                    (Debian), or set CHROMIUM and CHROMEDRIVER";
        let driver = std::env::var_os("CHROMEDRIVER").map(PathBuf::from).or_else(|| which("chromedriver"));
        let chromium = std::env::var_os("CHROMIUM")
            .map(PathBuf::from)
            .or_else(|| which("chromium"))
            .or_else(|| which("chromium-browser"));
        let (Some(driver), Some(chromium)) = (driver, chromium) else { panic!("{need}") };
        // A test that panicked with the lock held leaves nothing behind to protect.
        let one_at_a_time = ONE_AT_A_TIME.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
        let port = TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port();
        let child = Command::new(&driver)
            .arg(format!("--port={port}"))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap_or_else(|e| panic!("cannot run {}: {e}; {need}", driver.display()));
        let addr: SocketAddr = format!("127.0.0.1:{port}").parse().unwrap();
        let start = Instant::now();
        while TcpStream::connect(addr).is_err() {
            assert!(start.elapsed() < Duration::from_secs(20), "chromedriver did not start on {addr}");
            std::thread::sleep(Duration::from_millis(50));
        }
        let mut b = Self { driver: child, addr, session: String::new(), _one_at_a_time: one_at_a_time };
        let caps = json!({"capabilities": {"alwaysMatch": {
            "browserName": "chrome",
            "goog:chromeOptions": {
                "binary": chromium.to_string_lossy(),
                "args": ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                         "--window-size=1024,900", "--no-first-run", "--hide-scrollbars", "--lang=en-US"],
            },
        }}});
        let v = http(addr, "POST", "/session", Some(&caps));
        b.session = v["sessionId"].as_str().expect("a session id").to_owned();
        b
    }

    fn cmd(&self, method: &str, path: &str, body: Option<Value>) -> Value {
        http(self.addr, method, &format!("/session/{}{path}", self.session), body.as_ref())
    }

    fn goto(&self, url: &str) {
        self.cmd("POST", "/url", Some(json!({ "url": url })));
    }

    fn find(&self, css: &str) -> String {
        let v = self.cmd("POST", "/element", Some(json!({"using": "css selector", "value": css})));
        v[ELEMENT].as_str().unwrap_or_else(|| panic!("no element {css}: {v}")).to_owned()
    }

    fn click(&self, css: &str) {
        let e = self.find(css);
        self.cmd("POST", &format!("/element/{e}/click"), Some(json!({})));
    }

    fn type_into(&self, css: &str, text: &str) {
        let e = self.find(css);
        self.cmd("POST", &format!("/element/{e}/value"), Some(json!({ "text": text })));
    }

    fn clear(&self, css: &str) {
        let e = self.find(css);
        self.cmd("POST", &format!("/element/{e}/clear"), Some(json!({})));
    }

    /// Presses keys as a person would: each string typed in turn, the modifiers among them
    /// held until the end.
    fn keys(&self, keys: &[&str]) {
        let mut actions = Vec::new();
        let mut held = Vec::new();
        for k in keys {
            if [CONTROL, SHIFT].contains(k) {
                actions.push(json!({"type": "keyDown", "value": k}));
                held.push(*k);
                continue;
            }
            for c in k.chars() {
                actions.push(json!({"type": "keyDown", "value": c.to_string()}));
                actions.push(json!({"type": "keyUp", "value": c.to_string()}));
            }
        }
        for k in held.into_iter().rev() {
            actions.push(json!({"type": "keyUp", "value": k}));
        }
        self.cmd("POST", "/actions", Some(json!({"actions": [{"type": "key", "id": "keyboard", "actions": actions}]})));
        self.cmd("DELETE", "/actions", None);
    }

    fn js(&self, script: &str) -> Value {
        self.cmd("POST", "/execute/sync", Some(json!({"script": script, "args": []})))
    }

    fn js_async(&self, script: &str) -> Value {
        self.cmd("POST", "/execute/async", Some(json!({"script": script, "args": []})))
    }

    fn cdp(&self, cmd: &str, params: Value) -> Value {
        self.cmd("POST", "/goog/cdp/execute", Some(json!({"cmd": cmd, "params": params})))
    }

    /// Waits until the script's value is truthy; gives it.
    fn wait(&self, what: &str, script: &str) -> Value {
        let start = Instant::now();
        loop {
            let v = self.js(script);
            if !(v.is_null() || v == json!(false) || v == json!(0) || v == json!("")) {
                return v;
            }
            if start.elapsed() > Duration::from_secs(15) {
                let page = self.js(
                    "return [document.getElementById('status').textContent, document.getElementById('error').textContent].join(' | ')",
                );
                panic!("timed out waiting for {what}; the page says: {page}");
            }
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    fn cards(&self) -> Vec<Value> {
        let v = self.js("return [...document.querySelectorAll('#cards .card')].map(c => ({
                recipient: c.querySelector('.recipient').textContent,
                verdict: c.querySelector('.verdict').textContent,
                reason: (c.querySelector('.reason') || {}).textContent || null,
                marks: [...c.querySelectorAll('mark.rule')].map(m => m.textContent),
                links: [...c.querySelectorAll('a')].map(a => a.href),
                text: c.innerText,
            }))");
        v.as_array().cloned().unwrap_or_default()
    }

    /// The viewport as a phone or a desktop; `height` 0 for the page's whole height.
    fn viewport(&self, width: u32, height: u32, mobile: bool) {
        let height = if height == 0 {
            self.cdp(
                "Emulation.setDeviceMetricsOverride",
                json!({"width": width, "height": 800, "deviceScaleFactor": 1, "mobile": mobile}),
            );
            self.js("return document.documentElement.scrollHeight").as_u64().unwrap_or(800) as u32
        } else {
            height
        };
        self.cdp(
            "Emulation.setDeviceMetricsOverride",
            json!({"width": width, "height": height, "deviceScaleFactor": 1, "mobile": mobile}),
        );
    }

    fn dark(&self, on: bool) {
        let value = if on { "dark" } else { "light" };
        self.cdp("Emulation.setEmulatedMedia", json!({"features": [{"name": "prefers-color-scheme", "value": value}]}));
    }

    /// A PNG of the whole page at `width`, written to target/browser/NAME.png; gives the path.
    fn screenshot(&self, name: &str, width: u32, mobile: bool) -> PathBuf {
        self.screenshot_top(name, width, 0, mobile)
    }

    /// A PNG of the page's top `height` pixels (0: all of it) at `width`.
    fn screenshot_top(&self, name: &str, width: u32, height: u32, mobile: bool) -> PathBuf {
        self.js("document.getElementById('input').scrollTop = 0; window.scrollTo(0, 0); return true");
        self.viewport(width, height, mobile);
        let v = self.cdp("Page.captureScreenshot", json!({"format": "png"}));
        let png = base64(v["data"].as_str().expect("screenshot data"));
        assert!(png.starts_with(b"\x89PNG"), "a PNG");
        let dir = target().join("browser");
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join(format!("{name}.png"));
        std::fs::write(&path, &png).unwrap();
        eprintln!("screenshot: {}", path.display());
        self.viewport(width, 900, mobile);
        path
    }
}

impl Drop for Browser {
    fn drop(&mut self) {
        if !self.session.is_empty() {
            let _ = std::panic::catch_unwind(|| http(self.addr, "DELETE", &format!("/session/{}", self.session), None));
        }
        let _ = self.driver.kill();
        let _ = self.driver.wait();
    }
}

fn workspace() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn target() -> PathBuf {
    std::env::var_os("CARGO_TARGET_DIR").map_or_else(|| workspace().join("target"), PathBuf::from)
}

fn base64(s: &str) -> Vec<u8> {
    let value = |c: u8| match c {
        b'A'..=b'Z' => c - b'A',
        b'a'..=b'z' => c - b'a' + 26,
        b'0'..=b'9' => c - b'0' + 52,
        b'+' => 62,
        b'/' => 63,
        _ => panic!("not base64: {c}"),
    };
    let bytes: Vec<u8> = s.bytes().filter(|&c| c != b'=' && !c.is_ascii_whitespace()).map(value).collect();
    let mut out = Vec::with_capacity(bytes.len() * 3 / 4);
    for chunk in bytes.chunks(4) {
        let n = chunk.iter().enumerate().fold(0u32, |n, (i, &b)| n | (u32::from(b) << (18 - 6 * i)));
        out.extend_from_slice(&n.to_be_bytes()[1..chunk.len()]);
    }
    out
}

/// Every visible text whose contrast with its background is under WCAG AA's 4.5:1 (3:1 for
/// large text), as `[text, colour, background, ratio]`; details are opened to be checked too.
const LOW_CONTRAST: &str = r#"
const parse = (c) => { const m = c.match(/[\d.]+/g).map(Number); return m.length > 3 ? m : [...m, 1]; };
const lum = ([r, g, b]) => { const f = (v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; };
  return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b); };
const background = (e) => { for (; e; e = e.parentElement) { const c = parse(getComputedStyle(e).backgroundColor);
  if (c[3] > 0.5) return c; } return parse(getComputedStyle(document.body).backgroundColor); };
document.querySelectorAll('details').forEach((d) => { d.open = true; });
const bad = [];
for (const e of document.querySelectorAll('body *')) {
  const own = [...e.childNodes].some((n) => n.nodeType === 3 && n.textContent.trim());
  if (!own || !e.getClientRects().length || e.closest('.visually-hidden')) continue;
  const s = getComputedStyle(e);
  const fg = parse(s.color), bg = background(e);
  const [a, b] = [lum(fg), lum(bg)].sort((x, y) => y - x);
  const ratio = (a + 0.05) / (b + 0.05);
  const large = parseFloat(s.fontSize) >= 24 || (parseFloat(s.fontSize) >= 18.66 && Number(s.fontWeight) >= 700);
  if (ratio < (large ? 3 : 4.5)) bad.push([e.textContent.trim().slice(0, 40), s.color, getComputedStyle(e).backgroundColor, ratio.toFixed(2)]);
}
document.querySelectorAll('details').forEach((d) => { d.open = false; });
return bad;
"#;

/// Opens the page and explains the bounce, pasted; waits for its three cards. Any breach of
/// the page's content security policy is recorded in `window.cspViolations`.
fn paste_bounce(b: &Browser, server: &Server) {
    b.goto(&server.url());
    b.wait("the page's script", "return document.getElementById('detected') && document.readyState === 'complete'");
    b.js("window.cspViolations = []; document.addEventListener('securitypolicyviolation', (e) => window.cspViolations.push(e.violatedDirective + ' ' + e.blockedURI)); return true");
    b.type_into("#input", BOUNCE);
    let detected = b.js("return document.getElementById('detected').textContent");
    assert_eq!(detected, "Detected: a bounce message.");
    b.click("#go");
    b.wait("three cards", "return document.querySelectorAll('#cards .card').length === 3");
}

#[test]
#[ignore = "needs chromium and chromedriver (apt-get install -y chromium chromium-driver); .ci/run runs it"]
fn bounce_cards_redaction_and_copy() {
    let server = Server::start();
    let b = Browser::start();
    paste_bounce(&b, &server);

    let cards = b.cards();
    let got: Vec<(&str, &str, &str)> = cards
        .iter()
        .map(|c| (c["recipient"].as_str().unwrap(), c["reason"].as_str().unwrap(), c["verdict"].as_str().unwrap()))
        .collect();
    assert_eq!(
        got,
        [
            ("dave@gmail.com", "authfailure", "Soft bounce"),
            ("bob@example.net", "userunknown", "Hard bounce"),
            ("carol@example.net", "mailboxfull", "Soft bounce"),
        ]
    );
    // What decided is marked in the original text, whatever its case.
    assert_eq!(cards[0]["marks"], json!(["is not accepted due to domain's DMARC policy"]));
    assert_eq!(cards[1]["marks"], json!(["User unknown"]));
    assert_eq!(cards[2]["marks"], json!(["Mailbox full"]));
    // The codes' standard meanings, who acts, what to do, the provider and its documentation.
    let first = cards[1]["text"].as_str().unwrap();
    for want in [
        "Requested action not taken: mailbox unavailable",
        "Bad destination mailbox address",
        "Permanent",
        "What to do",
        "the phrase \u{201c}user unknown\u{201d}",
    ] {
        assert!(first.contains(want), "the hard bounce's card lacks {want:?}:\n{first}");
    }
    let gmail = cards[0]["text"].as_str().unwrap();
    assert!(gmail.contains("Gmail"), "{gmail}");
    assert!(
        cards[0]["links"].as_array().unwrap().iter().any(|l| l == "https://support.google.com/a/answer/3726730"),
        "{}",
        cards[0]
    );
    let status = b.js("return document.getElementById('status').textContent");
    assert_eq!(status, "3 recipients (a bounce message), 1 hard, 2 soft.");
    // Contrast (WCAG AA) of every text shown, in light and dark.
    assert_eq!(b.js(LOW_CONTRAST), json!([]), "low contrast in light");
    b.screenshot("page-light", 1024, false);
    b.dark(true);
    assert_eq!(b.js(LOW_CONTRAST), json!([]), "low contrast in dark");
    b.screenshot("page-dark", 1024, false);
    b.dark(false);

    // Redaction, switched by keyboard: no address is left in the cards or the JSON.
    b.type_into("#redact", " ");
    assert_eq!(b.js("return document.getElementById('redact').checked"), json!(true));
    let shown = b.js("return document.getElementById('cards').innerText").as_str().unwrap().to_owned();
    for a in ADDRESSES {
        assert!(!shown.contains(a), "{a} is still shown:\n{shown}");
    }
    assert!(shown.contains("redacted-1@gmail.com") && shown.contains("redacted-2@example.net"), "{shown}");

    // Copy as JSON: the clipboard (when the browser lets the page read it back) and the JSON
    // shown below hold every record, redacted.
    let _ = std::panic::catch_unwind(|| {
        b.cmd("POST", "/permissions", Some(json!({"descriptor": {"name": "clipboard-read"}, "state": "granted"})));
        b.cmd("POST", "/permissions", Some(json!({"descriptor": {"name": "clipboard-write"}, "state": "granted"})));
    });
    b.click("#copy");
    let said = b.wait("the copy to be reported", "return document.getElementById('copy-status').textContent");
    let visible = b.js("return document.getElementById('json').value").as_str().unwrap().to_owned();
    let mut copies = vec![visible];
    if said.as_str().unwrap().starts_with("Copied") {
        let clip = b.js_async("const done = arguments[arguments.length - 1]; navigator.clipboard.readText().then(done, e => done('refused: ' + e))");
        if let Some(clip) = clip.as_str().filter(|c| !c.starts_with("refused")) {
            copies.push(clip.to_owned());
        } else {
            eprintln!("the clipboard could not be read back ({clip}); checking the JSON shown");
        }
    } else {
        eprintln!("the browser refused to copy ({said}); checking the JSON shown");
    }
    for json in copies {
        let records: Vec<Value> = serde_json::from_str(&json).expect("the copied JSON parses");
        assert_eq!(records.len(), 3);
        assert_eq!(records[1]["recipient"], "redacted-2@example.net");
        assert_eq!(records[1]["reason"], "userunknown");
        for a in ADDRESSES {
            assert!(!json.contains(a), "{a} is in the copied JSON");
        }
    }
    // Switched off again, the addresses are back.
    b.click("#redact");
    assert!(b.js("return document.getElementById('cards').innerText").as_str().unwrap().contains("bob@example.net"));
    // Nothing the page did breached its policy (no inline script or style).
    assert_eq!(b.js("return window.cspViolations"), json!([]));
}

#[test]
#[ignore = "needs chromium and chromedriver (apt-get install -y chromium chromium-driver); .ci/run runs it"]
fn files_picked_and_dropped() {
    let server = Server::start();
    let b = Browser::start();
    b.goto(&server.url());
    b.wait("the page's script", "return document.readyState === 'complete'");

    // A file picked: Microsoft 365's bounce, read as a bounce by its name and explained at once.
    let eml = workspace().join("crates/smtp-codes-bounce/tests/data/formats/office365.eml");
    let eml = eml.canonicalize().expect("the sample bounce");
    b.type_into("#file", eml.to_str().unwrap());
    b.wait("a card for the picked file", "return document.querySelectorAll('#cards .card').length === 1");
    let cards = b.cards();
    assert_eq!(cards[0]["recipient"], "kijitora@example.com");
    assert_eq!(cards[0]["reason"], "userunknown");
    assert_eq!(cards[0]["marks"], json!(["Recipient not found"]));
    assert!(cards[0]["text"].as_str().unwrap().contains("Microsoft 365"), "{}", cards[0]);
    assert!(
        b.js("return document.getElementById('file-note').textContent").as_str().unwrap().contains("office365.eml")
    );

    // A log excerpt dropped on the box (a synthetic drop event with a real File).
    let log =
        std::fs::read_to_string(workspace().join("crates/smtp-codes-logs/tests/data/postfix-deliveries.log")).unwrap();
    let script = format!(
        "const dt = new DataTransfer();
         dt.items.add(new File([{log}], 'maillog.txt', {{type: 'text/plain'}}));
         document.getElementById('drop').dispatchEvent(new DragEvent('drop', {{dataTransfer: dt, bubbles: true, cancelable: true}}));
         return true;",
        log = serde_json::to_string(&log).unwrap()
    );
    b.js(&script);
    b.wait("the log's cards", "return document.getElementById('status').textContent.includes('mail-log')");
    assert_eq!(b.js("return document.getElementById('detected').textContent"), "Detected: a mail-log excerpt.");
    let cards = b.cards();
    assert!(cards.len() >= 3, "{cards:?}");
    let bounced = cards.iter().find(|c| c["recipient"] == "kijitora@example.org").expect("the bounced recipient");
    assert_eq!((&bounced["reason"], &bounced["verdict"]), (&json!("userunknown"), &json!("Hard bounce")));

    // ESP events dropped as a JSON file.
    let events =
        std::fs::read_to_string(workspace().join("crates/smtp-codes-events/tests/data/sendgrid-events.json")).unwrap();
    let script = script
        .replace(&serde_json::to_string(&log).unwrap(), &serde_json::to_string(&events).unwrap())
        .replace("maillog.txt", "events.json");
    b.js(&script);
    b.wait("the events' cards", "return document.getElementById('status').textContent.includes('ESP events')");
    assert!(!b.cards().is_empty());
}

#[test]
#[ignore = "needs chromium and chromedriver (apt-get install -y chromium chromium-driver); .ci/run runs it"]
fn phone_width_keyboard_errors_and_search() {
    let server = Server::start();
    let b = Browser::start();
    paste_bounce(&b, &server);

    // At a phone's width nothing scrolls sideways, in light and dark.
    b.viewport(360, 800, true);
    let fits = "return document.documentElement.scrollWidth <= document.documentElement.clientWidth";
    assert_eq!(b.js(fits), json!(true), "the page scrolls sideways at 360 px");
    b.screenshot("page-phone", 360, true);
    b.dark(true);
    assert_eq!(b.js(fits), json!(true));
    b.screenshot("page-phone-dark", 360, true);
    b.dark(false);
    b.viewport(1024, 900, false);

    // Keyboard: Tab from the top reaches the paste box (after the skip link), the focus is drawn,
    // and Ctrl+Enter explains.
    b.goto(&server.url());
    b.wait("the page's script", "return document.readyState === 'complete'");
    let mut seen = Vec::new();
    for _ in 0..4 {
        b.keys(&[TAB]);
        let v = b.js("const e = document.activeElement; const s = getComputedStyle(e);
             return [e.id || e.tagName, e.matches(':focus-visible'), s.outlineStyle, s.outlineWidth]");
        seen.push(v.to_string());
        assert_eq!((v[1].as_bool(), v[2].as_str()), (Some(true), Some("solid")), "the focus is not drawn: {v}");
        if v[0] == "input" {
            break;
        }
    }
    assert!(seen.last().is_some_and(|s| s.contains("\"input\"")), "Tab never reached the paste box: {seen:?}");
    b.keys(&["550 5.1.1 <someone@example.org>: Recipient address rejected: User unknown"]);
    b.keys(&[CONTROL, ENTER]);
    b.wait("the reply's card", "return document.querySelectorAll('#cards .card').length === 1");
    assert_eq!(b.js("return document.getElementById('detected').textContent"), "Detected: a reply line.");
    let card = &b.cards()[0];
    assert_eq!((&card["reason"], &card["verdict"]), (&json!("userunknown"), &json!("Hard bounce")));

    // An API error is shown: text that is no log, read as a log by the user's choice.
    b.clear("#input");
    b.type_into("#input", "hello there");
    b.js("const s = document.getElementById('kind'); s.value = 'logs'; s.dispatchEvent(new Event('change')); return true");
    assert!(
        b.js("return document.getElementById('detected').textContent")
            .as_str()
            .unwrap()
            .starts_with("Read as a mail-log excerpt (your choice")
    );
    b.click("#go");
    let error = b.wait(
        "the error",
        "return !document.getElementById('error').hidden && document.getElementById('error').textContent",
    );
    assert!(error.as_str().unwrap().contains("no line is in a known log format"), "{error}");
    assert_eq!(b.js("return document.querySelectorAll('#cards .card').length"), json!(0));

    // Hostile input is shown as text, never as markup.
    b.js("const s = document.getElementById('kind'); s.value = 'reply'; s.dispatchEvent(new Event('change')); return true");
    b.clear("#input");
    b.type_into(
        "#input",
        "550 5.7.1 <img src=x onerror=\"document.title='owned'\"><script>document.title='owned'</script>",
    );
    b.click("#go");
    b.wait("the hostile reply's card", "return document.querySelectorAll('#cards .card').length === 1");
    assert_eq!(b.js("return document.querySelectorAll('#cards img, #cards script').length"), json!(0));
    assert_ne!(b.js("return document.title"), json!("owned"));

    // The catalogue search.
    b.type_into("#q", "mailbox full");
    b.type_into("#q", ENTER);
    b.wait("search hits", "return document.querySelectorAll('#hits .hit').length > 0");
    let hits = b.js("return document.getElementById('hits').innerText").as_str().unwrap().to_owned();
    assert!(hits.contains("Mailbox full"), "{hits}");
    assert!(
        b.js("return document.getElementById('search-status').textContent").as_str().unwrap().contains("found for")
    );
}

#[test]
#[ignore = "needs chromium and chromedriver (apt-get install -y chromium chromium-driver); .ci/run runs it"]
fn screenshots_for_the_readme() {
    // Writes docs/page.png and docs/page-dark.png from the screenshots of the bounce's cards,
    // only when asked to, so that a test run never changes the checkout.
    if std::env::var_os("SMTP_CODES_UPDATE_SCREENSHOTS").is_none() {
        return;
    }
    let server = Server::start();
    let b = Browser::start();
    paste_bounce(&b, &server);
    // The paste box and the first cards: the README shows the top of the page.
    let light = b.screenshot_top("readme-light", 1024, 1600, false);
    b.dark(true);
    let dark = b.screenshot_top("readme-dark", 1024, 1600, false);
    std::fs::copy(light, workspace().join("docs/page.png")).unwrap();
    std::fs::copy(dark, workspace().join("docs/page-dark.png")).unwrap();
}
