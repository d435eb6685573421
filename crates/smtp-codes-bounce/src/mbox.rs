//! Mailbox files: the messages of an mbox streamed one at a time, and the sniffing that tells a
//! mailbox, a message and a pasted bounce body apart.

use std::io::{self, BufRead, Read};

use crate::MAX_MESSAGE;

/// The longest piece of a line read at once; a longer line is read in pieces, so that memory
/// stays bounded whatever the input.
const MAX_PIECE: u64 = 64 << 10;

/// One message of an mbox.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MboxMessage {
    /// The message's position in the mailbox, from 1.
    pub number: usize,
    /// The message, without its `From ` separator line and with `>From` quoting undone; empty
    /// when it was too large.
    pub bytes: Vec<u8>,
    /// The message's size in bytes when it was larger than [`MAX_MESSAGE`]: it was skipped,
    /// not loaded.
    pub too_large: Option<usize>,
}

/// The messages of an mbox (mboxrd or mboxo), read one at a time from `reader`: memory holds
/// one message of at most [`MAX_MESSAGE`] bytes, whatever the size of the mailbox.
///
/// A message starts after a `From ` line at the start of the input, after a blank line, or of
/// the usual shape `From sender Wkd Mon ...`. One `>` is removed from lines that start with
/// `>From ` (`>>From ` becomes `>From `). Input that does not start with a `From ` line is
/// read as one message before the first separator. Lines end with `\n` (or `\r\n`); a
/// mailbox with bare `\r` line endings is read as one message.
///
/// ```
/// use smtp_codes_bounce::Mbox;
///
/// let mbox = b"From a@example.org Mon Jan  1 00:00:00 2024\nSubject: one\n\n>From here\n\nFrom b@example.org Tue Jan  2 00:00:00 2024\nSubject: two\n\nbody\n";
/// let messages: Vec<_> = Mbox::new(&mbox[..]).collect::<Result<_, _>>()?;
/// assert_eq!(messages.len(), 2);
/// assert_eq!(messages[0].bytes, b"Subject: one\n\nFrom here\n");
/// assert_eq!(messages[1].number, 2);
/// # Ok::<(), std::io::Error>(())
/// ```
#[derive(Debug)]
pub struct Mbox<R: BufRead> {
    reader: R,
    number: usize,
    piece: Vec<u8>,
    /// Whether the next piece starts a line.
    at_line_start: bool,
    /// Whether the line before was blank (or there was none).
    prev_blank: bool,
    /// Whether any line was read yet.
    started: bool,
    done: bool,
}

impl<R: BufRead> Mbox<R> {
    /// Reads the mailbox from `reader`.
    pub fn new(reader: R) -> Self {
        Self {
            reader,
            number: 0,
            piece: Vec::new(),
            at_line_start: true,
            prev_blank: true,
            started: false,
            done: false,
        }
    }

    /// Reads the next piece of a line (at most [`MAX_PIECE`] bytes, with its `\n` when it ends
    /// the line) into `self.piece`; false at the end of the input.
    fn read_piece(&mut self) -> io::Result<bool> {
        self.piece.clear();
        let n = (&mut self.reader).take(MAX_PIECE).read_until(b'\n', &mut self.piece)?;
        Ok(n > 0)
    }
}

/// Whether `line` (at the start of a line) is a `From ` separator of the usual shape:
/// `From sender Wkd ...`.
fn separator_shape(line: &[u8]) -> bool {
    const DAYS: [&[u8]; 7] = [b"Mon", b"Tue", b"Wed", b"Thu", b"Fri", b"Sat", b"Sun"];
    let mut words = line.split(|&b| b == b' ').filter(|w| !w.is_empty());
    words.next() == Some(b"From") && words.next().is_some() && words.next().is_some_and(|d| DAYS.contains(&d))
}

impl<R: BufRead> Iterator for Mbox<R> {
    type Item = io::Result<MboxMessage>;

    fn next(&mut self) -> Option<Self::Item> {
        if self.done {
            return None;
        }
        let mut bytes = Vec::new();
        let mut size = 0usize;
        let mut too_large = false;
        let mut has_content = false;
        loop {
            match self.read_piece() {
                Ok(true) => {}
                Ok(false) => {
                    self.done = true;
                    break;
                }
                Err(e) => {
                    self.done = true;
                    return Some(Err(e));
                }
            }
            let line_start = self.at_line_start;
            self.at_line_start = self.piece.ends_with(b"\n");
            let first = !self.started;
            self.started = true;
            if line_start && self.piece.starts_with(b"From ") && (self.prev_blank || separator_shape(&self.piece)) {
                self.prev_blank = false;
                if first || !has_content && self.number == 0 {
                    // The separator of the first message.
                    continue;
                }
                // The blank line before a separator belongs to the separator.
                if bytes.ends_with(b"\n\n") {
                    bytes.pop();
                }
                return Some(Ok(self.finish(bytes, size, too_large)));
            }
            let mut piece: &[u8] = &self.piece;
            if line_start {
                self.prev_blank = piece == b"\n" || piece == b"\r\n";
                let quotes = piece.iter().take_while(|&&b| b == b'>').count();
                if quotes > 0 && piece[quotes..].starts_with(b"From ") {
                    piece = &piece[1..];
                }
            }
            has_content = true;
            size += piece.len();
            if too_large {
                continue;
            }
            if bytes.len() + piece.len() > MAX_MESSAGE {
                too_large = true;
                bytes = Vec::new();
            } else {
                bytes.extend_from_slice(piece);
            }
        }
        if !has_content {
            return None;
        }
        Some(Ok(self.finish(bytes, size, too_large)))
    }
}

impl<R: BufRead> Mbox<R> {
    fn finish(&mut self, bytes: Vec<u8>, size: usize, too_large: bool) -> MboxMessage {
        self.number += 1;
        MboxMessage { number: self.number, bytes, too_large: too_large.then_some(size) }
    }
}

/// Whether `head` (the first bytes of an input) starts like an mbox: a `From ` separator line
/// followed by header lines.
#[must_use]
pub fn looks_like_mbox(head: &[u8]) -> bool {
    let head = head.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(head);
    if !head.starts_with(b"From ") {
        return false;
    }
    match memchr::memchr(b'\n', head) {
        Some(end) => looks_like_message(&head[end + 1..]),
        None => false,
    }
}

/// Whether `head` (the first bytes of an input) starts like an e-mail message: header lines
/// (`Name: value`, with folded continuations) at the very start, at least two of them or one of
/// the usual message headers. A bounce body pasted without its headers does not.
#[must_use]
pub fn looks_like_message(head: &[u8]) -> bool {
    const USUAL: [&str; 12] = [
        "return-path",
        "received",
        "from",
        "to",
        "subject",
        "date",
        "message-id",
        "mime-version",
        "content-type",
        "delivered-to",
        "x-original-to",
        "dkim-signature",
    ];
    let head = head.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(head);
    let mut fields = 0;
    for line in head.split(|&b| b == b'\n' || b == b'\r').filter(|l| !l.is_empty()).take(8) {
        if line.starts_with(b" ") || line.starts_with(b"\t") {
            if fields == 0 {
                return false;
            }
            continue;
        }
        let Some(colon) = memchr::memchr(b':', line) else { break };
        let name = &line[..colon];
        if name.is_empty() || !name.iter().all(|&b| b.is_ascii_graphic()) {
            break;
        }
        if fields == 0 && USUAL.iter().any(|u| u.as_bytes().eq_ignore_ascii_case(name)) {
            return true;
        }
        fields += 1;
        if fields >= 2 {
            return true;
        }
    }
    false
}
