//! A summary of many classified replies: counts by severity, reason and code.

use std::collections::BTreeMap;

use serde::Serialize;
use smtp_codes::explain::Explanation;

/// The key of replies without any code.
pub const NO_CODE: &str = "none";

/// Counts of classified replies; serialised as
/// `{"lines", "hard_bounces", "severity": {...}, "reason": {...}, "code": {...}}`.
#[derive(Debug, Default, Serialize)]
pub struct Summary {
    /// Replies counted.
    lines: u64,
    /// Replies that were hard bounces.
    hard_bounces: u64,
    /// Replies by severity.
    severity: BTreeMap<&'static str, u64>,
    /// Replies by bounce reason.
    reason: BTreeMap<&'static str, u64>,
    /// Keyed by the codes as found: `550 5.1.1`, `550`, `5.1.1`, or `none`. The number of keys is
    /// bounded by the number of possible codes, not by the input.
    code: BTreeMap<String, u64>,
}

impl Summary {
    /// Counts one explained reply.
    pub fn add(&mut self, e: &Explanation<'_>) {
        self.lines += 1;
        *self.severity.entry(e.severity().as_str()).or_default() += 1;
        if let Some(c) = e.classification() {
            *self.reason.entry(c.reason().id()).or_default() += 1;
            self.hard_bounces += u64::from(c.hard_bounce());
        }
        let code = match (e.reply_code(), e.enhanced_code()) {
            (Some(r), Some(x)) => format!("{r} {x}"),
            (Some(r), None) => r.to_string(),
            (None, Some(x)) => x.to_string(),
            (None, None) => NO_CODE.to_owned(),
        };
        match self.code.get_mut(&code) {
            Some(n) => *n += 1,
            None => {
                self.code.insert(code, 1);
            }
        }
    }

    /// How many replies were counted.
    #[must_use]
    pub const fn lines(&self) -> u64 {
        self.lines
    }

    /// How many of them were hard bounces.
    #[must_use]
    pub const fn hard_bounces(&self) -> u64 {
        self.hard_bounces
    }

    /// Counts by severity (`permanent`, ...), in name order.
    pub fn by_severity(&self) -> impl Iterator<Item = (&str, u64)> {
        self.severity.iter().map(|(k, v)| (*k, *v))
    }

    /// Counts by bounce reason, in name order.
    pub fn by_reason(&self) -> impl Iterator<Item = (&str, u64)> {
        self.reason.iter().map(|(k, v)| (*k, *v))
    }

    /// Counts by the codes found (`550 5.1.1`, `550`, `5.1.1` or [`NO_CODE`]), in text order.
    pub fn by_code(&self) -> impl Iterator<Item = (&str, u64)> {
        self.code.iter().map(|(k, v)| (k.as_str(), *v))
    }
}
