//! `lede extract`: the article of each web page, without summarizing it.

use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};

use anyhow::Context;
use clap::Parser;
use lede::html::{self, Page};
use lede::output::json::JsonPage;
use lede::output::text::{escape_controls, printable};

use crate::json_lines;

/// Print the article of each web page: its title, a blank line, then its paragraphs
///
/// Reads each FILE (or standard input when there is none, or for `-`) as a
/// web page, whatever it starts with, and takes the article out of it, as
/// lede does before summarizing a page.
#[derive(Debug, Parser)]
pub struct ExtractArgs {
    /// Web pages; `-` or nothing reads standard input.
    #[arg(value_name = "FILE")]
    pub files: Vec<PathBuf>,

    /// JSON Lines: an object per page, {"source", "title", "byline",
    /// "lang", "text"}, or {"source", "error"} for one that failed.
    #[arg(long)]
    pub json: bool,

    /// Refuse a page larger than this (0: no limit). Takes a K, M, G or T
    /// suffix (KiB, MiB, GiB, TiB).
    #[arg(long, value_name = "BYTES", default_value = "8M", value_parser = crate::args::parse_size)]
    pub max_bytes: u64,
}

/// Runs `lede extract`. `Ok(false)` when some page failed (and was
/// reported) while the others were printed.
pub fn run(args: &ExtractArgs) -> anyhow::Result<bool> {
    let files: Vec<PathBuf> = if args.files.is_empty() {
        vec![PathBuf::from("-")]
    } else {
        args.files.clone()
    };
    let max_bytes = Some(args.max_bytes).filter(|&limit| limit > 0);
    crate::hint_if_stdin_is_a_terminal(&args.files);
    let several = files.len() > 1;
    let stdout = io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    let mut all_ok = true;
    let mut written = 0;
    for path in &files {
        let name = path.display().to_string();
        match read_page(path, max_bytes) {
            Ok(page) if args.json => {
                json_lines::write(&mut out, &JsonPage::new(Some(&name), &page))?;
            }
            Ok(page) => {
                if several {
                    if written > 0 {
                        writeln!(out)?;
                    }
                    writeln!(out, "==> {} <==", escape_controls(&name))?;
                }
                if let Some(title) = &page.title {
                    writeln!(out, "{}\n", terminal_safe(title))?;
                }
                writeln!(out, "{}", terminal_safe(&page.text))?;
                written += 1;
            }
            Err(err) => {
                if args.json {
                    json_lines::write_error(&mut out, &name, &err)?;
                }
                out.flush()?;
                if crate::is_broken_pipe(&err) {
                    return Err(err);
                }
                crate::report(format_args!("{err:#}"));
                all_ok = false;
            }
        }
    }
    out.flush()?;
    Ok(all_ok)
}

/// `text` with its lines kept and the control characters in them dropped,
/// so that a page cannot drive the terminal.
fn terminal_safe(text: &str) -> String {
    text.lines().map(printable).collect::<Vec<_>>().join("\n")
}

/// Reads the page at `path` and takes its article out.
pub fn read_page(path: &Path, max_bytes: Option<u64>) -> anyhow::Result<Page> {
    let bytes = lede::input::read_bytes_limited(path, max_bytes)?;
    page_of(path, &bytes)
}

/// The article of the page `bytes`, read from `path`.
pub fn page_of(path: &Path, bytes: &[u8]) -> anyhow::Result<Page> {
    // Refused before decoding makes a second copy.
    if bytes.len() > html::MAX_PAGE_BYTES {
        return Err(html::PageError::TooLarge {
            limit: html::MAX_PAGE_BYTES,
        })
        .with_context(|| path.display().to_string());
    }
    let html = html::decode(bytes);
    html::extract(&html).with_context(|| path.display().to_string())
}
