//! Errors of the library: each variant names what the user needs to fix it.

use std::io;
use std::path::PathBuf;

/// Everything that can go wrong while reading or summarizing a text.
///
/// Messages name the input and the problem; the underlying I/O error, where
/// there is one, is the [`source`](std::error::Error::source) and is printed by
/// the caller's error chain rather than repeated here.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// The file could not be opened or read.
    #[error("{}: cannot read", path.display())]
    Read {
        /// The file that was asked for.
        path: PathBuf,
        /// Why reading failed.
        source: io::Error,
    },
    /// A directory was given where a file was expected.
    #[error("{}: is a directory, not a text file", path.display())]
    IsDirectory {
        /// The directory.
        path: PathBuf,
    },
    /// The input holds NUL bytes, so it is binary data, not text.
    #[error("{name}: looks like binary data (NUL byte at offset {offset}), not text")]
    Binary {
        /// The input's name (a path or `-`).
        name: String,
        /// Byte offset of the first NUL byte.
        offset: usize,
    },
    /// The input is not valid UTF-8.
    #[error("{name}: is not valid UTF-8 (invalid byte at offset {offset}); convert it first, e.g. with iconv")]
    InvalidUtf8 {
        /// The input's name (a path or `-`).
        name: String,
        /// Byte offset of the first invalid byte.
        offset: usize,
    },
    /// The input holds no text at all, or only white space.
    #[error("{name}: is empty, there is nothing to summarize")]
    Empty {
        /// The input's name (a path or `-`).
        name: String,
    },
    /// A language code or name that lede does not support.
    #[error("unsupported language '{0}' (run `lede --list-languages` for the supported ones)")]
    UnsupportedLanguage(String),
    /// An option value outside its range.
    #[error("invalid value for {option}: {reason}")]
    InvalidOption {
        /// The option, as the user spells it (e.g. `--ratio`).
        option: &'static str,
        /// What is wrong and what is allowed.
        reason: String,
    },
}

/// The library's result type.
pub type Result<T, E = Error> = std::result::Result<T, E>;
