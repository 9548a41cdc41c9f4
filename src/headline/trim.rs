//! Trimming: what a headline leaves out of its sentence. Dateline,
//! trailing attribution, brackets, leading adverbials, appositives,
//! descriptors before names, "X said", time phrases; long names become the
//! acronyms the story uses.

use std::borrow::Cow;

use super::build::{bare, remove, trim_clause_end, Word, MIN_WORDS};
use super::cues::Cues;
use super::Salience;
use crate::text::tokenize::Tokenizer;

/// A dateline ("REYKJAVIK, Iceland (Northstar News) — ") has at most this
/// many characters before its dash, and this many words outside brackets.
const DATELINE_MAX_CHARS: usize = 60;
const DATELINE_MAX_WORDS: usize = 5;

/// A leading adverbial ends at a comma within this many words ("In London
/// on Thursday ahead of the meeting, ...").
const OPENER_MAX_WORDS: usize = 10;

/// A subordinator this many words in still opens a leading adverbial ("Less
/// than four years after ..., BMW ...").
const SUBORDINATOR_MAX_AT: usize = 4;

/// A subject before an appositive ("Mittal Steel, one of ..., is") has at
/// most this many words, and the appositive at most `APPOSITIVE_MAX_WORDS`
/// (written for "Odell Marsh, the trumpeter and composer whose spare,
/// slow-burning ballads made him one of the most admired and least famous
/// figures in modern jazz, died": 22 words).
const SUBJECT_MAX_WORDS: usize = 6;
const APPOSITIVE_MAX_WORDS: usize = 24;

/// A descriptor before a name ("UK advertising giant WPP") has at most this
/// many words.
const DESCRIPTOR_MAX_WORDS: usize = 5;

/// A capitalized word inside a descriptor ("embattled Russian oil giant")
/// goes with it only if the story seldom uses it: a term used twice has
/// salience 2 / (2 + 10).
const DESCRIPTOR_MAX_SALIENCE: f64 = 0.2;

/// "X said (that) ...": the verb of saying stands within this many words.
const REPORTER_MAX_WORDS: usize = 8;

/// A trailing attribution (", the Sunday Telegraph reported on Friday") has
/// at most this many words, its verb at most `ATTRIBUTION_VERB_MAX_AT` in.
const ATTRIBUTION_MAX_WORDS: usize = 10;
const ATTRIBUTION_VERB_MAX_AT: usize = 3;

/// After an auxiliary ("has said") the verb ends the attribution, or is
/// followed by a time at most ("has said on Friday").
const ATTRIBUTION_AFTER_VERB: usize = 3;

/// Removes a leading dateline: "LONDON (Lede Wire) - ", "NAIROBI, Kenya — ".
pub(crate) fn strip_dateline(sentence: &str) -> &str {
    // The dash comes within `DATELINE_MAX_CHARS` characters, so each
    // separator is looked for there only, not in the whole sentence (which
    // took 2.7M Ir of corp300's builds).
    let window = char_offset(sentence, DATELINE_MAX_CHARS);
    // Each separator has its dash ('-', or '—' or '–', whose first byte is
    // 0xE2) as its first or second character: most sentences have none
    // there, and no dateline.
    let dash_zone = &sentence.as_bytes()[..(window + 2).min(sentence.len())];
    if memchr::memchr2(b'-', 0xE2, dash_zone).is_none() {
        return sentence;
    }
    for separator in DATELINE_ENDS {
        let Some(at) = find_before(sentence, separator, window) else {
            continue;
        };
        if is_dateline(&sentence[..at]) {
            return sentence[at + separator.len()..].trim_start();
        }
    }
    sentence
}

/// The byte offset of character `n` of `text` (its length when it has no
/// more): where its first `n` characters end. An ASCII start is read off
/// its bytes, without decoding them (which took 0.27M of corp300's 222M
/// Ir; with memchr looking for the dashes, 0.5M in all).
fn char_offset(text: &str, n: usize) -> usize {
    let head = &text.as_bytes()[..text.len().min(n + 1)];
    if head.is_ascii() {
        return text.len().min(n);
    }
    text.char_indices().nth(n).map_or(text.len(), |(at, _)| at)
}

