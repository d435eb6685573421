//! KumoMTA's JSON log records, one object per line (docs.kumomta.com/reference/log_record/;
//! KumoCorp/kumomta:docs/reference/log_record.md@01c52eef0308175d2b1db6f1252dcee2cba10937): `type`, `id` (the spool id of the
//! message), `sender`, `recipient`, `size`, `response` (`code`, `enhanced_code` {`class`,
//! `subject`, `detail`}, `content`, `command`), `peer_address` {`name`, `addr`}, `timestamp`
//! (Unix seconds), `num_attempts`, `bounce_classification`, ...
//!
//! `Reception` is an arrival; `Delivery` delivered; `TransientFailure` deferred; `Bounce`,
//! `AdminBounce` (an administrator failed the message) and `OOB` (an out-of-band bounce
//! reported after delivery) bounced; `Expiration` expired; `Rejection` (KumoMTA refused an
//! incoming command) rejected; `Feedback` (a complaint) and `Delay` give no outcome. Each
//! record is one recipient's; the attempts counted are the records read (KumoMTA's own
//! `num_attempts` is not added to them).

use std::borrow::Cow;

use serde::Deserialize;

use crate::Timestamp;
use crate::entry::{Entry, Fate, present};
use crate::event::Status;

#[derive(Deserialize)]
struct Record<'a> {
    #[serde(rename = "type", borrow)]
    kind: Cow<'a, str>,
    #[serde(borrow, default)]
    id: Option<Cow<'a, str>>,
    #[serde(borrow, default)]
    sender: Option<Cow<'a, str>>,
    #[serde(borrow, default)]
    recipient: Option<Cow<'a, str>>,
    #[serde(default)]
    size: Option<u64>,
    #[serde(borrow, default)]
    response: Option<Response<'a>>,
    #[serde(borrow, default)]
    peer_address: Option<Peer<'a>>,
    #[serde(default)]
    timestamp: Option<serde_json::Value>,
}

#[derive(Deserialize)]
struct Response<'a> {
    #[serde(default)]
    code: Option<u16>,
    #[serde(default)]
    enhanced_code: Option<Enhanced>,
    #[serde(borrow, default)]
    content: Option<Cow<'a, str>>,
}

#[derive(Deserialize)]
struct Enhanced {
    class: u8,
    subject: u16,
    detail: u16,
}

#[derive(Deserialize)]
struct Peer<'a> {
    #[serde(borrow, default)]
    name: Option<Cow<'a, str>>,
    #[serde(borrow, default)]
    addr: Option<Cow<'a, str>>,
}

/// The record of one line: `None` when the line is no KumoMTA log record (not JSON, or no
/// `type`).
pub(crate) fn parse(line: &str) -> Option<Entry<'_>> {
    let r: Record<'_> = serde_json::from_str(line).ok()?;
    let fate = match r.kind.as_ref() {
        "Reception" => None,
        "Delivery" => Some(Fate::Attempt(Status::Sent)),
        "TransientFailure" => Some(Fate::Attempt(Status::Deferred)),
        "Bounce" | "AdminBounce" | "OOB" => Some(Fate::Attempt(Status::Bounced)),
        "Expiration" => Some(Fate::Attempt(Status::Expired)),
        "Rejection" => Some(Fate::Rejected),
        "Feedback" | "Delay" => return Some(Entry::default()),
        _ => return None,
    };
    let peer = r.peer_address.as_ref().map(|p| {
        let name = p.name.as_deref().map(|n| n.trim_end_matches('.')).filter(|n| !n.is_empty());
        crate::exchange::host(name, p.addr.as_deref().filter(|a| !a.is_empty())).map(|h| Cow::Owned(h.into_owned()))
    });
    let peer = peer.flatten();
    let (reply, dsn) = r.response.as_ref().map_or((String::new(), None), |resp| {
        let dsn = resp.enhanced_code.as_ref().map(|e| format!("{}.{}.{}", e.class, e.subject, e.detail));
        let mut text = String::new();
        if let Some(code) = resp.code {
            text.push_str(&code.to_string());
        }
        if let Some(d) = &dsn {
            text.push(' ');
            text.push_str(d);
        }
        if let Some(c) = resp.content.as_deref().filter(|c| !c.is_empty()) {
            text.push(' ');
            text.push_str(c);
        }
        (text.trim().to_owned(), dsn)
    });
    let time = match &r.timestamp {
        Some(serde_json::Value::Number(n)) => n.as_i64().map(Timestamp::from_unix),
        Some(serde_json::Value::String(s)) => crate::exchange::stamp(s),
        _ => None,
    };
    let mut e = Entry {
        time,
        id: r.id.unwrap_or_default(),
        sender: r.sender,
        size: r.size,
        dsn: dsn.map(Cow::Owned),
        ..Entry::default()
    };
    match fate {
        None => {
            e.arrival = true;
            e.client = peer;
        }
        Some(Fate::Rejected) => {
            e.client = peer;
            e.recipients.push((r.recipient.unwrap_or_default(), Fate::Rejected, Cow::Owned(reply)));
        }
        Some(f) => {
            e.relay = peer;
            if let Some(rcpt) = present(r.recipient) {
                e.recipients.push((rcpt, f, Cow::Owned(reply)));
            }
        }
    }
    Some(e)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn records_are_read() {
        let e = parse(r#"{"type":"Bounce","id":"1d98076abbbc11ed940250ebf67f93bd","sender":"user@sender.example.com","recipient":"user@recipient.example.com","queue":"gmail.com","site":"x","size":1047,"response":{"code":550,"enhanced_code":{"class":5,"subject":1,"detail":1},"content":"The email account that you tried to reach does not exist.","command":"RCPT TO"},"peer_address":{"name":"gmail-smtp-in.l.google.com.","addr":"142.251.2.27"},"timestamp":1678069691,"created":1678069690,"num_attempts":0,"bounce_classification":"Uncategorized"}"#).unwrap();
        assert_eq!(e.id, "1d98076abbbc11ed940250ebf67f93bd");
        assert_eq!(e.relay.as_deref(), Some("gmail-smtp-in.l.google.com[142.251.2.27]"));
        assert_eq!(e.dsn.as_deref(), Some("5.1.1"));
        assert_eq!(e.recipients[0].2, "550 5.1.1 The email account that you tried to reach does not exist.");
        assert_eq!(e.time, Some(Timestamp::from_unix(1_678_069_691)));
        assert!(parse(r#"{"kind":"x"}"#).is_none());
        assert!(parse("{").is_none());
    }
}
