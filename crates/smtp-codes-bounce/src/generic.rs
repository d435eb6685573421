//! The generic reader of plain-text bounce bodies (no delivery-status part): the recipients
//! named at the start of error lines and the reply text after them. Part 2 of the bounce work
//! adds each MTA's own layout; this reader only knows what most of them share.

use std::collections::HashMap;

use crate::recipient::Facts;

/// Subjects (lower case, their first words, as Sisimai keys them) that name a bounce.
pub const BOUNCE_SUBJECTS: &[&str] = &[
    "delivery failure",
    "delivery notification",
    "delivery report",
    "delivery status",
    "failed delivery",
    "failure delivery",
    "failure notice",
    "mail could",
    "mail delivery",
    "mail failure",
    "mail not",
    "mail system",
    "message delivery",
    "message frozen",
    "message you",
    "non recapitabile",
    "non remis",
    "notice",
    "permanent delivery",
    "postmaster notify",
    "returned mail",
    "sorry your",
    "there was",
    "undeliverable",
    "undelivered mail",
    "warning",
    "delayed mail",
    "delivery delayed",
];

/// The source of [`BOUNCE_SUBJECTS`].
pub const BOUNCE_SUBJECTS_SOURCE: &str =
    "sisimai/p5-sisimai:lib/Sisimai/Order.pm@v4.25.15 (the subject's first two words that pick a reader)";

/// More subjects' first words that name a bounce, each with its source.
pub const MORE_BOUNCE_SUBJECTS: &[(&str, &str)] = &[(
    "non delivery",
    "sample:flufl/microsoft_03.txt (Microsoft CDO's \"Non-Delivery: ...\" over its \"--- Non-Delivery Report ---\")",
)];

/// Whether a subject (lower case, `-`, `_` and `:` made spaces, a leading tag taken off) names
/// a bounce by its first words ([`BOUNCE_SUBJECTS`], [`MORE_BOUNCE_SUBJECTS`]).
pub(crate) fn bounce_subject(subject: &str) -> bool {
    BOUNCE_SUBJECTS.iter().any(|s| subject.starts_with(s))
        || MORE_BOUNCE_SUBJECTS.iter().any(|(s, _)| subject.starts_with(s))
}

/// The least share of a text's non-blank lines quoted with `>` for it to be a bounce forwarded
/// or replied to with its lines quoted ("Begin forwarded message:" above `> ` lines).
const QUOTED_SHARE: f64 = 0.6;

/// `text` with one level of `>` quoting taken off every quoted line, when most of its lines are
/// quoted ([`QUOTED_SHARE`]): a bounce a person forwarded as quoted text, which is read as the
/// bounce it quotes. `None` otherwise (a transcript's few `>>>` lines do not make a text quoted).
pub(crate) fn unquoted(text: &str) -> Option<String> {
    let (mut lines, mut quoted) = (0usize, 0usize);
    for line in text.lines().filter(|l| !l.trim().is_empty()) {
        lines += 1;
        quoted += usize::from(line.trim_start().starts_with('>'));
    }
    if lines == 0 || (quoted as f64) < QUOTED_SHARE * lines as f64 {
        return None;
    }
    let mut out = String::with_capacity(text.len());
    for line in text.lines() {
        let t = line.trim_start();
        let line = match t.strip_prefix('>') {
            Some(rest) => rest.strip_prefix(' ').unwrap_or(rest),
            None => line,
        };
        out.push_str(line);
        out.push('\n');
    }
    Some(out)
}

/// Texts (lower case) that make a plain-text bounce a warning of delay, not a failure: the MTA
/// is still trying. With the source of each.
pub const DELAY_MARKERS: &[(&str, &str)] = &[
    (
        "has not yet been delivered",
        "sample:flufl/simple_03.txt (Exim's delay warning); sample:sisimai/bsd/lhost-exim-38.eml",
    ),
    (
        "this is a warning message only",
        "sample:sisimai/bsd/lhost-sendmail-29.eml (Sendmail); sample:flufl/simple_28.txt",
    ),
    (
        "still undelivered after",
        "sample:sisimai/bsd/lhost-sendmail-29.eml (Sendmail's \"Warning: message still undelivered after 4 hours\")",
    ),
    ("will be retried for", "sample:flufl/simple_28.txt (\"Message will be retried for 2 more day(s)\")"),
    ("delivery to the following recipient has been delayed", "sisimai/p5-sisimai:lib/Sisimai/Lhost/Gmail.pm@v4.25.15"),
    (
        "delivery to the following recipients has been delayed",
        "sisimai/p5-sisimai:lib/Sisimai/Lhost/Outlook.pm@v4.25.15",
    ),
    (
        "delivery attempts will continue",
        "https://sources.debian.org/src/exim4/4.96-15%2Bdeb12u9/src/deliver.c/ (Exim 4.96's delay warning: \"No action is required on your part. Delivery attempts will continue for some time\"); sisimai/p5-sisimai:lib/Sisimai/Reason/Expired.pm@v4.25.15 (\"delivery attempts will continue to be\"); sample:flufl/simple_22.txt (\"Delivery attempts will continue to be made for 5 day(s).\")",
    ),
    (
        "will continue to try to deliver",
        "sample:flufl/simple_35.txt (\"has been postponed due to a full mailbox. We will continue to try to deliver your message over the next few days.\")",
    ),
];

/// Whether a plain-text bounce's own text says it is a warning of delay ([`DELAY_MARKERS`]).
pub(crate) fn says_delay(text: &str) -> bool {
    let lower = text.to_ascii_lowercase();
    DELAY_MARKERS.iter().any(|(m, _)| lower.contains(m))
}

/// Senders (local parts, lower case) of bounces, with the source of each.
pub const BOUNCE_SENDERS: &[(&str, &str)] = &[
    (
        "mailer-daemon",
        "the sender of bounces in sisimai/set-of-emails (the corpus of tests/data); RFC 3464 §2 leaves it to the MTA",
    ),
    ("postmaster", "RFC 5321 §4.5.1 (the postmaster address every SMTP server has)"),
];

