//! `smtp-codes list [reply|enhanced|vendors|reasons]`: the catalogue as a table or as JSON Lines,
//! filtered by class, subject and vendor.

use std::io::{self, Write};

use anyhow::{Result, bail};
use smtp_codes::classify::{PROVIDER_REPLIES, Provider, ProviderReply, Reason};
use smtp_codes::{EnhancedCode, KnownEnhanced, KnownReply};

use crate::entries::{EnhancedJson, ReasonJson, ReplyJson, VendorJson};
use crate::output;
use crate::related::{self, EnhancedQuery, parse_vendor};
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
    Vendors,
    /// Bounce reasons, named as Sisimai names them.
    Reasons,
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
    /// Only what this provider's replies use (its id, such as gmail); for `vendors`, its replies.
    #[arg(long, value_name = "ID")]
    vendor: Option<String>,
    /// Print JSON Lines, one entry per line.
    #[arg(long)]
    json: bool,
    /// Cut the table to this many columns (0: never cut). Default: the terminal's width on a
    /// terminal; nothing is cut in a pipe.
    #[arg(long, value_name = "COLUMNS")]
    width: Option<usize>,
}

/// The filters, checked.
#[derive(Clone, Copy, Debug)]
struct Filter {
    class: Option<u8>,
    subject: Option<u16>,
    vendor: Option<Provider>,
}

pub(crate) fn run(args: &Args, painter: Painter) -> Result<()> {
    let filter = Filter {
        class: args.class,
        subject: args.subject,
        vendor: args.vendor.as_deref().map(parse_vendor).transpose()?,
    };
    if args.kind == Kind::Reasons && (filter.class.is_some() || filter.subject.is_some()) {
        bail!("--class and --subject do not apply to `list reasons`; use --vendor, or `list vendors --class`");
    }
    if args.kind == Kind::Enhanced && filter.class == Some(3) {
        bail!("enhanced status codes have no class 3: use 2, 4 or 5");
    }
    let items = select(args.kind, filter);
    if items.is_empty() {
        eprintln!("smtp-codes: no entry matches these filters");
        return Ok(());
    }
    let stdout = io::stdout();
    let mut out = stdout.lock();
    if args.json {
        for item in items {
            item.write_json(&mut out)?;
        }
    } else {
        let mut table = Table::new(headers(args.kind));
        for item in items {
            table.push(item.row());
        }
        table.print(&mut out, painter, target_width(args.width))?;
    }
    out.flush()?;
    Ok(())
}

/// One listed entry.
#[derive(Clone, Copy, Debug)]
enum Item {
    Reply(KnownReply),
    /// A registry entry and, when a class was asked for, the code in that class.
    Enhanced(KnownEnhanced, Option<EnhancedCode>),
    Vendor(&'static ProviderReply),
    Reason(Reason),
}

fn headers(kind: Kind) -> &'static [&'static str] {
    match kind {
        Kind::Reply => &["CODE", "STATUS", "WHO ACTS", "TITLE"],
        Kind::Enhanced => &["CODE", "CLASSES", "STATUS", "TITLE"],
        Kind::Vendors => &["VENDOR", "CODES", "REASON", "TEXT", "MEANING"],
        Kind::Reasons => &["REASON", "BOUNCE", "WHO ACTS", "TITLE"],
    }
}

impl Item {
    /// The table row, in the order of [`headers`].
    fn row(self) -> Vec<String> {
        match self {
            Self::Reply(k) => {
                vec![k.code().to_string(), k.status().to_string(), k.who_acts().to_string(), k.title().to_owned()]
            }
            Self::Enhanced(k, code) => {
                let classes: Vec<String> = k.classes().iter().map(u8::to_string).collect();
                let code = code.map_or_else(|| k.to_string(), |c| c.to_string());
                vec![code, classes.join(","), k.status().to_string(), k.title().to_owned()]
            }
            Self::Vendor(r) => vec![
                r.provider().id().to_owned(),
                codes_of(r),
                r.reason().id().to_owned(),
                r.text().to_owned(),
                r.meaning().to_owned(),
            ],
            Self::Reason(r) => {
                let bounce = if r.hard_bounce() { "hard" } else { "soft" };
                vec![r.id().to_owned(), bounce.to_owned(), r.who_acts().to_string(), r.title().to_owned()]
            }
        }
    }

