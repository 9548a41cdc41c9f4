//! Position signal: news puts its key facts first, and each paragraph opens
//! with its main point.

/// Where a candidate stands in the document.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Position {
    /// Rank among the candidates in document order (0 = first).
    pub order: usize,
    /// Rank within its paragraph (0 = the paragraph's lead).
    pub in_paragraph: usize,
}

/// How many sentences in the score halves: 1 / (1 + order / SCALE).
/// Measured on cnndm-dev with glued captions split off (more, shorter
/// units): 5 gives +0.1 ROUGE-1 and +0.24 ROUGE-2 over 3; bbc-dev does not
/// change (its summaries are long, so position weighs little there).
const DECAY_SCALE: f64 = 5.0;
/// Extra weight for the lead sentence of a paragraph.
const PARAGRAPH_LEAD_BONUS: f64 = 0.15;

/// The position score, 0..1: 1 for the first sentence, decaying
/// hyperbolically, with a bonus for paragraph leads.
pub fn score(position: &Position) -> f64 {
    let decay = 1.0 / (1.0 + position.order as f64 / DECAY_SCALE);
    let lead = if position.in_paragraph == 0 {
        PARAGRAPH_LEAD_BONUS
    } else {
        0.0
    };
    (decay + lead).min(1.0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn earlier_and_leading_sentences_score_higher() {
        let at = |order, in_paragraph| {
            score(&Position {
                order,
                in_paragraph,
            })
        };
        assert_eq!(at(0, 0), 1.0);
        assert!(at(1, 1) < at(0, 0));
        assert!(at(5, 0) > at(5, 2));
        assert!(at(100, 3) > 0.0);
        for order in 0..50 {
            assert!(at(order + 1, 1) < at(order, 1), "order {order}");
        }
    }
}