/// Lines that start the copy of the returned original in a plain-text bounce: the reader stops
/// there, and the headers after it give [`Original`](crate::Original). With the source of each.
pub const ORIGINAL_MARKERS: &[(&str, &str)] = &[
    ("--- Below this line is a copy of the message.", "sisimai/p5-sisimai:lib/Sisimai/Lhost/qmail.pm@v4.25.15"),
    (
        "------ This is a copy of the message, including all the headers. ------",
        "sisimai/p5-sisimai:lib/Sisimai/Lhost/Exim.pm@v4.25.15 (Exim deliver.c)",
    ),
    (
        "------ This is a copy of the message's headers. ------",
        "sisimai/p5-sisimai:lib/Sisimai/Lhost/Exim.pm@v4.25.15 (Exim deliver.c)",
    ),
    (
        "----- Original message follows -----",
        "sisimai/p5-sisimai:lib/Sisimai/Lhost/Sendmail.pm@v4.25.15 (sendmail savemail.c)",
    ),
    ("--- Original message follows.", "sisimai/p5-sisimai:lib/Sisimai/Lhost/X2.pm@v4.25.15"),
    ("----- Original message -----", "the issue's example of an inline copy (#12)"),
    ("Original message headers:", "sisimai/p5-sisimai:lib/Sisimai/Lhost/Office365.pm@v4.25.15"),
    ("----- Unsent message follows -----", "sisimai/p5-sisimai:lib/Sisimai/Lhost/V5sendmail.pm@v4.25.15"),
    ("----- No message was collected -----", "sisimai/p5-sisimai:lib/Sisimai/Lhost/V5sendmail.pm@v4.25.15"),
    ("----- Message header follows -----", "sisimai/p5-sisimai:lib/Sisimai/Lhost/Gmail.pm@v4.25.15"),
    (
        "--- The header of the original message is following. ---",
        "sisimai/p5-sisimai:lib/Sisimai/Lhost/GMX.pm@v4.25.15",
    ),
    ("Original message follows.", "sisimai/p5-sisimai:lib/Sisimai/Lhost/IMailServer.pm@v4.25.15"),
    ("-------original message", "sisimai/p5-sisimai:lib/Sisimai/Lhost/mFILTER.pm@v4.25.15"),
    ("-------original mail info", "sisimai/p5-sisimai:lib/Sisimai/Lhost/mFILTER.pm@v4.25.15"),
    ("------- Returned Message --------", "sisimai/p5-sisimai:lib/Sisimai/Lhost/Notes.pm@v4.25.15"),
    ("Original mail as follows:", "sisimai/p5-sisimai:lib/Sisimai/Lhost/FML.pm@v4.25.15"),
    (
        "Message headers follow.",
        "sisimai/rb-sisimai:lib/sisimai/lhost/dragonfly.rb@a22409990f5479b99fde4734870307848d938604 (dma's mail.c)",
    ),
    ("Included is a copy of the message header:", "sisimai/p5-sisimai:lib/Sisimai/Lhost/MXLogic.pm@v4.25.15"),
    ("Below is a copy of the original message:", "sisimai/p5-sisimai:lib/Sisimai/Lhost/OpenSMTPD.pm@v4.25.15"),
    ("The attachment contains the original mail headers", "sisimai/p5-sisimai:lib/Sisimai/Lhost/X6.pm@v4.25.15"),
    ("---- START OF RETURNED MESSAGE ----", "sample:flufl/bounce_03.txt (Demon Internet's mailstore)"),
];

/// Header lines that start the copy of a message in a plain-text bounce when no marker does:
/// error text never starts a line with them.
pub const COPIED_HEADERS: &[(&str, &str)] = &[
    ("received: from ", "sisimai/p5-sisimai:lib/Sisimai/Lhost/X1.pm@v4.25.15 (the copy starts at `Received: from`)"),
    (
        "return-path:",
        "sisimai/p5-sisimai:lib/Sisimai/Lhost/MessagingServer.pm@v4.25.15 (the copy starts at `Return-path:`)",
    ),
];

/// Whether `line` (trimmed at its start) is a header line of a copied message.
fn copied_header(line: &str) -> bool {
    COPIED_HEADERS
        .iter()
        .any(|(h, _)| line.len() >= h.len() && line.as_bytes()[..h.len()].eq_ignore_ascii_case(h.as_bytes()))
}

/// Where the copy of the original starts in `text`: the position of the marker line and the
/// position after it.
pub(crate) fn original_start(text: &str) -> Option<(usize, usize)> {
    let mut at = 0;
    for line in text.split_inclusive('\n') {
        let trimmed = line.trim();
        // Most lines are passed over on their first byte.
        let Some(&first) = trimmed.as_bytes().first() else {
            at += line.len();
            continue;
        };
        let starts = |m: &str| {
            m.as_bytes()[0].eq_ignore_ascii_case(&first)
                && trimmed.len() >= m.len()
                && trimmed.as_bytes()[..m.len()].eq_ignore_ascii_case(m.as_bytes())
        };
        if ORIGINAL_MARKERS.iter().any(|(m, _)| starts(m)) {
            return Some((at, at + line.len()));
        }
        at += line.len();
    }
    None
}

/// How many blank lines in a row end the paragraphs taken after an address alone on its line.
const BLANK_RUN: usize = 3;

/// The most lines of error text taken for one recipient.
pub(crate) const MAX_ERROR_LINES: usize = 8;

