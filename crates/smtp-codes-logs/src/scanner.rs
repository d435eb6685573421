//! Joining: the events of many lines, keyed by queue id, become one outcome per message and
//! recipient. Memory is bounded by the messages in flight (see [`Options::max_in_flight`]).

use std::collections::HashMap;

use crate::entry::Entry;
use crate::event::{Event, Severity, Status, unbracket};
use crate::exchange::Table;
use crate::time::{Stamp, YearGuess, parse_stamp};
use crate::{
    FastState, Outcome, OutcomeKind, Timestamp, csv, exim, kumomta, m365, opensmtpd, postfix, sendmail, syslog,
};

/// The MTA whose log a line is in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum LogFormat {
    /// Postfix through syslog or journald (any `syslog_name`).
    Postfix,
    /// Exim's main log (or its lines through syslog).
    Exim,
    /// Sendmail through syslog.
    Sendmail,
    /// OpenSMTPD through syslog (program `smtpd`).
    OpenSmtpd,
    /// Microsoft Exchange message tracking logs (`MSGTRK*.LOG`).
    Exchange,
    /// Microsoft 365 message trace exports (CSV).
    M365,
    /// KumoMTA's JSON log records.
    KumoMta,
}

impl LogFormat {
    /// Every format, in the order `--format` lists them.
    pub const ALL: [Self; 7] =
        [Self::Postfix, Self::Exim, Self::Sendmail, Self::OpenSmtpd, Self::Exchange, Self::M365, Self::KumoMta];

    /// `postfix`, `exim`, `sendmail`, `opensmtpd`, `exchange`, `m365` or `kumomta`.
    #[must_use]
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::Postfix => "postfix",
            Self::Exim => "exim",
            Self::Sendmail => "sendmail",
            Self::OpenSmtpd => "opensmtpd",
            Self::Exchange => "exchange",
            Self::M365 => "m365",
            Self::KumoMta => "kumomta",
        }
    }

    /// The format named `name` (see [`as_str`](Self::as_str)).
    #[must_use]
    pub fn from_name(name: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|f| f.as_str().eq_ignore_ascii_case(name))
    }
}

/// How the scanner reads.
#[derive(Clone, Debug)]
pub struct Options {
    /// Read only this format's lines (others count as other programs' lines); `None`: each line's
    /// format is recognised from the line.
    pub format: Option<LogFormat>,
    /// The most messages kept in memory at once, waiting for more lines. When there are more,
    /// the tenth of them seen longest ago are given up: their pending recipients are reported as
    /// `deferred` with the warning `forgotten`. Default 100,000 (one to two kilobytes each).
    pub max_in_flight: usize,
    /// Messages not named by any line for this many seconds of the log's clock are given up
    /// (their pending recipients reported as `deferred` with the warning `forgotten`): longer
    /// than any MTA keeps a message queued by default (Postfix's `maximal_queue_lifetime` and
    /// Sendmail's `Timeout.queuereturn` are 5 days). Default 7 days.
    pub stale_after: i64,
    /// The year, month (1-12) and day the first file was last written: classic syslog stamps
    /// carry no year (see [`YearGuess`]).
    pub year: (i32, u8, u8),
}

impl Default for Options {
    fn default() -> Self {
        Self { format: None, max_in_flight: 100_000, stale_after: 7 * 86_400, year: (1970, 1, 1) }
    }
}

/// Every how many lines the scanner looks for stale messages ([`Options::stale_after`]).
const STALE_SWEEP: u64 = 1 << 16;

/// The most example lines kept of each kind the report shows (unknown lines, problems).
pub const MAX_EXAMPLES: usize = 5;

/// The most programs counted one by one among other programs' lines.
pub const MAX_PROGRAMS: usize = 50;

/// What the scanner saw besides outcomes: lines by format, received mail, other programs'
/// lines, lines it could not read, and the MTAs' warnings and panics.
#[derive(Clone, Debug, Default)]
pub struct Stats {
    /// Lines read.
    pub lines: u64,
    /// Lines read as each format.
    pub by_format: Vec<(LogFormat, u64)>,
    /// Messages that entered the queue (a sender or size logged), and their bytes.
    pub received: u64,
    /// The bytes of the messages received.
    pub received_bytes: u64,
    /// Lines of other programs (dovecot, amavis, ...), by program; more than
    /// [`MAX_PROGRAMS`] programs go under `other`.
    pub other_programs: Vec<(String, u64)>,
    /// Lines in no known format (not a syslog line, not an Exim line), with the first few.
    pub unknown: u64,
    /// The first [`MAX_EXAMPLES`] unknown lines, each with its line number.
    pub unknown_examples: Vec<(u64, String)>,
    /// The MTAs' warnings, errors and panics, by severity.
    pub problems: Vec<(Severity, u64)>,
    /// The first [`MAX_EXAMPLES`] problems of each severity, with their line numbers.
    pub problem_examples: Vec<(Severity, u64, String)>,
    /// Messages given up while still waiting for lines (see [`Options::max_in_flight`]).
    pub forgotten: u64,
}

