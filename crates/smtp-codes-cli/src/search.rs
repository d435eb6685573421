//! `smtp-codes search WORDS...`: catalogue entries (reply codes, enhanced codes, reasons,
//! provider replies) found by words in their codes, titles, descriptions and provider texts, best
//! first; the search itself is `smtp_codes_report::search`.

use std::io::{self, Write};

use anyhow::{Result, bail};
use smtp_codes_report::codes_of;
use smtp_codes_report::search::{self, Entry};

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

impl Args {
    /// Whether finding nothing is a failure (exit status 1).
    pub(crate) const fn fails_if_none(&self) -> bool {
        self.fail_if_none
    }
}

/// Whether anything was found; the caller turns "nothing" into exit status 1 with
/// `--fail-if-none`.
pub(crate) fn run(args: &Args, painter: Painter) -> Result<bool> {
    let terms = search::terms(&args.words);
    if terms.is_empty() {
        bail!("nothing to search for: give at least one word");
    }
    let mut found = search::find(&terms);
    let total = found.len();
    if args.limit > 0 {
        found.truncate(args.limit);
    }
    if found.is_empty() {
        output::say!("no catalogue entry matches {}", args.words.join(" "));
        return Ok(false);
    }
    let stdout = io::stdout();
    let mut out = stdout.lock();
    if args.json {
        for hit in &found {
            output::json_line(&mut out, hit)?;
        }
    } else {
        let mut table = Table::new(&["KIND", "ENTRY", "TITLE"]);
        for hit in &found {
            table.push(row(hit.entry()).into());
        }
        table.print(&mut out, painter, target_width(args.width))?;
    }
    out.flush()?;
    if total > found.len() {
        output::say!("{} more entries match; see them with --limit 0", total - found.len());
    }
    Ok(true)
}

/// The entry's kind, its code or name, and its title, for the table.
fn row(entry: Entry) -> [String; 3] {
    let kind = entry.kind().to_owned();
    match entry {
        Entry::Reply(k) => [kind, k.code().to_string(), k.title().to_owned()],
        Entry::Enhanced(k) => [kind, k.to_string(), k.title().to_owned()],
        Entry::Reason(r) => [kind, r.id().to_owned(), r.title().to_owned()],
        Entry::ProviderReply(r) => {
            [kind, format!("{} {}", r.provider().id(), codes_of(r)), format!("{}: {}", r.text(), r.meaning())]
        }
        _ => [kind, String::new(), String::new()],
    }
}
