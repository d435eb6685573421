//! Digging a reply out of free text: bounce messages, MTA log lines, webhook fields.
//!
//! One pass over the bytes finds every candidate code at a token boundary, ranks them and keeps
//! the best, so the time is linear in the input's length whatever it holds.

use super::command::find_command;
use super::warning::{CodeText, Warning, Warnings, check_codes};
use super::{enhanced_at, is_word, reply_digits_at};
use crate::ascii::{byte_mask, has_byte_between};
use crate::{Command, EnhancedCode, ReplyCode};

/// What [`diagnose`] found in a piece of free text.
#[derive(Clone, Copy, PartialEq, Eq)]
pub struct Diagnosis<'a> {
    reply_code: Option<ReplyCode>,
    enhanced_code: Option<EnhancedCode>,
    /// The reply's text as bytes: [`text`](Self::text) makes it a `str` when asked, so that the
    /// classifier, which reads the whole input, does not pay for checking it is UTF-8.
    text: &'a [u8],
    command: Option<Command>,
    warnings: Warnings,
    /// More than one reply code and enhanced code pair was read, or a reply code without an
    /// enhanced code came again: the text may be a multi-line reply flattened onto one line
    /// (see [`unflattened`]).
    pairs_repeat: bool,
}

impl core::fmt::Debug for Diagnosis<'_> {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.debug_struct("Diagnosis")
            .field("reply_code", &self.reply_code)
            .field("enhanced_code", &self.enhanced_code)
            .field("text", &self.text())
            .field("command", &self.command)
            .field("warnings", &self.warnings)
            .field("pairs_repeat", &self.pairs_repeat)
            .finish()
    }
}

impl<'a> Diagnosis<'a> {
    /// The three-digit reply code, if one was found.
    #[must_use]
    pub const fn reply_code(&self) -> Option<ReplyCode> {
        self.reply_code
    }

    /// The enhanced status code, if one was found. The remote server's own code wins over a log's
    /// `dsn=` field (see [`Warning::DsnFieldDiffers`]).
    #[must_use]
    pub const fn enhanced_code(&self) -> Option<EnhancedCode> {
        self.enhanced_code
    }

    /// The diagnosis of a reply whose log line gives the MTA's status apart from it (the `dsn=`
    /// field of a Postfix or Sendmail line, which a log scanner reads as a field of its own),
    /// read as [`diagnose`] reads the whole line: the remote server's own enhanced code wins,
    /// the field stands in when the reply has none, and a warning says when the two differ.
    ///
    /// ```
    /// use smtp_codes::parse::diagnose;
    ///
    /// let dsn = "4.4.1".parse().unwrap();
    /// let d = diagnose("connect to mx.example.org[192.0.2.1]:25: Connection timed out").with_dsn_field(dsn);
    /// assert_eq!(d.enhanced_code(), Some(dsn));
    /// let d = diagnose("550 5.1.1 <bob@example.org>: User unknown").with_dsn_field("5.0.0".parse().unwrap());
    /// assert_eq!(d.enhanced_code().unwrap().to_string(), "5.1.1");
    /// ```
    #[must_use]
    pub fn with_dsn_field(mut self, dsn: EnhancedCode) -> Self {
        match self.enhanced_code {
            Some(used) if used != dsn => self.warnings.push(Warning::DsnFieldDiffers { dsn, reply: used }),
            Some(_) => {}
            None => {
                self.enhanced_code = Some(dsn);
                // The checks of the codes together; those of the reply code alone were made.
                let mut together = Warnings::default();
                check_codes(self.reply_code, self.enhanced_code, &mut together);
                for w in together.iter().filter(|w| !matches!(w, Warning::NonStandardReplyCode(_))) {
                    self.warnings.push(w);
                }
            }
        }
        self
    }

