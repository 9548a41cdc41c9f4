//! Tokenization: a unit's text -> Unicode words -> lower case -> terms
//! (stop words dropped, stems kept) and word hashes for duplicate detection.
//!
//! [`words`] finds the words of UAX #29, as unicode-segmentation's
//! `unicode_words` does, with a byte-by-byte path for ASCII stretches. A
//! [`Lexicon`] analyzes each distinct spelling once (lower case, stop word,
//! stem) and keeps what it learned for the next text the same tokenizer
//! reads, so most words cost one hash-map lookup. The word scanner is in
//! `tokenize/words.rs`, the table of spellings in `tokenize/spellings.rs`.

mod spellings;
mod words;

use std::collections::HashMap;
use std::ops::Range;
use std::sync::{Mutex, PoisonError};

use rust_stemmers::Stemmer;

use crate::language::Language;
use spellings::{SpellingKey, Spellings};
pub use words::{words, Words};

/// Turns text into terms for one language. Holds the stemmer and the
/// stop-word set, which are built once and reused for every text. A
/// language without a stemmer keeps its words whole.
pub struct Tokenizer {
    stemmer: Option<Stemmer>,
    /// With FxHasher ([`FastMap`]): SipHash was ~170 instructions of each
    /// new spelling's analysis.
    stop_words: FastSet<&'static str>,
    language: Language,
    /// Word tables that no [`Lexicon`] is using: at most one per thread
    /// that reads at the same time, so threads never wait on each other
    /// for more than a push or a pop.
    tables: Mutex<Vec<WordTable>>,
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
            stemmer: language.stemmer_algorithm().map(Stemmer::create),
            stop_words: language.stop_words().iter().copied().collect(),
            language,
            tables: Mutex::new(Vec::new()),
        }
    }

    /// Whether `word` (lower case) is a stop word of the language.
    pub fn is_stop_word(&self, word: &str) -> bool {
        self.stop_words.contains(word)
    }

    /// Calls `f` with each term of `text`: lower-cased, stemmed words that
    /// are not stop words. Numbers are terms too ("50 days"). Each distinct
    /// spelling is analyzed once, as in a [`Lexicon`].
    pub fn for_each_term(&self, text: &str, mut f: impl FnMut(&str)) {
        let mut lexicon = self.lexicon();
        words(text).fold_spans((), |(), span| {
            let id = lexicon.id(text, span);
            if let Some(stem) = lexicon.table.words[id as usize].stem {
                f(&lexicon.table.stem_texts[stem as usize]);
            }
        });
    }

    /// Appends the term ids of `text` to `out`, adding new terms to `vocabulary`.
    pub fn term_ids(&self, text: &str, vocabulary: &mut Vocabulary, out: &mut Vec<u32>) {
        self.for_each_term(text, |term| out.push(vocabulary.id(term)));
    }

    /// The term of a lower-case word, `None` for a stop word.
    fn term_of<'w>(&self, lower: &'w str) -> Option<std::borrow::Cow<'w, str>> {
        if self.stop_words.contains(lower) {
            return None;
        }
        // Snowball expects lower-case input; possessives stem to the noun.
        Some(match &self.stemmer {
            Some(stemmer) => stemmer.stem(lower),
            None => lower.into(),
        })
    }

    /// A lexicon for one document, with what this tokenizer learned from
    /// the documents before it.
    pub fn lexicon(&self) -> Lexicon<'_> {
        let mut table = self
            .tables
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .pop()
            .unwrap_or_default();
        table.start_document();
        Lexicon {
            tokenizer: self,
            table,
            terms: 0,
            lower: String::new(),
        }
    }
}

/// The words of one document, each distinct spelling analyzed once: its
/// hash for duplicate detection ([`word_hashes`]) and its term
/// ([`Tokenizer::for_each_term`]).
///
/// The analysis of each spelling is kept in a table that goes back to the
/// tokenizer when the lexicon is dropped, for the next document: stemming
/// costs ~190 ns a word, more than everything else lede does with it, and
/// news articles share most of their words. What the table says about a
/// word depends on the word alone, and term ids are handed out afresh for
/// each document, so the output never depends on what was read before.
pub struct Lexicon<'a> {
    tokenizer: &'a Tokenizer,
    table: WordTable,
    /// Document term ids handed out so far.
    terms: u32,
    /// Scratch space for lower-casing.
    lower: String,
}

impl std::fmt::Debug for Lexicon<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Lexicon")
            .field("language", &self.tokenizer.language)
            .field("spellings", &self.table.words.len())
            .field("terms", &self.terms)
            .finish()
    }
}

