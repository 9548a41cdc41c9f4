//! Selection: the top candidates by score, without repeats, in document order.

use crate::options::Length;

/// Which group a candidate belongs to: a summary holds at most one member
/// of each group while other candidates remain.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Group {
    /// Any sentence.
    Free,
    /// A deck (standfirst or subtitle): one is enough, as they all restate
    /// the story.
    Deck,
    /// A sentence of an anecdotal opening: one scene gives the colour, a
    /// second takes the room of a fact.
    Opening,
    /// Held back from the start (a deck that the lead repeats): used only
    /// when the others run out.
    Held,
}

/// Picks candidates for the summary and returns their indices in document
/// order.
///
/// Candidates are taken best first (ties go to the earlier one). One that
/// `repeats(taken, candidate)` a sentence already taken, or whose group
/// ([`Group`]) already has a member in, is set aside, and only used when
/// the others run out, so a long summary still holds every sentence while
/// a short one does not say a thing twice. Only the first
/// [`MAX_REDUNDANCY_CHECKS`] sentences taken are compared with, which keeps
/// a long summary of a long text linear in its length. `words` holds each
/// candidate's word count, for [`Length::Words`]; `groups` each one's group
/// (an empty slice: all [`Group::Free`]).
pub fn select(
    scores: &[f64],
    words: &[usize],
    length: Length,
    repeats: &mut dyn FnMut(usize, usize) -> bool,
    groups: &[Group],
) -> Vec<usize> {
    let n = scores.len();
    let mut ranked: Vec<usize> = (0..n).collect();
    ranked.sort_by(|&a, &b| scores[b].total_cmp(&scores[a]).then(a.cmp(&b)));
    let group = |c: usize| groups.get(c).copied().unwrap_or(Group::Free);

    let (limit, word_budget) = match length {
        Length::Sentences(k) => (k.min(n), None),
        Length::Ratio(r) => (
            ((r * n as f64).round() as usize).clamp(1, n.max(1)).min(n),
            None,
        ),
        Length::Words(w) => (n, Some(w)),
    };

    let mut chosen: Vec<usize> = Vec::new();
    let mut set_aside: Vec<usize> = Vec::new();
    let mut used_words = 0;
    let fits = |candidate: usize, used: usize, chosen: &[usize]| match word_budget {
        // The first sentence is always taken, so a tight budget still gives
        // a summary.
        Some(budget) => chosen.is_empty() || used + words[candidate] <= budget,
        None => true,
    };
    for &candidate in &ranked {
        if chosen.len() >= limit {
            break;
        }
        if !fits(candidate, used_words, &chosen) {
            continue;
        }
        let crowded = match group(candidate) {
            Group::Free => false,
            Group::Held => true,
            member => chosen.iter().any(|&c| group(c) == member),
        };
        if crowded
            || chosen
                .iter()
                .take(MAX_REDUNDANCY_CHECKS)
                .any(|&c| repeats(c, candidate))
        {
            set_aside.push(candidate);
            continue;
        }
        used_words += words[candidate];
        chosen.push(candidate);
    }
    for candidate in set_aside {
        if chosen.len() >= limit || word_budget.is_some() {
            break;
        }
        chosen.push(candidate);
    }
    chosen.sort_unstable();
    chosen
}

/// A candidate is compared with at most this many sentences already taken:
/// the first ones, which are the best. A summary of up to this many
/// sentences compares every candidate with every sentence in it (bbc-dev's
/// longest reference summary has 64); a longer one, say `--ratio 0.5` of
/// a 100 MB text, costs at most this many comparisons per candidate instead
/// of one per sentence taken, which would make it quadratic.
pub const MAX_REDUNDANCY_CHECKS: usize = 64;

#[cfg(test)]
mod tests {
    use super::*;
    use crate::score::TfIdf;

    /// Selection with TF-IDF cosine above 0.5 as the only repeat.
    fn by_cosine(scores: &[f64], words: &[usize], tfidf: &TfIdf, length: Length) -> Vec<usize> {
        select(
            scores,
            words,
            length,
            &mut |a, b| tfidf.similarity(a, b) > 0.5,
            &[],
        )
    }

