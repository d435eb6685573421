//! Property tests: the parsers never panic, and a reply printed back parses to the same reply.
//!
//! `cargo fuzz` needs a nightly toolchain, and only stable is installed here, so the long run is a
//! proptest behind `#[ignore]` instead: `cargo test -p smtp-codes --test it -- --ignored`
//! (`.ci/run` runs it).

use proptest::prelude::*;
use smtp_codes::parse::{diagnose, diagnose_bytes, parse_reply, replies};

/// One line of a generated reply: code, enhanced code (class, subject, detail), text.
type GenLine = (u16, Option<(u8, u16, u16)>, String);

/// A strategy for one [`GenLine`].
fn line() -> impl Strategy<Value = GenLine> {
    (
        200u16..600,
        proptest::option::of((prop_oneof![Just(2u8), Just(4), Just(5)], 0u16..1000, 0u16..1000)),
        "[ -~]{0,40}",
    )
}

/// Wire bytes for a reply made of `lines`, with CRLF or LF endings.
fn render(lines: &[GenLine], crlf: bool) -> Vec<u8> {
    let mut out = Vec::new();
    for (n, (code, enhanced, text)) in lines.iter().enumerate() {
        let sep = if n + 1 == lines.len() { ' ' } else { '-' };
        out.extend_from_slice(format!("{code}{sep}").as_bytes());
        if let Some((c, s, d)) = enhanced {
            out.extend_from_slice(format!("{c}.{s}.{d} ").as_bytes());
        }
        out.extend_from_slice(text.as_bytes());
        out.extend_from_slice(if crlf { b"\r\n" } else { b"\n" });
    }
    out
}

fn check_round_trip(lines: &[GenLine], crlf: bool) -> Result<(), TestCaseError> {
    let wire = render(lines, crlf);
    let (reply, rest) = parse_reply(&wire).map_err(|e| TestCaseError::fail(e.to_string()))?;
    prop_assert!(rest.is_empty());
    prop_assert_eq!(reply.code().as_u16(), lines[0].0);
    prop_assert_eq!(reply.lines().count(), lines.len());
    let shown = reply.to_string();
    let (again, rest) = parse_reply(shown.as_bytes()).map_err(|e| TestCaseError::fail(e.to_string()))?;
    prop_assert!(rest.is_empty());
    prop_assert_eq!(again, reply);
    prop_assert_eq!(again.to_string(), shown);
    Ok(())
}

/// Wire bytes for a reply whose lines mix codes, enhanced codes, blanks and line endings.
fn mixed_reply() -> impl Strategy<Value = Vec<u8>> {
    let line = (
        prop_oneof![Just("250"), Just("550"), Just("354"), Just("450")],
        prop_oneof![Just(""), Just("5.1.1 "), Just("5.1.1"), Just("5.1.1  "), Just("4.2.1\t"), Just("5.7.515 ")],
        "[ -~]{0,24}",
        prop_oneof![Just("\r\n"), Just("\n"), Just(" \r\n")],
    );
    (proptest::collection::vec(line, 1..14), any::<bool>()).prop_map(|(lines, same_code)| {
        let mut out = Vec::new();
        for (n, (code, enhanced, text, eol)) in lines.iter().enumerate() {
            out.extend_from_slice(if same_code { lines[0].0 } else { code }.as_bytes());
            out.push(if n + 1 == lines.len() { b' ' } else { b'-' });
            out.extend_from_slice(format!("{enhanced}{text}{eol}").as_bytes());
        }
        out
    })
}

/// `lines()`, `code()` and `enhanced()` (read by the single-line path, the line reader or the
/// repeated-prefix path) give what the plain split of `line_details()` gives.
fn check_lines_agree(wire: &[u8]) -> Result<(), TestCaseError> {
    let (reply, rest) = parse_reply(wire).map_err(|e| TestCaseError::fail(e.to_string()))?;
    prop_assert!(rest.is_empty());
    let details: Vec<_> = reply.line_details().collect();
    let plain: Vec<&[u8]> = details.iter().map(|l| l.text).collect();
    prop_assert_eq!(reply.lines().collect::<Vec<_>>(), plain);
    prop_assert_eq!(reply.code(), details[0].code);
    prop_assert_eq!(reply.enhanced(), details.iter().find_map(|l| l.enhanced));
    Ok(())
}

fn check_no_panic(bytes: &[u8]) {
    let _ = parse_reply(bytes).map(|(r, _)| (r.to_string(), r.lines().count()));
    for r in replies(bytes).flatten() {
        let _ = r.to_string();
    }
    let d = diagnose_bytes(bytes);
    let _ = (d.text(), d.segments().count(), d.command());
    for w in d.warnings().iter() {
        let _ = w.to_string();
    }
}