/// The separators that end a dateline, in the order they are tried.
const DATELINE_ENDS: [&str; 6] = [" — ", " – ", " - ", " -- ", "— ", "-- "];

/// Whether `prefix`, which a separator follows, is a dateline: a few
/// capitalized words outside brackets, the first in capitals or a bracket
/// among them.
fn is_dateline(prefix: &str) -> bool {
    let outside_brackets: String = {
        let mut depth = 0usize;
        prefix
            .chars()
            .filter(|&c| {
                match c {
                    '(' => depth += 1,
                    ')' => depth = depth.saturating_sub(1),
                    _ => return depth == 0,
                }
                false
            })
            .collect()
    };
    let words: Vec<&str> = outside_brackets
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter(|w| !w.is_empty())
        .collect();
    let first_is_caps = words.first().is_some_and(|w| {
        w.chars().filter(|c| c.is_alphabetic()).count() >= 2
            && w.chars().all(|c| !c.is_alphabetic() || c.is_uppercase())
    });
    let all_capitalized = words.iter().all(|w| {
        w.chars()
            .next()
            .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
    });
    !words.is_empty()
        && words.len() <= DATELINE_MAX_WORDS
        && all_capitalized
        && (first_is_caps || prefix.contains('('))
}

/// Where `pattern` first occurs in `text`, if it starts at or before byte
/// `limit`: `text.find(pattern).filter(|&at| at <= limit)`, without looking
/// further.
fn find_before(text: &str, pattern: &str, limit: usize) -> Option<usize> {
    let mut end = (limit + pattern.len()).min(text.len());
    while !text.is_char_boundary(end) {
        end += 1;
    }
    text[..end].find(pattern).filter(|&at| at <= limit)
}

/// Cuts a trailing attribution: "..., officials said." or "..., according to
/// the ministry." (not "..., has reported a profit" or "..., which reported").
pub(super) fn strip_attribution<'s>(sentence: &'s str, cues: &Cues) -> &'s str {
    let Some((comma, tail)) = last_clause_comma(sentence) else {
        return sentence;
    };
    // A tail longer than an attribution is none: most last clauses of a
    // sentence are, and need no more reading.
    if tail.split_whitespace().nth(ATTRIBUTION_MAX_WORDS).is_some() {
        return sentence;
    }
    let tail_words: Vec<Cow<str>> = tail.split_whitespace().map(bare).collect();
    let verb_at = tail_words.iter().position(|w| cues.attribution.contains(w));
    let attributes = verb_at.is_some_and(|at| {
        // "officials said", or a long source with its verb at the end:
        // "the Office of the Deputy Prime Minister (ODPM) has said".
        (at <= ATTRIBUTION_VERB_MAX_AT || tail_words.len() - at <= ATTRIBUTION_AFTER_VERB)
            && (at == 0 || {
                // ", its chief has said" but not ", has reported a rise".
                let before = &*tail_words[at - 1];
                let auxiliary = cues.have.contains(before) || cues.be.contains(before);
                (!auxiliary || tail_words.len() - at <= ATTRIBUTION_AFTER_VERB)
                    && before != cues.to
                    && !cues.clause_starters.contains(before)
            })
    });
    if attributes && sentence[..comma].split_whitespace().count() >= MIN_WORDS {
        &sentence[..comma]
    } else {
        sentence
    }
}

/// The comma before the last clause of `sentence`, and what follows it: the
/// last comma before a space, which may sit inside a closing quote ('"We
/// are ready," she said.').
fn last_clause_comma(sentence: &str) -> Option<(usize, &str)> {
    // Found from the end by the comma alone: a search for each of the
    // four endings took 2.3M Ir of corp300's builds.
    sentence.rmatch_indices(',').find_map(|(at, _)| {
        CLAUSE_COMMAS
            .iter()
            .find(|comma| sentence[at..].starts_with(*comma))
            .map(|comma| (at, &sentence[at + comma.len()..]))
    })
}

/// A comma that ends a clause, as [`last_clause_comma`] finds it.
const CLAUSE_COMMAS: [&str; 4] = [", ", ",\" ", ",” ", ",’ "];

