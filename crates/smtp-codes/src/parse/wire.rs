//! RFC 5321 replies as servers send them: one or more lines of `code[-| ]text`, CRLF or bare LF.

use core::fmt;

use super::find_newline;
use super::warning::{Warning, Warnings, check_codes};
use crate::grammar;
use crate::{EnhancedCode, ReplyCode};

/// One SMTP reply (RFC 5321 §4.2), possibly of several lines, borrowed from the input.
///
/// The enhanced status code (RFC 2034) is read on every line and stripped from the text;
/// `3yz` replies carry none (RFC 2034 §3), so their text is kept whole. Equality compares what
/// was read (codes, per-line text, warnings), not the line endings.
///
/// [`Display`](fmt::Display) writes the canonical wire form (each line's code, `-` or space,
/// enhanced code, text, CRLF), which parses back to an equal reply.
#[derive(Clone, Copy, Debug)]
pub struct Reply<'a> {
    raw: &'a [u8],
    code: ReplyCode,
    enhanced: Option<EnhancedCode>,
    /// Whether a later line's codes differ from the first ones; only then does
    /// [`warnings`](Self::warnings) walk the lines again.
    changed: bool,
    /// Where the first lines end and where their text starts, found while checking the reply, so
    /// that walking the lines neither searches nor parses again.
    lines: LineIndex,
}

/// One line of a [`Reply`], as [`Reply::line_details`] gives it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Line<'a> {
    /// The reply code written on this line.
    pub code: ReplyCode,
    /// The enhanced status code written on this line, if any.
    pub enhanced: Option<EnhancedCode>,
    /// The text after the codes, without the line ending.
    pub text: &'a [u8],
    /// Whether this is the final line (`code SP text`, not `code-text`).
    pub last: bool,
}

impl<'a> Reply<'a> {
    /// The reply code (of the first line; see [`Warning::ReplyCodeChanged`]).
    #[must_use]
    pub const fn code(&self) -> ReplyCode {
        self.code
    }

    /// The enhanced status code of the first line that has one; `None` for `3yz` replies.
    #[must_use]
    pub const fn enhanced(&self) -> Option<EnhancedCode> {
        self.enhanced
    }

    /// The text of each line, with the reply code, the separator, the enhanced code and the line
    /// ending stripped.
    #[inline]
    pub fn lines(&self) -> impl Iterator<Item = &'a [u8]> + use<'a> {
        let rest = self.raw.get(usize::from(self.lines.next)..).unwrap_or_default();
        TextLines {
            raw: self.raw,
            index: self.lines,
            done: 0,
            rest,
            intermediate: self.code.is_positive_intermediate(),
        }
    }

    /// Each line with its own codes and text.
    pub fn line_details(&self) -> impl Iterator<Item = Line<'a>> + use<'a> {
        let intermediate = self.code.is_positive_intermediate();
        SplitLines { rest: self.raw }.map(move |line| split_line(line, intermediate))
    }

    /// The oddities of the reply: codes that change between lines, a reply class and an
    /// enhanced class that disagree, an enhanced code the registry does not allow in its class,
    /// a reply code outside RFC 5321's grammar. Computed when asked.
    #[must_use]
    #[inline]
    pub fn warnings(&self) -> Warnings {
        let mut warnings = Warnings::new();
        if self.changed {
            let intermediate = self.code.is_positive_intermediate();
            let mut enhanced: Option<EnhancedCode> = None;
            for line in self.line_details() {
                if line.code != self.code {
                    warnings.push(Warning::ReplyCodeChanged { first: self.code, later: line.code });
                }
                if intermediate {
                    continue;
                }
                match (enhanced, line.enhanced) {
                    (None, later) => enhanced = later,
                    (Some(first), Some(later)) if first != later => {
                        warnings.push(Warning::EnhancedCodeChanged { first, later });
                    }
                    _ => {}
                }
            }
        }
        check_codes(Some(self.code), self.enhanced, &mut warnings);
        warnings
    }

    /// The bytes of the reply as received, line endings included.
    #[must_use]
    pub const fn as_bytes(&self) -> &'a [u8] {
        self.raw
    }
}

/// The lines of a reply with their line endings.
struct SplitLines<'a> {
    rest: &'a [u8],
}

impl<'a> Iterator for SplitLines<'a> {
    type Item = &'a [u8];