    /// The reply text after the codes, best effort, borrowed from the input.
    ///
    /// Surrounding log syntax is cut off where it is recognised (`(in reply to .. command)`,
    /// Postfix's `; from=<..>`, closing quotes and brackets). The continuation prefixes of a
    /// flattened multi-line reply stay inside; [`segments`](Self::segments) gives the text
    /// without them. When no code was found it is the whole input, trimmed, without a
    /// `Diagnostic-Code: type;` prefix. For [`diagnose_bytes`] on input that is not UTF-8 it stops
    /// before the first invalid byte.
    #[must_use]
    pub const fn text(&self) -> &'a str {
        longest_str(self.text)
    }

    /// The pieces of [`text`](Self::text) between line breaks (real ones and literal `\n`) and
    /// the repeated continuation prefixes (`450-4.2.1`) of a flattened multi-line reply, trimmed
    /// and never empty. Joined with single spaces they give the reply text on one line.
    ///
    /// ```
    /// let d = smtp_codes::parse::diagnose("450-4.2.1 The user is 450-4.2.1 over the rate 450 4.2.1 limit");
    /// assert_eq!(d.segments().collect::<Vec<_>>(), ["The user is", "over the rate", "limit"]);
    /// ```
    #[must_use]
    pub fn segments(&self) -> Segments<'a> {
        Segments { rest: self.text(), reply: self.reply_code, enhanced: self.enhanced_code }
    }

    /// The SMTP command or session stage the reply answered, when the text says it
    /// (`in reply to RCPT TO command`, `after end of data`, `[RCPT_TO]`, `after initial connection`).
    #[must_use]
    pub const fn command(&self) -> Option<Command> {
        self.command
    }

    /// Whether more than one code pair was read, so that the text may be a multi-line reply
    /// flattened onto one line.
    pub(crate) const fn pairs_repeat(&self) -> bool {
        self.pairs_repeat
    }

    /// This diagnosis with `command` as the command the text names.
    pub(crate) const fn with_command(self, command: Option<Command>) -> Self {
        Self { command, ..self }
    }

    /// The oddities found: class disagreements, codes that change inside the text, a `dsn=` field
    /// that differs from the reply's own code, ...
    #[must_use]
    pub const fn warnings(&self) -> Warnings {
        self.warnings
    }
}

/// Finds the reply code, enhanced status code, reply text and command in free text.
///
/// It never fails: fields are `None` when nothing was found. Codes are only taken at token
/// boundaries, so IP addresses, dates, sizes and versions (`192.0.2.55`, `4.16.55.1`,
/// `delay=92187`, `2024-05-01`, `Exim 4.97`) never give one. When the text holds several replies,
/// a reply code with an enhanced code beats a lone one, a pair whose classes agree beats one
/// whose classes do not, a failure beats a success, and then the first one wins.
///
/// # Example
/// ```
/// use smtp_codes::parse::{diagnose, Warning};
///
/// let d = diagnose(
///     "relay=exbox.foo.com. [10.10.10.10], dsn=4.0.0, stat=Deferred: 421 4.3.2 Too many connections",
/// );
/// assert_eq!(d.reply_code().unwrap(), 421);
/// assert_eq!(d.enhanced_code().unwrap().to_string(), "4.3.2");
/// assert_eq!(d.text(), "Too many connections");
/// assert!(d.warnings().iter().any(|w| matches!(w, Warning::DsnFieldDiffers { .. })));
/// ```
#[must_use]
pub fn diagnose(input: &str) -> Diagnosis<'_> {
    diagnose_bytes(input.as_bytes())
}

/// [`diagnose`] for bytes that may not be UTF-8 (raw log files, undecoded bounce bodies).
///
/// Invalid UTF-8 never panics and never hides a code; [`Diagnosis::text`] then ends before the
/// first invalid byte of the text.
#[must_use]
pub fn diagnose_bytes(input: &[u8]) -> Diagnosis<'_> {
    diagnose_codes(input).with_command(find_command(input))
}

