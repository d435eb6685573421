//! Tidy tests over the whole repository: every source file says what it is for, no document
//! points outside the repository, and the README's JSON field tables agree with `docs/json.md`
//! (which the report crate's tests check against the real types).

use std::collections::BTreeSet;
use std::fs;
use std::path::{Path, PathBuf};

/// The folders whose files are checked; `target` and `.git` are never walked.
const ROOTS: &[&str] = &["crates", "xtask", "tests", "docs", "data", "README.md", "codes.toml", "codes", ".ci"];

/// Every file under the checked roots, sorted.
fn files(root: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut todo: Vec<PathBuf> = ROOTS.iter().map(|r| root.join(r)).filter(|p| p.exists()).collect();
    while let Some(path) = todo.pop() {
        if path.is_dir() {
            let name = path.file_name().and_then(|n| n.to_str()).unwrap_or_default();
            if name == "target" || name.starts_with('.') && name != ".ci" {
                continue;
            }
            for entry in fs::read_dir(&path).unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display())) {
                todo.push(entry.expect("a directory entry").path());
            }
        } else {
            out.push(path);
        }
    }
    out.sort();
    out
}

fn relative(root: &Path, path: &Path) -> String {
    path.strip_prefix(root).unwrap_or(path).display().to_string()
}

fn has_extension(path: &Path, ext: &str) -> bool {
    path.extension().is_some_and(|e| e == ext)
}

/// The problems of every file, one line each.
fn problems(root: &Path, check: impl Fn(&Path, &str) -> Vec<String>) -> Vec<String> {
    let mut found = Vec::new();
    for path in files(root) {
        let Ok(text) = fs::read_to_string(&path) else { continue };
        for problem in check(&path, &text) {
            found.push(format!("{}: {problem}", relative(root, &path)));
        }
    }
    found
}

#[test]
fn every_source_file_opens_with_a_doc_line() {
    let root = crate::project_root();
    let found = problems(&root, |path, text| {
        if !has_extension(path, "rs") {
            return Vec::new();
        }
        // A generated file opens with its marker, then the doc line.
        let first = text.lines().find(|l| !l.starts_with("// \x40generated")).unwrap_or_default();
        if first.starts_with("//!") { Vec::new() } else { vec![format!("opens with {first:?}, not a `//!` line")] }
    });
    assert!(found.is_empty(), "files without a `//!` line saying what they are for:\n{}", found.join("\n"));
}

/// The links of a Markdown text, `[text](target)`, as (line number, target).
fn markdown_links(text: &str) -> Vec<(usize, &str)> {
    let mut links = Vec::new();
    for (n, line) in text.lines().enumerate() {
        let mut rest = line;
        while let Some(i) = rest.find("](") {
            let after = &rest[i + 2..];
            let Some(end) = after.find(')') else { break };
            links.push((n + 1, &after[..end]));
            rest = &after[end..];
        }
    }
    links
}

/// What a link target is wrong for, if anything: it leaves the repository, names a file that is
/// not there, or is a package registry's address (crates are named by name or docs.rs page).
fn bad_link(root: &Path, file: &Path, target: &str) -> Option<String> {
    if target.contains("crates.io/crates") || target.contains("lib.rs/crates") {
        return Some(format!("{target}: name the crate or link its docs.rs page, not a registry address"));
    }
    if target.contains("://") || target.starts_with('#') || target.starts_with("mailto:") {
        return None;
    }
    let path = target.split('#').next().unwrap_or_default();
    let resolved = file.parent().unwrap_or(root).join(path);
    let Ok(resolved) = resolved.canonicalize() else {
        return Some(format!("{target}: no such file in the repository"));
    };
    let root = root.canonicalize().expect("the root exists");
    (!resolved.starts_with(&root)).then(|| format!("{target}: points outside the repository"))
}

