//! Splits texts into sentences and nothing else: the harness behind the
//! "splitter speed" table of docs/BENCHMARKS.md (instruction counts of
//! `split_all` under callgrind, or `perf stat -e instructions`).
//!
//! Usage: `split_only [ROUNDS] [FILE]...`: each FILE is a text, or JSON
//! Lines records with a "text" field when its name ends in `.jsonl`; with
//! no FILE, the corpus/ articles. Every text is split ROUNDS times (1 by
//! default) with the English segmenter; prints the unit count.

use std::hint::black_box;
use std::path::PathBuf;

use lede::text::segment::Segmenter;
use lede::Language;

fn texts(args: &[String]) -> Vec<String> {
    let mut paths: Vec<PathBuf> = args.iter().map(PathBuf::from).collect();
    if paths.is_empty() {
        let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("corpus");
        paths = std::fs::read_dir(&dir)
            .expect("corpus/ is readable")
            .map(|entry| entry.expect("corpus/ entry").path())
            .filter(|path| path.extension().is_some_and(|e| e == "txt"))
            .collect();
        paths.sort();
    }
    let mut texts = Vec::new();
    for path in paths {
        let content = std::fs::read_to_string(&path).expect("a readable UTF-8 file");
        if path.extension().is_some_and(|e| e == "jsonl") {
            for line in content.lines().filter(|l| !l.trim().is_empty()) {
                let record: serde_json::Value = serde_json::from_str(line).expect("a JSON record");
                let text = record["text"].as_str().expect("a \"text\" field");
                texts.push(text.to_owned());
            }
        } else {
            texts.push(content);
        }
    }
    texts
}

/// The measured part: callgrind's `--toggle-collect=*split_all*` counts
/// only this.
#[inline(never)]
fn split_all(segmenter: &Segmenter, texts: &[String], rounds: usize) -> usize {
    let mut units = 0;
    for _ in 0..rounds {
        for text in texts {
            units += segmenter.split(black_box(text)).len();
        }
    }
    units
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (rounds, files) = match args.first().and_then(|a| a.parse::<usize>().ok()) {
        Some(rounds) => (rounds, &args[1..]),
        None => (1, &args[..]),
    };
    let texts = texts(files);
    let segmenter = Segmenter::new(Language::English);
    let start = std::time::Instant::now();
    let units = split_all(&segmenter, &texts, rounds);
    let elapsed = start.elapsed();
    let bytes: usize = texts.iter().map(String::len).sum::<usize>() * rounds;
    println!(
        "{} texts, {} bytes x {rounds}: {units} units in {:.1} ms ({:.1} MB/s)",
        texts.len(),
        bytes / rounds.max(1),
        elapsed.as_secs_f64() * 1e3,
        bytes as f64 / elapsed.as_secs_f64() / 1e6
    );
}