impl Stats {
    fn count_format(&mut self, f: LogFormat) {
        match self.by_format.iter_mut().find(|(g, _)| *g == f) {
            Some((_, n)) => *n += 1,
            None => self.by_format.push((f, 1)),
        }
    }

    fn count_program(&mut self, program: &str) {
        if let Some((_, n)) = self.other_programs.iter_mut().find(|(p, _)| p == program) {
            *n += 1;
        } else if self.other_programs.len() < MAX_PROGRAMS {
            self.other_programs.push((program.to_owned(), 1));
        } else if let Some((_, n)) = self.other_programs.iter_mut().find(|(p, _)| p == "other") {
            *n += 1;
        } else {
            self.other_programs.push(("other".to_owned(), 1));
        }
    }

    /// Lines read as any known format.
    #[must_use]
    pub fn recognised(&self) -> u64 {
        self.by_format.iter().map(|(_, n)| n).sum()
    }
}

/// A recipient waiting for its final result.
#[derive(Debug)]
struct Pending {
    recipient: String,
    original: Option<String>,
    relay: Option<String>,
    attempts: u32,
    dsn: Option<String>,
    reply: String,
    delay: Option<f64>,
    last: Option<Timestamp>,
    line: u64,
}

/// A message in flight.
#[derive(Debug)]
struct Message {
    format: LogFormat,
    sender: Option<String>,
    size: Option<u64>,
    message_id: Option<String>,
    client: Option<String>,
    first: Option<Timestamp>,
    /// The number of the last line about it: its age.
    seen: u64,
    /// The time of the last line about it.
    seen_at: Option<Timestamp>,
    received: bool,
    pending: Vec<Pending>,
    /// Outcomes final before the message's arrival line: Exim logs a cutthrough delivery
    /// (`>>`), made while the client is still sending, before its `<=` line. They wait for
    /// that line's sender and size, or for the message to be done.
    held: Vec<Outcome>,
}

/// Reads log lines one at a time and gives the outcomes they complete.
///
/// ```
/// use smtp_codes_logs::{OutcomeKind, Scanner};
///
/// let mut scanner = Scanner::default();
/// let mut out = Vec::new();
/// for line in [
///     "Jul 12 07:47:48 mx postfix/qmgr[2]: 19B6B2900FE: from=<alice@example.net>, size=1234, nrcpt=1 (queue active)",
///     "Jul 12 07:47:49 mx postfix/smtp[3]: 19B6B2900FE: to=<bob@example.org>, relay=mx.example.org[192.0.2.1]:25, delay=1, delays=0/0/0/1, dsn=5.1.1, status=bounced (host mx.example.org[192.0.2.1] said: 550 5.1.1 <bob@example.org>: User unknown (in reply to RCPT TO command))",
/// ] {
///     scanner.push(line, &mut out);
/// }
/// scanner.finish(&mut out);
/// assert_eq!(out.len(), 1);
/// assert_eq!(out[0].kind(), OutcomeKind::Bounced);
/// assert_eq!(out[0].sender(), Some("alice@example.net"));
/// assert_eq!(out[0].recipient(), Some("bob@example.org"));
/// ```
#[derive(Debug)]
pub struct Scanner {
    options: Options,
    years: YearGuess,
    messages: HashMap<String, Message, FastState>,
    stats: Stats,
    /// The column header of the CSV log being read (Exchange, Microsoft 365), until the file
    /// ends.
    table: Option<Table>,
    /// The number of the last line read as Exim's, or as the continuation of one.
    last_exim: u64,
}

impl Default for Scanner {
    fn default() -> Self {
        Self::new(Options::default())
    }
}

impl Scanner {
    /// A scanner reading as `options` say.
    #[must_use]
    pub fn new(options: Options) -> Self {
        let (y, m, d) = options.year;
        Self {
            years: YearGuess::new(y, m, d),
            options,
            messages: HashMap::with_hasher(FastState),
            stats: Stats::default(),
            table: None,
            last_exim: 0,
        }
    }

