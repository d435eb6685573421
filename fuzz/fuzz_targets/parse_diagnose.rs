//! Fuzz target: the wire parser and the free-text diagnoser never panic on any bytes, and the
//! wire parser never claims to have read more than it was given.
#![no_main]

use libfuzzer_sys::fuzz_target;
use smtp_codes::parse::{diagnose_bytes, parse_reply, replies};

fuzz_target!(|data: &[u8]| {
    let d = diagnose_bytes(data);
    let _ = d.segments().count();
    let _ = d.warnings().iter().count();
    if let Ok((reply, rest)) = parse_reply(data) {
        assert!(rest.len() <= data.len());
        let _ = (reply.code(), reply.lines().count(), reply.warnings().iter().count());
    }
    for reply in replies(data).take(64) {
        let _ = reply;
    }
});
