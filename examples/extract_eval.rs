//! How well is the article taken out of web pages? Scores an extractor on
//! folders that each hold a page (`source.html`), the article's text
//! (`expected.html`, its tags dropped) and optionally its metadata
//! (`expected-metadata.json` with a `title`), as in `../shared/eval/html/`.
//!
//! ```text
//! cargo run --release --example extract_eval -- ../shared/eval/html
//! cargo run --release --example extract_eval -- ../shared/eval/html --extractor all --pages
//! ```
//!
//! The score is the one public article-extraction benchmarks use: the
//! text's `\w+` tokens in 4-grams (shingles); per page, the true positives
//! (shingles in both, counted with multiplicity), false positives and false
//! negatives, divided by their sum so that every page weighs the same;
//! precision averaged over the pages with some text out, recall over those
//! with some text expected, and the F1 of those two averages (as
//! `evaluate.py` of github.com/scrapinghub/article-extraction-benchmark
//! computes it). Besides: how often the title equals the expected one
//! (white space joined), and the slowest page.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::{Duration, Instant};

use regex::Regex;

/// Tokens per shingle.
const SHINGLE: usize = 4;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Extractor {
    /// `lede::html::extract`: what lede summarizes.
    Lede,
    /// rs-trafilatura's `content_text` and metadata title, as they are.
    Trafilatura,
    /// dom_smoothie's (Readability's) `text_content` and title.
    Smoothie,
}

impl Extractor {
    const ALL: [Extractor; 3] = [Extractor::Lede, Extractor::Trafilatura, Extractor::Smoothie];

    fn name(self) -> &'static str {
        match self {
            Extractor::Lede => "lede",
            Extractor::Trafilatura => "rs-trafilatura",
            Extractor::Smoothie => "dom_smoothie",
        }
    }

    /// The page's title and article text, or why there is none.
    fn run(self, html: &str) -> Result<(Option<String>, String), String> {
        match self {
            Extractor::Lede => lede::html::extract(html)
                .map(|page| (page.title, page.text))
                .map_err(|e| e.to_string()),
            Extractor::Trafilatura => rs_trafilatura::extract(html)
                .map(|r| (r.metadata.title, r.content_text))
                .map_err(|e| e.to_string()),
            Extractor::Smoothie => dom_smoothie::Readability::new(html, None, None)
                .and_then(|mut r| r.parse())
                .map(|a| (Some(a.title), a.text_content.to_string()))
                .map_err(|e| e.to_string()),
        }
    }
}

/// One page's shingle counts, normalised by their sum.
#[derive(Debug, Clone, Copy, Default)]
struct Counts {
    tp: f64,
    fp: f64,
    fn_: f64,
}

impl Counts {
    fn precision(self) -> f64 {
        self.share_right(self.fp)
    }

    fn recall(self) -> f64 {
        self.share_right(self.fn_)
    }

    /// `tp / (tp + wrong)`; 1 for a perfect page (nothing extra, nothing
    /// missed), 0 for one with no shingle right.
    fn share_right(self, wrong: f64) -> f64 {
        if self.fp == 0.0 && self.fn_ == 0.0 {
            1.0
        } else if self.tp == 0.0 {
            0.0
        } else {
            self.tp / (self.tp + wrong)
        }
    }
}

fn shingles(tokens: &Regex, text: &str) -> HashMap<String, usize> {
    let words: Vec<&str> = tokens.find_iter(text).map(|m| m.as_str()).collect();
    let mut counts = HashMap::new();
    if words.is_empty() {
        return counts;
    }
    // A text shorter than a shingle is one shingle of all its tokens.
    for i in 0..words.len().saturating_sub(SHINGLE - 1).max(1) {
        let end = (i + SHINGLE).min(words.len());
        *counts.entry(words[i..end].join(" ")).or_insert(0) += 1;
    }
    counts
}

fn compare(tokens: &Regex, expected: &str, got: &str) -> Counts {
    let want = shingles(tokens, expected);
    let have = shingles(tokens, got);
    let mut c = Counts::default();
    for (key, &w) in &want {
        let h = have.get(key).copied().unwrap_or(0);
        c.tp += w.min(h) as f64;
        c.fn_ += w.saturating_sub(h) as f64;
    }
    for (key, &h) in &have {
        c.fp += h.saturating_sub(want.get(key).copied().unwrap_or(0)) as f64;
    }
    let sum = c.tp + c.fp + c.fn_;
    if sum > 0.0 {
        c.tp /= sum;
        c.fp /= sum;
        c.fn_ /= sum;
    }
    c
}

/// The text of an HTML fragment: its text nodes, outside scripts and
/// styles, joined by spaces (so that blocks do not run together).
fn html_text(html: &str) -> String {
    let doc = dom_query::Document::from(html);
    doc.select("script, style, noscript").remove();
    let mut parts = Vec::new();
    for node in doc.root().descendants() {
        if node.is_text() {
            parts.push(node.text().to_string());
        }
    }
    parts.join(" ")
}

fn same_title(a: &str, b: &str) -> bool {
    a.split_whitespace().eq(b.split_whitespace())
}

struct Case {
    name: String,
    source: String,
    expected: String,
    title: Option<String>,
}