/// [`diagnose_bytes`] without the command search, for the classifier, whose automaton finds the
/// command in the same pass as the phrases (the diagnosis's command is `None`).
pub(crate) fn diagnose_codes(input: &[u8]) -> Diagnosis<'_> {
    let found = Scan::run(input);
    let mut warnings = found.warnings;

    let (reply_code, enhanced_code, start) = match (found.pair, found.reply) {
        (Some(pair), _) => (Some(pair.reply), Some(pair.enhanced), Some(pair.start)),
        (None, Some(reply)) => (Some(reply.code), found.enhanced.or(found.dsn).map(|e| e.code), Some(reply.start)),
        (None, None) => match (found.enhanced, found.dsn) {
            (Some(e), _) | (None, Some(e)) => (None, Some(e.code), Some(e.start)),
            (None, None) => (None, None, None),
        },
    };
    if let (Some(dsn), Some(used)) = (found.dsn, enhanced_code)
        && dsn.code != used
    {
        warnings.push(Warning::DsnFieldDiffers { dsn: dsn.code, reply: used });
    }
    check_codes(reply_code, enhanced_code, &mut warnings);
    if reply_code.is_none() && enhanced_code.is_none() {
        check_leading_numbers(whole_text(input), &mut warnings);
    }

    let text = match start {
        Some(start) => reply_text(input, start),
        None => whole_text(input),
    };
    let pairs_repeat = found.pairs > 1 || found.lone_repeats > 0;
    Diagnosis { reply_code, enhanced_code, text, command: None, warnings, pairs_repeat }
}

/// Where the text after a code starts, and what opened it.
#[derive(Clone, Copy, Debug)]
struct Start {
    /// Byte offset of the first byte of text.
    at: usize,
    /// The byte just before the codes (`'`, `#`, ...), which may be closed at the end.
    opener: u8,
}

#[derive(Clone, Copy, Debug)]
struct Pair {
    reply: ReplyCode,
    enhanced: EnhancedCode,
    start: Start,
}

impl Pair {
    /// Higher is better: classes that agree, then a failure.
    fn rank(&self) -> u8 {
        u8::from(self.reply.first_digit() == self.enhanced.class()) * 2 + u8::from(self.reply.is_failure())
    }
}

#[derive(Clone, Copy, Debug)]
struct LoneReply {
    code: ReplyCode,
    start: Start,
}

#[derive(Clone, Copy, Debug)]
struct LoneEnhanced {
    code: EnhancedCode,
    start: Start,
}

/// The best candidates of one pass.
#[derive(Default)]
struct Scan {
    pair: Option<Pair>,
    previous_pair: Option<Pair>,
    reply: Option<LoneReply>,
    enhanced: Option<LoneEnhanced>,
    dsn: Option<LoneEnhanced>,
    warnings: Warnings,
    /// How many pairs were read.
    pairs: u32,
    /// How many replies without an enhanced code repeated the first one's code (`550-The
    /// account 550-or domain ...`: a multi-line reply without enhanced codes, flattened).
    lone_repeats: u32,
}

impl Scan {
    fn run(s: &[u8]) -> Self {
        let mut scan = Self::default();
        let mut i = 0;
        while i < s.len() {
            // Jump to the next digit that can start a code with a tight search loop.
            match next_code_digit(s, i) {
                Some(at) => i = at,
                None => break,
            }
            let boundary = i == 0 || !(is_word(s[i - 1]) || s[i - 1] == b'.');
            if !boundary {
                i += 1;
                continue;
            }
            if let Some(code) = reply_digits_at(s, i)
                && reply_follows(s, i)
            {
                let opener = if i == 0 { b' ' } else { s[i - 1] };
                if let Some((enhanced, end, inner)) = paired_enhanced(s, i + 3) {
                    let opener = inner.unwrap_or(opener);
                    scan.add_pair(Pair { reply: code, enhanced, start: Start { at: skip_blanks(s, end), opener } });
                    i = end;
                } else {
                    let start = text_after_reply(s, i + 3, opener);
                    if scan.reply.is_some_and(|r| r.code == code) {
                        scan.lone_repeats += 1;
                    }
                    if scan.reply.is_none_or(|r| !r.code.is_failure() && code.is_failure()) {
                        scan.reply = Some(LoneReply { code, start });
                    }
                    i += 3;
                }
                continue;
            }
            if let Some((code, end)) = enhanced_at(s, i)
                && enhanced_follows(s, end)
                && !after_version_word(s, i)
            {
                let opener = if i == 0 { b' ' } else { s[i - 1] };
                let lone = LoneEnhanced { code, start: text_after_enhanced(s, end, opener) };
                let slot = if i >= 4 && s[i - 4..i].eq_ignore_ascii_case(b"dsn=") {
                    &mut scan.dsn
                } else {
                    &mut scan.enhanced
                };
                // As with lone reply codes, a failure code wins over a success code before it
                // (a version number, `Mailman 2.0.12`, ahead of `5.1.1 Recipient address
                // rejected`); otherwise the first one found stays.
                if slot.is_none_or(|e| e.code.class() == 2 && matches!(code.class(), 4 | 5)) {
                    *slot = Some(lone);
                }
                i = end;
                continue;
            }
            i += 1;
        }
        scan
    }

