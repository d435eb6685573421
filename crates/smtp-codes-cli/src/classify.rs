//! `smtp-codes classify [FILE]...`: one reply or diagnostic text per line, streamed through the
//! explainer and classifier, written as human lines, JSON Lines (full or brief) or counted in a
//! summary.
//!
//! The input is cut into batches of lines ([`BATCH_LINES`] or [`BATCH_BYTES`], whichever comes
//! first). With `--threads 1` (the default) each batch is classified and written in turn; with
//! more, worker threads classify batches while this thread reads the next ones and writes the
//! finished ones in input order. At most a few batches per thread are in flight (bounded
//! channels), so memory is bounded by design: the batches, the read buffers, and with
//! `--summary` at most `MAX_CODES` code counters.

use std::collections::VecDeque;
use std::io::{self, BufWriter, IsTerminal, Write};
use std::path::PathBuf;
use std::sync::mpsc::{Receiver, SyncSender, sync_channel};
use std::sync::{Arc, Mutex};

use anyhow::{Context as _, Result, bail};
use smtp_codes::classify::{Context, explain_with};
use smtp_codes::explain::Explanation;
use smtp_codes_report::{BriefRecord, ClassifyInput, ClassifyRecord, Report, Summary, one_line};

use crate::context::ContextArgs;
use crate::input::{self, Lines, MAX_LINE, Source};
use crate::output::{self, Escaped};
use crate::style::{CODE, DIM, Painter};
use crate::summary;

#[derive(Debug, clap::Args)]
pub(crate) struct Args {
    /// Files with one reply or diagnostic text per line; `-` is standard input, which is also
    /// read when no file is given. Gzip files are decompressed.
    #[arg(value_name = "FILE")]
    files: Vec<PathBuf>,
    /// Read JSON Lines with a `text` field and optional `command`, `remote_host`, `file` and
    /// `index` fields. A line that is not such JSON is reported on standard error and skipped;
    /// the exit status is then 2 once every line has been read.
    #[arg(long)]
    jsonl: bool,
    /// Print counts by severity, reason and code instead of one record per line.
    #[arg(long, conflicts_with = "brief")]
    summary: bool,
    /// Print JSON: one record per line (JSON Lines), or with --summary one object. This is the
    /// default when standard output is not a terminal.
    #[arg(long, conflicts_with = "human")]
    json: bool,
    /// Print compact JSON records: the decisions (codes, severity, reason, hard or soft, rule
    /// kind, command, provider) without the input, text and advice.
    #[arg(long, conflicts_with = "human")]
    brief: bool,
    /// Print one human line per record even when standard output is not a terminal (the
    /// default on a terminal).
    #[arg(long)]
    human: bool,
    /// Classify on this many threads (0: one per processor); the output keeps the input's order.
    #[arg(long, default_value_t = 1, value_name = "N")]
    threads: usize,
    /// Default context for every line; a JSON line's own `command` and `remote_host` win.
    #[command(flatten)]
    context: ContextArgs,
}

/// What each classified line becomes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Mode {
    /// One line for a person.
    Human,
    /// The full `classify-record` JSON.
    Full,
    /// The `brief-record` JSON.
    Brief,
    /// Counted in the summary only.
    Summary,
}

impl Args {
    fn mode(&self) -> Mode {
        if self.summary {
            Mode::Summary
        } else if self.brief {
            Mode::Brief
        } else if self.json {
            Mode::Full
        } else if self.human || io::stdout().is_terminal() {
            Mode::Human
        } else {
            // Pipelines built before human output existed keep getting JSON Lines.
            Mode::Full
        }
    }

    fn threads(&self) -> usize {
        input::threads(self.threads)
    }
}

/// How many problems of one kind (bad JSON lines, cut lines) are reported one by one before
/// they are only counted.
const MAX_REPORTED: u64 = 10;

/// The most lines in one batch.
const BATCH_LINES: usize = 1024;
/// A batch is sent once it holds this many bytes (a single line may add up to [`MAX_LINE`]).
const BATCH_BYTES: usize = 256 * 1024;

/// Lines read from one input, with their numbers, waiting to be classified.
struct Batch {
    /// The input's name as the records' `file`.
    file: Arc<serde_json::Value>,
    data: Vec<u8>,
    lines: Vec<LineSpan>,
}

/// Where a line is in its batch's `data`.
struct LineSpan {
    start: usize,
    end: usize,
    number: u64,
    truncated: bool,
}

/// A classified batch: its output bytes, its counts and its messages for standard error.
#[derive(Default)]
struct Done {
    out: Vec<u8>,
    summary: Summary,
    lines: u64,
    bad: u64,
    truncated: u64,
    /// The first [`MAX_REPORTED`] bad lines and cut lines of the batch, in order.
    messages: Vec<(Problem, String)>,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Problem {
    BadJson,
    Truncated,
}

/// What every batch is classified with.
struct Job<'a> {
    mode: Mode,
    jsonl: bool,
    defaults: Context<'a>,
    painter: Painter,
}

/// What happened to the batches written so far.
struct Written<W: Write> {
    out: W,
    summary: Summary,
    lines: u64,
    bad: u64,
    truncated: u64,
}

