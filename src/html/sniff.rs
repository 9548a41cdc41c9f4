//! Is this input a web page? Judged by its start, as browsers and `file`
//! do, never by its name (pages are saved as .htm, .php, or piped in).

/// How far into the input to look for the markup that opens a page: past a
/// byte-order mark, a long comment or a script that some servers put first.
const SNIFF_BYTES: usize = 1024;

/// The tags a page starts with, lowercase, without their `<`.
const OPENING_TAGS: &[&str] = &["!doctype html", "html", "head", "body"];

/// Whether `input` looks like a web page: a doctype or an `<html>`,
/// `<head>` or `<body>` tag near its start, before any text that is not
/// markup. Plain text that talks about `<html>` tags further in is text.
///
/// It reads bytes, so that it can judge a page before its character set is
/// known: the tags are ASCII in every character set lede decodes but UTF-16.
pub fn looks_like_html(input: impl AsRef<[u8]>) -> bool {
    let input = input.as_ref();
    let input = input.strip_prefix(b"\xef\xbb\xbf").unwrap_or(input);
    let start = input.trim_ascii_start();
    let window = start[..start.len().min(SNIFF_BYTES)].to_ascii_lowercase();
    // Text first ("Rain fell. <html> is a tag") is not a page.
    if !window.starts_with(b"<") {
        return false;
    }
    window.iter().enumerate().any(|(at, &b)| {
        b == b'<'
            && OPENING_TAGS.iter().any(|name| {
                window[at + 1..]
                    .strip_prefix(name.as_bytes())
                    .and_then(|rest| rest.first())
                    .is_some_and(|&c| c == b'>' || c.is_ascii_whitespace())
            })
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pages_are_told_from_text_by_their_start() {
        let cases = [
            ("<!DOCTYPE html><html><body>Hi.</body></html>", true),
            ("<!doctype html>\n<title>x</title>", true),
            ("\u{feff}  <html lang=\"fr\">", true),
            ("<?xml version=\"1.0\"?>\n<html xmlns=\"x\">", true),
            ("<!-- saved page -->\n<HTML>\n<BODY>", true),
            ("<head><meta charset=\"utf-8\"></head>", true),
            ("<body>", true),
            ("<div>no page tags</div>", false),
            ("<htmlish>", false),
            ("Rain fell. <html> is the tag that opens a page.", false),
            ("The river rose.\n\n<body> text", false),
            ("", false),
            ("<", false),
        ];
        for (input, want) in cases {
            assert_eq!(looks_like_html(input), want, "input: {input:?}");
        }
    }

    #[test]
    fn a_long_prologue_hides_the_page() {
        let late = format!("<!--{}--><html>", "x".repeat(SNIFF_BYTES));
        assert!(!looks_like_html(&late));
        let multibyte = format!("<{}<html>", "é".repeat(SNIFF_BYTES));
        assert!(!looks_like_html(&multibyte));
    }
}
