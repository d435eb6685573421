//! A fast hasher for the scanner's maps, keyed by queue ids and bounded counts' keys.
//!
//! Queue ids are written by the MTA, not by a sender, and every map keyed by text a sender
//! writes (recipient domains, senders) is bounded to a thousand keys, so a hasher without
//! SipHash's protection against chosen collisions costs at most a bounded slowdown.

use core::hash::{BuildHasher, Hasher};

/// Builds [`FastHasher`]s.
#[derive(Clone, Copy, Debug, Default)]
pub struct FastState;

impl BuildHasher for FastState {
    type Hasher = FastHasher;

    fn build_hasher(&self) -> FastHasher {
        FastHasher(0)
    }
}

/// A multiply-rotate hash over eight bytes at a time.
#[derive(Clone, Copy, Debug)]
pub struct FastHasher(u64);

const K: u64 = 0x517c_c1b7_2722_0a95;

impl Hasher for FastHasher {
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            let mut w = [0u8; 8];
            w.copy_from_slice(c);
            self.0 = (self.0.rotate_left(5) ^ u64::from_le_bytes(w)).wrapping_mul(K);
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            let mut w = [0u8; 8];
            w[..rest.len()].copy_from_slice(rest);
            self.0 = (self.0.rotate_left(5) ^ u64::from_le_bytes(w)).wrapping_mul(K);
        }
    }

    fn write_u8(&mut self, n: u8) {
        self.0 = (self.0.rotate_left(5) ^ u64::from(n)).wrapping_mul(K);
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn different_ids_hash_apart() {
        let h = |s: &str| FastState.hash_one(s);
        assert_ne!(h("19B6B2900FE"), h("19B6B2900FF"));
        assert_ne!(h("a"), h("b"));
        assert_eq!(h("same"), h("same"));
    }
}
