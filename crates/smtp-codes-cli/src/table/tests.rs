//! Unit tests of table layout.

use super::Table;
use crate::style::{ColorWhen, Painter};

fn render(table: &Table, width: Option<usize>) -> String {
    let mut out = Vec::new();
    table.print(&mut out, Painter::for_stdout(ColorWhen::Never), width).unwrap();
    String::from_utf8(out).unwrap()
}

fn sample() -> Table {
    let mut t = Table::new(&["CODE", "TITLE"]);
    t.push(vec!["550".into(), "Requested action not taken: mailbox unavailable".into()]);
    t.push(vec!["5.1.1".into(), "Bad destination mailbox address".into()]);
    t
}

#[test]
fn without_a_width_nothing_is_cut() {
    let text = render(&sample(), None);
    assert_eq!(
        text,
        "CODE   TITLE\n550    Requested action not taken: mailbox unavailable\n5.1.1  Bad destination mailbox address\n"
    );
}

#[test]
fn a_narrow_width_cuts_the_widest_column_with_an_ellipsis() {
    let text = render(&sample(), Some(30));
    for line in text.lines() {
        assert!(line.chars().count() <= 30, "{line:?}");
    }
    assert!(text.contains("550    Requested action not t…"), "{text}");
    assert!(text.contains("5.1.1"), "short columns stay whole");
}

#[test]
fn a_width_too_small_for_anything_still_prints_headers() {
    let text = render(&sample(), Some(3));
    assert!(text.starts_with("CODE"), "{text}");
}
