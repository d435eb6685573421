//! OpenSMTPD's log lines (syslog program `smtpd`, since 6.4): a session id, then the
//! subsystem, the event and `key=value` fields (OpenSMTPD/OpenSMTPD `usr.sbin/smtpd/mta.c`
//! `mta_log` and `mda.c` `mda_log`; `smtp_session.c`):
//!
//! - `mta delivery evpid=... from=<...> to=<...> rcpt=<...> source="..." relay="..." delay=2s
//!   result="Ok|TempFail|PermFail" stat="..."` (a routing loop is logged as `PermFail` with
//!   `stat="Loop detected"`), and the local `mda delivery evpid=... user=... delay=0s result=Ok
//!   stat=Delivered` with unquoted values;
//! - `smtp message msgid=... size=... nrcpt=... proto=...` (an arrival) and `smtp envelope
//!   evpid=... from=<...> to=<...>` (its sender);
//! - `smtp failed-command command="RCPT TO:<...> " result="550 ..."` (a refusal on arrival;
//!   before 6.6 spelled `smtp event=failed-command`).
//!
//! The message id is the first 8 hex digits of an envelope id (`evpid`): the envelopes of one
//! message share them.

use crate::event::{Event, Status, split_once, unbracket};

/// The value of `key=` in `fields`: the text between quotes when it is quoted, else up to the
/// next space (`stat=` unquoted runs to the end of the line: it is last and may hold spaces).
fn value<'a>(fields: &'a str, key: &str) -> Option<&'a str> {
    let mut from = 0;
    let at = loop {
        let i = from + crate::event::find(&fields[from..], key)?;
        let after = i + key.len();
        if (i == 0 || fields.as_bytes()[i - 1] == b' ') && fields.as_bytes().get(after) == Some(&b'=') {
            break after + 1;
        }
        from = i + 1;
    };
    let v = &fields[at..];
    if let Some(q) = v.strip_prefix('"') {
        // The closing quote is the last one followed by a space or the end: a reply may
        // itself hold quotes.
        let end = q.match_indices('"').map(|(i, _)| i).find(|&i| q[i + 1..].is_empty() || q[i + 1..].starts_with(' '));
        return Some(&q[..end.unwrap_or(q.len())]);
    }
    if key == "stat" {
        return Some(v.trim_end());
    }
    Some(v.split(' ').next().unwrap_or(v))
}

/// The message id of an envelope id: its first 8 hex digits.
fn message_of(evpid: &str) -> Option<&str> {
    let id = evpid.get(..8)?;
    id.bytes().all(|b| b.is_ascii_hexdigit()).then_some(id)
}

/// What one OpenSMTPD message (after `smtpd[pid]: `) says.
pub(crate) fn parse(message: &str) -> Event<'_> {
    let Some((session, rest)) = message.split_once(' ') else { return Event::Noise };
    if session.len() != 16 || !session.bytes().all(|b| b.is_ascii_hexdigit()) {
        return problem(message);
    }
    let (what, fields) = split_once(rest, " ").map_or((rest, ""), |(a, b)| (a, b));
    let (verb, fields) = split_once(fields, " ").map_or((fields, ""), |(a, b)| (a, b));
    match (what, verb) {
        ("mta" | "mda", "delivery") => delivery(fields),
        ("smtp", "message") => match value(fields, "msgid") {
            Some(id) if id.len() == 8 => Event::Arrival {
                id,
                sender: None,
                size: value(fields, "size").and_then(|s| s.parse().ok()),
                message_id: None,
                client: None,
            },
            _ => Event::Noise,
        },
        ("smtp", "envelope") => match value(fields, "evpid").and_then(message_of) {
            Some(id) => Event::Arrival {
                id,
                sender: value(fields, "from").map(unbracket),
                size: None,
                message_id: None,
                client: None,
            },
            None => Event::Noise,
        },
        ("smtp", "failed-command") => failed(fields),
        ("smtp", v) if v.starts_with("event=failed-command") => failed(fields),
        _ => Event::Noise,
    }
}

