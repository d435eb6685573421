//! The readers, one file per ESP, and what they share.

pub(crate) mod brevo;
pub(crate) mod mailgun;
pub(crate) mod mandrill;
pub(crate) mod postmark;
pub(crate) mod sendgrid;
pub(crate) mod ses;
pub(crate) mod sparkpost;

/// The reply text as a server sent it, from an ESP that gives the reply code apart from the
/// text: Mailgun's `message` after its `code` (`550` and `5.1.1 The email account ...`),
/// SparkPost's `raw_reason` after its `error_code`; unless the text already starts with the
/// code. Codes that are no reply codes (Mailgun's own `605`: a suppressed address) are not
/// joined.
pub(crate) fn with_code(code: Option<&str>, message: Option<String>) -> Option<String> {
    let reply_code = code
        .filter(|c| c.len() == 3 && matches!(c.as_bytes()[0], b'2'..=b'5') && c.bytes().all(|b| b.is_ascii_digit()));
    match (reply_code, message) {
        (Some(c), Some(m)) if !starts_with_code(&m) => Some(format!("{c} {}", m.trim())),
        (_, Some(m)) => Some(m),
        (Some(c), None) => Some(c.to_owned()),
        (None, None) => None,
    }
}

/// Whether `text` starts with a reply code of its own (`550 ...`, `550-...`, `550`).
fn starts_with_code(text: &str) -> bool {
    let b = text.trim_start().as_bytes();
    b.len() >= 3 && b[..3].iter().all(u8::is_ascii_digit) && b.get(3).is_none_or(|c| !c.is_ascii_digit())
}
