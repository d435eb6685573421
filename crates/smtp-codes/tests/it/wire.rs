//! Table tests of `parse_reply` and `replies`: every shape of wire reply the issue lists.

use smtp_codes::parse::{Line, ReplyErrorKind, Warning, parse_reply, replies};
use smtp_codes::{EnhancedCode, ReplyCode};

fn rc(n: u16) -> ReplyCode {
    ReplyCode::new(n).unwrap()
}

fn ec(s: &str) -> EnhancedCode {
    s.parse().unwrap()
}

fn lines(input: &[u8]) -> Vec<String> {
    let (reply, _) = parse_reply(input).unwrap();
    reply.lines().map(|l| String::from_utf8_lossy(l).into_owned()).collect()
}

#[test]
fn one_line() {
    let (reply, rest) = parse_reply(b"550 5.1.1 <nobody@example.com>: Recipient address rejected\r\n").unwrap();
    assert_eq!(reply.code(), rc(550));
    assert_eq!(reply.enhanced(), Some(ec("5.1.1")));
    assert_eq!(reply.lines().collect::<Vec<_>>(), [&b"<nobody@example.com>: Recipient address rejected"[..]]);
    assert!(reply.warnings().is_empty());
    assert!(rest.is_empty());
}

#[test]
fn multi_line_gmail() {
    let input = b"550-5.7.25 [203.0.113.1] The IP address sending this message does not have a\r\n550-5.7.25 PTR record setup, or the corresponding forward DNS entry does not\r\n550 5.7.25 point to the sending IP. - gsmtp\r\n";
    let (reply, rest) = parse_reply(input).unwrap();
    assert!(rest.is_empty());
    assert_eq!((reply.code(), reply.enhanced()), (rc(550), Some(ec("5.7.25"))));
    assert_eq!(
        lines(input),
        [
            "[203.0.113.1] The IP address sending this message does not have a",
            "PTR record setup, or the corresponding forward DNS entry does not",
            "point to the sending IP. - gsmtp"
        ]
    );
    assert!(reply.warnings().is_empty());
    let details: Vec<Line<'_>> = reply.line_details().collect();
    assert_eq!(details.iter().map(|l| l.last).collect::<Vec<_>>(), [false, false, true]);
}

#[test]
fn bare_lf_and_crlf_read_the_same() {
    let crlf = parse_reply(b"250-mx.example.com\r\n250-PIPELINING\r\n250 8BITMIME\r\n").unwrap().0;
    let lf = parse_reply(b"250-mx.example.com\n250-PIPELINING\n250 8BITMIME\n").unwrap().0;
    assert_eq!(crlf, lf);
    assert_eq!(crlf.lines().count(), 3);
    assert_eq!(crlf.enhanced(), None);
}

#[test]
fn code_without_text() {
    for input in [&b"250\r\n"[..], b"250 \r\n", b"250\n", b"250 \n"] {
        let (reply, rest) = parse_reply(input).unwrap();
        assert_eq!(reply.code(), rc(250), "{input:?}");
        assert_eq!(reply.lines().collect::<Vec<_>>(), [&b""[..]], "{input:?}");
        assert!(rest.is_empty());
    }
    let (reply, _) = parse_reply(b"250 2.0.0\r\n").unwrap();
    assert_eq!(reply.enhanced(), Some(ec("2.0.0")));
    assert_eq!(reply.lines().next(), Some(&b""[..]));
}

#[test]
fn several_replies_in_one_buffer() {
    let input = b"220 mx.example.com ESMTP\r\n250-mx.example.com\r\n250 SIZE 10240000\r\n354 2.0.0 End data with <CR><LF>.<CR><LF>\r\n250 2.0.0 Ok: queued as 4B1\r\n";
    let all: Vec<_> = replies(input).collect::<Result<_, _>>().unwrap();
    assert_eq!(all.iter().map(|r| r.code().as_u16()).collect::<Vec<_>>(), [220, 250, 354, 250]);
    // 3yz replies carry no enhanced code (RFC 2034 §3): the text is kept whole.
    assert_eq!(all[2].enhanced(), None);
    assert_eq!(all[2].lines().next(), Some(&b"2.0.0 End data with <CR><LF>.<CR><LF>"[..]));
    assert_eq!(all[3].enhanced(), Some(ec("2.0.0")));
}

