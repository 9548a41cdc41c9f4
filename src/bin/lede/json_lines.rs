//! `--json` output: JSON Lines, one object per input, whatever the number of
//! inputs, and an input that failed is an object too (as ripgrep's `--json`),
//! so `lede --json *.txt | jq` sees the same shape for one file or many.

use std::io::{self, Write};

use serde::Serialize;

/// An input that failed: its name and the message also reported on stderr.
#[derive(Serialize)]
struct ErrorRecord<'a> {
    source: &'a str,
    error: String,
}

/// Writes `value` as one line of JSON.
pub fn write(out: &mut impl Write, value: &impl Serialize) -> io::Result<()> {
    lede::output::json::to_writer(&mut *out, value)?;
    writeln!(out)
}

/// Writes `{"source", "error"}` for the input `source` that failed with `err`.
pub fn write_error(out: &mut impl Write, source: &str, err: &anyhow::Error) -> io::Result<()> {
    write(
        out,
        &ErrorRecord {
            source,
            error: format!("{err:#}"),
        },
    )
}
