//! JSON output: one object per text, from `Serialize` structs so the field
//! order is fixed.
//!
//! Everything lede writes as JSON goes through [`to_writer`], [`to_vec`] or
//! [`to_writer_pretty`] here rather than serde_json's functions of the same
//! names: see [`EscapingFormatter`] for why.

use std::io::{self, Write};

use serde::Serialize;
use serde_json::ser::{CompactFormatter, Formatter, PrettyFormatter};

use crate::headline::HeadlineSource;
use crate::language::LanguageSource;
use crate::summarize::Summary;
use crate::text::scan::{find_byte, swar};
use crate::text::segment::{Unit, UnitKind};

/// The JSON form of a summary (schema in docs/GUIDE.md).
#[derive(Debug, Serialize)]
pub struct JsonSummary<'a> {
    /// The input's name: its path, or `-` for stdin.
    pub source: &'a str,
    /// ISO 639-1 code of the language used (`und`: none).
    pub language: &'static str,
    /// Whether the language was `detected`, `given` or the `default`.
    pub language_source: LanguageSource,
    /// Whether words were stemmed.
    pub stemmer: bool,
    /// Whether stop words were left out.
    pub stop_words: bool,
    /// The headline.
    pub headline: &'a str,
    /// Where the headline came from: `title`, `lead` or `none`.
    pub headline_source: HeadlineSource,
    /// The summary sentences in document order.
    pub summary: Vec<JsonSentence<'a>>,
    /// Unique units of the text (sentences, headings, list items).
    pub sentences: usize,
    /// Units removed as duplicates.
    pub duplicates_removed: usize,
    /// Units left out as page furniture (bylines, time stamps, photo
    /// captions, ...).
    pub boilerplate_removed: usize,
    /// For a web page, the article taken out of it: the summary's `start`
    /// and `end` are offsets into its `text`. Absent for text input.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub page: Option<JsonPage<'a>>,
}

/// The article of a web page in JSON: what `lede extract --json` prints
/// (with `source`), and the `page` of a page's summary (without).
#[derive(Debug, Serialize)]
pub struct JsonPage<'a> {
    /// The input's name (only in `lede extract`'s output).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source: Option<&'a str>,
    /// The page's title, if it has one.
    pub title: Option<&'a str>,
    /// The byline, if the page gives one.
    pub byline: Option<&'a str>,
    /// The page's `lang` attribute, if it has one.
    pub lang: Option<&'a str>,
    /// The article's text: paragraphs separated by blank lines.
    pub text: &'a str,
}

impl<'a> JsonPage<'a> {
    /// The JSON view of `page`, named `source` when given.
    #[cfg(feature = "html")]
    pub fn new(source: Option<&'a str>, page: &'a crate::html::Page) -> Self {
        JsonPage {
            source,
            title: page.title.as_deref(),
            byline: page.byline.as_deref(),
            lang: page.lang.as_deref(),
            text: &page.text,
        }
    }
}

/// One summary sentence in JSON.
#[derive(Debug, Serialize)]
pub struct JsonSentence<'a> {
    /// Index of the unit among all units of the text, in document order.
    pub index: usize,
    /// The sentence exactly as in the input.
    pub text: &'a str,
    /// The combined score.
    pub score: f64,
    /// The TF-IDF signal, 0..1.
    pub tfidf: f64,
    /// The position signal, 0..1.
    pub position: f64,
    /// `sentence`, `heading` or `list_item`.
    pub kind: UnitKind,
    /// Byte offset of the start in the input.
    pub start: usize,
    /// Byte offset just past the end.
    pub end: usize,
}

/// One unit of `lede sentences` in JSON.
#[derive(Debug, Serialize)]
pub struct JsonUnit<'a> {
    /// The unit exactly as in the input.
    pub text: &'a str,
    /// Byte offset of the start in the input.
    pub start: usize,
    /// Byte offset just past the end.
    pub end: usize,
    /// `sentence`, `heading`, `list_item` or `caption`.
    pub kind: UnitKind,
}

