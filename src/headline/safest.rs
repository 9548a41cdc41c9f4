//! The safest headline of a sentence, for any language: its first clause,
//! cut at clause punctuation and never after a stop word. It is what a
//! language without a tagger gets, and what a sentence gets when the
//! structural rules find no clause they trust.

use crate::text::tokenize::Tokenizer;

/// A clause is cut at its first clause punctuation once it has this many
/// words.
const CLAUSE_MIN_WORDS: usize = 4;
/// A clause longer than this many words is cut there (and then back to a
/// word that is not a stop word).
pub(super) const CLAUSE_MAX_WORDS: usize = 14;
/// A headline has at most this many bytes, whatever the input.
pub(super) const MAX_BYTES: usize = 300;
/// A headline in a script written without spaces (Chinese, Japanese, Thai)
/// has at most this many characters.
pub(super) const SPACELESS_MAX_CHARS: usize = 30;
/// Clause punctuation of scripts written without spaces.
const SPACELESS_CLAUSE_ENDS: &[char] = &[
    '，', '、', '；', '：', '。', '！', '？', '．', ',', ';', ':', '.', '!', '?', '」', '「', '（',
    '）',
];
/// Characters that end a clause when a word ends with them.
/// (Not a full stop: the sentence is one already, and a word that ends in
/// one is an abbreviation, "a.m." or "U.S.".)
const CLAUSE_END_CHARS: &[char] = &[',', ';', ':', '،', '؛', '，'];
/// Words that are a dash of their own, or open a bracket: the clause ends
/// before them.
const BREAKS: &[&str] = &["-", "–", "—", "--"];
/// Trimmed from both ends of a headline.
const EDGE_PUNCTUATION: &[char] = &[
    ',', ';', ':', '.', '!', '?', '—', '–', '-', '(', ')', '“', '”', '‘', '’', '"', '\'', '«', '»',
    '،', '؛', '؟', '।', '…',
];

/// The safest headline of `sentence` (a dateline already removed).
pub(super) fn safest(sentence: &str, tokenizer: &Tokenizer) -> String {
    let sentence = sentence.trim();
    if sentence.chars().any(is_spaceless) && sentence.split_whitespace().nth(3).is_none() {
        return spaceless(sentence);
    }
    let mut words: Vec<&str> = Vec::new();
    let mut bytes = 0;
    for word in sentence.split_whitespace() {
        bytes += word.len() + 1;
        if bytes > MAX_BYTES && !words.is_empty() {
            break;
        }
        if words.len() >= CLAUSE_MIN_WORDS && (BREAKS.contains(&word) || word.starts_with('(')) {
            break;
        }
        words.push(word);
        if words.len() >= CLAUSE_MIN_WORDS && word.ends_with(CLAUSE_END_CHARS) {
            break;
        }
        if words.len() == CLAUSE_MAX_WORDS {
            break;
        }
    }
    // Never end on a stop word ("of", "the", "could") or on punctuation.
    while words.len() > 1 {
        let last = words[words.len() - 1].trim_matches(EDGE_PUNCTUATION);
        if last.is_empty() || tokenizer.is_stop_word(&last.to_lowercase()) {
            words.pop();
        } else {
            break;
        }
    }
    let mut text = words.join(" ");
    let trimmed = text.trim_end_matches(EDGE_PUNCTUATION).len();
    // A question keeps its mark.
    let question = text[trimmed..].contains(['?', '؟']);
    text.truncate(trimmed);
    if question {
        text.push('?');
    }
    // One word of more than `MAX_BYTES` is cut: nothing else bounds it.
    if text.len() > MAX_BYTES {
        let cut = (0..=MAX_BYTES)
            .rev()
            .find(|&at| text.is_char_boundary(at))
            .unwrap_or(0);
        text.truncate(cut);
    }
    balance_quotes(text)
}