/// Reads the recipients of a plain-text bounce body: an address at the start of a line (alone,
/// in angle brackets, followed by `:` or `...`), and the text after it on that line and the
/// lines below, up to a blank line or the next such address. The addresses of
/// `X-Failed-Recipients` that no line names get the paragraph that first mentions them.
pub(crate) fn read(text: &str, failed_recipients: &[String]) -> Vec<Facts> {
    let lines: Vec<&str> = text.lines().collect();
    let mut found: Vec<Facts> = Vec::new();
    // Where each address (in lower case) is in `found`.
    let mut index: HashMap<String, usize> = HashMap::new();
    let mut i = 0;
    // Whether the lines being read are a list that a line above announced ("did not reach the
    // following recipient(s):"): an address starting a line there is a recipient even when
    // words follow it (`bob@example.org on Fri, 20 Jul 2001 11:08:59 -0700`).
    let mut listed = false;
    while i < lines.len() {
        let lead = leading_address(lines[i]).or_else(|| {
            let announced = listed || announces_list(&lines, i);
            announced.then(|| listed_address(lines[i])).flatten()
        });
        let Some(lead) = lead else {
            listed = false;
            i += 1;
            continue;
        };
        listed = listed || announces_list(&lines, i);
        let lead_indent = indent(lines[i]);
        let mut error = String::new();
        // The remote server's reply that a transcript shows just above (`<<< 550 ...`).
        if lead.coded
            && let Some(reply) = i.checked_sub(1).and_then(|p| lines[p].trim().strip_prefix("<<<"))
        {
            error.push_str(reply.trim());
        }
        push_words(&mut error, if lead.coded { lines[i].trim() } else { lead.rest.trim() });
        let mut j = i + 1;
        let mut taken = 0;
        // The lines below, up to a blank line; when the address stood alone, the paragraphs
        // after it too (Gmail writes the address, a blank line, then the details).
        let alone = error.is_empty();
        let mut original = None;
        while j < lines.len() && taken < MAX_ERROR_LINES {
            let line = lines[j].trim();
            // The address the sender wrote, which an alias or list expanded into this one
            // (Sendmail's "    (expanded from: <bob@example.org>)", Exim's "(generated from ...)").
            if let Some(from) = expanded_from(line) {
                original.get_or_insert(from);
                j += 1;
                continue;
            }
            // Another recipient's line ends this one's text; a line naming the same address
            // (`550 5.1.1 <bob@example.org>... User unknown` under `bob@example.org`) belongs
            // to it.
            // A line indented deeper than the recipient's continues its text, whatever it starts
            // with (Postfix's `    <alice@example.com>: unauthorized sender (in` below
            // `<bob@example.org>: host ... said: 550 5.1.1`).
            let next = leading_address(lines[j])
                .or_else(|| listed.then(|| listed_address(lines[j])).flatten())
                .filter(|_| indent(lines[j]) <= lead_indent);
            if next.is_some_and(|l| !l.address.eq_ignore_ascii_case(&lead.address))
                || line.starts_with(">>>")
                || copied_header(line)
            {
                break;
            }
            if line.is_empty() {
                // An address alone takes the paragraphs after it, but not past a run of blank
                // lines, which sets off what a gateway appended (a virus scanner's banner).
                if !alone || lines[j..].iter().take(BLANK_RUN).all(|l| l.trim().is_empty()) {
                    break;
                }
                j += 1;
                continue;
            }
            push_words(&mut error, line);
            taken += 1;
            j += 1;
        }
        let address = lead.address;
        match index.get(&address.to_lowercase()) {
            None => {
                index.insert(address.to_lowercase(), found.len());
                found.push(Facts {
                    recipient: Some(address),
                    original_recipient: original,
                    diagnostic: error,
                    ..Facts::default()
                });
            }
            Some(&at) if found[at].diagnostic.is_empty() => found[at].diagnostic = error,
            Some(_) => {}
        }
        i = j.max(i + 1);
    }
    if found.is_empty() {
        for (n, line) in lines.iter().enumerate() {
            if let Some((address, text)) = trailing_address(line)
                && !index.contains_key(&address.to_lowercase())
            {
                index.insert(address.to_lowercase(), found.len());
                // A label before the address ("Recipient address: bob@..."): the error is on the
                // lines below it ("Reason: recipient reached disk quota").
                let diagnostic = if is_label(text) { lines_below(&lines, n) } else { text.to_owned() };
                found.push(Facts { recipient: Some(address), diagnostic, ..Facts::default() });
            }
        }
        // Still none: an address after "to" in a sentence about delivery ("Your message to
        // bob@example.org has ...", "could not be delivered to the following user:" above it).
        if found.is_empty() {
            for (i, j) in (0..lines.len()).filter_map(|i| delivered_to(&lines, i).map(|j| (i, j))).take(MAX_SEARCHED) {
                let Some(address) = j.0 else { continue };
                if index.contains_key(&address.to_lowercase()) {
                    continue;
                }
                index.insert(address.to_lowercase(), found.len());
                let diagnostic = paragraph_at(&lines, j.1.max(i));
                found.push(Facts { recipient: Some(address), diagnostic, ..Facts::default() });
            }
        }
        // Still none: an address that a sentence names as the mailbox, recipient or user it is
        // about ("Local mailbox bob@example.org is unavailable: user not found").
        if found.is_empty() {
            for (n, line) in lines.iter().enumerate().take(MAX_SEARCHED) {
                let Some(address) = named_mailbox(line) else { continue };
                if index.contains_key(&address.to_lowercase()) {
                    continue;
                }
                index.insert(address.to_lowercase(), found.len());
                found.push(Facts { recipient: Some(address), diagnostic: paragraph_at(&lines, n), ..Facts::default() });
            }
        }
        // An address found in a sentence or after a label whose text has no reply code takes
        // a paragraph further on that names it with one (Microsoft 365's text: "Your message
        // to bob@... couldn't be delivered." above, "Error: 550 5.1.10 ... Recipient bob@...
        // not found by SMTP address lookup" below).
        for fact in found.iter_mut().take(MAX_SEARCHED) {
            if has_reply_code(&fact.diagnostic) {
                continue;
            }
            if let Some(address) = fact.recipient.as_deref()
                && let Some(paragraph) = coded_paragraph_with(&lines, address)
            {
                fact.diagnostic = paragraph;
            }
        }
        // A bounce's own contact (`System Contact: postmaster@...`) is not a recipient when
        // another address was found.
        let role = |f: &Facts| {
            f.recipient
                .as_deref()
                .and_then(|a| a.rsplit_once('@'))
                .is_some_and(|(local, _)| BOUNCE_SENDERS.iter().any(|(s, _)| local.eq_ignore_ascii_case(s)))
        };
        if found.iter().any(|f| !role(f)) && found.iter().any(role) {
            found.retain(|f| !role(f));
            index =
                found.iter().enumerate().filter_map(|(i, f)| Some((f.recipient.as_ref()?.to_lowercase(), i))).collect();
        }
    }
    for (n, address) in failed_recipients.iter().enumerate() {
        if index.contains_key(&address.to_lowercase()) {
            continue;
        }
        index.insert(address.to_lowercase(), found.len());
        let diagnostic =
            if n < MAX_SEARCHED { paragraph_with(&lines, address).unwrap_or_default() } else { String::new() };
        found.push(Facts { recipient: Some(address.clone()), diagnostic, ..Facts::default() });
    }
    if found.is_empty()
        && let Some(paragraph) = paragraph_with_code(&lines)
    {
        found.push(Facts { diagnostic: paragraph, ..Facts::default() });
    }
    found
}

