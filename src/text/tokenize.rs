//! Tokenization: a unit's text -> Unicode words -> lower case -> terms
//! (stop words dropped, stems kept) and word hashes for duplicate detection.
//!
//! [`words`] finds the words of UAX #29, as unicode-segmentation's
//! `unicode_words` does, with a byte-by-byte path for ASCII stretches. A
//! [`Lexicon`] analyzes each distinct spelling once (lower case, stop word,
//! stem) and keeps what it learned for the next text the same tokenizer
//! reads, so most words cost one hash-map lookup.

use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};
use std::ops::Range;
use std::sync::{Mutex, PoisonError};

use rust_stemmers::Stemmer;
use unicode_segmentation::{UnicodeSegmentation, UnicodeWordIndices};

use super::scan::{find_byte, is_ascii_space, swar};
use crate::language::Language;

/// Turns text into terms for one language. Holds the stemmer and the
/// stop-word set, which are built once and reused for every text. A
/// language without a stemmer keeps its words whole.
pub struct Tokenizer {
    stemmer: Option<Stemmer>,
    /// With [`FastHasher`]: SipHash was ~170 instructions of each new
    /// spelling's analysis.
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

/// Spelling -> word id: the per-word lookup of every text, so it is built
/// for speed. Spellings are stored as zero-padded 8-byte chunks, one after
/// another, and compared chunk by chunk, without an allocation per spelling
/// or a call to `memcmp` (a `HashMap<Box<str>, u32>` spent about 40% of a
/// lookup there, in a profile of `corpus/`). Open addressing with linear
/// probing, at most half full.
///
/// A slot holds the spelling's first chunk and length beside its word id,
/// so that a spelling of up to 8 bytes (nine words in ten of news text)
/// is found from the slot alone, without reading `starts` and `chunks` at
/// two other places in memory.
#[derive(Default)]
struct Spellings {
    /// A power of two of slots.
    slots: Vec<Slot>,
    /// Where each word id's chunks start in `chunks`.
    starts: Vec<u32>,
    chunks: Vec<u64>,
}

/// One place of [`Spellings::slots`].
#[derive(Default, Clone, Copy)]
struct Slot {
    /// The spelling's first chunk.
    head: u64,
    /// The spelling's length in bytes.
    len: u32,
    /// The word id + 1, 0 when the slot is empty.
    id: u32,
}

/// A spelling's hash, from the chunks it is compared by, and the first
/// [`HEAD_CHUNKS`] of those chunks: made once per lookup, so that comparing
/// a spelling of up to 16 bytes with a stored one does not split it into
/// chunks again (a longer one is, from its first chunk).
#[derive(Clone, Copy)]
struct SpellingKey {
    hash: u64,
    head: [u64; HEAD_CHUNKS],
}

/// The chunks a key keeps: spellings of up to 16 bytes, nearly every word,
/// are compared from the key alone. Two rather than more keep the key small
/// enough to stay in registers.
const HEAD_CHUNKS: usize = 2;

impl SpellingKey {
    #[inline(always)]
    fn of(bytes: &[u8]) -> Self {
        let mut head = [0; HEAD_CHUNKS];
        // Words of up to 16 bytes, nearly all, with straight-line loads
        // rather than the `chunks` iterator: a third fewer instructions per
        // lookup.
        let hash = match bytes.len() {
            1..=8 => {
                head[0] = chunk(bytes);
                spelling_hash(bytes.len(), [head[0]])
            }
            9..=16 => {
                let (first, rest) = bytes.split_at(8);
                head[0] = chunk(first);
                head[1] = chunk(rest);
                spelling_hash(bytes.len(), [head[0], head[1]])
            }
            _ => {
                // Rare: "counter-terrorism", URLs.
                for (slot, chunk) in head.iter_mut().zip(chunks(bytes)) {
                    *slot = chunk;
                }
                spelling_hash(bytes.len(), chunks(bytes))
            }
        };
        SpellingKey { hash, head }
    }
}

/// The hash of a spelling of `len` bytes from its chunks: one folded
/// multiply per chunk, so that the low bits a table indexes by depend on
/// every bit of the chunk. Only where a spelling sits in the table depends
/// on it, never which id it gets.
fn spelling_hash(len: usize, chunks: impl IntoIterator<Item = u64>) -> u64 {
    chunks.into_iter().fold(len as u64, |hash, chunk| {
        let product = u128::from(hash ^ chunk) * u128::from(FAST_HASH_K);
        (product as u64) ^ ((product >> 64) as u64)
    })
}

/// `bytes` as little-endian 8-byte chunks, the last one padded with zeros.
fn chunks(bytes: &[u8]) -> impl Iterator<Item = u64> + '_ {
    bytes.chunks(8).map(chunk)
}

