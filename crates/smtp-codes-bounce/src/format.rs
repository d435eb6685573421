//! The plain-text bounce formats of the catalogue ([`smtp_codes::formats`]): which format a
//! bounce's own text is in, found in one multi-pattern pass over that text, and the
//! error section of that text that the format's start and end lines enclose.

use std::sync::OnceLock;

use aho_corasick::{AhoCorasick, AhoCorasickKind, MatchKind};
use smtp_codes::formats::{FORMATS, Format};

/// The automaton over every format's markers, built once: pattern `i` is marker `MARKERS[i].1`
/// of format `MARKERS[i].0`.
struct Recogniser {
    automaton: AhoCorasick,
    /// For pattern `i`, the position in [`FORMATS`] of its format and the marker's length.
    markers: Vec<(usize, usize)>,
}

/// Builds the shared recogniser now (see [`crate::prepare`]).
pub(crate) fn prepare() {
    let _ = recogniser();
}

fn recogniser() -> &'static Recogniser {
    static SHARED: OnceLock<Recogniser> = OnceLock::new();
    SHARED.get_or_init(|| {
        let texts: Vec<(usize, &'static str)> =
            FORMATS.iter().enumerate().flat_map(|(i, f)| f.markers().iter().map(move |&m| (i, m))).collect();
        // Markers are matched on the text with its white space collapsed (see `collapsed`), so
        // their own line breaks and runs of spaces are single spaces too. A contiguous NFA, not
        // the DFA the builder would pick for so few patterns: building the DFA took 36 million
        // instructions (about 5 ms) of every process that read a plain-text bounce, and the
        // search over a bounce's text is as fast either way (measured over the Sisimai corpus).
        let automaton = AhoCorasick::builder()
            .ascii_case_insensitive(true)
            .match_kind(MatchKind::Standard)
            .kind(Some(AhoCorasickKind::ContiguousNFA))
            .build(texts.iter().map(|(_, m)| collapsed(m)))
            .expect("the catalogue's format markers fit in an automaton");
        Recogniser { automaton, markers: texts.iter().map(|&(i, m)| (i, m.len())).collect() }
    })
}

/// A format recognised in a bounce, and whether its own text (not only its headers) showed it.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Found {
    pub(crate) format: &'static Format,
    /// At least one of the format's text markers was in the text; `false` when only its header
    /// markers were found, which do not by themselves make a message a bounce.
    pub(crate) by_text: bool,
}

/// The format of a plain-text bounce whose own text (before any copy of the original) is
/// `text` and whose own headers `header` gives by name (`None` for a pasted body): the format
/// with the most distinct markers found (text and header markers alike), then the one whose
/// longest marker found is longer, then the one listed first in the catalogue. The subject is
/// not looked at: a subject such as "Undeliverable Mail" is every MTA's, while the same words in
/// capitals open Courier's text. The formats whose ids `skip` lists are left out (to measure the
/// reader on formats it does not know).
pub(crate) fn recognise(text: &str, header: &dyn Fn(&str) -> Option<String>, skip: &[&str]) -> Option<Found> {
    let r = recogniser();
    // Which markers were seen, by pattern index, then per format how many and the longest.
    let mut seen = vec![false; r.markers.len()];
    // A bounce wraps its sentences where its MTA likes ("This message was created automatically
    // by mail delivery\nsoftware."): markers are looked for with every run of white space one
    // space.
    for m in r.automaton.find_overlapping_iter(&collapsed(text)) {
        seen[m.pattern().as_usize()] = true;
    }
    // Per format: distinct markers found, the longest, and whether any was in the text.
    let mut found = vec![(0usize, 0usize, false); FORMATS.len()];
    for (&(format, len), _) in r.markers.iter().zip(&seen).filter(|(_, s)| **s) {
        let (count, longest, by_text) = &mut found[format];
        *count += 1;
        *longest = (*longest).max(len);
        *by_text = true;
    }
    for (order, format) in FORMATS.iter().enumerate() {
        for pair in format.headers() {
            if header_holds(header, pair) {
                let (count, longest, _) = &mut found[order];
                *count += 1;
                *longest = (*longest).max(pair.len());
            }
        }
    }
    // The first format with the greatest (in the text, count, longest): `max_by_key` would keep
    // the last. A format seen in the text beats one known only from headers that several
    // formats' messages share (a Gmail bounce has the `From` and `X-Failed-Recipients` that
    // Google Groups' notices have).
    let mut best: Option<(usize, (bool, usize, usize))> = None;
    for (order, &(count, longest, by_text)) in found.iter().enumerate() {
        if count == 0 || skip.contains(&FORMATS[order].id()) {
            continue;
        }
        if best.is_none_or(|(_, b)| (by_text, count, longest) > b) {
            best = Some((order, (by_text, count, longest)));
        }
    }
    best.map(|(order, _)| Found { format: &FORMATS[order], by_text: found[order].2 })
}

