//! Input: reads a file or stdin, at most a size limit, and checks that it is
//! UTF-8 text.

use std::fs::File;
use std::io::{self, Read};
use std::path::Path;

use crate::error::{Error, Result};

/// How far into the input to look for a NUL byte, the sign of binary data.
/// Text editors never write NUL; 8 KiB is what git and grep look at.
const BINARY_SNIFF_BYTES: usize = 8 * 1024;

/// The default limit on one input, in bytes (`--max-bytes`): 256 MiB.
///
/// The longest news article we know of is under 1 MB, and summarizing takes
/// about 5 times the input in memory at its peak (measured on 50 MB inputs:
/// 250 MB for a line without punctuation, 260 MB for 870,000 distinct
/// sentences), so 256 MiB stays within about 1.3 GB while still taking a
/// whole book or a year of a feed. Anything larger is far more likely a
/// mistake (a disk image, a log, `/dev/zero`) than one article.
pub const DEFAULT_MAX_BYTES: u64 = 256 << 20;

/// Reads a file as UTF-8 text, `-` standard input, with the
/// [`DEFAULT_MAX_BYTES`] limit.
///
/// # Errors
/// As [`read_path_limited`].
pub fn read_path(path: &Path) -> Result<String> {
    read_path_limited(path, Some(DEFAULT_MAX_BYTES))
}

/// Reads a file as UTF-8 text; `-` reads standard input. An input over
/// `max_bytes` is refused without reading more than one byte past the limit
/// (so `/dev/zero` and an endless pipe are refused too); `None` is no limit.
///
/// # Errors
/// [`Error::IsDirectory`], [`Error::Read`], [`Error::TooLarge`], or the
/// errors of [`decode`].
pub fn read_path_limited(path: &Path, max_bytes: Option<u64>) -> Result<String> {
    let bytes = read_bytes_limited(path, max_bytes)?;
    decode(&path.display().to_string(), bytes)
}

/// Reads a file's bytes, `-` standard input, under the same limit as
/// [`read_path_limited`], for a caller that decodes them itself (a web
/// page declares its own character set).
///
/// # Errors
/// [`Error::IsDirectory`], [`Error::Read`] or [`Error::TooLarge`].
pub fn read_bytes_limited(path: &Path, max_bytes: Option<u64>) -> Result<Vec<u8>> {
    let name = path.display().to_string();
    if path == Path::new("-") {
        return read_limited(path, io::stdin().lock(), max_bytes, 0);
    }
    if path.is_dir() {
        return Err(Error::IsDirectory {
            path: path.to_path_buf(),
        });
    }
    let file = File::open(path).map_err(|source| Error::Read {
        path: path.to_path_buf(),
        source,
    })?;
    // The size is only a hint: files in /proc say 0, and a file can grow
    // while it is read. The bounded read below is what enforces the limit.
    let size = file.metadata().map_or(0, |m| m.len());
    if let Some(limit) = max_bytes.filter(|&limit| size > limit) {
        return Err(Error::TooLarge { name, limit });
    }
    read_limited(path, file, max_bytes, size)
}

/// Reads `reader` to its end as UTF-8 text, refusing more than `max_bytes`
/// (`None`: no limit). `name` is the input's name, for messages. This is
/// [`read_path_limited`] for any reader: a socket, a decompressor, a buffer.
///
/// # Errors
/// [`Error::Read`] (with `name` as its path) when reading fails,
/// [`Error::TooLarge`], or the errors of [`decode`].
pub fn read_text(name: &str, reader: impl Read, max_bytes: Option<u64>) -> Result<String> {
    let bytes = read_limited(Path::new(name), reader, max_bytes, 0)?;
    decode(name, bytes)
}

