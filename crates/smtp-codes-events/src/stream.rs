//! [`Events`]: the events of a file of JSON Lines, of one JSON document, of documents one
//! after another, or of form bodies one a line (Mandrill's webhooks as they are posted), read as
//! they come.

use std::collections::VecDeque;
use std::io::{BufRead, BufReader, Chain, Cursor, Read};

use serde_json::de::IoRead;
use serde_json::{StreamDeserializer, Value};
use smtp_codes::classify::{Classifier, shared};

use crate::error::{EventError, EventErrorKind};
use crate::event::{Esp, EspEvent};

/// The events of a stream of JSON documents separated by white space: JSON Lines (one webhook
/// body a line), one document (a SendGrid array, pretty-printed or not), or several. A stream
/// that opens (after white space) with a field name and `=` is of form bodies instead, one a line, as
/// Mandrill and Mailgun's legacy webhooks post them (`mandrill_events=%5B...`,
/// `event=bounced&recipient=...`; see [`crate::read_form`]).
///
/// Each document is read whole, then its events are given one by one. A document that is JSON
/// but no ESP's events gives one error (with [`EventError::document`] set) and reading goes on
/// with the next; a syntax error ends the stream, since where the next document starts is then
/// unknown: its error says the line and column.
///
/// ```
/// let input = br#"{"event":"delivered","email":"a@example.com","sg_event_id":"1","response":"250 OK"}
/// {"event":"bounce","email":"b@example.com","sg_event_id":"2","type":"bounce","reason":"550 5.1.1 no such user"}
/// "#;
/// let events: Vec<_> = smtp_codes_events::read_json_lines(&input[..]).collect::<Result<_, _>>().unwrap();
/// assert_eq!(events.len(), 2);
/// assert_eq!(events[1].classification().reason().id(), "userunknown");
/// ```
pub struct Events<'c, R: Read> {
    source: Source<R>,
    esp: Option<Esp>,
    classifier: &'c Classifier,
    document: u64,
    pending: VecDeque<EspEvent>,
    done: bool,
}

/// The input with what was read of it to tell JSON from form bodies put back in front.
type Peeked<R> = Chain<Cursor<Vec<u8>>, R>;

/// Where the documents come from: not looked at yet, JSON, or form bodies.
enum Source<R: Read> {
    Start(Option<R>),
    Json(Box<StreamDeserializer<'static, IoRead<Peeked<R>>, Value>>),
    Forms(BufReader<Peeked<R>>),
}

/// The longest form body read (a Mandrill batch holds up to 1,000 events); a longer line is an
/// error, and reading stops there.
const MAX_FORM: u64 = 64 << 20;

/// The events of `reader`, each ESP told from its shape; see [`Events`].
pub fn read_json_lines<R: Read>(reader: R) -> Events<'static, R> {
    Events {
        source: Source::Start(Some(reader)),
        esp: None,
        classifier: shared(),
        document: 0,
        pending: VecDeque::new(),
        done: false,
    }
}

impl<'c, R: Read> Events<'c, R> {
    /// Reads every event as `esp`'s, whatever its shape.
    #[must_use]
    pub fn esp(mut self, esp: Esp) -> Self {
        self.esp = Some(esp);
        self
    }

    /// Classifies with `classifier` instead of the shared one.
    #[must_use]
    pub fn classifier<'d>(self, classifier: &'d Classifier) -> Events<'d, R> {
        Events {
            source: self.source,
            esp: self.esp,
            classifier,
            document: self.document,
            pending: self.pending,
            done: self.done,
        }
    }

    /// Documents read so far.
    #[must_use]
    pub const fn documents(&self) -> u64 {
        self.document
    }
}

