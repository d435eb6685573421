//! Tests of the source grammar: accepted and rejected references, one rule each.

use super::{Kind, parse, sisimai_samples};

fn kinds(source: &str) -> Vec<Kind> {
    match parse(source) {
        Ok(refs) => refs.iter().map(|r| r.kind).collect(),
        Err(err) => panic!("{source:?} was rejected: {err}"),
    }
}

fn rejected(source: &str) -> String {
    match parse(source) {
        Ok(refs) => panic!("{source:?} was accepted as {refs:?}"),
        Err(err) => err.to_string(),
    }
}

#[test]
fn rfc_sections_and_appendices_are_accepted() {
    assert_eq!(kinds("RFC 5321 §4.2.3"), [Kind::Rfc]);
    assert_eq!(kinds("RFC 3463 §3"), [Kind::Rfc]);
    assert_eq!(kinds("RFC 5321 §4.2.3; RFC 5321 §4.3.2"), [Kind::Rfc, Kind::Rfc]);
    assert_eq!(kinds("RFC 3463 Appendix A"), [Kind::Rfc]);
    assert_eq!(kinds("RFC 1985 Appendix B.1"), [Kind::Rfc]);
    assert_eq!(kinds("RFC 4954 §6 (Authentication credentials invalid)"), [Kind::Rfc]);
}

#[test]
fn rfc_without_a_section_is_rejected() {
    assert!(rejected("RFC 5321").contains("§<section>"));
    rejected("RFC 5321 §");
    rejected("RFC 5321 §4.");
    rejected("RFC 5321 §4.2a");
    rejected("RFC 5321 section 4.2");
    rejected("RFC five §1");
    rejected("RFC 3463 Appendix");
    rejected("RFC 3463 Appendix ab");
}

#[test]
fn the_registry_is_accepted_only_by_its_exact_name() {
    assert_eq!(kinds("IANA SMTP Enhanced Status Codes registry"), [Kind::Iana]);
    assert_eq!(kinds("IANA SMTP Enhanced Status Codes registry; RFC 3463 §3.3"), [Kind::Iana, Kind::Rfc]);
    assert_eq!(kinds("IANA SMTP Enhanced Status Codes registry (read 2026-02-12)"), [Kind::Iana]);
    assert!(rejected("IANA registry").contains("exactly"));
    rejected("IANA SMTP Enhanced Status Codes Registry");
}

#[test]
fn urls_must_name_a_page() {
    assert_eq!(kinds("https://support.google.com/a/answer/3726730"), [Kind::Url]);
    assert_eq!(kinds("https://support.google.com/a/answer/3726730 (read 2026-02-12)"), [Kind::Url]);
    assert_eq!(kinds("http://help.yahoo.com/kb/index?page=content&id=SLN3436"), [Kind::Url]);
    assert_eq!(kinds("https://example.com?id=1"), [Kind::Url]);
    assert!(rejected("https://techcommunity.microsoft.com").contains("bare domain"));
    rejected("https://techcommunity.microsoft.com/");
    rejected("https://techcommunity.microsoft.com (Outlook requirements, 2025)");
    rejected("techcommunity.microsoft.com");
    rejected("support.google.com/a/answer/3726730 as archived 2024-08-12");
    rejected("https:///path");
    rejected("https://localhost/path");
}

