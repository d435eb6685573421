//! Decoding one message: line endings, MIME, then the first reader whose format the message
//! has (feedback report, read receipt, delivery-status part, challenge-response message,
//! automatic reply, plain-text bounce).

use std::borrow::Cow;

use mail_parser::{Message, PartType};
use smtp_codes::Severity;
use smtp_codes::classify::{Classification, Classifier, ReportKind, Rule};
use smtp_codes::formats::Format;

use crate::decoded::{Decoded, DecodedBy, Feedback, MessageKind};
use crate::dsn::{self, PerMessage};
use crate::recipient::{Action, Facts};
use crate::{
    DecodeWarning, MAX_MESSAGE, Recipient, autoreply, challenge, esp, fields, format, generic, mime, returned,
};

/// `\r\n` and bare `\r` become `\n`, so that every line ending gives the same result.
pub(crate) fn normalise(bytes: &[u8]) -> Cow<'_, [u8]> {
    if memchr::memchr(b'\r', bytes).is_none() {
        return Cow::Borrowed(bytes);
    }
    let mut out = Vec::with_capacity(bytes.len());
    let mut rest = bytes;
    while let Some(at) = memchr::memchr(b'\r', rest) {
        out.extend_from_slice(&rest[..at]);
        out.push(b'\n');
        rest = &rest[at + 1..];
        if rest.first() == Some(&b'\n') {
            rest = &rest[1..];
        }
    }
    out.extend_from_slice(rest);
    Cow::Owned(out)
}

/// The most `message/rfc822` (or `message/global`) parts read. mail-parser nests each such
/// part in the one around it, and building and dropping those nested values recurses once per
/// level: a message of ten thousand of them would exhaust the stack. A bounce holds one.
const MAX_NESTED_MESSAGES: usize = 64;

/// `body` up to the line that opens a `message/rfc822` part beyond [`MAX_NESTED_MESSAGES`],
/// whether it was cut there, and the starts of the first such lines (for
/// [`returned::headers_only`]). One pass over the line starts.
fn cut_deep(body: &[u8]) -> (&[u8], bool, Vec<usize>) {
    let mut count = 0;
    let mut start = 0;
    let mut nested = Vec::new();
    loop {
        let line = &body[start..];
        if line.len() >= 13 && line[..13].eq_ignore_ascii_case(b"content-type:") {
            let value = line[13..]
                .iter()
                .position(|b| !matches!(b, b' ' | b'\t' | b'\n'))
                .map_or(&line[..0], |p| &line[13 + p..]);
            let is_nested = [&b"message/rfc822"[..], b"message/global"]
                .iter()
                .any(|m| value.len() >= m.len() && value[..m.len()].eq_ignore_ascii_case(m));
            if is_nested {
                count += 1;
                if count > MAX_NESTED_MESSAGES {
                    return (&body[..start], true, nested);
                }
                if nested.len() < returned::CANDIDATES && returned::opens_message(line) {
                    nested.push(start);
                }
            }
        }
        match memchr::memchr(b'\n', line) {
            Some(end) => start += end + 1,
            None => return (body, false, nested),
        }
    }
}

/// The classification of a kind that is not decided by a reply: the core's classifier on a
/// text naming the kind (the catalogue's `vacation` and `feedback` phrases).
pub(crate) fn decode(message: &[u8], classifier: &Classifier, skip: &[&str]) -> Decoded {
    if message.len() > MAX_MESSAGE {
        return Decoded::not_a_bounce(vec![DecodeWarning::TooLarge { size: message.len() }]);
    }
    let normal = normalise(message);
    let mut body: &[u8] = &normal;
    body = body.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(body);
    // An mbox separator line before the headers.
    if body.starts_with(b"From ")
        && let Some(end) = memchr::memchr(b'\n', body)
    {
        body = &body[end + 1..];
    }
    if !crate::looks_like_message(body) {
        return pasted(body, classifier, skip);
    }
    let (body, cut, nested) = cut_deep(body);
    // The returned original's body is never read: mail-parser is not given it.
    let body = returned::headers_only(body, &nested);
    let body: &[u8] = &body;
    let refolded = refolded(body);
    let body = refolded.as_deref().unwrap_or(body);
    let Some(parsed) = mime::parser().parse(body) else {
        return pasted(body, classifier, skip);
    };
    // Delivery-status fields where the headers should be, and none of a message's own: a
    // pasted report. (Some MTAs put `Original-Recipient` among a bounce's headers.)
    let report_fields = ["final-recipient", "reporting-mta"].iter().any(|n| mime::has_header(&parsed, n));
    let message_headers =
        ["from", "subject", "date", "content-type", "received"].iter().any(|n| mime::has_header(&parsed, n));
    if report_fields && !message_headers {
        return pasted(body, classifier, skip);
    }
    let mut decoded = from_message(&parsed, classifier, skip, 0);
    if cut {
        decoded.warnings.push(DecodeWarning::TooDeep);
    }
    decoded
}

