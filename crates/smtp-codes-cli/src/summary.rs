//! `classify --summary` as tables: counts by severity, reason and code, most frequent first.

use std::io::{self, Write};

use smtp_codes_report::{OTHER_CODES, Summary};

use crate::style::{LABEL, Painter};
use crate::table::Table;

/// Three tables, most frequent first, with each count's share of all lines.
pub(crate) fn print(summary: &Summary, out: &mut impl Write, painter: Painter) -> io::Result<()> {
    writeln!(out, "{} {}", painter.paint(LABEL, "Lines:"), summary.lines())?;
    writeln!(out, "{} {}", painter.paint(LABEL, "Hard bounces:"), summary.hard_bounces())?;
    if summary.truncated() > 0 {
        writeln!(out, "{} {}", painter.paint(LABEL, "Lines cut at 1 MiB:"), summary.truncated())?;
    }
    let own = |counts: &mut dyn Iterator<Item = (&str, u64)>| counts.map(|(k, n)| (k.to_owned(), n)).collect();
    let sections: [(&'static str, Vec<(String, u64)>); 3] = [
        ("SEVERITY", own(&mut summary.by_severity())),
        ("REASON", own(&mut summary.by_reason())),
        ("CODE", summary.by_code()),
    ];
    for (header, mut counts) in sections {
        // Most frequent first; the `other` row of codes past the limit stays last.
        counts.sort_by(|a, b| (a.0 == OTHER_CODES).cmp(&(b.0 == OTHER_CODES)).then(b.1.cmp(&a.1)).then(a.0.cmp(&b.0)));
        let mut table = Table::new(&[header, "LINES", "SHARE"]);
        for (key, n) in counts {
            #[allow(clippy::cast_precision_loss, reason = "a share needs no more than 3 digits")]
            let share = 100.0 * n as f64 / summary.lines().max(1) as f64;
            table.push(vec![key, n.to_string(), format!("{share:.1}%")]);
        }
        writeln!(out)?;
        table.print(out, painter, None)?;
    }
    Ok(())
}
