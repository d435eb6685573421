//! PHP Bounce Handler's test messages (`tests/data/php-bounce-handler`, BSD, see its LICENSE and
//! README): 89 real messages (bounces of 2006 to 2015, feedback reports, automatic replies),
//! each labelled by reading it, without this project's output: its kind, the failed recipients
//! and the cause in plain words (`labels.jsonl`). Scored here: the kind, the recipients and the
//! reason where the label names a cause. The floors are the figures at the commit that added
//! the messages; the first run is in the data's README.

use std::path::PathBuf;

use smtp_codes_bounce::{MessageKind, decode};

fn folder() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/data/php-bounce-handler")
}

/// The reasons that fit a label's cause (see the README for what each cause covers).
fn reasons_for(cause: &str) -> Option<&'static [&'static str]> {
    Some(match cause {
        "user_unknown" => &["userunknown"],
        "mailbox_full" => &["mailboxfull"],
        "disabled" => &["suspend"],
        "domain_unknown" => &["hostunknown"],
        "spam" => &["spamdetected", "virusdetected", "contenterror"],
        "blocked" => &["blocked", "badreputation"],
        "policy" => {
            &["policyviolation", "norelaying", "rejected", "securityerror", "authfailure", "mesgtoobig", "exceedlimit"]
        }
        "network" => &["networkerror", "expired"],
        "expired" => &["expired"],
        "system" => &["systemerror", "systemfull", "mailererror"],
        _ => return None,
    })
}

/// The message kind a label names; `None` for "other" (anything that is no report).
fn kind_for(label: &str) -> Option<MessageKind> {
    match label {
        "bounce" => Some(MessageKind::Bounce),
        "delay" => Some(MessageKind::Delay),
        "feedback" => Some(MessageKind::Feedback),
        "autoreply" => Some(MessageKind::Vacation),
        _ => None,
    }
}

#[test]
fn the_messages_give_their_labelled_kind_recipients_and_cause() {
    let labels: Vec<serde_json::Value> = std::fs::read_to_string(folder().join("labels.jsonl"))
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(labels.len(), 89);
    let (mut kinds, mut recipients, mut recipients_of, mut reasons, mut reasons_of) = (0, 0, 0, 0, 0);
    let mut misses = Vec::new();
    for label in &labels {
        let file = label["file"].as_str().unwrap();
        let d = decode(&std::fs::read(folder().join("eml").join(file)).unwrap());
        let want = kind_for(label["kind"].as_str().unwrap());
        let kind_ok = match want {
            Some(kind) => d.kind() == kind,
            None => matches!(d.kind(), MessageKind::NotABounce | MessageKind::Delivered),
        };
        kinds += usize::from(kind_ok);
        if !kind_ok {
            misses.push(format!("{file}: {:?}, labelled {}", d.kind(), label["kind"]));
        }
        if !matches!(want, Some(MessageKind::Bounce | MessageKind::Delay)) {
            continue;
        }
        // The address the report names, or the one it says the sender wrote (a report whose
        // `Final-Recipient` is an internal form of the address the sender used).
        let wanted: Vec<&str> = label["recipients"].as_array().unwrap().iter().map(|r| r.as_str().unwrap()).collect();
        let named = |r: &smtp_codes_bounce::Recipient, w: &str| {
            [r.recipient(), r.original_recipient()].into_iter().flatten().any(|a| a.eq_ignore_ascii_case(w))
        };
        let ok = d.recipients().len() == wanted.len() && d.recipients().iter().zip(&wanted).all(|(r, w)| named(r, w));
        recipients_of += 1;
        recipients += usize::from(ok);
        if !ok {
            let got: Vec<_> = d.recipients().iter().map(|r| r.recipient()).collect();
            misses.push(format!("{file}: recipients {got:?}, labelled {wanted:?}"));
        }
        if let Some(fit) = label["cause"].as_str().and_then(reasons_for) {
            let got = d.recipients().first().map(|r| r.classification().reason().id());
            let ok = got.is_some_and(|g| fit.contains(&g));
            reasons_of += 1;
            reasons += usize::from(ok);
            if !ok {
                misses.push(format!("{file}: reason {got:?}, labelled {}", label["cause"]));
            }
        }
    }
    println!("php-bounce-handler kind: {kinds} of {}", labels.len());
    println!("php-bounce-handler recipients: {recipients} of {recipients_of}");
    println!("php-bounce-handler reason: {reasons} of {reasons_of}");
    for miss in &misses {
        println!("php-bounce-handler miss: {miss}");
    }
    assert!(kinds >= 87, "kind: {kinds}");
    assert!(recipients >= 73, "recipients: {recipients} of {recipients_of}");
    assert!(reasons >= 70, "reason: {reasons} of {reasons_of}");
}

#[test]
fn every_cited_php_bounce_handler_sample_is_a_message_here() {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..");
    let catalogue = std::fs::read_to_string(root.join("codes.toml")).unwrap();
    let cited: Vec<&str> = catalogue
        .match_indices("sample:php-bounce-handler/")
        .map(|(at, m)| {
            let rest = &catalogue[at + m.len()..];
            &rest[..rest.find([' ', '"', ';', ')']).unwrap_or(rest.len())]
        })
        .collect();
    assert!(!cited.is_empty());
    for file in cited {
        assert!(folder().join("eml").join(file).is_file(), "sample:php-bounce-handler/{file} is not a message here");
    }
}
