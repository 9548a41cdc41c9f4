//! ROUGE-N, ROUGE-L and ROUGE-Lsum, scored exactly as Google's `rouge-score` 0.1.2
//! scores them, so that lede's numbers can be set beside published ones.
//!
//! The reference implementation's choices are kept on purpose: its tokenizer drops
//! every character outside `[a-z0-9]` after lower-casing (so "café" gives "caf"),
//! stems only tokens longer than three characters with NLTK's Porter stemmer, and
//! breaks ties in the LCS backtrack the same way, which can change ROUGE-Lsum.
//!
//! ```
//! use lede::rouge::Rouge;
//!
//! let rouge = Rouge::new(true);
//! let score = rouge.rouge_n("running runners ran quickly", "the runner runs quick", 1);
//! assert_eq!((score.precision, score.recall), (0.5, 0.5));
//! ```

pub mod porter;

use std::collections::HashMap;

use serde::Serialize;

/// Precision, recall and F1 of a candidate against a reference, each in `0..=1`.
#[derive(Debug, Clone, Copy, PartialEq, Default, Serialize)]
pub struct Score {
    /// Share of the candidate's units (n-grams or tokens) found in the reference.
    pub precision: f64,
    /// Share of the reference's units found in the candidate.
    pub recall: f64,
    /// Harmonic mean of precision and recall; 0 when both are 0.
    pub f1: f64,
}

impl Score {
    /// The score for `hits` matched units out of `candidate_units` and
    /// `reference_units`; all zeros when either side has no units.
    fn from_hits(hits: usize, candidate_units: usize, reference_units: usize) -> Self {
        if candidate_units == 0 || reference_units == 0 {
            return Self::default();
        }
        let precision = hits as f64 / candidate_units as f64;
        let recall = hits as f64 / reference_units as f64;
        // Same operation order as rouge-score's `fmeasure`, so the last bit agrees too.
        let f1 = if precision + recall > 0.0 {
            2.0 * precision * recall / (precision + recall)
        } else {
            0.0
        };
        Self {
            precision,
            recall,
            f1,
        }
    }
}

/// A ROUGE scorer, with or without Porter stemming (rouge-score's `use_stemmer`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Rouge {
    stem: bool,
}

impl Rouge {
    /// A scorer that stems tokens longer than three characters when `stem` is true.
    pub fn new(stem: bool) -> Self {
        Self { stem }
    }

    /// Splits `text` into ROUGE tokens: lower-cased, cut at every character outside
    /// `[a-z0-9]`, and stemmed when this scorer stems.
    ///
    /// ```
    /// use lede::rouge::Rouge;
    ///
    /// assert_eq!(Rouge::new(true).tokenize("Runners' U.S.-based"), ["runner", "u", "s", "base"]);
    /// ```
    pub fn tokenize(&self, text: &str) -> Vec<String> {
        // Lower-casing the whole text first, as Python's `str.lower` does, matters
        // for the few non-ASCII letters that lower-case to ASCII (KELVIN SIGN -> k).
        text.to_lowercase()
            .split(|c: char| !(c.is_ascii_lowercase() || c.is_ascii_digit()))
            .filter(|token| !token.is_empty())
            .map(|token| {
                // rouge-score leaves short words unstemmed, so "was" stays "was".
                if self.stem && token.len() > 3 {
                    porter::stem(token)
                } else {
                    token.to_string()
                }
            })
            .filter(|token| !token.is_empty())
            .collect()
    }

    /// ROUGE-N: overlap of the n-grams of `candidate` and `reference`, each n-gram
    /// counted at most as often as it occurs on the other side.
    ///
    /// `n == 0` has no n-grams and scores all zeros (rouge-score rejects it).
    pub fn rouge_n(&self, candidate: &str, reference: &str, n: usize) -> Score {
        if n == 0 {
            return Score::default();
        }
        let candidate = self.tokenize(candidate);
        let reference = self.tokenize(reference);
        let candidate_counts = ngram_counts(&candidate, n);
        let reference_counts = ngram_counts(&reference, n);
        let overlap = reference_counts
            .iter()
            .map(|(ngram, &count)| count.min(candidate_counts.get(ngram).copied().unwrap_or(0)))
            .sum();
        Score::from_hits(
            overlap,
            ngram_total(candidate.len(), n),
            ngram_total(reference.len(), n),
        )
    }

