//! The classifier's automaton as one flat transition table, its states in breadth-first order.
//!
//! [`Table::build`] makes the Aho-Corasick automaton of the patterns (a trie and its failure
//! states) as a full DFA laid out for the classifier's own walk; in the tests, `Table::new` lays
//! out `aho-corasick`'s automaton of the same patterns the same way, and the two must be equal.
//! The walk is one dependent load a byte (the next state is read from the row of the current
//! one), so what it costs is where those loads land in the processor's caches; the layout keeps
//! the rows a text visits most small and together:
//!
//! - **Order.** A trie numbers its states in the order its patterns were inserted, so the few
//!   states a text visits most (the start state and the shallow ones a word's first letters
//!   reach) lie scattered over the whole table, several megabytes. Here they are numbered
//!   breadth-first from the start state: the hot rows sit together at the front.
//! - **Two-byte entries.** An entry is the next state's row number, 16 bits, not a 32-bit
//!   offset: the table is half the size (the catalogue's 11 thousand states take 2.8 MiB), and
//!   a cache line holds twice as many entries.
//! - **Match states last.** The states that end a pattern are numbered after all the others
//!   (each group breadth-first), so that a state is a match when its number is at least the
//!   first match row's: the walk tests four steps with one comparison of their maximum and
//!   leaves its loop only when one of them was a match.
//! - **Classes by letter frequency.** With ASCII case ignored, two bytes step alike in every
//!   state when they are the same letter in either case, or when neither occurs in any pattern
//!   (both lead back to where a fresh match can start), so every byte of the patterns (folded)
//!   has a class of its own and all other bytes share class 0. The classes are numbered with the
//!   space, the letters in the order of their frequency in English text and the digits first,
//!   so that the entries a text of ordinary words reads in a row lie in its first cache line.
//!
//! A test checks every state and byte against the DFA the table came from.

#[cfg(test)]
use alloc::collections::VecDeque;
use alloc::vec;
use alloc::vec::Vec;

#[cfg(test)]
use aho_corasick::Anchored;
#[cfg(test)]
use aho_corasick::automaton::{Automaton, StateID};
#[cfg(test)]
use aho_corasick::dfa::DFA;

/// The bytes that get the first classes, most frequent first: the space, the letters in the
/// order of their frequency in English text, the digits, and the commonest punctuation.
const FIRST: &[u8] = b" etaoinsrhldcumfpgwybvkxjqz0123456789.-:@<>,;'\"()/_=[]";

/// A DFA's states as one table of row numbers (see the module's notes).
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) struct Table {
    /// The class of each byte.
    classes: [u8; 256],
    /// log2 of a row's length (at least the number of classes).
    stride2: u32,
    /// Row after row: for the state in row `s` and byte class `c`, the next state's row at
    /// `(s << stride2) + c`.
    trans: Vec<u16>,
    /// The start state's row.
    start: u16,
    /// The first row of a match state: rows from here on are match states, those before not.
    first_match: u16,
    /// For the match state in row `first_match + r`, the patterns it matches:
    /// `patterns[match_starts[r]..match_starts[r + 1]]`.
    match_starts: Vec<u32>,
    patterns: Vec<u32>,
    /// The length of the longest pattern: a state depends on no more bytes before it than this.
    max_len: usize,
}

/// The byte classes of a set of patterns (see the module's notes), with the longest pattern's
/// length.
struct Alphabet {
    classes: [u8; 256],
    /// One byte of each class, class 0's first.
    representatives: Vec<u8>,
    /// log2 of a row's length (at least the number of classes).
    stride2: u32,
    max_len: usize,
}

