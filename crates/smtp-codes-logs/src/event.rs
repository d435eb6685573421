//! What one log line says, whatever its MTA: the events the scanner joins into outcomes.

/// The status a delivery attempt ended in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Status {
    Sent,
    Deferred,
    Bounced,
}

/// How grave an MTA's own problem line is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Severity {
    /// `warning:` lines.
    Warning,
    /// `error:`, `fatal:` lines.
    Error,
    /// `panic:` lines.
    Panic,
}

impl Severity {
    /// `warning`, `error` or `panic`.
    #[must_use]
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::Warning => "warning",
            Self::Error => "error",
            Self::Panic => "panic",
        }
    }
}

/// One line's meaning.
#[derive(Debug, PartialEq)]
pub(crate) enum Event<'a> {
    /// A message entered the queue: any of its sender, size, message id and client.
    Arrival {
        id: &'a str,
        sender: Option<&'a str>,
        size: Option<u64>,
        message_id: Option<&'a str>,
        client: Option<&'a str>,
    },
    /// A delivery attempt to `recipients` (more than one, comma-separated, for Sendmail).
    Attempt {
        id: &'a str,
        recipients: &'a str,
        original: Option<&'a str>,
        relay: Option<&'a str>,
        delay: Option<f64>,
        dsn: Option<&'a str>,
        status: Status,
        text: &'a str,
    },
    /// The queue lifetime ran out: every recipient still pending has expired.
    Expired { id: &'a str },
    /// The message left the queue.
    Done { id: &'a str },
    /// This server refused a message another server offered.
    Rejected {
        id: Option<&'a str>,
        recipient: Option<&'a str>,
        sender: Option<&'a str>,
        client: Option<&'a str>,
        text: &'a str,
    },
    /// The MTA's own warning, error or panic.
    Problem { severity: Severity, text: &'a str },
    /// A line of the MTA that says nothing about a delivery (connections, TLS, statistics).
    Noise,
}

/// The text between `<` and `>` (the brackets are optional: some logs lose them).
pub(crate) fn unbracket(s: &str) -> &str {
    let s = s.trim();
    s.strip_prefix('<').and_then(|s| s.strip_suffix('>')).unwrap_or(s)
}

/// The value of `key=` in a list of `key=value` fields separated by `sep`.
pub(crate) fn field<'a>(fields: &'a str, key: &str, sep: &str) -> Option<&'a str> {
    fields.split(sep).find_map(|f| f.trim().strip_prefix(key)?.strip_prefix('='))
}
