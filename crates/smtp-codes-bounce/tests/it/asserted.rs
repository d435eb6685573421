//! Test sets whose `expected.jsonl` writes down what another project's own tests assert of each
//! message: `is_bounce` (true, false, or null where nothing is asserted), and where asserted the
//! bounce's enhanced `status` and whether it is `hard`; `kind` (`vacation`) where the message is
//! an automatic reply. Messages with no row are ordinary mail and must give no record. Used by
//! `discourse.rs`, `bounce_email.rs`, `gitlab.rs` and `chatwoot.rs`.

use std::path::Path;

use smtp_codes_bounce::{DecodeWarning, MessageKind, decode};

/// The messages of `folder` (the files ending in `extension`) against its `expected.jsonl`: the
/// mismatches, one line each. `rows` and `messages` are how many the folder must hold.
pub(crate) fn mismatches(folder: &Path, extension: &str, rows: usize, messages: usize) -> Vec<String> {
    let expected: Vec<serde_json::Value> = std::fs::read_to_string(folder.join("expected.jsonl"))
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(expected.len(), rows, "expected.jsonl has lost rows");
    let mut files: Vec<String> = std::fs::read_dir(folder)
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .filter(|n| n.ends_with(extension))
        .collect();
    files.sort();
    assert_eq!(files.len(), messages, "the messages are missing");
    let mut wrong = Vec::new();
    for file in &files {
        let d = decode(&std::fs::read(folder.join(file)).unwrap());
        let bounce = matches!(d.kind(), MessageKind::Bounce | MessageKind::Delay);
        let Some(want) = expected.iter().find(|e| e["file"] == file.as_str()) else {
            if !d.recipients().is_empty() || d.kind() != MessageKind::NotABounce {
                wrong.push(format!("{file}: {:?} with {} records, expected none", d.kind(), d.recipients().len()));
            }
            continue;
        };
        if want["kind"] == "vacation" && d.kind() != MessageKind::Vacation {
            wrong.push(format!("{file}: {:?}, expected an automatic reply ({})", d.kind(), want["asserted"]));
            continue;
        }
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
        // The asserted code is the record's, or the `Status` field's where the text gave a more
        // specific one (the documented rule, which says so in a warning).
        if let Some(status) = want["status"].as_str() {
            let fits = |r: &smtp_codes_bounce::Recipient| {
                r.status().is_some_and(|s| s.to_string() == status)
                    || r.warnings()
                        .iter()
                        .any(|w| matches!(w, DecodeWarning::StatusDiffers { status: s, .. } if s.to_string() == status))
            };
            if d.recipients().is_empty() || !d.recipients().iter().all(fits) {
                let got: Vec<String> =
                    d.recipients().iter().filter_map(|r| r.status()).map(|s| s.to_string()).collect();
                wrong.push(format!("{file}: statuses {got:?}, expected {status}"));
            }
        }
        if let Some(hard) = want["hard"].as_bool() {
            let got = d.recipients().iter().any(|r| r.classification().hard_bounce());
            if got != hard {
                wrong.push(format!("{file}: hard bounce {got}, expected {hard}"));
            }
        }
    }
    wrong
}
