//! Batch mode: JSON Lines in and out, one record per line; a bad record
//! becomes an error record and the run goes on.
//!
//! Each input line is a record `{"id": ..., "text": ...}` (or `"html"`
//! instead of `"text"`: a web page, whose article is summarized) with optional
//! `"sentences"`, `"ratio"`, `"words"` and `"lang"`, which override the
//! options the batch was built with. Each record gives one output line, in
//! input order: the record's `id` and `line`, then the fields of
//! [`JsonSummary`], or `{"id", "line", "source", "error"}` when the line is
//! not valid JSON, has no text, or cannot be summarized. Blank lines are
//! skipped; a UTF-8 byte-order mark at the start of a line is ignored (it
//! starts each file of several joined with `cat`). A batch built for
//! [`Task::Sentences`] writes every unit of each text instead.
//!
//! Memory is bounded by a window of records, not by the input: a reader
//! thread cuts the input into windows of at most [`WINDOW_RECORDS`] records
//! or [`WINDOW_BYTES_PER_THREAD`] bytes for each worker thread, the worker
//! threads summarize one window while the next is read, and its results are
//! written in order before the next window starts. A line longer than [`BatchOptions::max_line_bytes`] is
//! skipped without being held and gives an error record.
//!
//! ```
//! use lede::batch::{self, BatchOptions};
//!
//! let input = "{\"id\": \"a1\", \"text\": \"Rain fell all night. The river rose.\", \"sentences\": 1}\n\
//!              not json\n\
//!              \n\
//!              {\"id\": 7}\n";
//! let mut out = Vec::new();
//! let stats = batch::run(input.as_bytes(), &mut out, "in.jsonl", &BatchOptions::default())?;
//! assert_eq!((stats.records, stats.failed), (3, 2));
//!
//! let out = String::from_utf8(out)?;
//! let lines: Vec<&str> = out.lines().collect();
//! assert!(lines[0].starts_with(r#"{"id":"a1","line":1,"source":"in.jsonl","language":"en","#));
//! assert_eq!(lines[0].matches(r#""kind":"sentence""#).count(), 1);
//! assert_eq!(
//!     lines[1],
//!     r#"{"id":null,"line":2,"source":"in.jsonl","error":"not valid JSON: expected ident at column 2"}"#
//! );
//! assert_eq!(
//!     lines[2],
//!     r#"{"id":7,"line":4,"source":"in.jsonl","error":"no \"text\" field"}"#
//! );
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

mod read;
mod record;

use std::collections::HashMap;
use std::io::{self, Read, Write};
use std::num::NonZeroUsize;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{self, TryRecvError};
use std::sync::{Arc, Mutex, PoisonError};
use std::thread;

use rayon::prelude::*;
use serde::Serialize;

use crate::error::Error;
use crate::html::{self, Page};
use crate::language::LanguageChoice;
use crate::options::{Length, Options};
use crate::output;
use crate::output::json::{JsonSummary, JsonUnit};
use crate::split::Splitter;
use crate::summarize::Summarizer;
use read::{read_windows, Line, LineContent, Window, WindowLimits};
use record::{Failure, Id, Overrides, Record, RecordProblem};

/// The most records in one window: 16 for each of 64 threads, so a slow
/// record rarely leaves the others idle at the end of a window. For news
/// (4.7 KB a record on average over corpus/, cnndm-dev and bbc-dev) this is
/// the bound that holds from about 10 threads up; with fewer,
/// [`WINDOW_BYTES_PER_THREAD`] ends a window first.
pub const WINDOW_RECORDS: usize = 1024;

/// The most input bytes in one window for each worker thread (a window ends
/// after the line that crosses it): 1 MiB for two threads, about 230 news
/// records. Windows are reused, so a small one stays in memory the allocator
/// has handed out before, where each new megabyte is zeroed by the kernel:
/// with 8 MiB for every thread count, `lede --jsonl --threads 1` over
/// `corpus/` x200 took 2.5% more CPU time and peaked at 27 MB instead of 9.
pub const WINDOW_BYTES_PER_THREAD: u64 = 512 << 10;

/// The default longest line, in bytes: a line over it becomes an error record
/// instead of being held in memory. It is the limit on one input, for the
/// same reasons ([`DEFAULT_MAX_BYTES`](crate::input::DEFAULT_MAX_BYTES): far
/// above any article, and a record of the worst shape still fits in memory
/// for each worker thread). (`lede --jsonl` uses `--max-bytes`.)
pub const MAX_LINE_BYTES: usize = crate::input::DEFAULT_MAX_BYTES as usize;

