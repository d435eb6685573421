//! An ESP's event JSON sent as the body of a mail: above all Amazon SES notifications that an
//! SNS topic's e-mail subscription delivers ("AWS Notification Message"). The events crate reads
//! the JSON; each bounced or delayed recipient becomes a delivery record, each delivered one a
//! delivered record, each complaint a feedback record.

use smtp_codes::EnhancedCode;
use smtp_codes::classify::Classifier;
use smtp_codes_events::{EspEvent, EventKind};

use crate::decoded::{Decoded, DecodedBy, Feedback};
use crate::fields;
use crate::recipient::{Action, Facts, Recipient};

/// The events of a text that is one JSON document an ESP reader knows, or `None`. SNS folds a
/// line longer than mail allows by ending it with `!` and going on after a space on the next
/// line (as Sisimai's Amazon SES reader undoes it, `lib/Sisimai/Lhost/AmazonSES.pm`); its footer
/// starts at a line `--`. The text is read as it is first, then unfolded.
pub(crate) fn events(text: &str) -> Option<Vec<EspEvent>> {
    let body = text.trim_start();
    if !body.starts_with('{') {
        return None;
    }
    let lines: Vec<&str> = body.lines().take_while(|l| l.trim_end() != "--").collect();
    let value = serde_json::from_str::<serde_json::Value>(&lines.join("\n")).ok().or_else(|| {
        let mut unfolded = String::with_capacity(body.len());
        let mut folded = false;
        for line in &lines {
            let line = if folded { line.strip_prefix(' ').unwrap_or(line) } else { line };
            folded = line.ends_with('!');
            unfolded.push_str(if folded { &line[..line.len() - 1] } else { line });
        }
        serde_json::from_str(&unfolded).ok()
    })?;
    smtp_codes_events::read(&value).ok().filter(|events| !events.is_empty())
}

/// The message decoded from its ESP events: the records of its bounced, delayed and delivered
/// recipients, or, for complaints, a feedback report; no records for the other events (a
/// message sent, opened, clicked).
pub(crate) fn decode(mut decoded: Decoded, events: &[EspEvent], classifier: &Classifier) -> Decoded {
    let Some(first) = events.first() else { return decoded };
    // What every record of the message shares: the reader, the reporting MTA, and the original's
    // Message-ID (SES's `commonHeaders`), set only when the message gives records.
    let by = DecodedBy::Esp(first.esp());
    let reporting_mta = events.iter().find_map(EspEvent::reporting_mta).map(str::to_owned);
    let message_id = events
        .iter()
        .find_map(EspEvent::smtp_id)
        .map(|id| id.trim().trim_start_matches('<').trim_end_matches('>').to_owned());
    let shared = |mut decoded: Decoded| {
        decoded.decoded_by = by;
        decoded.per_message.reporting_mta.clone_from(&reporting_mta);
        if message_id.is_some() {
            decoded.original.get_or_insert_with(Default::default).message_id.clone_from(&message_id);
        }
        decoded
    };
    let complaints: Vec<&EspEvent> = events.iter().filter(|e| e.kind() == EventKind::Complaint).collect();
    if !complaints.is_empty() {
        let feedback_type = complaints.iter().find_map(|e| e.label().kind()).unwrap_or("abuse").to_ascii_lowercase();
        let fb = Feedback {
            feedback_type,
            original_mail_from: complaints.iter().find_map(|e| e.sender()).map(str::to_owned),
            original_rcpt_to: complaints.iter().filter_map(|e| e.recipient()).map(str::to_owned).collect(),
            arrival_date: complaints.iter().find_map(|e| e.timestamp()).map(str::to_owned),
            ..Feedback::default()
        };
        return shared(crate::decode::feedback_of(decoded, fb));
    }
    let recipients: Vec<Recipient> = events
        .iter()
        .filter_map(|e| {
            let action = match e.kind() {
                EventKind::Bounced | EventKind::Dropped => Action::Failed,
                EventKind::Deferred => Action::Delayed,
                EventKind::Delivered => Action::Delivered,
                _ => return None,
            };
            let (kind, text) = e.reply().map_or((None, ""), fields::typed);
            let facts = Facts {
                recipient: e.recipient().map(str::to_owned),
                action: Some(action),
                status: e.status().and_then(|s| s.trim().parse::<EnhancedCode>().ok()),
                diagnostic: text.to_owned(),
                diagnostic_type: kind.map(str::to_owned),
                remote_mta: e.remote_mta().map(str::to_owned),
                esp_hard: e.hard_bounce(),
                ..Facts::default()
            };
            Some(Recipient::decide(facts, classifier))
        })
        .collect();
    if recipients.is_empty() {
        return decoded;
    }
    decoded.recipients = recipients;
    decoded.kind = crate::decode::kind_of(&decoded.recipients);
    shared(decoded)
}
