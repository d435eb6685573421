//! Integration tests of the bounce decoder: real messages of the Sisimai corpus, line endings,
//! mailboxes and property tests.
