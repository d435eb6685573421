//! Walking a parsed message's MIME parts (mail-parser) to find what each reader needs: the
//! report parts, the human-readable text, and the returned original's headers.

use std::borrow::Cow;
use std::sync::OnceLock;

use mail_parser::{Address, HeaderName, HeaderValue, Message, MessageParser, MimeHeaders, PartType};

use crate::Original;

/// The parts of one message that the readers look at.
#[derive(Debug, Default)]
pub(crate) struct Parts<'m> {
    /// `report-type` of a `multipart/report`, in lower case.
    pub(crate) report_type: Option<String>,
    /// The text of each `message/delivery-status` or `message/global-delivery-status` part.
    pub(crate) delivery_status: Vec<Cow<'m, str>>,
    /// The text of the `message/feedback-report` part.
    pub(crate) feedback: Option<Cow<'m, str>>,
    /// Whether a `message/disposition-notification` part (a read receipt) was found.
    pub(crate) disposition: bool,
    /// The fields of the first disposition-notification part.
    pub(crate) disposition_fields: Option<Cow<'m, str>>,
    /// The headers of the returned original.
    pub(crate) original: Option<Original>,
    /// The part that holds the first attached message, parsed (`message/rfc822`): a bounce
    /// another system wrapped whole is read from there when the message gives nothing itself.
    pub(crate) attached: Option<u32>,
    /// The human-readable text parts outside the returned original, in order; the HTML parts
    /// as text when there is no plain one.
    pub(crate) texts: Vec<Cow<'m, str>>,
}

/// How many MIME parts are looked at; a message with more is read up to there.
const MAX_PARTS: usize = 10_000;

/// The raw body of a text part labelled with a 7-bit charset (`ISO-2022-JP`, `US-ASCII`) that
/// holds 8-bit bytes which are valid UTF-8, without a transfer encoding: such a body was
/// re-encoded along the way and its label is wrong, so decoding it by the label gives garbage.
fn mislabelled_utf8<'m>(
    message: &'m Message<'_>,
    part: &mail_parser::MessagePart<'_>,
    ctype: Option<&mail_parser::ContentType<'_>>,
) -> Option<&'m str> {
    let charset = ctype?.attribute("charset")?.to_ascii_lowercase();
    let seven_bit = charset.starts_with("iso-2022-") || charset == "us-ascii";
    if !seven_bit || !matches!(part.encoding, mail_parser::Encoding::None) {
        return None;
    }
    let raw = message.raw_message.get(part.offset_body as usize..part.offset_end as usize)?;
    if raw.is_ascii() {
        return None;
    }
    core::str::from_utf8(raw).ok()
}

