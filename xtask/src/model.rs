//! The serde model of the catalogue: `codes.toml` and the files it includes, read with structs
//! that reject unknown keys and remember where each entry starts, so that validation can name
//! the file and line of every error.

use std::collections::HashSet;
use std::ops::Deref;

use anyhow::{Result, bail};
use serde::Deserialize;
use toml::Spanned;

/// The catalogue's root file, relative to the workspace root. Only it may list other files.
pub(crate) const ROOT: &str = "codes.toml";

/// One catalogue file as written. `codes.toml` and the files it includes share this shape, so an
/// entry reads the same wherever it lives; the tables of all files are joined in `include` order.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    #[serde(default)]
    include: Vec<Spanned<String>>,
    #[serde(default)]
    digit: Vec<Spanned<Digit>>,
    #[serde(default)]
    reply: Vec<Spanned<Reply>>,
    #[serde(default)]
    class: Vec<Spanned<Class>>,
    #[serde(default)]
    subject: Vec<Spanned<Subject>>,
    #[serde(default)]
    enhanced: Vec<Spanned<Enhanced>>,
    #[serde(default)]
    severity: Vec<Spanned<Severity>>,
    #[serde(default)]
    who: Vec<Spanned<Who>>,
    #[serde(default)]
    command: Vec<Spanned<Command>>,
    #[serde(default)]
    message: Vec<Spanned<Message>>,
    #[serde(default)]
    reason: Vec<Spanned<Reason>>,
    #[serde(default)]
    code_rule: Vec<Spanned<CodeRule>>,
    #[serde(default)]
    no_retry: Vec<Spanned<NoRetry>>,
    #[serde(default)]
    provider: Vec<Spanned<Provider>>,
    #[serde(default)]
    format: Vec<Spanned<Format>>,
}

/// The whole catalogue: the tables of every file, joined, each entry with its place.
#[derive(Debug, Default)]
pub(crate) struct Catalogue {
    /// Every file read, the root first.
    pub(crate) files: Vec<SourceFile>,
    pub(crate) digit: Vec<Entry<Digit>>,
    pub(crate) reply: Vec<Entry<Reply>>,
    pub(crate) class: Vec<Entry<Class>>,
    pub(crate) subject: Vec<Entry<Subject>>,
    pub(crate) enhanced: Vec<Entry<Enhanced>>,
    pub(crate) severity: Vec<Entry<Severity>>,
    pub(crate) who: Vec<Entry<Who>>,
    pub(crate) command: Vec<Entry<Command>>,
    pub(crate) message: Vec<Entry<Message>>,
    pub(crate) reason: Vec<Entry<Reason>>,
    pub(crate) code_rule: Vec<Entry<CodeRule>>,
    pub(crate) no_retry: Vec<Entry<NoRetry>>,
    pub(crate) provider: Vec<Entry<Provider>>,
    pub(crate) format: Vec<Entry<Format>>,
}

/// A file of the catalogue: its path relative to the workspace root, and its text.
#[derive(Debug)]
pub(crate) struct SourceFile {
    pub(crate) path: String,
    pub(crate) text: String,
}

/// Where an entry starts: a file of [`Catalogue::files`] and a byte offset in its text.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Place {
    pub(crate) file: usize,
    pub(crate) offset: usize,
}

impl Place {
    /// The place of an entry nested in this one's file, such as a `[[provider.reply]]`.
    pub(crate) fn nested<T>(self, entry: &Spanned<T>) -> Place {
        Place { file: self.file, offset: entry.span().start }
    }
}

/// A top-level entry and its place.
#[derive(Debug)]
pub(crate) struct Entry<T> {
    pub(crate) place: Place,
    pub(crate) inner: T,
}

impl<T> Deref for Entry<T> {
    type Target = T;
    fn deref(&self) -> &T {
        &self.inner
    }
}

impl Catalogue {
    /// The line of a place in its file, counted from 1.
    pub(crate) fn line(&self, place: Place) -> usize {
        let text = &self.files[place.file].text;
        text[..place.offset.min(text.len())].bytes().filter(|&b| b == b'\n').count() + 1
    }

