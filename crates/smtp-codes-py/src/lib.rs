//! The native part of the `smtp_codes` Python package: each function does the work of one
//! command of the command line and answers with the same JSON text, which the Python side
//! (`python/smtp_codes/__init__.py`) turns into dicts and lists. The GIL is released while the
//! work runs.

use std::io::Cursor;

use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use smtp_codes::Command;
use smtp_codes::classify::{Context, explain_with, shared};
use smtp_codes_bounce::{MAX_MESSAGE, decode_all};
use smtp_codes_report::logs::read_excerpt;
use smtp_codes_report::lookup::{Lookup, Query};
use smtp_codes_report::{BounceRecord, ClassifyInput, EventRecord, Explained};

fn json_error(e: serde_json::Error) -> PyErr {
    PyValueError::new_err(format!("cannot write the answer: {e}"))
}

/// The context of a reply: the command it answered and the host that sent it.
fn context<'a>(command: Option<&str>, remote_host: Option<&'a str>) -> PyResult<Context<'a>> {
    let command = match command.map(str::trim).filter(|c| !c.is_empty()) {
        Some(c) => Some(
            c.parse::<Command>()
                .map_err(|_| PyValueError::new_err(format!("{c:?} is not an SMTP command (RCPT, MAIL, DATA, ...)")))?,
        ),
        None => None,
    };
    Ok(Context::new().with_command(command).with_remote_host(remote_host))
}

/// `explain --json`: the `explained` record of one reply text.
#[pyfunction]
#[pyo3(signature = (text, command=None, remote_host=None))]
fn explain_json(py: Python<'_>, text: &str, command: Option<&str>, remote_host: Option<&str>) -> PyResult<String> {
    if text.trim().is_empty() {
        return Err(PyValueError::new_err("nothing to explain: the text is empty"));
    }
    let ctx = context(command, remote_host)?;
    py.detach(|| {
        let e = explain_with(text.as_bytes(), &ctx);
        serde_json::to_string(&Explained::new(text.as_bytes(), &e, &ctx)).map_err(json_error)
    })
}

/// `classify --jsonl --json`: one `classify-record` line per input line (`classify-input` JSON).
#[pyfunction]
fn classify_jsonl(py: Python<'_>, lines: Vec<String>) -> PyResult<Vec<String>> {
    py.detach(|| {
        let file = serde_json::Value::String("-".to_owned());
        let defaults = Context::new();
        let mut out = Vec::with_capacity(lines.len());
        for (line, number) in lines.iter().zip(1u64..) {
            let input = ClassifyInput::parse(line.as_bytes())
                .map_err(|e| PyValueError::new_err(format!("input {number}: {e}")))?;
            out.push(input.record_json(&file, number, &defaults));
        }
        Ok(out)
    })
}

/// `lookup --json CODE`.
#[pyfunction]
fn lookup_json(code: &str) -> PyResult<String> {
    let query: Query = code.parse().map_err(|e| PyValueError::new_err(format!("cannot look up {code:?}: {e}")))?;
    serde_json::to_string(&Lookup::new(code, query)).map_err(json_error)
}

/// `search --json WORDS`: one `search-hit` per entry found, best first.
#[pyfunction]
#[pyo3(signature = (words, limit=None))]
fn search_json(words: Vec<String>, limit: Option<usize>) -> PyResult<Vec<String>> {
    let terms = smtp_codes_report::search::terms(&words);
    if terms.is_empty() {
        return Err(PyValueError::new_err("nothing to search for: give at least one word"));
    }
    let mut found = smtp_codes_report::search::find(&terms);
    if let Some(l) = limit.filter(|&l| l > 0) {
        found.truncate(l);
    }
    found.iter().map(|h| serde_json::to_string(h).map_err(json_error)).collect()
}

/// `bounce --json -`: one `bounce-record` per recipient of the message (or of every message of
/// an mbox).
#[pyfunction]
fn decode_bounce_json(py: Python<'_>, data: &[u8]) -> PyResult<Vec<String>> {
    py.detach(|| {
        let file = serde_json::Value::String("-".to_owned());
        let mut out = Vec::new();
        for message in decode_all(data) {
            let (number, decoded) = message.map_err(|e| PyValueError::new_err(format!("cannot read the mbox: {e}")))?;
            let Some(d) = decoded else {
                return Err(PyValueError::new_err(format!("message {number} is over {} MiB", MAX_MESSAGE >> 20)));
            };
            for r in BounceRecord::all(&file, number, &d) {
                out.push(serde_json::to_string(&r).map_err(json_error)?);
            }
        }
        Ok(out)
    })
}

