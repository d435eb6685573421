//! One recipient of a bounce: the facts its report gives and the decision the core makes on them.

use smtp_codes::classify::{Classification, Classifier, Context};
use smtp_codes::explain::Explanation;
use smtp_codes::parse::diagnose_bytes;
use smtp_codes::{Command, EnhancedCode, ReplyCode};

use crate::DecodeWarning;

/// The `Action` of a delivery-status recipient block (RFC 3464 §2.3.3).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Action {
    /// The message could not be delivered to the recipient.
    Failed,
    /// Delivery is still being tried.
    Delayed,
    /// The message was delivered.
    Delivered,
    /// The message was passed on to a system that sends no reports.
    Relayed,
    /// The message was delivered and forwarded to further addresses (a list, an alias).
    Expanded,
}

impl Action {
    /// Reads an `Action` value (case-insensitive, comments after the word ignored).
    #[must_use]
    pub fn parse(value: &str) -> Option<Self> {
        let word = value.split(|c: char| c.is_ascii_whitespace() || c == '(' || c == ';').next().unwrap_or("");
        Some(match word.to_ascii_lowercase().as_str() {
            "failed" | "failure" => Self::Failed,
            "delayed" => Self::Delayed,
            "delivered" => Self::Delivered,
            "relayed" => Self::Relayed,
            "expanded" => Self::Expanded,
            _ => return None,
        })
    }

    /// The lower-case name RFC 3464 gives: `failed`, `delayed`, `delivered`, `relayed`,
    /// `expanded`.
    #[must_use]
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::Failed => "failed",
            Self::Delayed => "delayed",
            Self::Delivered => "delivered",
            Self::Relayed => "relayed",
            Self::Expanded => "expanded",
        }
    }
}

/// What a reader found for one recipient, before deciding.
#[derive(Clone, Debug, Default)]
pub(crate) struct Facts {
    pub(crate) recipient: Option<String>,
    pub(crate) original_recipient: Option<String>,
    pub(crate) action: Option<Action>,
    pub(crate) status: Option<EnhancedCode>,
    pub(crate) diagnostic: String,
    pub(crate) diagnostic_type: Option<String>,
    /// The comment after the code of the `Status` field (`5.0.0 (recipient reached disk
    /// quota)`): the error text when neither a `Diagnostic-Code` nor the human-readable part
    /// gives one.
    pub(crate) status_comment: Option<String>,
    pub(crate) remote_mta: Option<String>,
    pub(crate) last_attempt_date: Option<String>,
    pub(crate) will_retry_until: Option<String>,
    /// An ESP's event (an SES notification sent by mail) calls the recipient a hard bounce
    /// where its reply does not decide ([`smtp_codes_events::EspEvent::hard_bounce`]).
    pub(crate) esp_hard: bool,
    pub(crate) warnings: Vec<DecodeWarning>,
}

/// One recipient of a report, in report order: what the report says about it and what the
/// core's classifier decides.
#[derive(Clone, Debug)]
pub struct Recipient {
    facts: Facts,
    reply_code: Option<ReplyCode>,
    command: Option<Command>,
    /// The decided enhanced code.
    decided: Option<EnhancedCode>,
    /// The text the explanation reads when the decided codes are not the diagnostic's own (the
    /// `Status` field decided): the decided codes followed by the diagnostic's reply text.
    explained: Option<String>,
    classification: Classification,
}

/// Whether an enhanced code says more than its class (`5.1.1` does, `5.0.0` does not).
const fn specific(code: EnhancedCode) -> bool {
    code.subject() != 0 || code.detail() != 0
}

/// The text of a code pair that the core's parser reads back as exactly that pair.
fn codes_text(reply: Option<ReplyCode>, enhanced: Option<EnhancedCode>) -> String {
    match (reply, enhanced) {
        (Some(r), Some(e)) => format!("{r} {e}"),
        (Some(r), None) => r.to_string(),
        (None, Some(e)) => e.to_string(),
        (None, None) => String::new(),
    }
}

impl Recipient {
    /// Decides a recipient from its facts: see the crate docs, "Deciding".
    pub(crate) fn decide(mut facts: Facts, classifier: &Classifier) -> Self {
        let diagnosis = diagnose_bytes(facts.diagnostic.as_bytes());
        let reply_code = diagnosis.reply_code();
        let command = diagnosis.command();
        let from_text = diagnosis.enhanced_code();
        let decided = match (facts.status, from_text) {
            (Some(status), Some(text)) => {
                if status != text {
                    facts.warnings.push(DecodeWarning::StatusDiffers { status, diagnostic: text });
                }
                if specific(status) && !specific(text) { Some(status) } else { Some(text) }
            }
            (status, text) => status.or(text),
        };
        let context = Context::new().with_command(command).with_remote_host(facts.remote_mta.as_deref());
        let (classification, explained) = if decided == from_text {
            (classifier.classify_diagnosis(facts.diagnostic.as_bytes(), &diagnosis, &context), None)
        } else {
            let codes = codes_text(reply_code, decided);
            let codes_diagnosis = diagnose_bytes(codes.as_bytes());
            let classification = classifier.classify_diagnosis(facts.diagnostic.as_bytes(), &codes_diagnosis, &context);
            // The explanation reads the decided codes followed by the reply text; when the
            // parser would not read that back as the decided pair, the codes alone.
            let with_text = format!("{codes} {}", diagnosis.text());
            let back = diagnose_bytes(with_text.as_bytes());
            let explained =
                if (back.reply_code(), back.enhanced_code()) == (reply_code, decided) { with_text } else { codes };
            (classification, Some(explained))
        };
        Self { facts, reply_code, command, decided, explained, classification }
    }

