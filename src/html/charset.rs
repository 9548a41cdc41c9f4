//! A page's character set: its byte-order mark; else UTF-8 when the bytes
//! are UTF-8 with some non-ASCII in them; else the `<meta>` that declares
//! it; else Windows-1252, the web's old default. encoding_rs decodes.
//!
//! Valid UTF-8 wins over a declaration because saved pages are often
//! re-encoded to UTF-8 with their old `<meta charset>` left in (one of the
//! dev pages says gb2312 and is UTF-8), while text in a legacy character
//! set almost never happens to be valid UTF-8.

use encoding_rs::{Encoding, UTF_8, WINDOWS_1252};

/// How far to look for a `<meta charset>`: HTML asks for it in the first
/// 1024 bytes, but saved pages often put scripts and styles before it.
const PRESCAN_BYTES: usize = 8 * 1024;

/// Decodes a page's bytes to text, never refusing it: bytes that are not
/// valid in the page's character set become U+FFFD, as in a browser.
pub fn decode(bytes: &[u8]) -> String {
    let utf8 = || !bytes.is_ascii() && std::str::from_utf8(bytes).is_ok();
    let encoding = Encoding::for_bom(bytes)
        .map(|(encoding, _)| encoding)
        .or_else(|| utf8().then_some(UTF_8))
        .or_else(|| declared(bytes))
        .unwrap_or(WINDOWS_1252);
    // `decode` removes a byte-order mark, and one of another encoding wins
    // over the declaration, as in browsers.
    let (text, _, _) = encoding.decode(bytes);
    text.into_owned()
}

/// The encoding a `<meta charset=..>` or `<meta http-equiv="Content-Type"
/// content="..; charset=..">` near the start declares, if encoding_rs
/// knows its label. A page cannot declare UTF-16 in its own bytes (they
/// were read as ASCII to find the declaration): HTML reads that as UTF-8.
fn declared(bytes: &[u8]) -> Option<&'static Encoding> {
    let head = bytes[..bytes.len().min(PRESCAN_BYTES)].to_ascii_lowercase();
    let mut from = 0;
    while let Some(at) = find(&head[from..], b"<meta").map(|i| from + i) {
        let end = head[at..]
            .iter()
            .position(|&b| b == b'>')
            .map_or(head.len(), |i| at + i);
        let tag = &head[at..end];
        if let Some(label) = find(tag, b"charset").and_then(|i| label_after(&tag[i + 7..])) {
            if let Some(encoding) = Encoding::for_label(label) {
                return Some(
                    if encoding == encoding_rs::UTF_16LE || encoding == encoding_rs::UTF_16BE {
                        UTF_8
                    } else {
                        encoding.output_encoding()
                    },
                );
            }
        }
        from = end;
    }
    None
}

/// The label in `= "shift_jis"` (quotes and spaces optional).
fn label_after(rest: &[u8]) -> Option<&[u8]> {
    let rest = rest
        .trim_ascii_start()
        .strip_prefix(b"=")?
        .trim_ascii_start();
    let rest = rest
        .strip_prefix(b"\"")
        .or_else(|| rest.strip_prefix(b"'"))
        .unwrap_or(rest);
    let len = rest
        .iter()
        .position(|&b| matches!(b, b'"' | b'\'' | b';' | b'/' | b'>') || b.is_ascii_whitespace())
        .unwrap_or(rest.len());
    Some(&rest[..len]).filter(|label| !label.is_empty())
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    memchr::memmem::find(haystack, needle)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pages_are_decoded_in_their_declared_character_set() {
        let cases: [(&[u8], &str); 10] = [
            (b"<meta charset=\"windows-1252\"><p>caf\xe9 \x93ok\x94</p>", "café “ok”"),
            (b"<meta charset=iso-8859-2><p>\xb1\xe6</p>", "ąć"),
            (b"<META HTTP-EQUIV=\"Content-Type\" CONTENT=\"text/html; charset=Shift_JIS\"><p>\x93\xfa\x96\x7b</p>", "日本"),
            (b"<meta charset='ISO-8859-15'><p>\xa4</p>", "€"),
            (b"\xef\xbb\xbf<meta charset=\"windows-1252\"><p>caf\xc3\xa9</p>", "café"),
            (b"<meta charset=\"gb2312\"><p>caf\xc3\xa9</p>", "café"),
            (b"<meta charset=\"utf-16\"><p>caf\xc3\xa9</p>", "café"),
            (b"<p>caf\xc3\xa9</p>", "café"),
            (b"<p>caf\xe9</p>", "café"),
            (b"<meta charset=\"no-such-set\"><p>caf\xc3\xa9</p>", "café"),
        ];
        for (bytes, want) in cases {
            let text = decode(bytes);
            assert!(
                text.contains(want),
                "{:?} gave {text:?}",
                String::from_utf8_lossy(bytes)
            );
            assert!(!text.starts_with('\u{feff}'), "{text:?}");
        }
    }

    #[test]
    fn utf16_with_its_mark_is_decoded() {
        let bytes: Vec<u8> = [0xff, 0xfe]
            .into_iter()
            .chain("<html>é</html>".encode_utf16().flat_map(u16::to_le_bytes))
            .collect();
        assert_eq!(decode(&bytes), "<html>é</html>");
    }

    #[test]
    fn labels_are_read_however_quoted() {
        for (rest, want) in [
            (&b"=\"utf-8\">"[..], Some(&b"utf-8"[..])),
            (b" = 'koi8-r' ", Some(b"koi8-r")),
            (b"=euc-jp/>", Some(b"euc-jp")),
            (b"=\"\"", None),
            (b"set", None),
        ] {
            assert_eq!(
                label_after(rest),
                want,
                "{:?}",
                String::from_utf8_lossy(rest)
            );
        }
    }
}