/// The first clause of a text in a script without spaces, cut only at
/// clause punctuation: the longest run of its clauses (split at commas
/// and the like) that fits [`SPACELESS_MAX_CHARS`], or the first clause's
/// first characters when even that one does not fit.
fn spaceless(sentence: &str) -> String {
    let mut end = 0;
    for (at, c) in sentence.char_indices() {
        if SPACELESS_CLAUSE_ENDS.contains(&c) {
            if sentence[..at].chars().count() > SPACELESS_MAX_CHARS {
                break;
            }
            if !sentence[..at].trim().is_empty() {
                end = at;
            }
            // A sentence end closes the headline.
            if matches!(c, '。' | '！' | '？' | '．' | '.' | '!' | '?') && end > 0 {
                break;
            }
        }
    }
    let text = if end > 0 {
        &sentence[..end]
    } else if sentence.chars().count() <= SPACELESS_MAX_CHARS {
        sentence
    } else {
        let cut = sentence
            .char_indices()
            .nth(SPACELESS_MAX_CHARS)
            .map_or(sentence.len(), |(at, _)| at);
        &sentence[..cut]
    };
    balance_quotes(text.trim().trim_matches(EDGE_PUNCTUATION).to_string())
}

/// `text` with its first letter in upper case.
pub(super) fn capitalized(text: String) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) if first.is_lowercase() => first.to_uppercase().chain(chars).collect(),
        _ => text,
    }
}

/// Whether `c` belongs to a script written without spaces between words.
pub(super) fn is_spaceless(c: char) -> bool {
    matches!(c,
        '\u{3040}'..='\u{30ff}' // kana
        | '\u{3400}'..='\u{4dbf}' | '\u{4e00}'..='\u{9fff}' // CJK ideographs
        | '\u{0e00}'..='\u{0e7f}' // Thai
        | '\u{0e80}'..='\u{0eff}' // Lao
        | '\u{1000}'..='\u{109f}' // Myanmar
        | '\u{1780}'..='\u{17ff}' // Khmer
    )
}

/// Removes the double quotes of a headline whose quotes do not pair up.
fn balance_quotes(text: String) -> String {
    let straight = text.matches('"').count();
    let opening = text.matches('“').count();
    let closing = text.matches('”').count();
    if straight % 2 == 0 && opening == closing {
        return text;
    }
    text.chars()
        .filter(|c| !matches!(c, '"' | '“' | '”'))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::language::Language;

    #[test]
    fn the_first_clause_is_cut_at_punctuation_not_after_a_stop_word() {
        let english = Tokenizer::new(Language::English);
        let cases = [
            (
                "The storm closed every school in the county, officials said.",
                "The storm closed every school in the county",
            ),
            ("Floods hit the town.", "Floods hit the town"),
            (
                "One two three four five six seven eight nine ten eleven twelve thirteen of the fifteen",
                "One two three four five six seven eight nine ten eleven twelve thirteen",
            ),
            ("\"We will win the cup, he said.", "We will win the cup"),
        ];
        for (sentence, want) in cases {
            assert_eq!(safest(sentence, &english), want, "{sentence}");
        }
    }

    #[test]
    fn spaceless_scripts_are_cut_at_clause_punctuation_within_the_limit() {
        let chinese = Tokenizer::new(Language::Chinese);
        let cases = [
            (
                "英国大学毕业生找工作越来越难，实习经验能提高求职成功率。",
                "英国大学毕业生找工作越来越难，实习经验能提高求职成功率",
            ),
            (
                "英国大学毕业生找工作越来越难，实习经验能提高求职成功率，校方表示此举目的是让学生了解职场。",
                "英国大学毕业生找工作越来越难，实习经验能提高求职成功率",
            ),
            ("東京で地震があった。", "東京で地震があった"),
        ];
        for (sentence, want) in cases {
            let got = safest(sentence, &chinese);
            assert_eq!(got, want, "{sentence}");
            assert!(got.chars().count() <= SPACELESS_MAX_CHARS);
        }
    }
}