/// The message with its header block's broken folds mended, or `None` when it has none: a
/// parameter list that goes on at the start of the next line (`Content-Type: multipart/report;
/// report-type=feedback-report;` then `boundary="..."` unindented, as the ARF draft's sample
/// and the mail written from it have it) would end the header there and lose the boundary. Such
/// a line, after one ending in `;`, that is not itself a `Name:` header line, is made a
/// continuation by indenting it.
fn refolded(message: &[u8]) -> Option<Vec<u8>> {
    let end = memchr::memmem::find(message, b"\n\n").unwrap_or(message.len());
    let head = &message[..end];
    let broken: Vec<usize> = memchr::memmem::find_iter(head, b";\n")
        .map(|at| at + 2)
        .filter(|&next| next < head.len() && !head[next].is_ascii_whitespace() && !starts_header(&head[next..]))
        .collect();
    if broken.is_empty() {
        return None;
    }
    let mut out = Vec::with_capacity(message.len() + broken.len());
    let mut copied = 0;
    for at in broken {
        out.extend_from_slice(&message[copied..at]);
        out.push(b' ');
        copied = at;
    }
    out.extend_from_slice(&message[copied..]);
    Some(out)
}

/// Whether `line` starts with a header field name and its colon (RFC 5322: printable ASCII but
/// the colon, then `:`).
fn starts_header(line: &[u8]) -> bool {
    let name = line.iter().take_while(|&&b| (b'!'..=b'~').contains(&b) && b != b':').count();
    name > 0 && line.get(name) == Some(&b':')
}

/// A bounce body without the message's headers: its delivery-status fields when it has them,
/// else the generic reader.
fn pasted(body: &[u8], classifier: &Classifier, skip: &[&str]) -> Decoded {
    let text = String::from_utf8_lossy(body);
    let mut decoded = Decoded::not_a_bounce(Vec::new());
    let (before, original) = split_original(&text);
    decoded.original = original;
    if let Some(result) = inline_dsn(before, classifier, &decoded) {
        return result;
    }
    let format = format::recognise(before, &|_| None, skip).map(|f| f.format);
    let facts = plain_text(before, &[], format);
    if facts.is_empty() || facts.iter().all(|f| f.diagnostic.is_empty()) {
        decoded.original = None;
        decoded.warnings.push(DecodeWarning::NotMail);
        return decoded;
    }
    let delayed = generic::says_delay(before);
    let result = finish_generic(decoded, facts, format, delayed, classifier);
    // Without headers, only the text can say it is a bounce: a format's markers, a code, or an
    // error text the classifier knows. Addresses on lines of their own with ordinary words
    // around them (a mailing list's digest footer) are not.
    // A reply code alone, with no address and no rule that knows the text, is not evidence
    // either: three digits in a pasted text may be a telephone number ("021 555 3013").
    let evidence = format.is_some()
        || result.recipients.iter().any(|r| {
            let known = !matches!(r.classification().rule(), Rule::Fallback);
            known || r.status().is_some() || (r.reply_code().is_some() && r.recipient().is_some())
        });
    if !evidence {
        let mut decoded = Decoded::not_a_bounce(Vec::new());
        decoded.warnings.push(DecodeWarning::NotMail);
        return decoded;
    }
    result
}