#[test]
fn no_document_points_outside_the_repository() {
    let root = crate::project_root();
    let found = problems(&root, |path, text| {
        let mut found = Vec::new();
        // This file spells the patterns it looks for.
        if path.ends_with("xtask/src/tidy.rs") {
            return found;
        }
        // Sample messages are data: their attachments' names (`pd75019146383.md`) are theirs.
        if has_extension(path, "eml") {
            return found;
        }
        if has_extension(path, "md") {
            for (line, target) in markdown_links(text) {
                if let Some(problem) = bad_link(&root, path, target) {
                    found.push(format!("line {line}: {problem}"));
                }
            }
        }
        // Commands and paths that only exist beside this checkout, and files (not URLs) that do not
        // exist, in any text: docs, comments, sources of catalogue entries.
        for (n, line) in text.lines().enumerate() {
            if line.contains("../shared/") || line.contains("../.library") {
                found.push(format!("line {}: refers to a folder outside the repository", n + 1));
            }
            for word in line.split(|c: char| !(c.is_ascii_alphanumeric() || "_-./".contains(c))) {
                let word = word.trim_end_matches('.');
                let named_file = word.ends_with(".md") || word.ends_with(".csv");
                // `owner/repo:path/FILE.md@commit` cites another repository's file (the source
                // format of xtask/src/source.rs), not one of this repository.
                let cited = line.contains(&format!("{word}@"));
                if named_file && !cited && !word.starts_with("//") && !markdown_exists(&root, path, word) {
                    found.push(format!("line {}: names {word}, which is not in the repository", n + 1));
                }
            }
        }
        found
    });
    assert!(found.is_empty(), "links and references that lead nowhere in the repository:\n{}", found.join("\n"));
}

/// Whether a document or data file named in a text exists: beside the file, from the root, or
/// by its file name anywhere in the repository (`README.md`).
fn markdown_exists(root: &Path, file: &Path, name: &str) -> bool {
    let beside = file.parent().map(|p| p.join(name));
    beside.is_some_and(|p| p.exists()) || root.join(name).exists() || {
        let base = Path::new(name).file_name();
        files(root).iter().any(|f| f.file_name() == base)
    }
}

/// The backquoted first-column names of the Markdown table that follows `heading` in `text`
/// (the first table after it).
fn table_fields(text: &str, heading: &str) -> Vec<String> {
    let start = text.find(heading).unwrap_or_else(|| panic!("no {heading:?}"));
    let mut fields = Vec::new();
    let mut in_table = false;
    for line in text[start..].lines().skip(1) {
        if let Some(cell) = line.strip_prefix("| `") {
            in_table = true;
            if let Some((field, _)) = cell.split_once('`') {
                fields.push(field.to_owned());
            }
        } else if line.starts_with('|') {
            in_table = true;
        } else if in_table {
            break;
        }
    }
    fields
}

/// A record's fields as `docs/json.md` lists them, `...other` rows expanded.
fn json_md_fields(json_md: &str, record: &str) -> BTreeSet<String> {
    let mut set = BTreeSet::new();
    for field in table_fields(json_md, &format!("<!-- record: {record} -->")) {
        match field.strip_prefix("...") {
            Some(other) => set.extend(json_md_fields(json_md, other)),
            None => {
                set.insert(field);
            }
        }
    }
    set
}

#[test]
fn readme_json_tables_match_the_contract() {
    let root = crate::project_root();
    let readme = fs::read_to_string(root.join("README.md")).expect("README.md");
    let json_md = fs::read_to_string(root.join("docs/json.md")).expect("docs/json.md");
    let explain: BTreeSet<String> = table_fields(&readme, "`explain --json` prints one object").into_iter().collect();
    assert_eq!(explain, json_md_fields(&json_md, "explained"), "README's explain --json table against docs/json.md");
    // The classify table lists the record's own fields, then a "..." row for the report's.
    let classify: BTreeSet<String> =
        table_fields(&readme, "Output is JSON Lines, one record per line").into_iter().collect();
    let mut own = json_md_fields(&json_md, "classify-record");
    for field in json_md_fields(&json_md, "report") {
        own.remove(&field);
    }
    assert_eq!(classify, own, "README's classify table against docs/json.md");
}