#[test]
fn nothing_dropped_between_replies() {
    let input = b"250 ok\r\ngarbage line\r\n550 5.1.1 no\r\n421 4.";
    let items: Vec<_> = replies(input).collect();
    assert_eq!(items.len(), 4);
    assert_eq!(items[0].as_ref().unwrap().code(), rc(250));
    assert_eq!(items[1].unwrap_err().kind(), ReplyErrorKind::Invalid { at: 8 });
    assert_eq!(items[2].as_ref().unwrap().code(), rc(550));
    assert_eq!(items[3].unwrap_err().kind(), ReplyErrorKind::Incomplete);
    let mut it = replies(input);
    it.by_ref().for_each(drop);
    assert_eq!(it.remainder(), b"421 4.");
}

#[test]
fn incomplete_is_not_garbage() {
    for input in [
        &b""[..],
        b"5",
        b"55",
        b"550",
        b"550 ",
        b"550 5.1.1 text",
        b"550-first\r\n",
        b"550-first\r\n550",
        b"550-a\r\n550 b\r",
    ] {
        let err = parse_reply(input).unwrap_err();
        assert_eq!(err.kind(), ReplyErrorKind::Incomplete, "{input:?}");
        assert!(err.to_string().starts_with("incomplete SMTP reply"), "{err}");
    }
}

#[test]
fn invalid_says_where() {
    for (input, at) in [
        (&b"hello\r\n"[..], 0),
        (b"5x0 text\r\n", 1),
        (b"650 text\r\n", 0),
        (b"550text\r\n", 3),
        (b"550-a\r\nxyz\r\n", 7),
        (b"550-a\r\n550", usize::MAX),
    ] {
        let result = parse_reply(input);
        if at == usize::MAX {
            assert!(result.unwrap_err().is_incomplete());
            continue;
        }
        let err = result.unwrap_err();
        assert_eq!(err.kind(), ReplyErrorKind::Invalid { at }, "{input:?}");
        assert!(err.to_string().contains(&format!("at byte {at}")), "{err}");
    }
    let err: &dyn std::error::Error = &parse_reply(b"x\n").unwrap_err();
    assert!(err.to_string().contains("three-digit reply code"));
}

#[test]
fn enhanced_code_on_every_line_is_stripped() {
    let input = b"452-4.2.2 Mailbox full\r\n452-4.2.2 try again\r\n452 4.2.2 later\r\n";
    assert_eq!(lines(input), ["Mailbox full", "try again", "later"]);
    // Three-digit details.
    let (reply, _) = parse_reply(b"550 5.7.515 Access denied\r\n").unwrap();
    assert_eq!(reply.enhanced(), Some(ec("5.7.515")));
    let (reply, _) = parse_reply(b"450 4.4.316 Connection refused\r\n").unwrap();
    assert_eq!(reply.enhanced(), Some(ec("4.4.316")));
    // Not an enhanced code: it runs into a word, or it has four parts.
    assert_eq!(lines(b"550 5.1.1x text\r\n"), ["5.1.1x text"]);
    assert_eq!(lines(b"550 5.1.1.1 text\r\n"), ["5.1.1.1 text"]);
}

#[test]
fn warnings_on_the_wire() {
    let (reply, _) = parse_reply(b"421-4.7.0 first\r\n450 4.7.1 second\r\n").unwrap();
    assert_eq!(reply.code(), rc(421));
    assert!(reply.warnings().contains(Warning::ReplyCodeChanged { first: rc(421), later: rc(450) }));
    assert!(reply.warnings().contains(Warning::EnhancedCodeChanged { first: ec("4.7.0"), later: ec("4.7.1") }));

    let (reply, _) = parse_reply(b"421 5.7.32 rate limited\r\n").unwrap();
    assert_eq!(
        reply.warnings().iter().collect::<Vec<_>>(),
        [Warning::ClassMismatch { reply: rc(421), enhanced: ec("5.7.32") }]
    );

    let (reply, _) = parse_reply(b"571 No PTR Record found\r\n").unwrap();
    assert!(reply.warnings().contains(Warning::NonStandardReplyCode(rc(571))));

    let (reply, _) = parse_reply(b"450 4.7.17 owner changed\r\n").unwrap();
    assert!(reply.warnings().contains(Warning::NotRegisteredInClass(ec("4.7.17"))));
    let (reply, _) = parse_reply(b"250 2.6.0 Queued mail for delivery\r\n").unwrap();
    assert!(reply.warnings().is_empty(), "{:?}", reply.warnings());
}

