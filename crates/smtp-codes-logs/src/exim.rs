//! Exim's main log: `<=` arrivals (and `(=`, an arrival the client was told was refused),
//! `=>`, `->` and `>>` (cutthrough) deliveries, `*>` deliveries suppressed by `-N`, `**`
//! failures, `==` deferrals, `Completed`, and `rejected RCPT` refusals (Exim's specification,
//! chapter "Log files", "Log line flags"); the 16- and 23-character message ids of Exim before
//! and since 4.97.

use crate::event::{Event, Status, find, split_once, unbracket};

/// An Exim message id: `16aiQz-0002Q5-00` or `10HmaX-000000005vi-0000`.
pub(crate) fn is_message_id(s: &str) -> bool {
    let mut parts = s.split('-');
    let (Some(a), Some(b), Some(c), None) = (parts.next(), parts.next(), parts.next(), parts.next()) else {
        return false;
    };
    let alnum = |p: &str| p.bytes().all(|b| b.is_ascii_alphanumeric());
    a.len() == 6 && (6..=11).contains(&b.len()) && (2..=4).contains(&c.len()) && alnum(a) && alnum(b) && alnum(c)
}

/// The value of ` KEY=` among Exim's space-separated fields (a quoted value keeps its spaces).
fn value<'a>(s: &'a str, key: &str) -> Option<&'a str> {
    let at = s.match_indices(key).find(|&(i, _)| i == 0 || s.as_bytes()[i - 1] == b' ')?.0 + key.len();
    let v = &s[at..];
    if let Some(q) = v.strip_prefix('"') {
        return q.find('"').map(|end| &q[..end]);
    }
    Some(v.split(' ').next().unwrap_or(v))
}

/// `H=name [ip]` (or `H=[ip]`): the host and its address, as one text.
fn host(s: &str) -> Option<&str> {
    let at = s.match_indices("H=").find(|&(i, _)| i == 0 || s.as_bytes()[i - 1] == b' ')?.0 + 2;
    let v = &s[at..];
    let end = v.find(']').map_or_else(|| v.find(' ').unwrap_or(v.len()), |e| e + 1);
    Some(&v[..end])
}

/// What the message of one Exim line (after its time stamp and any `[pid]`) says.
pub(crate) fn parse(message: &str) -> Event<'_> {
    let message = message.strip_prefix('[').and_then(|m| split_once(m, "] ")).map_or(message, |(_, m)| m);
    let (id, rest) = message.split_once(' ').unwrap_or((message, ""));
    if !is_message_id(id) {
        // Refusals carry no message id (a message id comes first only after DATA).
        if let Some(at) = find(message, " rejected RCPT ") {
            return rejected(None, message, at + " rejected RCPT ".len());
        }
        return refused(None, message).unwrap_or(Event::Noise);
    }
    if rest == "Completed" || rest.starts_with("Completed ") {
        return Event::Done { id };
    }
    let (flag, body) = rest.split_once(' ').unwrap_or((rest, ""));
    match flag {
        "<=" | "(=" => {
            let sender = body.split(' ').next().map(unbracket);
            Event::Arrival {
                id,
                sender,
                size: value(body, "S=").and_then(|s| s.parse().ok()),
                message_id: value(body, "id="),
                client: host(body),
            }
        }
        "=>" | "->" | ">>" | "*>" => {
            let (recipients, original) = address(body);
            // `-N` suppressed the delivery: Exim is done with the address, nothing was sent.
            let suppressed = flag == "*>";
            Event::Attempt {
                id,
                recipients,
                original,
                relay: host(body),
                delay: value(body, "DT=").and_then(duration),
                dsn: None,
                status: Status::Sent,
                text: value(body, "C=").unwrap_or(if suppressed { "delivery suppressed by -N" } else { "" }),
            }
        }
        "**" | "==" => {
            let (recipients, original) = address(body);
            // The reason follows the first `: ` after the fields (`T=smtp: SMTP error ...`,
            // `I=[127.0.0.1]:10001 : SMTP error ...`, `<addr>: unknown mail domain`).
            let text = split_once(body, ": ").map_or("", |(_, t)| t);
            Event::Attempt {
                id,
                recipients,
                original,
                relay: host(body),
                delay: None,
                dsn: None,
                status: if flag == "**" { Status::Bounced } else { Status::Deferred },
                text,
            }
        }
        _ => match find(rest, " rejected RCPT ") {
            Some(at) => rejected(Some(id), rest, at + " rejected RCPT ".len()),
            None if rest.contains(" rejected after DATA") => rejected_data(id, rest, " rejected after DATA: "),
            None if rest.contains(" rejected by local_scan(): ") => {
                rejected_data(id, rest, " rejected by local_scan(): ")
            }
            None if rest.contains(" rejected by non-SMTP ACL: ") => {
                rejected_data(id, rest, " rejected by non-SMTP ACL: ")
            }
            None => Event::Noise,
        },
    }
}