/// The text before the copy of the original, and the original's headers.
fn split_original(text: &str) -> (&str, Option<crate::Original>) {
    let (before, copy) = split_copy(text);
    (before, copy.and_then(|c| mime::headers_of(c.as_bytes())))
}

/// The text before the copy of the original, and the copy (from its first header line).
fn split_copy(text: &str) -> (&str, Option<&str>) {
    match generic::original_start(text) {
        Some((at, after)) => (&text[..at], Some(text[after..].trim_start_matches(['\n', ' ', '\t']))),
        None => (text, None),
    }
}

/// Delivery-status fields written inline in a text (no `message/delivery-status` part).
fn inline_dsn(text: &str, classifier: &Classifier, decoded: &Decoded) -> Option<Decoded> {
    let has_field = |name: &str| {
        text.lines().any(|l| l.len() > name.len() && l.as_bytes()[..name.len()].eq_ignore_ascii_case(name.as_bytes()))
    };
    if !(has_field("final-recipient:") && (has_field("action:") || has_field("status:"))) {
        return None;
    }
    let mut per_message = PerMessage::default();
    let facts = dsn::read(text, &mut per_message);
    if facts.is_empty() {
        return None;
    }
    let mut d = decoded.clone();
    d.per_message = per_message;
    Some(finish_dsn(d, facts, &[text], classifier))
}

/// How many messages wrapped in one another are unwrapped to find a bounce.
const MAX_WRAPPED: u8 = 2;

