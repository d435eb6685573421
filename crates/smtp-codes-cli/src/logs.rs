//! `smtp-codes logs [PATH]...`: mail-server logs (Postfix, Exim, Sendmail, OpenSMTPD, Exchange
//! message tracking, Microsoft 365 message trace exports, KumoMTA) read into one outcome
//! per message and recipient, as a report for people, JSON Lines records or a JSON report.
//!
//! Files are read one line at a time and one file at a time; rotated files are read oldest
//! first (`mail.log.2.gz`, `mail.log.1`, `mail.log`), so messages in flight carry over from one
//! to the next. Memory is bounded by the messages in flight and the report's bounded counts.
//! With `--threads 2` the reading and joining ([`read_all`]) runs on a thread of its own and
//! hands batches of outcomes to this one, which classifies and writes them in the same order.

use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};
use std::time::SystemTime;

use anyhow::{Context as _, Result, bail};
use smtp_codes::classify::shared;
use smtp_codes_logs::{LogFormat, Options, Outcome, OutcomeKind, Scanner, Timestamp};
use smtp_codes_report::LogRecord;
use smtp_codes_report::logs::{Counts, LogSummary, explain};

use crate::input::{self, Lines};
use crate::output::{self, Escaped};
use crate::style::{DIM, LABEL, Painter, WARNING};
use crate::table::Table;

#[derive(Debug, clap::Args)]
pub(crate) struct Args {
    /// Log files (plain or gzip), folders (read recursively); `-` is standard input, which is
    /// also read when no path is given. Rotated files are read oldest first.
    #[arg(value_name = "PATH")]
    paths: Vec<PathBuf>,
    /// Print JSON: one record per recipient outcome (JSON Lines), or with --summary the report
    /// as one object.
    #[arg(long)]
    json: bool,
    /// With --json, print the report instead of the records (without --json the report is what
    /// is printed anyway).
    #[arg(long)]
    summary: bool,
    /// Read only this format's lines: postfix, exim, sendmail, opensmtpd, exchange, m365 or
    /// kumomta (default: each line's format is recognised).
    #[arg(long, value_name = "FORMAT", value_parser = parse_format)]
    format: Option<LogFormat>,
    /// Keep only outcomes at or after this time of the log's clock (`2024-07-12`,
    /// `2024-07-12T08:00:00`).
    #[arg(long, value_name = "TIME", value_parser = parse_time)]
    since: Option<Timestamp>,
    /// Keep only outcomes before this time of the log's clock.
    #[arg(long, value_name = "TIME", value_parser = parse_time)]
    until: Option<Timestamp>,
    /// Keep only outcomes that are not deliveries: deferred, bounced, expired, rejected.
    #[arg(long)]
    problems: bool,
    /// The year of the first classic syslog time stamp (`Jul 12 07:47:48` carries none). By
    /// default it is guessed from when each file was last written (see the README).
    #[arg(long, value_name = "YEAR")]
    year: Option<i32>,
    /// Rows of each table in the report.
    #[arg(long, value_name = "N", default_value_t = 15)]
    top: usize,
    /// With 2, one thread reads and joins the lines while another classifies and writes (the
    /// joining follows the lines' order, so more threads would not help); 0: 2 when there are
    /// two processors or more. The output is the same.
    #[arg(long, value_name = "N", default_value_t = 1)]
    threads: usize,
}

impl Args {
    fn threads(&self) -> usize {
        input::threads(self.threads)
    }
}

fn parse_format(s: &str) -> Result<LogFormat, String> {
    LogFormat::from_name(s).ok_or_else(|| {
        let names: Vec<&str> = LogFormat::ALL.iter().map(|f| f.as_str()).collect();
        format!("{s:?} is not a log format: use one of {}", names.join(", "))
    })
}

