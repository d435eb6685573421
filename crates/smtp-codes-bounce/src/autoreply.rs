//! Automatic replies (out of office, vacation): told apart from bounces by their RFC 3834
//! headers and the usual vendor headers, or by an out-of-office subject. The markers are data,
//! each with its source.

/// A header that marks an automatic reply: its name, the values that count (lower case; empty
/// means any value), and the source.
pub struct HeaderMarker {
    /// The header's name, in lower case.
    pub name: &'static str,
    /// The values that count, in lower case, compared with the start of the value; empty when
    /// any value counts.
    pub values: &'static [&'static str],
    /// Another header (its name, in lower case) that must be present too, whatever its value;
    /// `None` when the header marks a reply alone.
    pub with: Option<&'static str>,
    /// Where the marker comes from.
    pub source: &'static str,
}

/// Headers that mark an automatic reply. `Auto-Submitted: auto-generated` is not one: RFC 3834
/// §5 gives it to every machine-made message, bounces included.
pub const HEADERS: &[HeaderMarker] = &[
    HeaderMarker {
        name: "auto-submitted",
        values: &["auto-replied"],
        with: None,
        source: "RFC 3834 §5.1 (auto-replied: an automatic response to another message)",
    },
    HeaderMarker {
        name: "x-autoreply",
        values: &[],
        with: None,
        source: "postfixadmin/postfixadmin:VIRTUAL_VACATION/vacation.pl (the vacation script's reply header)",
    },
    HeaderMarker {
        name: "x-autorespond",
        values: &[],
        with: None,
        source: "observed on responders that do not send RFC 3834 headers; the issue's list (#12)",
    },
    HeaderMarker {
        name: "precedence",
        values: &["auto_reply"],
        with: None,
        source: "sisimai/p5-sisimai:lib/Sisimai/RFC3834.pm@v4.25.15 (precedence => auto_reply)",
    },
    HeaderMarker {
        name: "x-apple-action",
        values: &["vacation"],
        with: None,
        source: "sisimai/p5-sisimai:lib/Sisimai/RFC3834.pm@v4.25.15 (x-apple-action => vacation)",
    },
    // Exchange's out-of-office replies carry no RFC 3834 header that counts (their
    // `Auto-Submitted` is `auto-generated`, as on its bounces): they ask that no automatic
    // response answer them and name the mailbox whose rules made them. Either header alone is
    // on other mail (Outlook asks for suppression on meeting responses; a forwarding rule
    // names the loop).
    HeaderMarker {
        name: "x-auto-response-suppress",
        values: &["all"],
        with: Some("x-ms-exchange-inbox-rules-loop"),
        source: "zammad/zammad:app/models/channel/filter/out_of_office_check.rb@041bf51b52ef1308c8e4b73e8a40cc846deab576 (x-auto-response-suppress: all with x-ms-exchange-inbox-rules-loop); MS-OXCMAIL 2.1.3.2.20 (X-Auto-Response-Suppress: All, every automatic reply suppressed)",
    },
];

/// A subject that marks an automatic reply: the text its subject starts with (lower case,
/// after any `Re:`), its language and the source.
pub struct SubjectMarker {
    /// The text the subject starts with, in lower case.
    pub prefix: &'static str,
    /// The language, as an ISO 639-1 code.
    pub language: &'static str,
    /// Where the marker comes from.
    pub source: &'static str,
}

const SISIMAI: &str = "sisimai/p5-sisimai:lib/Sisimai/RFC3834.pm@v4.25.15 (subject patterns)";
const OUTLOOK: &str = "Microsoft Outlook/Exchange automatic-reply subject prefix in that language, as the product sends it (not checked against a Microsoft document)";
const ZOON: &str = "zoonru/PHP-Bounce-Handler:tests/BounceHandlerTest.php@006ee3d49a7e85cacf72c52920faef87cbd3d7a1 (its localized automatic-reply subjects)";