/// How many bytes of white space a line starts with.
fn indent(line: &str) -> usize {
    line.len() - line.trim_start().len()
}

fn push_words(to: &mut String, words: &str) {
    if words.is_empty() {
        return;
    }
    if !to.is_empty() {
        to.push(' ');
    }
    to.push_str(words);
}

/// An address that starts a line.
struct Lead<'a> {
    address: String,
    /// The text after it on its line.
    rest: &'a str,
    /// Whether a reply code came before it (`550 <bob@example.org>... User unknown`).
    coded: bool,
}

/// An address at the start of a line (after white space and a list item's bullet), alone, in
/// angle brackets, or followed by `:`, `...`, ` - ` or white space and more text; with the rest
/// of the line.
fn leading_address(line: &str) -> Option<Lead<'_>> {
    let mut t = line.trim_start();
    // A list item's bullet (`* bob@example.org`, `- bob@example.org`, `• bob@example.org`).
    if let Some(rest) = t.strip_prefix(['*', '-', '•']).filter(|r| r.starts_with([' ', '\t'])) {
        t = rest.trim_start();
    }
    // A reply code (and an enhanced code) before the address, as sendmail writes them.
    let b = t.as_bytes();
    let coded = b.len() > 4 && matches!(b[0], b'4' | b'5') && b[1..3].iter().all(u8::is_ascii_digit) && b[3] == b' ';
    if coded {
        t = t[4..].trim_start();
        if let Some((first, after)) = t.split_once(' ')
            && first.split('.').count() == 3
            && first.split('.').all(|p| !p.is_empty() && p.bytes().all(|c| c.is_ascii_digit()))
        {
            t = after.trim_start();
        }
    }
    let (addr, rest, bracketed) = if let Some(inner) = t.strip_prefix('<') {
        let close = inner.find('>')?;
        (&inner[..close], &inner[close + 1..], true)
    } else if let Some(inner) = t.strip_prefix('[').filter(|i| i.find(']').is_some_and(|c| i[..c].contains('@'))) {
        // `[bob@example.org]: 550 ...`, and Exchange's `[SMTP:bob@example.org]`.
        let close = inner.find(']')?;
        let inner_addr = &inner[..close];
        let inner_addr =
            inner_addr.get(..5).filter(|p| p.eq_ignore_ascii_case("smtp:")).map_or(inner_addr, |_| &inner_addr[5..]);
        (inner_addr, &inner[close + 1..], true)
    } else if let Some(inner) = t.strip_prefix('"') {
        let close = inner.find('"')?;
        (&inner[..close], &inner[close + 1..], true)
    } else {
        let end = t.find(|c: char| c.is_whitespace() || matches!(c, ':' | ',' | ';')).unwrap_or(t.len());
        // `bob@example.org...` (sendmail): the dots are not the address's.
        let a = t[..end].trim_end_matches('.');
        (a, &t[a.len()..], false)
    };
    if !is_address(addr) {
        return None;
    }
    let rest = rest.trim_start();
    // A line that starts with an address and goes on with ordinary words is prose, unless the
    // address is marked (`<..>`, `:`, `...`) or stands alone; after a code, `...` must follow.
    // A reason in brackets (`bob@example.org [User unknown]`) or a reply code on the line marks
    // it too.
    let (rest, marked) =
        match rest.strip_prefix("...").or_else(|| rest.strip_prefix(':')).or_else(|| rest.strip_prefix("- ")) {
            Some(r) => (r, true),
            None => {
                let marked =
                    bracketed || rest.trim().is_empty() || rest.starts_with(['[', '(']) || has_reply_code(rest);
                (rest, !coded && marked)
            }
        };
    marked.then(|| Lead { address: addr.to_owned(), rest, coded })
}

/// Whether a line above line `i` (the one before it, or the one before a blank line) announces
/// a list of recipients: it names "the following" recipients, addresses or users and ends with a
/// colon ("did not reach the following recipient(s):", "The following address(es) failed:",
/// "Delivery to the following recipients failed:").
fn announces_list(lines: &[&str], i: usize) -> bool {
    let above = match i.checked_sub(1).map(|p| lines[p].trim()) {
        Some("") => i.checked_sub(2).map(|p| lines[p].trim()),
        other => other,
    };
    above.is_some_and(|l| {
        l.ends_with(':') && {
            let lower = l.to_ascii_lowercase();
            lower.contains("following")
                && ["recipient", "address", "user", "destination"].iter().any(|w| lower.contains(w))
        }
    })
}

/// An address that starts a line of an announced list, whatever follows it on the line.
fn listed_address(line: &str) -> Option<Lead<'_>> {
    let t = line.trim_start().trim_start_matches(['*', '-', '•']).trim_start();
    let end = t.find(|c: char| c.is_whitespace() || matches!(c, ',' | ';')).unwrap_or(t.len());
    let addr = t[..end].trim_end_matches(['.', ':']);
    is_address(addr).then(|| Lead {
        address: addr.to_owned(),
        rest: t[addr.len()..].trim_start_matches([':', '.']),
        coded: false,
    })
}

