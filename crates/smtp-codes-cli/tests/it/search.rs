//! `smtp-codes search`: ranking, every kind of entry, JSON Lines, limits and "nothing found".

use smtp_codes::classify::{PROVIDER_REPLIES, Reason};

use super::{json_lines, run, stderr, stdout};

#[test]
fn words_in_titles_rank_first() {
    let o = run(&["search", "mailbox", "full"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let text = stdout(&o);
    assert!(text.starts_with("KIND"), "{text}");
    let first = text.lines().nth(1).unwrap();
    assert!(first.contains("X.2.2") && first.contains("Mailbox full"), "{text}");
    insta::assert_snapshot!(text);
}

#[test]
fn a_code_is_found_by_its_number() {
    let o = run(&["search", "--json", "5.7.26"]);
    let lines = json_lines(&o);
    assert_eq!(lines[0]["kind"], "enhanced");
    assert_eq!(lines[0]["code"], "X.7.26");
    assert!(lines[0]["score"].as_u64().unwrap() >= 10);
    let o = run(&["search", "--json", "550"]);
    let lines = json_lines(&o);
    assert!(lines.iter().any(|l| l["kind"] == "reply" && l["code"] == 550));
    let scores: Vec<u64> = lines.iter().map(|l| l["score"].as_u64().unwrap()).collect();
    assert!(scores.windows(2).all(|w| w[0] >= w[1]), "best first: {scores:?}");
}

#[test]
fn reasons_and_vendor_texts_are_searched() {
    let reason = Reason::ALL[0];
    let o = run(&["search", "--json", reason.id()]);
    let lines = json_lines(&o);
    assert_eq!(lines[0]["kind"], "reason", "{lines:#?}");
    assert_eq!(lines[0]["id"], reason.id());

    let reply = &PROVIDER_REPLIES[0];
    let o = run(&["search", "--json", "--limit", "0", reply.match_text()]);
    let lines = json_lines(&o);
    assert!(
        lines
            .iter()
            .any(|l| l["kind"] == "vendor" && l["provider"] == reply.provider().id() && l["text"] == reply.text()),
        "{lines:#?}"
    );
}

#[test]
fn every_word_must_match() {
    let o = run(&["search", "mailbox", "zzzyzzy"]);
    assert!(o.status.success());
    assert!(stdout(&o).is_empty());
    assert!(stderr(&o).contains("no catalogue entry matches mailbox zzzyzzy"), "{}", stderr(&o));
}

#[test]
fn fail_if_none_exits_1() {
    let o = run(&["search", "--fail-if-none", "zzzyzzy"]);
    assert_eq!(o.status.code(), Some(1));
    let o = run(&["search", "--fail-if-none", "mailbox"]);
    assert_eq!(o.status.code(), Some(0));
}

#[test]
fn limit_caps_the_results() {
    let o = run(&["search", "--json", "--limit", "2", "mail"]);
    assert_eq!(json_lines(&o).len(), 2);
    assert!(stderr(&o).contains("more entries match"), "{}", stderr(&o));
    let all = json_lines(&run(&["search", "--json", "--limit", "0", "mail"])).len();
    assert!(all > 2);
}

#[test]
fn no_words_is_a_usage_error() {
    let o = run(&["search"]);
    assert_eq!(o.status.code(), Some(2));
    let o = run(&["search", "  "]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("nothing to search for"));
}
