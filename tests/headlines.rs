//! Headlines as an editor reads them (issue 19).
//!
//! - English: a table of lead sentences (`data/headlines/en-leads.tsv`) with
//!   the headline each must give, or the wrong one it gives today and must
//!   stop giving; every headline also ends on a word that is not a stop
//!   word, holds one sentence and has at most [`MAX_WORDS`] words.
//! - Eleven languages: a short article with a title in each
//!   (`data/headlines/articles/`). With its title line the headline is the
//!   title exactly; without it, the built headline is whole words of the
//!   lead, ends on no stop word, holds one sentence, and in Chinese and
//!   Japanese ends at clause punctuation within 30 characters.
//!
//! The library only: no feature beyond the default ones is needed.

use std::collections::BTreeSet;
use std::fs;
use std::path::{Path, PathBuf};

use lede::headline::{build_from_sentence, MAX_WORDS};
use lede::text::segment::Segmenter;
use lede::text::tokenize::Tokenizer;
use lede::{HeadlineSource, Language, Options, Summarizer};

fn data_path(relative: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data/headlines")
        .join(relative)
}

/// Punctuation that may follow or precede a word, or close a headline.
const PUNCTUATION: &[char] = &[
    '.', ',', ';', ':', '!', '?', '"', '\'', '(', ')', '[', ']', '-', '–', '—', '…', '%', '“', '”',
    '‘', '’', '«', '»', '،', '؛', '؟', '।', '。', '，', '、', '；', '：', '！', '？', '．', '「',
    '」', '『', '』', '（', '）',
];

/// Clause punctuation of Chinese and Japanese: a headline in those languages
/// ends before one of these, or at the end of its sentence.
const CJK_CLAUSE_ENDS: &[char] = &[
    '，', '、', '；', '：', '。', '！', '？', '．', ',', ';', ':', '.', '!', '?', '「', '」', '（',
    '）',
];

fn is_cjk(language: Language) -> bool {
    matches!(language, Language::Chinese | Language::Japanese)
}

/// The last word of a headline, lower case, without the punctuation around it.
fn last_word(headline: &str) -> String {
    headline
        .split_whitespace()
        .next_back()
        .unwrap_or("")
        .trim_matches(PUNCTUATION)
        .to_lowercase()
}

/// English particles of phrasal verbs.
const PARTICLES: &[&str] = &["off", "up", "out", "down", "away", "back", "over"];

/// What is wrong with `headline` whatever its language: empty, ending on a
/// stop word (in a language written with spaces), or holding more than one
/// sentence. Each problem is a short name and a message.
fn general_problems(
    headline: &str,
    language: Language,
    tokenizer: &Tokenizer,
    segmenter: &Segmenter,
) -> Vec<(&'static str, String)> {
    let mut problems = Vec::new();
    if headline.trim().is_empty() {
        problems.push(("empty", "no headline".to_string()));
        return problems;
    }
    // Chinese and Japanese have no spaces to find a last word by: their
    // headlines are checked to end at clause punctuation instead.
    if !is_cjk(language) {
        let last = last_word(headline);
        // A phrasal verb's particle may end a headline: "Strike called off"
        // (dropping it would reverse the meaning).
        let particle = PARTICLES.contains(&last.as_str()) && language == Language::English;
        if tokenizer.is_stop_word(&last) && !particle {
            problems.push(("stop-word", format!("ends on the stop word {last:?}")));
        }
    }
    let units = segmenter.split(headline);
    if units.len() != 1 {
        let texts: Vec<&str> = units.iter().map(|u| u.text(headline)).collect();
        problems.push(("sentences", format!("{} sentences: {texts:?}", units.len())));
    }
    problems
}

// ---------------------------------------------------------------------------
// English lead sentences
// ---------------------------------------------------------------------------

#[derive(Debug, PartialEq)]
enum Expect {
    /// The headline is exactly this.
    Must,
    /// The headline is no longer this (a wrong headline given today).
    MustNot,
}

#[derive(Debug)]
struct LeadCase {
    line: usize,
    sentence: String,
    headline: String,
    expect: Expect,
    /// What is wrong with a `must-not` headline.
    note: String,
}

