//! The `smtp-codes` command line: argument parsing, input, tables, colour and printing over the
//! `smtp-codes` core and the `smtp-codes-report` output contract.

mod bounce;
mod classify;
mod context;
mod events;
mod explain;
mod input;
mod list;
mod logs;
mod lookup;
mod manual;
mod output;
mod search;
mod serve;
mod style;
mod summary;
mod table;

use std::process::ExitCode;

use clap::{Parser, Subcommand};

use crate::style::{ColorWhen, Painter};

/// Explain SMTP replies and bounces: what a reply code or enhanced status code means, why a
/// message bounced, who must act and what to do.
#[derive(Debug, Parser)]
#[command(name = "smtp-codes", version)]
pub(crate) struct Cli {
    /// When to colour human output (JSON is never coloured). `auto` colours a terminal unless
    /// NO_COLOR is set.
    #[arg(long, global = true, value_enum, default_value_t, value_name = "WHEN")]
    color: ColorWhen,
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Explain a reply or bounce line: meaning, reason, hard or soft, who acts, what to do.
    Explain(explain::Args),
    /// Look up reply codes (550), enhanced status codes (5.1.1, X.1.1) or pairs ("550 5.1.1").
    Lookup(lookup::Args),
    /// List reply codes, enhanced codes, provider replies or bounce reasons.
    List(list::Args),
    /// Find catalogue entries by words in their codes, titles, descriptions and provider texts.
    Search(search::Args),
    /// Classify many replies, one per line, into JSON Lines or a summary.
    Classify(classify::Args),
    /// Decode whole bounce messages (files, mboxes, folders): one answer per recipient.
    Bounce(bounce::Args),
    /// Read mail-server logs (Postfix, Exim, Sendmail): who bounced, why, and how delivery to
    /// each provider is going.
    Logs(logs::Args),
    /// Read ESP webhook events (SES, SendGrid, Mailgun, Postmark, SparkPost, Mandrill, Brevo):
    /// the ESP's label beside the reply's classification, and where they disagree.
    Events(events::Args),
    /// Serve the HTTP API and the paste-a-bounce page (loopback 127.0.0.1:8025 by default).
    Serve(serve::Args),
    /// Print a shell completion script.
    Completions(manual::CompletionsArgs),
    /// Print the man page (roff) of smtp-codes or of one of its commands.
    Man(manual::ManArgs),
}

/// Exit status for "the command ran and found nothing" (`search --fail-if-none`).
const NOTHING_FOUND: u8 = 1;
/// Exit status for bad usage or unreadable input.
const BAD_INPUT: u8 = 2;

fn main() -> ExitCode {
    let cli = Cli::parse();
    let painter = Painter::for_stdout(cli.color);
    let result = match &cli.command {
        Command::Explain(args) => explain::run(args, painter),
        Command::Lookup(args) => lookup::run(args, painter),
        Command::List(args) => list::run(args, painter),
        Command::Search(args) => match search::run(args, painter) {
            Ok(false) if args.fails_if_none() => return ExitCode::from(NOTHING_FOUND),
            other => other.map(drop),
        },
        Command::Classify(args) => classify::run(args, painter),
        Command::Bounce(args) => bounce::run(args, painter),
        Command::Logs(args) => logs::run(args, painter),
        Command::Events(args) => events::run(args, painter),
        Command::Serve(args) => serve::run(args),
        Command::Completions(args) => manual::completions(args),
        Command::Man(args) => manual::man(args),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) if output::is_broken_pipe(&err) => ExitCode::SUCCESS,
        Err(err) => {
            output::say!("{err:#}");
            ExitCode::from(BAD_INPUT)
        }
    }
}
