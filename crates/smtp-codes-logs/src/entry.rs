//! A record of a log whose records are not plain lines the events can borrow from (a CSV row of
//! Exchange or Microsoft 365, a JSON object of KumoMTA): read into owned parts first (a field may
//! have been unquoted, a reply put together), then into the same events as every other format.

use std::borrow::Cow;

use crate::Timestamp;
use crate::event::{Event, Status};

/// What became of one recipient of a record.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Fate {
    /// A delivery attempt that ended so.
    Attempt(Status),
    /// Refused by this server or its filters on arrival.
    Rejected,
}

/// One record: the message it is about, whether it tells of the message's arrival, and what
/// became of its recipients.
#[derive(Debug, Default)]
pub(crate) struct Entry<'r> {
    pub(crate) time: Option<Timestamp>,
    pub(crate) id: Cow<'r, str>,
    /// The record tells of the message's arrival (its sender and size are the message's).
    pub(crate) arrival: bool,
    pub(crate) sender: Option<Cow<'r, str>>,
    pub(crate) size: Option<u64>,
    pub(crate) message_id: Option<Cow<'r, str>>,
    pub(crate) client: Option<Cow<'r, str>>,
    pub(crate) relay: Option<Cow<'r, str>>,
    pub(crate) dsn: Option<Cow<'r, str>>,
    /// Each recipient, what became of it and the reply or status text.
    pub(crate) recipients: Vec<(Cow<'r, str>, Fate, Cow<'r, str>)>,
}

impl Entry<'_> {
    /// The events of the record: its arrival first, then one per recipient.
    pub(crate) fn events(&self) -> Vec<Event<'_>> {
        let id = self.id.as_ref();
        let mut out = Vec::with_capacity(1 + self.recipients.len());
        if self.arrival {
            out.push(Event::Arrival {
                id,
                sender: self.sender.as_deref(),
                size: self.size,
                message_id: self.message_id.as_deref(),
                client: self.client.as_deref(),
            });
        } else if self.recipients.iter().any(|r| matches!(r.1, Fate::Attempt(_)))
            && (self.sender.is_some() || self.size.is_some())
        {
            out.push(Event::Known { id, sender: self.sender.as_deref(), size: self.size });
        }
        for (recipient, fate, text) in &self.recipients {
            out.push(match *fate {
                Fate::Attempt(status) => Event::Attempt {
                    id,
                    recipients: recipient,
                    original: None,
                    relay: self.relay.as_deref(),
                    delay: None,
                    dsn: self.dsn.as_deref(),
                    status,
                    text,
                },
                Fate::Rejected => Event::Rejected {
                    id: (!id.is_empty()).then_some(id),
                    recipient: Some(recipient),
                    sender: self.sender.as_deref(),
                    client: self.client.as_deref(),
                    text,
                },
            });
        }
        out
    }
}

/// `Some(s)` unless `s` is empty (CSV and JSON write an absent value as an empty one).
pub(crate) fn present<'r>(s: Option<Cow<'r, str>>) -> Option<Cow<'r, str>> {
    s.filter(|s| !s.trim().is_empty())
}