impl<'a> JsonUnit<'a> {
    /// The JSON view of each of `units`, segmented from `text`.
    pub fn all(text: &'a str, units: &[Unit]) -> Vec<Self> {
        units
            .iter()
            .map(|unit| JsonUnit {
                text: unit.text(text),
                start: unit.start,
                end: unit.end,
                kind: unit.kind,
            })
            .collect()
    }
}

impl<'a> JsonSummary<'a> {
    /// The JSON view of `summary` of the input named `source`.
    pub fn new(source: &'a str, summary: &'a Summary) -> Self {
        JsonSummary {
            source,
            language: summary.language.code(),
            language_source: summary.language_source,
            stemmer: summary.language.has_stemmer(),
            stop_words: summary.language.has_stop_words(),
            headline: &summary.headline.text,
            headline_source: summary.headline.source,
            summary: summary
                .sentences
                .iter()
                .map(|s| JsonSentence {
                    index: s.index,
                    text: &s.text,
                    score: round(s.score.score),
                    tfidf: round(s.score.tfidf),
                    position: round(s.score.position),
                    kind: s.kind,
                    start: s.start,
                    end: s.end,
                })
                .collect(),
            sentences: summary.unit_count,
            duplicates_removed: summary.duplicates_removed,
            boilerplate_removed: summary.boilerplate_removed,
            page: None,
        }
    }

    /// The same, for the summary of `page`'s article.
    #[cfg(feature = "html")]
    pub fn with_page(mut self, page: &'a crate::html::Page) -> Self {
        self.page = Some(JsonPage::new(None, page));
        self
    }
}

/// Scores are shown to 6 decimals: enough to rank, and stable across
/// platforms whose last float bits might differ.
fn round(x: f64) -> f64 {
    (x * 1e6).round() / 1e6
}

/// Writes `summary` of the input `source` as one line of JSON.
///
/// # Errors
/// Any error of `out`.
pub fn write(out: &mut impl Write, source: &str, summary: &Summary) -> io::Result<()> {
    to_writer(&mut *out, &JsonSummary::new(source, summary))?;
    writeln!(out)
}

/// Serializes `value` as compact JSON into `writer`, like
/// `serde_json::to_writer`, but with [`EscapingFormatter`].
///
/// # Errors
/// Any error of `writer`, or of `value`'s `Serialize` implementation.
pub fn to_writer<W: Write, T: ?Sized + Serialize>(writer: W, value: &T) -> serde_json::Result<()> {
    let mut ser = serde_json::Serializer::with_formatter(writer, EscapingFormatter::compact());
    value.serialize(&mut ser)
}

/// Serializes `value` as indented JSON into `writer`, like
/// `serde_json::to_writer_pretty`, but with [`EscapingFormatter`].
///
/// # Errors
/// Any error of `writer`, or of `value`'s `Serialize` implementation.
pub fn to_writer_pretty<W: Write, T: ?Sized + Serialize>(
    writer: W,
    value: &T,
) -> serde_json::Result<()> {
    let mut ser = serde_json::Serializer::with_formatter(writer, EscapingFormatter::pretty());
    value.serialize(&mut ser)
}

/// Serializes `value` as compact JSON, like `serde_json::to_vec`, but with
/// [`EscapingFormatter`].
///
/// # Errors
/// Any error of `value`'s `Serialize` implementation.
pub fn to_vec<T: ?Sized + Serialize>(value: &T) -> serde_json::Result<Vec<u8>> {
    to_vec_with_capacity(value, 128)
}

/// [`to_vec`] into a buffer of `capacity` bytes to start with: a caller
/// that knows about how long the JSON will be saves growing it step by
/// step, with a copy each time.
///
/// # Errors
/// Any error of `value`'s `Serialize` implementation.
pub fn to_vec_with_capacity<T: ?Sized + Serialize>(
    value: &T,
    capacity: usize,
) -> serde_json::Result<Vec<u8>> {
    let mut json = Vec::with_capacity(capacity);
    to_writer(&mut json, value)?;
    Ok(json)
}