    fn add_pair(&mut self, pair: Pair) {
        self.pairs += 1;
        if let Some(prev) = self.previous_pair {
            if prev.reply != pair.reply {
                self.warnings.push(Warning::ReplyCodeChanged { first: prev.reply, later: pair.reply });
            }
            if prev.enhanced != pair.enhanced {
                self.warnings.push(Warning::EnhancedCodeChanged { first: prev.enhanced, later: pair.enhanced });
            }
        }
        self.previous_pair = Some(pair);
        if self.pair.is_none_or(|best| pair.rank() > best.rank()) {
            self.pair = Some(pair);
        }
    }
}

/// The position of the first byte at or after `from` that can start a code (a digit from 2 to 5).
/// Eight bytes are tested at a time with a word-wide comparison, so the letters and blanks that
/// make up most of a line cost about one instruction each.
pub(super) fn next_code_digit(s: &[u8], from: usize) -> Option<usize> {
    let mut i = from;
    while let Some(chunk) = s.get(i..i + 8) {
        let word = u64::from_le_bytes(chunk.try_into().unwrap_or_default());
        if has_byte_between(word, b'1', b'6')
            && let Some(skip) = chunk.iter().position(|b| matches!(b, b'2'..=b'5'))
        {
            return Some(i + skip);
        }
        i += 8;
    }
    s.get(i..)?.iter().position(|b| matches!(b, b'2'..=b'5')).map(|skip| i + skip)
}

/// Whether the byte after three digits at `i` lets them be a reply code: the end, a blank, a
/// continuation `-`, `;` (`550; 5.7.515`), a literal `\n`, or `:` when the code starts a word
/// (`550: 5.2.2`, but not the port in `[192.0.2.1]:587:`).
fn reply_follows(s: &[u8], i: usize) -> bool {
    if after_unix_type(s, i) {
        return false;
    }
    if after_code_label(s, i) {
        return s.get(i + 3).is_none_or(|&b| !is_word(b) && b != b'.');
    }
    match s.get(i + 3) {
        None => true,
        Some(b' ' | b'\t' | b'\r' | b'\n' | b'-' | b';' | b'\\') => true,
        Some(b':') => i == 0 || s[i - 1].is_ascii_whitespace(),
        Some(_) => false,
    }
}

/// The enhanced code that belongs to a reply code ending at `j`: after one separator (`-`, `;`,
/// `:` or blanks), optionally opened by a quote, `#`, `(` or `[` (`550-'5.7.1`, `550 #5.1.0`).
/// It may run straight into a word (`250 2.1.5Recipient OK` in Exchange logs).
fn paired_enhanced(s: &[u8], j: usize) -> Option<(EnhancedCode, usize, Option<u8>)> {
    let mut k = j;
    if matches!(s.get(k), Some(b'-' | b';' | b':')) {
        k += 1;
    }
    while matches!(s.get(k), Some(b' ' | b'\t')) {
        k += 1;
    }
    if k == j {
        return None;
    }
    let mut opener = None;
    if let Some(&b @ (b'\'' | b'"' | b'#' | b'(' | b'[')) = s.get(k) {
        opener = Some(b);
        k += 1;
    }
    let (code, end) = enhanced_at(s, k)?;
    match s.get(end) {
        Some(b'.') if s.get(end + 1).is_some_and(u8::is_ascii_digit) => None,
        Some(b'_') => None,
        Some(b) if b.is_ascii_digit() => None,
        _ => Some((code, end, opener)),
    }
}

/// Whether an enhanced code ending at `end` stands alone: not followed by a word or by `.digit`
/// (`4.16.55.1`, `5.1.1a`).
fn enhanced_follows(s: &[u8], end: usize) -> bool {
    match s.get(end) {
        None => true,
        Some(b'.') => !s.get(end + 1).is_some_and(u8::is_ascii_digit),
        Some(&b) => !is_word(b),
    }
}

