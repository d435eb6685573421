//! The syslog frame of a log line: its time stamp, host, program and process id, then the
//! program's own message (RFC 3164, RFC 5424-style ISO stamps, `journalctl -o short-iso`).

use crate::time::{Stamp, parse_stamp};

/// A line split into its syslog frame.
pub(crate) struct Framed<'a> {
    pub(crate) stamp: Stamp,
    pub(crate) program: &'a str,
    pub(crate) message: &'a str,
}

/// The frame of `line`: a stamp, a host, `program[pid]:` (or `program:`), the message. `None`
/// when the line is not framed so.
pub(crate) fn frame(line: &str) -> Option<Framed<'_>> {
    let (stamp, rest) = parse_stamp(line)?;
    // RFC 5424 puts a version digit first (`<34>1 2024-...` once the priority is stripped);
    // journalctl and rsyslog do not.
    let host_end = memchr::memchr(b' ', rest.as_bytes())?;
    let rest = rest[host_end + 1..].trim_start();
    // The tag runs to the first `: `; a space before that means the line has no tag.
    let b = rest.as_bytes();
    let mut from = 0;
    let colon = loop {
        let at = from + memchr::memchr2(b' ', b':', &b[from..])?;
        if b[at] == b' ' {
            return None;
        }
        if b.get(at + 1) == Some(&b' ') {
            break at;
        }
        from = at + 1;
    };
    let tag = &rest[..colon];
    if tag.is_empty() {
        return None;
    }
    let program = memchr::memchr(b'[', tag.as_bytes()).map_or(tag, |at| &tag[..at]);
    Some(Framed { stamp, program, message: &rest[colon + 2..] })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn frames_are_split() {
        let f = frame("Jul 12 07:47:48 saturn postfix/smtpd[8738]: NOQUEUE: reject: x").unwrap();
        assert_eq!(f.program, "postfix/smtpd");
        assert_eq!(f.message, "NOQUEUE: reject: x");
        let f = frame("2024-01-02T03:04:05+0000 mx postfix-out/smtp[1]: ABC: to=<a@b.c>").unwrap();
        assert_eq!(f.program, "postfix-out/smtp");
        assert!(frame("no stamp here: x").is_none());
        assert!(frame("Jul 12 07:47:48 saturn").is_none());
    }
}
