//! Command-line arguments (clap derive), turned into library `Options`.

use std::num::NonZeroUsize;
use std::path::PathBuf;

use clap::error::ErrorKind;
use clap::{CommandFactory, Parser, Subcommand, ValueEnum};
use lede::html::InputKind;
use lede::language::LanguageChoice;
use lede::output::text::escape_controls;
use lede::{Format, Length, Options, Weights};

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
    #[arg(short = 'n', long, value_name = "N", group = "length", value_parser = parse_count)]
    pub sentences: Option<usize>,

    /// Summary length as a fraction of the unique sentences, e.g. 0.2.
    #[arg(long, value_name = "R", group = "length", value_parser = parse_ratio)]
    pub ratio: Option<f64>,

    /// Summary length as a word budget.
    #[arg(long, value_name = "W", group = "length", value_parser = parse_count)]
    pub words: Option<usize>,

    /// Language of the text: an ISO 639-1 code or an English name, or
    /// `auto` to detect it from each text.
    /// A region is dropped (`en-US` is `en`).
    #[arg(short, long, value_name = "CODE", default_value = "auto", value_parser = parse_language)]
    pub lang: LanguageChoice,

    /// Output format.
    #[arg(short, long, value_enum, default_value_t = FormatArg::Text, overrides_with = "json")]
    pub format: FormatArg,

    /// What the input is: `auto` reads a file that starts like a web page
    /// (a doctype, `<html>`, `<head>` or `<body>`) as one, and takes its
    /// article out before summarizing.
    #[arg(long, value_enum, default_value_t = InputArg::Auto)]
    pub input: InputArg,

    /// Shorthand for `--format json` (of the two, the last one given wins).
    #[arg(long, overrides_with = "format")]
    pub json: bool,

    /// List the supported languages and exit.
    #[arg(long)]
    pub list_languages: bool,

    /// Print the man page (`man`) or a shell's completions, and exit:
    /// `lede --generate man > lede.1`, `lede --generate bash > lede.bash`.
    #[arg(long, value_enum, value_name = "WHAT", exclusive = true)]
    pub generate: Option<crate::generate::Generate>,

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

    /// Refuse an input larger than this (0: no limit), so a huge file by
    /// mistake gives an error instead of filling memory. Takes a K, M, G or
    /// T suffix (KiB, MiB, GiB, TiB).
    #[arg(long, value_name = "BYTES", default_value = "8M", value_parser = parse_size)]
    pub max_bytes: u64,

    /// Keep control characters from the input in text output (terminal
    /// escape sequences among them), which are dropped by default.
    #[arg(long)]
    pub raw: bool,

    /// Batch mode: read JSON Lines records `{"id": .., "text": ..}` (with
    /// optional "sentences", "ratio", "words", "lang") and write one JSON
    /// result per record, in input order.
    #[arg(long, conflicts_with_all = ["format", "json", "list_languages", "raw"])]
    pub jsonl: bool,

    /// Worker threads for --jsonl (default: one per core; at most four per
    /// core, as more only take turns).
    #[arg(long, value_name = "N", requires = "jsonl", value_parser = parse_threads)]
    pub threads: Option<NonZeroUsize>,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    // The help texts are the doc comments of `BenchArgs` and `SentencesArgs`.
    Bench(crate::bench::BenchArgs),
    // The help text is `ExtractArgs`' doc comment.
    Extract(crate::extract::ExtractArgs),
    Sentences(crate::sentences::SentencesArgs),
}

/// Output formats as the CLI spells them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum FormatArg {
    /// Headline, blank line, one sentence per line.
    Text,
    /// JSON Lines: an object per file, {"source", "error"} for one that failed.
    Json,
    /// A standalone web page: the headline, the summary, and the whole
    /// text with the summary highlighted in place (one file only).
    Html,
}

/// What the input is, as the CLI spells it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum InputArg {
    /// A web page when it starts like one, text otherwise.
    Auto,
    /// Always text.
    Text,
    /// Always a web page.
    Html,
}

impl From<InputArg> for InputKind {
    fn from(arg: InputArg) -> Self {
        match arg {
            InputArg::Auto => InputKind::Auto,
            InputArg::Text => InputKind::Text,
            InputArg::Html => InputKind::Html,
        }
    }
}

impl Args {
    /// The output format, with `--json` applied.
    pub fn format(&self) -> Format {
        match (self.json, self.format) {
            (true, _) | (_, FormatArg::Json) => Format::Json,
            (false, FormatArg::Text) => Format::Text,
            (false, FormatArg::Html) => Format::Html,
        }
    }

