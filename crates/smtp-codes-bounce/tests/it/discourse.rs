//! Discourse's e-mail fixtures (`tests/data/discourse`, GPL-2.0 or later, see its COPYRIGHT,
//! SOURCES.tsv and README): the bounces Discourse's own receiver tests hold to be bounces (with
//! the code and the hard or soft score where a test asserts them) are bounces, the messages they
//! hold to be automatic are not, and none of the ordinary replies, new topics, mailing-list
//! copies and rejected messages gives any record.

use std::path::PathBuf;

use smtp_codes_bounce::{MessageKind, decode};

fn folder() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/data/discourse")
}

#[test]
fn bounces_are_bounces_and_no_ordinary_message_gives_a_record() {
    let expected: Vec<serde_json::Value> = std::fs::read_to_string(folder().join("expected.jsonl"))
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(expected.len(), 10);
    let mut files: Vec<String> = std::fs::read_dir(folder())
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .filter(|n| n.ends_with(".eml"))
        .collect();
    files.sort();
    assert_eq!(files.len(), 158, "the fixtures are missing");
    let mut wrong = Vec::new();
    for file in &files {
        let d = decode(&std::fs::read(folder().join(file)).unwrap());
        let bounce = matches!(d.kind(), MessageKind::Bounce | MessageKind::Delay);
        let Some(want) = expected.iter().find(|e| e["file"] == file.as_str()) else {
            if !d.recipients().is_empty() || d.kind() != MessageKind::NotABounce {
                wrong.push(format!("{file}: {:?} with {} records, expected none", d.kind(), d.recipients().len()));
            }
            continue;
        };
        match want["is_bounce"].as_bool() {
            None => continue,
            Some(false) => {
                if bounce {
                    wrong.push(format!("{file}: {:?}, expected no bounce ({})", d.kind(), want["asserted"]));
                }
                continue;
            }
            Some(true) if !bounce => {
                wrong.push(format!("{file}: {:?}, expected a bounce ({})", d.kind(), want["asserted"]));
                continue;
            }
            Some(true) => {}
        }
        if let Some(status) = want["status"].as_str() {
            let got: Vec<String> = d.recipients().iter().filter_map(|r| r.status()).map(|s| s.to_string()).collect();
            if got != [status] {
                wrong.push(format!("{file}: statuses {got:?}, expected [{status}]"));
            }
        }
        if let Some(hard) = want["hard"].as_bool() {
            let got = d.recipients().iter().any(|r| r.classification().hard_bounce());
            if got != hard {
                wrong.push(format!("{file}: hard bounce {got}, expected {hard}"));
            }
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}
