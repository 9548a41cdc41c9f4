//! `lede sentences`: the splitter on its own, every unit of each text.

use std::io::{self, BufWriter, Write};
use std::num::NonZeroUsize;
use std::path::PathBuf;

use clap::Parser;
use lede::batch::{Batch, BatchOptions, Task};
use lede::language::LanguageChoice;
use lede::output::json::JsonUnit;
use lede::output::text::{escape_controls, printable};
use lede::split::Splitter;
use lede::Options;
use serde::Serialize;

use crate::args::{parse_language, parse_size, parse_threads};
use crate::{json_lines, Outcome};

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
    /// A region is dropped (`en-US` is `en`).
    #[arg(short, long, value_name = "CODE", default_value = "auto", value_parser = parse_language)]
    pub lang: LanguageChoice,

    /// JSON Lines: {"source", "units": [{"text", "start", "end", "kind"}]}
    /// per input (byte offsets into it), or {"source", "error"} for one that
    /// failed.
    #[arg(long)]
    pub json: bool,

    /// Batch mode: read JSON Lines records {"id", "text", "lang"?} and write
    /// {"id", "units": [...]} for each, in input order; a bad record gives
    /// an error record.
    #[arg(long, conflicts_with = "json")]
    pub jsonl: bool,

    /// Worker threads for --jsonl (default: one per core).
    #[arg(long, value_name = "N", requires = "jsonl", value_parser = parse_threads)]
    pub threads: Option<NonZeroUsize>,

    /// Refuse an input (a record with --jsonl) larger than this (0: no
    /// limit). Takes a K, M, G or T suffix (KiB, MiB, GiB, TiB).
    #[arg(long, value_name = "BYTES", default_value = "8M", value_parser = parse_size)]
    pub max_bytes: u64,
}

/// Runs `lede sentences`.
pub fn run(args: &SentencesArgs) -> anyhow::Result<Outcome> {
    let language = args.lang;
    crate::hint_if_stdin_is_a_terminal(&args.files);
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
    for (i, path) in files.iter().enumerate() {
        let name = path.display().to_string();
        let text = lede::input::read_path_limited(path, max_bytes).map_err(anyhow::Error::from);
        if !args.json && several {
            if i > 0 {
                writeln!(out)?;
            }
            writeln!(out, "==> {} <==", escape_controls(&name))?;
        }
        match &text {
            Ok(text) => {
                let units = splitter.split(text, language).units;
                if args.json {
                    let units = JsonUnit::all(text, &units);
                    json_lines::write(
                        &mut out,
                        &FileUnits {
                            source: &name,
                            units,
                        },
                    )?;
                } else {
                    for unit in &units {
                        let line: Vec<&str> = unit.text(text).split_whitespace().collect();
                        writeln!(out, "{}", printable(&line.join(" ")))?;
                    }
                }
            }
            Err(err) => {
                if args.json {
                    json_lines::write_error(&mut out, &name, err)?;
                }
                // Keep stdout and stderr in order when both go to a terminal.
                out.flush()?;
                crate::report(format_args!("{err:#}"));
                all_ok = false;
            }
        }
    }
    out.flush()?;
    Ok(Outcome::from_all_ok(all_ok))
}

/// The units of one input.
#[derive(Serialize)]
struct FileUnits<'a> {
    source: &'a str,
    units: Vec<JsonUnit<'a>>,
}
