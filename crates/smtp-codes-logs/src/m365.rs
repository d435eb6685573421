//! Microsoft 365 (Exchange Online) message trace exports, recognised by their header row:
//!
//! - the enhanced summary report of the new Exchange admin center's message trace
//!   (`origin_timestamp_utc,sender_address,recipient_status,message_subject,total_bytes,
//!   message_id,network_message_id,original_client_ip,directionality,connector_id,...`), one row
//!   per message, `recipient_status` holding `<address>##<status>, <status>...` per recipient
//!   separated by `;`;
//! - its extended report: the tracking log's columns with `_` for `-` (`date_time_utc,
//!   client_ip,...,event_id,...`), read as Exchange's rows are (see `exchange.rs`);
//! - `Get-MessageTrace` / `Get-MessageTraceV2` exported with `Export-Csv` (`Received,
//!   SenderAddress,RecipientAddress,Subject,Status,ToIP,FromIP,Size,MessageId,MessageTraceId`),
//!   one row per recipient.
//!
//! A recipient's outcome is its last status: `Deliver`, `Send`, `Delivered` delivered; `Fail`,
//! `Failed` bounced; `Defer`, `Pending`, `GettingStatus`, and a last status that is no final one
//! (`Receive`, `Submit`, `Resolve`, `Transfer`, ...: the message is still on its way) deferred;
//! `FilteredAsSpam`, `Quarantine`, `Quarantined` rejected (the service's own filters kept the
//! message from the recipient on arrival, which no retry of the sender changes and which is
//! not the receiving server's bounce); `Expand`, `Expanded` (a group, whose members have rows
//! of their own) and `None` give no outcome. Rows are joined by `network_message_id` or
//! `MessageTraceId`, else `message_id`. Times are UTC, as Microsoft's documentation says.

use std::borrow::Cow;

use crate::entry::{Entry, Fate, present};
use crate::event::{Status, unbracket};
use crate::exchange::{Table, host, stamp};
use crate::{LogFormat, Timestamp, csv};

/// The table of a header row, when `line` is one of a trace export.
pub(crate) fn header(line: &str) -> Option<Table> {
    let names = csv::fields(line.trim_start_matches('\u{feff}'));
    // A header row names its columns; a row of data has `@` in an address column.
    if names.len() < 4 || names.iter().any(|n| n.contains('@')) {
        return None;
    }
    Table::from_header_row(LogFormat::M365, &names)
}

/// What `status` (one of a recipient's statuses) makes of it: `None` for no outcome.
fn fate(status: &str) -> Option<Fate> {
    let s = status.trim().to_ascii_lowercase();
    Some(match s.as_str() {
        "deliver" | "delivered" | "send" | "sent" => Fate::Attempt(Status::Sent),
        "fail" | "failed" | "drop" | "dropped" => Fate::Attempt(Status::Bounced),
        "filteredasspam" | "quarantine" | "quarantined" => Fate::Rejected,
        "expand" | "expanded" | "none" | "" => return None,
        _ => Fate::Attempt(Status::Deferred),
    })
}

