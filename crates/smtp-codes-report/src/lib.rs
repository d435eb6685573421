//! The output contract of smtp-codes: every record, catalogue entry, lookup answer, search hit
//! and summary that a front end prints, as serde types.
//!
//! The command line, the HTTP API and the Python bindings serialise these types and nothing
//! else, so their JSON is byte for byte the same for the same input. This crate is the one place
//! where a JSON field is named; `docs/json.md` in the repository documents every record, and a
//! test checks that document against these types.
//!
//! # Example
//!
//! ```
//! use smtp_codes::classify::{Context, explain_with};
//! use smtp_codes_report::Explained;
//!
//! let text = b"550 5.1.1 <bob@example.org>: User unknown (in reply to RCPT TO command)";
//! let context = Context::default();
//! let explanation = explain_with(text, &context);
//! let json = serde_json::to_value(Explained::new(text, &explanation, &context)).unwrap();
//! assert_eq!(json["reason"], "userunknown");
//! assert_eq!(json["hard_bounce"], true);
//! assert_eq!(json["enhanced"]["code"], "5.1.1");
//! ```
//!
//! # Stability
//!
//! The contract has a version, [`SCHEMA_VERSION`]. Within one version a field is never removed,
//! renamed or given another type, and a value's vocabulary (such as `severity`) only grows; new
//! fields may be added, so consumers must ignore fields they do not know. Anything else is a new
//! version, said in `docs/json.md` and in the release notes.

pub mod bounce;
mod entries;
pub mod events;
pub mod list;
pub mod logs;
pub mod lookup;
mod related;
mod report;
pub mod search;
mod summary;

pub use bounce::{BounceRecord, BounceSummary};
pub use entries::{
    CodeRuleEntry, DigitEntry, DigitsEntry, EnhancedEntry, EnhancedPart, ProviderReplyEntry, ReasonEntry, ReplyEntry,
    UsageEntry,
};
pub use events::{EventRecord, EventSummary};
pub use logs::{LogRecord, LogSummary};
pub use related::{
    EnhancedQuery, UnknownProvider, codes_of, parse_provider, provider_replies, provider_replies_for_enhanced,
    provider_replies_for_reply, rules_for_enhanced, rules_for_reply,
};
pub use report::{BriefRecord, ClassifyInput, ClassifyRecord, Explained, InputError, Report, RuleRecord, one_line};
pub use summary::{MAX_CODES, NO_CODE, OTHER_CODES, Summary};

/// The version of the JSON contract; see [Stability](crate#stability).
pub const SCHEMA_VERSION: u32 = 1;

/// Writes `value` as one line of JSON followed by a newline: the shape of every JSON Lines
/// output and of single objects.
///
/// # Errors
/// When writing fails.
pub fn write_json_line(out: &mut impl std::io::Write, value: &impl serde::Serialize) -> serde_json::Result<()> {
    serde_json::to_writer(&mut *out, value)?;
    out.write_all(b"\n").map_err(serde_json::Error::io)
}