/// `text` with every run of ASCII white space (line breaks included) made one space, and none
/// at the start or the end.
fn collapsed(text: &str) -> Vec<u8> {
    let b = text.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        let gap = i;
        while i < b.len() && b[i].is_ascii_whitespace() {
            i += 1;
        }
        if i > gap && !out.is_empty() && i < b.len() {
            out.push(b' ');
        }
        let word = i;
        while i < b.len() && !b[i].is_ascii_whitespace() {
            i += 1;
        }
        out.extend_from_slice(&b[word..i]);
    }
    out
}

/// Whether the header that `pair` (`name: text`) names holds its text, ASCII case ignored; with
/// no text, whether the header is present.
fn header_holds(header: &dyn Fn(&str) -> Option<String>, pair: &str) -> bool {
    let Some((name, needle)) = pair.split_once(':') else { return false };
    let Some(value) = header(name) else { return false };
    let needle = needle.trim();
    needle.is_empty() || value.to_ascii_lowercase().contains(needle)
}

/// The error section of `text` in `format`: from the line holding the first of its start texts
/// (the text's start when it has none or none is found) to the line before the first later line
/// holding one of its end texts (the text's end when none is).
pub(crate) fn section<'t>(text: &'t str, format: &Format) -> &'t str {
    let start = line_holding(text, 0, format.start()).map_or(0, |(line, _)| line);
    let end = line_holding(text, start, format.end()).map_or(text.len(), |(line, _)| line).max(start);
    // The start line itself is kept: a format may name the recipient on it.
    &text[start..end]
}

/// The start of the first line at or after `from` that holds one of `needles` (ASCII case
/// ignored), and where in `text` the needle was found.
fn line_holding(text: &str, from: usize, needles: &[&str]) -> Option<(usize, usize)> {
    if needles.is_empty() {
        return None;
    }
    let lower = text[from..].to_ascii_lowercase();
    let at = needles.iter().filter_map(|n| lower.find(n)).min()? + from;
    let line = text[..at].rfind('\n').map_or(0, |p| p + 1);
    Some((line.max(from), at))
}

