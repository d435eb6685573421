//! Unit tests of the line reader.

use std::io::{BufReader, Cursor};

use super::{Lines, MAX_LINE};

fn collect(input: &[u8], capacity: usize) -> Vec<(u64, Vec<u8>, bool)> {
    let mut lines = Lines::new(BufReader::with_capacity(capacity, Cursor::new(input.to_vec())));
    let mut out = Vec::new();
    while let Some(line) = lines.next_line().unwrap() {
        out.push((line.number, line.bytes.to_vec(), line.truncated));
    }
    out
}

#[test]
fn lines_endings_and_a_last_line_without_a_break() {
    for capacity in [1, 2, 3, 1024] {
        let got = collect(b"one\r\ntwo\n\nthree", capacity);
        assert_eq!(
            got,
            [
                (1, b"one".to_vec(), false),
                (2, b"two".to_vec(), false),
                (3, vec![], false),
                (4, b"three".to_vec(), false)
            ],
            "capacity {capacity}"
        );
    }
    assert!(collect(b"", 16).is_empty());
    assert_eq!(collect(b"\n", 16), [(1, vec![], false)]);
}

#[test]
fn a_line_longer_than_the_limit_is_cut_and_the_next_one_is_whole() {
    let mut input = vec![b'x'; MAX_LINE + 10];
    input.extend_from_slice(b"\nnext\n");
    let got = collect(&input, 4096);
    assert_eq!(got.len(), 2);
    assert_eq!(got[0].1.len(), MAX_LINE);
    assert!(got[0].2);
    assert_eq!(got[1], (2, b"next".to_vec(), false));
}

#[test]
fn invalid_utf8_and_nul_bytes_pass_through() {
    assert_eq!(collect(b"\xff\x00\xfe\n", 16), [(1, b"\xff\x00\xfe".to_vec(), false)]);
}