/// Up to 8 bytes as a little-endian `u64` padded with zeros.
fn chunk(bytes: &[u8]) -> u64 {
    match bytes.len() {
        8.. => u64::from_le_bytes(bytes[..8].try_into().expect("8 bytes")),
        // Two reads that overlap in the middle, or-ed: no loop over bytes.
        4..=7 => {
            let low = u32::from_le_bytes(bytes[..4].try_into().expect("4 bytes"));
            let high = u32::from_le_bytes(bytes[bytes.len() - 4..].try_into().expect("4 bytes"));
            u64::from(low) | u64::from(high) << (8 * (bytes.len() - 4))
        }
        2 | 3 => {
            let low = u16::from_le_bytes(bytes[..2].try_into().expect("2 bytes"));
            let high = u16::from_le_bytes(bytes[bytes.len() - 2..].try_into().expect("2 bytes"));
            u64::from(low) | u64::from(high) << (8 * (bytes.len() - 2))
        }
        1 => u64::from(bytes[0]),
        _ => 0,
    }
}

impl Spellings {
    /// The slot of a spelling, where it is or the empty one it would take:
    /// its place and what it holds. The table must have slots.
    #[inline]
    fn probe(&self, key: &SpellingKey, bytes: &[u8]) -> (usize, Slot) {
        let mask = self.slots.len() - 1;
        let mut at = key.hash as usize & mask;
        loop {
            let slot = self.slots[at];
            if slot.id == 0
                || (slot.head == key.head[0]
                    && slot.len as usize == bytes.len()
                    && (bytes.len() <= 8 || self.tail_is(slot.id - 1, key, bytes)))
            {
                return (at, slot);
            }
            at = (at + 1) & mask;
        }
    }

    /// Whether the chunks of word `id` are those of `bytes`, a spelling of
    /// the same length whose first chunk is known to match: up to 16 bytes
    /// the second is compared from the key, past that all are, again.
    #[inline(never)]
    fn tail_is(&self, id: u32, key: &SpellingKey, bytes: &[u8]) -> bool {
        let stored = &self.chunks[self.starts[id as usize] as usize..];
        let n = bytes.len().div_ceil(8);
        if n <= HEAD_CHUNKS {
            (1..n).all(|i| stored[i] == key.head[i])
        } else {
            chunks(bytes).zip(stored).all(|(a, &b)| a == b)
        }
    }

    #[inline]
    fn get(&self, key: &SpellingKey, bytes: &[u8]) -> Option<u32> {
        if self.slots.is_empty() {
            return None;
        }
        self.probe(key, bytes).1.id.checked_sub(1)
    }

    /// Adds a spelling that is not in the table as word `id`, the next one.
    fn insert(&mut self, key: &SpellingKey, bytes: &[u8], id: u32) {
        if (self.starts.len() + 1) * 2 > self.slots.len() {
            self.grow();
        }
        let (at, _) = self.probe(key, bytes);
        self.slots[at] = Slot {
            head: key.head[0],
            len: dense_id(bytes.len()),
            id: id + 1,
        };
        self.starts.push(dense_id(self.chunks.len()));
        self.chunks.extend(chunks(bytes));
    }

