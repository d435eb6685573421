//! Unit tests of the parsers' building blocks: code scanning, boundaries, warnings, commands.

extern crate std;

use std::string::ToString;

use super::command::find_command;
use super::warning::{Warning, Warnings};
use super::{enhanced_at, reply_digits_at};
use crate::{Command, EnhancedCode, ReplyCode};

#[test]
fn enhanced_at_reads_one_to_three_digit_parts() {
    let code = |s: &str| enhanced_at(s.as_bytes(), 0).map(|(c, end)| (c.to_string(), end));
    assert_eq!(code("5.1.1 x"), Some(("5.1.1".to_string(), 5)));
    assert_eq!(code("4.4.316"), Some(("4.4.316".to_string(), 7)));
    assert_eq!(code("5.1.10;"), Some(("5.1.10".to_string(), 6)));
    assert_eq!(code("5.1.1000"), None);
    assert_eq!(code("5.01.1"), None);
    assert_eq!(code("3.1.1"), None);
    assert_eq!(code("5.1"), None);
    assert_eq!(code("5..1"), None);
}

#[test]
fn parts_and_reply_digits() {
    assert_eq!(enhanced_at(b"5.0.0", 0).map(|(_, end)| end), Some(5));
    assert_eq!(enhanced_at(b"5.07.0", 0), None);
    assert_eq!(enhanced_at(b"5.999.999", 0).map(|(c, _)| (c.subject(), c.detail())), Some((999, 999)));
    assert_eq!(reply_digits_at(b"x550", 1), ReplyCode::new(550));
    assert_eq!(reply_digits_at(b"650", 0), None);
    assert_eq!(reply_digits_at(b"55", 0), None);
}

#[test]
fn warnings_dedupe_and_count_overflow() {
    let mut w = Warnings::new();
    assert!(w.is_empty());
    let code = |n| ReplyCode::new(n).unwrap();
    w.push(Warning::NonStandardReplyCode(code(571)));
    w.push(Warning::NonStandardReplyCode(code(571)));
    assert_eq!(w.len(), 1);
    for n in 260..270 {
        w.push(Warning::NonStandardReplyCode(code(n)));
    }
    assert_eq!(w.len(), 4);
    assert_eq!(w.overflowed(), 7);
    let e: EnhancedCode = "2.1.1".parse().unwrap();
    assert_eq!(Warning::NotRegisteredInClass(e).to_string(), "enhanced status code 2.1.1 is not registered in class 2");
}

#[test]
fn commands_from_their_log_spellings() {
    for (text, command) in [
        ("(in reply to RCPT TO command)", Command::Rcpt),
        ("(in reply to MAIL FROM command)", Command::Mail),
        ("(in reply to end of DATA command)", Command::DataEnd),
        ("(in reply to DATA command)", Command::Data),
        ("SMTP error from remote mail server after pipelined RCPT TO:<a@b>", Command::Rcpt),
        ("SMTP error from remote mail server after MAIL FROM:<a@b> SIZE=1", Command::Mail),
        ("SMTP error from remote mail server after end of data", Command::DataEnd),
        ("SMTP error from remote mail server after initial connection", Command::Connect),
        ("SMTP error from remote mail server after HELO example", Command::Helo),
        ("User Unknown [RCPT_TO]", Command::Rcpt),
        ("Sender rejected [MAIL_FROM]", Command::Mail),
        ("User unknown[RCPT_TO]", Command::Rcpt),
        ("lost connection while receiving the initial server greeting", Command::Connect),
        (">>> DATA\n<<< 554 no", Command::Data),
        ("(Error following RCPT command)", Command::Rcpt),
    ] {
        assert_eq!(find_command(text.as_bytes()), Some(command), "{text}");
    }
    for text in ["failed after I sent the message", "database error", "dafter RCPT TO", "xinitial server greeting", ""]
    {
        assert_eq!(find_command(text.as_bytes()), None, "{text}");
    }
}

/// The word-at-a-time search for a code's first digit finds what a byte-by-byte search finds:
/// every byte value in every lane of a word, before and after other bytes, from every start.
#[test]
fn next_code_digit_agrees_with_a_byte_search() {
    use super::text::next_code_digit;
    let naive = |s: &[u8], from: usize| s[from..].iter().position(|b| matches!(b, b'2'..=b'5')).map(|p| from + p);
    for fill in [b'a', b'1', b'6', b'9', 0x00, 0x7f, 0x80, 0xb2, 0xff] {
        for len in [1usize, 7, 8, 9, 17, 24] {
            for at in 0..len {
                for b in 0..=255u8 {
                    let mut s = std::vec![fill; len];
                    s[at] = b;
                    for from in [0, at.saturating_sub(1), at] {
                        assert_eq!(next_code_digit(&s, from), naive(&s, from), "{s:?} from {from}");
                    }
                }
            }
        }
    }
}

proptest::proptest! {
    /// The one-pass search for log syntax finds where the two window searches it replaced cut.
    #[test]
    fn log_syntax_start_agrees_with_window_searches(pieces in proptest::collection::vec(proptest::sample::select(std::vec![&b"(in reply to "[..], b"(IN Reply TO ", b"; from=<", b"; FROM=<", b"(", b";", b"(in", b"; f", b"x", b" ", b"\xc3\xa9"]), 0..12)) {
        use super::text::log_syntax_start;
        let s = pieces.concat();
        let find = |s: &[u8], p: &[u8]| (0..=s.len().saturating_sub(p.len())).find(|&i| s.get(i..i + p.len()).is_some_and(|w| w.eq_ignore_ascii_case(p)));
        let mut t = &s[..];
        if let Some(p) = find(t, b"(in reply to ") {
            t = &t[..p];
        }
        if let Some(p) = find(t, b"; from=<") {
            t = &t[..p];
        }
        let cut = log_syntax_start(&s).map_or(&s[..], |p| &s[..p]);
        proptest::prop_assert_eq!(cut, t);
    }
}

#[test]
fn a_flattened_multi_line_reply_is_unflattened_past_its_first_prefix() {
    use super::unflattened;
    let codes = |t: &str| {
        let d = super::diagnose(t);
        (d.reply_code(), d.enhanced_code())
    };
    let t = "550-5.1.1 The email account that you tried to 550-5.1.1 reach does not exist. 550 5.1.1 Learn more";
    let (reply, enhanced) = codes(t);
    assert_eq!(
        unflattened(t.as_bytes(), reply, enhanced).as_deref(),
        Some(&b"550-5.1.1 The email account that you tried to reach does not exist. Learn more"[..])
    );
    // Inside a log line, after the text before the reply.
    let t = "host mx[192.0.2.1] said: 450-4.2.1 The user is 450-4.2.1 over the rate";
    let (reply, enhanced) = codes(t);
    assert_eq!(
        unflattened(t.as_bytes(), reply, enhanced).as_deref(),
        Some(&b"host mx[192.0.2.1] said: 450-4.2.1 The user is over the rate"[..])
    );
    // Lines really apart are joined the same way.
    let t = "550-5.1.1 first\n550 5.1.1 last";
    let (reply, enhanced) = codes(t);
    assert_eq!(unflattened(t.as_bytes(), reply, enhanced).as_deref(), Some(&b"550-5.1.1 first last"[..]));
    // A one-line reply has no continuation lines, whatever numbers its text holds later.
    for t in ["550 5.1.1 user unknown 550 5.1.1 again", "550 5.1.1 user unknown\n550 5.1.1 again", "250 ok"] {
        let (reply, enhanced) = codes(t);
        assert_eq!(unflattened(t.as_bytes(), reply, enhanced), None, "{t}");
    }
}