    fn tfidf() -> TfIdf {
        // 0 and 1 say the same thing; 2 and 3 are about other things.
        TfIdf::new(&[vec![0, 1, 2], vec![0, 1, 2], vec![3, 4], vec![5, 6]], 7)
    }

    #[test]
    fn takes_the_best_in_document_order_and_skips_repeats() {
        let scores = [0.9, 0.95, 0.5, 0.4];
        let words = [10, 10, 10, 10];
        let cases = [
            (Length::Sentences(2), vec![1, 2]),
            (Length::Sentences(3), vec![1, 2, 3]),
            (Length::Sentences(4), vec![0, 1, 2, 3]),
            (Length::Sentences(10), vec![0, 1, 2, 3]),
            (Length::Ratio(0.5), vec![1, 2]),
            (Length::Ratio(0.01), vec![1]),
            (Length::Words(25), vec![1, 2]),
            (Length::Words(3), vec![1]),
        ];
        for (length, want) in cases {
            assert_eq!(
                by_cosine(&scores, &words, &tfidf(), length),
                want,
                "{length:?}"
            );
        }
    }

    #[test]
    fn ties_go_to_the_earlier_sentence() {
        let tfidf = TfIdf::new(&[vec![0], vec![1], vec![2]], 3);
        assert_eq!(
            by_cosine(&[0.5, 0.5, 0.5], &[1, 1, 1], &tfidf, Length::Sentences(2)),
            vec![0, 1]
        );
    }

    #[test]
    fn long_summaries_compare_with_the_first_sentences_taken() {
        // Sentence i has the term i alone, and two more repeat sentence 0,
        // which every candidate is compared with, and sentence n - 1, taken
        // after the first MAX_REDUNDANCY_CHECKS and so compared with none.
        let n = MAX_REDUNDANCY_CHECKS + 2;
        let mut terms: Vec<Vec<u32>> = (0..n as u32).map(|i| vec![i]).collect();
        terms.push(vec![0]);
        terms.push(vec![n as u32 - 1]);
        let tfidf = TfIdf::new(&terms, n);
        let scores: Vec<f64> = (0..terms.len()).map(|i| -(i as f64)).collect();
        let words = vec![1; terms.len()];
        let chosen = by_cosine(&scores, &words, &tfidf, Length::Sentences(n + 1));
        assert_eq!(chosen.len(), n + 1);
        assert!(!chosen.contains(&n), "repeats a sentence compared with");
        assert!(
            chosen.contains(&(n + 1)),
            "repeats one taken too late to compare"
        );
    }

    #[test]
    fn no_candidates_give_an_empty_selection() {
        assert!(by_cosine(&[], &[], &TfIdf::default(), Length::Sentences(3)).is_empty());
    }

    #[test]
    fn one_member_of_a_group_while_others_remain() {
        use Group::{Deck, Free, Held, Opening};
        let scores = [0.9, 0.8, 0.7, 0.6, 0.5, 0.4];
        let words = [10; 6];
        // (groups, length, chosen)
        let cases: [(&[Group], usize, Vec<usize>); 5] = [
            (&[Deck, Deck, Free, Free, Free, Free], 3, vec![0, 2, 3]),
            (
                &[Opening, Opening, Opening, Free, Free, Free],
                3,
                vec![0, 3, 4],
            ),
            (&[Held, Deck, Free, Free, Free, Free], 3, vec![1, 2, 3]),
            (
                &[Deck, Opening, Deck, Opening, Free, Free],
                3,
                vec![0, 1, 4],
            ),
            // Every candidate, when the summary must hold them all.
            (
                &[Held, Deck, Deck, Opening, Opening, Free],
                6,
                vec![0, 1, 2, 3, 4, 5],
            ),
        ];
        for (groups, k, want) in cases {
            let got = select(
                &scores,
                &words,
                Length::Sentences(k),
                &mut |_, _| false,
                groups,
            );
            assert_eq!(got, want, "{groups:?}");
        }
    }
}
