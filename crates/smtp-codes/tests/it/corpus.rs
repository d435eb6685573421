//! The sisimai corpus (`tests/data/sisimai/lines.jsonl` at the workspace root): real diagnostic
//! lines with the codes sisimai found in them.

use smtp_codes::parse::diagnose;
use smtp_codes::{Command, EnhancedCode};

struct Line {
    text: String,
    status: String,
    reply_code: String,
    command: String,
}

fn lines() -> Vec<Line> {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../../tests/data/sisimai/lines.jsonl");
    let data = std::fs::read_to_string(path).expect("the sisimai corpus is in the repository");
    data.lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| {
            let v: serde_json::Value = serde_json::from_str(l).expect("each line is JSON");
            let field = |k: &str| v[k].as_str().unwrap_or_default().to_owned();
            Line {
                text: field("text"),
                status: field("status"),
                reply_code: field("reply_code"),
                command: field("command"),
            }
        })
        .collect()
}

/// Whether `code` occurs in `text` as a token (not inside a longer number).
fn contains_token(text: &str, code: &str) -> bool {
    text.match_indices(code).any(|(i, _)| {
        let before = text[..i].chars().next_back();
        let after = text[i + code.len()..].chars().next();
        let glued_before = before.is_some_and(|c| c.is_ascii_digit() || c == '.');
        let glued_after = after.is_some_and(|c| c.is_ascii_digit())
            || (after == Some('.') && text[i + code.len() + 1..].starts_with(|c: char| c.is_ascii_digit()));
        !glued_before && !glued_after
    })
}

#[test]
fn enhanced_codes_agree_with_sisimai() {
    let lines = lines();
    assert!(lines.len() > 300, "the corpus has {} lines", lines.len());
    let mut checked = 0;
    let mut misses = Vec::new();
    for line in &lines {
        if line.status.is_empty() || !contains_token(&line.text, &line.status) {
            continue;
        }
        let expected: EnhancedCode = line.status.parse().expect("sisimai's status is a code");
        checked += 1;
        let found = diagnose(&line.text).enhanced_code();
        if found != Some(expected) {
            misses.push(format!("expected {expected}, found {found:?}: {}", line.text));
        }
    }
    let share = (checked - misses.len()) as f64 / checked as f64;
    println!("enhanced code: {} of {checked} agree ({:.1}%)", checked - misses.len(), share * 100.0);
    for miss in &misses {
        println!("  miss: {miss}");
    }
    assert!(share >= 0.97, "only {:.1}% agree", share * 100.0);
}

#[test]
fn reply_codes_agree_with_sisimai() {
    let lines = lines();
    let mut checked = 0;
    let mut misses = Vec::new();
    for line in &lines {
        if line.reply_code.is_empty() || !contains_token(&line.text, &line.reply_code) {
            continue;
        }
        checked += 1;
        let found = diagnose(&line.text).reply_code();
        if found.map(|c| c.to_string()) != Some(line.reply_code.clone()) {
            misses.push(format!("expected {}, found {found:?}: {}", line.reply_code, line.text));
        }
    }
    let share = (checked - misses.len()) as f64 / checked as f64;
    println!("reply code: {} of {checked} agree ({:.1}%)", checked - misses.len(), share * 100.0);
    for miss in &misses {
        println!("  miss: {miss}");
    }
    assert!(share >= 0.95, "only {:.1}% agree", share * 100.0);
}

#[test]
fn commands_agree_with_sisimai_where_the_text_names_one() {
    let mut named = 0;
    let mut wrong = Vec::new();
    for line in lines() {
        let Some(found) = diagnose(&line.text).command() else { continue };
        named += 1;
        let expected = match line.command.as_str() {
            "" => continue,
            "DATA" => [Command::Data, Command::DataEnd].contains(&found),
            other => Command::from_name(other) == Some(found),
        };
        if !expected {
            wrong.push(format!("sisimai {}, found {found}: {}", line.command, line.text));
        }
    }
    println!("commands named in {named} lines; {} disagree", wrong.len());
    for w in &wrong {
        println!("  {w}");
    }
    assert!(wrong.is_empty());
}
