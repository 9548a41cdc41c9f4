//! TF-IDF signal: how central a sentence is to the whole document.
//!
//! The "documents" for IDF are the candidate sentences of the text itself: a
//! term found in few sentences tells them apart, one found in most does not.
//! lede summarizes one text at a time and ships no background corpus, so the
//! text is its own collection. Each sentence becomes a unit-length vector of
//! sublinear term frequency times IDF; its centrality is the cosine with the
//! centroid of all sentence vectors.

/// Unit-length TF-IDF vectors of a document's candidate sentences.
#[derive(Debug, Clone, Default)]
pub struct TfIdf {
    /// Sparse vectors, sorted by term id.
    vectors: Vec<Vec<(u32, f64)>>,
}

impl TfIdf {
    /// Builds the vectors from each sentence's term ids (with repeats), given
    /// the number of distinct terms.
    pub fn new(terms: &[Vec<u32>], vocabulary_len: usize) -> Self {
        let mut document_frequency = vec![0u32; vocabulary_len];
        let mut counted: Vec<Vec<(u32, u32)>> = Vec::with_capacity(terms.len());
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
        let vectors = counted
            .into_iter()
            .map(|counts| {
                let mut vector: Vec<(u32, f64)> = counts
                    .into_iter()
                    .map(|(id, tf)| {
                        let df =
                            f64::from(document_frequency.get(id as usize).copied().unwrap_or(1));
                        // Smoothed IDF (as in scikit-learn) keeps terms found in
                        // every sentence at a small positive weight.
                        let idf = ((1.0 + n) / (1.0 + df)).ln() + 1.0;
                        (id, (1.0 + f64::from(tf).ln()) * idf)
                    })
                    .collect();
                normalize(&mut vector);
                vector
            })
            .collect();
        TfIdf { vectors }
    }

    /// How many sentences there are.
    pub fn len(&self) -> usize {
        self.vectors.len()
    }

    /// Whether there are no sentences.
    pub fn is_empty(&self) -> bool {
        self.vectors.is_empty()
    }

    /// The cosine of each sentence with the centroid of all sentences, 0..1.
    pub fn centrality(&self) -> Vec<f64> {
        let mut centroid: Vec<f64> = Vec::new();
        for vector in &self.vectors {
            for &(id, w) in vector {
                let id = id as usize;
                if centroid.len() <= id {
                    centroid.resize(id + 1, 0.0);
                }
                centroid[id] += w;
            }
        }
        let norm = centroid.iter().map(|w| w * w).sum::<f64>().sqrt();
        self.vectors
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
            .collect()
    }

    /// Cosine similarity of sentences `a` and `b`, 0..1.
    pub fn similarity(&self, a: usize, b: usize) -> f64 {
        let (Some(x), Some(y)) = (self.vectors.get(a), self.vectors.get(b)) else {
            return 0.0;
        };
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
    }
}

fn normalize(vector: &mut [(u32, f64)]) {
    let norm = vector.iter().map(|(_, w)| w * w).sum::<f64>().sqrt();
    if norm > 0.0 {
        for (_, w) in vector {
            *w /= norm;
        }
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
}
