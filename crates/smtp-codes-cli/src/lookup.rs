//! `smtp-codes lookup CODE...`: what the catalogue knows about reply codes, enhanced status
//! codes and reply/enhanced pairs, with the bounce reasons their code rules give and the provider
//! replies that carry them.

use std::io::{self, Write};

use anyhow::{Context, Result, bail};
use serde::Serialize;
use smtp_codes::classify::{CodeRule, ProviderReply};
use smtp_codes::{EnhancedCode, EnhancedPattern, KnownEnhanced, ReplyCode};

use crate::entries::{CodeRuleJson, EnhancedJson, ReplyJson, VendorJson};
use crate::output;
use crate::related::{self, EnhancedQuery};
use crate::style::{CODE, DIM, Painter};

#[derive(Debug, clap::Args)]
pub(crate) struct Args {
    /// Codes to look up: `550`, `5.1.1`, `X.1.1` (any class) or a pair such as "550 5.1.1".
    #[arg(required = true, value_name = "CODE")]
    codes: Vec<String>,
    /// Print JSON, one object per code (JSON Lines).
    #[arg(long)]
    json: bool,
}

/// What one argument asks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Query {
    Reply(ReplyCode),
    Enhanced(EnhancedCode),
    /// `X.subject.detail`: the registry entry whatever the class.
    Pattern(EnhancedPattern),
    Pair(ReplyCode, EnhancedCode),
}

fn parse_code(token: &str) -> Result<Query> {
    if token.starts_with(['X', 'x']) {
        return Ok(Query::Pattern(token.parse()?));
    }
    if token.contains('.') {
        return Ok(Query::Enhanced(token.parse()?));
    }
    Ok(Query::Reply(token.parse()?))
}

fn parse_query(arg: &str) -> Result<Query> {
    let words: Vec<&str> = arg.split_whitespace().collect();
    let query = match words.as_slice() {
        [] => bail!("empty code"),
        [one] => parse_code(one)?,
        [reply, enhanced] => {
            if reply.contains('.') {
                bail!("a pair is a reply code then an enhanced status code, such as \"550 5.1.1\"");
            }
            let reply: ReplyCode = reply.parse()?;
            match parse_code(enhanced)? {
                Query::Enhanced(e) => Query::Pair(reply, e),
                _ => {
                    bail!("the second part of a pair must be an enhanced status code such as 5.1.1, found {enhanced:?}")
                }
            }
        }
        _ => bail!("expected a code or a pair such as \"550 5.1.1\", found {} words", words.len()),
    };
    Ok(query)
}

#[derive(Debug, Serialize)]
struct LookupJson<'a> {
    query: &'a str,
    reply: Option<ReplyJson>,
    enhanced: Option<EnhancedJson>,
    /// The code rules that give a bounce reason for these codes.
    reasons: Vec<CodeRuleJson>,
    /// The provider replies documented with these codes.
    vendor_replies: Vec<VendorJson>,
}

impl Query {
    fn reply_code(self) -> Option<ReplyCode> {
        match self {
            Self::Reply(r) | Self::Pair(r, _) => Some(r),
            _ => None,
        }
    }

    fn enhanced_query(self) -> Option<EnhancedQuery> {
        match self {
            Self::Enhanced(e) | Self::Pair(_, e) => Some(EnhancedQuery { class: Some(e.class()), pattern: e.into() }),
            Self::Pattern(pattern) => Some(EnhancedQuery { class: None, pattern }),
            Self::Reply(_) => None,
        }
    }

    /// The code rules for the query's codes, the enhanced code's first (they win in the
    /// classifier), without repeats.
    fn rules(self) -> Vec<&'static CodeRule> {
        let mut rules: Vec<&'static CodeRule> = Vec::new();
        let enhanced = self.enhanced_query().into_iter().flat_map(related::rules_for_enhanced);
        let reply = self.reply_code().into_iter().flat_map(related::rules_for_reply);
        for rule in enhanced.chain(reply) {
            if !rules.iter().any(|r| std::ptr::eq(*r, rule)) {
                rules.push(rule);
            }
        }
        rules
    }

    /// The provider replies with the query's codes: for a pair, those with both codes (or the
    /// one they document).
    fn vendor_replies(self) -> Vec<&'static ProviderReply> {
        match (self.reply_code(), self.enhanced_query()) {
            (Some(r), None) => related::vendor_replies_for_reply(r).collect(),
            (None, Some(e)) => related::vendor_replies_for_enhanced(e).collect(),
            (Some(r), Some(e)) => related::vendor_replies_for_enhanced(e)
                .filter(|v| v.reply_code().is_none_or(|c| c == r))
                .chain(related::vendor_replies_for_reply(r).filter(|v| v.enhanced().is_none()))
                .collect(),
            (None, None) => Vec::new(),
        }
    }
}

