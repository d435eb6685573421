//! Hand-written behaviour around the generated catalogue: the row of each entry, the accessors
//! that read it, and what the enums do beyond their data.
//!
//! `catalogue/generated.rs` holds the data: each enum, its `ALL` slice and its lookups, and one
//! row per entry in a table ordered like the enum's variants, so that an entry's row is
//! `TABLE[variant as usize]`. One catalogue entry is one row, so a change to `codes.toml` is one
//! block in the generated diff.

use core::fmt;

#[rustfmt::skip]
mod generated;

pub use generated::{
    Command, FirstDigit, KnownEnhanced, KnownReply, Message, SecondDigit, Severity, StatusClass, StatusSubject, WhoActs,
};

use crate::{EnhancedCode, EnhancedPattern, RegistryStatus, ReplyCode, ReplyStatus, Usage};

/// Accessors of a catalogue enum, each a `const fn` that reads one field of the entry's row in
/// `table` (indexed by the variant, as the generator orders them).
macro_rules! row_accessors {
    ($ty:ident in $table:path { $( $(#[$doc:meta])* fn $name:ident -> $ret:ty = $field:ident; )* }) => {
        impl $ty {
            $(
                $(#[$doc])*
                #[must_use]
                pub const fn $name(self) -> $ret {
                    $table[self as usize].$field
                }
            )*
        }
    };
}
// The classifier's reasons and providers are read the same way (`classify/rules.rs`).
#[cfg(feature = "classify")]
pub(crate) use row_accessors;

/// A row of [`FirstDigit`] or [`SecondDigit`].
struct DigitRow {
    digit: u8,
    name: &'static str,
    title: &'static str,
    description: &'static str,
    source: &'static str,
}

macro_rules! digit_accessors {
    ($ty:ident in $table:path) => {
        row_accessors! { $ty in $table {
            /// The entry's identifier in `codes.toml`, which is also the variant's name.
            fn name -> &'static str = name;
            /// The digit.
            fn digit -> u8 = digit;
            /// A short title.
            fn title -> &'static str = title;
            /// What the digit says about a reply.
            fn description -> &'static str = description;
            /// Where this comes from.
            fn source -> &'static str = source;
        }}
    };
}
digit_accessors!(FirstDigit in generated::FIRST_DIGITS);
digit_accessors!(SecondDigit in generated::SECOND_DIGITS);

/// A row of [`KnownReply`].
struct ReplyRow {
    code: ReplyCode,
    name: &'static str,
    title: &'static str,
    status: ReplyStatus,
    description: &'static str,
    commands: &'static [Command],
    who_acts: WhoActs,
    action: &'static str,
    source: &'static str,
    usages: &'static [Usage],
}

row_accessors! { KnownReply in generated::REPLIES {
    /// The entry's identifier in `codes.toml`, which is also the variant's name.
    fn name -> &'static str = name;
    /// The reply code.
    fn code -> ReplyCode = code;
    /// A short title, usually the RFC's reply text.
    fn title -> &'static str = title;
    /// Where the code comes from.
    fn status -> ReplyStatus = status;
    /// What the reply means, in plain English.
    fn description -> &'static str = description;
    /// The commands that may get this reply (RFC 5321 §4.3.2 and the extensions).
    fn commands -> &'static [Command] = commands;
    /// Who must act when this reply is seen.
    fn who_acts -> WhoActs = who_acts;
    /// What the sender should do next.
    fn action -> &'static str = action;
    /// Where this comes from.
    fn source -> &'static str = source;
    /// Extension-specific uses of the same code.
    fn usages -> &'static [Usage] = usages;
}}

/// A row of [`StatusClass`].
struct ClassRow {
    class: u8,
    name: &'static str,
    title: &'static str,
    description: &'static str,
    who_acts: WhoActs,
    source: &'static str,
}

row_accessors! { StatusClass in generated::CLASSES {
    /// The entry's identifier in `codes.toml`, which is also the variant's name.
    fn name -> &'static str = name;
    /// The class digit.
    fn class -> u8 = class;
    /// The registry's title.
    fn title -> &'static str = title;
    /// What the class means, in plain English.
    fn description -> &'static str = description;
    /// Who must act.
    fn who_acts -> WhoActs = who_acts;
    /// Where this comes from.
    fn source -> &'static str = source;
}}

/// A row of [`StatusSubject`].
struct SubjectRow {
    subject: u8,
    name: &'static str,
    title: &'static str,
    description: &'static str,
    who_acts: WhoActs,
    source: &'static str,
}

row_accessors! { StatusSubject in generated::SUBJECTS {
    /// The entry's identifier in `codes.toml`, which is also the variant's name.
    fn name -> &'static str = name;
    /// The subject number.
    fn subject -> u8 = subject;
    /// The registry's title.
    fn title -> &'static str = title;
    /// What the subject covers, in plain English.
    fn description -> &'static str = description;
    /// Who usually controls problems of this subject.
    fn who_acts -> WhoActs = who_acts;
    /// Where this comes from.
    fn source -> &'static str = source;
}}

/// A row of [`KnownEnhanced`].
struct EnhancedRow {
    subject: u16,
    detail: u16,
    name: &'static str,
    title: &'static str,
    description: &'static str,
    classes: &'static [u8],
    reply_codes: &'static [ReplyCode],
    reply_codes_note: Option<&'static str>,
    who_acts: WhoActs,
    action: &'static str,
    rfcs: &'static [&'static str],
    status: RegistryStatus,
    source: &'static str,
}

row_accessors! { KnownEnhanced in generated::ENHANCED {
    /// The entry's identifier in `codes.toml`, which is also the variant's name.
    fn name -> &'static str = name;
    /// The subject number.
    fn subject -> u16 = subject;
    /// The detail number.
    fn detail -> u16 = detail;
    /// The registry's sample text.
    fn title -> &'static str = title;
    /// What the code means, in plain English.
    fn description -> &'static str = description;
    /// The classes (2, 4, 5) in which the code is valid.
    fn classes -> &'static [u8] = classes;
    /// The reply codes the registry associates with the code.
    fn reply_codes -> &'static [ReplyCode] = reply_codes;
    /// The registry's wording when its list of reply codes is not plain ("Any", "Not given",
    /// "5XX", ...).
    fn reply_codes_note -> Option<&'static str> = reply_codes_note;
    /// Who must act.
    fn who_acts -> WhoActs = who_acts;
    /// What the sender should do next.
    fn action -> &'static str = action;
    /// The registry's references.
    fn rfcs -> &'static [&'static str] = rfcs;
    /// The standing of the code in the registry.
    fn status -> RegistryStatus = status;
    /// Where this comes from.
    fn source -> &'static str = source;
}}

/// A row of [`Severity`].
struct SeverityRow {
    id: &'static str,
    title: &'static str,
    description: &'static str,
    retry: bool,
}

row_accessors! { Severity in generated::SEVERITIES {
    /// The spelling used in `codes.toml` and in JSON output.
    fn as_str -> &'static str = id;
    /// A short headline, such as "Permanent failure".
    fn title -> &'static str = title;
    /// What the severity means for the message, in plain English.
    fn description -> &'static str = description;
    /// Whether a sender should try the same message again later.
    fn should_retry -> bool = retry;
}}

/// A row of [`WhoActs`].
struct WhoRow {
    id: &'static str,
    title: &'static str,
    description: &'static str,
}

row_accessors! { WhoActs in generated::WHO {
    /// The spelling used in `codes.toml` and in JSON output.
    fn as_str -> &'static str = id;
    /// Who it is, as a phrase: "the sender's administrator or provider".
    fn title -> &'static str = title;
    /// What this party is responsible for.
    fn description -> &'static str = description;
}}

/// A row of [`Command`].
struct CommandRow {
    id: &'static str,
    title: &'static str,
    description: &'static str,
}

row_accessors! { Command in generated::COMMANDS {
    /// The spelling used in `codes.toml` and in JSON output.
    fn as_str -> &'static str = id;
    /// What a person calls it: "RCPT TO", "End of message data".
    fn title -> &'static str = title;
    /// What the command does, in plain English.
    fn description -> &'static str = description;
}}

/// A row of [`Message`].
struct MessageRow {
    name: &'static str,
    text: &'static str,
    source: &'static str,
}

row_accessors! { Message in generated::MESSAGES {
    /// The entry's identifier in `codes.toml`, which is also the variant's name.
    fn name -> &'static str = name;
    /// The sentence.
    fn text -> &'static str = text;
    /// Where it comes from.
    fn source -> &'static str = source;
}}

impl KnownEnhanced {
    /// Whether the registry allows this code in `class` (2, 4 or 5).
    #[must_use]
    pub const fn allows_class(self, class: u8) -> bool {
        let classes = self.classes();
        let mut i = 0;
        while i < classes.len() {
            if classes[i] == class {
                return true;
            }
            i += 1;
        }
        false
    }

    /// The code in a given class, such as `5.1.1` for `X.1.1` in class 5. `None` when the class
    /// is not 2, 4 or 5; the result may still be a class the registry does not allow.
    #[must_use]
    pub const fn in_class(self, class: u8) -> Option<EnhancedCode> {
        self.pattern().in_class(class)
    }

    /// The registry's `X.subject.detail`.
    #[must_use]
    pub const fn pattern(self) -> EnhancedPattern {
        EnhancedPattern::from_catalogue(self.subject(), self.detail())
    }
}

/// Prints `X.subject.detail`, as the registry writes it.
impl fmt::Display for KnownEnhanced {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(&self.pattern(), f)
    }
}

/// Prints the code, such as `550`.
impl fmt::Display for KnownReply {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(&self.code(), f)
    }
}