impl Lexicon<'_> {
    /// Appends an id for each word of `text` to `out`: the same spelling
    /// always gets the same id.
    pub fn word_ids(&mut self, text: &str, out: &mut Vec<u32>) {
        words(text).fold_spans((), |(), span| out.push(self.id(text, span)));
    }

    /// Appends the [`hash`](Self::hash) of each word of `text` to `hashes`
    /// and the [`stem`](Self::stem) of each that is not a stop word to
    /// `stems`, and returns the number of words: what the pipeline's one
    /// pass over a unit needs, without a vector of ids read twice.
    pub fn hashes_and_stems(
        &mut self,
        text: &str,
        hashes: &mut Vec<u64>,
        stems: &mut Vec<u32>,
    ) -> usize {
        words(text).fold_spans(0, |count, span| {
            let id = self.id(text, span);
            let word = &self.table.words[id as usize];
            hashes.push(word.hash);
            // A push, not `extend` with the `Option`: this loop runs for
            // every word, and extend reserves room before each.
            if let Some(stem) = word.stem {
                stems.push(stem);
            }
            count + 1
        })
    }

    /// The id of a spelling. The first sight of a spelling ([`add`](Self::add))
    /// is kept out of line, so that making the key and probing the table
    /// are inlined here, and this into the loops over words: that saves the
    /// ~45 instructions per word of saving registers and copying the key for
    /// three calls.
    ///
    /// The spelling is the word at `span` of `text`: a spelling the table
    /// knows is looked up by its bytes, and only a new one is sliced as a
    /// `str`.
    #[inline(always)]
    fn id(&mut self, text: &str, span: Range<usize>) -> u32 {
        let bytes = &text.as_bytes()[span.clone()];
        let key = SpellingKey::of(bytes);
        match self.table.spellings.get(&key, bytes) {
            Some(id) => id,
            None => self.add(&text[span], &key),
        }
    }

    /// The hash of word `id` lower-cased, as [`word_hashes`] gives it.
    pub fn hash(&self, id: u32) -> u64 {
        self.table.words[id as usize].hash
    }

    /// The stem of word `id`, `None` for a stop word: the same for every
    /// word with the same term, and for as long as the tokenizer lives.
    pub fn stem(&self, id: u32) -> Option<u32> {
        self.table.words[id as usize].stem
    }

    /// The document's term id of `stem` (from [`stem`](Self::stem)). Term
    /// ids are dense and handed out in the order they are first asked for,
    /// as a fresh [`Vocabulary`] hands them out for the same terms.
    pub fn term(&mut self, stem: u32) -> u32 {
        let slot = &mut self.table.document_terms[stem as usize];
        if slot.document != self.table.document {
            *slot = DocumentTerm {
                document: self.table.document,
                term: self.terms,
            };
            self.terms += 1;
        }
        slot.term
    }

    /// How many term ids [`term`](Self::term) has handed out.
    pub fn term_count(&self) -> usize {
        self.terms as usize
    }

    /// Calls `f` for each term of `text` (stop words skipped) with its
    /// document term id, as [`term`](Self::term) handed it out, or `None`
    /// for a term this document was not given, without handing out new
    /// ones: the headline looks up its words here after the document's
    /// terms were counted. A spelling the table has not met (a verb the
    /// headline rewrote, "rises" for "rose") is added to it, as any word
    /// read is, so the next lookup of it is as quick.
    pub fn for_each_document_term(&mut self, text: &str, mut f: impl FnMut(Option<u32>)) {
        let mut term_of = |lexicon: &mut Self, span: Range<usize>| {
            let id = lexicon.id(text, span);
            if let Some(stem) = lexicon.table.words[id as usize].stem {
                let slot = lexicon.table.document_terms[stem as usize];
                f((slot.document == lexicon.table.document).then_some(slot.term));
            }
        };
        // The headline asks word by word, and most are plain: a run of
        // ASCII letters and digits is one word, without the word scanner.
        if !text.is_empty() && text.bytes().all(|b| b.is_ascii_alphanumeric()) {
            term_of(self, 0..text.len());
            return;
        }
        words(text).fold_spans((), |(), span| term_of(self, span));
    }

    #[cold]
    #[inline(never)]
    fn add(&mut self, word: &str, key: &SpellingKey) -> u32 {
        lowercase_into(word, &mut self.lower);
        let table = &mut self.table;
        let stem = self.tokenizer.term_of(&self.lower).map(|term| {
            if let Some(&stem) = table.stems.get(&*term) {
                return stem;
            }
            let stem = dense_id(table.stems.len());
            let term: Box<str> = term.into();
            table.stems.insert(term.clone(), stem);
            table.stem_texts.push(term);
            table.document_terms.push(DocumentTerm::default());
            stem
        });
        let id = dense_id(table.words.len());
        table.words.push(Word {
            hash: fnv1a(self.lower.as_bytes()),
            stem,
        });
        table.spellings.insert(key, word.as_bytes(), id);
        id
    }
}