/// Writes a name as the acronym the text also uses: "General Motors (GM)
/// is recalling" -> "GM is recalling", "the International Monetary Fund" ->
/// "IMF" when the story says "IMF" somewhere. Headlines use the short form.
pub(super) fn use_acronyms(words: &mut Vec<Word>, salience: &Salience) {
    // Only a run whose initials the text uses is written short.
    if salience.has_no_acronyms() {
        return;
    }
    // The initials of a run, in a buffer reused from run to run.
    let mut initials = String::new();
    let mut i = 0;
    while i < words.len() {
        // Only a capital opens a run: most words need no more look (reading
        // each as a run took 0.5M of corp300's 219M Ir).
        if !words[i].capitalized() {
            i += 1;
            continue;
        }
        // "of" or "and" joins names, not a capitalized first word to one
        // ("Profits at Chinese ..." is no "PC").
        let joins = i > 0 || salience.is_name(words[0].bare());
        // A run of capitalized words, "of" or "and" between them.
        let mut end = i;
        initials.clear();
        while end < words.len() {
            let word = &words[end];
            let capital = word.text().chars().next().filter(|c| c.is_uppercase());
            match capital {
                Some(c) if word.text().chars().skip(1).any(char::is_lowercase) => initials.push(c),
                _ if joins
                    && end > i
                    && end + 1 < words.len()
                    && words[end].lower()
                    && words[end].text().len() <= 3 => {}
                _ => break,
            }
            end += 1;
            if words[end - 1].ends_clause() || words[end - 1].text().contains(['\'', '’']) {
                break;
            }
        }
        while end > i && words[end - 1].lower() {
            end -= 1;
        }
        if initials.chars().count() >= 2 && end - i >= 2 && salience.is_acronym(&initials) {
            let last = words[end - 1].text();
            let tail: String = last
                .char_indices()
                .find(|&(_, c)| !c.is_alphanumeric())
                .map(|(at, _)| last[at..].to_string())
                .unwrap_or_default();
            words[i].set_text(std::mem::take(&mut initials) + &tail);
            words.drain(i + 1..end);
            i += 1;
        } else {
            // "The | Northern Water Authority": try the run without its
            // first word.
            i += 1;
        }
    }
}

/// The longest bracketed aside that is dropped, in words.
const MAX_BRACKET_WORDS: usize = 40;

/// Drops "(£600m)" and "[sic]": brackets hold what a headline leaves out.
pub(super) fn drop_brackets(words: &mut Vec<Word>) {
    let mut i = 1;
    while i < words.len() {
        let opens = opens_bracket(words[i].text());
        // Only a word that opens a bracket looks ahead, and only so far: a
        // bracket left open for longer is not an aside (and an unbounded
        // search from every word was quadratic on long lead sentences).
        let close = if opens {
            words[i..]
                .iter()
                .take(MAX_BRACKET_WORDS)
                .position(|w| w.text().contains([')', ']']))
                .map(|k| i + k)
        } else {
            None
        };
        match close {
            Some(j) if opens => {
                let after = words[j]
                    .text()
                    .rsplit_once([')', ']'])
                    .map(|(_, tail)| tail.to_string())
                    .unwrap_or_default();
                if remove(words, i, j + 1) {
                    words[i - 1].push_text(&after);
                    continue;
                }
                i = j + 1;
            }
            _ => i += 1,
        }
    }
    // Dashes used as brackets: "Two airlines - American and Southwest -
    // raised fares".
    let dash = |w: &Word| matches!(w.text(), "-" | "–" | "—" | "--");
    if let Some(open) = words.iter().position(dash) {
        let close = words[open + 1..]
            .iter()
            .position(dash)
            .map(|k| open + 1 + k);
        if let Some(close) = close.filter(|&close| close + 1 < words.len() && open > 0) {
            remove(words, open, close + 1);
        }
    }
}

/// Whether `word` opens a bracket, after any opening quotes. Asked of
/// every word: most start with none of those, which their first byte says
/// without decoding a character ('“' starts with 0xE2).
fn opens_bracket(word: &str) -> bool {
    matches!(
        word.as_bytes().first(),
        Some(b'"' | b'\'' | b'(' | b'[' | 0xE2)
    ) && word
        .trim_start_matches(['"', '“', '\''])
        .starts_with(['(', '['])
}

