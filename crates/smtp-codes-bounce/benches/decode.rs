//! Decoding speed of the bounce decoder on the test-data messages.

fn main() {}
