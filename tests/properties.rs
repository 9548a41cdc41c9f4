//! Invariants of `Summarizer::summarize` over generated texts: it never
//! panics, summary sentences quote the input on char boundaries, the length
//! is respected, sentences come in document order without repeats, and two
//! runs agree. The texts range from article-like to hostile: control
//! characters and terminal escapes, RTL text and bidi controls, combining
//! marks, emoji sequences, zero-width characters, NUL bytes, and arbitrary
//! bytes made UTF-8 the lossy way (lone surrogates, overlong forms and stray
//! continuation bytes become U+FFFD). For those, the text and JSON outputs
//! are checked too.

mod common;

use lede::{output, HeadlineSource, Length, Summarizer, Summary};
use proptest::prelude::*;
use proptest::sample::{select, Index};
use unicode_segmentation::UnicodeSegmentation;

/// Content and stop words; none is another one run together with a
/// neighbour, so two different word sequences never read the same once
/// spaces are dropped.
const WORDS: &[&str] = &[
    "river", "council", "budget", "vote", "mayor", "school", "rose", "fell", "said", "police",
    "talks", "peace", "market", "shares", "water", "bridge", "closed", "opened", "late", "night",
    "week", "year", "the", "of", "in", "and", "a", "on", "for", "was", "were", "is",
];
/// Dots that do not end a sentence, and some that may.
const ABBREVIATIONS: &[&str] = &[
    "U.S.", "U.K.", "Dr.", "Mr.", "Mrs.", "St.", "Inc.", "Corp.", "p.m.", "a.m.", "e.g.", "i.e.",
    "No.", "Jan.", "Gen.", "etc.",
];
const NUMBERS: &[&str] = &[
    "3.5", "$1.2bn", "2,000", "50", "10.25%", "2026-27", "0.5", "No. 7",
];
/// Sentence ends, with closing quotes and brackets.
const ENDS: &[&str] = &[
    ".", ".", ".", "!", "?", "...", "…", ".\"", "?\"", "!)", ".”",
];
/// What goes between two sentences: spaces, line breaks, paragraph breaks.
const GAPS: &[&str] = &[
    " ", " ", " ", "  ", "\n", "\n\n", "\n\n", "\r\n", "\r\n\r\n", "\n \n", "\n\n\n",
];
/// What may open a line: nothing, mostly, or a list or heading marker.
const MARKERS: &[&str] = &["", "", "", "", "", "- ", "* ", "1. ", "2) ", "# ", "## "];
/// Fragments that stress segmentation: marks of many scripts, quotes,
/// combining characters, zero-width and control characters, Markdown and
/// list markers, and words that change length when lower-cased.
const FRAGMENTS: &[&str] = &[
    "a",
    "B",
    "word",
    "Word",
    "THE",
    "the",
    " ",
    "  ",
    "\n",
    "\n\n",
    "\r\n",
    "\t",
    ".",
    "!",
    "?",
    "…",
    "。",
    "！",
    "؟",
    "।",
    "\"",
    "'",
    "“",
    "”",
    "«",
    "»",
    "(",
    ")",
    "U.S.",
    "Dr.",
    "3.5",
    "No.",
    "é",
    "e\u{301}",
    "日本語",
    "\u{feff}",
    "\u{200b}",
    "#",
    "## ",
    "- ",
    "* ",
    "1. ",
    "—",
    "-",
    "🎉",
    "Σ",
    "İ",
    "ß",
    "ǅ",
    "\u{1b}",
    "\u{0}",
    "By Jane Doe",
    "Updated 5 min ago",
];

