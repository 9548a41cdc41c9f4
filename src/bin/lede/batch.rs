//! `lede --jsonl`: JSON Lines batches over files or stdin, with a progress
//! line when someone watches stderr.

use std::fs::File;
use std::io::{self, BufWriter, IsTerminal, Write};
use std::num::NonZeroUsize;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use lede::batch::{Batch, BatchError, BatchOptions, BatchStats};

use crate::args::Args;
use crate::Outcome;

/// Runs `lede --jsonl`: the failed records are in the output, the failed
/// files on stderr.
pub fn run(args: &Args) -> anyhow::Result<Outcome> {
    let options = BatchOptions {
        options: args.options(),
        threads: args.threads,
        // --max-bytes bounds one input; in batch mode an input is a record.
        max_line_bytes: args.max_bytes().map_or(usize::MAX, |limit| {
            usize::try_from(limit).unwrap_or(usize::MAX)
        }),
    };
    warn_about_threads(args.threads);
    run_files(&Batch::new(&options)?, &args.files)
}

/// Warns when `--threads` asks for more threads than can help (the batch
/// uses fewer).
pub fn warn_about_threads(threads: Option<NonZeroUsize>) {
    if let Some(threads) = threads.filter(|n| n.get() > lede::batch::max_threads()) {
        crate::report(format_args!(
            "warning: --threads {threads} is more than can help; using {} ({} per core)",
            lede::batch::max_threads(),
            lede::batch::THREADS_PER_CORE
        ));
    }
}

/// Runs `batch` over each of `files` (standard input when there is none).
/// A file that failed outweighs records that failed.
pub fn run_files(batch: &Batch, files: &[PathBuf]) -> anyhow::Result<Outcome> {
    let stdin = [PathBuf::from("-")];
    let files = if files.is_empty() { &stdin[..] } else { files };
    let stdout = io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    // Progress on a terminal that does not also show the results.
    let mut progress = Progress::new(io::stderr().is_terminal() && !io::stdout().is_terminal());
    let mut totals = BatchStats::default();
    let mut outcome = Outcome::Done;
    for path in files {
        let name = path.display().to_string();
        let result = run_file(batch, path, &name, &mut out, |stats| {
            let mut so_far = totals;
            so_far += *stats;
            progress.show(&so_far);
        });
        match result {
            Ok(stats) => {
                totals += stats;
                if stats.failed > 0 {
                    outcome = outcome.max(Outcome::RecordsFailed);
                }
            }
            Err(err @ BatchError::Write { .. }) => {
                progress.clear();
                return Err(err.into());
            }
            Err(err) => {
                progress.clear();
                crate::report(format_args!("{:#}", anyhow::Error::from(err)));
                outcome = Outcome::InputsFailed;
            }
        }
    }
    out.flush()?;
    progress.finish(&totals);
    Ok(outcome)
}

/// One input: `-` is stdin.
fn run_file(
    batch: &Batch,
    path: &Path,
    name: &str,
    out: &mut impl Write,
    progress: impl FnMut(&BatchStats),
) -> Result<BatchStats, BatchError> {
    if path == Path::new("-") {
        return batch.run_with_progress(io::stdin(), out, name, progress);
    }
    if path.is_dir() {
        return Err(lede::Error::IsDirectory {
            path: path.to_path_buf(),
        }
        .into());
    }
    let file = File::open(path).map_err(|source| lede::Error::Read {
        path: path.to_path_buf(),
        source,
    })?;
    batch.run_with_progress(file, out, name, progress)
}

/// How often the progress line is redrawn: often enough to look alive,
/// rarely enough to cost nothing.
const PROGRESS_EVERY: Duration = Duration::from_millis(200);

/// The progress line on stderr: records, failures, megabytes and MB/s.
struct Progress {
    enabled: bool,
    start: Instant,
    drawn: Option<Instant>,
}

impl Progress {
    fn new(enabled: bool) -> Self {
        Progress {
            enabled,
            start: Instant::now(),
            drawn: None,
        }
    }

    fn show(&mut self, stats: &BatchStats) {
        if !self.enabled || self.drawn.is_some_and(|at| at.elapsed() < PROGRESS_EVERY) {
            return;
        }
        eprint!("\r\x1b[2K{}", self.line(stats));
        self.drawn = Some(Instant::now());
    }

    /// Clears the line, so that a message can take its place.
    fn clear(&mut self) {
        if self.enabled && self.drawn.is_some() {
            eprint!("\r\x1b[2K");
            self.drawn = None;
        }
    }

    /// Leaves the final count on the screen.
    fn finish(&mut self, stats: &BatchStats) {
        if self.enabled {
            eprintln!("\r\x1b[2K{}", self.line(stats));
        }
    }

    fn line(&self, stats: &BatchStats) -> String {
        let seconds = self.start.elapsed().as_secs_f64();
        let megabytes = stats.bytes as f64 / 1e6;
        format!(
            "lede: {} records ({} failed), {megabytes:.1} MB in {seconds:.1} s, {:.1} MB/s, {:.0} records/s",
            stats.records,
            stats.failed,
            megabytes / seconds.max(1e-9),
            stats.records as f64 / seconds.max(1e-9),
        )
    }
}