/// Drops leading adverbials and connectives: "In 2003, ", "On Monday, ",
/// "However, ", "But ", "Less than four years after the launch, ".
pub(super) fn drop_openers(words: &mut Vec<Word>, cues: &Cues) {
    while let Some(first) = words.first() {
        let subordinate = words
            .iter()
            .take(SUBORDINATOR_MAX_AT + 1)
            .any(|w| w.is(cues.subordinators));
        if first.is(cues.openers) || subordinate {
            let comma = words
                .iter()
                .take(OPENER_MAX_WORDS)
                .position(Word::ends_clause);
            if comma.is_some_and(|comma| remove(words, 0, comma + 1)) {
                continue;
            }
        }
        if !(words[0].is(cues.connectives) && remove(words, 0, 1)) {
            return;
        }
    }
}

/// Drops an appositive or relative clause after a short subject: "Mittal
/// Steel, one of the world's largest steel producers, is to cut" -> "Mittal
/// Steel is to cut". The inserted phrase starts in lower case or with a stop
/// word. Without cues the subject must start with a name, since only cues
/// tell "The firm, ..." from "In 2003, ...".
pub(super) fn drop_appositive(words: &mut Vec<Word>, cues: &Cues, tokenizer: &Tokenizer) {
    let Some(first_comma) = words
        .iter()
        .take(SUBJECT_MAX_WORDS)
        .position(Word::ends_clause)
    else {
        return;
    };
    // The comma that closes it: the first one, or with cues the first one
    // a verb follows ("the composer whose spare, slow ballads made him
    // famous, | died").
    let commas: Vec<usize> = words[first_comma + 1..]
        .iter()
        .take(APPOSITIVE_MAX_WORDS)
        .enumerate()
        .filter(|(_, w)| w.ends_clause())
        .map(|(k, _)| first_comma + 1 + k)
        .collect();
    let verb_after = |comma: &&usize| {
        words.get(*comma + 1).is_some_and(|w| {
            let bare = w.bare();
            w.is(cues.be) || w.is(cues.have) || w.is(cues.modals) || cues.is_past(bare)
        })
    };
    let Some(second_comma) = commas.iter().find(verb_after).or(commas.first()).copied() else {
        return;
    };
    // "The world's biggest tobacco consumer, China, says": the name is the
    // subject, the words before it describe it.
    let name = &words[first_comma + 1..=second_comma];
    let named = name.len() <= DESCRIPTOR_MAX_WORDS
        && name.iter().all(Word::capitalized)
        && verb_after(&&second_comma)
        && first_comma >= 1;
    if named && remove(words, 0, first_comma + 1) {
        let end = second_comma - first_comma - 1;
        trim_clause_end(&mut words[end]);
        return;
    }
    let subject_ok = if cues.openers.is_empty() {
        words[0].capitalized() && !tokenizer.is_stop_word(words[0].bare())
    } else {
        !words[0].is(cues.openers)
    };
    let inner = &words[first_comma + 1];
    // "a Pittsburgh company", "which ...", "China's biggest lender".
    let inserted = inner.lower()
        || tokenizer.is_stop_word(inner.bare())
        || ((inner.text().ends_with("'s") || inner.text().ends_with("’s"))
            && words.get(first_comma + 2).is_some_and(Word::lower));
    if subject_ok
        && inserted
        && second_comma + 1 < words.len()
        && remove(words, first_comma + 1, second_comma + 1)
    {
        trim_clause_end(&mut words[first_comma]);
    }
}

/// Drops the descriptor before a name, at the start of the sentence or
/// after a preposition: "Budget airline Ryanair has placed ..." -> "Ryanair
/// has placed ...", "profits at US media giant TimeWarner" -> "profits at
/// TimeWarner". The descriptor has at most [`DESCRIPTOR_MAX_WORDS`] words, no
/// stop word, punctuation or name after its first word, and ends in lower
/// case; the name runs in capitals and heads its phrase: a verb follows it,
/// or after a preposition a boundary. Scripts without case, and languages
/// without cues, never match.
pub(super) fn drop_descriptor(
    words: &mut Vec<Word>,
    cues: &Cues,
    tokenizer: &Tokenizer,
    salience: &Salience,
) {
    if !cues.inflects {
        return;
    }
    let mut start = 0;
    while start < words.len() {
        // Twice: "embattled | Russian oil giant | Yukos". Unless the first
        // look removed a descriptor, the second would find what it found
        // (looking again took 0.6M of corp300's 221M Ir).
        for _ in 0..2 {
            let removed = descriptor_end(words, start, cues, tokenizer, salience)
                .is_some_and(|name| remove(words, start, name));
            if !removed {
                break;
            }
        }
        // After a preposition, but not "to", which may open a verb ("to
        // buy rival May Department Stores").
        start = match words[start + 1..]
            .iter()
            .position(|w| w.is(cues.phrase_starters) && w.bare() != cues.to)
        {
            Some(k) => start + k + 2,
            None => return,
        };
    }
}

