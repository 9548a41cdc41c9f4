//! A small part-of-speech tagger: an averaged perceptron over word, affix,
//! shape and context features, decoded greedily left to right.
//!
//! The headline needs to know a sentence's structure (its subject, its main
//! verb and what that verb needs), and word lists alone do not tell "accused"
//! the participle from "accused" the verb. Tags are Universal Dependencies'
//! parts of speech, with the verb form for verbs and auxiliaries
//! (`VERB:Fin`, `VERB:Part`, `AUX:Fin`, ...), so that the same rules serve
//! every language with a model.
//!
//! Models are trained from CoNLL-U treebanks ([`train`]) and stored in a
//! compact binary form ([`Model::to_bytes`]): features are kept as 32-bit
//! hashes and weights as 16-bit integers, so a model holds no words.

mod features;
pub mod train;

use std::collections::HashMap;
use std::fmt;
use std::sync::OnceLock;

use crate::language::Language;
use crate::text::tokenize::words;

pub use features::Context;

/// A trained tagger: its tag set and the weight of each (feature, tag).
#[derive(Clone, PartialEq)]
pub struct Model {
    tags: Vec<String>,
    /// Feature hash -> (tag, weight) pairs, for the features the model knows.
    weights: HashMap<u32, Box<[(u8, i16)]>>,
    /// Frequent words that always get one tag, by [`word_key`].
    dictionary: HashMap<u32, u8>,
}

/// The key of a lower-cased word in a model's dictionary.
fn word_key(lower: &str) -> u32 {
    let h = crate::text::tokenize::fnv1a(lower.as_bytes());
    (h ^ (h >> 32)) as u32
}

impl fmt::Debug for Model {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Model")
            .field("tags", &self.tags)
            .field("features", &self.weights.len())
            .field("dictionary", &self.dictionary.len())
            .finish()
    }
}

/// Why a model's bytes could not be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("not a lede tagger model: {0}")]
pub struct ModelError(&'static str);

/// The model shipped for `language`, read on first use, or `None` for a
/// language without one (a headline there keeps to rules that need no tags).
pub fn for_language(language: Language) -> Option<&'static Model> {
    static EN: OnceLock<Option<Model>> = OnceLock::new();
    static DE: OnceLock<Option<Model>> = OnceLock::new();
    static FR: OnceLock<Option<Model>> = OnceLock::new();
    let (cell, bytes): (&OnceLock<Option<Model>>, &[u8]) = match language.code() {
        "en" => (&EN, include_bytes!("../data/tagger/en.bin")),
        "de" => (&DE, include_bytes!("../data/tagger/de.bin")),
        "fr" => (&FR, include_bytes!("../data/tagger/fr.bin")),
        _ => return None,
    };
    // The shipped bytes are tested (`every_shipped_model_reads`); a model
    // that did not read would only leave its language without tags.
    cell.get_or_init(|| Model::from_bytes(bytes).ok()).as_ref()
}

/// The first bytes of a model file, with its format's version.
const MAGIC: &[u8; 8] = b"ledetag2";

impl Model {
    /// The tag set, in the order the model numbers it.
    pub fn tags(&self) -> &[String] {
        &self.tags
    }

    /// How many features the model has weights for.
    pub fn feature_count(&self) -> usize {
        self.weights.len()
    }

    /// Tags `words` (one sentence, as written) and returns a tag for each.
    pub fn tag<S: AsRef<str>>(&self, words: &[S]) -> Vec<&str> {
        self.tag_ids(words)
            .into_iter()
            .map(|t| self.tags[t].as_str())
            .collect()
    }

    /// Tags `words`, giving each tag's index in [`tags`](Self::tags).
    pub fn tag_ids<S: AsRef<str>>(&self, words: &[S]) -> Vec<usize> {
        let context = Context::new(words);
        let mut tags: Vec<usize> = Vec::with_capacity(words.len());
        let mut scores = vec![0i32; self.tags.len()];
        let mut hashes = Vec::with_capacity(32);
        for i in 0..words.len() {
            if let Some(&tag) = self.dictionary.get(&word_key(context.lower(i))) {
                tags.push(usize::from(tag));
                continue;
            }
            hashes.clear();
            let previous = |back: usize| {
                i.checked_sub(back)
                    .map_or("<s>", |j| self.tags[tags[j]].as_str())
            };
            context.features(i, previous(1), previous(2), &mut hashes);
            scores.iter_mut().for_each(|s| *s = 0);
            for hash in &hashes {
                if let Some(weights) = self.weights.get(hash) {
                    for &(tag, weight) in weights.iter() {
                        scores[usize::from(tag)] += i32::from(weight);
                    }
                }
            }
            // Ties go to the lowest tag index, so tagging is deterministic.
            let best = (0..scores.len())
                .max_by_key(|&t| (scores[t], std::cmp::Reverse(t)))
                .unwrap_or(0);
            tags.push(best);
        }
        tags
    }

