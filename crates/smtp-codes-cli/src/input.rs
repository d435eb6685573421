//! Reading input: files, `-` and standard input, gzip and byte order marks read transparently,
//! and a line reader that holds at most one bounded line in memory whatever the size of the
//! input.
//!
//! Every path is checked (opened and closed again) before any is read, so that a missing file is
//! reported before any output is written; then the files are opened one at a time, so that any
//! number of them stays within the open-file limit.

mod lines;
mod utf16;

use std::ffi::OsString;
use std::fs::File;
use std::io::{self, BufRead, BufReader, Cursor, IsTerminal, Read};
use std::path::{Path, PathBuf};

use anyhow::{Context, Result, bail};
use flate2::read::MultiGzDecoder;
use indicatif::{ProgressBar, ProgressStyle};

pub(crate) use lines::{Lines, MAX_LINE};

use crate::output;

/// The most `explain` reads from standard input (after decompression): a reply, even a long
/// multi-line one, is far shorter, and a bound keeps a gzip bomb from filling memory.
pub(crate) const MAX_TEXT: usize = MAX_LINE;

/// The size of the read buffers.
const BUFFER: usize = 64 * 1024;

/// The first bytes of a gzip stream (RFC 1952).
const GZIP_MAGIC: [u8; 2] = [0x1f, 0x8b];
/// The byte order marks read at the start of the (decompressed) content.
const UTF8_BOM: &[u8] = b"\xef\xbb\xbf";
const UTF16_LE_BOM: &[u8] = b"\xff\xfe";
const UTF16_BE_BOM: &[u8] = b"\xfe\xff";

/// An input named on the command line, checked but not open.
pub(crate) struct Source {
    /// The name for messages and output: the path as given, or `-` for standard input.
    pub(crate) name: String,
    path: Option<PathBuf>,
}

/// The threads a `--threads N` option asks for: `N`, or one per processor for 0.
pub(crate) fn threads(requested: usize) -> usize {
    match requested {
        0 => std::thread::available_parallelism().map_or(1, std::num::NonZero::get),
        n => n,
    }
}

/// Checks every input named on the command line (standard input when none, or for `-`): each
/// file is opened and closed again, so that a missing or unreadable one is reported before any
/// output is written, without holding every file open at once.
pub(crate) fn check_all(paths: &[PathBuf]) -> Result<Vec<Source>> {
    if paths.is_empty() {
        return Ok(vec![Source { name: "-".to_owned(), path: None }]);
    }
    paths
        .iter()
        .map(|path| {
            if path.as_os_str() == "-" {
                return Ok(Source { name: "-".to_owned(), path: None });
            }
            let name = path.display().to_string();
            open_file(path, &name)?;
            Ok(Source { name, path: Some(path.clone()) })
        })
        .collect()
}

fn open_file(path: &Path, name: &str) -> Result<(File, u64)> {
    let file = File::open(path).with_context(|| format!("cannot open {name}"))?;
    let meta = file.metadata().with_context(|| format!("cannot read {name}"))?;
    if meta.is_dir() {
        bail!("cannot read {name}: it is a directory");
    }
    Ok((file, meta.len()))
}

/// The paths to read: folders replaced by the files under them (recursively, in name order);
/// `-` and files as given.
pub(crate) fn expand(paths: &[PathBuf]) -> Result<Vec<PathBuf>> {
    let mut files = Vec::new();
    for path in paths {
        if path.as_os_str() != "-" && path.is_dir() {
            walk(path, &mut files)?;
        } else {
            files.push(path.clone());
        }
    }
    if !paths.is_empty() && files.is_empty() {
        bail!("no files under {}", paths.iter().map(|p| p.display().to_string()).collect::<Vec<_>>().join(", "));
    }
    Ok(files)
}

fn walk(dir: &Path, files: &mut Vec<PathBuf>) -> Result<()> {
    let mut entries: Vec<PathBuf> = std::fs::read_dir(dir)
        .with_context(|| format!("cannot read the folder {}", dir.display()))?
        .map(|e| e.map(|e| e.path()))
        .collect::<io::Result<_>>()
        .with_context(|| format!("cannot read the folder {}", dir.display()))?;
    entries.sort();
    for path in entries {
        if path.is_dir() {
            walk(&path, files)?;
        } else if path.is_file() {
            files.push(path);
        }
    }
    Ok(())
}

