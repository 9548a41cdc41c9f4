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
use serde_json::{Map, Value};

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
        .filter_map(|(raw, number)| record(raw).map(|line| (number, line)))
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
        // The oracle reads the record as a map, which keeps the last of a
        // field given twice, as lede does. A map of `Value`s refuses what
        // lede takes: a number beyond `f64` (an id is kept as written) and a
        // lone surrogate escape in a field lede skips; such records are not
        // checked further.
        let Ok(record) = serde_json::from_slice::<Map<String, Value>>(line) else {
            continue;
        };
        let id = record.get("id").cloned().unwrap_or(Value::Null);
        assert_eq!(value["id"], id, "{result}");
        let text = record
            .get("text")
            .and_then(Value::as_str)
            .expect("a summarized record has a text");
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

/// The record of a line whose bytes without the line break are `raw`: the
/// line without a BOM (which starts each file of several joined with
/// `cat`), or `None` when it is blank. A line over the limit is a record (an
/// error record) whatever it holds, since it is skipped unread.
fn record(raw: &[u8]) -> Option<&[u8]> {
    let line = raw.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(raw);
    let blank = line.iter().all(|b| matches!(b, b' ' | b'\t' | b'\r'));
    (raw.len() > MAX_LINE_BYTES || !blank).then_some(line)
}
