//! Records for batch mode: one line of JSON to an id, a text and the
//! options the record sets, or the problem that makes it an error record.

use serde::de::{Deserializer, IgnoredAny, MapAccess, Visitor};
use serde::{Deserialize, Serialize, Serializer};
use serde_json::value::RawValue;
use serde_json::Value;

use crate::error::Error;
use crate::language::LanguageChoice;
use crate::options::Length;
use crate::summarize::TextProblem;

/// A record ready to summarize.
#[derive(Debug)]
pub(super) struct Record {
    pub(super) id: Option<Id>,
    pub(super) text: String,
    pub(super) overrides: Overrides,
}

/// Why a record failed, with its id when it got far enough to have one.
pub(super) type Failure = (Option<Id>, RecordProblem);

/// A record's id, given back as it was written: a number keeps all its
/// digits ("id": 123456789012345678901234 is no `u64`, and 1.7777777777777781e84
/// read as an `f64` prints as 1.777777777777778e84), a string its escapes.
#[derive(Debug)]
pub(super) struct Id(Box<RawValue>);

impl Serialize for Id {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let raw = self.0.get();
        if crate::output::json::needs_escape(raw) {
            // A string holding a character that lede's JSON escapes (DEL, C1,
            // U+2028/9): written again, escaped, as any other string. (A
            // number in the same id goes through `f64` then.)
            match serde_json::from_str::<Value>(raw) {
                Ok(value) => return value.serialize(serializer),
                Err(_) => return self.0.serialize(serializer),
            }
        }
        if raw.contains('\r') {
            // White space between the parts of an array or object id: a
            // carriage return there would end the result's line for many
            // readers. JSON has none inside strings, so each becomes a space.
            if let Ok(spaced) = RawValue::from_string(raw.replace('\r', " ")) {
                return spaced.serialize(serializer);
            }
        }
        self.0.serialize(serializer)
    }
}

/// Parses one line (without its line break) into a record.
pub(super) fn parse(bytes: &[u8]) -> Result<Record, Failure> {
    let RawRecord {
        id,
        text,
        sentences,
        ratio,
        words,
        lang,
    } = parse_raw(bytes).map_err(|problem| (None, problem))?;
    let id = id.map(Id);
    let text = match text {
        Some(Value::String(text)) => text,
        Some(_) => return Err((id, RecordProblem::TextNotString)),
        None => return Err((id, RecordProblem::NoText)),
    };
    match overrides(sentences, ratio, words, lang) {
        Ok(overrides) => Ok(Record {
            id,
            text,
            overrides,
        }),
        Err(problem) => Err((id, problem)),
    }
}

/// A record as read. Every field is optional and untyped here, so that a
/// record with a bad field still gives its id in the error record. Unknown
/// fields are ignored; `null` counts as absent. A field given twice takes
/// its last value, as JSON parsers commonly do (RFC 8259 leaves it open;
/// JavaScript's `JSON.parse` and Python's `json` keep the last).
#[derive(Default)]
struct RawRecord {
    id: Option<Box<RawValue>>,
    text: Option<Value>,
    sentences: Option<Value>,
    ratio: Option<Value>,
    words: Option<Value>,
    lang: Option<Value>,
}

/// The fields a record may have.
#[derive(Deserialize)]
#[serde(field_identifier, rename_all = "lowercase")]
enum Field {
    Id,
    Text,
    Sentences,
    Ratio,
    Words,
    Lang,
    #[serde(other)]
    Other,
}

impl<'de> Deserialize<'de> for RawRecord {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_map(RawRecordVisitor)
    }
}

struct RawRecordVisitor;

impl<'de> Visitor<'de> for RawRecordVisitor {
    type Value = RawRecord;

    fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("a JSON object")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<RawRecord, A::Error> {
        let mut record = RawRecord::default();
        while let Some(field) = map.next_key::<Field>()? {
            match field {
                Field::Id => record.id = map.next_value()?,
                Field::Text => record.text = map.next_value()?,
                Field::Sentences => record.sentences = map.next_value()?,
                Field::Ratio => record.ratio = map.next_value()?,
                Field::Words => record.words = map.next_value()?,
                Field::Lang => record.lang = map.next_value()?,
                Field::Other => {
                    map.next_value::<IgnoredAny>()?;
                }
            }
        }
        Ok(record)
    }
}

/// What a record asks for instead of the batch's options.
#[derive(Debug, Default, PartialEq)]
pub(super) struct Overrides {
    pub(super) language: Option<LanguageChoice>,
    pub(super) length: Option<Length>,
}