    /// ROUGE-L: the longest common subsequence of the two token sequences, over the
    /// candidate's length (precision) and the reference's (recall).
    pub fn rouge_l(&self, candidate: &str, reference: &str) -> Score {
        let candidate = self.tokenize(candidate);
        let reference = self.tokenize(reference);
        let mut vocabulary = Vocabulary::default();
        let candidate = vocabulary.ids(&candidate);
        let reference = vocabulary.ids(&reference);
        Score::from_hits(
            lcs_len(&candidate, &reference),
            candidate.len(),
            reference.len(),
        )
    }

    /// ROUGE-Lsum, the summary-level LCS: sentences are the lines of `candidate` and
    /// `reference` (split on `'\n'`). Each reference sentence is matched against
    /// every candidate sentence, the matched reference positions are united, and a
    /// matched token counts only while both texts still have an unused copy of it.
    pub fn rouge_lsum(&self, candidate: &str, reference: &str) -> Score {
        let candidate = self.sentences(candidate);
        let reference = self.sentences(reference);
        let mut vocabulary = Vocabulary::default();
        let candidate: Vec<Vec<usize>> = candidate.iter().map(|s| vocabulary.ids(s)).collect();
        let reference: Vec<Vec<usize>> = reference.iter().map(|s| vocabulary.ids(s)).collect();

        let mut candidate_left = vec![0usize; vocabulary.len()];
        let mut reference_left = vec![0usize; vocabulary.len()];
        for &id in candidate.iter().flatten() {
            candidate_left[id] += 1;
        }
        for &id in reference.iter().flatten() {
            reference_left[id] += 1;
        }

        let mut hits = 0;
        for sentence in &reference {
            let mut in_union = vec![false; sentence.len()];
            for other in &candidate {
                mark_lcs(sentence, other, &mut in_union);
            }
            // ROUGE-1.5.5 (and rouge-score after it) caps each token by its count in
            // either text; the paper's plain sum of union lengths would count a
            // candidate word again for every reference sentence it matches.
            for (&id, _) in sentence.iter().zip(&in_union).filter(|(_, &hit)| hit) {
                if candidate_left[id] > 0 && reference_left[id] > 0 {
                    hits += 1;
                    candidate_left[id] -= 1;
                    reference_left[id] -= 1;
                }
            }
        }
        Score::from_hits(
            hits,
            candidate.iter().map(Vec::len).sum(),
            reference.iter().map(Vec::len).sum(),
        )
    }

    /// The tokens of each non-empty line; a line of punctuation stays as an empty
    /// sentence, as in rouge-score, which adds nothing to any count.
    fn sentences(&self, text: &str) -> Vec<Vec<String>> {
        text.split('\n')
            .filter(|line| !line.is_empty())
            .map(|line| self.tokenize(line))
            .collect()
    }
}

fn ngram_counts(tokens: &[String], n: usize) -> HashMap<&[String], usize> {
    let mut counts = HashMap::new();
    for ngram in tokens.windows(n) {
        *counts.entry(ngram).or_insert(0) += 1;
    }
    counts
}

fn ngram_total(tokens: usize, n: usize) -> usize {
    (tokens + 1).saturating_sub(n)
}

/// Small integer ids for tokens, so the LCS loops compare integers, not strings.
#[derive(Default)]
struct Vocabulary<'a> {
    ids: HashMap<&'a str, usize>,
}

impl<'a> Vocabulary<'a> {
    fn ids(&mut self, tokens: &'a [String]) -> Vec<usize> {
        tokens
            .iter()
            .map(|token| {
                let next = self.ids.len();
                *self.ids.entry(token.as_str()).or_insert(next)
            })
            .collect()
    }

