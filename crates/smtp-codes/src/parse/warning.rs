//! Warnings: the oddities a parser noticed in a reply, kept in a fixed-size, allocation-free list.

use core::fmt;

use crate::{EnhancedCode, Message, ReplyCode};

/// Something odd about a reply that did not stop it from being read.
///
/// Parsing never fails because of these; they are reported so that a caller (or the explainer)
/// can say what looks wrong instead of silently picking one reading.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Warning {
    /// The reply code's first digit and the enhanced code's class disagree (`421 5.7.32`,
    /// `550 4.2.0`). RFC 3463 asks for the same class; servers do not always comply.
    ClassMismatch {
        /// The three-digit reply code.
        reply: ReplyCode,
        /// The enhanced status code sent with it.
        enhanced: EnhancedCode,
    },
    /// The reply code changed between the lines of one reply (RFC 5321 §4.2.1 wants it the same).
    ReplyCodeChanged {
        /// The code on the earlier line.
        first: ReplyCode,
        /// The different code on a later line.
        later: ReplyCode,
    },
    /// The enhanced status code changed between the lines of one reply.
    EnhancedCodeChanged {
        /// The code on the earlier line.
        first: EnhancedCode,
        /// The different code on a later line.
        later: EnhancedCode,
    },
    /// The registry defines this subject and detail, but not in this class (`4.7.17`). Not
    /// raised for a success (`250 2.6.0`), which the explainer notes instead.
    NotRegisteredInClass(EnhancedCode),
    /// A reply code outside RFC 5321's grammar (second digit above 5, such as `571`).
    NonStandardReplyCode(ReplyCode),
    /// The text starts with a number that looks like a reply code but is not one (`999`, `55`):
    /// a reply code has three digits, the first 2 to 5.
    NotAReplyCode(CodeText),
    /// The text starts with a dotted number that looks like an enhanced status code but is not
    /// one (`9.9.9`): its class must be 2, 4 or 5.
    NotAnEnhancedCode(CodeText),
    /// A log line's own status field (Postfix or sendmail `dsn=`) differs from the enhanced code
    /// in the remote server's reply text; the reply's own code is the one reported.
    DsnFieldDiffers {
        /// The code of the `dsn=` field.
        dsn: EnhancedCode,
        /// The code found in the reply text, which is the one used.
        reply: EnhancedCode,
    },
}

/// The sentence is the catalogue's (`[[message]]` `Warning...`), with its `{placeholders}`
/// filled in.
impl fmt::Display for Warning {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match *self {
            Self::ClassMismatch { reply, enhanced } => {
                fill(f, Message::WarningClassMismatch, &[("reply", &reply), ("enhanced", &enhanced)])
            }
            Self::ReplyCodeChanged { first, later } => {
                fill(f, Message::WarningReplyCodeChanged, &[("first", &first), ("later", &later)])
            }
            Self::EnhancedCodeChanged { first, later } => {
                fill(f, Message::WarningEnhancedCodeChanged, &[("first", &first), ("later", &later)])
            }
            Self::NotRegisteredInClass(code) => {
                fill(f, Message::WarningNotRegisteredInClass, &[("code", &code), ("class", &code.class())])
            }
            Self::NonStandardReplyCode(code) => fill(f, Message::WarningNonStandardReplyCode, &[("code", &code)]),
            Self::NotAReplyCode(text) => fill(f, Message::WarningNotAReplyCode, &[("text", &text)]),
            Self::NotAnEnhancedCode(text) => fill(f, Message::WarningNotAnEnhancedCode, &[("text", &text)]),
            Self::DsnFieldDiffers { dsn, reply } => {
                fill(f, Message::WarningDsnFieldDiffers, &[("dsn", &dsn), ("reply", &reply)])
            }
        }
    }
}

/// A short number-like token of the input, kept by value (at most [`CodeText::CAPACITY`] bytes
/// of ASCII digits and dots) so that a [`Warning`] stays `Copy` and needs no lifetime.
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub struct CodeText {
    bytes: [u8; CodeText::CAPACITY],
    len: u8,
}

impl CodeText {
    /// The longest token kept.
    pub const CAPACITY: usize = 12;

    /// The token, when it is 1 to [`CAPACITY`](Self::CAPACITY) ASCII digits and dots.
    pub(crate) fn new(token: &[u8]) -> Option<Self> {
        if token.is_empty() || token.len() > Self::CAPACITY || !token.iter().all(|&b| b.is_ascii_digit() || b == b'.') {
            return None;
        }
        let mut bytes = [0; Self::CAPACITY];
        bytes[..token.len()].copy_from_slice(token);
        Some(Self { bytes, len: u8::try_from(token.len()).ok()? })
    }

    /// The token as text.
    #[must_use]
    pub fn as_str(&self) -> &str {
        core::str::from_utf8(&self.bytes[..usize::from(self.len)]).unwrap_or_default()
    }
}

impl fmt::Display for CodeText {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl fmt::Debug for CodeText {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(self.as_str(), f)
    }
}

