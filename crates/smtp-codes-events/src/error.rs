//! [`EventError`]: what was wrong with an event document, and where in it.

use core::fmt;

/// What kind of problem an [`EventError`] reports, for callers that must branch on it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum EventErrorKind {
    /// A field holds a value of the wrong JSON type (`not a string`, `not an array`, ...).
    WrongType,
    /// A field the ESP's documentation says is always there is missing.
    Missing,
    /// The document has the shape of no ESP's event (or not of the ESP that was forced).
    UnknownShape,
    /// The input (or a string field that carries JSON, such as an SNS `Message`) is not JSON.
    NotJson,
    /// Reading the input failed.
    Io,
}

/// A document that could not be read as ESP events: the problem, the path in the JSON where it
/// was found (`bounce.bouncedRecipients[2].emailAddress`), and in a stream the document's
/// 1-based position.
///
/// ```
/// let doc = serde_json::json!({"notificationType": "Bounce", "mail": {}, "bounce": {"bouncedRecipients": [{"emailAddress": 7}]}});
/// let err = smtp_codes_events::read(&doc).unwrap_err();
/// assert_eq!(err.to_string(), "bounce.bouncedRecipients[0].emailAddress: not a string");
/// assert_eq!(err.path(), "bounce.bouncedRecipients[0].emailAddress");
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EventError {
    kind: EventErrorKind,
    path: String,
    message: String,
    document: Option<u64>,
}

impl EventError {
    pub(crate) fn new(kind: EventErrorKind, path: &str, message: impl Into<String>) -> Self {
        Self { kind, path: path.to_owned(), message: message.into(), document: None }
    }

    pub(crate) fn wrong_type(path: &str, expected: &str) -> Self {
        Self::new(EventErrorKind::WrongType, path, format!("not {expected}"))
    }

    pub(crate) fn missing(path: &str) -> Self {
        Self::new(EventErrorKind::Missing, path, "missing")
    }

    pub(crate) const fn in_document(mut self, document: u64) -> Self {
        self.document = Some(document);
        self
    }

    /// What kind of problem this is.
    #[must_use]
    pub const fn kind(&self) -> EventErrorKind {
        self.kind
    }

    /// Where in the document: field names joined with `.`, array positions as `[n]`; empty for
    /// the document itself.
    #[must_use]
    pub fn path(&self) -> &str {
        &self.path
    }

    /// What was wrong, without the path.
    #[must_use]
    pub fn message(&self) -> &str {
        &self.message
    }

    /// The 1-based position of the document in a stream, when read by [`crate::Events`].
    #[must_use]
    pub const fn document(&self) -> Option<u64> {
        self.document
    }
}

impl fmt::Display for EventError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let Some(n) = self.document {
            write!(f, "document {n}: ")?;
        }
        if !self.path.is_empty() {
            write!(f, "{}: ", self.path)?;
        }
        f.write_str(&self.message)
    }
}

impl std::error::Error for EventError {}
