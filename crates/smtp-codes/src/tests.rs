//! Unit tests of the wire types: round trips, boundaries and error messages.

extern crate std;

use std::string::ToString;

use proptest::prelude::*;

use crate::{Command, EnhancedCode, ParseErrorKind, ReplyCode, Severity};

#[test]
fn reply_code_boundaries() {
    assert_eq!("200".parse::<ReplyCode>().unwrap(), 200);
    assert_eq!("599".parse::<ReplyCode>().unwrap(), 599);
    assert_eq!(ReplyCode::new(199), None);
    assert_eq!(ReplyCode::new(600), None);
    assert!(ReplyCode::new(571).is_some_and(|c| !c.is_rfc5321_syntax()));
    assert!(ReplyCode::new(555).is_some_and(ReplyCode::is_rfc5321_syntax));
    for (input, kind) in [
        ("", ParseErrorKind::Empty),
        ("650", ParseErrorKind::FirstDigitOutOfRange),
        ("150", ParseErrorKind::FirstDigitOutOfRange),
        ("55", ParseErrorKind::TooShort),
        ("5500", ParseErrorKind::TooLong),
        ("5x0", ParseErrorKind::InvalidCharacter),
        (" 550", ParseErrorKind::InvalidCharacter),
    ] {
        assert_eq!(input.parse::<ReplyCode>().unwrap_err().kind(), kind, "{input:?}");
    }
    for (n, kind) in
        [(99, ParseErrorKind::TooShort), (650, ParseErrorKind::FirstDigitOutOfRange), (1000, ParseErrorKind::TooLong)]
    {
        assert_eq!(ReplyCode::try_from(n).unwrap_err().kind(), kind);
    }
}

#[test]
fn reply_code_error_messages_say_what_and_where() {
    let msg = |s: &str| s.parse::<ReplyCode>().unwrap_err().to_string();
    assert_eq!(msg("650"), "invalid reply code: the first digit must be 2-5, found '6' at byte 0");
    assert_eq!(msg("5x0"), "invalid reply code: expected a digit, found 'x' at byte 1");
    assert_eq!(msg("55"), "invalid reply code: a reply code has three digits, found fewer (at byte 2)");
}

#[test]
fn reply_code_digits_and_predicates() {
    let c = ReplyCode::new(452).unwrap();
    assert_eq!((c.first_digit(), c.second_digit(), c.third_digit()), (4, 5, 2));
    assert!(c.is_transient_negative() && c.is_failure() && !c.is_permanent_negative());
    assert_eq!(c.severity(), Severity::Transient);
    assert_eq!(ReplyCode::new(354).unwrap().severity(), Severity::Intermediate);
    assert!(ReplyCode::new(354).unwrap().is_positive_intermediate());
    assert!(ReplyCode::OK.is_positive_completion());
    assert_eq!(ReplyCode::OK.severity(), Severity::Success);
    assert_eq!(ReplyCode::new(550).unwrap().severity(), Severity::Permanent);
    assert_eq!(ReplyCode::new(550).unwrap().first_digit_meaning().digit(), 5);
    assert_eq!(ReplyCode::new(571).unwrap().second_digit_meaning(), None);
    assert_eq!(ReplyCode::new(541).unwrap().known().unwrap().status(), crate::ReplyStatus::NonStandard);
    assert_eq!(ReplyCode::new(599).unwrap().known(), None);
}

#[test]
fn enhanced_code_round_trips_with_three_digit_parts() {
    for s in ["5.7.515", "4.4.316", "2.0.0", "5.1.10", "4.999.999", "5.7.26"] {
        let c: EnhancedCode = s.parse().unwrap();
        assert_eq!(c.to_string(), s);
        assert_eq!(EnhancedCode::from_bytes(s.as_bytes()), Ok(c));
    }
    let c: EnhancedCode = "5.7.515".parse().unwrap();
    assert_eq!((c.class(), c.subject(), c.detail()), (5, 7, 515));
    assert_eq!(EnhancedCode::new(3, 1, 1), None);
    assert_eq!(EnhancedCode::new(5, 1000, 1), None);
    assert_eq!(EnhancedCode::new(5, 1, 1000), None);
}

#[test]
fn enhanced_code_errors() {
    for (input, kind, at) in [
        ("", ParseErrorKind::Empty, 0),
        ("5", ParseErrorKind::MissingSubject, 1),
        ("5.", ParseErrorKind::MissingSubject, 2),
        ("5.1", ParseErrorKind::MissingDetail, 3),
        ("5.1.", ParseErrorKind::MissingDetail, 4),
        ("5.1.1000", ParseErrorKind::DetailTooLong, 7),
        ("5.1000.1", ParseErrorKind::SubjectTooLong, 5),
        ("3.1.1", ParseErrorKind::ClassOutOfRange, 0),
        ("7.7.1", ParseErrorKind::ClassOutOfRange, 0),
        ("5.01.1", ParseErrorKind::LeadingZero, 2),
        ("5.1.01", ParseErrorKind::LeadingZero, 4),
        ("5.1.1.1", ParseErrorKind::TrailingCharacters, 5),
        ("5.1.1x", ParseErrorKind::InvalidCharacter, 5),
        ("5..1", ParseErrorKind::InvalidCharacter, 2),
        ("X.1.1", ParseErrorKind::InvalidCharacter, 0),
        ("5-1-1", ParseErrorKind::InvalidCharacter, 1),
    ] {
        let err = input.parse::<EnhancedCode>().unwrap_err();
        assert_eq!((err.kind(), err.position()), (kind, at), "{input:?}");
    }
    let msg = |s: &str| s.parse::<EnhancedCode>().unwrap_err().to_string();
    assert_eq!(msg("5.1"), "invalid enhanced status code: missing detail (expected class.subject.detail) (at byte 3)");
    assert_eq!(
        msg("5.1.1000"),
        "invalid enhanced status code: the detail has more than three digits, found '0' at byte 7"
    );
    assert_eq!(msg("6.1.1"), "invalid enhanced status code: the class must be 2, 4 or 5, found '6' at byte 0");
    assert_eq!(msg("5.1.\u{1}"), "invalid enhanced status code: expected a digit or '.', found byte 0x01 at byte 4");
}