/// Pieces of hostile text, by kind; [`hostile_text`] runs them together
/// with words, spaces and sentence marks.
const HOSTILE: &[&str] = &[
    // C0 and C1 controls, DEL, and terminal escape sequences.
    "\u{0}",
    "\u{7}",
    "\u{8}",
    "\u{b}",
    "\u{c}",
    "\r",
    "\u{1b}[31m",
    "\u{1b}[0m",
    "\u{1b}]0;title\u{7}",
    "\u{1b}[2J",
    "\u{7f}",
    "\u{85}",
    "\u{9b}1m",
    // Right-to-left text, marks and bidi controls.
    "שלום",
    "עולם.",
    "مرحبا",
    "بالعالم؟",
    "\u{200f}",
    "\u{200e}",
    "\u{202e}",
    "\u{202c}",
    "\u{2067}",
    "\u{2069}",
    // Combining marks, alone, stacked, and after a space.
    "e\u{301}",
    "\u{301}",
    "a\u{308}\u{308}\u{308}",
    "Z\u{334}\u{321}\u{322}",
    " \u{20dd}",
    "\u{1100}\u{1161}\u{11a8}",
    // Emoji: a ZWJ family, a flag, a skin tone, a keycap, a variation selector.
    "🎉",
    "👩\u{200d}👩\u{200d}👧",
    "🇬🇧",
    "👍🏽",
    "1\u{fe0f}\u{20e3}",
    "☺\u{fe0f}",
    // Zero-width and other unusual spaces.
    "\u{200b}",
    "\u{200c}",
    "\u{200d}",
    "\u{2060}",
    "\u{feff}",
    "\u{a0}",
    "\u{3000}",
    "\u{2028}",
    "\u{2029}",
    // The replacement character, as lossy decoding leaves it.
    "\u{fffd}",
    // Sentence marks and words, so there are sentences to pick.
    ". ",
    "! ",
    "? ",
    "。",
    "।",
    "\n",
    "\n\n",
    "The",
    "river",
    "rose",
    "Council",
    "vote",
    "日本語",
    "Река",
];

fn summarizer(length: Length) -> Summarizer {
    common::summarizer(length, false)
}

fn capitalize(word: &str) -> String {
    let mut chars = word.chars();
    chars.next().map_or_else(String::new, |first| {
        first.to_uppercase().chain(chars).collect()
    })
}

/// A word, now and then an abbreviation or a number.
fn token() -> impl Strategy<Value = String> {
    prop_oneof![
        12 => select(WORDS).prop_map(str::to_string),
        2 => select(ABBREVIATIONS).prop_map(str::to_string),
        2 => select(NUMBERS).prop_map(str::to_string),
    ]
}

/// A capitalized sentence with a final mark, sometimes in quotes.
fn sentence() -> impl Strategy<Value = String> {
    (
        prop::collection::vec(token(), 2..14),
        select(ENDS),
        any::<bool>(),
    )
        .prop_map(|(tokens, end, quoted)| {
            let mut text = capitalize(&tokens[0]);
            for token in &tokens[1..] {
                text.push(' ');
                text.push_str(token);
            }
            text.push_str(end);
            if quoted {
                let inner = text.trim_end_matches(['"', '”', ')']);
                text = format!("\"{inner}\" the mayor said.");
            }
            text
        })
}

/// A title line: capitalized words without a final mark.
fn title() -> impl Strategy<Value = String> {
    prop::collection::vec(select(WORDS), 2..9).prop_map(|words| {
        words
            .iter()
            .map(|w| capitalize(w))
            .collect::<Vec<_>>()
            .join(" ")
    })
}

/// An article: maybe a title, maybe a byline, then sentences drawn (with
/// repeats) from a small pool, some as list items or Markdown headings,
/// joined by spaces, line and paragraph breaks; sometimes hard-wrapped.
fn article() -> impl Strategy<Value = String> {
    (
        prop::option::of(title()),
        any::<bool>(),
        prop::collection::vec(sentence(), 1..8),
        prop::collection::vec((any::<Index>(), select(GAPS), select(MARKERS)), 1..24),
        prop::option::weighted(0.25, 30usize..80),
    )
        .prop_map(|(title, byline, pool, picks, wrap_at)| {
            let mut text = String::new();
            if let Some(title) = title {
                text.push_str(&title);
                text.push_str("\n\n");
            }
            if byline {
                text.push_str("By Jane Doe\n\n");
            }
            for (pick, gap, marker) in picks {
                if text.is_empty() || text.ends_with('\n') {
                    text.push_str(marker);
                }
                text.push_str(&pool[pick.index(pool.len())]);
                text.push_str(gap);
            }
            match wrap_at {
                Some(width) => hard_wrap(&text, width),
                None => text,
            }
        })
}

/// Breaks each line longer than `width` at spaces, as mail and old news
/// feeds do.
fn hard_wrap(text: &str, width: usize) -> String {
    let mut out = String::new();
    for line in text.split_inclusive('\n') {
        let mut column = 0;
        for (i, word) in line.split(' ').enumerate() {
            if i > 0 {
                if column + 1 + word.len() > width {
                    out.push('\n');
                    column = 0;
                } else {
                    out.push(' ');
                    column += 1;
                }
            }
            out.push_str(word);
            column += word.len();
        }
    }
    out
}

