//! Speed on web pages (`lede bench --pages DIR`): taking the article out of
//! each page, apart from summarizing it, on one thread.
//!
//! A folder of pages is either `*.html` files or subfolders each holding a
//! `source.html` (as `../shared/eval/html/`).

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use serde::Serialize;

use super::Error;
use crate::html;
use crate::summarize::Summarizer;

/// The speed of one folder of pages: the median pass.
#[derive(Debug, Clone, Serialize)]
pub struct PageSpeed {
    /// The folder.
    pub path: String,
    /// Pages read.
    pub pages: usize,
    /// Pages with no article (or too deep to read): extracted, not summarized.
    pub no_article: usize,
    /// Bytes of HTML.
    pub bytes: u64,
    /// Decoding and extracting every page, in seconds.
    pub extract_seconds: f64,
    /// Summarizing every article, in seconds.
    pub summarize_seconds: f64,
    /// The slowest page to extract, and its time in seconds.
    pub slowest: (String, f64),
}

impl PageSpeed {
    /// Pages extracted per second.
    pub fn extract_pages_per_second(&self) -> f64 {
        self.pages as f64 / self.extract_seconds.max(1e-9)
    }

    /// Megabytes (10^6 bytes) of HTML extracted per second.
    pub fn extract_megabytes_per_second(&self) -> f64 {
        self.bytes as f64 / 1e6 / self.extract_seconds.max(1e-9)
    }

    /// Pages extracted and summarized per second.
    pub fn pages_per_second(&self) -> f64 {
        self.pages as f64 / (self.extract_seconds + self.summarize_seconds).max(1e-9)
    }
}

/// The pages of `dir`, sorted.
///
/// # Errors
/// [`Error::Read`] when the folder cannot be listed.
pub fn page_files(dir: &Path) -> Result<Vec<PathBuf>, Error> {
    let read = |source| Error::Read {
        path: dir.to_path_buf(),
        source,
    };
    let mut pages = Vec::new();
    for entry in std::fs::read_dir(dir).map_err(read)? {
        let path = entry.map_err(read)?.path();
        if path.is_dir() && path.join("source.html").is_file() {
            pages.push(path.join("source.html"));
        } else if path.extension().is_some_and(|e| e == "html" || e == "htm") {
            pages.push(path);
        }
    }
    pages.sort();
    Ok(pages)
}

/// Times `passes` passes over the pages of `dir` with `summarizer`.
///
/// # Errors
/// [`Error::Read`] when a page cannot be read, [`Error::NoArticles`] for
/// a folder without pages.
pub fn run(dir: &Path, summarizer: &Summarizer, passes: usize) -> Result<PageSpeed, Error> {
    let files = page_files(dir)?;
    if files.is_empty() {
        return Err(Error::NoArticles {
            path: dir.to_path_buf(),
        });
    }
    let pages: Vec<(String, Vec<u8>)> = files
        .iter()
        .map(|path| {
            std::fs::read(path)
                .map(|bytes| (path.display().to_string(), bytes))
                .map_err(|source| Error::Read {
                    path: path.clone(),
                    source,
                })
        })
        .collect::<Result<_, _>>()?;
    let mut runs: Vec<PageSpeed> = (0..passes.max(1))
        .map(|_| pass(dir, &pages, summarizer))
        .collect();
    runs.sort_by(|a, b| {
        (a.extract_seconds + a.summarize_seconds)
            .total_cmp(&(b.extract_seconds + b.summarize_seconds))
    });
    let median = runs.len() / 2;
    Ok(runs.swap_remove(median))
}

fn pass(dir: &Path, pages: &[(String, Vec<u8>)], summarizer: &Summarizer) -> PageSpeed {
    let (mut extract, mut summarize) = (Duration::ZERO, Duration::ZERO);
    let mut slowest = (String::new(), Duration::ZERO);
    let mut no_article = 0;
    for (name, bytes) in pages {
        let start = Instant::now();
        let page = html::extract(&html::decode(bytes));
        let took = start.elapsed();
        extract += took;
        if took > slowest.1 {
            slowest = (name.clone(), took);
        }
        let Ok(page) = page else {
            no_article += 1;
            continue;
        };
        let start = Instant::now();
        // A page whose article cannot be summarized costs its time all the same.
        let _ = html::summarize_page(summarizer, &page, false);
        summarize += start.elapsed();
    }
    PageSpeed {
        path: dir.display().to_string(),
        pages: pages.len(),
        no_article,
        bytes: pages.iter().map(|(_, b)| b.len() as u64).sum(),
        extract_seconds: extract.as_secs_f64(),
        summarize_seconds: summarize.as_secs_f64(),
        slowest: (slowest.0, slowest.1.as_secs_f64()),
    }
}
