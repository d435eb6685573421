//! `smtp-codes explain [TEXT]...`: what one reply or bounce line means, how final it is, why
//! it bounced, who must act and what to do.

use std::ffi::OsString;
use std::io::{self, Write};

use anyhow::{Result, bail};
use smtp_codes::classify::explain_with;
use smtp_codes::classify::{Classification, NoRetry, Rule};
use smtp_codes::explain::{Explanation, SeverityRule};
use smtp_codes::{Message, Severity};

use smtp_codes_report::{Explained, one_line};

use crate::bounce;
use crate::context::ContextArgs;
use crate::input;
use crate::output;
use crate::style::{CODE, DIM, LABEL, Painter, WARNING};

#[derive(Debug, clap::Args)]
pub(crate) struct Args {
    /// The reply or bounce text, such as "550 5.1.1 <bob@example.org>: User unknown". Several
    /// words are joined with spaces; with none, or `-`, standard input is read.
    #[arg(value_name = "TEXT")]
    text: Vec<OsString>,
    #[command(flatten)]
    context: ContextArgs,
    /// Print one JSON object.
    #[arg(long)]
    json: bool,
}

pub(crate) fn run(args: &Args, painter: Painter) -> Result<()> {
    let text = match input::explain_input(&args.text)? {
        input::ExplainInput::Text(text) => text,
        input::ExplainInput::Message { name, bytes } => {
            return bounce::explain_message(&name, bytes, args.json, painter);
        }
    };
    if text.trim_ascii().is_empty() {
        bail!("nothing to explain: give a reply text as arguments or on standard input");
    }
    let context = args.context.context();
    let explanation = explain_with(&text, &context);
    let stdout = io::stdout();
    let mut out = stdout.lock();
    if args.json {
        output::json_line(&mut out, &Explained::new(&text, &explanation, &context))?;
    } else {
        human(&mut out, painter, &text, &explanation, &args.context)?;
    }
    out.flush()?;
    Ok(())
}

/// The width of the labels in the left column.
const LABEL_WIDTH: usize = 15;

/// Writes labelled lines: the label on the first, the continuation lines indented under it.
struct Sheet<'w, W: Write> {
    out: &'w mut W,
    painter: Painter,
}

impl<W: Write> Sheet<'_, W> {
    fn line(&mut self, label: &str, text: impl std::fmt::Display) -> io::Result<()> {
        let padded = format!("{label:<LABEL_WIDTH$}");
        writeln!(self.out, "  {}{text}", self.painter.paint(LABEL, padded))
    }

    fn more(&mut self, text: impl std::fmt::Display) -> io::Result<()> {
        writeln!(self.out, "  {:LABEL_WIDTH$}{text}", "")
    }

    fn list<T: std::fmt::Display>(&mut self, label: &str, items: impl IntoIterator<Item = T>) -> io::Result<()> {
        for (i, item) in items.into_iter().enumerate() {
            if i == 0 {
                self.line(label, item)?;
            } else {
                self.more(item)?;
            }
        }
        Ok(())
    }
}

fn human(
    out: &mut impl Write,
    painter: Painter,
    input: &[u8],
    e: &Explanation<'_>,
    context: &ContextArgs,
) -> Result<()> {
    let classification = e.classification().copied();
    let severity = e.severity();
    let (title, description) = (severity.title(), severity.description());
    let headline = match headline_subject(e, classification) {
        Some(subject) => format!("{title}: {}", sentence_case(subject)),
        None => title.to_owned(),
    };
    writeln!(out, "{}", painter.paint(Painter::severity_style(severity), headline))?;
    writeln!(out, "{description}")?;
    writeln!(out)?;

    let mut sheet = Sheet { out, painter };
    reply_lines(&mut sheet, e)?;
    enhanced_lines(&mut sheet, e)?;
    if let Some(c) = classification {
        classification_lines(&mut sheet, &c)?;
    }
    let command = context.command.or(e.diagnosis().command());
    if let Some(command) = command {
        sheet.line("Command", command)?;
    }
    match e.classification().and_then(Classification::no_retry) {
        Some(NoRetry::ProviderReply(r)) => {
            sheet.line("Retry", format_args!("no: {}'s reply {:?} says so", r.provider().title(), r.match_text()))?;
        }
        Some(NoRetry::Phrase(p)) => sheet.line("Retry", format_args!("no: the text says {:?}", p.phrase()))?,
        _ => sheet.line("Retry", if e.retry() { "yes" } else { "no" })?,
    }
    sheet.line("Who acts", e.who_acts().title())?;
    let actions: Vec<String> = e.actions().enumerate().map(|(i, a)| format!("{}. {a}", i + 1)).collect();
    sheet.list("What to do", actions)?;
    if matches!(e.severity_rule(), SeverityRule::ReplyCodeDecides | SeverityRule::NoCode) {
        sheet.line("Outcome", e.severity_rule().message().text())?;
    }
    sheet.list("Note", e.notes().map(|m| m.text()))?;
    let warnings: Vec<String> = e.warnings().iter().map(|w| painter.paint(WARNING, w).to_string()).collect();
    sheet.list("Warning", warnings)?;
    let text = one_line(input, e);
    if !text.is_empty() {
        sheet.line("Text", painter.paint(DIM, text))?;
    }
    Ok(())
}

