//! Plain-text output: the headline, a blank line, one sentence per line.

use std::borrow::Cow;
use std::io::{self, Write};

use crate::summarize::Summary;

/// Writes `summary` as text. Control characters from the input (terminal
/// escape sequences among them) are dropped, so printing a hostile file
/// cannot drive the terminal.
///
/// # Errors
/// Any error of `out`.
pub fn write(out: &mut impl Write, summary: &Summary) -> io::Result<()> {
    write_lines(out, summary, |text| printable(&text))
}

/// Writes `summary` as text, keeping the control characters that came from
/// the input (the CLI's `--raw`): for a consumer that wants the sentences
/// as they are and does not show them on a terminal. Line breaks and tabs
/// inside a sentence are still joined into single spaces, as in [`write()`],
/// so each sentence stays one line.
///
/// # Errors
/// Any error of `out`.
pub fn write_raw(out: &mut impl Write, summary: &Summary) -> io::Result<()> {
    write_lines(out, summary, |text| text)
}

fn write_lines(
    out: &mut impl Write,
    summary: &Summary,
    show: fn(String) -> String,
) -> io::Result<()> {
    if !summary.headline.text.is_empty() {
        writeln!(out, "{}", show(summary.headline.text.clone()))?;
        writeln!(out)?;
    }
    for sentence in &summary.sentences {
        writeln!(out, "{}", show(sentence.display_text()))?;
    }
    Ok(())
}

/// The text without control characters (C0, DEL and C1, which includes the
/// 8-bit CSI `U+009B`) and without the bidirectional controls that the text
/// opens and does not close; tabs become spaces.
///
/// An override or embedding left open (U+202E RIGHT-TO-LEFT OVERRIDE with no
/// U+202C after it) reorders the rest of the terminal's line: a file name or
/// an id printed after the sentence would read backwards. Balanced pairs
/// stay, as right-to-left text uses them.
pub fn printable(text: &str) -> String {
    let mut out: Vec<char> = Vec::with_capacity(text.len());
    // Where each open embedding (false) or isolate (true) stands in `out`.
    let mut open: Vec<(usize, bool)> = Vec::new();
    for c in text.chars() {
        match c {
            '\t' => out.push(' '),
            c if c.is_control() => {}
            '\u{202A}' | '\u{202B}' | '\u{202D}' | '\u{202E}' => {
                open.push((out.len(), false));
                out.push(c);
            }
            '\u{2066}' | '\u{2067}' | '\u{2068}' => {
                open.push((out.len(), true));
                out.push(c);
            }
            // A pop closes the innermost embedding, within the innermost
            // isolate; one with nothing to close is dropped.
            '\u{202C}' => {
                if open.last().is_some_and(|&(_, isolate)| !isolate) {
                    open.pop();
                    out.push(c);
                }
            }
            // A pop of an isolate closes it and every embedding inside it.
            '\u{2069}' => {
                if let Some(at) = open.iter().rposition(|&(_, isolate)| isolate) {
                    open.truncate(at);
                    out.push(c);
                }
            }
            c => out.push(c),
        }
    }
    for &(at, _) in &open {
        out[at] = '\0';
    }
    out.into_iter().filter(|&c| c != '\0').collect()
}

/// `text` with its control characters and bidirectional controls written
/// as escapes (`\n`, `\u{1b}`, `\u{202e}`): for file names, ids and option
/// values in messages and headers, which must stay one line and must not
/// drive the terminal, while still telling the user which name it was (as
/// `ls` and ripgrep show such names).
pub fn escape_controls(text: &str) -> Cow<'_, str> {
    if !text.chars().any(needs_escape) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        if needs_escape(c) {
            out.extend(c.escape_debug());
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// Characters that [`escape_controls`] escapes: control characters and the
/// bidirectional embeddings, overrides, isolates and marks.
fn needs_escape(c: char) -> bool {
    c.is_control()
        || matches!(c, '\u{200E}' | '\u{200F}' | '\u{061C}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn control_characters_are_dropped() {
        let cases = [
            ("a\u{1b}[31mred\u{7}\tb", "a[31mred b"),
            ("\u{9b}31mcsi\u{7f}", "31mcsi"),
            ("\u{0}nul\r", "nul"),
            // Not control characters: bidi marks, zero-width joiners, emoji.
            ("\u{200f}שלום\u{200d}🎉", "\u{200f}שלום\u{200d}🎉"),
        ];
        for (text, want) in cases {
            assert_eq!(printable(text), want, "input: {text:?}");
        }
    }

    #[test]
    fn unbalanced_bidi_controls_are_dropped_and_balanced_ones_kept() {
        let (rlo, pdf, rli, pdi, lre) =
            ('\u{202E}', '\u{202C}', '\u{2067}', '\u{2069}', '\u{202A}');
        let cases = [
            (format!("abc{rlo}txt.exe"), "abctxt.exe".to_string()),
            (format!("a{rlo}b{pdf}c"), format!("a{rlo}b{pdf}c")),
            (format!("a{rli}b{pdi}c{rli}d"), format!("a{rli}b{pdi}cd")),
            // An isolate's pop closes the embedding opened inside it.
            (format!("{rli}a{lre}b{pdi}"), format!("{rli}a{lre}b{pdi}")),
            // Pops with nothing to close go too.
            (format!("a{pdf}b{pdi}"), "ab".to_string()),
            (format!("{rlo}{rlo}x{pdf}"), format!("{rlo}x{pdf}")),
        ];
        for (text, want) in cases {
            assert_eq!(printable(&text), want, "input: {text:?}");
        }
    }

    #[test]
    fn names_are_escaped_not_dropped() {
        let cases = [
            ("plain.txt", "plain.txt"),
            (
                "a\u{1b}]0;PWNED\u{7}\u{1b}[2J.txt",
                "a\\u{1b}]0;PWNED\\u{7}\\u{1b}[2J.txt",
            ),
            ("two\nlines", "two\\nlines"),
            ("gpj.\u{202e}exe", "gpj.\\u{202e}exe"),
            ("日本語.txt", "日本語.txt"),
        ];
        for (name, want) in cases {
            assert_eq!(escape_controls(name), want, "name: {name:?}");
        }
    }
}
