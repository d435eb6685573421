//! Microsoft Exchange message tracking logs (`MSGTRK*.LOG`, Exchange 2007 to 2019) and the
//! column header that drives them and Microsoft 365's trace exports.
//!
//! A tracking log opens with a header block (`#Software: Microsoft Exchange Server`,
//! `#Version:`, `#Log-type: Message Tracking Log`, `#Date:`, `#Fields: date-time,client-ip,...`),
//! often after a UTF-8 byte order mark; the rows are CSV in the order `#Fields:` names, which
//! differs between versions (2007/2010 have no `network-message-id`; 2016/2019 add
//! `transport-traffic-type,log-id,schema-version`), so columns are found by name.
//!
//! What each `event-id` means here:
//! - `RECEIVE`: the message arrived (sender, `total-bytes`, `message-id`, client).
//! - `SEND`, `SENDEXTERNAL` (to the next server), `DELIVER` (to a mailbox): delivered.
//! - `FAIL`: bounced; `BADMAIL` (a pickup or replay message that could be neither delivered
//!   nor returned): bounced.
//! - `DEFER`: deferred; `POISONMESSAGE` (put in the poison queue, held until an administrator
//!   acts): deferred.
//! - `DSN` (the notification Exchange wrote about a `FAIL` or `DEFER`, which itself named the
//!   recipient), `EXPAND`, `RESOLVE`, `REDIRECT`, `TRANSFER`, `SUBMIT`, `DUPLICATEDELIVER`,
//!   `HAREDIRECT`, `HAREDIRECTFAIL` (shadow redundancy, not delivery), `AGENTINFO`,
//!   `NOTIFYMAPI` and the rest: read, but no outcome.
//!
//! Rows are joined by `internal-message-id` (unique within one server's logs), else by
//! `message-id`. `recipient-address` may list several recipients separated by `;`; when
//! `recipient-status` splits by `;` into as many replies, each recipient gets its own, else each
//! gets the whole text. A reply written without the space after its enhanced code
//! (`250 2.1.5Recipient OK`) is given one.

use std::borrow::Cow;

use crate::entry::{Entry, Fate, present};
use crate::event::{Status, unbracket};
use crate::time::{Stamp, parse_stamp};
use crate::{LogFormat, Timestamp};

/// The shape of a CSV log's rows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Shape {
    /// One row per event, with `event-id` (Exchange tracking logs, Microsoft 365's extended
    /// report).
    Tracking,
    /// One row per message, `recipient_status` holding `<address>##<status>` per recipient
    /// (Microsoft 365's enhanced summary report).
    Summary,
    /// One row per recipient, `Status` the last status (`Get-MessageTrace` exports).
    Trace,
}

/// Where each column the reader uses is, by name.
#[derive(Clone, Debug, Default)]
pub(crate) struct Cols {
    pub(crate) date: Option<usize>,
    pub(crate) client_ip: Option<usize>,
    pub(crate) client_hostname: Option<usize>,
    pub(crate) server_ip: Option<usize>,
    pub(crate) server_hostname: Option<usize>,
    pub(crate) event_id: Option<usize>,
    pub(crate) internal_message_id: Option<usize>,
    pub(crate) message_id: Option<usize>,
    pub(crate) network_message_id: Option<usize>,
    pub(crate) recipient_address: Option<usize>,
    pub(crate) recipient_status: Option<usize>,
    pub(crate) total_bytes: Option<usize>,
    pub(crate) sender_address: Option<usize>,
    pub(crate) return_path: Option<usize>,
    pub(crate) status: Option<usize>,
    pub(crate) size: Option<usize>,
    pub(crate) from_ip: Option<usize>,
    pub(crate) to_ip: Option<usize>,
    pub(crate) trace_id: Option<usize>,
    pub(crate) original_client_ip: Option<usize>,
}

