//! The model of `codes.toml`: serde structs that reject unknown keys, and the validation that
//! names the entry and its line when something is wrong.

use std::collections::HashSet;
use std::fmt::Display;

use anyhow::{Context, Result, bail};
use serde::Deserialize;
use toml::Spanned;

/// The whole catalogue, as read from `codes.toml`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct Catalogue {
    pub(crate) digit: Vec<Spanned<Digit>>,
    pub(crate) reply: Vec<Spanned<Reply>>,
    pub(crate) class: Vec<Spanned<Class>>,
    pub(crate) subject: Vec<Spanned<Subject>>,
    pub(crate) enhanced: Vec<Spanned<Enhanced>>,
    pub(crate) severity: Vec<Spanned<SeverityText>>,
    pub(crate) who: Vec<Spanned<WhoText>>,
    pub(crate) reason: Vec<Spanned<Reason>>,
    pub(crate) phrase: Vec<Spanned<Phrase>>,
    pub(crate) code_rule: Vec<Spanned<CodeRule>>,
    pub(crate) provider: Vec<Spanned<Provider>>,
    pub(crate) provider_reply: Vec<Spanned<ProviderReply>>,
    pub(crate) message: Vec<Spanned<Message>>,
}

/// `[[message]]`: a sentence the explainer prints, kept here so all wording is in one place.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct Message {
    pub(crate) name: String,
    pub(crate) text: String,
    pub(crate) source: String,
}

/// The severities the core crate's `Severity` enum has, plus `unknown` for text without a code.
pub(crate) const SEVERITIES: &[&str] = &["success", "intermediate", "transient", "permanent", "unknown"];

/// `[[severity]]`: the wording for one severity.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct SeverityText {
    pub(crate) id: String,
    pub(crate) title: String,
    pub(crate) description: String,
    pub(crate) retry: bool,
    pub(crate) source: String,
}

/// `[[who]]`: the wording for one value of `who_acts`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct WhoText {
    pub(crate) id: WhoActs,
    pub(crate) title: String,
    pub(crate) description: String,
    pub(crate) source: String,
}

/// `[[reason]]`: a bounce reason.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct Reason {
    pub(crate) id: String,
    pub(crate) name: String,
    pub(crate) title: String,
    pub(crate) description: String,
    pub(crate) hard_bounce: bool,
    pub(crate) who_acts: WhoActs,
    pub(crate) action: String,
    pub(crate) source: String,
}

/// `[[phrase]]`: text that gives a reason.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct Phrase {
    pub(crate) phrase: String,
    pub(crate) reason: String,
    pub(crate) command: Option<Command>,
    pub(crate) source: String,
}

/// `[[code_rule]]`: a code that gives a reason on its own.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct CodeRule {
    pub(crate) code: String,
    pub(crate) reason: String,
    pub(crate) source: String,
}

/// What a code rule's `code` is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum RuleCode {
    Reply(u16),
    Enhanced(u8, u16, u16),
    Pattern(u16, u16),
}

impl CodeRule {
    pub(crate) fn parsed(&self) -> Result<RuleCode> {
        let code = self.code.as_str();
        if !code.contains('.') {
            let n: u16 = code.parse().with_context(|| format!("{code:?} is not a reply code"))?;
            if !(200..=599).contains(&n) || code.len() != 3 {
                bail!("{code:?} is not a reply code (three digits, first digit 2-5)");
            }
            return Ok(RuleCode::Reply(n));
        }
        if code.starts_with("X.") {
            let (s, d) = parse_enhanced_pattern(code)?;
            return Ok(RuleCode::Pattern(s, d));
        }
        let (class, rest) = code.split_once('.').with_context(|| format!("{code:?} is not an enhanced code"))?;
        let class: u8 = match class {
            "2" => 2,
            "4" => 4,
            "5" => 5,
            _ => bail!("{code:?}: the class must be 2, 4 or 5"),
        };
        let (s, d) = parse_enhanced_pattern(&format!("X.{rest}"))?;
        Ok(RuleCode::Enhanced(class, s, d))
    }
}

