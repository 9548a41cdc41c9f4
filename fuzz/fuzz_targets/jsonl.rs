//! Fuzzes batch mode, `lede::batch`: JSON Lines in, one result per record
//! out. Checks that no record is lost or invented (one output line per
//! non-blank input line, numbered as the input), that every output line is
//! a JSON object with either a summary or an error, and that summary spans
//! quote the record's text.
#![no_main]

use std::num::NonZeroUsize;
use std::sync::OnceLock;

use lede::batch::{Batch, BatchOptions};
use libfuzzer_sys::fuzz_target;
use serde::Deserialize;
use serde_json::Value;

/// What the oracle reads of a record, parsed as lede parses it: with serde
/// derive, which skips unknown fields without checking their escapes
/// (`"x": "\\ud800"` passes where a `Value` would refuse it).
#[derive(Deserialize)]
struct Record {
    #[serde(default)]
    id: Option<Value>,
    text: String,
}

/// A line limit the fuzzer can reach, so over-long lines are tried too.
const MAX_LINE_BYTES: usize = 1024;

fn batch() -> &'static Batch {
    static BATCH: OnceLock<Batch> = OnceLock::new();
    BATCH.get_or_init(|| {
        Batch::new(&BatchOptions {
            threads: NonZeroUsize::new(1),
            max_line_bytes: MAX_LINE_BYTES,
            ..BatchOptions::default()
        })
        .expect("a batch with one thread")
    })
}

fuzz_target!(|data: &[u8]| {
    let mut out = Vec::new();
    let stats = batch()
        .run(data, &mut out, "fuzz")
        .expect("reading a slice and writing a Vec cannot fail");

    let records: Vec<(u64, &[u8])> = data
        .split(|&b| b == b'\n')
        .zip(1..)
        .filter_map(|(raw, number)| record(number, raw).map(|line| (number, line)))
        .collect();

    let out = String::from_utf8(out).expect("output is UTF-8");
    assert!(out.is_empty() || out.ends_with('\n'));
    let results: Vec<&str> = out.lines().collect();
    assert_eq!(results.len(), records.len(), "one result per record");
    assert_eq!(stats.records, records.len() as u64);
    assert_eq!(stats.bytes, data.len() as u64);

    let mut failed = 0;
    for (result, &(number, line)) in results.iter().zip(&records) {
        let value: Value = serde_json::from_str(result).expect("each result is JSON");
        assert_eq!(value["line"].as_u64(), Some(number), "{result}");
        assert_eq!(value["source"].as_str(), Some("fuzz"), "{result}");
        if let Some(error) = value.get("error") {
            assert!(error.as_str().is_some_and(|e| !e.is_empty()), "{result}");
            failed += 1;
            continue;
        }
        let record: Record = serde_json::from_slice(line).expect("a summarized record parses");
        assert_eq!(value["id"], record.id.unwrap_or(Value::Null), "{result}");
        let text = record.text.as_str();
        for sentence in value["summary"].as_array().expect("a summary") {
            let (start, end) = (&sentence["start"], &sentence["end"]);
            let span = start
                .as_u64()
                .zip(end.as_u64())
                .and_then(|(s, e)| text.get(usize::try_from(s).ok()?..usize::try_from(e).ok()?));
            assert_eq!(span, sentence["text"].as_str(), "{result}");
        }
    }
    assert_eq!(stats.failed, failed);
});

/// The record on line `number` (from 1), whose bytes without the line break
/// are `raw`: the line without a BOM when it is the first, or `None` when it
/// is blank. A line over the limit is a record (an error record) whatever
/// it holds, since it is skipped unread.
fn record(number: u64, raw: &[u8]) -> Option<&[u8]> {
    let line = match raw.strip_prefix(b"\xEF\xBB\xBF") {
        Some(rest) if number == 1 => rest,
        _ => raw,
    };
    let blank = line.iter().all(|b| matches!(b, b' ' | b'\t' | b'\r'));
    (raw.len() > MAX_LINE_BYTES || !blank).then_some(line)
}
