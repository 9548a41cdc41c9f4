//! The `lede` command: arguments in, summaries out, and the exit code.

#![forbid(unsafe_code)]

mod args;
mod batch;
mod bench;
mod extract;
mod sentences;

use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::Context;
use clap::Parser;
use lede::html::{summarize_page, InputKind, Page};
use lede::output::json::JsonSummary;
use lede::output::text::escape_controls;
use lede::summarize::UnitNote;
use lede::{output, Format, Language, Summarizer};

use args::{Args, Command};

fn main() -> ExitCode {
    let args = match Args::try_parse() {
        Ok(args) => args,
        Err(err) if !err.use_stderr() => err.exit(),
        Err(err) => {
            // clap quotes the value it refuses as given: escape what would
            // drive the terminal (its usage lines keep their line breaks).
            let message = err.render().to_string();
            for line in message.lines() {
                eprintln!("{}", escape_controls(line));
            }
            return ExitCode::from(2);
        }
    };
    match run(&args) {
        Ok(true) => ExitCode::SUCCESS,
        Ok(false) => ExitCode::from(1),
        Err(err) if is_broken_pipe(&err) => ExitCode::SUCCESS,
        Err(err) => {
            report(format_args!("{err:#}"));
            ExitCode::from(1)
        }
    }
}

/// Prints a message on stderr as `lede: MESSAGE`, with the control
/// characters of file names, ids and option values in it escaped, so that
/// it stays one line and cannot drive the terminal.
pub fn report(message: std::fmt::Arguments<'_>) {
    eprintln!("lede: {}", escape_controls(&message.to_string()));
}

/// Runs the command. `Ok(false)` means some input failed (and was reported)
/// while the others were summarized.
fn run(args: &Args) -> anyhow::Result<bool> {
    match &args.command {
        Some(Command::Bench(bench_args)) => return bench::run(bench_args),
        Some(Command::Extract(extract_args)) => return extract::run(extract_args),
        Some(Command::Sentences(sentences_args)) => return sentences::run(sentences_args),
        None => {}
    }
    if args.jsonl {
        return batch::run(args);
    }
    let stdout = io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    if args.list_languages {
        for language in Language::all() {
            let note = if language.has_stemmer() {
                ""
            } else {
                "\tstop words only"
            };
            writeln!(out, "{}\t{}{note}", language.code(), language.name())?;
        }
        out.flush()?;
        return Ok(true);
    }
    let summarizer = Summarizer::new(args.options()?)?;
    let files: Vec<PathBuf> = if args.files.is_empty() {
        vec![PathBuf::from("-")]
    } else {
        args.files.clone()
    };
    let format = args.format();
    let several = files.len() > 1;
    if format == Format::Html && several {
        anyhow::bail!("--format html writes one page: give it one file");
    }
    let mut all_ok = true;

    if format == Format::Json && several {
        writeln!(out, "[")?;
    }
    for (i, path) in files.iter().enumerate() {
        let name = path.display().to_string();
        let result = summarize_file(
            &summarizer,
            path,
            args.max_bytes(),
            args.input.into(),
            format == Format::Html,
        );
        match format {
            Format::Html => {
                if let Ok(doc) = &result {
                    let text = doc
                        .page
                        .as_ref()
                        .map_or(doc.text.as_str(), |p| p.text.as_str());
                    output::html::write(
                        &mut out,
                        &name,
                        &doc.summary,
                        text,
                        &doc.notes,
                        doc.page.as_ref(),
                    )?;
                }
            }
            Format::Text => {
                if several {
                    if i > 0 {
                        writeln!(out)?;
                    }
                    writeln!(out, "==> {} <==", escape_controls(&name))?;
                }
                if let Ok(doc) = &result {
                    if args.raw {
                        output::text::write_raw(&mut out, &doc.summary)?;
                    } else {
                        output::text::write(&mut out, &doc.summary)?;
                    }
                }
            }
            Format::Json => {
                if several && i > 0 {
                    write!(out, ",")?;
                }
                match &result {
                    Ok(doc) => {
                        let json = JsonSummary::new(&name, &doc.summary);
                        let json = match &doc.page {
                            Some(page) => json.with_page(page),
                            None => json,
                        };
                        output::json::to_writer(&mut out, &json)?
                    }
                    Err(err) if several => output::json::to_writer(
                        &mut out,
                        &ErrorRecord {
                            source: &name,
                            error: format!("{err:#}"),
                        },
                    )?,
                    Err(_) => {}
                }
                if result.is_ok() || several {
                    writeln!(out)?;
                }
            }
        }
        if let Err(err) = result {
            // Keep stdout and stderr in order when both go to a terminal.
            out.flush()?;
            if is_broken_pipe(&err) {
                return Err(err);
            }
            report(format_args!("{err:#}"));
            all_ok = false;
        }
    }
    if format == Format::Json && several {
        writeln!(out, "]")?;
    }
    out.flush()?;
    Ok(all_ok)
}

/// A file that failed, in a JSON array of results.
#[derive(serde::Serialize)]
pub(crate) struct ErrorRecord<'a> {
    pub(crate) source: &'a str,
    pub(crate) error: String,
}

/// One input, summarized.
struct Doc {
    /// The text summarized, for text input (a page's is `page.text`).
    text: String,
    /// The web page the text came from, if it was one.
    page: Option<Page>,
    summary: lede::Summary,
    /// What became of each unit, when asked for.
    notes: Vec<UnitNote>,
}

fn summarize_file(
    summarizer: &Summarizer,
    path: &Path,
    max_bytes: Option<u64>,
    input: InputKind,
    notes: bool,
) -> anyhow::Result<Doc> {
    let bytes = lede::input::read_bytes_limited(path, max_bytes)?;
    let name = || path.display().to_string();
    if input.is_html(&bytes) {
        let page = extract::page_of(path, &bytes)?;
        let (summary, notes) = summarize_page(summarizer, &page, notes).with_context(name)?;
        return Ok(Doc {
            text: String::new(),
            page: Some(page),
            summary,
            notes,
        });
    }
    let text = lede::input::decode(&name(), bytes)?;
    let (summary, notes) = if notes {
        summarizer.annotate(&text, None).with_context(name)?
    } else {
        (summarizer.summarize(&text).with_context(name)?, Vec::new())
    };
    Ok(Doc {
        text,
        page: None,
        summary,
        notes,
    })
}

/// A closed pipe (`lede big.txt | head -1`) is how the reader says it has
/// seen enough: stop quietly, as ripgrep does.
pub(crate) fn is_broken_pipe(err: &anyhow::Error) -> bool {
    // `lede::Error::Read` names its io::Error as `source`, so the chain
    // already reaches it: one check covers our errors and raw I/O alike.
    err.chain().any(|cause| {
        cause
            .downcast_ref::<io::Error>()
            .is_some_and(|e| e.kind() == io::ErrorKind::BrokenPipe)
    })
}
