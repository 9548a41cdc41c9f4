//! A headline from a lead sentence by its structure: the main clause's
//! subject, its verb group and the first complement the verb needs, in
//! headline style (no articles, no auxiliary a headline does without).
//!
//! Every word comes from the sentence, in its order; the only rewrite is
//! dropping words, and a word is dropped only where the form left is
//! certain to be grammatical ("has settled" -> "settled", a regular past;
//! "was arrested" -> "arrested").

use super::phrase::{Clause, Sentence};
use super::safest::capitalized;
use super::words::{Role, Tag, Word};

/// A subject longer than this is cut to its noun phrase (and one phrase
/// after it): "Shares in the firm ..." rather than every modifier.
const SUBJECT_MAX_WORDS: usize = 7;
/// A fronted phrase ("In a statement on Monday, ...") is looked for this
/// far into the sentence.
const FRONTED_MAX_WORDS: usize = 25;
/// A headline shorter than this many words takes one more phrase after its
/// complement ("met with the exchange" rather than "met").
const EXTEND_BELOW_WORDS: usize = 6;
/// A phrase is added for its words' salience up to this many words in all,
/// this many phrases, and when one of its words occurs this many times in
/// the text (the lead's own use counts).
const EXTEND_MAX_WORDS: usize = 12;
const EXTEND_MAX_PHRASES: usize = 2;
const SALIENT_COUNT: u32 = 3;
/// A headline of more words than this is not built: the sentence falls
/// back to its safest form.
pub(super) const MAX_WORDS: usize = 16;

/// Builds the headline of `sentence`, whose words are `words`; `None` when
/// the rules find no clause they can trust to be complete.
pub(super) fn compress(
    sentence: &str,
    words: &[Word],
    salience: &mut dyn FnMut(&str) -> u32,
) -> Option<String> {
    // What brackets hold is an aside: "70m euros ($91m) in aid".
    // A question is a headline as it stands, or not at all.
    if sentence.trim_end().ends_with('?') {
        return None;
    }
    let words = outside_brackets(words);
    let words = words.as_slice();
    let s = Sentence::new(words);
    let clause = main_clause(&s)?;
    let subject = subject(&s, clause)?;
    // "The firm said it will cut jobs" -> "Firm to cut jobs": what a
    // subject says of itself is its news.
    let clause = reported_by_subject(&s, clause).unwrap_or(clause);
    let mut end = s.complement_end(clause.verb, 0)?;
    // One or two more phrases when the headline is short, or when they
    // hold a word the story keeps coming back to ("... for tests of
    // biometric technology").
    for _ in 0..EXTEND_MAX_PHRASES {
        let Some(phrase_end) = next_phrase(&s, end) else {
            break;
        };
        let words = subject.len() + (phrase_end - clause.finite);
        let short = subject.len() + (end - clause.finite) < EXTEND_BELOW_WORDS;
        let phrase = &sentence[s.words[end].start..s.words[phrase_end - 1].end];
        if short || (words <= EXTEND_MAX_WORDS && salience(phrase) >= SALIENT_COUNT) {
            end = phrase_end;
        } else {
            break;
        }
    }
    // The complement must end where its phrase ends: not before another
    // noun phrase that belongs to it ("expects earnings this year to
    // ...", "to make its unit the world's biggest").
    if s.tag(end)
        .is_some_and(|t| matches!(t, Tag::Noun | Tag::Propn | Tag::Num | Tag::Adj | Tag::Det))
    {
        return None;
    }
    let kept: Vec<usize> = subject.iter().copied().chain(clause.finite..end).collect();
    let kept = styled(&s, &kept, &subject);
    let last = *kept.last()?;
    if !can_end(&s, last) || kept.len() > MAX_WORDS {
        return None;
    }
    let mut text = joined(sentence, words, &kept);
    // Who said it stays: "..., the central bank says" -> "..., central
    // bank says".
    if let Some(source) = attribution(&s, end) {
        let source = styled(&s, &source, &[]);
        text.push_str(", ");
        text.push_str(&joined(sentence, words, &source));
    }
    (balanced(&text) && text.len() <= super::safest::MAX_BYTES).then(|| capitalized(text))
}

