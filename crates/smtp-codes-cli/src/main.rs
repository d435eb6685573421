//! The `smtp-codes` command line.
fn main() {}
