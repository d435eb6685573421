//! [`Events`]: the events of a file of JSON Lines, of one JSON document, or of documents one
//! after another, read as they come.

use std::collections::VecDeque;
use std::io::Read;

use serde_json::de::IoRead;
use serde_json::{StreamDeserializer, Value};
use smtp_codes::classify::{Classifier, shared};

use crate::error::{EventError, EventErrorKind};
use crate::event::{Esp, EspEvent};

/// The events of a stream of JSON documents separated by white space: JSON Lines (one webhook
/// body a line), one document (a SendGrid array, pretty-printed or not), or several.
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
    stream: StreamDeserializer<'static, IoRead<R>, Value>,
    esp: Option<Esp>,
    classifier: &'c Classifier,
    document: u64,
    pending: VecDeque<EspEvent>,
    done: bool,
}

/// The events of `reader`, each ESP told from its shape; see [`Events`].
pub fn read_json_lines<R: Read>(reader: R) -> Events<'static, R> {
    Events {
        stream: serde_json::Deserializer::from_reader(reader).into_iter(),
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
            stream: self.stream,
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
            match self.stream.next()? {
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
