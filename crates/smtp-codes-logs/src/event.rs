//! What one log line says, whatever its MTA: the events the scanner joins into outcomes.

/// The status a delivery attempt ended in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Status {
    Sent,
    Deferred,
    Bounced,
    /// Given up on when the queue lifetime ran out (KumoMTA's per-recipient `Expiration`).
    Expired,
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
    /// What a record about a delivery repeats of its message (KumoMTA and Exchange write the
    /// sender on every record): kept when no arrival said it, never counted as an arrival.
    Known { id: &'a str, sender: Option<&'a str>, size: Option<u64> },
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

/// Where `pat` first occurs in `hay`: `memchr` for its first byte, then a compare. Log lines
/// are short and these patterns are two to a dozen bytes, where building a searcher per call
/// (as `str::find` does) costs more than the search.
pub(crate) fn find(hay: &str, pat: &str) -> Option<usize> {
    let (h, p) = (hay.as_bytes(), pat.as_bytes());
    let (&first, rest) = p.split_first()?;
    let mut from = 0;
    while let Some(i) = memchr::memchr(first, &h[from..]) {
        let at = from + i;
        if h[at + 1..].starts_with(rest) {
            return Some(at);
        }
        from = at + 1;
    }
    None
}

/// `hay` split around the first `pat`, as `str::split_once` does.
pub(crate) fn split_once<'a>(hay: &'a str, pat: &str) -> Option<(&'a str, &'a str)> {
    // `pat` is ASCII wherever it is used, so both cuts are on character boundaries.
    find(hay, pat).map(|at| (&hay[..at], &hay[at + pat.len()..]))
}

/// The parts of `hay` between the occurrences of `pat`, as `str::split` gives them.
pub(crate) fn split_all<'a>(hay: &'a str, pat: &'a str) -> impl Iterator<Item = &'a str> {
    let mut rest = Some(hay);
    std::iter::from_fn(move || {
        let r = rest?;
        match split_once(r, pat) {
            Some((part, next)) => {
                rest = Some(next);
                Some(part)
            }
            None => {
                rest = None;
                Some(r)
            }
        }
    })
}

/// Where `pat` last occurs in `hay`: `memrchr` for its first byte, then a compare.
pub(crate) fn rfind(hay: &str, pat: &str) -> Option<usize> {
    let (h, p) = (hay.as_bytes(), pat.as_bytes());
    let (&first, rest) = p.split_first()?;
    let mut end = h.len();
    while let Some(at) = memchr::memrchr(first, &h[..end]) {
        if h[at + 1..].starts_with(rest) {
            return Some(at);
        }
        end = at;
    }
    None
}

/// The value of `key=` in a list of `key=value` fields separated by `sep` (white space around a
/// field is not part of it).
pub(crate) fn field<'a>(fields: &'a str, key: &str, sep: &str) -> Option<&'a str> {
    let mut rest = fields;
    loop {
        let (f, next) = split_once(rest, sep).map_or((rest, None), |(f, n)| (f, Some(n)));
        if let Some(v) = f.trim().strip_prefix(key).and_then(|v| v.strip_prefix('=')) {
            return Some(v);
        }
        rest = next?;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn searches_agree_with_the_standard_library() {
        let hays = ["", "a", ", ", "a, b, c", ", a, , b, ", "aaaa", "x; from=<a>; from=<b>", "ééé, ü", "no match here"];
        let pats = [", ", "aa", "; from=", "é", "a", "zz"];
        for hay in hays {
            for pat in pats {
                assert_eq!(
                    split_all(hay, pat).collect::<Vec<_>>(),
                    hay.split(pat).collect::<Vec<_>>(),
                    "{hay:?} {pat:?}"
                );
                assert_eq!(rfind(hay, pat), hay.rfind(pat), "{hay:?} {pat:?}");
                assert_eq!(find(hay, pat), hay.find(pat), "{hay:?} {pat:?}");
                assert_eq!(split_once(hay, pat), hay.split_once(pat), "{hay:?} {pat:?}");
            }
        }
    }
}
