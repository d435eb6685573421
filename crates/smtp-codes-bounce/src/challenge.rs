//! Challenge-response messages (TMDA, Spam Arrest, BoxTrapper, Bluebottle, Boxbe, ...): a
//! filter's request that the sender prove to be a person before the message is delivered. They
//! are not bounces. The markers are data, each with its source.

/// Where a [`ChallengeMarker`] looks.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum ChallengeField {
    /// A header of the message, by its lower-case name. Address headers are read as
    /// `Name <address>`, `Message-ID` without its angle brackets.
    Header(&'static str),
    /// The decoded `Subject`.
    Subject,
    /// The start of the human-readable text (its first [`BODY_PREFIX`] bytes, runs of white
    /// space read as one space), before any copy of the original.
    Body,
}

/// What a [`ChallengeMarker`]'s field must hold. Texts are lower case and compared without
/// regard to ASCII case.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum ChallengeTest {
    /// The header is there, whatever its value.
    Present,
    /// The value starts with this text (after white space and a `<`).
    StartsWith(&'static str),
    /// The value ends with this text (before white space and a `>`).
    EndsWith(&'static str),
    /// The value holds this text.
    Contains(&'static str),
}

/// A sign of a challenge-response message: the system that sends it, where to look, what to
/// find there, and the source.
#[derive(Clone, Copy, Debug)]
pub struct ChallengeMarker {
    /// The system that sends such messages.
    pub system: &'static str,
    /// Where the marker is looked for.
    pub field: ChallengeField,
    /// What the field must hold.
    pub test: ChallengeTest,
    /// Where the marker comes from.
    pub source: &'static str,
}

/// How much of the human-readable text is searched for [`ChallengeField::Body`] markers: a
/// challenge says what it wants in its first lines, and a longer text (a quoted original, a
/// mailing-list digest) is not searched.
pub const BODY_PREFIX: usize = 2048;

const SPAMASSASSIN: &str = "apache/spamassassin:rules/20_vbounce.cf (Challenge/Response bounces)";
const BOUNCEPARSER: &str =
    "Mail::DeliveryStatus::BounceParser 1.527, lib/Mail/DeliveryStatus/BounceParser.pm (parse: the C/R checks)";

use ChallengeField::{Body, Header, Subject};
use ChallengeTest::{Contains, EndsWith, Present, StartsWith};

/// The markers of challenge-response messages.
pub const MARKERS: &[ChallengeMarker] = &[
    ChallengeMarker {
        system: "TMDA",
        field: Header("x-delivery-agent"),
        test: StartsWith("tmda"),
        source: "KevinGoodsell/tmda-fork:tmda/TMDA/AutoResponse.py (X-Delivery-Agent: TMDA/version on every confirmation request); Mail::DeliveryStatus::BounceParser 1.527 (X-Delivery-Agent =~ /^TMDA/)",
    },
    ChallengeMarker {
        system: "TMDA",
        field: Header("message-id"),
        test: EndsWith("-tmda-confirm"),
        source: "apache/spamassassin:rules/20_vbounce.cf (__CRBOUNCE_TMDA)",
    },
    ChallengeMarker {
        system: "TMDA",
        field: Subject,
        test: StartsWith("please confirm your message"),
        source: "KevinGoodsell/tmda-fork:tmda/templates/confirm_request.txt (the confirmation request's subject)",
    },
    ChallengeMarker {
        system: "ASK (Active Spam Killer)",
        field: Header("x-askversion"),
        test: Present,
        source: SPAMASSASSIN,
    },
    ChallengeMarker {
        system: "Spam Arrest",
        field: Header("x-spamarrest-noauth"),
        test: Present,
        source: SPAMASSASSIN,
    },
    ChallengeMarker {
        system: "BoxTrapper (cPanel)",
        field: Header("x-boxtrapper"),
        test: Present,
        source: SPAMASSASSIN,
    },
    ChallengeMarker {
        system: "Bluebottle",
        field: Header("x-bluebottle-request"),
        test: Present,
        source: SPAMASSASSIN,
    },
    ChallengeMarker {
        system: "ChoiceMail",
        field: Header("x-choicemail-registration-request"),
        test: Present,
        source: "apache/spamassassin:rules/20_vbounce.cf (__AUTO_GEN_CM)",
    },
    ChallengeMarker { system: "Spamazoid", field: Header("x-spamazoid-md"), test: Present, source: SPAMASSASSIN },
    ChallengeMarker { system: "Spamlion", field: Header("spamlion"), test: Present, source: SPAMASSASSIN },
    ChallengeMarker { system: "ExiSpam", field: Header("x-exispam"), test: Contains("exispam"), source: SPAMASSASSIN },
    ChallengeMarker {
        system: "notaspammer",
        field: Header("precedence"),
        test: Contains("spam"),
        source: "apache/spamassassin:rules/20_vbounce.cf (__CRBOUNCE_PREC_SPAM)",
    },
    ChallengeMarker {
        system: "EarthLink spamBlocker",
        field: Header("return-path"),
        test: StartsWith("spamblocker-challenge@"),
        source: SPAMASSASSIN,
    },
    ChallengeMarker {
        system: "SpamBush",
        field: Header("return-path"),
        test: StartsWith("spambush@"),
        source: SPAMASSASSIN,
    },
    ChallengeMarker {
        system: "SpamHippo",
        field: Header("return-path"),
        test: StartsWith("spamhippo@"),
        source: SPAMASSASSIN,
    },
    ChallengeMarker {
        system: "devnull-quarantine",
        field: Header("return-path"),
        test: StartsWith("devnull-quarantine@"),
        source: SPAMASSASSIN,
    },
    ChallengeMarker {
        system: "SpamStomp",
        field: Header("return-path"),
        test: EndsWith("@spamstomp.com"),
        source: SPAMASSASSIN,
    },
    ChallengeMarker {
        system: "iPermitMail",
        field: Header("return-path"),
        test: EndsWith("@ipermitmail.com"),
        source: SPAMASSASSIN,
    },
    ChallengeMarker {
        system: "AntiSpam UOL",
        field: Header("from"),
        test: Contains("antispam uol"),
        source: SPAMASSASSIN,
    },
    ChallengeMarker {
        system: "Qurb",
        field: Subject,
        test: Contains("[qurb #"),
        source: "apache/spamassassin:rules/20_vbounce.cf (__CRBOUNCE_QURB: a subject ending in [Qurb #n])",
    },
    ChallengeMarker {
        system: "verification request",
        field: Subject,
        test: StartsWith("your email requires verification verify:"),
        source: SPAMASSASSIN,
    },
    ChallengeMarker {
        system: "verification request",
        field: Subject,
        test: StartsWith("please verify your email address"),
        source: SPAMASSASSIN,
    },
    ChallengeMarker {
        system: "verification request",
        field: Subject,
        test: StartsWith("unverified email to "),
        source: SPAMASSASSIN,
    },
    ChallengeMarker {
        system: "bulk email filter",
        field: Subject,
        test: StartsWith("**message you sent blocked by our bulk email filter**"),
        source: SPAMASSASSIN,
    },
    ChallengeMarker {
        system: "Bluebottle",
        field: Body,
        test: Contains("this account is protected by bluebottle"),
        source: BOUNCEPARSER,
    },
    ChallengeMarker {
        system: "Boxbe",
        field: Body,
        test: Contains("please add yourself to my boxbe guest list"),
        source: BOUNCEPARSER,
    },
    ChallengeMarker {
        system: "Boxbe",
        field: Body,
        test: Contains("one-time automated message to confirm that you're listed on my boxbe guest list"),
        source: BOUNCEPARSER,
    },
    ChallengeMarker {
        system: "confirmation request",
        field: Body,
        test: Contains("your server requires confirmation"),
        source: BOUNCEPARSER,
    },
];

/// The header names that [`MARKERS`] read, for the message parser to keep their values.
pub(crate) fn header_names() -> impl Iterator<Item = &'static str> {
    MARKERS.iter().filter_map(|m| match m.field {
        Header(name) => Some(name),
        _ => None,
    })
}

/// The system of the first marker that a message's fields show, if any. `names` are the names
/// of the message's headers, `header` gives a header's value (the first of that name),
/// `subject` the decoded subject, `text` the human-readable text before any copy of the
/// original.
pub(crate) fn detect(
    names: &[&str],
    header: impl Fn(&str) -> Option<String>,
    subject: Option<&str>,
    text: &str,
) -> Option<&'static str> {
    // A value is fetched only for a header the message has (most have none of them).
    let has = |name: &str| names.iter().any(|n| n.len() == name.len() && n.eq_ignore_ascii_case(name));
    let header = |name: &str| if has(name) { header(name) } else { None };
    let subject = subject.map(|s| s.trim().to_lowercase());
    // The start of the text is prepared only when a body marker is reached.
    let mut body: Option<Vec<u8>> = None;
    MARKERS
        .iter()
        .find(|m| match m.field {
            Header(name) => header(name).is_some_and(|v| holds(m.test, v.to_lowercase().as_bytes())),
            Subject => subject.as_ref().is_some_and(|v| holds(m.test, v.as_bytes())),
            Body => holds(m.test, body.get_or_insert_with(|| body_prefix(text))),
        })
        .map(|m| m.system)
}