/// A whole message, parsed.
fn from_message(parsed: &Message<'_>, classifier: &Classifier, skip: &[&str], depth: u8) -> Decoded {
    let parts = mime::parts(parsed);
    let mut decoded = Decoded::not_a_bounce(Vec::new());
    decoded.date = mime::date(parsed);
    decoded.subject = parsed.subject().map(str::to_owned);
    let report_type = parts.report_type.as_deref();

    // The human-readable text, before any inline copy of the original.
    let mut copies = Vec::new();
    let texts: Vec<&str> = parts
        .texts
        .iter()
        .map(|t| {
            let (before, copy) = split_copy(t);
            copies.extend(copy);
            before
        })
        .collect();
    // The headers of an inline copy are parsed only when no MIME part gives the original's.
    decoded.original = parts.original.clone().or_else(|| copies.iter().find_map(|c| mime::headers_of(c.as_bytes())));

    // An ESP's event JSON as the whole text (Amazon SES notifications by SNS e-mail).
    if let Some(events) = texts.iter().find_map(|t| esp::events(t)) {
        return esp::decode(decoded, &events, classifier);
    }
    // A feedback report, or Microsoft's and Amazon SES's complaint, which has no report part:
    // the complained-of message attached to a message from their complaints address.
    if parts.feedback.is_some() || report_type == Some("feedback-report") {
        return feedback(decoded, parts.feedback.as_deref().unwrap_or(""));
    }
    let from = mime::from_address(parsed);
    if is_complaint(from.as_deref(), decoded.subject.as_deref()) {
        return feedback(decoded, "Feedback-Type: abuse");
    }
    // A read receipt, unless it says a filter deleted the message (a Sieve `reject`).
    if parts.disposition || report_type == Some("disposition-notification") {
        if let Some(fields) = parts.disposition_fields.as_deref()
            && let Some(rejected) = sieve_reject(&decoded, fields, &texts, classifier)
        {
            return rejected;
        }
        decoded.original = None;
        return decoded;
    }
    // Delivery-status parts.
    if !parts.delivery_status.is_empty() {
        let mut per_message = PerMessage::default();
        let mut facts = Vec::new();
        for status in &parts.delivery_status {
            facts.extend(dsn::read(status, &mut per_message));
        }
        // A challenge-response system that writes its challenge as a report of its own, its
        // diagnostics of a type of its own and none a remote server's SMTP reply (Boxbe's
        // `Diagnostic-Code: X-Boxbe-Notice; Sender not pre-approved`), is no bounce. A remote
        // server's refusal is one, whatever it says.
        let smtp = |f: &Facts| f.diagnostic_type.as_deref().map(|t| t.eq_ignore_ascii_case("smtp"));
        let own_diagnostics =
            facts.iter().any(|f| smtp(f) == Some(false)) && !facts.iter().any(|f| smtp(f) == Some(true));
        if own_diagnostics {
            let lost = mime::lost_headers(parsed);
            let header = |name: &str| mime::header_text(parsed, name, lost);
            let names = mime::header_names(parsed);
            if let Some(system) = challenge::detect(&names, header, decoded.subject.as_deref(), &texts.join("\n\n")) {
                decoded.original = None;
                decoded.challenge = Some(system);
                return decoded;
            }
        }
        if !facts.is_empty() {
            decoded.per_message = per_message;
            return finish_dsn(decoded, facts, &texts, classifier);
        }
        decoded.warnings.push(DecodeWarning::NoRecipient);
    }
    let joined = texts.join("\n\n");
    // A bounce forwarded with its lines quoted is read as the bounce it quotes.
    let joined = generic::unquoted(&joined).unwrap_or(joined);
    if let Some(result) = inline_dsn(&joined, classifier, &decoded) {
        return result;
    }

    let lost = mime::lost_headers(parsed);
    let header = |name: &str| mime::header_text(parsed, name, lost);
    let failed: Vec<String> = header("x-failed-recipients")
        .map(|v| v.split(',').filter_map(|a| fields::address(a.trim())).collect())
        .unwrap_or_default();
    let subject = decoded.subject.as_deref().unwrap_or("").to_lowercase().replace(['-', '_', ':'], " ");
    let subject = subject.split_whitespace().collect::<Vec<_>>().join(" ");
    // The subject's first words, as Sisimai keys them (a tag such as `[Postmaster]` before).
    let subject = subject.strip_prefix('[').and_then(|s| s.split_once(']')).map_or(subject.as_str(), |(_, s)| s.trim());
    let bounce_subject = generic::bounce_subject(subject);
    let sender = from.clone().or_else(|| header("from")).unwrap_or_default().to_ascii_lowercase();
    let local = sender.rsplit_once('@').map_or(sender.as_str(), |(l, _)| l);
    let local = local.rsplit(['<', ' ']).next().unwrap_or(local);
    let bounce_sender = generic::BOUNCE_SENDERS.iter().any(|(s, _)| *s == local);
    let found = format::recognise(&joined, &header, skip);
    let format = found.map(|f| f.format);
    // A delivery-status part that named no recipient is a bounce all the same; a format known
    // only from its headers (a mailer's `X-Mailer`) is not evidence of a bounce by itself.
    let bounce_like = !failed.is_empty()
        || bounce_subject
        || bounce_sender
        || found.is_some_and(|f| f.by_text)
        || !parts.delivery_status.is_empty();
    // A challenge-response message, then an automatic reply: never one that looks like a
    // bounce. Challenges come first, as some carry `Auto-Submitted: auto-replied` (TMDA's).
    if !bounce_like {
        let names = mime::header_names(parsed);
        if let Some(system) = challenge::detect(&names, header, decoded.subject.as_deref(), &joined) {
            decoded.original = None;
            decoded.challenge = Some(system);
            return decoded;
        }
        if autoreply::is_auto_reply(header, decoded.subject.as_deref(), from.as_deref()) {
            return vacation(decoded, from, &joined);
        }
    }
    // A plain-text bounce.
    if bounce_like {
        let facts = plain_text(&joined, &failed, format);
        if !facts.is_empty() {
            return finish_generic(decoded, facts, format, generic::says_delay(&joined), classifier);
        }
    }
    // A bounce wrapped whole in a message that says it is one but gives no recipient itself (a
    // gateway that re-sent the report as an attachment): the attached message is decoded.
    if (bounce_like || report_type == Some("delivery-status"))
        && parts.delivery_status.is_empty()
        && depth < MAX_WRAPPED
        && let Some(PartType::Message(inner)) =
            parts.attached.and_then(|id| parsed.parts.get(id as usize)).map(|p| &p.body)
    {
        let mut wrapped = from_message(inner, classifier, skip, depth + 1);
        if !wrapped.recipients.is_empty() {
            wrapped.warnings.push(DecodeWarning::Wrapped);
            return wrapped;
        }
    }
    // A delivery-status part that names no recipient, and no text that does: a bounce of an
    // unknown recipient.
    if !parts.delivery_status.is_empty() {
        let mut d = finish_dsn(decoded, vec![Facts::default()], &texts, classifier);
        d.warnings.push(DecodeWarning::NoRecipient);
        d.warnings.dedup();
        return d;
    }
    // A message that is a bounce by both its subject and its sender (`Returned mail` from
    // `MAILER-DAEMON`) but whose text names no recipient any reader finds is a bounce of an
    // unknown recipient, the text's first lines its diagnostic; "not a bounce" would lose it.
    if bounce_subject && bounce_sender {
        let first: Vec<&str> =
            joined.lines().map(str::trim).filter(|l| !l.is_empty()).take(generic::MAX_ERROR_LINES).collect();
        if !first.is_empty() {
            let facts = vec![Facts { diagnostic: first.join(" "), ..Facts::default() }];
            let mut d = finish_generic(decoded, facts, format, generic::says_delay(&joined), classifier);
            d.warnings.push(DecodeWarning::NoRecipientInText);
            return d;
        }
    }
    decoded.original = None;
    decoded
}