    /// Starts the next file, last written on `year`, `month` and `day`: its classic syslog
    /// stamps are given years from there. Messages in flight carry over (rotated files continue
    /// each other).
    pub fn next_file(&mut self, year: i32, month: u8, day: u8) {
        self.years.restart(year, month, day);
        self.table = None;
        self.last_exim = 0;
    }

    /// Starts the next file, its classic syslog stamps continuing the year of the last one:
    /// only the CSV header read (Exchange's `#Fields:`, a trace export's header row) is
    /// forgotten, as every file has its own.
    pub fn next_file_same_year(&mut self) {
        self.table = None;
        self.last_exim = 0;
    }

    /// What was seen so far.
    #[must_use]
    pub const fn stats(&self) -> &Stats {
        &self.stats
    }

    /// Messages in flight now.
    #[must_use]
    pub fn in_flight(&self) -> usize {
        self.messages.len()
    }

    /// Reads one line (without its line break), adding to `out` the outcomes it completes.
    pub fn push(&mut self, line: &str, out: &mut Vec<Outcome>) {
        self.stats.lines += 1;
        let n = self.stats.lines;
        let line = line.strip_suffix('\r').unwrap_or(line);
        if line.trim().is_empty() {
            return;
        }
        // The rows of a CSV log, once its header has been read (one test of an `Option` on
        // every other format's path).
        if self.table.is_some() && self.push_row(line, n, out) {
            return;
        }
        // Exim writes a message that holds line breaks as several lines, each after the first
        // opening with a space (`Warning: purging the environment.` and ` Suggested action: use
        // keep_environment.`): such a line right after one of Exim's is part of it.
        if self.last_exim != 0 && n == self.last_exim + 1 && line.starts_with([' ', '\t']) {
            self.last_exim = n;
            self.stats.count_format(LogFormat::Exim);
            return;
        }
        let Some((format, stamp, event)) = self.read(line) else {
            // Formats that are not syslog lines, tried only on lines syslog's reading refused.
            if self.push_other(line, n, out) {
                return;
            }
            self.stats.unknown += 1;
            if self.stats.unknown_examples.len() < MAX_EXAMPLES {
                self.stats.unknown_examples.push((n, line.chars().take(300).collect()));
            }
            return;
        };
        if format == LogFormat::Exim {
            self.last_exim = n;
        }
        let Some(event) = event else { return };
        self.stats.count_format(format);
        let time = match stamp {
            Stamp::Full(t) => Some(t),
            Stamp::NoYear(s) => Some(self.years.stamp(s)),
        };
        self.apply(format, time, n, event, out);
        self.bound(n, time, out);
    }

    /// Keeps memory bounded after line `n`, written at `time`.
    fn bound(&mut self, n: u64, time: Option<Timestamp>, out: &mut Vec<Outcome>) {
        if self.messages.len() > self.options.max_in_flight.max(10) {
            self.forget(out);
        }
        // Now and then, the messages no line has named for longer than any queue keeps them.
        if n.is_multiple_of(STALE_SWEEP)
            && let Some(now) = time
        {
            self.sweep(now.local_seconds() - self.options.stale_after, out);
        }
    }

    /// Whether `format` is read (no format forced, or this one).
    fn allowed(&self, format: LogFormat) -> bool {
        self.options.format.is_none_or(|g| g == format)
    }

    /// Applies the events of `entry`, a record of `format` on line `n`.
    fn push_entry(&mut self, format: LogFormat, entry: &Entry<'_>, n: u64, out: &mut Vec<Outcome>) {
        self.stats.count_format(format);
        for event in entry.events() {
            self.apply(format, entry.time, n, event, out);
        }
        self.bound(n, entry.time, out);
    }

    /// A row of the CSV log whose header was read: whether the line was one.
    fn push_row(&mut self, line: &str, n: u64, out: &mut Vec<Outcome>) -> bool {
        let Some(table) = self.table.take() else { return false };
        if !self.allowed(table.format) || line.starts_with('#') {
            // A new header block (Exchange starts one per file, and files may be joined).
            self.table = Some(table);
            return false;
        }
        let row = csv::fields(line);
        let read = if row.len() < 3 {
            false
        } else if table.is_header(&row) {
            self.stats.count_format(table.format);
            true
        } else if let Some(entry) = table.entry(&row) {
            self.push_entry(table.format, &entry, n, out);
            true
        } else {
            false
        };
        self.table = Some(table);
        read
    }