/// The address of the line under a failed address that names the address it came from:
/// Sendmail's `(expanded from: <bob@example.org>)` (savemail.c), Exim's `(generated from
/// bob@example.org)` and `(ultimately generated from ...)` (deliver.c).
fn expanded_from(line: &str) -> Option<String> {
    let rest = line.strip_prefix('(')?.trim_end().strip_suffix(')')?;
    let lower = rest.to_ascii_lowercase();
    let after = ["expanded from:", "generated from ", "ultimately generated from "]
        .iter()
        .find_map(|p| lower.starts_with(p).then(|| &rest[p.len()..]))?;
    address_in(after)
}

/// The words that, just before an address, name it as the mailbox a sentence is about.
const MAILBOX_WORDS: &[&str] = &["mailbox", "recipient", "user", "account"];

/// An address that follows one of [`MAILBOX_WORDS`] in a line ("Local mailbox bob@example.org
/// is unavailable", "user <bob@example.org> does not exist").
fn named_mailbox(line: &str) -> Option<String> {
    let words: Vec<&str> = line.split_whitespace().collect();
    words.windows(2).find_map(|w| {
        let before = w[0].trim_end_matches(':').to_ascii_lowercase();
        MAILBOX_WORDS.contains(&before.as_str()).then(|| address_in(w[1])).flatten()
    })
}

/// The words of a sentence about a delivery, after which "to" names the recipient.
const DELIVERY_WORDS: &[&str] =
    &["deliver", "undeliverable", "addressed", "message to", "mail to", "sent to", "e-mail to", "email to"];

/// The first address in `s`, with `<>`, quotes, brackets, `--` and punctuation around it taken
/// off.
fn address_in(s: &str) -> Option<String> {
    s.split(|c: char| c.is_whitespace() || matches!(c, '<' | '>' | '"' | '\'' | '(' | ')' | ',' | ';'))
        .map(|t| t.trim_end_matches(['.', ':']))
        .find(|t| is_address(t))
        .map(str::to_owned)
}

/// The recipient a sentence about delivery names after "to" on line `i` ("Your message to
/// bob@example.org has reached ...", "undeliverable to bob@example.org"), or on the next line
/// that is not blank when "to" ends the sentence or a colon follows ("could not be delivered
/// to:", "to the following user:" above `"bob" <bob@example.org>`, "addressed to email address :"
/// above `-- bob@example.org`); with the number of the line the address is on.
fn delivered_to(lines: &[&str], i: usize) -> Option<(Option<String>, usize)> {
    let lower = lines[i].to_ascii_lowercase();
    let word_end = DELIVERY_WORDS.iter().filter_map(|w| lower.find(w).map(|p| p + w.len())).min()?;
    // "to" after the word, or the word ending in it ("message to").
    let rest = &lower[word_end..];
    let after = if lower[..word_end].ends_with(" to") {
        0
    } else {
        let at = rest.find(" to ").map(|p| p + 4).or_else(|| rest.find(" to:").map(|p| p + 4));
        match at {
            Some(at) => at,
            None if rest.trim_end().ends_with(" to") || rest.trim_end() == "to" => rest.len(),
            None => return None,
        }
    };
    let tail = lines[i].get(word_end + after..).unwrap_or("");
    // The address follows "to" closely ("to bob@...", "to: <bob@...>"), never after "from".
    let near: Vec<&str> = tail.split_whitespace().take(3).take_while(|w| !w.eq_ignore_ascii_case("from")).collect();
    if let Some(a) = address_in(&near.join(" ")) {
        return Some((Some(a), i));
    }
    // Nothing after "to" on this line but words ending the sentence with a colon, or nothing.
    let tail = tail.trim();
    if !(tail.is_empty() || tail.ends_with(':')) || tail.split_whitespace().count() > 4 {
        return None;
    }
    let next = (i + 1..lines.len().min(i + 3)).find(|&j| !lines[j].trim().is_empty())?;
    let line = lines[next].trim().trim_start_matches(['-', '>', '*', ' ']);
    // The next line holds the address alone, maybe with a display name: not a sentence.
    (line.split_whitespace().count() <= 3).then(|| (address_in(line), next))
}

/// An address at the end of a line after a colon (`User mailbox exceeds allowed size:
/// bob@example.org`), with the text before it.
fn trailing_address(line: &str) -> Option<(String, &str)> {
    let t = line.trim_end();
    let (before, last) = t.rsplit_once(':')?;
    let addr = last.trim().trim_start_matches(['<', '[']).trim_end_matches(['>', ']']);
    let before = before.trim();
    // The sender in a transcript (`>>> MAIL FROM:<alice@example.net>`) is no recipient.
    if before.len() >= 9 && before.as_bytes()[before.len() - 9..].eq_ignore_ascii_case(b"mail from") {
        return None;
    }
    // Nor is the sender a label names (`Sender Address: alice@...`, as Microsoft 365's
    // "Original Message Details" write it).
    if is_sender_label(before) {
        return None;
    }
    (is_address(addr) && !before.is_empty() && !before.contains('@') && before.contains(' '))
        .then(|| (addr.to_owned(), before))
}

/// Whether `text` (the words before an address and its colon) is a label naming the sender:
/// label words with "sender" or "from" among them.
fn is_sender_label(text: &str) -> bool {
    let is = |w: &str, words: &[&str]| words.iter().any(|s| w.eq_ignore_ascii_case(s));
    text.split_whitespace().any(|w| is(w, &["sender", "from"]))
        && text.split_whitespace().all(|w| is(w, &["sender", "from", "envelope"]) || is(w, LABEL_WORDS))
}

