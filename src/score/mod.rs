//! Scoring: combines one signal per file into each candidate's score.
//!
//! Every signal is scaled to 0..1 and the score is their weighted sum, times a
//! factor for the unit's kind, so the JSON output can show why a sentence won.

pub(crate) mod gist;
pub(crate) mod news;
pub mod position;
pub(crate) mod story;
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
pub const POSITION_FADE_SHARE: f64 = 0.4;

/// Whether a summary holding `share` of the text is short: one that must
/// pick among the sentences rather than keep most of them. Only a short
/// summary is kept to one scene sentence and to sentences that tell other
/// events: a long one cannot avoid naming the same actors again.
pub fn is_short(share: f64) -> bool {
    share < POSITION_FADE_SHARE
}

/// A unit longer than this many words is most often several sentences run
/// together (captions glued to text, lost full stops), and it fills a short
/// summary with one sentence: its score falls with the square of the excess,
/// `(LONG_UNIT_WORDS / words)^2`. Measured on cnndm-dev: +0.7 ROUGE-1 and
/// +0.7 ROUGE-Lsum with the other defaults; 40 words, or any cap of 20-30
/// words, lost ROUGE on bbc-dev.
const LONG_UNIT_WORDS: usize = 60;
/// A unit shorter than this many words is a fragment (a label, a cut-off
/// clause) that says little on its own: its score is halved
/// (`FRAGMENT_FACTOR`). Measured on cnndm-dev: +0.24 ROUGE-1 with the other
/// defaults; 8 words cost 0.1 on bbc-dev.
const FRAGMENT_WORDS: usize = 6;
/// See [`FRAGMENT_WORDS`].
const FRAGMENT_FACTOR: f64 = 0.5;

/// The factor for a unit of `words` words: 1 for sentence-sized units, less
/// for fragments and run-together units.
pub fn length_factor(words: usize) -> f64 {
    if words < FRAGMENT_WORDS {
        FRAGMENT_FACTOR
    } else if words > LONG_UNIT_WORDS {
        (LONG_UNIT_WORDS as f64 / words as f64).powi(2)
    } else {
        1.0
    }
}

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

/// Scores each candidate from its terms, position, kind and length in words
/// (`words`, see [`length_factor`]). `share` is the
/// part of the candidates the summary will hold (0..1): see [`position_weight`].
pub fn score(
    tfidf: &TfIdf,
    positions: &[Position],
    kinds: &[UnitKind],
    words: &[usize],
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
        .zip(words)
        .map(|(((&central, pos), kind), &words)| {
            let content = if best > 0.0 { central / best } else { 0.0 };
            let place = position::score(pos);
            let mixed = if total_weight > 0.0 {
                (weights.tfidf * content + weights.position * place) / total_weight
            } else {
                0.0
            };
            let factor = match kind {
                UnitKind::Sentence | UnitKind::Deck => 1.0,
                UnitKind::Heading => HEADING_FACTOR,
                UnitKind::ListItem => LIST_ITEM_FACTOR,
                // Never a candidate (see `Summarizer`): nothing to pick.
                UnitKind::Caption => 0.0,
            };
            SentenceScore {
                score: mixed * factor * length_factor(words),
                tfidf: content,
                position: place,
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fragments_and_run_together_units_score_lower() {
        let cases = [
            (3, FRAGMENT_FACTOR),
            (FRAGMENT_WORDS, 1.0),
            (25, 1.0),
            (LONG_UNIT_WORDS, 1.0),
            (LONG_UNIT_WORDS * 2, 0.25),
        ];
        for (words, want) in cases {
            assert_eq!(length_factor(words), want, "words: {words}");
        }
    }
}
