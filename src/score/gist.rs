//! The gist of a sentence: who, what number, what action, in terms that
//! survive rewording, so that two sentences reporting one event in other
//! words ("Zelensky announces talks" and "President Volodymyr Zelensky
//! announced a new round of talks") count as saying the same, which TF-IDF
//! cosine misses when they share few words.

use crate::text::tokenize::{fnv1a, FastSet, Tokenizer};

use super::news::words;

/// What a sentence is about.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Gist {
    /// The stems of its names (capitalized words) and its numbers, hashed,
    /// sorted, each once.
    anchors: Vec<u64>,
    /// The title's terms it holds, hashed, sorted, each once.
    title: Vec<u64>,
    /// The stem of its main verb, taken to be the first lower-case content
    /// word after its first name ("Zelensky *announced*", "Kilmarnock
    /// will *confirm*"), hashed.
    verb: Option<u64>,
}

/// Two gists that share the verb and this many names or numbers tell one
/// event.
pub const SHARED_WITH_VERB: usize = 2;
/// Two sentences that hold this many of the title's terms each restate the
/// headline.
pub const SHARED_TITLE_TERMS: usize = 3;

impl Gist {
    /// The gist of `sentence` (its dateline cut off). `title_terms` holds
    /// the terms of the article's title (empty when it has none).
    pub fn of(sentence: &str, tokenizer: &Tokenizer, title_terms: &FastSet<String>) -> Gist {
        let mut names = String::new();
        let mut verb_word = None;
        let mut seen_name = false;
        for word in words(sentence) {
            let capitalized = word.chars().next().is_some_and(char::is_uppercase);
            // "412", "6,200", "31.4%": not "78-year-old", nor a run of
            // text without spaces that holds a digit (Chinese, Japanese).
            let number = word.chars().any(|c| c.is_ascii_digit())
                && word
                    .chars()
                    .all(|c| c.is_ascii_digit() || matches!(c, '.' | ',' | '%'));
            if capitalized || number {
                names.push_str(word);
                names.push(' ');
                // "In a move, Zelensky ...": a capitalized stop word is no name.
                seen_name |= capitalized && !tokenizer.is_stop_word(&word.to_lowercase());
            } else if seen_name
                && verb_word.is_none()
                && word.chars().all(char::is_alphabetic)
                && !tokenizer.is_stop_word(word)
            {
                verb_word = Some(word);
            }
        }
        let mut anchors = Vec::new();
        tokenizer.for_each_term(&names, |term| anchors.push(fnv1a(term.as_bytes())));
        anchors.sort_unstable();
        anchors.dedup();
        let mut title = Vec::new();
        if !title_terms.is_empty() {
            tokenizer.for_each_term(sentence, |term| {
                if title_terms.contains(term) {
                    title.push(fnv1a(term.as_bytes()));
                }
            });
        }
        title.sort_unstable();
        title.dedup();
        let mut verb = None;
        if let Some(word) = verb_word {
            tokenizer.for_each_term(word, |term| verb = Some(fnv1a(term.as_bytes())));
        }
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
        let shared = |a: &[u64], b: &[u64]| a.iter().filter(|x| b.binary_search(x).is_ok()).count();
        let same_verb = self.verb.is_some() && self.verb == other.verb;
        (same_verb && shared(&self.anchors, &other.anchors) >= SHARED_WITH_VERB)
            || shared(&self.title, &other.title) >= SHARED_TITLE_TERMS
    }
}

/// The terms of a title, for [`Gist::of`] and the headline mark of news.
pub fn title_terms(title: &str, tokenizer: &Tokenizer) -> FastSet<String> {
    let mut terms = FastSet::default();
    tokenizer.for_each_term(title, |term| {
        terms.insert(term.to_string());
    });
    terms
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::language::Language;

    #[test]
    fn rewordings_of_one_event_say_the_same() {
        let tokenizer = Tokenizer::new(Language::English);
        let title = title_terms("Harbour Ferry Service to Resume in Tollan", &tokenizer);
        let gist = |s: &str| Gist::of(s, &tokenizer, &title);
        let lead = gist(
            "Mayor Ines Calloway announced on Monday that the ferry service to Tollan \
             would resume on 3 June after a two-year closure.",
        );
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
        for (sentence, want) in cases {
            assert_eq!(lead.says_the_same(&gist(sentence)), want, "{sentence}");
            assert_eq!(gist(sentence).says_the_same(&lead), want, "{sentence}");
        }
    }
}
