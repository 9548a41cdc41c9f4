//! TF-IDF signal: how central a sentence is to the whole document.
//!
//! The "documents" for IDF are the candidate sentences of the text itself: a
//! term found in few sentences tells them apart, one found in most does not.
//! lede summarizes one text at a time and ships no background corpus, so the
//! text is its own collection. Each sentence becomes a unit-length vector of
//! sublinear term frequency times IDF; its centrality is the cosine with the
//! centroid of all sentence vectors.

use std::ops::Range;

/// Unit-length TF-IDF vectors of a document's candidate sentences.
///
/// Each vector is kept as its term counts, with one IDF per term and one
/// norm per sentence, and a weight is worked out when it is read, with the
/// same floating-point steps as when the weights were stored: 8 bytes an
/// entry instead of 16, for the same bits.
#[derive(Debug, Clone, Default)]
pub struct TfIdf {
    /// The sparse vectors one after another, each sorted by term id: one
    /// allocation for the document instead of one per sentence. The term
    /// ids, and how often each occurs in its sentence.
    ids: Vec<u32>,
    counts: Vec<u32>,
    /// Where each sentence's vector ends in `ids` and `counts`.
    ends: Vec<usize>,
    /// Each sentence's norm (of the weights before normalizing).
    norms: Vec<f64>,
    /// Each term's IDF, by term id.
    idf: Vec<f64>,
}

impl TfIdf {
    /// Builds the vectors from each sentence's term ids (with repeats), given
    /// the number of distinct terms.
    pub fn new<I>(terms: I, vocabulary_len: usize) -> Self
    where
        I: IntoIterator,
        I::Item: AsRef<[u32]>,
    {
        let mut ids = Vec::new();
        let mut runs = Vec::new();
        for sentence in terms {
            let start = ids.len();
            ids.extend_from_slice(sentence.as_ref());
            runs.push(start..ids.len());
        }
        TfIdf::from_runs(ids, runs, vocabulary_len)
    }

    /// Like [`new`](Self::new), with the sentences' term ids as runs of one
    /// buffer, in order and not overlapping (ids outside every run are left
    /// out). The buffer becomes the vectors' term ids, so a long text needs
    /// no second copy of them.
    ///
    /// # Panics
    /// When the runs are out of order or overlap.
    pub fn from_runs(
        mut ids: Vec<u32>,
        runs: impl IntoIterator<Item = Range<usize>>,
        vocabulary_len: usize,
    ) -> Self {
        let mut document_frequency = vec![0u32; vocabulary_len];
        // At most one count per id: the capacity only takes memory as it is
        // written to.
        let mut counts: Vec<u32> = Vec::with_capacity(ids.len());
        let runs = runs.into_iter();
        let mut ends = Vec::with_capacity(runs.size_hint().0);
        let mut max_id = None;
        // Each sentence's distinct ids are written over the buffer from the
        // front, never past the id being read.
        let mut end = 0;
        for run in runs {
            assert!(
                run.start >= end,
                "term runs are in order and do not overlap"
            );
            ids[run.clone()].sort_unstable();
            let start = end;
            for k in run {
                let id = ids[k];
                if end > start && ids[end - 1] == id {
                    *counts.last_mut().expect("a count per distinct id") += 1;
                } else {
                    ids[end] = id;
                    counts.push(1);
                    end += 1;
                }
            }
            for &id in &ids[start..end] {
                if let Some(df) = document_frequency.get_mut(id as usize) {
                    *df += 1;
                }
            }
            max_id = max_id.max(ids[start..end].last().copied());
            ends.push(end);
        }
        ids.truncate(end);
        ids.shrink_to_fit();
        counts.shrink_to_fit();
        let n = ends.len() as f64;
        // Smoothed IDF (as in scikit-learn) keeps terms found in every
        // sentence at a small positive weight. A term id past the vocabulary
        // counts as found once.
        let idf_of = |df: u32| ((1.0 + n) / (1.0 + f64::from(df))).ln() + 1.0;
        let terms_len = vocabulary_len.max(max_id.map_or(0, |id| id as usize + 1));
        // Frequencies are small whole numbers, shared by many terms: one
        // logarithm per distinct frequency, not per term (a logarithm cost
        // about as much as the rest of a term's scoring).
        let max_df = document_frequency.iter().copied().max().unwrap_or(0).max(1);
        let idf_by_df: Vec<f64> = (0..=max_df).map(idf_of).collect();
        let idf: Vec<f64> = (0..terms_len)
            .map(|id| idf_by_df[document_frequency.get(id).copied().unwrap_or(1) as usize])
            .collect();
        let mut tfidf = TfIdf {
            ids,
            counts,
            ends,
            norms: Vec::new(),
            idf,
        };
        tfidf.norms = (0..tfidf.len())
            .map(|i| {
                tfidf
                    .entries(i)
                    .map(|entry| tfidf.raw_weight(entry))
                    .map(|w| w * w)
                    .sum::<f64>()
                    .sqrt()
            })
            .collect();
        tfidf
    }

