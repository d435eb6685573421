//! Typed reads of JSON fields that name the path of a value of the wrong type.
//!
//! Every reader goes through these, so a payload that breaks an ESP's documented shape is an
//! [`EventError`] that says where (`bounce.bouncedRecipients[2].emailAddress: not a string`),
//! never a panic and never a silently empty field. A JSON `null` counts as absent: several ESPs
//! write `null` for fields they have no value for (SES `complaintSubType`).

use serde_json::{Map, Value};

use crate::error::{EventError, EventErrorKind};
use crate::time;

/// `path` and `key` joined as the error paths spell them.
pub(crate) fn join(path: &str, key: &str) -> String {
    if path.is_empty() { key.to_owned() } else { format!("{path}.{key}") }
}

/// `path[index]`.
pub(crate) fn index(path: &str, index: usize) -> String {
    format!("{path}[{index}]")
}

/// A JSON object and where it is in the document.
#[derive(Clone, Debug)]
pub(crate) struct Obj<'a> {
    map: &'a Map<String, Value>,
    path: String,
}

impl<'a> Obj<'a> {
    /// `value` as an object, or an error at `path`.
    pub(crate) fn new(value: &'a Value, path: String) -> Result<Self, EventError> {
        match value {
            Value::Object(map) => Ok(Self { map, path }),
            _ => Err(EventError::wrong_type(&path, "an object")),
        }
    }

    /// Where this object is.
    pub(crate) fn path(&self) -> &str {
        &self.path
    }

    /// The path of `key` in this object.
    pub(crate) fn at(&self, key: &str) -> String {
        join(&self.path, key)
    }

    /// The value of `key`, `None` when absent or null.
    pub(crate) fn get(&self, key: &str) -> Option<&'a Value> {
        self.map.get(key).filter(|v| !v.is_null())
    }

    /// Whether `key` is present (null or not).
    pub(crate) fn has(&self, key: &str) -> bool {
        self.map.contains_key(key)
    }

    /// The keys of the object, sorted and cut to a readable length, for unknown-shape errors.
    pub(crate) fn keys(&self) -> String {
        keys_of(self.map)
    }

    /// The string at `key`, if present.
    pub(crate) fn str(&self, key: &str) -> Result<Option<&'a str>, EventError> {
        match self.get(key) {
            None => Ok(None),
            Some(Value::String(s)) => Ok(Some(s)),
            Some(_) => Err(EventError::wrong_type(&self.at(key), "a string")),
        }
    }

    /// The string at `key`, which must be present.
    pub(crate) fn req_str(&self, key: &str) -> Result<&'a str, EventError> {
        self.str(key)?.ok_or_else(|| EventError::missing(&self.at(key)))
    }

    /// An owned copy of the string at `key`, if present and not empty.
    pub(crate) fn string(&self, key: &str) -> Result<Option<String>, EventError> {
        Ok(self.str(key)?.filter(|s| !s.is_empty()).map(str::to_owned))
    }

    /// The string or number at `key` as text (ids and codes that ESPs write either way:
    /// SparkPost's `"error_code": "554"`, Mailgun's `"code": 550`).
    pub(crate) fn text(&self, key: &str) -> Result<Option<String>, EventError> {
        match self.get(key) {
            None => Ok(None),
            Some(Value::String(s)) if s.is_empty() => Ok(None),
            Some(Value::String(s)) => Ok(Some(s.clone())),
            Some(Value::Number(n)) => Ok(Some(n.to_string())),
            Some(_) => Err(EventError::wrong_type(&self.at(key), "a string or a number")),
        }
    }

    /// The time at `key`: a string as given, a number of seconds since 1970 as ISO 8601 UTC.
    pub(crate) fn time(&self, key: &str) -> Result<Option<String>, EventError> {
        match self.get(key) {
            None => Ok(None),
            Some(Value::String(s)) if s.is_empty() => Ok(None),
            Some(Value::String(s)) => Ok(Some(time::from_text(s))),
            Some(Value::Number(n)) => {
                let seconds = n.as_f64().unwrap_or(f64::NAN);
                time::from_epoch(seconds)
                    .map(Some)
                    .ok_or_else(|| EventError::new(EventErrorKind::WrongType, &self.at(key), "not a time"))
            }
            Some(_) => Err(EventError::wrong_type(&self.at(key), "a string or a number")),
        }
    }

    /// The object at `key`, if present.
    pub(crate) fn obj(&self, key: &str) -> Result<Option<Self>, EventError> {
        self.get(key).map(|v| Self::new(v, self.at(key))).transpose()
    }

    /// The object at `key`, which must be present.
    pub(crate) fn req_obj(&self, key: &str) -> Result<Self, EventError> {
        self.obj(key)?.ok_or_else(|| EventError::missing(&self.at(key)))
    }

    /// The objects of the array at `key`, each with its path; none when the key is absent.
    pub(crate) fn objects(&self, key: &str) -> Result<Vec<Self>, EventError> {
        let Some(items) = self.array(key)? else { return Ok(Vec::new()) };
        let at = self.at(key);
        items.iter().enumerate().map(|(i, v)| Self::new(v, index(&at, i))).collect()
    }

    /// The array at `key`, if present.
    pub(crate) fn array(&self, key: &str) -> Result<Option<&'a [Value]>, EventError> {
        match self.get(key) {
            None => Ok(None),
            Some(Value::Array(a)) => Ok(Some(a)),
            Some(_) => Err(EventError::wrong_type(&self.at(key), "an array")),
        }
    }

    /// The strings of the array at `key` (SES `mail.destination`), if present.
    pub(crate) fn strings(&self, key: &str) -> Result<Vec<&'a str>, EventError> {
        let Some(items) = self.array(key)? else { return Ok(Vec::new()) };
        items
            .iter()
            .enumerate()
            .map(|(i, v)| v.as_str().ok_or_else(|| EventError::wrong_type(&index(&self.at(key), i), "a string")))
            .collect()
    }
}

/// At most this many keys are named in an error.
const MAX_KEYS: usize = 12;

/// The sorted keys of `map`, `a, b, c`, cut after [`MAX_KEYS`] with a count of the rest.
pub(crate) fn keys_of(map: &Map<String, Value>) -> String {
    if map.is_empty() {
        return "none".to_owned();
    }
    let mut keys: Vec<&str> = map.keys().map(String::as_str).collect();
    keys.sort_unstable();
    let shown: Vec<String> = keys.iter().take(MAX_KEYS).map(|k| short(k)).collect();
    let mut text = shown.join(", ");
    if keys.len() > MAX_KEYS {
        text.push_str(&format!(" and {} more", keys.len() - MAX_KEYS));
    }
    text
}

/// A key as an error shows it: at most 40 characters, control characters escaped.
fn short(key: &str) -> String {
    let mut out: String = key.chars().take(40).flat_map(char::escape_debug).collect();
    if key.chars().count() > 40 {
        out.push('…');
    }
    out
}

/// The JSON type of `value` in words, for shape errors.
pub(crate) const fn type_name(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}