/// An attribution closing the sentence after the kept words: a comma,
/// then a short noun phrase and a reporting verb ("official figures
/// show") or the verb and the phrase ("said the minister").
fn attribution(s: &Sentence, kept_end: usize) -> Option<Vec<usize>> {
    const ATTRIBUTION_MAX_WORDS: usize = 5;
    let mut last = s.len();
    while last > 0 && s.tag(last - 1) == Some(Tag::Punct) && s.lower(last - 1) != "," {
        last -= 1;
    }
    let comma = (kept_end..last).rev().find(|&i| s.lower(i) == ",")?;
    let tail: Vec<usize> = (comma + 1..last).collect();
    if tail.len() < 2 || tail.len() > ATTRIBUTION_MAX_WORDS {
        return None;
    }
    let reporting = |i: usize| s.tag(i).is_some_and(Tag::is_verb) && s.is(Role::Reporting, i);
    // "a charity has warned": the auxiliaries go with the verb.
    let mut tail = tail;
    while tail.len() > 2
        && s.tag(tail[tail.len() - 2]).is_some_and(Tag::is_verb)
        && s.words[tail[tail.len() - 2]].aux
    {
        let verb = tail.pop().unwrap_or_default();
        tail.pop();
        tail.push(verb);
    }
    let phrase = |range: &[usize]| {
        !range.is_empty()
            && range.iter().all(|&i| {
                s.tag(i).is_some_and(|t| {
                    matches!(t, Tag::Det | Tag::Adj | Tag::Noun | Tag::Propn | Tag::Num)
                }) || s.is(Role::Possessive, i)
                    || s.is_possessive(i)
            })
            && range.iter().any(|&i| s.tag(i).is_some_and(Tag::is_nominal))
    };
    let (first, rest) = tail.split_first()?;
    let (verb_last, before) = tail.split_last()?;
    let fits = (reporting(*verb_last) && phrase(before)) || (reporting(*first) && phrase(rest));
    fits.then_some(tail)
}

/// The clause a reporting verb reports, when its subject is a pronoun
/// that stands for the reporting subject ("Microsoft has said it will
/// replace ..."): that clause's verb group, with the subject's words
/// kept by the caller.
fn reported_by_subject(s: &Sentence, clause: Clause) -> Option<Clause> {
    if !s.is(Role::Reporting, clause.verb) {
        return None;
    }
    let mut j = clause.verb + 1;
    if s.is(Role::Complementizer, j) {
        j += 1;
    }
    if !s.is(Role::SameSubject, j) || s.tag(j) != Some(Tag::Pron) {
        return None;
    }
    let finite = j + 1;
    // "said it would cut" is reported speech, not what will happen.
    if s.is(Role::PastModal, finite) {
        return None;
    }
    (s.tag(finite) == Some(Tag::Finite)).then(|| Clause {
        subject: clause.subject,
        finite,
        verb: s.verb_head(finite),
    })
}

/// The words outside round and square brackets (an acronym in brackets
/// is written for its name later: see `acronyms`).
fn outside_brackets(words: &[Word]) -> Vec<Word> {
    let mut depth = 0usize;
    let mut out: Vec<Word> = Vec::with_capacity(words.len());
    for word in words {
        match word.lower.as_str() {
            "(" | "[" => depth += 1,
            ")" | "]" if depth > 0 => depth -= 1,
            _ if depth == 0 => out.push(word.clone()),
            _ => {}
        }
    }
    out
}

/// The main clause, after a fronted phrase or clause when there is one
/// ("After the vote, ministers said ...").
fn main_clause(s: &Sentence) -> Option<Clause> {
    let fronted = s
        .tag(0)
        .is_some_and(|t| matches!(t, Tag::Adp | Tag::Sconj | Tag::Adv | Tag::Participle));
    let first = s.main_clause(0);
    // "If you are a geek ...": a subordinate clause first, and no comma to
    // say where it ends.
    if s.tag(0) == Some(Tag::Sconj)
        && !(1..s.len().min(FRONTED_MAX_WORDS)).any(|i| s.lower(i) == ",")
    {
        return None;
    }
    // "Every Saturday morning, volunteers walk ...": one comma before the
    // verb closes a fronted phrase (an insertion, "Ford, the car maker,
    // said", has two).
    let fronted = fronted
        || first.is_some_and(|clause| {
            (1..clause.finite).filter(|&i| s.lower(i) == ",").count() == 1
                && !(0..clause.finite).any(|i| s.tag(i).is_some_and(Tag::is_verb))
                && (0..clause.finite).any(|i| s.is(Role::Time, i))
        });
    if fronted {
        let comma = (1..s.len().min(FRONTED_MAX_WORDS)).find(|&i| s.lower(i) == ",");
        // The comma closes the fronted phrase only when no verb of the
        // main clause comes before it ("Gaming on the move is ..., says").
        // A subordinate clause ("As the earth shook, ...") ends at its
        // comma whatever verbs it holds.
        let before_verb = comma.filter(|&c| {
            s.is(Role::ClauseOpener, 0) || first.is_none_or(|clause| clause.finite > c)
        });
        if let Some(after) = before_verb.and_then(|c| s.main_clause(c + 1)) {
            return Some(after);
        }
    }
    first
}