    fn len(&self) -> usize {
        self.ids.len()
    }
}

/// Length of the longest common subsequence, keeping one row of the table, sized
/// by the shorter sequence: O(n·m) time, O(min(n, m)) memory.
fn lcs_len(a: &[usize], b: &[usize]) -> usize {
    let (long, short) = if a.len() >= b.len() { (a, b) } else { (b, a) };
    let mut row = vec![0usize; short.len() + 1];
    for &x in long {
        let mut diagonal = 0;
        for (j, &y) in short.iter().enumerate() {
            let up = row[j + 1];
            row[j + 1] = if x == y { diagonal + 1 } else { up.max(row[j]) };
            diagonal = up;
        }
    }
    row[short.len()]
}

/// Marks in `in_union` the positions of `reference` on one LCS with `candidate`,
/// the one rouge-score's backtrack picks: from the end, take equal tokens, else
/// step left only when that keeps a strictly longer prefix LCS, else step up.
///
/// The backtrack needs every cell's choice, so this keeps one bit per cell instead
/// of the full table of lengths: a 1,000 × 1,000-token pair costs 125 kB.
fn mark_lcs(reference: &[usize], candidate: &[usize], in_union: &mut [bool]) {
    let cols = candidate.len();
    if reference.is_empty() || cols == 0 {
        return;
    }
    let mut goes_left = BitTable::new(reference.len() * cols);
    let mut row = vec![0usize; cols + 1];
    for (i, &x) in reference.iter().enumerate() {
        let mut diagonal = 0;
        for (j, &y) in candidate.iter().enumerate() {
            let up = row[j + 1];
            let left = row[j];
            row[j + 1] = if x == y {
                diagonal + 1
            } else {
                if left > up {
                    goes_left.set(i * cols + j);
                }
                up.max(left)
            };
            diagonal = up;
        }
    }
    let (mut i, mut j) = (reference.len(), cols);
    while i > 0 && j > 0 {
        if reference[i - 1] == candidate[j - 1] {
            if let Some(mark) = in_union.get_mut(i - 1) {
                *mark = true;
            }
            i -= 1;
            j -= 1;
        } else if goes_left.get((i - 1) * cols + (j - 1)) {
            j -= 1;
        } else {
            i -= 1;
        }
    }
}

/// A fixed-size set of bits.
struct BitTable {
    words: Vec<u64>,
}

impl BitTable {
    fn new(bits: usize) -> Self {
        Self {
            words: vec![0; bits.div_ceil(64)],
        }
    }

    fn set(&mut self, bit: usize) {
        if let Some(word) = self.words.get_mut(bit / 64) {
            *word |= 1 << (bit % 64);
        }
    }