/// Whether a lower-case value passes a test.
fn holds(test: ChallengeTest, value: &[u8]) -> bool {
    let value = value.trim_ascii();
    match test {
        Present => true,
        StartsWith(want) => value.strip_prefix(b"<").unwrap_or(value).starts_with(want.as_bytes()),
        EndsWith(want) => value.strip_suffix(b">").unwrap_or(value).ends_with(want.as_bytes()),
        Contains(want) => contains(value, want.as_bytes()),
    }
}

/// Whether `needle` occurs in `hay`: the texts are short, so a search from each occurrence of
/// the needle's first byte costs less than building a `memmem` searcher per marker.
fn contains(hay: &[u8], needle: &[u8]) -> bool {
    let Some(&first) = needle.first() else { return true };
    memchr::memchr_iter(first, hay).any(|at| hay[at..].starts_with(needle))
}

/// The first [`BODY_PREFIX`] bytes of a text, in ASCII lower case, with each run of white
/// space read as one space (a phrase may be folded over two lines).
fn body_prefix(text: &str) -> Vec<u8> {
    let bytes = &text.as_bytes()[..text.len().min(BODY_PREFIX)];
    let mut out = Vec::with_capacity(bytes.len());
    for &b in bytes {
        if b.is_ascii_whitespace() {
            if out.last().is_some_and(|&l| l != b' ') {
                out.push(b' ');
            }
        } else {
            out.push(b.to_ascii_lowercase());
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markers_are_lower_case_and_sourced() {
        for m in MARKERS {
            let text = match m.test {
                Present => "",
                StartsWith(t) | EndsWith(t) | Contains(t) => t,
            };
            assert_eq!(text, text.to_lowercase(), "{}", m.system);
            assert!(!m.source.is_empty(), "{}", m.system);
            if let Header(name) = m.field {
                assert_eq!(name, name.to_ascii_lowercase());
            }
        }
    }

    #[test]
    fn tests_and_folded_body() {
        let none = |_: &str| None;
        let all: Vec<&str> = header_names().collect();
        assert_eq!(detect(&all, none, Some("Please confirm your message"), ""), Some("TMDA"));
        assert_eq!(detect(&all, none, Some("Re: lunch [Qurb #1234567]"), ""), Some("Qurb"));
        assert_eq!(detect(&all, none, Some("Hello"), "Please add yourself\n  to my Boxbe\tGuest List."), Some("Boxbe"));
        let rp = |n: &str| (n == "return-path").then(|| "<spamblocker-challenge@earthlink.net>".to_owned());
        assert_eq!(detect(&all, rp, None, ""), Some("EarthLink spamBlocker"));
        let id = |n: &str| (n == "message-id").then(|| "1234.5678.ABCD-tmda-confirm".to_owned());
        assert_eq!(detect(&all, id, None, ""), Some("TMDA"));
        assert_eq!(detect(&all, none, Some("Please confirm: lunch on Friday?"), "See you."), None);
        // A marker phrase beyond the first lines is not read.
        let far = format!("{}your server requires confirmation", "x ".repeat(BODY_PREFIX));
        assert_eq!(detect(&all, none, None, &far), None);
    }
}
