//! The classifier's automaton as one flat transition table, its states in breadth-first order.
//!
//! `aho-corasick` builds the automaton and its DFA; this module copies that DFA into a table laid
//! out for the classifier's own walk. Two things make the walk cheaper:
//!
//! - **Order.** The DFA numbers its states in the order its patterns were inserted, so the few
//!   states a text visits most (the start state and the shallow ones a word's first letters
//!   reach) lie scattered over the whole table, several megabytes. Here they are numbered
//!   breadth-first from the start state: the hot rows sit together at the front, and the
//!   processor's caches hold them.
//! - **Match states marked in the id.** A state id is its row's offset in the table (a multiple
//!   of the row length, so its lowest bit is free); a match state's id has that bit set, and its
//!   row is stored one slot later, so that `trans[id + class]` is right for both kinds without
//!   masking. The walk tests the bit of several steps at once and leaves its loop only when one
//!   of them was a match.
//!
//! Byte classes: with ASCII case ignored, two bytes step alike in every state when they are the
//! same letter in either case, or when neither occurs in any pattern (both lead back to where a
//! fresh match can start), so every byte of the patterns (folded) has a class of its own and all
//! other bytes share class 0. A test checks every state and byte against the DFA it came from.

use alloc::collections::VecDeque;
use alloc::vec;
use alloc::vec::Vec;

use aho_corasick::Anchored;
use aho_corasick::automaton::{Automaton, StateID};
#[cfg(test)]
use aho_corasick::dfa::DFA;

/// The bit of a state id that marks a match state.
const MATCH: u32 = 1;

/// A DFA's states as one table of premultiplied ids (see the module's notes).
#[derive(Clone, Debug)]
pub(super) struct Table {
    /// The class of each byte.
    classes: [u8; 256],
    /// log2 of a row's length (at least one more than the number of classes).
    stride2: u32,
    /// Row after row: for state id `s` and byte class `c`, the next state's id at `s + c`.
    trans: Vec<u32>,
    start: u32,
    /// For the state in row `r`, the patterns it matches: `patterns[match_starts[r]..match_starts[r + 1]]`.
    match_starts: Vec<u32>,
    patterns: Vec<u32>,
}

