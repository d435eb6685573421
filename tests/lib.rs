//! Cross-crate tests of smtp-codes live in `it/`; this library is empty.
