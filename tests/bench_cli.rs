//! `lede bench`: the report's structure on the sample corpus and the shared
//! eval set, and its errors.

mod common;

use std::path::{Path, PathBuf};

use serde::Deserialize;

use common::lede;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Report {
    files: Vec<File>,
    overall: Option<serde_json::Value>,
    peak_memory_bytes: Option<u64>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    path: String,
    articles: usize,
    bytes: usize,
    k: String,
    problems: Vec<String>,
    failed: usize,
    speed: Speed,
    summary: Option<Quality>,
    headline: Option<Quality>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Speed {
    passes: usize,
    articles_per_second: f64,
    mb_per_second: f64,
    total_ms: f64,
    stages: Vec<Stage>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Stage {
    stage: String,
    ms: f64,
    percent: f64,
}

/// Summary or headline quality: the rows hold ROUGE F1 x100 by metric name.
#[derive(Debug, Deserialize)]
struct Quality {
    articles: usize,
    lede: std::collections::BTreeMap<String, f64>,
    #[serde(alias = "first_words")]
    lead: std::collections::BTreeMap<String, f64>,
}

#[test]
fn corpus_report_in_json_has_speed_and_both_quality_tables() {
    let output = lede()
        .args(["bench", "corpus/", "--passes", "1", "--format", "json"])
        .output()
        .expect("runs");
    assert!(output.status.success(), "{output:?}");
    let report: Report = serde_json::from_slice(&output.stdout).expect("the report's JSON");

    let corpus_articles = std::fs::read_dir(Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus"))
        .expect("corpus/")
        .filter(|e| {
            e.as_ref()
                .is_ok_and(|e| e.path().extension().is_some_and(|x| x == "txt"))
        })
        .count();
    assert_eq!(report.files.len(), 1);
    assert!(report.overall.is_none(), "one path has no overall row");
    if cfg!(target_os = "linux") {
        assert!(report.peak_memory_bytes.is_some_and(|b| b > 0));
    }
    let file = &report.files[0];
    assert_eq!(file.path, "corpus/");
    assert_eq!((file.articles, file.k.as_str()), (corpus_articles, "ref"));
    assert!(file.bytes > 0 && file.problems.is_empty() && file.failed == 0);

    let speed = &file.speed;
    assert_eq!(speed.passes, 1);
    assert!(speed.articles_per_second > 0.0 && speed.mb_per_second > 0.0 && speed.total_ms > 0.0);
    let stages: Vec<&str> = speed.stages.iter().map(|s| s.stage.as_str()).collect();
    assert_eq!(
        stages,
        ["read", "segment", "dedup", "terms", "score", "select", "headline", "format", "other"]
    );
    assert!(speed.stages.iter().all(|s| s.ms >= 0.0 && s.percent >= 0.0));
    // The "other" row makes the rows add up to the total (to rounding).
    let sum: f64 = speed.stages.iter().map(|s| s.ms).sum();
    assert!(
        sum >= speed.total_ms - 0.01,
        "{sum} ms of {} ms",
        speed.total_ms
    );

    for (name, quality, metrics) in [
        (
            "summary",
            &file.summary,
            &["rouge1", "rouge2", "rouge_lsum"][..],
        ),
        ("headline", &file.headline, &["rouge1", "rouge_l"][..]),
    ] {
        let quality = quality.as_ref().unwrap_or_else(|| panic!("{name} quality"));
        assert_eq!(quality.articles, corpus_articles, "{name}");
        for row in [&quality.lede, &quality.lead] {
            let keys: Vec<&str> = row.keys().map(String::as_str).collect();
            let mut want = metrics.to_vec();
            want.sort_unstable();
            assert_eq!(keys, want, "{name}");
            assert!(
                row.values().all(|v| (0.0..=100.0).contains(v)),
                "{name}: {row:?}"
            );
        }
    }
}

#[test]
fn cnndm_dev_prints_the_summary_table_without_titles() {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/eval/cnndm-dev.jsonl");
    if !path.exists() {
        eprintln!("skipped: {} is not there", path.display());
        return;
    }
    let output = lede()
        .args(["bench", "--passes", "1"])
        .arg(&path)
        .output()
        .expect("runs");
    assert!(output.status.success(), "{output:?}");
    let text = String::from_utf8(output.stdout).expect("UTF-8");
    for want in [
        ": 100 articles, ",
        "k = ref",
        "    total ",
        "summary ROUGE F1 x100 (100 articles with a reference)",
        "    lede ",
        "    Lead-k ",
        "peak memory: ",
    ] {
        assert!(text.contains(want), "missing {want:?} in:\n{text}");
    }
    assert!(
        !text.contains("headline ROUGE"),
        "cnndm has no titles:\n{text}"
    );
}

#[test]
fn a_missing_path_is_one_line_naming_it() {
    let output = lede()
        .args(["bench", "corpus/", "no-such-set.jsonl"])
        .output()
        .expect("runs");
    assert_eq!(output.status.code(), Some(1));
    assert!(output.stdout.is_empty(), "nothing is measured first");
    let stderr = String::from_utf8(output.stderr).expect("UTF-8");
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    assert!(
        stderr.starts_with("lede: no-such-set.jsonl: cannot read: "),
        "{stderr}"
    );
}

#[test]
fn bad_records_are_reported_and_skipped() {
    let dir = tempfile::tempdir().expect("tempdir");
    let set = dir.path().join("set.jsonl");
    std::fs::write(
        &set,
        "{\"id\": \"a\", \"text\": \"Rain fell all day. Rivers rose.\", \"summary\": \"Rain fell.\"}\n{oops\n",
    )
    .expect("write");
    let output = lede()
        .args(["bench", "--passes", "1", "--k", "1"])
        .arg(&set)
        .output()
        .expect("runs");
    assert_eq!(output.status.code(), Some(1), "{output:?}");
    let stdout = String::from_utf8(output.stdout).expect("UTF-8");
    assert!(
        stdout.contains(": 1 article, 0.000 MB, k = 1, 1 bad record\n"),
        "{stdout}"
    );
    let stderr = String::from_utf8(output.stderr).expect("UTF-8");
    assert!(
        stderr.starts_with(&format!("lede: {}:2: bad record: ", set.display())),
        "{stderr}"
    );
}

#[test]
fn nothing_measured_is_a_failure() {
    let dir = tempfile::tempdir().expect("tempdir");
    let vectors = dir.path().join("vectors.jsonl");
    std::fs::write(&vectors, "{\"reference\": \"a\", \"candidate\": \"b\"}\n").expect("write");
    let output = lede()
        .args(["bench", "--passes", "1"])
        .arg(&vectors)
        .output()
        .expect("runs");
    assert_eq!(output.status.code(), Some(1), "{output:?}");
    let stdout = String::from_utf8(output.stdout).expect("UTF-8");
    assert!(
        stdout.contains(": skipped: "),
        "the report says why: {stdout}"
    );
    let stderr = String::from_utf8(output.stderr).expect("UTF-8");
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    assert!(stderr.starts_with("lede: nothing measured"), "{stderr}");
}

#[test]
fn k_must_be_a_count_or_ref() {
    lede().args(["bench", "--k", "0"]).assert().code(2);
}

#[test]
fn an_unknown_signal_to_leave_out_is_a_one_line_error() {
    let output = lede()
        .args(["bench", "--without", "decks,position", "corpus/"])
        .output()
        .expect("runs");
    assert_eq!(output.status.code(), Some(2), "{output:?}");
    assert!(output.stdout.is_empty(), "{output:?}");
    let stderr = String::from_utf8(output.stderr).expect("UTF-8");
    assert!(
        stderr
            .lines()
            .next()
            .is_some_and(|line| line.contains("unknown signal 'position'")),
        "{stderr}"
    );
}
