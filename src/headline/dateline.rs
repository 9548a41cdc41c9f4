//! Datelines: the place (and agency) a wire story opens with, which is not
//! part of what the headline says.

/// A dateline is at most this many characters and words.
const DATELINE_MAX_CHARS: usize = 60;
const DATELINE_MAX_WORDS: usize = 5;
/// A source in brackets glued to the text ("(CNN)The ..."): at most this
/// many words.
const GLUED_SOURCE_MAX_WORDS: usize = 4;

/// Removes a leading dateline: "LONDON (Lede Wire) - ", "NAIROBI, Kenya — ",
/// and a source in brackets before the first word: "(CNN)", "(Lede Wire) ".
pub(crate) fn strip_dateline(sentence: &str) -> &str {
    let sentence = strip_dashed_dateline(sentence);
    strip_glued_source(sentence)
}

/// "(CNN)ESPN's reporter ...": a short capitalized name in brackets at the
/// start (after a dashed dateline, if any) is the story's source.
fn strip_glued_source(sentence: &str) -> &str {
    // "New Delhi, India (CNN)As the earth shook": a place before the source.
    let window = char_offset(sentence, DATELINE_MAX_CHARS);
    if let Some(close) = sentence[..window].find(')') {
        let open = sentence[..close].find('(').unwrap_or(0);
        if open > 0
            && is_dateline(&sentence[..=close])
            && sentence[close + 1..]
                .trim_start()
                .starts_with(char::is_uppercase)
        {
            return sentence[close + 1..].trim_start();
        }
    }
    let Some(rest) = sentence.strip_prefix('(') else {
        return sentence;
    };
    let Some(close) = rest.find(')') else {
        return sentence;
    };
    let name = &rest[..close];
    let words = name.split_whitespace().count();
    let capitalized = name.split_whitespace().all(|w| {
        w.chars()
            .next()
            .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
    });
    let after = rest[close + 1..].trim_start();
    let after = after
        .strip_prefix("--")
        .or_else(|| after.strip_prefix(['—', '–', '-']))
        .unwrap_or(after)
        .trim_start();
    if (1..=GLUED_SOURCE_MAX_WORDS).contains(&words) && capitalized && !after.is_empty() {
        after
    } else {
        sentence
    }
}

/// Removes a leading dateline that ends in a dash.
fn strip_dashed_dateline(sentence: &str) -> &str {
    // The dash comes within `DATELINE_MAX_CHARS` characters, so each
    // separator is looked for there only, not in the whole sentence.
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
/// its bytes, without decoding them: most sentences are ASCII.
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
#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        /// Datelines are cut as a search of the whole sentence cuts them.
        #[test]
        fn datelines_are_cut_as_by_a_whole_search(
            sentence in "[A-Z a,()—–é-]{0,80}"
        ) {
            proptest::prop_assert_eq!(strip_dashed_dateline(&sentence), strip_dateline_plain(&sentence));
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
            // A source in brackets glued to the first word.
            (
                "(CNN)ESPN's reporter was suspended.",
                "ESPN's reporter was suspended.",
            ),
            (
                "(The Lede Reporter) Two films led the box office.",
                "Two films led the box office.",
            ),
            (
                "LONDON, England (CNN) -- Floods hit the city.",
                "Floods hit the city.",
            ),
            // Not a source: a bracket of lower-case words.
            (
                "(and more) Floods hit the city.",
                "(and more) Floods hit the city.",
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
}
