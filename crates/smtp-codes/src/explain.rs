//! Explaining a reply: what the codes mean, how final the answer is and by which rule, whether
//! to retry, who must act, what to do next, and the oddities found. Every sentence comes from the
//! catalogue.

use crate::parse::{Diagnosis, Warnings, diagnose_bytes};
use crate::{
    EnhancedCode, FirstDigit, KnownEnhanced, KnownReply, Message, ReplyCode, SecondDigit, Severity, StatusClass,
    StatusSubject, WhoActs,
};

/// How the severity of an [`Explanation`] was decided.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum SeverityRule {
    /// Both codes were found and their classes agree.
    CodesAgree,
    /// Both codes were found and disagree; the reply code decides, because the sending server
    /// acts on it.
    ReplyCodeDecides,
    /// Only a reply code was found.
    ReplyCodeOnly,
    /// Only an enhanced status code was found.
    EnhancedCodeOnly,
    /// No code was found.
    NoCode,
}

impl SeverityRule {
    /// A short name for JSON: `codes-agree`, `reply-code-decides`, `reply-code-only`,
    /// `enhanced-code-only`, `no-code`.
    #[must_use]
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::CodesAgree => "codes-agree",
            Self::ReplyCodeDecides => "reply-code-decides",
            Self::ReplyCodeOnly => "reply-code-only",
            Self::EnhancedCodeOnly => "enhanced-code-only",
            Self::NoCode => "no-code",
        }
    }

    /// The catalogue's sentence for the rule.
    #[must_use]
    pub const fn message(self) -> Message {
        match self {
            Self::CodesAgree => Message::SeverityCodesAgree,
            Self::ReplyCodeDecides => Message::SeverityReplyCodeDecides,
            Self::ReplyCodeOnly => Message::SeverityReplyCodeOnly,
            Self::EnhancedCodeOnly => Message::SeverityEnhancedCodeOnly,
            Self::NoCode => Message::SeverityNoCode,
        }
    }
}

/// The most next steps an explanation lists.
const MAX_ACTIONS: usize = 4;

/// What a reply means, built from what the parser found and (with the `classify` feature) the
/// bounce classification.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Explanation<'a> {
    diagnosis: Diagnosis<'a>,
    #[cfg(feature = "classify")]
    classification: Option<crate::classify::Classification>,
}

impl<'a> Explanation<'a> {
    /// Explains what the parser found, without a bounce classification.
    #[must_use]
    pub const fn new(diagnosis: Diagnosis<'a>) -> Self {
        Self {
            diagnosis,
            #[cfg(feature = "classify")]
            classification: None,
        }
    }

    /// Explains what the parser found, with the bounce classification of the same text.
    #[cfg(feature = "classify")]
    #[must_use]
    pub const fn with_classification(
        diagnosis: Diagnosis<'a>,
        classification: crate::classify::Classification,
    ) -> Self {
        Self { diagnosis, classification: Some(classification) }
    }

