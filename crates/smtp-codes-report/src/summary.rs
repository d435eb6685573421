//! A summary of many classified replies: counts by severity, reason and code, in memory that
//! does not grow with the input.

use std::collections::{BTreeMap, HashMap};
use std::hash::{BuildHasherDefault, Hasher};

use serde::ser::{Serialize, SerializeMap, Serializer};
use smtp_codes::classify::Reason;
use smtp_codes::explain::Explanation;
use smtp_codes::{EnhancedCode, ReplyCode, Severity};

/// The key of replies without any code.
pub const NO_CODE: &str = "none";

/// The key of replies whose code came after [`MAX_CODES`] others were already counted.
pub const OTHER_CODES: &str = "other";

/// The most distinct codes a summary counts one by one. Reply codes and enhanced codes are open
/// (any three digits, details up to three digits), so a hostile or broken input could otherwise
/// make millions of keys; past this many, a new code is counted under [`OTHER_CODES`].
pub const MAX_CODES: usize = 1000;

/// The codes of one reply, as a summary keys them: `550 5.1.1`, `550`, `5.1.1` or `none`.
type CodeKey = (Option<ReplyCode>, Option<EnhancedCode>);

/// Counts of classified replies; serialised as `{"lines", "hard_bounces", "truncated",
/// "severity": {...}, "reason": {...}, "code": {...}}`.
#[derive(Debug, Clone)]
pub struct Summary {
    /// Replies counted.
    lines: u64,
    /// Replies that were hard bounces.
    hard_bounces: u64,
    /// Replies whose line was cut at the reader's limit.
    truncated: u64,
    /// Replies by severity, indexed by [`Severity`].
    severity: [u64; Severity::ALL.len()],
    /// Replies by bounce reason, indexed by [`Reason`].
    reason: [u64; Reason::ALL.len()],
    /// Replies by their codes, at most [`MAX_CODES`] keys.
    code: HashMap<CodeKey, u64, BuildHasherDefault<CodeHasher>>,
    /// Replies whose codes were not among the first [`MAX_CODES`].
    other_codes: u64,
}

impl Default for Summary {
    fn default() -> Self {
        Self {
            lines: 0,
            hard_bounces: 0,
            truncated: 0,
            severity: [0; Severity::ALL.len()],
            reason: [0; Reason::ALL.len()],
            code: HashMap::default(),
            other_codes: 0,
        }
    }
}

/// The hasher of the code counts: a multiply-rotate hash of the few small integers a key holds
/// (the FxHash construction). The keys are at most [`MAX_CODES`], so a hostile input cannot make
/// collisions cost more than a bounded table; the default SipHash took a sixth of `--summary`'s
/// time.
#[derive(Default)]
struct CodeHasher(u64);

impl Hasher for CodeHasher {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.write_u64(u64::from(b));
        }
    }

    fn write_u8(&mut self, n: u8) {
        self.write_u64(u64::from(n));
    }

    fn write_u16(&mut self, n: u16) {
        self.write_u64(u64::from(n));
    }

    fn write_u32(&mut self, n: u32) {
        self.write_u64(u64::from(n));
    }

    fn write_u64(&mut self, n: u64) {
        const K: u64 = 0xf135_7aea_2e62_a9c5;
        self.0 = (self.0.rotate_left(5) ^ n).wrapping_mul(K);
    }

    fn write_usize(&mut self, n: usize) {
        self.write_u64(n as u64);
    }
}

impl Summary {
    /// Counts one explained reply.
    pub fn add(&mut self, e: &Explanation<'_>) {
        self.lines += 1;
        self.severity[e.severity() as usize] += 1;
        if let Some(c) = e.classification() {
            self.reason[c.reason() as usize] += 1;
            self.hard_bounces += u64::from(c.hard_bounce());
        }
        self.add_code((e.reply_code(), e.enhanced_code()), 1);
    }

    /// Counts that the last reply added was cut at the reader's limit.
    pub const fn add_truncated(&mut self) {
        self.truncated += 1;
    }