/// The words of the subject: without what brackets or commas set off
/// ("Ford, the US car company, ..."), cut before a relative clause or a
/// participle that modifies it ("a teacher accused of ..."), and cut to
/// its noun phrase when long. `None` when it is not a subject a headline
/// can stand on (a pronoun, no noun).
fn subject(s: &Sentence, clause: Clause) -> Option<Vec<usize>> {
    let mut kept = Vec::new();
    let mut i = clause.subject;
    // "Germany, France and Italy have agreed": commas that end in a
    // conjunction list the subjects; they set nothing off.
    let last_comma = (clause.subject..clause.finite)
        .rev()
        .find(|&k| s.lower(k) == ",");
    let list = last_comma.is_some_and(|c| {
        (c + 1..clause.finite).any(|k| s.tag(k) == Some(Tag::Cconj))
            && (c + 1..clause.finite)
                .all(|k| s.tag(k).is_some_and(|t| t != Tag::Punct && !t.is_verb()))
    });
    while i < clause.finite {
        match s.lower(i) {
            // A closing bracket whose opening one the sentence lacks
            // (brackets and what they hold are gone already).
            ")" | "]" => {
                i += 1;
                continue;
            }
            "," if !list => {
                // Skip to the comma that closes the insertion.
                i = (i + 1..clause.finite)
                    .find(|&k| s.lower(k) == ",")
                    .map_or(clause.finite, |k| k + 1);
                continue;
            }
            _ => {}
        }
        kept.push(i);
        i += 1;
    }
    if let Some(cut) = (1..kept.len()).find(|&k| {
        let i = kept[k];
        s.is(Role::Relative, i)
            || (s.tag(i) == Some(Tag::Participle)
                && s.tag(kept[k - 1])
                    .is_some_and(|t| matches!(t, Tag::Noun | Tag::Propn)))
    }) {
        kept.truncate(cut);
    }
    let first = *kept.first()?;
    if kept.len() == 1 && s.is(Role::Pronoun, first) {
        return None;
    }
    if !kept
        .iter()
        .any(|&i| s.tag(i).is_some_and(|t| t.is_nominal() || t == Tag::Pron))
    {
        return None;
    }
    if kept.len() > SUBJECT_MAX_WORDS {
        let mut end = s.noun_phrase_end(first, clause.finite);
        if s.tag(end) == Some(Tag::Adp) {
            let with_phrase = s.noun_phrase_end(end + 1, clause.finite);
            if with_phrase > end + 1 && with_phrase - first <= SUBJECT_MAX_WORDS {
                end = with_phrase;
            }
        }
        kept.retain(|&i| i < end);
    }
    (!kept.is_empty()).then_some(kept)
}

/// The end of the prepositional phrase at `end`, when one is there and is
/// neither a phrase of time nor the subject of another clause.
fn next_phrase(s: &Sentence, end: usize) -> Option<usize> {
    if s.tag(end) != Some(Tag::Adp) || s.is(Role::Thanks, end) {
        return None;
    }
    let phrase_end = s.noun_phrase_end(end + 1, s.len());
    let time = (end + 1..phrase_end).any(|i| s.is(Role::Time, i));
    let whole = !s.tag(phrase_end).is_some_and(|t| {
        matches!(
            t,
            Tag::Finite | Tag::Noun | Tag::Propn | Tag::Num | Tag::Adj | Tag::Det
        )
    });
    (phrase_end > end + 1 && whole && !time).then_some(phrase_end)
}

