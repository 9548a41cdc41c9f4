//! How long does each stage (segmentation, duplicate removal, terms,
//! scoring, the headline) take on each `corpus/` article, how many bytes per
//! second does the whole pipeline summarize, and does the time per megabyte
//! stay flat from 10 KB to 100 MB?
//!
//! Segmentation, duplicate removal and terms are run alone; scoring and the
//! headline need every stage before them, so they are timed by the
//! pipeline's own stage clock (`Summarizer::summarize_timed`), as `lede
//! bench` times every stage. `cargo bench -- scaling` runs the last question
//! alone; it also writes its inputs to `target/scaling/`, to time the
//! command line and measure its peak memory on.

use std::hint::black_box;
use std::path::PathBuf;
use std::time::Duration;

use criterion::measurement::WallTime;
use criterion::{
    criterion_group, criterion_main, BenchmarkGroup, BenchmarkId, Criterion, SamplingMode,
    Throughput,
};
use lede::dedup::{Dedup, DEFAULT_THRESHOLD};
use lede::language::LanguageChoice;
use lede::text::segment::{Segmenter, Unit};
use lede::text::tokenize::Tokenizer;
use lede::{Language, Options, StageTimings, Summarizer};

/// The corpus articles as (file stem, text), sorted by name.
fn corpus() -> Vec<(String, String)> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("corpus");
    let mut paths: Vec<PathBuf> = std::fs::read_dir(&dir)
        .expect("corpus/ is readable")
        .map(|entry| entry.expect("corpus/ entry").path())
        .filter(|path| path.extension().is_some_and(|e| e == "txt"))
        .collect();
    paths.sort();
    assert!(!paths.is_empty(), "corpus/ has .txt articles");
    paths
        .into_iter()
        .map(|path| {
            let name = path
                .file_stem()
                .expect("a .txt file has a stem")
                .to_string_lossy()
                .into_owned();
            let text = std::fs::read_to_string(&path).expect("corpus article is UTF-8");
            (name, text)
        })
        .collect()
}

/// Per-article stages take microseconds, so one second per article gives
/// tight intervals while 22 articles x 3 stages finish in about two minutes.
fn per_article<'c>(c: &'c mut Criterion, stage: &str) -> BenchmarkGroup<'c, WallTime> {
    let mut group = c.benchmark_group(stage);
    group
        .sample_size(20)
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(1));
    group
}

fn segment(c: &mut Criterion) {
    let segmenter = Segmenter::new(Language::English);
    let mut group = per_article(c, "segment");
    for (name, text) in corpus() {
        group.throughput(Throughput::Bytes(text.len() as u64));
        group.bench_with_input(BenchmarkId::from_parameter(&name), &text, |b, text| {
            b.iter(|| {
                let units = segmenter.split(black_box(text));
                assert!(!units.is_empty());
                units
            })
        });
    }
    group.finish();
}

/// Word hashes and duplicate detection, as `Summarizer::summarize_timed`
/// times them: each unit's words looked up in the lexicon, their hashes
/// pushed to the detector. The tokenizer's word table is warm after the
/// first iteration, as it is over a corpus.
fn dedup(c: &mut Criterion) {
    let segmenter = Segmenter::new(Language::English);
    let tokenizer = Tokenizer::new(Language::English);
    let mut group = per_article(c, "dedup");
    for (name, text) in corpus() {
        let units = segmenter.split(&text);
        group.throughput(Throughput::Bytes(text.len() as u64));
        group.bench_with_input(BenchmarkId::from_parameter(&name), &units, |b, units| {
            b.iter(|| {
                let mut lexicon = tokenizer.lexicon();
                let mut dedup = Dedup::new(DEFAULT_THRESHOLD);
                let (mut ids, mut hashes) = (Vec::new(), Vec::new());
                let kept = units
                    .iter()
                    .filter(|unit: &&Unit| {
                        ids.clear();
                        lexicon.word_ids(black_box(unit.text(&text)), &mut ids);
                        hashes.clear();
                        hashes.extend(ids.iter().map(|&id| lexicon.hash(id)));
                        dedup.push(&hashes).is_none()
                    })
                    .count();
                assert!(kept > 0);
                kept
            })
        });
    }
    group.finish();
}

