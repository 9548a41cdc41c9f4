//! Headline: the text's own title line when it has one, otherwise a short,
//! self-contained span built from the best lead sentence.

use crate::text::segment::{Unit, UnitKind};
use crate::text::tokenize::Tokenizer;

/// Where the headline came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum HeadlineSource {
    /// A title line of the text, as written.
    Title,
    /// Built from a lead sentence.
    Lead,
    /// The text had nothing to build one from.
    None,
}

/// A headline and where it came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Headline {
    /// The headline text.
    pub text: String,
    /// Where it came from.
    pub source: HeadlineSource,
}

/// A title sits among the first units: after a standfirst or kicker line
/// (as in scraped pages), never deep in the text.
const TITLE_WINDOW: usize = 4;
/// A title has at least this many words ("Talks Resume"), at most
/// `TITLE_MAX_WORDS` (longer unpunctuated lines are section text).
const TITLE_MIN_WORDS: usize = 2;
const TITLE_MAX_WORDS: usize = 20;
/// The headline is built from the best-scoring of the first few sentences.
const LEAD_WINDOW: usize = 3;
/// The longest built headline, in words (BBC titles average 5.3 words; the
/// longest editors write run to about 12).
pub const MAX_WORDS: usize = 12;
/// A clause shorter than this says too little to stand alone as a headline.
const MIN_WORDS: usize = 4;

/// English words that open a subordinate clause: a good place to cut. Other
/// languages fall back on punctuation alone.
const CLAUSE_STARTERS: &[&str] = &[
    "which",
    "who",
    "whose",
    "after",
    "as",
    "while",
    "because",
    "amid",
    "following",
    "when",
    "where",
    "despite",
    "although",
    "though",
    "since",
    "until",
    "but",
    "before",
    "with",
    "saying",
    "according",
];
/// English prepositions: weaker cut points than clause starters.
const PHRASE_STARTERS: &[&str] = &[
    "on", "in", "at", "to", "for", "from", "by", "over", "into", "of", "during", "than",
];
/// A cut that keeps at least this many words makes a full headline.
const FULL_WORDS: usize = 7;
/// English verbs of attribution: ", officials said" is cut from a headline.
const ATTRIBUTION_WORDS: &[&str] = &[
    "said",
    "says",
    "told",
    "reported",
    "reports",
    "announced",
    "added",
    "stated",
    "according",
    "claimed",
    "confirmed",
    "warned",
];

/// Picks the headline of a text from its kept units (duplicates and
/// boilerplate removed) and their scores.
pub fn pick_headline(
    text: &str,
    units: &[Unit],
    scores: &[f64],
    tokenizer: &Tokenizer,
) -> Headline {
    if let Some(title) = find_title(text, units) {
        return Headline {
            text: collapse_space(title),
            source: HeadlineSource::Title,
        };
    }
    let lead = units
        .iter()
        .zip(scores)
        .filter(|(unit, _)| unit.kind == UnitKind::Sentence)
        .take(LEAD_WINDOW)
        .fold(None::<(&Unit, f64)>, |best, (unit, &score)| match best {
            Some((_, s)) if s >= score => best,
            _ => Some((unit, score)),
        })
        .map(|(unit, _)| unit)
        .or_else(|| units.first());
    let built = lead.map(|unit| build_from_sentence(unit.text(text), tokenizer));
    match built {
        Some(text) if !text.is_empty() => Headline {
            text,
            source: HeadlineSource::Lead,
        },
        _ => Headline {
            text: String::new(),
            source: HeadlineSource::None,
        },
    }
}

/// The first heading among the first units that reads like a title.
fn find_title<'t>(text: &'t str, units: &[Unit]) -> Option<&'t str> {
    units
        .iter()
        .take(TITLE_WINDOW)
        .filter(|unit| unit.kind == UnitKind::Heading)
        .map(|unit| unit.text(text))
        .find(|line| {
            let words = line.split_whitespace().count();
            (TITLE_MIN_WORDS..=TITLE_MAX_WORDS).contains(&words)
                && line.chars().any(char::is_alphabetic)
                && !is_dateline_only(line)
        })
}

/// "LONDON, March 3" or "NEW YORK": a dateline on a line of its own. (Not
/// "US consumer confidence up", a title that starts with an acronym.)
fn is_dateline_only(line: &str) -> bool {
    let all_caps = |w: &str| {
        w.chars().filter(|c| c.is_alphabetic()).count() >= 2
            && w.chars().all(|c| c.is_uppercase() || !c.is_alphabetic())
    };
    let words: Vec<&str> = line.split_whitespace().collect();
    let first_caps = words.first().is_some_and(|w| all_caps(w));
    words.len() <= 5
        && first_caps
        && (words
            .iter()
            .all(|w| all_caps(w) || !w.chars().any(char::is_alphabetic))
            || (line.contains(',') && line.chars().any(|c| c.is_ascii_digit())))
}