impl Cols {
    /// The columns of a header: names compared without case, `-`, `_` or spaces, so
    /// `recipient-address` (Exchange), `recipient_address` (Microsoft 365's reports) and
    /// `RecipientAddress` (`Get-MessageTrace`) are one column.
    fn new<'a>(names: impl Iterator<Item = &'a str>) -> Self {
        let mut c = Self::default();
        for (i, name) in names.enumerate() {
            let key = key(name);
            let slot = match key.as_str() {
                "datetime" | "datetimeutc" | "origintimestamputc" | "origintimestamp" | "received" => &mut c.date,
                "clientip" => &mut c.client_ip,
                "clienthostname" => &mut c.client_hostname,
                "serverip" => &mut c.server_ip,
                "serverhostname" => &mut c.server_hostname,
                "eventid" => &mut c.event_id,
                "internalmessageid" => &mut c.internal_message_id,
                "messageid" => &mut c.message_id,
                "networkmessageid" => &mut c.network_message_id,
                "recipientaddress" => &mut c.recipient_address,
                "recipientstatus" => &mut c.recipient_status,
                "totalbytes" => &mut c.total_bytes,
                "senderaddress" => &mut c.sender_address,
                "returnpath" => &mut c.return_path,
                "status" => &mut c.status,
                "size" => &mut c.size,
                "fromip" => &mut c.from_ip,
                "toip" => &mut c.to_ip,
                "messagetraceid" => &mut c.trace_id,
                "originalclientip" => &mut c.original_client_ip,
                _ => continue,
            };
            slot.get_or_insert(i);
        }
        c
    }

    /// The shape of rows with these columns, if they are one the reader knows.
    fn shape(&self) -> Option<Shape> {
        let id = self.message_id.or(self.network_message_id).or(self.internal_message_id).or(self.trace_id);
        id?;
        if self.event_id.is_some() && self.recipient_address.is_some() {
            Some(Shape::Tracking)
        } else if self.recipient_status.is_some() && self.recipient_address.is_none() {
            Some(Shape::Summary)
        } else if self.status.is_some() && self.recipient_address.is_some() {
            Some(Shape::Trace)
        } else {
            None
        }
    }
}

/// A column name without case, `-`, `_`, spaces, quotes or a byte order mark.
fn key(name: &str) -> String {
    name.trim_matches(|ch: char| ch.is_whitespace() || ch == '"' || ch == '\u{feff}')
        .chars()
        .filter(|ch| !matches!(ch, '-' | '_' | ' '))
        .map(|ch| ch.to_ascii_lowercase())
        .collect()
}

/// The column header of the CSV log being read (kept per file).
#[derive(Clone, Debug)]
pub(crate) struct Table {
    pub(crate) format: LogFormat,
    pub(crate) shape: Shape,
    pub(crate) cols: Cols,
    /// The first column's name, compared as [`Cols::new`] compares names.
    first: String,
}

impl Table {
    /// The table of a `#Fields: date-time,client-ip,...` line (after `#Fields:`).
    pub(crate) fn from_fields_line(names: &str) -> Option<Self> {
        let cols = Cols::new(names.split(','));
        let shape = cols.shape()?;
        let first = key(names.split(',').next().unwrap_or(""));
        Some(Self { format: LogFormat::Exchange, shape, cols, first })
    }

