//! Finding the SMTP command a reply answered from the words around it in a log line or bounce.

use crate::Command;
use crate::grammar::is_word;

/// Words that introduce a command name: Postfix `(in reply to RCPT TO command)`, Exim
/// `after RCPT TO:<..>` and `after pipelined MAIL FROM:<..>`, Postfix `while sending end of data`,
/// sendmail transcripts `>>> MAIL From:<..>`, and `(Error following RCPT command)`.
const INTRODUCERS: &[&[u8]] =
    &[b"in reply to ", b"after pipelined ", b"after ", b"while sending ", b">>> ", b"following "];

/// Command names as logs spell them (compared ignoring ASCII case), longest first where one is a
/// prefix of another.
const NAMES: &[(&[u8], Command)] = &[
    (b"rcpt to", Command::Rcpt),
    (b"rcpt", Command::Rcpt),
    (b"mail from", Command::Mail),
    (b"end of data", Command::DataEnd),
    (b"data", Command::Data),
    (b"ehlo", Command::Ehlo),
    (b"helo", Command::Helo),
    (b"bdat", Command::Bdat),
    (b"rset", Command::Rset),
    (b"starttls", Command::StartTls),
    (b"auth", Command::Auth),
    (b"quit", Command::Quit),
    (b"initial connection", Command::Connect),
    (b"message body", Command::DataEnd),
];

/// Tags that name a command on their own: Yahoo's `[RCPT_TO]`, `[MAIL_FROM]`, `[DATA]`, and
/// Postfix's `while receiving the initial server greeting`.
const TAGS: &[(&[u8], Command)] = &[
    (b"[rcpt_to]", Command::Rcpt),
    (b"[mail_from]", Command::Mail),
    (b"[data]", Command::Data),
    (b"[ehlo]", Command::Ehlo),
    (b"[helo]", Command::Helo),
    (b"initial server greeting", Command::Connect),
];

/// The bytes that can start an introducer or a tag, either case.
const CAN_START: [bool; 256] = {
    let mut table = [false; 256];
    let starts = b"iawf>[IAWF";
    let mut k = 0;
    while k < starts.len() {
        table[starts[k] as usize] = true;
        k += 1;
    }
    table
};

/// Whether `s[i..]` starts with `pattern`, ignoring ASCII case.
fn starts_with_at(s: &[u8], i: usize, pattern: &[u8]) -> bool {
    s.get(i..i + pattern.len()).is_some_and(|w| w.eq_ignore_ascii_case(pattern))
}

/// The command named after an introducer at `i`, if a known name follows as a whole word.
fn name_at(s: &[u8], i: usize) -> Option<Command> {
    NAMES.iter().find_map(|&(name, command)| {
        let end = i + name.len();
        let whole = s.get(end).is_none_or(|&b| !is_word(b));
        (starts_with_at(s, i, name) && whole).then_some(command)
    })
}

/// The first command the text names, if any. Each position that starts a word (or holds a `[`) is
/// compared with a fixed set of short patterns, so the time is linear in the length of `s`.
pub(super) fn find_command(s: &[u8]) -> Option<Command> {
    let mut from = 0;
    // Jump from one byte that can start a pattern to the next with a tight search loop.
    while let Some(skip) = s[from..].iter().position(|&b| CAN_START[usize::from(b)]) {
        let i = from + skip;
        from = i + 1;
        let first = s[i].to_ascii_lowercase();
        // Patterns must start a word so that "chafter " or "dafter " do not count; a tag's
        // bracket may touch the word before it.
        let starts_word = i == 0 || !is_word(s[i - 1]);
        if !starts_word && first != b'[' {
            continue;
        }
        if starts_word {
            for intro in INTRODUCERS {
                if intro[0] == first
                    && starts_with_at(s, i, intro)
                    && let Some(command) = name_at(s, i + intro.len())
                {
                    return Some(command);
                }
            }
        }
        for &(tag, command) in TAGS {
            if tag[0] == first && starts_with_at(s, i, tag) {
                return Some(command);
            }
        }
    }
    None
}

/// Every pattern [`find_command`] looks for, as (introducer, name, command): each introducer with
/// each name, and each tag with an empty name. The classifier puts them in its automaton so that
/// its one pass over a text also finds the command.
#[cfg(feature = "classify")]
pub(crate) fn patterns() -> impl Iterator<Item = (&'static [u8], &'static [u8], Command)> {
    let named = INTRODUCERS.iter().flat_map(|&intro| NAMES.iter().map(move |&(name, command)| (intro, name, command)));
    named.chain(TAGS.iter().map(|&(tag, command)| (tag, &b""[..], command)))
}

/// The error of [`Command::from_str`](core::str::FromStr::from_str): the text names no SMTP
/// command this crate knows.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct ParseCommandError(());

impl core::fmt::Display for ParseCommandError {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.write_str("unknown SMTP command; expected one of ")?;
        for (i, c) in Command::ALL.iter().enumerate() {
            if i > 0 {
                f.write_str(", ")?;
            }
            f.write_str(c.as_str())?;
        }
        Ok(())
    }
}

impl core::error::Error for ParseCommandError {}

/// Reads a command name as people and logs write it: `RCPT`, `rcpt`, `RCPT TO`, `rcpt_to`,
/// `MAIL FROM:`, `DATA-END`, `data end`, `STARTTLS`, with ASCII case ignored.
///
/// ```
/// use smtp_codes::Command;
///
/// assert_eq!("RCPT TO".parse(), Ok(Command::Rcpt));
/// assert_eq!("mail from:".parse(), Ok(Command::Mail));
/// assert_eq!("data_end".parse(), Ok(Command::DataEnd));
/// assert_eq!(" ehlo ".parse(), Ok(Command::Ehlo));
/// assert!("RCPT FROM".parse::<Command>().is_err());
/// ```
impl core::str::FromStr for Command {
    type Err = ParseCommandError;

    fn from_str(name: &str) -> Result<Self, Self::Err> {
        let name = name.trim();
        let name = name.strip_suffix(':').unwrap_or(name);
        let mut words = name.split(|c: char| c.is_ascii_whitespace() || c == '_' || c == '-').filter(|w| !w.is_empty());
        let (first, second, rest) = (words.next(), words.next(), words.next());
        let is = |w: &str, want: &str| w.eq_ignore_ascii_case(want);
        let command = match (first, second, rest) {
            (Some(w), None, None) => Self::from_name(w),
            (Some(a), Some(b), None) if is(a, "MAIL") && is(b, "FROM") => Some(Self::Mail),
            (Some(a), Some(b), None) if is(a, "RCPT") && is(b, "TO") => Some(Self::Rcpt),
            (Some(a), Some(b), None) if is(a, "DATA") && is(b, "END") => Some(Self::DataEnd),
            _ => None,
        };
        command.ok_or(ParseCommandError(()))
    }
}