/// The recipients a format names after one of its `recipient_after` texts: the first address on
/// the rest of that line, else on the next line that is not blank, each with the lines that
/// follow up to a blank line as its error text.
pub(crate) fn recipients_after(text: &str, format: &Format) -> Vec<(String, String)> {
    let mut found: Vec<(String, String)> = Vec::new();
    if format.recipient_after().is_empty() {
        return found;
    }
    // The addresses found, in lower case, so that a report of many recipients stays linear.
    let mut seen: std::collections::HashSet<String> = std::collections::HashSet::new();
    let lines: Vec<&str> = text.lines().collect();
    let lowered: Vec<String> = lines.iter().map(|l| l.to_ascii_lowercase()).collect();
    for (i, lower) in lowered.iter().enumerate() {
        for needle in format.recipient_after() {
            let Some(at) = lower.find(needle) else { continue };
            let rest = &lines[i][(at + needle.len()).min(lines[i].len())..];
            // A line that ends in a colon introduces the lines below, whatever it names first
            // (AOL's "... not accepting mail from <sender>:" above the screen names).
            let here = if rest.trim_end().ends_with(':') { None } else { first_address(rest) };
            let on_line = here.is_some();
            let (address, from, line) = match here {
                Some(a) => (Some(a), i + 1, rest),
                None => {
                    let next = (i + 1..lines.len()).find(|&j| !lines[j].trim().is_empty());
                    let line = next.map_or("", |j| lines[j]);
                    let address = next.and_then(|j| first_address(lines[j]).or_else(|| bare_local(lines[j], format)));
                    (address, next.map_or(lines.len(), |j| j + 1), line)
                }
            };
            let Some(address) = address else { continue };
            if !seen.insert(address.to_ascii_lowercase()) {
                continue;
            }
            // The lines below, up to a blank line; when a blank line comes first, the paragraph
            // after it (dma writes the recipient, a blank line, then the remote server's reply).
            let below = &lines[from.min(lines.len())..];
            let skip = below.iter().take_while(|l| l.trim().is_empty()).count();
            let below = if skip > 1 { &below[below.len()..] } else { &below[skip..] };
            let error: Vec<&str> = below
                .iter()
                .map(|l| l.trim())
                .take_while(|l| !l.is_empty() && !needle_in(l, format.recipient_after()))
                .take(crate::generic::MAX_ERROR_LINES)
                .collect();
            // The rest of the recipient's own line comes first (Zoho's `Address: <...>,
            // ResponseCode 421, , Host not reachable.]`).
            let after = line.find(address.as_str()).map_or("", |at| &line[at + address.len()..]);
            let after = after.trim_start_matches(['>', ']', ')', '"', '\'', ';', ',', ':', '.']).trim();
            // A line that is the format's sentence about the address it names (fml's "You are
            // not a member of this mailing list <list@...>.") is its error text whole; a label
            // (a text ending in a colon or a space, or shorter than a sentence) is not.
            let sentence = on_line
                && !needle.ends_with([':', ' '])
                && needle.split_whitespace().count() >= 4
                && lower[..at].trim().is_empty()
                && rest.find(address.as_str()).is_some_and(|k| rest[..k].chars().all(|c| !c.is_alphanumeric()));
            let mut text: Vec<&str> = Vec::with_capacity(error.len() + 1);
            if sentence {
                text.push(lines[i].trim());
            } else if after.chars().any(char::is_alphanumeric) {
                text.push(after);
            }
            text.extend(error);
            found.push((address, text.join(" ")));
        }
    }
    found
}

/// A recipient named by its local part alone on `line` (`\tscreenname`), with the format's
/// [`recipient_domain`](Format::recipient_domain) added; `None` when the format has none or the
/// line holds anything else.
fn bare_local(line: &str, format: &Format) -> Option<String> {
    let domain = format.recipient_domain()?;
    let local = line.trim();
    let plain = |b: u8| b.is_ascii_alphanumeric() || matches!(b, b'.' | b'_' | b'-' | b'+');
    (!local.is_empty() && local.len() <= 64 && local.bytes().all(plain)).then(|| format!("{local}@{domain}"))
}

/// Whether `line` holds one of `needles`, ASCII case ignored.
fn needle_in(line: &str, needles: &[&str]) -> bool {
    let lower = line.to_ascii_lowercase();
    needles.iter().any(|n| lower.contains(n))
}