/// Random fragments run together.
fn fragments() -> impl Strategy<Value = String> {
    prop::collection::vec(select(FRAGMENTS), 0..64).prop_map(|parts| parts.concat())
}

/// Hostile pieces, with now and then any character at all.
fn hostile_text() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        6 => select(HOSTILE).prop_map(str::to_string),
        1 => any::<char>().prop_map(String::from),
        1 => Just(" ".to_string()),
    ];
    prop::collection::vec(piece, 0..96).prop_map(|parts| parts.concat())
}

/// Bytes that are mostly text, with invalid UTF-8 mixed in (lone
/// surrogates, overlong forms, stray continuation and lead bytes, NUL), made
/// a `String` the lossy way.
fn lossy_text() -> impl Strategy<Value = String> {
    const INVALID: &[&[u8]] = &[
        b"\xed\xa0\x80",
        b"\xed\xbf\xbf",
        b"\xc0\x80",
        b"\xe0\x80\xaf",
        b"\x80",
        b"\xbf",
        b"\xc3",
        b"\xf4\x90\x80\x80",
        b"\xff",
        b"\xfe",
        b"\x00",
    ];
    let piece = prop_oneof![
        3 => select(WORDS).prop_map(|w| w.as_bytes().to_vec()),
        2 => select(ENDS).prop_map(|e| e.as_bytes().to_vec()),
        2 => select(GAPS).prop_map(|g| g.as_bytes().to_vec()),
        2 => select(INVALID).prop_map(<[u8]>::to_vec),
        1 => prop::collection::vec(any::<u8>(), 1..8),
    ];
    prop::collection::vec(piece, 0..64)
        .prop_map(|parts| String::from_utf8_lossy(&parts.concat()).into_owned())
}

/// Checks the text and JSON outputs of a summary of `text`: text output
/// is one line per sentence (and the headline and a blank line) with no
/// control character; `write_raw` differs from it only in the control
/// characters and no bidi control left open; JSON output is one line that
/// parses back to the same sentences and spans.
fn check_outputs(text: &str, summary: &Summary) -> Result<(), TestCaseError> {
    let mut plain = Vec::new();
    output::text::write(&mut plain, summary).expect("writing to a Vec");
    let plain = String::from_utf8(plain).expect("text output is UTF-8");
    prop_assert!(
        !plain.chars().any(|c| c.is_control() && c != '\n'),
        "a control character in {:?}",
        plain
    );
    let headline_lines = if summary.headline.text.is_empty() {
        0
    } else {
        2
    };
    prop_assert_eq!(
        plain.lines().count(),
        headline_lines + summary.sentences.len(),
        "one line each: {:?}",
        plain
    );

    let mut raw = Vec::new();
    output::text::write_raw(&mut raw, summary).expect("writing to a Vec");
    let raw = String::from_utf8(raw).expect("raw output is UTF-8");
    let without_controls: String = raw
        .chars()
        .filter(|&c| !c.is_control() || c == '\n')
        .collect();
    // Text output also drops the bidi controls that a line leaves open;
    // apart from them, it is the raw output without control characters.
    prop_assert_eq!(without_bidi(&without_controls), without_bidi(&plain));
    for line in plain.lines() {
        prop_assert!(bidi_closed(line), "an open bidi control in {:?}", line);
    }

    let mut json = Vec::new();
    output::json::write(&mut json, "-", summary).expect("writing to a Vec");
    let json = String::from_utf8(json).expect("JSON output is UTF-8");
    prop_assert_eq!(json.lines().count(), 1, "one line: {:?}", json);
    prop_assert!(
        !json.trim_end().chars().any(|c| c < ' '),
        "raw C0 in {:?}",
        json
    );
    let value: serde_json::Value = serde_json::from_str(&json).expect("valid JSON");
    prop_assert_eq!(
        value["headline"].as_str(),
        Some(summary.headline.text.as_str())
    );
    let sentences = value["summary"].as_array().expect("a summary array");
    prop_assert_eq!(sentences.len(), summary.sentences.len());
    for (got, want) in sentences.iter().zip(&summary.sentences) {
        let (start, end) = (got["start"].as_u64(), got["end"].as_u64());
        prop_assert_eq!(
            (start, end),
            (Some(want.start as u64), Some(want.end as u64))
        );
        prop_assert_eq!(got["text"].as_str(), text.get(want.start..want.end));
    }
    Ok(())
}

