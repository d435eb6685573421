//! Bounce classification: a reply's reason (userunknown, mailboxfull, ...), whether it is a hard
//! bounce, the provider's own meaning when a provider reply matched, and the rule that decided.
//!
//! Every phrase of the catalogue (phrase rules, provider reply texts, provider markers) is compiled
//! once into one Aho-Corasick automaton; classifying a text is one pass over it. The automaton
//! holds the first 16 bytes of each phrase, and a longer phrase is compared in full where
//! its start matched: the automaton is then less than half the size, and the pass faster.
//!
//! # Order of the rules
//!
//! 0. A success (`2xx`, or a class-2 enhanced code alone) is `delivered` whatever its subject
//!    (`250 2.6.0 Queued mail for delivery`); only a provider's own success reply or a success
//!    phrase (`queued as`) names it more closely.
//! 1. A provider's own reply: the provider is recognised (a marker in the text, a host suffix of
//!    the remote host, a token only it sends, or a private enhanced code of its reply outside the
//!    IANA registry, such as Microsoft's `4.4.316`, found in the text) and its reply's text
//!    occurs, with the codes the provider documents. A provider-only token beats a longer shared
//!    text.
//! 2. A phrase rule: one limited to the command the reply answered beats a general one, then the
//!    reason listed earlier in the catalogue, then the longer phrase.
//! 3. A term rule, when no phrase matched: a family of wordings written as words that must all
//!    occur as whole words, in any order, and words that must not (`quota` with `exceed*` but
//!    not `sending`: "Quota for this mailbox has been exceeded"). One limited to the command
//!    beats a general one, then the rule with more words, then the reason listed earlier. The
//!    words are patterns of the same automaton, so this costs no second pass.
//! 4. A code rule: the exact enhanced code, then its `X.s.d` pattern, then the reply code.
//! 5. The fallback: `onhold` for a failure code or for text without one, `undefined` for empty
//!    text.
//!
//! A refusal that concerns the envelope sender is never a hard bounce of the recipient: when
//! steps 2 to 4 give a hard reason (`userunknown`, `hostunknown`, ...) but a `rejected` phrase or
//! term rule also matched (`Sender verify failed`, `Sender address rejected`), the sender's code rule
//! applies (`X.1.7`, `X.1.8`), or the reply answered `MAIL FROM`, the reason is `rejected`.
//!
//! Apart from the reason, a provider reply marked `retry = false` or a `[[no_retry]]` phrase
//! (`Retrying will NOT succeed`) forbids retrying whatever the reply's class
//! ([`Classification::no_retry`]).

//! # Measured against Sisimai
//!
//! On the 347 real diagnostic lines of `tests/data/sisimai/lines.jsonl` (text, command and remote
//! host cut out of real bounces, with the Sisimai project's expected reason), this classifier
//! gives Sisimai's reason for 316 (91.1%, the fitted figure); a test keeps a floor of 90% under
//! it. Most misses are `filtered` lines (a "user unknown" text that Sisimai files as filtered
//! because of the message around it, which a single line does not carry).
//!
//! The rules were written looking at those lines, so the test `heldout` also measures them on
//! families they were not fitted to: leave one family (`lhost-postfix`, `rhost-google`, ...) out,
//! take away every phrase and term rule that only that family's lines contain, classify its
//! lines, sum over families. Strictly (every such rule taken away) 249 of 347 are right (71.8%);
//! keeping the rules whose source is a general list (Sisimai's per-reason `Reason/*.pm`
//! patterns, the flufl.bounce corpus, an MTA's own source for the other families), 290 (83.6%).
//! Floors of 70% and 82% guard them. Reproduce with `cargo test -p smtp-codes-tests --test it
//! heldout -- --nocapture`, which prints the figures and every held-out miss.
//! [`Classifier::with_rule_filter`] builds the reduced classifiers.

use alloc::collections::BTreeMap;
use alloc::vec::Vec;

mod fold;
#[rustfmt::skip]
mod generated;
mod rules;
mod table;

pub use generated::{CODE_RULES, NO_RETRY_PHRASES, PHRASE_RULES, PROVIDER_REPLIES, Provider, Reason, TERM_RULES};
pub use rules::{CodeRule, NoRetryPhrase, PhraseRule, ProviderReply, RuleCode, TermRule};

use crate::explain::Explanation;
use crate::grammar::is_word;
use crate::parse::{Diagnosis, command, diagnose_codes};
use crate::{Command, EnhancedCode, EnhancedPattern, ReplyCode, Severity, WhoActs};

/// What is known about a reply besides its text: the SMTP command it answered and the host that
/// sent it.
///
/// ```
/// use smtp_codes::Command;
/// use smtp_codes::classify::Context;
///
/// let context = Context::new().with_command(Some(Command::Rcpt)).with_remote_host(Some("mx.example.org"));
/// assert_eq!(context.command(), Some(Command::Rcpt));
/// assert_eq!(context.remote_host(), Some("mx.example.org"));
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Context<'a> {
    command: Option<Command>,
    remote_host: Option<&'a str>,
}

impl<'a> Context<'a> {
    /// Nothing known besides the text.
    #[must_use]
    pub const fn new() -> Self {
        Self { command: None, remote_host: None }
    }

    /// The SMTP command the reply answered, when the caller knows it.
    #[must_use]
    pub const fn with_command(self, command: Option<Command>) -> Self {
        Self { command, ..self }
    }

    /// The host name of the server that sent the reply, such as `gmail-smtp-in.l.google.com`;
    /// an empty name counts as none.
    #[must_use]
    pub const fn with_remote_host(self, remote_host: Option<&'a str>) -> Self {
        let remote_host = match remote_host {
            Some(h) if h.is_empty() => None,
            other => other,
        };
        Self { remote_host, ..self }
    }

    /// The SMTP command the reply answered, when the caller knows it. When absent, the command
    /// the text itself names (`in reply to RCPT TO command`) is used.
    #[must_use]
    pub const fn command(&self) -> Option<Command> {
        self.command
    }

    /// The host name of the server that sent the reply.
    #[must_use]
    pub const fn remote_host(&self) -> Option<&'a str> {
        self.remote_host
    }
}

