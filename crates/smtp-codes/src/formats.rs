//! Bounce formats: how the bounce messages of one MTA or provider look when they carry no
//! delivery-status part (qmail's "Hi. This is the qmail-send program", Exim's "This message was
//! created automatically by mail delivery software"), as the catalogue's `[[format]]` table
//! describes them. The bounce decoder (`smtp-codes-bounce`) recognises a format by its markers
//! in one pass and reads the error section between its start and end lines.

#[rustfmt::skip]
mod generated;

pub use generated::FORMATS;

/// One bounce format of the catalogue.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Format {
    pub(crate) id: &'static str,
    pub(crate) title: &'static str,
    pub(crate) markers: &'static [&'static str],
    pub(crate) headers: &'static [&'static str],
    pub(crate) start: &'static [&'static str],
    pub(crate) end: &'static [&'static str],
    pub(crate) recipient_after: &'static [&'static str],
    pub(crate) recipient_domain: Option<&'static str>,
    pub(crate) source: &'static str,
}

impl Format {
    /// Lowercase ASCII letters and digits (`qmail`): the bounce record's `decoded_by`.
    #[must_use]
    pub const fn id(&self) -> &'static str {
        self.id
    }

    /// The MTA or provider, as its makers name it.
    #[must_use]
    pub const fn title(&self) -> &'static str {
        self.title
    }

    /// Lowercase texts, any of which in a bounce's own text recognises the format.
    #[must_use]
    pub const fn markers(&self) -> &'static [&'static str] {
        self.markers
    }

    /// Lowercase `name: text` pairs, each found when the bounce's own header `name` holds
    /// `text` (`from: postmaster@ezweb.ne.jp`), or, with no text, when it is present. They
    /// count as markers; a format found by these alone does not make a message a bounce.
    #[must_use]
    pub const fn headers(&self) -> &'static [&'static str] {
        self.headers
    }

    /// Lowercase texts that start the error section: reading starts at the line holding the
    /// first one found; empty: the text's start.
    #[must_use]
    pub const fn start(&self) -> &'static [&'static str] {
        self.start
    }

    /// Lowercase texts that end the error section: reading stops before the first line after
    /// the start that holds one; empty: the text's end.
    #[must_use]
    pub const fn end(&self) -> &'static [&'static str] {
        self.end
    }

    /// Lowercase texts after which a recipient's address follows, on the same line or alone on
    /// the next one.
    #[must_use]
    pub const fn recipient_after(&self) -> &'static [&'static str] {
        self.recipient_after
    }

    /// The domain of a recipient the format names by its local part alone after one of its
    /// [`recipient_after`](Self::recipient_after) texts (AOL's screen names): `aol.com`.
    #[must_use]
    pub const fn recipient_domain(&self) -> Option<&'static str> {
        self.recipient_domain
    }

    /// Where the format's texts come from.
    #[must_use]
    pub const fn source(&self) -> &'static str {
        self.source
    }

    /// The format whose `id` this is.
    ///
    /// ```
    /// use smtp_codes::formats::Format;
    ///
    /// assert_eq!(Format::from_id("qmail").map(|f| f.title()), Some("qmail"));
    /// assert!(Format::from_id("nosuchmta").is_none());
    /// ```
    #[must_use]
    pub fn from_id(id: &str) -> Option<&'static Self> {
        FORMATS.iter().find(|f| f.id == id)
    }
}
