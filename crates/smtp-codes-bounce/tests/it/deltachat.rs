//! Delta Chat's test messages (`tests/data/deltachat`, MPL-2.0, see its LICENSE and README):
//! the ten delivery reports its own tests hold its bounce handling to give the failures they
//! assert (the failed recipients and the returned original's `Message-ID`), and none of its
//! 387 ordinary messages gives any record.

use std::path::{Path, PathBuf};

use smtp_codes_bounce::{MessageKind, decode};

fn folder() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/data/deltachat")
}

/// Every message file under `dir`, by its path below the folder, in name order.
fn messages(dir: &Path, below: &str, out: &mut Vec<String>) {
    let mut entries: Vec<_> = std::fs::read_dir(dir).unwrap().map(|e| e.unwrap().path()).collect();
    entries.sort();
    for path in entries {
        let name = path.file_name().unwrap().to_str().unwrap();
        let rel = if below.is_empty() { name.to_owned() } else { format!("{below}/{name}") };
        if path.is_dir() {
            messages(&path, &rel, out);
        } else if !matches!(name, "LICENSE" | "README.md" | "expected.jsonl") {
            out.push(rel);
        }
    }
}

#[test]
fn the_reports_give_the_failures_delta_chat_asserts_and_no_other_message_gives_a_record() {
    let expected: Vec<serde_json::Value> = std::fs::read_to_string(folder().join("expected.jsonl"))
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(expected.len(), 10);
    let mut files = Vec::new();
    messages(&folder(), "", &mut files);
    assert_eq!(files.len(), 397);
    let mut wrong = Vec::new();
    for file in &files {
        let d = decode(&std::fs::read(folder().join(file)).unwrap());
        let got: Vec<&str> = d.recipients().iter().filter_map(|r| r.recipient()).collect();
        let Some(want) = expected.iter().find(|e| e["file"] == file.as_str()) else {
            if !d.recipients().is_empty() || d.kind() != MessageKind::NotABounce {
                wrong.push(format!("{file}: {:?} {got:?}, expected no record", d.kind()));
            }
            continue;
        };
        let message_id = d.original().and_then(|o| o.message_id.as_deref());
        if message_id != want["message_id"].as_str() {
            wrong.push(format!("{file}: original Message-ID {message_id:?}, expected {}", want["message_id"]));
        }
        if want["failed"] == true {
            let recipients: Vec<&str> =
                want["recipients"].as_array().unwrap().iter().map(|r| r.as_str().unwrap()).collect();
            if d.kind() != MessageKind::Bounce || got != recipients {
                wrong.push(format!("{file}: {:?} {got:?}, expected a bounce for {recipients:?}", d.kind()));
            }
        } else if matches!(d.kind(), MessageKind::Bounce | MessageKind::Delay) {
            wrong.push(format!("{file}: {:?}, expected no failure (the report says relayed)", d.kind()));
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}