/// `[[provider]]`: a mailbox provider.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct Provider {
    pub(crate) id: String,
    pub(crate) name: String,
    pub(crate) title: String,
    pub(crate) markers: Vec<String>,
    pub(crate) hosts: Vec<String>,
    pub(crate) docs: String,
    pub(crate) source: String,
}

/// `[[provider_reply]]`: one documented or observed reply of a provider.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct ProviderReply {
    pub(crate) provider: String,
    pub(crate) reply_code: Option<u16>,
    pub(crate) enhanced: Option<String>,
    pub(crate) text: String,
    #[serde(rename = "match")]
    pub(crate) matches: String,
    pub(crate) distinctive: bool,
    pub(crate) meaning: String,
    pub(crate) advice: String,
    pub(crate) reason: String,
    pub(crate) source: String,
}

/// Parses `c.s.d` with a class of 2, 4 or 5.
pub(crate) fn parse_enhanced(code: &str) -> Result<(u8, u16, u16)> {
    match (CodeRule { code: code.to_owned(), reason: String::new(), source: String::new() }).parsed()? {
        RuleCode::Enhanced(c, s, d) => Ok((c, s, d)),
        _ => bail!("{code:?} is not an enhanced status code such as 5.7.1"),
    }
}

#[derive(Debug, Deserialize, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
#[serde(rename_all = "kebab-case")]
pub(crate) enum Position {
    First,
    Second,
}

/// `[[digit]]`: the meaning of one digit of a reply code.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct Digit {
    pub(crate) position: Position,
    pub(crate) value: u8,
    pub(crate) name: String,
    pub(crate) title: String,
    pub(crate) description: String,
    pub(crate) source: String,
}

#[derive(Debug, Deserialize, Clone, Copy)]
#[serde(rename_all = "kebab-case")]
pub(crate) enum ReplyStatus {
    Standard,
    Extension,
    RegistryOnly,
    Draft,
    NonStandard,
}

#[derive(Debug, Deserialize, Clone, Copy)]
#[serde(rename_all = "kebab-case")]
pub(crate) enum WhoActs {
    Nobody,
    Sender,
    SenderAdmin,
    Recipient,
    RecipientAdmin,
}

/// The commands the catalogue may name. This repeats the core crate's `Command` on purpose: the
/// generator must build even when the generated file it is about to replace does not compile, so
/// it does not depend on the core crate. The oracle test compares both spellings with `codes.toml`.
#[derive(Debug, Deserialize, Clone, Copy)]
pub(crate) enum Command {
    #[serde(rename = "CONNECT")]
    Connect,
    #[serde(rename = "EHLO")]
    Ehlo,
    #[serde(rename = "HELO")]
    Helo,
    #[serde(rename = "MAIL")]
    Mail,
    #[serde(rename = "RCPT")]
    Rcpt,
    #[serde(rename = "DATA")]
    Data,
    #[serde(rename = "DATA-END")]
    DataEnd,
    #[serde(rename = "BDAT")]
    Bdat,
    #[serde(rename = "RSET")]
    Rset,
    #[serde(rename = "VRFY")]
    Vrfy,
    #[serde(rename = "EXPN")]
    Expn,
    #[serde(rename = "HELP")]
    Help,
    #[serde(rename = "NOOP")]
    Noop,
    #[serde(rename = "QUIT")]
    Quit,
    #[serde(rename = "AUTH")]
    Auth,
    #[serde(rename = "STARTTLS")]
    StartTls,
    #[serde(rename = "ETRN")]
    Etrn,
    #[serde(rename = "ATRN")]
    Atrn,
    #[serde(rename = "BURL")]
    Burl,
    #[serde(rename = "ANY")]
    Any,
}

/// `[[reply]]`: one reply code.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct Reply {
    pub(crate) code: u16,
    pub(crate) name: String,
    pub(crate) title: String,
    pub(crate) status: ReplyStatus,
    pub(crate) description: String,
    pub(crate) commands: Vec<Command>,
    pub(crate) who_acts: WhoActs,
    pub(crate) action: String,
    pub(crate) source: String,
    #[serde(default)]
    pub(crate) usage: Vec<Usage>,
}