    /// How many sentences there are.
    pub fn len(&self) -> usize {
        self.ends.len()
    }

    /// Whether there are no sentences.
    pub fn is_empty(&self) -> bool {
        self.ends.is_empty()
    }

    /// Sentence `i`'s distinct term ids, sorted.
    pub fn terms(&self, i: usize) -> &[u32] {
        let start = if i == 0 { 0 } else { self.ends[i - 1] };
        &self.ids[start..self.ends[i]]
    }

    /// How many of sentence `i`'s terms, repeats counted, are among
    /// `terms` (sorted), and how many it has in all.
    pub fn held_in(&self, i: usize, terms: &[u32]) -> (usize, usize) {
        let (mut held, mut all) = (0, 0);
        for (id, count) in self.entries(i) {
            all += count as usize;
            if terms.binary_search(&id).is_ok() {
                held += count as usize;
            }
        }
        (held, all)
    }

    /// How many distinct terms sentences `a` and `b` share.
    pub fn shared_terms(&self, a: usize, b: usize) -> usize {
        let (x, y) = (self.terms(a), self.terms(b));
        let (mut i, mut j, mut shared) = (0, 0, 0);
        while i < x.len() && j < y.len() {
            match x[i].cmp(&y[j]) {
                std::cmp::Ordering::Less => i += 1,
                std::cmp::Ordering::Greater => j += 1,
                std::cmp::Ordering::Equal => {
                    shared += 1;
                    i += 1;
                    j += 1;
                }
            }
        }
        shared
    }