    /// The most bytes of one input to read (`--max-bytes`); `None` is no
    /// limit.
    pub fn max_bytes(&self) -> Option<u64> {
        Some(self.max_bytes).filter(|&limit| limit > 0)
    }

    /// The arguments, once the library's options are checked too, so that
    /// every value out of range is a usage error naming its flag (exit 2).
    pub fn checked(self) -> Result<Self, clap::Error> {
        if let Err(err) = self.options().validate() {
            return Err(Self::command().error(ErrorKind::ValueValidation, err));
        }
        if self.command.is_none() && self.format() == Format::Html && self.files.len() > 1 {
            return Err(Self::command().error(
                ErrorKind::ArgumentConflict,
                "--format html writes one page: give it one file",
            ));
        }
        Ok(self)
    }

    /// The library options these arguments ask for.
    pub fn options(&self) -> Options {
        let length = match (self.sentences, self.ratio, self.words) {
            (Some(n), _, _) => Length::Sentences(n),
            (_, Some(r), _) => Length::Ratio(r),
            (_, _, Some(w)) => Length::Words(w),
            _ => Length::default(),
        };
        Options {
            language: self.lang,
            length,
            dedup_threshold: self.dedup_threshold,
            redundancy_threshold: self.redundancy,
            weights: Weights {
                tfidf: self.tfidf_weight,
                position: self.position_weight,
            },
            allow_unpunctuated: self.lines,
            ..Options::default()
        }
    }
}

/// Parses a count of 1 or more (`-n`, `--words`).
pub fn parse_count(value: &str) -> Result<usize, String> {
    match value.trim().parse::<usize>() {
        Ok(0) => Err("must be 1 or more".to_string()),
        Ok(n) => Ok(n),
        Err(_) => Err(format!("'{value}' is not a whole number of 1 or more")),
    }
}

/// Parses a summary ratio: a fraction in (0, 1].
fn parse_ratio(value: &str) -> Result<f64, String> {
    match value.trim().parse::<f64>() {
        Ok(r) if r > 0.0 && r <= 1.0 => Ok(r),
        _ => Err("must be a fraction in (0, 1], such as 0.2".to_string()),
    }
}

/// Parses `--threads`: 1 or more.
pub fn parse_threads(value: &str) -> Result<NonZeroUsize, String> {
    match value.trim().parse::<usize>() {
        Ok(n) => NonZeroUsize::new(n)
            .ok_or_else(|| "must be 1 or more (leave --threads out for one per core)".to_string()),
        Err(_) => Err(format!("'{value}' is not a whole number of threads")),
    }
}

/// Parses `--lang`: `auto`, or a language code or name, with any region
/// dropped.
pub fn parse_language(value: &str) -> Result<LanguageChoice, String> {
    // The value is quoted escaped: it must not drive the terminal, nor
    // forge a line of its own.
    value.parse().map_err(|_: lede::Error| {
        lede::Error::UnsupportedLanguage(escape_controls(value).into_owned()).to_string()
    })
}

/// Parses a size in bytes, with an optional binary suffix: `1000`, `64K`,
/// `256M`, `2G` (also `256MiB`, `256mb`: the unit is always binary).
pub fn parse_size(value: &str) -> Result<u64, String> {
    let value = value.trim();
    let digits = value.trim_end_matches(|c: char| c.is_ascii_alphabetic());
    let unit = &value[digits.len()..];
    let shift = match unit.to_ascii_lowercase().as_str() {
        "" | "b" => 0,
        "k" | "kb" | "kib" => 10,
        "m" | "mb" | "mib" => 20,
        "g" | "gb" | "gib" => 30,
        "t" | "tb" | "tib" => 40,
        _ => return Err(format!("unknown unit '{unit}' (use K, M, G or T)")),
    };
    let number: u64 = digits
        .trim()
        .parse()
        .map_err(|_| format!("'{value}' is not a size in bytes, such as 1000, 64K or 256M"))?;
    number
        .checked_mul(1 << shift)
        .ok_or_else(|| format!("'{value}' is too large"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_take_binary_suffixes() {
        let cases = [
            ("0", Ok(0)),
            ("1000", Ok(1000)),
            ("64K", Ok(64 << 10)),
            ("256M", Ok(256 << 20)),
            ("256MiB", Ok(256 << 20)),
            ("2g", Ok(2 << 30)),
            ("1T", Ok(1 << 40)),
            ("", Err(())),
            ("M", Err(())),
            ("-1", Err(())),
            ("1.5M", Err(())),
            ("12X", Err(())),
            ("99999999999T", Err(())),
        ];
        for (value, want) in cases {
            assert_eq!(parse_size(value).map_err(|_| ()), want, "value: {value:?}");
        }
    }
}