    fn grow(&mut self) {
        let size = (self.slots.len() * 2).max(1024);
        let old = std::mem::replace(&mut self.slots, vec![Slot::default(); size]);
        for slot in old.into_iter().filter(|slot| slot.id != 0) {
            let start = self.starts[slot.id as usize - 1] as usize;
            let len = slot.len as usize;
            let chunks = &self.chunks[start..][..len.div_ceil(8)];
            let mut at = spelling_hash(len, chunks.iter().copied()) as usize & (size - 1);
            while self.slots[at].id != 0 {
                at = (at + 1) & (size - 1);
            }
            self.slots[at] = slot;
        }
    }
}

fn dense_id(len: usize) -> u32 {
    u32::try_from(len).expect("fewer than 2^32 distinct words: each takes bytes of memory")
}

/// The words of `text`: its UAX #29 word segments that hold a letter or a
/// digit, exactly those of unicode-segmentation's `unicode_words`.
///
/// ASCII stretches (which may also hold the typographic characters of
/// `is_typographic`: curly quotes, dashes, ...) are scanned byte by byte,
/// with the rules UAX #29 gives for them (the ones unicode-segmentation's
/// own ASCII path applies to all-ASCII strings); stretches with other
/// characters are handed to `unicode_words`. A stretch ends where ASCII white space meets an ASCII
/// character that is not: no UAX #29 rule joins across such a point or
/// looks past it, so the words on each side do not depend on the other side.
/// News text is mostly ASCII, and the byte path is about 5x faster.
pub fn words(text: &str) -> Words<'_> {
    Words {
        text,
        pos: 0,
        ascii_end: 0,
        unicode: None,
    }
}

/// Iterator over the words of a text, see [`words`].
#[derive(Debug)]
pub struct Words<'t> {
    text: &'t str,
    /// Where scanning goes on.
    pos: usize,
    /// End of the byte-scanned stretch (ASCII and typographic characters)
    /// being scanned from `pos`.
    ascii_end: usize,
    /// Words of a stretch with non-ASCII characters, which ends at `pos`,
    /// and where the stretch starts.
    unicode: Option<(usize, UnicodeWordIndices<'t>)>,
}

impl<'t> Iterator for Words<'t> {
    type Item = &'t str;

    fn next(&mut self) -> Option<&'t str> {
        self.next_span().map(|span| &self.text[span])
    }

    /// All the words in one loop, for `for_each` and `count`: the scan's
    /// state stays in registers rather than going through `self` and a call
    /// for each word.
    fn fold<B, F>(self, init: B, mut f: F) -> B
    where
        F: FnMut(B, &'t str) -> B,
    {
        let text = self.text;
        self.fold_spans(init, |acc, span| f(acc, &text[span]))
    }
}

impl<'t> Words<'t> {
    /// [`fold`](Iterator::fold) with the byte range of each word in the text
    /// rather than the word. A caller that reads the bytes only (as
    /// [`Lexicon`] does for a spelling it knows) is spared slicing the
    /// `str`, whose checks that both ends fall on character boundaries were
    /// ~10 instructions a word.
    #[inline]
    fn fold_spans<B>(mut self, init: B, mut f: impl FnMut(B, Range<usize>) -> B) -> B {
        let mut acc = init;
        while let Some(span) = self.next_span() {
            acc = f(acc, span);
        }
        acc
    }

    /// The byte range of the next word.
    #[inline(always)]
    fn next_span(&mut self) -> Option<Range<usize>> {
        loop {
            if let Some((stretch, unicode)) = &mut self.unicode {
                if let Some((at, word)) = unicode.next() {
                    return Some(*stretch + at..*stretch + at + word.len());
                }
                self.unicode = None;
            }
            if let Some(span) = self.next_ascii() {
                return Some(span);
            }
            if self.pos >= self.text.len() {
                return None;
            }
            self.plan_stretch();
        }
    }

