//! What is known about a reply besides its text: the SMTP command it answered and the host that
//! sent it, as options (`--command`, `--remote-host`) and as JSON Lines fields.

use smtp_codes::Command;
use smtp_codes::classify::Context;

/// The `--command` and `--remote-host` options.
#[derive(Debug, Clone, Default, clap::Args)]
pub(crate) struct ContextArgs {
    /// The SMTP command the reply answered: CONNECT, EHLO, HELO, MAIL (or "MAIL FROM"), RCPT (or
    /// "RCPT TO"), DATA, DATA-END, BDAT, AUTH, STARTTLS, ... (any case). Without it, the command
    /// the text names ("in reply to RCPT TO command") is used.
    #[arg(long, value_name = "CMD", value_parser = parse_command_arg)]
    pub(crate) command: Option<Command>,
    /// The host name of the server that sent the reply (such as gmail-smtp-in.l.google.com), to
    /// recognise its provider.
    #[arg(long, value_name = "HOST")]
    pub(crate) remote_host: Option<String>,
}

impl ContextArgs {
    /// The classifier's context for these options.
    pub(crate) fn context(&self) -> Context<'_> {
        Context::new().with_command(self.command).with_remote_host(self.remote_host.as_deref())
    }
}

/// Reads `--command` with the core's lenient reader (`RCPT TO`, `mail`, `DATA-END`, ...).
fn parse_command_arg(name: &str) -> Result<Command, String> {
    name.parse().map_err(|_| {
        let known: Vec<&str> = Command::ALL.iter().map(|c| c.as_str()).collect();
        format!("unknown SMTP command {name:?}; expected one of {}", known.join(", "))
    })
}
