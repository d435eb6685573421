//! The grammar of a catalogue `source`: references a reviewer can follow (an RFC section, the
//! IANA registry, a page's URL, a repository file at a commit, a corpus sample), each with an
//! optional note. `cargo xtask codegen` rejects any other text, and the provenance report
//! counts entries by the kind of reference they cite.

use std::collections::HashSet;
use std::fmt;

use crate::model::{Catalogue, Place};

/// The exact text that cites the IANA registry.
pub(crate) const IANA: &str = "IANA SMTP Enhanced Status Codes registry";

/// The corpus whose sample files `sample:sisimai/<path>` may name, relative to the workspace root.
pub(crate) const SISIMAI_CORPUS: &str = "tests/data/sisimai/lines.jsonl";

/// The kind of thing a reference points at, in the order the report prints them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub(crate) enum Kind {
    /// `RFC 5321 §4.2.3`, `RFC 3463 Appendix A`.
    Rfc,
    /// The IANA SMTP Enhanced Status Codes registry.
    Iana,
    /// `https://host/path`: a page.
    Url,
    /// `owner/repo:path@commit`: a file of a repository at a commit or release tag.
    Repository,
    /// `sample:sisimai/...`, `sample:flufl/...` or `sample:crisp/...`: a real message of a test
    /// corpus.
    Sample,
}

impl Kind {
    pub(crate) const ALL: [Kind; 5] = [Kind::Rfc, Kind::Iana, Kind::Url, Kind::Repository, Kind::Sample];

    pub(crate) fn label(self) -> &'static str {
        match self {
            Kind::Rfc => "RFC",
            Kind::Iana => "IANA",
            Kind::Url => "URL",
            Kind::Repository => "repository file",
            Kind::Sample => "sample",
        }
    }
}

/// One reference of a source: what it points at and its note, if any.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Reference<'a> {
    pub(crate) kind: Kind,
    /// The reference without its note: `RFC 5321 §4.2.3`, `sample:sisimai/bsd/lhost-postfix-01.eml`.
    pub(crate) target: &'a str,
    /// The text inside the parentheses, without them.
    pub(crate) note: Option<&'a str>,
}

impl Reference<'_> {
    /// A secondary source (a third party's summary of a provider's page, a blog): its note starts
    /// with `secondary`. The report lists entries whose every reference is secondary as low
    /// confidence.
    pub(crate) fn is_secondary(&self) -> bool {
        self.note.is_some_and(|n| n.starts_with("secondary"))
    }

    /// The corpus path of a `sample:sisimai/...` reference, as `tests/data/sisimai/lines.jsonl`
    /// names it in its `file` field.
    pub(crate) fn sisimai_sample(&self) -> Option<&str> {
        self.target.strip_prefix("sample:sisimai/")
    }
}

/// Why a source is not in the format.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct SourceError {
    /// The offending reference (or the whole source when it has none).
    pub(crate) reference: String,
    pub(crate) why: &'static str,
}

impl SourceError {
    /// The message for a whole source: the reference is named only when it is not the source.
    pub(crate) fn message(&self, source: &str) -> String {
        if self.reference == source {
            self.why.to_owned()
        } else {
            format!("reference {:?}: {}", self.reference, self.why)
        }
    }
}

impl fmt::Display for SourceError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:?}: {}", self.reference, self.why)
    }
}

/// Parses a whole `source`: references separated by `; ` outside parentheses.
pub(crate) fn parse(source: &str) -> Result<Vec<Reference<'_>>, SourceError> {
    if source.trim().is_empty() {
        return Err(SourceError { reference: source.to_owned(), why: "the source is empty" });
    }
    split(source)?.into_iter().map(reference).collect()
}

