//! Scoring: combines one signal per file into each candidate's score.
//!
//! Every signal is scaled to 0..1 and the score is their weighted sum, times a
//! factor for the unit's kind, so the JSON output can show why a sentence won.

pub mod position;
pub mod tfidf;

use crate::options::Weights;
use crate::text::segment::UnitKind;

pub use position::Position;
pub use tfidf::TfIdf;

/// Headings are summary material only when little else is left ("-n 100"):
/// a title repeats the headline, a section heading says little alone.
const HEADING_FACTOR: f64 = 0.2;
/// List items read poorly out of their list, so they need a clear lead.
const LIST_ITEM_FACTOR: f64 = 0.7;

/// The position weight for a summary holding `share` of the sentences.
///
/// A short summary of a long story is best drawn from its lead, which is why
/// Lead-3 is hard to beat on news highlights. A summary that must hold a
/// large share of the text cannot come from the lead alone, and then the
/// content signal should decide: the weight falls linearly to zero as the
/// share grows to `POSITION_FADE_SHARE`.
pub fn position_weight(weight: f64, share: f64) -> f64 {
    weight * (1.0 - share / POSITION_FADE_SHARE).clamp(0.0, 1.0)
}

/// The share of the text at which position stops counting. Measured on
/// cnndm-dev (3 of ~30 sentences: share 0.1) and bbc-dev (k = the reference's
/// count, ~45% of the text): 0.3 loses 1.5 ROUGE-1 on cnndm, 0.5 loses 1.7
/// on bbc.
const POSITION_FADE_SHARE: f64 = 0.4;

/// A candidate's signals and the score they make.
#[derive(Debug, Clone, Copy, PartialEq, serde::Serialize)]
pub struct SentenceScore {
    /// The combined score, the one sentences are ranked by.
    pub score: f64,
    /// Centrality to the document in TF-IDF space, 0..1 (1 = most central).
    pub tfidf: f64,
    /// Position prior, 0..1 (1 = the first sentence).
    pub position: f64,
}

/// Scores each candidate from its terms, position and kind. `share` is the
/// part of the candidates the summary will hold (0..1): see [`position_weight`].
pub fn score(
    tfidf: &TfIdf,
    positions: &[Position],
    kinds: &[UnitKind],
    weights: &Weights,
    share: f64,
) -> Vec<SentenceScore> {
    let centrality = tfidf.centrality();
    let best = centrality.iter().copied().fold(0.0, f64::max);
    let weights = Weights {
        position: position_weight(weights.position, share),
        ..*weights
    };
    let total_weight = weights.tfidf + weights.position;
    centrality
        .iter()
        .zip(positions)
        .zip(kinds)
        .map(|((&central, pos), kind)| {
            let content = if best > 0.0 { central / best } else { 0.0 };
            let place = position::score(pos);
            let mixed = if total_weight > 0.0 {
                (weights.tfidf * content + weights.position * place) / total_weight
            } else {
                0.0
            };
            let factor = match kind {
                UnitKind::Sentence => 1.0,
                UnitKind::Heading => HEADING_FACTOR,
                UnitKind::ListItem => LIST_ITEM_FACTOR,
            };
            SentenceScore {
                score: mixed * factor,
                tfidf: content,
                position: place,
            }
        })
        .collect()
}