pub(crate) fn run(args: &Args, painter: Painter) -> Result<()> {
    let sources = input::check_all(&args.files)?;
    let job = Job { mode: args.mode(), jsonl: args.jsonl, defaults: args.context.context(), painter };
    let stdout = io::stdout();
    let mut written = Written {
        out: BufWriter::with_capacity(256 * 1024, stdout.lock()),
        summary: Summary::default(),
        lines: 0,
        bad: 0,
        truncated: 0,
    };
    let threads = args.threads();
    if threads <= 1 {
        read_batches(&sources, |batch| written.take(classify_batch(&batch, &job)))?;
    } else {
        in_threads(&sources, &job, threads, &mut written)?;
    }
    if written.lines == 0 && written.bad == 0 {
        bail!("no lines to classify: the input is empty");
    }
    let mut out = written.out;
    if job.mode == Mode::Summary {
        if args.json {
            output::json_line(&mut out, &written.summary)?;
        } else {
            summary::print(&written.summary, &mut out, painter)?;
        }
    }
    out.flush()?;
    if written.truncated > MAX_REPORTED {
        output::say!("{} lines were longer than {} MiB and were cut there", written.truncated, MAX_LINE >> 20);
    }
    if written.bad > 0 {
        bail!("{} of {} input lines were not JSON with a \"text\" field", written.bad, written.lines + written.bad);
    }
    Ok(())
}

/// Classifies batches on `threads` workers while this thread reads and writes, in input order.
fn in_threads<W: Write>(sources: &[Source], job: &Job<'_>, threads: usize, written: &mut Written<W>) -> Result<()> {
    type Work = (Batch, SyncSender<Result<Done>>);
    let (work, queue) = sync_channel::<Work>(threads);
    let queue = &Mutex::new(queue);
    std::thread::scope(|scope| {
        for _ in 0..threads {
            scope.spawn(move || {
                loop {
                    // The lock is held only while waiting for the next batch.
                    let next = queue.lock().map_err(drop).and_then(|q| q.recv().map_err(drop));
                    let Ok((batch, done)) = next else { break };
                    // The receiver is gone only when writing already failed.
                    let _ = done.send(classify_batch(&batch, job));
                }
            });
        }
        let mut pending: VecDeque<Receiver<Result<Done>>> = VecDeque::new();
        let wait = |rx: Receiver<Result<Done>>| rx.recv().unwrap_or_else(|_| Err(anyhow::anyhow!("a worker stopped")));
        let read = read_batches(sources, |batch| {
            let (tx, rx) = sync_channel(1);
            work.send((batch, tx)).map_err(|_| anyhow::anyhow!("the workers stopped"))?;
            pending.push_back(rx);
            if pending.len() > 2 * threads
                && let Some(rx) = pending.pop_front()
            {
                written.take(wait(rx))?;
            }
            Ok(())
        });
        drop(work);
        // The batches read before a read error are written before it is reported.
        let mut result = read;
        for rx in pending {
            let taken = written.take(wait(rx));
            if result.is_ok() {
                result = taken;
            }
        }
        result
    })
}

/// Reads every input in turn, one open at a time, and hands its lines on in batches.
fn read_batches(sources: &[Source], mut each: impl FnMut(Batch) -> Result<()>) -> Result<()> {
    for source in sources {
        let file = Arc::new(serde_json::Value::String(source.name.clone()));
        let (reader, bar) = source.open(true)?;
        let mut lines = Lines::new(reader);
        // Room for a whole batch up front: growing the buffers line by line cost a sixth of the
        // per-line time outside the classifier. (A line is cut at MAX_LINE, so a batch can
        // still grow past this once, by its last line.)
        let new_batch = || Batch {
            file: Arc::clone(&file),
            data: Vec::with_capacity(BATCH_BYTES + 4096),
            lines: Vec::with_capacity(BATCH_LINES),
        };
        let mut batch = new_batch();
        let result: Result<()> = (|| {
            while let Some(line) = lines.next_line().with_context(|| format!("cannot read {}", source.name))? {
                if line.bytes.trim_ascii().is_empty() {
                    continue;
                }
                let start = batch.data.len();
                batch.data.extend_from_slice(line.bytes);
                batch.lines.push(LineSpan {
                    start,
                    end: batch.data.len(),
                    number: line.number,
                    truncated: line.truncated,
                });
                if batch.lines.len() >= BATCH_LINES || batch.data.len() >= BATCH_BYTES {
                    each(std::mem::replace(&mut batch, new_batch()))?;
                }
            }
            if !batch.lines.is_empty() {
                each(std::mem::replace(&mut batch, new_batch()))?;
            }
            Ok(())
        })();
        if let Some(bar) = bar {
            bar.finish_and_clear();
        }
        result?;
    }
    Ok(())
}

