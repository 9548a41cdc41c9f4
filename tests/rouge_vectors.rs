//! Does `lede::rouge` give the scores Google's `rouge-score` 0.1.2 gives? Checked
//! against that package's output for 308 candidate/reference pairs in
//! `shared/eval/rouge-vectors.jsonl`, with stemming off and on.

use std::fs;
use std::path::PathBuf;

use lede::rouge::{Rouge, Score};
use serde::Deserialize;

/// The vectors print six decimals, so exact agreement shows as differences up to
/// 5e-7; 1e-6 leaves room for that rounding and nothing else.
const NOSTEM_TOLERANCE: f64 = 1e-6;

/// The agreed bound for stemmed scores: mean |ΔF1| in ROUGE points (F1 × 100),
/// loose enough for a different Porter variant, though this one agrees exactly.
const STEM_MEAN_F1_POINTS: f64 = 0.5;

#[derive(Deserialize)]
struct Vector {
    candidate: String,
    reference: String,
    stem: Metrics,
    nostem: Metrics,
}

#[derive(Deserialize)]
struct Metrics {
    rouge1: Prf,
    rouge2: Prf,
    #[serde(rename = "rougeL")]
    rouge_l: Prf,
    #[serde(rename = "rougeLsum")]
    rouge_lsum: Prf,
}

#[derive(Deserialize)]
struct Prf {
    p: f64,
    r: f64,
    f: f64,
}

/// One compared value: where it comes from, what rouge-score said, what we say.
struct Compared {
    case: String,
    /// `p`, `r` or `f`.
    part: &'static str,
    want: f64,
    got: f64,
}

impl Compared {
    fn diff(&self) -> f64 {
        (self.want - self.got).abs()
    }
}

/// The vectors, or `None` when the shared data is not laid out beside the crate.
fn load() -> Option<Vec<Vector>> {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/eval/rouge-vectors.jsonl");
    let Ok(text) = fs::read_to_string(&path) else {
        println!("skipped: {} not found", path.display());
        return None;
    };
    let vectors = text
        .lines()
        .enumerate()
        .filter(|(_, line)| !line.trim().is_empty())
        .map(|(i, line)| {
            serde_json::from_str(line)
                .unwrap_or_else(|e| panic!("{}:{}: {e}", path.display(), i + 1))
        })
        .collect();
    Some(vectors)
}

/// Every p, r and f of every metric, for one stemming mode.
fn compare(vectors: &[Vector], stem: bool) -> Vec<Compared> {
    let rouge = Rouge::new(stem);
    let mut out = Vec::new();
    for (i, v) in vectors.iter().enumerate() {
        let want = if stem { &v.stem } else { &v.nostem };
        let metrics: [(&str, &Prf, Score); 4] = [
            (
                "rouge1",
                &want.rouge1,
                rouge.rouge_n(&v.candidate, &v.reference, 1),
            ),
            (
                "rouge2",
                &want.rouge2,
                rouge.rouge_n(&v.candidate, &v.reference, 2),
            ),
            (
                "rougeL",
                &want.rouge_l,
                rouge.rouge_l(&v.candidate, &v.reference),
            ),
            (
                "rougeLsum",
                &want.rouge_lsum,
                rouge.rouge_lsum(&v.candidate, &v.reference),
            ),
        ];
        for (name, want, got) in metrics {
            for (part, want, got) in [
                ("p", want.p, got.precision),
                ("r", want.r, got.recall),
                ("f", want.f, got.f1),
            ] {
                out.push(Compared {
                    case: format!("line {} {name}.{part}, stem {stem}", i + 1),
                    part,
                    want,
                    got,
                });
            }
        }
    }
    out
}

fn max_diff(compared: &[Compared]) -> f64 {
    compared.iter().map(Compared::diff).fold(0.0, f64::max)
}

fn mean_diff(compared: &[Compared]) -> f64 {
    compared.iter().map(Compared::diff).sum::<f64>() / compared.len().max(1) as f64
}

#[test]
fn unstemmed_scores_match_rouge_score() {
    let Some(vectors) = load() else { return };
    let compared = compare(&vectors, false);
    println!(
        "nostem: {} values, max |diff| {:.2e}, mean |diff| {:.2e}",
        compared.len(),
        max_diff(&compared),
        mean_diff(&compared)
    );
    let misses: Vec<String> = compared
        .iter()
        .filter(|c| c.diff() > NOSTEM_TOLERANCE)
        .map(|c| format!("{}: want {}, got {}", c.case, c.want, c.got))
        .collect();
    assert!(
        misses.is_empty(),
        "{} of {} values differ by more than {NOSTEM_TOLERANCE}:\n{}",
        misses.len(),
        compared.len(),
        misses.join("\n")
    );
}

#[test]
fn stemmed_f1_agrees_with_rouge_score() {
    let Some(vectors) = load() else { return };
    let compared = compare(&vectors, true);
    println!(
        "stem: {} values, max |diff| {:.2e}, mean |diff| {:.2e}",
        compared.len(),
        max_diff(&compared),
        mean_diff(&compared)
    );
    let f1: Vec<Compared> = compared
        .into_iter()
        .filter(|c| c.part == "f")
        .map(|c| Compared {
            want: c.want * 100.0,
            got: c.got * 100.0,
            ..c
        })
        .collect();
    let mean = mean_diff(&f1);
    let worst = f1
        .iter()
        .max_by(|a, b| a.diff().total_cmp(&b.diff()))
        .map(|c| format!("{}: want {:.6}, got {:.6}", c.case, c.want, c.got))
        .unwrap_or_default();
    println!(
        "stem: {} F1 values, mean |diff| {mean:.2e} points, max |diff| {:.2e} points ({worst})",
        f1.len(),
        max_diff(&f1)
    );
    assert!(
        mean < STEM_MEAN_F1_POINTS,
        "mean |F1 diff| {mean} points is over {STEM_MEAN_F1_POINTS}; worst: {worst}"
    );
}