/// Units to term ids: words, stems, then dense document term ids.
fn terms(c: &mut Criterion) {
    let segmenter = Segmenter::new(Language::English);
    let tokenizer = Tokenizer::new(Language::English);
    let mut group = per_article(c, "terms");
    for (name, text) in corpus() {
        let units = segmenter.split(&text);
        group.throughput(Throughput::Bytes(text.len() as u64));
        group.bench_with_input(BenchmarkId::from_parameter(&name), &units, |b, units| {
            b.iter(|| {
                let mut lexicon = tokenizer.lexicon();
                let mut ids = Vec::new();
                let mut terms = Vec::new();
                for unit in units {
                    ids.clear();
                    lexicon.word_ids(black_box(unit.text(&text)), &mut ids);
                    for &id in &ids {
                        if let Some(stem) = lexicon.stem(id) {
                            terms.push(lexicon.term(stem));
                        }
                    }
                }
                assert!(lexicon.term_count() > 0);
                terms
            })
        });
    }
    group.finish();
}

/// One stage of the whole pipeline, as its clock times it: criterion is
/// handed the time `summarize_timed` adds to that stage, not the whole run.
fn pipeline_stage(c: &mut Criterion, name: &str, stage: fn(&StageTimings) -> Duration) {
    let summarizer = Summarizer::new(Options {
        language: LanguageChoice::Fixed(Language::English),
        ..Options::default()
    })
    .expect("valid options");
    let mut group = per_article(c, name);
    for (article, text) in corpus() {
        group.throughput(Throughput::Bytes(text.len() as u64));
        group.bench_with_input(BenchmarkId::from_parameter(&article), &text, |b, text| {
            b.iter_custom(|iters| {
                let mut timings = StageTimings::default();
                for _ in 0..iters {
                    let summary = summarizer.summarize_timed(black_box(text), &mut timings);
                    assert!(summary.is_ok());
                }
                stage(&timings)
            })
        });
    }
    group.finish();
}

/// TF-IDF and position scores.
fn score(c: &mut Criterion) {
    pipeline_stage(c, "score", |timings| timings.score);
}

/// Picking or building the headline.
fn headline(c: &mut Criterion) {
    pipeline_stage(c, "headline", |timings| timings.headline);
}

fn end_to_end(c: &mut Criterion) {
    let articles = corpus();
    let bytes: usize = articles.iter().map(|(_, text)| text.len()).sum();
    let summarizer = Summarizer::new(Options::default()).expect("default options are valid");
    let mut group = c.benchmark_group("end_to_end");
    group
        .sample_size(20)
        .measurement_time(Duration::from_secs(3))
        .throughput(Throughput::Bytes(bytes as u64));
    group.bench_function("corpus", |b| {
        b.iter(|| {
            for (name, text) in &articles {
                let summary = summarizer
                    .summarize(black_box(text))
                    .unwrap_or_else(|e| panic!("{name}: {e}"));
                assert!(!summary.sentences.is_empty(), "{name}");
                black_box(summary);
            }
        })
    });
    group.finish();
}

/// The sizes of the scaling inputs, in bytes, with their names.
const SCALING_SIZES: [(&str, usize); 5] = [
    ("10KB", 10_000),
    ("100KB", 100_000),
    ("1MB", 1_000_000),
    ("10MB", 10_000_000),
    ("100MB", 100_000_000),
];

/// One long text of at least `size` bytes: the corpus articles over and
/// over, separated by blank lines. After the first round each copy has
/// about a third of its words swapped for other corpus words (the same
/// ones on every run), so its sentences are new to duplicate detection, as
/// a long text's would be, while the vocabulary stays that of news text.
fn long_text(articles: &[(String, String)], size: usize) -> String {
    let mut vocabulary: Vec<&str> = articles
        .iter()
        .flat_map(|(_, text)| text.split(|c: char| !c.is_ascii_alphabetic()))
        .filter(|word| word.len() > 1)
        .collect();
    vocabulary.sort_unstable();
    vocabulary.dedup();
    let mut text = String::with_capacity(size + 20_000);
    let mut state: u64 = 0;
    let mut random = || {
        state = state.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = state;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    };
    for (copy, (_, article)) in articles.iter().cycle().enumerate() {
        if text.len() >= size {
            break;
        }
        if !text.is_empty() {
            text.push_str("\n\n");
        }
        if copy < articles.len() {
            text.push_str(article.trim_end());
            continue;
        }
        let mut rest = article.trim_end();
        while let Some(start) = rest.find(|c: char| c.is_ascii_alphabetic()) {
            text.push_str(&rest[..start]);
            rest = &rest[start..];
            let end = rest
                .find(|c: char| !c.is_ascii_alphabetic())
                .unwrap_or(rest.len());
            let word = &rest[..end];
            if random() % 3 == 0 {
                let other = vocabulary[(random() % vocabulary.len() as u64) as usize];
                if word.starts_with(|c: char| c.is_ascii_uppercase()) {
                    text.push_str(&other[..1].to_ascii_uppercase());
                    text.push_str(&other[1..]);
                } else {
                    text.push_str(&other.to_ascii_lowercase());
                }
            } else {
                text.push_str(word);
            }
            rest = &rest[end..];
        }
        text.push_str(rest);
    }
    text
}

