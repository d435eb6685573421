//! RFC 3464 and RFC 6533 delivery-status parts: the per-message fields, then one block of
//! fields per recipient.

use smtp_codes::EnhancedCode;

use crate::DecodeWarning;
use crate::fields::{self, Field};
use crate::recipient::{Action, Facts};

/// The per-message fields of a delivery-status part.
#[derive(Clone, Debug, Default)]
pub(crate) struct PerMessage {
    pub(crate) reporting_mta: Option<String>,
    pub(crate) received_from_mta: Option<String>,
    pub(crate) arrival_date: Option<String>,
    pub(crate) original_envelope_id: Option<String>,
    pub(crate) queue_id: Option<String>,
    pub(crate) postfix_sender: Option<String>,
}

/// The fields that belong to one recipient (RFC 3464 §2.3, and the extensions MTAs add).
const RECIPIENT_FIELDS: [&str; 12] = [
    "original-recipient",
    "final-recipient",
    "action",
    "status",
    "remote-mta",
    "diagnostic-code",
    "last-attempt-date",
    "final-log-id",
    "will-retry-until",
    "x-actual-recipient",
    "x-display-name",
    "x-supplementary-info",
];

/// The fields that belong to the message (RFC 3464 §2.2, and Postfix's own).
const MESSAGE_FIELDS: [&str; 7] = [
    "reporting-mta",
    "received-from-mta",
    "arrival-date",
    "original-envelope-id",
    "dsn-gateway",
    "x-postfix-queue-id",
    "x-postfix-sender",
];

/// Reads a delivery-status part: its per-message fields and its recipients' facts, in order.
///
/// A recipient starts with a blank line before a recipient field, or with a `Final-Recipient`
/// when the one being read already has one (some MTAs leave out the blank lines), or with an
/// `Original-Recipient` when the one being read has one or is complete. Fields of the message found among a recipient's are taken as the message's.
pub(crate) fn read(text: &str, per_message: &mut PerMessage) -> Vec<Facts> {
    /// The recipient being read: its fields, and which of the fields that decide where the
    /// next recipient starts it has (kept as flags, so that a block of many fields is read in
    /// linear time).
    #[derive(Default)]
    struct Current {
        fields: Vec<Field>,
        has_final: bool,
        has_original: bool,
        complete: bool,
    }
    let mut recipients: Vec<Vec<Field>> = Vec::new();
    for block in fields::blocks(text) {
        let mut current: Option<Current> = None;
        for field in block {
            let name = field.name.as_str();
            if MESSAGE_FIELDS.contains(&name) {
                message_field(&field, per_message);
                continue;
            }
            let opens = match &current {
                None => RECIPIENT_FIELDS.contains(&name),
                // `Original-Recipient` may come before or after `Final-Recipient`; it opens a
                // new recipient only after one that already has its own, or that is complete
                // (it has an `Action` or a `Status`) and did not just give `Final-Recipient`.
                Some(c) => match name {
                    "final-recipient" => c.has_final,
                    "original-recipient" => {
                        let after_final = c.fields.last().is_some_and(|f| f.name == "final-recipient");
                        c.has_original || c.has_final && !after_final && c.complete
                    }
                    _ => false,
                },
            };
            if opens {
                if let Some(done) = current.take() {
                    recipients.push(done.fields);
                }
                current = Some(Current::default());
            }
            if let Some(c) = current.as_mut() {
                match name {
                    "final-recipient" => c.has_final = true,
                    "original-recipient" => c.has_original = true,
                    "action" | "status" => c.complete = true,
                    _ => {}
                }
                c.fields.push(field);
            }
        }
        if let Some(done) = current {
            recipients.push(done.fields);
        }
    }
    recipients.into_iter().map(|fields| facts(&fields)).collect()
}

fn message_field(field: &Field, m: &mut PerMessage) {
    let value = || Some(field.value.clone()).filter(|v| !v.is_empty());
    match field.name.as_str() {
        "reporting-mta" => m.reporting_mta = m.reporting_mta.take().or_else(|| fields::host(&field.value)),
        "received-from-mta" => m.received_from_mta = m.received_from_mta.take().or_else(|| fields::host(&field.value)),
        "arrival-date" => m.arrival_date = m.arrival_date.take().or_else(value),
        "original-envelope-id" => m.original_envelope_id = m.original_envelope_id.take().or_else(value),
        "x-postfix-queue-id" => m.queue_id = m.queue_id.take().or_else(value),
        "x-postfix-sender" => m.postfix_sender = m.postfix_sender.take().or_else(|| fields::address(&field.value)),
        _ => {}
    }
}

/// The comment of a `Status` value (`5.0.0 (recipient reached disk quota)`), RFC 5322's
/// parenthesised text after the code, when it holds words.
fn comment(value: &str) -> Option<String> {
    let inner = value.split_once('(')?.1;
    let inner = inner.rsplit_once(')').map_or(inner, |(i, _)| i).trim();
    inner.chars().any(char::is_alphabetic).then(|| inner.to_owned())
}

/// Reads an enhanced status code at the start of a `Status` value (`5.1.1`, `5.1.1 (user
/// unknown)`, `5.1.1;`).
pub(crate) fn status_code(value: &str) -> Option<EnhancedCode> {
    let word = value.trim().split(|c: char| !(c.is_ascii_digit() || c == '.')).next().unwrap_or("");
    word.trim_end_matches('.').parse().ok()
}

