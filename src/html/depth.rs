//! A guard against markup nested so deep that walking it would exhaust the
//! stack: the extractors walk the page's tree recursively.

use super::PageError;

/// The deepest nesting of elements lede reads, as `check_depth` counts
/// it. Of the 130 dev pages, the deepest counts 292 (most stay under 40).
/// The extractors recurse once per level (at this depth they fit in the
/// 2 MiB stack of a batch worker) and take time in the square of the depth:
/// with the release build, 502 nested tables take 0.8 s and 1,990 take
/// 15.6 s, 1,990 `<div>`s 2.6 s.
pub const MAX_DEPTH: usize = 1_024;

/// Elements that close themselves (void elements), are closed by the
/// next of their kind or by their parent's end (`<p>`, `<li>`, table
/// parts), or exist once whatever the markup says (`<html>`, `<body>`):
/// counting them as open would make a long page of unclosed paragraphs
/// look deep.
const NOT_NESTING: &[&[u8]] = &[
    b"area",
    b"base",
    b"br",
    b"col",
    b"embed",
    b"hr",
    b"img",
    b"input",
    b"link",
    b"meta",
    b"source",
    b"track",
    b"wbr",
    b"p",
    b"li",
    b"dt",
    b"dd",
    b"option",
    b"optgroup",
    b"tr",
    b"td",
    b"th",
    b"tbody",
    b"thead",
    b"tfoot",
    b"colgroup",
    b"rb",
    b"rt",
    b"rp",
    b"rtc",
    b"html",
    b"head",
    b"body",
];

/// Checks that `html` does not nest elements deeper than [`MAX_DEPTH`], by
/// counting start tags against end tags in one pass over the bytes. It
/// errs towards depth: tags inside scripts and comments count too.
///
/// # Errors
/// [`PageError::TooDeep`] when it does.
pub(super) fn check_depth(html: &str) -> Result<(), PageError> {
    let bytes = html.as_bytes();
    let mut depth: usize = 0;
    for at in memchr::memchr_iter(b'<', bytes) {
        let rest = &bytes[at + 1..];
        let (closing, name_from) = match rest.first() {
            Some(b'/') => (true, 1),
            Some(c) if c.is_ascii_alphabetic() => (false, 0),
            _ => continue,
        };
        let name_len = rest[name_from..]
            .iter()
            .position(|c| !c.is_ascii_alphanumeric())
            .unwrap_or(rest.len() - name_from);
        let name = rest[name_from..name_from + name_len].to_ascii_lowercase();
        if NOT_NESTING.contains(&name.as_slice()) {
            continue;
        }
        if closing {
            depth = depth.saturating_sub(1);
        } else if !self_closed(&rest[name_from + name_len..]) {
            depth += 1;
            if depth > MAX_DEPTH {
                return Err(PageError::TooDeep { limit: MAX_DEPTH });
            }
        }
    }
    Ok(())
}

/// Whether the rest of a start tag ends in `/>` (an SVG or MathML element
/// with no children).
fn self_closed(rest: &[u8]) -> bool {
    let end = memchr::memchr(b'>', rest).unwrap_or(rest.len());
    end > 0 && rest[end - 1] == b'/'
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn depth_counts_elements_that_nest() {
        let deep =
            |n: usize, open: &str, close: &str| format!("{}{}", open.repeat(n), close.repeat(n));
        let cases = [
            (deep(MAX_DEPTH, "<div>", "</div>"), true),
            (deep(MAX_DEPTH + 1, "<div>", "</div>"), false),
            (deep(MAX_DEPTH + 1, "<DIV class=a>", ""), false),
            (deep(100_000, "<span>", "</span>"), false),
            // Siblings, however many, are not depth.
            ("<div>a</div>".repeat(100_000), true),
            // Unclosed paragraphs and list items close each other.
            ("<p>Para".repeat(100_000), true),
            ("<li>Item<br><img src=x>".repeat(100_000), true),
            ("<html><body><p>".repeat(100_000), true),
            (deep(100_000, "<path d=x/>", ""), true),
            ("a < b and c <= d; <!-- x --> <3".repeat(10_000), true),
            (String::new(), true),
        ];
        for (html, fits) in cases {
            let got = check_depth(&html);
            assert_eq!(
                got.is_ok(),
                fits,
                "{}...: {got:?}",
                &html[..html.len().min(40)]
            );
        }
    }
}
