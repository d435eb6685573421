//! Every row of the kept IANA registry file (`data/iana-enhanced-status-codes.csv`) is in the
//! catalogue with the same sample text, classes and associated reply codes.

use smtp_codes::{KnownEnhanced, StatusClass, StatusSubject};

/// Splits one CSV record (RFC 4180 quoting, no embedded newlines in this file).
fn fields(line: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut field = String::new();
    let mut quoted = false;
    let mut chars = line.chars().peekable();
    while let Some(c) = chars.next() {
        match (c, quoted) {
            ('"', true) if chars.peek() == Some(&'"') => {
                field.push('"');
                chars.next();
            }
            ('"', _) => quoted = !quoted,
            (',', false) => out.push(std::mem::take(&mut field)),
            _ => field.push(c),
        }
    }
    out.push(field);
    out
}

struct Row {
    code: String,
    sample_text: String,
    basic_codes: String,
}

fn rows() -> Vec<Row> {
    let text = std::fs::read_to_string(super::root().join("data/iana-enhanced-status-codes.csv")).unwrap();
    let mut lines = text.lines();
    assert_eq!(lines.next(), Some("code,sample_text,basic_codes,description_short,reference"));
    lines
        .filter(|l| !l.is_empty())
        .map(|l| {
            let f = fields(l);
            assert_eq!(f.len(), 5, "{l}");
            Row { code: f[0].clone(), sample_text: f[1].clone(), basic_codes: f[2].clone() }
        })
        .collect()
}

/// The three-digit reply codes, sorted, in the registry's "associated basic status code" column.
fn reply_codes(column: &str) -> Vec<u16> {
    column
        .split([',', ' ', '(', ')'])
        .filter(|w| w.len() == 3 && w.bytes().all(|b| b.is_ascii_digit()))
        .map(|w| w.parse().unwrap())
        .collect::<std::collections::BTreeSet<u16>>()
        .into_iter()
        .collect()
}

#[test]
fn registry_file_is_complete() {
    let rows = rows();
    assert_eq!(rows.len(), 3 + 8 + 81);
    assert_eq!(rows.iter().filter(|r| r.code.ends_with(".XXX.YYY")).count(), 3);
    assert_eq!(rows.iter().filter(|r| r.code.ends_with(".YYY") && r.code.starts_with("X.")).count(), 8);
}

#[test]
fn every_registry_row_is_in_the_catalogue() {
    let mut codes = 0;
    for row in rows() {
        let parts: Vec<&str> = row.code.split('.').collect();
        match parts.as_slice() {
            [class, "XXX", "YYY"] => {
                let c = StatusClass::from_class(class.parse().unwrap()).unwrap_or_else(|| panic!("class {}", row.code));
                assert_eq!(c.title(), row.sample_text, "{}", row.code);
            }
            ["X", subject, "YYY"] => {
                let s = StatusSubject::from_subject(subject.parse().unwrap())
                    .unwrap_or_else(|| panic!("subject {}", row.code));
                assert_eq!(s.title(), row.sample_text, "{}", row.code);
            }
            ["X", subject, detail] => {
                codes += 1;
                let k = KnownEnhanced::from_parts(subject.parse().unwrap(), detail.parse().unwrap())
                    .unwrap_or_else(|| panic!("{} is not in the catalogue", row.code));
                assert_eq!(k.to_string(), row.code);
                if row.sample_text.is_empty() {
                    // X.6.10 has no sample text in the registry: it is a deprecated duplicate.
                    assert_eq!(k.status(), smtp_codes::RegistryStatus::Deprecated, "{}", row.code);
                } else {
                    assert_eq!(k.title(), row.sample_text, "{}", row.code);
                }
                let expected = reply_codes(&row.basic_codes);
                let actual: Vec<u16> = k.reply_codes().iter().map(|r| r.as_u16()).collect();
                assert_eq!(actual, expected, "reply codes of {}", row.code);
                // Classes: every associated reply code's class is one the code is valid in.
                for r in k.reply_codes() {
                    let class = r.first_digit();
                    assert!(
                        class == 3 || k.allows_class(class),
                        "{} lists {} but is not valid in class {class}",
                        row.code,
                        r
                    );
                }
                // Where the column is words rather than codes, the catalogue keeps the words.
                if expected.is_empty() {
                    let note = k.reply_codes_note().unwrap_or_else(|| panic!("{} needs a reply_codes_note", row.code));
                    if !row.basic_codes.is_empty() {
                        assert_eq!(note, row.basic_codes, "{}", row.code);
                    }
                }
            }
            _ => panic!("unexpected registry code {}", row.code),
        }
    }
    assert_eq!(codes, 81);
    assert_eq!(KnownEnhanced::ALL.len(), 81);
}

#[test]
fn permanent_only_and_transient_only_codes_have_their_classes() {
    // RFC 3463 marks some codes as permanent or transient only; spot-check that the catalogue
    // keeps those limits rather than allowing every class.
    let class_of = |s, d| KnownEnhanced::from_parts(s, d).unwrap().classes();
    assert_eq!(class_of(1, 3), &[5]); // bad destination address syntax: permanent only
    assert_eq!(class_of(3, 1), &[4]); // mail system full: persistent transient only
    assert_eq!(class_of(1, 5), &[2]); // destination address valid: a success report
    assert_eq!(class_of(0, 0), &[2, 4, 5]);
}
