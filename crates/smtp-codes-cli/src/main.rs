//! The `smtp-codes` command line: a thin layer over the `smtp-codes` crate.

mod entries;
mod lookup;
mod output;

use std::process::ExitCode;

use clap::{Parser, Subcommand};

/// Explain SMTP reply codes and enhanced status codes.
#[derive(Debug, Parser)]
#[command(name = "smtp-codes", version, about, long_about = None)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Look up reply codes (550), enhanced status codes (5.1.1, X.1.1) or pairs ("550 5.1.1").
    Lookup(lookup::Args),
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Lookup(args) => lookup::run(&args),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) if output::is_broken_pipe(&err) => ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("smtp-codes: {err:#}");
            ExitCode::from(2)
        }
    }
}
