//! `smtp-codes serve`: the HTTP API and the paste-a-bounce page (`smtp-codes-server`), on
//! loopback by default; anywhere else only with a bearer token.

use std::net::SocketAddr;
use std::time::Duration;

use anyhow::{Context as _, Result, bail};
use smtp_codes_server::Config;

#[derive(Debug, clap::Args)]
pub(crate) struct Args {
    /// The address to listen on. Anything but a loopback address needs --token.
    #[arg(long, value_name = "ADDR", default_value = "127.0.0.1:8025")]
    listen: SocketAddr,
    /// The bearer token every request must carry (`Authorization: Bearer TOKEN`); required to
    /// listen anywhere but loopback.
    #[arg(long, value_name = "TOKEN", env = "SMTP_CODES_TOKEN", hide_env_values = true)]
    token: Option<String>,
    /// The largest request body, in bytes.
    #[arg(long, value_name = "BYTES", default_value_t = 32 << 20)]
    max_body: usize,
    /// The longest a request may take, in seconds, reading its body included.
    #[arg(long, value_name = "SECONDS", default_value_t = 30.0)]
    timeout: f64,
    /// The most requests worked on at once; more wait.
    #[arg(long, value_name = "N", default_value_t = 64)]
    concurrency: usize,
    /// No access-log line per request on standard error.
    #[arg(long)]
    quiet: bool,
}

pub(crate) fn run(args: &Args) -> Result<()> {
    let token = args.token.clone().filter(|t| !t.is_empty());
    if !args.listen.ip().is_loopback() && token.is_none() {
        bail!(
            "refusing to listen on {} without a token: anyone who can reach it could use it; give --token TOKEN (or SMTP_CODES_TOKEN) to require `Authorization: Bearer TOKEN`, or listen on 127.0.0.1",
            args.listen
        );
    }
    if !(args.timeout > 0.0 && args.timeout.is_finite()) {
        bail!("--timeout must be a positive number of seconds, not {}", args.timeout);
    }
    let config = Config {
        max_body: args.max_body,
        timeout: Duration::from_secs_f64(args.timeout),
        concurrency: args.concurrency,
        token,
        access_log: !args.quiet,
    };
    let runtime =
        tokio::runtime::Builder::new_multi_thread().enable_all().build().context("cannot start the server")?;
    runtime.block_on(async {
        let listener = tokio::net::TcpListener::bind(args.listen)
            .await
            .with_context(|| format!("cannot listen on {}", args.listen))?;
        let addr = listener.local_addr().context("cannot read the address listened on")?;
        crate::output::say!("listening on http://{addr}/ (Ctrl-C or SIGTERM stops)");
        smtp_codes_server::serve(listener, config, shutdown()).await.context("the server failed")?;
        crate::output::say!("stopped");
        Ok(())
    })
}

/// Completes on Ctrl-C or SIGTERM.
async fn shutdown() {
    let interrupt = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut s) => {
                s.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        () = interrupt => {}
        () = terminate => {}
    }
}
