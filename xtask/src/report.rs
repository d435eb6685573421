//! `cargo xtask catalogue-report`: the provenance of the catalogue at a glance. Entries by table
//! and by the kind of source they cite, provider replies by provider, the entries of low
//! confidence, and every source that does not follow the source format.

use std::collections::{BTreeMap, HashSet};
use std::fmt::Write as _;
use std::io::Write as _;
use std::path::Path;

use anyhow::Result;

use crate::codegen;
use crate::model::Catalogue;
use crate::source::{self, Kind, Reference};

/// How one entry's source was read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Provenance {
    /// Follows the format; the kind of its first reference, which the entry rests on.
    Cited { kind: Kind, low: bool },
    /// Does not follow the format.
    Invalid,
}

/// Counts of entries by the kind of their first reference, plus those whose source is invalid.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub(crate) struct Row {
    pub(crate) by_kind: BTreeMap<Kind, usize>,
    pub(crate) invalid: usize,
    pub(crate) low: usize,
}

impl Row {
    fn add(&mut self, p: Provenance) {
        match p {
            Provenance::Cited { kind, low } => {
                *self.by_kind.entry(kind).or_default() += 1;
                self.low += usize::from(low);
            }
            Provenance::Invalid => self.invalid += 1,
        }
    }

    pub(crate) fn total(&self) -> usize {
        self.by_kind.values().sum::<usize>() + self.invalid
    }
}

/// One entry the report names: where it is, its table and key, and its source.
#[derive(Debug, Clone)]
pub(crate) struct Named {
    pub(crate) at: String,
    pub(crate) table: &'static str,
    pub(crate) key: String,
    pub(crate) source: String,
    pub(crate) why: Option<String>,
}

