//! The core crate's one integration-test binary: parser table tests, the sisimai corpus and
//! property tests.

mod answers;
mod corpus;
mod explain;
mod hosts;
mod languages;
mod one_pass;
mod props;
mod terms;
mod text;
mod wire;
