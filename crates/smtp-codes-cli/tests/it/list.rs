//! `smtp-codes list`: every kind as a table and as JSON Lines, the filters, cutting to a width,
//! and bad filters.

use smtp_codes::classify::{PROVIDER_REPLIES, Provider, Reason};
use smtp_codes::{KnownEnhanced, KnownReply};

use super::{json_lines, run, stderr, stdout};

fn ok(args: &[&str]) -> String {
    let o = run(args);
    assert!(o.status.success(), "{args:?}: {}", stderr(&o));
    stdout(&o)
}

#[test]
fn reply_codes_by_default_one_row_each() {
    let text = ok(&["list"]);
    assert_eq!(text, ok(&["list", "reply"]));
    let mut lines = text.lines();
    assert!(lines.next().unwrap().starts_with("CODE"), "a header row");
    assert_eq!(lines.count(), KnownReply::ALL.len());
    insta::assert_snapshot!(text);
}

#[test]
fn reply_codes_filtered_by_class_and_second_digit() {
    let text = ok(&["list", "--class", "4"]);
    let rows: Vec<&str> = text.lines().skip(1).collect();
    assert!(!rows.is_empty());
    assert!(rows.iter().all(|r| r.starts_with('4')), "{text}");
    let text = ok(&["list", "reply", "--class", "5", "--subject", "5"]);
    assert!(text.lines().skip(1).all(|r| r.starts_with("55")), "{text}");
}

#[test]
fn enhanced_codes_in_a_class_and_subject() {
    let text = ok(&["list", "enhanced", "--class", "5", "--subject", "7"]);
    let rows: Vec<&str> = text.lines().skip(1).collect();
    assert!(!rows.is_empty());
    assert!(rows.iter().all(|r| r.starts_with("5.7.")), "{text}");
    insta::assert_snapshot!(ok(&["list", "enhanced", "--subject", "2"]));
}

#[test]
fn json_lines_have_the_entry_shapes() {
    let o = run(&["list", "enhanced", "--json"]);
    let lines = json_lines(&o);
    assert_eq!(lines.len(), KnownEnhanced::ALL.len());
    assert!(lines.iter().all(|l| l["code"].as_str().unwrap().starts_with("X.") && l["known"] == true));

    let o = run(&["list", "enhanced", "--json", "--class", "4"]);
    assert!(json_lines(&o).iter().all(|l| l["code"].as_str().unwrap().starts_with("4.") && l["class"]["value"] == 4));

    let o = run(&["list", "reply", "--json"]);
    let lines = json_lines(&o);
    assert_eq!(lines.len(), KnownReply::ALL.len());
    for (line, k) in lines.iter().zip(KnownReply::ALL) {
        assert_eq!((&line["code"], &line["title"]), (&k.code().as_u16().into(), &k.title().into()));
        assert_eq!(line["digits"]["first"]["digit"], k.code().first_digit());
    }
}

#[test]
fn provider_replies_all_and_by_provider() {
    let o = run(&["list", "providers", "--json"]);
    let lines = json_lines(&o);
    assert_eq!(lines.len(), PROVIDER_REPLIES.len());
    for (line, reply) in lines.iter().zip(PROVIDER_REPLIES) {
        assert_eq!(line["provider"], reply.provider().id());
        assert_eq!(line["reason"], reply.reason().id());
        for key in ["provider_title", "reply_code", "enhanced", "text", "match", "meaning", "advice", "docs", "source"]
        {
            assert!(line.get(key).is_some(), "no {key:?} in {line}");
        }
    }
    let provider = Provider::ALL[0];
    let o = run(&["list", "providers", "--provider", provider.id(), "--json"]);
    let lines = json_lines(&o);
    assert_eq!(lines.len(), PROVIDER_REPLIES.iter().filter(|r| r.provider() == provider).count());
    assert!(lines.iter().all(|l| l["provider"] == provider.id()));
    let text = ok(&["list", "providers", "--provider", &provider.id().to_uppercase()]);
    assert!(text.lines().next().unwrap().starts_with("PROVIDER"));
    assert!(text.lines().skip(1).all(|l| l.starts_with(provider.id())), "{text}");
}

#[test]
fn the_old_vendor_names_still_work_but_are_hidden() {
    let provider = Provider::ALL[0];
    let old = run(&["list", "vendors", "--vendor", provider.id(), "--json"]);
    let new = run(&["list", "providers", "--provider", provider.id(), "--json"]);
    assert_eq!(old.status.code(), Some(0), "{}", stderr(&old));
    assert_eq!(old.stdout, new.stdout);
    let help = ok(&["list", "--help"]);
    assert!(help.contains("--provider") && help.contains("providers"), "{help}");
    assert!(!help.contains("vendor"), "the old names are aliases only: {help}");
}

#[test]
fn codes_used_by_a_provider() {
    let provider = PROVIDER_REPLIES[0].provider();
    let o = run(&["list", "reply", "--provider", provider.id(), "--json"]);
    for line in json_lines(&o) {
        let code = line["code"].as_u64().unwrap();
        assert!(
            PROVIDER_REPLIES
                .iter()
                .any(|r| r.provider() == provider && r.reply_code().is_some_and(|c| c == code as u16)),
            "{code}"
        );
    }
}

#[test]
fn reasons_as_table_and_json() {
    let text = ok(&["list", "reasons"]);
    assert!(text.starts_with("REASON"));
    assert_eq!(text.lines().count(), Reason::ALL.len() + 1);
    let o = run(&["list", "reasons", "--json"]);
    let lines = json_lines(&o);
    assert_eq!(lines.len(), Reason::ALL.len());
    for (line, reason) in lines.iter().zip(Reason::ALL) {
        assert_eq!(line["id"], reason.id());
        assert_eq!(line["hard_bounce"], reason.hard_bounce());
        let want = [reason.title(), reason.description(), reason.who_acts().as_str(), reason.action(), reason.source()];
        for (key, want) in ["title", "description", "who_acts", "action", "source"].into_iter().zip(want) {
            assert_eq!(line[key], want, "{key:?} in {line}");
        }
    }
}

#[test]
fn a_width_cuts_long_columns_with_an_ellipsis() {
    let text = ok(&["list", "enhanced", "--width", "60"]);
    assert!(text.lines().all(|l| l.chars().count() <= 60), "{text}");
    assert!(text.contains('…'));
    let whole = ok(&["list", "enhanced", "--width", "0"]);
    assert!(!whole.contains('…'));
    assert_eq!(whole, ok(&["list", "enhanced"]), "a pipe is never cut");
}

#[test]
fn bad_filters_are_usage_errors() {
    for (args, message) in [
        (&["list", "reasons", "--class", "4"][..], "do not apply to `list reasons`"),
        (&["list", "--provider", "nosuchmail"][..], "unknown provider \"nosuchmail\""),
        (&["list", "enhanced", "--class", "3"][..], "no class 3"),
        (&["list", "--class", "7"][..], "--class"),
        (&["list", "widgets"][..], "widgets"),
    ] {
        let o = run(args);
        assert_eq!(o.status.code(), Some(2), "{args:?}");
        assert!(stderr(&o).contains(message), "{args:?}: {}", stderr(&o));
    }
}

#[test]
fn no_match_is_not_an_error() {
    let o = run(&["list", "enhanced", "--subject", "9"]);
    assert!(o.status.success());
    assert!(stdout(&o).is_empty());
    assert!(stderr(&o).contains("no entry matches"));
}