#[test]
fn repository_files_need_a_commit_or_a_release_tag() {
    assert_eq!(kinds("sisimai/rb-sisimai:lib/sisimai/rhost/google.rb@9c4a184"), [Kind::Repository]);
    assert_eq!(
        kinds("sisimai/p5-sisimai:lib/Sisimai/Reason/UserUnknown.pm@v4.25.15 (the $index list)"),
        [Kind::Repository]
    );
    assert_eq!(kinds("a/b:c@0123456789abcdef0123456789abcdef01234567"), [Kind::Repository]);
    rejected("sisimai/rb-sisimai:lib/sisimai/rhost/google.rb");
    rejected("sisimai/rb-sisimai:lib/sisimai/rhost/google.rb (commit 9c4a184)");
    rejected("sisimai/rb-sisimai:lib/sisimai/rhost/google.rb@9c4a18");
    rejected("sisimai/rb-sisimai:lib/sisimai/rhost/google.rb@9C4A184");
    rejected("sisimai/rb-sisimai:lib/sisimai/rhost/google.rb@0123456789abcdef0123456789abcdef012345678");
    rejected("sisimai/rb-sisimai:lib/sisimai/rhost/google.rb@main");
    rejected("sisimai/rb-sisimai:lib/sisimai/rhost/google.rb@v4.x");
    rejected("rb-sisimai:lib/google.rb@9c4a184");
    rejected("sisimai/rb-sisimai:@9c4a184");
}

#[test]
fn samples_name_a_corpus() {
    assert_eq!(kinds("sample:sisimai/bsd/lhost-postfix-01.eml"), [Kind::Sample]);
    assert_eq!(kinds("sample:flufl/hotpop_01.txt (the DSN's Diagnostic-Code)"), [Kind::Sample]);
    rejected("sample:other/file.eml");
    rejected("sample:sisimai/");
    rejected("sample:sisimai/../secret");
    rejected("sample:flufl/a file.txt");
}

#[test]
fn free_text_is_only_allowed_in_a_note() {
    assert!(rejected("observed").contains("not a reference"));
    rejected("third-party test corpus (low confidence)");
    rejected("Sisimai reason userunknown message patterns; seen in real replies");
    rejected("Sisimai 4.25.15 lib/Sisimai/Reason/MailboxFull.pm");
    rejected("s");
    rejected("");
    rejected("RFC 5321 §4.2.3 and later");
    // The note must end the reference, and parentheses must balance.
    rejected("RFC 5321 §4.2.3 (a note) RFC 5321 §4.3.2");
    rejected("RFC 5321 §4.2.3 (unclosed");
    rejected("RFC 5321 §4.2.3 (empty )");
    rejected("RFC 5321 §4.2.3 ()");
    rejected("RFC 5321 §4.2.3)");
    // One note only.
    rejected("RFC 5321 §4.2.3 (a note) (another)");
    assert_eq!(kinds("RFC 5321 §4.2.3 (a note (with a nested remark))"), [Kind::Rfc]);
}

#[test]
fn references_are_separated_by_a_semicolon_and_a_space() {
    rejected("RFC 5321 §4.2.3;RFC 5321 §4.3.2");
    rejected("RFC 5321 §4.2.3; ");
    rejected("RFC 5321 §4.2.3;  RFC 5321 §4.3.2");
    // A note may hold `; ` and nested parentheses.
    let source = "https://support.google.com/a/answer/3726730 (page 'last updated 2026-02-12'; archived (2026-02-15))";
    assert_eq!(kinds(source), [Kind::Url]);
}

#[test]
fn notes_mark_secondary_sources() {
    let refs = parse("https://bentonow.com/smtp-errors/yahoo (secondary: a sender's summary)").unwrap();
    assert!(refs[0].is_secondary());
    assert_eq!(refs[0].target, "https://bentonow.com/smtp-errors/yahoo");
    assert_eq!(refs[0].note, Some("secondary: a sender's summary"));
    let refs = parse("RFC 5321 §4.2.3 (read 2026-02-12)").unwrap();
    assert!(!refs[0].is_secondary());
}

#[test]
fn sisimai_sample_files_are_read_from_the_corpus() {
    let files = sisimai_samples("{\"file\": \"bsd/a.eml\", \"index\": 1}\n{\"file\":\"rfc3464/b.eml\"}\n\n");
    assert!(files.contains("bsd/a.eml") && files.contains("rfc3464/b.eml"));
    assert_eq!(files.len(), 2);
    let refs = parse("sample:sisimai/bsd/a.eml").unwrap();
    assert_eq!(refs[0].sisimai_sample(), Some("bsd/a.eml"));
}