pub(crate) fn run(args: &Args, painter: Painter) -> Result<()> {
    // Read every argument before printing anything, so that a typo in the last one does not
    // leave half an answer behind.
    let queries = args
        .codes
        .iter()
        .map(|arg| parse_query(arg).with_context(|| format!("cannot look up {arg:?}")))
        .collect::<Result<Vec<_>>>()?;
    let stdout = io::stdout();
    let mut out = stdout.lock();
    for (i, (arg, query)) in args.codes.iter().zip(&queries).enumerate() {
        if args.json {
            let (reply, enhanced) = match *query {
                Query::Reply(r) => (Some(ReplyJson::new(r)), None),
                Query::Enhanced(e) => (None, Some(EnhancedJson::new(e))),
                Query::Pattern(p) => (None, Some(EnhancedJson::without_class(p))),
                Query::Pair(r, e) => (Some(ReplyJson::new(r)), Some(EnhancedJson::new(e))),
            };
            let reasons = query.rules().into_iter().map(CodeRuleJson::new).collect();
            let vendor_replies = query.vendor_replies().into_iter().map(VendorJson::new).collect();
            output::json_line(&mut out, &LookupJson { query: arg, reply, enhanced, reasons, vendor_replies })?;
        } else {
            if i > 0 {
                writeln!(out)?;
            }
            human(&mut out, painter, *query)?;
            related_lines(&mut out, painter, *query)?;
        }
    }
    out.flush()?;
    Ok(())
}

fn human(out: &mut impl Write, painter: Painter, query: Query) -> Result<()> {
    match query {
        Query::Reply(r) => reply(out, painter, r),
        Query::Enhanced(e) => enhanced(out, painter, e),
        Query::Pattern(p) => pattern(out, painter, p),
        Query::Pair(r, e) => {
            reply(out, painter, r)?;
            writeln!(out)?;
            enhanced(out, painter, e)?;
            if r.severity() != e.severity() {
                writeln!(out)?;
                writeln!(
                    out,
                    "Note: the reply code says {} but the enhanced code says {}. {}",
                    r.severity().title(),
                    e.severity().title(),
                    smtp_codes::Message::SeverityReplyCodeDecides.text()
                )?;
            }
            Ok(())
        }
    }
}

/// The reasons the query's code rules give and the provider replies with its codes.
fn related_lines(out: &mut impl Write, painter: Painter, query: Query) -> Result<()> {
    for rule in query.rules() {
        let bounce = if rule.reason().hard_bounce() { "hard" } else { "soft" };
        writeln!(
            out,
            "  Reason:     {} ({bounce}) by rule {}: {}",
            painter.paint(CODE, rule.reason().id()),
            rule.code(),
            rule.reason().title()
        )?;
    }
    for v in query.vendor_replies() {
        writeln!(out, "  Vendor:     {} {:?}: {}", v.provider().title(), v.text(), v.meaning())?;
        if !v.provider().docs().is_empty() {
            writeln!(out, "              {}", painter.paint(DIM, v.provider().docs()))?;
        }
    }
    Ok(())
}

