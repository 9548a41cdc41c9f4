//! Summaries that tell the news: three sentences give three facts (one
//! deck at most, none the lead repeats), and a feature's summary holds the
//! sentence that states its news, with at most one sentence of its
//! anecdotal opening.

mod common;

use std::fs;

use common::{corpus_files, lede, manifest_path};

/// Runs `lede --json -n 3 PATH` and returns the summary's sentences, white
/// space collapsed, with their kinds.
fn three_sentences(path: &str) -> Vec<(String, String)> {
    let output = lede()
        .args(["--json", "-n", "3", path])
        .output()
        .expect("lede runs");
    assert!(output.status.success(), "lede failed on {path}");
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).expect("JSON output");
    let sentences = json["summary"].as_array().expect("a summary array");
    sentences
        .iter()
        .map(|s| {
            let text = s["text"].as_str().expect("text");
            let kind = s["kind"].as_str().expect("kind");
            (one_line(text), kind.to_string())
        })
        .collect()
}

fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Which of `facts` (a name and the phrases only its sentences hold) each
/// sentence states; a sentence that states none is named "none".
fn facts_of<'f>(sentences: &[(String, String)], facts: &[(&'f str, &[&str])]) -> Vec<&'f str> {
    sentences
        .iter()
        .map(|(text, _)| {
            facts
                .iter()
                .find(|(_, phrases)| phrases.iter().any(|p| text.contains(p)))
                .map_or("none", |(name, _)| *name)
        })
        .collect()
}

fn assert_three_facts(path: &str, facts: &[(&str, &[&str])]) {
    let sentences = three_sentences(path);
    assert_eq!(sentences.len(), 3, "{sentences:#?}");
    let got = facts_of(&sentences, facts);
    let mut distinct = got.clone();
    distinct.sort_unstable();
    distinct.dedup();
    assert_eq!(distinct.len(), 3, "{got:?} in {sentences:#?}");
    assert!(!got.contains(&"none"), "{got:?} in {sentences:#?}");
    let decks = sentences.iter().filter(|(_, kind)| kind == "deck").count();
    assert!(decks <= 1, "{sentences:#?}");
}

#[test]
fn a_standfirst_a_subtitle_and_a_lead_give_one_fact_not_three() {
    // Our own article, laid out like a scraped page: a standfirst before the
    // title, the title again, a subtitle, then the body.
    assert_three_facts(
        "tests/data/deck-article.txt",
        &[
            (
                "reopening",
                &[
                    "return next month",
                    "will reopen in June",
                    "would reopen on 3 June",
                ],
            ),
            ("fares", &["fare"]),
            ("trials", &["sea trials"]),
            ("water taxi", &["water taxi", "school"]),
            ("trade", &["trade had fallen", "day visitors"]),
            ("subsidy", &["subsidy"]),
        ],
    );
}

#[test]
fn the_seed_article_gives_three_facts() {
    let path = "../shared/seed-article.txt";
    if fs::metadata(manifest_path(path)).is_err() {
        eprintln!("skipped: {path} is not readable here");
        return;
    }
    assert_three_facts(
        path,
        &[
            (
                "talks announced",
                &[
                    "new peace talks are set",
                    "announces upcoming negotiations",
                    "new round of peace talks",
                ],
            ),
            ("sanctions", &["Trump"]),
            ("prisoner exchange", &["Umerov"]),
            ("toll of the war", &["vital step"]),
            ("earlier rounds", &["previous round", "Moscow has not"]),
            ("Kremlin", &["diametrically", "drone and missile"]),
            ("hopes", &["international community"]),
        ],
    );
}

/// The corpus articles that open on a scene, with the first sentence of
/// their reference summary: the sentence that states the news.
fn anecdotal_articles() -> Vec<(String, String)> {
    corpus_files()
        .into_iter()
        .filter_map(|txt| {
            let reference = txt.replace(".txt", ".ref.json");
            let json = fs::read_to_string(manifest_path(&reference)).ok()?;
            let json: serde_json::Value = serde_json::from_str(&json).expect("reference JSON");
            let anecdotal = json["features"]
                .as_array()
                .is_some_and(|f| f.iter().any(|f| f == "anecdotal-lead"));
            let news = json["summary_sentences"][0].as_str()?.to_string();
            anecdotal.then_some((txt, news))
        })
        .collect()
}

#[test]
fn features_give_their_news_and_at_most_one_scene_sentence() {
    let articles = anecdotal_articles();
    assert_eq!(articles.len(), 9, "{articles:?}");
    for (path, news) in articles {
        let text = one_line(&fs::read_to_string(manifest_path(&path)).expect("article"));
        let news = one_line(&news);
        let news_at = text.find(&news).expect("the news sentence is in the text");
        let sentences = three_sentences(&path);
        assert!(
            sentences.iter().any(|(s, _)| *s == news),
            "{path}: no news sentence in {sentences:#?}"
        );
        // The sentences before the news are the opening's scene.
        let scene = sentences
            .iter()
            .filter(|(s, _)| text.find(s.as_str()).is_some_and(|at| at < news_at))
            .count();
        assert!(
            scene <= 1,
            "{path}: {scene} scene sentences in {sentences:#?}"
        );
    }
}

#[test]
fn a_hard_news_lead_stays_first() {
    // Our own article: a lead and a second paragraph without a source, an
    // institution or a number, but in the tense of news ("has been
    // jailed"), then a court sentence with all of them. The lead keeps the
    // first place and the top position score.
    let path = "tests/data/hard-news-article.txt";
    let output = lede()
        .args(["--json", "-n", "3", path])
        .output()
        .expect("lede runs");
    assert!(output.status.success());
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).expect("JSON output");
    let text = fs::read_to_string(manifest_path(path)).expect("article");
    let lead = text.lines().next().expect("a first line");
    let first = &json["summary"][0];
    assert_eq!(first["text"].as_str(), Some(lead), "{json}");
    assert_eq!(first["position"].as_f64(), Some(1.0), "{json}");
}