    fn get(&self, bit: usize) -> bool {
        self.words
            .get(bit / 64)
            .is_some_and(|word| word & (1 << (bit % 64)) != 0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `(precision, recall)`; F1 is derived the way rouge-score derives it.
    type Want = (f64, f64);

    fn assert_score(got: Score, (precision, recall): Want, case: &str) {
        let f1 = if precision + recall > 0.0 {
            2.0 * precision * recall / (precision + recall)
        } else {
            0.0
        };
        let close = |a: f64, b: f64| (a - b).abs() < 1e-12;
        assert!(
            close(got.precision, precision) && close(got.recall, recall) && close(got.f1, f1),
            "{case}: got {got:?}, want precision {precision} recall {recall} f1 {f1}"
        );
    }

    #[test]
    fn tokenizes_like_rouge_score() {
        let cases: [(&str, bool, &[&str]); 9] = [
            ("Hello, World!", false, &["hello", "world"]),
            (
                "3.5% growth in 2024",
                false,
                &["3", "5", "growth", "in", "2024"],
            ),
            ("Café naïve résumé", false, &["caf", "na", "ve", "r", "sum"]),
            ("it's U.S.-based", false, &["it", "s", "u", "s", "based"]),
            ("it's U.S.-based", true, &["it", "s", "u", "s", "base"]),
            (
                "\u{212A}elvin \u{130}stanbul",
                false,
                &["kelvin", "i", "stanbul"],
            ),
            (
                "The companies' runners were running",
                true,
                &["the", "compani", "runner", "were", "run"],
            ),
            ("was does ties", true, &["was", "doe", "tie"]),
            ("  \n\t--  ", true, &[]),
        ];
        for (text, stem, want) in cases {
            assert_eq!(
                Rouge::new(stem).tokenize(text),
                want,
                "text: {text:?}, stem: {stem}"
            );
        }
    }

    /// Candidate, reference, stemming, n, and the scores rouge-score 0.1.2 gives.
    #[test]
    fn rouge_n_matches_rouge_score() {
        let cases: [(&str, &str, bool, usize, Want); 12] = [
            (
                "the cat sat on the mat",
                "the cat sat on the mat",
                false,
                2,
                (1.0, 1.0),
            ),
            (
                "the cat was found under the bed",
                "the cat was under the bed",
                false,
                1,
                (6.0 / 7.0, 1.0),
            ),
            (
                "the cat was found under the bed",
                "the cat was under the bed",
                false,
                2,
                (4.0 / 6.0, 4.0 / 5.0),
            ),
            (
                "the cat was found under the bed",
                "the cat was under the bed",
                false,
                3,
                (2.0 / 5.0, 2.0 / 4.0),
            ),
            ("a a a a b", "a b b b", false, 1, (2.0 / 5.0, 2.0 / 4.0)),
            ("a a a a b", "a b b b", false, 2, (1.0 / 4.0, 1.0 / 3.0)),
            (
                "running runners ran quickly",
                "the runner runs quick",
                false,
                1,
                (0.0, 0.0),
            ),
            (
                "running runners ran quickly",
                "the runner runs quick",
                true,
                1,
                (0.5, 0.5),
            ),
            ("a b", "a b c", false, 3, (0.0, 0.0)),
            ("", "the cat", false, 1, (0.0, 0.0)),
            ("the cat", "!!! ???", false, 1, (0.0, 0.0)),
            ("the cat", "the cat", false, 0, (0.0, 0.0)),
        ];
        for (candidate, reference, stem, n, want) in cases {
            let got = Rouge::new(stem).rouge_n(candidate, reference, n);
            let case = format!("{candidate:?} vs {reference:?}, stem {stem}, n {n}");
            assert_score(got, want, &case);
        }
    }

    #[test]
    fn rouge_l_matches_rouge_score() {
        let cases: [(&str, &str, Want); 7] = [
            (
                "the cat was found under the bed",
                "the cat was under the bed",
                (6.0 / 7.0, 1.0),
            ),
            (
                "police killed the gunman",
                "the gunman was killed by police",
                (2.0 / 4.0, 2.0 / 6.0),
            ),
            ("a b c d e", "e d c b a", (0.2, 0.2)),
            ("b a\nc b a", "a b c\nb c a", (4.0 / 5.0, 4.0 / 6.0)),
            ("x\n\ny z", "y\nz x", (2.0 / 3.0, 2.0 / 3.0)),
            ("", "the cat", (0.0, 0.0)),
            ("the cat", "", (0.0, 0.0)),
        ];
        for (candidate, reference, want) in cases {
            let got = Rouge::new(false).rouge_l(candidate, reference);
            assert_score(got, want, &format!("{candidate:?} vs {reference:?}"));
        }
    }

    #[test]
    fn rouge_lsum_matches_rouge_score() {
        let cases: [(&str, &str, Want); 10] = [
            (
                "one.\ntwo three.\nfour",
                "one two.\nthree four.",
                (1.0, 1.0),
            ),
            ("the cat\nthe cat", "the cat sat", (2.0 / 4.0, 2.0 / 3.0)),
            ("b a\nc b a", "a b c\nb c a", (3.0 / 5.0, 3.0 / 6.0)),
            ("x\n\ny z", "y\nz x", (1.0, 1.0)),
            // Clipping: the candidate's "a b" is used once, not once per sentence.
            ("a b", "a b\na b", (1.0, 2.0 / 4.0)),
            // Backtrack ties: "b a" against "a b" keeps "a", so the second
            // sentence's "a" finds no copy left ...
            ("b a", "a b\na", (1.0 / 2.0, 1.0 / 3.0)),
            // ... while its "b" still does.
            ("b a", "a b\nb", (1.0, 2.0 / 3.0)),
            ("\n\n", "a b", (0.0, 0.0)),
            ("a b", "!!!\n???", (0.0, 0.0)),
            ("", "", (0.0, 0.0)),
        ];
        for (candidate, reference, want) in cases {
            let got = Rouge::new(false).rouge_lsum(candidate, reference);
            assert_score(got, want, &format!("{candidate:?} vs {reference:?}"));
        }
    }

    fn is_subsequence(needle: &[usize], haystack: &[usize]) -> bool {
        let mut rest = haystack.iter();
        needle.iter().all(|x| rest.any(|y| y == x))
    }

    /// The bit-table backtrack must mark a common subsequence as long as the
    /// one-row LCS length.
    #[test]
    fn backtrack_marks_a_longest_common_subsequence() {
        let cases: [(&[usize], &[usize]); 7] = [
            (&[0, 1, 2, 3], &[0, 1, 2, 3]),
            (&[0, 1, 2, 3, 4], &[4, 3, 2, 1, 0]),
            (&[0, 1, 0, 1, 0, 1], &[1, 0, 1, 0]),
            (&[0, 0, 0, 0, 1], &[0, 1, 1, 1]),
            (&[5, 6, 7], &[8, 9]),
            (&[], &[1, 2]),
            // Digits of e against digits of pi: long, with many repeats and ties.
            (
                &[
                    2, 7, 1, 8, 2, 8, 1, 8, 2, 8, 4, 5, 9, 0, 4, 5, 2, 3, 5, 3, 6, 0, 2, 8, 7, 4,
                    7, 1, 3, 5, 2, 6, 6, 2, 4, 9, 7, 7, 5, 7, 2, 4, 7, 0, 9, 3, 6, 9, 9, 9, 5, 5,
                    9, 5, 7, 4, 9, 6, 6, 9, 6, 7, 6, 2, 7, 7,
                ],
                &[
                    3, 1, 4, 1, 5, 9, 2, 6, 5, 3, 5, 8, 9, 7, 9, 3, 2, 3, 8, 4, 6, 2, 6, 4, 3, 3,
                    8, 3, 2, 7, 9, 5, 0, 2, 8, 8, 4, 1, 9, 7, 1, 6, 9, 3, 9, 9, 3, 7, 5, 1, 0, 5,
                    8, 2, 0, 9, 7, 4, 9, 4, 4, 5, 9, 2, 3, 0, 7, 8, 1, 6, 4, 0, 6, 2, 8, 6, 2, 0,
                    8, 9, 9,
                ],
            ),
        ];
        for (a, b) in cases {
            let mut marks = vec![false; a.len()];
            mark_lcs(a, b, &mut marks);
            let marked: Vec<usize> = a
                .iter()
                .zip(&marks)
                .filter(|(_, &m)| m)
                .map(|(&x, _)| x)
                .collect();
            assert!(is_subsequence(&marked, b), "a: {a:?}, b: {b:?}");
            assert_eq!(marked.len(), lcs_len(a, b), "a: {a:?}, b: {b:?}");
            assert_eq!(lcs_len(a, b), lcs_len(b, a), "a: {a:?}, b: {b:?}");
        }
    }

    #[test]
    fn score_serializes_with_field_names() {
        let json = serde_json::to_string(&Score::from_hits(1, 2, 4)).unwrap_or_default();
        assert_eq!(
            json,
            r#"{"precision":0.5,"recall":0.25,"f1":0.3333333333333333}"#
        );
    }
}