/// What a recipient's row says happened: its `Action`, else the class of its codes.
fn effective_action(r: &Recipient) -> Action {
    if let Some(a) = r.action() {
        return a;
    }
    match Severity::of(r.reply_code(), r.status()) {
        Severity::Success => Action::Delivered,
        Severity::Transient => Action::Delayed,
        _ => Action::Failed,
    }
}

pub(crate) fn kind_of(recipients: &[Recipient]) -> MessageKind {
    let actions: Vec<Action> = recipients.iter().map(effective_action).collect();
    if actions.contains(&Action::Failed) {
        MessageKind::Bounce
    } else if actions.contains(&Action::Delayed) {
        MessageKind::Delay
    } else {
        MessageKind::Delivered
    }
}

/// Decides the recipients of a delivery-status report. A recipient without a
/// `Diagnostic-Code` takes the error text the human-readable part gives for its address.
fn finish_dsn(mut decoded: Decoded, mut facts: Vec<Facts>, texts: &[&str], classifier: &Classifier) -> Decoded {
    // Each look is a pass over the texts: for the first recipients only, so that a report of
    // thousands stays linear.
    for f in facts.iter_mut().take(generic::MAX_SEARCHED) {
        if let Some(whole) = whole_reply(&f.diagnostic, texts) {
            f.diagnostic = whole;
        }
    }
    if facts.iter().any(|f| f.diagnostic.is_empty()) && !texts.is_empty() {
        let joined = texts.join("\n\n");
        let lines = generic::ErrorLines::new(&joined);
        let single = facts.len() == 1;
        for f in facts.iter_mut().filter(|f| f.diagnostic.is_empty()) {
            let by_address = f.recipient.as_deref().and_then(|a| lines.error_for(a));
            // One recipient: the paragraph with a reply code is its.
            let text = by_address.or_else(|| if single { generic::coded_paragraph(&joined) } else { None });
            if let Some(text) = text {
                f.diagnostic = text;
            }
        }
    }
    for f in facts.iter_mut().filter(|f| f.diagnostic.is_empty()) {
        if let Some(comment) = f.status_comment.take() {
            f.diagnostic = comment;
        }
    }
    decoded.recipients = facts.into_iter().map(|f| Recipient::decide(f, classifier)).collect();
    decoded.kind = kind_of(&decoded.recipients);
    decoded.decoded_by = DecodedBy::Rfc3464;
    decoded
}