    /// A line of a format that is not syslog's: an Exchange header line, a Microsoft 365
    /// export's header row, a KumoMTA JSON record. Whether the line was one.
    fn push_other(&mut self, line: &str, n: u64, out: &mut Vec<Outcome>) -> bool {
        let line = line.trim_start_matches('\u{feff}');
        if line.starts_with('{') {
            if !self.allowed(LogFormat::KumoMta) {
                return false;
            }
            let Some(entry) = kumomta::parse(line) else { return false };
            self.push_entry(LogFormat::KumoMta, &entry, n, out);
            return true;
        }
        if let Some(header) = line.strip_prefix('#') {
            let (format, table) = if let Some(names) = header.strip_prefix("Fields:") {
                (LogFormat::Exchange, Table::from_fields_line(names.trim()))
            } else if ["Software: Microsoft Exchange", "Version:", "Log-type: Message Tracking", "Date:"]
                .iter()
                .any(|p| header.starts_with(p))
            {
                (LogFormat::Exchange, None)
            } else if header.starts_with("TYPE ") {
                // Windows PowerShell's `Export-Csv` opens with `#TYPE <class>`.
                (LogFormat::M365, None)
            } else {
                return false;
            };
            if !self.allowed(format) || (header.starts_with("Fields:") && table.is_none()) {
                return false;
            }
            if table.is_some() {
                self.table = table;
            }
            self.stats.count_format(format);
            return true;
        }
        if self.allowed(LogFormat::M365)
            && let Some(table) = m365::header(line)
        {
            self.table = Some(table);
            self.stats.count_format(LogFormat::M365);
            return true;
        }
        false
    }

    /// Reports every recipient still waiting as `deferred` (still queued at the end of the log)
    /// and forgets every message.
    pub fn finish(&mut self, out: &mut Vec<Outcome>) {
        let mut ids: Vec<(u64, String)> = self.messages.iter().map(|(id, m)| (m.seen, id.clone())).collect();
        ids.sort_unstable();
        for (_, id) in ids {
            if let Some(m) = self.messages.remove(&id) {
                flush(&id, m, OutcomeKind::Deferred, None, out);
            }
        }
    }

