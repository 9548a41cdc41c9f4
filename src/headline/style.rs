//! Style: headline English. No articles or auxiliaries, verbs in the
//! present tense, the name first ("Cairn Energy shares rise"). Without
//! cues (any language but English) nothing here applies.

use std::borrow::Cow;

use super::build::{bare, remove, remove_keeping, Role, Word};
use super::cues::Cues;
use super::Salience;
use crate::text::tokenize::Tokenizer;

/// Dropping articles and auxiliaries may leave a headline this short
/// ("Raskin dies").
const STYLE_MIN_WORDS: usize = 2;

/// A participle after its noun ("mortgages approved in the UK rose") is
/// followed by the sentence's verb within this many words.
const REDUCED_RELATIVE_MAX_WORDS: usize = 4;

/// "Shares in Cairn Energy" becomes "Cairn Energy shares" for names of at
/// most this many words.
const NAME_FIRST_MAX_WORDS: usize = 4;

/// Headline style: no articles, possessives or filler adverbs, no
/// auxiliaries ("has agreed" -> "agreed", "was arrested" -> "arrested", "is
/// considering" -> "considering", "is in talks" -> "in talks"), "will" ->
/// "to", "is to" -> "to", "more than 200" -> "over 200". Marks the verbs it
/// finds.
pub(super) fn headline_style(words: &mut Vec<Word>, cues: &Cues) {
    drop_function_words(words, cues);
    let mut i = 0;
    while i < words.len() {
        if !words[i].letters() || (i > 0 && !words[i].lower()) {
            i += 1;
            continue;
        }
        // This word and the next, lower-cased, held apart from `words`,
        // which the loop changes: borrowed from the sentence, as most are
        // (copying every word and the next into buffers took 0.6M of
        // corp300's 223M Ir).
        let word = words[i].sentence_bare();
        let next = words
            .get(i + 1)
            .map_or(Cow::Borrowed(""), Word::sentence_bare);
        let next_plain = words.get(i + 1).is_some_and(Word::letters);
        // "will not" stays ("to not" is no headline English).
        let negated = next == cues.not;
        // Asked of the word itself, which keeps its signature bits.
        let (have, be) = (words[i].is(cues.have), words[i].is(cues.be));
        if have && next == cues.been && remove_keeping(words, i, i + 2, STYLE_MIN_WORDS) {
            if words.get(i).is_some_and(|w| cues.is_past(w.bare())) {
                words[i].role = Role::Passive;
            } else if i < words.len() {
                words[i].role = Role::Complement;
            }
            continue;
        }
        if have
            && next_plain
            && cues.is_past(&next)
            && remove_keeping(words, i, i + 1, STYLE_MIN_WORDS)
        {
            words[i].role = Role::Verb;
            continue;
        }
        // Not after "there", "it" or "which": "there is", "it was".
        let subject_ok = i > 0
            && !words[i - 1].is(cues.pronouns)
            && !words[i - 1].is(cues.relatives)
            && !words[i - 1].is(cues.expletives)
            && !words[i - 1].ends_clause();
        if be && subject_ok && i + 1 < words.len() && !words[i].ends_clause() {
            let role = if next_plain && cues.is_past(&next) {
                Role::Passive
            } else if next_plain && cues.is_gerund(&next) {
                Role::Verb
            } else if next == cues.to {
                Role::Auxiliary
            } else {
                Role::Complement
            };
            if remove_keeping(words, i, i + 1, STYLE_MIN_WORDS) {
                words[i].role = role;
                continue;
            }
        }
        let after_pronoun = i > 0 && (words[i - 1].is(cues.pronouns) || words[i - 1].text() == "I");
        if i > 0 && word == cues.will && next_plain && !after_pronoun && !negated {
            words[i].set_text(cues.to);
            words[i].role = Role::Auxiliary;
        } else if i > 0 && words[i].is(cues.modals) && next_plain {
            words[i].role = Role::Auxiliary;
        } else if word == cues.more_than[0]
            && next == cues.more_than[1]
            && words.get(i + 2).is_some_and(|w| {
                w.text()
                    .starts_with(|c: char| c.is_ascii_digit() || "$£€".contains(c))
            })
        {
            words[i].set_text(cues.over);
            words[i].role = Role::Quantity;
            words.remove(i + 1);
        } else if i > 0
            && words[i].role == Role::Other
            && !words[i].determined
            && !words[i - 1].is(cues.passive_after)
            // A clear past, or an ambiguous one where a verb stands (the
            // past form looked up once for both).
            && cues.is_past(&word)
            && (!words[i].is(cues.ambiguous_past)
                || after_plural(words, i, cues)
                || before_number(words, i))
            && words[i - 1].role == Role::Other
            && !words[i - 1].ends_clause()
            && !words[i - 1].is(cues.phrase_starters)
            && !words[i - 1].text().ends_with("'s")
        {
            words[i].role = Role::Past;
        }
        i += 1;
    }
}

