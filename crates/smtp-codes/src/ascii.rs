//! Word-at-a-time byte tests (eight bytes in one `u64`), for the loops that look at every byte of
//! a line.

/// One in every byte of a word.
const ONES: u64 = u64::from_ne_bytes([1; 8]);
/// The low seven bits of every byte.
const LOW_BITS: u64 = ONES * 127;
/// The high bit of every byte.
const HIGH_BITS: u64 = ONES * 128;

/// The high bit set in each byte of `word` that lies strictly between `low` and `high` (both
/// below 128), the "has between" test of Sean Eron Anderson's Bit Twiddling Hacks. It is exact:
/// a byte's sum and difference never carry into its neighbour, and bytes from 128 up are masked
/// out.
const fn between_mask(word: u64, low: u8, high: u8) -> u64 {
    let (low, high) = (low as u64, high as u64);
    let seven = word & LOW_BITS;
    (ONES * (127 + high)).wrapping_sub(seven) & !word & (seven + ONES * (127 - low)) & HIGH_BITS
}

/// The high bit set in each byte of `word` that equals `byte`. Exact: a byte's sum never carries
/// into its neighbour.
pub(crate) const fn byte_mask(word: u64, byte: u8) -> u64 {
    let x = word ^ (ONES * byte as u64);
    !(((x & LOW_BITS) + LOW_BITS) | x) & HIGH_BITS
}

/// Whether a byte of `word` lies strictly between `low` and `high` (both below 128).
pub(crate) const fn has_byte_between(word: u64, low: u8, high: u8) -> bool {
    between_mask(word, low, high) != 0
}

#[cfg(test)]
mod tests {
    use super::{byte_mask, has_byte_between};

    #[test]
    fn every_byte_in_every_lane() {
        for fill in [0u8, b'a', b'A', b'Z', b'[', b'@', 0x7f, 0x80, 0xc1, 0xda, 0xff] {
            for lane in 0..8 {
                for b in 0..=255u8 {
                    let mut bytes = [fill; 8];
                    bytes[lane] = b;
                    let word = u64::from_le_bytes(bytes);
                    let between = bytes.iter().any(|c| (b'2'..=b'5').contains(c));
                    assert_eq!(has_byte_between(word, b'1', b'6'), between, "{bytes:?}");
                    let want =
                        bytes.iter().enumerate().fold(0u64, |m, (k, &c)| m | (u64::from(c == b'(') << (8 * k + 7)));
                    assert_eq!(byte_mask(word, b'('), want, "{bytes:?}");
                }
            }
        }
    }
}