impl Alphabet {
    fn of<'a>(patterns: impl IntoIterator<Item = &'a [u8]>) -> Self {
        let mut seen = [false; 256];
        let mut max_len = 0;
        for pattern in patterns {
            max_len = max_len.max(pattern.len());
            for &byte in pattern {
                seen[usize::from(byte.to_ascii_lowercase())] = true;
            }
        }
        // Class 0 stands for the bytes of no pattern: its representative is the first of them
        // (not NUL blindly, which a pattern could hold).
        let mut representatives = vec![(0..=u8::MAX).find(|&b| !seen[usize::from(b)]).unwrap_or(0)];
        let rest = (0..=u8::MAX).filter(|b| !FIRST.contains(b));
        for byte in FIRST.iter().copied().chain(rest) {
            if seen[usize::from(byte)] && !byte.is_ascii_uppercase() {
                representatives.push(byte);
            }
        }
        let mut classes = [0u8; 256];
        for (class, &byte) in representatives.iter().enumerate().skip(1) {
            let class = u8::try_from(class).expect("at most 255 pattern bytes");
            classes[usize::from(byte)] = class;
            classes[usize::from(byte.to_ascii_uppercase())] = class;
        }
        let stride2 = representatives.len().next_power_of_two().trailing_zeros();
        Self { classes, representatives, stride2, max_len }
    }
}

/// How many matches the second stretch of [`Table::scan`] holds until the first is walked.
const HELD: usize = 16;