/// Collects the parts of `message` (not looking into the returned original).
pub(crate) fn parts<'m>(message: &'m Message<'_>) -> Parts<'m> {
    let mut found = Parts::default();
    let mut html: Vec<&str> = Vec::new();
    let mut stack: Vec<u32> = vec![0];
    let mut seen = 0;
    while let Some(id) = stack.pop() {
        seen += 1;
        if seen > MAX_PARTS {
            break;
        }
        let Some(part) = message.parts.get(id as usize) else { continue };
        let ctype = part.content_type();
        let (main, sub) = match ctype {
            Some(c) => (c.ctype().to_ascii_lowercase(), c.subtype().map(str::to_ascii_lowercase).unwrap_or_default()),
            None => (String::new(), String::new()),
        };
        match &part.body {
            PartType::Multipart(children) => {
                if sub == "report" && found.report_type.is_none() {
                    found.report_type = ctype.and_then(|c| c.attribute("report-type")).map(str::to_ascii_lowercase);
                }
                // In reverse, so that the stack gives them in order.
                stack.extend(children.iter().rev());
            }
            PartType::Message(nested) => {
                if found.original.is_none() {
                    found.original = Some(original(nested));
                }
                found.attached.get_or_insert(id);
            }
            PartType::Text(text) | PartType::Html(text) if main == "text" && sub == "rfc822-headers" => {
                if found.original.is_none() {
                    found.original = headers_of(text.as_bytes());
                }
            }
            PartType::Text(text) => match (main.as_str(), sub.as_str()) {
                // A delivery-status part labelled as text.
                ("text", "delivery-status") => found.delivery_status.push(Cow::Borrowed(text)),
                _ => found
                    .texts
                    .push(mislabelled_utf8(message, part, ctype).map_or(Cow::Borrowed(&**text), Cow::Borrowed)),
            },
            PartType::Html(text) => html.push(text),
            PartType::Binary(bytes) | PartType::InlineBinary(bytes) => match (main.as_str(), sub.as_str()) {
                ("message", "delivery-status" | "global-delivery-status") => {
                    found.delivery_status.push(String::from_utf8_lossy(bytes));
                }
                ("message", "feedback-report") => {
                    found.feedback.get_or_insert_with(|| String::from_utf8_lossy(bytes));
                }
                ("message", "disposition-notification" | "global-disposition-notification") => {
                    found.disposition = true;
                    found.disposition_fields.get_or_insert_with(|| String::from_utf8_lossy(bytes));
                }
                ("message", "rfc822" | "global" | "rfc822-headers" | "global-headers") if found.original.is_none() => {
                    found.original = headers_of(bytes);
                }
                _ => {}
            },
        }
    }
    // HTML is converted only when no plain text says the same (HTML-only bounces).
    if found.texts.is_empty() {
        found.texts = html.into_iter().map(|h| Cow::Owned(mail_parser::decoders::html::html_to_text(h))).collect();
    }
    // A multipart whose boundary never occurs (cut short in the header: `boundary="bo"`) gives
    // no part at all: its body is read as one text, so that its report and error lines are
    // still found.
    let nothing = found.texts.is_empty()
        && found.delivery_status.is_empty()
        && found.feedback.is_none()
        && !found.disposition
        && found.original.is_none();
    if nothing
        && let Some(root) = message.parts.first()
        && let Some(body) = message.raw_message.get(root.offset_body as usize..root.offset_end as usize)
        && !body.iter().all(u8::is_ascii_whitespace)
    {
        found.texts.push(String::from_utf8_lossy(body));
    }
    found
}

/// The headers read as raw text besides those [`parser`] parses by their kind: the ones the
/// readers look at (`X-Failed-Recipients`, the automatic-reply markers).
const RAW_HEADERS: &[&str] = &[
    "x-failed-recipients",
    "auto-submitted",
    "x-autoreply",
    "x-autorespond",
    "precedence",
    "x-apple-action",
    "x-auto-response-suppress",
    "x-ms-exchange-inbox-rules-loop",
];

/// The headers [`parser`] parses by their kind besides the MIME headers.
const PARSED_HEADERS: &[&str] = &["date", "subject", "from", "to", "message-id"];

/// The message parser: the MIME headers, and the headers the readers use parsed by their kind
/// (dates, addresses, the message id, the subject with its encoded words decoded) or as raw
/// text ([`RAW_HEADERS`], and the headers of the challenge-response markers). Every other header is skipped (its name is kept): a bounce carries
/// many `Received`, `DKIM-Signature` and `X-` headers that are never read. Built once.
pub(crate) fn parser() -> &'static MessageParser {
    static PARSER: OnceLock<MessageParser> = OnceLock::new();
    PARSER.get_or_init(|| {
        let mut parser = MessageParser::new()
            .with_mime_headers()
            .header_date(HeaderName::Date)
            .header_text(HeaderName::Subject)
            .header_address(HeaderName::From)
            .header_address(HeaderName::To)
            .header_id(HeaderName::MessageId)
            .default_header_ignore();
        // The challenge-response markers' headers, but those parsed by their kind above.
        let challenge = crate::challenge::header_names().filter(|n| !PARSED_HEADERS.contains(n));
        for name in RAW_HEADERS.iter().copied().chain(challenge) {
            // Names the parser knows are matched by their own variant, others as `Other`.
            let header = HeaderName::parse(name).unwrap_or(HeaderName::Other(Cow::Borrowed(name)));
            parser = parser.header_raw(header);
        }
        parser
    })
}

