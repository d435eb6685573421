//! `smtp-codes bounce [PATH]...`: whole bounce messages (single messages, mboxes, folders such
//! as a Maildir) decoded into one answer per recipient, as human lines, JSON Lines or a summary.
//!
//! Messages are read one at a time: an mbox streams through `smtp_codes_bounce::Mbox`, a
//! single file is read up to the size cap and skipped (with a message) past it, so memory is
//! bounded by the largest message decoded, not by the input. With `--threads N` this thread
//! reads the messages and hands them on in batches to workers that decode and render them;
//! the batches are written in the order they were read, so the output is the same, and memory
//! is bounded by the batches in flight (each at most [`BATCH_BYTES`] and one message).

use std::collections::VecDeque;
use std::io::{self, BufRead, BufWriter, Read, Write};
use std::path::PathBuf;
use std::sync::mpsc::{Receiver, SyncSender, sync_channel};
use std::sync::{Arc, Mutex};

use anyhow::{Context as _, Result};
use smtp_codes_bounce::{Decoded, MAX_MESSAGE, Mbox, MessageKind, decode, looks_like_mbox};
use smtp_codes_report::{BounceRecord, BounceSummary};

use crate::input;
use crate::output::{self, Escaped};
use crate::style::{CODE, DIM, LABEL, Painter, WARNING};
use crate::table::Table;

#[derive(Debug, clap::Args)]
pub(crate) struct Args {
    /// Bounce messages: files holding one message (`.eml`, any name) or an mbox, folders (read
    /// recursively, so a Maildir works), gzip files; `-` is standard input, which is also read
    /// when no path is given.
    #[arg(value_name = "PATH")]
    paths: Vec<PathBuf>,
    /// Print JSON: one record per recipient (JSON Lines), or with --summary one object.
    #[arg(long)]
    json: bool,
    /// Print counts of messages and recipients by kind, reason, provider and recipient domain
    /// instead of one record per recipient.
    #[arg(long)]
    summary: bool,
    /// Decode on this many threads (0: one per processor); the output keeps the input's order.
    #[arg(long, default_value_t = 1, value_name = "N")]
    threads: usize,
}

impl Args {
    fn threads(&self) -> usize {
        input::threads(self.threads)
    }
}

/// Where the messages go.
enum Sink {
    Human(Painter),
    Json,
    /// Counted, then printed as tables (with a painter) or as one JSON object.
    Summary(Box<BounceSummary>, Option<Painter>),
}

pub(crate) fn run(args: &Args, painter: Painter) -> Result<()> {
    let sources = input::check_all(&input::expand(&args.paths)?)?;
    let stdout = io::stdout();
    let mut out = BufWriter::with_capacity(64 * 1024, stdout.lock());
    let mut sink = match (args.summary, args.json) {
        (true, json) => Sink::Summary(Box::default(), (!json).then_some(painter)),
        (false, true) => Sink::Json,
        (false, false) => Sink::Human(painter),
    };
    let threads = args.threads();
    if threads <= 1 {
        read_all(&sources, |file, number, raw| emit(&mut out, &mut sink, file, number, &raw.decode()))?;
    } else {
        in_threads(&sources, threads, &mut sink, &mut out)?;
    }
    if let Sink::Summary(summary, human) = &sink {
        match human {
            Some(painter) => print_summary(summary, &mut out, *painter)?,
            None => output::json_line(&mut out, summary.as_ref())?,
        }
    }
    out.flush()?;
    Ok(())
}

/// `explain` given a whole message (or an mbox): decoded as `bounce` would, and said so on
/// standard error; `json` prints `bounce-record` JSON Lines.
pub(crate) fn explain_message(name: &str, bytes: Vec<u8>, json: bool, painter: Painter) -> Result<()> {
    let shown = if name == "-" { "standard input" } else { name };
    output::say!(
        "{} is a whole message: decoded as `smtp-codes bounce` does, one answer per recipient",
        Escaped(shown)
    );
    let stdout = io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    let mut sink = if json { Sink::Json } else { Sink::Human(painter) };
    let file = serde_json::Value::String(name.to_owned());
    read_messages(Box::new(io::Cursor::new(bytes)), name, |number, message| {
        emit(&mut out, &mut sink, &file, number, message)
    })?;
    out.flush()?;
    Ok(())
}

/// How many bytes of an input are looked at to tell an mbox from a single message.
const HEAD: usize = 4096;

/// A message read from an input: decoded, or skipped for its size.
pub(crate) enum Message {
    Decoded(Box<Decoded>),
    TooLarge,
}

/// A message read from an input and not decoded yet, or skipped for its size.
pub(crate) enum Raw {
    Bytes(Vec<u8>),
    TooLarge,
}

