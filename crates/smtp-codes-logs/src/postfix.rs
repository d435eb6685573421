//! Postfix's log lines: the delivery agents' `to=... status=` lines, qmgr's arrivals and
//! expiries, cleanup's message ids, smtpd's and postscreen's rejects, and the daemons' warnings.
//! The layout is Postfix's `log_adhoc.c`; other instances' `syslog_name` (`postfix-out/smtp`) are
//! read alike.

use crate::event::{Event, Severity, Status, field, find, rfind, split_all, split_once, unbracket};

/// The Postfix daemons whose lines are read; a program whose last path part is one of these
/// (`postfix/smtp`, `postfix-out/smtp`, `postfix/submission/smtpd`) is Postfix.
const DAEMONS: &[&str] = &[
    "smtp",
    "lmtp",
    "local",
    "virtual",
    "pipe",
    "error",
    "retry",
    "discard",
    "bounce",
    "qmgr",
    "cleanup",
    "smtpd",
    "postscreen",
    "pickup",
    "master",
    "anvil",
    "scache",
    "tlsmgr",
    "tlsproxy",
    "dnsblog",
    "postfix-script",
    "postsuper",
    "postqueue",
    "sendmail",
    "trivial-rewrite",
    "proxymap",
    "verify",
    "flush",
    "showq",
    "postdrop",
    "oqmgr",
    "qmqpd",
    "lmtpd",
];

/// Whether `program` is a Postfix daemon.
pub(crate) fn is_postfix(program: &str) -> bool {
    let Some((instance, daemon)) = program.rsplit_once('/') else { return false };
    !instance.is_empty() && DAEMONS.contains(&daemon)
}

/// A queue id: Postfix's short hexadecimal ids (`19B6B2900FE`) and its long ids
/// (`3jhxH02qjtz29yWZ`).
fn is_queue_id(s: &str) -> bool {
    (5..=20).contains(&s.len()) && s.bytes().all(|b| b.is_ascii_alphanumeric())
}

/// What one Postfix message (the text after `program[pid]: `) says.
pub(crate) fn parse(message: &str) -> Event<'_> {
    for (prefix, severity) in [
        ("warning: ", Severity::Warning),
        ("error: ", Severity::Error),
        ("fatal: ", Severity::Error),
        ("panic: ", Severity::Panic),
    ] {
        if let Some(text) = message.strip_prefix(prefix) {
            return Event::Problem { severity, text };
        }
    }
    let Some((id, rest)) = split_once(message, ": ") else { return Event::Noise };
    if id == "NOQUEUE" {
        return reject(None, rest);
    }
    if !is_queue_id(id) {
        return Event::Noise;
    }
    if rest.starts_with("reject: ") || rest.starts_with("milter-reject: ") {
        return reject(Some(id), rest);
    }
    if rest == "removed" {
        return Event::Done { id };
    }
    if let Some(to) = rest.strip_prefix("to=") {
        return attempt(id, to);
    }
    if let Some(v) = rest.strip_prefix("message-id=") {
        return Event::Arrival { id, sender: None, size: None, message_id: Some(unbracket(v)), client: None };
    }
    if let Some(v) = rest.strip_prefix("client=") {
        let client = v.split(", ").next().unwrap_or(v);
        return Event::Arrival { id, sender: None, size: None, message_id: None, client: Some(client) };
    }
    if rest.starts_with("from=") {
        if rest.contains(", status=expired") || rest.contains(", status=force-expired") {
            return Event::Expired { id };
        }
        let sender = field(rest, "from", ", ").map(unbracket);
        let size = field(rest, "size", ", ").and_then(|s| s.parse().ok());
        return Event::Arrival { id, sender, size, message_id: None, client: None };
    }
    Event::Noise
}

