//! `classify --summary`: counts by severity, reason and code, as tables or one JSON object.

use std::collections::BTreeMap;
use std::io::{self, Write};

use serde::Serialize;
use smtp_codes::explain::Explanation;

use crate::style::{LABEL, Painter};
use crate::table::Table;

/// The key of lines without any code.
const NO_CODE: &str = "none";

/// Counts of classified lines.
#[derive(Debug, Default)]
pub(crate) struct Summary {
    lines: u64,
    hard_bounces: u64,
    severity: BTreeMap<&'static str, u64>,
    reason: BTreeMap<&'static str, u64>,
    /// Keyed by the codes as found: `550 5.1.1`, `550`, `5.1.1`, or `none`. The number of keys is
    /// bounded by the number of possible codes, not by the input.
    code: BTreeMap<String, u64>,
}

/// The JSON shape of a summary.
#[derive(Debug, Serialize)]
pub(crate) struct SummaryJson<'a> {
    lines: u64,
    hard_bounces: u64,
    severity: &'a BTreeMap<&'static str, u64>,
    reason: &'a BTreeMap<&'static str, u64>,
    code: &'a BTreeMap<String, u64>,
}

impl Summary {
    pub(crate) fn add(&mut self, e: &Explanation<'_>) {
        self.lines += 1;
        *self.severity.entry(e.severity().as_str()).or_default() += 1;
        if let Some(c) = e.classification() {
            *self.reason.entry(c.reason().id()).or_default() += 1;
            self.hard_bounces += u64::from(c.hard_bounce());
        }
        let code = match (e.reply_code(), e.enhanced_code()) {
            (Some(r), Some(x)) => format!("{r} {x}"),
            (Some(r), None) => r.to_string(),
            (None, Some(x)) => x.to_string(),
            (None, None) => NO_CODE.to_owned(),
        };
        match self.code.get_mut(&code) {
            Some(n) => *n += 1,
            None => {
                self.code.insert(code, 1);
            }
        }
    }

    pub(crate) fn to_json(&self) -> SummaryJson<'_> {
        SummaryJson {
            lines: self.lines,
            hard_bounces: self.hard_bounces,
            severity: &self.severity,
            reason: &self.reason,
            code: &self.code,
        }
    }

    /// Three tables, most frequent first, with each count's share of all lines.
    pub(crate) fn print(&self, out: &mut impl Write, painter: Painter) -> io::Result<()> {
        writeln!(out, "{} {}", painter.paint(LABEL, "Lines:"), self.lines)?;
        writeln!(out, "{} {}", painter.paint(LABEL, "Hard bounces:"), self.hard_bounces)?;
        let sections: [(&'static str, Vec<(&str, u64)>); 3] = [
            ("SEVERITY", self.severity.iter().map(|(k, v)| (*k, *v)).collect()),
            ("REASON", self.reason.iter().map(|(k, v)| (*k, *v)).collect()),
            ("CODE", self.code.iter().map(|(k, v)| (k.as_str(), *v)).collect()),
        ];
        for (header, mut counts) in sections {
            counts.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
            let mut table = Table::new(&[header, "LINES", "SHARE"]);
            for (key, n) in counts {
                #[allow(clippy::cast_precision_loss, reason = "a share needs no more than 3 digits")]
                let share = 100.0 * n as f64 / self.lines.max(1) as f64;
                table.push(vec![key.to_owned(), n.to_string(), format!("{share:.1}%")]);
            }
            writeln!(out)?;
            table.print(out, painter, None)?;
        }
        Ok(())
    }
}
