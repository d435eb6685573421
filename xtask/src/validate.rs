//! Validation of the catalogue: unique and well-formed codes, valid identifiers, sources present,
//! sorted entries, references that resolve. Every broken rule is collected with its file, line
//! and entry, and the check fails once with all of them.

use std::collections::{HashMap, HashSet};
use std::fmt::Display;

use anyhow::{Result, bail};

use crate::codes;
use crate::model::{Catalogue, Place, Position, Provider, ROOT, ReplyStatus};
use crate::source;

/// The reasons the classifier falls back to; hand-written code looks them up by id.
const FALLBACK_REASONS: [&str; 4] = ["undefined", "onhold", "delivered", "rejected"];

/// What makes two `[[reason.terms]]` entries the same rule: their words, excluded words and
/// command.
type TermKey = (Vec<String>, Vec<String>, Option<String>);

/// The most distinct words `[[reason.terms]]` may use: the classifier keeps the words seen in a
/// text in a fixed set of this many bits (`smtp_codes::classify`'s `TERM_WORDS`).
pub(crate) const MAX_TERM_WORDS: usize = 256;

/// Checks the whole catalogue. Fails with one line per broken rule, in file and line order.
/// `samples` are the files of the Sisimai corpus that a `sample:sisimai/...` source may name.
pub(crate) fn check(c: &Catalogue, samples: &HashSet<String>) -> Result<()> {
    let mut v = Validator { c, errors: Vec::new() };
    v.sources(samples);
    v.digits();
    v.replies();
    v.classes();
    v.subjects();
    v.enhanced();
    v.vocabularies();
    v.messages();
    v.reasons();
    v.code_rules();
    v.no_retry();
    v.providers();
    v.formats();
    if v.errors.is_empty() {
        return Ok(());
    }
    v.errors.sort_by_key(|e| (e.file, e.line));
    let count = v.errors.len();
    let lines: Vec<String> = v.errors.into_iter().map(|e| e.text).collect();
    bail!("the catalogue has {count} error{}:\n{}", if count == 1 { "" } else { "s" }, lines.join("\n"))
}

struct Error {
    file: usize,
    line: usize,
    text: String,
}

/// The ids and names of one table met so far.
#[derive(Default)]
struct Seen<'a> {
    ids: HashSet<&'a str>,
    names: HashSet<&'a str>,
}

struct Validator<'a> {
    c: &'a Catalogue,
    errors: Vec<Error>,
}

impl<'a> Validator<'a> {
    /// Records an error of one entry: `path:line: [[table]] key: message`.
    fn fail(&mut self, place: Place, table: &str, key: impl Display, message: impl Display) {
        let (path, line) = (&self.c.files[place.file].path, self.c.line(place));
        self.errors.push(Error {
            file: place.file,
            line,
            text: format!("{path}:{line}: [[{table}]] {key}: {message}"),
        });
    }

    /// Records an error of a whole table, which has no one line to point at.
    fn fail_table(&mut self, table: &str, message: impl Display) {
        self.errors.push(Error { file: 0, line: 0, text: format!("{ROOT}: [[{table}]] {message}") });
    }

    /// Checks that every text is non-empty and not padded with white space.
    fn texts(&mut self, place: Place, table: &str, key: &str, texts: &[(&str, &str)]) {
        for (field, value) in texts {
            if value.trim().is_empty() {
                self.fail(place, table, key, format_args!("`{field}` is missing or empty"));
            } else if value.trim() != *value {
                self.fail(place, table, key, format_args!("`{field}` has leading or trailing white space"));
            }
        }
    }

    /// Checks a generated identifier: UpperCamelCase and unique within its table.
    fn name(&mut self, place: Place, table: &str, key: &str, name: &'a str, names: &mut HashSet<&'a str>) {
        if !is_upper_camel_case(name) {
            self.fail(place, table, key, format_args!("name {name:?} is not an UpperCamelCase Rust identifier"));
        } else if !names.insert(name) {
            self.fail(place, table, key, format_args!("name {name:?} is used twice"));
        }
    }