/// Why one record gave an error record.
#[derive(Debug, thiserror::Error)]
pub(super) enum RecordProblem {
    #[error(
        "line is longer than the limit of {}; raise it with --max-bytes (0 for no limit)",
        crate::error::human_size(*limit as u64)
    )]
    TooLong { limit: usize },
    #[error("not valid UTF-8 (invalid byte at offset {offset} of the line)")]
    InvalidUtf8 { offset: usize },
    #[error("not valid JSON: {0}")]
    InvalidJson(String),
    #[error("not a JSON object")]
    NotAnObject,
    #[error("no \"text\" field")]
    NoText,
    #[error("\"text\" is not a string")]
    TextNotString,
    #[error("\"{field}\" must be {expected}")]
    FieldType {
        field: &'static str,
        expected: &'static str,
    },
    #[error("more than one of \"sentences\", \"ratio\" and \"words\"")]
    SeveralLengths,
    #[error("{}", option_message(.0))]
    Option(Error),
    #[error("text {0}")]
    Text(TextProblem),
}

/// An option error as a record sees it: named by its field, not its flag.
fn option_message(error: &Error) -> String {
    match error {
        Error::InvalidOption { option, reason } => {
            format!("invalid \"{}\": {reason}", option.trim_start_matches("--"))
        }
        other => other.to_string(),
    }
}

/// Parses one line into its fields.
fn parse_raw(bytes: &[u8]) -> Result<RawRecord, RecordProblem> {
    let text = std::str::from_utf8(bytes).map_err(|e| RecordProblem::InvalidUtf8 {
        offset: e.valid_up_to(),
    })?;
    // serde would also take `[id, text, ...]` for a struct.
    if !text.trim_start().starts_with('{') && serde_json::from_str::<Value>(text).is_ok() {
        return Err(RecordProblem::NotAnObject);
    }
    let record: RawRecord = serde_json::from_str(text).map_err(invalid_json)?;
    // A raw id is checked for syntax only: a lone surrogate escape
    // ("\ud800") passes, and would go out in a result that strict parsers
    // (serde_json among them) refuse. Such a record is invalid JSON, as it
    // was when ids were read as values; the whole line gives the error its
    // column.
    // A number has no escapes to check, and one of hundreds of digits is no
    // `f64`: it is kept as written.
    if let Some(id) = record.id.as_ref().filter(|id| !is_number(id.get())) {
        if let Err(e) = serde_json::from_str::<Value>(id.get()) {
            return Err(invalid_json(
                serde_json::from_str::<Value>(text).err().unwrap_or(e),
            ));
        }
    }
    Ok(record)
}

/// Whether a raw JSON value is a number.
fn is_number(raw: &str) -> bool {
    raw.starts_with(|c: char| c == '-' || c.is_ascii_digit())
}

/// A serde_json error as a record problem. serde_json says "at line 1
/// column N": the line is the record's own, which would be confused with
/// the input's.
fn invalid_json(e: serde_json::Error) -> RecordProblem {
    let message = e.to_string();
    let position = format!(" at line {} column {}", e.line(), e.column());
    let message = match message.strip_suffix(&position) {
        Some(bare) => format!("{bare} at column {}", e.column()),
        None => message,
    };
    RecordProblem::InvalidJson(message)
}

/// The options a record sets, checked for type; ranges are checked when
/// its summarizer is built.
fn overrides(
    sentences: Option<Value>,
    ratio: Option<Value>,
    words: Option<Value>,
    lang: Option<Value>,
) -> Result<Overrides, RecordProblem> {
    // `100`, and also `1e2` or `100.0`: JSON has one kind of number, and
    // many writers print whole numbers in exponent or decimal form.
    let whole = |field: &'static str, value: &Value| {
        value
            .as_u64()
            .or_else(|| {
                value
                    .as_f64()
                    .filter(|f| f.fract() == 0.0 && (0.0..=u64::MAX as f64).contains(f))
                    .map(|f| f as u64)
            })
            .and_then(|n| usize::try_from(n).ok())
            .ok_or(RecordProblem::FieldType {
                field,
                expected: "a whole number",
            })
    };
    let mut lengths = Vec::new();
    if let Some(value) = &sentences {
        lengths.push(Length::Sentences(whole("sentences", value)?));
    }
    if let Some(value) = &ratio {
        let ratio = value.as_f64().ok_or(RecordProblem::FieldType {
            field: "ratio",
            expected: "a number",
        })?;
        lengths.push(Length::Ratio(ratio));
    }
    if let Some(value) = &words {
        lengths.push(Length::Words(whole("words", value)?));
    }
    if lengths.len() > 1 {
        return Err(RecordProblem::SeveralLengths);
    }
    let language = match &lang {
        None => None,
        Some(Value::String(code)) => Some(
            code.parse::<LanguageChoice>()
                .map_err(RecordProblem::Option)?,
        ),
        Some(_) => {
            return Err(RecordProblem::FieldType {
                field: "lang",
                expected: "a string",
            })
        }
    };
    Ok(Overrides {
        language,
        length: lengths.pop(),
    })
}