    /// `path:line` of a place.
    pub(crate) fn locate(&self, place: Place) -> String {
        format!("{}:{}", self.files[place.file].path, self.line(place))
    }
}

/// Reads `codes.toml` and the files it includes through `read` (a path relative to the workspace
/// root to its text). Fails with every file's syntax and schema errors at once.
pub(crate) fn load(read: &mut dyn FnMut(&str) -> Result<String>) -> Result<Catalogue> {
    let mut catalogue = Catalogue::default();
    let mut errors = Vec::new();
    let root = read(ROOT)?;
    let root_file = parse_file(ROOT, &root, &mut errors);
    catalogue.files.push(SourceFile { path: ROOT.to_owned(), text: root });
    let includes = root_file.as_ref().map(|f| f.include.clone()).unwrap_or_default();
    if let Some(file) = root_file {
        join(&mut catalogue, 0, file);
    }
    let mut seen = HashSet::new();
    for include in includes {
        let at = catalogue.locate(Place { file: 0, offset: include.span().start });
        let path = include.into_inner();
        if !seen.insert(path.clone()) {
            errors.push(format!("{at}: include {path:?}: the file is listed twice"));
            continue;
        }
        let text = match read(&path) {
            Ok(text) => text,
            Err(err) => {
                errors.push(format!("{at}: include {path:?}: {err:#}"));
                continue;
            }
        };
        let file = parse_file(&path, &text, &mut errors);
        let index = catalogue.files.len();
        catalogue.files.push(SourceFile { path, text });
        let Some(file) = file else { continue };
        if let Some(nested) = file.include.first() {
            let at = catalogue.locate(Place { file: index, offset: nested.span().start });
            errors.push(format!("{at}: only {ROOT} may include other files"));
        }
        join(&mut catalogue, index, file);
    }
    if !errors.is_empty() {
        bail!("the catalogue does not match its schema (docs/catalogue.md):\n{}", errors.join("\n"));
    }
    Ok(catalogue)
}

fn parse_file(path: &str, text: &str, errors: &mut Vec<String>) -> Option<File> {
    match toml::from_str(text) {
        Ok(file) => Some(file),
        Err(err) => {
            // toml's message names the line and column and shows the offending text.
            errors.push(format!("{path}: {}", err.to_string().trim_end()));
            None
        }
    }
}

/// Appends the tables of one file to the catalogue.
fn join(c: &mut Catalogue, file: usize, f: File) {
    fn add<T>(to: &mut Vec<Entry<T>>, file: usize, from: Vec<Spanned<T>>) {
        to.extend(
            from.into_iter().map(|s| Entry { place: Place { file, offset: s.span().start }, inner: s.into_inner() }),
        );
    }
    add(&mut c.digit, file, f.digit);
    add(&mut c.reply, file, f.reply);
    add(&mut c.class, file, f.class);
    add(&mut c.subject, file, f.subject);
    add(&mut c.enhanced, file, f.enhanced);
    add(&mut c.severity, file, f.severity);
    add(&mut c.who, file, f.who);
    add(&mut c.command, file, f.command);
    add(&mut c.message, file, f.message);
    add(&mut c.reason, file, f.reason);
    add(&mut c.code_rule, file, f.code_rule);
    add(&mut c.no_retry, file, f.no_retry);
    add(&mut c.provider, file, f.provider);
    add(&mut c.format, file, f.format);
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

/// `[[reply]]`: one reply code.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct Reply {
    pub(crate) code: u16,
    pub(crate) name: String,
    pub(crate) title: String,
    pub(crate) status: ReplyStatus,
    pub(crate) description: String,
    /// `[[command]]` ids.
    pub(crate) commands: Vec<String>,
    /// A `[[who]]` id.
    pub(crate) who_acts: String,
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
    pub(crate) who_acts: String,
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
    pub(crate) who_acts: String,
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
    /// `X.subject.detail`.
    pub(crate) code: String,
    pub(crate) name: String,
    pub(crate) title: String,
    pub(crate) description: String,
    pub(crate) classes: Vec<u8>,
    pub(crate) reply_codes: Vec<u16>,
    pub(crate) reply_codes_note: Option<String>,
    pub(crate) who_acts: String,
    pub(crate) action: String,
    pub(crate) rfcs: Vec<String>,
    pub(crate) status: RegistryStatus,
    pub(crate) source: String,
}