/// [`check`], and [`check_outputs`] on the summary of `length`.
fn check_with_outputs(text: &str, length: Length, lines: bool) -> Result<(), TestCaseError> {
    check(text, length, lines)?;
    if let Ok(summary) = common::summarizer(length, lines).summarize(text) {
        check_outputs(text, &summary)?;
    }
    Ok(())
}

/// The same sentence to a reader: the same words (Unicode word boundaries,
/// as lede splits words), with case, spacing and punctuation ignored.
/// Dropping every non-alphanumeric instead would also merge different words:
/// "Σ 1." and "Σ1.", or "Word the." and "Word'the.".
fn same_sentence_key(text: &str) -> String {
    let words: Vec<String> = text
        .unicode_words()
        .map(|word| word.chars().flat_map(char::to_lowercase).collect())
        .collect();
    words.join(" ")
}

/// Checks the invariants of one summary of `text`.
fn check_summary(text: &str, summary: &Summary) -> Result<(), TestCaseError> {
    prop_assert!(!summary.headline.text.contains('\n'));
    // The converse (an empty headline says `None`) fails: see
    // `an_empty_built_headline_says_none` below.
    if summary.headline.source == HeadlineSource::None {
        prop_assert_eq!(summary.headline.text.as_str(), "");
    }
    prop_assert!(summary.sentences.len() <= summary.unit_count);
    for (i, s) in summary.sentences.iter().enumerate() {
        prop_assert!(s.start < s.end, "empty span {:?}", s);
        prop_assert!(
            text.is_char_boundary(s.start) && text.is_char_boundary(s.end),
            "span {}..{} splits a character",
            s.start,
            s.end
        );
        prop_assert_eq!(&text[s.start..s.end], s.text.as_str());
        prop_assert!(s.score.score.is_finite(), "score of {:?}", s);
        prop_assert!((0.0..=1.0).contains(&s.score.tfidf), "tfidf of {:?}", s);
        prop_assert!(
            (0.0..=1.0).contains(&s.score.position),
            "position of {:?}",
            s
        );
        if let Some(next) = summary.sentences.get(i + 1) {
            prop_assert!(s.index < next.index, "order: {:?} then {:?}", s, next);
            prop_assert!(s.end <= next.start, "overlap: {:?} and {:?}", s, next);
        }
        for other in &summary.sentences[i + 1..] {
            prop_assert_ne!(
                same_sentence_key(&s.text),
                same_sentence_key(&other.text),
                "{:?} and {:?} say the same",
                &s.text,
                &other.text
            );
        }
    }
    Ok(())
}

/// Summarizes `text` with `length` (and `--lines` when `lines`) and checks
/// every invariant, against the summary that takes every candidate.
fn check(text: &str, length: Length, lines: bool) -> Result<(), TestCaseError> {
    let everything = common::summarizer(Length::Sentences(usize::MAX), lines).summarize(text);
    let summarizer = common::summarizer(length, lines);
    let got = summarizer.summarize(text);
    let (got, everything) = match (got, everything) {
        (Ok(got), Ok(everything)) => (got, everything),
        (got, everything) => {
            // Whether a text can be summarized does not depend on the length.
            prop_assert_eq!(got.err(), everything.err());
            return Ok(());
        }
    };
    check_summary(text, &got)?;
    check_summary(text, &everything)?;

    let candidates = everything.sentences.len();
    prop_assert_eq!(
        candidates,
        got.unit_count - got.boilerplate_removed,
        "every unique unit that is not furniture is a candidate"
    );
    match length {
        Length::Sentences(n) => prop_assert_eq!(got.sentences.len(), n.min(candidates)),
        Length::Ratio(r) => {
            let want = ((r * candidates as f64).round() as usize).clamp(1, candidates.max(1));
            prop_assert_eq!(got.sentences.len(), want.min(candidates), "ratio {}", r);
        }
        Length::Words(budget) => {
            let words: usize = got.sentences.iter().map(|s| s.word_count()).sum();
            prop_assert!(
                words <= budget || got.sentences.len() == 1,
                "{} words in {} sentences for a budget of {}",
                words,
                got.sentences.len(),
                budget
            );
            prop_assert_eq!(got.sentences.is_empty(), candidates == 0);
        }
    }

    prop_assert_eq!(
        &summarizer.summarize(text).ok(),
        &Some(got.clone()),
        "run twice"
    );
    prop_assert_eq!(
        &Summarizer::new(summarizer.options().clone())
            .expect("valid options")
            .summarize(text)
            .ok(),
        &Some(got),
        "a second summarizer"
    );
    Ok(())
}

