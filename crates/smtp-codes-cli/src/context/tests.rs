//! Unit tests of command-name parsing.

use smtp_codes::Command;

use super::parse_command;

#[test]
fn command_names_as_people_write_them() {
    for (text, want) in [
        ("RCPT", Command::Rcpt),
        ("rcpt", Command::Rcpt),
        ("RCPT TO", Command::Rcpt),
        ("rcpt_to", Command::Rcpt),
        ("MAIL FROM:", Command::Mail),
        (" mail ", Command::Mail),
        ("DATA", Command::Data),
        ("DATA-END", Command::DataEnd),
        ("data end", Command::DataEnd),
        ("starttls", Command::StartTls),
        ("connect", Command::Connect),
    ] {
        assert_eq!(parse_command(text), Some(want), "{text:?}");
    }
}

#[test]
fn unknown_or_empty_names_are_none() {
    for text in ["", "  ", "FOO", "RCPT FROM", "MAIL TO X"] {
        assert_eq!(parse_command(text), None, "{text:?}");
    }
}
