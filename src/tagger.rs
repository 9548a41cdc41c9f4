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

use std::borrow::Cow;
use std::collections::HashMap;
use std::fmt;
use std::sync::OnceLock;

use crate::language::Language;
use crate::text::tokenize::words;

pub use features::Context;

/// A trained tagger: its tag set and the weight of each (feature, tag),
/// read in place from its bytes.
///
/// The bytes hold two open-addressing hash tables, so that a model is ready
/// as soon as its header is read: the shipped model of a language costs
/// nothing until a headline asks for tags, and then no more than its lookups
/// (reading 137,000 features into a `HashMap` took 22 ms, more than the rest
/// of a one-file run).
#[derive(Clone, PartialEq, Eq)]
pub struct Model {
    bytes: Cow<'static, [u8]>,
    tags: Vec<String>,
    /// Frequent words that always get one tag: slots of (key, tag).
    dictionary: Table,
    /// Features: slots of (key, offset of its weights in `weights_at`).
    features: Table,
    /// Where the weights start: for each feature, a count and that many
    /// (tag, weight) pairs.
    weights_at: usize,
}

/// An open-addressing table in a model's bytes: `slots` (a power of two)
/// slots of two little-endian `u32`s, a key (0 for an empty slot) and a
/// value, from byte `at`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Table {
    at: usize,
    slots: usize,
    entries: usize,
}

impl Table {
    /// The value of `key` (never 0) in `bytes`, if the table holds it.
    fn get(&self, bytes: &[u8], key: u32) -> Option<u32> {
        let mask = self.slots.checked_sub(1)?;
        let mut slot = key as usize & mask;
        for _ in 0..self.slots {
            let at = self.at + slot * 8;
            let found = read_u32(bytes, at)?;
            if found == 0 {
                return None;
            }
            if found == key {
                return read_u32(bytes, at + 4);
            }
            slot = (slot + 1) & mask;
        }
        None
    }

    /// Writes a table of `entries` (keys never 0), at most three quarters
    /// full, so that a probe finds its key or an empty slot in a few steps.
    fn write(out: &mut Vec<u8>, entries: &[(u32, u32)]) {
        let slots = (entries.len() * 4 / 3 + 1).next_power_of_two().max(2);
        let mut table = vec![(0u32, 0u32); slots];
        let mask = slots - 1;
        for &(key, value) in entries {
            let mut slot = key as usize & mask;
            while table[slot].0 != 0 {
                slot = (slot + 1) & mask;
            }
            table[slot] = (key, value);
        }
        out.extend_from_slice(&(slots as u32).to_le_bytes());
        out.extend_from_slice(&(entries.len() as u32).to_le_bytes());
        for (key, value) in table {
            out.extend_from_slice(&key.to_le_bytes());
            out.extend_from_slice(&value.to_le_bytes());
        }
    }

    /// Reads a table's header at the reader and skips its slots.
    fn read(r: &mut Reader<'_>) -> Result<Table, ModelError> {
        let slots = r.u32()? as usize;
        let entries = r.u32()? as usize;
        if !slots.is_power_of_two() || entries >= slots {
            return Err(ModelError("a table of the wrong size"));
        }
        let at = r.at;
        r.take(
            slots
                .checked_mul(8)
                .ok_or(ModelError("a table too large"))?,
        )?;
        Ok(Table { at, slots, entries })
    }
}

fn read_u32(bytes: &[u8], at: usize) -> Option<u32> {
    let b = bytes.get(at..at.checked_add(4)?)?;
    Some(u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
}

/// A hash as a table key: 0 marks an empty slot, so it becomes 1.
fn key_of(hash: u32) -> u32 {
    hash.max(1)
}

/// The key of a lower-cased word in a model's dictionary.
fn word_key(lower: &str) -> u32 {
    let h = crate::text::tokenize::fnv1a(lower.as_bytes());
    key_of((h ^ (h >> 32)) as u32)
}

impl fmt::Debug for Model {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Model")
            .field("tags", &self.tags)
            .field("features", &self.features.entries)
            .field("dictionary", &self.dictionary.entries)
            .finish()
    }
}

/// Why a model's bytes could not be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("not a lede tagger model: {0}")]
pub struct ModelError(&'static str);

/// The model shipped for `language`, or `None` for a language without one
/// (a headline there keeps to rules that need no tags).
pub fn for_language(language: Language) -> Option<&'static Model> {
    static EN: OnceLock<Option<Model>> = OnceLock::new();
    static DE: OnceLock<Option<Model>> = OnceLock::new();
    static FR: OnceLock<Option<Model>> = OnceLock::new();
    let (cell, bytes): (&OnceLock<Option<Model>>, &'static [u8]) = match language.code() {
        "en" => (&EN, include_bytes!("../data/tagger/en.bin")),
        "de" => (&DE, include_bytes!("../data/tagger/de.bin")),
        "fr" => (&FR, include_bytes!("../data/tagger/fr.bin")),
        _ => return None,
    };
    // The shipped bytes are tested (`every_shipped_model_reads`); a model
    // that did not read would only leave its language without tags.
    cell.get_or_init(|| Model::read(Cow::Borrowed(bytes)).ok())
        .as_ref()
}