#[test]
fn warnings_overflow_is_counted() {
    let mut input = Vec::new();
    for code in 200..215u16 {
        input.extend_from_slice(format!("{code}-line\r\n").as_bytes());
    }
    input.extend_from_slice(b"250 end\r\n");
    let (reply, _) = parse_reply(&input).unwrap();
    let w = reply.warnings();
    assert_eq!(w.len() + w.overflowed(), 15);
    assert!(w.overflowed() > 0);
    assert!(!w.is_empty());
}

#[test]
fn display_is_the_canonical_wire_form() {
    let (reply, _) = parse_reply(b"250-mx.example.com\n250-2.0.0   spaced\n250 2.0.0\n").unwrap();
    assert_eq!(reply.to_string(), "250-mx.example.com\r\n250-2.0.0 spaced\r\n250 2.0.0\r\n");
    let rendered = reply.to_string();
    assert_eq!(parse_reply(rendered.as_bytes()).unwrap().0, reply);
}

#[test]
fn huge_reply_line() {
    let mut input = b"550 5.1.1 ".to_vec();
    input.extend(std::iter::repeat_n(b'9', 4_000_000));
    input.extend_from_slice(b"\r\n");
    let (reply, rest) = parse_reply(&input).unwrap();
    assert_eq!(reply.lines().next().unwrap().len(), 4_000_000);
    assert!(rest.is_empty());
    assert!(parse_reply(&input[..input.len() - 2]).unwrap_err().is_incomplete());
}

/// Continuation lines that repeat the first line's codes are read by a faster path than the
/// others, and the first eight lines' text is indexed; both must give what the plain line split
/// (`line_details`) gives, whatever the line looks like.
#[test]
fn fast_path_and_index_agree_with_the_plain_split() {
    let cases: &[&[u8]] = &[
        // The first line has no enhanced code; a later one does, then a blank line follows.
        b"250-\r\n250-5.1.1  \r\n250- \r\n250 a0aa\r\n",
        // Blanks of every kind after a repeated enhanced code, and a tab after the first one.
        b"550-5.7.25 a\r\n550-5.7.25  \t b\r\n550-5.7.25\tc\r\n550 5.7.25 \x0cd\r\n",
        b"450-4.2.1\tfirst\n450-4.2.1\tsecond\n450 4.2.1 third\n",
        // A code that only starts like the first one, and a longer detail.
        b"550-5.7.25 a\r\n550-5.7.250 b\r\n550-5.7.2 c\r\n550 5.7.25\r\n",
        // The enhanced code at the end of the first line: no blank to compare with.
        b"550-5.1.1\r\n550-5.1.1 text\r\n550 5.1.1\r\n",
        // A 3yz reply keeps its text whole.
        b"354-5.1.1 go on\r\n354-5.1.1 and on\r\n354 end\r\n",
        // Lines shorter than the 16 bytes compared at once.
        b"250-a\r\n250-b\r\n250 c\r\n",
        // More lines than the index holds, and a code that changes.
        b"250-1\n250-2\n250-3\n250-4\n250-5\n250-6\n250-7\n250-8\n251-9\n250-10\n250 11\n",
    ];
    for input in cases {
        let (reply, rest) = parse_reply(input).unwrap();
        assert!(rest.is_empty());
        let plain: Vec<&[u8]> = reply.line_details().map(|l| l.text).collect();
        let fast: Vec<&[u8]> = reply.lines().collect();
        assert_eq!(fast, plain, "{}", String::from_utf8_lossy(input));
    }
    assert_eq!(lines(b"250-\r\n250-5.1.1  \r\n250- \r\n250 a0aa\r\n"), ["", "", " ", "a0aa"]);
    assert_eq!(lines(b"550-5.7.25 a\r\n550-5.7.25  \t b\r\n550 5.7.25 \x0cd\r\n"), ["a", "b", "d"]);
    assert_eq!(lines(b"550-5.7.25 a\r\n550-5.7.250 b\r\n550 5.7.2 c\r\n"), ["a", "b", "c"]);
    let (reply, _) = parse_reply(b"550-5.7.25 a\r\n550-5.7.250 b\r\n550 5.7.25\r\n").unwrap();
    assert_eq!(
        reply.warnings().iter().collect::<Vec<_>>(),
        [Warning::EnhancedCodeChanged { first: ec("5.7.25"), later: ec("5.7.250") }]
    );
}