/// Whether `words[i]` comes between a lower-case word and a number: "council
/// shut 140 schools", "firm cut 2,000 jobs".
fn before_number(words: &[Word], i: usize) -> bool {
    words[i - 1].lower()
        && words.get(i + 1).is_some_and(|w| {
            w.text()
                .starts_with(|c: char| c.is_ascii_digit() || "$£€".contains(c))
        })
}

/// Drops articles, possessives and filler adverbs ("the", "its", "also",
/// "sharply"), and marks the word after an article or possessive as
/// `determined` (a noun or adjective, no verb: "the proposed merger").
fn drop_function_words(words: &mut Vec<Word>, cues: &Cues) {
    let mut i = 0;
    while i < words.len() {
        let word = words[i].bare();
        let droppable = words[i].letters() && (words[i].lower() || i == 0);
        // The suffix before the length: it rules out most words without
        // counting their characters.
        let adverb = droppable
            && cues.inflects
            && word.ends_with("ly")
            && word.chars().count() >= 5
            && !words[i].is(cues.not_adverbs);
        let determiner = droppable && words[i].is(cues.dropped);
        if (determiner || adverb) && remove_keeping(words, i, i + 1, STYLE_MIN_WORDS) {
            if let Some(next) = words.get_mut(i).filter(|_| determiner) {
                next.determined = true;
            }
            continue;
        }
        i += 1;
    }
}

/// Whether `words[i]` follows a plural noun or a name and comes before a
/// word that is no preposition: "imports hit all-time high", where "hit" is a
/// verb, unlike "the hit single".
fn after_plural(words: &[Word], i: usize, cues: &Cues) -> bool {
    let before = &words[i - 1];
    let bare = before.bare();
    let plural = (before.lower() && bare.ends_with('s') && !bare.ends_with("ss"))
        || (i > 1 && before.capitalized() && before.plain());
    // "looks set | to": no verb before "to".
    plural
        && words.get(i + 1).is_some_and(|w| {
            (w.plain() && w.bare() != cues.to) || w.text().starts_with(|c: char| c.is_ascii_digit())
        })
}

/// Drops a relative clause between the subject and its verb: "Wildfire
/// that broke out burned" -> "Wildfire burned". Returns the [`main_verb`]
/// of the words it leaves, for the rules after it.
pub(super) fn drop_relative(words: &mut Vec<Word>, cues: &Cues) -> Option<usize> {
    let verb = main_verb(words, cues)?;
    let relative = words[..verb]
        .iter()
        .position(|w| w.is(cues.relatives))
        .filter(|&r| r > 0 && !words[r - 1].ends_clause());
    if relative.is_some_and(|r| remove(words, r, verb)) {
        return main_verb(words, cues);
    }
    Some(verb)
}

/// Puts the name first: "Shares in Cairn Energy rise" -> "Cairn Energy
/// shares rise", "Profits at Lenovo stand" -> "Lenovo profits stand".
/// `verb` is the [`main_verb`] of `words`; returns that of the words it
/// leaves. (The rules from [`drop_relative`] to [`cut`](super::cut) hand
/// the main verb on, and work it out again only after a change: finding
/// it four times a build took 1M of corp300's 226M Ir.)
pub(super) fn name_first(
    words: &mut Vec<Word>,
    cues: &Cues,
    salience: &Salience,
    verb: Option<usize>,
) -> Option<usize> {
    debug_assert_eq!(verb, main_verb(words, cues));
    let verb = verb?;
    // A common noun, not a name ("Bank of England").
    let noun_ok = words[0].plain()
        && !salience.is_name(words[0].bare())
        && !words[0].is(cues.numerals)
        && !words[0].is(cues.quantities);
    let linked = words.get(1).is_some_and(|w| w.is(cues.name_links));
    let name = words.get(2..verb).unwrap_or_default();
    let name_ok = !name.is_empty()
        && name.len() <= NAME_FIRST_MAX_WORDS
        && name
            .iter()
            .all(|w| (w.capitalized() && w.letters()) || w.text() == "&")
        && !name.iter().any(Word::ends_clause);
    if verb > 2 && noun_ok && linked && name_ok {
        let noun = words[0].text().to_lowercase();
        words.drain(0..2);
        words.insert(verb - 2, Word::new(noun));
        return main_verb(words, cues);
    }
    Some(verb)
}