/// The whole multi-line reply whose first line alone a `Diagnostic-Code` holds (`550-Verification
/// failed for <alice@...>`, as Sendmail writes it), from the transcript of the session in the
/// report's text (`<<< 550-Verification failed ...`, `<<< 550-...`, `<<< 550 Sender verify
/// failed`): the line and the continuation lines of the same code below it, on one line. `None`
/// when the diagnostic is not such a first line or no text holds it.
fn whole_reply(diagnostic: &str, texts: &[&str]) -> Option<String> {
    let first = diagnostic.trim();
    let b = first.as_bytes();
    if b.len() < 5 || !b[..3].iter().all(u8::is_ascii_digit) || b[3] != b'-' {
        return None;
    }
    let code = &first[..3];
    for text in texts {
        let lines: Vec<&str> = text.lines().collect();
        let Some(at) = lines.iter().position(|l| reply_line(l) == first) else { continue };
        let mut whole = first.to_owned();
        for line in lines[at + 1..].iter().map(|l| reply_line(l)) {
            let Some(rest) = line.strip_prefix(code) else { break };
            match rest.as_bytes().first() {
                Some(b'-') => {
                    whole.push(' ');
                    whole.push_str(line);
                }
                Some(b' ') => {
                    whole.push(' ');
                    whole.push_str(line);
                    break;
                }
                _ => break,
            }
        }
        return (whole.len() > first.len()).then_some(whole);
    }
    None
}

/// A transcript's line without its `<<< ` (a reply the server sent), trimmed.
fn reply_line(line: &str) -> &str {
    let line = line.trim();
    line.strip_prefix("<<<").map_or(line, str::trim_start)
}

/// The recipients of a plain-text bounce: in the error section of its format, when one is
/// recognised, those the format names after its recipient texts, then those the generic reader
/// finds there.
fn plain_text(text: &str, failed: &[String], format: Option<&'static Format>) -> Vec<Facts> {
    let section = format.map_or(text, |f| format::section(text, f));
    let mut facts = recipients_in(section, failed, format);
    // A recipient with no error text below it takes the paragraph it stands in (Notes writes
    // the reason above the address).
    let lines: Vec<&str> = section.lines().collect();
    for f in facts.iter_mut().filter(|f| f.diagnostic.is_empty()).take(generic::MAX_SEARCHED) {
        if let Some(address) = &f.recipient
            && let Some(paragraph) = generic::paragraph_with(&lines, address)
        {
            f.diagnostic = paragraph;
        }
    }
    // The only recipient, whose own text carries no code (a reply code or an enhanced status
    // code), takes the section's first paragraph that does (MailMarshal writes "Could not be
    // delivered because of / 550 5.1.1 User unknown" above "The following recipients were
    // affected:"; Mimecast writes "Additional information follows : / -- 5.4.1 ..." two
    // paragraphs below the address).
    // Failure codes only, as `has_reply_code` counts them: a version number in a quoted subject
    // ("RELEASED Mailman 2.0.12") reads as a success code.
    let has_code = |s: &str| {
        generic::has_reply_code(s)
            || smtp_codes::parse::diagnose(s).enhanced_code().is_some_and(|c| matches!(c.class(), 4 | 5))
    };
    if let [only] = facts.as_mut_slice()
        && !has_code(&only.diagnostic)
        && let Some(coded) = generic::paragraph_where(section, has_code)
        && !only.diagnostic.contains(&coded)
    {
        only.diagnostic = if only.diagnostic.is_empty() { coded } else { format!("{coded} {}", only.diagnostic) };
    }
    // The only recipient, still without any text (named by `X-Failed-Recipients` alone, its
    // address nowhere in the text), takes the text's first lines: the bounce is about it (Google
    // Groups writes its reason in the sender's language and never repeats the group's address).
    if let [only] = facts.as_mut_slice()
        && only.diagnostic.is_empty()
    {
        let first: Vec<&str> =
            section.lines().map(str::trim).filter(|l| !l.is_empty()).take(generic::MAX_ERROR_LINES).collect();
        only.diagnostic = first.join(" ");
    }
    facts
}

