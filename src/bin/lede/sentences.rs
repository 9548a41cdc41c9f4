//! `lede sentences`: the splitter on its own, every unit of each text.

use std::io::{self, BufWriter, Write};
use std::num::NonZeroUsize;
use std::path::PathBuf;

use clap::Parser;
use lede::batch::{Batch, BatchOptions, Task};
use lede::language::LanguageChoice;
use lede::output::json::{self, JsonUnit};
use lede::output::text::{escape_controls, printable};
use lede::split::Splitter;
use lede::Options;
use serde::Serialize;

use crate::args::parse_size;
use crate::ErrorRecord;

/// Split texts into sentences: every unit, one per line
///
/// Reads each FILE (or standard input when there is none, or for `-`) and
/// prints each of its sentences, headings, list items and captions on a
/// line of its own, in order, duplicates and page furniture included.
#[derive(Debug, Parser)]
pub struct SentencesArgs {
    /// Text files to split; `-` or nothing reads standard input.
    #[arg(value_name = "FILE")]
    pub files: Vec<PathBuf>,

    /// Language of the text: an ISO 639-1 code or an English name, or
    /// `auto` to detect it from each text.
    #[arg(short, long, value_name = "CODE", default_value = "auto")]
    pub lang: String,

    /// A JSON array of {"text", "start", "end", "kind"} per text (byte
    /// offsets into the input); for several files, an array of {"source",
    /// "units"}.
    #[arg(long)]
    pub json: bool,

    /// Batch mode: read JSON Lines records {"id", "text", "lang"?} and write
    /// {"id", "units": [...]} for each, in input order; a bad record gives
    /// an error record.
    #[arg(long, conflicts_with = "json")]
    pub jsonl: bool,

    /// Worker threads for --jsonl (default: one per core).
    #[arg(long, value_name = "N", requires = "jsonl")]
    pub threads: Option<NonZeroUsize>,

    /// Refuse an input (a record with --jsonl) larger than this (0: no
    /// limit). Takes a K, M or G suffix (KiB, MiB, GiB).
    #[arg(long, value_name = "BYTES", default_value = "8M", value_parser = parse_size)]
    pub max_bytes: u64,
}

/// Runs `lede sentences`. `Ok(false)` means some input failed (and was
/// reported) while the others were split.
pub fn run(args: &SentencesArgs) -> anyhow::Result<bool> {
    let language: LanguageChoice = args.lang.parse()?;
    let max_bytes = Some(args.max_bytes).filter(|&limit| limit > 0);
    if args.jsonl {
        let options = BatchOptions {
            options: Options {
                language,
                ..Options::default()
            },
            threads: args.threads,
            max_line_bytes: max_bytes.map_or(usize::MAX, |limit| {
                usize::try_from(limit).unwrap_or(usize::MAX)
            }),
        };
        crate::batch::warn_about_threads(args.threads);
        let batch = Batch::for_task(&options, Task::Sentences)?;
        return crate::batch::run_files(&batch, &args.files);
    }
    let splitter = Splitter::new();
    let stdin = [PathBuf::from("-")];
    let files = if args.files.is_empty() {
        &stdin[..]
    } else {
        &args.files[..]
    };
    let several = files.len() > 1;
    let mut out = BufWriter::new(io::stdout().lock());
    let mut all_ok = true;
    if args.json && several {
        writeln!(out, "[")?;
    }
    for (i, path) in files.iter().enumerate() {
        let name = path.display().to_string();
        let text = lede::input::read_path_limited(path, max_bytes).map_err(anyhow::Error::from);
        if !args.json && several {
            if i > 0 {
                writeln!(out)?;
            }
            writeln!(out, "==> {} <==", escape_controls(&name))?;
        }
        if args.json && several && i > 0 {
            write!(out, ",")?;
        }
        match &text {
            Ok(text) => {
                let units = splitter.split(text, language).units;
                if args.json {
                    let units = JsonUnit::all(text, &units);
                    if several {
                        let file = FileUnits {
                            source: &name,
                            units,
                        };
                        json::to_writer(&mut out, &file)?;
                    } else {
                        json::to_writer(&mut out, &units)?;
                    }
                    writeln!(out)?;
                } else {
                    for unit in &units {
                        let line: Vec<&str> = unit.text(text).split_whitespace().collect();
                        writeln!(out, "{}", printable(&line.join(" ")))?;
                    }
                }
            }
            Err(err) => {
                if args.json && several {
                    let record = ErrorRecord {
                        source: &name,
                        error: format!("{err:#}"),
                    };
                    json::to_writer(&mut out, &record)?;
                    writeln!(out)?;
                }
                // Keep stdout and stderr in order when both go to a terminal.
                out.flush()?;
                crate::report(format_args!("{err:#}"));
                all_ok = false;
            }
        }
    }
    if args.json && several {
        writeln!(out, "]")?;
    }
    out.flush()?;
    Ok(all_ok)
}

/// The units of one of several files.
#[derive(Serialize)]
struct FileUnits<'a> {
    source: &'a str,
    units: Vec<JsonUnit<'a>>,
}