/// Subjects of automatic replies, by language.
pub const SUBJECTS: &[SubjectMarker] = &[
    SubjectMarker { prefix: "auto:", language: "en", source: SISIMAI },
    SubjectMarker { prefix: "auto response:", language: "en", source: SISIMAI },
    SubjectMarker { prefix: "automatic reply:", language: "en", source: SISIMAI },
    SubjectMarker { prefix: "out of office:", language: "en", source: SISIMAI },
    SubjectMarker { prefix: "out of the office:", language: "en", source: SISIMAI },
    SubjectMarker {
        prefix: "auto-reply:",
        language: "en",
        source: "FlorianHeigl/iredmail:tags/0.2-rc3/samples/vacation.sieve (\"Auto-Reply: I'm out of office.\")",
    },
    SubjectMarker { prefix: "automatische antwort:", language: "de", source: OUTLOOK },
    SubjectMarker { prefix: "abwesenheitsnotiz:", language: "de", source: OUTLOOK },
    SubjectMarker { prefix: "réponse automatique :", language: "fr", source: OUTLOOK },
    SubjectMarker { prefix: "réponse automatique:", language: "fr", source: OUTLOOK },
    SubjectMarker {
        prefix: "absence du bureau",
        language: "fr",
        source: "https://luca.lovalvo.ch/blog/exchange-gestionnaire-absence-du-bureau-non-envoye-aux-adresses-externes (Exchange's French name of the out-of-office reply)",
    },
    SubjectMarker { prefix: "respuesta automática:", language: "es", source: OUTLOOK },
    SubjectMarker { prefix: "risposta automatica:", language: "it", source: OUTLOOK },
    SubjectMarker { prefix: "resposta automática:", language: "pt", source: OUTLOOK },
    SubjectMarker { prefix: "automatisch antwoord:", language: "nl", source: OUTLOOK },
    SubjectMarker { prefix: "自動応答:", language: "ja", source: OUTLOOK },
    SubjectMarker { prefix: "自動応答：", language: "ja", source: OUTLOOK },
    // A whole subject, without the colon of a prefix ("Abwesenheitsnotiz", "Out of office").
    SubjectMarker { prefix: "automatic response", language: "en", source: ZOON },
    SubjectMarker { prefix: "this is an automated response", language: "en", source: ZOON },
    SubjectMarker { prefix: "out of office", language: "en", source: ZOON },
    SubjectMarker { prefix: "i will be out of office", language: "en", source: ZOON },
    SubjectMarker { prefix: "ooo:", language: "en", source: ZOON },
    SubjectMarker { prefix: "abwesenheitsnotiz", language: "de", source: ZOON },
    SubjectMarker { prefix: "réponse automatique", language: "fr", source: ZOON },
    SubjectMarker { prefix: "risposta automatica", language: "it", source: ZOON },
    SubjectMarker { prefix: "fuori ufficio", language: "it", source: ZOON },
    SubjectMarker { prefix: "respuesta automática", language: "es", source: ZOON },
    SubjectMarker { prefix: "fuera de la oficina", language: "es", source: ZOON },
    SubjectMarker { prefix: "автоответ", language: "ru", source: ZOON },
    SubjectMarker { prefix: "ответ автоматически", language: "ru", source: ZOON },
];

/// Subjects and senders that are never automatic replies although their headers may say so
/// (Exim's bounces carry `Auto-Submitted: auto-replied`).
pub const EXCLUDED_SUBJECTS: &[(&str, &str)] = &[
    ("security information for", "sisimai/p5-sisimai:lib/Sisimai/RFC3834.pm@v4.25.15 (sudo)"),
    ("mail failure -", "sisimai/p5-sisimai:lib/Sisimai/RFC3834.pm@v4.25.15 (Exim)"),
    ("mail delivery failed", "sisimai/p5-sisimai:lib/Sisimai/Lhost/Exim.pm@v4.25.15 (Exim's bounce subject)"),
];

/// Senders (local parts, lower case) that never send automatic replies.
pub const EXCLUDED_SENDERS: &[(&str, &str)] = &[
    ("root", "sisimai/p5-sisimai:lib/Sisimai/RFC3834.pm@v4.25.15"),
    ("postmaster", "sisimai/p5-sisimai:lib/Sisimai/RFC3834.pm@v4.25.15"),
    ("mailer-daemon", "sisimai/p5-sisimai:lib/Sisimai/RFC3834.pm@v4.25.15"),
];