fn recipients_in(section: &str, failed: &[String], format: Option<&'static Format>) -> Vec<Facts> {
    let Some(f) = format else {
        return generic::read(section, failed);
    };
    let mut facts: Vec<Facts> = format::recipients_after(section, f)
        .into_iter()
        .map(|(recipient, diagnostic)| Facts { recipient: Some(recipient), diagnostic, ..Facts::default() })
        .collect();
    let named = !facts.is_empty();
    // Where each recipient (in lower case) is in `facts`, so that many recipients stay linear.
    let mut index: std::collections::HashMap<String, usize> =
        facts.iter().enumerate().filter_map(|(i, f)| Some((f.recipient.as_ref()?.to_ascii_lowercase(), i))).collect();
    for g in generic::read(section, failed) {
        let same = g.recipient.as_ref().and_then(|r| index.get(&r.to_ascii_lowercase()).copied());
        match same {
            Some(at) if facts[at].diagnostic.is_empty() => facts[at].diagnostic = g.diagnostic,
            Some(_) => {}
            // A recipient-less error text only counts when the format named no recipient.
            None if g.recipient.is_none() && named => {}
            None => {
                if let Some(r) = &g.recipient {
                    index.insert(r.to_ascii_lowercase(), facts.len());
                }
                facts.push(g);
            }
        }
    }
    // A recipient the format named after its marker (`(generated from bob@example.org)`) that
    // is another recipient's original address is that recipient, not one more.
    let originals: std::collections::HashSet<String> =
        facts.iter().filter_map(|f| Some(f.original_recipient.as_ref()?.to_ascii_lowercase())).collect();
    if !originals.is_empty() {
        facts.retain(|f| {
            f.original_recipient.is_some()
                || !f.recipient.as_ref().is_some_and(|r| originals.contains(&r.to_ascii_lowercase()))
        });
    }
    facts
}

/// The records of a plain-text bounce. It is a warning of delay when its text says so
/// (`delayed`, [`generic::DELAY_MARKERS`]), else a failure whatever its codes' class (qmail
/// gives up on a `4.4.1` after days in the queue); each recipient's action says which, as a
/// report's `Action` would.
fn finish_generic(
    mut decoded: Decoded,
    mut facts: Vec<Facts>,
    format: Option<&'static Format>,
    delayed: bool,
    classifier: &Classifier,
) -> Decoded {
    let action = if delayed { Action::Delayed } else { Action::Failed };
    for f in &mut facts {
        f.action.get_or_insert(action);
    }
    decoded.recipients = facts.into_iter().map(|f| Recipient::decide(f, classifier)).collect();
    decoded.kind = if delayed { MessageKind::Delay } else { MessageKind::Bounce };
    decoded.decoded_by = format.map_or(DecodedBy::Generic, DecodedBy::Format);
    decoded
}

/// A disposition notification that reports a rejection, not a reading: RFC 5429 §2.2.1 has a
/// Sieve `reject` answer with an MDN whose disposition is `automatic-action/...; deleted`, and
/// the human-readable part saying why. One failed recipient, its `Final-Recipient`, with that
/// text as its error text.
fn sieve_reject(decoded: &Decoded, fields: &str, texts: &[&str], classifier: &Classifier) -> Option<Decoded> {
    let mut disposition = None;
    let mut recipient = None;
    for field in fields::blocks(fields).into_iter().flatten() {
        match field.name.as_str() {
            "disposition" => disposition = disposition.or(Some(field.value.to_ascii_lowercase())),
            "final-recipient" => recipient = recipient.or_else(|| fields::address(&field.value)),
            _ => {}
        }
    }
    let disposition = disposition?;
    let (mode, kind) = disposition.split_once(';')?;
    // `disposition-type [ "/" modifier ]` (RFC 8098 §3.2.6).
    let deleted = kind.split('/').next().is_some_and(|k| k.trim() == "deleted");
    if !(mode.trim().starts_with("automatic-action") && deleted) {
        return None;
    }
    let text: Vec<&str> = texts
        .iter()
        .flat_map(|t| t.lines())
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .take(generic::MAX_ERROR_LINES)
        .collect();
    let facts = Facts { recipient, action: Some(Action::Failed), diagnostic: text.join(" "), ..Facts::default() };
    let mut d = decoded.clone();
    d.recipients = vec![Recipient::decide(facts, classifier)];
    d.kind = MessageKind::Bounce;
    d.decoded_by = DecodedBy::Rfc5429;
    Some(d)
}