fn reply(out: &mut impl Write, painter: Painter, code: ReplyCode) -> Result<()> {
    let first = code.first_digit_meaning();
    match code.known() {
        Some(k) => {
            writeln!(out, "{}  {}", painter.paint(CODE, code), k.title())?;
            writeln!(out, "  Kind:       {}, {} reply code", code.severity().title(), k.status())?;
            writeln!(out, "  Meaning:    {}", k.description())?;
            writeln!(out, "  Who acts:   {}", k.who_acts().title())?;
            writeln!(out, "  What to do: {}", k.action())?;
            if !k.commands().is_empty() {
                let commands: Vec<&str> = k.commands().iter().map(|c| c.as_str()).collect();
                writeln!(out, "  Commands:   {}", commands.join(", "))?;
            }
            for u in k.usages() {
                writeln!(out, "  With {} ({}): \"{}\" - {}", u.extension(), u.command(), u.text(), u.meaning())?;
            }
        }
        None => {
            writeln!(out, "{}  (not in the catalogue)", painter.paint(CODE, code))?;
            writeln!(out, "  Kind:       {}", code.severity().title())?;
            writeln!(out, "  Note:       {}", smtp_codes::Message::UnknownReplyCode.text())?;
        }
    }
    writeln!(out, "  Digit {}:    {} - {}", first.digit(), first.title(), first.description())?;
    match code.second_digit_meaning() {
        Some(d) => writeln!(out, "  Digit {}:    {} - {}", d.digit(), d.title(), d.description())?,
        None => writeln!(
            out,
            "  Digit {}:    not defined: RFC 5321 allows only 0-5 as the second digit",
            code.second_digit()
        )?,
    }
    if let Some(k) = code.known() {
        writeln!(out, "  Source:     {}", k.source())?;
    }
    Ok(())
}

fn enhanced(out: &mut impl Write, painter: Painter, code: EnhancedCode) -> Result<()> {
    let class = code.class_meaning();
    match code.known() {
        Some(k) => {
            writeln!(out, "{}  {}", painter.paint(CODE, code), k.title())?;
            writeln!(out, "  Kind:       {}", code.severity().title())?;
            if !code.is_registered_in_class() {
                let classes: Vec<String> = k.classes().iter().map(u8::to_string).collect();
                writeln!(
                    out,
                    "  Warning:    the registry allows {k} only in class {}, not {}",
                    classes.join(", "),
                    code.class()
                )?;
            }
            entry_lines(out, k)?;
        }
        None => {
            writeln!(out, "{}  (not in the IANA registry)", painter.paint(CODE, code))?;
            writeln!(out, "  Kind:       {}", code.severity().title())?;
            writeln!(out, "  Note:       {}", smtp_codes::Message::UnknownEnhancedCode.text())?;
        }
    }
    writeln!(out, "  Class {}:    {} - {}", class.class(), class.title(), class.description())?;
    subject_line(out, code.subject())?;
    if let Some(k) = code.known() {
        writeln!(out, "  Source:     {}", k.source())?;
    }
    Ok(())
}

fn pattern(out: &mut impl Write, painter: Painter, p: EnhancedPattern) -> Result<()> {
    let subject = p.subject();
    match p.known() {
        Some(k) => {
            writeln!(out, "{}  {}", painter.paint(CODE, k), k.title())?;
            let classes: Vec<String> = k.classes().iter().map(u8::to_string).collect();
            writeln!(out, "  Classes:    {}", classes.join(", "))?;
            entry_lines(out, k)?;
            subject_line(out, subject)?;
            writeln!(out, "  Source:     {}", k.source())?;
        }
        None => {
            writeln!(out, "{}  (not in the IANA registry)", painter.paint(CODE, p))?;
            subject_line(out, subject)?;
        }
    }
    Ok(())
}

fn entry_lines(out: &mut impl Write, k: KnownEnhanced) -> Result<()> {
    writeln!(out, "  Meaning:    {}", k.description())?;
    writeln!(out, "  Who acts:   {}", k.who_acts().title())?;
    writeln!(out, "  What to do: {}", k.action())?;
    let mut replies: Vec<String> = k.reply_codes().iter().map(ReplyCode::to_string).collect();
    replies.extend(k.reply_codes_note().map(str::to_owned));
    writeln!(out, "  Replies:    {}", replies.join(", "))?;
    writeln!(out, "  RFCs:       {} ({})", k.rfcs().join(", "), k.status())?;
    Ok(())
}

fn subject_line(out: &mut impl Write, subject: u16) -> Result<()> {
    match u8::try_from(subject).ok().and_then(smtp_codes::StatusSubject::from_subject) {
        Some(s) => writeln!(out, "  Subject {}:  {} - {}", s.subject(), s.title(), s.description())?,
        None => writeln!(out, "  Subject {subject}:  not defined by the registry")?,
    }
    Ok(())
}
