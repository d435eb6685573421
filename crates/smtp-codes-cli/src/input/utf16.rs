//! A reader that turns UTF-16 (after its byte order mark) into UTF-8 as it streams, so that
//! files saved as "Unicode" by Windows tools are read as text and not as garbage with NUL bytes.

use std::io::{self, Read};

/// Decodes UTF-16 from `inner` into UTF-8; unpaired surrogates and a final odd byte become
/// U+FFFD.
pub(crate) struct Utf16ToUtf8<R> {
    inner: R,
    big_endian: bool,
    /// Bytes read but not yet decoded (at most one odd byte and one unpaired high surrogate).
    raw: Vec<u8>,
    /// UTF-8 decoded but not yet handed out, from `start`.
    out: Vec<u8>,
    start: usize,
    eof: bool,
}

impl<R: Read> Utf16ToUtf8<R> {
    pub(crate) fn new(inner: R, big_endian: bool) -> Self {
        Self { inner, big_endian, raw: Vec::new(), out: Vec::new(), start: 0, eof: false }
    }

    /// Reads one chunk and decodes what can be decoded of it.
    fn refill(&mut self) -> io::Result<()> {
        self.out.clear();
        self.start = 0;
        let mut chunk = [0u8; 16 * 1024];
        let n = loop {
            match self.inner.read(&mut chunk) {
                Ok(n) => break n,
                Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
                Err(e) => return Err(e),
            }
        };
        if n == 0 {
            self.eof = true;
        }
        self.raw.extend_from_slice(&chunk[..n]);
        let units = self.raw.len() / 2;
        let mut keep = units * 2;
        // A high surrogate last in the chunk may pair with the first unit of the next one.
        if !self.eof && units > 0 {
            let last = self.unit(units - 1);
            if (0xD800..0xDC00).contains(&last) {
                keep -= 2;
            }
        }
        let decoded: String =
            char::decode_utf16((0..keep / 2).map(|i| self.unit(i))).map(|c| c.unwrap_or('\u{fffd}')).collect();
        self.out.extend_from_slice(decoded.as_bytes());
        self.raw.drain(..keep);
        if self.eof && !self.raw.is_empty() {
            self.raw.clear();
            self.out.extend_from_slice("\u{fffd}".as_bytes());
        }
        Ok(())
    }

    fn unit(&self, i: usize) -> u16 {
        let pair = [self.raw[2 * i], self.raw[2 * i + 1]];
        if self.big_endian { u16::from_be_bytes(pair) } else { u16::from_le_bytes(pair) }
    }
}

impl<R: Read> Read for Utf16ToUtf8<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        while self.start == self.out.len() {
            if self.eof {
                return Ok(0);
            }
            self.refill()?;
        }
        let n = buf.len().min(self.out.len() - self.start);
        buf[..n].copy_from_slice(&self.out[self.start..self.start + n]);
        self.start += n;
        Ok(n)
    }
}