fn lead_cases() -> Vec<LeadCase> {
    let path = data_path("en-leads.tsv");
    let text = fs::read_to_string(&path).expect("tests/data/headlines/en-leads.tsv");
    let mut cases = Vec::new();
    for (at, line) in text.lines().enumerate() {
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        let fields: Vec<&str> = line.split('\t').collect();
        assert!(
            (3..=4).contains(&fields.len()),
            "en-leads.tsv:{}: want sentence, headline, must|must-not [, note]: {line:?}",
            at + 1
        );
        let expect = match fields[2] {
            "must" => Expect::Must,
            "must-not" => Expect::MustNot,
            other => panic!("en-leads.tsv:{}: unknown kind {other:?}", at + 1),
        };
        let note = fields.get(3).unwrap_or(&"").to_string();
        assert!(
            expect == Expect::Must || !note.is_empty(),
            "en-leads.tsv:{}: a must-not line says what is wrong",
            at + 1
        );
        cases.push(LeadCase {
            line: at + 1,
            sentence: fields[0].to_string(),
            headline: fields[1].to_string(),
            expect,
            note,
        });
    }
    cases
}

#[test]
fn the_lead_table_has_over_a_hundred_distinct_sentences() {
    let cases = lead_cases();
    let distinct: BTreeSet<&str> = cases.iter().map(|c| c.sentence.as_str()).collect();
    assert_eq!(
        distinct.len(),
        cases.len(),
        "a sentence is in the table twice"
    );
    assert!(cases.len() >= 100, "{} cases", cases.len());
}

