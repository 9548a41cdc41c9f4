//! Tokenization: a unit's text -> Unicode words -> lower case -> terms
//! (stop words dropped, stems kept) and word hashes for duplicate detection.

use std::collections::{HashMap, HashSet};

use rust_stemmers::Stemmer;
use unicode_segmentation::UnicodeSegmentation;

use crate::language::Language;

/// Turns text into terms for one language. Holds the stemmer and the
/// stop-word set, which are built once and reused for every text.
pub struct Tokenizer {
    stemmer: Stemmer,
    stop_words: HashSet<&'static str>,
    language: Language,
}

impl std::fmt::Debug for Tokenizer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Tokenizer")
            .field("language", &self.language)
            .finish()
    }
}

/// Maps each distinct term of a document to a dense id, in order of first
/// appearance, so later stages index arrays instead of hashing strings.
#[derive(Debug, Default, Clone)]
pub struct Vocabulary {
    ids: HashMap<Box<str>, u32>,
}

impl Vocabulary {
    /// The id of `term`, adding it if it is new.
    pub fn id(&mut self, term: &str) -> u32 {
        if let Some(&id) = self.ids.get(term) {
            return id;
        }
        let id = u32::try_from(self.ids.len()).unwrap_or(u32::MAX);
        self.ids.insert(term.into(), id);
        id
    }

    /// How many distinct terms there are.
    pub fn len(&self) -> usize {
        self.ids.len()
    }

    /// Whether no term was added.
    pub fn is_empty(&self) -> bool {
        self.ids.is_empty()
    }
}

impl Tokenizer {
    /// Builds the tokenizer for `language`.
    pub fn new(language: Language) -> Self {
        Tokenizer {
            stemmer: Stemmer::create(language.stemmer_algorithm()),
            stop_words: language.stop_words().iter().copied().collect(),
            language,
        }
    }

    /// Whether `word` (lower case) is a stop word of the language.
    pub fn is_stop_word(&self, word: &str) -> bool {
        self.stop_words.contains(word)
    }

    /// Calls `f` with each term of `text`: lower-cased, stemmed words that
    /// are not stop words. Numbers are terms too ("50 days").
    pub fn for_each_term(&self, text: &str, mut f: impl FnMut(&str)) {
        let mut lower = String::new();
        for word in text.unicode_words() {
            lowercase_into(word, &mut lower);
            if self.stop_words.contains(lower.as_str()) {
                continue;
            }
            // Snowball expects lower-case input; possessives stem to the noun.
            f(&self.stemmer.stem(&lower));
        }
    }

    /// Appends the term ids of `text` to `out`, adding new terms to `vocabulary`.
    pub fn term_ids(&self, text: &str, vocabulary: &mut Vocabulary, out: &mut Vec<u32>) {
        self.for_each_term(text, |term| out.push(vocabulary.id(term)));
    }
}

/// Appends a hash of each lower-cased word of `text` (stop words included) to
/// `out`. Two texts that differ only in case, spacing or punctuation give the
/// same sequence, which is what duplicate detection compares.
pub fn word_hashes(text: &str, out: &mut Vec<u64>) {
    let mut lower = String::new();
    for word in text.unicode_words() {
        lowercase_into(word, &mut lower);
        out.push(fnv1a(lower.as_bytes()));
    }
}

/// Number of Unicode words in `text`, the unit of `--words` budgets.
pub fn word_count(text: &str) -> usize {
    text.unicode_words().count()
}

fn lowercase_into(word: &str, out: &mut String) {
    out.clear();
    if word.is_ascii() {
        out.push_str(word);
        out.make_ascii_lowercase();
    } else {
        out.extend(word.chars().flat_map(char::to_lowercase));
    }
}

/// FNV-1a, 64 bit: fast, and the same on every machine and run, which
/// keeps duplicate detection (and so the output) deterministic.
pub(crate) fn fnv1a(bytes: &[u8]) -> u64 {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in bytes {
        hash ^= u64::from(b);
        hash = hash.wrapping_mul(0x0000_0100_0000_01b3);
    }
    hash
}

#[cfg(test)]
mod tests {
    use super::*;

    fn terms(language: Language, text: &str) -> Vec<String> {
        let mut out = Vec::new();
        Tokenizer::new(language).for_each_term(text, |t| out.push(t.to_string()));
        out
    }

    #[test]
    fn terms_are_lowercased_stemmed_and_free_of_stop_words() {
        let cases: &[(Language, &str, &[&str])] = &[
            (
                Language::English,
                "The talks were running for 50 days.",
                &["talk", "run", "50", "day"],
            ),
            (
                Language::English,
                "Russia's NEGOTIATIONS",
                &["russia", "negoti"],
            ),
            (
                Language::German,
                "Die Verhandlungen wurden fortgesetzt",
                &["verhandl", "wurd", "fortgesetzt"],
            ),
            (
                Language::French,
                "Les négociations reprendront à Istanbul",
                &["négoci", "reprendront", "istanbul"],
            ),
        ];
        for (language, text, want) in cases {
            assert_eq!(terms(*language, text), *want, "input: {text:?}");
        }
    }

    #[test]
    fn cjk_text_still_gives_terms() {
        assert!(!terms(Language::English, "会议今天开始").is_empty());
    }

    #[test]
    fn word_hashes_ignore_case_spacing_and_punctuation() {
        let mut a = Vec::new();
        let mut b = Vec::new();
        word_hashes("Talks resume, in Istanbul!", &mut a);
        word_hashes("talks   RESUME in istanbul.", &mut b);
        assert_eq!(a, b);
        assert_eq!(a.len(), 4);
    }

    #[test]
    fn vocabulary_ids_are_dense_in_first_seen_order() {
        let mut vocabulary = Vocabulary::default();
        assert_eq!(["b", "a", "b", "c"].map(|t| vocabulary.id(t)), [0, 1, 0, 2]);
        assert_eq!(vocabulary.len(), 3);
    }
}