/// Reads `reader`, the input at `path`, to its end, or to one byte past
/// `max_bytes`, which is [`Error::TooLarge`]. `size_hint` is the expected
/// length, to allocate once.
fn read_limited(
    path: &Path,
    reader: impl Read,
    max_bytes: Option<u64>,
    size_hint: u64,
) -> Result<Vec<u8>> {
    let limit = max_bytes.unwrap_or(u64::MAX);
    let capacity = usize::try_from(size_hint.min(limit)).unwrap_or(0);
    let mut bytes = Vec::with_capacity(capacity);
    reader
        .take(limit.saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(|source| Error::Read {
            path: path.to_path_buf(),
            source,
        })?;
    if bytes.len() as u64 > limit {
        return Err(Error::TooLarge {
            name: path.display().to_string(),
            limit,
        });
    }
    Ok(bytes)
}

/// Checks that `bytes` are text and turns them into a `String`. `name` is
/// the input's name, for messages.
///
/// # Errors
/// [`Error::Utf16`] when the bytes start with a UTF-16 byte-order mark,
/// [`Error::Binary`] when there is a NUL byte near the start, and
/// [`Error::InvalidUtf8`] when the bytes are not UTF-8.
pub fn decode(name: &str, bytes: Vec<u8>) -> Result<String> {
    // Windows tools ("Unicode" in Notepad, PowerShell's `>`) write UTF-16
    // with a byte-order mark; its NUL bytes would otherwise say "binary".
    if bytes.starts_with(b"\xff\xfe") || bytes.starts_with(b"\xfe\xff") {
        return Err(Error::Utf16 {
            name: name.to_string(),
        });
    }
    let sniff = &bytes[..bytes.len().min(BINARY_SNIFF_BYTES)];
    if let Some(offset) = sniff.iter().position(|&b| b == 0) {
        return Err(Error::Binary {
            name: name.to_string(),
            offset,
        });
    }
    String::from_utf8(bytes).map_err(|e| Error::InvalidUtf8 {
        name: name.to_string(),
        offset: e.utf8_error().valid_up_to(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_binary_and_invalid_utf8() {
        assert_eq!(
            decode("a", b"caf\xc3\xa9".to_vec()).ok().as_deref(),
            Some("café")
        );
        let binary = decode("a.bin", b"PK\x03\x04\x00\x00".to_vec()).unwrap_err();
        assert!(
            matches!(binary, Error::Binary { offset: 4, .. }),
            "{binary:?}"
        );
        for bom in [&b"\xff\xfeR\0a\0"[..], b"\xfe\xff\0R\0a"] {
            let utf16 = decode("u.txt", bom.to_vec()).unwrap_err();
            assert!(matches!(utf16, Error::Utf16 { .. }), "{utf16:?}");
        }
        let latin1 = decode("l.txt", b"caf\xe9 au lait".to_vec()).unwrap_err();
        assert!(
            matches!(latin1, Error::InvalidUtf8 { offset: 3, .. }),
            "{latin1:?}"
        );
        assert!(
            latin1.to_string().starts_with("l.txt: is not valid UTF-8"),
            "{latin1}"
        );
    }

    #[test]
    fn the_limit_holds_at_its_byte() {
        let text = "Rain fell.";
        let cases = [
            (None, true),
            (Some(0), false),
            (Some(9), false),
            (Some(10), true),
            (Some(11), true),
            (Some(u64::MAX), true),
        ];
        for (limit, fits) in cases {
            let got = read_text("in", text.as_bytes(), limit);
            match got {
                Ok(got) => assert!(fits && got == text, "limit {limit:?}: {got:?}"),
                Err(Error::TooLarge { name, limit: l }) => {
                    assert!(!fits && name == "in" && Some(l) == limit, "limit {limit:?}");
                }
                Err(e) => panic!("limit {limit:?}: {e}"),
            }
        }
    }

    #[test]
    fn an_endless_reader_is_cut_one_byte_past_the_limit() {
        let mut endless = io::repeat(b'a');
        let err = read_text("-", &mut endless, Some(1 << 20)).unwrap_err();
        assert_eq!(
            err.to_string(),
            "-: is larger than the limit of 1 MiB (1048576 bytes); \
             raise it with --max-bytes (0 for no limit)"
        );
    }

    #[test]
    fn a_file_over_the_limit_is_refused_by_its_size() {
        let dir = std::env::temp_dir().join(format!("lede-input-{}", std::process::id()));
        std::fs::create_dir_all(&dir).expect("temp dir");
        let path = dir.join("big.txt");
        std::fs::write(&path, "Rain fell. The river rose.").expect("write");
        let err = read_path_limited(&path, Some(10)).unwrap_err();
        assert!(matches!(&err, Error::TooLarge { limit: 10, .. }), "{err:?}");
        assert!(err.to_string().contains("big.txt"), "{err}");
        assert!(read_path_limited(&path, None).is_ok());
        std::fs::remove_dir_all(&dir).expect("clean up");
    }
}