/// Turns a sentence into a headline: no dateline, no trailing attribution, at
/// most [`MAX_WORDS`] words cut at a clause boundary, no dangling stop word.
pub fn build_from_sentence(sentence: &str, tokenizer: &Tokenizer) -> String {
    let sentence = collapse_space(sentence);
    let body = strip_dateline(&sentence);
    let body = strip_attribution(body.trim_start_matches(['—', '–', '-', ' ']));
    let words: Vec<&str> = body.split_whitespace().collect();
    let mut keep = words.len();
    if keep > MAX_WORDS {
        // Prefer a clause end that leaves a full headline, then a phrase end
        // (before "on Monday", "in Lisbon"), then a short clause.
        let last_cut = |range: std::ops::RangeInclusive<usize>, cut: &dyn Fn(usize) -> bool| {
            range.rev().find(|&n| cut(n))
        };
        keep = last_cut(FULL_WORDS..=MAX_WORDS, &|n| is_clause_end(&words, n))
            .or_else(|| last_cut(FULL_WORDS..=MAX_WORDS, &|n| is_phrase_end(&words, n)))
            .or_else(|| last_cut(MIN_WORDS..=FULL_WORDS, &|n| is_clause_end(&words, n)))
            .unwrap_or(MAX_WORDS);
    }
    let mut kept: Vec<&str> = words[..keep].to_vec();
    tidy_end(&mut kept, tokenizer);
    let mut headline = kept.join(" ");
    balance_quotes(&mut headline);
    capitalize_first(&headline)
}

/// Whether cutting after the first `n` words ends a clause.
fn is_clause_end(words: &[&str], n: usize) -> bool {
    let last = words[n - 1];
    let Some(next) = words.get(n) else {
        return true;
    };
    last.ends_with([',', ';', ':'])
        || matches!(*next, "—" | "–" | "-" | "--")
        || next.starts_with('(')
        || CLAUSE_STARTERS.contains(&next.to_lowercase().as_str())
}

/// Whether the word after the first `n` opens a prepositional phrase,
/// which a headline can drop ("... met in Lisbon | on Monday").
fn is_phrase_end(words: &[&str], n: usize) -> bool {
    words
        .get(n)
        .is_some_and(|next| PHRASE_STARTERS.contains(&next.to_lowercase().as_str()))
}

/// Removes a leading dateline: "LONDON (Lede Wire) - ", "NAIROBI, Kenya — ".
fn strip_dateline(sentence: &str) -> &str {
    for separator in [" — ", " – ", " - ", " -- ", "— ", "-- "] {
        let Some(at) = sentence.find(separator) else {
            continue;
        };
        let prefix = &sentence[..at];
        if prefix.chars().count() > 60 {
            continue;
        }
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
        if !words.is_empty()
            && words.len() <= 5
            && all_capitalized
            && (first_is_caps || prefix.contains('('))
        {
            return sentence[at + separator.len()..].trim_start();
        }
    }
    sentence
}

/// Cuts a trailing attribution: "..., officials said." or "..., according to
/// the ministry." (English cues; other languages keep the sentence whole).
fn strip_attribution(sentence: &str) -> &str {
    // The comma may sit inside a closing quote: '"We are ready," she said.'
    let Some((comma, tail)) = [", ", ",\" ", ",” ", ",’ "]
        .iter()
        .filter_map(|sep| {
            sentence
                .rfind(sep)
                .map(|at| (at, &sentence[at + sep.len()..]))
        })
        .max_by_key(|&(at, _)| at)
    else {
        return sentence;
    };
    let tail_words: Vec<String> = tail
        .split_whitespace()
        .map(|w| {
            w.trim_matches(|c: char| !c.is_alphanumeric())
                .to_lowercase()
        })
        .collect();
    let attributes = tail_words.len() <= 8
        && tail_words
            .iter()
            .any(|w| ATTRIBUTION_WORDS.contains(&w.as_str()));
    if attributes && sentence[..comma].split_whitespace().count() >= MIN_WORDS {
        &sentence[..comma]
    } else {
        sentence
    }
}