/// Whether a message with these headers is an automatic reply. `header` gives a header's value
/// (the first of that name), `subject` the decoded subject, `from` the sender's address.
pub(crate) fn is_auto_reply(
    header: impl Fn(&str) -> Option<String>,
    subject: Option<&str>,
    from: Option<&str>,
) -> bool {
    let subject = subject.map(|s| s.trim().to_lowercase()).unwrap_or_default();
    if EXCLUDED_SUBJECTS.iter().any(|(s, _)| subject.contains(s)) {
        return false;
    }
    if let Some(from) = from {
        let local = from.rsplit_once('@').map_or(from, |(l, _)| l).to_ascii_lowercase();
        if EXCLUDED_SENDERS.iter().any(|(s, _)| local == *s) {
            return false;
        }
    }
    let by_header = HEADERS.iter().any(|m| {
        header(m.name).is_some_and(|v| {
            let v = v.trim().to_ascii_lowercase();
            m.values.is_empty() || m.values.iter().any(|want| v.starts_with(want))
        }) && m.with.is_none_or(|other| header(other).is_some())
    });
    by_header || subject_marks(&subject)
}

/// Whether a lower-case subject starts (after any `Re:`/`AW:` prefixes) with an out-of-office
/// marker.
fn subject_marks(subject: &str) -> bool {
    let mut s = subject.trim_start();
    loop {
        let before = s;
        for re in ["re:", "aw:", "sv:", "antw:", "r:"] {
            if let Some(rest) = s.strip_prefix(re) {
                s = rest.trim_start();
            }
        }
        if s.len() == before.len() {
            break;
        }
    }
    SUBJECTS.iter().any(|m| s.starts_with(m.prefix))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn subjects_in_languages() {
        for s in ["Automatische Antwort: Hallo", "Réponse automatique : test", "RE: Out of Office: x", "自動応答: test"]
        {
            assert!(is_auto_reply(|_| None, Some(s), Some("bob@example.org")), "{s}");
        }
        assert!(!is_auto_reply(|_| None, Some("Hello"), None));
        // Whole subjects without a prefix's colon, in several languages.
        for s in [
            "Abwesenheitsnotiz",
            "Fuori ufficio",
            "Fuera de la oficina",
            "Автоответ",
            "OOO: traveling",
            "Automatic response",
        ] {
            assert!(is_auto_reply(|_| None, Some(s), Some("bob@example.org")), "{s}");
        }
        assert!(!is_auto_reply(|_| None, Some("Office hours"), Some("bob@example.org")));
        let exim = |n: &str| (n == "auto-submitted").then(|| "auto-replied".to_owned());
        assert!(!is_auto_reply(exim, Some("Mail delivery failed: returning message to sender"), None));
        assert!(is_auto_reply(exim, Some("Thanks"), Some("bob@example.org")));
    }

    #[test]
    fn exchange_out_of_office_takes_both_headers() {
        let headers = |names: &'static [(&'static str, &'static str)]| {
            move |n: &str| names.iter().find(|(k, _)| *k == n).map(|(_, v)| (*v).to_owned())
        };
        let from = Some("bob@example.org");
        let both =
            headers(&[("x-auto-response-suppress", "All"), ("x-ms-exchange-inbox-rules-loop", "bob@example.org")]);
        assert!(is_auto_reply(both, Some("Lorem ipsum"), from));
        let suppress = headers(&[("x-auto-response-suppress", "All")]);
        assert!(!is_auto_reply(suppress, Some("Lorem ipsum"), from));
        let rules_loop = headers(&[("x-ms-exchange-inbox-rules-loop", "bob@example.org")]);
        assert!(!is_auto_reply(rules_loop, Some("Lorem ipsum"), from));
        let some =
            headers(&[("x-auto-response-suppress", "DR, RN"), ("x-ms-exchange-inbox-rules-loop", "bob@example.org")]);
        assert!(!is_auto_reply(some, Some("Lorem ipsum"), from));
    }
}