/// Summarizers kept for per-record options. Real inputs use a handful of
/// (language, length) pairs; the cap only stops an input with a different
/// ratio on every record from growing the cache without end.
const SUMMARIZER_CACHE_CAP: usize = 64;

/// About how many bytes a result takes besides its sentences and headline:
/// the field names, the numbers of each sentence, the id.
const RESULT_FIELDS_BYTES: usize = 512;

/// How a batch is run.
#[derive(Debug, Clone)]
pub struct BatchOptions {
    /// The options for records that do not set their own.
    pub options: Options,
    /// Worker threads; `None` uses every core (or `RAYON_NUM_THREADS`). At
    /// most [`max_threads`] are started, whatever is asked.
    pub threads: Option<NonZeroUsize>,
    /// Lines longer than this many bytes become error records.
    pub max_line_bytes: usize,
}

impl Default for BatchOptions {
    fn default() -> Self {
        BatchOptions {
            options: Options::default(),
            threads: None,
            max_line_bytes: MAX_LINE_BYTES,
        }
    }
}

/// The most worker threads a batch starts: [`THREADS_PER_CORE`] for each
/// core. Summarizing is CPU work, so threads past the cores only take turns
/// (and memory: each holds a record), and a count such as 1,000,000 would
/// spend minutes starting threads, or fail and abort when the system runs
/// out of them.
pub fn max_threads() -> usize {
    let cores = thread::available_parallelism().map_or(1, NonZeroUsize::get);
    cores.saturating_mul(THREADS_PER_CORE)
}

/// Worker threads per core at most (see [`max_threads`]): a few more than
/// the cores keep them busy while the reader and writer wait on I/O.
pub const THREADS_PER_CORE: usize = 4;

/// The worker threads a batch starts: those asked for (or
/// `RAYON_NUM_THREADS`, or one per core), at most [`max_threads`].
fn worker_threads(asked: Option<NonZeroUsize>) -> usize {
    let asked = asked.map(NonZeroUsize::get).or_else(|| {
        std::env::var("RAYON_NUM_THREADS")
            .ok()
            .and_then(|n| n.trim().parse::<usize>().ok())
            .filter(|&n| n > 0)
    });
    let cores = thread::available_parallelism().map_or(1, NonZeroUsize::get);
    asked.unwrap_or(cores).min(max_threads())
}

/// What a run did.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct BatchStats {
    /// Records read (blank lines are not records), one output line each.
    pub records: u64,
    /// Records that gave an error record.
    pub failed: u64,
    /// Input bytes read, line breaks and blank lines included.
    pub bytes: u64,
}

impl std::ops::AddAssign for BatchStats {
    fn add_assign(&mut self, other: BatchStats) {
        self.records += other.records;
        self.failed += other.failed;
        self.bytes += other.bytes;
    }
}

/// Why a batch stopped. A bad record never stops it: it becomes an error
/// record in the output.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum BatchError {
    /// The options for records without their own are out of range.
    #[error(transparent)]
    Options(#[from] Error),
    /// The worker threads could not be started.
    #[error("cannot start {threads} worker threads")]
    Threads {
        /// How many were asked for (0: one per core).
        threads: usize,
        /// Why it failed.
        source: Box<dyn std::error::Error + Send + Sync>,
    },
    /// The input could not be read; the records before the failure were
    /// written.
    #[error("{name}: cannot read")]
    Read {
        /// The input's name (a path or `-`).
        name: String,
        /// Why reading failed.
        source: io::Error,
    },
    /// The output could not be written (a closed pipe is one way).
    #[error("cannot write the results")]
    Write {
        /// Why writing failed.
        source: io::Error,
    },
}

/// Runs one batch: reads JSON Lines from `input`, whose name `source` goes
/// into each result, and writes one line per record to `output`. To run
/// several inputs with one set of threads, use [`Batch`].
///
/// # Errors
/// [`BatchError::Options`] or [`BatchError::Threads`] before anything is
/// read, and [`BatchError::Read`] or [`BatchError::Write`] when I/O fails.
/// Bad records are not errors: they are counted in [`BatchStats::failed`].
pub fn run(
    input: impl Read + Send,
    output: &mut impl Write,
    source: &str,
    options: &BatchOptions,
) -> Result<BatchStats, BatchError> {
    Batch::new(options)?.run(input, output, source)
}