    /// Tags the words of `text` as lede's word scanner finds them.
    pub fn tag_text<'t>(&self, text: &'t str) -> Vec<(&'t str, &str)> {
        let words: Vec<&str> = words(text).collect();
        let tags = self.tag_ids(&words);
        words
            .into_iter()
            .zip(tags)
            .map(|(w, t)| (w, self.tags[t].as_str()))
            .collect()
    }

    /// The model in its binary form: the magic, the tags, then each
    /// feature's hash and its (tag, weight) pairs, in hash order so that
    /// the same model always gives the same bytes.
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut out = Vec::with_capacity(16 + self.weights.len() * 16);
        out.extend_from_slice(MAGIC);
        out.push(self.tags.len() as u8);
        for tag in &self.tags {
            out.push(tag.len() as u8);
            out.extend_from_slice(tag.as_bytes());
        }
        let mut features: Vec<_> = self.weights.iter().collect();
        features.sort_unstable_by_key(|&(hash, _)| *hash);
        let mut dictionary: Vec<(&u32, &u8)> = self.dictionary.iter().collect();
        dictionary.sort_unstable();
        out.extend_from_slice(&(dictionary.len() as u32).to_le_bytes());
        for (key, tag) in dictionary {
            out.extend_from_slice(&key.to_le_bytes());
            out.push(*tag);
        }
        out.extend_from_slice(&(features.len() as u32).to_le_bytes());
        for (hash, weights) in features {
            out.extend_from_slice(&hash.to_le_bytes());
            out.push(weights.len() as u8);
            for &(tag, weight) in weights.iter() {
                out.push(tag);
                out.extend_from_slice(&weight.to_le_bytes());
            }
        }
        out
    }

    /// Reads a model from [`to_bytes`](Self::to_bytes)'s form.
    ///
    /// # Errors
    /// [`ModelError`] when the bytes are not such a model.
    pub fn from_bytes(bytes: &[u8]) -> Result<Model, ModelError> {
        let mut r = Reader(bytes);
        if r.take(MAGIC.len())? != MAGIC {
            return Err(ModelError("wrong magic"));
        }
        let tag_count = usize::from(r.byte()?);
        let mut tags = Vec::with_capacity(tag_count);
        for _ in 0..tag_count {
            let len = usize::from(r.byte()?);
            let tag =
                std::str::from_utf8(r.take(len)?).map_err(|_| ModelError("a tag is not UTF-8"))?;
            tags.push(tag.to_string());
        }
        let entries = r.u32()? as usize;
        let mut dictionary = HashMap::with_capacity(entries.min(1 << 20));
        for _ in 0..entries {
            let key = r.u32()?;
            let tag = r.byte()?;
            if usize::from(tag) >= tag_count {
                return Err(ModelError("a word names no tag"));
            }
            dictionary.insert(key, tag);
        }
        let count = r.u32()? as usize;
        let mut weights = HashMap::with_capacity(count.min(1 << 22));
        for _ in 0..count {
            let hash = r.u32()?;
            let n = usize::from(r.byte()?);
            let mut pairs = Vec::with_capacity(n);
            for _ in 0..n {
                let tag = r.byte()?;
                if usize::from(tag) >= tag_count {
                    return Err(ModelError("a weight names no tag"));
                }
                let weight = i16::from_le_bytes([r.byte()?, r.byte()?]);
                pairs.push((tag, weight));
            }
            weights.insert(hash, pairs.into_boxed_slice());
        }
        if !r.0.is_empty() {
            return Err(ModelError("bytes after the last feature"));
        }
        Ok(Model {
            tags,
            weights,
            dictionary,
        })
    }
}

/// Reads a model's bytes front to back.
struct Reader<'a>(&'a [u8]);

impl<'a> Reader<'a> {
    fn take(&mut self, n: usize) -> Result<&'a [u8], ModelError> {
        if self.0.len() < n {
            return Err(ModelError("cut short"));
        }
        let (head, rest) = self.0.split_at(n);
        self.0 = rest;
        Ok(head)
    }

    fn byte(&mut self) -> Result<u8, ModelError> {
        Ok(self.take(1)?[0])
    }

    fn u32(&mut self) -> Result<u32, ModelError> {
        let b = self.take(4)?;
        Ok(u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_shipped_model_reads() {
        for code in ["en", "de", "fr"] {
            let language: Language = code.parse().expect("a language");
            let model = for_language(language).unwrap_or_else(|| panic!("{code}: no model"));
            assert!(model.feature_count() > 10_000, "{code}: {model:?}");
        }
        let none: Language = "fi".parse().expect("a language");
        assert!(for_language(none).is_none());
    }

    /// Sentences of our own, and the tags the English model must give the
    /// words that matter to a headline: the participle that is not the main
    /// verb ("accused"), the finite verb that is.
    #[test]
    fn the_english_model_tells_participles_from_main_verbs() {
        let model = for_language("en".parse().expect("en")).expect("a model");
        let cases = [
            (
                "A former teacher accused of fraud took a plea deal on Monday.",
                &[
                    ("accused", "VERB:Part"),
                    ("took", "VERB:Fin"),
                    ("teacher", "NOUN"),
                    ("of", "ADP"),
                ][..],
            ),
            (
                "The council has approved a new budget for the city's libraries.",
                &[
                    ("has", "AUX:Fin"),
                    ("approved", "VERB:Part"),
                    ("budget", "NOUN"),
                    ("council", "NOUN"),
                ][..],
            ),
            (
                "Police arrested two men after a fire destroyed the old market.",
                // "destroyed" after "a fire" is tagged a participle: the
                // tagger's context is two words each side, and a headline's
                // rules must check a participle's neighbours.
                &[("arrested", "VERB:Fin"), ("men", "NOUN"), ("fire", "NOUN")][..],
            ),
        ];
        for (sentence, want) in cases {
            let tagged = model.tag_text(sentence);
            for &(word, tag) in want {
                let got = tagged.iter().find(|(w, _)| *w == word).map(|(_, t)| *t);
                assert_eq!(got, Some(tag), "{word} in {sentence:?}: {tagged:?}");
            }
        }
    }
}