fn load(dir: &Path) -> Result<Vec<Case>, String> {
    let mut folders: Vec<PathBuf> = std::fs::read_dir(dir)
        .map_err(|e| format!("{}: {e}", dir.display()))?
        .filter_map(|entry| entry.ok().map(|e| e.path()))
        .filter(|path| path.join("source.html").is_file() && path.join("expected.html").is_file())
        .collect();
    folders.sort();
    let mut cases = Vec::new();
    for folder in folders {
        let read = |name: &str| {
            std::fs::read(folder.join(name))
                .map_err(|e| format!("{}/{name}: {e}", folder.display()))
        };
        let source = lede::html::decode(&read("source.html")?);
        let expected = html_text(&String::from_utf8_lossy(&read("expected.html")?));
        let title = read("expected-metadata.json")
            .ok()
            .and_then(|bytes| serde_json::from_slice::<serde_json::Value>(&bytes).ok())
            .and_then(|meta| {
                meta.get("title")
                    .and_then(|t| t.as_str())
                    .map(str::to_string)
            })
            .filter(|t| !t.trim().is_empty());
        let name = folder
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        cases.push(Case {
            name,
            source,
            expected,
            title,
        });
    }
    if cases.is_empty() {
        return Err(format!(
            "{}: no folders with source.html and expected.html",
            dir.display()
        ));
    }
    Ok(cases)
}

fn main() -> ExitCode {
    let mut dir = None;
    let mut extractors = vec![Extractor::Lede];
    let mut show_pages = false;
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--pages" => show_pages = true,
            "--extractor" => {
                extractors = match args.next().as_deref() {
                    Some("all") => Extractor::ALL.to_vec(),
                    Some(name) => match Extractor::ALL.iter().find(|e| e.name() == name) {
                        Some(&e) => vec![e],
                        None => {
                            eprintln!("extract_eval: unknown extractor {name:?} (lede, rs-trafilatura, dom_smoothie, all)");
                            return ExitCode::from(2);
                        }
                    },
                    None => {
                        eprintln!("extract_eval: --extractor needs a name");
                        return ExitCode::from(2);
                    }
                }
            }
            _ => dir = Some(PathBuf::from(arg)),
        }
    }
    let Some(dir) = dir else {
        eprintln!(
            "usage: extract_eval DIR [--extractor lede|rs-trafilatura|dom_smoothie|all] [--pages]"
        );
        return ExitCode::from(2);
    };
    let cases = match load(&dir) {
        Ok(cases) => cases,
        Err(e) => {
            eprintln!("extract_eval: {e}");
            return ExitCode::FAILURE;
        }
    };
    let tokens = Regex::new(r"\w+").expect("a valid pattern");
    println!("{} pages in {}", cases.len(), dir.display());
    println!("extractor        precision  recall     F1  titles equal  failed  slowest page");
    for extractor in extractors {
        let (mut precisions, mut recalls) = (Vec::new(), Vec::new());
        let (mut titled, mut titles_equal, mut failed) = (0, 0, 0);
        let mut slowest = (Duration::ZERO, String::new());
        let mut total = Duration::ZERO;
        for case in &cases {
            let start = Instant::now();
            let result = extractor.run(&case.source);
            let took = start.elapsed();
            total += took;
            if took > slowest.0 {
                slowest = (took, case.name.clone());
            }
            let (title, text) = result.unwrap_or_else(|_| {
                failed += 1;
                (None, String::new())
            });
            let c = compare(&tokens, &case.expected, &text);
            let (p, r) = (c.precision(), c.recall());
            // A page with no text out has no precision, one with none
            // expected no recall: they are left out of that average.
            if c.tp + c.fp > 0.0 {
                precisions.push(p);
            }
            if c.tp + c.fn_ > 0.0 {
                recalls.push(r);
            }
            if let Some(want) = &case.title {
                titled += 1;
                let equal = title.as_deref().is_some_and(|t| same_title(t, want));
                titles_equal += usize::from(equal);
                if show_pages && !equal {
                    println!("  title {}: {title:?} != {want:?}", case.name);
                }
            }
            if show_pages {
                println!(
                    "  {:<40} P {p:.3} R {r:.3} {:>6.1} ms",
                    case.name,
                    took.as_secs_f64() * 1e3
                );
            }
        }
        let n = cases.len() as f64;
        let mean = |v: &[f64]| v.iter().sum::<f64>() / v.len().max(1) as f64;
        let (p, r) = (mean(&precisions), mean(&recalls));
        let f1 = if p + r > 0.0 {
            2.0 * p * r / (p + r)
        } else {
            0.0
        };
        println!(
            "{:<16} {p:>9.3} {r:>7.3} {f1:>6.3}  {titles_equal:>4}/{titled:<4} {:>5.1}%  {failed:>6}  {:.0} ms ({}); {:.1} pages/s",
            extractor.name(),
            100.0 * titles_equal as f64 / titled.max(1) as f64,
            slowest.0.as_secs_f64() * 1e3,
            slowest.1,
            n / total.as_secs_f64().max(1e-9),
        );
    }
    ExitCode::SUCCESS
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shingles_count_overlap_with_multiplicity() {
        let tokens = Regex::new(r"\w+").expect("a valid pattern");
        let same = compare(&tokens, "a b c d e", "a, b; c d e!");
        assert_eq!((same.tp, same.fp, same.fn_), (1.0, 0.0, 0.0));
        let half = compare(&tokens, "a b c d e", "a b c d");
        assert_eq!((half.tp, half.fp, half.fn_), (0.5, 0.0, 0.5));
        let short = compare(&tokens, "one two", "one two");
        assert_eq!(short.tp, 1.0);
        let none = compare(&tokens, "", "");
        assert_eq!((none.tp, none.fp, none.fn_), (0.0, 0.0, 0.0));
    }
}