impl<W: Write> Written<W> {
    /// Writes a classified batch and reports its problems, the first few of each kind.
    fn take(&mut self, done: Result<Done>) -> Result<()> {
        let done = done?;
        self.out.write_all(&done.out)?;
        self.summary.merge(&done.summary);
        for (problem, message) in &done.messages {
            let seen = match problem {
                Problem::BadJson => &mut self.bad,
                Problem::Truncated => &mut self.truncated,
            };
            *seen += 1;
            if *seen <= MAX_REPORTED {
                output::say!("{message}");
            }
            if *seen == MAX_REPORTED && *problem == Problem::BadJson {
                output::say!("further bad lines are only counted");
            }
        }
        self.lines += done.lines;
        // The messages counted the first ones; the counts cover the rest.
        let listed = |p: Problem| done.messages.iter().filter(|(q, _)| *q == p).count() as u64;
        self.bad += done.bad - listed(Problem::BadJson);
        self.truncated += done.truncated - listed(Problem::Truncated);
        Ok(())
    }
}

fn classify_batch(batch: &Batch, job: &Job<'_>) -> Result<Done> {
    // About what the records take, so that the output buffer is not grown record by record.
    let room = match job.mode {
        Mode::Summary => 0,
        Mode::Brief | Mode::Human => batch.lines.len() * 320,
        Mode::Full => batch.lines.len() * 2048,
    };
    let mut done = Done { out: Vec::with_capacity(room), ..Done::default() };
    let display = batch.file.as_str().unwrap_or("-");
    let note = |done: &mut Done, problem: Problem, message: String| {
        let listed = done.messages.iter().filter(|(p, _)| *p == problem).count() as u64;
        if listed < MAX_REPORTED {
            done.messages.push((problem, message));
        }
    };
    for span in &batch.lines {
        let bytes = &batch.data[span.start..span.end];
        if span.truncated {
            done.truncated += 1;
            note(
                &mut done,
                Problem::Truncated,
                format!("{display}:{}: line longer than {} MiB, cut there", span.number, MAX_LINE >> 20),
            );
        }
        if !job.jsonl {
            done.lines += 1;
            emit(&mut done, job, bytes, &job.defaults, &batch.file, span, None)?;
            continue;
        }
        let record = match ClassifyInput::parse(bytes) {
            Ok(record) => record,
            Err(message) => {
                done.bad += 1;
                note(&mut done, Problem::BadJson, format!("{display}:{}: {message}", span.number));
                continue;
            }
        };
        done.lines += 1;
        let context = record.context(&job.defaults);
        let file = record.file().unwrap_or(&batch.file);
        emit(&mut done, job, record.text().as_bytes(), &context, file, span, record.index())?;
    }
    Ok(done)
}

fn emit(
    done: &mut Done,
    job: &Job<'_>,
    text: &[u8],
    context: &Context<'_>,
    file: &serde_json::Value,
    span: &LineSpan,
    index: Option<&serde_json::Value>,
) -> Result<()> {
    let explanation = explain_with(text, context);
    let out = &mut done.out;
    match job.mode {
        Mode::Summary => {
            done.summary.add(&explanation);
            if span.truncated {
                done.summary.add_truncated();
            }
        }
        Mode::Full => {
            let report = Report::new(text, &explanation, context);
            output::json_line(out, &ClassifyRecord::new(file, span.number, index, span.truncated, report))?;
        }
        Mode::Brief => {
            let record = BriefRecord::new(file, span.number, index, span.truncated, &explanation, context);
            record.write_json(out)?;
            out.push(b'\n');
        }
        Mode::Human => human_line(out, job.painter, file, span, text, &explanation)?,
    }
    Ok(())
}

/// The most characters of reply text a human line shows.
const HUMAN_TEXT: usize = 100;

/// `FILE:LINE  CODES  REASON hard|soft  [PROVIDER]  TEXT`, control characters escaped.
fn human_line(
    out: &mut Vec<u8>,
    painter: Painter,
    file: &serde_json::Value,
    span: &LineSpan,
    text: &[u8],
    e: &Explanation<'_>,
) -> io::Result<()> {
    match file.as_str() {
        Some(name) => write!(out, "{}:{}", Escaped(name), span.number)?,
        None => write!(out, "{}:{}", Escaped(file), span.number)?,
    }
    let codes = match (e.reply_code(), e.enhanced_code()) {
        (Some(r), Some(x)) => format!("{r} {x}"),
        (Some(r), None) => r.to_string(),
        (None, Some(x)) => x.to_string(),
        (None, None) => "-".to_owned(),
    };
    write!(out, "  {}", painter.paint(CODE, format_args!("{codes:<9}")))?;
    if let Some(c) = e.classification() {
        let bounce = if c.hard_bounce() { "hard" } else { "soft" };
        write!(out, "  {} {bounce}", painter.paint(CODE, c.reason().id()))?;
        if let Some(p) = c.provider() {
            write!(out, "  [{}]", p.id())?;
        }
    }
    let line = one_line(text, e);
    let mut shown: String = line.chars().take(HUMAN_TEXT).collect();
    if shown.len() < line.len() {
        shown.push('…');
    }
    if !shown.is_empty() {
        write!(out, "  {}", painter.paint(DIM, shown))?;
    }
    if span.truncated {
        write!(out, " (line cut at {} MiB)", MAX_LINE >> 20)?;
    }
    out.push(b'\n');
    Ok(())
}