/// A JSON formatter that also escapes DEL (U+007F), the C1 controls
/// (U+0080..U+009F) and U+2028/U+2029 as `\uXXXX`, which serde_json's own
/// formatters write as they are.
///
/// Those are valid unescaped in JSON, but JSON output is often `cat`ed to a
/// terminal, where the C1 control U+009B is an 8-bit CSI that can recolour or
/// retitle it just as ESC can (serde_json already escapes C0, so ESC is
/// safe); and U+2028/U+2029 end a line in JavaScript before ES2019 and in
/// line-oriented tools, which would break a JSON Lines record in two. The
/// escapes decode to the same characters, so the text stays exact.
///
/// Only [`compact`](Self::compact) and [`pretty`](Self::pretty) build one:
/// the wrapper forwards the layout methods, which are all that those two
/// formatters differ in, so wrapping any other formatter could silently
/// drop its overrides.
#[derive(Debug, Clone)]
pub struct EscapingFormatter<F> {
    inner: F,
}

impl EscapingFormatter<CompactFormatter> {
    /// No white space, like `serde_json::to_writer`.
    pub fn compact() -> Self {
        EscapingFormatter {
            inner: CompactFormatter,
        }
    }
}

impl EscapingFormatter<PrettyFormatter<'static>> {
    /// Two-space indents, like `serde_json::to_writer_pretty`.
    pub fn pretty() -> Self {
        EscapingFormatter {
            inner: PrettyFormatter::new(),
        }
    }
}

/// Whether `s` holds a character that [`EscapingFormatter`] escapes and
/// serde_json's formatters do not.
#[cfg(feature = "batch")]
pub(crate) fn needs_escape(s: &str) -> bool {
    next_to_escape(s, 0).is_some()
}

/// The first character at or after `from` in `s` that [`EscapingFormatter`]
/// escapes, as its byte offset, UTF-8 length and code point.
fn next_to_escape(s: &str, from: usize) -> Option<(usize, usize, u32)> {
    let bytes = s.as_bytes();
    let mut i = from;
    // Only 0x7F, 0xC2 and 0xE2 can begin such a character, and as `s` is
    // valid UTF-8 the bytes after a lead byte exist and are continuations.
    // Every string written is scanned, so 8 bytes at a time for those three
    // bytes: most text has none, and text in other scripts few.
    while let Some(at) = find_byte(
        bytes,
        i,
        |w| swar::equal(w, 0x7f) | swar::equal(w, 0xc2) | swar::equal(w, 0xe2),
        |b| matches!(b, 0x7f | 0xc2 | 0xe2),
    ) {
        match bytes[at] {
            0x7f => return Some((at, 1, 0x7f)),
            0xc2 if bytes[at + 1] <= 0x9f => {
                return Some((at, 2, u32::from(bytes[at + 1])));
            }
            0xe2 if bytes[at + 1] == 0x80 && matches!(bytes[at + 2], 0xa8 | 0xa9) => {
                return Some((at, 3, 0x2000 | u32::from(bytes[at + 2] & 0x3f)));
            }
            _ => i = at + 1,
        }
    }
    None
}

/// Writes the `\uXXXX` escape of `code`, in lowercase hex like serde_json's
/// escapes of C0 controls.
fn write_u_escape<W: ?Sized + Write>(writer: &mut W, code: u32) -> io::Result<()> {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    let nibble = |shift: u32| HEX[((code >> shift) & 0xf) as usize];
    writer.write_all(&[b'\\', b'u', nibble(12), nibble(8), nibble(4), nibble(0)])
}

impl<F: Formatter> Formatter for EscapingFormatter<F> {
    fn write_string_fragment<W: ?Sized + Write>(
        &mut self,
        writer: &mut W,
        fragment: &str,
    ) -> io::Result<()> {
        let mut start = 0;
        while let Some((at, len, code)) = next_to_escape(fragment, start) {
            writer.write_all(&fragment.as_bytes()[start..at])?;
            write_u_escape(writer, code)?;
            start = at + len;
        }
        // Nearly every fragment has nothing to escape: one write, as before.
        writer.write_all(&fragment.as_bytes()[start..])
    }

