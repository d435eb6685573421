//! `smtp-codes classify [FILE]...`: one reply or diagnostic text per line, streamed through the
//! explainer and classifier, written as JSON Lines or counted in a summary.
//!
//! Memory is bounded by design: one reused line buffer (at most [`input::MAX_LINE`] bytes), the
//! read buffers, and with `--summary` one counter per distinct severity, reason and code.

use std::borrow::Cow;
use std::io::{self, BufRead, BufWriter, Write};
use std::path::PathBuf;

use anyhow::{Context as _, Result, bail};
use serde::{Deserialize, Serialize};
use smtp_codes::EnhancedCode;
use smtp_codes::classify::{Context, explain_with};

use crate::context::ContextArgs;
use crate::input::{self, Lines};
use crate::output;
use crate::report::Report;
use crate::style::Painter;
use crate::summary::Summary;

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
    #[arg(long)]
    summary: bool,
    /// With --summary, print the counts as one JSON object. (Records are always JSON Lines.)
    #[arg(long)]
    json: bool,
    /// Default context for every line; a JSON line's own `command` and `remote_host` win.
    #[command(flatten)]
    context: ContextArgs,
}

/// One output record: where the line came from, then the fields of `explain --json` (without
/// the catalogue entries `reply` and `enhanced`).
#[derive(Debug, Serialize)]
struct Record<'a> {
    /// The input file, or the `file` field of a JSON line.
    file: &'a serde_json::Value,
    /// The 1-based line number in the input file.
    line: u64,
    /// The `index` field of a JSON line, passed through.
    #[serde(skip_serializing_if = "Option::is_none")]
    index: Option<&'a serde_json::Value>,
    /// The enhanced code again, under the name bounce scorers use.
    status: Option<EnhancedCode>,
    /// Present (and true) only when the line was longer than 1 MiB and was cut there.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    truncated: bool,
    #[serde(flatten)]
    report: Report<'a>,
}

/// A line of `--jsonl` input; the shape of the Sisimai corpus's `lines.jsonl`.
#[derive(Debug, Deserialize)]
struct JsonLine<'a> {
    #[serde(borrow)]
    text: Option<Cow<'a, str>>,
    #[serde(borrow, default)]
    command: Option<Cow<'a, str>>,
    #[serde(borrow, default)]
    remote_host: Option<Cow<'a, str>>,
    #[serde(default)]
    file: Option<serde_json::Value>,
    #[serde(default)]
    index: Option<serde_json::Value>,
}

/// How many bad JSON lines are reported one by one before they are only counted.
const MAX_REPORTED: u64 = 10;

/// What happened to the lines read so far.
#[derive(Debug, Default)]
struct Tally {
    lines: u64,
    bad: u64,
}

/// Where results go: records to standard output, or a summary.
enum Sink<W: Write> {
    Records(W),
    Summary(Box<Summary>),
}

pub(crate) fn run(args: &Args, painter: Painter) -> Result<()> {
    let inputs = input::open_all(&args.files)?;
    let stdout = io::stdout();
    let mut sink = if args.summary {
        Sink::Summary(Box::default())
    } else {
        Sink::Records(BufWriter::with_capacity(64 * 1024, stdout.lock()))
    };
    let mut tally = Tally::default();
    for opened in inputs {
        let name = serde_json::Value::String(opened.name.clone());
        let (reader, bar) = opened.reader(true)?;
        let result = classify_stream(reader, &name, args, &mut sink, &mut tally);
        if let Some(bar) = bar {
            bar.finish_and_clear();
        }
        result?;
    }
    if tally.lines == 0 && tally.bad == 0 {
        bail!("no lines to classify: the input is empty");
    }
    match sink {
        Sink::Records(mut out) => out.flush()?,
        Sink::Summary(summary) => {
            let mut out = stdout.lock();
            if args.json {
                output::json_line(&mut out, &summary.to_json())?;
            } else {
                summary.print(&mut out, painter)?;
            }
            out.flush()?;
        }
    }
    if tally.bad > 0 {
        bail!("{} of {} input lines were not JSON with a \"text\" field", tally.bad, tally.lines + tally.bad);
    }
    Ok(())
}

fn classify_stream<W: Write>(
    reader: Box<dyn BufRead>,
    name: &serde_json::Value,
    args: &Args,
    sink: &mut Sink<W>,
    tally: &mut Tally,
) -> Result<()> {
    let display = name.as_str().unwrap_or("-");
    let defaults = args.context.context();
    let mut lines = Lines::new(reader);
    while let Some(line) = lines.next_line().with_context(|| format!("cannot read {display}"))? {
        if line.bytes.trim_ascii().is_empty() {
            continue;
        }
        if !args.jsonl {
            tally.lines += 1;
            emit(sink, line.bytes, &defaults, name, line.number, None, line.truncated)?;
            continue;
        }
        let parsed = serde_json::from_slice::<JsonLine<'_>>(line.bytes)
            .map_err(|e| format!("not JSON ({e})"))
            .and_then(|j| if j.text.is_some() { Ok(j) } else { Err("no \"text\" field".to_owned()) });
        let record = match parsed {
            Ok(record) => record,
            Err(message) => {
                tally.bad += 1;
                if tally.bad <= MAX_REPORTED {
                    eprintln!("smtp-codes: {display}:{}: {message}", line.number);
                }
                if tally.bad == MAX_REPORTED {
                    eprintln!("smtp-codes: further bad lines are only counted");
                }
                continue;
            }
        };
        tally.lines += 1;
        let command = record.command.as_deref().and_then(|c| c.parse().ok()).or(defaults.command());
        let remote_host = record.remote_host.as_deref().filter(|h| !h.is_empty()).or(defaults.remote_host());
        let context = Context::new().with_command(command).with_remote_host(remote_host);
        let file = record.file.as_ref().unwrap_or(name);
        let text = record.text.as_deref().unwrap_or_default();
        emit(sink, text.as_bytes(), &context, file, line.number, record.index.as_ref(), line.truncated)?;
    }
    Ok(())
}

fn emit<W: Write>(
    sink: &mut Sink<W>,
    text: &[u8],
    context: &Context<'_>,
    file: &serde_json::Value,
    line: u64,
    index: Option<&serde_json::Value>,
    truncated: bool,
) -> Result<()> {
    let explanation = explain_with(text, context);
    match sink {
        Sink::Summary(summary) => summary.add(&explanation),
        Sink::Records(out) => {
            let report = Report::new(text, &explanation, context);
            let record = Record { file, line, index, status: explanation.enhanced_code(), truncated, report };
            output::json_line(out, &record)?;
        }
    }
    Ok(())
}