/// Splits at `; ` where no parenthesis is open, so a note may hold `; ` itself.
fn split(source: &str) -> Result<Vec<&str>, SourceError> {
    let error = |why| Err(SourceError { reference: source.to_owned(), why });
    let mut parts = Vec::new();
    let (mut depth, mut start) = (0usize, 0usize);
    let bytes = source.as_bytes();
    for (i, &b) in bytes.iter().enumerate() {
        match b {
            b'(' => depth += 1,
            b')' if depth == 0 => return error("a `)` closes no `(`"),
            b')' => depth -= 1,
            b';' if depth == 0 => {
                if bytes.get(i + 1) != Some(&b' ') {
                    return error("references are separated by `; ` (a semicolon and one space)");
                }
                parts.push(&source[start..i]);
                start = i + 2;
            }
            _ => {}
        }
    }
    if depth != 0 {
        return error("a `(` is never closed");
    }
    parts.push(&source[start..]);
    Ok(parts)
}

/// One reference with its optional note.
fn reference(text: &str) -> Result<Reference<'_>, SourceError> {
    let error = |why| Err(SourceError { reference: text.to_owned(), why });
    if text.is_empty() || text.trim() != text || text.contains("  ") {
        return error("a reference is non-empty, single-spaced and not padded");
    }
    let (target, note) = match text.find(" (") {
        Some(at) => {
            // The note runs to the end of the reference: `target (note)`, one note whose opening
            // parenthesis closes at the very end (so `target (a) (b)` is two notes, rejected).
            if closing(&text[at + 1..]) != Some(text.len() - at - 2) {
                return error("free text is allowed only in one note in parentheses that ends the reference");
            }
            let note = &text[at + 2..text.len() - 1];
            if note.trim().is_empty() || note.trim() != note {
                return error("a note is non-empty text without surrounding spaces");
            }
            (&text[..at], Some(note))
        }
        None => (text, None),
    };
    if target.contains(['(', ')']) {
        return error("free text is allowed only in a note in parentheses that ends the reference");
    }
    let kind = match kind(target) {
        Ok(kind) => kind,
        Err(why) => return error(why),
    };
    Ok(Reference { kind, target, note })
}

/// The offset in `text`, which starts with `(`, of the `)` that closes it.
fn closing(text: &str) -> Option<usize> {
    let mut depth = 0usize;
    for (i, b) in text.bytes().enumerate() {
        match b {
            b'(' => depth += 1,
            b')' => {
                depth = depth.checked_sub(1)?;
                if depth == 0 {
                    return Some(i);
                }
            }
            _ => {}
        }
    }
    None
}

/// The kind of a reference without its note, or why it is none.
fn kind(target: &str) -> Result<Kind, &'static str> {
    if let Some(rest) = target.strip_prefix("RFC ") {
        return rfc(rest).map(|()| Kind::Rfc);
    }
    if target == IANA {
        return Ok(Kind::Iana);
    }
    if target.starts_with("IANA") {
        return Err("the registry is cited as exactly `IANA SMTP Enhanced Status Codes registry`");
    }
    if let Some(rest) = target.strip_prefix("https://").or_else(|| target.strip_prefix("http://")) {
        return url(rest).map(|()| Kind::Url);
    }
    if let Some(rest) = target.strip_prefix("sample:") {
        return sample(rest).map(|()| Kind::Sample);
    }
    if target.contains(':') && !target.contains(' ') {
        return repository(target).map(|()| Kind::Repository);
    }
    Err("not a reference: expected `RFC <n> §<section>`, `RFC <n> Appendix <X>`, the IANA registry, \
         an http(s) URL with a path, `owner/repo:path@commit` or `sample:sisimai/<file>`, `sample:flufl/<file>`, \
         `sample:crisp/<file>`, `sample:php-bounce-handler/<file>`")
}

fn digits(s: &str) -> bool {
    !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit())
}

/// `<n> §<digits and dots>` or `<n> Appendix <X>` after `RFC `.
fn rfc(rest: &str) -> Result<(), &'static str> {
    let bad = "an RFC is cited as `RFC <n> §<section>` (digits and dots) or `RFC <n> Appendix <X>`";
    let (number, place) = rest.split_once(' ').ok_or(bad)?;
    if !digits(number) || number.starts_with('0') {
        return Err(bad);
    }
    if let Some(section) = place.strip_prefix('§') {
        if section.split('.').all(digits) {
            return Ok(());
        }
    } else if let Some(appendix) = place.strip_prefix("Appendix ") {
        let mut parts = appendix.split('.');
        let letter = parts.next().unwrap_or_default();
        if letter.len() == 1 && letter.bytes().all(|b| b.is_ascii_uppercase()) && parts.all(digits) {
            return Ok(());
        }
    }
    Err(bad)
}

