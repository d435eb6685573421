//! Writing results: JSON Lines or human text to standard output, messages to standard error,
//! quiet handling of a closed pipe, and the escaping of control characters in human output.
//!
//! Nothing here panics on a failed write: `println!` and `eprintln!` do, so the binary never
//! uses them (a test in `tests.rs` checks the sources). A message that cannot be written to
//! standard error is dropped, and the work goes on.

use std::fmt::{self, Write as _};
use std::io::{self, Write};

use anyhow::Result;
use serde::Serialize;

/// Whether an error is (or wraps) a write to a pipe whose reader has gone away.
pub(crate) fn is_broken_pipe(err: &anyhow::Error) -> bool {
    err.chain().any(|e| {
        e.downcast_ref::<io::Error>().is_some_and(|e| e.kind() == io::ErrorKind::BrokenPipe)
            || e.downcast_ref::<serde_json::Error>().and_then(serde_json::Error::io_error_kind)
                == Some(io::ErrorKind::BrokenPipe)
    })
}

/// Writes one record of the output contract on its own line.
pub(crate) fn json_line(out: &mut impl Write, value: &impl Serialize) -> Result<()> {
    smtp_codes_report::write_json_line(out, value)?;
    Ok(())
}

/// Writes `smtp-codes: MESSAGE` on standard error, with control characters escaped (a file
/// name or an input line may hold them). A failed write is ignored: standard error is where
/// failures are reported, so there is nowhere left to report this one.
pub(crate) fn message(args: fmt::Arguments<'_>) {
    let mut text = String::from("smtp-codes: ");
    // Line breaks are kept: an error's context chain may span lines on purpose.
    let _ = write!(Escaper { out: &mut text, keep_newline: true }, "{args}");
    text.push('\n');
    let _ = io::stderr().lock().write_all(text.as_bytes());
}

/// `smtp-codes: ...` on standard error, through [`message`]; never panics.
macro_rules! say {
    ($($arg:tt)*) => {
        $crate::output::message(format_args!($($arg)*))
    };
}
pub(crate) use say;

/// Displays text with control characters escaped, so that input cannot move the cursor, set the
/// terminal's title or hide what follows: C0 controls and DEL as `\t`, `\r`, `\n`, `\x1b`, ...,
/// C1 controls as `\u{9b}`, and the bidirectional overrides and isolates as `\u{202e}`.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Escaped<T>(pub(crate) T);

impl<T: fmt::Display> fmt::Display for Escaped<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(Escaper { out: f, keep_newline: false }, "{}", self.0)
    }
}

/// `text` with control characters escaped, as [`Escaped`] shows it.
pub(crate) fn escape(text: &str) -> std::borrow::Cow<'_, str> {
    if text.chars().any(needs_escape) {
        std::borrow::Cow::Owned(Escaped(text).to_string())
    } else {
        std::borrow::Cow::Borrowed(text)
    }
}

fn needs_escape(c: char) -> bool {
    c.is_control() || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

/// A `fmt::Write` that escapes what passes through it.
struct Escaper<W> {
    out: W,
    keep_newline: bool,
}

impl<W: fmt::Write> fmt::Write for Escaper<W> {
    fn write_str(&mut self, s: &str) -> fmt::Result {
        let mut rest = s;
        while let Some((i, c)) =
            rest.char_indices().find(|&(_, c)| needs_escape(c) && !(self.keep_newline && c == '\n'))
        {
            self.out.write_str(&rest[..i])?;
            match c {
                '\t' => self.out.write_str("\\t")?,
                '\r' => self.out.write_str("\\r")?,
                '\n' => self.out.write_str("\\n")?,
                c if u32::from(c) < 0x80 => write!(self.out, "\\x{:02x}", u32::from(c))?,
                c => write!(self.out, "\\u{{{:x}}}", u32::from(c))?,
            }
            rest = &rest[i + c.len_utf8()..];
        }
        self.out.write_str(rest)
    }
}

#[cfg(test)]
mod tests;