/// Whether the code at `i` follows a label that names it (`ERROR_CODE :550,`,
/// `ResponseCode 421,`), so that any punctuation may follow it.
fn after_code_label(s: &[u8], i: usize) -> bool {
    let mut k = i;
    while k > 0 && matches!(s[k - 1], b' ' | b':' | b'=') {
        k -= 1;
    }
    k < i && k >= 4 && s[k - 4..k].eq_ignore_ascii_case(b"code")
}

/// Whether the code at `i` follows a product or version word (`Exim 4.94.2`, `Postfix 2.11.3`).
/// Whether position `i` follows the diagnostic type `X-Unix;` (RFC 3464 §2.3.6), whose number is
/// a program's exit status (`X-Unix; 255`), not an SMTP reply code.
fn after_unix_type(s: &[u8], i: usize) -> bool {
    const TYPE: &[u8] = b"x-unix;";
    let mut k = i;
    while k > 0 && s[k - 1].is_ascii_whitespace() {
        k -= 1;
    }
    k >= TYPE.len() && s[k - TYPE.len()..k].eq_ignore_ascii_case(TYPE)
}

fn after_version_word(s: &[u8], i: usize) -> bool {
    const WORDS: &[&[u8]] = &[b"exim ", b"postfix ", b"version ", b"release ", b"sendmail ", b"qmail "];
    WORDS.iter().any(|w| i >= w.len() && s[i - w.len()..i].eq_ignore_ascii_case(w))
}

fn skip_blanks(s: &[u8], mut i: usize) -> usize {
    while matches!(s.get(i), Some(b' ' | b'\t')) {
        i += 1;
    }
    i
}

/// The text start after a lone reply code ending at `j`: past one separator, blanks and an
/// opening quote.
fn text_after_reply(s: &[u8], j: usize, opener: u8) -> Start {
    let mut k = j;
    if matches!(s.get(k), Some(b'-' | b';' | b':' | b' ')) {
        k += 1;
    }
    k = skip_blanks(s, k);
    match s.get(k) {
        Some(&q @ (b'\'' | b'"')) => Start { at: k + 1, opener: q },
        _ => Start { at: k, opener },
    }
}

/// The text start after a lone enhanced code ending at `end`: past punctuation and blanks, and
/// past a log's `status=` or `stat=` field name when a `dsn=` field is followed by one.
fn text_after_enhanced(s: &[u8], end: usize, opener: u8) -> Start {
    let mut k = end;
    while matches!(s.get(k), Some(b' ' | b'\t' | b',' | b';' | b':' | b'-' | b')' | b']')) {
        k += 1;
    }
    for field in [&b"status="[..], b"stat="] {
        if s.get(k..k + field.len()).is_some_and(|w| w.eq_ignore_ascii_case(field)) {
            k += field.len();
        }
    }
    Start { at: k, opener }
}

/// The text from `start` to the end of the reply, without the log syntax around it.
fn reply_text(s: &[u8], start: Start) -> &[u8] {
    let from = start.at.min(s.len());
    let mut t = &s[from..];
    if let Some(p) = log_syntax_start(t) {
        t = &t[..p];
    }
    t = t.trim_ascii();
    match start.opener {
        q @ (b'\'' | b'"') => {
            if let Some(p) = t.iter().rposition(|&b| b == q) {
                t = t[..p].trim_ascii_end();
            }
        }
        b'#' => {
            while let Some(rest) = t.strip_suffix(b"#") {
                t = rest.trim_ascii_end();
            }
        }
        _ => {}
    }
    trim_unbalanced_closers(t)
}

