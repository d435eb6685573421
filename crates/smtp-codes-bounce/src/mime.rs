//! Walking a parsed message's MIME parts (mail-parser) to find what each reader needs: the
//! report parts, the human-readable text, and the returned original's headers.

use mail_parser::{Address, HeaderValue, Message, MessageParser, MimeHeaders, PartType};

use crate::Original;

/// The parts of one message that the readers look at.
#[derive(Debug, Default)]
pub(crate) struct Parts {
    /// `report-type` of a `multipart/report`, in lower case.
    pub(crate) report_type: Option<String>,
    /// The text of each `message/delivery-status` or `message/global-delivery-status` part.
    pub(crate) delivery_status: Vec<String>,
    /// The text of the `message/feedback-report` part.
    pub(crate) feedback: Option<String>,
    /// Whether a `message/disposition-notification` part (a read receipt) was found.
    pub(crate) disposition: bool,
    /// The headers of the returned original.
    pub(crate) original: Option<Original>,
    /// The human-readable text parts outside the returned original, in order (HTML as text).
    pub(crate) texts: Vec<String>,
}

/// How many MIME parts are looked at; a message with more is read up to there.
const MAX_PARTS: usize = 10_000;

/// Collects the parts of `message` (not looking into the returned original).
pub(crate) fn parts(message: &Message<'_>) -> Parts {
    let mut found = Parts::default();
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
            }
            PartType::Text(text) | PartType::Html(text) if main == "text" && sub == "rfc822-headers" => {
                if found.original.is_none() {
                    found.original = headers_of(text.as_bytes());
                }
            }
            PartType::Text(text) => match (main.as_str(), sub.as_str()) {
                // A delivery-status part labelled as text.
                ("text", "delivery-status") => found.delivery_status.push(text.to_string()),
                _ => found.texts.push(text.to_string()),
            },
            PartType::Html(html) => found.texts.push(mail_parser::decoders::html::html_to_text(html)),
            PartType::Binary(bytes) | PartType::InlineBinary(bytes) => match (main.as_str(), sub.as_str()) {
                ("message", "delivery-status" | "global-delivery-status") => {
                    found.delivery_status.push(String::from_utf8_lossy(bytes).into_owned());
                }
                ("message", "feedback-report") => {
                    found.feedback.get_or_insert_with(|| String::from_utf8_lossy(bytes).into_owned());
                }
                ("message", "disposition-notification" | "global-disposition-notification") => found.disposition = true,
                ("message", "rfc822" | "global" | "rfc822-headers" | "global-headers") if found.original.is_none() => {
                    found.original = headers_of(bytes);
                }
                _ => {}
            },
        }
    }
    found
}

/// The headers of a returned original given as text (`text/rfc822-headers`, or an inline copy).
pub(crate) fn headers_of(bytes: &[u8]) -> Option<Original> {
    let message = MessageParser::new().parse_headers(bytes)?;
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
pub(crate) fn header_text(message: &Message<'_>, name: &str) -> Option<String> {
    let part = message.parts.first()?;
    let header = part.headers.iter().find(|h| h.name().eq_ignore_ascii_case(name))?;
    match header.value() {
        HeaderValue::Text(t) => Some(t.to_string()),
        HeaderValue::TextList(list) => Some(list.join(", ")),
        HeaderValue::Address(a) => address(a),
        _ => None,
    }
}

/// Whether the top part has a header named `name`.
pub(crate) fn has_header(message: &Message<'_>, name: &str) -> bool {
    message.parts.first().is_some_and(|p| p.headers.iter().any(|h| h.name().eq_ignore_ascii_case(name)))
}

/// The address of the top part's `From` header, without its name.
pub(crate) fn from_address(message: &Message<'_>) -> Option<String> {
    message.from()?.first()?.address.as_deref().map(str::to_owned)
}
