//! Plain-text tables sized to the terminal: columns padded to their widest cell, and the widest
//! columns cut with `…` when the table would not fit.
//!
//! The width is `--width N` when given (0: never cut), else the terminal's width when standard
//! output is a terminal. In a pipe nothing is cut, so `grep` and `cut` see every word.

use std::io::{self, IsTerminal, Write};

use crate::style::{LABEL, Painter};

/// The blank between two columns.
const GAP: &str = "  ";

/// A table: headers and rows of cells, all rows as long as the headers.
#[derive(Debug, Default)]
pub(crate) struct Table {
    headers: Vec<&'static str>,
    rows: Vec<Vec<String>>,
}

impl Table {
    pub(crate) fn new(headers: &[&'static str]) -> Self {
        Self { headers: headers.to_vec(), rows: Vec::new() }
    }

    /// Whether the table has no rows.
    pub(crate) fn is_empty(&self) -> bool {
        self.rows.is_empty()
    }

    /// Adds a row; control characters in its cells are escaped.
    pub(crate) fn push(&mut self, row: Vec<String>) {
        debug_assert_eq!(row.len(), self.headers.len());
        self.rows.push(row.into_iter().map(|cell| crate::output::escape(&cell).into_owned()).collect());
    }

    /// Prints the table, cut to `width` columns when given.
    pub(crate) fn print(&self, out: &mut impl Write, painter: Painter, width: Option<usize>) -> io::Result<()> {
        let widths = self.column_widths(width);
        let last = widths.len().saturating_sub(1);
        let header: Vec<String> = self.headers.iter().map(|h| (*h).to_owned()).collect();
        for (r, row) in std::iter::once(&header).chain(&self.rows).enumerate() {
            let mut line = String::new();
            for (i, (cell, &w)) in row.iter().zip(&widths).enumerate() {
                let cell = fit(cell, w);
                line.push_str(&cell);
                if i < last {
                    line.extend(std::iter::repeat_n(' ', w - cell.chars().count()));
                    line.push_str(GAP);
                }
            }
            let line = line.trim_end();
            if r == 0 {
                writeln!(out, "{}", painter.paint(LABEL, line))?;
            } else {
                writeln!(out, "{line}")?;
            }
        }
        Ok(())
    }

    /// Each column's natural width; when they do not fit in `width`, the widest columns are cut
    /// to one common limit, the largest that fits (but never below the header's width).
    fn column_widths(&self, width: Option<usize>) -> Vec<usize> {
        let natural: Vec<usize> = (0..self.headers.len())
            .map(|i| {
                let cells = self.rows.iter().map(|r| r[i].chars().count());
                cells.chain([self.headers[i].chars().count()]).max().unwrap_or(0)
            })
            .collect();
        let Some(width) = width else { return natural };
        let available = width.saturating_sub(GAP.len() * natural.len().saturating_sub(1));
        if natural.iter().sum::<usize>() <= available {
            return natural;
        }
        let fits = |limit: usize| natural.iter().map(|&w| w.min(limit)).sum::<usize>() <= available;
        let (mut lo, mut hi) = (1, natural.iter().copied().max().unwrap_or(1));
        while lo < hi {
            let mid = (lo + hi).div_ceil(2);
            if fits(mid) { lo = mid } else { hi = mid - 1 }
        }
        natural.iter().zip(&self.headers).map(|(&w, h)| w.min(lo.max(h.chars().count()))).collect()
    }
}

/// `cell` cut to `width` characters, ending in `…` when cut.
fn fit(cell: &str, width: usize) -> String {
    if cell.chars().count() <= width {
        return cell.to_owned();
    }
    let mut cut: String = cell.chars().take(width.saturating_sub(1)).collect();
    cut.push('…');
    cut
}

/// The width to cut tables to: `--width` when given (0 means never cut), else the terminal's
/// width when standard output is a terminal, else none.
pub(crate) fn target_width(arg: Option<usize>) -> Option<usize> {
    match arg {
        Some(0) => None,
        Some(w) => Some(w),
        None if io::stdout().is_terminal() => {
            terminal_size::terminal_size().map(|(terminal_size::Width(w), _)| usize::from(w)).or(Some(100))
        }
        None => None,
    }
}

#[cfg(test)]
mod tests;
