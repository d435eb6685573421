//! `smtp-codes lookup CODE...`: what the catalogue knows about reply codes, enhanced status
//! codes and reply/enhanced pairs.

use std::io::{self, Write};

use anyhow::{Context, Result, bail};
use serde::Serialize;
use smtp_codes::{EnhancedCode, KnownEnhanced, ReplyCode, Severity, WhoActs};

use crate::entries::{EnhancedJson, ReplyJson};
use crate::output;

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
    Pattern {
        subject: u16,
        detail: u16,
    },
    Pair(ReplyCode, EnhancedCode),
}

fn parse_code(token: &str) -> Result<Query> {
    if let Some(rest) = token.strip_prefix("X.").or_else(|| token.strip_prefix("x.")) {
        // Validate subject and detail with the wire parser, in a class it accepts, then drop the
        // class again; error positions still point into the original token.
        let code: EnhancedCode = format!("5.{rest}").parse()?;
        return Ok(Query::Pattern { subject: code.subject(), detail: code.detail() });
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
}

pub(crate) fn run(args: &Args) -> Result<()> {
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
                Query::Pattern { subject, detail } => (None, Some(EnhancedJson::without_class(subject, detail))),
                Query::Pair(r, e) => (Some(ReplyJson::new(r)), Some(EnhancedJson::new(e))),
            };
            output::json_line(&mut out, &LookupJson { query: arg, reply, enhanced })?;
        } else {
            if i > 0 {
                writeln!(out)?;
            }
            human(&mut out, *query)?;
        }
    }
    out.flush()?;
    Ok(())
}

fn who(w: WhoActs) -> &'static str {
    match w {
        WhoActs::Nobody => "nobody",
        WhoActs::Sender => "the sender",
        WhoActs::SenderAdmin => "the sender's administrator or provider",
        WhoActs::Recipient => "the recipient",
        WhoActs::RecipientAdmin => "the recipient's administrator",
        _ => w.as_str(),
    }
}

fn severity(s: Severity) -> &'static str {
    match s {
        Severity::Success => "success",
        Severity::Intermediate => "intermediate (the server waits for more)",
        Severity::Transient => "temporary failure",
        Severity::Permanent => "permanent failure",
        _ => s.as_str(),
    }
}

fn human(out: &mut impl Write, query: Query) -> Result<()> {
    match query {
        Query::Reply(r) => reply(out, r),
        Query::Enhanced(e) => enhanced(out, e),
        Query::Pattern { subject, detail } => pattern(out, subject, detail),
        Query::Pair(r, e) => {
            reply(out, r)?;
            writeln!(out)?;
            enhanced(out, e)?;
            if r.first_digit() != e.class() {
                writeln!(out)?;
                writeln!(
                    out,
                    "Note: the reply code says {} but the enhanced code says {}; RFC 3463 requires them to agree.",
                    severity(r.severity()),
                    severity(e.severity())
                )?;
            }
            Ok(())
        }
    }
}

fn reply(out: &mut impl Write, code: ReplyCode) -> Result<()> {
    let first = code.first_digit_meaning();
    match code.known() {
        Some(k) => {
            writeln!(out, "{code}  {}", k.title())?;
            writeln!(out, "  Kind:       {}, {} reply code", severity(code.severity()), k.status())?;
            writeln!(out, "  Meaning:    {}", k.description())?;
            writeln!(out, "  Who acts:   {}", who(k.who_acts()))?;
            writeln!(out, "  What to do: {}", k.action())?;
            if !k.commands().is_empty() {
                let commands: Vec<&str> = k.commands().iter().map(|c| c.as_str()).collect();
                writeln!(out, "  Commands:   {}", commands.join(", "))?;
            }
            for u in k.usages() {
                writeln!(out, "  With {} ({}): \"{}\" - {}", u.extension, u.command, u.text, u.meaning)?;
            }
        }
        None => {
            writeln!(out, "{code}  (not in the catalogue)")?;
            writeln!(
                out,
                "  Kind:       {}; no standard or known provider defines this code",
                severity(code.severity())
            )?;
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

fn enhanced(out: &mut impl Write, code: EnhancedCode) -> Result<()> {
    let class = code.class_meaning();
    match code.known() {
        Some(k) => {
            writeln!(out, "{code}  {}", k.title())?;
            writeln!(out, "  Kind:       {}", severity(code.severity()))?;
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
            writeln!(out, "{code}  (not in the IANA registry)")?;
            writeln!(out, "  Kind:       {}", severity(code.severity()))?;
        }
    }
    writeln!(out, "  Class {}:    {} - {}", class.class(), class.title(), class.description())?;
    subject_line(out, code.subject())?;
    if let Some(k) = code.known() {
        writeln!(out, "  Source:     {}", k.source())?;
    }
    Ok(())
}

fn pattern(out: &mut impl Write, subject: u16, detail: u16) -> Result<()> {
    match KnownEnhanced::from_parts(subject, detail) {
        Some(k) => {
            writeln!(out, "{k}  {}", k.title())?;
            let classes: Vec<String> = k.classes().iter().map(u8::to_string).collect();
            writeln!(out, "  Classes:    {}", classes.join(", "))?;
            entry_lines(out, k)?;
            subject_line(out, subject)?;
            writeln!(out, "  Source:     {}", k.source())?;
        }
        None => {
            writeln!(out, "X.{subject}.{detail}  (not in the IANA registry)")?;
            subject_line(out, subject)?;
        }
    }
    Ok(())
}

fn entry_lines(out: &mut impl Write, k: KnownEnhanced) -> Result<()> {
    writeln!(out, "  Meaning:    {}", k.description())?;
    writeln!(out, "  Who acts:   {}", who(k.who_acts()))?;
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
