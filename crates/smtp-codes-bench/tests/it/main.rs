//! Peer agreement and allocation tests of the smtp-codes parser.

mod alloc;
mod peers;
