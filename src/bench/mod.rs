//! Benchmark: speed per stage and ROUGE quality of lede over sets of articles
//! with reference summaries and titles (what `lede bench` runs).
//!
//! Each path is loaded once to score quality (deterministic), then timed over
//! `passes` full passes (read, summarize, format) on one thread; the report
//! holds the median of each stage.
//!
//! ```
//! use std::path::PathBuf;
//! use lede::bench::{self, report::Entry, Settings};
//!
//! let corpus = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("corpus");
//! let settings = Settings { passes: 1, ..Settings::default() };
//! let report = bench::run(&[corpus], &settings)?;
//! let Entry::Measured(file) = &report.files[0] else { panic!("corpus/ has articles") };
//! let quality = file.summary.as_ref().expect("corpus/ has reference summaries");
//! assert_eq!(quality.articles, file.articles);
//! assert!(quality.lede.rouge1 > 0.0 && quality.lead.rouge1 > 0.0);
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

pub mod corpus;
#[cfg(feature = "html")]
pub mod pages;
pub mod quality;
pub mod report;
pub mod timing;

use std::collections::BTreeMap;
use std::fmt;
use std::io;
use std::path::{Path, PathBuf};
use std::time::Instant;

use crate::language::{Language, LanguageChoice};
use crate::options::{Length, Options};
use crate::rouge::Rouge;
use crate::summarize::{StageTimings, Summarizer, Summary};
use crate::text::segment::Segmenter;
use corpus::Article;
use quality::Tally;
use report::{Entry, FileReport, Overall, Report, Skipped, Speed};
use timing::PassTimes;

/// What can stop a benchmark.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// A path could not be read.
    #[error("{}: cannot read", path.display())]
    Read {
        /// The path.
        path: PathBuf,
        /// Why reading failed.
        source: io::Error,
    },
    /// A folder without articles.
    #[error("{}: has no .txt articles (a corpus folder holds NN-slug.txt files with NN-slug.ref.json references)", path.display())]
    NoArticles {
        /// The folder.
        path: PathBuf,
    },
    /// The options given to the summarizer are out of range.
    #[error(transparent)]
    Options(#[from] crate::Error),
}

/// How many sentences each summary (and the Lead baseline) has.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum SummaryLength {
    /// As many as the article's reference summary has; the library's default
    /// length for articles without a sentence-split reference.
    #[default]
    Reference,
    /// This many for every article.
    Fixed(usize),
}

impl fmt::Display for SummaryLength {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            SummaryLength::Reference => f.write_str("ref"),
            SummaryLength::Fixed(k) => write!(f, "{k}"),
        }
    }
}

/// How to run a benchmark.
#[derive(Debug, Clone, PartialEq)]
pub struct Settings {
    /// Summarizer options; `length` is replaced per article by `k`, and
    /// `language` is the default for records without `lang`.
    pub options: Options,
    /// Summary length.
    pub k: SummaryLength,
    /// Timed passes over each set; medians are taken over them.
    pub passes: usize,
}

/// Five passes give a stable median on a quiet machine and finish in
/// seconds on the sample corpus and the dev sets.
pub const DEFAULT_PASSES: usize = 5;

impl Default for Settings {
    fn default() -> Self {
        Settings {
            options: Options::default(),
            k: SummaryLength::default(),
            passes: DEFAULT_PASSES,
        }
    }
}

/// Benchmarks each path in order, and pools them into overall means when
/// more than one was measured.
///
/// # Errors
/// As [`corpus::load`], and [`Error::Options`] when `settings.options` are
/// out of range. Malformed records are not errors: they are skipped and
/// listed in the file's `problems`.
pub fn run(paths: &[PathBuf], settings: &Settings) -> Result<Report, Error> {
    settings.options.validate()?;
    // A mistyped last path should not wait for the others to be measured.
    for path in paths {
        std::fs::metadata(path).map_err(|source| Error::Read {
            path: path.clone(),
            source,
        })?;
    }
    let mut pipelines = Pipelines::new(settings);
    let mut files = Vec::new();
    let mut pooled = Tally::default();
    let mut total = PassTimes::default();
    let (mut measured, mut articles, mut bytes) = (0, 0, 0);
    for path in paths {
        match run_path(path, settings, &mut pipelines)? {
            Measurement::Skipped(skipped) => files.push(Entry::Skipped(skipped)),
            Measurement::Measured(measured_file) => {
                let (file, tally, median) = *measured_file;
                pooled.merge(&tally);
                total = total.plus(&median);
                measured += 1;
                articles += file.articles;
                bytes += file.bytes;
                files.push(Entry::Measured(Box::new(file)));
            }
        }
    }
    let overall = (measured > 1).then(|| Overall {
        files: measured,
        articles,
        bytes,
        speed: Speed::new(&total, settings.passes, articles, bytes),
        summary: pooled.summary_quality(),
        headline: pooled.headline_quality(),
    });
    Ok(Report {
        files,
        overall,
        peak_memory_bytes: timing::peak_memory(),
    })
}