/// `to=<rcpt>, orig_to=<...>, relay=..., delay=..., dsn=..., status=word (text)`.
fn attempt<'a>(id: &'a str, to: &'a str) -> Event<'a> {
    let Some(at) = find(to, ", status=") else { return Event::Noise };
    let (fields, status) = (&to[..at], &to[at + ", status=".len()..]);
    let (word, text) = status.split_once(' ').unwrap_or((status, ""));
    let status = match word {
        "sent" | "delivered" => Status::Sent,
        "deferred" | "SOFTBOUNCE" => Status::Deferred,
        // `undeliverable-but-not-cached`: an address verification probe's failure when the
        // negative cache is off (Postfix's verify.c).
        "bounced" | "undeliverable" | "undeliverable-but-not-cached" | "expired" => Status::Bounced,
        _ => return Event::Noise,
    };
    let text = text.trim();
    let text = text.strip_prefix('(').and_then(|t| t.strip_suffix(')')).unwrap_or(text);
    // One pass over `to=<rcpt>, key=value, ...` (the first field is the recipient's).
    let mut parts = split_all(fields, ", ");
    let recipients = unbracket(parts.next().unwrap_or(fields));
    let (mut original, mut relay, mut delay, mut dsn) = (None, None, None, None);
    for part in parts {
        let Some((key, value)) = part.trim().split_once('=') else { continue };
        match key {
            "orig_to" if original.is_none() => original = Some(unbracket(value)),
            "relay" if relay.is_none() => relay = Some(value),
            "delay" if delay.is_none() => delay = value.parse().ok(),
            "dsn" if dsn.is_none() => dsn = Some(value),
            _ => {}
        }
    }
    Event::Attempt { id, recipients, original, relay, delay, dsn, status, text }
}