    fn next(&mut self) -> Option<&'a [u8]> {
        if self.rest.is_empty() {
            return None;
        }
        let end = find_newline(self.rest).map_or(self.rest.len(), |nl| nl + 1);
        let (line, tail) = self.rest.split_at(end);
        self.rest = tail;
        Some(line)
    }
}

/// The iterator behind [`Reply::lines`]: the indexed lines first, then the rest found by
/// searching.
struct TextLines<'a> {
    raw: &'a [u8],
    index: LineIndex,
    /// How many indexed lines were handed out.
    done: u8,
    /// The lines after the indexed ones.
    rest: &'a [u8],
    intermediate: bool,
}

impl<'a> Iterator for TextLines<'a> {
    type Item = &'a [u8];

    #[inline]
    fn next(&mut self) -> Option<&'a [u8]> {
        if self.done < self.index.len {
            let (start, end) = self.index.spans[usize::from(self.done)];
            self.done += 1;
            // The index was made from these bytes, so the range is always inside them.
            return self.raw.get(usize::from(start)..usize::from(end));
        }
        let line = SplitLines { rest: self.rest }.next()?;
        self.rest = &self.rest[line.len()..];
        Some(split_line(line, self.intermediate).text)
    }
}

/// How many lines a [`Reply`] indexes; replies rarely have more (an EHLO reply may).
const INDEXED_LINES: usize = 8;

/// Where the text of each of a reply's first lines starts and ends (offsets from the reply's
/// start, after the code, the separator, the enhanced code and the blanks after it, before the
/// line ending), found while checking the reply so that [`Reply::lines`] neither searches nor
/// parses again. Lines past the eighth, or past 64 KiB, are not indexed.
#[derive(Clone, Copy, Debug)]
struct LineIndex {
    spans: [(u16, u16); INDEXED_LINES],
    /// How many lines are indexed.
    len: u8,
    /// The offset just after the last indexed line.
    next: u16,
}

impl LineIndex {
    const EMPTY: Self = Self { spans: [(0, 0); INDEXED_LINES], len: 0, next: 0 };

    /// Records the next line's text span and the end of the line, if they fit.
    fn push(&mut self, start: usize, end: usize, next: usize) {
        if usize::from(self.len) < INDEXED_LINES
            && let (Ok(start), Ok(end), Ok(next)) = (u16::try_from(start), u16::try_from(end), u16::try_from(next))
        {
            self.spans[usize::from(self.len)] = (start, end);
            self.len += 1;
            self.next = next;
        }
    }
}

/// A line without its line ending.
fn trim_eol(line: &[u8]) -> &[u8] {
    match line {
        [rest @ .., b'\r', b'\n'] | [rest @ .., b'\n'] => rest,
        _ => line,
    }
}

/// Splits one complete line (checked by [`parse_reply`]) into its parts.
fn split_line(line: &[u8], intermediate: bool) -> Line<'_> {
    let line = trim_eol(line);
    // parse_reply has checked the three digits and the first digit's range.
    let code = match line {
        [a, b, c, ..] => ReplyCode::new(
            u16::from(a.wrapping_sub(b'0')) * 100
                + u16::from(b.wrapping_sub(b'0')) * 10
                + u16::from(c.wrapping_sub(b'0')),
        ),
        _ => None,
    }
    .unwrap_or(ReplyCode::OK);
    let last = line.get(3) != Some(&b'-');
    let mut text = line.get(4..).unwrap_or_default();
    let mut enhanced = None;
    if !intermediate && let Some((e, end)) = leading_enhanced(text) {
        enhanced = Some(e);
        text = text[end..].trim_ascii_start();
    }
    Line { code, enhanced, text, last }
}

impl PartialEq for Reply<'_> {
    fn eq(&self, other: &Self) -> bool {
        self.code == other.code && self.enhanced == other.enhanced && self.line_details().eq(other.line_details())
    }
}

impl Eq for Reply<'_> {}

impl fmt::Display for Reply<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for line in self.line_details() {
            write!(f, "{}{}", line.code, if line.last { ' ' } else { '-' })?;
            if let Some(e) = line.enhanced {
                write!(f, "{e}")?;
                if !line.text.is_empty() {
                    f.write_str(" ")?;
                }
            }
            for chunk in line.text.utf8_chunks() {
                f.write_str(chunk.valid())?;
                for &b in chunk.invalid() {
                    // Keep the bytes' meaning visible; a byte-exact writer should use as_bytes().
                    write!(f, "\\x{b:02x}")?;
                }
            }
            f.write_str("\r\n")?;
        }
        Ok(())
    }
}

