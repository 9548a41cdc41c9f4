//! JSON output: one object per text, from `Serialize` structs so the field
//! order is fixed.

use std::io::{self, Write};

use serde::Serialize;

use crate::headline::HeadlineSource;
use crate::language::LanguageSource;
use crate::summarize::Summary;
use crate::text::segment::UnitKind;

/// The JSON form of a summary (schema in the README).
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
    /// Units left out as page furniture (bylines, time stamps, ...).
    pub boilerplate_removed: usize,
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
        }
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
    serde_json::to_writer(&mut *out, &JsonSummary::new(source, summary))?;
    writeln!(out)
}