    fn begin_array<W: ?Sized + Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.inner.begin_array(writer)
    }

    fn end_array<W: ?Sized + Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.inner.end_array(writer)
    }

    fn begin_array_value<W: ?Sized + Write>(
        &mut self,
        writer: &mut W,
        first: bool,
    ) -> io::Result<()> {
        self.inner.begin_array_value(writer, first)
    }

    fn end_array_value<W: ?Sized + Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.inner.end_array_value(writer)
    }

    fn begin_object<W: ?Sized + Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.inner.begin_object(writer)
    }

    fn end_object<W: ?Sized + Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.inner.end_object(writer)
    }

    fn begin_object_key<W: ?Sized + Write>(
        &mut self,
        writer: &mut W,
        first: bool,
    ) -> io::Result<()> {
        self.inner.begin_object_key(writer, first)
    }

    fn end_object_key<W: ?Sized + Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.inner.end_object_key(writer)
    }

    fn begin_object_value<W: ?Sized + Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.inner.begin_object_value(writer)
    }

    fn end_object_value<W: ?Sized + Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.inner.end_object_value(writer)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::{json, Value};

    fn escaped(c: char) -> bool {
        matches!(c, '\u{7f}'..='\u{9f}' | '\u{2028}' | '\u{2029}')
    }

    #[test]
    fn del_c1_and_line_separators_are_escaped_in_values_and_keys() {
        let text = "a\u{7f}b\u{80}\u{9b}1m\u{9f}\u{a0}\u{2027}\u{2028}\u{2029}\u{202a}\u{1b}[0m";
        let json = String::from_utf8(to_vec(&json!({ "k\u{85}": text })).unwrap()).unwrap();
        assert_eq!(
            json,
            r#"{"k\u0085":"a\u007fb\u0080\u009b1m\u009f"#.to_owned()
                + "\u{a0}\u{2027}"
                + r#"\u2028\u2029"#
                + "\u{202a}"
                + r#"\u001b[0m"}"#
        );
    }

    // Every scalar value at once: the escapes decode back to the exact text,
    // and apart from serde_json's own escapes (C0, quote, backslash) only the
    // chosen characters are escaped.
    #[test]
    fn every_char_round_trips_and_only_the_chosen_ones_are_escaped() {
        let all: String = (0..=0x10_ffff_u32).filter_map(char::from_u32).collect();
        let json = String::from_utf8(to_vec(&all).unwrap()).unwrap();
        assert_eq!(serde_json::from_str::<String>(&json).unwrap(), all);
        assert!(!json.chars().any(escaped));

        let plain: String = all
            .chars()
            .filter(|&c| c >= ' ' && c != '"' && c != '\\')
            .collect();
        let mut want = String::from("\"");
        for c in plain.chars() {
            if escaped(c) {
                want += &format!("\\u{:04x}", u32::from(c));
            } else {
                want.push(c);
            }
        }
        want.push('"');
        assert_eq!(String::from_utf8(to_vec(&plain).unwrap()).unwrap(), want);
    }

    // Goldens and consumers rely on the bytes: apart from the new escapes the
    // output must be serde_json's, compact and pretty.
    #[test]
    fn other_output_is_byte_for_byte_serde_json() {
        let value: Value = json!({
            "source": "dir/naïve “quoted” — text…",
            "n": [0, -1, 1.5, 1e300, null, true, false],
            "nested": {"empty": {}, "list": [], "s": "tab\tquote\"slash\\\u{0}\u{1f}"},
            "emoji": "👩‍👩‍👧 漢字 עברית \u{a0}\u{c2}\u{e2}\u{2030}\u{20ac}",
        });
        assert_eq!(to_vec(&value).unwrap(), serde_json::to_vec(&value).unwrap());
        let mut pretty = Vec::new();
        to_writer_pretty(&mut pretty, &value).unwrap();
        assert_eq!(pretty, serde_json::to_vec_pretty(&value).unwrap());
    }
}
