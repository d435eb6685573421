//! Fuzz target: the command line's line reader (compiled from its own source file) never panics,
//! never keeps more than its limit, and gives back every byte that is not a line break.
#![no_main]

#[allow(dead_code, unreachable_pub)]
#[path = "../../crates/smtp-codes-cli/src/input/lines.rs"]
mod lines;

use std::io::{BufReader, Cursor};

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    // The first byte picks the read buffer's size, so that line breaks fall across reads.
    let Some((&size, input)) = data.split_first() else { return };
    let mut reader = lines::Lines::new(BufReader::with_capacity(usize::from(size) + 1, Cursor::new(input)));
    let mut kept = 0;
    while let Some(line) = reader.next_line().expect("reading memory cannot fail") {
        assert!(line.bytes.len() <= lines::MAX_LINE);
        assert!(!line.bytes.contains(&b'\n') && !line.bytes.contains(&b'\r'));
        kept += line.bytes.len();
    }
    let breaks = input.iter().filter(|&&b| b == b'\n' || b == b'\r').count();
    assert_eq!(kept + breaks, input.len());
});