/// Where the log syntax after a reply text starts: Postfix's `(in reply to .. command)` or
/// `; from=<..>`, whichever comes first (ASCII case ignored). One word-at-a-time pass looks for
/// their first bytes, `(` and `;`, which the memchr crate's routines took about as long to find
/// in a short text as the rest of the parse.
pub(super) fn log_syntax_start(t: &[u8]) -> Option<usize> {
    let at = |i: usize| {
        let rest = &t[i..];
        let starts = |p: &[u8]| rest.get(..p.len()).is_some_and(|w| w.eq_ignore_ascii_case(p));
        starts(b"(in reply to ") || starts(b"; from=<")
    };
    let mut i = 0;
    while let Some(chunk) = t.get(i..i + 8) {
        let word = u64::from_le_bytes(chunk.try_into().unwrap_or_default());
        let mut hits = byte_mask(word, b'(') | byte_mask(word, b';');
        while hits != 0 {
            let k = i + (hits.trailing_zeros() / 8) as usize;
            if at(k) {
                return Some(k);
            }
            hits &= hits - 1;
        }
        i += 8;
    }
    (i..t.len()).find(|&k| matches!(t[k], b'(' | b';') && at(k))
}

/// Drops closing brackets at the end that nothing in the text opened (the `)` of Postfix's
/// `status=deferred (host .. said: ..)`, the `>` of `#<.. smtp;530 ..>`).
fn trim_unbalanced_closers(mut t: &[u8]) -> &[u8] {
    // Most texts end in no closer at all: nothing to count then.
    if !matches!(t.last(), Some(b')' | b'>' | b']')) {
        return t;
    }
    let mut depth = [0i64; 3];
    for &b in t {
        match b {
            b'(' => depth[0] += 1,
            b')' => depth[0] -= 1,
            b'<' => depth[1] += 1,
            b'>' => depth[1] -= 1,
            b'[' => depth[2] += 1,
            b']' => depth[2] -= 1,
            _ => {}
        }
    }
    loop {
        let slot = match t.last() {
            Some(b')') => 0,
            Some(b'>') => 1,
            Some(b']') => 2,
            _ => return t,
        };
        if depth[slot] >= 0 {
            return t;
        }
        depth[slot] += 1;
        t = t[..t.len() - 1].trim_ascii_end();
    }
}

/// When no code was found: warns about the number-like tokens the text starts with (at most
/// two, `999 9.9.9 whatever`, `55 user unknown`), which a reader takes for codes that are not
/// valid. Only the start of the text is looked at, where a reply puts its codes, so numbers in
/// the middle of a text (sizes, versions, addresses) never warn.
fn check_leading_numbers(t: &[u8], warnings: &mut Warnings) {
    let mut rest = t;
    for _ in 0..2 {
        let end = rest.iter().position(|&b| !(b.is_ascii_digit() || b == b'.')).unwrap_or(rest.len());
        let (token, after) = rest.split_at(end);
        // A token ends at a blank or the end of the text (so a date `2024-05-01` is no token).
        if !after.first().is_none_or(u8::is_ascii_whitespace) {
            return;
        }
        let dots = token.iter().filter(|&&b| b == b'.').count();
        let Some(text) = CodeText::new(token) else { return };
        match dots {
            0 if token.len() <= 4 => warnings.push(Warning::NotAReplyCode(text)),
            2 if token.split(|&b| b == b'.').all(|part| !part.is_empty()) => {
                warnings.push(Warning::NotAnEnhancedCode(text));
            }
            _ => return,
        }
        rest = after.get(1..).unwrap_or_default().trim_ascii_start();
    }
}

/// The whole input as text when no code was found, without a `Diagnostic-Code: type;` prefix.
fn whole_text(s: &[u8]) -> &[u8] {
    let mut t = s.trim_ascii();
    const FIELD: &[u8] = b"diagnostic-code:";
    if t.get(..FIELD.len()).is_some_and(|w| w.eq_ignore_ascii_case(FIELD)) {
        t = t[FIELD.len()..].trim_ascii_start();
        // The diagnostic type is one word ending in ';' (`smtp;`, `X-Postfix;`).
        if let Some(p) = t.iter().position(|&b| b == b';' || b.is_ascii_whitespace())
            && t[p] == b';'
        {
            t = t[p + 1..].trim_ascii_start();
        }
    }
    t
}

/// The longest prefix of `t` that is UTF-8.
const fn longest_str(t: &[u8]) -> &str {
    match core::str::from_utf8(t) {
        Ok(s) => s,
        Err(e) => match core::str::from_utf8(t.split_at(e.valid_up_to()).0) {
            Ok(s) => s,
            Err(_) => "",
        },
    }
}

