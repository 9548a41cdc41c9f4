//! Command-line arguments (clap derive), turned into library `Options`.

use std::path::PathBuf;

use clap::{Parser, Subcommand, ValueEnum};
use lede::{Format, Language, Length, Options, Weights};

/// Extractive summaries and headlines for news articles.
///
/// Reads each FILE (or standard input when there is none, or for `-`), and
/// prints a headline and the sentences that best summarize it.
#[derive(Debug, Parser)]
#[command(name = "lede", version, about, long_about = None, args_conflicts_with_subcommands = true)]
pub struct Args {
    /// A subcommand instead of summarizing; a file named like one needs a
    /// path (`lede ./bench`).
    #[command(subcommand)]
    pub command: Option<Command>,

    /// Text files to summarize; `-` or nothing reads standard input.
    #[arg(value_name = "FILE")]
    pub files: Vec<PathBuf>,

    /// Number of summary sentences.
    #[arg(short = 'n', long, value_name = "N", group = "length")]
    pub sentences: Option<usize>,

    /// Summary length as a fraction of the unique sentences, e.g. 0.2.
    #[arg(long, value_name = "R", group = "length")]
    pub ratio: Option<f64>,

    /// Summary length as a word budget.
    #[arg(long, value_name = "W", group = "length")]
    pub words: Option<usize>,

    /// Language of the text: an ISO 639-1 code or an English name.
    #[arg(short, long, value_name = "CODE", default_value = "en")]
    pub lang: String,

    /// Output format.
    #[arg(short, long, value_enum, default_value_t = FormatArg::Text)]
    pub format: FormatArg,

    /// Shorthand for `--format json`.
    #[arg(long, conflicts_with = "format")]
    pub json: bool,

    /// List the supported languages and exit.
    #[arg(long)]
    pub list_languages: bool,

    /// Jaccard similarity of word sets at or above which a sentence is a near
    /// duplicate of an earlier one (1 = exact duplicates only).
    #[arg(long, value_name = "X", default_value_t = lede::dedup::DEFAULT_THRESHOLD)]
    pub dedup_threshold: f64,

    /// TF-IDF cosine above which a sentence repeats one already picked.
    #[arg(long, value_name = "X", default_value_t = lede::options::DEFAULT_REDUNDANCY_THRESHOLD)]
    pub redundancy: f64,

    /// Weight of the TF-IDF (content) score.
    #[arg(long, value_name = "W", default_value_t = lede::options::DEFAULT_TFIDF_WEIGHT)]
    pub tfidf_weight: f64,

    /// Weight of the position score.
    #[arg(long, value_name = "W", default_value_t = lede::options::DEFAULT_POSITION_WEIGHT)]
    pub position_weight: f64,

    /// Summarize text without sentence punctuation line by line instead of
    /// refusing it.
    #[arg(long)]
    pub lines: bool,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    // The help text is `BenchArgs`' doc comment.
    Bench(crate::bench::BenchArgs),
}

/// Output formats as the CLI spells them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum FormatArg {
    /// Headline, blank line, one sentence per line.
    Text,
    /// JSON, one object per file (an array for several files).
    Json,
}

impl Args {
    /// The output format, with `--json` applied.
    pub fn format(&self) -> Format {
        match (self.json, self.format) {
            (true, _) | (_, FormatArg::Json) => Format::Json,
            (false, FormatArg::Text) => Format::Text,
        }
    }

    /// The library options these arguments ask for.
    pub fn options(&self) -> lede::Result<Options> {
        let length = match (self.sentences, self.ratio, self.words) {
            (Some(n), _, _) => Length::Sentences(n),
            (_, Some(r), _) => Length::Ratio(r),
            (_, _, Some(w)) => Length::Words(w),
            _ => Length::default(),
        };
        Ok(Options {
            language: self.lang.parse::<Language>()?,
            length,
            dedup_threshold: self.dedup_threshold,
            redundancy_threshold: self.redundancy,
            weights: Weights {
                tfidf: self.tfidf_weight,
                position: self.position_weight,
            },
            allow_unpunctuated: self.lines,
        })
    }
}
