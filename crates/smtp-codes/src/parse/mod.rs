//! Reading SMTP replies: clean wire replies ([`parse_reply`], [`replies`]) and replies buried in
//! bounce messages, log lines and webhook fields ([`diagnose`]).
//!
//! Both parsers borrow from their input, never allocate and run in time linear in the input's
//! length. Oddities (the reply class and the enhanced class disagree, the code changes between
//! lines, ...) are reported as [`Warning`]s, never as failures.
//!
//! # Example
//!
//! ```
//! use smtp_codes::parse::{diagnose, parse_reply};
//! use smtp_codes::Command;
//!
//! // A reply as a server sends it.
//! let (reply, rest) = parse_reply(b"550-5.1.1 No such user\r\n550 5.1.1 Try again later\r\n")?;
//! assert_eq!(reply.code(), 550);
//! assert_eq!(reply.enhanced().unwrap().to_string(), "5.1.1");
//! assert_eq!(reply.lines().collect::<Vec<_>>(), [&b"No such user"[..], b"Try again later"]);
//! assert!(rest.is_empty());
//!
//! // A reply as a log shows it.
//! let d = diagnose("host mx.example[192.0.2.1] said: 450 4.2.1 Try later (in reply to RCPT TO command)");
//! assert_eq!(d.reply_code().unwrap(), 450);
//! assert_eq!(d.enhanced_code().unwrap().to_string(), "4.2.1");
//! assert_eq!(d.text(), "Try later");
//! assert_eq!(d.command(), Some(Command::Rcpt));
//! # Ok::<(), smtp_codes::parse::ReplyError>(())
//! ```

pub(crate) mod command;
mod text;
mod warning;
mod wire;

pub use command::ParseCommandError;
#[cfg(feature = "classify")]
pub(crate) use text::diagnose_codes;
#[cfg(feature = "alloc")]
pub(crate) use text::unflattened;
pub use text::{Diagnosis, Segments, diagnose, diagnose_bytes};
pub use warning::{Warning, Warnings};
pub use wire::{Line, Replies, Reply, ReplyError, ReplyErrorKind, parse_reply, replies};

#[cfg(test)]
mod tests;

use crate::grammar::{self, is_word};
use crate::{EnhancedCode, ReplyCode};

/// The position of the first `\n` in `s`: the memchr crate's vectorised search, called directly
/// as its SSE2 routine on x86-64 (SSE2 is part of that target), elsewhere through its portable
/// entry point.
///
/// Measured in the bench crate: `memchr::memchr` against a search without dependencies (two
/// eight-byte words at a time) was about 1 ns slower on a 40-byte reply and 1–2 ns faster on
/// replies of 100–170 bytes; calling the SSE2 routine directly instead of `memchr::memchr` (which
/// picks AVX2 at run time through a function pointer) made Gmail's multi-line and EHLO replies
/// 10–18% faster and left single-line replies as they were.
fn find_newline(s: &[u8]) -> Option<usize> {
    #[cfg(target_arch = "x86_64")]
    if let Some(newline) = memchr::arch::x86_64::sse2::memchr::One::new(b'\n') {
        return newline.find(s);
    }
    memchr::memchr(b'\n', s)
}

/// Reads three digits at `i` that make a reply code (first digit 2–5). Boundaries are the
/// caller's business.
fn reply_digits_at(s: &[u8], i: usize) -> Option<ReplyCode> {
    match s.get(i..i + 3) {
        Some(d) => ReplyCode::from_bytes(d).ok(),
        None => None,
    }
}

/// Reads `class.subject.detail` at `i` with the crate's one reader and returns it with the
/// index after it. It checks that no further digit follows the detail; other boundaries are the
/// caller's business.
fn enhanced_at(s: &[u8], i: usize) -> Option<(EnhancedCode, usize)> {
    match grammar::enhanced(s, i, grammar::Class::Digit) {
        Ok(p) => Some((EnhancedCode::from_checked(p.class - b'0', p.subject, p.detail), p.end)),
        Err(_) => None,
    }
}
