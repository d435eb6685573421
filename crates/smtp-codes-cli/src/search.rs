//! `smtp-codes search WORDS...`: catalogue entries (reply codes, enhanced codes, reasons,
//! provider replies) found by words in their codes, titles, descriptions and vendor texts, best
//! first.
//!
//! Every word must match an entry somewhere (ASCII case ignored). A word scores 10 when it is the
//! entry's code or name (`550`, `5.7.26`, `userunknown`, `gmail`), 5 when it is a whole word of
//! a title or vendor text (`S3150`, `TSS04`), 3 when it is inside one, and 1 when it is only in a
//! description; an entry's score is the sum. An argument with spaces matches as a phrase.

use std::io::{self, Write};

use anyhow::{Result, bail};
use serde::Serialize;
use smtp_codes::classify::{PROVIDER_REPLIES, ProviderReply, Reason};
use smtp_codes::{KnownEnhanced, KnownReply};

use crate::entries::{EnhancedJson, ReasonJson, ReplyJson, VendorJson};
use crate::list::codes_of;
use crate::output;
use crate::style::Painter;
use crate::table::{Table, target_width};

#[derive(Debug, clap::Args)]
pub(crate) struct Args {
    /// Words to look for, such as `quota`, `dmarc`, `S3150` or `5.7.26`.
    #[arg(required = true, value_name = "WORD")]
    words: Vec<String>,
    /// Print at most this many entries (0: all).
    #[arg(long, default_value_t = 20, value_name = "N")]
    limit: usize,
    /// Print JSON Lines, one entry per line, each with its `kind` and `score`.
    #[arg(long)]
    json: bool,
    /// Exit with status 1 when nothing is found (otherwise 0, with a message on standard error).
    #[arg(long)]
    fail_if_none: bool,
    /// Cut the table to this many columns (0: never cut). Default: the terminal's width on a
    /// terminal; nothing is cut in a pipe.
    #[arg(long, value_name = "COLUMNS")]
    width: Option<usize>,
}

/// A catalogue entry that can be found.
#[derive(Clone, Copy, Debug)]
enum Entry {
    Reply(KnownReply),
    Enhanced(KnownEnhanced),
    Reason(Reason),
    Vendor(&'static ProviderReply),
}

/// The texts of an entry, lowercased, by weight.
struct Texts {
    /// Codes and names, matched whole.
    names: Vec<String>,
    /// Titles and vendor texts.
    titles: Vec<String>,
    /// Descriptions, meanings and advice.
    descriptions: Vec<String>,
}

impl Entry {
    fn all() -> impl Iterator<Item = Self> {
        let replies = KnownReply::ALL.iter().map(|&k| Self::Reply(k));
        let enhanced = KnownEnhanced::ALL.iter().map(|&k| Self::Enhanced(k));
        let reasons = Reason::ALL.iter().map(|&r| Self::Reason(r));
        let vendors = PROVIDER_REPLIES.iter().map(Self::Vendor);
        replies.chain(enhanced).chain(reasons).chain(vendors)
    }

    const fn kind(self) -> &'static str {
        match self {
            Self::Reply(_) => "reply",
            Self::Enhanced(_) => "enhanced",
            Self::Reason(_) => "reason",
            Self::Vendor(_) => "vendor",
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
            Self::Vendor(r) => {
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

    /// The entry's code or name and its title, for the table.
    fn row(self) -> [String; 3] {
        let kind = self.kind().to_owned();
        match self {
            Self::Reply(k) => [kind, k.code().to_string(), k.title().to_owned()],
            Self::Enhanced(k) => [kind, k.to_string(), k.title().to_owned()],
            Self::Reason(r) => [kind, r.id().to_owned(), r.title().to_owned()],
            Self::Vendor(r) => {
                [kind, format!("{} {}", r.provider().id(), codes_of(r)), format!("{}: {}", r.text(), r.meaning())]
            }
        }
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

/// A found entry as JSON: its kind and score, then the entry's own fields.
#[derive(Debug, Serialize)]
struct FoundJson {
    kind: &'static str,
    score: u32,
    #[serde(flatten)]
    entry: EntryJson,
}

#[derive(Debug, Serialize)]
#[serde(untagged)]
enum EntryJson {
    Reply(ReplyJson),
    Enhanced(EnhancedJson),
    Reason(ReasonJson),
    Vendor(VendorJson),
}

impl EntryJson {
    fn new(entry: Entry) -> Self {
        match entry {
            Entry::Reply(k) => Self::Reply(ReplyJson::new(k.code())),
            Entry::Enhanced(k) => Self::Enhanced(EnhancedJson::without_class(k.pattern())),
            Entry::Reason(r) => Self::Reason(ReasonJson::new(r)),
            Entry::Vendor(r) => Self::Vendor(VendorJson::new(r)),
        }
    }
}

impl Args {
    /// Whether finding nothing is a failure (exit status 1).
    pub(crate) const fn fails_if_none(&self) -> bool {
        self.fail_if_none
    }
}

/// The entries that match every term, best first; ties keep catalogue order.
fn find(terms: &[String]) -> Vec<(Entry, u32)> {
    let mut found: Vec<(Entry, u32)> = Entry::all().filter_map(|e| e.score(terms).map(|s| (e, s))).collect();
    found.sort_by_key(|&(_, score)| std::cmp::Reverse(score));
    found
}

/// Whether anything was found; the caller turns "nothing" into exit status 1 with
/// `--fail-if-none`.
pub(crate) fn run(args: &Args, painter: Painter) -> Result<bool> {
    let terms: Vec<String> = args.words.iter().map(|w| w.trim().to_lowercase()).filter(|w| !w.is_empty()).collect();
    if terms.is_empty() {
        bail!("nothing to search for: give at least one word");
    }
    let mut found = find(&terms);
    let total = found.len();
    if args.limit > 0 {
        found.truncate(args.limit);
    }
    if found.is_empty() {
        eprintln!("smtp-codes: no catalogue entry matches {}", args.words.join(" "));
        return Ok(false);
    }
    let stdout = io::stdout();
    let mut out = stdout.lock();
    if args.json {
        for &(entry, score) in &found {
            output::json_line(&mut out, &FoundJson { kind: entry.kind(), score, entry: EntryJson::new(entry) })?;
        }
    } else {
        let mut table = Table::new(&["KIND", "ENTRY", "TITLE"]);
        for &(entry, _) in &found {
            table.push(entry.row().into());
        }
        table.print(&mut out, painter, target_width(args.width))?;
    }
    out.flush()?;
    if total > found.len() {
        eprintln!("smtp-codes: {} more entries match; see them with --limit 0", total - found.len());
    }
    Ok(true)
}
