//! Tests of the provenance report on the real catalogue: its rows add up to the entries.

use super::{Provenance, Row, build, is_low, render};
use crate::codegen;
use crate::source::{self, Kind, parse};

#[test]
fn rows_add_up_to_the_catalogue() {
    let root = crate::project_root();
    let (c, samples) = codegen::read_unchecked(&root).expect("the catalogue reads");
    let report = build(&c, &samples);
    let entries = source::sourced(&c).iter().filter(|s| s.counted).count();
    let total = report.total();
    assert_eq!(total.total(), entries);
    assert_eq!(report.tables.iter().map(|(_, r)| r.total()).sum::<usize>(), entries);

    // The provider rows hold every provider reply, counted from the files themselves.
    let replies: usize = c.files.iter().map(|f| f.text.matches("\n[[provider.reply]]").count()).sum();
    let by_provider: usize = report.providers.iter().map(|(_, r)| r.total()).sum();
    assert_eq!(by_provider, replies);
    let table = report.tables.iter().find(|(t, _)| *t == "provider.reply").map(|(_, r)| r.total());
    assert_eq!(table, Some(replies));
    assert_eq!(c.provider.iter().map(|p| p.reply.len()).sum::<usize>(), replies);

    // Every provider file's sources follow the format; only codes.toml may still be invalid.
    assert!(report.invalid.iter().all(|n| n.at.starts_with("codes.toml:")), "{:?}", report.invalid.first());
    assert!(report.providers.iter().all(|(_, r)| r.invalid == 0));
    // Low-confidence entries are listed one by one, and counted in the rows.
    assert_eq!(report.low.len(), total.low);
    assert!(report.low.iter().any(|n| n.source.contains("https://smtp.codes/yahoo (secondary")));

    let text = render(&report);
    assert!(text.starts_with(&format!("catalogue provenance: {entries} entries")), "{text}");
    assert!(text.contains("[[provider.reply]]") && text.contains("\n  gmail "), "{text}");
}

#[test]
fn low_confidence_needs_every_reference_to_be_secondary() {
    let low = |s| is_low(&parse(s).unwrap());
    assert!(low("https://smtp.codes/yahoo (secondary: a third-party list)"));
    assert!(low("http://postmaster.comcast.net/smtp-error-codes.php (unverified: no longer online)"));
    assert!(!low("https://smtp.codes/yahoo (secondary); https://senders.yahooinc.com/smtp-error-codes"));
    assert!(!low("RFC 5321 §4.2.3"));
}

#[test]
fn a_row_counts_each_kind_once() {
    let mut row = Row::default();
    row.add(Provenance::Cited { kind: Kind::Rfc, low: false });
    row.add(Provenance::Cited { kind: Kind::Url, low: true });
    row.add(Provenance::Invalid);
    assert_eq!((row.total(), row.low, row.invalid), (3, 1, 1));
}
