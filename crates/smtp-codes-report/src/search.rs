//! Catalogue search: entries (reply codes, enhanced codes, reasons, provider replies) found by
//! words in their codes, titles, descriptions and provider texts, best first.
//!
//! Every word must match an entry somewhere (ASCII case ignored). A word scores 10 when it is the
//! entry's code or name (`550`, `5.7.26`, `userunknown`, `gmail`), 5 when it is a whole word of
//! a title or provider text (`S3150`, `TSS04`), 3 when it is inside one, and 1 when it is only in a
//! description; an entry's score is the sum. An argument with spaces matches as a phrase.

use serde::Serialize;
use smtp_codes::classify::{PROVIDER_REPLIES, ProviderReply, Reason};
use smtp_codes::{KnownEnhanced, KnownReply};

use crate::entries::{EnhancedEntry, ProviderReplyEntry, ReasonEntry, ReplyEntry};

/// A catalogue entry that can be found.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum Entry {
    /// A reply code.
    Reply(KnownReply),
    /// An enhanced status code of the registry.
    Enhanced(KnownEnhanced),
    /// A bounce reason.
    Reason(Reason),
    /// A provider's own reply.
    ProviderReply(&'static ProviderReply),
}

/// The texts of an entry, lowercased, by weight.
struct Texts {
    /// Codes and names, matched whole.
    names: Vec<String>,
    /// Titles and provider texts.
    titles: Vec<String>,
    /// Descriptions, meanings and advice.
    descriptions: Vec<String>,
}

impl Entry {
    fn all() -> impl Iterator<Item = Self> {
        let replies = KnownReply::ALL.iter().map(|&k| Self::Reply(k));
        let enhanced = KnownEnhanced::ALL.iter().map(|&k| Self::Enhanced(k));
        let reasons = Reason::ALL.iter().map(|&r| Self::Reason(r));
        let providers = PROVIDER_REPLIES.iter().map(Self::ProviderReply);
        replies.chain(enhanced).chain(reasons).chain(providers)
    }

    /// The kind of entry, as a hit's `kind` names it: `reply`, `enhanced`, `reason` or
    /// `provider-reply`.
    #[must_use]
    pub const fn kind(self) -> &'static str {
        match self {
            Self::Reply(_) => "reply",
            Self::Enhanced(_) => "enhanced",
            Self::Reason(_) => "reason",
            Self::ProviderReply(_) => "provider-reply",
        }
    }

    fn texts(self) -> Texts {
        let low = |s: &str| s.to_lowercase();
        match self {
            Self::Reply(k) => Texts {
                names: vec![k.code().to_string()],
                titles: vec![low(k.title())],
                descriptions: vec![low(k.description()), low(k.action())],
            },
            Self::Enhanced(k) => {
                let mut names = vec![low(&k.to_string())];
                names.extend(k.classes().iter().filter_map(|&c| k.in_class(c)).map(|c| c.to_string()));
                Texts { names, titles: vec![low(k.title())], descriptions: vec![low(k.description()), low(k.action())] }
            }
            Self::Reason(r) => Texts {
                names: vec![r.id().to_owned()],
                titles: vec![low(r.title())],
                descriptions: vec![low(r.description()), low(r.action())],
            },
            Self::ProviderReply(r) => {
                let mut names = vec![r.provider().id().to_owned()];
                names.extend(r.reply_code().map(|c| c.to_string()));
                names.extend(r.enhanced().map(|e| e.to_string()));
                Texts {
                    names,
                    titles: vec![low(r.provider().title()), low(r.text()), r.match_text().to_owned()],
                    descriptions: vec![low(r.meaning()), low(r.advice())],
                }
            }
        }
    }

    /// The entry's score for `terms`, or `None` when a term matches nowhere.
    fn score(self, terms: &[String]) -> Option<u32> {
        let texts = self.texts();
        terms.iter().map(|t| term_score(&texts, t)).sum()
    }
}

fn term_score(texts: &Texts, term: &str) -> Option<u32> {
    if texts.names.iter().any(|n| n.eq_ignore_ascii_case(term)) {
        Some(10)
    } else if texts.titles.iter().any(|t| contains_word(t, term)) {
        Some(5)
    } else if texts.titles.iter().any(|t| t.contains(term)) {
        Some(3)
    } else if texts.descriptions.iter().any(|d| d.contains(term)) {
        Some(1)
    } else {
        None
    }
}

/// Whether `needle` occurs in `haystack` with no letter or digit on either side.
fn contains_word(haystack: &str, needle: &str) -> bool {
    let is_word = |c: Option<char>| c.is_some_and(char::is_alphanumeric);
    haystack
        .match_indices(needle)
        .any(|(i, m)| !is_word(haystack[..i].chars().next_back()) && !is_word(haystack[i + m.len()..].chars().next()))
}

/// A found entry and its score; serialised as its `kind` and `score`, then the entry's own
/// fields as a listing gives them (enhanced codes as `X.s.d`).
#[derive(Clone, Copy, Debug)]
pub struct Hit {
    entry: Entry,
    score: u32,
}

impl Hit {
    /// The entry.
    #[must_use]
    pub const fn entry(&self) -> Entry {
        self.entry
    }

    /// Its score: the sum of its terms' weights.
    #[must_use]
    pub const fn score(&self) -> u32 {
        self.score
    }
}

impl Serialize for Hit {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        HitJson { kind: self.entry.kind(), score: self.score, entry: EntryJson::new(self.entry) }.serialize(serializer)
    }
}

#[derive(Serialize)]
struct HitJson {
    kind: &'static str,
    score: u32,
    #[serde(flatten)]
    entry: EntryJson,
}

#[derive(Serialize)]
#[serde(untagged)]
enum EntryJson {
    Reply(ReplyEntry),
    Enhanced(EnhancedEntry),
    Reason(ReasonEntry),
    ProviderReply(ProviderReplyEntry),
}

impl EntryJson {
    fn new(entry: Entry) -> Self {
        match entry {
            Entry::Reply(k) => Self::Reply(ReplyEntry::new(k.code())),
            Entry::Enhanced(k) => Self::Enhanced(EnhancedEntry::without_class(k.pattern())),
            Entry::Reason(r) => Self::Reason(ReasonEntry::new(r)),
            Entry::ProviderReply(r) => Self::ProviderReply(ProviderReplyEntry::new(r)),
        }
    }
}

/// The search terms of `words`: each trimmed and lowercased, empty ones dropped. A word with
/// spaces stays one term and matches as a phrase.
#[must_use]
pub fn terms<S: AsRef<str>>(words: &[S]) -> Vec<String> {
    words.iter().map(|w| w.as_ref().trim().to_lowercase()).filter(|w| !w.is_empty()).collect()
}

/// The entries that match every term, best first; ties keep catalogue order. No terms match
/// nothing.
#[must_use]
pub fn find(terms: &[String]) -> Vec<Hit> {
    if terms.is_empty() {
        return Vec::new();
    }
    let mut found: Vec<Hit> =
        Entry::all().filter_map(|entry| entry.score(terms).map(|score| Hit { entry, score })).collect();
    found.sort_by_key(|hit| std::cmp::Reverse(hit.score));
    found
}