/// The first bytes of a model file, with its format's version.
const MAGIC: &[u8; 8] = b"ledetag3";

impl Model {
    /// The tag set, in the order the model numbers it.
    pub fn tags(&self) -> &[String] {
        &self.tags
    }

    /// How many features the model has weights for.
    pub fn feature_count(&self) -> usize {
        self.features.entries
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
            if let Some(tag) = self.dictionary.get(&self.bytes, word_key(context.lower(i))) {
                tags.push((tag as usize).min(self.tags.len().saturating_sub(1)));
                continue;
            }
            hashes.clear();
            let previous = |back: usize| {
                i.checked_sub(back)
                    .map_or("<s>", |j| self.tags[tags[j]].as_str())
            };
            context.features(i, previous(1), previous(2), &mut hashes);
            scores.iter_mut().for_each(|s| *s = 0);
            for &hash in &hashes {
                self.add_weights(hash, &mut scores);
            }
            // Ties go to the lowest tag index, so tagging is deterministic.
            let best = (0..scores.len())
                .max_by_key(|&t| (scores[t], std::cmp::Reverse(t)))
                .unwrap_or(0);
            tags.push(best);
        }
        tags
    }

    /// Adds the weights of feature `hash` to `scores`.
    fn add_weights(&self, hash: u32, scores: &mut [i32]) {
        let Some(offset) = self.features.get(&self.bytes, key_of(hash)) else {
            return;
        };
        let at = self.weights_at + offset as usize;
        let Some(&count) = self.bytes.get(at) else {
            return;
        };
        let pairs = at + 1..at + 1 + 3 * usize::from(count);
        for pair in self.bytes.get(pairs).unwrap_or_default().chunks_exact(3) {
            if let Some(score) = scores.get_mut(usize::from(pair[0])) {
                *score += i32::from(i16::from_le_bytes([pair[1], pair[2]]));
            }
        }
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

    /// A model from its parts: the tags, each feature's (tag, weight) pairs
    /// and the dictionary's words, by their hashes. The same parts always
    /// give the same bytes.
    pub(crate) fn from_parts(
        tags: &[String],
        weights: &HashMap<u32, Box<[(u8, i16)]>>,
        dictionary: &HashMap<u32, u8>,
    ) -> Model {
        let mut out = Vec::new();
        out.extend_from_slice(MAGIC);
        out.push(tags.len() as u8);
        for tag in tags {
            out.push(tag.len() as u8);
            out.extend_from_slice(tag.as_bytes());
        }
        let mut words: Vec<(u32, u32)> = dictionary
            .iter()
            .map(|(&k, &t)| (k, u32::from(t)))
            .collect();
        words.sort_unstable();
        Table::write(&mut out, &words);
        let mut features: Vec<_> = weights.iter().collect();
        features.sort_unstable_by_key(|&(&hash, _)| hash);
        let mut blob = Vec::new();
        let mut slots = Vec::with_capacity(features.len());
        for (&hash, pairs) in features {
            slots.push((key_of(hash), blob.len() as u32));
            blob.push(pairs.len() as u8);
            for &(tag, weight) in pairs.iter() {
                blob.push(tag);
                blob.extend_from_slice(&weight.to_le_bytes());
            }
        }
        Table::write(&mut out, &slots);
        out.extend_from_slice(&(blob.len() as u32).to_le_bytes());
        out.extend_from_slice(&blob);
        // Bytes just written in the form `read` takes.
        Model::read(Cow::Owned(out)).unwrap_or_else(|e| unreachable!("{e}"))
    }

    /// The model's bytes, as [`from_bytes`](Self::from_bytes) reads them.
    pub fn to_bytes(&self) -> Vec<u8> {
        self.bytes.to_vec()
    }

    /// Reads a model from [`to_bytes`](Self::to_bytes)'s form.
    ///
    /// # Errors
    /// [`ModelError`] when the bytes are not such a model.
    pub fn from_bytes(bytes: &[u8]) -> Result<Model, ModelError> {
        Model::read(Cow::Owned(bytes.to_vec()))
    }

    /// Reads the header and checks the layout; the tables are read in
    /// place when tagging.
    fn read(bytes: Cow<'static, [u8]>) -> Result<Model, ModelError> {
        let mut r = Reader {
            bytes: &bytes,
            at: 0,
        };
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
        if tags.is_empty() {
            return Err(ModelError("no tags"));
        }
        let dictionary = Table::read(&mut r)?;
        let features = Table::read(&mut r)?;
        let blob = r.u32()? as usize;
        let weights_at = r.at;
        r.take(blob)?;
        if r.at != bytes.len() {
            return Err(ModelError("bytes after the weights"));
        }
        Ok(Model {
            tags,
            dictionary,
            features,
            weights_at,
            bytes,
        })
    }
}

/// Reads a model's bytes front to back.
struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl<'a> Reader<'a> {
    fn take(&mut self, n: usize) -> Result<&'a [u8], ModelError> {
        let end = self.at.checked_add(n).ok_or(ModelError("cut short"))?;
        let taken = self
            .bytes
            .get(self.at..end)
            .ok_or(ModelError("cut short"))?;
        self.at = end;
        Ok(taken)
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