/// What went wrong when reading a reply.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum ReplyErrorKind {
    /// The input ends before the reply does: read more and try again.
    Incomplete,
    /// The input is not an SMTP reply; `at` is the byte offset of the problem.
    Invalid {
        /// Byte offset of the offending byte in the input given to the parser.
        at: usize,
    },
}

/// The error of [`parse_reply`] and [`Replies`]: the input is incomplete or not a reply.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct ReplyError {
    kind: ReplyErrorKind,
    reason: &'static str,
}

impl ReplyError {
    const fn incomplete(reason: &'static str) -> Self {
        Self { kind: ReplyErrorKind::Incomplete, reason }
    }

    const fn invalid(at: usize, reason: &'static str) -> Self {
        Self { kind: ReplyErrorKind::Invalid { at }, reason }
    }

    /// Whether more input may complete the reply, or the input is not a reply.
    #[must_use]
    pub const fn kind(&self) -> ReplyErrorKind {
        self.kind
    }

    /// Whether the input ended before the reply did.
    #[must_use]
    pub const fn is_incomplete(&self) -> bool {
        matches!(self.kind, ReplyErrorKind::Incomplete)
    }

    const fn shifted(self, by: usize) -> Self {
        match self.kind {
            ReplyErrorKind::Invalid { at } => Self::invalid(at + by, self.reason),
            ReplyErrorKind::Incomplete => self,
        }
    }
}

impl fmt::Display for ReplyError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.kind {
            ReplyErrorKind::Incomplete => write!(f, "incomplete SMTP reply: {}", self.reason),
            ReplyErrorKind::Invalid { at } => write!(f, "invalid SMTP reply at byte {at}: {}", self.reason),
        }
    }
}

impl core::error::Error for ReplyError {}

/// Reads one reply from the start of `input` and returns it with the bytes after it.
///
/// Lines end in CRLF or a bare LF; the final line is `code SP text`, `code` alone, or `code SP`.
/// A continuation line whose code differs is read, with a [`Warning::ReplyCodeChanged`].
///
/// # Errors
/// [`ReplyErrorKind::Incomplete`] when the input stops before the final line's line ending
/// (and what there is could still be a reply); [`ReplyErrorKind::Invalid`] when a line does not
/// start with a reply code and a separator.
///
/// # Example
/// ```
/// use smtp_codes::parse::{parse_reply, ReplyErrorKind};
///
/// let (reply, rest) = parse_reply(b"250 2.1.5 Ok\r\n354 Go ahead\r\n")?;
/// assert_eq!(reply.code(), 250);
/// assert_eq!(reply.lines().next(), Some(&b"Ok"[..]));
/// assert_eq!(rest, b"354 Go ahead\r\n");
///
/// assert_eq!(parse_reply(b"250-first\r\n250 sec").unwrap_err().kind(), ReplyErrorKind::Incomplete);
/// assert_eq!(parse_reply(b"hello\r\n").unwrap_err().kind(), ReplyErrorKind::Invalid { at: 0 });
/// # Ok::<(), smtp_codes::parse::ReplyError>(())
/// ```
pub fn parse_reply(input: &[u8]) -> Result<(Reply<'_>, &[u8]), ReplyError> {
    let code_digits = match input {
        [a @ b'2'..=b'5', b @ b'0'..=b'9', c @ b'0'..=b'9', ..] => [*a, *b, *c],
        _ => return Err(start_error(input, 0)),
    };
    let code = ReplyCode::from_catalogue(
        u16::from(code_digits[0] - b'0') * 100
            + u16::from(code_digits[1] - b'0') * 10
            + u16::from(code_digits[2] - b'0'),
    );
    // The commonest reply first, without the multi-line reader's state: a single line with text.
    // (The property tests check that every path reads what the plain line split reads.)
    if input.get(3) == Some(&b' ')
        && let Some(n) = find_newline(&input[4..])
    {
        let nl = n + 4;
        let text = &input[4..nl];
        let (enhanced, text_at) = match leading_enhanced(text) {
            Some((e, len)) if code_digits[0] != b'3' => (Some(e), 4 + after_code(text, len)),
            _ => (None, 4),
        };
        let mut lines = LineIndex::EMPTY;
        let end = text_end(input, nl);
        lines.push(text_at.min(end), end, nl + 1);
        let (raw, rest) = input.split_at(nl + 1);
        return Ok((Reply { raw, code, enhanced, changed: false, lines }, rest));
    }
    let mut reader = LineReader {
        code_digits,
        intermediate: code_digits[0] == b'3',
        enhanced: None,
        enhanced_bytes: &[],
        changed: false,
        index: LineIndex::EMPTY,
    };
    let (mut last, mut pos) = reader.read(input, 0)?;
    if !last {
        // Continuation lines mostly repeat the first line's codes: compare them as one word.
        let prefix = Prefix::new(input, &reader);
        loop {
            (last, pos) = match prefix.as_ref().and_then(|p| Some((p, p.matches(&input[pos..])?))) {
                Some((prefix, last)) => reader.finish(input, pos, prefix, last)?,
                None => reader.read(input, pos)?,
            };
            if last {
                break;
            }
        }
    }
    let LineReader { enhanced, changed, index, .. } = reader;
    let (raw, rest) = input.split_at(pos);
    Ok((Reply { raw, code, enhanced, changed, lines: index }, rest))
}