/// `warn:` and `fatal:` lines of the daemon.
fn problem(message: &str) -> Event<'_> {
    use crate::Severity;
    if let Some(text) = message.strip_prefix("warn: ") {
        return Event::Problem { severity: Severity::Warning, text };
    }
    if let Some(text) = message.strip_prefix("fatal: ") {
        return Event::Problem { severity: Severity::Error, text };
    }
    Event::Noise
}

fn delivery(fields: &str) -> Event<'_> {
    let Some(id) = value(fields, "evpid").and_then(message_of) else { return Event::Noise };
    let Some(to) = value(fields, "to").map(unbracket) else { return Event::Noise };
    let status = match value(fields, "result") {
        Some("Ok") => Status::Sent,
        Some("TempFail") => Status::Deferred,
        Some("PermFail" | "Loop") => Status::Bounced,
        _ => return Event::Noise,
    };
    let original = value(fields, "rcpt").map(unbracket).filter(|r| *r != "-" && !r.is_empty() && *r != to);
    Event::Attempt {
        id,
        recipients: to,
        original,
        relay: value(fields, "relay").or_else(|| value(fields, "user")),
        delay: value(fields, "delay").and_then(crate::exim::duration),
        dsn: None,
        status,
        text: value(fields, "stat").unwrap_or(""),
    }
}

/// `command="RCPT TO:<bob@example.org> " result="550 Invalid recipient: <bob@example.org>"`.
fn failed(fields: &str) -> Event<'_> {
    let command = value(fields, "command").unwrap_or("");
    let text = value(fields, "result").unwrap_or("");
    let (verb, arg) = command.split_once(':').map_or((command, ""), |(v, a)| (v, a));
    let address = || Some(unbracket(arg.split(' ').find(|w| !w.is_empty()).unwrap_or("")));
    let (recipient, sender) = match verb.trim().to_ascii_uppercase().as_str() {
        "RCPT TO" => (address(), None),
        "MAIL FROM" => (None, address()),
        _ => (None, None),
    };
    Event::Rejected { id: None, recipient, sender, client: None, text }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn deliveries_are_read() {
        let e = parse(
            r#"5df87c9ffd0e785d mta delivery evpid=f6e94209918f7e7b from=<gilles@poolp.org> to=<gilles.chehade@gmail.com> rcpt=<-> source="212.83.129.132" relay="173.194.76.27 (ws-in-f27.1e100.net)" delay=2s result="Ok" stat="250 2.0.0 OK  1562385708 z11si6726563wmb.62 - gsmtp""#,
        );
        assert_eq!(
            e,
            Event::Attempt {
                id: "f6e94209",
                recipients: "gilles.chehade@gmail.com",
                original: None,
                relay: Some("173.194.76.27 (ws-in-f27.1e100.net)"),
                delay: Some(2.0),
                dsn: None,
                status: Status::Sent,
                text: "250 2.0.0 OK  1562385708 z11si6726563wmb.62 - gsmtp",
            }
        );
        let e = parse(
            "5df87c9250bba470 mda delivery evpid=c405e39ad6bbc64f from=<gilles@poolp.org> to=<gilles@poolp.org> rcpt=<gilles@poolp.org> user=gilles delay=0s result=Ok stat=Delivered",
        );
        assert!(matches!(
            e,
            Event::Attempt { id: "c405e39a", status: Status::Sent, text: "Delivered", relay: Some("gilles"), .. }
        ));
        let e = parse(r#"5df87c903d709659 smtp message msgid=c405e39a size=303 nrcpt=1 proto=ESMTP"#);
        assert!(matches!(e, Event::Arrival { id: "c405e39a", size: Some(303), .. }));
        let e = parse(
            r#"2cd79d8bacbe2c12 smtp failed-command command="RCPT TO:<info@blunix.com> " result="550 Invalid recipient: <info@blunix.com>""#,
        );
        assert_eq!(
            e,
            Event::Rejected {
                id: None,
                recipient: Some("info@blunix.com"),
                sender: None,
                client: None,
                text: "550 Invalid recipient: <info@blunix.com>",
            }
        );
        assert_eq!(parse("5df87c9ffd0e785d mta connected"), Event::Noise);
    }
}
