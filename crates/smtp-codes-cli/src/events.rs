//! `smtp-codes events [PATH]...`: ESP webhook events (Amazon SES, SendGrid, Mailgun, Postmark,
//! SparkPost, Mandrill, Brevo) read into one record per recipient, the ESP's own label beside the
//! classification of the reply, as a human table, JSON Lines or a summary.
//!
//! Documents are read one at a time from JSON Lines, a JSON array or pretty-printed documents in
//! a row; a document that breaks its ESP's shape is reported on standard error with its file and
//! number, and reading goes on (the status is then 2).

use std::io::{self, BufWriter, Write};
use std::path::PathBuf;

use anyhow::{Context as _, Result, bail};
use smtp_codes_events::{Esp, EspEvent, EventErrorKind, EventKind, read_json_lines};
use smtp_codes_report::{EventRecord, EventSummary};

use crate::input;
use crate::output::{self, Escaped};
use crate::style::{LABEL, Painter, WARNING};
use crate::table::Table;

#[derive(Debug, clap::Args)]
pub(crate) struct Args {
    /// Files of ESP events: JSON Lines, a JSON array or documents in a row (gzip too); `-` is
    /// standard input, which is also read when no path is given.
    #[arg(value_name = "PATH")]
    paths: Vec<PathBuf>,
    /// Print JSON: one record per recipient (JSON Lines), or with --summary one object.
    #[arg(long)]
    json: bool,
    /// Print counts by ESP, kind, reason and provider, the disagreements and the recipients to
    /// stop mailing, instead of one record per recipient.
    #[arg(long)]
    summary: bool,
    /// Read every document as this ESP's: ses, sendgrid, mailgun, postmark, sparkpost,
    /// mandrill or brevo (default: told from each document's shape).
    #[arg(long, value_name = "ESP", value_parser = parse_esp)]
    esp: Option<Esp>,
}

fn parse_esp(s: &str) -> Result<Esp, String> {
    s.parse().map_err(|_| {
        let all: Vec<&str> = Esp::ALL.iter().map(|e| e.as_str()).collect();
        format!("{s:?} is not an ESP: use one of {}", all.join(", "))
    })
}

pub(crate) fn run(args: &Args, painter: Painter) -> Result<()> {
    let sources = input::check_all(&args.paths)?;
    let stdout = io::stdout();
    let mut out = BufWriter::with_capacity(64 * 1024, stdout.lock());
    let mut summary = EventSummary::default();
    let mut table = Table::new(&["ESP", "KIND", "RECIPIENT", "ESP SAYS", "REASON", "", "DISAGREES", "REPLY"]);
    let mut bad = 0u64;
    for source in &sources {
        let file = serde_json::Value::String(source.name.clone());
        let (reader, bar) = source.open(true)?;
        let mut events = read_json_lines(reader);
        if let Some(esp) = args.esp {
            events = events.esp(esp);
        }
        let mut index = 0;
        for event in events {
            let event = match event {
                Ok(e) => e,
                Err(e) if e.kind() == EventErrorKind::Io => {
                    return Err(e).with_context(|| format!("cannot read {}", source.name));
                }
                Err(e) => {
                    bad += 1;
                    output::say!("{}: {}", Escaped(&source.name), Escaped(&e.to_string()));
                    continue;
                }
            };
            index += 1;
            if args.summary {
                summary.add(&event);
            } else if args.json {
                output::json_line(&mut out, &EventRecord::new(&file, index, &event))?;
            } else {
                table.push(row(&event));
            }
        }
        if let Some(bar) = bar {
            bar.finish_and_clear();
        }
    }
    if args.summary {
        if args.json {
            output::json_line(&mut out, &summary)?;
        } else {
            print_summary(&summary, &mut out, painter)?;
        }
    } else if !args.json && !table.is_empty() {
        table.print(&mut out, painter, crate::table::target_width(None))?;
    }
    out.flush()?;
    if bad > 0 {
        bail!(
            "{bad} document{} of no known ESP shape or with a field of the wrong type (above)",
            if bad == 1 { "" } else { "s" }
        );
    }
    Ok(())
}

fn row(e: &EspEvent) -> Vec<String> {
    let c = e.classification();
    let label = e.label();
    let says = [Some(label.event()), label.kind(), label.detail()].into_iter().flatten().collect::<Vec<_>>().join("/");
    vec![
        e.esp().as_str().to_owned(),
        e.kind().as_str().to_owned(),
        e.recipient().unwrap_or("-").to_owned(),
        says,
        c.reason().id().to_owned(),
        match e.kind() {
            _ if e.hard_bounce() => "hard".to_owned(),
            EventKind::Bounced | EventKind::Deferred | EventKind::Dropped => "soft".to_owned(),
            _ => String::new(),
        },
        if e.disagrees() { "yes".to_owned() } else { String::new() },
        e.reply().unwrap_or("").chars().take(80).collect(),
    ]
}

fn print_summary(s: &EventSummary, out: &mut impl Write, painter: Painter) -> io::Result<()> {
    writeln!(out, "{} {}", painter.paint(LABEL, "Events:"), s.events())?;
    writeln!(out, "{} {}", painter.paint(LABEL, "Hard bounces:"), s.hard_bounces())?;
    writeln!(
        out,
        "{} {}",
        painter.paint(if s.disagreements() > 0 { WARNING } else { LABEL }, "ESP label and reply disagree:"),
        s.disagreements()
    )?;
    for (header, counts) in [
        ("ESP", s.by_esp().map(|(k, n)| (k.to_owned(), n)).collect::<Vec<_>>()),
        ("KIND", s.by_kind().map(|(k, n)| (k.to_owned(), n)).collect()),
        ("REASON", s.by_reason().map(|(k, n)| (k.to_owned(), n)).collect()),
        ("PROVIDER", s.by_provider().map(|(k, n)| (k.to_owned(), n)).collect()),
    ] {
        if counts.is_empty() {
            continue;
        }
        let mut table = Table::new(&[header, "EVENTS"]);
        for (k, n) in counts {
            table.push(vec![k, n.to_string()]);
        }
        writeln!(out)?;
        table.print(out, painter, None)?;
    }
    let stop: Vec<&str> = s.hard_bounce_recipients().collect();
    if !stop.is_empty() {
        writeln!(out)?;
        writeln!(out, "{}", painter.paint(LABEL, "Stop mailing:"))?;
        for r in stop {
            writeln!(out, "  {}", Escaped(r))?;
        }
    }
    Ok(())
}