#[cfg(test)]
mod tests {
    use super::KnownReply;
    use super::generated::REPLY_CODE_CONSTANTS;

    /// Whether `constant` is `name` in SCREAMING_SNAKE_CASE (`MailboxUnavailable`,
    /// `MAILBOX_UNAVAILABLE`), checked apart from the generator's own conversion.
    fn is_constant_of(constant: &str, name: &str) -> bool {
        let mut rest = name;
        for word in constant.split('_') {
            let Some((head, tail)) = rest.split_at_checked(word.len()) else { return false };
            let one_word = head.starts_with(|c: char| c.is_ascii_uppercase())
                && !head[1..].bytes().any(|b| b.is_ascii_uppercase());
            if !one_word || !head.eq_ignore_ascii_case(word) {
                return false;
            }
            rest = tail;
        }
        rest.is_empty()
    }

    #[test]
    fn every_reply_code_constant_names_its_entry() {
        assert_eq!(REPLY_CODE_CONSTANTS.len(), KnownReply::ALL.len());
        for &(constant, code) in REPLY_CODE_CONSTANTS {
            let known = code.known().unwrap_or_else(|| panic!("{constant} = {code} is not in the catalogue"));
            assert!(is_constant_of(constant, known.name()), "{constant} = {code}, which is {}", known.name());
        }
        assert!(!is_constant_of("MAILBOX_UNAVAILABLE", "MailboxTemporarilyUnavailable"));
    }
}