/// `logs --summary --json` and `logs --json` over log lines: the report, then one `log-record`
/// per outcome. `year`, `month` and `day` are when the log was last written (for stamps without
/// a year).
#[pyfunction]
fn scan_logs_json(
    py: Python<'_>,
    lines: Vec<String>,
    year: i32,
    month: u8,
    day: u8,
) -> PyResult<(String, Vec<String>)> {
    py.detach(|| {
        let excerpt = read_excerpt(lines.iter().map(String::as_str), (year, month, day), usize::MAX)
            .map_err(|e| PyValueError::new_err(e.to_string()))?;
        Ok((serde_json::to_string(&excerpt.summary).map_err(json_error)?, excerpt.records))
    })
}

/// `events --json -`: one `event-record` per recipient of ESP events (JSON text: one document,
/// an array, or JSON Lines).
#[pyfunction]
fn read_events_json(py: Python<'_>, text: &str) -> PyResult<Vec<String>> {
    py.detach(|| {
        let file = serde_json::Value::String("-".to_owned());
        let mut out = Vec::new();
        for (event, index) in smtp_codes_events::read_json_lines(Cursor::new(text.as_bytes())).zip(1u64..) {
            let event = event.map_err(|e| PyValueError::new_err(e.to_string()))?;
            out.push(serde_json::to_string(&EventRecord::new(&file, index, &event)).map_err(json_error)?);
        }
        Ok(out)
    })
}

/// The fields of [`classify_arrow`]'s struct array, in order.
fn arrow_fields() -> arrow_schema::Fields {
    use arrow_schema::{DataType, Field};
    vec![
        Field::new("reply_code", DataType::UInt16, true),
        Field::new("enhanced_code", DataType::Utf8, true),
        Field::new("reason", DataType::Utf8, false),
        Field::new("hard_bounce", DataType::Boolean, false),
        Field::new("severity", DataType::Utf8, false),
        Field::new("retry", DataType::Boolean, false),
        Field::new("who_acts", DataType::Utf8, false),
        Field::new("provider", DataType::Utf8, true),
        Field::new("rule_kind", DataType::Utf8, false),
    ]
    .into()
}

