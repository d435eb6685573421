//! Unit tests of the wire types: round trips, boundaries and error messages.