/// What [`parse_reply`] knows while it reads a reply's lines.
struct LineReader<'a> {
    /// The first line's code digits: later lines are compared with them as bytes.
    code_digits: [u8; 3],
    /// A `3yz` reply, whose text carries no enhanced code (RFC 2034 §3).
    intermediate: bool,
    /// The first enhanced code found and its bytes, which later lines are compared with.
    enhanced: Option<EnhancedCode>,
    enhanced_bytes: &'a [u8],
    /// Whether a line's codes differ from the first ones.
    changed: bool,
    index: LineIndex,
}

impl<'a> LineReader<'a> {
    /// Reads the line at `pos` (any line, checked byte by byte) and returns whether it is the
    /// last line and the offset after it.
    #[inline(always)]
    fn read(&mut self, input: &'a [u8], pos: usize) -> Result<(bool, usize), ReplyError> {
        let line = &input[pos..];
        let sep = match line {
            [a, b, c, sep, ..] if [*a, *b, *c] == self.code_digits => *sep,
            _ => {
                // A line with another code (a warning), or the end of the input.
                check_code_digits(line, pos)?;
                let Some(&sep) = line.get(3) else {
                    return Err(ReplyError::incomplete("the input ends inside a reply code"));
                };
                self.changed = true;
                sep
            }
        };
        let (last, nl) = match sep {
            b'-' | b' ' => match find_newline(&line[4..]) {
                Some(n) => (sep == b' ', n + 4),
                None => return Err(ReplyError::incomplete(ENDS_IN_LINE)),
            },
            b'\n' => (true, 3),
            b'\r' if line.get(4) == Some(&b'\n') => (true, 4),
            _ => return Err(separator_error(line, pos)),
        };
        // The enhanced code at the start of the text: compared as bytes with the first one
        // found, parsed only when it differs.
        let mut text_at = 4;
        if !self.intermediate && nl > 4 {
            let text = &line[4..nl];
            let len = if !self.enhanced_bytes.is_empty() && starts_with_code(text, self.enhanced_bytes) {
                self.enhanced_bytes.len()
            } else if let Some((e, len)) = leading_enhanced(text) {
                if self.enhanced.is_none() {
                    self.enhanced = Some(e);
                    self.enhanced_bytes = &text[..len];
                } else {
                    self.changed = true;
                }
                len
            } else {
                0
            };
            if len > 0 {
                text_at += after_code(text, len);
            }
        }
        Ok(self.push(line, pos, text_at, nl, last))
    }

    /// Finishes a line whose codes [`Prefix`] found to repeat the first line's: its text starts
    /// at `text_at`, unless more blanks follow.
    fn finish(&mut self, input: &[u8], pos: usize, prefix: &Prefix, last: bool) -> Result<(bool, usize), ReplyError> {
        let line = &input[pos..];
        let mut text_at = prefix.len;
        if !prefix.bare {
            while let Some(b' ' | b'\t' | b'\r' | b'\x0c') = line.get(text_at) {
                text_at += 1;
            }
        }
        let Some(n) = find_newline(&line[text_at..]) else {
            return Err(ReplyError::incomplete(ENDS_IN_LINE));
        };
        Ok(self.push(line, pos, text_at, text_at + n, last))
    }