/// `reject: RCPT from host[ip]: 550 5.1.1 <rcpt>: text; from=<s> to=<r> proto=... helo=<...>`
/// (postscreen separates the fields with `, `).
fn reject<'a>(id: Option<&'a str>, rest: &'a str) -> Event<'a> {
    let Some(body) = rest.strip_prefix("reject: ").or_else(|| rest.strip_prefix("milter-reject: ")) else {
        // `NOQUEUE: filter:`, `reject_warning:`, `hold:`, `discard:`: not a refusal.
        return Event::Noise;
    };
    // `RCPT from host[ip]: ` then the reply; the client is between `from ` and `: `.
    let (client, reply) = match split_once(body, " from ").and_then(|(_, r)| split_once(r, ": ")) {
        Some((client, reply)) => (Some(client), reply),
        None => (None, body),
    };
    // The reply ends where the fields start: `; from=<s> to=<r> proto=... helo=<...>`, each
    // field there only when known (a `VRFY` or `ETRN` has no sender, a `CONNECT` no recipient;
    // smtpd_check.c's `log_whatsup`, which ends the reply with `;` even when none follows), so
    // at the last `; from=`, else the last `; to=`, `; proto=` or `; helo=`.
    let start = ["; from=", "; to=", "; proto=", "; helo="].iter().find_map(|f| rfind(reply, f));
    let (text, fields) = match start {
        Some(at) => (&reply[..at], &reply[at + 2..]),
        None => (reply.strip_suffix(';').unwrap_or(reply), ""),
    };
    let sep = if find(fields, ">, to=").is_some() { ", " } else { " " };
    Event::Rejected {
        id,
        recipient: field(fields, "to", sep).map(unbracket).filter(|r| !r.is_empty()),
        sender: field(fields, "from", sep).map(unbracket),
        client,
        text,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn delivery_lines_are_read() {
        let e = parse(
            "19B6B2900FE: to=<wietse@test.example.com>, orig_to=<wietse@test>, relay=mail.example.com[1.2.3.4], conn_use=2, delay=0, delays=0/0.01/0.05/0.1, dsn=2.0.0, status=sent (250 2.0.0 Ok)",
        );
        assert_eq!(
            e,
            Event::Attempt {
                id: "19B6B2900FE",
                recipients: "wietse@test.example.com",
                original: Some("wietse@test"),
                relay: Some("mail.example.com[1.2.3.4]"),
                delay: Some(0.0),
                dsn: Some("2.0.0"),
                status: Status::Sent,
                text: "250 2.0.0 Ok",
            }
        );
        let e = parse(
            "AC01D2988FA6: to=<user@example.com>, relay=none, delay=274343, delays=274343/0/0/0, dsn=4.4.1, status=deferred (delivery temporarily suspended: connect to x[2607:f8b0::1a]:25: Network is unreachable)",
        );
        assert!(matches!(e, Event::Attempt { status: Status::Deferred, relay: Some("none"), .. }));
    }

    #[test]
    fn queue_lines_are_read() {
        assert_eq!(
            parse("ABC123: from=<a@example.net>, size=1234, nrcpt=1 (queue active)"),
            Event::Arrival {
                id: "ABC123",
                sender: Some("a@example.net"),
                size: Some(1234),
                message_id: None,
                client: None
            }
        );
        assert_eq!(
            parse("ABC123: from=<a@example.net>, status=expired, returned to sender"),
            Event::Expired { id: "ABC123" }
        );
        assert_eq!(parse("ABC123: removed"), Event::Done { id: "ABC123" });
        assert!(matches!(parse("ABC123: message-id=<x@y>"), Event::Arrival { message_id: Some("x@y"), .. }));
        assert!(matches!(
            parse("warning: hostname x does not resolve"),
            Event::Problem { severity: Severity::Warning, .. }
        ));
        assert_eq!(parse("connect from x[1.2.3.4]"), Event::Noise);
    }

    #[test]
    fn rejects_are_read() {
        let e = parse(
            "NOQUEUE: reject: RCPT from 1-2-3-4-example.com[1.2.3.4]: 554 5.7.1 <smtp@example.com>: Relay access denied; from=<john@example.com> to=<smtp@example.org> proto=SMTP helo=<198.51.100.17>",
        );
        assert_eq!(
            e,
            Event::Rejected {
                id: None,
                recipient: Some("smtp@example.org"),
                sender: Some("john@example.com"),
                client: Some("1-2-3-4-example.com[1.2.3.4]"),
                text: "554 5.7.1 <smtp@example.com>: Relay access denied",
            }
        );
        let e = parse(
            "NOQUEUE: reject: RCPT from [192.0.2.1]:51234: 550 5.7.1 Service unavailable; client [192.0.2.1] blocked using zen.spamhaus.org; from=<a@example.net>, to=<b@example.org>, proto=ESMTP, helo=<x>",
        );
        assert!(matches!(e, Event::Rejected { recipient: Some("b@example.org"), sender: Some("a@example.net"), .. }));
        assert!(is_postfix("postfix-out/smtp") && is_postfix("postfix-smo/submission/smtpd") && !is_postfix("dovecot"));
    }

    /// The fields after the reply are each there only when known: a `VRFY` has no sender, a
    /// refusal before `MAIL` none of them (lines of whyscream/postfix-grok-patterns' tests).
    #[test]
    fn reject_fields_start_at_the_first_field_present() {
        let e = parse(
            "NOQUEUE: reject: VRFY from unknown[2001:968:9999:20:88b:9b7d:2a54:2bd2]: 454 4.7.1 <aap@henk.com>: Relay access denied; to=<aap@henk.com> proto=SMTP helo=<me>",
        );
        assert!(
            matches!(
                e,
                Event::Rejected {
                    recipient: Some("aap@henk.com"),
                    sender: None,
                    text: "454 4.7.1 <aap@henk.com>: Relay access denied",
                    ..
                }
            ),
            "{e:?}"
        );
        let e = parse("NOQUEUE: reject: CONNECT from unknown[192.0.2.9]: 554 5.7.1 Service unavailable; proto=SMTP");
        assert!(matches!(e, Event::Rejected { recipient: None, text: "554 5.7.1 Service unavailable", .. }), "{e:?}");
        let e = parse("NOQUEUE: reject: CONNECT from unknown[192.0.2.9]: 554 5.7.1 Service unavailable;");
        assert!(matches!(e, Event::Rejected { text: "554 5.7.1 Service unavailable", .. }), "{e:?}");
    }
}