/// The rule that decided a [`Classification`], so that a user can see why.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Rule {
    /// A provider's own documented or observed reply matched.
    ProviderReply(&'static ProviderReply),
    /// A phrase in the text.
    Phrase(&'static PhraseRule),
    /// Words in the text, all of a term rule's (and none of its excluded ones), when no phrase
    /// matched.
    Terms(&'static TermRule),
    /// The enhanced status code or the reply code.
    Code(&'static CodeRule),
    /// The reply answered the command that names the sender (`MAIL FROM`), so a refusal that
    /// would otherwise mean the recipient's address is bad concerns the sender's instead.
    SenderStage(Command),
    /// Nothing matched: `delivered` for a 2xx reply, `onhold` for another code or for text
    /// without a code, `undefined` for empty text.
    Fallback,
    /// A message's own report decided, not a reply text: a feedback report is `feedback`, an
    /// automatic reply `vacation` (see [`Classification::of_report`]).
    Report(ReportKind),
}

/// The kinds of message whose reason is their report type, not a reply text.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum ReportKind {
    /// A feedback report (ARF, RFC 5965): a complaint or other feedback about a message.
    Feedback,
    /// An automatic reply (RFC 3834): out of office, vacation.
    AutoReply,
}

impl ReportKind {
    /// `feedback-report` or `auto-reply`.
    #[must_use]
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::Feedback => "feedback-report",
            Self::AutoReply => "auto-reply",
        }
    }
}

impl Rule {
    /// A short name of the kind of rule: `provider`, `phrase`, `terms`, `code`, `sender-stage`,
    /// `fallback` or `report`.
    #[must_use]
    pub const fn kind(&self) -> &'static str {
        match self {
            Self::ProviderReply(_) => "provider",
            Self::Phrase(_) => "phrase",
            Self::Terms(_) => "terms",
            Self::Code(_) => "code",
            Self::SenderStage(_) => "sender-stage",
            Self::Fallback => "fallback",
            Self::Report(_) => "report",
        }
    }
}

/// Why a reply must not be retried although its code is temporary.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum NoRetry {
    /// The provider's documented reply says retrying will not succeed.
    ProviderReply(&'static ProviderReply),
    /// The text says so (`Retrying will NOT succeed`).
    Phrase(&'static NoRetryPhrase),
}

/// The result of classifying one reply.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Classification {
    reason: Reason,
    rule: Rule,
    provider: Option<Provider>,
    severity: Severity,
    no_retry: Option<NoRetry>,
}

impl Classification {
    /// The classification of a message that its report type decides: a feedback report is
    /// `feedback`, an automatic reply `vacation`; never a bounce, no provider, no codes.
    ///
    /// ```
    /// use smtp_codes::classify::{Classification, ReportKind};
    ///
    /// let c = Classification::of_report(ReportKind::AutoReply);
    /// assert_eq!((c.reason().id(), c.rule().kind(), c.hard_bounce()), ("vacation", "report", false));
    /// ```
    #[must_use]
    pub fn of_report(kind: ReportKind) -> Self {
        let id = match kind {
            ReportKind::Feedback => "feedback",
            ReportKind::AutoReply => "vacation",
        };
        let reason = Reason::from_id(id).expect("the catalogue holds the reasons feedback and vacation (tested)");
        Self { reason, rule: Rule::Report(kind), provider: None, severity: Severity::Unknown, no_retry: None }
    }

    /// The bounce reason.
    #[must_use]
    pub const fn reason(&self) -> Reason {
        self.reason
    }

    /// The rule that decided the reason.
    #[must_use]
    pub const fn rule(&self) -> Rule {
        self.rule
    }

    /// The provider recognised from the text or the remote host, if any.
    #[must_use]
    pub const fn provider(&self) -> Option<Provider> {
        self.provider
    }

    /// The provider reply that matched, if any.
    #[must_use]
    pub const fn provider_reply(&self) -> Option<&'static ProviderReply> {
        match self.rule {
            Rule::ProviderReply(r) => Some(r),
            _ => None,
        }
    }

    /// Who must act: the deciding rule's own party when the catalogue gives one (a provider
    /// reply's or a phrase rule's `who_acts`), else the reason's.
    #[must_use]
    pub const fn who_acts(&self) -> WhoActs {
        let own = match self.rule {
            Rule::ProviderReply(r) => r.who_acts(),
            Rule::Phrase(p) => p.who_acts(),
            Rule::Terms(t) => t.who_acts(),
            Rule::Code(_) | Rule::SenderStage(_) | Rule::Fallback | Rule::Report(_) => None,
        };
        match own {
            Some(w) => w,
            None => self.reason.who_acts(),
        }
    }

    /// What forbids retrying the reply, when something does: a provider reply or a phrase that
    /// says trying again will not succeed. It wins over the reply's class.
    #[must_use]
    pub const fn no_retry(&self) -> Option<NoRetry> {
        self.no_retry
    }

    /// Whether the sender must stop sending to this address: the reason is a hard one and the
    /// reply is not a temporary failure.
    #[must_use]
    pub const fn hard_bounce(&self) -> bool {
        self.reason.hard_bounce() && !matches!(self.severity, Severity::Transient | Severity::Success)
    }
}

/// How many bytes of each phrase the automaton holds. Measured on the classify benchmark (906
/// lines): with 16 bytes the tables take 4.1 MiB instead of 9.3 MiB for whole phrases, the build
/// 5.9 ms instead of 14.2 ms, and parse plus classify 768–797 µs instead of 845–873 µs, because
/// more of the automaton stays in the processor's cache. 8, 12 and 24 bytes measured 856, 779 and
/// 796 µs.
const KEY_LEN: usize = 16;

