//! Text analysis: segmentation into sentences and tokenization into terms.
//!
//! This layer knows about languages and characters, and nothing about
//! summaries: every later stage works on the spans and terms it returns.

pub mod boilerplate;
pub(crate) mod scan;
pub mod segment;
pub mod tokenize;