/// `[[reply.usage]]`: an extension-specific use of a reply code.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct Usage {
    pub(crate) extension: String,
    pub(crate) command: String,
    pub(crate) text: String,
    pub(crate) meaning: String,
    pub(crate) source: String,
}

/// `[[class]]`: the class of an enhanced status code.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct Class {
    pub(crate) class: u8,
    pub(crate) name: String,
    pub(crate) title: String,
    pub(crate) description: String,
    pub(crate) who_acts: WhoActs,
    pub(crate) source: String,
}

/// `[[subject]]`: the subject of an enhanced status code.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct Subject {
    pub(crate) subject: u8,
    pub(crate) name: String,
    pub(crate) title: String,
    pub(crate) description: String,
    pub(crate) who_acts: WhoActs,
    pub(crate) source: String,
}

#[derive(Debug, Deserialize, Clone, Copy)]
#[serde(rename_all = "kebab-case")]
pub(crate) enum RegistryStatus {
    Registered,
    Deprecated,
    Draft,
}

/// `[[enhanced]]`: an enumerated enhanced status code of the registry.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct Enhanced {
    pub(crate) code: String,
    pub(crate) name: String,
    pub(crate) title: String,
    pub(crate) description: String,
    pub(crate) classes: Vec<u8>,
    pub(crate) reply_codes: Vec<u16>,
    pub(crate) reply_codes_note: Option<String>,
    pub(crate) who_acts: WhoActs,
    pub(crate) action: String,
    pub(crate) rfcs: Vec<String>,
    pub(crate) status: RegistryStatus,
    pub(crate) source: String,
}

impl Enhanced {
    /// The subject and detail of `X.s.d`; validation has checked the shape.
    pub(crate) fn parts(&self) -> Result<(u16, u16)> {
        parse_enhanced_pattern(&self.code)
    }
}

/// Parses `X.subject.detail`: one to three digits each, no leading zeros.
fn parse_enhanced_pattern(code: &str) -> Result<(u16, u16)> {
    let Some(rest) = code.strip_prefix("X.") else {
        bail!("code {code:?} must start with \"X.\" (the class is left open, as in the registry)");
    };
    let mut parts = rest.split('.');
    let (Some(subject), Some(detail), None) = (parts.next(), parts.next(), parts.next()) else {
        bail!("code {code:?} must have the form X.subject.detail");
    };
    let number = |part: &str, what: &str| -> Result<u16> {
        let ok = (1..=3).contains(&part.len())
            && part.bytes().all(|b| b.is_ascii_digit())
            && !(part.len() > 1 && part.starts_with('0'));
        if !ok {
            bail!("code {code:?}: the {what} must be one to three digits without a leading zero");
        }
        Ok(part.parse()?)
    };
    Ok((number(subject, "subject")?, number(detail, "detail")?))
}

/// Reads and validates the catalogue text. Errors name the entry and its line.
pub(crate) fn parse(text: &str) -> Result<Catalogue> {
    let catalogue: Catalogue = toml::from_str(text).context("codes.toml does not match the catalogue schema")?;
    Validator { text }.validate(&catalogue)?;
    Ok(catalogue)
}

struct Validator<'a> {
    text: &'a str,
}