/// `text` with the continuation prefixes of a multi-line reply (`550-5.1.1 The email account
/// that you tried to 550-5.1.1 reach does not exist`, flattened onto one line as a folded
/// `Diagnostic-Code` field or a log line writes Gmail's replies, or on lines of their own) each
/// replaced, with the line break or blanks before it, by one space, so that a phrase broken by
/// one reads whole; `None` when there is none, which is nearly always. Only a text whose code
/// starts a continuation line (`550-`) is read so: a later `550 ` in a one-line reply is not a
/// line start. The first prefix, the reply's own code, stays.
#[cfg(feature = "alloc")]
pub(crate) fn unflattened(
    text: &[u8],
    reply: Option<ReplyCode>,
    enhanced: Option<EnhancedCode>,
) -> Option<alloc::vec::Vec<u8>> {
    let reply = reply?;
    let code = reply.as_u16();
    let digits = [b'0' + (code / 100) as u8, b'0' + (code / 10 % 10) as u8, b'0' + (code % 10) as u8];
    // The hyphen of the first `550-`: the reply's own code, which stays.
    let hyphen = memchr::memchr_iter(b'-', text).find(|&i| i >= 3 && text[i - 3..i] == digits)?;
    let segments = Segments { rest: "", reply: Some(reply), enhanced };
    let mut i = hyphen + 1;
    let mut out: Option<alloc::vec::Vec<u8>> = None;
    let mut copied = 0;
    while i < text.len() {
        let Some(k) = memchr::memchr(digits[0], &text[i..]) else { break };
        let at = i + k;
        let n = segments.separator_len(text, at);
        if n == 0 {
            i = at + 1;
            continue;
        }
        let buf = out.get_or_insert_with(|| alloc::vec::Vec::with_capacity(text.len()));
        buf.extend_from_slice(text[copied..at].trim_ascii_end());
        buf.push(b' ');
        copied = at + n;
        i = copied;
    }
    let mut buf = out?;
    buf.extend_from_slice(&text[copied..]);
    Some(buf)
}

/// The pieces of a [`Diagnosis`]'s text; see [`Diagnosis::segments`].
#[derive(Clone, Debug)]
pub struct Segments<'a> {
    rest: &'a str,
    reply: Option<ReplyCode>,
    enhanced: Option<EnhancedCode>,
}

impl Segments<'_> {
    /// The length of the separator at `i`, or 0: a line break, a literal `\n`, or a repeated
    /// continuation prefix (`450-4.2.1 `, `550 `) at the start of a word, with the blanks after it.
    fn separator_len(&self, s: &[u8], i: usize) -> usize {
        match s[i] {
            b'\r' | b'\n' => return 1,
            b'\\' if s.get(i + 1) == Some(&b'n') => return 2,
            _ => {}
        }
        let Some(reply) = self.reply else { return 0 };
        let word_start = i == 0 || s[i - 1].is_ascii_whitespace() || (i >= 2 && &s[i - 2..i] == b"\\n");
        if !word_start || reply_digits_at(s, i) != Some(reply) || !matches!(s.get(i + 3), Some(b'-' | b' ') | None) {
            return 0;
        }
        let mut k = (i + 4).min(s.len());
        if let Some(enhanced) = self.enhanced
            && let Some((found, end)) = enhanced_at(s, k)
            && found == enhanced
        {
            k = end;
        }
        match s.get(k) {
            None | Some(b' ' | b'\t' | b'\r' | b'\n') => skip_blanks(s, k) - i,
            _ if k == i + 4 => k - i,
            _ => 0,
        }
    }
}

impl<'a> Iterator for Segments<'a> {
    type Item = &'a str;

    fn next(&mut self) -> Option<&'a str> {
        loop {
            let s = self.rest.as_bytes();
            if s.is_empty() {
                return None;
            }
            let mut j = 0;
            while j < s.len() {
                let n = self.separator_len(s, j);
                if n > 0 {
                    break;
                }
                j += 1;
            }
            let piece = &self.rest[..j];
            let sep = if j < s.len() { self.separator_len(s, j) } else { 0 };
            self.rest = &self.rest[j + sep..];
            let piece = piece.trim_ascii();
            if !piece.is_empty() {
                return Some(piece);
            }
        }
    }
}