impl Raw {
    fn decode(&self) -> Message {
        match self {
            Raw::Bytes(bytes) => Message::Decoded(Box::new(decode(bytes))),
            Raw::TooLarge => Message::TooLarge,
        }
    }

    fn len(&self) -> usize {
        match self {
            Raw::Bytes(bytes) => bytes.len(),
            Raw::TooLarge => 0,
        }
    }
}

/// Reads every input in turn, one open at a time, and hands on each message with its input's
/// name (as the records' `file`) and its 1-based number there.
fn read_all(
    sources: &[input::Source],
    mut each: impl FnMut(&Arc<serde_json::Value>, u64, Raw) -> Result<()>,
) -> Result<()> {
    for source in sources {
        let file = Arc::new(serde_json::Value::String(source.name.clone()));
        let (reader, bar) = source.open(true)?;
        let result = read_raw(reader, &source.name, |number, raw| each(&file, number, raw));
        if let Some(bar) = bar {
            bar.finish_and_clear();
        }
        result?;
    }
    Ok(())
}

/// Reads the messages of one input, an mbox or a single message, and hands each to `each`
/// decoded, with its 1-based number.
pub(crate) fn read_messages(
    reader: Box<dyn BufRead>,
    name: &str,
    mut each: impl FnMut(u64, &Message) -> Result<()>,
) -> Result<()> {
    read_raw(reader, name, |number, raw| each(number, &raw.decode()))
}

/// Reads the messages of one input, an mbox or a single message, and hands each to `each` as
/// read, with its 1-based number.
fn read_raw(mut reader: Box<dyn BufRead>, name: &str, mut each: impl FnMut(u64, Raw) -> Result<()>) -> Result<()> {
    // The first bytes, read in a loop: one `fill_buf` may hand out only what a reader in front
    // (gzip, byte order mark) had at hand, too little to tell an mbox from a message.
    let mut head = Vec::with_capacity(HEAD);
    (&mut reader).take(HEAD as u64).read_to_end(&mut head).with_context(|| format!("cannot read {name}"))?;
    let is_mbox = looks_like_mbox(&head);
    let reader: Box<dyn BufRead> = Box::new(io::BufReader::new(io::Cursor::new(head).chain(reader)));
    if is_mbox {
        for (n, message) in Mbox::new(reader).enumerate() {
            let message = message.with_context(|| format!("cannot read {name}"))?;
            let number = n as u64 + 1;
            if let Some(size) = message.too_large {
                output::say!(
                    "{}: message {number} is {size} bytes, over the {} MiB limit: skipped",
                    Escaped(name),
                    MAX_MESSAGE >> 20
                );
                each(number, Raw::TooLarge)?;
            } else {
                each(number, Raw::Bytes(message.bytes))?;
            }
        }
        return Ok(());
    }
    let mut bytes = Vec::new();
    reader.take(MAX_MESSAGE as u64 + 1).read_to_end(&mut bytes).with_context(|| format!("cannot read {name}"))?;
    if bytes.len() > MAX_MESSAGE {
        output::say!("{}: the message is over the {} MiB limit: skipped", Escaped(name), MAX_MESSAGE >> 20);
        return each(1, Raw::TooLarge);
    }
    if bytes.trim_ascii().is_empty() {
        output::say!("{}: empty input, no message", Escaped(name));
        return Ok(());
    }
    each(1, Raw::Bytes(bytes))
}

/// The most messages in one batch handed to a worker.
const BATCH_MESSAGES: usize = 64;
/// A batch is sent once its messages hold this many bytes (one message may add up to
/// [`MAX_MESSAGE`]).
const BATCH_BYTES: usize = 1 << 20;

/// Messages read, with their inputs' names and numbers, waiting to be decoded.
#[derive(Default)]
struct Batch {
    messages: Vec<(Arc<serde_json::Value>, u64, Raw)>,
    bytes: usize,
}

/// A decoded batch: its rendered output, or for a summary the decoded messages themselves.
enum Done {
    Out(Vec<u8>),
    Messages(Vec<Message>),
}

/// Decodes one batch as `sink` asks: rendered to bytes (JSON Lines or human rows), or kept
/// for the summary, which is counted on the writing thread.
fn decode_batch(batch: Batch, sink: &SinkKind) -> Result<Done> {
    match sink {
        SinkKind::Summary => Ok(Done::Messages(batch.messages.iter().map(|(_, _, raw)| raw.decode()).collect())),
        SinkKind::Render(kind) => {
            let mut out = Vec::with_capacity(batch.messages.len() * 1024);
            let mut sink = kind.sink();
            for (file, number, raw) in &batch.messages {
                emit(&mut out, &mut sink, file, *number, &raw.decode())?;
            }
            Ok(Done::Out(out))
        }
    }
}