/// Writes a catalogue sentence, replacing each `{name}` with its value. An unknown name is
/// written as it stands, so a typo in the catalogue shows instead of vanishing.
fn fill(f: &mut fmt::Formatter<'_>, message: Message, values: &[(&str, &dyn fmt::Display)]) -> fmt::Result {
    let mut rest = message.text();
    while let Some(open) = rest.find('{') {
        f.write_str(&rest[..open])?;
        let after = &rest[open + 1..];
        match after.find('}').and_then(|close| {
            let name = &after[..close];
            values.iter().find(|(n, _)| *n == name).map(|(_, v)| (close, *v))
        }) {
            Some((close, value)) => {
                value.fmt(f)?;
                rest = &after[close + 1..];
            }
            None => {
                f.write_str("{")?;
                rest = after;
            }
        }
    }
    f.write_str(rest)
}

/// How many warnings a [`Warnings`] list holds before it only counts.
const CAPACITY: usize = 4;

/// A small, fixed-capacity list of [`Warning`]s: `Copy`, and never allocates.
///
/// Equal warnings are kept once. When more distinct warnings arrive than fit, the extra ones are
/// counted in [`overflowed`](Self::overflowed), so no loss is silent.
#[derive(Clone, Copy)]
pub struct Warnings {
    /// Only the first `len` are meaningful; the rest are filler, so that the empty list (the
    /// common case) is cheap to build and copy.
    items: [Warning; CAPACITY],
    len: u8,
    overflowed: u32,
}

/// The filler of unused slots; never shown.
const FILLER: Warning = Warning::NonStandardReplyCode(ReplyCode::OK);

impl Warnings {
    /// An empty list.
    #[must_use]
    pub const fn new() -> Self {
        Self { items: [FILLER; CAPACITY], len: 0, overflowed: 0 }
    }

    /// Adds a warning unless an equal one is already there; counts it when the list is full.
    pub(crate) fn push(&mut self, warning: Warning) {
        if self.as_slice().contains(&warning) {
            return;
        }
        match self.items.get_mut(usize::from(self.len)) {
            Some(slot) => {
                *slot = warning;
                self.len += 1;
            }
            None => self.overflowed = self.overflowed.saturating_add(1),
        }
    }

    /// The warnings kept, as a slice.
    #[must_use]
    pub fn as_slice(&self) -> &[Warning] {
        &self.items[..usize::from(self.len)]
    }

    /// The warnings kept, in the order they were found.
    pub fn iter(&self) -> impl Iterator<Item = Warning> + '_ {
        self.as_slice().iter().copied()
    }

    /// Whether there is no warning at all (kept or counted).
    #[must_use]
    pub const fn is_empty(&self) -> bool {
        self.len == 0 && self.overflowed == 0
    }

    /// How many warnings are kept.
    #[must_use]
    pub const fn len(&self) -> usize {
        self.len as usize
    }

    /// How many further distinct warnings were found but not kept because the list was full.
    #[must_use]
    pub const fn overflowed(&self) -> usize {
        self.overflowed as usize
    }

    /// Whether a warning equal to `warning` is kept.
    #[must_use]
    pub fn contains(&self, warning: Warning) -> bool {
        self.as_slice().contains(&warning)
    }
}

impl Default for Warnings {
    fn default() -> Self {
        Self::new()
    }
}

impl PartialEq for Warnings {
    fn eq(&self, other: &Self) -> bool {
        self.as_slice() == other.as_slice() && self.overflowed == other.overflowed
    }
}

impl Eq for Warnings {}

impl core::hash::Hash for Warnings {
    fn hash<H: core::hash::Hasher>(&self, state: &mut H) {
        self.as_slice().hash(state);
        self.overflowed.hash(state);
    }
}

impl fmt::Debug for Warnings {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut list = f.debug_list();
        list.entries(self.as_slice());
        if self.overflowed > 0 {
            list.entry(&format_args!("... and {} more", self.overflowed));
        }
        list.finish()
    }
}

/// Adds the warnings that a reply code and an enhanced code give on their own and together.
pub(crate) fn check_codes(reply: Option<ReplyCode>, enhanced: Option<EnhancedCode>, warnings: &mut Warnings) {
    if let Some(reply) = reply
        && !reply.is_rfc5321_syntax()
    {
        warnings.push(Warning::NonStandardReplyCode(reply));
    }
    if let Some(enhanced) = enhanced {
        if let Some(reply) = reply
            && reply.first_digit() != enhanced.class()
        {
            warnings.push(Warning::ClassMismatch { reply, enhanced });
        }
        // A success whose detail the registry lists for failures only (`250 2.6.0 Queued mail
        // for delivery`, common from Exchange) is not odd enough to warn about: the explainer
        // notes it instead.
        let success = enhanced.class() == 2 && reply.is_none_or(|r| r.first_digit() == 2);
        if !success && enhanced.known().is_some_and(|k| !k.allows_class(enhanced.class())) {
            warnings.push(Warning::NotRegisteredInClass(enhanced));
        }
    }
}
