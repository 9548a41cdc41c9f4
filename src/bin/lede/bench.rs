//! `lede bench`: arguments, running the library's benchmark, and printing it.

use std::io::{self, BufWriter, Write};
use std::path::PathBuf;

use clap::builder::RangedU64ValueParser;
use clap::{Parser, ValueEnum};
use lede::bench::report::{self, Entry};
use lede::bench::{Settings, SummaryLength, DEFAULT_PASSES};

/// Measure speed per stage and ROUGE quality against reference summaries and titles
///
/// Each PATH is a corpus folder (`NN-slug.txt` with `NN-slug.ref.json`) or a
/// JSON Lines file of {"id", "text", "title"?, "summary"?,
/// "summary_sentences"?, "lang"?} records. To summarize a file named
/// `bench`, write `lede ./bench`.
#[derive(Debug, Parser)]
pub struct BenchArgs {
    /// Corpus folders or JSON Lines files.
    #[arg(value_name = "PATH", default_value = "corpus/")]
    pub paths: Vec<PathBuf>,

    /// Summary sentences: a number, or `ref` for the reference's sentence
    /// count (3 for articles without one). The Lead baseline uses the same k.
    #[arg(long, value_name = "N|ref", default_value = "ref", value_parser = parse_k)]
    pub k: SummaryLength,

    /// Timed passes over each set; the report shows medians.
    #[arg(long, value_name = "N", default_value_t = DEFAULT_PASSES,
          value_parser = RangedU64ValueParser::<usize>::new().range(1..))]
    pub passes: usize,

    /// Output format.
    #[arg(short, long, value_enum, default_value_t = ReportFormat::Text)]
    pub format: ReportFormat,

    /// Time web pages instead: each PATH is a folder of `*.html` pages (or
    /// of folders holding a `source.html`); extracting the article is
    /// timed apart from summarizing it.
    #[arg(long)]
    pub pages: bool,

    /// Leave out these signals, to measure what each one gives: a
    /// comma-separated list of `decks`, `meaning` and `nut-graf`.
    #[arg(long, value_name = "SIGNALS", default_value = "none")]
    pub without: lede::options::Signals,
}

/// How the report is printed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ReportFormat {
    /// Tables: speed and quality per PATH, then overall means.
    Text,
    /// The same as one JSON document.
    Json,
}

fn parse_k(value: &str) -> Result<SummaryLength, String> {
    if value == "ref" {
        return Ok(SummaryLength::Reference);
    }
    match value.parse::<usize>() {
        Ok(k) if k > 0 => Ok(SummaryLength::Fixed(k)),
        _ => Err("expected a number of sentences (1 or more) or `ref`".to_string()),
    }
}

/// How many problems to print per file before just counting them.
const SHOWN_PROBLEMS: usize = 5;

/// Runs the benchmark and prints it. `Ok(false)` when some records were
/// malformed (they were reported and skipped), or when no path could be
/// measured.
pub fn run(args: &BenchArgs) -> anyhow::Result<bool> {
    if args.pages {
        return run_pages(args);
    }
    let mut settings = Settings {
        k: args.k,
        passes: args.passes,
        ..Settings::default()
    };
    settings.options.signals = args.without;
    let report = lede::bench::run(&args.paths, &settings)?;

    let mut all_ok = true;
    for entry in &report.files {
        if let Entry::Measured(file) = entry {
            for problem in file.problems.iter().take(SHOWN_PROBLEMS) {
                crate::report(format_args!("{problem}"));
            }
            if file.problems.len() > SHOWN_PROBLEMS {
                crate::report(format_args!(
                    "{}: {} more bad records skipped",
                    file.path,
                    file.problems.len() - SHOWN_PROBLEMS
                ));
            }
            all_ok &= file.problems.is_empty();
        }
    }

    // A run that measured nothing (only skipped paths) did not do what was
    // asked: the report still says why, and the exit code says it failed.
    if !report
        .files
        .iter()
        .any(|entry| matches!(entry, Entry::Measured(_)))
    {
        crate::report(format_args!(
            "nothing measured: no path holds articles (corpus folders of NN-slug.txt, or JSON Lines with \"text\")"
        ));
        all_ok = false;
    }

    let stdout = io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    match args.format {
        ReportFormat::Text => report::write_text(&mut out, &report)?,
        ReportFormat::Json => {
            lede::output::json::to_writer_pretty(&mut out, &report)?;
            writeln!(out)?;
        }
    }
    out.flush()?;
    Ok(all_ok)
}

/// `lede bench --pages`: one line per folder of pages.
fn run_pages(args: &BenchArgs) -> anyhow::Result<bool> {
    let summarizer = lede::Summarizer::new(lede::Options::default())?;
    let speeds = args
        .paths
        .iter()
        .map(|path| lede::bench::pages::run(path, &summarizer, args.passes))
        .collect::<Result<Vec<_>, _>>()?;
    let stdout = io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    match args.format {
        ReportFormat::Json => {
            lede::output::json::to_writer_pretty(&mut out, &speeds)?;
            writeln!(out)?;
        }
        ReportFormat::Text => {
            writeln!(
                out,
                "pages (median of {} passes, one thread)\n\
                 {:<28} {:>6} {:>7} {:>11} {:>9} {:>12} {:>11}  slowest page",
                args.passes,
                "path",
                "pages",
                "MB",
                "extract p/s",
                "MB/s",
                "summarize ms",
                "total p/s"
            )?;
            for s in &speeds {
                writeln!(
                    out,
                    "{:<28} {:>6} {:>7.1} {:>11.1} {:>9.2} {:>12.1} {:>11.1}  {:.0} ms ({}){}",
                    s.path,
                    s.pages,
                    s.bytes as f64 / 1e6,
                    s.extract_pages_per_second(),
                    s.extract_megabytes_per_second(),
                    s.summarize_seconds * 1e3,
                    s.pages_per_second(),
                    s.slowest.1 * 1e3,
                    s.slowest.0,
                    if s.no_article > 0 {
                        format!("; {} without an article", s.no_article)
                    } else {
                        String::new()
                    },
                )?;
            }
        }
    }
    out.flush()?;
    Ok(true)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn k_is_a_count_or_ref() {
        for (value, want) in [
            ("ref", Ok(SummaryLength::Reference)),
            ("4", Ok(SummaryLength::Fixed(4))),
            ("0", Err(())),
            ("-1", Err(())),
            ("refs", Err(())),
        ] {
            assert_eq!(parse_k(value).map_err(|_| ()), want, "value: {value:?}");
        }
    }
}