/// Where the name after a descriptor starting at `words[start]` begins.
fn descriptor_end(
    words: &[Word],
    start: usize,
    cues: &Cues,
    tokenizer: &Tokenizer,
    salience: &Salience,
) -> Option<usize> {
    // "The world's biggest carmaker General Motors": an article first, a
    // possessive after it.
    let article = usize::from(words[start].is(cues.dropped));
    let word_ok = |i: usize, w: &Word| {
        let core = w.text().strip_suffix("'s").unwrap_or(w.text());
        let possessive = core.len() < w.text().len();
        // "embattled Russian oil giant Yukos": a capitalized adjective the
        // story seldom repeats.
        let adjective = w.capitalized()
            && words.get(start + i + 1).is_some_and(Word::lower)
            && salience.of_word(w.text()) < DESCRIPTOR_MAX_SALIENCE;
        (i == 0 && article == 1)
            || (core.chars().all(|c| c.is_alphabetic() || c == '-')
                && !w.is(cues.numerals)
                && (!possessive || i <= article)
                && !tokenizer.is_stop_word(w.bare())
                && !w.is(cues.phrase_starters)
                && (i <= article || adjective || (w.lower() && !cues.is_past(w.bare()))))
    };
    (start + 1 + article..words.len().min(start + DESCRIPTOR_MAX_WORDS + 1))
        .filter(|&n| words[n].capitalized() && words[n - 1].lower())
        .find(|&name| {
            words[start..name]
                .iter()
                .enumerate()
                .all(|(i, w)| word_ok(i, w))
                && names_head(words, start, name, cues, tokenizer)
        })
}

/// Whether the name at `words[name]` heads its phrase, so that what comes
/// before it from `start` is a descriptor.
fn names_head(
    words: &[Word],
    start: usize,
    name: usize,
    cues: &Cues,
    tokenizer: &Tokenizer,
) -> bool {
    let mut end = name;
    // "Marsh & McLennan".
    while end < words.len()
        && (words[end].capitalized() || words[end].text() == "&")
        && !words[end - 1].ends_clause()
    {
        end += 1;
    }
    let name_ok = words[end - 1]
        .text()
        .chars()
        .all(|c| c.is_alphanumeric() || c == '-' || c == '&' || c == ',' || c == '.');
    // The name is the head: a verb follows it ("Ryanair has placed"), or
    // after a preposition also a boundary ("at TimeWarner | jumped"), not a
    // noun ("a former FBI | agent").
    let after = words.get(end);
    let verb_follows = after.is_some_and(|w| {
        let bare = w.bare();
        w.lower()
            && (w.is(cues.be)
                || w.is(cues.have)
                || w.is(cues.modals)
                || bare == cues.will
                || bare == cues.to
                || cues.is_past(bare)
                || (bare.ends_with('s')
                    && !bare.ends_with("ss")
                    && !tokenizer.is_stop_word(bare)
                    && !w.is(cues.phrase_starters)))
    });
    let head_ends = after.is_none_or(|w| w.is(cues.phrase_starters) || w.is(cues.clause_starters))
        || words[end - 1].ends_clause();
    name_ok && (verb_follows || (start > 0 && head_ends))
}