    /// What the parser found.
    #[must_use]
    pub const fn diagnosis(&self) -> &Diagnosis<'a> {
        &self.diagnosis
    }

    /// The bounce classification, when one was made.
    #[cfg(feature = "classify")]
    #[must_use]
    pub const fn classification(&self) -> Option<&crate::classify::Classification> {
        self.classification.as_ref()
    }

    /// The reply code found, if any.
    #[must_use]
    pub const fn reply_code(&self) -> Option<ReplyCode> {
        self.diagnosis.reply_code()
    }

    /// The enhanced status code found, if any.
    #[must_use]
    pub const fn enhanced_code(&self) -> Option<EnhancedCode> {
        self.diagnosis.enhanced_code()
    }

    /// The catalogue entry of the reply code, if it has one.
    #[must_use]
    pub fn reply(&self) -> Option<KnownReply> {
        self.reply_code().and_then(ReplyCode::known)
    }

    /// The registry entry of the enhanced code, if it has one.
    #[must_use]
    pub fn enhanced(&self) -> Option<KnownEnhanced> {
        self.enhanced_code().and_then(EnhancedCode::known)
    }

    /// The meaning of the reply code's first digit.
    #[must_use]
    pub fn first_digit(&self) -> Option<FirstDigit> {
        self.reply_code().map(ReplyCode::first_digit_meaning)
    }

    /// The meaning of the reply code's second digit, when RFC 5321 defines one.
    #[must_use]
    pub fn second_digit(&self) -> Option<SecondDigit> {
        self.reply_code().and_then(ReplyCode::second_digit_meaning)
    }

    /// The meaning of the enhanced code's class.
    #[must_use]
    pub fn class(&self) -> Option<StatusClass> {
        self.enhanced_code().map(EnhancedCode::class_meaning)
    }

    /// The meaning of the enhanced code's subject, when the registry defines one.
    #[must_use]
    pub fn subject(&self) -> Option<StatusSubject> {
        self.enhanced_code().and_then(EnhancedCode::subject_meaning)
    }

    /// How final the answer is; [`Severity::Unknown`] when no code was found.
    #[must_use]
    pub fn severity(&self) -> Severity {
        Severity::of(self.reply_code(), self.enhanced_code())
    }

    /// How [`severity`](Self::severity) was decided.
    #[must_use]
    pub fn severity_rule(&self) -> SeverityRule {
        match (self.reply_code(), self.enhanced_code()) {
            (Some(r), Some(e)) if r.severity() == e.severity() => SeverityRule::CodesAgree,
            (Some(_), Some(_)) => SeverityRule::ReplyCodeDecides,
            (Some(_), None) => SeverityRule::ReplyCodeOnly,
            (None, Some(_)) => SeverityRule::EnhancedCodeOnly,
            (None, None) => SeverityRule::NoCode,
        }
    }

    /// Whether the sender should try again later: the severity says so, unless the provider's
    /// reply or the text says that retrying will not succeed.
    #[must_use]
    pub fn retry(&self) -> bool {
        #[cfg(feature = "classify")]
        if self.classification.is_some_and(|c| c.no_retry().is_some()) {
            return false;
        }
        self.severity().should_retry()
    }

    /// Who must act. Success needs nobody; otherwise the most specific source decides: the rule
    /// that decided the bounce reason when it names a party of its own (a provider reply's or a
    /// phrase rule's `who_acts`), the bounce reason, the enhanced code, the reply code, then the
    /// enhanced code's subject and class.
    #[must_use]
    pub fn who_acts(&self) -> WhoActs {
        if matches!(self.severity(), Severity::Success | Severity::Intermediate) {
            return WhoActs::Nobody;
        }
        #[cfg(feature = "classify")]
        if let Some(c) = self.classification.filter(|c| !matches!(c.rule(), crate::classify::Rule::Fallback)) {
            return c.who_acts();
        }
        if let Some(e) = self.enhanced() {
            return e.who_acts();
        }
        if let Some(r) = self.reply() {
            return r.who_acts();
        }
        if let Some(s) = self.subject() {
            return s.who_acts();
        }
        self.class().map_or(WhoActs::Sender, StatusClass::who_acts)
    }

    /// What to do next, most specific first, without repeats. A success needs nothing done,
    /// whatever its subject. Otherwise: the provider's advice and the reason's action when a rule
    /// decided, then the enhanced code's action and the reply code's. When the words of the text
    /// decided the reason (a phrase or a provider reply), a code's action is kept only when the
    /// code's own rule gives the same reason, so a `550 5.1.1 User unknown` gets no SPF advice.
    pub fn actions(&self) -> impl Iterator<Item = &'static str> + use<'a> {
        let mut list: [Option<&'static str>; MAX_ACTIONS] = [None; MAX_ACTIONS];
        let mut n = 0;
        let mut push = |a: Option<&'static str>| {
            if let Some(a) = a
                && !list[..n].contains(&Some(a))
                && n < MAX_ACTIONS
            {
                list[n] = Some(a);
                n += 1;
            }
        };
        if self.severity() == Severity::Success {
            let reply = self.reply().filter(|r| r.code().severity() == Severity::Success);
            push(Some(reply.map_or(Message::SuccessAction.text(), KnownReply::action)));
            return list.into_iter().flatten();
        }
        #[cfg(feature = "classify")]
        let decided = self.classification.filter(|c| !matches!(c.rule(), crate::classify::Rule::Fallback));
        // The text's words decided, not the codes.
        #[cfg(feature = "classify")]
        let by_words = decided.filter(|c| !matches!(c.rule(), crate::classify::Rule::Code(_)));
        #[cfg(not(feature = "classify"))]
        let decided: Option<()> = None;
        #[cfg(feature = "classify")]
        if let Some(c) = self.classification {
            push(c.provider_reply().map(|r| r.advice()));
            if decided.is_some() {
                push(Some(c.reason().action()));
            }
        }
        // A code's action fits when nothing decided the reason, or when the code's own rule gives
        // the reason that was decided.
        #[cfg(feature = "classify")]
        let fits = |reply, enhanced| {
            by_words
                .is_none_or(|c| crate::classify::code_rule(reply, enhanced).is_some_and(|r| r.reason() == c.reason()))
        };
        #[cfg(not(feature = "classify"))]
        let fits = |_: Option<ReplyCode>, _: Option<EnhancedCode>| decided.is_none();
        if let Some(known) = self.enhanced()
            && fits(None, self.enhanced_code())
        {
            push(Some(known.action()));
        }
        if let Some(known) = self.reply()
            && fits(self.reply_code(), None)
        {
            push(Some(known.action()));
        }
        list.into_iter().flatten()
    }

    /// Notes about codes the catalogue does not know or digits no standard defines, about a
    /// success code whose detail the registry lists for failures only, and about a temporary
    /// reply that must not be retried.
    pub fn notes(&self) -> impl Iterator<Item = Message> + use<'a> {
        let reply = self.reply_code();
        let enhanced = self.enhanced_code();
        let success = self.severity() == Severity::Success;
        #[cfg(feature = "classify")]
        let no_retry = self.severity().should_retry() && self.classification.is_some_and(|c| c.no_retry().is_some());
        #[cfg(not(feature = "classify"))]
        let no_retry = false;
        [
            reply.filter(|r| r.known().is_none()).map(|_| Message::UnknownReplyCode),
            reply.filter(|r| !r.is_rfc5321_syntax()).map(|_| Message::UndefinedSecondDigit),
            enhanced.filter(|e| e.known().is_none()).map(|_| Message::UnknownEnhancedCode),
            enhanced.filter(|e| e.subject_meaning().is_none()).map(|_| Message::UndefinedSubject),
            enhanced
                .filter(|e| success && e.known().is_some_and(|k| !k.allows_class(e.class())))
                .map(|_| Message::SuccessWithFailureDetail),
            no_retry.then_some(Message::NoRetry),
        ]
        .into_iter()
        .flatten()
    }

    /// The oddities the parser found.
    #[must_use]
    pub const fn warnings(&self) -> Warnings {
        self.diagnosis.warnings()
    }
}

/// Reads `text` and explains it from its codes: the same answer under every feature set. For
/// the bounce classification too (reason, provider, and who acts as the reason decides), use
/// [`classify::explain_with`](crate::classify::explain_with) or
/// [`Classifier::explain`](crate::classify::Classifier::explain).
///
/// ```
/// use smtp_codes::{Severity, WhoActs, explain::explain};
///
/// let e = explain("host mx.example.org[192.0.2.1] said: 550 5.1.1 <bob@example.org>: User unknown (in reply to RCPT TO command)");
/// assert_eq!(e.reply_code().unwrap(), 550);
/// assert_eq!(e.enhanced().unwrap().title(), "Bad destination mailbox address");
/// assert_eq!(e.severity(), Severity::Permanent);
/// assert!(!e.retry());
/// assert_eq!(e.who_acts(), WhoActs::Sender);
/// ```
#[must_use]
pub fn explain(text: &str) -> Explanation<'_> {
    explain_bytes(text.as_bytes())
}

/// [`explain`] for bytes that may not be UTF-8.
#[must_use]
pub fn explain_bytes(text: &[u8]) -> Explanation<'_> {
    Explanation::new(diagnose_bytes(text))
}