/// What a batch makes of each record.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
#[non_exhaustive]
pub enum Task {
    /// A summary: the fields of [`JsonSummary`] (`lede --jsonl`).
    #[default]
    Summaries,
    /// Every unit of the text: `{"id", "units": [{"text", "start", "end",
    /// "kind"}, ...]}` (`lede sentences --jsonl`). A record's length
    /// options are read, and ignored.
    Sentences,
}

/// A batch runner: its worker threads and summarizers, kept across inputs.
/// Built once, it can [`run`](Self::run) any number of inputs.
#[derive(Debug)]
pub struct Batch {
    task: Task,
    defaults: Arc<Summarizer>,
    cache: Mutex<HashMap<SummarizerKey, Arc<Summarizer>>>,
    splitter: Splitter,
    pool: rayon::ThreadPool,
    max_line_bytes: usize,
}

impl Batch {
    /// Checks the options, builds the summarizer for records without options
    /// of their own, and starts the worker threads.
    ///
    /// # Errors
    /// [`BatchError::Options`] when an option is out of range, and
    /// [`BatchError::Threads`] when the threads cannot be started.
    pub fn new(options: &BatchOptions) -> Result<Self, BatchError> {
        Self::for_task(options, Task::Summaries)
    }

    /// Like [`new`](Self::new), for a batch that does `task` with each
    /// record.
    ///
    /// # Errors
    /// As [`new`](Self::new).
    pub fn for_task(options: &BatchOptions, task: Task) -> Result<Self, BatchError> {
        let defaults = Arc::new(Summarizer::new(options.options.clone())?);
        let threads = worker_threads(options.threads);
        let pool = rayon::ThreadPoolBuilder::new()
            .num_threads(threads)
            .thread_name(|i| format!("lede-batch-{i}"))
            .build()
            .map_err(|source| BatchError::Threads {
                threads,
                source: Box::new(source),
            })?;
        Ok(Batch {
            task,
            defaults,
            cache: Mutex::new(HashMap::new()),
            splitter: Splitter::new(),
            pool,
            max_line_bytes: options.max_line_bytes,
        })
    }

    /// Summarizes each record of `input`, whose name `source` goes into each
    /// result, and writes the results to `output` in input order, flushing
    /// after each window.
    ///
    /// # Errors
    /// [`BatchError::Read`] or [`BatchError::Write`] when I/O fails.
    pub fn run(
        &self,
        input: impl Read + Send,
        output: &mut impl Write,
        source: &str,
    ) -> Result<BatchStats, BatchError> {
        self.run_with_progress(input, output, source, |_| {})
    }

    /// Like [`run`](Self::run), and calls `progress` with the totals so far
    /// after each window is written.
    ///
    /// # Errors
    /// As [`run`](Self::run).
    pub fn run_with_progress(
        &self,
        input: impl Read + Send,
        output: &mut impl Write,
        source: &str,
        mut progress: impl FnMut(&BatchStats),
    ) -> Result<BatchStats, BatchError> {
        let waiting = AtomicBool::new(false);
        let threads = self.pool.current_num_threads() as u64;
        let limits = WindowLimits {
            bytes: WINDOW_BYTES_PER_THREAD.saturating_mul(threads),
            line_bytes: self.max_line_bytes,
        };
        let write_error = |source| BatchError::Write { source };
        thread::scope(|scope| {
            // The channel lives in this closure, so an early return drops the
            // receiver and a reader blocked on `send` ends before the scope
            // joins it. A reader blocked on a read of an idle pipe ends when
            // that pipe has data or closes.
            let (sender, receiver) = mpsc::sync_channel(1);
            // Written windows go back to the reader to be filled again.
            let (give_back, emptied) = mpsc::sync_channel(2);
            scope.spawn(|| read_windows(input, limits, sender, emptied, &waiting));
            let mut stats = BatchStats::default();
            loop {
                let window = match receiver.try_recv() {
                    Ok(window) => window,
                    Err(TryRecvError::Disconnected) => break,
                    Err(TryRecvError::Empty) => {
                        waiting.store(true, Ordering::Relaxed);
                        let window = receiver.recv();
                        waiting.store(false, Ordering::Relaxed);
                        match window {
                            Ok(window) => window,
                            Err(mpsc::RecvError) => break,
                        }
                    }
                };
                let window = window.map_err(|error| BatchError::Read {
                    name: source.to_string(),
                    source: error,
                })?;
                let results: Vec<Outcome> = self.pool.install(|| {
                    window
                        .lines
                        .par_iter()
                        .map(|line| self.process(&window, line, source))
                        .collect()
                });
                for result in &results {
                    output.write_all(&result.json).map_err(write_error)?;
                    stats.records += 1;
                    stats.failed += u64::from(result.failed);
                }
                output.flush().map_err(write_error)?;
                stats.bytes += window.bytes;
                progress(&stats);
                // A reader that has ended, or has windows enough, does not
                // need it.
                let _ = give_back.try_send(window);
            }
            Ok(stats)
        })
    }

