//! The line reader: one bounded line at a time in one reused buffer, whatever the input holds.
//!
//! This file depends on nothing but `std` and `memchr`, so that the fuzz targets in `fuzz/`
//! can compile it as it is.

use std::io::{self, BufRead};

/// The longest line kept; the rest of a longer line is read and dropped, so memory stays bounded
/// even on a file with no line breaks.
pub(crate) const MAX_LINE: usize = 1 << 20;

/// Reads lines one at a time into one reused buffer. A line ends at `\n`, at `\r\n` or at a
/// `\r` that no `\n` follows (the line breaks of old Mac files).
pub(crate) struct Lines<R> {
    reader: R,
    buf: Vec<u8>,
    number: u64,
    /// The last line ended with a `\r` at the end of a read: a `\n` first in the next read
    /// belongs to that line break.
    after_cr: bool,
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
        Self { reader, buf: Vec::new(), number: 0, after_cr: false }
    }

    /// The next line, or `None` at the end of the input. A final line without a line break
    /// counts.
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
            if std::mem::take(&mut self.after_cr) && available[0] == b'\n' {
                self.reader.consume(1);
                continue;
            }
            read_any = true;
            let (end, used, done) = match memchr::memchr2(b'\n', b'\r', available) {
                Some(i) if available[i] == b'\r' => match available.get(i + 1) {
                    Some(b'\n') => (i, i + 2, true),
                    Some(_) => (i, i + 1, true),
                    None => {
                        self.after_cr = true;
                        (i, i + 1, true)
                    }
                },
                Some(i) => (i, i + 1, true),
                None => (available.len(), available.len(), false),
            };
            let room = MAX_LINE - self.buf.len();
            if end > room {
                truncated = true;
            }
            self.buf.extend_from_slice(&available[..end.min(room)]);
            self.reader.consume(used);
            if done {
                break;
            }
        }
        if !read_any {
            return Ok(None);
        }
        self.number += 1;
        Ok(Some(Line { number: self.number, bytes: &self.buf, truncated }))
    }
}
