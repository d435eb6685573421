//! Case folding of the capitals that UTF-8 writes in two bytes (Latin-1 and Latin Extended-A,
//! Greek, Cyrillic), for the classifier's matching of texts that are not ASCII.
//!
//! The automaton ignores ASCII case only; the catalogue's phrases are lowercase. A bounce writes
//! its sentence's first word with a capital ("Пользователь не найден", "Échec de la remise",
//! "Überschreitung"), so a text that is not ASCII is walked as if each such capital were its
//! small letter. Every fold here keeps the length (two bytes become two bytes), so a position in
//! the folded copy ([`folded`], made once per text) is the same position in the text. Letters written in three bytes or more (Japanese, Chinese, Korean) have no
//! case, and the few capitals whose small letter has another length (`İ`, `ẞ`) are left alone.

/// The lowercase letter of code point `c` when `c` is a capital this fold knows, else `c`.
const fn lower(c: u32) -> u32 {
    match c {
        // Latin-1: À..Þ, but not × (U+00D7).
        0xC0..=0xDE if c != 0xD7 => c + 0x20,
        // Latin Extended-A: pairs of capital and small letter, the capital first; İ (U+0130)
        // lowercases to two characters and is left alone.
        0x100..=0x12F | 0x132..=0x137 | 0x14A..=0x177 if c.is_multiple_of(2) => c + 1,
        0x139..=0x148 | 0x179..=0x17E if !c.is_multiple_of(2) => c + 1,
        0x178 => 0xFF,
        // Greek: the accented capitals, then Α..Ϋ (U+03A2 is unassigned).
        0x386 => 0x3AC,
        0x388..=0x38A => c + 0x25,
        0x38C => 0x3CC,
        0x38E | 0x38F => c + 0x3F,
        0x391..=0x3AB if c != 0x3A2 => c + 0x20,
        // Cyrillic: Ѐ..Џ, А..Я, and the pairs of the historic and non-Russian letters.
        0x400..=0x40F => c + 0x50,
        0x410..=0x42F => c + 0x20,
        0x460..=0x481 | 0x48A..=0x4BF | 0x4D0..=0x52F if c.is_multiple_of(2) => c + 1,
        0x4C0 => 0x4CF,
        0x4C1..=0x4CE if !c.is_multiple_of(2) => c + 1,
        _ => c,
    }
}

/// The first byte of a two-byte character whose capital the fold may change: U+00C0 to U+052F.
const fn is_fold_lead(b: u8) -> bool {
    matches!(b, 0xC3..=0xD4)
}

/// Whether `text` holds a byte that may start a capital this fold changes. An ASCII text, or one
/// in a script without case (Japanese, Chinese, Korean, Arabic, Hebrew), holds none, and is
/// read as it is.
fn needed(text: &[u8]) -> bool {
    !text.is_ascii() && text.iter().any(|&b| is_fold_lead(b))
}

/// `text` with every two-byte capital this fold knows made its small letter (ASCII is left as it
/// is: the automaton and the comparisons ignore ASCII case), or `None` when nothing would change
/// ([`needed`] is false). The copy has the length of `text`, so its positions are the text's.
pub(super) fn folded(text: &[u8]) -> Option<alloc::vec::Vec<u8>> {
    if !needed(text) {
        return None;
    }
    let mut out = alloc::vec::Vec::with_capacity(text.len());
    let mut i = 0;
    while i < text.len() {
        let b = text[i];
        match text.get(i + 1) {
            Some(&next) if is_fold_lead(b) && next & 0xC0 == 0x80 => {
                out.extend_from_slice(&fold_pair(b, next));
                i += 2;
            }
            _ => {
                out.push(b);
                i += 1;
            }
        }
    }
    Some(out)
}

/// The two-byte character `lead`, `next` with its capital folded; unchanged when the two bytes
/// are not a character of the folded ranges.
const fn fold_pair(lead: u8, next: u8) -> [u8; 2] {
    if !is_fold_lead(lead) || next & 0xC0 != 0x80 {
        return [lead, next];
    }
    let small = lower(((lead as u32 & 0x1F) << 6) | (next as u32 & 0x3F));
    // Every small letter above lies below U+0800, so it is two bytes too.
    [0xC0 | (small >> 6) as u8, 0x80 | (small & 0x3F) as u8]
}