    /// One record's output line.
    fn process(&self, window: &Window, line: &Line, source: &str) -> Outcome {
        if self.task == Task::Sentences {
            return self.process_sentences(window, line, source);
        }
        let (serialized, failed) = match self.summarize(window, line) {
            Ok((id, summary, page)) => {
                let json = JsonSummary::new(source, &summary);
                let done = Done {
                    id: id.as_ref(),
                    line: line.number,
                    summary: match &page {
                        Some(page) => json.with_page(page),
                        None => json,
                    },
                };
                // The sentences and headline, and room for the fields
                // around them and a few escapes.
                let text_bytes: usize = summary.sentences.iter().map(|s| s.text.len()).sum();
                let capacity = text_bytes + summary.headline.text.len() + RESULT_FIELDS_BYTES;
                (output::json::to_vec_with_capacity(&done, capacity), false)
            }
            Err(failure) => (failed(failure, line, source), true),
        };
        Outcome::new(serialized, failed)
    }

    /// One record's output line for [`Task::Sentences`].
    fn process_sentences(&self, window: &Window, line: &Line, source: &str) -> Outcome {
        let record = match self.record(window, line) {
            Ok(record) => record,
            Err(failure) => return Outcome::new(failed(failure, line, source), true),
        };
        let language = record
            .overrides
            .language
            .unwrap_or(self.defaults.options().language);
        let split = self.splitter.split(&record.text, language);
        let units = Units {
            id: record.id.as_ref(),
            units: JsonUnit::all(&record.text, &split.units),
        };
        let capacity = record.text.len() + RESULT_FIELDS_BYTES;
        let serialized = output::json::to_vec_with_capacity(&units, capacity);
        Outcome::new(serialized, false)
    }

    /// Parses a record, or says why it is an error record.
    fn record(&self, window: &Window, line: &Line) -> Result<Record, Failure> {
        match &line.content {
            LineContent::Record(span) => record::parse(window.record(span)),
            LineContent::TooLong => {
                let limit = self.max_line_bytes;
                Err((None, RecordProblem::TooLong { limit }))
            }
        }
    }

    /// Parses a record and summarizes its text, or its page's article.
    fn summarize(
        &self,
        window: &Window,
        line: &Line,
    ) -> Result<(Option<Id>, crate::Summary, Option<Page>), Failure> {
        let Record {
            id,
            text,
            is_html,
            overrides,
        } = self.record(window, line)?;
        let summarizer = match self.summarizer(overrides) {
            Ok(summarizer) => summarizer,
            Err(problem) => return Err((id, problem)),
        };
        if is_html {
            let page = match html::extract(&text) {
                Ok(page) => page,
                Err(problem) => return Err((id, RecordProblem::Page(problem))),
            };
            return match html::summarize_page(&summarizer, &page, false) {
                Ok((summary, _)) => Ok((id, summary, Some(page))),
                Err(problem) => Err((id, RecordProblem::Text(problem))),
            };
        }
        match summarizer.summarize(&text) {
            Ok(summary) => Ok((id, summary, None)),
            Err(problem) => Err((id, RecordProblem::Text(problem))),
        }
    }