impl Table {
    /// Copies the automaton `dfa` (built with ASCII case ignored over `patterns`, without a
    /// prefilter) from its unanchored start state, as a full DFA: `aho-corasick`'s own DFA, or
    /// its NFA, whose failure transitions are then followed once here instead of at every byte.
    ///
    /// # Panics
    /// If the automaton has more states than 32-bit ids can number; the catalogue is far from that.
    pub(super) fn new<'a>(dfa: &impl Automaton, patterns: impl IntoIterator<Item = &'a [u8]>) -> Self {
        let mut classes = [0u8; 256];
        let mut representatives = vec![0u8];
        for pattern in patterns {
            for &byte in pattern {
                let byte = byte.to_ascii_lowercase();
                if classes[usize::from(byte)] == 0 {
                    let class = u8::try_from(representatives.len()).expect("at most 255 pattern bytes");
                    classes[usize::from(byte)] = class;
                    classes[usize::from(byte.to_ascii_uppercase())] = class;
                    representatives.push(byte);
                }
            }
        }
        // Class 0 stands for the bytes of no pattern: its representative is the first of them
        // (not NUL blindly, which a pattern could hold).
        representatives[0] = (0..=u8::MAX).find(|&b| classes[usize::from(b)] == 0).unwrap_or(0);
        let stride2 = (representatives.len() + 1).next_power_of_two().trailing_zeros();
        let start_state = dfa.start_state(Anchored::No).expect("an unanchored start state was built");

        // Breadth-first numbering: `order` lists the DFA's states by their new row, `row_of`
        // maps a DFA state (by its id) to its row.
        let mut row_of: Vec<u32> = Vec::new();
        let mut order: Vec<StateID> = Vec::new();
        let visit = |sid: StateID, row_of: &mut Vec<u32>, order: &mut Vec<StateID>| -> u32 {
            let i = sid.as_usize();
            if i >= row_of.len() {
                row_of.resize(i + 1, u32::MAX);
            }
            if row_of[i] == u32::MAX {
                row_of[i] = u32::try_from(order.len()).expect("fewer than 4 billion states");
                order.push(sid);
            }
            row_of[i]
        };
        visit(start_state, &mut row_of, &mut order);
        let mut queue = VecDeque::from([start_state]);
        let mut next_rows: Vec<u32> = Vec::new();
        while let Some(sid) = queue.pop_front() {
            for &byte in &representatives {
                let next = dfa.next_state(Anchored::No, sid, byte);
                let before = order.len();
                let row = visit(next, &mut row_of, &mut order);
                if order.len() > before {
                    queue.push_back(next);
                }
                next_rows.push(row);
            }
        }
        // `next_rows` holds, state by state in breadth-first order, the row each class leads to.
        let matching: Vec<bool> = order.iter().map(|&sid| dfa.is_match(sid)).collect();
        let id_of = |row: u32| -> u32 {
            let id = row
                .checked_shl(stride2)
                .filter(|id| id >> stride2 == row)
                .expect("fewer states than 32-bit ids number");
            if matching[row as usize] { id | MATCH } else { id }
        };
        let width = 1usize << stride2;
        let mut trans = vec![0u32; order.len() * width];
        let mut match_starts = Vec::with_capacity(order.len() + 1);
        let mut matched = Vec::new();
        for (row, (&sid, nexts)) in order.iter().zip(next_rows.chunks_exact(representatives.len())).enumerate() {
            let base = (id_of(row as u32) & !MATCH) as usize;
            let offset = usize::from(matching[row]);
            for (class, &next) in nexts.iter().enumerate() {
                trans[base + offset + class] = id_of(next);
            }
            match_starts.push(u32::try_from(matched.len()).expect("fewer than 4 billion matches"));
            if matching[row] {
                matched.extend((0..dfa.match_len(sid)).map(|k| dfa.match_pattern(sid, k).as_u32()));
            }
        }
        match_starts.push(u32::try_from(matched.len()).expect("fewer than 4 billion matches"));
        Self { classes, stride2, trans, start: id_of(0), match_starts, patterns: matched }
    }

    /// The state every walk starts in.
    pub(super) const fn start(&self) -> u32 {
        self.start
    }

    /// The state after `byte` in state `id`.
    #[inline]
    fn step(&self, id: u32, byte: u8) -> u32 {
        self.trans[(id + u32::from(self.classes[usize::from(byte)])) as usize]
    }

    /// Steps from state `id` over `text[at..]` to the next match state: the position of the
    /// byte that led to it, and the state. Four bytes are stepped before their states are
    /// tested together.
    #[inline]
    pub(super) fn next_match(&self, text: &[u8], at: usize, mut id: u32) -> Option<(usize, u32)> {
        let rest = text.get(at..)?;
        let mut chunks = rest.chunks_exact(4);
        let mut i = at;
        for chunk in chunks.by_ref() {
            let [b0, b1, b2, b3] = <[u8; 4]>::try_from(chunk).expect("chunks of four");
            let s0 = self.step(id, b0);
            let s1 = self.step(s0, b1);
            let s2 = self.step(s1, b2);
            let s3 = self.step(s2, b3);
            if (s0 | s1 | s2 | s3) & MATCH != 0 {
                let k = [s0, s1, s2, s3].iter().position(|s| s & MATCH != 0).expect("one of them matched");
                return Some((i + k, [s0, s1, s2, s3][k]));
            }
            (id, i) = (s3, i + 4);
        }
        for &byte in chunks.remainder() {
            id = self.step(id, byte);
            if id & MATCH != 0 {
                return Some((i, id));
            }
            i += 1;
        }
        None
    }

    /// The patterns match state `id` stands for (none for a state that is no match).
    pub(super) fn matches(&self, id: u32) -> &[u32] {
        let row = (id >> self.stride2) as usize;
        &self.patterns[self.match_starts[row] as usize..self.match_starts[row + 1] as usize]
    }

    /// The heap memory the table uses, in bytes.
    pub(super) fn memory_usage(&self) -> usize {
        (self.trans.capacity() + self.match_starts.capacity() + self.patterns.capacity()) * core::mem::size_of::<u32>()
    }

    /// How many states the table has.
    #[cfg(test)]
    pub(super) fn states(&self) -> usize {
        self.match_starts.len() - 1
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use aho_corasick::{MatchKind, StartKind};

    fn dfa(patterns: &[&str]) -> DFA {
        DFA::builder()
            .ascii_case_insensitive(true)
            .match_kind(MatchKind::Standard)
            .start_kind(StartKind::Unanchored)
            .prefilter(false)
            .build(patterns)
            .unwrap()
    }

    /// Every match the table's walk finds, as (end, pattern) pairs.
    fn walk(table: &Table, text: &[u8]) -> Vec<(usize, u32)> {
        let (mut at, mut id, mut found) = (0, table.start(), Vec::new());
        while let Some((end, state)) = table.next_match(text, at, id) {
            found.extend(table.matches(state).iter().map(|&p| (end, p)));
            (at, id) = (end + 1, state);
        }
        found
    }

    /// Every match the DFA's own overlapping search finds, as (end, pattern) pairs.
    fn dfa_walk(dfa: &DFA, text: &[u8]) -> Vec<(usize, u32)> {
        dfa.try_find_overlapping_iter(aho_corasick::Input::new(text))
            .unwrap()
            .map(|m| (m.end() - 1, m.pattern().as_u32()))
            .collect()
    }

    fn assert_same(dfa: &DFA, table: &Table, text: &[u8]) {
        let (mut want, mut got) = (dfa_walk(dfa, text), walk(table, text));
        want.sort_unstable();
        got.sort_unstable();
        assert_eq!(got, want, "{:?}", alloc::string::String::from_utf8_lossy(text));
    }

    #[test]
    fn finds_what_the_dfa_finds_at_every_position() {
        let patterns = ["user unknown", "unknown", "quota", "mailbox full", "box", "\u{fc}ber"];
        let dfa = dfa(&patterns);
        let table = Table::new(&dfa, patterns.iter().map(|p| p.as_bytes()));
        for text in [
            "550 5.1.1 User Unknown; mailbox FULL, over QUOTA",
            "boxbox unknownunknown",
            "\u{fc}BER die Quota",
            "",
            "b",
            "bo",
        ] {
            assert_same(&dfa, &table, text.as_bytes());
        }
        assert_eq!(walk(&table, b"USER UNKNOWN").len(), 2);
    }

    #[test]
    fn a_pattern_may_hold_any_byte() {
        let patterns = ["a\0b", "\0", "ab"];
        let dfa = dfa(&patterns);
        let table = Table::new(&dfa, patterns.iter().map(|p| p.as_bytes()));
        for text in ["a\0b\0ab", "\0\0", "xyz", "A\0B"] {
            assert_same(&dfa, &table, text.as_bytes());
        }
    }

    /// The catalogue's phrases and provider replies as patterns, each text every phrase in turn
    /// (in its own case and upper case, alone and run together), so that deep states, match
    /// states and non-ASCII bytes are all stepped through.
    #[test]
    fn finds_what_the_dfa_finds_on_the_catalogue() {
        use super::super::{KEY_LEN, PHRASE_RULES, PROVIDER_REPLIES};
        let mut keys: Vec<&[u8]> = PHRASE_RULES
            .iter()
            .map(|r| r.phrase.as_bytes())
            .chain(PROVIDER_REPLIES.iter().map(|r| r.matches.as_bytes()))
            .map(|p| &p[..p.len().min(KEY_LEN)])
            .collect();
        keys.sort_unstable();
        keys.dedup();
        let dfa = DFA::builder()
            .ascii_case_insensitive(true)
            .match_kind(MatchKind::Standard)
            .start_kind(StartKind::Unanchored)
            .prefilter(false)
            .build(&keys)
            .unwrap();
        let table = Table::new(&dfa, keys.iter().copied());
        let mut together = Vec::new();
        for rule in PHRASE_RULES {
            assert_same(&dfa, &table, rule.phrase.as_bytes());
            assert_same(&dfa, &table, rule.phrase.to_ascii_uppercase().as_bytes());
            together.extend_from_slice(rule.phrase.as_bytes());
        }
        assert_same(&dfa, &table, &together);
        assert!(table.states() > 1000, "{} states", table.states());
    }
}
