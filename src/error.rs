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
    /// The input is UTF-16 text (it starts with a UTF-16 byte-order mark),
    /// which lede does not read.
    #[error(
        "{name}: is UTF-16 text, not UTF-8; convert it first, e.g. with iconv -f UTF-16 -t UTF-8"
    )]
    Utf16 {
        /// The input's name (a path or `-`).
        name: String,
    },
    /// The input is UTF-32 text (it starts with a UTF-32 byte-order mark),
    /// which lede does not read.
    #[error(
        "{name}: is UTF-32 text, not UTF-8; convert it first, e.g. with iconv -f UTF-32 -t UTF-8"
    )]
    Utf32 {
        /// The input's name (a path or `-`).
        name: String,
    },
    /// The input is not valid UTF-8.
    #[error("{name}: is not valid UTF-8 (invalid byte at offset {offset}); convert it first, e.g. with iconv")]
    InvalidUtf8 {
        /// The input's name (a path or `-`).
        name: String,
        /// Byte offset of the first invalid byte.
        offset: usize,
    },
    /// The input is larger than the size limit (`--max-bytes`), so it was
    /// refused before it could fill memory.
    #[error(
        "{name}: is larger than the limit of {}; raise it with --max-bytes (0 for no limit)",
        human_size(*limit)
    )]
    TooLarge {
        /// The input's name (a path or `-`).
        name: String,
        /// The limit, in bytes.
        limit: u64,
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

/// `bytes` for messages, in the largest binary unit that divides it and
/// exactly: "256 MiB (268435456 bytes)", "1500 bytes".
pub(crate) fn human_size(bytes: u64) -> String {
    const UNITS: [(u64, &str); 4] = [
        (1 << 40, "TiB"),
        (1 << 30, "GiB"),
        (1 << 20, "MiB"),
        (1 << 10, "KiB"),
    ];
    UNITS
        .iter()
        .find(|&&(unit, _)| bytes >= unit && bytes % unit == 0)
        .map_or_else(
            || format!("{bytes} bytes"),
            |&(unit, name)| format!("{} {name} ({bytes} bytes)", bytes / unit),
        )
}

/// The library's result type.
pub type Result<T, E = Error> = std::result::Result<T, E>;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_read_in_the_largest_unit_that_divides_them() {
        for (bytes, want) in [
            (0, "0 bytes"),
            (1500, "1500 bytes"),
            (2048, "2 KiB (2048 bytes)"),
            (256 << 20, "256 MiB (268435456 bytes)"),
            ((1 << 30) + 1, "1073741825 bytes"),
            (3 << 30, "3 GiB (3221225472 bytes)"),
            (u64::MAX, "18446744073709551615 bytes"),
        ] {
            assert_eq!(human_size(bytes), want, "bytes: {bytes}");
        }
    }
}