/// What follows `https://`: a host, then a non-empty path or a query.
fn url(rest: &str) -> Result<(), &'static str> {
    if rest.contains(char::is_whitespace) {
        return Err("a URL has no spaces");
    }
    let end = rest.find(['/', '?', '#']).unwrap_or(rest.len());
    let (host, tail) = rest.split_at(end);
    let host_ok = host.contains('.')
        && host.split('.').all(|l| !l.is_empty() && l.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-'));
    if !host_ok {
        return Err("a URL needs a host name");
    }
    let path_ok = tail.strip_prefix('/').is_some_and(|p| !p.is_empty() && !p.starts_with('#')) || tail.starts_with('?');
    if !path_ok {
        return Err("a URL must name the exact page: a bare domain is not a source");
    }
    Ok(())
}

/// `owner/repo:path@commit` where commit is 7–40 lowercase hex digits or a tag `v1.2.3`.
fn repository(target: &str) -> Result<(), &'static str> {
    let bad =
        "a repository file is cited as `owner/repo:path@commit` (7-40 lowercase hex digits) or `@v<digits and dots>`";
    let (repo, file) = target.split_once(':').ok_or(bad)?;
    let name = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_alphanumeric() || b"-_.".contains(&b));
    let (owner, project) = repo.split_once('/').ok_or(bad)?;
    if !name(owner) || !name(project) {
        return Err(bad);
    }
    let (path, revision) = file.rsplit_once('@').ok_or(bad)?;
    if path.is_empty() || path.starts_with('/') || path.ends_with('/') || path.contains("//") {
        return Err(bad);
    }
    let hex = (7..=40).contains(&revision.len()) && revision.bytes().all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f'));
    let tag = revision.strip_prefix('v').is_some_and(|v| v.split('.').all(digits));
    if hex || tag { Ok(()) } else { Err(bad) }
}

/// What follows `sample:`: `sisimai/<path>`, `flufl/<file>`, `crisp/<file>` (a message of
/// `crates/smtp-codes-bounce/tests/data/crisp/messages/`) or `php-bounce-handler/<file>` (of
/// `crates/smtp-codes-bounce/tests/data/php-bounce-handler/eml/`); the bounce crate's tests
/// check that the last two are there.
fn sample(rest: &str) -> Result<(), &'static str> {
    let bad = "a sample is cited as `sample:sisimai/<path>`, `sample:flufl/<file>`, `sample:crisp/<file>` or \
               `sample:php-bounce-handler/<file>`";
    let path = rest
        .strip_prefix("sisimai/")
        .or_else(|| rest.strip_prefix("flufl/"))
        .or_else(|| rest.strip_prefix("crisp/"))
        .or_else(|| rest.strip_prefix("php-bounce-handler/"))
        .ok_or(bad)?;
    if path.is_empty()
        || path.contains(' ')
        || path.starts_with('/')
        || path.split('/').any(|p| p.is_empty() || p == "..")
    {
        return Err(bad);
    }
    Ok(())
}

/// The `file` values of the Sisimai corpus's JSON lines: the samples that may be cited.
pub(crate) fn sisimai_samples(jsonl: &str) -> HashSet<String> {
    const KEY: &str = "\"file\": \"";
    let mut files = HashSet::new();
    for line in jsonl.lines() {
        let compact = line.replace("\"file\":\"", KEY);
        if let Some(at) = compact.find(KEY) {
            let rest = &compact[at + KEY.len()..];
            if let Some(end) = rest.find('"') {
                files.insert(rest[..end].to_owned());
            }
        }
    }
    files
}

