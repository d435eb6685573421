//! Scoring a folder of real messages labelled by reading them (`labels.jsonl`: each message's
//! kind, failed recipients and cause in plain words), for the sets that come without expected
//! results of their own (PHP Bounce Handler's, flanker's); and the check that the samples the
//! catalogue cites from a test set are there.

use std::path::Path;

use smtp_codes_bounce::{MessageKind, Recipient, decode};

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

/// How a folder's messages fare against their labels.
#[derive(Debug, Default)]
pub(crate) struct Scores {
    pub(crate) messages: usize,
    pub(crate) kinds: usize,
    pub(crate) recipients: usize,
    pub(crate) recipients_of: usize,
    pub(crate) reasons: usize,
    pub(crate) reasons_of: usize,
    pub(crate) misses: Vec<String>,
}

impl Scores {
    /// Prints the figures and the misses, each line starting with `name`.
    pub(crate) fn print(&self, name: &str) {
        println!("{name} kind: {} of {}", self.kinds, self.messages);
        println!("{name} recipients: {} of {}", self.recipients, self.recipients_of);
        println!("{name} reason: {} of {}", self.reasons, self.reasons_of);
        for miss in &self.misses {
            println!("{name} miss: {miss}");
        }
    }

    /// Asserts the set's size and the floors of its three figures (the figures at the commit
    /// that added the set).
    pub(crate) fn assert_at_least(&self, messages: usize, kinds: usize, recipients: usize, reasons: usize) {
        assert_eq!(self.messages, messages);
        assert!(self.kinds >= kinds, "kind: {} of {}, below {kinds}", self.kinds, self.messages);
        assert!(
            self.recipients >= recipients,
            "recipients: {} of {}, below {recipients}",
            self.recipients,
            self.recipients_of
        );
        assert!(self.reasons >= reasons, "reason: {} of {}, below {reasons}", self.reasons, self.reasons_of);
    }
}

/// Decodes every message `labels.jsonl` in `folder` names (under `folder/messages`) and scores
/// the kind, the recipients (the report's address or the one it says the sender wrote, for a
/// report whose `Final-Recipient` is an internal form of the address the sender used) and the
/// reason where the label names a cause.
pub(crate) fn score(folder: &Path, messages: &str) -> Scores {
    let labels: Vec<serde_json::Value> = std::fs::read_to_string(folder.join("labels.jsonl"))
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let mut s = Scores { messages: labels.len(), ..Scores::default() };
    for label in &labels {
        let file = label["file"].as_str().unwrap();
        let d = decode(&std::fs::read(folder.join(messages).join(file)).unwrap());
        let want = kind_for(label["kind"].as_str().unwrap());
        let kind_ok = match want {
            Some(kind) => d.kind() == kind,
            None => matches!(d.kind(), MessageKind::NotABounce | MessageKind::Delivered),
        };
        s.kinds += usize::from(kind_ok);
        if !kind_ok {
            s.misses.push(format!("{file}: {:?}, labelled {}", d.kind(), label["kind"]));
        }
        if !matches!(want, Some(MessageKind::Bounce | MessageKind::Delay)) {
            continue;
        }
        let wanted: Vec<&str> = label["recipients"].as_array().unwrap().iter().map(|r| r.as_str().unwrap()).collect();
        let named = |r: &Recipient, w: &str| {
            [r.recipient(), r.original_recipient()].into_iter().flatten().any(|a| a.eq_ignore_ascii_case(w))
        };
        let ok = d.recipients().len() == wanted.len() && d.recipients().iter().zip(&wanted).all(|(r, w)| named(r, w));
        s.recipients_of += 1;
        s.recipients += usize::from(ok);
        if !ok {
            let got: Vec<_> = d.recipients().iter().map(|r| r.recipient()).collect();
            s.misses.push(format!("{file}: recipients {got:?}, labelled {wanted:?}"));
        }
        if let Some(fit) = label["cause"].as_str().and_then(reasons_for) {
            let got = d.recipients().first().map(|r| r.classification().reason().id());
            let ok = got.is_some_and(|g| fit.contains(&g));
            s.reasons_of += 1;
            s.reasons += usize::from(ok);
            if !ok {
                s.misses.push(format!("{file}: reason {got:?}, labelled {}", label["cause"]));
            }
        }
    }
    s
}

/// Every `sample:<corpus>/<file>` the catalogue (`codes.toml` and `codes/`) cites names a file
/// of `folder`.
pub(crate) fn cited_samples_exist(corpus: &str, folder: &Path) {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let mut catalogue = std::fs::read_to_string(root.join("codes.toml")).unwrap();
    for dir in ["codes", "codes/providers"] {
        for entry in std::fs::read_dir(root.join(dir)).unwrap() {
            let path = entry.unwrap().path();
            if path.extension().is_some_and(|e| e == "toml") {
                catalogue.push_str(&std::fs::read_to_string(path).unwrap());
            }
        }
    }
    let prefix = format!("sample:{corpus}/");
    let cited: Vec<&str> = catalogue
        .match_indices(&prefix)
        .map(|(at, m)| {
            let rest = &catalogue[at + m.len()..];
            &rest[..rest.find([' ', '"', ';', ')']).unwrap_or(rest.len())]
        })
        .collect();
    assert!(!cited.is_empty(), "no {prefix} sample is cited");
    for file in cited {
        assert!(folder.join(file).is_file(), "{prefix}{file} is not a message of {}", folder.display());
    }
}