/// The words of a label that names the address after it and says nothing of what went wrong
/// (`Recipient address:`, `Original address:`, `Failed recipient:`, `To:`).
const LABEL_WORDS: &[&str] = &[
    "recipient",
    "recipients",
    "address",
    "addresses",
    "original",
    "final",
    "failed",
    "rcpt",
    "to",
    "e-mail",
    "email",
];

/// Whether `text` (the words before an address and its colon) is only a label ([`LABEL_WORDS`]).
fn is_label(text: &str) -> bool {
    text.split_whitespace().all(|w| LABEL_WORDS.iter().any(|l| w.eq_ignore_ascii_case(l)))
}

/// The lines below line `n` up to a blank line or another labelled address, on one line (at
/// most [`MAX_ERROR_LINES`]).
fn lines_below(lines: &[&str], n: usize) -> String {
    let mut text = String::new();
    for line in lines[n + 1..].iter().map(|l| l.trim()).take(MAX_ERROR_LINES) {
        if line.is_empty() || trailing_address(line).is_some() || copied_header(line) {
            break;
        }
        push_words(&mut text, line);
    }
    text
}

/// Whether `s` holds a failure reply code (`5xx` or `4xx` followed by a space, a hyphen, a
/// comma or the end: Zoho writes `ERROR_CODE :550,`) at a word boundary.
pub(crate) fn has_reply_code(s: &str) -> bool {
    let b = s.as_bytes();
    (0..b.len().saturating_sub(2)).any(|i| {
        (i == 0 || !b[i - 1].is_ascii_alphanumeric())
            && matches!(b[i], b'4' | b'5')
            && b[i + 1].is_ascii_digit()
            && b[i + 2].is_ascii_digit()
            && b.get(i + 3).is_none_or(|&c| matches!(c, b' ' | b'-' | b','))
    })
}

/// Whether `s` looks like `local@domain.tld`.
pub(crate) fn is_address(s: &str) -> bool {
    let Some((local, domain)) = s.rsplit_once('@') else { return false };
    // A domain literal is the whole domain in brackets (`[192.0.2.1]`); a stray bracket is the
    // text around the address (`[SMTP:bob@example.org]`).
    let brackets_ok = !domain.contains(['[', ']']) || (domain.starts_with('[') && domain.ends_with(']'));
    brackets_ok
        && !local.starts_with('[')
        && !local.is_empty()
        && local.len() <= 128
        && domain.contains('.')
        && domain.len() <= 255
        && !domain.starts_with('.')
        && domain.bytes().all(|b| b.is_ascii_alphanumeric() || matches!(b, b'.' | b'-' | b'[' | b']' | b':'))
        && !local.contains(char::is_whitespace)
}

/// The most addresses looked for anywhere in a text (not just at the start of a line): each
/// search is a pass over the text, so that a report of thousands of recipients stays linear.
pub(crate) const MAX_SEARCHED: usize = 64;

/// The error texts a plain-text part gives, for the recipients of a report that has none.
pub(crate) struct ErrorLines<'a> {
    lines: Vec<&'a str>,
    /// The error text after each address (in lower case) that starts a line.
    found: HashMap<String, String>,
    searched: core::cell::Cell<usize>,
}

impl<'a> ErrorLines<'a> {
    pub(crate) fn new(text: &'a str) -> Self {
        let found =
            read(text, &[]).into_iter().filter_map(|f| Some((f.recipient?.to_lowercase(), f.diagnostic))).collect();
        Self { lines: text.lines().collect(), found, searched: core::cell::Cell::new(0) }
    }

    /// The text after `address` where it starts a line, else the paragraph that first
    /// mentions it (for the first [`MAX_SEARCHED`] addresses asked).
    pub(crate) fn error_for(&self, address: &str) -> Option<String> {
        let by_line = self.found.get(&address.to_lowercase()).filter(|d| !d.is_empty()).cloned();
        by_line.or_else(|| {
            let n = self.searched.get();
            self.searched.set(n + 1);
            (n < MAX_SEARCHED).then(|| paragraph_with(&self.lines, address)).flatten()
        })
    }
}

/// The first paragraph of `text` that holds a failure reply code, on one line.
pub(crate) fn coded_paragraph(text: &str) -> Option<String> {
    paragraph_where(text, has_reply_code)
}

/// The first paragraph of `text` with a line that `holds`, on one line.
pub(crate) fn paragraph_where(text: &str, holds: impl Fn(&str) -> bool) -> Option<String> {
    let lines: Vec<&str> = text.lines().collect();
    let at = lines.iter().position(|l| holds(l))?;
    Some(paragraph_at(&lines, at))
}

/// The paragraph (lines between blank lines) that first mentions `address`, on one line.
pub(crate) fn paragraph_with(lines: &[&str], address: &str) -> Option<String> {
    let needle = address.to_ascii_lowercase();
    let at = lines.iter().position(|l| l.to_ascii_lowercase().contains(&needle))?;
    let paragraph = paragraph_at(lines, at);
    // An address alone in its paragraph takes the paragraph above it, which says what went
    // wrong ("The user(s) account is disabled." over `<bob@example.org>`, as EZweb writes it).
    let rest = paragraph.to_ascii_lowercase().replace(&needle, "");
    if !rest.chars().any(char::is_alphanumeric) {
        let start = lines[..at].iter().rposition(|l| l.trim().is_empty()).map_or(0, |p| p + 1);
        if let Some(above) = lines[..start].iter().rposition(|l| !l.trim().is_empty()) {
            return Some(format!("{} {paragraph}", paragraph_at(lines, above)));
        }
    }
    Some(paragraph)
}

/// The first paragraph that names `address` and holds a failure reply code, on one line.
fn coded_paragraph_with(lines: &[&str], address: &str) -> Option<String> {
    let needle = address.to_ascii_lowercase();
    let at = lines.iter().position(|l| has_reply_code(l) && l.to_ascii_lowercase().contains(&needle))?;
    Some(paragraph_at(lines, at))
}