fn parse_time(s: &str) -> Result<Timestamp, String> {
    let full = if s.len() == 10 { format!("{s} 00:00:00") } else { s.replace('T', " ") };
    let b = full.as_bytes();
    let num = |r: std::ops::Range<usize>| full.get(r).and_then(|t| t.parse::<u32>().ok());
    let bad = || format!("{s:?} is not a time: use 2024-07-12 or 2024-07-12T08:00:00");
    if b.len() < 19 || b[4] != b'-' || b[7] != b'-' || b[13] != b':' || b[16] != b':' {
        return Err(bad());
    }
    let (Some(y), Some(mo), Some(d), Some(h), Some(mi), Some(se)) =
        (num(0..4), num(5..7), num(8..10), num(11..13), num(14..16), num(17..19))
    else {
        return Err(bad());
    };
    if !(1..=12).contains(&mo) || !(1..=31).contains(&d) || h > 23 || mi > 59 || se > 60 {
        return Err(bad());
    }
    let small = |n: u32| u8::try_from(n).map_err(|_| bad());
    Ok(Timestamp::new(
        i32::try_from(y).map_err(|_| bad())?,
        small(mo)?,
        small(d)?,
        small(h)?,
        small(mi)?,
        small(se)?,
        None,
    ))
}

/// Where outcomes go.
enum Sink {
    Records,
    Report(Box<LogSummary>, Option<Painter>),
}

/// What the reading stage hands the writing stage, in the order of the lines.
enum Step<'a> {
    /// A file starts: its first line's number among all lines read, and its name.
    File(u64, &'a str),
    /// Outcomes completed so far; `flush` when they must go on now (a file ends, or the log).
    Outcomes(&'a mut Vec<Outcome>, bool),
}

/// Outcomes handed from the reading thread to the writing one at a time, with `--threads 2`.
const BATCH: usize = 1024;

/// Batches in flight between the two threads: memory stays bounded by the messages in flight,
/// the report's counts and this many batches.
const BATCHES_IN_FLIGHT: usize = 8;

pub(crate) fn run(args: &Args, painter: Painter) -> Result<()> {
    let paths = rotated_order(input::expand(&args.paths)?);
    let sources = input::check_all(&paths)?;
    let stdout = io::stdout();
    let mut out = BufWriter::with_capacity(64 * 1024, stdout.lock());
    let mut sink = if args.json && !args.summary {
        Sink::Records
    } else {
        Sink::Report(Box::default(), (!args.json).then_some(painter))
    };
    let mut scanner = Scanner::new(Options { format: args.format, ..Options::default() });
    // The first line number of each file, to turn the scanner's numbers into file and line.
    let mut starts: Vec<(u64, String)> = Vec::new();
    let classifier = shared();
    // Writes or counts outcomes; the caller empties the list.
    let mut write = |step: Step<'_>, starts: &mut Vec<(u64, String)>| -> Result<()> {
        match step {
            Step::File(first, name) => starts.push((first, name.to_owned())),
            Step::Outcomes(outcomes, _) => emit(&mut out, &mut sink, starts, args, classifier, outcomes)?,
        }
        Ok(())
    };
    if args.threads() <= 1 {
        read_all(args, &paths, &sources, &mut scanner, &mut |step| match step {
            Step::File(..) => write(step, &mut starts),
            Step::Outcomes(outcomes, flush) => {
                write(Step::Outcomes(&mut *outcomes, flush), &mut starts)?;
                outcomes.clear();
                Ok(())
            }
        })?;
    } else {
        // The scanner joins lines in their order, so reading is one thread; classifying and
        // writing is the other. Written batches go back to the reading thread to be dropped
        // there: an outcome's strings freed by the thread that did not allocate them cost
        // glibc's allocator a quarter of the run in locking and refilling.
        let (tx, rx) = std::sync::mpsc::sync_channel::<Handoff>(BATCHES_IN_FLIGHT);
        let (back_tx, back_rx) = std::sync::mpsc::channel::<Vec<Outcome>>();
        std::thread::scope(|scope| -> Result<()> {
            let scanner = &mut scanner;
            let (paths, sources) = (&paths, &sources);
            let reader = scope.spawn(move || {
                read_all(args, paths, sources, scanner, &mut |step| {
                    let handoff = match step {
                        Step::File(first, name) => Handoff::File(first, name.to_owned()),
                        Step::Outcomes(outcomes, flush) if flush || outcomes.len() >= BATCH => {
                            // A written batch, emptied here, is the next one's room.
                            let mut next = back_rx.try_recv().unwrap_or_default();
                            next.clear();
                            Handoff::Outcomes(std::mem::replace(outcomes, next))
                        }
                        Step::Outcomes(..) => return Ok(()),
                    };
                    // The writer stops taking only when it failed; its error is the one reported.
                    tx.send(handoff).map_err(|_| anyhow::anyhow!("the writing thread stopped"))
                })
            });
            let mut written = Ok(());
            for handoff in &rx {
                let step_result = match handoff {
                    Handoff::File(first, name) => write(Step::File(first, &name), &mut starts),
                    Handoff::Outcomes(mut outcomes) => {
                        let result = write(Step::Outcomes(&mut outcomes, true), &mut starts);
                        // The reader may be gone (at the end); then they are dropped here.
                        let _ = back_tx.send(outcomes);
                        result
                    }
                };
                if let Err(e) = step_result {
                    written = Err(e);
                    break;
                }
            }
            drop(rx);
            let read = reader.join().map_err(|_| anyhow::anyhow!("the reading thread panicked"))?;
            written?;
            read
        })?;
    }
    if let Sink::Report(summary, human) = &mut sink {
        summary.finish(scanner.stats());
        match human {
            Some(painter) => print_report(summary, &starts, args.top, &mut out, *painter)?,
            None => output::json_line(&mut out, summary.as_ref())?,
        }
    }
    out.flush()?;
    Ok(())
}

