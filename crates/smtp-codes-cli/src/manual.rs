//! `smtp-codes completions SHELL` and `smtp-codes man [COMMAND]`: shell completions and man pages,
//! generated from the same clap model as the parser, so they never drift from it.

use std::io::{self, Write};

use anyhow::{Context, Result, bail};
use clap::CommandFactory;
use clap_complete::Shell;

use crate::Cli;

/// The binary's name, as completions and man pages spell it.
const BIN: &str = "smtp-codes";

#[derive(Debug, clap::Args)]
pub(crate) struct CompletionsArgs {
    /// The shell to write a completion script for.
    #[arg(value_enum)]
    shell: Shell,
}

#[derive(Debug, clap::Args)]
pub(crate) struct ManArgs {
    /// A subcommand whose own page to print (such as `explain`); without it, the main page.
    #[arg(value_name = "COMMAND")]
    command: Option<String>,
}

/// Writes the completion script to standard output.
pub(crate) fn completions(args: &CompletionsArgs) -> Result<()> {
    // Generate into memory first: clap_complete panics on a failed write, and a closed pipe must
    // end quietly.
    let mut script = Vec::new();
    clap_complete::generate(args.shell, &mut Cli::command(), BIN, &mut script);
    write_all(&script)
}

/// Writes a man page (roff) to standard output.
pub(crate) fn man(args: &ManArgs) -> Result<()> {
    let mut cmd = Cli::command().disable_help_subcommand(true);
    cmd.build();
    let page = match &args.command {
        None => cmd,
        Some(name) => match cmd.find_subcommand(name) {
            Some(sub) => sub.clone(),
            None => {
                let names: Vec<&str> = cmd.get_subcommands().map(clap::Command::get_name).collect();
                bail!("no command {name:?}; the commands are {}", names.join(", "));
            }
        },
    };
    let mut roff = Vec::new();
    clap_mangen::Man::new(page).render(&mut roff).context("cannot render the man page")?;
    write_all(&roff)
}

fn write_all(bytes: &[u8]) -> Result<()> {
    let mut out = io::stdout().lock();
    out.write_all(bytes)?;
    out.flush()?;
    Ok(())
}