    /// Indexes `line`, found at `pos`, whose text starts at `text_at` and whose newline is at
    /// `nl` (at least 3).
    fn push(&mut self, line: &[u8], pos: usize, text_at: usize, nl: usize, last: bool) -> (bool, usize) {
        let end = text_end(line, nl);
        self.index.push(pos + text_at.min(end), pos + end, pos + nl + 1);
        (last, pos + nl + 1)
    }
}

/// Where the text starts after an enhanced code of `len` bytes at the start of `text` (a line's
/// bytes after the separator, without the `\n`): past the code and the blanks after it.
fn after_code(text: &[u8], len: usize) -> usize {
    len + text[len..].iter().take_while(|b| b.is_ascii_whitespace()).count()
}

/// Where the text of `line`, whose `\n` is at `nl` (at least 3), ends: before a `\r\n`.
fn text_end(line: &[u8], nl: usize) -> usize {
    if line[nl - 1] == b'\r' { nl - 1 } else { nl }
}

/// The first line's reply code, and its enhanced code with the blank after it, as one 16-byte
/// word with a mask: a continuation line that starts with the same bytes (and `-` or a space
/// after the code) needs no more checks.
struct Prefix {
    pattern: u128,
    mask: u128,
    /// Where the text starts in a matching line.
    len: usize,
    /// The first line has no enhanced code (or it is a `3yz` reply): a matching line's text
    /// starts right after the separator, and must not start with an enhanced code.
    bare: bool,
    /// Whether the text may start with one (not in a `3yz` reply).
    check_bare: bool,
}

impl Prefix {
    /// The prefix of the reply in `input`, after [`LineReader`] has read its first line; `None`
    /// when the first line is too short or its enhanced code is not followed by a blank.
    fn new(input: &[u8], reader: &LineReader<'_>) -> Option<Self> {
        let first = u128::from_le_bytes(*input.first_chunk::<16>()?);
        let bare = reader.enhanced.is_none() || reader.intermediate;
        let len = if bare {
            4
        } else {
            // Only the first line has been read, so this is its own enhanced code, at byte 4.
            let end = 4 + reader.enhanced_bytes.len();
            if end >= 16 || !matches!(input.get(end), Some(b' ' | b'\t')) {
                return None;
            }
            end + 1
        };
        // The separator (byte 3) is checked apart: `-` or a space.
        let mask = (u128::MAX >> (8 * (16 - len))) & !(0xff << 24);
        Some(Self { pattern: first & mask, mask, len, bare, check_bare: bare && !reader.intermediate })
    }

    /// Whether `line` starts with the prefix: if so, whether it is the last line.
    fn matches(&self, line: &[u8]) -> Option<bool> {
        let chunk = line.first_chunk::<16>()?;
        if (u128::from_le_bytes(*chunk) ^ self.pattern) & self.mask != 0 {
            return None;
        }
        let last = match chunk[3] {
            b'-' => false,
            b' ' => true,
            _ => return None,
        };
        if self.check_bare && matches!(chunk[4], b'2' | b'4' | b'5') {
            return None;
        }
        Some(last)
    }
}

/// The error when a line has no newline.
const ENDS_IN_LINE: &str = "the input ends before the end of the final line";

/// The error for input that does not start with a reply code's three digits.
#[cold]
fn start_error(input: &[u8], pos: usize) -> ReplyError {
    match check_code_digits(input, pos) {
        Err(e) => e,
        Ok(()) if input.is_empty() => ReplyError::incomplete("the input is empty"),
        Ok(()) => ReplyError::incomplete("the input ends inside a reply code"),
    }
}

/// The error for a line whose fourth byte is not a separator that can be read.
#[cold]
fn separator_error(line: &[u8], pos: usize) -> ReplyError {
    if line[3] != b'\r' {
        ReplyError::invalid(pos + 3, "expected ' ', '-' or the end of the line after the reply code")
    } else if find_newline(&line[4..]).is_none() {
        ReplyError::incomplete("the input ends before the end of the final line")
    } else {
        ReplyError::invalid(pos + 3, "a carriage return after the reply code must end the line")
    }
}