fn facts(fields: &[Field]) -> Facts {
    let mut f = Facts::default();
    let mut actual = None;
    let mut status_comment = None;
    // Whether the Final-Recipient is of a type other than an Internet address (`x400;`).
    let mut foreign_final = false;
    for field in fields {
        let v = field.value.as_str();
        let nonempty = || Some(v.to_owned()).filter(|v| !v.is_empty());
        match field.name.as_str() {
            "final-recipient" if f.recipient.is_none() => {
                let (kind, _) = fields::typed(v);
                foreign_final =
                    kind.is_some_and(|k| !k.eq_ignore_ascii_case("rfc822") && !k.eq_ignore_ascii_case("utf-8"));
                f.recipient = fields::address(v);
            }
            "original-recipient" => f.original_recipient = f.original_recipient.take().or_else(|| fields::address(v)),
            "x-actual-recipient" => actual = actual.take().or_else(|| fields::address(v)),
            "action" if f.action.is_none() => {
                f.action = Action::parse(v);
                if f.action.is_none() && !v.is_empty() {
                    f.warnings.push(DecodeWarning::UnknownAction { value: v.to_owned() });
                }
            }
            "status" if f.status.is_none() => {
                f.status = status_code(v);
                status_comment = status_comment.take().or_else(|| comment(v));
                if f.status.is_none() && !v.is_empty() {
                    f.warnings.push(DecodeWarning::BadStatus { value: v.to_owned() });
                }
            }
            "remote-mta" => f.remote_mta = f.remote_mta.take().or_else(|| fields::host(v)),
            "diagnostic-code" if f.diagnostic.is_empty() => {
                let (kind, text) = fields::typed(v);
                f.diagnostic_type = kind.map(str::to_owned);
                f.diagnostic = text.to_owned();
            }
            "last-attempt-date" => f.last_attempt_date = f.last_attempt_date.take().or_else(nonempty),
            "will-retry-until" => f.will_retry_until = f.will_retry_until.take().or_else(nonempty),
            _ => {}
        }
    }
    f.status_comment = status_comment;
    // A `Final-Recipient` that names no address (`rfc822; <>`): the actual one when given.
    if f.recipient.is_none() {
        f.recipient = actual;
    }
    // A Final-Recipient in another address type (RFC 3464 §2.3.2: an X.400 gateway's
    // `x400; /S=bob/...`): the Original-Recipient, when it is an Internet address, is the one
    // the sender knows.
    // So is a Final-Recipient whose domain is a host's internal name, not a domain of the
    // Internet (Sun's `bob@sims-ms-daemon`).
    let internal = |a: &str| a.rsplit_once('@').is_some_and(|(_, d)| !d.contains('.') && !d.starts_with('['));
    let original_ok = f.original_recipient.as_deref().is_some_and(|a| a.contains('@') && !internal(a));
    if (foreign_final || f.recipient.as_deref().is_some_and(internal)) && original_ok {
        f.recipient = f.original_recipient.clone();
    }
    f
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_x400_final_recipient_gives_way_to_an_internet_original_one() {
        let mut m = PerMessage::default();
        let r = read(
            "Reporting-MTA: dns; mx.example.org\n\nOriginal-Recipient: rfc822; bob@example.org\nFinal-Recipient: x400; /S=bob/PRMD=EXAMPLE/C=GB/\nAction: failed\nStatus: 5.1.1\n",
            &mut m,
        );
        assert_eq!(r[0].recipient.as_deref(), Some("bob@example.org"));
        let r = read(
            "Reporting-MTA: dns; mx.example.org\n\nOriginal-Recipient: rfc822; alias@example.org\nFinal-Recipient: rfc822; bob@example.org\nAction: failed\nStatus: 5.1.1\n",
            &mut m,
        );
        assert_eq!(r[0].recipient.as_deref(), Some("bob@example.org"));
        let r = read(
            "Reporting-MTA: dns; mx.example.org\n\nOriginal-Recipient: rfc822; bob@example.org\nFinal-Recipient: rfc822; bob@sims-ms-daemon\nAction: failed\nStatus: 5.0.0\n",
            &mut m,
        );
        assert_eq!(r[0].recipient.as_deref(), Some("bob@example.org"));
    }

    #[test]
    fn two_recipients_without_blank_line() {
        let mut m = PerMessage::default();
        let r = read(
            "Reporting-MTA: dns; mx.example.org\nX-Postfix-Queue-ID: ABC\n\nFinal-Recipient: rfc822; a@example.org\nAction: failed\nStatus: 5.1.1\nDiagnostic-Code: smtp; 550 5.1.1 unknown\nFinal-Recipient: rfc822; b@example.org\nAction: delayed\nStatus: 4.4.1\n",
            &mut m,
        );
        assert_eq!(m.reporting_mta.as_deref(), Some("mx.example.org"));
        assert_eq!(m.queue_id.as_deref(), Some("ABC"));
        assert_eq!(r.len(), 2);
        assert_eq!(r[0].recipient.as_deref(), Some("a@example.org"));
        assert_eq!(r[0].diagnostic_type.as_deref(), Some("smtp"));
        assert_eq!(r[1].action, Some(Action::Delayed));
        assert_eq!(r[1].status.unwrap().to_string(), "4.4.1");
    }

    #[test]
    fn status_with_comment() {
        assert_eq!(status_code("5.1.1 (user unknown)").unwrap().to_string(), "5.1.1");
        assert_eq!(status_code("bogus"), None);
        assert_eq!(comment("5.0.0 (recipient reached disk quota)").as_deref(), Some("recipient reached disk quota"));
        assert_eq!(comment("5.1.1"), None);
        assert_eq!(comment("5.1.1 ()"), None);
        assert_eq!(comment("4.4.1 (no answer"), Some("no answer".to_owned()));
    }
}
