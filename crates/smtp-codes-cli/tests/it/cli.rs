//! What every command shares: `--color` and `NO_COLOR`, a closed pipe, usage errors, shell
//! completions and man pages.

use std::io::{BufRead, BufReader, Write};
use std::process::Stdio;

use super::{command, has_escape_codes, run, stderr, stdout, temp_dir};

const REPLY: &str = "550 5.1.1 <bob@example.org>: User unknown";

#[test]
fn color_always_colours_even_in_a_pipe_and_with_no_color() {
    for args in [
        &["--color", "always", "explain", REPLY][..],
        &["explain", "--color", "always", REPLY],
        &["--color", "always", "lookup", "550"],
        &["--color", "always", "list", "reasons"],
        &["--color", "always", "search", "mailbox"],
    ] {
        let o = run(args);
        assert!(o.status.success(), "{args:?}: {}", stderr(&o));
        assert!(has_escape_codes(&stdout(&o)), "{args:?}");
    }
}

#[test]
fn no_color_never_and_pipes_stay_plain() {
    for args in [
        &["explain", REPLY][..],
        &["--color", "never", "explain", REPLY],
        &["--color", "auto", "lookup", "550"],
        &["list", "reasons"],
    ] {
        let o = run(args);
        assert!(o.status.success(), "{args:?}: {}", stderr(&o));
        assert!(!has_escape_codes(&stdout(&o)), "{args:?}");
    }
    // Without NO_COLOR, `auto` still sees a pipe.
    let o = command(&["explain", REPLY]).env_remove("NO_COLOR").stdin(Stdio::null()).output().unwrap();
    assert!(!has_escape_codes(&stdout(&o)));
}

#[test]
fn json_is_never_coloured() {
    for args in [
        &["--color", "always", "explain", "--json", REPLY][..],
        &["--color", "always", "lookup", "--json", "550"],
        &["--color", "always", "list", "--json"],
        &["--color", "always", "search", "--json", "mailbox"],
    ] {
        let o = run(args);
        assert!(o.status.success(), "{args:?}: {}", stderr(&o));
        assert!(!has_escape_codes(&stdout(&o)), "{args:?}");
    }
}

#[test]
fn a_closed_pipe_ends_quietly_with_status_0() {
    let dir = temp_dir("cli-closed-pipe");
    let path = dir.join("many.txt");
    let mut file = std::fs::File::create(&path).unwrap();
    for _ in 0..100_000 {
        writeln!(file, "{REPLY}").unwrap();
    }
    drop(file);
    let mut child = command(&["classify", path.to_str().unwrap()])
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut first = String::new();
    BufReader::new(child.stdout.take().unwrap()).read_line(&mut first).unwrap();
    assert!(first.starts_with('{'));
    // The reader is dropped here: the pipe closes while the binary is still writing.
    let output = child.wait_with_output().unwrap();
    assert_eq!(output.status.code(), Some(0), "{}", String::from_utf8_lossy(&output.stderr));
    assert!(output.stderr.is_empty(), "no message for a closed pipe: {}", String::from_utf8_lossy(&output.stderr));
}

#[test]
fn usage_errors_exit_2() {
    for args in [&[][..], &["frobnicate"], &["--color", "sometimes", "list"], &["list", "--limit", "3"]] {
        let o = run(args);
        assert_eq!(o.status.code(), Some(2), "{args:?}");
        assert!(!stderr(&o).is_empty());
    }
    let o = run(&["--help"]);
    assert!(o.status.success());
    for name in ["explain", "lookup", "list", "search", "classify", "completions", "man"] {
        assert!(stdout(&o).contains(name), "--help lists {name}");
    }
}

#[test]
fn completions_for_every_shell() {
    for shell in ["bash", "zsh", "fish", "elvish", "powershell"] {
        let o = run(&["completions", shell]);
        assert!(o.status.success(), "{shell}: {}", stderr(&o));
        let script = stdout(&o);
        assert!(script.contains("smtp-codes") || script.contains("smtp__codes"), "{shell}");
        assert!(script.contains("classify"), "{shell}: subcommands are completed");
    }
    let o = run(&["completions", "tcsh"]);
    assert_eq!(o.status.code(), Some(2));
}

#[test]
fn man_pages_for_the_binary_and_its_commands() {
    let o = run(&["man"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let page = stdout(&o);
    assert!(page.contains(".TH smtp-codes 1"), "{page}");
    assert!(page.contains("classify"));
    let o = run(&["man", "explain"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let page = stdout(&o);
    assert!(page.contains(".TH smtp-codes-explain 1"), "{page}");
    assert!(page.contains("remote\\-host"), "{page}");
    let o = run(&["man", "nosuch"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("no command \"nosuch\""), "{}", stderr(&o));
}
