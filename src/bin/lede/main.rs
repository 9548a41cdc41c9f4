//! The `lede` command: arguments in, summaries out, and the exit code.

#![forbid(unsafe_code)]

mod args;
mod batch;
mod bench;
mod extract;
mod generate;
mod json_lines;
mod sentences;

use std::io::{self, BufWriter, IsTerminal, Write};
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

/// The exit codes (the README's table).
mod exit {
    /// Every input was summarized.
    pub const SUCCESS: u8 = 0;
    /// An input could not be read or summarized (each reported on stderr;
    /// the others were written), or the output could not be written.
    pub const FAILURE: u8 = 1;
    /// Bad usage: an unknown flag or a value out of range, named on stderr.
    pub const USAGE: u8 = 2;
    /// A batch ran to its end, but some records failed: each is an error
    /// record in the output.
    pub const RECORDS_FAILED: u8 = 3;
}

/// How a run that no error stopped went.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum Outcome {
    /// Every input was done.
    Done,
    /// Some batch records failed; the others are in the output.
    RecordsFailed,
    /// Some input failed, and was reported on stderr.
    InputsFailed,
}

impl Outcome {
    /// `Done` when `all_ok`, otherwise `InputsFailed`.
    pub(crate) fn from_all_ok(all_ok: bool) -> Self {
        if all_ok {
            Outcome::Done
        } else {
            Outcome::InputsFailed
        }
    }

    fn exit_code(self) -> u8 {
        match self {
            Outcome::Done => exit::SUCCESS,
            Outcome::RecordsFailed => exit::RECORDS_FAILED,
            Outcome::InputsFailed => exit::FAILURE,
        }
    }
}

fn main() -> ExitCode {
    let args = match Args::try_parse().and_then(Args::checked) {
        Ok(args) => args,
        Err(err) if !err.use_stderr() => err.exit(),
        Err(err) => {
            // clap quotes the value it refuses as given: escape what would
            // drive the terminal (its usage lines keep their line breaks).
            let message = err.render().to_string();
            for line in message.lines() {
                eprintln!("{}", escape_controls(line));
            }
            return ExitCode::from(exit::USAGE);
        }
    };
    match run(&args) {
        Ok(outcome) => ExitCode::from(outcome.exit_code()),
        Err(err) if is_broken_pipe(&err) => ExitCode::SUCCESS,
        Err(err) => {
            report(format_args!("{err:#}"));
            ExitCode::from(exit::FAILURE)
        }
    }
}

/// When the text is to come from a terminal, says so on one line of stderr,
/// then reads it all the same: `lede` alone otherwise seems to hang.
pub(crate) fn hint_if_stdin_is_a_terminal(files: &[PathBuf]) {
    let reads_stdin = files.is_empty() || files.iter().any(|path| path == Path::new("-"));
    if reads_stdin && io::stdin().is_terminal() {
        eprintln!("lede: reading standard input; end it with Ctrl-D (see `lede --help`)");
    }
}

/// Prints a message on stderr as `lede: MESSAGE`, with the control
/// characters of file names, ids and option values in it escaped, so that
/// it stays one line and cannot drive the terminal.
pub fn report(message: std::fmt::Arguments<'_>) {
    eprintln!("lede: {}", escape_controls(&message.to_string()));
}

/// Runs the command, and says how it went when no error stopped it.
fn run(args: &Args) -> anyhow::Result<Outcome> {
    match &args.command {
        Some(Command::Bench(bench_args)) => {
            return bench::run(bench_args).map(Outcome::from_all_ok)
        }
        Some(Command::Extract(extract_args)) => {
            return extract::run(extract_args).map(Outcome::from_all_ok)
        }
        Some(Command::Sentences(sentences_args)) => return sentences::run(sentences_args),
        None => {}
    }
    let stdout = io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    if let Some(what) = args.generate {
        generate::write(what, &mut out)?;
        out.flush()?;
        return Ok(Outcome::Done);
    }
    if args.list_languages {
        for language in Language::all() {
            let note = if language.has_stemmer() {
                ""
            } else {
                "\tstop words only"
            };
            writeln!(out, "{}\t{}{note}", language.code(), language.name())?;
        }
        // Two more values --lang takes.
        let und = lede::Language::Undetermined;
        writeln!(
            out,
            "{}\t{}\tno stop words or stemmer",
            und.code(),
            und.name()
        )?;
        writeln!(out, "auto\tdetect the language of each text (the default)")?;
        out.flush()?;
        return Ok(Outcome::Done);
    }
    hint_if_stdin_is_a_terminal(&args.files);
    if args.jsonl {
        drop(out);
        return batch::run(args);
    }
    let summarizer = Summarizer::new(args.options())?;
    let files: Vec<PathBuf> = if args.files.is_empty() {
        vec![PathBuf::from("-")]
    } else {
        args.files.clone()
    };
    let format = args.format();
    let several = files.len() > 1;
    let mut all_ok = true;

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
            Format::Json => match &result {
                Ok(doc) => {
                    let json = JsonSummary::new(&name, &doc.summary);
                    let json = match &doc.page {
                        Some(page) => json.with_page(page),
                        None => json,
                    };
                    json_lines::write(&mut out, &json)?;
                }
                Err(err) => json_lines::write_error(&mut out, &name, err)?,
            },
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
    out.flush()?;
    Ok(Outcome::from_all_ok(all_ok))
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