/// Checks that `line` starts with three digits, the first of them 2-5; `pos` is the line's offset
/// for the error.
fn check_code_digits(line: &[u8], pos: usize) -> Result<(), ReplyError> {
    if let [b'2'..=b'5', b'0'..=b'9', b'0'..=b'9', ..] = line {
        return Ok(());
    }
    for (k, &b) in line.iter().take(3).enumerate() {
        if !b.is_ascii_digit() {
            return Err(ReplyError::invalid(pos + k, "a line must start with a three-digit reply code"));
        }
        if k == 0 && !matches!(b, b'2'..=b'5') {
            return Err(ReplyError::invalid(pos, "a reply code's first digit must be 2, 3, 4 or 5"));
        }
    }
    Ok(())
}

/// Whether `text` starts with the enhanced code `code` (its bytes) standing as a word.
fn starts_with_code(text: &[u8], code: &[u8]) -> bool {
    // A byte loop: the code is at most eleven bytes, too short to be worth a call to memcmp.
    text.len() >= code.len()
        && text.iter().zip(code).all(|(a, b)| a == b)
        && matches!(text.get(code.len()), None | Some(b' ' | b'\t' | b'\r'))
}

/// The enhanced code at the start of a line's text (followed by white space or the end of the
/// line), with its length in bytes, read by the crate's one `class.subject.detail` reader.
#[inline]
fn leading_enhanced(text: &[u8]) -> Option<(EnhancedCode, usize)> {
    let Ok(p) = grammar::enhanced(text, 0, grammar::Class::Digit) else {
        return None;
    };
    match text.get(p.end) {
        None | Some(b' ' | b'\t' | b'\r') => {
            Some((EnhancedCode::from_checked(p.class - b'0', p.subject, p.detail), p.end))
        }
        _ => None,
    }
}

/// An iterator over the replies in one buffer; see [`replies`].
#[derive(Clone, Debug)]
pub struct Replies<'a> {
    rest: &'a [u8],
    offset: usize,
    done: bool,
}

impl<'a> Replies<'a> {
    /// The bytes not read yet. After a trailing [`ReplyErrorKind::Incomplete`], they are the
    /// start of the incomplete reply, ready to be completed with more input.
    #[must_use]
    pub const fn remainder(&self) -> &'a [u8] {
        self.rest
    }
}

/// Reads every reply in `input`, in order.
///
/// Nothing is dropped: each reply comes as `Ok`, a line that is not a reply as an
/// [`Invalid`](ReplyErrorKind::Invalid) error (reading resumes after that line), and a reply
/// cut off by the end of the input as a final [`Incomplete`](ReplyErrorKind::Incomplete) error.
/// Error positions are offsets in `input`.
///
/// # Example
/// ```
/// use smtp_codes::parse::{replies, ReplyErrorKind};
///
/// let mut it = replies(b"250-mx.example\n250 SIZE 10240000\n550 5.1.1 Unknown user\r\n421 4.");
/// assert_eq!(it.next().unwrap()?.code(), 250);
/// assert_eq!(it.next().unwrap()?.enhanced().unwrap().to_string(), "5.1.1");
/// assert_eq!(it.next().unwrap().unwrap_err().kind(), ReplyErrorKind::Incomplete);
/// assert!(it.next().is_none());
/// # Ok::<(), smtp_codes::parse::ReplyError>(())
/// ```
pub fn replies(input: &[u8]) -> Replies<'_> {
    Replies { rest: input, offset: 0, done: false }
}

impl<'a> Iterator for Replies<'a> {
    type Item = Result<Reply<'a>, ReplyError>;

    fn next(&mut self) -> Option<Self::Item> {
        if self.done || self.rest.is_empty() {
            return None;
        }
        match parse_reply(self.rest) {
            Ok((reply, rest)) => {
                self.offset += reply.raw.len();
                self.rest = rest;
                Some(Ok(reply))
            }
            Err(e) => {
                let error = e.shifted(self.offset);
                match e.kind {
                    ReplyErrorKind::Incomplete => {
                        // Keep the incomplete bytes visible through remainder(), but stop.
                        self.done = true;
                    }
                    ReplyErrorKind::Invalid { at } => {
                        let skip =
                            self.rest[at..].iter().position(|&b| b == b'\n').map_or(self.rest.len(), |n| at + n + 1);
                        self.offset += skip;
                        self.rest = &self.rest[skip..];
                    }
                }
                Some(Err(error))
            }
        }
    }
}