/// The first paragraph holding a failure reply code (`5xx` or `4xx` followed by a space or a
/// hyphen) at a word boundary.
fn paragraph_with_code(lines: &[&str]) -> Option<String> {
    let at = lines.iter().position(|l| has_reply_code(l))?;
    Some(paragraph_at(lines, at))
}

fn paragraph_at(lines: &[&str], at: usize) -> String {
    let start = lines[..at].iter().rposition(|l| l.trim().is_empty()).map_or(0, |p| p + 1);
    let end = lines[at..].iter().position(|l| l.trim().is_empty()).map_or(lines.len(), |p| at + p);
    let end = end.min(start + MAX_ERROR_LINES.max(at - start + 1));
    lines[start..end].iter().map(|l| l.trim()).filter(|l| !l.is_empty()).collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_trailing_address_is_a_recipient_unless_it_is_the_sender() {
        assert_eq!(
            trailing_address("User mailbox exceeds allowed size: bob@example.org"),
            Some(("bob@example.org".to_owned(), "User mailbox exceeds allowed size"))
        );
        assert_eq!(trailing_address("    >>> MAIL FROM:<alice@example.net>"), None);
        // Text in other scripts before the colon is cut at a character boundary.
        assert_eq!(trailing_address("ご不明な点がありましたら、https://groups.example/x"), None);
        assert!(trailing_address("送信できませんでした 宛先: bob@example.org").is_some());
    }

    #[test]
    fn an_address_alone_takes_the_paragraph_above() {
        let lines = ["The user(s) account is disabled.", "", "<bob@example.org>", ""];
        assert_eq!(
            paragraph_with(&lines, "bob@example.org").as_deref(),
            Some("The user(s) account is disabled. <bob@example.org>")
        );
        let lines = ["Intro.", "", "bob@example.org: mailbox full"];
        assert_eq!(paragraph_with(&lines, "bob@example.org").as_deref(), Some("bob@example.org: mailbox full"));
    }

    #[test]
    fn markers_start_as_the_fast_path_expects() {
        for (marker, source) in ORIGINAL_MARKERS {
            assert!(!source.is_empty());
            assert_eq!(original_start(&format!("text\n  {marker}\nSubject: x\n")).map(|(at, _)| at), Some(5));
        }
    }

    #[test]
    fn qmail_and_exim_and_sendmail() {
        let r = read("I'm afraid.\n\n<bob@example.org>:\n192.0.2.1 said: 550 5.1.1 unknown\n\n", &[]);
        assert_eq!(r.len(), 1);
        assert_eq!(r[0].recipient.as_deref(), Some("bob@example.org"));
        assert_eq!(r[0].diagnostic, "192.0.2.1 said: 550 5.1.1 unknown");
        let r = read("failed:\n\n  bob@example.org\n    host mx: 550 <alice@example.net>... no\n", &[]);
        assert_eq!(r.len(), 1);
        assert_eq!(r[0].diagnostic, "host mx: 550 <alice@example.net>... no");
        let r = read("bob@example.org... User unknown\n", &[]);
        assert_eq!(r[0].diagnostic, "User unknown");
        let r = read("bob@example.org is a nice person\n", &[]);
        assert!(r.is_empty());
        let r = read("Undeliverable Address: bob@example.org\nSystem Contact: postmaster@example.net\n", &[]);
        assert_eq!(r.len(), 1);
        assert_eq!(r[0].recipient.as_deref(), Some("bob@example.org"));
        let r = read("User mailbox exceeds allowed size: bob@example.org\n", &[]);
        assert_eq!(
            (r[0].recipient.as_deref(), r[0].diagnostic.as_str()),
            (Some("bob@example.org"), "User mailbox exceeds allowed size")
        );
        let r = read("  * bob@example.org\n", &[]);
        assert_eq!(r[0].recipient.as_deref(), Some("bob@example.org"));
        let r = read("bob@example.org - no such user here.\n", &[]);
        assert_eq!(r[0].diagnostic, "no such user here.");
        let r = read("[bob@example.org]: 550 bob@example.org...User account is overquota\n", &[]);
        assert_eq!(r[0].recipient.as_deref(), Some("bob@example.org"));
        assert!(!is_address("bob@example.org]") && is_address("bob@[192.0.2.1]"));
        let r = read("- not an address\n", &[]);
        assert!(r.is_empty());
        let r = read("bob@example.org [User unknown]\n", &[]);
        assert_eq!(r[0].diagnostic, "[User unknown]");
        let r =
            read(">>> RCPT To:<bob@example.org>\n<<< 550 No such user\n550 <bob@example.org>... User unknown\n", &[]);
        assert_eq!(r.len(), 1);
        assert_eq!(r[0].diagnostic, "550 No such user 550 <bob@example.org>... User unknown");
        let r = read("failed permanently:\n\n     bob@example.org\n\nTechnical details:\n550 5.1.1 unknown\n", &[]);
        assert_eq!(r[0].diagnostic, "Technical details: 550 5.1.1 unknown");
    }

    /// Below a line announcing the following recipients, an address that starts a line is a
    /// recipient whatever words follow it; elsewhere such a line is prose.
    #[test]
    fn an_announced_list_takes_addresses_followed_by_words() {
        let text = "Your message\n  To: list@example.net\ndid not reach the following recipient(s):\nbob@example.org on Fri, 20 Jul 2001 11:08:59 -0700\n    The recipient name is not recognized\ncarol@example.org on Fri, 20 Jul 2001 11:09:00 -0700\n    The recipient name is not recognized\n";
        let r = read(text, &[]);
        let got: Vec<(Option<&str>, &str)> =
            r.iter().map(|f| (f.recipient.as_deref(), f.diagnostic.as_str())).collect();
        assert_eq!(
            got,
            [
                (Some("bob@example.org"), "on Fri, 20 Jul 2001 11:08:59 -0700 The recipient name is not recognized"),
                (Some("carol@example.org"), "on Fri, 20 Jul 2001 11:09:00 -0700 The recipient name is not recognized"),
            ]
        );
        assert!(read("The note said:\nbob@example.org is a nice person\n", &[]).is_empty());
    }

    /// Sendmail's `(expanded from: ...)` under a failed address names the address the sender
    /// wrote: it is the original recipient, not part of the error.
    #[test]
    fn an_expanded_address_keeps_the_address_it_came_from() {
        let text = "   ----- The following addresses had permanent fatal errors -----\nbob@mail.example.org\n    (expanded from: <bob@example.org>)\n    550 5.1.1 User unknown\n";
        let r = read(text, &[]);
        let got: Vec<(Option<&str>, Option<&str>, &str)> = r
            .iter()
            .map(|f| (f.recipient.as_deref(), f.original_recipient.as_deref(), f.diagnostic.as_str()))
            .collect();
        assert_eq!(got, [(Some("bob@mail.example.org"), Some("bob@example.org"), "550 5.1.1 User unknown")]);
    }

    /// Most lines quoted: one level of quoting comes off; a transcript's few `>>>` lines leave a
    /// text as it is.
    #[test]
    fn a_quoted_text_is_unquoted() {
        assert_eq!(
            unquoted("Begin forwarded message:\n\n> a\n>b\n>> c\n").as_deref(),
            Some("Begin forwarded message:\n\na\nb\n> c\n")
        );
        assert_eq!(
            unquoted("<bob@example.org>:\n>>> RCPT TO:<bob@example.org>\n<<< 550 unknown\n550 5.1.1 unknown\n"),
            None
        );
    }

    /// A text saying the server goes on trying is a warning of delay, not a failure.
    #[test]
    fn continued_attempts_make_a_delay() {
        assert!(says_delay(
            "Please do not resend your original message.\n\nDelivery attempts will continue to be made for 5  day(s).\n"
        ));
        assert!(says_delay(
            "has been postponed due to a full mailbox.\nWe will continue to try to deliver your message over the next few days.\n"
        ));
        assert!(!says_delay("This is a permanent error. The following address(es) failed:\n"));
    }

    #[test]
    fn a_deeper_indented_line_naming_an_address_continues_the_text() {
        let r = read(
            "<bob@example.org>: host mx.example.org[192.0.2.1] said: 550 5.1.1\n    <alice@example.net>: unauthorized sender (in\n    reply to RCPT TO command)\n",
            &[],
        );
        let got: Vec<Option<&str>> = r.iter().map(|f| f.recipient.as_deref()).collect();
        assert_eq!(got, [Some("bob@example.org")]);
        assert!(r[0].diagnostic.contains("unauthorized sender"), "{}", r[0].diagnostic);
        // Recipients listed at the same depth stay apart.
        let r = read("  bob@example.org\n    550 no such user\n  carol@example.org\n    550 no such user\n", &[]);
        assert_eq!(r.len(), 2);
    }

    #[test]
    fn a_sentence_takes_a_later_coded_paragraph_naming_the_address() {
        let text = "Your message to bob@example.org couldn't be delivered.\nbob wasn't found at example.org.\n\n\
                    Original Message Details\nSender Address: alice@example.net\nRecipient Address:      bob@example.org\n\
                    Subject:        Hello\n\nError Details\nError:  550 5.1.10 RESOLVER.ADR.RecipientNotFound; Recipient \
                    bob@example.org not found by SMTP address lookup\n";
        let r = read(text, &[]);
        let got: Vec<Option<&str>> = r.iter().map(|f| f.recipient.as_deref()).collect();
        assert_eq!(got, [Some("bob@example.org")]);
        assert!(r[0].diagnostic.contains("550 5.1.10"), "{}", r[0].diagnostic);
        assert!(is_sender_label("Sender Address") && is_sender_label("Envelope From"));
        assert!(!is_sender_label("Recipient Address") && !is_sender_label("Envelope"));
    }

    /// With no address marked as a recipient, one that a sentence names as the mailbox it is
    /// about.
    #[test]
    fn a_sentence_naming_the_mailbox_gives_the_recipient() {
        let r = read(
            "Message was not accepted -- invalid mailbox.\n Local mailbox bob@example.org is unavailable: user not found\n",
            &[],
        );
        let got: Vec<Option<&str>> = r.iter().map(|f| f.recipient.as_deref()).collect();
        assert_eq!(got, [Some("bob@example.org")]);
        assert!(r[0].diagnostic.contains("user not found"), "{}", r[0].diagnostic);
        assert!(read("Please write to bob@example.org about it.\n", &[]).is_empty());
    }
}
#[cfg(test)]
mod delivered_to_tests {
    use super::*;