    fn add_code(&mut self, key: CodeKey, n: u64) {
        if let Some(count) = self.code.get_mut(&key) {
            *count += n;
        } else if self.code.len() < MAX_CODES {
            self.code.insert(key, n);
        } else {
            self.other_codes += n;
        }
    }

    /// Adds the counts of `other`, a summary of replies that came after this one's. Codes new
    /// here take the room left in code order, so the result depends on the order of the merges
    /// (the order of the input), never on hashing or on threads.
    pub fn merge(&mut self, other: &Self) {
        self.lines += other.lines;
        self.hard_bounces += other.hard_bounces;
        self.truncated += other.truncated;
        for (count, more) in self.severity.iter_mut().zip(other.severity) {
            *count += more;
        }
        for (count, more) in self.reason.iter_mut().zip(other.reason) {
            *count += more;
        }
        // Keys already here first, then the new ones in code order, so that which new codes
        // find room does not depend on the hash map's order.
        let mut new: Vec<(&CodeKey, &u64)> = Vec::new();
        for (k, v) in &other.code {
            match self.code.get_mut(k) {
                Some(count) => *count += v,
                None => new.push((k, v)),
            }
        }
        new.sort_unstable();
        for (k, v) in new {
            self.add_code(*k, *v);
        }
        self.other_codes += other.other_codes;
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

    /// How many of them were cut at the reader's limit.
    #[must_use]
    pub const fn truncated(&self) -> u64 {
        self.truncated
    }

    /// Counts by severity (`permanent`, ...), in name order, for those seen.
    pub fn by_severity(&self) -> impl Iterator<Item = (&str, u64)> {
        let names = Severity::ALL.iter().map(|s| s.as_str());
        seen_in_name_order(names.zip(self.severity)).into_iter()
    }

    /// Counts by bounce reason, in name order, for those seen.
    pub fn by_reason(&self) -> impl Iterator<Item = (&str, u64)> {
        let names = Reason::ALL.iter().map(|r| r.id());
        seen_in_name_order(names.zip(self.reason)).into_iter()
    }

    /// Counts by the codes found (`550 5.1.1`, `550`, `5.1.1` or [`NO_CODE`]), in text order,
    /// then [`OTHER_CODES`] when more than [`MAX_CODES`] distinct codes were seen.
    #[must_use]
    pub fn by_code(&self) -> Vec<(String, u64)> {
        let mut counts: Vec<(String, u64)> = self.code.iter().map(|(k, v)| (code_text(*k), *v)).collect();
        counts.sort_unstable();
        if self.other_codes > 0 {
            counts.push((OTHER_CODES.to_owned(), self.other_codes));
        }
        counts
    }
}

/// The counts above zero, keyed by name.
fn seen_in_name_order(counts: impl Iterator<Item = (&'static str, u64)>) -> BTreeMap<&'static str, u64> {
    counts.filter(|&(_, n)| n > 0).collect()
}

fn code_text(key: CodeKey) -> String {
    match key {
        (Some(r), Some(x)) => format!("{r} {x}"),
        (Some(r), None) => r.to_string(),
        (None, Some(x)) => x.to_string(),
        (None, None) => NO_CODE.to_owned(),
    }
}

/// Counts as a JSON object whose keys keep the order given (the `code` object of a summary in
/// text order with `other` last, the `domain` object of a bounce summary most first).
pub(crate) struct OrderedCounts<'a>(pub(crate) &'a [(String, u64)]);

impl Serialize for OrderedCounts<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(self.0.len()))?;
        for (k, v) in self.0 {
            map.serialize_entry(k, v)?;
        }
        map.end()
    }
}

impl Serialize for Summary {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(6))?;
        map.serialize_entry("lines", &self.lines)?;
        map.serialize_entry("hard_bounces", &self.hard_bounces)?;
        map.serialize_entry("truncated", &self.truncated)?;
        map.serialize_entry("severity", &self.by_severity().collect::<BTreeMap<_, _>>())?;
        map.serialize_entry("reason", &self.by_reason().collect::<BTreeMap<_, _>>())?;
        map.serialize_entry("code", &OrderedCounts(&self.by_code()))?;
        map.end()
    }
}
