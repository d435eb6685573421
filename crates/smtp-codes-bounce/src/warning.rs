//! The oddities a decoder reports about a message or one of its recipients, instead of failing.

use core::fmt;

use smtp_codes::EnhancedCode;

/// Something odd about a message or a recipient: the decoder goes on and says what it saw.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum DecodeWarning {
    /// The recipient's `Status` field and the enhanced code in its diagnostic text differ; the
    /// more specific one was used (see the crate docs, "Deciding").
    StatusDiffers {
        /// The code of the `Status` field.
        status: EnhancedCode,
        /// The code found in the `Diagnostic-Code` text.
        diagnostic: EnhancedCode,
    },
    /// The message is larger than [`MAX_MESSAGE`](crate::MAX_MESSAGE) bytes and was not decoded.
    TooLarge {
        /// The message's size in bytes.
        size: usize,
    },
    /// The input has no header lines and no bounce text: it is not an e-mail message.
    NotMail,
    /// A delivery-status part names no recipient.
    NoRecipient,
    /// The message is a bounce by its subject and its sender (`Returned mail` from
    /// `MAILER-DAEMON`), but its text names no recipient the readers find.
    NoRecipientInText,
    /// A `Status` field that is not an enhanced status code.
    BadStatus {
        /// The field's value.
        value: String,
    },
    /// An `Action` field that RFC 3464 does not define.
    UnknownAction {
        /// The field's value.
        value: String,
    },
    /// MIME parts nested deeper than the decoder follows; the deeper parts were not read.
    TooDeep,
    /// The message gave no report itself and said it was a bounce: the report was read from
    /// the message attached to it (a bounce another system wrapped whole).
    Wrapped,
}

impl fmt::Display for DecodeWarning {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::StatusDiffers { status, diagnostic } => write!(
                f,
                "the Status field says {status} but the diagnostic text says {diagnostic}; the more specific code was used"
            ),
            Self::TooLarge { size } => write!(
                f,
                "the message is {size} bytes, more than the {} bytes decoded; it was skipped",
                crate::MAX_MESSAGE
            ),
            Self::NotMail => f.write_str("the input is not an e-mail message (no header lines and no bounce text)"),
            Self::NoRecipient => f.write_str("the delivery-status part names no recipient"),
            Self::NoRecipientInText => {
                f.write_str("the subject and the sender say this is a bounce, but its text names no recipient")
            }
            Self::BadStatus { value } => write!(f, "the Status field {value:?} is not an enhanced status code"),
            Self::UnknownAction { value } => write!(f, "the Action field {value:?} is not one RFC 3464 defines"),
            Self::TooDeep => f.write_str("MIME parts are nested too deeply; the deepest were not read"),
            Self::Wrapped => f.write_str("the report was read from the bounce attached to this message"),
        }
    }
}