/// Bytes biased towards what the parsers look for.
fn smtp_ish_bytes() -> impl Strategy<Value = Vec<u8>> {
    proptest::collection::vec(
        prop_oneof![any::<u8>(), proptest::sample::select(b"0123456789.- \r\n#;:'\"()<>[]\\n".to_vec()),],
        0..200,
    )
}

proptest! {
    #[test]
    fn parsers_never_panic(bytes in smtp_ish_bytes()) {
        check_no_panic(&bytes);
    }

    #[test]
    fn diagnose_never_panics_on_text(text in "\\PC{0,120}") {
        let d = diagnose(&text);
        let _ = d.segments().count();
    }

    #[test]
    fn parse_display_round_trip(lines in proptest::collection::vec(line(), 1..6), crlf in any::<bool>()) {
        check_round_trip(&lines, crlf)?;
    }

    #[test]
    fn lines_agree_with_the_plain_split(wire in mixed_reply()) {
        check_lines_agree(&wire)?;
    }

    #[test]
    fn replies_reads_every_reply(
        all in proptest::collection::vec(proptest::collection::vec(line(), 1..4), 1..5),
        cut in any::<prop::sample::Index>(),
    ) {
        let mut buffer = Vec::new();
        for lines in &all {
            buffer.extend(render(lines, true));
        }
        let read: Vec<_> = replies(&buffer).collect::<Result<_, _>>().map_err(|e| TestCaseError::fail(e.to_string()))?;
        prop_assert_eq!(read.len(), all.len());
        // Cut anywhere: every whole reply before the cut is read, then at most one error.
        let cut = cut.index(buffer.len());
        let items: Vec<_> = replies(&buffer[..cut]).collect();
        if let Some((last, first)) = items.split_last() {
            prop_assert!(first.iter().all(Result::is_ok));
            if let Err(e) = last {
                prop_assert!(e.is_incomplete());
            }
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 200_000, ..ProptestConfig::default() })]

    /// The long run that stands in for a fuzz target.
    #[test]
    #[ignore = "long run: cargo test -p smtp-codes --test it -- --ignored"]
    fn long_run_parsers_never_panic(bytes in smtp_ish_bytes()) {
        check_no_panic(&bytes);
    }

    /// The long run of the round trip.
    #[test]
    #[ignore = "long run: cargo test -p smtp-codes --test it -- --ignored"]
    fn long_run_parse_display_round_trip(lines in proptest::collection::vec(line(), 1..6), crlf in any::<bool>()) {
        check_round_trip(&lines, crlf)?;
    }
}

/// Text shaped like `class.subject.detail`, well formed or not: a class digit (or another digit,
/// or `X`), then dots and runs of digits with leading zeros, four-digit parts or none.
fn code_like() -> impl Strategy<Value = String> {
    let part = prop_oneof!["[0-9]{1,3}", "0[0-9]{1,2}", "[0-9]{4}", Just(String::new())];
    (prop_oneof!["[0-9]", Just("X".to_owned())], part.clone(), part)
        .prop_map(|(class, subject, detail)| format!("{class}.{subject}.{detail}"))
}

proptest! {
    /// The strict readers, the text scanner and the wire parser read `class.subject.detail` with
    /// one grammar: where the strict reader accepts a code the others find the same code, and
    /// where it refuses one they find none. What may stand around a code is each reader's own
    /// rule (a wire code is followed by a space, a logged one may end a sentence).
    #[test]
    fn every_enhanced_code_reader_agrees(s in code_like(), tail in prop_oneof![Just("."), Just("x"), Just(".1")]) {
        let strict = s.parse::<smtp_codes::EnhancedCode>().ok();
        // The pattern reader: the same subject and detail after `X.`.
        let pattern = format!("X{}", &s[1..]).parse::<smtp_codes::EnhancedPattern>().ok();
        if s.starts_with(['2', '4', '5']) {
            prop_assert_eq!(pattern.map(|p| (p.subject(), p.detail())), strict.map(|c| (c.subject(), c.detail())));
        }
        // Nothing may follow a strict code.
        let longer = format!("{s}{tail}");
        prop_assert!(longer.parse::<smtp_codes::EnhancedCode>().is_err(), "{:?} parsed", longer);
        // The wire parser reads a code at the start of the text, followed by a space.
        let wire = format!("550 {s} text\r\n");
        let (reply, _) = parse_reply(wire.as_bytes()).unwrap();
        prop_assert_eq!(reply.enhanced(), strict, "wire {:?}", wire);
        // The scanner finds it after a label, as logs write it.
        let found = diagnose(&format!("dsn={s}, status=bounced")).enhanced_code();
        prop_assert_eq!(found, strict, "text {:?}", s);
    }
}