    /// The byte range of the next word of the ASCII stretch `pos..ascii_end`.
    #[inline(always)]
    fn next_ascii(&mut self) -> Option<Range<usize>> {
        let bytes = &self.text.as_bytes()[..self.ascii_end];
        let mut i = self.pos;
        loop {
            // The first byte comes with its place: most words start with a
            // letter or digit, and are known to be words from it without
            // reading it again.
            let Some((skip, &first)) = bytes[i..].iter().enumerate().find(|(_, &b)| is_core(b))
            else {
                self.pos = bytes.len();
                return None;
            };
            let start = i + skip;
            i = word_end(bytes, start);
            // A word of `_` alone is no word. Only letters and digits join
            // (see [`is_infix`]), so the other bytes need no look.
            if is_alphanumeric(first) || bytes[start..i].iter().any(|&b| is_alphanumeric(b)) {
                // The byte that ended the word is no word byte: the next
                // word is looked for after it (1.1M Ir over 300 articles).
                self.pos = (i + 1).min(bytes.len());
                return Some(start..i);
            }
        }
    }

    /// Sets up the stretch that starts at `pos`: byte-scanned up to the last
    /// safe point before the next character the byte scanner does not know
    /// (see [`Words::next_hard_char`]), or, when that is `pos` itself, a
    /// stretch for `unicode_words` up to the next safe point after it.
    fn plan_stretch(&mut self) {
        let bytes = self.text.as_bytes();
        let pos = self.pos;
        let Some(non_ascii) = self.next_hard_char(pos) else {
            self.ascii_end = bytes.len();
            return;
        };
        // Safe points: after white space, before an ASCII character that is
        // not (the start of the chunk holding the non-ASCII character), or
        // failing that, after an ASCII character that is not white space,
        // before white space (the start of the white space before it).
        let chunk = bytes[pos..non_ascii]
            .iter()
            .rposition(|&b| is_ascii_space(b))
            .map_or(pos, |i| pos + i + 1);
        let split = if chunk < non_ascii {
            chunk
        } else {
            bytes[pos..non_ascii]
                .iter()
                .rposition(|&b| !is_ascii_space(b))
                .map_or(pos, |i| pos + i + 1)
        };
        if split > pos {
            self.ascii_end = split;
            return;
        }
        let mut end = non_ascii;
        loop {
            // Skip the chunk, then the white space after it.
            end += bytes[end..]
                .iter()
                .position(|&b| is_ascii_space(b))
                .unwrap_or(bytes.len() - end);
            end += bytes[end..]
                .iter()
                .position(|&b| !is_ascii_space(b))
                .unwrap_or(bytes.len() - end);
            if end == bytes.len() || bytes[end].is_ascii() {
                break;
            }
        }
        self.unicode = Some((pos, self.text[pos..end].unicode_word_indices()));
        self.pos = end;
        self.ascii_end = end;
    }
}

impl Words<'_> {
    /// The first character at or after `from` that the byte scanner does not
    /// know: not ASCII, nor one of the [`is_typographic`] ones.
    fn next_hard_char(&self, from: usize) -> Option<usize> {
        let bytes = self.text.as_bytes();
        let mut at = from;
        loop {
            // Eight bytes at a time: this scan runs over every byte of
            // every text that is all ASCII (as a byte loop, 5.5M of the
            // scanner's 43M instructions over 300 articles).
            at = find_byte(bytes, at, swar::non_ascii, |b| !b.is_ascii())?;
            match self.text.get(at..).and_then(|rest| rest.chars().next()) {
                Some(c) if is_typographic(c) => at += c.len_utf8(),
                _ => return Some(at),
            }
        }
    }
}