    /// Checks that entries come in strictly increasing key order; `previous` carries the last key.
    fn sorted<K: PartialOrd>(
        &mut self,
        place: Place,
        table: &str,
        key: &str,
        k: K,
        previous: &mut Option<K>,
        by: &str,
    ) {
        if previous.as_ref().is_some_and(|p| *p >= k) {
            self.fail(place, table, key, format_args!("entries must be sorted by {by}, without duplicates"));
        }
        *previous = Some(k);
    }

    fn who_acts(&mut self, place: Place, table: &str, key: &str, who: &str) {
        if !self.c.who.iter().any(|w| w.id == who) {
            self.fail(place, table, key, format_args!("who_acts {who:?} has no [[who]] entry"));
        }
    }

    fn command(&mut self, place: Place, table: &str, key: &str, command: &str) {
        if !self.c.command.iter().any(|w| w.id == command) {
            self.fail(place, table, key, format_args!("command {command:?} has no [[command]] entry"));
        }
    }

    fn reason(&mut self, place: Place, table: &str, key: &str, reason: &str) {
        if !self.c.reason.iter().any(|r| r.id == reason) {
            self.fail(place, table, key, format_args!("reason {reason:?} has no [[reason]] entry"));
        }
    }

    /// Every source follows the grammar of [`source`]; all bad ones are listed in one run.
    fn sources(&mut self, samples: &HashSet<String>) {
        for s in source::sourced(self.c).into_iter().filter(|s| !s.inherited) {
            let Err(err) = source::check(s.source, samples) else { continue };
            self.fail(s.place, s.table, &s.key, format_args!("bad source {:?}: {}", s.source, err.message(s.source)));
        }
    }

    fn digits(&mut self) {
        let c = self.c;
        let mut names = HashSet::new();
        let mut previous = None;
        for d in &c.digit {
            let key = format!("{:?} digit {}", d.position, d.value);
            let range = digit_range(d.position);
            if !range.contains(&d.value) {
                self.fail(d.place, "digit", &key, format_args!("value must be in {range:?}"));
            }
            self.name(d.place, "digit", &key, &d.name, &mut names);
            self.texts(
                d.place,
                "digit",
                &key,
                &[("title", &d.title), ("description", &d.description), ("source", &d.source)],
            );
            self.sorted(d.place, "digit", &key, (d.position, d.value), &mut previous, "position then value");
        }
        for position in [Position::First, Position::Second] {
            for value in digit_range(position) {
                if !c.digit.iter().any(|d| d.position == position && d.value == value) {
                    self.fail_table("digit", format_args!("{position:?} digit {value} is missing"));
                }
            }
        }
    }