    /// The format, stamp and event of a line; `Some((_, _, None))` for another program's line,
    /// `None` for a line in no known format.
    fn read<'l>(&mut self, line: &'l str) -> Option<(LogFormat, Stamp, Option<Event<'l>>)> {
        let forced = self.options.format;
        let allowed = |f: LogFormat| forced.is_none_or(|g| g == f);
        if let Some(framed) = syslog::frame(line) {
            let program = framed.program;
            let format = if postfix::is_postfix(program) {
                Some(LogFormat::Postfix)
            } else if sendmail::is_sendmail(program) {
                Some(LogFormat::Sendmail)
            } else if program == "exim" || program.starts_with("exim4") || program.starts_with("exim-") {
                Some(LogFormat::Exim)
            } else if program == "smtpd" {
                // Postfix's is `postfix/smtpd`; OpenSMTPD logs as plain `smtpd`.
                Some(LogFormat::OpenSmtpd)
            } else {
                None
            };
            let Some(format) = format.filter(|&f| allowed(f)) else {
                self.stats.count_program(program);
                // The format is not used for another program's line.
                return Some((LogFormat::Postfix, framed.stamp, None));
            };
            let event = match format {
                LogFormat::Postfix => postfix::parse(framed.message),
                LogFormat::Sendmail => sendmail::parse(framed.message),
                LogFormat::OpenSmtpd => opensmtpd::parse(framed.message),
                // Exim through syslog repeats its own stamp.
                LogFormat::Exim => {
                    let m = parse_stamp(framed.message).map_or(framed.message, |(_, rest)| rest);
                    exim::parse(m)
                }
                // Not syslog formats: never chosen above.
                LogFormat::Exchange | LogFormat::M365 | LogFormat::KumoMta => Event::Noise,
            };
            return Some((format, framed.stamp, Some(event)));
        }
        // Exim's own main log: a full stamp, then the message.
        if allowed(LogFormat::Exim)
            && let Some((stamp @ Stamp::Full(_), rest)) = parse_stamp(line)
        {
            // Exim writes `2024-05-01 10:00:00` (a space, not RFC 3339's `T`) and no syslog
            // frame; its lines without a message id (`login authenticator failed for ...`,
            // `SMTP call from ...`) are Exim's all the same.
            let event = exim::parse(rest);
            let exim_like = line.as_bytes().get(10) == Some(&b' ') || event != Event::Noise;
            if exim_like {
                return Some((LogFormat::Exim, stamp, Some(event)));
            }
        }
        None
    }

    fn apply(&mut self, format: LogFormat, time: Option<Timestamp>, n: u64, event: Event<'_>, out: &mut Vec<Outcome>) {
        match event {
            Event::Noise => {}
            Event::Problem { severity, text } => {
                match self.stats.problems.iter_mut().find(|(s, _)| *s == severity) {
                    Some((_, c)) => *c += 1,
                    None => self.stats.problems.push((severity, 1)),
                }
                if self.stats.problem_examples.iter().filter(|(s, _, _)| *s == severity).count() < MAX_EXAMPLES {
                    self.stats.problem_examples.push((severity, n, text.chars().take(300).collect()));
                }
            }
            Event::Rejected { id, recipient, sender, client, text } => {
                let mut o = Outcome::new(OutcomeKind::Rejected, format, n);
                o.queue_id = id.map(str::to_owned);
                o.recipient = recipient.map(str::to_owned);
                o.sender = sender.map(str::to_owned);
                o.client = client.map(str::to_owned);
                o.first_time = time;
                o.last_time = time;
                o.attempts = 1;
                o.reply = text.to_owned();
                out.push(o);
            }
            Event::Arrival { id, sender, size, message_id, client } => {
                let m = self.message(id, format, time, n);
                if let Some(s) = sender {
                    m.sender.get_or_insert_with(|| s.to_owned());
                }
                if let Some(s) = size {
                    m.size.get_or_insert(s);
                }
                if let Some(s) = message_id {
                    m.message_id.get_or_insert_with(|| s.to_owned());
                }
                if let Some(s) = client {
                    m.client.get_or_insert_with(|| s.to_owned());
                }
                for mut o in std::mem::take(&mut m.held) {
                    o.sender.clone_from(&m.sender);
                    o.size = m.size;
                    o.message_id.clone_from(&m.message_id);
                    o.client.clone_from(&m.client);
                    out.push(o);
                }
                if !m.received && (sender.is_some() || size.is_some()) {
                    m.received = true;
                    let bytes = m.size.unwrap_or(0);
                    self.stats.received += 1;
                    self.stats.received_bytes += bytes;
                }
            }
            Event::Known { id, sender, size } => {
                let m = self.message(id, format, time, n);
                if let Some(s) = sender {
                    m.sender.get_or_insert_with(|| s.to_owned());
                }
                if let Some(s) = size {
                    m.size.get_or_insert(s);
                }
            }
            Event::Attempt { id, recipients, original, relay, delay, dsn, status, text } => {
                let m = self.message(id, format, time, n);
                // Only Sendmail lists several recipients on one line (`to=<a>,<b>`).
                let several = format == LogFormat::Sendmail;
                let (mut list, mut one) = (recipients.split(','), std::iter::once(recipients));
                let list: &mut dyn Iterator<Item = &str> = if several { &mut list } else { &mut one };
                for recipient in list.map(unbracket).filter(|r| !r.is_empty() && !r.contains(char::is_whitespace)) {
                    let at = m.pending.iter().position(|p| p.recipient == recipient);
                    let mut p = at.map_or_else(
                        || Pending {
                            recipient: recipient.to_owned(),
                            original: None,
                            relay: None,
                            attempts: 0,
                            dsn: None,
                            reply: String::new(),
                            delay: None,
                            last: None,
                            line: n,
                        },
                        |i| m.pending.swap_remove(i),
                    );
                    p.attempts += 1;
                    p.original = original.map(str::to_owned).or(p.original);
                    p.relay = relay.map(str::to_owned).or(p.relay);
                    p.dsn = dsn.map(str::to_owned).or(p.dsn);
                    if !text.is_empty() {
                        text.clone_into(&mut p.reply);
                    }
                    p.delay = delay.or(p.delay);
                    p.last = time;
                    p.line = n;
                    let kind = match status {
                        Status::Deferred => {
                            m.pending.push(p);
                            continue;
                        }
                        Status::Sent => OutcomeKind::Delivered,
                        Status::Bounced => OutcomeKind::Bounced,
                        Status::Expired => OutcomeKind::Expired,
                    };
                    let o = outcome(id, m, p, kind);
                    // Exim's cutthrough delivery comes before the arrival that names the sender.
                    if format == LogFormat::Exim && !m.received {
                        m.held.push(o);
                    } else {
                        out.push(o);
                    }
                }
            }
            Event::Expired { id } => {
                if let Some(m) = self.messages.get_mut(id) {
                    m.seen = n;
                    for mut p in std::mem::take(&mut m.pending) {
                        p.last = time.or(p.last);
                        p.line = n;
                        out.push(outcome(id, m, p, OutcomeKind::Expired));
                    }
                }
            }
            Event::Done { id } => {
                if let Some(m) = self.messages.remove(id) {
                    flush(id, m, OutcomeKind::Deferred, Some("removed"), out);
                }
            }
        }
    }

    /// The message `id`, made when first seen.
    fn message(&mut self, id: &str, format: LogFormat, time: Option<Timestamp>, n: u64) -> &mut Message {
        // A message seen before is looked up without making its key again.
        if !self.messages.contains_key(id) {
            self.insert(id, format, time, n);
        }
        let m = self.messages.get_mut(id).expect("present");
        m.seen = n;
        m.seen_at = time.or(m.seen_at);
        m
    }

    fn insert(&mut self, id: &str, format: LogFormat, time: Option<Timestamp>, n: u64) {
        self.messages.insert(
            id.to_owned(),
            Message {
                format,
                sender: None,
                size: None,
                message_id: None,
                client: None,
                first: time,
                seen: n,
                received: false,
                seen_at: time,
                pending: Vec::new(),
                held: Vec::new(),
            },
        );
    }

    /// Gives up the messages last named before `before` (seconds of the log's clock).
    fn sweep(&mut self, before: i64, out: &mut Vec<Outcome>) {
        let stale = self.messages.extract_if(|_, m| m.seen_at.is_some_and(|t| t.local_seconds() < before)).collect();
        self.give_up(stale, out);
    }

    /// Gives up the tenth of the messages in flight seen longest ago.
    fn forget(&mut self, out: &mut Vec<Outcome>) {
        // The age that a tenth of the messages have reached, found over the ages alone: the
        // keys are moved out of the map, never copied.
        let mut ages: Vec<u64> = self.messages.values().map(|m| m.seen).collect();
        let k = (ages.len() / 10).max(1);
        let (_, &mut oldest, _) = ages.select_nth_unstable(k - 1);
        // The ages are line numbers, one message's each but for the messages of one line.
        let old = self.messages.extract_if(|_, m| m.seen <= oldest).collect();
        self.give_up(old, out);
    }

    /// Reports the messages `given` (taken from the map) as given up, the one seen longest ago
    /// first.
    fn give_up(&mut self, mut given: Vec<(String, Message)>, out: &mut Vec<Outcome>) {
        given.sort_unstable_by(|(a, m), (b, n)| (m.seen, a).cmp(&(n.seen, b)));
        for (id, m) in given {
            // A message whose recipients all had their final line (Sendmail logs no removal)
            // is no loss.
            self.stats.forgotten += u64::from(!m.pending.is_empty());
            flush(&id, m, OutcomeKind::Deferred, Some("forgotten"), out);
        }
    }
}

/// The outcome of recipient `p` of message `id`.
fn outcome(id: &str, m: &Message, p: Pending, kind: OutcomeKind) -> Outcome {
    let mut o = Outcome::new(kind, m.format, p.line);
    o.queue_id = Some(id.to_owned());
    o.message_id.clone_from(&m.message_id);
    o.sender.clone_from(&m.sender);
    o.recipient = Some(p.recipient);
    o.original_recipient = p.original;
    o.relay = p.relay;
    o.client.clone_from(&m.client);
    o.first_time = m.first;
    o.last_time = p.last;
    o.delay = p.delay;
    o.size = m.size;
    o.attempts = p.attempts;
    o.dsn = p.dsn;
    o.reply = p.reply;
    o
}

/// Every recipient of `m` still waiting, as `kind`, with `warning` when given.
fn flush(id: &str, mut m: Message, kind: OutcomeKind, warning: Option<&'static str>, out: &mut Vec<Outcome>) {
    // Outcomes that waited for an arrival line that never came are final as they are.
    out.append(&mut m.held);
    for p in std::mem::take(&mut m.pending) {
        let mut o = outcome(id, &m, p, kind);
        o.warnings.extend(warning);
        out.push(o);
    }
}