/// End to end on documents of growing size, all cut from one long text, so
/// that only the size changes from point to point: the question is whether
/// the time per byte stays flat, not its third digit.
///
/// Each point up to 10 MB summarizes the same first 10 MB of the text, as
/// many documents of that size one after the other (978 of 10 KB, ...,
/// one of 10 MB); the 100 MB point is the whole text as one document. The
/// documents of a point are all different: a text summarized over and over
/// runs from the processor's caches and trained branch predictors (the
/// same 10 KB document 1,000 times took 56% of the time of 978 different
/// ones of the same kind), which no user's documents do. Each point is
/// timed 10 times (the 100 MB one takes a few seconds each).
///
/// The documents are also written to `target/scaling/`: `NAME.txt` is the
/// first document of each size (for the peak memory of `lede --json`),
/// `NAME.jsonl` all of them as JSON Lines records (for the time of `lede
/// --jsonl --threads 1`).
fn scaling(c: &mut Criterion) {
    let articles = corpus();
    let summarizer = Summarizer::new(Options {
        language: LanguageChoice::Fixed(Language::English),
        ..Options::default()
    })
    .expect("valid options");
    let out = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("target/scaling");
    let mut group = c.benchmark_group("scaling");
    group
        .sample_size(10)
        .sampling_mode(SamplingMode::Flat)
        .warm_up_time(Duration::from_millis(100))
        .measurement_time(Duration::from_secs(5));
    let [.., (_, shared), (largest, whole_size)] = SCALING_SIZES;
    let whole = long_text(&articles, whole_size);
    let first = documents(&whole, shared)[0];
    for (name, size) in SCALING_SIZES {
        let documents = if name == largest {
            vec![whole.as_str()]
        } else {
            documents(first, size)
        };
        if std::fs::create_dir_all(&out).is_ok() {
            // Best effort: the files are for measuring the command line.
            let _ = std::fs::write(out.join(format!("{name}.txt")), documents[0]);
            let _ = std::fs::write(out.join(format!("{name}.jsonl")), json_lines(&documents));
        }
        let bytes: usize = documents.iter().map(|document| document.len()).sum();
        group.throughput(Throughput::Bytes(bytes as u64));
        group.bench_with_input(
            BenchmarkId::from_parameter(name),
            &documents,
            |b, documents| {
                b.iter(|| {
                    for document in documents {
                        let summary = summarizer
                            .summarize(black_box(document))
                            .expect("a summary");
                        assert!(!summary.sentences.is_empty());
                        black_box(summary);
                    }
                })
            },
        );
    }
    group.finish();
}

/// `text` cut at paragraph breaks into documents of at least `size` bytes
/// (the last one may be shorter).
fn documents(text: &str, size: usize) -> Vec<&str> {
    let mut documents = Vec::new();
    let mut rest = text;
    while !rest.is_empty() {
        // A break's first byte is a newline, so the cut is a char boundary.
        let end = rest.as_bytes().get(size..).map_or(rest.len(), |after| {
            memchr::memmem::find(after, b"\n\n").map_or(rest.len(), |at| size + at)
        });
        documents.push(&rest[..end]);
        rest = rest[end..].trim_start_matches('\n');
    }
    documents
}

/// Documents as `lede --jsonl` records, numbered from 1.
fn json_lines(documents: &[&str]) -> String {
    let mut lines = String::new();
    for (id, text) in documents.iter().enumerate() {
        let record = serde_json::json!({ "id": id + 1, "text": text });
        lines.push_str(&record.to_string());
        lines.push('\n');
    }
    lines
}

criterion_group!(benches, segment, dedup, terms, score, headline, end_to_end, scaling);
criterion_main!(benches);