impl<R: Read> Iterator for Events<'_, R> {
    type Item = Result<EspEvent, EventError>;

    fn next(&mut self) -> Option<Self::Item> {
        loop {
            if let Some(event) = self.pending.pop_front() {
                return Some(Ok(event));
            }
            if self.done {
                return None;
            }
            if let Source::Start(reader) = &mut self.source {
                let reader = reader.take()?;
                match start(reader) {
                    Ok(source) => self.source = source,
                    Err(e) => {
                        self.done = true;
                        return Some(Err(e));
                    }
                }
            }
            let stream = match &mut self.source {
                Source::Json(stream) => stream,
                Source::Forms(lines) => match form_line(lines) {
                    None => return None,
                    Some(Err((kind, message))) => {
                        self.done = true;
                        return Some(Err(EventError::new(kind, "", message).in_document(self.document + 1)));
                    }
                    Some(Ok(line)) => {
                        self.document += 1;
                        match crate::form::read_with(&line, self.classifier) {
                            Ok(events) => {
                                self.pending.extend(events);
                                continue;
                            }
                            Err(e) => return Some(Err(e.in_document(self.document))),
                        }
                    }
                },
                Source::Start(_) => return None,
            };
            match stream.next()? {
                Ok(value) => {
                    self.document += 1;
                    match crate::read::read(&value, self.esp, self.classifier) {
                        Ok(events) => self.pending.extend(events),
                        Err(e) => return Some(Err(e.in_document(self.document))),
                    }
                }
                Err(e) => {
                    self.done = true;
                    let kind = if e.is_io() { EventErrorKind::Io } else { EventErrorKind::NotJson };
                    let message = if e.is_io() { format!("reading failed: {e}") } else { format!("not JSON: {e}") };
                    return Some(Err(EventError::new(kind, "", message).in_document(self.document + 1)));
                }
            }
        }
    }
}

/// The longest field name looked for at the start of a stream of forms.
const MAX_NAME: usize = 256;

/// Whether `byte` may be part of a form field's name as a form encodes it.
fn name_byte(byte: u8) -> bool {
    byte.is_ascii_alphanumeric() || matches!(byte, b'_' | b'-' | b'.' | b'%')
}

/// What the start of the input says it is, from the bytes after its leading white space: form
/// bodies when they open with a field's name and `=` (`mandrill_events=`, `event=`), JSON
/// otherwise; `None` while the bytes seen cannot tell yet.
fn looks_like(rest: &[u8]) -> Option<bool> {
    match rest.iter().position(|&b| !name_byte(b)) {
        Some(0) => Some(false),
        Some(at) => Some(rest[at] == b'=' && rest[0].is_ascii_alphabetic()),
        None => None,
    }
}

/// Reads `reader` until it can tell from its start whether the stream is JSON or form bodies
/// (see [`looks_like`]); at the end of the input, what was seen decides.
fn start<R: Read>(mut reader: R) -> Result<Source<R>, EventError> {
    let mut seen: Vec<u8> = Vec::new();
    let mut chunk = [0u8; 512];
    let forms = loop {
        match seen.iter().position(|b| !b.is_ascii_whitespace()) {
            // Only white space so far: none of it need be kept.
            None => seen.clear(),
            Some(at) => match looks_like(&seen[at..]) {
                Some(forms) => break forms,
                // A name longer than any field's: no form.
                None if seen.len() - at > MAX_NAME => break false,
                None => {}
            },
        }
        let n = match reader.read(&mut chunk) {
            Ok(n) => n,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
            Err(e) => {
                return Err(EventError::new(EventErrorKind::Io, "", format!("reading failed: {e}")).in_document(1));
            }
        };
        if n == 0 {
            break false;
        }
        seen.extend_from_slice(&chunk[..n]);
    };
    let input = Cursor::new(seen).chain(reader);
    Ok(if forms {
        Source::Forms(BufReader::new(input))
    } else {
        Source::Json(Box::new(serde_json::Deserializer::from_reader(input).into_iter()))
    })
}

/// The next non-empty line of a stream of form bodies: `None` at the end, an error's kind and
/// message when reading fails, the line is longer than [`MAX_FORM`] or it holds a raw space
/// (each of which ends the stream).
fn form_line<R: Read>(lines: &mut BufReader<Peeked<R>>) -> Option<Result<Vec<u8>, (EventErrorKind, String)>> {
    let mut line = Vec::new();
    loop {
        line.clear();
        match lines.by_ref().take(MAX_FORM + 1).read_until(b'\n', &mut line) {
            Ok(0) => return None,
            Ok(_) if line.len() as u64 > MAX_FORM => {
                return Some(Err((
                    EventErrorKind::UnknownShape,
                    format!("a form body longer than {} MiB", MAX_FORM >> 20),
                )));
            }
            Ok(_) if line.trim_ascii().is_empty() => {}
            // A form encodes its spaces: a line with one is no form body (a log file given by
            // mistake), and where the next body starts is then unknown.
            Ok(_) if line.trim_ascii().iter().any(|&b| b == b' ' || b == b'\t' || b.is_ascii_control()) => {
                return Some(Err((
                    EventErrorKind::UnknownShape,
                    "not a form body: a line with a raw space".to_owned(),
                )));
            }
            Ok(_) => return Some(Ok(line)),
            Err(e) => return Some(Err((EventErrorKind::Io, format!("reading failed: {e}")))),
        }
    }
}
