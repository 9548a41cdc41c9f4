//! Fuzzes the library's entry points for one text: `input::read_text` on
//! the raw bytes, `Summarizer::summarize` on the text (or on the bytes made
//! lossy UTF-8 when they are refused), and both output writers; and checks
//! the summary's invariants, so a wrong span is a crash too.
//!
//! The first byte picks one of the summarizers in `CONFIGS`; the rest is the
//! text. Language is the default (detected from the text), so the fuzzer
//! reaches every language's rules.
#![no_main]

use std::sync::OnceLock;

use lede::{output, Length, Options, Summarizer, Summary};
use libfuzzer_sys::fuzz_target;

/// A limit low enough that the fuzzer meets it (its inputs are a few KB).
const MAX_BYTES: u64 = 2048;

/// Each configuration: length, `--lines`, dedup threshold, redundancy.
const CONFIGS: &[(Length, bool, f64, f64)] = &[
    (Length::Sentences(3), false, 0.8, 0.5),
    (Length::Sentences(1), true, 0.8, 0.5),
    (Length::Ratio(0.5), false, 0.8, 0.5),
    (Length::Words(20), true, 0.8, 0.5),
    (Length::Sentences(usize::MAX), true, 0.8, 0.5),
    (Length::Ratio(1.0), true, 1.0, 1.0),
    (Length::Words(1), false, 0.01, 0.0),
    (Length::Sentences(2), true, 0.5, 0.9),
];

fn summarizers() -> &'static [Summarizer] {
    static SUMMARIZERS: OnceLock<Vec<Summarizer>> = OnceLock::new();
    SUMMARIZERS.get_or_init(|| {
        CONFIGS
            .iter()
            .map(|&(length, lines, dedup, redundancy)| {
                Summarizer::new(Options {
                    length,
                    allow_unpunctuated: lines,
                    dedup_threshold: dedup,
                    redundancy_threshold: redundancy,
                    ..Options::default()
                })
                .expect("valid options")
            })
            .collect()
    })
}

fuzz_target!(|data: &[u8]| {
    let Some((&config, bytes)) = data.split_first() else {
        return;
    };
    let summarizers = summarizers();
    let summarizer = &summarizers[usize::from(config) % summarizers.len()];
    let length = CONFIGS[usize::from(config) % CONFIGS.len()].0;

    let text = match lede::input::read_text("fuzz", bytes, Some(MAX_BYTES)) {
        Ok(text) => {
            assert!(bytes.len() as u64 <= MAX_BYTES);
            assert_eq!(text.as_bytes(), bytes);
            text
        }
        Err(_) => String::from_utf8_lossy(bytes).into_owned(),
    };
    match summarizer.summarize(&text) {
        Ok(summary) => check(&text, length, &summary),
        Err(problem) => {
            // A refusal is a message, never an empty one.
            assert!(!problem.to_string().is_empty());
        }
    }
});

/// The invariants of every summary, and of its text and JSON output.
fn check(text: &str, length: Length, summary: &Summary) {
    if let Length::Sentences(n) = length {
        assert!(summary.sentences.len() <= n);
    }
    assert!(summary.sentences.len() <= summary.unit_count);
    assert!(!summary.headline.text.contains('\n'));
    let mut previous_end = 0;
    let mut previous_index = None;
    for s in &summary.sentences {
        assert!(s.start < s.end && s.end <= text.len(), "{s:?}");
        assert!(previous_end <= s.start, "overlap at {s:?}");
        assert!(previous_index < Some(s.index), "order at {s:?}");
        assert_eq!(text.get(s.start..s.end), Some(s.text.as_str()));
        assert!(s.score.score.is_finite(), "{s:?}");
        previous_end = s.end;
        previous_index = Some(s.index);
    }

    let mut out = Vec::new();
    output::text::write(&mut out, summary).expect("writing to a Vec");
    let out = String::from_utf8(out).expect("text output is UTF-8");
    assert!(
        !out.chars().any(|c| c.is_control() && c != '\n'),
        "a control character in text output: {out:?}"
    );
    let lines = usize::from(!summary.headline.text.is_empty()) * 2 + summary.sentences.len();
    assert_eq!(out.lines().count(), lines, "one line per sentence: {out:?}");

    let mut raw = Vec::new();
    output::text::write_raw(&mut raw, summary).expect("writing to a Vec");
    assert_eq!(
        String::from_utf8(raw).expect("UTF-8").lines().count(),
        lines
    );

    let mut json = Vec::new();
    output::json::write(&mut json, "fuzz", summary).expect("writing to a Vec");
    assert_eq!(json.iter().filter(|&&b| b == b'\n').count(), 1, "one line");
    let value: serde_json::Value = serde_json::from_slice(&json).expect("valid JSON");
    let sentences = value["summary"].as_array().expect("a summary array");
    assert_eq!(sentences.len(), summary.sentences.len());
    for (got, want) in sentences.iter().zip(&summary.sentences) {
        assert_eq!(got["text"].as_str(), Some(want.text.as_str()));
        assert_eq!(got["start"].as_u64(), Some(want.start as u64));
    }
    assert_eq!(
        value["headline"].as_str(),
        Some(summary.headline.text.as_str())
    );
}