/// The kept words in headline style: no articles; no descriptor before a
/// name at the head of the subject ("Australian winemaker Southcorp" ->
/// "Southcorp"); no auxiliary where dropping it leaves a certain form.
fn styled(s: &Sentence, kept: &[usize], subject: &[usize]) -> Vec<usize> {
    let mut drop = vec![false; s.len()];
    for &i in kept {
        // "£10 an hour", "by a third", "not a single vote" keep their
        // article; so does "the" inside a name ("Musician of the Year").
        let keeps = (s.is(Role::KeepsArticle, i + 1) && s.is(Role::Indefinite, i))
            || (i > 0 && s.tag(i - 1) == Some(Tag::Propn) && s.tag(i + 1) == Some(Tag::Propn))
            || (i > 1
                && s.is(Role::Of, i - 1)
                && !s.words[i - 2].starts_lower
                && s.words.get(i + 1).is_some_and(|w| !w.starts_lower));
        if s.tag(i) == Some(Tag::Det) && s.is(Role::Article, i) && !keeps {
            drop[i] = true;
        }
    }
    drop_descriptor(s, subject, &mut drop);
    // A manner adverb after a verb ("fell sharply") is no headline's.
    for &i in kept {
        if s.tag(i) == Some(Tag::Adv)
            && s.lower(i).ends_with("ly")
            && i > 0
            && s.tag(i - 1).is_some_and(Tag::is_verb)
        {
            drop[i] = true;
        }
    }
    for (k, &i) in kept.iter().enumerate() {
        let (Some(&next), after) = (kept.get(k + 1), kept.get(k + 2).copied()) else {
            continue;
        };
        let participle = s.tag(next) == Some(Tag::Participle);
        let ing = s.lower(next).ends_with("ing");
        if s.is(Role::Be, i) && participle {
            // "was arrested" -> "arrested"; "is planning" -> "planning".
            drop[i] = true;
        } else if s.is(Role::Be, i) && s.is(Role::Infinitive, next) {
            // "is to cut" -> "to cut".
            drop[i] = true;
        } else if s.is(Role::Have, i)
            && s.is(Role::Been, next)
            && after
                .is_some_and(|a| s.tag(a) == Some(Tag::Participle) && !s.lower(a).ends_with("ing"))
        {
            // "has been arrested" -> "arrested".
            drop[i] = true;
            drop[next] = true;
        } else if s.is(Role::Have, i)
            && participle
            && !ing
            && (s.lower(next).ends_with("ed") || s.is(Role::SamePastParticiple, next))
        {
            // A regular verb's participle is its past: "has settled" ->
            // "settled", and so is some irregular ones' ("has found"); not
            // every one's ("has risen").
            drop[i] = true;
        }
    }
    kept.iter().copied().filter(|&i| !drop[i]).collect()
}

/// Drops the common nouns (and their adjectives) that describe the name at
/// the head of the subject: lower-case words, then a name.
fn drop_descriptor(s: &Sentence, subject: &[usize], drop: &mut [bool]) {
    // The descriptor: adjectives, names and nouns ("US media giant",
    // "Channel Tunnel operator") up to a lower-case common noun that a
    // name follows.
    let lead: Vec<usize> = subject
        .iter()
        .copied()
        .take_while(|&i| {
            drop[i]
                || s.tag(i)
                    .is_some_and(|t| matches!(t, Tag::Adj | Tag::Noun | Tag::Propn))
        })
        .collect();
    let Some(&last) = lead
        .iter()
        .rev()
        .find(|&&i| s.tag(i) == Some(Tag::Noun) && s.words[i].starts_lower)
    else {
        return;
    };
    let name_follows = s.tag(last + 1) == Some(Tag::Propn);
    if name_follows {
        for &i in lead.iter().filter(|&&i| i <= last) {
            drop[i] = true;
        }
    }
}

/// Whether a headline may end on word `i`: not on a word that needs the
/// next one (a preposition, article, conjunction, "to", a possessive).
fn can_end(s: &Sentence, i: usize) -> bool {
    if s.words[i].aux || s.is(Role::Be, i) || s.is(Role::Have, i) || s.is(Role::Been, i) {
        return false;
    }
    match s.tag(i) {
        // A particle that ends its clause may end the headline ("called off").
        Some(Tag::Adp) => s.tag(i + 1).is_none_or(|t| t == Tag::Punct),
        Some(Tag::Det | Tag::Cconj | Tag::Sconj | Tag::Punct) => false,
        Some(Tag::Part) => false,
        Some(Tag::Pron) => {
            !s.is(Role::ObjectPronoun, i) && (!s.is(Role::Pronoun, i) || s.lower(i) == "it")
        }
        Some(_) => !s.is(Role::Possessive, i),
        None => false,
    }
}

/// The kept words as the sentence writes them: a space between two words
/// where the sentence has white space between them.
fn joined(sentence: &str, words: &[Word], kept: &[usize]) -> String {
    let mut text = String::new();
    let mut previous_end = None;
    for &i in kept {
        let word = &words[i];
        if previous_end.is_some_and(|end| end != word.start) {
            text.push(' ');
        }
        text.push_str(&sentence[word.start..word.end]);
        previous_end = Some(word.end);
    }
    text
}

/// Whether quotes and brackets are balanced.
fn balanced(text: &str) -> bool {
    let count = |c: char| text.chars().filter(|&x| x == c).count();
    count('"') % 2 == 0
        && count('“') == count('”')
        && count('(') == count(')')
        && count('[') == count(']')
}
