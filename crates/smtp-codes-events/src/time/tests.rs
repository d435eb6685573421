//! Unix times against dates worked out by hand and by `date -u -d @N`.

use super::{from_epoch, from_text};

#[test]
fn unix_times_become_utc_dates() {
    assert_eq!(from_epoch(0.0).as_deref(), Some("1970-01-01T00:00:00Z"));
    assert_eq!(from_epoch(1_513_299_569.0).as_deref(), Some("2017-12-15T00:59:29Z"));
    assert_eq!(from_epoch(951_782_400.0).as_deref(), Some("2000-02-29T00:00:00Z"));
    assert_eq!(from_epoch(1_521_243_339.873_676).as_deref(), Some("2018-03-16T23:35:39.874Z"));
    assert_eq!(from_epoch(1_513_299_569_000.0).as_deref(), Some("2017-12-15T00:59:29Z"), "milliseconds");
    assert_eq!(from_epoch(253_402_300_799.0).as_deref(), Some("9999-12-31T23:59:59Z"));
    assert_eq!(from_epoch(-1.0), None);
    assert_eq!(from_epoch(f64::NAN), None);
    assert_eq!(from_epoch(1e300), None);
}

#[test]
fn strings_pass_through_unless_they_are_unix_times() {
    assert_eq!(from_text("1454442600"), "2016-02-02T19:50:00Z");
    assert_eq!(from_text("2016-01-27T14:59:38.237Z"), "2016-01-27T14:59:38.237Z");
    assert_eq!(from_text("2020-10-09 00:00:00"), "2020-10-09 00:00:00");
    assert_eq!(from_text("1.2.3"), "1.2.3");
    assert_eq!(from_text(".5"), ".5");
}