/// A [`Step`] sent between threads.
enum Handoff {
    File(u64, String),
    Outcomes(Vec<Outcome>),
}

/// Reads every file in turn into `scanner`, handing on the files' starts and the outcomes
/// their lines complete, and at the end the outcomes of the messages still in flight.
fn read_all(
    args: &Args,
    paths: &[PathBuf],
    sources: &[input::Source],
    scanner: &mut Scanner,
    step: &mut dyn FnMut(Step<'_>) -> Result<()>,
) -> Result<()> {
    let now = year_month(SystemTime::now());
    let mut outcomes = Vec::new();
    for (i, source) in sources.iter().enumerate() {
        let written = paths.get(i).and_then(|p| std::fs::metadata(p).ok()?.modified().ok()).map_or(now, year_month);
        let (year, month, day) = args.year.map_or(written, |y| (y, 12, 31));
        if args.year.is_none() || i == 0 {
            scanner.next_file(year, month, day);
        } else {
            scanner.next_file_same_year();
        }
        step(Step::File(scanner.stats().lines + 1, &source.name))?;
        let before = (scanner.stats().recognised(), scanner.stats().lines, scanner.stats().unknown);
        let (reader, bar) = source.open(true)?;
        let mut lines = Lines::new(reader);
        while let Some(line) = lines.next_line().with_context(|| format!("cannot read {}", source.name))? {
            // Valid UTF-8 (nearly every line) is checked fast and borrowed.
            let text = match std::str::from_utf8(line.bytes) {
                Ok(t) => std::borrow::Cow::Borrowed(t),
                Err(_) => String::from_utf8_lossy(line.bytes),
            };
            scanner.push(&text, &mut outcomes);
            if !outcomes.is_empty() {
                step(Step::Outcomes(&mut outcomes, false))?;
            }
        }
        if let Some(bar) = bar {
            bar.finish_and_clear();
        }
        let stats = scanner.stats();
        let (recognised, read, unknown) =
            (stats.recognised() - before.0, stats.lines - before.1, stats.unknown - before.2);
        if recognised == 0 && unknown > 0 {
            let example = stats.unknown_examples.first().map(|(_, l)| l.as_str()).unwrap_or_default();
            bail!(
                "{}: no line of its {read} is in a known log format (Postfix, Exim, Sendmail, OpenSMTPD, Exchange, Microsoft 365 or KumoMTA); the first reads \"{}\"",
                Escaped(&source.name),
                Escaped(example)
            );
        }
        step(Step::Outcomes(&mut outcomes, true))?;
    }
    scanner.finish(&mut outcomes);
    step(Step::Outcomes(&mut outcomes, true))
}

/// Writes or counts the outcomes found so far, and empties the list.
fn emit(
    out: &mut impl Write,
    sink: &mut Sink,
    starts: &[(u64, String)],
    args: &Args,
    classifier: &smtp_codes::classify::Classifier,
    outcomes: &[Outcome],
) -> Result<()> {
    for o in outcomes {
        if !keep(o, args) {
            continue;
        }
        // A delivery needs no classification for the report: its provider comes from the relay.
        if let Sink::Report(summary, _) = sink
            && o.kind() == OutcomeKind::Delivered
        {
            summary.add_delivered(o);
            continue;
        }
        let explanation = explain(classifier, o);
        match sink {
            Sink::Records => {
                let at = starts.partition_point(|(first, _)| *first <= o.line()).saturating_sub(1);
                let (first, file) = starts.get(at).map_or((1, "-"), |(f, n)| (*f, n.as_str()));
                output::json_line(out, &LogRecord::new(file, o.line() - first + 1, o, &explanation))?;
            }
            Sink::Report(summary, _) => summary.add(o, &explanation),
        }
    }
    Ok(())
}

fn keep(o: &Outcome, args: &Args) -> bool {
    if args.problems && o.kind() == OutcomeKind::Delivered {
        return false;
    }
    let t = o.last_time().map(Timestamp::local_seconds);
    if let Some(since) = args.since
        && t.is_some_and(|t| t < since.local_seconds())
    {
        return false;
    }
    if let Some(until) = args.until
        && t.is_some_and(|t| t >= until.local_seconds())
    {
        return false;
    }
    true
}

/// The year, month and day (UTC) of a moment.
fn year_month(t: SystemTime) -> (i32, u8, u8) {
    let secs = t.duration_since(SystemTime::UNIX_EPOCH).map_or(0, |d| i64::try_from(d.as_secs()).unwrap_or(i64::MAX));
    let (y, m, d, ..) = Timestamp::from_unix(secs).civil();
    (y, m, d)
}

/// The paths in the order their lines were written: a rotated file (`mail.log.2.gz`,
/// `mail.log.1`, `mail.log-20240701`) before the newer ones of the same log, the oldest first;
/// different logs keep the order given.
pub(crate) fn rotated_order(paths: Vec<PathBuf>) -> Vec<PathBuf> {
    // (the log's name, its age: higher is older, the path's position)
    let key = |p: &Path| -> (String, i64) {
        let name = p.to_string_lossy();
        let name = name.strip_suffix(".gz").unwrap_or(&name);
        if let Some((base, n)) = name.rsplit_once('.')
            && let Ok(n) = n.parse::<i64>()
            && n < 1000
        {
            return (base.to_owned(), n);
        }
        if let Some((base, date)) = name.rsplit_once('-')
            && date.len() == 8
            && let Ok(d) = date.parse::<i64>()
        {
            // Dated rotation: older dates first, all before the current file.
            return (base.to_owned(), 100_000_000 - d);
        }
        (name.to_owned(), 0)
    };
    let mut keyed: Vec<(usize, String, i64, PathBuf)> = Vec::with_capacity(paths.len());
    let mut first_of: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
    for (i, p) in paths.into_iter().enumerate() {
        let (base, age) = key(&p);
        let group = *first_of.entry(base.clone()).or_insert(i);
        keyed.push((group, base, age, p));
    }
    keyed.sort_by(|a, b| a.0.cmp(&b.0).then(b.2.cmp(&a.2)));
    keyed.into_iter().map(|(_, _, _, p)| p).collect()
}

fn percent(c: &Counts) -> String {
    c.delivered_percent().map_or_else(|| "-".to_owned(), |p| format!("{p:.1}%"))
}

fn print_report(
    s: &LogSummary,
    starts: &[(u64, String)],
    top: usize,
    out: &mut impl Write,
    painter: Painter,
) -> io::Result<()> {
    let stats = s.stats();
    let formats: Vec<String> = stats.by_format.iter().map(|(f, n)| format!("{} {n}", f.as_str())).collect();
    let other: u64 = stats.other_programs.iter().map(|(_, n)| n).sum();
    writeln!(
        out,
        "{} {} lines in {} file{} ({}; other programs {other}; unknown {})",
        painter.paint(LABEL, "Mail log:"),
        stats.lines,
        starts.len(),
        if starts.len() == 1 { "" } else { "s" },
        if formats.is_empty() { "no known format".to_owned() } else { formats.join(", ") },
        stats.unknown
    )?;
    let t = s.totals();
    let (received, bytes) = s.received();
    writeln!(out)?;
    let mut table = Table::new(&["OUTCOME", "RECIPIENTS", ""]);
    table.push(vec!["received".into(), received.to_string(), format!("messages, {bytes} bytes")]);
    table.push(vec![
        "delivered".into(),
        t.get(OutcomeKind::Delivered).to_string(),
        format!("{} of the outbound", percent(t)),
    ]);
    table.push(vec![
        "deferred".into(),
        t.get(OutcomeKind::Deferred).to_string(),
        "still queued at the end of the log".into(),
    ]);
    table.push(vec!["bounced".into(), t.get(OutcomeKind::Bounced).to_string(), String::new()]);
    table.push(vec![
        "expired".into(),
        t.get(OutcomeKind::Expired).to_string(),
        "given up when the queue lifetime ran out".into(),
    ]);
    table.push(vec![
        "rejected".into(),
        t.get(OutcomeKind::Rejected).to_string(),
        "inbound refusals by this server, not bounces".into(),
    ]);
    table.print(out, painter, None)?;
    let rows =
        |title: &'static str, rows: Vec<smtp_codes_report::logs::Row<'_>>, out: &mut dyn Write| -> io::Result<()> {
            if rows.is_empty() {
                return Ok(());
            }
            let mut table = Table::new(&[title, "DELIVERED", "DEFERRED", "BOUNCED", "EXPIRED", "DELIVERED %"]);
            for r in rows {
                let c = r.counts();
                table.push(vec![
                    r.key().to_owned(),
                    c.get(OutcomeKind::Delivered).to_string(),
                    c.get(OutcomeKind::Deferred).to_string(),
                    c.get(OutcomeKind::Bounced).to_string(),
                    c.get(OutcomeKind::Expired).to_string(),
                    percent(c),
                ]);
            }
            writeln!(out)?;
            table.print(&mut &mut *out, painter, None)
        };
    rows("PROVIDER", s.by_provider(top), out)?;
    rows("RECIPIENT DOMAIN", s.by_domain(top), out)?;
    let problems = s.problems(top);
    if !problems.is_empty() {
        let mut table = Table::new(&["COUNT", "OUTCOME", "REASON", "RULE", "PROVIDERS", "EXAMPLE"]);
        for g in problems {
            let rule = g.rule();
            let what = ["phrase", "match", "code"]
                .iter()
                .find_map(|k| rule.get(*k).and_then(|v| v.as_str()).map(str::to_owned));
            let what = what.or_else(|| rule.get("terms").map(|t| t.to_string()));
            let kind = rule.get("kind").and_then(|k| k.as_str()).unwrap_or("");
            let rule = what.map_or_else(|| kind.to_owned(), |w| format!("{kind}: {w}"));
            let providers: Vec<String> = g.providers().iter().map(|(p, n)| format!("{p} {n}")).collect();
            table.push(vec![
                g.count().to_string(),
                g.kind().to_owned(),
                g.reason().to_owned(),
                rule,
                providers.join(", "),
                g.example().to_owned(),
            ]);
        }
        writeln!(out)?;
        writeln!(out, "{}", painter.paint(LABEL, "Problems, grouped by the rule that decided (one example each):"))?;
        table.print(out, painter, crate::table::target_width(None))?;
    }
    let (hard, stop, more) = s.stop_mailing();
    if hard > 0 {
        writeln!(out)?;
        writeln!(
            out,
            "{} {} hard bounces, {} recipients:",
            painter.paint(LABEL, "Stop mailing:"),
            hard,
            stop.len() as u64 + more
        )?;
        for r in stop.iter().take(top) {
            writeln!(out, "  {}", Escaped(r))?;
        }
        let hidden = (stop.len() as u64 + more).saturating_sub(top as u64);
        if hidden > 0 {
            writeln!(out, "{}", painter.paint(DIM, format_args!("  … and {hidden} more (--json lists them)")))?;
        }
    }
    rows("SENDER", s.by_sender(top), out)?;
    if !s.by_day().is_empty() {
        let mut table = Table::new(&["DAY", "DELIVERED", "DEFERRED", "BOUNCED", "EXPIRED", "REJECTED"]);
        for (day, c) in s.by_day() {
            table.push(
                std::iter::once(day.clone()).chain(OutcomeKind::ALL.iter().map(|&k| c.get(k).to_string())).collect(),
            );
        }
        writeln!(out)?;
        table.print(out, painter, None)?;
        let mut table = Table::new(&["HOUR", "DELIVERED", "DEFERRED", "BOUNCED", "EXPIRED", "REJECTED"]);
        for (hour, c) in s.by_hour() {
            table.push(
                std::iter::once(format!("{hour:02}:00"))
                    .chain(OutcomeKind::ALL.iter().map(|&k| c.get(k).to_string()))
                    .collect(),
            );
        }
        writeln!(out)?;
        table.print(out, painter, None)?;
    }
    if !stats.problems.is_empty() {
        writeln!(out)?;
        let counts: Vec<String> = stats.problems.iter().map(|(sev, n)| format!("{n} {}", sev.as_str())).collect();
        writeln!(out, "{} {}", painter.paint(WARNING, "MTA problems:"), counts.join(", "))?;
        for (sev, line, text) in &stats.problem_examples {
            writeln!(out, "  {}: {} {}", file_line(starts, *line), sev.as_str(), Escaped(text))?;
        }
    }
    if stats.unknown > 0 {
        writeln!(out)?;
        writeln!(
            out,
            "{} {} lines in no known format, for example:",
            painter.paint(WARNING, "Unknown:"),
            stats.unknown
        )?;
        for (line, text) in &stats.unknown_examples {
            writeln!(out, "  {}: {}", file_line(starts, *line), Escaped(text))?;
        }
    }
    if stats.forgotten > 0 {
        writeln!(
            out,
            "{} {} messages waited too long among too many and were reported as deferred",
            painter.paint(WARNING, "Forgotten:"),
            stats.forgotten
        )?;
    }
    Ok(())
}

fn file_line(starts: &[(u64, String)], line: u64) -> String {
    let at = starts.partition_point(|(first, _)| *first <= line).saturating_sub(1);
    starts.get(at).map_or_else(|| line.to_string(), |(first, name)| format!("{}:{}", Escaped(name), line - first + 1))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rotated_files_are_read_oldest_first() {
        let given: Vec<PathBuf> = ["mail.log", "mail.log.1", "mail.log.2.gz", "other.log", "mail.log.10.gz"]
            .iter()
            .map(PathBuf::from)
            .collect();
        let order: Vec<String> = rotated_order(given).iter().map(|p| p.display().to_string()).collect();
        assert_eq!(order, ["mail.log.10.gz", "mail.log.2.gz", "mail.log.1", "mail.log", "other.log"]);
        let dated: Vec<PathBuf> =
            ["maillog", "maillog-20240708", "maillog-20240701"].iter().map(PathBuf::from).collect();
        let order: Vec<String> = rotated_order(dated).iter().map(|p| p.display().to_string()).collect();
        assert_eq!(order, ["maillog-20240701", "maillog-20240708", "maillog"]);
    }

    #[test]
    fn times_are_read() {
        assert_eq!(parse_time("2024-07-12").unwrap().to_string(), "2024-07-12T00:00:00");
        assert_eq!(parse_time("2024-07-12T08:30:00").unwrap().to_string(), "2024-07-12T08:30:00");
        assert!(parse_time("yesterday").unwrap_err().contains("not a time"));
        assert!(parse_time("2024-13-01").is_err());
    }
}
