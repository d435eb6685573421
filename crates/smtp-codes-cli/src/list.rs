//! `smtp-codes list [reply|enhanced|providers|reasons]`: the catalogue as a table or as JSON
//! Lines, filtered by class, subject and provider.

use std::io::{self, Write};

use anyhow::Result;
use smtp_codes_report::list::{self, Filter, Item};
use smtp_codes_report::{codes_of, parse_provider};

use crate::output;
use crate::style::Painter;
use crate::table::{Table, target_width};

/// What to list.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, clap::ValueEnum)]
pub(crate) enum Kind {
    /// Reply codes (550, 421, ...).
    #[default]
    Reply,
    /// Enhanced status codes of the IANA registry (X.1.1, ...).
    Enhanced,
    /// The replies of mailbox providers (Gmail, Microsoft, Yahoo, ...).
    #[value(alias = "vendors")]
    Providers,
    /// Bounce reasons, named as Sisimai names them.
    Reasons,
}

impl Kind {
    const fn report(self) -> list::Kind {
        match self {
            Self::Reply => list::Kind::Reply,
            Self::Enhanced => list::Kind::Enhanced,
            Self::Providers => list::Kind::ProviderReplies,
            Self::Reasons => list::Kind::Reasons,
        }
    }
}

#[derive(Debug, clap::Args)]
pub(crate) struct Args {
    /// What to list.
    #[arg(value_enum, default_value_t)]
    kind: Kind,
    /// Only this class: a reply code's first digit (2-5), an enhanced code's class (2, 4, 5).
    /// Enhanced codes are then printed in that class (5.1.1 instead of X.1.1).
    #[arg(long, value_name = "DIGIT", value_parser = clap::value_parser!(u8).range(2..=5))]
    class: Option<u8>,
    /// Only this subject: an enhanced code's subject (0-7), or a reply code's second digit.
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u16).range(0..=999))]
    subject: Option<u16>,
    /// Only what this provider's replies use (its id, such as gmail); for `providers`, its
    /// replies.
    #[arg(long, value_name = "ID", alias = "vendor")]
    provider: Option<String>,
    /// Print JSON Lines, one entry per line.
    #[arg(long)]
    json: bool,
    /// Cut the table to this many columns (0: never cut). Default: the terminal's width on a
    /// terminal; nothing is cut in a pipe.
    #[arg(long, value_name = "COLUMNS")]
    width: Option<usize>,
}

pub(crate) fn run(args: &Args, painter: Painter) -> Result<()> {
    let filter = Filter {
        class: args.class,
        subject: args.subject,
        provider: args.provider.as_deref().map(parse_provider).transpose()?,
    };
    let items = list::select(args.kind.report(), filter)?;
    if items.is_empty() {
        output::say!("no entry matches these filters");
        return Ok(());
    }
    let stdout = io::stdout();
    let mut out = stdout.lock();
    if args.json {
        for item in &items {
            output::json_line(&mut out, item)?;
        }
    } else {
        let mut table = Table::new(headers(args.kind));
        for item in items {
            table.push(row(item));
        }
        table.print(&mut out, painter, target_width(args.width))?;
    }
    out.flush()?;
    Ok(())
}

fn headers(kind: Kind) -> &'static [&'static str] {
    match kind {
        Kind::Reply => &["CODE", "STATUS", "WHO ACTS", "TITLE"],
        Kind::Enhanced => &["CODE", "CLASSES", "STATUS", "TITLE"],
        Kind::Providers => &["PROVIDER", "CODES", "REASON", "TEXT", "MEANING"],
        Kind::Reasons => &["REASON", "BOUNCE", "WHO ACTS", "TITLE"],
    }
}

/// The table row, in the order of [`headers`].
fn row(item: Item) -> Vec<String> {
    match item {
        Item::Reply(k) => {
            vec![k.code().to_string(), k.status().to_string(), k.who_acts().to_string(), k.title().to_owned()]
        }
        Item::Enhanced(k, code) => {
            let classes: Vec<String> = k.classes().iter().map(u8::to_string).collect();
            let code = code.map_or_else(|| k.to_string(), |c| c.to_string());
            vec![code, classes.join(","), k.status().to_string(), k.title().to_owned()]
        }
        Item::ProviderReply(r) => vec![
            r.provider().id().to_owned(),
            codes_of(r),
            r.reason().id().to_owned(),
            r.text().to_owned(),
            r.meaning().to_owned(),
        ],
        Item::Reason(r) => {
            let bounce = if r.hard_bounce() { "hard" } else { "soft" };
            vec![r.id().to_owned(), bounce.to_owned(), r.who_acts().to_string(), r.title().to_owned()]
        }
        _ => Vec::new(),
    }
}