/// "Analysts said (on Monday) (that) the deal ..." -> "the deal ...", and
/// "Time Warner said it now owns ..." -> "Time Warner now owns ...". Verbs
/// that also take an object ("reported a profit") count only before "that"
/// or a pronoun.
pub(super) fn drop_reporter(words: &mut Vec<Word>, cues: &Cues) {
    let Some(verb) = words
        .iter()
        .take(REPORTER_MAX_WORDS + 1)
        .position(|w| w.is(cues.reporters))
    else {
        return;
    };
    // "denied claims that ...": a noun after a verb, no verb of saying.
    if verb == 0
        || words[..verb].iter().any(Word::ends_clause)
        || (words[verb - 1].lower() && cues.is_past(words[verb - 1].bare()))
    {
        return;
    }
    let mut next = verb + 1;
    while let Some((_, to)) = time_span(words, next, cues) {
        next = to;
    }
    let that = words.get(next).is_some_and(|w| w.bare() == cues.that);
    if that {
        next += 1;
    }
    let Some(after) = words.get(next) else {
        return;
    };
    let pronoun = after.is(cues.pronouns);
    if after.is(cues.phrase_starters) || !(that || pronoun || words[verb].is(cues.reporting)) {
        return;
    }
    // "has said", "have warned": the auxiliary goes with the verb.
    let mut from = verb;
    while from > 0 && (words[from - 1].is(cues.have) || words[from - 1].is(cues.be)) {
        from -= 1;
    }
    if pronoun {
        remove(words, from, next + 1);
    } else {
        remove(words, 0, next);
    }
}

/// Drops time phrases: "on Monday", "late on Friday night", "yesterday",
/// "earlier this week", "in December" (not "the Sunday Telegraph").
pub(super) fn drop_time(words: &mut Vec<Word>, cues: &Cues) {
    let mut i = 0;
    while i < words.len() {
        let Some((from, to)) = time_span(words, i, cues) else {
            i += 1;
            continue;
        };
        let tail = {
            let last = words[to - 1].text();
            let keep = last.trim_end_matches(|c: char| !c.is_alphanumeric()).len();
            last[keep..].to_string()
        };
        if remove(words, from, to) {
            if from > 0 && !words[from - 1].ends_clause() {
                words[from - 1].push_text(&tail);
            }
            i = from;
        } else {
            i = to;
        }
    }
}

