//! Every language lede supports: each `corpus/languages/lang-<code>-*.txt` article is
//! detected as its language and summarized with its reference sentences and
//! headline, a given `--lang` gives the same summary, and the JSON says which
//! language was used, how it was chosen and what resources it had.

mod common;

use std::fs;
use std::path::Path;

use lede::language::{detect, LanguageChoice, LanguageSource};
use lede::{Language, Options, Summarizer};
use serde::Deserialize;

use common::lede;

/// A corpus reference (`NN-slug.ref.json`); `features` is not checked here.
#[derive(Debug, Deserialize)]
struct Reference {
    headline: String,
    summary_sentences: Vec<String>,
}

/// The multilingual articles: (language, file stem, text, reference), by
/// file name.
fn articles() -> Vec<(Language, String, String, Reference)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus/languages");
    let mut names: Vec<String> = fs::read_dir(&dir)
        .expect("corpus/languages/ exists")
        .map(|entry| entry.expect("corpus entry").file_name())
        .map(|name| name.to_string_lossy().into_owned())
        .filter(|name| name.starts_with("lang-") && name.ends_with(".txt"))
        .collect();
    names.sort();
    names
        .into_iter()
        .map(|name| {
            let stem = name.trim_end_matches(".txt").to_string();
            let code = stem.split('-').nth(1).expect("lang-<code>-<slug>");
            let language = code.parse().unwrap_or_else(|e| panic!("{name}: {e}"));
            let text = fs::read_to_string(dir.join(&name)).expect("article");
            let json = fs::read_to_string(dir.join(format!("{stem}.ref.json"))).expect("reference");
            let reference = serde_json::from_str(&json).unwrap_or_else(|e| panic!("{stem}: {e}"));
            (language, stem, text, reference)
        })
        .collect()
}

#[test]
fn every_supported_language_has_an_article() {
    let covered: Vec<Language> = articles().iter().map(|a| a.0).collect();
    for language in Language::all() {
        assert!(
            covered.contains(&language),
            "no corpus/languages/lang-{}-*.txt",
            language.code()
        );
    }
}

#[test]
fn each_article_is_detected_and_summarized_as_its_reference() {
    let summarizer = Summarizer::new(Options::default()).expect("default options");
    for (language, stem, text, reference) in articles() {
        let summary = summarizer
            .summarize(&text)
            .unwrap_or_else(|e| panic!("{stem}: {e}"));
        assert_eq!(
            (summary.language, summary.language_source),
            (language, LanguageSource::Detected),
            "{stem}"
        );
        assert_eq!(summary.headline.text, reference.headline, "{stem}");
        let got: Vec<&str> = summary.sentences.iter().map(|s| s.text.as_str()).collect();
        assert_eq!(got, reference.summary_sentences, "{stem}");
    }
}

#[test]
fn a_given_language_gives_the_same_summary_as_detection() {
    let auto = Summarizer::new(Options::default()).expect("default options");
    for (language, stem, text, _) in articles() {
        let given = Summarizer::new(Options {
            language: LanguageChoice::Fixed(language),
            ..Options::default()
        })
        .expect("valid options");
        let (a, g) = (auto.summarize(&text), given.summarize(&text));
        let (a, g) = (a.expect("summary"), g.expect("summary"));
        assert_eq!(g.language_source, LanguageSource::Given, "{stem}");
        assert_eq!(a.sentences, g.sentences, "{stem}");
        assert_eq!(a.headline, g.headline, "{stem}");
    }
}

/// The JSON fields about the language, from `lede --json ARGS` with `stdin`.
fn language_fields(args: &[&str], stdin: &str) -> (String, String, bool, bool, usize) {
    let output = lede()
        .arg("--json")
        .args(args)
        .write_stdin(stdin)
        .output()
        .expect("lede runs");
    assert!(output.status.success(), "{args:?}: {output:?}");
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).expect("JSON");
    let text = |key: &str| json[key].as_str().expect(key).to_string();
    let flag = |key: &str| json[key].as_bool().expect(key);
    let count = json["summary"].as_array().expect("summary").len();
    (
        text("language"),
        text("language_source"),
        flag("stemmer"),
        flag("stop_words"),
        count,
    )
}

#[test]
fn json_says_which_language_and_resources_were_used() {
    let chinese = fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus/languages/lang-zh-gaotie-kaitong.txt"),
    )
    .expect("article");
    let korean = "시의회가 화요일 내년 예산안을 통과시켰다. 예산은 작년보다 5% 늘었다. \
                  시장은 학교와 도로에 더 많은 돈을 쓰겠다고 말했다.";
    // (arguments, input, (language, language_source, stemmer, stop_words))
    type Case<'a> = (&'a [&'a str], &'a str, (&'a str, &'a str, bool, bool));
    let cases: &[Case] = &[
        (&[], &chinese, ("zh", "detected", false, true)),
        (&["--lang", "zh"], &chinese, ("zh", "given", false, true)),
        (
            &["--lang", "Chinese"],
            &chinese,
            ("zh", "given", false, true),
        ),
        // Korean has no stop words or stemmer here: summarized all the same.
        (&[], korean, ("und", "default", false, false)),
        (&["--lang", "und"], korean, ("und", "given", false, false)),
        (&[], "Go on. Stop.", ("en", "default", true, true)),
        (
            &["--lang", "auto"],
            "Go on. Stop.",
            ("en", "default", true, true),
        ),
    ];
    for (args, stdin, (code, source, stemmer, stop_words)) in cases {
        let (got_code, got_source, got_stemmer, got_stop_words, sentences) =
            language_fields(args, stdin);
        assert_eq!(
            (
                got_code.as_str(),
                got_source.as_str(),
                got_stemmer,
                got_stop_words
            ),
            (*code, *source, *stemmer, *stop_words),
            "{args:?} on {stdin:.20}"
        );
        assert!(sentences > 0, "{args:?}");
    }
}

/// Detection accuracy on the articles, whole and paragraph by paragraph
/// (docs/GUIDE.md's table; `cargo test --test languages -- --nocapture`
/// prints it). Every article and every paragraph is detected: whatlang alone
/// was unsure of 9 of the 102 paragraphs, one to three sentences each, and
/// fell back to English; the function words settle them.
#[test]
fn detection_accuracy_on_the_articles() {
    let mut whole = 0;
    let (mut paragraphs, mut right) = (0, 0);
    let articles = articles();
    for (language, stem, text, _) in &articles {
        whole += usize::from(detect(text).0 == *language);
        // The title line is the first paragraph; the body's paragraphs follow.
        let body: Vec<&str> = text
            .split("\n\n")
            .skip(1)
            .filter(|p| !p.trim().is_empty())
            .collect();
        let hits = body.iter().filter(|p| detect(p).0 == *language).count();
        println!("{}\t{stem}\t{hits}/{}", language.code(), body.len());
        paragraphs += body.len();
        right += hits;
    }
    println!("whole articles {whole}/{}", articles.len());
    println!("paragraphs {right}/{paragraphs}");
    assert_eq!(whole, articles.len(), "every article is detected");
    assert_eq!(right, paragraphs, "every paragraph is detected");
}