/// The recipient of a delivery line (`bob@example.org`, `bob@example.org:`) and the address it
/// was routed from (`<alias@example.org>`), after the address a pipe or autoreply was generated
/// from, when Exim writes it (`|callpager (page+userx@test.ex) <page+ux@test.ex>`).
fn address(body: &str) -> (&str, Option<&str>) {
    let mut words = body.split(' ').peekable();
    let first = words.next().unwrap_or("").trim_end_matches(':');
    if words.peek().is_some_and(|w| w.starts_with('(') && w.trim_end_matches(':').ends_with(')')) {
        words.next();
    }
    let original = words.next().filter(|w| w.starts_with('<')).map(|w| unbracket(w.trim_end_matches(':')));
    (unbracket(first), original)
}

/// `H=(helo) [ip] F=<sender> rejected RCPT <rcpt>: reason`; `at` is where the recipient starts.
fn rejected<'a>(id: Option<&'a str>, line: &'a str, at: usize) -> Event<'a> {
    let (recipient, text) = split_once(&line[at..], ": ").unwrap_or((&line[at..], ""));
    let head = &line[..at];
    Event::Rejected {
        id,
        recipient: Some(unbracket(recipient)),
        sender: value(head, "F=").map(unbracket),
        client: host(head),
        text,
    }
}

/// The refusals of a client before any recipient: `H=... rejected connection in "connect"
/// ACL[: reason]`, `H=... rejected EHLO or HELO name[: reason]`, `H=... rejected MAIL
/// <sender>[: reason]` (the sender after `MAIL`, else `F=`). The reason is the text after the
/// refusal's own words, or those words when the ACL gave none.
fn refused<'a>(id: Option<&'a str>, line: &'a str) -> Option<Event<'a>> {
    // Exim's size check writes the refusal first (`rejected MAIL FROM:<s> U=...: message too
    // big`), with no host before it.
    let mail = line
        .strip_prefix("rejected MAIL ")
        .map(|after| ("", after))
        .or_else(|| find(line, " rejected MAIL ").map(|at| (&line[..at], &line[at + " rejected MAIL ".len()..])));
    let (head, sender) = if let Some((head, after)) = mail {
        let after = after.strip_prefix("FROM:").unwrap_or(after);
        let word = after.split(' ').next().unwrap_or("").trim_end_matches(':');
        (head, Some(unbracket(word)).filter(|s| !s.is_empty()).or_else(|| value(head, "F=").map(unbracket)))
    } else {
        let at = find(line, " rejected connection in ").or_else(|| find(line, " rejected EHLO or HELO "))?;
        (&line[..at], None)
    };
    let words = line[head.len()..].trim_start();
    let text = split_once(words, ": ").map_or(words, |(_, reason)| reason);
    Some(Event::Rejected { id, recipient: None, sender, client: host(head), text })
}

/// `H=... F=<sender> rejected after DATA: reason` (or `rejected by local_scan(): reason`,
/// `rejected by non-SMTP ACL: reason`).
fn rejected_data<'a>(id: &'a str, rest: &'a str, marker: &str) -> Event<'a> {
    let text = rest.split_once(marker).map_or("", |(_, t)| t);
    Event::Rejected {
        id: Some(id),
        recipient: None,
        sender: value(rest, "F=").map(unbracket),
        client: host(rest),
        text,
    }
}

