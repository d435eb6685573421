//! RFC 5321 replies as servers send them: one or more lines of `code[-| ]text`, CRLF or bare LF.

use core::fmt;

use super::warning::{Warning, Warnings, check_codes};
use super::{enhanced_at, find_newline};
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
    pub fn lines(&self) -> impl Iterator<Item = &'a [u8]> + use<'a> {
        TextLines { split: self.split_lines(), intermediate: self.code.is_positive_intermediate() }
    }

    /// Each line with its own codes and text.
    pub fn line_details(&self) -> impl Iterator<Item = Line<'a>> + use<'a> {
        let intermediate = self.code.is_positive_intermediate();
        self.split_lines().map(move |(line, _)| split_line(line, intermediate))
    }

    fn split_lines(&self) -> SplitLines<'a> {
        SplitLines { rest: self.raw, index: self.lines, done: 0 }
    }

    /// The oddities of the reply: codes that change between lines, a reply class and an
    /// enhanced class that disagree, an enhanced code the registry does not allow in its class,
    /// a reply code outside RFC 5321's grammar. Computed when asked.
    #[must_use]
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

/// The lines of a reply with their line endings, each with where its text starts when the
/// reply's index knows it.
struct SplitLines<'a> {
    rest: &'a [u8],
    index: LineIndex,
    done: usize,
}

impl<'a> Iterator for SplitLines<'a> {
    type Item = (&'a [u8], Option<usize>);

    fn next(&mut self) -> Option<Self::Item> {
        if self.rest.is_empty() {
            return None;
        }
        let (end, text_at) = if self.done < usize::from(self.index.len) {
            let start = if self.done == 0 { 0 } else { usize::from(self.index.ends[self.done - 1]) };
            let end = usize::from(self.index.ends[self.done]) - start;
            (end.min(self.rest.len()), Some(usize::from(self.index.text[self.done])))
        } else {
            (find_newline(self.rest).map_or(self.rest.len(), |nl| nl + 1), None)
        };
        self.done += 1;
        let (line, tail) = self.rest.split_at(end);
        self.rest = tail;
        Some((line, text_at))
    }
}

/// The iterator behind [`Reply::lines`].
struct TextLines<'a> {
    split: SplitLines<'a>,
    intermediate: bool,
}

impl<'a> Iterator for TextLines<'a> {
    type Item = &'a [u8];

    fn next(&mut self) -> Option<&'a [u8]> {
        let (line, text_at) = self.split.next()?;
        Some(match text_at {
            Some(at) => {
                let body = trim_eol(line);
                &body[at.min(body.len())..]
            }
            None => split_line(line, self.intermediate).text,
        })
    }
}

/// How many lines a [`Reply`] indexes; replies rarely have more (an EHLO reply may).
const INDEXED_LINES: usize = 8;

/// For a reply's first lines: the offset just after each line's `\n` (from the reply's start) and
/// the offset of its text in the line (after the code, the separator, the enhanced code and the
/// blanks after it).
#[derive(Clone, Copy, Debug)]
struct LineIndex {
    ends: [u16; INDEXED_LINES],
    text: [u8; INDEXED_LINES],
    /// How many lines are indexed.
    len: u8,
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
    let mut pos = 0;
    let mut lines = 0usize;
    // The first line's code digits and enhanced code bytes: later lines are compared with them
    // as bytes, and only parsed when they differ.
    let mut code_digits = [0u8; 3];
    let mut enhanced: Option<EnhancedCode> = None;
    let mut enhanced_bytes: &[u8] = &[];
    let mut changed = false;
    let mut index = LineIndex { ends: [0; INDEXED_LINES], text: [0; INDEXED_LINES], len: 0 };
    loop {
        let line = &input[pos..];
        // A continuation line that repeats the first line's code needs no digit checks.
        let same_code = lines > 0 && matches!(line, [a, b, c, _, ..] if [*a, *b, *c] == code_digits);
        if !same_code {
            check_code_digits(line, pos)?;
        }
        let Some(&sep) = line.get(3) else {
            return Err(ReplyError::incomplete(if line.is_empty() && lines == 0 {
                "the input is empty"
            } else {
                "the input ends inside a reply code"
            }));
        };
        let last = match sep {
            b'-' => false,
            b' ' | b'\r' | b'\n' => true,
            _ => {
                return Err(ReplyError::invalid(
                    pos + 3,
                    "expected ' ', '-' or the end of the line after the reply code",
                ));
            }
        };
        let nl = if sep == b'\n' {
            3
        } else {
            match find_newline(&line[4..]) {
                Some(n) => n + 4,
                None => return Err(ReplyError::incomplete("the input ends before the end of the final line")),
            }
        };
        if sep == b'\r' && nl != 4 {
            return Err(ReplyError::invalid(pos + 3, "a carriage return after the reply code must end the line"));
        }
        if lines == 0 {
            code_digits = [line[0], line[1], line[2]];
        } else {
            changed |= !same_code;
        }
        // The enhanced code at the start of the text, unless the reply is 3yz (RFC 2034 §3):
        // compared as bytes with the first one found, parsed only when it differs.
        let text = &line[4.min(nl)..nl];
        let code_len = if code_digits[0] == b'3' {
            None
        } else if !enhanced_bytes.is_empty() && starts_with_code(text, enhanced_bytes) {
            Some(enhanced_bytes.len())
        } else {
            let here = leading_enhanced(text);
            match (enhanced, here) {
                (None, Some((e, len))) => {
                    enhanced = Some(e);
                    enhanced_bytes = &text[..len];
                }
                (Some(_), Some(_)) => changed = true,
                _ => {}
            }
            here.map(|(_, len)| len)
        };
        pos += nl + 1;
        let text_at = match code_len {
            Some(len) => 4 + len + text[len..].iter().take_while(|b| b.is_ascii_whitespace()).count(),
            None => 4,
        };
        if usize::from(index.len) == lines
            && lines < INDEXED_LINES
            && let (Ok(end), Ok(text_at)) = (u16::try_from(pos), u8::try_from(text_at))
        {
            index.ends[lines] = end;
            index.text[lines] = text_at;
            index.len += 1;
        }
        lines += 1;
        if last {
            break;
        }
    }
    let code = ReplyCode::from_catalogue(
        u16::from(code_digits[0] - b'0') * 100
            + u16::from(code_digits[1] - b'0') * 10
            + u16::from(code_digits[2] - b'0'),
    );
    let (raw, rest) = input.split_at(pos);
    Ok((Reply { raw, code, enhanced, changed, lines: index }, rest))
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
/// line), with its length in bytes.
fn leading_enhanced(text: &[u8]) -> Option<(EnhancedCode, usize)> {
    if !matches!(text.first(), Some(b'2' | b'4' | b'5')) {
        return None;
    }
    let (e, end) = enhanced_at(text, 0)?;
    match text.get(end) {
        None | Some(b' ' | b'\t' | b'\r') => Some((e, end)),
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