/// What one pattern of the automaton stands for.
#[derive(Clone, Copy, Debug)]
enum Target {
    Phrase(&'static PhraseRule),
    Reply(&'static ProviderReply),
    Marker(Provider),
    NoRetry(&'static NoRetryPhrase),
    /// A word of the term rules: number `index` of the classifier's word list, matching any
    /// word it begins when `prefix`.
    Word {
        index: u16,
        prefix: bool,
    },
    /// A command named in the text: an introducer and a command name (`in reply to ` and
    /// `RCPT TO`), or a tag on its own (`[RCPT_TO]`, with an empty name), as the parser's command
    /// search reads them; see [`crate::parse::Diagnosis::command`].
    Command {
        intro: &'static [u8],
        name: &'static [u8],
        command: Command,
    },
}

/// The compiled phrase automaton. Build it once with [`Classifier::new`] (or use [`classify`],
/// which builds a shared one on first use) and reuse it for every text.
#[derive(Clone, Debug)]
pub struct Classifier {
    /// The automaton's transitions, laid out for the walk.
    automaton: table::Table,
    /// The length of each pattern of the automaton (a phrase's first [`KEY_LEN`] bytes).
    key_lens: Vec<u8>,
    /// For pattern `i`, the targets `targets[starts[i]..starts[i + 1]]`, each with its whole
    /// phrase: one pattern (a phrase's first [`KEY_LEN`] bytes) may stand for several rules (a
    /// phrase rule and a provider reply with the same words, or phrases that start alike).
    starts: Vec<u32>,
    targets: Vec<(Target, &'static [u8])>,
    /// The term rules kept.
    terms: Vec<&'static TermRule>,
    /// For anchor word `w`, the term rules whose first word it is:
    /// `anchored[anchor_starts[w]..anchor_starts[w + 1]]`, indices into `terms`.
    anchor_starts: Vec<u32>,
    anchored: Vec<u32>,
    /// The providers' host-name suffixes by [`suffix_hash`], sorted: (hash, suffix, the
    /// providers it names, a bit each).
    hosts: Vec<(u64, &'static str, u64)>,
    undefined: Reason,
    onhold: Reason,
    delivered: Reason,
    rejected: Reason,
}

/// The most distinct words the term rules may use (the generator checks the catalogue against
/// it): a walk keeps the anchor words it saw in a set of this many bits.
const TERM_WORDS: usize = 256;

/// A set of anchor words, by their index in the classifier's list of anchors.
type WordSet = [u64; TERM_WORDS / 64];

/// The most providers whose replies can be tracked in one pass without allocating.
const MAX_PROVIDERS: usize = 64;

/// How many providers the catalogue has: the size of a walk's table of best replies, which is
/// cleared for every text.
const PROVIDERS: usize = Provider::ALL.len();

impl Default for Classifier {
    fn default() -> Self {
        Self::new()
    }
}

impl Classifier {
    /// Compiles the catalogue's phrases into one automaton.
    ///
    /// # Panics
    /// Only if the generated catalogue is inconsistent (a fallback reason missing, more than 64
    /// providers, or patterns the automaton cannot hold); the generator and the tests rule these
    /// out.
    #[must_use]
    pub fn new() -> Self {
        Self::with_rule_filter(|_| true, |_| true)
    }

    /// Compiles the catalogue's phrases into one automaton, keeping only the phrase rules for
    /// which `keep` returns true (provider replies, markers and code rules are all kept). This is
    /// for measuring the rules, not for production: the held-out test builds classifiers without
    /// the phrase rules that only one family of bounces needs, to see how the rest generalise.
    ///
    /// ```
    /// use smtp_codes::classify::{Classifier, Context};
    ///
    /// let text = b"550 5.1.1 <bob@example.org>: Recipient address rejected: User unknown";
    /// let without = Classifier::with_phrase_filter(|_| false).classify(text, &Context::default());
    /// // Without the phrase "user unknown", the family `user` + `unknown` decides.
    /// assert_eq!((without.reason().id(), without.rule().kind()), ("userunknown", "terms"));
    /// ```
    ///
    /// # Panics
    /// As [`Classifier::new`].
    #[must_use]
    pub fn with_phrase_filter(keep: impl FnMut(&'static PhraseRule) -> bool) -> Self {
        Self::with_rule_filter(keep, |_| true)
    }

    /// As [`Classifier::with_phrase_filter`], keeping also only the term rules for which
    /// `keep_terms` returns true.
    ///
    /// ```
    /// use smtp_codes::classify::{Classifier, Context};
    ///
    /// let text = b"Storage quota exceeded";
    /// let with = Classifier::with_rule_filter(|_| false, |_| true).classify(text, &Context::default());
    /// assert_eq!((with.reason().id(), with.rule().kind()), ("mailboxfull", "terms"));
    /// let without = Classifier::with_rule_filter(|_| false, |_| false).classify(text, &Context::default());
    /// assert_eq!(without.rule().kind(), "fallback");
    /// ```
    ///
    /// # Panics
    /// As [`Classifier::new`].
    #[must_use]
    pub fn with_rule_filter(
        mut keep: impl FnMut(&'static PhraseRule) -> bool,
        mut keep_terms: impl FnMut(&'static TermRule) -> bool,
    ) -> Self {
        let mut by_key: BTreeMap<Vec<u8>, Vec<(Target, &'static [u8])>> = BTreeMap::new();
        let mut add = |text: &'static str, target| {
            let text = text.as_bytes();
            by_key.entry(text[..text.len().min(KEY_LEN)].to_vec()).or_default().push((target, text));
        };
        for rule in PHRASE_RULES.iter().filter(|&r| keep(r)) {
            add(rule.phrase, Target::Phrase(rule));
        }
        for reply in PROVIDER_REPLIES {
            add(reply.matches, Target::Reply(reply));
        }
        for &provider in Provider::ALL {
            for &marker in provider.markers() {
                add(marker, Target::Marker(provider));
            }
        }
        for phrase in NO_RETRY_PHRASES {
            add(phrase.phrase, Target::NoRetry(phrase));
        }
        // The first word of each term rule, its anchor, is a pattern of the automaton; a rule is
        // looked at only when its anchor was seen, and its other words are then looked for in
        // the text. The catalogue lists a rule's rarest word first, so that the common words
        // (`user`, `host`, `mailbox`) never stop the walk.
        let mut anchors: Vec<&'static str> = Vec::new();
        let terms: Vec<&'static TermRule> = TERM_RULES.iter().filter(|&r| keep_terms(r)).collect();
        let mut anchor_of = Vec::with_capacity(terms.len());
        for rule in &terms {
            let Some(&word) = rule.all.first() else {
                anchor_of.push(usize::MAX);
                continue;
            };
            let index = anchors.iter().position(|&w| w == word).unwrap_or_else(|| {
                anchors.push(word);
                let index = u16::try_from(anchors.len() - 1).expect("the generator limits the words");
                assert!(usize::from(index) < TERM_WORDS, "the generator limits the term rules' words to {TERM_WORDS}");
                let bare = word.strip_suffix('*').unwrap_or(word);
                add(bare, Target::Word { index, prefix: bare.len() < word.len() });
                anchors.len() - 1
            });
            anchor_of.push(index);
        }
        let mut anchor_starts = Vec::with_capacity(anchors.len() + 1);
        let mut anchored = Vec::with_capacity(terms.len());
        for w in 0..anchors.len() {
            anchor_starts.push(u32::try_from(anchored.len()).expect("fewer than 4 billion rules"));
            anchored.extend((0..terms.len()).filter(|&t| anchor_of[t] == w).map(|t| t as u32));
        }
        anchor_starts.push(u32::try_from(anchored.len()).expect("fewer than 4 billion rules"));
        // The commands, so that the one pass also finds the command the reply answered. Their
        // whole text is compared in `Walk::command`, so their entries carry no phrase.
        for (intro, name, command) in command::patterns() {
            let mut key = [intro, name].concat();
            key.truncate(KEY_LEN);
            by_key.entry(key).or_default().push((Target::Command { intro, name, command }, b""));
        }
        assert!(Provider::ALL.len() <= MAX_PROVIDERS, "too many providers for one pass");
        let mut starts = Vec::with_capacity(by_key.len() + 1);
        let mut targets = Vec::new();
        for list in by_key.values() {
            starts.push(u32::try_from(targets.len()).expect("fewer than 4 billion rules"));
            targets.extend_from_slice(list);
        }
        starts.push(u32::try_from(targets.len()).expect("fewer than 4 billion rules"));
        // A full DFA walked by `decide` itself: the classifier is built once and then runs over
        // millions of lines, so its larger size buys one table lookup per byte. `table` builds
        // it from the keys (the trie and its failure states, each row made once in breadth-first
        // order), the same table as of `aho-corasick`'s automaton of the keys, which a test
        // checks; walking that automaton's failure transitions for every state and byte class
        // had taken 26-28 ms of every command's start-up.
        let keys: Vec<&[u8]> = by_key.keys().map(Vec::as_slice).collect();
        let automaton = table::Table::build(&keys);
        let key_lens = by_key.keys().map(|k| u8::try_from(k.len()).expect("keys are KEY_LEN bytes at most")).collect();
        let reason = |id| Reason::from_id(id).expect("the generator checks that the fallback reasons exist");
        let mut hosts: Vec<(u64, &'static str, u64)> = Vec::new();
        for &provider in Provider::ALL {
            for &suffix in provider.hosts() {
                match hosts.iter_mut().find(|(_, s, _)| s.eq_ignore_ascii_case(suffix)) {
                    Some((_, _, bits)) => *bits |= bit(provider),
                    None => hosts.push((suffix_hash(suffix.as_bytes()), suffix, bit(provider))),
                }
            }
        }
        hosts.sort_unstable();
        Self {
            automaton,
            key_lens,
            starts,
            targets,
            terms,
            anchor_starts,
            anchored,
            hosts,
            undefined: reason("undefined"),
            onhold: reason("onhold"),
            delivered: reason("delivered"),
            rejected: reason("rejected"),
        }
    }

    /// The heap memory the compiled automaton and its tables use, in bytes.
    #[must_use]
    pub fn memory_usage(&self) -> usize {
        self.automaton.memory_usage()
            + self.key_lens.capacity()
            + self.hosts.capacity() * core::mem::size_of::<(u64, &str, u64)>()
            + self.starts.capacity() * core::mem::size_of::<u32>()
            + self.targets.capacity() * core::mem::size_of::<(Target, &[u8])>()
            + self.terms.capacity() * core::mem::size_of::<&TermRule>()
            + (self.anchor_starts.capacity() + self.anchored.capacity()) * core::mem::size_of::<u32>()
    }

    /// Reads `text` (with [`diagnose_bytes`](crate::parse::diagnose_bytes)) and classifies it.
    #[must_use]
    pub fn classify(&self, text: &[u8], context: &Context<'_>) -> Classification {
        self.read(text, context).1
    }

    /// Classifies a text that has already been read. `text` is the whole input (phrases are
    /// looked for everywhere in it), `diagnosis` what the parser found in it.
    #[must_use]
    pub fn classify_diagnosis(&self, text: &[u8], diagnosis: &Diagnosis<'_>, context: &Context<'_>) -> Classification {
        let codes = Codes {
            reply: diagnosis.reply_code(),
            enhanced: diagnosis.enhanced_code(),
            command: context.command.or(diagnosis.command()),
        };
        self.decide(text, codes, diagnosis.pairs_repeat(), context.remote_host).0
    }

    /// Reads `text` and explains it with its bounce classification.
    #[must_use]
    pub fn explain<'t>(&self, text: &'t [u8], context: &Context<'_>) -> Explanation<'t> {
        let (diagnosis, classification) = self.read(text, context);
        Explanation::with_classification(diagnosis, classification)
    }

    /// The provider whose servers `host` belongs to (`gmail-smtp-in.l.google.com` is Gmail's):
    /// the first of [`Provider::ALL`] with a host-name suffix that `host` ends in, label for
    /// label (`notgoogle.com` is no one's), case aside.
    ///
    /// ```
    /// let classifier = smtp_codes::classify::shared();
    /// assert_eq!(classifier.provider_of_host("gmail-smtp-in.l.google.com").map(|p| p.id()), Some("gmail"));
    /// assert_eq!(classifier.provider_of_host("MX.NOTGOOGLE.COM."), None);
    /// ```
    #[must_use]
    pub fn provider_of_host(&self, host: &str) -> Option<Provider> {
        first_provider(self.host_providers(host))
    }

    /// The providers `host` belongs to, a bit each: one hash per label boundary of the host,
    /// read from its end, each looked up among the providers' suffixes.
    fn host_providers(&self, host: &str) -> u64 {
        let host = host.trim_end_matches('.').as_bytes();
        let mut bits = 0;
        let mut hash = FNV_OFFSET;
        for i in (0..host.len()).rev() {
            hash = (hash ^ u64::from(host[i].to_ascii_lowercase())).wrapping_mul(FNV_PRIME);
            if i == 0 || host[i - 1] == b'.' {
                let from = self.hosts.partition_point(|&(h, _, _)| h < hash);
                for &(_, suffix, b) in self.hosts[from..].iter().take_while(|&&(h, _, _)| h == hash) {
                    if host[i..].eq_ignore_ascii_case(suffix.as_bytes()) {
                        bits |= b;
                    }
                }
            }
        }
        bits
    }

    /// What [`diagnose_bytes`](crate::parse::diagnose_bytes) and [`classify_diagnosis`](Self::classify_diagnosis) give, in
    /// fewer passes: the parser reads the codes only, and the command the text names is found by
    /// the automaton's walk, which looks at every byte anyway.
    fn read<'t>(&self, text: &'t [u8], context: &Context<'_>) -> (Diagnosis<'t>, Classification) {
        let diagnosis = diagnose_codes(text);
        let codes =
            Codes { reply: diagnosis.reply_code(), enhanced: diagnosis.enhanced_code(), command: context.command };
        let (classification, named) = self.decide(text, codes, diagnosis.pairs_repeat(), context.remote_host);
        (diagnosis.with_command(named), classification)
    }

    /// Classifies `text`. `codes.command` is the command known from elsewhere; when it is
    /// `None`, the command the text names (the second value returned) is used.
    /// `pairs_repeat`: the parser read more than one pair of codes (see [`Diagnosis`]), so the
    /// text may be a multi-line reply flattened onto one line.
    fn decide(
        &self,
        text: &[u8],
        codes: Codes,
        pairs_repeat: bool,
        remote_host: Option<&str>,
    ) -> (Classification, Option<Command>) {
        // A multi-line reply is walked without its continuation prefixes, so that a phrase a
        // prefix breaks in two still matches.
        let unflattened =
            if pairs_repeat { crate::parse::unflattened(text, codes.reply, codes.enhanced) } else { None };
        let text = unflattened.as_deref().unwrap_or(text);
        // A text that is not ASCII may write a phrase with capitals the automaton does not fold
        // ("Пользователь", "Échec"): it is read folded (see `fold`), a copy of the same length
        // made once. An ASCII text, nearly every line, and one in a script without case are
        // read as they are.
        let folded = fold::folded(text);
        let text = folded.as_deref().unwrap_or(text);
        let mut walk = Walk::for_host(remote_host.map_or(0, |h| self.host_providers(h)));
        // A rule bound to a command stage can only be judged once the command is known: the
        // command the text names may come after the phrase.
        let known = codes.command.map(Some);
        self.walk(text, &codes, known, &mut walk);
        let named = walk.command.map(|(_, command)| command);
        let codes = Codes { command: codes.command.or(named), ..codes };
        if known.is_none() {
            if walk.staged_overflow {
                // More stage-bound phrases matched than the walk keeps: walk again knowing the
                // command (this takes a text that repeats such phrases many times).
                let mut again = Walk::for_host(remote_host.map_or(0, |h| self.host_providers(h)));
                self.walk(text, &codes, Some(codes.command), &mut again);
                walk = again;
            } else {
                for rule in walk.staged.into_iter().take(walk.staged_len).flatten() {
                    walk.phrase(rule, codes.command, self);
                }
            }
        }
        (self.conclude(text, &codes, &walk), named)
    }

    /// Walks the automaton over `text` and records in `walk` what matched. With `stage` known
    /// (`Some`), stage-bound phrase rules are judged at once; otherwise they are kept for later.
    fn walk(&self, text: &[u8], codes: &Codes, stage: Option<Option<Command>>, walk: &mut Walk) {
        // The automaton's own overlapping iterator returns from its search at every match and
        // keeps its position in memory; the table's scan keeps its states in registers, walks
        // a long text as two stretches at once, and calls back only at match states, in the
        // order of the text.
        let table = &self.automaton;
        table.scan(text, |end, state| {
            for &pattern in table.matches(state) {
                let i = pattern as usize;
                let match_start = end + 1 - usize::from(self.key_lens[i]);
                let (first, last) = (self.starts[i] as usize, self.starts[i + 1] as usize);
                for &(target, phrase) in &self.targets[first..last] {
                    // The automaton matched the phrase's first KEY_LEN bytes; check the rest.
                    if phrase.len() > KEY_LEN && !matches_at(text, match_start, phrase) {
                        continue;
                    }
                    match target {
                        Target::Marker(provider) => walk.recognise(provider),
                        Target::NoRetry(phrase) => {
                            walk.no_retry_phrase.get_or_insert(phrase);
                        }
                        Target::Reply(reply) => {
                            if !codes.agree_with(reply) {
                                continue;
                            }
                            if codes.identify(reply) {
                                walk.recognise(reply.provider);
                            }
                            let slot = &mut walk.best_reply[reply.provider as usize];
                            if slot.is_none_or(|b| reply_beats(reply, b)) {
                                *slot = Some(reply);
                            }
                        }
                        Target::Phrase(rule)
                            if rule
                                .reply_code
                                .is_some_and(|want| codes.reply.is_some_and(|got| got.as_u16() != want))
                                || rule.none.iter().any(|w| has_word(text, w)) => {}
                        Target::Phrase(rule) => match stage {
                            Some(command) => walk.phrase(rule, command, self),
                            None if rule.command.is_none() => walk.phrase(rule, None, self),
                            None => walk.stage(rule),
                        },
                        Target::Command { intro, name, command } => {
                            walk.command(text, match_start, intro, name, command)
                        }
                        Target::Word { index, prefix } => {
                            if is_whole_word(text, match_start, phrase, prefix) {
                                let i = usize::from(index);
                                walk.words[i / 64] |= 1 << (i % 64);
                            }
                        }
                    }
                }
            }
        });
    }

    /// The classification from what the walk found.
    fn conclude(&self, text: &[u8], codes: &Codes, walk: &Walk) -> Classification {
        let severity = codes.severity();
        let provider_reply = Provider::ALL
            .iter()
            .filter(|&&p| walk.recognised & bit(p) != 0)
            .filter_map(|&p| walk.best_reply[p as usize])
            .reduce(|a, b| if reply_beats(b, a) { b } else { a });
        let no_retry = match provider_reply {
            Some(reply) if !reply.retry => Some(NoRetry::ProviderReply(reply)),
            _ => walk.no_retry_phrase.map(NoRetry::Phrase),
        };
        let provider = provider_reply.map(|r| r.provider).or(walk.first_recognised);
        let make = |reason, rule| Classification { reason, rule, provider, severity, no_retry };

        // A success is a success whatever its subject says (`250 2.6.0 Queued mail for
        // delivery`): only a provider's own success reply or a success phrase names it more
        // closely.
        if severity == Severity::Success {
            return match (provider_reply, walk.best_delivered_phrase) {
                (Some(reply), _) if reply.reason == self.delivered => make(reply.reason, Rule::ProviderReply(reply)),
                (_, Some(rule)) => make(rule.reason, Rule::Phrase(rule)),
                _ => make(self.delivered, Rule::Fallback),
            };
        }
        if let Some(reply) = provider_reply {
            return make(reply.reason, Rule::ProviderReply(reply));
        }
        // The term rules are only looked at when no phrase decided, the code rule only when
        // neither did.
        let by_text = match walk.best_phrase {
            Some(rule) => Some((rule.reason, Rule::Phrase(rule))),
            None => self.terms(text, walk, codes.command, false).map(|rule| (rule.reason, Rule::Terms(rule))),
        };
        let decided = match by_text.ok_or_else(|| codes.code_rule()) {
            Ok((reason, rule)) => make(reason, rule),
            Err(Some(rule)) => make(rule.reason, Rule::Code(rule)),
            Err(None) => {
                let reason = match (codes.reply, codes.enhanced) {
                    (None, None) if text.iter().all(u8::is_ascii_whitespace) => self.undefined,
                    _ => self.onhold,
                };
                return make(reason, Rule::Fallback);
            }
        };
        // A refusal that concerns the sender is never a reason to stop mailing the recipient.
        if decided.reason.hard_bounce() {
            if let Some(rule) = walk.best_sender_phrase {
                return make(rule.reason, Rule::Phrase(rule));
            }
            if let Some(rule) = self.terms(text, walk, codes.command, true) {
                return make(rule.reason, Rule::Terms(rule));
            }
            if let Some(rule) = codes.code_rule().filter(|r| r.reason == self.rejected) {
                return make(rule.reason, Rule::Code(rule));
            }
            if codes.command == Some(Command::Mail) {
                return make(self.rejected, Rule::SenderStage(Command::Mail));
            }
        }
        decided
    }
}

impl Classifier {
    /// The best term rule whose words all occur in `text` (and none of its excluded words), among
    /// those whose anchor the walk saw; with `sender_only`, among those that say the sender was
    /// refused (reason `rejected`).
    fn terms(
        &self,
        text: &[u8],
        walk: &Walk,
        command: Option<Command>,
        sender_only: bool,
    ) -> Option<&'static TermRule> {
        let mut best: Option<&'static TermRule> = None;
        for (block, &bits) in walk.words.iter().enumerate() {
            let mut bits = bits;
            while bits != 0 {
                let word = block * 64 + bits.trailing_zeros() as usize;
                bits &= bits - 1;
                let (from, to) = (self.anchor_starts[word] as usize, self.anchor_starts[word + 1] as usize);
                for &t in &self.anchored[from..to] {
                    let rule = self.terms[t as usize];
                    let wanted = !sender_only || rule.reason == self.rejected;
                    if wanted
                        && best.is_none_or(|b| terms_beat(rule, b))
                        && rule.command.is_none_or(|c| same_stage(c, command))
                        && rule.all[1..].iter().all(|w| has_word(text, w))
                        && !rule.none.iter().any(|w| has_word(text, w))
                    {
                        best = Some(rule);
                    }
                }
            }
        }
        best
    }
}

/// Whether `word` (a trailing `*` for any word it begins) occurs in `text` as a whole word, ASCII
/// case ignored (see [`is_whole_word`]). A text that is not ASCII comes folded (see [`fold`]).
fn has_word(text: &[u8], word: &str) -> bool {
    let (bare, prefix) = match word.strip_suffix('*') {
        Some(bare) => (bare.as_bytes(), true),
        None => (word.as_bytes(), false),
    };
    let Some(&first) = bare.first() else { return false };
    let (lower, upper) = (first.to_ascii_lowercase(), first.to_ascii_uppercase());
    let mut from = 0;
    while let Some(found) = text.get(from..).and_then(|rest| memchr::memchr2(lower, upper, rest)) {
        let at = from + found;
        if text.get(at..at + bare.len()).is_some_and(|t| t.eq_ignore_ascii_case(bare))
            && is_whole_word(text, at, bare, prefix)
        {
            return true;
        }
        from = at + 1;
    }
    false
}

/// Whether `word`, found whole at `text[start..]`, is a whole word there: not inside a longer
/// one, except that a `prefix` word may be followed by more letters. An edge of the word that is
/// not an ASCII letter or digit (a Japanese or Russian word) is not checked.
fn is_whole_word(text: &[u8], start: usize, word: &[u8], prefix: bool) -> bool {
    let end = start + word.len();
    let inside = |b: u8| b.is_ascii_alphanumeric() || b >= 0x80;
    let checked = |b: Option<&u8>| b.is_some_and(|b| b.is_ascii_alphanumeric());
    let starts = !checked(word.first()) || start == 0 || !inside(text[start - 1]);
    let ends = prefix || !checked(word.last()) || text.get(end).is_none_or(|&b| !inside(b));
    starts && ends
}

/// Whether term rule `a` wins over `b`: a command-specific rule first, then the one with more
/// words, then the reason listed earlier in the catalogue, then the longer words.
fn terms_beat(a: &TermRule, b: &TermRule) -> bool {
    let length = |r: &TermRule| r.all.iter().map(|w| w.len()).sum::<usize>();
    let key = |r: &TermRule| (r.command.is_none(), usize::MAX - r.all.len(), r.reason as usize, usize::MAX - length(r));
    key(a) < key(b)
}

/// Whether the lowercase `phrase` occurs at `text[start..]`, ASCII case ignored (a text that is
/// not ASCII comes folded, see [`fold`]).
fn matches_at(text: &[u8], start: usize, phrase: &[u8]) -> bool {
    text.get(start..start + phrase.len()).is_some_and(|t| t.eq_ignore_ascii_case(phrase))
}

/// How many stage-bound phrase matches a walk keeps until the command is known.
const STAGED: usize = 8;

/// What one walk of the automaton found.
struct Walk {
    recognised: u64,
    first_recognised: Option<Provider>,
    best_reply: [Option<&'static ProviderReply>; PROVIDERS],
    best_phrase: Option<&'static PhraseRule>,
    /// The anchor words of the term rules seen, as whole words.
    words: WordSet,
    /// The best phrase saying the sender's address was refused: it outranks a phrase that would
    /// call the recipient's address bad (`550-Verification failed for <sender>
    /// 550-Unrouteable address 550 Sender verify failed` is about the sender).
    best_sender_phrase: Option<&'static PhraseRule>,
    no_retry_phrase: Option<&'static NoRetryPhrase>,
    /// The best phrase naming a success (`queued as`), for a success whatever else it says.
    best_delivered_phrase: Option<&'static PhraseRule>,
    /// The first command the text names: where it starts, and which.
    command: Option<(usize, Command)>,
    /// Stage-bound phrase rules that matched, in the order found, until the command is known.
    staged: [Option<&'static PhraseRule>; STAGED],
    staged_len: usize,
    staged_overflow: bool,
}

impl Default for Walk {
    fn default() -> Self {
        Self {
            recognised: 0,
            first_recognised: None,
            best_reply: [None; PROVIDERS],
            best_phrase: None,
            words: [0; TERM_WORDS / 64],
            best_sender_phrase: None,
            no_retry_phrase: None,
            best_delivered_phrase: None,
            command: None,
            staged: [None; STAGED],
            staged_len: 0,
            staged_overflow: false,
        }
    }
}

impl Walk {
    /// A walk that starts with the providers of the remote host (a bit each).
    fn for_host(providers: u64) -> Self {
        Self { recognised: providers, first_recognised: first_provider(providers), ..Self::default() }
    }

    fn recognise(&mut self, provider: Provider) {
        recognise(&mut self.recognised, &mut self.first_recognised, provider);
    }

    /// A phrase rule that matched, judged with the reply's command stage.
    fn phrase(&mut self, rule: &'static PhraseRule, stage: Option<Command>, classifier: &Classifier) {
        if rule.command.is_some_and(|c| !same_stage(c, stage)) {
            return;
        }
        if self.best_phrase.is_none_or(|b| phrase_beats(rule, b)) {
            self.best_phrase = Some(rule);
        }
        if rule.reason == classifier.rejected && self.best_sender_phrase.is_none_or(|b| phrase_beats(rule, b)) {
            self.best_sender_phrase = Some(rule);
        }
        if rule.reason == classifier.delivered && self.best_delivered_phrase.is_none_or(|b| phrase_beats(rule, b)) {
            self.best_delivered_phrase = Some(rule);
        }
    }

    /// A stage-bound phrase rule kept until the command is known. Judging it later does not
    /// change the result: a stage-bound rule never ties with one that is not (see
    /// [`phrase_beats`]), and the kept rules are judged in the order they were found. (Only when
    /// a longer phrase holding a stage-bound one and a third rule of an earlier reason all match
    /// could the order of judging matter; no text of the catalogue's sources does that.)
    fn stage(&mut self, rule: &'static PhraseRule) {
        match self.staged.get_mut(self.staged_len) {
            Some(slot) => {
                *slot = Some(rule);
                self.staged_len += 1;
            }
            None => self.staged_overflow = true,
        }
    }

    /// A command pattern whose first bytes matched at `start`: it counts when the whole of it is
    /// there, it starts a word (a tag's `[` may touch the word before it), a command name ends
    /// one, and nothing named a command earlier in the text.
    fn command(&mut self, text: &[u8], start: usize, intro: &[u8], name: &[u8], command: Command) {
        if self.command.is_some_and(|(first, _)| first <= start) {
            return;
        }
        let name_at = start + intro.len();
        let end = name_at + name.len();
        let whole = text.get(start..name_at).is_some_and(|t| t.eq_ignore_ascii_case(intro))
            && text.get(name_at..end).is_some_and(|t| t.eq_ignore_ascii_case(name));
        let starts_word = intro.first() == Some(&b'[') || start == 0 || !is_word(text[start - 1]);
        let ends_word = name.is_empty() || text.get(end).is_none_or(|&b| !is_word(b));
        if whole && starts_word && ends_word {
            self.command = Some((start, command));
        }
    }
}

fn bit(p: Provider) -> u64 {
    1u64 << (p as usize)
}

fn recognise(set: &mut u64, first: &mut Option<Provider>, provider: Provider) {
    if *set & bit(provider) == 0 {
        *set |= bit(provider);
        first.get_or_insert(provider);
    }
}

/// The first provider of [`Provider::ALL`] among `bits` (a bit each, as [`bit`] gives them).
fn first_provider(bits: u64) -> Option<Provider> {
    (bits != 0).then(|| Provider::ALL.get(bits.trailing_zeros() as usize).copied()).flatten()
}

const FNV_OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
const FNV_PRIME: u64 = 0x0000_0100_0000_01b3;

/// The FNV-1a hash of a host-name suffix read from its last byte to its first, case aside: the
/// hash [`Classifier::host_providers`] builds as it reads a host name from its end.
fn suffix_hash(suffix: &[u8]) -> u64 {
    suffix.iter().rev().fold(FNV_OFFSET, |h, &b| (h ^ u64::from(b.to_ascii_lowercase())).wrapping_mul(FNV_PRIME))
}

/// Whether a rule for `wanted` applies to a reply that answered `got`. Logs and bounce reports
/// say "DATA" both for the DATA command and for the end of the data, and only the latter carries
/// content decisions, so a rule for the end of the data also applies to "DATA".
fn same_stage(wanted: Command, got: Option<Command>) -> bool {
    match got {
        Some(Command::Data) => matches!(wanted, Command::Data | Command::DataEnd),
        got => got == Some(wanted),
    }
}

/// Whether provider reply `a` wins over `b`: a token only that provider sends first, then the
/// longer match.
fn reply_beats(a: &ProviderReply, b: &ProviderReply) -> bool {
    (a.distinctive, a.matches.len()) > (b.distinctive, b.matches.len())
}

/// Whether phrase rule `a` wins over `b`: a command-specific rule first, unless the other rule's
/// phrase holds its whole phrase (the longer sentence says more: Sendmail's "access denied. ip
/// name lookup failed" is a missing PTR record at any stage, where "access denied" alone at
/// `MAIL` is a refused sender); then the reason listed earlier in the catalogue, then the longer
/// phrase.
fn phrase_beats(a: &PhraseRule, b: &PhraseRule) -> bool {
    let holds = |long: &PhraseRule, short: &PhraseRule| {
        long.phrase.len() > short.phrase.len()
            && long.phrase.as_bytes().windows(short.phrase.len()).any(|w| w == short.phrase.as_bytes())
    };
    match (a.command.is_some(), b.command.is_some()) {
        (true, false) if holds(b, a) => return false,
        (false, true) if holds(a, b) => return true,
        _ => {}
    }
    let key = |r: &PhraseRule| (r.command.is_none(), r.reason as usize, usize::MAX - r.phrase.len());
    key(a) < key(b)
}

/// The codes and command a classification works with.
#[derive(Clone, Copy, Debug)]
struct Codes {
    reply: Option<ReplyCode>,
    enhanced: Option<EnhancedCode>,
    command: Option<Command>,
}

impl Codes {
    /// Whether a matching provider reply identifies its provider on its own: its text is a
    /// token only that provider sends, or it carries an enhanced code outside the IANA registry
    /// (a provider's private detail, such as Microsoft's `4.4.316`) and that code was found.
    fn identify(&self, reply: &ProviderReply) -> bool {
        reply.distinctive || reply.enhanced.is_some_and(|e| e.known().is_none() && self.enhanced == Some(e))
    }

    /// A provider reply applies only when the codes it documents are the ones found.
    fn agree_with(&self, reply: &ProviderReply) -> bool {
        let reply_ok = match (reply.reply_code, self.reply) {
            (Some(want), Some(got)) => want == got,
            _ => true,
        };
        let enhanced_ok = match (reply.enhanced, self.enhanced) {
            (Some(want), Some(got)) => want == got,
            _ => true,
        };
        reply_ok && enhanced_ok
    }

    fn severity(&self) -> Severity {
        Severity::of(self.reply, self.enhanced)
    }

    fn code_rule(&self) -> Option<&'static CodeRule> {
        code_rule(self.reply, self.enhanced)
    }
}

/// The code rule for these codes: the exact enhanced code's rule, else its `X.s.d` pattern's,
/// else the reply code's.
pub(crate) fn code_rule(reply: Option<ReplyCode>, enhanced: Option<EnhancedCode>) -> Option<&'static CodeRule> {
    let find = |want: &dyn Fn(&RuleCode) -> bool| CODE_RULES.iter().find(|r| want(&r.code));
    if let Some(e) = enhanced {
        let exact = find(&|c| *c == RuleCode::Enhanced(e));
        let pattern = || find(&|c| *c == RuleCode::Pattern(EnhancedPattern::from(e)));
        if let Some(rule) = exact.or_else(pattern) {
            return Some(rule);
        }
    }
    let reply = reply?;
    find(&|c| *c == RuleCode::Reply(reply))
}

/// Classifies `text` with a classifier built on first use and shared by every thread.
///
/// ```
/// use smtp_codes::classify::{Context, classify};
///
/// let c = classify("550 5.1.1 <bob@example.org>: Recipient address rejected: User unknown", &Context::default());
/// assert_eq!(c.reason().id(), "userunknown");
/// assert!(c.hard_bounce());
/// ```
#[cfg(feature = "std")]
#[must_use]
pub fn classify(text: &str, context: &Context<'_>) -> Classification {
    shared().classify(text.as_bytes(), context)
}

/// Reads `text` and explains it with its bounce classification, using the shared classifier:
/// what [`explain`](crate::explain::explain) says, plus the reason, the provider, and who acts
/// and what to do as the reason decides.
///
/// ```
/// use smtp_codes::WhoActs;
/// use smtp_codes::classify::{Context, explain_with};
///
/// let e = explain_with(b"452 4.2.2 The recipient's inbox is out of storage space. - gsmtp", &Context::default());
/// assert_eq!(e.classification().unwrap().reason().id(), "mailboxfull");
/// assert_eq!(e.who_acts(), WhoActs::Recipient);
/// ```
#[cfg(feature = "std")]
#[must_use]
pub fn explain_with<'t>(text: &'t [u8], context: &Context<'_>) -> Explanation<'t> {
    shared().explain(text, context)
}

/// The shared classifier behind [`classify`].
#[cfg(feature = "std")]
#[must_use]
pub fn shared() -> &'static Classifier {
    static SHARED: std::sync::OnceLock<Classifier> = std::sync::OnceLock::new();
    SHARED.get_or_init(Classifier::new)
}

/// Serialized as its Sisimai name, such as `"userunknown"`.
#[cfg(feature = "serde")]
impl serde::Serialize for Reason {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.id())
    }
}

/// Serialized as its short name, such as `"gmail"`.
#[cfg(feature = "serde")]
impl serde::Serialize for Provider {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.id())
    }
}

#[cfg(test)]
mod tests {
    use super::{fold, has_word};

    /// `has_word` on `text` as the classifier gives it: folded when it is not ASCII.
    fn has(text: &str, word: &str) -> bool {
        let folded = fold::folded(text.as_bytes());
        has_word(folded.as_deref().unwrap_or(text.as_bytes()), word)
    }

    #[test]
    fn a_term_word_matches_folded_in_a_text_that_is_not_ascii() {
        // A term rule's later words are looked for by `has_word` in the folded copy the walk
        // reads.
        assert!(has("ЯЩИК ПЕРЕПОЛНЕН", "переполнен"));
        assert!(has("Ящик переполнен", "ящик"));
        assert!(has("Échec de la remise", "échec"));
        assert!(has("BOÎTE PLEINE", "plein*"));
        assert!(!has("BOÎTE PLEINES", "pleine"));
        assert!(!has("Ящик", "ящики"));
        // ASCII text keeps the ASCII search.
        assert!(has("Mailbox FULL", "full"));
    }
}
