//! The sample logs in `tests/data` (sources in its README.md), each with the outcomes it must
//! give.

use std::path::PathBuf;

use smtp_codes_logs::{LogFormat, Options, Outcome, OutcomeKind, Scanner};

fn scan(name: &str) -> (Vec<Outcome>, Scanner) {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/data").join(name);
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let mut scanner = Scanner::new(Options { year: (2024, 12), ..Options::default() });
    let mut out = Vec::new();
    // fail2ban's files carry their test expectations as `# failJSON: ...` comment lines.
    for line in text.lines().filter(|l| !l.starts_with('#')) {
        scanner.push(line, &mut out);
    }
    scanner.finish(&mut out);
    (out, scanner)
}

/// (kind, recipient) of every outcome, in order.
fn kinds(out: &[Outcome]) -> Vec<(OutcomeKind, Option<&str>)> {
    out.iter().map(|o| (o.kind(), o.recipient())).collect()
}

#[test]
fn fail2ban_postfix_rejects_are_inbound_refusals() {
    let (out, scanner) = scan("fail2ban-postfix.log");
    assert!(!out.is_empty());
    assert!(out.iter().all(|o| o.kind() == OutcomeKind::Rejected), "{:?}", kinds(&out));
    assert!(out.iter().all(|o| o.format() == LogFormat::Postfix));
    let relay = out.iter().find(|o| o.reply().contains("Relay access denied")).expect("the relay-denied reject");
    assert_eq!(relay.recipient(), Some("smtp@example.org"));
    assert_eq!(relay.sender(), Some("john@example.com"));
    assert_eq!(relay.client(), Some("1-2-3-4-example.com[1.2.3.4]"));
    assert_eq!(scanner.stats().unknown, 0, "{:?}", scanner.stats().unknown_examples);
}