impl Table {
    /// Copies the automaton `dfa` (built with ASCII case ignored over `patterns`, without a
    /// prefilter) from its unanchored start state, as a full DFA: `aho-corasick`'s own DFA, or
    /// its NFA, whose failure transitions are then followed once here instead of at every byte.
    ///
    /// # Panics
    /// If the automaton has more states than 16-bit row numbers can number (65,536); the
    /// catalogue's has about 11 thousand, and a test keeps it under that with room to grow.
    #[cfg(test)]
    pub(super) fn new<'a>(dfa: &impl Automaton, patterns: impl IntoIterator<Item = &'a [u8]>) -> Self {
        let alphabet = Alphabet::of(patterns);
        let start_state = dfa.start_state(Anchored::No).expect("an unanchored start state was built");
        // Breadth-first order: `order` lists the DFA's states in the order they are reached,
        // `seen_at` maps a DFA state (by its id) to its place there.
        let mut seen_at: Vec<usize> = Vec::new();
        let mut order: Vec<StateID> = Vec::new();
        let mut queue = VecDeque::from([start_state]);
        seen_at.resize(start_state.as_usize() + 1, usize::MAX);
        seen_at[start_state.as_usize()] = 0;
        order.push(start_state);
        while let Some(sid) = queue.pop_front() {
            for &byte in &alphabet.representatives {
                let next = dfa.next_state(Anchored::No, sid, byte);
                let i = next.as_usize();
                if i >= seen_at.len() {
                    seen_at.resize(i + 1, usize::MAX);
                }
                if seen_at[i] == usize::MAX {
                    seen_at[i] = order.len();
                    order.push(next);
                    queue.push_back(next);
                }
            }
        }
        Self::layout(
            &alphabet,
            &order,
            |sid: StateID| seen_at[sid.as_usize()],
            |sid, byte| dfa.next_state(Anchored::No, sid, byte),
            |sid| {
                if dfa.is_match(sid) {
                    (0..dfa.match_len(sid)).map(|k| dfa.match_pattern(sid, k).as_u32()).collect()
                } else {
                    Vec::new()
                }
            },
        )
    }

    /// Builds the automaton of `patterns` (ASCII case ignored; every match reported, a state's
    /// own pattern before those of its failure state, as `aho-corasick` lists them) here, as a
    /// trie whose rows are completed in breadth-first order: the row of a state takes its
    /// failure state's entry wherever the trie has no edge, so each row is made once and no
    /// failure chain is ever followed. The table is the one `Table::new` makes of
    /// `aho-corasick`'s automaton of the same patterns (a test compares them), built in a
    /// fraction of the time: walking that automaton's failure transitions for every state and
    /// byte class took 26-28 ms on the catalogue, a start-up cost every command paid. The trie
    /// is built in the table's own buffer and laid out there (rows relabelled, then swapped into
    /// place), so a start-up touches one table's pages, not two. With the rows copied from the
    /// trie's own 32-bit ones, `smtp-codes explain 550` took 2,745 page faults and 14.7 ms;
    /// built this way, 1,240 and 8.1 ms (`perf stat -r 20`, AMD EPYC, 2 processors).
    ///
    /// # Panics
    /// If the automaton has more than 65,535 states (16-bit row numbers, one of them kept to mark
    /// a missing trie edge while building); the catalogue's has about 11 thousand, and a test
    /// keeps it under that with room to grow.
    pub(super) fn build(patterns: &[&[u8]]) -> Self {
        // No state is numbered this: 65,535 states at most.
        const NONE: u16 = u16::MAX;
        let too_many = "at most 65,535 automaton states";
        let alphabet = Alphabet::of(patterns.iter().copied());
        let width = alphabet.representatives.len();
        let stride2 = alphabet.stride2;
        let stride = 1usize << stride2;
        let class = |byte: u8| usize::from(alphabet.classes[usize::from(byte)]);
        // The trie, in the table's own buffer and row width: `rows[(s << stride2) + c]` is the
        // child of `s` by class `c`, or NONE; the entries past `width` stay 0, as in the table.
        // One buffer that becomes the table in place: a start-up pays for the pages it touches
        // (about 2.5 µs each on the virtual machines measured), and a second copy of the rows
        // doubled them.
        let fresh = |rows: &mut Vec<u16>| {
            let at = rows.len();
            rows.resize(at + stride, 0);
            rows[at..at + width].fill(NONE);
        };
        let mut rows: Vec<u16> = Vec::new();
        fresh(&mut rows);
        let mut matches: Vec<Vec<u32>> = vec![Vec::new()];
        for (p, pattern) in patterns.iter().enumerate() {
            let mut s = 0usize;
            for &byte in *pattern {
                let at = (s << stride2) + class(byte);
                if rows[at] == NONE {
                    rows[at] = u16::try_from(matches.len()).ok().filter(|&n| n != NONE).expect(too_many);
                    fresh(&mut rows);
                    matches.push(Vec::new());
                }
                s = usize::from(rows[at]);
            }
            matches[s].push(u32::try_from(p).expect("fewer than 4 billion patterns"));
        }
        // Failure states breadth-first: a state's failure state is shallower, so its row is
        // complete when the state's own is filled in. `order` is the pass's queue and the
        // table's breadth-first order too: a failure transition leads no deeper than the state it
        // leaves, so every state is first reached by its trie edge.
        let mut fail = vec![0u16; matches.len()];
        let mut order: Vec<u16> = Vec::with_capacity(matches.len());
        order.push(0);
        for entry in &mut rows[..width] {
            match *entry {
                NONE => *entry = 0,
                child => order.push(child),
            }
        }
        let mut next = 1;
        // The failure state's row, copied out so that the state's own can be written beside it.
        let mut fail_row = vec![0u16; width];
        while let Some(&s) = order.get(next) {
            next += 1;
            let s = usize::from(s);
            let f = usize::from(fail[s]);
            fail_row.copy_from_slice(&rows[f << stride2..(f << stride2) + width]);
            for (entry, &via_fail) in rows[s << stride2..(s << stride2) + width].iter_mut().zip(&fail_row) {
                match *entry {
                    NONE => *entry = via_fail,
                    child => {
                        fail[usize::from(child)] = via_fail;
                        // The failure state's list, lent for the copy (it is another state).
                        let inherited = core::mem::take(&mut matches[usize::from(via_fail)]);
                        matches[usize::from(child)].extend_from_slice(&inherited);
                        matches[usize::from(via_fail)] = inherited;
                        order.push(child);
                    }
                }
            }
        }
        // The layout (see `layout`, which `Table::new` uses): the states that are no match in
        // breadth-first order, then the match states. `row_of` maps a trie state to its row.
        let first_match = order.iter().filter(|&&s| matches[usize::from(s)].is_empty()).count();
        let mut row_of = vec![0u16; matches.len()];
        let (mut plain, mut matched_rows) = (0u16, u16::try_from(first_match).expect(too_many));
        let mut match_states = Vec::with_capacity(matches.len() - first_match);
        for &s in &order {
            let row = if matches[usize::from(s)].is_empty() {
                &mut plain
            } else {
                match_states.push(s);
                &mut matched_rows
            };
            row_of[usize::from(s)] = *row;
            *row += 1;
        }
        // Every entry names a row instead of a trie state, then every row moves to its place:
        // each swap puts one row where it belongs.
        for row in rows.chunks_exact_mut(stride) {
            for entry in &mut row[..width] {
                *entry = row_of[usize::from(*entry)];
            }
        }
        let start = row_of[0];
        let mut dest = row_of;
        for i in 0..dest.len() {
            loop {
                let j = usize::from(dest[i]);
                if j == i {
                    break;
                }
                let (low, high) = rows.split_at_mut(i.max(j) << stride2);
                low[i.min(j) << stride2..(i.min(j) + 1) << stride2].swap_with_slice(&mut high[..stride]);
                dest.swap(i, j);
            }
        }
        let mut match_starts = Vec::with_capacity(match_states.len() + 1);
        let mut found = Vec::new();
        for &s in &match_states {
            match_starts.push(u32::try_from(found.len()).expect("fewer than 4 billion matches"));
            found.extend_from_slice(&matches[usize::from(s)]);
        }
        match_starts.push(u32::try_from(found.len()).expect("fewer than 4 billion matches"));
        Self {
            classes: alphabet.classes,
            stride2,
            start,
            trans: rows,
            first_match: u16::try_from(first_match).expect(too_many),
            match_starts,
            patterns: found,
            max_len: alphabet.max_len,
        }
    }

    /// Lays out an automaton given by its states in breadth-first order from the start state
    /// (the first), each state's place in that order, its transition function and the patterns
    /// each state matches, over `alphabet` (see the module's notes).
    #[cfg(test)]
    fn layout<S: Copy>(
        alphabet: &Alphabet,
        order: &[S],
        place: impl Fn(S) -> usize,
        next_state: impl Fn(S, u8) -> S,
        matched: impl Fn(S) -> Vec<u32>,
    ) -> Self {
        let Alphabet { classes, representatives, stride2, max_len } = alphabet;
        let (classes, stride2, max_len) = (*classes, *stride2, *max_len);
        // Rows: the states that are no match in breadth-first order, then the match states.
        let lists: Vec<Vec<u32>> = order.iter().map(|&sid| matched(sid)).collect();
        let matching: Vec<bool> = lists.iter().map(|l| !l.is_empty()).collect();
        let first_match = matching.iter().filter(|&&m| !m).count();
        let mut row_of = vec![0u16; order.len()];
        let (mut plain, mut matched_rows) = (0usize, first_match);
        for (place, &m) in matching.iter().enumerate() {
            let row = if m { &mut matched_rows } else { &mut plain };
            row_of[place] = u16::try_from(*row).expect("fewer than 65,536 automaton states");
            *row += 1;
        }
        let width = 1usize << stride2;
        let mut trans = vec![0u16; order.len() * width];
        let mut match_lists: Vec<Vec<u32>> = vec![Vec::new(); order.len() - first_match];
        for (at, (&sid, list)) in order.iter().zip(lists).enumerate() {
            let row = usize::from(row_of[at]);
            for (class, &byte) in representatives.iter().enumerate() {
                trans[(row << stride2) + class] = row_of[place(next_state(sid, byte))];
            }
            if matching[at] {
                match_lists[row - first_match] = list;
            }
        }
        let mut match_starts = Vec::with_capacity(match_lists.len() + 1);
        let mut patterns = Vec::new();
        for list in match_lists {
            match_starts.push(u32::try_from(patterns.len()).expect("fewer than 4 billion matches"));
            patterns.extend(list);
        }
        match_starts.push(u32::try_from(patterns.len()).expect("fewer than 4 billion matches"));
        Self {
            classes,
            stride2,
            trans,
            start: row_of[0],
            first_match: u16::try_from(first_match).expect("fewer than 65,536 automaton states"),
            match_starts,
            patterns,
            max_len,
        }
    }

    /// The state every walk starts in.
    #[cfg(test)]
    pub(super) const fn start(&self) -> u16 {
        self.start
    }

    /// The state after `byte` in state `row`.
    #[inline(always)]
    fn step(&self, row: u16, byte: u8) -> u16 {
        self.trans[(usize::from(row) << self.stride2) | usize::from(self.classes[usize::from(byte)])]
    }

    /// Steps from state `row` over `text[at..]` to the next match state: the position of the
    /// byte that led to it, and the state. Four bytes are stepped before their states are
    /// tested together.
    #[inline(always)]
    pub(super) fn next_match(&self, text: &[u8], at: usize, mut row: u16) -> Option<(usize, u16)> {
        let rest = text.get(at..)?;
        let first_match = self.first_match;
        let mut chunks = rest.chunks_exact(4);
        let mut i = at;
        for chunk in chunks.by_ref() {
            let [b0, b1, b2, b3] = <[u8; 4]>::try_from(chunk).expect("chunks of four");
            let s0 = self.step(row, b0);
            let s1 = self.step(s0, b1);
            let s2 = self.step(s1, b2);
            let s3 = self.step(s2, b3);
            if s0.max(s1).max(s2.max(s3)) >= first_match {
                let steps = [s0, s1, s2, s3];
                let k = steps.iter().position(|&s| s >= first_match).expect("one of them matched");
                return Some((i + k, steps[k]));
            }
            (row, i) = (s3, i + 4);
        }
        for &byte in chunks.remainder() {
            row = self.step(row, byte);
            if row >= first_match {
                return Some((i, row));
            }
            i += 1;
        }
        None
    }

    /// Calls `found` with the position and state of every match state `text` leads to, in the
    /// order of the text: what calling [`next_match`](Self::next_match) from the start state
    /// over the whole text gives.
    ///
    /// A step is a load that depends on the step before, so one walk waits on the cache at every
    /// byte. A text long enough is walked as two stretches at once, each a walk of its own that
    /// the processor overlaps with the other (three and four stretches measured no faster). The
    /// second stretch starts `max_len` bytes before the middle, from the start state: a state
    /// stands for the longest end of the text read that begins a pattern, at most `max_len`
    /// bytes, so once a walk has read that many bytes its states are those of a walk from the
    /// text's start. It reports only from where the first stretch ends, and holds its matches
    /// until that stretch is done (up to [`HELD`] of them; when there are more, it goes on alone
    /// once the first is done, from the match it could not hold).
    #[inline]
    pub(super) fn scan(&self, text: &[u8], mut found: impl FnMut(usize, u16)) {
        let overlap = self.max_len;
        // Each stretch reads `len` bytes; the second starts at `len - overlap`.
        let len = (text.len() + overlap).div_ceil(2);
        if len < 2 * overlap.max(4) || u32::try_from(text.len()).is_err() {
            self.walk_from(text, 0, self.start, 0, &mut found);
            return;
        }
        let first_match = self.first_match;
        let (first, second) = (&text[..len], &text[len - overlap..]);
        // The second stretch's positions are counted from its own start, `len - overlap`.
        let (mut at, mut row_a, mut row_b) = (0, self.start, self.start);
        let mut held = [(0u32, 0u16); HELD];
        let mut held_len = 0;
        // The second stretch stops where it could hold no more: its position and state then.
        let mut stopped = None;
        let rounds = first.len().min(second.len()) / 4;
        while at < rounds * 4 {
            let (Some(a), Some(b)) = (first.get(at..at + 4), second.get(at..at + 4)) else { break };
            let a0 = self.step(row_a, a[0]);
            let b0 = self.step(row_b, b[0]);
            let a1 = self.step(a0, a[1]);
            let b1 = self.step(b0, b[1]);
            let a2 = self.step(a1, a[2]);
            let b2 = self.step(b1, b[2]);
            let a3 = self.step(a2, a[3]);
            let b3 = self.step(b2, b[3]);
            if a0.max(a1).max(a2.max(a3)).max(b0.max(b1).max(b2.max(b3))) >= first_match {
                for (k, s) in [a0, a1, a2, a3].into_iter().enumerate() {
                    if s >= first_match {
                        found(at + k, s);
                    }
                }
                let steps = [b0, b1, b2, b3];
                for (k, &s) in steps.iter().enumerate() {
                    // Matches before `overlap` are the first stretch's to report.
                    if s < first_match || at + k < overlap {
                        continue;
                    }
                    if held_len == HELD {
                        stopped = Some((at + k, if k == 0 { row_b } else { steps[k - 1] }));
                        break;
                    }
                    held[held_len] = (u32::try_from(len - overlap + at + k).unwrap_or(u32::MAX), s);
                    held_len += 1;
                }
                if stopped.is_some() {
                    (row_a, at) = (a3, at + 4);
                    break;
                }
            }
            (row_a, row_b, at) = (a3, b3, at + 4);
        }
        self.walk_from(first, at, row_a, 0, &mut found);
        for &(p, s) in &held[..held_len] {
            found(p as usize, s);
        }
        let (b_at, b_row) = stopped.unwrap_or((at, row_b));
        let base = len - overlap;
        self.walk_from(text, base + b_at, b_row, len, &mut found);
    }

    /// Walks `text[at..]` from state `row`, calling `found` for each match at or after
    /// `report_from`.
    #[inline]
    fn walk_from(
        &self,
        text: &[u8],
        mut at: usize,
        mut row: u16,
        report_from: usize,
        found: &mut impl FnMut(usize, u16),
    ) {
        while let Some((p, s)) = self.next_match(text, at, row) {
            if p >= report_from {
                found(p, s);
            }
            (at, row) = (p + 1, s);
        }
    }

    /// The patterns match state `row` stands for (none for a state that is no match).
    pub(super) fn matches(&self, row: u16) -> &[u32] {
        let Some(r) = usize::from(row).checked_sub(usize::from(self.first_match)) else { return &[] };
        &self.patterns[self.match_starts[r] as usize..self.match_starts[r + 1] as usize]
    }

    /// The heap memory the table uses, in bytes.
    pub(super) fn memory_usage(&self) -> usize {
        self.trans.capacity() * core::mem::size_of::<u16>()
            + (self.match_starts.capacity() + self.patterns.capacity()) * core::mem::size_of::<u32>()
    }

    /// How many states the table has.
    #[cfg(test)]
    pub(super) fn states(&self) -> usize {
        self.trans.len() >> self.stride2
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use aho_corasick::{MatchKind, StartKind};
    use alloc::format;

    fn dfa<P: AsRef<[u8]>>(patterns: &[P]) -> DFA {
        DFA::builder()
            .ascii_case_insensitive(true)
            .match_kind(MatchKind::Standard)
            .start_kind(StartKind::Unanchored)
            .prefilter(false)
            .build(patterns)
            .unwrap()
    }

    /// aho-corasick's NFA of `patterns`, built as the classifier once built its own.
    fn nfa(patterns: &[&[u8]]) -> aho_corasick::nfa::noncontiguous::NFA {
        aho_corasick::nfa::noncontiguous::NFA::builder()
            .ascii_case_insensitive(true)
            .match_kind(MatchKind::Standard)
            .prefilter(false)
            .build(patterns)
            .unwrap()
    }

    /// The classifier's keys: the catalogue's phrases and provider replies, cut to its key length.
    fn catalogue_keys() -> Vec<&'static [u8]> {
        use super::super::{KEY_LEN, PHRASE_RULES, PROVIDER_REPLIES};
        let mut keys: Vec<&[u8]> = PHRASE_RULES
            .iter()
            .map(|r| r.phrase.as_bytes())
            .chain(PROVIDER_REPLIES.iter().map(|r| r.matches.as_bytes()))
            .map(|p| &p[..p.len().min(KEY_LEN)])
            .collect();
        keys.sort_unstable();
        keys.dedup();
        keys
    }

    /// Every match the table's walk finds, as (end, pattern) pairs.
    fn walk(table: &Table, text: &[u8]) -> Vec<(usize, u32)> {
        let (mut at, mut row, mut found) = (0, table.start(), Vec::new());
        while let Some((end, state)) = table.next_match(text, at, row) {
            found.extend(table.matches(state).iter().map(|&p| (end, p)));
            (at, row) = (end + 1, state);
        }
        found
    }

    /// Every match [`Table::scan`] reports, as (end, pattern) pairs in its order.
    fn scanned(table: &Table, text: &[u8]) -> Vec<(usize, u32)> {
        let mut found = Vec::new();
        table.scan(text, |end, state| found.extend(table.matches(state).iter().map(|&p| (end, p))));
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
        // The stretches of `scan` report what one walk finds, in the same order.
        assert_eq!(scanned(table, text), walk(table, text), "{:?}", alloc::string::String::from_utf8_lossy(text));
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

    /// Texts of every length around the stretches' bounds, with matches across each bound,
    /// none, and more than a stretch holds.
    #[test]
    fn scan_finds_what_one_walk_finds() {
        let patterns = ["user unknown", "unknown", "quota", "mailbox full", "box", "x"];
        let dfa = dfa(&patterns);
        let table = Table::new(&dfa, patterns.iter().map(|p| p.as_bytes()));
        let base = "550 5.1.1 user unknown; mailbox full, over quota; no such box here ".repeat(8);
        for len in 0..base.len() {
            assert_same(&dfa, &table, &base.as_bytes()[..len]);
            assert_same(&dfa, &table, &base.as_bytes()[len..]);
        }
        // Every byte a match: a stretch holds more matches than it keeps.
        for len in [100, 200, 333, 1000] {
            assert_same(&dfa, &table, "x".repeat(len).as_bytes());
            assert_same(&dfa, &table, format!("{}{}", "a".repeat(len), "x".repeat(len)).as_bytes());
        }
        assert_same(&dfa, &table, "q".repeat(500).as_bytes());
    }

    proptest::proptest! {
        /// Random texts of pattern pieces and other bytes, of every length the stretches split:
        /// the scan reports what one walk does, in its order.
        #[test]
        fn the_scan_is_one_walk(pieces in proptest::collection::vec(
            proptest::prop_oneof![
                proptest::sample::select(vec!["user unknown", "unknown", "box", "quota", "x", " ", "mailbox full"]),
                proptest::sample::select(vec!["a", "q", "\u{fc}", "-", "5.1.1", "USER"]),
            ],
            0..120,
        )) {
            let patterns = ["user unknown", "unknown", "quota", "mailbox full", "box", "x"];
            let dfa = dfa(&patterns);
            let table = Table::new(&dfa, patterns.iter().map(|p| p.as_bytes()));
            let text: alloc::string::String = pieces.concat();
            proptest::prop_assert_eq!(scanned(&table, text.as_bytes()), walk(&table, text.as_bytes()));
        }
    }

    /// The table built here is the one made of `aho-corasick`'s automaton of the same patterns,
    /// its NFA (as the classifier used) and its DFA, entry for entry and match for match.
    #[test]
    fn the_table_built_here_is_the_one_of_aho_corasick() {
        let small: Vec<&[u8]> =
            ["user unknown", "unknown", "quota", "mailbox full", "box", "\u{fc}ber", "a\0b", "\0", "USER"]
                .iter()
                .map(|p| p.as_bytes())
                .collect();
        for patterns in [small, catalogue_keys()] {
            let nfa = nfa(&patterns);
            let dfa = dfa(&patterns);
            let built = Table::build(&patterns);
            assert!(built == Table::new(&nfa, patterns.iter().copied()), "differs from the NFA's table");
            assert!(built == Table::new(&dfa, patterns.iter().copied()), "differs from the DFA's table");
        }
    }

    proptest::proptest! {
        /// Random sets of patterns over a few bytes (both cases of two letters, a non-ASCII
        /// byte, NUL), prefixes and repeats among them: the table built here is the one of
        /// aho-corasick's NFA.
        #[test]
        fn any_patterns_give_the_table_of_aho_corasick(patterns in proptest::collection::btree_set(
            proptest::collection::vec(proptest::sample::select(vec![b'a', b'A', b'b', b'B', 0xfc, 0]), 1..7),
            1..24,
        )) {
            let patterns: Vec<&[u8]> = patterns.iter().map(Vec::as_slice).collect();
            let nfa = nfa(&patterns);
            proptest::prop_assert!(Table::build(&patterns) == Table::new(&nfa, patterns.iter().copied()));
        }
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
        use super::super::PHRASE_RULES;
        let keys = catalogue_keys();
        let dfa = dfa(&keys);
        let table = Table::new(&dfa, keys.iter().copied());
        let mut together = Vec::new();
        for rule in PHRASE_RULES {
            assert_same(&dfa, &table, rule.phrase.as_bytes());
            assert_same(&dfa, &table, rule.phrase.to_ascii_uppercase().as_bytes());
            together.extend_from_slice(rule.phrase.as_bytes());
        }
        assert_same(&dfa, &table, &together);
        assert!(table.states() > 1000, "{} states", table.states());
        // Row numbers are 16 bits: the catalogue may grow to four times its size before a
        // wider table is needed.
        assert!(table.states() < 16_384, "{} states: the table's 16-bit rows are nearly used up", table.states());
    }
}
