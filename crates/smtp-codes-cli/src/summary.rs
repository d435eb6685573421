//! `classify --summary` as tables: counts by severity, reason and code, most frequent first.

use std::io::{self, Write};

use smtp_codes_report::Summary;

use crate::style::{LABEL, Painter};
use crate::table::Table;

/// Three tables, most frequent first, with each count's share of all lines.
pub(crate) fn print(summary: &Summary, out: &mut impl Write, painter: Painter) -> io::Result<()> {
    writeln!(out, "{} {}", painter.paint(LABEL, "Lines:"), summary.lines())?;
    writeln!(out, "{} {}", painter.paint(LABEL, "Hard bounces:"), summary.hard_bounces())?;
    let sections: [(&'static str, Vec<(&str, u64)>); 3] = [
        ("SEVERITY", summary.by_severity().collect()),
        ("REASON", summary.by_reason().collect()),
        ("CODE", summary.by_code().collect()),
    ];
    for (header, mut counts) in sections {
        counts.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
        let mut table = Table::new(&[header, "LINES", "SHARE"]);
        for (key, n) in counts {
            #[allow(clippy::cast_precision_loss, reason = "a share needs no more than 3 digits")]
            let share = 100.0 * n as f64 / summary.lines().max(1) as f64;
            table.push(vec![key.to_owned(), n.to_string(), format!("{share:.1}%")]);
        }
        writeln!(out)?;
        table.print(out, painter, None)?;
    }
    Ok(())
}
