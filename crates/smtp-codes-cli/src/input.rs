//! Reading input: files, `-` and standard input, gzip read transparently, and a line reader that
//! holds at most one bounded line in memory whatever the size of the input.

use std::ffi::OsString;
use std::fs::File;
use std::io::{self, BufRead, BufReader, IsTerminal, Read};
use std::path::PathBuf;

use anyhow::{Context, Result};
use flate2::bufread::MultiGzDecoder;
use indicatif::{ProgressBar, ProgressStyle};

/// The longest line kept; the rest of a longer line is read and dropped, so memory stays bounded
/// even on a file with no line breaks.
pub(crate) const MAX_LINE: usize = 1 << 20;

/// The size of the read buffers.
const BUFFER: usize = 64 * 1024;

/// The first bytes of a gzip stream (RFC 1952).
const GZIP_MAGIC: [u8; 2] = [0x1f, 0x8b];

/// An input that has been opened but not yet read.
pub(crate) struct Opened {
    /// The name for messages and output: the path as given, or `-` for standard input.
    pub(crate) name: String,
    file: Option<(File, u64)>,
}

/// Opens every input named on the command line (standard input when none, or for `-`), all
/// before any is read, so that a missing file is reported before any output is written.
pub(crate) fn open_all(paths: &[PathBuf]) -> Result<Vec<Opened>> {
    if paths.is_empty() {
        return Ok(vec![Opened { name: "-".to_owned(), file: None }]);
    }
    paths.iter().map(open).collect()
}

fn open(path: &PathBuf) -> Result<Opened> {
    if path.as_os_str() == "-" {
        return Ok(Opened { name: "-".to_owned(), file: None });
    }
    let name = path.display().to_string();
    let file = File::open(path).with_context(|| format!("cannot open {name}"))?;
    let meta = file.metadata().with_context(|| format!("cannot read {name}"))?;
    if meta.is_dir() {
        anyhow::bail!("cannot read {name}: it is a directory");
    }
    Ok(Opened { name, file: Some((file, meta.len())) })
}

impl Opened {
    /// A buffered reader of the content, decompressed when it is gzip. With `progress`, a file
    /// (not standard input) shows a progress bar on standard error while it is read, if standard
    /// error is a terminal.
    pub(crate) fn reader(self, progress: bool) -> Result<(Box<dyn BufRead>, Option<ProgressBar>)> {
        match self.file {
            None => {
                hint_if_terminal();
                Ok((decompressed(BufReader::with_capacity(BUFFER, io::stdin()), &self.name)?, None))
            }
            Some((file, len)) => {
                let bar = (progress && io::stderr().is_terminal()).then(|| progress_bar(len, &self.name));
                let raw: Box<dyn Read> = match &bar {
                    Some(bar) => Box::new(bar.wrap_read(file)),
                    None => Box::new(file),
                };
                Ok((decompressed(BufReader::with_capacity(BUFFER, raw), &self.name)?, bar))
            }
        }
    }
}

/// `reader` itself, or a gzip decoder over it when the content starts with the gzip magic.
fn decompressed<R: BufRead + 'static>(mut reader: R, name: &str) -> Result<Box<dyn BufRead>> {
    let head = reader.fill_buf().with_context(|| format!("cannot read {name}"))?;
    if head.starts_with(&GZIP_MAGIC) {
        Ok(Box::new(BufReader::with_capacity(BUFFER, MultiGzDecoder::new(reader))))
    } else {
        Ok(Box::new(reader))
    }
}

fn progress_bar(len: u64, name: &str) -> ProgressBar {
    let bar = ProgressBar::new(len);
    let style = ProgressStyle::with_template("{msg} {wide_bar} {bytes}/{total_bytes} {bytes_per_sec} {eta}")
        .unwrap_or_else(|_| ProgressStyle::default_bar());
    bar.set_style(style);
    bar.set_message(name.to_owned());
    bar
}

/// The text of `explain`: the words joined by spaces, or all of standard input when there are
/// no words or only `-`.
pub(crate) fn words_or_stdin(words: &[OsString]) -> Result<Vec<u8>> {
    if words.is_empty() || (words.len() == 1 && words[0] == "-") {
        hint_if_terminal();
        let mut text = Vec::new();
        decompressed(io::stdin().lock(), "standard input")?
            .read_to_end(&mut text)
            .context("cannot read standard input")?;
        return Ok(text);
    }
    let mut text = Vec::new();
    for (i, word) in words.iter().enumerate() {
        if i > 0 {
            text.push(b' ');
        }
        text.extend_from_slice(word.as_encoded_bytes());
    }
    Ok(text)
}

/// Tells a person at a terminal that standard input is being read, so that a command waiting
/// for input does not look stuck.
fn hint_if_terminal() {
    if io::stdin().is_terminal() && io::stderr().is_terminal() {
        eprintln!("smtp-codes: reading standard input (end it with Ctrl-D)");
    }
}

/// Reads lines one at a time into one reused buffer.
pub(crate) struct Lines<R> {
    reader: R,
    buf: Vec<u8>,
    number: u64,
}

/// One line, without its line break.
pub(crate) struct Line<'a> {
    /// The 1-based line number.
    pub(crate) number: u64,
    pub(crate) bytes: &'a [u8],
    /// Whether the line was longer than [`MAX_LINE`] and was cut there.
    pub(crate) truncated: bool,
}

impl<R: BufRead> Lines<R> {
    pub(crate) fn new(reader: R) -> Self {
        Self { reader, buf: Vec::new(), number: 0 }
    }

    /// The next line, or `None` at the end of the input. A final line without a line break
    /// counts; `\r\n` endings lose their `\r`.
    pub(crate) fn next_line(&mut self) -> io::Result<Option<Line<'_>>> {
        self.buf.clear();
        let mut truncated = false;
        let mut read_any = false;
        loop {
            let available = match self.reader.fill_buf() {
                Ok(b) => b,
                Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
                Err(e) => return Err(e),
            };
            if available.is_empty() {
                break;
            }
            read_any = true;
            let (chunk, used, done) = match memchr::memchr(b'\n', available) {
                Some(i) => (&available[..i], i + 1, true),
                None => (available, available.len(), false),
            };
            let room = MAX_LINE - self.buf.len();
            if chunk.len() > room {
                truncated = true;
            }
            self.buf.extend_from_slice(&chunk[..chunk.len().min(room)]);
            self.reader.consume(used);
            if done {
                break;
            }
        }
        if !read_any {
            return Ok(None);
        }
        if self.buf.last() == Some(&b'\r') {
            self.buf.pop();
        }
        self.number += 1;
        Ok(Some(Line { number: self.number, bytes: &self.buf, truncated }))
    }
}

#[cfg(test)]
mod tests;
