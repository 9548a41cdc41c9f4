//! Plain-text output: the headline, a blank line, one sentence per line.

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
/// 8-bit CSI `U+009B`); tabs become spaces.
pub fn printable(text: &str) -> String {
    text.chars()
        .filter_map(|c| match c {
            '\t' => Some(' '),
            c if c.is_control() => None,
            c => Some(c),
        })
        .collect()
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
}