    /// The summarizer for a record's options: the default one when it sets
    /// none, otherwise one from the cache, built on first use.
    fn summarizer(&self, overrides: Overrides) -> Result<Arc<Summarizer>, RecordProblem> {
        let base = self.defaults.options();
        let language = overrides.language.unwrap_or(base.language);
        let length = overrides.length.unwrap_or(base.length);
        if language == base.language && length == base.length {
            return Ok(Arc::clone(&self.defaults));
        }
        let key = SummarizerKey::new(language, length);
        // A panic while holding the lock leaves the map as it was: nothing
        // is half inserted, so a poisoned lock is still usable.
        let mut cache = self.cache.lock().unwrap_or_else(PoisonError::into_inner);
        if let Some(summarizer) = cache.get(&key) {
            return Ok(Arc::clone(summarizer));
        }
        let options = Options {
            language,
            length,
            ..base.clone()
        };
        let summarizer = Arc::new(Summarizer::new(options).map_err(RecordProblem::Option)?);
        if cache.len() >= SUMMARIZER_CACHE_CAP {
            cache.clear();
        }
        cache.insert(key, Arc::clone(&summarizer));
        Ok(summarizer)
    }
}

/// One record's result: its output line and whether it is an error record.
struct Outcome {
    json: Vec<u8>,
    failed: bool,
}

impl Outcome {
    fn new(serialized: serde_json::Result<Vec<u8>>, failed: bool) -> Self {
        let mut json = serialized.expect(
            "results hold only strings, numbers and ids read as JSON, which always serialize",
        );
        json.push(b'\n');
        Outcome { json, failed }
    }
}

/// The error record of a record that failed.
fn failed(failure: Failure, line: &Line, source: &str) -> serde_json::Result<Vec<u8>> {
    let (id, problem) = failure;
    output::json::to_vec(&Failed {
        id: id.as_ref(),
        line: line.number,
        source,
        error: problem.to_string(),
    })
}

/// A [`Task::Sentences`] line: the record's id and every unit of its text.
#[derive(Serialize)]
struct Units<'a> {
    id: Option<&'a Id>,
    units: Vec<JsonUnit<'a>>,
}

/// A summary line: `id` and `line`, then the `--format json` fields.
#[derive(Serialize)]
struct Done<'a> {
    id: Option<&'a Id>,
    line: u64,
    #[serde(flatten)]
    summary: JsonSummary<'a>,
}

/// An error record.
#[derive(Serialize)]
struct Failed<'a> {
    id: Option<&'a Id>,
    line: u64,
    source: &'a str,
    error: String,
}

/// Identifies a summarizer in the cache: the options a record can set.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
struct SummarizerKey {
    language: LanguageChoice,
    /// [`Length`] with the ratio's bits, since `f64` is not `Hash`.
    length: (u8, u64),
}

