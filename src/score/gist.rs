//! The gist of a sentence: who, what number, what action, in terms that
//! survive rewording, so that two sentences reporting one event in other
//! words ("Zelensky announces talks" and "President Volodymyr Zelensky
//! announced a new round of talks") count as saying the same, which TF-IDF
//! cosine misses when they share few words.

use crate::text::tokenize::Lexicon;

use super::news::words;

/// What the sentences of one text are about, worked out as the selection
/// asks, in the document's term ids (as the [`Lexicon`] handed them out):
/// the words are looked up, not analyzed again. Two sentences say the same
/// when they share the main verb and [`SHARED_WITH_VERB`] names or numbers
/// (the same actors doing the same thing), or hold [`SHARED_TITLE_TERMS`]
/// of the title's terms each (both restate the headline). A sentence's
/// verb, found in its first words, is read first; its names and numbers,
/// which take the whole sentence, only when two verbs agree.
#[derive(Debug, Default)]
pub struct Gists {
    /// Each sentence's verb, once read: the term of the first lower-case
    /// content word after its first name ("Zelensky *announced*",
    /// "Kilmarnock will *confirm*").
    verbs: Vec<Option<Option<u32>>>,
    /// Each sentence's names (capitalized words) and numbers, once read:
    /// their terms, sorted, each once. Boxed, so that a text of many
    /// sentences pays a pointer for each.
    anchors: Vec<Option<Box<[u32]>>>,
}

/// Two sentences that share the verb and this many names or numbers tell
/// one event.
pub const SHARED_WITH_VERB: usize = 2;
/// Two sentences that hold this many of the title's terms each restate the
/// headline.
pub const SHARED_TITLE_TERMS: usize = 3;
/// The fewest terms two sentences that say the same share: the smaller of
/// the two ways of saying it.
pub const MIN_SHARED_TERMS: usize = if SHARED_WITH_VERB < SHARED_TITLE_TERMS {
    SHARED_WITH_VERB
} else {
    SHARED_TITLE_TERMS
};

impl Gists {
    /// Whether no room was made yet.
    pub fn is_empty(&self) -> bool {
        self.verbs.is_empty()
    }

    /// Room for `count` sentences, none read yet.
    pub fn new(count: usize) -> Self {
        Gists {
            verbs: vec![None; count],
            anchors: vec![None; count],
        }
    }

    /// Whether sentences `a` and `b` (their texts, datelines cut off, given
    /// by `text`) report the same event; `title_shared` is how many of the
    /// title's terms both hold.
    pub fn say_the_same<'t>(
        &mut self,
        a: usize,
        b: usize,
        text: impl Fn(usize) -> &'t str,
        lexicon: &mut Lexicon<'_>,
        title_shared: usize,
    ) -> bool {
        if title_shared >= SHARED_TITLE_TERMS {
            return true;
        }
        let mut verb = |c: usize| *self.verbs[c].get_or_insert_with(|| verb(text(c), lexicon));
        let verb_a = verb(a);
        if verb_a.is_none() || verb_a != verb(b) {
            return false;
        }
        for c in [a, b] {
            if self.anchors[c].is_none() {
                self.anchors[c] = Some(anchors(text(c), lexicon).into_boxed_slice());
            }
        }
        let (Some(x), Some(y)) = (&self.anchors[a], &self.anchors[b]) else {
            return false;
        };
        x.iter().filter(|t| y.binary_search(t).is_ok()).count() >= SHARED_WITH_VERB
    }
}

/// Whether `word` is a name (capitalized) and whether it is a number:
/// "412", "6,200", "31.4%", not "78-year-old", nor a run of text without
/// spaces that holds a digit (Chinese, Japanese).
fn name_or_number(word: &str) -> (bool, bool) {
    let capitalized = word.chars().next().is_some_and(char::is_uppercase);
    let number = word.bytes().any(|b| b.is_ascii_digit())
        && word
            .bytes()
            .all(|b| b.is_ascii_digit() || matches!(b, b'.' | b',' | b'%'));
    (capitalized, number)
}