/// The byte at `at` of `text` folded: ASCII capitals to small letters, and the bytes of a folded
/// two-byte capital to those of its small letter. The fold of a character's first byte depends
/// on its second (Р is `D0 A0`, р is `D1 80`), and the fold of its second on its first.
#[cfg(test)]
fn byte_at(text: &[u8], at: usize) -> u8 {
    let b = text[at];
    if b < 0x80 {
        b.to_ascii_lowercase()
    } else if b & 0xC0 == 0x80 {
        match at.checked_sub(1).map(|before| text[before]) {
            Some(lead) if is_fold_lead(lead) => fold_pair(lead, b)[1],
            _ => b,
        }
    } else {
        match text.get(at + 1) {
            Some(&next) => fold_pair(b, next)[0],
            None => b,
        }
    }
}

/// Whether `text` from `at` on starts with `lower` (a lowercase phrase), folded.
#[cfg(test)]
fn starts_with(text: &[u8], at: usize, lower: &[u8]) -> bool {
    at.checked_add(lower.len()).is_some_and(|end| end <= text.len())
        && lower.iter().enumerate().all(|(k, &want)| byte_at(text, at + k) == want)
}

#[cfg(test)]
mod tests {
    use super::{byte_at, folded as folded_copy, lower, starts_with};

    fn folded(text: &str) -> alloc::vec::Vec<u8> {
        (0..text.len()).map(|at| byte_at(text.as_bytes(), at)).collect()
    }

    #[test]
    fn folds_as_unicode_lowercase_does_over_the_whole_two_byte_range() {
        // Every character of U+0080..U+07FF: in the ranges folded (Latin-1 and Latin Extended-A,
        // the Greek alphabet, Cyrillic) the fold is Unicode's lowercase where that is one
        // character of the same length, and everywhere else the character itself.
        let folded = |c: u32| matches!(c, 0xC0..=0x17F | 0x386..=0x3AB | 0x400..=0x52F);
        for c in (0x80..0x800).filter_map(char::from_u32) {
            let mut unicode = c.to_lowercase();
            let want = match (unicode.next(), unicode.next()) {
                (Some(small), None) if small.len_utf8() == 2 && folded(c as u32) => small,
                _ => c,
            };
            let got = char::from_u32(lower(c as u32)).expect("a character");
            assert_eq!(got, want, "U+{:04X}", c as u32);
        }
    }

    #[test]
    fn the_folded_copy_is_the_text_folded_byte_by_byte() {
        for text in ["Пользователь НЕ найден", "Échec ÜBER Ωμέγα Ёлка", "MAILBOX Überschreitung", "宛先不明 Ящик"]
        {
            assert_eq!(folded_copy(text.as_bytes()).unwrap().to_ascii_lowercase(), folded(text), "{text}");
        }
        // Nothing to fold: no copy.
        assert_eq!(folded_copy(b"User unknown"), None);
        assert_eq!(folded_copy("宛先不明".as_bytes()), None);
        // Bytes that are not UTF-8 stay as they are, as the byte-by-byte fold leaves them.
        let broken = b"\xC3\xC3\xA9 \xD0";
        assert_eq!(
            folded_copy(broken).unwrap(),
            (0..broken.len()).map(|at| byte_at(broken, at)).collect::<alloc::vec::Vec<_>>()
        );
    }

    #[test]
    fn folds_a_text_in_place() {
        assert_eq!(folded("Пользователь НЕ найден"), "пользователь не найден".as_bytes());
        assert_eq!(folded("Échec ÜBER Ωμέγα Ёлка"), "échec über ωμέγα ёлка".as_bytes());
        // Japanese has no case, and stays as it is.
        assert_eq!(folded("宛先不明"), "宛先不明".as_bytes());
        assert!(starts_with("Ящик ПЕРЕПОЛНЕН".as_bytes(), 0, "ящик переполнен".as_bytes()));
        assert!(!starts_with("Ящик".as_bytes(), 0, "ящик переполнен".as_bytes()));
    }

    #[test]
    fn broken_utf8_is_read_byte_for_byte() {
        // A lone first byte at the end, a second byte with no first, a first byte before ASCII.
        for text in [&b"abc\xd0"[..], b"\xa0abc", b"\xd0a\xd0", b"\xc3\xc3\x80"] {
            let got: alloc::vec::Vec<u8> = (0..text.len()).map(|at| byte_at(text, at)).collect();
            assert_eq!(got.len(), text.len());
        }
        assert_eq!(byte_at(b"\xd0", 0), 0xd0);
        assert_eq!(byte_at(b"\xa0", 0), 0xa0);
    }
}