/// Exim's `DT=` (`1s`, `2m3s`, `1h2m`, `0.123s`) in seconds.
pub(crate) fn duration(s: &str) -> Option<f64> {
    let mut total = 0.0;
    let mut number = String::new();
    for c in s.chars() {
        if c.is_ascii_digit() || c == '.' {
            number.push(c);
            continue;
        }
        let n: f64 = number.parse().ok()?;
        number.clear();
        total += n * match c {
            's' => 1.0,
            'm' => 60.0,
            'h' => 3600.0,
            'd' => 86_400.0,
            'w' => 604_800.0,
            _ => return None,
        };
    }
    number.is_empty().then_some(total)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_of_both_lengths() {
        assert!(is_message_id("16aiQz-0002Q5-00"));
        assert!(is_message_id("10HmaX-000000005vi-0000"));
        assert!(!is_message_id("H=(test)"));
    }

    #[test]
    fn lines_are_read() {
        let e = parse(
            "10HmaZ-000000005vi-0000 ** userz@domain.com R=all T=smtp H=127.0.0.1 [127.0.0.1]:PORT_S I=[127.0.0.1]:10001 : SMTP error from remote mail server after RCPT TO:<userz@domain.com>: 550 Recipient refused",
        );
        let Event::Attempt { recipients, status, text, relay, .. } = e else { panic!("{e:?}") };
        assert_eq!((recipients, status), ("userz@domain.com", Status::Bounced));
        assert_eq!(text, "SMTP error from remote mail server after RCPT TO:<userz@domain.com>: 550 Recipient refused");
        assert_eq!(relay, Some("127.0.0.1 [127.0.0.1]"));
        let e = parse("0tRiQz-0002Q5-00 ** jim@trek99.example <jim@trek99.example>: unknown mail domain");
        assert!(matches!(e, Event::Attempt { recipients: "jim@trek99.example", text: "unknown mail domain", .. }));
        let e = parse("16aiQz-0002Q5-00 == marvin@endrest.example R=dnslookup T=smtp defer (146): Connection refused");
        assert!(matches!(e, Event::Attempt { status: Status::Deferred, text: "Connection refused", .. }));
        let e = parse(
            "1bhOsE-0004e1-VJ <= sender@example.net H=mx.example.net [192.0.2.1] P=esmtps S=2307 id=abc@example.net",
        );
        assert!(matches!(
            e,
            Event::Arrival {
                sender: Some("sender@example.net"),
                size: Some(2307),
                message_id: Some("abc@example.net"),
                ..
            }
        ));
        let e = parse(
            "1bhOsE-0004e1-VJ => bob@example.org R=dnslookup T=remote_smtp H=mx.example.org [192.0.2.2] C=\"250 2.0.0 OK queued\" DT=1m2s",
        );
        assert!(matches!(
            e,
            Event::Attempt { status: Status::Sent, text: "250 2.0.0 OK queued", delay: Some(62.0), .. }
        ));
        assert_eq!(parse("1bhOsE-0004e1-VJ Completed"), Event::Done { id: "1bhOsE-0004e1-VJ" });
        // Cutthrough deliveries (`>>`), deliveries `-N` suppressed (`*>`) and arrivals the
        // client was told were refused (`(=`, fakereject) are read as their kinds.
        let e = parse("10HmaX-0005vi-00 >> userx@domain.com R=cutthrough T=smtp H=127.0.0.1 [127.0.0.1] C=\"250 OK\"");
        assert!(matches!(
            e,
            Event::Attempt { recipients: "userx@domain.com", status: Status::Sent, text: "250 OK", .. }
        ));
        let e = parse("10HmaX-0005vi-00 *> userx@test.ex R=r1 T=t1");
        assert!(matches!(e, Event::Attempt { status: Status::Sent, text: "delivery suppressed by -N", .. }));
        let e = parse(
            "10HmbB-0005vi-00 *> xxx@ten-1.test.ex R=lookuphost T=smtp H=ten-1.test.ex [V4NET.0.0.1] C=\"delivery bypassed by -N option\"",
        );
        assert!(matches!(e, Event::Attempt { status: Status::Sent, text: "delivery bypassed by -N option", .. }));
        let e = parse("10HmaX-0005vi-00 (= CALLER@test.ex U=CALLER P=local S=sss for userx@test.ex");
        assert!(matches!(e, Event::Arrival { sender: Some("CALLER@test.ex"), .. }));
        let e = parse(
            "H=(test) [10.0.0.2] U=CALLER F=<jules@box3.plc.example> rejected RCPT <userx@test.ex>: Sender verify failed",
        );
        assert!(matches!(
            e,
            Event::Rejected {
                recipient: Some("userx@test.ex"),
                sender: Some("jules@box3.plc.example"),
                text: "Sender verify failed",
                ..
            }
        ));
        let e = parse(
            "[10099] H=(yakult.com.tw) [202.132.70.178]:3755 I=[1.2.3.4]:25 F=sender@example.org rejected RCPT dir@example.ru: relay not permitted",
        );
        assert!(matches!(e, Event::Rejected { recipient: Some("dir@example.ru"), text: "relay not permitted", .. }));
        // A pipe generated from an address: that address in parentheses, then the original.
        let e = parse(
            "10HmbA-0005vi-00 ** |callpager (page+userx@test.ex) <page+ux@test.ex> R=userforward T=address_pipe: \"callpager\" command not found for address_pipe transport",
        );
        assert!(matches!(
            e,
            Event::Attempt { recipients: "|callpager", original: Some("page+ux@test.ex"), status: Status::Bounced, .. }
        ));
        // Refusals before any recipient, as Exim's test suite logs them.
        let e = parse("H=[10.9.8.8] U=CALLER rejected MAIL <bad@test1>");
        assert!(matches!(
            e,
            Event::Rejected { recipient: None, sender: Some("bad@test1"), client: Some("[10.9.8.8]"), .. }
        ));
        let e = parse("rejected MAIL FROM:<userx@test.ex> U=CALLER: message too big: size=1000000000 max=100");
        assert!(matches!(
            e,
            Event::Rejected { sender: Some("userx@test.ex"), text: "message too big: size=1000000000 max=100", .. }
        ));
        let e = parse("H=[10.9.8.9] U=CALLER rejected connection in \"connect\" ACL: forcibly dropped");
        assert!(matches!(e, Event::Rejected { sender: None, text: "forcibly dropped", .. }));
        let e = parse("H=(x.y.z) [10.9.8.10] U=CALLER rejected EHLO or HELO x.y.z");
        assert!(matches!(e, Event::Rejected { text: "rejected EHLO or HELO x.y.z", .. }));
        let e = parse("10HmaX-0005vi-00 F=<userx@test1> rejected by non-SMTP ACL: don't like sender userx@test1");
        assert!(matches!(
            e,
            Event::Rejected {
                id: Some("10HmaX-0005vi-00"),
                sender: Some("userx@test1"),
                text: "don't like sender userx@test1",
                ..
            }
        ));
    }
}