impl Source {
    /// Opens the input and gives a buffered reader of its content, decompressed when it is
    /// gzip and decoded when it starts with a UTF-16 byte order mark. With `progress`, a file
    /// (not standard input) shows a progress bar on standard error while it is read, if standard
    /// error is a terminal.
    pub(crate) fn open(&self, progress: bool) -> Result<(Box<dyn BufRead>, Option<ProgressBar>)> {
        let Some(path) = &self.path else {
            hint_if_terminal();
            return Ok((decoded(io::stdin(), &self.name)?, None));
        };
        let (file, len) = open_file(path, &self.name)?;
        let bar = (progress && stderr_is_terminal()).then(|| progress_bar(len, &self.name));
        let raw: Box<dyn Read> = match &bar {
            Some(bar) => Box::new(bar.wrap_read(file)),
            None => Box::new(file),
        };
        Ok((decoded(raw, &self.name)?, bar))
    }
}

/// Reads up to `n` bytes, looping over short reads, so that a pipe handing out one byte at a
/// time is sniffed like a file; fewer only at the end of the input.
fn head(reader: &mut impl Read, n: usize, name: &str) -> Result<Vec<u8>> {
    let mut head = Vec::with_capacity(n);
    reader.take(n as u64).read_to_end(&mut head).with_context(|| format!("cannot read {name}"))?;
    Ok(head)
}

/// The content of `reader`: gunzipped when it starts with the gzip magic, without a UTF-8 byte
/// order mark, and UTF-16 (with its byte order mark) turned into UTF-8. The first bytes are
/// read into the buffer the content is then read through, looping over short reads only until
/// the longest mark could be told (a pipe handing out one byte at a time is sniffed like a
/// file), so that a file's first read is also its data's.
fn decoded<R: Read + 'static>(mut reader: R, name: &str) -> Result<Box<dyn BufRead>> {
    let mut first = vec![0; BUFFER];
    let mut len = 0;
    while len < UTF8_BOM.len() {
        match reader.read(&mut first[len..]) {
            Ok(0) => break,
            Ok(n) => len += n,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
            Err(e) => return Err(e).with_context(|| format!("cannot read {name}")),
        }
    }
    first.truncate(len);
    if first.starts_with(&GZIP_MAGIC) {
        let gz = MultiGzDecoder::new(BufReader::with_capacity(BUFFER, Cursor::new(first).chain(reader)));
        let mut content = BufReader::with_capacity(BUFFER, gz);
        let bom = head(&mut content, UTF8_BOM.len(), name)?;
        return Ok(without_bom(bom, content));
    }
    Ok(without_bom(first, reader))
}

/// `start` then `rest`, read through a buffer: without a UTF-8 byte order mark at the start,
/// and UTF-16 (after its byte order mark) turned into UTF-8. `start` holds at least the first
/// three bytes, or all there are.
fn without_bom<R: Read + 'static>(mut start: Vec<u8>, rest: R) -> Box<dyn BufRead> {
    let content: Box<dyn Read> = if start.starts_with(UTF8_BOM) {
        start.drain(..UTF8_BOM.len());
        Box::new(Cursor::new(start).chain(rest))
    } else if start.starts_with(UTF16_LE_BOM) || start.starts_with(UTF16_BE_BOM) {
        let big_endian = start.starts_with(UTF16_BE_BOM);
        start.drain(..UTF16_LE_BOM.len());
        Box::new(utf16::Utf16ToUtf8::new(Cursor::new(start).chain(rest), big_endian))
    } else {
        Box::new(Cursor::new(start).chain(rest))
    };
    Box::new(BufReader::with_capacity(BUFFER, content))
}

/// Whether standard error is a terminal, asked once.
fn stderr_is_terminal() -> bool {
    static TERMINAL: std::sync::OnceLock<bool> = std::sync::OnceLock::new();
    *TERMINAL.get_or_init(|| io::stderr().is_terminal())
}

