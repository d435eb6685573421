//! The classifier reads a text in one pass: its automaton finds the command the text names while
//! it looks for phrases, and judges phrases bound to a command stage once that command is known.
//! These tests hold that pass to the two-step path it replaces (`diagnose_bytes`, then
//! `classify_diagnosis`), including texts that name the command after the phrase and texts with
//! more stage-bound phrases than the pass keeps.

use proptest::prelude::*;
use smtp_codes::Command;
use smtp_codes::classify::{Classifier, Context, shared};
use smtp_codes::parse::diagnose_bytes;

/// Classifies `text` both ways and checks that the answers and the command agree.
fn same_both_ways(classifier: &Classifier, text: &[u8], context: &Context<'_>) {
    let diagnosis = diagnose_bytes(text);
    let two_step = classifier.classify_diagnosis(text, &diagnosis, context);
    assert_eq!(classifier.classify(text, context), two_step, "{:?}", String::from_utf8_lossy(text));
    let explanation = classifier.explain(text, context);
    assert_eq!(explanation.diagnosis(), &diagnosis, "{:?}", String::from_utf8_lossy(text));
    assert_eq!(explanation.classification(), Some(&two_step));
}

#[test]
fn a_command_named_after_the_phrase_still_decides_a_stage_bound_rule() {
    // "unknown user" has rules bound to DATA and DATA-END besides its general one.
    let text = b"550 5.1.1 unknown user (in reply to end of DATA command)";
    let c = shared().classify(text, &Context::default());
    let two_step = shared().classify_diagnosis(text, &diagnose_bytes(text), &Context::default());
    assert_eq!(c, two_step);
    assert_eq!(shared().explain(text, &Context::default()).diagnosis().command(), Some(Command::DataEnd));
}

#[test]
fn more_stage_bound_phrases_than_the_pass_keeps() {
    let mut text = b"550 5.1.1 ".to_vec();
    for _ in 0..40 {
        text.extend_from_slice(b"unknown user; invalid recipient; ");
    }
    text.extend_from_slice(b"(in reply to end of DATA command)");
    for command in [None, Some(Command::Rcpt), Some(Command::DataEnd)] {
        same_both_ways(shared(), &text, &Context::new().with_command(command));
    }
}

#[test]
fn the_first_command_named_wins_whatever_order_the_automaton_reports() {
    // `after end of data` starts before `[RCPT_TO]` but ends after its start; a tag's bracket may
    // touch the word before it; a name must end a word.
    for text in [
        &b"451 after end of data [RCPT_TO] try later"[..],
        b"550 x[rcpt_to] after MAIL FROM:<a@b>",
        b"550 after rcptx; following RCPT command",
        b"550 chafter RCPT TO: no; after pipelined MAIL FROM:<a@b>: 550 sender rejected",
        b"421 while receiving the initial server greeting",
        b">>> DATA\r\n<<< 554 5.7.1 rejected",
    ] {
        same_both_ways(shared(), text, &Context::default());
    }
}

/// Pieces that real replies are made of: codes, phrases of every kind (some bound to a command
/// stage), command introducers and names, tags, punctuation and non-ASCII bytes.
fn piece() -> impl Strategy<Value = &'static str> {
    prop::sample::select(vec![
        "550 ",
        "5.1.1 ",
        "452 4.2.2 ",
        "250 2.0.0 ",
        "unknown user",
        "invalid recipient",
        "user unknown",
        "mailbox full",
        "sender verify failed",
        "queued as ",
        "in reply to ",
        "after ",
        "after pipelined ",
        "while sending ",
        ">>> ",
        "following ",
        "RCPT TO",
        "rcpt",
        "MAIL FROM",
        "end of data",
        "DATA",
        "data",
        "EHLO",
        "message body",
        "initial connection",
        "[RCPT_TO]",
        "[mail_from]",
        "initial server greeting",
        " command)",
        " ",
        ":",
        "<a@b>",
        "x",
        "é",
        "\u{fffd}",
        "(",
        ")",
        "gsmtp",
        "[TS03]",
        "permanently deferred",
    ])
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 2000, ..ProptestConfig::default() })]

    #[test]
    fn one_pass_agrees_with_two_steps(pieces in prop::collection::vec(piece(), 0..24), command in prop::option::of(prop::sample::select(vec![Command::Rcpt, Command::Mail, Command::Data, Command::DataEnd]))) {
        let text = pieces.concat();
        same_both_ways(shared(), text.as_bytes(), &Context::new().with_command(command));
    }
}