/// Drops trailing stop words and punctuation so the headline does not end on
/// "the", "of" or a comma, and removes the final full stop.
fn tidy_end(words: &mut Vec<&str>, tokenizer: &Tokenizer) {
    const TRAILING: &[char] = &[',', ';', ':', '.', '—', '–', '-', '(', '“', '‘', '"', '\''];
    while let Some(&last) = words.last() {
        let mut trimmed = last.trim_end_matches(TRAILING);
        // "U.S." and "a.m." keep their last dot.
        if trimmed.contains('.') && last[trimmed.len()..].starts_with('.') {
            trimmed = &last[..trimmed.len() + 1];
        }
        let bare = trimmed
            .trim_matches(|c: char| !c.is_alphanumeric())
            .to_lowercase();
        if bare.is_empty() || (words.len() > 1 && tokenizer.is_stop_word(&bare)) {
            words.pop();
            continue;
        }
        if let Some(slot) = words.last_mut() {
            *slot = trimmed;
        }
        break;
    }
}

/// Removes quote marks and brackets that would be left open.
fn balance_quotes(headline: &mut String) {
    if headline.matches('(').count() != headline.matches(')').count() {
        *headline = headline.replace(['(', ')'], "");
    }
    let straight = headline.matches('"').count();
    let opened = headline.matches('“').count();
    let closed = headline.matches('”').count();
    if straight % 2 == 1 {
        *headline = headline.replace('"', "");
    }
    if opened != closed {
        *headline = headline.replace(['“', '”'], "");
    }
}

fn capitalize_first(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// Joins all white space runs into single spaces.
pub(crate) fn collapse_space(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::language::Language;
    use crate::text::segment::Segmenter;

    fn headline(text: &str) -> Headline {
        let units = Segmenter::new(Language::English).split(text);
        let scores: Vec<f64> = (0..units.len()).map(|i| 1.0 / (1.0 + i as f64)).collect();
        pick_headline(text, &units, &scores, &Tokenizer::new(Language::English))
    }

    #[test]
    fn title_lines_are_the_headline() {
        let cases = [
            ("Storm Closes Schools\n\nHeavy snow fell on Monday.", "Storm Closes Schools"),
            ("# Storm Closes Schools\n\nHeavy snow fell on Monday.", "Storm Closes Schools"),
            (
                "A standfirst sentence comes first.\nStorm Closes Schools Across the North\n\nStorm Closes Schools Across the North\nSnow fell.",
                "Storm Closes Schools Across the North",
            ),
        ];
        let more = [
            (
                "US consumer confidence up\n\nConfidence rose in May.",
                "US consumer confidence up",
            ),
            (
                "Who do you think you are?\n\nThe show returns.",
                "Who do you think you are?",
            ),
        ];
        for (text, want) in cases.into_iter().chain(more) {
            let got = headline(text);
            assert_eq!(
                (got.text.as_str(), got.source),
                (want, HeadlineSource::Title),
                "input: {text:?}"
            );
        }
    }

    #[test]
    fn datelines_alone_are_not_titles() {
        let cases = [
            ("LONDON, March 3", true),
            ("NEW YORK", true),
            ("US consumer confidence up", false),
            ("J&J agrees $25bn Guidant deal", false),
            ("IBM frees 500 software patents", false),
        ];
        for (line, want) in cases {
            assert_eq!(is_dateline_only(line), want, "line: {line:?}");
        }
    }

    #[test]
    fn built_headlines_are_short_and_clean() {
        let tokenizer = Tokenizer::new(Language::English);
        let cases = [
            (
                "LONDON (Lede Wire) - The Bank of England raised rates to 4.5%, officials said.",
                "The Bank of England raised rates to 4.5%",
            ),
            (
                "NAIROBI, Kenya — Floods have forced 20,000 people from their homes.",
                "Floods have forced 20,000 people from their homes",
            ),
            (
                "The city council approved a budget on Tuesday that raises spending on parks, roads and libraries by a third after months of debate.",
                "The city council approved a budget on Tuesday that raises spending",
            ),
            (
                "Ministers agreed a deal, which critics called weak, after talks that ran late into the night in Geneva.",
                "Ministers agreed a deal, which critics called weak",
            ),
            ("\"We are ready to talk,\" the minister said.", "We are ready to talk"),
            ("The countdown clock hit zero at 4:17 a.m.", "The countdown clock hit zero at 4:17 a.m."),
            (
                "Trade ministers from the U.S., the E.U. and Japan met in Lisbon on Monday to sign a deal.",
                "Trade ministers from the U.S., the E.U. and Japan met in Lisbon",
            ),
        ];
        for (sentence, want) in cases {
            let got = build_from_sentence(sentence, &tokenizer);
            assert_eq!(got, want, "input: {sentence:?}");
            assert!(got.split_whitespace().count() <= MAX_WORDS, "{got}");
        }
    }

    #[test]
    fn without_a_title_the_headline_comes_from_the_lead() {
        let got = headline("Floods hit the north on Monday. Roads were closed.");
        assert_eq!(got.source, HeadlineSource::Lead);
        assert_eq!(got.text, "Floods hit the north on Monday");
    }
}