/// The strings of an Arrow array of UTF-8 (32- or 64-bit offsets, or views), read in place.
enum Texts<'a> {
    Utf8(&'a arrow_array::StringArray),
    Large(&'a arrow_array::LargeStringArray),
    View(&'a arrow_array::StringViewArray),
}

impl<'a> Texts<'a> {
    fn of(array: &'a arrow_array::ArrayRef, name: &str) -> PyResult<Self> {
        use arrow_array::cast::AsArray;
        if let Some(a) = array.as_string_opt::<i32>() {
            return Ok(Self::Utf8(a));
        }
        if let Some(a) = array.as_string_opt::<i64>() {
            return Ok(Self::Large(a));
        }
        if let Some(a) = array.as_string_view_opt() {
            return Ok(Self::View(a));
        }
        Err(pyo3::exceptions::PyTypeError::new_err(format!(
            "{name} must be an Arrow array of strings, not of {}",
            array.data_type()
        )))
    }

    fn get(&self, i: usize) -> Option<&'a str> {
        use arrow_array::Array;
        match self {
            Self::Utf8(a) => a.is_valid(i).then(|| a.value(i)),
            Self::Large(a) => a.is_valid(i).then(|| a.value(i)),
            Self::View(a) => a.is_valid(i).then(|| a.value(i)),
        }
    }

    fn len(&self) -> usize {
        use arrow_array::Array;
        match self {
            Self::Utf8(a) => a.len(),
            Self::Large(a) => a.len(),
            Self::View(a) => a.len(),
        }
    }
}

/// Classifies every string of an Arrow array (and optional arrays of commands and remote hosts
/// of the same length) through the Arrow C data interface, without copying the strings; gives a
/// struct array of reply code, enhanced code, reason, hard bounce, severity, retry, who acts,
/// provider and rule kind, null where the text is null. The GIL is released while it works.
#[pyfunction]
#[pyo3(signature = (texts, commands=None, remote_hosts=None))]
fn classify_arrow(
    py: Python<'_>,
    texts: pyo3_arrow::PyArray,
    commands: Option<pyo3_arrow::PyArray>,
    remote_hosts: Option<pyo3_arrow::PyArray>,
) -> PyResult<Py<PyAny>> {
    use std::sync::Arc;

    use arrow_array::builder::{BooleanBuilder, StringBuilder, UInt16Builder};
    use arrow_array::{ArrayRef, StructArray};

    let texts_array = texts.array().clone();
    let commands_array = commands.map(|c| c.array().clone());
    let hosts_array = remote_hosts.map(|h| h.array().clone());
    let result: PyResult<ArrayRef> = py.detach(|| {
        let t = Texts::of(&texts_array, "texts")?;
        let c = commands_array.as_ref().map(|a| Texts::of(a, "commands")).transpose()?;
        let h = hosts_array.as_ref().map(|a| Texts::of(a, "remote_hosts")).transpose()?;
        let n = t.len();
        for (other, name) in [(c.as_ref(), "commands"), (h.as_ref(), "remote_hosts")] {
            if let Some(o) = other
                && o.len() != n
            {
                return Err(PyValueError::new_err(format!("{name} has {} values, texts {n}", o.len())));
            }
        }
        let classifier = shared();
        let mut reply = UInt16Builder::with_capacity(n);
        let mut enhanced = StringBuilder::with_capacity(n, n * 5);
        let mut reason = StringBuilder::with_capacity(n, n * 11);
        let mut hard = BooleanBuilder::with_capacity(n);
        let mut severity = StringBuilder::with_capacity(n, n * 9);
        let mut retry = BooleanBuilder::with_capacity(n);
        let mut who = StringBuilder::with_capacity(n, n * 10);
        let mut provider = StringBuilder::with_capacity(n, n * 4);
        let mut rule = StringBuilder::with_capacity(n, n * 6);
        let mut valid = Vec::with_capacity(n);
        for i in 0..n {
            let Some(text) = t.get(i) else {
                valid.push(false);
                reply.append_null();
                enhanced.append_null();
                reason.append_value("");
                hard.append_value(false);
                severity.append_value("");
                retry.append_value(false);
                who.append_value("");
                provider.append_null();
                rule.append_value("");
                continue;
            };
            valid.push(true);
            let command = c.as_ref().and_then(|c| c.get(i)).and_then(|c| c.parse::<Command>().ok());
            let ctx = Context::new().with_command(command).with_remote_host(h.as_ref().and_then(|h| h.get(i)));
            let e = classifier.explain(text.as_bytes(), &ctx);
            let cl = e.classification().copied().unwrap_or_else(|| classifier.classify(text.as_bytes(), &ctx));
            reply.append_option(e.reply_code().map(smtp_codes::ReplyCode::as_u16));
            match e.enhanced_code() {
                Some(code) => enhanced.append_value(code.to_string()),
                None => enhanced.append_null(),
            }
            reason.append_value(cl.reason().id());
            hard.append_value(cl.hard_bounce());
            severity.append_value(e.severity().as_str());
            retry.append_value(e.retry());
            who.append_value(e.who_acts().as_str());
            provider.append_option(cl.provider().map(|p| p.id()));
            rule.append_value(cl.rule().kind());
        }
        let columns: Vec<ArrayRef> = vec![
            Arc::new(reply.finish()),
            Arc::new(enhanced.finish()),
            Arc::new(reason.finish()),
            Arc::new(hard.finish()),
            Arc::new(severity.finish()),
            Arc::new(retry.finish()),
            Arc::new(who.finish()),
            Arc::new(provider.finish()),
            Arc::new(rule.finish()),
        ];
        let nulls = valid.iter().any(|v| !v).then(|| arrow_buffer::NullBuffer::from(valid));
        StructArray::try_new(arrow_fields(), columns, nulls)
            .map(|s| Arc::new(s) as ArrayRef)
            .map_err(|e| PyValueError::new_err(format!("cannot build the result: {e}")))
    });
    let out = pyo3_arrow::PyArray::from_array_ref(result?);
    Ok(out.to_pyarrow(py)?.unbind())
}

/// The version of the JSON contract.
#[pyfunction]
const fn schema_version() -> u32 {
    smtp_codes_report::SCHEMA_VERSION
}

#[pymodule]
fn _native(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(explain_json, m)?)?;
    m.add_function(wrap_pyfunction!(classify_jsonl, m)?)?;
    m.add_function(wrap_pyfunction!(lookup_json, m)?)?;
    m.add_function(wrap_pyfunction!(search_json, m)?)?;
    m.add_function(wrap_pyfunction!(decode_bounce_json, m)?)?;
    m.add_function(wrap_pyfunction!(scan_logs_json, m)?)?;
    m.add_function(wrap_pyfunction!(read_events_json, m)?)?;
    m.add_function(wrap_pyfunction!(schema_version, m)?)?;
    m.add_function(wrap_pyfunction!(classify_arrow, m)?)?;
    Ok(())
}