/// Lower-cases a title's first letter so it reads on after a colon ("The recipient's mailbox"
/// becomes "the recipient's mailbox"), but leaves acronyms such as "SPF" alone.
fn sentence_case(title: &str) -> String {
    let mut chars = title.chars();
    match (chars.next(), chars.next()) {
        (Some(first), Some(second)) if first.is_uppercase() && !second.is_uppercase() => {
            first.to_lowercase().chain(title[first.len_utf8()..].chars()).collect()
        }
        _ => title.to_owned(),
    }
}

/// What the headline names after the severity: the bounce reason when a rule decided it, else
/// the most specific code's title.
fn headline_subject(e: &Explanation<'_>, c: Option<Classification>) -> Option<&'static str> {
    match c {
        // A success is named by its reply code: its enhanced code's subject may be one the
        // registry lists for failures only (`250 2.6.0`).
        _ if e.severity() == Severity::Success => e.reply().map(|k| k.title()),
        Some(c) if !matches!(c.rule(), Rule::Fallback) => Some(c.reason().title()),
        _ => e.enhanced().map(|k| k.title()).or(e.reply().map(|k| k.title())),
    }
}

fn reply_lines<W: Write>(sheet: &mut Sheet<'_, W>, e: &Explanation<'_>) -> io::Result<()> {
    let Some(code) = e.reply_code() else { return Ok(()) };
    let painter = sheet.painter;
    let code_text = painter.paint(CODE, code);
    match e.reply() {
        Some(k) => sheet.line("Reply code", format_args!("{code_text}  {}", k.title()))?,
        None => sheet.line("Reply code", code_text)?,
    }
    if let Some(first) = e.first_digit() {
        sheet.more(format_args!("digit {}  {}", first.digit(), first.title()))?;
    }
    if let Some(second) = e.second_digit() {
        sheet.more(format_args!("digit {}  {}", second.digit(), second.title()))?;
    }
    Ok(())
}

fn enhanced_lines<W: Write>(sheet: &mut Sheet<'_, W>, e: &Explanation<'_>) -> io::Result<()> {
    let Some(code) = e.enhanced_code() else { return Ok(()) };
    let painter = sheet.painter;
    let code_text = painter.paint(CODE, code);
    match e.enhanced() {
        Some(k) => sheet.line("Enhanced code", format_args!("{code_text}  {}", k.title()))?,
        None => sheet.line("Enhanced code", code_text)?,
    }
    if let Some(class) = e.class() {
        sheet.more(format_args!("class {}    {}", class.class(), class.title()))?;
    }
    match e.subject() {
        Some(subject) => sheet.more(format_args!("subject {}  {}", subject.subject(), subject.title()))?,
        None => sheet.more(format_args!("subject {}  -", code.subject()))?,
    }
    match e.enhanced() {
        // A failure's description would misread a success (`250 2.6.0 Queued mail for delivery`).
        Some(k) if e.severity() == Severity::Success && !k.allows_class(code.class()) => {
            sheet.more(format_args!("detail {}   {} (listed for failures only)", code.detail(), k.title()))?;
        }
        Some(k) => sheet.more(format_args!("detail {}   {}", code.detail(), k.description()))?,
        None => {}
    }
    Ok(())
}

fn classification_lines<W: Write>(sheet: &mut Sheet<'_, W>, c: &Classification) -> io::Result<()> {
    let painter = sheet.painter;
    if let Some(provider) = c.provider() {
        match c.provider_reply() {
            Some(reply) => sheet.line("Provider", format_args!("{}: {}", provider.title(), reply.meaning()))?,
            None => sheet.line("Provider", provider.title())?,
        }
        if !provider.docs().is_empty() {
            sheet.more(painter.paint(DIM, provider.docs()))?;
        }
    }
    let reason = c.reason();
    let bounce = match (c.hard_bounce(), c.reason().id()) {
        (true, _) => Message::BounceHard.text(),
        (false, "delivered") => Message::NotABounce.text(),
        (false, _) => Message::BounceSoft.text(),
    };
    sheet.line("Reason", format_args!("{}  {} ({bounce})", painter.paint(CODE, reason.id()), reason.title()))?;
    sheet.more(reason.description())?;
    match c.rule() {
        Rule::ProviderReply(r) => sheet.line(
            "Decided by",
            format_args!("{}'s reply {:?} ({})", r.provider().title(), r.match_text(), r.source()),
        )?,
        Rule::Phrase(r) => match r.command() {
            Some(command) => sheet.line("Decided by", format_args!("phrase {:?} after {command}", r.phrase()))?,
            None => sheet.line("Decided by", format_args!("phrase {:?}", r.phrase()))?,
        },
        Rule::Terms(r) => {
            let words = r.all().iter().map(|w| format!("{w:?}")).collect::<Vec<_>>().join(" + ");
            match r.command() {
                Some(command) => sheet.line("Decided by", format_args!("the words {words} after {command}"))?,
                None => sheet.line("Decided by", format_args!("the words {words}"))?,
            }
        }
        Rule::Code(r) => sheet.line("Decided by", format_args!("code rule {} ({})", r.code(), r.source()))?,
        Rule::SenderStage(_) => sheet.line("Decided by", Message::SenderStage.text())?,
        Rule::Report(kind) => {
            sheet.line("Decided by", format_args!("the message's report type ({})", kind.as_str()))?
        }
        _ => sheet.line("Decided by", Message::NoRuleMatched.text())?,
    }
    Ok(())
}