/// The first `local@domain.tld` in `s`, with any `<`, `>`, quotes, `=`, `;`, `,` or brackets
/// around it taken off (`dda:SMTP=bob@example.org;` gives `bob@example.org`).
fn first_address(s: &str) -> Option<String> {
    s.split(|c: char| {
        c.is_whitespace() || matches!(c, '<' | '>' | '"' | '\'' | '=' | ';' | ',' | '(' | ')' | '[' | ']')
    })
    .map(|t| t.trim_end_matches(['.', ':']))
    // Exchange's proxy notation, `SMTP:bob@example.org`.
    .map(|t| t.get(..5).filter(|p| p.eq_ignore_ascii_case("smtp:")).map_or(t, |_| &t[5..]))
    .find(|t| crate::generic::is_address(t))
    .map(str::to_owned)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A pasted body's headers: none.
    fn no_headers(_: &str) -> Option<String> {
        None
    }
    const NO_HEADERS: fn(&str) -> Option<String> = no_headers;

    /// Demon Internet's Exim wraps Exim's sentence at another word than Exim does (flufl.bounce's
    /// `bounce_03.txt`): the marker is found across the line break, and Zoho's shorter marker
    /// (the same words without "software") no longer wins.
    #[test]
    fn a_marker_wrapped_over_lines_is_found() {
        let text = "This message was created automatically by mail delivery\nsoftware. A message that you sent could not be delivered\nto all of its recipients.\n";
        let found = recognise(text, &NO_HEADERS, &[]).expect("a format");
        assert_eq!(found.format.id(), "exim");
        assert_eq!(collapsed(" a\n\t b  c \r\n"), b"a b c");
    }

    #[test]
    fn every_format_is_recognised_by_each_of_its_markers() {
        for format in FORMATS {
            for marker in format.markers() {
                let got = recognise(&format!("Some text.\n{}\nMore.\n", marker.to_ascii_uppercase()), &NO_HEADERS, &[])
                    .map(|f| f.format);
                // A marker shared with another format may pick that one; its own format must
                // then hold more markers.
                let got = got.expect("a marker recognises a format");
                assert!(
                    core::ptr::eq(got, format) || got.markers().contains(marker),
                    "{marker:?} of {} gave {}",
                    format.id(),
                    got.id()
                );
            }
        }
    }

    /// Headers that several formats' messages carry do not outweigh a format seen in the text.
    #[test]
    fn a_format_in_the_text_beats_one_known_from_headers_only() {
        let gmail_headers = |name: &str| match name {
            "from" => Some("Mail Delivery Subsystem <mailer-daemon@googlemail.com>".to_owned()),
            "x-failed-recipients" => Some("bob@example.org".to_owned()),
            _ => None,
        };
        let text = "** Address not found **\n\nYour message wasn't delivered to bob@example.org.\n";
        let found = recognise(text, &gmail_headers, &[]).expect("a format");
        assert_eq!((found.format.id(), found.by_text), ("gmail", true));
        // With nothing in the text, the headers still name the format.
        let found = recognise("Your message bounced.\n", &gmail_headers, &[]).expect("a format");
        assert!(!found.by_text);
    }

    #[test]
    fn more_markers_win() {
        let text = "This message was created automatically by mail delivery software.\n\
                    --- The header of the original message is following. ---\n";
        assert_eq!(recognise(text, &NO_HEADERS, &[]).map(|f| f.format.id()), Some("gmx"));
        assert_eq!(recognise(text, &NO_HEADERS, &["gmx"]).map(|f| f.format.id()), Some("exim"));
        let text = "This message was created automatically by mail delivery software.\n";
        assert_eq!(recognise(text, &NO_HEADERS, &[]).map(|f| f.format.id()), Some("exim"));
        assert!(recognise("nothing to see", &NO_HEADERS, &[]).is_none());
    }

    #[test]
    fn header_markers_count_but_do_not_make_a_bounce_alone() {
        let headers = |name: &str| (name == "from").then(|| "<Postmaster@ezweb.ne.jp>".to_owned());
        let found = recognise("Hello.\n", &headers, &[]).expect("the From header recognises EZweb");
        assert_eq!(found.format.id(), "ezweb");
        assert!(!found.by_text);
        let found = recognise("The user(s) account is disabled.\n<bob@ezweb.ne.jp>\n", &headers, &[]).unwrap();
        assert_eq!(found.format.id(), "ezweb");
        assert!(found.by_text);
        // A header named with no text is found when present.
        let present = |name: &str| (name == "x-google-smtp-source").then(String::new);
        assert!(header_holds(&present, "x-google-smtp-source:"));
        assert!(!header_holds(&NO_HEADERS, "x-google-smtp-source:"));
    }

    #[test]
    fn the_section_runs_from_the_start_line_to_the_end_line() {
        let f = Format::from_id("exchange2003").unwrap();
        let text = "Your message\n  To: list@example.org\n\ndid not reach the following recipient(s):\n\nbob@example.org on Fri\n  The recipient name is not recognized\n";
        let s = section(text, f);
        assert!(s.starts_with("did not reach"), "{s}");
        let r = recipients_after(s, f);
        // The rest of the recipient's line comes first, then the lines below it.
        assert_eq!(r, vec![("bob@example.org".to_owned(), "on Fri The recipient name is not recognized".to_owned())]);
    }

    #[test]
    fn an_address_is_cut_out_of_its_surroundings() {
        assert_eq!(first_address("c=US;a= ;dda:SMTP=bob@example.COM; on Fri").as_deref(), Some("bob@example.COM"));
        assert_eq!(first_address("  <bob@example.org>:").as_deref(), Some("bob@example.org"));
        assert_eq!(first_address("Recipient: [SMTP:bob@example.org]").as_deref(), Some("bob@example.org"));
        assert_eq!(first_address("no address here"), None);
    }
}
