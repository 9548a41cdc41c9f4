//! Trains a part-of-speech model for `lede::tagger` from CoNLL-U treebanks
//! and measures it on held-out sentences:
//!
//! ```sh
//! cargo run --release --example train_tagger -- \
//!     --train ../shared/ud/en/en_ewt-ud-train.conllu \
//!     --test ../shared/ud/en/en_ewt-ud-test.conllu --out data/tagger/en.bin
//! ```
//!
//! `--passes N` and `--prune W` change the training settings.

use std::path::PathBuf;
use std::process::ExitCode;

use lede::tagger::train::{accuracy, read_conllu, train, Settings};

fn main() -> ExitCode {
    let mut train_files = Vec::new();
    let mut test_files = Vec::new();
    let mut out: Option<PathBuf> = None;
    let mut settings = Settings::default();
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        let value = args.next();
        let parsed = match (arg.as_str(), value) {
            ("--train", Some(v)) => {
                train_files.push(PathBuf::from(v));
                true
            }
            ("--test", Some(v)) => {
                test_files.push(PathBuf::from(v));
                true
            }
            ("--out", Some(v)) => {
                out = Some(PathBuf::from(v));
                true
            }
            ("--passes", Some(v)) => v.parse().map(|n| settings.passes = n).is_ok(),
            ("--prune", Some(v)) => v.parse().map(|n| settings.prune_below = n).is_ok(),
            _ => false,
        };
        if !parsed {
            eprintln!("usage: train_tagger --train FILE... [--test FILE...] [--out MODEL] [--passes N] [--prune W]");
            return ExitCode::from(2);
        }
    }
    let read = |files: &[PathBuf]| {
        let mut sentences = Vec::new();
        for file in files {
            match std::fs::read_to_string(file) {
                Ok(text) => sentences.extend(read_conllu(&text)),
                Err(e) => {
                    eprintln!("train_tagger: {}: {e}", file.display());
                    return None;
                }
            }
        }
        Some(sentences)
    };
    let (Some(training), Some(testing)) = (read(&train_files), read(&test_files)) else {
        return ExitCode::from(1);
    };
    let start = std::time::Instant::now();
    let model = train(&training, settings);
    println!(
        "trained on {} sentences in {:.1} s: {} tags, {} features",
        training.len(),
        start.elapsed().as_secs_f64(),
        model.tags().len(),
        model.feature_count()
    );
    for (name, sentences) in [("training", &training), ("held out", &testing)] {
        if sentences.is_empty() {
            continue;
        }
        let start = std::time::Instant::now();
        let a = accuracy(&model, sentences);
        println!(
            "{name}: {} words, tags {:.2}%, parts of speech {:.2}% ({:.0} words/s)",
            a.words,
            100.0 * a.tags,
            100.0 * a.upos,
            a.words as f64 / start.elapsed().as_secs_f64()
        );
    }
    if let Some(out) = out {
        let bytes = model.to_bytes();
        if let Err(e) = std::fs::write(&out, &bytes) {
            eprintln!("train_tagger: {}: {e}", out.display());
            return ExitCode::from(1);
        }
        println!("wrote {} ({} bytes)", out.display(), bytes.len());
    }
    ExitCode::SUCCESS
}