/// One row of the enhanced summary report.
pub(crate) fn summary<'r>(t: &Table, row: &'r [Cow<'_, str>]) -> Option<Entry<'r>> {
    let c = &t.cols;
    let get = |i| Table::get(row, i);
    let message_id = get(c.message_id).map(unbracket);
    let id = get(c.network_message_id).or(message_id)?;
    let mut e = Entry {
        time: get(c.date).and_then(time),
        id: Cow::Borrowed(id),
        arrival: true,
        sender: present(get(c.sender_address).map(Cow::Borrowed)),
        size: get(c.total_bytes).and_then(|s| s.parse().ok()),
        message_id: message_id.map(Cow::Borrowed),
        client: get(c.original_client_ip).map(Cow::Borrowed),
        ..Entry::default()
    };
    for part in get(c.recipient_status).unwrap_or("").split(';') {
        let Some((address, statuses)) = part.split_once("##") else { continue };
        let address = address.trim();
        let last = statuses.rsplit(',').next().unwrap_or(statuses);
        if address.is_empty() {
            continue;
        }
        if let Some(f) = fate(last) {
            e.recipients.push((Cow::Borrowed(address), f, Cow::Borrowed(statuses.trim())));
        }
    }
    Some(e)
}

/// One row of a `Get-MessageTrace` export.
pub(crate) fn trace<'r>(t: &Table, row: &'r [Cow<'_, str>]) -> Option<Entry<'r>> {
    let c = &t.cols;
    let get = |i| Table::get(row, i);
    let message_id = get(c.message_id).map(unbracket);
    let id = get(c.trace_id).or(message_id)?;
    let status = get(c.status).unwrap_or("");
    let mut e = Entry {
        time: get(c.date).and_then(time),
        id: Cow::Borrowed(id),
        arrival: true,
        sender: present(get(c.sender_address).map(Cow::Borrowed)),
        size: get(c.size).and_then(|s| s.parse().ok()),
        message_id: message_id.map(Cow::Borrowed),
        client: host(None, get(c.from_ip)),
        relay: host(None, get(c.to_ip)),
        ..Entry::default()
    };
    if let (Some(r), Some(f)) = (get(c.recipient_address), fate(status)) {
        e.recipients.push((Cow::Borrowed(r), f, Cow::Borrowed(status)));
    }
    Some(e)
}

/// An ISO time (`2024-05-01T10:00:00.1234567Z`), or the `M/D/YYYY h:mm:ss AM` that
/// `Export-Csv` writes in the United States culture, in UTC.
fn time(s: &str) -> Option<Timestamp> {
    stamp(s).or_else(|| {
        let (date, clock) = s.trim().split_once(' ')?;
        let mut d = date.split('/').map(|p| p.parse::<u32>().ok());
        let (Some(Some(mo)), Some(Some(day)), Some(Some(y)), None) = (d.next(), d.next(), d.next(), d.next()) else {
            return None;
        };
        let (clock, half) = clock.split_once(' ').map_or((clock, ""), |(c, h)| (c, h.trim()));
        let mut p = clock.split(':').map(|p| p.parse::<u32>().ok());
        let (Some(Some(mut h)), Some(Some(mi)), Some(Some(se))) = (p.next(), p.next(), p.next()) else {
            return None;
        };
        match half {
            "PM" if h < 12 => h += 12,
            "AM" if h == 12 => h = 0,
            _ => {}
        }
        if !(1..=12).contains(&mo) || !(1..=31).contains(&day) || h > 23 || mi > 59 || se > 60 {
            return None;
        }
        let small = |n: u32| u8::try_from(n).ok();
        Some(Timestamp::new(
            i32::try_from(y).ok()?,
            small(mo)?,
            small(day)?,
            small(h)?,
            small(mi)?,
            small(se)?,
            Some(0),
        ))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn enhanced_summary_rows_give_each_recipient_its_last_status() {
        let t = header("origin_timestamp_utc,sender_address,recipient_status,message_subject,total_bytes,message_id,network_message_id,original_client_ip,directionality,connector_id,delivery_priority").unwrap();
        let row = csv::fields(
            "2024-05-01T10:00:00.1234567Z,a@contoso.com,\"user@contoso.com##Receive, Fail;b@fabrikam.com##Receive, Send\",Hi,2048,<x@contoso.com>,1341ac7b,192.0.2.1,2,,Normal",
        );
        let e = summary(&t, &row).unwrap();
        assert_eq!(e.id, "1341ac7b");
        assert_eq!(e.recipients.len(), 2);
        assert_eq!(e.recipients[0].1, Fate::Attempt(Status::Bounced));
        assert_eq!(e.recipients[1].1, Fate::Attempt(Status::Sent));
        assert_eq!(e.recipients[0].2, "Receive, Fail");
    }

    #[test]
    fn export_csv_times_are_read() {
        assert_eq!(time("5/1/2024 1:02:03 PM").map(|t| t.to_string()).as_deref(), Some("2024-05-01T13:02:03Z"));
        assert_eq!(time("2024-05-01T10:00:00Z").map(|t| t.to_string()).as_deref(), Some("2024-05-01T10:00:00Z"));
        assert_eq!(time("13/1/2024 1:02:03"), None);
    }
}
