//! The cut: where a long headline ends. At a clause or phrase boundary,
//! never inside the verb and its object, where the words kept promise the
//! most ROUGE F1 against a title.

use super::build::{Role, Word};
use super::cues::Cues;
use super::{Salience, MAX_WORDS};
use crate::text::tokenize::Tokenizer;

/// A cut keeps at least this many words ("Ministers agree deal").
const CUT_MIN_WORDS: usize = 3;

/// The cut keeps at most this many words of the object after a verb, so
/// "pushes US crude oil prices" stays whole.
const OBJECT_MAX_WORDS: usize = 4;

/// A comma followed within this many words by "and" or "or" separates
/// items of a list, where a headline is not cut.
const LIST_AND_WITHIN: usize = 3;

/// The length of the title a headline is cut for: BBC titles average 5.3
/// words. On bbc-dev (text only) cutting for 2-8 words moves headline
/// ROUGE-1 by less than 0.5; 5.3 keeps the headlines readable.
pub(super) const TITLE_WORDS: f64 = 5.3;

/// Cuts the headline where it says the most per word: at the clause or
/// phrase boundary that maximizes the salience it keeps over its length plus
/// [`TITLE_WORDS`] (the ROUGE F1 one would expect against a title of that
/// length), between [`CUT_MIN_WORDS`] and [`MAX_WORDS`] words, and never
/// between a verb and its object. `verb` is the
/// [`main_verb`](super::style::main_verb) of `words`. Returns that expected
/// F1.
pub(super) fn cut(
    words: &mut Vec<Word>,
    cues: &Cues,
    salience: &Salience,
    tokenizer: &Tokenizer,
    verb: Option<usize>,
) -> f64 {
    let longest = words.len().min(MAX_WORDS);
    let verb_end = verb_phrase_end(words, cues, verb);
    let shortest = verb_end.clamp(CUT_MIN_WORDS, longest.max(CUT_MIN_WORDS));
    if longest <= shortest {
        words.truncate(longest);
        return expected(&weigh(words, salience), words.len());
    }
    // A headline is the main clause: it ends at the first clause boundary
    // after the verb ("forecasts | that growth ..." is no boundary: the
    // clause is the object).
    let clause = (verb_end.max(CUT_MIN_WORDS)..words.len())
        .find(|&n| {
            let object_clause =
                n == verb_end && words[n - 1].role != Role::Other && words[n].bare() == cues.that;
            words[n - 1].ends_clause()
                || words.get(n).is_some_and(|w| w.is(cues.clause_breaks)) && !object_clause
        })
        .unwrap_or(words.len());
    let longest = longest.min(clause.max(shortest));
    let shortest = shortest.min(longest);
    let weights = weigh(&words[..longest], salience);
    let expected = |n: usize| expected(&weights, n);
    let boundary = |n: usize| {
        n == words.len()
            || is_clause_end(words, n, cues)
            || is_phrase_end(words, n, cues, tokenizer)
    };
    let best = |candidates: &mut dyn Iterator<Item = usize>| {
        candidates.fold(None::<(usize, f64)>, |best, n| {
            let e = expected(n);
            match best {
                Some((_, b)) if b >= e => best,
                _ => Some((n, e)),
            }
        })
    };
    let (keep, expected) = best(&mut (shortest..=longest).filter(|&n| boundary(n)))
        .or_else(|| best(&mut (shortest..=longest)))
        .unwrap_or((longest, expected(longest)));
    words.truncate(keep);
    expected
}

/// The salience of each of `words`. Only the words a cut may keep are
/// weighed, at most [`MAX_WORDS`] and none past the main clause (looking
/// up every word took 2.5M Ir of corp300's builds, the first `MAX_WORDS`
/// 0.5M more than the clause's).
fn weigh(words: &[Word], salience: &Salience) -> Vec<f64> {
    words.iter().map(|w| salience.of_word(w.text())).collect()
}

/// What [`cut`] expects of keeping the first `n` words, of `weights`.
fn expected(weights: &[f64], n: usize) -> f64 {
    weights[..n].iter().sum::<f64>() / (n as f64 + TITLE_WORDS)
}

/// How many words the headline needs to hold its first verb: the verb, the
/// verb after a modal or "to", "to" and the verb after "set to", and the
/// first word of an object. 0 when no verb was found. `verb` is the
/// [`main_verb`](super::style::main_verb) of `words`.
fn verb_phrase_end(words: &[Word], cues: &Cues, verb: Option<usize>) -> usize {
    debug_assert_eq!(verb, super::style::main_verb(words, cues));
    let Some(verb) = verb else {
        return 0;
    };
    let mut end = verb + 1;
    if words[verb].role == Role::Auxiliary {
        end += 1;
    }
    if words.get(end).is_some_and(|w| w.bare() == cues.to) && end + 1 < words.len() {
        end += 2;
    }
    // The object runs to the next preposition or clause boundary: "pushes
    // US crude oil prices | above $50".
    let object_end = end + OBJECT_MAX_WORDS;
    while end < object_end
        && words.get(end).is_some_and(|w| {
            (!w.is(cues.phrase_starters) || (w.bare() == cues.over && w.role == Role::Quantity))
                && !w.is(cues.clause_starters)
                && !words[end - 1].ends_clause()
        })
    {
        end += 1;
    }
    end.min(words.len())
}

/// Whether cutting after the first `n` words ends a clause.
fn is_clause_end(words: &[Word], n: usize, cues: &Cues) -> bool {
    let Some(next) = words.get(n) else {
        return true;
    };
    // "constructive, | professional and friendly talks" is a list.
    let list = next.lower()
        && !cues.and.is_empty()
        && words[n..]
            .iter()
            .take(LIST_AND_WITHIN)
            .any(|w| w.bare() == cues.and || w.bare() == cues.or);
    (words[n - 1].ends_clause() && !list)
        || matches!(next.text(), "—" | "–" | "-" | "--")
        || next.text().starts_with('(')
        || next.is(cues.clause_starters)
}

/// Whether the word after the first `n` opens a prepositional phrase,
/// which a headline can drop ("... met in Lisbon | on Monday").
fn is_phrase_end(words: &[Word], n: usize, cues: &Cues, tokenizer: &Tokenizer) -> bool {
    // Without cues, a stop word after a content word opens a phrase ("...
    // le trafic ferroviaire | dans le Sud-Ouest").
    if cues.phrase_starters.is_empty() {
        return words.get(n).is_some_and(|next| {
            tokenizer.is_stop_word(next.bare()) && !tokenizer.is_stop_word(words[n - 1].bare())
        });
    }
    // "round led | by Ironbridge" would leave "led" hanging.
    let agent = words.get(n).is_some_and(|next| next.bare() == cues.by)
        && cues.is_past(words[n - 1].bare());
    // "dozens | of", "fate | of": "of" binds its noun phrase.
    let of = words.get(n).is_some_and(|next| next.bare() == cues.of);
    words
        .get(n)
        .is_some_and(|next| next.is(cues.phrase_starters))
        && !agent
        && !of
}
