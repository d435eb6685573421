//! Tests of the shared `class.subject.detail` reader: what it reads, where it stops and why.

use super::{Class, Parts, Stop, enhanced, is_word};
use crate::error::ParseErrorKind as K;

fn read(s: &str, class: Class) -> Result<(u8, u16, u16, usize), (K, usize)> {
    enhanced(s.as_bytes(), 0, class)
        .map(|p: Parts| (p.class, p.subject, p.detail, p.end))
        .map_err(|e: Stop| (e.kind, e.at))
}

#[test]
fn reads_one_to_three_digit_parts_and_stops_after_the_detail() {
    assert_eq!(read("5.1.1", Class::Digit), Ok((b'5', 1, 1, 5)));
    assert_eq!(read("4.4.316 later", Class::Digit), Ok((b'4', 4, 316, 7)));
    assert_eq!(read("2.0.0.", Class::Digit), Ok((b'2', 0, 0, 5)));
    assert_eq!(read("X.7.26", Class::Any), Ok((b'X', 7, 26, 6)));
    assert_eq!(read("x.1.1", Class::Any), Ok((b'x', 1, 1, 5)));
}

#[test]
fn says_what_is_wrong_and_where() {
    assert_eq!(read("", Class::Digit), Err((K::Empty, 0)));
    assert_eq!(read("3.1.1", Class::Digit), Err((K::ClassOutOfRange, 0)));
    assert_eq!(read("X.1.1", Class::Digit), Err((K::InvalidCharacter, 0)));
    assert_eq!(read("5.1.1", Class::Any), Err((K::InvalidCharacter, 0)));
    assert_eq!(read("5", Class::Digit), Err((K::MissingSubject, 1)));
    assert_eq!(read("5.", Class::Digit), Err((K::MissingSubject, 2)));
    assert_eq!(read("5-1", Class::Digit), Err((K::InvalidCharacter, 1)));
    assert_eq!(read("5.1", Class::Digit), Err((K::MissingDetail, 3)));
    assert_eq!(read("5.1.", Class::Digit), Err((K::MissingDetail, 4)));
    assert_eq!(read("5.1x1", Class::Digit), Err((K::InvalidCharacter, 3)));
    assert_eq!(read("5.1000.1", Class::Digit), Err((K::SubjectTooLong, 5)));
    assert_eq!(read("5.1.1000", Class::Digit), Err((K::DetailTooLong, 7)));
    assert_eq!(read("5.01.1", Class::Digit), Err((K::LeadingZero, 2)));
    assert_eq!(read("5.1.01", Class::Digit), Err((K::LeadingZero, 4)));
    assert_eq!(read("5..1", Class::Digit), Err((K::InvalidCharacter, 2)));
}

#[test]
fn underscore_belongs_to_a_word() {
    assert!(is_word(b'a') && is_word(b'Z') && is_word(b'7') && is_word(b'_'));
    assert!(!is_word(b' ') && !is_word(b'.') && !is_word(b'[') && !is_word(b'-'));
}