impl Drop for Lexicon<'_> {
    fn drop(&mut self) {
        // A table grown past the cap by one huge or odd text is not worth
        // its memory to the next one.
        if self.table.words.len() <= TABLE_MAX_SPELLINGS {
            let table = std::mem::take(&mut self.table);
            self.tokenizer
                .tables
                .lock()
                .unwrap_or_else(PoisonError::into_inner)
                .push(table);
        }
    }
}

/// The most spellings a word table keeps between documents. 2^18 (about
/// 20 MB) holds the 25,000 spellings of all 911 bbc-dev articles ten times
/// over.
const TABLE_MAX_SPELLINGS: usize = 1 << 18;

/// What a tokenizer learned about each spelling, kept across documents.
#[derive(Default)]
struct WordTable {
    /// Spelling -> index into `words`.
    spellings: Spellings,
    words: Vec<Word>,
    /// Term -> its index in `stem_texts` and `document_terms`.
    stems: FastMap<Box<str>, u32>,
    stem_texts: Vec<Box<str>>,
    /// For each term: its id in the document that last used it.
    document_terms: Vec<DocumentTerm>,
    /// The number of the current document (0 is none).
    document: u32,
}

impl WordTable {
    fn start_document(&mut self) {
        if self.document == u32::MAX {
            self.document_terms.fill(DocumentTerm::default());
            self.document = 0;
        }
        self.document += 1;
    }
}

/// One spelling's analysis.
struct Word {
    /// [`fnv1a`] of the lower-cased word.
    hash: u64,
    /// Index of its term in `WordTable::stems`, `None` for a stop word.
    stem: Option<u32>,
}

#[derive(Debug, Default, Clone, Copy)]
struct DocumentTerm {
    document: u32,
    term: u32,
}

fn dense_id(len: usize) -> u32 {
    u32::try_from(len).expect("fewer than 2^32 distinct words: each takes bytes of memory")
}

/// Appends a hash of each lower-cased word of `text` (stop words included) to
/// `out`. Two texts that differ only in case, spacing or punctuation give the
/// same sequence, which is what duplicate detection compares.
pub fn word_hashes(text: &str, out: &mut Vec<u64>) {
    let mut lower = String::new();
    for word in words(text) {
        lowercase_into(word, &mut lower);
        out.push(fnv1a(lower.as_bytes()));
    }
}

/// Number of Unicode words in `text`, the unit of `--words` budgets.
pub fn word_count(text: &str) -> usize {
    words(text).count()
}

