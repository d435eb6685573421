//! Mail-server logs read into one outcome per message and recipient: who sent what to whom,
//! whether it was delivered, deferred, bounced, expired or refused on arrival, through which
//! relay, when, and the last reply, which the core classifies.
//!
//! - **Formats**, recognised line by line (or forced with [`Options::format`]): Postfix through
//!   syslog or journald (every delivery agent, qmgr, cleanup, smtpd and postscreen rejects, any
//!   `syslog_name`), Exim's main log (`<=`, `=>`, `->`, `**`, `==`, `Completed`, `rejected
//!   RCPT`), Sendmail (`from=`, `to=`, `dsn=`, `stat=`, `reject=`), OpenSMTPD (`mta delivery`,
//!   `smtp failed-command`), Microsoft Exchange message tracking logs (CSV driven by their
//!   `#Fields:` line), Microsoft 365 message trace exports (CSV with a header row), and KumoMTA's
//!   JSON log records. The CSV formats' header is kept per file ([`Scanner::next_file`]).
//! - **Time stamps**: RFC 3164 without a year (guessed by [`YearGuess`]), RFC 3339 and
//!   `journalctl -o short-iso`, Exim's own.
//! - **Joining**: lines are joined by queue id; a recipient's deferrals are counted as attempts
//!   until its final line. At the end ([`Scanner::finish`]) recipients still waiting are
//!   `deferred`. Memory is bounded by the messages in flight ([`Options::max_in_flight`]).
//! - Inbound refusals (`NOQUEUE: reject`) are [`OutcomeKind::Rejected`], never a bounce.
//!
//! ```
//! use smtp_codes_logs::{OutcomeKind, Scanner};
//!
//! let mut scanner = Scanner::default();
//! let mut out = Vec::new();
//! scanner.push("2024-05-01 10:00:00 1bhOsE-0004e1-VJ <= alice@example.net H=mx [192.0.2.9] S=2307", &mut out);
//! scanner.push("2024-05-01 10:00:05 1bhOsE-0004e1-VJ == bob@example.org R=dnslookup T=remote_smtp defer (-44) H=mx.example.org [192.0.2.1]: SMTP error from remote mail server after RCPT TO:<bob@example.org>: 452 4.2.2 Mailbox full", &mut out);
//! scanner.finish(&mut out);
//! assert_eq!(out[0].kind(), OutcomeKind::Deferred);
//! assert_eq!(out[0].attempts(), 1);
//! assert_eq!(out[0].size(), Some(2307));
//! ```

mod csv;
mod entry;
mod event;
mod exchange;
mod exim;
mod hash;
mod kumomta;
mod m365;
mod opensmtpd;
mod outcome;
mod postfix;
mod scanner;
mod sendmail;
mod syslog;
mod time;

pub use event::Severity;
pub use hash::{FastHasher, FastState};
pub use outcome::{Outcome, OutcomeKind};
pub use scanner::{LogFormat, MAX_EXAMPLES, MAX_PROGRAMS, Options, Scanner, Stats};
pub use time::{Timestamp, YearGuess};
