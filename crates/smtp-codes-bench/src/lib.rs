//! The shared set of real SMTP replies that the benchmark and the peer-agreement test both use.
//!
//! Each is a reply as a server sends it on the wire (CRLF line endings): the shapes a client
//! parses most, from the samples in the project's reference notes.

/// One reply of the set.
#[derive(Clone, Copy, Debug)]
pub struct Sample {
    /// A short name for tables and benchmark ids.
    pub name: &'static str,
    /// The wire bytes, one complete reply.
    pub wire: &'static str,
    /// The reply code.
    pub code: u16,
    /// The enhanced status code, if the reply has one.
    pub enhanced: Option<&'static str>,
    /// The text of each line, with the codes stripped.
    pub lines: &'static [&'static str],
}

/// The set: single-line replies, Gmail-style multi-line replies and an EHLO response.
pub const SAMPLES: &[Sample] = &[
    Sample {
        name: "single/queued",
        wire: "250 2.0.0 Ok: queued as 4Bq8Kx2Y3Zz9\r\n",
        code: 250,
        enhanced: Some("2.0.0"),
        lines: &["Ok: queued as 4Bq8Kx2Y3Zz9"],
    },
    Sample {
        name: "single/user-unknown",
        wire: "550 5.1.1 <nobody@example.com>: Recipient address rejected: User unknown in virtual mailbox table\r\n",
        code: 550,
        enhanced: Some("5.1.1"),
        lines: &["<nobody@example.com>: Recipient address rejected: User unknown in virtual mailbox table"],
    },
    Sample {
        name: "single/yahoo-tss04",
        wire: "421 4.7.0 [TSS04] Messages from 192.0.2.192 temporarily deferred due to unexpected volume or user complaints - 4.16.55.1; see https://postmaster.yahooinc.com/error-codes\r\n",
        code: 421,
        enhanced: Some("4.7.0"),
        lines: &[
            "[TSS04] Messages from 192.0.2.192 temporarily deferred due to unexpected volume or user complaints - 4.16.55.1; see https://postmaster.yahooinc.com/error-codes",
        ],
    },
    Sample {
        name: "single/microsoft-5.7.515",
        wire: "550 5.7.515 Access denied, sending domain EXAMPLE.JP doesn't meet the required authentication level.\r\n",
        code: 550,
        enhanced: Some("5.7.515"),
        lines: &["Access denied, sending domain EXAMPLE.JP doesn't meet the required authentication level."],
    },
    Sample {
        name: "multi/gmail-ptr",
        wire: "550-5.7.25 [203.0.113.1] The IP address sending this message does not have a\r\n550-5.7.25 PTR record setup, or the corresponding forward DNS entry does not\r\n550-5.7.25 point to the sending IP. As a policy, Gmail does not accept messages\r\n550-5.7.25 from IPs with missing PTR records. For more information, go to\r\n550 5.7.25  https://support.google.com/mail/answer/81126#ip-practices d2e1a72fcca58-7e8f4e1a8c2si1234567b3a.123 - gsmtp\r\n",
        code: 550,
        enhanced: Some("5.7.25"),
        lines: &[
            "[203.0.113.1] The IP address sending this message does not have a",
            "PTR record setup, or the corresponding forward DNS entry does not",
            "point to the sending IP. As a policy, Gmail does not accept messages",
            "from IPs with missing PTR records. For more information, go to",
            "https://support.google.com/mail/answer/81126#ip-practices d2e1a72fcca58-7e8f4e1a8c2si1234567b3a.123 - gsmtp",
        ],
    },
    Sample {
        name: "multi/gmail-rate",
        wire: "450-4.2.1 The user you are trying to contact is receiving mail at a rate that\r\n450-4.2.1 prevents additional messages from being delivered. Please resend your\r\n450-4.2.1 message at a later time. If the user is able to receive mail at that\r\n450-4.2.1 time, your message will be delivered. For more information, please\r\n450-4.2.1 visit\r\n450 4.2.1 https://support.google.com/mail/?p=ReceivingRate aabb1122ccddeeff.547 - gsmtp\r\n",
        code: 450,
        enhanced: Some("4.2.1"),
        lines: &[
            "The user you are trying to contact is receiving mail at a rate that",
            "prevents additional messages from being delivered. Please resend your",
            "message at a later time. If the user is able to receive mail at that",
            "time, your message will be delivered. For more information, please",
            "visit",
            "https://support.google.com/mail/?p=ReceivingRate aabb1122ccddeeff.547 - gsmtp",
        ],
    },
    Sample {
        name: "ehlo/gmail",
        wire: "250-mx.google.com at your service, [203.0.113.1]\r\n250-SIZE 157286400\r\n250-8BITMIME\r\n250-STARTTLS\r\n250-ENHANCEDSTATUSCODES\r\n250-PIPELINING\r\n250-CHUNKING\r\n250 SMTPUTF8\r\n",
        code: 250,
        enhanced: None,
        lines: &[
            "mx.google.com at your service, [203.0.113.1]",
            "SIZE 157286400",
            "8BITMIME",
            "STARTTLS",
            "ENHANCEDSTATUSCODES",
            "PIPELINING",
            "CHUNKING",
            "SMTPUTF8",
        ],
    },
];

/// The diagnostic texts of `tests/data/sisimai/lines.jsonl`: real lines cut out of bounces, for
/// the classification benchmark and the throughput example.
///
/// # Panics
/// When the repository's test data is missing.
#[must_use]
pub fn real_lines() -> Vec<String> {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../../tests/data/sisimai/lines.jsonl");
    let data = std::fs::read_to_string(path).expect("the Sisimai test lines are in the repository");
    let mut lines = Vec::new();
    for line in data.lines().filter(|l| !l.trim().is_empty()) {
        // The field is a JSON string; a tiny reader keeps this crate free of serde.
        let start = line.find("\"text\": \"").expect("every line has a text") + 9;
        let mut text = String::new();
        let mut chars = line[start..].chars();
        while let Some(c) = chars.next() {
            match c {
                '"' => break,
                '\\' => match chars.next() {
                    Some('n') => text.push('\n'),
                    Some('t') => text.push('\t'),
                    Some('u') => {
                        let hex: String = chars.by_ref().take(4).collect();
                        text.push(u32::from_str_radix(&hex, 16).ok().and_then(char::from_u32).unwrap_or('\u{fffd}'));
                    }
                    Some(other) => text.push(other),
                    None => break,
                },
                c => text.push(c),
            }
        }
        lines.push(text);
    }
    lines
}