impl SummarizerKey {
    fn new(language: LanguageChoice, length: Length) -> Self {
        let length = match length {
            Length::Sentences(n) => (0, n as u64),
            Length::Ratio(r) => (1, r.to_bits()),
            Length::Words(w) => (2, w as u64),
        };
        SummarizerKey { language, length }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::language::Language;
    use serde_json::Value;

    /// Runs `input` with `options` and returns the output lines and stats.
    fn run_lines(input: &[u8], options: &BatchOptions) -> (Vec<String>, BatchStats) {
        let mut out = Vec::new();
        let stats = run(input, &mut out, "in", options).expect("batch runs");
        let out = String::from_utf8(out).expect("output is UTF-8");
        (out.lines().map(str::to_string).collect(), stats)
    }

    fn parse(line: &str) -> Value {
        serde_json::from_str(line).expect("each output line is JSON")
    }

    /// A record whose text summarizes.
    fn record(id: usize) -> String {
        format!(
            "{{\"id\": {id}, \"text\": \"Record {id} opens here. The council met on day {id}. \
             Rain fell on the town.\"}}"
        )
    }

    #[test]
    fn each_bad_record_gives_its_error_and_id() {
        let cases = [
            (
                "not json",
                "null",
                "not valid JSON: expected ident at column 2",
            ),
            (
                "{\"id\": 1, \"text\": \"a\"",
                "null",
                "not valid JSON: EOF while parsing an object at column 21",
            ),
            ("[1, \"Rain fell.\"]", "null", "not a JSON object"),
            ("{\"id\": \"x\"}", "\"x\"", "no \"text\" field"),
            ("{\"id\": 2, \"text\": null}", "2", "no \"text\" field"),
            ("{\"id\": 3, \"text\": 5}", "3", "\"text\" is not a string"),
            (
                "{\"id\": 4, \"text\": \" \"}",
                "4",
                "text is empty, there is nothing to summarize",
            ),
            (
                "{\"id\": 5, \"text\": \"Rain.\", \"ratio\": 2}",
                "5",
                "invalid \"ratio\": must be a fraction in (0, 1]",
            ),
            (
                "{\"id\": 6, \"text\": \"Rain.\", \"sentences\": 0}",
                "6",
                "invalid \"sentences\": must be at least 1",
            ),
            (
                "{\"id\": 7, \"text\": \"Rain.\", \"sentences\": -1}",
                "7",
                "\"sentences\" must be a whole number",
            ),
            (
                "{\"id\": 8, \"text\": \"Rain.\", \"words\": \"10\"}",
                "8",
                "\"words\" must be a whole number",
            ),
            (
                "{\"id\": 9, \"text\": \"Rain.\", \"ratio\": \"half\"}",
                "9",
                "\"ratio\" must be a number",
            ),
            (
                "{\"id\": 10, \"text\": \"Rain.\", \"lang\": \"xx\"}",
                "10",
                "unsupported language 'xx' (run `lede --list-languages` for the supported ones)",
            ),
            (
                "{\"id\": 11, \"text\": \"Rain.\", \"lang\": [\"en\"]}",
                "11",
                "\"lang\" must be a string",
            ),
            (
                "{\"id\": 12, \"text\": \"Rain.\", \"sentences\": 1, \"words\": 5}",
                "12",
                "more than one of \"sentences\", \"ratio\" and \"words\"",
            ),
            (
                "{\"id\": [1, {\"a\": 2}], \"text\": \"\"}",
                // The id as written, spaces and all.
                "[1, {\"a\": 2}]",
                "text is empty, there is nothing to summarize",
            ),
        ];
        for (line, id, error) in cases {
            let (out, stats) = run_lines(line.as_bytes(), &BatchOptions::default());
            let want = format!(
                "{{\"id\":{id},\"line\":1,\"source\":\"in\",\"error\":{}}}",
                Value::from(error)
            );
            assert_eq!(out, [want], "input: {line:?}");
            assert_eq!((stats.records, stats.failed), (1, 1), "input: {line:?}");
        }
    }

    /// Valid JSON that earlier versions refused or whose id they lost: each
    /// record, and what its result must hold.
    #[test]
    fn valid_json_is_taken_as_json_parsers_take_it() {
        let long_id = "9".repeat(400);
        let text = "Rain fell all night. The river rose. Roads closed.";
        // The third part: what the result must hold.
        let cases: Vec<(String, &str, &str)> = vec![
            // A field given twice: the last one counts.
            (
                format!(r#"{{"id":"dup","text":"Nothing here.","text":"{text}"}}"#),
                r#""dup""#,
                r#""sentences":3,"#,
            ),
            (
                format!(r#"{{"id":1,"id":2,"text":"{text}"}}"#),
                "2",
                "Rain fell all night.",
            ),
            // An integer id of 400 digits is kept as written.
            (
                format!(r#"{{"id":{long_id},"text":"{text}"}}"#),
                long_id.as_str(),
                "Rain fell all night.",
            ),
            // Whole numbers written with an exponent or a decimal point.
            (
                format!(r#"{{"id":"e","text":"{text}","sentences":2e0}}"#),
                r#""e""#,
                r#""index":1,"#,
            ),
            (
                format!(r#"{{"id":"d","text":"{text}","sentences":1.0}}"#),
                r#""d""#,
                r#""summary":[{"index""#,
            ),
            // A byte-order mark at the start of a later line: a file joined
            // to another with `cat`.
            (
                format!("\u{feff}{{\"id\":\"bom\",\"text\":\"{text}\"}}"),
                r#""bom""#,
                "Rain fell all night.",
            ),
        ];
        for (line, id, holds) in &cases {
            let input = format!("{}\n{line}\n", record(0));
            let (out, stats) = run_lines(input.as_bytes(), &BatchOptions::default());
            assert_eq!(stats.failed, 0, "{line}: {out:?}");
            assert!(
                out[1].starts_with(&format!(r#"{{"id":{id},"line":2,"#)),
                "{line}: {}",
                out[1]
            );
            assert!(out[1].contains(holds), "{line}: {}", out[1]);
        }
        // Not whole numbers, still refused.
        for bad in ["1.5", "-1", "1e400", "\"3\""] {
            let line = format!(r#"{{"id":"x","text":"{text}","sentences":{bad}}}"#);
            let (out, _) = run_lines(line.as_bytes(), &BatchOptions::default());
            assert!(
                out[0].contains("\"sentences\\\" must be a whole number")
                    || out[0].contains("not valid JSON"),
                "{bad}: {}",
                out[0]
            );
        }
    }

    /// An input whose last line never ends (`/dev/zero`): endless until
    /// the test has seen what it waits for.
    struct Endless {
        head: io::Cursor<Vec<u8>>,
        stop: Arc<AtomicBool>,
    }

    impl Read for Endless {
        fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
            let n = self.head.read(buf)?;
            if n > 0 || self.stop.load(Ordering::Relaxed) {
                return Ok(n);
            }
            buf.fill(b'x');
            Ok(buf.len())
        }
    }

    /// Output that goes to the test as it is written.
    struct Sink(mpsc::Sender<Vec<u8>>);

    impl Write for Sink {
        fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
            let _ = self.0.send(buf.to_vec());
            Ok(buf.len())
        }
        fn flush(&mut self) -> io::Result<()> {
            Ok(())
        }
    }

    #[test]
    fn a_line_that_never_ends_gives_its_error_record_at_the_limit() {
        let stop = Arc::new(AtomicBool::new(false));
        let input = Endless {
            head: io::Cursor::new(format!("{}\n", record(1)).into_bytes()),
            stop: Arc::clone(&stop),
        };
        let (sender, written) = mpsc::channel();
        let options = BatchOptions {
            max_line_bytes: 1 << 20,
            threads: NonZeroUsize::new(1),
            ..BatchOptions::default()
        };
        let batch = thread::spawn(move || run(input, &mut Sink(sender), "in", &options));
        let mut out = Vec::new();
        let deadline = std::time::Instant::now() + std::time::Duration::from_secs(60);
        while out.iter().filter(|&&b| b == b'\n').count() < 2 {
            let left = deadline.saturating_duration_since(std::time::Instant::now());
            match written.recv_timeout(left) {
                Ok(bytes) => out.extend(bytes),
                Err(e) => panic!("no error record while the line goes on ({e}): {out:?}"),
            }
        }
        stop.store(true, Ordering::Relaxed);
        let stats = batch.join().expect("no panic").expect("batch runs");
        out.extend(written.try_iter().flatten());
        let out = String::from_utf8(out).expect("UTF-8");
        let lines: Vec<&str> = out.lines().collect();
        assert_eq!(lines.len(), 2, "{out}");
        assert_eq!(parse(lines[0])["id"], 1);
        assert_eq!(
            lines[1],
            r#"{"id":null,"line":2,"source":"in","error":"line is longer than the limit of 1 MiB (1048576 bytes); raise it with --max-bytes (0 for no limit)"}"#
        );
        assert_eq!((stats.records, stats.failed), (2, 1));
    }

    #[test]
    fn invalid_utf8_and_long_lines_are_error_records_and_the_run_goes_on() {
        let mut input = Vec::new();
        input.extend_from_slice(b"{\"id\": \"caf\xe9\", \"text\": \"x\"}\n");
        input.extend_from_slice(
            format!("{{\"id\": 1, \"text\": \"{}\"}}\n", "a".repeat(200)).as_bytes(),
        );
        input.extend_from_slice(record(2).as_bytes());
        let options = BatchOptions {
            max_line_bytes: 100,
            ..BatchOptions::default()
        };
        let (out, stats) = run_lines(&input, &options);
        assert_eq!(
            out[..2],
            [
                r#"{"id":null,"line":1,"source":"in","error":"not valid UTF-8 (invalid byte at offset 11 of the line)"}"#,
                r#"{"id":null,"line":2,"source":"in","error":"line is longer than the limit of 100 bytes; raise it with --max-bytes (0 for no limit)"}"#,
            ]
        );
        assert_eq!(parse(&out[2])["id"], 2);
        assert_eq!(
            stats,
            BatchStats {
                records: 3,
                failed: 2,
                bytes: input.len() as u64
            }
        );
    }

    #[test]
    fn blank_lines_crlf_and_a_bom_are_not_records_but_lines_count() {
        let input = format!("\u{feff}{}\r\n\r\n   \n\t\n{}\n\n", record(1), record(2));
        let (out, stats) = run_lines(input.as_bytes(), &BatchOptions::default());
        let got: Vec<(Value, Value)> = out
            .iter()
            .map(|line| {
                let v = parse(line);
                (v["id"].clone(), v["line"].clone())
            })
            .collect();
        assert_eq!(got, [(1.into(), 1.into()), (2.into(), 5.into())]);
        assert_eq!(
            stats,
            BatchStats {
                records: 2,
                failed: 0,
                bytes: input.len() as u64
            }
        );
        assert_eq!(
            run_lines(b"", &BatchOptions::default()),
            (vec![], BatchStats::default())
        );
    }

    #[test]
    fn order_holds_across_windows_and_threads() {
        let records = WINDOW_RECORDS * 2 + 7;
        let input: String = (0..records).map(|i| record(i) + "\n").collect();
        let mut outputs = Vec::new();
        for threads in [1, 3] {
            let options = BatchOptions {
                threads: NonZeroUsize::new(threads),
                ..BatchOptions::default()
            };
            let mut out = Vec::new();
            let stats = run(input.as_bytes(), &mut out, "in", &options).expect("runs");
            assert_eq!(stats.records, records as u64);
            outputs.push(out);
        }
        assert!(outputs[0] == outputs[1], "--threads 1 and 3 differ");
        let out = String::from_utf8(outputs.remove(0)).expect("UTF-8");
        for (i, line) in out.lines().enumerate() {
            let v = parse(line);
            assert_eq!(
                (&v["id"], &v["line"]),
                (&Value::from(i), &Value::from(i + 1))
            );
        }
    }

    #[test]
    fn record_options_override_the_batch_options_like_a_summarizer_with_them() {
        let text = std::fs::read_to_string(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/corpus/01-council-budget-vote.txt"
        ))
        .expect("corpus article");
        let cases = [
            (r#""sentences": 1"#, Length::Sentences(1), None),
            (r#""ratio": 0.5"#, Length::Ratio(0.5), None),
            (r#""words": 40"#, Length::Words(40), None),
            (
                r#""lang": "de", "sentences": 2"#,
                Length::Sentences(2),
                Some(Language::German),
            ),
            ("", Length::Sentences(3), None),
        ];
        for (fields, length, language) in cases {
            let separator = if fields.is_empty() { "" } else { ", " };
            let line = format!(
                "{{\"id\": 0, \"text\": {}{separator}{fields}}}",
                Value::from(text.as_str())
            );
            let (out, _) = run_lines(line.as_bytes(), &BatchOptions::default());
            let options = Options {
                length,
                language: language.map_or(LanguageChoice::Auto, LanguageChoice::Fixed),
                ..Options::default()
            };
            let summary = Summarizer::new(options)
                .expect("options")
                .summarize(&text)
                .expect("summary");
            let want = serde_json::to_value(JsonSummary::new("in", &summary)).expect("JSON");
            let mut got = parse(&out[0]);
            let fields_of_got = got.as_object_mut().expect("an object");
            assert!(fields_of_got.remove("id").is_some() && fields_of_got.remove("line").is_some());
            assert_eq!(got, want, "fields: {fields}");
        }
    }

    /// Gives its bytes, then fails.
    struct FailingReader<'a>(&'a [u8]);

    impl Read for FailingReader<'_> {
        fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
            if self.0.is_empty() {
                return Err(io::Error::other("disk on fire"));
            }
            self.0.read(buf)
        }
    }

    #[test]
    fn a_read_error_stops_the_run_after_the_records_before_it() {
        let input = record(1) + "\n";
        let mut out = Vec::new();
        let err = run(
            FailingReader(input.as_bytes()),
            &mut out,
            "in",
            &BatchOptions::default(),
        )
        .expect_err("read fails");
        assert!(
            matches!(&err, BatchError::Read { name, .. } if name == "in"),
            "{err:?}"
        );
        assert_eq!(
            parse(String::from_utf8(out).expect("UTF-8").trim())["id"],
            1
        );
    }

    #[test]
    fn a_write_error_stops_the_run() {
        struct Closed;
        impl Write for Closed {
            fn write(&mut self, _: &[u8]) -> io::Result<usize> {
                Err(io::ErrorKind::BrokenPipe.into())
            }
            fn flush(&mut self) -> io::Result<()> {
                Ok(())
            }
        }
        let input: String = (0..3000).map(|i| record(i) + "\n").collect();
        let err = run(
            input.as_bytes(),
            &mut Closed,
            "in",
            &BatchOptions::default(),
        )
        .expect_err("write fails");
        assert!(
            matches!(&err, BatchError::Write { source } if source.kind() == io::ErrorKind::BrokenPipe),
            "{err:?}"
        );
    }
}