    #[test]
    fn an_address_after_to_in_a_sentence_about_delivery() {
        let text = "Hello,\nthis is the email server at IFOM-IEO Campus.\n\nYour message to userx@example.it has reached our local address \nuserx@example.it, but this email address is wrong or no longer valid.\nYour message has NOT been delivered.\n";
        let found = read(text, &[]);
        let got: Vec<Option<&str>> = found.iter().map(|f| f.recipient.as_deref()).collect();
        assert_eq!(got, [Some("userx@example.it")]);
        let text = "--- Non-Delivery Report ---\nThe email below could not be delivered to the following user:\n\n\"userx@example.com\" <userx@example.com>\n";
        let got: Vec<Option<String>> = read(text, &[]).into_iter().map(|f| f.recipient).collect();
        assert_eq!(got, [Some("userx@example.com".to_owned())]);
        let text = "Your message could not be delivered to\nuserx@example.com\n";
        let got: Vec<Option<String>> = read(text, &[]).into_iter().map(|f| f.recipient).collect();
        assert_eq!(got, [Some("userx@example.com".to_owned())]);
        // The sender after "from" is no recipient.
        let text = "Your mail to the following recipients could not be delivered because they are not accepting mail from xxx@lists.example.com:\n\tscreenname\n";
        assert!(read(text, &[]).iter().all(|f| f.recipient.as_deref() != Some("xxx@lists.example.com")));
        // A sentence that names no recipient gives none.
        assert!(read("Your message was delivered to the list moderators for review.\n", &[]).is_empty());
    }
}
