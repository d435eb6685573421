//! SMTP reply codes and enhanced status codes: open wire types, the whole IANA enhanced status
//! code registry and every reply code of RFC 5321 and its extensions, each with a plain-English
//! meaning, who must act and what to do.
//!
//! The catalogue is generated from the repository's `codes.toml` by `cargo xtask codegen`; this
//! crate holds the generated tables and the hand-written behaviour around them. It is `no_std`
//! and its one required dependency is `memchr` (the parser's line-ending search).
//!
//! # Example
//!
//! ```
//! use smtp_codes::{EnhancedCode, ReplyCode, Severity, WhoActs};
//!
//! let reply: ReplyCode = "550".parse()?;
//! let enhanced: EnhancedCode = "5.1.1".parse()?;
//! assert_eq!(reply.severity(), Severity::Permanent);
//!
//! let entry = enhanced.known().expect("X.1.1 is in the registry");
//! assert_eq!(entry.title(), "Bad destination mailbox address");
//! assert_eq!(entry.who_acts(), WhoActs::Sender);
//! assert!(entry.reply_codes().contains(&reply));
//! assert!(enhanced.is_registered_in_class());
//!
//! // Codes no registry knows still parse, print back and explain by their digits.
//! let vendor: EnhancedCode = "4.4.316".parse()?;
//! assert_eq!(vendor.to_string(), "4.4.316");
//! assert!(vendor.known().is_none());
//! assert_eq!(vendor.subject_meaning().unwrap().title(), "Network and Routing Status");
//! # Ok::<(), smtp_codes::ParseCodeError>(())
//! ```
//!
//! Replies in logs and bounces, explanations and bounce classification (default features):
//!
//! ```
//! use smtp_codes::classify::{Context, classify, explain_with};
//! use smtp_codes::explain::explain;
//! use smtp_codes::parse::{diagnose, parse_reply};
//! use smtp_codes::{Command, Severity, WhoActs};
//!
//! let (wire, _rest) = parse_reply(b"250-mx.example.org\r\n250 SIZE 35882577\r\n")?;
//! assert_eq!(wire.lines().count(), 2);
//!
//! let found = diagnose("relay=mx.example.org, dsn=4.0.0, stat=Deferred: 421 4.3.2 Too many connections");
//! assert_eq!(found.enhanced_code().unwrap().to_string(), "4.3.2");
//!
//! let e = explain("550 5.1.1 <bob@example.org>: User unknown (in reply to RCPT TO command)");
//! assert_eq!(e.diagnosis().command(), Some(Command::Rcpt));
//! assert_eq!(e.severity(), Severity::Permanent);
//!
//! // With the bounce classification, the reason decides who acts.
//! let e = explain_with(b"452 4.2.2 The recipient's inbox is out of storage space.", &Context::default());
//! assert_eq!(e.who_acts(), WhoActs::Recipient);
//!
//! let c = classify("452 4.2.2 The recipient's inbox is out of storage space. - gsmtp", &Context::default());
//! assert_eq!(c.reason().id(), "mailboxfull");
//! assert_eq!(c.provider().unwrap().id(), "gmail");
//! # Ok::<(), smtp_codes::parse::ReplyError>(())
//! ```
//!
//! # Crate features
//!
//! - `std` (default): a shared classifier built on first use (`classify::classify` and
//!   `classify::explain_with`); `memchr` may pick its search at run time (AVX2 where the
//!   processor has it).
//! - `classify` (default): the bounce classifier, one Aho-Corasick automaton over the catalogue's
//!   phrases, with the reasons, providers and rule tables it uses (`classify::Reason`,
//!   `classify::PROVIDER_REPLIES`, ...). The automaton is built by the crate itself (its tests
//!   check it against `aho-corasick`'s), so this feature adds no dependency. Needs `alloc`.
//! - `alloc`: use a global allocator.
//! - `serde`: `Serialize` and `Deserialize` for [`ReplyCode`] and [`EnhancedCode`] (as `550` and
//!   `"5.1.1"`), and `Serialize` for the small vocabularies ([`Severity`], [`WhoActs`], ...).
//!
//! Without default features the crate is `no_std` and depends on `memchr` alone (without its own
//! `std` feature): the wire types, the catalogue, the parsers and the explainer.
//! [`explain::explain`] gives the same answer under every feature set.

#![no_std]
#![cfg_attr(docsrs, feature(doc_cfg))]

#[cfg(feature = "alloc")]
extern crate alloc;
#[cfg(feature = "std")]
extern crate std;

mod ascii;
mod catalogue;
#[cfg(feature = "classify")]
pub mod classify;
mod enhanced_code;
mod enhanced_pattern;
mod error;
pub mod explain;
pub mod formats;
mod grammar;
mod meta;
pub mod parse;
mod reply_code;

pub use catalogue::{
    Command, FirstDigit, KnownEnhanced, KnownReply, Message, SecondDigit, Severity, StatusClass, StatusSubject, WhoActs,
};
pub use enhanced_code::EnhancedCode;
pub use enhanced_pattern::EnhancedPattern;
pub use error::{CodeKind, ParseCodeError, ParseErrorKind};
pub use meta::{RegistryStatus, ReplyStatus, Usage};
pub use parse::{Diagnosis, Reply, ReplyError, Warning, Warnings, diagnose, diagnose_bytes, parse_reply, replies};
pub use reply_code::ReplyCode;

#[cfg(test)]
mod tests;