/// The first verb outside a relative clause: "burned" in "Wildfire that
/// broke out has burned ...", "rose" in "Mortgages approved in May rose".
pub(super) fn main_verb(words: &[Word], cues: &Cues) -> Option<usize> {
    let (first, second) = first_verbs(words, cues);
    let first = first?;
    if words[..first].iter().any(|w| w.is(cues.relatives)) {
        return second;
    }
    // "approved | in May | rose": a participle, a phrase, then the verb.
    let reduced = second.is_some_and(|second| {
        let between = &words[first + 1..second];
        words[first].role == Role::Past
            && between.len() <= REDUCED_RELATIVE_MAX_WORDS
            && !words[first..second].iter().any(Word::ends_clause)
            && between.iter().any(|w| w.is(cues.phrase_starters))
            && !between.iter().any(|w| w.is(cues.clause_starters))
    });
    if reduced {
        second
    } else {
        Some(first)
    }
}

/// The first two verbs of the main clause, read up to the second: main_verb
/// is asked four times a build, and reading every word for the clause's end
/// first took a third of it.
fn first_verbs(words: &[Word], cues: &Cues) -> (Option<usize>, Option<usize>) {
    let mut first = None;
    for (i, w) in words.iter().enumerate() {
        // Not past a subordinate clause's opening: in "council shut schools
        // after snow blocked roads", "blocked" is not the verb.
        if w.is(cues.clause_breaks) && !w.is(cues.relatives) {
            break;
        }
        if !matches!(w.role, Role::Other | Role::Quantity) {
            if first.is_some() {
                return (first, Some(i));
            }
            first = Some(i);
        }
    }
    (first, None)
}

/// Puts the first verb, if it is active, in the present tense: "Lufthansa
/// returned to profit" -> "Lufthansa returns to profit", "Irish shares rose"
/// -> "Irish shares rise", "government considering" -> "government
/// considers". `verb` is the [`main_verb`] of `words`; returns that of the
/// words it leaves.
pub(super) fn present_tense(
    words: &mut [Word],
    cues: &Cues,
    tokenizer: &Tokenizer,
    salience: &Salience,
    verb: Option<usize>,
) -> Option<usize> {
    debug_assert_eq!(verb, main_verb(words, cues));
    let verb = verb?;
    if !matches!(words[verb].role, Role::Verb | Role::Past) || verb == 0 {
        return Some(verb);
    }
    // The subject's head: the last word before its first preposition.
    let subject = &words[..verb];
    let head_end = subject
        .iter()
        .skip(1)
        .position(|w| {
            let bare = w.bare();
            w.is(cues.phrase_starters)
                || w.is(cues.relatives)
                || cues.is_gerund(bare)
                || cues.is_past(bare)
        })
        .map_or(verb, |k| k + 1);
    // Skipping stop words: "Shops all | over UK".
    let head = subject[..head_end]
        .iter()
        .rev()
        .find(|w| !tokenizer.is_stop_word(w.bare()))
        .unwrap_or(&subject[head_end - 1]);
    let head_bare = head.bare();
    // A capital at the start may hide a common noun ("Shares in ..."),
    // unless the text capitalizes it elsewhere ("Yukos").
    let first = std::ptr::eq(head, &subject[0]);
    let common = head.lower() || (first && !salience.is_name(head_bare));
    let plural_noun = common
        && head_bare.ends_with('s')
        && !["ss", "us", "is"].iter().any(|s| head_bare.ends_with(s))
        && !head.text().contains(['\'', '’'])
        && !head.is(cues.singular_s);
    // "Heineken and Carlsberg", "oil and gas firms"; not "Orbital Research
    // and Exploration Agency".
    let joined = subject[..head_end]
        .iter()
        .position(|w| w.bare() == cues.and)
        .is_some_and(|and| {
            let (left, right) = (&subject[..and], &subject[and + 1..head_end]);
            (left.len() == 1 && right.len() == 1) || left.iter().any(Word::ends_clause)
        });
    // "Two of the largest airlines", "Thousands of people".
    let counted = subject[0].is(cues.plurals)
        || (subject[0].text().starts_with(|c: char| c.is_ascii_digit())
            && subject[0].bare() != "1");
    let plural = plural_noun || joined || head.is(cues.plurals) || counted;
    let text = words[verb].text();
    let Some(present) = cues.present(&bare(text), !plural) else {
        return Some(verb);
    };
    let tail: String = text.chars().skip_while(|c| c.is_alphanumeric()).collect();
    let marks = verb_marks(&words[verb], cues);
    words[verb].set_text(present + &tail);
    // Only the verb's text changed, and it stays the main verb unless what
    // `main_verb` reads of it changed (its role did not).
    if verb_marks(&words[verb], cues) == marks {
        Some(verb)
    } else {
        main_verb(words, cues)
    }
}

/// What [`main_verb`] reads of its answer's text: whether it breaks the
/// clause, opens a relative clause or ends a clause (the lists it asks of
/// the words between two verbs, it does not ask of the verbs).
fn verb_marks(verb: &Word, cues: &Cues) -> [bool; 3] {
    [
        verb.is(cues.clause_breaks),
        verb.is(cues.relatives),
        verb.ends_clause(),
    ]
}