/// The whole report, before it is printed.
#[derive(Debug, Default)]
pub(crate) struct Report {
    /// By table, in catalogue order.
    pub(crate) tables: Vec<(&'static str, Row)>,
    /// Provider replies by provider id, in catalogue order.
    pub(crate) providers: Vec<(String, Row)>,
    pub(crate) low: Vec<Named>,
    pub(crate) invalid: Vec<Named>,
}

impl Report {
    /// All entries: the sum of the table rows.
    pub(crate) fn total(&self) -> Row {
        let mut all = Row::default();
        for (_, row) in &self.tables {
            for (&kind, &n) in &row.by_kind {
                *all.by_kind.entry(kind).or_default() += n;
            }
            all.invalid += row.invalid;
            all.low += row.low;
        }
        all
    }
}

/// A reference is of low confidence when its note says it is secondary (a third party's account
/// of a provider's reply) or unverified (a page that could not be read, such as the dead page a
/// reply links to). An entry is of low confidence when every reference of its source is.
pub(crate) fn is_low(refs: &[Reference<'_>]) -> bool {
    refs.iter().all(|r| r.is_secondary() || r.note.is_some_and(|n| n.starts_with("unverified")))
}

/// Builds the report of a catalogue; `samples` are the files of the Sisimai corpus.
pub(crate) fn build(c: &Catalogue, samples: &HashSet<String>) -> Report {
    let mut report = Report::default();
    for s in source::sourced(c) {
        let checked = source::check(s.source, samples);
        let provenance = match &checked {
            Ok(refs) => Provenance::Cited { kind: refs[0].kind, low: is_low(refs) },
            Err(_) => Provenance::Invalid,
        };
        let named = || Named {
            at: c.locate(s.place),
            table: s.table,
            key: s.key.clone(),
            source: s.source.to_owned(),
            why: checked.as_ref().err().map(|e| e.message(s.source)),
        };
        // A reply that inherits its provider's `reply_source` is counted, but an invalid source is
        // listed once, at the `reply_source`.
        if provenance == Provenance::Invalid && !s.inherited {
            report.invalid.push(named());
        }
        if !s.counted {
            continue;
        }
        if matches!(provenance, Provenance::Cited { low: true, .. }) {
            report.low.push(named());
        }
        row_of(&mut report.tables, s.table).add(provenance);
        if let (Some(id), "provider.reply") = (s.provider, s.table) {
            row_of(&mut report.providers, id.to_owned()).add(provenance);
        }
    }
    report
}

fn row_of<K: PartialEq>(rows: &mut Vec<(K, Row)>, key: K) -> &mut Row {
    let at = match rows.iter().position(|(k, _)| *k == key) {
        Some(at) => at,
        None => {
            rows.push((key, Row::default()));
            rows.len() - 1
        }
    };
    &mut rows[at].1
}

/// The report as text: three tables and two lists.
pub(crate) fn render(r: &Report) -> String {
    let mut out = String::new();
    let total = r.total();
    let _ = writeln!(
        out,
        "catalogue provenance: {} entries, {} of them with a source in the format, {} of low confidence\n",
        total.total(),
        total.total() - total.invalid,
        total.low
    );
    let _ = writeln!(out, "Entries by table and by the kind of their first reference:");
    let mut rows: Vec<(String, &Row)> = r.tables.iter().map(|(t, row)| (format!("[[{t}]]"), row)).collect();
    rows.push(("all".to_owned(), &total));
    table(&mut out, "table", &rows);
    let _ = writeln!(
        out,
        "\nProvider replies by provider (a reply without a source of its own takes its provider's reply_source):"
    );
    let mut provider_total = Row::default();
    for (_, row) in &r.providers {
        for (&kind, &n) in &row.by_kind {
            *provider_total.by_kind.entry(kind).or_default() += n;
        }
        provider_total.invalid += row.invalid;
        provider_total.low += row.low;
    }
    let mut rows: Vec<(String, &Row)> = r.providers.iter().map(|(p, row)| (p.clone(), row)).collect();
    rows.push(("all".to_owned(), &provider_total));
    table(&mut out, "provider", &rows);
    let _ = writeln!(out, "\nLow confidence ({}): every reference is noted `secondary` or `unverified`:", r.low.len());
    for n in &r.low {
        let _ = writeln!(out, "  {}: [[{}]] {}: {}", n.at, n.table, n.key, n.source);
    }
    let _ = writeln!(out, "\nSources not in the format ({}):", r.invalid.len());
    for n in &r.invalid {
        let why = n.why.as_deref().unwrap_or_default();
        let _ = writeln!(out, "  {}: [[{}]] {}: {:?}: {why}", n.at, n.table, n.key, n.source);
    }
    out
}

fn table(out: &mut String, first: &str, rows: &[(String, &Row)]) {
    let mut header = vec![first.to_owned()];
    header.extend(Kind::ALL.iter().map(|k| k.label().to_owned()));
    header.extend(["invalid", "low", "total"].map(str::to_owned));
    let mut cells = vec![header];
    for (name, row) in rows {
        let mut line = vec![name.clone()];
        line.extend(Kind::ALL.iter().map(|k| row.by_kind.get(k).copied().unwrap_or(0).to_string()));
        line.extend([row.invalid, row.low, row.total()].map(|n| n.to_string()));
        cells.push(line);
    }
    let widths: Vec<usize> =
        (0..cells[0].len()).map(|i| cells.iter().map(|l| l[i].chars().count()).max().unwrap_or(0)).collect();
    for line in cells {
        let mut text = String::from("  ");
        for (i, cell) in line.iter().enumerate() {
            if i == 0 {
                let _ = write!(text, "{cell:<w$}", w = widths[i]);
            } else {
                let _ = write!(text, "  {cell:>w$}", w = widths[i]);
            }
        }
        let _ = writeln!(out, "{}", text.trim_end());
    }
}

/// Reads the catalogue at `root` (without failing on its validation) and prints the report.
pub(crate) fn run(root: &Path) -> Result<()> {
    let (catalogue, samples) = codegen::read_unchecked(root)?;
    let text = render(&build(&catalogue, &samples));
    match std::io::stdout().lock().write_all(text.as_bytes()) {
        // `cargo xtask catalogue-report | head` closes the pipe early: not an error.
        Err(err) if err.kind() != std::io::ErrorKind::BrokenPipe => Err(err.into()),
        _ => Ok(()),
    }
}

#[cfg(test)]
mod tests;