/// `word` lower-cased into `out`, which is cleared first; ASCII without
/// decoding characters.
pub(crate) fn lowercase_into(word: &str, out: &mut String) {
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

/// A hash map with rustc-hash's FxHasher, as rustc uses: std's SipHash took
/// a fifth of the time of a word lookup. Map order never reaches the output,
/// and the hash is the same on every run.
pub(crate) type FastMap<K, V> = rustc_hash::FxHashMap<K, V>;

/// A set with rustc-hash's FxHasher (see [`FastMap`]).
pub(crate) type FastSet<T> = rustc_hash::FxHashSet<T>;

/// rustc-hash's multiplier, from the digits of pi: the spelling table's own
/// hash (`spellings.rs`) folds with it.
const FAST_HASH_K: u64 = 0xf135_7aea_2e62_a9c5;

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use unicode_segmentation::UnicodeSegmentation;

    /// The plain path, one word at a time, that the tables must equal.
    fn plain_terms(tokenizer: &Tokenizer, text: &str) -> Vec<String> {
        let mut lower = String::new();
        let mut out = Vec::new();
        for word in text.unicode_words() {
            lowercase_into(word, &mut lower);
            if let Some(term) = tokenizer.term_of(&lower) {
                out.push(term.into_owned());
            }
        }
        out
    }

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

    proptest! {
        #[test]
        fn lexicon_equals_the_plain_path(
            texts in prop::collection::vec(words::tests::mixed_text(), 1..4),
            language in prop::sample::select(vec![Language::English, Language::German]),
        ) {
            // Several documents in turn, so later ones reuse the word table.
            let tokenizer = Tokenizer::new(language);
            for text in &texts {
                let mut lexicon = tokenizer.lexicon();
                let mut ids = Vec::new();
                lexicon.word_ids(text, &mut ids);
                let hashes: Vec<u64> = ids.iter().map(|&id| lexicon.hash(id)).collect();
                let stems: Vec<u32> = ids.iter().filter_map(|&id| lexicon.stem(id)).collect();
                let terms: Vec<u32> = stems.iter().map(|&stem| lexicon.term(stem)).collect();

                let mut want_hashes = Vec::new();
                word_hashes(text, &mut want_hashes);
                let mut vocabulary = Vocabulary::default();
                let want_terms: Vec<u32> = plain_terms(&tokenizer, text)
                    .iter()
                    .map(|term| vocabulary.id(term))
                    .collect();
                prop_assert_eq!(hashes, want_hashes);
                prop_assert_eq!(terms, want_terms);
                prop_assert_eq!(lexicon.term_count(), vocabulary.len());
                drop(lexicon);
                let mut fast = Vec::new();
                tokenizer.for_each_term(text, |term| fast.push(term.to_string()));
                prop_assert_eq!(fast, plain_terms(&tokenizer, text));
            }
        }
    }

    #[test]
    fn spellings_that_share_their_first_chunks_keep_apart() {
        // Same length and first 8 bytes, differing in the second chunk, the
        // third, or only past the 16 bytes a key keeps.
        let words = [
            "internationalisation",
            "internationalization",
            "counterproductively",
            "counterproductivelx",
            "abcdefghijklmnopqrstuvwxyz0123456789",
            "abcdefghijklmnopqrstuvwxyz0123456788",
            "abcdefghijklmnopqrstuvwxyz012345678",
            "abcdefgh",
            "abcdefghi",
        ];
        let text = words.join(" ");
        let tokenizer = Tokenizer::new(Language::English);
        let mut lexicon = tokenizer.lexicon();
        let (mut first, mut again) = (Vec::new(), Vec::new());
        lexicon.word_ids(&text, &mut first);
        lexicon.word_ids(&text, &mut again);
        assert_eq!(first, (0..words.len() as u32).collect::<Vec<_>>());
        assert_eq!(again, first);
    }

    #[test]
    fn thousands_of_spellings_keep_their_ids() {
        let text: String = (0..5000).map(|i| format!("Word{i} w{} ", i % 7)).collect();
        let tokenizer = Tokenizer::new(Language::English);
        let mut lexicon = tokenizer.lexicon();
        let (mut first, mut again) = (Vec::new(), Vec::new());
        lexicon.word_ids(&text, &mut first);
        lexicon.word_ids(&text, &mut again);
        assert_eq!(first, again);
        let hashes: Vec<u64> = first.iter().map(|&id| lexicon.hash(id)).collect();
        let mut want = Vec::new();
        word_hashes(&text, &mut want);
        assert_eq!(hashes, want);
        let mut distinct = first.clone();
        distinct.sort_unstable();
        distinct.dedup();
        assert_eq!(distinct.len(), 5007);
    }

    #[test]
    fn hashes_and_stems_are_those_of_the_word_ids() {
        let tokenizer = Tokenizer::new(Language::English);
        let mut lexicon = tokenizer.lexicon();
        let text = "The talks resumed; the TALKS resume, and “talks” went on: 3.5% of it.";
        let mut ids = Vec::new();
        lexicon.word_ids(text, &mut ids);
        let (mut hashes, mut stems) = (Vec::new(), Vec::new());
        let count = lexicon.hashes_and_stems(text, &mut hashes, &mut stems);
        assert_eq!(count, ids.len());
        let want: Vec<u64> = ids.iter().map(|&id| lexicon.hash(id)).collect();
        assert_eq!(hashes, want);
        let want: Vec<u32> = ids.iter().filter_map(|&id| lexicon.stem(id)).collect();
        assert_eq!(stems, want);
        assert!(stems.len() < count, "stop words have no stem");
    }

    #[test]
    fn the_same_terms_come_out_of_a_warm_table() {
        let tokenizer = Tokenizer::new(Language::English);
        let mut first = Vec::new();
        for _ in 0..2 {
            let mut lexicon = tokenizer.lexicon();
            let mut ids = Vec::new();
            lexicon.word_ids("Talks resume; the talks RESUMED.", &mut ids);
            let stems: Vec<Option<u32>> = ids.iter().map(|&id| lexicon.stem(id)).collect();
            let terms: Vec<Option<u32>> = stems
                .iter()
                .map(|stem| stem.map(|stem| lexicon.term(stem)))
                .collect();
            assert_eq!(terms, [Some(0), Some(1), None, Some(0), Some(1)]);
            first.push(ids);
        }
        assert_eq!(first[0], first[1], "a warm table knows the spellings");
    }
}
