//! Fuzz target: a `classify --jsonl` input line is either refused with an error or read, and a
//! line that is read gives a context and a record that serialises.
#![no_main]

use libfuzzer_sys::fuzz_target;
use smtp_codes::classify::{Context, explain_with};
use smtp_codes_report::{ClassifyInput, ClassifyRecord, Report};

fuzz_target!(|data: &[u8]| {
    let Ok(input) = ClassifyInput::parse(data) else { return };
    let defaults = Context::default();
    let context = input.context(&defaults);
    let text = input.text().as_bytes();
    let e = explain_with(text, &context);
    let file = serde_json::Value::from("-");
    let record =
        ClassifyRecord::new(input.file().unwrap_or(&file), 1, input.index(), false, Report::new(text, &e, &context));
    serde_json::to_string(&record).expect("a record serialises");
});