enum Measurement {
    Skipped(Skipped),
    Measured(Box<(FileReport, Tally, PassTimes)>),
}

fn run_path(
    path: &Path,
    settings: &Settings,
    pipelines: &mut Pipelines,
) -> Result<Measurement, Error> {
    let name = path.display().to_string();
    let loaded = corpus::load(path)?;
    if loaded.articles.is_empty() {
        let skipped = if loaded.without_text > 0 {
            "no record has a `text` field, so these are not articles".to_string()
        } else {
            format!("no usable articles ({} bad records)", loaded.problems.len())
        };
        return Ok(Measurement::Skipped(Skipped {
            path: name,
            skipped,
        }));
    }

    // Scoring first also builds every summarizer the timed passes need, so
    // their construction is not timed.
    let (tally, failed) = evaluate(&loaded.articles, pipelines)?;
    let mut passes = Vec::with_capacity(settings.passes);
    for _ in 0..settings.passes {
        passes.push(time_pass(path, pipelines)?);
    }
    let median = PassTimes::median(&passes);
    let bytes = loaded.articles.iter().map(|a| a.text.len()).sum();
    let file = FileReport {
        articles: loaded.articles.len(),
        bytes,
        k: settings.k.to_string(),
        problems: loaded.problems.iter().map(ToString::to_string).collect(),
        failed,
        speed: Speed::new(&median, settings.passes, loaded.articles.len(), bytes),
        summary: tally.summary_quality(),
        headline: tally.headline_quality(),
        path: name,
    };
    Ok(Measurement::Measured(Box::new((file, tally, median))))
}

/// Scores lede and the baselines on every article with a reference summary
/// or title; returns the tally and how many articles lede could not
/// summarize (they count as empty summaries and headlines).
fn evaluate(articles: &[Article], pipelines: &mut Pipelines) -> Result<(Tally, usize), Error> {
    // rouge-score's `use_stemmer=True`, as published scores use.
    let rouge = Rouge::new(true);
    let mut tally = Tally::default();
    let mut failed = 0;
    for article in articles {
        let (choice, k) = pipelines.plan(article);
        let summarizer = pipelines.summarizer(choice, k)?;
        let summary = summarizer.summarize(&article.text);
        // Lead-k is cut by the same segmentation rules lede used.
        let language = summarizer.language_of(&article.text).0;
        failed += usize::from(summary.is_err());
        let summary = summary.ok();
        if article.reference.is_none() && article.title.is_none() {
            continue;
        }
        let units = pipelines.segmenter(language).split(&article.text);
        if let Some(reference) = &article.reference {
            let lede = summary
                .iter()
                .flat_map(|s| &s.sentences)
                .map(|s| s.display_text())
                .collect::<Vec<_>>()
                .join("\n");
            let lead = quality::lead(&article.text, &units, k);
            tally.add_summary(
                quality::score_summary(&rouge, &lede, &reference.text),
                quality::score_summary(&rouge, &lead, &reference.text),
            );
        }
        if let Some(title) = &article.title {
            let lede = summary.as_ref().map_or("", |s| s.headline.text.as_str());
            let first_words = quality::first_words(&article.text, &units);
            tally.add_headline(
                quality::score_headline(&rouge, lede, title),
                quality::score_headline(&rouge, &first_words, title),
            );
        }
    }
    Ok((tally, failed))
}

/// One timed pass: load the path, summarize every article, write every
/// summary as JSON into memory.
fn time_pass(path: &Path, pipelines: &mut Pipelines) -> Result<PassTimes, Error> {
    let start = Instant::now();
    let loaded = corpus::load(path)?;
    let read = start.elapsed();

    let mut stages = StageTimings::default();
    let mut summaries: Vec<(&str, Summary)> = Vec::with_capacity(loaded.articles.len());
    for article in &loaded.articles {
        let (language, k) = pipelines.plan(article);
        let summarizer = pipelines.summarizer(language, k)?;
        if let Ok(summary) = summarizer.summarize_timed(&article.text, &mut stages) {
            summaries.push((&article.id, summary));
        }
    }

    let format_start = Instant::now();
    let mut out = Vec::new();
    for (id, summary) in &summaries {
        crate::output::json::write(&mut out, id, summary).expect("writing to a Vec cannot fail");
    }
    let format = format_start.elapsed();
    std::hint::black_box(&out);
    Ok(PassTimes::new(read, &stages, format, start.elapsed()))
}

