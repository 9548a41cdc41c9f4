//! Duplicate removal: exact and near-duplicate units, first occurrence kept.
//!
//! Works on the word hashes of each unit (see [`crate::text::tokenize::word_hashes`]),
//! so it never looks at characters. Exact duplicates (same words after
//! normalizing case, white space and punctuation) are found with a hash map.
//! Near duplicates are units whose word sets have a Jaccard similarity of at
//! least the threshold; candidates come from MinHash locality-sensitive
//! hashing and are then checked exactly, and each unit is checked against a
//! bounded number of candidates, so the cost stays linear in the text length.

use std::collections::HashMap;

/// MinHash bands and rows per band: 10 x 3 hashes finds a pair at Jaccard
/// 0.8 with probability 0.999 and at 0.6 with 0.91, while pairs at 0.3 only
/// become candidates 24% of the time (and are then rejected by the exact check).
const BANDS: usize = 10;
const ROWS: usize = 3;

/// Units with fewer distinct words than this are only removed as exact
/// duplicates: "He said no." and "She said no." share most of their words
/// but not their meaning.
const NEAR_MIN_WORDS: usize = 5;

/// At most this many earlier units are checked per band bucket, so 100,000
/// near-identical units cost 100,000 x a constant, not a quadratic pass.
const MAX_BUCKET_CHECKS: usize = 16;

/// The default similarity threshold (Jaccard over word sets) for near
/// duplicates. Chosen so that a sentence re-posted with a changed word or two
/// is caught, while two sentences about the same event that share a subject
/// and verb are not.
pub const DEFAULT_THRESHOLD: f64 = 0.8;

/// For each unit, `Some(i)` when it duplicates the earlier unit `i` (a unit
/// that is kept), `None` when it is kept.
///
/// `words` holds each unit's word hashes in order. A `threshold` of 1.0 or
/// more removes exact duplicates only.
pub fn find_duplicates(words: &[Vec<u64>], threshold: f64) -> Vec<Option<usize>> {
    let mut duplicate_of = vec![None; words.len()];
    let mut exact: HashMap<&[u64], usize> = HashMap::new();
    let mut buckets: HashMap<(usize, u64), Vec<usize>> = HashMap::new();
    let mut sets: Vec<Vec<u64>> = vec![Vec::new(); words.len()];
    let near = threshold < 1.0;

    for (i, unit_words) in words.iter().enumerate() {
        if unit_words.is_empty() {
            continue;
        }
        if let Some(&first) = exact.get(unit_words.as_slice()) {
            duplicate_of[i] = Some(first);
            continue;
        }
        if !near {
            exact.insert(unit_words, i);
            continue;
        }
        let mut set = unit_words.clone();
        set.sort_unstable();
        set.dedup();
        if set.len() < NEAR_MIN_WORDS {
            exact.insert(unit_words, i);
            continue;
        }
        let keys = band_keys(&set);
        let mut best: Option<usize> = None;
        for (band, key) in keys.iter().enumerate() {
            if let Some(bucket) = buckets.get(&(band, *key)) {
                for &j in bucket.iter().rev().take(MAX_BUCKET_CHECKS) {
                    if best.is_none_or(|b| j < b) && jaccard(&set, &sets[j]) >= threshold {
                        best = Some(j);
                    }
                }
            }
        }
        // Later exact copies of this unit point to the unit that is kept.
        exact.insert(unit_words, best.unwrap_or(i));
        if best.is_some() {
            duplicate_of[i] = best;
            continue;
        }
        for (band, key) in keys.into_iter().enumerate() {
            buckets.entry((band, key)).or_default().push(i);
        }
        sets[i] = set;
    }
    duplicate_of
}

/// One key per band, each combining `ROWS` MinHash values of the word set.
fn band_keys(set: &[u64]) -> [u64; BANDS] {
    let mut keys = [0u64; BANDS];
    for (band, key) in keys.iter_mut().enumerate() {
        let mut combined: u64 = 0;
        for row in 0..ROWS {
            let seed = (band * ROWS + row) as u64;
            let min = set.iter().map(|&h| mix(h, seed)).min().unwrap_or(0);
            combined = mix(combined ^ min, seed);
        }
        *key = combined;
    }
    keys
}

/// A 64-bit finalizer (SplitMix64) salted with `seed`: one cheap, well-mixed
/// hash function per MinHash row.
fn mix(value: u64, seed: u64) -> u64 {
    let mut z = value ^ seed.wrapping_mul(0x9e37_79b9_7f4a_7c15);
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^ (z >> 31)
}

/// Jaccard similarity of two sorted, deduplicated sets.
fn jaccard(a: &[u64], b: &[u64]) -> f64 {
    if a.is_empty() && b.is_empty() {
        return 0.0;
    }
    let (mut i, mut j, mut common) = (0, 0, 0usize);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                common += 1;
                i += 1;
                j += 1;
            }
        }
    }
    common as f64 / (a.len() + b.len() - common) as f64
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::tokenize::word_hashes;

    fn dups(texts: &[&str], threshold: f64) -> Vec<Option<usize>> {
        let words: Vec<Vec<u64>> = texts
            .iter()
            .map(|t| {
                let mut w = Vec::new();
                word_hashes(t, &mut w);
                w
            })
            .collect();
        find_duplicates(&words, threshold)
    }

    #[test]
    fn exact_and_near_duplicates_point_to_the_first_occurrence() {
        let texts = [
            "Talks will resume in Istanbul on Wednesday, officials said.",
            "Markets rose sharply on the news.",
            "talks will resume in istanbul on wednesday officials said",
            "Talks will resume in Istanbul on Wednesday, officials confirmed.",
            "He said no.",
            "She said no.",
        ];
        assert_eq!(
            dups(&texts, DEFAULT_THRESHOLD),
            vec![None, None, Some(0), Some(0), None, None]
        );
    }

    #[test]
    fn threshold_one_keeps_near_duplicates() {
        let texts = [
            "Talks will resume in Istanbul on Wednesday, officials said.",
            "Talks will resume in Istanbul on Wednesday, officials confirmed.",
        ];
        assert_eq!(dups(&texts, 1.0), vec![None, None]);
    }

    #[test]
    fn jaccard_of_sets() {
        assert_eq!(jaccard(&[1, 2, 3], &[2, 3, 4]), 0.5);
        assert_eq!(jaccard(&[], &[]), 0.0);
    }
}