fn progress_bar(len: u64, name: &str) -> ProgressBar {
    let bar = ProgressBar::new(len);
    let style = ProgressStyle::with_template("{msg} {wide_bar} {bytes}/{total_bytes} {bytes_per_sec} {eta}")
        .unwrap_or_else(|_| ProgressStyle::default_bar());
    bar.set_style(style);
    bar.set_message(name.to_owned());
    bar
}

/// What `explain` was given: a text, or a whole message (or mbox) that `bounce` decodes.
pub(crate) enum ExplainInput {
    /// Words or standard input to explain as one reply.
    Text(Vec<u8>),
    /// A whole e-mail message or an mbox, from `name`.
    Message { name: String, bytes: Vec<u8> },
}

/// Whether `head` starts like a whole message or an mbox.
fn is_message(head: &[u8]) -> bool {
    smtp_codes_bounce::looks_like_message(head) || smtp_codes_bounce::looks_like_mbox(head)
}

/// The input of `explain`: the words joined by spaces, or standard input (at most [`MAX_TEXT`]
/// bytes once decompressed) when there are no words or only `-`. A whole message (headers at
/// the start), on standard input or as the one file named, is read up to
/// `smtp_codes_bounce::MAX_MESSAGE` for `bounce` to decode. A lone word that names an existing
/// file that is not a message is refused with the way to explain its content: explaining a file
/// name is never what was meant.
pub(crate) fn explain_input(words: &[OsString]) -> Result<ExplainInput> {
    if words.is_empty() || (words.len() == 1 && words[0] == "-") {
        hint_if_terminal();
        let mut reader = decoded(io::stdin(), "standard input")?;
        let mut text = Vec::new();
        (&mut reader).take(MAX_TEXT as u64 + 1).read_to_end(&mut text).context("cannot read standard input")?;
        if is_message(&text) {
            let room = smtp_codes_bounce::MAX_MESSAGE as u64 + 1 - text.len() as u64;
            reader.take(room).read_to_end(&mut text).context("cannot read standard input")?;
            if text.len() > smtp_codes_bounce::MAX_MESSAGE {
                bail!(
                    "standard input holds a message over {} MiB; `smtp-codes bounce` reads mboxes of any size",
                    smtp_codes_bounce::MAX_MESSAGE >> 20
                );
            }
            return Ok(ExplainInput::Message { name: "-".to_owned(), bytes: text });
        }
        if text.len() > MAX_TEXT {
            bail!(
                "standard input is longer than {} MiB; explain reads one reply (classify reads many, one per line)",
                MAX_TEXT >> 20
            );
        }
        return Ok(ExplainInput::Text(text));
    }
    if let [word] = words
        && Path::new(word).is_file()
    {
        let path = Path::new(word);
        let name = path.display().to_string();
        let (file, _) = open_file(path, &name)?;
        let mut bytes = Vec::new();
        decoded(file, &name)?
            .take(smtp_codes_bounce::MAX_MESSAGE as u64 + 1)
            .read_to_end(&mut bytes)
            .with_context(|| format!("cannot read {name}"))?;
        if is_message(&bytes) {
            if bytes.len() > smtp_codes_bounce::MAX_MESSAGE {
                bail!("{name} is over {} MiB; run `smtp-codes bounce {name}`", smtp_codes_bounce::MAX_MESSAGE >> 20);
            }
            return Ok(ExplainInput::Message { name, bytes });
        }
        bail!(
            "{name} is a file, and explain explains the words it is given; to explain the file's content, run `smtp-codes explain < {name}`"
        );
    }
    let mut text = Vec::new();
    for (i, word) in words.iter().enumerate() {
        if i > 0 {
            text.push(b' ');
        }
        text.extend_from_slice(word.as_encoded_bytes());
    }
    Ok(ExplainInput::Text(text))
}

/// Tells a person at a terminal that standard input is being read, so that a command waiting
/// for input does not look stuck.
fn hint_if_terminal() {
    if io::stdin().is_terminal() && io::stderr().is_terminal() {
        output::say!("reading standard input (end it with Ctrl-D)");
    }
}

#[cfg(test)]
mod tests;