impl Validator<'_> {
    fn line<T>(&self, entry: &Spanned<T>) -> usize {
        let start = entry.span().start.min(self.text.len());
        self.text[..start].bytes().filter(|&b| b == b'\n').count() + 1
    }

    fn fail<T>(&self, entry: &Spanned<T>, table: &str, key: impl Display, message: impl Display) -> anyhow::Error {
        anyhow::anyhow!("codes.toml line {}: [[{table}]] {key}: {message}", self.line(entry))
    }

    fn validate(&self, c: &Catalogue) -> Result<()> {
        self.digits(c)?;
        self.replies(c)?;
        self.classes(c)?;
        self.subjects(c)?;
        self.enhanced(c)?;
        self.wording(c)?;
        self.reasons(c)?;
        self.rules(c)?;
        self.providers(c)?;
        self.messages(c)?;
        Ok(())
    }

    fn messages(&self, c: &Catalogue) -> Result<()> {
        let mut names = HashSet::new();
        let mut previous: Option<&str> = None;
        for entry in &c.message {
            let m = entry.get_ref();
            self.common(entry, "message", &m.name, &m.name, &[("text", &m.text), ("source", &m.source)], &mut names)?;
            if previous.is_some_and(|p| p >= m.name.as_str()) {
                return Err(self.fail(entry, "message", &m.name, "entries must be sorted by name, without duplicates"));
            }
            previous = Some(&m.name);
        }
        Ok(())
    }

    fn texts<T>(&self, entry: &Spanned<T>, table: &str, key: &str, texts: &[(&str, &str)]) -> Result<()> {
        for (field, value) in texts {
            if value.trim().is_empty() {
                return Err(self.fail(entry, table, key, format_args!("`{field}` is missing or empty")));
            }
        }
        Ok(())
    }

    fn wording(&self, c: &Catalogue) -> Result<()> {
        let ids: Vec<&str> = c.severity.iter().map(|s| s.get_ref().id.as_str()).collect();
        if ids != SEVERITIES {
            bail!("codes.toml: [[severity]] must list exactly {SEVERITIES:?}, in that order; found {ids:?}");
        }
        for entry in &c.severity {
            let s = entry.get_ref();
            self.texts(
                entry,
                "severity",
                &s.id,
                &[("title", &s.title), ("description", &s.description), ("source", &s.source)],
            )?;
        }
        let whos: Vec<String> = c.who.iter().map(|w| format!("{:?}", w.get_ref().id)).collect();
        let expected = ["Nobody", "Sender", "SenderAdmin", "Recipient", "RecipientAdmin"];
        if whos != expected {
            bail!(
                "codes.toml: [[who]] must list nobody, sender, sender-admin, recipient, recipient-admin in that order"
            );
        }
        for entry in &c.who {
            let w = entry.get_ref();
            let key = format!("{:?}", w.id);
            self.texts(
                entry,
                "who",
                &key,
                &[("title", &w.title), ("description", &w.description), ("source", &w.source)],
            )?;
        }
        Ok(())
    }

    fn reasons(&self, c: &Catalogue) -> Result<()> {
        let mut names = HashSet::new();
        let mut ids = HashSet::new();
        for entry in &c.reason {
            let r = entry.get_ref();
            if r.id.is_empty() || !r.id.bytes().all(|b| b.is_ascii_lowercase()) {
                return Err(self.fail(entry, "reason", &r.id, "`id` must be lowercase ASCII letters"));
            }
            if !ids.insert(r.id.as_str()) {
                return Err(self.fail(entry, "reason", &r.id, "`id` is used twice"));
            }
            let texts = [
                ("title", r.title.as_str()),
                ("description", &r.description),
                ("action", &r.action),
                ("source", &r.source),
            ];
            self.common(entry, "reason", &r.id, &r.name, &texts, &mut names)?;
        }
        for needed in ["undefined", "onhold", "delivered"] {
            if !ids.contains(needed) {
                bail!("codes.toml: [[reason]] {needed:?} is missing; the classifier falls back to it");
            }
        }
        Ok(())
    }

    fn known_reason<T>(&self, c: &Catalogue, entry: &Spanned<T>, table: &str, key: &str, reason: &str) -> Result<()> {
        if c.reason.iter().any(|r| r.get_ref().id == reason) {
            Ok(())
        } else {
            Err(self.fail(entry, table, key, format_args!("reason {reason:?} has no [[reason]] entry")))
        }
    }

    fn rules(&self, c: &Catalogue) -> Result<()> {
        let mut previous: Option<(&str, String)> = None;
        for entry in &c.phrase {
            let p = entry.get_ref();
            let key = p.phrase.as_str();
            if p.phrase.is_empty()
                || p.phrase.trim() != p.phrase
                || !p.phrase.is_ascii()
                || p.phrase.to_ascii_lowercase() != p.phrase
            {
                return Err(self.fail(
                    entry,
                    "phrase",
                    key,
                    "`phrase` must be non-empty lowercase ASCII without surrounding spaces",
                ));
            }
            self.known_reason(c, entry, "phrase", key, &p.reason)?;
            self.texts(entry, "phrase", key, &[("source", &p.source)])?;
            let command = p.command.map(|c| format!("{c:?}")).unwrap_or_default();
            let k = (key, command);
            if previous.as_ref().is_some_and(|prev| *prev >= k) {
                return Err(self.fail(
                    entry,
                    "phrase",
                    key,
                    "entries must be sorted by phrase then command, without duplicates",
                ));
            }
            previous = Some(k);
        }
        let mut previous: Option<&str> = None;
        for entry in &c.code_rule {
            let r = entry.get_ref();
            let key = r.code.as_str();
            r.parsed().map_err(|e| self.fail(entry, "code_rule", key, e))?;
            self.known_reason(c, entry, "code_rule", key, &r.reason)?;
            self.texts(entry, "code_rule", key, &[("source", &r.source)])?;
            if previous.is_some_and(|p| p >= key) {
                return Err(self.fail(entry, "code_rule", key, "entries must be sorted by code, without duplicates"));
            }
            previous = Some(key);
        }
        Ok(())
    }

    fn providers(&self, c: &Catalogue) -> Result<()> {
        let mut names = HashSet::new();
        let mut previous: Option<&str> = None;
        for entry in &c.provider {
            let p = entry.get_ref();
            let key = p.id.as_str();
            if key.is_empty() || !key.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit()) {
                return Err(self.fail(entry, "provider", key, "`id` must be lowercase ASCII letters and digits"));
            }
            if previous.is_some_and(|prev| prev >= key) {
                return Err(self.fail(entry, "provider", key, "entries must be sorted by id, without duplicates"));
            }
            previous = Some(key);
            self.common(entry, "provider", key, &p.name, &[("title", &p.title), ("source", &p.source)], &mut names)?;
            for m in p.markers.iter().chain(&p.hosts) {
                if m.is_empty() || !m.is_ascii() || m.to_ascii_lowercase() != *m {
                    return Err(self.fail(
                        entry,
                        "provider",
                        key,
                        format_args!("marker or host {m:?} must be non-empty lowercase ASCII"),
                    ));
                }
            }
        }
        let order: Vec<&str> = c.provider.iter().map(|p| p.get_ref().id.as_str()).collect();
        let mut last = 0;
        for entry in &c.provider_reply {
            let r = entry.get_ref();
            let key = format!("{} {:?}", r.provider, r.matches);
            let Some(position) = order.iter().position(|&id| id == r.provider) else {
                return Err(self.fail(entry, "provider_reply", &key, "`provider` has no [[provider]] entry"));
            };
            if position < last {
                return Err(self.fail(
                    entry,
                    "provider_reply",
                    &key,
                    "entries must be grouped by provider in [[provider]] order",
                ));
            }
            last = position;
            self.known_reason(c, entry, "provider_reply", &key, &r.reason)?;
            let texts = [
                ("text", r.text.as_str()),
                ("match", &r.matches),
                ("meaning", &r.meaning),
                ("advice", &r.advice),
                ("source", &r.source),
            ];
            self.texts(entry, "provider_reply", &key, &texts)?;
            if !r.matches.is_ascii() || r.matches.to_ascii_lowercase() != r.matches {
                return Err(self.fail(entry, "provider_reply", &key, "`match` must be lowercase ASCII"));
            }
            if let Some(code) = r.reply_code
                && !(200..=599).contains(&code)
            {
                return Err(self.fail(
                    entry,
                    "provider_reply",
                    &key,
                    "`reply_code` must be three digits, first digit 2-5",
                ));
            }
            if let Some(e) = &r.enhanced {
                parse_enhanced(e).map_err(|err| self.fail(entry, "provider_reply", &key, err))?;
            }
        }
        Ok(())
    }

    /// Checks the fields every entry has: a valid unique name and non-empty texts.
    fn common<T>(
        &self,
        entry: &Spanned<T>,
        table: &str,
        key: &str,
        name: &str,
        texts: &[(&str, &str)],
        names: &mut HashSet<String>,
    ) -> Result<()> {
        if !is_upper_camel_case(name) {
            return Err(self.fail(
                entry,
                table,
                key,
                format_args!("name {name:?} is not an UpperCamelCase Rust identifier"),
            ));
        }
        if !names.insert(name.to_owned()) {
            return Err(self.fail(entry, table, key, format_args!("name {name:?} is used twice")));
        }
        for (field, value) in texts {
            if value.trim().is_empty() {
                return Err(self.fail(entry, table, key, format_args!("`{field}` is missing or empty")));
            }
            if value.trim() != *value {
                return Err(self.fail(
                    entry,
                    table,
                    key,
                    format_args!("`{field}` has leading or trailing white space"),
                ));
            }
        }
        Ok(())
    }

    fn digits(&self, c: &Catalogue) -> Result<()> {
        let mut names = HashSet::new();
        let mut previous = None;
        for entry in &c.digit {
            let d = entry.get_ref();
            let key = format_args!("{:?} digit {}", d.position, d.value).to_string();
            let range = match d.position {
                Position::First => 2..=5,
                Position::Second => 0..=5,
            };
            if !range.contains(&d.value) {
                return Err(self.fail(entry, "digit", &key, format_args!("value must be in {range:?}")));
            }
            self.common(
                entry,
                "digit",
                &key,
                &d.name,
                &[("title", &d.title), ("description", &d.description), ("source", &d.source)],
                &mut names,
            )?;
            let k = (d.position, d.value);
            if previous.is_some_and(|p| p >= k) {
                return Err(self.fail(
                    entry,
                    "digit",
                    &key,
                    "entries must be sorted by position then value, without duplicates",
                ));
            }
            previous = Some(k);
        }
        for position in [Position::First, Position::Second] {
            let range = if position == Position::First { 2..=5 } else { 0..=5 };
            for value in range {
                if !c.digit.iter().any(|d| d.get_ref().position == position && d.get_ref().value == value) {
                    bail!("codes.toml: [[digit]] {position:?} digit {value} is missing");
                }
            }
        }
        Ok(())
    }

    fn replies(&self, c: &Catalogue) -> Result<()> {
        let mut names = HashSet::new();
        let mut previous = None;
        for entry in &c.reply {
            let r = entry.get_ref();
            let key = r.code.to_string();
            if !(200..=599).contains(&r.code) {
                return Err(self.fail(entry, "reply", &key, "code must be three digits with a first digit of 2-5"));
            }
            if previous.is_some_and(|p| p >= r.code) {
                return Err(self.fail(entry, "reply", &key, "entries must be sorted by code, without duplicates"));
            }
            previous = Some(r.code);
            let texts = [
                ("title", r.title.as_str()),
                ("description", &r.description),
                ("action", &r.action),
                ("source", &r.source),
            ];
            self.common(entry, "reply", &key, &r.name, &texts, &mut names)?;
            // Drafts and codes seen only in the wild may not say which command they answer.
            if r.commands.is_empty() && !matches!(r.status, ReplyStatus::Draft | ReplyStatus::NonStandard) {
                return Err(self.fail(
                    entry,
                    "reply",
                    &key,
                    "`commands` is empty; only drafts and non-standard codes may leave it empty",
                ));
            }
            for u in &r.usage {
                let fields = [
                    ("extension", &u.extension),
                    ("command", &u.command),
                    ("text", &u.text),
                    ("meaning", &u.meaning),
                    ("source", &u.source),
                ];
                if let Some((field, _)) = fields.iter().find(|(_, v)| v.trim().is_empty()) {
                    return Err(self.fail(entry, "reply", &key, format_args!("a usage has an empty `{field}`")));
                }
            }
        }
        Ok(())
    }

    fn classes(&self, c: &Catalogue) -> Result<()> {
        let mut names = HashSet::new();
        let mut previous = None;
        for entry in &c.class {
            let k = entry.get_ref();
            let key = k.class.to_string();
            if ![2, 4, 5].contains(&k.class) {
                return Err(self.fail(entry, "class", &key, "class must be 2, 4 or 5"));
            }
            if previous.is_some_and(|p| p >= k.class) {
                return Err(self.fail(entry, "class", &key, "entries must be sorted by class, without duplicates"));
            }
            previous = Some(k.class);
            self.common(
                entry,
                "class",
                &key,
                &k.name,
                &[("title", &k.title), ("description", &k.description), ("source", &k.source)],
                &mut names,
            )?;
        }
        if c.class.len() != 3 {
            bail!("codes.toml: [[class]] must define classes 2, 4 and 5");
        }
        Ok(())
    }

    fn subjects(&self, c: &Catalogue) -> Result<()> {
        let mut names = HashSet::new();
        let mut previous = None;
        for entry in &c.subject {
            let s = entry.get_ref();
            let key = s.subject.to_string();
            if previous.is_some_and(|p| p >= s.subject) {
                return Err(self.fail(entry, "subject", &key, "entries must be sorted by subject, without duplicates"));
            }
            previous = Some(s.subject);
            self.common(
                entry,
                "subject",
                &key,
                &s.name,
                &[("title", &s.title), ("description", &s.description), ("source", &s.source)],
                &mut names,
            )?;
        }
        Ok(())
    }

    fn enhanced(&self, c: &Catalogue) -> Result<()> {
        let mut names = HashSet::new();
        let mut previous = None;
        for entry in &c.enhanced {
            let e = entry.get_ref();
            let key = e.code.as_str();
            let parts = parse_enhanced_pattern(key).map_err(|err| self.fail(entry, "enhanced", key, err))?;
            if previous.is_some_and(|p| p >= parts) {
                return Err(self.fail(
                    entry,
                    "enhanced",
                    key,
                    "entries must be sorted by subject then detail, without duplicates",
                ));
            }
            previous = Some(parts);
            let texts = [
                ("title", e.title.as_str()),
                ("description", &e.description),
                ("action", &e.action),
                ("source", &e.source),
            ];
            self.common(entry, "enhanced", key, &e.name, &texts, &mut names)?;
            if !c.subject.iter().any(|s| u16::from(s.get_ref().subject) == parts.0) {
                return Err(self.fail(
                    entry,
                    "enhanced",
                    key,
                    format_args!("subject {} has no [[subject]] entry", parts.0),
                ));
            }
            if e.classes.is_empty() {
                return Err(self.fail(entry, "enhanced", key, "the code is valid in no class: `classes` is empty"));
            }
            if e.classes.iter().any(|k| ![2, 4, 5].contains(k)) || !e.classes.is_sorted_by(|a, b| a < b) {
                return Err(self.fail(
                    entry,
                    "enhanced",
                    key,
                    "`classes` must list 2, 4 or 5, sorted, without duplicates",
                ));
            }
            if !e.reply_codes.is_sorted_by(|a, b| a < b) {
                return Err(self.fail(entry, "enhanced", key, "`reply_codes` must be sorted, without duplicates"));
            }
            for &r in &e.reply_codes {
                if !(200..=599).contains(&r) {
                    return Err(self.fail(
                        entry,
                        "enhanced",
                        key,
                        format_args!("reply code {r} is not three digits with a first digit of 2-5"),
                    ));
                }
                let class = (r / 100) as u8;
                if class != 3 && !e.classes.contains(&class) {
                    return Err(self.fail(
                        entry,
                        "enhanced",
                        key,
                        format_args!("reply code {r} is associated but class {class} is not in `classes`"),
                    ));
                }
            }
            if e.rfcs.is_empty() || e.rfcs.iter().any(|r| r.trim().is_empty()) {
                return Err(self.fail(entry, "enhanced", key, "`rfcs` must name at least one reference"));
            }
            if e.reply_codes_note.as_deref().is_some_and(|n| n.trim().is_empty()) {
                return Err(self.fail(entry, "enhanced", key, "`reply_codes_note` is empty; leave it out instead"));
            }
        }
        Ok(())
    }
}

/// `UpperCamelCase`: an ASCII capital, then letters and digits.
fn is_upper_camel_case(name: &str) -> bool {
    let mut bytes = name.bytes();
    bytes.next().is_some_and(|b| b.is_ascii_uppercase()) && bytes.all(|b| b.is_ascii_alphanumeric())
}