/// One entry of the catalogue that carries a source: its table, the key that names it in
/// messages, where it is, and its source (a provider reply's own, or its provider's default).
pub(crate) struct Sourced<'a> {
    pub(crate) table: &'static str,
    pub(crate) key: String,
    pub(crate) place: Place,
    pub(crate) source: &'a str,
    /// The provider of a `[[provider.reply]]` (or of the `[[provider]]` itself).
    pub(crate) provider: Option<&'a str>,
    /// False for a provider's `reply_source`, which is a default rather than an entry: it is
    /// checked but not counted.
    pub(crate) counted: bool,
    /// True for a provider reply that takes its provider's `reply_source`: counted, but checked
    /// once, at the `reply_source`.
    pub(crate) inherited: bool,
}

/// Every source of the catalogue, in table order.
pub(crate) fn sourced(c: &Catalogue) -> Vec<Sourced<'_>> {
    let mut out = Vec::new();
    let mut add = |table, key: String, place, source, provider, counted, inherited| {
        out.push(Sourced { table, key, place, source, provider, counted, inherited });
    };
    for d in &c.digit {
        add("digit", format!("{:?} digit {}", d.position, d.value), d.place, d.source.as_str(), None, true, false);
    }
    for r in &c.reply {
        add("reply", r.code.to_string(), r.place, &r.source, None, true, false);
        for u in &r.usage {
            add("reply.usage", format!("{} {}", r.code, u.extension), r.place, &u.source, None, true, false);
        }
    }
    for k in &c.class {
        add("class", k.class.to_string(), k.place, &k.source, None, true, false);
    }
    for s in &c.subject {
        add("subject", s.subject.to_string(), s.place, &s.source, None, true, false);
    }
    for e in &c.enhanced {
        add("enhanced", e.code.clone(), e.place, &e.source, None, true, false);
    }
    for s in &c.severity {
        add("severity", s.id.clone(), s.place, &s.source, None, true, false);
    }
    for w in &c.who {
        add("who", w.id.clone(), w.place, &w.source, None, true, false);
    }
    for k in &c.command {
        add("command", k.id.clone(), k.place, &k.source, None, true, false);
    }
    for m in &c.message {
        add("message", m.name.clone(), m.place, &m.source, None, true, false);
    }
    for r in &c.reason {
        add("reason", r.id.clone(), r.place, &r.source, None, true, false);
        for p in &r.phrase {
            let (place, p) = (r.place.nested(p), p.get_ref());
            add("reason.phrase", format!("{} {:?}", r.id, p.phrase), place, &p.source, None, true, false);
        }
        for t in &r.terms {
            let (place, t) = (r.place.nested(t), t.get_ref());
            add("reason.terms", format!("{} {:?}", r.id, t.all), place, &t.source, None, true, false);
        }
    }
    for r in &c.code_rule {
        add("code_rule", r.code.clone(), r.place, &r.source, None, true, false);
    }
    for f in &c.format {
        add("format", f.id.clone(), f.place, &f.source, None, true, false);
    }
    for r in &c.no_retry {
        add("no_retry", format!("{:?}", r.phrase), r.place, &r.source, None, true, false);
    }
    for p in &c.provider {
        let id = Some(p.id.as_str());
        add("provider", p.id.clone(), p.place, &p.source, id, true, false);
        add("provider", format!("{} reply_source", p.id), p.place, &p.reply_source, id, false, false);
        for r in &p.reply {
            let (place, r) = (p.place.nested(r), r.get_ref());
            let key = format!("{} {:?}", p.id, r.matches);
            add("provider.reply", key, place, p.source_of(r), id, true, r.source.is_none());
        }
    }
    out
}

/// Checks one source: its grammar, and that every Sisimai sample it names is in the corpus.
pub(crate) fn check<'a>(source: &'a str, samples: &HashSet<String>) -> Result<Vec<Reference<'a>>, SourceError> {
    let refs = parse(source)?;
    for r in &refs {
        if r.sisimai_sample().is_some_and(|f| !samples.contains(f)) {
            return Err(SourceError {
                reference: r.target.to_owned(),
                why: "the sample is not a `file` of tests/data/sisimai/lines.jsonl",
            });
        }
    }
    Ok(refs)
}

#[cfg(test)]
mod tests;
