//! Input: reads a file or stdin and checks that it is UTF-8 text.

use std::fs;
use std::io::{self, Read};
use std::path::Path;

use crate::error::{Error, Result};

/// How far into the input to look for a NUL byte, the sign of binary data.
/// Text editors never write NUL; 8 KiB is what git and grep look at.
const BINARY_SNIFF_BYTES: usize = 8 * 1024;

/// Reads a file as UTF-8 text; `-` reads standard input.
///
/// # Errors
/// [`Error::IsDirectory`], [`Error::Read`], or the errors of [`decode`].
pub fn read_path(path: &Path) -> Result<String> {
    if path == Path::new("-") {
        let mut bytes = Vec::new();
        io::stdin()
            .lock()
            .read_to_end(&mut bytes)
            .map_err(|source| Error::Read {
                path: path.to_path_buf(),
                source,
            })?;
        return decode("-", bytes);
    }
    if path.is_dir() {
        return Err(Error::IsDirectory {
            path: path.to_path_buf(),
        });
    }
    let bytes = fs::read(path).map_err(|source| Error::Read {
        path: path.to_path_buf(),
        source,
    })?;
    decode(&path.display().to_string(), bytes)
}

/// Checks that `bytes` are text and turns them into a `String`. `name` is
/// the input's name, for messages.
///
/// # Errors
/// [`Error::Binary`] when there is a NUL byte near the start, and
/// [`Error::InvalidUtf8`] when the bytes are not UTF-8.
pub fn decode(name: &str, bytes: Vec<u8>) -> Result<String> {
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
}