#[test]
fn enhanced_code_registry_and_class() {
    let c: EnhancedCode = "5.1.1".parse().unwrap();
    assert!(c.is_registered_in_class());
    assert_eq!(c.known().unwrap().name(), "BadDestinationMailbox");
    assert_eq!(c.subject_meaning().unwrap().subject(), 1);
    assert_eq!(c.class_meaning().class(), 5);
    // 2.1.1 names a registered code in a class the registry does not allow.
    let odd: EnhancedCode = "2.1.1".parse().unwrap();
    assert!(odd.known().is_some() && !odd.is_registered_in_class());
    let vendor: EnhancedCode = "5.7.515".parse().unwrap();
    assert!(vendor.known().is_none() && !vendor.is_registered_in_class());
    assert_eq!(vendor.subject_meaning().unwrap().subject(), 7);
    assert_eq!("5.300.1".parse::<EnhancedCode>().unwrap().subject_meaning(), None);
    assert_eq!(crate::KnownEnhanced::from_parts(1, 1).unwrap().in_class(5), Some(c));
}

#[cfg(feature = "serde")]
#[test]
fn serde_forms() {
    let c: EnhancedCode = "5.7.515".parse().unwrap();
    assert_eq!(serde_json::to_string(&c).unwrap(), "\"5.7.515\"");
    assert_eq!(serde_json::from_str::<EnhancedCode>("\"5.7.515\"").unwrap(), c);
    assert!(serde_json::from_str::<EnhancedCode>("\"5.1\"").unwrap_err().to_string().contains("missing detail"));
    assert_eq!(serde_json::to_string(&ReplyCode::OK).unwrap(), "250");
    assert!(serde_json::from_str::<ReplyCode>("650").is_err());
    assert_eq!(serde_json::to_string(&Severity::Transient).unwrap(), "\"transient\"");
}

proptest! {
    #[test]
    fn reply_code_parse_never_panics(bytes in proptest::collection::vec(any::<u8>(), 0..8)) {
        let _ = ReplyCode::from_bytes(&bytes);
    }

    #[test]
    fn enhanced_code_parse_never_panics(bytes in proptest::collection::vec(any::<u8>(), 0..16)) {
        let _ = EnhancedCode::from_bytes(&bytes);
    }

    #[test]
    fn enhanced_code_parse_never_panics_on_code_like_text(s in "[0-9.X]{0,14}") {
        if let Ok(c) = s.parse::<EnhancedCode>() {
            prop_assert_eq!(c.to_string(), s);
        }
    }

    #[test]
    fn reply_code_round_trips(n in 200u16..600) {
        let c = ReplyCode::new(n).unwrap();
        prop_assert_eq!(c.to_string().parse::<ReplyCode>(), Ok(c));
    }

    #[test]
    fn enhanced_code_round_trips(class in prop::sample::select(&[2u8, 4, 5][..]), subject in 0u16..1000, detail in 0u16..1000) {
        let c = EnhancedCode::new(class, subject, detail).unwrap();
        prop_assert_eq!(c.to_string().parse::<EnhancedCode>(), Ok(c));
    }
}

#[test]
fn command_names_as_people_and_logs_write_them() {
    for (text, want) in [
        ("RCPT", Command::Rcpt),
        ("rcpt", Command::Rcpt),
        ("RCPT TO", Command::Rcpt),
        ("rcpt_to", Command::Rcpt),
        ("MAIL FROM:", Command::Mail),
        (" mail ", Command::Mail),
        ("DATA", Command::Data),
        ("DATA-END", Command::DataEnd),
        ("data end", Command::DataEnd),
        ("starttls", Command::StartTls),
        ("connect", Command::Connect),
    ] {
        assert_eq!(text.parse::<Command>(), Ok(want), "{text:?}");
    }
    for c in Command::ALL {
        assert_eq!(c.as_str().parse::<Command>(), Ok(*c), "every canonical name reads back");
    }
}

#[test]
fn unknown_or_empty_command_names_are_errors() {
    for text in ["", "  ", "FOO", "RCPT FROM", "MAIL TO X", ":"] {
        let err = text.parse::<Command>().unwrap_err();
        assert!(err.to_string().starts_with("unknown SMTP command; expected one of CONNECT, EHLO"), "{text:?}: {err}");
    }
}