/// What a worker makes of a batch, copied from the [`Sink`] (which the writing thread keeps).
enum SinkKind {
    Summary,
    Render(Render),
}

#[derive(Clone, Copy)]
enum Render {
    Human(Painter),
    Json,
}

impl Render {
    fn sink(self) -> Sink {
        match self {
            Render::Human(painter) => Sink::Human(painter),
            Render::Json => Sink::Json,
        }
    }
}

/// Decodes batches on `threads` workers while this thread reads the messages and writes the
/// results, in input order.
fn in_threads(sources: &[input::Source], threads: usize, sink: &mut Sink, out: &mut impl Write) -> Result<()> {
    type Work = (Batch, SyncSender<Result<Done>>);
    let kind = match sink {
        Sink::Human(painter) => SinkKind::Render(Render::Human(*painter)),
        Sink::Json => SinkKind::Render(Render::Json),
        Sink::Summary(..) => SinkKind::Summary,
    };
    let kind = &kind;
    let (work, queue) = sync_channel::<Work>(threads);
    let queue = &Mutex::new(queue);
    let mut take = |done: Result<Done>| -> Result<()> {
        match done? {
            Done::Out(bytes) => out.write_all(&bytes)?,
            Done::Messages(messages) => {
                for message in &messages {
                    emit(&mut io::sink(), sink, &serde_json::Value::Null, 0, message)?;
                }
            }
        }
        Ok(())
    };
    std::thread::scope(|scope| {
        for worker in 0..threads {
            scope.spawn(move || {
                // The two automatons every decode needs are built at once on two workers while
                // this thread reads the first messages.
                if worker % 2 == 0 {
                    let _ = smtp_codes::classify::shared();
                } else {
                    smtp_codes_bounce::prepare();
                }
                loop {
                    // The lock is held only while waiting for the next batch.
                    let next = queue.lock().map_err(drop).and_then(|q| q.recv().map_err(drop));
                    let Ok((batch, done)) = next else { break };
                    // The receiver is gone only when writing already failed.
                    let _ = done.send(decode_batch(batch, kind));
                }
            });
        }
        let mut pending: VecDeque<Receiver<Result<Done>>> = VecDeque::new();
        let wait = |rx: Receiver<Result<Done>>| rx.recv().unwrap_or_else(|_| Err(anyhow::anyhow!("a worker stopped")));
        let mut batch = Batch::default();
        let send = |batch: Batch, pending: &mut VecDeque<Receiver<Result<Done>>>| -> Result<()> {
            let (tx, rx) = sync_channel(1);
            work.send((batch, tx)).map_err(|_| anyhow::anyhow!("the workers stopped"))?;
            pending.push_back(rx);
            Ok(())
        };
        let read = read_all(sources, |file, number, raw| {
            batch.bytes += raw.len();
            batch.messages.push((Arc::clone(file), number, raw));
            if batch.messages.len() >= BATCH_MESSAGES || batch.bytes >= BATCH_BYTES {
                send(std::mem::take(&mut batch), &mut pending)?;
                if pending.len() > 2 * threads
                    && let Some(rx) = pending.pop_front()
                {
                    take(wait(rx))?;
                }
            }
            Ok(())
        });
        // The messages read before a read error are written before it is reported.
        let mut result = read;
        if !batch.messages.is_empty() {
            let sent = send(std::mem::take(&mut batch), &mut pending);
            if result.is_ok() {
                result = sent;
            }
        }
        drop(work);
        for rx in pending {
            let taken = take(wait(rx));
            if result.is_ok() {
                result = taken;
            }
        }
        result
    })
}

fn emit(out: &mut impl Write, sink: &mut Sink, file: &serde_json::Value, number: u64, message: &Message) -> Result<()> {
    let decoded = match message {
        Message::Decoded(d) => d,
        Message::TooLarge => {
            if let Sink::Summary(summary, _) = sink {
                summary.add_too_large();
            }
            return Ok(());
        }
    };
    match sink {
        Sink::Summary(summary, _) => summary.add(decoded),
        Sink::Json => {
            for record in BounceRecord::all(file, number, decoded) {
                output::json_line(out, &record)?;
            }
        }
        Sink::Human(painter) => human(out, *painter, file.as_str().unwrap_or("-"), number, decoded)?,
    }
    Ok(())
}

/// The most characters of a diagnostic a human row shows.
const HUMAN_TEXT: usize = 90;

