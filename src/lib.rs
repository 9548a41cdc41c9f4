//! lede: extractive summaries and headlines for news articles.
//!
//! The pipeline splits a text into sentences (robust to abbreviations,
//! decimals, quotes, headings and lists), removes exact and near-duplicate
//! sentences, turns each sentence into stemmed terms without stop words,
//! scores sentences by TF-IDF centrality and position, picks the best ones
//! in document order, and picks or builds a headline.
//!
//! ```
//! use lede::{Length, Options, Summarizer};
//!
//! let options = Options { length: Length::Sentences(1), ..Options::default() };
//! let summarizer = Summarizer::new(options)?;
//! let summary = summarizer.summarize(
//!     "Dr. Ana Lind of the U.S. team led the study. It took two years. \
//!      The study found that the vaccine cut infections by half.",
//! )?;
//! assert_eq!(summary.sentences.len(), 1);
//! assert!(summary.sentences[0].text.starts_with("Dr. Ana Lind of the U.S. team"));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! # Features
//!
//! All are on by default; with `default-features = false` the crate is the
//! summarizer and its language data only.
//!
//! - `cli`: the `lede` binary (clap, anyhow); turns on the three below.
//! - `batch`: `lede::batch`, JSON Lines across threads (rayon); turns on `html`.
//! - `eval`: `lede::bench` and `lede::rouge`, speed and quality against references.
//! - `html`: `lede::html`, the article of a web page (rs-trafilatura).
#![forbid(unsafe_code)]
#![warn(missing_docs)]

#[cfg(feature = "batch")]
pub mod batch;
#[cfg(feature = "eval")]
pub mod bench;
pub mod dedup;
pub mod error;
pub mod headline;
#[cfg(feature = "html")]
pub mod html;
pub mod input;
pub mod language;
pub mod options;
pub mod output;
#[cfg(feature = "eval")]
pub mod rouge;
pub mod score;
pub mod select;
pub mod split;
pub mod summarize;
pub mod tagger;
pub mod text;

pub use error::{Error, Result};
pub use headline::{Headline, HeadlineSource};
pub use language::Language;
pub use options::{Length, Options, Weights};
pub use output::Format;
pub use summarize::{
    Fate, Stage, StageTimings, Summarizer, Summary, SummarySentence, TextProblem, UnitNote,
};
