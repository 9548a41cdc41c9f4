//! How long do segmentation, duplicate removal and term extraction take on
//! each `corpus/` article, and how many bytes per second does the whole
//! pipeline summarize?
//!
//! The other stages (score, select, headline) are timed by `lede bench`,
//! which reports every stage's median over a full corpus.

use std::hint::black_box;
use std::path::PathBuf;
use std::time::Duration;

use criterion::measurement::WallTime;
use criterion::{
    criterion_group, criterion_main, BenchmarkGroup, BenchmarkId, Criterion, Throughput,
};
use lede::dedup::{find_duplicates, DEFAULT_THRESHOLD};
use lede::text::segment::{Segmenter, Unit};
use lede::text::tokenize::{word_hashes, Tokenizer, Vocabulary};
use lede::{Language, Options, Summarizer};

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

fn dedup(c: &mut Criterion) {
    let segmenter = Segmenter::new(Language::English);
    let mut group = per_article(c, "dedup");
    for (name, text) in corpus() {
        let units = segmenter.split(&text);
        group.throughput(Throughput::Bytes(text.len() as u64));
        // Word hashes are part of the stage, as in `Summarizer::summarize_timed`.
        group.bench_with_input(BenchmarkId::from_parameter(&name), &units, |b, units| {
            b.iter(|| {
                let words: Vec<Vec<u64>> = units
                    .iter()
                    .map(|unit: &Unit| {
                        let mut hashes = Vec::new();
                        word_hashes(unit.text(&text), &mut hashes);
                        hashes
                    })
                    .collect();
                let duplicate_of = find_duplicates(black_box(&words), DEFAULT_THRESHOLD);
                assert_eq!(duplicate_of.len(), units.len());
                duplicate_of
            })
        });
    }
    group.finish();
}

fn terms(c: &mut Criterion) {
    let segmenter = Segmenter::new(Language::English);
    let tokenizer = Tokenizer::new(Language::English);
    let mut group = per_article(c, "terms");
    for (name, text) in corpus() {
        let units = segmenter.split(&text);
        group.throughput(Throughput::Bytes(text.len() as u64));
        group.bench_with_input(BenchmarkId::from_parameter(&name), &units, |b, units| {
            b.iter(|| {
                let mut vocabulary = Vocabulary::default();
                let terms: Vec<Vec<u32>> = units
                    .iter()
                    .map(|unit| {
                        let mut ids = Vec::new();
                        tokenizer.term_ids(black_box(unit.text(&text)), &mut vocabulary, &mut ids);
                        ids
                    })
                    .collect();
                assert!(!vocabulary.is_empty());
                terms
            })
        });
    }
    group.finish();
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

criterion_group!(benches, segment, dedup, terms, end_to_end);
criterion_main!(benches);
