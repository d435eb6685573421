//! Fuzz target: explaining and classifying any bytes never panics, and the report of the
//! output contract always serialises.
#![no_main]

use libfuzzer_sys::fuzz_target;
use smtp_codes::classify::{Context, explain_with};
use smtp_codes_report::{BriefRecord, Explained};

fuzz_target!(|data: &[u8]| {
    let context = Context::default();
    let e = explain_with(data, &context);
    let json = serde_json::to_string(&Explained::new(data, &e, &context)).expect("a report serialises");
    assert!(json.starts_with('{'));
    let file = serde_json::Value::from("-");
    serde_json::to_string(&BriefRecord::new(&file, 1, None, false, &e, &context)).expect("serialises");
});