fn length() -> impl Strategy<Value = Length> {
    prop_oneof![
        3 => (1usize..10).prop_map(Length::Sentences),
        1 => (0.01f64..=1.0).prop_map(Length::Ratio),
        1 => (1usize..200).prop_map(Length::Words),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(192))]

    #[test]
    fn article_like_texts(text in article(), length in length()) {
        check(&text, length, false)?;
    }

    #[test]
    fn fragments_of_many_scripts(text in fragments(), length in length(), lines: bool) {
        check(&text, length, lines)?;
    }

    #[test]
    fn arbitrary_unicode(text in any::<String>(), n in 1usize..6, lines: bool) {
        check_with_outputs(&text, Length::Sentences(n), lines)?;
    }

    #[test]
    fn hostile_unicode(text in hostile_text(), length in length(), lines: bool) {
        check_with_outputs(&text, length, lines)?;
    }

    #[test]
    fn lossy_decoded_bytes(text in lossy_text(), length in length(), lines: bool) {
        check_with_outputs(&text, length, lines)?;
    }

    #[test]
    fn crlf_line_ends_change_nothing_but_offsets(text in article()) {
        let lf = text.replace("\r\n", "\n");
        let crlf = lf.replace('\n', "\r\n");
        let summarizer = summarizer(Length::Sentences(5));
        let (lf, crlf) = (summarizer.summarize(&lf), summarizer.summarize(&crlf));
        match (lf, crlf) {
            (Ok(lf), Ok(crlf)) => {
                prop_assert_eq!(&lf.headline, &crlf.headline);
                let texts = |s: &Summary| -> Vec<String> {
                    s.sentences.iter().map(|s| s.text.replace("\r\n", "\n")).collect()
                };
                prop_assert_eq!(texts(&lf), texts(&crlf));
            }
            (lf, crlf) => prop_assert_eq!(lf.err(), crlf.err()),
        }
    }
}

/// Texts that once broke an invariant, or nearly did.
#[test]
fn known_hard_texts_keep_every_invariant() {
    let texts = [
        "Σ 1. Σ1. B.",
        "Word'the. Word the.",
        "U.S. President Donald Trump spoke. The U.S. economy grew.",
        "\u{feff}Title Line\r\n\r\nFirst sentence here. Second one!\r\n",
        "e\u{301}te\u{301}. E\u{301}TE\u{301}! 日本語。日本語。",
        "# Heading\n\n- One item.\n- Two items.\n1. Three.\n",
        "By Jane Doe\n\nUpdated 5 min ago\n\nIt rained.",
        "(It was.)",
        "\"Why?\" she asked. \"Because.\"",
    ];
    for text in texts {
        for length in [Length::Sentences(1), Length::Ratio(0.5), Length::Words(3)] {
            if let Err(e) = check(text, length, false) {
                panic!("input: {text:?}, {length:?}: {e}");
            }
        }
    }
}

/// A lead sentence that holds only stop words after a dash once built an
/// empty headline whose source still said `lead`.
#[test]
fn an_empty_built_headline_says_none() {
    for text in ["— It was.", ".## No."] {
        let summary = summarizer(Length::Sentences(1))
            .summarize(text)
            .expect("a summary");
        assert!(
            !summary.headline.text.is_empty() || summary.headline.source == HeadlineSource::None,
            "input: {text:?} gave {:?}",
            summary.headline
        );
    }
}

/// The bidirectional embeddings, overrides, isolates and their pops.
fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

fn without_bidi(text: &str) -> String {
    text.chars().filter(|&c| !is_bidi_control(c)).collect()
}

/// Whether every embedding, override and isolate that `line` opens is
/// closed on it (an isolate's pop also closes what was opened inside it).
fn bidi_closed(line: &str) -> bool {
    let mut open: Vec<bool> = Vec::new();
    for c in line.chars() {
        match c {
            '\u{202A}' | '\u{202B}' | '\u{202D}' | '\u{202E}' => open.push(false),
            '\u{2066}'..='\u{2068}' => open.push(true),
            '\u{202C}' if open.last() == Some(&false) => {
                open.pop();
            }
            '\u{2069}' => {
                if let Some(at) = open.iter().rposition(|&isolate| isolate) {
                    open.truncate(at);
                }
            }
            _ => {}
        }
    }
    open.is_empty()
}