/// The time phrase that starts at `words[start]`, as a range: lead words
/// ("on", "late", "this"), a day, month or period, a part of the day or a
/// year.
fn time_span(words: &[Word], start: usize, cues: &Cues) -> Option<(usize, usize)> {
    // Only a day opens a phrase without a lead word, and most words are
    // neither: asked of every word, reading on for them took 0.4M of
    // corp300's 225M Ir.
    let first = words.get(start)?;
    if !first.is(cues.time_lead) && !first.is(cues.days) {
        return None;
    }
    let mut at = start;
    while at < words.len() && words[at].is(cues.time_lead) && !words[at].ends_clause() {
        at += 1;
    }
    let word = words.get(at)?;
    let led = at > start;
    let after = words.get(at + 1).filter(|_| !word.ends_clause());
    let day = word.is(cues.days);
    let month = led && word.capitalized() && word.is(cues.months);
    let period = led && word.is(cues.periods) && words[at - 1].is(cues.period_lead);
    // "in 2004", "during 2005": a year after a lead word (with cues).
    let year = led
        && !cues.time_lead.is_empty()
        && word.bare().len() == 4
        && (word.bare().starts_with("19") || word.bare().starts_with("20"))
        && word.bare().chars().all(|c| c.is_ascii_digit());
    // "Sunday Telegraph", "Good Friday": a day inside a name.
    let in_name = after.is_some_and(Word::capitalized)
        || (!led && at > 0 && words[at - 1].capitalized() && !words[at - 1].ends_clause());
    if !(day || month || period || year) || in_name {
        return None;
    }
    let joined = after.is_some_and(|w| {
        w.is(cues.day_parts) || (month && w.text().chars().all(|c| c.is_ascii_digit() || c == ','))
    });
    Some((start, at + 1 + usize::from(joined)))
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        /// Datelines are cut as a search of the whole sentence cuts them.
        #[test]
        fn datelines_are_cut_as_by_a_whole_search(
            sentence in "[A-Z a,()—–é-]{0,80}"
        ) {
            proptest::prop_assert_eq!(strip_dateline(&sentence), strip_dateline_plain(&sentence));
        }
    }

    /// [`strip_dateline`] as it was first written, searching the whole
    /// sentence for each separator: the oracle of the quick one.
    fn strip_dateline_plain(sentence: &str) -> &str {
        for separator in DATELINE_ENDS {
            let Some(at) = sentence.find(separator) else {
                continue;
            };
            let prefix = &sentence[..at];
            if prefix.chars().count() <= DATELINE_MAX_CHARS && is_dateline(prefix) {
                return sentence[at + separator.len()..].trim_start();
            }
        }
        sentence
    }

    proptest::proptest! {
        /// A word's first byte rules out a bracket as trimming its quotes
        /// would.
        #[test]
        fn brackets_are_found_as_after_trimming_quotes(word in "[\"“'(\\[a”]{0,4}") {
            let trimmed = word.trim_start_matches(['"', '“', '\'']).starts_with(['(', '[']);
            proptest::prop_assert_eq!(opens_bracket(&word), trimmed);
        }
    }

    proptest::proptest! {
        /// A character's offset read off ASCII bytes is where decoding
        /// finds it.
        #[test]
        fn char_offsets_are_where_decoding_finds_them(
            text in "[a-z —é]{0,12}",
            n in 0usize..14,
        ) {
            let decoded = text.char_indices().nth(n).map_or(text.len(), |(at, _)| at);
            proptest::prop_assert_eq!(char_offset(&text, n), decoded);
        }
    }

    proptest::proptest! {
        /// The search that stops at the limit finds what a search of the
        /// whole text finds there.
        #[test]
        fn patterns_are_found_before_a_limit_as_in_the_whole_text(
            text in "[a \\-—–]{0,30}",
            pattern in "[a \\-—–]{1,3}",
            limit in 0usize..40,
        ) {
            let limit = (0..=limit.min(text.len()))
                .rev()
                .find(|&at| text.is_char_boundary(at))
                .unwrap_or(0);
            proptest::prop_assert_eq!(
                find_before(&text, &pattern, limit),
                text.find(&pattern).filter(|&at| at <= limit)
            );
        }
    }

    proptest::proptest! {
        /// The comma found from the end is the last of those found by a
        /// search for each ending.
        #[test]
        fn clause_commas_are_found_as_by_each_ending(text in "[a ,\"”’]{0,30}") {
            let each = CLAUSE_COMMAS
                .iter()
                .filter_map(|sep| text.rfind(sep).map(|at| (at, &text[at + sep.len()..])))
                .max_by_key(|&(at, _)| at);
            proptest::prop_assert_eq!(last_clause_comma(&text), each);
        }
    }

    #[test]
    fn datelines_are_cut() {
        let cases = [
            ("LONDON (Reuters) - Shares rose.", "Shares rose."),
            (
                "NAIROBI, Kenya — Floods hit the city.",
                "Floods hit the city.",
            ),
            (
                "TESSAFORD — The bridge will close.",
                "The bridge will close.",
            ),
            // Not a dateline: a sentence with a dash in it.
            (
                "Prices rose - and fell again.",
                "Prices rose - and fell again.",
            ),
            (
                "The firm - a bakery - closed.",
                "The firm - a bakery - closed.",
            ),
        ];
        for (sentence, want) in cases {
            assert_eq!(strip_dateline(sentence), want, "input: {sentence:?}");
        }
    }

    #[test]
    fn trailing_attributions_are_cut() {
        let cues = &Cues::ENGLISH;
        let cases = [
            (
                "Prices rose by 4% in May, officials said.",
                "Prices rose by 4% in May",
            ),
            (
                "Prices rose by 4%, according to the ministry.",
                "Prices rose by 4%",
            ),
            (
                "\"We are ready to talk,\" the minister said.",
                "\"We are ready to talk",
            ),
            (
                "House prices dipped slightly, the Office of the Deputy Prime Minister has said.",
                "House prices dipped slightly",
            ),
            // The verb of the sentence, not an attribution.
            (
                "Parmalat, the food group, has reported a doubling in profit.",
                "Parmalat, the food group, has reported a doubling in profit.",
            ),
            (
                "Sales rose at the chain, which reported a profit.",
                "Sales rose at the chain, which reported a profit.",
            ),
        ];
        for (sentence, want) in cases {
            assert_eq!(
                strip_attribution(sentence, cues),
                want,
                "input: {sentence:?}"
            );
        }
        assert_eq!(
            strip_attribution("Prices rose, officials said.", &Cues::NONE),
            "Prices rose, officials said."
        );
    }
}