/// Summarizers and segmenters by language and length, built on first use
/// and reused: a summarizer holds a stemmer and stop-word sets.
struct Pipelines {
    options: Options,
    k: SummaryLength,
    summarizers: BTreeMap<(LanguageChoice, usize), Summarizer>,
    segmenters: BTreeMap<Language, Segmenter>,
}

impl Pipelines {
    fn new(settings: &Settings) -> Self {
        Pipelines {
            options: settings.options.clone(),
            k: settings.k,
            summarizers: BTreeMap::new(),
            segmenters: BTreeMap::new(),
        }
    }

    /// The language and summary length for `article`.
    fn plan(&self, article: &Article) -> (LanguageChoice, usize) {
        let language = article
            .language
            .map_or(self.options.language, LanguageChoice::Fixed);
        let k = match self.k {
            SummaryLength::Fixed(k) => k,
            SummaryLength::Reference => article
                .reference
                .as_ref()
                .and_then(|r| r.sentence_count)
                .unwrap_or(DEFAULT_K),
        };
        (language, k)
    }

    fn summarizer(&mut self, language: LanguageChoice, k: usize) -> Result<&Summarizer, Error> {
        if !self.summarizers.contains_key(&(language, k)) {
            let options = Options {
                language,
                length: Length::Sentences(k),
                ..self.options.clone()
            };
            self.summarizers
                .insert((language, k), Summarizer::new(options)?);
        }
        Ok(&self.summarizers[&(language, k)])
    }

    fn segmenter(&mut self, language: Language) -> &Segmenter {
        self.segmenters
            .entry(language)
            .or_insert_with(|| Segmenter::new(language))
    }
}

/// The length for articles without a sentence-split reference under
/// `--k ref`: the CLI's default, `Length::default()` (checked by a test).
const DEFAULT_K: usize = 3;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn runs_over_a_folder_and_a_jsonl_file() {
        let dir = tempfile::tempdir().expect("tempdir");
        let folder = dir.path().join("corpus");
        std::fs::create_dir(&folder).expect("mkdir");
        std::fs::write(
            folder.join("01-rain.txt"),
            "Heavy rain flooded the valley on Monday. Roads were closed for hours. \
             Farmers said the crops would survive.",
        )
        .expect("write");
        std::fs::write(
            folder.join("01-rain.ref.json"),
            r#"{"headline": "Rain floods the valley", "summary_sentences": ["Heavy rain flooded the valley on Monday."]}"#,
        )
        .expect("write");
        let jsonl = dir.path().join("set.jsonl");
        std::fs::write(
            &jsonl,
            "{\"id\": \"x\", \"text\": \"Prices rose in May. Shops were busy.\", \"summary\": \"Prices rose.\"}\n{oops\n",
        )
        .expect("write");
        let vectors = dir.path().join("vectors.jsonl");
        std::fs::write(&vectors, "{\"candidate\": \"a\", \"reference\": \"b\"}\n").expect("write");

        let settings = Settings {
            passes: 2,
            ..Settings::default()
        };
        let paths = [folder, jsonl, vectors];
        let report = run(&paths, &settings).expect("runs");
        let [Entry::Measured(folder), Entry::Measured(set), Entry::Skipped(_)] =
            report.files.as_slice()
        else {
            panic!("two measured files and a skipped one: {report:?}");
        };
        let summary = folder.summary.as_ref().expect("reference summary");
        // k = 1 from the reference: lede and Lead-1 both pick the first sentence.
        assert_eq!(summary.lede, summary.lead);
        assert_eq!(summary.lede.rouge1, 100.0);
        assert_eq!(folder.headline.as_ref().map(|h| h.articles), Some(1));
        assert_eq!(set.problems.len(), 1);
        assert_eq!(set.headline, None);
        assert_eq!(
            set.speed.stages.len(),
            timing::STAGES.len() + 1,
            "and other"
        );
        let overall = report.overall.as_ref().expect("two measured files");
        assert_eq!((overall.files, overall.articles), (2, 2));

        let again = run(&paths, &settings).expect("runs again");
        let quality = |r: &Report| {
            r.overall
                .as_ref()
                .map(|o| (o.summary.clone(), o.headline.clone()))
        };
        assert_eq!(
            quality(&again),
            quality(&report),
            "quality is deterministic"
        );
    }

    #[test]
    fn default_k_is_the_default_length() {
        assert_eq!(Length::Sentences(DEFAULT_K), Length::default());
    }
}
