//! Input: reads a file or stdin, at most a size limit, and checks that it is
//! UTF-8 text.

use std::fs::File;
use std::io::{self, Read};
use std::path::Path;

use crate::error::{Error, Result};

/// How far into the input to look for a NUL byte, the sign of binary data.
/// Text editors never write NUL; 8 KiB is what git and grep look at.
const BINARY_SNIFF_BYTES: usize = 8 * 1024;

/// The default limit on one input, in bytes (`--max-bytes`): 8 MiB.
///
/// The longest news article we know of is under 1 MB, and a book is a few.
/// Summarizing holds 2 to 8 times a news text in memory at its peak, but
/// every unit (sentence, line) and every new spelling has its bookkeeping,
/// about 80 to 280 bytes, so a text of tiny units takes more: one new word a
/// line, 73 times its size; the same letter a line, 42 times
/// (`scripts/peak-memory.sh` measures each shape and checks that none peaks
/// above 80 times the input plus 8 MiB). At 8 MiB that is at most 680 MB, so
/// one file, or a batch with a worker per core on two cores, fits a machine
/// of 2 GB. Anything larger is far more likely a mistake (a disk image, a
/// log, `/dev/zero`) than one article; `--max-bytes` raises the limit.
pub const DEFAULT_MAX_BYTES: u64 = 8 << 20;

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
///
/// The start of the input is checked before the rest is read: binary data
/// (`/dev/zero`, `/dev/urandom`, an image) and UTF-16 or UTF-32 text are
/// refused after at most [`BINARY_SNIFF_BYTES`], not after the whole limit.
fn read_limited(
    path: &Path,
    reader: impl Read,
    max_bytes: Option<u64>,
    size_hint: u64,
) -> Result<Vec<u8>> {
    let limit = max_bytes.unwrap_or(u64::MAX);
    let capacity = usize::try_from(size_hint.min(limit)).unwrap_or(0);
    let mut bytes = Vec::with_capacity(capacity);
    let read_error = |source| Error::Read {
        path: path.to_path_buf(),
        source,
    };
    let mut reader = reader.take(limit.saturating_add(1));
    let sniff = u64::try_from(BINARY_SNIFF_BYTES).unwrap_or(u64::MAX);
    reader
        .by_ref()
        .take(sniff)
        .read_to_end(&mut bytes)
        .map_err(read_error)?;
    check_start(&path.display().to_string(), &bytes)?;
    reader.read_to_end(&mut bytes).map_err(read_error)?;
    if bytes.len() as u64 > limit {
        return Err(Error::TooLarge {
            name: path.display().to_string(),
            limit,
        });
    }
    Ok(bytes)
}

/// Refuses an input whose first bytes show it is not UTF-8 text: a UTF-16
/// or UTF-32 byte-order mark, or a NUL byte within [`BINARY_SNIFF_BYTES`].
fn check_start(name: &str, bytes: &[u8]) -> Result<()> {
    // UTF-32's marks begin with UTF-16's (FF FE), so they are checked first:
    // UTF-32 taken for UTF-16 would be converted to garbage.
    if bytes.starts_with(b"\xff\xfe\0\0") || bytes.starts_with(b"\0\0\xfe\xff") {
        return Err(Error::Utf32 {
            name: name.to_string(),
        });
    }
    // Windows tools ("Unicode" in Notepad, PowerShell's `>`) write UTF-16
    // with a byte-order mark; its NUL bytes would otherwise say "binary".
    if bytes.starts_with(b"\xff\xfe") || bytes.starts_with(b"\xfe\xff") {
        return Err(Error::Utf16 {
            name: name.to_string(),
        });
    }
    let sniff = &bytes[..bytes.len().min(BINARY_SNIFF_BYTES)];
    if let Some(offset) = memchr::memchr(0, sniff) {
        return Err(Error::Binary {
            name: name.to_string(),
            offset,
        });
    }
    Ok(())
}

/// Checks that `bytes` are text and turns them into a `String`. `name` is
/// the input's name, for messages.
///
/// # Errors
/// [`Error::Utf32`] or [`Error::Utf16`] when the bytes start with a UTF-32
/// or UTF-16 byte-order mark,
/// [`Error::Binary`] when there is a NUL byte near the start, and
/// [`Error::InvalidUtf8`] when the bytes are not UTF-8.
pub fn decode(name: &str, bytes: Vec<u8>) -> Result<String> {
    check_start(name, &bytes)?;
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
    fn utf32_is_not_taken_for_utf16() {
        // "Ra" in UTF-32 LE and BE, and in UTF-16 LE for comparison.
        let cases: [(&[u8], &str); 3] = [
            (b"\xff\xfe\0\0R\0\0\0a\0\0\0", "UTF-32"),
            (b"\0\0\xfe\xff\0\0\0R\0\0\0a", "UTF-32"),
            (b"\xff\xfeR\0a\0", "UTF-16"),
        ];
        for (bytes, want) in cases {
            let err = read_text("u.txt", bytes, None).unwrap_err();
            let message = err.to_string();
            assert!(
                message.starts_with(&format!("u.txt: is {want} text"))
                    && message.contains(&format!("iconv -f {want} ")),
                "{bytes:?}: {message}"
            );
        }
    }

    /// A reader that counts what is taken from it.
    struct Counted<R> {
        inner: R,
        taken: u64,
    }

    impl<R: Read> Read for Counted<R> {
        fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
            let n = self.inner.read(buf)?;
            self.taken += n as u64;
            Ok(n)
        }
    }

    #[test]
    fn binary_input_is_refused_at_its_start_not_at_the_limit() {
        // `/dev/zero` and `/dev/urandom` as endless readers: NUL bytes come
        // at once (random bytes hold one in 8 KiB but for a chance of e^-32).
        let sources: [(&str, Box<dyn Read>); 2] = [
            ("zeros", Box::new(io::repeat(0))),
            (
                "text then zeros",
                Box::new(b"Rain fell.".chain(io::repeat(0))),
            ),
        ];
        for (what, source) in sources {
            let mut reader = Counted {
                inner: source,
                taken: 0,
            };
            let err = read_text("-", &mut reader, Some(1 << 30)).unwrap_err();
            assert!(matches!(err, Error::Binary { .. }), "{what}: {err:?}");
            assert!(
                reader.taken <= BINARY_SNIFF_BYTES as u64,
                "{what}: read {} bytes",
                reader.taken
            );
        }
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
