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

#[test]
fn a_bare_cr_ends_a_line_also_across_reads() {
    for capacity in [1, 2, 3, 1024] {
        let got = collect(b"one\rtwo\r\nthree\r\rfour\r", capacity);
        let lines: Vec<&[u8]> = got.iter().map(|(_, l, _)| l.as_slice()).collect();
        assert_eq!(lines, [&b"one"[..], b"two", b"three", b"", b"four"], "capacity {capacity}");
    }
}

#[test]
fn gzip_and_byte_order_marks_are_sniffed_over_short_reads() {
    use std::io::{Read, Write};
    /// Hands out one byte per read, as a slow pipe may.
    struct Trickle(Cursor<Vec<u8>>);
    impl Read for Trickle {
        fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
            let n = buf.len().min(1);
            self.0.read(&mut buf[..n])
        }
    }
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
    gz.write_all(b"\xef\xbb\xbf550 5.1.1 x\n").unwrap();
    let mut text = Vec::new();
    super::decoded(Trickle(Cursor::new(gz.finish().unwrap())), "-").unwrap().read_to_end(&mut text).unwrap();
    assert_eq!(text, b"550 5.1.1 x\n");
    // Without gzip: the marks are told from the first bytes, however few each read gives.
    let utf16: Vec<u8> =
        b"\xff\xfe".iter().copied().chain("550 \u{e9}".encode_utf16().flat_map(u16::to_le_bytes)).collect();
    for (input, want) in [
        (&b"\xef\xbb\xbf550 5.1.1 x"[..], &b"550 5.1.1 x"[..]),
        (&utf16, "550 \u{e9}".as_bytes()),
        (b"55", b"55"),
        (b"", b""),
    ] {
        let mut text = Vec::new();
        super::decoded(Trickle(Cursor::new(input.to_vec())), "-").unwrap().read_to_end(&mut text).unwrap();
        assert_eq!(text, want, "{input:?}");
    }
}

/// The line reader against a model: the input split at `\r\n`, `\r` and `\n`, a last empty
/// piece dropped, each line cut at the limit.
mod props {
    use std::io::{BufReader, Cursor, Read, Write};

    use proptest::prelude::*;

    use super::super::{Lines, decoded};

    fn model(input: &[u8]) -> Vec<Vec<u8>> {
        let mut lines = Vec::new();
        let mut current = Vec::new();
        let mut i = 0;
        while i < input.len() {
            match input[i] {
                b'\n' => lines.push(std::mem::take(&mut current)),
                b'\r' => {
                    lines.push(std::mem::take(&mut current));
                    if input.get(i + 1) == Some(&b'\n') {
                        i += 1;
                    }
                }
                b => current.push(b),
            }
            i += 1;
        }
        if !current.is_empty() {
            lines.push(current);
        }
        lines
    }

    /// Bytes rich in line breaks, byte order marks and gzip magic.
    fn bytes(max: usize) -> impl Strategy<Value = Vec<u8>> {
        let piece = prop_oneof![
            Just(b"\r".to_vec()),
            Just(b"\n".to_vec()),
            Just(b"\r\n".to_vec()),
            Just(b"\xef\xbb\xbf".to_vec()),
            Just(b"\xff\xfe".to_vec()),
            Just(b"\x1f\x8b".to_vec()),
            Just(b"550 5.1.1 user unknown".to_vec()),
            proptest::collection::vec(any::<u8>(), 0..8),
        ];
        proptest::collection::vec(piece, 0..max).prop_map(|p| p.concat())
    }

    fn lines_match_the_model(input: &[u8], capacity: usize) -> Result<(), TestCaseError> {
        let mut lines = Lines::new(BufReader::with_capacity(capacity, Cursor::new(input)));
        let mut got = Vec::new();
        while let Some(line) = lines.next_line().unwrap() {
            prop_assert_eq!(line.number, got.len() as u64 + 1);
            prop_assert!(!line.truncated);
            got.push(line.bytes.to_vec());
        }
        prop_assert_eq!(got, model(input));
        Ok(())
    }

    /// Whatever the bytes, the input layer reads them without panicking, and gzip content comes
    /// out as it went in.
    fn decoding_never_fails_on_text(input: &[u8]) -> Result<(), TestCaseError> {
        let mut out = Vec::new();
        // Plain bytes may be a broken gzip stream (an error) but never a panic.
        if let Ok(mut r) = decoded(Cursor::new(input.to_vec()), "-") {
            let _ = r.read_to_end(&mut out);
        }
        let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
        gz.write_all(b"x").unwrap();
        gz.write_all(input).unwrap();
        let mut back = Vec::new();
        decoded(Cursor::new(gz.finish().unwrap()), "-").unwrap().read_to_end(&mut back).unwrap();
        let mut want = b"x".to_vec();
        want.extend_from_slice(input);
        prop_assert_eq!(back, want);
        let _ = smtp_codes_report::ClassifyInput::parse(input);
        Ok(())
    }

    fn utf16_round_trips(text: &str, big_endian: bool) -> Result<(), TestCaseError> {
        let mut input = if big_endian { b"\xfe\xff".to_vec() } else { b"\xff\xfe".to_vec() };
        for unit in text.encode_utf16() {
            input.extend(if big_endian { unit.to_be_bytes() } else { unit.to_le_bytes() });
        }
        let mut back = Vec::new();
        decoded(Cursor::new(input), "-").unwrap().read_to_end(&mut back).unwrap();
        prop_assert_eq!(String::from_utf8(back).unwrap(), text);
        Ok(())
    }

    proptest! {
        #[test]
        fn lines_as_the_model_says(input in bytes(40), capacity in 1usize..64) {
            lines_match_the_model(&input, capacity)?;
        }

        #[test]
        fn any_bytes_are_decoded_without_panic(input in bytes(40)) {
            decoding_never_fails_on_text(&input)?;
        }

        #[test]
        fn utf16_is_decoded(text in "\\PC{0,40}", big_endian: bool) {
            utf16_round_trips(&text, big_endian)?;
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(200_000))]

        /// The long run of `.ci/run` (a stand-in for cargo fuzz, which needs nightly).
        #[test]
        #[ignore = "long: run by .ci/run with --ignored"]
        fn long_input_layer(input in bytes(200), capacity in 1usize..4096, text in "\\PC{0,80}", big_endian: bool) {
            lines_match_the_model(&input, capacity)?;
            decoding_never_fails_on_text(&input)?;
            utf16_round_trips(&text, big_endian)?;
        }
    }
}