/// The term of the main verb of `sentence`: the first lower-case content
/// word after its first name. "In a move, Zelensky ...": a capitalized
/// stop word is no name, and has no term.
fn verb(sentence: &str, lexicon: &mut Lexicon<'_>) -> Option<u32> {
    let mut seen_name = false;
    for word in words(sentence) {
        let (capitalized, number) = name_or_number(word);
        if capitalized {
            if !seen_name {
                lexicon.for_each_document_term(word, |term| seen_name |= term.is_some());
            }
        } else if seen_name && !number && word.chars().all(char::is_alphabetic) {
            // A stop word has no term, and the search goes on.
            let mut verb = None;
            lexicon.for_each_document_term(word, |term| verb = verb.or(term));
            if verb.is_some() {
                return verb;
            }
        }
    }
    None
}

/// The terms of the names and numbers of `sentence`, sorted, each once.
fn anchors(sentence: &str, lexicon: &mut Lexicon<'_>) -> Vec<u32> {
    let mut anchors = Vec::new();
    for word in words(sentence) {
        let (capitalized, number) = name_or_number(word);
        if capitalized || number {
            lexicon.for_each_document_term(word, |term| anchors.extend(term));
        }
    }
    anchors.sort_unstable();
    anchors.dedup();
    anchors
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::language::Language;
    use crate::text::tokenize::Tokenizer;

    #[test]
    fn rewordings_of_one_event_say_the_same() {
        let tokenizer = Tokenizer::new(Language::English);
        let title = "Harbour Ferry Service to Resume in Tollan";
        let lead = "Mayor Ines Calloway announced on Monday that the ferry service to Tollan \
                    would resume on 3 June after a two-year closure.";
        let cases = [
            // Same actor, same verb, other words.
            (
                "Mayor Ines Calloway announces the return of the Tollan crossing.",
                true,
            ),
            // The title's words and the place, no verb in common.
            (
                "After two years, the Tollan ferry service is to resume this summer.",
                true,
            ),
            // Another fact about the same story.
            (
                "The operator, Bayline, lost 4 million pounds on the route in 2023.",
                false,
            ),
            // The same actor doing something else.
            (
                "Calloway was elected in 2022 on a promise to cut bus fares.",
                false,
            ),
        ];
        // The document's term ids, as the pipeline hands them out: the
        // title's, the lead's and the cases'.
        let mut lexicon = tokenizer.lexicon();
        let terms_of = |lexicon: &mut Lexicon<'_>, text: &str| {
            let (mut hashes, mut stems) = (Vec::new(), Vec::new());
            lexicon.hashes_and_stems(text, &mut hashes, &mut stems);
            let mut terms: Vec<u32> = stems.into_iter().map(|s| lexicon.term(s)).collect();
            terms.sort_unstable();
            terms.dedup();
            terms
        };
        let title_terms = terms_of(&mut lexicon, title);
        let mut sentences = vec![lead];
        sentences.extend(cases.iter().map(|(sentence, _)| *sentence));
        let held: Vec<Vec<u32>> = sentences
            .iter()
            .map(|sentence| {
                terms_of(&mut lexicon, sentence)
                    .into_iter()
                    .filter(|t| title_terms.binary_search(t).is_ok())
                    .collect()
            })
            .collect();
        let mut gists = Gists::new(sentences.len());
        for (c, (sentence, want)) in cases.iter().enumerate() {
            let c = c + 1;
            let title_shared = held[0].iter().filter(|t| held[c].contains(t)).count();
            for (a, b) in [(0, c), (c, 0)] {
                let got = gists.say_the_same(a, b, |i| sentences[i], &mut lexicon, title_shared);
                assert_eq!(got, *want, "{sentence}");
            }
        }
    }
}