/// The headers of a returned original given as text (`text/rfc822-headers`, or an inline copy).
pub(crate) fn headers_of(bytes: &[u8]) -> Option<Original> {
    let message = parser().parse_headers(bytes)?;
    Some(original(&message)).filter(|o| !o.is_empty())
}

/// The join fields of a returned original.
pub(crate) fn original(message: &Message<'_>) -> Original {
    Original {
        message_id: message.message_id().map(str::to_owned),
        from: message.from().and_then(address),
        to: message.to().and_then(address),
        subject: message.subject().map(str::to_owned),
        date: date(message),
    }
}

/// An address header as text: `Name <address>` for each address, comma-separated.
fn address(address: &Address<'_>) -> Option<String> {
    let list: Vec<String> = address
        .iter()
        .filter_map(|a| match (&a.name, &a.address) {
            (Some(name), Some(addr)) => Some(format!("{name} <{addr}>")),
            (None, Some(addr)) => Some(addr.to_string()),
            (Some(name), None) => Some(name.to_string()),
            (None, None) => None,
        })
        .collect();
    (!list.is_empty()).then(|| list.join(", "))
}

/// The `Date` header of the top part, as RFC 5322 writes it.
pub(crate) fn date(message: &Message<'_>) -> Option<String> {
    message.date().map(|d| d.to_rfc822())
}

/// A header of the top part as text (encoded words decoded), when it has a text value.
/// `lost` is [`lost_headers`] of the message: whether to look in the raw header block for a
/// header mail-parser did not give.
pub(crate) fn header_text(message: &Message<'_>, name: &str, lost: bool) -> Option<String> {
    let part = message.parts.first()?;
    let Some(header) = part.headers.iter().find(|h| h.name().eq_ignore_ascii_case(name)) else {
        // mail-parser 0.11 can lose a header: a `Date` in the obsolete `UT` zone swallows the
        // line after it. The raw header block says what was there.
        return if lost { raw_header(message.raw_message(), name) } else { None };
    };
    match header.value() {
        HeaderValue::Text(t) => Some(t.to_string()),
        HeaderValue::TextList(list) => Some(list.join(", ")),
        HeaderValue::Address(a) => address(a),
        _ => None,
    }
}

/// Whether mail-parser gave fewer headers for the top part than its raw header block holds
/// (lines that start a field: not folded, with a colon), so that a header it lacks may be in
/// the raw block all the same. Counted once per message: most messages lose none, and then no
/// lookup of a header they lack reads the raw block.
pub(crate) fn lost_headers(message: &Message<'_>) -> bool {
    let Some(part) = message.parts.first() else { return false };
    let raw = message.raw_message();
    let fields = raw[..raw.len().min(64 * 1024)]
        .split(|&b| b == b'\n')
        .map(|l| l.strip_suffix(b"\r").unwrap_or(l))
        .take_while(|l| !l.trim_ascii().is_empty())
        .filter(|l| !matches!(l.first(), Some(b' ' | b'\t')) && memchr::memchr(b':', l).is_some())
        .count();
    fields > part.headers.len()
}

/// The unfolded value of the first header `name` in the header block of `raw` (up to the
/// first blank line, within its first 64 KiB), as written. Read as bytes: only the value found
/// is made text, as a message's headers are looked this way for every header it lacks.
fn raw_header(raw: &[u8], name: &str) -> Option<String> {
    let block = &raw[..raw.len().min(64 * 1024)];
    let mut lines = block
        .split(|&b| b == b'\n')
        .map(|l| l.strip_suffix(b"\r").unwrap_or(l))
        .take_while(|l| !l.trim_ascii().is_empty())
        .peekable();
    while let Some(line) = lines.next() {
        let Some(colon) = memchr::memchr(b':', line) else { continue };
        if !line[..colon].eq_ignore_ascii_case(name.as_bytes()) {
            continue;
        }
        let mut value = String::from_utf8_lossy(line[colon + 1..].trim_ascii()).into_owned();
        while let Some(next) = lines.next_if(|l| l.first().is_some_and(|&b| b == b' ' || b == b'\t')) {
            value.push(' ');
            value.push_str(&String::from_utf8_lossy(next.trim_ascii()));
        }
        return Some(value);
    }
    None
}