/// A heading per message (file, number, kind, reader, reporting server, subject), then one row
/// per recipient: address, status, reason, hard or soft, who acts, the diagnostic's start.
pub(crate) fn human(out: &mut impl Write, painter: Painter, file: &str, number: u64, d: &Decoded) -> io::Result<()> {
    write!(out, "{}", painter.paint(LABEL, format_args!("{}#{number}", Escaped(file))))?;
    if d.kind() == MessageKind::NotABounce {
        return match d.challenge_response() {
            Some(system) => writeln!(
                out,
                "  {}",
                painter.paint(DIM, format_args!("not a bounce: a challenge-response message ({system})"))
            ),
            None => writeln!(
                out,
                "  {}",
                painter.paint(DIM, "not a bounce: no delivery report, feedback report or error text")
            ),
        };
    }
    write!(out, "  {}  {}", d.kind().as_str(), painter.paint(DIM, format_args!("({})", d.decoded_by().as_str())))?;
    if let Some(mta) = d.reporting_mta() {
        write!(out, "  from {}", Escaped(mta))?;
    }
    if let Some(subject) = d.original().and_then(|o| o.subject.as_deref()) {
        write!(out, "  re \"{}\"", Escaped(subject))?;
    }
    writeln!(out)?;
    for w in d.warnings() {
        writeln!(out, "  {}", painter.paint(WARNING, format_args!("warning: {w}")))?;
    }
    for r in d.recipients() {
        let c = r.classification();
        let e = r.explanation();
        let status = match (r.reply_code(), r.status()) {
            (Some(reply), Some(status)) => format!("{reply} {status}"),
            (Some(reply), None) => reply.to_string(),
            (None, Some(status)) => status.to_string(),
            (None, None) => "-".to_owned(),
        };
        let bounce = if r.hard_bounce() { "hard" } else { "soft" };
        write!(
            out,
            "  {}  {}  {} {bounce}  {}",
            Escaped(r.recipient().unwrap_or("(no address)")),
            painter.paint(CODE, format_args!("{status:<9}")),
            painter.paint(Painter::severity_style(e.severity()), c.reason().id()),
            e.who_acts().as_str(),
        )?;
        if let Some(p) = c.provider() {
            write!(out, "  [{}]", p.id())?;
        }
        let text: String = r.diagnostic().split_whitespace().collect::<Vec<_>>().join(" ");
        let mut shown: String = text.chars().take(HUMAN_TEXT).collect();
        if shown.len() < text.len() {
            shown.push('…');
        }
        if !shown.is_empty() {
            write!(out, "  {}", painter.paint(DIM, Escaped(shown.as_str())))?;
        }
        writeln!(out)?;
        for w in r.warnings() {
            writeln!(out, "    {}", painter.paint(WARNING, format_args!("warning: {w}")))?;
        }
    }
    Ok(())
}

/// One table of the summary: its header, its unit and its counts.
type Section = (&'static str, &'static str, Vec<(String, u64)>);

/// The most rows of the domain table.
const DOMAIN_ROWS: usize = 20;

fn print_summary(s: &BounceSummary, out: &mut impl Write, painter: Painter) -> io::Result<()> {
    writeln!(out, "{} {}", painter.paint(LABEL, "Messages:"), s.messages())?;
    writeln!(out, "{} {}", painter.paint(LABEL, "Not bounces:"), s.not_bounces())?;
    if s.too_large() > 0 {
        writeln!(out, "{} {}", painter.paint(LABEL, "Skipped for size:"), s.too_large())?;
    }
    writeln!(out, "{} {}", painter.paint(LABEL, "Recipients:"), s.recipients())?;
    writeln!(out, "{} {}", painter.paint(LABEL, "Hard bounces:"), s.hard_bounces())?;
    let own = |counts: &mut dyn Iterator<Item = (&str, u64)>| -> Vec<(String, u64)> {
        let mut v: Vec<(String, u64)> = counts.map(|(k, n)| (k.to_owned(), n)).collect();
        v.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        v
    };
    let mut domains = s.by_domain();
    let more = domains.len().saturating_sub(DOMAIN_ROWS);
    domains.truncate(DOMAIN_ROWS);
    let sections: [Section; 5] = [
        ("KIND", "MESSAGES", own(&mut s.by_kind())),
        ("DECODED BY", "MESSAGES", own(&mut s.by_reader())),
        ("REASON", "RECIPIENTS", own(&mut s.by_reason())),
        ("PROVIDER", "RECIPIENTS", own(&mut s.by_provider())),
        ("DOMAIN", "RECIPIENTS", domains),
    ];
    for (header, unit, counts) in sections {
        if counts.is_empty() {
            continue;
        }
        let mut table = Table::new(&[header, unit]);
        for (key, n) in counts {
            table.push(vec![output::escape(&key).into_owned(), n.to_string()]);
        }
        writeln!(out)?;
        table.print(out, painter, None)?;
    }
    if more > 0 {
        writeln!(out, "{}", painter.paint(DIM, format_args!("… and {more} more domains (--json lists them all)")))?;
    }
    Ok(())
}
