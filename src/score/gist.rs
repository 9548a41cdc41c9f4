//! The gist of a sentence: who, what number, what action, in terms that
//! survive rewording, so that two sentences reporting one event in other
//! words ("Zelensky announces talks" and "President Volodymyr Zelensky
//! announced a new round of talks") count as saying the same, which TF-IDF
//! cosine misses when they share few words.

use crate::text::tokenize::Lexicon;

use super::news::words;

/// What a sentence is about, in the document's term ids (as the
/// [`Lexicon`] handed them out): the words are looked up, not analyzed
/// again.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Gist {
    /// The terms of its names (capitalized words) and its numbers, sorted,
    /// each once.
    anchors: Vec<u32>,
    /// The title's terms it holds, sorted, each once.
    title: Vec<u32>,
    /// The term of its main verb, taken to be the first lower-case content
    /// word after its first name ("Zelensky *announced*", "Kilmarnock
    /// will *confirm*").
    verb: Option<u32>,
}

/// Two gists that share the verb and this many names or numbers tell one
/// event.
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

impl Gist {
    /// The gist of `sentence` (its dateline cut off), whose words `lexicon`
    /// has given term ids; `title` holds the title's terms the sentence
    /// holds (sorted, each once; empty when the article has no title).
    pub fn of(sentence: &str, lexicon: &mut Lexicon<'_>, title: Vec<u32>) -> Gist {
        let mut anchors = Vec::new();
        let mut verb = None;
        let mut seen_name = false;
        for word in words(sentence) {
            let capitalized = word.chars().next().is_some_and(char::is_uppercase);
            // "412", "6,200", "31.4%": not "78-year-old", nor a run of
            // text without spaces that holds a digit (Chinese, Japanese).
            let number = word.bytes().any(|b| b.is_ascii_digit())
                && word
                    .bytes()
                    .all(|b| b.is_ascii_digit() || matches!(b, b'.' | b',' | b'%'));
            if capitalized || number {
                // "In a move, Zelensky ...": a capitalized stop word is no
                // name, and has no term.
                lexicon.for_each_document_term(word, |term| {
                    if let Some(term) = term {
                        anchors.push(term);
                        seen_name |= capitalized;
                    }
                });
            } else if seen_name && verb.is_none() && word.chars().all(char::is_alphabetic) {
                // A stop word has no term, and the search goes on.
                lexicon.for_each_document_term(word, |term| verb = verb.or(term));
            }
        }
        anchors.sort_unstable();
        anchors.dedup();
        Gist {
            anchors,
            title,
            verb,
        }
    }

    /// Whether the two sentences report the same event: the same main verb
    /// and [`SHARED_WITH_VERB`] names or numbers (the same actors doing the
    /// same thing), or [`SHARED_TITLE_TERMS`] of the title's terms (both
    /// restate the headline).
    pub fn says_the_same(&self, other: &Gist) -> bool {
        let shared = |a: &[u32], b: &[u32]| a.iter().filter(|x| b.binary_search(x).is_ok()).count();
        let same_verb = self.verb.is_some() && self.verb == other.verb;
        (same_verb && shared(&self.anchors, &other.anchors) >= SHARED_WITH_VERB)
            || shared(&self.title, &other.title) >= SHARED_TITLE_TERMS
    }
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
        let gist = |lexicon: &mut Lexicon<'_>, sentence: &str| {
            let held = terms_of(lexicon, sentence)
                .into_iter()
                .filter(|t| title_terms.binary_search(t).is_ok())
                .collect();
            Gist::of(sentence, lexicon, held)
        };
        let lead = gist(&mut lexicon, lead);
        for (sentence, want) in cases {
            let other = gist(&mut lexicon, sentence);
            assert_eq!(lead.says_the_same(&other), want, "{sentence}");
            assert_eq!(other.says_the_same(&lead), want, "{sentence}");
        }
    }
}
