//! Unit tests of the output helpers, and a check that the binary's sources never print through
//! the panicking macros.

use super::{Escaped, escape};

#[test]
fn control_characters_are_escaped() {
    assert_eq!(escape("plain text, é and ✓"), "plain text, é and ✓");
    assert_eq!(escape("\x1b]0;owned\x07 title"), "\\x1b]0;owned\\x07 title");
    assert_eq!(escape("a\tb\r\nc\x7f"), "a\\tb\\r\\nc\\x7f");
    assert_eq!(escape("\u{9b}31m \u{202e}txt.exe"), "\\u{9b}31m \\u{202e}txt.exe");
    assert_eq!(Escaped("x\x00y").to_string(), "x\\x00y");
}

/// `println!`, `eprintln!`, `print!` and `eprint!` panic when the write fails (`2>/dev/full`);
/// every message goes through `output::message` instead.
#[test]
fn no_source_file_prints_through_a_panicking_macro() {
    let src = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut stack = vec![src];
    let mut offenders = Vec::new();
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                stack.push(path);
            } else if path.extension().is_some_and(|e| e == "rs") && !path.ends_with("output/tests.rs") {
                let text = std::fs::read_to_string(&path).unwrap();
                let code = text.lines().filter(|l| !l.trim_start().starts_with("//"));
                for line in code {
                    for name in ["println!", "print!(", "eprint!(", "dbg!("] {
                        if line.contains(name) {
                            offenders.push(format!("{}: {}", path.display(), line.trim()));
                        }
                    }
                }
            }
        }
    }
    assert!(offenders.is_empty(), "{offenders:#?}");
}
