//! Integration tests of the log scanner: real sample lines of each format, with every expected
//! outcome asserted, and hostile input.

mod exim_testsuite;
mod postfix_grok;
mod props;
mod samples;