    fn replies(&mut self) {
        let c = self.c;
        let mut names = HashSet::new();
        let mut previous = None;
        for r in &c.reply {
            let key = r.code.to_string();
            if !(200..=599).contains(&r.code) {
                self.fail(r.place, "reply", &key, "code must be three digits with a first digit of 2-5");
            }
            self.sorted(r.place, "reply", &key, r.code, &mut previous, "code");
            self.name(r.place, "reply", &key, &r.name, &mut names);
            let texts = [
                ("title", r.title.as_str()),
                ("description", &r.description),
                ("action", &r.action),
                ("source", &r.source),
            ];
            self.texts(r.place, "reply", &key, &texts);
            self.who_acts(r.place, "reply", &key, &r.who_acts);
            // Drafts and codes seen only in the wild may not say which command they answer.
            if r.commands.is_empty() && !matches!(r.status, ReplyStatus::Draft | ReplyStatus::NonStandard) {
                self.fail(
                    r.place,
                    "reply",
                    &key,
                    "`commands` is empty; only drafts and non-standard codes may leave it empty",
                );
            }
            for command in &r.commands {
                self.command(r.place, "reply", &key, command);
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
                    self.fail(r.place, "reply", &key, format_args!("a usage has an empty `{field}`"));
                }
            }
        }
    }

    fn classes(&mut self) {
        let c = self.c;
        let mut names = HashSet::new();
        let mut previous = None;
        for k in &c.class {
            let key = k.class.to_string();
            if ![2, 4, 5].contains(&k.class) {
                self.fail(k.place, "class", &key, "class must be 2, 4 or 5");
            }
            self.sorted(k.place, "class", &key, k.class, &mut previous, "class");
            self.name(k.place, "class", &key, &k.name, &mut names);
            self.texts(
                k.place,
                "class",
                &key,
                &[("title", &k.title), ("description", &k.description), ("source", &k.source)],
            );
            self.who_acts(k.place, "class", &key, &k.who_acts);
        }
        if c.class.len() != 3 {
            self.fail_table("class", "must define classes 2, 4 and 5");
        }
    }

    fn subjects(&mut self) {
        let c = self.c;
        let mut names = HashSet::new();
        let mut previous = None;
        for s in &c.subject {
            let key = s.subject.to_string();
            self.sorted(s.place, "subject", &key, s.subject, &mut previous, "subject");
            self.name(s.place, "subject", &key, &s.name, &mut names);
            self.texts(
                s.place,
                "subject",
                &key,
                &[("title", &s.title), ("description", &s.description), ("source", &s.source)],
            );
            self.who_acts(s.place, "subject", &key, &s.who_acts);
        }
    }

    fn enhanced(&mut self) {
        let c = self.c;
        let mut names = HashSet::new();
        let mut previous = None;
        for e in &c.enhanced {
            let (place, key) = (e.place, e.code.as_str());
            self.name(place, "enhanced", key, &e.name, &mut names);
            let texts = [
                ("title", e.title.as_str()),
                ("description", &e.description),
                ("action", &e.action),
                ("source", &e.source),
            ];
            self.texts(place, "enhanced", key, &texts);
            self.who_acts(place, "enhanced", key, &e.who_acts);
            match codes::enhanced_pattern(key) {
                Ok(parts) => {
                    self.sorted(place, "enhanced", key, parts, &mut previous, "subject then detail");
                    if !c.subject.iter().any(|s| u16::from(s.subject) == parts.0) {
                        self.fail(place, "enhanced", key, format_args!("subject {} has no [[subject]] entry", parts.0));
                    }
                }
                Err(err) => self.fail(place, "enhanced", key, err),
            }
            if e.classes.is_empty() {
                self.fail(place, "enhanced", key, "the code is valid in no class: `classes` is empty");
            } else if e.classes.iter().any(|k| ![2, 4, 5].contains(k)) || !e.classes.is_sorted_by(|a, b| a < b) {
                self.fail(place, "enhanced", key, "`classes` must list 2, 4 or 5, sorted, without duplicates");
            }
            if !e.reply_codes.is_sorted_by(|a, b| a < b) {
                self.fail(place, "enhanced", key, "`reply_codes` must be sorted, without duplicates");
            }
            for &r in &e.reply_codes {
                let class = (r / 100) as u8;
                if !(200..=599).contains(&r) {
                    self.fail(
                        place,
                        "enhanced",
                        key,
                        format_args!("reply code {r} is not three digits with a first digit of 2-5"),
                    );
                } else if class != 3 && !e.classes.contains(&class) {
                    let message = format_args!("reply code {r} is associated but class {class} is not in `classes`");
                    self.fail(place, "enhanced", key, message);
                }
            }
            if e.rfcs.is_empty() || e.rfcs.iter().any(|r| r.trim().is_empty()) {
                self.fail(place, "enhanced", key, "`rfcs` must name at least one reference");
            }
            if e.reply_codes_note.as_deref().is_some_and(|n| n.trim().is_empty()) {
                self.fail(place, "enhanced", key, "`reply_codes_note` is empty; leave it out instead");
            }
        }
    }

    /// `[[severity]]`, `[[who]]` and `[[command]]`: the small enums that the core crate's code
    /// names, each value with an id (its spelling in the catalogue and in JSON) and a variant name.
    fn vocabularies(&mut self) {
        let c = self.c;
        let lowercase = |id: &str| id.bytes().all(|b| b.is_ascii_lowercase());
        let mut seen = Seen::default();
        for s in &c.severity {
            let texts = [("doc", &*s.doc), ("title", &s.title), ("description", &s.description), ("source", &s.source)];
            self.vocabulary_entry(
                "severity",
                s.place,
                &s.id,
                &s.name,
                &texts,
                (lowercase, "lowercase ASCII letters"),
                &mut seen,
            );
        }
        let kebab = |id: &str| id.bytes().all(|b| b.is_ascii_lowercase() || b == b'-');
        let mut seen = Seen::default();
        for w in &c.who {
            let texts = [("doc", &*w.doc), ("title", &w.title), ("description", &w.description), ("source", &w.source)];
            self.vocabulary_entry(
                "who",
                w.place,
                &w.id,
                &w.name,
                &texts,
                (kebab, "lowercase ASCII letters and `-`"),
                &mut seen,
            );
        }
        let upper = |id: &str| id.bytes().all(|b| b.is_ascii_uppercase() || b == b'-');
        let mut seen = Seen::default();
        for k in &c.command {
            let texts = [("doc", &*k.doc), ("title", &k.title), ("description", &k.description), ("source", &k.source)];
            self.vocabulary_entry(
                "command",
                k.place,
                &k.id,
                &k.name,
                &texts,
                (upper, "uppercase ASCII letters and `-`"),
                &mut seen,
            );
        }
    }

    #[allow(clippy::too_many_arguments)]
    fn vocabulary_entry(
        &mut self,
        table: &str,
        place: Place,
        id: &'a str,
        name: &'a str,
        texts: &[(&str, &str)],
        (id_ok, id_rule): (fn(&str) -> bool, &str),
        seen: &mut Seen<'a>,
    ) {
        if id.is_empty() || !id_ok(id) {
            self.fail(place, table, id, format_args!("`id` must be {id_rule}"));
        } else if !seen.ids.insert(id) {
            self.fail(place, table, id, "`id` is used twice");
        }
        self.name(place, table, id, name, &mut seen.names);
        self.texts(place, table, id, texts);
    }

    fn messages(&mut self) {
        let c = self.c;
        let mut names = HashSet::new();
        let mut previous = None;
        for m in &c.message {
            self.name(m.place, "message", &m.name, &m.name, &mut names);
            self.texts(m.place, "message", &m.name, &[("text", &m.text), ("source", &m.source)]);
            self.sorted(m.place, "message", &m.name, m.name.as_str(), &mut previous, "name");
        }
    }

    fn reasons(&mut self) {
        let c = self.c;
        let mut names = HashSet::new();
        let mut ids = HashSet::new();
        // Which reason gave each (phrase, command) first, so that a phrase is given to one reason.
        let mut phrases: HashMap<(&str, Option<&str>), &str> = HashMap::new();
        // Which reason gave each set of words, so that a set is given to one reason, and every
        // distinct word, so that the classifier's table of words seen stays within its size.
        let mut term_sets: HashMap<TermKey, &str> = HashMap::new();
        let mut words: HashSet<String> = HashSet::new();
        for r in &c.reason {
            let (place, id) = (r.place, r.id.as_str());
            if id.is_empty() || !id.bytes().all(|b| b.is_ascii_lowercase()) {
                self.fail(place, "reason", id, "`id` must be lowercase ASCII letters");
            } else if !ids.insert(id) {
                self.fail(place, "reason", id, "`id` is used twice");
            }
            self.name(place, "reason", id, &r.name, &mut names);
            let texts = [
                ("title", r.title.as_str()),
                ("description", &r.description),
                ("action", &r.action),
                ("source", &r.source),
            ];
            self.texts(place, "reason", id, &texts);
            self.who_acts(place, "reason", id, &r.who_acts);
            let mut previous = None;
            for p in &r.phrase {
                let (place, p) = (place.nested(p), p.get_ref());
                let key = format!("{id} {:?}", p.phrase);
                let text = p.phrase.as_str();
                // UTF-8 is allowed (German, Japanese, Russian, ... bounces); the classifier folds
                // only ASCII case, so a phrase is stored in lowercase and other letters must be
                // written as the bounces write them.
                if text.is_empty() || text.trim() != text || text.to_lowercase() != text {
                    self.fail(
                        place,
                        "reason.phrase",
                        &key,
                        "`phrase` must be non-empty lowercase text without surrounding spaces",
                    );
                }
                self.texts(place, "reason.phrase", &key, &[("source", &p.source)]);
                if let Some(command) = &p.command {
                    self.command(place, "reason.phrase", &key, command);
                }
                if p.reply_code.is_some_and(|c| !(200..=599).contains(&c)) {
                    self.fail(place, "reason.phrase", &key, "`reply_code` must be a reply code from 200 to 599");
                }
                if let Some(who) = &p.who_acts {
                    self.who_acts(place, "reason.phrase", &key, who);
                    if *who == r.who_acts {
                        self.fail(place, "reason.phrase", &key, "`who_acts` repeats the reason's; leave it out");
                    }
                }
                self.words(place, "reason.phrase", &key, &p.none.iter().collect::<Vec<_>>());
                for word in &p.none {
                    if text.contains(word.trim_end_matches('*')) {
                        self.fail(
                            place,
                            "reason.phrase",
                            &key,
                            format_args!("`none` word {word:?} is in the phrase itself: it could never match"),
                        );
                    }
                }
                let k = (text, p.command.as_deref());
                if let Some(other) = phrases.get(&k).filter(|&&other| other != id) {
                    self.fail(place, "reason.phrase", &key, format_args!("the phrase already gives reason {other:?}"));
                }
                phrases.entry(k).or_insert(id);
                let order = (text, p.command.as_deref().unwrap_or_default());
                self.sorted(place, "reason.phrase", &key, order, &mut previous, "phrase then command");
            }
            for t in &r.terms {
                let (place, t) = (place.nested(t), t.get_ref());
                let key = format!("{id} {:?}", t.all);
                self.terms(place, &key, t);
                if let Some(command) = &t.command {
                    self.command(place, "reason.terms", &key, command);
                }
                if let Some(who) = &t.who_acts {
                    self.who_acts(place, "reason.terms", &key, who);
                    if *who == r.who_acts {
                        self.fail(place, "reason.terms", &key, "`who_acts` repeats the reason's; leave it out");
                    }
                }
                let k = (t.all.clone(), t.none.clone(), t.command.clone());
                if let Some(other) = term_sets.get(&k).filter(|&&other| other != id) {
                    self.fail(place, "reason.terms", &key, format_args!("these words already give reason {other:?}"));
                } else if term_sets.contains_key(&k) {
                    self.fail(place, "reason.terms", &key, "the same words are listed twice");
                }
                term_sets.entry(k).or_insert(id);
                for word in t.all.iter().chain(&t.none) {
                    words.insert(word.trim_end_matches('*').to_owned());
                }
            }
        }
        if words.len() > MAX_TERM_WORDS {
            self.fail_table(
                "reason.terms",
                format_args!("{} distinct words; the classifier tracks at most {MAX_TERM_WORDS}", words.len()),
            );
        }
        for needed in FALLBACK_REASONS {
            if !ids.contains(needed) {
                self.fail_table("reason", format_args!("{needed:?} is missing; the classifier falls back to it"));
            }
        }
    }

    /// The words of one `[[reason.terms]]` entry: at least one in `all`; each non-empty lowercase
    /// text starting and ending with a letter or digit (a `*` may end it), so that the word
    /// boundaries the classifier checks are well defined, and a term of several words has single
    /// spaces between them; none twice.
    fn terms(&mut self, place: Place, key: &str, t: &crate::model::Terms) {
        if t.all.is_empty() {
            self.fail(place, "reason.terms", key, "`all` must list at least one word");
        }
        let words: Vec<&String> = t.all.iter().chain(&t.none).collect();
        self.words(place, "reason.terms", key, &words);
        self.texts(place, "reason.terms", key, &[("source", &t.source)]);
    }

    /// Words a rule looks for as whole words (a term rule's, a phrase rule's `none`): each
    /// non-empty lowercase text starting and ending with a letter or digit (a `*` may end it),
    /// so that the word boundaries the classifier checks are well defined, with single spaces
    /// between the words of a term; none twice.
    fn words(&mut self, place: Place, table: &str, key: &str, words: &[&String]) {
        let mut seen = HashSet::new();
        for word in words {
            let bare = word.strip_suffix('*').unwrap_or(word);
            let edge = |c: Option<char>| c.is_some_and(char::is_alphanumeric);
            let well_formed = !bare.is_empty()
                && bare.to_lowercase() == bare
                && !bare.contains('*')
                && !bare.contains("  ")
                && edge(bare.chars().next())
                && edge(bare.chars().last());
            if !well_formed {
                self.fail(
                    place,
                    table,
                    key,
                    format_args!(
                        "word {word:?} must be lowercase text that starts and ends with a letter or digit (a `*` may end it), with single spaces between words"
                    ),
                );
            }
            if !seen.insert(bare) {
                self.fail(place, table, key, format_args!("word {word:?} is listed twice"));
            }
        }
    }

    fn formats(&mut self) {
        let c = self.c;
        let mut ids = HashSet::new();
        for f in &c.format {
            let (place, id) = (f.place, f.id.as_str());
            if id.is_empty() || !id.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit()) {
                self.fail(place, "format", id, "`id` must be lowercase ASCII letters and digits");
            } else if !ids.insert(id) {
                self.fail(place, "format", id, "`id` is used twice");
            }
            self.texts(place, "format", id, &[("title", &f.title), ("source", &f.source)]);
            if f.markers.is_empty() {
                self.fail(place, "format", id, "`markers` must list at least one text");
            }
            let lists = [
                ("markers", &f.markers),
                ("headers", &f.headers),
                ("start", &f.start),
                ("end", &f.end),
                ("recipient_after", &f.recipient_after),
            ];
            for (field, list) in lists {
                for text in list {
                    if text.trim().is_empty() || text.to_lowercase() != *text {
                        self.fail(
                            place,
                            "format",
                            id,
                            format_args!("`{field}` text {text:?} must be non-empty lowercase text"),
                        );
                    }
                }
            }
            if let Some(d) = &f.recipient_domain
                && (f.recipient_after.is_empty()
                    || !d.contains('.')
                    || !d.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'.' || b == b'-'))
            {
                self.fail(
                    place,
                    "format",
                    id,
                    format_args!("`recipient_domain` {d:?} must be a lowercase domain, and needs `recipient_after`"),
                );
            }
            for text in &f.headers {
                let name = text.split_once(':').map(|(n, _)| n);
                if !name.is_some_and(|n| {
                    !n.is_empty() && n.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
                }) {
                    self.fail(
                        place,
                        "format",
                        id,
                        format_args!("`headers` text {text:?} must be a lowercase header name, a colon and a text"),
                    );
                }
            }
        }
    }

    fn code_rules(&mut self) {
        let c = self.c;
        let mut previous = None;
        for r in &c.code_rule {
            let (place, key) = (r.place, r.code.as_str());
            if let Err(err) = codes::rule_code(key) {
                self.fail(place, "code_rule", key, err);
            }
            self.reason(place, "code_rule", key, &r.reason);
            self.texts(place, "code_rule", key, &[("source", &r.source)]);
            self.sorted(place, "code_rule", key, key, &mut previous, "code");
        }
    }

    fn no_retry(&mut self) {
        let c = self.c;
        let mut previous = None;
        for r in &c.no_retry {
            let (place, key) = (r.place, r.phrase.as_str());
            if key.is_empty() || key.trim() != key || !key.is_ascii() || key.to_ascii_lowercase() != key {
                self.fail(
                    place,
                    "no_retry",
                    key,
                    "`phrase` must be non-empty lowercase ASCII without surrounding spaces",
                );
            }
            self.texts(place, "no_retry", key, &[("source", &r.source)]);
            self.sorted(place, "no_retry", key, key, &mut previous, "phrase");
        }
    }

    fn providers(&mut self) {
        let c = self.c;
        let mut names = HashSet::new();
        let mut previous = None;
        for p in &c.provider {
            let (place, key) = (p.place, p.id.as_str());
            if key.is_empty() || !key.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit()) {
                self.fail(place, "provider", key, "`id` must be lowercase ASCII letters and digits");
            }
            // One file per provider, so that a reply cannot end up under the wrong provider.
            let expected = format!("codes/providers/{key}.toml");
            if c.files[place.file].path != expected {
                self.fail(
                    place,
                    "provider",
                    key,
                    format_args!("the provider must be alone in {expected}, listed in {ROOT}'s `include`"),
                );
            }
            self.sorted(place, "provider", key, key, &mut previous, "id");
            self.name(place, "provider", key, &p.name, &mut names);
            let texts = [("title", p.title.as_str()), ("source", &p.source), ("reply_source", &p.reply_source)];
            self.texts(place, "provider", key, &texts);
            for m in p.markers.iter().chain(&p.hosts) {
                if m.is_empty() || !m.is_ascii() || m.to_ascii_lowercase() != *m {
                    self.fail(
                        place,
                        "provider",
                        key,
                        format_args!("marker or host {m:?} must be non-empty lowercase ASCII"),
                    );
                }
            }
            self.provider_replies(place, p);
        }
    }

    fn provider_replies(&mut self, provider_place: Place, p: &'a Provider) {
        let c = self.c;
        for r in &p.reply {
            let (place, r) = (provider_place.nested(r), r.get_ref());
            let key = format!("{} {:?}", p.id, r.matches);
            let table = "provider.reply";
            self.reason(place, table, &key, &r.reason);
            if let Some(who) = &r.who_acts {
                self.who_acts(place, table, &key, who);
                if c.reason.iter().any(|reason| reason.id == r.reason && reason.who_acts == *who) {
                    self.fail(place, table, &key, "`who_acts` repeats the reason's; leave it out");
                }
            }
            let texts = [
                ("text", r.text.as_str()),
                ("match", &r.matches),
                ("meaning", &r.meaning),
                ("advice", &r.advice),
                ("source", p.source_of(r)),
            ];
            self.texts(place, table, &key, &texts);
            if r.source.as_deref() == Some(&p.reply_source) {
                self.fail(place, table, &key, "`source` repeats the provider's `reply_source`; leave it out");
            }
            if !r.matches.is_ascii() || r.matches.to_ascii_lowercase() != r.matches {
                self.fail(place, table, &key, "`match` must be lowercase ASCII");
            }
            if r.reply_code.is_some_and(|code| !(200..=599).contains(&code)) {
                self.fail(place, table, &key, "`reply_code` must be three digits, first digit 2-5");
            }
            if let Some(Err(err)) = r.enhanced.as_deref().map(codes::enhanced) {
                self.fail(place, table, &key, err);
            }
        }
    }
}

fn digit_range(position: Position) -> std::ops::RangeInclusive<u8> {
    match position {
        Position::First => 2..=5,
        Position::Second => 0..=5,
    }
}

/// `UpperCamelCase`: an ASCII capital, then letters and digits.
fn is_upper_camel_case(name: &str) -> bool {
    let mut bytes = name.bytes();
    bytes.next().is_some_and(|b| b.is_ascii_uppercase()) && bytes.all(|b| b.is_ascii_alphanumeric())
}