/// Punctuation of news text that the byte scanner handles itself, so that a
/// curly quote or a dash does not send its stretch of text to
/// `unicode_words`. In UAX #29 the quotation marks, dashes, ellipsis,
/// currency signs, degree sign and no-break space are Other: they end a
/// word and belong to none. The single curly quotes are MidNumLet, like the
/// full stop: they join two letters or two digits ("don’t").
fn is_typographic(c: char) -> bool {
    matches!(
        c,
        '“' | '”' | '‘' | '’' | '—' | '–' | '…' | '£' | '€' | '°' | '\u{a0}'
    )
}

/// Where the word that starts at `start` (a [`CORE`] byte) ends: runs of
/// `CORE` bytes, joined by the characters of [`joiner_width`]. The runs are
/// scanned on their own, as most words are one run.
#[inline(always)]
fn word_end(bytes: &[u8], start: usize) -> usize {
    let mut i = start;
    loop {
        i += core_run(&bytes[i..]);
        if i == bytes.len() {
            return i;
        }
        match joiner_width(bytes, i) {
            0 => return i,
            width => i += width,
        }
    }
}

/// The length of the run of [`CORE`] bytes at the start of `bytes`.
/// Four bytes a step, which spares three of every four tests for the end
/// of the slice: 1.7M fewer instructions over 300 articles than a byte
/// loop. (Eight bytes at once with `swar`, as `find_byte` does, cost more
/// than they save on words of five or six letters.)
#[inline(always)]
fn core_run(bytes: &[u8]) -> usize {
    let mut run = 0;
    let mut quads = bytes.chunks_exact(4);
    for quad in &mut quads {
        for (k, &b) in quad.iter().enumerate() {
            if !is_core(b) {
                return run + k;
            }
        }
        run += 4;
    }
    run + quads
        .remainder()
        .iter()
        .position(|&b| !is_core(b))
        .unwrap_or(quads.remainder().len())
}

/// Whether `byte` is a [`CORE`] byte.
fn is_core(byte: u8) -> bool {
    CLASS[byte as usize] & CORE != 0
}

/// Whether `byte` is an [`ALPHANUMERIC`] byte.
fn is_alphanumeric(byte: u8) -> bool {
    CLASS[byte as usize] & ALPHANUMERIC != 0
}

/// The length in bytes of the character at `i` when it joins the word
/// characters on each side of it into one word ("3.14", "don't", "don’t"),
/// 0 when it ends the word.
fn joiner_width(bytes: &[u8], i: usize) -> usize {
    let b = bytes[i];
    let class = CLASS[b as usize];
    if class & (JOINS | CURLY_LEAD) == 0 {
        // Most words end so, at a space: one test rather than two.
        0
    } else if class & JOINS != 0 && i + 1 < bytes.len() && is_infix(b, bytes[i - 1], bytes[i + 1]) {
        1
    } else if b == 0xe2
        && is_curly_apostrophe(&bytes[i..])
        && i + 3 < bytes.len()
        && is_infix(b'.', bytes[i - 1], bytes[i + 3])
    {
        // A curly apostrophe joins as a full stop does.
        3
    } else {
        0
    }
}

/// Whether `bytes` starts with ‘ or ’ (E2 80 98 or E2 80 99).
fn is_curly_apostrophe(bytes: &[u8]) -> bool {
    matches!(bytes, [0xe2, 0x80, 0x98 | 0x99, ..])
}

/// What a byte is to the ASCII scanner, as bits: `CORE` for ASCII bytes
/// that make up words (ALetter, Numeric and ExtendNumLet, `_`),
/// `ALPHANUMERIC` for those but `_`, `JOINS` for those that can join two
/// of them (see [`is_infix`]), `CURLY_LEAD` for the first byte of the curly
/// apostrophes, which may join too. A table lookup is a third faster than
/// the comparisons.
const CLASS: [u8; 256] = {
    let mut class = [0; 256];
    let mut b = 0;
    while b < 128 {
        let c = b as u8;
        if c.is_ascii_alphanumeric() {
            class[b] = CORE | ALPHANUMERIC;
        } else if c == b'_' {
            class[b] = CORE;
        } else if matches!(c, b'.' | b',' | b';' | b'\'' | b':') {
            class[b] = JOINS;
        }
        b += 1;
    }
    class[0xe2] = CURLY_LEAD;
    class
};
const CORE: u8 = 1;
const ALPHANUMERIC: u8 = 2;
const JOINS: u8 = 4;
const CURLY_LEAD: u8 = 8;

