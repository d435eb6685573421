//! Finding the SMTP command a reply answered from the words around it in a log line or bounce.

use crate::Command;

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
        let whole = s.get(end).is_none_or(|b| !b.is_ascii_alphanumeric() && *b != b'_');
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
        let starts_word = i == 0 || !s[i - 1].is_ascii_alphanumeric();
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
