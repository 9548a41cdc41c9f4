//! What the integration tests share. Each test file is its own crate and
//! uses a part of this, so the rest is dead code there.
#![allow(dead_code)]

pub mod page;

use std::fs;
use std::path::{Path, PathBuf};

use assert_cmd::cargo::cargo_bin_cmd;
use assert_cmd::Command;
use lede::{Length, Options, Summarizer};

/// `lede`, run from the package root (so `corpus/..` paths resolve and show
/// as written) with an empty environment, so nothing from the caller's shell
/// changes the output.
pub fn lede() -> Command {
    let mut cmd = cargo_bin_cmd!("lede");
    cmd.env_clear().current_dir(env!("CARGO_MANIFEST_DIR"));
    cmd
}

/// `path` under the package root.
pub fn manifest_path(path: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(path)
}

/// The corpus articles, as paths relative to the package root, sorted.
pub fn corpus_files() -> Vec<String> {
    let mut files: Vec<String> = fs::read_dir(manifest_path("corpus"))
        .expect("corpus/ exists")
        .map(|entry| entry.expect("corpus entry").file_name())
        .map(|name| name.to_string_lossy().into_owned())
        .filter(|name| name.ends_with(".txt"))
        .map(|name| format!("corpus/{name}"))
        .collect();
    files.sort();
    assert!(!files.is_empty(), "corpus/ has no .txt files");
    files
}

/// A summarizer of `length` with the other options at their defaults;
/// `lines` is the CLI's `--lines`.
pub fn summarizer(length: Length, lines: bool) -> Summarizer {
    Summarizer::new(Options {
        length,
        allow_unpunctuated: lines,
        ..Options::default()
    })
    .expect("valid options")
}