/// The names of the top part's headers, as written.
pub(crate) fn header_names<'m>(message: &'m Message<'_>) -> Vec<&'m str> {
    message.parts.first().map(|p| p.headers.iter().map(|h| h.name()).collect()).unwrap_or_default()
}

/// Whether the top part has a header named `name`.
pub(crate) fn has_header(message: &Message<'_>, name: &str) -> bool {
    message.parts.first().is_some_and(|p| p.headers.iter().any(|h| h.name().eq_ignore_ascii_case(name)))
}

/// The address of the top part's `From` header, without its name.
pub(crate) fn from_address(message: &Message<'_>) -> Option<String> {
    match message.from() {
        Some(from) => from.first()?.address.as_deref().map(str::to_owned),
        // A `From` mail-parser lost (see `header_text`): the address in angle brackets, else
        // the whole value.
        None => {
            let raw = raw_header(message.raw_message(), "from")?;
            let inner = raw.rsplit_once('<').and_then(|(_, r)| r.split_once('>')).map_or(raw.as_str(), |(a, _)| a);
            inner.contains('@').then(|| inner.trim().to_owned())
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A text part labelled ISO-2022-JP (a 7-bit charset) whose bytes are UTF-8 (a copy that was
    /// re-encoded on the way, as the Sisimai corpus's `mac/lhost-notes-01.eml` is) is read as
    /// UTF-8; a real ISO-2022-JP part is decoded by its label.
    #[test]
    fn a_header_after_a_date_in_the_ut_zone_is_kept() {
        let m = "Date: Sat, 22 Apr 2006 17:14:50 UT\nFrom: Campus Mailserver <MAILER-DAEMON@example.it>\nSubject: x\n\nbody\n";
        let parsed = parser().parse(m.as_bytes()).unwrap();
        assert_eq!(from_address(&parsed).as_deref(), Some("MAILER-DAEMON@example.it"));
        assert_eq!(header_text(&parsed, "subject", lost_headers(&parsed)).as_deref(), Some("x"));
        assert_eq!(raw_header(b"A: 1\nB: two\n  lines\n\nB: body", "b").as_deref(), Some("two lines"));
        // The lost header is what sends lookups to the raw block; a message that lost none
        // never is (a folded line is no field of its own).
        assert!(lost_headers(&parsed));
        let whole =
            "Date: Sat, 22 Apr 2006 17:14:50 +0000\nFrom: a@example.it\nReceived: from x\n by y\nSubject: x\n\nbody\n";
        let parsed = parser().parse(whole.as_bytes()).unwrap();
        assert!(!lost_headers(&parsed));
        assert_eq!(header_text(&parsed, "x-failed-recipients", false), None);
    }

    #[test]
    fn a_seven_bit_label_on_utf8_bytes_is_read_as_utf8() {
        let utf8 = "Subject: x\nContent-Type: text/plain; charset=ISO-2022-JP\n\nエラー\nbob@example.org\n";
        let parsed = parser().parse(utf8.as_bytes()).unwrap();
        assert_eq!(parts(&parsed).texts[0].trim_end(), "エラー\nbob@example.org");
        let jis = b"Subject: x\nContent-Type: text/plain; charset=ISO-2022-JP\n\n\x1b$B%(%i!<\x1b(B\nbob@example.org\n";
        let parsed = parser().parse(jis).unwrap();
        assert_eq!(parts(&parsed).texts[0].trim_end(), "エラー\nbob@example.org");
    }
}