/// Builds the headline of every lead of the table; `check` adds a failure
/// message for a case and its headline, if any.
fn check_leads(check: impl Fn(&LeadCase, &str) -> Option<String>) {
    let tokenizer = Tokenizer::new(Language::English);
    let mut failures = Vec::new();
    for case in lead_cases() {
        let got = build_from_sentence(&case.sentence, &tokenizer, Language::English);
        if let Some(failure) = check(&case, &got) {
            failures.push(format!(
                "en-leads.tsv:{} {:?}\n    got {got:?}\n    {failure}",
                case.line, case.sentence
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "{} failures:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn english_leads_give_the_must_headlines() {
    check_leads(|case, got| {
        (case.expect == Expect::Must && got != case.headline)
            .then(|| format!("want {:?}", case.headline))
    });
}

/// The `must-not` lines are today's wrong headlines (issue 19 bugs): this
/// test fails until they are fixed. `cargo test --test headlines --
/// --ignored` lists them.
#[test]
#[ignore = "known wrong headlines (the must-not lines of en-leads.tsv): run with --ignored"]
fn english_leads_no_longer_give_the_must_not_headlines() {
    check_leads(|case, got| {
        (case.expect == Expect::MustNot && got == case.headline)
            .then(|| format!("which is wrong: {}", case.note))
    });
}

#[test]
fn every_english_headline_ends_on_a_content_word_in_one_short_sentence() {
    let tokenizer = Tokenizer::new(Language::English);
    let segmenter = Segmenter::new(Language::English);
    check_leads(|_, got| {
        let mut problems: Vec<String> =
            general_problems(got, Language::English, &tokenizer, &segmenter)
                .into_iter()
                .map(|(_, problem)| problem)
                .collect();
        let words = got.split_whitespace().count();
        if words > MAX_WORDS {
            problems.push(format!("{words} words, more than {MAX_WORDS}"));
        }
        (!problems.is_empty()).then(|| problems.join("; "))
    });
}

// ---------------------------------------------------------------------------
// Articles with titles in eleven languages
// ---------------------------------------------------------------------------

/// An article of `data/headlines/articles/`: its title line, a blank line,
/// then its body. The file's name starts with the language's code.
struct Article {
    name: String,
    language: Language,
    title: String,
    body: String,
}

fn articles() -> Vec<Article> {
    let mut paths: Vec<PathBuf> = fs::read_dir(data_path("articles"))
        .expect("tests/data/headlines/articles")
        .map(|entry| entry.expect("a directory entry").path())
        .filter(|path| path.extension().is_some_and(|e| e == "txt"))
        .collect();
    paths.sort();
    paths
        .iter()
        .map(|path| {
            let name = path.file_stem().unwrap().to_string_lossy().into_owned();
            let code = name.split('-').next().unwrap();
            let language = Language::from_tag(code).unwrap_or_else(|| panic!("{name}: language"));
            let text = fs::read_to_string(path).expect("an article");
            let (title, body) = text.split_once("\n\n").expect("a title line, a blank line");
            Article {
                name,
                language,
                title: title.trim().to_string(),
                body: body.trim().to_string(),
            }
        })
        .collect()
}

fn summarizer(language: Language) -> Summarizer {
    Summarizer::new(Options {
        language: language.into(),
        ..Options::default()
    })
    .expect("valid options")
}

/// What is wrong with `headline`, built from `body` (which has no title
/// line): besides [`general_problems`], a headline that is not whole words
/// of the text, or (Chinese, Japanese) that does not end at clause
/// punctuation or is longer than 30 characters.
fn built_problems(headline: &str, body: &str, language: Language) -> Vec<(&'static str, String)> {
    let tokenizer = Tokenizer::new(language);
    let segmenter = Segmenter::new(language);
    let mut problems = general_problems(headline, language, &tokenizer, &segmenter);
    if headline.is_empty() {
        return problems;
    }
    let text = body.split_whitespace().collect::<Vec<_>>().join(" ");
    // The builder may capitalize the first letter of a clause.
    let found = text
        .match_indices(headline)
        .next()
        .map(|(at, _)| at)
        .or_else(|| {
            let mut chars = headline.chars();
            let first = chars.next()?;
            let rest = chars.as_str();
            text.match_indices(rest)
                .map(|(at, _)| at)
                .find(|&at| {
                    text[..at]
                        .chars()
                        .next_back()
                        .is_some_and(|c| c.to_uppercase().eq(first.to_uppercase()))
                })
                .map(|at| at - text[..at].chars().next_back().map_or(0, char::len_utf8))
        });
    let Some(start) = found else {
        problems.push(("words", "not a span of the text".to_string()));
        return problems;
    };
    let before = text[..start].chars().next_back();
    let after = text[start + headline.len()..].chars().next();
    let word_edge =
        |c: Option<char>| c.is_none_or(|c| c.is_whitespace() || PUNCTUATION.contains(&c));
    if !word_edge(before) {
        problems.push(("words", format!("starts inside a word (after {before:?})")));
    }
    if is_cjk(language) {
        let clause_end =
            |c: Option<char>| c.is_none_or(|c| c.is_whitespace() || CJK_CLAUSE_ENDS.contains(&c));
        if !clause_end(after) {
            problems.push(("clause", format!("ends inside a clause (before {after:?})")));
        }
        let chars = headline.chars().count();
        if chars > 30 {
            problems.push(("length", format!("{chars} characters")));
        }
    } else if !word_edge(after) {
        problems.push(("words", format!("ends inside a word (before {after:?})")));
    }
    problems
}

/// Known bugs (issue 19): (article, check) pairs that fail today. The test
/// fails on any other failure, and on a pair that no longer fails (remove
/// it from this list then).
const KNOWN_BUGS: &[(&str, &str)] = &[
    // A title line written without spaces counts as one word, and a title
    // needs two: Chinese and Japanese titles are never taken.
    ("ja", "title"),
    ("ja-long", "title"),
    ("zh", "title"),
    ("zh-long", "title"),
    // A first clause longer than 30 characters without clause punctuation
    // is cut at 30 characters, inside a word.
    ("ja-long", "clause"),
    ("zh-long", "clause"),
];

#[test]
fn articles_in_eleven_languages_keep_their_title_or_build_a_clean_headline() {
    let articles = articles();
    let languages: BTreeSet<&str> = articles.iter().map(|a| a.language.code()).collect();
    for code in ["zh", "ja", "hi", "ar", "ru", "de", "fr", "es", "it", "pt"] {
        assert!(languages.contains(code), "no article in {code}");
    }
    assert!(languages.len() >= 10, "{languages:?}");

    let mut failures: Vec<(String, &'static str, String)> = Vec::new();
    for article in &articles {
        let summarizer = summarizer(article.language);
        let sentences = article.body.matches(['.', '。', '।']).count();
        assert!(
            (4..=8).contains(&sentences),
            "{}: {sentences} sentences",
            article.name
        );

        let with_title = format!("{}\n\n{}\n", article.title, article.body);
        let got = summarizer
            .summarize(&with_title)
            .expect("a summary")
            .headline;
        if (got.text.as_str(), got.source) != (article.title.as_str(), HeadlineSource::Title) {
            let message = format!("want the title {:?}, got {got:?}", article.title);
            failures.push((article.name.clone(), "title", message));
        }

        let got = summarizer
            .summarize(&article.body)
            .expect("a summary")
            .headline;
        if got.source != HeadlineSource::Lead {
            failures.push((article.name.clone(), "source", format!("{got:?}")));
        }
        for (check, problem) in built_problems(&got.text, &article.body, article.language) {
            failures.push((
                article.name.clone(),
                check,
                format!("{:?}: {problem}", got.text),
            ));
        }
    }

    let failed: BTreeSet<(&str, &str)> =
        failures.iter().map(|(n, c, _)| (n.as_str(), *c)).collect();
    let unexpected: Vec<String> = failures
        .iter()
        .filter(|(name, check, _)| !KNOWN_BUGS.contains(&(name.as_str(), *check)))
        .map(|(name, check, message)| format!("{name} [{check}]: {message}"))
        .collect();
    let fixed: Vec<&(&str, &str)> = KNOWN_BUGS
        .iter()
        .filter(|bug| !failed.contains(bug))
        .collect();
    assert!(
        unexpected.is_empty() && fixed.is_empty(),
        "failures:\n{}\nknown bugs that no longer fail (remove them from KNOWN_BUGS): {fixed:?}",
        unexpected.join("\n")
    );
}

/// Issue 19's shape: a Chinese paragraph whose last sentence has no final
/// 。 is still split into its sentences, and is not taken as a title.
#[test]
fn a_chinese_paragraph_without_its_last_full_stop_is_split_into_sentences() {
    let paragraph = "暴雨导致多条高速公路临时封闭，交通部门提醒司机注意安全。 \
                     气象台预计未来三天仍有强降雨。 部分航班已经取消或延误。 \
                     救援人员正在山区转移受困村民\n";
    let units = Segmenter::new(Language::Chinese).split(paragraph);
    assert_eq!(units.len(), 4, "{units:?}");

    let summary = summarizer(Language::Chinese)
        .summarize(paragraph)
        .expect("a summary");
    assert_eq!(summary.unit_count, 4);
    let headline = summary.headline;
    assert_eq!(headline.source, HeadlineSource::Lead, "{headline:?}");
    assert_ne!(headline.text, paragraph.trim());
    assert!(!headline.text.contains('。'), "{headline:?}");
    let problems = built_problems(&headline.text, paragraph, Language::Chinese);
    assert!(problems.is_empty(), "{headline:?}: {problems:?}");
    // The same without the spaces between sentences.
    let unspaced: String = paragraph.chars().filter(|&c| c != ' ').collect();
    assert_eq!(Segmenter::new(Language::Chinese).split(&unspaced).len(), 4);
}

/// The checks above find what they look for: a cut inside a word, a stop
/// word at the end, two sentences, a Chinese cut inside a clause or past 30
/// characters.
#[test]
fn the_checks_catch_broken_headlines() {
    let german = "Die Bahn nannte den Streik unverhältnismäßig. Sie kündigte Schritte an.";
    let french = "Un violent incendie s'est déclaré mardi soir dans une usine chimique.";
    let chinese = "国家统计局今天发布的最新数据显示今年前三个季度全国居民人均可支配收入实际增长。";
    let cases = [
        ("Die Bahn nannte den Str", german, Language::German, "words"),
        ("Die Bahn nannte den", german, Language::German, "stop-word"),
        (german, german, Language::German, "sentences"),
        (
            "Un violent incendie s'est déclaré mardi soir dans une",
            french,
            Language::French,
            "stop-word",
        ),
        ("Pompiers mobilisés", french, Language::French, "words"),
        (
            "国家统计局今天发布的最新数据",
            chinese,
            Language::Chinese,
            "clause",
        ),
        (
            chinese.trim_end_matches('。'),
            chinese,
            Language::Chinese,
            "length",
        ),
    ];
    for (headline, text, language, want) in cases {
        let problems = built_problems(headline, text, language);
        assert!(
            problems.iter().any(|(check, _)| *check == want),
            "{headline:?}: want {want}, got {problems:?}"
        );
    }
    let fine = built_problems(
        "Die Bahn nannte den Streik unverhältnismäßig",
        german,
        Language::German,
    );
    assert!(fine.is_empty(), "{fine:?}");
}