    /// A recipient whose classification is given (auto-replies and feedback reports).
    pub(crate) fn with_classification(facts: Facts, classification: Classification) -> Self {
        // The text of an automatic reply or a feedback report is not a reply: no codes are read
        // from it.
        Self {
            reply_code: None,
            command: None,
            decided: facts.status,
            explained: Some(String::new()),
            facts,
            classification,
        }
    }

    /// The recipient's address (`Final-Recipient`, or the address a plain-text bounce names).
    #[must_use]
    pub fn recipient(&self) -> Option<&str> {
        self.facts.recipient.as_deref()
    }

    /// The address as the sender gave it (`Original-Recipient`), when the report has it.
    #[must_use]
    pub fn original_recipient(&self) -> Option<&str> {
        self.facts.original_recipient.as_deref()
    }

    /// What happened to the message for this recipient (`Action`).
    #[must_use]
    pub fn action(&self) -> Option<Action> {
        self.facts.action
    }

    /// The decided enhanced status code: the `Status` field or the code of the diagnostic text,
    /// whichever is more specific (the text's on a tie).
    #[must_use]
    pub fn status(&self) -> Option<EnhancedCode> {
        self.decided
    }

    /// The `Status` field as the report gave it.
    #[must_use]
    pub fn status_field(&self) -> Option<EnhancedCode> {
        self.facts.status
    }

    /// The reply code of the diagnostic text.
    #[must_use]
    pub fn reply_code(&self) -> Option<ReplyCode> {
        self.reply_code
    }

    /// The `Diagnostic-Code` text (unfolded, without its type), or the error text a plain-text
    /// bounce gives for this recipient; empty when there is none.
    #[must_use]
    pub fn diagnostic(&self) -> &str {
        &self.facts.diagnostic
    }

    /// The type of the `Diagnostic-Code` field: `smtp`, `X-Postfix`, `X-Unix`, ...
    #[must_use]
    pub fn diagnostic_type(&self) -> Option<&str> {
        self.facts.diagnostic_type.as_deref()
    }

    /// The SMTP command the reply answered, as the diagnostic text names it.
    #[must_use]
    pub fn command(&self) -> Option<Command> {
        self.command
    }

    /// The host that gave the reply (`Remote-MTA: dns; host`).
    #[must_use]
    pub fn remote_mta(&self) -> Option<&str> {
        self.facts.remote_mta.as_deref()
    }

    /// `Last-Attempt-Date`, as written.
    #[must_use]
    pub fn last_attempt_date(&self) -> Option<&str> {
        self.facts.last_attempt_date.as_deref()
    }

    /// `Will-Retry-Until`, as written.
    #[must_use]
    pub fn will_retry_until(&self) -> Option<&str> {
        self.facts.will_retry_until.as_deref()
    }

    /// The core's explanation of the diagnostic, with the decided codes, the command and the
    /// remote host applied, and the classification of [`classification`](Self::classification).
    ///
    /// When the `Status` field decided the code, the explanation reads the decided codes
    /// followed by the diagnostic's reply text (the core's parser takes its codes from text
    /// only). For an automatic reply or a feedback report it reads no text: there is no reply.
    #[must_use]
    pub fn explanation(&self) -> Explanation<'_> {
        let text = self.explained.as_deref().unwrap_or(&self.facts.diagnostic);
        Explanation::with_classification(diagnose_bytes(text.as_bytes()), self.classification)
    }

    /// The bounce reason, the rule that decided it, the provider and whether it is a hard
    /// bounce. For auto-replies the reason is `vacation`, for feedback reports `feedback`.
    #[must_use]
    pub fn classification(&self) -> Classification {
        self.classification
    }

    /// Whether to stop mailing the recipient: its classification says so, or, for a record
    /// read from an ESP's event, the event does where the reply decides nothing (SES calls the
    /// bounce `Permanent` and gives no reply the classifier knows), as `smtp-codes events`
    /// says of the same event.
    #[must_use]
    pub fn hard_bounce(&self) -> bool {
        self.classification.hard_bounce() || self.facts.esp_hard
    }

    /// The oddities found for this recipient.
    #[must_use]
    pub fn warnings(&self) -> &[DecodeWarning] {
        &self.facts.warnings
    }
}