    /// Sentence `i`'s (term id, count) pairs.
    fn entries(&self, i: usize) -> impl Iterator<Item = (u32, u32)> + '_ {
        let start = if i == 0 { 0 } else { self.ends[i - 1] };
        let end = self.ends[i];
        self.ids[start..end]
            .iter()
            .copied()
            .zip(self.counts[start..end].iter().copied())
    }

    /// Sublinear TF times IDF, before normalizing.
    fn raw_weight(&self, (id, tf): (u32, u32)) -> f64 {
        // ln(1) is exactly 0, and most terms occur once in a sentence.
        let sublinear = if tf == 1 {
            1.0
        } else {
            1.0 + f64::from(tf).ln()
        };
        sublinear * self.idf[id as usize]
    }

    /// Sentence `i`'s unit vector as (term id, weight), `None` past the last
    /// sentence.
    fn vector(&self, i: usize) -> Option<impl Iterator<Item = (u32, f64)> + '_> {
        let norm = *self.norms.get(i)?;
        Some(
            self.entries(i)
                .map(move |entry| (entry.0, self.weight(entry, norm))),
        )
    }

    /// An entry's weight in a vector of `norm`.
    fn weight(&self, entry: (u32, u32), norm: f64) -> f64 {
        let w = self.raw_weight(entry);
        // A zero vector stays zero, as normalizing leaves it.
        if norm > 0.0 {
            w / norm
        } else {
            w
        }
    }

    /// The cosine of each sentence with the centroid of all sentences, 0..1.
    pub fn centrality(&self) -> Vec<f64> {
        let mut centroid: Vec<f64> = vec![0.0; self.idf.len()];
        for i in 0..self.len() {
            for (id, w) in self.vector(i).into_iter().flatten() {
                centroid[id as usize] += w;
            }
        }
        let norm = centroid.iter().map(|w| w * w).sum::<f64>().sqrt();
        (0..self.len())
            .map(|i| {
                if norm == 0.0 {
                    return 0.0;
                }
                self.vector(i)
                    .into_iter()
                    .flatten()
                    .map(|(id, w)| w * centroid[id as usize])
                    .sum::<f64>()
                    / norm
            })
            .collect()
    }

    /// Cosine similarity of sentences `a` and `b`, 0..1.
    pub fn similarity(&self, a: usize, b: usize) -> f64 {
        let (Some(&norm_a), Some(&norm_b)) = (self.norms.get(a), self.norms.get(b)) else {
            return 0.0;
        };
        let range = |i: usize| (if i == 0 { 0 } else { self.ends[i - 1] })..self.ends[i];
        let (x, y) = (range(a), range(b));
        let (mut i, mut j, mut dot) = (x.start, y.start, 0.0);
        // Weights are worked out for the shared terms only.
        while i < x.end && j < y.end {
            match self.ids[i].cmp(&self.ids[j]) {
                std::cmp::Ordering::Less => i += 1,
                std::cmp::Ordering::Greater => j += 1,
                std::cmp::Ordering::Equal => {
                    let wx = self.weight((self.ids[i], self.counts[i]), norm_a);
                    let wy = self.weight((self.ids[j], self.counts[j]), norm_b);
                    dot += wx * wy;
                    i += 1;
                    j += 1;
                }
            }
        }
        dot
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn central_sentences_share_the_documents_terms() {
        // Terms: 0 talks, 1 istanbul, 2 ceasefire, 3 weather, 4 rain.
        let terms = vec![vec![0, 1, 2], vec![0, 1], vec![3, 4], vec![0, 2]];
        let tfidf = TfIdf::new(&terms, 5);
        let centrality = tfidf.centrality();
        assert!(centrality[0] > centrality[2], "{centrality:?}");
        assert!(centrality[3] > centrality[2], "{centrality:?}");
    }

    #[test]
    fn similarity_is_a_cosine() {
        let tfidf = TfIdf::new(&[vec![0, 1], vec![0, 1], vec![2], vec![]], 3);
        assert!((tfidf.similarity(0, 1) - 1.0).abs() < 1e-9);
        assert_eq!(tfidf.similarity(0, 2), 0.0);
        assert_eq!(tfidf.similarity(0, 3), 0.0);
        assert_eq!(tfidf.similarity(0, 9), 0.0);
    }

    fn normalize(vector: &mut [(u32, f64)]) {
        let norm = vector.iter().map(|(_, w)| w * w).sum::<f64>().sqrt();
        if norm > 0.0 {
            for (_, w) in vector {
                *w /= norm;
            }
        }
    }

    /// The original implementation, one `Vec` per sentence: what [`TfIdf`]
    /// must equal bit for bit, since scores are printed.
    fn plain(terms: &[Vec<u32>], vocabulary_len: usize) -> (Vec<f64>, Vec<Vec<f64>>) {
        let mut document_frequency = vec![0u32; vocabulary_len];
        let mut counted: Vec<Vec<(u32, u32)>> = Vec::new();
        for sentence in terms {
            let mut ids = sentence.clone();
            ids.sort_unstable();
            let mut counts: Vec<(u32, u32)> = Vec::new();
            for id in ids {
                match counts.last_mut() {
                    Some((last, n)) if *last == id => *n += 1,
                    _ => counts.push((id, 1)),
                }
            }
            for &(id, _) in &counts {
                if let Some(df) = document_frequency.get_mut(id as usize) {
                    *df += 1;
                }
            }
            counted.push(counts);
        }
        let n = terms.len() as f64;
        let vectors: Vec<Vec<(u32, f64)>> = counted
            .into_iter()
            .map(|counts| {
                let mut vector: Vec<(u32, f64)> = counts
                    .into_iter()
                    .map(|(id, tf)| {
                        let df =
                            f64::from(document_frequency.get(id as usize).copied().unwrap_or(1));
                        let idf = ((1.0 + n) / (1.0 + df)).ln() + 1.0;
                        (id, (1.0 + f64::from(tf).ln()) * idf)
                    })
                    .collect();
                normalize(&mut vector);
                vector
            })
            .collect();
        let mut centroid: Vec<f64> = Vec::new();
        for vector in &vectors {
            for &(id, w) in vector {
                let id = id as usize;
                if centroid.len() <= id {
                    centroid.resize(id + 1, 0.0);
                }
                centroid[id] += w;
            }
        }
        let norm = centroid.iter().map(|w| w * w).sum::<f64>().sqrt();
        let centrality = vectors
            .iter()
            .map(|vector| {
                if norm == 0.0 {
                    return 0.0;
                }
                vector
                    .iter()
                    .map(|&(id, w)| w * centroid[id as usize])
                    .sum::<f64>()
                    / norm
            })
            .collect();
        let dot = |x: &[(u32, f64)], y: &[(u32, f64)]| {
            let (mut i, mut j, mut dot) = (0, 0, 0.0);
            while i < x.len() && j < y.len() {
                match x[i].0.cmp(&y[j].0) {
                    std::cmp::Ordering::Less => i += 1,
                    std::cmp::Ordering::Greater => j += 1,
                    std::cmp::Ordering::Equal => {
                        dot += x[i].1 * y[j].1;
                        i += 1;
                        j += 1;
                    }
                }
            }
            dot
        };
        let similarity = vectors
            .iter()
            .map(|x| vectors.iter().map(|y| dot(x, y)).collect())
            .collect();
        (centrality, similarity)
    }

    proptest::proptest! {
        #[test]
        fn equals_the_plain_implementation_bit_for_bit(
            terms in proptest::collection::vec(proptest::collection::vec(0u32..30, 0..12), 0..20),
        ) {
            let (centrality, similarity) = plain(&terms, 25);
            let tfidf = TfIdf::new(&terms, 25);
            let bits = |v: &[f64]| v.iter().map(|x| x.to_bits()).collect::<Vec<_>>();
            proptest::prop_assert_eq!(bits(&tfidf.centrality()), bits(&centrality));
            for (a, row) in similarity.iter().enumerate() {
                let got: Vec<f64> = (0..terms.len()).map(|b| tfidf.similarity(a, b)).collect();
                proptest::prop_assert_eq!(bits(&got), bits(row));
            }
        }
    }
}