/// Whether `b` joins `prev` and `next` into one word: "3.14", "1,000",
/// "e.g", "don't", "http:" (WB6, WB7, WB11, WB12).
fn is_infix(b: u8, prev: u8, next: u8) -> bool {
    match b {
        b'.' | b',' | b';' | b'\'' if prev.is_ascii_digit() && next.is_ascii_digit() => true,
        b'\'' | b'.' | b':' if prev.is_ascii_alphabetic() && next.is_ascii_alphabetic() => true,
        _ => false,
    }
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

/// A hash map with [`FastHasher`].
pub(crate) type FastMap<K, V> = HashMap<K, V, BuildHasherDefault<FastHasher>>;

/// A set with [`FastHasher`].
pub(crate) type FastSet<T> = HashSet<T, BuildHasherDefault<FastHasher>>;

/// The hasher of lede's internal maps (words, duplicate detection): FxHash's
/// rotate-xor-multiply over 8 bytes at a time, as rustc uses, finished with a
/// folded multiply so the low bits a hash table indexes by depend on every
/// input bit. std's SipHash took a fifth of the time of a word lookup. Map
/// order never reaches the output, and the hash is the same on every run.
#[derive(Debug, Default, Clone, Copy)]
pub(crate) struct FastHasher(u64);

/// rustc-hash's multiplier, from the digits of pi.
const FAST_HASH_K: u64 = 0xf135_7aea_2e62_a9c5;

impl FastHasher {
    fn add(&mut self, word: u64) {
        self.0 = (self.0.rotate_left(5) ^ word).wrapping_mul(FAST_HASH_K);
    }
}

impl Hasher for FastHasher {
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for chunk in &mut chunks {
            let mut word = [0; 8];
            word.copy_from_slice(chunk);
            self.add(u64::from_le_bytes(word));
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            let mut word = [0; 8];
            word[..rest.len()].copy_from_slice(rest);
            self.add(u64::from_le_bytes(word));
        }
    }

    fn write_u8(&mut self, i: u8) {
        self.add(u64::from(i));
    }

    fn write_u32(&mut self, i: u32) {
        self.add(u64::from(i));
    }

    fn write_u64(&mut self, i: u64) {
        self.add(i);
    }

    fn write_usize(&mut self, i: usize) {
        self.add(i as u64);
    }

    fn finish(&self) -> u64 {
        let product = u128::from(self.0) * u128::from(FAST_HASH_K);
        (product as u64) ^ ((product >> 64) as u64)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

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

    #[test]
    fn words_are_those_of_uax29() {
        let cases: &[(&str, &[&str])] = &[
            ("", &[]),
            (
                "U.S. talks, e.g. 3.14 or 1,000.",
                &["U.S", "talks", "e.g", "3.14", "or", "1,000"],
            ),
            (
                "don't __init__ _ a_b http://x",
                &["don't", "__init__", "a_b", "http", "x"],
            ),
            (
                "Russia’s £5bn café — naïve",
                &["Russia’s", "5bn", "café", "naïve"],
            ),
            (
                "tab\there\r\nnext\x0bline",
                &["tab", "here", "next", "line"],
            ),
            ("会议今天开始", &["会", "议", "今", "天", "开", "始"]),
            ("a \u{301}b \u{93e}", &["a", "b", " \u{93e}"]),
        ];
        for (text, want) in cases {
            let got: Vec<&str> = words(text).collect();
            assert_eq!(got, *want, "input: {text:?}");
            let plain: Vec<&str> = text.unicode_words().collect();
            assert_eq!(got, plain, "input: {text:?}");
        }
    }

    /// Text from ASCII letters, digits, the punctuation UAX #29 treats
    /// specially, white space of every kind, and non-ASCII characters of
    /// each word-break class that could join across a stretch boundary.
    fn mixed_text() -> impl Strategy<Value = String> {
        let pieces = prop::sample::select(vec![
            "a", "Z", "q", "7", "0", ".", ",", ";", ":", "'", "\"", "_", "-", "(", " ", "  ", "\t",
            "\n", "\r", "\r\n", "\x0b", "\x0c", "é", "’", "‘", "—", "£", "\u{301}", "\u{93e}",
            "\u{200d}", "\u{200b}", "\u{feff}", "\u{3000}", "\u{2003}", "\u{a0}", "中", "カ", "ש",
            "٣", "🇫", "👍", "Word", "don't", "3.5", "e.g.", "“", "”", "–", "…", "€", "°", "don’t",
            "3’5", "a‘b", "__", "x_", "_9", "it’s", "a_b.c",
        ]);
        prop::collection::vec(pieces, 0..40).prop_map(|pieces| pieces.concat())
    }

    proptest! {
        /// What `for_each_document_term`'s shortcut takes for granted.
        #[test]
        fn an_ascii_alphanumeric_run_is_one_word(run in "[A-Za-z0-9]{1,40}") {
            let plain: Vec<&str> = run.unicode_words().collect();
            prop_assert_eq!(plain, vec![run.as_str()]);
        }

        #[test]
        fn fast_words_equal_unicode_words(text in mixed_text()) {
            let fast: Vec<&str> = words(&text).collect();
            let plain: Vec<&str> = text.unicode_words().collect();
            // `for_each` and `count` go through `Words::fold`, not `next`.
            let mut folded = Vec::new();
            words(&text).for_each(|word| folded.push(word));
            prop_assert_eq!(words(&text).count(), plain.len());
            prop_assert_eq!(&fast, &plain);
            prop_assert_eq!(folded, plain);
        }

        #[test]
        fn lexicon_equals_the_plain_path(
            texts in prop::collection::vec(mixed_text(), 1..4),
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
    fn corpus_words_equal_unicode_words() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus");
        for entry in std::fs::read_dir(&dir).expect("corpus/ is readable") {
            let path = entry.expect("corpus entry").path();
            if path.extension().is_none_or(|e| e != "txt") {
                continue;
            }
            let text = std::fs::read_to_string(&path).expect("corpus file is UTF-8");
            let fast: Vec<&str> = words(&text).collect();
            let plain: Vec<&str> = text.unicode_words().collect();
            assert_eq!(fast, plain, "{}", path.display());
            let mut folded = Vec::new();
            words(&text).for_each(|word| folded.push(word));
            assert_eq!(folded, plain, "{}", path.display());
        }
    }

    #[test]
    fn chunks_are_little_endian_and_zero_padded() {
        let text = b"abcdefghijklmnopq";
        for len in 0..=text.len() {
            let bytes = &text[..len];
            let want: Vec<u64> = bytes
                .chunks(8)
                .map(|c| c.iter().rev().fold(0, |word, &b| word << 8 | u64::from(b)))
                .collect();
            assert_eq!(chunks(bytes).collect::<Vec<_>>(), want, "length {len}");
        }
    }

    #[test]
    fn spelling_keys_hash_the_chunks_a_grown_table_rehashes() {
        let text = b"abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
        for len in 0..=text.len() {
            let bytes = &text[..len];
            let key = SpellingKey::of(bytes);
            let all: Vec<u64> = chunks(bytes).collect();
            assert_eq!(
                key.hash,
                spelling_hash(len, all.iter().copied()),
                "length {len}"
            );
            let head: Vec<u64> = all
                .iter()
                .copied()
                .chain([0; HEAD_CHUNKS])
                .take(HEAD_CHUNKS)
                .collect();
            assert_eq!(key.head[..], head[..], "length {len}");
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
