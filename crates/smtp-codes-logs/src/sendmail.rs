//! Sendmail's log lines: `from=` arrivals, `to=` delivery attempts with `dsn=` and `stat=`, and
//! `reject=` refusals of the rule sets (the "syslog equates" of Sendmail's documentation).

use crate::event::{Event, Status, field, split_once, unbracket};

/// Whether `program` is Sendmail (`sendmail`, `sm-mta`, `sm-msp-queue`, ...).
pub(crate) fn is_sendmail(program: &str) -> bool {
    program == "sendmail" || program.starts_with("sm-")
}

/// A Sendmail queue id: `qBE3l7js123022`, `r7SJ8ojY004150` (14 or more letters and digits).
fn is_queue_id(s: &str) -> bool {
    (8..=24).contains(&s.len()) && s.bytes().all(|b| b.is_ascii_alphanumeric())
}

/// What one Sendmail message (after `program[pid]: `) says.
pub(crate) fn parse(message: &str) -> Event<'_> {
    // A connection refused before any message has a queue id: `ruleset=check_relay, ...`.
    let (id, rest) = match split_once(message, ": ") {
        Some((id, rest)) if is_queue_id(id) => (Some(id), rest),
        _ if message.starts_with("ruleset=") => (None, message),
        _ => return Event::Noise,
    };
    if let Some(reject) = field(rest, "reject", ", ") {
        let ruleset = field(rest, "ruleset", ", ").unwrap_or("");
        let arg1 = field(rest, "arg1", ", ").map(unbracket);
        let (recipient, sender) =
            if ruleset == "check_rcpt" { (arg1, None) } else { (None, arg1.filter(|a| a.contains('@'))) };
        // The rest of the line after `reject=` is the reply, commas and all.
        let text = split_once(rest, "reject=").map_or(reject, |(_, t)| t);
        return Event::Rejected { id, recipient, sender, client: field(rest, "relay", ", "), text };
    }
    let Some(id) = id else { return Event::Noise };
    if let Some(to) = rest.strip_prefix("to=") {
        let Some(stat) = split_once(rest, ", stat=").map(|(_, s)| s) else { return Event::Noise };
        // `to=<a>,<b>, delay=...`: the recipients end at the first `, ` field separator.
        let recipients = to.split(", ").next().unwrap_or(to);
        let dsn = field(rest, "dsn", ", ");
        let status = if stat.starts_with("Sent") {
            Status::Sent
        } else if stat.starts_with("Deferred") || stat.starts_with("queued") || dsn.is_some_and(|d| d.starts_with('4'))
        {
            if stat.starts_with("queued") {
                return Event::Noise;
            }
            Status::Deferred
        } else {
            Status::Bounced
        };
        // `Sent (<id> Message accepted)`, `Deferred: 421 4.3.2 ...`, `User unknown`.
        let text = stat.strip_prefix("Sent ").map(|t| t.trim_start_matches('(').trim_end_matches(')'));
        let text = text.or_else(|| stat.strip_prefix("Deferred: ")).unwrap_or(stat);
        return Event::Attempt {
            id,
            recipients,
            original: None,
            relay: field(rest, "relay", ", "),
            delay: field(rest, "delay", ", ").and_then(delay),
            dsn,
            status,
            text,
        };
    }
    if rest.starts_with("from=") {
        return Event::Arrival {
            id,
            sender: field(rest, "from", ", ").map(unbracket),
            size: field(rest, "size", ", ").and_then(|s| s.parse().ok()),
            message_id: field(rest, "msgid", ", ").map(unbracket),
            client: field(rest, "relay", ", "),
        };
    }
    Event::Noise
}

/// `HH:MM:SS` or `D+HH:MM:SS` in seconds.
fn delay(s: &str) -> Option<f64> {
    let (days, clock) = s.split_once('+').map_or(("0", s), |(d, c)| (d, c));
    let mut parts = clock.split(':').map(|p| p.parse::<u32>().ok());
    let (Some(Some(h)), Some(Some(m)), Some(Some(sec)), None) =
        (parts.next(), parts.next(), parts.next(), parts.next())
    else {
        return None;
    };
    let days: u32 = days.parse().ok()?;
    Some(f64::from(days * 86_400 + h * 3600 + m * 60 + sec))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_are_read() {
        let e = parse(
            "qBE3l7js123022: to=<user@example.com>, delay=00:00:00, xdelay=00:00:00, mailer=relay, pri=124588, relay=exbox.foo.com. [10.10.10.10], dsn=4.0.0, stat=Deferred: 421 4.3.2 The maximum number of concurrent connections has exceeded a limit, closing transmission channel",
        );
        let Event::Attempt { recipients, status, text, dsn, .. } = e else { panic!("{e:?}") };
        assert_eq!((recipients, status, dsn), ("<user@example.com>", Status::Deferred, Some("4.0.0")));
        assert!(text.starts_with("421 4.3.2 The maximum"), "{text}");
        let e = parse(
            "r7SJ8ojY004150: to=<a@example.org>,<b@example.org>, delay=1+02:03:04, mailer=esmtp, dsn=5.1.1, stat=User unknown",
        );
        assert!(matches!(
            e,
            Event::Attempt { status: Status::Bounced, text: "User unknown", delay: Some(93_784.0), .. }
        ));
        let e = parse(
            "r7SJ8ojY004150: from=<s@example.net>, size=1234, class=0, nrcpts=1, msgid=<m@example.net>, proto=ESMTP, daemon=MTA, relay=mx.example.net [192.0.2.1]",
        );
        assert!(matches!(
            e,
            Event::Arrival { sender: Some("s@example.net"), size: Some(1234), message_id: Some("m@example.net"), .. }
        ));
        let e = parse(
            "p9ALlPdC029153: ruleset=check_rcpt, arg1=<bob@example.org>, relay=x.example [192.0.2.9], reject=550 5.7.1 <bob@example.org>... Relaying denied",
        );
        assert!(matches!(
            e,
            Event::Rejected {
                recipient: Some("bob@example.org"),
                text: "550 5.7.1 <bob@example.org>... Relaying denied",
                ..
            }
        ));
    }
}