    /// The table of a header row of column names, for `format`.
    pub(crate) fn from_header_row(format: LogFormat, names: &[Cow<'_, str>]) -> Option<Self> {
        let cols = Cols::new(names.iter().map(AsRef::as_ref));
        let shape = cols.shape()?;
        let first = key(names.first().map_or("", AsRef::as_ref));
        Some(Self { format, shape, cols, first })
    }

    /// Whether `row` is this header again (exports concatenated, or a header repeated).
    pub(crate) fn is_header(&self, row: &[Cow<'_, str>]) -> bool {
        row.first().is_some_and(|f| key(f) == self.first)
    }

    /// The record of one row: `None` when the row is not one of this table (too short, or
    /// without the columns it needs).
    pub(crate) fn entry<'r>(&self, row: &'r [Cow<'_, str>]) -> Option<Entry<'r>> {
        match self.shape {
            Shape::Tracking => self.tracking(row),
            Shape::Summary => crate::m365::summary(self, row),
            Shape::Trace => crate::m365::trace(self, row),
        }
    }

    /// The field in column `i`, trimmed, when the row has one and it is not empty.
    pub(crate) fn get<'r>(row: &'r [Cow<'_, str>], i: Option<usize>) -> Option<&'r str> {
        let f = row.get(i?)?.trim();
        (!f.is_empty()).then_some(f)
    }

    fn tracking<'r>(&self, row: &'r [Cow<'_, str>]) -> Option<Entry<'r>> {
        let c = &self.cols;
        let get = |i| Self::get(row, i);
        let event = get(c.event_id)?;
        let message_id = get(c.message_id).map(unbracket);
        let id = get(c.internal_message_id).or(message_id).or_else(|| get(c.network_message_id))?;
        let mut e = Entry {
            time: get(c.date).and_then(stamp),
            id: Cow::Borrowed(id),
            message_id: message_id.map(Cow::Borrowed),
            ..Entry::default()
        };
        let status = match event.to_ascii_uppercase().as_str() {
            "RECEIVE" => {
                e.arrival = true;
                e.sender = present(get(c.sender_address).or_else(|| get(c.return_path)).map(Cow::Borrowed));
                e.size = get(c.total_bytes).and_then(|s| s.parse().ok());
                e.client = host(get(c.client_hostname), get(c.client_ip));
                return Some(e);
            }
            "SEND" | "SENDEXTERNAL" | "DELIVER" => Status::Sent,
            "FAIL" | "BADMAIL" => Status::Bounced,
            "DEFER" | "POISONMESSAGE" => Status::Deferred,
            _ => return Some(e),
        };
        e.relay = host(get(c.server_hostname), get(c.server_ip));
        e.sender = present(get(c.sender_address).or_else(|| get(c.return_path)).map(Cow::Borrowed));
        e.size = get(c.total_bytes).and_then(|s| s.parse().ok());
        let recipients: Vec<&str> =
            get(c.recipient_address).unwrap_or("").split(';').map(str::trim).filter(|r| !r.is_empty()).collect();
        let text = get(c.recipient_status).unwrap_or(if event.eq_ignore_ascii_case("POISONMESSAGE") {
            "poison message"
        } else {
            ""
        });
        let replies: Vec<&str> = text.split(';').map(str::trim).collect();
        let each = recipients.len() > 1
            && replies.len() == recipients.len()
            && replies.iter().all(|r| r.len() >= 3 && r.as_bytes()[..3].iter().all(u8::is_ascii_digit));
        for (i, r) in recipients.iter().enumerate() {
            let reply = if each { replies[i] } else { text };
            e.recipients.push((Cow::Borrowed(unbracket(r)), Fate::Attempt(status), spaced(reply)));
        }
        Some(e)
    }
}

/// `name[ip]`, or whichever of the two the row has.
pub(crate) fn host<'r>(name: Option<&'r str>, ip: Option<&'r str>) -> Option<Cow<'r, str>> {
    match (name, ip) {
        (Some(n), Some(a)) if n != a => Some(Cow::Owned(format!("{n}[{a}]"))),
        (Some(n), _) => Some(Cow::Borrowed(n)),
        (None, Some(a)) => Some(Cow::Borrowed(a)),
        (None, None) => None,
    }
}

/// A time stamp with its date (`2024-01-07T00:00:07.463Z`).
pub(crate) fn stamp(s: &str) -> Option<Timestamp> {
    match parse_stamp(s.trim())? {
        (Stamp::Full(t), _) => Some(t),
        (Stamp::NoYear(_), _) => None,
    }
}

/// `250 2.1.5Recipient OK` as `250 2.1.5 Recipient OK`; any other text as it is.
fn spaced(reply: &str) -> Cow<'_, str> {
    let b = reply.as_bytes();
    if b.len() > 9 && b[..3].iter().all(u8::is_ascii_digit) && b[3] == b' ' {
        // The enhanced code: digit, dot, 1-3 digits, dot, 1-3 digits.
        let code = &b[4..];
        let mut i = 0;
        let mut dots = 0;
        while i < code.len() && (code[i].is_ascii_digit() || code[i] == b'.') {
            dots += usize::from(code[i] == b'.');
            i += 1;
        }
        if dots == 2 && i >= 5 && code.get(i).is_some_and(u8::is_ascii_alphabetic) {
            let at = 4 + i;
            return Cow::Owned(format!("{} {}", &reply[..at], &reply[at..]));
        }
    }
    Cow::Borrowed(reply)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::csv;

    const FIELDS: &str = "date-time,client-ip,client-hostname,server-ip,server-hostname,source-context,connector-id,source,event-id,internal-message-id,message-id,network-message-id,recipient-address,recipient-status,total-bytes,recipient-count,related-recipient-address,reference,message-subject,sender-address,return-path,message-info,directionality,tenant-id,original-client-ip,original-server-ip,custom-data";

    #[test]
    fn rows_are_read_by_the_fields_line() {
        let t = Table::from_fields_line(FIELDS).unwrap();
        assert_eq!(t.shape, Shape::Tracking);
        let row = csv::fields(
            "2024-01-07T00:00:07.463Z,192.168.0.1,exchange,192.168.0.2,exchange.example.com,\";250 2.0.0OK, queued\",Intra-Organization SMTP Send Connector,SMTP,SEND,29519319995411,<m@example.com>,0b70,a@example.com;b@example.com,250 2.1.5Recipient OK,38663,2,,,\"a, title\",support@example.com,support@example.com,,Originating,,,,",
        );
        let e = t.entry(&row).unwrap();
        assert_eq!(e.id, "29519319995411");
        assert_eq!(e.message_id.as_deref(), Some("m@example.com"));
        assert_eq!(e.relay.as_deref(), Some("exchange.example.com[192.168.0.2]"));
        assert_eq!(e.recipients.len(), 2);
        assert_eq!(e.recipients[1].0, "b@example.com");
        assert_eq!(e.recipients[1].2, "250 2.1.5 Recipient OK");
        assert_eq!(e.time.map(|t| t.to_string()).as_deref(), Some("2024-01-07T00:00:07Z"));
    }

    #[test]
    fn replies_get_their_space() {
        assert_eq!(spaced("250 2.1.5Recipient OK"), "250 2.1.5 Recipient OK");
        assert_eq!(
            spaced("550 5.1.1 RESOLVER.ADR.RecipNotFound; not found"),
            "550 5.1.1 RESOLVER.ADR.RecipNotFound; not found"
        );
        assert_eq!(spaced("Queued"), "Queued");
    }
}
