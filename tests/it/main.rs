//! Cross-crate integration tests: one binary, one module per concern.

mod bmh;
mod classify;
mod heldout;
mod iana;
mod oracle;
mod phrase_truth;
mod provider_truth;
mod rules;
mod sisimai_lists;
mod who_acts;
mod zonemta;

use std::path::{Path, PathBuf};

use toml::{Table, Value};

/// The workspace root, where `codes.toml` and `data/` live.
fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).parent().unwrap().to_path_buf()
}

/// The whole catalogue as one generic TOML table: `codes.toml`, with the tables of each file it
/// lists in `include` appended in that order. This reads the files on its own, without the
/// generator's structs, so that the oracle tests check the generator rather than repeat it.
fn catalogue() -> Table {
    let read = |path: &str| -> Table {
        let text = std::fs::read_to_string(root().join(path)).unwrap_or_else(|e| panic!("{path}: {e}"));
        text.parse().unwrap_or_else(|e| panic!("{path}: {e}"))
    };
    let mut catalogue = read("codes.toml");
    let includes = catalogue.remove("include").map(|v| v.as_array().unwrap().clone()).unwrap_or_default();
    for include in includes {
        for (key, value) in read(include.as_str().unwrap()) {
            let Value::Array(entries) = value else { panic!("{include}: `{key}` is not a table array") };
            match catalogue.entry(key).or_insert_with(|| Value::Array(Vec::new())) {
                Value::Array(all) => all.extend(entries),
                other => panic!("`{other}` is not a table array"),
            }
        }
    }
    catalogue
}

/// How many of the texts of a JSON Lines file of labelled replies (`data/NAME`, its `text` and
/// its `category` key) get a reason of this project that `covers` says the category holds, out of
/// those whose category it scores; each miss is printed with `label`. Each text is classified
/// alone, as a pasted reply.
fn category_scores(
    name: &str,
    category_key: &str,
    covers: fn(&str) -> Option<&'static [&'static str]>,
    label: &str,
) -> (usize, usize) {
    use smtp_codes::classify::{Context, classify};
    let path = root().join("tests/data").join(name);
    let (mut right, mut total) = (0, 0);
    for line in std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display())).lines() {
        let entry: serde_json::Value = serde_json::from_str(line).unwrap_or_else(|e| panic!("{line}: {e}"));
        let category = entry[category_key].as_str().unwrap_or_else(|| panic!("no {category_key}: {line}"));
        let Some(ours) = covers(category) else { continue };
        let text = entry["text"].as_str().unwrap_or_else(|| panic!("no text: {line}"));
        total += 1;
        let got = classify(text, &Context::default()).reason().id();
        if ours.contains(&got) {
            right += 1;
        } else {
            eprintln!("{label} miss: {category} got {got}: {}", text.replace('\n', " | "));
        }
    }
    (right, total)
}
