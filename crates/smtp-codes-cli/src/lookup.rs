//! `smtp-codes lookup CODE...`: what the catalogue knows about reply codes, enhanced status
//! codes and reply/enhanced pairs, with the bounce reasons their code rules give and the provider
//! replies that carry them.

use std::io::{self, Write};

use anyhow::{Context, Result};
use smtp_codes::{EnhancedCode, EnhancedPattern, KnownEnhanced, ReplyCode};
use smtp_codes_report::lookup::{Lookup, Query};

use crate::output;
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

pub(crate) fn run(args: &Args, painter: Painter) -> Result<()> {
    // Read every argument before printing anything, so that a typo in the last one does not
    // leave half an answer behind.
    let queries = args
        .codes
        .iter()
        .map(|arg| arg.parse::<Query>().with_context(|| format!("cannot look up {arg:?}")))
        .collect::<Result<Vec<_>>>()?;
    let stdout = io::stdout();
    let mut out = stdout.lock();
    for (i, (arg, query)) in args.codes.iter().zip(&queries).enumerate() {
        if args.json {
            output::json_line(&mut out, &Lookup::new(arg, *query))?;
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
        _ => Ok(()),
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
    for v in query.provider_replies() {
        writeln!(out, "  Provider:   {} {:?}: {}", v.provider().title(), v.text(), v.meaning())?;
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