/// The senders of complaints that have no feedback report part, with the subject they write.
const COMPLAINT_SENDERS: &[(&str, &str)] = &[
    (
        "staff@hotmail.com",
        "sisimai/p5-sisimai:lib/Sisimai/ARF.pm@v4.25.15 (Microsoft's own format: From staff@hotmail.com, Subject \"complaint about message from 192.0.2.1\")",
    ),
    (
        "complaints@email-abuse.amazonses.com",
        "sisimai/p5-sisimai:lib/Sisimai/ARF.pm@v4.25.15 (Amazon SES complaints, the same form)",
    ),
];

/// Whether a message is a complaint of Microsoft's or Amazon SES's own form: from one of
/// [`COMPLAINT_SENDERS`], with a subject "complaint about message from ...".
fn is_complaint(from: Option<&str>, subject: Option<&str>) -> bool {
    from.is_some_and(|f| COMPLAINT_SENDERS.iter().any(|(s, _)| f.eq_ignore_ascii_case(s)))
        && subject.is_some_and(|s| s.to_ascii_lowercase().contains("complaint about message from "))
}

fn feedback(decoded: Decoded, report: &str) -> Decoded {
    let mut fb = Feedback::default();
    for field in fields::blocks(report).into_iter().flatten() {
        let v = field.value.clone();
        let some = || Some(v.clone()).filter(|v| !v.is_empty());
        match field.name.as_str() {
            "feedback-type" if fb.feedback_type.is_empty() => {
                fb.feedback_type = v.split_whitespace().next().unwrap_or("").to_ascii_lowercase();
            }
            "user-agent" => fb.user_agent = fb.user_agent.take().or_else(some),
            "original-mail-from" => {
                fb.original_mail_from = fb.original_mail_from.take().or_else(|| fields::address(&v))
            }
            "original-rcpt-to" => fb.original_rcpt_to.extend(fields::address(&v)),
            "arrival-date" | "received-date" => fb.arrival_date = fb.arrival_date.take().or_else(some),
            "source-ip" => fb.source_ip = fb.source_ip.take().or_else(some),
            "reported-domain" => fb.reported_domain.extend(some()),
            "authentication-results" => fb.authentication_results = fb.authentication_results.take().or_else(some),
            _ => {}
        }
    }
    feedback_of(decoded, fb)
}

/// A feedback report's records: one for each complained-of recipient it names (one without an
/// address when it names none).
pub(crate) fn feedback_of(mut decoded: Decoded, fb: Feedback) -> Decoded {
    let classification = Classification::of_report(ReportKind::Feedback);
    let diagnostic =
        if fb.feedback_type.is_empty() { String::new() } else { format!("Feedback-Type: {}", fb.feedback_type) };
    let recipients: Vec<Option<String>> = if fb.original_rcpt_to.is_empty() {
        vec![None]
    } else {
        fb.original_rcpt_to.iter().cloned().map(Some).collect()
    };
    decoded.recipients = recipients
        .into_iter()
        .map(|recipient| {
            Recipient::with_classification(
                Facts { recipient, diagnostic: diagnostic.clone(), ..Facts::default() },
                classification,
            )
        })
        .collect();
    decoded.per_message.arrival_date.clone_from(&fb.arrival_date);
    decoded.feedback = Some(fb);
    decoded.kind = MessageKind::Feedback;
    decoded.decoded_by = DecodedBy::Arf;
    decoded
}

/// The most lines of an automatic reply's text kept as its diagnostic.
const VACATION_LINES: usize = 5;

fn vacation(mut decoded: Decoded, from: Option<String>, text: &str) -> Decoded {
    let diagnostic =
        text.lines().map(str::trim).filter(|l| !l.is_empty()).take(VACATION_LINES).collect::<Vec<_>>().join(" ");
    let diagnostic = if diagnostic.is_empty() { decoded.subject.clone().unwrap_or_default() } else { diagnostic };
    let facts = Facts { recipient: from, diagnostic, ..Facts::default() };
    decoded.recipients = vec![Recipient::with_classification(facts, Classification::of_report(ReportKind::AutoReply))];
    decoded.kind = MessageKind::Vacation;
    decoded.decoded_by = DecodedBy::Rfc3834;
    decoded
}