/// `[[severity]]`: one value of the core crate's `Severity`, with its wording.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct Severity {
    pub(crate) id: String,
    pub(crate) name: String,
    /// The variant's one-line API documentation.
    pub(crate) doc: String,
    pub(crate) title: String,
    pub(crate) description: String,
    pub(crate) retry: bool,
    pub(crate) source: String,
}

/// `[[who]]`: one value of the core crate's `WhoActs`, with its wording.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct Who {
    pub(crate) id: String,
    pub(crate) name: String,
    /// The variant's one-line API documentation.
    pub(crate) doc: String,
    pub(crate) title: String,
    pub(crate) description: String,
    pub(crate) source: String,
}

/// `[[command]]`: one value of the core crate's `Command`: an SMTP command or a point of the
/// session that a reply answers.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct Command {
    pub(crate) id: String,
    pub(crate) name: String,
    /// The variant's one-line API documentation.
    pub(crate) doc: String,
    pub(crate) title: String,
    pub(crate) description: String,
    pub(crate) source: String,
}

/// `[[message]]`: a sentence the explainer prints, kept here so all wording is in one place.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct Message {
    pub(crate) name: String,
    pub(crate) text: String,
    pub(crate) source: String,
}

/// `[[reason]]`: a bounce reason, with the phrase rules that give it.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct Reason {
    pub(crate) id: String,
    pub(crate) name: String,
    pub(crate) title: String,
    pub(crate) description: String,
    pub(crate) hard_bounce: bool,
    pub(crate) who_acts: String,
    pub(crate) action: String,
    pub(crate) source: String,
    #[serde(default)]
    pub(crate) phrase: Vec<Spanned<Phrase>>,
    #[serde(default)]
    pub(crate) terms: Vec<Spanned<Terms>>,
}

/// `[[reason.terms]]`: words that give their reason when all of them occur in a text, each at a
/// word boundary, and none of the `none` words does. A word ending in `*` matches any word it
/// begins (`exceed*` matches `exceeds`, `exceeded`). This is how a family of wordings is
/// written once (`quota` with `exceed*`: "quota exceeded", "exceeding its mailbox quota",
/// "disc quota exceeded").
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct Terms {
    pub(crate) all: Vec<String>,
    #[serde(default)]
    pub(crate) none: Vec<String>,
    /// A `[[command]]` id.
    pub(crate) command: Option<String>,
    /// A `[[who]]` id, when this rule's words name another party than its reason's `who_acts`.
    pub(crate) who_acts: Option<String>,
    pub(crate) source: String,
}

/// `[[reason.phrase]]`: text that gives its reason.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct Phrase {
    pub(crate) phrase: String,
    /// A `[[command]]` id.
    pub(crate) command: Option<String>,
    /// The reply code the phrase belongs to: it counts only when the text's reply code is this
    /// one or there is none (a later reply's words do not decide an earlier refusal).
    pub(crate) reply_code: Option<u16>,
    /// A `[[who]]` id, when this rule's text names another party than its reason's `who_acts`.
    pub(crate) who_acts: Option<String>,
    /// Words any of which, found in the text as a whole word, keep the phrase from matching: a
    /// sentence that says the opposite after the phrase (Postfix's "Host or domain name not
    /// found. ... Host not found, try again" is a lookup that failed for now, not a domain that
    /// does not exist).
    #[serde(default)]
    pub(crate) none: Vec<String>,
    pub(crate) source: String,
}

