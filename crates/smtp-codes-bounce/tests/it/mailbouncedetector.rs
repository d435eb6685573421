//! rgl/MailBounceDetector's test fixtures (`tests/data/mailbouncedetector`, MIT, see its
//! LICENSE, SOURCES.tsv and README): six bounces and a delay of Exchange, Microsoft 365, qmail
//! and an unknown status, and one ordinary message. `expected.jsonl` holds what that project's
//! own tests assert of each (written from its C# tests, not from this project's output): a
//! bounce or not, the recipients, the enhanced code where the test asserts a whole one, and
//! permanent or not. Every message gave them all on the first run.

use std::collections::BTreeSet;
use std::path::PathBuf;

use smtp_codes_bounce::MessageKind;

#[test]
fn the_fixtures_give_what_their_own_tests_assert() {
    let folder = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/data/mailbouncedetector");
    let expected = std::fs::read_to_string(folder.join("expected.jsonl")).unwrap();
    let mut wrong = Vec::new();
    let mut n = 0;
    for line in expected.lines() {
        let v: serde_json::Value = serde_json::from_str(line).unwrap();
        let strings = |key: &str| -> Vec<String> {
            v[key]
                .as_array()
                .map_or_else(Vec::new, |a| a.iter().filter_map(|s| s.as_str().map(str::to_owned)).collect())
        };
        let want = (
            v["file"].as_str().unwrap().to_owned(),
            v["is_bounce"].as_bool().unwrap(),
            strings("recipients"),
            strings("statuses"),
            v["permanent"].as_bool(),
        );
        let (file, is_bounce, recipients, statuses, permanent) = want;
        let d = smtp_codes_bounce::decode(&std::fs::read(folder.join(&file)).unwrap());
        n += 1;
        let bounce = matches!(d.kind(), MessageKind::Bounce | MessageKind::Delay);
        if bounce != is_bounce {
            wrong.push(format!("{}: kind {:?}", file, d.kind()));
            continue;
        }
        if !recipients.is_empty() {
            let got: BTreeSet<&str> = d.recipients().iter().filter_map(|r| r.recipient()).collect();
            let want_set: BTreeSet<&str> = recipients.iter().map(String::as_str).collect();
            if got != want_set {
                wrong.push(format!("{}: recipients {got:?}", file));
            }
        }
        // The qmail fixtures' 5.3.0 is a default that project fills in, not the message's.
        if !statuses.is_empty() && !file.contains("qmail") {
            let got: Vec<String> = d.recipients().iter().filter_map(|r| r.status()).map(|s| s.to_string()).collect();
            if got != statuses {
                wrong.push(format!("{}: statuses {got:?}", file));
            }
        }
        if let Some(permanent) = permanent {
            let hard = d.recipients().iter().any(|r| r.classification().hard_bounce());
            if hard != permanent {
                wrong.push(format!("{}: hard bounce {hard}", file));
            }
        }
    }
    assert_eq!(n, 7, "the fixtures are missing");
    assert!(wrong.is_empty(), "{wrong:#?}");
}