    fn write_json(self, out: &mut impl Write) -> Result<()> {
        match self {
            Self::Reply(k) => output::json_line(out, &ReplyJson::new(k.code())),
            Self::Enhanced(_, Some(code)) => output::json_line(out, &EnhancedJson::new(code)),
            Self::Enhanced(k, None) => output::json_line(out, &EnhancedJson::without_class(k.pattern())),
            Self::Vendor(r) => output::json_line(out, &VendorJson::new(r)),
            Self::Reason(r) => output::json_line(out, &ReasonJson::new(r)),
        }
    }
}

/// The entries of `kind` that pass the filter, in catalogue order.
fn select(kind: Kind, f: Filter) -> Vec<Item> {
    match kind {
        Kind::Reply => replies(f).into_iter().map(Item::Reply).collect(),
        Kind::Enhanced => enhanced(f).into_iter().map(|(k, code)| Item::Enhanced(k, code)).collect(),
        Kind::Vendors => vendors(f).into_iter().map(Item::Vendor).collect(),
        Kind::Reasons => reasons(f).into_iter().map(Item::Reason).collect(),
    }
}

/// `550 5.1.1`, `550`, `5.1.1` or `-`.
pub(crate) fn codes_of(r: &ProviderReply) -> String {
    match (r.reply_code(), r.enhanced()) {
        (Some(c), Some(e)) => format!("{c} {e}"),
        (Some(c), None) => c.to_string(),
        (None, Some(e)) => e.to_string(),
        (None, None) => "-".to_owned(),
    }
}

fn replies(f: Filter) -> Vec<KnownReply> {
    KnownReply::ALL
        .iter()
        .copied()
        .filter(|k| f.class.is_none_or(|c| k.code().first_digit() == c))
        .filter(|k| f.subject.is_none_or(|s| u16::from(k.code().second_digit()) == s))
        .filter(|k| f.vendor.is_none_or(|v| related::vendor_replies(v).any(|r| r.reply_code() == Some(k.code()))))
        .collect()
}

/// Registry entries with, when a class was asked for, the code in that class.
fn enhanced(f: Filter) -> Vec<(KnownEnhanced, Option<EnhancedCode>)> {
    KnownEnhanced::ALL
        .iter()
        .copied()
        .filter(|k| f.class.is_none_or(|c| k.allows_class(c)))
        .filter(|k| f.subject.is_none_or(|s| k.subject() == s))
        .filter(|k| {
            let query = EnhancedQuery { class: f.class, pattern: k.pattern() };
            f.vendor.is_none_or(|v| related::vendor_replies(v).any(|r| r.enhanced().is_some_and(|e| query.matches(e))))
        })
        .map(|k| (k, f.class.and_then(|c| k.in_class(c))))
        .collect()
}

fn vendors(f: Filter) -> Vec<&'static ProviderReply> {
    PROVIDER_REPLIES
        .iter()
        .filter(|r| f.vendor.is_none_or(|v| r.provider() == v))
        .filter(|r| {
            f.class.is_none_or(|c| {
                r.reply_code().is_some_and(|x| x.first_digit() == c) || r.enhanced().is_some_and(|e| e.class() == c)
            })
        })
        .filter(|r| f.subject.is_none_or(|s| r.enhanced().is_some_and(|e| e.subject() == s)))
        .collect()
}

fn reasons(f: Filter) -> Vec<Reason> {
    Reason::ALL
        .iter()
        .copied()
        .filter(|&reason| f.vendor.is_none_or(|v| related::vendor_replies(v).any(|r| r.reason() == reason)))
        .collect()
}