/// `[[code_rule]]`: a code that gives a reason on its own.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct CodeRule {
    /// A reply code, an enhanced code or an `X.s.d` pattern; see [`crate::codes::rule_code`].
    pub(crate) code: String,
    /// A `[[reason]]` id.
    pub(crate) reason: String,
    pub(crate) source: String,
}

/// `[[no_retry]]`: text saying that trying again will not help, whatever the reply's class.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct NoRetry {
    pub(crate) phrase: String,
    pub(crate) source: String,
}

/// `[[provider]]`: a mailbox provider, with its replies.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct Provider {
    pub(crate) id: String,
    pub(crate) name: String,
    pub(crate) title: String,
    pub(crate) markers: Vec<String>,
    pub(crate) hosts: Vec<String>,
    pub(crate) docs: String,
    /// Where the provider entry itself (its markers and hosts) comes from.
    pub(crate) source: String,
    /// Where its replies come from, unless a reply gives its own `source`.
    pub(crate) reply_source: String,
    #[serde(default)]
    pub(crate) reply: Vec<Spanned<ProviderReply>>,
}

/// `[[provider.reply]]`: one documented or observed reply of its provider.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct ProviderReply {
    pub(crate) reply_code: Option<u16>,
    pub(crate) enhanced: Option<String>,
    pub(crate) text: String,
    #[serde(rename = "match")]
    pub(crate) matches: String,
    pub(crate) distinctive: bool,
    pub(crate) meaning: String,
    pub(crate) advice: String,
    /// `false` when the provider says that retrying this reply will not succeed, even though its
    /// code is temporary.
    #[serde(default = "yes")]
    pub(crate) retry: bool,
    /// A `[[reason]]` id.
    pub(crate) reason: String,
    /// A `[[who]]` id, when the provider's source names another party than the reason's
    /// `who_acts`.
    pub(crate) who_acts: Option<String>,
    /// Only when it differs from the provider's `reply_source`.
    pub(crate) source: Option<String>,
}

fn yes() -> bool {
    true
}

impl Provider {
    /// Where a reply of this provider comes from: its own `source`, else the provider's default.
    pub(crate) fn source_of<'a>(&'a self, reply: &'a ProviderReply) -> &'a str {
        reply.source.as_deref().unwrap_or(&self.reply_source)
    }
}

/// `[[format]]`: the bounce format of one MTA or provider, for the bounce decoder's plain-text
/// reader: the texts that recognise it and the lines that start and end its error section.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct Format {
    /// Lowercase ASCII letters and digits: `qmail`, `exim`; the bounce record's `decoded_by`.
    pub(crate) id: String,
    /// The MTA or provider, as its makers name it.
    pub(crate) title: String,
    /// Lowercase texts, any of which in the bounce's own text (its human-readable part, not its
    /// subject, never the returned original) recognises the format.
    pub(crate) markers: Vec<String>,
    /// `name: text` pairs in lowercase, each found when the bounce's own header `name` (never
    /// the returned original's) holds `text` (`from: postmaster@ezweb.ne.jp`); `name:` alone is
    /// found when the header is present. They count as markers, but a format found by header
    /// markers alone does not make a message a bounce.
    #[serde(default)]
    pub(crate) headers: Vec<String>,
    /// Lowercase texts that start the error section: reading starts at the line holding the
    /// first one found. None: the text's start.
    #[serde(default)]
    pub(crate) start: Vec<String>,
    /// Lowercase texts that end it: reading stops before the first line after the start that
    /// holds one. None: the copy of the original or the text's end.
    #[serde(default)]
    pub(crate) end: Vec<String>,
    /// Lowercase texts after which a recipient's address follows, on the same line or alone on
    /// the next one.
    #[serde(default)]
    pub(crate) recipient_after: Vec<String>,
    /// The domain of a recipient the format names by its local part alone, after one of its
    /// `recipient_after` texts (AOL names its members by screen name).
    #[serde(default)]
    pub(crate) recipient_domain: Option<String>,
    pub(crate) source: String,
}
